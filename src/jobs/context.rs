//! What workers, the coordinator and auditors need to know about a job: the chain record, the
//! job bundle and spec, the datasets on local disk, and the checkpoint each round starts from.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use alloy::primitives::B256;

use super::bundle::JobBundle;
use super::{JobInfo, JobMarket};
use crate::client::Client;
use crate::datasets::download::unlisted_files;
use crate::datasets::files::{hash_file, safe_join};
use crate::datasets::{Registry, ReviewStatus};
use crate::error::{Error, Result};
use crate::jobspec::{JobSpec, TrainerKind};
use crate::progress::{Progress, Unit};
use crate::storage::cache::ObjectCache;
use crate::trainer::{DeviceChoice, TrainConfig, VerifyOptions};

/// A job with its bundle and spec.
#[derive(Clone)]
pub struct JobContext {
    pub job: JobInfo,
    pub bundle: JobBundle,
    pub spec: JobSpec,
    /// A `lora` job's base model folder, once fetched ([`JobContext::with_base`]).
    pub base: Option<PathBuf>,
}

impl JobContext {
    /// Reads the job from the chain and its bundle from storage (verified).
    pub async fn load(
        market: &JobMarket,
        store: &ObjectCache,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<JobContext> {
        let job = market.job(id).await?;
        let bundle: JobBundle = store
            .fetch_json(job.spec_root, "the job bundle", progress)
            .await?;
        bundle.check_format()?;
        let spec = bundle.job_spec()?;
        Ok(JobContext {
            job,
            bundle,
            spec,
            base: None,
        })
    }

    pub fn is_builtin(&self) -> bool {
        self.spec.model.trainer == TrainerKind::Builtin
    }

    /// Whether the job requires a GPU (`[job.requirements] gpu = true`): its workers train on
    /// CUDA, and verifiers re-execute on their GPU when they have one.
    pub fn gpu_job(&self) -> bool {
        self.spec.requires_gpu()
    }

    /// The training table as every round uses it (the schedule spans all rounds).
    pub fn training(&self) -> TrainConfig {
        self.spec.training_config()
    }

    /// Global step at which round `round` starts.
    pub fn start_step(&self, round: u32) -> u64 {
        u64::from(round) * self.spec.training.steps
    }

    /// The seed of the job.
    pub fn seed(&self) -> u64 {
        self.spec.training.seed
    }

    /// What a verifier needs to re-run a worker's span.
    pub fn verify_options(
        &self,
        data: Vec<PathBuf>,
        round: u32,
        worker: [u8; 20],
    ) -> VerifyOptions {
        VerifyOptions {
            data,
            model: self.spec.model.config(),
            training: self.training(),
            seed: Some(self.seed()),
            round: u64::from(round),
            worker,
            device: if self.gpu_job() {
                DeviceChoice::Auto
            } else {
                DeviceChoice::Cpu
            },
            steps: None,
        }
    }
}

/// The root of the checkpoint round `round` starts from: the base model for round 0, else the
/// aggregate of the previous round (None when the job has no base model and round is 0).
pub async fn round_start_root(
    market: &JobMarket,
    job: &JobInfo,
    round: u32,
) -> Result<Option<B256>> {
    if round == 0 {
        return Ok(job.base_model_root);
    }
    let prev = market.round_result(job.id, round - 1).await?;
    match prev {
        Some((agg, _)) if !agg.is_zero() => Ok(Some(agg)),
        Some(_) => Box::pin(round_start_root(market, job, round - 1)).await,
        None => Err(Error::failed(
            "job.round_not_finalized",
            format!("round {} of job {} is not finalized yet", round - 1, job.id),
        )),
    }
}

/// Fetches the accepted files of the job's datasets into the cache, each checked against its
/// storage root and its recorded size and blake3, and returns one folder per dataset in the
/// job's order (`<cache>/datasets/<genesis>/<registry>/<id>/<contributor>/<path>`, keyed by
/// the chain's genesis hash: a devnet reset numbers datasets from 1 again at the same registry
/// address). A folder holds exactly the dataset's accepted files: any other file the trainer
/// would read (left there by hand, or by an older cohort) is removed first. Processes that
/// share the cache compute the same listing, so none removes a file another one uses.
pub async fn fetch_datasets(
    client: &Client,
    store: &ObjectCache,
    ids: &[u64],
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>> {
    let reg = Registry::open(client).await?;
    let genesis = crate::worker::state::chain_genesis(&reg.chain).await?;
    let mut dirs = Vec::new();
    for &id in ids {
        let info = reg.info(id).await?;
        if !info.sealed {
            return Err(Error::verification(
                "job.dataset_unsealed",
                format!("dataset '{}' (id {id}) is not sealed", info.name),
            ));
        }
        let dir = client
            .paths
            .cache()
            .join("datasets")
            .join(format!("{genesis:#x}"))
            .join(format!("{:#x}", reg.address))
            .join(id.to_string());
        let files: Vec<_> = reg
            .contributions(id)
            .await?
            .into_iter()
            .filter(|c| c.status == ReviewStatus::Accepted)
            .collect();
        if files.is_empty() {
            return Err(Error::usage(
                "job.dataset_empty",
                format!("dataset '{}' (id {id}) has no accepted files", info.name),
            ));
        }
        let targets = files
            .iter()
            .map(|c| safe_join(&dir.join(format!("{:#x}", c.contributor)), &c.path))
            .collect::<Result<Vec<_>>>()?;
        let listed: HashSet<PathBuf> = targets.iter().cloned().collect();
        for extra in unlisted_files(&dir, &listed) {
            match std::fs::remove_file(&extra) {
                // Another process sharing the cache removed it first.
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::io("remove", &extra, e));
                }
                _ => {}
            }
        }
        let total: u64 = files.iter().map(|c| c.size).sum();
        let task = progress.task(&format!("dataset {}", info.name), Some(total), Unit::Bytes);
        for (c, target) in files.into_iter().zip(targets) {
            let want = c.blake3_bytes();
            if !matches(&target, c.size, want) {
                let cached = store.fetch(c.root, progress).await?;
                if !matches(&cached, c.size, want) {
                    let _ = std::fs::remove_file(&cached);
                    return Err(Error::verification(
                        "job.dataset_hash",
                        format!(
                            "'{}' of dataset '{}' does not match its recorded size and blake3",
                            c.path, info.name
                        ),
                    ));
                }
                place(&cached, &target)?;
            }
            task.inc(c.size);
        }
        task.finish();
        dirs.push(dir);
    }
    Ok(dirs)
}

