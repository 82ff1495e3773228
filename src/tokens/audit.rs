//! Revenue recomputed from the chain alone: every deposit into a model token, every claim out of
//! it and every transfer between holders, replayed in order with the token's own accounting (a
//! revenue-per-share accumulator scaled by 2^128, the remainder carried into the next deposit, a
//! correction per holder on each transfer, escrow releases without one). Anyone can run it: it
//! needs only the token's logs and views, and the usage ledger's `Settled` logs.
//!
//! What it proves: each claim paid exactly what the holder had earned at that block (no more,
//! no less); every holder's earned and paid revenue equals the token's own figures; what was
//! deposited and claimed adds up to the token's totals, and the token still holds what is
//! unclaimed; the usage revenue that reached the token is what the ledger settled for it, with
//! the provider's fee at the committed rate. What it does not prove: that revenue paid outside
//! cohort (a direct transfer followed by `sync`) came from use of the model.

use std::collections::{BTreeMap, BTreeSet};

use alloy::primitives::{Address, I256, U256};
use alloy::rpc::types::{Filter, Log};
use alloy::sol_types::SolEvent;
use serde::Serialize;

use crate::chain::Chain;
use crate::chain::bindings::{IERC20, ModelToken, UsageLedger};
use crate::chain::units::dec;
use crate::error::Result;

use super::{Asset, revenue_assets};

/// `ModelToken.MAGNITUDE`: the accumulator's scale.
fn magnitude() -> U256 {
    U256::from(1u8) << 128
}

/// One event of a model token that moves revenue or balances, in chain order.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenEvent {
    Transfer {
        from: Address,
        to: Address,
        value: U256,
    },
    /// `Deposited` or `Synced`: `amount` of `asset` accounted as revenue (`from` is zero for a sync).
    Revenue {
        asset: Address,
        from: Address,
        amount: U256,
    },
    Claimed {
        holder: Address,
        asset: Address,
        amount: U256,
    },
}

/// Per-asset accounting state, as the token keeps it.
#[derive(Debug, Default, Clone)]
struct AssetBook {
    per_share: U256,
    remainder: U256,
    corrections: BTreeMap<Address, I256>,
    withdrawn: BTreeMap<Address, U256>,
    deposited: U256,
    deposits: usize,
    claimed: U256,
    claims: usize,
    by_source: BTreeMap<Address, U256>,
}

/// The replayed books of one token: balances and, per asset, what every holder earned and took.
#[derive(Debug, Default, Clone)]
pub struct Replay {
    balances: BTreeMap<Address, U256>,
    supply: U256,
    books: BTreeMap<Address, AssetBook>,
    /// The first thing that did not add up, per asset.
    pub problems: BTreeMap<Address, Vec<String>>,
}

impl Replay {
    /// Replays `events` of `token` whose revenue assets are `assets` (the native coin, 0, included).
    pub fn run(token: Address, assets: &[Address], events: &[TokenEvent]) -> Replay {
        let mut r = Replay::default();
        for a in assets {
            r.books.insert(*a, AssetBook::default());
        }
        for (i, ev) in events.iter().enumerate() {
            r.apply(token, i, ev);
        }
        r
    }

    fn problem(&mut self, asset: Address, msg: String) {
        self.problems.entry(asset).or_default().push(msg);
    }

    fn apply(&mut self, token: Address, i: usize, ev: &TokenEvent) {
        match ev {
            TokenEvent::Transfer { from, to, value } => self.transfer(token, *from, *to, *value),
            TokenEvent::Revenue {
                asset,
                from,
                amount,
            } => {
                let supply = self.supply;
                let Some(b) = self.books.get_mut(asset) else {
                    self.problem(
                        *asset,
                        format!("event {i}: revenue in an asset the token does not take"),
                    );
                    return;
                };
                if supply.is_zero() {
                    self.problem(*asset, format!("event {i}: revenue before any supply"));
                    return;
                }
                let scaled = *amount * magnitude() + b.remainder;
                b.per_share += scaled / supply;
                b.remainder = scaled % supply;
                b.deposited += *amount;
                b.deposits += 1;
                *b.by_source.entry(*from).or_default() += *amount;
            }
            TokenEvent::Claimed {
                holder,
                asset,
                amount,
            } => {
                let balance = self.balance(*holder);
                let Some(b) = self.books.get_mut(asset) else {
                    self.problem(
                        *asset,
                        format!("event {i}: a claim in an asset the token does not take"),
                    );
                    return;
                };
                let due = b.earned(*holder, balance) - b.paid(*holder);
                b.claimed += *amount;
                b.claims += 1;
                *b.withdrawn.entry(*holder).or_default() += *amount;
                if *amount != due {
                    let msg = format!(
                        "claim {} by {holder} paid {amount}, but the holder had earned {due} unclaimed then",
                        b.claims
                    );
                    self.problem(*asset, msg);
                }
            }
        }
    }

