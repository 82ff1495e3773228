//! Token-by-token decoding of the builtin model with a key/value cache, on the host: each new
//! token runs through the model once (one matrix-vector product per weight), attending to the
//! keys and values the earlier tokens left in the cache, instead of running the whole window again.
//!
//! The model has learned absolute positions, so a cache cannot slide: when it is full (the
//! context is reached), it is rebuilt from the last three quarters of the context, and decoding
//! goes on from there. The logits equal the full forward pass's for the same window (up to float
//! summation order; a test compares them at every position).
//!
//! Concurrent requests decode together ([`Batcher`]): one thread steps every active sequence by
//! one token at a time, reading each weight row once for all of them (each sequence keeps its own
//! cache and position). A sequence's numbers do not depend on what it is batched with: every
//! output is the same dot product in the same order.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use cohort_kernels as k;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::trainer::checkpoint::Tensors;
use crate::trainer::config::{ModelConfig, VOCAB};
use crate::trainer::rng::Stream;

/// Output rows one parallel task takes in a matrix-vector product.
const ROWS_PER_TASK: usize = 64;

/// How many tokens a rebuilt cache holds: the last three quarters of the context (also what the
/// model reads of a prompt longer than its context).
pub fn window_len(context: usize) -> usize {
    (context * 3 / 4).max(1)
}

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

