//! `cohort model`: evaluate, sample from, average and verify builtin-model checkpoints.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use super::train::{DeviceArg, load_builtin_spec, parse_worker};
use crate::error::{Error, Result};
use crate::serve::engine::{Builtin, Engine, GenRequest};
use crate::trainer::{self, EvalReport, Split, Tolerance, VerifyOptions, VerifyReport};
use crate::ui::table;

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data
    ///
    /// Examples:
    ///   cohort model eval runs/tiny/step-000300.safetensors --data fixtures/corpus --split val
    ///   cohort model eval fixtures/lora/qwen2 --adapter runs/lora/step-000300 --data fixtures/lora/chat.jsonl
    #[command(verbatim_doc_comment)]
    Eval(EvalArgs),
    /// Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)
    ///
    /// Examples:
    ///   cohort model generate runs/tiny/step-000300.safetensors --prompt "ROMEO:" --max-tokens 200
    ///   cohort model generate fixtures/lora/qwen2 --adapter runs/lora/step-000300 --prompt "Who says: …" --chat
    #[command(verbatim_doc_comment)]
    Generate(GenerateArgs),
    /// Merge a LoRA adapter into its base model, writing a full Hugging Face folder.
    ///
    /// Example: cohort model merge fixtures/lora/qwen2 runs/lora/step-000300 -o models/merged
    Merge(super::model_lora::MergeArgs),
    /// Average builtin checkpoints' weights (federated averaging), weighted.
    ///
    /// Takes builtin checkpoint files (step-NNNNNN.safetensors), not LoRA adapters: a lora
    /// job's coordinator averages its workers' adapters. An existing output file is replaced
    /// only with --force.
    ///
    /// Example: cohort model average a.safetensors b.safetensors --weights 1,3 -o avg.safetensors
    #[command(verbatim_doc_comment)]
    Average(AverageArgs),
    /// Re-run the steps between two builtin checkpoints and compare the result with the claimed one
    ///
    /// Takes builtin checkpoint files and a builtin spec; a lora job's spans are re-executed by
    /// `cohort job audit`. Reports the re-run as identical, within tolerance or different, as
    /// `job audit` judges a span: exits 5 only when it differs by more than --tolerance (1e-5;
    /// --tolerance 0 accepts no difference) and, for a spec that requires a GPU, by more than
    /// --gpu-tolerance of the span's largest weight change. Example:
    ///   cohort model verify --from run/step-000100.safetensors --claimed run/step-000200.safetensors
    ///     --data fixtures/corpus --config fixtures/jobs/tiny.toml --worker 0x… --round 0
    #[command(verbatim_doc_comment)]
    Verify(VerifyArgs),
    /// Turn a completed job's model into a token shared by its owner and contributors
    ///
    /// The token is split as the job committed to at `job submit` ([job.split] in its spec),
    /// and accepts as revenue the native coin and the ERC-20s the job committed to
    /// (revenue_assets in its [job] table).
    ///
    /// Example:
    ///   cohort model tokenize 1 --name "News Model" --symbol NEWS --supply 1000000 --dry-run
    #[command(verbatim_doc_comment)]
    Tokenize(super::model_token::TokenizeArgs),
    /// List tokenized models.
    ///
    /// Example: cohort model list --json
    List(super::model_token::ListArgs),
    /// A model token: job, datasets, model root, pools, holders, revenue per asset.
    ///
    /// Example: cohort model show NEWS   (job id, token address or symbol)
    Show(super::model_token::ShowArgs),
    /// A model token's holders (from its Transfer events).
    ///
    /// Example: cohort model holders NEWS   (job id, token address or symbol)
    Holders(super::model_token::HoldersArgs),
    /// Contributors' allocations of a model token, claimed or not.
    ///
    /// Example: cohort model allocation NEWS --for dev:2
    Allocation(super::model_token::AllocationArgs),
    /// Download a completed job's final model (verified) with its spec and provenance; a lora
    /// job's as a PEFT adapter folder beside its base model.
    ///
    /// Example: cohort model download 1 -o models/job-1
    Download(super::model_download::DownloadArgs),
    /// Put a Hugging Face model folder into storage (every file, then a manifest naming each
    /// by root, size and blake3) and print the manifest root: a lora job's `model.base`.
    ///
    /// Example: cohort model upload-base fixtures/lora/qwen2 --wallet dev:0
    UploadBase(super::model_download::UploadBaseArgs),
    /// Serve a model over the OpenAI API, paid per token by signed vouchers, or --free
    ///
    /// Endpoints: /v1/completions, /v1/chat/completions, /v1/models.
    ///
    /// Examples:
    ///   cohort model serve NEWS --price 0.0001 --wallet provider
    ///   cohort model serve runs/tiny/step-000300.safetensors --free --port 8080
    #[command(verbatim_doc_comment)]
    Serve(super::serve::ServeArgs),
    /// Ask a served model, paying with vouchers signed by your wallet.
    ///
    /// Example: cohort model query NEWS --provider http://127.0.0.1:8000 --prompt "ROMEO:"
    Query(super::serve::QueryArgs),
    /// Settle vouchers on the usage ledger by hand (the server settles on its own as well).
    ///
    /// Example: cohort model settle --voucher @vouchers.jsonl --wallet provider
    Settle(super::serve::SettleArgs),
}

