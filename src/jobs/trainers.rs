//! What checking a round needs from the job's trainer, for both of cohort's own trainers:
//! `builtin` (whole-model checkpoints, [`crate::trainer`]) and `lora` (adapter checkpoints on a
//! frozen base model from storage, [`crate::lora::pool`]). Exec jobs have neither.
//!
//! The blocking functions here run inside `spawn_blocking`; they take the context by value
//! where they move into it.

use std::path::{Path, PathBuf};

use super::context::JobContext;
use crate::error::{Error, Result};
use crate::jobspec::TrainerKind;
use crate::lora::pool::{self, LoraCheckpoint, SpanInputs};
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::{self, Checkpoint, DeviceChoice, Split, VerifyReport};

impl JobContext {
    /// A `lora` job.
    pub fn is_lora(&self) -> bool {
        self.spec.model.trainer == TrainerKind::Lora
    }

    /// The job trains with one of cohort's own trainers, whose rounds are re-executable span
    /// by span (builtin and lora; not exec).
    pub fn reexecutable(&self) -> bool {
        self.is_builtin() || self.is_lora()
    }

    /// The `runtime` a work bundle records.
    pub fn runtime_name(&self) -> &'static str {
        match self.spec.model.trainer {
            TrainerKind::Builtin => "builtin",
            TrainerKind::Lora => "lora",
            TrainerKind::Exec => "exec",
        }
    }

    /// For a `lora` job: the base model (`model.base`, a manifest root) fetched and checked
    /// into the cache (exit 5 when a file does not verify). Other jobs are returned as they are.
    pub async fn with_base(mut self, store: &ObjectCache, progress: &dyn Progress) -> Result<Self> {
        if self.is_lora() && self.base.is_none() {
            let root =
                crate::lora::base::parse_root(self.spec.model.base.as_deref().unwrap_or(""))?;
            self.base = Some(crate::lora::base::fetch(store, root, progress).await?);
        }
        Ok(self)
    }

    /// The local folder of a `lora` job's base model ([`JobContext::with_base`] first).
    pub fn base_dir(&self) -> Result<&Path> {
        self.base.as_deref().ok_or_else(|| {
            Error::failed(
                "lora.base_not_fetched",
                format!("job {}'s base model was not fetched", self.job.id),
            )
        })
    }

    /// Writes the checkpoint round 0 starts from when the job has none of its own: the
    /// model (builtin) or adapter (lora) initialized from the spec's seed, without optimizer
    /// state, exactly as `job submit` uploads it.
    pub fn write_initial(&self, out: &Path) -> Result<()> {
        if self.is_lora() {
            let base = self.base_dir()?;
            let config = crate::lora::Config::load(base)?;
            pool::initial(
                &self.spec.model.lora_spec(),
                &config,
                self.seed(),
                self.spec.model.base.as_deref().unwrap_or(""),
            )?
            .save(out)
        } else {
            super::submit::base_model(&self.spec)?.save(out)
        }
    }

    /// Whether `first` holds exactly the weights (builtin) or adapter (lora) of `start`, with
    /// the spec's shape. `Err` when `first` is not a checkpoint of this job's kind.
    pub fn same_start(&self, first: &Path, start: &Path) -> Result<bool> {
        if self.is_lora() {
            let ck = LoraCheckpoint::load(first)?;
            if ck.spec != self.spec.model.lora_spec() {
                return Err(Error::usage(
                    "lora.bad_checkpoint",
                    format!(
                        "{} adapts {:?} at rank {}; the job's spec says {:?} at rank {}",
                        first.display(),
                        ck.spec.targets,
                        ck.spec.rank,
                        self.spec.model.lora_spec().targets,
                        self.spec.model.lora_spec().rank
                    ),
                ));
            }
            Ok(LoraCheckpoint::load(start)?.adapter == ck.adapter)
        } else {
            let ck = Checkpoint::load(first)?;
            ck.check_config(&self.spec.model.config(), first)?;
            Ok(Checkpoint::load(start)?.weights == ck.weights)
        }
    }

    /// Re-executes the steps from checkpoint `from` to `to` of `worker`'s round `round` and
    /// compares (blocking). `steps`: the steps the bundle lists the two checkpoints at, which
    /// the steps inside the files must be (`verify.step_mismatch` otherwise). A GPU job is
    /// re-executed on this machine's GPU where it has one, and on the CPU where the GPU's run
    /// fails ([`on_gpu_else_cpu`]).
    pub fn verify_span(
        &self,
        (from, to): (&Path, &Path),
        steps: (u64, u64),
        data: &[PathBuf],
        round: u32,
        worker: [u8; 20],
    ) -> Result<Reexecuted> {
        let mut opts = self.verify_options(data.to_vec(), round, worker);
        opts.steps = Some(steps);
        let first = opts.device;
        let (report, gpu_failure) = on_gpu_else_cpu(first, trainer::gpu_present, |device| {
            if self.is_lora() {
                let inputs = SpanInputs {
                    base: self.base_dir()?.to_path_buf(),
                    data: opts.data.clone(),
                    context: self.spec.model.context,
                    training: opts.training.clone(),
                    seed: self.seed(),
                    round: u64::from(round),
                    worker,
                    device,
                    steps: opts.steps,
                };
                pool::verify_span(from, to, &inputs)
            } else {
                trainer::verify_span(
                    from,
                    to,
                    &trainer::VerifyOptions {
                        device,
                        ..opts.clone()
                    },
                )
            }
        })?;
        Ok(Reexecuted {
            report,
            gpu_failure,
        })
    }

    /// A checkpoint's loss on the job's validation split, on the CPU (blocking; `None` when it
    /// cannot be scored).
    pub fn checkpoint_val_loss(&self, ckpt: &Path, data: &[PathBuf]) -> Result<Option<f64>> {
        let training = self.training();
        if self.is_lora() {
            pool::val_loss(
                self.base_dir()?,
                ckpt,
                data,
                self.spec.model.context,
                &training,
            )
        } else {
            trainer::evaluate_split(
                ckpt,
                data,
                Split::Val,
                Some(training.eval_windows),
                DeviceChoice::Cpu,
            )
            .map(|r| Some(r.loss))
        }
    }

    /// The round's aggregate of accepted final checkpoints weighted by work units (blocking):
    /// weights averaged (builtin), A and B averaged separately (lora), or every float tensor
    /// averaged (exec).
    pub fn average(&self, inputs: &[(PathBuf, f64)], out: &Path) -> Result<()> {
        match self.spec.model.trainer {
            TrainerKind::Builtin => trainer::average(inputs, out),
            TrainerKind::Lora => pool::average(inputs, out),
            TrainerKind::Exec => trainer::average::average_safetensors(inputs, out),
        }
    }
}

