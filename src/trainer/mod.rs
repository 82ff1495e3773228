//! The builtin trainer: a byte-level decoder-only transformer that cohort trains, averages,
//! evaluates, samples from and re-executes to verify, on CPU (default) or CUDA (`cuda` feature).
//!
//! # Reproducibility
//! On CPU the same data files, config, seed, round, worker, start checkpoint and thread count
//! give a bit-identical checkpoint. Every random choice comes from BLAKE3 streams (see
//! `rng`); candle's OS-seeded initialization is never used. The fused kernels (`ops`) and the
//! optimizer compute every value on one thread in a fixed order, and candle's matrix products
//! (gemm) sum each output element in order on one thread, so results were also identical
//! across 1 and 2 threads (`RAYON_NUM_THREADS`); across thread counts in general this is
//! observed, not promised. Across CPU models (different SIMD width, FMA) results may differ
//! in the last bits: verification reports the largest difference per tensor so a verifier
//! can tell rounding noise from different work. CUDA runs are not bit-reproducible.
//!
//! # Rounds
//! Checkpoints every K global steps carry the AdamW state, so any span [s, s+K] can be
//! re-executed from the checkpoint at s (`verify_span`). A pool round starts from the
//! federated average of the previous round's weights with a fresh optimizer state: averaging
//! (`average`) combines weights only. `[training.outer]` can choose DiLoCo's outer Nesterov step
//! on the averaged pseudo-gradient instead (`outer`), and `[training.compress]` top-k
//! compression of each worker's pseudo-gradient with error feedback (`compress`).

pub mod average;
pub mod checkpoint;
pub mod compress;
pub mod config;
#[cfg(feature = "cuda")]
pub mod cuda;
pub mod data;
pub mod direct;
pub mod fast;
pub mod fpenv;
pub mod model;
pub mod ops;
pub mod optim;
pub mod outer;
pub mod rng;
pub mod timings;
pub mod verify;

use std::path::{Path, PathBuf};
use std::time::Instant;

use candle_core::Device;
use serde::Serialize;

pub use average::average;
pub use checkpoint::Checkpoint;
pub use config::{ModelConfig, TrainConfig, VOCAB};
pub use data::Corpus;
pub use verify::{
    DEFAULT_GPU_TOLERANCE, DEFAULT_TOLERANCE, TensorDiff, Tolerance, VerifyOptions, VerifyReport,
    verify_span,
};

use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};
use model::{Model, ce};
use ops::Kernels;
use optim::AdamW;
use rng::Stream;

/// Where the tensors live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceChoice {
    /// CUDA GPU 0 when built with `cuda` and one is present, else the CPU.
    #[default]
    Auto,
    Cpu,
    Cuda,
}

impl DeviceChoice {
    pub fn device(self) -> Result<Device> {
        match self {
            DeviceChoice::Cpu => Ok(Device::Cpu),
            // A build without CUDA, or a CUDA build on a machine without a usable GPU (no device,
            // or the driver's stub library), trains on the CPU; `cuda` is the way to insist.
            DeviceChoice::Auto => Ok(open_gpu().unwrap_or(Device::Cpu)),
            DeviceChoice::Cuda => {
                if !cfg!(feature = "cuda") {
                    return Err(Error::usage(
                        "trainer.no_cuda",
                        "this cohort was built without CUDA support",
                    )
                    .hint(format!("{REINSTALL_WITH_CUDA}, or use --device cpu")));
                }
                open_gpu().map_err(|e| {
                    Error::failed(
                        "trainer.no_cuda",
                        format!("could not open CUDA device 0: {e}"),
                    )
                })
            }
        }
    }
}

/// Whether this build and machine have a GPU to train on (what [`DeviceChoice::Auto`] would
/// pick). Opens it to find out: ask only where the answer decides something.
pub fn gpu_present() -> bool {
    cfg!(feature = "cuda") && open_gpu().is_ok()
}

