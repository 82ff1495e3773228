//! ModelTokenFactory and ModelToken on anvil, through the library and the bindings the CLI
//! uses: allocations computed from the job's records, and a seeded random sequence of
//! transfers, deposits (native, ERC-20, pushed + sync), claims and allocation claims among
//! several holders with the invariants of docs/contracts.md checked after every step. Gas of each
//! operation is printed (run with `--nocapture` to see it).
#![allow(clippy::disallowed_macros)]

use std::collections::BTreeMap;

use crate::common::Devnet;
use crate::mined;
use crate::token_setup::{
    default_terms, dev, dev_address, mint, standard_job, standard_job_with, test_token,
};
use alloy::primitives::{Address, U256};
use alloy::providers::Provider;
use alloy::rpc::types::TransactionRequest;
use cohort::chain::Chain;
use cohort::chain::bindings::{IERC20, JobMarket, ModelToken};
use cohort::tokens::{self, Suite, TokenizeRequest};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn e18() -> U256 {
    U256::from(10u64).pow(U256::from(18u64))
}

struct Net {
    _net: Devnet,
    rpc: String,
    suite: Suite,
    chain: Chain,
}

async fn net() -> Net {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let chain = Chain::connect(&rpc, Some(31337)).await.unwrap();
    let factory: Address = net.contract("model_token_factory").parse().unwrap();
    let suite = Suite::load(&chain, factory).await.unwrap();
    Net {
        _net: net,
        rpc,
        suite,
        chain,
    }
}

fn request(job_id: u64, cap: U256) -> TokenizeRequest {
    TokenizeRequest {
        job_id,
        name: "Test Model".into(),
        symbol: "TM".into(),
        cap,
    }
}

