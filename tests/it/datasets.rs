//! `cohort dataset`: create, upload, review, seal, contributors, download and verify against a
//! real devnet (anvil + storage nodes) in a temporary home.

use std::path::Path;

use crate::common::{Devnet, dev_address};

/// A dev account as the JSON results print it (lowercase hex).
fn addr(i: u32) -> String {
    format!("{:#x}", dev_address(i))
}
use serde_json::Value;

fn create(net: &Devnet, name: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "dataset",
        "create",
        name,
        "--description",
        "test data",
        "--license",
        "CC0-1.0",
    ];
    args.extend_from_slice(extra);
    net.json(&args)
}

/// Records a contribution directly through the library (a file need not exist in storage for
/// the registry's bookkeeping), signed by dev account `who`, with stand-ins for its root and
/// blake3, distinct per (size, path).
fn contribute_raw(net: &Devnet, dataset: u64, who: u32, size: u64, path: &str) {
    let id = format!("{size}:{path}");
    let root = alloy::primitives::B256::from(*blake3::hash(id.as_bytes()).as_bytes());
    let hash = *blake3::keyed_hash(&[7u8; 32], id.as_bytes()).as_bytes();
    record(net, dataset, who, root, size, hash, path);
}

/// Records a contribution with the given root, size and blake3, signed by dev account `who`.
fn record(
    net: &Devnet,
    dataset: u64,
    who: u32,
    root: alloy::primitives::B256,
    size: u64,
    hash: [u8; 32],
    path: &str,
) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let reg = registry(net).await;
        let s = dev(&reg, who);
        let silent = cohort::progress::Silent;
        reg.contribute(&s, dataset, root, size, hash, path, &silent)
            .await
            .unwrap();
    });
}

/// The registry's chain, signing as dev account `who`.
fn dev(reg: &cohort::datasets::Registry, who: u32) -> cohort::chain::SignerChain {
    reg.chain
        .with_signer(cohort::devnet::dev_signer(who).unwrap())
        .unwrap()
}

async fn registry(net: &Devnet) -> cohort::datasets::Registry {
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    cohort::datasets::Registry::open(&client).await.unwrap()
}

/// The curator (dev:0) accepts contribution `index` through the contract itself, as a curator
/// signing by other means than cohort would: none of `dataset review`'s checks run.
fn accept_on_contract(net: &Devnet, dataset: u64, index: u64, score: u8) {
    use alloy::primitives::U256;
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let reg = registry(net).await;
        let s = dev(&reg, 0);
        let r = reg
            .signed(&s)
            .review(U256::from(dataset), U256::from(index), true, score)
            .send()
            .await
            .unwrap()
            .get_receipt()
            .await
            .unwrap();
        assert!(r.status(), "review {index} reverted");
    });
}

