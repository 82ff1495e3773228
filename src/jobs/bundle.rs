//! The documents jobs keep in storage, as JSON:
//! - the job bundle (`specRoot` on chain): the spec's TOML text, the files it references (each
//!   its own storage root) and the resolved dataset ids;
//! - the work bundle (a worker's `bundleRoot`): the checkpoint roots at every K steps and the
//!   final one, and the metrics (losses, tokens, time);
//! - the round record (the voted verdict's `reportRoot`): what every honest committee member
//!   computes identically — each submission's verdict with a canonical reason code, the drawn
//!   spans, the aggregate and the spec's checking parameters, never a measured number;
//! - a member's check report (the `reportRoot` of its `VerdictVoted` event, not part of the
//!   voted hash): what that member measured — the re-executions' differences, the validation
//!   losses, the full reasons — and the record it voted for.

use alloy::primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jobspec::JobSpec;

pub const JOB_BUNDLE_FORMAT: &str = "cohort-job-bundle/1";
pub const WORK_BUNDLE_FORMAT: &str = "cohort-work-bundle/1";
pub const ROUND_REPORT_FORMAT: &str = "cohort-round-report/2";
/// The round report before members' measurements moved to their own check reports (read only).
pub const ROUND_REPORT_FORMAT_V1: &str = "cohort-round-report/1";
pub const CHECK_REPORT_FORMAT: &str = "cohort-check-report/1";

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
    /// The check that rejected it (absent from reports older than the codes: see
    /// [`reason_code`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Rejection>,
    /// The re-executed spans [from, to] (builtin jobs), drawn from the round's seed block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked_spans: Vec<(u64, u64)>,
    /// The checked spans this checker re-executed on its CPU because its GPU failed on them (out
    /// of memory, a kernel error): judged by the same rule, the CPU being the reference every
    /// device is judged against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cpu_reexecuted: Vec<(u64, u64)>,
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

/// A submission's verdict as the round record holds it: only what every honest member reaches
/// identically (no measured number, no free text; those are in each member's [`CheckReport`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedVerdict {
    pub worker: Address,
    pub bundle_root: B256,
    pub work_units: String,
    pub accepted: bool,
    /// Why it was rejected: the code of the check ([`Rejection`]); free text in old-format reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The drawn spans [from, to] that were re-executed (accepted submissions: every drawn span).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked_spans: Vec<(u64, u64)>,
    /// The worker's final validation loss as its work bundle reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_val_loss: Option<f64>,
    /// Bytes the worker uploaded for the round, from its work bundle's file sizes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_bytes: Option<u64>,
    /// Bytes of the compressed pseudo-gradient, from the work bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_bytes: Option<u64>,
}

impl Verdict {
    /// Rejects it: `code` names the check (the round record's reason), `why` says what failed.
    pub fn reject(&mut self, code: Rejection, why: String) {
        self.accepted = false;
        self.code = Some(code);
        self.reason = Some(why);
    }
}

macro_rules! rejections {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// The check that rejected a submission: what the round record holds as its reason, the
        /// same for every honest member whatever it measured.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rejection {
            $($(#[$doc])* $variant,)*
        }

        impl Rejection {
            /// Every rejection.
            pub const ALL: &[Rejection] = &[$(Rejection::$variant,)*];

            /// The code the round record and `job show` carry.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Rejection::$variant => $code,)*
                }
            }
        }
    };
}

