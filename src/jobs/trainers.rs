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
    /// the steps inside the files must be (`verify.step_mismatch` otherwise).
    pub fn verify_span(
        &self,
        (from, to): (&Path, &Path),
        steps: (u64, u64),
        data: &[PathBuf],
        round: u32,
        worker: [u8; 20],
    ) -> Result<VerifyReport> {
        let mut opts = self.verify_options(data.to_vec(), round, worker);
        opts.steps = Some(steps);
        if self.is_lora() {
            let inputs = SpanInputs {
                base: self.base_dir()?.to_path_buf(),
                data: opts.data,
                context: self.spec.model.context,
                training: opts.training,
                seed: self.seed(),
                round: u64::from(round),
                worker,
                device: opts.device,
                steps: opts.steps,
            };
            pool::verify_span(from, to, &inputs)
        } else {
            trainer::verify_span(from, to, &opts)
        }
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
