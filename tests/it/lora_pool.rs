//! A `lora` job through a pool on the devnet: the base model uploaded once by root, two
//! workers training adapters, the coordinator re-executing their spans and averaging A and B,
//! `job audit`, `cohort verify`, tokenize, claim, download as PEFT + base, and bad input.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::common::procs::{Reaper, spawn, wait_exit};
use crate::common::{Devnet, dev_address, write};

/// The fixture chat file as a sealed dataset named `chat` (curated by dev:0); its folder.
pub(crate) fn sealed_chat(net: &Devnet, w: &Path) -> PathBuf {
    let data = w.join("chat");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(fx("chat.jsonl"), data.join("chat.jsonl")).unwrap();
    let d = data.to_str().unwrap();
    for args in [
        &[
            "dataset",
            "create",
            "chat",
            "--description",
            "fixture",
            "--license",
            "CC0-1.0",
        ][..],
        &["dataset", "upload", "chat", d],
        &[
            "dataset",
            "review",
            "chat",
            "--all-pending",
            "--accept",
            "--score",
            "80",
        ],
        &["dataset", "seal", "chat"],
    ] {
        net.json(args);
    }
    data
}

pub(crate) fn fx(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/lora")
        .join(p)
}

fn spec_text(base: &str, dataset: &str) -> String {
    format!(
        r#"[model]
trainer = "lora"
base = "{base}"
rank = 4
alpha = 8
dropout = 0.05
targets = ["q_proj", "v_proj", "up_proj"]
context = 64

[training]
batch_size = 4
learning_rate = 1e-2
warmup_steps = 2
steps = 12
checkpoint_every = 4
eval_windows = 16
seed = 11

[verify]
spans = 2

[job]
datasets = ["{dataset}"]
rounds = 2
reward_per_round = "0.2ether"
max_workers = 2
round_timeout = 900
"#
    )
}