/// CUDA GPU 0 on a stream of its own, with cudarc's cross-stream event tracking off.
///
/// The device is opened with a stream of its own (`new_cuda_with_stream`), not candle's default,
/// CUDA's per-thread stream: a step runs on whichever pool thread takes it (`fpenv::in_pool`), and
/// on per-thread streams the uploads made on the caller's thread (weights, a checkpoint, a pool
/// average) and the step's launches would sit on different streams with nothing ordering them.
/// On its own stream every copy and launch of the device is in one order, whatever thread issues
/// it. A context with a created stream puts cudarc into multi-stream mode, where it would create,
/// record and wait on events for every buffer and launch; they would order nothing that one
/// stream does not, so they are turned off. Its memory pool keeps what a step frees for the next
/// ([`cuda::keep_freed_memory`]).
fn open_gpu() -> candle_core::Result<Device> {
    let d = Device::new_cuda_with_stream(0)?;
    #[cfg(feature = "cuda")]
    if let Device::Cuda(c) = &d {
        // SAFETY: cohort uses one stream per device, the one it was opened with: candle's ops,
        // cuBLAS and curand take it, and so do cohort's kernels and copies (`cuda_stream()`), so no
        // buffer is used on a stream other than the one that wrote it.
        unsafe { c.disable_event_tracking() };
        // A saving, not a condition: a GPU whose pool refuses the setting still trains.
        let _ = cuda::keep_freed_memory(c);
    }
    Ok(d)
}

/// The most memory a run's tensors had in use on a GPU and the most its memory pool reserved
/// for them, in bytes (PyTorch's `max_memory_allocated` and `max_memory_reserved`). The driver's
/// figure (nvidia-smi's) adds the CUDA context and cuBLAS's workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GpuMemory {
    pub peak_in_use_bytes: u64,
    pub peak_reserved_bytes: u64,
}

/// Starts counting a run's [`GpuMemory`] on `d` (nothing on the CPU).
pub fn start_gpu_memory(d: &Device) {
    #[cfg(feature = "cuda")]
    if let Device::Cuda(c) = d {
        // A count, not a condition of training.
        let _ = cuda::reset_peak_memory(c);
    }
    let _ = d;
}

/// The [`GpuMemory`] of `d` since [`start_gpu_memory`]; `None` on the CPU, or where the GPU
/// allocates without a pool.
pub fn gpu_memory(d: &Device) -> Option<GpuMemory> {
    #[cfg(feature = "cuda")]
    if let Device::Cuda(c) = d {
        return cuda::peak_memory(c)
            .ok()
            .flatten()
            .map(|(used, reserved)| GpuMemory {
                peak_in_use_bytes: used,
                peak_reserved_bytes: reserved,
            });
    }
    let _ = d;
    None
}

/// Describes a device in words.
pub fn device_name(d: &Device) -> String {
    if d.is_cpu() {
        format!("cpu ({} threads)", rayon::current_num_threads())
    } else {
        "cuda:0".to_string()
    }
}

/// What to train and where to put it.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Text files and folders (recursive).
    pub data: Vec<PathBuf>,
    pub model: ModelConfig,
    pub training: TrainConfig,
    /// Where checkpoints and metrics.json go.
    pub out_dir: PathBuf,
    /// Start from this checkpoint (weights; optimizer state too when present and not fresh).
    pub init: Option<PathBuf>,
    /// Steps to run (default: [`run_steps`], up to `training.steps`).
    pub steps: Option<u64>,
    /// Seed (default `training.seed`).
    pub seed: Option<u64>,
    /// Pool round (0 for local training); part of the batch sampling key.
    pub round: u64,
    /// Worker address; part of the batch sampling key.
    pub worker: [u8; 20],
    /// Global step to start at (default: the init checkpoint's step, else 0).
    pub start_step: Option<u64>,
    /// Checkpoint every K steps (default `training.checkpoint_every`), counted from
    /// `checkpoint_anchor`.
    pub checkpoint_every: Option<u64>,
    /// The step the K-grid counts from (default 0: every K global steps). A pool round sets
    /// its start step, so its checkpoints lie at start, start+K, …, end (see
    /// [`verify::checkpoint_layout`]).
    pub checkpoint_anchor: Option<u64>,
    /// Ignore the init checkpoint's optimizer state (a round start).
    pub fresh_optimizer: bool,
    pub device: DeviceChoice,
    /// Train even when the memory estimate exceeds the available memory.
    pub force: bool,
    /// Time each phase of every step but the first ([`timings`]) and report them.
    pub timings: bool,
}

impl TrainOptions {
    pub fn new(
        data: Vec<PathBuf>,
        model: ModelConfig,
        training: TrainConfig,
        out_dir: PathBuf,
    ) -> Self {
        TrainOptions {
            data,
            model,
            training,
            out_dir,
            init: None,
            steps: None,
            seed: None,
            round: 0,
            worker: [0; 20],
            start_step: None,
            checkpoint_every: None,
            checkpoint_anchor: None,
            fresh_optimizer: false,
            device: DeviceChoice::Auto,
            force: false,
            timings: false,
        }
    }
}

