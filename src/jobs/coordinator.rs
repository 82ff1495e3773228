//! The coordinator, run by each member of a job's committee: starts the job once enough workers
//! joined, then each round waits for every joined worker (or the round's timeout), checks each
//! submission, averages the accepted final checkpoints weighted by work units, uploads the
//! aggregate and a round report, and votes for the verdict's hash; once `threshold` members
//! posted the same hash, it finalizes the round with the full verdict (the last round completes
//! the job). All its state is on chain and in storage, so a restarted coordinator resumes where
//! it stopped.
//!
//! Checks of a submission: the work bundle and every checkpoint download and match their roots;
//! the bundle names this job, round and worker and the submitted work units. For builtin jobs
//! also: the checkpoints start at the round's start step from exactly the round's starting
//! weights and end after `steps` steps; the work units are the tokens those steps process; and
//! one randomly chosen span [s, s+K] is re-executed from the checkpoint at s and must give the
//! checkpoint at s+K bit for bit (a largest absolute difference ≤ the tolerance, 1e-5 by
//! default, is accepted as CPU-kernel rounding and recorded). Jobs that require a GPU train on
//! CUDA; their spans are re-executed on the coordinator's GPU when it has one (the same GPU
//! model reproduces bit for bit), else on its CPU, and a difference up to the GPU tolerance
//! (10% of the span's largest weight change by default) is accepted: see `trainer::Tolerance`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use alloy::primitives::{Address, B256, U256};
use rand::Rng;
use serde::Serialize;

use super::bundle::{ROUND_REPORT_FORMAT, RoundReport, Verdict, WorkBundle};
use super::context::{JobContext, fetch_datasets, round_start_root};
use super::{JobInfo, JobMarket, JobState, RoundVerdict, Submission, WorkStatus, retrying};
use crate::chain::SignerChain;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::{self, Checkpoint, DeviceChoice, Split, Tolerance};

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
}

