//! A worker's state on disk (`<state dir>/state.json`, written atomically): which job it works
//! on, what it is doing, and per round the bundle it uploaded and whether it was submitted, so
//! a restarted worker rejoins the current round without repeating submitted work.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkerState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_market: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker: Option<Address>,
    /// What the worker is doing: joining, waiting, downloading, training, uploading,
    /// submitting, submitted, done, stopped.
    #[serde(default)]
    pub phase: String,
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
    pub fn set_phase(&mut self, dir: &Path, phase: &str, round: Option<u32>) -> Result<()> {
        self.phase = phase.to_string();
        self.round = round;
        self.save(dir)
    }

    /// Starts working on another job: previous rounds are forgotten.
    pub fn switch_job(&mut self, job: u64, market: Address, worker: Address) {
        if self.job_id != Some(job)
            || self.job_market != Some(market)
            || self.worker != Some(worker)
        {
            self.rounds.clear();
        }
        self.job_id = Some(job);
        self.job_market = Some(market);
        self.worker = Some(worker);
    }
}
