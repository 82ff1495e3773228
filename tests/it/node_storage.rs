//! The storage node (`cohort node run`) against a real anvil devnet: files submitted through the
//! Flow contract, segments uploaded and downloaded over JSON-RPC exactly as the 0G SDKs do.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Devnet, content};
use alloy::primitives::{Address, B256, Bytes, U256};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use cohort::chain::bindings::{FixedPriceMarket, Flow};
use cohort::chain::{Chain, SignerChain};
use cohort::storage::merkle::{
    self, FileTree, SEGMENT_SIZE, fee_sectors, hash_pair, keccak, root_of_leaves, segment_wire_len,
};
use cohort::storage::types::{FileProof, SegmentWithProof};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// helpers

struct Net {
    devnet: Devnet,
    signer: SignerChain,
    flow: Address,
    price: U256,
}

async fn net(nodes: u64, shards: u64) -> Net {
    let devnet = tokio::task::spawn_blocking(move || Devnet::start(nodes, shards))
        .await
        .unwrap();
    let chain = Chain::connect(&devnet.rpc_url(), Some(31337))
        .await
        .unwrap();
    let signer = chain
        .with_signer(cohort::devnet::dev_signer(1).unwrap())
        .unwrap();
    let flow: Address = devnet.contract("flow").parse().unwrap();
    let market: Address = devnet.contract("market").parse().unwrap();
    let price = FixedPriceMarket::new(market, &signer.provider)
        .pricePerSector()
        .call()
        .await
        .unwrap();
    Net {
        devnet,
        signer,
        flow,
        price,
    }
}

impl Net {
    fn node_urls(&self) -> Vec<String> {
        self.devnet.status["storage_nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    /// Submits raw nodes `(height, root)` for `size` bytes; returns the txSeq.
    async fn submit_nodes(&self, size: u64, nodes: &[(u64, [u8; 32])]) -> u64 {
        let sectors: u64 = nodes.iter().map(|(h, _)| 1u64 << h).sum();
        let sub = Flow::Submission {
            data: Flow::SubmissionData {
                length: U256::from(size),
                tags: Bytes::new(),
                nodes: nodes
                    .iter()
                    .map(|(h, r)| Flow::SubmissionNode {
                        root: B256::from(*r),
                        height: U256::from(*h),
                    })
                    .collect(),
            },
            submitter: self.signer.address,
        };
        let flow = Flow::new(self.flow, &self.signer.provider);
        let receipt = flow
            .submit(sub)
            .value(self.price * U256::from(sectors))
            .send()
            .await
            .unwrap()
            .get_receipt()
            .await
            .unwrap();
        assert!(receipt.status());
        let ev = receipt
            .inner
            .logs()
            .iter()
            .find_map(|l| l.log_decode::<Flow::Submit>().ok())
            .expect("a Submit event");
        ev.inner.data.submissionIndex.to::<u64>()
    }

    async fn submit(&self, tree: &FileTree) -> u64 {
        let nodes: Vec<(u64, [u8; 32])> = tree.nodes().iter().map(|n| (n.height, n.root)).collect();
        assert_eq!(
            nodes.iter().map(|(h, _)| 1u64 << h).sum::<u64>(),
            fee_sectors(tree.size)
        );
        self.submit_nodes(tree.size, &nodes).await
    }
}

/// One JSON-RPC call; returns the whole response object (HTTP must be 200).
async fn call(url: &str, method: &str, params: Value) -> Value {
    raw(
        url,
        json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}),
    )
    .await
}