rejections! {
    /// The work bundle could not be fetched.
    BundleUnavailable => "bundle_unavailable",
    /// The work bundle is not a work bundle of a format this version reads.
    BundleFormat => "bundle_format",
    /// The bundle names another job, round or worker.
    BundleMismatch => "bundle_mismatch",
    /// The bundle's final checkpoint is not its last one.
    BundleMalformed => "bundle_malformed",
    /// Work units other than the spec's.
    WrongUnits => "wrong_units",
    /// Checkpoints off the round's K-grid.
    CheckpointLayout => "checkpoint_layout",
    /// A checkpoint (or the final one a replay compares) could not be fetched.
    CheckpointUnavailable => "checkpoint_unavailable",
    /// Round 0 without a base model: not the seeded init.
    WrongInit => "wrong_init",
    /// Not the round's starting weights.
    WrongStart => "wrong_start",
    /// The first checkpoint's optimizer state is not the one the worker inherits.
    WrongInnerState => "wrong_inner_state",
    /// A checkpoint does not load as one of the job's.
    BadCheckpoint => "bad_checkpoint",
    /// A checkpoint is not at its listed step inside its file.
    StepMismatch => "step_mismatch",
    /// The final weights could not be scored on the validation split.
    Unscored => "unscored",
    /// An exec output that is not safetensors.
    NotSafetensors => "not_safetensors",
    /// An exec output whose tensors cannot be averaged with the round's.
    OutputLayout => "output_layout",
    /// The validation loss rose more than `verify.max_loss_increase`.
    LossIncrease => "loss_increase",
    /// A drawn span does not reproduce its checkpoint.
    SpanMismatch => "span_mismatch",
    /// A drawn span could not be re-executed.
    ReexecutionFailed => "reexecution_failed",
    /// A deterministic exec command could not be re-run.
    ExecFailed => "exec_failed",
    /// Re-running a deterministic exec command does not reproduce the output.
    ExecMismatch => "exec_mismatch",
    /// The round could not be replayed (`verify.replay`).
    ReplayFailed => "replay_failed",
    /// The replayed round does not reproduce the submission.
    ReplayMismatch => "replay_mismatch",
    /// The round has no starting weights to replay or take Δ from.
    NoStart => "no_start",
    /// The pseudo-gradient is missing, cannot be fetched or is not the checked work's compression.
    DeltaMismatch => "delta_mismatch",
    /// The residual is missing, cannot be fetched or is not the worker's.
    ResidualMismatch => "residual_mismatch",
    /// The check itself failed (an error no check names).
    Rejected => "rejected",
}

impl Serialize for Rejection {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Rejection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Rejection::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rejection code '{code}'")))
    }
}

impl RecordedVerdict {
    /// The canonical part of a member's check: the reason reduced to its code, the spans only
    /// when every drawn span was re-executed (a rejection may stop at the first bad span, and
    /// which one a member reaches first depends on its measurements).
    pub fn from_check(v: &Verdict) -> Self {
        RecordedVerdict {
            worker: v.worker,
            bundle_root: v.bundle_root,
            work_units: v.work_units.clone(),
            accepted: v.accepted,
            reason: (!v.accepted).then(|| {
                v.code
                    .unwrap_or_else(|| reason_code(v.reason.as_deref().unwrap_or_default()))
                    .as_str()
                    .to_string()
            }),
            checked_spans: if v.accepted {
                v.checked_spans.clone()
            } else {
                Vec::new()
            },
            reported_val_loss: v.reported_val_loss,
            uploaded_bytes: v.uploaded_bytes,
            delta_bytes: v.delta_bytes,
        }
    }
}

