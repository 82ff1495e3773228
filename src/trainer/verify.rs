//! Verification by re-execution: re-run the steps between two checkpoints and compare.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::checkpoint::{Checkpoint, Tensors};
use super::config::{ModelConfig, TrainConfig};
use super::{Corpus, DeviceChoice, Session};
use crate::error::{Error, Result};

/// What the claimed work was: the same inputs training used.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    pub data: Vec<PathBuf>,
    pub model: ModelConfig,
    pub training: TrainConfig,
    /// Seed (default `training.seed`).
    pub seed: Option<u64>,
    pub round: u64,
    pub worker: [u8; 20],
}

/// The largest absolute difference of one tensor between the re-run and the claim.
#[derive(Debug, Clone, Serialize)]
pub struct TensorDiff {
    pub name: String,
    pub max_abs_diff: f64,
}

/// The outcome of a re-execution.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// Every compared tensor is bit-identical.
    pub identical: bool,
    pub from_step: u64,
    pub to_step: u64,
    /// The largest difference over all tensors.
    pub max_abs_diff: f64,
    /// Whether the optimizer state was compared too (when the claim carries it).
    pub compared_optimizer: bool,
    /// Per tensor, sorted by name (weights, then `optim.m.*`, `optim.v.*`).
    pub tensors: Vec<TensorDiff>,
}

fn diff(name: &str, a: &[f32], b: &[f32], out: &mut Vec<TensorDiff>, same: &mut bool) {
    let mut m = 0f64;
    for (x, y) in a.iter().zip(b) {
        if x.to_bits() != y.to_bits() {
            *same = false;
            let d = (*x as f64 - *y as f64).abs();
            m = if d.is_nan() { f64::INFINITY } else { m.max(d) };
        }
    }
    out.push(TensorDiff {
        name: name.to_string(),
        max_abs_diff: m,
    });
}

/// Re-runs training from `from_ckpt` (at step s, with its optimizer state when present) up to
/// the step of `claimed_ckpt`, on the CPU, and compares the result with the claim tensor by
/// tensor.
pub fn verify_span(
    from_ckpt: &Path,
    claimed_ckpt: &Path,
    opts: &VerifyOptions,
) -> Result<VerifyReport> {
    opts.model.validate()?;
    opts.training.validate()?;
    let from = Checkpoint::load(from_ckpt)?;
    let claimed = Checkpoint::load(claimed_ckpt)?;
    from.check_config(&opts.model, from_ckpt)?;
    claimed.check_config(&opts.model, claimed_ckpt)?;
    if claimed.step <= from.step {
        return Err(Error::usage(
            "verify.span",
            format!(
                "the claimed checkpoint is at step {} but the start is at step {}: nothing to re-run",
                claimed.step, from.step
            ),
        ));
    }
    let corpus = Corpus::load(&opts.data)?;
    corpus.check_context(opts.model.context)?;
    let (from_step, to_step) = (from.step, claimed.step);
    let device = DeviceChoice::Cpu.device()?;
    let mut s = Session::new(
        &opts.model,
        &opts.training,
        &corpus,
        Some((from, from_ckpt)),
        false,
        opts.seed.unwrap_or(opts.training.seed),
        opts.round,
        opts.worker,
        None,
        &device,
    )?;
    while s.step < to_step {
        s.step()?;
    }
    let mine = s.checkpoint(true)?;
    let mut tensors = Vec::new();
    let mut identical = true;
    compare(
        &mine.weights,
        &claimed.weights,
        "",
        &mut tensors,
        &mut identical,
    );
    let compared_optimizer = claimed.optimizer.is_some();
    if let (Some(a), Some(b)) = (&mine.optimizer, &claimed.optimizer) {
        identical &= a.t == b.t;
        for (prefix, x, y) in [("optim.m.", &a.m, &b.m), ("optim.v.", &a.v, &b.v)] {
            for (name, data) in x {
                diff(
                    &format!("{prefix}{name}"),
                    data,
                    &y[name],
                    &mut tensors,
                    &mut identical,
                );
            }
        }
    }
    let max_abs_diff = tensors.iter().map(|t| t.max_abs_diff).fold(0.0, f64::max);
    Ok(VerifyReport {
        identical,
        from_step,
        to_step,
        max_abs_diff,
        compared_optimizer,
        tensors,
    })
}

fn compare(a: &Tensors, b: &Tensors, prefix: &str, out: &mut Vec<TensorDiff>, same: &mut bool) {
    for (name, (_, data)) in a {
        diff(&format!("{prefix}{name}"), data, &b[name].1, out, same);
    }
}
