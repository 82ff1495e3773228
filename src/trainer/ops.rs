//! Fused CPU kernels with their own backward pass (candle `CustomOp`s), and reference versions
//! built from candle's differentiable tensor ops (used on GPUs, and in tests as the oracle).
//!
//! Why fused: candle on CPU spends most of a small model's step in many small ops and their
//! allocations, not in matrix products. One kernel per layer norm, per attention, per
//! bias+GELU and per cross-entropy removes most of them. Some of candle's own fused ops
//! (`LayerNorm`, `rms_norm`, `softmax_last_dim`) pass no gradient in backward, so they are
//! never used here.
//!
//! Determinism: every kernel computes each output element on one thread in a fixed order, and
//! reductions across rows use fixed-size blocks summed in order, so results do not depend on
//! the number of threads.

use candle_core::{
    CpuStorage, CustomOp1, CustomOp2, CustomOp3, D, DType, Layout, Result, Shape, Storage,
    Tensor, bail,
};
use rayon::prelude::*;

pub const LN_EPS: f32 = 1e-5;
/// Rows per block in cross-row reductions (fixed so sums do not depend on thread count).
const BLOCK_ROWS: usize = 32;
const GELU_C: f32 = 0.797_884_6; // sqrt(2/pi)
const GELU_A: f32 = 0.044_715;

fn cpu_slice<'a, T: candle_core::WithDType>(s: &'a CpuStorage, l: &Layout) -> Result<&'a [T]> {
    let data = s.as_slice::<T>()?;
    match l.contiguous_offsets() {
        Some((a, b)) => Ok(&data[a..b]),
        None => bail!("fused op needs a contiguous tensor"),
    }
}

/// Runs `f` on the contiguous f32 data of a CPU tensor.
fn with_f32<R>(t: &Tensor, f: impl FnOnce(&[f32]) -> R) -> Result<R> {
    let t = t.contiguous()?;
    let (s, l) = t.storage_and_layout();
    match &*s {
        Storage::Cpu(c) => Ok(f(cpu_slice::<f32>(c, l)?)),
        _ => bail!("fused ops run on the CPU only"),
    }
}

fn last_dim(l: &Layout) -> Result<(usize, usize)> {
    let dims = l.dims();
    let Some(&d) = dims.last() else { bail!("fused op needs rank >= 1") };
    let n = l.shape().elem_count() / d.max(1);
    Ok((n, d))
}

/// Sums `rows` (each `width` long) produced by `row_fn` in fixed blocks: deterministic.
fn block_sum(n: usize, width: usize, row_fn: impl Fn(usize, &mut [f32]) + Sync) -> Vec<f32> {
    let blocks: Vec<Vec<f32>> = (0..n.div_ceil(BLOCK_ROWS))
        .into_par_iter()
        .map(|b| {
            let mut acc = vec![0f32; width];
            for r in b * BLOCK_ROWS..((b + 1) * BLOCK_ROWS).min(n) {
                row_fn(r, &mut acc);
            }
            acc
        })
        .collect();
    let mut out = vec![0f32; width];
    for b in blocks {
        for (o, v) in out.iter_mut().zip(b) {
            *o += v;
        }
    }
    out
}

fn row_stats(x: &[f32]) -> (f32, f32) {
    let d = x.len() as f32;
    let mean = x.iter().sum::<f32>() / d;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / d;
    (mean, 1.0 / (var + LN_EPS).sqrt())
}

// ---------------------------------------------------------------------------------------------
// Layer norm over the last dimension: y = (x - mean) / sqrt(var + eps) * gamma + beta.

struct LayerNorm;

