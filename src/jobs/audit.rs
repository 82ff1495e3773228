//! `job audit`: anyone re-executes a worker's submission from the recorded inputs (the round's
//! starting checkpoint on chain, the job's sealed datasets, the spec, the worker's address) and
//! compares every checkpoint of its work bundle; and recomputes the committee's verdict with
//! the shared checks ([`super::check`]: layout, start, the spans drawn from the round's seed
//! block, Δloss), which must equal the one in the round report.

use std::path::PathBuf;

use alloy::primitives::{Address, B256};
use serde::Serialize;

use super::bundle::{RecordedVerdict, RoundReport, Verdict, WorkBundle};
use super::check::{CheckOptions, check_submission, round_basis};
use super::context::{JobContext, fetch_datasets};
use super::{JobMarket, WorkStatus};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::Tolerance;

/// One re-executed span.
#[derive(Debug, Clone, Serialize)]
pub struct SpanCheck {
    pub from_step: u64,
    pub to_step: u64,
    pub identical: bool,
    pub max_abs_diff: f64,
    /// The largest weight difference as a fraction of the span's largest weight change.
    pub relative_diff: f64,
    /// Within the tolerance.
    pub accepted: bool,
    /// The tensor with the largest difference (when not identical).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worst_tensor: Option<String>,
    /// Why the span could not be re-executed (its checkpoints are not at its listed steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Why this machine's GPU could not re-execute the span, when its CPU re-executed it instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_failure: Option<String>,
}

/// The result of an audit.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub job_id: u64,
    pub round: u32,
    pub worker: Address,
    pub bundle_root: B256,
    pub work_units: String,
    /// The submission's status on chain.
    pub status: WorkStatus,
    /// Whether the first checkpoint holds exactly the round's starting weights (for round 0
    /// without a base model: the seeded init rebuilt from the spec).
    pub starts_from_round_start: bool,
    /// The verdict the shared checks reach (spans drawn from the round's seed block).
    pub verdict: Verdict,
    /// The verdict in the round record (reason code and spans, no measurements), once the
    /// round is finalized.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_verdict: Option<RecordedVerdict>,
    /// `verdict` and `recorded_verdict` agree on acceptance and on the checked spans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_matches_record: Option<bool>,
    pub spans: Vec<SpanCheck>,
    /// Every span reproduced within the tolerance and the start matched.
    #[serde(rename = "match")]
    pub matches: bool,
    /// The largest difference over all spans.
    pub max_abs_diff: f64,
    /// The job requires a GPU: its work is judged with the GPU tolerance too.
    pub gpu_job: bool,
    pub tolerance: Tolerance,
}

/// Only a builtin job's existing rounds can be re-executed (exit 2).
fn check_auditable(ctx: &JobContext, round: u32) -> Result<()> {
    let job_id = ctx.job.id;
    if !ctx.reexecutable() {
        return Err(Error::usage(
            "job.audit_exec",
            format!(
                "job {job_id} runs an external command; its work cannot be re-executed step by step"
            ),
        ));
    }
    if round >= ctx.job.rounds {
        return Err(Error::usage(
            "job.bad_round",
            format!("job {job_id} has rounds 0 to {}", ctx.job.rounds - 1),
        ));
    }
    Ok(())
}

/// Re-executes every span between consecutive checkpoints of the bundle.
async fn reexecute(
    ctx: &JobContext,
    paths: &[(u64, PathBuf)],
    data: &[PathBuf],
    round: u32,
    worker: Address,
    tolerance: &Tolerance,
    progress: &dyn Progress,
) -> Result<Vec<SpanCheck>> {
    let mut spans = Vec::new();
    for w in paths.windows(2) {
        let ((s0, p0), (s1, p1)) = (w[0].clone(), w[1].clone());
        progress.note(&format!("re-executing steps {s0}..{s1}"));
        let (c, d) = (ctx.clone(), data.to_vec());
        let r = tokio::task::spawn_blocking(move || {
            c.verify_span((&p0, &p1), (s0, s1), &d, round, worker.into_array())
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))?;
        let r = match r {
            // Checkpoints not at their listed steps: the span does not hold (the verdict says
            // why); the other spans are still re-executed.
            Err(e) if e.code == "verify.step_mismatch" => {
                spans.push(SpanCheck {
                    from_step: s0,
                    to_step: s1,
                    identical: false,
                    max_abs_diff: f64::INFINITY,
                    relative_diff: f64::INFINITY,
                    accepted: false,
                    worst_tensor: None,
                    problem: Some(e.message),
                    gpu_failure: None,
                });
                continue;
            }
            r => r?,
        };
        let (r, gpu_failure) = r.noted((s0, s1), progress);
        let worst = (!r.identical)
            .then(|| {
                r.tensors
                    .iter()
                    .max_by(|a, b| a.max_abs_diff.total_cmp(&b.max_abs_diff))
                    .map(|t| t.name.clone())
            })
            .flatten();
        spans.push(SpanCheck {
            from_step: s0,
            to_step: s1,
            identical: r.identical,
            max_abs_diff: r.max_abs_diff,
            relative_diff: r.relative_diff,
            accepted: r.accepted(tolerance, ctx.gpu_job()),
            worst_tensor: worst,
            problem: None,
            gpu_failure,
        });
    }
    Ok(spans)
}

