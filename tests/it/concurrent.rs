//! Two cohort processes at once: one wallet signing in both, one home written by both.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::procs::{Reaper, wait_exit};
use crate::common::{Devnet, dev_address, rpc, spawn_until_waiting_for_a_tx};

/// `cohort --json wallet send TO AMOUNT --wallet dev:9` in the devnet's home (through the chain
/// RPC at `rpc_url`), stdout to `dir/NAME.out`, stderr to `dir/NAME.err`.
fn spawn_send(
    net: &Devnet,
    rpc_url: &str,
    to: &str,
    amount: &str,
    dir: &Path,
    name: &str,
) -> Child {
    let mut c = crate::common::cohort_command(net.home.path());
    c.env("COHORT_RPC_URL", rpc_url)
        .args(["--json", "wallet", "send", to, amount, "--wallet", "dev:9"])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(dir.join(format!("{name}.out"))).unwrap())
        .stderr(std::fs::File::create(dir.join(format!("{name}.err"))).unwrap())
        .spawn()
        .unwrap()
}

/// Waits (at most 3 minutes) for a send spawned by [`spawn_send`], asserts it exited 0 and
/// returns its result.
fn finish_send(child: &mut Child, dir: &Path, name: &str) -> Value {
    let err = dir.join(format!("{name}.err"));
    let status = wait_exit(child, Duration::from_secs(180), &err);
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    assert!(status.success(), "send {name} failed ({status}):\n{stderr}");
    let out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("send {name} printed no JSON ({e}):\n{out}\n{stderr}"))
}

fn balance(net: &Devnet, who: &str) -> u128 {
    let v = net.json(&["wallet", "balance", who]);
    v["native"]["raw"].as_str().unwrap().parse().unwrap()
}

