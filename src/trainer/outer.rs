//! The outer optimizer of a pool round (`[training.outer]`).
//!
//! `average` is federated averaging: the next round starts from the mean of the accepted
//! workers' final weights, weighted by work units (`average::average`, unchanged).
//!
//! `nesterov` is DiLoCo's outer step. Each worker's pseudo-gradient is
//! Δ_i = θ_start − θ_i (its round's start minus its final weights). With weights w_i
//! normalized to sum 1, the coordinator takes D = Σ w_i Δ_i, then
//!
//! ```text
//! m' = μ·m + D                      (m: the outer momentum, zero before the first round)
//! θ' = θ_start − lr·(D + μ·m')      (Nesterov, as PyTorch's SGD with nesterov=True)
//! ```
//!
//! computed in f64 from f32 inputs and rounded once to f32. The weights are formed as
//! `(1 − lr)·θ_start + lr·A − lr·μ·m'` with A = θ_start − D (for uncompressed rounds A is the
//! weighted mean of the final weights, summed exactly as `average` sums it): the same value in
//! exact arithmetic, and with lr = 1, μ = 0 every operation is exact, so the step is
//! federated averaging bit for bit. The new momentum m' is stored as f32 (`save_momentum`,
//! format `cohort-outer-momentum/1`) and is the m of the next round, so anyone holding the
//! round's inputs and the stored momentum recomputes the aggregate exactly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::average::weighted_sums;
use super::checkpoint::{Checkpoint, Tensors};
use super::compress::{Compressed, Layout, flatten, unflatten};
use super::config::{OuterConfig, OuterOptimizer};
use crate::error::{Error, Result};

pub const MOMENTUM_FORMAT: &str = "cohort-outer-momentum/1";

/// Δ = start − end for every tensor, in f32: what a worker compresses.
pub fn pseudo_gradient(start: &Tensors, end: &Tensors) -> Result<Tensors> {
    check_same(start, end, "the final weights")?;
    Ok(start
        .iter()
        .map(|(n, (s, a))| {
            let b = &end[n].1;
            (
                n.clone(),
                (s.clone(), a.iter().zip(b).map(|(x, y)| x - y).collect()),
            )
        })
        .collect())
}

fn check_same(a: &Tensors, b: &Tensors, what: &str) -> Result<()> {
    let names = |t: &Tensors| -> Vec<(String, Vec<usize>)> {
        t.iter().map(|(n, (s, _))| (n.clone(), s.clone())).collect()
    };
    if names(a) != names(b) {
        return Err(Error::verification(
            "outer.mismatch",
            format!("{what} do not have the round's tensor names and shapes"),
        ));
    }
    Ok(())
}

/// The outer step on flat vectors: returns the new weights and the new momentum.
fn nesterov_flat(
    start: &[f32],
    d: &[f64],
    target: &[f64],
    momentum: Option<&[f32]>,
    lr: f64,
    mu: f64,
) -> (Vec<f32>, Vec<f32>) {
    let n = start.len();
    let mut w = vec![0f32; n];
    let mut m = vec![0f32; n];
    w.par_chunks_mut(1 << 14)
        .zip(m.par_chunks_mut(1 << 14))
        .enumerate()
        .for_each(|(c, (w, m))| {
            let base = c << 14;
            for j in 0..w.len() {
                let i = base + j;
                let prev = momentum.map_or(0.0, |m| m[i] as f64);
                let m_new = mu * prev + d[i];
                w[j] = ((1.0 - lr) * start[i] as f64 + lr * target[i] - lr * mu * m_new) as f32;
                m[j] = m_new as f32;
            }
        });
    (w, m)
}

fn flat_momentum(momentum: Option<&Tensors>, layout: &Layout) -> Result<Option<Vec<f32>>> {
    match momentum {
        None => Ok(None),
        Some(m) => {
            let (l, flat) = flatten(m);
            if &l != layout {
                return Err(Error::verification(
                    "outer.mismatch",
                    "the outer momentum does not have the model's tensor names and shapes",
                ));
            }
            Ok(Some(flat))
        }
    }
}

