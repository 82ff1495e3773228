//! Pay-per-use through the `UsageLedger` contract: a user's deposit (native coin or an ERC-20 the
//! model token takes as revenue), EIP-712 vouchers (signed off chain, one per request, each carrying
//! the cumulative amount of one asset owed to one provider for one model) and their settlement by
//! the provider.
//!
//! The voucher's EIP-712 hashing is alloy's (`SolStruct::eip712_signing_hash` of the `sol!`
//! binding's `Voucher`), checked in the tests against the contract's own `voucherDigest`.

use std::time::{SystemTime, UNIX_EPOCH};

use alloy::primitives::{Address, B256, Bytes, Signature, U256};
use alloy::signers::SignerSync;
use alloy::signers::local::PrivateKeySigner;
use alloy::sol_types::{Eip712Domain, SolStruct, eip712_domain};
use serde::{Deserialize, Serialize};

use crate::chain::bindings::UsageLedger;
use crate::chain::contract::{self, Contract};
use crate::chain::tx::TxRef;
use crate::chain::units::dec;
use crate::chain::{Chain, SignerChain};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::tokens::Asset;

/// The HTTP header a voucher travels in.
pub const VOUCHER_HEADER: &str = "X-Cohort-Voucher";

/// The ledger contract handle.
pub type Ledger = Contract<UsageLedger::UsageLedgerInstance<alloy::providers::DynProvider>>;

/// Opens the profile's ledger.
pub async fn open(chain: &Chain, address: Address) -> Result<Ledger> {
    Contract::open_at(chain.clone(), address).await
}

/// The EIP-712 domain of a ledger: binds vouchers to that contract on that chain.
pub fn domain(chain_id: u64, ledger: Address) -> Eip712Domain {
    eip712_domain! {
        name: "CohortUsageLedger",
        version: "1",
        chain_id: chain_id,
        verifying_contract: ledger,
    }
}

/// A signed voucher as it travels in the [`VOUCHER_HEADER`] (one line of JSON).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SignedVoucher {
    pub ledger: Address,
    pub chain_id: u64,
    pub token: Address,
    /// What it pays in: the zero address for the native coin, else an ERC-20.
    #[serde(default)]
    pub asset: Address,
    pub provider: Address,
    pub user: Address,
    /// Everything the user owes the provider for this model so far, in the asset's base units.
    #[serde(with = "dec")]
    pub cumulative: U256,
    /// Unix seconds after which the ledger refuses to settle it.
    pub expiry: u64,
    pub signature: Bytes,
}

/// Why a voucher is refused (the 402 reasons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoucherProblem {
    Malformed(String),
    WrongLedger { expected: Address, got: Address },
    WrongChain { expected: u64, got: u64 },
    WrongToken { expected: Address, got: Address },
    WrongAsset { expected: Address, got: Address },
    WrongProvider { expected: Address, got: Address },
    BadSignature,
    Expired { expiry: u64, now: u64 },
}

impl VoucherProblem {
    /// A short machine code.
    pub fn code(&self) -> &'static str {
        match self {
            VoucherProblem::Malformed(_) => "voucher_malformed",
            VoucherProblem::WrongLedger { .. } => "voucher_wrong_ledger",
            VoucherProblem::WrongChain { .. } => "voucher_wrong_chain",
            VoucherProblem::WrongToken { .. } => "voucher_wrong_token",
            VoucherProblem::WrongAsset { .. } => "voucher_wrong_asset",
            VoucherProblem::WrongProvider { .. } => "voucher_wrong_provider",
            VoucherProblem::BadSignature => "voucher_bad_signature",
            VoucherProblem::Expired { .. } => "voucher_expired",
        }
    }

    /// What is wrong, for people.
    pub fn message(&self) -> String {
        match self {
            VoucherProblem::Malformed(why) => format!("the voucher is malformed: {why}"),
            VoucherProblem::WrongLedger { expected, got } => {
                format!("the voucher is for ledger {got}; this server settles on {expected}")
            }
            VoucherProblem::WrongChain { expected, got } => {
                format!("the voucher is for chain {got}; this server settles on chain {expected}")
            }
            VoucherProblem::WrongToken { expected, got } => {
                format!("the voucher pays model token {got}; this server serves {expected}")
            }
            VoucherProblem::WrongAsset { expected, got } => {
                format!(
                    "the voucher pays in asset {got}; this server charges in {expected} (0x0…0 is the native coin)"
                )
            }
            VoucherProblem::WrongProvider { expected, got } => {
                format!("the voucher pays provider {got}; this server is {expected}")
            }
            VoucherProblem::BadSignature => {
                "the voucher's signature is not the user's (forged or altered)".to_string()
            }
            VoucherProblem::Expired { expiry, now } => {
                format!(
                    "the voucher expired at {} (unix time {expiry}; now {now})",
                    crate::jobs::utc(*expiry)
                )
            }
        }
    }
}

