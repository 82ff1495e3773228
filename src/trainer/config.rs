//! The model's shape and the training hyperparameters (the `[model]` and `[training]` tables).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Bytes are tokens: the vocabulary is every byte value.
pub const VOCAB: usize = 256;

/// The shape of the builtin byte-level transformer. Stored in every checkpoint's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// Number of transformer blocks.
    pub layers: usize,
    /// Model width (embedding size).
    pub width: usize,
    /// Attention heads per block; divides `width`.
    pub heads: usize,
    /// Context length in bytes.
    pub context: usize,
    /// Dropout probability (training only).
    pub dropout: f64,
}

impl ModelConfig {
    /// Checks the values, naming the key (`model.heads`) in a usage error (exit 2).
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, why: String| {
            Err(
                Error::usage("jobspec.invalid", format!("model.{key}: {why}"))
                    .hint(format!("fix `{key}` in the [model] table")),
            )
        };
        if self.layers == 0 || self.layers > 256 {
            return bad("layers", format!("{} is not in 1..=256", self.layers));
        }
        if self.width == 0 || self.width > 16384 {
            return bad("width", format!("{} is not in 1..=16384", self.width));
        }
        if self.heads == 0 {
            return bad("heads", "must be at least 1".into());
        }
        if !self.width.is_multiple_of(self.heads) {
            return bad(
                "heads",
                format!("{} heads do not divide width {}", self.heads, self.width),
            );
        }
        if self.context == 0 || self.context > 65536 {
            return bad("context", format!("{} is not in 1..=65536", self.context));
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return bad("dropout", format!("{} is not in [0, 1)", self.dropout));
        }
        Ok(())
    }

    pub fn head_dim(&self) -> usize {
        self.width / self.heads
    }

    /// Number of trainable parameters.
    pub fn parameters(&self) -> u64 {
        let d = self.width as u64;
        let per_block =
            4 * d + (3 * d * d + 3 * d) + (d * d + d) + (4 * d * d + 4 * d) + (4 * d * d + d);
        VOCAB as u64 * d + self.context as u64 * d + self.layers as u64 * per_block + 2 * d
    }

    /// A rough upper estimate of the memory training needs, in bytes: weights, gradients and
    /// AdamW moments (4 copies plus host copies), and the activations kept for the backward pass.
    pub fn training_memory_bytes(&self, batch_size: usize) -> u64 {
        let p = self.parameters();
        let (b, t, d, h, l) = (
            batch_size as u64,
            self.context as u64,
            self.width as u64,
            self.heads as u64,
            self.layers as u64,
        );
        let weights = p * 4 * 6;
        // Per block: ~20 (B,T,d)-sized activations (qkv, mlp 4d twice, norms, residuals) and the
        // attention probabilities (twice: forward and the backward's recomputation).
        let per_block = b * t * d * 20 + b * h * t * t * 2;
        let logits = b * t * VOCAB as u64 * 4;
        let activations = (l * per_block + logits + b * t * d * 6) * 4;
        // Backward roughly doubles the live activations.
        weights + activations * 2 + (64 << 20)
    }
}

/// The `[training]` table: optimizer and schedule hyperparameters, seed and step counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrainConfig {
    /// `batch_size`: sequences per step (default 16).
    pub batch_size: usize,
    /// `learning_rate`: peak AdamW learning rate after warm-up (default 3e-3).
    pub learning_rate: f64,
    /// `min_learning_rate`: floor of the cosine decay (default: learning_rate / 10).
    pub min_learning_rate: Option<f64>,
    /// `warmup_steps`: linear warm-up from 0 to the peak (default 20).
    pub warmup_steps: u64,
    /// `decay_steps`: global step at which the cosine decay reaches its floor (default: the
    /// run's last step; pools set it to rounds × steps).
    pub decay_steps: Option<u64>,
    /// `weight_decay`: decoupled AdamW weight decay on matrices, not on biases, norms or
    /// embeddings (default 0.01).
    pub weight_decay: f64,
    /// `beta1`, `beta2`, `eps`: AdamW moment parameters (defaults 0.9, 0.95, 1e-8).
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    /// `grad_clip`: clip the global gradient norm to this (0 disables; default 1.0).
    pub grad_clip: f64,
    /// `seed`: seeds initialization, batch sampling and dropout (default 0).
    pub seed: u64,
    /// `steps`: steps per round, or per `cohort train` run (default 300).
    pub steps: u64,
    /// `checkpoint_every`: write a checkpoint (with optimizer state) every K global steps
    /// (default: only at the start and the end).
    pub checkpoint_every: Option<u64>,
    /// `eval_every`: measure validation loss every N steps (default: checkpoint_every, and
    /// always at the end).
    pub eval_every: Option<u64>,
    /// `eval_windows`: most validation windows of `context` bytes measured (default 128).
    pub eval_windows: usize,
    /// `[training.outer]`: how a pool combines the workers' rounds (default: weighted average).
    #[serde(skip_serializing_if = "OuterConfig::is_default")]
    pub outer: OuterConfig,
    /// `[training.compress]`: how workers compress their pseudo-gradients (default: none).
    #[serde(skip_serializing_if = "CompressConfig::is_default")]
    pub compress: CompressConfig,
}

