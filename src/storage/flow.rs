//! The storage contracts a client pays: the 0G `Flow` (submissions) and the fee market it
//! forwards fees to (`FeeMarket`: the profile key `contracts.market`).

use alloy::primitives::{Address, Bytes, U256};
use alloy::providers::{DynProvider, Provider};
use alloy::rpc::types::TransactionRequest;
use alloy::sol_types::SolCall;

use crate::chain::Chain;
use crate::chain::bindings::FixedPriceMarket::FixedPriceMarketInstance;
use crate::chain::bindings::Flow::FlowInstance;
use crate::chain::bindings::{Flow, LegacyFlow};
use crate::chain::contract::Contract;
use crate::chain::revert::describe_transport_error;
use crate::error::{Error, Result};

/// The 0G flow contract.
pub type FlowContract = Contract<FlowInstance<DynProvider>>;

/// The storage fee market behind a flow (the profile's `contracts.market`).
pub type FeeMarket = Contract<FixedPriceMarketInstance<DynProvider>>;

/// What storing `sectors` sectors costs at the market's current price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Quote {
    pub sectors: u64,
    #[serde(with = "crate::chain::units::dec")]
    pub price_per_sector: U256,
    #[serde(with = "crate::chain::units::dec")]
    pub fee: U256,
}

impl Quote {
    /// The same price for another number of sectors (no call).
    pub fn for_sectors(&self, sectors: u64) -> Quote {
        Quote {
            sectors,
            price_per_sector: self.price_per_sector,
            fee: self.price_per_sector * U256::from(sectors),
        }
    }
}

impl FlowContract {
    /// The flow at `address`; exit 2 when there is no contract there.
    pub async fn open(chain: Chain, address: Address) -> Result<FlowContract> {
        Contract::open_at(chain, address).await
    }

    /// The fee market the flow forwards fees to (`flow.market()`).
    pub async fn fee_market(&self) -> Result<FeeMarket> {
        let market = self.call(self.read.market()).await?;
        Ok(FeeMarket::at(self.chain.clone(), market))
    }
}

/// The fee market of a profile: its `contracts.market`, else the one its flow forwards fees to
/// (`flow.market()`: 0G publishes only the flow address).
pub async fn profile_market(
    chain: &Chain,
    profile: &crate::config::ResolvedProfile,
) -> Result<Address> {
    if profile.contracts.market.is_some() {
        return profile.contract("market");
    }
    let flow = FlowContract::open(chain.clone(), profile.contract("flow")?).await?;
    Ok(flow.fee_market().await?.address)
}

impl FeeMarket {
    /// The price of `sectors` sectors.
    pub async fn quote(&self, sectors: u64) -> Result<Quote> {
        let price_per_sector = self.call(self.read.pricePerSector()).await?;
        Ok(Quote {
            sectors,
            price_per_sector,
            fee: price_per_sector * U256::from(sectors),
        })
    }
}

/// The two `submit` forms 0G flow deployments take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmitAbi {
    /// `submit(((uint256,bytes,(bytes32,uint256)[]),address))`, 0xbc8c11f8: the current form, with
    /// an explicit submitter (cohort's flow, 0G's current flow).
    Submission,
    /// `submit((uint256,bytes,(bytes32,uint256)[]))`, 0xef3e12dc: the older form, the submitter
    /// being the sender.
    Data,
}

impl SubmitAbi {
    /// The forms in the order they are tried.
    pub const ALL: [SubmitAbi; 2] = [SubmitAbi::Submission, SubmitAbi::Data];

    /// The function selector.
    pub fn selector(self) -> [u8; 4] {
        match self {
            SubmitAbi::Submission => Flow::submitCall::SELECTOR,
            SubmitAbi::Data => LegacyFlow::submitCall::SELECTOR,
        }
    }

    /// The function signature.
    pub fn signature(self) -> &'static str {
        match self {
            SubmitAbi::Submission => Flow::submitCall::SIGNATURE,
            SubmitAbi::Data => LegacyFlow::submitCall::SIGNATURE,
        }
    }

    /// The calldata of submitting `data` for `submitter` in this form.
    pub fn calldata(self, data: &Flow::SubmissionData, submitter: Address) -> Bytes {
        match self {
            SubmitAbi::Submission => Flow::submitCall {
                submission: Flow::Submission {
                    data: data.clone(),
                    submitter,
                },
            }
            .abi_encode()
            .into(),
            SubmitAbi::Data => LegacyFlow::submitCall {
                submission: legacy_data(data),
            }
            .abi_encode()
            .into(),
        }
    }
}

fn legacy_data(d: &Flow::SubmissionData) -> LegacyFlow::SubmissionData {
    LegacyFlow::SubmissionData {
        length: d.length,
        tags: d.tags.clone(),
        nodes: d
            .nodes
            .iter()
            .map(|n| LegacyFlow::SubmissionNode {
                root: n.root,
                height: n.height,
            })
            .collect(),
    }
}

/// Which `submit` form the flow at `flow` takes, found by simulating (`eth_call`) the real
/// submission from `from` with `fee` in each form: a form the flow lacks reverts without data (no
/// such function, through a proxy too), a form it has returns or reverts with an error of its
/// own. The answer is cached per chain and flow under `cache`. A flow that takes neither form is
/// exit 4, before anything is paid, naming the flow and the selectors tried.
pub async fn submit_abi(
    chain: &Chain,
    cache: &std::path::Path,
    flow: Address,
    from: Address,
    data: &Flow::SubmissionData,
    fee: U256,
) -> Result<SubmitAbi> {
    let path =
        cache
            .join("flow-abi")
            .join(format!("{}-{}.json", chain.chain_id, hex::encode(flow)));
    if let Some(abi) = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<SubmitAbi>(&b).ok())
    {
        return Ok(abi);
    }
    for abi in SubmitAbi::ALL {
        let tx = TransactionRequest::default()
            .from(from)
            .to(flow)
            .value(fee)
            .input(abi.calldata(data, from).into());
        let present = match chain.provider.call(tx).await {
            Ok(_) => true,
            Err(e) => match e.as_error_resp() {
                Some(resp) => resp.as_revert_data().is_some_and(|d| !d.is_empty()),
                None => return Err(describe_transport_error(&chain.rpc_url, &e)),
            },
        };
        tracing::debug!(flow = %flow, selector = %hex::encode(abi.selector()), present, "submit form");
        if present {
            crate::fsutil::ensure_dir(path.parent().expect("has a parent"), 0o700)?;
            let bytes = serde_json::to_vec(&abi).expect("serializes");
            crate::fsutil::write_atomic(&path, &bytes, 0o600)?;
            return Ok(abi);
        }
    }
    let tried: Vec<String> = SubmitAbi::ALL
        .iter()
        .map(|a| format!("0x{} {}", hex::encode(a.selector()), a.signature()))
        .collect();
    Err(Error::reverted(
        "storage.flow_abi",
        format!(
            "the flow contract {flow} takes neither submit form (tried {})",
            tried.join(", ")
        ),
    )
    .hint("check the profile's `contracts.flow`: it must be a 0G storage flow"))
}
