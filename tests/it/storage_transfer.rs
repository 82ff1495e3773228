//! `cohort storage upload|download|info|root` and the storage library against a real devnet
//! (anvil, the Flow contract and `cohort node run` processes on random loopback ports).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::common::{Devnet, Home, content, next_tx_seq, rpc, write};
use cohort::client::Client;
use cohort::config::{Overrides, Paths};
use cohort::progress::{Progress, Task, Unit};
use cohort::storage::{self, NodeClient, UploadOptions};
use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn root_prints_the_sdk_root_and_nodes_without_any_network() {
    let home = Home::new();
    let f = write(home.path(), "f.bin", content(262145, 0));
    let v = home.json(&["storage", "root", s(&f)]);
    assert_eq!(
        v["root"],
        "0x80f499a5327b3719ef23fa2cf03ca12275702d0e258bbc19511f32f4e555b276"
    );
    let f0 = &v["fragments"][0];
    assert_eq!(f0["fee_sectors"], 1152);
    assert_eq!(f0["segments"], 2);
    assert_eq!(f0["nodes"][0]["height"], 10);
    assert_eq!(
        f0["nodes"][1]["root"],
        "0x408dc229b1b499d7099cd9ae95ceffdb1c2d4709b9f7a2e36c5bb6d866619c9a"
    );
    let one = home.json(&["storage", "root", s(&f), "--threads", "1"]);
    assert_eq!(one["root"], v["root"]);
    // A small fragment size splits the file as the SDKs do, one root per fragment.
    let frags = home.json(&["storage", "root", s(&f), "--fragment-size", "200000"]);
    assert!(frags["root"].is_null());
    assert_eq!(frags["roots"].as_array().unwrap().len(), 2);
    assert_eq!(frags["fragments"][1]["offset"], 262144);
}

