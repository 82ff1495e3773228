//! DiLoCo rounds through a pool on the devnet: two honest worker processes and a dishonest one
//! (the library) on a job with the outer Nesterov step, kept AdamW state and top-k pseudo-
//! gradients with error feedback. The coordinator recompresses every submission and rejects
//! the one whose pseudo-gradient was altered in one entry; `job audit` and `cohort verify`
//! recompute the verdicts, the aggregates and the outer momentum.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{Devnet, dev_address, write};
use crate::jobs::{Reaper, sealed_dataset, spawn, wait_exit};

const SPEC: &str = r#"[model]
trainer = "builtin"
layers = 1
width = 64
heads = 2
context = 32

[training]
batch_size = 8
learning_rate = 1e-2
warmup_steps = 2
seed = 3
steps = 10
checkpoint_every = 5
eval_windows = 16

[training.outer]
optimizer = "nesterov"
lr = 0.7
momentum = 0.9
keep_inner_state = true

[training.compress]
method = "topk"
chunk = 256
density = 0.02
bits = 2
error_feedback = true

[verify]
spans = 1
max_loss_increase = 1.0

[job]
datasets = ["fixture-text"]
rounds = 2
reward_per_round = "0.2ether"
max_workers = 3
round_timeout = 900
"#;

/// Flips one bit of the first byte of the `values` tensor of a `cohort-topk/1` file: one kept
/// entry's quantized value changes, the file stays well-formed.
fn alter_one_entry(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header: Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    let at = 8 + n + header["values"]["data_offsets"][0].as_u64().unwrap() as usize;
    bytes[at] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
    let parsed = cohort::trainer::compress::Compressed::from_bytes(&std::fs::read(path).unwrap());
    assert!(parsed.is_ok(), "the altered file must stay well-formed");
}