    fn transfer(&mut self, token: Address, from: Address, to: Address, value: U256) {
        if from == Address::ZERO {
            self.supply += value;
        } else {
            let f = self.balances.entry(from).or_default();
            *f = f.saturating_sub(value);
        }
        if to == Address::ZERO {
            self.supply -= value.min(self.supply);
        } else {
            *self.balances.entry(to).or_default() += value;
        }
        // Escrow releases carry the revenue their tokens earned: no correction (see ModelToken).
        if from == token {
            return;
        }
        for b in self.books.values_mut() {
            if b.per_share.is_zero() {
                continue;
            }
            let delta = I256::from_raw(b.per_share * value);
            if from != Address::ZERO {
                *b.corrections.entry(from).or_default() += delta;
            }
            if to != Address::ZERO {
                *b.corrections.entry(to).or_default() -= delta;
            }
        }
    }

    fn balance(&self, who: Address) -> U256 {
        self.balances.get(&who).copied().unwrap_or_default()
    }

    /// Everyone who ever held the token.
    pub fn holders(&self) -> BTreeSet<Address> {
        self.balances.keys().copied().collect()
    }

    /// What `holder` earned in `asset` in all (claimed or not), as `accumulatedRevenue`.
    pub fn earned(&self, holder: Address, asset: Address) -> U256 {
        self.books
            .get(&asset)
            .map(|b| b.earned(holder, self.balance(holder)))
            .unwrap_or_default()
    }

    /// What `holder` was paid in `asset`, as `withdrawnRevenue`.
    pub fn paid(&self, holder: Address, asset: Address) -> U256 {
        self.books
            .get(&asset)
            .map(|b| b.paid(holder))
            .unwrap_or_default()
    }
}

impl AssetBook {
    fn earned(&self, holder: Address, balance: U256) -> U256 {
        let magnified = I256::from_raw(self.per_share * balance)
            + self.corrections.get(&holder).copied().unwrap_or_default();
        if magnified.is_negative() {
            return U256::ZERO;
        }
        magnified.into_raw() / magnitude()
    }

    fn paid(&self, holder: Address) -> U256 {
        self.withdrawn.get(&holder).copied().unwrap_or_default()
    }
}

/// One revenue asset of a token, recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct RevenueAudit {
    pub asset: Asset,
    pub deposits: usize,
    #[serde(with = "dec")]
    pub deposited: U256,
    /// Of it, what the usage ledger settled for use of the model.
    #[serde(with = "dec")]
    pub from_usage: U256,
    pub claims: usize,
    #[serde(with = "dec")]
    pub claimed: U256,
    /// Holders whose earned and paid revenue were recomputed and compared with the token's.
    pub holders: usize,
    /// Usage settlements of this token found on the ledger.
    pub settlements: usize,
    /// Everything that did not add up; empty when the link holds.
    pub problems: Vec<String>,
}

impl RevenueAudit {
    pub fn holds(&self) -> bool {
        self.problems.is_empty()
    }
}

fn decode(token: Address, log: &Log) -> Option<TokenEvent> {
    if log.address() != token {
        return None;
    }
    if let Ok(e) = log.log_decode::<ModelToken::Transfer>() {
        let d = e.inner.data;
        return Some(TokenEvent::Transfer {
            from: d.from,
            to: d.to,
            value: d.value,
        });
    }
    if let Ok(e) = log.log_decode::<ModelToken::Deposited>() {
        let d = e.inner.data;
        return Some(TokenEvent::Revenue {
            asset: d.asset,
            from: d.from,
            amount: d.amount,
        });
    }
    if let Ok(e) = log.log_decode::<ModelToken::Synced>() {
        let d = e.inner.data;
        return Some(TokenEvent::Revenue {
            asset: d.asset,
            from: Address::ZERO,
            amount: d.amount,
        });
    }
    if let Ok(e) = log.log_decode::<ModelToken::Claimed>() {
        let d = e.inner.data;
        return Some(TokenEvent::Claimed {
            holder: d.holder,
            asset: d.asset,
            amount: d.amount,
        });
    }
    None
}

