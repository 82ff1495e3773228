//! Committees, bonds and the committed split on a real devnet: committee members are separate
//! dev accounts running `cohort job coordinate` (or voting through the library), workers post
//! bonds, a dishonest worker loses its bond on chain, a round the committee abandons is closed
//! by a third party after the grace period, and tokenize keeps the split committed at submit.
#![allow(clippy::disallowed_macros)] // the gas test prints its figures (docs/gas.md)

use std::path::Path;
use std::time::{Duration, Instant};

use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use cohort::chain::bindings::{JobMarket as JobMarketAbi, ModelToken};
use cohort::jobs::{JobMarket, JobState, RoundVerdict, WorkStatus};
use serde_json::Value;

use crate::common::procs::{Reaper, sealed_dataset, spawn};
use crate::common::{Devnet, dev_address, forward, warp, wei, write};

const ETH: u128 = 1_000_000_000_000_000_000;
const REWARD: u128 = ETH / 5; // 0.2 ether per round
const BOND: u128 = ETH / 100; // 0.01 ether

/// One K-span per round (steps = checkpoint_every), so every member checks the same span. Two
/// members must agree (one when the committee is one member).
fn spec_text(dataset: &str, committee: &[u32], timeout: u64, grace: u64) -> String {
    let threshold = committee.len().min(2);
    let members = committee
        .iter()
        .map(|i| format!("\"{:#x}\"", dev_address(*i)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"[model]
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
steps = 20
checkpoint_every = 5
eval_windows = 16

[verify]
spans = 2

[job]
datasets = ["{dataset}"]
rounds = 2
reward_per_round = "0.2ether"
max_workers = 4
round_timeout = {timeout}
bond = "0.01ether"
committee = [{members}]
threshold = {threshold}
grace = {grace}
max_service_fee = "12.5%"

[job.split]
owner = "10%"
data = "30%"
compute = "60%"
"#
    )
}

/// Units of one round's work in the spec above: steps × batch × context.
const UNITS: u128 = 20 * 8 * 32;

fn client(net: &Devnet) -> cohort::client::Client {
    let paths = cohort::config::Paths::under(net.home.path());
    cohort::client::Client::load(paths, &cohort::config::Overrides::default()).unwrap()
}

fn worker(
    rt: &tokio::runtime::Runtime,
    net: &Devnet,
    dev: u32,
    job: u64,
    dir: &Path,
) -> cohort::worker::Worker {
    rt.block_on(cohort::worker::Worker::open(
        &client(net),
        cohort::devnet::dev_signer(dev).unwrap(),
        job,
        false,
        dir,
        3,
        cohort::progress::silent(),
    ))
    .unwrap()
}

fn signer(market: &JobMarket, dev: u32) -> cohort::chain::SignerChain {
    market
        .chain
        .with_signer(cohort::devnet::dev_signer(dev).unwrap())
        .unwrap()
}

/// Waits for `f`; past `limit` fails with every log in `logs` (the members' and workers').
fn wait_for(what: &str, limit: Duration, logs: &Path, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        if start.elapsed() > limit {
            panic!("timed out waiting for {what}\n{}", all_logs(logs));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Sends `sig` (STOP, CONT) to each of `children`.
fn signal(children: &[std::process::Child], sig: &str) {
    for c in children {
        let st = std::process::Command::new("kill")
            .args([format!("-{sig}"), c.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success(), "kill -{sig} {}", c.id());
    }
}

/// Every log in `logs`, each under its path.
fn all_logs(logs: &Path) -> String {
    let mut files: Vec<_> = std::fs::read_dir(logs)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut all = String::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        all.push_str(&format!("--- {}\n{text}\n", f.display()));
    }
    all
}

/// A job (committee dev:5–7, round timeout 600 s, `grace`) that dev:1 and dev:2 joined through
/// the library, not started.
struct Joined {
    net: Devnet,
    work: tempfile::TempDir,
    rt: tokio::runtime::Runtime,
    job: u64,
    workers: Vec<cohort::worker::Worker>,
    market: JobMarket,
}

fn two_workers_joined(grace: u64) -> Joined {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let job = submit_job(&net, w, &[5, 6, 7], 600, grace);
    for i in [1, 2] {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut workers: Vec<_> = [1u32, 2]
        .iter()
        .map(|i| worker(&rt, &net, *i, job, &w.join(format!("s{i}"))))
        .collect();
    for wk in &mut workers {
        rt.block_on(wk.join()).unwrap();
    }
    let market = workers[0].market.clone();
    Joined {
        net,
        work,
        rt,
        job,
        workers,
        market,
    }
}

/// [`two_workers_joined`], started by its owner (dev:0).
fn two_workers_started(grace: u64) -> Joined {
    let j = two_workers_joined(grace);
    j.rt.block_on(
        j.market
            .start_job(&signer(&j.market, 0), j.job, &cohort::progress::Silent),
    )
    .unwrap();
    j
}

/// A started job whose committee is dev:5 alone, with dev:1 joined through the library.
struct Started {
    net: Devnet,
    work: tempfile::TempDir,
    rt: tokio::runtime::Runtime,
    job: u64,
    wk: cohort::worker::Worker,
    market: JobMarket,
}

fn one_worker_started() -> Started {
    let s = one_worker_joined();
    let silent = cohort::progress::Silent;
    s.rt.block_on(s.market.start_job(&signer(&s.market, 0), s.job, &silent))
        .unwrap();
    s
}

/// A job of the committee `[dev:5]` that dev:1 joined (state folder `s1`), not started yet.
fn one_worker_joined() -> Started {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let job = submit_job(&net, w, &[5], 600, 600);
    net.json(&["worker", "register", "--wallet", "dev:1"]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut wk = worker(&rt, &net, 1, job, &w.join("s1"));
    rt.block_on(wk.join()).unwrap();
    let market = wk.market.clone();
    Started {
        net,
        work,
        rt,
        job,
        wk,
        market,
    }
}

fn submit_job(net: &Devnet, w: &Path, committee: &[u32], timeout: u64, grace: u64) -> u64 {
    let spec = write(
        w,
        "job.toml",
        spec_text("fixture-text", committee, timeout, grace),
    );
    let sub = net.json(&["job", "submit", spec.to_str().unwrap()]);
    sub["job_id"].as_u64().unwrap()
}

#[test]
fn a_two_of_three_committee_finalizes_without_one_member_outvotes_a_dissenter_and_slashes_a_cheat()
{
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let job = submit_job(&net, w, &[5, 6, 7], 900, 600);
    let job_s = job.to_string();

    // The committed terms are on chain and in `job show`.
    let show = net.json(&["job", "show", &job_s]);
    let t = &show["job"]["terms"];
    assert_eq!(t["threshold"], 2);
    assert_eq!(t["committee"].as_array().unwrap().len(), 3);
    assert_eq!(wei(&t["bond"]), BOND);
    assert_eq!(
        (&t["owner_bps"], &t["data_bps"], &t["compute_bps"]),
        (&Value::from(1000), &Value::from(3000), &Value::from(6000))
    );
    assert_eq!(t["max_service_fee_bps"], 1250);
    assert_eq!(t["spans"], 2);
    assert_eq!(t["checkpoint_every"], 5);
    assert_eq!(wei(&t["units_per_submission"]), UNITS);

    for i in [1, 2] {
        net.json(&["worker", "register", "--wallet", &format!("dev:{i}")]);
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    // dev:2 cheats through the library: joins with its bond, submits tampered work.
    let mut cheat = worker(&rt, &net, 2, job, &w.join("cheat"));
    let market = cheat.market.clone();
    // Joining without the bond is refused on chain.
    let s2 = signer(&market, 2);
    let jm = JobMarketAbi::new(market.address, &s2.provider);
    let err = rt
        .block_on(async { jm.join(U256::from(job)).from(dev_address(2)).call().await })
        .expect_err("join without a bond");
    assert!(
        cohort::chain::describe_contract_error(&market.chain.rpc_url, err)
            .message
            .contains("WrongBond")
    );
    rt.block_on(cheat.join()).unwrap();
    let p = rt
        .block_on(market.participant_record(job, dev_address(2)))
        .unwrap();
    assert_eq!(p.bond, U256::from(BOND));

    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    // Members dev:5 and dev:6 coordinate; dev:7 does not vote in round 0. Their logs and the
    // worker's hold their progress events, for a failure to show.
    for m in [5, 6] {
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
                &format!("dev:{m}"),
                "--progress",
                "json",
                "--json",
            ],
            &logs.join(format!("member{m}.log")),
        ));
    }
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
            w.join("s1").to_str().unwrap(),
            "--poll",
            "0.3",
            "--progress",
            "json",
        ],
        &logs.join("w1.log"),
    ));
    wait_for("the job to start", Duration::from_secs(120), &logs, || {
        rt.block_on(market.job(job)).unwrap().state == JobState::Running
    });
    // dev:2 has not submitted yet, so round 0 takes no vote: dev:7 cannot close it early (which
    // would shut dev:2 out and give the round to whoever submitted first).
    let early = rt.block_on(market.vote_verdict(
        &signer(&market, 7),
        job,
        0,
        B256::repeat_byte(0x55),
        B256::repeat_byte(0x77),
        &cohort::progress::Silent,
    ));
    let err = early.expect_err("a vote while dev:2 may still submit");
    assert_eq!(err.revert(), Some("SubmissionsOpen"), "{err}");
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
    rt.block_on(cheat.upload_round(0, &out)).unwrap();
    // `worker run` in the cheat's state folder submits the uploaded bundle, then waits for the
    // verdict.
    let cheat_dir = w.join("cheat");
    let cheat_log = logs.join("cheat.log");
    procs.0.push(spawn(
        &net,
        &[
            "worker",
            "run",
            "--job",
            &job_s,
            "--wallet",
            "dev:2",
            "--state-dir",
            cheat_dir.to_str().unwrap(),
            "--poll",
            "0.3",
        ],
        &cheat_log,
    ));

    // Round 0 finalizes with two of three votes: the cheat is rejected, its bond slashed to the
    // accepted worker, and it is out of the job.
    wait_for(
        "round 0 to finalize",
        Duration::from_secs(300),
        &logs,
        || rt.block_on(market.job(job)).unwrap().current_round > 0,
    );
    // The members pause until dev:7 has voted in round 1 (below): they cannot vote before dev:1's
    // round-1 submission, and dev:1 trains and uploads first.
    signal(&procs.0[..2], "STOP");
    let votes = rt.block_on(market.round_votes(job, 0)).unwrap();
    assert!(votes.agreed.is_some());
    assert_eq!(
        rt.block_on(market.vote_of(job, 0, dev_address(7))).unwrap(),
        None
    );
    // Both members drew the same 2 of the 4 spans from the seed block and re-executed them:
    // they voted the same verdict hash (which commits to the report naming the spans).
    for m in [5, 6] {
        assert_eq!(
            rt.block_on(market.vote_of(job, 0, dev_address(m))).unwrap(),
            votes.agreed
        );
    }
    let show0 = net.json(&["job", "show", &job_s]);
    let honest = show0["rounds"][0]["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| {
            x["worker"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&format!("{:#x}", dev_address(1)))
        })
        .unwrap()
        .clone();
    let spans = honest["checked_spans"].as_array().unwrap();
    assert_eq!(spans.len(), 2, "{honest}");
    for sp in spans {
        let (a, b) = (sp[0].as_u64().unwrap(), sp[1].as_u64().unwrap());
        assert!(b == a + 5 && b <= 20 && a % 5 == 0, "{honest}");
    }
    assert_ne!(spans[0], spans[1]);
    let c = rt
        .block_on(market.submission(job, 0, dev_address(2)))
        .unwrap();
    assert_eq!(c.status, WorkStatus::Rejected);
    let p = rt
        .block_on(market.participant_record(job, dev_address(2)))
        .unwrap();
    assert!(!p.active);
    assert_eq!(p.bond, U256::ZERO);
    assert_eq!(p.slashed, U256::from(BOND));
    let after0 = rt.block_on(market.job(job)).unwrap();
    assert_eq!(after0.bonds_slashed, U256::from(BOND));
    // dev:1 got the whole round's reward plus the slashed bond.
    assert_eq!(
        rt.block_on(market.earnings(dev_address(1))).unwrap(),
        U256::from(REWARD + BOND)
    );
    // The cheat's `worker run` stops, naming the slashed bond with its unit; `worker status`
    // shows it stopped, not running, and `worker earnings` lists the job with the lost bond.
    let mut st = None;
    wait_for(
        "the cheat's run to stop",
        Duration::from_secs(120),
        &logs,
        || {
            st = procs.0[3].try_wait().unwrap();
            st.is_some()
        },
    );
    let text = std::fs::read_to_string(&cheat_log).unwrap();
    assert_eq!(st.unwrap().code(), Some(1), "{text}");
    assert!(
        text.contains("is no longer in job") && text.contains("bond of 0.01 ETH was slashed"),
        "{text}"
    );
    let cheat_s = cheat_dir.to_str().unwrap();
    let status = [
        "worker",
        "status",
        "--wallet",
        "dev:2",
        "--state-dir",
        cheat_s,
    ];
    let st = net.json(&status);
    assert_eq!(st["running"], false, "{st}");
    assert_eq!(st["state"]["phase"], "stopped", "{st}");
    let text = net.home.stdout(&status);
    assert!(
        text.contains("stopped (not running; no longer in job") && text.contains("slashed"),
        "{text}"
    );
    let e = net.json(&["worker", "earnings", "--wallet", "dev:2"]);
    let lost = e["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["job_id"] == job)
        .unwrap_or_else(|| panic!("the job that slashed dev:2 is missing: {e}"));
    assert_eq!(wei(&lost["bond_slashed"]), BOND, "{e}");
    assert_eq!(lost["rejected_rounds"], serde_json::json!([0]), "{e}");
    assert_eq!(wei(&lost["paid"]), 0, "{e}");
    let text = net
        .home
        .stdout(&["worker", "earnings", "--wallet", "dev:2"]);
    assert!(text.contains("0.01 ETH (rejected [0])"), "{text}");

    // Round 1: dev:7 votes for a different verdict (rejecting dev:1) once dev:1 submitted, before
    // the two others (paused); they still decide.
    wait_for(
        "dev:1's round-1 submission",
        Duration::from_secs(300),
        &logs,
        || !rt.block_on(market.submissions(job, 1)).unwrap().is_empty(),
    );
    let bogus = RoundVerdict {
        accepted: vec![],
        units: vec![],
        rejected: vec![dev_address(1)],
        aggregate_root: B256::repeat_byte(0x66),
        report_root: B256::repeat_byte(0x77),
    };
    let voted = rt.block_on(market.vote_verdict(
        &signer(&market, 7),
        job,
        1,
        bogus.hash(job, 1),
        bogus.report_root,
        &cohort::progress::Silent,
    ));
    signal(&procs.0[..2], "CONT");
    for (i, name) in ["member 5", "member 6", "worker dev:1"].iter().enumerate() {
        let child = &mut procs.0[i];
        let mut st = None;
        wait_for(
            &format!("{name} to exit"),
            Duration::from_secs(300),
            &logs,
            || {
                st = child.try_wait().unwrap();
                st.is_some()
            },
        );
        assert!(st.unwrap().success(), "{name} failed:\n{}", all_logs(&logs));
    }
    let done = rt.block_on(market.job(job)).unwrap();
    assert_eq!(done.state, JobState::Completed);
    let agreed = rt.block_on(market.round_votes(job, 1)).unwrap().agreed;
    assert_ne!(agreed, Some(bogus.hash(job, 1)));
    // dev:7's vote landed and counted for its own verdict only.
    voted.expect("dev:7 votes while the round is open");
    assert_eq!(
        rt.block_on(market.vote_of(job, 1, dev_address(7))).unwrap(),
        Some(bogus.hash(job, 1))
    );
    assert_eq!(rt.block_on(market.round_votes(job, 1)).unwrap().votes, 3);
    let s1 = rt
        .block_on(market.submission(job, 1, dev_address(1)))
        .unwrap();
    assert_eq!(s1.status, WorkStatus::Accepted);
    // Completion returned dev:1's bond: two rounds' rewards, the slashed bond, its own bond.
    assert_eq!(
        rt.block_on(market.earnings(dev_address(1))).unwrap(),
        U256::from(2 * REWARD + 2 * BOND)
    );
    assert_eq!(done.bonds_held, U256::ZERO);
    assert_eq!(done.bonds_returned, U256::from(BOND));
    // `job show --json` has every bond and the round's votes.
    let show = net.json(&["job", "show", &job_s]);
    let bonds = show["bonds"].as_array().unwrap();
    let b2 = bonds
        .iter()
        .find(|b| b["worker"] == format!("{:#x}", dev_address(2)))
        .unwrap();
    assert_eq!(wei(&b2["slashed"]), BOND);
    let r0 = &show["rounds"][0];
    assert_eq!(wei(&r0["slashed"]), BOND);
    assert_eq!(r0["slashed_to_escrow"], false);
    assert_eq!(r0["votes"], 2);
    let paid: u128 = r0["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| wei(&s["payout"]))
        .sum();
    assert_eq!(paid, REWARD + BOND);
    // The round's and the job's `paid` count the slashed bond passed on with the reward: both
    // parts are shown, and they add up to it.
    assert_eq!(wei(&r0["paid"]), REWARD + BOND, "{r0:#}");
    assert_eq!(wei(&r0["paid_reward"]), REWARD, "{r0:#}");
    assert_eq!(wei(&r0["paid_from_slashed"]), BOND, "{r0:#}");
    let job_paid = wei(&show["job"]["paid"]);
    assert_eq!(job_paid, 2 * REWARD + BOND);
    assert_eq!(wei(&show["paid_from_slashed"]), BOND);
    assert_eq!(
        wei(&show["paid_reward"]) + wei(&show["paid_from_slashed"]),
        job_paid
    );
    // Per worker too: dev:1, accepted in both rounds, got the slashed bond; dev:2 nothing.
    let worker = |i: u32| {
        show["workers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["worker"] == format!("{:#x}", dev_address(i)))
            .unwrap()
            .clone()
    };
    assert_eq!(wei(&worker(1)["paid"]), 2 * REWARD + BOND);
    assert_eq!(wei(&worker(1)["paid_from_slashed"]), BOND);
    assert_eq!(wei(&worker(1)["paid_reward"]), 2 * REWARD);
    assert_eq!(wei(&worker(2)["paid_from_slashed"]), 0);
    let text = net.home.stdout(&["job", "show", &job_s]);
    assert!(text.contains("OF IT FROM SLASHED BONDS"), "{text}");
    assert!(
        text.contains("0.41 ETH (0.4 ETH reward + 0.01 ETH from slashed bonds)")
            && text.contains("paid 0.21 ETH (0.2 ETH reward + 0.01 ETH from slashed bonds)"),
        "{text}"
    );

    // Tokenize takes the committed split: flags that try to change it are refused, and the
    // token's pools are 10% / 30% / 60% with the committed service-fee cap.
    let (code, err) = net.fails(&[
        "model",
        "tokenize",
        &job_s,
        "--name",
        "C",
        "--symbol",
        "CMT",
        "--supply",
        "1000",
        "--owner-share",
        "100%",
        "--data-share",
        "0%",
        "--compute-share",
        "0%",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("committed"), "{err}");
    let t = net.json(&[
        "model", "tokenize", &job_s, "--name", "C", "--symbol", "CMT", "--supply", "1000",
    ]);
    let token: Address = t["token"].as_str().unwrap().parse().unwrap();
    let mt = ModelToken::new(token, &market.chain.provider);
    let e18 = U256::from(ETH);
    assert_eq!(
        rt.block_on(async { mt.dataPool().call().await }).unwrap(),
        U256::from(300u64) * e18
    );
    assert_eq!(
        rt.block_on(async { mt.computePool().call().await })
            .unwrap(),
        U256::from(600u64) * e18
    );
    assert_eq!(
        rt.block_on(async { mt.maxServiceFeeBps().call().await })
            .unwrap(),
        1250
    );
    assert_eq!(
        rt.block_on(async { mt.balanceOf(dev_address(0)).call().await })
            .unwrap(),
        U256::from(100u64) * e18
    );
}

#[test]
fn a_worker_that_never_submits_holds_the_votes_back_until_the_deadline_then_the_committee_goes_on()
{
    let Joined {
        net,
        work,
        rt,
        job,
        mut workers,
        market,
    } = two_workers_started(600);
    let (w, job_s, silent) = (work.path(), job.to_string(), cohort::progress::Silent);
    // dev:1 submits; dev:2, in the job, never does.
    let out = rt.block_on(workers[0].train_round(0)).unwrap();
    let (root, b) = rt.block_on(workers[0].upload_round(0, &out)).unwrap();
    rt.block_on(workers[0].submit_round(0, root, b.work_units))
        .unwrap();
    // Before the deadline no member may vote: dev:2 could still submit.
    let verdict = RoundVerdict {
        accepted: vec![dev_address(1)],
        units: vec![U256::from(UNITS)],
        rejected: vec![],
        aggregate_root: B256::repeat_byte(0x66),
        report_root: B256::repeat_byte(0x77),
    };
    let early = rt.block_on(market.vote_verdict(
        &signer(&market, 7),
        job,
        0,
        verdict.hash(job, 0),
        verdict.report_root,
        &silent,
    ));
    let err = early.expect_err("a vote while dev:2 may still submit");
    assert_eq!(err.revert(), Some("SubmissionsOpen"), "{err}");
    assert_eq!(err.exit_code(), 4, "{err}");

    // Two members coordinate: they wait for dev:2 until the round's deadline.
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let mut procs = Reaper(Vec::new());
    for m in [5, 6] {
        procs.0.push(spawn(
            &net,
            &[
                "job",
                "coordinate",
                &job_s,
                "--poll",
                "0.3",
                "--wallet",
                &format!("dev:{m}"),
                "--progress",
                "json",
            ],
            &logs.join(format!("member{m}.log")),
        ));
    }
    wait_for(
        "the members to wait for dev:2",
        Duration::from_secs(120),
        &logs,
        || {
            [5, 6].iter().all(|m| {
                std::fs::read_to_string(logs.join(format!("member{m}.log")))
                    .unwrap_or_default()
                    .contains("round 0: 1 of 2 submissions")
            })
        },
    );
    assert_eq!(rt.block_on(market.round_votes(job, 0)).unwrap().votes, 0);
    // The chain's clock passes the deadline (not the grace period): the members go on without
    // dev:2, whose late submission is refused.
    rt.block_on(warp(&market.chain, 601));
    wait_for(
        "round 0 to finalize",
        Duration::from_secs(300),
        &logs,
        || rt.block_on(market.job(job)).unwrap().current_round > 0,
    );
    let s1 = rt
        .block_on(market.submission(job, 0, dev_address(1)))
        .unwrap();
    assert_eq!(s1.status, WorkStatus::Accepted);
    assert_eq!(
        rt.block_on(market.earnings(dev_address(1))).unwrap(),
        U256::from(REWARD)
    );
    let show = net.json(&["job", "show", &job_s]);
    let missing = show["rounds"][0]["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 1, "{show}");
    assert!(
        missing[0]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&format!("{:#x}", dev_address(2))),
        "{show}"
    );
}

#[test]
fn two_members_start_the_job_in_one_block_and_the_one_that_lost_is_told_why() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let job = submit_job(&net, w, &[5, 6, 7], 600, 600);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let market = rt
        .block_on(cohort::jobs::JobMarket::open(&client(&net)))
        .unwrap();
    let p = &market.chain.provider;
    let silent = cohort::progress::Silent;
    let (s5, s6) = (signer(&market, 5), signer(&market, 6));
    // Both transactions wait in the pool, then one block holds both: the second reverts on chain
    // and its reason comes from a replay on the state before the block. Both are estimated before
    // either is sent (an estimate runs on the pending block, which would hold the first one).
    rt.block_on(p.raw_request::<_, Value>("evm_setAutomine".into(), (false,)))
        .unwrap();
    let start = |s: &cohort::chain::SignerChain| {
        JobMarketAbi::new(market.address, &s.provider)
            .startJob(U256::from(job))
            .into_transaction_request()
    };
    let (p5, p6) = rt
        .block_on(async {
            tokio::try_join!(
                cohort::chain::tx::prepare(&s5, start(&s5)),
                cohort::chain::tx::prepare(&s6, start(&s6))
            )
        })
        .unwrap();
    let (a, b, block) = rt.block_on(async {
        tokio::join!(
            cohort::chain::tx::send_prepared(&s5, p5, "starting job", &silent),
            cohort::chain::tx::send_prepared(&s6, p6, "starting job", &silent),
            async {
                let t0 = Instant::now();
                loop {
                    let st: Value = p.raw_request("txpool_status".into(), ()).await.unwrap();
                    let pending = st["pending"].as_str().unwrap().trim_start_matches("0x");
                    if u64::from_str_radix(pending, 16).unwrap() == 2 {
                        break;
                    }
                    assert!(t0.elapsed() < Duration::from_secs(60), "txpool: {st}");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                p.raw_request::<_, Value>("evm_mine".into(), ())
                    .await
                    .unwrap();
                p.get_block_number().await.unwrap()
            }
        )
    });
    let (won, lost) = match (a, b) {
        (Ok(t), Err(e)) | (Err(e), Ok(t)) => (t, e),
        (a, b) => panic!("one start must win and one lose: {a:?} {b:?}"),
    };
    assert_eq!(won.block_number, Some(block));
    let txs = rt
        .block_on(async { p.get_block_by_number(block.into()).await })
        .unwrap()
        .unwrap()
        .transactions
        .len();
    assert_eq!(txs, 2);
    // The coordinator goes on after a lost start race because the revert names WrongState.
    assert_eq!(lost.revert(), Some("WrongState"), "{lost}");
    assert_eq!(lost.exit_code(), 4);
    assert_eq!(
        rt.block_on(market.job(job)).unwrap().state,
        JobState::Running
    );
}

#[test]
fn with_every_member_offline_a_third_party_closes_the_round_after_the_grace_period() {
    let Joined {
        net,
        work: _work,
        rt,
        job,
        mut workers,
        market,
    } = two_workers_started(30);
    let (job_s, silent) = (job.to_string(), cohort::progress::Silent);
    // The owner may start the job; nobody on the committee ever shows up.
    for wk in &mut workers {
        let out = rt.block_on(wk.train_round(0)).unwrap();
        let (root, b) = rt.block_on(wk.upload_round(0, &out)).unwrap();
        rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();
    }
    // The owner cannot take the round's reward back while submissions wait.
    let (code, err) = net.fails(&["job", "cancel", &job_s]);
    assert_eq!(code, 4, "{err}");
    let s0 = signer(&market, 0);
    let owner = JobMarketAbi::new(market.address, &s0.provider);
    let e = cohort::chain::describe_contract_error(
        &market.chain.rpc_url,
        rt.block_on(async {
            owner
                .cancelJob(U256::from(job))
                .from(dev_address(0))
                .call()
                .await
        })
        .expect_err("cancel with submissions"),
    );
    assert!(e.message.contains("RoundHasSubmissions"), "{}", e.message);
    // A leaving worker with a pending submission is refused too.
    let e = rt
        .block_on(market.leave(&signer(&market, 1), job, &silent))
        .unwrap_err();
    assert!(e.message.contains("SubmissionPending"), "{}", e.message);

    // Before the deadline plus grace: refused, nothing sent.
    let (code, err) = net.fails(&["job", "close-round", &job_s, "0", "--wallet", "dev:9"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("can be closed from"), "{err}");
    // Time passes (anvil's clock moves past the deadline and the grace period).
    rt.block_on(warp(&market.chain, 631));
    let owner_before = rt.block_on(market.earnings(dev_address(0))).unwrap();
    let closed = net.json(&["job", "close-round", &job_s, "0", "--wallet", "dev:9"]);
    assert_eq!(closed["state"], "stopped");
    let paid = closed["paid"].as_array().unwrap();
    assert_eq!(paid.len(), 2);
    for p in paid {
        assert_eq!(wei(&p["units"]), UNITS);
        assert_eq!(wei(&p["amount"]), REWARD / 2);
    }
    assert_eq!(wei(&closed["bonds_returned"]), 2 * BOND);
    // The unspent round (and nothing more) goes back to the owner.
    assert_eq!(wei(&closed["refund"]), REWARD);
    let job_now = rt.block_on(market.job(job)).unwrap();
    assert_eq!(job_now.state, JobState::Stopped);
    assert_eq!(
        rt.block_on(market.earnings(dev_address(0))).unwrap() - owner_before,
        U256::from(REWARD)
    );
    for i in [1, 2] {
        assert_eq!(
            rt.block_on(market.earnings(dev_address(i))).unwrap(),
            U256::from(REWARD / 2 + BOND),
            "dev:{i}"
        );
        let s = rt
            .block_on(market.submission(job, 0, dev_address(i)))
            .unwrap();
        assert_eq!(s.status, WorkStatus::Unverified);
    }
    assert_eq!(job_now.escrow, U256::ZERO);
    assert_eq!(job_now.bonds_held, U256::ZERO);
    // The contract holds exactly what it still owes.
    let balance = rt
        .block_on(async { market.chain.provider.get_balance(market.address).await })
        .unwrap();
    assert_eq!(
        balance,
        U256::from(REWARD + 2 * BOND + REWARD) + owner_before
    );
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["job"]["state"], "stopped");
    assert_eq!(show["rounds"][0]["status"], "closed");
    // Closing twice is refused.
    let (code, _) = net.fails(&["job", "close-round", &job_s, "0", "--wallet", "dev:9"]);
    assert_eq!(code, 4);
}

/// `worker leave`: refused mid-round while the worker's submission awaits its verdict (exit 4,
/// naming when it can leave), accepted for a worker without one, whose bond comes back to its
/// earnings and shows in `job show` and `worker status`. The round is then closed without a
/// verdict: `worker earnings` lists the unverified payout and the returned bonds that make up the
/// total, `cohort verify` states the stopped job and the round paid unverified, and `job watch`
/// prints its snapshot on stdout.
#[test]
fn a_worker_leaves_between_rounds_and_a_closed_round_shows_in_earnings_verify_and_watch() {
    let Joined {
        net,
        work,
        rt,
        job,
        mut workers,
        market,
    } = two_workers_started(30);
    let job_s = job.to_string();
    let s2 = work.path().join("s2");
    let s2 = s2.to_str().unwrap();
    let wk = &mut workers[0];
    let out = rt.block_on(wk.train_round(0)).unwrap();
    let (root, b) = rt.block_on(wk.upload_round(0, &out)).unwrap();
    rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();

    // dev:1's submission awaits the committee: refused before sending, saying when it can leave.
    let (code, err) = net.fails(&["worker", "leave", "--job", &job_s, "--wallet", "dev:1"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("round 0") && err.contains("finalized"),
        "{err}"
    );
    assert_eq!(
        rt.block_on(market.participant_record(job, dev_address(1)))
            .unwrap()
            .bond,
        U256::from(BOND)
    );

    // dev:2 submitted nothing: it leaves, and its bond is credited back.
    let left = net.json(&[
        "worker",
        "leave",
        "--job",
        &job_s,
        "--wallet",
        "dev:2",
        "--state-dir",
        s2,
    ]);
    assert_eq!(wei(&left["bond_returned"]), BOND, "{left}");
    assert_eq!(wei(&left["earnings"]), BOND, "{left}");
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(wei(&show["job"]["bonds_held"]), BOND, "{show}");
    assert_eq!(wei(&show["job"]["bonds_returned"]), BOND, "{show}");
    let st = net.json(&["worker", "status", "--wallet", "dev:2", "--state-dir", s2]);
    assert_eq!(st["participant"]["active"], false, "{st}");
    assert_eq!(wei(&st["participant"]["bond"]), 0, "{st}");
    assert_eq!(wei(&st["participant"]["returned"]), BOND, "{st}");
    assert_eq!(st["state"]["phase"], "stopped", "{st}");
    // Leaving twice is refused: nothing is sent.
    let (code, err) = net.fails(&["worker", "leave", "--job", &job_s, "--wallet", "dev:2"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("not taking part"), "{err}");

    // Nobody on the committee shows up: a third party closes round 0, paying dev:1 unverified.
    rt.block_on(warp(&market.chain, 631));
    let closed = net.json(&["job", "close-round", &job_s, "0", "--wallet", "dev:9"]);
    assert_eq!(closed["state"], "stopped", "{closed}");
    let e = net.json(&["worker", "earnings", "--wallet", "dev:1"]);
    assert_eq!(wei(&e["earnings"]), REWARD + BOND, "{e}");
    let mine = e["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["job_id"] == job)
        .unwrap_or_else(|| panic!("job {job} is missing from the earnings: {e}"));
    assert_eq!(mine["unverified_rounds"], serde_json::json!([0]), "{e}");
    assert_eq!(mine["accepted_rounds"], serde_json::json!([]), "{e}");
    // The table explains the total: the unverified payout and the returned bond.
    assert_eq!(
        wei(&mine["paid"]) + wei(&mine["bond_returned"]),
        wei(&e["earnings"]),
        "{e}"
    );
    let e2 = net.json(&["worker", "earnings", "--wallet", "dev:2"]);
    assert_eq!(wei(&e2["jobs"][0]["bond_returned"]), BOND, "{e2}");
    assert_eq!(wei(&e2["jobs"][0]["paid"]), 0, "{e2}");
    // The job ended: leaving is refused, naming its state.
    let (code, err) = net.fails(&["worker", "leave", "--job", &job_s, "--wallet", "dev:1"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("stopped"), "{err}");

    // `cohort verify` walks the closed round and says what "verified" leaves out.
    let v = net.json(&["verify", &job_s]);
    assert_eq!(v["state"], "stopped", "{v}");
    assert_eq!(v["verified"], true, "{v}");
    let links = v["links"].as_array().unwrap();
    let r0 = links
        .iter()
        .find(|l| l["link"] == "round 0")
        .unwrap_or_else(|| panic!("round 0 is not walked: {v}"));
    assert!(r0["detail"].as_str().unwrap().contains("unverified"), "{v}");
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("no final model")),
        "{v}"
    );
    let text = net.home.stdout(&["verify", &job_s]);
    assert!(
        text.contains("stopped") && text.contains("unverified"),
        "{text}"
    );
    // A stopped job never completes: tokenizing it is refused without telling the owner to wait.
    let (code, err) = net.fails(&[
        "model", "tokenize", &job_s, "--name", "C", "--symbol", "CMT", "--supply", "1000",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("cannot be tokenized") && !err.contains("wait until"),
        "{err}"
    );

    // `job watch` prints its snapshot as its result, on stdout, even with -q.
    for q in [&[][..], &["-q"][..]] {
        let out = net.home.stdout(&[&["job", "watch", &job_s], q].concat());
        assert!(out.contains("stopped"), "job watch {q:?} printed: {out:?}");
    }
}

/// A wallet that leaves a job while its `worker run` trains: `worker leave` in the run's home is
/// refused while the run holds its state (exit 2, naming the run's process, nothing sent); a leave
/// from another machine (another home) lands, and the run, once its training is done, finds itself
/// out of the job and stops (exit 1, `worker.left`) before it uploads or submits anything (no
/// storage fee paid). `worker status` then says it left; once the owner cancels the job at the
/// round's deadline, the status says there is nothing to pick up and a rerun that it left; `job
/// cancel` names its refund's parts, and `job show` the round that was running when the job was
/// cancelled and the bond of the worker that left.
#[test]
fn a_worker_that_left_from_another_machine_stops_before_uploading_and_says_so() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    // One long span: the run is still training when the test looks.
    let spec = spec_text("fixture-text", &[5], 600, 600)
        .replace("steps = 20", "steps = 3000")
        .replace("checkpoint_every = 5", "checkpoint_every = 3000");
    let spec = write(w, "job.toml", spec);
    // A round of one span: the dry run says one is checked, not `verify.spans = 2`.
    let dry = net.json(&["job", "submit", spec.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry["plan"]["spans_per_round"], 1, "{dry}");
    let text = net
        .home
        .stdout(&["job", "submit", spec.to_str().unwrap(), "--dry-run"]);
    assert!(text.contains("1 of 1 K-spans (K = 3000 steps)"), "{text}");
    let job = net.json(&["job", "submit", spec.to_str().unwrap()])["job_id"]
        .as_u64()
        .unwrap();
    let job_s = job.to_string();
    net.json(&["worker", "register", "--wallet", "dev:1"]);
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let log = logs.join("worker.log");
    let run_args = [
        "worker", "run", "--job", &job_s, "--wallet", "dev:1", "--poll", "0.3",
    ];
    let mut procs = Reaper(vec![spawn(&net, &run_args, &log)]);
    let pid = procs.0[0].id();
    wait_for(
        "the worker to join",
        Duration::from_secs(120),
        &logs,
        || {
            std::fs::read_to_string(&log)
                .unwrap_or_default()
                .contains("waiting for the committee to start")
        },
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let market = rt.block_on(JobMarket::open(&client(&net))).unwrap();
    rt.block_on(market.start_job(&signer(&market, 0), job, &cohort::progress::Silent))
        .unwrap();
    let dir = cohort::worker::default_state_dir(&client(&net), dev_address(1));
    let state = || -> Value {
        serde_json::from_slice(&std::fs::read(dir.join("state.json")).unwrap_or_default())
            .unwrap_or(Value::Null)
    };
    let start = Instant::now();
    while state()["phase"] != "training" {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the worker never trained: {}\n{}",
            state(),
            all_logs(&logs)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Held still mid-training, so that the leave lands before it is done.
    signal(&procs.0[..1], "STOP");

    // In the run's home: refused, naming the run, and nothing is sent.
    let leave = ["worker", "leave", "--job", &job_s, "--wallet", "dev:1"];
    let (code, err) = net.fails(&leave);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("(process {pid})")) && err.contains("stop that run first"),
        "{err}"
    );
    assert!(
        rt.block_on(market.participant(job, dev_address(1)))
            .unwrap()
            .0
    );

    // From another machine: it leaves, and its bond is credited back.
    let other = w.join("other-home");
    another_home(&net, &other);
    let out = crate::common::cohort_command(&other)
        .args([&leave[..], &["--json"]].concat())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let balance = || {
        rt.block_on(async { market.chain.provider.get_balance(dev_address(1)).await })
            .unwrap()
    };
    let before = balance();

    signal(&procs.0[..1], "CONT");
    let st = crate::common::procs::wait_exit(&mut procs.0[0], Duration::from_secs(300), &log);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(st.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "left job {job}: its bond of 0.01 ETH was credited back"
        )) && text.contains("uploads and submits nothing"),
        "{text}"
    );
    assert!(!text.contains("submitted round"), "{text}");
    // Nothing uploaded, nothing paid.
    assert_eq!(balance(), before, "the run paid after it left:\n{text}");
    let s = state();
    assert_eq!(s["phase"], "stopped", "{s}");
    assert!(s["rounds"]["0"].get("bundle_root").is_none(), "{s}");

    let status = ["worker", "status", "--wallet", "dev:1"];
    let text = net.home.stdout(&status);
    assert!(
        text.contains(&format!("left job {job}")) && !text.contains("picks up where it was"),
        "{text}"
    );

    // The owner cancels at the round's deadline: round 0 had no submissions.
    rt.block_on(warp(&market.chain, 601));
    let text = net.home.stdout(&["job", "cancel", &job_s]);
    assert!(
        text.contains(
            "0.4 ETH refunded (0.4 ETH for 2 rounds not completed: round 0, cancelled while it ran, and 1 not run)"
        ),
        "{text}"
    );
    let text = net.home.stdout(&status);
    assert!(
        text.contains(&format!("job {job} was cancelled: nothing to pick up"))
            && text.contains(&format!("left job {job}"))
            && !text.contains("picks up where it was"),
        "{text}"
    );
    let (code, err) = net.fails(&run_args);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(&format!("left job {job}")) && err.contains("nothing to pick up"),
        "{err}"
    );
    let show = net.json(&["job", "show", &job_s]);
    assert_eq!(show["rounds"][0]["status"], "cancelled", "{show}");
    let text = net.home.stdout(&["job", "show", &job_s]);
    assert!(
        text.contains("running when the job was cancelled") && text.contains("no (left)"),
        "{text}"
    );
}

/// `cohort verify` of a job that has not started says so: its state, and that only the bundle
/// and datasets were verified and there is no final model.
#[test]
fn verify_of_an_open_job_states_it_and_what_it_does_not_cover() {
    let s = one_worker_joined();
    let v = s.net.json(&["verify", &s.job.to_string()]);
    assert_eq!(v["state"], "open", "{v}");
    assert_eq!(v["verified"], true, "{v}");
    assert!(
        !v["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["link"].as_str().unwrap().starts_with("round")),
        "{v}"
    );
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("no final model")),
        "{v}"
    );
}

/// `cohort ARGS` run from `home` (another member's machine: its own cache and work folders)
/// on `net`'s chain and storage, its output in `log`.
fn spawn_in_home(home: &Path, args: &[&str], log: &Path) -> std::process::Child {
    let mut c = crate::common::cohort_command(home);
    let f = std::fs::File::create(log).unwrap();
    c.stdin(std::process::Stdio::null())
        .stdout(f.try_clone().unwrap())
        .stderr(f)
        .args(args)
        .spawn()
        .unwrap()
}

/// A second home for `net`: its configuration and devnet records, without its cache.
fn another_home(net: &Devnet, to: &Path) {
    for sub in ["", "devnet"] {
        let (from, to) = (net.home.path().join(sub), to.join(sub));
        std::fs::create_dir_all(&to).unwrap();
        for e in std::fs::read_dir(&from).unwrap().flatten() {
            let p = e.path();
            let name = e.file_name();
            let skip = name.to_string_lossy().ends_with(".log")
                || name.to_string_lossy() == "anvil-state.json";
            if p.is_file() && !skip {
                std::fs::copy(&p, to.join(&name)).unwrap();
            }
        }
    }
}

/// Honest members on different machines measure different things (here each one's reasons name
/// its own cache folder; on other hardware the re-executions' differences and the losses differ
/// too), yet post the same verdict hash: the voted round record holds only what every honest
/// member computes identically, and each member's measurements are in its own check report,
/// named by its vote.
#[test]
fn members_whose_checks_measure_differently_post_the_same_verdict() {
    let Joined {
        net,
        work,
        rt,
        job,
        mut workers,
        market,
    } = two_workers_joined(600);
    let (w, job_s) = (work.path(), job.to_string());
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let home6 = w.join("home6");
    another_home(&net, &home6);
    let args = |m: u32| -> Vec<String> {
        [
            "job",
            "coordinate",
            &job_s,
            "--min-workers",
            "2",
            "--poll",
            "0.3",
            "--wallet",
            &format!("dev:{m}"),
            "--progress",
            "json",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect()
    };
    let mut procs = Reaper(Vec::new());
    let a5 = args(5);
    let a5: Vec<&str> = a5.iter().map(String::as_str).collect();
    procs.0.push(spawn(&net, &a5, &logs.join("member5.log")));
    let mut a6 = args(6);
    a6.extend(["--gpu-tolerance".to_string(), "0.2".to_string()]);
    let a6: Vec<&str> = a6.iter().map(String::as_str).collect();
    procs
        .0
        .push(spawn_in_home(&home6, &a6, &logs.join("member6.log")));
    wait_for("the job to start", Duration::from_secs(120), &logs, || {
        rt.block_on(market.job(job)).unwrap().state == JobState::Running
    });
    // dev:1 submits honest work; dev:2's first checkpoint is not a checkpoint at all.
    for (i, wk) in workers.iter_mut().enumerate() {
        let out = rt.block_on(wk.train_round(0)).unwrap();
        if i == 1 {
            std::fs::write(&out.checkpoints[0].1, b"not a checkpoint").unwrap();
        }
        let (root, b) = rt.block_on(wk.upload_round(0, &out)).unwrap();
        rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();
    }
    wait_for(
        "round 0 to finalize",
        Duration::from_secs(300),
        &logs,
        || rt.block_on(market.job(job)).unwrap().current_round > 0,
    );
    let agreed = rt.block_on(market.round_votes(job, 0)).unwrap().agreed;
    assert!(agreed.is_some());
    for m in [5, 6] {
        assert_eq!(
            rt.block_on(market.vote_of(job, 0, dev_address(m))).unwrap(),
            agreed
        );
    }
    assert_eq!(
        rt.block_on(market.submission(job, 0, dev_address(2)))
            .unwrap()
            .status,
        WorkStatus::Rejected
    );
    // Each vote names the member's own check report; both name the finalized round record,
    // and they differ in what the members measured.
    let (_, record) = rt.block_on(market.round_result(job, 0)).unwrap().unwrap();
    let votes = rt.block_on(market.member_votes(job, 0, None)).unwrap();
    assert_eq!(votes.len(), 2, "{votes:?}");
    assert_ne!(votes[0].report_root, votes[1].report_root);
    let store = cohort::storage::cache::ObjectCache::new(&client(&net));
    let mut reasons = Vec::new();
    for v in &votes {
        let c: cohort::jobs::bundle::CheckReport = rt
            .block_on(store.fetch_json(v.report_root, "check report", &cohort::progress::Silent))
            .unwrap();
        assert_eq!((c.member, c.record_root), (v.member, record));
        let bad = c
            .verdicts
            .iter()
            .find(|x| x.worker == dev_address(2))
            .unwrap();
        reasons.push(bad.reason.clone().unwrap());
        let gpu = if c.member == dev_address(6) { 0.2 } else { 0.1 };
        assert_eq!(c.tolerance.gpu_relative, gpu);
    }
    assert_ne!(reasons[0], reasons[1]);
    assert!(
        reasons.iter().all(|r| r.contains("not usable")),
        "{reasons:?}"
    );
    // `job show` has the record's reason code and a member's full reason.
    let show = net.json(&["job", "show", &job_s]);
    let r0 = &show["rounds"][0];
    assert_eq!(r0["member_votes"].as_array().unwrap().len(), 2, "{r0}");
    let bad = r0["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| {
            x["worker"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&format!("{:#x}", dev_address(2)))
        })
        .unwrap();
    assert_eq!(bad["reason_code"], "bad_checkpoint", "{bad}");
    assert!(
        bad["reason"].as_str().unwrap().contains("not usable"),
        "{bad}"
    );
    assert!(r0["val_loss"].as_f64().is_some(), "{r0}");
}

/// A storage node in front of `upstream` that fails every request naming the root in `outage`
/// (HTTP 503, as a node that is down answers) while one is set. Returns its URL.
fn outage_proxy(
    rt: &tokio::runtime::Runtime,
    upstream: String,
    outage: std::sync::Arc<std::sync::Mutex<Option<String>>>,
) -> String {
    use axum::{Router, http::StatusCode, routing::post};
    let http = reqwest::Client::new();
    let app = Router::new().route(
        "/",
        post(move |body: String| {
            let (http, upstream, outage) = (http.clone(), upstream.clone(), outage.clone());
            async move {
                let down = outage
                    .lock()
                    .unwrap()
                    .as_ref()
                    .is_some_and(|root| body.to_lowercase().contains(root));
                if down {
                    return axum::response::IntoResponse::into_response((
                        StatusCode::SERVICE_UNAVAILABLE,
                        "down",
                    ));
                }
                crate::common::passthrough(forward(&http, &upstream, body).await).await
            }
        }),
    );
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        url
    })
}

/// A member that cannot reach storage for a submission's files is on the failing side itself:
/// it does not vote (the worker is neither rejected nor slashed) and tries again each poll,
/// then checks and votes with the others once storage answers. Only from half the grace
/// period after the round's deadline does it reject what it still cannot fetch, so that the
/// votes still come before anyone may close the round unchecked.
#[test]
fn a_member_that_cannot_reach_storage_holds_its_vote_until_half_the_grace_period() {
    let Joined {
        net,
        work,
        rt,
        job,
        mut workers,
        market,
    } = two_workers_started(600);
    let (w, job_s, silent) = (work.path(), job.to_string(), cohort::progress::Silent);
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    // dev:5 reaches storage through a link that fails for one root at a time; dev:6 directly.
    let outage = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let proxy = outage_proxy(&rt, net.storage_nodes()[0].clone(), outage.clone());
    let home5 = w.join("home5");
    another_home(&net, &home5);
    let args = |m: u32| -> Vec<String> {
        let mut a: Vec<String> = ["job", "coordinate", &job_s, "--poll", "0.3"]
            .iter()
            .map(|a| a.to_string())
            .collect();
        a.extend(["--wallet".into(), format!("dev:{m}")]);
        a.extend(["--progress".into(), "json".into()]);
        if m == 5 {
            a.extend(["--storage-node".into(), proxy.clone()]);
        }
        a
    };
    let mut procs = Reaper(Vec::new());
    for m in [5, 6] {
        let a = args(m);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let log = logs.join(format!("member{m}.log"));
        procs.0.push(if m == 5 {
            spawn_in_home(&home5, &a, &log)
        } else {
            spawn(&net, &a, &log)
        });
    }
    let log5 = || std::fs::read_to_string(logs.join("member5.log")).unwrap_or_default();
    let vote = |round: u32, m: u32| {
        rt.block_on(market.vote_of(job, round, dev_address(m)))
            .unwrap()
    };
    // Both workers submit honest work; dev:1's bundle is out of dev:5's reach.
    let submit = |round: u32, workers: &mut [cohort::worker::Worker]| {
        for (i, wk) in workers.iter_mut().enumerate() {
            let out = rt.block_on(wk.train_round(round)).unwrap();
            let (root, b) = rt.block_on(wk.upload_round(round, &out)).unwrap();
            if i == 0 {
                *outage.lock().unwrap() = Some(format!("{root:x}"));
            }
            rt.block_on(wk.submit_round(round, root, b.work_units))
                .unwrap();
        }
    };
    submit(0, &mut workers);
    wait_for(
        "dev:6 to vote and dev:5 to hold its vote",
        Duration::from_secs(300),
        &logs,
        || {
            assert_eq!(
                vote(0, 5),
                None,
                "dev:5 voted without dev:1's bundle\n{}",
                log5()
            );
            vote(0, 6).is_some()
                && log5().contains("round 0: no storage node could be reached for the files of")
        },
    );
    let s1 = rt
        .block_on(market.submission(job, 0, dev_address(1)))
        .unwrap();
    assert_eq!(s1.status, WorkStatus::Submitted);
    // The link heals: dev:5 checks dev:1's work, agrees with dev:6, and the round is final.
    *outage.lock().unwrap() = None;
    wait_for(
        "round 0 to finalize",
        Duration::from_secs(300),
        &logs,
        || rt.block_on(market.job(job)).unwrap().current_round > 0,
    );
    assert_eq!(vote(0, 5), vote(0, 6));
    for i in [1, 2] {
        let s = rt
            .block_on(market.submission(job, 0, dev_address(i)))
            .unwrap();
        assert_eq!(s.status, WorkStatus::Accepted, "dev:{i}");
        let p = rt
            .block_on(market.participant_record(job, dev_address(i)))
            .unwrap();
        assert_eq!((p.bond, p.slashed), (U256::from(BOND), U256::ZERO));
    }

    // Round 1: dev:1's bundle stays out of reach. dev:5 holds its vote until half the grace
    // period after the deadline (600 s + 300 s), then rejects what it cannot fetch.
    submit(1, &mut workers);
    wait_for(
        "dev:6 to vote and dev:5 to hold its vote on round 1",
        Duration::from_secs(300),
        &logs,
        || {
            assert_eq!(
                vote(1, 5),
                None,
                "dev:5 voted before its patience ran out\n{}",
                log5()
            );
            vote(1, 6).is_some()
                && log5().contains("round 1: no storage node could be reached for the files of")
        },
    );
    rt.block_on(warp(&market.chain, 901));
    wait_for(
        "dev:5 to vote on round 1",
        Duration::from_secs(300),
        &logs,
        || vote(1, 5).is_some(),
    );
    assert_ne!(vote(1, 5), vote(1, 6));
    let mine = rt
        .block_on(market.member_votes(job, 1, Some(dev_address(5))))
        .unwrap();
    let store = cohort::storage::cache::ObjectCache::new(&client(&net));
    let c: cohort::jobs::bundle::CheckReport = rt
        .block_on(store.fetch_json(mine[0].report_root, "check report", &silent))
        .unwrap();
    let v1 = c
        .verdicts
        .iter()
        .find(|x| x.worker == dev_address(1))
        .unwrap();
    assert!(!v1.accepted);
    assert_eq!(v1.code.map(|c| c.as_str()), Some("bundle_unavailable"));
    let v2 = c
        .verdicts
        .iter()
        .find(|x| x.worker == dev_address(2))
        .unwrap();
    assert!(v2.accepted, "{v2:?}");
    // One dissenting member decides nothing: dev:1 is not slashed.
    let s1 = rt
        .block_on(market.submission(job, 1, dev_address(1)))
        .unwrap();
    assert_eq!(s1.status, WorkStatus::Submitted);
}

/// A long-running `cohort` process (`job coordinate`, `worker run`) whose chain is reached
/// through a link that can go down, logged to `logs/<name>.log`.
struct OutageRun<'a> {
    link_down: std::sync::Arc<std::sync::Mutex<Option<String>>>,
    procs: Reaper,
    log: std::path::PathBuf,
    logs: &'a Path,
}

