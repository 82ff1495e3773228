//! `cohort devnet`: anvil + contracts + storage nodes in the background, stopped by PID, state kept.

use crate::common::{Devnet, Home};
use predicates::prelude::*;

fn pids(status: &serde_json::Value) -> Vec<u32> {
    status["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pid"].as_u64().unwrap() as u32)
        .collect()
}

/// Whether a thread of `pid` has not exited yet: after `kill -9` the main thread can be a zombie
/// while others still hold the process's sockets (as `devnet up` counts it).
fn alive(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return false;
    };
    tasks.flatten().any(|t| {
        std::fs::read_to_string(t.path().join("stat")).is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with(['Z', 'X'])
        })
    })
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
    // So do flags that match it.
    let again = net.json(&["devnet", "up", "--nodes", "1", "--shards", "1"]);
    assert_eq!(again["started"], false);
    assert_eq!(pids(&again["status"]), first_pids);
    // Flags asking for another layout are refused (exit 2), naming the running one and the fix,
    // not ignored with "nothing changed"; the devnet runs on as it was.
    let (code, err) = net
        .home
        .refused_json(&["devnet", "up", "--nodes", "2", "--shards", "2"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "devnet.running_layout", "{err}");
    let msg = err["message"].as_str().unwrap();
    assert!(msg.contains("1 storage node(s) in 1 shard(s)"), "{err}");
    let hint = err["hint"].as_str().unwrap();
    assert!(
        hint.contains("cohort devnet reset --nodes 2 --shards 2"),
        "{err}"
    );
    let (code, err) = net
        .home
        .refused_json(&["devnet", "up", "--port", "0", "--block-time", "5"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err["hint"]
            .as_str()
            .unwrap()
            .contains("`cohort devnet up --block-time 5`"),
        "{err}"
    );
    let st = net.json(&["devnet", "status"]);
    assert_eq!(pids(&st), first_pids);
    assert_eq!(st["storage_nodes"].as_array().unwrap().len(), 1);

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

/// After `devnet down`, `up` without flags brings the devnet back as it was laid out: anvil on
/// its port, the nodes in their shards, the same chain; another layout over the kept node data
/// is refused (exit 2, naming `devnet reset`); a port another program took since is replaced by
/// a free one, with a note, and the local profile follows.
#[test]
fn up_after_down_comes_back_on_its_port_with_its_layout() {
    let net = Devnet::start(2, 2);
    let url = net.rpc_url();
    let flow = net.contract("flow");
    let flow_of = |up: &serde_json::Value| {
        up["status"]["contracts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "flow")
            .unwrap()["address"]
            .clone()
    };
    net.json(&["devnet", "down"]);

    let (code, err) = net
        .home
        .refused_json(&["devnet", "up", "--nodes", "1", "--shards", "1"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "devnet.kept_layout", "{err}");
    assert!(
        err.to_string()
            .contains("devnet reset --nodes 1 --shards 1"),
        "{err}"
    );
    assert!(
        net.json(&["devnet", "status"])["processes"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let up = net.json(&["devnet", "up"]);
    assert_eq!(up["started"], true, "{up}");
    assert_eq!(up["deployed"], false, "{up}");
    assert_eq!(up["status"]["rpc_url"], url.as_str(), "{up}");
    assert_eq!(
        up["status"]["storage_nodes"].as_array().unwrap().len(),
        2,
        "{up}"
    );
    assert_eq!(flow_of(&up), flow.as_str());
    let shards: Vec<String> = up["status"]["storage_nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let c = crate::common::rpc(
                n.as_str().unwrap(),
                "zgs_getShardConfig",
                serde_json::json!([]),
            );
            format!("{}/{}", c["result"]["shardId"], c["result"]["numShard"])
        })
        .collect();
    assert_eq!(shards, ["0/2", "1/2"]);

    // Another program on anvil's port: a free one, said so, and the profile follows.
    net.json(&["devnet", "down"]);
    let port: u16 = url.rsplit(':').next().unwrap().parse().unwrap();
    let _taken = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let out = net.cmd().args(["devnet", "up", "--json"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("anvil's port {port} on 127.0.0.1 is taken")),
        "{stderr}"
    );
    let up: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let moved = up["status"]["rpc_url"].as_str().unwrap().to_string();
    assert_ne!(moved, url);
    assert_eq!(
        net.json(&["config", "show"])["profile"]["rpc_url"],
        moved.as_str()
    );
    assert_eq!(flow_of(&up), flow.as_str());
}

/// A `node run` started by hand on the devnet's chain keeps its folder's files; after `devnet
/// reset` (a new chain under the same id, port and flow address) the same folder is refused
/// (exit 2, naming the reset) rather than served as if its files were on the new chain.
#[test]
fn a_hand_started_nodes_folder_of_a_reset_chain_is_refused() {
    use crate::common::procs::wait_exit;
    let net = Devnet::start(0, 1);
    let url = net.rpc_url();
    let flow = net.contract("flow");
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let node = |log: &str| {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(work.path().join(log)).unwrap();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["--json", "node", "run", "--data-dir"])
            .arg(&data)
            .args(["--rpc", &format!("127.0.0.1:{port}")])
            .args(["--chain-rpc", &url, "--flow", &flow])
            .env("COHORT_HOME", work.path().join("home"))
            .stdin(std::process::Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        (child, format!("http://127.0.0.1:{port}"))
    };
    // It listens once it has checked (and recorded) the chain and flow its folder follows.
    let listens = |log: &str| {
        let (mut child, node_url) = node(log);
        let start = std::time::Instant::now();
        while std::net::TcpStream::connect(node_url.trim_start_matches("http://")).is_err() {
            let exited = child.try_wait().unwrap();
            assert!(
                exited.is_none() && start.elapsed() < std::time::Duration::from_secs(60),
                "{exited:?}: {}",
                std::fs::read_to_string(work.path().join(log)).unwrap_or_default()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        child.kill().unwrap();
        child.wait().unwrap();
    };
    listens("first.log");
    // `devnet down` and `up` keep the chain: its folder is still the node's (anvil rebuilds
    // block 0 with the restart's time; the chain is the same), twice over, a second apart.
    for i in 0..2 {
        net.json(&["devnet", "down"]);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        net.json(&["devnet", "up"]);
        listens(&format!("restart-{i}.log"));
    }

    let r = net.json(&["devnet", "reset", "--nodes", "0", "--yes"]);
    assert_eq!(r["status"]["rpc_url"], url.as_str(), "{r}");
    let (mut again, _) = node("again.log");
    let log = work.path().join("again.log");
    let status = wait_exit(&mut again, std::time::Duration::from_secs(60), &log);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(status.code(), Some(2), "{text}");
    assert!(text.contains("node.data_dir_other_chain"), "{text}");
    assert!(text.contains("reset or replaced"), "{text}");
}

#[test]
fn devnet_reset_gives_a_fresh_chain() {
    let net = Devnet::start(0, 1);
    let before = net.json(&["devnet", "status"]);
    assert_eq!(before["storage_nodes"].as_array().unwrap().len(), 0);
    let r = net.json(&["devnet", "reset", "--port", "0", "--nodes", "0", "--yes"]);
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

/// install.sh run without `COHORT_HOME` puts anvil in the platform's tools folder; a home named
/// by `COHORT_HOME` finds it there too (nothing else names it: no variable, not on PATH).
#[test]
fn a_cohort_home_finds_the_anvil_a_plain_install_put_in_the_platform_folder() {
    let home = Home::new();
    let platform = tempfile::tempdir().unwrap();
    let bin = platform.path().join("cohort/tools/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(crate::common::anvil_path(), bin.join("anvil")).unwrap();
    let up = |data: &std::path::Path| {
        home.cmd()
            .env_remove("COHORT_ANVIL")
            .env("PATH", "/usr/bin:/bin")
            .env("XDG_DATA_HOME", data)
            .args(["devnet", "up", "--port", "0", "--nodes", "0", "--json"])
            .output()
            .unwrap()
    };
    let elsewhere = tempfile::tempdir().unwrap();
    let out = up(elsewhere.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = up(platform.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    home.cmd().args(["devnet", "down"]).assert().success();
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

    // A profile whose suite is live is not replaced unasked (no terminal here: exit 2, naming
    // what is live), and nothing is deployed.
    let job_market = v["contracts"]["job_market"].as_str().unwrap().to_string();
    let out = net
        .cmd()
        .env("DEPLOY_KEY", key)
        .args([
            "--profile",
            "other",
            "deploy",
            "--skip-storage",
            "--private-key-env",
            "DEPLOY_KEY",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // Text names addresses checksummed (EIP-55), as every text output does.
    let checksummed = job_market
        .parse::<alloy::primitives::Address>()
        .unwrap()
        .to_checksum(None);
    assert!(err.contains(&checksummed) && err.contains("--yes"), "{err}");
    let shown = net.json(&["--profile", "other", "config", "show"]);
    assert_eq!(
        shown["profile"]["contracts"]["job_market"],
        job_market.as_str()
    );

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
            "--yes",
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
    // What it replaced is in the result; the storage contracts it kept are not.
    assert_eq!(v2["replaced"]["job_market"], job_market.as_str(), "{v2}");
    assert!(v2["replaced"].get("flow").is_none(), "{v2}");
}

/// `deploy` on the devnet's own profile keeps the flow its storage nodes follow (a new flow
/// left every upload refused), says so, and replaces cohort's own contracts; uploads go on.
#[test]
fn deploy_on_the_devnets_profile_keeps_the_flow_its_nodes_follow() {
    let net = Devnet::start(1, 1);
    let (flow, job_market) = (net.contract("flow"), net.contract("job_market"));
    let out = net
        .cmd()
        .args(["--json", "deploy", "--wallet", "dev:0", "--yes"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("kept the devnet's flow"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["contracts"]["flow"].as_str().unwrap().to_lowercase(),
        flow.to_lowercase()
    );
    assert_ne!(v["contracts"]["job_market"], job_market.as_str());
    let dir = tempfile::tempdir().unwrap();
    let f = crate::common::write(dir.path(), "a.txt", "still stored after a deploy\n");
    net.cmd()
        .args(["storage", "upload"])
        .arg(&f)
        .args(["--wallet", "dev:1"])
        .assert()
        .success();
    // A job id that names no job is not one to tokenize.
    net.cmd()
        .args(["model", "show", "7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "there is no job 7 (this market has no jobs yet)",
        ));
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

/// A progress sink that raises a flag once an upload has had a segment acknowledged.
struct Tripwire(std::sync::Arc<std::sync::atomic::AtomicBool>);
struct TripTask(Option<std::sync::Arc<std::sync::atomic::AtomicBool>>);
impl cohort::progress::Task for TripTask {
    fn inc(&self, _: u64) {
        if let Some(f) = &self.0 {
            f.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
    fn set_position(&self, _: u64) {}
    fn set_message(&self, _: &str) {}
    fn finish(&self) {}
}
impl cohort::progress::Progress for Tripwire {
    fn task(
        &self,
        label: &str,
        _: Option<u64>,
        _: cohort::progress::Unit,
    ) -> std::sync::Arc<dyn cohort::progress::Task> {
        std::sync::Arc::new(TripTask(
            label.starts_with("uploading").then(|| self.0.clone()),
        ))
    }
    fn note(&self, _: &str) {}
}

fn urls(status: &serde_json::Value) -> Vec<String> {
    status["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_crashed_node_alone_is_restarted_on_its_port_and_its_upload_journal_still_applies() {
    use cohort::client::Client;
    use cohort::config::{Overrides, Paths};
    use cohort::storage::{self, UploadOptions};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    let net = Devnet::start(2, 1);
    let st = net.json(&["devnet", "status"]);
    let (pids0, urls0) = (pids(&st), urls(&st));
    assert_eq!(pids0.len(), 4, "anvil, two nodes and the indexer: {st}");
    let nodes0: Vec<String> = st["storage_nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap().to_string())
        .collect();

    // An upload to node 0, interrupted once node 0 has acknowledged a segment.
    let data: Vec<u8> = (0..20 * 262144usize).map(|i| (i * 7 % 253) as u8).collect();
    let f = net.home.path().join("journal.bin");
    std::fs::write(&f, &data).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = Client::load(Paths::under(net.home.path()), &Overrides::default()).unwrap();
    let signer = rt.block_on(async {
        let chain = client.chain().await.unwrap();
        chain
            .with_signer(cohort::devnet::dev_signer(4).unwrap())
            .unwrap()
    });
    // Both nodes of the one shard hold the file: named, so that the rerun right after the
    // restart does not depend on when the indexer sees node 0 again.
    let opts = UploadOptions {
        nodes: nodes0.to_vec(),
        segments_per_request: 1,
        concurrency: 1,
        timeout: Duration::from_secs(120),
        ..Default::default()
    };
    rt.block_on(async {
        let flag = Arc::new(AtomicBool::new(false));
        let only_node0 = UploadOptions {
            nodes: vec![nodes0[0].clone()],
            expected_replica: 1,
            ..opts.clone()
        };
        let trip = Tripwire(flag.clone());
        let upload = storage::upload_file(&client, &signer, &f, &only_node0, &trip);
        let watch = async {
            while !flag.load(Ordering::SeqCst) {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        };
        tokio::select! {
            r = upload => panic!("the upload finished before it was interrupted: {r:?}"),
            _ = watch => {}
        }
        // Let the aborted tasks drop (the journal is written when they do).
        tokio::time::sleep(Duration::from_millis(500)).await;
    });

    // Node 0 crashes.
    let killed = pids0[1];
    std::process::Command::new("kill")
        .args(["-9", &killed.to_string()])
        .status()
        .unwrap();
    // Every thread of it gone (30 s at most: a loaded machine is slow to end them).
    for _ in 0..1200 {
        if !alive(killed) {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(!alive(killed));
    assert_eq!(net.json(&["devnet", "status"])["running"], false);

    // `up` restarts node 0 alone, on its port.
    let up = net.json(&["devnet", "up", "--port", "0", "--nodes", "2"]);
    assert_eq!(up["started"], true);
    assert_eq!(up["deployed"], false);
    assert_eq!(up["restarted"], serde_json::json!(["storage node 0"]));
    let pids1 = pids(&up["status"]);
    assert_eq!(pids1[0], pids0[0], "anvil was restarted");
    assert_eq!(pids1[2], pids0[2], "the running node was restarted");
    assert_ne!(pids1[1], killed);
    assert!(pids1.iter().all(|p| alive(*p)));
    let st = net.json(&["devnet", "status"]);
    assert_eq!(st["running"], true);
    assert_eq!(urls(&st), urls0, "a process moved to another URL");
    assert_eq!(st["storage_nodes"], serde_json::json!(nodes0));
    assert_eq!(
        net.json(&["config", "show"])["profile"]["indexer"],
        st["indexer"]
    );

    // The rerun finds node 0's acknowledged segments in the journal and does not resend them.
    let client = Client::load(Paths::under(net.home.path()), &Overrides::default()).unwrap();
    let r = rt
        .block_on(storage::upload_file(
            &client,
            &signer,
            &f,
            &opts,
            &cohort::progress::Silent,
        ))
        .unwrap();
    assert!(!r.fragments[0].submitted, "a second transaction: {r:?}");
    assert!(
        r.segments_skipped >= 1,
        "node 0's segments were sent again: {r:?}"
    );
    assert_eq!(r.segments_sent + r.segments_skipped, 2 * 20, "{r:?}");
    assert!(r.fragments[0].finalized);
    let out = net.home.path().join("journal.out");
    net.json(&[
        "storage",
        "download",
        &r.roots[0],
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), data);

    // anvil crashes: it alone comes back, on its port, with the contracts; the nodes keep running.
    let st = net.json(&["devnet", "status"]);
    let pids2 = pids(&st);
    std::process::Command::new("kill")
        .args(["-9", &pids2[0].to_string()])
        .status()
        .unwrap();
    for _ in 0..1200 {
        if !alive(pids2[0]) {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(!alive(pids2[0]), "anvil outlived kill -9 by 30 s");
    let up = net.json(&["devnet", "up", "--port", "0", "--nodes", "2"]);
    assert_eq!(up["restarted"], serde_json::json!(["anvil"]));
    let pids3 = pids(&up["status"]);
    assert_ne!(pids3[0], pids2[0]);
    assert_eq!(pids3[1..], pids2[1..], "a running node was restarted");
    assert_eq!(urls(&up["status"]), urls0);
    assert_eq!(up["status"]["running"], true);
    assert!(
        up["status"]["contracts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["deployed"] == true),
        "{up}"
    );

    // After `down`, a fresh `up` puts the nodes on the same ports again.
    net.json(&["devnet", "down"]);
    let up = net.json(&["devnet", "up", "--port", "0", "--nodes", "2"]);
    assert_eq!(up["status"]["storage_nodes"], serde_json::json!(nodes0));
}

#[test]
fn devnet_reset_asks_first_and_restarts_on_the_port_and_layout_it_had() {
    let net = Devnet::start(0, 1);
    let flow = net.contract("flow");
    let before = net.json(&["devnet", "status"]);
    // Without a terminal and without --yes nothing is wiped or restarted.
    let (code, err) = net.home.refused_json(&["devnet", "reset"]);
    assert_eq!(code, 2);
    assert_eq!(err["code"], "confirm.no_terminal");
    let st = net.json(&["devnet", "status"]);
    assert_eq!(st["running"], true);
    assert_eq!(pids(&st), pids(&before));
    assert!(
        st["block_number"].as_u64() >= before["block_number"].as_u64(),
        "the chain went back"
    );
    let f = st["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "flow")
        .unwrap();
    assert_eq!(f["address"], flow.as_str());
    assert_eq!(f["deployed"], true);
    // With --yes: a fresh chain on the port it used (not 8545), with its layout (no nodes).
    let r = net.json(&["devnet", "reset", "--yes"]);
    assert_eq!(r["deployed"], true);
    assert_eq!(r["status"]["rpc_url"], net.rpc_url().as_str());
    assert_eq!(r["status"]["storage_nodes"].as_array().unwrap().len(), 0);
    assert!(
        pids(&r["status"])
            .iter()
            .all(|p| !pids(&before).contains(p))
    );
}

#[test]
fn removed_local_profile_is_asked_about_and_written_back_by_up() {
    let net = Devnet::start(0, 1);
    let flow = net.contract("flow");
    // The devnet's (default) profile is not removed without --yes.
    let (code, err) = net.home.refused_json(&["config", "remove", "local"]);
    assert_eq!(code, 2);
    assert_eq!(err["code"], "confirm.no_terminal");
    let v = net.json(&["config", "get", "profiles.local.contracts.flow"]);
    assert_eq!(v["value"], flow.as_str());
    net.json(&["config", "remove", "local", "--yes"]);
    net.cmd()
        .args(["config", "get", "profiles.local.rpc_url"])
        .assert()
        .code(2);
    // `up` on the running devnet writes it back as it was: the same chain and contracts.
    let up = net.json(&["devnet", "up", "--port", "0"]);
    assert_eq!(up["started"], false);
    assert_eq!(up["restored_profile"], true);
    let v = net.json(&["config", "get", "profiles.local.contracts.flow"]);
    assert_eq!(v["value"], flow.as_str());
    let v = net.json(&["config", "get", "profiles.local.rpc_url"]);
    assert_eq!(v["value"], net.rpc_url().as_str());
    let v = net.json(&["config", "get", "default_profile"]);
    assert_eq!(v["value"], "local");
    let st = net.json(&["devnet", "status"]);
    assert!(
        st["contracts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "flow" && c["deployed"] == true)
    );
    // The commands that use the profile's contracts work again.
    assert_eq!(net.json(&["job", "list"]).as_array().unwrap().len(), 0);
}

/// `devnet reset` forgets the recorded pending transactions signed for the devnet's chain (none
/// can land on the fresh chain; a rerun must not broadcast one there) and keeps other chains'.
#[test]
fn devnet_reset_forgets_the_pending_transactions_of_its_chain_only() {
    use alloy::consensus::{SignableTransaction, TxEip1559, TxEnvelope};
    use alloy::eips::eip2718::Encodable2718;
    use alloy::network::TxSignerSync;
    use alloy::primitives::{TxKind, U256};
    let net = Devnet::start(0, 1);
    let key = cohort::devnet::dev_signer(5).unwrap();
    let pending = net.home.path().join("pending-tx");
    std::fs::create_dir_all(&pending).unwrap();
    // A signed transfer of chain `chain_id` recorded as cohort records one, under `intent`.
    let record = |chain_id: u64, intent: &str| {
        let mut tx = TxEip1559 {
            chain_id,
            nonce: 0,
            gas_limit: 21_000,
            max_fee_per_gas: 2_000_000_000,
            max_priority_fee_per_gas: 1,
            to: TxKind::Call(crate::common::dev_address(6)),
            value: U256::from(1u8),
            ..Default::default()
        };
        let sig = key.sign_transaction_sync(&mut tx).unwrap();
        let env = TxEnvelope::from(tx.into_signed(sig));
        let rec = serde_json::json!({
            "tx_hash": env.tx_hash(),
            "nonce": 0,
            "from": key.address(),
            "raw": format!("0x{}", alloy::primitives::hex::encode(env.encoded_2718())),
            "intent": intent,
        });
        let name = &blake3::hash(intent.as_bytes()).to_hex()[..32];
        let p = pending.join(format!("{name}.json"));
        std::fs::write(&p, serde_json::to_vec_pretty(&rec).unwrap()).unwrap();
        p
    };
    let devnet_tx = record(31337, "transfer:31337:devnet");
    let other_tx = record(16602, "transfer:16602:galileo");
    let not_a_record = pending.join("notes.json");
    std::fs::write(&not_a_record, "{}").unwrap();

    net.json(&["devnet", "reset", "--yes"]);
    assert!(!devnet_tx.exists(), "the devnet chain's record is kept");
    assert!(other_tx.exists(), "another chain's record went");
    assert!(not_a_record.exists());
}