/// One asset's usage settlements of a token on the ledger.
#[derive(Debug, Default)]
struct Settled {
    count: usize,
    to_holders: U256,
    problems: Vec<String>,
}

/// The usage ledger's settlements for `token`, by asset, from one read of its `Settled` logs.
async fn settlements(
    chain: &Chain,
    ledger: Address,
    token: Address,
    fee_bps: u16,
) -> Result<BTreeMap<Address, Settled>> {
    let filter = Filter::new()
        .address(ledger)
        .event_signature(UsageLedger::Settled::SIGNATURE_HASH)
        .topic1(token.into_word());
    let mut out: BTreeMap<Address, Settled> = BTreeMap::new();
    for log in &crate::chain::logs::all_logs(chain, &filter).await? {
        let Ok(e) = log.log_decode::<UsageLedger::Settled>() else {
            continue;
        };
        let s = e.inner.data;
        let here = out.entry(s.asset).or_default();
        here.count += 1;
        let fee = s.paid * U256::from(fee_bps) / U256::from(super::BPS);
        if s.fee != fee || s.fee + s.toHolders != s.paid {
            here.problems.push(format!(
                "settlement {} (block {}): paid {}, fee {}, to holders {}; the committed {} fee is {fee}",
                here.count,
                log.block_number.unwrap_or_default(),
                s.paid,
                s.fee,
                s.toHolders,
                super::format_bps(fee_bps)
            ));
        }
        here.to_holders += s.toHolders;
    }
    Ok(out)
}

