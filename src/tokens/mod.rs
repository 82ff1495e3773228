//! Tokenized models: turning a completed job into a `ModelToken`, and reading tokens back
//! (list, details, holders from `Transfer` events, contributor allocations).
//!
//! Allocations are never decided here: the dry run of `tokenize` recomputes, with the same
//! formula and the same floor rounding as `ModelTokenFactory`/`ModelToken`, what the contracts
//! will compute from the DatasetRegistry and JobMarket records, and after tokenization every
//! figure is read from the token's own views (`allocationParts`, `allocationClaimed`).

use std::collections::{BTreeMap, BTreeSet};

use alloy::primitives::{Address, B256, U256};
use alloy::rpc::types::Filter;
use alloy::sol_types::SolEvent;
use serde::{Deserialize, Serialize};

use crate::chain::bindings::{IERC20, JobMarket, ModelToken, ModelTokenFactory};
use crate::chain::units::dec;
use crate::chain::{Chain, SignerChain};
use crate::error::{Error, Result};
use crate::progress::Progress;

pub mod audit;
pub mod rewards;

/// Basis points in 100%.
pub const BPS: u16 = 10_000;
/// Decimals of every model token.
pub const TOKEN_DECIMALS: u8 = 18;
/// Most ERC-20 revenue assets a model token takes (besides the native coin).
pub const MAX_REVENUE_ASSETS: usize = 4;

/// `a × b / d` rounded down, as OpenZeppelin's `Math.mulDiv` (d > 0).
pub fn mul_div(a: U256, b: U256, d: U256) -> U256 {
    use alloy::primitives::U512;
    if d.is_zero() {
        return U256::ZERO;
    }
    let q = U512::from(a) * U512::from(b) / U512::from(d);
    let limbs = q.as_limbs();
    if limbs[4..].iter().any(|l| *l != 0) {
        return U256::MAX;
    }
    U256::from_limbs_slice(&limbs[..4])
}

/// Parses a share: `20%`, `20`, `12.5%` (percent, at most two decimals) into basis points.
pub fn parse_share(s: &str) -> Result<u16> {
    let bad = || {
        Error::usage("model.bad_share", format!("'{s}' is not a share"))
            .hint("write shares as percentages like 20%, 12.5% or 0.25%")
    };
    let t = s.trim().trim_end_matches('%').trim();
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty()
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.trim_end_matches('0').len() > 2
        || int.len() > 3
    {
        return Err(bad());
    }
    let frac = format!("{:0<2}", &frac.trim_end_matches('0'));
    let int: u32 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| bad())?
    };
    let bps = int * 100 + frac.parse::<u32>().map_err(|_| bad())?;
    if bps > u32::from(BPS) {
        return Err(Error::usage(
            "model.bad_share",
            format!("share '{s}' is above 100%"),
        ));
    }
    Ok(bps as u16)
}

/// Formats basis points as a percentage (`2000` → `20%`, `1250` → `12.5%`).
pub fn format_bps(bps: u16) -> String {
    let int = bps / 100;
    let frac = bps % 100;
    if frac == 0 {
        format!("{int}%")
    } else {
        format!("{int}.{}%", format!("{frac:02}").trim_end_matches('0'))
    }
}

// ---------------------------------------------------------------------------------- assets

/// A revenue asset: the native coin (`address` zero) or an ERC-20.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Asset {
    pub address: Address,
    pub symbol: String,
    pub decimals: u8,
    pub native: bool,
    /// A revenue asset whose ERC-20 details could not be read (an account without code, or a
    /// contract that does not answer as an ERC-20): shown by its address with symbol `?` and
    /// amounts in base units (decimals 0), and never claimed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
}

impl Asset {
    pub fn native(chain_id: u64) -> Asset {
        Asset {
            address: Address::ZERO,
            symbol: crate::chain::tx::native_symbol(chain_id).to_string(),
            decimals: 18,
            native: true,
            unreadable: false,
        }
    }

    /// An ERC-20 revenue asset whose details cannot be read (see [`Asset::unreadable`]).
    pub fn unreadable(address: Address) -> Asset {
        Asset {
            address,
            symbol: "?".to_string(),
            decimals: 0,
            native: false,
            unreadable: true,
        }
    }

    /// Formats base units of this asset (`1.5 ETH`).
    pub fn format(&self, amount: U256) -> String {
        format!(
            "{} {}",
            crate::chain::units::format_amount(amount, self.decimals),
            self.symbol
        )
    }

    /// Whether `sel` (an address, `native`, the coin's symbol, or a token symbol) names this asset.
    pub fn matches(&self, sel: &str) -> bool {
        let s = sel.trim();
        if let Ok(a) = s.parse::<Address>() {
            return a == self.address;
        }
        if self.native && (s.eq_ignore_ascii_case("native") || s.eq_ignore_ascii_case("eth")) {
            return true;
        }
        !self.unreadable && s.eq_ignore_ascii_case(&self.symbol)
    }
}