#[test]
fn create_list_show_by_id_or_name_and_refuse_bad_names() {
    let net = Devnet::start(1, 1);
    let a = create(&net, "poems", &[]);
    assert_eq!(a["dataset"]["id"], 1);
    assert_eq!(a["dataset"]["curator"], addr(0));
    assert_eq!(a["dataset"]["sealed"], false);
    let b = create(
        &net,
        "poems-v2",
        &["--previous", "poems", "--wallet", "dev:1"],
    );
    assert_eq!(b["dataset"]["id"], 2);
    assert_eq!(b["dataset"]["predecessor_id"], 1);
    assert_eq!(b["dataset"]["curator"], addr(1));

    let list = net.json(&["dataset", "list"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["poems", "poems-v2"]);
    let by_name = net.json(&["dataset", "show", "poems-v2"]);
    let by_id = net.json(&["dataset", "show", "2"]);
    assert_eq!(by_name, by_id);
    assert_eq!(by_id["contributions"].as_array().unwrap().len(), 0);

    // A taken name: usage error naming the existing id, nothing sent.
    let (code, err) = net.fails(&[
        "dataset",
        "create",
        "poems",
        "--description",
        "x",
        "--license",
        "MIT",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already exists (id 1)") && err.contains("hint:"),
        "{err}"
    );
    // A name made of digits would read as an id.
    let (code, err) = net.fails(&[
        "dataset",
        "create",
        "42",
        "--description",
        "x",
        "--license",
        "MIT",
    ]);
    assert_eq!(code, 2, "{err}");
    // Unknown datasets, by name and by id, and an unknown predecessor.
    for which in ["nope", "9"] {
        let (code, err) = net.fails(&["dataset", "show", which]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("no dataset named '{which}'")) && err.contains("dataset list"),
            "{err}"
        );
    }
    let (code, _) = net.fails(&[
        "dataset",
        "create",
        "x",
        "--description",
        "x",
        "--license",
        "MIT",
        "--previous",
        "nope",
    ]);
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
    let (code, err) = net.fails(&[
        "dataset", "review", "corpus", "0", "--accept", "--score", "5", "--wallet", "dev:1",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.to_lowercase().contains(&addr(0)), "{err}");
    let (code, err) = net.fails(&["dataset", "seal", "corpus", "--wallet", "dev:2"]);
    assert_eq!(code, 4, "{err}");
    // Bad index, bad score, missing verdict.
    let (code, err) = net.fails(&["dataset", "review", "corpus", "9", "--reject"]);
    assert_eq!(code, 2, "{err}");
    let (code, _) = net.fails(&[
        "dataset", "review", "corpus", "0", "--accept", "--score", "101",
    ]);
    assert_eq!(code, 2);
    let (code, _) = net.fails(&["dataset", "review", "corpus", "0"]);
    assert_eq!(code, 2);

    // The stand-ins are in no storage node: accepted as recorded, without downloading.
    let r = net.json(&[
        "dataset",
        "review",
        "corpus",
        "0",
        "1",
        "--accept",
        "--score",
        "80",
        "--no-verify",
    ]);
    assert_eq!(r["reviewed"].as_array().unwrap().len(), 2);
    net.json(&["dataset", "review", "corpus", "2", "--reject"]);
    // Re-reviewing before the seal replaces the verdict.
    net.json(&[
        "dataset",
        "review",
        "corpus",
        "1",
        "--accept",
        "--score",
        "10",
        "--no-verify",
    ]);
    let r = net.json(&[
        "dataset",
        "review",
        "1",
        "--all-pending",
        "--accept",
        "--score",
        "100",
        "--no-verify",
    ]);
    let idx: Vec<u64> = r["reviewed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["index"].as_u64().unwrap())
        .collect();
    assert_eq!(idx, [3]);

    let show = net.json(&["dataset", "show", "corpus"]);
    let statuses: Vec<&str> = show["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["accepted", "accepted", "rejected", "accepted"]);

    let c = net.json(&["dataset", "contributors", "corpus"]);
    let w1 = 1000 * 80;
    let w2 = 300 * 10 + 70 * 100;
    assert_eq!(c["total_weight"], (w1 + w2).to_string());
    let list = c["contributors"].as_array().unwrap();
    assert_eq!(list[0]["contributor"], addr(1));
    assert_eq!(list[0]["weight"], w1.to_string());
    assert_eq!(list[1]["contributor"], addr(2));
    assert_eq!(list[1]["weight"], w2.to_string());
    let share = list[0]["share"].as_f64().unwrap();
    assert!((share - w1 as f64 / (w1 + w2) as f64).abs() < 1e-9);

    let sealed = net.json(&["dataset", "seal", "corpus"]);
    assert_eq!(sealed["dataset"]["sealed"], true);
    // Sealed: reviews and a second seal are refused before sending.
    let (code, err) = net.fails(&[
        "dataset", "review", "corpus", "2", "--accept", "--score", "9",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("sealed"), "{err}");
    let (code, _) = net.fails(&["dataset", "seal", "corpus"]);
    assert_eq!(code, 4);
}

/// Writes `len` deterministic pseudo-random bytes (seeded) to `path`.
fn write_bytes(path: &Path, len: usize, seed: u8) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let data: Vec<u8> = (0..len)
        .map(|i| {
            (i as u32)
                .wrapping_mul(2_654_435_761)
                .rotate_left(seed as u32 % 32) as u8
                ^ seed
        })
        .collect();
    std::fs::write(path, data).unwrap();
}

/// Every regular file under `root` (relative `/` paths), skipping hidden, empty and links.
fn visible_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn go(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let ft = std::fs::symlink_metadata(e.path()).unwrap().file_type();
            if name.starts_with('.') || ft.is_symlink() || name.ends_with(".cohort-part") {
                continue;
            }
            if ft.is_dir() {
                go(root, &e.path(), out);
            } else {
                let bytes = std::fs::read(e.path()).unwrap();
                if !bytes.is_empty() {
                    let rel = e
                        .path()
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.push((rel, bytes));
                }
            }
        }
    }
    let mut out = Vec::new();
    go(root, root, &mut out);
    out.sort();
    out
}

/// `cohort --json ARGS`, returning (exit code, parsed stdout).
fn json_code(net: &Devnet, args: &[&str]) -> (i32, Value) {
    let out = net.cmd().args(args).arg("--json").output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "cohort {args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), v)
}

fn statuses(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().map(str::to_string).unwrap_or_else(|| {
                Path::new(f["source"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            });
            (path, f["status"].as_str().unwrap().to_string())
        })
        .collect();
    v.sort();
    v
}

/// Stops a devnet node, wipes its data folder and starts it again with the same command line,
/// recording the new pid in the devnet state so `devnet down` still stops it. Returns its URL.
// The node outlives this function on purpose; `devnet down` stops it.
#[allow(clippy::zombie_processes)]
fn wipe_and_restart_node(net: &Devnet, i: usize) -> String {
    let state_path = net.home.path().join("devnet/state.json");
    let mut state: Value = serde_json::from_slice(&std::fs::read(&state_path).unwrap()).unwrap();
    let node = state["nodes"][i].clone();
    let pid = node["pid"].as_u64().unwrap() as i32;
    let data_dir = std::path::PathBuf::from(node["data_dir"].as_str().unwrap());
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    let argv: Vec<String> = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    unsafe { libc::kill(pid, libc::SIGTERM) };
    for _ in 0..100 {
        let alive = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| {
                !s.rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
            .unwrap_or(false);
        if !alive {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::fs::remove_dir_all(&data_dir).unwrap();
    std::fs::create_dir_all(&data_dir).unwrap();
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(node["log"].as_str().unwrap())
        .unwrap();
    let child = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(std::process::Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    state["nodes"][i]["pid"] = child.id().into();
    std::fs::write(&state_path, serde_json::to_vec_pretty(&state).unwrap()).unwrap();
    node["url"].as_str().unwrap().to_string()
}

#[test]
fn two_contributors_upload_review_seal_download_and_verify_flags_a_wiped_node() {
    let net = Devnet::start(2, 2);
    let work = tempfile::tempdir().unwrap();
    let (a, b) = (work.path().join("alice"), work.path().join("bob"));
    // Alice: a small text, a file of several segments (so both shards hold part of it), a
    // hidden file, an empty file and a symlink.
    std::fs::create_dir_all(&a).unwrap();
    std::fs::write(a.join("readme.txt"), b"alice's notes\n").unwrap();
    write_bytes(&a.join("sub/data.bin"), 700_000, 1);
    std::fs::write(a.join(".secret"), b"hidden").unwrap();
    std::fs::write(a.join("empty.txt"), b"").unwrap();
    std::os::unix::fs::symlink(a.join("readme.txt"), a.join("link.txt")).unwrap();
    // Bob: five files; the first upload only gets two of them (an "interrupted" run).
    let bob_files = [
        ("x/1.txt", 300),
        ("x/2.bin", 270_000),
        ("3.bin", 5_000),
        ("y/z/4.bin", 600_000),
        ("5.txt", 40),
    ];
    for (i, (p, n)) in bob_files.iter().enumerate() {
        write_bytes(&b.join(p), *n, 10 + i as u8);
    }
    let partial = work.path().join("bob-partial/bob");
    for p in ["x/1.txt", "3.bin"] {
        std::fs::create_dir_all(partial.join(p).parent().unwrap()).unwrap();
        std::fs::copy(b.join(p), partial.join(p)).unwrap();
    }

    create(&net, "community", &[]);
    let (alice, bob) = (addr(1), addr(2));
    let up = net.json(&[
        "dataset",
        "upload",
        "community",
        a.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ]);
    assert_eq!(
        statuses(&up),
        [
            ("empty.txt".to_string(), "empty".to_string()),
            ("link.txt".to_string(), "symlink".to_string()),
            ("readme.txt".to_string(), "uploaded".to_string()),
            ("sub/data.bin".to_string(), "uploaded".to_string()),
        ]
    );
    assert_eq!(up["hidden_ignored"], 1);
    for f in up["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "uploaded")
    {
        assert!(f["root"].as_str().unwrap().starts_with("0x"));
        assert!(f["size"].as_u64().unwrap() > 0);
    }

    let first = net.json(&[
        "dataset",
        "upload",
        "community",
        partial.to_str().unwrap(),
        "--wallet",
        "dev:2",
    ]);
    assert_eq!(first["uploaded"], 2);
    let rerun = net.json(&[
        "dataset",
        "upload",
        "community",
        b.to_str().unwrap(),
        "--wallet",
        "dev:2",
    ]);
    assert_eq!(rerun["uploaded"], 3);
    assert_eq!(rerun["already_recorded"], 2);
    assert_eq!(
        statuses(&rerun),
        [
            ("3.bin".to_string(), "already_recorded".to_string()),
            ("5.txt".to_string(), "uploaded".to_string()),
            ("x/1.txt".to_string(), "already_recorded".to_string()),
            ("x/2.bin".to_string(), "uploaded".to_string()),
            ("y/z/4.bin".to_string(), "uploaded".to_string()),
        ]
    );

    let show = net.json(&["dataset", "show", "community"]);
    let contributions = show["contributions"].as_array().unwrap().clone();
    assert_eq!(contributions.len(), 7, "each file is recorded exactly once");
    let mut paths: Vec<(String, String)> = contributions
        .iter()
        .map(|c| {
            (
                c["contributor"].as_str().unwrap().to_string(),
                c["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    paths.sort();
    assert!(paths.contains(&(alice.clone(), "sub/data.bin".into())));
    assert!(paths.contains(&(bob.clone(), "y/z/4.bin".into())));
    for c in &contributions {
        let (who, p) = (
            c["contributor"].as_str().unwrap(),
            c["path"].as_str().unwrap(),
        );
        let src = if who == alice { a.join(p) } else { b.join(p) };
        let bytes = std::fs::read(&src).unwrap();
        assert_eq!(c["size"], bytes.len() as u64);
        assert_eq!(c["blake3"], blake3::hash(&bytes).to_hex().as_str());
    }

    // The curator accepts Alice's files at 50, Bob's at 90 except "5.txt", which is rejected.
    let index_of = |who: &str, p: &str| {
        contributions
            .iter()
            .find(|c| c["contributor"] == who && c["path"] == p)
            .unwrap()["index"]
            .as_u64()
            .unwrap()
            .to_string()
    };
    let rejected = index_of(&bob, "5.txt");
    net.json(&["dataset", "review", "community", &rejected, "--reject"]);
    let alice_idx = [
        index_of(&alice, "readme.txt"),
        index_of(&alice, "sub/data.bin"),
    ];
    let mut args = vec!["dataset", "review", "community"];
    args.extend(alice_idx.iter().map(String::as_str));
    args.extend(["--accept", "--score", "50"]);
    net.json(&args);
    let r = net.json(&[
        "dataset",
        "review",
        "community",
        "--all-pending",
        "--accept",
        "--score",
        "90",
    ]);
    assert_eq!(r["reviewed"].as_array().unwrap().len(), 4);

    let c = net.json(&["dataset", "contributors", "community"]);
    let alice_weight: u64 = (14 + 700_000) * 50;
    let bob_weight: u64 = (300 + 270_000 + 5_000 + 600_000) * 90;
    let by = |who: &str| {
        c["contributors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["contributor"] == who)
            .unwrap()
            .clone()
    };
    assert_eq!(by(&alice)["weight"], alice_weight.to_string());
    assert_eq!(by(&bob)["weight"], bob_weight.to_string());
    assert_eq!(c["total_weight"], (alice_weight + bob_weight).to_string());

    net.json(&["dataset", "seal", "community"]);
    // Sealed: upload refuses before uploading anything.
    let extra = work.path().join("late");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(extra.join("late.txt"), b"too late").unwrap();
    let (code, err) = net.fails(&[
        "dataset",
        "upload",
        "community",
        extra.to_str().unwrap(),
        "--wallet",
        "dev:3",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("sealed"), "{err}");

    // Download reproduces both folders byte for byte (without the rejected file); a rerun
    // finds everything in place.
    let out = work.path().join("out");
    let d = net.json(&[
        "dataset",
        "download",
        "community",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(d["downloaded"], 6);
    assert_eq!(visible_files(&out.join(&alice)), visible_files(&a));
    let mut bob_expected = visible_files(&b);
    bob_expected.retain(|(p, _)| p != "5.txt");
    assert_eq!(visible_files(&out.join(&bob)), bob_expected);
    let again = net.json(&[
        "dataset",
        "download",
        "community",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        (again["downloaded"].as_u64(), again["present"].as_u64()),
        (Some(0), Some(6))
    );

    // Every file is served; deep mode downloads and hash-checks them.
    let v = net.json(&["dataset", "verify", "community", "--deep"]);
    assert_eq!(
        (v["ok"].as_u64(), v["flagged"].as_u64()),
        (Some(7), Some(0))
    );

    // Node 1 loses its data: once it has re-followed the chain, verify flags every file with
    // a segment in its shard (exit 5), naming that node.
    let url = wipe_and_restart_node(&net, 1);
    let mut last = Value::Null;
    for _ in 0..120 {
        let (code, v) = json_code(&net, &["dataset", "verify", "community"]);
        let reachable = v["nodes"][1]["reachable"] == true;
        let known = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["detail"].as_str().unwrap_or("").contains("does not know"));
        last = v.clone();
        if reachable && known {
            assert_eq!(code, 5, "{v}");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let files = last["files"].as_array().unwrap();
    let flagged: Vec<&Value> = files.iter().filter(|f| f["status"] != "ok").collect();
    assert!(!flagged.is_empty(), "{last}");
    for f in &flagged {
        assert_eq!(f["status"], "unfinalized", "{f}");
        assert_eq!(f["lacking"], serde_json::json!([url]), "{f}");
    }
    // A file of two or more segments always has one in each of the two shards.
    for f in files
        .iter()
        .filter(|f| f["size"].as_u64().unwrap() > 262_144)
    {
        assert_ne!(f["status"], "ok", "{f}");
    }
    let out = net
        .cmd()
        .args(["dataset", "verify", "community"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("unfinalized") && text.contains(&url),
        "{text}"
    );
}

#[test]
fn unreadable_files_are_listed_and_skipped_and_the_upload_exits_1() {
    // Root reads every file whatever its mode, so there is nothing to observe as root.
    if unsafe { libc::geteuid() } == 0 {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let net = Devnet::start(1, 1);
    create(&net, "locked", &[]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), b"fine").unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, b"secret").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, v) = json_code(
        &net,
        &["dataset", "upload", "locked", dir.path().to_str().unwrap()],
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(
        statuses(&v),
        [
            ("locked.txt".to_string(), "unreadable".to_string()),
            ("ok.txt".to_string(), "uploaded".to_string())
        ]
    );
}

/// The same bytes recorded twice (a copy under another account, or a second path of one
/// contributor) are never accepted twice: the curator's accept is refused before anything is
/// sent, naming both, until one of them is rejected.
#[test]
fn the_same_content_is_not_accepted_twice() {
    let net = Devnet::start(1, 1);
    create(&net, "corpus", &[]);
    let dir = tempfile::tempdir().unwrap();
    let (a, b, copy) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("copy"),
    );
    for d in [&a, &b, &copy] {
        std::fs::create_dir(d).unwrap();
    }
    std::fs::write(a.join("poem.txt"), b"the same bytes, line by line\n").unwrap();
    std::fs::write(a.join("other.txt"), b"something else entirely\n").unwrap();
    // dev:1 uploads; dev:2 downloads nothing and re-records the same file; dev:1 also records
    // it a second time under another name.
    std::fs::copy(a.join("poem.txt"), copy.join("poem.txt")).unwrap();
    std::fs::copy(a.join("poem.txt"), b.join("again.txt")).unwrap();
    net.json(&[
        "dataset",
        "upload",
        "corpus",
        a.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ]);
    net.json(&[
        "dataset",
        "upload",
        "corpus",
        copy.to_str().unwrap(),
        "--wallet",
        "dev:2",
    ]);
    net.json(&[
        "dataset",
        "upload",
        "corpus",
        b.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ]);
    let show = net.json(&["dataset", "show", "corpus"]);
    let list = show["contributions"].as_array().unwrap();
    assert_eq!(list.len(), 4, "{show:#}");
    let index_of = |who: u32, path: &str| {
        list.iter()
            .find(|c| c["contributor"] == addr(who) && c["path"] == path)
            .unwrap_or_else(|| panic!("no {path} from dev:{who}: {show:#}"))["index"]
            .as_u64()
            .unwrap()
            .to_string()
    };
    let (orig, other) = (index_of(1, "poem.txt"), index_of(1, "other.txt"));
    let (copied, again) = (index_of(2, "poem.txt"), index_of(1, "again.txt"));

    // Accepting everything pending: refused, nothing sent.
    let (code, err) = net.fails(&[
        "dataset",
        "review",
        "corpus",
        "--all-pending",
        "--accept",
        "--score",
        "50",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("same content"), "{err}");
    let pending = |net: &Devnet| {
        net.json(&["dataset", "show", "corpus"])["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["status"] == "pending")
            .count()
    };
    assert_eq!(pending(&net), 4);
    // The original and the other file: accepted. The copy and the second path: refused while
    // the original is accepted, whoever recorded them.
    net.json(&[
        "dataset", "review", "corpus", &orig, &other, "--accept", "--score", "50",
    ]);
    for dup in [&copied, &again] {
        let (code, err) = net.fails(&[
            "dataset", "review", "corpus", dup, "--accept", "--score", "50",
        ]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("already accepted") && err.contains(&format!("#{orig}")),
            "{err}"
        );
    }
    // Rejected, they leave the weights alone; the copier earns nothing.
    net.json(&["dataset", "review", "corpus", &copied, &again, "--reject"]);
    let c = net.json(&["dataset", "contributors", "corpus"]);
    let list = c["contributors"].as_array().unwrap();
    let weight_of = |who: u32| {
        list.iter()
            .find(|x| x["contributor"] == addr(who))
            .map_or("0".to_string(), |x| {
                x["weight"].as_str().unwrap().to_string()
            })
    };
    let bytes = (std::fs::metadata(a.join("poem.txt")).unwrap().len()
        + std::fs::metadata(a.join("other.txt")).unwrap().len())
        * 50;
    assert_eq!(weight_of(1), bytes.to_string(), "{c:#}");
    assert_eq!(weight_of(2), "0", "{c:#}");
}

/// Accepting downloads each file and compares it with its record: a record whose bytes are not
/// what it declares is refused before anything is sent (exit 5), naming each, and one whose root
/// no reachable node holds is named as not checked (its nodes may be offline: not a mismatch);
/// once they are rejected the honest file is accepted.
#[test]
fn review_accepts_only_files_that_match_their_records() {
    let net = Devnet::start(1, 1);
    create(&net, "corpus", &[]);
    let dir = tempfile::tempdir().unwrap();
    let honest = dir.path().join("honest");
    std::fs::create_dir(&honest).unwrap();
    std::fs::write(honest.join("good.txt"), b"an honest contribution\n").unwrap();
    net.json(&[
        "dataset",
        "upload",
        "corpus",
        honest.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ]);
    // dev:2 uploads a small file but records it as a large one (its declared size earns the
    // weight), with a blake3 of other bytes.
    let small = dir.path().join("small.bin");
    std::fs::write(&small, vec![3u8; 5000]).unwrap();
    let root: alloy::primitives::B256 = net.upload_root(&small).parse().unwrap();
    let other = *blake3::hash(&vec![3u8; 5_000_000]).as_bytes();
    record(&net, 1, 2, root, 5_000_000, other, "big.bin");
    // dev:3 records a root no node holds.
    contribute_raw(&net, 1, 3, 1234, "nowhere.txt");

    let (code, err) = net.fails(&[
        "dataset",
        "review",
        "corpus",
        "--all-pending",
        "--accept",
        "--score",
        "50",
    ]);
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains("1 of the 3 files to accept do not match"),
        "{err}"
    );
    assert!(
        err.contains("#1 'big.bin'") && err.contains("got 5000 bytes"),
        "{err}"
    );
    assert!(
        err.contains("1 more could not be checked: #2 'nowhere.txt'"),
        "{err}"
    );
    assert!(err.contains("review 1 1 --reject"), "{err}");
    let statuses = |net: &Devnet| -> Vec<String> {
        net.json(&["dataset", "show", "corpus"])["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["status"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(statuses(&net), ["pending", "pending", "pending"]);
    // `dataset verify --deep` tells the same three apart: fine, bytes not as recorded, in no node.
    let (code, v) = json_code(&net, &["dataset", "verify", "corpus", "--deep"]);
    assert_eq!(code, 5, "{v}");
    let status: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["ok", "corrupt", "missing"], "{v:#}");
    // The honest file alone is checked and accepted; the two others are rejected.
    net.json(&[
        "dataset", "review", "corpus", "0", "--accept", "--score", "50",
    ]);
    net.json(&["dataset", "review", "corpus", "1", "2", "--reject"]);
    assert_eq!(statuses(&net), ["accepted", "rejected", "rejected"]);
    let c = net.json(&["dataset", "contributors", "corpus"]);
    assert_eq!(c["total_weight"], (23 * 50).to_string(), "{c:#}");
}

/// The contributions and the contributor list are read in pages (anyone can contribute, so one
/// call could not return them all): every page size gives the same lists, in order, once each;
/// a path over the registry's limit is refused by the contract and skipped by the upload.
#[test]
fn contributions_and_contributors_are_read_in_pages() {
    use alloy::primitives::U256;
    let net = Devnet::start(1, 1);
    create(&net, "many", &[]);
    for (who, path) in [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (4, "e"), (1, "f")] {
        contribute_raw(&net, 1, who, 10, path);
    }
    let want: Vec<alloy::primitives::Address> =
        [3, 1, 2, 4].iter().map(|i| dev_address(*i)).collect();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let reg = registry(&net).await;
        for page in [1, 2, 3, 4, 1000] {
            let got = reg.contributor_addresses_paged(1, page).await.unwrap();
            assert_eq!(got, want, "page {page}");
        }
        let one_by_one = {
            let mut v = Vec::new();
            for i in 0..6 {
                v.push(reg.contribution(1, i).await.unwrap());
            }
            v
        };
        let paths: Vec<&str> = one_by_one.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["a", "b", "c", "d", "e", "f"]);
        for page in [1, 4, 5, 6, 100] {
            let got = reg.contributions_paged(1, page).await.unwrap();
            let same = got.len() == 6
                && got.iter().zip(&one_by_one).all(|(a, b)| {
                    (a.index, a.contributor, a.root, &a.blake3, &a.path, a.size)
                        == (b.index, b.contributor, b.root, &b.blake3, &b.path, b.size)
                });
            assert!(same, "page {page}: {got:?}");
        }
        let count = reg
            .read
            .contributorCount(U256::from(1))
            .call()
            .await
            .unwrap();
        assert_eq!(count, U256::from(4));
        let page = |offset: u64, limit: u64| {
            let read = reg.read.clone();
            async move {
                read.contributorsPage(U256::from(1), U256::from(offset), U256::from(limit))
                    .call()
                    .await
                    .unwrap()
            }
        };
        assert_eq!(page(3, 5).await, want[3..]);
        assert!(page(4, 5).await.is_empty());
        assert!(page(1, 0).await.is_empty());
        assert_eq!(page(1, u64::MAX).await, want[1..]);
        // An unknown dataset is an error, not an empty list.
        assert!(reg.contributor_addresses(2).await.is_err());
        assert!(reg.contributions(2).await.is_err());
        // The registry takes a path of 1,024 bytes and refuses one more.
        let s = dev(&reg, 1);
        let writer = reg.signed(&s);
        let contribute = |path: String| {
            let writer = writer.clone();
            async move {
                writer
                    .contribute(
                        U256::from(1),
                        alloy::primitives::B256::repeat_byte(9),
                        U256::from(1),
                        alloy::primitives::B256::repeat_byte(8),
                        path,
                    )
                    .call()
                    .await
            }
        };
        contribute("p".repeat(1024)).await.unwrap();
        let err = reg
            .chain
            .decode(contribute("p".repeat(1025)).await.unwrap_err())
            .to_string();
        assert!(err.contains("PathTooLong"), "{err}");
    });
    // The command reads the same list, with each one's weight (nothing accepted: all zero).
    let c = net.json(&["dataset", "contributors", "many"]);
    let listed: Vec<String> = c["contributors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["contributor"].as_str().unwrap().to_string())
        .collect();
    let want_hex: Vec<String> = [3, 1, 2, 4].iter().map(|i| addr(*i)).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    let mut want_sorted = want_hex.clone();
    want_sorted.sort();
    assert_eq!(sorted, want_sorted, "{c:#}");

    // An upload skips a file whose path would be longer, saying why, uploads the rest, and exits
    // 1 as for any file it could not take.
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join(vec!["d".repeat(200); 5].join("/"));
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("x".repeat(30)), b"too deep").unwrap();
    std::fs::write(dir.path().join("ok.txt"), b"fine").unwrap();
    let (code, v) = json_code(
        &net,
        &["dataset", "upload", "many", dir.path().to_str().unwrap()],
    );
    assert_eq!(code, 1, "{v:#}");
    let files = v["files"].as_array().unwrap();
    let skipped = files.iter().find(|f| f["status"] == "bad_name").unwrap();
    assert!(
        skipped["detail"]
            .as_str()
            .unwrap()
            .contains("1035 bytes long"),
        "{v:#}"
    );
    assert!(files.iter().any(|f| f["status"] == "uploaded"), "{v:#}");
}

/// A review of more contributions than one transaction takes goes out in batches: each
/// contribution is reviewed once, with its weight, and the batches are separate transactions.
#[test]
fn a_review_of_many_contributions_goes_out_in_batches() {
    let net = Devnet::start(1, 1);
    create(&net, "many", &[]);
    let n = cohort::datasets::REVIEW_BATCH + 3;
    let files: Vec<(alloy::primitives::B256, u64, [u8; 32], String)> = (0..n)
        .map(|i| {
            let id = format!("file {i}");
            (
                alloy::primitives::B256::from(*blake3::hash(id.as_bytes()).as_bytes()),
                10 + i as u64,
                *blake3::keyed_hash(&[7u8; 32], id.as_bytes()).as_bytes(),
                format!("f{i}.txt"),
            )
        })
        .collect();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let reg = registry(&net).await;
        let s = dev(&reg, 1);
        let silent = cohort::progress::Silent;
        for part in files.chunks(50) {
            reg.contribute_batch(&s, 1, part, &silent).await.unwrap();
        }
        // The contract takes a batch whole or not at all, from the curator only.
        use alloy::primitives::U256;
        let curator = dev(&reg, 0);
        for (signer, indexes, score, want) in [
            (&curator, vec![0, 9999], 5, "UnknownContribution"),
            (&s, vec![0], 5, "NotCurator"),
            (&curator, vec![0], 101, "InvalidScore"),
        ] {
            let indexes = indexes.into_iter().map(U256::from).collect();
            let err = reg
                .signed(signer)
                .reviewBatch(U256::from(1), indexes, true, score)
                .call()
                .await
                .unwrap_err();
            let err = reg.chain.decode(err).to_string();
            assert!(err.contains(want), "{err}");
        }
    });
    // One pending contribution is rejected first: --all-pending leaves it alone.
    net.json(&["dataset", "review", "many", "7", "--reject"]);
    let r = net.json(&[
        "dataset",
        "review",
        "many",
        "--all-pending",
        "--accept",
        "--score",
        "3",
        "--no-verify",
    ]);
    let reviewed = r["reviewed"].as_array().unwrap();
    assert_eq!(reviewed.len(), n - 1);
    let mut txs: Vec<&str> = reviewed
        .iter()
        .map(|c| c["tx"]["tx_hash"].as_str().unwrap())
        .collect();
    txs.dedup();
    assert_eq!(txs.len(), 2, "{r:#}");
    let show = net.json(&["dataset", "show", "many"]);
    let list = show["contributions"].as_array().unwrap();
    let mut want = 0u64;
    for (i, c) in list.iter().enumerate() {
        let status = if i == 7 { "rejected" } else { "accepted" };
        assert_eq!(c["status"], status, "#{i}");
        if i != 7 {
            want += (10 + i as u64) * 3;
        }
    }
    assert_eq!(r["total_weight"], want.to_string());
}

#[test]
fn download_refuses_a_recorded_path_that_escapes_the_output_folder() {
    let net = Devnet::start(1, 1);
    create(&net, "evil", &[]);
    contribute_raw(&net, 1, 1, 10, "../escaped.txt");
    // cohort's curator never accepts it (exit 2, nothing sent, even without downloading)...
    let (code, err) = net.fails(&[
        "dataset",
        "review",
        "evil",
        "0",
        "--accept",
        "--score",
        "1",
        "--no-verify",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("'../escaped.txt' has a '..' part"), "{err}");
    assert_eq!(
        net.json(&["dataset", "show", "evil"])["contributions"][0]["status"],
        "pending"
    );
    // ...but a curator signing by other means can, and the download still refuses it.
    accept_on_contract(&net, 1, 0, 1);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, v) = json_code(
        &net,
        &["dataset", "download", "evil", "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["failed"], 1);
    let err = v["files"][0]["error"].as_str().unwrap();
    assert!(err.contains("refusing the dataset path"), "{err}");
    assert!(!dir.path().join("escaped.txt").exists());

    // A path written to the registry directly may carry terminal escapes: they are shown
    // escaped, never sent raw to the curator's terminal, and never accepted.
    contribute_raw(&net, 1, 1, 11, "a\x1b]0;pwned\x07b\x1b[2J.txt");
    for args in [
        &["dataset", "show", "evil"][..],
        &["dataset", "review", "evil", "1", "--accept", "--score", "1"][..],
        &["dataset", "review", "evil", "1", "--reject"][..],
    ] {
        let out = net.cmd().args(args).output().unwrap();
        let accept = args.contains(&"--accept");
        assert_eq!(
            out.status.code(),
            Some(if accept { 2 } else { 0 }),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if accept {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("control characters"), "{err}");
        }
        let text = String::from_utf8_lossy(&out.stdout);
        for raw in ['\x1b', '\x07'] {
            assert!(!text.contains(raw) && !String::from_utf8_lossy(&out.stderr).contains(raw));
        }
        if args[1] == "show" {
            assert!(text.contains("a\\x1b]0;pwned\\x07b"), "{text}");
        }
    }

    // A file name that is not UTF-8 never panics a result: storage upload prints it lossily,
    // dataset upload skips it by name and uploads the rest.
    use std::os::unix::ffi::OsStrExt;
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let bad = src.join(std::ffi::OsStr::from_bytes(b"bad\xffname.txt"));
    std::fs::write(&bad, b"not utf-8 named\n").unwrap();
    std::fs::write(src.join("good.txt"), b"a good name\n").unwrap();
    let out = net
        .cmd()
        .args(["storage", "upload", "--json", "--wallet", "dev:1"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let up: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        up["path"]
            .as_str()
            .unwrap()
            .ends_with("bad\u{fffd}name.txt"),
        "{up}"
    );
    assert!(up["root"].as_str().unwrap().starts_with("0x"), "{up}");
    create(&net, "names", &[]);
    let (code, v) = json_code(
        &net,
        &[
            "dataset",
            "upload",
            "names",
            src.to_str().unwrap(),
            "--wallet",
            "dev:1",
        ],
    );
    // The bad name counts as an error (exit 1), named lossily; the good file is uploaded.
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["uploaded"], 1, "{v}");
    assert_eq!(v["files"][0]["status"], "bad_name", "{v}");
    assert!(
        v["files"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with("bad\u{fffd}name.txt"),
        "{v}"
    );
}

#[test]
fn a_crash_while_a_contribution_is_pending_records_it_once() {
    // A block time keeps each transaction pending for a while, as on every real chain.
    let net = Devnet::start_with(1, 1, &["--block-time", "2"]);
    create(&net, "pending", &[]);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("one.txt");
    std::fs::write(&f, b"one contribution, recorded once\n").unwrap();
    let args = [
        "dataset",
        "upload",
        "pending",
        f.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ];
    let (mut child, hash) = crate::common::run_until_waiting_for_a_tx(&net, &args, "recording");
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    // The rerun settles that transaction before it reads what is recorded: the file is
    // recorded once, by it, and the record goes.
    let (code, v) = json_code(&net, &args);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["files"][0]["status"], "already_recorded", "{v}");
    let show = net.json(&["dataset", "show", "pending"]);
    assert_eq!(show["contributions"].as_array().unwrap().len(), 1, "{show}");
    let receipt = crate::common::rpc(
        &net.rpc_url(),
        "eth_getTransactionReceipt",
        serde_json::json!([hash]),
    );
    assert_eq!(receipt["result"]["status"], "0x1", "{receipt}");
    assert_eq!(pending_records(&net), Vec::<String>::new());
}

/// The intents of the transactions recorded under the home's pending-tx folder.
fn pending_records(net: &Devnet) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(net.home.path().join("pending-tx")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            let v: Value = serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap();
            v["intent"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

/// A `dataset upload` killed once its contribution was broadcast, whose transaction is mined
/// before the rerun: the rerun finds the files recorded and resolves the killed run's record
/// instead of leaving it (a later batch of the same files would take that old transaction for
/// its own).
#[test]
fn a_rerun_that_finds_a_killed_runs_contribution_mined_leaves_no_record_of_it() {
    let net = Devnet::start_with(1, 1, &["--block-time", "2"]);
    create(&net, "mined", &[]);
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2 {
        crate::common::write(
            dir.path(),
            &format!("k{i}.bin"),
            crate::common::content(5000, i),
        );
    }
    let args = [
        "dataset",
        "upload",
        "mined",
        dir.path().to_str().unwrap(),
        "--wallet",
        "dev:1",
    ];
    let (mut child, hash) = crate::common::run_until_waiting_for_a_tx(&net, &args, "recording");
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    let recorded = pending_records(&net);
    assert!(
        recorded.len() == 1 && recorded[0].starts_with("contribute-batch:"),
        "{recorded:?}"
    );
    // Mined before the rerun looks.
    let mined = crate::common::rpc(&net.rpc_url(), "evm_mine", serde_json::json!([]));
    assert!(mined.get("error").is_none(), "{mined}");
    let receipt = crate::common::rpc(
        &net.rpc_url(),
        "eth_getTransactionReceipt",
        serde_json::json!([hash]),
    );
    assert_eq!(receipt["result"]["status"], "0x1", "{receipt}");
    let (code, v) = json_code(&net, &args);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["already_recorded"], 2, "{v}");
    let show = net.json(&["dataset", "show", "mined"]);
    assert_eq!(show["contributions"].as_array().unwrap().len(), 2, "{show}");
    assert_eq!(pending_records(&net), Vec::<String>::new());
}

#[test]
fn a_rerun_grouping_files_otherwise_pays_no_file_twice_and_leaves_no_stale_record() {
    // A block time keeps the first batch pending while its run is killed.
    let net = Devnet::start_with(1, 1, &["--block-time", "2"]);
    create(&net, "regrouped", &[]);
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        crate::common::write(
            dir.path(),
            &format!("f{i:02}"),
            crate::common::content(300, i),
        );
    }
    let args = [
        "dataset",
        "upload",
        "regrouped",
        dir.path().to_str().unwrap(),
        "--wallet",
        "dev:1",
    ];
    let (mut child, _) = crate::common::run_until_waiting_for_a_tx(&net, &args, "submitting 10");
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    // A file added before the rerun sorts first: every batch of the rerun is another group
    // than the killed run's, whose record is named after its own group.
    crate::common::write(dir.path(), "a00", crate::common::content(300, 99));
    let (code, v) = json_code(&net, &args);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["uploaded"], 13, "{v}");
    // Each of the 13 files was submitted to the flow exactly once.
    let flow = net.contract("flow");
    let topic = format!(
        "{:#x}",
        <cohort::chain::bindings::Flow::Submit as alloy::sol_types::SolEvent>::SIGNATURE_HASH
    );
    let logs = crate::common::rpc(
        &net.rpc_url(),
        "eth_getLogs",
        serde_json::json!([{"address": flow, "fromBlock": "0x0", "toBlock": "latest", "topics": [topic]}]),
    );
    let identities: Vec<String> = logs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["topics"][2].as_str().unwrap().to_string())
        .collect();
    let distinct: std::collections::HashSet<&String> = identities.iter().collect();
    assert_eq!(identities.len(), 13, "Submit identities: {identities:?}");
    assert_eq!(distinct.len(), 13, "Submit identities: {identities:?}");
    // The killed run's record went once its transaction was found mined.
    let pending = net.home.path().join("pending-tx");
    let left: Vec<_> = std::fs::read_dir(&pending)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "stale records: {left:?}");
}

/// Two files that one run would record at one dataset path are refused before anything is paid;
/// a file given twice is recorded once, an index given twice reviewed once; two records of one
/// contributor at one path (written by another client) are not both accepted; and storage nodes
/// that cannot be reached make `verify` and `download` exit 3 (worth retrying), not a verdict
/// on the files.
#[test]
fn one_path_holds_one_file_and_unreachable_nodes_are_exit_3() {
    let net = Devnet::start(1, 1);
    create(&net, "paths", &[]);
    let dir = tempfile::tempdir().unwrap();
    let c1 = dir.path().join("c1");
    let c2 = dir.path().join("c2");
    crate::common::write(&c1, "same.txt", b"first copy\n");
    crate::common::write(&c2, "same.txt", b"second, other bytes\n");
    let (code, err) = net.fails(&[
        "dataset",
        "upload",
        "paths",
        c1.to_str().unwrap(),
        c2.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("'same.txt'") && err.contains("folder that holds both"),
        "{err}"
    );
    let show = net.json(&["dataset", "show", "paths"]);
    assert_eq!(show["contributions"].as_array().unwrap().len(), 0, "{show}");
    let one = c1.join("same.txt");
    let (code, v) = json_code(
        &net,
        &[
            "dataset",
            "upload",
            "paths",
            one.to_str().unwrap(),
            one.to_str().unwrap(),
            c1.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["uploaded"], 1, "{v}");
    // Output paths that cannot be written are usage errors that say what to do.
    let root = v["files"][0]["root"].as_str().unwrap().to_string();
    let nested = dir.path().join("no/such/folder/x.txt");
    let (code, err) = net.fails(&["storage", "download", &root, "-o", nested.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("mkdir -p"), "{err}");
    let (code, err) = net.fails(&["dataset", "download", "paths", "-o", one.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a file"), "{err}");
    let (code, err) = net.fails(&["storage", "upload", one.to_str().unwrap(), "--timeout", "0"]);
    assert_eq!(code, 2, "{err}");
    let r = net.json(&[
        "dataset", "review", "paths", "0", "0", "--accept", "--score", "50",
    ]);
    assert_eq!(r["reviewed"].as_array().unwrap().len(), 1, "{r}");

    // Another client records a second file of dev:0 at the accepted path.
    contribute_raw(&net, 1, 0, 64, "same.txt");
    let (code, err) = net.fails(&[
        "dataset",
        "review",
        "paths",
        "1",
        "--accept",
        "--score",
        "50",
        "--no-verify",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already accepted") && err.contains("#0"),
        "{err}"
    );

    let down = ["--storage-node", "http://127.0.0.1:1"];
    let out = dir.path().join("out");
    for args in [
        vec!["dataset", "verify", "paths"],
        vec!["dataset", "download", "paths", "-o", out.to_str().unwrap()],
    ] {
        let mut args = args.clone();
        args.extend_from_slice(&down);
        let (code, err) = net.fails(&args);
        assert_eq!(code, 3, "{args:?}: {err}");
    }

    // Sealing would leave #1 pending for good: asked first (no terminal here: exit 2), done
    // with --yes.
    let (code, err) = net.fails(&["dataset", "seal", "paths"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("1 contribution is still pending") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(
        net.json(&["dataset", "show", "paths"])["dataset"]["sealed"],
        false
    );
    net.json(&["dataset", "seal", "paths", "--yes"]);
    assert_eq!(
        net.json(&["dataset", "show", "paths"])["dataset"]["sealed"],
        true
    );
}

/// A process id that no process has (a child that exited and was reaped).
fn dead_pid() -> u32 {
    let mut c = std::process::Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

/// An upload's journal goes once its file is finalized (a finished upload needs none), and the
/// temporary files that a killed run left in `pending-tx/` (a signed transaction) and
/// `cache/uploads/` are swept when those folders are used again, while those of a process that
/// still runs stay.
#[test]
fn finished_uploads_keep_no_journal_and_dead_runs_temporary_files_are_swept() {
    let net = Devnet::start(1, 1);
    create(&net, "tidy", &[]);
    let pending = net.home.path().join("pending-tx");
    let uploads = net.home.path().join("cache/uploads");
    let (dead, live) = (dead_pid(), std::process::id());
    let mut stale = Vec::new();
    let mut kept = Vec::new();
    for dir in [&pending, &uploads] {
        std::fs::create_dir_all(dir).unwrap();
        let s = dir.join(format!(".5acaab.json.tmp-{dead}-17"));
        let k = dir.join(format!(".5acaab.json.tmp-{live}-18"));
        std::fs::write(&s, b"{}").unwrap();
        std::fs::write(&k, b"{}").unwrap();
        stale.push(s);
        kept.push(k);
    }
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        crate::common::write(
            dir.path(),
            &format!("f{i}.bin"),
            crate::common::content(300_000, i),
        );
    }
    let (code, v) = json_code(
        &net,
        &["dataset", "upload", "tidy", dir.path().to_str().unwrap()],
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["uploaded"], 3, "{v}");
    for s in &stale {
        assert!(!s.exists(), "{} was left", s.display());
    }
    for k in &kept {
        assert!(k.exists(), "{} of a live process was removed", k.display());
    }
    let journals: Vec<_> = std::fs::read_dir(&uploads)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert!(journals.is_empty(), "journals left: {journals:?}");
}

/// A holder that lost its data: `verify` exits 5 with a hint naming the command that sends the
/// file again (`storage upload FILE`, not `dataset upload`, which skips recorded files), and
/// that command does: no fee, the lost shard's segments sent, and verify passes again. Then that
/// holder goes down: the devnet's indexer stops listing it, so no listed node holds its shard,
/// and verify says it could not confirm the file (exit 3), not that the file is gone.
#[test]
fn verify_hints_the_command_that_reseeds_a_file_and_a_shard_no_listed_node_holds_is_exit_3() {
    let net = Devnet::start(2, 2);
    create(&net, "reseed", &[]);
    let dir = tempfile::tempdir().unwrap();
    // Three segments: both shards hold part of it.
    let f = crate::common::write(dir.path(), "big.bin", crate::common::content(700_000, 5));
    let (code, v) = json_code(
        &net,
        &["dataset", "upload", "reseed", dir.path().to_str().unwrap()],
    );
    assert_eq!(code, 0, "{v}");
    let url = wipe_and_restart_node(&net, 1);
    // Once node 1 has re-followed the chain, it knows the file but holds none of it.
    let mut flagged = false;
    for _ in 0..120 {
        let (code, v) = json_code(&net, &["dataset", "verify", "reseed"]);
        let detail = v["files"][0]["detail"].as_str().unwrap_or("").to_string();
        if v["nodes"][1]["reachable"] == true && detail.contains("has not finalized") {
            assert_eq!(code, 5, "{v}");
            assert_eq!(v["files"][0]["lacking"], serde_json::json!([url]), "{v}");
            flagged = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(flagged, "node 1 never came back knowing the file");
    let (code, err) = net.fails(&["dataset", "verify", "reseed"]);
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("cohort storage upload FILE"), "{err}");
    // The hinted command: the file's submission is found, nothing paid, node 1 gets its shard.
    let up = net.json(&["storage", "upload", f.to_str().unwrap(), "--timeout", "60"]);
    assert_eq!(up["fee"], "0", "{up}");
    assert_eq!(up["fragments"][0]["submitted"], false, "{up}");
    assert!(up["segments_sent"].as_u64().unwrap() >= 1, "{up}");
    assert_eq!(up["fragments"][0]["finalized"], true, "{up}");
    let (code, v) = json_code(&net, &["dataset", "verify", "reseed"]);
    assert_eq!(code, 0, "{v}");

    let state: Value =
        serde_json::from_slice(&std::fs::read(net.home.path().join("devnet/state.json")).unwrap())
            .unwrap();
    let pid = state["nodes"][1]["pid"].as_i64().unwrap() as i32;
    unsafe { libc::kill(pid, libc::SIGKILL) };
    let mut hidden = false;
    for _ in 0..120 {
        let (code, v) = json_code(&net, &["dataset", "verify", "reseed"]);
        if v["nodes"].as_array().unwrap().len() == 1 {
            assert_eq!(code, 3, "{v}");
            assert_eq!(v["files"][0]["status"], "unfinalized", "{v}");
            hidden = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(hidden, "the indexer kept listing the stopped node");
}

/// `--progress json` promises JSON objects only on stderr: the warning that a dataset is not
/// sealed yet comes as a note event, not as a plain `warning:` line.
#[test]
fn download_with_json_progress_warns_of_an_unsealed_dataset_as_a_json_event() {
    let net = Devnet::start(1, 1);
    create(&net, "open", &[]);
    let dir = tempfile::tempdir().unwrap();
    let out = net
        .cmd()
        .args(["dataset", "download", "open", "-o"])
        .arg(dir.path().join("out"))
        .args(["--progress", "json", "--json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    for line in err.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {line}\nin:\n{err}"));
        assert!(v["type"].is_string(), "{line}");
    }
    assert!(
        err.lines()
            .any(|l| l.contains("\"note\"") && l.contains("not sealed")),
        "{err}"
    );
}

/// `dataset download` into a folder that already holds files the dataset does not list keeps
/// them (they are the user's) but says so, in `extra_files` and a warning naming them:
/// `cohort train --data` on the folder would read them too. Hidden files (which training
/// skips) are not counted.
#[test]
fn download_into_a_folder_with_other_files_reports_them_and_leaves_them() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    crate::common::procs::sealed_dataset(&net, work.path(), "with-extras", &["part1.txt"]);
    let out = work.path().join("out");
    let evil = crate::common::write(&out, "evil.txt", "not in the dataset\n");
    let deeper = crate::common::write(&out.join(addr(0)), "notes.txt", "mine\n");
    crate::common::write(&out, ".hidden", "training skips it\n");
    let o = out.to_str().unwrap();

    let r = net.json(&["dataset", "download", "with-extras", "-o", o]);
    assert_eq!(r["downloaded"], 1, "{r}");
    let extra: Vec<&str> = r["extra_files"]
        .as_array()
        .unwrap_or_else(|| panic!("no extra_files: {r}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        extra,
        vec![deeper.to_str().unwrap(), evil.to_str().unwrap()],
        "{r}"
    );
    assert!(evil.exists() && deeper.exists());
    assert!(out.join(addr(0)).join("part1.txt").is_file());

    // Without --json: a warning that names them.
    let run = net
        .cmd()
        .args(["dataset", "download", "with-extras", "-o", o])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("warning:") && err.contains("evil.txt") && err.contains("notes.txt"),
        "{err}"
    );
    assert!(evil.exists());

    // A folder with only the dataset's files has none.
    std::fs::remove_file(&evil).unwrap();
    std::fs::remove_file(&deeper).unwrap();
    let r = net.json(&["dataset", "download", "with-extras", "-o", o]);
    assert_eq!(r["extra_files"], serde_json::json!([]), "{r}");
    assert_eq!(r["present"], 1, "{r}");
}

/// A cache fetch (what workers, coordinators and auditors fetch job files with) that fails
/// keeps its verified part under a name of the root alone, and the next fetch of the root, in
/// this or another run, resumes it: here through a node that no longer serves the segments
/// already verified. Parts that runs of older versions left under names with their process id
/// are removed once that process is gone. Nothing is left beside the cached object.
#[test]
fn a_failed_cache_fetch_resumes_in_the_next_run_and_dead_runs_parts_are_removed() {
    use alloy::primitives::B256;
    const SEGMENT: u64 = 256 * 1024;
    let net = Devnet::start(1, 1);
    let data = crate::common::content(6 * SEGMENT as usize + 100, 41);
    let file = crate::common::write(net.home.path(), "object.bin", &data);
    let root: B256 = net.upload_root(&file).parse().unwrap();
    let real = net.status["storage_nodes"][0].as_str().unwrap().to_string();
    let segment = |req: &Value| {
        req["method"]
            .as_str()
            .is_some_and(|m| m.starts_with("zgs_downloadSegment"))
            .then(|| req["params"][1].as_u64().unwrap())
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    // A node that corrupts segment 3, and one that no longer serves segments 0 to 2.
    let corrupting = rt.block_on(crate::common::start_node_proxy(
        real.clone(),
        |_| None,
        move |req, v| {
            if segment(req) == Some(3) {
                crate::common::corrupt_segment_answer(v, 1000, 0x80);
            }
        },
    ));
    let without_prefix = rt.block_on(crate::common::start_node_proxy(
        real,
        |_| None,
        move |req, v| {
            if segment(req).is_some_and(|s| s < 3) {
                *v = serde_json::json!({"jsonrpc": "2.0", "id": v["id"].clone(),
                    "error": {"code": -32000, "message": "segment not held"}});
            }
        },
    ));
    let store = |node: &str| {
        let paths = cohort::config::Paths::under(net.home.path());
        let overrides = cohort::config::Overrides {
            storage_nodes: vec![node.to_string()],
            ..Default::default()
        };
        let client = cohort::client::Client::load(paths, &overrides).unwrap();
        cohort::storage::cache::ObjectCache::new(&client)
    };
    let objects = store(&corrupting).cache;
    std::fs::create_dir_all(&objects).unwrap();
    // What a run of an older version left: a part named with its process id, now gone.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let stale = [
        format!(".{root:#x}.{gone_pid}.download.part"),
        format!(".{root:#x}.{gone_pid}.download.part.root"),
    ];
    for name in &stale {
        crate::common::write(&objects, name, b"stale");
    }

    let failed = rt.block_on(store(&corrupting).fetch(root, cohort::progress::silent().as_ref()));
    let err = failed.expect_err("a corrupted segment must fail the fetch");
    assert_eq!(err.exit_code(), 5, "{err:?}");
    for name in &stale {
        assert!(!objects.join(name).exists(), "{name} was left");
    }

    let path = rt
        .block_on(store(&without_prefix).fetch(root, cohort::progress::silent().as_ref()))
        .expect("the fetch resumes after the verified segments");
    assert_eq!(std::fs::read(&path).unwrap(), data);
    let left: Vec<String> = std::fs::read_dir(&objects)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec![format!("{root:#x}")], "{left:?}");
    drop(rt);
}

/// A storage node in front of a real one (a real HTTP server on a loopback port) on a slow
/// network: until the test opens it, each request waits there up to 8 s (under the client's
/// 10 s bound for a read) before it goes on. It counts the requests it got.
struct SlowNode {
    url: String,
    seen: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    open: std::sync::Arc<tokio::sync::watch::Sender<bool>>,
}

impl SlowNode {
    async fn start(upstream: String) -> SlowNode {
        use axum::{Router, routing::post};
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let open = std::sync::Arc::new(tokio::sync::watch::Sender::new(false));
        let http = reqwest::Client::new();
        let (s, o) = (seen.clone(), open.clone());
        let app = Router::new().route(
            "/",
            post(move |body: String| {
                let (http, upstream, seen, open) =
                    (http.clone(), upstream.clone(), s.clone(), o.clone());
                async move {
                    seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let mut rx = open.subscribe();
                    let _ = tokio::time::timeout(
                        std::time::Duration::from_secs(8),
                        rx.wait_for(|o| *o),
                    )
                    .await;
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
        SlowNode { url, seen, open }
    }

    fn seen(&self) -> usize {
        self.seen.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn open(&self) {
        self.open.send_replace(true);
    }
}

/// `cohort --json ARGS` in the devnet's home, stdout to `dir/NAME.out` and stderr to
/// `dir/NAME.err`.
fn spawn_json(net: &Devnet, args: &[&str], dir: &Path, name: &str) -> std::process::Child {
    let mut c = crate::common::cohort_command(net.home.path());
    c.arg("--json")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(dir.join(format!("{name}.out"))).unwrap())
        .stderr(std::fs::File::create(dir.join(format!("{name}.err"))).unwrap())
        .spawn()
        .unwrap()
}

/// Waits (at most 3 minutes) until `until` holds or `child` exited.
fn wait_for(child: &mut std::process::Child, what: &str, until: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !until() && child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(180),
            "waited 3 minutes for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Waits (at most 3 minutes) for a run spawned by [`spawn_json`] to exit; its exit code, its
/// JSON result and its stderr.
fn finish_json(child: &mut std::process::Child, dir: &Path, name: &str) -> (i32, Value, String) {
    let err = dir.join(format!("{name}.err"));
    let status = crate::common::procs::wait_exit(child, std::time::Duration::from_secs(180), &err);
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    let out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    let v = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("{name} printed no JSON ({e}):\n{out}\n{stderr}"));
    (status.code().unwrap_or(-1), v, stderr)
}

/// Two `dataset upload`s of one folder by one wallet at once: the second waits for the first
/// (saying so, naming it) and then finds every file recorded, so each file is submitted to
/// storage once and recorded once. The first reaches its storage node over a slow network, so
/// that it has read what is recorded (nothing yet) long before it records anything: without a
/// lock the second uploads and records every file meanwhile, and the first then records each
/// one again (its batches, grouped when nothing was recorded, are not the second's).
#[test]
fn two_uploads_of_one_folder_at_once_pay_and_record_each_file_once() {
    let net = Devnet::start(1, 1);
    create(&net, "together", &[]);
    let data = tempfile::tempdir().unwrap();
    for i in 0..12 {
        crate::common::write(
            data.path(),
            &format!("f{i:02}"),
            crate::common::content(300, 200 + i),
        );
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let slow = rt.block_on(SlowNode::start(net.storage_nodes()[0].clone()));
    let logs = tempfile::tempdir().unwrap();
    let upload = [
        "dataset",
        "upload",
        "together",
        data.path().to_str().unwrap(),
        "--wallet",
        "dev:1",
    ];
    let mut through_slow = upload.to_vec();
    through_slow.extend(["--storage-node", &slow.url]);
    let mut runs =
        crate::common::procs::Reaper(vec![spawn_json(&net, &through_slow, logs.path(), "first")]);
    wait_for(&mut runs.0[0], "the first upload to reach storage", || {
        slow.seen() > 0
    });
    runs.0
        .push(spawn_json(&net, &upload, logs.path(), "second"));
    let second_err = logs.path().join("second.err");
    wait_for(&mut runs.0[1], "the second upload to wait", || {
        std::fs::read_to_string(&second_err).is_ok_and(|e| e.contains("waiting for another"))
    });
    slow.open();
    let first_pid = runs.0[0].id();
    let (code, first, first_err) = finish_json(&mut runs.0[0], logs.path(), "first");
    assert_eq!(code, 0, "{first}\n{first_err}");
    let (code, second, err) = finish_json(&mut runs.0[1], logs.path(), "second");
    assert_eq!(code, 0, "{second}\n{err}");
    // Each file is recorded once on chain and submitted to the flow once.
    let show = net.json(&["dataset", "show", "together"]);
    assert_eq!(
        show["contributions"].as_array().unwrap().len(),
        12,
        "{show}"
    );
    let topic = format!(
        "{:#x}",
        <cohort::chain::bindings::Flow::Submit as alloy::sol_types::SolEvent>::SIGNATURE_HASH
    );
    let submits = crate::common::rpc(
        &net.rpc_url(),
        "eth_getLogs",
        serde_json::json!([{"address": net.contract("flow"), "fromBlock": "0x0", "toBlock": "latest", "topics": [topic]}]),
    );
    let n = submits["result"].as_array().unwrap().len();
    assert_eq!(n, 12, "{submits}");
    // The first uploaded and recorded them all; the second found them recorded.
    assert_eq!(first["uploaded"], 12, "{first}");
    assert_eq!(second["uploaded"], 0, "{second}");
    assert_eq!(second["already_recorded"], 12, "{second}");
    // The second said, as a JSON note, that it waited for the first, by process id.
    let note = err
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| {
            v["type"] == "note"
                && v["data"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("waiting for another"))
        })
        .unwrap_or_else(|| panic!("no note that it waited:\n{err}"));
    let note = note["data"]["message"].as_str().unwrap();
    assert!(
        note.contains("another upload") && note.contains(&format!("process {first_pid}")),
        "{note}"
    );
    drop(rt);
}

/// Two `dataset download`s into one folder at once both exit 0: the second waits for the first
/// (saying so), then finds every file in place and verified and downloads none again. The
/// first reaches its storage node over a slow network, so that its partial files are open when
/// the second starts: without a lock the second completes them and moves them into place, and
/// the first fails on its partial files gone.
#[test]
fn two_downloads_into_one_folder_at_once_both_succeed_and_fetch_each_file_once() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    crate::common::procs::sealed_dataset(&net, work.path(), "twice", &["part1.txt", "part2.txt"]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let slow = rt.block_on(SlowNode::start(net.storage_nodes()[0].clone()));
    let logs = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let download = ["dataset", "download", "twice", "-o", out.to_str().unwrap()];
    let mut through_slow = download.to_vec();
    through_slow.extend(["--storage-node", &slow.url]);
    let mut runs =
        crate::common::procs::Reaper(vec![spawn_json(&net, &through_slow, logs.path(), "first")]);
    wait_for(
        &mut runs.0[0],
        "the first download to reach storage",
        || slow.seen() > 0,
    );
    runs.0
        .push(spawn_json(&net, &download, logs.path(), "second"));
    let second_err = logs.path().join("second.err");
    wait_for(&mut runs.0[1], "the second download to wait", || {
        std::fs::read_to_string(&second_err).is_ok_and(|e| e.contains("waiting for another"))
    });
    slow.open();
    let (code, first, err) = finish_json(&mut runs.0[0], logs.path(), "first");
    assert_eq!(code, 0, "{first}\n{err}");
    let (code, second, err) = finish_json(&mut runs.0[1], logs.path(), "second");
    assert_eq!(code, 0, "{second}\n{err}");
    assert_eq!(first["downloaded"], 2, "{first}");
    assert_eq!(second["downloaded"], 0, "{second}");
    assert_eq!(second["present"], 2, "{second}");
    assert!(err.contains("another download"), "{err}");
    // The folder holds the two files, whole, and nothing else (no partial file).
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            match e.file_type().unwrap().is_dir() {
                true => files(&e.path(), out),
                false => out.push(e.path()),
            }
        }
    }
    let mut left = Vec::new();
    files(&out, &mut left);
    let mut left: Vec<_> = left
        .iter()
        .map(|p| p.strip_prefix(&out).unwrap().to_path_buf())
        .collect();
    left.sort();
    let mine = Path::new(&addr(0)).to_path_buf();
    assert_eq!(left, vec![mine.join("part1.txt"), mine.join("part2.txt")]);
    for f in ["part1.txt", "part2.txt"] {
        assert_eq!(
            std::fs::read(out.join(addr(0)).join(f)).unwrap(),
            std::fs::read(Path::new("fixtures/corpus/shakespeare").join(f)).unwrap()
        );
    }
    drop(rt);
}

/// Two `storage download`s to one output at once: the second is refused (exit 2, naming the
/// output) while the first writes its `.part`, which it leaves alone; the first then finishes
/// with the whole file.
#[test]
fn a_second_storage_download_to_the_same_output_is_refused_while_the_first_runs() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let data = crate::common::content(600_000, 7);
    let file = crate::common::write(work.path(), "data.bin", &data);
    let root = net.upload_root(&file);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let slow = rt.block_on(SlowNode::start(net.storage_nodes()[0].clone()));
    let logs = tempfile::tempdir().unwrap();
    let out = work.path().join("got.bin");
    let download = ["storage", "download", &root, "-o", out.to_str().unwrap()];
    let mut through_slow = download.to_vec();
    through_slow.extend(["--storage-node", &slow.url]);
    let mut runs =
        crate::common::procs::Reaper(vec![spawn_json(&net, &through_slow, logs.path(), "first")]);
    wait_for(
        &mut runs.0[0],
        "the first download to reach storage",
        || slow.seen() > 0,
    );
    let second = net.cmd().arg("--json").args(download).output().unwrap();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("storage.output_in_use"), "{stderr}");
    assert!(stderr.contains(out.to_str().unwrap()), "{stderr}");
    slow.open();
    let (code, first, err) = finish_json(&mut runs.0[0], logs.path(), "first");
    assert_eq!(code, 0, "{first}\n{err}");
    assert_eq!(std::fs::read(&out).unwrap(), data);
    let mut left: Vec<String> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["data.bin", "got.bin"]);
    drop(rt);
}
