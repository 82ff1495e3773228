//! The `lora` trainer: LoRA fine-tuning of Llama-family Hugging Face models (Llama 3, Qwen2/2.5,
//! SmolLM2, Mistral) from a local folder, with adapters in PEFT's format.
//!
//! The library API other parts use:
//! - [`Model::load`] a Hugging Face folder, [`Adapter::load_peft`] an adapter;
//! - [`Generator`]: base + optional adapter + tokenizer; `prompt_ids`, `next_logits` (KV cache)
//!   and `generate` (temperature, top-p, stop at EOS);
//! - [`train`] (what `cohort train` runs for a `lora` spec), [`evaluate`], [`merge`].
//!
//! # Reproducibility
//! On CPU the same base folder, data, spec, seed, round, worker and thread count give the same
//! adapter bytes: A comes from the stream `cohort.lora.init.v1(seed)`, batches from
//! `cohort.lora.batch.v1(seed, round, worker, step)`, dropout from `cohort.lora.dropout.v1`,
//! and the optimizer runs on host copies in name order.

pub mod base;
pub mod data;
#[allow(clippy::module_inception)]
pub mod lora;
pub mod model;
pub mod ops;
pub mod pool;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use candle_core::{DType, Device, Tensor};
use serde::Serialize;

pub use data::{Dataset, Example, Message, TextCodec};
pub use lora::{Adapter, LoraSpec};
pub use model::{Config, KvCache, Model};

use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};
use crate::trainer::rng::{self, Stream};
use crate::trainer::timings::{self, PhaseTimer, Timings};
use crate::trainer::{
    DeviceChoice, GpuMemory, MetricRow, TrainConfig, device_name, gpu_memory, start_gpu_memory,
};
use model::ce;

/// The dtype the frozen base runs in on `device`: f32 on the CPU, bf16 on a GPU.
pub fn dtype_for(device: &Device) -> DType {
    if device.is_cpu() {
        DType::F32
    } else {
        DType::BF16
    }
}

/// Refuses a context longer than the model's `max_position_embeddings` (exit 2).
pub fn check_context(config: &Config, context: usize, dir: &Path) -> Result<()> {
    if context == 0 || context > config.max_position_embeddings {
        return Err(Error::usage(
            "lora.context",
            format!(
                "context {context} is not in 1..={} (max_position_embeddings of {})",
                config.max_position_embeddings,
                dir.join("config.json").display()
            ),
        )
        .hint(format!(
            "set the spec's model.context (`model eval`: --context) to at most {}",
            config.max_position_embeddings
        )));
    }
    Ok(())
}

/// What `train` does.
#[derive(Debug, Clone)]
pub struct LoraTrainOptions {
    /// The base model's Hugging Face folder.
    pub base: PathBuf,
    pub lora: LoraSpec,
    /// Tokens per training sequence.
    pub context: usize,
    pub training: TrainConfig,
    /// Text and JSONL files and folders.
    pub data: Vec<PathBuf>,
    /// Where `step-NNNNNN/` adapter folders and metrics.json go.
    pub out_dir: PathBuf,
    /// Start from this adapter folder (with its optimizer state when present).
    pub init: Option<PathBuf>,
    pub steps: Option<u64>,
    pub seed: Option<u64>,
    pub round: u64,
    pub worker: [u8; 20],
    pub checkpoint_every: Option<u64>,
    pub device: DeviceChoice,
    /// Pools: the global step the run starts at (default: the init's step, else 0).
    pub start_step: Option<u64>,
    /// Pools: start from the init's adapter with fresh optimizer state.
    pub fresh_optimizer: bool,
    /// Pools: checkpoints lie at anchor, anchor+K, … (default: multiples of K).
    pub checkpoint_anchor: Option<u64>,
    /// Pools: write one-file checkpoints `step-NNNNNN.safetensors` ([`pool::LoraCheckpoint`])
    /// instead of PEFT folders `step-NNNNNN/`.
    pub pool_files: bool,
    /// How checkpoints name the base model (default: the base folder's path).
    pub base_label: Option<String>,
    /// Recompute each block's activations in backward (activation checkpointing): `None`
    /// decides by memory ([`needs_recompute`]). The result is the same bits either way.
    pub recompute: Option<bool>,
    /// Time each phase of every step but the first and report them (`--timings`).
    pub timings: bool,
}

impl LoraTrainOptions {
    /// Options for a plain run: PEFT folders, steps counted from the init's.
    pub fn new(
        base: PathBuf,
        lora: LoraSpec,
        context: usize,
        training: TrainConfig,
        data: Vec<PathBuf>,
        out_dir: PathBuf,
    ) -> LoraTrainOptions {
        LoraTrainOptions {
            base,
            lora,
            context,
            training,
            data,
            out_dir,
            init: None,
            steps: None,
            seed: None,
            round: 0,
            worker: [0; 20],
            checkpoint_every: None,
            device: DeviceChoice::Auto,
            start_step: None,
            fresh_optimizer: false,
            checkpoint_anchor: None,
            pool_files: false,
            base_label: None,
            recompute: None,
            timings: false,
        }
    }
}

/// What a LoRA training run did.
#[derive(Debug, Clone, Serialize)]
pub struct LoraTrainReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub final_adapter: PathBuf,
    #[serde(serialize_with = "crate::fsutil::lossy::vec")]
    pub adapters: Vec<PathBuf>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub metrics_file: PathBuf,
    pub start_step: u64,
    pub end_step: u64,
    /// Input tokens processed (padding included).
    pub tokens: u64,
    pub seconds: f64,
    pub tokens_per_s: f64,
    pub final_train_loss: f64,
    /// Mean loss per scored token (nats) on the held-out examples.
    pub initial_val_loss: Option<f64>,
    pub final_val_loss: Option<f64>,
    pub final_val_perplexity: Option<f64>,
    pub trainable_parameters: u64,
    pub base_parameters: u64,
    /// Bytes of one adapter file and of the base model's weights.
    pub adapter_bytes: u64,
    pub base_bytes: u64,
    pub train_examples: usize,
    pub val_examples: usize,
    /// JSONL examples longer than the context, cut.
    pub truncated_examples: usize,
    pub files: usize,
    pub device: String,
    /// On a GPU, the run's peak memory, the base model's included (absent on the CPU).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_memory: Option<GpuMemory>,
    /// Whether backward recomputed the blocks' activations instead of keeping them.
    pub recompute: bool,
    pub metrics: Vec<MetricRow>,
    /// Where the steps' time went (`--timings`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timings: Option<Timings>,
}

