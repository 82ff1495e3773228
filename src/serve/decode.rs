//! Token-by-token decoding of the builtin model with a key/value cache, on the host: each new
//! token runs through the model once (one matrix-vector product per weight), attending to the
//! keys and values the earlier tokens left in the cache, instead of running the whole window again.
//!
//! The model has learned absolute positions, so a cache cannot slide: when it is full (the
//! context is reached), it is rebuilt from the last three quarters of the context, and decoding
//! goes on from there. The logits equal the full forward pass's for the same window (up to float
//! summation order; a test compares them at every position).

use cohort_kernels as k;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::trainer::checkpoint::Tensors;
use crate::trainer::config::{ModelConfig, VOCAB};

/// Output rows one parallel task takes in a matrix-vector product.
const ROWS_PER_TASK: usize = 64;

/// One layer's weights, row-major `[out, in]` as stored.
struct Layer {
    ln1: (Vec<f32>, Vec<f32>),
    qkv: (Vec<f32>, Vec<f32>),
    proj: (Vec<f32>, Vec<f32>),
    ln2: (Vec<f32>, Vec<f32>),
    fc: (Vec<f32>, Vec<f32>),
    out: (Vec<f32>, Vec<f32>),
}

/// The builtin model's weights, ready for decoding.
pub struct Decoder {
    config: ModelConfig,
    tok_emb: Vec<f32>,
    pos_emb: Vec<f32>,
    ln_f: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
}

/// The keys and values of the tokens decoded so far (per layer, `len × width` each).
pub struct Cache {
    k: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
    len: usize,
}

impl Cache {
    /// Tokens in the cache.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// y = W x + b for W `[out, in]`.
fn matvec(w: &[f32], b: Option<&[f32]>, x: &[f32]) -> Vec<f32> {
    let n = x.len();
    let out = w.len() / n;
    let mut y = vec![0f32; out];
    y.par_chunks_mut(ROWS_PER_TASK)
        .enumerate()
        .for_each(|(c, ys)| {
            for (i, y) in ys.iter_mut().enumerate() {
                let r = c * ROWS_PER_TASK + i;
                *y = k::dot8(&w[r * n..(r + 1) * n], x) + b.map_or(0.0, |b| b[r]);
            }
        });
    y
}

impl Decoder {
    /// From a checkpoint's host tensors (names as `trainer::model::parameter_shapes`).
    pub fn new(config: &ModelConfig, weights: &Tensors) -> Result<Decoder> {
        let get = |name: &str| -> Result<Vec<f32>> {
            weights.get(name).map(|(_, v)| v.clone()).ok_or_else(|| {
                Error::failed(
                    "serve.weights",
                    format!("the checkpoint has no tensor '{name}'"),
                )
            })
        };
        let pair = |a: &str, b: &str| -> Result<(Vec<f32>, Vec<f32>)> { Ok((get(a)?, get(b)?)) };
        let mut layers = Vec::with_capacity(config.layers);
        for i in 0..config.layers {
            let p = |s: &str| format!("blocks.{i}.{s}");
            let fc_w = get(&p("mlp.fc.weight"))?;
            layers.push(Layer {
                ln1: pair(&p("ln1.weight"), &p("ln1.bias"))?,
                qkv: pair(&p("attn.qkv.weight"), &p("attn.qkv.bias"))?,
                proj: pair(&p("attn.proj.weight"), &p("attn.proj.bias"))?,
                ln2: pair(&p("ln2.weight"), &p("ln2.bias"))?,
                fc: (fc_w, get(&p("mlp.fc.bias"))?),
                out: pair(&p("mlp.proj.weight"), &p("mlp.proj.bias"))?,
            });
        }
        Ok(Decoder {
            config: config.clone(),
            tok_emb: get("tok_emb")?,
            pos_emb: get("pos_emb")?,
            ln_f: pair("ln_f.weight", "ln_f.bias")?,
            layers,
        })
    }

    /// The context length.
    pub fn context(&self) -> usize {
        self.config.context
    }

    /// An empty cache for this model.
    pub fn cache(&self) -> Cache {
        let cap = self.config.context * self.config.width;
        Cache {
            k: (0..self.config.layers)
                .map(|_| Vec::with_capacity(cap))
                .collect(),
            v: (0..self.config.layers)
                .map(|_| Vec::with_capacity(cap))
                .collect(),
            len: 0,
        }
    }

    /// Feeds `tokens` (after the cache's) and returns the logits after the last one. A cache that
    /// would overflow the context is rebuilt from the last three quarters of `history` (every
    /// token so far, `tokens` included).
    pub fn feed(&self, cache: &mut Cache, history: &[u32], tokens: &[u32]) -> Vec<f32> {
        let ctx = self.config.context;
        if cache.len + tokens.len() > ctx {
            *cache = self.cache();
            let keep = (ctx * 3 / 4).max(1).min(history.len());
            let window = &history[history.len() - keep..];
            return self.feed(cache, window, window);
        }
        let mut logits = Vec::new();
        for (i, &t) in tokens.iter().enumerate() {
            let last = i + 1 == tokens.len();
            logits = self.step(cache, t, last);
        }
        logits
    }

