//! Test helpers for model tokens: a completed job built straight through the JobMarket and
//! DatasetRegistry bindings with anvil's dev accounts (sealed dataset with reviewed
//! contributions, workers joining, submitting and being accepted over two rounds), and a
//! mintable test ERC-20.
#![allow(dead_code)]

use alloy::primitives::{Address, B256, U256};
use alloy::rpc::types::TransactionReceipt;
use cohort::chain::bindings::{DatasetRegistry, JobMarket, TestToken};
use cohort::chain::{Chain, SignerChain};

/// Sends a contract call and waits for a successful receipt. The gas limit is fixed rather than
/// estimated: an estimate made in the same second as the previous block is exact for that
/// second, and a call that writes `block.timestamp` (a round's start) costs more when it is mined
/// in the next one, so under load an exact estimate ran out of gas now and then.
#[macro_export]
macro_rules! mined {
    ($call:expr) => {{
        let r = $call
            .gas(8_000_000)
            .send()
            .await
            .expect("send")
            .get_receipt()
            .await
            .expect("receipt");
        assert!(
            r.status(),
            "transaction {} reverted (gas used {})",
            r.transaction_hash,
            r.gas_used
        );
        r
    }};
}

/// Dev account `i` as a signing chain connection.
pub async fn dev(rpc_url: &str, i: u32) -> SignerChain {
    let chain = Chain::connect(rpc_url, Some(31337)).await.unwrap();
    chain
        .with_signer(cohort::devnet::dev_signer(i).unwrap())
        .unwrap()
}

pub fn dev_address(i: u32) -> Address {
    cohort::devnet::dev_signer(i).unwrap().address()
}

/// One data contribution: dev account, byte size, curator score.
#[derive(Clone, Copy, Debug)]
pub struct Data {
    pub dev: u32,
    pub size: u64,
    pub score: u8,
}

/// One worker: dev account and its work units per round (0 in round 1 = leaves the job after
/// round 0 and does not submit). Units of round 1 are submitted but rejected when
/// `reject_round1` is set.
#[derive(Clone, Debug)]
pub struct Work {
    pub dev: u32,
    pub units: [u64; 2],
    pub reject_round1: bool,
}

/// The terms of the jobs these helpers build: split 20% / 40% / 40%, no bond, the owner alone
/// as the committee, units per submission high enough for every test's units.
pub fn default_terms() -> JobMarket::Terms {
    JobMarket::Terms {
        ownerBps: 2000,
        dataBps: 4000,
        computeBps: 4000,
        maxServiceFeeBps: 1000,
        threshold: 1,
        spans: 2,
        tolerancePpb: 10_000,
        maxLossIncreasePpb: 50_000_000,
        checkpointEvery: 10,
        grace: 600,
        bond: U256::ZERO,
        unitsPerSubmission: U256::from(1_000_000_000_000u64),
        committee: vec![],
        revenueAssets: vec![],
    }
}

/// What a built job is.
#[derive(Clone, Debug)]
pub struct BuiltJob {
    pub job_id: u64,
    pub dataset_id: U256,
    pub owner: u32,
}

/// Creates and seals a dataset curated by `owner` with the given contributions, then runs a
/// two-round job over it owned and verified by `owner` (a committee of one); completes it (by
/// finalizing its last round) unless `complete` is false (then it stays Running after round 0).
pub async fn build_job(
    rpc_url: &str,
    registry: Address,
    market: Address,
    owner: u32,
    data: &[Data],
    work: &[Work],
    complete: bool,
) -> BuiltJob {
    build_job_with(
        rpc_url,
        registry,
        market,
        owner,
        data,
        work,
        complete,
        default_terms(),
    )
    .await
}