/// y_b = W x_b + b for every row x_b of `xs`, W `[out, in]`: each weight row is read once for
/// all the rows ([`k::dot_rows`]).
fn matmul(w: &[f32], b: Option<&[f32]>, xs: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let n = xs[0].len();
    let (out, rows) = (w.len() / n, xs.len());
    let refs: Vec<&[f32]> = xs.iter().map(|x| x.as_slice()).collect();
    // [out × rows], filled in parallel by output row.
    let mut y = vec![0f32; out * rows];
    y.par_chunks_mut(ROWS_PER_TASK * rows)
        .enumerate()
        .for_each(|(c, ys)| {
            for (i, yr) in ys.chunks_mut(rows).enumerate() {
                let r = c * ROWS_PER_TASK + i;
                k::dot_rows(&w[r * n..(r + 1) * n], &refs, yr);
                if let Some(b) = b {
                    yr.iter_mut().for_each(|y| *y += b[r]);
                }
            }
        });
    (0..rows)
        .map(|j| (0..out).map(|r| y[r * rows + j]).collect())
        .collect()
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
        if cache.len + tokens.len() > self.config.context {
            *cache = self.cache();
            let window = self.window(history);
            return self.feed(cache, window, window);
        }
        self.forward(&mut [cache], &[tokens])
            .pop()
            .unwrap_or_default()
    }

    /// The part of `history` a rebuilt cache holds: its last three quarters of the context.
    fn window<'a>(&self, history: &'a [u32]) -> &'a [u32] {
        let keep = window_len(self.config.context).min(history.len());
        &history[history.len() - keep..]
    }

    /// Feeds `runs[i]` (tokens following what `caches[i]` holds, which must fit in the context)
    /// into `caches[i]`, every token of every run in one pass through the weights; returns the
    /// logits after each run's last token.
    fn forward(&self, caches: &mut [&mut Cache], runs: &[&[u32]]) -> Vec<Vec<f32>> {
        let d = self.config.width;
        let mut owner = Vec::new();
        let mut x: Vec<Vec<f32>> = Vec::new();
        for (ci, run) in runs.iter().enumerate() {
            for (j, &t) in run.iter().enumerate() {
                let (t, pos) = (t as usize % VOCAB, caches[ci].len + j);
                owner.push(ci);
                x.push(
                    self.tok_emb[t * d..(t + 1) * d]
                        .iter()
                        .zip(&self.pos_emb[pos * d..(pos + 1) * d])
                        .map(|(a, b)| a + b)
                        .collect(),
                );
            }
        }
        let norm = |x: &[Vec<f32>], g: &(Vec<f32>, Vec<f32>)| -> Vec<Vec<f32>> {
            x.iter()
                .map(|x| k::layer_norm_fwd(x, &g.0, &g.1, d))
                .collect()
        };
        let add = |x: &mut [Vec<f32>], y: Vec<Vec<f32>>| {
            for (x, y) in x.iter_mut().zip(y) {
                x.iter_mut().zip(&y).for_each(|(x, y)| *x += y);
            }
        };
        for (l, layer) in self.layers.iter().enumerate() {
            let qkv = matmul(&layer.qkv.0, Some(&layer.qkv.1), &norm(&x, &layer.ln1));
            // In row order, so each token attends to its own run's earlier tokens and itself.
            let a: Vec<Vec<f32>> = qkv
                .iter()
                .zip(&owner)
                .map(|(qkv, &ci)| {
                    let c = &mut *caches[ci];
                    c.k[l].extend_from_slice(&qkv[d..2 * d]);
                    c.v[l].extend_from_slice(&qkv[2 * d..3 * d]);
                    self.attend(&qkv[..d], &c.k[l], &c.v[l], c.k[l].len() / d)
                })
                .collect();
            add(&mut x, matmul(&layer.proj.0, Some(&layer.proj.1), &a));
            let f = matmul(&layer.fc.0, None, &norm(&x, &layer.ln2));
            let f: Vec<Vec<f32>> = f
                .iter()
                .map(|f| k::bias_gelu_fwd(f, &layer.fc.1, f.len()))
                .collect();
            add(&mut x, matmul(&layer.out.0, Some(&layer.out.1), &f));
        }
        let mut last = Vec::with_capacity(runs.len());
        let mut row = 0;
        for (ci, run) in runs.iter().enumerate() {
            caches[ci].len += run.len();
            row += run.len();
            last.push(x[row - 1].clone());
        }
        matmul(&self.tok_emb, None, &norm(&last, &self.ln_f))
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

/// One generation handed to the [`Batcher`].
pub struct Job {
    pub prompt: Vec<u32>,
    pub max_tokens: usize,
    pub temperature: f64,
    pub top_p: f64,
    pub seed: u64,
    /// Each token as it is drawn; the sequence ends when this is dropped or `cancel` is set.
    pub out: mpsc::Sender<u32>,
    pub cancel: Arc<AtomicBool>,
}

/// A sequence being decoded.
struct Seq {
    job: Job,
    cache: Cache,
    history: Vec<u32>,
    rng: Stream,
    logits: Vec<f32>,
    made: usize,
}

/// Decodes every submitted generation together, one token per sequence per step, on its own
/// thread (which ends when the batcher is dropped).
pub struct Batcher {
    tx: mpsc::Sender<Job>,
}

impl Batcher {
    pub fn start(decoder: Arc<Decoder>) -> Batcher {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("cohort-decode".into())
            .spawn(move || run_batches(&decoder, &rx))
            .expect("spawn the decode thread");
        Batcher { tx }
    }

    /// Queues a generation; false when the decode thread is gone.
    pub fn submit(&self, job: Job) -> bool {
        self.tx.send(job).is_ok()
    }
}

/// New sequences: their prompts go through the model together.
fn admit(decoder: &Decoder, jobs: Vec<Job>) -> Vec<Seq> {
    let mut seqs: Vec<Seq> = jobs
        .into_iter()
        .map(|job| {
            let mut history = job.prompt.clone();
            if history.is_empty() {
                history.push(u32::from(b'\n'));
            }
            if history.len() > decoder.context() {
                history = decoder.window(&history).to_vec();
            }
            let rng = Stream::new("cohort.serve.v1", &[&job.seed.to_le_bytes()]);
            Seq {
                job,
                cache: decoder.cache(),
                history,
                rng,
                logits: Vec::new(),
                made: 0,
            }
        })
        .collect();
    let mut caches: Vec<&mut Cache> = Vec::with_capacity(seqs.len());
    let mut runs: Vec<&[u32]> = Vec::with_capacity(seqs.len());
    let mut logits_of: Vec<&mut Vec<f32>> = Vec::with_capacity(seqs.len());
    for s in seqs.iter_mut() {
        caches.push(&mut s.cache);
        runs.push(&s.history);
        logits_of.push(&mut s.logits);
    }
    for (dst, l) in logits_of
        .into_iter()
        .zip(decoder.forward(&mut caches, &runs))
    {
        *dst = l;
    }
    seqs
}

/// One step: every sequence draws its next token; those not done go one token further.
fn step_all(decoder: &Decoder, active: &mut Vec<Seq>) {
    active.retain_mut(|s| {
        if s.job.cancel.load(Ordering::Relaxed) || s.made >= s.job.max_tokens {
            return false;
        }
        let next =
            crate::trainer::rng::sample(&s.logits, s.job.temperature, s.job.top_p, &mut s.rng);
        s.history.push(next);
        s.made += 1;
        s.job.out.send(next).is_ok() && s.made < s.job.max_tokens
    });
    // A full cache is rebuilt alone; the rest step together.
    let mut caches: Vec<&mut Cache> = Vec::with_capacity(active.len());
    let mut runs: Vec<&[u32]> = Vec::with_capacity(active.len());
    let mut logits_of: Vec<&mut Vec<f32>> = Vec::with_capacity(active.len());
    for s in active.iter_mut() {
        let last = s.history.len() - 1;
        if s.cache.len() + 1 > decoder.context() {
            s.logits = decoder.feed(&mut s.cache, &s.history, &s.history[last..]);
        } else {
            caches.push(&mut s.cache);
            runs.push(&s.history[last..]);
            logits_of.push(&mut s.logits);
        }
    }
    if caches.is_empty() {
        return;
    }
    for (dst, l) in logits_of
        .into_iter()
        .zip(decoder.forward(&mut caches, &runs))
    {
        *dst = l;
    }
}

fn run_batches(decoder: &Decoder, rx: &mpsc::Receiver<Job>) {
    let mut active: Vec<Seq> = Vec::new();
    loop {
        let mut new = Vec::new();
        if active.is_empty() {
            match rx.recv() {
                Ok(job) => new.push(job),
                Err(_) => return,
            }
        }
        new.extend(rx.try_iter());
        // Inside the thread pool: the kernels' parallel loops then run without a hand-off each.
        rayon::scope(|_| {
            if !new.is_empty() {
                active.extend(admit(decoder, new));
            }
            step_all(decoder, &mut active);
        });
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

    /// Batched decoding gives each sequence exactly the tokens it gets alone.
    #[test]
    fn batched_sequences_decode_exactly_as_they_do_alone() {
        let config = ModelConfig {
            layers: 2,
            width: 32,
            heads: 4,
            context: 16,
            dropout: 0.0,
        };
        let model = Model::init(&config, 3, &Device::Cpu).unwrap();
        let dec = Arc::new(Decoder::new(&config, &model.values().unwrap()).unwrap());
        let jobs = |b: &Batcher, range: std::ops::Range<usize>| -> Vec<mpsc::Receiver<u32>> {
            range
                .map(|i| {
                    let (tx, rx) = mpsc::channel();
                    assert!(
                        b.submit(Job {
                            prompt: format!("prompt {i}")
                                .into_bytes()
                                .into_iter()
                                .map(u32::from)
                                .collect(),
                            max_tokens: 20 + i,
                            temperature: if i % 2 == 0 { 0.0 } else { 0.9 },
                            top_p: 0.95,
                            seed: i as u64,
                            out: tx,
                            cancel: Arc::new(AtomicBool::new(false)),
                        })
                    );
                    rx
                })
                .collect()
        };
        let b = Batcher::start(dec.clone());
        let together: Vec<Vec<u32>> = jobs(&b, 0..4)
            .into_iter()
            .map(|rx| rx.iter().collect())
            .collect();
        for (i, want) in together.iter().enumerate() {
            assert_eq!(want.len(), 20 + i, "max_tokens");
            let alone = Batcher::start(dec.clone());
            let rx = jobs(&alone, i..i + 1).pop().unwrap();
            let got: Vec<u32> = rx.iter().collect();
            assert_eq!(&got, want, "sequence {i}");
        }
    }
}