/// AdamW state of the adapter's tensors (by name): the builtin trainer's optimizer.
pub type AdamState = crate::trainer::optim::AdamW;

/// A fresh optimizer state (zero moments) for `adapter`.
pub fn adam_state(adapter: &Adapter) -> AdamState {
    AdamState::zeros(
        adapter
            .vars()
            .into_iter()
            .map(|(n, v)| (n, v.as_tensor().elem_count())),
    )
}

/// Name of the optimizer state file beside a checkpoint's adapter.
pub const OPTIMIZER_FILE: &str = "optimizer.safetensors";

fn save_checkpoint(
    dir: &Path,
    adapter: &Adapter,
    opt: &AdamState,
    step: u64,
    base: &str,
) -> Result<()> {
    if dir.extension().is_some_and(|e| e == "safetensors") {
        return pool::LoraCheckpoint::of(adapter, Some(opt), step, base)?.save(dir);
    }
    adapter.save_peft(dir, base)?;
    let mut t = lora::Tensors::new();
    for (name, var) in adapter.vars() {
        let shape = var.as_tensor().dims().to_vec();
        t.insert(format!("m.{name}"), (shape.clone(), opt.m[&name].clone()));
        t.insert(format!("v.{name}"), (shape, opt.v[&name].clone()));
    }
    let mut meta = BTreeMap::new();
    meta.insert("step".into(), step.to_string());
    meta.insert("optim.t".into(), opt.t.to_string());
    crate::fsutil::write_atomic(
        &dir.join(OPTIMIZER_FILE),
        &lora::safetensors_bytes(&t, &meta),
        0o644,
    )
}

fn load_optimizer(dir: &Path, adapter: &Adapter) -> Result<Option<(AdamState, u64)>> {
    let p = dir.join(OPTIMIZER_FILE);
    let Ok(bytes) = std::fs::read(&p) else {
        return Ok(None);
    };
    let bad = |why: String| {
        Error::usage(
            "lora.bad_checkpoint",
            format!("{} is not a cohort optimizer state: {why}", p.display()),
        )
    };
    let (_, meta) =
        safetensors::SafeTensors::read_metadata(&bytes).map_err(|e| bad(e.to_string()))?;
    let md = meta.metadata().clone().unwrap_or_default();
    let num = |k: &str| -> Result<u64> {
        md.get(k)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad(format!("metadata `{k}` missing")))
    };
    let (step, t) = (num("step")?, num("optim.t")?);
    let st = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| bad(e.to_string()))?;
    let mut state = adam_state(adapter);
    for (prefix, map) in [("m.", &mut state.m), ("v.", &mut state.v)] {
        for (name, vals) in map.iter_mut() {
            let view = st
                .tensor(&format!("{prefix}{name}"))
                .map_err(|e| bad(e.to_string()))?;
            let got: Vec<f32> = view
                .data()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            if got.len() != vals.len() {
                return Err(bad(format!("{prefix}{name} has the wrong size")));
            }
            *vals = got;
        }
    }
    state.t = t;
    Ok(Some((state, step)))
}

/// Bytes of activations that backward keeps for one batch of `rows` sequences of `context`
/// tokens when every block keeps its own (an estimate from the ops of a block on the CPU path:
/// the norms, projections, rotated queries and keys, grouped keys and values, attention probabilities,
/// SwiGLU and the dropout masks).
pub fn kept_activation_bytes(c: &Config, rows: usize, context: usize) -> u64 {
    let (h, i, hd) = (c.hidden_size, c.intermediate_size, c.head_dim());
    let (nh, nkv) = (c.num_attention_heads, c.kv_heads());
    let floats_per_token =
        8 * h + 2 * (nh + 2 * nkv) * hd + 4 * nh * hd + 2 * nh * context + 3 * i + (6 * h + i) / 4;
    (floats_per_token * 4 * rows * context * c.num_hidden_layers) as u64
}

/// Whether to recompute activations: when keeping them (`keep` bytes, plus a quarter) would
/// take more than the `free` memory of the device.
pub fn needs_recompute(keep: u64, free: Option<u64>) -> bool {
    free.is_some_and(|f| keep + keep / 4 > f)
}

/// The run's recompute choice: the options' when set, else [`needs_recompute`] against the
/// device's free memory (with the model already loaded).
pub fn resolve_recompute(
    forced: Option<bool>,
    config: &Config,
    rows: usize,
    context: usize,
    device: &Device,
) -> bool {
    forced.unwrap_or_else(|| {
        needs_recompute(
            kept_activation_bytes(config, rows, context),
            crate::trainer::device_free_memory(device).map(|m| m.0),
        )
    })
}

/// Returns the allocator's free pages to the system (glibc keeps freed heap memory resident
/// otherwise; it would count in the run's peak memory on top of the weights).
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A training run in memory.
pub struct Session<'a> {
    pub model: &'a Model,
    pub adapter: Adapter,
    pub opt: AdamState,
    /// The optimizer's moments while they are on a GPU.
    pub on_device: crate::trainer::optim::OnDevice,
    pub data: &'a Dataset,
    pub cfg: TrainConfig,
    pub seed: u64,
    pub round: u64,
    pub worker: [u8; 20],
    pub step: u64,
    /// Recompute each block's activations in backward instead of keeping them
    /// ([`Model::loss_and_grads`]): the same bits in less memory.
    pub recompute: bool,
    /// Times the phases of each step when set.
    pub timer: Option<PhaseTimer>,
}

