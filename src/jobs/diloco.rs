//! DiLoCo rounds in pools (builtin trainer): the outer Nesterov step, workers that keep their
//! AdamW moments across rounds, and compressed pseudo-gradients with error feedback, each
//! recomputable by anyone from the chain and storage.
//!
//! The rules, which the worker, the coordinator, committee members, `job audit` and
//! `cohort verify` all follow through this module:
//!
//! - **What a round inherits.** A worker whose submission for the previous round was
//!   *accepted* starts this round with that submission's final AdamW state
//!   (`keep_inner_state = true`) and its error-feedback residual (`residual_out`, with
//!   `[training.compress] error_feedback = true`). A worker that did not submit the previous
//!   round, or was rejected, starts with fresh moments and a zero residual. The first
//!   checkpoint of a round must hold exactly that state ([`check_inner_state`]; for jobs that do
//!   not keep the state: fresh moments), and the bundle's `residual_in` must be exactly that
//!   residual.
//! - **The compressed pseudo-gradient.** Δ = θ_start − θ_final (the round's starting weights
//!   minus the submission's final checkpoint's); with error feedback the residual is added
//!   first and what was not sent becomes `residual_out`. [`compress_round`] is deterministic, so
//!   a checker recomputes the submitted `delta` and `residual_out` and compares their bytes.
//! - **The aggregate.** `average`: the weighted mean of the accepted final weights, as
//!   always. `nesterov`: the outer step on the weighted mean of the accepted pseudo-gradients
//!   (decompressed, or computed from the final checkpoints when uncompressed), weights by work
//!   units, from the momentum in the previous round's report ([`momentum_before`]); the new
//!   momentum is uploaded and recorded in this round's report (carried over unchanged when
//!   nothing was accepted).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256};

use super::bundle::{FileRef, Rejection, RoundReport, WorkBundle};
use super::context::JobContext;
use super::{JobMarket, WorkStatus};
use crate::error::{Error, Result};
use crate::jobspec::TrainerKind;
use crate::lora::pool::LoraCheckpoint;
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::Checkpoint;
use crate::trainer::checkpoint::Tensors;
use crate::trainer::compress::{self, Compressed, TopK, flatten};
use crate::trainer::config::OuterOptimizer;
use crate::trainer::outer;

/// The format of a worker's error-feedback residual file.
pub const RESIDUAL_FORMAT: &str = "cohort-residual/1";

impl JobContext {
    /// `[training.outer] optimizer = "nesterov"` (builtin and lora jobs).
    pub fn nesterov(&self) -> bool {
        self.reexecutable() && self.spec.training.outer.optimizer == OuterOptimizer::Nesterov
    }

    /// `[training.outer] keep_inner_state = true` (builtin and lora jobs).
    pub fn keeps_inner_state(&self) -> bool {
        self.reexecutable() && self.spec.training.outer.keep_inner_state
    }

    /// `[training.compress] method = "topk"` (builtin and lora jobs): the compression's
    /// parameters.
    pub fn topk(&self) -> Option<TopK> {
        self.reexecutable()
            .then(|| self.spec.training.compress.topk())
            .flatten()
    }

    /// A worker's round carries something over from its accepted previous round (its AdamW
    /// state, its error-feedback residual).
    pub fn carries_state(&self) -> bool {
        self.keeps_inner_state() || self.error_feedback()
    }

    /// Compressed with error feedback.
    pub fn error_feedback(&self) -> bool {
        self.topk().is_some() && self.spec.training.compress.error_feedback
    }

    /// The trained tensors in fp32 (the builtin model's weights; a lora job's adapter, read
    /// from the round's start checkpoint): what plain averaging needs from each worker.
    pub fn fp32_bytes(&self, start: Option<&Path>) -> Option<u64> {
        if self.is_lora() {
            let ck = RoundCkpt::load(TrainerKind::Lora, start?).ok()?;
            Some(ck.weights().values().map(|(_, d)| d.len() as u64 * 4).sum())
        } else {
            self.spec.fp32_bytes()
        }
    }
}