/// One row of metrics.json.
#[derive(Debug, Clone, Serialize)]
pub struct MetricRow {
    /// Global step after the update.
    pub step: u64,
    /// Mean training loss (nats/byte) since the previous row.
    pub train_loss: f64,
    /// Validation loss (nats/byte) when measured at this step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// Tokens per second since the previous row.
    pub tokens_per_s: f64,
    pub learning_rate: f64,
    /// Wall seconds since the training loop began, at this row (evaluations included).
    pub elapsed_s: f64,
}

/// What a training run did.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub final_checkpoint: PathBuf,
    #[serde(serialize_with = "crate::fsutil::lossy::vec")]
    pub checkpoints: Vec<PathBuf>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub metrics_file: PathBuf,
    pub start_step: u64,
    pub end_step: u64,
    pub tokens: u64,
    pub seconds: f64,
    pub tokens_per_s: f64,
    pub final_train_loss: f64,
    pub initial_val_loss: Option<f64>,
    pub final_val_loss: Option<f64>,
    pub final_val_bits_per_byte: Option<f64>,
    /// Unigram entropy of the training split, bits per byte (a baseline to beat).
    pub unigram_bits_per_byte: f64,
    pub parameters: u64,
    pub files: usize,
    #[serde(serialize_with = "crate::fsutil::lossy::vec")]
    pub skipped_binary: Vec<PathBuf>,
    pub device: String,
    /// On a GPU, the run's peak memory (absent on the CPU).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_memory: Option<GpuMemory>,
    pub metrics: Vec<MetricRow>,
    /// Where the steps' time went (`--timings`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timings: Option<timings::Timings>,
}

/// The state of a training run in memory: shared by `train` and `verify_span`.
pub(crate) struct Session<'a> {
    pub model: Model,
    pub opt: AdamW,
    /// The optimizer's moments while they are on a GPU.
    pub on_device: optim::OnDevice,
    pub corpus: &'a Corpus,
    pub cfg: TrainConfig,
    pub seed: u64,
    pub round: u64,
    pub worker: [u8; 20],
    pub step: u64,
    /// Times the phases of each step when set.
    pub timer: Option<timings::PhaseTimer>,
}

