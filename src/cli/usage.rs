//! `cohort usage`: the user's account on the UsageLedger (deposit, balance, withdraw) and vouchers
//! for a provider. The work is in `crate::usage` and `crate::serve::client`.

use alloy::primitives::Address;
use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::units::parse_amount;
use crate::error::{Error, Result};
use crate::serve::client as sclient;
use crate::tokens::Asset;
use crate::ui::table;
use crate::usage;

/// Pay-per-use: your deposit on the usage ledger and vouchers for model servers.
#[derive(Debug, Subcommand)]
pub enum UsageCommand {
    /// Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account
    ///
    /// Vouchers are paid from it.
    ///
    /// Examples:
    ///   cohort usage deposit --amount 0.05
    ///   cohort usage deposit --amount 25 --asset USDC
    #[command(verbatim_doc_comment)]
    Deposit(DepositArgs),
    /// Your usage account: deposit, available, pending withdrawal; with --provider, what that
    /// server charged and what was settled.
    ///
    /// Example: cohort usage balance --provider http://127.0.0.1:8000
    Balance(BalanceArgs),
    /// Take unspent deposit back
    ///
    /// `--amount A` announces it, and after the delay a plain `cohort usage withdraw` pays it
    /// (what is left of it after providers settled).
    ///
    /// Examples:
    ///   cohort usage withdraw --amount 0.02
    ///   cohort usage withdraw
    #[command(verbatim_doc_comment)]
    Withdraw(WithdrawArgs),
    /// Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the
    /// header themselves (curl, the openai Python client).
    ///
    /// Example: curl -H "X-Cohort-Voucher: $(cohort usage voucher --provider URL --amount 0.001)" …
    Voucher(VoucherArgs),
}

impl UsageCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            UsageCommand::Deposit(a) => a.run(ctx).await,
            UsageCommand::Balance(a) => a.run(ctx).await,
            UsageCommand::Withdraw(a) => a.run(ctx).await,
            UsageCommand::Voucher(a) => a.run(ctx).await,
        }
    }
}

async fn ledger(ctx: &Ctx) -> Result<(crate::client::Client, crate::chain::Chain, usage::Ledger)> {
    let client = ctx.client()?;
    let chain = client.chain().await?;
    let l = usage::open(&chain, client.profile.contract("usage_ledger")?).await?;
    Ok((client, chain, l))
}

/// `--asset`: the native coin, an ERC-20's address, or the symbol of a model's revenue asset.
async fn asset(
    client: &crate::client::Client,
    chain: &crate::chain::Chain,
    sel: &str,
) -> Result<Asset> {
    let factory = client.profile.contract("model_token_factory").ok();
    crate::tokens::resolve_asset(chain, factory, sel).await
}

