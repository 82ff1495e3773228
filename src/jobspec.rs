//! The job spec: one TOML file that drives `cohort train` on a single machine and
//! `cohort job submit` for a pool, so a spec can be tested locally before it costs anything.
//!
//! ```toml
//! [model]                 # what is trained
//! trainer = "builtin"     # "builtin" (cohort's byte-level transformer) or "exec"
//! layers = 2
//! width = 64
//! heads = 4
//! context = 64
//! dropout = 0.0
//!
//! [training]              # how it is trained (see `TrainConfig`)
//! batch_size = 16
//! learning_rate = 3e-3
//! steps = 300             # steps per round
//! # decay_steps = 1200    # where the cosine decay reaches its floor (default: steps ×
//!                         # [job].rounds with a [job] table, else the run's last step)
//! checkpoint_every = 100
//! seed = 1
//!
//! [training.outer]        # DiLoCo's outer step (pools with the builtin trainer)
//! optimizer = "nesterov"  # or "average" (the default: federated averaging)
//! lr = 0.7
//! momentum = 0.9
//! keep_inner_state = true
//!
//! [training.compress]     # top-k pseudo-gradients (needs optimizer = "nesterov")
//! method = "topk"
//! chunk = 4096
//! density = 0.02
//! bits = 2                # 2, 4 or 8
//! error_feedback = true
//!
//! [job]                   # for pools; `cohort train` uses only rounds (decay_steps below)
//! datasets = ["shakespeare"]
//! rounds = 4
//! reward_per_round = "0.1ether"
//! max_workers = 4
//! round_timeout = 3600
//! bond = "0.01ether"      # each worker posts it at join; a rejected submission loses it
//! committee = ["0x…", "0x…", "0x…"]   # who verifies (default: the submitter alone)
//! threshold = 2           # members that must agree on a verdict (default: a majority)
//! grace = 600             # seconds after a round's deadline the committee still has
//! max_service_fee = "10%" # the most a model server may keep of usage revenue
//! revenue_assets = []      # ERC-20s the model token accepts as revenue besides the native coin
//! [job.split]             # the model token's split, fixed now (default 20% / 40% / 40%)
//! owner = "20%"
//! data = "40%"
//! compute = "40%"
//! [job.requirements]
//! min_memory_gb = 2
//! gpu = false
//!
//! [verify]                # how every submission is checked (committed on chain)
//! spans = 2
//! tolerance = 1e-5
//! max_loss_increase = 0.05
//! replay = false          # true: checkers replay whole rounds; workers upload no checkpoints
//! ```
//!
//! Every table rejects unknown keys, so a typo is an error (exit 2) naming the key.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::trainer::{ModelConfig, TrainConfig};

/// A whole job spec file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    /// `[model]`: which trainer runs and the model's shape.
    pub model: ModelTable,
    /// `[training]`: hyperparameters, seed, steps per round, checkpoint spacing.
    #[serde(default)]
    pub training: TrainConfig,
    /// `[job]`: how a pool runs the spec. Ignored by `cohort train`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<JobTable>,
    /// `[verify]`: how a pool checks every submission.
    #[serde(default)]
    pub verify: VerifyTable,
}

/// `[verify]`: how every submission of a pool is checked (committed on chain at `createJob`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyTable {
    /// `spans`: K-spans re-executed per submission (default 2).
    #[serde(default = "d_spans")]
    pub spans: u32,
    /// `tolerance`: largest absolute weight difference a re-executed CPU span may show (default 1e-5).
    #[serde(default = "d_tolerance")]
    pub tolerance: f64,
    /// `max_loss_increase`: a submission whose validation loss exceeds the round start's by more
    /// than this (nats) is rejected (default 0.05).
    #[serde(default = "d_max_loss_increase")]
    pub max_loss_increase: f64,
    /// `replay`: checkers re-execute every submission's whole round from its public start
    /// instead of drawn spans from uploaded checkpoints, so workers upload only what the
    /// aggregate needs (their compressed pseudo-gradient, or final weights); CPU rounds only,
    /// and the checker's CPU must reproduce the worker's bits (default false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replay: bool,
}

