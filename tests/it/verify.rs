//! Verified work on a real devnet: dishonest workers (played through the library) against the
//! real coordinator process, and `cohort verify` over a whole history, before and after a byte
//! of a stored file is changed on the storage node.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::procs::{Reaper, sealed_dataset, spawn, spawn_with_cohort_on_path};
use crate::common::{Devnet, Home, dev_address};
use serde_json::Value;

const SPEC: &str = r#"[model]
trainer = "builtin"
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 8
learning_rate = 1e-2
warmup_steps = 2
seed = 7
steps = 30
checkpoint_every = 10
eval_windows = 16

[job]
datasets = ["verify-text"]
rounds = 1
reward_per_round = "0.3ether"
max_workers = 4
round_timeout = 900

[verify]
spans = 2
"#;

/// Runs `cohort ARGS` in `home`; returns the exit code, stdout and stderr.
fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let mut c = crate::common::cohort_command(home);
    let out = c.args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn sparse_relisted_and_foreign_round0_work_is_rejected_and_the_history_verifies() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "verify-text", &["part1.txt"]);
    let spec = crate::common::write(w, "job.toml", SPEC);
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap();
    let job_s = job.to_string();
    for i in 1..=4 {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let open = |i: u32, dir: PathBuf| {
        rt.block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(i).unwrap(),
            job,
            false,
            &dir,
            3,
            cohort::progress::silent(),
        ))
        .unwrap()
    };
    let mut sparse = open(2, w.join("sparse"));
    let mut foreign = open(3, w.join("foreign"));
    let mut relisted = open(4, w.join("relisted"));
    rt.block_on(sparse.join()).unwrap();
    rt.block_on(foreign.join()).unwrap();
    rt.block_on(relisted.join()).unwrap();

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
            "4",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
            "--json",
        ],
        &coord_log,
    ));
    let honest_state = w.join("honest");
    procs.0.push(spawn(
        &net,
        &[
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            "dev:1",
            "--state-dir",
            honest_state.to_str().unwrap(),
            "--poll",
            "0.3",
        ],
        &logs.join("honest.log"),
    ));

    let spec_units = 30u64 * 8 * 32;
    let model = sparse.ctx.spec.model.config();
    let training = sparse.ctx.training();
    let seed = sparse.ctx.seed();

    // The sparse cheat: honest checkpoints at steps 0..9, then one faked jump to the end (the
    // issue's 0,1,…,9 then 9→end): 97% of the work skipped.
    rt.block_on(sparse.fetch_data()).unwrap();
    let sdir = w.join("sparse-run");
    let mut o = cohort::trainer::TrainOptions::new(
        sparse.data.clone(),
        model.clone(),
        training.clone(),
        sdir.clone(),
    );
    o.steps = Some(9);
    o.seed = Some(seed);
    o.worker = dev_address(2).into_array();
    o.start_step = Some(0);
    o.checkpoint_every = Some(1);
    o.device = cohort::trainer::DeviceChoice::Cpu;
    let r = cohort::trainer::train(&o, &cohort::progress::Silent).unwrap();
    let mut cks: Vec<(u64, PathBuf)> = r
        .checkpoints
        .iter()
        .enumerate()
        .map(|(i, p)| (i as u64, p.clone()))
        .collect();
    let mut fake = cohort::trainer::Checkpoint::load(&r.final_checkpoint).unwrap();
    fake.step = 30;
    let fake_path = sdir.join("fake-final.safetensors");
    fake.save(&fake_path).unwrap();
    cks.push((30, fake_path));
    assert_eq!(cks.len(), 11);
    let sparse_out = cohort::worker::runtime::RoundOutput {
        checkpoints: cks,
        end_step: 30,
        metrics: Default::default(),
        work_units: spec_units,
        init_root: None,
        ..Default::default()
    };

    // The foreign-weights cheat: a round-0 run that follows every rule (layout, batches, seed)
    // but starts from other weights than the job's seeded init, so that every span re-executes.
    rt.block_on(foreign.fetch_data()).unwrap();
    let fdir = w.join("foreign-run");
    std::fs::create_dir_all(&fdir).unwrap();
    let foreign_init = fdir.join("foreign-init.safetensors");
    cohort::trainer::Checkpoint {
        config: model.clone(),
        step: 0,
        weights: cohort::trainer::verify::initial_weights(&model, seed + 1).unwrap(),
        optimizer: None,
        info: Default::default(),
    }
    .save(&foreign_init)
    .unwrap();
    let mut o = cohort::trainer::TrainOptions::new(
        foreign.data.clone(),
        model.clone(),
        training.clone(),
        fdir.join("run"),
    );
    o.init = Some(foreign_init);
    o.fresh_optimizer = true;
    o.steps = Some(30);
    o.seed = Some(seed);
    o.worker = dev_address(3).into_array();
    o.start_step = Some(0);
    o.checkpoint_every = Some(10);
    o.checkpoint_anchor = Some(0);
    o.device = cohort::trainer::DeviceChoice::Cpu;
    let r = cohort::trainer::train(&o, &cohort::progress::Silent).unwrap();
    let steps: Vec<u64> = vec![0, 10, 20, 30];
    assert_eq!(r.checkpoints.len(), 4, "{:?}", r.checkpoints);
    let foreign_out = cohort::worker::runtime::RoundOutput {
        checkpoints: steps.into_iter().zip(r.checkpoints.clone()).collect(),
        end_step: 30,
        metrics: Default::default(),
        work_units: spec_units,
        init_root: None,
        ..Default::default()
    };

    // The relisted cheat: 3 real steps from the seeded init, their checkpoints listed at the
    // K-grid 0, 10, 20, 30. Every span re-runs one step from the step inside its `from` file
    // to the one inside its `to` file and matches bit for bit, and 3 steps do not raise the
    // validation loss: only the steps inside the files give the 90% of skipped work away.
    rt.block_on(relisted.fetch_data()).unwrap();
    let mut o = cohort::trainer::TrainOptions::new(
        relisted.data.clone(),
        model.clone(),
        training.clone(),
        w.join("relisted-run"),
    );
    o.steps = Some(3);
    o.seed = Some(seed);
    o.worker = dev_address(4).into_array();
    o.start_step = Some(0);
    o.checkpoint_every = Some(1);
    o.device = cohort::trainer::DeviceChoice::Cpu;
    let r = cohort::trainer::train(&o, &cohort::progress::Silent).unwrap();
    assert_eq!(r.checkpoints.len(), 4, "{:?}", r.checkpoints);
    let relisted_out = cohort::worker::runtime::RoundOutput {
        checkpoints: [0, 10, 20, 30]
            .into_iter()
            .zip(r.checkpoints.clone())
            .collect(),
        end_step: 30,
        metrics: Default::default(),
        work_units: spec_units,
        init_root: None,
        ..Default::default()
    };

    let start = Instant::now();
    while rt.block_on(sparse.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "the coordinator never started the job:\n{}",
            std::fs::read_to_string(&coord_log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    for (wk, out) in [
        (&mut sparse, &sparse_out),
        (&mut foreign, &foreign_out),
        (&mut relisted, &relisted_out),
    ] {
        let (root, b) = rt.block_on(wk.upload_round(0, out)).unwrap();
        rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();
    }

    let start = Instant::now();
    loop {
        if let Some(st) = procs.0[0].try_wait().unwrap() {
            assert!(
                st.success(),
                "coordinator failed:\n{}",
                std::fs::read_to_string(&coord_log).unwrap()
            );
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "the job did not complete:\n{}",
            std::fs::read_to_string(&coord_log).unwrap()
        );
        std::thread::sleep(Duration::from_millis(300));
    }

    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed", "{show:#}");
    let subs = show["rounds"][0]["submissions"].as_array().unwrap();
    let by = |i: u32| {
        let a = format!("{:#x}", dev_address(i));
        subs.iter()
            .find(|s| s["worker"].as_str().unwrap().eq_ignore_ascii_case(&a))
            .unwrap_or_else(|| panic!("no submission of dev:{i}: {show:#}"))
            .clone()
    };
    let honest = by(1);
    assert_eq!(honest["status"], "accepted", "{honest:#}");
    assert_eq!(honest["verdict"], "accepted");
    assert_eq!(honest["work_units"], spec_units.to_string());
    // Two of the three K-spans were re-executed, each a real [s, s+10] span of the grid.
    let spans = honest["checked_spans"].as_array().unwrap();
    assert_eq!(spans.len(), 2, "{honest:#}");
    for s in spans {
        let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
        assert!(a % 10 == 0 && b == a + 10 && b <= 30, "{s}");
    }
    assert!(honest["delta_loss"].as_f64().unwrap() < 0.0, "{honest:#}");

    let sp = by(2);
    assert_eq!(sp["status"], "rejected", "{sp:#}");
    let reason = sp["reason"].as_str().unwrap();
    assert!(
        reason.contains("checkpoints are at steps") && reason.contains("[0, 10, 20, 30]"),
        "{reason}"
    );
    assert_eq!(sp["reason_code"], "checkpoint_layout", "{sp:#}");
    assert!(
        sp["checked_spans"].as_array().unwrap().is_empty(),
        "rejected before anything is re-executed: {sp:#}"
    );

    let fo = by(3);
    assert_eq!(fo["status"], "rejected", "{fo:#}");
    let reason = fo["reason"].as_str().unwrap();
    assert!(reason.contains("seeded initial weights"), "{reason}");
    assert_eq!(fo["reason_code"], "wrong_init", "{fo:#}");

    let re = by(4);
    assert_eq!(re["status"], "rejected", "{re:#}");
    let reason = re["reason"].as_str().unwrap();
    assert!(
        reason.contains("listed at step 10 is at step 1 inside its file"),
        "{reason}"
    );
    assert_eq!(re["reason_code"], "step_mismatch", "{re:#}");

    // The round report records the seed block; anyone recomputes the same draw from it.
    let report_root = show["rounds"][0]["report_root"].as_str().unwrap();
    let rep = w.join("report.json");
    net.json(&[
        "storage",
        "download",
        report_root,
        "-o",
        rep.to_str().unwrap(),
    ]);
    let rep: Value = serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
    let block = &rep["seed_block"];
    assert!(block["number"].as_u64().unwrap() > 0, "{rep:#}");
    let hash: alloy::primitives::B256 = block["hash"].as_str().unwrap().parse().unwrap();
    let bundle: alloy::primitives::B256 = honest["bundle_root"].as_str().unwrap().parse().unwrap();
    let seed_block = cohort::jobs::spans::SeedBlock {
        number: block["number"].as_u64().unwrap(),
        hash,
    };
    let picks = cohort::jobs::spans::draw(&seed_block, job, 0, dev_address(1), bundle, 3, 2);
    let want: Vec<Value> = picks
        .iter()
        .map(|i| serde_json::json!([i * 10, i * 10 + 10]))
        .collect();
    assert_eq!(spans, &want);
    // What the member measured is in its own check report, named by its vote.
    let check_root = show["rounds"][0]["member_votes"][0]["report_root"]
        .as_str()
        .unwrap();
    let check = w.join("check.json");
    net.json(&[
        "storage",
        "download",
        check_root,
        "-o",
        check.to_str().unwrap(),
    ]);
    let check: Value = serde_json::from_slice(&std::fs::read(&check).unwrap()).unwrap();
    assert_eq!(
        check["record_root"].as_str(),
        Some(report_root),
        "{check:#}"
    );
    assert!(check["start_val_loss"].as_f64().is_some(), "{check:#}");
    assert!(rep.get("start_val_loss").is_none(), "{rep:#}");

    // `job audit` reaches the committee's verdict: the same spans, the same outcome.
    let audit = net.json(&[
        "job",
        "audit",
        &job_s,
        "--round",
        "0",
        "--worker",
        &format!("{:#x}", dev_address(1)),
    ]);
    assert_eq!(audit["verdict_matches_record"], true, "{audit:#}");
    assert_eq!(audit["verdict"]["checked_spans"], Value::Array(want));

    // … and so does the relisted worker's audit: no span holds at its listed steps.
    let (code, out, err) = run(
        net.home.path(),
        &[
            "job",
            "audit",
            &job_s,
            "--round",
            "0",
            "--worker",
            &format!("{:#x}", dev_address(4)),
            "--json",
        ],
    );
    assert_eq!(code, 5, "{out}\n{err}");
    let audit: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(audit["match"], false, "{audit:#}");
    assert_eq!(audit["verdict_matches_record"], true, "{audit:#}");
    assert_eq!(audit["verdict"]["accepted"], false, "{audit:#}");
    let spans = audit["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 3, "{audit:#}");
    assert!(
        spans
            .iter()
            .all(|s| s["accepted"] == false
                && s["problem"].as_str().unwrap().contains("not trained")),
        "{audit:#}"
    );

    // The whole history verifies, deep (every span of every submission re-executed).
    let v = net.json(&["verify", &job_s, "--deep"]);
    assert_eq!(v["verified"], true, "{v:#}");
    let links = v["links"].as_array().unwrap();
    for name in [
        "job bundle",
        "round 0 aggregate",
        "final model",
        "compute units",
    ] {
        assert!(
            links
                .iter()
                .any(|l| l["link"] == name && l["holds"] == true),
            "{name}: {v:#}"
        );
    }
    assert!(
        links
            .iter()
            .any(|l| l["link"].as_str().unwrap().contains("file part1.txt"))
    );
}

/// Where segment 0's data lies on the devnet's node 0, for every tx whose root is `root`: the
/// file (`<index>.seg`, or a pack of one upload request) and the data's offset in it. The node's
/// formats (src/node/store.rs): `.seg` is "CSG1", proof length (u32), proof, data; a pack is
/// "CSP1", count (u32), count × (index u64, proof length u32, data length u32), then each
/// segment's proof and data in that order.
fn node_segments(home: &Path, root: &str) -> Vec<(PathBuf, usize)> {
    let node = home.join("devnet").join("node0");
    let mut out = Vec::new();
    for e in std::fs::read_dir(node.join("txs")).unwrap() {
        let p = e.unwrap().path();
        let Ok(v) = serde_json::from_slice::<Value>(&std::fs::read(&p).unwrap()) else {
            continue;
        };
        if !v["root"]
            .as_str()
            .is_some_and(|r| r.eq_ignore_ascii_case(root))
        {
            continue;
        }
        let dir = node
            .join("segs")
            .join(v["seq"].as_u64().unwrap().to_string());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for f in entries {
            let f = f.unwrap().path();
            let b = std::fs::read(&f).unwrap();
            let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as usize;
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if name == "0.seg" {
                out.push((f.clone(), 8 + u32_at(4)));
            } else if name.ends_with(".pack") {
                let count = u32_at(4);
                let mut at = 8 + 16 * count;
                for k in 0..count {
                    let e = 8 + 16 * k;
                    let index = u64::from_le_bytes(b[e..e + 8].try_into().unwrap());
                    let (proof, data) = (u32_at(e + 8), u32_at(e + 12));
                    if index == 0 {
                        out.push((f.clone(), at + proof));
                    }
                    at += proof + data;
                }
            }
        }
    }
    out
}

/// Flips one byte of a stored segment's data.
fn corrupt((file, at): &(PathBuf, usize)) {
    let mut b = std::fs::read(file).unwrap();
    b[*at] ^= 0x01;
    std::fs::write(file, b).unwrap();
}

#[test]
fn verify_the_quickstart_token_then_a_corrupted_dataset_file_breaks_its_link() {
    let home = Home::new();
    struct Down<'a>(&'a Home);
    impl Drop for Down<'_> {
        fn drop(&mut self) {
            let _ = self.0.cmd().args(["devnet", "down"]).output();
        }
    }
    let _down = Down(&home);
    let r = home.json(&[
        "quickstart",
        "--port",
        "0",
        "--rounds",
        "1",
        "--steps",
        "20",
    ]);
    let sym = r["symbol"].as_str().unwrap().to_string();
    let v = home.json(&["verify", &sym]);
    assert_eq!(v["verified"], true, "{v:#}");
    let links = v["links"].as_array().unwrap();
    for needle in [
        "contribution weights",
        "round 0 aggregate",
        "final model",
        "allocations",
        "model root",
    ] {
        assert!(
            links
                .iter()
                .any(|l| l["link"].as_str().unwrap().contains(needle) && l["holds"] == true),
            "{needle}: {v:#}"
        );
    }
    // The quickstart's paid queries were settled on the usage ledger: the revenue link replays
    // the token's deposits and claims and matches those settlements to what reached the token.
    let revenue = links
        .iter()
        .find(|l| l["link"].as_str().unwrap().contains("revenue"))
        .unwrap_or_else(|| panic!("no revenue link: {v:#}"));
    let detail = revenue["detail"].as_str().unwrap();
    assert_eq!(revenue["holds"], true, "{detail}");
    assert!(
        !detail.contains(" from 0 usage settlements"),
        "the quickstart's settlement is matched: {detail}"
    );
    // One byte of one dataset file, changed on the node that serves it.
    let file = links
        .iter()
        .find(|l| l["link"].as_str().unwrap().contains(" file "))
        .unwrap_or_else(|| panic!("no dataset file link: {v:#}"));
    let name = file["link"].as_str().unwrap().to_string();
    let root = file["root"].as_str().unwrap().to_string();
    let segs = node_segments(home.path(), &root);
    assert!(!segs.is_empty(), "no stored segment of {root}");
    for s in &segs {
        corrupt(s);
    }
    let (code, out, err) = run(home.path(), &["verify", &sym]);
    assert_eq!(code, 5, "{out}\n{err}");
    assert!(err.contains(&name), "names the link '{name}':\n{err}");
    let (code, out, _) = run(home.path(), &["verify", &sym, "--json"]);
    assert_eq!(code, 5);
    // --json: the whole report on stdout, every link with its verdict, the broken one first.
    let j: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(j["verified"], false, "{j:#}");
    assert_eq!(j["first_broken"], name.as_str(), "{j:#}");
}

const EXEC_SCRIPT: &str = r#"#!/bin/sh
# A deterministic exec trainer: cohort's own trainer from the round's starting checkpoint.
set -e
INIT=""
if [ -n "$COHORT_JOB_INIT_CHECKPOINT" ]; then
  INIT="--init $COHORT_JOB_INIT_CHECKPOINT --fresh-optimizer"
fi
cohort train --data "$COHORT_JOB_DATA_DIR" --config "$1" --out run \
  --seed "$COHORT_JOB_SEED" --round "$COHORT_JOB_ROUND" --steps "$COHORT_JOB_STEPS" $INIT \
  -q --no-progress > /dev/null
cp "$(ls run/step-*.safetensors | sort | tail -n 1)" "$COHORT_JOB_OUTPUT_DIR/model.safetensors"
echo '{"tokens": 99999999}' > "$COHORT_JOB_OUTPUT_DIR/metrics.json"
"#;

const EXEC_INNER: &str = r#"[model]
layers = 1
width = 32
heads = 2
context = 32

[training]
batch_size = 8
learning_rate = 1e-2
warmup_steps = 2
steps = 20
seed = 3
eval_windows = 16
"#;

/// An exec job that declares its command deterministic: the coordinator (with --allow-exec)
/// re-runs each round; the honest worker's work reproduces, units are the spec's whatever
/// metrics.json says, and a round-1 submission that made the model worse is rejected on Δloss.
#[test]
fn exec_work_is_rerun_units_come_from_the_spec_and_a_worse_model_is_rejected() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "verify-text", &["part1.txt"]);
    let dir = w.join("exec-job");
    crate::common::write(&dir, "train.sh", EXEC_SCRIPT);
    crate::common::write(&dir, "inner.toml", EXEC_INNER);
    let spec = crate::common::write(
        &dir,
        "job.toml",
        r#"[model]
trainer = "exec"
command = ["sh", "train.sh", "inner.toml"]
deterministic = true

[training]
seed = 3
steps = 20
batch_size = 8
eval_windows = 16

[job]
datasets = ["verify-text"]
rounds = 2
reward_per_round = "0.1ether"
max_workers = 2
round_timeout = 900
"#,
    );
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap();
    let job_s = job.to_string();
    net.json(&["worker", "register", "--wallet", "dev:1"]);
    net.json(&["worker", "register", "--wallet", "dev:2"]);
    // Without --allow-exec the coordinator refuses: checking re-runs the command.
    let (code, err) = net.fails(&["job", "coordinate", &job_s, "--wallet", "dev:0"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--allow-exec") && err.contains("sh train.sh"),
        "{err}"
    );

    // The exec trainer calls `cohort`, on the coordinator's side (checking) as on the workers'.
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    let with_path = |args: &[&str], log: &Path| spawn_with_cohort_on_path(&net, args, log);
    let coord_log = logs.join("coordinator.log");
    procs.0.push(with_path(
        &[
            "job",
            "coordinate",
            &job_s,
            "--allow-exec",
            "--poll",
            "0.3",
            "--wallet",
            "dev:0",
            "--json",
        ],
        &coord_log,
    ));
    let state = w.join("honest");
    procs.0.push(with_path(
        &[
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            "dev:1",
            "--allow-exec",
            "--poll",
            "0.3",
            "--state-dir",
            state.to_str().unwrap(),
        ],
        &logs.join("honest.log"),
    ));
    // The cheat joins once the job runs (so from round 1) and submits, in round 1, weights that
    // are worse than the round's start: a fresh init.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let paths = cohort::config::Paths::under(net.home.path());
    let client =
        cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap();
    let mut cheat = rt
        .block_on(cohort::worker::Worker::open(
            &client,
            cohort::devnet::dev_signer(2).unwrap(),
            job,
            true,
            &w.join("cheat"),
            3,
            cohort::progress::silent(),
        ))
        .unwrap();
    let start = Instant::now();
    while rt.block_on(cheat.market.job(job)).unwrap().state != cohort::jobs::JobState::Running {
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "the job never started:\n{}",
            std::fs::read_to_string(&coord_log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    rt.block_on(cheat.join()).unwrap();
    let inner = cohort::jobspec::JobSpec::parse(EXEC_INNER, "inner.toml").unwrap();
    let model = inner.model.config();
    let worse = w.join("worse.safetensors");
    let weights = cohort::trainer::verify::initial_weights(&model, 99).unwrap();
    // With AdamW state, as the command's outputs: the round's layout, so that only Δloss
    // tells it apart.
    let zeros: std::collections::BTreeMap<String, Vec<f32>> = weights
        .iter()
        .map(|(n, (_, d))| (n.clone(), vec![0.0; d.len()]))
        .collect();
    cohort::trainer::Checkpoint {
        config: model.clone(),
        step: 40,
        weights,
        optimizer: Some(cohort::trainer::optim::AdamW {
            t: 0,
            m: zeros.clone(),
            v: zeros,
        }),
        info: Default::default(),
    }
    .save(&worse)
    .unwrap();
    let start = Instant::now();
    while rt.block_on(cheat.market.job(job)).unwrap().current_round < 1 {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "round 0 never finalized:\n{}",
            std::fs::read_to_string(&coord_log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = cohort::worker::runtime::RoundOutput {
        checkpoints: vec![(40, worse)],
        end_step: 40,
        metrics: Default::default(),
        work_units: 20 * 8 * 64,
        init_root: None,
        ..Default::default()
    };
    let (root, b) = rt.block_on(cheat.upload_round(1, &out)).unwrap();
    rt.block_on(cheat.submit_round(1, root, b.work_units))
        .unwrap();

    let start = Instant::now();
    loop {
        if let Some(st) = procs.0[0].try_wait().unwrap() {
            assert!(
                st.success(),
                "coordinator failed:\n{}",
                std::fs::read_to_string(&coord_log).unwrap()
            );
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "the job did not complete:\n{}",
            std::fs::read_to_string(&coord_log).unwrap()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "completed", "{show:#}");
    let rounds = show["rounds"].as_array().unwrap();
    let honest_addr = format!("{:#x}", dev_address(1));
    for r in rounds {
        let h = r["submissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| {
                s["worker"]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case(&honest_addr)
            })
            .unwrap()
            .clone();
        assert_eq!(h["status"], "accepted", "{r:#}");
        // 20 steps × 8 sequences × 64 bytes (the spec's default context), not metrics.json's.
        assert_eq!(h["work_units"], "10240");
        // The deterministic command was re-run over the whole round.
        assert_eq!(h["checked_spans"].as_array().unwrap().len(), 1, "{h:#}");
    }
    let r1 = &rounds[1];
    let h1 = r1["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["worker"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&honest_addr)
        })
        .unwrap();
    assert!(h1["delta_loss"].as_f64().unwrap() <= 0.05, "{h1:#}");
    let cheat_addr = format!("{:#x}", dev_address(2));
    let c = r1["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["worker"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&cheat_addr)
        })
        .unwrap_or_else(|| panic!("no cheat submission: {r1:#}"));
    assert_eq!(c["status"], "rejected", "{c:#}");
    assert!(c["delta_loss"].as_f64().unwrap() > 0.05, "{c:#}");
    assert!(
        c["reason"].as_str().unwrap().contains("max_loss_increase"),
        "{c:#}"
    );
}

/// Storage that lost a file after the fact: `cohort verify` breaks the link of the file it could
/// not fetch intact and reports what is recomputed from it as not checked (`holds` null), never
/// as the fault of the workers or the committee. First an accepted submission's final
/// checkpoint: that submission's link breaks, saying what failed (not a span draw it never
/// reached), and the aggregate, recomputed from it, is not checked. Then a dataset file: its link
/// is the only kind that breaks, every submission and aggregate re-checked on the data is not
/// checked.
#[test]
fn verify_breaks_the_link_of_a_lost_file_and_leaves_what_depends_on_it_unchecked() {
    let home = Home::new();
    struct Down<'a>(&'a Home);
    impl Drop for Down<'_> {
        fn drop(&mut self) {
            let _ = self.0.cmd().args(["devnet", "down"]).output();
        }
    }
    let _down = Down(&home);
    let r = home.json(&[
        "quickstart",
        "--port",
        "0",
        "--rounds",
        "1",
        "--steps",
        "20",
    ]);
    let job = r["job_id"].as_u64().unwrap().to_string();
    let shown = home.json(&["job", "show", &job]);
    let subs = shown["rounds"][0]["submissions"]
        .as_array()
        .unwrap()
        .clone();
    assert!(subs.len() >= 2, "{shown:#}");
    assert!(subs.iter().all(|s| s["status"] == "accepted"), "{shown:#}");
    let lost = &subs[0];
    let lost_worker = lost["worker"].as_str().unwrap().to_lowercase();
    let last = lost["checkpoints"].as_array().unwrap().last().unwrap();
    let ckpt_root = last[1].as_str().unwrap().to_string();
    let segs = node_segments(home.path(), &ckpt_root);
    assert!(!segs.is_empty(), "no stored segment of {ckpt_root}");
    for s in &segs {
        corrupt(s);
    }
    let link = |j: &Value, pred: &dyn Fn(&str) -> bool| -> Vec<Value> {
        j["links"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| pred(l["link"].as_str().unwrap()))
            .cloned()
            .collect()
    };
    let (code, out, err) = run(home.path(), &["verify", &job, "--json"]);
    assert_eq!(code, 5, "{out}\n{err}");
    let j: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let sub_links = link(&j, &|n| n.starts_with("round 0 submission "));
    assert_eq!(sub_links.len(), subs.len(), "{j:#}");
    for l in &sub_links {
        let name = l["link"].as_str().unwrap().to_lowercase();
        let detail = l["detail"].as_str().unwrap();
        if name.ends_with(&lost_worker) {
            assert_eq!(l["holds"], false, "{l:#}");
            assert!(
                detail.contains("rejected") && detail.contains("could not be fetched"),
                "says what failed: {detail}"
            );
            assert!(
                !detail.contains("seed block draws"),
                "the report's spans are the ones the seed block draws: {detail}"
            );
        } else {
            assert_eq!(l["holds"], true, "{l:#}");
        }
    }
    assert_eq!(
        j["first_broken"].as_str().unwrap().to_lowercase(),
        format!("round 0 submission {lost_worker}"),
        "{j:#}"
    );
    let agg = link(&j, &|n| n == "round 0 aggregate");
    assert_eq!(agg.len(), 1, "{j:#}");
    assert_eq!(agg[0]["holds"], Value::Null, "not checked: {:#}", agg[0]);
    let detail = agg[0]["detail"].as_str().unwrap();
    assert!(
        detail.contains("not checked") && detail.to_lowercase().contains(&lost_worker),
        "names the submission that failed: {detail}"
    );
    for name in ["final model", "compute units"] {
        assert_eq!(link(&j, &|n| n == name)[0]["holds"], true, "{name}: {j:#}");
    }

    // Now one dataset file too.
    let file = link(&j, &|n| n.contains(" file ")).remove(0);
    let file_name = file["link"].as_str().unwrap().to_string();
    let segs = node_segments(home.path(), file["root"].as_str().unwrap());
    assert!(!segs.is_empty(), "no stored segment of {file:#}");
    for s in &segs {
        corrupt(s);
    }
    let (code, out, err) = run(home.path(), &["verify", &job, "--json"]);
    assert_eq!(code, 5, "{out}\n{err}");
    let j: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(j["verified"], false, "{j:#}");
    assert_eq!(j["first_broken"], file_name.as_str(), "{j:#}");
    let broken: Vec<&str> = j["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["holds"] == false)
        .map(|l| l["link"].as_str().unwrap())
        .collect();
    assert_eq!(
        broken,
        vec![file_name.as_str()],
        "only the lost file: {j:#}"
    );
    let unchecked = link(&j, &|n| n.starts_with("round 0 "))
        .into_iter()
        .filter(|l| l["link"] != "round 0 report")
        .collect::<Vec<_>>();
    assert_eq!(unchecked.len(), subs.len() + 1, "{j:#}");
    for l in &unchecked {
        assert_eq!(l["holds"], Value::Null, "{l:#}");
        assert!(
            l["detail"].as_str().unwrap().contains(&file_name),
            "names the lost file: {l:#}"
        );
    }
    // The text report marks them apart from the broken link.
    let (code, out, err) = run(home.path(), &["verify", &job]);
    assert_eq!(code, 5, "{out}\n{err}");
    assert!(err.contains(&file_name), "{err}");
    assert_eq!(out.matches("\n  BAD ").count(), 1, "{out}");
    assert!(
        out.contains("\n  --- round 0 aggregate: not checked"),
        "{out}"
    );
}

/// `model verify` judges a span as `job audit` does: a claim a rounding step away from the
/// re-run is within the default tolerance (exit 0, said so), `--tolerance 0` accepts no difference
/// (exit 5), and a negative tolerance is a usage error.
#[test]
fn model_verify_accepts_rounding_within_the_tolerance_and_zero_demands_identical_bits() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("micro.toml");
    std::fs::write(
        &spec,
        "[model]\nlayers = 1\nwidth = 32\nheads = 2\ncontext = 32\n\n\
         [training]\nbatch_size = 8\nsteps = 20\ncheckpoint_every = 10\neval_windows = 8\nseed = 5\n",
    )
    .unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let out = dir.path().join("run");
    let (code, o, e) = run(
        dir.path(),
        &[
            "train",
            "--data",
            corpus.to_str().unwrap(),
            "--config",
            spec.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-q",
            "--no-progress",
        ],
    );
    assert_eq!(code, 0, "{o}\n{e}");
    let mut steps: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("step-") && n.ends_with(".safetensors")
        })
        .collect();
    steps.sort();
    assert!(steps.len() >= 2, "{steps:?}");
    let (from, claimed) = (&steps[steps.len() - 2], &steps[steps.len() - 1]);
    // One weight one rounding step (ulp) off: what another CPU's last bits look like.
    let mut ck = cohort::trainer::Checkpoint::load(claimed).unwrap();
    let x = ck
        .weights
        .values_mut()
        .flat_map(|(_, v)| v.iter_mut())
        .find(|x| x.abs() > 1e-3)
        .unwrap();
    *x = f32::from_bits(x.to_bits() + 1);
    let nudged = dir.path().join("nudged.safetensors");
    ck.save(&nudged).unwrap();
    let verify = |claim: &Path, extra: &[&str]| {
        let mut args = vec![
            "model",
            "verify",
            "--from",
            from.to_str().unwrap(),
            "--claimed",
            claim.to_str().unwrap(),
            "--data",
            corpus.to_str().unwrap(),
            "--config",
            spec.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        run(dir.path(), &args)
    };
    let (code, o, e) = verify(claimed, &["--json"]);
    assert_eq!(code, 0, "{o}\n{e}");
    let j: Value = serde_json::from_str(&o).unwrap();
    assert_eq!(j["identical"], true, "{j:#}");
    assert_eq!(j["accepted"], true, "{j:#}");

    let (code, o, e) = verify(&nudged, &["--json"]);
    assert_eq!(code, 0, "within the default tolerance:\n{o}\n{e}");
    let j: Value = serde_json::from_str(&o).unwrap();
    assert_eq!(j["identical"], false, "{j:#}");
    assert_eq!(j["accepted"], true, "{j:#}");
    let d = j["max_abs_diff"].as_f64().unwrap();
    assert!(
        d > 0.0 && d <= j["tolerance"]["absolute"].as_f64().unwrap(),
        "{j:#}"
    );
    let (code, o, e) = verify(&nudged, &[]);
    assert_eq!(code, 0, "{o}\n{e}");
    assert!(o.starts_with("within tolerance"), "{o}");

    let (code, o, e) = verify(&nudged, &["--tolerance", "0"]);
    assert_eq!(code, 5, "bit-identical demanded:\n{o}\n{e}");
    assert!(o.starts_with("DIFFERENT"), "{o}");
    let (code, o, e) = verify(&nudged, &["--tolerance=-1"]);
    assert_eq!(code, 2, "{o}\n{e}");
    assert!(e.contains("--tolerance"), "{e}");
}