impl Session<'_> {
    /// The optimizer state, with moments kept on a GPU read back.
    pub fn optimizer(&self) -> Result<std::borrow::Cow<'_, AdamState>> {
        self.opt.synced(&self.on_device)
    }

    /// One optimizer step; returns the batch's training loss and its input tokens.
    pub fn step(&mut self) -> Result<(f64, u64)> {
        // Inside the thread pool, as the builtin trainer's step: each kernel's parallel loop
        // then starts from a pool thread, not with a hand-off from the caller's thread, with
        // denormals flushed.
        crate::trainer::fpenv::in_pool(|| self.step_in_pool())
    }

    fn step_in_pool(&mut self) -> Result<(f64, u64)> {
        let mut timer = self.timer.take();
        let r = self.step_with(timer.as_mut());
        self.timer = timer;
        r
    }

    /// [`Session::step_in_pool`], its phases timed by `prof` where given.
    fn step_with(&mut self, mut prof: Option<&mut PhaseTimer>) -> Result<(f64, u64)> {
        if let Some(p) = prof.as_deref_mut() {
            p.start().map_err(ce)?;
        }
        let idx = data::batch_indices(
            self.seed,
            self.round,
            &self.worker,
            self.step,
            self.cfg.batch_size,
            self.data.train.len(),
        );
        let rows: Vec<&Example> = idx.iter().map(|&i| &self.data.train[i]).collect();
        let b = data::make_batch(&rows, 0);
        let dev = &self.model.device;
        let inputs = Tensor::from_vec(b.inputs, (b.rows, b.seq), dev).map_err(ce)?;
        let targets = Tensor::from_vec(b.targets, (b.rows, b.seq), dev).map_err(ce)?;
        let weights = Tensor::from_vec(b.weights, (b.rows, b.seq), dev).map_err(ce)?;
        let mut drop = Stream::new(
            "cohort.lora.dropout.v1",
            &[
                &self.seed.to_le_bytes(),
                &self.round.to_le_bytes(),
                &self.worker,
                &self.step.to_le_bytes(),
            ],
        );
        timings::mark(&mut prof, "batch").map_err(ce)?;
        let (value, grads) = self
            .model
            .loss_and_grads(
                &inputs,
                &targets,
                &weights,
                &self.adapter,
                Some(&mut drop),
                self.recompute,
            )
            .map_err(ce)?;
        timings::mark(&mut prof, "forward + backward").map_err(ce)?;
        let value = value as f64;
        if !value.is_finite() {
            if let Some(e) = non_finite_input(self.model, Some(&self.adapter)) {
                return Err(e);
            }
            return Err(Error::failed(
                "trainer.diverged",
                format!("training diverged at step {}: loss is {value}", self.step),
            )
            .hint("lower training.learning_rate or raise training.warmup_steps"));
        }
        let lr = self
            .cfg
            .lr_at(self.step, self.cfg.decay_steps.unwrap_or(self.cfg.steps));
        let vars = self.adapter.vars();
        let no_grad = ("lora.no_grad", "adapter tensor");
        let dev = &mut self.on_device;
        self.opt
            .step_vars(dev, &vars, &grads, lr, &self.cfg, &|_| true, no_grad)?;
        timings::mark(&mut prof, "optimizer").map_err(ce)?;
        self.step += 1;
        Ok((value, (b.rows * b.seq) as u64))
    }
}

/// The refusal of a base model (or adapter) whose weights hold a NaN or an infinity, naming the
/// first such tensor: every loss is then non-finite, whatever the learning rate. `None` when all
/// are finite.
fn non_finite_input(model: &Model, adapter: Option<&Adapter>) -> Option<Error> {
    if let Some(name) = model.non_finite_weight() {
        return Some(
            Error::usage(
                "lora.bad_weights",
                format!(
                    "the base model {} has non-finite weights (NaN or infinity), in tensor {name} \
                     at least: every loss is NaN",
                    model.dir.display()
                ),
            )
            .hint("download or convert the base model again; check it loads in transformers"),
        );
    }
    let ad = adapter?;
    let name = ad
        .vars()
        .into_iter()
        .find(|(_, v)| !model::all_finite(v.as_tensor()))?
        .0;
    Some(
        Error::usage(
            "lora.bad_adapter",
            format!(
                "the adapter has non-finite weights (NaN or infinity), in tensor {name} at least"
            ),
        )
        .hint("start from an earlier checkpoint, or from a fresh adapter without --init"),
    )
}

/// Mean loss per scored token of `examples` (batches of `batch`), and the tokens scored. Runs
/// in the thread pool with denormals flushed, as a training step.
pub fn eval_loss(
    model: &Model,
    adapter: Option<&Adapter>,
    examples: &[Example],
    batch: usize,
) -> Result<Option<(f64, u64)>> {
    crate::trainer::fpenv::in_pool(|| eval_loss_in_pool(model, adapter, examples, batch))
}

fn eval_loss_in_pool(
    model: &Model,
    adapter: Option<&Adapter>,
    examples: &[Example],
    batch: usize,
) -> Result<Option<(f64, u64)>> {
    let (mut total, mut count) = (0f64, 0f64);
    for chunk in examples.chunks(batch.max(1)) {
        let rows: Vec<&Example> = chunk.iter().collect();
        let b = data::make_batch(&rows, 0);
        let n: f32 = b.weights.iter().sum();
        if n == 0.0 {
            continue;
        }
        let loss = batch_loss(model, adapter, b).map_err(ce)?;
        total += loss as f64 * n as f64;
        count += n as f64;
    }
    Ok((count > 0.0).then(|| (total / count, count as u64)))
}

fn batch_loss(
    model: &Model,
    adapter: Option<&Adapter>,
    b: data::Batch,
) -> candle_core::Result<f32> {
    let dev = &model.device;
    let inputs = Tensor::from_vec(b.inputs, (b.rows, b.seq), dev)?;
    let targets = Tensor::from_vec(b.targets, (b.rows, b.seq), dev)?;
    let weights = Tensor::from_vec(b.weights, (b.rows, b.seq), dev)?;
    model.loss_value(&inputs, &targets, &weights, adapter)
}