impl SignedVoucher {
    /// The contract struct.
    pub fn voucher(&self) -> UsageLedger::Voucher {
        UsageLedger::Voucher {
            token: self.token,
            asset: self.asset,
            provider: self.provider,
            user: self.user,
            cumulative: self.cumulative,
            expiry: self.expiry,
        }
    }

    /// The EIP-712 digest the user signed.
    pub fn digest(&self) -> B256 {
        self.voucher()
            .eip712_signing_hash(&domain(self.chain_id, self.ledger))
    }

    /// Parses the header value.
    pub fn parse(header: &str) -> std::result::Result<SignedVoucher, VoucherProblem> {
        serde_json::from_str(header.trim()).map_err(|e| VoucherProblem::Malformed(e.to_string()))
    }

    /// The header value (one line of JSON).
    pub fn to_header(&self) -> String {
        serde_json::to_string(self).expect("a voucher serializes")
    }

    /// Checks everything that needs no chain: ledger, chain, token, provider, expiry (with
    /// `min_validity` seconds left, so the provider can still settle it) and the signature.
    pub fn check(
        &self,
        expect: &Expected,
        now: u64,
        min_validity: u64,
    ) -> std::result::Result<(), VoucherProblem> {
        if self.ledger != expect.ledger {
            return Err(VoucherProblem::WrongLedger {
                expected: expect.ledger,
                got: self.ledger,
            });
        }
        if self.chain_id != expect.chain_id {
            return Err(VoucherProblem::WrongChain {
                expected: expect.chain_id,
                got: self.chain_id,
            });
        }
        if self.token != expect.token {
            return Err(VoucherProblem::WrongToken {
                expected: expect.token,
                got: self.token,
            });
        }
        if self.asset != expect.asset {
            return Err(VoucherProblem::WrongAsset {
                expected: expect.asset,
                got: self.asset,
            });
        }
        if self.provider != expect.provider {
            return Err(VoucherProblem::WrongProvider {
                expected: expect.provider,
                got: self.provider,
            });
        }
        if self.expiry < now.saturating_add(min_validity) {
            return Err(VoucherProblem::Expired {
                expiry: self.expiry,
                now,
            });
        }
        // Only what the ledger's ECDSA check takes (OpenZeppelin `ECDSA.tryRecover`): exactly 65
        // bytes, v of 27 or 28, s in the lower half of the curve order. alloy would also take v of
        // 0/1 or EIP-155 and a high s, vouchers the ledger refuses to settle.
        let sig = match self.signature.as_ref() {
            [.., 27 | 28] if self.signature.len() == 65 => {
                Signature::from_raw(&self.signature).map_err(|_| VoucherProblem::BadSignature)?
            }
            _ => return Err(VoucherProblem::BadSignature),
        };
        if sig.normalize_s().is_some() {
            return Err(VoucherProblem::BadSignature);
        }
        match sig.recover_address_from_prehash(&self.digest()) {
            Ok(a) if a == self.user => Ok(()),
            _ => Err(VoucherProblem::BadSignature),
        }
    }
}

/// What a server accepts: its ledger, chain, model token, asset and provider address.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Expected {
    pub ledger: Address,
    pub chain_id: u64,
    pub token: Address,
    /// The zero address for the native coin.
    pub asset: Address,
    pub provider: Address,
}