/// Gas figures per operation.
#[derive(Default)]
struct Gas(BTreeMap<&'static str, Vec<u64>>);

impl Gas {
    fn add(&mut self, op: &'static str, r: &alloy::rpc::types::TransactionReceipt) {
        self.0.entry(op).or_default().push(r.gas_used);
    }
    fn print(&self) {
        println!("gas used per operation (min / mean / max over n calls):");
        for (op, v) in &self.0 {
            let min = v.iter().min().unwrap();
            let max = v.iter().max().unwrap();
            let mean = v.iter().sum::<u64>() / v.len() as u64;
            println!(
                "  {op:<36} {min:>8} / {mean:>8} / {max:>8}   (n = {})",
                v.len()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn tokenize_plan_matches_on_chain_allocations_and_pools() {
    let n = net().await;
    let job = standard_job(&n.rpc, n.suite.dataset_registry, n.suite.job_market, true).await;
    let owner = dev(&n.rpc, 1).await;
    // An odd cap so every floor rounding shows.
    let cap = U256::from(1_000_003u64) * e18() + U256::from(7u8);
    let req = request(job.job_id, cap);
    let plan = tokens::plan_tokenize(&n.chain, &n.suite, owner.address, &req)
        .await
        .unwrap();
    let progress = cohort::progress::silent();
    let done = tokens::tokenize(&owner, &n.suite, &req, progress.as_ref())
        .await
        .unwrap();
    println!("gas of tokenize: {}", done.gas_used);
    assert_eq!(
        done.token, plan.token,
        "the simulated address is the deployed one"
    );
    let t = ModelToken::new(done.token, &n.chain.provider);
    assert_eq!(t.totalSupply().call().await.unwrap(), cap);
    assert_eq!(
        t.balanceOf(owner.address).call().await.unwrap(),
        plan.owner_amount
    );
    assert_eq!(
        t.balanceOf(done.token).call().await.unwrap(),
        plan.data_pool + plan.compute_pool
    );
    assert_eq!(t.dataPool().call().await.unwrap(), plan.data_pool);
    assert_eq!(t.computePool().call().await.unwrap(), plan.compute_pool);
    // Data: dev2 1000×50 (its rejected file weighs nothing), dev3 3001×77.
    assert_eq!(plan.total_weight, U256::from(1000u64 * 50 + 3001 * 77));
    // Compute: dev3 100+250, dev4 333 (round-1 work rejected), dev5 41.
    assert_eq!(plan.total_units, U256::from(100u64 + 250 + 333 + 41));
    assert_eq!(plan.allocations.len(), 4);
    let mut sum = U256::ZERO;
    for a in &plan.allocations {
        let parts = t.allocationParts(a.address).call().await.unwrap();
        assert_eq!(
            (parts.dataAmount, parts.computeAmount),
            (a.data_amount, a.compute_amount)
        );
        sum += a.amount;
    }
    assert!(
        sum <= plan.data_pool + plan.compute_pool,
        "Σ allocations ≤ pools"
    );
    assert!(plan.rounding_remainder <= U256::from(2 * plan.allocations.len()));
    let rows = tokens::allocations(
        &n.chain,
        &n.suite,
        &tokens::resolve(&n.chain, n.suite.factory, "TM")
            .await
            .unwrap(),
        None,
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| !r.claimed));

    // A second tokenization is refused before sending.
    let again = tokens::plan_tokenize(&n.chain, &n.suite, owner.address, &req)
        .await
        .unwrap_err();
    assert_eq!(again.code, "model.already_tokenized");
    assert_eq!(again.exit_code(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn pools_with_nobody_in_them_go_to_the_owner() {
    let n = net().await;
    // No accepted data (the only file is rejected) and no workers.
    let job = crate::token_setup::build_job(
        &n.rpc,
        n.suite.dataset_registry,
        n.suite.job_market,
        1,
        &[crate::token_setup::Data {
            dev: 2,
            size: 5,
            score: 0,
        }],
        &[],
        true,
    )
    .await;
    let owner = dev(&n.rpc, 1).await;
    let cap = U256::from(1000u64);
    let req = request(job.job_id, cap);
    let done = tokens::tokenize(&owner, &n.suite, &req, cohort::progress::silent().as_ref())
        .await
        .unwrap();
    assert_eq!(done.plan.warnings.len(), 2);
    let t = ModelToken::new(done.token, &n.chain.provider);
    assert_eq!(t.balanceOf(owner.address).call().await.unwrap(), cap);
    assert_eq!(t.balanceOf(done.token).call().await.unwrap(), U256::ZERO);
    let two = dev(&n.rpc, 2).await;
    let err = ModelToken::new(done.token, &two.provider)
        .claimAllocation()
        .call()
        .await
        .unwrap_err();
    let e = cohort::chain::describe_contract_error(&n.rpc, err);
    assert!(e.message.contains("NoAllocation"), "{}", e.message);
}

/// The shadow state of the random test.
struct World {
    token: Address,
    assets: Vec<Address>, // [native, usdc, dai]
    contributors: Vec<u32>,
    claimed_alloc: BTreeMap<u32, bool>,
    ever_held: std::collections::BTreeSet<Address>,
    cap: U256,
}

async fn asset_balance(chain: &Chain, asset: Address, who: Address) -> U256 {
    if asset == Address::ZERO {
        chain.provider.get_balance(who).await.unwrap()
    } else {
        IERC20::new(asset, &chain.provider)
            .balanceOf(who)
            .call()
            .await
            .unwrap()
    }
}

async fn claimables(chain: &Chain, w: &World, asset: Address) -> Vec<(Address, U256)> {
    let t = ModelToken::new(w.token, &chain.provider);
    let mut out = Vec::new();
    for a in &w.ever_held {
        out.push((*a, t.claimable(*a, asset).call().await.unwrap()));
    }
    out
}

async fn check_invariants(chain: &Chain, w: &World, step: usize) {
    let t = ModelToken::new(w.token, &chain.provider);
    assert_eq!(
        t.totalSupply().call().await.unwrap(),
        w.cap,
        "step {step}: supply == cap"
    );
    let holders = w.ever_held.len() as u64;
    for &asset in &w.assets {
        let deposited = t.totalDeposited(asset).call().await.unwrap();
        let claimed = t.totalClaimed(asset).call().await.unwrap();
        let balance = asset_balance(chain, asset, w.token).await;
        let sum: U256 = claimables(chain, w, asset)
            .await
            .iter()
            .map(|(_, v)| *v)
            .sum();
        let outstanding = deposited - claimed;
        assert!(
            sum <= outstanding,
            "step {step} asset {asset}: Σ claimable {sum} > deposits − claims {outstanding}"
        );
        assert!(
            outstanding <= balance,
            "step {step} asset {asset}: deposits − claims {outstanding} > balance {balance}"
        );
        let dust = outstanding - sum;
        assert!(
            dust <= U256::from(holders),
            "step {step} asset {asset}: dust {dust} wei > {holders} holders"
        );
    }
    // Escrow still covers every unclaimed allocation.
    let mut unclaimed = U256::ZERO;
    for c in &w.contributors {
        if !w.claimed_alloc[c] {
            unclaimed += t.allocationOf(dev_address(*c)).call().await.unwrap();
        }
    }
    assert!(
        t.balanceOf(w.token).call().await.unwrap() >= unclaimed,
        "step {step}: escrow covers allocations"
    );
}

fn random_amount(rng: &mut StdRng, max: U256) -> U256 {
    if max.is_zero() {
        return U256::ZERO;
    }
    match rng.random_range(0..4) {
        0 => max,
        1 => U256::from(rng.random_range(1u64..=7)).min(max),
        _ => {
            let frac = rng.random_range(1u64..=1_000_000);
            (max * U256::from(frac) / U256::from(1_000_000u64)).max(U256::from(1u8))
        }
    }
}

fn random_revenue(rng: &mut StdRng, decimals: u32) -> U256 {
    let unit = U256::from(10u64).pow(U256::from(decimals));
    match rng.random_range(0..3) {
        0 => U256::from(rng.random_range(1u64..=13)),
        1 => {
            unit * U256::from(rng.random_range(1u64..=5)) / U256::from(rng.random_range(1u64..=997))
        }
        _ => {
            unit * U256::from(rng.random_range(1u64..=50))
                + U256::from(rng.random_range(0u64..1000))
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn random_transfers_deposits_and_claims_keep_the_revenue_invariants() {
    let steps: usize = std::env::var("COHORT_TOKEN_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("COHORT_TOKEN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_c0de);
    println!("seed {seed}, {steps} steps");
    let mut rng = StdRng::seed_from_u64(seed);
    let n = net().await;
    let usdc = test_token(&n.rpc, 0, "USDC", 6).await;
    let dai = test_token(&n.rpc, 0, "DAI", 18).await;
    // The job commits to its revenue assets at creation; tokenize takes them from its terms.
    let terms = JobMarket::Terms {
        revenueAssets: vec![usdc, dai],
        ..default_terms()
    };
    let job = standard_job_with(
        &n.rpc,
        n.suite.dataset_registry,
        n.suite.job_market,
        true,
        terms,
    )
    .await;
    let owner = dev(&n.rpc, 1).await;
    let cap = U256::from(1_000_003u64) * e18() + U256::from(7u8);
    let mut gas = Gas::default();
    let done = tokens::tokenize(
        &owner,
        &n.suite,
        &request(job.job_id, cap),
        cohort::progress::silent().as_ref(),
    )
    .await
    .unwrap();
    let token = done.token;
    let mut signers = BTreeMap::new();
    for i in 0..=8u32 {
        signers.insert(i, dev(&n.rpc, i).await);
    }
    let keeper = &signers[&7];
    let depositor = &signers[&8];
    for a in [usdc, dai] {
        mint(&n.rpc, a, depositor.address, U256::MAX >> 4).await;
        let t = IERC20::new(a, &depositor.provider);
        mined!(t.approve(token, U256::MAX));
    }
    let mut w = World {
        token,
        assets: vec![Address::ZERO, usdc, dai],
        contributors: vec![2, 3, 4, 5, 6],
        claimed_alloc: (2..=6).map(|i| (i, false)).collect(),
        ever_held: [token, dev_address(1)].into_iter().collect(),
        cap,
    };
    let decimals = [18u32, 6, 18];
    check_invariants(&n.chain, &w, 0).await;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for step in 1..=steps {
        let op = rng.random_range(0..100);
        let tk = |s: &cohort::chain::SignerChain| ModelToken::new(token, s.provider.clone());
        if op < 30 {
            // Transfer between holders: earned revenue stays with both sides.
            let from_i = rng.random_range(1..=6u32);
            let to_i = loop {
                let j = rng.random_range(1..=6u32);
                if j != from_i {
                    break j;
                }
            };
            let from = &signers[&from_i];
            let bal = tk(from).balanceOf(from.address).call().await.unwrap();
            if bal.is_zero() {
                continue;
            }
            let amount = random_amount(&mut rng, bal);
            let to = dev_address(to_i);
            let mut before = Vec::new();
            for &a in &w.assets {
                before.push((
                    tk(from).claimable(from.address, a).call().await.unwrap(),
                    tk(from).claimable(to, a).call().await.unwrap(),
                ));
            }
            let r = mined!(tk(from).transfer(to, amount));
            gas.add("transfer", &r);
            w.ever_held.insert(to);
            for (k, &a) in w.assets.iter().enumerate() {
                let after = (
                    tk(from).claimable(from.address, a).call().await.unwrap(),
                    tk(from).claimable(to, a).call().await.unwrap(),
                );
                assert_eq!(
                    after, before[k],
                    "step {step}: a transfer moved earned revenue"
                );
            }
            *counts.entry("transfer").or_default() += 1;
        } else if op < 42 {
            let amount = random_revenue(&mut rng, 18);
            if rng.random_bool(0.5) {
                let r = mined!(tk(depositor).deposit().value(amount));
                gas.add("deposit (native)", &r);
            } else {
                let tx = TransactionRequest::default().to(token).value(amount);
                let r = depositor
                    .provider
                    .send_transaction(tx)
                    .await
                    .unwrap()
                    .get_receipt()
                    .await
                    .unwrap();
                assert!(r.status());
                gas.add("receive (native, plain send)", &r);
            }
            *counts.entry("native deposit").or_default() += 1;
        } else if op < 54 {
            let k = rng.random_range(1..=2usize);
            let amount = random_revenue(&mut rng, decimals[k]);
            let r = mined!(tk(depositor).depositToken(w.assets[k], amount));
            gas.add("depositToken (ERC-20)", &r);
            *counts.entry("erc20 deposit").or_default() += 1;
        } else if op < 60 {
            // Pushed directly, then accounted by sync (and a second sync finds nothing).
            let k = rng.random_range(0..=2usize);
            let amount = random_revenue(&mut rng, decimals[k]);
            if k == 0 {
                // Native coin can only arrive without `receive` by force; plain sends are
                // deposits already, so sync must find nothing new.
                let found = tk(keeper).sync(Address::ZERO).call().await.unwrap();
                assert_eq!(
                    found,
                    U256::ZERO,
                    "step {step}: native sync found unaccounted coin"
                );
                continue;
            }
            let erc = IERC20::new(w.assets[k], &depositor.provider);
            mined!(erc.transfer(token, amount));
            let found = tk(keeper).sync(w.assets[k]).call().await.unwrap();
            assert_eq!(
                found, amount,
                "step {step}: sync accounts exactly what was pushed"
            );
            let r = mined!(tk(keeper).sync(w.assets[k]));
            gas.add("sync (ERC-20)", &r);
            assert_eq!(
                tk(keeper).sync(w.assets[k]).call().await.unwrap(),
                U256::ZERO
            );
            *counts.entry("push + sync").or_default() += 1;
        } else if op < 85 {
            // A keeper claims for a holder: the holder receives exactly its claimable amount.
            let k = rng.random_range(0..=2usize);
            let asset = w.assets[k];
            let holder = if rng.random_range(0..20) == 0 {
                token
            } else {
                dev_address(rng.random_range(1..=6u32))
            };
            if holder == token {
                let err = tk(keeper).claimFor(token, asset).call().await.unwrap_err();
                let e = cohort::chain::describe_contract_error(&n.rpc, err);
                assert!(e.message.contains("EscrowCannotClaim"), "{}", e.message);
                continue;
            }
            let want = tk(keeper).claimable(holder, asset).call().await.unwrap();
            let before = asset_balance(&n.chain, asset, holder).await;
            let r = mined!(tk(keeper).claimFor(holder, asset));
            let after = asset_balance(&n.chain, asset, holder).await;
            assert_eq!(
                after - before,
                want,
                "step {step}: claim pays exactly the claimable amount"
            );
            assert_eq!(
                tk(keeper).claimable(holder, asset).call().await.unwrap(),
                U256::ZERO
            );
            if !want.is_zero() {
                gas.add(
                    if k == 0 {
                        "claim (native)"
                    } else {
                        "claim (ERC-20)"
                    },
                    &r,
                );
            }
            *counts.entry("claim").or_default() += 1;
        } else {
            // Allocation claims: once each; the revenue earned in escrow comes along.
            let c = w.contributors[rng.random_range(0..w.contributors.len())];
            let who = &signers[&c];
            let t = tk(who);
            let entitled = t.allocationOf(who.address).call().await.unwrap();
            if w.claimed_alloc[&c] || entitled.is_zero() {
                let err = t.claimAllocation().call().await.unwrap_err();
                let e = cohort::chain::describe_contract_error(&n.rpc, err);
                let want = if w.claimed_alloc[&c] {
                    "AllocationAlreadyClaimed"
                } else {
                    "NoAllocation"
                };
                assert!(e.message.contains(want), "step {step}: {}", e.message);
                assert_eq!(e.exit_code(), 4);
                *counts.entry("refused allocation claim").or_default() += 1;
                continue;
            }
            let mut before = Vec::new();
            for &a in &w.assets {
                let per_share = t.revenuePerShare(a).call().await.unwrap().magnifiedPerShare;
                let travels = tokens::mul_div(per_share, entitled, U256::from(1u8) << 128);
                before.push((t.claimable(who.address, a).call().await.unwrap(), travels));
            }
            let bal_before = t.balanceOf(who.address).call().await.unwrap();
            let r = mined!(t.claimAllocation());
            gas.add("claimAllocation", &r);
            assert_eq!(
                t.balanceOf(who.address).call().await.unwrap() - bal_before,
                entitled
            );
            for (k, &a) in w.assets.iter().enumerate() {
                let (c0, travels) = before[k];
                let c1 = t.claimable(who.address, a).call().await.unwrap();
                assert!(
                    c1 >= c0 + travels && c1 <= c0 + travels + U256::from(1u8),
                    "step {step}: escrowed revenue {travels} of asset {a} must reach the claimant ({c0} → {c1})"
                );
            }
            w.claimed_alloc.insert(c, true);
            w.ever_held.insert(who.address);
            *counts.entry("allocation claim").or_default() += 1;
        }
        check_invariants(&n.chain, &w, step).await;
    }
    println!("operations: {counts:?}");
    gas.print();
    assert!(counts.get("transfer").copied().unwrap_or(0) > steps / 10);
    assert!(counts.get("claim").copied().unwrap_or(0) > steps / 10);

    // Anyone can recompute all of it from the token's logs alone (`cohort verify`'s revenue
    // link): every claim paid what was earned, every holder's figures equal the token's.
    let audit = tokens::audit::revenue(&n.chain, token, None).await.unwrap();
    assert_eq!(audit.len(), 3, "native coin, USDC and DAI");
    for a in &audit {
        assert!(a.holds(), "{}: {:?}", a.asset.symbol, a.problems);
        assert!(a.deposits > 0 && a.claims > 0, "{a:?}");
        assert!(a.holders >= 4, "{a:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn permit_lets_a_spender_move_model_tokens_without_an_approve_transaction() {
    use alloy::signers::SignerSync;
    use alloy::sol_types::{SolStruct, eip712_domain};
    alloy::sol! {
        struct Permit { address owner; address spender; uint256 value; uint256 nonce; uint256 deadline; }
    }
    let n = net().await;
    let job = standard_job(&n.rpc, n.suite.dataset_registry, n.suite.job_market, true).await;
    let owner = dev(&n.rpc, 1).await;
    let done = tokens::tokenize(
        &owner,
        &n.suite,
        &request(job.job_id, U256::from(10_000u64)),
        cohort::progress::silent().as_ref(),
    )
    .await
    .unwrap();
    let spender = dev(&n.rpc, 6).await;
    let value = U256::from(1234u64);
    let deadline = U256::from(u64::MAX);
    let domain = eip712_domain! {
        name: "Test Model",
        version: "1",
        chain_id: 31337,
        verifying_contract: done.token,
    };
    let permit = Permit {
        owner: owner.address,
        spender: spender.address,
        value,
        nonce: U256::ZERO,
        deadline,
    };
    let sig = cohort::devnet::dev_signer(1)
        .unwrap()
        .sign_hash_sync(&permit.eip712_signing_hash(&domain))
        .unwrap();
    let t = ModelToken::new(done.token, &spender.provider);
    mined!(t.permit(
        owner.address,
        spender.address,
        value,
        deadline,
        27 + sig.v() as u8,
        sig.r().into(),
        sig.s().into()
    ));
    mined!(t.transferFrom(owner.address, spender.address, value));
    assert_eq!(t.balanceOf(spender.address).call().await.unwrap(), value);
}
