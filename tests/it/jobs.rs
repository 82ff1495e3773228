//! Training jobs end to end on a real devnet: an owner, worker processes with their own wallets
//! and state folders, a coordinator process, and the library playing a dishonest worker.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::procs::{Reaper, sealed_dataset, spawn, spawn_with_cohort_on_path, wait_exit};
use crate::common::{Devnet, dev_address, wei, write};
use serde_json::Value;

fn addr_str(i: u32) -> String {
    format!("{:#x}", dev_address(i))
}

const REWARD_WEI: u128 = 300_000_000_000_000_000; // 0.3 ether

fn spec_text(dataset: &str, reward: &str, timeout: u64) -> String {
    format!(
        r#"[model]
trainer = "builtin"
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 16
learning_rate = 1e-2
warmup_steps = 2
seed = 5
steps = 30
checkpoint_every = 10
eval_windows = 32

[job]
datasets = ["{dataset}"]
rounds = 3
reward_per_round = "{reward}"
max_workers = 4
round_timeout = {timeout}
"#
    )
}

fn state_phase(dir: &Path) -> (String, Option<u64>) {
    let v: Value = std::fs::read(dir.join("state.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null);
    (
        v["phase"].as_str().unwrap_or("").to_string(),
        v["round"].as_u64(),
    )
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn pool_trains_three_rounds_pays_pro_rata_rejects_tampering_and_survives_a_killed_worker() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt", "part2.txt"]);
    net.json(&[
        "dataset",
        "create",
        "draft",
        "--description",
        "unsealed",
        "--license",
        "CC0-1.0",
    ]);

    // Bad input is refused before anything is sent.
    let bad = write(w, "bad.toml", "[model]\nlayers = \"two\"\n");
    assert_eq!(net.fails(&["job", "submit", bad.to_str().unwrap()]).0, 2);
    let unknown = write(
        w,
        "unknown.toml",
        spec_text("no-such-data", "0.3ether", 900),
    );
    let (code, err) = net.fails(&["job", "submit", unknown.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    let unsealed = write(w, "unsealed.toml", spec_text("draft", "0.3ether", 900));
    let (code, err) = net.fails(&["job", "submit", unsealed.to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("not sealed"), "{err}");
    let rich = write(
        w,
        "rich.toml",
        spec_text("fixture-text", "1000000ether", 900),
    );
    let (code, err) = net.fails(&["job", "submit", rich.to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("insufficient funds"), "{err}");
    assert_eq!(net.json(&["job", "list"]).as_array().unwrap().len(), 0);

    // Dry run: prices everything, sends nothing.
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.3ether", 900));
    let dry = net.json(&["job", "submit", spec.to_str().unwrap(), "--dry-run"]);
    assert_eq!(wei(&dry["plan"]["escrow"]), 3 * REWARD_WEI);
    assert!(wei(&dry["plan"]["storage_fee"]) > 0);
    assert!(dry["plan"]["create_job_gas"].as_u64().unwrap() > 21_000);
    assert!(wei(&dry["plan"]["balance_after"]) < wei(&dry["plan"]["balance"]));
    assert_eq!(net.json(&["job", "list"]).as_array().unwrap().len(), 0);

    let sub = net.json(&["job", "submit", spec.to_str().unwrap()]);
    let job = sub["job_id"].as_u64().unwrap();
    assert_eq!(job, 1);
    let job_s = job.to_string();
    assert_eq!(wei(&sub["job"]["escrow"]), 3 * REWARD_WEI);
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let watch_log = logs.join("watch.jsonl");
    let mut watcher = Reaper(vec![spawn(
        &net,
        &["job", "watch", &job_s, "--json", "--interval", "0.5"],
        &watch_log,
    )]);

    for i in 1..=4 {
        net.json(&[
            "worker",
            "register",
            "--name",
            &format!("w{i}"),
            "--wallet",
            &format!("dev:{i}"),
        ]);
    }
    // dev:3 is dishonest: it joins through the library and submits tampered checkpoints.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let cheat_dir = w.join("cheat");
    let mut cheat = rt
        .block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(3).unwrap(),
            job,
            false,
            &cheat_dir,
            3,
            cohort::progress::silent(),
        ))
        .unwrap();
    rt.block_on(cheat.join()).unwrap();

    let (s1, s2) = (w.join("state1"), w.join("state2"));
    let run_args = |i: u32, dir: &Path| -> Vec<String> {
        [
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
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let a1 = run_args(1, &s1);
    let a2 = run_args(2, &s2);
    let mut procs = Reaper(Vec::new());
    let coord_log = logs.join("coordinator.log");
    procs.0.push(spawn(
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
            "--json",
        ],
        &coord_log,
    ));
    procs.0.push(spawn(&net, &refs(&a1), &logs.join("w1.log")));
    procs
        .0
        .push(spawn(&net, &refs(&a2), &logs.join("w2-first.log")));

    // The cheat trains round 0 honestly, then tampers with every checkpoint after the first.
    let out = rt.block_on(cheat.train_round(0)).unwrap();
    for (_, p) in &out.checkpoints[1..] {
        let mut ck = cohort::trainer::Checkpoint::load(p).unwrap();
        for (_, (_, data)) in ck.weights.iter_mut() {
            for v in data.iter_mut() {
                *v += 1e-3;
            }
        }
        ck.save(p).unwrap();
    }
    let (root, bundle) = rt.block_on(cheat.upload_round(0, &out)).unwrap();
    let start = Instant::now();
    while rt.block_on(cheat.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the coordinator never started the job"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    rt.block_on(cheat.submit_round(0, root, bundle.work_units))
        .unwrap();
    // Submitting twice for a round is refused.
    let again = rt
        .block_on(cheat.submit_round(0, root, bundle.work_units))
        .unwrap_err();
    assert_eq!(again.exit_code(), 4, "{}", again.message);
    assert!(
        again.message.contains("AlreadySubmitted"),
        "{}",
        again.message
    );
    // Leaving while the submission awaits its verdict is refused (its bond answers for it); a
    // rejected worker is removed from the job by the verdict.
    let silent = cohort::progress::Silent;
    let pending = rt
        .block_on(cheat.market.leave(&cheat.signer, job, &silent))
        .unwrap_err();
    assert!(
        pending.message.contains("SubmissionPending"),
        "{}",
        pending.message
    );

    // Kill worker 2 in the middle of round 1, before it submits (ideally while training, after
    // its first checkpoint of the round), then restart it.
    let mid = s2.join(format!("job-{job}/round-1/step-000040.safetensors"));
    let start = Instant::now();
    let (killed_in, mid_training) = loop {
        let (phase, round) = state_phase(&s2);
        if round == Some(1) && phase == "training" && mid.is_file() {
            break (phase, true);
        }
        if round == Some(1) && phase == "uploading" {
            break (phase, false);
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "worker 2 never reached round 1 (phase {phase}):\n{}",
            std::fs::read_to_string(logs.join("w2-first.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let w2 = &mut procs.0[2];
    w2.kill().unwrap();
    w2.wait().unwrap();
    let sub_r1 = rt
        .block_on(cheat.market.submission(job, 1, dev_address(2)))
        .unwrap();
    assert_eq!(
        sub_r1.status,
        cohort::jobs::WorkStatus::None,
        "killed in {killed_in} after submitting"
    );
    procs
        .0
        .push(spawn(&net, &refs(&a2), &logs.join("w2-restarted.log")));

    let status = wait_exit(&mut procs.0[0], Duration::from_secs(600), &coord_log);
    assert!(
        status.success(),
        "coordinator failed:\n{}",
        std::fs::read_to_string(&coord_log).unwrap()
    );
    let restarted = std::fs::read_to_string(logs.join("w2-restarted.log")).unwrap();
    if mid_training {
        // Killed mid-training: the restart resumed from the last checkpoint, bit for bit
        // (the coordinator re-executes a span and accepts it below).
        assert!(
            restarted.contains("resuming round 1 from step"),
            "{restarted}"
        );
    }
    for (i, log) in [(1, "w1.log"), (3, "w2-restarted.log")] {
        let st = wait_exit(&mut procs.0[i], Duration::from_secs(120), &logs.join(log));
        assert!(
            st.success(),
            "worker failed:\n{}",
            std::fs::read_to_string(logs.join(log)).unwrap()
        );
    }

    // `job watch --json` streamed one JSON object per line until the job ended.
    let st = wait_exit(&mut watcher.0[0], Duration::from_secs(60), &watch_log);
    assert!(st.success());
    let lines: Vec<Value> = std::fs::read_to_string(&watch_log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(lines.len() >= 4, "{lines:?}");
    assert_eq!(lines.last().unwrap()["state"], "completed");
    assert!(
        lines
            .iter()
            .any(|l| l["state"] == "running" && l["round"] == 1)
    );

    // The job is complete; every round finalized; validation loss falls round to round.
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed");
    let rounds = show["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 3);
    let losses: Vec<f64> = rounds
        .iter()
        .map(|r| r["val_loss"].as_f64().unwrap())
        .collect();
    assert!(
        losses[0] > losses[1] && losses[1] > losses[2],
        "validation losses {losses:?}"
    );
    // The loss curve as a picture: an SVG with the aggregate's line and the worker's points.
    let svg = w.join("loss.svg");
    net.json(&["job", "show", &job_s, "--plot", svg.to_str().unwrap()]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.starts_with("<svg") && text.contains("<polyline"),
        "{text}"
    );
    assert!(text.contains("aggregate") && text.contains("validation loss"));
    if let Ok(keep) = std::env::var("COHORT_PLOT_CAPTURE") {
        std::fs::copy(&svg, keep).unwrap();
    }
    // `job watch` on a terminal: the loss per round as a sparkline beside the numbers, and no
    // escape code left in what the emulator shows.
    let (code, screen, _) = crate::common::pty::run_in_pty(&net.home, &["job", "watch", &job_s]);
    assert_eq!(code, 0, "{screen}");
    let line = screen
        .lines()
        .find(|l| l.contains("loss per round"))
        .unwrap_or_else(|| panic!("no sparkline:\n{screen}"));
    let spark: String = line.chars().filter(|c| ('▁'..='█').contains(c)).collect();
    assert_eq!(spark.chars().count(), 3, "one mark per round: {line}");
    assert!(
        spark.starts_with('█') && spark.ends_with('▁'),
        "falling loss: {line}"
    );
    assert!(
        line.contains(&format!("({:.3} → {:.3})", losses[0], losses[2])),
        "{line}"
    );
    // Through a pipe: the same numbers, no picture.
    let out = net.cmd().args(["job", "watch", &job_s]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("completed") && !text.contains("loss per round"),
        "{text}"
    );

    // Round 0: the cheat is rejected with a reason and unpaid.
    let r0 = rounds[0]["submissions"].as_array().unwrap();
    let c = r0
        .iter()
        .find(|s| s["worker"] == addr_str(3))
        .expect("the cheat's submission");
    assert_eq!(c["status"], "rejected");
    assert!(
        c["reason"].as_str().unwrap().contains("does not reproduce"),
        "{c}"
    );
    assert_eq!(wei(&c["payout"]), 0);

    // Honest workers: paid exactly their pro-rata share of every round.
    let mut expected = [0u128; 4];
    for r in rounds {
        let subs = r["submissions"].as_array().unwrap();
        let accepted: Vec<&Value> = subs.iter().filter(|s| s["status"] == "accepted").collect();
        assert_eq!(accepted.len(), 2, "round {}: {subs:?}", r["round"]);
        let total: u128 = accepted.iter().map(|s| wei(&s["work_units"])).sum();
        for s in &accepted {
            let i = if s["worker"] == addr_str(1) { 1 } else { 2 };
            let share = REWARD_WEI * wei(&s["work_units"]) / total;
            assert_eq!(wei(&s["payout"]), share);
            expected[i] += share;
        }
    }
    for i in 1..=3u32 {
        let e = net.json(&["worker", "earnings", "--wallet", &format!("dev:{i}")]);
        assert_eq!(wei(&e["earnings"]), expected[i as usize], "dev:{i}");
    }
    // Escrow accounting is exact: budget = paid + refunded, nothing left.
    let j = &show["job"];
    assert_eq!(wei(&j["escrow"]), 0);
    assert_eq!(wei(&j["paid"]), expected[1] + expected[2]);
    assert_eq!(wei(&j["paid"]) + wei(&j["refunded"]), 3 * REWARD_WEI);
    assert_eq!(
        wei(&net.json(&["worker", "earnings", "--wallet", "dev:0"])["earnings"]),
        wei(&j["refunded"])
    );

    // Anyone can audit an honest submission.
    let audit = net.json(&[
        "job",
        "audit",
        &job_s,
        "--round",
        "1",
        "--worker",
        &addr_str(1),
    ]);
    assert_eq!(audit["match"], true, "{audit}");
    assert_eq!(audit["spans"].as_array().unwrap().len(), 3);
    // ... and the cheat's does not reproduce (exit 5).
    let (code, _) = net.fails(&[
        "job",
        "audit",
        &job_s,
        "--round",
        "0",
        "--worker",
        &addr_str(3),
    ]);
    assert_eq!(code, 5);

    // The final model comes with its spec and provenance.
    let dl = w.join("model");
    let m = net.json(&["model", "download", &job_s, "-o", dl.to_str().unwrap()]);
    assert_eq!(m["model_root"], j["model_root"]);
    let prov: Value =
        serde_json::from_slice(&std::fs::read(dl.join("provenance.json")).unwrap()).unwrap();
    assert_eq!(prov["rounds"].as_array().unwrap().len(), 3);
    assert_eq!(prov["workers"].as_array().unwrap().len(), 2);
    assert!(cohort::trainer::Checkpoint::load(&dl.join("model.safetensors")).is_ok());

    // Joining a completed job is a clear error.
    let (code, err) = net.fails(&[
        "worker",
        "run",
        "--job",
        &job_s,
        "--wallet",
        "dev:4",
        "--state-dir",
        w.join("s4").to_str().unwrap(),
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("completed"), "{err}");

    // A withdrawal pays the credited earnings out.
    let wd = net.json(&["worker", "withdraw", "--wallet", "dev:1"]);
    assert_eq!(wei(&wd["amount"]), expected[1]);
}

#[test]
fn cancel_refunds_exactly_the_unspent_rounds_and_late_work_is_refused() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt", "part2.txt"]);
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.25ether", 2));
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap();
    let job_s = job.to_string();
    net.json(&["worker", "register", "--wallet", "dev:1"]);

    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let mut worker = rt
        .block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(1).unwrap(),
            job,
            false,
            &w.join("state"),
            3,
            cohort::progress::silent(),
        ))
        .unwrap();
    // --auto picks the open job this machine can take.
    let silent = cohort::progress::Silent;
    let picked = rt
        .block_on(cohort::worker::pick_job(
            &worker.market,
            &worker.store,
            dev_address(2),
            &silent,
        ))
        .unwrap();
    assert_eq!(picked, job);
    rt.block_on(worker.join()).unwrap();
    // Only the owner (coordinator) can start and cancel.
    let (code, _) = net.fails(&["job", "cancel", &job_s, "--wallet", "dev:1"]);
    assert_eq!(code, 4);
    let owner = worker
        .market
        .chain
        .with_signer(cohort::devnet::dev_signer(0).unwrap())
        .unwrap();
    rt.block_on(worker.market.start_job(&owner, job, &silent))
        .unwrap();
    let out = rt.block_on(worker.train_round(0)).unwrap();
    // The round's starting point is read once, before training, and a failed read is an
    // error; the bundle records what training started from without asking the chain again
    // (an RPC that fails now cannot turn it into "no starting checkpoint").
    let job_info = rt.block_on(worker.market.job(job)).unwrap();
    let start = rt
        .block_on(cohort::jobs::context::round_start_root(
            &worker.market,
            &job_info,
            0,
        ))
        .unwrap();
    assert_eq!(out.init_root, start);
    let live = worker.market.clone();
    let dead_url = "http://127.0.0.1:1";
    let dead = cohort::chain::Chain {
        provider: alloy::providers::Provider::erased(
            alloy::providers::ProviderBuilder::new().connect_http(dead_url.parse().unwrap()),
        ),
        rpc_url: dead_url.to_string(),
        chain_id: live.chain.chain_id,
    };
    worker.market = cohort::jobs::JobMarket::at(dead, live.address);
    let (root, b) = rt.block_on(worker.upload_round(0, &out)).unwrap();
    assert_eq!(b.init_root, start);
    worker.market = live;
    std::thread::sleep(Duration::from_secs(3));
    let late = rt
        .block_on(worker.submit_round(0, root, b.work_units))
        .unwrap_err();
    assert_eq!(late.exit_code(), 4, "{}", late.message);
    assert!(late.message.contains("RoundTimedOut"), "{}", late.message);

    let before = wei(&net.json(&["worker", "earnings", "--wallet", "dev:0"])["earnings"]);
    let c = net.json(&["job", "cancel", &job_s]);
    assert_eq!(c["unspent_rounds"], 3);
    // Round 0 had started: the cancel names it as one of them, as `job show` marks it below.
    assert_eq!(c["running_round"], 0, "{c}");
    assert_eq!(wei(&c["refund"]), 3 * 250_000_000_000_000_000u128);
    let after = wei(&net.json(&["worker", "earnings", "--wallet", "dev:0"])["earnings"]);
    assert_eq!(after - before, 3 * 250_000_000_000_000_000u128);
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "cancelled");
    assert_eq!(wei(&show["job"]["escrow"]), 0);
    // None of its rounds is waiting to run: they never will. Round 0 had started: it was
    // running when the job was cancelled.
    let statuses: Vec<&str> = show["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["cancelled", "not_run", "not_run"], "{show}");
    let text = net.home.stdout(&["job", "show", &job_s]);
    assert!(
        text.contains("running when the job was cancelled"),
        "{text}"
    );
    // A cancelled job is closed: cancelling again is refused before sending.
    let (code, err) = net.fails(&["job", "cancel", &job_s]);
    assert_eq!(code, 4, "{err}");
    // A worker whose chain keeps failing stops with exit 3 and a one-line cause.
    let (code, err) = net.fails(&[
        "worker",
        "run",
        "--job",
        &job_s,
        "--wallet",
        "dev:1",
        "--rpc-url",
        "http://127.0.0.1:9",
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("worker stopped"), "{err}");
}

const EXEC_SCRIPT: &str = r#"#!/bin/sh
# An exec trainer for tests: trains the round's steps with cohort's own trainer from the round's
# starting checkpoint (--steps: a checkpoint's run would otherwise continue only to
# training.steps) and reports the tokens it processed.
set -e
INIT=""
if [ -n "$COHORT_JOB_INIT_CHECKPOINT" ]; then
  INIT="--init $COHORT_JOB_INIT_CHECKPOINT --fresh-optimizer"
fi
cohort train --data "$COHORT_JOB_DATA_DIR" --config "$1" --out run \
  --seed "$COHORT_JOB_SEED" --round "$COHORT_JOB_ROUND" --steps "$COHORT_JOB_STEPS" $INIT \
  -q --no-progress > /dev/null
cp "$(ls run/step-*.safetensors | sort | tail -n 1)" "$COHORT_JOB_OUTPUT_DIR/model.safetensors"
echo '{"tokens": 2560, "losses": [{"step": 10, "train_loss": 3.5}]}' > "$COHORT_JOB_OUTPUT_DIR/metrics.json"
"#;

const EXEC_INNER: &str = r#"[model]
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 8
steps = 10
seed = 3
eval_windows = 16
"#;

/// A sealed dataset of the fixture `parts` and a two-round exec job over it (the script and inner
/// spec above, at most `max_workers` workers); returns the job spec's path.
fn exec_job(net: &Devnet, w: &Path, parts: &[&str], max_workers: u32) -> PathBuf {
    sealed_dataset(net, w, "fixture-text", parts);
    let dir = w.join("exec-job");
    std::fs::create_dir_all(&dir).unwrap();
    write(&dir, "train.sh", EXEC_SCRIPT);
    write(&dir, "inner.toml", EXEC_INNER);
    write(
        &dir,
        "job.toml",
        format!(
            r#"[model]
trainer = "exec"
command = ["sh", "train.sh", "inner.toml"]

[training]
seed = 3
steps = 10

[job]
datasets = ["fixture-text"]
rounds = 2
reward_per_round = "0.1ether"
max_workers = {max_workers}
round_timeout = 900
"#
        ),
    )
}

#[test]
fn exec_job_runs_only_with_allow_exec_and_completes() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let spec = exec_job(&net, w, &["part1.txt", "part2.txt"], 2);
    net.json(&["worker", "register", "--wallet", "dev:1"]);
    let state = w.join("state");
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    // `job submit --coordinate` submits, then keeps running as the coordinator.
    let coord_log = logs.join("coordinator.log");
    procs.0.push(spawn(
        &net,
        &[
            "job",
            "submit",
            spec.to_str().unwrap(),
            "--coordinate",
            "--wallet",
            "dev:0",
            "--json",
        ],
        &coord_log,
    ));
    let start = Instant::now();
    while net.json(&["job", "list"]).as_array().unwrap().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the job was never submitted"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let job_s = "1".to_string();
    let listed = net.json(&["job", "list", "--open"]);
    assert_eq!(listed[0]["base_model_root"], Value::Null);

    // Without --allow-exec the worker refuses, naming the command.
    let (code, err) = net.fails(&[
        "worker",
        "run",
        "--job",
        &job_s,
        "--wallet",
        "dev:1",
        "--state-dir",
        state.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("sh train.sh inner.toml") && err.contains("--allow-exec"),
        "{err}"
    );

    // The exec trainer calls `cohort`: the binary goes on the worker's PATH.
    let wlog = logs.join("worker.log");
    procs.0.push(spawn_with_cohort_on_path(
        &net,
        &[
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            "dev:1",
            "--allow-exec",
            "--state-dir",
            state.to_str().unwrap(),
            "--poll",
            "0.3",
        ],
        &wlog,
    ));
    let st = wait_exit(&mut procs.0[0], Duration::from_secs(300), &coord_log);
    assert!(
        st.success(),
        "coordinator failed:\n{}",
        std::fs::read_to_string(&coord_log).unwrap()
    );
    let coordinated = std::fs::read_to_string(&coord_log).unwrap();
    assert!(coordinated.contains("\"coordinated\""), "{coordinated}");
    let st = wait_exit(&mut procs.0[1], Duration::from_secs(60), &wlog);
    let log = std::fs::read_to_string(&wlog).unwrap();
    assert!(st.success(), "worker failed:\n{log}");
    assert!(
        log.contains("sh train.sh inner.toml"),
        "the command is printed before it runs:\n{log}"
    );

    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed");
    assert_eq!(show["trainer"], "exec");
    for r in show["rounds"].as_array().unwrap() {
        let subs = r["submissions"].as_array().unwrap();
        assert_eq!(subs.len(), 1);
        assert_eq!(subs[0]["status"], "accepted", "{r}");
        // The spec's steps × batch × context (10 × 16 × 64), not the 2560 tokens the
        // command's metrics.json claims.
        assert_eq!(subs[0]["work_units"], "10240");
    }
    let e = net.json(&["worker", "earnings", "--wallet", "dev:1"]);
    assert_eq!(wei(&e["earnings"]), 200_000_000_000_000_000);
    let dl = w.join("model");
    net.json(&["model", "download", &job_s, "-o", dl.to_str().unwrap()]);
    assert!(dl.join("model.safetensors").is_file());
}

#[test]
fn a_running_job_is_cancelled_only_from_its_rounds_deadline_on() {
    use alloy::primitives::{Address, U256};
    use cohort::chain::bindings::JobMarket as JobMarketAbi;
    let net = Devnet::start(0, 1);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let rpc = net.rpc_url();
    let registry: Address = net.contract("dataset_registry").parse().unwrap();
    let market: Address = net.contract("job_market").parse().unwrap();
    // Round 0 finalized; round 1 runs (3600 s) with no submission yet: its workers may be
    // uploading the work they are about to submit.
    let job = rt.block_on(crate::token_setup::standard_job(
        &rpc, registry, market, false,
    ));
    let job_s = job.job_id.to_string();
    let (code, err) = net.fails(&["job", "cancel", &job_s, "--wallet", "dev:1"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("can be cancelled only from its round's deadline")
            && err.contains(" UTC (unix time "),
        "{err}"
    );
    // The contract holds the rule, not only the CLI's pre-check.
    let owner = rt.block_on(crate::token_setup::dev(&rpc, 1));
    let e = rt
        .block_on(async {
            JobMarketAbi::new(market, &owner.provider)
                .cancelJob(U256::from(job.job_id))
                .from(dev_address(1))
                .call()
                .await
        })
        .expect_err("cancel mid-round");
    let e = cohort::chain::describe_contract_error(&rpc, e);
    assert!(e.message.contains("RoundInProgress"), "{}", e.message);
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "running");

    // From the deadline on nobody can submit: the owner gets the unspent round back.
    rt.block_on(crate::common::warp(&owner.chain, 3601));
    let c = net.json(&["job", "cancel", &job_s, "--wallet", "dev:1"]);
    assert_eq!(c["unspent_rounds"], 1, "{c}");
    assert_eq!(wei(&c["unspent_refund"]), 1_000_000_000_000_000_000, "{c}");
    assert_eq!(c["unpaid_rounds"], serde_json::json!([]), "{c}");
    // The last round's reward, plus round 0's rounding dust.
    let refund = wei(&c["refund"]);
    assert!(
        (1_000_000_000_000_000_000u128..1_000_000_000_000_000_010).contains(&refund),
        "{c}"
    );
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "cancelled");
}

/// An exec worker whose output has one tensor of another shape (the same values, flattened)
/// would make the round's average fail for everyone, at every restart. Round 0 has no starting
/// weights, so the layout two of the three submissions share is the round's: the odd one is
/// rejected though its address is the lowest, the round is averaged and paid, and round 1 is
/// checked against round 0's aggregate. `cohort verify` reaches the same verdicts and aggregates.
#[test]
fn an_exec_output_of_another_layout_is_rejected_and_the_round_still_finalizes() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let spec = exec_job(&net, w, &["part1.txt"], 3);
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap();
    let job_s = job.to_string();
    for i in 1..=3 {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    // The odd worker (dev:2, the lowest of the three addresses) joins while the job is open.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let mut odd = rt
        .block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(2).unwrap(),
            job,
            true,
            &w.join("odd"),
            3,
            cohort::progress::silent(),
        ))
        .unwrap();
    assert!(dev_address(2) < dev_address(1) && dev_address(2) < dev_address(3));
    rt.block_on(odd.join()).unwrap();

    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    let coord_log = logs.join("coordinator.log");
    procs.0.push(spawn(
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
            "--json",
        ],
        &coord_log,
    ));
    for i in [1, 3] {
        let state = w.join(format!("state{i}"));
        procs.0.push(spawn_with_cohort_on_path(
            &net,
            &[
                "worker",
                "run",
                "--job",
                &job_s,
                "--wallet",
                &format!("dev:{i}"),
                "--allow-exec",
                "--state-dir",
                state.to_str().unwrap(),
                "--poll",
                "0.3",
            ],
            &logs.join(format!("worker{i}.log")),
        ));
    }

    // The odd output: the command's layout (the inner model's weights and AdamW moments), one
    // 2-D tensor flattened.
    let inner = cohort::jobspec::JobSpec::parse(EXEC_INNER, "inner.toml").unwrap();
    let model = inner.model.config();
    let weights = cohort::trainer::verify::initial_weights(&model, 3).unwrap();
    let zeros: std::collections::BTreeMap<String, Vec<f32>> = weights
        .iter()
        .map(|(n, (_, d))| (n.clone(), vec![0.0; d.len()]))
        .collect();
    let bytes = cohort::trainer::Checkpoint {
        config: model.clone(),
        step: 10,
        weights,
        optimizer: Some(cohort::trainer::optim::AdamW {
            t: 10,
            m: zeros.clone(),
            v: zeros,
        }),
        info: Default::default(),
    }
    .to_bytes();
    let st = safetensors::SafeTensors::deserialize(&bytes).unwrap();
    let mut flattened = String::new();
    let mut tensors: Vec<(String, safetensors::tensor::TensorView)> = Vec::new();
    for (name, v) in st.tensors() {
        let mut shape = v.shape().to_vec();
        if flattened.is_empty() && !name.starts_with("optim.") && shape.len() == 2 {
            flattened = name.clone();
            shape = vec![shape.iter().product()];
        }
        let view = safetensors::tensor::TensorView::new(v.dtype(), shape, v.data()).unwrap();
        tensors.push((name, view));
    }
    assert!(!flattened.is_empty());
    let odd_path = w.join("odd.safetensors");
    std::fs::write(&odd_path, safetensors::serialize(tensors, None).unwrap()).unwrap();
    let start = Instant::now();
    while rt.block_on(odd.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "the job never started:\n{}",
            std::fs::read_to_string(&coord_log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = cohort::worker::runtime::RoundOutput {
        checkpoints: vec![(10, odd_path)],
        end_step: 10,
        metrics: Default::default(),
        work_units: 10240,
        init_root: None,
        ..Default::default()
    };
    let (root, b) = rt.block_on(odd.upload_round(0, &out)).unwrap();
    rt.block_on(odd.submit_round(0, root, b.work_units))
        .unwrap();

    let st = wait_exit(&mut procs.0[0], Duration::from_secs(300), &coord_log);
    assert!(
        st.success(),
        "coordinator failed:\n{}",
        std::fs::read_to_string(&coord_log).unwrap()
    );
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed", "{show:#}");
    let rounds = show["rounds"].as_array().unwrap();
    let r0 = rounds[0]["submissions"].as_array().unwrap();
    assert_eq!(r0.len(), 3, "{show:#}");
    for s in r0 {
        let who = s["worker"].as_str().unwrap();
        if who.eq_ignore_ascii_case(&addr_str(2)) {
            assert_eq!(s["status"], "rejected", "{s:#}");
            let reason = s["reason"].as_str().unwrap();
            assert!(
                reason.contains("cannot be averaged")
                    && reason.contains(&format!("tensor {flattened}"))
                    && reason.contains("2 of the round's 3"),
                "{reason}"
            );
        } else {
            assert_eq!(s["status"], "accepted", "{s:#}");
        }
    }
    let r1 = rounds[1]["submissions"].as_array().unwrap();
    assert_eq!(r1.len(), 2, "{show:#}");
    assert!(r1.iter().all(|s| s["status"] == "accepted"), "{show:#}");
    let e = net.json(&["worker", "earnings", "--wallet", "dev:1"]);
    assert_eq!(wei(&e["earnings"]), 100_000_000_000_000_000);

    // Every checker computes the same layout and the same aggregate bytes: the whole history
    // verifies.
    let v = net.json(&["verify", &job_s]);
    assert_eq!(v["verified"], true, "{v:#}");
}

#[test]
fn a_rerun_submit_resumes_the_pending_job_and_a_second_submit_of_a_live_spec_asks_first() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.25ether", 600));
    let submit = ["job", "submit", spec.to_str().unwrap()];
    // From here a block comes every 2 seconds: the createJob stays pending for a while.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&net.rpc_url(), Some(31337)))
        .unwrap();
    use alloy::providers::Provider;
    rt.block_on(
        chain
            .provider
            .raw_request::<_, Value>("evm_setIntervalMining".into(), (2u64,)),
    )
    .unwrap();
    let jobs = || net.json(&["job", "list"]).as_array().unwrap().len();

    // Killed while its createJob is pending: the rerun finishes that transaction, even when the
    // job took all the wallet could escrow (the rerun pays nothing again, so it is not priced as
    // a second job).
    let (mut child, hash) =
        crate::common::run_until_waiting_for_a_tx(&net, &submit, "creating job");
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    for _ in 0..100 {
        if jobs() == 1 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(jobs(), 1, "the killed run's createJob never landed");
    use alloy::primitives::U256;
    let set_balance = |amount: U256| {
        rt.block_on(
            chain
                .provider
                .raw_request::<_, Value>("anvil_setBalance".into(), (dev_address(0), amount)),
        )
        .unwrap();
    };
    set_balance(U256::from(10u64).pow(U256::from(16u64)));
    let sub = net.json(&submit);
    assert_eq!(sub["tx"]["tx_hash"], Value::String(hash.clone()), "{sub}");
    assert_eq!(sub["resumed"], true, "{sub}");
    let job = sub["job_id"].as_u64().unwrap();
    assert_eq!(jobs(), 1);
    set_balance(U256::from(10u64).pow(U256::from(22u64)));

    // A deliberate second submit of the live job's spec asks first; without a terminal that is
    // exit 2 naming the job and --yes, and nothing is sent.
    let (code, err) = net.fails(&submit);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("job {job} (open)")), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(jobs(), 1);
    let again = net.json(&[&submit[..], &["--yes"]].concat());
    assert_ne!(again["job_id"].as_u64().unwrap(), job, "{again}");
    assert_ne!(again["tx"]["tx_hash"], Value::String(hash), "{again}");
    assert!(again.get("resumed").is_none(), "{again}");
    assert_eq!(jobs(), 2);
}

#[test]
fn worker_status_refuses_another_workers_state_and_withdraw_with_nothing_owed_exits_0() {
    let net = Devnet::start(0, 1);
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("eve-state");
    // The state folder of dev 5's worker, mid-round on job 1.
    let mut st = cohort::worker::state::WorkerState {
        job_id: Some(1),
        worker: Some(dev_address(5)),
        ..Default::default()
    };
    st.set_phase(&dir, cohort::worker::state::Phase::Training, Some(0))
        .unwrap();
    let dir_s = dir.to_str().unwrap();

    // Another wallet is not shown dev 5's phase and rounds as its own.
    let (code, err) = net.fails(&[
        "worker",
        "status",
        "--state-dir",
        dir_s,
        "--wallet",
        "dev:6",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&dev_address(5).to_string()), "{err}");
    assert!(err.contains(dir_s), "{err}");
    // Its own worker sees it.
    let s = net.json(&[
        "worker",
        "status",
        "--state-dir",
        dir_s,
        "--wallet",
        "dev:5",
    ]);
    assert_eq!(s["state"]["phase"], "training", "{s}");

    // A registered machine shows its name, and its inventory is an object in JSON.
    let out = net
        .home
        .stdout(&["worker", "register", "--name", "rig-1", "--wallet", "dev:6"]);
    assert!(out.contains("rig-1"), "{out}");
    let s = net.json(&["worker", "status", "--wallet", "dev:6"]);
    assert_eq!(s["worker"]["inventory"]["name"], "rig-1", "{s}");
    assert!(
        s["worker"]["inventory"]["cpu_cores"].as_u64().unwrap() > 0,
        "{s}"
    );

    // Nothing credited: nothing sent, success, as `rewards claim` with nothing to claim.
    let w = net.json(&["worker", "withdraw", "--wallet", "dev:6"]);
    assert_eq!(w["nothing_to_withdraw"], true, "{w}");
    assert_eq!(wei(&w["amount"]), 0, "{w}");
    assert!(w.get("tx").is_none(), "{w}");
    let out = net
        .cmd()
        .args(["worker", "withdraw", "--wallet", "dev:6"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("nothing to withdraw"),
        "{out:?}"
    );
}

/// A worker that leaves an open job (`worker leave`, from another process) while its `worker
/// run` waits for the job to start: the run stops, saying it is no longer in the job, instead of
/// waiting for a start that no longer concerns it.
#[test]
fn a_worker_run_waiting_on_an_open_job_stops_once_it_left() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.3ether", 900));
    let job_s = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["worker", "register", "--wallet", "dev:2"]);
    let state = w.join("s2");
    let state_s = state.to_str().unwrap();
    let log = w.join("worker.log");
    let mut run = Reaper(vec![spawn(
        &net,
        &[
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            "dev:2",
            "--state-dir",
            state_s,
            "--poll",
            "0.3",
        ],
        &log,
    )]);
    let start = Instant::now();
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("waiting for the committee to start")
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the worker never waited for the start:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    net.json(&["worker", "leave", "--job", &job_s, "--wallet", "dev:2"]);
    let status = wait_exit(&mut run.0[0], Duration::from_secs(60), &log);
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("left job {job_s} (")), "{text}");
}

#[test]
fn a_rerun_cancel_finishes_the_pending_cancellation_instead_of_reverting() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.25ether", 600));
    let sub = net.json(&["job", "submit", spec.to_str().unwrap()]);
    let job_s = sub["job_id"].as_u64().unwrap().to_string();
    let escrow = wei(&sub["escrow"]);
    let earnings = || wei(&net.json(&["worker", "earnings", "--wallet", "dev:0"])["earnings"]);
    let before = earnings();
    // From here a block comes every 2 seconds: the cancellation stays pending for a while.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&net.rpc_url(), Some(31337)))
        .unwrap();
    use alloy::providers::Provider;
    rt.block_on(
        chain
            .provider
            .raw_request::<_, Value>("evm_setIntervalMining".into(), (2u64,)),
    )
    .unwrap();
    // Killed while its cancelJob is pending; rerun at once, the job still reads open: the rerun
    // waits for that transaction (gas estimation of a second one would revert) and says so.
    let cancel = ["job", "cancel", job_s.as_str()];
    let (mut child, hash) =
        crate::common::run_until_waiting_for_a_tx(&net, &cancel, "cancelling job");
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    let c = net.json(&cancel);
    assert_eq!(c["tx"]["tx_hash"], Value::String(hash), "{c}");
    assert_eq!(c["resumed"], true, "{c}");
    assert_eq!(wei(&c["refund"]), escrow, "{c}");
    assert_eq!(earnings() - before, escrow);
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "cancelled");
    // The record is resolved: another cancel is refused as before (closed job, exit 4).
    let (code, err) = net.fails(&cancel);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("cancelled"), "{err}");
}

/// Creates, fills (`files`: name and bytes), accepts and seals dataset `name`.
fn sealed_dataset_of(net: &Devnet, work: &Path, name: &str, files: &[(&str, Vec<u8>)]) {
    let dir = work.join(name);
    for (f, bytes) in files {
        write(&dir, f, bytes);
    }
    net.json(&[
        "dataset",
        "create",
        name,
        "--description",
        "t",
        "--license",
        "CC0-1.0",
    ]);
    net.json(&["dataset", "upload", name, dir.to_str().unwrap()]);
    net.json(&[
        "dataset",
        "review",
        name,
        "--all-pending",
        "--accept",
        "--score",
        "80",
    ]);
    net.json(&["dataset", "seal", name]);
}

/// A builtin job whose context no data file can fill: `job submit` refuses it (exit 2) before
/// paying anything when the recorded file sizes already say so; where they cannot (a binary
/// file the trainer skips), `worker run` refuses it (exit 2) before joining: no bond, no slot,
/// the job stays open and its owner can cancel it.
#[test]
fn a_context_no_data_file_fills_is_refused_by_submit_and_by_a_worker_before_joining() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let text = |n: usize| "abcdefghij".repeat(4).as_bytes()[..n].to_vec();
    let spec_for = |dataset: &str| {
        let s = spec_text(dataset, "0.1ether", 600).replace("context = 32", "context = 64");
        assert!(s.contains("context = 64"));
        write(w, &format!("{dataset}.toml"), s)
    };

    // Two tiny text files: their recorded sizes (21 and 17 bytes) cannot fill 64 bytes.
    sealed_dataset_of(
        &net,
        w,
        "tiny-files",
        &[("a.txt", text(21)), ("b.txt", text(17))],
    );
    let spec = spec_for("tiny-files");
    let balance = || net.json(&["wallet", "balance", "dev:6"]);
    let before = balance();
    let (code, err) =
        net.home
            .refused_json(&["job", "submit", spec.to_str().unwrap(), "--wallet", "dev:6"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "jobspec.invalid", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("model.context"),
        "{err}"
    );
    assert!(err["hint"].as_str().is_some(), "{err}");
    assert_eq!(balance(), before, "a refused submit pays nothing");

    // A large file with a NUL byte passes the size check, but the trainer skips binary files.
    let mut blob = vec![b'x'; 300];
    blob[10] = 0;
    sealed_dataset_of(
        &net,
        w,
        "mostly-binary",
        &[("a.txt", text(21)), ("blob.bin", blob)],
    );
    let spec = spec_for("mostly-binary");
    let job = net.json(&["job", "submit", spec.to_str().unwrap(), "--wallet", "dev:6"])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["worker", "register", "--wallet", "dev:7"]);
    let state = w.join("s7");
    let log = w.join("worker7.log");
    // Spawned with a limit: a worker that joined would wait for the job to start.
    let mut run = Reaper(vec![spawn(
        &net,
        &[
            "worker",
            "run",
            "--job",
            &job,
            "--wallet",
            "dev:7",
            "--state-dir",
            state.to_str().unwrap(),
            "--json",
        ],
        &log,
    )]);
    let status = wait_exit(&mut run.0[0], Duration::from_secs(90), &log);
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let err = text
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<Value>(l).ok())
        .unwrap_or_else(|| panic!("no JSON error: {text}"))["error"]
        .clone();
    let code = status.code().unwrap_or(-1);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "jobspec.invalid", "{err}");
    let show = net.json(&["job", "show", &job]);
    assert_eq!(show["job"]["worker_count"], 0, "{show}");
    assert_eq!(show["job"]["state"], "open", "{show}");
    let c = net.json(&["job", "cancel", &job, "--wallet", "dev:6"]);
    assert_eq!(wei(&c["refund"]), 3 * 100_000_000_000_000_000u128, "{c}");
}

