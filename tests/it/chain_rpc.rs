//! A chain RPC as public ones behave under load: answering some requests busy (HTTP 429 with
//! `Retry-After`, 503, or a gateway's 502 and 504) before it answers them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::common::{Devnet, dev_address, forward, passthrough};

/// A proxy in front of `upstream` (a real chain RPC) that answers every third request busy,
/// cycling through the busy answers, or every request busy while `always` is set. Returns its
/// URL and the number of busy answers given so far.
async fn busy_proxy(upstream: String, always: Arc<AtomicBool>) -> (String, Arc<AtomicUsize>) {
    use axum::{Router, routing::post};
    let http = reqwest::Client::new();
    let seen = Arc::new(AtomicUsize::new(0));
    let busy = Arc::new(AtomicUsize::new(0));
    let given = busy.clone();
    let app = Router::new().route(
        "/",
        post(move |body: String| {
            let (http, upstream) = (http.clone(), upstream.clone());
            let (seen, busy, always) = (seen.clone(), busy.clone(), always.clone());
            async move {
                let n = seen.fetch_add(1, Ordering::SeqCst);
                if always.load(Ordering::SeqCst) || n % 3 == 0 {
                    let b = busy.fetch_add(1, Ordering::SeqCst);
                    return match b % 4 {
                        0 => (
                            StatusCode::TOO_MANY_REQUESTS,
                            [("retry-after", "1")],
                            "Too Many Requests",
                        )
                            .into_response(),
                        1 => (StatusCode::BAD_GATEWAY, "bad gateway").into_response(),
                        2 => (StatusCode::SERVICE_UNAVAILABLE, "").into_response(),
                        _ => (StatusCode::GATEWAY_TIMEOUT, "upstream timed out").into_response(),
                    };
                }
                passthrough(forward(&http, &upstream, body).await).await
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, given)
}

fn wei(v: &serde_json::Value) -> u128 {
    v["native"]["raw"].as_str().unwrap().parse().unwrap()
}

/// Requests the RPC answers busy are sent again: a transfer through such an RPC completes and
/// pays once, and a balance reads; an RPC busy through every retry is exit 3 `chain.busy`,
/// saying so and what to do, within seconds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_rpc_is_asked_again_and_one_busy_throughout_is_exit_3() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let always = Arc::new(AtomicBool::new(false));
    let (proxy, busy) = busy_proxy(net.rpc_url(), always.clone()).await;
    let to = format!("{:#x}", dev_address(121));
    let net = Arc::new(net);
    let run = |args: Vec<String>| {
        let net = net.clone();
        tokio::task::spawn_blocking(move || net.cmd().args(&args).write_stdin("").output().unwrap())
    };
    let direct = |to: &str| {
        vec![
            "--json".into(),
            "wallet".into(),
            "balance".into(),
            to.to_string(),
        ]
    };
    let before = wei(&serde_json::from_slice(&run(direct(&to)).await.unwrap().stdout).unwrap());

    let via = |rest: &[&str]| {
        let mut a: Vec<String> = vec!["--json".into(), "--rpc-url".into(), proxy.clone()];
        a.extend(rest.iter().map(|s| s.to_string()));
        a
    };
    let sent = run(via(&["wallet", "send", &to, "0.25", "--wallet", "dev:9"]))
        .await
        .unwrap();
    assert!(
        sent.status.success(),
        "send through a busy RPC failed ({}):\n{}",
        sent.status,
        String::from_utf8_lossy(&sent.stderr)
    );
    let read = run(via(&["wallet", "balance", &to])).await.unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let answered_busy = busy.load(Ordering::SeqCst);
    assert!(
        answered_busy >= 3,
        "the proxy answered busy {answered_busy} times"
    );
    let after = wei(&serde_json::from_slice(&run(direct(&to)).await.unwrap().stdout).unwrap());
    assert_eq!(after - before, 250_000_000_000_000_000, "paid once");
    assert_eq!(
        wei(&serde_json::from_slice(&read.stdout).unwrap()),
        after,
        "the balance read through the busy RPC"
    );

    // Busy throughout: exit 3 with the code, the URL and the fix.
    always.store(true, Ordering::SeqCst);
    let out = run(via(&["wallet", "balance", &to])).await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let err = stderr
        .lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v.get("error").is_some())
        .unwrap_or_else(|| panic!("no JSON error: {stderr}"))["error"]
        .clone();
    assert_eq!(err["code"], "chain.busy", "{err}");
    let text = err.to_string();
    assert!(text.contains(proxy.trim_start_matches("http://")), "{text}");
    assert!(text.contains("rate limit"), "{text}");
    assert_eq!(
        after,
        wei(&serde_json::from_slice(&run(direct(&to)).await.unwrap().stdout).unwrap())
    );
}

/// A proxy in front of `upstream` that delivers each signed transaction to the chain but
/// answers its first delivery 503, as a gateway whose answer was lost; everything else passes.
/// Returns its URL and how many answers it lost.
async fn lost_answer_proxy(upstream: String) -> (String, Arc<AtomicUsize>) {
    use axum::{Router, routing::post};
    let http = reqwest::Client::new();
    let lost = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(std::sync::Mutex::new(
        std::collections::HashSet::<String>::new(),
    ));
    let counted = lost.clone();
    let app = Router::new().route(
        "/",
        post(move |body: String| {
            let (http, upstream) = (http.clone(), upstream.clone());
            let (lost, seen) = (lost.clone(), seen.clone());
            async move {
                let req: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                let first_delivery = req["method"] == "eth_sendRawTransaction"
                    && seen.lock().unwrap().insert(req["params"][0].to_string());
                let r = forward(&http, &upstream, body).await;
                if first_delivery {
                    lost.fetch_add(1, Ordering::SeqCst);
                    return (StatusCode::SERVICE_UNAVAILABLE, "").into_response();
                }
                passthrough(r).await
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, counted)
}

/// A transaction the chain took while the RPC's answer was lost (busy) is sent again by the
/// chain client; the chain then knows it, and the command takes it as its own: one
/// transaction, exit 0, not "an earlier run's", for a recorded payment and for a plain write
/// alike (it signed a second one with the next nonce, which reverted or paid twice).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_whose_answer_was_lost_is_sent_once() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let (proxy, lost) = lost_answer_proxy(net.rpc_url()).await;
    let rpc_url = net.rpc_url();
    let nonce = move |who: u32| {
        let v = crate::common::rpc(
            &rpc_url,
            "eth_getTransactionCount",
            serde_json::json!([format!("{:#x}", dev_address(who)), "latest"]),
        );
        u64::from_str_radix(v["result"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap()
    };
    let net = Arc::new(net);
    let run = |args: Vec<String>| {
        let net = net.clone();
        tokio::task::spawn_blocking(move || net.cmd().args(&args).write_stdin("").output().unwrap())
    };
    let via = |rest: &[&str]| {
        let mut a: Vec<String> = vec!["--json".into(), "--rpc-url".into(), proxy.clone()];
        a.extend(rest.iter().map(|s| s.to_string()));
        a
    };
    let n6 = tokio::task::spawn_blocking({
        let nonce = nonce.clone();
        move || nonce(6)
    })
    .await
    .unwrap();
    let created = run(via(&[
        "dataset",
        "create",
        "lost-answer",
        "--description",
        "d",
        "--license",
        "MIT",
        "--wallet",
        "dev:6",
    ]))
    .await
    .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let to = format!("{:#x}", dev_address(122));
    let n7 = tokio::task::spawn_blocking({
        let nonce = nonce.clone();
        move || nonce(7)
    })
    .await
    .unwrap();
    let sent = run(via(&["wallet", "send", &to, "0.5", "--wallet", "dev:7"]))
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&sent.stderr);
    assert!(sent.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&sent.stdout).unwrap();
    assert!(v.get("resumed").is_none(), "{v}");
    assert!(!stderr.contains("earlier run"), "{stderr}");
    assert_eq!(lost.load(Ordering::SeqCst), 2, "both answers were lost");
    let (a6, a7) = tokio::task::spawn_blocking(move || (nonce(6), nonce(7)))
        .await
        .unwrap();
    assert_eq!((a6 - n6, a7 - n7), (1, 1), "one transaction each");
}

/// A chain RPC proxy on raw sockets, able to drop connections as a flaky network does: a
/// request `drop_after` accepts is forwarded to `upstream` and its connection then closed
/// without an answer; while `down` is set every request's connection is closed unanswered.
async fn dropping_proxy(
    upstream: String,
    drop_after: impl Fn(&serde_json::Value) -> bool + Send + Sync + 'static,
    down: Arc<AtomicBool>,
) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let drop_after = Arc::new(drop_after);
    let http = reqwest::Client::new();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let (drop_after, down, http, upstream) = (
                drop_after.clone(),
                down.clone(),
                http.clone(),
                upstream.clone(),
            );
            tokio::spawn(async move {
                let mut buf = Vec::new();
                loop {
                    // One request: its head, then Content-Length bytes of body.
                    let head_end = loop {
                        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            break i + 4;
                        }
                        let mut chunk = [0u8; 4096];
                        match sock.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    };
                    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
                    let len: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    while buf.len() < head_end + len {
                        let mut chunk = [0u8; 4096];
                        match sock.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let body = String::from_utf8_lossy(&buf[head_end..head_end + len]).to_string();
                    buf.drain(..head_end + len);
                    if down.load(Ordering::SeqCst) {
                        return;
                    }
                    let req: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                    let answer = forward(&http, &upstream, body).await.bytes().await.unwrap();
                    if drop_after(&req) {
                        return;
                    }
                    let mut out = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                        answer.len()
                    )
                    .into_bytes();
                    out.extend_from_slice(&answer);
                    if sock.write_all(&out).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

/// The JSON error a `--json` run printed on stderr.
fn json_error(stderr: &str) -> serde_json::Value {
    stderr
        .lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v.get("error").is_some())
        .unwrap_or_else(|| panic!("no JSON error: {stderr}"))["error"]
        .clone()
}

fn nonce_of(rpc_url: &str, who: alloy::primitives::Address) -> u64 {
    let v = crate::common::rpc(
        rpc_url,
        "eth_getTransactionCount",
        serde_json::json!([format!("{who:#x}"), "latest"]),
    );
    u64::from_str_radix(v["result"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap()
}

/// Waits for `child` up to `secs` seconds; kills it and fails the test past that.
fn wait_for(mut child: std::process::Child, secs: u64) -> std::process::Output {
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > secs {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {secs} s; stderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

/// A connection dropped right after the signed transfer went out: the error names the
/// transaction and says a rerun finds out whether it landed (exit 3). The rerun reports the
/// earlier run's transfer with its time and hash and pays nothing; a run after that pays again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_lost_after_broadcast_names_the_transaction_and_a_rerun_reports_it() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let proxy = dropping_proxy(
        net.rpc_url(),
        |req| req["method"] == "eth_sendRawTransaction",
        Arc::new(AtomicBool::new(false)),
    )
    .await;
    let to = format!("{:#x}", dev_address(123));
    let net = Arc::new(net);
    let run = |args: Vec<String>| {
        let net = net.clone();
        tokio::task::spawn_blocking(move || net.cmd().args(&args).write_stdin("").output().unwrap())
    };
    let balance = |net: Arc<Devnet>, to: String| async move {
        let out = tokio::task::spawn_blocking(move || {
            net.cmd()
                .args(["--json", "wallet", "balance", &to])
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        wei(&serde_json::from_slice(&out.stdout).unwrap())
    };
    let before = balance(net.clone(), to.clone()).await;
    let send: Vec<String> = ["wallet", "send", &to, "3", "--wallet", "dev:8"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut via = vec!["--json".to_string(), "--rpc-url".into(), proxy.clone()];
    via.extend(send.clone());
    let out = run(via).await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let err = json_error(&stderr);
    let msg = err["message"].as_str().unwrap();
    let hash = msg
        .split_whitespace()
        .find(|w| w.starts_with("0x") && w.trim_end_matches(':').len() == 66)
        .unwrap_or_else(|| panic!("no transaction named: {err}"))
        .trim_end_matches(':')
        .to_string();
    assert!(
        err["hint"]
            .as_str()
            .unwrap()
            .contains("rerun the same command to find out whether it landed"),
        "{err}"
    );
    let landed = balance(net.clone(), to.clone()).await;
    assert_eq!(landed - before, 3_000_000_000_000_000_000, "it landed");

    // The rerun (text) reports the earlier run's transfer, its time and hash; nothing paid.
    let out = run(send.clone()).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("an earlier run's transfer"), "{stdout}");
    assert!(
        stdout.contains(&hash) && stdout.contains(" UTC"),
        "{stdout}"
    );
    assert!(
        stdout.contains("run the same command once more"),
        "{stdout}"
    );
    assert_eq!(balance(net.clone(), to.clone()).await, landed);

    // As it says: the same command once more pays again.
    let out = run(send).await.unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("earlier run"));
    assert_eq!(
        balance(net.clone(), to.clone()).await - landed,
        3_000_000_000_000_000_000
    );
}

/// A transaction the node dropped from its pool while the command waited is broadcast again
/// from its signed bytes (noted), and the command completes, paying once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_dropped_from_the_pool_is_sent_again() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc_url = net.rpc_url();
    let to = format!("{:#x}", dev_address(124));
    let r = rpc_url.clone();
    tokio::task::spawn_blocking(move || {
        crate::common::rpc(&r, "evm_setAutomine", serde_json::json!([false]))
    })
    .await
    .unwrap();
    let (out, stderr) = tokio::task::spawn_blocking(move || {
        let (child, hash, lines) = crate::common::spawn_until_waiting_for_a_tx(
            &net,
            &["--json", "wallet", "send", &to, "0.5", "--wallet", "dev:4"],
            &[],
            std::process::Stdio::piped(),
            |l| l.starts_with("sending"),
        );
        let r = crate::common::rpc(&rpc_url, "anvil_dropTransaction", serde_json::json!([hash]));
        assert!(r.get("error").is_none(), "{r}");
        crate::common::rpc(&rpc_url, "evm_setAutomine", serde_json::json!([true]));
        let rest = std::thread::spawn(move || lines.map_while(|l| l.ok()).collect::<Vec<_>>());
        let out = wait_for(child, 90);
        (out, rest.join().unwrap().join("\n"))
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("dropped from its pool): sent it again"),
        "{stderr}"
    );
}

/// The RPC dropping every connection for a few seconds while a receipt is awaited is ridden
/// out, and nothing but cohort's own notes reaches stderr (no log line of the chain client).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_rpc_outage_while_waiting_for_a_receipt_is_ridden_out() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc_url = net.rpc_url();
    let down = Arc::new(AtomicBool::new(false));
    let proxy = dropping_proxy(rpc_url.clone(), |_| false, down.clone()).await;
    let r = rpc_url.clone();
    tokio::task::spawn_blocking(move || {
        crate::common::rpc(&r, "evm_setAutomine", serde_json::json!([false]))
    })
    .await
    .unwrap();
    let to = format!("{:#x}", dev_address(125));
    let from = dev_address(3);
    let child = crate::common::cohort_command(net.home.path())
        .args([
            "--rpc-url",
            &proxy,
            "wallet",
            "send",
            &to,
            "0.5",
            "--wallet",
            "dev:3",
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = tokio::task::spawn_blocking(move || {
        // Pending in the pool: the command waits for its receipt.
        let pending = |r: &str| {
            let v = crate::common::rpc(
                r,
                "eth_getTransactionCount",
                serde_json::json!([format!("{from:#x}"), "pending"]),
            );
            u64::from_str_radix(v["result"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap()
        };
        let latest = nonce_of(&rpc_url, from);
        let start = std::time::Instant::now();
        while pending(&rpc_url) == latest {
            assert!(start.elapsed().as_secs() < 120, "never sent");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
        down.store(true, Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_secs(4));
        down.store(false, Ordering::SeqCst);
        crate::common::rpc(&rpc_url, "evm_setAutomine", serde_json::json!([true]));
        crate::common::rpc(&rpc_url, "evm_mine", serde_json::json!([]));
        wait_for(child, 90)
    })
    .await
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("did not answer"), "{stderr}");
    assert!(
        !stderr.contains("ERROR") && !stderr.contains("failed to poll"),
        "{stderr}"
    );
}

/// An endpoint that answers but is no Ethereum JSON-RPC (a storage node's "Method not found",
/// a web page) is a configuration error (exit 2 `chain.not_rpc`), not an unreachable chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endpoint_that_is_not_a_chain_rpc_is_exit_2() {
    use axum::{Router, routing::post};
    let serve = |app: Router| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        url
    };
    let node = serve(Router::new().route(
        "/",
        post(|body: String| async move {
            let req: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            axum::Json(serde_json::json!({"jsonrpc": "2.0", "id": req["id"],
                "error": {"code": -32601, "message": "Method not found"}}))
        }),
    ))
    .await;
    let page = serve(Router::new().route(
        "/",
        post(|| async {
            (
                [("content-type", "text/html")],
                "<html><body>Welcome</body></html>",
            )
        }),
    ))
    .await;
    for (url, says) in [(node, "Method not found"), (page, "<html>")] {
        let (code, err) = tokio::task::spawn_blocking(move || {
            let home = crate::common::Home::new();
            let to = format!("{:#x}", dev_address(1));
            let r = home.refused_json(&["--rpc-url", &url, "wallet", "balance", &to]);
            (r, url)
        })
        .await
        .map(|((code, err), url)| {
            let text = err.to_string();
            assert!(text.contains(url.trim_start_matches("http://")), "{text}");
            (code, err)
        })
        .unwrap();
        assert_eq!(code, 2, "{err}");
        assert_eq!(err["code"], "chain.not_rpc", "{err}");
        assert!(err["message"].as_str().unwrap().contains(says), "{err}");
        assert!(err["hint"].as_str().unwrap().contains("--rpc-url"), "{err}");
    }
}

/// `deploy`: a wallet that cannot pay for the whole deployment is refused before the first
/// contract (exit 4, nothing sent); a deployment cut off midway (its answer lost) continues on
/// a rerun with the contracts still missing, sending no contract twice; `--skip-storage` on a
/// profile without a flow says what to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deploy_checks_funds_first_and_a_rerun_continues_where_it_stopped() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc_url = net.rpc_url();
    let sends = Arc::new(AtomicUsize::new(0));
    let counted = sends.clone();
    let proxy = dropping_proxy(
        rpc_url.clone(),
        move |req| {
            req["method"] == "eth_sendRawTransaction" && counted.fetch_add(1, Ordering::SeqCst) == 1
        },
        Arc::new(AtomicBool::new(false)),
    )
    .await;
    tokio::task::spawn_blocking(move || {
        // Too little for the deployment: refused before anything is sent.
        let poor = dev_address(12);
        crate::common::rpc(
            &rpc_url,
            "anvil_setBalance",
            serde_json::json!([format!("{poor:#x}"), "0x9184e72a000"]),
        );
        let (code, err) = net
            .home
            .refused_json(&["deploy", "--yes", "--wallet", "dev:12"]);
        assert_eq!(
            (code, err["code"].as_str()),
            (4, Some("wallet.insufficient_funds")),
            "{err}"
        );
        assert!(
            err["message"].as_str().unwrap().contains("deploying"),
            "{err}"
        );
        assert_eq!(nonce_of(&rpc_url, poor), 0, "nothing was sent");

        // Cut off after the second contract's transaction went out.
        let who = dev_address(2);
        let n0 = nonce_of(&rpc_url, who);
        let (code, err) =
            net.home
                .refused_json(&["--rpc-url", &proxy, "deploy", "--yes", "--wallet", "dev:2"]);
        assert_eq!(code, 3, "{err}");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("may have been sent"),
            "{err}"
        );
        let v = net.json(&["deploy", "--yes", "--wallet", "dev:2"]);
        let steps = if v["contracts"]["flow"] == net.contract("flow").as_str() {
            4
        } else {
            7
        };
        assert_eq!(
            nonce_of(&rpc_url, who) - n0,
            steps,
            "one transaction per step: {v}"
        );
        for k in [
            "dataset_registry",
            "job_market",
            "model_token_factory",
            "usage_ledger",
        ] {
            let a = v["contracts"][k].as_str().unwrap();
            let code =
                crate::common::rpc(&rpc_url, "eth_getCode", serde_json::json!([a, "latest"]));
            assert!(
                code["result"].as_str().unwrap().len() > 2,
                "{k} has no code"
            );
        }

        // --skip-storage without a flow to keep.
        net.cmd()
            .args(["config", "add", "bare", "--rpc-url", &rpc_url])
            .assert()
            .success();
        let out = net
            .cmd()
            .env(
                "DEPLOY_KEY",
                "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            )
            .args([
                "--json",
                "--profile",
                "bare",
                "deploy",
                "--skip-storage",
                "--private-key-env",
                "DEPLOY_KEY",
            ])
            .write_stdin("")
            .output()
            .unwrap();
        let (code, err) = (
            out.status.code().unwrap_or(-1),
            json_error(&String::from_utf8_lossy(&out.stderr)),
        );
        assert_eq!(code, 2, "{err}");
        let hint = err["hint"].as_str().unwrap();
        assert!(
            hint.contains("drop --skip-storage") && hint.contains("profiles.bare.contracts.flow"),
            "{err}"
        );
    })
    .await
    .unwrap();
}
