//! Verification by re-execution: re-run the steps between two checkpoints and compare.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
    /// Where to re-execute (default the CPU: bit-reproducible there; see the module docs).
    pub device: DeviceChoice,
    /// The steps the two checkpoints are listed at (a work bundle's): the steps inside the
    /// files must be these, or the span is refused (`verify.step_mismatch`). None: whatever
    /// the files say.
    pub steps: Option<(u64, u64)>,
}

/// The largest absolute difference accepted as rounding between CPU models.
pub const DEFAULT_TOLERANCE: f64 = 1e-5;
/// For GPU work: the largest weight difference accepted, as a fraction of the span's largest
/// weight change. Measured on an H200 (tiny spec, span of 100 steps): the same GPU reproduces
/// its own work bit for bit, GPU work re-run on a CPU differs by 0.0076 and CPU work re-run on
/// the GPU by 0.016, while the same span with another worker's batches differs by 0.73.
pub const DEFAULT_GPU_TOLERANCE: f64 = 0.1;

/// How close a re-execution must come to a claimed checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Tolerance {
    /// Largest absolute difference accepted (any work).
    pub absolute: f64,
    /// Largest `relative_diff` accepted for work done on a GPU.
    pub gpu_relative: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            absolute: DEFAULT_TOLERANCE,
            gpu_relative: DEFAULT_GPU_TOLERANCE,
        }
    }
}

impl Tolerance {
    /// Checks both bounds: finite and not negative.
    pub fn validate(&self) -> Result<()> {
        for (v, flag) in [
            (self.absolute, "--tolerance"),
            (self.gpu_relative, "--gpu-tolerance"),
        ] {
            if !(v >= 0.0 && v.is_finite()) {
                return Err(Error::usage(
                    "verify.bad_tolerance",
                    format!("{flag} must be a number, 0 or more (got {v})"),
                ));
            }
        }
        Ok(())
    }
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
    /// The largest difference over the weights alone.
    pub weights_max_abs_diff: f64,
    /// The largest change of any weight over the span in the claim (|claimed − start|): the
    /// scale of the work, against which rounding noise is small and other work is not.
    pub span_change: f64,
    /// `weights_max_abs_diff / span_change` (0 when identical): about 0.01 for the same work on
    /// another device (0.0076 and 0.016 measured GPU↔CPU), about 1 for other batches (0.73).
    pub relative_diff: f64,
    /// Whether the optimizer state was compared too (when the claim carries it).
    pub compared_optimizer: bool,
    /// Per tensor, sorted by name (weights, then `optim.m.*`, `optim.v.*`).
    pub tensors: Vec<TensorDiff>,
}

impl VerifyReport {
    /// Whether the re-execution reproduces the claim: bit for bit, within the absolute
    /// tolerance, or, for work done on a GPU (`gpu_work`), within the relative one. GPU kernels
    /// sum in another order than the CPU's, and over a span the difference grows with training,
    /// so GPU work is judged against the size of the span's own change.
    pub fn accepted(&self, tol: &Tolerance, gpu_work: bool) -> bool {
        self.identical
            || self.max_abs_diff <= tol.absolute
            || (gpu_work && self.relative_diff <= tol.gpu_relative)
    }
}

/// Pushes the largest absolute difference of one tensor between a re-run and a claim (infinite
/// when their sizes differ), clearing `same` on any bit that differs.
pub(crate) fn diff(name: &str, a: &[f32], b: &[f32], out: &mut Vec<TensorDiff>, same: &mut bool) {
    let mut m = if a.len() == b.len() {
        0f64
    } else {
        *same = false;
        f64::INFINITY
    };
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
/// the step of `claimed_ckpt`, on `opts.device` (the CPU by default), and compares the result with the claim tensor by
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
    check_listed_steps(opts.steps, (from.step, claimed.step))?;
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
    let span_change = largest_change(&claimed.weights, &from.weights);
    let device = opts.device.device()?;
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
    let weights_max_abs_diff = tensors.iter().map(|t| t.max_abs_diff).fold(0.0, f64::max);
    let relative_diff = if weights_max_abs_diff == 0.0 {
        0.0
    } else if span_change > 0.0 {
        weights_max_abs_diff / span_change
    } else {
        f64::INFINITY
    };
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
        weights_max_abs_diff,
        span_change,
        relative_diff,
        compared_optimizer,
        tensors,
    })
}