/// Runs a one-round job `job` to completion: the coordinator (dev:0, one worker) and
/// `worker run` of dev:1 with state folder `state`; returns the worker's and the coordinator's
/// logs.
fn one_round_run(net: &Devnet, w: &Path, job: &str, state: &Path, tag: &str) -> (String, String) {
    let wlog = w.join(format!("worker-{tag}.log"));
    let clog = w.join(format!("coordinator-{tag}.log"));
    let mut procs = Reaper(vec![
        spawn(
            net,
            &[
                "job",
                "coordinate",
                job,
                "--min-workers",
                "1",
                "--poll",
                "0.3",
                "--wallet",
                "dev:0",
            ],
            &clog,
        ),
        spawn(
            net,
            &[
                "worker",
                "run",
                "--job",
                job,
                "--wallet",
                "dev:1",
                "--state-dir",
                state.to_str().unwrap(),
                "--poll",
                "0.3",
            ],
            &wlog,
        ),
    ]);
    let st = wait_exit(&mut procs.0[0], Duration::from_secs(300), &clog);
    assert!(st.success(), "{}", std::fs::read_to_string(&clog).unwrap());
    let st = wait_exit(&mut procs.0[1], Duration::from_secs(60), &wlog);
    assert!(st.success(), "{}", std::fs::read_to_string(&wlog).unwrap());
    (
        std::fs::read_to_string(&wlog).unwrap(),
        std::fs::read_to_string(&clog).unwrap(),
    )
}

