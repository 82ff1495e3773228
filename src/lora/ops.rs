//! Fused CPU kernels (f32) for the LoRA trainer's hot ops, each with its backward pass: RMSNorm,
//! the causal softmax of attention scores, SwiGLU's `silu(gate)·up`, the masked cross-entropy,
//! and a target module's whole forward (`x Wᵀ + b + s·(drop(x) Aᵀ) Bᵀ`).
//!
//! Written from candle's primitives, each of these is 4–12 ops, every one a fresh tensor that the
//! autograd graph keeps until backward. Fused, each is one pass that keeps only its output (and a
//! dropout mask of one byte per entry). Rows run in parallel on rayon; every reduction runs in a
//! fixed order inside one row, so results do not depend on the thread count. The GPU and bf16
//! paths keep the primitives ([`enabled`]), except RMSNorm and the causal softmax, which run
//! as CUDA kernels on a GPU ([`fused_norm_softmax`]).

use candle_core::{CpuStorage, CustomOp1, CustomOp2, CustomOp3, DType, Layout, Shape, Tensor};
use rayon::prelude::*;

use crate::trainer::ops::{mm, mm_rows};

type R<T> = candle_core::Result<T>;

/// Whether the fused kernels run for a tensor: f32 on the CPU.
pub fn enabled(x: &Tensor) -> bool {
    x.device().is_cpu() && x.dtype() == DType::F32
}

/// Whether RMSNorm and the causal softmax run fused for a tensor: on the CPU in f32, and on a
/// GPU (`trainer::cuda`'s kernels, f32 or bf16; their backward from primitives).
pub fn fused_norm_softmax(x: &Tensor) -> bool {
    enabled(x) || x.device().is_cuda()
}

/// A contiguous f32 slice of a CPU storage.
fn slice<'a>(s: &'a CpuStorage, l: &Layout) -> R<&'a [f32]> {
    crate::trainer::ops::cpu_slice::<f32>(s, l)
}

/// Calls `f` with a tensor's contiguous f32 data.
fn with<T>(t: &Tensor, f: impl FnOnce(&[f32]) -> R<T>) -> R<T> {
    crate::trainer::ops::with_f32(t, f)?
}

fn out(v: Vec<f32>, shape: impl Into<Shape>) -> R<Tensor> {
    Tensor::from_vec(v, shape, &candle_core::Device::Cpu)
}

/// `x Wᵀ` for x [.., k] in a CPU storage and a frozen W [n, k], straight into a new storage.
pub(crate) fn frozen_product(s: &CpuStorage, l: &Layout, w: &Tensor) -> R<(CpuStorage, Shape)> {
    let x = slice(s, l)?;
    let (n, k) = w.dims2()?;
    if *l.dims().last().unwrap_or(&0) != k {
        candle_core::bail!("frozen-matmul: shapes do not agree");
    }
    let m = x.len() / k;
    let mut y = vec![0f32; m * n];
    with(w, |w| {
        mm(&mut y, (m, n, k), x, false, w, true, 1.0, false);
        Ok(())
    })?;
    let mut dims = l.dims().to_vec();
    *dims.last_mut().expect("rank ≥ 1") = n;
    Ok((CpuStorage::F32(y), Shape::from(dims)))
}

// ---------------------------------------------------------------------------------------------
// Rotary embedding with the heads' transpose

/// The rotary embedding (rotate-half form, as transformers) of x [b, t, heads, d], returned as
/// [b, heads, t, d]: `x·cos + rotate_half(x)·sin` with cos and sin [t, d]. One pass instead of
/// a transposed copy and five primitive ops, each kept for backward; the products and the sum
/// are the primitives' own, in the same order, so the values are the same bits.
pub fn rope_heads(x: &Tensor, cos: &Tensor, sin: &Tensor) -> R<Tensor> {
    let (_, t, _, d) = x.dims4()?;
    if cos.dims() != [t, d] || sin.dims() != [t, d] || d % 2 != 0 {
        candle_core::bail!("rope: cos and sin must be [{t}, {d}] with an even head size");
    }
    let table = |c: &Tensor| c.flatten_all()?.to_vec1::<f32>();
    x.contiguous()?.apply_op1(RopeHeads {
        cos: table(cos)?,
        sin: table(sin)?,
    })
}

struct RopeHeads {
    cos: Vec<f32>,
    sin: Vec<f32>,
}

impl CustomOp1 for RopeHeads {
    fn name(&self) -> &'static str {
        "rope-heads"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> R<(CpuStorage, Shape)> {
        let x = slice(s, l)?;
        let (b, t, n, d) = l.shape().dims4()?;
        let half = d / 2;
        let mut y = vec![0f32; x.len()];
        // Output rows (batch, head, position) in parallel.
        y.par_chunks_mut(d).enumerate().for_each(|(row, y)| {
            let (bi, rest) = (row / (n * t), row % (n * t));
            let (h, p) = (rest / t, rest % t);
            let src = &x[((bi * t + p) * n + h) * d..][..d];
            let (c, sn) = (&self.cos[p * d..][..d], &self.sin[p * d..][..d]);
            for j in 0..d {
                let r = if j < half {
                    -src[j + half]
                } else {
                    src[j - half]
                };
                y[j] = src[j] * c[j] + r * sn[j];
            }
        });
        Ok((CpuStorage::F32(y), Shape::from((b, n, t, d))))
    }

