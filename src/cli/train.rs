//! `cohort train`: train the builtin model on local text files from a job spec.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Ctx;
use crate::error::{Error, Result};
use crate::jobspec::{JobSpec, TrainerKind};
use crate::trainer::{self, DeviceChoice, TrainOptions, TrainReport};
use crate::ui::table;

/// Where to train.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DeviceArg {
    /// A CUDA GPU when built with `--features cuda` and one is present, else the CPU.
    Auto,
    /// The CPU (bit-reproducible).
    Cpu,
    /// CUDA GPU 0.
    Cuda,
}

impl From<DeviceArg> for DeviceChoice {
    fn from(d: DeviceArg) -> DeviceChoice {
        match d {
            DeviceArg::Auto => DeviceChoice::Auto,
            DeviceArg::Cpu => DeviceChoice::Cpu,
            DeviceArg::Cuda => DeviceChoice::Cuda,
        }
    }
}

/// Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files
///
/// Reads the [model] and [training] tables of a job spec; of the [job] table only rounds is
/// used: it sets the length of the learning-rate schedule (decay_steps = steps × rounds, as in
/// a pool). The builtin model trains on text files and writes checkpoints
/// (step-NNNNNN.safetensors, with optimizer state); with model.trainer = "lora" (model.base: a
/// local Hugging Face folder), LoRA adapters train on text and JSONL files (chat messages,
/// prompt/completion or text) and each checkpoint is a PEFT folder (step-NNNNNN/). The last tenth of every text file (and
/// every tenth JSONL line) is held out for validation; metrics.json goes to --out beside the
/// checkpoints. The same seed, data, spec and thread count (RAYON_NUM_THREADS) give
/// bit-identical checkpoints on the CPU.
///
/// Examples:
///   cohort train --data fixtures/corpus --config fixtures/jobs/tiny.toml --out runs/tiny
///   cohort train --data notes/ --config spec.toml --out runs/b --init runs/a/step-000300.safetensors --steps 100
///   cohort train --data fixtures/lora/chat.jsonl --config lora.toml --out runs/lora
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct TrainArgs {
    /// Text files or folders (read recursively) to train on; JSONL files too with the lora trainer.
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    pub data: Vec<PathBuf>,
    /// The job spec (TOML) whose [model] and [training] tables configure the run.
    #[arg(long, value_name = "FILE.toml")]
    pub config: PathBuf,
    /// Folder for checkpoints and metrics.json (temporary files that a killed run left there
    /// are removed at the start). One run at a time trains into a folder; a run without
    /// --init needs a new or empty one.
    #[arg(short = 'o', long, visible_alias = "output", value_name = "DIR")]
    pub out: PathBuf,
    /// Start from this checkpoint (its optimizer state too, when it has one) and continue its
    /// run: by default up to training.steps, on the same learning-rate schedule.
    #[arg(long, value_name = "CHECKPOINT")]
    pub init: Option<PathBuf>,
    /// Steps to train from where the run starts (default: training.steps; from an --init
    /// checkpoint at step S, training.steps - S, and exit 2 when S is there already).
    #[arg(long, value_name = "N")]
    pub steps: Option<u64>,
    /// Seed for initialization, batches and dropout (default: training.seed).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Pool round: part of the batch sampling key (default 0).
    #[arg(long, default_value_t = 0, value_name = "R")]
    pub round: u64,
    /// Worker address: part of the batch sampling key (default: the zero address).
    #[arg(long, value_name = "ADDR")]
    pub worker: Option<String>,
    /// Write a checkpoint every K global steps (default: training.checkpoint_every).
    #[arg(long, value_name = "K")]
    pub checkpoint_every: Option<u64>,
    /// Start with a fresh optimizer state even when --init has one.
    #[arg(long)]
    pub fresh_optimizer: bool,
    /// Where to compute.
    #[arg(long, value_enum, default_value_t = DeviceArg::Auto)]
    pub device: DeviceArg,
    /// Train even when the memory estimate exceeds the available memory.
    #[arg(long)]
    pub force: bool,
    /// LoRA: recompute each block's activations in backward instead of keeping them (less
    /// memory, about a third more time, the same result). Default: only when memory is short.
    #[arg(long)]
    pub recompute: bool,
    /// Time each phase of every step but the first (the batch, on a GPU each kind of op of
    /// the builtin model's pass, the optimizer, evaluation, checkpoints), each run to completion
    /// before the next, and report them. The steps run slower, with the same result.
    #[arg(long)]
    pub timings: bool,
}

