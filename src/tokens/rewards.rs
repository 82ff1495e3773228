//! Rewards: what a wallet can claim across every model and job (unclaimed allocations, revenue
//! per asset, worker earnings), claiming it, and paying revenue into a model.
//!
//! Claims are recomputed from the chain each time and every transaction is simulated before it
//! is sent, so a run that stopped halfway is finished by running it again: what was claimed is
//! no longer claimable, and only the rest is sent.

use alloy::primitives::{Address, B256, U256};
use serde::{Deserialize, Serialize};

use crate::chain::bindings::{IERC20, JobMarket, ModelToken};
use crate::chain::units::dec;
use crate::chain::{Chain, SignerChain};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::tokens::{self, Asset, ModelRef, Suite};

/// What kind of reward a claimable item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A contributor's allocation of model tokens, still in escrow (`claimAllocation`).
    Allocation,
    /// Revenue a model token's holder can claim in one asset (`claim(asset)`).
    Revenue,
    /// A worker's credited earnings and refunds in the JobMarket (`withdraw`).
    Earnings,
}

/// Revenue that travels with an unclaimed allocation (it becomes claimable once the allocation
/// is claimed).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attached {
    pub asset: Asset,
    #[serde(with = "dec")]
    pub amount: U256,
}

/// One thing the wallet can claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claimable {
    pub kind: ClaimKind,
    /// The model (absent for worker earnings).
    pub model: Option<ModelRef>,
    /// What is paid: the model token for an allocation, else the revenue asset.
    pub asset: Asset,
    #[serde(with = "dec")]
    pub amount: U256,
    /// For an allocation: revenue its tokens earned in escrow, paid with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached_revenue: Vec<Attached>,
}

impl Claimable {
    /// `allocation of 400 NEWS (job 1)`-style description.
    pub fn describe(&self) -> String {
        let what = self.asset.format(self.amount);
        match (&self.kind, &self.model) {
            (ClaimKind::Allocation, Some(m)) => format!("allocation of {what} from {}", m.label()),
            (ClaimKind::Revenue, Some(m)) => format!("revenue of {what} from {}", m.label()),
            _ => format!("worker earnings of {what}"),
        }
    }

    /// What is claimed, without an amount: `revenue in USDC from NEWS (job 1)`.
    fn describe_what(&self) -> String {
        match (&self.kind, &self.model) {
            (ClaimKind::Allocation, Some(m)) => format!("the allocation from {}", m.label()),
            (ClaimKind::Revenue, Some(m)) => {
                format!("revenue in {} from {}", self.asset.symbol, m.label())
            }
            _ => "worker earnings".to_string(),
        }
    }
}

/// Which rewards a command is about.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only this model (worker earnings are then left out).
    pub model: Option<ModelRef>,
    /// Only revenue in this asset (address, `native`, or symbol); an unclaimed allocation is then
    /// taken only when its tokens earned revenue in that asset in escrow (claiming the
    /// allocation is what releases that revenue).
    pub asset: Option<String>,
}

impl ClaimFilter {
    /// Whether an unclaimed allocation whose tokens earned `attached` in escrow (in the
    /// selected assets) is wanted.
    fn wants_allocation(&self, attached: &[Attached]) -> bool {
        self.asset.is_none() || !attached.is_empty()
    }
    fn wants_earnings(&self, chain_id: u64) -> bool {
        self.model.is_none()
            && self
                .asset
                .as_deref()
                .is_none_or(|a| Asset::native(chain_id).matches(a))
    }
}

/// The model token as an asset (for allocations).
fn token_asset(m: &ModelRef) -> Asset {
    Asset {
        address: m.token,
        symbol: m.symbol.clone(),
        decimals: tokens::TOKEN_DECIMALS,
        native: false,
        unreadable: false,
    }
}

/// Picks the asset `sel` names among a model's revenue assets, or says which exist.
pub fn select_asset(model: &ModelRef, assets: &[Asset], sel: &str) -> Result<Asset> {
    assets
        .iter()
        .find(|a| a.matches(sel))
        .cloned()
        .ok_or_else(|| {
            Error::usage(
                "rewards.unknown_asset",
                format!("'{sel}' is not a revenue asset of {}", model.label()),
            )
            .hint(format!("its revenue assets are: {}", listed(assets)))
        })
}