    fn bwd(&self, x: &Tensor, _y: &Tensor, g: &Tensor) -> R<Option<Tensor>> {
        let (b, t, n, d) = x.dims4()?;
        let half = d / 2;
        let dx = with(g, |g| {
            let mut dx = vec![0f32; g.len()];
            // Input rows (batch, position, head) in parallel.
            dx.par_chunks_mut(d).enumerate().for_each(|(row, dx)| {
                let (bi, rest) = (row / (t * n), row % (t * n));
                let (p, h) = (rest / n, rest % n);
                let gr = &g[((bi * n + h) * t + p) * d..][..d];
                let (c, sn) = (&self.cos[p * d..][..d], &self.sin[p * d..][..d]);
                for j in 0..d {
                    dx[j] = if j < half {
                        gr[j] * c[j] + gr[j + half] * sn[j + half]
                    } else {
                        gr[j] * c[j] - gr[j - half] * sn[j - half]
                    };
                }
            });
            out(dx, (b, t, n, d))
        })?;
        Ok(Some(dx))
    }
}

/// [`rope_heads`] on a GPU: one CUDA kernel each way (`trainer::cuda::rope`), with cos and sin
/// [t, d] kept on the device in x's dtype.
pub fn rope_heads_gpu(x: &Tensor, cos: &Tensor, sin: &Tensor) -> R<Tensor> {
    let (_, t, _, d) = x.dims4()?;
    if cos.dims() != [t, d] || sin.dims() != [t, d] || d % 2 != 0 {
        candle_core::bail!("rope: cos and sin must be [{t}, {d}] with an even head size");
    }
    #[cfg(feature = "cuda")]
    {
        let table = |c: &Tensor| c.to_dtype(x.dtype())?.contiguous();
        x.contiguous()?.apply_op1(RopeHeadsGpu {
            cos: table(cos)?,
            sin: table(sin)?,
        })
    }
    #[cfg(not(feature = "cuda"))]
    candle_core::bail!("rope on a GPU needs a CUDA build")
}

#[cfg(feature = "cuda")]
struct RopeHeadsGpu {
    cos: Tensor,
    sin: Tensor,
}

#[cfg(feature = "cuda")]
impl CustomOp1 for RopeHeadsGpu {
    fn name(&self) -> &'static str {
        "cuda-rope-heads"
    }

    fn cpu_fwd(&self, _: &CpuStorage, _: &Layout) -> R<(CpuStorage, Shape)> {
        candle_core::bail!("cuda-rope-heads runs on a GPU only")
    }

    fn cuda_fwd(
        &self,
        s: &candle_core::CudaStorage,
        l: &Layout,
    ) -> R<(candle_core::CudaStorage, Shape)> {
        let (b, t, h, d) = l.shape().dims4()?;
        let y = crate::trainer::cuda::rope_storage((s, l), &self.cos, &self.sin)?;
        Ok((y, Shape::from((b, h, t, d))))
    }

    fn bwd(&self, _x: &Tensor, _y: &Tensor, g: &Tensor) -> R<Option<Tensor>> {
        let gx = crate::trainer::cuda::rope(g, &self.cos, &self.sin, true)?;
        Ok(Some(gx))
    }
}

// ---------------------------------------------------------------------------------------------
// RMSNorm

/// `x / sqrt(mean(x²) + eps) · w` over the last dimension; the gradient flows to `x` (the norm's
/// weight is frozen).
pub fn rms_norm(x: &Tensor, w: &Tensor, eps: f64) -> R<Tensor> {
    x.contiguous()?
        .apply_op2(&w.contiguous()?, RmsNorm { eps: eps as f32 })
}

struct RmsNorm {
    eps: f32,
}

impl RmsNorm {
    fn inv_rms(&self, row: &[f32]) -> f32 {
        let ss: f32 = row.iter().map(|v| v * v).sum();
        1.0 / (ss / row.len() as f32 + self.eps).sqrt()
    }
}