/// The lock file of a `cohort train` run in `out`.
fn out_lock_file(out: &Path) -> PathBuf {
    out.join(".train.lock")
}

/// Takes `--out` for this run (creating it), or refuses (exit 2) a folder another run trains
/// into now, naming its process.
fn lock_out(out: &Path) -> Result<crate::fsutil::Lock> {
    let path = out_lock_file(out);
    match crate::fsutil::Lock::try_acquire_as_holder(&path)? {
        Some(lock) => Ok(lock),
        None => Err(Error::usage(
            "train.out_in_use",
            format!(
                "--out {} is in use by another `cohort train`{}: two runs in one folder overwrite each other's checkpoints and metrics.json",
                out.display(),
                crate::fsutil::Lock::holder(&path)
            ),
        )
        .hint("wait for the other run to end, or give this one another --out")),
    }
}

/// Refuses (exit 2) an `--out` that holds an earlier run (anything but hidden files) when this
/// run does not continue it: its checkpoints would mix with (and overwrite) that run's. For the
/// builtin and the lora trainer alike.
fn refuse_earlier_run(out: &Path) -> Result<()> {
    let mut entries: Vec<String> = std::fs::read_dir(out)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    entries.sort();
    let last = entries
        .iter()
        .rfind(|n| n.starts_with("step-"))
        .map(|n| out.join(n));
    let e = Error::usage(
        "train.out_not_empty",
        format!(
            "--out {} already holds {} (e.g. {}): a new run there would overwrite its \
             checkpoints and mix its own with them",
            out.display(),
            if last.is_some() {
                "an earlier run"
            } else {
                "files"
            },
            entries[0]
        ),
    );
    Err(match last {
        Some(last) => e.hint(format!(
            "give another --out for a new run, or continue this one with --init {}",
            last.display()
        )),
        None => e.hint("give another --out, a new or empty folder"),
    })
}

/// What to run after Ctrl-C stopped `cohort train` (either trainer): continue from the last
/// checkpoint.
fn resume_hint() -> Option<String> {
    let last = trainer::last_checkpoint()?;
    Some(format!(
        "the last checkpoint is {0}: run the same command with --init {0} to continue it (to \
         training.steps; with --steps N, N more steps)",
        last.display()
    ))
}