fn dir_bytes(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// A fresh adapter (B = 0) at step 0, or the `--init` one with its optimizer state and step.
fn start_adapter(
    opts: &LoraTrainOptions,
    config: &Config,
    seed: u64,
    device: &Device,
) -> Result<(Adapter, AdamState, u64)> {
    let (a, o, step) = match &opts.init {
        None => {
            let a = Adapter::init(&opts.lora, config, seed, device)?;
            let o = adam_state(&a);
            (a, o, 0)
        }
        Some(file) if file.is_file() => {
            let c = pool::LoraCheckpoint::load(file).map_err(|e| match file.parent() {
                Some(d) if d.join("adapter_config.json").is_file() => e.hint(format!(
                    "{} is a file of the PEFT adapter folder {}: pass the folder to --init",
                    file.display(),
                    d.display()
                )),
                _ => e,
            })?;
            if c.spec != opts.lora {
                return Err(spec_mismatch(file, &c.spec, &opts.lora));
            }
            let a = c.to_adapter(config, device)?;
            let o = c.optimizer.clone().unwrap_or_else(|| adam_state(&a));
            (a, o, c.step)
        }
        Some(dir) => {
            let peft = lora::PeftConfig::load(dir)?;
            let got = peft.spec();
            let sorted = |s: &LoraSpec| {
                let mut t = s.targets.clone();
                t.sort();
                t.dedup();
                (s.rank, s.alpha, t)
            };
            if sorted(&got) != sorted(&opts.lora) {
                return Err(spec_mismatch(dir, &got, &opts.lora));
            }
            check_adapter_base(
                dir,
                peft.base_model_name_or_path.as_deref(),
                &opts.base,
                config,
                true,
            )?;
            let mut a = Adapter::load_peft(dir, config, device)?;
            // Trains on with the spec's dropout (and its targets' order in adapter_config.json).
            a.spec = opts.lora.clone();
            match load_optimizer(dir, &a)? {
                Some((o, step)) => (a, o, step),
                None => {
                    let o = adam_state(&a);
                    (a, o, 0)
                }
            }
        }
    };
    let o = if opts.fresh_optimizer {
        adam_state(&a)
    } else {
        o
    };
    Ok((a, o, opts.start_step.unwrap_or(step)))
}

/// The refusal of an `--init` adapter whose rank, alpha or targets are not the spec's.
fn spec_mismatch(init: &Path, got: &LoraSpec, want: &LoraSpec) -> Error {
    let says = |s: &LoraSpec| format!("{:?} at rank {} (alpha {})", s.targets, s.rank, s.alpha);
    Error::usage(
        "lora.bad_checkpoint",
        format!(
            "{} adapts {}; the spec says {}",
            init.display(),
            says(got),
            says(want)
        ),
    )
    .hint(
        "set model.rank, model.alpha and model.targets to the adapter's, or train a fresh \
         adapter without --init",
    )
}

/// Refuses an adapter folder made for another base model: where the base it names
/// (`base_model_name_or_path`) is a Hugging Face folder here and not `base` (whose config is
/// `config`), their architectures and shapes must agree. (The adapter's tensors must fit `base`
/// anyway.) `init`: the adapter is `train --init`'s, and `base` the spec's.
fn check_adapter_base(
    dir: &Path,
    named: Option<&str>,
    base: &Path,
    config: &Config,
    init: bool,
) -> Result<()> {
    let Some(named) = named.filter(|n| !n.is_empty()) else {
        return Ok(());
    };
    let theirs = Path::new(named);
    if !theirs.join("config.json").is_file() {
        return Ok(());
    }
    if let (Ok(a), Ok(b)) = (theirs.canonicalize(), base.canonicalize())
        && a == b
    {
        return Ok(());
    }
    let Ok(other) = Config::load(theirs) else {
        return Ok(());
    };
    let shape = |c: &Config| {
        format!(
            "{} with {} layers, hidden {}, intermediate {}, {} heads ({} key/value), vocabulary {}",
            if c.model_type.is_empty() {
                "?"
            } else {
                &c.model_type
            },
            c.num_hidden_layers,
            c.hidden_size,
            c.intermediate_size,
            c.num_attention_heads,
            c.kv_heads(),
            c.vocab_size
        )
    };
    if shape(&other) != shape(config) || other.architectures != config.architectures {
        return Err(Error::usage(
            "lora.base_mismatch",
            format!(
                "{} was trained on {named} ({}); {} {} is {}",
                dir.display(),
                shape(&other),
                if init { "the spec's base" } else { "the base" },
                base.display(),
                shape(config)
            ),
        )
        .hint(if init {
            format!(
                "set model.base to {named}, or train a fresh adapter for {} without --init",
                base.display()
            )
        } else {
            format!(
                "give {named} as the base model, or an adapter trained on {}",
                base.display()
            )
        }));
    }
    Ok(())
}

/// Reads the PEFT adapter folder `dir` for the base model `base` (whose config is `config`),
/// refusing one trained on another base ([`check_adapter_base`]).
fn load_adapter_for(dir: &Path, base: &Path, config: &Config, device: &Device) -> Result<Adapter> {
    let peft = lora::PeftConfig::load(dir)?;
    check_adapter_base(
        dir,
        peft.base_model_name_or_path.as_deref(),
        base,
        config,
        false,
    )?;
    Adapter::load_peft(dir, config, device)
}

/// Losses and tokens since the last metrics row.
struct Window {
    sum: f64,
    n: u64,
    tokens: u64,
    since: Instant,
}

impl Window {
    fn new() -> Window {
        Window {
            sum: 0.0,
            n: 0,
            tokens: 0,
            since: Instant::now(),
        }
    }

    fn add(&mut self, loss: f64, tokens: u64) {
        self.sum += loss;
        self.n += 1;
        self.tokens += tokens;
    }

    /// The row of the steps since the last one, and a fresh window.
    fn take(&mut self, step: u64, val_loss: Option<f64>, lr: f64, began: Instant) -> MetricRow {
        let row = MetricRow {
            step,
            train_loss: self.sum / self.n.max(1) as f64,
            val_loss,
            tokens_per_s: self.tokens as f64 / self.since.elapsed().as_secs_f64().max(1e-9),
            learning_rate: lr,
            elapsed_s: began.elapsed().as_secs_f64(),
        };
        *self = Window::new();
        row
    }
}

/// ", loss L, validation loss V" for the outcome line, each part when known.
fn loss_suffix(last_loss: f64, final_val: Option<f64>) -> String {
    let mut s = String::new();
    if last_loss.is_finite() {
        s.push_str(&format!(", loss {last_loss:.3}"));
    }
    if let Some(v) = final_val {
        s.push_str(&format!(", validation loss {v:.4}"));
    }
    s
}

/// Notes that most JSONL examples were cut to the context; refuses (exit 2) a run whose
/// validation examples were all cut away (no token to learn within the context) while
/// there were enough examples to hold some out.
fn check_cut(data: &Dataset, context: usize, progress: &dyn Progress) -> Result<()> {
    if data.val.is_empty() && data.cut_away > 0 && data.examples >= 10 {
        return Err(Error::usage(
            "data.too_short",
            format!(
                "no validation example is left within the context of {context} tokens: {} of {} \
                 examples have their answer or completion beyond it, and training would run \
                 on {} unvalidated",
                data.cut_away,
                data.examples,
                data.train.len()
            ),
        )
        .hint("raise model.context in the spec (at most the model's max_position_embeddings)"));
    }
    if data.truncated * 2 > data.examples || data.cut_away > 0 {
        progress.note(&format!(
            "{} of {} examples are longer than the context of {context} tokens and were cut \
             ({} left out, with nothing to learn within it): raise model.context to keep them whole",
            data.truncated, data.examples, data.cut_away
        ));
    }
    Ok(())
}

/// Trains a LoRA adapter as `opts` says: adapter folders `step-NNNNNN/` (PEFT format plus
/// `optimizer.safetensors`) at the start, every K global steps and at the end, and metrics.json.
pub fn train(opts: &LoraTrainOptions, progress: &dyn Progress) -> Result<LoraTrainReport> {
    let cfg = &opts.training;
    cfg.validate()?;
    let config = Config::load(&opts.base)?;
    opts.lora.validate(Some(&config))?;
    check_context(&config, opts.context, &opts.base)?;
    let codec = TextCodec::load(&opts.base)?;
    let device = opts.device.device()?;
    start_gpu_memory(&device);
    // The data before the model: tokenizing a large file takes memory for a while, which is
    // then handed back before the weights arrive.
    let data = Dataset::load(&opts.data, &codec, opts.context)?;
    match check_cut(&data, opts.context, progress) {
        // A pool's round trains on what its job's spec gives (the coordinator validates with
        // its own data), so a worker goes on.
        Err(e) if opts.pool_files => progress.note(&e.message),
        r => r?,
    }
    release_free_memory();
    let model = Model::load(&opts.base, &device, dtype_for(&device))?;
    let seed = opts.seed.unwrap_or(cfg.seed);
    let (adapter, opt, start) = start_adapter(opts, &config, seed, &device)?;
    let steps = crate::trainer::run_steps(opts.steps, opts.training.steps, start)?;
    if opts.steps.is_none() && start > 0 {
        progress.note(&format!(
            "continuing from step {start}: {steps} steps to training.steps = {} (--steps N trains N from here)",
            cfg.steps
        ));
    }
    let base_name = opts
        .base_label
        .clone()
        .unwrap_or_else(|| opts.base.display().to_string());
    let recompute = resolve_recompute(
        opts.recompute,
        &config,
        cfg.batch_size,
        opts.context,
        &device,
    );
    if recompute && opts.recompute.is_none() {
        progress.note(&format!(
            "recomputing activations in backward: keeping them would take about {} MiB, more than is free",
            kept_activation_bytes(&config, cfg.batch_size, opts.context) >> 20
        ));
    }
    let mut s = Session {
        model: &model,
        adapter,
        opt,
        on_device: Default::default(),
        data: &data,
        cfg: cfg.clone(),
        seed,
        round: opts.round,
        worker: opts.worker,
        step: start,
        recompute,
        timer: None,
    };
    crate::fsutil::ensure_dir(&opts.out_dir, 0o755)?;
    let every = opts.checkpoint_every.or(cfg.checkpoint_every);
    let eval_every = cfg.eval_every.or(every);
    let end = start + steps;
    let val_cap = cfg.eval_windows.max(1);
    let val: &[Example] = &data.val[..data.val.len().min(val_cap)];
    let ck_dir = |step: u64| {
        let ext = if opts.pool_files { ".safetensors" } else { "" };
        opts.out_dir.join(format!("step-{step:06}{ext}"))
    };
    let anchor = opts.checkpoint_anchor.unwrap_or(0);
    let on_grid = |step: u64, k: u64| step >= anchor && (step - anchor).is_multiple_of(k);

    let mut adapters = Vec::new();
    save_checkpoint(
        &ck_dir(start),
        &s.adapter,
        &*s.optimizer()?,
        start,
        &base_name,
    )?;
    adapters.push(ck_dir(start));
    crate::trainer::set_last_checkpoint(Some(ck_dir(start)));
    let initial_val = eval_loss(&model, Some(&s.adapter), val, cfg.batch_size)?.map(|v| v.0);
    // What loading and the first evaluation freed goes back before training starts.
    release_free_memory();
    if let Some(v) = initial_val {
        progress.note(&format!(
            "step {start}: validation loss {v:.4} before training"
        ));
    }
    let task = progress.task("training", Some(steps), Unit::Steps);
    let log_every = (steps / 200).max(1);
    let mut metrics = Vec::new();
    let mut window = Window::new();
    let (mut tokens, mut last_loss, mut final_val) = (0u64, f64::NAN, None);
    let began = Instant::now();
    // Timing leaves out the first step where there are more (kernels compile, caches fill).
    let timed_from = opts
        .timings
        .then_some(if steps > 1 { start + 1 } else { start });
    while s.step < end {
        if timed_from == Some(s.step) {
            s.timer = Some(PhaseTimer::new(&model.device));
        }
        let lr = cfg.lr_at(s.step, cfg.decay_steps.unwrap_or(cfg.steps));
        let (loss, tok) = s.step()?;
        last_loss = loss;
        tokens += tok;
        window.add(loss, tok);
        let step = s.step;
        let val_loss = if eval_every.is_some_and(|e| step.is_multiple_of(e)) || step == end {
            let v = eval_loss(&model, Some(&s.adapter), val, cfg.batch_size)?.map(|v| v.0);
            timings::mark(&mut s.timer.as_mut(), "validation").map_err(ce)?;
            v
        } else {
            None
        };
        if step == end {
            final_val = val_loss;
        }
        if window.n >= log_every || val_loss.is_some() || step == end {
            let row = window.take(step, val_loss, lr, began);
            task.set_message(&format!(
                "loss {:.3} · {:.0} tok/s",
                row.train_loss, row.tokens_per_s
            ));
            metrics.push(row);
        }
        if let Some(v) = val_loss
            && step != end
        {
            progress.note(&format!("step {step}: validation loss {v:.4}"));
        }
        if every.is_some_and(|k| on_grid(step, k)) || step == end {
            save_checkpoint(
                &ck_dir(step),
                &s.adapter,
                &*s.optimizer()?,
                step,
                &base_name,
            )?;
            adapters.push(ck_dir(step));
            crate::trainer::set_last_checkpoint(Some(ck_dir(step)));
            timings::mark(&mut s.timer.as_mut(), "checkpoint").map_err(ce)?;
        }
        task.inc(1);
    }
    let mut outcome = crate::progress::items_outcome("trained", steps, "steps", began.elapsed());
    outcome.push_str(&loss_suffix(last_loss, final_val));
    task.finish_with(&outcome);
    let seconds = began.elapsed().as_secs_f64();
    let final_adapter = adapters.last().cloned().expect("one adapter at least");
    let report = LoraTrainReport {
        adapter_bytes: dir_bytes(&[if opts.pool_files {
            final_adapter.clone()
        } else {
            final_adapter.join("adapter_model.safetensors")
        }]),
        base_bytes: dir_bytes(&model::weight_files(&opts.base)?),
        final_adapter,
        adapters,
        metrics_file: opts.out_dir.join("metrics.json"),
        start_step: start,
        end_step: end,
        tokens,
        seconds,
        tokens_per_s: tokens as f64 / seconds.max(1e-9),
        final_train_loss: last_loss,
        initial_val_loss: initial_val,
        final_val_loss: final_val,
        final_val_perplexity: final_val.map(f64::exp),
        trainable_parameters: s.adapter.parameters(),
        base_parameters: config.parameters(),
        train_examples: data.train.len(),
        val_examples: data.val.len(),
        truncated_examples: data.truncated,
        files: data.files,
        device: device_name(&device),
        gpu_memory: gpu_memory(&device),
        recompute,
        metrics,
        timings: s.timer.as_ref().map(|p| p.report()),
    };
    let json = serde_json::to_vec_pretty(&report).expect("report serializes");
    crate::fsutil::write_atomic(&report.metrics_file, &json, 0o644)?;
    Ok(report)
}

/// A Hugging Face model's loss on some data.
#[derive(Debug, Clone, Serialize)]
pub struct LoraEvalReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub model: PathBuf,
    #[serde(serialize_with = "crate::fsutil::lossy::option")]
    pub adapter: Option<PathBuf>,
    pub split: crate::trainer::Split,
    /// Mean cross-entropy per scored token, nats.
    pub loss: f64,
    pub perplexity: f64,
    /// Tokens scored.
    pub tokens: u64,
    pub sequences: usize,
    pub context: usize,
}

