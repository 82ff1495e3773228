#![allow(clippy::needless_range_loop)] // index loops over several slices read clearest here

//! Fused CPU kernels for cohort's builtin trainer: layer norm, causal softmax attention,
//! bias + GELU, cross-entropy and the AdamW update, each with its backward pass, on plain
//! row-major `f32` slices.
//!
//! Determinism: every output element is computed by one thread in a fixed order, and sums
//! across rows use fixed blocks of `BLOCK_ROWS` rows added in order, so results do not depend
//! on the number of threads. Within a row, sums use 8 interleaved accumulators (fixed order,
//! vectorizable). Attention's products go through gemm on one thread per head, by tiles of a
//! fixed number of rows (gemm's order per element is a function of the shape).

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

static BASELINE_ONLY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs every kernel on the baseline target even where the CPU has AVX2 (for tests that compare
/// both).
#[doc(hidden)]
pub fn baseline_only(on: bool) {
    BASELINE_ONLY.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether the CPU has AVX2 (the standard library caches the check).
#[inline]
fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        !BASELINE_ONLY.load(std::sync::atomic::Ordering::Relaxed)
            && std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Defines `fn name(args) -> ret { body }` twice: as written (the baseline target, SSE2 on
/// x86-64), and compiled with AVX2 enabled, which it calls when the CPU has AVX2. Both run the
/// same operations in the same order (AVX2 without FMA: no product is fused with its sum, and
/// sums keep their fixed 8 accumulators), only more lanes at a time, so both give the same bits.
macro_rules! simd {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$m])* $vis fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            fn body($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2")]
                fn wide($($arg: $ty),*) $(-> $ret)? {
                    body($($arg),*)
                }
                if avx2() {
                    // SAFETY: the CPU has AVX2 (checked just above).
                    return unsafe { wide($($arg),*) };
                }
            }
            body($($arg),*)
        }
    };
}

/// Largest entry with 8 interleaved maxima (vectorizable; a NaN entry may be skipped).
#[inline(always)]
fn max8(x: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; 8];
    let chunks = x.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..8 {
            acc[i] = if c[i] > acc[i] { c[i] } else { acc[i] };
        }
    }
    let mut m = acc.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    for &v in rest {
        m = m.max(v);
    }
    m
}

/// Sum with 8 interleaved accumulators: a fixed order the compiler can vectorize.
#[inline(always)]
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
#[inline(always)]
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

#[inline(always)]
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
        .for_each(|(y, x)| ln_fwd_row(y, x, g, b));
    y
}

simd! {
    fn ln_fwd_row(y: &mut [f32], x: &[f32], g: &[f32], b: &[f32]) {
        let (mean, rstd) = row_stats(x);
        for (((y, x), g), b) in y.iter_mut().zip(x).zip(g).zip(b) {
            *y = (x - mean) * rstd * g + b;
        }
    }
}

