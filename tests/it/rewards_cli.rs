//! `cohort model tokenize|list|show|holders|allocation` and `cohort rewards …` through the real
//! binary against a devnet, with completed jobs built through the contract bindings.

use crate::common::Devnet;
use crate::mined;
use crate::token_setup::{
    default_terms, dev, dev_address, mint, standard_job, standard_job_with, test_token,
};
use alloy::primitives::{Address, U256};
use cohort::chain::Chain;
use cohort::chain::bindings::{IERC20, JobMarket, ModelToken, ModelTokenFactory};
use serde_json::Value;

struct Net {
    net: Devnet,
    rpc: String,
    registry: Address,
    market: Address,
}

async fn net() -> Net {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let registry = net.contract("dataset_registry").parse().unwrap();
    let market = net.contract("job_market").parse().unwrap();
    Net {
        net,
        rpc,
        registry,
        market,
    }
}

impl Net {
    /// Runs cohort with args; returns (exit code, stdout, stderr).
    async fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut cmd = self.net.cmd();
        cmd.args(args);
        let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
            .await
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }
    async fn json(&self, args: &[&str]) -> Value {
        let mut a: Vec<&str> = args.to_vec();
        a.push("--json");
        let (code, out, err) = self.run(&a).await;
        assert_eq!(code, 0, "cohort {args:?} failed:\n{err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("no JSON from {args:?} ({e}): {out}"))
    }
}

fn tokenize_args<'a>(job: &'a str, owner: &'a str) -> Vec<&'a str> {
    vec![
        "model",
        "tokenize",
        job,
        "--name",
        "News Model",
        "--symbol",
        "NEWS",
        "--supply",
        "1000000",
        "--wallet",
        owner,
    ]
}