/// After `devnet reset` the contracts come back at the same addresses and jobs are numbered
/// from 1 again: the worker state and round outputs of the old chain's job 1 are not taken for
/// the new job 1's (`worker status` does not show them; `worker run` trains afresh and is
/// accepted, not resubmitting the old bundle), nor is the coordinator's folder of the old job.
#[test]
fn after_a_devnet_reset_a_worker_trains_the_new_job_with_the_old_ones_id_afresh() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let state = w.join("state");
    let spec_text = spec_text("fixture-text", "0.1ether", 600).replace("rounds = 3", "rounds = 1");
    let spec = write(w, "one-round.toml", spec_text);
    // The dataset of the same name holds another file on the new chain: work on the old one's
    // data is not the new job's.
    let submitted_job = |net: &Devnet, part: &str| {
        crate::common::procs::sealed_dataset(net, &w.join(part), "fixture-text", &[part]);
        let job =
            net.json(&["job", "submit", spec.to_str().unwrap(), "--wallet", "dev:0"])["job_id"]
                .as_u64()
                .unwrap();
        net.json(&["worker", "register", "--wallet", "dev:1"]);
        job.to_string()
    };
    let accepted = |net: &Devnet, job: &str| {
        let show = net.json(&["job", "show", job]);
        assert_eq!(show["job"]["state"], "completed", "{show}");
        let subs = show["rounds"][0]["submissions"].as_array().unwrap().clone();
        assert_eq!(subs.len(), 1, "{show}");
        subs[0]["status"].as_str().unwrap().to_string()
    };
    let job = submitted_job(&net, "part1.txt");
    one_round_run(&net, w, &job, &state, "first");
    assert_eq!(accepted(&net, &job), "accepted");
    assert!(w.join("state").join(format!("job-{job}")).is_dir());

    net.json(&["devnet", "reset", "--yes"]);
    // The new chain has no job yet: the state folder's job of the old chain is not shown.
    let s = net.json(&[
        "worker",
        "status",
        "--state-dir",
        state.to_str().unwrap(),
        "--wallet",
        "dev:1",
    ]);
    assert!(s["state"]["job_id"].is_null(), "{s}");
    assert!(
        s["state"]["rounds"]
            .as_object()
            .is_none_or(|r| r.is_empty()),
        "{s}"
    );

    // The same job again gets the same id; its worker trains it and is accepted.
    let again = submitted_job(&net, "part2.txt");
    assert_eq!(again, job);
    let (wlog, clog) = one_round_run(&net, w, &job, &state, "second");
    assert!(wlog.contains("another chain"), "{wlog}");
    assert!(wlog.contains("training round 0"), "{wlog}");
    assert!(clog.contains("another chain"), "{clog}");
    assert_eq!(accepted(&net, &job), "accepted", "{wlog}\n{clog}");
}

