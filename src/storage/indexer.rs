//! Node discovery through a 0G indexer (docs/protocol.md §4.4): the wire types of the Go indexer
//! (`ShardedNode`, `ShardedNodes`, `IPLocation`), the replica selection of the Go client and the
//! TS SDK ([`select`]), a typed client ([`IndexerClient`]), and how the storage client picks its
//! nodes: explicit `storage_nodes` win, else the profile's indexer ([`StorageSource`]).
//!
//! Before the fee is paid, every selected node is checked: a valid shard config, and a
//! `zgs_getStatus().networkIdentity` with the profile's chain id and flow contract
//! ([`check_identities`]).

use std::collections::BTreeMap;
use std::time::Duration;

use alloy::primitives::Address;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::rpc::{NodeClient, RpcError};
use super::types::ShardConfig;
use crate::client::Client;
use crate::error::{Error, Result};

/// The selection method the Go CLI uses by default: nodes with the fewest shards first.
pub const DEFAULT_METHOD: &str = "min";

/// One storage node as an indexer lists it (Go `shard.ShardedNode`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardedNode {
    pub url: String,
    pub config: ShardConfig,
    /// Round-trip time of the indexer's last probe, in milliseconds.
    #[serde(default)]
    pub latency: i64,
    /// Unix time (seconds) since which the node has answered.
    #[serde(default)]
    pub since: i64,
}

/// `indexer_getShardedNodes` and `indexer_getSelectedNodes` (Go `indexer.ShardedNodes`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardedNodes {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub trusted: Vec<ShardedNode>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub discovered: Vec<ShardedNode>,
}

/// The location of a node's IP address (Go `indexer.IPLocation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpLocation {
    pub city: String,
    pub region: String,
    pub country: String,
    /// `"lat,long"` (JSON key `loc`).
    #[serde(rename = "loc")]
    pub location: String,
    pub timezone: String,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

// ------------------------------------------------------------------------------------------
// Selection (Go `common/shard.Select`, TS `selectNodes`)

/// A node of the segment tree over shard residues: `replica` is how many times every residue
/// below it is covered.
#[derive(Default)]
struct TreeNode {
    children: Option<Box<[TreeNode; 2]>>,
    num_shard: u64,
    replica: u64,
    lazy: u64,
}

impl TreeNode {
    fn new(num_shard: u64) -> TreeNode {
        TreeNode {
            num_shard,
            ..Default::default()
        }
    }

    fn push_down(&mut self) {
        let n = self.num_shard << 1;
        let lazy = self.lazy;
        let ch = self
            .children
            .get_or_insert_with(|| Box::new([TreeNode::new(n), TreeNode::new(n)]));
        for c in ch.iter_mut() {
            c.replica += lazy;
            c.lazy += lazy;
        }
        self.lazy = 0;
    }

    /// Adds a node of shard `shard_id/num_shard` if it raises the coverage of a residue that is
    /// covered fewer than `want` times.
    fn insert(&mut self, num_shard: u64, shard_id: u64, want: u64) -> bool {
        if self.replica >= want {
            return false;
        }
        if self.num_shard == num_shard {
            self.replica += 1;
            self.lazy += 1;
            return true;
        }
        self.push_down();
        let ch = self.children.as_mut().expect("pushed down");
        let ok = ch[(shard_id % 2) as usize].insert(num_shard, shard_id >> 1, want);
        self.replica = ch[0].replica.min(ch[1].replica);
        ok
    }
}

/// Selects nodes that together hold every shard `replica` times, as the Go client does:
/// `method` "min" takes nodes with fewer shards first, "max" more shards first, "random"
/// shuffles. Returns `None` when the nodes cannot cover every shard that often.
pub fn select(nodes: &[ShardedNode], replica: u64, method: &str) -> Option<Vec<ShardedNode>> {
    if replica == 0 {
        return None;
    }
    let mut sorted: Vec<&ShardedNode> = nodes.iter().filter(|n| n.config.is_valid()).collect();
    match method {
        "random" => {
            use rand::seq::SliceRandom;
            sorted.shuffle(&mut rand::rng());
        }
        "max" => sorted.sort_by_key(|n| (std::cmp::Reverse(n.config.num_shard), n.config.shard_id)),
        _ => sorted.sort_by_key(|n| (n.config.num_shard, n.config.shard_id)),
    }
    let mut root = TreeNode::new(1);
    let mut out = Vec::new();
    for n in sorted {
        if root.insert(n.config.num_shard, n.config.shard_id, replica) {
            out.push(n.clone());
        }
        if root.replica >= replica {
            return Some(out);
        }
    }
    None
}