/// The result of an outer step.
#[derive(Debug, Clone)]
pub struct Aggregate {
    /// The next round's starting checkpoint (no optimizer state).
    pub checkpoint: Checkpoint,
    /// The new outer momentum (`nesterov` only).
    pub momentum: Option<Tensors>,
}

/// The outer step from the accepted workers' final checkpoints (uncompressed rounds), weighted
/// by the given work units. `average` is `average::average`'s result exactly; `nesterov` needs
/// the round's starting weights and the previous momentum (None before the first round).
pub fn aggregate_checkpoints(
    cfg: &OuterConfig,
    start: &Checkpoint,
    finals: &[(PathBuf, f64)],
    momentum: Option<&Tensors>,
) -> Result<Aggregate> {
    let (first, sums, step) = weighted_sums(finals)?;
    first.check_config(&start.config, &finals[0].0)?;
    let mut info = BTreeMap::new();
    info.insert("averaged_from".to_string(), finals.len().to_string());
    if cfg.optimizer == OuterOptimizer::Average {
        let weights = sums
            .into_iter()
            .map(|(n, (s, d))| (n, (s, d.into_iter().map(|v| v as f32).collect())))
            .collect();
        return Ok(Aggregate {
            checkpoint: Checkpoint {
                config: first.config,
                step,
                weights,
                optimizer: None,
                info,
            },
            momentum: None,
        });
    }
    let (weights, m) = step_from_mean(cfg, &start.weights, &sums, momentum)?;
    Ok(finish(cfg, start, weights, m, step, info))
}

/// The outer step on tensors from A, the weighted mean of the final weights in f64
/// (uncompressed rounds): D = θ_start − A. Returns the new weights and momentum.
pub fn step_from_mean(
    cfg: &OuterConfig,
    start: &Tensors,
    mean: &super::average::Sums,
    momentum: Option<&Tensors>,
) -> Result<(Tensors, Tensors)> {
    let (layout, theta) = flatten(start);
    let mut target = Vec::with_capacity(theta.len());
    for ((name, shape), (n2, (s2, d))) in layout.iter().zip(mean) {
        if name != n2 || shape != s2 {
            return Err(Error::verification(
                "outer.mismatch",
                "the final weights do not have the round's tensor names and shapes",
            ));
        }
        target.extend_from_slice(d);
    }
    if target.len() != theta.len() || layout.len() != mean.len() {
        return Err(Error::verification(
            "outer.mismatch",
            "the final weights do not have the round's tensor names and shapes",
        ));
    }
    let d: Vec<f64> = theta
        .par_iter()
        .zip(&target)
        .map(|(s, a)| *s as f64 - a)
        .collect();
    step_flat(cfg, &layout, &theta, &d, &target, momentum)
}

/// The outer step from compressed pseudo-gradients (`nesterov` + `topk`), weighted by the
/// given work units: D = Σ w_i decompress(Δ_i), A = θ_start − D.
pub fn aggregate_compressed(
    cfg: &OuterConfig,
    start: &Checkpoint,
    deltas: &[(Compressed, f64)],
    momentum: Option<&Tensors>,
    step: u64,
) -> Result<Aggregate> {
    let (weights, m) = step_from_compressed(cfg, &start.weights, deltas, momentum)?;
    let mut info = BTreeMap::new();
    info.insert("averaged_from".to_string(), deltas.len().to_string());
    Ok(finish(cfg, start, weights, m, step, info))
}