/// Makes the devnet mine a block every 2 seconds: a sent transaction stays pending a while.
fn mine_every_2s(net: &Devnet) {
    let v = crate::common::rpc(
        &net.rpc_url(),
        "evm_setIntervalMining",
        serde_json::json!([2]),
    );
    assert!(v.get("error").is_none(), "{v}");
}

/// Whether `dev:i` is in job `job` (`job show`'s bonds).
fn takes_part(net: &Devnet, job: &str, i: u32) -> bool {
    let show = net.json(&["job", "show", job]);
    show["bonds"]
        .as_array()
        .unwrap_or_else(|| panic!("no bonds in {show}"))
        .iter()
        .any(|w| w["worker"].as_str().unwrap().to_lowercase() == addr_str(i) && w["active"] == true)
}

/// Waits (at most 60 s) until `check` holds.
fn eventually(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < Duration::from_secs(60), "never: {what}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// `cohort ARGS` until its log shows `needle` (it must not end before), then stopped; its log.
fn ran_until(net: &Devnet, args: &[&str], log: &Path, needle: &str) -> String {
    let mut p = Reaper(vec![spawn(net, args, log)]);
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        if let Ok(Some(st)) = p.0[0].try_wait() {
            panic!("cohort {args:?} ended ({st}) before '{needle}':\n{text}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "cohort {args:?} never got to '{needle}':\n{text}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// `cohort ARGS --progress json`, killed (SIGKILL) once a step labelled exactly `label` waits
/// for its transaction; returns that transaction's hash.
fn killed_waiting_for(net: &Devnet, args: &[&str], label: &str) -> String {
    let (mut child, hash, _) = crate::common::spawn_until_waiting_for_a_tx(
        net,
        args,
        &[],
        std::process::Stdio::null(),
        |l| l == label,
    );
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    hash
}

/// The intents of the transactions recorded under the home's pending-tx folder.
fn recorded_intents(net: &Devnet) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(net.home.path().join("pending-tx")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter_map(|b| serde_json::from_slice::<Value>(&b).ok())
        .filter_map(|v| v["intent"].as_str().map(str::to_string))
        .collect()
}

/// A join or leave that an interrupted run sent and that landed is never taken for a later
/// run's own: after a killed join, a leave and a new `worker run` join again (not "joined" by
/// the old transaction, then "no longer in job"); after a killed leave and a rejoin, `worker
/// leave` leaves (not reporting the old leave as done while the worker is still in the job).
#[test]
fn an_old_join_or_leave_record_is_never_taken_for_a_later_join_or_leave() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let spec = write(w, "job.toml", spec_text("fixture-text", "0.3ether", 900));
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["worker", "register", "--wallet", "dev:3"]);
    let state = w.join("s3");
    let run = [
        "worker",
        "run",
        "--job",
        &job,
        "--wallet",
        "dev:3",
        "--state-dir",
        state.to_str().unwrap(),
        "--poll",
        "0.3",
    ];
    let leave = ["worker", "leave", "--job", &job, "--wallet", "dev:3"];
    let waiting = "waiting for the committee to start";
    mine_every_2s(&net);

    // A run killed while its join is pending; the join lands, and a rerun finds it in the job.
    let old_join = killed_waiting_for(&net, &run, "joining");
    eventually("the killed run's join lands", || takes_part(&net, &job, 3));
    let log = ran_until(&net, &run, &w.join("run-1.log"), waiting);
    assert!(log.contains(&old_join[2..]), "{log}");
    let l = net.json(&leave);
    assert!(l.get("resumed").is_none(), "{l}");
    assert!(!takes_part(&net, &job, 3));
    // A new run joins with a transaction of its own.
    let log = ran_until(&net, &run, &w.join("run-2.log"), waiting);
    assert!(!log.contains(&old_join[2..]), "{log}");
    assert!(takes_part(&net, &job, 3), "{log}");

    // A leave killed while pending; it lands; a run joins again.
    let old_leave = killed_waiting_for(&net, &leave, "leaving");
    eventually("the killed leave lands", || !takes_part(&net, &job, 3));
    ran_until(&net, &run, &w.join("run-3.log"), waiting);
    assert!(takes_part(&net, &job, 3));
    // This leave is sent, and the worker is out of the job.
    let l = net.json(&leave);
    assert!(l.get("resumed").is_none(), "{l}");
    assert_ne!(l["tx"]["tx_hash"], Value::String(old_leave), "{l}");
    assert!(!takes_part(&net, &job, 3), "{l}");
    assert!(
        !recorded_intents(&net)
            .iter()
            .any(|i| i.starts_with("join:") || i.starts_with("leave:")),
        "{:?}",
        recorded_intents(&net)
    );
}

/// A worker run killed while its work bundle's storage submission is pending, then again while
/// its work submission is pending: the next run finds both on chain, finishes the round, and
/// leaves neither their records nor the bundle's file behind.
#[test]
fn a_rerun_worker_leaves_no_record_of_what_its_killed_runs_sent_and_landed() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let spec_text = spec_text("fixture-text", "0.1ether", 600).replace("rounds = 3", "rounds = 1");
    let spec = write(w, "one-round.toml", spec_text);
    let job = net.json(&["job", "submit", spec.to_str().unwrap(), "--wallet", "dev:0"])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["worker", "register", "--wallet", "dev:1"]);
    let clog = w.join("coordinator.log");
    let mut coordinator = Reaper(vec![spawn(
        &net,
        &[
            "job",
            "coordinate",
            &job,
            "--min-workers",
            "1",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
        ],
        &clog,
    )]);
    let state = w.join("state");
    let run = [
        "worker",
        "run",
        "--job",
        &job,
        "--wallet",
        "dev:1",
        "--state-dir",
        state.to_str().unwrap(),
        "--poll",
        "0.3",
    ];
    mine_every_2s(&net);
    let bundle = format!("work-{job}-0-{}.json", addr_str(1));
    killed_waiting_for(&net, &run, &format!("submitting {bundle}"));
    let submitted = killed_waiting_for(&net, &run, "submitting work");
    eventually("the killed run's submission lands", || {
        let r = crate::common::rpc(
            &net.rpc_url(),
            "eth_getTransactionReceipt",
            serde_json::json!([submitted]),
        );
        r["result"].is_object()
    });
    let wlog = w.join("worker.log");
    let mut worker = Reaper(vec![spawn(&net, &run, &wlog)]);
    let st = wait_exit(&mut worker.0[0], Duration::from_secs(300), &wlog);
    assert!(st.success(), "{}", std::fs::read_to_string(&wlog).unwrap());
    let st = wait_exit(&mut coordinator.0[0], Duration::from_secs(120), &clog);
    assert!(st.success(), "{}", std::fs::read_to_string(&clog).unwrap());
    let show = net.json(&["job", "show", &job]);
    assert_eq!(
        show["rounds"][0]["submissions"][0]["status"], "accepted",
        "{show}"
    );

    // No copy of the bundle is left in the cache's temporary folders, and no record.
    let tmp = net.home.path().join("cache").join("tmp");
    let stale: Vec<_> = std::fs::read_dir(&tmp)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .filter(|f| f.file_name().to_string_lossy().starts_with("work-"))
        .map(|f| f.path())
        .collect();
    let left: Vec<String> = recorded_intents(&net)
        .into_iter()
        .filter(|i| i.starts_with("submit-work:") || i.starts_with("flow-submit:"))
        .collect();
    assert!(stale.is_empty() && left.is_empty(), "{stale:?} {left:?}");
}

