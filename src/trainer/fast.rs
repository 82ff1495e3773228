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
//! ([`k::block_sum`]) or in row order, and the groups of sequences a batch is cut into (a
//! function of its shape) add their gradients in group order. The test
//! `trainer::the_fast_step_matches_candles_graph` checks the gradients against the candle path,
//! fused and reference.

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
    x_mid: Vec<f32>,
    h2: Vec<f32>,
    fc: Vec<f32>,
    gelu: Vec<f32>,
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
fn masked(x: &[f32], mask: Option<&[f32]>) -> Vec<f32> {
    match mask {
        Some(m) => x.iter().zip(m).map(|(a, b)| a * b).collect(),
        None => x.to_vec(),
    }
}

/// Rows of a group of sequences: the batch is cut into groups of whole sequences of about this
/// many rows (at most [`MAX_GROUPS`] groups), each group's pass runs on its own, and their
/// gradients are added in group order.
pub const GROUP_ROWS: usize = 512;
/// The most groups a batch is cut into: each holds a gradient of every parameter until the sum.
pub const MAX_GROUPS: usize = 8;

/// Sequences per group for `batch` sequences of `seq` tokens: a function of the shape alone, so
/// the sums, and the bits, do not depend on the thread count.
pub fn group_sequences(batch: usize, seq: usize) -> usize {
    (GROUP_ROWS / seq.max(1))
        .max(1)
        .max(batch.div_ceil(MAX_GROUPS))
        .min(batch.max(1))
}

/// Mean cross-entropy of predicting `targets` from `inputs` (`batch` rows of `seq` tokens) and
/// the gradient of every parameter, in name order. `dropout` as in [`Model::loss`].
///
/// The batch runs as groups of whole sequences ([`group_sequences`]) in parallel: nothing in a
/// block mixes sequences, so each group's forward and backward pass is independent, and a
/// thread spends a whole pass in one group instead of meeting the others at every op (on the
/// tiny shape, two threads ran no faster than one that way).
pub fn loss_and_grads(
    model: &Model,
    host: &Host,
    inputs: &[u32],
    targets: &[u32],
    batch: usize,
    dropout: Option<&mut Stream>,
) -> (f32, Vec<Vec<f32>>) {
    let per = group_sequences(batch, inputs.len() / batch.max(1));
    loss_and_grads_in_groups(model, host, inputs, targets, batch, per, dropout)
}

/// [`loss_and_grads`] with `per` sequences in each group (the last may have fewer).
pub fn loss_and_grads_in_groups(
    model: &Model,
    host: &Host,
    inputs: &[u32],
    targets: &[u32],
    batch: usize,
    per: usize,
    mut dropout: Option<&mut Stream>,
) -> (f32, Vec<Vec<f32>>) {
    use rayon::prelude::*;
    let c = &model.config;
    let (d, n) = (c.width, inputs.len());
    let seq = n / batch;
    let p = c.dropout;
    // The masks of the whole batch, drawn in the order of one pass over it: the embeddings',
    // then each block's attention and MLP output.
    let mut draw = |len: usize| {
        dropout
            .as_deref_mut()
            .and_then(|rng| dropout_mask(rng, len, p))
    };
    let drop_emb = draw(n * d);
    let drops: Vec<[Option<Vec<f32>>; 2]> =
        (0..c.layers).map(|_| [draw(n * d), draw(n * d)]).collect();
    let per = per.clamp(1, batch.max(1));
    let groups: Vec<(usize, usize)> = (0..batch)
        .step_by(per)
        .map(|s| (s * seq, (s + per).min(batch) * seq))
        .collect();
    let scale = 1.0 / n as f32;
    let parts: Vec<(Vec<f32>, Vec<Vec<f32>>)> = groups
        .par_iter()
        .with_max_len(1)
        .map(|&(r0, r1)| {
            fn rows(m: &Option<Vec<f32>>, a: usize, b: usize) -> Option<&[f32]> {
                m.as_ref().map(|m| &m[a..b])
            }
            let rows = |m| rows(m, r0 * d, r1 * d);
            let masks = Masks {
                emb: rows(&drop_emb),
                blocks: drops.iter().map(|[a, m]| [rows(a), rows(m)]).collect(),
            };
            let g = Group {
                inputs: &inputs[r0..r1],
                targets: &targets[r0..r1],
                seq,
                scale,
            };
            group_pass(model, host, g, &masks)
        })
        .collect();
    let mut parts = parts.into_iter();
    let (mut losses, mut grads) = parts.next().unwrap_or_default();
    for (l, g) in parts {
        losses.extend(l);
        for (s, g) in grads.iter_mut().zip(&g) {
            add_into(s, g);
        }
    }
    let loss = (losses.iter().map(|&l| l as f64).sum::<f64>() / n as f64) as f32;
    (loss, grads)
}