/// The code of a rejection reason in a check report written before verdicts carried their
/// [`Rejection`] (the checks' messages, see `jobs::check`): members whose reasons differ only in
/// what they measured or where their files lie agree on it.
pub fn reason_code(reason: &str) -> Rejection {
    // Prefixes first: the fixed start of each check's message, before any embedded error text.
    const PREFIXES: &[(&str, Rejection)] = &[
        (
            "the work bundle could not be fetched",
            Rejection::BundleUnavailable,
        ),
        ("the work bundle has format", Rejection::BundleFormat),
        ("the bundle is for job", Rejection::BundleMismatch),
        (
            "the bundle's final checkpoint is not",
            Rejection::BundleMalformed,
        ),
        ("the checkpoints are at steps", Rejection::CheckpointLayout),
        ("the checkpoint at step", Rejection::CheckpointUnavailable),
        (
            "the first checkpoint's weights are not the job's seeded",
            Rejection::WrongInit,
        ),
        (
            "the first checkpoint's weights are not",
            Rejection::WrongStart,
        ),
        (
            "the first checkpoint's AdamW state",
            Rejection::WrongInnerState,
        ),
        (
            "the first checkpoint has no optimizer state",
            Rejection::WrongInnerState,
        ),
        (
            "the first checkpoint is not usable",
            Rejection::BadCheckpoint,
        ),
        (
            "the final checkpoint could not be scored",
            Rejection::Unscored,
        ),
        (
            "the final checkpoint is not a safetensors file",
            Rejection::NotSafetensors,
        ),
        (
            "the submitted weights' validation loss",
            Rejection::LossIncrease,
        ),
        ("re-executing steps", Rejection::SpanMismatch),
        ("steps ", Rejection::ReexecutionFailed),
        (
            "the deterministic exec command could not be re-run",
            Rejection::ExecFailed,
        ),
        (
            "re-running the deterministic exec command",
            Rejection::ExecMismatch,
        ),
        ("the round could not be replayed", Rejection::ReplayFailed),
        ("replaying the round", Rejection::ReplayMismatch),
        ("the round has no starting weights", Rejection::NoStart),
        ("the checkpoint listed at step", Rejection::StepMismatch),
        ("a checkpoint is not usable", Rejection::BadCheckpoint),
        ("the output cannot be averaged", Rejection::OutputLayout),
    ];
    const CONTAINS: &[(&str, Rejection)] = &[
        ("work units were submitted", Rejection::WrongUnits),
        ("residual", Rejection::ResidualMismatch),
        ("pseudo-gradient", Rejection::DeltaMismatch),
    ];
    PREFIXES
        .iter()
        .find(|(text, _)| reason.starts_with(text))
        .or_else(|| CONTAINS.iter().find(|(text, _)| reason.contains(text)))
        .map_or(Rejection::Rejected, |(_, code)| *code)
}

/// The round record: what the committee voted for (the verdict's `reportRoot`). Everything in
/// it is computed identically by every honest member, whatever its hardware or flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundReport {
    pub format: String,
    pub job_id: u64,
    pub round: u32,
    pub verdicts: Vec<RecordedVerdict>,
    /// Workers who were in the job but submitted nothing this round.
    pub missing: Vec<Address>,
    /// The checkpoint the next round starts from (zero when nothing was accepted: the round's
    /// starting checkpoint carries over).
    pub aggregate_root: B256,
    /// Old-format reports only: the aggregate's validation loss as one member measured it
    /// (now in the members' check reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// `verify.tolerance`: the largest difference accepted as CPU-kernel rounding noise.
    pub tolerance: f64,
    /// Old-format reports only: the member's GPU tolerance (a member's own flag, now in its
    /// check report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_tolerance: Option<f64>,
    /// The block whose hash seeded every submission's span draw (see `jobs::spans`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_block: Option<crate::jobs::spans::SeedBlock>,
    /// `verify.spans`: spans re-executed per submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans_per_submission: Option<u32>,
    /// Old-format reports only (now in the members' check reports).
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
        if self.format == ROUND_REPORT_FORMAT_V1 {
            return Ok(());
        }
        check(&self.format, ROUND_REPORT_FORMAT, "round report")
    }

    /// The verdict a record stands for, as `finalizeRound` takes it: the accepted workers in
    /// record order, each paid `paid_units` of its work units, the rejected, the aggregate, and
    /// `record_root` (this record's own root).
    pub fn verdict(
        &self,
        record_root: B256,
        paid_units: impl Fn(alloy::primitives::U256) -> alloy::primitives::U256,
    ) -> Result<super::RoundVerdict> {
        let mut accepted = Vec::new();
        let mut units = Vec::new();
        let mut rejected = Vec::new();
        for v in &self.verdicts {
            if v.accepted {
                let u: alloy::primitives::U256 = v.work_units.parse().map_err(|_| {
                    Error::verification(
                        "job.bad_report",
                        format!(
                            "the round record's work units '{}' are not a number",
                            v.work_units
                        ),
                    )
                })?;
                accepted.push(v.worker);
                units.push(paid_units(u));
            } else {
                rejected.push(v.worker);
            }
        }
        Ok(super::RoundVerdict {
            accepted,
            units,
            rejected,
            aggregate_root: self.aggregate_root,
            report_root: record_root,
        })
    }
}