/// The files under `dir` (recursively) named `name`.
fn files_named(dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(files_named(&p, name));
        } else if e.file_name() == name {
            found.push(p);
        }
    }
    found
}

/// What a job trains on and is checked against is exactly its datasets' accepted files. After
/// `devnet reset` the new chain's dataset 1 (the same registry address) holds another file than
/// the old one's: the worker, the coordinator and a fresh verifier all use that file alone, so
/// `cohort verify` confirms the worker. A file dropped into the cached dataset folder is not
/// read by `job audit` either (the audit still matches).
#[test]
fn a_job_uses_exactly_its_datasets_accepted_files_after_a_reset_and_beside_a_stray_file() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let state = w.join("state");
    let spec_text = spec_text("fixture-text", "0.1ether", 600).replace("rounds = 3", "rounds = 1");
    let spec = write(w, "one-round.toml", spec_text);
    let run_job_on = |part: &str, tag: &str| {
        crate::common::procs::sealed_dataset(&net, &w.join(part), "fixture-text", &[part]);
        let job =
            net.json(&["job", "submit", spec.to_str().unwrap(), "--wallet", "dev:0"])["job_id"]
                .as_u64()
                .unwrap()
                .to_string();
        net.json(&["worker", "register", "--wallet", "dev:1"]);
        let (wlog, clog) = one_round_run(&net, w, &job, &state, tag);
        let show = net.json(&["job", "show", &job]);
        assert_eq!(show["job"]["state"], "completed", "{show}");
        let subs = &show["rounds"][0]["submissions"];
        assert_eq!(subs[0]["status"], "accepted", "{show}\n{wlog}\n{clog}");
        job
    };
    let cache = net.home.path().join("cache");
    run_job_on("part1.txt", "old");
    assert_eq!(files_named(&cache, "part1.txt").len(), 1);

    net.json(&["devnet", "reset", "--yes"]);
    let job = run_job_on("part2.txt", "new");
    // A verifier with a cache of its own re-executes the worker's spans on part2.txt alone.
    let v = net.json(&["verify", &job]);
    assert_eq!(v["verified"], true, "{v:#}");

    // A stray file in the new chain's dataset folder, beside its one file.
    let placed = files_named(&cache, "part2.txt");
    assert_eq!(placed.len(), 1, "{placed:?}");
    let stray = write(
        placed[0].parent().unwrap(),
        "notes.txt",
        "notes that are no part of the dataset\n".repeat(200),
    );
    let audit = net.json(&[
        "job",
        "audit",
        &job,
        "--round",
        "0",
        "--worker",
        &addr_str(1),
    ]);
    assert_eq!(audit["match"], true, "{audit}");
    assert!(!stray.exists());
}

