//! UsageLedger on anvil (deployed by `cohort devnet up`): vouchers signed with cohort's EIP-712
//! code, checked against the contract's own digest (OpenZeppelin's EIP712); a seeded random
//! sequence of deposits, vouchers, settlements (valid, replayed, lowered, forged, by the wrong
//! provider, in an asset the token does not take), withdrawal announcements, withdrawals and time
//! jumps by several users, providers, two assets (the native coin and an ERC-20) and two model
//! tokens with different fee caps (only one of which takes the ERC-20), with a shadow model checked
//! after every step, per asset: Σ deposits = Σ to holders + Σ fees + Σ withdrawn + Σ balances, the
//! ledger holds exactly Σ balances, each token received exactly its holders' share, each provider
//! exactly its fees.
#![allow(clippy::disallowed_macros)]

use std::collections::BTreeMap;

use crate::common::{Devnet, warp};
use crate::mined;
use crate::token_setup::{default_terms, dev, dev_address, mint, standard_job_with, test_token};
use alloy::primitives::{Address, U256};
use alloy::providers::Provider;
use cohort::chain::Chain;
use cohort::chain::bindings::{IERC20, JobMarket, ModelToken, UsageLedger};
use cohort::tokens::{self, Suite, TokenizeRequest};
use cohort::usage::{self, Expected, SignedVoucher};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const USERS: [u32; 3] = [6, 7, 8];
const PROVIDERS: [u32; 2] = [0, 9];

struct Net {
    _net: Devnet,
    rpc: String,
    chain: Chain,
    ledger: Address,
    tokens: Vec<(Address, u16)>,
    /// The assets: the native coin, then an ERC-20 (USDC) that only token 0 takes as revenue.
    assets: [Address; 2],
}

async fn tokenized(
    rpc: &str,
    suite: &Suite,
    chain: &Chain,
    fee_bps: u16,
    symbol: &str,
    revenue_assets: Vec<Address>,
) -> Address {
    let terms = JobMarket::Terms {
        maxServiceFeeBps: fee_bps,
        revenueAssets: revenue_assets,
        ..default_terms()
    };
    let job = standard_job_with(rpc, suite.dataset_registry, suite.job_market, true, terms).await;
    let owner = dev(rpc, 1).await;
    let req = TokenizeRequest {
        job_id: job.job_id,
        name: format!("Model {symbol}"),
        symbol: symbol.into(),
        cap: U256::from(1_000_000u64) * U256::from(10u64).pow(U256::from(18u64)),
    };
    let done = tokens::tokenize(&owner, suite, &req, cohort::progress::silent().as_ref())
        .await
        .unwrap();
    let t = ModelToken::new(done.token, &chain.provider);
    assert_eq!(t.maxServiceFeeBps().call().await.unwrap(), fee_bps);
    done.token
}

async fn net() -> Net {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let chain = Chain::connect(&rpc, Some(31337)).await.unwrap();
    let factory: Address = net.contract("model_token_factory").parse().unwrap();
    let ledger: Address = net.contract("usage_ledger").parse().unwrap();
    let suite = Suite::load(&chain, factory).await.unwrap();
    let usdc = test_token(&rpc, 0, "USDC", 6).await;
    let a = tokenized(&rpc, &suite, &chain, 1000, "AAA", vec![usdc]).await;
    let b = tokenized(&rpc, &suite, &chain, 2500, "BBB", vec![]).await;
    // Every user holds USDC and lets the ledger take it.
    for u in USERS {
        mint(&rpc, usdc, dev_address(u), U256::from(1u64) << 64).await;
        let c = dev(&rpc, u).await;
        mined!(IERC20::new(usdc, &c.provider).approve(ledger, U256::MAX));
    }
    Net {
        _net: net,
        rpc,
        chain,
        ledger,
        tokens: vec![(a, 1000), (b, 2500)],
        assets: [Address::ZERO, usdc],
    }
}

/// What `who` holds of `asset` (the native coin for zero).
async fn held(chain: &Chain, asset: Address, who: Address) -> U256 {
    if asset == Address::ZERO {
        chain.balance(who).await.unwrap()
    } else {
        IERC20::new(asset, &chain.provider)
            .balanceOf(who)
            .call()
            .await
            .unwrap()
    }
}