fn u(v: &Value) -> U256 {
    v.as_str()
        .unwrap_or_else(|| panic!("not a string: {v}"))
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn tokenize_refuses_bad_input_and_the_dry_run_lists_every_allocation() {
    let n = net().await;
    let done = standard_job(&n.rpc, n.registry, n.market, true).await;
    let running = standard_job(&n.rpc, n.registry, n.market, false).await;
    let job = done.job_id.to_string();
    let unfinished = running.job_id.to_string();

    // The split was committed when the job was created: tokenize takes none.
    let mut split = tokenize_args(&job, "dev:1");
    split.extend(["--owner-share", "90%"]);
    let (code, _, err) = n.run(&split).await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("committed"), "{err}");

    let (code, _, err) = n.run(&tokenize_args(&unfinished, "dev:1")).await;
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("not completed"), "{err}");

    let (code, _, err) = n.run(&tokenize_args(&job, "dev:2")).await;
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("not the owner"), "{err}");

    let (code, _, err) = n.run(&tokenize_args("999", "dev:1")).await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no job 999"), "{err}");

    // Dry run: every contributor's allocation, nothing sent.
    let mut args = tokenize_args(&job, "dev:1");
    args.push("--dry-run");
    let (code, human, err) = n.run(&args).await;
    assert_eq!(code, 0, "{err}");
    for i in [2, 3, 4, 5] {
        assert!(
            human.contains(&dev_address(i).to_string()),
            "dev {i} missing:\n{human}"
        );
    }
    assert!(human.contains("nothing was sent"), "{human}");
    let plan = n.json(&args).await;
    assert_eq!(plan["dry_run"], true);
    let allocs = plan["plan"]["allocations"].as_array().unwrap();
    assert_eq!(allocs.len(), 4);
    let e18 = U256::from(10u64).pow(U256::from(18u64));
    let total: U256 = allocs.iter().map(|a| u(&a["amount"])).sum();
    assert!(total <= U256::from(800_000u64) * e18);
    assert_eq!(
        u(&plan["plan"]["owner_amount"]),
        U256::from(200_000u64) * e18
    );
    assert_eq!(
        n.json(&["model", "list"]).await.as_array().unwrap().len(),
        0
    );

    // The real thing, then a second time: refused with the token's address.
    let t = n.json(&tokenize_args(&job, "dev:1")).await;
    let token = t["token"].as_str().unwrap().to_string();
    assert_eq!(t["plan"]["allocations"], plan["plan"]["allocations"]);
    let (code, _, err) = n.run(&tokenize_args(&job, "dev:1")).await;
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("already tokenized"), "{err}");
    assert!(err.to_lowercase().contains(&token.to_lowercase()), "{err}");

    let list = n.json(&["model", "list"]).await;
    assert_eq!(list[0]["symbol"], "NEWS");
    assert!(
        list[0]["token"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&token)
    );
    for name in [job.as_str(), token.as_str(), "news"] {
        let show = n.json(&["model", "show", name]).await;
        assert!(show["token"].as_str().unwrap().eq_ignore_ascii_case(&token));
    }
    let show = n.json(&["model", "show", "NEWS"]).await;
    assert_eq!(show["job_id"], done.job_id);
    assert_eq!(show["datasets"][0], done.dataset_id.to::<u64>());
    assert_eq!(show["revenue"][0]["asset"]["native"], true);
    assert_eq!(
        show["holders"].as_array().unwrap().len(),
        2,
        "owner and escrow"
    );
    let (code, _, err) = n.run(&["model", "show", "NOPE"]).await;
    assert_eq!(code, 2);
    assert!(err.contains("no model token named 'NOPE'"), "{err}");

    let a = n
        .json(&["model", "allocation", "NEWS", "--for", "dev:3"])
        .await;
    let row = &a["allocations"][0];
    assert_eq!(row["claimed"], false);
    assert!(u(&row["data_amount"]) > U256::ZERO && u(&row["compute_amount"]) > U256::ZERO);

    // After dev 3 claims, holders and allocation show it.
    let s3 = dev(&n.rpc, 3).await;
    let tk: Address = token.parse().unwrap();
    mined!(ModelToken::new(tk, &s3.provider).claimAllocation());
    let a = n.json(&["model", "allocation", "NEWS"]).await;
    let claimed: Vec<bool> = a["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claimed"].as_bool().unwrap())
        .collect();
    assert_eq!(claimed.iter().filter(|c| **c).count(), 1);
    let h = n.json(&["model", "holders", "NEWS"]).await;
    let holders: Vec<&str> = h["holders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["address"].as_str().unwrap())
        .collect();
    assert!(
        holders
            .iter()
            .any(|a| a.eq_ignore_ascii_case(&dev_address(3).to_string())),
        "{h}"
    );

    // `wallet balance` lists the model tokens the wallet holds.
    let b = n.json(&["wallet", "balance", "--wallet", "dev:3"]).await;
    let tokens = b["tokens"].as_array().unwrap();
    let news = tokens
        .iter()
        .find(|t| t["symbol"] == "NEWS")
        .unwrap_or_else(|| panic!("{b}"));
    assert!(news["token"].as_str().unwrap().eq_ignore_ascii_case(&token));
    assert!(u(&news["raw"]) > U256::ZERO);
}

