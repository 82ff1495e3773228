//! The byte-level decoder-only transformer (GPT-2 style, pre-norm, tied input/output
//! embedding). Parameters live in a name-sorted map so every walk over them has one order.

use std::collections::BTreeMap;

use candle_core::{DType, Device, Tensor, Var};
use rayon::prelude::*;

use super::config::{ModelConfig, VOCAB};
use super::ops::Kernels;
use super::rng::Stream;
use crate::error::{Error, Result};

/// Maps a candle error into the core error type.
pub(crate) fn ce(e: candle_core::Error) -> Error {
    Error::failed("trainer.compute", format!("tensor computation failed: {e}"))
}

/// The model: its config and its parameters by name.
pub struct Model {
    pub config: ModelConfig,
    pub params: BTreeMap<String, Var>,
    pub device: Device,
    pub kernels: Kernels,
}

/// Parameter names and shapes, in sorted order, with how each is initialized.
pub fn parameter_shapes(c: &ModelConfig) -> BTreeMap<String, (Vec<usize>, Init)> {
    let d = c.width;
    let proj_std = 0.02 / (2.0 * c.layers as f64).sqrt();
    let mut m = BTreeMap::new();
    m.insert("tok_emb".into(), (vec![VOCAB, d], Init::Normal(0.02)));
    m.insert("pos_emb".into(), (vec![c.context, d], Init::Normal(0.01)));
    m.insert("ln_f.weight".into(), (vec![d], Init::Ones));
    m.insert("ln_f.bias".into(), (vec![d], Init::Zeros));
    for i in 0..c.layers {
        let p = |s: &str| format!("blocks.{i}.{s}");
        m.insert(p("ln1.weight"), (vec![d], Init::Ones));
        m.insert(p("ln1.bias"), (vec![d], Init::Zeros));
        m.insert(p("attn.qkv.weight"), (vec![3 * d, d], Init::Normal(0.02)));
        m.insert(p("attn.qkv.bias"), (vec![3 * d], Init::Zeros));
        m.insert(p("attn.proj.weight"), (vec![d, d], Init::Normal(proj_std)));
        m.insert(p("attn.proj.bias"), (vec![d], Init::Zeros));
        m.insert(p("ln2.weight"), (vec![d], Init::Ones));
        m.insert(p("ln2.bias"), (vec![d], Init::Zeros));
        m.insert(p("mlp.fc.weight"), (vec![4 * d, d], Init::Normal(0.02)));
        m.insert(p("mlp.fc.bias"), (vec![4 * d], Init::Zeros));
        m.insert(
            p("mlp.proj.weight"),
            (vec![d, 4 * d], Init::Normal(proj_std)),
        );
        m.insert(p("mlp.proj.bias"), (vec![d], Init::Zeros));
    }
    m
}

/// How a parameter starts.
#[derive(Debug, Clone, Copy)]
pub enum Init {
    Normal(f64),
    Ones,
    Zeros,
}

/// Whether AdamW's weight decay applies: matrices inside blocks only.
pub fn decays(name: &str) -> bool {
    name.starts_with("blocks.") && name.ends_with(".weight") && !name.contains(".ln")
}

impl Model {
    /// A freshly initialized model: every parameter, in sorted-name order, drawn from the
    /// stream `cohort.init.v1(seed)` (candle's own CPU initialization is OS-seeded).
    pub fn init(config: &ModelConfig, seed: u64, device: &Device) -> Result<Model> {
        let mut rng = Stream::new("cohort.init.v1", &[&seed.to_le_bytes()]);
        let mut values = BTreeMap::new();
        for (name, (shape, init)) in parameter_shapes(config) {
            let n: usize = shape.iter().product();
            let v = match init {
                Init::Normal(std) => rng.normals(n, std),
                Init::Ones => vec![1.0; n],
                Init::Zeros => vec![0.0; n],
            };
            values.insert(name, (shape, v));
        }
        Model::from_values(config, values, device)
    }

    /// A model from host values (shape, data) by name; names and shapes must match the config.
    pub fn from_values(
        config: &ModelConfig,
        values: super::checkpoint::Tensors,
        device: &Device,
    ) -> Result<Model> {
        let mut params = BTreeMap::new();
        for (name, (shape, data)) in values {
            let t = Tensor::from_vec(data, shape, device).map_err(ce)?;
            params.insert(name, Var::from_tensor(&t).map_err(ce)?);
        }
        Ok(Model {
            config: config.clone(),
            params,
            device: device.clone(),
            kernels: Kernels::for_device(device),
        })
    }

    /// Every parameter with its name, in name order.
    pub fn named(&self) -> Vec<(String, &Var)> {
        self.params.iter().map(|(n, v)| (n.clone(), v)).collect()
    }

    fn p(&self, name: &str) -> &Tensor {
        self.params
            .get(name)
            .map(|v| v.as_tensor())
            .expect("parameter exists")
    }

