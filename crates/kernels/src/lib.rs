//! Fused CPU kernels for cohort's builtin trainer: layer norm, causal softmax attention,
//! bias + GELU, cross-entropy and the AdamW update, each with its backward pass, on plain
//! row-major `f32` slices.
//!
//! Determinism: every output element is computed by one thread in a fixed order, and sums
//! across rows use fixed blocks of `BLOCK_ROWS` rows added in order, so results do not depend
//! on the number of threads. Within a row, sums use 8 interleaved accumulators (fixed order,
//! vectorizable).

use rayon::prelude::*;

pub const LN_EPS: f32 = 1e-5;
/// Rows per block in cross-row reductions (fixed so sums do not depend on thread count).
pub const BLOCK_ROWS: usize = 32;
/// The fewest rows (and row blocks) one parallel task takes: row kernels are cheap, and on a
/// busy machine every split is a chance to wait for a descheduled thread.
const MIN_ROWS: usize = 256;
const MIN_BLOCKS: usize = 8;
const GELU_C: f32 = 0.797_884_6; // sqrt(2/pi)
const GELU_A: f32 = 0.044_715;

/// Sum with 8 interleaved accumulators: a fixed order the compiler can vectorize.
#[inline]
pub fn sum8(x: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let chunks = x.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            acc[i] += c[i];
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for v in rest {
        s += v;
    }
    s
}

/// Dot product with 8 interleaved accumulators.
#[inline]
pub fn dot8(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

#[inline]
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Sums rows produced by `row_fn` (each `width` long) in fixed blocks: deterministic.
pub fn block_sum(n: usize, width: usize, row_fn: impl Fn(usize, &mut [f32]) + Sync) -> Vec<f32> {
    let blocks: Vec<Vec<f32>> = (0..n.div_ceil(BLOCK_ROWS))
        .into_par_iter()
        .with_min_len(MIN_BLOCKS)
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

#[inline]
fn row_stats(x: &[f32]) -> (f32, f32) {
    let d = x.len() as f32;
    let mean = sum8(x) / d;
    let mut acc = [0f32; 8];
    let chunks = x.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            let v = c[i] - mean;
            acc[i] += v * v;
        }
    }
    let mut var = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for v in rest {
        var += (v - mean) * (v - mean);
    }
    (mean, 1.0 / (var / d + LN_EPS).sqrt())
}

// ---------------------------------------------------------------------------------------------
// Layer norm over rows of width d: y = (x - mean) / sqrt(var + eps) * g + b.

pub fn layer_norm_fwd(x: &[f32], g: &[f32], b: &[f32], d: usize) -> Vec<f32> {
    let mut y = vec![0f32; x.len()];
    y.par_chunks_mut(d)
        .zip(x.par_chunks(d))
        .with_min_len(MIN_ROWS)
        .for_each(|(y, x)| {
            let (mean, rstd) = row_stats(x);
            for i in 0..d {
                y[i] = (x[i] - mean) * rstd * g[i] + b[i];
            }
        });
    y
}

/// Returns (dx, dg, db).
pub fn layer_norm_bwd(
    x: &[f32],
    g: &[f32],
    dy: &[f32],
    d: usize,
) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let n = x.len() / d;
    let mut dx = vec![0f32; x.len()];
    dx.par_chunks_mut(d)
        .enumerate()
        .with_min_len(MIN_ROWS)
        .for_each(|(r, dx)| {
            let (x, dy) = (&x[r * d..(r + 1) * d], &dy[r * d..(r + 1) * d]);
            let (mean, rstd) = row_stats(x);
            let mut xh = vec![0f32; d];
            let mut dxh = vec![0f32; d];
            for i in 0..d {
                xh[i] = (x[i] - mean) * rstd;
                dxh[i] = dy[i] * g[i];
            }
            let m1 = sum8(&dxh) / d as f32;
            let m2 = dot8(&dxh, &xh) / d as f32;
            for i in 0..d {
                dx[i] = rstd * (dxh[i] - m1 - xh[i] * m2);
            }
        });
    let dgb = block_sum(n, 2 * d, |r, acc| {
        let (x, dy) = (&x[r * d..(r + 1) * d], &dy[r * d..(r + 1) * d]);
        let (mean, rstd) = row_stats(x);
        let (ag, ab) = acc.split_at_mut(d);
        for i in 0..d {
            ag[i] += dy[i] * ((x[i] - mean) * rstd);
            ab[i] += dy[i];
        }
    });
    let (dg, db) = dgb.split_at(d);
    (dx, dg.to_vec(), db.to_vec())
}

