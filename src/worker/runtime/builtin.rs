//! The builtin runtime: cohort's trainer, reproducible on CPU, so the coordinator can re-run
//! any span [s, s+K] and compare.

use std::path::{Path, PathBuf};

use super::{RoundInput, RoundOutput};
use crate::error::Result;
use crate::jobspec::JobSpec;
use crate::progress::Progress;
use crate::trainer::{self, DeviceChoice, TrainOptions};

/// The trainer options of a round: fresh optimizer (or the kept one, DiLoCo's
/// `keep_inner_state`) from the round's start checkpoint, at the
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
    // The round's checkpoints lie at start, start+K, …, end: the layout verifiers require.
    o.checkpoint_anchor = Some(input.start_step);
    o.fresh_optimizer = !input.keep_optimizer;
    o.device = round_device(&input.spec);
    o
}

/// Where a round trains: a job that requires a GPU trains on CUDA; every other job on the CPU,
/// even on a machine with a GPU, because the coordinator re-executes those jobs' spans on the
/// CPU and only CPU results reproduce bit for bit there.
pub fn round_device(spec: &JobSpec) -> DeviceChoice {
    if spec.requires_gpu() {
        DeviceChoice::Cuda
    } else {
        DeviceChoice::Cpu
    }
}

/// The checkpoints `step-NNNNNN.safetensors` in `dir` between `from` and `to` (inclusive), in
/// step order.
pub fn checkpoints_in(dir: &Path, from: u64, to: u64) -> Vec<(u64, PathBuf)> {
    let mut out: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_name()?.to_str()?;
            let step = name
                .strip_prefix("step-")?
                .strip_suffix(".safetensors")?
                .parse()
                .ok()?;
            (from..=to).contains(&step).then_some((step, p))
        })
        .collect();
    out.sort();
    out
}

/// Whether the round's first checkpoint in the output folder (if any) holds exactly the
/// round's starting weights.
fn started_from_init(input: &RoundInput) -> bool {
    let Some((_, first)) = checkpoints_in(&input.out_dir, input.start_step, input.start_step).pop()
    else {
        return true;
    };
    let Some(init) = &input.init else {
        return false;
    };
    match (
        trainer::Checkpoint::load(&first),
        trainer::Checkpoint::load(init),
    ) {
        (Ok(a), Ok(b)) => a.weights == b.weights,
        _ => false,
    }
}

/// Trains the round (blocking). When an interrupted run of the same round left checkpoints in
/// the output folder, training resumes from the latest one (with its optimizer state, so the
/// result is the same bits as an uninterrupted run).
pub fn run(input: &RoundInput, progress: &dyn Progress) -> Result<RoundOutput> {
    let end = input.start_step + input.steps;
    let mut opts = train_options(input);
    let mut resumed = false;
    if !started_from_init(input) {
        // Leftovers of another run (another chain, a reset devnet): start afresh.
        for (_, p) in checkpoints_in(&input.out_dir, 0, u64::MAX) {
            let _ = std::fs::remove_file(p);
        }
    }
    if let Some((step, path)) = checkpoints_in(&input.out_dir, input.start_step, end).pop()
        && step > input.start_step
        && step < end
        && trainer::Checkpoint::load(&path).is_ok_and(|c| c.optimizer.is_some() && c.step == step)
    {
        progress.note(&format!("resuming round {} from step {step}", input.round));
        opts.init = Some(path);
        opts.fresh_optimizer = false;
        opts.start_step = Some(step);
        opts.steps = Some(end - step);
        resumed = true;
    }
    let r = trainer::train(&opts, progress)?;
    Ok(super::trained_round(
        input,
        checkpoints_in(&input.out_dir, input.start_step, end),
        r.end_step,
        &r.metrics,
        r.seconds,
        if resumed { None } else { r.initial_val_loss },
        r.final_val_loss,
        r.device.clone(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jobs_that_require_a_gpu_train_on_cuda() {
        let tiny = include_str!("../../../fixtures/jobs/tiny.toml");
        let cpu = JobSpec::parse(tiny, "tiny.toml").unwrap();
        assert_eq!(round_device(&cpu), DeviceChoice::Cpu);
        let gpu_text = tiny.replace("gpu = false", "gpu = true");
        assert_ne!(gpu_text, tiny);
        let gpu = JobSpec::parse(&gpu_text, "gpu.toml").unwrap();
        assert_eq!(round_device(&gpu), DeviceChoice::Cuda);
        let no_job = JobSpec::parse(tiny.split("\n[job]").next().unwrap(), "x.toml").unwrap();
        assert_eq!(round_device(&no_job), DeviceChoice::Cpu);
    }
}
