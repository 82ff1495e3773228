//! `cohort node`: run a storage node.

use std::net::SocketAddr;
use std::path::PathBuf;

use alloy::primitives::Address;
use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Result;
use crate::node::{self, NodeConfig, Shard};

#[derive(Debug, Subcommand)]
pub enum NodeCommand {
    /// Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C
    ///
    /// It follows the flow contract's Submit events, accepts segments with valid proofs, keeps
    /// them in --data-dir (surviving restarts) and serves them over JSON-RPC on --rpc.
    /// --chain-rpc and --flow default to the active profile's rpc_url and flow contract.
    ///
    /// The node is safe to expose: the --rpc-* flags bound connections, concurrent requests,
    /// body and batch sizes, the memory held by requests in flight and each address's request
    /// rate; the --cache-* flags bound the segments uploaded before their tx is on chain (the
    /// SDKs' fast mode), which expire and give way to newer ones when the cache is full.
    ///
    /// --data-dir belongs to one chain and flow: a start with another one, a --flow address
    /// without contract code, or a contract that does not answer as a flow (its market() call
    /// fails), is refused (exit 2) before the node listens (the chain is waited for when it does
    /// not answer yet: then at connection). With --json, stdout is JSON Lines: a
    /// {"event":"listening",…} line once the server listens, then the report when it stops
    /// ({"event":"stopped",…}).
    ///
    /// Examples:
    ///   cohort node run --data-dir ./node0 --rpc 127.0.0.1:5678
    ///   # the flow of a fresh `cohort devnet up` on port 8545 (`cohort devnet status` lists it):
    ///   cohort node run --data-dir ./n1 --rpc 127.0.0.1:5679 --shard 1/2 \
    ///     --chain-rpc http://127.0.0.1:8545 --flow 0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512
    #[command(verbatim_doc_comment)]
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Folder for the node's data (created if missing; one node per folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: PathBuf,
    /// Address for the JSON-RPC server (port 0 picks a free one).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:5678")]
    pub rpc: SocketAddr,
    /// The chain's JSON-RPC URL [default: the profile's rpc_url].
    #[arg(long, value_name = "URL")]
    pub chain_rpc: Option<String>,
    /// The flow contract address [default: the profile's flow contract].
    #[arg(long, value_name = "ADDRESS")]
    pub flow: Option<Address>,
    /// The shard this node stores: K/N keeps global segments g with g % N == K.
    #[arg(long, value_name = "K/N", default_value = "0/1")]
    pub shard: String,
    /// Milliseconds between chain polls once caught up.
    #[arg(long, value_name = "MS", default_value_t = 300)]
    pub poll_ms: u64,
    /// Blocks a Submit event needs on top of it before the node takes it (reorgs within this
    /// depth never reach the node; deeper ones are rolled back) [default: 0 on a devnet chain
    /// (id 31337), 6 elsewhere]
    #[arg(long, value_name = "N")]
    pub confirmations: Option<u64>,
    /// Largest JSON-RPC request body, and response, in MiB (the SDKs send ~3.5 MiB).
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub rpc_max_body_mib: u64,
    /// Most calls in one JSON-RPC batch.
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub rpc_max_batch: u64,
    /// Requests handled at once; more wait for a slot.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub rpc_max_concurrent: u64,
    /// Open connections in all; more wait until one closes.
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub rpc_max_connections: u64,
    /// Open connections from one IP address; more are closed at once.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub rpc_max_peer_connections: u64,
    /// Requests per second from one IP address, bursts of twice that (0: unlimited); a request
    /// over the rate waits up to 5 s, then gets HTTP 429.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub rpc_peer_rate: u32,
    /// MiB of request bodies, decoded parameters and responses held at once; each request is
    /// charged 3× its body plus 1 MiB, and waits while the budget is spent. At least 3× the
    /// body limit plus 1.
    #[arg(long, value_name = "MIB", default_value_t = 128, value_parser = clap::value_parser!(u64).range(4..=4095))]
    pub rpc_memory_mib: u64,
    /// MiB of segments held for files whose tx is not on chain yet; the least recently used
    /// files give way when a new segment does not fit.
    #[arg(long, value_name = "MIB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub cache_max_mib: u64,
    /// Seconds a file's segments wait for its tx (from the first segment) before they are
    /// dropped; also applies to the cache found at start.
    #[arg(long, value_name = "SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    pub cache_ttl_secs: u64,
}

impl NodeCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            NodeCommand::Run(args) => args.run(ctx).await,
        }
    }
}

impl RunArgs {
    async fn run(self, ctx: &Ctx) -> Result<()> {
        let shard = Shard::parse(&self.shard)?;
        let (chain_rpc, flow) = match (self.chain_rpc, self.flow) {
            (Some(url), Some(flow)) => (url, flow),
            (url, flow) => {
                let client = ctx.client()?;
                let flow = match flow {
                    Some(f) => f,
                    None => client.profile.contract("flow")?,
                };
                (url.unwrap_or(client.profile.rpc_url), flow)
            }
        };
        let config = NodeConfig {
            data_dir: self.data_dir,
            rpc: self.rpc,
            chain_rpc,
            flow,
            shard,
            poll: std::time::Duration::from_millis(self.poll_ms.max(10)),
            confirmations: self.confirmations,
            limits: node::RpcLimits {
                max_body: (self.rpc_max_body_mib as usize) << 20,
                max_batch: self.rpc_max_batch as usize,
                max_concurrent: self.rpc_max_concurrent as usize,
                max_connections: self.rpc_max_connections as usize,
                max_peer_connections: self.rpc_max_peer_connections as usize,
                peer_rate: self.rpc_peer_rate,
                memory: (self.rpc_memory_mib as usize) << 20,
                ..node::RpcLimits::default()
            },
            cache: node::CacheLimits {
                max_bytes: self.cache_max_mib << 20,
                max_age: std::time::Duration::from_secs(self.cache_ttl_secs),
            },
        };
        let progress = ctx.printer.progress();
        // With --json stdout is JSON Lines: the events, then the report (event `stopped`).
        let on_event = ctx.printer.json_events::<node::NodeEvent>();
        let report = node::run(
            config,
            progress.as_ref(),
            &on_event,
            node::shutdown_signal(),
        )
        .await?;
        ctx.printer.stopped_line(&report, |r| {
            format!(
                "storage node on {} stopped (next txSeq {}, next block {})",
                r.rpc_url, r.next_tx_seq, r.next_block
            )
        });
        Ok(())
    }
}