/// `SYMBOL (address), …` of `assets`, for hints.
fn listed(assets: &[Asset]) -> String {
    assets
        .iter()
        .map(|a| format!("{} ({})", a.symbol, a.address))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The revenue asset of `token` that `sel` names (`native`, the coin's symbol, an ERC-20's
/// symbol or address), or an error listing the ones it takes.
pub async fn revenue_asset(chain: &Chain, token: Address, sel: &str) -> Result<Asset> {
    let assets = tokens::revenue_assets(chain, token).await?;
    assets
        .iter()
        .find(|a| a.matches(sel))
        .cloned()
        .ok_or_else(|| {
            Error::usage(
                "asset.not_revenue",
                format!("'{sel}' is not a revenue asset of model token {token}"),
            )
            .hint(format!(
                "it takes: {} (fixed by its job's revenue_assets)",
                listed(&assets)
            ))
        })
}

/// The revenue assets of `m` that the filter selects.
async fn selected_assets(chain: &Chain, m: &ModelRef, filter: &ClaimFilter) -> Result<Vec<Asset>> {
    let assets = tokens::revenue_assets(chain, m.token).await?;
    Ok(match &filter.asset {
        None => assets,
        Some(sel) => assets.into_iter().filter(|a| a.matches(sel)).collect(),
    })
}

/// Refuses an asset selector that names no revenue asset of `models` (nor the native coin):
/// a mistyped `--asset` would otherwise read as "nothing to claim".
async fn check_asset_selector(
    chain: &Chain,
    models: &[ModelRef],
    filter: &ClaimFilter,
) -> Result<()> {
    let Some(sel) = &filter.asset else {
        return Ok(());
    };
    let mut known = vec![Asset::native(chain.chain_id)];
    for m in models {
        for a in tokens::revenue_assets(chain, m.token).await? {
            if !known.iter().any(|k| k.address == a.address) {
                known.push(a);
            }
        }
    }
    if known.iter().any(|a| a.matches(sel)) {
        return Ok(());
    }
    let whose = match &filter.model {
        Some(m) => m.label(),
        None => "any model".to_string(),
    };
    let erc20 = listed(&known[1..]);
    let hint = if erc20.is_empty() {
        format!(
            "the revenue asset there is the native coin: `native` or {}",
            known[0].symbol
        )
    } else {
        format!(
            "name `native` ({}) or one of, by symbol or address: {erc20}",
            known[0].symbol
        )
    };
    Err(Error::usage(
        "rewards.unknown_asset",
        format!("'{sel}' is not a revenue asset of {whose}"),
    )
    .hint(hint))
}

async fn model_claimables(
    chain: &Chain,
    who: Address,
    m: &ModelRef,
    filter: &ClaimFilter,
    allocations: bool,
) -> Result<Vec<Claimable>> {
    let t = ModelToken::new(m.token, &chain.provider);
    let e = chain.decoder();
    let assets = selected_assets(chain, m, filter).await?;
    let mut out = Vec::new();
    if allocations && !t.allocationClaimed(who).call().await.map_err(&e)? {
        let amount = t.allocationOf(who).call().await.map_err(&e)?;
        if !amount.is_zero() {
            let mut attached = Vec::new();
            for a in &assets {
                let per_share = t
                    .revenuePerShare(a.address)
                    .call()
                    .await
                    .map_err(&e)?
                    .magnifiedPerShare;
                let v = tokens::mul_div(per_share, amount, U256::from(1u8) << 128);
                if !v.is_zero() {
                    attached.push(Attached {
                        asset: a.clone(),
                        amount: v,
                    });
                }
            }
            if filter.wants_allocation(&attached) {
                out.push(Claimable {
                    kind: ClaimKind::Allocation,
                    model: Some(m.clone()),
                    asset: token_asset(m),
                    amount,
                    attached_revenue: attached,
                });
            }
        }
    }
    for a in assets {
        let amount = t.claimable(who, a.address).call().await.map_err(&e)?;
        if !amount.is_zero() {
            out.push(Claimable {
                kind: ClaimKind::Revenue,
                model: Some(m.clone()),
                asset: a,
                amount,
                attached_revenue: Vec::new(),
            });
        }
    }
    Ok(out)
}

/// Everything `who` can claim now, across all models of the factory and the JobMarket.
pub async fn claimables(
    chain: &Chain,
    suite: &Suite,
    who: Address,
    filter: &ClaimFilter,
) -> Result<Vec<Claimable>> {
    let models = match &filter.model {
        Some(m) => vec![m.clone()],
        None => tokens::all_models(chain, suite.factory).await?,
    };
    check_asset_selector(chain, &models, filter).await?;
    let mut out = Vec::new();
    for m in &models {
        out.extend(model_claimables(chain, who, m, filter, true).await?);
    }
    if filter.wants_earnings(chain.chain_id) {
        let jm = JobMarket::new(suite.job_market, &chain.provider);
        let amount = jm.earnings(who).call().await.map_err(chain.decoder())?;
        if !amount.is_zero() {
            out.push(Claimable {
                kind: ClaimKind::Earnings,
                model: None,
                asset: Asset::native(chain.chain_id),
                amount,
                attached_revenue: Vec::new(),
            });
        }
    }
    Ok(out)
}

/// One claim that went through.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claimed {
    #[serde(flatten)]
    pub item: Claimable,
    pub tx_hash: B256,
    pub gas_used: u64,
    /// Sent by an earlier run that was interrupted while it waited for the receipt; this run
    /// found it recorded and finished it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// One claim that failed (the rest were still tried).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimFailure {
    #[serde(flatten)]
    pub item: Claimable,
    pub code: String,
    pub message: String,
    pub exit_code: i32,
    #[serde(skip)]
    pub error: Error,
}

/// The outcome of `claim`.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    pub address: Address,
    pub claimed: Vec<Claimed>,
    pub failed: Vec<ClaimFailure>,
}