/// A span's re-execution: its report, and the error that stopped its run on this machine's GPU
/// when it was re-executed on the CPU instead.
#[derive(Debug)]
pub struct Reexecuted {
    pub report: VerifyReport,
    pub gpu_failure: Option<Error>,
}

impl Reexecuted {
    /// The report of span `(from, to)` and, when the GPU's run failed and the CPU re-executed
    /// it, the GPU's error, which it also says on `progress`.
    pub fn noted(
        self,
        (from, to): (u64, u64),
        progress: &dyn Progress,
    ) -> (VerifyReport, Option<String>) {
        let gpu_failure = self.gpu_failure.map(|e| e.message);
        if let Some(e) = &gpu_failure {
            progress.note(&format!(
                "steps {from}..{to} could not be re-executed on this machine's GPU ({e}); re-executed on the CPU instead"
            ));
        }
        (self.report, gpu_failure)
    }
}

/// Runs `run` on `first`; where that is not the CPU, a GPU is present (`gpu_present`, asked
/// before the run, whose failure could leave no memory to ask with) and the run fails in the
/// computation itself (`*.compute`: out of memory, a kernel that fails), runs it again on the
/// CPU and returns that with the GPU's error. The checker's GPU failing is not the worker's
/// doing, and the CPU is the reference every device is judged against (GPU work within the GPU
/// tolerance), so such a span is not rejected for it. Errors of the inputs (a checkpoint the
/// trainer refuses, steps not as listed, training that diverges) are the same on every device
/// and return as they are, without a second run.
pub fn on_gpu_else_cpu<T>(
    first: DeviceChoice,
    gpu_present: impl FnOnce() -> bool,
    mut run: impl FnMut(DeviceChoice) -> Result<T>,
) -> Result<(T, Option<Error>)> {
    let on_gpu = first != DeviceChoice::Cpu && gpu_present();
    match run(first) {
        Err(e) if on_gpu && e.code.ends_with(".compute") => Ok((run(DeviceChoice::Cpu)?, Some(e))),
        r => r.map(|v| (v, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};

    /// The rule's outcome, the devices the run was asked for, and whether a GPU was asked.
    type Ruled = (
        Result<(DeviceChoice, Option<Error>)>,
        Vec<DeviceChoice>,
        bool,
    );

    /// Runs the rule with a run that fails on `fails_on` with `code` (every device when None).
    fn rule(first: DeviceChoice, gpu: bool, code: &str, fails_on: Option<DeviceChoice>) -> Ruled {
        let runs = RefCell::new(Vec::new());
        let asked = Cell::new(false);
        let out = on_gpu_else_cpu(
            first,
            || {
                // Before any run: a GPU out of memory may not open to answer afterwards.
                assert!(runs.borrow().is_empty(), "asked after a run");
                asked.set(true);
                gpu
            },
            |d| {
                runs.borrow_mut().push(d);
                if fails_on.is_none_or(|f| f == d) {
                    Err(Error::failed(code, format!("failed on {d:?}")))
                } else {
                    Ok(d)
                }
            },
        );
        (out, runs.into_inner(), asked.get())
    }

    #[test]
    fn a_computation_that_fails_on_the_gpu_is_re_executed_on_the_cpu() {
        for code in ["trainer.compute", "lora.compute"] {
            let (out, runs, _) = rule(DeviceChoice::Auto, true, code, Some(DeviceChoice::Auto));
            let (ran_on, gpu_error) = out.unwrap();
            assert_eq!(ran_on, DeviceChoice::Cpu);
            assert_eq!(runs, [DeviceChoice::Auto, DeviceChoice::Cpu]);
            let e = gpu_error.expect("the GPU's error is returned");
            assert_eq!(
                (e.code.as_str(), e.message.as_str()),
                (code, "failed on Auto")
            );
        }
        // Where the CPU fails too, its error is the outcome.
        let (out, runs, _) = rule(DeviceChoice::Cuda, true, "trainer.compute", None);
        assert_eq!(out.unwrap_err().message, "failed on Cpu");
        assert_eq!(runs, [DeviceChoice::Cuda, DeviceChoice::Cpu]);
    }

    #[test]
    fn errors_of_the_inputs_and_runs_on_the_cpu_are_not_run_again() {
        // The worker's doing: the same on every device; no second run.
        for code in [
            "trainer.diverged",
            "verify.step_mismatch",
            "lora.bad_checkpoint",
        ] {
            let (out, runs, _) = rule(DeviceChoice::Auto, true, code, None);
            assert_eq!(out.unwrap_err().code, code);
            assert_eq!(runs, [DeviceChoice::Auto]);
        }
        // Already on the CPU (a CPU job), or Auto on a machine without a GPU: nothing to fall back to.
        let (out, runs, asked) = rule(DeviceChoice::Cpu, true, "trainer.compute", None);
        assert_eq!(out.unwrap_err().code, "trainer.compute");
        assert_eq!((runs, asked), (vec![DeviceChoice::Cpu], false));
        let (out, runs, asked) = rule(DeviceChoice::Auto, false, "trainer.compute", None);
        assert_eq!(out.unwrap_err().code, "trainer.compute");
        assert_eq!((runs, asked), (vec![DeviceChoice::Auto], true));
        // A run that succeeds is returned without a GPU error.
        let (out, runs, _) = rule(
            DeviceChoice::Auto,
            true,
            "trainer.compute",
            Some(DeviceChoice::Cpu),
        );
        let (ran_on, gpu_error) = out.unwrap();
        assert_eq!(ran_on, DeviceChoice::Auto);
        assert!(gpu_error.is_none());
        assert_eq!(runs, [DeviceChoice::Auto]);
    }
}
