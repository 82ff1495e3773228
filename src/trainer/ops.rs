//! Fused CPU kernels with their own backward pass (candle `CustomOp`s over the loops in the
//! `cohort-kernels` crate; on a GPU, the layer norm, bias+GELU and the loss run as the trainer's
//! CUDA kernels), and reference versions built from candle's differentiable tensor ops (attention
//! on a GPU, other devices, and the tests' oracle).
//!
//! Why fused: candle on CPU spends most of a small model's step in many small ops and their
//! allocations, not in matrix products. One kernel per layer norm, per attention, per
//! bias+GELU and per cross-entropy removes most of them. Some of candle's own fused ops
//! (`LayerNorm`, `rms_norm`, `softmax_last_dim`) pass no gradient in backward, so they are
//! never used here.
//!
//! Determinism: see `cohort-kernels`: results do not depend on the number of threads.

use candle_core::{
    CpuStorage, CustomOp1, CustomOp2, CustomOp3, D, DType, Layout, Result, Shape, Storage, Tensor,
    bail,
};
use cohort_kernels as k;

pub const LN_EPS: f32 = k::LN_EPS;

pub(crate) fn cpu_slice<'a, T: candle_core::WithDType>(
    s: &'a CpuStorage,
    l: &Layout,
) -> Result<&'a [T]> {
    let data = s.as_slice::<T>()?;
    match l.contiguous_offsets() {
        Some((a, b)) => Ok(&data[a..b]),
        None => bail!("fused op needs a contiguous tensor"),
    }
}

/// `dst[m×n] = acc·dst + beta·op(lhs)·op(rhs)`, row-major; `lhs` is [m, k] (or [k, m] when
/// `lhs_t`), `rhs` is [k, n] (or [n, k] when `rhs_t`). The same gemm, parallelism and strides as
/// candle's own matmul (so a result does not depend on the thread count).
#[allow(clippy::too_many_arguments)]
pub(crate) fn mm(
    dst: &mut [f32],
    (m, n, k): (usize, usize, usize),
    lhs: &[f32],
    lhs_t: bool,
    rhs: &[f32],
    rhs_t: bool,
    beta: f32,
    accumulate: bool,
) {
    assert!(dst.len() >= m * n && lhs.len() >= m * k && rhs.len() >= k * n);
    let lhs_s = if lhs_t { (1, m) } else { (k, 1) };
    let rhs_s = if rhs_t { (1, k) } else { (n, 1) };
    let threads = candle_core::utils::get_num_threads();
    k::mm_strided(
        dst,
        n,
        (m, n, k),
        lhs,
        lhs_s,
        rhs,
        rhs_s,
        beta,
        accumulate,
        threads,
    )
}

/// [`mm`] with `lhs` [m, k] row-major, `rows` rows at a time: gemm picks its kernel by the
/// shape, so a row's result could depend on how many rows come with it; in blocks of a fixed
/// count (a sequence) it does not.
#[allow(clippy::too_many_arguments)]
pub(crate) fn mm_rows(
    dst: &mut [f32],
    (m, n, k): (usize, usize, usize),
    lhs: &[f32],
    rhs: &[f32],
    rhs_t: bool,
    beta: f32,
    accumulate: bool,
    rows: usize,
) {
    let rows = rows.clamp(1, m.max(1));
    for start in (0..m).step_by(rows) {
        let len = rows.min(m - start);
        mm(
            &mut dst[start * n..(start + len) * n],
            (len, n, k),
            &lhs[start * k..(start + len) * k],
            false,
            rhs,
            rhs_t,
            beta,
            accumulate,
        );
    }
}

/// Runs `f` on the contiguous f32 data of a CPU tensor.
pub(crate) fn with_f32<R>(t: &Tensor, f: impl FnOnce(&[f32]) -> R) -> Result<R> {
    let t = t.contiguous()?;
    let (s, l) = t.storage_and_layout();
    match &*s {
        Storage::Cpu(c) => Ok(f(cpu_slice::<f32>(c, l)?)),
        _ => bail!("fused ops run on the CPU only"),
    }
}

/// The sums of the rows of `x` [rows, cols]: [cols], as one matrix product (a row of ones times
/// `x`). On a GPU that is one cuBLAS call reading the rows in order; candle's `sum(0)` there runs
/// one block per column over strided entries with an index computed per entry, which is slow for
/// the bias and norm gradients of a step (thousands of columns of thousands of rows).
pub(crate) fn column_sums(x: &Tensor) -> Result<Tensor> {
    let rows = x.dim(0)?;
    Tensor::ones((1, rows), x.dtype(), x.device())?
        .matmul(&x.contiguous()?)?
        .squeeze(0)
}

fn last_dim(l: &Layout) -> Result<usize> {
    match l.dims().last() {
        Some(&d) if d > 0 => Ok(d),
        _ => bail!("fused op needs a non-empty last dimension"),
    }
}