// ---------------------------------------------------------------------------------------------
// Causal multi-head softmax attention on packed rows [q | k | v] of width 3W (B*T rows);
// the output has rows of width W with heads side by side.

/// One head's rows: `q` as [T, hd] (scaled by 1/sqrt(hd)), `kt` and `vt` transposed, [hd, T],
/// so that every inner loop runs along the sequence (contiguous, vectorized) rather than along
/// the short head dimension.
struct Head {
    q: Vec<f32>,
    kt: Vec<f32>,
    vt: Vec<f32>,
}

#[derive(Debug, Clone, Copy)]
pub struct AttentionShape {
    pub batch: usize,
    pub seq: usize,
    pub heads: usize,
    pub width: usize,
}

impl AttentionShape {
    fn hd(&self) -> usize {
        self.width / self.heads
    }

    fn scale(&self) -> f32 {
        1.0 / (self.hd() as f32).sqrt()
    }

    /// Elements of the probabilities that [`attention_fwd_probs`] returns: T × T per head.
    pub fn probs_len(&self) -> usize {
        self.batch * self.heads * self.seq * self.seq
    }

    fn gather(&self, qkv: &[f32], b: usize, h: usize) -> Head {
        let (t, w, hd) = (self.seq, self.width, self.hd());
        let scale = self.scale();
        let mut hs = Head {
            q: vec![0f32; t * hd],
            kt: vec![0f32; t * hd],
            vt: vec![0f32; t * hd],
        };
        for i in 0..t {
            let row = &qkv[(b * t + i) * 3 * w..(b * t + i + 1) * 3 * w];
            for c in 0..hd {
                hs.q[i * hd + c] = row[h * hd + c] * scale;
                hs.kt[c * t + i] = row[w + h * hd + c];
                hs.vt[c * t + i] = row[2 * w + h * hd + c];
            }
        }
        hs
    }

    /// Softmax probabilities P [T, T] (lower triangle; zeros above) of one head, into `p`.
    fn probs(&self, hs: &Head, p: &mut [f32]) {
        let (t, hd) = (self.seq, self.hd());
        for i in 0..t {
            let row = &mut p[i * t..(i + 1) * t];
            row.fill(0.0);
            let row = &mut row[..=i];
            for c in 0..hd {
                axpy(row, hs.q[i * hd + c], &hs.kt[c * t..c * t + i + 1]);
            }
            let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
            for r in row.iter_mut() {
                *r = exp(*r - max);
            }
            let inv = 1.0 / sum8(row);
            for r in row.iter_mut() {
                *r *= inv;
            }
        }
    }

    fn scatter(
        &self,
        out: &mut [f32],
        part: &[f32],
        b: usize,
        h: usize,
        stride: usize,
        col: usize,
    ) {
        let (t, hd) = (self.seq, self.hd());
        for i in 0..t {
            let at = (b * t + i) * stride + col + h * hd;
            out[at..at + hd].copy_from_slice(&part[i * hd..(i + 1) * hd]);
        }
    }

    /// [`AttentionShape::scatter`] of a transposed part [hd, T].
    fn scatter_t(&self, out: &mut [f32], part_t: &[f32], b: usize, h: usize, col: usize) {
        let (t, hd, w) = (self.seq, self.hd(), self.width);
        for i in 0..t {
            let at = (b * t + i) * 3 * w + col + h * hd;
            for c in 0..hd {
                out[at + c] = part_t[c * t + i];
            }
        }
    }
}

/// Causal attention of packed rows `qkv` [B*T, 3W] → [B*T, W].
pub fn attention_fwd(qkv: &[f32], s: AttentionShape) -> Vec<f32> {
    attention_fwd_probs(qkv, s).0
}

