//! The builtin model's loss and gradients on the CPU in one hand-written forward and backward
//! pass, without an autograd graph.
//!
//! The model is [`Model::logits`]' (the same ops, the same fused kernels from `cohort-kernels`,
//! the same dropout masks drawn in the same order), but every matrix product goes straight to
//! gemm with its bias added in place, every bias and embedding gradient is summed where it is
//! produced, and nothing builds or walks a graph of tensors. On the tiny spec candle's graph
//! (an allocation, a dispatch and a gradient accumulation per op) cost more than the products.
//!
//! Determinism is the kernels': products are gemm's (a fixed order per element whatever the
//! thread count), row kernels work on one row per thread, sums across rows run in fixed blocks
//! ([`k::block_sum`]) or in row order. The test `trainer::the_fast_step_matches_candles_graph`
//! checks the gradients against the candle path, fused and reference.

use super::config::VOCAB;
use super::model::{Model, ce, dropout_mask};
use super::ops::mm;
use super::rng::Stream;
use crate::error::Result;
use cohort_kernels as k;

/// The model's parameters as host copies, in name order (the order of [`Model::params`]).
pub struct Host {
    names: Vec<String>,
    pub values: Vec<Vec<f32>>,
}

impl Host {
    pub fn of(model: &Model) -> Result<Host> {
        let mut names = Vec::with_capacity(model.params.len());
        let mut values = Vec::with_capacity(model.params.len());
        for (name, var) in &model.params {
            let v = super::ops::with_f32(var.as_tensor(), |x| x.to_vec()).map_err(ce)?;
            names.push(name.clone());
            values.push(v);
        }
        Ok(Host { names, values })
    }

    fn index(&self, name: &str) -> usize {
        self.names
            .binary_search_by(|n| n.as_str().cmp(name))
            .unwrap_or_else(|_| panic!("parameter {name} exists"))
    }

    fn get(&self, name: &str) -> &[f32] {
        &self.values[self.index(name)]
    }
}

/// What one block keeps from its forward pass for its backward pass.
struct Saved {
    x_in: Vec<f32>,
    h1: Vec<f32>,
    qkv: Vec<f32>,
    att: Vec<f32>,
    probs: Vec<f32>,
    drop_att: Option<Vec<f32>>,
    x_mid: Vec<f32>,
    h2: Vec<f32>,
    fc: Vec<f32>,
    gelu: Vec<f32>,
    drop_mlp: Option<Vec<f32>>,
}

/// `y [rows, out] = x [rows, in] Wᵀ + b`.
fn linear(x: &[f32], w: &[f32], b: Option<&[f32]>, rows: usize, out: usize) -> Vec<f32> {
    let inp = x.len() / rows;
    let mut y = vec![0f32; rows * out];
    let acc = match b {
        Some(b) => {
            for r in y.chunks_exact_mut(out) {
                r.copy_from_slice(b);
            }
            true
        }
        None => false,
    };
    mm(&mut y, (rows, out, inp), x, false, w, true, 1.0, acc);
    y
}

/// The backward pass of [`linear`] for `dy [rows, out]`: adds `dyᵀ x` to `dw`, returns `dy W`
/// (`[rows, in]`) and, when asked, the bias gradient (column sums of `dy`).
fn linear_bwd(
    dy: &[f32],
    x: &[f32],
    w: &[f32],
    dw: &mut [f32],
    rows: usize,
    out: usize,
    bias: bool,
) -> (Vec<f32>, Option<Vec<f32>>) {
    let inp = x.len() / rows;
    mm(dw, (out, inp, rows), dy, true, x, false, 1.0, true);
    let mut dx = vec![0f32; rows * inp];
    mm(&mut dx, (rows, inp, out), dy, false, w, false, 1.0, false);
    let db = bias.then(|| column_sums(dy, rows, out));
    (dx, db)
}

