//! The checks of one submission, shared by the coordinator, committee members, `job audit` and
//! `cohort verify`; every input comes from the chain and storage, so all of them reach the same
//! verdict, bit for bit on CPU.
//!
//! In order, each failing check rejecting the submission with its reason:
//! 1. the work bundle downloads, matches its root and names this job, round and worker;
//! 2. the work units are the spec's (`steps × batch_size × context`), whatever the worker
//!    measured or its `metrics.json` says;
//! 3. builtin: the checkpoints lie exactly at the round's K-grid
//!    ([`crate::trainer::verify::checkpoint_layout`]), before anything is downloaded or re-run;
//! 4. every checkpoint downloads and matches its root; exec: the output is safetensors that can
//!    be averaged with the round's others (the tensor layout of the round's starting weights,
//!    or in round 0 the one most submissions share: [`exec_layout`]);
//! 5. builtin: the first checkpoint holds exactly the round's starting weights (the previous
//!    aggregate, the base model, or for round 0 without a base model the seeded init rebuilt
//!    from the spec), and every checkpoint is at its listed step inside its file (metadata
//!    `step` and AdamW's `optim.t`, [`diloco::check_steps`]);
//! 6. builtin: `verify.spans` K-spans drawn from the round's seed block ([`super::spans`]) are
//!    re-executed between their listed steps and must reproduce the claimed checkpoints (all
//!    spans with `deep`);
//! 7. every runtime: the final weights' loss on the job's validation split may exceed the
//!    round start's by at most `verify.max_loss_increase` (Δloss; exec outputs that are not
//!    cohort checkpoints cannot be scored and are recorded as such);
//! 8. exec jobs declaring `[model] deterministic = true`, for a checker that allows exec: the
//!    command re-run with the round's inputs must reproduce the submitted output.
//!
//! Each rejection above is the worker's doing. A check that fails on the checker's own side —
//! no storage node could be reached for a file (after the retries), or an error of its own
//! (a task that panicked, a folder it cannot write) — stops unfinished with that error unless
//! [`CheckOptions::reject_unfinished`] says to reject for it (`rejected`). A file the nodes
//! that answered do not hold, or whose bytes do not match its root, rejects; so does a span
//! whose re-execution fails (`reexecution_failed`) on the CPU, the reference. A span whose run
//! on the checker's GPU fails in the computation (out of memory, a kernel) is re-executed on
//! the CPU instead ([`super::trainers::on_gpu_else_cpu`]).

use std::path::{Path, PathBuf};

use std::collections::HashMap;

use alloy::primitives::{Address, B256, U256};

use super::bundle::{Rejection, Verdict, WorkBundle};
use super::context::{JobContext, round_start_root};
use super::diloco::{self, Inherited};
use super::spans::{SeedBlock, draw, seed_block};
use super::{JobMarket, Submission, retrying};
use crate::error::{Error, ErrorKind, Result};
use crate::jobspec::JobSpec;
use crate::jobspec::TrainerKind;
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::average::{Layout, layout_of, layout_problem};
use crate::trainer::verify::checkpoint_layout;
use crate::trainer::{Checkpoint, Tolerance};

/// What every submission of a round is checked against.
#[derive(Debug, Clone)]
pub struct RoundBasis {
    /// The round's starting weights as a file: the round's starting checkpoint, or for round 0
    /// of a builtin job without a base model the seeded init rebuilt from the spec.
    pub start: Option<PathBuf>,
    /// `start` is the rebuilt seeded init.
    pub start_is_init: bool,
    /// The starting weights' loss on the validation split (when they can be scored).
    pub start_val_loss: Option<f64>,
    /// The block whose hash seeds the span draws (None when nothing was submitted).
    pub seed_block: Option<SeedBlock>,
    /// The committed tolerance (`verify.tolerance`) and the GPU one.
    pub tolerance: Tolerance,
    /// `nesterov` jobs: the outer momentum the round starts from (root and local file).
    pub momentum: Option<(B256, PathBuf)>,
    /// DiLoCo jobs: what each submitter carries into the round ([`super::diloco`]).
    pub inherited: HashMap<Address, Inherited>,
    /// Exec jobs: the tensor layout every output must have to be averaged ([`exec_layout`]).
    pub exec_layout: Option<ExecLayout>,
}

/// The tensor names, dtypes and shapes every output of an exec round must have, and where
/// they come from.
#[derive(Debug, Clone)]
pub struct ExecLayout {
    pub layout: Layout,
    /// What the layout is, for a rejection's reason.
    pub source: String,
}

/// How thoroughly to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Tries per chain or storage call.
    pub attempts: u32,
    /// Re-execute every span, not only the drawn ones (`cohort verify --deep`).
    pub deep: bool,
    /// Run a deterministic exec job's command to re-execute its round (`--allow-exec`).
    pub allow_exec: bool,
    /// Where re-executions of exec rounds run.
    pub work_dir: PathBuf,
    /// Reject a submission whose check failed on the checker's own side (no storage node
    /// reached for one of its files after the retries, an error of the checker's). Off, such a
    /// check stops unfinished with that error: the submission is neither accepted nor rejected.
    pub reject_unfinished: bool,
}