impl<'a> Session<'a> {
    /// A session from a fresh model (seeded) or a checkpoint.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        config: &ModelConfig,
        cfg: &TrainConfig,
        corpus: &'a Corpus,
        init: Option<(Checkpoint, &Path)>,
        fresh_optimizer: bool,
        seed: u64,
        round: u64,
        worker: [u8; 20],
        start_step: Option<u64>,
        device: &Device,
    ) -> Result<Session<'a>> {
        let (model, opt, step) = match init {
            None => {
                let model = Model::init(config, seed, device)?;
                let opt = AdamW::new(&model);
                (model, opt, 0)
            }
            Some((ck, path)) => {
                ck.check_config(config, path)?;
                let step = ck.step;
                let model = Model::from_values(config, ck.weights, device)?;
                let opt = match ck.optimizer {
                    Some(o) if !fresh_optimizer => o,
                    _ => AdamW::new(&model),
                };
                (model, opt, step)
            }
        };
        let step = start_step.unwrap_or(step);
        if model.kernels == Kernels::Fused {
            keep_freed_memory();
        }
        Ok(Session {
            model,
            opt,
            on_device: optim::OnDevice::default(),
            corpus,
            cfg: cfg.clone(),
            seed,
            round,
            worker,
            step,
            timer: None,
        })
    }

    /// One optimizer step; returns the training loss of the batch.
    pub fn step(&mut self) -> Result<f64> {
        // Inside the thread pool: every kernel's parallel loop then starts from a pool thread
        // instead of handing the caller's thread off and back (a futex wake per kernel call,
        // 10% of a tiny step on one thread). Denormals are flushed there (see `fpenv`).
        fpenv::in_pool(|| self.step_in_pool())
    }

    fn step_in_pool(&mut self) -> Result<f64> {
        let mut timer = self.timer.take();
        let r = self.step_with(timer.as_mut());
        self.timer = timer;
        r
    }

    /// [`Session::step_in_pool`], its phases timed by `prof` where given.
    fn step_with(&mut self, mut prof: Option<&mut timings::PhaseTimer>) -> Result<f64> {
        if let Some(p) = prof.as_deref_mut() {
            p.start().map_err(ce)?;
        }
        let c = &self.model.config;
        let b = self.cfg.batch_size;
        let offsets = data::batch_offsets(
            self.seed,
            self.round,
            &self.worker,
            self.step,
            b,
            self.corpus.train.len(),
            c.context,
        );
        let (x, y) = data::windows(&self.corpus.train, &offsets, c.context);
        let mut drop = Stream::new(
            "cohort.dropout.v1",
            &[
                &self.seed.to_le_bytes(),
                &self.round.to_le_bytes(),
                &self.worker,
                &self.step.to_le_bytes(),
            ],
        );
        timings::mark(&mut prof, "batch").map_err(ce)?;
        let lr = self
            .cfg
            .lr_at(self.step, self.cfg.decay_steps.unwrap_or(self.cfg.steps));
        let diverged = |step: u64, loss: f64| {
            Error::failed(
                "trainer.diverged",
                format!("training diverged at step {step}: loss is {loss}"),
            )
            .hint("lower training.learning_rate or raise training.warmup_steps")
        };
        // On the CPU with the fused kernels: one hand-written forward and backward pass over
        // host slices (`fast`); with the GPU's kernels, one over tensors (`direct`); elsewhere
        // candle's graph. A loss that is not finite stops training before any update.
        let loss_value = match self.model.kernels {
            Kernels::Fused => {
                let host = fast::Host::of(&self.model)?;
                let (loss, grads) =
                    fast::loss_and_grads(&self.model, &host, &x, &y, b, Some(&mut drop));
                timings::mark(&mut prof, "forward + backward").map_err(ce)?;
                let loss = loss as f64;
                if !loss.is_finite() {
                    return Err(diverged(self.step, loss));
                }
                let vars = self.model.named();
                self.opt
                    .step_host(&vars, host.values, grads, lr, &self.cfg, &model::decays)?;
                timings::mark(&mut prof, "optimizer").map_err(ce)?;
                loss
            }
            Kernels::Device => {
                // The update is queued before the loss is read (the one wait of a GPU step)
                // and applies only where the loss is finite (checked on the device).
                let (loss, grads) = direct::loss_and_grads(
                    &self.model,
                    &x,
                    &y,
                    b,
                    Some(&mut drop),
                    prof.as_deref_mut(),
                )
                .map_err(ce)?;
                let t = self.opt.t;
                let dev = &mut self.on_device;
                self.opt
                    .step_grads(&self.model, dev, grads, &loss, lr, &self.cfg)?;
                timings::mark(&mut prof, "optimizer").map_err(ce)?;
                let loss = loss.to_scalar::<f32>().map_err(ce)? as f64;
                timings::mark(&mut prof, "loss read").map_err(ce)?;
                if !loss.is_finite() {
                    self.opt.t = t;
                    return Err(diverged(self.step, loss));
                }
                loss
            }
            Kernels::Reference => {
                let loss = self.model.loss(&x, &y, b, Some(&mut drop)).map_err(ce)?;
                timings::mark(&mut prof, "forward").map_err(ce)?;
                let value = loss.to_scalar::<f32>().map_err(ce)? as f64;
                if !value.is_finite() {
                    return Err(diverged(self.step, value));
                }
                let grads = loss.backward().map_err(ce)?;
                timings::mark(&mut prof, "backward").map_err(ce)?;
                let dev = &mut self.on_device;
                self.opt.step(&self.model, dev, &grads, lr, &self.cfg)?;
                timings::mark(&mut prof, "optimizer").map_err(ce)?;
                value
            }
        };
        self.step += 1;
        Ok(loss_value)
    }

    /// The checkpoint of the current state.
    pub fn checkpoint(&self, with_optimizer: bool) -> Result<Checkpoint> {
        let mut info = std::collections::BTreeMap::new();
        info.insert("seed".into(), self.seed.to_string());
        info.insert("round".into(), self.round.to_string());
        info.insert("worker".into(), format!("0x{}", hex::encode(self.worker)));
        Ok(Checkpoint {
            config: self.model.config.clone(),
            step: self.step,
            weights: self.model.values()?,
            optimizer: if with_optimizer {
                Some(self.opt.synced(&self.on_device)?.into_owned())
            } else {
                None
            },
            info,
        })
    }
}

/// Mean loss (nats/byte) of `model` over evaluation windows of `stream`, and the bytes scored.
/// Runs in the thread pool with denormals flushed, as a training step.
pub fn eval_loss(model: &Model, stream: &[u8], cap: Option<usize>) -> Result<Option<(f64, u64)>> {
    fpenv::in_pool(|| eval_loss_in_pool(model, stream, cap))
}