/// The pending-transaction records left in the home.
fn records(net: &Devnet) -> Vec<String> {
    std::fs::read_dir(net.home.path().join("pending-tx"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

/// A chain RPC proxy (a real HTTP server on a loopback port) in front of `upstream` that holds
/// each `eth_getTransactionCount` (a sender asking for its nonce, just before it signs) until
/// `gate` counts `together` of them or 5 seconds passed: runs that would sign at about the same
/// time sign at the same time. The test sets `gate` back to 0 before each round.
async fn start_nonce_gate(
    upstream: String,
    together: usize,
    gate: std::sync::Arc<tokio::sync::watch::Sender<usize>>,
) -> String {
    use axum::{Router, routing::post};
    let http = reqwest::Client::new();
    let app = Router::new().route(
        "/",
        post(move |body: String| {
            let (http, upstream, gate) = (http.clone(), upstream.clone(), gate.clone());
            async move {
                let req: Value = serde_json::from_str(&body).unwrap();
                if req["method"] == "eth_getTransactionCount" {
                    let mut rx = gate.subscribe();
                    gate.send_modify(|n| *n += 1);
                    let _ = tokio::time::timeout(
                        Duration::from_secs(5),
                        rx.wait_for(|n| *n >= together),
                    )
                    .await;
                }
                let v: Value = crate::common::forward(&http, &upstream, body)
                    .await
                    .json()
                    .await
                    .unwrap();
                axum::Json(v)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// The same payment started three times at once pays once: one run sends it, the others find
/// it recorded and report it as resumed (same transaction); every run exits 0. The runs reach
/// the chain through a proxy that lets none of them sign before all three are about to (or 5 s
/// passed): without a lock from the look for a record to the record, all three sign.
#[test]
fn identical_sends_started_together_pay_once() {
    let net = Devnet::start_with(0, 1, &["--block-time", "1"]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let gate = std::sync::Arc::new(tokio::sync::watch::Sender::new(0usize));
    let proxy = rt.block_on(start_nonce_gate(net.rpc_url(), 3, gate.clone()));
    let logs = tempfile::tempdir().unwrap();
    for round in 0..2u32 {
        gate.send_replace(0);
        let to = format!("{:#x}", dev_address(100 + round));
        let before = balance(&net, &to);
        let name = |i: usize| format!("r{round}-{i}");
        let mut reaper = Reaper(
            (0..3)
                .map(|i| spawn_send(&net, &proxy, &to, "0.5", logs.path(), &name(i)))
                .collect(),
        );
        let results: Vec<Value> = reaper
            .0
            .iter_mut()
            .enumerate()
            .map(|(i, c)| finish_send(c, logs.path(), &name(i)))
            .collect();
        assert_eq!(
            balance(&net, &to) - before,
            500_000_000_000_000_000,
            "round {round}: paid more than once: {results:#?}"
        );
        let own: Vec<&Value> = results.iter().filter(|r| r["resumed"] != true).collect();
        assert_eq!(own.len(), 1, "round {round}: {results:#?}");
        for r in &results {
            assert_eq!(r["tx"]["tx_hash"], own[0]["tx"]["tx_hash"], "{results:#?}");
            assert_eq!(r["transfer"]["raw"], "500000000000000000", "{r}");
        }
        assert!(records(&net).is_empty(), "{:?}", records(&net));
    }
}

/// A run started while the same payment of an earlier run is pending waits for that
/// transaction and reports it as resumed; a run killed while it waited for it finds it again
/// when rerun (after the others finished) instead of paying a second time; a deliberate
/// identical payment after all of them pays again.
#[test]
fn a_run_beside_a_pending_send_waits_for_it_and_a_killed_waiters_rerun_still_finds_it() {
    let net = Devnet::start(0, 1);
    let url = net.rpc_url();
    let to = format!("{:#x}", dev_address(120));
    let before = balance(&net, &to);
    // Nothing is mined until the test says so.
    assert_eq!(
        rpc(&url, "evm_setAutomine", json!([false]))["result"],
        Value::Null
    );
    let logs = tempfile::tempdir().unwrap();
    let args = ["--json", "wallet", "send", &to, "0.25", "--wallet", "dev:9"];
    let sending = |l: &str| l.starts_with("sending 0.25");
    let out = |name: &str| std::fs::File::create(logs.path().join(name)).unwrap();
    let (a, hash_a, a_err) =
        spawn_until_waiting_for_a_tx(&net, &args, &[], out("a.out").into(), sending);
    let (b, hash_b, b_err) =
        spawn_until_waiting_for_a_tx(&net, &args, &[], out("b.out").into(), sending);
    let (mut c, hash_c, _) = spawn_until_waiting_for_a_tx(&net, &args, &[], Stdio::null(), sending);
    assert_eq!(hash_b, hash_a);
    assert_eq!(hash_c, hash_a);
    let mut reaper = Reaper(vec![a, b]);
    // The third run is killed while it waits; the other two see the transaction mined.
    c.kill().unwrap();
    c.wait().unwrap();
    assert_eq!(rpc(&url, "evm_mine", json!([]))["result"], "0x0");
    // Their progress is read to the end beside them (it ends when they exit).
    let drain = |lines: std::io::Lines<std::io::BufReader<std::process::ChildStderr>>| {
        std::thread::spawn(move || lines.map_while(Result::ok).collect::<Vec<String>>())
    };
    let (a_err, b_err) = (drain(a_err), drain(b_err));
    let mut ok = Vec::new();
    for (i, name) in ["a", "b"].iter().enumerate() {
        let status = wait_exit(
            &mut reaper.0[i],
            Duration::from_secs(120),
            &logs.path().join(format!("{name}.out")),
        );
        ok.push(status.success());
    }
    let (a_err, b_err) = (a_err.join().unwrap(), b_err.join().unwrap());
    assert_eq!(ok, [true, true], "{a_err:#?}\n{b_err:#?}");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(logs.path().join(name)).unwrap()).unwrap()
    };
    let (ra, rb) = (read("a.out"), read("b.out"));
    assert_eq!(ra["tx"]["tx_hash"], hash_a.as_str(), "{ra}");
    assert!(ra.get("resumed").is_none(), "{ra}");
    assert_eq!(rb["tx"]["tx_hash"], hash_a.as_str(), "{rb}");
    assert_eq!(rb["resumed"], true, "{rb}");
    assert_eq!(balance(&net, &to) - before, 250_000_000_000_000_000);
    // The killed run's rerun finds the transaction (mined) and pays nothing.
    assert_eq!(records(&net).len(), 1, "the killed waiter's record went");
    let rc = net.json(&["wallet", "send", &to, "0.25", "--wallet", "dev:9"]);
    assert_eq!(rc["tx"]["tx_hash"], hash_a.as_str(), "{rc}");
    assert_eq!(rc["resumed"], true, "{rc}");
    assert_eq!(balance(&net, &to) - before, 250_000_000_000_000_000);
    assert!(records(&net).is_empty(), "{:?}", records(&net));
    // A deliberate second payment, all earlier runs done, pays again.
    rpc(&url, "evm_setAutomine", json!([true]));
    let rd = net.json(&["wallet", "send", &to, "0.25", "--wallet", "dev:9"]);
    assert_ne!(rd["tx"]["tx_hash"], hash_a.as_str(), "{rd}");
    assert!(rd.get("resumed").is_none(), "{rd}");
    assert_eq!(balance(&net, &to) - before, 500_000_000_000_000_000);
}