/// A fetch of one of the submission's files, split by whose side failed: `Err` when no storage
/// node could be reached and `reject_unfinished` is off (the check stops unfinished),
/// `Ok(Err(e))` when the submission is rejected for it.
fn own_side<T>(r: Result<T>, reject_unfinished: bool) -> Result<std::result::Result<T, Error>> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e) if e.kind == ErrorKind::Unreachable && !reject_unfinished => Err(e),
        Err(e) => Ok(Err(e)),
    }
}

/// The work units a submission earns: the tokens its steps process, from the spec alone.
pub fn spec_units(spec: &JobSpec) -> u64 {
    spec.training.steps * (spec.training.batch_size * spec.model.context) as u64
}

/// Builds the round's basis: its starting weights (rebuilt when seeded), their validation
/// loss, the seed block.
#[allow(clippy::too_many_arguments)]
pub async fn round_basis(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    data: &[PathBuf],
    work_dir: &Path,
    gpu_tolerance: Tolerance,
    progress: &dyn Progress,
) -> Result<RoundBasis> {
    let start_root = round_start_root(market, &ctx.job, round).await?;
    // Round 0 of a builtin job: the seeded init, rebuilt from the spec exactly as `job submit`
    // writes the base model. With no base model on chain it is the start; with one, the start
    // is the base model, recognized as the seeded init when the roots agree.
    let init = if round == 0 && ctx.reexecutable() {
        let p = work_dir.join(format!("init-{}.safetensors", ctx.job.id));
        let (c, out) = (ctx.clone(), p.clone());
        let root = tokio::task::spawn_blocking(move || -> Result<B256> {
            crate::fsutil::ensure_dir(out.parent().unwrap_or(Path::new(".")), 0o755)?;
            c.write_initial(&out)?;
            crate::storage::cache::file_root(&out)
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))??;
        Some((p, root))
    } else {
        None
    };
    let (start, start_is_init) = match (start_root, init) {
        (None, Some((p, _))) => (Some(p), true),
        (Some(r), Some((p, root))) if r == root => (Some(p), true),
        (Some(r), _) => (Some(store.fetch(r, progress).await?), false),
        (None, None) => (None, false),
    };
    let start_val_loss = match &start {
        Some(p) => val_loss(ctx, p, data).await,
        None => None,
    };
    let exec_layout = if ctx.spec.model.trainer == TrainerKind::Exec {
        exec_layout(market, store, ctx, round, start.as_deref(), progress).await?
    } else {
        None
    };
    Ok(RoundBasis {
        start,
        start_is_init,
        start_val_loss,
        seed_block: seed_block(market, ctx.job.id, round).await?,
        tolerance: Tolerance {
            absolute: ctx.spec.verify.tolerance,
            gpu_relative: gpu_tolerance.gpu_relative,
        },
        momentum: diloco::momentum_before(market, store, ctx, round, progress).await?,
        inherited: if ctx.spec.verify.replay {
            super::replay::inherited_by_worker(market, store, ctx, round, data, work_dir, progress)
                .await?
        } else {
            diloco::inherited_by_worker(market, store, ctx, round, progress).await?
        },
        exec_layout,
    })
}

/// The layout of an exec round's outputs, the same for every checker: the round's starting
/// weights' (the previous aggregate) when the round has them and they are safetensors;
/// otherwise (round 0: exec jobs have no base model) the layout most of the round's
/// submissions share, ties going to the layout of the lowest worker address. Only submissions
/// whose bundle is consistent (job, round, worker, units) and whose final output downloads, is
/// safetensors and holds only averageable tensors count. None when nothing counts.
async fn exec_layout(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    start: Option<&Path>,
    progress: &dyn Progress,
) -> Result<Option<ExecLayout>> {
    let read_layout = |p: PathBuf| async move {
        tokio::task::spawn_blocking(move || {
            std::fs::read(&p)
                .map_err(|e| Error::io("read", &p, e))
                .and_then(|b| layout_of(&b))
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))?
    };
    if let Some(p) = start
        && let Ok(layout) = read_layout(p.to_path_buf()).await
    {
        return Ok(Some(ExecLayout {
            layout,
            source: "the round's starting weights".into(),
        }));
    }
    let mut outputs = Vec::new();
    for sub in market.submissions(ctx.job.id, round).await? {
        let Ok(Ok(bundle)) = fetch_bundle(store, ctx, round, &sub, (3, true), progress).await
        else {
            continue;
        };
        let root = bundle.final_checkpoint.root;
        let Ok(p) = retrying(3, || store.fetch(root, progress)).await else {
            continue;
        };
        if let Ok(layout) = read_layout(p).await
            && layout_problem(&layout, &layout).is_none()
        {
            outputs.push((sub.worker, layout));
        }
    }
    let total = outputs.len();
    Ok(majority_layout(outputs).map(|(layout, n)| ExecLayout {
        layout,
        source: format!(
            "the layout {n} of the round's {total} usable outputs share (round {round} has no starting weights)"
        ),
    }))
}

/// The layout most outputs share and how many share it; ties go to the layout whose lowest
/// worker address is lowest.
pub fn majority_layout(mut outputs: Vec<(Address, Layout)>) -> Option<(Layout, usize)> {
    outputs.sort_by_key(|(w, _)| *w);
    let mut groups: Vec<(Layout, usize)> = Vec::new();
    for (_, l) in outputs {
        match groups.iter_mut().find(|(g, _)| *g == l) {
            Some((_, n)) => *n += 1,
            None => groups.push((l, 1)),
        }
    }
    // Groups are in the order of their lowest address: the first of the largest wins.
    let mut best: Option<(Layout, usize)> = None;
    for (l, n) in groups {
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((l, n));
        }
    }
    best
}

