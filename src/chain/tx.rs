//! Sending a transaction and waiting for it, shared by every command that writes to the chain.
//!
//! [`send_and_confirm`] estimates EIP-1559 fees and gas (a call that would revert fails here,
//! exit 4, with the contract's error decoded), checks that the wallet can pay value plus the
//! most the gas may cost (exit 4 with both amounts), signs locally with the chain's *pending*
//! nonce and broadcasts the raw transaction. Two cohort processes sending from one wallet may
//! pick the same nonce; the loser gets "nonce too low", "replacement transaction underpriced"
//! or "already known" and signs again with a fresh pending nonce ([`super::retry`]), so both
//! land. The receipt is awaited behind a spinner; a transaction mined with status 0 is replayed
//! as a call to decode its revert reason.
//!
//! [`send_once`] is the same for writes that must never happen twice (fees, contributions, work
//! submissions, claims): the signed transaction is recorded under the signer's pending folder
//! before it is broadcast, and a rerun after a crash waits for it instead of signing another.
//! One payment per intent holds between processes too: the look for a record and the sign →
//! record → broadcast that follows when there is none happen under an exclusive lock (a file
//! beside the pending folder), so of identical runs started together one sends and the others
//! find its record and wait for its transaction (`resumed`). A record names the processes
//! waiting for its transaction; it goes when the last of them saw the receipt, and one killed
//! while it waited keeps it (its rerun takes that place and finds the transaction).

use std::time::Duration;

use alloy::eips::BlockId;
use alloy::network::{NetworkTransactionBuilder, TransactionBuilder};
use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use alloy::rpc::types::{TransactionReceipt, TransactionRequest};
use alloy::transports::{RpcError, TransportErrorKind};

use super::units::format_amount;
use crate::chain::{SignerChain, describe_transport_error};
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};
use serde::Serialize;

/// How often a send is retried after losing a nonce race.
pub const NONCE_RETRIES: u32 = 8;
/// How long to wait for a receipt before giving up (the transaction may still be mined).
pub const RECEIPT_TIMEOUT: Duration = Duration::from_secs(300);
/// How long the chain RPC may stay silent while a receipt is awaited before the wait gives up.
pub const OUTAGE_TOLERANCE: Duration = Duration::from_secs(30);
/// How often a wait for a receipt checks that the node still knows the transaction.
const KNOWN_EVERY: Duration = Duration::from_secs(5);
/// How often a long wait for a receipt says it is still waiting.
const WAIT_NOTE_EVERY: Duration = Duration::from_secs(30);

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

/// A sent transaction, as results show it.
#[derive(Debug, Clone, Serialize)]
pub struct TxRef {
    pub tx_hash: B256,
    pub block_number: Option<u64>,
}