/// [`attention_fwd`] that also returns every head's probabilities ([`AttentionShape::probs_len`]
/// entries), for [`attention_bwd_probs`].
pub fn attention_fwd_probs(qkv: &[f32], s: AttentionShape) -> (Vec<f32>, Vec<f32>) {
    let (t, hd) = (s.seq, s.hd());
    let mut probs = vec![0f32; s.probs_len()];
    let outs: Vec<Vec<f32>> = probs
        .par_chunks_mut(t * t)
        .enumerate()
        .map(|(bh, p)| {
            let hs = s.gather(qkv, bh / s.heads, bh % s.heads);
            s.probs(&hs, p);
            let mut o = vec![0f32; t * hd];
            for i in 0..t {
                let pi = &p[i * t..i * t + i + 1];
                for c in 0..hd {
                    o[i * hd + c] = dot8(pi, &hs.vt[c * t..c * t + i + 1]);
                }
            }
            o
        })
        .collect();
    let mut y = vec![0f32; s.batch * t * s.width];
    for (bh, o) in outs.iter().enumerate() {
        s.scatter(&mut y, o, bh / s.heads, bh % s.heads, s.width, 0);
    }
    (y, probs)
}

/// The gradient of the packed qkv rows given the output gradient `dy`.
pub fn attention_bwd(qkv: &[f32], dy: &[f32], s: AttentionShape) -> Vec<f32> {
    let (_, probs) = attention_fwd_probs(qkv, s);
    attention_bwd_probs(qkv, &probs, dy, s)
}