#[test]
fn empty_missing_and_folder_inputs_are_refused_with_exit_2() {
    let home = Home::new();
    let empty = write(home.path(), "empty.bin", b"");
    for cmd in ["root", "upload"] {
        let out = home
            .cmd()
            .args(["storage", cmd, s(&empty)])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot store 0 bytes"),
            "{}",
            stderr(&out)
        );
        let out = home
            .cmd()
            .args(["storage", cmd, "/nonexistent/x.bin"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("/nonexistent/x.bin"),
            "{}",
            stderr(&out)
        );
        let out = home
            .cmd()
            .args(["storage", cmd, s(home.path())])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
    let out = home
        .cmd()
        .args(["storage", "download", "0x1234", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a file root"));
}

#[test]
fn an_unreachable_storage_node_exits_3_naming_its_url() {
    let home = Home::new();
    let root = "0x71bfab3b73c19ec6548f3e1dcc56d9a8c7c66b51b71e4dbbfb1fc0e0bf2826ba";
    let out = home
        .cmd()
        .args(["storage", "info", root, "--rpc-url", "http://127.0.0.1:9"])
        .args(["--storage-node", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("http://127.0.0.1:9"),
        "{}",
        stderr(&out)
    );
    let dest = home.path().join("out.bin");
    let out = home
        .cmd()
        .args([
            "storage",
            "download",
            root,
            "-o",
            s(&dest),
            "--rpc-url",
            "http://127.0.0.1:9",
        ])
        .args(["--storage-node", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!dest.exists());
}

#[test]
fn upload_download_round_trips_and_a_second_upload_sends_nothing() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let mut roots = Vec::new();
    for (i, size) in [1usize, 257, 600000, 1048577].into_iter().enumerate() {
        let data = content(size, i);
        let f = write(&dir, &format!("in-{size}.bin"), &data);
        let up = net.json(&["storage", "upload", s(&f)]);
        assert_eq!(up["size"], size as u64);
        assert!(up["tx_hash"].as_str().unwrap().starts_with("0x"));
        assert_eq!(up["segments_sent"], up["segments"]);
        assert_ne!(up["fee"], "0");
        let local = net.json(&["storage", "root", s(&f)]);
        assert_eq!(up["root"], local["root"]);
        let root = up["root"].as_str().unwrap().to_string();
        let out = dir.join(format!("out-{size}.bin"));
        let down = net.json(&["storage", "download", &root, "-o", s(&out)]);
        assert_eq!(down["size"], size as u64);
        assert_eq!(std::fs::read(&out).unwrap(), data, "size {size}");
        roots.push((root, up["tx_seq"].clone(), f, out));
    }
    // Same file again: the nodes hold it finalized, so no transaction and no segments.
    let (root, seq, f, out) = &roots[2];
    let again = net.json(&["storage", "upload", s(f)]);
    assert_eq!(&again["root"], &Value::String(root.clone()));
    assert_eq!(&again["tx_seq"], seq);
    assert_eq!(again["fee"], "0");
    assert_eq!(again["segments_sent"], 0);
    assert_eq!(again["fragments"][0]["already_stored"], true);
    // The output exists: refused without --force, replaced with it.
    let refused = net
        .cmd()
        .args(["storage", "download", root, "-o", s(out)])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"));
    net.json(&["storage", "download", root, "-o", s(out), "--force"]);
    // Info reports the node's view.
    let info = net.json(&["storage", "info", root]);
    assert_eq!(info["nodes"][0]["info"]["finalized"], true);
    assert_eq!(info["nodes"][0]["info"]["size"], 600000);
    let unknown = format!("0x{}", "ab".repeat(32));
    let (code, err) = net.fails(&["storage", "info", &unknown]);
    assert_eq!(code, 1, "no node knows it: {err}");
    // A root no node holds: a clear failure, nothing written. Through the indexer, every node
    // it lists answered that it does not know the root: exit 1, as `storage info` says (a
    // retrying script must not loop on a typo); naming the nodes: exit 1 too.
    let dest = dir.join("nothing.bin");
    let out = net
        .cmd()
        .args(["storage", "download", &unknown, "-o", s(&dest)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no storage node knows file")
            && stderr(&out).contains("every node the indexer at"),
        "{}",
        stderr(&out)
    );
    assert!(!dest.exists());
    let nodes = net.storage_nodes();
    let out = net
        .cmd()
        .args(["storage", "download", &unknown, "-o", s(&dest)])
        .args(["--storage-node", &nodes[0]])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no storage node holds"));
    assert!(!dest.exists());
}

#[test]
fn fragments_are_submitted_ten_per_transaction_and_download_concatenated() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    // 11 whole fragments of 256 KiB and a 5-byte one: 12 fragments, 10 + 2 per batchSubmit.
    let size = 11 * 262_144 + 5;
    let data = content(size, 3);
    let f = write(&dir, "big.bin", &data);
    let node = net.storage_nodes()[0].clone();
    let seq_before = next_tx_seq(&node);
    let up = net.json(&["storage", "upload", s(&f), "--fragment-size", "256KiB"]);
    let frags = up["fragments"].as_array().unwrap();
    let roots: Vec<String> = up["roots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().into())
        .collect();
    assert_eq!(roots.len(), 12);
    assert!(up["root"].is_null());
    // Each fragment's root is the root of its bytes, computed apart.
    let last = dir.join("last.bin");
    std::fs::write(&last, &data[11 * 262_144..]).unwrap();
    let last_root = net.json(&["storage", "root", s(&last)]);
    assert_eq!(roots[11], last_root["root"].as_str().unwrap());
    let seqs: Vec<u64> = frags
        .iter()
        .map(|f| f["tx_seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, (seq_before..seq_before + 12).collect::<Vec<_>>());
    let hashes: Vec<&str> = frags
        .iter()
        .map(|f| f["tx_hash"].as_str().unwrap())
        .collect();
    assert!(hashes[..10].iter().all(|h| *h == hashes[0]), "{hashes:?}");
    assert!(hashes[10..].iter().all(|h| *h == hashes[10]), "{hashes:?}");
    assert_ne!(hashes[0], hashes[10]);
    assert_eq!(next_tx_seq(&node), seq_before + 12, "12 submissions");
    // Both transactions call batchSubmit(Submission[]) (selector from its signature).
    let selector = &hex::encode(alloy::primitives::keccak256(
        "batchSubmit(((uint256,bytes,(bytes32,uint256)[]),address)[])",
    ))[..8];
    for h in [hashes[0], hashes[10]] {
        let tx = rpc(
            &net.rpc_url(),
            "eth_getTransactionByHash",
            serde_json::json!([h]),
        );
        let input = tx["result"]["input"].as_str().unwrap();
        assert!(
            input.starts_with(&format!("0x{selector}")),
            "{h}: {}",
            &input[..10]
        );
    }
    let fee: u128 = up["fee"].as_str().unwrap().parse().unwrap();
    let per: u128 = frags[0]["fee"].as_str().unwrap().parse().unwrap();
    assert!(per > 0 && fee > per * 11, "{up}");
    let out = dir.join("joined.bin");
    let mut args = vec!["storage", "download"];
    args.extend(roots.iter().map(String::as_str));
    args.extend(["-o", s(&out)]);
    let down = net.json(&args);
    assert_eq!(down["size"], size);
    assert_eq!(std::fs::read(&out).unwrap(), data);
    // A second upload finds every fragment stored and pays nothing.
    let again = net.json(&["storage", "upload", s(&f), "--fragment-size", "256KiB"]);
    assert_eq!(again["fee"], "0");
    assert_eq!(next_tx_seq(&node), seq_before + 12);
}

#[test]
fn sharded_nodes_each_get_their_shard_and_download_combines_them() {
    let net = Devnet::start(2, 2);
    let dir = net.home.path().to_path_buf();
    let data = content(5 * 1024 * 1024 + 3, 5);
    let f = write(&dir, "sharded.bin", &data);
    let up = net.json(&["storage", "upload", s(&f)]);
    assert_eq!(up["segments"], 21);
    assert_eq!(
        up["segments_sent"], 21,
        "each segment goes to the one node of its shard"
    );
    let root = up["root"].as_str().unwrap();
    let info = net.json(&["storage", "info", root]);
    for n in info["nodes"].as_array().unwrap() {
        assert_eq!(n["info"]["finalized"], true, "{n}");
    }
    let out = dir.join("sharded.out");
    net.json(&["storage", "download", root, "-o", s(&out)]);
    assert_eq!(std::fs::read(&out).unwrap(), data);
    // One node of two shards cannot serve the file.
    let node0 = net.status["storage_nodes"][0].as_str().unwrap();
    let out2 = dir.join("half.out");
    let r = net
        .cmd()
        .args([
            "storage",
            "download",
            root,
            "-o",
            s(&out2),
            "--storage-node",
            node0,
        ])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("do not cover shard"), "{}", stderr(&r));
}

#[test]
fn a_wallet_without_funds_exits_4_before_anything_is_uploaded() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let f = write(&dir, "poor.bin", content(5000, 9));
    let key = format!("0x{}", hex::encode([7u8; 32]));
    let out = net
        .cmd()
        .env("POOR_KEY", key)
        .args(["storage", "upload", s(&f), "--private-key-env", "POOR_KEY"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("costs") && err.contains("holds"), "{err}");
    let root = net.json(&["storage", "root", s(&f)])["root"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, err) = net.fails(&["storage", "info", &root]);
    assert_eq!(code, 1, "nothing was submitted: {err}");
}

#[test]
fn an_interrupted_download_resumes_from_its_verified_prefix_and_a_bad_prefix_is_caught() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let data = content(900_000, 11);
    let f = write(&dir, "resume.bin", &data);
    let root = net.upload_root(&f);

    // A partial file left by an interrupted run: 1.5 segments.
    let out = dir.join("resume.out");
    std::fs::write(dir.join(".resume.out.part"), &data[..400_000]).unwrap();
    std::fs::write(dir.join(".resume.out.part.root"), format!("{root}\n")).unwrap();
    let down = net.json(&["storage", "download", &root, "-o", s(&out)]);
    assert_eq!(down["resumed_bytes"], 262144);
    assert_eq!(down["segments_downloaded"], 3);
    assert_eq!(std::fs::read(&out).unwrap(), data);
    assert!(!dir.join(".resume.out.part").exists());

    // A corrupted prefix is caught by the final root check: exit 5, nothing left behind.
    let out2 = dir.join("bad.out");
    let mut bad = data[..300_000].to_vec();
    bad[10] ^= 0xff;
    std::fs::write(dir.join(".bad.out.part"), &bad).unwrap();
    std::fs::write(dir.join(".bad.out.part.root"), format!("{root}\n")).unwrap();
    let r = net
        .cmd()
        .args(["storage", "download", &root, "-o", s(&out2)])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(5), "{}", stderr(&r));
    assert!(!out2.exists());
    assert!(!dir.join(".bad.out.part").exists());
}

/// A progress sink that raises a flag once the upload has sent its first bytes.
struct Tripwire(Arc<AtomicBool>);
struct TripTask(Option<Arc<AtomicBool>>);
impl Task for TripTask {
    fn inc(&self, _: u64) {
        if let Some(f) = &self.0 {
            f.store(true, Ordering::SeqCst);
        }
    }
    fn set_position(&self, _: u64) {}
    fn set_message(&self, _: &str) {}
    fn finish(&self) {}
}
impl Progress for Tripwire {
    fn task(&self, label: &str, _: Option<u64>, _: Unit) -> Arc<dyn Task> {
        Arc::new(TripTask(
            label.starts_with("uploading").then(|| self.0.clone()),
        ))
    }
    fn note(&self, _: &str) {}
}

#[test]
fn an_interrupted_upload_resumes_without_a_second_transaction() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let data = content(20 * 262144, 13);
    let f = write(&dir, "interrupted.bin", &data);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let root = rt.block_on(async {
        let client = Client::load(Paths::under(net.home.path()), &Overrides::default()).unwrap();
        let chain = client.chain().await.unwrap();
        let signer = chain
            .with_signer(cohort::devnet::dev_signer(3).unwrap())
            .unwrap();
        let opts = UploadOptions {
            segments_per_request: 1,
            concurrency: 1,
            ..Default::default()
        };
        let flag = Arc::new(AtomicBool::new(false));
        let trip = Tripwire(flag.clone());
        let upload = storage::upload_file(&client, &signer, &f, &opts, &trip);
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

        let node = NodeClient::new(net.status["storage_nodes"][0].as_str().unwrap());
        let seq_before = node.status().await.unwrap().next_tx_seq;
        let r = storage::upload_file(&client, &signer, &f, &opts, &cohort::progress::Silent)
            .await
            .unwrap();
        assert!(
            !r.fragments[0].submitted,
            "no second transaction for the same root"
        );
        assert!(r.segments_skipped >= 1, "{r:?}");
        assert_eq!(r.segments_sent + r.segments_skipped, 20);
        assert_eq!(node.status().await.unwrap().next_tx_seq, seq_before);
        assert!(r.fragments[0].finalized);
        r.fragments[0].root.clone()
    });
    let out = dir.join("interrupted.out");
    net.json(&["storage", "download", &root, "-o", s(&out)]);
    assert_eq!(std::fs::read(&out).unwrap(), data);
}

/// A storage node that takes no JSON-RPC batches (answers an array with one error object, as
/// some servers do) and counts the batches it refused; single calls go to a real node.
async fn start_batchless_proxy(
    upstream: String,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let batches = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = batches.clone();
    let url = crate::common::start_node_proxy(
        upstream,
        move |req| {
            req.is_array().then(|| {
                seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                serde_json::json!({"jsonrpc": "2.0", "id": null,
                    "error": {"code": -32600, "message": "batch requests are not supported"}})
            })
        },
        |_, _| {},
    )
    .await;
    (url, batches)
}

#[test]
fn a_node_without_batches_gets_one_segment_per_request() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    // 12 segments: three batches of 4 if the node took them.
    let data = content(12 * 262_144 - 100, 29);
    let f = write(&dir, "nobatch.bin", &data);
    let root = net.upload_root(&f);
    let real = net.status["storage_nodes"][0].as_str().unwrap().to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (proxy, batches) = rt.block_on(start_batchless_proxy(real));
    let out = dir.join("nobatch.out");
    let r = net
        .cmd()
        .env("COHORT_STORAGE_NODES", &proxy)
        .args(["storage", "download", &root, "-o", s(&out), "--json"])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", stderr(&r));
    assert_eq!(std::fs::read(&out).unwrap(), data);
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["bad_segments"], serde_json::json!([]), "{v}");
    // It was asked for batches, refused them, and was asked one segment at a time after the
    // refusals of the groups already in flight (4 groups of 4 at the default concurrency).
    let asked = batches.load(std::sync::atomic::Ordering::Relaxed);
    assert!((1..=4).contains(&asked), "{asked} batch requests");
}

/// A storage node that corrupts every segment it serves: a real HTTP server in front of a real
/// node, flipping one byte of each downloaded segment.
async fn start_corrupting_proxy(upstream: String) -> String {
    crate::common::start_node_proxy(
        upstream,
        |_| None,
        |_, v| crate::common::corrupt_segment_answer(v, 0, 1),
    )
    .await
}

#[test]
fn a_node_serving_bad_segments_is_reported_and_the_next_node_is_used() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let data = content(700_000, 17);
    let f = write(&dir, "proxied.bin", &data);
    let root = net.upload_root(&f);
    let real = net.status["storage_nodes"][0].as_str().unwrap().to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let bad = rt.block_on(start_corrupting_proxy(real.clone()));

    let out = dir.join("proxied.out");
    let nodes = format!("{bad},{real}");
    let r = net
        .cmd()
        .env("COHORT_STORAGE_NODES", &nodes)
        .args(["storage", "download", &root, "-o", s(&out), "--json"])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", stderr(&r));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    let bad_list = v["bad_segments"].as_array().unwrap();
    assert!(!bad_list.is_empty());
    assert!(
        bad_list.iter().all(|b| b["node"] == bad.as_str()),
        "{bad_list:?}"
    );
    assert!(
        stderr(&r).contains(&bad),
        "the bad node is reported: {}",
        stderr(&r)
    );
    assert_eq!(std::fs::read(&out).unwrap(), data);

    // Only the bad node: exit 5 naming it, no output.
    let out2 = dir.join("only-bad.out");
    let r = net
        .cmd()
        .env("COHORT_STORAGE_NODES", &bad)
        .args(["storage", "download", &root, "-o", s(&out2)])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(5), "{}", stderr(&r));
    assert!(stderr(&r).contains(&bad));
    assert!(!out2.exists());
    assert!(
        !dir.join(".only-bad.out.part").exists(),
        "an empty partial file is not kept"
    );
    drop(rt);
}

