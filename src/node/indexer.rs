//! `cohort indexer run`: a 0G indexer (docs/protocol.md §4.4) for a known set of storage nodes,
//! the devnet's stand-in for 0G's published indexers. It serves the four methods of the Go
//! indexer (`indexer/api.go`) with the same JSON shapes:
//!
//! * `indexer_getShardedNodes()` → `{trusted: [ShardedNode], discovered: []}`: the nodes that
//!   answered the last probe;
//! * `indexer_getSelectedNodes(expectedReplica, method, fullTrusted, dropped)` → `ShardedNodes`
//!   that cover every shard `expectedReplica` times, or error -32000;
//! * `indexer_getNodeLocations()` → `{ip: IPLocation}` (loopback and private addresses have no
//!   location, as in the Go indexer, and nothing is looked up on the internet: `{}`);
//! * `indexer_getFileLocations(root)` → the nodes holding the file finalized, or `null`.
//!
//! Every node is probed (`zgs_getShardConfig`) at start and then every poll interval; `latency`
//! is the probe's round trip in ms and `since` the Unix time since which the node has answered.
//! All nodes are "trusted" (configured by the operator); none is "discovered".

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::routing::post;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::task::JoinSet;
use tracing::{info, warn};

use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::storage::indexer::{ShardedNode, ShardedNodes, select};
use crate::storage::rpc::NodeClient;
use crate::storage::types::ShardConfig;

/// Largest request body the indexer reads.
const MAX_BODY: usize = 1 << 20;
/// Most calls in one batch.
const MAX_BATCH: usize = 100;
/// How long a probe or a file lookup may take per node.
const NODE_TIMEOUT: Duration = Duration::from_secs(3);

/// How to run an indexer.
#[derive(Debug, Clone)]
pub struct IndexerConfig {
    /// The JSON-RPC listen address.
    pub rpc: SocketAddr,
    /// The storage nodes it knows.
    pub nodes: Vec<String>,
    /// Time between probes of the nodes.
    pub poll: Duration,
}

/// What the indexer reports when it stops.
#[derive(Debug, Clone, Serialize)]
pub struct IndexerReport {
    pub rpc_url: String,
    pub nodes: Vec<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    url: String,
    /// `None` while the node does not answer.
    config: Option<ShardConfig>,
    latency: i64,
    since: i64,
}

#[derive(Debug)]
struct IndexerState {
    nodes: RwLock<Vec<Entry>>,
}

impl IndexerState {
    fn up(&self) -> Vec<ShardedNode> {
        self.nodes
            .read()
            .expect("indexer lock")
            .iter()
            .filter_map(|e| {
                e.config.map(|config| ShardedNode {
                    url: e.url.clone(),
                    config,
                    latency: e.latency,
                    since: e.since,
                })
            })
            .collect()
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn quick(url: &str) -> NodeClient {
    NodeClient::new(url).with_transport_attempts(1)
}

/// Probes every node once and records which answer, their shards and latency.
async fn probe(state: &IndexerState) {
    let urls: Vec<String> = state
        .nodes
        .read()
        .expect("indexer lock")
        .iter()
        .map(|e| e.url.clone())
        .collect();
    let mut set = JoinSet::new();
    for (i, u) in urls.into_iter().enumerate() {
        set.spawn(async move {
            let start = Instant::now();
            let r = tokio::time::timeout(NODE_TIMEOUT, quick(&u).shard_config()).await;
            let cfg = match r {
                Ok(Ok(c)) if c.is_valid() => Some(c),
                _ => None,
            };
            (i, cfg, start.elapsed().as_millis() as i64)
        });
    }
    while let Some(Ok((i, cfg, ms))) = set.join_next().await {
        let mut nodes = state.nodes.write().expect("indexer lock");
        let e = &mut nodes[i];
        match cfg {
            Some(c) => {
                if e.config.is_none() {
                    info!(node = %e.url, shard = %format!("{}/{}", c.shard_id, c.num_shard), "storage node up");
                    e.since = unix_now();
                }
                e.config = Some(c);
                e.latency = ms;
            }
            None => {
                if e.config.is_some() {
                    warn!(node = %e.url, "storage node down");
                }
                e.config = None;
                e.since = 0;
            }
        }
    }
}

/// A JSON-RPC error as go-ethereum's rpc package sends it.
fn rpc_error(code: i64, message: impl Into<String>) -> Value {
    json!({"code": code, "message": message.into()})
}

async fn call(
    state: &IndexerState,
    method: &str,
    params: &[Value],
) -> std::result::Result<Value, Value> {
    let param = |i: usize| params.get(i).filter(|v| !v.is_null());
    match method {
        "indexer_getShardedNodes" => Ok(json!(ShardedNodes {
            trusted: state.up(),
            discovered: vec![],
        })),
        "indexer_getSelectedNodes" => {
            let replica = match param(0) {
                None => 1,
                Some(v) => v.as_u64().ok_or_else(|| {
                    rpc_error(
                        -32602,
                        "invalid argument 0: expectedReplica must be a number",
                    )
                })?,
            };
            let method = match param(1) {
                None => "min",
                Some(v) => v.as_str().ok_or_else(|| {
                    rpc_error(-32602, "invalid argument 1: method must be a string")
                })?,
            };
            let dropped: Vec<String> = match param(3) {
                None => vec![],
                Some(v) => serde_json::from_value(v.clone()).map_err(|_| {
                    rpc_error(-32602, "invalid argument 3: dropped must be a list of URLs")
                })?,
            };
            let candidates: Vec<ShardedNode> = state
                .up()
                .into_iter()
                .filter(|n| !dropped.contains(&n.url))
                .collect();
            match select(&candidates, replica.max(1), method) {
                Some(trusted) => Ok(json!(ShardedNodes {
                    trusted,
                    discovered: vec![],
                })),
                None => Err(rpc_error(
                    -32000,
                    "cannot select a subset from the returned nodes that meets the replication requirement",
                )),
            }
        }
        "indexer_getNodeLocations" => Ok(json!({})),
        "indexer_getFileLocations" => {
            let root = param(0)
                .and_then(Value::as_str)
                .and_then(|s| crate::storage::types::hex_hash::parse(s).ok())
                .ok_or_else(|| {
                    rpc_error(
                        -32602,
                        "invalid argument 0: root must be a 32-byte hex hash",
                    )
                })?;
            let mut set = JoinSet::new();
            for n in state.up() {
                set.spawn(async move {
                    let r =
                        tokio::time::timeout(NODE_TIMEOUT, quick(&n.url).file_info(&root, true))
                            .await;
                    matches!(r, Ok(Ok(Some(ref i))) if i.finalized).then_some(n)
                });
            }
            let mut holders = Vec::new();
            while let Some(r) = set.join_next().await {
                if let Ok(Some(n)) = r {
                    holders.push(n);
                }
            }
            // In the order the nodes were configured, whatever order they answered in.
            let order: Vec<String> = state
                .nodes
                .read()
                .expect("indexer lock")
                .iter()
                .map(|e| e.url.clone())
                .collect();
            holders.sort_by_key(|n| order.iter().position(|u| *u == n.url));
            Ok(if holders.is_empty() {
                Value::Null
            } else {
                json!(holders)
            })
        }
        _ => Err(rpc_error(
            -32601,
            format!("the method {method} does not exist/is not available"),
        )),
    }
}

async fn one(state: &IndexerState, req: &Value) -> Value {
    let id = req.get("id").cloned().unwrap_or(Value::Null);
    let Some(method) = req.get("method").and_then(Value::as_str) else {
        return json!({"jsonrpc": "2.0", "id": id, "error": rpc_error(-32600, "invalid request")});
    };
    let params = match req.get("params") {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(a)) => a.clone(),
        Some(_) => {
            return json!({"jsonrpc": "2.0", "id": id, "error": rpc_error(-32602, "non-array args")});
        }
    };
    match call(state, method, &params).await {
        Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        Err(error) => json!({"jsonrpc": "2.0", "id": id, "error": error}),
    }
}

async fn handle(
    State(state): State<Arc<IndexerState>>,
    body: axum::body::Bytes,
) -> axum::Json<Value> {
    let req: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return axum::Json(
                json!({"jsonrpc": "2.0", "id": null, "error": rpc_error(-32700, format!("parse error: {e}"))}),
            );
        }
    };
    axum::Json(match req {
        Value::Array(items) if items.len() > MAX_BATCH => json!({
            "jsonrpc": "2.0", "id": null,
            "error": rpc_error(-32010, format!("batch too large: at most {MAX_BATCH} calls")),
        }),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(one(&state, it).await);
            }
            Value::Array(out)
        }
        req => one(&state, &req).await,
    })
}

