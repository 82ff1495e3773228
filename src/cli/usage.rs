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

/// What the ledger can settle vouchers in: the native coin and the ERC-20s the model tokens
/// take as revenue (a voucher settles only in an asset its token takes); and the model tokens,
/// to name one given as an asset.
async fn payment_assets(
    client: &crate::client::Client,
    chain: &crate::chain::Chain,
) -> Result<(Vec<Asset>, Vec<crate::tokens::ModelRef>)> {
    let mut assets = vec![Asset::native(chain.chain_id)];
    let Ok(factory) = client.profile.contract("model_token_factory") else {
        return Ok((assets, Vec::new()));
    };
    let models = crate::tokens::all_models(chain, factory).await?;
    for m in &models {
        for a in crate::tokens::revenue_assets(chain, m.token).await? {
            if !a.native && !a.unreadable && !assets.iter().any(|k| k.address == a.address) {
                assets.push(a);
            }
        }
    }
    Ok((assets, models))
}

/// `--asset`: the native coin, or an ERC-20 a model takes as revenue (its address or symbol):
/// what vouchers can pay in. With `any_address`, the address of any other ERC-20 too (what was
/// deposited in it can still be seen and taken back).
async fn asset(
    client: &crate::client::Client,
    chain: &crate::chain::Chain,
    sel: &str,
    any_address: bool,
) -> Result<Asset> {
    let s = sel.trim();
    let native = Asset::native(chain.chain_id);
    if native.matches(s) {
        return Ok(native);
    }
    let (known, models) = payment_assets(client, chain).await?;
    let listed = || {
        known
            .iter()
            .map(|a| {
                if a.native {
                    format!("{} (native)", a.symbol)
                } else {
                    format!("{} ({})", a.symbol, a.address)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if s.starts_with("0x") || s.starts_with("0X") {
        let address = s.parse::<Address>().map_err(|e| {
            Error::usage("asset.invalid", format!("'{sel}' is not an address: {e}"))
                .hint("name an asset by its 0x… contract address or by its symbol")
        })?;
        if let Some(a) = known.iter().find(|a| a.address == address) {
            return Ok(a.clone());
        }
        if any_address {
            return crate::tokens::asset_info(chain, address).await;
        }
        return Err(Error::usage(
            "usage.unsupported_asset",
            format!(
                "{address} is no model's revenue asset: the usage ledger settles vouchers only \
                 in the native coin or an ERC-20 a model token takes as revenue"
            ),
        )
        .hint(format!("deposit one of: {}", listed())));
    }
    let mut hits: Vec<Asset> = known.iter().filter(|a| a.matches(s)).cloned().collect();
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 => {
            let model = models.iter().find(|m| m.symbol.eq_ignore_ascii_case(s));
            let message = match model {
                Some(m) => format!(
                    "'{sel}' is model token {} ({}), not a payment asset: vouchers pay in the \
                     native coin or an ERC-20 a model token takes as revenue",
                    m.symbol, m.token
                ),
                None => format!("'{sel}' is not a payment asset of the usage ledger"),
            };
            Err(Error::usage("asset.unknown", message)
                .hint(format!("payment assets: {}", listed())))
        }
        _ => Err(crate::tokens::ambiguous_asset(sel, &hits)),
    }
}

/// `--amount 0` adds nothing: refused like `usage deposit --amount 0`.
fn positive(amount: alloy::primitives::U256, example: &str) -> Result<()> {
    if amount.is_zero() {
        return Err(
            Error::usage("usage.zero_amount", "the amount must be positive").hint(format!(
                "pass --amount A with A > 0, e.g. --amount {example}"
            )),
        );
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct DepositArgs {
    /// Amount of the asset, e.g. 0.05.
    #[arg(long)]
    pub amount: String,
    /// The asset: `native` (default), or an ERC-20 a model takes as revenue (address or
    /// symbol): what vouchers can pay in.
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl DepositArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let a = asset(&client, &chain, &self.asset, false).await?;
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
    /// Whose account: address, wallet name or dev:N (default: the selected wallet).
    pub who: Option<String>,
    /// Also ask this provider what it charged and what was settled.
    #[arg(long, value_name = "URL")]
    pub provider: Option<String>,
    /// The asset of the account: `native` (default), or an ERC-20 a model takes as revenue
    /// (address or symbol; any other ERC-20 by address).
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl BalanceArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let who = match &self.who {
            Some(w) => crate::wallet::resolve_address(&ctx.paths, &client.profile, w)?,
            None => ctx.signer_address(&client, &self.signer)?,
        };
        let a = asset(&client, &chain, &self.asset, true).await?;
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
                            "{} from {} (unix time {})",
                            f(acc.pending_withdrawal),
                            crate::jobs::utc(acc.withdrawal_ready_at),
                            acc.withdrawal_ready_at
                        ),
                    ));
                }
                if let Some(s) = &server {
                    rows.push((
                        "provider charged",
                        format!(
                            "{} ({} request{}, {} token{})",
                            g(s.spent),
                            s.requests,
                            if s.requests == 1 { "" } else { "s" },
                            s.tokens,
                            if s.tokens == 1 { "" } else { "s" }
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
    /// The asset: `native` (default), or an ERC-20 a model takes as revenue (address or
    /// symbol; any other ERC-20 by address).
    #[arg(long, default_value = "native")]
    pub asset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl WithdrawArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, l) = ledger(ctx).await?;
        let asset = asset(&client, &chain, &self.asset, true).await?;
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
                        "withdrawal of {} announced; run `cohort usage withdraw{}` after {} (unix time {}; the delay is {} s)",
                        asset.format(amount),
                        if asset.native { String::new() } else { format!(" --asset {}", asset.address) },
                        crate::jobs::utc(acc.withdrawal_ready_at),
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
        // Zero in any unit is refused before the provider is asked for its terms.
        if let Ok(a) = parse_amount(&self.amount, 18) {
            positive(a, "0.001")?;
        }
        let st = sclient::terms(&self.provider).await?;
        let Some(terms) = st.terms.filter(|_| st.paid) else {
            return Err(Error::usage(
                "usage.free_server",
                format!("{} is a free server: it needs no voucher", self.provider),
            ));
        };
        let amount = parse_amount(&self.amount, terms.asset_decimals)?;
        positive(amount, "0.001")?;
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