impl ModelCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            ModelCommand::Eval(a) => a.run(ctx).await,
            ModelCommand::Generate(a) => a.run(ctx).await,
            ModelCommand::Merge(a) => a.run(ctx).await,
            ModelCommand::Average(a) => a.run(ctx),
            ModelCommand::Verify(a) => a.run(ctx).await,
            ModelCommand::Tokenize(a) => a.run(ctx).await,
            ModelCommand::List(a) => a.run(ctx).await,
            ModelCommand::Show(a) => a.run(ctx).await,
            ModelCommand::Holders(a) => a.run(ctx).await,
            ModelCommand::Allocation(a) => a.run(ctx).await,
            ModelCommand::Serve(a) => a.run(ctx).await,
            ModelCommand::Query(a) => a.run(ctx).await,
            ModelCommand::Settle(a) => a.run(ctx).await,
            ModelCommand::Download(a) => a.run(ctx).await,
            ModelCommand::UploadBase(a) => a.run(ctx).await,
        }
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::failed("model.panicked", format!("the computation stopped: {e}")))?
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SplitArg {
    /// All of the data.
    All,
    /// The held-out validation split (the last tenth of every text file; every tenth line of a
    /// JSONL file).
    Val,
    /// The training split.
    Train,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The checkpoint (.safetensors), or a Hugging Face model folder.
    pub checkpoint: PathBuf,
    /// A PEFT LoRA adapter folder to apply (Hugging Face folders only).
    #[arg(long, value_name = "DIR")]
    pub adapter: Option<PathBuf>,
    /// Tokens per scored sequence (Hugging Face folders only; default 256, or the model's
    /// max_position_embeddings where smaller).
    #[arg(long, value_name = "N")]
    pub context: Option<usize>,
    /// Text files or folders (recursive) to score.
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    pub data: Vec<PathBuf>,
    /// Which part of the data to score.
    #[arg(long, value_enum, default_value_t = SplitArg::All)]
    pub split: SplitArg,
    /// Score at most N windows of `context` bytes (on a Hugging Face folder: N sequences),
    /// spread evenly (default: all).
    #[arg(long, value_name = "N")]
    pub max_windows: Option<usize>,
    #[arg(long, value_enum, default_value_t = DeviceArg::Auto)]
    pub device: DeviceArg,
}