/// One group's rows of the dropout masks.
struct Masks<'a> {
    emb: Option<&'a [f32]>,
    /// Per block: the attention output's and the MLP output's.
    blocks: Vec<[Option<&'a [f32]>; 2]>,
}

/// One group of whole sequences, and the gradient of the whole batch's mean loss per row loss.
#[derive(Clone, Copy)]
struct Group<'a> {
    inputs: &'a [u32],
    targets: &'a [u32],
    seq: usize,
    scale: f32,
}

/// One group's forward and backward pass: its rows' losses, and its share of every parameter's
/// gradient (of the whole batch's mean loss).
fn group_pass(model: &Model, host: &Host, g: Group, masks: &Masks) -> (Vec<f32>, Vec<Vec<f32>>) {
    let c = &model.config;
    let (inputs, targets, seq) = (g.inputs, g.targets, g.seq);
    let (d, n) = (c.width, inputs.len());
    let shape = k::AttentionShape {
        batch: n / seq,
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
    if let Some(m) = masks.emb {
        x = masked(&x, Some(m));
    }
    let mut saved = Vec::with_capacity(c.layers);
    for i in 0..c.layers {
        let w = |s: &str| host.get(&name(i, s));
        let [drop_att, drop_mlp] = masks.blocks[i];
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
        let mut x_mid = masked(&o, drop_att);
        add_into(&mut x_mid, &x);
        let h2 = k::layer_norm_fwd(&x_mid, w("ln2.weight"), w("ln2.bias"), d);
        let fc = linear(&h2, w("mlp.fc.weight"), None, n, 4 * d);
        let gelu = k::bias_gelu_fwd(&fc, w("mlp.fc.bias"), 4 * d);
        let m = linear(&gelu, w("mlp.proj.weight"), Some(w("mlp.proj.bias")), n, d);
        let mut x_out = masked(&m, drop_mlp);
        add_into(&mut x_out, &x_mid);
        let x_in = std::mem::replace(&mut x, x_out);
        saved.push(Saved {
            x_in,
            h1,
            qkv,
            att,
            probs,
            x_mid,
            h2,
            fc,
            gelu,
        });
    }
    let hf = k::layer_norm_fwd(&x, host.get("ln_f.weight"), host.get("ln_f.bias"), d);
    let logits = linear(&hf, tok, None, n, VOCAB);
    let losses = k::cross_entropy_rows(&logits, targets, VOCAB);

    // Backward.
    let mut grads: Vec<Vec<f32>> = host.values.iter().map(|v| vec![0f32; v.len()]).collect();
    let gi = |s: &str| host.index(s);
    let dlogits = k::cross_entropy_bwd_scaled(&logits, targets, VOCAB, g.scale);
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
        let [drop_att, drop_mlp] = masks.blocks[i];
        // x_out = x_mid + drop(gelu(h2 W_fcᵀ + b_fc) W_projᵀ + b_proj)
        let dm = masked(&dx, drop_mlp);
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
        let dout = masked(&dx, drop_att);
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
    let dx0 = masked(&dx, masks.emb);
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
    (losses, grads)
}
