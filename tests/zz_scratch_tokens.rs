#![allow(clippy::disallowed_macros)]
mod common;
mod token_setup;
use common::Devnet;
use token_setup::*;
#[tokio::test(flavor = "multi_thread")]
async fn scratch() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1)).await.unwrap();
    let rpc = net.rpc_url();
    let reg = net.contract("dataset_registry").parse().unwrap();
    let m = net.contract("job_market").parse().unwrap();
    let job = standard_job(&rpc, reg, m, true).await;
    let usdc = test_token(&rpc, 0, "USDC", 6).await.to_string();
    mint(&rpc, usdc.parse().unwrap(), dev_address(8), alloy::primitives::U256::from(10u64.pow(12))).await;
    let j = job.job_id.to_string();
    let run = |args: &[&str]| {
        let out = net.cmd().args(args).output().unwrap();
        println!("$ cohort {}\n[exit {}]\n{}{}", args.join(" "), out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    };
    run(&["model","tokenize",&j,"--name","News Model","--symbol","NEWS","--supply","1000000","--owner-share","20%","--data-share","40%","--compute-share","40%","--revenue-asset",&usdc,"--wallet","dev:1","--dry-run"]);
    run(&["model","tokenize",&j,"--name","News Model","--symbol","NEWS","--supply","1000000","--owner-share","20%","--data-share","40%","--compute-share","40%","--revenue-asset",&usdc,"--wallet","dev:1"]);
    run(&["model","list"]);
    run(&["rewards","deposit","NEWS","1.5","--wallet","dev:8"]);
    run(&["rewards","deposit","NEWS","250","--asset","USDC","--wallet","dev:8"]);
    run(&["rewards","list","dev:3"]);
    run(&["rewards","claim","--all","--wallet","dev:3"]);
    run(&["rewards","claim","--all","--wallet","dev:3"]);
    run(&["model","show","NEWS"]);
    run(&["model","holders","NEWS"]);
    run(&["model","allocation","NEWS"]);
    run(&["rewards","sync","NEWS","--wallet","dev:8"]);
    run(&["wallet","balance","--wallet","dev:3"]);
    run(&["rewards","deposit","NEWS","1","--wallet","dev:9", "--asset", "native"]);
    run(&["rewards","deposit","NEWS","100000000","--wallet","dev:9"]);
    run(&["rewards","--help"]);
}
