//! One handle for a deployed contract: opened with a check that the address holds code, read
//! calls and sends with their errors decoded (reverts by name, exit 4; a dead RPC, exit 3).

use alloy::contract::{CallBuilder, CallDecoder};
use alloy::network::TransactionBuilder;
use alloy::primitives::Address;
use alloy::providers::DynProvider;

use super::bindings;
use super::tx::{Confirmed, TxRef, send_and_confirm};
use super::{Chain, SignerChain, describe_contract_error};
use crate::error::{Error, Result};
use crate::progress::Progress;

/// A `sol!` binding that a [`Contract`] can hold.
pub trait Binding: Clone {
    /// The contract's name, for messages.
    const NAME: &'static str;
    /// The error code when no contract is deployed where the profile says.
    const MISSING: &'static str;
    /// What to do about it.
    const HINT: &'static str;
    fn bind(address: Address, provider: DynProvider) -> Self;
}

macro_rules! binding {
    ($m:ident, $inst:ident, $missing:literal, $hint:literal) => {
        impl Binding for bindings::$m::$inst<DynProvider> {
            const NAME: &'static str = stringify!($m);
            const MISSING: &'static str = $missing;
            const HINT: &'static str = $hint;
            fn bind(address: Address, provider: DynProvider) -> Self {
                bindings::$m::new(address, provider)
            }
        }
    };
}

binding!(
    JobMarket,
    JobMarketInstance,
    "job.no_market",
    "run `cohort deploy` (or `cohort devnet up` for the local devnet)"
);
binding!(
    DatasetRegistry,
    DatasetRegistryInstance,
    "dataset.no_registry",
    "run `cohort deploy` (or `cohort devnet up` for the local devnet)"
);
binding!(
    ModelTokenFactory,
    ModelTokenFactoryInstance,
    "model.no_factory",
    "check the profile's contracts.model_token_factory, or run `cohort deploy`"
);
binding!(
    FixedPriceMarket,
    FixedPriceMarketInstance,
    "storage.no_market",
    "check the profile's contracts.market (the flow's `market()`), or run `cohort devnet up`"
);
binding!(
    UsageLedger,
    UsageLedgerInstance,
    "usage.no_ledger",
    "check the profile's contracts.usage_ledger, or run `cohort deploy` (or `cohort devnet up`)"
);
binding!(
    Flow,
    FlowInstance,
    "storage.no_flow",
    "check the profile's contracts.flow, or run `cohort devnet up`"
);

/// A deployed contract on a chain: `read` is bound to the read-only provider, [`Contract::signed`]
/// to a signer's.
#[derive(Clone, Debug)]
pub struct Contract<I> {
    pub chain: Chain,
    pub address: Address,
    pub read: I,
}

impl<I: Binding> Contract<I> {
    /// Opens the contract at `address`; no code there is exit 2 with the binding's hint.
    pub async fn open_at(chain: Chain, address: Address) -> Result<Contract<I>> {
        if !chain.has_code(address).await? {
            return Err(Error::usage(
                I::MISSING,
                format!("no {} contract at {address} on {}", I::NAME, chain.rpc_url),
            )
            .hint(I::HINT));
        }
        Ok(Self::at(chain, address))
    }

    /// The contract at `address`, without the code check.
    pub fn at(chain: Chain, address: Address) -> Contract<I> {
        let read = I::bind(address, chain.provider.clone());
        Contract {
            chain,
            address,
            read,
        }
    }

    /// The binding on a signer's provider, for writes.
    pub fn signed(&self, s: &SignerChain) -> I {
        I::bind(self.address, s.provider.clone())
    }

    /// Decodes an error from a call or send to this contract.
    pub fn err(&self, e: alloy::contract::Error) -> Error {
        self.chain.decode(e)
    }

    /// Runs a read call and decodes its error.
    pub async fn call<D: CallDecoder>(
        &self,
        c: CallBuilder<&DynProvider, D>,
    ) -> Result<D::CallOutput> {
        c.call().await.map_err(|e| self.err(e))
    }
}

impl Chain {
    /// Decodes an alloy contract error against this chain (reverts by name, dead RPC exit 3).
    pub fn decode(&self, e: alloy::contract::Error) -> Error {
        describe_contract_error(&self.rpc_url, e)
    }

    /// The same as a closure, for `map_err`.
    pub fn decoder(&self) -> impl Fn(alloy::contract::Error) -> Error + '_ {
        move |e| self.decode(e)
    }
}

/// Sends a call built from a binding (simulated, fee-checked, confirmed: see [`super::tx`]).
pub async fn send<P, D: CallDecoder>(
    s: &SignerChain,
    call: CallBuilder<P, D>,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    let tx = call.into_transaction_request().with_from(s.address);
    send_and_confirm(s, tx, label, progress).await
}

/// [`send`] for a write that must never happen twice: `intent` names it, and a transaction
/// recorded for it by an interrupted run is waited for instead of signing another
/// ([`super::tx::send_once`]).
pub async fn send_once<P, D: CallDecoder>(
    s: &SignerChain,
    intent: &str,
    call: CallBuilder<P, D>,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    let tx = call.into_transaction_request().with_from(s.address);
    super::tx::send_once(s, intent, tx, label, progress).await
}

/// [`send`], returning where the transaction landed.
pub async fn send_ref<P, D: CallDecoder>(
    s: &SignerChain,
    call: CallBuilder<P, D>,
    label: &str,
    progress: &dyn Progress,
) -> Result<TxRef> {
    send(s, call, label, progress)
        .await
        .map(|c| TxRef::from(&c))
}