async fn chain_now(chain: &Chain) -> u64 {
    let b = chain
        .provider
        .get_block_by_number(alloy::eips::BlockNumberOrTag::Latest)
        .await
        .unwrap()
        .unwrap();
    b.header.timestamp
}

fn revert_name(rpc: &str, e: alloy::contract::Error) -> String {
    let e = cohort::chain::describe_contract_error(rpc, e);
    e.revert().map(str::to_string).unwrap_or(e.message)
}

fn key(i: u32) -> alloy::signers::local::PrivateKeySigner {
    cohort::devnet::dev_signer(i).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn vouchers_hash_like_the_contract_and_replays_are_refused() {
    let n = net().await;
    let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
    let (token, _) = n.tokens[0];
    let terms = Expected {
        ledger: n.ledger,
        chain_id: 31337,
        token,
        asset: Address::ZERO,
        provider: dev_address(9),
    };
    let expiry = chain_now(&n.chain).await + 100_000;
    let v = usage::sign(&key(6), &terms, U256::from(5_000u64), expiry).unwrap();
    // The independent implementation: OpenZeppelin's EIP712 in the contract.
    assert_eq!(
        ledger.voucherDigest(v.voucher()).call().await.unwrap(),
        v.digest()
    );

    let user = dev(&n.rpc, 6).await;
    mined!(
        UsageLedger::new(n.ledger, &user.provider)
            .deposit()
            .value(U256::from(1_000_000u64))
    );
    let provider = dev(&n.rpc, 9).await;
    let pl = UsageLedger::new(n.ledger, &provider.provider);
    let settle_err = |v: SignedVoucher| {
        let pl = pl.clone();
        async move {
            pl.settle(v.voucher(), v.signature.clone())
                .call()
                .await
                .unwrap_err()
        }
    };
    // Another chain id, another ledger, another token, another provider: signature fails.
    let other_chain = usage::sign(
        &key(6),
        &Expected {
            chain_id: 1,
            ..terms
        },
        U256::from(5_000u64),
        expiry,
    )
    .unwrap();
    assert_eq!(
        revert_name(&n.rpc, settle_err(other_chain).await),
        "InvalidSignature"
    );
    let other_ledger = usage::sign(
        &key(6),
        &Expected {
            ledger: Address::repeat_byte(7),
            ..terms
        },
        U256::from(5_000u64),
        expiry,
    )
    .unwrap();
    let mut replayed = other_ledger.clone();
    replayed.ledger = n.ledger;
    assert_eq!(
        revert_name(&n.rpc, settle_err(replayed).await),
        "InvalidSignature"
    );
    let mut other_token = v.clone();
    other_token.token = n.tokens[1].0;
    assert_eq!(
        revert_name(&n.rpc, settle_err(other_token).await),
        "InvalidSignature"
    );
    // The asset is signed too: a native voucher cannot be settled from a USDC deposit.
    let mut other_asset = v.clone();
    other_asset.asset = n.assets[1];
    assert_eq!(
        revert_name(&n.rpc, settle_err(other_asset).await),
        "InvalidSignature"
    );
    // Token 1 takes no USDC: a USDC voucher for it settles nothing, even with a USDC deposit.
    mined!(
        UsageLedger::new(n.ledger, &user.provider).depositToken(n.assets[1], U256::from(9_000u64))
    );
    let usdc_for_b = usage::sign(
        &key(6),
        &Expected {
            token: n.tokens[1].0,
            asset: n.assets[1],
            ..terms
        },
        U256::from(5_000u64),
        expiry,
    )
    .unwrap();
    assert_eq!(
        revert_name(&n.rpc, settle_err(usdc_for_b).await),
        "UnsupportedAsset"
    );
    // A voucher for provider 9 cannot be settled by provider 0, nor rewritten for it.
    let p0 = dev(&n.rpc, 0).await;
    let e = UsageLedger::new(n.ledger, &p0.provider)
        .settle(v.voucher(), v.signature.clone())
        .call()
        .await
        .unwrap_err();
    assert_eq!(revert_name(&n.rpc, e), "NotProvider");
    let mut stolen = v.clone();
    stolen.provider = dev_address(0);
    let e = UsageLedger::new(n.ledger, &p0.provider)
        .settle(stolen.voucher(), stolen.signature.clone())
        .call()
        .await
        .unwrap_err();
    assert_eq!(revert_name(&n.rpc, e), "InvalidSignature");
    // A token the factory did not make.
    let fake = usage::sign(
        &key(6),
        &Expected {
            token: n.ledger,
            ..terms
        },
        U256::from(5_000u64),
        expiry,
    )
    .unwrap();
    assert!(!revert_name(&n.rpc, settle_err(fake).await).is_empty());
    // Expired.
    let now = chain_now(&n.chain).await;
    let old = usage::sign(&key(6), &terms, U256::from(5_000u64), now - 1).unwrap();
    assert_eq!(revert_name(&n.rpc, settle_err(old).await), "VoucherExpired");
    // Settles once; the same voucher again, or a lower one, settles nothing.
    mined!(pl.settle(v.voucher(), v.signature.clone()));
    assert_eq!(
        revert_name(&n.rpc, settle_err(v.clone()).await),
        "NothingToSettle"
    );
    let lower = usage::sign(&key(6), &terms, U256::from(4_000u64), expiry).unwrap();
    assert_eq!(
        revert_name(&n.rpc, settle_err(lower).await),
        "NothingToSettle"
    );
    assert_eq!(
        ledger
            .settled(dev_address(6), dev_address(9), token, Address::ZERO)
            .call()
            .await
            .unwrap(),
        U256::from(5_000u64)
    );
    assert_eq!(
        ledger
            .balanceOf(dev_address(6), Address::ZERO)
            .call()
            .await
            .unwrap(),
        U256::from(995_000u64)
    );
    assert_eq!(
        ledger
            .balanceOf(dev_address(6), n.assets[1])
            .call()
            .await
            .unwrap(),
        U256::from(9_000u64),
        "deposits are kept per asset"
    );
}

/// The shadow state; `a` indexes `Net::assets`.
#[derive(Default)]
struct Shadow {
    /// (user, a)
    balance: BTreeMap<(u32, usize), U256>,
    pending: BTreeMap<(u32, usize), (U256, u64)>,
    /// (user, provider, token, a)
    settled: BTreeMap<(u32, u32, usize, usize), U256>,
    signed: BTreeMap<(u32, u32, usize, usize), U256>,
    vouchers: Vec<(u32, usize, usize, SignedVoucher)>,
    deposited: [U256; 2],
    /// (token, a)
    to_holders: BTreeMap<(usize, usize), U256>,
    /// (provider, a)
    fees: BTreeMap<(u32, usize), U256>,
    withdrawn: [U256; 2],
}

#[tokio::test(flavor = "multi_thread")]
async fn random_sequences_conserve_every_wei() {
    let n = net().await;
    let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
    let delay = ledger.withdrawDelay().call().await.unwrap();
    let seed: u64 = std::env::var("COHORT_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(18);
    println!("seed {seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let mut s = Shadow::default();
    let mut token_before: BTreeMap<(usize, usize), U256> = BTreeMap::new();
    for (i, (t, _)) in n.tokens.iter().enumerate() {
        for (a, asset) in n.assets.iter().enumerate() {
            let got = ModelToken::new(*t, &n.chain.provider)
                .totalDeposited(*asset)
                .call()
                .await
                .unwrap();
            token_before.insert((i, a), got);
        }
    }
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for step in 0..120 {
        let user = USERS[rng.random_range(0..USERS.len())];
        let a = rng.random_range(0..n.assets.len());
        let asset = n.assets[a];
        let op = rng.random_range(0..100);
        let label: &str;
        if op < 18 {
            label = if a == 0 { "deposit" } else { "deposit ERC-20" };
            let amount = U256::from(rng.random_range(1_000u64..200_000));
            let c = dev(&n.rpc, user).await;
            let l = UsageLedger::new(n.ledger, &c.provider);
            if a == 0 {
                mined!(l.deposit().value(amount));
            } else {
                mined!(l.depositToken(asset, amount));
            }
            *s.balance.entry((user, a)).or_default() += amount;
            s.deposited[a] += amount;
        } else if op < 40 {
            label = "sign";
            let p = rng.random_range(0..PROVIDERS.len());
            let t = rng.random_range(0..n.tokens.len());
            let ch = (user, PROVIDERS[p], t, a);
            let cum = *s.signed.get(&ch).unwrap_or(&U256::ZERO)
                + U256::from(rng.random_range(1u64..80_000));
            s.signed.insert(ch, cum);
            let terms = Expected {
                ledger: n.ledger,
                chain_id: 31337,
                token: n.tokens[t].0,
                asset,
                provider: dev_address(PROVIDERS[p]),
            };
            let expiry = chain_now(&n.chain).await + 50 * delay;
            s.vouchers.push((
                user,
                t,
                a,
                usage::sign(&key(user), &terms, cum, expiry).unwrap(),
            ));
        } else if op < 70 && !s.vouchers.is_empty() {
            // Settle a random voucher (maybe an old, lower one) by its provider, or by the other.
            let (vu, t, a, v) = s.vouchers[rng.random_range(0..s.vouchers.len())].clone();
            let asset = n.assets[a];
            let p = PROVIDERS
                .iter()
                .copied()
                .find(|p| dev_address(*p) == v.provider)
                .unwrap();
            let wrong = rng.random_bool(0.15);
            let sender = if wrong {
                PROVIDERS.iter().copied().find(|q| *q != p).unwrap()
            } else {
                p
            };
            let mut v2 = v.clone();
            let forged = !wrong && rng.random_bool(0.1);
            if forged {
                v2.cumulative += U256::from(1u8);
            }
            let c = dev(&n.rpc, sender).await;
            let l = UsageLedger::new(n.ledger, &c.provider);
            let ch = (vu, p, t, a);
            let done = *s.settled.get(&ch).unwrap_or(&U256::ZERO);
            let bal = *s.balance.get(&(vu, a)).unwrap_or(&U256::ZERO);
            if wrong {
                label = "settle by another provider";
                let e = l
                    .settle(v2.voucher(), v2.signature.clone())
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "NotProvider");
            } else if forged {
                label = "settle forged";
                let e = l
                    .settle(v2.voucher(), v2.signature.clone())
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "InvalidSignature");
            } else if a == 1 && t == 1 {
                label = "settle in an asset the token does not take";
                let e = l
                    .settle(v2.voucher(), v2.signature.clone())
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "UnsupportedAsset");
            } else if v.cumulative <= done {
                label = "settle again or lower";
                let e = l
                    .settle(v2.voucher(), v2.signature.clone())
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "NothingToSettle");
            } else if bal.is_zero() {
                label = "settle with nothing left";
                let e = l
                    .settle(v2.voucher(), v2.signature.clone())
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "InsufficientBalance");
            } else {
                label = if a == 0 { "settle" } else { "settle ERC-20" };
                let before = held(&n.chain, asset, dev_address(p)).await;
                let r = mined!(l.settle(v2.voucher(), v2.signature.clone()));
                let gas = if a == 0 {
                    U256::from(r.gas_used) * U256::from(r.effective_gas_price)
                } else {
                    U256::ZERO
                };
                let paid = (v.cumulative - done).min(bal);
                let fee = paid * U256::from(n.tokens[t].1) / U256::from(10_000u64);
                let ev = r
                    .inner
                    .logs()
                    .iter()
                    .find_map(|l| l.log_decode::<UsageLedger::Settled>().ok())
                    .unwrap()
                    .inner
                    .data;
                assert_eq!(
                    (ev.paid, ev.fee, ev.toHolders),
                    (paid, fee, paid - fee),
                    "step {step}"
                );
                let after = held(&n.chain, asset, dev_address(p)).await;
                assert_eq!(
                    after + gas,
                    before + fee,
                    "the provider gets exactly the fee (step {step})"
                );
                s.settled.insert(ch, done + paid);
                s.balance.insert((vu, a), bal - paid);
                *s.to_holders.entry((t, a)).or_default() += paid - fee;
                *s.fees.entry((p, a)).or_default() += fee;
            }
        } else if op < 80 {
            let bal = *s.balance.get(&(user, a)).unwrap_or(&U256::ZERO);
            let c = dev(&n.rpc, user).await;
            let l = UsageLedger::new(n.ledger, &c.provider);
            if bal.is_zero() {
                label = "announce without balance";
                let e = l
                    .announceWithdrawal(asset, U256::from(1u8))
                    .call()
                    .await
                    .unwrap_err();
                assert_eq!(revert_name(&n.rpc, e), "InsufficientBalance");
            } else {
                label = "announce";
                let amount = U256::from(rng.random_range(1u64..=bal.to::<u64>()));
                mined!(l.announceWithdrawal(asset, amount));
                s.pending
                    .insert((user, a), (amount, chain_now(&n.chain).await + delay));
            }
        } else if op < 92 {
            let c = dev(&n.rpc, user).await;
            let l = UsageLedger::new(n.ledger, &c.provider);
            match s.pending.get(&(user, a)).copied() {
                None => {
                    label = "withdraw unannounced";
                    let e = l.withdraw(asset).call().await.unwrap_err();
                    assert_eq!(revert_name(&n.rpc, e), "NoWithdrawal");
                }
                Some((_, ready)) if chain_now(&n.chain).await + 1 < ready => {
                    label = "withdraw early";
                    let e = l.withdraw(asset).call().await.unwrap_err();
                    assert_eq!(revert_name(&n.rpc, e), "WithdrawalNotReady");
                }
                Some((amount, _)) => {
                    label = if a == 0 {
                        "withdraw"
                    } else {
                        "withdraw ERC-20"
                    };
                    let bal = *s.balance.get(&(user, a)).unwrap_or(&U256::ZERO);
                    let before = held(&n.chain, asset, dev_address(user)).await;
                    let r = mined!(l.withdraw(asset));
                    let gas = if a == 0 {
                        U256::from(r.gas_used) * U256::from(r.effective_gas_price)
                    } else {
                        U256::ZERO
                    };
                    let paid = amount.min(bal);
                    let after = held(&n.chain, asset, dev_address(user)).await;
                    assert_eq!(
                        after + gas,
                        before + paid,
                        "withdrawal pays what is left (step {step})"
                    );
                    s.balance.insert((user, a), bal - paid);
                    s.withdrawn[a] += paid;
                    s.pending.remove(&(user, a));
                }
            }
        } else {
            label = "time passes";
            let secs = if rng.random_bool(0.5) {
                delay / 2
            } else {
                delay + 1
            };
            warp(&n.chain, secs).await;
        }
        *counts.entry(label).or_default() += 1;
        // The invariants, after every step, per asset.
        for (a, asset) in n.assets.iter().enumerate() {
            check_asset(&n, &ledger, &s, &token_before, a, *asset, step).await;
        }
    }
    println!("operations: {counts:?}");
    for must in [
        "deposit",
        "deposit ERC-20",
        "sign",
        "settle",
        "settle ERC-20",
        "settle in an asset the token does not take",
        "announce",
        "withdraw",
        "settle again or lower",
    ] {
        assert!(
            counts.get(must).copied().unwrap_or(0) > 0,
            "the sequence never ran '{must}': {counts:?}"
        );
    }
}

