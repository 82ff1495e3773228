//! A worker's state on disk (`<state dir>/state.json`, written atomically): which job it works
//! on, what it is doing, and per round the bundle it uploaded and whether it was submitted, so
//! a restarted worker rejoins the current round without repeating submitted work. The state
//! names its chain by the genesis block's hash ([`chain_genesis`]): a state (and round outputs)
//! of another chain whose contracts sit at the same addresses, as after `cohort devnet reset`,
//! is not taken for this chain's. A `worker run` holds its state folder's lock ([`lock`]) while it
//! runs: one run per folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::error::{Error, Result};
use crate::fsutil::Lock;

/// One round's progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    /// The uploaded work bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_root: Option<B256>,
    #[serde(default)]
    pub work_units: u64,
    /// The submitWork transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_tx: Option<B256>,
    /// Why the round was skipped (timed out, not eligible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// The whole state file.
/// What a worker is doing, as its state file and `worker status` show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Joining,
    Waiting,
    Downloading,
    Training,
    Uploading,
    Submitting,
    Submitted,
    Done,
    Stopped,
}

/// Earlier state files wrote `"phase": ""` before the worker started.
fn phase_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Phase>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    match s.as_deref() {
        None | Some("") => Ok(None),
        Some(p) => serde_json::from_value(serde_json::Value::String(p.to_string()))
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = serde_json::to_value(self).expect("a phase serializes");
        f.write_str(s.as_str().unwrap_or_default())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkerState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_market: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker: Option<Address>,
    /// The chain the job is on: its genesis block's hash ([`chain_genesis`]; absent in states
    /// written before it was recorded, which are taken for the chain's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_genesis: Option<B256>,
    /// What the worker is doing (`None` before it starts).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "phase_or_empty"
    )]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u32>,
    /// Unix time of the last change.
    #[serde(default)]
    pub updated_at: u64,
    #[serde(default)]
    pub rounds: BTreeMap<u32, RoundRecord>,
}

/// The state file in a state folder.
pub fn state_file(dir: &Path) -> PathBuf {
    dir.join("state.json")
}

/// The chain's identity: the hash of its genesis block. A devnet reset brings the contracts
/// back at the same addresses and numbers jobs from 1 again; anvil stamps the new genesis with
/// the time it starts, so the hash tells the chains apart (and stays across `down` and `up`).
pub async fn chain_genesis(chain: &Chain) -> Result<B256> {
    use alloy::providers::Provider;
    let block = |n: u64| async move {
        chain
            .provider
            .get_block_by_number(n.into())
            .await
            .map_err(|e| crate::chain::unreachable(&chain.rpc_url, e))
    };
    // The genesis hash as the chain's own blocks commit to it: block 1's parent. anvil restored
    // from its state file (`devnet down`, then `up`) builds block 0 anew, with the time of the
    // restart, under blocks that still name the first one; block 0's own hash is read only on a
    // chain that has no block 1 yet.
    if let Some(b) = block(1).await? {
        return Ok(b.header.parent_hash);
    }
    // Every chain has block 0; one that would not say is one chain, named by the zero hash.
    Ok(block(0).await?.map(|b| b.header.hash).unwrap_or_default())
}

/// The default state folder of worker `who` in `base` (`<data dir>/worker`): `base/<address>`.
/// A state an earlier version left in `base` itself (one folder for every wallet) stays the
/// folder of the worker it names while that worker has work there to resume and no folder of
/// its own yet.
pub fn default_dir(base: &Path, who: Address) -> PathBuf {
    let own = base.join(format!("{who:#x}"));
    let unfinished = |s: WorkerState| {
        s.worker == Some(who) && !matches!(s.phase, Some(Phase::Done | Phase::Stopped))
    };
    if !state_file(&own).exists()
        && state_file(base).is_file()
        && WorkerState::load(base).is_ok_and(unfinished)
    {
        return base.to_path_buf();
    }
    own
}

/// The lock file of a state folder, held by the `worker run` that uses the folder; it holds
/// that process's id.
pub fn lock_file(dir: &Path) -> PathBuf {
    dir.join("worker.lock")
}