/// Recomputes every revenue asset of `token` from its logs and compares the result with the
/// token's views; with `ledger`, also matches the usage settlements to the deposits they made.
pub async fn revenue(
    chain: &Chain,
    token: Address,
    ledger: Option<Address>,
) -> Result<Vec<RevenueAudit>> {
    let t = ModelToken::new(token, &chain.provider);
    let e = chain.decoder();
    let assets = revenue_assets(chain, token).await?;
    let filter = Filter::new().address(token);
    let logs = crate::chain::logs::all_logs(chain, &filter).await?;
    let events: Vec<TokenEvent> = logs.iter().filter_map(|l| decode(token, l)).collect();
    let addrs: Vec<Address> = assets.iter().map(|a| a.address).collect();
    let mut replay = Replay::run(token, &addrs, &events);
    let holders = replay.holders();
    let fee_bps = t.maxServiceFeeBps().call().await.map_err(&e)?;
    let mut settled = match ledger {
        Some(l) => settlements(chain, l, token, fee_bps).await?,
        None => BTreeMap::new(),
    };
    let mut out = Vec::new();
    for asset in assets {
        let a = asset.address;
        let mut problems = replay.problems.remove(&a).unwrap_or_default();
        let book = replay.books.get(&a).cloned().unwrap_or_default();
        let total_deposited = t.totalDeposited(a).call().await.map_err(&e)?;
        let total_claimed = t.totalClaimed(a).call().await.map_err(&e)?;
        if total_deposited != book.deposited {
            problems.push(format!(
                "the token says {total_deposited} was deposited; its events add up to {}",
                book.deposited
            ));
        }
        if total_claimed != book.claimed {
            problems.push(format!(
                "the token says {total_claimed} was claimed; its events add up to {}",
                book.claimed
            ));
        }
        let held = if asset.native {
            chain.balance(token).await?
        } else {
            IERC20::new(a, &chain.provider)
                .balanceOf(token)
                .call()
                .await
                .map_err(&e)?
        };
        let unclaimed = book.deposited.saturating_sub(book.claimed);
        if held < unclaimed {
            problems.push(format!(
                "the token holds {held} but owes its holders {unclaimed}"
            ));
        }
        for h in holders.iter().filter(|h| **h != token) {
            let earned = t.accumulatedRevenue(*h, a).call().await.map_err(&e)?;
            let paid = t.withdrawnRevenue(*h, a).call().await.map_err(&e)?;
            let (want_earned, want_paid) = (replay.earned(*h, a), replay.paid(*h, a));
            if earned != want_earned || paid != want_paid {
                problems.push(format!(
                    "{h}: the token says earned {earned}, paid {paid}; recomputed {want_earned}, {want_paid}"
                ));
            }
        }
        let (mut settled_n, mut from_usage) = (0, U256::ZERO);
        if let Some(ledger) = ledger {
            let Settled {
                count: n,
                to_holders,
                problems: mut bad,
            } = settled.remove(&a).unwrap_or_default();
            problems.append(&mut bad);
            let deposited_by_ledger = book.by_source.get(&ledger).copied().unwrap_or_default();
            if deposited_by_ledger != to_holders {
                problems.push(format!(
                    "the ledger settled {to_holders} for the holders; the token received {deposited_by_ledger} from it"
                ));
            }
            (settled_n, from_usage) = (n, to_holders);
        }
        out.push(RevenueAudit {
            asset,
            deposits: book.deposits,
            deposited: book.deposited,
            from_usage,
            claims: book.claims,
            claimed: book.claimed,
            holders: holders
                .len()
                .saturating_sub(usize::from(holders.contains(&token))),
            settlements: settled_n,
            problems,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(n: u8) -> Address {
        Address::repeat_byte(n)
    }

    fn u(n: u64) -> U256 {
        U256::from(n)
    }

    /// A token of supply 3 (owner 1, escrow 2), a deposit, a release from escrow, a transfer,
    /// another deposit and claims: the replay gives each holder what the pattern promises.
    fn story(claim_of_b: u64) -> (Address, Vec<TokenEvent>) {
        let token = a(0xee);
        let native = Address::ZERO;
        let ev = vec![
            TokenEvent::Transfer {
                from: Address::ZERO,
                to: a(1),
                value: u(1),
            },
            TokenEvent::Transfer {
                from: Address::ZERO,
                to: token,
                value: u(2),
            },
            TokenEvent::Revenue {
                asset: native,
                from: a(9),
                amount: u(300),
            },
            // Escrow release: the 2 tokens carry their 200 with them.
            TokenEvent::Transfer {
                from: token,
                to: a(2),
                value: u(2),
            },
            // a(2) sells 1 token to a(3): the 200 earned stays with a(2).
            TokenEvent::Transfer {
                from: a(2),
                to: a(3),
                value: u(1),
            },
            TokenEvent::Revenue {
                asset: native,
                from: a(9),
                amount: u(30),
            },
            TokenEvent::Claimed {
                holder: a(2),
                asset: native,
                amount: u(claim_of_b),
            },
        ];
        (token, ev)
    }

    #[test]
    fn escrow_releases_carry_revenue_and_transfers_keep_it_with_the_seller() {
        let (token, ev) = story(210);
        let r = Replay::run(token, &[Address::ZERO], &ev);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.earned(a(1), Address::ZERO), u(110));
        assert_eq!(r.earned(a(2), Address::ZERO), u(210));
        assert_eq!(r.earned(a(3), Address::ZERO), u(10));
        assert_eq!(r.paid(a(2), Address::ZERO), u(210));
    }

    #[test]
    fn a_claim_that_pays_more_or_less_than_was_earned_is_named() {
        for wrong in [211, 209] {
            let (token, ev) = story(wrong);
            let r = Replay::run(token, &[Address::ZERO], &ev);
            let p = &r.problems[&Address::ZERO];
            assert_eq!(p.len(), 1, "{p:?}");
            assert!(p[0].contains(&format!("paid {wrong}")), "{}", p[0]);
            assert!(p[0].contains("had earned 210"), "{}", p[0]);
        }
    }

    #[test]
    fn remainders_are_carried_into_the_next_deposit() {
        let token = a(0xee);
        let mut ev = vec![TokenEvent::Transfer {
            from: Address::ZERO,
            to: a(1),
            value: u(3),
        }];
        ev.extend((0..3).map(|_| TokenEvent::Revenue {
            asset: Address::ZERO,
            from: a(9),
            amount: u(1),
        }));
        ev.push(TokenEvent::Transfer {
            from: a(1),
            to: a(2),
            value: u(1),
        });
        let r = Replay::run(token, &[Address::ZERO], &ev);
        // 3 wei over 3 tokens, 1 at a time: 1 wei each in all, none lost to rounding.
        assert_eq!(
            r.earned(a(1), Address::ZERO) + r.earned(a(2), Address::ZERO),
            u(3)
        );
        assert_eq!(r.earned(a(2), Address::ZERO), U256::ZERO);
    }
}