/// The ledger's books for one asset against the shadow's.
async fn check_asset(
    n: &Net,
    ledger: &UsageLedger::UsageLedgerInstance<&alloy::providers::DynProvider>,
    s: &Shadow,
    token_before: &BTreeMap<(usize, usize), U256>,
    a: usize,
    asset: Address,
    step: usize,
) {
    let total_bal: U256 = s
        .balance
        .iter()
        .filter(|((_, x), _)| *x == a)
        .map(|(_, v)| *v)
        .sum();
    let fees: U256 = s
        .fees
        .iter()
        .filter(|((_, x), _)| *x == a)
        .map(|(_, v)| *v)
        .sum();
    let holders: U256 = s
        .to_holders
        .iter()
        .filter(|((_, x), _)| *x == a)
        .map(|(_, v)| *v)
        .sum();
    assert_eq!(
        s.deposited[a],
        holders + fees + s.withdrawn[a] + total_bal,
        "shadow conservation of asset {a} (step {step})"
    );
    let totals = (
        ledger.totalDeposited(asset).call().await.unwrap(),
        ledger.totalToHolders(asset).call().await.unwrap(),
        ledger.totalFees(asset).call().await.unwrap(),
        ledger.totalWithdrawn(asset).call().await.unwrap(),
    );
    assert_eq!(
        totals,
        (s.deposited[a], holders, fees, s.withdrawn[a]),
        "ledger totals of asset {a} (step {step})"
    );
    assert_eq!(
        held(&n.chain, asset, n.ledger).await,
        total_bal,
        "the ledger holds Σ balances of asset {a} (step {step})"
    );
    for u in USERS {
        assert_eq!(
            ledger
                .balanceOf(dev_address(u), asset)
                .call()
                .await
                .unwrap(),
            *s.balance.get(&(u, a)).unwrap_or(&U256::ZERO),
            "balance of dev {u} in asset {a} (step {step})"
        );
    }
    for (i, (t, _)) in n.tokens.iter().enumerate() {
        let got = ModelToken::new(*t, &n.chain.provider)
            .totalDeposited(asset)
            .call()
            .await
            .unwrap();
        assert_eq!(
            got - token_before[&(i, a)],
            *s.to_holders.get(&(i, a)).unwrap_or(&U256::ZERO),
            "token {i} revenue in asset {a} (step {step})"
        );
    }
    for ((u, p, t, x), v) in &s.settled {
        if *x != a {
            continue;
        }
        assert_eq!(
            ledger
                .settled(dev_address(*u), dev_address(*p), n.tokens[*t].0, asset)
                .call()
                .await
                .unwrap(),
            *v
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_that_gets_code_after_signing_still_pays_its_vouchers() {
    let n = net().await;
    let (token, _) = n.tokens[0];
    let terms = Expected {
        ledger: n.ledger,
        chain_id: 31337,
        token,
        asset: Address::ZERO,
        provider: dev_address(9),
    };
    let expiry = chain_now(&n.chain).await + 100_000;
    let user = dev(&n.rpc, 7).await;
    mined!(
        UsageLedger::new(n.ledger, &user.provider)
            .deposit()
            .value(U256::from(1_000_000u64))
    );
    let v = usage::sign(&key(7), &terms, U256::from(5_000u64), expiry).unwrap();
    // Served, then the user's address gets code (an EIP-7702 delegation to a contract without
    // ERC-1271: here a lone STOP): its ECDSA signature still settles.
    let _: serde_json::Value = n
        .chain
        .provider
        .raw_request("anvil_setCode".into(), (dev_address(7), "0x00"))
        .await
        .unwrap();
    let provider = dev(&n.rpc, 9).await;
    mined!(UsageLedger::new(n.ledger, &provider.provider).settle(v.voucher(), v.signature.clone()));
    assert_eq!(
        UsageLedger::new(n.ledger, &n.chain.provider)
            .settled(dev_address(7), dev_address(9), token, Address::ZERO)
            .call()
            .await
            .unwrap(),
        U256::from(5_000u64)
    );
}

/// `usage withdraw`: a zero amount is a usage error before anything is sent, and taking an
/// announced withdrawal before its delay is refused saying when it is ready (not the ledger's
/// raw `WithdrawalNotReady`), as a UTC date-time beside the unix time.
#[tokio::test(flavor = "multi_thread")]
async fn a_withdrawal_of_nothing_or_before_its_time_is_refused_in_words() {
    let n = net().await;
    tokio::task::block_in_place(|| {
        let home = &n._net.home;
        let run = |args: &[&str]| {
            home.cmd()
                .args(args)
                .args(["--wallet", "dev:6"])
                .output()
                .unwrap()
        };
        let ok = run(&["usage", "deposit", "--amount", "1"]);
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        let zero = run(&["usage", "withdraw", "--amount", "0"]);
        assert_eq!(
            zero.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&zero.stderr)
        );
        let ok = run(&["usage", "withdraw", "--amount", "0.5"]);
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        // The time it is ready, as a UTC date-time beside the unix time (README: deadlines in
        // messages).
        let announced = String::from_utf8_lossy(&ok.stdout);
        assert!(
            announced.contains("after 20") && announced.contains(" UTC (unix time "),
            "{announced}"
        );
        let early = run(&["usage", "withdraw"]);
        let err = String::from_utf8_lossy(&early.stderr);
        assert_eq!(early.status.code(), Some(4), "{err}");
        assert!(
            err.contains("ready at 20")
                && err.contains(" UTC (unix time ")
                && err.contains("again then"),
            "{err}"
        );
    });
}
