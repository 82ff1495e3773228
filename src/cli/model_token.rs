//! `cohort model tokenize|list|show|holders|allocation`: model tokens. Args and rendering only;
//! the work is in `crate::tokens`.

use alloy::primitives::U256;
use clap::Args;

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::units::{format_amount, parse_amount};
use crate::error::Result;
use crate::tokens::{self, Allocation, Holder, Revenue, Suite, TokenizePlan, TokenizeRequest};
use crate::ui::table;

fn tok(v: U256) -> String {
    format_amount(v, tokens::TOKEN_DECIMALS)
}

/// `balance` as a percentage of `supply` to four decimals, rounded half up (1/7 of the supply is
/// `14.2857%`, 6/35 is `17.1429%`; cutting the digits off would show `17.1428%`). The exact
/// amounts are in the JSON (`balance`).
fn share_percent(balance: U256, supply: U256) -> String {
    if supply.is_zero() {
        return "-".into();
    }
    let ppm = tokens::share_ppm(balance, supply);
    format!("{}.{:04}%", ppm / 10_000, ppm % 10_000)
}

async fn suite(ctx: &Ctx) -> Result<(crate::client::Client, crate::chain::Chain, Suite)> {
    let client = ctx.client()?;
    let factory = client.profile.contract("model_token_factory")?;
    let chain = client.chain().await?;
    let suite = Suite::load(&chain, factory).await?;
    Ok((client, chain, suite))
}