impl ClaimReport {
    pub fn nothing_to_claim(&self) -> bool {
        self.claimed.is_empty() && self.failed.is_empty()
    }

    /// What `rewards claim --json` prints: the report and whether there was anything to claim.
    pub fn summary(&self) -> ClaimSummary<'_> {
        ClaimSummary {
            address: self.address,
            nothing_to_claim: self.nothing_to_claim(),
            claimed: &self.claimed,
            failed: &self.failed,
        }
    }
}

/// `rewards claim`: the claims that went through and those that failed.
#[derive(Debug, Serialize)]
pub struct ClaimSummary<'a> {
    pub address: Address,
    pub nothing_to_claim: bool,
    pub claimed: &'a [Claimed],
    pub failed: &'a [ClaimFailure],
}

/// `rewards list`: what an address can claim.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimableList {
    pub address: Address,
    pub claimable: Vec<Claimable>,
}

/// `rewards sync`: the revenue a model's token accounted.
#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    pub model: ModelRef,
    pub synced: Vec<Synced>,
}

/// Why revenue in an asset that does not answer as an ERC-20 is not claimed.
fn unreadable_asset(item: &Claimable) -> Error {
    Error::failed(
        "rewards.unreadable_asset",
        format!(
            "revenue asset {} of {} does not answer as an ERC-20: its revenue was not claimed",
            item.asset.address,
            item.model.as_ref().map(|m| m.label()).unwrap_or_default()
        ),
    )
    .hint("the job that made this model named an asset that is no ERC-20 token; the other claims went through")
}

/// The pending-transaction intent of one claim (one per kind, model, asset and signer). Worker
/// earnings are claimed with the JobMarket's `withdraw`, under the intent `worker withdraw`
/// records it with: each command finishes the other's interrupted withdrawal.
fn claim_intent(
    s: &SignerChain,
    suite: &Suite,
    kind: ClaimKind,
    model: Option<&ModelRef>,
    asset: Address,
) -> String {
    if kind == ClaimKind::Earnings {
        return crate::jobs::withdraw_intent(s.chain.chain_id, suite.job_market, s.address);
    }
    format!(
        "claim:{}:{:?}:{:?}:{:#x}:{:#x}",
        s.chain.chain_id,
        kind,
        model.map(|m| m.token),
        asset,
        s.address
    )
}

/// What a claim's receipt says was paid: the `AllocationClaimed`, `Claimed` or `Withdrawn`
/// event's amount (`None` when it paid nothing).
fn paid_by(item: &Claimable, done: &crate::chain::tx::Confirmed) -> Option<U256> {
    let amount = match item.kind {
        ClaimKind::Allocation => done
            .receipt
            .decoded_log::<ModelToken::AllocationClaimed>()
            .map(|l| l.data.amount),
        ClaimKind::Revenue => done
            .receipt
            .decoded_log::<ModelToken::Claimed>()
            .map(|l| l.data.amount),
        ClaimKind::Earnings => done
            .receipt
            .decoded_log::<JobMarket::Withdrawn>()
            .map(|l| l.data.amount),
    };
    amount.filter(|a| !a.is_zero())
}