/// A round checkpoint of either of cohort's trainers: its trained tensors (the model's weights,
/// or the adapter) and its AdamW state.
enum RoundCkpt {
    Builtin(Checkpoint),
    Lora(LoraCheckpoint),
}

impl RoundCkpt {
    fn load(kind: TrainerKind, p: &Path) -> Result<RoundCkpt> {
        Ok(match kind {
            TrainerKind::Lora => RoundCkpt::Lora(LoraCheckpoint::load(p)?),
            _ => RoundCkpt::Builtin(Checkpoint::load(p)?),
        })
    }

    /// The global step written inside the file.
    fn step(&self) -> u64 {
        match self {
            RoundCkpt::Builtin(c) => c.step,
            RoundCkpt::Lora(c) => c.step,
        }
    }

    fn weights(&self) -> &Tensors {
        match self {
            RoundCkpt::Builtin(c) => &c.weights,
            RoundCkpt::Lora(c) => &c.adapter,
        }
    }

    /// The AdamW state as (t, moments): None without one.
    fn state(&self) -> Option<(u64, Vec<&Vec<f32>>)> {
        match self {
            RoundCkpt::Builtin(c) => c
                .optimizer
                .as_ref()
                .map(|o| (o.t, o.m.values().chain(o.v.values()).collect())),
            RoundCkpt::Lora(c) => c
                .optimizer
                .as_ref()
                .map(|o| (o.t, o.m.values().chain(o.v.values()).collect())),
        }
    }

    fn same_state(&self, other: &RoundCkpt) -> bool {
        match (self, other) {
            (RoundCkpt::Builtin(a), RoundCkpt::Builtin(b)) => a.optimizer == b.optimizer,
            (RoundCkpt::Lora(a), RoundCkpt::Lora(b)) => a.optimizer == b.optimizer,
            _ => false,
        }
    }

    /// Takes `other`'s AdamW state (an error when it has none).
    fn take_state(&mut self, other: RoundCkpt, from: &Path) -> Result<()> {
        let none = || {
            Error::verification(
                "diloco.no_state",
                format!("{} has no optimizer state to keep", from.display()),
            )
        };
        match (self, other) {
            (RoundCkpt::Builtin(a), RoundCkpt::Builtin(b)) => {
                a.optimizer = Some(b.optimizer.ok_or_else(none)?)
            }
            (RoundCkpt::Lora(a), RoundCkpt::Lora(b)) => {
                a.optimizer = Some(b.optimizer.ok_or_else(none)?)
            }
            _ => unreachable!("both loaded as the same trainer's"),
        }
        Ok(())
    }

    fn save(&self, p: &Path) -> Result<()> {
        match self {
            RoundCkpt::Builtin(c) => c.save(p),
            RoundCkpt::Lora(c) => c.save(p),
        }
    }
}

/// What a worker's round starts with besides the round's weights.
#[derive(Debug, Clone, Default)]
pub struct Inherited {
    /// `keep_inner_state`: the final checkpoint of the worker's accepted previous round, whose
    /// AdamW state the round continues.
    pub state_from: Option<PathBuf>,
    /// Error feedback: the accepted previous round's `residual_out`.
    pub residual: Option<(FileRef, PathBuf)>,
}

/// What `worker` carries into `round` (see the module's rules), fetched from storage.
pub async fn inherited(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    worker: Address,
    progress: &dyn Progress,
) -> Result<Inherited> {
    let mut out = Inherited::default();
    if round == 0 || !ctx.carries_state() {
        return Ok(out);
    }
    let sub = market.submission(ctx.job.id, round - 1, worker).await?;
    if sub.status != WorkStatus::Accepted {
        return Ok(out);
    }
    let bundle: WorkBundle = store
        .fetch_json(sub.bundle_root, "the work bundle", progress)
        .await?;
    if ctx.keeps_inner_state() {
        out.state_from = Some(store.fetch(bundle.final_checkpoint.root, progress).await?);
    }
    if ctx.error_feedback()
        && let Some(r) = bundle.residual_out
    {
        out.residual = Some((r, store.fetch(r.root, progress).await?));
    }
    Ok(out)
}

