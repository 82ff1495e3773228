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
//! checkpoint_every = 100
//! seed = 1
//!
//! [job]                   # only for pools; `cohort train` ignores it
//! datasets = ["shakespeare"]
//! rounds = 4
//! reward_per_round = "0.1ether"
//! max_workers = 4
//! round_timeout = 3600
//! [job.requirements]
//! min_memory_gb = 2
//! gpu = false
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
    /// `dropout`: dropout probability in [0, 1) after embeddings, attention and MLP (default 0).
    #[serde(default)]
    pub dropout: f64,
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
    /// `coordinator`: address of the coordinator that averages results (default: the submitter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    /// `[job.requirements]`: what a worker's machine needs.
    #[serde(default)]
    pub requirements: Requirements,
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
            .hint("see fixtures/jobs/tiny.toml for a valid spec")
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

    /// Reads and parses a spec file.
    pub fn load(path: &Path) -> Result<JobSpec> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::usage(
                "jobspec.read",
                format!("could not read job spec {}: {e}", path.display()),
            )
        })?;
        JobSpec::parse(&text, &path.display().to_string())
    }

    /// Checks values the types cannot: heads dividing width, positive sizes, known trainer.
    pub fn validate(&self) -> Result<()> {
        match self.model.trainer {
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
        for (key, x) in [
            ("verify.tolerance", v.tolerance),
            ("verify.max_loss_increase", v.max_loss_increase),
        ] {
            if !(x >= 0.0 && x.is_finite()) {
                return Err(Error::usage(
                    "jobspec.invalid",
                    format!("{key} must be a number, 0 or more (got {x})"),
                ));
            }
        }
        if let Some(job) = &self.job {
            if job.rounds == 0 {
                return Err(Error::usage(
                    "jobspec.invalid",
                    "job.rounds must be at least 1",
                ));
            }
            if job.max_workers == 0 {
                return Err(Error::usage(
                    "jobspec.invalid",
                    "job.max_workers must be at least 1",
                ));
            }
            if job.datasets.is_empty() {
                return Err(Error::usage(
                    "jobspec.invalid",
                    "job.datasets must name a dataset",
                ));
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
}