/// One finalized round, as the coordinator saw it.
#[derive(Debug, Clone, Serialize)]
pub struct RoundSummary {
    pub round: u32,
    pub accepted: Vec<Address>,
    pub rejected: Vec<Address>,
    pub aggregate_root: B256,
    pub report_root: B256,
    pub val_loss: Option<f64>,
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
    let market = retrying(a, || JobMarket::open(client)).await?;
    let store = ObjectCache::new(client);
    let ctx = retrying(a, || JobContext::load(&market, &store, job_id, progress)).await?;
    if !ctx.job.is_member(s.address) {
        return Err(Error::reverted(
            "job.not_committee",
            format!(
                "{} is not on the committee of job {job_id}; its members are {}",
                s.address,
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
    // The job's committed tolerance wins over the option.
    let mut opts = opts.clone();
    opts.tolerance.absolute = ctx.job.terms.tolerance;
    let opts = &opts;
    // Verdicts this run voted for, by round, until the round is finalized.
    let mut posted: HashMap<u32, (RoundSummary, RoundVerdict)> = HashMap::new();
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
    loop {
        let job = retrying(a, || market.job(job_id)).await?;
        report.state = job.state;
        match job.state {
            JobState::Completed => {
                report.model_root = job.model_root;
                return Ok(report);
            }
            JobState::Cancelled | JobState::Stopped => return Ok(report),
            JobState::Open => {
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
                continue;
            }
            JobState::Running => {}
        }
        let round = job.current_round;
        if round >= job.rounds {
            // Finalizing the last round completes the job; wait for that state.
            tokio::time::sleep(opts.poll).await;
            continue;
        }
        if let Some((summary, verdict)) = posted.get(&round) {
            match await_verdict(&market, s, &job, round, summary, verdict, a, progress).await? {
                Some(done) => {
                    note(format!(
                        "job {job_id}: round {round} finalized: {} accepted, {} rejected{}{}",
                        done.accepted.len(),
                        done.rejected.len(),
                        done.val_loss
                            .map(|v| format!(", validation loss {v:.4}"))
                            .unwrap_or_default(),
                        if done.finalized {
                            ""
                        } else {
                            " (the committee agreed on another verdict)"
                        }
                    ));
                    posted.remove(&round);
                    report.rounds.push(done);
                }
                None => {
                    note(waiting_note(&market, &job, round, a).await?);
                    tokio::time::sleep(opts.poll).await;
                }
            }
            continue;
        }
        let (subs, missing) = match closed_round(&market, &job, round, a).await? {
            Ok(closed) => closed,
            Err(waiting) => {
                note(waiting);
                tokio::time::sleep(opts.poll).await;
                continue;
            }
        };
        if data.is_empty() {
            data = retrying(a, || {
                fetch_datasets(client, &store, &job.datasets, progress)
            })
            .await?;
        }
        note(format!(
            "job {job_id}: round {round}: checking {} submissions",
            subs.len()
        ));
        let (summary, verdict) = finalize(
            &market, &store, s, &ctx, &job, round, &subs, missing, &data, opts, progress,
        )
        .await?;
        posted.insert(round, (summary, verdict));
    }
}

/// What the coordinator waits for after voting on `round`.
async fn waiting_note(market: &JobMarket, job: &JobInfo, round: u32, a: u32) -> Result<String> {
    let votes = retrying(a, || market.round_votes(job.id, round)).await?;
    let closable = job.round_closable_at().unwrap_or_default();
    let now = retrying(a, || market.now()).await?;
    Ok(if now >= closable {
        format!(
            "job {}: round {round}: no verdict reached {} of {} votes by the grace period's end; anyone can close it: `cohort job close-round {} {round}`",
            job.id, job.terms.threshold, votes.votes, job.id
        )
    } else {
        format!(
            "job {}: round {round}: voted; waiting for the committee ({} of {} members voted, {} must agree; votes close at unix time {closable})",
            job.id,
            votes.votes,
            job.terms.committee.len(),
            job.terms.threshold
        )
    })
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
            .vote_verdict(s, job.id, round, hash, verdict.report_root, progress)
            .await
        {
            Ok(_) => {}
            // Voting closed, or the round moved on: the state read below says what happened.
            Err(e)
                if matches!(
                    e.revert(),
                    Some("VotingClosed" | "WrongRound" | "WrongState")
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
        match market
            .finalize_round(s, job.id, round, verdict, progress)
            .await
        {
            Ok(_) => {}
            // Another member (or anyone) finalized it first.
            Err(e) if matches!(e.revert(), Some("WrongRound" | "WrongState")) => {}
            Err(e) => return Err(e),
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
            "job {job_id}: round {round}: {} of {} submissions (the round closes at unix time {deadline})",
            subs.len(),
            expected.len(),
        )));
    }
    let missing = expected
        .into_iter()
        .filter(|w| !subs.iter().any(|s| s.worker == *w))
        .collect();
    Ok(Ok((subs, missing)))
}

/// Checks every submission of `round`, aggregates, uploads and finalizes.
#[allow(clippy::too_many_arguments)]
async fn finalize(
    market: &JobMarket,
    store: &ObjectCache,
    s: &SignerChain,
    ctx: &JobContext,
    job: &super::JobInfo,
    round: u32,
    subs: &[Submission],
    missing: Vec<Address>,
    data: &[PathBuf],
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> Result<(RoundSummary, RoundVerdict)> {
    let start_root = retrying(opts.attempts, || round_start_root(market, job, round)).await?;
    let start = match start_root {
        Some(r) => Some(retrying(opts.attempts, || store.fetch(r, progress)).await?),
        None => None,
    };
    let mut verdicts = Vec::new();
    let mut finals: Vec<(PathBuf, f64)> = Vec::new();
    for sub in subs.iter().filter(|s| s.status == WorkStatus::Submitted) {
        let (v, final_ck) = check_submission(
            store,
            ctx,
            round,
            sub,
            start.as_deref(),
            data,
            opts,
            progress,
        )
        .await;
        if v.accepted
            && let Some(p) = final_ck
        {
            finals.push((p, units_f64(sub.work_units)));
        }
        verdicts.push(v);
    }
    let accepted: Vec<Address> = verdicts
        .iter()
        .filter(|v| v.accepted)
        .map(|v| v.worker)
        .collect();
    let rejected: Vec<Address> = verdicts
        .iter()
        .filter(|v| !v.accepted)
        .map(|v| v.worker)
        .collect();

    // The aggregate: the weighted average of the accepted final checkpoints, or the round's
    // starting checkpoint when nothing was accepted.
    let dir = opts.work_dir.join(format!("job-{}", job.id));
    crate::fsutil::ensure_dir(&dir, 0o755)?;
    let (aggregate_root, aggregate_path) = if finals.is_empty() {
        (start_root.unwrap_or_default(), start.clone())
    } else {
        let out = dir.join(format!("aggregate-{round}.safetensors"));
        let (inputs, o, builtin) = (finals.clone(), out.clone(), ctx.is_builtin());
        tokio::task::spawn_blocking(move || {
            if builtin {
                trainer::average(&inputs, &o)
            } else {
                trainer::average::average_safetensors(&inputs, &o)
            }
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))??;
        let root = retrying(opts.attempts, || store.put_file(s, &out, progress)).await?;
        (root, Some(out))
    };
    let val_loss = match (&aggregate_path, ctx.is_builtin()) {
        (Some(p), true) => {
            let (p, d, w) = (p.clone(), data.to_vec(), ctx.training().eval_windows);
            tokio::task::spawn_blocking(move || {
                trainer::evaluate_split(&p, &d, Split::Val, Some(w), DeviceChoice::Cpu)
            })
            .await
            .map_err(|e| Error::failed("job.task", e.to_string()))?
            .ok()
            .map(|r| r.loss)
        }
        _ => None,
    };
    let report = RoundReport {
        format: ROUND_REPORT_FORMAT.to_string(),
        job_id: job.id,
        round,
        verdicts,
        missing,
        aggregate_root,
        val_loss,
        tolerance: opts.tolerance.absolute,
        gpu_tolerance: ctx.gpu_job().then_some(opts.tolerance.gpu_relative),
    };
    let name = format!("round-report-{}-{round}.json", job.id);
    let report_root = retrying(opts.attempts, || {
        store.put_json(s, &name, &report, progress)
    })
    .await?;
    // The verdict this member votes for: paid units are min(work units, committed units).
    let units = accepted
        .iter()
        .map(|w| {
            let claimed = subs
                .iter()
                .find(|x| x.worker == *w)
                .map(|x| x.work_units)
                .unwrap_or_default();
            job.terms.paid_units(claimed)
        })
        .collect();
    let verdict = RoundVerdict {
        accepted: accepted.clone(),
        units,
        rejected: rejected.clone(),
        aggregate_root,
        report_root,
    };
    let summary = RoundSummary {
        round,
        accepted,
        rejected,
        aggregate_root,
        report_root,
        val_loss,
        verdict_hash: verdict.hash(job.id, round),
        finalized: false,
    };
    Ok((summary, verdict))
}

fn units_f64(u: U256) -> f64 {
    u.to_string().parse().unwrap_or(0.0)
}

fn reject(sub: &Submission, reason: String) -> Verdict {
    Verdict {
        worker: sub.worker,
        bundle_root: sub.bundle_root,
        work_units: sub.work_units.to_string(),
        accepted: false,
        reason: Some(reason),
        checked_span: None,
        identical: None,
        max_abs_diff: None,
        relative_diff: None,
        reported_val_loss: None,
    }
}

/// Checks one submission; returns the verdict and, when accepted, the final checkpoint's path.
#[allow(clippy::too_many_arguments)]
pub async fn check_submission(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    start: Option<&Path>,
    data: &[PathBuf],
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> (Verdict, Option<PathBuf>) {
    match check_inner(store, ctx, round, sub, start, data, opts, progress).await {
        Ok(v) => v,
        Err(e) => (reject(sub, e.message), None),
    }
}

/// A check that failed: the submission is rejected with this verdict.
type Checked<T> = std::result::Result<T, Box<Verdict>>;

#[allow(clippy::too_many_arguments)]
async fn check_inner(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    start: Option<&Path>,
    data: &[PathBuf],
    opts: &CoordinateOptions,
    progress: &dyn Progress,
) -> Result<(Verdict, Option<PathBuf>)> {
    let checked = async {
        let bundle = fetch_bundle(store, ctx, round, sub, opts.attempts, progress).await?;
        let paths = fetch_checkpoints(store, &bundle, sub, opts.attempts, progress).await?;
        Ok::<_, Box<Verdict>>((bundle, paths))
    }
    .await;
    let (bundle, paths) = match checked {
        Ok(v) => v,
        Err(rejected) => return Ok((*rejected, None)),
    };
    let final_path = paths.last().cloned().expect("checked non-empty");
    let verdict = Verdict {
        worker: sub.worker,
        bundle_root: sub.bundle_root,
        work_units: sub.work_units.to_string(),
        accepted: true,
        reason: None,
        checked_span: None,
        identical: None,
        max_abs_diff: None,
        relative_diff: None,
        reported_val_loss: bundle.metrics.final_val_loss,
    };
    if !ctx.is_builtin() {
        return Ok(match check_exec_output(&final_path, sub).await {
            Ok(()) => (verdict, Some(final_path)),
            Err(rejected) => (*rejected, None),
        });
    }
    // Builtin: the shape of the work, its start, then one re-executed span.
    let steps = match check_layout(ctx, round, &bundle, sub) {
        Ok(steps) => steps,
        Err(rejected) => return Ok((*rejected, None)),
    };
    if let Err(rejected) = check_start(ctx, &paths[0], start, sub).await? {
        return Ok((*rejected, None));
    }
    let verdict = reexecute_span(
        ctx, round, sub, data, opts, &paths, &steps, verdict, progress,
    )
    .await?;
    let accepted = verdict.accepted;
    Ok((verdict, accepted.then_some(final_path)))
}

/// The work bundle, fetched and consistent with the submission.
async fn fetch_bundle(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    a: u32,
    progress: &dyn Progress,
) -> Checked<WorkBundle> {
    let rejected = |why: String| Box::new(reject(sub, why));
    let bundle: WorkBundle = retrying(a, || {
        store.fetch_json(sub.bundle_root, "the work bundle", progress)
    })
    .await
    .map_err(|e| {
        rejected(format!(
            "the work bundle could not be fetched: {}",
            e.message
        ))
    })?;
    bundle.check_format().map_err(|e| rejected(e.message))?;
    let mut problems = Vec::new();
    if bundle.job_id != ctx.job.id || bundle.round != round || bundle.worker != sub.worker {
        problems.push(format!(
            "the bundle is for job {} round {} worker {}, not job {} round {round} worker {}",
            bundle.job_id, bundle.round, bundle.worker, ctx.job.id, sub.worker
        ));
    }
    if U256::from(bundle.work_units) != sub.work_units {
        problems.push(format!(
            "the bundle claims {} work units but {} were submitted",
            bundle.work_units, sub.work_units
        ));
    }
    if bundle.checkpoints.is_empty() || bundle.checkpoints.last() != Some(&bundle.final_checkpoint)
    {
        problems.push("the bundle's final checkpoint is not its last checkpoint".into());
    }
    match problems.into_iter().next() {
        Some(p) => Err(rejected(p)),
        None => Ok(bundle),
    }
}

/// Every checkpoint of the bundle, downloaded and matching its root.
async fn fetch_checkpoints(
    store: &ObjectCache,
    bundle: &WorkBundle,
    sub: &Submission,
    a: u32,
    progress: &dyn Progress,
) -> Checked<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for c in &bundle.checkpoints {
        let p = retrying(a, || store.fetch(c.root, progress))
            .await
            .map_err(|e| {
                Box::new(reject(
                    sub,
                    format!(
                        "the checkpoint at step {} ({:#x}) could not be fetched: {}",
                        c.step, c.root, e.message
                    ),
                ))
            })?;
        paths.push(p);
    }
    Ok(paths)
}

/// An exec job's output must at least be a safetensors file.
async fn check_exec_output(final_path: &Path, sub: &Submission) -> Checked<()> {
    let p = final_path.to_path_buf();
    let parsed = tokio::task::spawn_blocking(move || {
        std::fs::read(&p)
            .ok()
            .is_some_and(|b| safetensors::SafeTensors::deserialize(&b).is_ok())
    })
    .await
    .unwrap_or(false);
    if parsed {
        Ok(())
    } else {
        Err(Box::new(reject(
            sub,
            "the final checkpoint is not a safetensors file".into(),
        )))
    }
}

/// The checkpoints span the round in increasing steps, and the units are the spec's tokens.
fn check_layout(
    ctx: &JobContext,
    round: u32,
    bundle: &WorkBundle,
    sub: &Submission,
) -> Checked<Vec<u64>> {
    let spec = &ctx.spec;
    let start_step = ctx.start_step(round);
    let end_step = start_step + spec.training.steps;
    let steps: Vec<u64> = bundle.checkpoints.iter().map(|c| c.step).collect();
    if steps.first() != Some(&start_step)
        || steps.last() != Some(&end_step)
        || steps.windows(2).any(|w| w[0] >= w[1])
    {
        return Err(Box::new(reject(
            sub,
            format!(
                "the checkpoints are at steps {steps:?}; the round runs from step {start_step} to {end_step}"
            ),
        )));
    }
    let tokens = spec.training.steps * (spec.training.batch_size * spec.model.context) as u64;
    if bundle.work_units != tokens {
        return Err(Box::new(reject(
            sub,
            format!(
                "{} work units claimed; {} steps process {tokens} tokens",
                bundle.work_units, spec.training.steps
            ),
        )));
    }
    Ok(steps)
}

/// The first checkpoint has the spec's shape and starts from the round's starting weights.
async fn check_start(
    ctx: &JobContext,
    first: &Path,
    start: Option<&Path>,
    sub: &Submission,
) -> Result<Checked<()>> {
    let (first, model) = (first.to_path_buf(), ctx.spec.model.config());
    let start_owned = start.map(Path::to_path_buf);
    let starts_right = tokio::task::spawn_blocking(move || -> Result<Option<String>> {
        let ck = Checkpoint::load(&first)?;
        ck.check_config(&model, &first)?;
        if let Some(sp) = start_owned {
            let st = Checkpoint::load(&sp)?;
            if st.weights != ck.weights {
                return Ok(Some(
                    "the first checkpoint's weights are not the round's starting weights".into(),
                ));
            }
        }
        Ok(None)
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    match starts_right {
        Ok(None) => Ok(Ok(())),
        Ok(Some(why)) => Ok(Err(Box::new(reject(sub, why)))),
        Err(e) => Ok(Err(Box::new(reject(
            sub,
            format!("the first checkpoint is not usable: {}", e.message),
        )))),
    }
}

/// Re-executes one span drawn at random and compares it with the claimed checkpoint.
#[allow(clippy::too_many_arguments)]
async fn reexecute_span(
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    data: &[PathBuf],
    opts: &CoordinateOptions,
    paths: &[PathBuf],
    steps: &[u64],
    mut verdict: Verdict,
    progress: &dyn Progress,
) -> Result<Verdict> {
    let i = rand::rng().random_range(0..paths.len() - 1);
    let (from, to) = (paths[i].clone(), paths[i + 1].clone());
    let span = (steps[i], steps[i + 1]);
    let vopts = ctx.verify_options(data.to_vec(), round, sub.worker.into_array());
    progress.note(&format!(
        "re-executing steps {}..{} of {}",
        span.0, span.1, sub.worker
    ));
    let r = tokio::task::spawn_blocking(move || trainer::verify_span(&from, &to, &vopts))
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))?;
    verdict.checked_span = Some(span);
    match r {
        Err(e) => {
            return Ok(reject_with_span(
                sub,
                span,
                format!("the span could not be re-executed: {}", e.message),
            ));
        }
        Ok(rep) => {
            verdict.identical = Some(rep.identical);
            verdict.max_abs_diff = Some(rep.max_abs_diff);
            let gpu_job = ctx.gpu_job();
            verdict.relative_diff = Some(rep.relative_diff);
            if !rep.accepted(&opts.tolerance, gpu_job) {
                let worst = rep
                    .tensors
                    .iter()
                    .max_by(|a, b| a.max_abs_diff.total_cmp(&b.max_abs_diff))
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                verdict.accepted = false;
                let allowed = if gpu_job {
                    format!(
                        "tolerance {:e}, or {} of the span's largest weight change {:e} for GPU work (here {:.3})",
                        opts.tolerance.absolute,
                        opts.tolerance.gpu_relative,
                        rep.span_change,
                        rep.relative_diff
                    )
                } else {
                    format!("tolerance {:e}", opts.tolerance.absolute)
                };
                verdict.reason = Some(format!(
                    "re-executing steps {}..{} does not reproduce the checkpoint at step {}: largest difference {:e} (in {worst}), {allowed}",
                    span.0, span.1, span.1, rep.max_abs_diff
                ));
                return Ok(verdict);
            }
        }
    }
    Ok(verdict)
}

fn reject_with_span(sub: &Submission, span: (u64, u64), reason: String) -> Verdict {
    let mut v = reject(sub, reason);
    v.checked_span = Some(span);
    v
}