/// [`inherited`] for every submitter of `round` (DiLoCo jobs; empty otherwise).
pub async fn inherited_by_worker(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    progress: &dyn Progress,
) -> Result<HashMap<Address, Inherited>> {
    let mut out = HashMap::new();
    if round == 0 || !ctx.carries_state() {
        return Ok(out);
    }
    for sub in market.submissions(ctx.job.id, round).await? {
        let i = inherited(market, store, ctx, round, sub.worker, progress).await?;
        out.insert(sub.worker, i);
    }
    Ok(out)
}

/// Whether two checkpoints of the trainer hold the same trained tensors (the model's weights,
/// or the adapter), bit for bit (blocking).
pub fn same_trained(kind: TrainerKind, a: &Path, b: &Path) -> Result<bool> {
    Ok(RoundCkpt::load(kind, a)?.weights() == RoundCkpt::load(kind, b)?.weights())
}

/// The checkpoint a `keep_inner_state` round trains from: the round's starting weights (or
/// adapter) with the AdamW state of `state_from` (blocking).
pub fn round_init(kind: TrainerKind, start: &Path, state_from: &Path, out: &Path) -> Result<()> {
    let mut ck = RoundCkpt::load(kind, start)?;
    ck.take_state(RoundCkpt::load(kind, state_from)?, state_from)?;
    ck.save(out)
}

/// Whether the checkpoints of a round lie at the steps the bundle lists (`(listed step, file)`,
/// in order): the global step written inside each file must be its listed step, and where a
/// file holds AdamW state its update count `t` must be the first checkpoint's plus the steps
/// listed since (one update per step). `Some(reason)` when not (blocking). Without this a
/// worker could train a few steps, list them at the K-grid, and every span would re-run from
/// the step inside its `from` file to the one inside its `to` file and match.
pub fn check_steps(kind: TrainerKind, listed: &[(u64, PathBuf)]) -> Result<Option<String>> {
    let mut first_t: Option<(u64, u64)> = None;
    for (i, (step, path)) in listed.iter().enumerate() {
        let ck = RoundCkpt::load(kind, path)?;
        if ck.step() != *step {
            return Ok(Some(format!(
                "the checkpoint listed at step {step} is at step {} inside its file: the listed steps were not trained",
                ck.step()
            )));
        }
        let Some((t, _)) = ck.state() else { continue };
        match first_t {
            None if i == 0 => first_t = Some((*step, t)),
            None => {}
            Some((s0, t0)) => {
                let want = t0 + step.saturating_sub(s0);
                if t != want {
                    return Ok(Some(format!(
                        "the checkpoint listed at step {step} has AdamW update count {t}; the first checkpoint's {t0} plus the {} steps since make {want}: the listed steps were not trained",
                        step.saturating_sub(s0)
                    )));
                }
            }
        }
    }
    Ok(None)
}

/// Whether the round's first checkpoint holds the optimizer state the round must start with:
/// `state_from`'s, or fresh moments (t = 0, zeros). `Some(reason)` when it does not (blocking).
pub fn check_inner_state(
    kind: TrainerKind,
    first: &Path,
    state_from: Option<&Path>,
) -> Result<Option<String>> {
    let ck = RoundCkpt::load(kind, first)?;
    let Some((t, moments)) = ck.state() else {
        return Ok(Some(
            "the first checkpoint has no optimizer state".to_string(),
        ));
    };
    Ok(match state_from {
        Some(prev) => (!ck.same_state(&RoundCkpt::load(kind, prev)?)).then(|| {
            "the first checkpoint's AdamW state is not the one of the worker's accepted previous round (keep_inner_state)".to_string()
        }),
        None => {
            let fresh = t == 0 && moments.iter().all(|m| m.iter().all(|x| *x == 0.0));
            (!fresh).then(|| {
                "the first checkpoint's AdamW state is not fresh (the worker has no accepted previous round to continue)".to_string()
            })
        }
    })
}