#[tokio::test(flavor = "multi_thread")]
async fn rewards_deposit_list_claim_and_sync_pay_every_holder_once() {
    let n = net().await;
    let usdc = test_token(&n.rpc, 0, "USDC", 6).await;
    // The job commits to USDC as a revenue asset at creation; tokenize cannot add or drop it.
    let terms = JobMarket::Terms {
        revenueAssets: vec![usdc],
        ..default_terms()
    };
    let job = standard_job_with(&n.rpc, n.registry, n.market, true, terms).await;
    let usdc_s = usdc.to_string();
    let job_s = job.job_id.to_string();
    let mut args = tokenize_args(&job_s, "dev:1");
    args.extend(["--revenue-asset", usdc_s.as_str()]);
    let (code, _, err) = n.run(&args).await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("committed"), "{err}");
    let t = n.json(&tokenize_args(&job_s, "dev:1")).await;
    let token: Address = t["token"].as_str().unwrap().parse().unwrap();

    // Scripts call claim on a schedule: nothing to claim is success.
    let (code, out, err) = n
        .run(&["rewards", "claim", "--all", "--wallet", "dev:8"])
        .await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing to claim"), "{out}");
    let (code, _, err) = n.run(&["rewards", "claim", "--wallet", "dev:8"]).await;
    assert_eq!(code, 2, "{err}");

    // Revenue: 2 ETH and 100 USDC (approve handled).
    let d = n
        .json(&["rewards", "deposit", "NEWS", "2", "--wallet", "dev:8"])
        .await;
    assert_eq!(
        u(&d["amount"]),
        U256::from(2u64) * U256::from(10u64).pow(U256::from(18u64))
    );
    mint(&n.rpc, usdc, dev_address(8), U256::from(1_000_000_000u64)).await;
    let d = n
        .json(&[
            "rewards", "deposit", "NEWS", "100", "--asset", "usdc", "--wallet", "dev:8",
        ])
        .await;
    assert_eq!(u(&d["amount"]), U256::from(100_000_000u64));
    assert!(d["approve_tx"].is_string(), "{d}");
    let (code, _, err) = n
        .run(&[
            "rewards", "deposit", "NEWS", "1", "--asset", "DAI", "--wallet", "dev:8",
        ])
        .await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a revenue asset"), "{err}");

    // dev 3: an allocation (with revenue earned in escrow) and worker earnings.
    let l = n.json(&["rewards", "list", "dev:3"]).await;
    let kinds: Vec<&str> = l["claimable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["allocation", "earnings"], "{l}");
    assert_eq!(
        l["claimable"][0]["attached_revenue"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let chain = Chain::connect(&n.rpc, Some(31337)).await.unwrap();
    let usdc_t = IERC20::new(usdc, &chain.provider);
    let t3 = ModelToken::new(token, &chain.provider);
    let entitled = t3.allocationOf(dev_address(3)).call().await.unwrap();
    let c = n
        .json(&["rewards", "claim", "--all", "--wallet", "dev:3"])
        .await;
    let kinds: Vec<&str> = c["claimed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["allocation", "revenue", "revenue", "earnings"],
        "{c}"
    );
    assert_eq!(t3.balanceOf(dev_address(3)).call().await.unwrap(), entitled);
    let got = usdc_t.balanceOf(dev_address(3)).call().await.unwrap();
    assert!(got > U256::ZERO);
    assert_eq!(
        t3.claimable(dev_address(3), usdc).call().await.unwrap(),
        U256::ZERO
    );
    // A rerun finds nothing left.
    let c = n
        .json(&["rewards", "claim", "--all", "--wallet", "dev:3"])
        .await;
    assert_eq!(c["nothing_to_claim"], true, "{c}");

    // Only one asset of one model.
    let c = n
        .json(&[
            "rewards", "claim", "--model", "NEWS", "--asset", "USDC", "--wallet", "dev:1",
        ])
        .await;
    assert_eq!(c["claimed"].as_array().unwrap().len(), 1, "{c}");
    let l = n
        .json(&["rewards", "list", "--wallet", "dev:1", "--model", &job_s])
        .await;
    let assets: Vec<bool> = l["claimable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["asset"]["native"].as_bool().unwrap())
        .collect();
    assert_eq!(assets, [true], "only the native revenue is left: {l}");

    // Pushed directly, then synced: accounted once.
    let s8 = dev(&n.rpc, 8).await;
    mined!(IERC20::new(usdc, &s8.provider).transfer(token, U256::from(5_000_000u64)));
    let s = n
        .json(&["rewards", "sync", "NEWS", "--wallet", "dev:8"])
        .await;
    let synced = s["synced"].as_array().unwrap();
    assert_eq!(u(&synced[0]["amount"]), U256::ZERO);
    assert_eq!(u(&synced[1]["amount"]), U256::from(5_000_000u64));
    let s = n
        .json(&[
            "rewards", "sync", "NEWS", "--asset", "USDC", "--wallet", "dev:8",
        ])
        .await;
    assert_eq!(u(&s["synced"][0]["amount"]), U256::ZERO);
    assert_eq!(
        ModelToken::new(token, &chain.provider)
            .totalDeposited(usdc)
            .call()
            .await
            .unwrap(),
        U256::from(105_000_000u64)
    );
}

/// Runs cohort until it waits for the receipt of a transaction whose task's label starts with
/// `label`, kills it with SIGKILL there, and returns the transaction's hash.
fn killed_while_waiting(n: &Net, args: &[&str], label: &str) -> String {
    tokio::task::block_in_place(|| {
        let (mut child, hash) = crate::common::run_until_waiting_for_a_tx(&n.net, args, label);
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        let _ = child.wait();
        hash
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deposit_or_claim_killed_while_pending_pays_once_and_leaves_no_stale_record() {
    let n = net().await;
    let job = standard_job(&n.rpc, n.registry, n.market, true).await;
    let t = n
        .json(&tokenize_args(&job.job_id.to_string(), "dev:1"))
        .await;
    let token: Address = t["token"].as_str().unwrap().parse().unwrap();
    let chain = Chain::connect(&n.rpc, Some(31337)).await.unwrap();
    let t = ModelToken::new(token, &chain.provider);
    let e18 = U256::from(10u64).pow(U256::from(18u64));
    // From here a block comes every 2 seconds, as on a real chain: a sent transaction stays
    // pending for a while.
    use alloy::providers::Provider;
    chain
        .provider
        .raw_request::<_, Value>("evm_setIntervalMining".into(), (2u64,))
        .await
        .unwrap();

    // A deposit killed while its transaction is pending: the rerun waits for that transaction
    // instead of paying the revenue again.
    let deposit = ["rewards", "deposit", "NEWS", "1", "--wallet", "dev:8"];
    let hash = killed_while_waiting(&n, &deposit, "depositing");
    let d = n.json(&deposit).await;
    assert_eq!(d["tx_hash"], Value::String(hash.clone()), "{d}");
    assert_eq!(t.totalDeposited(Address::ZERO).call().await.unwrap(), e18);
    // The record went with the receipt: a deliberate second deposit is paid.
    let d = n.json(&deposit).await;
    assert_ne!(d["tx_hash"], Value::String(hash.clone()), "{d}");
    assert_eq!(
        t.totalDeposited(Address::ZERO).call().await.unwrap(),
        e18 * U256::from(2u8)
    );

    // A claim killed while pending, which lands before the rerun.
    let claim = [
        "rewards", "claim", "--model", "NEWS", "--asset", "native", "--wallet", "dev:1",
    ];
    let owed = t
        .claimable(dev_address(1), Address::ZERO)
        .call()
        .await
        .unwrap();
    let hash = killed_while_waiting(&n, &claim, "claiming");
    let h: alloy::primitives::B256 = hash.parse().unwrap();
    let mut landed = false;
    for _ in 0..300 {
        if chain
            .provider
            .get_transaction_receipt(h)
            .await
            .unwrap()
            .is_some()
        {
            landed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(landed, "the killed claim {hash} never landed");
    // The rerun finishes the earlier claim and says so, with what its receipt paid.
    let c = n.json(&claim).await;
    let claimed = c["claimed"].as_array().unwrap();
    assert_eq!(claimed.len(), 1, "{c}");
    assert_eq!(claimed[0]["resumed"], true, "{c}");
    assert_eq!(claimed[0]["tx_hash"], Value::String(hash.clone()), "{c}");
    assert_eq!(u(&claimed[0]["amount"]), owed, "{c}");
    // New revenue later is claimed by a new transaction, not taken for the old one.
    n.json(&deposit).await;
    let owed = t
        .claimable(dev_address(1), Address::ZERO)
        .call()
        .await
        .unwrap();
    assert!(owed > U256::ZERO);
    let c = n.json(&claim).await;
    let claimed = c["claimed"].as_array().unwrap();
    assert_eq!(claimed.len(), 1, "{c}");
    assert_ne!(claimed[0]["tx_hash"], Value::String(hash.clone()), "{c}");
    assert!(claimed[0].get("resumed").is_none(), "{c}");
    assert_eq!(u(&claimed[0]["amount"]), owed, "{c}");
    assert_eq!(
        t.claimable(dev_address(1), Address::ZERO)
            .call()
            .await
            .unwrap(),
        U256::ZERO
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_model_whose_revenue_asset_is_no_erc20_leaves_other_models_rewards_alone() {
    let n = net().await;
    let e18 = U256::from(10u64).pow(U256::from(18u64));
    // The contracts check only that a revenue asset is not zero: anyone can create a job (and
    // tokenize it) with an account without code as its asset.
    let eoa = dev_address(9);
    let terms = JobMarket::Terms {
        revenueAssets: vec![eoa],
        ..default_terms()
    };
    let junk = standard_job_with(&n.rpc, n.registry, n.market, true, terms).await;
    let factory: Address = n.net.contract("model_token_factory").parse().unwrap();
    let s1 = dev(&n.rpc, 1).await;
    mined!(ModelTokenFactory::new(factory, &s1.provider).tokenize(
        U256::from(junk.job_id),
        "Junk".into(),
        "JUNK".into(),
        U256::from(1_000_000u64) * e18
    ));
    let job = standard_job(&n.rpc, n.registry, n.market, true).await;
    n.json(&tokenize_args(&job.job_id.to_string(), "dev:1"))
        .await;
    n.json(&["rewards", "deposit", "NEWS", "2", "--wallet", "dev:8"])
        .await;

    // The holder of the other model lists and claims its revenue.
    let l = n.json(&["rewards", "list", "dev:1"]).await;
    let news: Vec<&Value> = l["claimable"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "revenue" && c["model"]["symbol"] == "NEWS")
        .collect();
    assert_eq!(news.len(), 1, "{l}");
    let show = n.json(&["model", "show", "JUNK"]).await;
    let asset = &show["revenue"][1]["asset"];
    assert_eq!(asset["symbol"], "?", "{show}");
    assert_eq!(asset["unreadable"], true, "{show}");
    assert!(
        asset["address"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&eoa.to_string()),
        "{show}"
    );
    let c = n
        .json(&["rewards", "claim", "--all", "--wallet", "dev:1"])
        .await;
    assert!(
        c["claimed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "revenue" && c["model"]["symbol"] == "NEWS"),
        "{c}"
    );

    // A mistyped asset is an error, not "nothing to claim".
    for cmd in ["claim", "list"] {
        let (code, out, err) = n
            .run(&["rewards", cmd, "--asset", "NOPE", "--wallet", "dev:1"])
            .await;
        assert_eq!(code, 2, "{cmd}: {out}{err}");
        assert!(err.contains("'NOPE' is not a revenue asset"), "{err}");
        assert!(err.contains("native"), "{err}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn claiming_one_asset_claims_the_allocation_that_holds_its_revenue() {
    let n = net().await;
    let usdc = test_token(&n.rpc, 0, "USDC", 6).await;
    let terms = JobMarket::Terms {
        revenueAssets: vec![usdc],
        ..default_terms()
    };
    let job = standard_job_with(&n.rpc, n.registry, n.market, true, terms).await;
    let t = n
        .json(&tokenize_args(&job.job_id.to_string(), "dev:1"))
        .await;
    let token: Address = t["token"].as_str().unwrap().parse().unwrap();
    n.json(&["rewards", "deposit", "NEWS", "2", "--wallet", "dev:8"])
        .await;
    let chain = Chain::connect(&n.rpc, Some(31337)).await.unwrap();
    let t3 = ModelToken::new(token, &chain.provider);
    let who = dev_address(3);
    assert!(!t3.allocationClaimed(who).call().await.unwrap());

    // dev 3's native revenue sits with its unclaimed allocation: listed with it.
    let l = n
        .json(&[
            "rewards", "list", "dev:3", "--model", "NEWS", "--asset", "native",
        ])
        .await;
    let items = l["claimable"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{l}");
    assert_eq!(items[0]["kind"], "allocation", "{l}");
    assert_eq!(
        items[0]["attached_revenue"][0]["asset"]["native"], true,
        "{l}"
    );

    // No USDC was paid in: asking for it leaves the allocation alone.
    let c = n
        .json(&[
            "rewards", "claim", "--model", "NEWS", "--asset", "USDC", "--wallet", "dev:3",
        ])
        .await;
    assert_eq!(c["nothing_to_claim"], true, "{c}");
    assert!(!t3.allocationClaimed(who).call().await.unwrap());

    // Asking for the native revenue claims the allocation that releases it, then the revenue.
    let c = n
        .json(&[
            "rewards", "claim", "--model", "NEWS", "--asset", "native", "--wallet", "dev:3",
        ])
        .await;
    assert_eq!(c["nothing_to_claim"], false, "{c}");
    let kinds: Vec<&str> = c["claimed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["allocation", "revenue"], "{c}");
    assert_eq!(c["claimed"][1]["asset"]["native"], true, "{c}");
    assert!(u(&c["claimed"][1]["amount"]) > U256::ZERO, "{c}");
    assert!(t3.allocationClaimed(who).call().await.unwrap());
    assert_eq!(
        t3.claimable(who, Address::ZERO).call().await.unwrap(),
        U256::ZERO
    );
    // The model filter leaves worker earnings alone.
    let jm = JobMarket::new(n.market, &chain.provider);
    assert!(jm.earnings(who).call().await.unwrap() > U256::ZERO);
}