/// The context `cohort model eval` scores a folder with when none is given: 256 tokens, or the
/// model's `max_position_embeddings` where that is smaller.
pub const EVAL_CONTEXT: usize = 256;

/// What [`evaluate`] scores.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Tokens per sequence (default [`EVAL_CONTEXT`], at most the model's).
    pub context: Option<usize>,
    /// The training split, the validation split (the last tenth of every text file, every
    /// tenth JSONL line, as `train` holds out) or both.
    pub split: crate::trainer::Split,
    /// At most this many sequences, spread evenly over the split (default: all).
    pub max_sequences: Option<usize>,
}

/// Loss and perplexity of a folder (with an adapter) on the sequences of `data` that `opts`
/// choose.
pub fn evaluate(
    dir: &Path,
    adapter: Option<&Path>,
    data: &[PathBuf],
    opts: &EvalOptions,
    device: DeviceChoice,
) -> Result<LoraEvalReport> {
    let config = Config::load(dir)?;
    let context = opts
        .context
        .unwrap_or(EVAL_CONTEXT.min(config.max_position_embeddings));
    check_context(&config, context, dir)?;
    let codec = TextCodec::load(dir)?;
    let device = device.device()?;
    let model = Model::load(dir, &device, dtype_for(&device))?;
    let ad = match adapter {
        Some(p) => Some(load_adapter_for(p, dir, &config, &device)?),
        None => None,
    };
    let ds = Dataset::load(data, &codec, context)?;
    let chosen: Vec<&Example> = opts
        .split
        .parts(&ds.train, &ds.val)
        .into_iter()
        .flatten()
        .collect();
    let all: Vec<Example> = crate::trainer::data::spread(chosen.len(), opts.max_sequences)
        .map(|i| chosen[i].clone())
        .collect();
    let (loss, tokens) = eval_loss(&model, ad.as_ref(), &all, 8)?.ok_or_else(|| {
        let e = Error::usage(
            "data.too_short",
            format!(
                "the {} split of the data has no token to score{}",
                opts.split.as_str(),
                if ds.cut_away > 0 {
                    format!(
                        " within the context of {context} tokens ({} of {} examples have their \
                         answer or completion beyond it)",
                        ds.cut_away, ds.examples
                    )
                } else {
                    String::new()
                }
            ),
        );
        if ds.cut_away > 0 {
            e.hint("raise --context (at most the model's max_position_embeddings)")
        } else {
            e.hint("choose another --split, or give more data")
        }
    })?;
    if !loss.is_finite() {
        return Err(non_finite_input(&model, ad.as_ref()).unwrap_or_else(|| {
            Error::failed(
                "lora.eval_non_finite",
                format!("the loss is {loss}: the model's outputs overflow on this data"),
            )
            .hint("evaluate on the CPU (--device cpu), where the base runs in f32")
        }));
    }
    Ok(LoraEvalReport {
        model: dir.to_path_buf(),
        adapter: adapter.map(Path::to_path_buf),
        split: opts.split,
        loss,
        perplexity: loss.exp(),
        tokens,
        sequences: all.len(),
        context,
    })
}

