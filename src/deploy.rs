//! Deploying the contract suite to any EVM chain.

use alloy::primitives::{Address, U256};

use crate::chain::bindings::{
    DatasetRegistry, FixedPriceMarket, Flow, JobMarket, ModelTokenFactory, UsageLedger,
};
use crate::chain::{Chain, SignerChain, describe_contract_error};
use crate::config::Contracts;
use crate::error::{Error, Result};
use crate::progress::Progress;

/// The storage price the devnet's market charges: 1 gwei per 256-byte sector.
pub const DEVNET_PRICE_PER_SECTOR: u64 = 1_000_000_000;

/// How long a `UsageLedger` withdrawal waits after its announcement: a day, so providers can
/// settle the last vouchers first.
pub const USAGE_WITHDRAW_DELAY_SECS: u64 = 86_400;

/// Whether every contract of the suite has code at the profile's addresses.
pub async fn suite_present(chain: &Chain, c: &Contracts) -> Result<bool> {
    for a in [
        &c.flow,
        &c.market,
        &c.dataset_registry,
        &c.job_market,
        &c.model_token_factory,
        &c.usage_ledger,
    ] {
        let Some(a) = a.as_deref().and_then(|s| s.parse::<Address>().ok()) else {
            return Ok(false);
        };
        if !chain.has_code(a).await? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Deploys the suite. With `storage = Some((flow, market))` the given storage contracts are kept
/// (e.g. the public 0G network's) and only cohort's own contracts are deployed.
pub async fn deploy_suite(
    s: &SignerChain,
    storage: Option<(Address, Address)>,
    progress: &dyn Progress,
) -> Result<Contracts> {
    let url = &s.chain.rpc_url;
    let err = |e| describe_contract_error(url, e);
    let p = &s.provider;
    let (flow, market) = match storage {
        Some(fm) => fm,
        None => {
            progress.note("deploying FixedPriceMarket");
            let market = FixedPriceMarket::deploy(p, U256::from(DEVNET_PRICE_PER_SECTOR))
                .await
                .map_err(err)?;
            progress.note("deploying Flow");
            let flow = Flow::deploy(p, *market.address()).await.map_err(err)?;
            market
                .setFlow(*flow.address())
                .send()
                .await
                .map_err(err)?
                .get_receipt()
                .await
                .map_err(|e| Error::failed("deploy.receipt", e.to_string()))?;
            (*flow.address(), *market.address())
        }
    };
    progress.note("deploying DatasetRegistry");
    let registry = DatasetRegistry::deploy(p).await.map_err(err)?;
    progress.note("deploying JobMarket");
    let jobs = JobMarket::deploy(p, *registry.address())
        .await
        .map_err(err)?;
    progress.note("deploying ModelTokenFactory");
    let factory = ModelTokenFactory::deploy(p, *jobs.address(), *registry.address())
        .await
        .map_err(err)?;
    progress.note("deploying UsageLedger");
    let ledger = UsageLedger::deploy(p, *factory.address(), USAGE_WITHDRAW_DELAY_SECS)
        .await
        .map_err(err)?;
    // Lowercase, as every address cohort prints.
    Ok(Contracts {
        flow: Some(format!("{:#x}", flow)),
        market: Some(format!("{:#x}", market)),
        dataset_registry: Some(format!("{:#x}", registry.address())),
        job_market: Some(format!("{:#x}", jobs.address())),
        model_token_factory: Some(format!("{:#x}", factory.address())),
        usage_ledger: Some(format!("{:#x}", ledger.address())),
    })
}