/// The validation loss of a cohort checkpoint on the job's datasets (None when the file is not
/// a cohort checkpoint or the validation split is too short to score).
pub async fn val_loss(ctx: &JobContext, ckpt: &Path, data: &[PathBuf]) -> Option<f64> {
    let (c, p, d) = (ctx.clone(), ckpt.to_path_buf(), data.to_vec());
    tokio::task::spawn_blocking(move || c.checkpoint_val_loss(&p, &d))
        .await
        .ok()?
        .ok()
        .flatten()
}

/// A submission's verdict before any check has failed: accepted, nothing measured.
fn unchecked(sub: &Submission) -> Verdict {
    Verdict {
        worker: sub.worker,
        bundle_root: sub.bundle_root,
        work_units: sub.work_units.to_string(),
        accepted: true,
        reason: None,
        code: None,
        checked_spans: Vec::new(),
        cpu_reexecuted: Vec::new(),
        identical: None,
        max_abs_diff: None,
        relative_diff: None,
        reported_val_loss: None,
        val_loss: None,
        delta_loss: None,
        uploaded_bytes: None,
        delta_bytes: None,
    }
}

pub(crate) fn reject(sub: &Submission, code: Rejection, reason: String) -> Verdict {
    let mut v = unchecked(sub);
    v.reject(code, reason);
    v
}