fn eval_loss_in_pool(
    model: &Model,
    stream: &[u8],
    cap: Option<usize>,
) -> Result<Option<(f64, u64)>> {
    let t = model.config.context;
    let offsets = data::eval_offsets(stream.len(), t, cap);
    if offsets.is_empty() {
        return Ok(None);
    }
    let mut total = 0f64;
    for chunk in offsets.chunks(32) {
        let (x, y) = data::windows(stream, chunk, t);
        let loss = model
            .loss(&x, &y, chunk.len(), None)
            .and_then(|l| l.to_scalar::<f32>())
            .map_err(ce)?;
        total += loss as f64 * chunk.len() as f64;
    }
    Ok(Some((
        total / offsets.len() as f64,
        (offsets.len() * t) as u64,
    )))
}

/// Available memory in bytes (MemAvailable from /proc/meminfo), if known.
pub fn available_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Free memory where `device` keeps tensors, in bytes, and its name: the GPU's free memory on
/// CUDA (what its memory pool keeps unused counted as free), else the available main memory.
pub fn device_free_memory(device: &Device) -> Option<(u64, &'static str)> {
    #[cfg(feature = "cuda")]
    if let Ok(d) = device.as_cuda_device() {
        return cuda::free_memory(d).ok().map(|free| (free, "GPU memory"));
    }
    let _ = device;
    available_memory().map(|m| (m, "memory"))
}

/// Keeps every thread's allocations in one glibc malloc arena. Training steps run inside the
/// thread pool, so their buffers come from the pool threads; with an arena per thread, memory
/// freed in one stays there and peak RSS grew by a fifth of the base model (lora, SmolLM2-135M's
/// shape, batch 2, `--recompute`: +41% over the base instead of +25%). One arena brought it back
/// with the same step time. Call before starting threads; a no-op off glibc.
pub fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; M_ARENA_MAX accepts any positive value.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Keeps the memory a builtin CPU training step frees for the next step, instead of handing it
/// back to the system: each step allocates the same buffers again, and fresh pages cost the tiny
/// shape 1,700 page faults a step (a tenth of its time; `perf stat`). Sets glibc's mmap threshold
/// (buffers up to 256 MiB come from the heap) and trim threshold (1 GiB), so the process keeps
/// about one step's working set between steps, which is its peak anyway. Process-wide and for
/// good; not for the lora trainer, whose peak memory is a target and which trims on purpose. A
/// no-op off glibc.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; both accept any non-negative value.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

/// Refuses a config whose estimated training memory exceeds the free memory of `device`.
pub fn check_memory(model: &ModelConfig, batch: usize, force: bool, device: &Device) -> Result<()> {
    let need = model.training_memory_bytes(batch);
    if let Some((avail, what)) = device_free_memory(device)
        && need > avail
        && !force
    {
        let gib = |b: u64| b as f64 / (1u64 << 30) as f64;
        return Err(Error::usage(
            "trainer.memory",
            format!(
                "training this config needs about {:.1} GiB of {what} but only {:.1} GiB is available",
                gib(need),
                gib(avail)
            ),
        )
        .hint("lower training.batch_size, model.width, model.layers or model.context, or pass --force"));
    }
    Ok(())
}

/// Training loss and throughput averaged over the steps since the last metrics row.
struct Meter {
    every: u64,
    tokens_per_step: u64,
    sum: f64,
    n: u64,
    since: Instant,
    began: Instant,
}

impl Meter {
    fn new(every: u64, tokens_per_step: u64) -> Meter {
        Meter {
            every,
            tokens_per_step,
            sum: 0.0,
            n: 0,
            since: Instant::now(),
            began: Instant::now(),
        }
    }

    fn add(&mut self, loss: f64) {
        self.sum += loss;
        self.n += 1;
    }

    /// A metrics row when `every` steps passed, a validation loss was measured, or `last`.
    fn row(&mut self, step: u64, val: Option<f64>, lr: f64, last: bool) -> Option<MetricRow> {
        if self.n == 0 || (self.n < self.every && val.is_none() && !last) {
            return None;
        }
        let secs = self.since.elapsed().as_secs_f64().max(1e-9);
        let row = MetricRow {
            step,
            train_loss: self.sum / self.n as f64,
            val_loss: val,
            tokens_per_s: (self.n * self.tokens_per_step) as f64 / secs,
            learning_rate: lr,
            elapsed_s: self.began.elapsed().as_secs_f64(),
        };
        (self.sum, self.n, self.since) = (0.0, 0, Instant::now());
        Some(row)
    }
}

