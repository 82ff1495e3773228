//! `cohort devnet`: the local chain, contracts and storage nodes.

use clap::{Args, Subcommand};

use super::Ctx;
use crate::devnet::{self, Status, UpOptions, UpRequest};
use crate::error::{Error, Result};
use crate::ui::table;

#[derive(Debug, Subcommand)]
pub enum DevnetCommand {
    /// Start anvil and the storage nodes, deploy the contracts, write the `local` profile.
    ///
    /// Returns once everything answers; the processes keep running in the background. On a
    /// partly running devnet it restarts only what stopped, each on its port. A running devnet
    /// keeps its layout: flags asking for another port, block time, nodes or shards are refused
    /// (exit 2; `cohort devnet reset --nodes N --shards M` lays it out anew). After `devnet down`
    /// it comes back on its port with its nodes and shards (and its chain and files).
    /// Example: cohort devnet up --nodes 2 --shards 2
    Up(UpArgs),
    /// Show endpoints, chain id, block height, contract addresses and process health.
    ///
    /// Example: cohort devnet status --json
    Status,
    /// Stop exactly the processes `up` started. Chain state is kept for the next `up`.
    ///
    /// Example: cohort devnet down
    Down,
    /// Wipe the devnet's chain and storage and start it fresh, on the same port with the same
    /// nodes and shards unless flags say otherwise.
    ///
    /// Every job, dataset and model token on the local chain is lost, so it asks first (--yes
    /// skips the question).
    /// Example: cohort devnet reset --yes
    Reset(ResetArgs),
}

// On a devnet that runs (even in part) the flags must match it: one asking for another layout
// is refused (exit 2), not ignored ([`devnet::check_running_layout`]).
#[derive(Debug, Args)]
pub struct UpArgs {
    /// anvil's port on 127.0.0.1 (default: the port the devnet here had, else 8545; 0 picks a
    /// free one).
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// Seconds between blocks (default: a block per transaction).
    #[arg(long, value_name = "S")]
    pub block_time: Option<f64>,
    /// Number of storage nodes (0 runs the chain alone; default: as many as the devnet here had,
    /// else 1).
    #[arg(long, value_name = "NODES")]
    pub nodes: Option<u64>,
    /// Number of shards (a power of two dividing --nodes; default: as many as the devnet here
    /// had, else 1).
    #[arg(long, value_name = "SHARDS")]
    pub shards: Option<u64>,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// anvil's port on 127.0.0.1 (default: the devnet's port, else 8545; 0 picks a free one).
    #[arg(long)]
    pub port: Option<u16>,
    /// Seconds between blocks (default: a block per transaction).
    #[arg(long, value_name = "S")]
    pub block_time: Option<f64>,
    /// Number of storage nodes (default: as many as the devnet had, else 1).
    #[arg(long)]
    pub nodes: Option<u64>,
    /// Number of shards (default: as many as the devnet had, else 1).
    #[arg(long)]
    pub shards: Option<u64>,
}

impl ResetArgs {
    /// The flags given, the rest as the devnet had them (`last`).
    fn options(&self, last: UpOptions) -> UpOptions {
        UpOptions {
            port: self.port.unwrap_or(last.port),
            block_time: self.block_time,
            nodes: self.nodes.unwrap_or(last.nodes),
            shards: self.shards.unwrap_or(last.shards),
        }
    }
}

impl UpArgs {
    fn request(&self) -> UpRequest {
        UpRequest {
            port: self.port,
            block_time: self.block_time,
            nodes: self.nodes,
            shards: self.shards,
        }
    }
}

pub fn render_status(s: &Status) -> String {
    if s.processes.is_empty() {
        return "the devnet is not running; start it with `cohort devnet up`".into();
    }
    let mut out = String::new();
    let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    out.push_str(&table::pairs(&[
        (
            "state",
            if s.running {
                "running".to_string()
            } else {
                "not running (run `cohort devnet up`)".into()
            },
        ),
        ("rpc_url", s.rpc_url.clone().unwrap_or_default()),
        ("chain_id", opt(s.chain_id)),
        ("block", opt(s.block_number)),
        ("storage_nodes", s.storage_nodes.join(", ")),
        ("indexer", s.indexer.clone().unwrap_or_default()),
        ("state_dir", s.state_dir.display().to_string()),
    ]));
    out.push_str("\n\n");
    out.push_str(&table::render(
        &["CONTRACT", "ADDRESS", "CODE"],
        s.contracts.iter().map(|c| {
            vec![
                c.name.clone(),
                super::checksummed(&c.address),
                if c.deployed {
                    "yes".into()
                } else {
                    "no".to_string()
                },
            ]
        }),
    ));
    out.push_str("\n\n");
    out.push_str(&table::render(
        &["PROCESS", "PID", "URL", "ALIVE"],
        s.processes.iter().map(|p| {
            vec![
                p.name.clone(),
                p.pid.to_string(),
                p.url.clone(),
                if p.alive { "yes".into() } else { "no".into() },
            ]
        }),
    ));
    if let Some(a) = s.dev_accounts.first() {
        out.push_str(&format!(
            "\n\ndev accounts (wallet dev:0 … dev:{}): {} …",
            s.dev_accounts.len() - 1,
            super::checksummed(a)
        ));
    }
    out
}

impl DevnetCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let p = &ctx.printer;
        let progress = p.progress();
        match self {
            DevnetCommand::Up(args) => {
                let r =
                    devnet::up_requested(&ctx.paths, &args.request(), progress.as_ref()).await?;
                p.result(&r, |r| {
                    let mut head = if !r.restarted.is_empty() {
                        format!(
                            "restarted {}; the rest kept running",
                            r.restarted.join(", ")
                        )
                    } else if r.started {
                        "devnet is up".to_string()
                    } else if r.restored_profile {
                        "devnet is already running".to_string()
                    } else {
                        "devnet is already running; nothing changed".to_string()
                    };
                    if r.restored_profile {
                        head.push_str("; the `local` profile was missing and is written back");
                    }
                    format!("{head}\n\n{}", render_status(&r.status))
                });
            }
            DevnetCommand::Status => {
                let s = devnet::status(&ctx.paths).await?;
                p.result(&s, render_status);
            }
            DevnetCommand::Down => {
                let r = devnet::down(&ctx.paths).await?;
                p.result(&r, |r| {
                    if r.stopped.is_empty() {
                        "the devnet was not running".into()
                    } else {
                        format!(
                            "stopped {} process{}; chain state is kept for the next `cohort devnet up`",
                            r.stopped.len(),
                            if r.stopped.len() == 1 { "" } else { "es" }
                        )
                    }
                });
            }
            DevnetCommand::Reset(args) => {
                let q = "Wipe the devnet's chain and storage (every job, dataset and model token \
                         on it) and start it fresh?";
                if !p.confirm(q)? {
                    return Err(Error::failed(
                        "devnet.cancelled",
                        "cancelled: the devnet and its chain were kept",
                    ));
                }
                let last = devnet::last_options(&ctx.paths)?.unwrap_or_default();
                let opts = args.options(last);
                let r = devnet::reset_and_up(&ctx.paths, &opts, progress.as_ref()).await?;
                p.result(&r, |r| {
                    format!("devnet reset: fresh chain\n\n{}", render_status(&r.status))
                });
            }
        }
        Ok(())
    }
}