/// Refuses a span whose checkpoints are not at the steps they are listed at (`listed`, when
/// given): re-running from the step inside one file to the step inside the other would check
/// other work than the span claims (a few real steps listed as K each).
pub fn check_listed_steps(listed: Option<(u64, u64)>, inside: (u64, u64)) -> Result<()> {
    match listed {
        Some(l) if l != inside => Err(Error::verification(
            "verify.step_mismatch",
            format!(
                "the span is listed as steps {}..{} but its checkpoints are at steps {}..{} inside their files: the listed steps were not trained",
                l.0, l.1, inside.0, inside.1
            ),
        )),
        _ => Ok(()),
    }
}

/// The largest absolute difference between two sets of the same tensors.
fn largest_change(a: &Tensors, b: &Tensors) -> f64 {
    a.iter()
        .flat_map(|(name, (_, x))| x.iter().zip(&b[name].1))
        .map(|(x, y)| (*x as f64 - *y as f64).abs())
        .fold(0.0, f64::max)
}

fn compare(a: &Tensors, b: &Tensors, prefix: &str, out: &mut Vec<TensorDiff>, same: &mut bool) {
    for (name, (_, data)) in a {
        diff(&format!("{prefix}{name}"), data, &b[name].1, out, same);
    }
}

/// The checkpoint steps a round of `steps` steps from `start` must have with interval `every`
/// (`[training] checkpoint_every`, K): start, start+K, start+2K, …, and the round's end (the
/// last span is shorter when K does not divide `steps`). Without K the round is one span.
pub fn checkpoint_layout(start: u64, steps: u64, every: Option<u64>) -> Vec<u64> {
    let end = start + steps;
    let k = every.filter(|k| *k > 0).unwrap_or(steps.max(1));
    let mut out: Vec<u64> = (0..)
        .map(|i| start + i * k)
        .take_while(|s| *s < end)
        .collect();
    out.push(end);
    out
}

/// Domain of the span-drawing stream (see [`sample_spans`]).
pub const SPAN_DOMAIN: &str = "cohort.verify.spans.v1";

/// Draws `count` of the `n` spans of a submission without replacement (all of them when
/// `count >= n`), from the BLAKE3 stream keyed by `seed` (see `jobs::spans::span_seed`), in
/// increasing order. A partial Fisher–Yates shuffle: every subset of `count` spans is equally
/// likely, and the draw is a pure function of the seed.
pub fn sample_spans(seed: &[u8; 32], n: usize, count: usize) -> Vec<usize> {
    let mut rng = super::rng::Stream::new(SPAN_DOMAIN, &[seed]);
    let mut idx: Vec<usize> = (0..n).collect();
    let count = count.min(n);
    for i in 0..count {
        let j = i + rng.below((n - i) as u64) as usize;
        idx.swap(i, j);
    }
    let mut out = idx[..count].to_vec();
    out.sort_unstable();
    out
}

/// The chance that drawing `count` of `n` spans without replacement hits at least one of
/// `faked` faked spans: 1 − C(n−faked, count) / C(n, count). Never below the README's
/// 1 − (1 − f)^s with f = faked / n (drawing with replacement).
pub fn detection_probability(n: usize, faked: usize, count: usize) -> f64 {
    let count = count.min(n);
    let mut miss = 1.0;
    for i in 0..count {
        let honest_left = n.saturating_sub(faked).saturating_sub(i);
        miss *= honest_left as f64 / (n - i) as f64;
    }
    1.0 - miss
}