simd! {
    /// dx of one row: rstd · (dy·g - mean(dy·g) - x̂ · mean(dy·g·x̂)), with x̂ recomputed.
    fn ln_bwd_row(dx: &mut [f32], x: &[f32], g: &[f32], dy: &[f32]) {
        let d = x.len() as f32;
        let (mean, rstd) = row_stats(x);
        let (mut a1, mut a2) = ([0f32; 8], [0f32; 8]);
        let n8 = x.len() / 8 * 8;
        for c in (0..n8).step_by(8) {
            for i in 0..8 {
                let dxh = dy[c + i] * g[c + i];
                a1[i] += dxh;
                a2[i] += dxh * ((x[c + i] - mean) * rstd);
            }
        }
        let fold = |a: [f32; 8]| ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
        let (mut s1, mut s2) = (fold(a1), fold(a2));
        for i in n8..x.len() {
            let dxh = dy[i] * g[i];
            s1 += dxh;
            s2 += dxh * ((x[i] - mean) * rstd);
        }
        let (m1, m2) = (s1 / d, s2 / d);
        for i in 0..x.len() {
            dx[i] = rstd * (dy[i] * g[i] - m1 - ((x[i] - mean) * rstd) * m2);
        }
    }
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
            ln_bwd_row(dx, &x[r * d..(r + 1) * d], g, &dy[r * d..(r + 1) * d]);
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

/// `dst = acc·dst + beta·lhs·rhs` (`acc` 1 when `accumulate`, else 0) over strided operands:
/// `dst` is [m, n] with row stride `dst_rs`; `lhs` [m, k] and `rhs` [k, n] are read at
/// `row·rs + col·cs`. gemm's order per element is fixed by the shape and the thread count does
/// not change it (`threads` > 1 splits the output).
#[allow(clippy::too_many_arguments)]
pub fn mm_strided(
    dst: &mut [f32],
    dst_rs: usize,
    (m, n, k): (usize, usize, usize),
    lhs: &[f32],
    (lhs_rs, lhs_cs): (usize, usize),
    rhs: &[f32],
    (rhs_rs, rhs_cs): (usize, usize),
    beta: f32,
    accumulate: bool,
    threads: usize,
) {
    if m == 0 || n == 0 {
        return;
    }
    let last = |rows: usize, rs: usize, cols: usize, cs: usize| (rows - 1) * rs + (cols - 1) * cs;
    assert!(m == 1 || n <= dst_rs, "rows of dst overlap");
    assert!(last(m, dst_rs, n, 1) < dst.len());
    if k > 0 {
        assert!(last(m, lhs_rs, k, lhs_cs) < lhs.len() && last(k, rhs_rs, n, rhs_cs) < rhs.len());
    }
    let par = if threads > 1 {
        gemm::Parallelism::Rayon(threads)
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: the asserts above keep every index gemm computes from these strides inside the
    // slices; dst does not alias lhs or rhs (it is borrowed mutably); rows of dst do not overlap
    // (n <= dst_rs, or one row).
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            dst_rs as isize,
            accumulate,
            lhs.as_ptr(),
            lhs_cs as isize,
            lhs_rs as isize,
            rhs.as_ptr(),
            rhs_cs as isize,
            rhs_rs as isize,
            if accumulate { 1.0 } else { 0.0 },
            beta,
            false,
            false,
            false,
            par,
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub struct AttentionShape {
    pub batch: usize,
    pub seq: usize,
    pub heads: usize,
    pub width: usize,
}

/// Rows of one head's scores computed per matrix product: the products of a tile of rows run
/// over the keys up to its last row, so about `TILE / 2` keys a row past the causal mask are
/// computed and dropped. Fixed, so results do not depend on anything but the shape.
const TILE: usize = 32;

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

    /// Where head `h` of sequence `b` starts in packed rows of width `stride` (its part at
    /// column `col`: 0 for q, W for k, 2W for v).
    fn at(&self, b: usize, h: usize, stride: usize, col: usize) -> usize {
        b * self.seq * stride + col + h * self.hd()
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
        let (start, hd) = (self.at(b, h, stride, col), self.hd());
        for (i, row) in part.chunks_exact(hd).take(self.seq).enumerate() {
            let at = start + i * stride;
            out[at..at + hd].copy_from_slice(row);
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
    let t = s.seq;
    let mut probs = vec![0f32; s.probs_len()];
    let outs: Vec<Vec<f32>> = probs
        .par_chunks_mut(t * t)
        .enumerate()
        .map(|(bh, p)| head_fwd(s, qkv, bh, p))
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
    let (t, w) = (s.seq, s.width);
    let parts: Vec<[Vec<f32>; 3]> = probs
        .par_chunks(t * t)
        .enumerate()
        .map(|(bh, p)| head_bwd(s, qkv, dy, bh, p))
        .collect();
    let mut out = vec![0f32; s.batch * t * 3 * w];
    for (bh, parts) in parts.iter().enumerate() {
        let (b, h) = (bh / s.heads, bh % s.heads);
        for (i, part) in parts.iter().enumerate() {
            s.scatter(&mut out, part, b, h, 3 * w, i * w);
        }
    }
    out
}

/// Tiles of `TILE` rows of a [t, t] matrix: (first row, rows, keys up to the last row).
fn tiles(t: usize) -> impl Iterator<Item = (usize, usize, usize)> {
    (0..t).step_by(TILE).map(move |i0| {
        let rows = TILE.min(t - i0);
        (i0, rows, i0 + rows)
    })
}

simd! {
    /// One head's output rows [T, hd], its probabilities [T, T] (zeros above the diagonal)
    /// written into `p`: per tile of rows, the scores as one product with the keys up to the
    /// tile's last row, the softmax of each row up to its diagonal, and the output as one
    /// product of those probabilities with the values.
    fn head_fwd(s: AttentionShape, qkv: &[f32], bh: usize, p: &mut [f32]) -> Vec<f32> {
        let (t, hd, w3) = (s.seq, s.hd(), 3 * s.width);
        let (b, h) = (bh / s.heads, bh % s.heads);
        let (q, k, v) = (s.at(b, h, w3, 0), s.at(b, h, w3, s.width), s.at(b, h, w3, 2 * s.width));
        let mut o = vec![0f32; t * hd];
        for (i0, rows, keys) in tiles(t) {
            let tile = &mut p[i0 * t..(i0 + rows) * t];
            // S = scale · Q Kᵀ for these rows and keys 0..keys.
            mm_strided(tile, t, (rows, keys, hd), &qkv[q + i0 * w3..], (w3, 1), &qkv[k..], (1, w3), s.scale(), false, 1);
            for r in 0..rows {
                let i = i0 + r;
                let row = &mut tile[r * t..(r + 1) * t];
                row[i + 1..].fill(0.0);
                let row = &mut row[..=i];
                let max = max8(row);
                for x in row.iter_mut() {
                    *x = exp(*x - max);
                }
                let inv = 1.0 / sum8(row);
                for x in row.iter_mut() {
                    *x *= inv;
                }
            }
            // O = P V for these rows (the probabilities past the diagonal are 0).
            mm_strided(&mut o[i0 * hd..], hd, (rows, hd, keys), tile, (t, 1), &qkv[v..], (w3, 1), 1.0, false, 1);
        }
        o
    }
}

simd! {
    /// One head's dQ, dK and dV, each [T, hd], by tiles of rows as [`head_fwd`]: dP = dO Vᵀ,
    /// dS = P ∘ (dP − Σ_j P dP) per row up to its diagonal, then dQ = scale · dS K, and dK +=
    /// scale · dSᵀ Q and dV += Pᵀ dO over the keys up to the tile's last row.
    fn head_bwd(s: AttentionShape, qkv: &[f32], dy: &[f32], bh: usize, p: &[f32]) -> [Vec<f32>; 3] {
        let (t, hd, w, w3) = (s.seq, s.hd(), s.width, 3 * s.width);
        let scale = s.scale();
        let (b, h) = (bh / s.heads, bh % s.heads);
        let (q, k, v) = (s.at(b, h, w3, 0), s.at(b, h, w3, w), s.at(b, h, w3, 2 * w));
        let o = s.at(b, h, w, 0);
        let (mut dq, mut dk, mut dv) = (vec![0f32; t * hd], vec![0f32; t * hd], vec![0f32; t * hd]);
        let mut ds = vec![0f32; TILE * t];
        for (i0, rows, keys) in tiles(t) {
            let pt = &p[i0 * t..(i0 + rows) * t];
            let dst = &mut ds[..rows * t];
            let d_o = &dy[o + i0 * w..];
            // dP = dO Vᵀ.
            mm_strided(dst, t, (rows, keys, hd), d_o, (w, 1), &qkv[v..], (1, w3), 1.0, false, 1);
            for r in 0..rows {
                let i = i0 + r;
                let (pi, di) = (&pt[r * t..r * t + i + 1], &mut dst[r * t..(r + 1) * t]);
                di[i + 1..keys].fill(0.0);
                let di = &mut di[..=i];
                let dot = dot8(di, pi);
                for (d, &pij) in di.iter_mut().zip(pi) {
                    *d = pij * (*d - dot);
                }
            }
            mm_strided(&mut dq[i0 * hd..], hd, (rows, hd, keys), dst, (t, 1), &qkv[k..], (w3, 1), scale, false, 1);
            mm_strided(&mut dk, hd, (keys, hd, rows), dst, (1, t), &qkv[q + i0 * w3..], (w3, 1), scale, true, 1);
            mm_strided(&mut dv, hd, (keys, hd, rows), pt, (1, t), d_o, (w, 1), 1.0, true, 1);
        }
        [dq, dk, dv]
    }
}

// ---------------------------------------------------------------------------------------------
// Bias + GELU (tanh approximation, as PyTorch's `gelu(approximate="tanh")`).

/// tanh as a [13/6] rational function of x on [-7.905, 7.905] (where f32's tanh reaches ±1), the
/// approximation Eigen uses for float: within 4e-7 of the exact value everywhere (checked against
/// f64 below), and branch-free, so the loops that call it vectorize. libm's `tanhf` (through
/// `expm1f`) was 15% of a training step on the medium shape.
#[inline(always)]
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
#[inline(always)]
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

#[inline(always)]
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
        .for_each(|(y, x)| gelu_fwd_row(y, x, b));
    y
}

simd! {
    fn gelu_fwd_row(y: &mut [f32], x: &[f32], b: &[f32]) {
        for ((y, x), b) in y.iter_mut().zip(x).zip(b) {
            *y = gelu_and_grad(x + b).0;
        }
    }
}

simd! {
    fn gelu_bwd_row(dx: &mut [f32], x: &[f32], b: &[f32], g: &[f32]) {
        for (((dx, x), b), g) in dx.iter_mut().zip(x).zip(b).zip(g) {
            *dx = g * gelu_and_grad(x + b).1;
        }
    }
}

/// Returns (dx, db).
pub fn bias_gelu_bwd(x: &[f32], b: &[f32], g: &[f32], f: usize) -> (Vec<f32>, Vec<f32>) {
    let mut dx = vec![0f32; x.len()];
    dx.par_chunks_mut(f)
        .enumerate()
        .with_min_len(MIN_ROWS)
        .for_each(|(r, dx)| gelu_bwd_row(dx, &x[r * f..(r + 1) * f], b, &g[r * f..(r + 1) * f]));
    let db = block_sum(x.len() / f, f, |r, acc| {
        for (a, v) in acc.iter_mut().zip(&dx[r * f..(r + 1) * f]) {
            *a += v;
        }
    });
    (dx, db)
}

// ---------------------------------------------------------------------------------------------
// Mean cross-entropy of logits rows (width v) against targets.

#[inline(always)]
fn row_logsumexp(row: &[f32]) -> f32 {
    let max = max8(row);
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
    let losses = cross_entropy_rows(logits, targets, v);
    (losses.iter().map(|&l| l as f64).sum::<f64>() / targets.len() as f64) as f32
}

/// Each row's cross-entropy (the terms [`cross_entropy_fwd`] averages, in f64, in row order).
pub fn cross_entropy_rows(logits: &[f32], targets: &[u32], v: usize) -> Vec<f32> {
    (0..targets.len())
        .into_par_iter()
        .with_min_len(MIN_ROWS)
        .map(|r| ce_fwd_row(&logits[r * v..(r + 1) * v], targets[r]))
        .collect()
}

/// The gradient of the logits for an upstream gradient `g` of the mean loss.
pub fn cross_entropy_bwd(logits: &[f32], targets: &[u32], v: usize, g: f32) -> Vec<f32> {
    cross_entropy_bwd_scaled(logits, targets, v, g / targets.len() as f32)
}

/// The gradient of the logits of `s` × the sum of the rows' losses (`s` = 1 / rows is
/// [`cross_entropy_bwd`] with `g` = 1; a part of a batch passes 1 / the batch's rows).
pub fn cross_entropy_bwd_scaled(logits: &[f32], targets: &[u32], v: usize, s: f32) -> Vec<f32> {
    let mut d = vec![0f32; logits.len()];
    d.par_chunks_mut(v)
        .enumerate()
        .with_min_len(MIN_ROWS)
        .for_each(|(r, d)| ce_bwd_row(d, &logits[r * v..(r + 1) * v], targets[r], s));
    d
}

simd! {
    fn ce_fwd_row(row: &[f32], target: u32) -> f32 {
        row_logsumexp(row) - row[target as usize]
    }
}

simd! {
    fn ce_bwd_row(d: &mut [f32], row: &[f32], target: u32, s: f32) {
        let lse = row_logsumexp(row);
        for (d, x) in d.iter_mut().zip(row) {
            *d = exp(x - lse) * s;
        }
        d[target as usize] -= s;
    }
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
    adamw_simd(p, g, m, v, c)
}

simd! {
    fn adamw_simd(p: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32], c: AdamStep) {
    for i in 0..p.len() {
        let gi = g[i] * c.clip;
        m[i] = c.beta1 * m[i] + (1.0 - c.beta1) * gi;
        v[i] = c.beta2 * v[i] + (1.0 - c.beta2) * gi * gi;
        let denom = v[i].sqrt() / c.bc2_sqrt + c.eps;
        p[i] -= p[i] * c.decay + c.step_size * m[i] / denom;
    }
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

    /// Every kernel with AVX2 gives the same bits as on the baseline target (the claim of
    /// `simd!`), on shapes with remainders after the 8-lane blocks.
    #[test]
    #[cfg(target_arch = "x86_64")]
    fn avx2_and_baseline_give_the_same_bits() {
        assert!(
            std::arch::is_x86_feature_detected!("avx2"),
            "this test compares the AVX2 kernels with the baseline: it needs a CPU with AVX2"
        );
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rand = |n: usize, scale: f32| -> Vec<f32> {
            (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * scale
                })
                .collect()
        };
        let s = AttentionShape {
            batch: 2,
            seq: 37,
            heads: 3,
            width: 3 * 13,
        };
        let (rows, d, v) = (s.batch * s.seq, s.width, 259);
        let qkv = rand(rows * 3 * d, 2.0);
        let dy = rand(rows * d, 1.0);
        let x = rand(rows * d, 3.0);
        let (g, b) = (rand(d, 2.0), rand(d, 1.0));
        let f = rand(rows * 4 * d, 4.0);
        let fb = rand(4 * d, 1.0);
        let df = rand(rows * 4 * d, 1.0);
        let logits = rand(rows * v, 10.0);
        let ag = rand(rows * d, 1.0);
        let targets: Vec<u32> = (0..rows as u32).map(|r| r * 7 % v as u32).collect();
        let run = || {
            let (y, p) = attention_fwd_probs(&qkv, s);
            let dqkv = attention_bwd_probs(&qkv, &p, &dy, s);
            let ln = layer_norm_fwd(&x, &g, &b, d);
            let (dx, dg, db) = layer_norm_bwd(&x, &g, &dy, d);
            let gelu = bias_gelu_fwd(&f, &fb, 4 * d);
            let (dgx, dgb) = bias_gelu_bwd(&f, &fb, &df, 4 * d);
            let ce = vec![cross_entropy_fwd(&logits, &targets, v)];
            let dce = cross_entropy_bwd(&logits, &targets, v, 0.7);
            let (mut p1, mut m) = (x.clone(), dy.clone());
            let mut vv: Vec<f32> = ln.iter().map(|v| v.abs()).collect();
            let c = AdamStep {
                beta1: 0.9,
                beta2: 0.95,
                eps: 1e-8,
                step_size: 1e-3,
                bc2_sqrt: 0.3,
                decay: 1e-4,
                clip: 0.5,
            };
            adamw(&mut p1, &ag, &mut m, &mut vv, c);
            [
                y, p, dqkv, ln, dx, dg, db, gelu, dgx, dgb, ce, dce, p1, m, vv,
            ]
        };
        let wide = run();
        baseline_only(true);
        let base = run();
        baseline_only(false);
        for (k, (a, b)) in wide.iter().zip(&base).enumerate() {
            assert_eq!(a.len(), b.len());
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_eq!(
                    x.to_bits(),
                    y.to_bits(),
                    "output {k}, entry {i}: {x} vs {y}"
                );
            }
        }
    }

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

    /// Causal attention by tiles of rows through gemm against plain f64 loops, on a sequence of
    /// three tiles (the last one short) with a head width that is not a multiple of 8: the
    /// output, the probabilities (exactly 0 above the diagonal) and the packed gradient; and
    /// the same bits on 1 and 3 threads.
    #[test]
    fn attention_matches_plain_f64_loops_across_tiles_and_threads() {
        let s = AttentionShape {
            batch: 2,
            seq: 2 * TILE + 6,
            heads: 3,
            width: 3 * 13,
        };
        let (t, w, hd) = (s.seq, s.width, s.hd());
        let val = |i: usize, m: usize| ((i * 7919 + m) % 211) as f32 / 211.0 - 0.5;
        let qkv: Vec<f32> = (0..s.batch * t * 3 * w).map(|i| 3.0 * val(i, 5)).collect();
        let dy: Vec<f32> = (0..s.batch * t * w).map(|i| val(i, 101)).collect();
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let (y, p) = attention_fwd_probs(&qkv, s);
                let d = attention_bwd_probs(&qkv, &p, &dy, s);
                (y, p, d)
            })
        };
        let (y, p, d) = run(1);
        assert_eq!((y.clone(), p.clone(), d.clone()), run(3), "1 and 3 threads");
        // The plain computation, head by head, in f64.
        let (mut ey, mut ed) = (vec![0f64; y.len()], vec![0f64; d.len()]);
        let scale = 1.0 / (hd as f64).sqrt();
        for b in 0..s.batch {
            for h in 0..s.heads {
                let at =
                    |i: usize, part: usize, c: usize| (b * t + i) * 3 * w + part * w + h * hd + c;
                let x = |i, part, c| qkv[at(i, part, c)] as f64;
                let g = |i: usize, c: usize| dy[(b * t + i) * w + h * hd + c] as f64;
                for i in 0..t {
                    let sc: Vec<f64> = (0..=i)
                        .map(|j| (0..hd).map(|c| x(i, 0, c) * x(j, 1, c)).sum::<f64>() * scale)
                        .collect();
                    let max = sc.iter().cloned().fold(f64::MIN, f64::max);
                    let e: Vec<f64> = sc.iter().map(|v| (v - max).exp()).collect();
                    let z: f64 = e.iter().sum();
                    let pr: Vec<f64> = e.iter().map(|v| v / z).collect();
                    let row = &p[((b * s.heads + h) * t + i) * t..][..t];
                    for j in 0..t {
                        let want = if j <= i { pr[j] } else { 0.0 };
                        assert!((row[j] as f64 - want).abs() < 1e-6, "p[{b},{h},{i},{j}]");
                        if j > i {
                            assert_eq!(
                                row[j].to_bits(),
                                0,
                                "p[{b},{h},{i},{j}] above the diagonal"
                            );
                        }
                    }
                    let dp: Vec<f64> = (0..=i)
                        .map(|j| (0..hd).map(|c| g(i, c) * x(j, 2, c)).sum())
                        .collect();
                    let dot: f64 = pr.iter().zip(&dp).map(|(a, b)| a * b).sum();
                    for j in 0..=i {
                        let dsij = pr[j] * (dp[j] - dot) * scale;
                        for c in 0..hd {
                            ey[(b * t + i) * w + h * hd + c] += pr[j] * x(j, 2, c);
                            ed[at(i, 0, c)] += dsij * x(j, 1, c);
                            ed[at(j, 1, c)] += dsij * x(i, 0, c);
                            ed[at(j, 2, c)] += pr[j] * g(i, c);
                        }
                    }
                }
            }
        }
        for (what, got, want) in [("y", &y, &ey), ("dqkv", &d, &ed)] {
            for (i, (a, b)) in got.iter().zip(want.iter()).enumerate() {
                assert!(
                    (*a as f64 - b).abs() < 2e-5 * (1.0 + b.abs()),
                    "{what}[{i}]: {a} vs {b}"
                );
            }
        }
    }
}