/// Runs the indexer until `shutdown` resolves: binds, probes the nodes once, then serves while
/// probing them every poll interval.
pub async fn run(
    config: IndexerConfig,
    progress: &dyn Progress,
    on_event: &(dyn Fn(super::NodeEvent) + Send + Sync),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<IndexerReport> {
    if config.nodes.is_empty() {
        return Err(Error::usage(
            "indexer.no_nodes",
            "the indexer needs at least one storage node",
        )
        .hint("name them with --node URL (repeatable)"));
    }
    // As `cohort config set` checks a profile's storage_nodes.
    if let Some(bad) = config.nodes.iter().find(|u| !crate::config::is_http_url(u)) {
        return Err(Error::usage(
            "indexer.bad_node",
            format!("--node '{}' is not an http(s) URL", crate::redact::url(bad)),
        )
        .hint("use URLs like http://127.0.0.1:5678,http://127.0.0.1:5679"));
    }
    let listener = tokio::net::TcpListener::bind(config.rpc)
        .await
        .map_err(|e| {
            Error::usage(
                "indexer.rpc_bind",
                format!("cannot listen on {}: {e}", config.rpc),
            )
            .hint("choose a free address with --rpc, e.g. 127.0.0.1:12345")
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::failed("indexer.rpc_bind", e.to_string()))?;
    let url = super::rpc::url_of(addr);
    let nodes: Vec<String> = config
        .nodes
        .iter()
        .map(|u| u.trim_end_matches('/').to_string())
        .collect();
    let state = Arc::new(IndexerState {
        nodes: RwLock::new(
            nodes
                .iter()
                .map(|u| Entry {
                    url: u.clone(),
                    config: None,
                    latency: 0,
                    since: 0,
                })
                .collect(),
        ),
    });
    probe(&state).await;
    on_event(super::NodeEvent::Listening {
        address: addr.to_string(),
        rpc_url: url.clone(),
    });
    progress.note(&format!(
        "indexer listening on {url} ({} of {} storage nodes answering)",
        state.up().len(),
        nodes.len()
    ));
    let prober = {
        let state = Arc::clone(&state);
        let every = config.poll.max(Duration::from_millis(50));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                probe(&state).await;
            }
        })
    };
    let app = Router::new()
        .route("/", post(handle))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower::limit::ConcurrencyLimitLayer::new(64))
        .with_state(state);
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    prober.abort();
    served.map_err(|e| Error::failed("indexer.serve", format!("the RPC server failed: {e}")))?;
    Ok(IndexerReport {
        rpc_url: url,
        nodes,
    })
}