impl CustomOp3 for LayerNorm {
    fn name(&self) -> &'static str {
        "cohort-layer-norm"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let (x, g, b) = (cpu_slice::<f32>(s1, l1)?, cpu_slice::<f32>(s2, l2)?, cpu_slice::<f32>(s3, l3)?);
        let (_, d) = last_dim(l1)?;
        let mut y = vec![0f32; x.len()];
        y.par_chunks_mut(d).zip(x.par_chunks(d)).for_each(|(y, x)| {
            let (mean, rstd) = row_stats(x);
            for i in 0..d {
                y[i] = (x[i] - mean) * rstd * g[i] + b[i];
            }
        });
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        gamma: &Tensor,
        _beta: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let d = x.dim(D::Minus1)?;
        let (dx, dgb) = with_f32(x, |x| {
            with_f32(gamma, |g| {
                with_f32(grad, |dy| {
                    let n = x.len() / d;
                    let mut dx = vec![0f32; x.len()];
                    dx.par_chunks_mut(d).enumerate().for_each(|(r, dx)| {
                        let (x, dy) = (&x[r * d..(r + 1) * d], &dy[r * d..(r + 1) * d]);
                        let (mean, rstd) = row_stats(x);
                        let (mut m1, mut m2) = (0f32, 0f32);
                        for i in 0..d {
                            let xh = (x[i] - mean) * rstd;
                            let dxh = dy[i] * g[i];
                            m1 += dxh;
                            m2 += dxh * xh;
                        }
                        let (m1, m2) = (m1 / d as f32, m2 / d as f32);
                        for i in 0..d {
                            let xh = (x[i] - mean) * rstd;
                            dx[i] = rstd * (dy[i] * g[i] - m1 - xh * m2);
                        }
                    });
                    let dgb = block_sum(n, 2 * d, |r, acc| {
                        let (x, dy) = (&x[r * d..(r + 1) * d], &dy[r * d..(r + 1) * d]);
                        let (mean, rstd) = row_stats(x);
                        for i in 0..d {
                            acc[i] += dy[i] * (x[i] - mean) * rstd;
                            acc[d + i] += dy[i];
                        }
                    });
                    (dx, dgb)
                })
            })
        })???;
        let dev = x.device();
        let dx = Tensor::from_vec(dx, x.shape(), dev)?;
        let dg = Tensor::from_slice(&dgb[..d], d, dev)?;
        let db = Tensor::from_slice(&dgb[d..], d, dev)?;
        Ok((Some(dx), Some(dg), Some(db)))
    }
}

// ---------------------------------------------------------------------------------------------
// Causal multi-head softmax attention on packed q|k|v rows: input [B*T, 3*W], output [B*T, W].

struct Attention {
    batch: usize,
    seq: usize,
    heads: usize,
}

impl Attention {
    fn dims(&self, l: &Layout) -> Result<(usize, usize)> {
        let (n, w3) = last_dim(l)?;
        if n != self.batch * self.seq || w3 % (3 * self.heads) != 0 {
            bail!("attention: bad qkv shape {:?}", l.dims());
        }
        Ok((w3 / 3, w3 / 3 / self.heads))
    }

    /// Gathers head `h` of sequence `b` into [T, hd] buffers q, k, v (k and v also transposed).
    fn gather(&self, qkv: &[f32], w: usize, hd: usize, b: usize, h: usize) -> Head {
        let t = self.seq;
        let mut hs = Head {
            q: vec![0f32; t * hd],
            k: vec![0f32; t * hd],
            v: vec![0f32; t * hd],
            kt: vec![0f32; t * hd],
            vt: vec![0f32; t * hd],
        };
        for i in 0..t {
            let row = &qkv[(b * t + i) * 3 * w..(b * t + i + 1) * 3 * w];
            hs.q[i * hd..(i + 1) * hd].copy_from_slice(&row[h * hd..(h + 1) * hd]);
            hs.k[i * hd..(i + 1) * hd].copy_from_slice(&row[w + h * hd..w + (h + 1) * hd]);
            hs.v[i * hd..(i + 1) * hd].copy_from_slice(&row[2 * w + h * hd..2 * w + (h + 1) * hd]);
            for c in 0..hd {
                hs.kt[c * t + i] = row[w + h * hd + c];
                hs.vt[c * t + i] = row[2 * w + h * hd + c];
            }
        }
        hs
    }

    /// Softmax probabilities P [T, T] (lower triangle) for one head.
    fn probs(&self, hs: &Head, hd: usize) -> Vec<f32> {
        let t = self.seq;
        let scale = 1.0 / (hd as f32).sqrt();
        let mut p = vec![0f32; t * t];
        for i in 0..t {
            let row = &mut p[i * t..i * t + i + 1];
            for c in 0..hd {
                let qc = hs.q[i * hd + c] * scale;
                let kt = &hs.kt[c * t..c * t + i + 1];
                for (r, k) in row.iter_mut().zip(kt) {
                    *r += qc * k;
                }
            }
            let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
            let mut sum = 0f32;
            for r in row.iter_mut() {
                *r = (*r - max).exp();
                sum += *r;
            }
            let inv = 1.0 / sum;
            for r in row.iter_mut() {
                *r *= inv;
            }
        }
        p
    }
}