fn d_spans() -> u32 {
    2
}
fn d_tolerance() -> f64 {
    1e-5
}
fn d_max_loss_increase() -> f64 {
    0.05
}

impl Default for VerifyTable {
    fn default() -> Self {
        VerifyTable {
            spans: d_spans(),
            tolerance: d_tolerance(),
            max_loss_increase: d_max_loss_increase(),
            replay: false,
        }
    }
}

/// Which program trains the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainerKind {
    /// cohort's own byte-level transformer (reproducible on CPU, verifiable by anyone).
    #[default]
    Builtin,
    /// An external command (`model.command`); the jobs issue runs it. Not verifiable step by step.
    Exec,
    /// LoRA fine-tuning of a Llama-family Hugging Face model (`model.base`); see `crate::lora`.
    Lora,
}

/// The `[model]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelTable {
    /// `trainer`: `"builtin"` (default) or `"exec"`.
    #[serde(default)]
    pub trainer: TrainerKind,
    /// `command`: the program and its arguments for `trainer = "exec"`, e.g.
    /// `["python", "train.py"]`. Must be absent for the builtin trainer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// `layers`: number of transformer blocks (default 2).
    #[serde(default = "d_layers")]
    pub layers: usize,
    /// `width`: the model width (embedding size, default 64); a multiple of `heads`.
    #[serde(default = "d_width")]
    pub width: usize,
    /// `heads`: attention heads per block (default 4); must divide `width`.
    #[serde(default = "d_heads")]
    pub heads: usize,
    /// `context`: context length in bytes (default 64).
    #[serde(default = "d_context")]
    pub context: usize,
    /// `dropout`: dropout probability in [0, 1) after embeddings, attention and MLP (default 0);
    /// for `lora`, the dropout on the adapters' input.
    #[serde(default)]
    pub dropout: f64,
    /// `base` (lora): the base model, a local Hugging Face folder for `cohort train`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// `rank` (lora): the adapters' rank r (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// `alpha` (lora): the adapters' scale is alpha / rank (default 2 × rank).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
    /// `targets` (lora): the linear layers to adapt (default `["q_proj", "v_proj"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    /// `deterministic`: the exec command writes the same output for the same inputs, so a
    /// verifier that allows exec (`--allow-exec`) re-runs a submission's round and compares
    /// (default false; the builtin trainer is always re-executed span by span).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deterministic: bool,
}

fn d_layers() -> usize {
    2
}
fn d_width() -> usize {
    64
}
fn d_heads() -> usize {
    4
}
fn d_context() -> usize {
    64
}

impl ModelTable {
    /// The adapters' shape for `trainer = "lora"`, with the defaults filled in.
    pub fn lora_spec(&self) -> crate::lora::LoraSpec {
        let rank = self.rank.unwrap_or(8);
        crate::lora::LoraSpec {
            rank,
            alpha: self.alpha.unwrap_or(2.0 * rank as f64),
            dropout: self.dropout,
            targets: self
                .targets
                .clone()
                .unwrap_or_else(|| vec!["q_proj".into(), "v_proj".into()]),
        }
    }

    /// The builtin model's configuration.
    pub fn config(&self) -> ModelConfig {
        ModelConfig {
            layers: self.layers,
            width: self.width,
            heads: self.heads,
            context: self.context,
            dropout: self.dropout,
        }
    }
}

