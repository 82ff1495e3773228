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
