//! Node discovery through an indexer (issue 14): the devnet's `cohort indexer run` answers the
//! Go indexer's four methods with its JSON shapes; upload and download find their nodes through
//! it with no `--storage-node`, also with a node stopped; the official TS SDK's `Indexer` works
//! against it both ways; bad input (unreachable indexer, too few nodes, a node of another flow)
//! fails before any fee with the documented exit codes; the presets.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Devnet, Home, content, next_tx_seq, rpc};
use serde_json::{Value, json};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sdk(args: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop");
    assert!(
        dir.join("node_modules/@0gfoundation/0g-ts-sdk").is_dir(),
        "the 0G TS SDK is not installed: run `npm ci --prefix tests/interop`"
    );
    let out = Command::new("node")
        .current_dir(&dir)
        .arg("indexer.mjs")
        .args(args)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node indexer.mjs {args:?} failed:\n{}",
        stderr(&out)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_devnet_indexer_serves_four_nodes_and_storage_works_through_it_with_one_stopped() {
    let net = Devnet::start(4, 2);
    let dir = net.home.path().to_path_buf();
    let ix = net.status["indexer"].as_str().unwrap().to_string();
    let nodes = net.storage_nodes();
    assert_eq!(nodes.len(), 4);
    // The local profile finds its nodes through the indexer.
    let show = net.json(&["config", "show"]);
    assert_eq!(show["profile"]["indexer"], ix.as_str());
    assert_eq!(show["profile"]["storage_nodes"], json!([]));

    // indexer_getShardedNodes: {trusted: [ShardedNode], discovered: []}.
    let all = rpc(&ix, "indexer_getShardedNodes", json!([]))["result"].clone();
    assert_eq!(all["discovered"], json!([]));
    let trusted = all["trusted"].as_array().unwrap();
    assert_eq!(trusted.len(), 4, "{all}");
    for (i, n) in trusted.iter().enumerate() {
        let keys: Vec<&str> = n.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["config", "latency", "since", "url"], "{n}");
        assert_eq!(n["url"], nodes[i].as_str());
        assert_eq!(n["config"], json!({"numShard": 2, "shardId": i % 2}), "{n}");
        assert!(n["latency"].is_i64() && n["since"].as_i64().unwrap() > 1_600_000_000);
    }
    // indexer_getSelectedNodes(expectedReplica, method, fullTrusted, dropped).
    let sel = rpc(&ix, "indexer_getSelectedNodes", json!([1, "min", true, []]))["result"].clone();
    let picked: Vec<&str> = sel["trusted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["url"].as_str().unwrap())
        .collect();
    assert_eq!(picked, [nodes[0].as_str(), nodes[1].as_str()], "{sel}");
    let sel = rpc(
        &ix,
        "indexer_getSelectedNodes",
        json!([1, "min", true, [nodes[0]]]),
    )["result"]
        .clone();
    let picked: Vec<&str> = sel["trusted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["url"].as_str().unwrap())
        .collect();
    assert_eq!(picked, [nodes[2].as_str(), nodes[1].as_str()], "{sel}");
    let two = rpc(&ix, "indexer_getSelectedNodes", json!([2, "min", true, []]));
    assert_eq!(two["result"]["trusted"].as_array().unwrap().len(), 4);
    let three = rpc(&ix, "indexer_getSelectedNodes", json!([3, "min", true, []]));
    assert_eq!(three["error"]["code"], -32000, "{three}");
    // indexer_getNodeLocations: loopback nodes have no location, as in the Go indexer.
    assert_eq!(
        rpc(&ix, "indexer_getNodeLocations", json!([]))["result"],
        json!({})
    );
    let unknown = format!("0x{}", "ab".repeat(32));
    assert_eq!(
        rpc(&ix, "indexer_getFileLocations", json!([unknown])),
        json!({"jsonrpc": "2.0", "id": 7, "result": null})
    );

    // Node 0 stops: upload and download still work through the indexer, no --storage-node.
    let pid = net.pid_of(&nodes[0]);
    unsafe { libc::kill(pid, libc::SIGTERM) };
    for _ in 0..200 {
        let up = std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        });
        if !up {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let data = content(700_000, 1);
    let f = dir.join("tour.bin");
    std::fs::write(&f, &data).unwrap();
    let up = net.json(&["storage", "upload", f.to_str().unwrap()]);
    assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    assert_eq!(up["fragments"][0]["submitted"], true, "{up}");
    let root = up["root"].as_str().unwrap().to_string();
    let out = dir.join("tour.out");
    net.json(&["storage", "download", &root, "-o", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), data);
    // The indexer knows the holders: every shard, and not the stopped node.
    let loc = rpc(&ix, "indexer_getFileLocations", json!([root]))["result"].clone();
    let holders = loc.as_array().unwrap();
    assert!(
        holders.iter().all(|h| h["url"] != nodes[0].as_str()),
        "{loc}"
    );
    for shard in 0..2 {
        assert!(
            holders.iter().any(|h| h["config"]["shardId"] == shard),
            "{loc}"
        );
    }

    // Two replicas of every shard are no longer possible: exit 1 naming the shard, no fee.
    let seq = next_tx_seq(&nodes[1]);
    let g = dir.join("two.bin");
    std::fs::write(&g, content(5000, 2)).unwrap();
    let o = net
        .cmd()
        .args([
            "storage",
            "upload",
            g.to_str().unwrap(),
            "--expected-replica",
            "2",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("shard 0/2"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("shard 1/2"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("lower --expected-replica (now 2)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(next_tx_seq(&nodes[1]), seq, "a transaction was sent");

    // The official TS SDK's Indexer downloads cohort's upload (with proofs) byte-identical.
    let cout = dir.join("tour.sdk");
    sdk(&["download", &ix, &root, cout.to_str().unwrap()]);
    assert_eq!(std::fs::read(&cout).unwrap(), data);

    // The SDK's Indexer uploads through cohort's indexer (node 0 still stopped; 4 segments over
    // 2 shards) and cohort downloads through the indexer byte-identical. indexer.mjs passes
    // taskSize 10 as 0G's Go client does: the SDK's default of 1 never sends a segment when
    // the shards hold unequal counts (its task interleaving stops at the shortest list).
    let sdata = content(900_000, 3);
    let sf = dir.join("sdk.bin");
    std::fs::write(&sf, &sdata).unwrap();
    let key = cohort::devnet::dev_signer(6).unwrap().to_bytes();
    let key = format!("0x{}", hex::encode(key));
    let res: Value = serde_json::from_str(
        sdk(&["upload", &ix, &net.rpc_url(), &key, sf.to_str().unwrap()]).trim(),
    )
    .unwrap();
    let sroot = res["root"].as_str().unwrap();
    let sout = dir.join("sdk.out");
    net.json(&["storage", "download", sroot, "-o", sout.to_str().unwrap()]);
    assert_eq!(std::fs::read(&sout).unwrap(), sdata);
}

#[test]
fn bad_indexers_and_nodes_of_another_network_fail_before_the_fee() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let node = net.status["storage_nodes"][0].as_str().unwrap().to_string();
    let f = dir.join("a.bin");
    std::fs::write(&f, content(3000, 4)).unwrap();
    let seq = next_tx_seq(&node);

    // An indexer nobody answers at: exit 3 naming it (flag and env var).
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}", l.local_addr().unwrap().port())
    };
    let o = net
        .cmd()
        .args(["--indexer", &dead, "storage", "upload", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("indexer at {dead}")),
        "{}",
        stderr(&o)
    );
    let out = dir.join("x.out");
    let o = net
        .cmd()
        .env("COHORT_INDEXER", &dead)
        .args(["storage", "download", &format!("0x{}", "cd".repeat(32))])
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains(&dead), "{}", stderr(&o));
    assert_eq!(next_tx_seq(&node), seq);

    // A node of another flow contract: exit 2 naming the node and both flows, before the fee.
    let flow = net.contract("flow");
    let other = net.contract("dataset_registry");
    net.json(&["config", "set", "profiles.local.contracts.flow", &other]);
    let o = net
        .cmd()
        .args(["storage", "upload", f.to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&o).to_lowercase();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(&node), "{err}");
    assert!(err.contains(&flow.to_lowercase()), "{err}");
    assert!(err.contains(&other.to_lowercase()), "{err}");
    assert_eq!(next_tx_seq(&node), seq, "a transaction was sent");
    net.json(&["config", "set", "profiles.local.contracts.flow", &flow]);

    // Explicit nodes win over the indexer (even a dead one).
    let up = net.json(&[
        "--indexer",
        &dead,
        "--storage-node",
        &node,
        "storage",
        "upload",
        f.to_str().unwrap(),
    ]);
    assert_eq!(up["fragments"][0]["finalized"], true);

    // Without contracts.market, the fee market is the flow's `market()`: `deploy
    // --skip-storage` records it.
    let market = net.contract("market");
    net.json(&["config", "set", "profiles.local.contracts.market", ""]);
    let d = net.json(&["deploy", "--skip-storage", "--yes"]);
    assert_eq!(
        d["contracts"]["market"].as_str().unwrap().to_lowercase(),
        market.to_lowercase()
    );
    assert_eq!(
        d["contracts"]["flow"].as_str().unwrap().to_lowercase(),
        flow.to_lowercase()
    );
}

#[test]
fn presets_galileo_and_mainnet_make_profiles_and_an_unknown_one_lists_them() {
    let home = Home::new();
    let v = home.json(&["config", "add", "g", "--preset", "galileo"]);
    assert_eq!(v["added"], "g");
    let show = home.json(&["--profile", "g", "config", "show"]);
    let p = &show["profile"];
    assert_eq!(p["chain_id"], 16602);
    assert_eq!(p["rpc_url"], "https://evmrpc-testnet.0g.ai");
    assert_eq!(p["indexer"], "https://indexer-storage-testnet-turbo.0g.ai");
    assert_eq!(
        p["contracts"]["flow"],
        "0x22E03a6A89B950F1c82ec5e74F8eCa321a105296"
    );
    assert!(p["contracts"].get("market").is_none(), "{p}");
    // Flags given with the preset win.
    let v = home.json(&[
        "--rpc-url",
        "https://rpc.example/",
        "config",
        "add",
        "m",
        "--preset",
        "mainnet",
    ]);
    assert_eq!(v["profile"]["rpc_url"], "https://rpc.example/");
    assert_eq!(v["profile"]["chain_id"], 16661);
    assert_eq!(
        v["profile"]["contracts"]["flow"],
        "0x62D4144dB0F0a6fBBaeb6296c785C71B3D57C526"
    );
    assert_eq!(
        v["profile"]["indexer"],
        "https://indexer-storage-turbo.0g.ai"
    );
    // `config profiles` shows both presets beside the profiles.
    let rows = home.json(&["config", "profiles"]);
    let presets: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["preset"] == true)
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(presets, ["galileo", "mainnet"]);
    let text = home.cmd().args(["config", "profiles"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(
        text.contains("indexer-storage-testnet-turbo.0g.ai"),
        "{text}"
    );
    // An unknown preset: exit 2 listing the presets, nothing written.
    let o = home
        .cmd()
        .args(["config", "add", "x", "--preset", "testnet"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("'testnet'") && err.contains("galileo, mainnet"),
        "{err}"
    );
    home.cmd()
        .args(["--profile", "x", "config", "show"])
        .assert()
        .code(2);
}

/// A 16 MiB file of `seed` in the devnet's home: its path, bytes and root (`storage root`).
fn big_file(net: &Devnet, seed: usize) -> (PathBuf, Vec<u8>, String) {
    let data = content(16 << 20, seed);
    let f = net.home.path().join("big.bin");
    std::fs::write(&f, &data).unwrap();
    let root = net.json(&["storage", "root", f.to_str().unwrap()])["root"]
        .as_str()
        .unwrap()
        .to_string();
    (f, data, root)
}

/// `storage download ROOT` gives back `data`, byte for byte.
fn downloads_as(net: &Devnet, root: &str, data: &[u8]) {
    let back = net.home.path().join("big.out");
    net.json(&["storage", "download", root, "-o", back.to_str().unwrap()]);
    assert!(
        std::fs::read(&back).unwrap() == data,
        "the download differs"
    );
}

/// `cohort storage upload FILE --batch 1 --json` in the background: one segment per request, so
/// that a 16 MiB upload is still running when a test stops a node.
fn upload_in_background(net: &Devnet, f: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args([
            "storage",
            "upload",
            f.to_str().unwrap(),
            "--batch",
            "1",
            "--json",
        ])
        .env("COHORT_HOME", net.home.path())
        .env("NO_COLOR", "1")
        .env_remove("COHORT_PROFILE")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until `node` holds a first segment of `root`, not yet the whole file, and kills it.
fn kill_after_its_first_segment(net: &Devnet, node: &str, root: &str) {
    let start = std::time::Instant::now();
    loop {
        let info = rpc(node, "zgs_getFileInfo", json!([root, true]))["result"].clone();
        if info["uploadedSegNum"].as_u64().unwrap_or(0) >= 1 {
            assert_ne!(
                info["finalized"], true,
                "the node finished before it could be stopped"
            );
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "the node never received a segment"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    unsafe { libc::kill(net.pid_of(node), libc::SIGKILL) };
}

/// Issue 14's node failure: of 4 nodes over 2 shards with `--expected-replica 1`, the node the
/// indexer picked for shard 0 is killed after it acknowledged its first segments; the upload
/// drops it, asks the indexer again (the dropped node excluded), sends shard 0 to its other
/// replica and finalizes, paying once. The file then downloads byte-identical.
#[test]
fn a_node_killed_mid_upload_is_replaced_and_the_upload_finalizes() {
    let net = Devnet::start(4, 2);
    let nodes = net.storage_nodes();
    // 16 MiB: 64 segments, 32 per shard, sent one per request so that the upload is still
    // running when node 0 (the indexer's first pick for shard 0) goes.
    let (f, data, root) = big_file(&net, 9);
    let seq = next_tx_seq(&nodes[1]);
    let child = upload_in_background(&net, &f);
    kill_after_its_first_segment(&net, &nodes[0], &root);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the upload failed:\n{}", stderr(&out));
    let up: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(up["root"], root.as_str(), "{up}");
    assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    // One payment: one transaction for the file.
    assert_eq!(next_tx_seq(&nodes[1]), seq + 1, "paid more than once");
    // Shard 0 now lives on node 2, which finalized it.
    let info = rpc(&nodes[2], "zgs_getFileInfo", json!([root, true]))["result"].clone();
    assert_eq!(info["finalized"], true, "{info}");
    downloads_as(&net, &root, &data);
}

/// Of 2 nodes over 2 shards, shard 0's only node is killed mid-upload: after asking the indexer
/// again the upload stops with exit 3 (worth retrying: the fee is paid) naming the node and the
/// missing shard, with a hint to rerun once the node is back; with the node restarted
/// (`devnet up`) the same command finishes on the same transaction, and says the fee was paid
/// earlier.
#[test]
fn a_shard_left_without_nodes_mid_upload_fails_clearly_and_resumes_without_paying_again() {
    let net = Devnet::start(2, 2);
    let nodes = net.storage_nodes();
    let ix = net.status["indexer"].as_str().unwrap().to_string();
    let (f, data, root) = big_file(&net, 11);
    let seq = next_tx_seq(&nodes[1]);
    let child = upload_in_background(&net, &f);
    // Node 0 was shard 0's only node: the upload cannot go on, and says which shard is missing.
    kill_after_its_first_segment(&net, &nodes[0], &root);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    let e: Value = err
        .lines()
        .rev()
        .find_map(|l| {
            serde_json::from_str::<Value>(l)
                .ok()
                .filter(|v| v["error"].is_object())
        })
        .unwrap_or_else(|| panic!("no JSON error on stderr:\n{err}"))["error"]
        .clone();
    assert_eq!(e["code"], "storage.node_lost", "{e:#}");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains(nodes[0].as_str())
            && message.contains("after the fee was paid")
            && message.contains("missing shard 0/2 (0 of 1)"),
        "{e:#}"
    );
    let hint = e["hint"].as_str().unwrap();
    assert!(
        hint.contains("rerun the same command once the node is back")
            && hint.contains("pays no fee again")
            && !hint.contains("--expected-replica"),
        "{e:#}"
    );
    assert_eq!(next_tx_seq(&nodes[1]), seq + 1, "one payment");

    // With the node back, the same command finishes the upload on the same transaction.
    let up = net.json(&["devnet", "up"]);
    assert_eq!(up["restarted"], json!(["storage node 0"]), "{up}");
    let start = std::time::Instant::now();
    while rpc(&ix, "indexer_getShardedNodes", json!([]))["result"]["trusted"]
        .as_array()
        .map_or(0, Vec::len)
        < 2
    {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "node 0 not listed again"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = upload_in_background(&net, &f).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the resumed upload failed:\n{}",
        stderr(&out)
    );
    let up: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(up["root"], root.as_str(), "{up}");
    assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    assert_eq!(up["fee"], "0", "{up}");
    assert_eq!(up["fee_paid_earlier"], true, "{up}");
    assert_eq!(up["fragments"][0]["fee_paid_earlier"], true, "{up}");
    assert_eq!(next_tx_seq(&nodes[1]), seq + 1, "paid again on resuming");
    downloads_as(&net, &root, &data);
}

#[test]
fn indexer_run_refuses_node_urls_that_are_not_http() {
    let home = Home::new();
    for bad in ["notaurl", "ftp://x"] {
        let out = home
            .cmd()
            .args(["indexer", "run", "--rpc", "127.0.0.1:0"])
            .args(["--node", "http://127.0.0.1:1", "--node", bad])
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains(bad), "{}", stderr(&out));
    }
}

/// The only holder of a dataset's files goes offline while the profile finds its nodes through
/// the indexer (which then lists no holder): `storage download`, `dataset review --accept`,
/// `dataset download` and `dataset verify` are exit 3, worth retrying, naming the offline
/// holders; never a content mismatch (exit 5) over which a curator would reject an honest
/// contribution.
#[test]
fn files_whose_only_holder_is_offline_are_exit_3_and_never_a_mismatch() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let ix = net.status["indexer"].as_str().unwrap().to_string();
    let node = net.storage_nodes()[0].clone();
    net.json(&[
        "dataset",
        "create",
        "held",
        "--description",
        "x",
        "--license",
        "CC0-1.0",
    ]);
    for (k, name) in [(1, "a.txt"), (2, "b.txt")] {
        let d = dir.join(format!("d{k}"));
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join(name), content(3000, k)).unwrap();
        let who = format!("dev:{k}");
        net.json(&[
            "dataset",
            "upload",
            "held",
            d.to_str().unwrap(),
            "--wallet",
            &who,
        ]);
        if k == 1 {
            // Accepted while its node is up.
            net.json(&[
                "dataset", "review", "held", "0", "--accept", "--score", "50",
            ]);
        }
    }
    let show = net.json(&["dataset", "show", "held"]);
    let root_b = show["contributions"][1]["root"]
        .as_str()
        .unwrap()
        .to_string();

    // The node goes; the indexer stops listing it as a holder.
    let pid = net.pid_of(&node);
    unsafe { libc::kill(pid, libc::SIGKILL) };
    let mut listed = true;
    for _ in 0..400 {
        let loc = rpc(&ix, "indexer_getFileLocations", json!([root_b]))["result"].clone();
        if loc.as_array().is_none_or(|a| a.is_empty()) {
            listed = false;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!listed, "the indexer still lists the stopped node");

    let (code, e) = net.home.refused_json(&[
        "dataset",
        "review",
        "held",
        "--all-pending",
        "--accept",
        "--score",
        "50",
    ]);
    assert_eq!(code, 3, "{e:#}");
    assert_eq!(e["code"], "dataset.content_unavailable", "{e:#}");
    let message = e["message"].as_str().unwrap();
    assert!(message.contains("#1 'b.txt'"), "{message}");
    assert!(message.contains("offline"), "{message}");
    assert!(e["hint"].as_str().unwrap().contains("retry"), "{e:#}");
    assert_eq!(
        net.json(&["dataset", "show", "held"])["contributions"][1]["status"],
        "pending"
    );

    let out = dir.join("b.out");
    let o = net
        .cmd()
        .args(["storage", "download", &root_b, "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("may be offline"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--storage-node"), "{}", stderr(&o));

    let (code, e) = net.home.refused_json(&[
        "dataset",
        "download",
        "held",
        "-o",
        dir.join("ds").to_str().unwrap(),
    ]);
    assert_eq!(code, 3, "{e:#}");
    let (code, e) = net.home.refused_json(&["dataset", "verify", "held"]);
    assert_eq!(code, 3, "{e:#}");
}

/// Read-only storage commands with only node or indexer endpoints and no profile (an empty
/// COHORT_HOME): `storage download` and `storage info` work, as 0G's download client does. A
/// root no node knows is exit 1 `storage.not_found` through the indexer too (every node it
/// lists answered), not exit 3 "holders may be offline". A folder given to `storage upload`
/// is refused with a hint to upload it as a dataset.
#[test]
fn read_only_storage_needs_no_profile_and_an_unknown_root_is_not_found_through_the_indexer() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let ix = net.status["indexer"].as_str().unwrap().to_string();
    let node = net.storage_nodes()[0].clone();
    let data = content(5000, 51);
    let f = dir.join("ro.bin");
    std::fs::write(&f, &data).unwrap();
    let root = net.json(&["storage", "upload", f.to_str().unwrap()])["root"]
        .as_str()
        .unwrap()
        .to_string();

    let empty = Home::new();
    for (i, (flag, url)) in [("--storage-node", &node), ("--indexer", &ix)]
        .into_iter()
        .enumerate()
    {
        let out = empty.path().join(format!("ro{i}.out"));
        empty.json(&[
            flag,
            url,
            "storage",
            "download",
            &root,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(std::fs::read(&out).unwrap(), data, "{flag}");
    }
    // `-o -`: the verified file on stdout, no file named `-`, the summary on stderr.
    let o = empty
        .cmd()
        .current_dir(empty.path())
        .args([
            "--storage-node",
            &node,
            "storage",
            "download",
            &root,
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout == data, "stdout is not the file");
    assert!(!empty.path().join("-").exists());
    assert!(stderr(&o).contains("to stdout"), "{}", stderr(&o));
    let info = empty.json(&["--indexer", &ix, "storage", "info", &root]);
    assert_eq!(info["nodes"][0]["info"]["finalized"], true, "{info}");
    // Without any endpoint, the missing profile is still the error.
    let (code, e) = empty.refused_json(&["storage", "info", &root]);
    assert_eq!(code, 2, "{e:#}");
    assert_eq!(e["code"], "config.unknown_profile", "{e:#}");

    // An unknown root through the indexer: not found (exit 1), as `storage info` says.
    let unknown = format!("0x{}", "11".repeat(32));
    let x = dir.join("x.out");
    let (code, e) =
        net.home
            .refused_json(&["storage", "download", &unknown, "-o", x.to_str().unwrap()]);
    assert_eq!(code, 1, "{e:#}");
    assert_eq!(e["code"], "storage.not_found", "{e:#}");
    let (code, e) = net.home.refused_json(&["storage", "info", &unknown]);
    assert_eq!((code, e["code"].as_str()), (1, Some("storage.not_found")));

    // A folder: exit 2 with a hint naming `dataset upload`.
    let folder = dir.join("ds");
    std::fs::create_dir(&folder).unwrap();
    let (code, e) = net
        .home
        .refused_json(&["storage", "upload", folder.to_str().unwrap()]);
    assert_eq!(code, 2, "{e:#}");
    assert_eq!(e["code"], "storage.bad_input", "{e:#}");
    assert!(
        e["hint"]
            .as_str()
            .unwrap_or_default()
            .contains("cohort dataset upload DATASET"),
        "{e:#}"
    );
}