/// Reads an ERC-20's symbol and decimals (the native coin for the zero address).
pub async fn asset_info(chain: &Chain, address: Address) -> Result<Asset> {
    if address == Address::ZERO {
        return Ok(Asset::native(chain.chain_id));
    }
    if !chain.has_code(address).await? {
        return Err(
            Error::usage("asset.not_contract", format!("{address} is not a contract"))
                .hint("name an ERC-20 token contract by its address"),
        );
    }
    let t = IERC20::new(address, &chain.provider);
    let not_erc20 = |e: alloy::contract::Error| {
        Error::usage(
            "asset.not_erc20",
            format!("{address} does not answer as an ERC-20"),
        )
        .cause(chain.decode(e).message)
        .hint("name an ERC-20 token contract by its address")
    };
    let decimals = t.decimals().call().await.map_err(not_erc20)?;
    let symbol = t.symbol().call().await.unwrap_or_else(|_| "?".to_string());
    Ok(Asset {
        address,
        symbol,
        decimals,
        native: false,
        unreadable: false,
    })
}

/// Resolves an asset argument (`--token`, `--asset`, `--revenue-asset`): an ERC-20 address,
/// `native` or the coin's symbol, or a symbol cohort knows: a model token's (the profile's
/// model-token factory) or one of those models' revenue assets. Symbols match case-blind, as
/// [`Asset::matches`] does; a symbol two contracts share is refused with both addresses.
pub async fn resolve_asset(chain: &Chain, factory: Option<Address>, sel: &str) -> Result<Asset> {
    let s = sel.trim();
    if s.starts_with("0x") || s.starts_with("0X") {
        let address = s.parse::<Address>().map_err(|e| {
            Error::usage("asset.invalid", format!("'{sel}' is not an address: {e}"))
                .hint("name an asset by its 0x… contract address or by its symbol")
        })?;
        return asset_info(chain, address).await;
    }
    let native = Asset::native(chain.chain_id);
    if native.matches(s) {
        return Ok(native);
    }
    let mut known: Vec<Asset> = Vec::new();
    if let Some(factory) = factory {
        for m in all_models(chain, factory).await? {
            let mut here = vec![Asset {
                address: m.token,
                symbol: m.symbol.clone(),
                decimals: TOKEN_DECIMALS,
                native: false,
                unreadable: false,
            }];
            here.extend(
                revenue_assets(chain, m.token)
                    .await?
                    .into_iter()
                    .filter(|a| !a.native && !a.unreadable),
            );
            for a in here {
                if !known.iter().any(|k| k.address == a.address) {
                    known.push(a);
                }
            }
        }
    }
    let mut hits: Vec<Asset> = known.iter().filter(|a| a.matches(s)).cloned().collect();
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 => Err(Error::usage(
            "asset.unknown",
            format!("'{sel}' is not an address or the symbol of an asset cohort knows"),
        )
        .hint(if known.is_empty() {
            format!(
                "name the token by its 0x… address ({} for the native coin)",
                native.symbol
            )
        } else {
            format!(
                "known symbols: {} ({}); or name the token by its 0x… address",
                known
                    .iter()
                    .map(|a| a.symbol.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                native.symbol
            )
        })),
        _ => Err(ambiguous_asset(sel, &hits)),
    }
}

/// The error for a symbol that names more than one of the `hits` assets: exit 2, naming them.
pub fn ambiguous_asset(sel: &str, hits: &[Asset]) -> Error {
    Error::usage(
        "asset.ambiguous",
        format!(
            "symbol '{sel}' names {} tokens: {}",
            hits.len(),
            hits.iter()
                .map(|a| format!("{:#x}", a.address))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
    .hint("name the token by its address")
}

// ---------------------------------------------------------------------------------- models

/// The contracts around the factory (read from its immutables).
#[derive(Debug, Clone, Copy)]
pub struct Suite {
    pub factory: Address,
    pub job_market: Address,
    pub dataset_registry: Address,
}

impl Suite {
    pub async fn load(chain: &Chain, factory: Address) -> Result<Suite> {
        if !chain.has_code(factory).await? {
            return Err(Error::usage(
                "model.no_factory",
                format!("no ModelTokenFactory at {factory} on {}", chain.rpc_url),
            )
            .hint("check the profile's contracts.model_token_factory, or run `cohort deploy`"));
        }
        let f = ModelTokenFactory::new(factory, &chain.provider);
        let job_market = f.jobMarket().call().await.map_err(chain.decoder())?;
        let dataset_registry = f.datasetRegistry().call().await.map_err(chain.decoder())?;
        Ok(Suite {
            factory,
            job_market,
            dataset_registry,
        })
    }
}

/// A model token, as named on the command line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ModelRef {
    pub job_id: u64,
    pub token: Address,
    pub name: String,
    pub symbol: String,
}

impl ModelRef {
    /// `SYMBOL (job N)`.
    pub fn label(&self) -> String {
        format!("{} (job {})", self.symbol, self.job_id)
    }
}

async fn model_ref(chain: &Chain, token: Address) -> Result<ModelRef> {
    let t = ModelToken::new(token, &chain.provider);
    let job_id = t.jobId().call().await.map_err(chain.decoder())?;
    let name = t.name().call().await.map_err(chain.decoder())?;
    let symbol = t.symbol().call().await.map_err(chain.decoder())?;
    Ok(ModelRef {
        job_id: job_id.saturating_to(),
        token,
        name,
        symbol,
    })
}

/// Every model token of the factory, in creation order.
pub async fn all_models(chain: &Chain, factory: Address) -> Result<Vec<ModelRef>> {
    let f = ModelTokenFactory::new(factory, &chain.provider);
    let tokens = f.tokens().call().await.map_err(chain.decoder())?;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        out.push(model_ref(chain, t).await?);
    }
    Ok(out)
}

