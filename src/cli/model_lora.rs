//! The `lora` trainer's commands: `cohort train` with a lora spec, `cohort model merge`, and
//! `cohort model eval|generate` on a Hugging Face folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::train::{DeviceArg, TrainArgs, parse_worker};
use crate::error::{Error, Result};
use crate::jobspec::JobSpec;
use crate::lora::{self, LoraEvalReport, LoraTrainOptions, LoraTrainReport, SampleOptions};
use crate::ui::table;

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::failed("model.panicked", format!("the computation stopped: {e}")))?
}

/// Whether `p` is a Hugging Face model folder (has config.json).
pub fn is_hf_folder(p: &Path) -> bool {
    p.is_dir() && p.join("config.json").is_file()
}

/// The refusal of a folder where `cohort model CMD` takes `takes`: says what the folder is (a
/// LoRA adapter folder, with the base it names, or some other folder); the caller adds what to
/// run instead.
pub fn folder_not_checkpoint(p: &Path, cmd: &str, takes: &str) -> Error {
    let what = if p.join("adapter_config.json").is_file() {
        let base = adapter_base(p).map_or(String::new(), |b| format!(" for the base model {b}"));
        format!("a LoRA adapter folder (PEFT){base}")
    } else {
        "a folder".to_string()
    };
    let e = Error::usage(
        "model.not_a_checkpoint",
        format!(
            "{} is {what}: `cohort model {cmd}` takes {takes}",
            p.display()
        ),
    );
    if what == "a folder" {
        e.hint(format!(
            "pass the checkpoint files in it ({}/step-NNNNNN.safetensors)",
            p.display()
        ))
    } else {
        e
    }
}

/// The base model a PEFT adapter folder names (`base_model_name_or_path`), if it names one.
pub fn adapter_base(p: &Path) -> Option<String> {
    lora::lora::PeftConfig::load(p)
        .ok()
        .and_then(|c| c.base_model_name_or_path)
        .filter(|b| !b.is_empty())
}

fn base_folder(spec: &JobSpec, config: &Path) -> Result<PathBuf> {
    let base = spec.model.base.clone().unwrap_or_default();
    let p = PathBuf::from(&base);
    if is_hf_folder(&p) {
        return Ok(p);
    }
    Err(Error::usage(
        "lora.base",
        format!(
            "model.base {base:?} in {} is not a Hugging Face model folder (no config.json)",
            config.display()
        ),
    )
    .hint("for cohort train, base is a local folder with config.json, model.safetensors and tokenizer.json"))
}

/// `cohort train` for a spec with `trainer = "lora"`.
pub async fn train(args: TrainArgs, spec: JobSpec, ctx: &Ctx) -> Result<()> {
    if args.force {
        return Err(Error::usage(
            "train.lora_flag",
            "--force is for the builtin trainer (the lora trainer has no memory estimate to override)",
        ));
    }
    if args.checkpoint_every == Some(0) {
        return Err(Error::usage(
            "train.checkpoint_every",
            "--checkpoint-every must be at least 1",
        ));
    }
    let mut opts = LoraTrainOptions::new(
        base_folder(&spec, &args.config)?,
        spec.model.lora_spec(),
        spec.model.context,
        spec.training_config(),
        args.data.clone(),
        args.out.clone(),
    );
    opts.init = args.init.clone();
    opts.steps = args.steps;
    opts.seed = args.seed;
    opts.round = args.round;
    opts.worker = parse_worker(args.worker.as_deref())?;
    opts.checkpoint_every = args.checkpoint_every;
    opts.device = args.device.into();
    opts.recompute = args.recompute.then_some(true);
    opts.timings = args.timings;
    opts.fresh_optimizer = args.fresh_optimizer;
    let progress = ctx.printer.progress();
    let report = blocking(move || lora::train(&opts, progress.as_ref())).await?;
    ctx.printer.result(&report, render_train);
    Ok(())
}

fn render_train(r: &LoraTrainReport) -> String {
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.4}"));
    let mut rows = vec![
        ("adapter", r.final_adapter.display().to_string()),
        ("steps", format!("{} → {}", r.start_step, r.end_step)),
        (
            "train loss",
            format!("{:.4} nats/token", r.final_train_loss),
        ),
        (
            "val loss",
            format!(
                "{} → {} nats/token (perplexity {})",
                opt(r.initial_val_loss),
                opt(r.final_val_loss),
                opt(r.final_val_perplexity)
            ),
        ),
        (
            "throughput",
            format!("{:.0} tokens/s on {}", r.tokens_per_s, r.device),
        ),
        (
            "parameters",
            format!(
                "{} trainable of {} ({:.2}%)",
                r.trainable_parameters,
                r.base_parameters,
                100.0 * r.trainable_parameters as f64 / r.base_parameters.max(1) as f64
            ),
        ),
        (
            "adapter size",
            format!(
                "{} bytes ({:.2}% of the base's {} bytes)",
                r.adapter_bytes,
                100.0 * r.adapter_bytes as f64 / r.base_bytes.max(1) as f64,
                r.base_bytes
            ),
        ),
        (
            "examples",
            format!(
                "{} train, {} validation ({} cut to the context)",
                r.train_examples, r.val_examples, r.truncated_examples
            ),
        ),
        ("metrics", r.metrics_file.display().to_string()),
    ];
    super::train::add_gpu_memory(&mut rows, r.gpu_memory.as_ref());
    table::pairs(&rows) + &super::train::render_timings(r.timings.as_ref())
}