/// The `[job]` table: how a pool runs the spec (used by `cohort job submit`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobTable {
    /// `datasets`: dataset ids (0x Merkle roots) or registered names to train on.
    pub datasets: Vec<String>,
    /// `rounds`: number of rounds; each round every worker trains `training.steps` steps from
    /// the averaged weights of the previous round.
    pub rounds: u64,
    /// `reward_per_round`: amount paid per round, split among accepted workers, as a string
    /// with a unit, e.g. `"0.1ether"`, `"100gwei"` or plain wei `"1000"`.
    pub reward_per_round: String,
    /// `max_workers`: the most workers that may join a round.
    pub max_workers: u64,
    /// `round_timeout`: seconds a round may take before the coordinator closes it.
    pub round_timeout: u64,
    /// `coordinator`: the address of a one-member committee (same as `committee = [ADDR]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    /// `committee`: the addresses that verify each round and vote on its verdict (default: the
    /// submitter alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Vec<String>>,
    /// `threshold`: how many committee members must post the same verdict (default: a majority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u32>,
    /// `bond`: what each worker posts when it joins, e.g. `"0.01ether"` (default 0: no bond). A
    /// rejected submission loses it; it is returned when the worker leaves between rounds or the
    /// job ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bond: Option<String>,
    /// `grace`: seconds after a round's deadline the committee still has to agree on a verdict;
    /// after that anyone can close the round (default 600).
    #[serde(default = "d_grace")]
    pub grace: u64,
    /// `max_service_fee`: the most a model server may keep of usage revenue, e.g. `"10%"`
    /// (default 10%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_service_fee: Option<String>,
    /// `revenue_assets`: the ERC-20 contracts (0x addresses, at most 4) the model's token will
    /// accept as revenue besides the native coin; committed at submit, like the split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_assets: Option<Vec<String>>,
    /// `[job.split]`: the model token's split, committed at submit (default 20% / 40% / 40%).
    #[serde(default)]
    pub split: SplitTable,
    /// `[job.requirements]`: what a worker's machine needs.
    #[serde(default)]
    pub requirements: Requirements,
}

fn d_grace() -> u64 {
    600
}

/// `[job.split]`: the model token's owner, data and compute shares as percentages (`"20%"`),
/// adding up to 100%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitTable {
    /// `owner`: the job owner's share (default 20%).
    #[serde(default = "d_owner")]
    pub owner: String,
    /// `data`: the data contributors' share, split by accepted data weight (default 40%).
    #[serde(default = "d_data")]
    pub data: String,
    /// `compute`: the workers' share, split by accepted work units (default 40%).
    #[serde(default = "d_compute")]
    pub compute: String,
}

fn d_owner() -> String {
    "20%".into()
}
fn d_data() -> String {
    "40%".into()
}
fn d_compute() -> String {
    "40%".into()
}

impl Default for SplitTable {
    fn default() -> Self {
        SplitTable {
            owner: d_owner(),
            data: d_data(),
            compute: d_compute(),
        }
    }
}

/// `[job.requirements]`: the machine a worker needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// `min_memory_gb`: minimum main memory in GiB (default 0: no minimum).
    #[serde(default)]
    pub min_memory_gb: f64,
    /// `gpu`: whether a CUDA GPU is required (default false).
    #[serde(default)]
    pub gpu: bool,
    /// `min_gpu_memory_gb`: minimum GPU memory in GiB when `gpu` is true (default 0).
    #[serde(default)]
    pub min_gpu_memory_gb: f64,
}

impl JobSpec {
    /// Parses a spec from TOML text and checks its values. Errors are usage errors (exit 2)
    /// naming the offending key; `origin` names the file in messages.
    pub fn parse(text: &str, origin: &str) -> Result<JobSpec> {
        let spec: JobSpec = toml::from_str(text).map_err(|e| {
            let msg = e.message().to_string();
            Error::usage(
                "jobspec.invalid",
                format!("invalid job spec {origin}: {msg}"),
            )
            .cause(e.to_string().trim_end())
            .hint("`cohort job submit --help` ends with an example spec")
        })?;
        spec.validate().map_err(|e| {
            let message = format!("invalid job spec {origin}: {}", e.message);
            Error { message, ..e }
        })?;
        Ok(spec)
    }

    /// Whether `[job.requirements] gpu = true`: pools train it on CUDA and judge its work with
    /// the GPU tolerance.
    pub fn requires_gpu(&self) -> bool {
        self.job.as_ref().is_some_and(|j| j.requirements.gpu)
    }

