//! `cohort node run`: a storage node that speaks the 0G storage node JSON-RPC (docs/protocol.md 3).
//!
//! It follows the flow contract's `Submit` events on an EVM chain ([`follower`]), accepts segments
//! only with valid proofs against the submitted roots, stores them durably ([`store`]), and serves
//! them back with proofs ([`rpc`]). A node with shard `K/N` stores the global segments
//! `g % N == K` and finalizes a file once it holds all of those.
//!
//! Segments of other shards are accepted and ignored (answered `null`, not stored), because the
//! Go SDK's fast mode broadcasts small files to every node whatever its shard.
//!
//! The node is meant to face the public: its RPC server is bounded ([`limits`]) and its cache
//! of segments uploaded before their tx expires and evicts ([`store::CacheLimits`]).

pub mod follower;
pub mod indexer;
pub mod limits;
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
pub use limits::RpcLimits;
pub use store::{CacheLimits, Shard, Store, TxRecord};

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
    /// Blocks a Submit event must have on top of it before the node takes it; `None`: 0 on a
    /// local devnet (chain id 31337), 6 elsewhere.
    pub confirmations: Option<u64>,
    /// The RPC server's bounds.
    pub limits: RpcLimits,
    /// The bounds of the cache of segments uploaded before their tx.
    pub cache: CacheLimits,
}

/// What a node did, reported when it stops.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    pub rpc_url: String,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub data_dir: PathBuf,
    pub shard: String,
    pub next_tx_seq: u64,
    pub next_block: u64,
}

/// What a running node or indexer reports as it goes (`--json`: one JSON line each on stdout).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum NodeEvent {
    /// The JSON-RPC server accepts connections.
    Listening {
        /// `host:port` (the port `--rpc …:0` picked).
        address: String,
        rpc_url: String,
    },
}

/// Drops expired entries of the pre-transaction cache (a few times per max age, at most every
/// 30 s) and forgets the rate state of quiet peers.
async fn housekeeping(state: Arc<rpc::NodeState>) {
    let every = (state.store.cache_limits().max_age / 4)
        .clamp(Duration::from_millis(100), Duration::from_secs(30));
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut n = 0u64;
    loop {
        tick.tick().await;
        let store = Arc::clone(&state.store);
        let _ = tokio::task::spawn_blocking(move || store.expire_cache()).await;
        n += 1;
        if n.is_multiple_of(64) {
            state.forget_quiet_peers();
        }
    }
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

/// How long the first look at the chain may take before the node starts without it.
const FIRST_CHECK: Duration = Duration::from_secs(5);

/// Refuses (exit 2) before the node says it listens what no retry can mend: a data folder of
/// another flow, and, once the chain answers, of another chain, or a flow address without
/// code ([`follower::check_followed`]). A chain that does not answer yet is waited for later,
/// by the follower.
async fn check_before_start(config: &NodeConfig, store: &Arc<Store>) -> Result<()> {
    follower::check_recorded_flow(config.flow, store)?;
    let first = tokio::time::timeout(FIRST_CHECK, async {
        let chain = crate::chain::Chain::connect(&config.chain_rpc, None).await?;
        follower::check_followed(&chain, config.flow, store).await
    })
    .await;
    match first {
        Ok(Err(e)) if e.kind == crate::error::ErrorKind::Usage => Err(e),
        _ => Ok(()),
    }
}

/// Runs the node until `shutdown` resolves: binds the RPC address, opens the store, checks the
/// data folder and the flow ([`check_before_start`]; without waiting for a chain that does not
/// answer yet, so the node is reachable at once; then `on_event` gets
/// [`NodeEvent::Listening`]), follows the chain, serves requests. A chain that starts serving
/// another chain id stops the node (exit 2).
pub async fn run(
    config: NodeConfig,
    progress: &dyn Progress,
    on_event: &(dyn Fn(NodeEvent) + Send + Sync),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<NodeReport> {
    config.limits.check()?;
    // The address first: a busy one fails before the data folder is made or records a chain
    // and flow (a later run with another --flow would be refused as another folder's).
    let listener = tokio::net::TcpListener::bind(config.rpc)
        .await
        .map_err(|e| {
            Error::usage(
                "node.rpc_bind",
                format!("cannot listen on {}: {e}", config.rpc),
            )
            .hint("choose a free address with --rpc, e.g. 127.0.0.1:5679 (or port 0 for any free one)")
        })?;
    let dir = config.data_dir.clone();
    let shard = config.shard;
    let cache = config.cache;
    let store = tokio::task::spawn_blocking(move || Store::open_with(&dir, shard, cache))
        .await
        .map_err(|e| Error::failed("node.task", e.to_string()))??;
    let store = Arc::new(store);
    check_before_start(&config, &store).await?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::failed("node.rpc_bind", e.to_string()))?;
    let url = rpc::url_of(addr);
    let chain = Arc::new(ChainInfo::default());
    let state = Arc::new(rpc::NodeState::new(
        Arc::clone(&store),
        Arc::clone(&chain),
        config.flow,
        url.clone(),
        config.limits,
    ));
    progress.note(&format!(
        "storage node listening on {url} (shard {}/{}, data in {})",
        shard.shard_id,
        shard.num_shard,
        config.data_dir.display()
    ));
    on_event(NodeEvent::Listening {
        address: addr.to_string(),
        rpc_url: url.clone(),
    });
    progress.note(&format!(
        "following flow {} on {} from block {}",
        config.flow,
        config.chain_rpc,
        store.next_block()
    ));
    // The follower returns only with an error the node cannot go on with: the node stops.
    let follower_failed = Arc::new(tokio::sync::Notify::new());
    let follower = tokio::spawn({
        let run = follower::run(
            config.chain_rpc.clone(),
            config.flow,
            Arc::clone(&store),
            chain,
            config.poll,
            config.confirmations,
        );
        let failed = Arc::clone(&follower_failed);
        async move {
            let r = run.await;
            failed.notify_one();
            r
        }
    });
    let housekeeping = tokio::spawn(housekeeping(Arc::clone(&state)));
    let listener = limits::LimitedListener::new(listener, &config.limits);
    // `tap_io` only to have the peer address as connect info (axum provides it for TapIo).
    let listener = axum::serve::ListenerExt::tap_io(listener, |_| {});
    let app = rpc::router(state).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            tokio::select! {
                _ = shutdown => {}
                _ = follower_failed.notified() => {}
            }
        })
        .await;
    follower.abort();
    housekeeping.abort();
    if let Ok(Err(e)) = follower.await {
        return Err(e);
    }
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