/// The weights a job without a base model starts from: the model initialized from the spec's
/// seed (`Model::init`, on the CPU; the values are drawn on the host, so every device starts
/// from the same bits).
pub fn initial_weights(model: &ModelConfig, seed: u64) -> Result<Tensors> {
    model.validate()?;
    let m = super::model::Model::init(model, seed, &candle_core::Device::Cpu)?;
    m.values()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_every_k_steps_of_the_round_and_its_end() {
        assert_eq!(checkpoint_layout(30, 30, Some(10)), vec![30, 40, 50, 60]);
        assert_eq!(checkpoint_layout(0, 25, Some(10)), vec![0, 10, 20, 25]);
        assert_eq!(checkpoint_layout(100, 50, None), vec![100, 150]);
        assert_eq!(checkpoint_layout(0, 5, Some(10)), vec![0, 5]);
    }

    #[test]
    fn spans_are_drawn_without_replacement_from_the_seed_alone() {
        let seed = *blake3::hash(b"block").as_bytes();
        let a = sample_spans(&seed, 10, 4);
        assert_eq!(a, sample_spans(&seed, 10, 4), "a pure function of the seed");
        assert_eq!(a.len(), 4);
        assert!(a.windows(2).all(|w| w[0] < w[1]), "distinct, sorted: {a:?}");
        assert!(a.iter().all(|i| *i < 10));
        assert_eq!(sample_spans(&seed, 3, 5), vec![0, 1, 2], "all when fewer");
        // Another seed draws another set (over a few seeds, not always the same).
        let others: std::collections::BTreeSet<Vec<usize>> = (0..20u8)
            .map(|i| sample_spans(blake3::hash(&[i]).as_bytes(), 10, 4))
            .collect();
        assert!(others.len() > 10, "{others:?}");
    }

    /// A worker fakes one of ten K-spans; over many independent seeds (block hashes and bundle
    /// roots), the share of draws that hit the faked span matches the stated rate within a
    /// binomial bound, for s = 1, 2 and 4.
    #[test]
    fn a_faked_span_is_caught_at_the_stated_rate() {
        let (n, faked_span, draws) = (10usize, 7usize, 2000u32);
        for s in [1usize, 2, 4] {
            let mut caught = 0u32;
            for i in 0..draws {
                let block = blake3::hash(&[b"block".as_slice(), &i.to_le_bytes()].concat());
                let root = blake3::hash(&[b"root".as_slice(), &i.to_le_bytes()].concat());
                let seed = blake3::hash(&[block.as_bytes().as_slice(), root.as_bytes()].concat());
                if sample_spans(seed.as_bytes(), n, s).contains(&faked_span) {
                    caught += 1;
                }
            }
            let p = detection_probability(n, 1, s);
            // Exactly s / n without replacement; never below 1 − (1 − f)^s.
            assert!((p - s as f64 / n as f64).abs() < 1e-12);
            assert!(p >= 1.0 - (1.0 - 0.1f64).powi(s as i32));
            let rate = f64::from(caught) / f64::from(draws);
            let sigma = (p * (1.0 - p) / f64::from(draws)).sqrt();
            assert!(
                (rate - p).abs() < 4.5 * sigma,
                "s = {s}: caught {caught} of {draws} ({rate:.4}), stated {p:.4} ± {sigma:.4}"
            );
        }
    }

    #[test]
    fn detection_probability_matches_the_formula_bounds() {
        // Every span faked: always caught. Nothing faked: never.
        assert_eq!(detection_probability(10, 10, 1), 1.0);
        assert_eq!(detection_probability(10, 0, 4), 0.0);
        // Half faked, s = 2 without replacement: 1 − (5/10 · 4/9) = 7/9 ≥ 1 − 0.5².
        assert!((detection_probability(10, 5, 2) - 7.0 / 9.0).abs() < 1e-12);
    }
}