fn unknown_model(name: &str) -> Error {
    Error::usage("model.unknown", format!("no model token named '{name}'"))
        .hint("name a model by job id, token address or symbol; see `cohort model list`")
}

/// Finds a model by job id, token address or symbol (case-insensitive).
pub async fn resolve(chain: &Chain, factory: Address, name: &str) -> Result<ModelRef> {
    let f = ModelTokenFactory::new(factory, &chain.provider);
    let n = name.trim();
    if let Ok(job) = n.parse::<u64>() {
        let token = f
            .tokenOf(U256::from(job))
            .call()
            .await
            .map_err(chain.decoder())?;
        if token == Address::ZERO {
            // A job that does not exist is not one to tokenize.
            let market = f.jobMarket().call().await.map_err(chain.decoder())?;
            let jobs = JobMarket::new(market, &chain.provider)
                .jobCount()
                .call()
                .await
                .map_err(chain.decoder())?;
            if job == 0 || U256::from(job) > jobs {
                let have = if jobs.is_zero() {
                    "this market has no jobs yet".to_string()
                } else {
                    format!("this market's jobs are 1 to {jobs}")
                };
                return Err(Error::usage(
                    "model.unknown",
                    format!("there is no job {job} ({have})"),
                )
                .hint("name a model by job id, token address or symbol; see `cohort model list`"));
            }
            return Err(Error::usage(
                "model.not_tokenized",
                format!("job {job} has no model token"),
            )
            .hint(format!(
                "tokenize it with `cohort model tokenize {job} …`, or see `cohort model list`"
            )));
        }
        return model_ref(chain, token).await;
    }
    let all = all_models(chain, factory).await?;
    if let Ok(addr) = n.parse::<Address>() {
        return all
            .into_iter()
            .find(|m| m.token == addr)
            .ok_or_else(|| unknown_model(name));
    }
    let mut hits: Vec<ModelRef> = all
        .into_iter()
        .filter(|m| m.symbol.eq_ignore_ascii_case(n))
        .collect();
    match hits.len() {
        0 => Err(unknown_model(name)),
        1 => Ok(hits.remove(0)),
        _ => Err(Error::usage(
            "model.ambiguous",
            format!(
                "symbol '{name}' names {} models: {}",
                hits.len(),
                hits.iter()
                    .map(|m| format!("job {} at {}", m.job_id, m.token))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint("name the model by job id or token address")),
    }
}

/// The model's revenue assets: the native coin first, then the ERC-20s fixed at tokenization.
/// The contracts check only that an asset is not the zero address, so anyone can create a job (and
/// a model) whose asset is no ERC-20: such an asset is returned as [`Asset::unreadable`] rather
/// than failing every command that lists models' assets. A dead RPC is still an error.
pub async fn revenue_assets(chain: &Chain, token: Address) -> Result<Vec<Asset>> {
    let t = ModelToken::new(token, &chain.provider);
    let list = t.revenueAssets().call().await.map_err(chain.decoder())?;
    let mut out = vec![Asset::native(chain.chain_id)];
    for a in list {
        match asset_info(chain, a).await {
            Ok(asset) => out.push(asset),
            Err(e) if e.kind == crate::error::ErrorKind::Usage => {
                tracing::debug!("revenue asset {a} of model token {token}: {}", e.message);
                out.push(Asset::unreadable(a));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Revenue figures of one asset of a model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Revenue {
    pub asset: Asset,
    /// Ever accounted (deposits and syncs).
    #[serde(with = "dec")]
    pub deposited: U256,
    /// Ever paid out to holders.
    #[serde(with = "dec")]
    pub claimed: U256,
    /// Held by the token for holders (deposited − claimed).
    #[serde(with = "dec")]
    pub outstanding: U256,
    /// Pushed to the token directly and not yet accounted: `cohort rewards sync` distributes it.
    #[serde(with = "dec")]
    pub unsynced: U256,
}

/// Reads the revenue figures of every asset of a model.
pub async fn revenue(chain: &Chain, token: Address) -> Result<Vec<Revenue>> {
    let t = ModelToken::new(token, &chain.provider);
    let mut out = Vec::new();
    for asset in revenue_assets(chain, token).await? {
        let deposited = t
            .totalDeposited(asset.address)
            .call()
            .await
            .map_err(chain.decoder())?;
        let claimed = t
            .totalClaimed(asset.address)
            .call()
            .await
            .map_err(chain.decoder())?;
        let balance = if asset.native {
            chain.balance(token).await?
        } else if asset.unreadable {
            // No balance to read: nothing counts as pushed and unsynced.
            deposited - claimed
        } else {
            IERC20::new(asset.address, &chain.provider)
                .balanceOf(token)
                .call()
                .await
                .map_err(chain.decoder())?
        };
        let outstanding = deposited - claimed;
        out.push(Revenue {
            asset,
            deposited,
            claimed,
            outstanding,
            unsynced: balance.saturating_sub(outstanding),
        });
    }
    Ok(out)
}

/// One holder of a model token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Holder {
    pub address: Address,
    #[serde(with = "dec")]
    pub balance: U256,
    /// Parts per million of the supply.
    pub share_ppm: u64,
    /// The token contract itself: the unclaimed allocations in escrow.
    pub escrow: bool,
}

/// `balance` in millionths of `supply`, rounded half up (6/35 of the supply is 171,429, where
/// cutting the digits off would give 171,428); 0 for an empty supply.
pub fn share_ppm(balance: U256, supply: U256) -> u64 {
    if supply.is_zero() {
        return 0;
    }
    let two = U256::from(2u64);
    ((balance * U256::from(1_000_000u64) * two + supply) / (supply * two)).saturating_to()
}

/// Current holders, found from the token's `Transfer` events and read back with `balanceOf`,
/// largest first.
pub async fn holders(chain: &Chain, token: Address) -> Result<Vec<Holder>> {
    let filter = Filter::new()
        .address(token)
        .event_signature(ModelToken::Transfer::SIGNATURE_HASH);
    let logs = crate::chain::logs::all_logs(chain, &filter).await?;
    let mut seen = BTreeSet::new();
    for log in logs {
        if let Ok(ev) = log.log_decode::<ModelToken::Transfer>()
            && ev.inner.data.to != Address::ZERO
        {
            seen.insert(ev.inner.data.to);
        }
    }
    let t = ModelToken::new(token, &chain.provider);
    let supply = t.totalSupply().call().await.map_err(chain.decoder())?;
    let mut out = Vec::new();
    for address in seen {
        let balance = t.balanceOf(address).call().await.map_err(chain.decoder())?;
        if balance.is_zero() {
            continue;
        }
        let ppm = share_ppm(balance, supply);
        out.push(Holder {
            address,
            balance,
            share_ppm: ppm,
            escrow: address == token,
        });
    }
    out.sort_by(|a, b| b.balance.cmp(&a.balance).then(a.address.cmp(&b.address)));
    Ok(out)
}

/// Everything about one model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ModelDetails {
    #[serde(flatten)]
    pub model: ModelRef,
    pub model_root: B256,
    pub job_owner: Address,
    pub datasets: Vec<u64>,
    #[serde(with = "dec")]
    pub cap: U256,
    #[serde(with = "dec")]
    pub total_supply: U256,
    #[serde(with = "dec")]
    pub owner_pool: U256,
    #[serde(with = "dec")]
    pub data_pool: U256,
    #[serde(with = "dec")]
    pub compute_pool: U256,
    /// Tokens still in escrow (unclaimed allocations and rounding remainders).
    #[serde(with = "dec")]
    pub escrow: U256,
    #[serde(with = "dec")]
    pub data_total_weight: U256,
    #[serde(with = "dec")]
    pub compute_total_units: U256,
    pub holders: Vec<Holder>,
    pub revenue: Vec<Revenue>,
}

/// Reads a model's details: job, datasets, root, pools, holders and revenue per asset.
pub async fn details(chain: &Chain, model: &ModelRef) -> Result<ModelDetails> {
    let t = ModelToken::new(model.token, &chain.provider);
    let e = chain.decoder();
    let cap = t.cap().call().await.map_err(&e)?;
    let data_pool = t.dataPool().call().await.map_err(&e)?;
    let compute_pool = t.computePool().call().await.map_err(&e)?;
    Ok(ModelDetails {
        model: model.clone(),
        model_root: t.modelRoot().call().await.map_err(&e)?,
        job_owner: t.jobOwner().call().await.map_err(&e)?,
        datasets: t
            .datasetIds()
            .call()
            .await
            .map_err(&e)?
            .iter()
            .map(|d| d.saturating_to())
            .collect(),
        cap,
        total_supply: t.totalSupply().call().await.map_err(&e)?,
        owner_pool: cap - data_pool - compute_pool,
        data_pool,
        compute_pool,
        escrow: t.balanceOf(model.token).call().await.map_err(&e)?,
        data_total_weight: t.dataTotalWeight().call().await.map_err(&e)?,
        compute_total_units: t.computeTotalUnits().call().await.map_err(&e)?,
        holders: holders(chain, model.token).await?,
        revenue: revenue(chain, model.token).await?,
    })
}

/// A summary row of `model list`.
#[derive(Debug, Clone, Serialize)]
pub struct ModelSummary {
    #[serde(flatten)]
    pub model: ModelRef,
    #[serde(with = "dec")]
    pub cap: U256,
    #[serde(with = "dec")]
    pub escrow: U256,
    /// Native revenue ever deposited.
    #[serde(with = "dec")]
    pub native_deposited: U256,
    pub revenue_assets: Vec<Address>,
}

/// Every model of the factory with its headline figures.
pub async fn list(chain: &Chain, factory: Address) -> Result<Vec<ModelSummary>> {
    let mut out = Vec::new();
    for model in all_models(chain, factory).await? {
        let t = ModelToken::new(model.token, &chain.provider);
        let e = chain.decoder();
        out.push(ModelSummary {
            cap: t.cap().call().await.map_err(&e)?,
            escrow: t.balanceOf(model.token).call().await.map_err(&e)?,
            native_deposited: t.totalDeposited(Address::ZERO).call().await.map_err(&e)?,
            revenue_assets: t.revenueAssets().call().await.map_err(&e)?,
            model,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------- contributors

/// A contributor's records in a job: accepted data weight over the job's datasets and accepted
/// work units.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contribution {
    pub address: Address,
    #[serde(with = "dec")]
    pub data_weight: U256,
    #[serde(with = "dec")]
    pub compute_units: U256,
}

/// The job's records as the token computes allocations from them.
#[derive(Debug, Clone, Serialize)]
pub struct JobRecords {
    pub job_id: u64,
    pub owner: Address,
    pub state: String,
    pub model_root: B256,
    pub datasets: Vec<u64>,
    #[serde(with = "dec")]
    pub total_weight: U256,
    #[serde(with = "dec")]
    pub total_units: U256,
    pub contributors: Vec<Contribution>,
    /// The token split the job committed to at creation (basis points).
    pub owner_bps: u16,
    pub data_bps: u16,
    pub compute_bps: u16,
    /// The most a model server may keep of usage revenue (basis points), committed at creation.
    pub max_service_fee_bps: u16,
    /// The ERC-20 revenue assets the token will accept, committed at creation.
    pub revenue_assets: Vec<Address>,
}

fn state_name(s: u8) -> &'static str {
    match s {
        0 => "open",
        1 => "running",
        2 => "completed",
        3 => "cancelled",
        4 => "stopped",
        _ => "unknown",
    }
}

/// Reads a job's data and compute contributors from the DatasetRegistry and JobMarket.
pub async fn job_records(chain: &Chain, suite: &Suite, job_id: u64) -> Result<JobRecords> {
    let jm = JobMarket::new(suite.job_market, &chain.provider);
    let e = chain.decoder();
    let jid = U256::from(job_id);
    let count: u64 = jm.jobCount().call().await.map_err(&e)?.saturating_to();
    if job_id == 0 || job_id > count {
        return Err(
            Error::usage("job.unknown", format!("there is no job {job_id}")).hint(format!(
                "job ids run from 1 to {count}; see `cohort job list`"
            )),
        );
    }
    let job = jm.getJob(jid).call().await.map_err(&e)?;
    let terms = jm.jobTerms(jid).call().await.map_err(&e)?;
    let datasets = jm.jobDatasets(jid).call().await.map_err(&e)?;
    let mut per: BTreeMap<Address, Contribution> = BTreeMap::new();
    let mut total_weight = U256::ZERO;
    let registry = crate::datasets::Registry::at(chain.clone(), suite.dataset_registry);
    for d in &datasets {
        total_weight += registry.read.totalWeight(*d).call().await.map_err(&e)?;
        let id = crate::chain::units::to_u64(*d);
        let who_all = registry.contributor_addresses(id).await?;
        let weights = registry.weights_of(id, &who_all).await?;
        for (who, w) in who_all.into_iter().zip(weights) {
            if !w.is_zero() {
                let c = per.entry(who).or_insert_with(|| Contribution {
                    address: who,
                    ..Default::default()
                });
                c.data_weight += w;
            }
        }
    }
    let total_units = jm.totalComputeUnits(jid).call().await.map_err(&e)?;
    let mut workers = BTreeSet::new();
    for r in 0..job.currentRound.min(job.rounds) {
        for w in jm.roundSubmitters(jid, r).call().await.map_err(&e)? {
            workers.insert(w);
        }
    }
    for w in workers {
        let units = jm.computeUnits(jid, w).call().await.map_err(&e)?;
        if !units.is_zero() {
            per.entry(w)
                .or_insert_with(|| Contribution {
                    address: w,
                    ..Default::default()
                })
                .compute_units = units;
        }
    }
    Ok(JobRecords {
        job_id,
        owner: job.owner,
        state: state_name(job.state).to_string(),
        model_root: job.modelRoot,
        datasets: datasets.iter().map(|d| d.saturating_to()).collect(),
        total_weight,
        total_units,
        contributors: per.into_values().collect(),
        owner_bps: terms.ownerBps,
        data_bps: terms.dataBps,
        compute_bps: terms.computeBps,
        max_service_fee_bps: terms.maxServiceFeeBps,
        revenue_assets: terms.revenueAssets,
    })
}

// ---------------------------------------------------------------------------------- allocations

/// One contributor's allocation.
#[derive(Debug, Clone, Serialize)]
pub struct Allocation {
    pub address: Address,
    #[serde(with = "dec")]
    pub data_weight: U256,
    #[serde(with = "dec")]
    pub compute_units: U256,
    #[serde(with = "dec")]
    pub data_amount: U256,
    #[serde(with = "dec")]
    pub compute_amount: U256,
    #[serde(with = "dec")]
    pub amount: U256,
    /// Whether it was taken out of escrow (always false in a tokenize plan).
    pub claimed: bool,
}

/// The allocations of a tokenized model, read from the token. With `only`, just that address
/// (even if it has no allocation).
pub async fn allocations(
    chain: &Chain,
    suite: &Suite,
    model: &ModelRef,
    only: Option<Address>,
) -> Result<Vec<Allocation>> {
    let records = job_records(chain, suite, model.job_id).await?;
    let mut rows: Vec<Contribution> = records.contributors;
    if let Some(a) = only {
        let found = rows.iter().find(|c| c.address == a).cloned();
        rows = vec![found.unwrap_or(Contribution {
            address: a,
            ..Default::default()
        })];
    }
    let t = ModelToken::new(model.token, &chain.provider);
    let e = chain.decoder();
    let mut out = Vec::new();
    for c in rows {
        let parts = t.allocationParts(c.address).call().await.map_err(&e)?;
        let claimed = t.allocationClaimed(c.address).call().await.map_err(&e)?;
        out.push(Allocation {
            address: c.address,
            data_weight: c.data_weight,
            compute_units: c.compute_units,
            data_amount: parts.dataAmount,
            compute_amount: parts.computeAmount,
            amount: parts.dataAmount + parts.computeAmount,
            claimed,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------- tokenize

/// What `tokenize` is asked to do.
#[derive(Debug, Clone, Serialize)]
pub struct TokenizeRequest {
    pub job_id: u64,
    pub name: String,
    pub symbol: String,
    #[serde(with = "dec")]
    pub cap: U256,
}

/// The plan of a tokenization: pools and every contributor's allocation, exactly as the
/// contracts will compute them.
#[derive(Debug, Clone, Serialize)]
pub struct TokenizePlan {
    pub request: TokenizeRequest,
    pub owner: Address,
    pub model_root: B256,
    pub datasets: Vec<u64>,
    /// The split the job committed to at `job submit` (basis points); tokenize cannot change it.
    pub owner_bps: u16,
    pub data_bps: u16,
    pub compute_bps: u16,
    /// The most a model server may keep of usage revenue (basis points), from the job's terms.
    pub max_service_fee_bps: u16,
    pub revenue_assets: Vec<Asset>,
    /// Minted to the owner (the owner share, plus any pool with nobody in it, plus rounding).
    #[serde(with = "dec")]
    pub owner_amount: U256,
    #[serde(with = "dec")]
    pub data_pool: U256,
    #[serde(with = "dec")]
    pub compute_pool: U256,
    #[serde(with = "dec")]
    pub total_weight: U256,
    #[serde(with = "dec")]
    pub total_units: U256,
    pub allocations: Vec<Allocation>,
    /// Floor-rounding remainder that stays in escrow (a few base units per contributor).
    #[serde(with = "dec")]
    pub rounding_remainder: U256,
    /// The token's address if it is deployed now (from the simulation).
    pub token: Address,
    pub warnings: Vec<String>,
}

/// Computes the pools as `ModelTokenFactory._config` does.
pub fn pools(
    cap: U256,
    data_bps: u16,
    compute_bps: u16,
    total_weight: U256,
    total_units: U256,
) -> (U256, U256, U256) {
    let bps = U256::from(BPS);
    let data = if total_weight.is_zero() {
        U256::ZERO
    } else {
        cap * U256::from(data_bps) / bps
    };
    let compute = if total_units.is_zero() {
        U256::ZERO
    } else {
        cap * U256::from(compute_bps) / bps
    };
    (cap - data - compute, data, compute)
}

/// The pools' shares of the supply as minted (basis points: owner, data, compute). A pool with
/// nobody in it (no accepted weight, no work units) is minted to the owner, as [`pools`] does,
/// so its committed share moves to the owner's.
pub fn minted_shares(
    owner_bps: u16,
    data_bps: u16,
    compute_bps: u16,
    total_weight: U256,
    total_units: U256,
) -> (u16, u16, u16) {
    let data = if total_weight.is_zero() { 0 } else { data_bps };
    let compute = if total_units.is_zero() {
        0
    } else {
        compute_bps
    };
    (
        owner_bps + (data_bps - data) + (compute_bps - compute),
        data,
        compute,
    )
}

/// `share 60%, 20% committed` when a pool's minted share differs from the one the job
/// committed to, else `share 20%`.
pub fn share_label(minted: u16, committed: u16) -> String {
    if minted == committed {
        format!("share {}", format_bps(minted))
    } else {
        format!(
            "share {}, {} committed",
            format_bps(minted),
            format_bps(committed)
        )
    }
}

impl TokenizePlan {
    /// [`minted_shares`] of this plan: what the owner and the pools receive.
    pub fn minted_shares(&self) -> (u16, u16, u16) {
        minted_shares(
            self.owner_bps,
            self.data_bps,
            self.compute_bps,
            self.total_weight,
            self.total_units,
        )
    }
}

/// Checks a tokenization and computes its plan, without sending anything. Every reason the
/// factory would refuse is reported here with the fix (shares not adding up to 100%: exit 2;
/// job not completed, already tokenized, sender not the owner: exit 4).
pub async fn plan_tokenize(
    chain: &Chain,
    suite: &Suite,
    sender: Address,
    req: &TokenizeRequest,
) -> Result<TokenizePlan> {
    check_request(req)?;
    let records = job_records(chain, suite, req.job_id).await?;
    check_tokenizable(chain, suite, sender, req, &records).await?;
    let mut assets = Vec::new();
    for a in &records.revenue_assets {
        assets.push(asset_info(chain, *a).await?);
    }
    let (owner_amount, data_pool, compute_pool) = pools(
        req.cap,
        records.data_bps,
        records.compute_bps,
        records.total_weight,
        records.total_units,
    );
    let warnings = plan_warnings(chain, suite, req, &records).await?;
    let mut allocations = Vec::new();
    let mut allocated = U256::ZERO;
    for c in &records.contributors {
        let data_amount = mul_div(data_pool, c.data_weight, records.total_weight);
        let compute_amount = mul_div(compute_pool, c.compute_units, records.total_units);
        let amount = data_amount + compute_amount;
        allocated += amount;
        allocations.push(Allocation {
            address: c.address,
            data_weight: c.data_weight,
            compute_units: c.compute_units,
            data_amount,
            compute_amount,
            amount,
            claimed: false,
        });
    }
    let token = tokenize_call(chain, suite, sender, req)
        .call()
        .await
        .map_err(|e| chain.decode(e))?;
    Ok(TokenizePlan {
        request: req.clone(),
        owner: records.owner,
        model_root: records.model_root,
        datasets: records.datasets,
        owner_bps: records.owner_bps,
        data_bps: records.data_bps,
        compute_bps: records.compute_bps,
        max_service_fee_bps: records.max_service_fee_bps,
        revenue_assets: assets,
        owner_amount,
        data_pool,
        compute_pool,
        total_weight: records.total_weight,
        total_units: records.total_units,
        allocations,
        rounding_remainder: data_pool + compute_pool - allocated,
        token,
        warnings,
    })
}

/// The request's own checks (no chain): supply and names. The split is not the request's:
/// the job committed to it at `job submit`.
fn check_request(req: &TokenizeRequest) -> Result<()> {
    if req.cap.is_zero() {
        return Err(
            Error::usage("model.zero_supply", "the supply must be positive")
                .hint("pass --supply N with N > 0 whole tokens"),
        );
    }
    if req.name.trim().is_empty() || req.symbol.trim().is_empty() {
        return Err(
            Error::usage("model.empty_name", "the token needs a name and a symbol")
                .hint("pass --name NAME --symbol SYM"),
        );
    }
    Ok(())
}

/// What the factory would refuse on chain: already tokenized, not completed, not the owner.
async fn check_tokenizable(
    chain: &Chain,
    suite: &Suite,
    sender: Address,
    req: &TokenizeRequest,
    records: &JobRecords,
) -> Result<()> {
    let f = ModelTokenFactory::new(suite.factory, &chain.provider);
    let existing = f
        .tokenOf(U256::from(req.job_id))
        .call()
        .await
        .map_err(chain.decoder())?;
    if existing != Address::ZERO {
        return Err(Error::reverted(
            "model.already_tokenized",
            format!(
                "job {} is already tokenized: its token is {existing}",
                req.job_id
            ),
        )
        .hint(format!("see it with `cohort model show {}`", req.job_id)));
    }
    if records.state != "completed" {
        return Err(Error::reverted(
            "model.job_not_completed",
            format!(
                "job {} is {}, not completed: only a finished model can be tokenized",
                req.job_id, records.state
            ),
        )
        .hint(if matches!(records.state.as_str(), "open" | "running") {
            "wait until the job's coordinator completes it (`cohort job show`)"
        } else {
            "a stopped or cancelled job never completes: it has no final model and cannot be tokenized"
        }));
    }
    if records.owner != sender {
        return Err(Error::reverted(
            "model.not_owner",
            format!(
                "{sender} is not the owner of job {} (its owner is {})",
                req.job_id, records.owner
            ),
        )
        .hint("sign with the job owner's wallet (--wallet)"));
    }
    Ok(())
}

/// Warnings about pools that go to the owner and symbols already in use.
async fn plan_warnings(
    chain: &Chain,
    suite: &Suite,
    req: &TokenizeRequest,
    records: &JobRecords,
) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    if records.total_weight.is_zero() && records.data_bps > 0 {
        warnings.push(
            "the datasets have no accepted weight: the data pool goes to the owner".to_string(),
        );
    }
    if records.total_units.is_zero() && records.compute_bps > 0 {
        warnings
            .push("the job has no accepted work: the compute pool goes to the owner".to_string());
    }
    for m in all_models(chain, suite.factory).await? {
        if m.symbol.eq_ignore_ascii_case(&req.symbol) {
            warnings.push(format!(
                "symbol {} is already used by job {}: name models by job id or address",
                m.symbol, m.job_id
            ));
        }
    }
    Ok(warnings)
}

fn tokenize_call<'a>(
    chain: &'a Chain,
    suite: &Suite,
    sender: Address,
    req: &TokenizeRequest,
) -> alloy::contract::SolCallBuilder<
    &'a alloy::providers::DynProvider,
    ModelTokenFactory::tokenizeCall,
> {
    let call = ModelTokenFactory::tokenizeCall {
        jobId: U256::from(req.job_id),
        name: req.name.clone(),
        symbol: req.symbol.clone(),
        cap: req.cap,
    };
    alloy::contract::SolCallBuilder::new_sol(&chain.provider, &suite.factory, &call).from(sender)
}

/// A finished tokenization.
#[derive(Debug, Clone, Serialize)]
pub struct Tokenized {
    pub token: Address,
    pub tx_hash: B256,
    pub gas_used: u64,
    pub plan: TokenizePlan,
    /// Sent by an earlier run (interrupted while it waited for the receipt, or running
    /// alongside this one); this run found it recorded and waited for it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// Checks and simulates (see [`plan_tokenize`]), then deploys the model token.
pub async fn tokenize(
    s: &SignerChain,
    suite: &Suite,
    req: &TokenizeRequest,
    progress: &dyn Progress,
) -> Result<Tokenized> {
    let plan = plan_tokenize(&s.chain, suite, s.address, req).await?;
    let tx = tokenize_call(&s.chain, suite, s.address, req).into_transaction_request();
    let label = format!("tokenizing job {}", req.job_id);
    // Recorded before it is broadcast: a rerun while it is still pending waits for it instead of
    // sending a second one (which could only revert, for gas). Once it is mined, the plan above
    // refuses with the token's address.
    let intent = format!(
        "tokenize:{}:{:#x}:{}:{:#x}",
        s.chain.chain_id, suite.factory, req.job_id, s.address
    );
    let done = crate::chain::tx::send_once(s, &intent, tx, &label, progress).await?;
    let token = done
        .receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<ModelTokenFactory::Tokenized>().ok())
        .map(|l| l.inner.data.token)
        .unwrap_or(plan.token);
    Ok(Tokenized {
        token,
        tx_hash: done.tx_hash,
        gas_used: done.gas_used,
        plan,
        resumed: done.resumed,
    })
}

// ---------------------------------------------------------------------------------- balances

/// A model token held by an address.
#[derive(Debug, Clone, Serialize)]
pub struct TokenBalance {
    pub token: Address,
    pub job_id: u64,
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    #[serde(with = "dec")]
    pub balance: U256,
}

/// The model tokens of `factory` that `address` holds (non-zero balances). Empty when no
/// factory is deployed at `factory` on this chain.
pub async fn tokens_held(
    chain: &Chain,
    factory: Address,
    address: Address,
) -> Result<Vec<TokenBalance>> {
    let mut out = Vec::new();
    if !chain.has_code(factory).await? {
        return Ok(out);
    }
    for m in all_models(chain, factory).await? {
        let t = ModelToken::new(m.token, &chain.provider);
        let balance = t.balanceOf(address).call().await.map_err(chain.decoder())?;
        if !balance.is_zero() {
            out.push(TokenBalance {
                token: m.token,
                job_id: m.job_id,
                name: m.name,
                symbol: m.symbol,
                decimals: TOKEN_DECIMALS,
                balance,
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------- results

/// `model tokenize --dry-run`: what would be deployed; nothing was sent.
#[derive(Debug, Clone, Serialize)]
pub struct TokenizeDryRun {
    /// Always true.
    pub dry_run: bool,
    pub plan: TokenizePlan,
}

/// `model holders`: the model token's holders.
#[derive(Debug, Clone, Serialize)]
pub struct HolderList {
    pub model: ModelRef,
    pub holders: Vec<Holder>,
}

/// `model allocation`: the model's contributors and their allocations.
#[derive(Debug, Clone, Serialize)]
pub struct AllocationList {
    pub model: ModelRef,
    pub allocations: Vec<Allocation>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_parse_as_percent_with_two_decimals() {
        assert_eq!(parse_share("20%").unwrap(), 2000);
        assert_eq!(parse_share("40").unwrap(), 4000);
        assert_eq!(parse_share("12.5%").unwrap(), 1250);
        assert_eq!(parse_share("0.25%").unwrap(), 25);
        assert_eq!(parse_share("100%").unwrap(), 10_000);
        assert!(parse_share("100.01%").is_err());
        assert!(parse_share("0.125%").is_err());
        assert!(parse_share("-5%").is_err());
        assert!(parse_share("abc").is_err());
        assert!(parse_share("%").is_err());
        assert_eq!(format_bps(1250), "12.5%");
        assert_eq!(format_bps(2000), "20%");
        assert_eq!(format_bps(25), "0.25%");
    }

    #[test]
    fn pools_follow_the_factory_and_empty_pools_go_to_the_owner() {
        let cap = U256::from(1001u64);
        let (o, d, c) = pools(cap, 4000, 4000, U256::from(1u8), U256::from(1u8));
        assert_eq!((d, c), (U256::from(400u64), U256::from(400u64)));
        assert_eq!(o, U256::from(201u64));
        let (o, d, c) = pools(cap, 4000, 4000, U256::ZERO, U256::from(1u8));
        assert_eq!(
            (o, d, c),
            (U256::from(601u64), U256::ZERO, U256::from(400u64))
        );
    }

    #[test]
    fn a_pool_with_nobody_in_it_shows_its_share_with_the_owner() {
        // No work units: the compute pool's 40% is minted to the owner with its own 20%.
        let (o, d, c) = minted_shares(2000, 4000, 4000, U256::from(5u8), U256::ZERO);
        assert_eq!((o, d, c), (6000, 4000, 0));
        let cap = U256::from(1000u64);
        let (owner_amount, _, _) = pools(cap, 4000, 4000, U256::from(5u8), U256::ZERO);
        assert_eq!(owner_amount * U256::from(BPS) / cap, U256::from(o));
        assert_eq!(share_label(o, 2000), "share 60%, 20% committed");
        assert_eq!(share_label(c, 4000), "share 0%, 40% committed");
        assert_eq!(share_label(d, 4000), "share 40%");
        assert_eq!(
            minted_shares(2000, 4000, 4000, U256::ZERO, U256::ZERO),
            (10_000, 0, 0)
        );
    }

    #[test]
    fn mul_div_floors_without_overflow() {
        let big = U256::MAX;
        assert_eq!(mul_div(big, big, big), big);
        assert_eq!(
            mul_div(U256::from(10u8), U256::from(3u8), U256::from(4u8)),
            U256::from(7u8)
        );
    }
}