/// [`build_job`] with the job's committed terms given.
#[allow(clippy::too_many_arguments)]
pub async fn build_job_with(
    rpc_url: &str,
    registry: Address,
    market: Address,
    owner: u32,
    data: &[Data],
    work: &[Work],
    complete: bool,
    terms: JobMarket::Terms,
) -> BuiltJob {
    let o = dev(rpc_url, owner).await;
    let reg = DatasetRegistry::new(registry, &o.provider);
    let name = format!("ds-{}", rand::random::<u64>());
    let r = mined!(reg.createDataset(
        name.clone(),
        "test data".into(),
        "CC-BY-4.0".into(),
        U256::ZERO
    ));
    let dataset_id = r
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<DatasetRegistry::DatasetCreated>().ok())
        .unwrap()
        .inner
        .data
        .datasetId;
    for (i, d) in data.iter().enumerate() {
        let c = dev(rpc_url, d.dev).await;
        let creg = DatasetRegistry::new(registry, &c.provider);
        let root = B256::repeat_byte(i as u8 + 1);
        mined!(creg.contribute(
            dataset_id,
            root,
            U256::from(d.size),
            B256::ZERO,
            format!("f{i}.txt")
        ));
    }
    for (i, d) in data.iter().enumerate() {
        mined!(reg.review(dataset_id, U256::from(i), d.score > 0, d.score));
    }
    mined!(reg.seal(dataset_id));

    let jm = JobMarket::new(market, &o.provider);
    let reward = U256::from(10u64).pow(U256::from(18u64));
    let r = mined!(
        jm.createJob(
            B256::repeat_byte(0xaa),
            B256::ZERO,
            vec![dataset_id],
            2,
            8,
            reward,
            3600,
            terms
        )
        .value(reward * U256::from(2u8))
    );
    let job_id = r
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<JobMarket::JobCreated>().ok())
        .unwrap()
        .inner
        .data
        .jobId;
    for w in work {
        let c = dev(rpc_url, w.dev).await;
        let cjm = JobMarket::new(market, &c.provider);
        mined!(cjm.registerWorker("cpu: test".into()));
        mined!(cjm.join(job_id));
    }
    mined!(jm.startJob(job_id));
    for round in 0..2u32 {
        let mut accepted = Vec::new();
        let mut units = Vec::new();
        let mut rejected = Vec::new();
        for w in work {
            let units_of = w.units[round as usize];
            if units_of == 0 {
                // A worker that sits a round out leaves the job before it (it holds no bond), as
                // the round takes its votes only once every worker in it submitted.
                assert_eq!(round, 1, "a worker may sit out the last round only");
                let c = dev(rpc_url, w.dev).await;
                mined!(JobMarket::new(market, &c.provider).leave(job_id));
                continue;
            }
            let c = dev(rpc_url, w.dev).await;
            let cjm = JobMarket::new(market, &c.provider);
            mined!(cjm.submitWork(
                job_id,
                round,
                B256::repeat_byte(0xb0 + round as u8),
                U256::from(units_of)
            ));
            if round == 1 && w.reject_round1 {
                rejected.push(dev_address(w.dev));
            } else {
                accepted.push(dev_address(w.dev));
                units.push(U256::from(units_of));
            }
        }
        // The owner is the committee (threshold 1): it votes, then finalizes.
        let verdict = JobMarket::Verdict {
            accepted,
            units,
            rejected,
            aggregateRoot: B256::repeat_byte(if round == 1 { 0xee } else { 0xc0 }),
            reportRoot: B256::repeat_byte(0xd0),
        };
        let hash = jm
            .verdictHash(job_id, round, verdict.clone())
            .call()
            .await
            .unwrap();
        mined!(jm.voteVerdict(job_id, round, hash, B256::repeat_byte(0xd0)));
        mined!(jm.finalizeRound(job_id, round, verdict));
        if round == 0 && !complete {
            break;
        }
    }
    BuiltJob {
        job_id: job_id.to::<u64>(),
        dataset_id,
        owner,
    }
}

/// The standard job of these tests: owner dev 1; data from dev 2 and dev 3; work from dev 3
/// and dev 4 (dev 4's round-1 work rejected) and dev 5 (round 0 only).
pub async fn standard_job(
    rpc_url: &str,
    registry: Address,
    market: Address,
    complete: bool,
) -> BuiltJob {
    standard_job_with(rpc_url, registry, market, complete, default_terms()).await
}

/// [`standard_job`] with the job's committed terms given (e.g. another `maxServiceFeeBps`).
pub async fn standard_job_with(
    rpc_url: &str,
    registry: Address,
    market: Address,
    complete: bool,
    terms: JobMarket::Terms,
) -> BuiltJob {
    build_job_with(
        rpc_url,
        registry,
        market,
        1,
        &[
            Data {
                dev: 2,
                size: 1000,
                score: 50,
            },
            Data {
                dev: 3,
                size: 3001,
                score: 77,
            },
            Data {
                dev: 2,
                size: 10,
                score: 0,
            },
        ],
        &[
            Work {
                dev: 3,
                units: [100, 250],
                reject_round1: false,
            },
            Work {
                dev: 4,
                units: [333, 7],
                reject_round1: true,
            },
            Work {
                dev: 5,
                units: [41, 0],
                reject_round1: false,
            },
        ],
        complete,
        terms,
    )
    .await
}

/// Deploys a mintable test ERC-20 from dev account `deployer`.
pub async fn test_token(rpc_url: &str, deployer: u32, symbol: &str, decimals: u8) -> Address {
    let s = dev(rpc_url, deployer).await;
    let t = TestToken::deploy(
        &s.provider,
        format!("Test {symbol}"),
        symbol.to_string(),
        decimals,
    )
    .await
    .unwrap();
    *t.address()
}

/// Mints `amount` of a test token to `to`.
pub async fn mint(rpc_url: &str, token: Address, to: Address, amount: U256) -> TransactionReceipt {
    let s = dev(rpc_url, 0).await;
    mined!(TestToken::new(token, &s.provider).mint(to, amount))
}