impl EvalArgs {
    async fn run(self, ctx: &Ctx) -> Result<()> {
        let split = match self.split {
            SplitArg::All => Split::All,
            SplitArg::Val => Split::Val,
            SplitArg::Train => Split::Train,
        };
        if self.max_windows == Some(0) {
            return Err(Error::usage(
                "model.max_windows",
                "--max-windows must be at least 1",
            ));
        }
        if super::model_lora::is_hf_folder(&self.checkpoint) {
            let (d, a, data) = (self.checkpoint, self.adapter, self.data);
            let opts = crate::lora::EvalOptions {
                context: self.context,
                split,
                max_sequences: self.max_windows,
            };
            return super::model_lora::eval(d, a, data, opts, self.device, ctx).await;
        }
        if self.checkpoint.is_dir() {
            return Err(folder_refusal(
                &self.checkpoint,
                "eval",
                "score",
                "--data …",
            ));
        }
        if self.adapter.is_some() {
            return Err(adapter_needs_folder(&self.checkpoint));
        }
        if self.context.is_some() {
            return Err(Error::usage(
                "model.context",
                format!(
                    "--context applies to a Hugging Face model folder; {} is a checkpoint, \
                     scored in windows of its own context",
                    self.checkpoint.display()
                ),
            )
            .hint("leave out --context"));
        }
        let (ck, data, max, dev) = (self.checkpoint, self.data, self.max_windows, self.device);
        let report =
            blocking(move || trainer::evaluate_split(&ck, &data, split, max, dev.into())).await?;
        ctx.printer.result(&report, |r: &EvalReport| {
            table::pairs(&[
                ("checkpoint", r.checkpoint.display().to_string()),
                ("step", r.step.to_string()),
                ("loss", format!("{:.4} nats/byte", r.loss)),
                ("bits/byte", format!("{:.4}", r.bits_per_byte)),
                ("bytes scored", r.tokens.to_string()),
            ])
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The checkpoint (.safetensors), or a Hugging Face model folder.
    pub checkpoint: PathBuf,
    /// Text the sample continues (with --chat: the user's message).
    #[arg(long, default_value = "")]
    pub prompt: String,
    /// Tokens (bytes for a builtin checkpoint, at most 65536) to generate at most; stops earlier
    /// at EOS (a Hugging Face folder: also where its context is full).
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_tokens: usize,
    /// Tokens to generate before EOS may end the sample (Hugging Face folders only).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub min_tokens: usize,
    /// Sampling temperature, 0 to 2 (0: always the most likely token).
    #[arg(long, default_value_t = 0.8, value_name = "T")]
    pub temperature: f64,
    /// Seed for sampling.
    #[arg(long, default_value_t = 0, value_name = "S")]
    pub seed: u64,
    /// A PEFT LoRA adapter folder to apply (Hugging Face folders only).
    #[arg(long, value_name = "DIR")]
    pub adapter: Option<PathBuf>,
    /// Send the prompt as a user message through the model's chat template.
    #[arg(long)]
    pub chat: bool,
    /// Nucleus sampling: sample from the most likely tokens that reach this probability, in
    /// (0, 1].
    #[arg(long, default_value_t = 1.0, value_name = "P")]
    pub top_p: f64,
    /// Where to compute (Hugging Face folders; a builtin checkpoint samples on the CPU, as
    /// `model serve` does).
    #[arg(long, value_enum, default_value_t = DeviceArg::Auto)]
    pub device: DeviceArg,
}

fn adapter_needs_folder(p: &std::path::Path) -> Error {
    Error::usage(
        "model.adapter",
        format!(
            "--adapter applies to a Hugging Face model folder; {} is not one (no config.json)",
            p.display()
        ),
    )
}

/// The refusal of a folder that is no model where `cohort model CMD` takes a checkpoint file or
/// a Hugging Face folder; for a LoRA adapter folder, the hint runs CMD on its base with
/// `--adapter` (`verb` says what CMD does, `rest` its other arguments).
fn folder_refusal(p: &std::path::Path, cmd: &str, verb: &str, rest: &str) -> Error {
    let e = super::model_lora::folder_not_checkpoint(
        p,
        cmd,
        "a builtin checkpoint file (step-NNNNNN.safetensors) or a Hugging Face model folder (with config.json)",
    );
    if !p.join("adapter_config.json").is_file() {
        return e;
    }
    e.hint(format!(
        "{verb} an adapter on its base model's folder: cohort model {cmd} {} --adapter {} {rest}",
        super::model_lora::adapter_base(p).unwrap_or_else(|| "BASE_FOLDER".into()),
        p.display()
    ))
}

/// The most bytes `model generate` writes from a builtin checkpoint.
const MAX_BUILTIN_TOKENS: usize = 65_536;

#[derive(Debug, Serialize)]
struct Generated {
    prompt: String,
    text: String,
}

impl GenerateArgs {
    async fn run(self, ctx: &Ctx) -> Result<()> {
        // The limits the server takes (`model serve`).
        if self.max_tokens == 0 {
            return Err(Error::usage(
                "model.max_tokens",
                "--max-tokens must be at least 1",
            ));
        }
        if !(0.0..=crate::serve::MAX_TEMPERATURE).contains(&self.temperature) {
            return Err(Error::usage(
                "model.temperature",
                format!(
                    "--temperature {} is outside 0..={} (0: always the most likely token)",
                    self.temperature,
                    crate::serve::MAX_TEMPERATURE
                ),
            ));
        }
        if !(self.top_p > 0.0 && self.top_p <= 1.0) {
            return Err(Error::usage(
                "model.top_p",
                format!("--top-p {} is outside (0, 1] (1: every token)", self.top_p),
            ));
        }
        if super::model_lora::is_hf_folder(&self.checkpoint) {
            let g = super::model_lora::GenerateHf {
                dir: self.checkpoint,
                adapter: self.adapter,
                prompt: self.prompt,
                chat: self.chat,
                opts: crate::lora::SampleOptions {
                    max_tokens: self.max_tokens,
                    min_tokens: self.min_tokens,
                    temperature: self.temperature,
                    top_p: self.top_p,
                    seed: self.seed,
                },
                device: self.device,
            };
            return super::model_lora::generate(g, ctx).await;
        }
        if self.checkpoint.is_dir() {
            return Err(folder_refusal(
                &self.checkpoint,
                "generate",
                "sample",
                "--prompt …",
            ));
        }
        if self.min_tokens > 0 {
            return Err(Error::usage(
                "model.min_tokens",
                format!(
                    "--min-tokens applies to a Hugging Face model folder; {} is a builtin checkpoint, which has no EOS to hold back",
                    self.checkpoint.display()
                ),
            )
            .hint("drop --min-tokens: a builtin checkpoint always generates --max-tokens bytes"));
        }
        if self.adapter.is_some() {
            return Err(adapter_needs_folder(&self.checkpoint)
                .hint("--adapter and --chat need a Hugging Face folder with config.json"));
        }
        if self.chat {
            return Err(Error::usage(
                "model.chat",
                format!(
                    "--chat needs a Hugging Face model folder with a chat template; {} is a \
                     builtin checkpoint, which has none",
                    self.checkpoint.display()
                ),
            )
            .hint("drop --chat: a builtin checkpoint continues the --prompt text"));
        }
        if self.max_tokens > MAX_BUILTIN_TOKENS {
            return Err(Error::usage(
                "model.max_tokens",
                format!(
                    "--max-tokens {} is more than {MAX_BUILTIN_TOKENS}: a builtin checkpoint has no \
                     EOS and writes all of them",
                    self.max_tokens
                ),
            )
            .hint(format!("ask for at most {MAX_BUILTIN_TOKENS} bytes")));
        }
        if self.device == DeviceArg::Cuda {
            return Err(Error::usage(
                "model.device",
                format!(
                    "--device cuda applies to a Hugging Face model folder; {} is a builtin \
                     checkpoint, sampled on the CPU with the server's cached decoder",
                    self.checkpoint.display()
                ),
            )
            .hint("leave out --device"));
        }
        // The server's engine: the same text as `model serve` for the same prompt and sampling.
        let req = GenRequest {
            prompt: Vec::new(),
            max_tokens: self.max_tokens,
            min_tokens: 0,
            temperature: self.temperature,
            top_p: self.top_p,
            seed: self.seed,
        };
        let (ck, prompt) = (self.checkpoint, self.prompt.clone());
        let text = blocking(move || {
            let engine = Builtin::load(&ck)?;
            let req = GenRequest {
                prompt: engine.encode(&prompt),
                ..req
            };
            let mut made = Vec::new();
            engine.generate(&req, &mut |t| {
                made.push(t);
                true
            })?;
            Ok(String::from_utf8_lossy(&engine.decode(&made)).into_owned())
        })
        .await?;
        let out = Generated {
            prompt: self.prompt,
            text,
        };
        ctx.printer
            .result(&out, |g| format!("{}{}", g.prompt, g.text));
        Ok(())
    }
}

/// What `model average` and `model verify` take.
const BUILTIN_FILES: &str = "builtin checkpoint files (step-NNNNNN.safetensors)";

#[derive(Debug, Args)]
pub struct AverageArgs {
    /// Builtin checkpoint files to average, two or more (same model config).
    #[arg(required = true, num_args = 1..)]
    pub checkpoints: Vec<PathBuf>,
    /// Weights, one per checkpoint, comma-separated (default: equal).
    #[arg(long, value_delimiter = ',', value_name = "W,…")]
    pub weights: Vec<f64>,
    /// Where to write the average (written atomically).
    #[arg(
        short = 'o',
        long = "out",
        visible_alias = "output",
        value_name = "FILE"
    )]
    pub out: PathBuf,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Serialize)]