#[derive(Debug, Args)]
pub struct DepositArgs {
    /// Amount of the asset, e.g. 0.05.
    #[arg(long)]
    pub amount: String,
    /// The asset: `native` (default), or an ERC-20 (address or a model's revenue-asset symbol).
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl DepositArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let a = asset(&client, &chain, &self.asset).await?;
        let amount = parse_amount(&self.amount, a.decimals)?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let (tx, resumed) =
            usage::deposit(&s, &l, &a, amount, ctx.printer.progress().as_ref()).await?;
        let acc = usage::account(&l, s.address, a.address).await?;
        let d = usage::Deposited {
            tx,
            account: acc,
            resumed,
        };
        ctx.printer.result(&d, |r| {
            if r.resumed {
                return format!(
                    "an earlier run's deposit of {} landed (tx {:#x}); nothing was paid again; balance {}",
                    a.format(amount),
                    r.tx.tx_hash,
                    a.format(r.account.balance)
                );
            }
            format!(
                "deposited {}; balance {} (tx {:#x})",
                a.format(amount),
                a.format(r.account.balance),
                r.tx.tx_hash
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Whose account (default: the wallet's).
    pub address: Option<Address>,
    /// Also ask this provider what it charged and what was settled.
    #[arg(long, value_name = "URL")]
    pub provider: Option<String>,
    /// The asset of the account: `native` (default), or an ERC-20 (address or symbol).
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl BalanceArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let a = asset(&client, &chain, &self.asset).await?;
        let who = match self.address {
            Some(a) => a,
            None => ctx.signer_address(&client, &self.signer)?,
        };
        let acc = usage::account(&l, who, a.address).await?;
        let (server, server_asset) = match &self.provider {
            Some(url) => {
                let st = sclient::terms(url).await?;
                if st.terms.is_none() {
                    return Err(Error::usage(
                        "usage.free_server",
                        format!("{url} is a free server: it keeps no account of what it serves"),
                    )
                    .hint("leave out --provider to see your deposit on the ledger"));
                }
                let sa = st.terms.as_ref().map(|t| t.asset());
                (Some(sclient::account(url, who).await?), sa)
            }
            None => (None, None),
        };
        let f = |v| a.format(v);
        let g = |v: alloy::primitives::U256| match &server_asset {
            Some(sa) => sa.format(v),
            None => format!("{v} base units"),
        };
        ctx.printer.result(
            &usage::Balance {
                account: acc,
                provider: server,
            },
            |r| {
                let (acc, server) = (&r.account, &r.provider);
                let mut rows = vec![
                    ("user", who.to_string()),
                    ("deposit", f(acc.balance)),
                    ("available", f(acc.available)),
                ];
                if acc.withdrawal_ready_at > 0 {
                    rows.push((
                        "withdrawal",
                        format!(
                            "{} from unix time {}",
                            f(acc.pending_withdrawal),
                            acc.withdrawal_ready_at
                        ),
                    ));
                }
                if let Some(s) = &server {
                    rows.push((
                        "provider charged",
                        format!(
                            "{} ({} request{}, {} tokens)",
                            g(s.spent),
                            s.requests,
                            if s.requests == 1 { "" } else { "s" },
                            s.tokens
                        ),
                    ));
                    rows.push(("provider signed", g(s.signed)));
                    rows.push(("provider settled", g(s.settled)));
                }
                table::pairs(&rows)
            },
        );
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// Announce a withdrawal of this amount (without it: take the announced withdrawal).
    #[arg(long)]
    pub amount: Option<String>,
    /// The asset: `native` (default), or an ERC-20 (address or symbol).
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl WithdrawArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let asset = asset(&client, &chain, &self.asset).await?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let progress = ctx.printer.progress();
        match &self.amount {
            Some(a) => {
                let amount = parse_amount(a, asset.decimals)?;
                let tx =
                    usage::announce_withdrawal(&s, &l, &asset, amount, progress.as_ref()).await?;
                let acc = usage::account(&l, s.address, asset.address).await?;
                let out = usage::WithdrawalAnnounced {
                    announced: amount,
                    ready_at: acc.withdrawal_ready_at,
                    tx,
                };
                ctx.printer.result(&out, |_| {
                    format!(
                        "withdrawal of {} announced; run `cohort usage withdraw{}` after unix time {} ({} s)",
                        asset.format(amount),
                        if asset.native { String::new() } else { format!(" --asset {}", asset.address) },
                        acc.withdrawal_ready_at,
                        acc.withdraw_delay_secs
                    )
                });
            }
            None => {
                let acc = usage::account(&l, s.address, asset.address).await?;
                if acc.withdrawal_ready_at == 0 {
                    return Err(
                        Error::usage("usage.no_withdrawal", "no withdrawal was announced")
                            .hint("announce one with `cohort usage withdraw --amount A`"),
                    );
                }
                let (tx, paid) = usage::withdraw(&s, &l, asset.address, progress.as_ref()).await?;
                ctx.printer.result(
                    &usage::Withdrawn {
                        withdrawn: paid,
                        tx,
                    },
                    |r| {
                        format!(
                            "withdrew {} (tx {:#x})",
                            asset.format(r.withdrawn),
                            r.tx.tx_hash
                        )
                    },
                );
            }
        }
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct VoucherArgs {
    /// The provider's URL.
    #[arg(long, value_name = "URL")]
    pub provider: String,
    /// How much more the provider may charge with this voucher, in the asset the provider
    /// charges in (its terms say which).
    #[arg(long)]
    pub amount: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl VoucherArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let st = sclient::terms(&self.provider).await?;
        let Some(terms) = st.terms.filter(|_| st.paid) else {
            return Err(Error::usage(
                "usage.free_server",
                format!("{} is a free server: it needs no voucher", self.provider),
            ));
        };
        let amount = parse_amount(&self.amount, terms.asset_decimals)?;
        let client = ctx.client()?;
        sclient::check_terms(
            &terms,
            client.profile.contract("usage_ledger").ok(),
            client.profile.chain_id,
            None,
        )?;
        let key = ctx.key(&client, &self.signer)?;
        let chain = client.chain().await?;
        let v = sclient::voucher_for(&self.provider, &chain, &key, &terms, amount).await?;
        let out = usage::VoucherOut::new(v);
        ctx.printer.essential(&out, &out.value);
        Ok(())
    }
}
