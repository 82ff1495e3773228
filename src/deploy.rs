//! Deploying the contract suite to any EVM chain.

use alloy::primitives::{Address, U256};

use crate::chain::bindings::{
    DatasetRegistry, FixedPriceMarket, Flow, JobMarket, ModelTokenFactory, UsageLedger,
};
use alloy::providers::Provider;

use crate::chain::{Chain, SignerChain, describe_transport_error};
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
    deploy_suite_resumable(s, storage, None, progress).await
}

/// One step of a deployment: a contract to create, or the market's `setFlow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Market,
    Flow,
    SetFlow,
    Registry,
    Jobs,
    Factory,
    Ledger,
}

impl Step {
    /// The profile's name of the contract (`contracts.NAME`), or of the step.
    fn name(self) -> &'static str {
        match self {
            Step::Market => "market",
            Step::Flow => "flow",
            Step::SetFlow => "set_flow",
            Step::Registry => "dataset_registry",
            Step::Jobs => "job_market",
            Step::Factory => "model_token_factory",
            Step::Ledger => "usage_ledger",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Step::Market => "deploying FixedPriceMarket",
            Step::Flow => "deploying Flow",
            Step::SetFlow => "binding the market to its flow",
            Step::Registry => "deploying DatasetRegistry",
            Step::Jobs => "deploying JobMarket",
            Step::Factory => "deploying ModelTokenFactory",
            Step::Ledger => "deploying UsageLedger",
        }
    }
    /// The runtime code a deployment of this contract leaves (none for `setFlow`).
    fn runtime(self) -> Option<&'static [u8]> {
        Some(match self {
            Step::Market => &FixedPriceMarket::DEPLOYED_BYTECODE[..],
            Step::Flow => &Flow::DEPLOYED_BYTECODE[..],
            Step::SetFlow => return None,
            Step::Registry => &DatasetRegistry::DEPLOYED_BYTECODE[..],
            Step::Jobs => &JobMarket::DEPLOYED_BYTECODE[..],
            Step::Factory => &ModelTokenFactory::DEPLOYED_BYTECODE[..],
            Step::Ledger => &UsageLedger::DEPLOYED_BYTECODE[..],
        })
    }
}

/// The gas `setFlow` is budgeted in the cost estimate (it writes one slot).
const SET_FLOW_GAS: u64 = 80_000;

/// What a deployment has done so far, saved after each step lands: a rerun of the same
/// deployment (same chain, deployer and storage choice) continues with the missing steps.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct DeployState {
    pub chain_id: u64,
    pub deployer: Address,
    /// The storage contracts kept (`None`: the deployment creates its own).
    pub kept_storage: Option<(Address, Address)>,
    /// Names this deployment's transactions for the pending-transaction records.
    pub id: String,
    /// Step name → the contract's address (or, for `set_flow`, the flow it bound).
    pub done: std::collections::BTreeMap<String, Address>,
}