/// The shards (at the finest split the nodes use) that `nodes` cover fewer than `replica`
/// times, as `(shard, numShard, covered)`.
pub fn missing_shards(nodes: &[ShardedNode], replica: u64) -> Vec<(u64, u64, u64)> {
    let valid: Vec<&ShardConfig> = nodes
        .iter()
        .map(|n| &n.config)
        .filter(|c| c.is_valid())
        .collect();
    let max = valid.iter().map(|c| c.num_shard).max().unwrap_or(1);
    (0..max)
        .filter_map(|r| {
            let covered = valid.iter().filter(|c| c.covers(r)).count() as u64;
            (covered < replica).then_some((r, max, covered))
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// Client

/// A client for a 0G indexer's JSON-RPC (namespace `indexer`).
#[derive(Debug, Clone)]
pub struct IndexerClient {
    rpc: NodeClient,
    url: String,
}

impl IndexerClient {
    pub fn new(url: &str) -> IndexerClient {
        IndexerClient {
            rpc: NodeClient::new(url).with_backoff(Duration::from_millis(200)),
            url: url.trim_end_matches('/').to_string(),
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    fn err(&self, e: RpcError) -> Error {
        let shown = crate::redact::url(&self.url);
        match e {
            RpcError::Transport { message, .. } => Error::unreachable(
                "indexer.unreachable",
                format!("the indexer at {shown} is unreachable"),
            )
            .cause(message)
            .hint(
                "check the indexer URL (--indexer, COHORT_INDEXER or the profile's indexer), \
                 or name storage nodes with --storage-node; for the local devnet run `cohort devnet up`",
            ),
            RpcError::Decode { message, method, .. } => Error::failed(
                "indexer.bad_answer",
                format!("the indexer at {shown} sent an invalid answer to {method}: {message}"),
            )
            .hint("is this URL a 0G indexer?"),
            e @ RpcError::Rpc { .. } => Error::failed(
                "indexer.error",
                e.to_string().replace("storage node", "indexer"),
            ),
        }
    }

    /// `indexer_getShardedNodes`.
    pub async fn sharded_nodes(&self) -> Result<ShardedNodes> {
        self.rpc
            .call("indexer_getShardedNodes", Value::Null)
            .await
            .map_err(|e| self.err(e))
    }

    /// `indexer_getSelectedNodes(expectedReplica, method, fullTrusted, dropped)`. `Ok(None)`
    /// when the indexer answers that it cannot cover every shard `replica` times or does not
    /// know the method (older indexers).
    pub async fn selected_nodes(
        &self,
        replica: u64,
        method: &str,
        full_trusted: bool,
        dropped: &[String],
    ) -> Result<Option<ShardedNodes>> {
        match self
            .rpc
            .call(
                "indexer_getSelectedNodes",
                json!([replica, method, full_trusted, dropped]),
            )
            .await
        {
            Ok(v) => Ok(Some(v)),
            Err(RpcError::Rpc { .. }) => Ok(None),
            Err(e) => Err(self.err(e)),
        }
    }

    /// `indexer_getNodeLocations`.
    pub async fn node_locations(&self) -> Result<BTreeMap<String, IpLocation>> {
        let m: Option<BTreeMap<String, IpLocation>> = self
            .rpc
            .call("indexer_getNodeLocations", Value::Null)
            .await
            .map_err(|e| self.err(e))?;
        Ok(m.unwrap_or_default())
    }

    /// `indexer_getFileLocations(root)`: the nodes that hold the file (empty: none known).
    pub async fn file_locations(&self, root: &super::Hash) -> Result<Vec<ShardedNode>> {
        let root = super::types::hex_hash::to_hex(root);
        match self
            .rpc
            .call::<Option<Vec<ShardedNode>>>("indexer_getFileLocations", json!([root]))
            .await
        {
            Ok(v) => Ok(v.unwrap_or_default()),
            // The Go indexer answers "file not found" as an error.
            Err(RpcError::Rpc { .. }) => Ok(Vec::new()),
            Err(e) => Err(self.err(e)),
        }
    }
}

// ------------------------------------------------------------------------------------------
// Where the storage client finds its nodes

/// The storage nodes of a command: named explicitly, or discovered through an indexer.
#[derive(Debug, Clone)]
pub enum StorageSource {
    Nodes(Vec<String>),
    Indexer(IndexerClient),
}

impl StorageSource {
    /// `nodes` if given, else the profile's storage nodes (`--storage-node` / storage_nodes),
    /// else the profile's indexer (`--indexer` / indexer).
    /// A URL that is not `http(s)://HOST…` is exit 2 naming it, before any request.
    pub fn of(client: &Client, nodes: &[String]) -> Result<StorageSource> {
        let checked = |what: &str, urls: &[String]| -> Result<Vec<String>> {
            urls.iter()
                .map(|u| crate::client::check_endpoint(what, u))
                .collect()
        };
        if !nodes.is_empty() {
            return Ok(StorageSource::Nodes(checked("storage node", nodes)?));
        }
        if !client.profile.storage_nodes.is_empty() {
            let what = format!("profile '{}' storage node", client.profile.name);
            return Ok(StorageSource::Nodes(checked(
                &what,
                &client.profile.storage_nodes,
            )?));
        }
        if let Some(url) = client.profile.indexer.as_deref().filter(|u| !u.is_empty()) {
            let what = format!("profile '{}' indexer", client.profile.name);
            let url = crate::client::check_endpoint(&what, url)?;
            return Ok(StorageSource::Indexer(IndexerClient::new(&url)));
        }
        Err(Error::usage(
            "storage.no_nodes",
            format!(
                "profile '{}' has neither storage nodes nor an indexer",
                client.profile.name
            ),
        )
        .hint(
            "pass --indexer URL or --storage-node URL, set COHORT_INDEXER, \
             `cohort config add NAME --preset galileo`, or run `cohort devnet up`",
        ))
    }
}

/// The URLs of every node an indexer lists, trusted ones first.
fn every_url(all: ShardedNodes) -> Vec<String> {
    all.trusted
        .into_iter()
        .chain(all.discovered)
        .map(|n| n.url)
        .collect()
}

/// Every storage node the client may ask: the explicit ones, else all the indexer's nodes
/// (trusted and discovered). An indexer that lists none is exit 3 (it lists only the nodes it
/// reaches).
pub async fn all_node_urls(client: &Client, nodes: &[String]) -> Result<Vec<String>> {
    match StorageSource::of(client, nodes)? {
        StorageSource::Nodes(n) => Ok(n),
        StorageSource::Indexer(ix) => {
            let all = ix.sharded_nodes().await?;
            let urls = every_url(all);
            if urls.is_empty() {
                return Err(no_nodes_error(&ix, 1, &[]));
            }
            Ok(urls)
        }
    }
}

/// The nodes a download asks: the explicit ones, else every node the indexer says holds one of
/// `roots` (`indexer_getFileLocations`), in the indexer's order. None: exit 3 (an indexer lists
/// only the nodes it reaches: the holders may be offline, worth retrying). The flag says
/// whether the indexer chose them (then a shard none of them holds is an availability problem,
/// not a configuration error).
pub async fn download_node_urls(
    client: &Client,
    nodes: &[String],
    roots: &[super::Hash],
) -> Result<(Vec<String>, bool)> {
    let ix = match StorageSource::of(client, nodes)? {
        StorageSource::Nodes(n) => return Ok((n, false)),
        StorageSource::Indexer(ix) => ix,
    };
    let mut urls: Vec<String> = Vec::new();
    for root in roots {
        let holders = ix.file_locations(root).await?;
        if holders.is_empty() {
            // Every node the indexer lists answered and none knows the root: a wrong root (or
            // one of another network), not worth retrying.
            if let Some(e) = unknown_everywhere(&ix, root).await {
                return Err(e);
            }
            // The indexer lists only the nodes it reaches: "none" may be "none online".
            return Err(Error::unreachable(
                "storage.no_live_holder",
                format!(
                    "no storage node that the indexer at {} reaches holds file {} finalized: \
                     its holders may be offline, or its upload has not finished",
                    crate::redact::url(ix.url()),
                    super::types::hex_hash::to_hex(root),
                ),
            )
            .hint(
                "retry later, or name a node that holds the file with --storage-node; \
                 `cohort storage info ROOT` asks every node the indexer lists (check the root if none knows it)",
            ));
        }
        for h in holders {
            if !urls.contains(&h.url) {
                urls.push(h.url);
            }
        }
    }
    Ok((urls, true))
}

/// When the indexer lists no holder of `root`: asks every node it lists about the root. All
/// answered and none knows it: exit 1 (`storage.not_found`). `None` when some node could not be
/// asked, knows the root (its upload is unfinished, or the indexer has not caught up), or the
/// indexer lists no node at all.
async fn unknown_everywhere(ix: &IndexerClient, root: &super::Hash) -> Option<Error> {
    let urls = every_url(ix.sharded_nodes().await.ok()?);
    if urls.is_empty() {
        return None;
    }
    let mut set = tokio::task::JoinSet::new();
    for u in &urls {
        let n = NodeClient::new(u).with_transport_attempts(1);
        let root = *root;
        set.spawn(async move { n.file_info(&root, false).await });
    }
    while let Some(r) = set.join_next().await {
        match r {
            Ok(Ok(None)) => {}
            _ => return None,
        }
    }
    Some(
        Error::failed(
            "storage.not_found",
            format!(
                "no storage node knows file {} ({} asked: every node the indexer at {} lists)",
                super::types::hex_hash::to_hex(root),
                urls.len(),
                crate::redact::url(ix.url())
            ),
        )
        .hint(
            "check the root (`cohort storage root FILE` computes a file's) and the network \
             (--profile, --indexer, --storage-node); a file just submitted may take a moment \
             to appear",
        ),
    )
}

fn no_nodes_error(ix: &IndexerClient, replica: u64, known: &[ShardedNode]) -> Error {
    let shown = crate::redact::url(ix.url());
    if known.is_empty() {
        // It lists only the nodes it reaches: they may all be offline for now.
        return Error::unreachable(
            "indexer.no_nodes",
            format!(
                "the indexer at {shown} lists no storage nodes (it reaches none: they may be offline)"
            ),
        )
        .hint("retry later, or name storage nodes with --storage-node");
    }
    let missing = missing_shards(known, replica);
    let list: Vec<String> = missing
        .iter()
        .map(|(s, n, c)| format!("shard {s}/{n} ({c} of {replica})"))
        .collect();
    Error::failed(
        "indexer.too_few_nodes",
        format!(
            "the indexer at {shown} has too few storage nodes to hold every shard {replica} time(s): missing {}",
            list.join(", ")
        ),
    )
    .hint(if replica > 1 {
        format!(
            "start more storage nodes for the missing shards, lower --expected-replica (now \
             {replica}), or name storage nodes with --storage-node; the indexer lists only the \
             nodes it reaches, so try again once they are up"
        )
    } else {
        "start storage nodes for the missing shards (the indexer lists only the nodes it \
         reaches: try again once they are up), or name storage nodes with --storage-node"
            .to_string()
    })
}

/// Asks the indexer for nodes that cover every shard `replica` times, leaving out `dropped`
/// (`indexer_getSelectedNodes`; an indexer without it is served by selecting from
/// `indexer_getShardedNodes` here, as the TS SDK does). Too few nodes: exit 1 naming the
/// shards that are missing.
pub async fn select_nodes(
    ix: &IndexerClient,
    replica: u64,
    dropped: &[String],
) -> Result<Vec<ShardedNode>> {
    if let Some(sel) = ix
        .selected_nodes(replica, DEFAULT_METHOD, true, dropped)
        .await?
    {
        let picked: Vec<ShardedNode> = sel.trusted.into_iter().chain(sel.discovered).collect();
        if !picked.is_empty() && missing_shards(&picked, replica).is_empty() {
            return Ok(picked);
        }
    }
    let all = ix.sharded_nodes().await?;
    let known: Vec<ShardedNode> = all
        .trusted
        .into_iter()
        .filter(|n| !dropped.contains(&n.url))
        .collect();
    select(&known, replica, DEFAULT_METHOD).ok_or_else(|| no_nodes_error(ix, replica, &known))
}

/// Checks that every node serves the chain and flow contract of the profile
/// (`zgs_getStatus().networkIdentity`), as the Go client does before paying. A mismatch: exit 2
/// naming the node and both values. A node still connecting to its chain (chain id 0) is asked
/// again for a few seconds. Transport errors come back as they are.
pub async fn check_identities(nodes: &[NodeClient], chain_id: u64, flow: Address) -> Result<()> {
    for n in nodes {
        let mut tries = 0;
        let st = loop {
            let st = n.status().await?;
            if st.network_identity.chain_id != 0 || tries >= 20 {
                break st;
            }
            tries += 1;
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        let id = &st.network_identity;
        if id.chain_id != chain_id {
            return Err(Error::usage(
                "storage.wrong_network",
                format!(
                    "the storage node at {} serves chain {}, but the profile's chain is {chain_id}",
                    n.shown(),
                    id.chain_id
                ),
            )
            .hint("use the storage nodes or indexer of the profile's network (--storage-node, --indexer), or another --profile"));
        }
        if id.flow_address != flow {
            return Err(Error::usage(
                "storage.wrong_flow",
                format!(
                    "the storage node at {} follows flow contract {}, but the profile's flow is {flow}",
                    n.shown(),
                    id.flow_address
                ),
            )
            .hint("fix profiles.<name>.contracts.flow, or use the storage nodes of this flow contract"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(url: &str, id: u64, n: u64) -> ShardedNode {
        ShardedNode {
            url: url.into(),
            config: ShardConfig {
                shard_id: id,
                num_shard: n,
            },
            latency: 0,
            since: 0,
        }
    }

    fn urls(v: &[ShardedNode]) -> Vec<&str> {
        v.iter().map(|n| n.url.as_str()).collect()
    }

    #[test]
    fn select_covers_every_shard_the_wanted_number_of_times() {
        let nodes = vec![
            node("a", 0, 2),
            node("b", 1, 2),
            node("c", 0, 2),
            node("d", 1, 2),
        ];
        assert_eq!(urls(&select(&nodes, 1, "min").unwrap()), ["a", "b"]);
        assert_eq!(
            urls(&select(&nodes, 2, "min").unwrap()),
            ["a", "c", "b", "d"]
        );
        assert!(select(&nodes, 3, "min").is_none());
        assert!(select(&nodes[..3], 2, "min").is_none());
        assert_eq!(missing_shards(&nodes[..3], 2), vec![(1, 2, 1)]);
        // A whole node (0/1) counts for every shard; "min" takes it first.
        let mixed = vec![node("x", 1, 4), node("w", 0, 1), node("y", 0, 2)];
        assert_eq!(urls(&select(&mixed, 1, "min").unwrap()), ["w"]);
        // A second copy needs shard 3/4 too: 1/4 and 0/2 leave it out.
        assert!(select(&mixed, 2, "min").is_none());
        let mut more = mixed.clone();
        more.push(node("z", 1, 2));
        assert_eq!(urls(&select(&more, 2, "min").unwrap()), ["w", "y", "z"]);
        // Quarter shards: 0/4 and 2/4 cover shard 0/2.
        let q = vec![node("p", 0, 4), node("q", 2, 4), node("r", 1, 2)];
        assert_eq!(urls(&select(&q, 1, "max").unwrap()), ["p", "q", "r"]);
        assert!(select(&q[..2], 1, "min").is_none());
        assert_eq!(missing_shards(&q[..2], 1), vec![(1, 4, 0), (3, 4, 0)]);
        assert!(select(&[], 1, "random").is_none());
        assert_eq!(missing_shards(&[], 1), vec![(0, 1, 0)]);
    }

    #[test]
    fn wire_shapes_are_the_go_indexers() {
        let n = node("http://n", 1, 2);
        assert_eq!(
            serde_json::to_value(&n).unwrap(),
            json!({"url": "http://n", "config": {"shardId": 1, "numShard": 2}, "latency": 0, "since": 0})
        );
        let s: ShardedNodes =
            serde_json::from_value(json!({"trusted": null, "discovered": [n]})).unwrap();
        assert!(s.trusted.is_empty());
        assert_eq!(s.discovered.len(), 1);
        assert_eq!(
            serde_json::to_value(IpLocation::default()).unwrap(),
            json!({"city": "", "region": "", "country": "", "loc": "", "timezone": ""})
        );
    }
}