#[test]
fn after_a_devnet_reset_the_same_file_is_submitted_again_not_waited_for() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let data = content(3000, 21);
    let f = write(&dir, "reset.bin", &data);
    let first = net.json(&["storage", "upload", s(&f)]);
    assert_ne!(first["fee"], "0");
    // The upload journal in the cache still names the old chain's transaction.
    net.json(&["devnet", "reset", "--port", "0", "--yes"]);
    let again = net.json(&["storage", "upload", s(&f), "--timeout", "60"]);
    assert_eq!(again["root"], first["root"]);
    assert_eq!(again["fragments"][0]["submitted"], true);
    assert_eq!(again["fragments"][0]["finalized"], true);
    let out = dir.join("reset.out");
    net.json(&[
        "storage",
        "download",
        again["root"].as_str().unwrap(),
        "-o",
        s(&out),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), data);
}

/// The number of submissions the flow has recorded.
fn submissions(net: &Devnet) -> u64 {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let chain = cohort::chain::Chain::connect(&net.rpc_url(), None)
            .await
            .unwrap();
        let flow =
            cohort::storage::flow::FlowContract::open(chain, net.contract("flow").parse().unwrap())
                .await
                .unwrap();
        let n = flow.call(flow.read.numSubmissions()).await.unwrap();
        u64::try_from(n).unwrap()
    })
}