/// Re-executes the whole submission of `worker` in `round`, span by span.
pub async fn audit(
    client: &Client,
    job_id: u64,
    round: u32,
    worker: Address,
    tolerance: Tolerance,
    progress: &dyn Progress,
) -> Result<AuditReport> {
    let market = JobMarket::open(client).await?;
    let store = ObjectCache::new(client);
    let ctx = JobContext::load(&market, &store, job_id, progress).await?;
    check_auditable(&ctx, round)?;
    let ctx = ctx.with_base(&store, progress).await?;
    let sub = market.submission(job_id, round, worker).await?;
    if sub.status == WorkStatus::None {
        return Err(Error::usage(
            "job.no_submission",
            format!("{worker} submitted nothing for round {round} of job {job_id}"),
        )
        .hint(format!(
            "see the submissions with `cohort job show {job_id}`"
        )));
    }
    let bundle: WorkBundle = store
        .fetch_json(sub.bundle_root, "the work bundle", progress)
        .await?;
    bundle.check_format()?;
    let data = fetch_datasets(client, &store, &ctx.job.datasets, progress).await?;
    let work = client.paths.data_dir.join("audit");
    let basis = round_basis(
        &market, &store, &ctx, round, &data, &work, tolerance, progress,
    )
    .await?;
    let start = basis.start.clone();
    let copts = CheckOptions {
        attempts: 1,
        deep: false,
        allow_exec: false,
        work_dir: work.clone(),
        // A check that cannot finish on the auditor's side (storage out of reach: exit 3) says
        // nothing about the work: the audit stops with its error.
        reject_unfinished: false,
    };
    progress.note("checking the submission as the committee does (its sampled spans)");
    let (verdict, _) =
        check_submission(&store, &ctx, round, &sub, &basis, &data, &copts, progress).await?;
    let recorded_verdict = match market.round_result(job_id, round).await? {
        Some((_, report_root)) if !report_root.is_zero() => {
            let report: RoundReport = store
                .fetch_json(report_root, "the round report", progress)
                .await?;
            report.verdicts.into_iter().find(|v| v.worker == worker)
        }
        _ => None,
    };
    let verdict_matches_record = recorded_verdict.as_ref().map(|r| {
        // The record holds the spans of accepted submissions only (a rejection may stop at
        // the first bad span, which depends on the checker's measurements).
        r.accepted == verdict.accepted && (!r.accepted || r.checked_spans == verdict.checked_spans)
    });
    let (starts, spans) = if ctx.spec.verify.replay {
        // A replay pool's checkpoints are not uploaded: the verdict above replayed the whole
        // round from its start, which is the one span.
        let (from_step, to_step) = verdict.checked_spans.first().copied().unwrap_or((
            ctx.start_step(round),
            ctx.start_step(round) + ctx.spec.training.steps,
        ));
        let identical = verdict.identical == Some(true);
        let span = SpanCheck {
            from_step,
            to_step,
            identical,
            max_abs_diff: verdict.max_abs_diff.unwrap_or(f64::INFINITY),
            relative_diff: verdict.relative_diff.unwrap_or(0.0),
            accepted: identical,
            worst_tensor: None,
            problem: None,
            gpu_failure: None,
        };
        (true, vec![span])
    } else {
        let mut paths: Vec<(u64, PathBuf)> = Vec::new();
        for c in &bundle.checkpoints {
            paths.push((c.step, store.fetch(c.root, progress).await?));
        }
        if paths.len() < 2 {
            return Err(Error::verification(
                "job.audit_short",
                "the work bundle has fewer than two checkpoints",
            ));
        }
        let (first, c) = (paths[0].1.clone(), ctx.clone());
        let starts = tokio::task::spawn_blocking(move || -> Result<bool> {
            match start {
                Some(s) => c.same_start(&first, &s),
                None => Ok(true),
            }
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))??;
        progress.note("re-executing every span of the bundle");
        let spans = reexecute(&ctx, &paths, &data, round, worker, &tolerance, progress).await?;
        (starts, spans)
    };
    let max_abs_diff = spans.iter().map(|s| s.max_abs_diff).fold(0.0, f64::max);
    let matches = starts
        && spans.iter().all(|s| s.accepted)
        && verdict.accepted
        && verdict_matches_record != Some(false);
    Ok(AuditReport {
        job_id,
        round,
        worker,
        bundle_root: sub.bundle_root,
        work_units: sub.work_units.to_string(),
        status: sub.status,
        starts_from_round_start: starts,
        verdict,
        recorded_verdict,
        verdict_matches_record,
        spans,
        matches,
        max_abs_diff,
        gpu_job: ctx.gpu_job(),
        tolerance,
    })
}
