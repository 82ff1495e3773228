//! The storage node's limits for a public deployment (issue 19): batch length, body size,
//! memory under a flood of oversized batches and garbage, per-peer rate and connections.
//! Each test runs its own `cohort node run` process on a random loopback port; the chain URL
//! points nowhere (the RPC server answers without one).

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::NodeProcess;

const FLOW: &str = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

type Node = NodeProcess;

/// A node of its own whose chain URL points nowhere.
async fn start(extra: &[&str]) -> Node {
    NodeProcess::start("http://127.0.0.1:1", FLOW, extra).await
}

/// The node's peak resident memory so far (VmHWM), in bytes.
fn peak_rss(node: &Node) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", node.child.id())).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/PID/status");
    let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb * 1024
}

fn status_call(id: u64) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": "zgs_getStatus"})).unwrap()
}

fn client_from(ip: IpAddr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(ip)
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap()
}

/// POSTs `body` as JSON; returns the HTTP status and the parsed answer.
async fn post(url: &str, body: &[u8]) -> reqwest::Result<(u16, Value)> {
    post_from(&reqwest::Client::new(), url, body.to_vec()).await
}

async fn post_from(
    client: &reqwest::Client,
    url: &str,
    body: Vec<u8>,
) -> reqwest::Result<(u16, Value)> {
    let resp = client
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await?;
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await?;
    let v = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "HTTP {status} answer is not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    Ok((status, v))
}

/// `[1,1,...,1]`: `n` tiny items, 2 bytes each (the probe's 1,000,000-item batch is 2 MB).
fn tiny_batch(n: usize) -> Vec<u8> {
    let mut b = Vec::with_capacity(2 * n + 1);
    b.push(b'[');
    for i in 0..n {
        if i > 0 {
            b.push(b',');
        }
        b.push(b'1');
    }
    b.push(b']');
    b
}

fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn assert_status_result(v: &Value) {
    assert!(
        v["result"]["networkIdentity"]["flowAddress"].is_string(),
        "not a status: {v}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_million_item_batch_from_64_clients_is_refused_and_the_node_stays_under_256_mib() {
    let node = start(&[]).await;
    let batch = tiny_batch(1_000_000);
    assert_eq!(batch.len(), 2_000_001);

    // One alone: a JSON-RPC error at once, not a million answers.
    let (status, v) = post(&node.url, &batch).await.unwrap();
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["error"]["code"], -32010, "{v}");
    assert!(v["error"]["data"].as_str().unwrap().contains("1000"), "{v}");

    // 64 clients at once from 64 addresses: the batch, random bytes, deep nesting, a
    // 1,000-item batch of garbage calls.
    let mut tasks = vec![];
    for i in 0..64u8 {
        let url = node.url.clone();
        let body = match i % 4 {
            0 | 1 => batch.clone(),
            2 => garbage(2_000_000, i as u64),
            _ => {
                let mut b = vec![b'['; 1_000_000];
                b.extend(vec![b']'; 1_000_000]);
                b
            }
        };
        let client = client_from(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2 + i)));
        tasks.push(tokio::spawn(async move {
            let (status, v) = post_from(&client, &url, body).await.unwrap();
            (i, status, v)
        }));
    }
    for t in tasks {
        let (i, status, v) = t.await.unwrap();
        assert_eq!(status, 200, "client {i}: {v}");
        match i % 4 {
            0 | 1 => assert_eq!(v["error"]["code"], -32010, "client {i}: {v}"),
            2 => assert_eq!(v["error"]["code"], -32700, "client {i}: {v}"),
            // A batch of one item nested a million deep, which is not a call.
            _ => assert_eq!(v[0]["error"]["code"], -32600, "client {i}: {v}"),
        }
    }
    let peak = peak_rss(&node);
    assert!(
        peak < 256 << 20,
        "peak RSS {} MiB is over 256 MiB",
        peak >> 20
    );
    // And it still serves.
    let (status, v) = post(&node.url, &status_call(7)).await.unwrap();
    assert_eq!((status, &v["id"]), (200, &json!(7)));
    assert_status_result(&v);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_of_1000_calls_is_answered_and_1001_refused() {
    let node = start(&[]).await;
    let calls = |n: u64| -> Vec<u8> {
        let v: Vec<Value> = (0..n)
            .map(|i| json!({"jsonrpc": "2.0", "id": i, "method": "zgs_getShardConfig"}))
            .collect();
        serde_json::to_vec(&v).unwrap()
    };
    let (status, v) = post(&node.url, &calls(1000)).await.unwrap();
    assert_eq!(status, 200);
    let answers = v.as_array().unwrap_or_else(|| panic!("{v}"));
    assert_eq!(answers.len(), 1000);
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a["id"], json!(i), "{a}");
        assert_eq!(a["result"], json!({"shardId": 0, "numShard": 1}), "{a}");
    }
    let (status, v) = post(&node.url, &calls(1001)).await.unwrap();
    assert_eq!(status, 200);
    assert_eq!(
        v,
        json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32010,
            "message": "The batch request was too large",
            "data": "a batch holds at most 1000 calls: split it into smaller batches"}})
    );
    // The limit is the node's to choose.
    let small = start(&["--rpc-max-batch", "3"]).await;
    let (_, v) = post(&small.url, &calls(3)).await.unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(3), "{v}");
    let (_, v) = post(&small.url, &calls(4)).await.unwrap();
    assert_eq!(v["error"]["code"], -32010, "{v}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_body_is_refused_with_413_and_a_json_rpc_error() {
    let node = start(&["--rpc-max-body-mib", "1"]).await;
    // Declared too large: refused before it is read.
    let mut big = b"[".to_vec();
    big.extend(vec![b' '; 1 << 20]);
    big.push(b']');
    let (status, v) = post(&node.url, &big).await.unwrap();
    assert_eq!(status, 413, "{v}");
    assert_eq!(v["error"]["code"], -32007, "{v}");
    assert!(
        v["error"]["data"]
            .as_str()
            .unwrap()
            .contains("limit of 1048576 bytes"),
        "{v}"
    );
    // Streamed without a length (chunked): refused once the limit is crossed.
    let port = node.port;
    let (status, v) = tokio::task::spawn_blocking(move || {
        let mut s = connect_from(Ipv4Addr::LOCALHOST, port);
        let mut req = b"POST / HTTP/1.1\r\nHost: node\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..16 {
            req.extend_from_slice(b"10000\r\n");
            req.extend(vec![b' '; 0x10000]);
            req.extend_from_slice(b"\r\n");
        }
        req.extend_from_slice(b"1\r\n \r\n0\r\n\r\n");
        raw_exchange(&mut s, &req).expect("an answer")
    })
    .await
    .unwrap();
    assert_eq!(status, 413, "{v}");
    assert_eq!(v["error"]["code"], -32007, "{v}");
    // Just under the limit is read and parsed.
    let mut ok_size = status_call(3);
    ok_size.extend(vec![b' '; (1 << 20) - ok_size.len()]);
    let (status, v) = post(&node.url, &ok_size).await.unwrap();
    assert_eq!(status, 200, "{v}");
    assert_status_result(&v);
    // Too many params, and params that are not a list.
    let (_, v) = post(
        &node.url,
        &serde_json::to_vec(
            &json!({"jsonrpc": "2.0", "id": 4, "method": "zgs_getFileInfoByTxSeq",
            "params": vec![0; 17]}),
        )
        .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(v["error"]["code"], -32602, "{v}");
    assert_eq!(v["id"], 4, "{v}");
    // Limits that cannot work together are a usage error.
    let out = Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(["node", "run", "--data-dir"])
        .arg(tempfile::tempdir().unwrap().path())
        .args(["--rpc", "127.0.0.1:0", "--chain-rpc", "http://127.0.0.1:1"])
        .args(["--flow", FLOW, "--rpc-max-body-mib", "64"])
        .env("COHORT_HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--rpc-memory-mib"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_over_its_rate_is_refused_with_429_while_others_are_served() {
    let node = start(&["--rpc-peer-rate", "1"]).await;
    // The node itself answered `Node::start`'s probe from 127.0.0.1: 20 more at once.
    let busy = client_from(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1)));
    let mut tasks = vec![];
    for i in 0..20 {
        let (c, url) = (busy.clone(), node.url.clone());
        tasks.push(tokio::spawn(async move {
            post_from(&c, &url, status_call(i)).await.unwrap()
        }));
    }
    // Another address is not held up by the first one's flood.
    let other = client_from(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 9)));
    let (status, v) = post_from(&other, &node.url, status_call(99)).await.unwrap();
    assert_eq!(status, 200, "{v}");
    assert_status_result(&v);
    let (mut ok, mut refused) = (0, 0);
    for t in tasks {
        let (status, v) = t.await.unwrap();
        match status {
            200 => {
                assert_status_result(&v);
                ok += 1;
            }
            429 => {
                assert_eq!(v["error"]["code"], -32009, "{v}");
                assert!(
                    v["error"]["data"]
                        .as_str()
                        .unwrap()
                        .contains("1 requests per second")
                );
                refused += 1;
            }
            s => panic!("HTTP {s}: {v}"),
        }
    }
    // Within the 5 s a request may wait, at most the burst (2) and ~6 more pass.
    assert!(ok >= 1, "ok {ok}, refused {refused}");
    assert!(refused >= 5, "ok {ok}, refused {refused}");
}

