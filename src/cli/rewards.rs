//! `cohort rewards`: what the wallet can claim across all models and jobs, claiming it, and
//! paying revenue into a model. Args and rendering only; the work is in `crate::rewards`.

use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::error::{Error, Result};
use crate::tokens::rewards::{self, ClaimFilter, ClaimKind, Claimable};
use crate::tokens::{self, Suite};
use crate::ui::table;
use crate::wallet;

/// Rewards: unclaimed allocations, model revenue and worker earnings.
#[derive(Debug, Subcommand)]
pub enum RewardsCommand {
    /// Everything the wallet can claim: allocations, revenue per asset, worker earnings
    ///
    /// Examples:
    ///   cohort rewards list
    ///   cohort rewards list --model NEWS --json
    ///   cohort rewards list 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
    #[command(verbatim_doc_comment)]
    List(ListArgs),
    /// Claim rewards (each claim is simulated first; rerun to finish after a failure)
    ///
    /// Prints "nothing to claim" and exits 0 when there is nothing, so it can run on a schedule.
    /// Examples:
    ///   cohort rewards claim --all
    ///   cohort rewards claim --model NEWS
    ///   cohort rewards claim --model 3 --asset USDC
    #[command(verbatim_doc_comment)]
    Claim(ClaimArgs),
    /// Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)
    ///
    /// Examples:
    ///   cohort rewards deposit NEWS 1.5
    ///   cohort rewards deposit NEWS 250 --asset USDC
    #[command(verbatim_doc_comment)]
    Deposit(DepositArgs),
    /// Account revenue sent to a model's token directly (plain transfers).
    ///
    /// Example: cohort rewards sync NEWS
    Sync(SyncArgs),
}

impl RewardsCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            RewardsCommand::List(a) => a.run(ctx).await,
            RewardsCommand::Claim(a) => a.run(ctx).await,
            RewardsCommand::Deposit(a) => a.run(ctx).await,
            RewardsCommand::Sync(a) => a.run(ctx).await,
        }
    }
}

async fn suite(ctx: &Ctx) -> Result<(crate::client::Client, crate::chain::Chain, Suite)> {
    let client = ctx.client()?;
    let factory = client.profile.contract("model_token_factory")?;
    let chain = client.chain().await?;
    let suite = Suite::load(&chain, factory).await?;
    Ok((client, chain, suite))
}

