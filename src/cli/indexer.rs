//! `cohort indexer`: run a 0G indexer over a set of storage nodes.

use std::net::SocketAddr;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Result;
use crate::node::indexer::{self, IndexerConfig};

#[derive(Debug, Subcommand)]
pub enum IndexerCommand {
    /// Run a 0G indexer in the foreground until SIGTERM or Ctrl-C
    ///
    /// It serves indexer_getShardedNodes, indexer_getSelectedNodes, indexer_getNodeLocations
    /// and indexer_getFileLocations as 0G's Go indexer does, for the storage nodes named with
    /// --node, probing them every --poll-ms. `cohort devnet up` runs one beside its nodes.
    /// With --json, stdout is JSON Lines: a {"event":"listening",…} line once the server
    /// listens, then the report when it stops ({"event":"stopped",…}).
    ///
    /// Example:
    ///   cohort indexer run --rpc 127.0.0.1:12345 --node http://127.0.0.1:5678 --node http://127.0.0.1:5679
    #[command(verbatim_doc_comment)]
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Address for the JSON-RPC server (port 0 picks a free one).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:12345")]
    pub rpc: SocketAddr,
    /// A storage node to list (repeatable, or comma-separated).
    #[arg(
        long = "node",
        required = true,
        value_delimiter = ',',
        value_name = "URL"
    )]
    pub nodes: Vec<String>,
    /// Milliseconds between probes of the nodes.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub poll_ms: u64,
    /// Marks the process as a devnet's (for `cohort devnet` only).
    #[arg(long, hide = true, value_name = "DIR")]
    pub devnet: Option<std::path::PathBuf>,
}

impl IndexerCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            IndexerCommand::Run(a) => {
                let config = IndexerConfig {
                    rpc: a.rpc,
                    nodes: a.nodes,
                    poll: std::time::Duration::from_millis(a.poll_ms),
                };
                let progress = ctx.printer.progress();
                // With --json stdout is JSON Lines: the events, then the report (event `stopped`).
                let on_event = ctx.printer.json_events::<crate::node::NodeEvent>();
                let report = indexer::run(
                    config,
                    progress.as_ref(),
                    &on_event,
                    crate::node::shutdown_signal(),
                )
                .await?;
                ctx.printer
                    .stopped_line(&report, |r| format!("indexer on {} stopped", r.rpc_url));
                Ok(())
            }
        }
    }
}