#[test]
fn a_nesterov_topk_pool_completes_recompresses_every_submission_and_rejects_an_altered_delta() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text");
    let spec = write(w, "diloco.toml", SPEC);
    let sub = net.json(&["job", "submit", spec.to_str().unwrap()]);
    let job = sub["job_id"].as_u64().unwrap();
    let job_s = job.to_string();
    for i in 1..=3 {
        net.json(&[
            "worker",
            "register",
            "--name",
            &format!("w{i}"),
            "--wallet",
            &format!("dev:{i}"),
        ]);
    }

    // dev:3 joins through the library and alters one entry of its compressed pseudo-gradient.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let mut cheat = rt
        .block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(3).unwrap(),
            job,
            false,
            &w.join("cheat"),
            3,
            cohort::progress::silent(),
        ))
        .unwrap();
    rt.block_on(cheat.join()).unwrap();

    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let coord_log = logs.join("coordinator.log");
    let mut procs = Reaper(vec![spawn(
        &net,
        &[
            "job",
            "coordinate",
            &job_s,
            "--min-workers",
            "3",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
        ],
        &coord_log,
    )]);
    for i in 1..=2 {
        let dir = w.join(format!("state{i}"));
        let args = [
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            &format!("dev:{i}"),
            "--state-dir",
            dir.to_str().unwrap(),
            "--poll",
            "0.3",
        ];
        procs
            .0
            .push(spawn(&net, &args, &logs.join(format!("w{i}.log"))));
    }

    let out = rt.block_on(cheat.train_round(0)).unwrap();
    let delta = out.delta.clone().expect("a compressed round has a delta");
    assert!(out.residual_out.is_some() && out.residual_in.is_none());
    alter_one_entry(&delta);
    let (root, bundle) = rt.block_on(cheat.upload_round(0, &out)).unwrap();
    assert!(bundle.delta.is_some() && bundle.residual_out.is_some());
    let start = Instant::now();
    while rt.block_on(cheat.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(start.elapsed() < Duration::from_secs(120), "never started");
        std::thread::sleep(Duration::from_millis(200));
    }
    rt.block_on(cheat.submit_round(0, root, bundle.work_units))
        .unwrap();

    let st = wait_exit(&mut procs.0[0], Duration::from_secs(600), &coord_log);
    assert!(
        st.success(),
        "coordinator failed:\n{}",
        std::fs::read_to_string(&coord_log).unwrap()
    );
    for i in 1..=2 {
        let log = logs.join(format!("w{i}.log"));
        let st = wait_exit(&mut procs.0[i], Duration::from_secs(120), &log);
        assert!(st.success(), "{}", std::fs::read_to_string(&log).unwrap());
    }

    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed", "{show}");
    let rounds = show["rounds"].as_array().unwrap();
    let subs = |r: usize| rounds[r]["submissions"].as_array().unwrap().clone();
    let of = |r: usize, i: u32| -> Value {
        subs(r)
            .into_iter()
            .find(|s| {
                s["worker"]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case(&format!("{:#x}", dev_address(i)))
            })
            .unwrap_or_else(|| panic!("no submission of dev:{i} in round {r}"))
    };
    // The altered pseudo-gradient is rejected by recompression; the honest ones are accepted.
    let cheat0 = of(0, 3);
    assert_eq!(cheat0["status"], "rejected", "{cheat0}");
    let why = cheat0["reason"].as_str().unwrap();
    assert!(why.contains("pseudo-gradient"), "{why}");
    for (r, round) in rounds.iter().enumerate() {
        for i in 1..=2 {
            assert_eq!(of(r, i)["status"], "accepted", "round {r}: {}", of(r, i));
        }
        // The outer momentum is in each round's report; bytes are reported against fp32.
        assert!(round["momentum_root"].as_str().is_some(), "{round}");
        let fp32 = round["fp32_bytes"].as_u64().unwrap();
        let s = of(r, 1);
        let delta = s["delta_bytes"].as_u64().unwrap();
        assert!(delta * 5 < fp32, "Δ {delta} bytes vs fp32 {fp32}");
        assert!(s["uploaded_bytes"].as_u64().unwrap() > fp32);
    }
    assert_ne!(rounds[0]["momentum_root"], rounds[1]["momentum_root"]);
    // The cheat was removed by its rejection; round 1 has the two honest workers.
    assert_eq!(subs(1).len(), 2);

    // Round 1 continued round 0: each honest worker's residual_in is its round-0 residual_out
    // and its first checkpoint of round 1 holds its round-0 final AdamW state.
    let bundle_of = |r: usize, i: u32| -> cohort::jobs::bundle::WorkBundle {
        let root = of(r, i)["bundle_root"].as_str().unwrap().to_string();
        let p = w.join(format!("bundle-{r}-{i}.json"));
        net.json(&["storage", "download", &root, "-o", p.to_str().unwrap()]);
        serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap()
    };
    for i in 1..=2 {
        let (b0, b1) = (bundle_of(0, i), bundle_of(1, i));
        assert_eq!(b0.residual_in, None);
        assert_eq!(b1.residual_in, b0.residual_out);
        let get = |root: alloy::primitives::B256, name: &str| {
            let p = w.join(format!("{name}-{i}.safetensors"));
            net.json(&[
                "storage",
                "download",
                &format!("{root:#x}"),
                "-o",
                p.to_str().unwrap(),
            ]);
            cohort::trainer::Checkpoint::load(&p).unwrap()
        };
        let end0 = get(b0.final_checkpoint.root, "end0");
        let first1 = get(b1.checkpoints[0].root, "first1");
        let (o0, o1) = (end0.optimizer.unwrap(), first1.optimizer.unwrap());
        assert!(o0.t > 0);
        assert_eq!(o0, o1, "round 1 did not continue round 0's AdamW state");
    }

    // `job audit` recomputes a round-1 submission (its inherited state and residual included).
    let worker1 = format!("{:#x}", dev_address(1));
    let audit = net.json(&["job", "audit", &job_s, "--round", "1", "--worker", &worker1]);
    assert_eq!(audit["match"], true, "{audit}");
    assert_eq!(audit["verdict"]["accepted"], true, "{audit}");
    assert_eq!(audit["verdict_matches_record"], true, "{audit}");
    // `cohort verify` recomputes every verdict, aggregate and the outer momentum.
    let v = net.json(&["verify", &job_s]);
    assert_eq!(v["verified"], true, "{v}");
    let links = v["links"].as_array().unwrap();
    for r in 0..2 {
        let m = links
            .iter()
            .find(|l| l["link"] == format!("round {r} outer momentum"))
            .unwrap_or_else(|| panic!("no momentum link for round {r}: {v}"));
        assert_eq!(m["holds"], true, "{m}");
    }
}