impl CustomOp2 for RmsNorm {
    fn name(&self) -> &'static str {
        "fused-rms-norm"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> R<(CpuStorage, Shape)> {
        let (x, w) = (slice(s1, l1)?, slice(s2, l2)?);
        let h = w.len();
        let mut y = vec![0f32; x.len()];
        y.par_chunks_mut(h).zip(x.par_chunks(h)).for_each(|(y, x)| {
            let r = self.inv_rms(x);
            for ((y, x), w) in y.iter_mut().zip(x).zip(w) {
                *y = x * r * w;
            }
        });
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s1: &candle_core::CudaStorage,
        l1: &Layout,
        s2: &candle_core::CudaStorage,
        l2: &Layout,
    ) -> R<(candle_core::CudaStorage, Shape)> {
        let y = crate::trainer::cuda::rms_norm(s1, l1, s2, l2, self.eps)?;
        Ok((y, l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        w: &Tensor,
        _y: &Tensor,
        g: &Tensor,
    ) -> R<(Option<Tensor>, Option<Tensor>)> {
        if !x.track_op() {
            return Ok((None, None));
        }
        if !x.device().is_cpu() {
            // In f32 from primitives (transient: nothing of it is kept):
            // gx = r·g·w − r³·mean(x·g·w)·x.
            let d = candle_core::D::Minus1;
            let (xf, gw) = (x.to_dtype(DType::F32)?, g.to_dtype(DType::F32)?);
            let gw = gw.broadcast_mul(&w.to_dtype(DType::F32)?)?;
            let ms = xf.sqr()?.mean_keepdim(d)?;
            let r = (ms + self.eps as f64)?.sqrt()?.recip()?;
            let c = (r.powf(3.0)? * (&xf * &gw)?.mean_keepdim(d)?)?;
            let gx = (gw.broadcast_mul(&r)? - xf.broadcast_mul(&c)?)?;
            return Ok((Some(gx.to_dtype(x.dtype())?), None));
        }
        let gx = with(x, |x| {
            with(w, |w| {
                with(g, |g| {
                    let h = w.len();
                    let mut gx = vec![0f32; x.len()];
                    gx.par_chunks_mut(h)
                        .zip(x.par_chunks(h).zip(g.par_chunks(h)))
                        .for_each(|(gx, (x, g))| {
                            let r = self.inv_rms(x);
                            let dot: f32 =
                                x.iter().zip(g).zip(w).map(|((x, g), w)| x * g * w).sum();
                            let c = r * r * r * dot / h as f32;
                            for (((gx, x), g), w) in gx.iter_mut().zip(x).zip(g).zip(w) {
                                *gx = r * g * w - c * x;
                            }
                        });
                    out(gx, (x.len() / h, h))
                })
            })
        })?;
        Ok((Some(gx.reshape(x.shape())?), None))
    }
}

// ---------------------------------------------------------------------------------------------
// Causal softmax

/// `softmax(scale·s + causal mask)` over the last dimension of attention scores [b, h, t, T]
/// whose queries sit at positions `offset..offset + t` and keys at `0..T`: key `c` is visible to
/// query row `r` when `c ≤ r + offset`; hidden keys get probability 0.
pub fn causal_softmax(s: &Tensor, scale: f64, offset: usize) -> R<Tensor> {
    let (_, _, t, _) = s.dims4()?;
    s.contiguous()?.apply_op1(CausalSoftmax {
        scale: scale as f32,
        offset,
        t,
    })
}

struct CausalSoftmax {
    scale: f32,
    offset: usize,
    t: usize,
}

impl CustomOp1 for CausalSoftmax {
    fn name(&self) -> &'static str {
        "fused-causal-softmax"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> R<(CpuStorage, Shape)> {
        let x = slice(s, l)?;
        let cols = l.dims()[3];
        let mut y = vec![0f32; x.len()];
        y.par_chunks_mut(cols)
            .zip(x.par_chunks(cols))
            .enumerate()
            .for_each(|(i, (y, x))| {
                let visible = (i % self.t + self.offset + 1).min(cols);
                let max = x[..visible]
                    .iter()
                    .fold(f32::NEG_INFINITY, |m, v| m.max(v * self.scale));
                let mut sum = 0f32;
                for (y, x) in y[..visible].iter_mut().zip(&x[..visible]) {
                    *y = (x * self.scale - max).exp();
                    sum += *y;
                }
                let inv = 1.0 / sum;
                y[..visible].iter_mut().for_each(|y| *y *= inv);
            });
        Ok((CpuStorage::F32(y), l.shape().clone()))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s: &candle_core::CudaStorage,
        l: &Layout,
    ) -> R<(candle_core::CudaStorage, Shape)> {
        let y = crate::trainer::cuda::causal_softmax(s, l, self.scale, self.offset, self.t)?;
        Ok((y, l.shape().clone()))
    }

    fn bwd(&self, _s: &Tensor, y: &Tensor, g: &Tensor) -> R<Option<Tensor>> {
        causal_softmax_grad(y, g, self.scale, self.offset, self.t).map(Some)
    }
}

/// The gradient of [`causal_softmax`] for the output's gradient `g`, from its output `y`
/// ([b, h, t, T]): `scale·y·(g − Σ g·y)` per row, without a graph (a kernel on a GPU).
pub fn causal_softmax_grad(
    y: &Tensor,
    g: &Tensor,
    scale: f32,
    offset: usize,
    t: usize,
) -> R<Tensor> {
    #[cfg(feature = "cuda")]
    if y.device().is_cuda() {
        return crate::trainer::cuda::causal_softmax_bwd(y, g, scale, offset, t);
    }
    let _ = (offset, t); // the GPU kernel skips the hidden keys; here their y is 0
    if !y.device().is_cpu() {
        // In f32 from primitives (transient).
        let (yf, gf) = (y.to_dtype(DType::F32)?, g.to_dtype(DType::F32)?);
        let dot = (&yf * &gf)?.sum_keepdim(candle_core::D::Minus1)?;
        let gx = ((gf.broadcast_sub(&dot)? * yf)? * scale as f64)?;
        return gx.to_dtype(y.dtype());
    }
    let cols = y.dim(3)?;
    let gx = with(y, |y| {
        with(g, |g| {
            let mut gx = vec![0f32; y.len()];
            gx.par_chunks_mut(cols)
                .zip(y.par_chunks(cols).zip(g.par_chunks(cols)))
                .for_each(|(gx, (y, g))| {
                    let dot: f32 = y.iter().zip(g).map(|(y, g)| y * g).sum();
                    for ((gx, y), g) in gx.iter_mut().zip(y).zip(g) {
                        *gx = scale * y * (g - dot);
                    }
                });
            out(gx, (y.len() / cols, cols))
        })
    })?;
    gx.reshape(y.shape())
}

// ---------------------------------------------------------------------------------------------
// SwiGLU

/// `silu(a) · u`, elementwise.
pub fn silu_mul(a: &Tensor, u: &Tensor) -> R<Tensor> {
    a.contiguous()?.apply_op2(&u.contiguous()?, SiluMul)
}

struct SiluMul;

fn sigmoid(a: f32) -> f32 {
    1.0 / (1.0 + (-a).exp())
}

const GRAIN: usize = 4096;

impl CustomOp2 for SiluMul {
    fn name(&self) -> &'static str {
        "fused-silu-mul"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> R<(CpuStorage, Shape)> {
        let (a, u) = (slice(s1, l1)?, slice(s2, l2)?);
        if a.len() != u.len() {
            candle_core::bail!("fused-silu-mul: shapes differ");
        }
        let mut y = vec![0f32; a.len()];
        y.par_chunks_mut(GRAIN)
            .zip(a.par_chunks(GRAIN).zip(u.par_chunks(GRAIN)))
            .for_each(|(y, (a, u))| {
                for ((y, a), u) in y.iter_mut().zip(a).zip(u) {
                    *y = a * sigmoid(*a) * u;
                }
            });
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s1: &candle_core::CudaStorage,
        l1: &Layout,
        s2: &candle_core::CudaStorage,
        l2: &Layout,
    ) -> R<(candle_core::CudaStorage, Shape)> {
        let y = crate::trainer::cuda::silu_mul_storage((s1, l1), (s2, l2))?;
        Ok((y, l1.shape().clone()))
    }

    fn bwd(
        &self,
        a: &Tensor,
        u: &Tensor,
        _y: &Tensor,
        g: &Tensor,
    ) -> R<(Option<Tensor>, Option<Tensor>)> {
        #[cfg(feature = "cuda")]
        if a.device().is_cuda() {
            let (ga, gu) = crate::trainer::cuda::silu_mul_bwd(a, u, g)?;
            return Ok((Some(ga), Some(gu)));
        }
        let (ga, gu) = with(a, |a| {
            with(u, |u| {
                with(g, |g| {
                    let mut ga = vec![0f32; a.len()];
                    let mut gu = vec![0f32; a.len()];
                    ga.par_chunks_mut(GRAIN)
                        .zip(gu.par_chunks_mut(GRAIN))
                        .zip(
                            a.par_chunks(GRAIN)
                                .zip(u.par_chunks(GRAIN))
                                .zip(g.par_chunks(GRAIN)),
                        )
                        .for_each(|((ga, gu), ((a, u), g))| {
                            for i in 0..a.len() {
                                let s = sigmoid(a[i]);
                                gu[i] = g[i] * a[i] * s;
                                ga[i] = g[i] * u[i] * s * (1.0 + a[i] * (1.0 - s));
                            }
                        });
                    let sh = Shape::from(a.len());
                    Ok((out(ga, sh.clone())?, out(gu, sh)?))
                })
            })
        })?;
        Ok((Some(ga.reshape(a.shape())?), Some(gu.reshape(u.shape())?)))
    }
}

// ---------------------------------------------------------------------------------------------
// The output head and its masked cross-entropy

/// Rows of logits one step of [`head_cross_entropy`] holds: about 4 MiB of them, at least 64
/// rows. A function of the vocabulary alone, so every machine chunks alike.
pub fn head_chunk_rows(v: usize) -> usize {
    ((1usize << 20) / v.max(1)).max(64)
}

/// Mean cross-entropy of the logits `x Wᵀ` (x [n, h], the frozen output head W [v, h]) against
/// `targets` over the rows whose weight is nonzero, weighted by `weights` (0 or 1) and divided by
/// their sum. A scalar.
///
/// The logits are never held whole: rows go through in chunks of [`head_chunk_rows`]. While `x`
/// carries a gradient, each chunk's gradient with respect to `x` is computed in the same pass
/// (the loss is the graph's root, so its incoming gradient is a scalar factor) and backward only
/// scales it: no [n, v] tensor is kept for backward, nor recomputed.
pub fn head_cross_entropy(
    x: &Tensor,
    w: &Tensor,
    targets: Vec<u32>,
    weights: Vec<f32>,
) -> R<Tensor> {
    let (n, h) = x.dims2()?;
    let (v, hw) = w.dims2()?;
    if hw != h || targets.len() != n || weights.len() != n {
        candle_core::bail!(
            "fused head cross-entropy: x is [{n}, {h}], the head [{v}, {hw}], with {} targets",
            targets.len()
        );
    }
    if let Some(t) = targets.iter().find(|&&t| t as usize >= v) {
        candle_core::bail!("target {t} is outside the vocabulary of {v}");
    }
    let count: f32 = weights.iter().sum();
    if count == 0.0 {
        candle_core::bail!("no position is scored");
    }
    x.contiguous()?.apply_op1(HeadCrossEntropy {
        w: w.contiguous()?,
        targets,
        weights,
        count,
        grad: x.track_op(),
        dx: std::sync::Mutex::new(None),
    })
}

struct HeadCrossEntropy {
    w: Tensor,
    targets: Vec<u32>,
    weights: Vec<f32>,
    count: f32,
    /// Whether to compute ∂loss/∂x in the forward pass.
    grad: bool,
    /// ∂loss/∂x for an incoming gradient of 1, from the forward pass.
    dx: std::sync::Mutex<Option<Vec<f32>>>,
}

/// (max, log Σ exp(x − max)) of one row.
fn lse(x: &[f32]) -> (f32, f32) {
    let max = x.iter().fold(f32::NEG_INFINITY, |m, v| m.max(*v));
    let s: f32 = x.iter().map(|v| (v - max).exp()).sum();
    (max, s.ln())
}

impl CustomOp1 for HeadCrossEntropy {
    fn name(&self) -> &'static str {
        "fused-head-cross-entropy"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> R<(CpuStorage, Shape)> {
        let x = slice(s, l)?;
        let (v, h) = self.w.dims2()?;
        let n = x.len() / h;
        let rows = head_chunk_rows(v).min(n.max(1));
        let mut nll = vec![0f32; n];
        let mut dx = if self.grad {
            vec![0f32; n * h]
        } else {
            Vec::new()
        };
        with(&self.w, |w| {
            let mut logits = vec![0f32; rows * v];
            for start in (0..n).step_by(rows) {
                let m = rows.min(n - start);
                let xs = &x[start * h..(start + m) * h];
                let lg = &mut logits[..m * v];
                mm(lg, (m, v, h), xs, false, w, true, 1.0, false);
                lg.par_chunks_mut(v)
                    .zip(nll[start..start + m].par_iter_mut())
                    .enumerate()
                    .for_each(|(j, (row, nll))| {
                        let i = start + j;
                        let wt = self.weights[i];
                        if wt == 0.0 {
                            if self.grad {
                                row.fill(0.0);
                            }
                            return;
                        }
                        let target = self.targets[i] as usize;
                        let (max, l) = lse(row);
                        *nll = (l - (row[target] - max)) * wt;
                        if self.grad {
                            // The softmax minus the one-hot target, times w / count.
                            let c = wt / self.count;
                            for r in row.iter_mut() {
                                *r = c * (*r - max - l).exp();
                            }
                            row[target] -= c;
                        }
                    });
                if self.grad {
                    let d = &mut dx[start * h..(start + m) * h];
                    mm(d, (m, h, v), lg, false, w, false, 1.0, false);
                }
            }
            Ok(())
        })?;
        if self.grad {
            *self.dx.lock().expect("not poisoned") = Some(dx);
        }
        let total: f32 = nll.iter().sum();
        Ok((CpuStorage::F32(vec![total / self.count]), Shape::from(())))
    }

    fn bwd(&self, x: &Tensor, _y: &Tensor, g: &Tensor) -> R<Option<Tensor>> {
        let Some(dx) = self.dx.lock().expect("not poisoned").take() else {
            candle_core::bail!(
                "fused head cross-entropy: backward runs once, after a tracked forward"
            );
        };
        let gv = g.to_scalar::<f32>()?;
        let dx = out(dx, x.shape().clone())?;
        Ok(Some(if gv == 1.0 { dx } else { (dx * gv as f64)? }))
    }
}

// ---------------------------------------------------------------------------------------------
// A target module with its adapter

/// A dropout mask: one byte per entry of the input (1 keeps, 0 drops) and the keep scale.
#[derive(Clone)]
pub struct Mask {
    pub keep: Vec<u8>,
    pub scale: f32,
}

/// `x Wᵀ + b + s·(drop(x) Aᵀ) Bᵀ` for x `[.., k]`, a frozen W `[n, k]` and bias `[n]`, and the adapter
/// A [r, k], B [n, r]: one op whose backward gives x, A and B their gradients (and W none).
pub fn lora_linear(
    x: &Tensor,
    w: &Tensor,
    bias: Option<&Tensor>,
    a: &Tensor,
    b: &Tensor,
    scale: f64,
    mask: Option<Mask>,
) -> R<Tensor> {
    let x = x.contiguous()?;
    if let Some(m) = &mask
        && m.keep.len() != x.elem_count()
    {
        candle_core::bail!("lora-linear: the dropout mask does not match the input");
    }
    x.apply_op3(
        &a.contiguous()?,
        &b.contiguous()?,
        LoraLinear {
            w: w.contiguous()?,
            bias: bias.map(|b| b.contiguous()).transpose()?,
            scale: scale as f32,
            mask,
        },
    )
}

/// Rows per sequence of an input [.., seq, k] with `m` rows (all of them for [m, k]): the
/// products run sequence by sequence, so a sequence's results do not depend on the batch.
fn rows_per_sequence(dims: &[usize], m: usize) -> usize {
    match dims {
        [.., t, _] if dims.len() >= 3 && *t > 0 => *t,
        _ => m.max(1),
    }
}

struct LoraLinear {
    w: Tensor,
    bias: Option<Tensor>,
    scale: f32,
    mask: Option<Mask>,
}

impl LoraLinear {
    /// drop(x): x itself without a mask.
    fn dropped<'a>(&self, x: &'a [f32]) -> std::borrow::Cow<'a, [f32]> {
        match &self.mask {
            None => std::borrow::Cow::Borrowed(x),
            Some(m) => {
                let mut d = vec![0f32; x.len()];
                d.par_chunks_mut(GRAIN)
                    .zip(x.par_chunks(GRAIN).zip(m.keep.par_chunks(GRAIN)))
                    .for_each(|(d, (x, k))| {
                        for ((d, x), k) in d.iter_mut().zip(x).zip(k) {
                            *d = if *k != 0 { x * m.scale } else { 0.0 };
                        }
                    });
                std::borrow::Cow::Owned(d)
            }
        }
    }
}

