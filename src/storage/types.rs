//! The storage node's JSON-RPC wire types (docs/protocol.md §3.2), with the exact JSON shapes of the
//! 0G node: camelCase fields, `0x` lowercase hex hashes, standard base64 (with padding) for
//! segment data, integers as JSON numbers.

use serde::{Deserialize, Serialize};

use super::merkle::Hash;

/// Serde for a 32-byte hash as `0x` + 64 lowercase hex characters.
pub mod hex_hash {
    use super::Hash;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn to_hex(h: &Hash) -> String {
        format!("0x{}", hex::encode(h))
    }

    pub fn parse(s: &str) -> Result<Hash, String> {
        let t = s
            .strip_prefix("0x")
            .or_else(|| s.strip_prefix("0X"))
            .unwrap_or(s);
        let bytes = hex::decode(t).map_err(|e| format!("'{s}' is not hex: {e}"))?;
        bytes
            .try_into()
            .map_err(|_| format!("'{s}' is not a 32-byte hash"))
    }

    pub fn serialize<S: Serializer>(h: &Hash, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(h))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Hash, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Serde for `Vec<Hash>` as an array of `0x` hex strings.
pub mod hex_hash_vec {
    use super::Hash;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[Hash], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for h in v {
            seq.serialize_element(&super::hex_hash::to_hex(h))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Hash>, D::Error> {
        let v = Vec::<String>::deserialize(d)?;
        v.iter()
            .map(|s| super::hex_hash::parse(s).map_err(serde::de::Error::custom))
            .collect()
    }
}

/// Serde for `merkleNodes`: `[[height + 1, "0x…"], …]` on the wire, `(depth, root)` here.
mod merkle_nodes {
    use super::Hash;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[(u64, Hash)], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for (d, h) in v {
            seq.serialize_element(&(d, super::hex_hash::to_hex(h)))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(u64, Hash)>, D::Error> {
        let v = Vec::<(u64, String)>::deserialize(d)?;
        v.into_iter()
            .map(|(d, s)| {
                Ok((
                    d,
                    super::hex_hash::parse(&s).map_err(serde::de::Error::custom)?,
                ))
            })
            .collect()
    }
}

/// Serde for a 20-byte address as `0x` + 40 lowercase hex characters.
pub mod hex_address {
    use alloy::primitives::Address;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(a: &Address, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("0x{}", hex::encode(a.as_slice())))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Address, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Address>().map_err(serde::de::Error::custom)
    }
}

/// Serde for bytes as standard base64 with padding.
pub mod base64_bytes {
    use serde::{Deserializer, Serializer};

    /// Standard base64 with padding, decoded with SIMD where the CPU has it (a segment is
    /// 350 KB of it on the wire).
    pub fn decode(b64: &[u8]) -> Result<Vec<u8>, String> {
        base64_simd::STANDARD
            .decode_to_vec(b64)
            .map_err(|e| format!("invalid base64: {e}"))
    }

    /// Appends the standard base64 (with padding) of `data` to `out`, with SIMD where the CPU
    /// has it. Base64 needs no JSON escaping, so it can go into a JSON string as it is.
    pub fn encode_into(data: &[u8], out: &mut Vec<u8>) {
        base64_simd::STANDARD.encode_append(data, out);
    }

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64_simd::STANDARD.encode_to_string(v))
    }

    /// Decodes the string where the parser holds it (borrowed from the input when it has no
    /// escapes): a segment's base64 is not copied into a `String` first. It is asked for as
    /// bytes: serde_json then finds the string's end with a SIMD search for `"` and `\`
    /// instead of checking every byte for control characters and UTF-8 (2.7 times the cost
    /// of the base64 decoding on a 256 MiB upload); the decoder refuses every byte outside
    /// the base64 alphabet, control characters included, so nothing more gets through.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct B64;
        impl serde::de::Visitor<'_> for B64 {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a base64 string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Vec<u8>, E> {
                decode(s.as_bytes()).map_err(E::custom)
            }
            fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<Vec<u8>, E> {
                decode(b).map_err(E::custom)
            }
        }
        d.deserialize_bytes(B64)
    }
}

/// The p2p protocol version in a node's network identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolVersion {
    pub major: u8,
    pub minor: u8,
    pub build: u8,
}