/// One `zgs_getStatus` over HTTP/1.1 on an open connection; `None` when the node closed it.
fn raw_call(stream: &mut TcpStream) -> Option<String> {
    let body = status_call(1);
    let mut req = format!(
        "POST / HTTP/1.1\r\nHost: node\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    raw_exchange(stream, &req).map(|(_, v)| v.to_string())
}

/// Writes a raw HTTP request and reads one answer: its status and JSON body; `None` when the
/// node closed the connection.
fn raw_exchange(stream: &mut TcpStream, req: &[u8]) -> Option<(u16, Value)> {
    stream.write_all(req).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut buf = vec![0u8; 65536];
    let mut got = Vec::new();
    loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        got.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&got).to_string();
        if let Some((head, rest)) = text.split_once("\r\n\r\n") {
            let len: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap();
            if rest.len() >= len {
                let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
                return Some((status, serde_json::from_str(&rest[..len]).unwrap()));
            }
        }
    }
}

fn connect_from(ip: Ipv4Addr, port: u16) -> TcpStream {
    // std cannot bind before connect; tokio's TcpSocket can, then hand the stream over.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let s = tokio::net::TcpSocket::new_v4().unwrap();
        s.bind((ip, 0).into()).unwrap();
        let stream = s.connect((Ipv4Addr::LOCALHOST, port).into()).await.unwrap();
        let std = stream.into_std().unwrap();
        std.set_nonblocking(false).unwrap();
        std
    })
}

#[test]
fn connections_over_the_peer_limit_are_closed_while_other_peers_connect() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let node = rt.block_on(start(&["--rpc-max-peer-connections", "2"]));
    let a = Ipv4Addr::new(127, 0, 0, 3);
    let mut held: Vec<TcpStream> = (0..2).map(|_| connect_from(a, node.port)).collect();
    for s in &mut held {
        let answer = raw_call(s).expect("the first two connections are served");
        assert!(answer.contains("networkIdentity"), "{answer}");
    }
    let mut third = connect_from(a, node.port);
    assert_eq!(raw_call(&mut third), None, "a third connection is closed");
    let mut other = connect_from(Ipv4Addr::new(127, 0, 0, 4), node.port);
    assert!(raw_call(&mut other).is_some(), "another peer is served");
    // Once one closes, the peer may connect again.
    drop(held.pop());
    let start = Instant::now();
    loop {
        let mut again = connect_from(a, node.port);
        if raw_call(&mut again).is_some() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never readmitted"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