/// [`attention_bwd`] with the probabilities of [`attention_fwd_probs`].
pub fn attention_bwd_probs(qkv: &[f32], probs: &[f32], dy: &[f32], s: AttentionShape) -> Vec<f32> {
    let (t, hd, w) = (s.seq, s.hd(), s.width);
    let scale = s.scale();
    let parts: Vec<[Vec<f32>; 3]> = probs
        .par_chunks(t * t)
        .enumerate()
        .map(|(bh, p)| {
            let (b, h) = (bh / s.heads, bh % s.heads);
            let hs = s.gather(qkv, b, h);
            // dq as [T, hd]; dk and dv transposed, [hd, T].
            let (mut dq, mut dkt, mut dvt) =
                (vec![0f32; t * hd], vec![0f32; t * hd], vec![0f32; t * hd]);
            let mut ds = vec![0f32; t];
            for i in 0..t {
                let src = (b * t + i) * w + h * hd;
                let doi = &dy[src..src + hd];
                let pi = &p[i * t..i * t + i + 1];
                // dP[i, j] = dO_i · V_j ; dS = P ∘ (dP - Σ_j P dP) · scale, kept here without
                // its scale: dQ_i = scale · Σ_j dS_ij K_j, and dK_j += dS_ij (scale · q_i) with
                // the scaled q of the gather.
                let dsi = &mut ds[..=i];
                dsi.fill(0.0);
                for c in 0..hd {
                    axpy(dsi, doi[c], &hs.vt[c * t..c * t + i + 1]);
                }
                let dot = dot8(dsi, pi);
                for (d, &pij) in dsi.iter_mut().zip(pi) {
                    *d = pij * (*d - dot);
                }
                for c in 0..hd {
                    dq[i * hd + c] = scale * dot8(dsi, &hs.kt[c * t..c * t + i + 1]);
                    axpy(&mut dkt[c * t..c * t + i + 1], hs.q[i * hd + c], dsi);
                    axpy(&mut dvt[c * t..c * t + i + 1], doi[c], pi);
                }
            }
            [dq, dkt, dvt]
        })
        .collect();
    let mut out = vec![0f32; s.batch * t * 3 * w];
    for (bh, [dq, dkt, dvt]) in parts.iter().enumerate() {
        let (b, h) = (bh / s.heads, bh % s.heads);
        s.scatter(&mut out, dq, b, h, 3 * w, 0);
        s.scatter_t(&mut out, dkt, b, h, w);
        s.scatter_t(&mut out, dvt, b, h, 2 * w);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Bias + GELU (tanh approximation, as PyTorch's `gelu(approximate="tanh")`).

/// tanh as a [13/6] rational function of x on [-7.905, 7.905] (where f32's tanh reaches ±1), the
/// approximation Eigen uses for float: within 4e-7 of the exact value everywhere (checked against
/// f64 below), and branch-free, so the loops that call it vectorize. libm's `tanhf` (through
/// `expm1f`) was 15% of a training step on the medium shape.
#[inline]
#[allow(clippy::excessive_precision)]
pub fn tanh(x: f32) -> f32 {
    let x = x.clamp(-7.905_311_107_635_498, 7.905_311_107_635_498);
    let x2 = x * x;
    let mut p = x2 * -2.760_768_477_423_55e-16 + 2.000_187_904_824_77e-13;
    p = x2 * p + -8.604_671_522_137_35e-11;
    p = x2 * p + 5.122_297_090_371_14e-8;
    p = x2 * p + 1.485_722_357_179_79e-5;
    p = x2 * p + 6.372_619_288_754_36e-4;
    p = x2 * p + 4.893_524_558_917_86e-3;
    let mut q = x2 * 1.198_258_394_667_02e-6 + 1.185_347_056_866_54e-4;
    q = x2 * q + 2.268_434_632_439e-3;
    q = x2 * q + 4.893_525_185_543_85e-3;
    x * p / q
}

/// e^x as Cephes' `expf` computes it (x = n·ln 2 + r, a degree-6 polynomial for e^r, 2^n from
/// the exponent bits), within 2 ulp of the exact value and branch-free, so the loops that call it
/// vectorize (libm's `expf` is a call per element). Inputs are clamped to [-87.3, 88.7]: below,
/// the result is about 1e-38 instead of a denormal or 0.
#[inline]
#[allow(clippy::excessive_precision)]
pub fn exp(x: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0; // 1.5 · 2^23: adding it rounds to an integer
    let x = x.clamp(-87.3, 88.7);
    let t = x * std::f32::consts::LOG2_E + MAGIC;
    let n = t - MAGIC;
    let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4;
    let mut p = 1.987_569_15e-4f32;
    p = p * r + 1.398_199_950_7e-3;
    p = p * r + 8.333_451_907_3e-3;
    p = p * r + 4.166_579_589_4e-2;
    p = p * r + 1.666_666_545_9e-1;
    p = p * r + 5.000_000_120_1e-1;
    let e = p * r * r + r + 1.0;
    let bits = (t.to_bits() as i32 - MAGIC.to_bits() as i32 + 127) << 23;
    e * f32::from_bits(bits as u32)
}

#[inline]
fn gelu_and_grad(x: f32) -> (f32, f32) {
    let x2 = x * x;
    let th = tanh(GELU_C * (x + GELU_A * x2 * x));
    let y = 0.5 * x * (1.0 + th);
    let dy = 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th * th) * GELU_C * (1.0 + 3.0 * GELU_A * x2);
    (y, dy)
}

pub fn bias_gelu_fwd(x: &[f32], b: &[f32], f: usize) -> Vec<f32> {
    let mut y = vec![0f32; x.len()];
    y.par_chunks_mut(f)
        .zip(x.par_chunks(f))
        .with_min_len(MIN_ROWS)
        .for_each(|(y, x)| {
            for i in 0..f {
                y[i] = gelu_and_grad(x[i] + b[i]).0;
            }
        });
    y
}

/// Returns (dx, db).
pub fn bias_gelu_bwd(x: &[f32], b: &[f32], g: &[f32], f: usize) -> (Vec<f32>, Vec<f32>) {
    let mut dx = vec![0f32; x.len()];
    dx.par_chunks_mut(f)
        .enumerate()
        .with_min_len(MIN_ROWS)
        .for_each(|(r, dx)| {
            for i in 0..f {
                dx[i] = g[r * f + i] * gelu_and_grad(x[r * f + i] + b[i]).1;
            }
        });
    let db = block_sum(x.len() / f, f, |r, acc| {
        for (a, v) in acc.iter_mut().zip(&dx[r * f..(r + 1) * f]) {
            *a += v;
        }
    });
    (dx, db)
}

// ---------------------------------------------------------------------------------------------
// Mean cross-entropy of logits rows (width v) against targets.

#[inline]
fn row_logsumexp(row: &[f32]) -> f32 {
    let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut acc = [0f32; 8];
    let chunks = row.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            acc[i] += exp(c[i] - max);
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for v in rest {
        s += exp(v - max);
    }
    max + s.ln()
}

pub fn cross_entropy_fwd(logits: &[f32], targets: &[u32], v: usize) -> f32 {
    let losses: Vec<f32> = (0..targets.len())
        .into_par_iter()
        .with_min_len(MIN_ROWS)
        .map(|r| {
            let row = &logits[r * v..(r + 1) * v];
            row_logsumexp(row) - row[targets[r] as usize]
        })
        .collect();
    (losses.iter().map(|&l| l as f64).sum::<f64>() / targets.len() as f64) as f32
}

/// The gradient of the logits for an upstream gradient `g` of the mean loss.
pub fn cross_entropy_bwd(logits: &[f32], targets: &[u32], v: usize, g: f32) -> Vec<f32> {
    let s = g / targets.len() as f32;
    let mut d = vec![0f32; logits.len()];
    d.par_chunks_mut(v)
        .enumerate()
        .with_min_len(MIN_ROWS)
        .for_each(|(r, d)| {
            let row = &logits[r * v..(r + 1) * v];
            let lse = row_logsumexp(row);
            for i in 0..v {
                d[i] = exp(row[i] - lse) * s;
            }
            d[targets[r] as usize] -= s;
        });
    d
}

// ---------------------------------------------------------------------------------------------
// AdamW.

/// Sum of squares in f64 (sequential: a fixed order).
pub fn sum_sq(g: &[f32]) -> f64 {
    g.iter().map(|&x| (x as f64) * (x as f64)).sum()
}

/// Per-step AdamW constants.
#[derive(Debug, Clone, Copy)]
pub struct AdamStep {
    pub beta1: f32,
    pub beta2: f32,
    pub eps: f32,
    /// lr / (1 - beta1^t)
    pub step_size: f32,
    /// sqrt(1 - beta2^t)
    pub bc2_sqrt: f32,
    /// lr × weight decay for this tensor (0 for no decay)
    pub decay: f32,
    /// gradient scale from clipping
    pub clip: f32,
}

/// One AdamW update of `p` in place, with moments `m`, `v`.
pub fn adamw(p: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32], c: AdamStep) {
    for i in 0..p.len() {
        let gi = g[i] * c.clip;
        m[i] = c.beta1 * m[i] + (1.0 - c.beta1) * gi;
        v[i] = c.beta2 * v[i] + (1.0 - c.beta2) * gi * gi;
        let denom = v[i].sqrt() / c.bc2_sqrt + c.eps;
        p[i] -= p[i] * c.decay + c.step_size * m[i] / denom;
    }
}

// ---------------------------------------------------------------------------------------------
// One weight row against many input rows (batched decoding).

/// `out[j] = w · xs[j]` for every `j`. With AVX2 and FMA (detected at run time) the weight row is
/// loaded once per 8 entries for up to 4 inputs at a time; each product keeps one 8-lane
/// accumulator in a fixed order whatever the grouping, so a result does not depend on how many
/// inputs are computed together. Without them: [`dot8`] per input.
pub fn dot_rows(w: &[f32], xs: &[&[f32]], out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU has AVX2 and FMA (checked just above).
            unsafe { x86::dot_rows_fma(w, xs, out) };
            return;
        }
    }
    for (o, x) in out.iter_mut().zip(xs) {
        *o = dot8(w, x);
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    #[target_feature(enable = "avx2,fma")]
    fn reduce(v: __m256) -> f32 {
        let lo = _mm256_castps256_ps128(v);
        let hi = _mm256_extractf128_ps::<1>(v);
        let s = _mm_add_ps(lo, hi);
        let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        let s = _mm_add_ss(s, _mm_shuffle_ps::<0b01>(s, s));
        _mm_cvtss_f32(s)
    }

    /// Up to 4 inputs against one weight row, 8 entries at a time, then the scalar tail.
    #[target_feature(enable = "avx2,fma")]
    fn group(w: &[f32], xs: &[&[f32]], out: &mut [f32]) {
        let n = xs.iter().map(|x| x.len()).fold(w.len(), usize::min);
        let full = n / 8 * 8;
        let mut acc = [_mm256_setzero_ps(); 4];
        let g = xs.len();
        let mut i = 0;
        while i < full {
            // SAFETY: i + 8 <= full <= the length of w and of every x.
            let wv = unsafe { _mm256_loadu_ps(w.as_ptr().add(i)) };
            for j in 0..g {
                let xv = unsafe { _mm256_loadu_ps(xs[j].as_ptr().add(i)) };
                acc[j] = _mm256_fmadd_ps(wv, xv, acc[j]);
            }
            i += 8;
        }
        for j in 0..g {
            let mut s = reduce(acc[j]);
            for k in full..n {
                s += w[k] * xs[j][k];
            }
            out[j] = s;
        }
    }

    #[target_feature(enable = "avx2,fma")]
    pub(super) fn dot_rows_fma(w: &[f32], xs: &[&[f32]], out: &mut [f32]) {
        for (xs, out) in xs.chunks(4).zip(out.chunks_mut(4)) {
            group(w, xs, out);
        }
    }
}

