//! The lora runtime: cohort's LoRA trainer on the job's base model (fetched from storage and
//! checked), reproducible on CPU like the builtin runtime, with one-file adapter checkpoints
//! (`crate::lora::pool`) at the round's K-grid.

use std::path::{Path, PathBuf};

use super::builtin::checkpoints_in;
use super::{RoundInput, RoundOutput};
use crate::error::Result;
use crate::lora::pool::LoraCheckpoint;
use crate::lora::{self, LoraTrainOptions};
use crate::progress::Progress;

/// The trainer options of a round: the round's start adapter with fresh optimizer state (or
/// the kept one, DiLoCo's `keep_inner_state`), at
/// the round's global start step, the job's seed and the worker's address in the batch key.
pub fn train_options(input: &RoundInput, base: &Path) -> LoraTrainOptions {
    let spec = &input.spec;
    let mut o = LoraTrainOptions::new(
        base.to_path_buf(),
        spec.model.lora_spec(),
        spec.model.context,
        input.training.clone(),
        input.data.clone(),
        input.out_dir.clone(),
    );
    o.init = input.init.clone();
    o.steps = Some(input.steps);
    o.seed = Some(input.seed);
    o.round = u64::from(input.round);
    o.worker = input.worker.into_array();
    o.start_step = Some(input.start_step);
    o.fresh_optimizer = !input.keep_optimizer;
    o.checkpoint_every = input.training.checkpoint_every;
    o.checkpoint_anchor = Some(input.start_step);
    o.pool_files = true;
    o.base_label = spec.model.base.clone();
    o.device = super::builtin::round_device(spec);
    o
}

/// Whether the round's first checkpoint in the output folder (if any) holds exactly the
/// round's starting adapter.
fn started_from_init(input: &RoundInput) -> bool {
    let Some((_, first)) = checkpoints_in(&input.out_dir, input.start_step, input.start_step).pop()
    else {
        return true;
    };
    match (&input.init, LoraCheckpoint::load(&first)) {
        (Some(init), Ok(a)) => LoraCheckpoint::load(init).is_ok_and(|b| a.adapter == b.adapter),
        // Round 0 without a start file: the seeded init at step 0, no moments yet.
        (None, Ok(a)) => a.optimizer.as_ref().is_none_or(|o| o.t == 0),
        _ => false,
    }
}

/// Trains the round (blocking) on the base model in `base`. An interrupted run of the same
/// round resumes from its latest checkpoint with the optimizer state it holds, so the result
/// is the same bits as an uninterrupted run.
pub fn run(input: &RoundInput, base: &Path, progress: &dyn Progress) -> Result<RoundOutput> {
    let end = input.start_step + input.steps;
    let mut opts = train_options(input, base);
    if !started_from_init(input) {
        for (_, p) in checkpoints_in(&input.out_dir, 0, u64::MAX) {
            let _ = std::fs::remove_file(p);
        }
    }
    let mut resumed = false;
    if let Some((step, path)) = checkpoints_in(&input.out_dir, input.start_step, end).pop()
        && step > input.start_step
        && step < end
        && LoraCheckpoint::load(&path).is_ok_and(|c| c.optimizer.is_some() && c.step == step)
    {
        progress.note(&format!("resuming round {} from step {step}", input.round));
        opts.init = Some(path);
        opts.fresh_optimizer = false;
        opts.start_step = Some(step);
        opts.steps = Some(end - step);
        resumed = true;
    }
    let r = lora::train(&opts, progress)?;
    let checkpoints: Vec<(u64, PathBuf)> = checkpoints_in(&input.out_dir, input.start_step, end);
    let adapter = r.trainable_parameters * 4;
    progress.note(&format!(
        "adapter: {} parameters, {adapter} bytes in f32 ({:.2}% of the base model's {} bytes); each checkpoint with the optimizer's moments {} bytes",
        r.trainable_parameters,
        100.0 * adapter as f64 / r.base_bytes.max(1) as f64,
        r.base_bytes,
        r.adapter_bytes,
    ));
    Ok(super::trained_round(
        input,
        checkpoints,
        r.end_step,
        &r.metrics,
        r.seconds,
        if resumed { None } else { r.initial_val_loss },
        r.final_val_loss,
        r.device.clone(),
    ))
}
