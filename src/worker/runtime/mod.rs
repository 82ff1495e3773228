//! Runtimes: what trains a round. `builtin` runs cohort's trainer in process; `exec` runs the
//! spec's command in a fresh folder (only with `--allow-exec`).

pub mod builtin;
pub mod exec;
pub mod lora;

use std::path::PathBuf;

use alloy::primitives::Address;
use serde::{Deserialize, Serialize};

use crate::jobs::bundle::WorkMetrics;
use crate::jobspec::JobSpec;
use crate::trainer::TrainConfig;

/// Everything a runtime needs to train one round.
#[derive(Debug, Clone)]
pub struct RoundInput {
    pub job_id: u64,
    pub round: u32,
    pub worker: Address,
    pub spec: JobSpec,
    /// The training table as pools use it (schedule over all rounds).
    pub training: TrainConfig,
    pub seed: u64,
    /// Global step the round starts at.
    pub start_step: u64,
    /// Steps to train.
    pub steps: u64,
    /// The checkpoint the round starts from.
    pub init: Option<PathBuf>,
    /// Train on with `init`'s optimizer state (DiLoCo's `keep_inner_state`, when the worker
    /// continues an accepted previous round) instead of fresh moments.
    pub keep_optimizer: bool,
    /// One folder per dataset, in the job's order.
    pub data: Vec<PathBuf>,
    /// Files shipped in the job bundle: (relative path, local verified copy).
    pub files: Vec<(String, PathBuf)>,
    /// Where the checkpoints go.
    pub out_dir: PathBuf,
}

/// What a runtime produced.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RoundOutput {
    /// Every checkpoint (step, file), in step order; the final one last.
    pub checkpoints: Vec<(u64, PathBuf)>,
    pub end_step: u64,
    pub metrics: WorkMetrics,
    /// Work units to claim: tokens processed.
    pub work_units: u64,
    /// The root of the checkpoint the round started from (`None`: the seeded init), as read
    /// from the chain before training; the work bundle records it.
    #[serde(default)]
    pub init_root: Option<alloy::primitives::B256>,
    /// A compressed round's pseudo-gradient (`cohort-topk/1`).
    #[serde(default)]
    pub delta: Option<PathBuf>,
    /// With error feedback: the residual the compression started from (as stored).
    #[serde(default)]
    pub residual_in: Option<crate::jobs::bundle::FileRef>,
    /// With error feedback: what the compression did not send.
    #[serde(default)]
    pub residual_out: Option<PathBuf>,
}

/// What cohort's own trainers (builtin, lora) produced for a round: the checkpoints, the
/// metrics rows as the bundle's losses, and the spec's work units (the tokens of the whole
/// round, resumed or not; a resumed run has no initial validation loss of its own).
#[allow(clippy::too_many_arguments)]
pub(crate) fn trained_round(
    input: &RoundInput,
    checkpoints: Vec<(u64, PathBuf)>,
    end_step: u64,
    rows: &[crate::trainer::MetricRow],
    seconds: f64,
    initial_val_loss: Option<f64>,
    final_val_loss: Option<f64>,
    device: String,
) -> RoundOutput {
    let losses = rows
        .iter()
        .map(|m| crate::jobs::bundle::LossPoint {
            step: m.step,
            train_loss: m.train_loss,
            val_loss: m.val_loss,
        })
        .collect();
    let tokens = crate::jobs::check::spec_units(&input.spec);
    RoundOutput {
        checkpoints,
        end_step,
        metrics: WorkMetrics {
            losses,
            tokens,
            seconds,
            initial_val_loss,
            final_val_loss,
            device,
        },
        work_units: tokens,
        init_root: None, // set by the worker, which read it from the chain
        delta: None,
        residual_in: None,
        residual_out: None,
    }
}

impl RoundOutput {
    pub fn final_checkpoint(&self) -> &(u64, PathBuf) {
        self.checkpoints
            .last()
            .expect("a round output has a checkpoint")
    }
}
