//! The documents jobs keep in storage, as JSON:
//! - the job bundle (`specRoot` on chain): the spec's TOML text, the files it references (each
//!   its own storage root) and the resolved dataset ids;
//! - the work bundle (a worker's `bundleRoot`): the checkpoint roots at every K steps and the
//!   final one, and the metrics (losses, tokens, time);
//! - the round report (`reportRoot`): every submission's verdict with its reason, the
//!   aggregate and its validation loss.

use alloy::primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jobspec::JobSpec;

pub const JOB_BUNDLE_FORMAT: &str = "cohort-job-bundle/1";
pub const WORK_BUNDLE_FORMAT: &str = "cohort-work-bundle/1";
pub const ROUND_REPORT_FORMAT: &str = "cohort-round-report/1";

/// A file shipped with the spec (e.g. the exec trainer's script).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleFile {
    /// Path relative to the spec's folder, `/`-separated.
    pub path: String,
    pub root: B256,
    pub size: u64,
    /// blake3 of the bytes, hex.
    pub blake3: String,
}

/// The job bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobBundle {
    pub format: String,
    /// The spec file's name when submitted.
    pub spec_name: String,
    /// The spec's TOML text, exactly as submitted.
    pub spec: String,
    pub files: Vec<BundleFile>,
    /// The spec's datasets resolved to registry ids, in spec order.
    pub dataset_ids: Vec<u64>,
}

impl JobBundle {
    /// The parsed spec; a bundle whose spec does not parse is a verification error.
    pub fn job_spec(&self) -> Result<JobSpec> {
        JobSpec::parse(&self.spec, &self.spec_name).map_err(|e| {
            Error::verification(
                "job.bad_bundle",
                format!("the job's spec does not parse: {}", e.message),
            )
        })
    }
    pub fn check_format(&self) -> Result<()> {
        check(&self.format, JOB_BUNDLE_FORMAT, "job bundle")
    }
}

fn check(got: &str, want: &str, what: &str) -> Result<()> {
    if got != want {
        return Err(Error::verification(
            "job.bad_format",
            format!("the {what} has format '{got}', expected '{want}'"),
        )
        .hint("upgrade cohort"));
    }
    Ok(())
}

/// A checkpoint in a work bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckpointRef {
    /// Global step of the checkpoint.
    pub step: u64,
    pub root: B256,
    pub size: u64,
}

/// A point of the training loss curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LossPoint {
    pub step: u64,
    pub train_loss: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
}

/// What a worker measured while training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct WorkMetrics {
    pub losses: Vec<LossPoint>,
    /// Tokens (bytes) processed: steps × batch size × context.
    pub tokens: u64,
    pub seconds: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_val_loss: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_val_loss: Option<f64>,
    /// Where the work ran, in words (`cpu (2 threads)`, `cuda:0`, `exec`).
    #[serde(default)]
    pub device: String,
}

/// A worker's work bundle for one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkBundle {
    pub format: String,
    pub job_id: u64,
    pub round: u32,
    pub worker: Address,
    /// `builtin` or `exec`.
    pub runtime: String,
    /// The checkpoint the round started from (the base model or the previous aggregate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_root: Option<B256>,
    pub seed: u64,
    pub start_step: u64,
    pub end_step: u64,
    /// K: a checkpoint every K global steps (builtin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint_every: Option<u64>,
    /// Every checkpoint, in step order, the final one last.
    pub checkpoints: Vec<CheckpointRef>,
    #[serde(rename = "final")]
    pub final_checkpoint: CheckpointRef,
    pub metrics: WorkMetrics,
    /// The work units submitted on chain (tokens processed).
    pub work_units: u64,
    /// `[training.compress] method = "topk"`: the round's compressed pseudo-gradient
    /// (`cohort-topk/1`), what the aggregate is built from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<FileRef>,
    /// With error feedback: the residual the round's compression started from (the worker's
    /// `residual_out` of its previous accepted round; absent: zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_in: Option<FileRef>,
    /// With error feedback: what this round's compression did not send (`cohort-residual/1`),
    /// the next round's `residual_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_out: Option<FileRef>,
    /// `[verify] replay = true`: the checkpoints are committed by root but not uploaded (the
    /// final one is, when the job does not compress: the aggregate needs it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub committed_only: bool,
}