/// Checks one submission; returns the verdict and, when accepted, the final checkpoint's path.
/// Fails only when the check could not finish on the checker's own side (no storage node
/// reached for one of the submission's files, exit 3, or an error of the checker's) and
/// `opts.reject_unfinished` is off.
#[allow(clippy::too_many_arguments)]
pub async fn check_submission(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    basis: &RoundBasis,
    data: &[PathBuf],
    opts: &CheckOptions,
    progress: &dyn Progress,
) -> Result<(Verdict, Option<PathBuf>)> {
    match check_inner(store, ctx, round, sub, basis, data, opts, progress).await {
        Ok(v) => Ok(v),
        // Every rejection of the worker's doing is a verdict: an error is the checker's own.
        Err(e) if !opts.reject_unfinished => Err(e),
        Err(e) => Ok((reject(sub, Rejection::Rejected, e.message), None)),
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
    basis: &RoundBasis,
    data: &[PathBuf],
    opts: &CheckOptions,
    progress: &dyn Progress,
) -> Result<(Verdict, Option<PathBuf>)> {
    let how = (opts.attempts, opts.reject_unfinished);
    let bundle = match fetch_bundle(store, ctx, round, sub, how, progress).await? {
        Ok(b) => b,
        Err(rejected) => return Ok((*rejected, None)),
    };
    if ctx.reexecutable()
        && let Err(rejected) = check_layout(ctx, round, &bundle, sub)
    {
        return Ok((*rejected, None));
    }
    let paths = if ctx.spec.verify.replay && ctx.reexecutable() {
        Vec::new()
    } else {
        match fetch_checkpoints(store, &bundle, sub, how, progress).await? {
            Ok(p) => p,
            Err(rejected) => return Ok((*rejected, None)),
        }
    };
    if ctx.spec.verify.replay && ctx.reexecutable() {
        let mut verdict = unchecked(sub);
        verdict.reported_val_loss = bundle.metrics.final_val_loss;
        verdict.uploaded_bytes = Some(bundle.uploaded_bytes());
        verdict.delta_bytes = bundle.delta.map(|f| f.size);
        return check_replayed(
            store, ctx, round, sub, &bundle, basis, data, opts, verdict, progress,
        )
        .await;
    }
    let final_path = paths.last().cloned().expect("checked non-empty");
    let mut verdict = unchecked(sub);
    verdict.reported_val_loss = bundle.metrics.final_val_loss;
    if ctx.reexecutable() {
        verdict.uploaded_bytes = Some(bundle.uploaded_bytes());
        verdict.delta_bytes = bundle.delta.map(|f| f.size);
    }
    if ctx.reexecutable() {
        // The start, then the drawn spans.
        if let Err(rejected) = check_start(ctx, &paths[0], basis, sub).await? {
            return Ok((*rejected, None));
        }
        let steps: Vec<u64> = bundle.checkpoints.iter().map(|c| c.step).collect();
        if let Some((code, why)) = steps_problem(ctx, &steps, &paths).await? {
            verdict.reject(code, why);
            return Ok((verdict, None));
        }
        if let Some((code, why)) = inner_state_problem(ctx, &paths[0], basis, sub).await? {
            verdict.reject(code, why);
            return Ok((verdict, None));
        }
        verdict = reexecute_spans(
            ctx, round, sub, data, basis, opts, &paths, &steps, verdict, progress,
        )
        .await?;
        if !verdict.accepted {
            return Ok((verdict, None));
        }
    } else if let Err(rejected) = check_exec_output(&final_path, sub, basis).await {
        return Ok((*rejected, None));
    }
    // The held-out check: Δloss on the validation split against the round's start.
    held_out(ctx, basis, &mut verdict, &final_path, data).await;
    if !verdict.accepted {
        return Ok((verdict, None));
    }
    // A compressed round: the submitted pseudo-gradient (what the aggregate uses) must be the
    // compression of the checked work, bit for bit.
    let mut aggregate_input = final_path.clone();
    if let Some(p) = ctx.topk() {
        match check_delta(
            store,
            ctx,
            round,
            sub,
            &bundle,
            basis,
            opts,
            &final_path,
            p,
            progress,
        )
        .await?
        {
            Ok(delta) => aggregate_input = delta,
            Err((code, why)) => {
                verdict.reject(code, why);
                return Ok((verdict, None));
            }
        }
    }
    // A deterministic exec job: the round re-run (after the cheaper checks above).
    if !ctx.reexecutable() && ctx.spec.model.deterministic && opts.allow_exec {
        verdict = reexecute_exec(
            store,
            ctx,
            round,
            sub,
            basis,
            data,
            opts,
            &final_path,
            verdict,
            progress,
        )
        .await?;
        if !verdict.accepted {
            return Ok((verdict, None));
        }
    }
    Ok((verdict, Some(aggregate_input)))
}

/// The held-out check: the final weights' validation loss may exceed the round start's by at
/// most `verify.max_loss_increase`; sets the verdict's losses, and rejects it otherwise.
async fn held_out(
    ctx: &JobContext,
    basis: &RoundBasis,
    verdict: &mut Verdict,
    final_path: &Path,
    data: &[PathBuf],
) {
    verdict.val_loss = val_loss(ctx, final_path, data).await;
    if ctx.reexecutable() && verdict.val_loss.is_none() {
        verdict.reject(
            Rejection::Unscored,
            "the final checkpoint could not be scored on the validation split".into(),
        );
        return;
    }
    if let (Some(now), Some(before)) = (verdict.val_loss, basis.start_val_loss) {
        let delta = now - before;
        verdict.delta_loss = Some(delta);
        let limit = ctx.spec.verify.max_loss_increase;
        if delta > limit || delta.is_nan() {
            verdict.reject(
                Rejection::LossIncrease,
                format!(
                    "the submitted weights' validation loss {now:.4} is {delta:+.4} nats from the round start's {before:.4}; verify.max_loss_increase allows +{limit}"
                ),
            );
        }
    }
}

/// `[verify] replay = true`: the round re-executed whole from its public start and what the
/// worker inherits; the submitted pseudo-gradient (or final weights) must be reproduced bit
/// for bit. Then the held-out check on the replayed final weights. Returns the verdict and,
/// when accepted, the aggregate's input (the submitted pseudo-gradient or final checkpoint).
#[allow(clippy::too_many_arguments)]
async fn check_replayed(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    bundle: &WorkBundle,
    basis: &RoundBasis,
    data: &[PathBuf],
    opts: &CheckOptions,
    mut verdict: Verdict,
    progress: &dyn Progress,
) -> Result<(Verdict, Option<PathBuf>)> {
    let reject = |mut v: Verdict, code: Rejection, why: String| {
        v.reject(code, why);
        Ok((v, None))
    };
    let Some(start) = basis.start.clone() else {
        return reject(
            verdict,
            Rejection::NoStart,
            "the round has no starting weights to replay from".into(),
        );
    };
    // What the aggregate uses: the pseudo-gradient, or the final checkpoint.
    let submitted = match ctx.topk() {
        Some(_) => bundle
            .delta
            .map(|d| (d.root, "pseudo-gradient", Rejection::DeltaMismatch)),
        None => Some((
            bundle.final_checkpoint.root,
            "final checkpoint",
            Rejection::CheckpointUnavailable,
        )),
    };
    let Some((root, what, unavailable)) = submitted else {
        return reject(
            verdict,
            Rejection::DeltaMismatch,
            "the job compresses pseudo-gradients ([training.compress]) but the bundle has no delta"
                .into(),
        );
    };
    let fetched = retrying(opts.attempts, || store.fetch(root, progress)).await;
    let submitted = match own_side(fetched, opts.reject_unfinished)? {
        Ok(p) => p,
        Err(e) => {
            return reject(
                verdict,
                unavailable,
                format!("the {what} ({root:#x}) could not be fetched: {}", e.message),
            );
        }
    };
    let inherited = basis
        .inherited
        .get(&sub.worker)
        .cloned()
        .unwrap_or_default();
    let dir = super::replay::replay_dir(&opts.work_dir, ctx.job.id, round, sub.worker);
    let (c, d, w) = (ctx.clone(), data.to_vec(), sub.worker);
    progress.note(&format!("replaying round {round} of {}", sub.worker));
    let replayed = tokio::task::spawn_blocking(move || {
        super::replay::train(
            &c,
            round,
            w,
            &start,
            &inherited,
            &d,
            &dir,
            &crate::progress::Silent,
        )
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    let out = match replayed {
        Ok(out) => out,
        Err(e) => {
            return reject(
                verdict,
                Rejection::ReplayFailed,
                format!("the round could not be replayed: {}", e.message),
            );
        }
    };
    let start_step = ctx.start_step(round);
    verdict.checked_spans = vec![(start_step, start_step + ctx.spec.training.steps)];
    let mine = match &out.delta {
        Some(p) => p.clone(),
        None => out.final_checkpoint().1.clone(),
    };
    let (a, b) = (mine.clone(), submitted.clone());
    let (compressed, kind) = (out.delta.is_some(), ctx.spec.model.trainer);
    let same = tokio::task::spawn_blocking(move || -> Result<bool> {
        if compressed {
            let read = |p: &Path| std::fs::read(p).map_err(|e| Error::io("read", p, e));
            return Ok(read(&a)? == read(&b)?);
        }
        diloco::same_trained(kind, &a, &b)
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    match same {
        Ok(true) => {
            verdict.identical = Some(true);
            verdict.max_abs_diff = Some(0.0);
        }
        Ok(false) | Err(_) => {
            verdict.identical = Some(false);
            return reject(
                verdict,
                Rejection::ReplayMismatch,
                format!(
                    "replaying the round from its start does not reproduce the submitted {what} bit for bit (replay pools need checkers whose CPUs reproduce the workers' rounds)"
                ),
            );
        }
    }
    held_out(ctx, basis, &mut verdict, &out.final_checkpoint().1, data).await;
    if !verdict.accepted {
        return Ok((verdict, None));
    }
    Ok((verdict, Some(submitted)))
}

/// Every checkpoint lies at its listed step: the step inside each file (and its AdamW update
/// count) agree with the bundle's list ([`diloco::check_steps`]).
async fn steps_problem(
    ctx: &JobContext,
    steps: &[u64],
    paths: &[PathBuf],
) -> Result<Option<(Rejection, String)>> {
    let listed: Vec<(u64, PathBuf)> = steps.iter().copied().zip(paths.iter().cloned()).collect();
    let kind = ctx.spec.model.trainer;
    let r = tokio::task::spawn_blocking(move || diloco::check_steps(kind, &listed))
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))?;
    Ok(match r {
        Ok(why) => why.map(|w| (Rejection::StepMismatch, w)),
        Err(e) => Some((
            Rejection::BadCheckpoint,
            format!("a checkpoint is not usable: {}", e.message),
        )),
    })
}

/// The round's first checkpoint holds the optimizer state the worker inherits (see
/// [`super::diloco`]); `Some(reason)` when not.
async fn inner_state_problem(
    ctx: &JobContext,
    first: &Path,
    basis: &RoundBasis,
    sub: &Submission,
) -> Result<Option<(Rejection, String)>> {
    let state_from = basis
        .inherited
        .get(&sub.worker)
        .and_then(|i| i.state_from.clone());
    let (first, kind) = (first.to_path_buf(), ctx.spec.model.trainer);
    let r = tokio::task::spawn_blocking(move || {
        diloco::check_inner_state(kind, &first, state_from.as_deref())
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    Ok(match r {
        Ok(why) => why.map(|w| (Rejection::WrongInnerState, w)),
        Err(e) => Some((
            Rejection::BadCheckpoint,
            format!("the first checkpoint is not usable: {}", e.message),
        )),
    })
}

/// A compressed submission's pseudo-gradient and residual, fetched and recomputed from the
/// round's start, the final checkpoint and the inherited residual. Returns the checked
/// pseudo-gradient's path, or why it is rejected.
#[allow(clippy::too_many_arguments)]
async fn check_delta(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    bundle: &WorkBundle,
    basis: &RoundBasis,
    opts: &CheckOptions,
    final_path: &Path,
    p: crate::trainer::compress::TopK,
    progress: &dyn Progress,
) -> Result<std::result::Result<PathBuf, (Rejection, String)>> {
    let Some(delta) = bundle.delta else {
        return Ok(Err((
            Rejection::DeltaMismatch,
            "the job compresses pseudo-gradients ([training.compress]) but the bundle has no delta"
                .into(),
        )));
    };
    let inherited = basis
        .inherited
        .get(&sub.worker)
        .cloned()
        .unwrap_or_default();
    let want_in = inherited.residual.as_ref().map(|r| r.0);
    if ctx.error_feedback() {
        if bundle.residual_in != want_in {
            return Ok(Err((
                Rejection::ResidualMismatch,
                format!(
                    "the bundle's residual_in {} is not the worker's residual from its accepted previous round ({})",
                    bundle
                        .residual_in
                        .map_or("(none)".into(), |r| format!("{:#x}", r.root)),
                    want_in.map_or("none: zero".into(), |r| format!("{:#x}", r.root)),
                ),
            )));
        }
        if bundle.residual_out.is_none() {
            return Ok(Err((
                Rejection::ResidualMismatch,
                "the job uses error feedback but the bundle has no residual_out".into(),
            )));
        }
    }
    let (a, reject_unfinished) = (opts.attempts, opts.reject_unfinished);
    let fetch = |root: B256, what: &'static str, code: Rejection| async move {
        let fetched = retrying(a, || store.fetch(root, progress)).await;
        Ok::<_, Error>(own_side(fetched, reject_unfinished)?.map_err(|e| {
            (
                code,
                format!("the {what} ({root:#x}) could not be fetched: {}", e.message),
            )
        }))
    };
    let delta_path = match fetch(delta.root, "pseudo-gradient", Rejection::DeltaMismatch).await? {
        Ok(p) => p,
        Err(why) => return Ok(Err(why)),
    };
    let residual_out = match bundle.residual_out.filter(|_| ctx.error_feedback()) {
        Some(r) => match fetch(r.root, "residual", Rejection::ResidualMismatch).await? {
            Ok(p) => Some(p),
            Err(why) => return Ok(Err(why)),
        },
        None => None,
    };
    let Some(start) = basis.start.clone() else {
        return Ok(Err((
            Rejection::NoStart,
            "the round has no starting weights to take Δ from".into(),
        )));
    };
    let dir = opts.work_dir.join(format!(
        "recompress-{}-{round}-{:#x}",
        ctx.job.id, sub.worker
    ));
    let (fin, rin) = (final_path.to_path_buf(), inherited.residual.map(|r| r.1));
    let (d, r, kind) = (delta_path.clone(), residual_out, ctx.spec.model.trainer);
    let checked = tokio::task::spawn_blocking(move || {
        diloco::check_compressed(
            kind,
            p,
            &start,
            &fin,
            rin.as_deref(),
            round,
            (&d, r.as_deref()),
            &dir,
        )
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    Ok(match checked {
        Ok(None) => Ok(delta_path),
        Ok(Some(problem)) => Err(problem),
        Err(e) => Err((
            Rejection::DeltaMismatch,
            format!("the pseudo-gradient could not be recomputed: {}", e.message),
        )),
    })
}

/// The work bundle, fetched (with `a` tries, and whether an unreachable storage rejects: see
/// [`own_side`]) and consistent with the submission and the spec's work units.
async fn fetch_bundle(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    (a, reject_unfinished): (u32, bool),
    progress: &dyn Progress,
) -> Result<Checked<WorkBundle>> {
    let rejected = |code: Rejection, why: String| Box::new(reject(sub, code, why));
    let fetched = retrying(a, || {
        store.fetch_json(sub.bundle_root, "the work bundle", progress)
    })
    .await;
    let bundle: WorkBundle = match own_side(fetched, reject_unfinished)? {
        Ok(b) => b,
        Err(e) => {
            return Ok(Err(rejected(
                Rejection::BundleUnavailable,
                format!("the work bundle could not be fetched: {}", e.message),
            )));
        }
    };
    if let Err(e) = bundle.check_format() {
        return Ok(Err(rejected(Rejection::BundleFormat, e.message)));
    }
    let units = spec_units(&ctx.spec);
    let mut problems = Vec::new();
    if bundle.job_id != ctx.job.id || bundle.round != round || bundle.worker != sub.worker {
        problems.push((
            Rejection::BundleMismatch,
            format!(
                "the bundle is for job {} round {} worker {}, not job {} round {round} worker {}",
                bundle.job_id, bundle.round, bundle.worker, ctx.job.id, sub.worker
            ),
        ));
    }
    if sub.work_units != U256::from(units) || bundle.work_units != units {
        problems.push((Rejection::WrongUnits, format!(
            "{} work units were submitted (the bundle says {}); the spec's {} steps × {} sequences × {} bytes are {units}",
            sub.work_units,
            bundle.work_units,
            ctx.spec.training.steps,
            ctx.spec.training.batch_size,
            ctx.spec.model.context
        )));
    }
    if bundle.checkpoints.is_empty() || bundle.checkpoints.last() != Some(&bundle.final_checkpoint)
    {
        problems.push((
            Rejection::BundleMalformed,
            "the bundle's final checkpoint is not its last checkpoint".into(),
        ));
    }
    Ok(match problems.into_iter().next() {
        Some((code, why)) => Err(rejected(code, why)),
        None => Ok(bundle),
    })
}

/// Every checkpoint of the bundle, downloaded and matching its root (tries and unreachable
/// storage as [`fetch_bundle`]).
async fn fetch_checkpoints(
    store: &ObjectCache,
    bundle: &WorkBundle,
    sub: &Submission,
    (a, reject_unfinished): (u32, bool),
    progress: &dyn Progress,
) -> Result<Checked<Vec<PathBuf>>> {
    let mut paths = Vec::new();
    for c in &bundle.checkpoints {
        let fetched = retrying(a, || store.fetch(c.root, progress)).await;
        match own_side(fetched, reject_unfinished)? {
            Ok(p) => paths.push(p),
            Err(e) => {
                return Ok(Err(Box::new(reject(
                    sub,
                    Rejection::CheckpointUnavailable,
                    format!(
                        "the checkpoint at step {} ({:#x}) could not be fetched: {}",
                        c.step, c.root, e.message
                    ),
                ))));
            }
        }
    }
    Ok(Ok(paths))
}

/// An exec job's output must be a safetensors file that can be averaged with the round's
/// others: only averageable tensors, and the round's layout ([`RoundBasis::exec_layout`]).
async fn check_exec_output(final_path: &Path, sub: &Submission, basis: &RoundBasis) -> Checked<()> {
    let p = final_path.to_path_buf();
    let layout = tokio::task::spawn_blocking(move || {
        std::fs::read(&p).ok().and_then(|b| layout_of(&b).ok())
    })
    .await
    .ok()
    .flatten();
    let Some(layout) = layout else {
        return Err(Box::new(reject(
            sub,
            Rejection::NotSafetensors,
            "the final checkpoint is not a safetensors file".into(),
        )));
    };
    let problem = match &basis.exec_layout {
        Some(want) => layout_problem(&layout, &want.layout)
            .map(|why| format!("the output cannot be averaged with {}: {why}", want.source)),
        None => layout_problem(&layout, &layout)
            .map(|why| format!("the output cannot be averaged: {why}")),
    };
    match problem {
        Some(why) => Err(Box::new(reject(sub, Rejection::OutputLayout, why))),
        None => Ok(()),
    }
}

/// The checkpoints lie exactly at the round's K-grid: start, start+K, …, end.
pub fn check_layout(
    ctx: &JobContext,
    round: u32,
    bundle: &WorkBundle,
    sub: &Submission,
) -> Checked<()> {
    let spec = &ctx.spec;
    let start_step = ctx.start_step(round);
    let want = checkpoint_layout(
        start_step,
        spec.training.steps,
        spec.training.checkpoint_every,
    );
    let steps: Vec<u64> = bundle.checkpoints.iter().map(|c| c.step).collect();
    if steps != want {
        let k = spec
            .training
            .checkpoint_every
            .map(|k| k.to_string())
            .unwrap_or_else(|| "the round's steps".into());
        return Err(Box::new(reject(
            sub,
            Rejection::CheckpointLayout,
            format!(
                "the checkpoints are at steps {steps:?}; the round from step {start_step} needs one every {k} steps: {want:?}"
            ),
        )));
    }
    Ok(())
}

/// The first checkpoint has the spec's shape and holds exactly the round's starting weights.
async fn check_start(
    ctx: &JobContext,
    first: &Path,
    basis: &RoundBasis,
    sub: &Submission,
) -> Result<Checked<()>> {
    let (first, c) = (first.to_path_buf(), ctx.clone());
    let start_owned = basis.start.clone();
    let is_init = basis.start_is_init;
    let starts_right = tokio::task::spawn_blocking(move || -> Result<Option<(Rejection, String)>> {
        let same = match &start_owned {
            Some(sp) => c.same_start(&first, sp)?,
            None => true,
        };
        Ok((!same).then(|| {
            if is_init {
                (Rejection::WrongInit, "the first checkpoint's weights are not the job's seeded initial weights (round 0 has no base model: training starts from the init of training.seed)".into())
            } else {
                (Rejection::WrongStart, "the first checkpoint's weights are not the round's starting weights".into())
            }
        }))
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    match starts_right {
        Ok(None) => Ok(Ok(())),
        Ok(Some((code, why))) => Ok(Err(Box::new(reject(sub, code, why)))),
        Err(e) => Ok(Err(Box::new(reject(
            sub,
            Rejection::BadCheckpoint,
            format!("the first checkpoint is not usable: {}", e.message),
        )))),
    }
}

/// The spans to re-execute: the drawn ones, or all with `deep`.
pub fn spans_to_check(
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    basis: &RoundBasis,
    n_spans: usize,
    deep: bool,
) -> Result<Vec<usize>> {
    if deep {
        return Ok((0..n_spans).collect());
    }
    let block = basis.seed_block.as_ref().ok_or_else(|| {
        Error::failed(
            "verify.no_seed_block",
            format!(
                "round {round} of job {} has no WorkSubmitted event to seed its span draw",
                ctx.job.id
            ),
        )
    })?;
    Ok(draw(
        block,
        ctx.job.id,
        round,
        sub.worker,
        sub.bundle_root,
        n_spans,
        ctx.spec.verify.spans,
    ))
}

/// Re-executes the drawn spans and compares each with the claimed checkpoint.
#[allow(clippy::too_many_arguments)]
async fn reexecute_spans(
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    data: &[PathBuf],
    basis: &RoundBasis,
    opts: &CheckOptions,
    paths: &[PathBuf],
    steps: &[u64],
    mut verdict: Verdict,
    progress: &dyn Progress,
) -> Result<Verdict> {
    let picks = spans_to_check(ctx, round, sub, basis, paths.len() - 1, opts.deep)?;
    let gpu_job = ctx.gpu_job();
    let tol = basis.tolerance;
    for i in picks {
        let (from, to) = (paths[i].clone(), paths[i + 1].clone());
        let span = (steps[i], steps[i + 1]);
        let (c, d, w) = (ctx.clone(), data.to_vec(), sub.worker.into_array());
        progress.note(&format!(
            "re-executing steps {}..{} of {}",
            span.0, span.1, sub.worker
        ));
        let r =
            tokio::task::spawn_blocking(move || c.verify_span((&from, &to), span, &d, round, w))
                .await
                .map_err(|e| Error::failed("job.task", e.to_string()))?;
        verdict.checked_spans.push(span);
        let rep = match r {
            Err(e) => {
                verdict.reject(
                    Rejection::ReexecutionFailed,
                    format!(
                        "steps {}..{} could not be re-executed: {}",
                        span.0, span.1, e.message
                    ),
                );
                return Ok(verdict);
            }
            Ok(r) => {
                let (rep, gpu_failure) = r.noted(span, progress);
                if gpu_failure.is_some() {
                    verdict.cpu_reexecuted.push(span);
                }
                rep
            }
        };
        verdict.identical = Some(verdict.identical.unwrap_or(true) && rep.identical);
        verdict.max_abs_diff = Some(verdict.max_abs_diff.unwrap_or(0.0).max(rep.max_abs_diff));
        verdict.relative_diff = Some(verdict.relative_diff.unwrap_or(0.0).max(rep.relative_diff));
        if !rep.accepted(&tol, gpu_job) {
            let worst = rep
                .tensors
                .iter()
                .max_by(|a, b| a.max_abs_diff.total_cmp(&b.max_abs_diff))
                .map(|t| t.name.clone())
                .unwrap_or_default();
            let allowed = if gpu_job {
                format!(
                    "tolerance {:e}, or {} of the span's largest weight change {:e} for GPU work (here {:.3})",
                    tol.absolute, tol.gpu_relative, rep.span_change, rep.relative_diff
                )
            } else {
                format!("tolerance {:e}", tol.absolute)
            };
            verdict.reject(
                Rejection::SpanMismatch,
                format!(
                    "re-executing steps {}..{} does not reproduce the checkpoint at step {}: largest difference {:e} (in {worst}), {allowed}",
                    span.0, span.1, span.1, rep.max_abs_diff
                ),
            );
            return Ok(verdict);
        }
    }
    Ok(verdict)
}

/// The root a verifier expects the round to start from (re-exported for `cohort verify`).
pub async fn start_root(market: &JobMarket, ctx: &JobContext, round: u32) -> Result<Option<B256>> {
    round_start_root(market, &ctx.job, round).await
}

/// A deterministic exec job: runs the command again with the round's inputs and compares its
/// final output with the submitted one (byte for byte, or a cohort checkpoint's weights within
/// the tolerance). The whole round is the one span.
#[allow(clippy::too_many_arguments)]
async fn reexecute_exec(
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    basis: &RoundBasis,
    data: &[PathBuf],
    opts: &CheckOptions,
    submitted: &Path,
    mut verdict: Verdict,
    progress: &dyn Progress,
) -> Result<Verdict> {
    let mut files = Vec::new();
    for f in &ctx.bundle.files {
        let p = retrying(opts.attempts, || store.fetch(f.root, progress)).await?;
        files.push((f.path.clone(), p));
    }
    let start = ctx.start_step(round);
    let steps = ctx.spec.training.steps;
    let out_dir = opts
        .work_dir
        .join(format!("exec-{}-{round}-{:#x}", ctx.job.id, sub.worker));
    if out_dir.exists() {
        std::fs::remove_dir_all(&out_dir).map_err(|e| Error::io("clear", &out_dir, e))?;
    }
    std::fs::create_dir_all(&out_dir).map_err(|e| Error::io("create folder", &out_dir, e))?;
    let input = crate::worker::runtime::RoundInput {
        job_id: ctx.job.id,
        round,
        worker: sub.worker,
        spec: ctx.spec.clone(),
        training: ctx.training(),
        seed: ctx.seed(),
        start_step: start,
        steps,
        init: basis.start.clone(),
        keep_optimizer: false,
        data: data.to_vec(),
        files,
        out_dir,
    };
    progress.note(&format!(
        "re-running the exec command for round {round} of {}",
        sub.worker
    ));
    let sub_path = submitted.to_path_buf();
    let compared = tokio::task::spawn_blocking(move || -> Result<(bool, f64)> {
        let out = crate::worker::runtime::exec::run_quiet(&input)?;
        let mine = out.final_checkpoint().1.clone();
        let (a, b) = (
            std::fs::read(&mine).map_err(|e| Error::io("read", &mine, e))?,
            std::fs::read(&sub_path).map_err(|e| Error::io("read", &sub_path, e))?,
        );
        if a == b {
            return Ok((true, 0.0));
        }
        let (x, y) = (Checkpoint::load(&mine), Checkpoint::load(&sub_path));
        let diff = match (x, y) {
            (Ok(x), Ok(y)) if x.weights.keys().eq(y.weights.keys()) => x
                .weights
                .iter()
                .flat_map(|(n, (_, v))| v.iter().zip(&y.weights[n].1))
                .map(|(p, q)| (*p as f64 - *q as f64).abs())
                .fold(0.0, f64::max),
            _ => f64::INFINITY,
        };
        Ok((false, diff))
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?;
    verdict.checked_spans.push((start, start + steps));
    match compared {
        Err(e) => {
            verdict.reject(
                Rejection::ExecFailed,
                format!(
                    "the deterministic exec command could not be re-run: {}",
                    e.message
                ),
            );
        }
        Ok((identical, diff)) => {
            verdict.identical = Some(identical);
            verdict.max_abs_diff = Some(diff);
            if !identical && (diff > basis.tolerance.absolute || diff.is_nan()) {
                verdict.reject(
                    Rejection::ExecMismatch,
                    format!(
                        "re-running the deterministic exec command does not reproduce the submitted output (largest difference {diff:e}, tolerance {:e})",
                        basis.tolerance.absolute
                    ),
                );
            }
        }
    }
    Ok(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;
    use safetensors::Dtype;

    fn layout(shape: usize) -> Layout {
        Layout::from([("w".to_string(), (Dtype::F32, vec![shape]))])
    }

    #[test]
    fn the_layout_most_outputs_share_wins_and_ties_go_to_the_lowest_address() {
        let a = |i: u8| Address::repeat_byte(i);
        assert_eq!(majority_layout(Vec::new()), None);
        // Two of three share [2], whatever the order.
        let got = majority_layout(vec![
            (a(1), layout(1)),
            (a(3), layout(2)),
            (a(2), layout(2)),
        ]);
        assert_eq!(got, Some((layout(2), 2)));
        // One each: the lowest address's, whatever the order.
        let got = majority_layout(vec![(a(9), layout(2)), (a(4), layout(1))]);
        assert_eq!(got, Some((layout(1), 1)));
    }
}
