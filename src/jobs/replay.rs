//! `[verify] replay = true`: a checker re-executes each submission's whole round from its
//! public start, so a worker uploads only what the aggregate needs (its compressed
//! pseudo-gradient, or its final checkpoint when the job does not compress), not its K-step
//! checkpoints; its work bundle still commits to every checkpoint's root.
//!
//! The round's start is public: the round's starting weights (on chain), and what the worker
//! inherits from its accepted previous round (its AdamW state with `keep_inner_state`, its
//! error-feedback residual), which the checker has from its own replay of that round (or
//! replays now, round by round back to the worker's first). A worker keeps its own previous
//! round's files locally for the same reason.
//!
//! The submission is accepted only when the replay reproduces what was submitted bit for bit
//! (the compressed pseudo-gradient's bytes, or the final weights). That needs the checker's CPU
//! kernels to reproduce the worker's; a pool of mixed CPUs should check drawn spans instead
//! (the default), which accept rounding differences up to `verify.tolerance`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use alloy::primitives::Address;

use super::context::{JobContext, round_start_root};
use super::diloco::{self, Inherited};
use super::{JobMarket, WorkStatus};
use crate::error::{Error, Result};
use crate::jobspec::TrainerKind;
use crate::progress::{Progress, Silent};
use crate::storage::cache::ObjectCache;
use crate::worker::runtime::{self, RoundInput, RoundOutput};

/// Trains `worker`'s round from `start` with what it inherits, as the worker's runtime does,
/// into `dir`, and compresses its pseudo-gradient when the job does (blocking). The same inputs
/// give the same bits on the same CPU kernels. A finished replay in `dir` is reused.
#[allow(clippy::too_many_arguments)]
pub fn train(
    ctx: &JobContext,
    round: u32,
    worker: Address,
    start: &Path,
    inherited: &Inherited,
    data: &[PathBuf],
    dir: &Path,
    progress: &dyn Progress,
) -> Result<RoundOutput> {
    let saved = dir.join("output.json");
    if let Ok(bytes) = std::fs::read(&saved)
        && let Ok(out) = serde_json::from_slice::<RoundOutput>(&bytes)
        && out.checkpoints.iter().all(|(_, p)| p.is_file())
    {
        return Ok(out);
    }
    crate::fsutil::ensure_dir(dir, 0o755)?;
    let kind = ctx.spec.model.trainer;
    let (init, keep_optimizer) = match &inherited.state_from {
        Some(prev) => {
            let kept = dir.join("start-kept-state.safetensors");
            diloco::round_init(kind, start, prev, &kept)?;
            (kept, true)
        }
        None => (start.to_path_buf(), false),
    };
    let input = RoundInput {
        job_id: ctx.job.id,
        round,
        worker,
        spec: ctx.spec.clone(),
        training: ctx.training(),
        seed: ctx.seed(),
        start_step: ctx.start_step(round),
        steps: ctx.spec.training.steps,
        init: Some(init),
        keep_optimizer,
        data: data.to_vec(),
        files: Vec::new(),
        out_dir: dir.to_path_buf(),
    };
    let mut out = match kind {
        TrainerKind::Builtin => runtime::builtin::run(&input, progress)?,
        TrainerKind::Lora => runtime::lora::run(&input, ctx.base_dir()?, progress)?,
        TrainerKind::Exec => {
            return Err(Error::usage(
                "verify.replay",
                "exec rounds cannot be replayed",
            ));
        }
    };
    finish(ctx, round, start, inherited, dir, &mut out)?;
    let bytes = serde_json::to_vec_pretty(&out).expect("output serializes");
    crate::fsutil::write_atomic(&saved, &bytes, 0o644)?;
    Ok(out)
}

/// After training: a compressed job's pseudo-gradient (and residual) into `dir`, recorded in
/// `out` (blocking). Workers and checkers both call it.
pub fn finish(
    ctx: &JobContext,
    round: u32,
    start: &Path,
    inherited: &Inherited,
    dir: &Path,
    out: &mut RoundOutput,
) -> Result<()> {
    let Some(p) = ctx.topk() else {
        return Ok(());
    };
    let fin = out.final_checkpoint().1.clone();
    let delta = dir.join("delta.safetensors");
    let residual_out = ctx
        .error_feedback()
        .then(|| dir.join("residual.safetensors"));
    diloco::compress_round(
        ctx.spec.model.trainer,
        p,
        start,
        &fin,
        inherited.residual.as_ref().map(|r| r.1.as_path()),
        round,
        &delta,
        residual_out.as_deref(),
    )?;
    out.delta = Some(delta);
    out.residual_in = inherited.residual.as_ref().map(|r| r.0);
    out.residual_out = residual_out;
    Ok(())
}