    /// Mean cross-entropy (nats per byte) of predicting `targets` from `inputs`, both
    /// `batch × seq` token ids. `dropout` is a seeded stream for the dropout masks (training)
    /// or None (evaluation).
    pub fn loss(
        &self,
        inputs: &[u32],
        targets: &[u32],
        batch: usize,
        dropout: Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let dev = &self.device;
        let seq = inputs.len() / batch;
        let logits = self.logits(inputs, batch, seq, dropout)?;
        let targets = Tensor::from_slice(targets, batch * seq, dev)?;
        self.kernels.cross_entropy(&logits, &targets)
    }

    /// Logits [batch*seq, 256] for `inputs` (`batch` rows of `seq` ≤ context tokens).
    pub fn logits(
        &self,
        inputs: &[u32],
        batch: usize,
        seq: usize,
        mut dropout: Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let c = &self.config;
        let k = self.kernels;
        let (d, n) = (c.width, batch * seq);
        let ids = Tensor::from_slice(inputs, n, &self.device)?;
        let pos = self.p("pos_emb").narrow(0, 0, seq)?;
        let mut x = self
            .p("tok_emb")
            .embedding(&ids)?
            .reshape((batch, seq, d))?
            .broadcast_add(&pos)?
            .reshape((n, d))?;
        let p = c.dropout;
        let mut drop = |x: Tensor| -> candle_core::Result<Tensor> {
            match dropout.as_deref_mut() {
                Some(rng) if p > 0.0 => apply_dropout(&x, p, rng),
                _ => Ok(x),
            }
        };
        x = drop(x)?;
        for i in 0..c.layers {
            let name = |s: &str| format!("blocks.{i}.{s}");
            let h = k.layer_norm(&x, self.p(&name("ln1.weight")), self.p(&name("ln1.bias")))?;
            let qkv = linear(
                &h,
                self.p(&name("attn.qkv.weight")),
                Some(self.p(&name("attn.qkv.bias"))),
            )?;
            let a = k.attention(&qkv, batch, seq, c.heads)?;
            let a = linear(
                &a,
                self.p(&name("attn.proj.weight")),
                Some(self.p(&name("attn.proj.bias"))),
            )?;
            x = (x + drop(a)?)?;
            let h = k.layer_norm(&x, self.p(&name("ln2.weight")), self.p(&name("ln2.bias")))?;
            let f = linear(&h, self.p(&name("mlp.fc.weight")), None)?;
            let f = k.bias_gelu(&f, self.p(&name("mlp.fc.bias")))?;
            let f = linear(
                &f,
                self.p(&name("mlp.proj.weight")),
                Some(self.p(&name("mlp.proj.bias"))),
            )?;
            x = (x + drop(f)?)?;
        }
        let x = k.layer_norm(&x, self.p("ln_f.weight"), self.p("ln_f.bias"))?;
        x.matmul(&self.p("tok_emb").t()?)
    }

    /// Host copies of every parameter, by name.
    pub fn values(&self) -> Result<super::checkpoint::Tensors> {
        let mut out = BTreeMap::new();
        for (name, v) in &self.params {
            let t = v.as_tensor();
            let data = t
                .flatten_all()
                .and_then(|t| t.to_dtype(DType::F32)?.to_vec1::<f32>())
                .map_err(ce)?;
            out.insert(name.clone(), (t.dims().to_vec(), data));
        }
        Ok(out)
    }
}

/// The next dropout mask of `len` entries from `rng`: 0 with probability `p`, else 1/(1-p); None
/// when `p` is 0 (nothing is drawn). Every path that trains the model draws its masks here, in
/// the same order (embeddings, then each block's attention and MLP outputs), so they agree.
pub(crate) fn dropout_mask(rng: &mut Stream, len: usize, p: f64) -> Option<Vec<f32>> {
    if p <= 0.0 {
        return None;
    }
    let keep = 1.0 / (1.0 - p) as f32;
    let mut raw = vec![0u64; len];
    rng.fill_u64(&mut raw);
    let threshold = (p * (1u64 << 53) as f64) as u64;
    Some(
        raw.par_iter()
            .map(|r| if (r >> 11) < threshold { 0.0 } else { keep })
            .collect(),
    )
}

/// `x` times a [`dropout_mask`] drawn from `rng` (in x's dtype). On a GPU the mask is drawn
/// there by a kernel from the same stream, the same values, and drawn again in backward instead
/// of being kept.
pub(crate) fn apply_dropout(x: &Tensor, p: f64, rng: &mut Stream) -> candle_core::Result<Tensor> {
    #[cfg(feature = "cuda")]
    if x.device().is_cuda()
        && let Some(y) = super::cuda::dropout_apply(x, p, rng)?
    {
        return Ok(y);
    }
    let mask = dropout_mask(rng, x.elem_count(), p).unwrap_or_else(|| vec![1.0; x.elem_count()]);
    x.mul(&Tensor::from_vec(mask, x.shape(), x.device())?.to_dtype(x.dtype())?)
}

pub(crate) fn linear(x: &Tensor, w: &Tensor, b: Option<&Tensor>) -> candle_core::Result<Tensor> {
    let y = x.matmul(&w.t()?)?;
    match b {
        Some(b) => y.broadcast_add(b),
        None => Ok(y),
    }
}