/// Parses a 0x-prefixed 20-byte address.
pub fn parse_worker(s: Option<&str>) -> Result<[u8; 20]> {
    let Some(s) = s else { return Ok([0; 20]) };
    let hexpart = s.strip_prefix("0x").unwrap_or(s);
    let bytes = hex::decode(hexpart)
        .ok()
        .filter(|b| b.len() == 20)
        .ok_or_else(|| {
            Error::usage(
                "worker.invalid",
                format!("--worker {s} is not a 20-byte hex address"),
            )
            .hint("e.g. --worker 0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        })?;
    Ok(bytes.try_into().expect("20 bytes"))
}

/// Loads a spec for the builtin trainer.
pub fn load_builtin_spec(path: &Path) -> Result<JobSpec> {
    let spec = JobSpec::load(path)?;
    if spec.model.trainer == TrainerKind::Lora {
        return Err(Error::usage(
            "train.lora_trainer",
            format!(
                "{} uses model.trainer = \"lora\"; this command runs the builtin trainer",
                path.display()
            ),
        ));
    }
    if spec.model.trainer != TrainerKind::Builtin {
        return Err(Error::usage(
            "train.exec_trainer",
            format!(
                "{} uses model.trainer = \"exec\"; cohort train runs the builtin trainer",
                path.display()
            ),
        )
        .hint("run the spec's command yourself, or set model.trainer = \"builtin\""));
    }
    Ok(spec)
}

impl TrainArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        if self.out.exists() && !self.out.is_dir() {
            return Err(Error::usage(
                "train.out_is_file",
                format!(
                    "--out {} is a file; it must be a folder for checkpoints and metrics.json",
                    self.out.display()
                ),
            )
            .hint("give --out a new folder, or one of an earlier run"));
        }
        // Held until the run ends: a second run into the folder would overwrite this one's
        // checkpoints and metrics.json (and take its temporary files for a killed run's).
        let _lock = lock_out(&self.out)?;
        for p in crate::fsutil::remove_stale_temps(&self.out) {
            ctx.printer.note(&format!(
                "removed {}, left by a run that stopped while writing it",
                p.display()
            ));
        }
        let spec = JobSpec::load(&self.config)?;
        let lora = spec.model.trainer == TrainerKind::Lora;
        let spec = if lora {
            spec
        } else {
            load_builtin_spec(&self.config)?
        };
        if self.init.is_none() {
            refuse_earlier_run(&self.out)?;
        }
        // From here, Ctrl-C names the last checkpoint this run wrote and how to continue.
        crate::error::on_interrupt(resume_hint);
        if lora {
            return super::model_lora::train(self, spec, ctx).await;
        }
        if self.recompute {
            return Err(Error::usage(
                "train.builtin_flag",
                "--recompute is for the lora trainer",
            ));
        }
        let opts = TrainOptions {
            init: self.init.clone(),
            steps: self.steps,
            seed: self.seed,
            round: self.round,
            worker: parse_worker(self.worker.as_deref())?,
            start_step: None,
            checkpoint_every: self.checkpoint_every,
            fresh_optimizer: self.fresh_optimizer,
            device: self.device.into(),
            force: self.force,
            timings: self.timings,
            ..TrainOptions::new(
                self.data.clone(),
                spec.model.config(),
                spec.training_config(),
                self.out.clone(),
            )
        };
        if self.checkpoint_every == Some(0) {
            return Err(Error::usage(
                "train.checkpoint_every",
                "--checkpoint-every must be at least 1",
            ));
        }
        let progress = ctx.printer.progress();
        let report = tokio::task::spawn_blocking(move || trainer::train(&opts, progress.as_ref()))
            .await
            .map_err(|e| Error::failed("train.panicked", format!("training stopped: {e}")))??;
        for p in &report.skipped_binary {
            ctx.printer
                .warn(&format!("skipped binary file {}", p.display()));
        }
        ctx.printer.result(&report, render);
        Ok(())
    }
}

fn render(r: &TrainReport) -> String {
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.4}"));
    let mut rows = vec![
        ("checkpoint", r.final_checkpoint.display().to_string()),
        ("steps", format!("{} → {}", r.start_step, r.end_step)),
        ("train loss", format!("{:.4} nats/byte", r.final_train_loss)),
        (
            "val loss",
            format!(
                "{} → {} nats/byte",
                opt(r.initial_val_loss),
                opt(r.final_val_loss)
            ),
        ),
        (
            "val bits/byte",
            format!(
                "{} (unigram entropy {:.3})",
                opt(r.final_val_bits_per_byte),
                r.unigram_bits_per_byte
            ),
        ),
        (
            "throughput",
            format!("{:.0} tokens/s on {}", r.tokens_per_s, r.device),
        ),
        (
            "time",
            format!("{:.1} s for {} tokens", r.seconds, r.tokens),
        ),
        ("parameters", r.parameters.to_string()),
        ("metrics", r.metrics_file.display().to_string()),
    ];
    add_gpu_memory(&mut rows, r.gpu_memory.as_ref());
    table::pairs(&rows) + &render_timings(r.timings.as_ref())
}

/// Adds a run's peak GPU memory after its throughput, where it ran on a GPU.
pub fn add_gpu_memory(rows: &mut Vec<(&'static str, String)>, m: Option<&trainer::GpuMemory>) {
    let Some(m) = m else {
        return;
    };
    let at = rows
        .iter()
        .position(|(k, _)| *k == "throughput")
        .map_or(rows.len(), |i| i + 1);
    let row = format!(
        "peak {} in use, {} reserved",
        crate::progress::bytes(m.peak_in_use_bytes),
        crate::progress::bytes(m.peak_reserved_bytes)
    );
    rows.insert(at, ("GPU memory", row));
}

/// The phases of a `--timings` run, longest first, under what they cover (nothing without one).
pub fn render_timings(p: Option<&trainer::timings::Timings>) -> String {
    let Some(p) = p else {
        return String::new();
    };
    let rows = p.phases.iter().map(|x| {
        [
            x.phase.clone(),
            format!("{:.3}", x.ms_per_step),
            format!("{:.1}%", 100.0 * x.share),
            x.calls.to_string(),
        ]
    });
    format!(
        "\n\ntimings of {} step{}: {:.2} ms a step, each phase run to completion before the next\n{}",
        p.steps,
        if p.steps == 1 { "" } else { "s" },
        p.ms_per_step,
        table::render(&["PHASE", "MS/STEP", "SHARE", "CALLS"], rows)
    )
}