struct Averaged {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    out: PathBuf,
    inputs: Vec<(PathBuf, f64)>,
}

impl AverageArgs {
    fn run(self, ctx: &Ctx) -> Result<()> {
        if let Some(p) = self.checkpoints.iter().find(|p| p.is_dir()) {
            let e = super::model_lora::folder_not_checkpoint(p, "average", BUILTIN_FILES);
            return Err(match p.join("adapter_config.json").is_file() {
                true => e.hint(
                    "LoRA adapters are averaged by a lora job's coordinator (`cohort job \
                     coordinate`); no command averages adapter folders by hand",
                ),
                false => e,
            });
        }
        if self.out.exists() && !self.force {
            return Err(Error::usage(
                "average.output_exists",
                format!("{} already exists", self.out.display()),
            )
            .hint("pass --force to replace it, or choose another -o path"));
        }
        if self.checkpoints.len() < 2 {
            return Err(Error::usage(
                "average.one",
                format!(
                    "one checkpoint ({}) has nothing to average with",
                    self.checkpoints[0].display()
                ),
            )
            .hint("give two or more checkpoints"));
        }
        let weights = if self.weights.is_empty() {
            vec![1.0; self.checkpoints.len()]
        } else if self.weights.len() == self.checkpoints.len() {
            self.weights
        } else {
            return Err(Error::usage(
                "average.weights",
                format!(
                    "{} weights for {} checkpoints",
                    self.weights.len(),
                    self.checkpoints.len()
                ),
            )
            .hint("give one weight per checkpoint, e.g. --weights 1,3"));
        };
        let inputs: Vec<(PathBuf, f64)> = self.checkpoints.into_iter().zip(weights).collect();
        trainer::average(&inputs, &self.out)?;
        let report = Averaged {
            out: self.out,
            inputs,
        };
        ctx.printer.result(&report, |r| {
            format!(
                "wrote {} (average of {} checkpoints)",
                r.out.display(),
                r.inputs.len()
            )
        });
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The checkpoint the span starts from (at step s, with optimizer state).
    #[arg(long, value_name = "CHECKPOINT")]
    pub from: PathBuf,
    /// The claimed checkpoint at the end of the span.
    #[arg(long, value_name = "CHECKPOINT")]
    pub claimed: PathBuf,
    /// The training data the worker used.
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    pub data: Vec<PathBuf>,
    /// The job spec the worker trained with.
    #[arg(long, value_name = "FILE.toml")]
    pub config: PathBuf,
    /// The worker's address (part of the batch sampling key; default: the zero address).
    #[arg(long, value_name = "ADDR")]
    pub worker: Option<String>,
    /// The round (part of the batch sampling key).
    #[arg(long, default_value_t = 0, value_name = "R")]
    pub round: u64,
    /// The seed, when the worker overrode the spec's.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Where to re-execute: the CPU (bit-reproducible, the default) or a CUDA GPU.
    #[arg(long, value_enum, default_value_t = DeviceArg::Cpu)]
    pub device: DeviceArg,
    #[command(flatten)]
    pub tolerance: super::job::ToleranceOpts,
}

/// `model verify`'s outcome: the re-execution's report and whether it reproduces the claim
/// within the tolerance, as `job audit` judges a span.
#[derive(Debug, Serialize)]
struct SpanVerdict {
    #[serde(flatten)]
    report: VerifyReport,
    /// Bit-identical, or within the tolerance.
    accepted: bool,
    tolerance: Tolerance,
    /// The spec requires a GPU: its work is judged with the GPU tolerance too.
    gpu_work: bool,
}

impl VerifyArgs {
    async fn run(self, ctx: &Ctx) -> Result<()> {
        let tolerance = Tolerance {
            absolute: self.tolerance.tolerance,
            gpu_relative: self.tolerance.gpu_tolerance,
        };
        tolerance.validate()?;
        let spec = load_builtin_spec(&self.config).map_err(|e| match e.code.as_str() {
            "train.lora_trainer" => e.hint(
                "model verify re-executes builtin checkpoints; a lora job's spans are \
                 re-executed by `cohort job audit JOB --round R --worker ADDR`",
            ),
            _ => e,
        })?;
        if let Some(p) = [&self.from, &self.claimed].into_iter().find(|p| p.is_dir()) {
            let e = super::model_lora::folder_not_checkpoint(p, "verify", BUILTIN_FILES);
            return Err(match p.join("adapter_config.json").is_file() {
                true => e.hint(
                    "a lora job's spans are re-executed by `cohort job audit JOB --round R \
                     --worker ADDR`",
                ),
                false => e,
            });
        }
        let gpu_work = spec.requires_gpu();
        let opts = VerifyOptions {
            data: self.data,
            model: spec.model.config(),
            training: spec.training_config(),
            seed: self.seed,
            round: self.round,
            worker: parse_worker(self.worker.as_deref())?,
            device: self.device.into(),
            steps: None,
        };
        let (from, claimed) = (self.from, self.claimed);
        let report = blocking(move || trainer::verify_span(&from, &claimed, &opts)).await?;
        let v = SpanVerdict {
            accepted: report.accepted(&tolerance, gpu_work),
            report,
            tolerance,
            gpu_work,
        };
        ctx.printer.result(&v, render_verify);
        if !v.accepted {
            let r = &v.report;
            return Err(Error::verification(
                "verify.mismatch",
                format!(
                    "re-running steps {}..{} does not reproduce the claimed checkpoint: largest \
                     difference {:e}, {}",
                    r.from_step,
                    r.to_step,
                    r.max_abs_diff,
                    allowed(&v)
                ),
            ));
        }
        Ok(())
    }
}

/// The tolerance a span is judged by, in words.
fn allowed(v: &SpanVerdict) -> String {
    if v.gpu_work {
        format!(
            "tolerance {:e}, or {} of the span's largest weight change for GPU work",
            v.tolerance.absolute, v.tolerance.gpu_relative
        )
    } else {
        format!("tolerance {:e}", v.tolerance.absolute)
    }
}

fn render_verify(v: &SpanVerdict) -> String {
    let r = &v.report;
    let mut out = if r.identical {
        format!(
            "identical: steps {}..{} re-executed bit for bit",
            r.from_step, r.to_step
        )
    } else {
        format!(
            "{}: steps {}..{} (largest difference {:e}; weights {:e}, {:.2e} of the span's largest weight change {:e}; {})",
            if v.accepted {
                "within tolerance"
            } else {
                "DIFFERENT"
            },
            r.from_step,
            r.to_step,
            r.max_abs_diff,
            r.weights_max_abs_diff,
            r.relative_diff,
            r.span_change,
            allowed(v)
        )
    };
    if !r.identical {
        let rows = r
            .tensors
            .iter()
            .filter(|t| t.max_abs_diff > 0.0)
            .map(|t| vec![t.name.clone(), format!("{:e}", t.max_abs_diff)]);
        out.push_str("\n\n");
        out.push_str(&table::render(&["TENSOR", "MAX ABS DIFF"], rows));
    }
    out
}