/// The claim `item` as its receipt reports it.
fn claimed(mut item: Claimable, done: &crate::chain::tx::Confirmed, resumed: bool) -> Claimed {
    if let Some(amount) = paid_by(&item, done) {
        item.amount = amount;
    }
    Claimed {
        item,
        tx_hash: done.tx_hash,
        gas_used: done.gas_used,
        resumed,
    }
}

/// Whether `e` says the JobMarket owes nothing to withdraw: another withdrawal (an earlier
/// run's, `worker withdraw`'s) landed first. Not a failure: there is simply nothing to claim.
fn nothing_to_withdraw(item: &Claimable, e: &Error) -> bool {
    item.kind == ClaimKind::Earnings && e.revert() == Some("NothingToWithdraw")
}

/// Finishes a claim an earlier, interrupted run sent for `item`'s kind, model and asset (for
/// worker earnings: a withdrawal `worker withdraw` sent, too): the recorded transaction is
/// waited for (or broadcast again) and reported with what its receipt paid; a recorded
/// transaction that paid nothing is not reported. Runs before anything is simulated, so that a
/// record is resolved (and removed) even when nothing is claimable now; otherwise a later claim
/// would take the old transaction for its own.
async fn resume_claim(
    s: &SignerChain,
    suite: &Suite,
    item: Claimable,
    progress: &dyn Progress,
) -> Option<(Claimable, Result<Claimed>)> {
    let intent = claim_intent(s, suite, item.kind, item.model.as_ref(), item.asset.address);
    let label = format!("finishing an earlier claim of {}", item.describe_what());
    match crate::chain::tx::resume_intent(s, &intent, &label, progress).await {
        Ok(None) => None,
        Ok(Some(done)) => {
            paid_by(&item, &done)?;
            Some((item.clone(), Ok(claimed(item, &done, true))))
        }
        Err(e) if nothing_to_withdraw(&item, &e) => None,
        Err(e) => Some((item, Err(e))),
    }
}