/// [`aggregate_compressed`] on tensors: returns the new weights and momentum.
pub fn step_from_compressed(
    cfg: &OuterConfig,
    start: &Tensors,
    deltas: &[(Compressed, f64)],
    momentum: Option<&Tensors>,
) -> Result<(Tensors, Tensors)> {
    if cfg.optimizer != OuterOptimizer::Nesterov {
        return Err(Error::usage(
            "outer.average_compressed",
            "compressed pseudo-gradients need the nesterov outer optimizer",
        ));
    }
    let total: f64 = deltas.iter().map(|(_, w)| w).sum();
    if deltas.is_empty() || !(total > 0.0 && total.is_finite()) {
        return Err(Error::usage(
            "average.weight",
            "no pseudo-gradient with a positive weight",
        ));
    }
    let (layout, theta) = flatten(start);
    let mut d = vec![0f64; theta.len()];
    for (c, w) in deltas {
        if c.layout != layout {
            return Err(Error::verification(
                "outer.mismatch",
                "a pseudo-gradient does not have the model's tensor names and shapes",
            ));
        }
        let scale = w / total;
        for (i, v) in c.kept() {
            d[i] += scale * v as f64;
        }
    }
    let target: Vec<f64> = theta
        .par_iter()
        .zip(&d)
        .map(|(s, d)| *s as f64 - d)
        .collect();
    step_flat(cfg, &layout, &theta, &d, &target, momentum)
}

fn step_flat(
    cfg: &OuterConfig,
    layout: &Layout,
    theta: &[f32],
    d: &[f64],
    target: &[f64],
    momentum: Option<&Tensors>,
) -> Result<(Tensors, Tensors)> {
    let m = flat_momentum(momentum, layout)?;
    let (w, m) = nesterov_flat(theta, d, target, m.as_deref(), cfg.lr, cfg.momentum);
    Ok((unflatten(layout, &w), unflatten(layout, &m)))
}

fn finish(
    cfg: &OuterConfig,
    start: &Checkpoint,
    weights: Tensors,
    momentum: Tensors,
    step: u64,
    mut info: BTreeMap<String, String>,
) -> Aggregate {
    info.insert(
        "outer".to_string(),
        format!("nesterov lr={} momentum={}", cfg.lr, cfg.momentum),
    );
    Aggregate {
        checkpoint: Checkpoint {
            config: start.config.clone(),
            step,
            weights,
            optimizer: None,
            info,
        },
        momentum: Some(momentum),
    }
}

/// The outer momentum as a deterministic safetensors file (F32 tensors named as the weights).
pub fn momentum_bytes(m: &Tensors, round: u64) -> Vec<u8> {
    tensors_bytes(m, MOMENTUM_FORMAT, round)
}

/// Writes the outer momentum atomically.
pub fn save_momentum(path: &Path, m: &Tensors, round: u64) -> Result<()> {
    crate::fsutil::write_atomic(path, &momentum_bytes(m, round), 0o644)
}

/// Reads an outer momentum file.
pub fn load_momentum(path: &Path) -> Result<Tensors> {
    load_tensors(path, MOMENTUM_FORMAT, "an outer momentum file")
}

/// F32 tensors as a deterministic safetensors file whose metadata names `format` and the round
/// (the outer momentum, a worker's error-feedback residual).
pub fn tensors_bytes(m: &Tensors, format: &str, round: u64) -> Vec<u8> {
    let mut meta = BTreeMap::new();
    meta.insert("format".to_string(), format.to_string());
    meta.insert("round".to_string(), round.to_string());
    super::checkpoint::tensors_bytes(m, &meta)
}