impl<'a> OutageRun<'a> {
    /// Starts `cohort ARGS --rpc-url LINK --poll 0.3 --progress json`.
    fn start(net: &Devnet, rt: &tokio::runtime::Runtime, logs: &'a Path, args: &[&str]) -> Self {
        let link_down = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
        let rpc = outage_proxy(rt, net.rpc_url(), link_down.clone());
        std::fs::create_dir_all(logs).unwrap();
        let log = logs.join(format!("{}.log", args[0]));
        let mut all = args.to_vec();
        all.extend(["--rpc-url", &rpc, "--poll", "0.3", "--progress", "json"]);
        let procs = Reaper(vec![spawn(net, &all, &log)]);
        OutageRun {
            link_down,
            procs,
            log,
            logs,
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn wait_to_say(&self, what: &str, text: &str) {
        wait_for(what, Duration::from_secs(120), self.logs, || {
            self.log().contains(text)
        });
    }

    /// Takes the link down (an empty root names every request), and waits until the process
    /// says it tries again, failing if it stops instead.
    fn ride_out(&mut self) {
        *self.link_down.lock().unwrap() = Some(String::new());
        wait_for(
            "the process to say the chain is out of reach",
            Duration::from_secs(120),
            self.logs,
            || {
                let stopped = self.procs.0[0].try_wait().unwrap();
                assert!(stopped.is_none(), "it stopped:\n{}", self.log());
                self.log().contains("; trying again every 0.3s")
            },
        );
    }

    fn link_up(&self) {
        *self.link_down.lock().unwrap() = None;
    }

    fn wait_until_round_0_accepts_dev_1(
        &self,
        rt: &tokio::runtime::Runtime,
        market: &JobMarket,
        job: u64,
    ) {
        wait_for(
            "round 0 to finalize",
            Duration::from_secs(300),
            self.logs,
            || rt.block_on(market.job(job)).unwrap().current_round > 0,
        );
        let s1 = rt
            .block_on(market.submission(job, 0, dev_address(1)))
            .unwrap();
        assert_eq!(s1.status, WorkStatus::Accepted, "{}", self.log());
    }
}

/// A chain outage while the coordinator runs stops nothing: it says so, tries again every
/// poll, and once the chain answers it checks and finalizes the round it missed.
#[test]
fn a_coordinator_rides_out_a_chain_outage() {
    let Started {
        net,
        work,
        rt,
        job,
        mut wk,
        market,
    } = one_worker_started();
    let (logs, job_s) = (work.path().join("logs"), job.to_string());
    let member = ["job", "coordinate", &job_s, "--wallet", "dev:5"];
    let mut run = OutageRun::start(&net, &rt, &logs, &member);
    run.wait_to_say(
        "the member to wait for the submission",
        "round 0: 0 of 1 submissions",
    );
    let out = rt.block_on(wk.train_round(0)).unwrap();
    run.ride_out();
    let (root, b) = rt.block_on(wk.upload_round(0, &out)).unwrap();
    rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();
    run.link_up();
    run.wait_until_round_0_accepts_dev_1(&rt, &market, job);
}

/// A worker whose chain drops once it works on the job does not stop, which would lose it
/// the rounds until someone restarts it: it says so and tries again, and once the chain
/// answers it trains the round the job started meanwhile, submits and is paid.
#[test]
fn a_worker_rides_out_a_chain_outage() {
    let Started {
        net,
        work,
        rt,
        job,
        wk: _,
        market,
    } = one_worker_joined();
    let (w, job_s) = (work.path(), job.to_string());
    let logs = w.join("logs");
    let state = w.join("s1");
    let worker = [
        "worker",
        "run",
        "--job",
        &job_s,
        "--wallet",
        "dev:1",
        "--state-dir",
        state.to_str().unwrap(),
    ];
    let mut run = OutageRun::start(&net, &rt, &logs, &worker);
    run.wait_to_say(
        "the worker to wait for the job's start",
        "waiting for the committee to start the job",
    );
    run.ride_out();
    let silent = cohort::progress::Silent;
    rt.block_on(market.start_job(&signer(&market, 0), job, &silent))
        .unwrap();
    run.link_up();
    let member = [
        "job",
        "coordinate",
        &job_s,
        "--poll",
        "0.3",
        "--wallet",
        "dev:5",
    ];
    run.procs
        .0
        .push(spawn(&net, &member, &logs.join("member.log")));
    run.wait_until_round_0_accepts_dev_1(&rt, &market, job);
}

/// `job watch` rides out a chain outage as the coordinator and workers do: it says so on stderr
/// each poll (many more polls than it once gave up after) and, once the chain answers, goes on
/// printing the job as it changes.
#[test]
fn a_watcher_rides_out_a_chain_outage() {
    let Started {
        net,
        work,
        rt,
        job,
        wk: _,
        market,
    } = one_worker_joined();
    let (w, job_s) = (work.path(), job.to_string());
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let link_down = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let rpc = outage_proxy(&rt, net.rpc_url(), link_down.clone());
    let log = logs.join("watch.log");
    let watch = [
        "job",
        "watch",
        &job_s,
        "--json",
        "--interval",
        "0.3",
        "--rpc-url",
        &rpc,
    ];
    let mut procs = Reaper(vec![spawn(&net, &watch, &log)]);
    let read = || std::fs::read_to_string(&log).unwrap_or_default();
    let states = || -> Vec<String> {
        read()
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|v| v["state"].as_str().map(str::to_string))
            .collect()
    };
    wait_for(
        "the watcher's first line",
        Duration::from_secs(120),
        &logs,
        || states() == ["open"],
    );
    *link_down.lock().unwrap() = Some(String::new());
    wait_for(
        "the watcher to say the chain is out of reach, poll after poll",
        Duration::from_secs(120),
        &logs,
        || {
            let stopped = procs.0[0].try_wait().unwrap();
            assert!(stopped.is_none(), "it stopped:\n{}", read());
            read().matches("; watching on, every 0.3s").count() >= 8
        },
    );
    let silent = cohort::progress::Silent;
    rt.block_on(market.start_job(&signer(&market, 0), job, &silent))
        .unwrap();
    *link_down.lock().unwrap() = None;
    wait_for(
        "the watcher to print the started job",
        Duration::from_secs(120),
        &logs,
        || states().last().map(String::as_str) == Some("running"),
    );
    assert!(procs.0[0].try_wait().unwrap().is_none(), "{}", read());
}

/// A committee of one killed after its vote landed and before it finalized: restarted, it
/// rebuilds the verdict it voted for from its vote (check report, round record) instead of
/// checking the round again, and finalizes the round with it.
#[test]
fn a_coordinator_restarted_between_its_vote_and_the_finalize_finalizes_its_voted_verdict() {
    let Started {
        net,
        work,
        rt,
        job,
        mut wk,
        market,
    } = one_worker_started();
    let (w, job_s, silent) = (work.path(), job.to_string(), cohort::progress::Silent);
    let out = rt.block_on(wk.train_round(0)).unwrap();
    let (root, b) = rt.block_on(wk.upload_round(0, &out)).unwrap();

    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let args = [
        "job",
        "coordinate",
        &job_s,
        "--poll",
        "0.3",
        "--wallet",
        "dev:5",
        "--progress",
        "json",
    ];
    let mut procs = Reaper(Vec::new());
    procs.0.push(spawn(&net, &args, &logs.join("first.log")));
    wait_for(
        "the coordinator to wait for the submission",
        Duration::from_secs(120),
        &logs,
        || {
            std::fs::read_to_string(logs.join("first.log"))
                .unwrap_or_default()
                .contains("round 0: 0 of 1 submissions")
        },
    );
    // The submission lands while the coordinator is paused; then blocks are mined only on
    // demand, so its vote waits in the pool and it is killed before it can finalize.
    signal(&procs.0[..1], "STOP");
    rt.block_on(wk.submit_round(0, root, b.work_units)).unwrap();
    let p = &market.chain.provider;
    rt.block_on(p.raw_request::<_, Value>("evm_setAutomine".into(), (false,)))
        .unwrap();
    signal(&procs.0[..1], "CONT");
    // Its storage uploads (the aggregate, the record, its check report) are mined as they come;
    // its transaction to the market, the vote, is not.
    let market_addr = format!("{:#x}", market.address);
    wait_for(
        "the vote to be sent",
        Duration::from_secs(300),
        &logs,
        || {
            let pool: Value = rt
                .block_on(p.raw_request("txpool_content".into(), ()))
                .unwrap();
            let pending: Vec<&Value> = pool["pending"]
                .as_object()
                .into_iter()
                .flat_map(|by_sender| by_sender.values())
                .filter_map(Value::as_object)
                .flat_map(|by_nonce| by_nonce.values())
                .collect();
            let vote = pending.iter().any(|tx| {
                tx["to"]
                    .as_str()
                    .is_some_and(|to| to.eq_ignore_ascii_case(&market_addr))
            });
            if !vote && !pending.is_empty() {
                rt.block_on(p.raw_request::<_, Value>("evm_mine".into(), ()))
                    .unwrap();
            }
            vote
        },
    );
    procs.0[0].kill().unwrap();
    procs.0[0].wait().unwrap();
    rt.block_on(async {
        p.raw_request::<_, Value>("evm_mine".into(), ())
            .await
            .unwrap();
        p.raw_request::<_, Value>("evm_setAutomine".into(), (true,))
            .await
            .unwrap();
    });
    let voted = rt
        .block_on(market.vote_of(job, 0, dev_address(5)))
        .unwrap()
        .expect("the vote landed");
    let votes = rt.block_on(market.round_votes(job, 0)).unwrap();
    assert_eq!(votes.agreed, Some(voted));
    assert_eq!(rt.block_on(market.job(job)).unwrap().current_round, 0);

    procs
        .0
        .push(spawn(&net, &args, &logs.join("restarted.log")));
    wait_for(
        "round 0 to finalize",
        Duration::from_secs(300),
        &logs,
        || rt.block_on(market.job(job)).unwrap().current_round > 0,
    );
    let restarted = std::fs::read_to_string(logs.join("restarted.log")).unwrap();
    assert!(
        restarted.contains("finalizing with that verdict")
            && !restarted.contains("round 0: checking"),
        "{restarted}"
    );
    assert_eq!(
        rt.block_on(market.submission(job, 0, dev_address(1)))
            .unwrap()
            .status,
        WorkStatus::Accepted
    );
    // The finalized record is the one the vote's check report names.
    let (_, record) = rt.block_on(market.round_result(job, 0)).unwrap().unwrap();
    let vote = rt
        .block_on(market.member_votes(job, 0, Some(dev_address(5))))
        .unwrap();
    let store = cohort::storage::cache::ObjectCache::new(&client(&net));
    let c: cohort::jobs::bundle::CheckReport = rt
        .block_on(store.fetch_json(vote[0].report_root, "check report", &silent))
        .unwrap();
    assert_eq!(c.record_root, record);
}

/// A second `job coordinate` of one job by the same member in one home, while the first runs, is
/// refused at once (exit 2, `job.coordinator_running`, naming the job, the member and the first
/// run's process) and pays nothing: it would check the round again and pay the storage fee for a
/// report whose vote reverts. Once the first is killed (SIGKILL), the next run goes on.
#[test]
fn a_second_coordinator_of_one_member_is_refused_while_the_first_runs() {
    let Started {
        net,
        work,
        rt,
        job,
        wk: _,
        market,
    } = one_worker_started();
    let (w, job_s) = (work.path(), job.to_string());
    let logs = w.join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let args = [
        "job",
        "coordinate",
        &job_s,
        "--poll",
        "0.3",
        "--wallet",
        "dev:5",
    ];
    let waiting = |log: &str| {
        let log = logs.join(log);
        move || {
            std::fs::read_to_string(&log)
                .unwrap_or_default()
                .contains("round 0: 0 of 1 submissions")
        }
    };
    let mut procs = Reaper(Vec::new());
    procs.0.push(spawn(&net, &args, &logs.join("first.log")));
    let first_pid = procs.0[0].id();
    wait_for(
        "the first coordinator to wait for the submission",
        Duration::from_secs(120),
        &logs,
        waiting("first.log"),
    );
    let balance = || {
        rt.block_on(async { market.chain.provider.get_balance(dev_address(5)).await })
            .unwrap()
    };
    let before = balance();
    let second_log = logs.join("second.log");
    procs
        .0
        .push(spawn(&net, &[&args[..], &["--json"]].concat(), &second_log));
    let mut code = None;
    wait_for(
        "the second coordinator to stop",
        Duration::from_secs(120),
        &logs,
        || {
            code = procs.0[1].try_wait().unwrap().map(|st| st.code());
            code.is_some()
        },
    );
    let out = std::fs::read_to_string(&second_log).unwrap();
    assert_eq!(code, Some(Some(2)), "{out}");
    let err = out
        .lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| v.get("error").cloned())
        .unwrap_or_else(|| panic!("no JSON error:\n{out}"));
    assert_eq!(err["code"], "job.coordinator_running", "{out}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("job {job} "))
            && message.contains(&dev_address(5).to_string())
            && message.contains(&format!("(process {first_pid})")),
        "{out}"
    );
    assert!(
        err["hint"]
            .as_str()
            .is_some_and(|h| h.contains("stop the other `cohort job coordinate")),
        "{out}"
    );
    assert!(!out.contains("checking"), "{out}");
    assert_eq!(balance(), before, "the refused run paid");
    assert!(
        procs.0[0].try_wait().unwrap().is_none(),
        "the first coordinator stopped"
    );
    // A coordinator killed outright holds nothing: the next run goes on.
    procs.0[0].kill().unwrap();
    procs.0[0].wait().unwrap();
    procs.0.push(spawn(&net, &args, &logs.join("third.log")));
    wait_for(
        "the next coordinator to wait for the submission",
        Duration::from_secs(120),
        &logs,
        waiting("third.log"),
    );
}