/// Steps a run trains, for the builtin and the lora trainer alike: `steps` (`--steps`) when
/// given, else the rest of the schedule: `total` (training.steps) from step 0, `total - start`
/// for a run that continues a checkpoint at step `start` (so a run stopped and continued ends
/// where an uninterrupted one does, with the same weights on the CPU), and exit 2 when the
/// checkpoint is at `total` already.
pub fn run_steps(steps: Option<u64>, total: u64, start: u64) -> Result<u64> {
    match steps {
        Some(n) => Ok(n),
        None if start < total => Ok(total - start),
        None if start == 0 => Ok(total),
        None => Err(Error::usage(
            "train.schedule_done",
            format!(
                "the --init checkpoint is at step {start}, already at training.steps = {total}: \
                 nothing is left of the schedule"
            ),
        )
        .hint("pass --steps N to train N more steps (at training.min_learning_rate past the schedule)")),
    }
}

/// The checkpoint a training run (builtin or lora) in this process wrote last, to continue from
/// after an interruption.
static LAST_CHECKPOINT: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Records the checkpoint a training run just wrote (`None`: none yet).
pub fn set_last_checkpoint(p: Option<PathBuf>) {
    *LAST_CHECKPOINT.lock().unwrap_or_else(|e| e.into_inner()) = p;
}

/// The checkpoint the latest training run in this process wrote last (`None` before its first).
pub fn last_checkpoint() -> Option<PathBuf> {
    LAST_CHECKPOINT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

fn ckpt_path(dir: &Path, step: u64) -> PathBuf {
    dir.join(format!("step-{step:06}.safetensors"))
}

/// Trains as `opts` says, writing checkpoints (`step-NNNNNN.safetensors`, with optimizer
/// state) at the start, every K global steps and at the end, and `metrics.json`.
pub fn train(opts: &TrainOptions, progress: &dyn Progress) -> Result<TrainReport> {
    opts.model.validate()?;
    opts.training.validate()?;
    let cfg = &opts.training;
    let device = opts.device.device()?;
    check_memory(&opts.model, cfg.batch_size, opts.force, &device)?;
    start_gpu_memory(&device);
    let corpus = Corpus::load(&opts.data)?;
    corpus.check_context(opts.model.context)?;
    let init = match &opts.init {
        Some(p) => Some((Checkpoint::load(p)?, p.as_path())),
        None => None,
    };
    let seed = opts.seed.unwrap_or(cfg.seed);
    let mut s = Session::new(
        &opts.model,
        cfg,
        &corpus,
        init,
        opts.fresh_optimizer,
        seed,
        opts.round,
        opts.worker,
        opts.start_step,
        &device,
    )?;
    let start = s.step;
    let steps = run_steps(opts.steps, cfg.steps, start)?;
    if opts.steps.is_none() && start > 0 {
        progress.note(&format!(
            "continuing from step {start}: {steps} steps to training.steps = {} (--steps N trains N from here)",
            cfg.steps
        ));
    }
    crate::fsutil::ensure_dir(&opts.out_dir, 0o755)?;
    let every = opts.checkpoint_every.or(cfg.checkpoint_every);
    let eval_every = cfg.eval_every.or(every);
    let end = start + steps;
    let cap = Some(cfg.eval_windows);
    let tokens_per_step = (cfg.batch_size * opts.model.context) as u64;

    let mut checkpoints = Vec::new();
    let first = ckpt_path(&opts.out_dir, start);
    set_last_checkpoint(None);
    s.checkpoint(true)?.save(&first)?;
    set_last_checkpoint(Some(first.clone()));
    checkpoints.push(first);
    let initial_val = eval_loss(&s.model, &corpus.val, cap)?.map(|v| v.0);
    if let Some(v) = initial_val {
        progress.note(&format!(
            "step {start}: validation loss {v:.4} before training"
        ));
    }

    let task = progress.task("training", Some(steps), Unit::Steps);
    let mut meter = Meter::new((steps / 200).max(1), tokens_per_step);
    let mut metrics = Vec::new();
    let began = Instant::now();
    let mut last_loss = f64::NAN;
    let mut final_val = None;
    // Timing leaves out the first step where there are more (kernels compile, caches fill).
    let timed_from = opts
        .timings
        .then_some(if steps > 1 { start + 1 } else { start });
    while s.step < end {
        if timed_from == Some(s.step) {
            s.timer = Some(timings::PhaseTimer::new(&s.model.device));
        }
        let lr = cfg.lr_at(s.step, cfg.decay_steps.unwrap_or(cfg.steps));
        last_loss = s.step()?;
        meter.add(last_loss);
        let step = s.step;
        let val = if eval_every.is_some_and(|e| step % e == 0) || step == end {
            let v = eval_loss(&s.model, &corpus.val, cap)?.map(|v| v.0);
            timings::mark(&mut s.timer.as_mut(), "validation").map_err(ce)?;
            v
        } else {
            None
        };
        if step == end {
            final_val = val;
        }
        if let Some(row) = meter.row(step, val, lr, step == end) {
            task.set_message(&format!(
                "loss {:.3} · {:.0} tok/s",
                row.train_loss, row.tokens_per_s
            ));
            metrics.push(row);
        }
        if let Some(v) = val
            && step != end
        {
            progress.note(&format!("step {step}: validation loss {v:.4}"));
        }
        let anchor = opts.checkpoint_anchor.unwrap_or(0);
        let on_grid = every.is_some_and(|k| step.checked_sub(anchor).is_some_and(|d| d % k == 0));
        if on_grid || step == end {
            let p = ckpt_path(&opts.out_dir, step);
            s.checkpoint(true)?.save(&p)?;
            set_last_checkpoint(Some(p.clone()));
            checkpoints.push(p);
            timings::mark(&mut s.timer.as_mut(), "checkpoint").map_err(ce)?;
        }
        task.inc(1);
    }
    let mut outcome = crate::progress::items_outcome("trained", steps, "steps", began.elapsed());
    if last_loss.is_finite() {
        outcome.push_str(&format!(", loss {last_loss:.3}"));
    }
    outcome.push_str(&final_val.map_or(String::new(), |v| format!(", validation loss {v:.4}")));
    task.finish_with(&outcome);
    let seconds = began.elapsed().as_secs_f64();
    let tokens = steps * tokens_per_step;
    let report = TrainReport {
        final_checkpoint: checkpoints
            .last()
            .cloned()
            .expect("at least one checkpoint"),
        checkpoints,
        metrics_file: opts.out_dir.join("metrics.json"),
        start_step: start,
        end_step: end,
        tokens,
        seconds,
        tokens_per_s: tokens as f64 / seconds.max(1e-9),
        final_train_loss: last_loss,
        initial_val_loss: initial_val,
        final_val_loss: final_val,
        final_val_bits_per_byte: final_val.map(|v| v / std::f64::consts::LN_2),
        unigram_bits_per_byte: data::unigram_entropy_bits(&corpus.train),
        parameters: opts.model.parameters(),
        files: corpus.files.len(),
        skipped_binary: corpus.skipped_binary.clone(),
        device: device_name(&device),
        gpu_memory: gpu_memory(&device),
        metrics,
        timings: s.timer.as_ref().map(|p| p.report()),
    };
    let json = serde_json::to_vec_pretty(&report).expect("report serializes");
    crate::fsutil::write_atomic(&report.metrics_file, &json, 0o644)?;
    Ok(report)
}

/// Which part of the data `evaluate` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Every byte of the files.
    #[default]
    All,
    /// Only the held-out validation split (the last tenth of every file).
    Val,
    /// Only the training split.
    Train,
}