/// Which chain and flow contract a node follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkIdentity {
    pub chain_id: u64,
    #[serde(with = "hex_address")]
    pub flow_address: alloy::primitives::Address,
    #[serde(default)]
    pub p2p_protocol_version: ProtocolVersion,
}

/// `zgs_getStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    #[serde(default)]
    pub connected_peers: u64,
    #[serde(default)]
    pub log_sync_height: u64,
    #[serde(with = "hex_hash", default)]
    pub log_sync_block: Hash,
    #[serde(default)]
    pub next_tx_seq: u64,
    pub network_identity: NetworkIdentity,
    /// Blocks a block needs on top of it before the node reads its events (cohort's nodes
    /// say; 0G's do not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmations: Option<u64>,
}

/// A submission as a node knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// U256 hex strings; empty for Submit transactions.
    #[serde(default)]
    pub stream_ids: Vec<String>,
    /// Raw bytes as a JSON number array; empty for Submit transactions.
    #[serde(default)]
    pub data: Vec<u8>,
    #[serde(with = "hex_hash")]
    pub data_merkle_root: Hash,
    /// `(height + 1, root)` for each submission node.
    #[serde(with = "merkle_nodes", default)]
    pub merkle_nodes: Vec<(u64, Hash)>,
    pub start_entry_index: u64,
    /// The file size in bytes.
    pub size: u64,
    pub seq: u64,
}

/// `zgs_getFileInfo` / `zgs_getFileInfoByTxSeq`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileInfo {
    pub tx: Transaction,
    pub finalized: bool,
    #[serde(default)]
    pub is_cached: bool,
    #[serde(default)]
    pub uploaded_seg_num: u64,
    #[serde(default)]
    pub pruned: bool,
}

/// A Merkle proof: `lemma = [leaf, siblings bottom-up…, root]`, `path[i]` true when the proven
/// node is the left child at level `i` (§3.3). A one-leaf tree has `lemma = [root]`, `path = []`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileProof {
    #[serde(with = "hex_hash_vec")]
    pub lemma: Vec<Hash>,
    pub path: Vec<bool>,
}

/// One segment with its proof: the unit of upload, and of download with proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentWithProof {
    #[serde(with = "hex_hash")]
    pub root: Hash,
    /// The data chunks of the segment (base64 on the wire).
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
    /// The file-relative segment index.
    pub index: u64,
    pub proof: FileProof,
    pub file_size: u64,
}

impl SegmentWithProof {
    /// Appends this segment's wire JSON to `out`: what its `Serialize` writes, but with the
    /// data's base64 written straight into the buffer (no escaping pass over 350 KB of text).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let proof = serde_json::to_vec(&self.proof).expect("proofs serialize");
        write_segment_json(
            &self.root,
            &self.data,
            self.index,
            &proof,
            self.file_size,
            out,
        );
    }
}

/// Appends the wire JSON of a segment with proof to `out`, the proof given as its JSON text
/// (as a node stores it).
pub fn write_segment_json(
    root: &Hash,
    data: &[u8],
    index: u64,
    proof_json: &[u8],
    file_size: u64,
    out: &mut Vec<u8>,
) {
    use std::io::Write;
    out.reserve(data.len().div_ceil(3) * 4 + proof_json.len() + 160);
    out.extend_from_slice(b"{\"root\":\"");
    out.extend_from_slice(hex_hash::to_hex(root).as_bytes());
    out.extend_from_slice(b"\",\"data\":\"");
    base64_bytes::encode_into(data, out);
    let _ = write!(out, "\",\"index\":{index},\"proof\":");
    out.extend_from_slice(proof_json);
    let _ = write!(out, ",\"fileSize\":{file_size}}}");
}

/// A bare segment (`zgs_downloadSegment*`): a base64 string on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Segment(#[serde(with = "base64_bytes")] pub Vec<u8>);

/// `zgs_getShardConfig`: the node stores global segments `g` with `g % numShard == shardId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShardConfig {
    /// (`shard_id` is what earlier node data folders recorded.)
    #[serde(alias = "shard_id")]
    pub shard_id: u64,
    #[serde(alias = "num_shard")]
    pub num_shard: u64,
}

impl Default for ShardConfig {
    fn default() -> Self {
        ShardConfig {
            shard_id: 0,
            num_shard: 1,
        }
    }
}

impl ShardConfig {
    /// The whole flow.
    pub const ALL: ShardConfig = ShardConfig {
        shard_id: 0,
        num_shard: 1,
    };