/// How to sample.
#[derive(Debug, Clone, Copy)]
pub struct SampleOptions {
    pub max_tokens: usize,
    /// EOS is not drawn before this many new tokens (transformers' `min_new_tokens`).
    pub min_tokens: usize,
    /// 0: always the most likely token.
    pub temperature: f64,
    /// Nucleus sampling: the smallest set of tokens whose probability reaches `top_p` (1: all).
    pub top_p: f64,
    pub seed: u64,
}

/// Why generation stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// An end-of-sequence token.
    Eos,
    /// `max_tokens` reached.
    Length,
    /// The context (`max_position_embeddings`) is full.
    Context,
    /// The callback asked to stop.
    Stopped,
}

/// A base model with an optional adapter and its tokenizer: what serving and `cohort model
/// generate` use.
pub struct Generator {
    pub model: Model,
    pub adapter: Option<Adapter>,
    pub codec: TextCodec,
    pub eos: Vec<u32>,
}

impl Generator {
    /// Loads a Hugging Face folder, and a PEFT adapter for it when given.
    pub fn load(dir: &Path, adapter: Option<&Path>, device: DeviceChoice) -> Result<Generator> {
        let device = device.device()?;
        let model = Model::load(dir, &device, dtype_for(&device))?;
        let codec = TextCodec::load(dir)?;
        let adapter = match adapter {
            Some(p) => Some(load_adapter_for(p, dir, &model.config, &device)?),
            None => None,
        };
        let mut eos = model.config.eos_ids();
        eos.extend(codec.eos_id());
        eos.sort_unstable();
        eos.dedup();
        Ok(Generator {
            model,
            adapter,
            codec,
            eos,
        })
    }