/// Layer norm over the last dimension: y = (x - mean) / sqrt(var + eps) * gamma + beta.
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
        let (x, g, b) = (
            cpu_slice::<f32>(s1, l1)?,
            cpu_slice::<f32>(s2, l2)?,
            cpu_slice::<f32>(s3, l3)?,
        );
        let y = k::layer_norm_fwd(x, g, b, last_dim(l1)?);
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s1: &candle_core::CudaStorage,
        l1: &Layout,
        s2: &candle_core::CudaStorage,
        l2: &Layout,
        s3: &candle_core::CudaStorage,
        l3: &Layout,
    ) -> Result<(candle_core::CudaStorage, Shape)> {
        let y = super::cuda::layer_norm((s1, l1), (s2, l2), (s3, l3), LN_EPS)?;
        Ok((y, l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        gamma: &Tensor,
        _beta: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        let (dx, dg, db) = layer_norm_bwd(x, gamma, grad)?;
        Ok((Some(dx), Some(dg), Some(db)))
    }
}

/// The layer norm's backward: (dx, dγ, dβ) for the output's gradient `dy` (x, dy [.., d]).
pub(crate) fn layer_norm_bwd(
    x: &Tensor,
    gamma: &Tensor,
    dy: &Tensor,
) -> Result<(Tensor, Tensor, Tensor)> {
    #[cfg(feature = "cuda")]
    if x.device().is_cuda() {
        return super::cuda::layer_norm_bwd(x, gamma, dy, LN_EPS);
    }
    let d = x.dim(D::Minus1)?;
    let (dx, dg, db) = with_f32(x, |x| {
        with_f32(gamma, |g| with_f32(dy, |dy| k::layer_norm_bwd(x, g, dy, d)))
    })???;
    let dev = x.device();
    Ok((
        Tensor::from_vec(dx, x.shape(), dev)?,
        Tensor::from_vec(dg, d, dev)?,
        Tensor::from_vec(db, d, dev)?,
    ))
}

/// Causal multi-head softmax attention on packed q|k|v rows: [B*T, 3W] → [B*T, W].
struct Attention {
    batch: usize,
    seq: usize,
    heads: usize,
}

impl Attention {
    fn shape(&self, w3: usize, rows: usize) -> Result<k::AttentionShape> {
        if rows != self.batch * self.seq || !w3.is_multiple_of(3 * self.heads) {
            bail!("attention: bad qkv shape [{rows}, {w3}]");
        }
        Ok(k::AttentionShape {
            batch: self.batch,
            seq: self.seq,
            heads: self.heads,
            width: w3 / 3,
        })
    }
}

impl CustomOp1 for Attention {
    fn name(&self) -> &'static str {
        "cohort-causal-attention"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let qkv = cpu_slice::<f32>(s, l)?;
        let w3 = last_dim(l)?;
        let shape = self.shape(w3, qkv.len() / w3)?;
        let y = k::attention_fwd(qkv, shape);
        Ok((
            CpuStorage::F32(y),
            Shape::from((self.batch * self.seq, w3 / 3)),
        ))
    }

    fn bwd(&self, arg: &Tensor, _res: &Tensor, grad: &Tensor) -> Result<Option<Tensor>> {
        let shape = self.shape(arg.dim(D::Minus1)?, arg.dim(0)?)?;
        let d = with_f32(arg, |qkv| {
            with_f32(grad, |dy| k::attention_bwd(qkv, dy, shape))
        })??;
        Ok(Some(Tensor::from_vec(d, arg.shape(), arg.device())?))
    }
}

/// GELU (tanh approximation) of x + bias.
struct BiasGelu;

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
        let y = k::bias_gelu_fwd(x, b, last_dim(l1)?);
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s1: &candle_core::CudaStorage,
        l1: &Layout,
        s2: &candle_core::CudaStorage,
        l2: &Layout,
    ) -> Result<(candle_core::CudaStorage, Shape)> {
        let y = super::cuda::bias_gelu((s1, l1), (s2, l2))?;
        Ok((y, l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        bias: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>)> {
        let (dx, db) = bias_gelu_bwd(x, bias, grad)?;
        Ok((Some(dx), Some(db)))
    }
}

/// Bias+GELU's backward: (dx, dbias) for the output's gradient `dy`.
pub(crate) fn bias_gelu_bwd(x: &Tensor, bias: &Tensor, dy: &Tensor) -> Result<(Tensor, Tensor)> {
    #[cfg(feature = "cuda")]
    if x.device().is_cuda() {
        return super::cuda::bias_gelu_bwd(x, bias, dy);
    }
    let f = x.dim(D::Minus1)?;
    let (dx, db) = with_f32(x, |x| {
        with_f32(bias, |b| with_f32(dy, |g| k::bias_gelu_bwd(x, b, g, f)))
    })???;
    let dev = x.device();
    Ok((
        Tensor::from_vec(dx, x.shape(), dev)?,
        Tensor::from_vec(db, f, dev)?,
    ))
}

/// Mean cross-entropy of logits [N, V] against u32 targets [N]; the result is a scalar.
struct CrossEntropy;

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
        let loss = k::cross_entropy_fwd(logits, targets, last_dim(l1)?);
        Ok((CpuStorage::F32(vec![loss]), Shape::from(())))
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s1: &candle_core::CudaStorage,
        l1: &Layout,
        s2: &candle_core::CudaStorage,
        l2: &Layout,
    ) -> Result<(candle_core::CudaStorage, Shape)> {
        let loss = super::cuda::cross_entropy((s1, l1), (s2, l2))?;
        Ok((loss, Shape::from(())))
    }

    fn bwd(
        &self,
        logits: &Tensor,
        targets: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>)> {
        Ok((Some(cross_entropy_bwd(logits, targets, grad)?), None))
    }
}

