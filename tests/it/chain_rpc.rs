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
