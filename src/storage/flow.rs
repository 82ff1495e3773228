//! The storage contracts a client pays: the 0G `Flow` (submissions) and the fee market it
//! forwards fees to (`FeeMarket`: the profile key `contracts.market`).

use alloy::primitives::{Address, U256};
use alloy::providers::DynProvider;

use crate::chain::Chain;
use crate::chain::bindings::FixedPriceMarket::FixedPriceMarketInstance;
use crate::chain::bindings::Flow::FlowInstance;
use crate::chain::contract::Contract;
use crate::error::Result;

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