/// What `worker` inherits in `round` from its own previous round's output, as `out_of` finds
/// it (the worker's state folder, a checker's replays): the final checkpoint's AdamW state and
/// the residual, when its previous submission was accepted.
pub fn inherited_from(
    ctx: &JobContext,
    prev_accepted: bool,
    prev: Option<&RoundOutput>,
) -> Result<Inherited> {
    let mut out = Inherited::default();
    if !prev_accepted || !ctx.carries_state() {
        return Ok(out);
    }
    let prev = prev.ok_or_else(|| {
        Error::failed(
            "replay.no_previous",
            "the previous round's own output is missing (a replay pool's worker keeps its last round's files in its state folder)",
        )
    })?;
    if ctx.keeps_inner_state() {
        out.state_from = Some(prev.final_checkpoint().1.clone());
    }
    if ctx.error_feedback()
        && let Some(r) = &prev.residual_out
    {
        let f = super::bundle::FileRef {
            root: crate::storage::cache::file_root(r)?,
            size: std::fs::metadata(r)
                .map_err(|e| Error::io("read", r, e))?
                .len(),
        };
        out.residual = Some((f, r.clone()));
    }
    Ok(out)
}

/// Where a checker replays `worker`'s round.
pub fn replay_dir(work_dir: &Path, job: u64, round: u32, worker: Address) -> PathBuf {
    work_dir.join(format!("replay-{job}-{round}-{worker:#x}"))
}

/// The checker's replay of `worker`'s round `round` from the chain and storage: its start,
/// and what it inherits from the checker's replay of its accepted previous round (replayed
/// first when this checker has not yet). Reused from `work_dir` when already done.
#[allow(clippy::too_many_arguments)]
pub async fn replay_round(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    worker: Address,
    data: &[PathBuf],
    work_dir: &Path,
    progress: &dyn Progress,
) -> Result<RoundOutput> {
    let inherited = inherited(market, store, ctx, round, worker, data, work_dir, progress).await?;
    let start = match round_start_root(market, &ctx.job, round).await? {
        Some(r) => store.fetch(r, progress).await?,
        None => {
            return Err(Error::failed(
                "replay.no_start",
                format!(
                    "round {round} of job {} has no starting checkpoint",
                    ctx.job.id
                ),
            ));
        }
    };
    let dir = replay_dir(work_dir, ctx.job.id, round, worker);
    let (c, d) = (ctx.clone(), data.to_vec());
    progress.note(&format!("replaying round {round} of {worker}"));
    tokio::task::spawn_blocking(move || {
        train(&c, round, worker, &start, &inherited, &d, &dir, &Silent)
    })
    .await
    .map_err(|e| Error::failed("job.task", e.to_string()))?
}

/// What `worker` inherits in `round`, from the checker's replay of its accepted previous round.
#[allow(clippy::too_many_arguments)]
pub async fn inherited(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    worker: Address,
    data: &[PathBuf],
    work_dir: &Path,
    progress: &dyn Progress,
) -> Result<Inherited> {
    if round == 0 || !ctx.carries_state() {
        return Ok(Inherited::default());
    }
    let accepted = market
        .submission(ctx.job.id, round - 1, worker)
        .await?
        .status
        == WorkStatus::Accepted;
    if !accepted {
        return Ok(Inherited::default());
    }
    let prev = Box::pin(replay_round(
        market,
        store,
        ctx,
        round - 1,
        worker,
        data,
        work_dir,
        progress,
    ))
    .await?;
    inherited_from(ctx, true, Some(&prev))
}

/// [`inherited`] for every submitter of `round`.
#[allow(clippy::too_many_arguments)]
pub async fn inherited_by_worker(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    data: &[PathBuf],
    work_dir: &Path,
    progress: &dyn Progress,
) -> Result<HashMap<Address, Inherited>> {
    let mut out = HashMap::new();
    if round == 0 || !ctx.carries_state() {
        return Ok(out);
    }
    for sub in market.submissions(ctx.job.id, round).await? {
        let i = inherited(
            market, store, ctx, round, sub.worker, data, work_dir, progress,
        )
        .await?;
        out.insert(sub.worker, i);
    }
    Ok(out)
}