    /// The `[training]` table as the trainer uses it: when `decay_steps` is not set and the spec
    /// has a `[job]` table, the learning-rate schedule spans all rounds (`steps × rounds`), so
    /// the spec trains the same schedule locally and in a pool.
    pub fn training_config(&self) -> TrainConfig {
        let mut t = self.training.clone();
        if t.decay_steps.is_none()
            && let Some(job) = &self.job
        {
            t.decay_steps = Some(t.steps.saturating_mul(job.rounds));
        }
        t
    }

    /// The builtin model's weights in fp32 bytes (parameters × 4; None for other trainers):
    /// what each worker uploads per round with plain averaging.
    pub fn fp32_bytes(&self) -> Option<u64> {
        (self.model.trainer == TrainerKind::Builtin).then(|| self.model.config().parameters() * 4)
    }

    /// Pools run DiLoCo rounds (`[training.outer]`, `[training.compress]`) with cohort's own
    /// trainers (builtin, lora): an `exec` spec that sets them is refused (exit 2) rather than
    /// silently averaged, since its outputs are not re-executable step by step.
    pub fn check_pool_outer(&self) -> Result<()> {
        use crate::trainer::config::{CompressMethod, OuterConfig, OuterOptimizer};
        if self.model.trainer != TrainerKind::Exec {
            return Ok(());
        }
        let (o, c) = (&self.training.outer, &self.training.compress);
        let key = if o.optimizer != OuterOptimizer::Average {
            "training.outer.optimizer"
        } else if c.method != CompressMethod::None {
            "training.compress.method"
        } else if o.keep_inner_state != OuterConfig::default().keep_inner_state {
            "training.outer.keep_inner_state"
        } else {
            return Ok(());
        };
        Err(Error::usage(
            "jobspec.pool_outer",
            format!("{key}: pools run DiLoCo rounds with trainer = \"builtin\" or \"lora\", not \"exec\" (its rounds average the submitted weights)"),
        )
        .hint("remove [training.outer] and [training.compress] from the spec, or train with the builtin or lora trainer"))
    }