/// Compresses the round's pseudo-gradient θ_start − θ_final (plus `residual_in` with error
/// feedback) into `delta_out` (`cohort-topk/1`) and, with error feedback, writes what was not
/// sent to `residual_out` (`cohort-residual/1`). Deterministic: the same inputs give the same
/// bytes (blocking).
#[allow(clippy::too_many_arguments)]
pub fn compress_round(
    kind: TrainerKind,
    p: TopK,
    start: &Path,
    fin: &Path,
    residual_in: Option<&Path>,
    round: u32,
    delta_out: &Path,
    residual_out: Option<&Path>,
) -> Result<()> {
    let (s, f) = (RoundCkpt::load(kind, start)?, RoundCkpt::load(kind, fin)?);
    let delta = outer::pseudo_gradient(s.weights(), f.weights())?;
    let (layout, flat) = flatten(&delta);
    let c = match residual_out {
        Some(out) => {
            let mut residual = match residual_in {
                Some(p) => {
                    let r: Tensors = outer::load_tensors(p, RESIDUAL_FORMAT, "a residual file")?;
                    let (l, v) = flatten(&r);
                    if l != layout {
                        return Err(Error::verification(
                            "diloco.residual_layout",
                            "the residual does not have the model's tensor names and shapes",
                        ));
                    }
                    v
                }
                None => Vec::new(),
            };
            let c = compress::compress_with_feedback(&layout, &flat, &mut residual, p)?;
            let r = compress::unflatten(&layout, &residual);
            crate::fsutil::write_atomic(
                out,
                &outer::tensors_bytes(&r, RESIDUAL_FORMAT, u64::from(round)),
                0o644,
            )?;
            c
        }
        None => compress::compress(&layout, &flat, p)?,
    };
    crate::fsutil::write_atomic(delta_out, &c.to_bytes(), 0o644)
}

/// Recomputes a submission's compressed pseudo-gradient (and residual) into `dir` and compares
/// the bytes with the submitted files. `Some((check, reason))` when they differ (blocking).
#[allow(clippy::too_many_arguments)]
pub fn check_compressed(
    kind: TrainerKind,
    p: TopK,
    start: &Path,
    fin: &Path,
    residual_in: Option<&Path>,
    round: u32,
    submitted: (&Path, Option<&Path>),
    dir: &Path,
) -> Result<Option<(Rejection, String)>> {
    crate::fsutil::ensure_dir(dir, 0o755)?;
    let (delta, residual) = (
        dir.join("delta.safetensors"),
        dir.join("residual.safetensors"),
    );
    let residual = submitted.1.map(|_| residual);
    compress_round(
        kind,
        p,
        start,
        fin,
        residual_in,
        round,
        &delta,
        residual.as_deref(),
    )?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| Error::io("read", p, e));
    if read(&delta)? != read(submitted.0)? {
        let why = match Compressed::from_bytes(&read(submitted.0)?) {
            Err(e) => format!("the submitted pseudo-gradient is not a valid {}: {}", compress::FORMAT, e.message),
            Ok(_) => "the submitted compressed pseudo-gradient is not the compression of θ_start − θ_final (+ residual_in): recompressing gives other bytes".to_string(),
        };
        return Ok(Some((Rejection::DeltaMismatch, why)));
    }
    if let (Some(mine), Some(theirs)) = (&residual, submitted.1)
        && read(mine)? != read(theirs)?
    {
        return Ok(Some((
            Rejection::ResidualMismatch,
            "the submitted residual_out is not what the compression left unsent".to_string(),
        )));
    }
    Ok(None)
}

/// The outer momentum the round starts from: the one recorded in the previous round's report
/// (`nesterov` jobs; None in round 0 or before anything was accepted).
pub async fn momentum_before(
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    round: u32,
    progress: &dyn Progress,
) -> Result<Option<(B256, PathBuf)>> {
    if round == 0 || !ctx.nesterov() {
        return Ok(None);
    }
    let Some((_, report_root)) = market.round_result(ctx.job.id, round - 1).await? else {
        return Err(Error::failed(
            "job.round_not_finalized",
            format!(
                "round {} of job {} is not finalized yet",
                round - 1,
                ctx.job.id
            ),
        ));
    };
    let report: RoundReport = store
        .fetch_json(report_root, "the round report", progress)
        .await?;
    match report.momentum_root {
        Some(r) => Ok(Some((r, store.fetch(r, progress).await?))),
        None => Ok(None),
    }
}

