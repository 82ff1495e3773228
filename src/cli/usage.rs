//! `cohort usage`: the user's account on the UsageLedger (deposit, balance, withdraw) and vouchers
//! for a provider. The work is in `crate::usage` and `crate::serve::client`.

use alloy::primitives::Address;
use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::units::{coin, parse_amount};
use crate::error::{Error, Result};
use crate::serve::client as sclient;
use crate::ui::table;
use crate::usage;

/// Pay-per-use: your deposit on the usage ledger and vouchers for model servers.
#[derive(Debug, Subcommand)]
pub enum UsageCommand {
    /// Deposit native coin into your usage account (vouchers are paid from it).
    ///
    /// Example: cohort usage deposit --amount 0.05
    Deposit(DepositArgs),
    /// Your usage account: deposit, available, pending withdrawal; with --provider, what that
    /// server charged and what was settled.
    ///
    /// Example: cohort usage balance --provider http://127.0.0.1:8000
    Balance(BalanceArgs),
    /// Take unspent deposit back: `--amount A` announces it, and after the delay a plain
    /// `cohort usage withdraw` pays it (what is left of it after providers settled).
    ///
    /// Examples:
    ///   cohort usage withdraw --amount 0.02
    ///   cohort usage withdraw
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

#[derive(Debug, Args)]
pub struct DepositArgs {
    /// Amount of native coin, e.g. 0.05.
    #[arg(long)]
    pub amount: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl DepositArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let amount = parse_amount(&self.amount, 18)?;
        let (client, chain, l) = ledger(ctx).await?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let tx = usage::deposit(&s, &l, amount, ctx.printer.progress().as_ref()).await?;
        let acc = usage::account(&l, s.address).await?;
        let sym = client.native_symbol();
        ctx.printer
            .result(&usage::Deposited { tx, account: acc }, |r| {
                format!(
                    "deposited {} {sym}; balance {} {sym} (tx {:#x})",
                    coin(amount),
                    coin(r.account.balance),
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
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl BalanceArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, _chain, l) = ledger(ctx).await?;
        let who = match self.address {
            Some(a) => a,
            None => ctx.signer_address(&client, &self.signer)?,
        };
        let acc = usage::account(&l, who).await?;
        let server = match &self.provider {
            Some(url) => Some(sclient::account(url, who).await?),
            None => None,
        };
        let sym = client.native_symbol();
        ctx.printer.result(
            &usage::Balance {
                account: acc,
                provider: server,
            },
            |r| {
                let (acc, server) = (&r.account, &r.provider);
                let mut rows = vec![
                    ("user", who.to_string()),
                    ("deposit", format!("{} {sym}", coin(acc.balance))),
                    ("available", format!("{} {sym}", coin(acc.available))),
                ];
                if acc.withdrawal_ready_at > 0 {
                    rows.push((
                        "withdrawal",
                        format!(
                            "{} {sym} from unix time {}",
                            coin(acc.pending_withdrawal),
                            acc.withdrawal_ready_at
                        ),
                    ));
                }
                if let Some(s) = &server {
                    rows.push((
                        "provider charged",
                        format!(
                            "{} {sym} ({} requests, {} tokens)",
                            coin(s.spent),
                            s.requests,
                            s.tokens
                        ),
                    ));
                    rows.push(("provider signed", format!("{} {sym}", coin(s.signed))));
                    rows.push(("provider settled", format!("{} {sym}", coin(s.settled))));
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
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl WithdrawArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let progress = ctx.printer.progress();
        let sym = client.native_symbol();
        match &self.amount {
            Some(a) => {
                let amount = parse_amount(a, 18)?;
                let tx = usage::announce_withdrawal(&s, &l, amount, progress.as_ref()).await?;
                let acc = usage::account(&l, s.address).await?;
                let out = usage::WithdrawalAnnounced {
                    announced: amount,
                    ready_at: acc.withdrawal_ready_at,
                    tx,
                };
                ctx.printer.result(&out, |_| {
                    format!(
                        "withdrawal of {} {sym} announced; run `cohort usage withdraw` after unix time {} ({} s)",
                        coin(amount),
                        acc.withdrawal_ready_at,
                        acc.withdraw_delay_secs
                    )
                });
            }
            None => {
                let acc = usage::account(&l, s.address).await?;
                if acc.withdrawal_ready_at == 0 {
                    return Err(
                        Error::usage("usage.no_withdrawal", "no withdrawal was announced")
                            .hint("announce one with `cohort usage withdraw --amount A`"),
                    );
                }
                let (tx, paid) = usage::withdraw(&s, &l, progress.as_ref()).await?;
                ctx.printer.result(
                    &usage::Withdrawn {
                        withdrawn: paid,
                        tx,
                    },
                    |r| {
                        format!(
                            "withdrew {} {sym} (tx {:#x})",
                            coin(r.withdrawn),
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
    /// How much more the provider may charge with this voucher, in the native coin.
    #[arg(long)]
    pub amount: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl VoucherArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let amount = parse_amount(&self.amount, 18)?;
        let st = sclient::terms(&self.provider).await?;
        let Some(terms) = st.terms.filter(|_| st.paid) else {
            return Err(Error::usage(
                "usage.free_server",
                format!("{} is a free server: it needs no voucher", self.provider),
            ));
        };
        let client = ctx.client()?;
        sclient::check_terms(
            &terms,
            client.profile.contract("usage_ledger").ok(),
            client.profile.chain_id,
            None,
        )?;
        let key = ctx.key(&client, &self.signer)?;
        let v = sclient::voucher_for(&self.provider, &key, &terms, amount).await?;
        let out = usage::VoucherOut::new(v);
        ctx.printer.essential(&out, &out.value);
        Ok(())
    }
}