    /// One token at position `cache.len()`; the logits when `want_logits`.
    fn step(&self, cache: &mut Cache, token: u32, want_logits: bool) -> Vec<f32> {
        let c = &self.config;
        let (d, pos) = (c.width, cache.len);
        let t = token as usize % VOCAB;
        let mut x: Vec<f32> = self.tok_emb[t * d..(t + 1) * d]
            .iter()
            .zip(&self.pos_emb[pos * d..(pos + 1) * d])
            .map(|(a, b)| a + b)
            .collect();
        for (l, layer) in self.layers.iter().enumerate() {
            let h = k::layer_norm_fwd(&x, &layer.ln1.0, &layer.ln1.1, d);
            let qkv = matvec(&layer.qkv.0, Some(&layer.qkv.1), &h);
            cache.k[l].extend_from_slice(&qkv[d..2 * d]);
            cache.v[l].extend_from_slice(&qkv[2 * d..3 * d]);
            let a = self.attend(&qkv[..d], &cache.k[l], &cache.v[l], pos + 1);
            let a = matvec(&layer.proj.0, Some(&layer.proj.1), &a);
            x.iter_mut().zip(&a).for_each(|(x, a)| *x += a);
            let h = k::layer_norm_fwd(&x, &layer.ln2.0, &layer.ln2.1, d);
            let f = matvec(&layer.fc.0, None, &h);
            let f = k::bias_gelu_fwd(&f, &layer.fc.1, f.len());
            let f = matvec(&layer.out.0, Some(&layer.out.1), &f);
            x.iter_mut().zip(&f).for_each(|(x, f)| *x += f);
        }
        cache.len += 1;
        if !want_logits {
            return Vec::new();
        }
        let x = k::layer_norm_fwd(&x, &self.ln_f.0, &self.ln_f.1, d);
        matvec(&self.tok_emb, None, &x)
    }

    /// Causal attention of one query over the `n` cached keys and values, head by head.
    fn attend(&self, q: &[f32], keys: &[f32], values: &[f32], n: usize) -> Vec<f32> {
        let (d, heads) = (self.config.width, self.config.heads);
        let hd = d / heads;
        let scale = 1.0 / (hd as f32).sqrt();
        let mut out = vec![0f32; d];
        let mut p = vec![0f32; n];
        for h in 0..heads {
            let qh = &q[h * hd..(h + 1) * hd];
            let mut max = f32::NEG_INFINITY;
            for (j, s) in p.iter_mut().enumerate() {
                *s = k::dot8(qh, &keys[j * d + h * hd..j * d + (h + 1) * hd]) * scale;
                max = max.max(*s);
            }
            p.iter_mut().for_each(|s| *s = (*s - max).exp());
            let inv = 1.0 / k::sum8(&p);
            let o = &mut out[h * hd..(h + 1) * hd];
            for (j, s) in p.iter().enumerate() {
                let w = s * inv;
                let v = &values[j * d + h * hd..j * d + (h + 1) * hd];
                o.iter_mut().zip(v).for_each(|(o, v)| *o += w * v);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trainer::model::Model;
    use candle_core::Device;

    /// The reference: the trainer's full forward pass over the window (candle).
    #[test]
    fn cached_decoding_gives_the_full_forward_pass_logits_at_every_position() {
        let config = ModelConfig {
            layers: 2,
            width: 32,
            heads: 4,
            context: 24,
            dropout: 0.0,
        };
        let model = Model::init(&config, 7, &Device::Cpu).unwrap();
        let weights = model.values().unwrap();
        let dec = Decoder::new(&config, &weights).unwrap();
        let tokens: Vec<u32> = (0..40u32).map(|i| (i * 37 + 11) % 256).collect();
        let mut cache = dec.cache();
        let mut history: Vec<u32> = Vec::new();
        let mut window_start = 0;
        for (i, &t) in tokens.iter().enumerate() {
            history.push(t);
            let before = cache.len();
            let got = dec.feed(&mut cache, &history, &[t]);
            if cache.len() <= before {
                // Rebuilt from the last three quarters of the context.
                window_start = history.len() - cache.len();
            }
            let window = &history[window_start..];
            assert_eq!(cache.len(), window.len(), "token {i}");
            let want = model
                .logits(window, 1, window.len(), None)
                .unwrap()
                .get(window.len() - 1)
                .unwrap()
                .to_vec1::<f32>()
                .unwrap();
            assert_eq!(got.len(), VOCAB);
            for (a, b) in got.iter().zip(&want) {
                assert!(
                    (a - b).abs() <= 1e-4 * (1.0 + b.abs()),
                    "token {i}: {a} vs {b}"
                );
            }
        }
        assert!(window_start > 0, "the cache was rebuilt past the context");
    }
}