#[test]
fn a_crash_while_the_submit_is_pending_never_pays_twice() {
    // A block time keeps the submit pending for a while, as on every real chain.
    let net = Devnet::start_with(1, 1, &["--block-time", "3"]);
    let dir = tempfile::tempdir().unwrap();
    let before = submissions(&net);
    for (i, signal) in [libc::SIGKILL, libc::SIGINT].into_iter().enumerate() {
        let f = write(dir.path(), &format!("f{i}.bin"), content(300_000, 40 + i));
        let (child, hash) = crate::common::run_until_waiting_for_a_tx(
            &net,
            &["storage", "upload", s(&f), "--wallet", "dev:0"],
            "submitting",
        );
        unsafe { libc::kill(child.id() as i32, signal) };
        let mut child = child;
        let _ = child.wait();
        // The rerun finds the recorded transaction and waits for it instead of paying again.
        let up = net.json(&["storage", "upload", s(&f), "--wallet", "dev:0"]);
        assert_eq!(
            up["tx_hash"],
            Value::String(hash.clone()),
            "signal {signal}: {up}"
        );
        assert_eq!(submissions(&net), before + i as u64 + 1, "signal {signal}");
        assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    }
}

/// A progress sink that kill -9s a process when the download writes its first segment.
struct KillOnFirstWrite(u32);
struct KillTask(Option<u32>, AtomicBool);
impl Task for KillTask {
    fn inc(&self, _: u64) {
        if let Some(pid) = self.0
            && !self.1.swap(true, Ordering::SeqCst)
        {
            std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status()
                .unwrap();
            // Wait until it is gone (or a zombie) so that every later request finds it dead.
            for _ in 0..400 {
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                if stat
                    .rsplit(')')
                    .next()
                    .is_none_or(|s| s.trim_start().starts_with('Z'))
                {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }
    fn set_position(&self, _: u64) {}
    fn set_message(&self, _: &str) {}
    fn finish(&self) {}
}
impl Progress for KillOnFirstWrite {
    fn task(&self, label: &str, _: Option<u64>, _: Unit) -> Arc<dyn Task> {
        Arc::new(KillTask(
            label.starts_with("downloading").then_some(self.0),
            AtomicBool::new(false),
        ))
    }
    fn note(&self, _: &str) {}
}

#[test]
fn a_replica_killed_mid_download_is_marked_down_and_the_other_serves_the_rest() {
    use cohort::storage::DownloadOptions;
    use cohort::storage::download::PROBE_AFTER_SEGMENTS;
    // Two nodes of one shard: both hold every segment.
    let net = Devnet::start(2, 1);
    let dir = net.home.path().to_path_buf();
    let data = content(32 * 262144 - 1000, 23);
    let f = write(&dir, "replicas.bin", &data);
    let up = net.json(&["storage", "upload", s(&f), "--expected-replica", "2"]);
    let root = up["root"].as_str().unwrap().to_string();
    let nodes = net.storage_nodes();
    let node0_pid = net.pid_of(&nodes[0]) as u32;

    // Node 0 dies once the first segment is written: about half of the rest would start with it.
    let out = dir.join("replicas.out");
    let concurrency = 4u64;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let r = rt.block_on(async {
        let client = Client::load(Paths::under(net.home.path()), &Overrides::default()).unwrap();
        let opts = DownloadOptions {
            concurrency: concurrency as usize,
            ..Default::default()
        };
        let root = storage::parse_root(&root).unwrap();
        storage::download(&client, &[root], &out, &opts, &KillOnFirstWrite(node0_pid))
            .await
            .unwrap()
    });
    assert_eq!(std::fs::read(&out).unwrap(), data);
    assert_eq!(r.nodes_marked_down.len(), 1, "{r:?}");
    let d = &r.nodes_marked_down[0];
    assert_eq!(d.node, nodes[0]);
    assert!(!d.back_up);
    // Only the requests in flight when it died failed; no later segment was asked of it (before
    // the fix every other segment was, three times each).
    assert!(
        d.failed_requests >= 1 && d.failed_requests <= concurrency,
        "{d:?}"
    );
    assert!(d.probes <= r.segments / PROBE_AFTER_SEGMENTS, "{d:?}");
    assert!(r.bad_segments.is_empty(), "{r:?}");

    // Dead before the download starts: one failed request, the rest from node 1.
    let out2 = dir.join("replicas2.out");
    // The nodes named explicitly: the indexer would soon stop listing the dead one.
    let o = net
        .cmd()
        .env("COHORT_STORAGE_NODES", nodes.join(","))
        .args(["storage", "download", &root, "-o", s(&out2), "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nodes_marked_down"][0]["node"], nodes[0].as_str(), "{v}");
    assert_eq!(v["nodes_marked_down"][0]["failed_requests"], 1, "{v}");
    assert!(stderr(&o).contains(&nodes[0]), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out2).unwrap(), data);
}

/// A server that accepts connections and never answers (a hung node): its URL.
fn silent_node() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for c in listener.incoming() {
            held.push(c);
        }
    });
    url
}

