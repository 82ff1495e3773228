//! The server's side of pay-per-use: checking the voucher of each request against what the user
//! was served so far, reserving the request's most expensive outcome, charging what it really
//! cost, and settling the best voucher of each user on the ledger.
//!
//! Per user the server keeps the highest voucher seen (`signed`), what it really charged
//! (`spent`; a user it has no record of starts at what the channel already settled on chain,
//! since another server of the same provider may have served that) and what requests in flight
//! reserved. A request is served when `max(signed, settled) ≥ spent + reserved + its cost at
//! most` and the user's available deposit covers that beyond what was settled. Settling takes a
//! voucher's whole cumulative amount (the ledger pays `cumulative − settled`), so what was
//! settled but not yet served stays the user's credit here: the same voucher keeps serving until
//! it is used. The chain reads (deposit, settled) are cached for [`CHAIN_TTL`]; the checks
//! themselves are in memory. The best voucher of each user not yet fully settled or used is kept
//! in a file (for `cohort model settle`) with what was charged (requests in flight at their
//! most), which a restarted server loads first; a line of an older version, without what was
//! charged, counts as served up to the voucher's amount.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use alloy::primitives::{Address, U256};
use serde::Serialize;

use crate::chain::SignerChain;
use crate::chain::units::dec;
use crate::error::Result;
use crate::progress::Progress;
use crate::usage::{self, Expected, Ledger, Settlement, SignedVoucher, VoucherProblem};

/// How long the chain's view of a user (deposit, settled) is reused.
pub const CHAIN_TTL: Duration = Duration::from_secs(2);

/// A refused payment: the 402 body's reason and numbers.
#[derive(Debug, Clone, Serialize)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
    /// Wei the voucher's cumulative amount must reach for this request.
    #[serde(with = "dec", skip_serializing_if = "U256::is_zero")]
    pub required: U256,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    /// Not the payment's fault: the server cannot check it now (its chain RPC fails), a 503
    /// to retry, not a 402.
    #[serde(skip)]
    pub unavailable: bool,
}

/// What a client needs to pay this server: where and how much.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Terms {
    pub ledger: Address,
    pub chain_id: u64,
    pub token: Address,
    pub provider: Address,
    /// What the server charges in: the zero address for the native coin, else an ERC-20 the
    /// model token takes as revenue.
    #[serde(default)]
    pub asset: Address,
    #[serde(default = "native_symbol")]
    pub asset_symbol: String,
    #[serde(default = "native_decimals")]
    pub asset_decimals: u8,
    /// Base units of the asset per 1000 tokens (prompt and completion).
    #[serde(with = "dec")]
    pub price_per_1k: U256,
    /// Seconds a voucher must still be valid for when it arrives.
    pub min_validity_secs: u64,
}

fn native_symbol() -> String {
    "ETH".to_string()
}

fn native_decimals() -> u8 {
    18
}

impl Terms {
    pub fn expected(&self) -> Expected {
        Expected {
            ledger: self.ledger,
            chain_id: self.chain_id,
            token: self.token,
            asset: self.asset,
            provider: self.provider,
        }
    }

    /// The asset the server charges in.
    pub fn asset(&self) -> crate::tokens::Asset {
        crate::tokens::Asset {
            address: self.asset,
            symbol: self.asset_symbol.clone(),
            decimals: self.asset_decimals,
            native: self.asset == Address::ZERO,
            unreadable: false,
        }
    }
}

#[derive(Debug, Default, Clone)]
struct User {
    best: Option<SignedVoucher>,
    /// What this server charged; set when the user is first seen (from the vouchers file, else
    /// what the channel settled), then raised by each request.
    spent: U256,
    /// Whether `spent` was set (see above).
    known: bool,
    reserved: U256,
    settled: U256,
    available: U256,
    read_at: Option<Instant>,
    tokens: u64,
    requests: u64,
}

/// One user's numbers, as `GET /v1/cohort/account` and the stats show them.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub user: Address,
    /// The highest cumulative amount the user signed.
    #[serde(with = "dec")]
    pub signed: U256,
    /// What this server charged (for a user it had no record of, counted from what the channel
    /// had settled when it first saw them).
    #[serde(with = "dec")]
    pub spent: U256,
    /// What the ledger settled on this channel.
    #[serde(with = "dec")]
    pub settled: U256,
    /// Requests served (and charged); one refused (402, 429) or failed before it was served
    /// does not count.
    pub requests: u64,
    pub tokens: u64,
}