async fn claim_one(
    s: &SignerChain,
    suite: &Suite,
    item: &Claimable,
    progress: &dyn Progress,
) -> Result<Option<Claimed>> {
    let chain = &s.chain;
    let e = chain.decoder();
    let tx = match (&item.kind, &item.model) {
        (ClaimKind::Allocation, Some(m)) => {
            let t = ModelToken::new(m.token, &s.provider);
            let call = t.claimAllocation().from(s.address);
            if call.call().await.map_err(&e)?.is_zero() {
                return Ok(None);
            }
            call.into_transaction_request()
        }
        (ClaimKind::Revenue, Some(m)) => {
            let t = ModelToken::new(m.token, &s.provider);
            let call = t.claim(item.asset.address).from(s.address);
            if call.call().await.map_err(&e)?.is_zero() {
                return Ok(None);
            }
            call.into_transaction_request()
        }
        _ => {
            let jm = JobMarket::new(suite.job_market, &s.provider);
            let call = jm.withdraw().from(s.address);
            match call.call().await.map_err(&e) {
                Ok(v) if v.is_zero() => return Ok(None),
                Ok(_) => {}
                Err(e) if nothing_to_withdraw(item, &e) => return Ok(None),
                Err(e) => return Err(e),
            }
            call.into_transaction_request()
        }
    };
    let intent = claim_intent(s, suite, item.kind, item.model.as_ref(), item.asset.address);
    let label = format!("claiming {}", item.describe());
    // `resumed`: another run (started alongside this one) sent this very claim, and this one
    // waited for its transaction instead of sending another.
    match crate::chain::tx::send_once(s, &intent, tx, &label, progress).await {
        Ok(done) => Ok(Some(claimed(item.clone(), &done, done.resumed))),
        Err(e) if nothing_to_withdraw(item, &e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Claims everything the filter selects: allocations first (so the revenue that travelled with
/// them is claimed too; with an asset selected, only those whose tokens earned revenue in it),
/// then revenue per asset, then worker earnings. Every claim is simulated
/// before it is sent; a failed one is reported and the others still go through. A claim an
/// interrupted earlier run sent is finished first and reported as resumed; what was credited
/// since is then claimed with a new transaction. Amounts are what the receipts paid.
pub async fn claim(
    s: &SignerChain,
    suite: &Suite,
    filter: &ClaimFilter,
    progress: &dyn Progress,
) -> Result<ClaimReport> {
    let chain = &s.chain;
    let who = s.address;
    let mut report = ClaimReport {
        address: who,
        claimed: Vec::new(),
        failed: Vec::new(),
    };
    let models = match &filter.model {
        Some(m) => vec![m.clone()],
        None => tokens::all_models(chain, suite.factory).await?,
    };
    check_asset_selector(chain, &models, filter).await?;
    let mut record = |item: Claimable, r: Result<Option<Claimed>>| match r {
        Ok(Some(c)) => report.claimed.push(c),
        Ok(None) => {}
        Err(error) => report.failed.push(ClaimFailure {
            item,
            code: error.code.clone(),
            message: error.message.clone(),
            exit_code: error.exit_code(),
            error,
        }),
    };
    for m in &models {
        // Claims an interrupted run sent, whatever is claimable now (an allocation claim too
        // when an asset is selected: it may have been sent to release revenue in that asset).
        let mut earlier = vec![Claimable {
            kind: ClaimKind::Allocation,
            model: Some(m.clone()),
            asset: token_asset(m),
            amount: U256::ZERO,
            attached_revenue: Vec::new(),
        }];
        for asset in selected_assets(chain, m, filter).await? {
            earlier.push(Claimable {
                kind: ClaimKind::Revenue,
                model: Some(m.clone()),
                asset,
                amount: U256::ZERO,
                attached_revenue: Vec::new(),
            });
        }
        for item in earlier {
            if let Some((item, r)) = resume_claim(s, suite, item, progress).await {
                record(item, r.map(Some));
            }
        }
        // Allocations first, then the revenue as it stands after them.
        let items = model_claimables(chain, who, m, filter, true).await?;
        for item in items
            .into_iter()
            .filter(|i| i.kind == ClaimKind::Allocation)
        {
            let r = claim_one(s, suite, &item, progress).await;
            record(item, r);
        }
        for item in model_claimables(chain, who, m, filter, false).await? {
            let r = if item.asset.unreadable {
                Err(unreadable_asset(&item))
            } else {
                claim_one(s, suite, &item, progress).await
            };
            record(item, r);
        }
    }
    if filter.wants_earnings(chain.chain_id) {
        let item = Claimable {
            kind: ClaimKind::Earnings,
            model: None,
            asset: Asset::native(chain.chain_id),
            amount: U256::ZERO,
            attached_revenue: Vec::new(),
        };
        if let Some((item, r)) = resume_claim(s, suite, item, progress).await {
            record(item, r.map(Some));
        }
        let jm = JobMarket::new(suite.job_market, &chain.provider);
        let amount = jm.earnings(who).call().await.map_err(chain.decoder())?;
        if !amount.is_zero() {
            let item = Claimable {
                kind: ClaimKind::Earnings,
                model: None,
                asset: Asset::native(chain.chain_id),
                amount,
                attached_revenue: Vec::new(),
            };
            let r = claim_one(s, suite, &item, progress).await;
            record(item, r);
        }
    }
    Ok(report)
}

/// A revenue deposit that went through.
#[derive(Debug, Clone, Serialize)]
pub struct Deposited {
    pub model: ModelRef,
    pub asset: Asset,
    #[serde(with = "dec")]
    pub amount: U256,
    /// The approval sent first, when the allowance was short.
    pub approve_tx: Option<B256>,
    pub tx_hash: B256,
    pub gas_used: u64,
    /// Sent by an earlier run (interrupted while it waited for the receipt, or running
    /// alongside this one) for the same model, asset, amount and wallet; this run found it
    /// recorded and waited for it: nothing was paid again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// Checks that the signer holds `amount` of the ERC-20 `asset` and that `spender` may take it,
/// sending an `approve` of exactly `amount` first when the allowance is short (its tx hash).
pub async fn ensure_allowance(
    s: &SignerChain,
    asset: &Asset,
    spender: Address,
    amount: U256,
    progress: &dyn Progress,
) -> Result<Option<B256>> {
    let e = s.chain.decoder();
    let erc20 = IERC20::new(asset.address, &s.provider);
    let have = erc20.balanceOf(s.address).call().await.map_err(&e)?;
    if have < amount {
        return Err(crate::chain::tx::insufficient_funds(
            s.address,
            have,
            amount,
            asset.decimals,
            &asset.symbol,
            "the deposit",
        ));
    }
    let allowance = erc20
        .allowance(s.address, spender)
        .call()
        .await
        .map_err(&e)?;
    if allowance >= amount {
        return Ok(None);
    }
    let tx = erc20
        .approve(spender, amount)
        .from(s.address)
        .into_transaction_request();
    let label = format!("approving {} for {spender}", asset.format(amount));
    Ok(Some(
        crate::chain::tx::send_and_confirm(s, tx, &label, progress)
            .await?
            .tx_hash,
    ))
}

/// Pays `amount` of `asset` into a model as revenue for its holders. For an ERC-20 the
/// allowance is raised first when it is short (an `approve` of exactly the amount).
pub async fn deposit(
    s: &SignerChain,
    model: &ModelRef,
    asset: &Asset,
    amount: U256,
    progress: &dyn Progress,
) -> Result<Deposited> {
    let chain = &s.chain;
    let e = chain.decoder();
    if amount.is_zero() {
        return Err(
            Error::usage("rewards.zero_amount", "the amount to deposit is zero")
                .hint("pass a positive amount, e.g. 1.5 or 250gwei"),
        );
    }
    let assets = tokens::revenue_assets(chain, model.token).await?;
    if !assets.iter().any(|a| a.address == asset.address) {
        return Err(select_asset(model, &assets, &asset.address.to_string()).unwrap_err());
    }
    let t = ModelToken::new(model.token, &s.provider);
    let label = format!("depositing {} into {}", asset.format(amount), model.label());
    // A deposit pays: it is recorded before it is broadcast, and a rerun after a crash waits for
    // the recorded transaction instead of paying again. The record is gone once the receipt
    // arrived, so a deliberate second deposit of the same amount is sent.
    let intent = format!(
        "deposit:{}:{:#x}:{:#x}:{amount}:{:#x}",
        chain.chain_id, model.token, asset.address, s.address
    );
    let deposited = |approve_tx, done: crate::chain::tx::Confirmed| Deposited {
        model: model.clone(),
        asset: asset.clone(),
        amount,
        approve_tx,
        tx_hash: done.tx_hash,
        gas_used: done.gas_used,
        resumed: done.resumed,
    };
    if let Some(done) = crate::chain::tx::resume_intent(s, &intent, &label, progress).await? {
        return Ok(deposited(None, done));
    }
    if asset.native {
        let tx = t
            .deposit()
            .value(amount)
            .from(s.address)
            .into_transaction_request();
        let done = crate::chain::tx::send_once(s, &intent, tx, &label, progress).await?;
        return Ok(deposited(None, done));
    }
    let approve_tx = ensure_allowance(s, asset, model.token, amount, progress).await?;
    let call = t.depositToken(asset.address, amount).from(s.address);
    call.call().await.map_err(&e)?;
    let done = crate::chain::contract::send_once(s, &intent, call, &label, progress).await?;
    Ok(deposited(approve_tx, done))
}

/// The outcome of `sync` for one asset.
#[derive(Debug, Clone, Serialize)]
pub struct Synced {
    pub asset: Asset,
    /// Newly accounted revenue (0: nothing was pushed directly; nothing was sent).
    #[serde(with = "dec")]
    pub amount: U256,
    pub tx_hash: Option<B256>,
}

/// Accounts revenue pushed to the token directly (plain transfers), for the given assets
/// (all of the model's when empty). Only assets with something to account are sent.
pub async fn sync(
    s: &SignerChain,
    model: &ModelRef,
    only: Option<&Asset>,
    progress: &dyn Progress,
) -> Result<Vec<Synced>> {
    let chain = &s.chain;
    let e = chain.decoder();
    let t = ModelToken::new(model.token, &s.provider);
    let assets = match only {
        Some(a) => vec![a.clone()],
        None => tokens::revenue_assets(chain, model.token).await?,
    };
    let mut out = Vec::new();
    for asset in assets {
        let call = t.sync(asset.address).from(s.address);
        let amount = call.call().await.map_err(&e)?;
        let tx_hash = if amount.is_zero() {
            None
        } else {
            let label = format!("syncing {} of {}", asset.symbol, model.label());
            Some(
                crate::chain::contract::send(s, call, &label, progress)
                    .await?
                    .tx_hash,
            )
        };
        out.push(Synced {
            asset,
            amount,
            tx_hash,
        });
    }
    Ok(out)
}