/// Signs a voucher for `cumulative` wei with the user's key.
pub fn sign(
    key: &PrivateKeySigner,
    terms: &Expected,
    cumulative: U256,
    expiry: u64,
) -> Result<SignedVoucher> {
    let mut v = SignedVoucher {
        ledger: terms.ledger,
        chain_id: terms.chain_id,
        token: terms.token,
        asset: terms.asset,
        provider: terms.provider,
        user: key.address(),
        cumulative,
        expiry,
        signature: Bytes::new(),
    };
    let sig = key
        .sign_hash_sync(&v.digest())
        .map_err(|e| Error::wallet("usage.sign", format!("signing the voucher failed: {e}")))?;
    v.signature = Bytes::from(sig.as_bytes().to_vec());
    Ok(v)
}

/// Unix seconds now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------- accounts

/// A user's account on the ledger.
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub ledger: Address,
    pub user: Address,
    /// The asset the account holds (zero: the native coin).
    pub asset: Address,
    /// The deposit, in the asset's base units.
    #[serde(with = "dec")]
    pub balance: U256,
    /// The deposit minus the pending withdrawal.
    #[serde(with = "dec")]
    pub available: U256,
    #[serde(with = "dec")]
    pub pending_withdrawal: U256,
    /// Unix seconds from which the pending withdrawal can be taken (0: none).
    pub withdrawal_ready_at: u64,
    pub withdraw_delay_secs: u64,
}

/// Reads a user's account in `asset` (zero: the native coin).
pub async fn account(ledger: &Ledger, user: Address, asset: Address) -> Result<Account> {
    let balance = ledger.call(ledger.read.balanceOf(user, asset)).await?;
    let available = ledger.call(ledger.read.available(user, asset)).await?;
    let w = ledger
        .call(ledger.read.pendingWithdrawal(user, asset))
        .await?;
    let delay = ledger.call(ledger.read.withdrawDelay()).await?;
    Ok(Account {
        ledger: ledger.address,
        user,
        asset,
        balance,
        available,
        pending_withdrawal: w.amount,
        withdrawal_ready_at: w.readyAt,
        withdraw_delay_secs: delay,
    })
}

/// What a channel (user, provider, token, asset) has settled so far.
pub async fn settled(
    ledger: &Ledger,
    user: Address,
    provider: Address,
    token: Address,
    asset: Address,
) -> Result<U256> {
    ledger
        .call(ledger.read.settled(user, provider, token, asset))
        .await
}

/// Deposits `amount` of `asset` into the signer's account. For an ERC-20 the ledger's allowance
/// is raised first when it is short (an `approve` of exactly the amount). A deposit pays: it is
/// recorded before it is broadcast, and a rerun after a crash (or a run alongside) waits for the
/// recorded transaction instead of paying again; the second value says so (`resumed`). The
/// record is gone once the receipt arrived, so a deliberate second deposit is sent.
pub async fn deposit(
    s: &SignerChain,
    ledger: &Ledger,
    asset: &Asset,
    amount: U256,
    progress: &dyn Progress,
) -> Result<(TxRef, bool)> {
    if amount.is_zero() {
        return Err(
            Error::usage("usage.zero_amount", "the amount must be positive")
                .hint("pass --amount A with A > 0, e.g. --amount 0.01"),
        );
    }
    let l = ledger.signed(s);
    let label = format!("depositing {} into the usage ledger", asset.format(amount));
    let intent = format!(
        "usage.deposit.{}.{}.{}.{}.{amount}",
        s.chain.chain_id, ledger.address, s.address, asset.address
    );
    let done = |c: crate::chain::tx::Confirmed| (TxRef::from(&c), c.resumed);
    if let Some(c) = crate::chain::tx::resume_intent(s, &intent, &label, progress).await? {
        return Ok(done(c));
    }
    if asset.native {
        let call = l.deposit().value(amount);
        return contract::send_once(s, &intent, call, &label, progress)
            .await
            .map(done);
    }
    crate::tokens::rewards::ensure_allowance(s, asset, ledger.address, amount, progress).await?;
    let call = l.depositToken(asset.address, amount);
    contract::send_once(s, &intent, call, &label, progress)
        .await
        .map(done)
}