/// A file in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub root: B256,
    pub size: u64,
}

impl WorkBundle {
    pub fn check_format(&self) -> Result<()> {
        check(&self.format, WORK_BUNDLE_FORMAT, "work bundle")
    }

    /// Bytes the worker uploaded for the round: its checkpoints, pseudo-gradient and residual
    /// (the sizes the bundle records; each file matches its root when fetched).
    pub fn uploaded_bytes(&self) -> u64 {
        let extra = [self.delta, self.residual_out].into_iter().flatten();
        let checkpoints = match (self.committed_only, self.delta) {
            (false, _) => self.checkpoints.iter().map(|c| c.size).sum::<u64>(),
            (true, Some(_)) => 0,
            (true, None) => self.final_checkpoint.size,
        };
        checkpoints + extra.map(|f| f.size).sum::<u64>()
    }
}

/// "123.4 kB (105.1× fewer than fp32 weights)": a pseudo-gradient's size against the model's
/// fp32 weights.
pub fn delta_ratio(delta: u64, fp32: Option<u64>) -> String {
    match fp32 {
        Some(f) if delta > 0 => format!(
            "{} ({:.1}× fewer than fp32 weights)",
            crate::progress::bytes(delta),
            f as f64 / delta as f64
        ),
        _ => crate::progress::bytes(delta),
    }
}

/// The coordinator's verdict on one submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub worker: Address,
    pub bundle_root: B256,
    pub work_units: String,
    pub accepted: bool,
    /// Why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The re-executed spans [from, to] (builtin jobs), drawn from the round's seed block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked_spans: Vec<(u64, u64)>,
    /// Whether every re-execution matched bit for bit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identical: Option<bool>,
    /// The largest absolute difference of the re-execution (0 when identical).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_abs_diff: Option<f64>,
    /// The largest weight difference as a fraction of the span's largest weight change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_diff: Option<f64>,
    /// The worker's final validation loss as it reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_val_loss: Option<f64>,
    /// The submitted weights' loss on the job's validation split, as the checker measured it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// `val_loss` minus the round's starting weights' (negative: better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_loss: Option<f64>,
    /// Bytes the worker uploaded for the round (checkpoints, pseudo-gradient, residual), from
    /// its work bundle's file sizes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_bytes: Option<u64>,
    /// Bytes of the compressed pseudo-gradient: what the aggregate needs from the worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_bytes: Option<u64>,
}

/// The round report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundReport {
    pub format: String,
    pub job_id: u64,
    pub round: u32,
    pub verdicts: Vec<Verdict>,
    /// Workers who were in the job but submitted nothing this round.
    pub missing: Vec<Address>,
    /// The checkpoint the next round starts from (zero when nothing was accepted: the round's
    /// starting checkpoint carries over).
    pub aggregate_root: B256,
    /// Validation loss of the aggregate on the job's datasets (builtin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// Largest difference accepted as CPU-kernel rounding noise.
    pub tolerance: f64,
    /// For jobs that require a GPU: the largest difference accepted as a fraction of the
    /// span's largest weight change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_tolerance: Option<f64>,
    /// The block whose hash seeded every submission's span draw (see `jobs::spans`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_block: Option<crate::jobs::spans::SeedBlock>,
    /// `verify.spans`: spans re-executed per submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans_per_submission: Option<u32>,
    /// The round's starting weights' loss on the validation split (Δloss is against this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_val_loss: Option<f64>,
    /// `verify.max_loss_increase`: the largest Δloss accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_loss_increase: Option<f64>,
    /// `[training.outer] optimizer = "nesterov"`: the outer momentum after this round
    /// (`cohort-outer-momentum/1`), the next round's; carried over when nothing was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub momentum_root: Option<B256>,
    /// The model's weights in fp32 (parameters × 4 bytes): what each worker would upload with
    /// plain averaging, the measure of the pseudo-gradient's compression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp32_bytes: Option<u64>,
}

impl RoundReport {
    pub fn check_format(&self) -> Result<()> {
        check(&self.format, ROUND_REPORT_FORMAT, "round report")
    }
}