/// The round's aggregate from the accepted inputs (final checkpoints, or compressed
/// pseudo-gradients for `topk` jobs) weighted by work units, written to `out`; for `nesterov`
/// jobs the new momentum goes to `momentum_out` and the function returns true (blocking).
pub fn aggregate(
    ctx: &JobContext,
    inputs: &[(PathBuf, f64)],
    start: Option<&Path>,
    momentum: Option<&Path>,
    round: u32,
    out: &Path,
    momentum_out: &Path,
) -> Result<bool> {
    if !ctx.nesterov() {
        ctx.average(inputs, out)?;
        return Ok(false);
    }
    let start_path = start.ok_or_else(|| {
        Error::failed(
            "diloco.no_start",
            "the outer step needs the round's starting weights",
        )
    })?;
    let m = momentum.map(outer::load_momentum).transpose()?;
    let cfg = &ctx.spec.training.outer;
    let step = ctx.start_step(round) + ctx.spec.training.steps;
    if ctx.is_lora() {
        let start = LoraCheckpoint::load(start_path)?;
        let (adapter, momentum) = if ctx.topk().is_some() {
            outer::step_from_compressed(cfg, &start.adapter, &read_deltas(inputs)?, m.as_ref())?
        } else {
            let (_, sums) = crate::lora::pool::weighted_sums(inputs)?;
            outer::step_from_mean(cfg, &start.adapter, &sums, m.as_ref())?
        };
        LoraCheckpoint {
            step,
            adapter,
            optimizer: None,
            ..start
        }
        .save(out)?;
        outer::save_momentum(momentum_out, &momentum, u64::from(round))?;
        return Ok(true);
    }
    let start = Checkpoint::load(start_path)?;
    let agg = if ctx.topk().is_some() {
        outer::aggregate_compressed(cfg, &start, &read_deltas(inputs)?, m.as_ref(), step)?
    } else {
        outer::aggregate_checkpoints(cfg, &start, inputs, m.as_ref())?
    };
    agg.checkpoint.save(out)?;
    let momentum = agg.momentum.expect("nesterov gives a momentum");
    outer::save_momentum(momentum_out, &momentum, u64::from(round))?;
    Ok(true)
}

fn read_deltas(inputs: &[(PathBuf, f64)]) -> Result<Vec<(Compressed, f64)>> {
    inputs
        .iter()
        .map(|(p, w)| {
            let bytes = std::fs::read(p).map_err(|e| Error::io("read", p, e))?;
            Ok((Compressed::from_bytes(&bytes)?, *w))
        })
        .collect()
}

/// Whether a round's aggregate scored a higher validation loss (`now`) than the round's
/// starting weights (`start`: the previous round's aggregate, or the job's starting model in
/// round 0). A round that accepted nothing keeps its start (not higher).
pub fn loss_rose(start: Option<f64>, now: Option<f64>) -> bool {
    matches!((start, now), (Some(a), Some(b)) if b > a)
}

/// The settings of `[training.outer]` and `[training.compress]` in a line each (none for plain
/// averaging without compression): what `job submit --dry-run` and `job show` list.
pub fn settings_lines(
    o: &crate::trainer::config::OuterConfig,
    c: &crate::trainer::config::CompressConfig,
) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    match o.optimizer {
        OuterOptimizer::Average => {
            if o.keep_inner_state {
                rows.push((
                    "outer step",
                    "average (federated averaging), workers keep their AdamW state".to_string(),
                ));
            }
        }
        OuterOptimizer::Nesterov => rows.push((
            "outer step",
            format!(
                "nesterov, lr {}, momentum {}{}",
                o.lr,
                o.momentum,
                if o.keep_inner_state {
                    ", workers keep their AdamW state"
                } else {
                    ""
                }
            ),
        )),
    }
    if let Some(k) = c.topk() {
        rows.push((
            "compression",
            format!(
                "topk, density {} of each chunk of {}, {} bits, error feedback {}",
                c.density,
                k.chunk,
                c.bits,
                if c.error_feedback { "on" } else { "off" }
            ),
        ));
    }
    rows
}