#[derive(Debug, Args)]
pub struct TokenizeArgs {
    /// The completed job whose model becomes a token (its id).
    pub job: u64,
    /// Token name, e.g. "News Summarizer".
    #[arg(long)]
    pub name: String,
    /// Token symbol, e.g. NEWS.
    #[arg(long)]
    pub symbol: String,
    /// Whole supply in tokens (18 decimals), minted once: e.g. 1000000.
    #[arg(long, value_name = "N")]
    pub supply: String,
    /// No longer taken: the split was committed at `job submit` ([job.split] in the spec).
    #[arg(long, value_name = "PCT", hide = true)]
    pub owner_share: Option<String>,
    /// No longer taken (see --owner-share).
    #[arg(long, value_name = "PCT", hide = true)]
    pub data_share: Option<String>,
    /// No longer taken (see --owner-share).
    #[arg(long, value_name = "PCT", hide = true)]
    pub compute_share: Option<String>,
    /// No longer taken: the revenue assets were committed at `job submit` (revenue_assets in
    /// the spec's [job] table).
    #[arg(long = "revenue-asset", value_name = "ERC20", hide = true)]
    pub revenue_assets: Vec<String>,
    /// Print every contributor's allocation and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

fn render_plan(p: &TokenizePlan) -> String {
    let r = &p.request;
    let sym = &r.symbol;
    let mut out = format!(
        "job {} → {} ({sym}), supply {} {sym}, model root {}\n",
        r.job_id,
        r.name,
        tok(r.cap),
        p.model_root
    );
    let (owner_share, data_share, compute_share) = p.minted_shares();
    out.push_str(&table::pairs(&[
        (
            "owner pool".to_string(),
            format!(
                "{} {sym} to {} ({})",
                tok(p.owner_amount),
                p.owner,
                tokens::share_label(owner_share, p.owner_bps)
            ),
        ),
        (
            "data pool".to_string(),
            format!(
                "{} {sym} ({}) over weight {} of datasets {:?}",
                tok(p.data_pool),
                tokens::share_label(data_share, p.data_bps),
                p.total_weight,
                p.datasets
            ),
        ),
        (
            "compute pool".to_string(),
            format!(
                "{} {sym} ({}) over {} work units",
                tok(p.compute_pool),
                tokens::share_label(compute_share, p.compute_bps),
                p.total_units
            ),
        ),
        (
            "max service fee".to_string(),
            tokens::format_bps(p.max_service_fee_bps),
        ),
        (
            "revenue assets".to_string(),
            std::iter::once("native coin".to_string())
                .chain(
                    p.revenue_assets
                        .iter()
                        .map(|a| format!("{} {}", a.symbol, a.address)),
                )
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]));
    out.push_str("\n\n");
    out.push_str(&allocation_table(&p.allocations, sym, false));
    out.push_str(&format!(
        "\nrounding remainder kept in escrow: {} base units",
        p.rounding_remainder
    ));
    for w in &p.warnings {
        out.push_str(&format!("\nwarning: {w}"));
    }
    out
}

fn allocation_table(rows: &[Allocation], sym: &str, claimed: bool) -> String {
    if rows.is_empty() {
        return "no contributors: the whole supply goes to the owner".to_string();
    }
    let mut header = vec![
        "CONTRIBUTOR",
        "DATA WEIGHT",
        "WORK UNITS",
        "DATA",
        "COMPUTE",
        "TOTAL",
    ];
    if claimed {
        header.push("CLAIMED");
    }
    let body = rows.iter().map(|a| {
        let mut r = vec![
            a.address.to_string(),
            a.data_weight.to_string(),
            a.compute_units.to_string(),
            format!("{} {sym}", tok(a.data_amount)),
            format!("{} {sym}", tok(a.compute_amount)),
            format!("{} {sym}", tok(a.amount)),
        ];
        if claimed {
            r.push(if a.claimed { "yes" } else { "no" }.to_string());
        }
        r
    });
    table::render(&header, body)
}

impl TokenizeArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        if self.owner_share.is_some() || self.data_share.is_some() || self.compute_share.is_some() {
            return Err(crate::error::Error::usage(
                "model.split_committed",
                "the token split was committed when the job was submitted; tokenize cannot change it",
            )
            .hint(format!(
                "drop --owner-share/--data-share/--compute-share; `cohort job show {}` shows the committed split ([job.split] in the spec sets it)",
                self.job
            )));
        }
        if !self.revenue_assets.is_empty() {
            return Err(crate::error::Error::usage(
                "model.assets_committed",
                "the revenue assets were committed when the job was submitted; tokenize cannot change them",
            )
            .hint(format!(
                "drop --revenue-asset; `cohort job show {}` shows the committed assets (revenue_assets in the spec's [job] table sets them)",
                self.job
            )));
        }
        let (client, chain, suite) = suite(ctx).await?;
        let req = TokenizeRequest {
            job_id: self.job,
            name: self.name.clone(),
            symbol: self.symbol.clone(),
            cap: parse_amount(&self.supply, tokens::TOKEN_DECIMALS)?,
        };
        if self.dry_run {
            let sender = ctx.signer_address(&client, &self.signer)?;
            let plan = tokens::plan_tokenize(&chain, &suite, sender, &req).await?;
            let v = tokens::TokenizeDryRun {
                dry_run: true,
                plan,
            };
            ctx.printer.result(&v, |r| {
                format!(
                    "{}\ndry run: nothing was sent (the token would be deployed at {})",
                    render_plan(&r.plan),
                    r.plan.token
                )
            });
            return Ok(());
        }
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let progress = ctx.printer.progress();
        let done = tokens::tokenize(&s, &suite, &req, progress.as_ref()).await?;
        ctx.printer.result(&done, |d| {
            format!(
                "{}\n{}tokenized job {}: {} ({}) at {} (tx {}, gas {})",
                render_plan(&d.plan),
                if d.resumed {
                    "an earlier run's transaction landed, nothing was sent again: "
                } else {
                    ""
                },
                req.job_id,
                req.name,
                req.symbol,
                d.token,
                d.tx_hash,
                d.gas_used
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {}

impl ListArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (_, chain, suite) = suite(ctx).await?;
        let list = tokens::list(&chain, suite.factory).await?;
        let native = tokens::Asset::native(chain.chain_id).symbol;
        ctx.printer.result(&list, |l| {
            if l.is_empty() {
                return "no models are tokenized yet (`cohort model tokenize JOB …`)".to_string();
            }
            table::render(
                &[
                    "JOB",
                    "SYMBOL",
                    "NAME",
                    "TOKEN",
                    "SUPPLY",
                    "IN ESCROW",
                    "REVENUE",
                ],
                l.iter().map(|m| {
                    vec![
                        m.model.job_id.to_string(),
                        m.model.symbol.clone(),
                        m.model.name.clone(),
                        m.model.token.to_string(),
                        format!("{} {}", tok(m.cap), m.model.symbol),
                        format!("{} {}", tok(m.escrow), m.model.symbol),
                        format!("{} {native}", format_amount(m.native_deposited, 18)),
                    ]
                }),
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct ModelArg {
    /// The model: job id, token address or symbol.
    pub model: String,
}

/// The holders with their balances and shares of `supply`.
fn holders_table(h: &[Holder], supply: U256, sym: &str) -> String {
    table::render(
        &["HOLDER", "BALANCE", "SHARE", ""],
        h.iter().map(|x| {
            let who = if x.escrow {
                format!("{} (escrow)", x.address)
            } else {
                x.address.to_string()
            };
            vec![
                who,
                format!("{} {sym}", tok(x.balance)),
                share_percent(x.balance, supply),
                crate::ui::chart::share_bar(x.share_ppm, 20),
            ]
        }),
    )
}

fn revenue_table(r: &[Revenue]) -> String {
    table::render(
        &[
            "ASSET",
            "DEPOSITED",
            "CLAIMED",
            "HELD FOR HOLDERS",
            "UNSYNCED",
        ],
        r.iter().map(|x| {
            let name = if x.asset.native {
                format!("{} (native)", x.asset.symbol)
            } else {
                format!("{} {}", x.asset.symbol, x.asset.address)
            };
            let f = |v| x.asset.format(v);
            vec![
                name,
                f(x.deposited),
                f(x.claimed),
                f(x.outstanding),
                f(x.unsynced),
            ]
        }),
    )
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub model: ModelArg,
}

impl ShowArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (_, chain, suite) = suite(ctx).await?;
        let m = tokens::resolve(&chain, suite.factory, &self.model.model).await?;
        let d = tokens::details(&chain, &m).await?;
        ctx.printer.result(&d, |d| {
            let sym = &d.model.symbol;
            let pairs = table::pairs(&[
                ("model", format!("{} ({sym})", d.model.name)),
                ("job", d.model.job_id.to_string()),
                ("token", d.model.token.to_string()),
                ("model root", d.model_root.to_string()),
                ("datasets", format!("{:?}", d.datasets)),
                ("job owner", d.job_owner.to_string()),
                (
                    "supply",
                    format!("{} {sym} (cap {} {sym})", tok(d.total_supply), tok(d.cap)),
                ),
                ("owner pool", format!("{} {sym}", tok(d.owner_pool))),
                (
                    "data pool",
                    format!(
                        "{} {sym} over weight {}",
                        tok(d.data_pool),
                        d.data_total_weight
                    ),
                ),
                (
                    "compute pool",
                    format!(
                        "{} {sym} over {} work units",
                        tok(d.compute_pool),
                        d.compute_total_units
                    ),
                ),
                ("in escrow", format!("{} {sym}", tok(d.escrow))),
            ]);
            format!(
                "{pairs}\n\nholders ({}):\n{}\n\nrevenue:\n{}",
                d.holders.len(),
                holders_table(&d.holders, d.total_supply, sym),
                revenue_table(&d.revenue)
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct HoldersArgs {
    #[command(flatten)]
    pub model: ModelArg,
}

impl HoldersArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (_, chain, suite) = suite(ctx).await?;
        let m = tokens::resolve(&chain, suite.factory, &self.model.model).await?;
        let h = tokens::holders(&chain, m.token).await?;
        let v = tokens::HolderList {
            model: m,
            holders: h,
        };
        ctx.printer.result(&v, |r| {
            // Every holder is listed, so their balances add up to the supply.
            let supply = r.holders.iter().map(|x| x.balance).sum();
            holders_table(&r.holders, supply, &r.model.symbol)
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct AllocationArgs {
    #[command(flatten)]
    pub model: ModelArg,
    /// Only this contributor (address, wallet name or dev:N).
    #[arg(long = "for", value_name = "ADDRESS")]
    pub for_: Option<String>,
}

impl AllocationArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let (client, chain, suite) = suite(ctx).await?;
        let m = tokens::resolve(&chain, suite.factory, &self.model.model).await?;
        let only = match &self.for_ {
            Some(w) => Some(crate::wallet::resolve_address(
                &ctx.paths,
                &client.profile,
                w,
            )?),
            None => None,
        };
        let rows = tokens::allocations(&chain, &suite, &m, only).await?;
        let v = tokens::AllocationList {
            model: m,
            allocations: rows,
        };
        ctx.printer.result(&v, |r| {
            allocation_table(&r.allocations, &r.model.symbol, true)
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{U256, share_percent};

    #[test]
    fn a_share_is_rounded_to_the_digits_shown_not_cut_off() {
        let wei = |t: u64| U256::from(t) * U256::from(10u64).pow(U256::from(18u64));
        // 6/35 = 17.142857…%: cut off after four decimals it would read 17.1428%.
        assert_eq!(share_percent(wei(6), wei(35)), "17.1429%");
        // 1/7 = 14.285714…%: rounds down.
        assert_eq!(share_percent(wei(1), wei(7)), "14.2857%");
        // Half a millionth rounds up; a whole supply is 100%.
        assert_eq!(
            share_percent(U256::from(1u64), U256::from(2_000_000u64)),
            "0.0001%"
        );
        assert_eq!(share_percent(wei(20), wei(100)), "20.0000%");
        assert_eq!(share_percent(wei(35), wei(35)), "100.0000%");
        assert_eq!(share_percent(U256::ZERO, U256::ZERO), "-");
    }
}