/// The mean cross-entropy's gradient with respect to the logits, for the loss's gradient `grad`
/// (a scalar tensor).
pub(crate) fn cross_entropy_bwd(
    logits: &Tensor,
    targets: &Tensor,
    grad: &Tensor,
) -> Result<Tensor> {
    #[cfg(feature = "cuda")]
    if logits.device().is_cuda() {
        return super::cuda::cross_entropy_bwd(logits, targets, grad);
    }
    let v = logits.dim(D::Minus1)?;
    let g = grad.to_dtype(DType::F32)?.to_scalar::<f32>()?;
    let targets = targets.to_vec1::<u32>()?;
    let d = with_f32(logits, |x| k::cross_entropy_bwd(x, &targets, v, g))?;
    Tensor::from_vec(d, logits.shape(), logits.device())
}

/// Causal attention on packed q|k|v rows as one node of the graph (the GPU's): the forward
/// ([`attention_fwd`]) runs candle's ops (and the causal softmax kernel) outside the graph; the
/// backward computes the gradient of the packed rows directly ([`AttentionSaved::bwd`]). The
/// graph of the same ops op by op (`Kernels::Reference`) would add, for every one of them, a
/// zero tensor and a sum in backward, and pad and concatenate the three slices' gradients.
fn attention_node(qkv: &Tensor, batch: usize, seq: usize, heads: usize) -> Result<Tensor> {
    let (y, saved) = attention_fwd(&qkv.detach(), batch, seq, heads)?;
    qkv.apply_op1(AttentionNode {
        y: std::sync::Mutex::new(Some(y)),
        saved,
    })
}

/// Causal attention on packed q|k|v rows [B*T, 3W] → [B*T, W] by candle's ops and the causal
/// softmax kernel, and what its backward needs. No graph is built for a detached `qkv`.
pub(crate) fn attention_fwd(
    qkv: &Tensor,
    batch: usize,
    seq: usize,
    heads: usize,
) -> Result<(Tensor, AttentionSaved)> {
    let w = qkv.dim(1)? / 3;
    let hd = w / heads;
    // [b, t, 3, h, hd] is a view of the packed rows: each part is one copy into [b, h, t, hd].
    let x = qkv.reshape((batch, seq, 3, heads, hd))?;
    let split = |i: usize| -> Result<Tensor> {
        x.narrow(2, i, 1)?.squeeze(2)?.transpose(1, 2)?.contiguous()
    };
    let (q, k, v) = (split(0)?, split(1)?, split(2)?);
    let scale = (1.0 / (hd as f64).sqrt()) as f32;
    let p = crate::lora::ops::causal_softmax(&q.matmul(&k.t()?)?, scale as f64, 0)?;
    let y = p
        .matmul(&v)?
        .transpose(1, 2)?
        .reshape((batch * seq, w))?
        .contiguous()?;
    let saved = AttentionSaved {
        p,
        q,
        k,
        v,
        scale,
        seq,
        heads,
    };
    Ok((y, saved))
}

/// What [`attention_fwd`]'s backward needs: the probabilities and q, k, v as [b, h, t, hd].
pub(crate) struct AttentionSaved {
    p: Tensor,
    q: Tensor,
    k: Tensor,
    v: Tensor,
    scale: f32,
    seq: usize,
    heads: usize,
}

