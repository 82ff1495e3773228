//! DiLoCo rounds through a pool on the devnet, with the builtin and the lora trainer: worker
//! processes on a job with the outer Nesterov step, kept AdamW state and top-k pseudo-gradients
//! with error feedback. The coordinator recompresses every submission and rejects one whose
//! pseudo-gradient was altered in one entry (a dishonest worker played by the library); round 1
//! continues each worker's accepted round 0; `job audit` and `cohort verify` recompute the
//! verdicts, the aggregates and the outer momentum.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::procs::{Reaper, sealed_dataset, spawn, wait_exit};
use crate::common::{Devnet, dev_address, write};
use crate::lora_pool::{fx, sealed_chat};

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

/// Starts the coordinator (waiting for `min_workers`) and a `worker run` process per dev index.
fn start_pool(net: &Devnet, w: &Path, job: &str, workers: &[u32], min_workers: u32) -> Reaper {
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let min = min_workers.to_string();
    let coordinator = [
        "job",
        "coordinate",
        job,
        "--min-workers",
        &min,
        "--poll",
        "0.3",
        "--wallet",
        "dev:0",
    ];
    let mut procs = Reaper(vec![spawn(
        net,
        &coordinator,
        &logs.join("coordinator.log"),
    )]);
    for i in workers {
        let dir = w.join(format!("state{i}"));
        let wallet = format!("dev:{i}");
        let args = [
            "worker",
            "run",
            "--job",
            job,
            "--wallet",
            &wallet,
            "--state-dir",
            dir.to_str().unwrap(),
            "--poll",
            "0.3",
        ];
        procs
            .0
            .push(spawn(net, &args, &logs.join(format!("w{i}.log"))));
    }
    procs
}

/// Waits for the coordinator, then the workers, to exit successfully.
fn finish_pool(w: &Path, procs: &mut Reaper, workers: &[u32]) {
    let logs = w.join("logs");
    let log = logs.join("coordinator.log");
    let st = wait_exit(&mut procs.0[0], Duration::from_secs(600), &log);
    assert!(
        st.success(),
        "coordinator failed:\n{}",
        std::fs::read_to_string(&log).unwrap()
    );
    for (k, i) in workers.iter().enumerate() {
        let log = logs.join(format!("w{i}.log"));
        let st = wait_exit(&mut procs.0[k + 1], Duration::from_secs(120), &log);
        assert!(st.success(), "{}", std::fs::read_to_string(&log).unwrap());
    }
}