struct Head {
    q: Vec<f32>,
    k: Vec<f32>,
    v: Vec<f32>,
    kt: Vec<f32>,
    vt: Vec<f32>,
}

impl CustomOp1 for Attention {
    fn name(&self) -> &'static str {
        "cohort-causal-attention"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let qkv = cpu_slice::<f32>(s, l)?;
        let (w, hd) = self.dims(l)?;
        let t = self.seq;
        let outs: Vec<Vec<f32>> = (0..self.batch * self.heads)
            .into_par_iter()
            .map(|bh| {
                let (b, h) = (bh / self.heads, bh % self.heads);
                let hs = self.gather(qkv, w, hd, b, h);
                let p = self.probs(&hs, hd);
                let mut o = vec![0f32; t * hd];
                for i in 0..t {
                    let oi = &mut o[i * hd..(i + 1) * hd];
                    for j in 0..=i {
                        let pij = p[i * t + j];
                        for (o, v) in oi.iter_mut().zip(&hs.v[j * hd..(j + 1) * hd]) {
                            *o += pij * v;
                        }
                    }
                }
                o
            })
            .collect();
        let mut y = vec![0f32; self.batch * t * w];
        for (bh, o) in outs.iter().enumerate() {
            let (b, h) = (bh / self.heads, bh % self.heads);
            for i in 0..t {
                y[(b * t + i) * w + h * hd..(b * t + i) * w + (h + 1) * hd]
                    .copy_from_slice(&o[i * hd..(i + 1) * hd]);
            }
        }
        Ok((CpuStorage::F32(y), Shape::from((self.batch * t, w))))
    }

    fn bwd(&self, arg: &Tensor, _res: &Tensor, grad: &Tensor) -> Result<Option<Tensor>> {
        let t = self.seq;
        let w = arg.dim(D::Minus1)? / 3;
        let hd = w / self.heads;
        let scale = 1.0 / (hd as f32).sqrt();
        let dqkv = with_f32(arg, |qkv| {
            with_f32(grad, |dy| {
                let parts: Vec<[Vec<f32>; 3]> = (0..self.batch * self.heads)
                    .into_par_iter()
                    .map(|bh| {
                        let (b, h) = (bh / self.heads, bh % self.heads);
                        let hs = self.gather(qkv, w, hd, b, h);
                        let p = self.probs(&hs, hd);
                        let mut d_o = vec![0f32; t * hd];
                        for i in 0..t {
                            let src = (b * t + i) * w + h * hd;
                            d_o[i * hd..(i + 1) * hd].copy_from_slice(&dy[src..src + hd]);
                        }
                        let (mut dq, mut dk, mut dv) =
                            (vec![0f32; t * hd], vec![0f32; t * hd], vec![0f32; t * hd]);
                        let mut ds = vec![0f32; t];
                        for i in 0..t {
                            let doi = &d_o[i * hd..(i + 1) * hd];
                            // dP[i, j] = dO_i · V_j for j <= i.
                            let dp = &mut ds[..=i];
                            dp.fill(0.0);
                            for c in 0..hd {
                                let g = doi[c];
                                for (d, v) in dp.iter_mut().zip(&hs.vt[c * t..c * t + i + 1]) {
                                    *d += g * v;
                                }
                            }
                            let pi = &p[i * t..i * t + i + 1];
                            let dot: f32 = dp.iter().zip(pi).map(|(a, b)| a * b).sum();
                            for j in 0..=i {
                                let pij = pi[j];
                                // dV_j += P[i, j] dO_i
                                for (d, g) in dv[j * hd..(j + 1) * hd].iter_mut().zip(doi) {
                                    *d += pij * g;
                                }
                                let dsij = pij * (dp[j] - dot) * scale;
                                // dQ_i += dS[i, j] K_j ; dK_j += dS[i, j] Q_i
                                for (d, k) in
                                    dq[i * hd..(i + 1) * hd].iter_mut().zip(&hs.k[j * hd..(j + 1) * hd])
                                {
                                    *d += dsij * k;
                                }
                                for (d, q) in
                                    dk[j * hd..(j + 1) * hd].iter_mut().zip(&hs.q[i * hd..(i + 1) * hd])
                                {
                                    *d += dsij * q;
                                }
                            }
                        }
                        [dq, dk, dv]
                    })
                    .collect();
                let mut out = vec![0f32; self.batch * t * 3 * w];
                for (bh, [dq, dk, dv]) in parts.iter().enumerate() {
                    let (b, h) = (bh / self.heads, bh % self.heads);
                    for i in 0..t {
                        let row = &mut out[(b * t + i) * 3 * w..(b * t + i + 1) * 3 * w];
                        let s = i * hd..(i + 1) * hd;
                        row[h * hd..(h + 1) * hd].copy_from_slice(&dq[s.clone()]);
                        row[w + h * hd..w + (h + 1) * hd].copy_from_slice(&dk[s.clone()]);
                        row[2 * w + h * hd..2 * w + (h + 1) * hd].copy_from_slice(&dv[s]);
                    }
                }
                out
            })
        })??;
        Ok(Some(Tensor::from_vec(dqkv, arg.shape(), arg.device())?))
    }
}