    /// Reads and parses a spec file.
    pub fn load(path: &Path) -> Result<JobSpec> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let hint = if e.kind() == std::io::ErrorKind::NotFound {
                "check the path (relative paths start from the current folder); \
                 `cohort job submit --help` ends with an example spec to start from"
                    .to_string()
            } else if path.is_dir() {
                "name the spec's TOML file, not its folder".to_string()
            } else {
                format!("check that {} is a readable text file", path.display())
            };
            Error::usage(
                "jobspec.read",
                format!("could not read job spec {}: {e}", path.display()),
            )
            .hint(hint)
        })?;
        JobSpec::parse(&text, &path.display().to_string())
    }

    /// Checks values the types cannot: heads dividing width, positive sizes, known trainer.
    pub fn validate(&self) -> Result<()> {
        let m = &self.model;
        if m.trainer != TrainerKind::Lora
            && (m.base.is_some() || m.rank.is_some() || m.alpha.is_some() || m.targets.is_some())
        {
            return Err(Error::usage(
                "jobspec.invalid",
                "model.base, rank, alpha and targets are only for trainer = \"lora\"",
            )
            .hint("remove them or set model.trainer = \"lora\""));
        }
        match self.model.trainer {
            TrainerKind::Lora => {
                if self.model.command.is_some() {
                    return Err(Error::usage(
                        "jobspec.invalid",
                        "model.command is only for trainer = \"exec\"",
                    )
                    .hint("remove model.command (a lora job trains model.base)"));
                }
                if self.model.base.as_deref().is_none_or(str::is_empty) {
                    return Err(Error::usage(
                        "jobspec.invalid",
                        "model.base is required when model.trainer = \"lora\"",
                    )
                    .hint("e.g. base = \"fixtures/lora/qwen2\" (a Hugging Face model folder)"));
                }
                self.model.lora_spec().validate(None)?;
            }
            TrainerKind::Builtin => {
                if self.model.command.is_some() {
                    return Err(Error::usage(
                        "jobspec.invalid",
                        "model.command is only for trainer = \"exec\"",
                    )
                    .hint("remove model.command or set model.trainer = \"exec\""));
                }
            }
            TrainerKind::Exec => {
                if self.model.command.as_ref().is_none_or(|c| c.is_empty()) {
                    return Err(Error::usage(
                        "jobspec.invalid",
                        "model.command is required when model.trainer = \"exec\"",
                    )
                    .hint("e.g. command = [\"python\", \"train.py\"]"));
                }
            }
        }
        self.model.config().validate()?;
        self.training.validate()?;
        let v = &self.verify;
        if v.spans == 0 {
            return Err(
                Error::usage("jobspec.invalid", "verify.spans must be at least 1")
                    .hint("the number of K-spans re-executed per submission, e.g. spans = 2"),
            );
        }
        if v.replay && (self.model.trainer == TrainerKind::Exec || self.requires_gpu()) {
            return Err(Error::usage(
                "jobspec.invalid",
                "verify.replay: only CPU rounds of the builtin or lora trainer reproduce bit for bit when replayed",
            )
            .hint("remove verify.replay (drawn spans are checked from uploaded checkpoints instead)"));
        }
        for (key, x) in [
            ("verify.tolerance", v.tolerance),
            ("verify.max_loss_increase", v.max_loss_increase),
        ] {
            if !(x >= 0.0 && x.is_finite()) {
                return Err(Error::usage(
                    "jobspec.invalid",
                    format!("{key} must be a number, 0 or more (got {x})"),
                )
                .hint(format!("e.g. {key} = 0.01, or remove it for the default")));
            }
        }
        if let Some(job) = &self.job {
            if job.rounds == 0 {
                return Err(
                    Error::usage("jobspec.invalid", "job.rounds must be at least 1")
                        .hint("set job.rounds to the number of rounds to pay for, e.g. rounds = 3"),
                );
            }
            if job.max_workers == 0 {
                return Err(Error::usage(
                    "jobspec.invalid",
                    "job.max_workers must be at least 1",
                )
                .hint("set job.max_workers to how many workers may train at once, e.g. max_workers = 4"));
            }
            if job.datasets.is_empty() {
                return Err(Error::usage(
                    "jobspec.invalid",
                    "job.datasets must name a dataset",
                )
                .hint("name a sealed dataset, e.g. datasets = [\"my-data\"] (`cohort dataset list` lists them)"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod verify_table_tests {
    use super::*;

    const TINY: &str = include_str!("../fixtures/jobs/tiny.toml");

    #[test]
    fn the_verify_table_has_defaults_and_is_checked() {
        let spec = JobSpec::parse(TINY, "tiny.toml").unwrap();
        assert_eq!(spec.verify, VerifyTable::default());
        assert_eq!(spec.verify.spans, 2);
        let s = JobSpec::parse(&format!("{TINY}\n[verify]\nspans = 4\n"), "x.toml").unwrap();
        assert_eq!(s.verify.spans, 4);
        assert_eq!(s.verify.max_loss_increase, 0.05);
        let e = JobSpec::parse(&format!("{TINY}\n[verify]\nspans = 0\n"), "x.toml").unwrap_err();
        assert!(e.message.contains("verify.spans"), "{}", e.message);
        let e = JobSpec::parse(&format!("{TINY}\n[verify]\nspan = 3\n"), "x.toml").unwrap_err();
        assert!(e.message.contains("span"), "{}", e.message);
        let e = JobSpec::parse(
            &format!("{TINY}\n[verify]\nmax_loss_increase = -1\n"),
            "x.toml",
        )
        .unwrap_err();
        assert!(e.message.contains("max_loss_increase"), "{}", e.message);
    }

    #[test]
    fn replay_is_for_cpu_rounds_of_cohorts_own_trainers() {
        let s = JobSpec::parse(&format!("{TINY}\n[verify]\nreplay = true\n"), "x.toml").unwrap();
        assert!(s.verify.replay);
        let gpu = TINY.replace("gpu = false", "gpu = true");
        assert_ne!(gpu, TINY);
        let e = JobSpec::parse(&format!("{gpu}\n[verify]\nreplay = true\n"), "x.toml").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("verify.replay"), "{}", e.message);
    }
}