/// The outer optimizer of a pool round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OuterOptimizer {
    /// The weighted mean of the workers' final weights (federated averaging).
    #[default]
    Average,
    /// DiLoCo: Nesterov momentum SGD on the averaged pseudo-gradient Δ = θ_start − θ_end.
    Nesterov,
}

/// The `[training.outer]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OuterConfig {
    /// `optimizer`: `"average"` (default) or `"nesterov"`.
    pub optimizer: OuterOptimizer,
    /// `lr`: outer learning rate (default 0.7, DiLoCo's; `nesterov` only).
    pub lr: f64,
    /// `momentum`: outer Nesterov momentum in [0, 1) (default 0.9; `nesterov` only).
    pub momentum: f64,
    /// `keep_inner_state`: workers keep their AdamW moments across rounds (default false: each
    /// round starts with a fresh optimizer).
    pub keep_inner_state: bool,
}

impl Default for OuterConfig {
    fn default() -> Self {
        OuterConfig {
            optimizer: OuterOptimizer::Average,
            lr: 0.7,
            momentum: 0.9,
            keep_inner_state: false,
        }
    }
}

impl OuterConfig {
    pub fn is_default(&self) -> bool {
        *self == OuterConfig::default()
    }
}

/// How a pseudo-gradient is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompressMethod {
    /// Every entry in fp32.
    #[default]
    None,
    /// The largest `density` of each chunk's entries, quantized to `bits` (see `compress`).
    Topk,
}

/// The `[training.compress]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompressConfig {
    /// `method`: `"none"` (default) or `"topk"`.
    pub method: CompressMethod,
    /// `chunk`: entries per chunk; each chunk keeps its own top entries and scale (default 4096).
    pub chunk: usize,
    /// `density`: fraction of each chunk's entries sent, in (0, 1] (default 0.02).
    pub density: f64,
    /// `bits`: bits per sent value: 8, 4 or 2 (default 2).
    pub bits: u8,
    /// `error_feedback`: what was not sent is added to the next round's Δ (default true).
    pub error_feedback: bool,
}

impl Default for CompressConfig {
    fn default() -> Self {
        CompressConfig {
            method: CompressMethod::None,
            chunk: 4096,
            density: 0.02,
            bits: 2,
            error_feedback: true,
        }
    }
}

impl CompressConfig {
    pub fn is_default(&self) -> bool {
        *self == CompressConfig::default()
    }

    /// The top-k parameters when `method = "topk"`.
    pub fn topk(&self) -> Option<super::compress::TopK> {
        (self.method == CompressMethod::Topk).then_some(super::compress::TopK {
            chunk: self.chunk,
            density: self.density,
            bits: self.bits,
        })
    }
}

/// The most entries a compression chunk may have.
pub const MAX_CHUNK: usize = 1 << 20;

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            batch_size: 16,
            learning_rate: 3e-3,
            min_learning_rate: None,
            warmup_steps: 20,
            decay_steps: None,
            weight_decay: 0.01,
            beta1: 0.9,
            beta2: 0.95,
            eps: 1e-8,
            grad_clip: 1.0,
            seed: 0,
            steps: 300,
            checkpoint_every: None,
            eval_every: None,
            eval_windows: 128,
            outer: OuterConfig::default(),
            compress: CompressConfig::default(),
        }
    }
}