/// One committee member's check report: what it measured checking a round (named by its
/// vote's `reportRoot`, outside the voted hash, so members on different hardware still agree).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    pub format: String,
    pub job_id: u64,
    pub round: u32,
    pub member: Address,
    /// The round record this member voted for.
    pub record_root: B256,
    /// Every submission's check as this member ran it: full reasons, the re-executions'
    /// differences, the measured validation losses.
    pub verdicts: Vec<Verdict>,
    /// The aggregate's validation loss on the job's datasets, as this member measured it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// The round's starting weights' loss on the validation split (Δloss is against this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_val_loss: Option<f64>,
    /// The tolerances this member checked with (`verify.tolerance` and its `--gpu-tolerance`).
    pub tolerance: crate::trainer::Tolerance,
}

impl CheckReport {
    pub fn check_format(&self) -> Result<()> {
        check(&self.format, CHECK_REPORT_FORMAT, "check report")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(reason: Option<&str>, diff: f64, loss: f64) -> Verdict {
        Verdict {
            worker: Address::repeat_byte(1),
            bundle_root: B256::repeat_byte(2),
            work_units: "5120".into(),
            accepted: reason.is_none(),
            reason: reason.map(str::to_string),
            code: None,
            checked_spans: vec![(0, 5), (10, 15)],
            cpu_reexecuted: Vec::new(),
            identical: Some(diff == 0.0),
            max_abs_diff: Some(diff),
            relative_diff: Some(diff * 10.0),
            reported_val_loss: Some(3.5),
            val_loss: Some(loss),
            delta_loss: Some(loss - 4.0),
            uploaded_bytes: Some(1000),
            delta_bytes: None,
        }
    }

    /// Two members that measured different numbers (a GPU re-execution against a CPU one, one
    /// whose GPU failed on a span its CPU re-executed) and wrote their own paths into a reason
    /// record the same canonical verdict.
    #[test]
    fn members_measuring_different_numbers_record_the_same_verdict() {
        let (a, mut b) = (measured(None, 0.0, 3.2), measured(None, 3e-4, 3.2001));
        b.cpu_reexecuted = vec![(10, 15)];
        assert_eq!(
            RecordedVerdict::from_check(&a),
            RecordedVerdict::from_check(&b)
        );
        // A member's report says which spans its CPU re-executed, and an old report without
        // the field reads as none.
        let json = serde_json::to_value(&b).unwrap();
        assert_eq!(json["cpu_reexecuted"], serde_json::json!([[10, 15]]));
        let old = serde_json::to_value(&a).unwrap();
        assert!(old.get("cpu_reexecuted").is_none(), "{old}");
        let back: Verdict = serde_json::from_value(old).unwrap();
        assert_eq!(back, a);
        let a = measured(
            Some(
                "the first checkpoint is not usable: /home/a/cache/x is not a cohort checkpoint: bad header",
            ),
            0.0,
            3.2,
        );
        let b = measured(
            Some(
                "the first checkpoint is not usable: /srv/b/cache/x is not a cohort checkpoint: bad header",
            ),
            0.0,
            3.3,
        );
        let (ra, rb) = (
            RecordedVerdict::from_check(&a),
            RecordedVerdict::from_check(&b),
        );
        assert_eq!(ra, rb);
        assert_eq!(ra.reason.as_deref(), Some("bad_checkpoint"));
        // A rejection stops at the first bad span, which depends on measurements: no spans.
        assert!(ra.checked_spans.is_empty());
        let json = serde_json::to_string(&ra).unwrap();
        assert!(!json.contains("cache") && !json.contains("3.3"), "{json}");
    }

    /// A verdict carries the code of the check that rejected it, and the record takes that code
    /// whatever the text says: the compressed pseudo-gradient's message mentions `residual_in`,
    /// which the text table of old reports reads as a residual problem.
    #[test]
    fn the_record_takes_the_checks_own_code_and_codes_round_trip() {
        let text = "the submitted compressed pseudo-gradient is not the compression of θ_start − θ_final (+ residual_in): recompressing gives other bytes";
        let mut v = measured(None, 0.0, 3.2);
        v.reject(Rejection::DeltaMismatch, text.into());
        assert_eq!(
            RecordedVerdict::from_check(&v).reason.as_deref(),
            Some("delta_mismatch")
        );
        assert_eq!(reason_code(text).as_str(), "residual_mismatch");
        // In a check report: written as its code, read back; an unknown code is an error.
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["code"], "delta_mismatch");
        let back: Verdict = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, v);
        let mut bad = json;
        bad["code"] = "no_such_check".into();
        let e = serde_json::from_value::<Verdict>(bad).unwrap_err();
        assert!(e.to_string().contains("no_such_check"), "{e}");
        // Every code is distinct, reads back as itself and is listed in docs/contracts.md.
        let docs = include_str!("../../docs/contracts.md");
        let mut seen = std::collections::HashSet::new();
        for r in Rejection::ALL {
            assert!(seen.insert(r.as_str()), "{} twice", r.as_str());
            let listed = format!("`{}`", r.as_str());
            assert!(
                docs.contains(&listed),
                "{listed} is not in docs/contracts.md"
            );
            let j = serde_json::to_value(r).unwrap();
            assert_eq!(serde_json::from_value::<Rejection>(j).unwrap(), *r);
        }
    }

    #[test]
    fn reason_codes_name_each_check() {
        for (text, code) in [
            (
                "the work bundle could not be fetched: timeout",
                "bundle_unavailable",
            ),
            (
                "5 work units were submitted (the bundle says 5); the spec's",
                "wrong_units",
            ),
            (
                "the checkpoints are at steps [0, 10]; the round from step 0 needs",
                "checkpoint_layout",
            ),
            (
                "the first checkpoint's weights are not the job's seeded initial weights (round 0",
                "wrong_init",
            ),
            (
                "the first checkpoint's weights are not the round's starting weights",
                "wrong_start",
            ),
            (
                "the checkpoint listed at step 10 is at step 1 inside its file: the listed steps were not trained",
                "step_mismatch",
            ),
            (
                "the output cannot be averaged with the round's starting weights: it lacks tensor w",
                "output_layout",
            ),
            (
                "re-executing steps 0..5 does not reproduce the checkpoint at step 5: largest difference 1e-3",
                "span_mismatch",
            ),
            (
                "steps 0..5 could not be re-executed: out of memory",
                "reexecution_failed",
            ),
            (
                "the submitted weights' validation loss 4.1 is +0.2 nats from the round start's 3.9; verify.max_loss_increase allows +0.1",
                "loss_increase",
            ),
            (
                "the submitted compressed pseudo-gradient is not the compression of θ",
                "delta_mismatch",
            ),
            (
                "the submitted residual_out is not what the compression left unsent",
                "residual_mismatch",
            ),
            (
                "replaying the round from its start does not reproduce the submitted final checkpoint",
                "replay_mismatch",
            ),
            ("something new", "rejected"),
        ] {
            assert_eq!(reason_code(text).as_str(), code, "{text}");
        }
    }

    #[test]
    fn a_record_rebuilds_the_verdict_it_was_voted_with() {
        let mut rejected = measured(Some("the checkpoints are at steps [0]"), 0.0, 1.0);
        rejected.worker = Address::repeat_byte(9);
        let record = RoundReport {
            format: ROUND_REPORT_FORMAT.into(),
            job_id: 3,
            round: 1,
            verdicts: vec![
                RecordedVerdict::from_check(&measured(None, 0.0, 1.0)),
                RecordedVerdict::from_check(&rejected),
            ],
            missing: vec![],
            aggregate_root: B256::repeat_byte(7),
            val_loss: None,
            tolerance: 1e-5,
            gpu_tolerance: None,
            seed_block: None,
            spans_per_submission: Some(2),
            start_val_loss: None,
            max_loss_increase: Some(0.1),
            momentum_root: None,
            fp32_bytes: None,
        };
        let root = B256::repeat_byte(8);
        let cap = alloy::primitives::U256::from(4000u64);
        let v = record.verdict(root, |u| u.min(cap)).unwrap();
        assert_eq!(v.accepted, vec![Address::repeat_byte(1)]);
        assert_eq!(v.units, vec![cap]);
        assert_eq!(v.rejected, vec![Address::repeat_byte(9)]);
        assert_eq!(
            (v.aggregate_root, v.report_root),
            (B256::repeat_byte(7), root)
        );
    }
}
