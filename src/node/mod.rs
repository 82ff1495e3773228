//! `cohort node run`: a storage node that speaks the 0G storage node JSON-RPC (docs/protocol.md 3).
//!
//! It follows the flow contract's `Submit` events on an EVM chain ([`follower`]), accepts segments
//! only with valid proofs against the submitted roots, stores them durably ([`store`]), and serves
//! them back with proofs ([`rpc`]). A node with shard `K/N` stores the global segments
//! `g % N == K` and finalizes a file once it holds all of those.
//!
//! Segments of other shards are accepted and ignored (answered `null`, not stored), because the
//! Go SDK's fast mode broadcasts small files to every node whatever its shard.

pub mod follower;
pub mod rpc;
pub mod store;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::Address;
use serde::Serialize;
use tracing::info;

use crate::error::{Error, Result};
use crate::progress::Progress;

pub use follower::ChainInfo;
pub use store::{Shard, Store, TxRecord};

/// The default interval between polls of the chain once caught up.
pub const DEFAULT_POLL: Duration = Duration::from_millis(300);

/// How to run a node.
#[derive(Debug, Clone)]
pub struct NodeConfig {
    pub data_dir: PathBuf,
    /// The JSON-RPC listen address.
    pub rpc: SocketAddr,
    /// The chain's JSON-RPC URL.
    pub chain_rpc: String,
    /// The flow contract whose Submit events define the files.
    pub flow: Address,
    pub shard: Shard,
    pub poll: Duration,
}

/// What a node did, reported when it stops.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    pub rpc_url: String,
    pub data_dir: PathBuf,
    pub shard: String,
    pub next_tx_seq: u64,
    pub next_block: u64,
}

/// Waits for SIGTERM or SIGINT.
pub async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).ok();
    let mut int = signal(SignalKind::interrupt()).ok();
    tokio::select! {
        _ = async { match term.as_mut() { Some(s) => { s.recv().await; } None => std::future::pending().await } } => {}
        _ = async { match int.as_mut() { Some(s) => { s.recv().await; } None => std::future::pending().await } } => {}
    }
}

/// Runs the node until `shutdown` resolves: opens the store, binds the RPC address (before the
/// chain answers, so the node is reachable at once), follows the chain, serves requests.
pub async fn run(
    config: NodeConfig,
    progress: &dyn Progress,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<NodeReport> {
    let dir = config.data_dir.clone();
    let shard = config.shard;
    let store = tokio::task::spawn_blocking(move || Store::open(&dir, shard))
        .await
        .map_err(|e| Error::failed("node.task", e.to_string()))??;
    let store = Arc::new(store);
    let listener = tokio::net::TcpListener::bind(config.rpc)
        .await
        .map_err(|e| {
            Error::usage(
                "node.rpc_bind",
                format!("cannot listen on {}: {e}", config.rpc),
            )
            .hint("choose a free address with --rpc, e.g. 127.0.0.1:5679")
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::failed("node.rpc_bind", e.to_string()))?;
    let url = rpc::url_of(addr);
    let chain = Arc::new(ChainInfo::default());
    let state = Arc::new(rpc::NodeState {
        store: Arc::clone(&store),
        chain: Arc::clone(&chain),
        flow: config.flow,
        url: url.clone(),
    });
    progress.note(&format!(
        "storage node listening on {url} (shard {}/{}, data in {})",
        shard.shard_id,
        shard.num_shard,
        config.data_dir.display()
    ));
    progress.note(&format!(
        "following flow {} on {} from block {}",
        config.flow,
        config.chain_rpc,
        store.next_block()
    ));
    let follower = tokio::spawn(follower::run(
        config.chain_rpc.clone(),
        config.flow,
        Arc::clone(&store),
        chain,
        config.poll,
    ));
    // Without TCP_NODELAY the tail of each large response waits on the client's delayed ACK.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let served = axum::serve(listener, rpc::router(state))
        .with_graceful_shutdown(shutdown)
        .await;
    follower.abort();
    let _ = follower.await;
    served.map_err(|e| Error::failed("node.serve", format!("the RPC server failed: {e}")))?;
    info!("storage node stopped");
    Ok(NodeReport {
        rpc_url: url,
        data_dir: config.data_dir,
        shard: format!("{}/{}", shard.shard_id, shard.num_shard),
        next_tx_seq: store.next_tx_seq(),
        next_block: store.next_block(),
    })
}
