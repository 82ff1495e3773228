//! The coordinator, run by each member of a job's committee: starts the job once enough workers
//! joined, then each round waits for every joined worker (or the round's timeout), checks each
//! submission, averages the accepted final checkpoints weighted by work units, uploads the
//! aggregate and a round report, and votes for the verdict's hash; once `threshold` members
//! posted the same hash, it finalizes the round with the full verdict (the last round completes
//! the job). All its state is on chain and in storage, so a restarted coordinator resumes where
//! it stopped. One coordinator runs per chain, job and member in a home (a lock in the work
//! folder): a second one would check the round again and pay the storage fee for a report whose
//! vote then reverts.
//!
//! Checks of a submission: see [`super::check`] (the same code `job audit`, committee members
//! and `cohort verify` run): units from the spec, checkpoints exactly at every K steps of the
//! round, the round's exact starting weights (the seeded init in round 0 without a base
//! model), `verify.spans` K-spans drawn from the round's seed block ([`super::spans`])
//! re-executed (a largest absolute difference ≤ `verify.tolerance` is accepted as CPU-kernel
//! rounding and recorded; GPU jobs also within the GPU tolerance, see `trainer::Tolerance`),
//! and the held-out Δloss on the validation split within `verify.max_loss_increase`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use alloy::primitives::{Address, B256, U256};
use serde::Serialize;

use super::bundle::{
    CHECK_REPORT_FORMAT, CheckReport, ROUND_REPORT_FORMAT, RecordedVerdict, RoundReport, Verdict,
};
pub use super::check::{CheckOptions, RoundBasis, check_submission, round_basis, spec_units};
use super::context::{JobContext, fetch_datasets, round_start_root};
use super::{JobInfo, JobMarket, JobState, RoundVerdict, Submission, WorkStatus, retrying};
use crate::chain::SignerChain;
use crate::chain::retry::{Flow, again_note};
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::Tolerance;

/// How the coordinator runs.
#[derive(Debug, Clone)]
pub struct CoordinateOptions {
    /// Start the job once this many workers joined.
    pub min_workers: u32,
    /// How often the chain is polled while waiting.
    pub poll: Duration,
    pub tolerance: Tolerance,
    /// Tries per chain or storage call before stopping (exit 3).
    pub attempts: u32,
    /// Where aggregates are written before upload.
    pub work_dir: PathBuf,
    /// Run a deterministic exec job's command to re-execute its submissions.
    pub allow_exec: bool,
}

/// One finalized round, as the coordinator saw it.
#[derive(Debug, Clone, Serialize)]
pub struct RoundSummary {
    pub round: u32,
    pub accepted: Vec<Address>,
    pub rejected: Vec<Address>,
    pub aggregate_root: B256,
    /// The round record the verdict names (what the committee agrees on).
    pub report_root: B256,
    /// This member's check report (its measurements), named by its vote.
    pub check_report_root: B256,
    /// The aggregate's validation loss as this member measured it.
    pub val_loss: Option<f64>,
    /// The round's starting weights' validation loss (the previous round's aggregate, or the
    /// job's starting model in round 0), as this member measured it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_val_loss: Option<f64>,
    /// The aggregate's validation loss is higher than `start_val_loss`: the round made the
    /// model worse (the coordinator notes it, naming the settings to change).
    pub val_loss_rose: bool,
    /// The hash this member voted for.
    pub verdict_hash: B256,
    /// Whether the round was finalized with this member's verdict (false: another verdict won).
    pub finalized: bool,
}

/// What `job coordinate` did.
#[derive(Debug, Clone, Serialize)]
pub struct CoordinateReport {
    pub job_id: u64,
    pub state: JobState,
    /// Rounds this run finalized.
    pub rounds: Vec<RoundSummary>,
    pub model_root: Option<B256>,
}