    /// Token ids of a prompt: as a user message through the chat template (with the
    /// assistant's turn opened) when `chat`, else the text with the tokenizer's special tokens.
    pub fn prompt_ids(&self, prompt: &str, chat: bool) -> Result<Vec<u32>> {
        if chat {
            let msgs = [Message {
                role: "user".into(),
                content: prompt.into(),
            }];
            self.chat_ids(&msgs)
        } else {
            self.codec.encode(prompt, true)
        }
    }

    /// Token ids of a conversation with the assistant's turn opened.
    pub fn chat_ids(&self, messages: &[Message]) -> Result<Vec<u32>> {
        let text = self.codec.render(messages, true)?;
        self.codec.encode(&text, false)
    }

    /// Logits (f32) of the token after `ids`, which continue what `cache` holds.
    pub fn next_logits(&self, cache: &mut KvCache, ids: &[u32]) -> Result<Vec<f32>> {
        let n = ids.len();
        if cache.len() + n > self.model.config.max_position_embeddings {
            return Err(Error::usage(
                "generate.context",
                format!(
                    "{} tokens exceed the model's max_position_embeddings {}",
                    cache.len() + n,
                    self.model.config.max_position_embeddings
                ),
            ));
        }
        let t = Tensor::from_slice(ids, (1, n), &self.model.device).map_err(ce)?;
        self.model
            .forward(&t, self.adapter.as_ref(), Some(cache), None)
            .and_then(|l| l.get(0)?.get(n - 1)?.to_vec1::<f32>())
            .map_err(ce)
    }

    /// Generates after `prompt` until EOS (not before `min_tokens`), `max_tokens` or the
    /// context's end; `on_token` sees each new token and returns false to stop. Returns the new
    /// tokens and why it stopped. A prompt longer than the context is refused (exit 2).
    pub fn generate(
        &self,
        prompt: &[u32],
        opts: SampleOptions,
        mut on_token: impl FnMut(u32) -> bool,
    ) -> Result<(Vec<u32>, StopReason)> {
        if !(opts.temperature >= 0.0 && opts.temperature.is_finite()) {
            return Err(Error::usage(
                "generate.temperature",
                "--temperature must be 0 or more",
            ));
        }
        if !(opts.top_p > 0.0 && opts.top_p <= 1.0) {
            return Err(Error::usage("generate.top_p", "--top-p must be in (0, 1]"));
        }
        if opts.min_tokens > opts.max_tokens {
            return Err(Error::usage(
                "generate.min_tokens",
                format!(
                    "--min-tokens {} is more than --max-tokens {}",
                    opts.min_tokens, opts.max_tokens
                ),
            ));
        }
        if prompt.is_empty() {
            return Err(Error::usage(
                "generate.empty",
                "the prompt has no tokens: give --prompt text",
            ));
        }
        let max_pos = self.model.config.max_position_embeddings;
        if prompt.len() > max_pos {
            return Err(Error::usage(
                "generate.context",
                format!(
                    "the prompt is {} tokens, more than the model's context of {max_pos} tokens \
                     (max_position_embeddings)",
                    prompt.len()
                ),
            )
            .hint("shorten the prompt"));
        }
        let mut rng = Stream::new("cohort.lora.sample.v1", &[&opts.seed.to_le_bytes()]);
        let mut cache = KvCache::default();
        let mut out = Vec::new();
        let mut feed = prompt.to_vec();
        loop {
            if out.len() >= opts.max_tokens {
                return Ok((out, StopReason::Length));
            }
            if cache.len() + feed.len() > max_pos {
                return Ok((out, StopReason::Context));
            }
            let mut logits = self.next_logits(&mut cache, &feed)?;
            if out.len() < opts.min_tokens {
                for &e in &self.eos {
                    if let Some(l) = logits.get_mut(e as usize) {
                        *l = f32::NEG_INFINITY;
                    }
                }
            }
            let next = rng::sample(&logits, opts.temperature, opts.top_p, &mut rng);
            if self.eos.contains(&next) {
                return Ok((out, StopReason::Eos));
            }
            out.push(next);
            if !on_token(next) {
                return Ok((out, StopReason::Stopped));
            }
            feed = vec![next];
        }
    }
}

