//! `cohort dataset`: create, upload, review, seal, contributors, download and verify against a
//! real devnet (anvil + storage nodes) in a temporary home.

mod common;

use std::path::Path;

use common::Devnet;
use serde_json::Value;

fn dev_address(i: u32) -> String {
    format!("{:#x}", cohort::devnet::dev_signer(i).unwrap().address())
}

/// Runs a failing command and returns (exit code, stderr).
fn fails(net: &Devnet, args: &[&str]) -> (i32, String) {
    let out = net.cmd().args(args).output().unwrap();
    assert!(!out.status.success(), "cohort {args:?} unexpectedly succeeded");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn create(net: &Devnet, name: &str, extra: &[&str]) -> Value {
    let mut args =
        vec!["dataset", "create", name, "--description", "test data", "--license", "CC0-1.0"];
    args.extend_from_slice(extra);
    net.json(&args)
}

/// Records a contribution directly through the library (a file need not exist in storage for
/// the registry's bookkeeping), signed by dev account `who`.
fn contribute_raw(net: &Devnet, dataset: u64, who: u32, size: u64, path: &str) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let paths = cohort::config::Paths::under(net.home.path());
        let client =
            cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
        let reg = cohort::datasets::Registry::open(&client).await.unwrap();
        let s = reg.chain.with_signer(cohort::devnet::dev_signer(who).unwrap()).unwrap();
        let root = alloy::primitives::B256::repeat_byte(size as u8);
        let silent = cohort::progress::Silent;
        reg.contribute(&s, dataset, root, size, [7u8; 32], path, &silent).await.unwrap();
    });
}

#[test]
fn create_list_show_by_id_or_name_and_refuse_bad_names() {
    let net = Devnet::start(1, 1);
    let a = create(&net, "poems", &[]);
    assert_eq!(a["dataset"]["id"], 1);
    assert_eq!(a["dataset"]["curator"], dev_address(0));
    assert_eq!(a["dataset"]["sealed"], false);
    let b = create(&net, "poems-v2", &["--previous", "poems", "--wallet", "dev:1"]);
    assert_eq!(b["dataset"]["id"], 2);
    assert_eq!(b["dataset"]["predecessor_id"], 1);
    assert_eq!(b["dataset"]["curator"], dev_address(1));

    let list = net.json(&["dataset", "list"]);
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["poems", "poems-v2"]);
    let by_name = net.json(&["dataset", "show", "poems-v2"]);
    let by_id = net.json(&["dataset", "show", "2"]);
    assert_eq!(by_name, by_id);
    assert_eq!(by_id["contributions"].as_array().unwrap().len(), 0);

    // A taken name: usage error naming the existing id, nothing sent.
    let (code, err) = fails(&net, &["dataset", "create", "poems", "--description", "x", "--license", "MIT"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already exists (id 1)") && err.contains("hint:"), "{err}");
    // A name made of digits would read as an id.
    let (code, err) = fails(&net, &["dataset", "create", "42", "--description", "x", "--license", "MIT"]);
    assert_eq!(code, 2, "{err}");
    // Unknown datasets, by name and by id, and an unknown predecessor.
    for which in ["nope", "9"] {
        let (code, err) = fails(&net, &["dataset", "show", which]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&format!("no dataset named '{which}'")) && err.contains("dataset list"), "{err}");
    }
    let (code, _) = fails(
        &net,
        &["dataset", "create", "x", "--description", "x", "--license", "MIT", "--previous", "nope"],
    );
    assert_eq!(code, 2);
    assert_eq!(net.json(&["dataset", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn only_the_curator_reviews_and_seals_and_weights_are_size_times_score() {
    let net = Devnet::start(1, 1);
    create(&net, "corpus", &[]);
    contribute_raw(&net, 1, 1, 1000, "a.txt");
    contribute_raw(&net, 1, 2, 300, "b.txt");
    contribute_raw(&net, 1, 1, 50, "c.txt");
    contribute_raw(&net, 1, 2, 70, "d.txt");

    // Not the curator: refused before sending (exit 4), naming the curator.
    let (code, err) = fails(&net, &["dataset", "review", "corpus", "0", "--accept", "--score", "5", "--wallet", "dev:1"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.to_lowercase().contains(&dev_address(0)), "{err}");
    let (code, err) = fails(&net, &["dataset", "seal", "corpus", "--wallet", "dev:2"]);
    assert_eq!(code, 4, "{err}");
    // Bad index, bad score, missing verdict.
    let (code, err) = fails(&net, &["dataset", "review", "corpus", "9", "--reject"]);
    assert_eq!(code, 2, "{err}");
    let (code, _) = fails(&net, &["dataset", "review", "corpus", "0", "--accept", "--score", "101"]);
    assert_eq!(code, 2);
    let (code, _) = fails(&net, &["dataset", "review", "corpus", "0"]);
    assert_eq!(code, 2);

    let r = net.json(&["dataset", "review", "corpus", "0", "1", "--accept", "--score", "80"]);
    assert_eq!(r["reviewed"].as_array().unwrap().len(), 2);
    net.json(&["dataset", "review", "corpus", "2", "--reject"]);
    // Re-reviewing before the seal replaces the verdict.
    net.json(&["dataset", "review", "corpus", "1", "--accept", "--score", "10"]);
    let r = net.json(&["dataset", "review", "1", "--all-pending", "--accept", "--score", "100"]);
    let idx: Vec<u64> = r["reviewed"].as_array().unwrap().iter().map(|c| c["index"].as_u64().unwrap()).collect();
    assert_eq!(idx, [3]);

    let show = net.json(&["dataset", "show", "corpus"]);
    let statuses: Vec<&str> =
        show["contributions"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["accepted", "accepted", "rejected", "accepted"]);

    let c = net.json(&["dataset", "contributors", "corpus"]);
    let w1 = 1000 * 80;
    let w2 = 300 * 10 + 70 * 100;
    assert_eq!(c["total_weight"], (w1 + w2).to_string());
    let list = c["contributors"].as_array().unwrap();
    assert_eq!(list[0]["contributor"], dev_address(1));
    assert_eq!(list[0]["weight"], w1.to_string());
    assert_eq!(list[1]["contributor"], dev_address(2));
    assert_eq!(list[1]["weight"], w2.to_string());
    let share = list[0]["share"].as_f64().unwrap();
    assert!((share - w1 as f64 / (w1 + w2) as f64).abs() < 1e-9);

    let sealed = net.json(&["dataset", "seal", "corpus"]);
    assert_eq!(sealed["dataset"]["sealed"], true);
    // Sealed: reviews and a second seal are refused before sending.
    let (code, err) = fails(&net, &["dataset", "review", "corpus", "2", "--accept", "--score", "9"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("sealed"), "{err}");
    let (code, _) = fails(&net, &["dataset", "seal", "corpus"]);
    assert_eq!(code, 4);
    let _ = Path::new("");
}