/// Runs the coordinator for `job_id` until the job completes or is cancelled.
pub async fn coordinate(
    client: &Client,
    s: &SignerChain,
    job_id: u64,
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> Result<CoordinateReport> {
    let a = opts.attempts;
    // Held until this returns; the kernel releases it when the process dies, even by SIGKILL.
    let _lock = lock(
        &opts.work_dir,
        s.chain.chain_id,
        client.profile.contract("job_market")?,
        job_id,
        s.address,
    )?;
    let market = retrying(a, || JobMarket::open(client)).await?;
    let store = ObjectCache::new(client);
    let ctx = retrying(a, || JobContext::load(&market, &store, job_id, progress)).await?;
    check_access(&ctx, s.address, opts)?;
    let genesis = retrying(a, || crate::worker::state::chain_genesis(&market.chain)).await?;
    if let Some(n) = claim_job_dir(&job_dir(&opts.work_dir, market.address, job_id), genesis)? {
        progress.note(&n);
    }
    // The folder of this job before folders were kept per market (it may be another market's).
    let unkeyed = opts.work_dir.join(format!("job-{job_id}"));
    if unkeyed.is_dir() {
        std::fs::remove_dir_all(&unkeyed).map_err(|e| Error::io("clear", &unkeyed, e))?;
    }
    let ctx = ctx.with_base(&store, progress).await?;
    // The job's committed tolerance wins over the option.
    let mut opts = opts.clone();
    opts.tolerance.absolute = ctx.job.terms.tolerance;
    let opts = &opts;
    // Verdicts this run voted for, by round, until the round is finalized.
    let mut posted: HashMap<u32, (RoundSummary, RoundVerdict)> = HashMap::new();
    // The checks of the current round that finished (while another waits for storage, they
    // are not run again); dropped once the round is past.
    let mut checked: Checks = HashMap::new();
    // The round whose check waits for storage (its notes are not repeated every poll).
    let mut unfinished: Option<u32> = None;
    let mut data: Vec<PathBuf> = Vec::new();
    let mut report = CoordinateReport {
        job_id,
        state: ctx.job.state,
        rounds: Vec::new(),
        model_root: None,
    };
    let mut last_note = String::new();
    let mut note = |msg: String| {
        if msg != last_note {
            progress.note(&msg);
            last_note = msg;
        }
    };
    // A chain or storage outage once running stops nothing: the member says so and tries again
    // every poll (exit 3 comes only from the start, where a wrong endpoint shows).
    loop {
        let flow = async {
            let job = retrying(a, || market.job(job_id)).await?;
            report.state = job.state;
            match job.state {
                JobState::Completed => {
                    report.model_root = job.model_root;
                    return Ok(Flow::Done);
                }
                JobState::Cancelled | JobState::Stopped => return Ok(Flow::Done),
                JobState::Open => {
                    start_or_wait(&market, s, &job, opts, &mut note, progress).await?;
                    return Ok(Flow::Next);
                }
                JobState::Running => {}
            }
            let round = job.current_round;
            checked.retain(|(r, _), _| *r >= round);
            if round >= job.rounds {
                // Finalizing the last round completes the job; wait for that state.
                tokio::time::sleep(opts.poll).await;
                return Ok(Flow::Next);
            }
            if let Some((summary, verdict)) = posted.get(&round) {
                match await_verdict(&market, s, &job, round, summary, verdict, a, progress).await? {
                    Some(done) => {
                        note(finalized_note(job_id, &done));
                        posted.remove(&round);
                        report.rounds.push(done);
                    }
                    None => {
                        note(waiting_note(&market, &job, round, a).await?);
                        tokio::time::sleep(opts.poll).await;
                    }
                }
                return Ok(Flow::Next);
            }
            // A member that already voted on this round (a run before a restart) finalizes with the
            // verdict it voted for, rebuilt from its vote; it does not check the round again.
            if let Some(voted) = retrying(a, || market.vote_of(job_id, round, s.address)).await? {
                match voted_verdict(&market, &store, s.address, &job, round, voted, a, progress).await {
                    Ok(rebuilt) => {
                        note(format!(
                            "job {job_id}: round {round}: this member voted {voted:#x} before; finalizing with that verdict"
                        ));
                        posted.insert(round, rebuilt);
                    }
                    Err(e) if e.kind == crate::error::ErrorKind::Verification => {
                        // Not this member's verdict to finalize: the others' agreed one wins.
                        note(format!(
                            "job {job_id}: round {round}: this member voted {voted:#x} before but cannot rebuild that verdict ({}); waiting for the committee",
                            e.message
                        ));
                        tokio::time::sleep(opts.poll).await;
                    }
                    Err(e) => {
                        note(format!(
                            "job {job_id}: round {round}: this member voted {voted:#x} before; rebuilding that verdict failed ({}), trying again",
                            e.message
                        ));
                        tokio::time::sleep(opts.poll).await;
                    }
                }
                return Ok(Flow::Next);
            }
            let (subs, missing) = match closed_round(&market, &job, round, a).await? {
                Ok(closed) => closed,
                Err(waiting) => {
                    note(waiting);
                    tokio::time::sleep(opts.poll).await;
                    return Ok(Flow::Next);
                }
            };
            if data.is_empty() {
                data = retrying(a, || {
                    fetch_datasets(client, &store, &job.datasets, progress)
                })
                .await?;
            }
            if unfinished != Some(round) {
                note(format!(
                    "job {job_id}: round {round}: checking {} submissions",
                    subs.len()
                ));
            }
            let done = finalize(
                &market,
                &store,
                s,
                &ctx,
                &job,
                (round, &subs, missing),
                &data,
                &mut checked,
                opts,
                progress,
            )
            .await;
            let (summary, verdict) = match done {
                Ok(done) => done,
                Err(e) if e.code == CHECK_UNFINISHED => {
                    unfinished = Some(round);
                    note(again_note(job_id, &e, e.hint.as_deref().unwrap_or_default()));
                    tokio::time::sleep(opts.poll).await;
                    return Ok(Flow::Next);
                }
                Err(e) => return Err(e),
            };
            posted.insert(round, (summary, verdict));
            Ok(Flow::Next)
        }
        .await;
        match flow {
            Ok(Flow::Next) => {}
            Ok(Flow::Done) => return Ok(report),
            Err(e) if e.kind == ErrorKind::Unreachable => {
                let then = format!("trying again every {:.1}s", opts.poll.as_secs_f64());
                note(again_note(job_id, &e, &then));
                tokio::time::sleep(opts.poll).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Takes the lock of this member's coordinator of job `job_id` of the market `market` on chain
/// `chain_id` in `work_dir` (its file holds the process id), or refuses (exit 2) while another
/// process of this home holds it. Not in the job's folder, which a run may clear.
fn lock(
    work_dir: &Path,
    chain_id: u64,
    market: Address,
    job_id: u64,
    member: Address,
) -> Result<crate::fsutil::Lock> {
    let path = work_dir.join(format!(
        "coordinate-{chain_id}-{market:#x}-job-{job_id}-{member:#x}.lock"
    ));
    if let Some(lock) = crate::fsutil::Lock::try_acquire_as_holder(&path)? {
        return Ok(lock);
    }
    let pid = crate::fsutil::Lock::holder(&path);
    Err(Error::usage(
        "job.coordinator_running",
        format!(
            "job {job_id} is already coordinated by {member} in this home{pid}: a second coordinator would check the round again and pay the storage fee for a report whose vote reverts"
        ),
    )
    .hint(format!(
        "stop the other `cohort job coordinate {job_id}` or wait for it; started again, a coordinator picks up where the last one stopped"
    )))
}

/// The member's folder of job `id` of the market at `market` (its replays, aggregates, seeded
/// init): two deployments on one chain number their jobs alike, and each job keeps its own.
fn job_dir(work_dir: &Path, market: Address, id: u64) -> PathBuf {
    work_dir
        .join(format!("{market:#x}"))
        .join(format!("job-{id}"))
}

/// Marks a job's folder with the chain it works for (the genesis hash, in `chain`). What is in
/// it is reused (replays of earlier rounds), so a folder of another chain, where a job with the
/// same id ran (a devnet reset brings the same addresses and ids back), or one that names no
/// chain, is cleared first; the note returned says so.
fn claim_job_dir(dir: &Path, genesis: B256) -> Result<Option<String>> {
    // Members coordinating from one home share the folder: one claims it at a time (another
    // member's clearing of a folder not yet marked removed it under this one's marker).
    let parent = dir.parent().unwrap_or(dir);
    crate::fsutil::ensure_dir(parent, 0o755)?;
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let _claim = crate::fsutil::Lock::acquire(&parent.join(format!(".{name}.claim")))?;
    let marker = dir.join("chain");
    let mine = format!("{genesis:#x}\n");
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == mine) {
        return Ok(None);
    }
    let foreign = marker.exists();
    let mut note = None;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| Error::io("clear", dir, e))?;
        if foreign {
            note = Some(format!(
                "cleared {}: it held the work of a job on another chain (as before `cohort devnet reset`)",
                dir.display()
            ));
        }
    }
    crate::fsutil::ensure_dir(dir, 0o755)?;
    crate::fsutil::write_atomic(&marker, mine.as_bytes(), 0o644)?;
    Ok(note)
}

/// Only a committee member coordinates (exit 4); a deterministic exec job is re-run only with
/// `--allow-exec` (exit 2).
fn check_access(ctx: &JobContext, who: Address, opts: &CoordinateOptions) -> Result<()> {
    let job_id = ctx.job.id;
    if !ctx.job.is_member(who) {
        return Err(Error::reverted(
            "job.not_committee",
            format!(
                "{} is not on the committee of job {job_id}; its members are {}",
                who,
                ctx.job
                    .terms
                    .committee
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint("sign with a committee member's wallet (--wallet)"));
    }
    if !ctx.reexecutable() && ctx.spec.model.deterministic && !opts.allow_exec {
        let cmd = ctx.spec.model.command.clone().unwrap_or_default();
        return Err(Error::usage(
            "job.exec_not_allowed",
            format!(
                "job {job_id} declares its exec command deterministic; checking it re-runs `{}`",
                crate::worker::runtime::exec::describe(&cmd)
            ),
        )
        .hint("pass --allow-exec to run it (inspect the job's files first)"));
    }
    Ok(())
}

impl RoundSummary {
    /// "N accepted, M rejected, validation loss L", marked when L rose over the round.
    pub fn outcome(&self) -> String {
        format!(
            "{} accepted, {} rejected{}{}",
            self.accepted.len(),
            self.rejected.len(),
            self.val_loss
                .map(|v| format!(", validation loss {v:.4}"))
                .unwrap_or_default(),
            match self.start_val_loss {
                Some(s) if self.val_loss_rose =>
                    format!(" (WORSE than {s:.4} at the round's start)"),
                _ => String::new(),
            }
        )
    }
}

fn finalized_note(job_id: u64, done: &RoundSummary) -> String {
    format!(
        "job {job_id}: round {} finalized: {}{}",
        done.round,
        done.outcome(),
        if done.finalized {
            ""
        } else {
            " (the committee agreed on another verdict)"
        }
    )
}

/// An open job: started once enough workers joined (another member may start it first), else
/// a wait.
async fn start_or_wait(
    market: &JobMarket,
    s: &SignerChain,
    job: &JobInfo,
    opts: &CoordinateOptions,
    note: &mut impl FnMut(String),
    progress: &dyn Progress,
) -> Result<()> {
    let job_id = job.id;
    if job.worker_count >= opts.min_workers.max(1) {
        note(format!(
            "job {job_id}: starting with {} workers",
            job.worker_count
        ));
        match market.start_job(s, job_id, progress).await {
            // Another committee member started it first.
            Err(e) if e.revert() == Some("WrongState") => {}
            other => {
                other?;
            }
        }
    } else {
        note(format!(
            "job {job_id}: waiting for workers ({} of {} joined)",
            job.worker_count,
            opts.min_workers.max(1)
        ));
        tokio::time::sleep(opts.poll).await;
    }
    Ok(())
}

/// What the coordinator waits for after voting on `round`.
async fn waiting_note(market: &JobMarket, job: &JobInfo, round: u32, a: u32) -> Result<String> {
    let votes = retrying(a, || market.round_votes(job.id, round)).await?;
    let closable = job.round_closable_at().unwrap_or_default();
    let now = retrying(a, || market.now()).await?;
    let tally = vote_tally(votes.votes, job.terms.committee.len(), job.terms.threshold);
    Ok(if now >= closable {
        format!(
            "job {}: round {round}: no verdict by the grace period's end ({tally}); anyone can close it: `cohort job close-round {} {round}`",
            job.id, job.id
        )
    } else {
        format!(
            "job {}: round {round}: voted; waiting for the committee ({tally}; votes close at {} (unix time {closable}))",
            job.id,
            super::utc(closable)
        )
    })
}

/// "1 of 2 members voted, 2 must agree".
fn vote_tally(votes: u32, members: usize, threshold: u32) -> String {
    format!("{votes} of {members} members voted, {threshold} must agree")
}

/// Votes for `verdict` (once) and finalizes the round when it reached the threshold. Returns
/// the round's summary once the round is finalized (by this member or another), None while the
/// committee has not agreed.
#[allow(clippy::too_many_arguments)]
async fn await_verdict(
    market: &JobMarket,
    s: &SignerChain,
    job: &JobInfo,
    round: u32,
    summary: &RoundSummary,
    verdict: &RoundVerdict,
    a: u32,
    progress: &dyn Progress,
) -> Result<Option<RoundSummary>> {
    let hash = verdict.hash(job.id, round);
    let mine = retrying(a, || market.vote_of(job.id, round, s.address)).await?;
    if mine.is_none() {
        match market
            .vote_verdict(s, job.id, round, hash, summary.check_report_root, progress)
            .await
        {
            Ok(_) => {}
            // Voting closed, or the round moved on: the state read below says what happened.
            // SubmissionsOpen: the round closed by the wall clock (`closed_round`) but no block has
            // reached the deadline yet; the vote is sent again at the next poll.
            Err(e)
                if matches!(
                    e.revert(),
                    Some("VotingClosed" | "WrongRound" | "WrongState" | "SubmissionsOpen")
                ) => {}
            Err(e) => return Err(e),
        }
    } else if mine != Some(hash) {
        progress.note(&format!(
            "job {}: round {round}: this member already voted for another verdict ({:#x})",
            job.id,
            mine.unwrap_or_default()
        ));
    }
    let votes = retrying(a, || market.round_votes(job.id, round)).await?;
    if votes.agreed == Some(hash) {
        match retrying(a, || {
            market.finalize_round(s, job.id, round, verdict, progress)
        })
        .await
        {
            Ok(_) => {}
            // Another member (or anyone) finalized it first.
            Err(e) if matches!(e.revert(), Some("WrongRound" | "WrongState")) => {}
            // Any other revert says the verdict cannot be finalized: a bug, not a wait.
            Err(e) if e.revert().is_some() => return Err(e),
            // A transient failure (the node, the transaction's fate): tried again at the next
            // poll; the round stays this member's to finalize.
            Err(e) => {
                progress.note(&format!(
                    "job {}: round {round}: finalizing failed ({}); trying again",
                    job.id, e.message
                ));
                return Ok(None);
            }
        }
    }
    let now = retrying(a, || market.job(job.id)).await?;
    if now.current_round > round || !now.state.is_live() {
        let mut done = summary.clone();
        done.finalized = votes.agreed == Some(hash);
        return Ok(Some(done));
    }
    Ok(None)
}

/// The verdict this member voted for on `round` in an earlier run, rebuilt from its vote: the
/// `VerdictVoted` event names its check report, which names the round record; the record's
/// verdict must hash to the vote. A verification error when it cannot be rebuilt for good (the
/// vote names no record of this round, or the record does not hash to the vote).
#[allow(clippy::too_many_arguments)]
async fn voted_verdict(
    market: &JobMarket,
    store: &ObjectCache,
    me: Address,
    job: &JobInfo,
    round: u32,
    voted: B256,
    a: u32,
    progress: &dyn Progress,
) -> Result<(RoundSummary, RoundVerdict)> {
    let votes = retrying(a, || market.member_votes(job.id, round, Some(me))).await?;
    let vote = votes
        .into_iter()
        .find(|v| v.verdict_hash == voted)
        .ok_or_else(|| {
            Error::failed(
                "job.no_vote_event",
                format!(
                    "the chain has no VerdictVoted event of {me} for round {round} of job {}",
                    job.id
                ),
            )
        })?;
    let named: serde_json::Value = retrying(a, || {
        store.fetch_json(vote.report_root, "this member's check report", progress)
    })
    .await?;
    // A vote of an older cohort names the round report itself (it was in the voted hash).
    let (record_root, val_loss, start_val_loss) = if named["format"] == CHECK_REPORT_FORMAT {
        let check: CheckReport = serde_json::from_value(named).map_err(|e| {
            Error::verification(
                "job.bad_report",
                format!("this member's check report does not parse: {e}"),
            )
        })?;
        (check.record_root, check.val_loss, check.start_val_loss)
    } else {
        (vote.report_root, None, None)
    };
    let record: RoundReport = retrying(a, || {
        store.fetch_json(record_root, "the round record", progress)
    })
    .await?;
    record.check_format()?;
    if record.job_id != job.id || record.round != round {
        return Err(Error::verification(
            "job.bad_report",
            format!(
                "the round record {record_root:#x} is for job {} round {}, not job {} round {round}",
                record.job_id, record.round, job.id
            ),
        ));
    }
    let verdict = record.verdict(record_root, |u| job.terms.paid_units(u))?;
    let hash = verdict.hash(job.id, round);
    if hash != voted {
        return Err(Error::verification(
            "job.vote_mismatch",
            format!("the round record {record_root:#x} hashes to {hash:#x}, not the vote"),
        ));
    }
    let summary = RoundSummary {
        round,
        accepted: verdict.accepted.clone(),
        rejected: verdict.rejected.clone(),
        aggregate_root: verdict.aggregate_root,
        report_root: record_root,
        check_report_root: vote.report_root,
        val_loss: val_loss.or(record.val_loss),
        start_val_loss: start_val_loss.or(record.start_val_loss),
        val_loss_rose: super::diloco::loss_rose(
            start_val_loss.or(record.start_val_loss),
            val_loss.or(record.val_loss),
        ),
        verdict_hash: hash,
        finalized: false,
    };
    Ok((summary, verdict))
}

/// The round's submissions and the expected workers who sent none, once every expected worker
/// submitted or the round's deadline passed; else what the round is waiting for.
async fn closed_round(
    market: &JobMarket,
    job: &JobInfo,
    round: u32,
    a: u32,
) -> Result<std::result::Result<(Vec<Submission>, Vec<Address>), String>> {
    let job_id = job.id;
    let subs = retrying(a, || market.submissions(job_id, round)).await?;
    let mut expected = Vec::new();
    for w in &job.workers {
        let (active, joined) = retrying(a, || market.participant(job_id, *w)).await?;
        if active && joined <= round {
            expected.push(*w);
        }
    }
    let all_in = !subs.is_empty() && expected.iter().all(|w| subs.iter().any(|s| s.worker == *w));
    let now = retrying(a, || market.now()).await?;
    let deadline = job.round_start + job.round_timeout;
    if !all_in && now < deadline {
        return Ok(Err(format!(
            "job {job_id}: round {round}: {} of {} submissions (the round closes at {} (unix time {deadline}))",
            subs.len(),
            expected.len(),
            super::utc(deadline),
        )));
    }
    let missing = expected
        .into_iter()
        .filter(|w| !subs.iter().any(|s| s.worker == *w))
        .collect();
    Ok(Ok((subs, missing)))
}

/// A check of the round could not finish on this member's own side (no storage node reached
/// for a submission's files, an error of its own) before its patience ran out: the member
/// does not vote yet.
const CHECK_UNFINISHED: &str = "job.check_unfinished";

/// Finished checks by round and worker: the verdict and, when accepted, the aggregate's input.
type Checks = HashMap<(u32, Address), (Verdict, Option<PathBuf>)>;

/// Checks every submission of `round`, aggregates, uploads and finalizes. A submission whose
/// check failed on the member's own side (no storage node reached for its files, an error of
/// the member's) is not rejected before half the grace period after the round's deadline:
/// until then this fails with [`CHECK_UNFINISHED`], keeping the checks that finished in
/// `checked`.
#[allow(clippy::too_many_arguments)]
async fn finalize(
    market: &JobMarket,
    store: &ObjectCache,
    s: &SignerChain,
    ctx: &JobContext,
    job: &super::JobInfo,
    (round, subs, missing): (u32, &[Submission], Vec<Address>),
    data: &[PathBuf],
    checked: &mut Checks,
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> Result<(RoundSummary, RoundVerdict)> {
    let start_root = retrying(opts.attempts, || round_start_root(market, job, round)).await?;
    let dir = job_dir(&opts.work_dir, market.address, job.id);
    crate::fsutil::ensure_dir(&dir, 0o755)?;
    let basis = retrying(opts.attempts, || {
        round_basis(
            market,
            store,
            ctx,
            round,
            data,
            &dir,
            opts.tolerance,
            progress,
        )
    })
    .await?;
    let start = match start_root {
        Some(r) => Some(retrying(opts.attempts, || store.fetch(r, progress)).await?),
        None => None,
    };
    // Rejecting for the member's own failure waits until half the grace period after the
    // deadline, which leaves the other half for the votes before anyone may close the round
    // unchecked.
    let patience = job
        .round_closable_at()
        .unwrap_or_default()
        .saturating_sub(job.terms.grace / 2);
    let now = retrying(opts.attempts, || market.now()).await?;
    let copts = CheckOptions {
        attempts: opts.attempts,
        deep: false,
        allow_exec: opts.allow_exec,
        work_dir: dir.clone(),
        reject_unfinished: now >= patience,
    };
    let (verdicts, finals) = check_all(
        store, ctx, round, subs, &basis, data, &copts, checked, progress,
    )
    .await
    .map_err(|(worker, e)| {
        let what = if e.kind == ErrorKind::Unreachable {
            format!("no storage node could be reached for the files of {worker}'s submission")
        } else {
            format!("checking {worker}'s submission failed on this member's side")
        };
        Error::new(
            e.kind,
            CHECK_UNFINISHED,
            format!("round {round}: {what}; not voting yet"),
        )
        .cause(e.message)
        .hint(format!(
            "trying again every {:.1}s; from {} (unix time {patience}; half the grace period after the round's deadline) a check that still cannot finish rejects",
            opts.poll.as_secs_f64(),
            super::utc(patience)
        ))
    })?;
    let (accepted, rejected): (Vec<&Verdict>, Vec<&Verdict>) =
        verdicts.iter().partition(|v| v.accepted);
    let accepted: Vec<Address> = accepted.iter().map(|v| v.worker).collect();
    let rejected: Vec<Address> = rejected.iter().map(|v| v.worker).collect();

    let (aggregate_root, aggregate_path, momentum_root) = aggregate(
        store,
        s,
        ctx,
        round,
        &dir,
        &finals,
        (start_root, start),
        &basis,
        opts,
        progress,
    )
    .await?;
    let val_loss = validation_loss(ctx, aggregate_path.as_deref(), data).await?;
    let val_loss_rose = super::diloco::loss_rose(basis.start_val_loss, val_loss);
    if let (true, Some(start), Some(now)) = (val_loss_rose, basis.start_val_loss, val_loss) {
        progress.note(&super::diloco::loss_rose_note(
            job.id,
            round,
            &ctx.spec.training_config(),
            start,
            now,
        ));
    }
    // The round record: only what every honest member computes identically (it is in the
    // voted hash); this member's measurements go into its own check report, named by its vote.
    let record = RoundReport {
        format: ROUND_REPORT_FORMAT.to_string(),
        job_id: job.id,
        round,
        verdicts: verdicts.iter().map(RecordedVerdict::from_check).collect(),
        missing,
        aggregate_root,
        val_loss: None,
        tolerance: ctx.spec.verify.tolerance,
        gpu_tolerance: None,
        seed_block: basis.seed_block,
        spans_per_submission: Some(ctx.spec.verify.spans),
        start_val_loss: None,
        max_loss_increase: Some(ctx.spec.verify.max_loss_increase),
        momentum_root,
        fp32_bytes: ctx.fp32_bytes(basis.start.as_deref()),
    };
    let name = format!("round-record-{}-{round}.json", job.id);
    let report_root = retrying(opts.attempts, || {
        store.put_json(s, &name, &record, progress)
    })
    .await?;
    let check = CheckReport {
        format: CHECK_REPORT_FORMAT.to_string(),
        job_id: job.id,
        round,
        member: s.address,
        record_root: report_root,
        verdicts,
        val_loss,
        start_val_loss: basis.start_val_loss,
        tolerance: basis.tolerance,
    };
    let name = format!("check-report-{}-{round}-{:#x}.json", job.id, s.address);
    let check_report_root =
        retrying(opts.attempts, || store.put_json(s, &name, &check, progress)).await?;
    // The verdict this member votes for, as the record states it: paid units are
    // min(work units, committed units).
    let verdict = record.verdict(report_root, |u| job.terms.paid_units(u))?;
    debug_assert_eq!(verdict.accepted, accepted);
    let summary = RoundSummary {
        round,
        accepted,
        rejected,
        aggregate_root,
        report_root,
        check_report_root,
        val_loss,
        start_val_loss: basis.start_val_loss,
        val_loss_rose,
        verdict_hash: verdict.hash(job.id, round),
        finalized: false,
    };
    Ok((summary, verdict))
}

/// The aggregate ([`super::diloco::aggregate`]: the weighted average of the accepted final
/// checkpoints, or the outer step for `nesterov` jobs), uploaded; or the round's starting
/// checkpoint when nothing was accepted. Returns its root, local path and, for `nesterov`
/// jobs, the root of the outer momentum after the round (carried over when nothing was
/// accepted).
#[allow(clippy::too_many_arguments)]
async fn aggregate(
    store: &ObjectCache,
    s: &SignerChain,
    ctx: &JobContext,
    round: u32,
    dir: &Path,
    finals: &[(PathBuf, f64)],
    (start_root, start): (Option<B256>, Option<PathBuf>),
    basis: &RoundBasis,
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> Result<(B256, Option<PathBuf>, Option<B256>)> {
    if finals.is_empty() {
        let momentum = basis.momentum.as_ref().map(|m| m.0);
        return Ok((start_root.unwrap_or_default(), start, momentum));
    }
    let out = dir.join(format!("aggregate-{round}.safetensors"));
    let m_out = dir.join(format!("momentum-{round}.safetensors"));
    let (inputs, o, mo, c) = (finals.to_vec(), out.clone(), m_out.clone(), ctx.clone());
    let (st, m) = (
        basis.start.clone(),
        basis.momentum.as_ref().map(|m| m.1.clone()),
    );
    let with_momentum = tokio::task::spawn_blocking(move || {
        super::diloco::aggregate(&c, &inputs, st.as_deref(), m.as_deref(), round, &o, &mo)
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))??;
    let root = retrying(opts.attempts, || store.put_file(s, &out, progress)).await?;
    let momentum = if with_momentum {
        Some(retrying(opts.attempts, || store.put_file(s, &m_out, progress)).await?)
    } else {
        None
    };
    Ok((root, Some(out), momentum))
}

/// The aggregate's validation loss (builtin models; `None` for others or when it fails).
async fn validation_loss(
    ctx: &JobContext,
    aggregate_path: Option<&Path>,
    data: &[PathBuf],
) -> Result<Option<f64>> {
    Ok(match (aggregate_path, ctx.reexecutable()) {
        (Some(p), true) => {
            let (c, p, d) = (ctx.clone(), p.to_path_buf(), data.to_vec());
            tokio::task::spawn_blocking(move || c.checkpoint_val_loss(&p, &d))
                .await
                .map_err(|e| Error::failed("job.task", e.to_string()))?
                .ok()
                .flatten()
        }
        _ => None,
    })
}

/// Checks every submission still waiting for a verdict; returns the verdicts and the accepted
/// final checkpoints with their weights.
#[allow(clippy::too_many_arguments)]
async fn check_all(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    subs: &[Submission],
    basis: &RoundBasis,
    data: &[PathBuf],
    copts: &CheckOptions,
    checked: &mut Checks,
    progress: &dyn Progress,
) -> std::result::Result<(Vec<Verdict>, Vec<(PathBuf, f64)>), (Address, Error)> {
    let subs: Vec<&Submission> = subs
        .iter()
        .filter(|s| s.status == WorkStatus::Submitted)
        .collect();
    // Every submission is checked, even after one could not be: the next try checks only
    // those that did not finish.
    let mut unfinished = None;
    for sub in &subs {
        if checked.contains_key(&(round, sub.worker)) {
            continue;
        }
        match check_submission(store, ctx, round, sub, basis, data, copts, progress).await {
            Ok(done) => {
                checked.insert((round, sub.worker), done);
            }
            Err(e) => {
                unfinished.get_or_insert((sub.worker, e));
            }
        }
    }
    if let Some(failed) = unfinished {
        return Err(failed);
    }
    let mut verdicts = Vec::new();
    let mut finals: Vec<(PathBuf, f64)> = Vec::new();
    for sub in subs {
        let (v, final_ck) = checked[&(round, sub.worker)].clone();
        if v.accepted
            && let Some(p) = final_ck
        {
            finals.push((p, units_f64(U256::from(spec_units(&ctx.spec)))));
        }
        verdicts.push(v);
    }
    Ok((verdicts, finals))
}

fn units_f64(u: U256) -> f64 {
    u.to_string().parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::{Address, B256, claim_job_dir, job_dir, lock, vote_tally};

    #[test]
    fn one_coordinator_per_chain_job_and_member_runs_in_a_home() {
        let work = tempfile::tempdir().unwrap();
        let (market, me, other) = (
            Address::repeat_byte(9),
            Address::repeat_byte(1),
            Address::repeat_byte(2),
        );
        let held = lock(work.path(), 31337, market, 1, me).unwrap();
        let e = lock(work.path(), 31337, market, 1, me).err().unwrap();
        assert_eq!(e.code, "job.coordinator_running");
        assert_eq!(e.kind.exit_code(), 2);
        let pid = format!("(process {})", std::process::id());
        assert!(
            e.message.contains("job 1") && e.message.contains(&pid),
            "{}",
            e.message
        );
        assert!(e.message.contains(&me.to_string()), "{}", e.message);
        assert!(
            e.hint
                .unwrap()
                .contains("stop the other `cohort job coordinate 1`")
        );
        // Another job, member or chain is another coordinator.
        let _a = lock(work.path(), 31337, market, 2, me).unwrap();
        let _b = lock(work.path(), 31337, market, 1, other).unwrap();
        let _c = lock(work.path(), 1, market, 1, me).unwrap();
        drop(held);
        lock(work.path(), 31337, market, 1, me).unwrap();
    }

    #[test]
    fn the_vote_tally_names_votes_of_members_then_the_threshold() {
        let t = vote_tally(1, 2, 2);
        assert!(
            t.starts_with("1 of 2 members voted") && t.ends_with("2 must agree"),
            "{t}"
        );
    }

    #[test]
    fn a_job_folder_of_another_chain_is_cleared_and_this_chains_kept() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("job-1");
        let replay = dir.join("replay-1-0-0x01");
        let (a, b) = (B256::repeat_byte(1), B256::repeat_byte(2));
        assert_eq!(claim_job_dir(&dir, a).unwrap(), None);
        std::fs::create_dir_all(&replay).unwrap();
        assert_eq!(claim_job_dir(&dir, a).unwrap(), None);
        assert!(replay.is_dir());
        let note = claim_job_dir(&dir, b).unwrap().unwrap();
        assert!(note.contains("another chain"), "{note}");
        assert!(!replay.exists());
        assert!(dir.is_dir());
        assert_eq!(claim_job_dir(&dir, b).unwrap(), None);
    }

    #[test]
    fn job_folders_of_two_markets_on_one_chain_keep_apart() {
        let work = tempfile::tempdir().unwrap();
        let (m1, m2) = (Address::repeat_byte(1), Address::repeat_byte(2));
        let genesis = B256::repeat_byte(7);
        let (d1, d2) = (job_dir(work.path(), m1, 1), job_dir(work.path(), m2, 1));
        assert_ne!(d1, d2);
        assert_eq!(claim_job_dir(&d1, genesis).unwrap(), None);
        let replay = d1.join("replay-1-0-0x01");
        std::fs::create_dir_all(&replay).unwrap();
        assert_eq!(claim_job_dir(&d2, genesis).unwrap(), None);
        assert!(
            replay.is_dir(),
            "job 1 of the other market lost its replays"
        );
        assert_eq!(
            std::fs::read_dir(&d2).unwrap().count(),
            1,
            "only the chain marker"
        );
    }
}