/// Reads a file of [`tensors_bytes`] whose metadata names `format` (`what` names it in errors).
pub fn load_tensors(path: &Path, format: &str, what: &str) -> Result<Tensors> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let bad = |why: String| {
        Error::verification(
            "outer.tensors_invalid",
            format!("{} is not {what}: {why}", path.display()),
        )
    };
    let (_, meta) =
        safetensors::SafeTensors::read_metadata(&bytes).map_err(|e| bad(e.to_string()))?;
    let md = meta.metadata().clone().unwrap_or_default();
    if md.get("format").map(String::as_str) != Some(format) {
        return Err(bad(format!("metadata `format` is not {format}")));
    }
    let st = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| bad(e.to_string()))?;
    let mut out = Tensors::new();
    for (name, view) in st.tensors() {
        if view.dtype() != safetensors::Dtype::F32 {
            return Err(bad(format!("tensor {name} is not F32")));
        }
        let data = view
            .data()
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        out.insert(name, (view.shape().to_vec(), data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trainer::config::ModelConfig;
    use crate::trainer::model::Model;

    fn config() -> ModelConfig {
        ModelConfig {
            layers: 1,
            width: 32,
            heads: 2,
            context: 16,
            dropout: 0.0,
        }
    }

    /// A checkpoint of a seeded model, its weights moved by a seeded perturbation.
    fn ckpt(seed: u64, shift: f32) -> Checkpoint {
        let m = Model::init(&config(), seed, &candle_core::Device::Cpu).unwrap();
        let mut weights = m.values().unwrap();
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        for (_, d) in weights.values_mut() {
            for x in d.iter_mut() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                *x += shift * ((s % 1000) as f32 / 1000.0 - 0.5);
            }
        }
        Checkpoint {
            config: config(),
            step: 10,
            weights,
            optimizer: None,
            info: BTreeMap::new(),
        }
    }

    #[test]
    fn nesterov_with_lr_1_and_no_momentum_is_averaging_bit_for_bit() {
        let dir = tempfile::tempdir().unwrap();
        let start = ckpt(1, 0.0);
        let mut finals = Vec::new();
        for (i, w) in [(2u64, 3.0), (3, 1.0), (4, 2.5)] {
            let p = dir.path().join(format!("w{i}.safetensors"));
            ckpt(1, 0.01 * i as f32).save(&p).unwrap();
            // Distinct endpoints (a different perturbation seed too).
            let mut c = Checkpoint::load(&p).unwrap();
            let other = ckpt(i, 0.02);
            for (n, (_, d)) in c.weights.iter_mut() {
                for (x, y) in d.iter_mut().zip(&other.weights[n].1) {
                    *x = 0.5 * *x + 0.5 * y;
                }
            }
            c.save(&p).unwrap();
            finals.push((p, w));
        }
        let avg_path = dir.path().join("avg.safetensors");
        super::super::average(&finals, &avg_path).unwrap();
        let avg = Checkpoint::load(&avg_path).unwrap();
        let cfg = OuterConfig {
            optimizer: OuterOptimizer::Nesterov,
            lr: 1.0,
            momentum: 0.0,
            keep_inner_state: false,
        };
        // With and without a previous momentum (μ = 0 ignores it).
        let prev = ckpt(9, 0.1).weights;
        for m in [None, Some(&prev)] {
            let got = aggregate_checkpoints(&cfg, &start, &finals, m).unwrap();
            assert_eq!(got.checkpoint.step, avg.step);
            for (n, (_, a)) in &avg.weights {
                let b = &got.checkpoint.weights[n].1;
                assert!(
                    a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()),
                    "{n} differs"
                );
            }
        }
        // And the average optimizer is exactly `average`.
        let plain = aggregate_checkpoints(&OuterConfig::default(), &start, &finals, None).unwrap();
        assert_eq!(plain.checkpoint.to_bytes(), avg.to_bytes());
        assert!(plain.momentum.is_none());
        // Any other lr moves off the average (the test can fail).
        let other = OuterConfig {
            lr: 0.7,
            ..cfg.clone()
        };
        let moved = aggregate_checkpoints(&other, &start, &finals, None).unwrap();
        assert_ne!(moved.checkpoint.weights, avg.weights);
    }

    /// The Nesterov step against a direct f64 transcription of PyTorch's SGD(nesterov=True)
    /// update on Δ, over two rounds.
    #[test]
    fn nesterov_follows_the_sgd_nesterov_update_over_rounds() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = OuterConfig {
            optimizer: OuterOptimizer::Nesterov,
            lr: 0.7,
            momentum: 0.9,
            keep_inner_state: true,
        };
        let mut start = ckpt(1, 0.0);
        let mut m: Option<Tensors> = None;
        // Reference state: buf (torch's momentum buffer) and θ, in f64.
        let mut theta: BTreeMap<String, Vec<f64>> = start
            .weights
            .iter()
            .map(|(n, (_, d))| (n.clone(), d.iter().map(|x| *x as f64).collect()))
            .collect();
        let mut buf: Option<BTreeMap<String, Vec<f64>>> = None;
        for round in 0..2u64 {
            let mut finals = Vec::new();
            for i in 0..2u64 {
                let p = dir.path().join(format!("r{round}w{i}.safetensors"));
                let mut c = start.clone();
                let moved = ckpt(10 + round * 2 + i, 0.05);
                for (n, (_, d)) in c.weights.iter_mut() {
                    for (x, y) in d.iter_mut().zip(&moved.weights[n].1) {
                        *x += 0.1 * y;
                    }
                }
                c.save(&p).unwrap();
                finals.push((p, 1.0 + i as f64));
            }
            let got = aggregate_checkpoints(&cfg, &start, &finals, m.as_ref()).unwrap();
            let ends: Vec<Checkpoint> = finals
                .iter()
                .map(|(p, _)| Checkpoint::load(p).unwrap())
                .collect();
            let mut newbuf = BTreeMap::new();
            for (n, th) in theta.iter_mut() {
                let g: Vec<f64> = (0..th.len())
                    .map(|j| {
                        let s = start.weights[n].1[j] as f64;
                        (s - ends[0].weights[n].1[j] as f64) / 3.0
                            + 2.0 * (s - ends[1].weights[n].1[j] as f64) / 3.0
                    })
                    .collect();
                let b: Vec<f64> = match &buf {
                    None => g.clone(),
                    Some(prev) => prev[n]
                        .iter()
                        .zip(&g)
                        .map(|(b, g)| 0.9 * (*b as f32) as f64 + g)
                        .collect(),
                };
                for j in 0..th.len() {
                    th[j] = start.weights[n].1[j] as f64 - 0.7 * (g[j] + 0.9 * b[j]);
                    let ours = got.checkpoint.weights[n].1[j] as f64;
                    assert!(
                        (ours - th[j]).abs() <= 1e-6 * (1.0 + th[j].abs()),
                        "round {round} {n}[{j}]: {ours} vs {}",
                        th[j]
                    );
                }
                newbuf.insert(n.clone(), b);
            }
            buf = Some(newbuf);
            // The momentum survives its file.
            let mp = dir.path().join(format!("m{round}.safetensors"));
            let mom = got.momentum.clone().unwrap();
            save_momentum(&mp, &mom, round).unwrap();
            assert_eq!(load_momentum(&mp).unwrap(), mom);
            assert_eq!(momentum_bytes(&mom, round), std::fs::read(&mp).unwrap());
            m = Some(load_momentum(&mp).unwrap());
            start = got.checkpoint;
        }
    }

    #[test]
    fn compressed_deltas_aggregate_like_their_decompressed_values() {
        use crate::trainer::compress::{TopK, compress};
        let start = ckpt(1, 0.0);
        let cfg = OuterConfig {
            optimizer: OuterOptimizer::Nesterov,
            lr: 1.0,
            momentum: 0.0,
            keep_inner_state: false,
        };
        let p = TopK {
            chunk: 64,
            density: 0.1,
            bits: 4,
        };
        let mut deltas = Vec::new();
        for i in 0..2 {
            let end = ckpt(1, 0.01 * (i + 1) as f32);
            let d = pseudo_gradient(&start.weights, &end.weights).unwrap();
            let (layout, flat) = flatten(&d);
            deltas.push((compress(&layout, &flat, p).unwrap(), 1.0));
        }
        let got = aggregate_compressed(&cfg, &start, &deltas, None, 10).unwrap();
        let (a, b) = (deltas[0].0.decompress(), deltas[1].0.decompress());
        let (layout, theta) = flatten(&start.weights);
        let (_, ours) = flatten(&got.checkpoint.weights);
        for i in 0..theta.len() {
            let want = (theta[i] as f64 - (0.5 * a[i] as f64 + 0.5 * b[i] as f64)) as f32;
            assert_eq!(ours[i].to_bits(), want.to_bits(), "entry {i}");
        }
        assert_eq!(layout, deltas[0].0.layout);
        let avg = aggregate_compressed(&OuterConfig::default(), &start, &deltas, None, 10);
        assert_eq!(avg.unwrap_err().exit_code(), 2);
    }
}