impl AttentionSaved {
    /// The gradient of the packed q|k|v rows [B*T, 3W] for the output's gradient `grad`.
    pub(crate) fn bwd(&self, grad: &Tensor) -> Result<Tensor> {
        let (b, _, t, hd) = self.q.dims4()?;
        let w = self.heads * hd;
        let g = grad
            .detach()
            .reshape((b, t, self.heads, hd))?
            .transpose(1, 2)?
            .contiguous()?;
        let dv = self.p.t()?.matmul(&g)?;
        let dp = g.matmul(&self.v.t()?)?;
        let ds = crate::lora::ops::causal_softmax_grad(&self.p, &dp, self.scale, 0, self.seq)?;
        let dq = ds.matmul(&self.k)?;
        let dk = ds.t()?.matmul(&self.q)?;
        let rows = |d: Tensor| d.transpose(1, 2)?.reshape((b * t, w));
        Tensor::cat(&[rows(dq)?, rows(dk)?, rows(dv)?], 1)
    }
}

/// [`attention_node`]'s output until its forward runs, and what its backward needs.
struct AttentionNode {
    /// The output, until the node's forward hands it over (the graph keeps the node).
    y: std::sync::Mutex<Option<Tensor>>,
    saved: AttentionSaved,
}

impl AttentionNode {
    /// The forward's output as a fresh storage of the op's own.
    fn output<S>(&self, pick: impl Fn(Storage) -> Option<S>) -> Result<(S, Shape)> {
        let taken = self.y.lock().map(|mut y| y.take());
        let Ok(Some(y)) = taken else {
            bail!("attention: the node's forward ran twice");
        };
        let (storage, layout) = y.storage_and_layout();
        match pick(storage.try_clone(layout)?) {
            Some(s) => Ok((s, y.shape().clone())),
            None => bail!("attention: the output is on another device"),
        }
    }
}

impl CustomOp1 for AttentionNode {
    fn name(&self) -> &'static str {
        "cohort-attention-node"
    }

    fn cpu_fwd(&self, _: &CpuStorage, _: &Layout) -> Result<(CpuStorage, Shape)> {
        self.output(|s| match s {
            Storage::Cpu(c) => Some(c),
            _ => None,
        })
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        _: &candle_core::CudaStorage,
        _: &Layout,
    ) -> Result<(candle_core::CudaStorage, Shape)> {
        self.output(|s| match s {
            Storage::Cuda(c) => Some(c),
            _ => None,
        })
    }

    fn bwd(&self, _arg: &Tensor, _res: &Tensor, grad: &Tensor) -> Result<Option<Tensor>> {
        Ok(Some(self.saved.bwd(grad)?))
    }
}

// ---------------------------------------------------------------------------------------------
// The entry points: fused on the CPU, reference (candle ops) elsewhere or when asked.

/// Which implementation the model uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernels {
    /// The fused CPU kernels above.
    Fused,
    /// On a GPU: the same ops for the layer norm, bias+GELU and the loss, as CUDA kernels
    /// (`trainer::cuda`, forward and backward); attention as one node of the graph over candle's
    /// ops ([`attention_node`]). Any device runs it (the tests compare it on the CPU).
    Device,
    /// Compositions of candle's differentiable ops (any device).
    Reference,
}

impl Kernels {
    pub fn for_device(dev: &candle_core::Device) -> Kernels {
        if dev.is_cpu() {
            Kernels::Fused
        } else if dev.is_cuda() {
            Kernels::Device
        } else {
            Kernels::Reference
        }
    }

    /// Layer norm of `x` over its last dimension.
    pub fn layer_norm(self, x: &Tensor, g: &Tensor, b: &Tensor) -> Result<Tensor> {
        match self {
            Kernels::Fused | Kernels::Device => x.contiguous()?.apply_op3(g, b, LayerNorm),
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
            Kernels::Device => attention_node(qkv, batch, seq, heads),
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
                let scale = 1.0 / (hd as f64).sqrt();
                if qkv.device().is_cuda() {
                    // On a GPU the scale, the mask and the softmax are one kernel (the LoRA
                    // trainer's), with its backward from primitives.
                    let att = crate::lora::ops::causal_softmax(&q.matmul(&k.t()?)?, scale, 0)?;
                    return att.matmul(&v)?.transpose(1, 2)?.reshape((batch * seq, w));
                }
                let att = (q.matmul(&k.t()?)? * scale)?;
                let mask: Vec<f32> = (0..seq * seq)
                    .map(|i| {
                        if i % seq > i / seq {
                            f32::NEG_INFINITY
                        } else {
                            0.0
                        }
                    })
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
            Kernels::Fused | Kernels::Device => x.contiguous()?.apply_op2(bias, BiasGelu),
            Kernels::Reference => x.broadcast_add(bias)?.gelu(),
        }
    }

    /// Mean cross-entropy of `logits` `[N, V]` against u32 `targets` `[N]`.
    pub fn cross_entropy(self, logits: &Tensor, targets: &Tensor) -> Result<Tensor> {
        match self {
            Kernels::Fused | Kernels::Device => {
                logits.contiguous()?.apply_op2(targets, CrossEntropy)
            }
            Kernels::Reference => candle_nn::loss::cross_entropy(logits, targets),
        }
    }
}