// ---------------------------------------------------------------------------------------------
// Bias + GELU (tanh approximation, as candle's and PyTorch's `gelu(approximate="tanh")`).

struct BiasGelu;

fn gelu_and_grad(x: f32) -> (f32, f32) {
    let x2 = x * x;
    let inner = GELU_C * (x + GELU_A * x2 * x);
    let th = inner.tanh();
    let y = 0.5 * x * (1.0 + th);
    let dy = 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th * th) * GELU_C * (1.0 + 3.0 * GELU_A * x2);
    (y, dy)
}

impl CustomOp2 for BiasGelu {
    fn name(&self) -> &'static str {
        "cohort-bias-gelu"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let (x, b) = (cpu_slice::<f32>(s1, l1)?, cpu_slice::<f32>(s2, l2)?);
        let (_, f) = last_dim(l1)?;
        let mut y = vec![0f32; x.len()];
        y.par_chunks_mut(f).zip(x.par_chunks(f)).for_each(|(y, x)| {
            for i in 0..f {
                y[i] = gelu_and_grad(x[i] + b[i]).0;
            }
        });
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        bias: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>)> {
        let f = x.dim(D::Minus1)?;
        let dx = with_f32(x, |x| {
            with_f32(bias, |b| {
                with_f32(grad, |g| {
                    let mut dx = vec![0f32; x.len()];
                    dx.par_chunks_mut(f).enumerate().for_each(|(r, dx)| {
                        for i in 0..f {
                            dx[i] = g[r * f + i] * gelu_and_grad(x[r * f + i] + b[i]).1;
                        }
                    });
                    dx
                })
            })
        })???;
        let n = dx.len() / f;
        let db = block_sum(n, f, |r, acc| {
            for (a, v) in acc.iter_mut().zip(&dx[r * f..(r + 1) * f]) {
                *a += v;
            }
        });
        let dev = x.device();
        Ok((Some(Tensor::from_vec(dx, x.shape(), dev)?), Some(Tensor::from_vec(db, f, dev)?)))
    }
}

// ---------------------------------------------------------------------------------------------
// Mean cross-entropy of logits [N, V] against u32 targets [N]; the result is a scalar.

struct CrossEntropy;

fn row_logsumexp(row: &[f32]) -> f32 {
    let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    max + row.iter().map(|v| (v - max).exp()).sum::<f32>().ln()
}

