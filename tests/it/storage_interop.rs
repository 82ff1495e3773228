//! Wire compatibility with the official 0G TS SDK (`@0gfoundation/0g-ts-sdk` 1.2.8, pinned in
//! tests/interop/package-lock.json): files the SDK uploads download byte-identical with
//! `cohort storage download`, and files cohort uploads download byte-identical with the SDK,
//! through cohort's devnet (anvil, Flow contract, `cohort node run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::Devnet;
use serde_json::Value;

fn interop_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop");
    assert!(
        dir.join("node_modules/@0gfoundation/0g-ts-sdk").is_dir(),
        "the 0G TS SDK is not installed: run `npm ci --prefix tests/interop`"
    );
    dir
}

fn content(size: usize, salt: usize) -> Vec<u8> {
    (0..size)
        .map(|i| ((i * 131 + 17 + salt) % 253) as u8)
        .collect()
}

fn node_script(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("node")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_ts_sdk_and_cohort_read_each_others_uploads_byte_identical() {
    let sdk = interop_dir();
    let net = Devnet::start(1, 1);
    let dir = net.home.path().to_path_buf();
    let rpc = net.rpc_url();
    let flow = net.contract("flow");
    let nodes = net.status["storage_nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join(",");
    let key = cohort::devnet::dev_signer(5).unwrap().to_bytes();
    let key = format!("0x{}", hex::encode(key));

    for (i, size) in [1usize, 257, 600000, 5 * 1024 * 1024]
        .into_iter()
        .enumerate()
    {
        // SDK uploads, cohort downloads.
        let data = content(size, 2 * i);
        let f = dir.join(format!("sdk-{size}.bin"));
        std::fs::write(&f, &data).unwrap();
        let out = node_script(
            &sdk,
            &["upload.mjs", &rpc, &flow, &nodes, &key, f.to_str().unwrap()],
        );
        let v: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        let root = v["root"].as_str().unwrap();
        let local = net.json(&["storage", "root", f.to_str().unwrap()]);
        assert_eq!(
            local["root"], root,
            "cohort computes the SDK's root for {size} bytes"
        );
        let got = dir.join(format!("sdk-{size}.cohort"));
        net.json(&["storage", "download", root, "-o", got.to_str().unwrap()]);
        assert_eq!(
            std::fs::read(&got).unwrap(),
            data,
            "SDK upload of {size} bytes"
        );

        // cohort uploads, SDK downloads.
        let data = content(size, 2 * i + 1);
        let f = dir.join(format!("cohort-{size}.bin"));
        std::fs::write(&f, &data).unwrap();
        let up = net.json(&["storage", "upload", f.to_str().unwrap()]);
        let root = up["root"].as_str().unwrap();
        let got = dir.join(format!("cohort-{size}.sdk"));
        node_script(&sdk, &["download.mjs", &nodes, root, got.to_str().unwrap()]);
        assert_eq!(
            std::fs::read(&got).unwrap(),
            data,
            "cohort upload of {size} bytes"
        );
    }
}