/// Announces a withdrawal of `amount` of `asset` (taken with [`withdraw`] after the delay).
/// More than the deposit is refused before sending (exit 4, the contract would revert
/// `InsufficientBalance`), in the asset's units.
pub async fn announce_withdrawal(
    s: &SignerChain,
    ledger: &Ledger,
    asset: &Asset,
    amount: U256,
    progress: &dyn Progress,
) -> Result<TxRef> {
    if amount.is_zero() {
        return Err(
            Error::usage("usage.zero_amount", "the amount must be positive")
                .hint("pass --amount A with A > 0, e.g. --amount 0.01"),
        );
    }
    let balance = ledger
        .call(ledger.read.balanceOf(s.address, asset.address))
        .await?;
    if amount > balance {
        let sel = if asset.native {
            String::new()
        } else {
            format!(" --asset {}", asset.address)
        };
        return Err(Error::reverted(
            "usage.insufficient_deposit",
            format!(
                "cannot withdraw {}: {} has {} deposited in the usage ledger",
                asset.format(amount),
                s.address,
                asset.format(balance)
            ),
        )
        .hint(if balance.is_zero() {
            format!(
                "there is nothing to withdraw; see the account with `cohort usage balance{sel}`"
            )
        } else {
            format!(
                "withdraw at most {} (`cohort usage withdraw --amount {}{sel}`)",
                asset.format(balance),
                crate::chain::units::format_amount(balance, asset.decimals)
            )
        }));
    }
    let l = ledger.signed(s);
    let call = l.announceWithdrawal(asset.address, amount);
    contract::send(s, call, "announcing a withdrawal", progress)
        .await
        .map(|c| TxRef::from(&c))
}

/// The chain's time as the next block will see it: the latest block's timestamp, or the wall
/// clock when later (a chain that mines on demand keeps an old latest block).
async fn chain_now(s: &SignerChain) -> Result<u64> {
    Ok(chain_time(&s.chain).await?.max(now()))
}

/// Takes the announced withdrawal of `asset` (what is left of it after settlements).
pub async fn withdraw(
    s: &SignerChain,
    ledger: &Ledger,
    asset: Address,
    progress: &dyn Progress,
) -> Result<(TxRef, U256)> {
    let (amount, ready) = {
        let w = ledger
            .call(ledger.read.pendingWithdrawal(s.address, asset))
            .await?;
        (w.amount, w.readyAt)
    };
    // Refused before sending (the contract would revert `WithdrawalNotReady`): when, in words.
    let now = chain_now(s).await?;
    if ready > now {
        return Err(Error::reverted(
            "usage.withdrawal_not_ready",
            format!(
                "the announced withdrawal is ready at {} (unix time {ready}), in {} s",
                crate::jobs::utc(ready),
                ready - now
            ),
        )
        .hint("run `cohort usage withdraw` again then (vouchers you signed may still be settled from the deposit until then)"));
    }
    let intent = format!(
        "usage.withdraw.{}.{}.{asset}.{ready}",
        ledger.address, s.address
    );
    let l = ledger.signed(s);
    let call = l.withdraw(asset);
    let done = contract::send_once(
        s,
        &intent,
        call,
        "withdrawing from the usage ledger",
        progress,
    )
    .await?;
    let paid = done
        .receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<UsageLedger::Withdrawn>().ok())
        .map(|l| l.inner.data.amount)
        .unwrap_or(amount);
    Ok((TxRef::from(&done), paid))
}

/// One settlement's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Settlement {
    pub user: Address,
    pub token: Address,
    pub asset: Address,
    #[serde(with = "dec")]
    pub cumulative: U256,
    /// Taken from the user's deposit.
    #[serde(with = "dec")]
    pub paid: U256,
    /// To the provider.
    #[serde(with = "dec")]
    pub fee: U256,
    /// Deposited as revenue into the model token.
    #[serde(with = "dec")]
    pub to_holders: U256,
    /// What the voucher still owes after this settlement: the part the user's deposit did not
    /// cover (0 when it paid in full). It stays owed on the channel: a later settlement of the
    /// voucher collects it from a new deposit, until the voucher expires.
    #[serde(with = "dec")]
    pub unpaid: U256,
    pub tx: TxRef,
    /// Sent by an earlier run (interrupted while it waited for the receipt, or running
    /// alongside this one); this run found it recorded and waited for it: nothing was paid
    /// again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// The pending-transaction intent of settling `v` on `ledger`: one per channel and cumulative