async fn raw(url: &str, body: Value) -> Value {
    let resp = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

/// The result of a call that must succeed.
async fn ok(url: &str, method: &str, params: Value) -> Value {
    let r = call(url, method, params).await;
    assert!(r.get("error").is_none(), "{method} failed: {r}");
    r["result"].clone()
}

/// The error object of a call that must fail.
async fn err(url: &str, method: &str, params: Value) -> Value {
    let r = call(url, method, params).await;
    r.get("error")
        .cloned()
        .unwrap_or_else(|| panic!("{method} must fail, got {r}"))
}

fn segment(tree: &FileTree, data: &[u8], i: u64) -> SegmentWithProof {
    let start = (i as usize) * SEGMENT_SIZE;
    let len = segment_wire_len(tree.size, i);
    let mut d = data[start..(start + len).min(data.len())].to_vec();
    d.resize(len, 0);
    SegmentWithProof {
        root: tree.root,
        data: d,
        index: i,
        proof: tree.proof(i),
        file_size: tree.size,
    }
}

fn seg_json(s: &SegmentWithProof) -> Value {
    serde_json::to_value(s).unwrap()
}

async fn wait_until(what: &str, mut f: impl AsyncFnMut() -> bool) {
    let start = Instant::now();
    while !f().await {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_tx(url: &str, seq: u64) -> Value {
    wait_until(&format!("tx {seq} on {url}"), async || {
        !ok(url, "zgs_getFileInfoByTxSeq", json!([seq]))
            .await
            .is_null()
    })
    .await;
    ok(url, "zgs_getFileInfoByTxSeq", json!([seq])).await
}

/// Downloads a whole file by txSeq from the nodes (each segment from the first that has it).
async fn download(urls: &[String], seq: u64, size: u64) -> Vec<u8> {
    let chunks = size.div_ceil(256);
    let mut out = Vec::new();
    for seg in 0..chunks.div_ceil(1024) {
        let (start, end) = (seg * 1024, (seg * 1024 + 1024).min(chunks));
        let mut got = None;
        for url in urls {
            let v = ok(url, "zgs_downloadSegmentByTxSeq", json!([seq, start, end])).await;
            if let Some(s) = v.as_str() {
                got = Some(B64.decode(s).unwrap());
                break;
            }
        }
        let bytes = got.unwrap_or_else(|| panic!("no node serves segment {seg}"));
        assert_eq!(bytes.len() as u64, (end - start) * 256);
        out.extend_from_slice(&bytes);
    }
    out.truncate(size as usize);
    out
}

fn assert_error(e: &Value, code: i64, message: &str, data: &str) {
    assert_eq!(e["code"], code, "{e}");
    assert_eq!(e["message"], message, "{e}");
    assert!(e["data"].as_str().unwrap_or_default().contains(data), "{e}");
}

/// A node process started by the test itself (for kill -9 and restarts).
struct NodeProc {
    child: Child,
    url: String,
}

impl NodeProc {
    fn start(data_dir: &Path, chain: &str, flow: Address, shard: &str) -> NodeProc {
        NodeProc::start_with(data_dir, chain, flow, shard, &[])
    }

    fn start_with(
        data_dir: &Path,
        chain: &str,
        flow: Address,
        shard: &str,
        extra: &[&str],
    ) -> NodeProc {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(data_dir.with_extension("log"))
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["node", "run", "--data-dir"])
            .arg(data_dir)
            .args(["--rpc", &format!("127.0.0.1:{port}"), "--chain-rpc", chain])
            .args(["--flow", &flow.to_string(), "--shard", shard])
            .args(extra)
            .env("COHORT_HOME", data_dir.with_extension("home"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        NodeProc {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    async fn ready(&self) {
        let url = self.url.clone();
        wait_until("the node to answer", async || {
            reqwest::Client::new()
                .post(&url)
                .json(&json!({"jsonrpc": "2.0", "id": 1, "method": "zgs_getStatus"}))
                .send()
                .await
                .is_ok()
        })
        .await;
    }

    fn kill9(&mut self) {
        self.child.kill().unwrap(); // SIGKILL
        self.child.wait().unwrap();
    }
}

impl Drop for NodeProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// tests

#[tokio::test(flavor = "multi_thread")]
async fn node_stores_uploaded_files_and_serves_them_back_with_proofs() {
    let net = net(1, 1).await;
    let url = &net.node_urls()[0];

    // Status and shard config, params omitted as the TS SDK does.
    let st = raw(
        url,
        json!({"jsonrpc": "2.0", "id": 17956410527361944u64, "method": "zgs_getStatus"}),
    )
    .await;
    assert_eq!(st["id"], json!(17956410527361944u64));
    let flow_hex = format!("0x{}", hex::encode(net.flow));
    assert_eq!(
        st["result"]["networkIdentity"]["flowAddress"],
        json!(flow_hex)
    );
    assert_eq!(
        ok(url, "zgs_getShardConfig", json!([])).await,
        json!({"shardId": 0, "numShard": 1})
    );

    // A 1-byte file (startPos 1), then 600000 bytes (startPos 2048, nodes h = 11, 9).
    let small = content(1, 0);
    let small_tree = FileTree::from_bytes(&small);
    let data = content(600_000, 1);
    let tree = FileTree::from_bytes(&data);
    let s0 = net.submit(&small_tree).await;
    let s1 = net.submit(&tree).await;
    assert_eq!((s0, s1), (0, 1));
    let info = wait_for_tx(url, s1).await;
    let root_hex = format!("0x{}", hex::encode(tree.root));
    let nodes = tree.nodes();
    assert_eq!(
        info,
        json!({
            "tx": {"streamIds": [], "data": [], "dataMerkleRoot": root_hex,
                   "merkleNodes": [[12, format!("0x{}", hex::encode(nodes[0].root))],
                                   [10, format!("0x{}", hex::encode(nodes[1].root))]],
                   "startEntryIndex": 2048, "size": 600000, "seq": 1},
            "finalized": false, "isCached": false, "uploadedSegNum": 0, "pruned": false
        })
    );
    let st = ok(url, "zgs_getStatus", json!(null)).await;
    assert_eq!(st["networkIdentity"]["chainId"], 31337);
    assert_eq!(st["nextTxSeq"], 2);
    assert!(st["logSyncHeight"].as_u64().unwrap() >= 1);
    // Not finalized: no download yet.
    assert!(
        ok(url, "zgs_downloadSegmentByTxSeq", json!([s1, 0, 1024]))
            .await
            .is_null()
    );

    // Segments 0 and 2 in one batch (as the SDK's tasks), a duplicate skipped silently, then
    // segment 1 by root.
    let segs: Vec<SegmentWithProof> = (0..3).map(|i| segment(&tree, &data, i)).collect();
    assert_eq!(segs[2].data.len(), 75776);
    let r = ok(
        url,
        "zgs_uploadSegmentsByTxSeq",
        json!([[seg_json(&segs[0]), seg_json(&segs[2])], s1]),
    )
    .await;
    assert!(r.is_null());
    let info = ok(url, "zgs_getFileInfo", json!([root_hex, true])).await;
    assert_eq!(
        (info["finalized"].clone(), info["uploadedSegNum"].clone()),
        (json!(false), json!(2))
    );
    assert!(
        ok(
            url,
            "zgs_uploadSegmentsByTxSeq",
            json!([[seg_json(&segs[0])], s1])
        )
        .await
        .is_null()
    );
    assert!(
        ok(url, "zgs_uploadSegment", json!([seg_json(&segs[1])]))
            .await
            .is_null()
    );
    let info = ok(url, "zgs_getFileInfo", json!([root_hex, false])).await;
    assert_eq!(
        (info["finalized"].clone(), info["uploadedSegNum"].clone()),
        (json!(true), json!(3))
    );
    assert_eq!(
        ok(url, "zgs_checkFileFinalized", json!([s1])).await,
        json!(true)
    );
    assert_eq!(
        ok(url, "zgs_checkFileFinalized", json!([root_hex])).await,
        json!(true)
    );
    assert_eq!(
        ok(url, "zgs_checkFileFinalized", json!([99])).await,
        Value::Null
    );
    assert_eq!(
        ok(url, "zgs_getFileInfoByTxSeq", json!([99])).await,
        Value::Null
    );

    // Upload after finalization: the exact error the SDK treats as success.
    let e = err(
        url,
        "zgs_uploadSegmentsByTxSeq",
        json!([[seg_json(&segs[1])], s1]),
    )
    .await;
    assert_eq!(
        e,
        json!({"code": -32602, "message": "Invalid params: root", "data": "already uploaded and finalized"})
    );

    // Download byte-identical, by txSeq and by root, including a range across a segment border.
    assert_eq!(download(std::slice::from_ref(url), s1, 600_000).await, data);
    let part = ok(url, "zgs_downloadSegment", json!([root_hex, 1000, 1030])).await;
    assert_eq!(
        B64.decode(part.as_str().unwrap()).unwrap(),
        data[1000 * 256..1030 * 256]
    );
    // With proofs, as the Go SDK verifies them.
    for i in 0..3u64 {
        let v = ok(url, "zgs_downloadSegmentWithProofByTxSeq", json!([s1, i])).await;
        let s: SegmentWithProof = serde_json::from_value(v).unwrap();
        assert_eq!(s, segs[i as usize]);
        merkle::verify_segment(&tree.root, &s.data, i, s.file_size, &s.proof).unwrap();
    }
    let v = ok(url, "zgs_downloadSegmentWithProof", json!([root_hex, 2])).await;
    assert_eq!(
        serde_json::from_value::<SegmentWithProof>(v).unwrap(),
        segs[2]
    );
    // Several in one HTTP request (a JSON-RPC batch), through the client cohort downloads
    // with: answers in the order asked, whatever order the node sends them in, and an index out
    // of bounds failing alone.
    let client = cohort::storage::NodeClient::new(url);
    let got = client
        .download_segments_with_proof_by_tx_seq(s1, &[2, 0, 3, 1])
        .await
        .unwrap();
    assert_eq!(got.len(), 4);
    for (k, i) in [(0, 2usize), (1, 0), (3, 1)] {
        assert_eq!(
            got[k].as_ref().unwrap().as_ref(),
            Some(&segs[i]),
            "answer {k}"
        );
    }
    let e = got[2].as_ref().unwrap_err().to_string();
    assert!(e.contains("index out of bound"), "{e}");
    // Download errors of docs/protocol.md 3.4.
    assert_error(
        &err(url, "zgs_downloadSegmentByTxSeq", json!([s1, 5, 5])).await,
        -32602,
        "Invalid params: end_index",
        "invalid chunk index",
    );
    assert_error(
        &err(url, "zgs_downloadSegmentByTxSeq", json!([s1, 0, 1025])).await,
        -32602,
        "Invalid params: end_index",
        "exceeds maximum chunks 1024",
    );
    assert_error(
        &err(url, "zgs_downloadSegmentByTxSeq", json!([s1, 2340, 2345])).await,
        -32603,
        "Internal error",
        "end entry index exceeds tx size",
    );
    assert_error(
        &err(url, "zgs_downloadSegmentWithProofByTxSeq", json!([s1, 3])).await,
        -32602,
        "Invalid params: index",
        "index out of bound",
    );

    // The 1-byte file: one chunk, proof [root] / [].
    let seg = segment(&small_tree, &small, 0);
    assert_eq!(
        serde_json::to_value(&seg.proof).unwrap(),
        json!({"lemma": [format!("0x{}", hex::encode(small_tree.root))], "path": []})
    );
    assert!(
        ok(url, "zgs_uploadSegmentByTxSeq", json!([seg_json(&seg), s0]))
            .await
            .is_null()
    );
    assert_eq!(
        ok(url, "zgs_checkFileFinalized", json!([s0])).await,
        json!(true)
    );
    let one = ok(url, "zgs_downloadSegmentByTxSeq", json!([s0, 0, 1])).await;
    let one = B64.decode(one.as_str().unwrap()).unwrap();
    assert_eq!(one.len(), 256);
    assert_eq!(one[0], small[0]);
    assert!(one[1..].iter().all(|b| *b == 0));

    // A small file uploaded by root before its tx exists is cached, then applied (Go fast mode).
    let early = content(5000, 2);
    let early_tree = FileTree::from_bytes(&early);
    let seg = segment(&early_tree, &early, 0);
    assert!(
        ok(url, "zgs_uploadSegments", json!([[seg_json(&seg)]]))
            .await
            .is_null()
    );
    let s2 = net.submit(&early_tree).await;
    let early_root = format!("0x{}", hex::encode(early_tree.root));
    wait_until("the cached file to finalize", async || {
        ok(url, "zgs_getFileInfo", json!([early_root, true])).await["finalized"] == json!(true)
    })
    .await;
    assert_eq!(download(std::slice::from_ref(url), s2, 5000).await, early);

    // JSON-RPC plumbing: batches, string ids, unknown methods, parse errors (all HTTP 200).
    let batch = raw(
        url,
        json!([
            {"jsonrpc": "2.0", "id": "a", "method": "zgs_getShardConfig"},
            {"jsonrpc": "2.0", "id": 2, "method": "zgs_nope", "params": []},
            {"jsonrpc": "2.0", "id": 3, "method": "zgs_checkFileFinalized", "params": [s1]}
        ]),
    )
    .await;
    let batch = batch.as_array().unwrap();
    assert_eq!(batch.len(), 3);
    assert_eq!(batch[0]["id"], "a");
    assert_eq!(batch[0]["result"]["numShard"], 1);
    assert_eq!(batch[1]["error"]["code"], -32601);
    assert_eq!(batch[2]["result"], true);
    let resp = reqwest::Client::new()
        .post(url)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], -32700);
}

#[tokio::test(flavor = "multi_thread")]
async fn node_rejects_bad_segments_with_protocol_errors_and_stores_none() {
    let net = net(1, 1).await;
    let url = &net.node_urls()[0];
    let data = content(600_000, 3);
    let tree = FileTree::from_bytes(&data);
    let other = content(600_000, 4);
    let other_tree = FileTree::from_bytes(&other);
    let seq = net.submit(&tree).await;
    wait_for_tx(url, seq).await;
    let good: Vec<SegmentWithProof> = (0..3).map(|i| segment(&tree, &data, i)).collect();
    let up =
        |s: Value| async move { err(url, "zgs_uploadSegmentsByTxSeq", json!([[s], seq])).await };

    // Malformed base64.
    let mut v = seg_json(&good[0]);
    v["data"] = json!("%%%not base64");
    let e = up(v).await;
    assert_eq!(
        (e["code"].clone(), e["message"].clone()),
        (json!(-32602), json!("Invalid params"))
    );
    // Empty data, and data that is not whole chunks.
    let mut s = good[0].clone();
    s.data.clear();
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: data",
        "data is empty",
    );
    let mut s = good[0].clone();
    s.data.truncate(1000);
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: data",
        "invalid data length",
    );
    // A proof with a wrong sibling, a proof of another segment, tampered data.
    let mut s = good[0].clone();
    s.proof.lemma[1][0] ^= 1;
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: proof",
        "validation failed",
    );
    let mut s = good[0].clone();
    s.proof = good[1].proof.clone();
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: proof",
        "validation failed",
    );
    let mut s = good[0].clone();
    s.data[77] ^= 0xff;
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: proof",
        "validation failed",
    );
    let mut s = good[0].clone();
    s.proof.path.pop();
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: proof",
        "invalid proof",
    );
    // A valid segment of another file sent to this txSeq.
    let s = segment(&other_tree, &other, 0);
    assert_error(
        &up(seg_json(&s)).await,
        -32603,
        "Internal error",
        "data root and tx seq not match",
    );
    // Wrong fileSize.
    let mut s = good[0].clone();
    s.file_size += 256;
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: file_size",
        "segment file size not matched with tx file size",
    );
    // Index out of range, and a last segment of the wrong length.
    let mut s = good[2].clone();
    s.index = 3;
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: index",
        "index out of bound",
    );
    let mut s = good[2].clone();
    s.data.resize(SEGMENT_SIZE, 0);
    assert_error(
        &up(seg_json(&s)).await,
        -32602,
        "Invalid params: data",
        "invalid data length",
    );
    // A segment for an unknown large file cannot be cached.
    let mut s = good[0].clone();
    s.root = [9; 32];
    s.file_size = 11 * 1024 * 1024;
    let e = err(url, "zgs_uploadSegment", json!([seg_json(&s)])).await;
    assert_error(
        &e,
        -32602,
        "Invalid params: file_size",
        "caching of large file",
    );

    // Nothing was stored.
    let info = ok(url, "zgs_getFileInfoByTxSeq", json!([seq])).await;
    assert_eq!(
        (info["finalized"].clone(), info["uploadedSegNum"].clone()),
        (json!(false), json!(0))
    );
    for i in 0..3u64 {
        assert!(
            ok(url, "zgs_downloadSegmentWithProofByTxSeq", json!([seq, i]))
                .await
                .is_null()
        );
    }

    // The rear-padding check: a submitter whose root hides non-zero data in a padding segment.
    // 4194305 bytes have 17 data segments and 18 padded ones (nodes h = 14, 11).
    let big = content(4_194_305, 5);
    let big_tree = FileTree::from_bytes(&big);
    let roots = &big_tree.segment_roots;
    assert_eq!(roots.len(), 18);
    let fake = keccak(b"not zero");
    let n0 = root_of_leaves(&roots[..16]);
    let n1 = hash_pair(&roots[16], &fake);
    let fake_root = hash_pair(&n0, &n1);
    let big_seq = net.submit_nodes(4_194_305, &[(14, n0), (11, n1)]).await;
    wait_for_tx(url, big_seq).await;
    let mut s = segment(&big_tree, &big, 16);
    s.root = fake_root;
    s.proof = FileProof {
        lemma: vec![roots[16], fake, n0, fake_root],
        path: vec![true, false],
    };
    assert!(
        s.proof.verify(&roots[16], &fake_root, 16, 18).is_ok(),
        "the proof itself hashes"
    );
    let e = err(
        url,
        "zgs_uploadSegmentByTxSeq",
        json!([seg_json(&s), big_seq]),
    )
    .await;
    assert_error(&e, -32602, "Invalid params: proof", "validation failed");
    let info = ok(url, "zgs_getFileInfoByTxSeq", json!([big_seq])).await;
    assert_eq!(info["uploadedSegNum"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn node_keeps_acknowledged_segments_and_its_cursor_across_kill_9() {
    let net = net(0, 1).await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("node");
    let chain = net.devnet.rpc_url();
    let mut node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    let data = content(600_000, 6);
    let tree = FileTree::from_bytes(&data);
    let seq = net.submit(&tree).await;
    wait_for_tx(&node.url, seq).await;
    let segs: Vec<SegmentWithProof> = (0..3).map(|i| segment(&tree, &data, i)).collect();
    ok(
        &node.url,
        "zgs_uploadSegmentsByTxSeq",
        json!([[seg_json(&segs[0])], seq]),
    )
    .await;
    let synced = ok(&node.url, "zgs_getStatus", json!([])).await["logSyncHeight"]
        .as_u64()
        .unwrap();
    node.kill9();

    // Restarted against a chain that does not answer: everything it knows comes from disk.
    let dead_chain = "http://127.0.0.1:1";
    let mut node = NodeProc::start(&dir, dead_chain, net.flow, "0/1");
    node.ready().await;
    let info = ok(&node.url, "zgs_getFileInfoByTxSeq", json!([seq])).await;
    assert_eq!(info["tx"]["size"], 600_000);
    assert_eq!(info["uploadedSegNum"], 1);
    let st = ok(&node.url, "zgs_getStatus", json!([])).await;
    assert!(st["logSyncHeight"].as_u64().unwrap() >= synced, "{st}");
    assert_eq!(st["nextTxSeq"], seq + 1);
    let v = ok(
        &node.url,
        "zgs_downloadSegmentWithProofByTxSeq",
        json!([seq, 0]),
    )
    .await;
    assert_eq!(
        serde_json::from_value::<SegmentWithProof>(v).unwrap(),
        segs[0]
    );
    node.kill9();

    // Back on the real chain: the rest uploads, the duplicate is skipped, the file finalizes.
    let node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    let all: Vec<Value> = segs.iter().map(seg_json).collect();
    ok(&node.url, "zgs_uploadSegmentsByTxSeq", json!([all, seq])).await;
    assert_eq!(
        ok(&node.url, "zgs_checkFileFinalized", json!([seq])).await,
        json!(true)
    );
    assert_eq!(
        download(std::slice::from_ref(&node.url), seq, 600_000).await,
        data
    );
    // A file submitted while the node was down is picked up from the cursor.
    let later = content(3000, 7);
    let later_tree = FileTree::from_bytes(&later);
    let later_seq = net.submit(&later_tree).await;
    wait_for_tx(&node.url, later_seq).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sharded_nodes_each_finalize_with_only_their_shard() {
    let net = net(2, 2).await;
    let urls = net.node_urls();
    // 1 MiB = 4096 chunks (h = 12): the first file starts at flow chunk 4096, global segment 4.
    let data = content(1 << 20, 8);
    let tree = FileTree::from_bytes(&data);
    let seq = net.submit(&tree).await;
    let mut by_shard = vec![];
    for url in &urls {
        let info = wait_for_tx(url, seq).await;
        assert_eq!(info["tx"]["startEntryIndex"], 4096);
        let cfg = ok(url, "zgs_getShardConfig", json!([])).await;
        by_shard.push((
            url.clone(),
            cfg["shardId"].as_u64().unwrap(),
            cfg["numShard"].as_u64().unwrap(),
        ));
    }
    let start_seg = 4u64;
    for (url, k, n) in &by_shard {
        assert_eq!(*n, 2);
        let mine: Vec<Value> = (0..4u64)
            .filter(|i| (start_seg + i) % n == *k)
            .map(|i| seg_json(&segment(&tree, &data, i)))
            .collect();
        let theirs: Vec<Value> = (0..4u64)
            .filter(|i| (start_seg + i) % n != *k)
            .map(|i| seg_json(&segment(&tree, &data, i)))
            .collect();
        // Another shard's segment is accepted and ignored.
        assert!(
            ok(url, "zgs_uploadSegmentsByTxSeq", json!([[theirs[0]], seq]))
                .await
                .is_null()
        );
        let info = ok(url, "zgs_getFileInfoByTxSeq", json!([seq])).await;
        assert_eq!(
            (info["finalized"].clone(), info["uploadedSegNum"].clone()),
            (json!(false), json!(0))
        );
        ok(url, "zgs_uploadSegmentsByTxSeq", json!([[mine[0]], seq])).await;
        assert_eq!(
            ok(url, "zgs_checkFileFinalized", json!([seq])).await,
            json!(false)
        );
        ok(url, "zgs_uploadSegmentsByTxSeq", json!([[mine[1]], seq])).await;
        let info = ok(url, "zgs_getFileInfoByTxSeq", json!([seq])).await;
        assert_eq!(
            (info["finalized"].clone(), info["uploadedSegNum"].clone()),
            (json!(true), json!(4))
        );
        // It serves only its own segments.
        let other = (0..4u64).find(|i| (start_seg + i) % n != *k).unwrap();
        let v = ok(
            url,
            "zgs_downloadSegmentByTxSeq",
            json!([seq, other * 1024, other * 1024 + 1024]),
        )
        .await;
        assert!(v.is_null());
    }
    assert_eq!(download(&urls, seq, 1 << 20).await, data);
}

/// The pre-transaction cache folder of a file (root, size) in a node's data folder.
fn cache_entry(dir: &Path, tree: &FileTree) -> std::path::PathBuf {
    dir.join("cache")
        .join(format!("{}-{}", hex::encode(tree.root), tree.size))
}

/// Uploads segments of a file by root, before its tx (the SDKs' fast mode).
async fn upload_early(url: &str, tree: &FileTree, data: &[u8], indices: &[u64]) {
    let segs: Vec<Value> = indices
        .iter()
        .map(|i| seg_json(&segment(tree, data, *i)))
        .collect();
    assert!(ok(url, "zgs_uploadSegments", json!([segs])).await.is_null());
}

/// Submits the file and waits until the node knows the tx; returns its file info.
async fn submit_and_see(net: &Net, url: &str, tree: &FileTree) -> Value {
    let seq = net.submit(tree).await;
    wait_for_tx(url, seq).await
}

#[tokio::test(flavor = "multi_thread")]
async fn pre_tx_cache_entries_expire_by_age() {
    let net = net(0, 1).await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("node");
    let node = NodeProc::start_with(
        &dir,
        &net.devnet.rpc_url(),
        net.flow,
        "0/1",
        &["--cache-ttl-secs", "1"],
    );
    node.ready().await;
    let data = content(5000, 20);
    let tree = FileTree::from_bytes(&data);
    upload_early(&node.url, &tree, &data, &[0]).await;
    let entry = cache_entry(&dir, &tree);
    assert!(entry.join("0.seg").is_file(), "cached on disk");
    wait_until("the cache entry to expire", async || !entry.exists()).await;
    // Its tx arrives too late: nothing is applied.
    let info = submit_and_see(&net, &node.url, &tree).await;
    assert_eq!(
        (info["finalized"].clone(), info["uploadedSegNum"].clone()),
        (json!(false), json!(0))
    );
    // The upload by txSeq still works.
    let seq = info["tx"]["seq"].as_u64().unwrap();
    ok(
        &node.url,
        "zgs_uploadSegmentsByTxSeq",
        json!([[seg_json(&segment(&tree, &data, 0))], seq]),
    )
    .await;
    assert_eq!(
        ok(&node.url, "zgs_checkFileFinalized", json!([seq])).await,
        json!(true)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_pre_tx_cache_evicts_the_least_recently_used_file() {
    let net = net(0, 1).await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("node");
    let node = NodeProc::start_with(
        &dir,
        &net.devnet.rpc_url(),
        net.flow,
        "0/1",
        &["--cache-max-mib", "1"],
    );
    node.ready().await;
    // Four files of 300,000 bytes: 2 segments, 300,032 bytes each; three fit in 1 MiB.
    let files: Vec<(Vec<u8>, FileTree)> = (0..4u8)
        .map(|i| {
            let d = content(300_000, 30 + i as usize);
            let t = FileTree::from_bytes(&d);
            (d, t)
        })
        .collect();
    let (a, b, c, d) = (&files[0], &files[1], &files[2], &files[3]);
    // b is started first but used last: least recently used is a (oldest by creation: b).
    upload_early(&node.url, &b.1, &b.0, &[0]).await;
    upload_early(&node.url, &a.1, &a.0, &[0, 1]).await;
    upload_early(&node.url, &c.1, &c.0, &[0, 1]).await;
    upload_early(&node.url, &b.1, &b.0, &[1]).await;
    // A new fast-mode upload is accepted: a gives way.
    upload_early(&node.url, &d.1, &d.0, &[0, 1]).await;
    assert!(!cache_entry(&dir, &a.1).exists(), "a was evicted");
    for f in [b, c, d] {
        assert!(cache_entry(&dir, &f.1).join("1.seg").is_file());
    }
    for f in [b, c, d] {
        let seq = net.submit(&f.1).await;
        wait_until("a cached file to finalize", async || {
            ok(&node.url, "zgs_checkFileFinalized", json!([seq])).await == json!(true)
        })
        .await;
        assert_eq!(
            download(std::slice::from_ref(&node.url), seq, 300_000).await,
            f.0
        );
    }
    let info = submit_and_see(&net, &node.url, &a.1).await;
    assert_eq!(info["uploadedSegNum"], 0, "{info}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_drops_stale_pre_tx_cache_entries_and_keeps_fresh_ones() {
    let net = net(0, 1).await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("node");
    let chain = net.devnet.rpc_url();
    let mut node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    let stale = content(7000, 40);
    let stale_tree = FileTree::from_bytes(&stale);
    let fresh = content(9000, 41);
    let fresh_tree = FileTree::from_bytes(&fresh);
    upload_early(&node.url, &stale_tree, &stale, &[0]).await;
    upload_early(&node.url, &fresh_tree, &fresh, &[0]).await;
    node.kill9();
    // The stale entry was cached two hours ago (the default max age is 10 minutes).
    let old = std::time::SystemTime::now() - Duration::from_secs(7200);
    let f = std::fs::File::options()
        .write(true)
        .open(cache_entry(&dir, &stale_tree).join("0.seg"))
        .unwrap();
    f.set_modified(old).unwrap();
    drop(f);

    let node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    assert!(!cache_entry(&dir, &stale_tree).exists(), "dropped at start");
    assert!(cache_entry(&dir, &fresh_tree).join("0.seg").is_file());
    let seq = net.submit(&fresh_tree).await;
    wait_until("the fresh cached file to finalize", async || {
        ok(&node.url, "zgs_checkFileFinalized", json!([seq])).await == json!(true)
    })
    .await;
    assert_eq!(
        download(std::slice::from_ref(&node.url), seq, 9000).await,
        fresh
    );
    let info = submit_and_see(&net, &node.url, &stale_tree).await;
    assert_eq!(
        (info["finalized"].clone(), info["uploadedSegNum"].clone()),
        (json!(false), json!(0))
    );
}

/// Waits (60 s at most, then kills it) for a process to exit; returns its exit code.
fn exit_code(child: &mut Child) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_data_dir_keeps_to_its_flow_and_a_flow_without_code_or_no_flow_is_refused() {
    let net = net(0, 1).await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("node");
    let log = || std::fs::read_to_string(dir.with_extension("log")).unwrap_or_default();
    let chain = net.devnet.rpc_url();
    let data = content(3000, 11);
    let seq = net.submit(&FileTree::from_bytes(&data)).await;

    // An address without code is no flow: refused (exit 2), and the folder stays unbound.
    let nowhere: Address = "0x0000000000000000000000000000000000000001"
        .parse()
        .unwrap();
    let mut node = NodeProc::start(&dir, &chain, nowhere, "0/1");
    assert_eq!(exit_code(&mut node.child), Some(2), "{}", log());
    assert!(log().contains(&nowhere.to_string()), "{}", log());

    // A contract that is no flow (the devnet's fee market, once a help example's `--flow`):
    // refused (exit 2) naming it and where the flow is found, and the folder stays unbound.
    let market: Address = net.devnet.contract("market").parse().unwrap();
    let before = log().len();
    let mut node = NodeProc::start(&dir, &chain, market, "0/1");
    assert_eq!(exit_code(&mut node.child), Some(2), "{}", log());
    let said = log()[before..].to_string();
    for part in [
        market.to_string().as_str(),
        "does not answer as a 0G flow",
        "cohort devnet status",
    ] {
        assert!(said.contains(part), "{part} missing from:\n{said}");
    }

    // The real flow in the same folder reads the chain from the start: it knows the file.
    let mut node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    wait_for_tx(&node.url, seq).await;
    node.kill9();

    // Another flow (a contract, but not the folder's): refused, naming both and the fix.
    let other: Address = net.devnet.contract("market").parse().unwrap();
    let before = log().len();
    let mut node = NodeProc::start(&dir, &chain, other, "0/1");
    assert_eq!(exit_code(&mut node.child), Some(2), "{}", log());
    let said = log()[before..].to_string();
    for part in [other.to_string(), net.flow.to_string(), "--data-dir".into()] {
        assert!(said.contains(&part), "{part} missing from:\n{said}");
    }

    // A folder of an older version (no chain or flow recorded) adopts the ones it follows.
    let cursor_path = dir.join("cursor.json");
    let mut cursor: Value = serde_json::from_slice(&std::fs::read(&cursor_path).unwrap()).unwrap();
    let obj = cursor.as_object_mut().unwrap();
    assert!(obj.remove("chainId").is_some() && obj.remove("flow").is_some());
    std::fs::write(&cursor_path, cursor.to_string()).unwrap();
    let mut node = NodeProc::start(&dir, &chain, net.flow, "0/1");
    node.ready().await;
    wait_for_tx(&node.url, seq).await;
    wait_until("the node to record its flow", async || {
        std::fs::read_to_string(&cursor_path).is_ok_and(|c| c.contains("flow"))
    })
    .await;
    node.kill9();
    let mut node = NodeProc::start(&dir, &chain, other, "0/1");
    assert_eq!(exit_code(&mut node.child), Some(2), "{}", log());
}

/// A `cohort --json … run` process with its stdout lines on a channel (killed on drop).
struct JsonLines {
    child: Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl JsonLines {
    fn start(home: &Path, args: &[&str]) -> JsonLines {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cohort"))
            .arg("--json")
            .args(args)
            .env("COHORT_HOME", home)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        JsonLines { child, lines }
    }

    /// The next stdout line as JSON (60 s at most); `None` once stdout closed.
    fn next(&self) -> Option<Value> {
        match self.lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => Some(serde_json::from_str(&line).expect("a JSON line")),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => None,
            Err(e) => panic!("no line on stdout: {e}"),
        }
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit code.
    fn interrupt(&mut self) -> Option<i32> {
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        exit_code(&mut self.child)
    }
}

impl Drop for JsonLines {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn node_and_indexer_run_json_announce_their_address_and_stop_cleanly_on_ctrl_c() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    // No chain needed: the node serves from its folder while it waits for one.
    let data_dir = tmp.path().join("node");
    let mut node = JsonLines::start(
        &home,
        &[
            "node",
            "run",
            "--data-dir",
            data_dir.to_str().unwrap(),
            "--rpc",
            "127.0.0.1:0",
            "--chain-rpc",
            "http://127.0.0.1:1",
            "--flow",
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ],
    );
    let ev = node.next().expect("a listening event");
    assert_eq!(ev["event"], "listening", "{ev}");
    let url = ev["rpc_url"].as_str().unwrap().to_string();
    assert_eq!(url, format!("http://{}", ev["address"].as_str().unwrap()));
    let st = crate::common::rpc(&url, "zgs_getStatus", json!([]));
    assert_eq!(st["result"]["nextTxSeq"], 0, "{st}");

    let mut indexer = JsonLines::start(
        &home,
        &["indexer", "run", "--rpc", "127.0.0.1:0", "--node", &url],
    );
    let ev = indexer.next().expect("a listening event");
    assert_eq!(ev["event"], "listening", "{ev}");
    let indexer_url = ev["rpc_url"].as_str().unwrap().to_string();
    let nodes = crate::common::rpc(&indexer_url, "indexer_getShardedNodes", json!([]));
    assert_eq!(nodes["result"]["trusted"][0]["url"], url, "{nodes}");

    // Ctrl-C: a clean stop, its report as the last line, an event like the others.
    assert_eq!(indexer.interrupt(), Some(0));
    let report = indexer.next().expect("the indexer's report");
    assert_eq!(report["rpc_url"], indexer_url, "{report}");
    assert_eq!(report["event"], "stopped", "{report}");
    assert_eq!(indexer.next(), None);
    assert_eq!(node.interrupt(), Some(0));
    let report = node.next().expect("the node's report");
    assert_eq!(report["rpc_url"], url, "{report}");
    assert_eq!(report["event"], "stopped", "{report}");
    assert_eq!(report["next_tx_seq"], 0, "{report}");
    assert_eq!(node.next(), None);
}

/// A node dropped mid-upload: the report counts what every node acknowledged over both passes
/// (the dropped node's, the first pass's of the node that stays, and its replacement's), and
/// nothing as skipped, since no earlier run sent anything. Of 4 nodes over 2 shards, the
/// indexer's pick for shard 0 (node 0) is killed once it and a node of shard 1 hold segments.
#[test]
fn an_upload_that_drops_a_node_counts_the_segments_of_every_pass() {
    let net = Devnet::start(4, 2);
    let nodes = net.storage_nodes();
    // 16 MiB: 64 segments, 32 per shard, one per request so that the upload is still running.
    let f = net.home.path().join("big.bin");
    std::fs::write(&f, content(16 << 20, 21)).unwrap();
    let root = net.json(&["storage", "root", f.to_str().unwrap()])["root"]
        .as_str()
        .unwrap()
        .to_string();
    let child = Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(["storage", "upload", f.to_str().unwrap(), "--batch", "1"])
        .arg("--json")
        .env("COHORT_HOME", net.home.path())
        .env("NO_COLOR", "1")
        .env_remove("COHORT_PROFILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let uploaded = |url: &str| {
        crate::common::rpc(url, "zgs_getFileInfo", json!([root, true]))["result"].clone()
    };
    let start = Instant::now();
    loop {
        let first = uploaded(&nodes[0]);
        let other = [&nodes[1], &nodes[3]]
            .iter()
            .any(|u| uploaded(u)["uploadedSegNum"].as_u64().unwrap_or(0) >= 1);
        if first["uploadedSegNum"].as_u64().unwrap_or(0) >= 1 && other {
            assert_ne!(
                first["finalized"], true,
                "node 0 finished before it could be stopped"
            );
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the nodes never received a segment"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    unsafe { libc::kill(net.pid_of(&nodes[0]), libc::SIGKILL) };
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the upload failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let up: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    assert_eq!(up["segments"], 64, "{up}");
    // Shard 0 went to another node (32) and shard 1 was sent whole once (32), with node 0's
    // acknowledged segments on top.
    assert!(up["segments_sent"].as_u64().unwrap() >= 64, "{up}");
    assert_eq!(up["segments_skipped"], 0, "{up}");
    assert_eq!(
        up["fragments"][0]["segments_sent"], up["segments_sent"],
        "{up}"
    );
}

/// Runs `cohort ARGS` in the devnet's home; returns the exit code, the error object it printed
/// with `--json` (stderr) and stderr.
fn json_error(net: &Devnet, args: &[&str]) -> (Option<i32>, Value, String) {
    let out = net.cmd().args(args).arg("--json").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = err
        .lines()
        .find_map(|l| serde_json::from_str::<Value>(l).ok()?.get("error").cloned())
        .unwrap_or(Value::Null);
    (out.status.code(), v, err)
}

/// A `.part` left by an interrupted download of one root is not resumed into the download of
/// another root to the same output: it is discarded before anything is fetched (it was resumed,
/// hashed to the wrong root and failed with exit 5). One of the same root still resumes, and a
/// kept `.part` corrupted on disk is cut back to its last good segment before more is fetched.
#[test]
fn a_partial_download_of_another_root_is_discarded_not_resumed() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let (a, b) = (
        content(5 * SEGMENT_SIZE + 100, 31),
        content(5 * SEGMENT_SIZE + 100, 32),
    );
    let root = |name: &str, data: &[u8]| {
        let f = dir.join(name);
        std::fs::write(&f, data).unwrap();
        net.upload_root(&f)
    };
    let (root_a, root_b) = (root("a.bin", &a), root("b.bin", &b));
    // A node that corrupts every segment from 2 on: a download of A stops after 2 segments.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let proxy = rt.block_on(crate::common::start_node_proxy(
        net.storage_nodes()[0].clone(),
        |_| None,
        |call, v| {
            if call["params"][1].as_u64().is_some_and(|i| i >= 2) {
                crate::common::corrupt_segment_answer(v, 0, 1)
            }
        },
    ));
    let interrupted = |out: &Path| {
        let r = net
            .cmd()
            .env("COHORT_STORAGE_NODES", &proxy)
            .args(["storage", "download", &root_a, "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(5), "{r:?}");
    };
    let out = dir.join("x.bin");
    let part = dir.join(".x.bin.part");
    interrupted(&out);
    assert_eq!(std::fs::read(&part).unwrap(), a[..2 * SEGMENT_SIZE]);

    // B to the same output: fetched whole, nothing kept of A's bytes.
    let down = net.json(&["storage", "download", &root_b, "-o", out.to_str().unwrap()]);
    assert_eq!(down["resumed_bytes"], 0, "{down}");
    assert_eq!(std::fs::read(&out).unwrap(), b);
    assert!(!part.exists());

    // A again to another output: the rerun of the same root resumes.
    let out2 = dir.join("y.bin");
    interrupted(&out2);
    let down = net.json(&["storage", "download", &root_a, "-o", out2.to_str().unwrap()]);
    assert_eq!(down["resumed_bytes"], 2 * SEGMENT_SIZE as u64, "{down}");
    assert_eq!(std::fs::read(&out2).unwrap(), a);

    // A kept `.part` corrupted in its second segment: the rerun checks the kept segments
    // before fetching more, keeps the first and fetches the rest (not exit 5 after fetching
    // it all).
    let out3 = dir.join("z.bin");
    let part3 = dir.join(".z.bin.part");
    interrupted(&out3);
    let mut kept = std::fs::read(&part3).unwrap();
    kept[SEGMENT_SIZE + 10] ^= 0xff;
    std::fs::write(&part3, &kept).unwrap();
    let down = net.json(&["storage", "download", &root_a, "-o", out3.to_str().unwrap()]);
    assert_eq!(down["resumed_bytes"], SEGMENT_SIZE as u64, "{down}");
    assert_eq!(std::fs::read(&out3).unwrap(), a);
    drop(rt);
}

/// Over two shards: a root no node knows is an error, not `"info": null`; a dead node named with
/// --storage-node is reported as JSON events only under `--progress json`; a shard that no
/// holder of the file stores is exit 3 (worth retrying), whether the nodes were named (one of
/// them does not hold the file) or the indexer chose them (the only holder of a shard is down).
#[test]
fn a_shard_without_a_live_holder_is_exit_3_and_json_progress_stays_json() {
    let net = Devnet::start(2, 2);
    let dir = net.home.path().to_path_buf();
    let data = content(3 * SEGMENT_SIZE + 5, 33);
    let f = dir.join("two.bin");
    std::fs::write(&f, &data).unwrap();
    let root = net.upload_root(&f);
    let nodes = net.storage_nodes();
    let shard_of = |url: &str| {
        crate::common::rpc(url, "zgs_getShardConfig", json!([]))["result"]["shardId"]
            .as_u64()
            .unwrap()
    };
    let (n0, n1) = if shard_of(&nodes[0]) == 0 {
        (nodes[0].clone(), nodes[1].clone())
    } else {
        (nodes[1].clone(), nodes[0].clone())
    };

    // A root no node knows.
    let unknown = format!("0x{}", "cd".repeat(32));
    let (code, e, err) = json_error(&net, &["storage", "info", &unknown]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(e["code"], "storage.not_found", "{err}");
    assert!(e["hint"].is_string(), "{err}");

    // A dead node among the named ones: stderr holds JSON objects only, the warning among them.
    let dead = "http://127.0.0.1:1";
    let out = dir.join("a.bin");
    let r = net
        .cmd()
        .args(["storage", "download", &root, "-o", out.to_str().unwrap()])
        .args(["--storage-node", &n0, "--storage-node", &n1])
        .args(["--storage-node", dead, "--progress", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&r.stderr).into_owned();
    assert!(r.status.success(), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), data);
    for line in err.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {line}\nin:\n{err}"));
        assert!(v["type"].is_string(), "{line}");
    }
    assert!(
        err.lines()
            .any(|l| l.contains("\"note\"") && l.contains("127.0.0.1:1")),
        "{err}"
    );

    // Named nodes that cover both shards, but only the one of shard 1 holds the file.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fresh = rt.block_on(crate::common::NodeProcess::start(
        &net.rpc_url(),
        &net.contract("flow"),
        &["--shard", "0/2"],
    ));
    let out = dir.join("b.bin");
    let (code, e, err) = json_error(
        &net,
        &[
            "storage",
            "download",
            &root,
            "-o",
            out.to_str().unwrap(),
            "--storage-node",
            &fresh.url,
            "--storage-node",
            &n1,
        ],
    );
    assert_eq!(code, Some(3), "{err}");
    assert_eq!(e["code"], "storage.shard_unavailable", "{err}");
    assert!(
        e["message"].as_str().unwrap().contains("shard 0/2"),
        "{err}"
    );
    assert!(
        e["hint"].as_str().unwrap().contains("--storage-node"),
        "{err}"
    );
    assert!(!out.exists());
    drop(fresh);

    // Through the indexer, with the only node of shard 1 down.
    unsafe { libc::kill(net.pid_of(&n1), libc::SIGKILL) };
    wait_until_refused(&n1);
    let (code, e, err) = json_error(
        &net,
        &["storage", "download", &root, "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, Some(3), "{err}");
    assert_eq!(e["code"], "storage.shard_unavailable", "{err}");
    assert!(
        e["message"].as_str().unwrap().contains("shard 1/2"),
        "{err}"
    );
    assert!(!out.exists());
    drop(rt);
}

/// Waits (30 s at most) until nothing answers at `url`.
fn wait_until_refused(url: &str) {
    let addr = url.trim_start_matches("http://");
    let start = Instant::now();
    while std::net::TcpStream::connect(addr).is_ok() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{url} still answers"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits (bounded) until a `node run` answers `zgs_getStatus` with a chain id.
fn wait_node_following(url: &str) {
    let start = Instant::now();
    loop {
        let up =
            std::net::TcpStream::connect(url.trim_start_matches("http://")).is_ok()
                && crate::common::rpc(url, "zgs_getStatus", json!([]))["result"]["networkIdentity"]
                    ["chainId"]
                    .as_u64()
                    .unwrap_or(0)
                    != 0;
        if up {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the node at {url} never followed its chain"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A node that waits for 6 confirmations on a chain that mines only on demand never sees the
/// upload's transaction. The upload says so while it waits (the tx's block, the head, the
/// node's confirmations), and its timeout names that cause and says a rerun resumes without
/// paying; Ctrl-C during the resumed wait says the same. Nothing is paid twice.
#[test]
fn an_upload_waiting_for_a_node_that_needs_confirmations_says_why_and_resumes() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let flow: Address = net.contract("flow").parse().unwrap();
    let devnet_node = net.storage_nodes()[0].clone();
    let node = NodeProc::start_with(
        &dir.join("slow-node"),
        &net.rpc_url(),
        flow,
        "0/1",
        &["--confirmations", "6"],
    );
    wait_node_following(&node.url);
    let st = crate::common::rpc(&node.url, "zgs_getStatus", json!([]))["result"].clone();
    assert_eq!(st["confirmations"], 6, "{st}");
    let f = dir.join("wait.bin");
    std::fs::write(&f, content(3000, 41)).unwrap();
    let seq = crate::common::next_tx_seq(&devnet_node);
    let args = [
        "--storage-node",
        node.url.as_str(),
        "storage",
        "upload",
        f.to_str().unwrap(),
        "--timeout",
        "8",
    ];
    let (code, e, err) = json_error(&net, &args);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(e["code"], "storage.node_timeout", "{e:#}");
    // A note while it waited, naming the node, the tx's block, the head and the confirmations.
    let note = err
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["type"] == "note")
        .map(|v| {
            v["data"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .find(|m| m.contains("has not seen transaction"))
        .unwrap_or_else(|| panic!("no note while waiting:\n{err}"));
    assert!(
        note.contains(node.url.as_str())
            && note.contains("the transaction is in block")
            && note.contains("the chain's head is block")
            && note.contains("waits for 6 confirmation(s)"),
        "{note}"
    );
    let hint = e["hint"].as_str().unwrap();
    assert!(
        hint.contains("waits for 6 confirmation(s)")
            && hint.contains("--confirmations")
            && hint.contains("rerun the same command to resume")
            && hint.contains("nothing is paid again"),
        "{e:#}"
    );
    assert_eq!(
        crate::common::next_tx_seq(&devnet_node),
        seq + 1,
        "one payment"
    );

    // Ctrl-C while the rerun waits: the fee was paid, a rerun resumes.
    let mut child = crate::common::cohort_command(net.home.path())
        .args(&args[..args.len() - 2])
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut all = String::new();
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("has not seen transaction") {
                let _ = tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let waited = rx.recv_timeout(Duration::from_secs(120));
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    let err = reader.join().unwrap();
    assert!(waited.is_ok(), "the rerun never noted its wait:\n{err}");
    assert_eq!(status.code(), Some(130), "{err}");
    let e = err
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| v.get("error").cloned())
        .unwrap_or_else(|| panic!("no JSON error:\n{err}"));
    let hint = e["hint"].as_str().unwrap_or_default();
    assert!(
        hint.contains("the fee was paid") && hint.contains("rerun the same command to resume"),
        "{e:#}"
    );
    assert_eq!(
        crate::common::next_tx_seq(&devnet_node),
        seq + 1,
        "paid again"
    );
}

/// An anvil of its own on `port` with `chain_id`, killed on drop.
struct OwnAnvil(Child);

impl OwnAnvil {
    fn start(port: u16, chain_id: u64) -> OwnAnvil {
        let child = Command::new(crate::common::anvil_path())
            .args([
                "--port",
                &port.to_string(),
                "--chain-id",
                &chain_id.to_string(),
            ])
            .args(["--silent"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "anvil never answered"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let id = crate::common::rpc(&url, "eth_chainId", json!([]))["result"].clone();
        assert_eq!(id, format!("{chain_id:#x}"), "{id}");
        OwnAnvil(child)
    }
}

impl Drop for OwnAnvil {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `node run` on a busy --rpc address fails (exit 2) before it makes its data folder, so a
/// later run with another --flow is not refused as another folder's. A running node whose
/// chain is restarted on the same address with another chain id stops (exit 2) naming both
/// ids, instead of warning about a deep reorg forever.
#[test]
fn a_node_binds_before_writing_its_folder_and_stops_when_its_chain_id_changes() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let anvil = OwnAnvil::start(port, 5555);
    // A contract that answers every call with 32 zero bytes: `market()` answers an address.
    let flow = Address::repeat_byte(0x42);
    let set = crate::common::rpc(
        &url,
        "anvil_setCode",
        json!([flow.to_string(), "0x60206000f3"]),
    );
    assert!(set.get("error").is_none(), "{set}");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("nd");

    // A busy address: exit 2, and no data folder written.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(["node", "run", "--data-dir"])
        .arg(&data)
        .args(["--rpc", &busy.local_addr().unwrap().to_string()])
        .args(["--chain-rpc", &url, "--flow", &flow.to_string(), "--json"])
        .env("COHORT_HOME", tmp.path().join("home"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("node.rpc_bind"), "{err}");
    assert!(!data.exists(), "the data folder was written: {err}");

    // The node follows chain 5555; the chain comes back on the same address as 6666.
    let mut node = NodeProc::start_with(
        &data,
        &url,
        flow,
        "0/1",
        &["--poll-ms", "50", "--confirmations", "0"],
    );
    wait_node_following(&node.url);
    crate::common::rpc(&url, "anvil_mine", json!([5]));
    let start = Instant::now();
    while crate::common::rpc(&node.url, "zgs_getStatus", json!([]))["result"]["logSyncHeight"]
        .as_u64()
        .unwrap_or(0)
        < 5
    {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the node never read block 5"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(anvil);
    let _anvil = OwnAnvil::start(port, 6666);
    let code = exit_code(&mut node.child);
    let log = std::fs::read_to_string(data.with_extension("log")).unwrap();
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.contains("now serves chain 6666 but this data dir")
            && log.contains("belongs to chain 5555"),
        "{log}"
    );
}