fn column_sums(y: &[f32], rows: usize, width: usize) -> Vec<f32> {
    k::block_sum(rows, width, |r, acc| {
        for (a, v) in acc.iter_mut().zip(&y[r * width..(r + 1) * width]) {
            *a += v;
        }
    })
}

fn add_into(dst: &mut [f32], src: &[f32]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d += s;
    }
}

/// `x ⊙ mask`, or `x` when there is no mask.
fn masked(x: &[f32], mask: Option<&Vec<f32>>) -> Vec<f32> {
    match mask {
        Some(m) => x.iter().zip(m).map(|(a, b)| a * b).collect(),
        None => x.to_vec(),
    }
}

/// Mean cross-entropy of predicting `targets` from `inputs` (`batch` rows of `seq` tokens) and
/// the gradient of every parameter, in name order. `dropout` as in [`Model::loss`].
pub fn loss_and_grads(
    model: &Model,
    host: &Host,
    inputs: &[u32],
    targets: &[u32],
    batch: usize,
    mut dropout: Option<&mut Stream>,
) -> (f32, Vec<Vec<f32>>) {
    let c = &model.config;
    let (d, n) = (c.width, inputs.len());
    let seq = n / batch;
    let p = c.dropout;
    let mut draw = |len: usize| {
        dropout
            .as_deref_mut()
            .and_then(|rng| dropout_mask(rng, len, p))
    };
    let shape = k::AttentionShape {
        batch,
        seq,
        heads: c.heads,
        width: d,
    };
    let name = |i: usize, s: &str| format!("blocks.{i}.{s}");

    // Forward.
    let (tok, pos) = (host.get("tok_emb"), host.get("pos_emb"));
    let mut x = vec![0f32; n * d];
    for (r, row) in x.chunks_exact_mut(d).enumerate() {
        let (t, id) = (r % seq, inputs[r] as usize);
        for ((o, a), b) in row
            .iter_mut()
            .zip(&tok[id * d..(id + 1) * d])
            .zip(&pos[t * d..(t + 1) * d])
        {
            *o = a + b;
        }
    }
    let drop_emb = draw(n * d);
    if let Some(m) = &drop_emb {
        x = masked(&x, Some(m));
    }
    let mut saved = Vec::with_capacity(c.layers);
    for i in 0..c.layers {
        let w = |s: &str| host.get(&name(i, s));
        let h1 = k::layer_norm_fwd(&x, w("ln1.weight"), w("ln1.bias"), d);
        let qkv = linear(
            &h1,
            w("attn.qkv.weight"),
            Some(w("attn.qkv.bias")),
            n,
            3 * d,
        );
        let (att, probs) = k::attention_fwd_probs(&qkv, shape);
        let o = linear(&att, w("attn.proj.weight"), Some(w("attn.proj.bias")), n, d);
        let drop_att = draw(n * d);
        let mut x_mid = masked(&o, drop_att.as_ref());
        add_into(&mut x_mid, &x);
        let h2 = k::layer_norm_fwd(&x_mid, w("ln2.weight"), w("ln2.bias"), d);
        let fc = linear(&h2, w("mlp.fc.weight"), None, n, 4 * d);
        let gelu = k::bias_gelu_fwd(&fc, w("mlp.fc.bias"), 4 * d);
        let m = linear(&gelu, w("mlp.proj.weight"), Some(w("mlp.proj.bias")), n, d);
        let drop_mlp = draw(n * d);
        let mut x_out = masked(&m, drop_mlp.as_ref());
        add_into(&mut x_out, &x_mid);
        let x_in = std::mem::replace(&mut x, x_out);
        saved.push(Saved {
            x_in,
            h1,
            qkv,
            att,
            probs,
            drop_att,
            x_mid,
            h2,
            fc,
            gelu,
            drop_mlp,
        });
    }
    let hf = k::layer_norm_fwd(&x, host.get("ln_f.weight"), host.get("ln_f.bias"), d);
    let logits = linear(&hf, tok, None, n, VOCAB);
    let loss = k::cross_entropy_fwd(&logits, targets, VOCAB);

    // Backward.
    let mut grads: Vec<Vec<f32>> = host.values.iter().map(|v| vec![0f32; v.len()]).collect();
    let gi = |s: &str| host.index(s);
    let dlogits = k::cross_entropy_bwd(&logits, targets, VOCAB, 1.0);
    let (dhf, _) = linear_bwd(
        &dlogits,
        &hf,
        tok,
        &mut grads[gi("tok_emb")],
        n,
        VOCAB,
        false,
    );
    let (mut dx, dg, db) = k::layer_norm_bwd(&x, host.get("ln_f.weight"), &dhf, d);
    grads[gi("ln_f.weight")] = dg;
    grads[gi("ln_f.bias")] = db;
    for i in (0..c.layers).rev() {
        let s = &saved[i];
        let w = |t: &str| host.get(&name(i, t));
        // x_out = x_mid + drop(gelu(h2 W_fcᵀ + b_fc) W_projᵀ + b_proj)
        let dm = masked(&dx, s.drop_mlp.as_ref());
        let (dgelu, db) = linear_bwd(
            &dm,
            &s.gelu,
            w("mlp.proj.weight"),
            &mut grads[gi(&name(i, "mlp.proj.weight"))],
            n,
            d,
            true,
        );
        grads[gi(&name(i, "mlp.proj.bias"))] = db.expect("asked");
        let (dfc, dbfc) = k::bias_gelu_bwd(&s.fc, w("mlp.fc.bias"), &dgelu, 4 * d);
        grads[gi(&name(i, "mlp.fc.bias"))] = dbfc;
        let (dh2, _) = linear_bwd(
            &dfc,
            &s.h2,
            w("mlp.fc.weight"),
            &mut grads[gi(&name(i, "mlp.fc.weight"))],
            n,
            4 * d,
            false,
        );
        let (dxm, dg, db) = k::layer_norm_bwd(&s.x_mid, w("ln2.weight"), &dh2, d);
        grads[gi(&name(i, "ln2.weight"))] = dg;
        grads[gi(&name(i, "ln2.bias"))] = db;
        add_into(&mut dx, &dxm);
        // x_mid = x_in + drop(attention(h1 W_qkvᵀ + b_qkv) W_oᵀ + b_o)
        let dout = masked(&dx, s.drop_att.as_ref());
        let (datt, db) = linear_bwd(
            &dout,
            &s.att,
            w("attn.proj.weight"),
            &mut grads[gi(&name(i, "attn.proj.weight"))],
            n,
            d,
            true,
        );
        grads[gi(&name(i, "attn.proj.bias"))] = db.expect("asked");
        let dqkv = k::attention_bwd_probs(&s.qkv, &s.probs, &datt, shape);
        let (dh1, db) = linear_bwd(
            &dqkv,
            &s.h1,
            w("attn.qkv.weight"),
            &mut grads[gi(&name(i, "attn.qkv.weight"))],
            n,
            3 * d,
            true,
        );
        grads[gi(&name(i, "attn.qkv.bias"))] = db.expect("asked");
        let (dxi, dg, db) = k::layer_norm_bwd(&s.x_in, w("ln1.weight"), &dh1, d);
        grads[gi(&name(i, "ln1.weight"))] = dg;
        grads[gi(&name(i, "ln1.bias"))] = db;
        add_into(&mut dx, &dxi);
    }
    let dx0 = masked(&dx, drop_emb.as_ref());
    {
        let dtok = &mut grads[gi("tok_emb")];
        for (r, row) in dx0.chunks_exact(d).enumerate() {
            let id = inputs[r] as usize;
            add_into(&mut dtok[id * d..(id + 1) * d], row);
        }
    }
    let dpos = &mut grads[gi("pos_emb")];
    for (r, row) in dx0.chunks_exact(d).enumerate() {
        let t = r % seq;
        add_into(&mut dpos[t * d..(t + 1) * d], row);
    }
    (loss, grads)
}