/// Takes state folder `dir` for this process's `worker run` until the lock is dropped. Refuses
/// (exit 2) a folder another `worker run` uses: two runs in one folder overwrite each other's
/// checkpoints, and a worker whose submission names the other's is rejected and loses its bond.
pub async fn lock(dir: &Path) -> Result<Lock> {
    let path = lock_file(dir);
    for _ in 0..5 {
        if let Some(lock) = Lock::try_acquire_as_holder(&path)? {
            return Ok(lock);
        }
        // A `worker status` that looks whether the folder is in use holds it for an instant.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let pid = Lock::holder(&path);
    Err(Error::usage(
        "worker.state_dir_in_use",
        format!(
            "state folder {} is in use by another `cohort worker run`{pid}: two runs in one folder overwrite each other's checkpoints",
            dir.display()
        ),
    )
    .hint(
        "stop the other run (started again, it picks up where it was), or give this worker a folder of its own with --state-dir DIR; by default each wallet has its own folder, and one wallet runs once at a time",
    ))
}

/// Whether a `worker run` uses state folder `dir` now (holds its lock).
pub fn in_use(dir: &Path) -> bool {
    let path = lock_file(dir);
    path.is_file() && matches!(Lock::try_acquire(&path), Ok(None))
}

/// The folder a round's outputs go to.
pub fn round_dir(dir: &Path, job: u64, round: u32) -> PathBuf {
    dir.join(format!("job-{job}"))
        .join(format!("round-{round}"))
}

impl WorkerState {
    /// Reads the state (an absent file is the empty state).
    pub fn load(dir: &Path) -> Result<WorkerState> {
        let p = state_file(dir);
        match std::fs::read(&p) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| {
                Error::usage(
                    "worker.bad_state",
                    format!("{} is not a valid worker state: {e}", p.display()),
                )
                .hint("move the file away to start afresh")
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(WorkerState::default()),
            Err(e) => Err(Error::io("read", &p, e)),
        }
    }

    /// Writes the state atomically.
    pub fn save(&mut self, dir: &Path) -> Result<()> {
        self.updated_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let bytes = serde_json::to_vec_pretty(self).expect("state serializes");
        crate::fsutil::write_atomic(&state_file(dir), &bytes, 0o600)
    }

    /// Sets the phase (and round) and saves.
    pub fn set_phase(&mut self, dir: &Path, phase: Phase, round: Option<u32>) -> Result<()> {
        self.phase = Some(phase);
        self.round = round;
        self.save(dir)
    }

    /// Whether the state was written on another chain than the one whose genesis hash is
    /// `genesis`.
    pub fn is_foreign(&self, genesis: B256) -> bool {
        self.chain_genesis.is_some_and(|g| g != genesis)
    }

    /// Forgets (in memory) a state written on another chain: its job, phase and rounds are not
    /// this chain's. Returns whether it did.
    pub fn forget_foreign(&mut self, genesis: B256) -> bool {
        let foreign = self.is_foreign(genesis);
        if foreign {
            *self = WorkerState::default();
        }
        foreign
    }

    /// Starts working on job `job` of the chain whose genesis hash is `genesis`: previous
    /// rounds of another job are forgotten; a state written on another chain (a devnet reset
    /// brings the same addresses and job ids back) is forgotten with its round outputs in
    /// `dir`, and the note returned says so.
    pub fn switch_job(
        &mut self,
        dir: &Path,
        job: u64,
        market: Address,
        worker: Address,
        genesis: B256,
    ) -> Result<Option<String>> {
        let mut note = None;
        if self.is_foreign(genesis) {
            let old = self
                .job_id
                .map(|j| format!(" (job {j})"))
                .unwrap_or_default();
            self.forget_foreign(genesis);
            clear_round_outputs(dir)?;
            note = Some(format!(
                "the worker state in {}{old} was written on another chain (its genesis block differs, as after `cohort devnet reset`): starting afresh on job {job}",
                dir.display()
            ));
        }
        if self.job_id != Some(job)
            || self.job_market != Some(market)
            || self.worker != Some(worker)
        {
            self.rounds.clear();
        }
        self.job_id = Some(job);
        self.job_market = Some(market);
        self.worker = Some(worker);
        self.chain_genesis = Some(genesis);
        Ok(note)
    }
}

/// Removes the round outputs (`job-<id>` folders) in a state folder.
fn clear_round_outputs(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("read", dir, e)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_job = name
            .to_str()
            .and_then(|n| n.strip_prefix("job-"))
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()));
        if is_job && entry.path().is_dir() {
            let p = entry.path();
            std::fs::remove_dir_all(&p).map_err(|e| Error::io("clear", &p, e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_typed_and_earlier_empty_phases_still_load() {
        let old: WorkerState = serde_json::from_str(r#"{"phase": "", "updated_at": 1}"#).unwrap();
        assert_eq!(old.phase, None);
        let s: WorkerState = serde_json::from_str(r#"{"phase": "training", "round": 2}"#).unwrap();
        assert_eq!(s.phase, Some(Phase::Training));
        assert_eq!(Phase::Submitted.to_string(), "submitted");
        assert!(serde_json::from_str::<WorkerState>(r#"{"phase": "dancing"}"#).is_err());
    }

    #[test]
    fn each_wallet_has_its_own_default_folder_and_an_old_shared_state_is_resumed_by_its_worker() {
        let base = tempfile::tempdir().unwrap();
        let base = base.path();
        let (a, b) = (Address::repeat_byte(0xaa), Address::repeat_byte(0xbb));
        let own = |w: Address| base.join(format!("{w:#x}"));
        assert_eq!(default_dir(base, a), own(a));
        assert_ne!(default_dir(base, a), default_dir(base, b));
        // An earlier version's state of `a` mid-round, in the shared folder: `a` resumes it
        // there; `b` gets its own folder.
        let mut old = WorkerState {
            job_id: Some(1),
            worker: Some(a),
            ..Default::default()
        };
        old.set_phase(base, Phase::Training, Some(0)).unwrap();
        assert_eq!(default_dir(base, a), base);
        assert_eq!(default_dir(base, b), own(b));
        // Once `a` has a folder of its own, or the old job is done, the old state is left alone.
        old.set_phase(base, Phase::Done, None).unwrap();
        assert_eq!(default_dir(base, a), own(a));
        old.set_phase(base, Phase::Waiting, Some(0)).unwrap();
        WorkerState::default().save(&own(a)).unwrap();
        assert_eq!(default_dir(base, a), own(a));
    }

    #[tokio::test]
    async fn a_state_folder_in_use_is_refused_naming_it_and_the_process() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!in_use(dir.path()));
        let held = lock(dir.path()).await.unwrap();
        assert!(in_use(dir.path()));
        let e = lock(dir.path()).await.err().expect("a folder in use");
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains(&dir.path().display().to_string()), "{e}");
        assert!(
            e.message
                .contains(&format!("process {}", std::process::id())),
            "{e}"
        );
        assert!(e.hint.as_deref().unwrap().contains("--state-dir"), "{e:?}");
        drop(held);
        assert!(!in_use(dir.path()));
        lock(dir.path()).await.unwrap();
    }

    #[test]
    fn a_state_of_another_chain_starts_afresh_without_its_round_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (B256::repeat_byte(1), B256::repeat_byte(2));
        let (market, me) = (Address::repeat_byte(3), Address::repeat_byte(4));
        let mut s = WorkerState::default();
        assert_eq!(s.switch_job(dir.path(), 1, market, me, a).unwrap(), None);
        s.rounds.entry(0).or_default().work_units = 7;
        let out = round_dir(dir.path(), 1, 0);
        std::fs::create_dir_all(&out).unwrap();
        // The same chain keeps the rounds and their outputs.
        assert_eq!(s.switch_job(dir.path(), 1, market, me, a).unwrap(), None);
        assert_eq!(s.rounds.len(), 1);
        assert!(out.is_dir());
        // Another chain with the same addresses and job id does not.
        let note = s.switch_job(dir.path(), 1, market, me, b).unwrap().unwrap();
        assert!(note.contains("another chain"), "{note}");
        assert!(s.rounds.is_empty());
        assert_eq!(s.chain_genesis, Some(b));
        assert!(!out.exists());
        // A state written before the chain was recorded is taken for the chain's.
        let mut old: WorkerState = serde_json::from_str(r#"{"job_id": 1}"#).unwrap();
        assert!(!old.forget_foreign(a));
        assert_eq!(old.job_id, Some(1));
    }
}