impl CustomOp3 for LoraLinear {
    fn name(&self) -> &'static str {
        "fused-lora-linear"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> R<(CpuStorage, Shape)> {
        let (x, a, b) = (slice(s1, l1)?, slice(s2, l2)?, slice(s3, l3)?);
        let (r, k) = l2.shape().dims2()?;
        let (n, r2) = l3.shape().dims2()?;
        if r != r2 || x.len() % k != 0 || *l1.dims().last().unwrap_or(&0) != k {
            candle_core::bail!("lora-linear: shapes do not agree");
        }
        let m = x.len() / k;
        let seq = rows_per_sequence(l1.dims(), m);
        let mut y = vec![0f32; m * n];
        with(&self.w, |w| {
            mm_rows(&mut y, (m, n, k), x, w, true, 1.0, false, seq);
            Ok(())
        })?;
        if let Some(bias) = &self.bias {
            with(bias, |bias| {
                y.par_chunks_mut(n).for_each(|row| {
                    row.iter_mut().zip(bias).for_each(|(y, b)| *y += b);
                });
                Ok(())
            })?;
        }
        let xd = self.dropped(x);
        let mut xa = vec![0f32; m * r];
        mm_rows(&mut xa, (m, r, k), &xd, a, true, 1.0, false, seq);
        mm_rows(&mut y, (m, n, r), &xa, b, true, self.scale, true, seq);
        let mut dims = l1.dims().to_vec();
        *dims.last_mut().expect("rank ≥ 1") = n;
        Ok((CpuStorage::F32(y), Shape::from(dims)))
    }