/// amount.
fn settle_intent(ledger: Address, v: &SignedVoucher) -> String {
    format!(
        "usage.settle.{}.{}.{}.{}.{}",
        ledger, v.token, v.asset, v.user, v.cumulative
    )
}

/// The settlement of `v` its receipt reports (the `Settled` event).
fn settlement_of(v: &SignedVoucher, done: &crate::chain::tx::Confirmed) -> Result<Settlement> {
    let ev = done
        .receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<UsageLedger::Settled>().ok())
        .map(|l| l.inner.data)
        .ok_or_else(|| {
            Error::failed("usage.no_event", "the settlement emitted no Settled event")
        })?;
    Ok(Settlement {
        user: v.user,
        token: v.token,
        asset: v.asset,
        cumulative: v.cumulative,
        paid: ev.paid,
        fee: ev.fee,
        to_holders: ev.toHolders,
        unpaid: v.cumulative.saturating_sub(ev.settledTotal),
        tx: TxRef::from(done),
        resumed: done.resumed,
    })
}

/// Settles a voucher (the signer must be its provider). Sent once per (channel, cumulative):
/// a rerun after a crash waits for the recorded transaction instead of paying twice (the ledger
/// would refuse a second one anyway).
pub async fn settle(
    s: &SignerChain,
    ledger: &Ledger,
    v: &SignedVoucher,
    progress: &dyn Progress,
) -> Result<Settlement> {
    let intent = settle_intent(ledger.address, v);
    let l = ledger.signed(s);
    let call = l.settle(v.voucher(), v.signature.clone());
    let label = format!("settling {} (base units) from {}", v.cumulative, v.user);
    let done = contract::send_once(s, &intent, call, &label, progress).await?;
    settlement_of(v, &done)
}

/// Why a voucher was not settled: nothing in it can be settled now.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Its expiry has passed by the chain's clock: the ledger refuses it.
    Expired,
    /// The channel already settled its cumulative amount (or more).
    AlreadySettled,
    /// The user owes more but has no deposit of the voucher's asset left: the ledger would
    /// revert (`InsufficientBalance`). It settles once the user deposits again.
    EmptyDeposit,
}

/// A voucher not settled, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub user: Address,
    pub token: Address,
    pub asset: Address,
    #[serde(with = "dec")]
    pub cumulative: U256,
    pub reason: SkipReason,
    /// What the channel has settled so far.
    #[serde(with = "dec")]
    pub settled: U256,
    /// The voucher's expiry (unix seconds).
    pub expiry: u64,
    /// The same in words, with the amounts in the asset's units.
    pub message: String,
}

/// What [`settle_due`] did with a voucher.
#[derive(Debug, Clone)]
pub enum Outcome {
    Settled(Settlement),
    Skipped(Skipped),
}

/// The chain's clock: its latest block's timestamp (what a voucher's expiry is held against;
/// the block that settles it is no earlier).
pub async fn chain_time(chain: &Chain) -> Result<u64> {
    use alloy::providers::Provider;
    let b = chain
        .provider
        .get_block_by_number(alloy::eips::BlockNumberOrTag::Latest)
        .await
        .map_err(|e| crate::chain::unreachable(&chain.rpc_url, e))?;
    Ok(b.map(|b| b.header.timestamp).unwrap_or(0))
}

