//! `cohort quickstart --json` on a fresh devnet: the whole lifecycle, checked from its summary
//! and against the chain and storage.

use crate::common::{Home, wei};

/// Run as a new user runs it (no COHORT_HOME): the commands after it find its profile, wallets
/// and devnet where they look for them.
#[test]
fn quickstart_runs_the_whole_lifecycle_and_reruns() {
    let home = Home::platform_dirs();
    let guard = DevnetDown(&home);
    let r = home.json(&[
        "quickstart",
        "--port",
        "0",
        "--rounds",
        "2",
        "--steps",
        "40",
    ]);

    // Every member's claim succeeded, and the revenue claimed adds up to the deposit, less at most
    // one wei of rounding dust per holder.
    let members = r["members"].as_array().unwrap();
    assert_eq!(members.len(), 6);
    assert!(members.iter().all(|m| m["claim_ok"] == true), "{r:#}");
    let deposited = wei(&r["revenue_deposited_wei"]);
    let claimed: u128 = members.iter().map(|m| wei(&m["revenue_claimed_wei"])).sum();
    assert_eq!(claimed, wei(&r["revenue_claimed_wei"]));
    assert!(claimed <= deposited);
    assert!(
        deposited - claimed <= members.len() as u128,
        "deposited {deposited}, claimed {claimed}"
    );
    // Data contributors and workers hold tokens; the buyer holds none.
    let share = |n: &str| {
        members.iter().find(|m| m["name"] == n).unwrap()["share_percent"]
            .as_f64()
            .unwrap()
    };
    for n in [
        "qs-curator",
        "qs-alice",
        "qs-bob",
        "qs-worker1",
        "qs-worker2",
    ] {
        assert!(share(n) > 0.0, "{n} holds no share: {r:#}");
    }
    assert_eq!(share("qs-buyer"), 0.0);
    let total: f64 = members
        .iter()
        .map(|m| m["share_percent"].as_f64().unwrap())
        .sum();
    assert!((total - 100.0).abs() < 0.01, "shares add up to {total}");
    // Both workers were paid for training.
    for n in ["qs-worker1", "qs-worker2"] {
        let m = members.iter().find(|m| m["name"] == n).unwrap();
        assert!(wei(&m["training_paid_wei"]) > 0, "{n} was not paid: {r:#}");
    }
    // Validation loss falls from round to round.
    let losses: Vec<f64> = r["validation_loss_by_round"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(losses.len(), 2, "{r:#}");
    assert!(
        losses[1] < losses[0],
        "validation loss did not fall: {losses:?}"
    );
    assert!(!r["sample"].as_str().unwrap().is_empty());
    // The served model answered paid queries, and the settlement reached the token (in the
    // deposited revenue the holders claimed above).
    let u = &r["paid_usage"];
    assert_eq!(u["queries"], 3, "{r:#}");
    let settled = wei(&u["settled_wei"]);
    assert!(settled > 0, "{r:#}");
    assert_eq!(wei(&u["fee_wei"]) + wei(&u["to_holders_wei"]), settled);
    assert!(
        settled / 10 - wei(&u["fee_wei"]) <= 2,
        "the default 10% fee cap, floored per settlement: {u}"
    );

    // The model root downloads and verifies.
    let root = r["model_root"].as_str().unwrap().to_string();
    let out = home.path().join("model-check.safetensors");
    home.json(&["storage", "download", &root, "-o", out.to_str().unwrap()]);
    assert!(std::fs::metadata(&out).unwrap().len() > 0);

    // The local profile is in the config file the user's next commands read, not in the data
    // folder where none of them looks.
    assert!(home.config_file().is_file(), "{:?}", home.config_file());
    assert!(!home.path().join(".local/share/cohort/config.toml").exists());

    // Every command's --json is one document with snake_case keys only (the quickstart's own
    // summary above included), on the state the quickstart left behind.
    let job = r["job_id"].to_string();
    let ds = r["dataset"].as_str().unwrap().to_string();
    let sym = r["symbol"].as_str().unwrap().to_string();
    let file = home.path().join("model-check.safetensors");
    let file = file.to_str().unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/corpus");
    let worker = members.iter().find(|m| m["name"] == "qs-worker1").unwrap()["address"]
        .as_str()
        .unwrap()
        .to_string();
    assert_snake_case("quickstart", &r);
    let reads: &[&[&str]] = &[
        &["config", "show"],
        &["config", "profiles"],
        &["devnet", "status"],
        &["wallet", "list"],
        &["wallet", "balance", "qs-alice"],
        &["dataset", "list"],
        &["dataset", "show", &ds],
        &["dataset", "contributors", &ds],
        &["job", "list"],
        &["job", "show", &job],
        &["job", "audit", &job, "--round", "0", "--worker", &worker],
        &["worker", "earnings", "--wallet", "qs-worker1"],
        &["worker", "status"],
        &["model", "list"],
        &["model", "show", &sym],
        &["model", "holders", &sym],
        &["model", "allocation", &sym],
        &["model", "eval", file, "--data", corpus],
        &["rewards", "list", "qs-alice"],
        &["storage", "info", &root],
        &["storage", "root", file],
    ];
    for args in reads {
        let v = home.json(args);
        assert_snake_case(&args.join(" "), &v);
    }
    // Addresses in the summary are lowercase hex, as in every command's JSON.
    let lower = |a: &serde_json::Value| {
        let a = a.as_str().unwrap();
        a.len() == 42 && a.starts_with("0x") && a == a.to_lowercase()
    };
    assert!(lower(&r["token"]), "{}", r["token"]);
    assert_eq!(r["token"], home.json(&["model", "show", &sym])["token"]);
    assert!(members.iter().all(|m| lower(&m["address"])), "{r:#}");

    // Before the second run, the members are owed things besides its model and job: more
    // revenue of the first model, and the curator the refund of a job it cancelled.
    let pw = r["password_file"].as_str().unwrap().to_string();
    home.json(&[
        "rewards",
        "deposit",
        &sym,
        "0.5",
        "--wallet",
        "qs-buyer",
        "--password-file",
        &pw,
    ]);
    let spec = std::path::Path::new(&pw).with_file_name("job-1.toml");
    let cancelled = home.json(&[
        "job",
        "submit",
        spec.to_str().unwrap(),
        "--wallet",
        "qs-curator",
        "--password-file",
        &pw,
    ])["job_id"]
        .to_string();
    home.json(&[
        "job",
        "cancel",
        &cancelled,
        "--wallet",
        "qs-curator",
        "--password-file",
        &pw,
    ]);

    // A second run works, reusing the devnet and the wallets; its summary counts its own
    // model's revenue and its own job's pay only.
    let r2 = home.json(&[
        "quickstart",
        "--port",
        "0",
        "--rounds",
        "1",
        "--steps",
        "20",
    ]);
    assert_ne!(r2["job_id"], r["job_id"]);
    assert_ne!(r2["dataset"], r["dataset"]);
    let members2 = r2["members"].as_array().unwrap();
    assert!(members2.iter().all(|m| m["claim_ok"] == true), "{r2:#}");
    let deposited = wei(&r2["revenue_deposited_wei"]);
    let claimed: u128 = members2
        .iter()
        .map(|m| wei(&m["revenue_claimed_wei"]))
        .sum();
    assert_eq!(claimed, wei(&r2["revenue_claimed_wei"]));
    assert!(
        claimed <= deposited && deposited - claimed <= members2.len() as u128,
        "deposited {deposited}, claimed {claimed}: {r2:#}"
    );
    let job2 = home.json(&["job", "show", &r2["job_id"].to_string()]);
    for m in members2 {
        let paid: u128 = job2["workers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["worker"] == m["address"])
            .map(|w| wei(&w["paid"]))
            .sum();
        assert_eq!(wei(&m["training_paid_wei"]), paid, "{}: {r2:#}", m["name"]);
    }
    let curator = members2.iter().find(|m| m["name"] == "qs-curator").unwrap();
    assert_eq!(wei(&curator["training_paid_wei"]), 0, "{r2:#}");
    drop(guard);
}

struct DevnetDown<'a>(&'a Home);

impl Drop for DevnetDown<'_> {
    fn drop(&mut self) {
        let _ = self.0.cmd().args(["devnet", "down"]).output();
    }
}