    /// Parses `K/N` (N a power of two, K < N), as `cohort node run --shard` takes it.
    pub fn parse(s: &str) -> crate::Result<ShardConfig> {
        let bad = || {
            crate::Error::usage(
                "node.bad_shard",
                format!("--shard '{s}' is not of the form K/N"),
            )
            .hint("use e.g. 0/1 (everything), 0/2 or 1/2; N is a power of two and K < N")
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let shard = ShardConfig {
            shard_id: k.trim().parse().map_err(|_| bad())?,
            num_shard: n.trim().parse().map_err(|_| bad())?,
        };
        let (k, n) = (shard.shard_id, shard.num_shard);
        if n == 0 || !n.is_power_of_two() {
            return Err(crate::Error::usage(
                "node.bad_shard",
                format!("--shard '{s}': the number of shards N = {n} is not a power of two"),
            )
            .hint("use N = 1, 2, 4, 8, …, e.g. --shard 0/2 or --shard 1/2"));
        }
        if k >= n {
            return Err(crate::Error::usage(
                "node.bad_shard",
                format!(
                    "--shard '{s}': the shard K = {k} must be below N = {n} (shards count from 0)"
                ),
            )
            .hint(format!("the shards of {n} are 0/{n} … {}/{n}", n - 1)));
        }
        if !shard.is_valid() {
            return Err(bad());
        }
        Ok(shard)
    }

    /// The number of global segments in `[start, start+count)` this node stores.
    pub fn count_in(&self, start: u64, count: u64) -> u64 {
        if count == 0 {
            return 0;
        }
        let n = self.num_shard;
        let first = start + (self.shard_id + n - start % n) % n;
        if first >= start + count {
            0
        } else {
            (start + count - 1 - first) / n + 1
        }
    }

    /// Whether the config is valid: `numShard` a power of two, `shardId < numShard`.
    pub fn is_valid(&self) -> bool {
        self.num_shard.is_power_of_two() && self.shard_id < self.num_shard
    }

    /// Whether this node stores global segment `g`.
    pub fn covers(&self, global_segment: u64) -> bool {
        self.num_shard < 2 || global_segment % self.num_shard == self.shard_id
    }

    /// The first global segment `>= start` this node stores (§4.3 `nextSegmentIndex`).
    pub fn next_segment_index(&self, start: u64) -> u64 {
        if self.num_shard < 2 {
            return start;
        }
        let n = self.num_shard;
        let k = self.shard_id;
        if start <= k {
            return k;
        }
        (start - k).div_ceil(n) * n + k
    }
}

/// The parameter of `zgs_checkFileFinalized`: a txSeq or a root (untagged on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TxSeqOrRoot {
    TxSeq(u64),
    Root(#[serde(with = "hex_hash")] Hash),
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shard_parse_says_what_is_wrong_with_k_and_n() {
        assert_eq!(
            ShardConfig::parse("1/2").unwrap(),
            ShardConfig {
                shard_id: 1,
                num_shard: 2
            }
        );
        let e = ShardConfig::parse("2/2").unwrap_err();
        assert_eq!(e.code, "node.bad_shard");
        assert!(e.message.contains("must be below N = 2"), "{}", e.message);
        assert!(e.hint.unwrap().contains("0/2 … 1/2"));
        let e = ShardConfig::parse("1/3").unwrap_err();
        assert!(e.message.contains("not a power of two"), "{}", e.message);
        let e = ShardConfig::parse("x").unwrap_err();
        assert!(e.message.contains("not of the form K/N"), "{}", e.message);
    }

    fn roundtrip<T: Serialize + for<'a> Deserialize<'a> + PartialEq + std::fmt::Debug>(
        v: serde_json::Value,
    ) -> T {
        let t: T = serde_json::from_value(v.clone()).expect("deserialize");
        assert_eq!(serde_json::to_value(&t).expect("serialize"), v);
        t
    }

    #[test]
    fn status_round_trips() {
        let s: Status = roundtrip(json!({
            "connectedPeers": 0, "logSyncHeight": 123,
            "logSyncBlock": format!("0x{}", "ab".repeat(32)), "nextTxSeq": 5,
            "networkIdentity": {"chainId": 31337,
                "flowAddress": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "p2pProtocolVersion": {"major": 0, "minor": 4, "build": 0}}
        }));
        assert_eq!(s.next_tx_seq, 5);
        assert_eq!(s.network_identity.chain_id, 31337);
    }

    #[test]
    fn file_info_round_trips_with_merkle_nodes_as_pairs() {
        let r = format!("0x{}", "11".repeat(32));
        let f: FileInfo = roundtrip(json!({
            "tx": {"streamIds": [], "data": [], "dataMerkleRoot": r,
                   "merkleNodes": [[12, r], [10, r]], "startEntryIndex": 2048,
                   "size": 600000, "seq": 1},
            "finalized": false, "isCached": false, "uploadedSegNum": 3, "pruned": false
        }));
        assert_eq!(f.tx.merkle_nodes[0].0, 12);
        assert_eq!(f.tx.merkle_nodes[1].1, [0x11; 32]);
        assert_eq!(f.tx.size, 600000);
    }

    #[test]
    fn segment_with_proof_uses_base64_and_hex() {
        let root = "0x71bfab3b73c19ec6548f3e1dcc56d9a8c7c66b51b71e4dbbfb1fc0e0bf2826ba";
        let mut data = vec![0u8; 256];
        data[0] = 7;
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
        assert!(b64.starts_with("BwAA") && b64.ends_with("=="));
        let s: SegmentWithProof = roundtrip(json!({
            "root": root, "data": b64, "index": 0,
            "proof": {"lemma": [root], "path": []}, "fileSize": 1
        }));
        assert_eq!(s.data, data);
        assert_eq!(s.proof.lemma.len(), 1);
        // Parsed from text (the node's path, the string read as raw bytes): an escaped `/`
        // is the same base64; a control character, an escape for one, or a non-string is refused.
        let bytes: Vec<u8> = (0u8..=255).collect();
        let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
        assert!(b64.contains('/'));
        let seg = |data: &str| {
            format!(
                r#"{{"root":"{root}","data":{data},"index":0,"proof":{{"lemma":["{root}"],"path":[]}},"fileSize":256}}"#
            )
        };
        let escaped = format!("\"{}\"", b64.replace('/', "\\/"));
        let s: SegmentWithProof = serde_json::from_slice(seg(&escaped).as_bytes()).unwrap();
        assert_eq!(s.data, bytes);
        let s: SegmentWithProof = serde_json::from_str(&seg(&escaped)).unwrap();
        assert_eq!(s.data, bytes);
        for bad in [
            format!("\"{}\n{}\"", &b64[..4], &b64[4..]),
            format!("\"{}\\u0001{}\"", &b64[..4], &b64[4..]),
            "[1,2,3]".to_string(),
            "\"not base64!\"".to_string(),
        ] {
            let e = serde_json::from_slice::<SegmentWithProof>(seg(&bad).as_bytes()).unwrap_err();
            assert!(e.to_string().contains("base64"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_fast_segment_writer_writes_what_serde_writes() {
        for len in [256usize, 1024, 262_144] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 + len) as u8).collect();
            let seg = SegmentWithProof {
                root: [0xab; 32],
                data,
                index: 3,
                proof: FileProof {
                    lemma: vec![[1; 32], [2; 32], [3; 32]],
                    path: vec![true],
                },
                file_size: 123_456_789,
            };
            let mut fast = Vec::new();
            seg.write_json(&mut fast);
            assert_eq!(fast, serde_json::to_vec(&seg).unwrap(), "len {len}");
            // The data is the base64 crate's standard encoding (an independent encoder).
            use base64::Engine;
            let b64 = base64::engine::general_purpose::STANDARD.encode(&seg.data);
            assert!(String::from_utf8_lossy(&fast).contains(&format!("\"data\":\"{b64}\"")));
            let back: SegmentWithProof = serde_json::from_slice(&fast).unwrap();
            assert_eq!(back, seg);
        }
    }

    #[test]
    fn shard_config_and_tx_seq_or_root_round_trip() {
        let c: ShardConfig = roundtrip(json!({"shardId": 1, "numShard": 4}));
        assert!(c.is_valid());
        assert_eq!(c.next_segment_index(0), 1);
        assert_eq!(c.next_segment_index(2), 5);
        assert_eq!(c.next_segment_index(5), 5);
        let _: TxSeqOrRoot = roundtrip(json!(7));
        let _: TxSeqOrRoot = roundtrip(json!(format!("0x{}", "ee".repeat(32))));
        let _: Segment = roundtrip(json!("AAAA"));
    }
}