/// `cohort model eval DIR [--adapter A] --data PATH`.
pub async fn eval(
    dir: PathBuf,
    adapter: Option<PathBuf>,
    data: Vec<PathBuf>,
    opts: lora::EvalOptions,
    device: DeviceArg,
    ctx: &Ctx,
) -> Result<()> {
    let report =
        blocking(move || lora::evaluate(&dir, adapter.as_deref(), &data, &opts, device.into()))
            .await?;
    ctx.printer.result(&report, |r: &LoraEvalReport| {
        table::pairs(&[
            ("model", r.model.display().to_string()),
            (
                "adapter",
                r.adapter
                    .as_ref()
                    .map_or("-".into(), |a| a.display().to_string()),
            ),
            ("loss", format!("{:.4} nats/token", r.loss)),
            ("perplexity", format!("{:.3}", r.perplexity)),
            (
                "tokens scored",
                format!(
                    "{} in {} sequences of at most {} ({} split)",
                    r.tokens,
                    r.sequences,
                    r.context,
                    r.split.as_str()
                ),
            ),
        ])
    });
    Ok(())
}

#[derive(Debug, Serialize)]
struct Generated {
    prompt: String,
    text: String,
    tokens: usize,
    stop: lora::StopReason,
}

/// What `cohort model generate DIR` needs.
pub struct GenerateHf {
    pub dir: PathBuf,
    pub adapter: Option<PathBuf>,
    pub prompt: String,
    pub chat: bool,
    pub opts: SampleOptions,
    pub device: DeviceArg,
}

/// `cohort model generate DIR [--adapter A] --prompt TEXT [--chat]`: streams tokens to a
/// terminal; prints one result (`--json`: an object) at the end. A completion is shown after its
/// prompt; a chat answer alone (the prompt was the user's message, not the text it continues).
pub async fn generate(g: GenerateHf, ctx: &Ctx) -> Result<()> {
    let stream = !ctx.printer.json && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let prompt = g.prompt.clone();
    let chat = g.chat;
    let (text, tokens, stop) = blocking(move || {
        let gen_ = lora::Generator::load(&g.dir, g.adapter.as_deref(), g.device.into())?;
        let ids = gen_.prompt_ids(&g.prompt, g.chat)?;
        let mut shown = String::new();
        let mut all = Vec::new();
        if stream && !g.chat {
            let _ = std::io::stdout().write_all(g.prompt.as_bytes());
        }
        let (out, stop) = gen_.generate(&ids, g.opts, |t| {
            all.push(t);
            if stream
                && let Ok(s) = gen_.codec.decode(&all)
                && let Some(new) = s.get(shown.len()..)
                && s.starts_with(shown.as_str())
            {
                let _ = std::io::stdout().write_all(new.as_bytes());
                let _ = std::io::stdout().flush();
                shown = s;
            }
            true
        })?;
        if stream {
            let _ = std::io::stdout().write_all(b"\n");
        }
        Ok((gen_.codec.decode(&out)?, out.len(), stop))
    })
    .await?;
    let out = Generated {
        prompt,
        text,
        tokens,
        stop,
    };
    if !stream {
        ctx.printer.result(&out, |g| match chat {
            true => g.text.clone(),
            false => format!("{}{}", g.prompt, g.text),
        });
    }
    Ok(())
}

/// Merge a LoRA adapter into its base model: a full Hugging Face folder.
///
/// Writes every file of BASE with each adapted weight replaced by W + (alpha/r)·B·A, so that
/// transformers' AutoModelForCausalLM.from_pretrained(DIR) loads it without PEFT.
///
/// Example: cohort model merge fixtures/lora/qwen2 runs/lora/step-000300 -o models/merged
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The base model's Hugging Face folder.
    pub base: PathBuf,
    /// The PEFT adapter folder (adapter_config.json + adapter_model.safetensors).
    pub adapter: PathBuf,
    /// The folder to write (must not exist or be empty).
    #[arg(
        short = 'o',
        long = "out",
        visible_alias = "output",
        value_name = "DIR"
    )]
    pub out: PathBuf,
}

impl MergeArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let report = blocking(move || lora::merge(&self.base, &self.adapter, &self.out)).await?;
        ctx.printer.result(&report, |r| {
            format!(
                "wrote {} ({} layers merged; {})",
                r.out.display(),
                r.merged_layers,
                r.files.join(", ")
            )
        });
        Ok(())
    }
}