    fn bwd(
        &self,
        x: &Tensor,
        a: &Tensor,
        b: &Tensor,
        _y: &Tensor,
        g: &Tensor,
    ) -> R<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let (r, k) = a.dims2()?;
        let n = b.dim(0)?;
        let m = x.elem_count() / k;
        let seq = rows_per_sequence(x.dims(), m);
        let want_x = x.track_op();
        let (gx, ga, gb) = with(x, |x| {
            with(a, |a| {
                with(b, |b| {
                    with(g, |g| {
                        let xd = self.dropped(x);
                        let mut xa = vec![0f32; m * r];
                        mm_rows(&mut xa, (m, r, k), &xd, a, true, 1.0, false, seq);
                        // gB = s·gᵀ·xa; g(xa) = s·g·B; gA = g(xa)ᵀ·drop(x)
                        let mut gxa = vec![0f32; m * r];
                        mm_rows(&mut gxa, (m, r, n), g, b, false, self.scale, false, seq);
                        // The sums over rows run sequence by sequence, added up in order: a
                        // backward that takes one sequence at a time (`Model::loss_and_grads`
                        // recomputing) gets the same bits.
                        let mut gb = vec![0f32; n * r];
                        let mut ga = vec![0f32; r * k];
                        let (mut pb, mut pa) = (vec![0f32; n * r], vec![0f32; r * k]);
                        for c in 0..m / seq {
                            let rows = c * seq..(c + 1) * seq;
                            let (gc, xac) = (
                                &g[rows.start * n..rows.end * n],
                                &xa[rows.start * r..rows.end * r],
                            );
                            let (gxac, xdc) = (
                                &gxa[rows.start * r..rows.end * r],
                                &xd[rows.start * k..rows.end * k],
                            );
                            let (tb, ta) = if c == 0 {
                                (&mut gb, &mut ga)
                            } else {
                                (&mut pb, &mut pa)
                            };
                            mm(tb, (n, r, seq), gc, true, xac, false, self.scale, false);
                            mm(ta, (r, k, seq), gxac, true, xdc, false, 1.0, false);
                            if c > 0 {
                                gb.iter_mut().zip(&pb).for_each(|(s, p)| *s += p);
                                ga.iter_mut().zip(&pa).for_each(|(s, p)| *s += p);
                            }
                        }
                        let gx = if want_x {
                            let mut gx = vec![0f32; m * k];
                            with(&self.w, |w| {
                                mm_rows(&mut gx, (m, k, n), g, w, false, 1.0, false, seq);
                                Ok(())
                            })?;
                            match &self.mask {
                                None => mm_rows(&mut gx, (m, k, r), &gxa, a, false, 1.0, true, seq),
                                Some(mask) => {
                                    let mut t = vec![0f32; m * k];
                                    mm_rows(&mut t, (m, k, r), &gxa, a, false, 1.0, false, seq);
                                    gx.par_chunks_mut(GRAIN)
                                        .zip(t.par_chunks(GRAIN).zip(mask.keep.par_chunks(GRAIN)))
                                        .for_each(|(gx, (t, keep))| {
                                            for ((gx, t), keep) in gx.iter_mut().zip(t).zip(keep) {
                                                if *keep != 0 {
                                                    *gx += t * mask.scale;
                                                }
                                            }
                                        });
                                }
                            }
                            Some(gx)
                        } else {
                            None
                        };
                        Ok((gx, ga, gb))
                    })
                })
            })
        })?;
        let dev = candle_core::Device::Cpu;
        Ok((
            gx.map(|v| Tensor::from_vec(v, x.shape(), &dev))
                .transpose()?,
            Some(Tensor::from_vec(ga, (r, k), &dev)?),
            Some(Tensor::from_vec(gb, (n, r), &dev)?),
        ))
    }
}