/// Two workers of one home (one wallet each, as with one per GPU) on their default state
/// folders: each wallet has its own, so both are accepted (sharing one, they overwrote each
/// other's checkpoints and an honest worker was rejected). A second `worker run` on a folder in
/// use (the same wallet again, or another wallet given that folder) is refused, exit 2, naming
/// the folder, the running process and the fix; `worker status` says whether a run uses the
/// folder. The final line says what this job credited, apart from the account's total.
#[test]
fn two_workers_of_one_home_keep_their_own_state_folders_and_a_wallet_runs_once() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let one_round = spec_text("fixture-text", "0.2ether", 900).replace("rounds = 3", "rounds = 1");
    let spec = write(w, "job.toml", one_round);
    let spec_s = spec.to_str().unwrap();
    // dev:1 has earnings from elsewhere: the refund (0.2 ETH) of a job it submitted and cancelled.
    let refunded = net.json(&["job", "submit", spec_s, "--wallet", "dev:1"])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    net.json(&["job", "cancel", &refunded, "--wallet", "dev:1"]);
    let job_s = net.json(&["job", "submit", spec_s, "--wallet", "dev:0"])["job_id"]
        .as_u64()
        .unwrap()
        .to_string();
    for i in [1, 2] {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let run = |i: u32| {
        let log = logs.join(format!("w{i}.log"));
        let args = [
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            &format!("dev:{i}"),
            "--poll",
            "0.3",
        ];
        (spawn(&net, &args, &log), log)
    };
    let (c1, log1) = run(1);
    let (c2, log2) = run(2);
    let mut procs = Reaper(vec![c1, c2]);
    for log in [&log1, &log2] {
        eventually("both workers to wait for the start", || {
            std::fs::read_to_string(log)
                .unwrap_or_default()
                .contains("waiting for the committee to start")
        });
    }
    let folder = |i: u32| net.home.path().join("worker").join(addr_str(i));
    let dir1 = folder(1);
    let dir1_s = dir1.to_str().unwrap();
    // The same wallet again, and another wallet given dev:1's folder: refused, nothing sent.
    let again = ["worker", "run", "--job", &job_s, "--wallet", "dev:1"];
    let shared = [&again[..4], &["--wallet", "dev:2", "--state-dir", dir1_s]].concat();
    for args in [&again[..], &shared[..]] {
        let (code, err) = net.fails(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(dir1_s)
                && err.contains(&format!("process {}", procs.0[0].id()))
                && err.contains("--state-dir"),
            "{args:?}: {err}"
        );
    }
    let st = net.json(&["worker", "status", "--wallet", "dev:1"]);
    assert_eq!(st["running"], true, "{st}");
    assert_eq!(st["state_dir"], dir1_s, "{st}");
    assert_eq!(st["state"]["phase"], "waiting", "{st}");

    let clog = logs.join("coordinator.log");
    procs.0.push(spawn(
        &net,
        &[
            "job",
            "coordinate",
            &job_s,
            "--min-workers",
            "2",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
        ],
        &clog,
    ));
    for (k, log) in [(2, &clog), (0, &log1), (1, &log2)] {
        let st = wait_exit(&mut procs.0[k], Duration::from_secs(300), log);
        assert!(st.success(), "{}", std::fs::read_to_string(log).unwrap());
    }
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed", "{show}");
    let subs = show["rounds"][0]["submissions"].as_array().unwrap();
    assert_eq!(subs.len(), 2, "{show}");
    for s in subs {
        assert_eq!(s["status"], "accepted", "{show}");
    }
    // Each worker's round outputs are in its own folder.
    for i in [1, 2] {
        let out = folder(i).join(format!("job-{job_s}/round-0/output.json"));
        assert!(out.is_file(), "{} is missing", out.display());
    }
    // dev:1's final line: this job's 0.1 ETH, then the 0.3 ETH to withdraw in all.
    let text = std::fs::read_to_string(&log1).unwrap();
    assert!(
        text.contains("this job credited 0.1 ETH") && text.contains("0.3 ETH to withdraw in all"),
        "{text}"
    );
    let st = net.json(&["worker", "status", "--wallet", "dev:1"]);
    assert_eq!(st["running"], false, "{st}");
    assert_eq!(st["state"]["phase"], "done", "{st}");
}
