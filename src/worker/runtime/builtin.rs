//! The builtin runtime: cohort's trainer, reproducible on CPU, so the coordinator can re-run
//! any span [s, s+K] and compare.

use super::{RoundInput, RoundOutput};
use crate::error::Result;
use crate::jobs::bundle::{LossPoint, WorkMetrics};
use crate::progress::Progress;
use crate::trainer::{self, DeviceChoice, TrainOptions};

/// The trainer options of a round: fresh optimizer from the round's start checkpoint, at the
/// round's global start step, with the job's seed and the worker's address in the batch key.
pub fn train_options(input: &RoundInput) -> TrainOptions {
    let mut o = TrainOptions::new(
        input.data.clone(),
        input.spec.model.config(),
        input.training.clone(),
        input.out_dir.clone(),
    );
    o.init = input.init.clone();
    o.steps = Some(input.steps);
    o.seed = Some(input.seed);
    o.round = u64::from(input.round);
    o.worker = input.worker.into_array();
    o.start_step = Some(input.start_step);
    o.checkpoint_every = input.training.checkpoint_every;
    o.fresh_optimizer = true;
    o.device = DeviceChoice::Auto;
    o
}

/// Trains the round (blocking).
pub fn run(input: &RoundInput, progress: &dyn Progress) -> Result<RoundOutput> {
    let opts = train_options(input);
    let r = trainer::train(&opts, progress)?;
    let checkpoints = r
        .checkpoints
        .iter()
        .map(|p| {
            let ck = trainer::Checkpoint::load(p)?;
            Ok((ck.step, p.clone()))
        })
        .collect::<Result<Vec<_>>>()?;
    let losses = r
        .metrics
        .iter()
        .map(|m| LossPoint {
            step: m.step,
            train_loss: m.train_loss,
            val_loss: m.val_loss,
        })
        .collect();
    Ok(RoundOutput {
        checkpoints,
        end_step: r.end_step,
        metrics: WorkMetrics {
            losses,
            tokens: r.tokens,
            seconds: r.seconds,
            initial_val_loss: r.initial_val_loss,
            final_val_loss: r.final_val_loss,
            device: r.device.clone(),
        },
        work_units: r.tokens,
    })
}