/// The lock file of merges into `out`: `.NAME.merge-lock` beside it. It stays (see
/// [`crate::fsutil::Lock`]).
fn merge_lock_file(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.merge-lock"))
}

/// Takes the output `out` of a merge for this process (exit 2 naming the process merging into
/// it now), after removing the scratch folders (`NAME.partial`) that killed merges left beside
/// it: those whose lock no process holds.
fn lock_merge_out(out: &Path) -> Result<crate::fsutil::Lock> {
    let path = merge_lock_file(out);
    let Some(lock) = crate::fsutil::Lock::try_acquire_as_holder(&path)? else {
        return Err(Error::usage(
            "merge.out_in_use",
            format!(
                "another `cohort model merge`{} is writing {} now",
                crate::fsutil::Lock::holder(&path),
                out.display()
            ),
        )
        .hint("wait for it to finish, or choose another folder with -o"));
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    for e in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".merge-lock"))
        else {
            continue;
        };
        let partial = parent.join(format!("{stem}.partial"));
        if e.path() == path || !partial.is_dir() {
            continue;
        }
        if let Ok(Some(_stale)) = crate::fsutil::Lock::try_acquire(&e.path()) {
            let _ = std::fs::remove_dir_all(&partial);
        }
    }
    Ok(lock)
}

/// What `merge` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct MergeReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub out: PathBuf,
    pub merged_layers: usize,
    pub files: Vec<String>,
}

/// Writes `out` as a full Hugging Face folder: the base's files with every adapted weight
/// replaced by `W + (alpha/r)·B·A` (in the base's dtype), loadable without PEFT.
pub fn merge(base: &Path, adapter: &Path, out: &Path) -> Result<MergeReport> {
    let config = Config::load(base)?;
    let cpu = Device::Cpu;
    let ad = load_adapter_for(adapter, base, &config, &cpu)?;
    if out.exists() && !out.is_dir() {
        return Err(Error::usage(
            "merge.out_exists",
            format!("{} is a file; -o takes a folder to write", out.display()),
        )
        .hint("choose a new folder with -o"));
    }
    let _lock = lock_merge_out(out)?;
    if out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Error::usage(
            "merge.out_exists",
            format!("{} exists and is not empty", out.display()),
        )
        .hint("choose a new folder with -o"));
    }
    let files = model::weight_files(base)?;
    // SAFETY: read-only mapping, as in Model::load.
    let st =
        unsafe { candle_core::safetensors::MmapedSafetensors::multi(&files) }.map_err(|e| {
            Error::usage(
                "lora.bad_weights",
                format!("could not read the weights in {}: {e}", base.display()),
            )
        })?;
    // Beside `out`, so that the rename is within one file system.
    let tmp = merge_lock_file(out).with_file_name(format!(
        "{}.partial",
        out.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    crate::fsutil::ensure_dir(&tmp, 0o755)?;
    let mut tensors = std::collections::HashMap::new();
    let mut merged = 0;
    for (name, _) in st.tensors() {
        let t = st.load(&name, &cpu).map_err(ce)?;
        let path = name.strip_suffix(".weight").unwrap_or(&name);
        let t = match ad.pair(path) {
            Some((a, b)) if name.ends_with(".weight") => {
                merged += 1;
                let dt = t.dtype();
                let delta = (b.matmul(a).map_err(ce)? * ad.scale()).map_err(ce)?;
                (t.to_dtype(DType::F32).map_err(ce)? + delta)
                    .and_then(|w| w.to_dtype(dt))
                    .map_err(ce)?
            }
            _ => t,
        };
        tensors.insert(name, t);
    }
    if merged != ad.pairs.len() {
        return Err(Error::usage(
            "merge.mismatch",
            format!(
                "the adapter adapts {} layers but only {merged} were found in {}",
                ad.pairs.len(),
                base.display()
            ),
        ));
    }
    let weights = tmp.join("model.safetensors");
    candle_core::safetensors::save(&tensors, &weights).map_err(ce)?;
    // Written through a private temporary file: give it the folder's mode less the execute
    // bits (0644 under umask 022, 0600 under 077), as the other files have.
    let dir_mode = std::fs::metadata(&tmp)
        .map_err(|e| Error::io("read", &tmp, e))?
        .permissions()
        .mode();
    std::fs::set_permissions(&weights, std::fs::Permissions::from_mode(dir_mode & 0o666))
        .map_err(|e| Error::io("set permissions on", &weights, e))?;
    let mut written = vec!["model.safetensors".to_string()];
    let entries = std::fs::read_dir(base).map_err(|e| {
        Error::usage(
            "merge.read",
            format!("could not read {}: {e}", base.display()),
        )
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".safetensors") && n != "model.safetensors.index.json")
        .collect();
    names.sort();
    for n in names {
        crate::fsutil::copy_new(&base.join(&n), &tmp.join(&n), 0o644)?;
        written.push(n);
    }
    if out.exists() {
        let _ = std::fs::remove_dir(out);
    }
    std::fs::rename(&tmp, out).map_err(|e| {
        Error::failed(
            "merge.write",
            format!("could not move {} to {}: {e}", tmp.display(), out.display()),
        )
    })?;
    Ok(MergeReport {
        out: out.to_path_buf(),
        merged_layers: merged,
        files: written,
    })
}

#[cfg(test)]
mod tests;