/// Settles `v` when something in it can be settled now, else says why not. First an earlier
/// run's settlement of the same voucher (interrupted while it waited for the receipt) is
/// finished and reported (`resumed`), whatever the ledger shows now, so that its record is
/// resolved and removed. Then, read from the chain before anything is sent: a voucher expired
/// by the chain's clock, one whose channel already settled its amount, and one whose user has no
/// deposit of its asset left are skipped. What is left is sent: the ledger pays what the deposit
/// covers (the rest, [`Settlement::unpaid`], stays owed). A revert that says the same as those
/// checks (a withdrawal or another settlement landed in between, the next block past the
/// expiry) is a skip too.
pub async fn settle_due(
    s: &SignerChain,
    ledger: &Ledger,
    v: &SignedVoucher,
    asset: &Asset,
    progress: &dyn Progress,
) -> Result<Outcome> {
    let intent = settle_intent(ledger.address, v);
    let label = format!("finishing an earlier settlement from {}", v.user);
    match crate::chain::tx::resume_intent(s, &intent, &label, progress).await {
        Ok(Some(done)) => return settlement_of(v, &done).map(Outcome::Settled),
        Ok(None) => {}
        // It reverted (its record is gone): the ledger's state says what is left to do.
        Err(e) if e.kind == crate::error::ErrorKind::Reverted => {
            tracing::debug!(
                "an earlier settlement from {} reverted: {}",
                v.user,
                e.message
            );
        }
        Err(e) => return Err(e),
    }
    let done = settled(ledger, v.user, v.provider, v.token, v.asset).await?;
    let skip = |reason: SkipReason, message: String| {
        Outcome::Skipped(Skipped {
            user: v.user,
            token: v.token,
            asset: v.asset,
            cumulative: v.cumulative,
            reason,
            settled: done,
            expiry: v.expiry,
            message,
        })
    };
    let expired = |now: u64| {
        skip(
            SkipReason::Expired,
            format!(
                "{}: the voucher for {} expired at {} (unix time {}; the chain's time is \
                 {now}): the ledger refuses it",
                v.user,
                asset.format(v.cumulative),
                crate::jobs::utc(v.expiry),
                v.expiry
            ),
        )
    };
    let already = |done: U256| {
        skip(
            SkipReason::AlreadySettled,
            format!("{}: already settled up to {}", v.user, asset.format(done)),
        )
    };
    let empty = || {
        skip(
            SkipReason::EmptyDeposit,
            format!(
                "{}: owes {} more but has no {} deposit left on the usage ledger: nothing to \
                 settle now (the voucher settles once they deposit again, until it expires at \
                 {} (unix time {}))",
                v.user,
                asset.format(v.cumulative.saturating_sub(done)),
                asset.symbol,
                crate::jobs::utc(v.expiry),
                v.expiry
            ),
        )
    };
    let now = chain_time(&s.chain).await?;
    if now > v.expiry {
        return Ok(expired(now));
    }
    if v.cumulative <= done {
        return Ok(already(done));
    }
    let balance = ledger.call(ledger.read.balanceOf(v.user, v.asset)).await?;
    if balance.is_zero() {
        return Ok(empty());
    }
    match settle(s, ledger, v, progress).await {
        Ok(settlement) => Ok(Outcome::Settled(settlement)),
        Err(e) => match e.revert() {
            Some("VoucherExpired") => Ok(expired(chain_time(&s.chain).await.unwrap_or(now))),
            Some("NothingToSettle") => Ok(already(
                settled(ledger, v.user, v.provider, v.token, v.asset)
                    .await
                    .unwrap_or(v.cumulative),
            )),
            Some("InsufficientBalance") => Ok(empty()),
            _ => Err(e),
        },
    }
}

/// The cost of `tokens` tokens at `price_per_1k` base units per thousand, rounded up.
pub fn cost(tokens: u64, price_per_1k: U256) -> U256 {
    (U256::from(tokens) * price_per_1k).div_ceil(U256::from(1000u64))
}

// ---------------------------------------------------------------------------------- results

