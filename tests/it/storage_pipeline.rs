//! The pipelined transfers (issue 20): a download with many segments in flight still checks
//! every segment and keeps only the verified prefix when one is bad; an upload whose batched
//! requests are over a node's body limit is sent again in halves.

use std::path::Path;

use crate::common::{Devnet, NodeProcess, content, write};
use serde_json::Value;

const SEGMENT: usize = 256 * 1024;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A storage node in front of a real one that flips one byte of segment `bad` whenever it
/// serves it (every other answer passes through unchanged): a real HTTP server.
async fn start_proxy_corrupting(upstream: String, bad: u64) -> String {
    crate::common::start_node_proxy(
        upstream,
        |_| None,
        move |req, v| {
            let is_bad = req["method"]
                .as_str()
                .is_some_and(|m| m.starts_with("zgs_downloadSegmentWithProof"))
                && req["params"][1] == bad;
            if is_bad {
                crate::common::corrupt_segment_answer(v, 1000, 0x80);
            }
        },
    )
    .await
}

#[test]
fn a_bad_segment_among_many_in_flight_fails_with_exit_5_and_keeps_only_the_verified_prefix() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    // 21 segments, the last one partial: more than the 16 fetched at once.
    let data = content(20 * SEGMENT + 1000, 23);
    let f = write(&dir, "many.bin", &data);
    let root = net.upload_root(&f);
    let real = net.status["storage_nodes"][0].as_str().unwrap().to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let proxy = rt.block_on(start_proxy_corrupting(real.clone(), 13));

    // Only the corrupting node: segment 13 fails its proof check while later ones are in
    // flight; exit 5 naming the node, no output, and the partial file holds exactly the 13
    // segments before it.
    let out = dir.join("many.out");
    let r = net
        .cmd()
        .env("COHORT_STORAGE_NODES", &proxy)
        .args([
            "storage",
            "download",
            &root,
            "-o",
            s(&out),
            "--concurrency",
            "16",
        ])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(5), "{}", stderr(&r));
    assert!(stderr(&r).contains(&proxy), "{}", stderr(&r));
    assert!(stderr(&r).contains("segment 13"), "{}", stderr(&r));
    assert!(!out.exists());
    let part = std::fs::read(dir.join(".many.out.part")).unwrap();
    assert_eq!(part.len(), 13 * SEGMENT);
    assert_eq!(part, data[..13 * SEGMENT]);

    // The real node: the download resumes after the verified prefix, bit-exact.
    let down = net.json(&[
        "storage",
        "download",
        &root,
        "-o",
        s(&out),
        "--concurrency",
        "16",
    ]);
    assert_eq!(down["resumed_bytes"], 13 * SEGMENT as u64);
    assert_eq!(down["segments_downloaded"], 8);
    assert_eq!(std::fs::read(&out).unwrap(), data);
    assert!(!dir.join(".many.out.part").exists());
    drop(rt);
}

#[test]
fn requests_over_a_nodes_body_limit_are_sent_again_in_halves() {
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let rt = tokio::runtime::Runtime::new().unwrap();
    // A node of the same chain and flow that takes bodies of at most 1 MiB: two segments.
    let flow = net.contract("flow");
    let small = rt.block_on(NodeProcess::start(
        &net.rpc_url(),
        &flow,
        &["--rpc-max-body-mib", "1", "--poll-ms", "50"],
    ));
    let data = content(8 * SEGMENT - 5000, 29);
    let f = write(&dir, "halves.bin", &data);
    let up = net
        .cmd()
        .args([
            "storage",
            "upload",
            s(&f),
            "--storage-node",
            &small.url,
            "--batch",
            "8",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(up.status.success(), "{}\n{}", stderr(&up), small.log());
    let v: Value = serde_json::from_slice(&up.stdout).unwrap();
    assert_eq!(v["segments_sent"], 8, "{v}");
    let root = v["root"].as_str().unwrap().to_string();
    let out = dir.join("halves.out");
    let r = net
        .cmd()
        .env("COHORT_STORAGE_NODES", &small.url)
        .args(["storage", "download", &root, "-o", s(&out)])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", stderr(&r));
    assert_eq!(std::fs::read(&out).unwrap(), data);
    drop(small);
    drop(rt);
}