/// A storage node that accepts and never answers: `storage info` gives up on it after the short
/// read bound (exit 3, saying meanwhile that it waits) instead of 3 × 120 s, and a download with
/// a live node beside it is served by that one after one such wait.
#[test]
fn a_silent_node_costs_one_short_wait_and_a_live_one_beside_it_serves_the_download() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let live = net.storage_nodes()[0].clone();
    let data = content(300_000, 7);
    let f = write(&dir, "s.bin", &data);
    let root = net.upload_root(&f);
    let silent = silent_node();
    // The bound on each command: without a short read timeout they wait 6 minutes.
    let bound = std::time::Duration::from_secs(100);

    let out = net
        .cmd()
        .args(["storage", "info", &root, "--storage-node", &silent])
        .timeout(bound)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains(&format!("waiting for the storage node at {silent}")),
        "{err}"
    );
    assert!(err.contains("no answer within 10 s"), "{err}");

    let dest = dir.join("s.out");
    let out = net
        .cmd()
        .args(["storage", "download", &root, "-o", s(&dest)])
        .args(["--storage-node", &silent, "--storage-node", &live])
        .timeout(bound)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(std::fs::read(&dest).unwrap(), data);
    assert!(err.contains(&silent), "the silent node is reported: {err}");
}

/// Endpoints that are not http(s) URLs (no scheme, another scheme, an empty item from a stray
/// comma, blanks) are exit 2 naming the value and the form expected, before any request, from
/// flags and environment variables alike, instead of "unreachable" (exit 3, worth retrying).
#[test]
fn endpoints_that_are_not_http_urls_are_refused_with_exit_2() {
    let home = Home::new();
    let root = "0x71bfab3b73c19ec6548f3e1dcc56d9a8c7c66b51b71e4dbbfb1fc0e0bf2826ba";
    let info = ["storage", "info", root, "--rpc-url", "http://127.0.0.1:9"];
    let balance = [
        "wallet",
        "balance",
        "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
    ];
    type Case<'a> = (Vec<&'a str>, Option<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            [&info[..], &["--storage-node", "localhost:9"]].concat(),
            None,
            "'localhost:9' is not an http(s) URL",
            "http://localhost:9",
        ),
        (
            [&info[..], &["--storage-node", "ftp://127.0.0.1:9"]].concat(),
            None,
            "'ftp://127.0.0.1:9'",
            "http://127.0.0.1:9",
        ),
        (
            [&info[..], &["--storage-node", "http://127.0.0.1:9,"]].concat(),
            None,
            "empty item",
            "http://HOST:PORT",
        ),
        (
            info.to_vec(),
            Some(("COHORT_STORAGE_NODES", "http://127.0.0.1:9,")),
            "COHORT_STORAGE_NODES) has an empty item",
            "http://HOST:PORT",
        ),
        (
            [&info[..], &["--indexer", "127.0.0.1:9"]].concat(),
            None,
            "--indexer",
            "http://127.0.0.1:9",
        ),
        (
            info.to_vec(),
            Some(("COHORT_INDEXER", " ")),
            "COHORT_INDEXER) is empty",
            "http://HOST:PORT",
        ),
        (
            [&balance[..], &["--rpc-url", "localhost:9"]].concat(),
            None,
            "--rpc-url",
            "http://localhost:9",
        ),
        (
            [&balance[..], &["--rpc-url", "ws://127.0.0.1:9"]].concat(),
            None,
            "'ws://127.0.0.1:9' is not an http(s) URL",
            "http://127.0.0.1:9",
        ),
    ];
    for (args, env, says, fix) in cases {
        let mut c = home.cmd();
        if let Some((k, v)) = env {
            c.env(k, v);
        }
        let out = c
            .args(&args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}: {err}");
        assert!(err.contains(says), "{args:?} {env:?}: {err}");
        assert!(err.contains(fix), "{args:?} {env:?}: {err}");
        assert!(!err.contains("unreachable"), "{err}");
    }
    // Blanks around a good URL are dropped.
    let out = home
        .cmd()
        .args(info)
        .args(["--storage-node", " http://127.0.0.1:9 "])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("at http://127.0.0.1:9 is"),
        "{}",
        stderr(&out)
    );
}
