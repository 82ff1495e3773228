//! The builtin model's loss and gradients on a GPU without an autograd graph: the ops of
//! [`Model::logits`] with [`Kernels::Device`] (the trainer's CUDA kernels and candle's matrix
//! products), called on detached tensors, and a hand-written backward pass over them.
//!
//! Why: on the small spec a GPU step is bounded by kernel launches and host work, not by
//! arithmetic. candle's graph adds, in backward, a zero tensor and a sum for every input of
//! every op, the sums of broadcast biases through their views, and the walk of the graph. Here
//! every gradient is computed once where it is produced: a weight's as one product, a bias's as
//! one column sum, the residual stream's as one addition per branch. The CPU has its own
//! graph-free pass over host slices ([`super::fast`]).
//!
//! Any device runs it: the test `trainer::the_direct_step_matches_candles_graph` compares it on
//! the CPU with candle's graph over the same kernels and with candle's reference ops, with and
//! without dropout; on a GPU, `builtin_direct_step_matches_the_graph_and_repeats_bit_for_bit`.

use std::collections::BTreeMap;

use candle_core::{DType, Result, Tensor};

use super::model::{Model, dropout_mask, linear};
use super::ops::{self, AttentionSaved, Kernels};
use super::rng::Stream;
use super::timings::{self, PhaseTimer};

/// A dropout mask as applied in forward, to apply again to the gradient in backward.
enum Mask {
    /// No dropout (p is 0, or no stream: evaluation).
    None,
    /// The mask as a tensor (drawn on the host).
    Kept(Tensor),
    /// Drawn on the GPU by a kernel, and drawn again in backward.
    #[cfg(feature = "cuda")]
    Device(super::cuda::Dropout),
}

impl Mask {
    /// `x` times the next mask of `rng` (the masks [`Model::logits`] draws, in its order).
    fn draw(x: Tensor, p: f64, rng: Option<&mut Stream>) -> Result<(Tensor, Mask)> {
        let Some(rng) = rng.filter(|_| p > 0.0) else {
            return Ok((x, Mask::None));
        };
        #[cfg(feature = "cuda")]
        if x.device().is_cuda()
            && let Some(op) = super::cuda::Dropout::next(p, rng, x.elem_count())
        {
            return Ok((op.apply(&x)?, Mask::Device(op)));
        }
        let Some(mask) = dropout_mask(rng, x.elem_count(), p) else {
            return Ok((x, Mask::None));
        };
        let mask = Tensor::from_vec(mask, x.shape(), x.device())?.to_dtype(x.dtype())?;
        Ok(((&x * &mask)?, Mask::Kept(mask)))
    }

    /// The gradient through the mask.
    fn apply(&self, g: Tensor) -> Result<Tensor> {
        match self {
            Mask::None => Ok(g),
            Mask::Kept(m) => g * m,
            #[cfg(feature = "cuda")]
            Mask::Device(op) => op.apply(&g),
        }
    }
}

/// What one block keeps from its forward pass for its backward pass.
struct Saved {
    x_in: Tensor,
    h1: Tensor,
    att: AttentionSaved,
    a: Tensor,
    m1: Mask,
    x_mid: Tensor,
    h2: Tensor,
    fc: Tensor,
    gelu: Tensor,
    m2: Mask,
}

/// `y = x Wᵀ + b`'s backward for the output's gradient `g`: (dx, dW, db).
fn linear_bwd(g: &Tensor, x: &Tensor, w: &Tensor) -> Result<(Tensor, Tensor, Tensor)> {
    Ok((g.matmul(w)?, g.t()?.matmul(x)?, ops::column_sums(g)?))
}