fn claimable_rows(items: &[Claimable]) -> String {
    table::render(
        &["KIND", "MODEL", "AMOUNT", "NOTE"],
        items.iter().map(|c| {
            let kind = match c.kind {
                ClaimKind::Allocation => "allocation",
                ClaimKind::Revenue => "revenue",
                ClaimKind::Earnings => "earnings",
            };
            let model = c
                .model
                .as_ref()
                .map(|m| m.label())
                .unwrap_or_else(|| "(jobs)".into());
            let note = if c.attached_revenue.is_empty() {
                String::new()
            } else {
                format!(
                    "plus {} earned in escrow",
                    c.attached_revenue
                        .iter()
                        .map(|a| a.asset.format(a.amount))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            vec![kind.to_string(), model, c.asset.format(c.amount), note]
        }),
    )
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Whose rewards: address, wallet name or dev:N (default: the selected wallet).
    pub who: Option<String>,
    /// Only this model (job id, token address or symbol).
    #[arg(long)]
    pub model: Option<String>,
    /// Only what is owed in this asset (address, `native` or symbol): its revenue, the
    /// allocations whose tokens earned some in escrow, and (native, without --model) worker
    /// earnings.
    #[arg(long)]
    pub asset: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl ListArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, suite) = suite(ctx).await?;
        let who = match &self.who {
            Some(w) => wallet::resolve_address(&ctx.paths, &client.profile, w)?,
            None => ctx.signer_address(&client, &self.signer)?,
        };
        let model = match &self.model {
            Some(m) => Some(tokens::resolve(&chain, suite.factory, m).await?),
            None => None,
        };
        let filter = ClaimFilter {
            model,
            asset: self.asset.clone(),
        };
        let items = rewards::claimables(&chain, &suite, who, &filter).await?;
        let v = rewards::ClaimableList {
            address: who,
            claimable: items,
        };
        ctx.printer.result(&v, |v| {
            if v.claimable.is_empty() {
                format!("{who}: nothing to claim")
            } else {
                format!("{who} can claim:\n{}", claimable_rows(&v.claimable))
            }
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct ClaimArgs {
    /// Only this model's allocation and revenue (job id, token address or symbol).
    #[arg(long)]
    pub model: Option<String>,
    /// Only what is owed in this asset (address, `native` or symbol): its revenue; an unclaimed
    /// allocation whose tokens earned some in escrow too, as that is what releases it; and
    /// (native, without --model) worker earnings.
    #[arg(long)]
    pub asset: Option<String>,
    /// Everything: every model's allocation and revenue, and worker earnings.
    #[arg(long, conflicts_with_all = ["model", "asset"])]
    pub all: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl ClaimArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        if !self.all && self.model.is_none() && self.asset.is_none() {
            return Err(Error::usage("rewards.what", "name what to claim")
                .hint("pass --all, or --model M and/or --asset A (see `cohort rewards list`)"));
        }
        let (client, chain, suite) = suite(ctx).await?;
        let model = match &self.model {
            Some(m) => Some(tokens::resolve(&chain, suite.factory, m).await?),
            None => None,
        };
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let filter = ClaimFilter {
            model,
            asset: self.asset.clone(),
        };
        let progress = ctx.printer.progress();
        let report = rewards::claim(&s, &suite, &filter, progress.as_ref()).await?;
        let nothing = report.nothing_to_claim();
        let v = report.summary();
        ctx.printer.result(&v, |_| {
            if nothing {
                return "nothing to claim".to_string();
            }
            let mut out = String::new();
            for c in report.claimed.iter().filter(|c| c.resumed) {
                out.push_str(&format!(
                    "an earlier run's claim landed: {} (tx {})\n",
                    c.item.describe(),
                    c.tx_hash
                ));
            }
            for c in report.claimed.iter().filter(|c| !c.resumed) {
                out.push_str(&format!(
                    "claimed {} (tx {})\n",
                    c.item.describe(),
                    c.tx_hash
                ));
            }
            for f in &report.failed {
                out.push_str(&format!("FAILED {}: {}\n", f.item.describe(), f.message));
            }
            out
        });
        if let Some(first) = report.failed.first() {
            let n = report.failed.len();
            let total = n + report.claimed.len();
            return Err(Error::new(
                first.error.kind,
                first.error.code.clone(),
                format!(
                    "{n} of {total} claims failed; the first: {}",
                    first.error.message
                ),
            )
            .hint("run the same command again: only what is left is claimed"));
        }
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct DepositArgs {
    /// The model: job id, token address or symbol.
    pub model: String,
    /// Amount: 1.5, 1.5ether, 250gwei (ERC-20: in whole tokens, by its decimals).
    pub amount: String,
    /// Pay in this ERC-20 revenue asset of the model (address or symbol) instead of the native coin.
    #[arg(long, value_name = "ERC20")]
    pub asset: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl DepositArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, suite) = suite(ctx).await?;
        let m = tokens::resolve(&chain, suite.factory, &self.model).await?;
        let assets = tokens::revenue_assets(&chain, m.token).await?;
        let asset = match &self.asset {
            Some(sel) => rewards::select_asset(&m, &assets, sel)?,
            None => assets[0].clone(),
        };
        let amount = crate::chain::units::parse_amount(&self.amount, asset.decimals)?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let progress = ctx.printer.progress();
        let d = rewards::deposit(&s, &m, &asset, amount, progress.as_ref()).await?;
        ctx.printer.result(&d, |d| {
            if d.resumed {
                return format!(
                    "an earlier run's deposit of {} into {} landed (tx {}); nothing was paid again",
                    d.asset.format(d.amount),
                    d.model.label(),
                    d.tx_hash
                );
            }
            format!(
                "deposited {} into {} (tx {}, gas {})",
                d.asset.format(d.amount),
                d.model.label(),
                d.tx_hash,
                d.gas_used
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The model: job id, token address or symbol.
    pub model: String,
    /// Only this asset (address, `native` or symbol); default: all of the model's assets.
    #[arg(long)]
    pub asset: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl SyncArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, suite) = suite(ctx).await?;
        let m = tokens::resolve(&chain, suite.factory, &self.model).await?;
        let only = match &self.asset {
            Some(sel) => {
                let assets = tokens::revenue_assets(&chain, m.token).await?;
                Some(rewards::select_asset(&m, &assets, sel)?)
            }
            None => None,
        };
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let progress = ctx.printer.progress();
        let synced = rewards::sync(&s, &m, only.as_ref(), progress.as_ref()).await?;
        let v = rewards::SyncReport {
            model: m.clone(),
            synced,
        };
        ctx.printer.result(&v, |v| {
            v.synced
                .iter()
                .map(|x| match x.tx_hash {
                    Some(h) => format!(
                        "{}: accounted {} (tx {h})",
                        x.asset.symbol,
                        x.asset.format(x.amount)
                    ),
                    None => format!("{}: nothing to sync", x.asset.symbol),
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        Ok(())
    }
}
