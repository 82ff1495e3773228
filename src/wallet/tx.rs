//! Sending a transaction and waiting for it, shared by every command that writes to the chain.
//!
//! [`send_and_confirm`] estimates EIP-1559 fees and gas (a call that would revert fails here,
//! exit 4, with the contract's error decoded), checks that the wallet can pay value plus the
//! most the gas may cost (exit 4 with both amounts), then sends with the chain's *pending*
//! nonce. Two cohort processes sending from one wallet may pick the same nonce; the loser gets
//! "nonce too low", "replacement transaction underpriced" or "already known" and is sent again
//! with a fresh pending nonce, so both land. The receipt is awaited behind a spinner; a
//! transaction mined with status 0 is replayed as a call to decode its revert reason.

use std::time::Duration;

use alloy::eips::BlockId;
use alloy::network::TransactionBuilder;
use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use alloy::rpc::types::{TransactionReceipt, TransactionRequest};
use alloy::transports::{RpcError, TransportErrorKind};

use super::amount::format_amount;
use crate::chain::{SignerChain, decode_revert, describe_transport_error};
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};

/// How often a send is retried after losing a nonce race.
pub const NONCE_RETRIES: u32 = 8;
/// How long to wait for a receipt before giving up (the transaction may still be mined).
pub const RECEIPT_TIMEOUT: Duration = Duration::from_secs(300);

/// The native coin's symbol on a chain, for messages.
pub fn native_symbol(chain_id: u64) -> &'static str {
    match chain_id {
        16600..=16699 => "0G",
        _ => "ETH",
    }
}

/// A transaction with gas and fees filled in, ready to send.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub tx: TransactionRequest,
    pub gas: u64,
    pub max_fee_per_gas: u128,
    pub max_priority_fee_per_gas: u128,
}

impl Prepared {
    /// The most the gas can cost: gas limit × max fee per gas.
    pub fn max_gas_cost(&self) -> U256 {
        U256::from(self.gas) * U256::from(self.max_fee_per_gas)
    }
    /// Value plus the most the gas can cost.
    pub fn max_total_cost(&self) -> U256 {
        self.tx.value.unwrap_or_default() + self.max_gas_cost()
    }
}

/// A mined, successful transaction.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Confirmed {
    pub tx_hash: B256,
    pub block_number: Option<u64>,
    pub gas_used: u64,
    pub effective_gas_price: u128,
    pub nonce: u64,
    #[serde(skip)]
    pub receipt: TransactionReceipt,
}

/// The insufficient-funds error: exit 4, with what the wallet holds and what it needs.
pub fn insufficient_funds(
    who: Address,
    have: U256,
    need: U256,
    decimals: u8,
    symbol: &str,
    detail: &str,
) -> Error {
    Error::reverted(
        "wallet.insufficient_funds",
        format!(
            "insufficient funds: {who} holds {} {symbol}, {detail} needs {} {symbol}",
            format_amount(have, decimals),
            format_amount(need, decimals)
        ),
    )
    .hint("fund the wallet, or send a smaller amount")
}

fn rpc_message(e: &RpcError<TransportErrorKind>) -> Option<String> {
    e.as_error_resp().map(|p| p.message.to_ascii_lowercase())
}

/// Whether a send failed because another sender took the nonce.
fn is_nonce_conflict(e: &RpcError<TransportErrorKind>) -> bool {
    rpc_message(e).is_some_and(|m| {
        [
            "nonce too low",
            "replacement transaction underpriced",
            "already known",
            "known transaction",
            "nonce has already been used",
            "already imported",
        ]
        .iter()
        .any(|needle| m.contains(needle))
    })
}

fn is_insufficient_funds(e: &RpcError<TransportErrorKind>) -> bool {
    rpc_message(e).is_some_and(|m| m.contains("insufficient funds"))
}