/// Gas of the market's worker and committee calls, through the bindings, printed for
/// docs/gas.md (`cargo test --test it committee::gas -- --nocapture`): a committee of 3 with
/// threshold 2, 4 bonded workers, one rejected in round 0 (its bond slashed), two rounds (the
/// last finalize completes the job and returns every bond).
#[tokio::test(flavor = "multi_thread")]
async fn gas_of_join_submit_vote_and_finalize() {
    use crate::mined;
    use crate::token_setup::{default_terms, dev};
    let net = tokio::task::spawn_blocking(|| Devnet::start(1, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let market: Address = net.contract("job_market").parse().unwrap();
    let owner = dev(&rpc, 0).await;
    let jm = JobMarketAbi::new(market, &owner.provider);
    let mut terms = default_terms();
    terms.committee = vec![dev_address(5), dev_address(6), dev_address(7)];
    terms.threshold = 2;
    terms.bond = U256::from(BOND);
    terms.unitsPerSubmission = U256::from(UNITS);
    // A job of 2 rounds with these terms, its budget escrowed: its id and the creation's gas.
    let create = |spec: u8| {
        let (jm, terms) = (&jm, terms.clone());
        async move {
            let r = mined!(
                jm.createJob(
                    B256::repeat_byte(spec),
                    B256::ZERO,
                    vec![],
                    2,
                    8,
                    U256::from(REWARD),
                    3600,
                    terms
                )
                .value(U256::from(2 * REWARD))
            );
            let job = r
                .inner
                .logs()
                .iter()
                .find_map(|l| l.log_decode::<JobMarketAbi::JobCreated>().ok())
                .unwrap()
                .inner
                .data
                .jobId;
            (job, r.gas_used)
        }
    };
    let (job, gas_used) = create(0xaa).await;
    println!("gas createJob (committee of 3): {gas_used}");
    let mut gas: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
    for i in 1..=4 {
        let w = dev(&rpc, i).await;
        let wm = JobMarketAbi::new(market, &w.provider);
        mined!(wm.registerWorker("cpu: test".into()));
        let r = mined!(wm.join(job).value(U256::from(BOND)));
        gas.entry("join (with bond)").or_default().push(r.gas_used);
    }
    mined!(jm.startJob(job));
    let mut workers: Vec<u32> = vec![1, 2, 3, 4];
    for round in 0..2u32 {
        for i in &workers {
            let w = dev(&rpc, *i).await;
            let r = mined!(JobMarketAbi::new(market, &w.provider).submitWork(
                job,
                round,
                B256::repeat_byte(0xb0 + *i as u8),
                U256::from(UNITS)
            ));
            gas.entry("submitWork").or_default().push(r.gas_used);
        }
        // Round 0 rejects dev:4.
        let rejected: Vec<Address> = if round == 0 {
            vec![dev_address(4)]
        } else {
            vec![]
        };
        workers.retain(|i| !rejected.contains(&dev_address(*i)));
        let verdict = JobMarketAbi::Verdict {
            accepted: workers.iter().map(|i| dev_address(*i)).collect(),
            units: workers.iter().map(|_| U256::from(UNITS)).collect(),
            rejected,
            aggregateRoot: B256::repeat_byte(0xc0 + round as u8),
            reportRoot: B256::repeat_byte(0xd0 + round as u8),
        };
        let hash = jm
            .verdictHash(job, round, verdict.clone())
            .call()
            .await
            .unwrap();
        // The hash the coordinator votes for is the contract's.
        let ours = RoundVerdict {
            accepted: verdict.accepted.clone(),
            units: verdict.units.clone(),
            rejected: verdict.rejected.clone(),
            aggregate_root: verdict.aggregateRoot,
            report_root: verdict.reportRoot,
        };
        assert_eq!(ours.hash(job.to::<u64>(), round), hash);
        for (k, m) in [5u32, 6].iter().enumerate() {
            let s = dev(&rpc, *m).await;
            let r = mined!(JobMarketAbi::new(market, &s.provider).voteVerdict(
                job,
                round,
                hash,
                verdict.reportRoot
            ));
            gas.entry(if k == 0 {
                "voteVerdict (first vote)"
            } else {
                "voteVerdict (reaches the threshold)"
            })
            .or_default()
            .push(r.gas_used);
        }
        // Anyone finalizes: here a non-member, dev:9.
        let anyone = dev(&rpc, 9).await;
        let r =
            mined!(JobMarketAbi::new(market, &anyone.provider).finalizeRound(job, round, verdict));
        gas.entry(if round == 0 {
            "finalizeRound (3 accepted, 1 rejected and slashed)"
        } else {
            "finalizeRound, last round (3 accepted; completes, returns 3 bonds)"
        })
        .or_default()
        .push(r.gas_used);
    }
    let j = jm.getJob(job).call().await.unwrap();
    assert_eq!(j.state, 2, "completed");
    assert_eq!(j.bondsSlashed, U256::from(BOND));
    assert_eq!(j.bondsReturned, U256::from(3 * BOND));
    assert_eq!(j.bondsHeld, U256::ZERO);
    // A job cancelled before it starts, with 0 and with 4 bonded workers: the budget is refunded
    // and each bond returned (linear in the workers).
    for joined in [0u32, 4] {
        let (other, _) = create(0xab).await;
        for i in 1..=joined {
            let w = dev(&rpc, i).await;
            mined!(
                JobMarketAbi::new(market, &w.provider)
                    .join(other)
                    .value(U256::from(BOND))
            );
        }
        let r = mined!(jm.cancelJob(other));
        gas.entry(if joined == 0 {
            "cancelJob, open, no workers"
        } else {
            "cancelJob, open, 4 bonded workers (returns 4 bonds)"
        })
        .or_default()
        .push(r.gas_used);
        let j = jm.getJob(other).call().await.unwrap();
        assert_eq!(j.state, 3, "cancelled");
        assert_eq!(j.bondsReturned, U256::from(joined) * U256::from(BOND));
        assert_eq!(j.bondsHeld, U256::ZERO);
    }
    for (op, v) in &gas {
        let (min, max) = (v.iter().min().unwrap(), v.iter().max().unwrap());
        let mean = v.iter().sum::<u64>() / v.len() as u64;
        println!("gas {op}: min {min} mean {mean} max {max} n {}", v.len());
    }
    tokio::task::spawn_blocking(move || drop(net))
        .await
        .unwrap();
}