/// `usage deposit`: the deposit's transaction and the account after it.
#[derive(Debug, Clone, Serialize)]
pub struct Deposited {
    pub tx: TxRef,
    pub account: Account,
    /// Sent by an earlier run (interrupted while it waited for the receipt, or running
    /// alongside this one) for the same ledger, asset, amount and wallet; this run found it
    /// recorded and waited for it: nothing was paid again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// `usage balance`: the account on the ledger and, with `--provider`, what that server keeps.
#[derive(Debug, Clone, Serialize)]
pub struct Balance {
    pub account: Account,
    pub provider: Option<crate::serve::client::ServerAccount>,
}

/// `usage withdraw --amount A`: the withdrawal announced and when it can be taken.
#[derive(Debug, Clone, Serialize)]
pub struct WithdrawalAnnounced {
    /// Wei, as a decimal string.
    #[serde(with = "dec")]
    pub announced: U256,
    /// Unix seconds from which `usage withdraw` pays it.
    pub ready_at: u64,
    pub tx: TxRef,
}

/// `usage withdraw`: what the announced withdrawal paid.
#[derive(Debug, Clone, Serialize)]
pub struct Withdrawn {
    /// Wei, as a decimal string.
    #[serde(with = "dec")]
    pub withdrawn: U256,
    pub tx: TxRef,
}

/// `usage voucher`: a signed voucher and the header that carries it.
#[derive(Debug, Clone, Serialize)]
pub struct VoucherOut {
    /// The HTTP header's name ([`VOUCHER_HEADER`]).
    pub header: String,
    pub voucher: SignedVoucher,
    /// The header's value (the voucher as one line of JSON).
    pub value: String,
}

impl VoucherOut {
    pub fn new(voucher: SignedVoucher) -> Self {
        let value = voucher.to_header();
        VoucherOut {
            header: VOUCHER_HEADER.to_string(),
            voucher,
            value,
        }
    }
}

/// A settlement that failed (the other vouchers were still settled).
#[derive(Debug, Clone, Serialize)]
pub struct SettleFailure {
    pub user: Address,
    pub token: Address,
    pub asset: Address,
    #[serde(with = "dec")]
    pub cumulative: U256,
    pub code: String,
    pub message: String,
    pub exit_code: i32,
    #[serde(skip)]
    pub error: Error,
}

impl SettleFailure {
    pub fn new(v: &SignedVoucher, error: Error) -> Self {
        SettleFailure {
            user: v.user,
            token: v.token,
            asset: v.asset,
            cumulative: v.cumulative,
            code: error.code.clone(),
            message: error.message.clone(),
            exit_code: error.exit_code(),
            error,
        }
    }
}

/// `model settle`: the settlements sent (or an earlier run's, finished), the vouchers skipped
/// with nothing to settle now, and the settlements that failed.
#[derive(Debug, Clone, Serialize)]
pub struct Settlements {
    /// Nothing was settled and nothing failed.
    pub nothing_to_settle: bool,
    pub settlements: Vec<Settlement>,
    pub skipped: Vec<Skipped>,
    pub failed: Vec<SettleFailure>,
}

impl Default for Settlements {
    fn default() -> Self {
        Settlements {
            nothing_to_settle: true,
            settlements: Vec::new(),
            skipped: Vec::new(),
            failed: Vec::new(),
        }
    }
}

impl Settlements {
    /// Adds what became of voucher `v`.
    pub fn record(&mut self, v: &SignedVoucher, r: Result<Outcome>) {
        match r {
            Ok(Outcome::Settled(s)) => self.settlements.push(s),
            Ok(Outcome::Skipped(s)) => self.skipped.push(s),
            Err(e) => self.failed.push(SettleFailure::new(v, e)),
        }
        self.nothing_to_settle = self.settlements.is_empty() && self.failed.is_empty();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Expected {
        Expected {
            ledger: Address::repeat_byte(1),
            chain_id: 31337,
            token: Address::repeat_byte(2),
            asset: Address::ZERO,
            provider: Address::repeat_byte(3),
        }
    }

    #[test]
    fn a_signed_voucher_checks_and_any_change_breaks_it() {
        let key = PrivateKeySigner::random();
        let v = sign(&key, &terms(), U256::from(1000u64), 2_000_000_000).unwrap();
        let parsed = SignedVoucher::parse(&v.to_header()).unwrap();
        assert_eq!(parsed, v);
        assert_eq!(v.check(&terms(), 1_000_000_000, 60), Ok(()));
        let mut forged = v.clone();
        forged.cumulative = U256::from(1001u64);
        assert_eq!(
            forged.check(&terms(), 0, 0),
            Err(VoucherProblem::BadSignature)
        );
        let mut other = v.clone();
        other.user = Address::repeat_byte(9);
        assert_eq!(
            other.check(&terms(), 0, 0),
            Err(VoucherProblem::BadSignature)
        );
        let mut t = terms();
        t.provider = Address::repeat_byte(4);
        assert!(matches!(
            v.check(&t, 0, 0),
            Err(VoucherProblem::WrongProvider { .. })
        ));
        let mut t = terms();
        t.asset = Address::repeat_byte(5);
        assert!(matches!(
            v.check(&t, 0, 0),
            Err(VoucherProblem::WrongAsset { .. })
        ));
        let mut in_usdc = v.clone();
        in_usdc.asset = Address::repeat_byte(5);
        assert_eq!(
            in_usdc.check(&t, 0, 0),
            Err(VoucherProblem::BadSignature),
            "the asset is signed"
        );
        assert!(matches!(
            v.check(&terms(), 2_000_000_000, 1),
            Err(VoucherProblem::Expired { .. })
        ));
    }

    #[test]
    fn a_voucher_the_ledger_would_not_settle_is_refused() {
        let key = PrivateKeySigner::random();
        let v = sign(&key, &terms(), U256::from(1000u64), 2_000_000_000).unwrap();
        assert!(matches!(v.signature.last(), Some(27 | 28)));
        // v = 0/1 (the same signature, another spelling alloy takes).
        let mut low_v = v.clone();
        let mut b = low_v.signature.to_vec();
        b[64] -= 27;
        low_v.signature = Bytes::from(b);
        assert_eq!(
            low_v.check(&terms(), 0, 0),
            Err(VoucherProblem::BadSignature)
        );
        // The high-s twin: (r, n − s) with the other parity recovers the same address.
        let sig = Signature::from_raw(&v.signature).unwrap();
        let n = alloy::primitives::U256::from_be_bytes(alloy::primitives::hex!(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
        ));
        let high = Signature::new(sig.r(), n - sig.s(), !sig.v());
        assert_eq!(
            high.recover_address_from_prehash(&v.digest()).unwrap(),
            key.address()
        );
        let mut high_s = v.clone();
        high_s.signature = Bytes::from(high.as_bytes().to_vec());
        assert_eq!(
            high_s.check(&terms(), 0, 0),
            Err(VoucherProblem::BadSignature)
        );
        let mut long = v.clone();
        let mut b = long.signature.to_vec();
        b.push(0);
        long.signature = Bytes::from(b);
        assert_eq!(
            long.check(&terms(), 0, 0),
            Err(VoucherProblem::BadSignature)
        );
        assert_eq!(v.check(&terms(), 0, 0), Ok(()));
    }

    #[test]
    fn cost_rounds_up() {
        assert_eq!(cost(1, U256::from(1000u64)), U256::from(1u64));
        assert_eq!(cost(1, U256::from(1u64)), U256::from(1u64));
        assert_eq!(cost(0, U256::from(7u64)), U256::ZERO);
        assert_eq!(cost(1500, U256::from(2000u64)), U256::from(3000u64));
    }

    #[test]
    fn the_voucher_result_carries_the_header_that_parses_back() {
        let key = PrivateKeySigner::random();
        let v = sign(&key, &terms(), U256::from(1000u64), 2_000_000_000).unwrap();
        let out = serde_json::to_value(VoucherOut::new(v.clone())).unwrap();
        assert_eq!(out["header"], VOUCHER_HEADER);
        assert_eq!(out["voucher"]["cumulative"], "1000");
        let value = out["value"].as_str().unwrap();
        assert_eq!(SignedVoucher::parse(value).unwrap(), v);
        let w = Withdrawn {
            withdrawn: U256::from(5u64),
            tx: TxRef {
                tx_hash: B256::repeat_byte(7),
                block_number: Some(1),
            },
        };
        assert_eq!(serde_json::to_value(w).unwrap()["withdrawn"], "5");
    }
}