/// Fills in fees and gas, and checks the wallet can pay. Reverts surface here (exit 4).
pub async fn prepare(s: &SignerChain, mut tx: TransactionRequest) -> Result<Prepared> {
    let url = &s.chain.rpc_url;
    tx.set_from(s.address);
    let fees = s
        .provider
        .estimate_eip1559_fees()
        .await
        .map_err(|e| describe_transport_error(url, &e))?;
    let max_fee_per_gas = tx.max_fee_per_gas.unwrap_or(fees.max_fee_per_gas);
    let max_priority_fee_per_gas = tx
        .max_priority_fee_per_gas
        .unwrap_or(fees.max_priority_fee_per_gas)
        .min(max_fee_per_gas);
    tx.max_fee_per_gas = Some(max_fee_per_gas);
    tx.max_priority_fee_per_gas = Some(max_priority_fee_per_gas);
    let symbol = native_symbol(s.chain.chain_id);
    let gas = match tx.gas {
        Some(g) => g,
        None => match s.provider.estimate_gas(tx.clone()).await {
            // A plain transfer costs exactly 21000; contract calls get 20% headroom.
            Ok(g) if g == 21_000 => g,
            Ok(g) => g + g / 5,
            Err(e) if is_insufficient_funds(&e) => {
                let have = s.chain.balance(s.address).await?;
                let need = tx.value.unwrap_or_default();
                return Err(insufficient_funds(
                    s.address,
                    have,
                    need,
                    18,
                    symbol,
                    "the value alone",
                ));
            }
            Err(e) => return Err(describe_transport_error(url, &e)),
        },
    };
    tx.gas = Some(gas);
    let p = Prepared {
        tx,
        gas,
        max_fee_per_gas,
        max_priority_fee_per_gas,
    };
    let have = s.chain.balance(s.address).await?;
    if have < p.max_total_cost() {
        let detail = format!(
            "sending {} {symbol} plus up to {} {symbol} for gas",
            format_amount(p.tx.value.unwrap_or_default(), 18),
            format_amount(p.max_gas_cost(), 18)
        );
        return Err(insufficient_funds(
            s.address,
            have,
            p.max_total_cost(),
            18,
            symbol,
            &detail,
        ));
    }
    Ok(p)
}

/// Sends a prepared transaction and waits for its receipt (see the module docs).
pub async fn send_prepared(
    s: &SignerChain,
    p: Prepared,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    let url = &s.chain.rpc_url;
    let mut attempt = 0;
    let (pending, nonce) = loop {
        let nonce = s
            .provider
            .get_transaction_count(s.address)
            .pending()
            .await
            .map_err(|e| crate::chain::unreachable(url, e))?;
        let mut tx = p.tx.clone();
        tx.set_nonce(nonce);
        match s.provider.send_transaction(tx).await {
            Ok(pending) => break (pending, nonce),
            Err(e) if is_nonce_conflict(&e) && attempt < NONCE_RETRIES => {
                attempt += 1;
                tracing::debug!("nonce {nonce} was taken by another sender; retrying ({attempt})");
                let jitter = rand::random::<u64>() % 150;
                tokio::time::sleep(Duration::from_millis(50 * u64::from(attempt) + jitter)).await;
            }
            Err(e) if is_insufficient_funds(&e) => {
                let have = s.chain.balance(s.address).await?;
                let symbol = native_symbol(s.chain.chain_id);
                return Err(insufficient_funds(
                    s.address,
                    have,
                    p.max_total_cost(),
                    18,
                    symbol,
                    "the transaction",
                ));
            }
            Err(e) => return Err(describe_transport_error(url, &e)),
        }
    };
    let hash = *pending.tx_hash();
    let task = progress.task(label, None, Unit::Steps);
    task.set_message(&format!("waiting for {hash}"));
    let receipt = pending
        .with_timeout(Some(RECEIPT_TIMEOUT))
        .get_receipt()
        .await;
    task.finish();
    let receipt = receipt.map_err(|e| {
        Error::unreachable(
            "chain.no_receipt",
            format!("no receipt for transaction {hash}"),
        )
        .cause(e)
        .hint("the transaction may still be mined: look it up by its hash before sending again")
    })?;
    if !receipt.status() {
        return Err(reverted_receipt(s, &p.tx, &receipt).await);
    }
    Ok(Confirmed {
        tx_hash: hash,
        block_number: receipt.block_number,
        gas_used: receipt.gas_used,
        effective_gas_price: receipt.effective_gas_price,
        nonce,
        receipt,
    })
}

/// Prepares, sends and confirms `tx` (see the module docs). `label` names the spinner.
pub async fn send_and_confirm(
    s: &SignerChain,
    tx: TransactionRequest,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    let p = prepare(s, tx).await?;
    send_prepared(s, p, label, progress).await
}

/// Describes a mined transaction with status 0 by replaying it as a call on the state before
/// its block.
async fn reverted_receipt(
    s: &SignerChain,
    tx: &TransactionRequest,
    r: &TransactionReceipt,
) -> Error {
    let hash = r.transaction_hash;
    let mut call = tx.clone();
    call.nonce = None;
    let at = r
        .block_number
        .map(|n| BlockId::number(n.saturating_sub(1)))
        .unwrap_or(BlockId::latest());
    let reason = match s.provider.call(call).block(at).await {
        Err(e) => e
            .as_error_resp()
            .and_then(|p| p.as_revert_data())
            .map(|d| decode_revert(&d).unwrap_or_else(|| format!("0x{}", hex::encode(&d)))),
        Ok(_) => None,
    };
    let msg = match reason {
        Some(r) => format!("transaction {hash} reverted: {r}"),
        None => format!("transaction {hash} reverted"),
    };
    Error::reverted("chain.revert", msg)
}