impl Split {
    /// The name `--split` and the JSON reports give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::All => "all",
            Split::Val => "val",
            Split::Train => "train",
        }
    }

    /// The parts of the data this split scores, in order: the training part, the validation
    /// part, or both.
    pub fn parts<'a, T>(self, train: &'a [T], val: &'a [T]) -> Vec<&'a [T]> {
        match self {
            Split::All => vec![train, val],
            Split::Val => vec![val],
            Split::Train => vec![train],
        }
    }
}

/// A model's loss on some data.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub checkpoint: PathBuf,
    pub step: u64,
    pub split: Split,
    /// Mean cross-entropy, nats per byte.
    pub loss: f64,
    pub bits_per_byte: f64,
    /// Bytes scored.
    pub tokens: u64,
}

/// Loss and bits per byte of the checkpoint on every byte of `data`.
pub fn evaluate(ckpt: &Path, data: &[PathBuf]) -> Result<EvalReport> {
    evaluate_split(ckpt, data, Split::All, None, DeviceChoice::Auto)
}

/// Like `evaluate`, on a chosen split, scoring at most `max_windows` windows.
pub fn evaluate_split(
    ckpt: &Path,
    data: &[PathBuf],
    split: Split,
    max_windows: Option<usize>,
    device: DeviceChoice,
) -> Result<EvalReport> {
    let ck = Checkpoint::load(ckpt)?;
    let corpus = Corpus::load(data)?;
    let stream = split.parts(&corpus.train, &corpus.val).concat();
    let step = ck.step;
    let model = Model::from_values(&ck.config.clone(), ck.weights, &device.device()?)?;
    let (loss, tokens) = eval_loss(&model, &stream, max_windows)?.ok_or_else(|| {
        Error::usage(
            "data.too_short",
            format!(
                "the data has fewer than {} bytes in the chosen split: nothing to score",
                model.config.context + 1
            ),
        )
    })?;
    Ok(EvalReport {
        checkpoint: ckpt.to_path_buf(),
        step,
        split,
        loss,
        bits_per_byte: loss / std::f64::consts::LN_2,
        tokens,
    })
}