impl DeployState {
    fn load(path: &std::path::Path) -> Result<Option<DeployState>> {
        match std::fs::read(path) {
            Ok(b) => serde_json::from_slice(&b).map(Some).map_err(|e| {
                Error::failed(
                    "deploy.state",
                    format!("{} is not a deployment record: {e}", path.display()),
                )
                .hint("delete it to start the deployment over")
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", path, e)),
        }
    }
    fn save(&self, path: &std::path::Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        let bytes = serde_json::to_vec_pretty(self).expect("deploy state serializes");
        crate::fsutil::write_atomic(path, &bytes, 0o600)
    }
}

/// Where `cohort deploy` records a deployment of `profile` in progress.
pub fn state_path(paths: &crate::config::Paths, profile: &str) -> std::path::PathBuf {
    paths
        .data_dir
        .join("deploy")
        .join(format!("{profile}.json"))
}

/// Whether `code` is the runtime code `expected` leaves: the same bytes, except where the
/// artifact holds zeros (immutables are filled in at deployment).
fn is_expected_code(code: &[u8], expected: &[u8]) -> bool {
    code.len() == expected.len()
        && code
            .iter()
            .zip(expected)
            .all(|(got, want)| got == want || *want == 0)
}

/// [`deploy_suite`], recording each step in `state` (a file) as soon as it lands: a rerun with
/// the same file continues where the last one stopped, after checking that the contracts it
/// recorded hold the expected code. Before the first transaction the whole remaining
/// deployment's cost is estimated and a wallet that cannot pay it is refused (exit 4). The file
/// is removed when the deployment is complete.
pub async fn deploy_suite_resumable(
    s: &SignerChain,
    storage: Option<(Address, Address)>,
    state: Option<&std::path::Path>,
    progress: &dyn Progress,
) -> Result<Contracts> {
    let mut st = match state.map(DeployState::load).transpose()?.flatten() {
        Some(st)
            if st.chain_id == s.chain.chain_id
                && st.deployer == s.address
                && st.kept_storage == storage =>
        {
            st
        }
        _ => DeployState {
            chain_id: s.chain.chain_id,
            deployer: s.address,
            kept_storage: storage,
            id: format!("{}-{}", crate::chain::tx::pending_now(), std::process::id()),
            done: Default::default(),
        },
    };
    let steps: Vec<Step> = match storage {
        Some(_) => vec![Step::Registry, Step::Jobs, Step::Factory, Step::Ledger],
        None => vec![
            Step::Market,
            Step::Flow,
            Step::SetFlow,
            Step::Registry,
            Step::Jobs,
            Step::Factory,
            Step::Ledger,
        ],
    };
    // What an earlier run recorded stands only while it holds the expected code; from the
    // first that does not, everything after is deployed again (it was built on it).
    let mut kept = 0;
    for step in &steps {
        let Some(&at) = st.done.get(step.name()) else {
            break;
        };
        let ok = match step.runtime() {
            Some(code) => {
                let got = s
                    .chain
                    .provider
                    .get_code_at(at)
                    .await
                    .map_err(|e| crate::chain::transport_failure(&s.chain.rpc_url, &e))?;
                is_expected_code(&got, code)
            }
            None => {
                let market = st
                    .done
                    .get(Step::Market.name())
                    .copied()
                    .unwrap_or_default();
                FixedPriceMarket::new(market, s.chain.provider.clone())
                    .flow()
                    .call()
                    .await
                    .is_ok_and(|f| f == at)
            }
        };
        if !ok {
            break;
        }
        kept += 1;
    }
    let names: Vec<&str> = steps[kept..].iter().map(|s| s.name()).collect();
    st.done.retain(|k, _| !names.contains(&k.as_str()));
    if kept > 0 {
        progress.note(&format!(
            "continuing the deployment an earlier run began: {} already deployed",
            steps[..kept]
                .iter()
                .filter(|s| s.runtime().is_some())
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    check_funds(s, &steps[kept..]).await?;
    if let Some(path) = state {
        st.save(path)?;
    }
    for &step in &steps[kept..] {
        let addr = |which: Step| st.done.get(which.name()).copied().unwrap_or_default();
        let p = &s.provider;
        let tx = match step {
            Step::Market => {
                FixedPriceMarket::deploy_builder(p, U256::from(DEVNET_PRICE_PER_SECTOR))
                    .into_transaction_request()
            }
            Step::Flow => Flow::deploy_builder(p, addr(Step::Market)).into_transaction_request(),
            Step::SetFlow => FixedPriceMarket::new(addr(Step::Market), p)
                .setFlow(addr(Step::Flow))
                .into_transaction_request(),
            Step::Registry => DatasetRegistry::deploy_builder(p).into_transaction_request(),
            Step::Jobs => {
                JobMarket::deploy_builder(p, addr(Step::Registry)).into_transaction_request()
            }
            Step::Factory => {
                ModelTokenFactory::deploy_builder(p, addr(Step::Jobs), addr(Step::Registry))
                    .into_transaction_request()
            }
            Step::Ledger => {
                UsageLedger::deploy_builder(p, addr(Step::Factory), USAGE_WITHDRAW_DELAY_SECS)
                    .into_transaction_request()
            }
        };
        let intent = format!(
            "deploy:{}:{:#x}:{}:{}",
            st.chain_id,
            s.address,
            st.id,
            step.name()
        );
        let c = crate::chain::tx::send_once(s, &intent, tx, step.label(), progress).await?;
        let at = match step {
            Step::SetFlow => addr(Step::Flow),
            _ => c.receipt.contract_address.ok_or_else(|| {
                Error::failed(
                    "deploy.no_address",
                    format!(
                        "the receipt of {} (transaction {}) names no contract address",
                        step.label(),
                        c.tx_hash
                    ),
                )
            })?,
        };
        st.done.insert(step.name().to_string(), at);
        if let Some(path) = state {
            st.save(path)?;
        }
    }
    let (flow, market) = match storage {
        Some(fm) => fm,
        None => (st.done[Step::Flow.name()], st.done[Step::Market.name()]),
    };
    let get = |which: Step| st.done[which.name()];
    // Lowercase, as every address cohort prints.
    Ok(Contracts {
        flow: Some(format!("{:#x}", flow)),
        market: Some(format!("{:#x}", market)),
        dataset_registry: Some(format!("{:#x}", get(Step::Registry))),
        job_market: Some(format!("{:#x}", get(Step::Jobs))),
        model_token_factory: Some(format!("{:#x}", get(Step::Factory))),
        usage_ledger: Some(format!("{:#x}", get(Step::Ledger))),
    })
}

/// Refuses (exit 4) a wallet that cannot pay for `steps`: each contract's creation is estimated
/// (with the 20% headroom the transaction layer gives a contract call) at the fee the chain
/// asks now.
async fn check_funds(s: &SignerChain, steps: &[Step]) -> Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    let url = &s.chain.rpc_url;
    let p = &s.chain.provider;
    let fees = p
        .estimate_eip1559_fees()
        .await
        .map_err(|e| describe_transport_error(url, &e))?;
    // Constructors only check that the addresses they are given are not zero.
    let any = s.address;
    let mut gas: u64 = 0;
    for step in steps {
        let tx = match step {
            Step::SetFlow => {
                gas += SET_FLOW_GAS;
                continue;
            }
            Step::Market => {
                FixedPriceMarket::deploy_builder(p, U256::from(DEVNET_PRICE_PER_SECTOR))
                    .into_transaction_request()
            }
            Step::Flow => Flow::deploy_builder(p, any).into_transaction_request(),
            Step::Registry => DatasetRegistry::deploy_builder(p).into_transaction_request(),
            Step::Jobs => JobMarket::deploy_builder(p, any).into_transaction_request(),
            Step::Factory => {
                ModelTokenFactory::deploy_builder(p, any, any).into_transaction_request()
            }
            Step::Ledger => UsageLedger::deploy_builder(p, any, USAGE_WITHDRAW_DELAY_SECS)
                .into_transaction_request(),
        };
        let g = p
            .estimate_gas(tx)
            .await
            .map_err(|e| describe_transport_error(url, &e))?;
        gas = gas.saturating_add(g + g / 5);
    }
    let need = U256::from(gas) * U256::from(fees.max_fee_per_gas);
    let have = s.chain.balance(s.address).await?;
    let symbol = crate::chain::tx::native_symbol(s.chain.chain_id);
    if have < need {
        let n = steps.iter().filter(|s| s.runtime().is_some()).count();
        return Err(crate::chain::tx::insufficient_funds(
            s.address,
            have,
            need,
            18,
            symbol,
            &format!(
                "deploying {n} contracts ({gas} gas at up to {} gwei)",
                fees.max_fee_per_gas / 1_000_000_000
            ),
        )
        .hint(format!(
            "fund {} with at least {} {symbol}, then rerun `cohort deploy`",
            s.address,
            crate::chain::units::format_amount(need - have, 18)
        )));
    }
    tracing::debug!("deployment estimated at {gas} gas");
    Ok(())
}