#[test]
fn a_two_worker_lora_pool_completes_is_audited_verified_tokenized_and_claimed() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();

    // The base model goes into storage once; its manifest root is what the spec names.
    let up = net.json(&[
        "model",
        "upload-base",
        fx("qwen2").to_str().unwrap(),
        "--wallet",
        "dev:0",
    ]);
    let base = up["root"].as_str().unwrap().to_string();
    assert_eq!(up["manifest"]["model_type"], "qwen2");
    let files: Vec<&str> = up["manifest"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        files.contains(&"config.json") && files.contains(&"model.safetensors"),
        "{files:?}"
    );

    // A chat dataset, sealed.
    let data = sealed_chat(&net, w);

    // Bad input: a local folder instead of a root (exit 2 naming upload-base); a root that is
    // not a base model manifest, and a manifest whose file does not match its blake3 (exit 5).
    let local = write(
        w,
        "local.toml",
        spec_text(fx("qwen2").to_str().unwrap(), "chat"),
    );
    let (code, err) = net.fails(&["job", "submit", local.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("upload-base"), "{err}");
    let not_manifest = net.json(&[
        "storage",
        "upload",
        data.join("chat.jsonl").to_str().unwrap(),
    ]);
    let not_manifest = not_manifest["root"].as_str().unwrap();
    let bad = write(w, "bad.toml", spec_text(not_manifest, "chat"));
    let (code, err) = net.fails(&["job", "submit", bad.to_str().unwrap()]);
    assert_eq!(code, 5, "{err}");
    let mut forged = up["manifest"].clone();
    for f in forged["files"].as_array_mut().unwrap() {
        if f["path"] == "model.safetensors" {
            f["blake3"] = Value::from("00".repeat(32));
        }
    }
    let forged_path = write(
        w,
        "forged.json",
        serde_json::to_vec_pretty(&forged).unwrap(),
    );
    let forged_root = net.json(&["storage", "upload", forged_path.to_str().unwrap()]);
    let forged_spec = write(
        w,
        "forged.toml",
        spec_text(forged_root["root"].as_str().unwrap(), "chat"),
    );
    let (code, err) = net.fails(&["job", "submit", forged_spec.to_str().unwrap()]);
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("model.safetensors"), "{err}");
    let bad_target = write(
        w,
        "target.toml",
        spec_text(&base, "chat").replace("\"up_proj\"", "\"c_attn\""),
    );
    let (code, err) = net.fails(&["job", "submit", bad_target.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("c_attn") && err.contains("q_proj"), "{err}");

    let spec = write(w, "job.toml", spec_text(&base, "chat"));
    let sub = net.json(&["job", "submit", spec.to_str().unwrap()]);
    let job = sub["job_id"].as_u64().unwrap().to_string();
    assert!(
        sub["base_model_root"].is_string(),
        "round 0 starts from the seeded adapter uploaded at submit: {sub}"
    );
    for i in [1, 2] {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    let coord_log = logs.join("coordinator.log");
    procs.0.push(spawn(
        &net,
        &[
            "job",
            "coordinate",
            &job,
            "--min-workers",
            "2",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
            "--json",
        ],
        &coord_log,
    ));
    let mut wlogs = Vec::new();
    for i in [1, 2] {
        let log = logs.join(format!("w{i}.log"));
        let state = w.join(format!("state{i}"));
        procs.0.push(spawn(
            &net,
            &[
                "worker",
                "run",
                "--job",
                &job,
                "--wallet",
                &format!("dev:{i}"),
                "--state-dir",
                state.to_str().unwrap(),
                "--poll",
                "0.3",
            ],
            &log,
        ));
        wlogs.push(log);
    }
    let st = wait_exit(&mut procs.0[0], Duration::from_secs(900), &coord_log);
    let coordinated = std::fs::read_to_string(&coord_log).unwrap();
    assert!(st.success(), "coordinator failed:\n{coordinated}");
    for (i, log) in wlogs.iter().enumerate() {
        let st = wait_exit(&mut procs.0[i + 1], Duration::from_secs(120), log);
        let text = std::fs::read_to_string(log).unwrap();
        assert!(st.success(), "worker {} failed:\n{text}", i + 1);
        assert!(
            text.contains("of the base model"),
            "the worker reports the adapter's size against the base's:\n{text}"
        );
    }

    // Both workers accepted in both rounds; the validation loss of the aggregates falls.
    let show = net.json(&["job", "show", &job]);
    assert_eq!(show["job"]["state"], "completed", "{show}");
    let rounds = show["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2, "{show}");
    for r in rounds {
        let subs = r["submissions"].as_array().unwrap();
        assert_eq!(subs.len(), 2, "{r}");
        for s in subs {
            assert_eq!(s["status"], "accepted", "{s}");
            assert_eq!(s["checked_spans"].as_array().unwrap().len(), 2, "{s}");
        }
    }
    // What the committee measured is in its member's check report, named by its vote (the
    // round record it voted for holds no measurements).
    let root = rounds[0]["report_root"].as_str().unwrap();
    let check_root = rounds[0]["member_votes"][0]["report_root"]
        .as_str()
        .unwrap();
    let p = w.join("check-0.json");
    net.json(&["storage", "download", check_root, "-o", p.to_str().unwrap()]);
    let r0: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    assert_eq!(r0["record_root"].as_str(), Some(root), "{r0}");
    let checks = r0["verdicts"].as_array().unwrap();
    assert_eq!(checks.len(), 2, "{r0}");
    for v in checks {
        assert_eq!(v["identical"], true, "CPU spans reproduce bit for bit: {v}");
    }
    let (start, l0, l1) = (
        r0["start_val_loss"].as_f64().unwrap(),
        rounds[0]["val_loss"].as_f64().unwrap(),
        rounds[1]["val_loss"].as_f64().unwrap(),
    );
    assert!(l0 < start && l1 < l0, "{start} → {l0} → {l1}");

    // Anyone can audit a submission: every span re-executed.
    let worker1 = format!("{:#x}", dev_address(1));
    let audit = net.json(&["job", "audit", &job, "--round", "1", "--worker", &worker1]);
    assert_eq!(audit["match"], true, "{audit}");
    assert_eq!(audit["spans"].as_array().unwrap().len(), 3, "{audit}");

    // An adapter altered in one entry does not reproduce.
    let ck = |step: u64| {
        w.join(format!(
            "state1/job-{job}/round-1/step-{step:06}.safetensors"
        ))
    };
    let mut tampered = cohort::lora::pool::LoraCheckpoint::load(&ck(24)).unwrap();
    let first = tampered.adapter.keys().next().unwrap().clone();
    tampered.adapter.get_mut(&first).unwrap().1[0] += 1e-3;
    let tampered_path = w.join("tampered.safetensors");
    tampered.save(&tampered_path).unwrap();
    let inputs = cohort::lora::pool::SpanInputs {
        base: fx("qwen2"),
        data: vec![data.clone()],
        context: 64,
        training: cohort::jobspec::JobSpec::load(&spec)
            .unwrap()
            .training_config(),
        seed: 11,
        round: 1,
        worker: dev_address(1).into_array(),
        device: cohort::trainer::DeviceChoice::Cpu,
        steps: Some((20, 24)),
    };
    let honest = cohort::lora::pool::verify_span(&ck(20), &ck(24), &inputs).unwrap();
    assert!(honest.identical, "{honest:?}");
    // Listed at other steps than the files' own: refused before anything is re-run.
    let relisted = cohort::lora::pool::SpanInputs {
        steps: Some((20, 40)),
        ..inputs.clone()
    };
    let e = cohort::lora::pool::verify_span(&ck(20), &ck(24), &relisted).unwrap_err();
    assert_eq!(e.code, "verify.step_mismatch", "{e}");
    let caught = cohort::lora::pool::verify_span(&ck(20), &tampered_path, &inputs).unwrap();
    assert!(!caught.identical, "{caught:?}");
    assert!(
        (caught.weights_max_abs_diff - 1e-3).abs() < 1e-4,
        "{caught:?}"
    );

    // `cohort verify` recomputes the whole history, base model included.
    let v = net.json(&["verify", &job]);
    assert_eq!(v["verified"], true, "{v}");
    assert!(
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["link"] == "base model" && l["holds"] == true),
        "{v}"
    );

    // Tokenized and claimed as any job.
    let t = net.json(&[
        "model", "tokenize", &job, "--name", "Chat", "--symbol", "CHAT", "--supply", "1000",
    ]);
    assert!(t["token"].is_string(), "{t}");
    let claimed = net.json(&["rewards", "claim", "--all", "--wallet", "dev:1"]);
    assert!(
        !claimed["claimed"].as_array().unwrap().is_empty(),
        "{claimed}"
    );

    // Served by its symbol (base + adapter fetched and checked), paid per token, and the
    // holders earn what it settles.
    net.json(&["usage", "deposit", "--amount", "0.01", "--wallet", "dev:5"]);
    let server = crate::serve::Server::start(
        net.home.path(),
        &["CHAT", "--price", "0.001", "--wallet", "dev:1"],
    );
    let q = net.json(&[
        "model",
        "query",
        "CHAT",
        "--provider",
        &server.url,
        "--prompt",
        "Hello",
        "--max-tokens",
        "8",
        "--min-tokens",
        "1",
        "--wallet",
        "dev:5",
    ]);
    assert!(q["completion_tokens"].as_u64().unwrap() > 0, "{q}");
    let (events, err) = server.stop();
    let settled: Vec<&Value> = events.iter().filter(|e| e["event"] == "settled").collect();
    assert!(
        settled
            .iter()
            .any(|e| e["settlement"]["to_holders"].as_str().unwrap_or("0") != "0"),
        "{events:?}\n{err}"
    );

    // Downloaded as a PEFT adapter beside its base model, which `model generate` loads.
    let out = w.join("model");
    let d = net.json(&["model", "download", &job, "-o", out.to_str().unwrap()]);
    assert_eq!(d["model"], out.join("adapter").to_str().unwrap(), "{d}");
    assert!(out.join("adapter/adapter_model.safetensors").is_file());
    assert!(out.join("adapter/adapter_config.json").is_file());
    assert_eq!(
        std::fs::read(out.join("base/model.safetensors")).unwrap(),
        std::fs::read(fx("qwen2/model.safetensors")).unwrap()
    );
    let g = net.json(&[
        "model",
        "generate",
        out.join("base").to_str().unwrap(),
        "--adapter",
        out.join("adapter").to_str().unwrap(),
        "--prompt",
        "Hello",
        "--chat",
        "--max-tokens",
        "8",
        "--temperature",
        "0",
    ]);
    assert!(g["tokens"].as_u64().unwrap() > 0, "{g}");
}