/// dev:i's submission in round r of `job show --json`.
fn submission(show: &Value, r: usize, i: u32) -> Value {
    show["rounds"][r]["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["worker"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&format!("{:#x}", dev_address(i)))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no submission of dev:{i} in round {r}"))
}

fn download(net: &Devnet, w: &Path, root: &str, name: &str) -> PathBuf {
    let p = w.join(name);
    net.json(&["storage", "download", root, "-o", p.to_str().unwrap()]);
    p
}

/// Whether a round's first checkpoint holds the previous round's final AdamW state.
type SameState = dyn Fn(&Path, &Path) -> bool;

/// Every round of a completed 2-round job accepted `workers`, recorded the outer momentum and
/// the bytes against fp32; round 1 continued each worker's round 0: its `residual_in` is the
/// round-0 `residual_out`, and `same_state(round-0 final, round-1 first)` holds. Then `job
/// audit` of a round-1 submission and `cohort verify` of the whole job hold, outer momentum
/// included. Returns `job show --json`.
fn check_diloco_job(
    net: &Devnet,
    w: &Path,
    job: &str,
    workers: &[u32],
    same_state: Option<&SameState>,
) -> Value {
    let show = net.json(&["job", "show", job]);
    if let Ok(dir) = std::env::var("COHORT_DILOCO_CAPTURE") {
        let text = net
            .cmd()
            .args(["job", "show", job])
            .output()
            .unwrap()
            .stdout;
        let name = show["trainer"].as_str().unwrap_or("job").to_string();
        std::fs::write(Path::new(&dir).join(format!("{name}.txt")), text).unwrap();
        std::fs::write(
            Path::new(&dir).join(format!("{name}.json")),
            show.to_string(),
        )
        .unwrap();
    }
    assert_eq!(show["job"]["state"], "completed", "{show}");
    let rounds = show["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    for (r, round) in rounds.iter().enumerate() {
        assert!(round["momentum_root"].as_str().is_some(), "{round}");
        let fp32 = round["fp32_bytes"].as_u64().unwrap();
        for &i in workers {
            let s = submission(&show, r, i);
            assert_eq!(s["status"], "accepted", "round {r}: {s}");
            let delta = s["delta_bytes"].as_u64().unwrap();
            assert!(delta * 5 < fp32, "Δ {delta} bytes vs fp32 {fp32}");
            let uploaded = s["uploaded_bytes"].as_u64().unwrap();
            if same_state.is_some() {
                assert!(uploaded > fp32, "{s}");
            } else {
                // Replay: only the pseudo-gradient was uploaded.
                assert_eq!(uploaded, delta, "{s}");
            }
        }
    }
    assert_ne!(rounds[0]["momentum_root"], rounds[1]["momentum_root"]);
    for &i in workers.iter().filter(|_| same_state.is_some()) {
        let bundle = |r: usize| -> cohort::jobs::bundle::WorkBundle {
            let root = submission(&show, r, i)["bundle_root"]
                .as_str()
                .unwrap()
                .to_string();
            let p = download(net, w, &root, &format!("bundle-{r}-{i}.json"));
            serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap()
        };
        let (b0, b1) = (bundle(0), bundle(1));
        assert_eq!(b0.residual_in, None);
        assert!(b0.residual_out.is_some());
        assert_eq!(b1.residual_in, b0.residual_out);
        let end0 = download(
            net,
            w,
            &format!("{:#x}", b0.final_checkpoint.root),
            &format!("end0-{i}"),
        );
        let first1 = download(
            net,
            w,
            &format!("{:#x}", b1.checkpoints[0].root),
            &format!("first1-{i}"),
        );
        assert!(
            same_state.unwrap()(&end0, &first1),
            "dev:{i}: round 1 did not continue round 0's AdamW state"
        );
    }
    let worker = format!("{:#x}", dev_address(workers[0]));
    let audit = net.json(&["job", "audit", job, "--round", "1", "--worker", &worker]);
    assert_eq!(audit["match"], true, "{audit}");
    assert_eq!(audit["verdict"]["accepted"], true, "{audit}");
    assert_eq!(audit["verdict_matches_record"], true, "{audit}");
    let v = net.json(&["verify", job]);
    assert_eq!(v["verified"], true, "{v}");
    let links = v["links"].as_array().unwrap();
    for r in 0..2 {
        let m = links
            .iter()
            .find(|l| l["link"] == format!("round {r} outer momentum"))
            .unwrap_or_else(|| panic!("no momentum link for round {r}: {v}"));
        assert_eq!(m["holds"], true, "{m}");
    }
    show
}

#[test]
fn a_nesterov_topk_pool_completes_recompresses_every_submission_and_rejects_an_altered_delta() {
    builtin_pool(false);
}

/// `[verify] replay = true`: workers upload only their pseudo-gradient; the coordinator replays
/// each round from its start (with the inherited state and residual) and still catches the
/// altered entry.
#[test]
fn a_replay_pool_uploads_only_pseudo_gradients_and_still_rejects_an_altered_delta() {
    builtin_pool(true);
}

fn builtin_pool(replay: bool) {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt", "part2.txt"]);
    let spec_text = if replay {
        SPEC.replace("[verify]\n", "[verify]\nreplay = true\n")
    } else {
        SPEC.to_string()
    };
    assert_eq!(spec_text.contains("replay = true"), replay);
    let spec = write(w, "diloco.toml", spec_text);
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
    let mut procs = start_pool(&net, w, &job_s, &[1, 2], 3);

    let out = rt.block_on(cheat.train_round(0)).unwrap();
    let delta = out.delta.clone().expect("a compressed round has a delta");
    assert!(out.residual_out.is_some() && out.residual_in.is_none());
    alter_one_entry(&delta);
    let (root, bundle) = rt.block_on(cheat.upload_round(0, &out)).unwrap();
    assert!(bundle.delta.is_some());
    assert_eq!(bundle.residual_out.is_some(), !replay);
    assert_eq!(bundle.committed_only, replay);
    if replay {
        // The checkpoints are committed by root but not in storage.
        let first = format!("{:#x}", bundle.checkpoints[0].root);
        let out = w.join("not-there");
        let (code, _) = net.fails(&["storage", "download", &first, "-o", out.to_str().unwrap()]);
        assert_ne!(code, 0);
    }
    let start = Instant::now();
    while rt.block_on(cheat.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(start.elapsed() < Duration::from_secs(120), "never started");
        std::thread::sleep(Duration::from_millis(200));
    }
    rt.block_on(cheat.submit_round(0, root, bundle.work_units))
        .unwrap();
    finish_pool(w, &mut procs, &[1, 2]);

    let same = |a: &Path, b: &Path| {
        let load = |p: &Path| {
            cohort::trainer::Checkpoint::load(p)
                .unwrap()
                .optimizer
                .unwrap()
        };
        let (o0, o1) = (load(a), load(b));
        o0.t > 0 && o0 == o1
    };
    let show = check_diloco_job(&net, w, &job_s, &[1, 2], (!replay).then_some(&same as _));
    // The altered pseudo-gradient is rejected by recompression; the cheat is then out of the
    // job, so round 1 has the two honest workers.
    let cheat0 = submission(&show, 0, 3);
    assert_eq!(cheat0["status"], "rejected", "{cheat0}");
    let why = cheat0["reason"].as_str().unwrap();
    assert!(why.contains("pseudo-gradient"), "{why}");
    // The round record names the check (a recompression's text mentions residual_in; its code
    // is still the pseudo-gradient's).
    let code = if replay {
        "replay_mismatch"
    } else {
        "delta_mismatch"
    };
    assert_eq!(cheat0["reason_code"], code, "{cheat0}");
    assert_eq!(
        show["rounds"][1]["submissions"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_lora_pool_runs_nesterov_with_compressed_adapter_deltas() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let up = net.json(&[
        "model",
        "upload-base",
        fx("qwen2").to_str().unwrap(),
        "--wallet",
        "dev:0",
    ]);
    let base = up["root"].as_str().unwrap().to_string();
    sealed_chat(&net, w);
    let spec = format!(
        r#"[model]
trainer = "lora"
base = "{base}"
rank = 4
alpha = 8
targets = ["q_proj", "v_proj", "up_proj"]
context = 64

[training]
batch_size = 4
learning_rate = 1e-2
warmup_steps = 2
steps = 8
checkpoint_every = 4
eval_windows = 16
seed = 11

[training.outer]
optimizer = "nesterov"
lr = 0.7
momentum = 0.9
keep_inner_state = true

[training.compress]
method = "topk"
chunk = 64
density = 0.05
bits = 4
error_feedback = true

[verify]
spans = 1
max_loss_increase = 1.0

[job]
datasets = ["chat"]
rounds = 2
reward_per_round = "0.2ether"
max_workers = 2
round_timeout = 900
"#
    );
    let spec = write(w, "lora-diloco.toml", spec);
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    for i in 1..=2 {
        net.json(&[
            "worker",
            "register",
            "--name",
            &format!("w{i}"),
            "--wallet",
            &format!("dev:{i}"),
        ]);
    }
    let mut procs = start_pool(&net, w, &job, &[1, 2], 2);
    finish_pool(w, &mut procs, &[1, 2]);
    let same = |a: &Path, b: &Path| {
        let load = |p: &Path| {
            cohort::lora::pool::LoraCheckpoint::load(p)
                .unwrap()
                .optimizer
                .unwrap()
        };
        let (o0, o1) = (load(a), load(b));
        o0.t > 0 && o0 == o1
    };
    let show = check_diloco_job(&net, w, &job, &[1, 2], Some(&same));
    // The adapter's fp32 bytes are the measure here (not the base model's).
    let fp32 = show["rounds"][0]["fp32_bytes"].as_u64().unwrap();
    let base_bytes = std::fs::metadata(fx("qwen2/model.safetensors"))
        .unwrap()
        .len();
    assert!(
        fp32 * 4 < base_bytes,
        "adapter {fp32} bytes vs base {base_bytes}"
    );
}

/// An outer step that overshoots (lr 10 × (1 + momentum) times the workers' pseudo-gradient):
/// the round's aggregate scores a higher validation loss than the model it started from. The
/// job still completes and pays as before, but the coordinator says so with both figures and
/// the settings to change, `job show` marks the round (text and JSON), and the dry run and
/// `job show` list the `[training.outer]` and `[training.compress]` settings.
#[test]
fn a_round_whose_aggregate_got_worse_is_noted_and_marked_with_the_outer_settings() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt", "part2.txt"]);
    let text = SPEC
        .replace("lr = 0.7", "lr = 10.0")
        .replace("rounds = 2", "rounds = 1");
    let spec = write(w, "overshoot.toml", text);
    let spec = spec.to_str().unwrap();

    let dry = net.json(&["job", "submit", spec, "--dry-run"]);
    let plan = &dry["plan"];
    assert_eq!(plan["outer"]["optimizer"], "nesterov", "{dry}");
    assert_eq!(plan["outer"]["lr"], 10.0, "{dry}");
    assert_eq!(plan["compress"]["method"], "topk", "{dry}");
    assert_eq!(plan["compress"]["density"], 0.02, "{dry}");
    let text = net.home.stdout(&["job", "submit", spec, "--dry-run"]);
    assert!(
        text.contains("nesterov, lr 10, momentum 0.9, workers keep their AdamW state")
            && text.contains("topk, density 0.02 of each chunk of 256, 2 bits"),
        "{text}"
    );

    let job = net.json(&["job", "submit", spec])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["worker", "register", "--name", "w1", "--wallet", "dev:1"]);
    let mut procs = start_pool(&net, w, &job, &[1], 1);
    finish_pool(w, &mut procs, &[1]);
    let log = std::fs::read_to_string(w.join("logs/coordinator.log")).unwrap();
    assert!(
        log.contains("round 0: the aggregate's validation loss rose to")
            && log.contains("from the starting model's")
            && log.contains("lower [training.outer] lr (now 10) or momentum (now 0.9)")
            && log.contains("raise [training.compress] density (now 0.02)"),
        "{log}"
    );

    let show = net.json(&["job", "show", &job]);
    assert_eq!(show["job"]["state"], "completed", "{show}");
    let r0 = &show["rounds"][0];
    assert_eq!(r0["val_loss_rose"], true, "{r0}");
    let (start, end) = (
        r0["start_val_loss"].as_f64().unwrap(),
        r0["val_loss"].as_f64().unwrap(),
    );
    assert!(end > start, "{start} → {end}");
    // The verdict and the payment are as for any accepted round.
    assert_eq!(submission(&show, 0, 1)["status"], "accepted", "{show}");
    assert_eq!(show["outer"]["momentum"], 0.9, "{show}");
    let text = net.home.stdout(&["job", "show", &job]);
    assert!(
        text.contains(&format!("(WORSE than {start:.4} at the round's start)"))
            && text.contains("nesterov, lr 10"),
        "{text}"
    );
}