/// Whether `path` is a file of `size` bytes whose blake3 is `blake3`.
pub(crate) fn matches(path: &Path, size: u64, blake3: Option<[u8; 32]>) -> bool {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == size => {}
        _ => return false,
    }
    matches!(hash_file(path), Ok((n, h)) if n == size && Some(h) == blake3)
}

/// Puts `from` at `to` atomically: a hard link where the file system allows (a cached object
/// is replaced, never changed in place), else a copy.
pub(crate) fn place(from: &Path, to: &Path) -> Result<()> {
    let dir = to.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        to.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    if std::fs::hard_link(from, &tmp).is_err() {
        std::fs::copy(from, &tmp).map_err(|e| Error::io("copy", from, e))?;
    }
    let moved = std::fs::rename(&tmp, to).map_err(|e| Error::io("move into place", to, e));
    // Renaming a hard link onto another link of the same file does nothing and succeeds
    // (POSIX): `to` already held these bytes, and the temporary name would stay behind, an
    // extra file in a dataset folder.
    let _ = std::fs::remove_file(&tmp);
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placing_a_file_twice_leaves_only_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let cached = dir.path().join("object");
        std::fs::write(&cached, b"the same bytes").unwrap();
        let folder = dir.path().join("dataset");
        let to = folder.join("data.jsonl");
        // The second placement renames a hard link onto a link of the same file: a no-op
        // rename that would leave its temporary name behind.
        place(&cached, &to).unwrap();
        place(&cached, &to).unwrap();
        let names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("data.jsonl")]);
        assert_eq!(std::fs::read(&to).unwrap(), b"the same bytes");
    }
}