impl From<&Confirmed> for TxRef {
    fn from(c: &Confirmed) -> Self {
        TxRef {
            tx_hash: c.tx_hash,
            block_number: c.block_number,
        }
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
    /// Sent by an earlier run (or another process) under the same intent: this call found it
    /// recorded and waited for it instead of sending one (see [`send_once`]).
    #[serde(skip)]
    pub resumed: bool,
    /// When `resumed`: when the earlier run recorded the transaction (unix seconds).
    #[serde(skip)]
    pub recorded_at: Option<u64>,
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

/// Whether a gas estimate failed because the sender's balance caps the gas it may buy: geth
/// and anvil answer "gas required exceeds allowance" when `(balance − value) / fee` is below
/// what the call needs (and also, with any balance, when it needs more than a block holds:
/// hence the balance check of the caller).
fn is_gas_allowance(e: &RpcError<TransportErrorKind>) -> bool {
    rpc_message(e).is_some_and(|m| m.contains("gas required exceeds allowance"))
}

/// Gas no call of cohort's comes near: a balance that buys this much at the fee offered is
/// not what capped an estimate.
const AMPLE_GAS: u64 = 30_000_000;

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
            Err(e) if is_gas_allowance(&e) => {
                let have = s.chain.balance(s.address).await?;
                let value = tx.value.unwrap_or_default();
                let ample = value + U256::from(max_fee_per_gas) * U256::from(AMPLE_GAS);
                if have >= ample {
                    return Err(describe_transport_error(url, &e));
                }
                return Err(Error::reverted(
                    "wallet.insufficient_funds",
                    format!(
                        "insufficient funds: {} holds {} {symbol}, too little to pay for the gas of this transaction{}",
                        s.address,
                        format_amount(have, 18),
                        if value.is_zero() {
                            String::new()
                        } else {
                            format!(" beside the {} {symbol} it sends", format_amount(value, 18))
                        }
                    ),
                )
                .hint("fund the wallet"));
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
    send_prepared_once(s, None, p, label, progress).await
}

/// [`send_prepared`] for a write that must never happen twice (a fee, a contribution, a work
/// submission, a claim): `intent` names it (`flow-submit:<flow>:<root>:<size>`). The signed
/// transaction is recorded under the signer's pending folder *before* it is broadcast; a rerun
/// after a crash finds it and waits for it (mined, pending, or broadcast again from the recorded
/// bytes) instead of signing a second one. Only when the recorded transaction can no longer land
/// (its nonce was used by another transaction) is a new one signed.
pub async fn send_prepared_once(
    s: &SignerChain,
    intent: Option<&str>,
    p: Prepared,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    let record = intent.and_then(|i| {
        s.pending_dir
            .as_deref()
            .map(|d| (d, pending::path(d, i), i))
    });
    // Held from the look for a record until this run's own record is saved and broadcast.
    let mut guard = None;
    if let Some((dir, path, _)) = &record {
        // A recorded transaction that can no longer land is dropped and the look repeated: a
        // run beside this one may have recorded the next one meanwhile.
        for _ in 0..=NONCE_RETRIES {
            let lock = lock(dir).await?;
            pending::sweep(dir);
            let Some(prev) = join_record(path)? else {
                guard = Some(lock);
                break;
            };
            drop(lock);
            if let Some(c) = finish_recorded(s, dir, path, &prev, label, progress).await? {
                return Ok(c);
            }
        }
        if guard.is_none() {
            return Err(nonce_taken(s));
        }
    }
    let task = progress.task(label, None, Unit::Steps);
    let sent = sign_and_broadcast(
        s,
        &p,
        record.as_ref().map(|(_, path, i)| (path.as_path(), *i)),
        &task,
    )
    .await;
    drop(guard);
    let sent = match sent {
        Ok(v) => v,
        Err(e) => {
            task.fail(&format!("{label}: not sent"));
            return Err(e);
        }
    };
    let (hash, nonce) = (sent.hash, sent.nonce);
    let receipt = wait_receipt(s, &sent, &task, progress).await;
    end_task(s, &task, label, hash, p.tx.value, receipt.as_ref().ok());
    let receipt = receipt?;
    if let Some((dir, path, _)) = &record {
        leave(dir, path, hash).await;
    }
    confirmed(s, &p.tx, hash, nonce, receipt).await
}

/// Prepares and sends `tx` once per `intent` (see [`send_prepared_once`]): a recorded earlier
/// transaction is looked up before anything is estimated or signed.
pub async fn send_once(
    s: &SignerChain,
    intent: &str,
    tx: TransactionRequest,
    label: &str,
    progress: &dyn Progress,
) -> Result<Confirmed> {
    if let Some(c) = resume_intent(s, intent, label, progress).await? {
        return Ok(c);
    }
    let p = prepare(s, tx).await?;
    send_prepared_once(s, Some(intent), p, label, progress).await
}

/// The outcome of an earlier transaction recorded for `intent`, if one may still land: waits for
/// it (or broadcasts it again) and returns it. `None` when there is no record, or when the
/// recorded transaction can no longer land (its record is then removed).
pub async fn resume_intent(
    s: &SignerChain,
    intent: &str,
    label: &str,
    progress: &dyn Progress,
) -> Result<Option<Confirmed>> {
    let Some(dir) = s.pending_dir.as_deref() else {
        return Ok(None);
    };
    let path = pending::path(dir, intent);
    let prev = {
        let _lock = lock(dir).await?;
        pending::sweep(dir);
        join_record(&path)?
    };
    match prev {
        Some(prev) => finish_recorded(s, dir, &path, &prev, label, progress).await,
        None => Ok(None),
    }
}

/// The lock of the pending folder `dir`: `pending-tx.lock` beside `pending-tx/`. Taken on a
/// blocking thread (another process may hold it while it signs and broadcasts).
async fn lock(dir: &std::path::Path) -> Result<crate::fsutil::Lock> {
    let mut name = dir
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "pending-tx".into());
    name.push(".lock");
    let path = dir.with_file_name(name);
    tokio::task::spawn_blocking(move || crate::fsutil::Lock::acquire(&path))
        .await
        .map_err(|e| {
            Error::failed(
                "chain.pending_lock",
                format!("locking {}: {e}", dir.display()),
            )
        })?
}

/// Under the lock: the record at `path`, with this process added to the runs waiting for its
/// transaction (in the place of one that died: its rerun, or a run of the same write that will
/// report it). `None` when there is none.
fn join_record(path: &std::path::Path) -> Result<Option<pending::Pending>> {
    let Some(mut prev) = pending::load(path)? else {
        return Ok(None);
    };
    if pending::join(&mut prev) {
        pending::save(path, &prev)?;
    }
    Ok(Some(prev))
}

/// Waits for the recorded transaction `prev` that this process joined ([`resume`]), then leaves
/// its record once the transaction landed (either way), drops it when it can never land, and
/// keeps it while the outcome is unknown.
async fn finish_recorded(
    s: &SignerChain,
    dir: &std::path::Path,
    path: &std::path::Path,
    prev: &pending::Pending,
    label: &str,
    progress: &dyn Progress,
) -> Result<Option<Confirmed>> {
    let out = resume(s, prev, label, progress).await;
    match &out {
        Ok(Some(_)) => leave(dir, path, prev.tx_hash).await,
        Err(e) if e.kind == crate::error::ErrorKind::Reverted => {
            leave(dir, path, prev.tx_hash).await
        }
        Ok(None) => {
            // Its nonce went to another transaction: nobody can wait for it any more.
            if let Ok(_lock) = lock(dir).await
                && let Ok(Some(p)) = pending::load(path)
                && p.tx_hash == prev.tx_hash
            {
                pending::remove(path);
            }
        }
        Err(_) => {}
    }
    out
}

/// This process saw the receipt of the recorded transaction `hash`: it leaves the runs waiting
/// for it, and the last one removes the record. A run killed while it waited stays named, so
/// the record stays for its rerun (which takes its place, finds the transaction and reports it
/// instead of paying again).
async fn leave(dir: &std::path::Path, path: &std::path::Path, hash: B256) {
    let _lock = match lock(dir).await {
        Ok(l) => l,
        Err(e) => {
            tracing::debug!("leaving the record of {hash}: {e}");
            return;
        }
    };
    match pending::load(path) {
        Ok(Some(mut p)) if p.tx_hash == hash => {
            let me = std::process::id();
            p.waiters.retain(|w| *w != me);
            if p.waiters.is_empty() {
                pending::remove(path);
            } else if let Err(e) = pending::save(path, &p) {
                tracing::debug!("leaving the record of {hash}: {e}");
            }
        }
        _ => {}
    }
}

/// Whether an earlier transaction is recorded for `intent` (one that may still land, or whose
/// outcome this signer has not yet looked at). Reads the record only; sends nothing.
pub fn has_record(s: &SignerChain, intent: &str) -> bool {
    s.pending_dir
        .as_ref()
        .is_some_and(|d| pending::path(d, intent).exists())
}

/// Resolves every recorded transaction whose intent starts with one of `prefixes` (waits for
/// it, broadcasts it again, or drops a record that can no longer land), before a caller that
/// may carry out the same work under another intent looks at the chain: a batch of storage
/// submissions grouped differently on a rerun is one. Returns how many were resolved; a
/// reverted one is not an error here (its work is simply not done).
pub async fn resume_all(
    s: &SignerChain,
    prefixes: &[String],
    label: &str,
    progress: &dyn Progress,
) -> Result<usize> {
    let Some(dir) = s.pending_dir.as_ref() else {
        return Ok(0);
    };
    let mut n = 0;
    for intent in pending::intents(dir) {
        if !prefixes.iter().any(|p| intent.starts_with(p.as_str())) {
            continue;
        }
        match resume_intent(s, &intent, label, progress).await {
            Ok(_) => n += 1,
            Err(e) if e.kind == crate::error::ErrorKind::Reverted => n += 1,
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Signs `p` with a fresh pending nonce, records it (when `record`, its file and intent, is
/// given: the caller holds the pending folder's lock, so the record cannot change in between),
/// and broadcasts it; a lost nonce race signs again with the next nonce, up to
/// [`NONCE_RETRIES`] times. Returns the transaction sent.
async fn sign_and_broadcast(
    s: &SignerChain,
    p: &Prepared,
    record: Option<(&std::path::Path, &str)>,
    task: &std::sync::Arc<dyn crate::progress::Task>,
) -> Result<SentTx> {
    let policy = super::retry::Policy {
        attempts: NONCE_RETRIES + 1,
        first_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(800),
    };
    let sent = super::retry::retry(
        policy,
        "sending",
        |e: &Attempt| matches!(e, Attempt::NonceTaken(_)),
        || sign_and_broadcast_once(s, p, record, task),
    )
    .await;
    match sent {
        Ok(v) => Ok(v),
        Err(Attempt::Failed(e)) => Err(e),
        Err(Attempt::NonceTaken(_)) => Err(nonce_taken(s)),
    }
}

fn nonce_taken(s: &SignerChain) -> Error {
    Error::failed(
        "chain.nonce_taken",
        format!(
            "the nonces of {} kept being taken by other transactions ({} tries)",
            s.address,
            NONCE_RETRIES + 1
        ),
    )
    .hint("another program is sending from this wallet: wait for it, then rerun")
}

/// One try of [`sign_and_broadcast`].
enum Attempt {
    /// Another transaction took this nonce: sign again with the next one.
    NonceTaken(u64),
    Failed(Error),
}

impl std::fmt::Display for Attempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Attempt::NonceTaken(n) => write!(f, "nonce {n} was taken by another sender"),
            Attempt::Failed(e) => f.write_str(&e.message),
        }
    }
}

/// A signed transaction that was broadcast (or may have been: its answer was lost).
struct SentTx {
    hash: B256,
    nonce: u64,
    /// The signed transaction (EIP-2718 bytes), to broadcast again when the node drops it.
    raw: Vec<u8>,
    /// Whether its intent is recorded: a rerun of the same command waits for it.
    recorded: bool,
}

/// What to do about a transaction `hash` whose outcome this run could not see: a recorded one
/// is found by a rerun of the same command, which waits for it instead of sending another.
fn rerun_hint(recorded: bool) -> String {
    if recorded {
        "the transaction may still be mined: rerun the same command to find out whether it \
         landed (it waits for this transaction instead of sending another: nothing is paid twice)"
            .to_string()
    } else {
        "the transaction may still be mined: check whether it landed before running the command \
         again"
            .to_string()
    }
}

/// The error for a broadcast whose answer never came (the connection dropped, the RPC stopped
/// answering): the transaction may have left, so the error names it (exit 3).
fn maybe_sent(hash: B256, recorded: bool, e: Error) -> Error {
    let mut out = Error::unreachable(
        "chain.tx_unknown",
        format!("transaction {hash} may have been sent: {}", e.message),
    );
    out.causes = e.causes;
    out.hint(rerun_hint(recorded))
}

/// The error for a transaction whose receipt did not come: `why` says what happened.
fn no_receipt(hash: B256, recorded: bool, why: &str) -> Error {
    Error::unreachable(
        "chain.no_receipt",
        format!("no receipt for transaction {hash}: {why}"),
    )
    .hint(rerun_hint(recorded))
}

async fn sign_and_broadcast_once(
    s: &SignerChain,
    p: &Prepared,
    record: Option<(&std::path::Path, &str)>,
    task: &std::sync::Arc<dyn crate::progress::Task>,
) -> std::result::Result<SentTx, Attempt> {
    use alloy::eips::eip2718::Encodable2718;
    let url = &s.chain.rpc_url;
    let nonce = s
        .provider
        .get_transaction_count(s.address)
        .pending()
        .await
        .map_err(|e| Attempt::Failed(crate::chain::unreachable(url, e)))?;
    let mut tx = p.tx.clone();
    tx.set_nonce(nonce);
    tx.set_chain_id(s.chain.chain_id);
    let envelope = tx.build(&s.wallet).await.map_err(|e| {
        Attempt::Failed(Error::wallet(
            "wallet.sign",
            format!("signing the transaction failed: {e}"),
        ))
    })?;
    let hash = *envelope.tx_hash();
    let raw = envelope.encoded_2718();
    if let Some((path, intent)) = record {
        let rec = pending::Pending {
            tx_hash: hash,
            nonce,
            from: s.address,
            raw: format!("0x{}", hex::encode(&raw)),
            intent: Some(intent.to_string()),
            waiters: vec![std::process::id()],
            created: Some(pending::now()),
        };
        pending::save(path, &rec).map_err(Attempt::Failed)?;
    }
    task.set_message(&format!("sending {hash}"));
    let sent = SentTx {
        hash,
        nonce,
        raw: raw.clone(),
        recorded: record.is_some(),
    };
    match s.provider.send_raw_transaction(&raw).await {
        Ok(_) => Ok(sent),
        Err(e) if is_nonce_conflict(&e) => {
            // This exact signed transaction is known ("already known", or mined: "nonce too
            // low"): this run's own, delivered by an attempt whose answer was lost or busy (the
            // chain client sends a request again when the RPC answers busy), or the identical
            // write another process signed with the same nonce (signatures are deterministic;
            // recorded writes of one intent are kept apart by its lock). One transaction
            // either way, and this run waits for it rather than making the write twice.
            let known = s.provider.get_transaction_by_hash(hash).await;
            if known.ok().flatten().is_some() {
                return Ok(sent);
            }
            Err(Attempt::NonceTaken(nonce))
        }
        Err(e) if is_insufficient_funds(&e) => {
            if let Some((path, _)) = record {
                pending::remove(path);
            }
            let have = s.chain.balance(s.address).await.map_err(Attempt::Failed)?;
            let symbol = native_symbol(s.chain.chain_id);
            Err(Attempt::Failed(insufficient_funds(
                s.address,
                have,
                p.max_total_cost(),
                18,
                symbol,
                "the transaction",
            )))
        }
        Err(e) if e.as_error_resp().is_some() => {
            // The node answered and refused it: nothing left.
            if let Some((path, _)) = record {
                pending::remove(path);
            }
            Err(Attempt::Failed(describe_transport_error(url, &e)))
        }
        Err(e) => {
            // No answer (a dropped connection, a garbled reply): it may still have been
            // delivered. The record stays, and a rerun looks the transaction up before
            // signing another; the error names it.
            let err = match describe_transport_error(url, &e) {
                err if err.kind == crate::error::ErrorKind::Unreachable => err,
                err => crate::chain::unreachable(url, &err.message),
            };
            Err(Attempt::Failed(maybe_sent(hash, record.is_some(), err)))
        }
    }
}

/// Finds what became of a recorded transaction: its receipt (mined), or pending (waited for),
/// or unknown to the node (broadcast again from the recorded bytes). `None` when it can never
/// land because its nonce was used by another transaction: then a new one may be signed.
async fn resume(
    s: &SignerChain,
    prev: &pending::Pending,
    label: &str,
    progress: &dyn Progress,
) -> Result<Option<Confirmed>> {
    let url = &s.chain.rpc_url;
    let hash = prev.tx_hash;
    let task = progress.task(label, None, Unit::Steps);
    task.set_message(&format!("found earlier transaction {hash}"));
    // Any failure from here on leaves the earlier transaction's fate open: the error names it.
    let unknown = |e: Error| maybe_sent(hash, true, e);
    let raw = hex::decode(prev.raw.trim_start_matches("0x")).map_err(|e| {
        Error::failed(
            "chain.pending_record",
            format!("the pending record of {hash} is damaged: {e}"),
        )
    })?;
    let known = s
        .provider
        .get_transaction_by_hash(hash)
        .await
        .map_err(|e| unknown(crate::chain::unreachable(url, e)))?
        .is_some();
    if !known && let Err(e) = s.provider.send_raw_transaction(&raw).await {
        if !is_nonce_conflict(&e) {
            task.fail(&format!(
                "{label}: earlier transaction {hash} not sent again"
            ));
            return Err(unknown(describe_transport_error(url, &e)));
        }
        // Its nonce is used: by this transaction (mined) or by another one.
        let mined = s
            .provider
            .get_transaction_receipt(hash)
            .await
            .map_err(|e| unknown(crate::chain::unreachable(url, e)))?;
        if mined.is_none() {
            task.finish_with(&format!(
                "earlier transaction {} was replaced; signing a new one",
                crate::progress::short_hash(&hash.to_string())
            ));
            tracing::debug!("earlier transaction {hash} can no longer land; signing anew");
            return Ok(None);
        }
    }
    let sent = SentTx {
        hash,
        nonce: prev.nonce,
        raw,
        recorded: true,
    };
    let receipt = wait_receipt(s, &sent, &task, progress).await;
    end_task(s, &task, label, hash, None, receipt.as_ref().ok());
    let receipt = receipt?;
    let mut tx = TransactionRequest::default();
    tx.set_from(prev.from);
    let mut c = confirmed(s, &tx, hash, prev.nonce, receipt).await?;
    c.resumed = true;
    c.recorded_at = prev.created;
    Ok(Some(c))
}

/// Ends a transaction's task with its outcome: `submitted x (tx 0x55da…b516, paid 0.0015 ETH +
/// 0.0001 ETH gas)`, or `(tx …, gas 0.0001 ETH)` for a transaction without value; `✗` when it reverted or no receipt came.
fn end_task(
    s: &SignerChain,
    task: &std::sync::Arc<dyn crate::progress::Task>,
    label: &str,
    hash: B256,
    value: Option<U256>,
    receipt: Option<&TransactionReceipt>,
) {
    let short = crate::progress::short_hash(&hash.to_string());
    match receipt {
        Some(r) if r.status() => {
            let sym = native_symbol(s.chain.chain_id);
            let gas = U256::from(r.gas_used) * U256::from(r.effective_gas_price);
            let gas = format!("{} {sym}", super::units::format_short(gas, 18));
            let paid = match value.filter(|v| !v.is_zero()) {
                Some(v) => format!(
                    "paid {} {sym} + {gas} gas",
                    super::units::format_short(v, 18)
                ),
                None => format!("gas {gas}"),
            };
            task.finish_with(&format!(
                "{} (tx {short}, {paid})",
                crate::progress::past(label).unwrap_or_else(|| label.to_string()),
            ));
        }
        Some(_) => task.fail(&format!("{label}: tx {short} reverted")),
        None => task.fail(&format!("{label}: no receipt for tx {short}")),
    }
}

/// Transactions this process broadcast and is waiting for: (hash, whether its intent is
/// recorded). An interruption (Ctrl-C) names them ([`Error::interrupted`]); a wait that is
/// dropped unfinished leaves its entry, as the transaction is then still out there.
static IN_FLIGHT: std::sync::Mutex<Vec<(B256, bool)>> = std::sync::Mutex::new(Vec::new());

/// The transactions this process sent and was still waiting for: (hash, whether a rerun of the
/// same command finds it recorded and waits for it instead of sending another).
pub fn in_flight() -> Vec<(B256, bool)> {
    IN_FLIGHT.lock().map(|v| v.clone()).unwrap_or_default()
}

/// Waits for the receipt of `sent` (up to [`RECEIPT_TIMEOUT`]), noting every
/// [`WAIT_NOTE_EVERY`] that it still waits. Every [`KNOWN_EVERY`] it checks that the node still
/// knows the transaction: one dropped from the node's pool is broadcast again from its signed
/// bytes while its nonce is free, and one whose nonce another transaction used ends the wait.
/// An RPC that stops answering is polled on for up to [`OUTAGE_TOLERANCE`].
async fn wait_receipt(
    s: &SignerChain,
    sent: &SentTx,
    task: &std::sync::Arc<dyn crate::progress::Task>,
    progress: &dyn Progress,
) -> Result<TransactionReceipt> {
    let hash = sent.hash;
    task.set_message(&format!("waiting for {hash}"));
    if let Ok(mut v) = IN_FLIGHT.lock() {
        v.push((hash, sent.recorded));
    }
    let receipt = poll_receipt(s, sent, progress).await;
    if let Ok(mut v) = IN_FLIGHT.lock()
        && let Some(i) = v.iter().position(|(h, _)| *h == hash)
    {
        v.remove(i);
    }
    receipt
}

async fn poll_receipt(
    s: &SignerChain,
    sent: &SentTx,
    progress: &dyn Progress,
) -> Result<TransactionReceipt> {
    let url = &s.chain.rpc_url;
    let shown = crate::redact::url(url);
    let hash = sent.hash;
    let every = s
        .provider
        .client()
        .poll_interval()
        .min(Duration::from_secs(3));
    let start = std::time::Instant::now();
    let (mut checked, mut noted) = (start, start);
    let mut down_since: Option<std::time::Instant> = None;
    loop {
        match s.provider.get_transaction_receipt(hash).await {
            Ok(Some(r)) => return Ok(r),
            Ok(None) => {
                if down_since.take().is_some() {
                    progress.note(&format!(
                        "the chain RPC at {shown} answers again; waiting for transaction {hash}"
                    ));
                }
            }
            Err(e) if e.as_error_resp().is_none() => {
                let since = *down_since.get_or_insert_with(|| {
                    progress.note(&format!(
                        "the chain RPC at {shown} did not answer ({}); asking again for up to {} s",
                        crate::redact::text_with(&e.to_string(), url),
                        OUTAGE_TOLERANCE.as_secs()
                    ));
                    std::time::Instant::now()
                });
                if since.elapsed() >= OUTAGE_TOLERANCE {
                    return Err(no_receipt(
                        hash,
                        sent.recorded,
                        &format!(
                            "the chain RPC at {shown} stopped answering for {} s while it was awaited",
                            since.elapsed().as_secs()
                        ),
                    )
                    .cause(crate::redact::text_with(&e.to_string(), url)));
                }
            }
            Err(e) => {
                let err = describe_transport_error(url, &e);
                return Err(no_receipt(hash, sent.recorded, &err.message));
            }
        }
        if down_since.is_none() && checked.elapsed() >= KNOWN_EVERY {
            checked = std::time::Instant::now();
            still_known(s, sent, progress).await?;
        }
        if noted.elapsed() >= WAIT_NOTE_EVERY {
            noted = std::time::Instant::now();
            progress.note(&format!(
                "waiting for transaction {hash} ({} s)",
                start.elapsed().as_secs()
            ));
        }
        if start.elapsed() >= RECEIPT_TIMEOUT {
            return Err(no_receipt(
                hash,
                sent.recorded,
                &format!("none came within {} s", RECEIPT_TIMEOUT.as_secs()),
            ));
        }
        tokio::time::sleep(every).await;
    }
}

/// Checks that the node still knows `sent`: one it dropped from its pool is broadcast again
/// (noted) while its nonce is free; an error when another transaction used its nonce. A check
/// the RPC does not answer is left to the next one.
async fn still_known(s: &SignerChain, sent: &SentTx, progress: &dyn Progress) -> Result<()> {
    let hash = sent.hash;
    match s.provider.get_transaction_by_hash(hash).await {
        Ok(None) => {}
        _ => return Ok(()),
    }
    let Ok(used) = s.provider.get_transaction_count(s.address).latest().await else {
        return Ok(());
    };
    if used > sent.nonce {
        // Its nonce is used: by this transaction (its receipt is about to show) or another.
        return match s.provider.get_transaction_receipt(hash).await {
            Ok(None) => Err(Error::failed(
                "chain.tx_replaced",
                format!(
                    "transaction {hash} can no longer land: its nonce {} was used by another transaction from {}",
                    sent.nonce, s.address
                ),
            )
            .hint(if sent.recorded {
                "another program sent from this wallet: rerun the same command, which finds the nonce used and sends a new transaction"
            } else {
                "another program sent from this wallet: check what it did, then rerun the command"
            })),
            _ => Ok(()),
        };
    }
    match s.provider.send_raw_transaction(&sent.raw).await {
        Ok(_) => progress.note(&format!(
            "transaction {hash} was no longer known to the node (dropped from its pool): sent it again"
        )),
        Err(e) => tracing::debug!("sending {hash} again: {e}"),
    }
    Ok(())
}

async fn confirmed(
    s: &SignerChain,
    tx: &TransactionRequest,
    hash: B256,
    nonce: u64,
    receipt: TransactionReceipt,
) -> Result<Confirmed> {
    if !receipt.status() {
        return Err(reverted_receipt(s, tx, &receipt).await);
    }
    Ok(Confirmed {
        tx_hash: hash,
        block_number: receipt.block_number,
        gas_used: receipt.gas_used,
        effective_gas_price: receipt.effective_gas_price,
        nonce,
        receipt,
        resumed: false,
        recorded_at: None,
    })
}

/// The time now in unix seconds, as pending records note it.
pub fn pending_now() -> u64 {
    pending::now()
}

/// Signed transactions recorded before they are broadcast, one file per intent.
mod pending {
    use std::path::{Path, PathBuf};

    use alloy::primitives::{Address, B256};
    use serde::{Deserialize, Serialize};

    use crate::error::{Error, Result};

    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct Pending {
        pub tx_hash: B256,
        pub nonce: u64,
        pub from: Address,
        /// The signed transaction (EIP-2718 bytes, hex).
        pub raw: String,
        /// The intent it carries out (absent in records of older versions).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub intent: Option<String>,
        /// The processes (ids) that wait for this transaction: the one that sent it and the
        /// runs of the same write that found it recorded. The last to see its receipt removes
        /// the record; one killed while it waited stays named.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub waiters: Vec<u32>,
        /// When it was recorded (unix seconds; absent in records of older versions, whose
        /// file's modification time stands in).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub created: Option<u64>,
    }

    /// The time now, in unix seconds.
    pub fn now() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    /// Adds this process to `p`'s waiters, in the place of one no longer running if there is
    /// one (a killed run's rerun is this run, or this run reports what the killed one waited
    /// for). Whether `p` changed.
    pub fn join(p: &mut Pending) -> bool {
        let me = std::process::id();
        if p.waiters.contains(&me) {
            return false;
        }
        match p.waiters.iter_mut().find(|w| !running(**w)) {
            Some(w) => *w = me,
            None => p.waiters.push(me),
        }
        true
    }

    /// Whether process `pid` runs (a process that cannot be signalled is taken as running).
    fn running(pid: u32) -> bool {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        pid > 0
            && (unsafe { libc::kill(pid, 0) } == 0
                || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH))
    }

    /// The intents of the records in `dir` (those that name theirs), sorted.
    pub fn intents(dir: &Path) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut out: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| load(&e.path()).ok().flatten()?.intent)
            .collect();
        out.sort();
        out
    }

    /// The record of `intent`: a file named by the intent's hash (intents carry `:` and roots).
    pub fn path(dir: &Path, intent: &str) -> PathBuf {
        let h = blake3::hash(intent.as_bytes());
        dir.join(format!("{}.json", &h.to_hex()[..32]))
    }

    pub fn load(path: &Path) -> Result<Option<Pending>> {
        match std::fs::read(path) {
            Ok(b) => serde_json::from_slice::<Pending>(&b)
                .map(|mut p| {
                    if p.created.is_none() {
                        p.created = std::fs::metadata(path)
                            .and_then(|m| m.modified())
                            .ok()
                            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                            .map(|d| d.as_secs());
                    }
                    Some(p)
                })
                .map_err(|e| {
                    Error::failed(
                        "chain.pending_record",
                        format!(
                            "{} is not a pending-transaction record: {e}",
                            path.display()
                        ),
                    )
                    .hint("if no transaction of it can still land, delete the file and rerun")
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", path, e)),
        }
    }

    /// Removes the temporary files of records that a process killed mid-write left (a record
    /// holds a signed transaction); another live process's are left alone. Every recorded
    /// transaction is looked up first ([`super::resume_intent`]), so this runs before each.
    pub fn sweep(dir: &Path) {
        for p in crate::fsutil::remove_stale_temps(dir) {
            tracing::info!(path = %p.display(), "removed a stale temporary record");
        }
    }

    pub fn save(path: &Path, p: &Pending) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        let bytes = serde_json::to_vec_pretty(p).expect("pending record serializes");
        crate::fsutil::write_atomic(path, &bytes, 0o600)
    }

    pub fn remove(path: &Path) {
        let _ = std::fs::remove_file(path);
    }
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

/// Describes a mined transaction with status 0 by replaying it as a call: on the state before its
/// block, and where it passes there (a transaction earlier in the same block made it revert: two
/// senders raced for one change), on the state after its block.
async fn reverted_receipt(
    s: &SignerChain,
    tx: &TransactionRequest,
    r: &TransactionReceipt,
) -> Error {
    let hash = r.transaction_hash;
    let msg = format!("transaction {hash} reverted");
    let mut call = tx.clone();
    call.nonce = None;
    let Some(n) = r.block_number else {
        return replay(s, &call, BlockId::latest(), &msg)
            .await
            .unwrap_or_else(|| Error::reverted("chain.revert", msg));
    };
    for at in [n.saturating_sub(1), n] {
        if let Some(e) = replay(s, &call, BlockId::number(at), &msg).await {
            return e;
        }
    }
    Error::reverted("chain.revert", msg)
}

/// The decoded revert of `call` on the state at `at`, if it reverts with data there.
async fn replay(
    s: &SignerChain,
    call: &TransactionRequest,
    at: BlockId,
    msg: &str,
) -> Option<Error> {
    let e = s.provider.call(call.clone()).block(at).await.err()?;
    let data = e.as_error_resp().and_then(|p| p.as_revert_data())?;
    Some(super::revert::reverted(&data, msg))
}

#[cfg(test)]
mod tests {
    use super::pending::{Pending, join};

    fn record(waiters: Vec<u32>) -> Pending {
        Pending {
            tx_hash: Default::default(),
            nonce: 0,
            from: Default::default(),
            raw: "0x".into(),
            intent: Some("send:x".into()),
            waiters,
            created: None,
        }
    }

    /// The id of a process that ran and was reaped.
    fn dead_pid() -> u32 {
        let mut c = std::process::Command::new("true").spawn().unwrap();
        let pid = c.id();
        c.wait().unwrap();
        pid
    }

    #[test]
    fn a_run_joins_a_record_once_and_takes_the_place_of_a_dead_waiter() {
        let me = std::process::id();
        // A record of an older version names no waiter.
        let mut p = record(Vec::new());
        assert!(join(&mut p));
        assert_eq!(p.waiters, [me]);
        assert!(!join(&mut p), "joined twice");
        assert_eq!(p.waiters, [me]);
        // Beside a live waiter (pid 1 runs), this run is one more.
        let mut p = record(vec![1]);
        assert!(join(&mut p));
        assert_eq!(p.waiters, [1, me]);
        // A killed waiter's place is taken (its rerun reports the transaction it waited for).
        let dead = dead_pid();
        let mut p = record(vec![1, dead]);
        assert!(join(&mut p));
        assert_eq!(p.waiters, [1, me]);
        // Records without waiters serialize as before.
        let v = serde_json::to_value(record(Vec::new())).unwrap();
        assert!(v.get("waiters").is_none(), "{v}");
    }
}