/// Asserts every object key in `v` is snake_case (lowercase ASCII, digits and underscores).
fn assert_snake_case(what: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                assert!(
                    k.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "`cohort {what} --json` has the key {k:?}"
                );
                assert_snake_case(what, x);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_snake_case(what, x)),
        _ => {}
    }
}

#[test]
fn quickstart_lora_fine_tunes_the_tiny_qwen2_through_the_whole_lifecycle() {
    let home = Home::new();
    let guard = DevnetDown(&home);
    let r = home.json(&[
        "quickstart",
        "--lora",
        "--port",
        "0",
        "--rounds",
        "2",
        "--steps",
        "16",
    ]);
    assert_eq!(r["trainer"], "lora", "{r:#}");
    let base = r["base_model_root"].as_str().unwrap();
    // The base model in storage is the committed fixture, file for file.
    let info = home.path().join("manifest.json");
    home.json(&["storage", "download", base, "-o", info.to_str().unwrap()]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&info).unwrap()).unwrap();
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/lora/qwen2/model.safetensors"
    ))
    .unwrap();
    let weights = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "model.safetensors")
        .unwrap();
    assert_eq!(
        weights["blake3"].as_str().unwrap(),
        blake3::hash(&fixture).to_hex().as_str()
    );
    let members = r["members"].as_array().unwrap();
    assert!(members.iter().all(|m| m["claim_ok"] == true), "{r:#}");
    for n in ["qs-worker1", "qs-worker2"] {
        let m = members.iter().find(|m| m["name"] == n).unwrap();
        assert!(wei(&m["training_paid_wei"]) > 0, "{n} was not paid: {r:#}");
    }
    let losses: Vec<f64> = r["validation_loss_by_round"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(losses.len(), 2, "{r:#}");
    assert!(losses[1] < losses[0], "{losses:?}");
    // The adapter was served by its symbol and paid for.
    let u = &r["paid_usage"];
    assert_eq!(u["queries"], 3, "{r:#}");
    assert!(wei(&u["to_holders_wei"]) > 0, "{r:#}");
    assert!(!r["sample"].as_str().unwrap().is_empty());
    assert_snake_case("quickstart --lora", &r);
    drop(guard);
}
