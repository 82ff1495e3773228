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
}
