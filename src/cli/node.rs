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
    /// Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C.
    ///
    /// It follows the flow contract's Submit events, accepts segments with valid proofs, keeps
    /// them in --data-dir (surviving restarts) and serves them over JSON-RPC on --rpc.
    /// --chain-rpc and --flow default to the active profile's rpc_url and flow contract.
    ///
    /// Examples:
    ///   cohort node run --data-dir ./node0 --rpc 127.0.0.1:5678
    ///   cohort node run --data-dir ./n1 --rpc 127.0.0.1:5679 --shard 1/2 \
    ///     --chain-rpc http://127.0.0.1:8545 --flow 0x5FbDB2315678afecb367f032d93F642f64180aa3
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
        };
        let progress = ctx.printer.progress();
        let report = node::run(config, progress.as_ref(), node::shutdown_signal()).await?;
        ctx.printer.result(&report, |r| {
            format!(
                "storage node on {} stopped (next txSeq {}, next block {})",
                r.rpc_url, r.next_tx_seq, r.next_block
            )
        });
        Ok(())
    }
}