/// The note for a round whose aggregate got worse than its start ([`loss_rose`]): both
/// figures and the settings to change, by the job's outer step and compression.
pub fn loss_rose_note(
    job_id: u64,
    round: u32,
    t: &crate::trainer::TrainConfig,
    start: f64,
    now: f64,
) -> String {
    let before = if round == 0 {
        "the starting model's".to_string()
    } else {
        format!("round {}'s aggregate's", round - 1)
    };
    let o = &t.outer;
    let fix = match o.optimizer {
        OuterOptimizer::Nesterov => {
            let mut f = format!(
                "the outer step overshoots: lower [training.outer] lr (now {}) or momentum (now {})",
                o.lr, o.momentum
            );
            if t.compress.topk().is_some() {
                f.push_str(&format!(
                    ", or raise [training.compress] density (now {})",
                    t.compress.density
                ));
            }
            f
        }
        OuterOptimizer::Average => format!(
            "lower training.learning_rate (now {}) or the steps per round (now {})",
            t.learning_rate, t.steps
        ),
    };
    format!(
        "warning: job {job_id}: round {round}: the aggregate's validation loss rose to {now:.4} \
         from {before} {start:.4}; {fix} for the next job"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trainer::config::ModelConfig;
    use crate::trainer::model::Model;
    use crate::trainer::optim::AdamW;

    fn ckpt(seed: u64, shift: f32) -> Checkpoint {
        let config = ModelConfig {
            layers: 1,
            width: 16,
            heads: 2,
            context: 8,
            dropout: 0.0,
        };
        let m = Model::init(&config, seed, &candle_core::Device::Cpu).unwrap();
        let mut weights = m.values().unwrap();
        for (i, (_, (_, d))) in weights.iter_mut().enumerate() {
            for (j, x) in d.iter_mut().enumerate() {
                *x += shift * (((i * 31 + j * 7) % 13) as f32 - 6.0) / 13.0;
            }
        }
        Checkpoint {
            optimizer: Some(AdamW::new(&m)),
            config,
            step: 0,
            weights,
            info: Default::default(),
        }
    }

    /// A round whose aggregate scores worse than its start is named with both figures and the
    /// knobs of its outer step and compression; a better or unmeasured one is not.
    #[test]
    fn a_round_that_got_worse_is_noted_with_the_knobs_to_change() {
        assert!(loss_rose(Some(3.94), Some(7.23)));
        assert!(!loss_rose(Some(4.57), Some(3.94)));
        assert!(!loss_rose(Some(4.0), Some(4.0)));
        assert!(!loss_rose(None, Some(7.0)) && !loss_rose(Some(3.0), None));
        let spec = crate::jobspec::JobSpec::parse(
            "[model]\nlayers = 1\nwidth = 32\nheads = 2\ncontext = 32\n\
             [training]\nsteps = 20\n\
             [training.outer]\noptimizer = \"nesterov\"\nlr = 0.7\nmomentum = 0.9\n\
             [training.compress]\nmethod = \"topk\"\ndensity = 0.05\nbits = 4\n",
            "spec.toml",
        )
        .unwrap();
        let t = spec.training_config();
        let n = loss_rose_note(3, 2, &t, 3.94, 7.23);
        for part in [
            "round 2",
            "7.2300",
            "3.9400",
            "round 1's aggregate",
            "lr (now 0.7)",
            "momentum (now 0.9)",
            "density (now 0.05)",
        ] {
            assert!(n.contains(part), "{part}: {n}");
        }
        assert!(loss_rose_note(3, 0, &t, 5.5, 6.0).contains("the starting model's 5.5000"));
        let rows = settings_lines(&t.outer, &t.compress);
        assert_eq!(rows[0].0, "outer step");
        assert!(
            rows[0].1.contains("nesterov, lr 0.7, momentum 0.9"),
            "{rows:?}"
        );
        assert!(
            rows[1].1.contains("density 0.05") && rows[1].1.contains("4 bits"),
            "{rows:?}"
        );
        let plain = crate::trainer::TrainConfig::default();
        assert!(settings_lines(&plain.outer, &plain.compress).is_empty());
    }

    #[test]
    fn compression_is_recomputed_bit_for_bit_and_an_altered_delta_or_residual_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let (start, fin) = (d.join("start.safetensors"), d.join("final.safetensors"));
        ckpt(1, 0.0).save(&start).unwrap();
        ckpt(1, 0.01).save(&fin).unwrap();
        let p = TopK {
            chunk: 64,
            density: 0.05,
            bits: 2,
        };
        // Round 0: no residual in; round 1 from round 0's residual.
        let (d0, r0) = (d.join("d0"), d.join("r0"));
        compress_round(
            TrainerKind::Builtin,
            p,
            &start,
            &fin,
            None,
            0,
            &d0,
            Some(&r0),
        )
        .unwrap();
        let (d1, r1) = (d.join("d1"), d.join("r1"));
        compress_round(
            TrainerKind::Builtin,
            p,
            &start,
            &fin,
            Some(&r0),
            1,
            &d1,
            Some(&r1),
        )
        .unwrap();
        assert_ne!(std::fs::read(&d0).unwrap(), std::fs::read(&d1).unwrap());
        let check = |delta: &Path, residual: &Path, rin: Option<&Path>, round| {
            check_compressed(
                TrainerKind::Builtin,
                p,
                &start,
                &fin,
                rin,
                round,
                (delta, Some(residual)),
                &d.join("re"),
            )
            .unwrap()
        };
        assert_eq!(check(&d0, &r0, None, 0), None);
        assert_eq!(check(&d1, &r1, Some(&r0), 1), None);
        // The wrong residual in: caught.
        assert!(check(&d1, &r1, None, 1).is_some());
        // One value code of the delta changed: still a valid file, but not the compression.
        let mut bytes = std::fs::read(&d0).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        let bad = d.join("bad");
        std::fs::write(&bad, &bytes).unwrap();
        let (code, why) = check(&bad, &r0, None, 0).unwrap();
        assert_eq!(code, Rejection::DeltaMismatch, "{why}");
        assert!(why.contains("pseudo-gradient"), "{why}");
        // A residual changed in one entry: caught.
        let mut r = outer::load_tensors(&r0, RESIDUAL_FORMAT, "r").unwrap();
        r.values_mut().next().unwrap().1[0] += 1.0;
        let bad_r = d.join("bad_r");
        std::fs::write(&bad_r, outer::tensors_bytes(&r, RESIDUAL_FORMAT, 0)).unwrap();
        let (code, why) = check(&d0, &bad_r, None, 0).unwrap();
        assert_eq!(code, Rejection::ResidualMismatch, "{why}");
        assert!(why.contains("residual"), "{why}");
    }

    #[test]
    fn the_first_checkpoint_must_hold_the_inherited_or_a_fresh_state() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let (fresh, prev, kept) = (d.join("fresh"), d.join("prev"), d.join("kept"));
        ckpt(2, 0.0).save(&fresh).unwrap();
        let mut p = ckpt(2, 0.3);
        let o = p.optimizer.as_mut().unwrap();
        o.t = 7;
        o.m.values_mut().next().unwrap()[0] = 0.5;
        p.save(&prev).unwrap();
        round_init(TrainerKind::Builtin, &fresh, &prev, &kept).unwrap();
        let k = Checkpoint::load(&kept).unwrap();
        assert_eq!(k.weights, ckpt(2, 0.0).weights);
        assert_eq!(k.optimizer, p.optimizer);
        assert_eq!(
            check_inner_state(TrainerKind::Builtin, &fresh, None).unwrap(),
            None
        );
        assert_eq!(
            check_inner_state(TrainerKind::Builtin, &kept, Some(&prev)).unwrap(),
            None
        );
        assert!(
            check_inner_state(TrainerKind::Builtin, &kept, None)
                .unwrap()
                .is_some()
        );
        assert!(
            check_inner_state(TrainerKind::Builtin, &fresh, Some(&prev))
                .unwrap()
                .is_some()
        );
    }
}