/// Totals since start: of requests served (a request refused or failed before it was served
/// counts nowhere).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub requests: u64,
    pub tokens: u64,
    /// Vouchers accepted for a request that was then served.
    pub vouchers: u64,
    pub settlements: u64,
    #[serde(with = "dec")]
    pub settled_paid: U256,
    #[serde(with = "dec")]
    pub settled_fees: U256,
    #[serde(with = "dec")]
    pub settled_to_holders: U256,
}

/// A reservation for one request; [`Payments::finish`] charges it.
#[derive(Debug)]
pub struct Reservation {
    pub user: Address,
    pub reserved: U256,
    /// The most tokens the request may generate: what it asked, or less for a default cut to
    /// the user's credit ([`Ask::least`]).
    pub max_tokens: u64,
}

/// What a request asks to be served: its prompt's tokens and at most `max_tokens` more, each
/// at the price.
#[derive(Debug, Clone)]
pub struct Ask {
    pub prompt: u64,
    pub max_tokens: u64,
    /// `max_tokens` is a default the request did not name: when the user's credit does not
    /// cover it, the request is served for as many tokens as the credit covers, as long as that
    /// is at least this many (else it is refused as for the whole `max_tokens`).
    pub least: Option<u64>,
}

/// The most tokens `credit` pays for at `price_per_1k` ([`usage::cost`] rounds up):
/// `u64::MAX` when they are free.
fn tokens_covered(credit: U256, price_per_1k: U256) -> u64 {
    if price_per_1k.is_zero() {
        return u64::MAX;
    }
    let n = credit.saturating_mul(U256::from(1000u64)) / price_per_1k;
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The payment state of a paid server.
pub struct Payments {
    pub terms: Terms,
    ledger: Ledger,
    signer: SignerChain,
    users: Mutex<HashMap<Address, User>>,
    totals: Mutex<Totals>,
    unsettled_vouchers: std::sync::atomic::AtomicU64,
    /// Where the best vouchers are kept until settled (for `cohort model settle` after a crash).
    vouchers_file: Option<std::path::PathBuf>,
    dirty: std::sync::atomic::AtomicBool,
}

impl Payments {
    pub fn new(
        terms: Terms,
        ledger: Ledger,
        signer: SignerChain,
        vouchers_file: Option<std::path::PathBuf>,
    ) -> Payments {
        Payments {
            terms,
            ledger,
            signer,
            users: Mutex::new(HashMap::new()),
            totals: Mutex::new(Totals::default()),
            unsettled_vouchers: Default::default(),
            vouchers_file,
            dirty: Default::default(),
        }
    }

    /// Writes the best voucher of each user not yet fully settled, or whose settled amount is
    /// not used up yet, to the vouchers file (one line each: the header value with `spent`, what
    /// was charged, requests in flight at their most; mode 0600), when something changed since
    /// the last write.
    pub fn save_vouchers(&self) -> Result<()> {
        let Some(path) = &self.vouchers_file else {
            return Ok(());
        };
        if !self.dirty.swap(false, std::sync::atomic::Ordering::SeqCst) {
            return Ok(());
        }
        let lines: String = {
            let users = self.users.lock().expect("users lock");
            users
                .values()
                .filter_map(|u| {
                    u.best
                        .as_ref()
                        .filter(|b| b.cumulative > u.settled || u.settled > u.spent)
                        .map(|b| kept_line(b, u.spent + u.reserved) + "\n")
                })
                .collect()
        };
        if let Some(dir) = path.parent() {
            crate::fsutil::ensure_dir(dir, 0o700)?;
        }
        crate::fsutil::write_atomic(path, lines.as_bytes(), 0o600)
    }

    /// Loads the best vouchers a previous run of this server kept (`files`: its vouchers file, and
    /// an older file name) with what it charged, so that what it served before a crash is neither
    /// served again (a still valid older voucher would otherwise pass once `spent` restarts at
    /// what was settled) nor forgotten by the next save, and what was settled but not served
    /// stays the user's credit. A line without `spent` (older versions) counts as served up to
    /// its voucher's amount. Only vouchers for these terms signed by their user count; expired
    /// ones too (they still mark what was served; only unexpired ones are settled). Returns how
    /// many users' vouchers were loaded.
    pub async fn load_vouchers(&self, files: &[std::path::PathBuf]) -> Result<usize> {
        let expect = self.terms.expected();
        let mut best: HashMap<Address, (SignedVoucher, Option<U256>)> = HashMap::new();
        for f in files {
            let text = match std::fs::read_to_string(f) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(crate::Error::io("read", f, e)),
            };
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let Ok((v, spent)) = parse_kept(line) else {
                    continue;
                };
                // Expiry aside (now = 0): every check a request's voucher passes.
                if v.check(&expect, 0, 0).is_err() {
                    continue;
                }
                // On a tie, the line that says what was charged.
                if best.get(&v.user).is_none_or(|(b, b_spent)| {
                    v.cumulative > b.cumulative
                        || (v.cumulative == b.cumulative && b_spent.is_none() && spent.is_some())
                }) {
                    best.insert(v.user, (v, spent));
                }
            }
        }
        let n = best.len();
        let now = usage::now();
        for (user, (v, spent)) in best {
            let settled = usage::settled(
                &self.ledger,
                user,
                expect.provider,
                expect.token,
                expect.asset,
            )
            .await?;
            let due = v.cumulative > settled && v.expiry > now;
            let mut users = self.users.lock().expect("users lock");
            let u = users.entry(user).or_default();
            u.settled = u.settled.max(settled);
            u.spent = u.spent.max(spent.unwrap_or(u.settled.max(v.cumulative)));
            u.known = true;
            if u.best.as_ref().is_none_or(|b| v.cumulative > b.cumulative) {
                u.best = Some(v);
            }
            drop(users);
            if due {
                self.unsettled_vouchers
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        if n > 0 {
            self.dirty.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(n)
    }

    /// Requests served on a voucher since the last settlement round (and failed settlements to
    /// retry).
    pub fn unsettled_vouchers(&self) -> u64 {
        self.unsettled_vouchers
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    fn refuse(&self, code: &'static str, message: String, required: U256) -> Refusal {
        Refusal {
            code,
            message,
            required,
            terms: Some(self.terms.clone()),
            unavailable: false,
        }
    }

    /// Checks a voucher for a request (`ask`) and reserves its cost at most.
    pub async fn admit(
        &self,
        header: Option<&str>,
        ask: &Ask,
    ) -> std::result::Result<Reservation, Refusal> {
        let price = self.terms.price_per_1k;
        let mut max_cost = usage::cost(ask.prompt.saturating_add(ask.max_tokens), price);
        let Some(h) = header else {
            return Err(self.refuse(
                "voucher_missing",
                format!("this server is paid: send a signed voucher (`cohort usage voucher`) in the {} header, or as the API key (Authorization: Bearer)", usage::VOUCHER_HEADER),
                max_cost,
            ));
        };
        let v = SignedVoucher::parse(h).map_err(|p| self.problem(p))?;
        v.check(
            &self.terms.expected(),
            usage::now(),
            self.terms.min_validity_secs,
        )
        .map_err(|p| self.problem(p))?;
        let stale = {
            let users = self.users.lock().expect("users lock");
            users
                .get(&v.user)
                .and_then(|u| u.read_at)
                .is_none_or(|t| t.elapsed() > CHAIN_TTL)
        };
        if stale {
            // The server's own chain failing is not the user's payment's fault: a 503 to retry,
            // and the provider's RPC URL (which may carry an API key) stays in its own log.
            let (available, settled) = self.read_chain(v.user).await.map_err(|e| {
                tracing::warn!(code = %e.code, error = %e, "could not read the ledger to check a voucher");
                Refusal {
                    code: "ledger_unreachable",
                    message: "the server cannot read the payment ledger on its chain right now; \
                              retry shortly"
                        .to_string(),
                    required: U256::ZERO,
                    terms: None,
                    unavailable: true,
                }
            })?;
            let mut users = self.users.lock().expect("users lock");
            let u = users.entry(v.user).or_default();
            u.available = available;
            u.settled = u.settled.max(settled);
            if !u.known {
                u.spent = u.spent.max(u.settled);
                u.known = true;
            }
            u.read_at = Some(Instant::now());
        }
        let asset = self.terms.asset();
        let mut users = self.users.lock().expect("users lock");
        let u = users.entry(v.user).or_default();
        if let Some(best) = &u.best
            && v.cumulative < best.cumulative
        {
            return Err(self.refuse(
                "voucher_cumulative_lower",
                format!(
                    "the voucher's cumulative amount {} is lower than the last one accepted ({})",
                    asset.format(v.cumulative),
                    asset.format(best.cumulative)
                ),
                u.spent + u.reserved + max_cost,
            ));
        }
        let mut max_tokens = ask.max_tokens;
        if let Some(least) = ask.least {
            // A default length: cut to what both the voucher (or what was settled) and the
            // deposit cover beyond what was served and what is in flight, when that is enough.
            let limit = v
                .cumulative
                .max(u.settled)
                .min(u.available.saturating_add(u.settled));
            let credit = limit.saturating_sub(u.spent + u.reserved);
            let covered = tokens_covered(credit, price).saturating_sub(ask.prompt);
            if covered < max_tokens && covered >= least {
                max_tokens = covered;
                max_cost = usage::cost(ask.prompt + max_tokens, price);
            }
        }
        let required = u.spent + u.reserved + max_cost;
        // What the user paid for: what the voucher signs, or what the ledger already settled
        // (settling takes a whole voucher, served or not).
        if v.cumulative.max(u.settled) < required {
            let in_flight = if u.reserved.is_zero() {
                String::new()
            } else {
                format!(
                    " and requests in flight (up to {})",
                    asset.format(u.reserved)
                )
            };
            // `cohort usage voucher --amount` adds to the larger of what was settled and the
            // best voucher accepted: name that increase, not the cumulative amount.
            let base = u
                .best
                .as_ref()
                .map_or(U256::ZERO, |b| b.cumulative)
                .max(u.settled);
            let more = required.saturating_sub(base);
            let asset_flag = if self.terms.asset == Address::ZERO {
                String::new()
            } else {
                format!(" --asset {}", self.terms.asset_symbol)
            };
            return Err(self.refuse(
                "voucher_insufficient",
                format!(
                    "the voucher's cumulative amount {} does not cover what was served ({}){in_flight} plus this request (up to {}): sign a voucher for a cumulative {}, {} more (`cohort usage voucher --amount {}{asset_flag}`)",
                    asset.format(v.cumulative),
                    asset.format(u.spent),
                    asset.format(max_cost),
                    asset.format(required),
                    asset.format(more),
                    crate::chain::units::format_amount(more, self.terms.asset_decimals),
                ),
                required,
            ));
        }
        let owed = required.saturating_sub(u.settled);
        if u.available < owed {
            return Err(self.refuse(
                "deposit_insufficient",
                format!(
                    "the deposit available on the ledger ({}) does not cover the unsettled amount ({}): deposit more with `cohort usage deposit`",
                    asset.format(u.available),
                    asset.format(owed)
                ),
                required,
            ));
        }
        u.reserved += max_cost;
        if u.best.as_ref().is_none_or(|b| v.cumulative > b.cumulative) {
            u.best = Some(v.clone());
        }
        // The vouchers file keeps what is reserved as charged until the request finishes. The
        // request counts (for the user, the totals and the next settlement) once it is served.
        self.dirty.store(true, std::sync::atomic::Ordering::SeqCst);
        drop(users);
        Ok(Reservation {
            user: v.user,
            reserved: max_cost,
            max_tokens,
        })
    }

    fn problem(&self, p: VoucherProblem) -> Refusal {
        self.refuse(p.code(), p.message(), U256::ZERO)
    }

    async fn read_chain(&self, user: Address) -> Result<(U256, U256)> {
        let t = &self.terms;
        let available = self
            .ledger
            .call(self.ledger.read.available(user, t.asset))
            .await?;
        let settled = usage::settled(&self.ledger, user, t.provider, t.token, t.asset).await?;
        Ok((available, settled))
    }

    /// Releases a reservation. `served`: the request was served, for `cost` (≤ the
    /// reservation) and that many tokens; it counts as a request and an accepted voucher of the
    /// user, the totals and the next settlement. `None`: it was refused or failed before it was
    /// served (a full server's 429), and counts nowhere.
    pub fn finish(&self, r: Reservation, served: Option<(U256, u64)>) {
        let mut users = self.users.lock().expect("users lock");
        let u = users.entry(r.user).or_default();
        u.reserved = u.reserved.saturating_sub(r.reserved);
        let Some((cost, tokens)) = served else {
            drop(users);
            self.dirty.store(true, std::sync::atomic::Ordering::SeqCst);
            return;
        };
        let cost = cost.min(r.reserved);
        u.spent += cost;
        u.tokens += tokens;
        u.requests += 1;
        drop(users);
        self.dirty.store(true, std::sync::atomic::Ordering::SeqCst);
        self.unsettled_vouchers
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut t = self.totals.lock().expect("totals lock");
        t.requests += 1;
        t.tokens += tokens;
        t.vouchers += 1;
    }

    /// A user's numbers.
    pub fn user(&self, user: Address) -> UserView {
        let users = self.users.lock().expect("users lock");
        let u = users.get(&user).cloned().unwrap_or_default();
        view(user, &u)
    }

    /// The best voucher a user signed here (what `GET /v1/cohort/account` shows, so the user's
    /// client can check what it owes by its own signature).
    pub fn best_voucher(&self, user: Address) -> Option<SignedVoucher> {
        let users = self.users.lock().expect("users lock");
        users.get(&user).and_then(|u| u.best.clone())
    }

    /// Every user's numbers and the totals.
    pub fn stats(&self) -> (Vec<UserView>, Totals) {
        let users = self.users.lock().expect("users lock");
        let mut v: Vec<UserView> = users.iter().map(|(a, u)| view(*a, u)).collect();
        v.sort_by_key(|u| u.user);
        (v, self.totals.lock().expect("totals lock").clone())
    }

    /// Settles every user's unexpired best voucher that is above what the channel settled.
    /// Failures are returned beside the successes; they count as unsettled vouchers again, so the
    /// next round retries them even when no new request comes.
    pub async fn settle_all(
        &self,
        progress: &dyn Progress,
    ) -> (Vec<Settlement>, Vec<(Address, crate::Error)>) {
        self.unsettled_vouchers
            .store(0, std::sync::atomic::Ordering::Relaxed);
        let now = usage::now();
        let due: Vec<SignedVoucher> = {
            let users = self.users.lock().expect("users lock");
            users
                .values()
                .filter_map(|u| {
                    u.best
                        .clone()
                        .filter(|b| b.cumulative > u.settled && b.expiry > now)
                })
                .collect()
        };
        let mut done = Vec::new();
        let mut failed = Vec::new();
        for v in due {
            match usage::settle(&self.signer, &self.ledger, &v, progress).await {
                Ok(s) => {
                    let mut users = self.users.lock().expect("users lock");
                    let u = users.entry(v.user).or_default();
                    u.settled += s.paid;
                    u.read_at = None;
                    self.dirty.store(true, std::sync::atomic::Ordering::SeqCst);
                    drop(users);
                    let mut t = self.totals.lock().expect("totals lock");
                    t.settlements += 1;
                    t.settled_paid += s.paid;
                    t.settled_fees += s.fee;
                    t.settled_to_holders += s.to_holders;
                    done.push(s);
                }
                Err(e) => failed.push((v.user, e)),
            }
        }
        self.unsettled_vouchers
            .fetch_add(failed.len() as u64, std::sync::atomic::Ordering::Relaxed);
        (done, failed)
    }
}

fn view(user: Address, u: &User) -> UserView {
    UserView {
        user,
        signed: u.best.as_ref().map(|b| b.cumulative).unwrap_or_default(),
        spent: u.spent,
        settled: u.settled,
        requests: u.requests,
        tokens: u.tokens,
    }
}

/// One line of the vouchers file: the voucher's header value with `spent`, what the server
/// charged the user (decimal base units).
fn kept_line(v: &SignedVoucher, spent: U256) -> String {
    let mut line = serde_json::to_value(v).expect("a voucher serializes");
    line["spent"] = serde_json::Value::String(spent.to_string());
    line.to_string()
}

/// Parses a line of the vouchers file, or a voucher's header value (no `spent`: older files).
pub fn parse_kept(
    line: &str,
) -> std::result::Result<(SignedVoucher, Option<U256>), VoucherProblem> {
    let mut value: serde_json::Value =
        serde_json::from_str(line.trim()).map_err(|e| VoucherProblem::Malformed(e.to_string()))?;
    let spent = match value.as_object_mut().and_then(|o| o.remove("spent")) {
        None => None,
        Some(s) => Some(
            s.as_str()
                .and_then(|s| s.parse::<U256>().ok())
                .ok_or_else(|| VoucherProblem::Malformed(format!("bad spent amount {s}")))?,
        ),
    };
    let v = serde_json::from_value(value).map_err(|e| VoucherProblem::Malformed(e.to_string()))?;
    Ok((v, spent))
}

/// The stats a running server reports on SIGUSR1: what it charged, when it is paid.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum SignalStats {
    /// A paid server: totals since start and each user's numbers.
    Paid {
        totals: Totals,
        users: Vec<UserView>,
    },
    /// A free server: `{"paid": false}`.
    Free { paid: bool },
}

impl SignalStats {
    /// The stats of `pay`, or the free server's when there is none.
    pub fn of(pay: Option<&Payments>) -> Self {
        match pay {
            Some(p) => {
                let (users, totals) = p.stats();
                SignalStats::Paid { totals, users }
            }
            None => SignalStats::Free { paid: false },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tokens_a_credit_covers_are_those_whose_rounded_up_cost_fits() {
        let price = U256::from(1500u64);
        for credit in 0u64..40 {
            let n = tokens_covered(U256::from(credit), price);
            assert!(usage::cost(n, price) <= U256::from(credit), "{credit}");
            assert!(usage::cost(n + 1, price) > U256::from(credit), "{credit}");
        }
        assert_eq!(tokens_covered(U256::from(7u8), U256::ZERO), u64::MAX);
        assert_eq!(tokens_covered(U256::MAX, U256::from(1u8)), u64::MAX);
    }

    #[test]
    fn signal_stats_keep_their_shapes() {
        let free = serde_json::to_value(SignalStats::of(None)).unwrap();
        assert_eq!(free, serde_json::json!({"paid": false}));
        let paid = serde_json::to_value(SignalStats::Paid {
            totals: Totals::default(),
            users: Vec::new(),
        })
        .unwrap();
        let mut keys: Vec<_> = paid.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["totals", "users"]);
    }

    #[test]
    fn a_kept_line_carries_what_was_charged_and_older_lines_still_parse() {
        let terms = Expected {
            ledger: Address::repeat_byte(1),
            chain_id: 31337,
            token: Address::repeat_byte(2),
            asset: Address::ZERO,
            provider: Address::repeat_byte(3),
        };
        let key = crate::devnet::dev_signer(6).unwrap();
        let v = usage::sign(&key, &terms, U256::from(1000u64), 4_000_000_000).unwrap();
        let line = kept_line(&v, U256::from(7u64));
        assert_eq!(
            parse_kept(&line).unwrap(),
            (v.clone(), Some(U256::from(7u64)))
        );
        assert_eq!(parse_kept(&v.to_header()).unwrap(), (v.clone(), None));
        // Other unknown fields are still refused, as in a header.
        let mut odd: serde_json::Value = serde_json::from_str(&line).unwrap();
        odd["extra"] = 1.into();
        assert!(parse_kept(&odd.to_string()).is_err());
        odd.as_object_mut().unwrap().remove("extra");
        odd["spent"] = "lots".into();
        assert!(parse_kept(&odd.to_string()).is_err());
    }

    #[test]
    fn a_free_servers_stats_are_its_model_paid_false_and_what_it_served() {
        let free = crate::serve::ServerStats {
            model: "tiny".into(),
            paid: false,
            served: Default::default(),
            totals: None,
            users: None,
        };
        assert_eq!(
            serde_json::to_value(free).unwrap(),
            serde_json::json!({"model": "tiny", "paid": false,
                "served": {"requests": 0, "prompt_tokens": 0, "completion_tokens": 0}})
        );
    }
}