impl CustomOp2 for CrossEntropy {
    fn name(&self) -> &'static str {
        "cohort-cross-entropy"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let logits = cpu_slice::<f32>(s1, l1)?;
        let targets = cpu_slice::<u32>(s2, l2)?;
        let (n, v) = last_dim(l1)?;
        let losses: Vec<f32> = (0..n)
            .into_par_iter()
            .map(|r| {
                let row = &logits[r * v..(r + 1) * v];
                row_logsumexp(row) - row[targets[r] as usize]
            })
            .collect();
        let mean = losses.iter().map(|&l| l as f64).sum::<f64>() / n as f64;
        Ok((CpuStorage::F32(vec![mean as f32]), Shape::from(())))
    }

    fn bwd(
        &self,
        logits: &Tensor,
        targets: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>)> {
        let v = logits.dim(D::Minus1)?;
        let g = grad.to_dtype(DType::F32)?.to_scalar::<f32>()?;
        let targets = targets.to_vec1::<u32>()?;
        let dl = with_f32(logits, |x| {
            let n = x.len() / v;
            let s = g / n as f32;
            let mut d = vec![0f32; x.len()];
            d.par_chunks_mut(v).enumerate().for_each(|(r, d)| {
                let row = &x[r * v..(r + 1) * v];
                let lse = row_logsumexp(row);
                for i in 0..v {
                    d[i] = (row[i] - lse).exp() * s;
                }
                d[targets[r] as usize] -= s;
            });
            d
        })?;
        Ok((Some(Tensor::from_vec(dl, logits.shape(), logits.device())?), None))
    }
}

// ---------------------------------------------------------------------------------------------
// The entry points: fused on the CPU, reference (candle ops) elsewhere or when asked.

/// Which implementation the model uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernels {
    /// The fused CPU kernels above.
    Fused,
    /// Compositions of candle's differentiable ops (any device).
    Reference,
}

impl Kernels {
    pub fn for_device(dev: &candle_core::Device) -> Kernels {
        if dev.is_cpu() { Kernels::Fused } else { Kernels::Reference }
    }

    /// Layer norm of `x` over its last dimension.
    pub fn layer_norm(self, x: &Tensor, g: &Tensor, b: &Tensor) -> Result<Tensor> {
        match self {
            Kernels::Fused => x.contiguous()?.apply_op3(g, b, LayerNorm),
            Kernels::Reference => {
                let mean = x.mean_keepdim(D::Minus1)?;
                let xc = x.broadcast_sub(&mean)?;
                let var = xc.sqr()?.mean_keepdim(D::Minus1)?;
                let rstd = (var + LN_EPS as f64)?.sqrt()?.recip()?;
                xc.broadcast_mul(&rstd)?.broadcast_mul(g)?.broadcast_add(b)
            }
        }
    }

    /// Causal attention on packed rows `qkv` [B*T, 3W] → [B*T, W].
    pub fn attention(self, qkv: &Tensor, batch: usize, seq: usize, heads: usize) -> Result<Tensor> {
        match self {
            Kernels::Fused => qkv.contiguous()?.apply_op1(Attention { batch, seq, heads }),
            Kernels::Reference => {
                let w = qkv.dim(1)? / 3;
                let hd = w / heads;
                let split = |i: usize| -> Result<Tensor> {
                    qkv.narrow(1, i * w, w)?
                        .reshape((batch, seq, heads, hd))?
                        .transpose(1, 2)?
                        .contiguous()
                };
                let (q, k, v) = (split(0)?, split(1)?, split(2)?);
                let att = (q.matmul(&k.t()?)? * (1.0 / (hd as f64).sqrt()))?;
                let mask: Vec<f32> = (0..seq * seq)
                    .map(|i| if i % seq > i / seq { f32::NEG_INFINITY } else { 0.0 })
                    .collect();
                let mask = Tensor::from_vec(mask, (seq, seq), qkv.device())?;
                let att = candle_nn::ops::softmax(&att.broadcast_add(&mask)?, D::Minus1)?;
                att.matmul(&v)?.transpose(1, 2)?.reshape((batch * seq, w))
            }
        }
    }

    /// GELU (tanh approximation) of `x + bias`.
    pub fn bias_gelu(self, x: &Tensor, bias: &Tensor) -> Result<Tensor> {
        match self {
            Kernels::Fused => x.contiguous()?.apply_op2(bias, BiasGelu),
            Kernels::Reference => x.broadcast_add(bias)?.gelu(),
        }
    }

    /// Mean cross-entropy of `logits` [N, V] against u32 `targets` [N].
    pub fn cross_entropy(self, logits: &Tensor, targets: &Tensor) -> Result<Tensor> {
        match self {
            Kernels::Fused => logits.contiguous()?.apply_op2(targets, CrossEntropy),
            Kernels::Reference => candle_nn::loss::cross_entropy(logits, targets),
        }
    }
}