/// The mean cross-entropy of predicting `targets` from `inputs` (`batch` rows of equal length
/// ≤ context), as a scalar tensor, and every parameter's gradient in name order (the order of
/// [`Model::params`]). `dropout` is the stream of the masks (training) or None. `prof`, where
/// given, times each kind of op ([`timings`]).
pub fn loss_and_grads(
    model: &Model,
    inputs: &[u32],
    targets: &[u32],
    batch: usize,
    mut dropout: Option<&mut Stream>,
    mut prof: Option<&mut PhaseTimer>,
) -> Result<(Tensor, Vec<Tensor>)> {
    let mut mark = |phase: &'static str| timings::mark(&mut prof, phase);
    let c = &model.config;
    let kn = Kernels::Device;
    let dev = &model.device;
    let (seq, d, p) = (inputs.len() / batch, c.width, c.dropout);
    let n = batch * seq;
    let w: BTreeMap<&str, Tensor> = model
        .params
        .iter()
        .map(|(name, v)| (name.as_str(), v.as_tensor().detach()))
        .collect();
    let pw = |name: &str| -> &Tensor { &w[name] };
    let bw = |i: usize, s: &str| -> &Tensor { &w[format!("blocks.{i}.{s}").as_str()] };

    let ids = Tensor::from_slice(inputs, n, dev)?;
    let targets = Tensor::from_slice(targets, n, dev)?;
    let classes = Tensor::arange(0u32, super::config::VOCAB as u32, dev)?;
    mark("upload")?;

    // Forward, keeping what backward needs.
    let tok = pw("tok_emb");
    let x = tok
        .embedding(&ids)?
        .reshape((batch, seq, d))?
        .broadcast_add(&pw("pos_emb").narrow(0, 0, seq)?)?
        .reshape((n, d))?;
    mark("embedding")?;
    let (mut x, m0) = Mask::draw(x, p, dropout.as_deref_mut())?;
    mark("dropout")?;
    let mut blocks = Vec::with_capacity(c.layers);
    for i in 0..c.layers {
        let h1 = kn.layer_norm(&x, bw(i, "ln1.weight"), bw(i, "ln1.bias"))?;
        mark("layer norm")?;
        let qkv = linear(&h1, bw(i, "attn.qkv.weight"), Some(bw(i, "attn.qkv.bias")))?;
        mark("linear")?;
        let (a, att) = ops::attention_fwd(&qkv, batch, seq, c.heads)?;
        mark("attention")?;
        let o = linear(&a, bw(i, "attn.proj.weight"), Some(bw(i, "attn.proj.bias")))?;
        mark("linear")?;
        let (o, m1) = Mask::draw(o, p, dropout.as_deref_mut())?;
        mark("dropout")?;
        let x_mid = (&x + o)?;
        mark("residual")?;
        let h2 = kn.layer_norm(&x_mid, bw(i, "ln2.weight"), bw(i, "ln2.bias"))?;
        mark("layer norm")?;
        let fc = linear(&h2, bw(i, "mlp.fc.weight"), None)?;
        mark("linear")?;
        let gelu = kn.bias_gelu(&fc, bw(i, "mlp.fc.bias"))?;
        mark("bias + GELU")?;
        let o = linear(
            &gelu,
            bw(i, "mlp.proj.weight"),
            Some(bw(i, "mlp.proj.bias")),
        )?;
        mark("linear")?;
        let (o, m2) = Mask::draw(o, p, dropout.as_deref_mut())?;
        mark("dropout")?;
        let x_out = (&x_mid + o)?;
        mark("residual")?;
        blocks.push(Saved {
            x_in: x,
            h1,
            att,
            a,
            m1,
            x_mid,
            h2,
            fc,
            gelu,
            m2,
        });
        x = x_out;
    }
    let hf = kn.layer_norm(&x, pw("ln_f.weight"), pw("ln_f.bias"))?;
    mark("layer norm")?;
    let logits = hf.matmul(&tok.t()?)?;
    mark("head")?;
    let loss = kn.cross_entropy(&logits, &targets)?;
    mark("loss")?;

    // Backward.
    let mut g: BTreeMap<String, Tensor> = BTreeMap::new();
    let mut put = |name: String, t: Tensor| g.insert(name, t);
    let one = Tensor::ones((), DType::F32, dev)?;
    let dlogits = ops::cross_entropy_bwd(&logits, &targets, &one)?;
    drop(logits);
    mark("loss backward")?;
    let dtok = dlogits.t()?.matmul(&hf)?;
    let dhf = dlogits.matmul(tok)?;
    drop(dlogits);
    mark("head backward")?;
    let (mut dx, dg, db) = ops::layer_norm_bwd(&x, pw("ln_f.weight"), &dhf)?;
    mark("layer norm backward")?;
    put("ln_f.weight".into(), dg);
    put("ln_f.bias".into(), db);
    for (i, s) in blocks.into_iter().enumerate().rev() {
        let name = |s: &str| format!("blocks.{i}.{s}");
        // The MLP branch.
        let dm = s.m2.apply(dx.clone())?;
        mark("dropout backward")?;
        let (dgelu, dw, db) = linear_bwd(&dm, &s.gelu, bw(i, "mlp.proj.weight"))?;
        put(name("mlp.proj.weight"), dw);
        put(name("mlp.proj.bias"), db);
        mark("linear backward")?;
        let (dfc, db) = ops::bias_gelu_bwd(&s.fc, bw(i, "mlp.fc.bias"), &dgelu)?;
        put(name("mlp.fc.bias"), db);
        mark("bias + GELU backward")?;
        let dh2 = dfc.matmul(bw(i, "mlp.fc.weight"))?;
        put(name("mlp.fc.weight"), dfc.t()?.matmul(&s.h2)?);
        mark("linear backward")?;
        let (dxm, dg, db) = ops::layer_norm_bwd(&s.x_mid, bw(i, "ln2.weight"), &dh2)?;
        put(name("ln2.weight"), dg);
        put(name("ln2.bias"), db);
        mark("layer norm backward")?;
        let dx_mid = (dx + dxm)?;
        mark("residual backward")?;
        // The attention branch.
        let da = s.m1.apply(dx_mid.clone())?;
        mark("dropout backward")?;
        let (da, dw, db) = linear_bwd(&da, &s.a, bw(i, "attn.proj.weight"))?;
        put(name("attn.proj.weight"), dw);
        put(name("attn.proj.bias"), db);
        mark("linear backward")?;
        let dqkv = s.att.bwd(&da)?;
        mark("attention backward")?;
        let (dh1, dw, db) = linear_bwd(&dqkv, &s.h1, bw(i, "attn.qkv.weight"))?;
        put(name("attn.qkv.weight"), dw);
        put(name("attn.qkv.bias"), db);
        mark("linear backward")?;
        let (dx1, dg, db) = ops::layer_norm_bwd(&s.x_in, bw(i, "ln1.weight"), &dh1)?;
        put(name("ln1.weight"), dg);
        put(name("ln1.bias"), db);
        mark("layer norm backward")?;
        dx = (dx_mid + dx1)?;
        mark("residual backward")?;
    }
    let dx = m0.apply(dx)?;
    mark("dropout backward")?;
    // Positions: the sum over the batch; the rows past `seq` had no use.
    let mut dpos = ops::column_sums(&dx.reshape((batch, seq * d))?)?.reshape((seq, d))?;
    if seq < c.context {
        let rest = Tensor::zeros((c.context - seq, d), dpos.dtype(), dev)?;
        dpos = Tensor::cat(&[&dpos, &rest], 0)?;
    }
    put("pos_emb".into(), dpos);
    // The tied embedding: the head's product plus each input row's gradient at its token, as
    // one product with the inputs' one-hot rows (candle's `index_add` on a GPU runs one thread
    // per column through every row in turn: milliseconds a step).
    let onehot = ids
        .unsqueeze(1)?
        .broadcast_eq(&classes.unsqueeze(0)?)?
        .to_dtype(dx.dtype())?;
    put("tok_emb".into(), (dtok + onehot.t()?.matmul(&dx)?)?);
    mark("embedding backward")?;
    let grads = model
        .params
        .keys()
        .map(|name| match g.remove(name) {
            Some(t) => Ok(t),
            None => candle_core::bail!("the direct pass gave no gradient for {name}"),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((loss, grads))
}