/// How to get a cohort that trains on a GPU, for every error of one built without CUDA.
pub const REINSTALL_WITH_CUDA: &str =
    "reinstall with `./install.sh --cuda` (cohort built with `--features cuda`)";

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A run (builtin or lora) from a checkpoint at step S without --steps ends at
    /// training.steps; --steps N trains N from wherever it starts.
    #[test]
    fn continuing_a_checkpoint_ends_at_the_schedule() {
        assert_eq!(run_steps(None, 60, 0).unwrap(), 60);
        assert_eq!(run_steps(None, 60, 30).unwrap(), 30);
        let e = run_steps(None, 60, 60).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(e.code, "train.schedule_done");
        assert!(e.hint.unwrap().contains("--steps"));
        assert_eq!(run_steps(Some(5), 60, 60).unwrap(), 5);
        assert_eq!(run_steps(Some(5), 60, 0).unwrap(), 5);
    }

    /// A small model (one layer of width 32, context 16, dropout 0.1).
    pub(crate) fn tiny_model() -> ModelConfig {
        ModelConfig {
            layers: 1,
            width: 32,
            heads: 2,
            context: 16,
            dropout: 0.1,
        }
    }

    /// 20,000 bytes of generated English-like text.
    pub(crate) fn sample_text() -> Vec<u8> {
        (0..20_000u32)
            .map(|i| b"the quick brown fox jumps over a lazy dog. "[(i * 7 % 43) as usize])
            .collect()
    }

    /// A session of a small model over generated text, with `kernels`.
    fn session(corpus: &Corpus, kernels: Kernels) -> Session<'_> {
        let config = tiny_model();
        let cfg = TrainConfig {
            batch_size: 4,
            steps: 10,
            ..TrainConfig::default()
        };
        let mut s = Session::new(
            &config,
            &cfg,
            corpus,
            None,
            false,
            3,
            0,
            [7; 20],
            None,
            &Device::Cpu,
        )
        .unwrap();
        s.model.kernels = kernels;
        s
    }

    fn corpus() -> Corpus {
        let text = sample_text();
        Corpus {
            train: text.clone(),
            val: text,
            files: vec![],
            skipped_binary: vec![],
            longest_file_train: 20_000,
        }
    }

    /// The graph-free pass (what a GPU runs), here on the CPU: its steps follow the graph's (the
    /// update that waits for nothing on a GPU is the same update), and a loss that is not finite
    /// stops the step before anything changes: parameters, moments and the update count.
    #[test]
    fn the_direct_steps_follow_the_graph_and_stop_unchanged_on_divergence() {
        let corpus = corpus();
        let (mut direct, mut graph) = (
            session(&corpus, Kernels::Device),
            session(&corpus, Kernels::Reference),
        );
        for step in 0..3 {
            let (a, b) = (direct.step().unwrap(), graph.step().unwrap());
            assert!((a - b).abs() < 1e-4, "step {step}: loss {a} vs {b}");
        }
        assert_eq!(direct.opt.t, 3);
        // A parameter made NaN: the loss is NaN.
        let name = "ln_f.bias";
        let var = &direct.model.params[name];
        let d = var.as_tensor().elem_count();
        var.set(&candle_core::Tensor::full(f32::NAN, d, &Device::Cpu).unwrap())
            .unwrap();
        let before = (direct.model.values().unwrap(), direct.opt.clone());
        let err = direct.step().unwrap_err();
        assert_eq!(err.code, "trainer.diverged", "{err}");
        assert_eq!(direct.step, 3);
        let after = (direct.model.values().unwrap(), direct.opt.clone());
        let bits = |v: &checkpoint::Tensors| -> Vec<Vec<u32>> {
            v.values()
                .map(|x| x.1.iter().map(|f| f.to_bits()).collect())
                .collect()
        };
        assert_eq!(bits(&after.0), bits(&before.0), "the parameters moved");
        assert_eq!(after.1, before.1, "the optimizer's state moved");
    }
}
