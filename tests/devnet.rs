//! `cohort devnet`: anvil + contracts + storage nodes in the background, stopped by PID, state kept.

mod common;

use common::{Devnet, Home};
use predicates::prelude::*;

fn pids(status: &serde_json::Value) -> Vec<u32> {
    status["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pid"].as_u64().unwrap() as u32)
        .collect()
}

fn alive(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| {
                s.rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
            .unwrap_or(true)
}

#[test]
fn devnet_up_status_down_up_keeps_contracts() {
    let net = Devnet::start(1, 1);
    let st = net.json(&["devnet", "status"]);
    assert_eq!(st["chain_id"], 31337);
    assert_eq!(st["running"], true);
    let contracts = st["contracts"].as_array().unwrap();
    for name in [
        "flow",
        "market",
        "dataset_registry",
        "job_market",
        "model_token_factory",
    ] {
        let c = contracts
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(c["deployed"], true, "{name} has no code");
    }
    assert_eq!(st["storage_nodes"].as_array().unwrap().len(), 1);
    let flow = net.contract("flow");
    let first_pids = pids(&st);
    assert!(first_pids.iter().all(|p| alive(*p)));

    // The local profile points at the devnet.
    let cfg = net.json(&["config", "show"]);
    assert_eq!(cfg["profile"]["name"], "local");
    assert_eq!(cfg["profile"]["chain_id"], 31337);
    assert_eq!(cfg["profile"]["contracts"]["flow"], flow.as_str());

    // A second `up` while running reports and changes nothing.
    let again = net.json(&["devnet", "up", "--port", "0"]);
    assert_eq!(again["started"], false);
    assert_eq!(pids(&again["status"]), first_pids);

    // `down` stops exactly those processes.
    let down = net.json(&["devnet", "down"]);
    assert_eq!(down["stopped"].as_array().unwrap().len(), first_pids.len());
    for p in &first_pids {
        assert!(!alive(*p), "process {p} still running after devnet down");
    }
    let st = net.json(&["devnet", "status"]);
    assert_eq!(st["running"], false);

    // `up` again: same contracts at the same addresses, with code (state was kept).
    let up = net.json(&["devnet", "up", "--port", "0"]);
    assert_eq!(up["started"], true);
    assert_eq!(
        up["deployed"], false,
        "contracts were redeployed instead of reloaded"
    );
    let flow2 = up["status"]["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "flow")
        .unwrap()
        .clone();
    assert_eq!(flow2["address"], flow.as_str());
    assert_eq!(flow2["deployed"], true);
}

#[test]
fn devnet_reset_gives_a_fresh_chain() {
    let net = Devnet::start(0, 1);
    let before = net.json(&["devnet", "status"]);
    assert_eq!(before["storage_nodes"].as_array().unwrap().len(), 0);
    let r = net.json(&["devnet", "reset", "--port", "0", "--nodes", "0"]);
    assert_eq!(r["deployed"], true);
    assert!(r["status"]["block_number"].as_u64().unwrap() < 20);
}

#[test]
fn devnet_port_in_use_is_a_clear_error() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port().to_string();
    let home = Home::new();
    home.cmd()
        .args(["devnet", "up", "--port", &port])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("port {port}")));
    // Nothing was left running.
    let st = home.json(&["devnet", "status"]);
    assert!(st["processes"].as_array().unwrap().is_empty());
}

#[test]
fn devnet_checks_shard_layout() {
    let home = Home::new();
    home.cmd()
        .args([
            "devnet", "up", "--port", "0", "--nodes", "3", "--shards", "2",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("multiple"));
    home.cmd()
        .args([
            "devnet", "up", "--port", "0", "--nodes", "3", "--shards", "3",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("power of two"));
}

#[test]
fn devnet_reports_missing_anvil() {
    let home = Home::new();
    home.cmd()
        .env("COHORT_ANVIL", "/nonexistent/anvil")
        .args(["devnet", "up", "--port", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/anvil"));
}

#[test]
fn deploy_writes_addresses_into_the_profile_and_skip_storage_keeps_flow() {
    let net = Devnet::start(0, 1);
    let rpc = net.rpc_url();
    // A second profile on the same chain, deployed with a raw key from an env var.
    net.cmd()
        .args(["config", "add", "other", "--rpc-url", &rpc])
        .assert()
        .success();
    let key = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"; // anvil dev account 2
    let out = net
        .cmd()
        .env("DEPLOY_KEY", key)
        .args([
            "--profile",
            "other",
            "--json",
            "deploy",
            "--private-key-env",
            "DEPLOY_KEY",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains(&key[2..]),
        "the key leaked to stdout"
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains(&key[2..]),
        "the key leaked to stderr"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["chain_id"], 31337);
    let flow = v["contracts"]["flow"].as_str().unwrap().to_string();
    assert_ne!(flow, net.contract("flow"), "a fresh suite has its own flow");
    let shown = net.json(&["--profile", "other", "config", "show"]);
    assert_eq!(shown["profile"]["contracts"]["flow"], flow.as_str());
    assert_eq!(shown["profile"]["chain_id"], 31337);

    // --skip-storage keeps the profile's flow and market and redeploys only cohort's own.
    let out = net
        .cmd()
        .env("DEPLOY_KEY", key)
        .args([
            "--profile",
            "other",
            "--json",
            "deploy",
            "--skip-storage",
            "--private-key-env",
            "DEPLOY_KEY",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v2: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v2["contracts"]["flow"], flow.as_str());
    assert_eq!(v2["contracts"]["market"], v["contracts"]["market"]);
    assert_ne!(v2["contracts"]["job_market"], v["contracts"]["job_market"]);
}

#[test]
fn dev_wallets_only_work_on_the_local_devnet() {
    let net = Devnet::start(0, 1);
    let rpc = net.rpc_url();
    net.cmd()
        .args([
            "config",
            "add",
            "remote",
            "--rpc-url",
            &rpc,
            "--chain-id",
            "31337",
        ])
        .assert()
        .success();
    net.cmd()
        .args(["config", "set", "profiles.remote.chain_id", "1"])
        .assert()
        .success();
    // chain id mismatch is a configuration error naming both ids.
    net.cmd()
        .args(["--profile", "remote", "deploy", "--wallet", "dev:0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expects 1"));
}