#[cfg(test)]
mod dot_rows_tests {
    use super::*;

    #[test]
    fn exp_is_within_2_ulp_of_the_exact_value() {
        let mut worst = 0f64;
        for i in -2_000_000..=2_000_000 {
            let x = i as f32 * 4.3e-5; // [-86, 86]
            let exact = (x as f64).exp();
            let err = (exp(x) as f64 - exact).abs() / exact;
            worst = worst.max(err);
        }
        assert!(worst < 2.5e-7, "max relative error {worst}");
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(-1000.0) < 1.3e-38 && exp(-1000.0) >= 0.0);
        assert!(exp(f32::NEG_INFINITY) < 1.3e-38);
    }

    #[test]
    fn tanh_is_within_4e_7_of_the_exact_value_and_saturates() {
        let mut worst = 0f64;
        for i in -300_000..=300_000 {
            let x = i as f32 * 4e-5; // [-12, 12]
            let err = (tanh(x) as f64 - (x as f64).tanh()).abs();
            worst = worst.max(err);
        }
        assert!(worst < 4e-7, "max |tanh - exact| = {worst}");
        assert_eq!(tanh(0.0), 0.0);
        assert!((tanh(-1e-30) / -1e-30 - 1.0).abs() < 1e-6);
        assert!((tanh(50.0) - 1.0).abs() < 1e-6 && (tanh(-50.0) + 1.0).abs() < 1e-6);
        assert!(tanh(f32::NAN).is_nan());
    }

    #[test]
    fn a_product_does_not_depend_on_its_group_and_matches_the_plain_sum() {
        let n = 259;
        let w: Vec<f32> = (0..n)
            .map(|i| ((i * 7919) % 97) as f32 / 97.0 - 0.5)
            .collect();
        let rows: Vec<Vec<f32>> = (0..7)
            .map(|j| {
                (0..n)
                    .map(|i| ((i * 31 + j * 17) % 89) as f32 / 89.0 - 0.4)
                    .collect()
            })
            .collect();
        let all: Vec<&[f32]> = rows.iter().map(|r| r.as_slice()).collect();
        let mut together = vec![0f32; rows.len()];
        dot_rows(&w, &all, &mut together);
        for (j, r) in rows.iter().enumerate() {
            let mut alone = [0f32];
            dot_rows(&w, &[r.as_slice()], &mut alone);
            assert_eq!(alone[0].to_bits(), together[j].to_bits(), "row {j}");
            let exact: f64 = w.iter().zip(r).map(|(a, b)| *a as f64 * *b as f64).sum();
            assert!(
                (alone[0] as f64 - exact).abs() < 1e-4,
                "{} vs {exact}",
                alone[0]
            );
        }
    }
}