#[cfg(test)]
mod tests {
    //! Each fused kernel against the same function composed from candle's primitives (whose
    //! backward is candle's autograd): outputs and gradients.
    use super::*;
    use crate::lora::model;
    use candle_core::{Device, Var};

    /// Deterministic values in [-2, 2).
    fn vals(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 4.0 - 2.0
            })
            .collect()
    }

    fn t(shape: &[usize], seed: u64) -> Tensor {
        let n = shape.iter().product();
        Tensor::from_vec(vals(n, seed), shape, &Device::Cpu).unwrap()
    }

    fn var(shape: &[usize], seed: u64) -> Var {
        Var::from_tensor(&t(shape, seed)).unwrap()
    }

    fn assert_close(what: &str, a: &Tensor, b: &Tensor) {
        assert_eq!(a.dims(), b.dims(), "{what}: shapes");
        let a = a.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let b = b.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let scale = b.iter().fold(1e-6f32, |m, v| m.max(v.abs()));
        let worst = a
            .iter()
            .zip(&b)
            .map(|(x, y)| (x - y).abs())
            .fold(0f32, f32::max);
        assert!(
            worst <= 1e-5 * scale.max(1.0),
            "{what}: max |diff| {worst} (scale {scale})"
        );
    }

    /// The output and the gradients of Σ y ⊙ c for each var.
    fn run(y: &Tensor, c: &Tensor, vars: &[&Var]) -> Vec<Tensor> {
        let g = (y * c).unwrap().sum_all().unwrap().backward().unwrap();
        let mut out = vec![y.clone()];
        out.extend(
            vars.iter()
                .map(|v| g.get(v.as_tensor()).expect("a gradient").clone()),
        );
        out
    }

    #[test]
    fn rms_norm_matches_primitives() {
        let (x, w, c) = (var(&[2, 3, 16], 1), t(&[16], 2), t(&[2, 3, 16], 3));
        let fused = run(&rms_norm(x.as_tensor(), &w, 1e-6).unwrap(), &c, &[&x]);
        let plain = run(
            &model::rms_norm(x.as_tensor(), &w, 1e-6).unwrap(),
            &c,
            &[&x],
        );
        assert_close("y", &fused[0], &plain[0]);
        assert_close("dx", &fused[1], &plain[1]);
    }

    #[test]
    fn causal_softmax_matches_primitives_with_and_without_an_offset() {
        for (t_q, offset) in [(5, 0), (3, 2), (1, 4)] {
            let total = t_q + offset;
            let (s, c) = (var(&[2, 2, t_q, total], 4), t(&[2, 2, t_q, total], 5));
            let fused = run(
                &causal_softmax(s.as_tensor(), 0.3, offset).unwrap(),
                &c,
                &[&s],
            );
            let mask = model::causal_mask(t_q, offset, &Device::Cpu, DType::F32).unwrap();
            let scores = (s.as_tensor() * 0.3).unwrap().broadcast_add(&mask).unwrap();
            let plain = run(&model::softmax_last(&scores).unwrap(), &c, &[&s]);
            assert_close("y", &fused[0], &plain[0]);
            assert_close("ds", &fused[1], &plain[1]);
        }
    }

    #[test]
    fn rope_heads_matches_primitives_bit_for_bit() {
        let (nb, nt, nn, d) = (2, 5, 3, 8);
        let (x, cos, sin) = (var(&[nb, nt, nn, d], 20), t(&[nt, d], 21), t(&[nt, d], 22));
        let c = t(&[nb, nn, nt, d], 23);
        let fused = run(&rope_heads(x.as_tensor(), &cos, &sin).unwrap(), &c, &[&x]);
        let xt = x.as_tensor().transpose(1, 2).unwrap().contiguous().unwrap();
        let (x1, x2) = (
            xt.narrow(3, 0, d / 2).unwrap(),
            xt.narrow(3, d / 2, d / 2).unwrap(),
        );
        let rot = Tensor::cat(&[&x2.neg().unwrap(), &x1], 3).unwrap();
        let y = (xt.broadcast_mul(&cos).unwrap() + rot.broadcast_mul(&sin).unwrap()).unwrap();
        let plain = run(&y, &c, &[&x]);
        let bits = |t: &Tensor| t.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        assert_eq!(bits(&fused[0]), bits(&plain[0]), "forward bits");
        assert_close("dx", &fused[1], &plain[1]);
    }

    #[test]
    fn silu_mul_matches_primitives() {
        let (a, u, c) = (var(&[4, 9], 6), var(&[4, 9], 7), t(&[4, 9], 8));
        let fused = run(
            &silu_mul(a.as_tensor(), u.as_tensor()).unwrap(),
            &c,
            &[&a, &u],
        );
        let plain_y = (a.as_tensor().silu().unwrap() * u.as_tensor()).unwrap();
        let plain = run(&plain_y, &c, &[&a, &u]);
        for (i, what) in ["y", "da", "du"].iter().enumerate() {
            assert_close(what, &fused[i], &plain[i]);
        }
    }

    #[test]
    fn head_cross_entropy_matches_primitives_across_chunks_and_skips_unscored_rows() {
        // A vocabulary of 2^15 makes chunks of 64 rows: 150 rows run as 64 + 64 + 22.
        let (n, h, v) = (150, 8, 1 << 15);
        assert_eq!(head_chunk_rows(v), 64);
        let x = var(&[n, h], 9);
        let w = t(&[v, h], 10);
        let targets: Vec<u32> = (0..n as u32).map(|i| (i * 7919) % v as u32).collect();
        let weights: Vec<f32> = (0..n).map(|i| (i % 5 != 1) as u8 as f32).collect();
        let one = Tensor::new(1f32, &Device::Cpu).unwrap();
        let fused = run(
            &head_cross_entropy(x.as_tensor(), &w, targets.clone(), weights.clone()).unwrap(),
            &one,
            &[&x],
        );
        let tt = Tensor::new(targets.as_slice(), &Device::Cpu)
            .unwrap()
            .reshape((3, 50))
            .unwrap();
        let wt = Tensor::new(weights.as_slice(), &Device::Cpu)
            .unwrap()
            .reshape((3, 50))
            .unwrap();
        let logits = x
            .as_tensor()
            .matmul(&w.t().unwrap())
            .unwrap()
            .reshape((3, 50, v))
            .unwrap();
        let plain = run(
            &model::masked_cross_entropy(&logits, &tt, &wt).unwrap(),
            &one,
            &[&x],
        );
        assert_close("loss", &fused[0], &plain[0]);
        assert_close("dx", &fused[1], &plain[1]);
        let rows = fused[1].to_vec2::<f32>().unwrap();
        assert!(
            rows.iter()
                .zip(&weights)
                .all(|(r, w)| (*w == 0.0) == r.iter().all(|g| *g == 0.0)),
            "unscored rows, and only those, get no gradient"
        );
        // Untracked, it computes the same loss and no gradient.
        let value =
            head_cross_entropy(&x.as_tensor().detach(), &w, targets, weights.clone()).unwrap();
        assert_eq!(
            value.to_scalar::<f32>().unwrap(),
            fused[0].to_scalar::<f32>().unwrap()
        );
        let bad = vec![v as u32; n];
        assert!(head_cross_entropy(x.as_tensor(), &w, bad, weights).is_err());
    }

    #[test]
    fn lora_linear_matches_primitives_with_dropout_bias_and_an_untracked_input() {
        let (m, k, n, r) = (2 * 5, 12, 7, 3);
        let (w, bias, c) = (t(&[n, k], 10), t(&[n], 11), t(&[2, 5, n], 12));
        let (a, b) = (var(&[r, k], 13), var(&[n, r], 14));
        let keep: Vec<u8> = vals(m * k, 15).iter().map(|v| (*v > -1.6) as u8).collect();
        assert!(keep.contains(&0) && keep.contains(&1));
        for (with_mask, tracked) in [(true, true), (false, true), (true, false)] {
            let x = var(&[2, 5, k], 16);
            let xt = if tracked {
                x.as_tensor().clone()
            } else {
                x.as_tensor().detach()
            };
            let mask = with_mask.then(|| Mask {
                keep: keep.clone(),
                scale: 1.25,
            });
            let y = lora_linear(
                &xt,
                &w,
                Some(&bias),
                a.as_tensor(),
                b.as_tensor(),
                0.5,
                mask,
            )
            .unwrap();
            let plain_y = {
                let xd = if with_mask {
                    let mv: Vec<f32> = keep.iter().map(|k| *k as f32 * 1.25).collect();
                    let mt = Tensor::from_vec(mv, (2, 5, k), &Device::Cpu).unwrap();
                    (&xt * mt).unwrap()
                } else {
                    xt.clone()
                };
                let frozen = xt
                    .broadcast_matmul(&w.t().unwrap())
                    .unwrap()
                    .broadcast_add(&bias)
                    .unwrap();
                let delta = xd
                    .broadcast_matmul(&a.as_tensor().t().unwrap())
                    .unwrap()
                    .broadcast_matmul(&b.as_tensor().t().unwrap())
                    .unwrap();
                (frozen + (delta * 0.5).unwrap()).unwrap()
            };
            let vars: Vec<&Var> = if tracked {
                vec![&a, &b, &x]
            } else {
                vec![&a, &b]
            };
            let fused = run(&y, &c, &vars);
            let plain = run(&plain_y, &c, &vars);
            for (i, what) in ["y", "dA", "dB", "dx"]
                .iter()
                .enumerate()
                .take(vars.len() + 1)
            {
                assert_close(
                    &format!("{what} (mask {with_mask}, tracked {tracked})"),
                    &fused[i],
                    &plain[i],
                );
            }
        }
    }
}