impl TrainConfig {
    /// Checks the values, naming the key (`training.batch_size`) in a usage error (exit 2).
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, why: String| {
            Err(
                Error::usage("jobspec.invalid", format!("training.{key}: {why}"))
                    .hint(format!("fix `{key}` in the [training] table")),
            )
        };
        if self.batch_size == 0 || self.batch_size > 65536 {
            return bad(
                "batch_size",
                format!("{} is not in 1..=65536", self.batch_size),
            );
        }
        if !(self.learning_rate > 0.0 && self.learning_rate.is_finite()) {
            return bad(
                "learning_rate",
                format!("{} is not positive", self.learning_rate),
            );
        }
        if let Some(m) = self.min_learning_rate
            && !(m >= 0.0 && m <= self.learning_rate)
        {
            return bad(
                "min_learning_rate",
                format!("{m} is not in [0, learning_rate]"),
            );
        }
        if !(0.0..1.0).contains(&self.beta1) {
            return bad("beta1", format!("{} is not in [0, 1)", self.beta1));
        }
        if !(0.0..1.0).contains(&self.beta2) {
            return bad("beta2", format!("{} is not in [0, 1)", self.beta2));
        }
        if self.eps.is_nan() || self.eps <= 0.0 {
            return bad("eps", format!("{} is not positive", self.eps));
        }
        if self.weight_decay.is_nan() || self.weight_decay < 0.0 {
            return bad("weight_decay", format!("{} is negative", self.weight_decay));
        }
        if self.grad_clip.is_nan() || self.grad_clip < 0.0 {
            return bad("grad_clip", format!("{} is negative", self.grad_clip));
        }
        if self.checkpoint_every == Some(0) {
            return bad("checkpoint_every", "must be at least 1".into());
        }
        if self.eval_every == Some(0) {
            return bad("eval_every", "must be at least 1".into());
        }
        if self.eval_windows == 0 {
            return bad("eval_windows", "must be at least 1".into());
        }
        self.validate_outer()
    }

    /// Checks `[training.outer]` and `[training.compress]`, naming the key (exit 2).
    fn validate_outer(&self) -> Result<()> {
        let bad = |table: &str, key: &str, why: String| {
            Err(
                Error::usage("jobspec.invalid", format!("training.{table}.{key}: {why}"))
                    .hint(format!("fix `{key}` in the [training.{table}] table")),
            )
        };
        let (o, c) = (&self.outer, &self.compress);
        if !(o.lr > 0.0 && o.lr.is_finite()) {
            return bad("outer", "lr", format!("{} is not positive", o.lr));
        }
        if !(0.0..1.0).contains(&o.momentum) {
            return bad(
                "outer",
                "momentum",
                format!("{} is not in [0, 1)", o.momentum),
            );
        }
        if c.chunk == 0 || c.chunk > MAX_CHUNK {
            return bad(
                "compress",
                "chunk",
                format!("{} is not in 1..={MAX_CHUNK}", c.chunk),
            );
        }
        if !(c.density > 0.0 && c.density <= 1.0) {
            return bad(
                "compress",
                "density",
                format!("{} is not in (0, 1]", c.density),
            );
        }
        if !matches!(c.bits, 2 | 4 | 8) {
            return bad("compress", "bits", format!("{} is not 2, 4 or 8", c.bits));
        }
        if c.method == CompressMethod::Topk && o.optimizer == OuterOptimizer::Average {
            return Err(Error::usage(
                "jobspec.invalid",
                "training.compress.method: \"topk\" compresses pseudo-gradients, which only the \
                 \"nesterov\" outer optimizer uses; [training.outer] optimizer is \"average\"",
            )
            .hint("set optimizer = \"nesterov\" in [training.outer] (lr = 1, momentum = 0 is plain averaging of the compressed Δ), or method = \"none\""));
        }
        Ok(())
    }

    /// The learning rate at global step `step` (0-based): linear warm-up to the peak, then
    /// cosine decay to the floor at `decay_steps`, then the floor.
    pub fn lr_at(&self, step: u64, decay_steps: u64) -> f64 {
        let peak = self.learning_rate;
        let floor = self.min_learning_rate.unwrap_or(peak / 10.0);
        if step < self.warmup_steps {
            return peak * (step + 1) as f64 / self.warmup_steps as f64;
        }
        if step >= decay_steps || decay_steps <= self.warmup_steps {
            return floor;
        }
        let progress = (step - self.warmup_steps) as f64 / (decay_steps - self.warmup_steps) as f64;
        floor + 0.5 * (peak - floor) * (1.0 + (std::f64::consts::PI * progress).cos())
    }
}
