//! `dataset upload`: walk the inputs, hash each file (blake3), skip what this contributor
//! already recorded (so a rerun resumes an interrupted upload; a contribution an interrupted run
//! left pending is settled first), upload the rest to storage and record them with
//! `contributeBatch`. Nothing is uploaded to a sealed dataset. One upload to a dataset runs at a
//! time in a home: a second waits for the first (a note says so), then skips what it recorded.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use alloy::primitives::{Address, B256};
use serde::Serialize;

use super::files::{self, SkipReason};
use super::{Registry, sealed_error};
use crate::chain::SignerChain;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Uploaded and recorded now.
    Uploaded,
    /// This contributor already recorded the same bytes at the same path: skipped.
    AlreadyRecorded,
    /// 0 bytes: skipped.
    Empty,
    /// A symbolic link: not followed.
    Symlink,
    /// Not a regular file: skipped.
    Special,
    /// Could not be read: skipped (the command exits 1).
    Unreadable,
    /// The name is not UTF-8: skipped (the command exits 1).
    BadName,
    /// Larger than the storage fragment size: refused (the command exits 1).
    TooLarge,
    /// The contributor already recorded other bytes at this path: refused (exits 1).
    Conflict,
    /// Not attempted because the upload stopped at an earlier error.
    NotAttempted,
}

impl EntryStatus {
    /// Whether this status makes the command exit 1.
    pub fn is_error(self) -> bool {
        matches!(
            self,
            EntryStatus::Unreadable
                | EntryStatus::BadName
                | EntryStatus::TooLarge
                | EntryStatus::Conflict
                | EntryStatus::NotAttempted
        )
    }
    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Uploaded => "uploaded",
            EntryStatus::AlreadyRecorded => "already recorded",
            EntryStatus::Empty => "empty: skipped",
            EntryStatus::Symlink => "symlink: skipped",
            EntryStatus::Special => "not a file: skipped",
            EntryStatus::Unreadable => "unreadable: skipped",
            EntryStatus::BadName => "bad name: skipped",
            EntryStatus::TooLarge => "too large: refused",
            EntryStatus::Conflict => "path taken: refused",
            EntryStatus::NotAttempted => "not attempted",
        }
    }
}

/// One file of the upload.
#[derive(Debug, Clone, Serialize)]
pub struct UploadEntry {
    /// Path inside the dataset (absent for files that have none).
    pub path: Option<String>,
    /// Where it is on disk.
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub source: PathBuf,
    pub size: Option<u64>,
    pub root: Option<B256>,
    pub blake3: Option<String>,
    pub status: EntryStatus,
    /// The contribution index, when recorded.
    pub index: Option<u64>,
    pub tx_hash: Option<B256>,
    pub detail: Option<String>,
}

/// The result of `upload`.
#[derive(Debug, Clone, Serialize)]
pub struct UploadReport {
    pub dataset_id: u64,
    pub name: String,
    pub contributor: Address,
    pub files: Vec<UploadEntry>,
    pub uploaded: u64,
    pub already_recorded: u64,
    pub skipped: u64,
    /// Files that make the command exit 1 (unreadable, too large, conflicts).
    pub errors: u64,
    pub bytes_uploaded: u64,
    /// Hidden files and folders left out (upload them with `--hidden`).
    pub hidden_ignored: u64,
    /// The error the upload stopped at, if any (rerun the command to resume).
    pub stopped_at: Option<String>,
    #[serde(skip)]
    pub stop_error: Option<Error>,
}

impl UploadReport {
    /// The error to exit with: the one the upload stopped at, else exit 1 when files were
    /// skipped as errors.
    pub fn failure(&self) -> Option<Error> {
        if let Some(e) = &self.stop_error {
            const RESUME: &str =
                "rerun the same command: files already recorded are skipped and the upload resumes";
            // The error's own fix (fund the wallet, …) comes first.
            let hint = match &e.hint {
                Some(h) => format!("{h}; then {RESUME}"),
                None => RESUME.to_string(),
            };
            return Some(e.clone().hint(hint));
        }
        if self.errors > 0 {
            return Some(
                Error::failed(
                    "dataset.files_skipped",
                    format!(
                        "{} could not be uploaded (each one's status and detail say why)",
                        if self.errors == 1 {
                            "1 file".to_string()
                        } else {
                            format!("{} files", self.errors)
                        }
                    ),
                )
                .hint("fix or remove them, then rerun the same command to upload the rest"),
            );
        }
        None
    }
}

/// Options of `upload`.
#[derive(Debug, Clone, Default)]
pub struct UploadOptions {
    /// Include hidden files and folders.
    pub hidden: bool,
}

/// Files per round of `dataset upload`: their storage submissions go in `batchSubmit`s of
/// [`crate::storage::batch::MAX_BATCH`] and their contributions in one `contributeBatch`.
pub const FILES_PER_ROUND: usize = 50;

/// Files up to this size are uploaded in batches; larger ones one by one, with their own
/// progress bars.
pub const SMALL_FILE: u64 = 4 << 20;

/// What this contributor already recorded: path → (blake3, root, index).
type Recorded = HashMap<String, Vec<(String, B256, u64)>>;

/// A file to upload and record: its entry's position in the report, and its blake3.
struct Pending {
    entry: usize,
    hash: [u8; 32],
}

/// Uploads `inputs` to dataset `id` as the signer's contributions: every file is hashed and
/// checked against what the signer already recorded, then the new ones are uploaded and
/// recorded in rounds of [`FILES_PER_ROUND`] (one `contributeBatch` each).
pub async fn upload(
    client: &Client,
    reg: &Registry,
    signer: &SignerChain,
    id: u64,
    inputs: &[PathBuf],
    opts: &UploadOptions,
    progress: Arc<dyn Progress>,
) -> Result<UploadReport> {
    let mut info = reg.info(id).await?;
    if info.sealed {
        return Err(sealed_error(&info));
    }
    let walk = files::walk(inputs, opts.hidden)?;
    // One upload to a dataset at a time in this home, held to the end: two at once would both
    // find a file unrecorded and pay for it, in batches whose records need not match. A second
    // waits, then finds what the first recorded.
    let mut waited = false;
    let _lock = super::wait_for_lock(
        &super::upload_lock_path(client, reg, id),
        |holder| {
            waited = true;
            format!(
                "waiting for another upload to dataset '{}'{holder} to finish: one upload to a \
                 dataset runs at a time in this home, and the files it records are then skipped",
                info.name
            )
        },
        progress.as_ref(),
    )
    .await?;
    if waited {
        // Sealed meanwhile: refused before any fee is paid.
        info = reg.info(id).await?;
        if info.sealed {
            return Err(sealed_error(&info));
        }
    }
    let me = signer.address;
    let mut report = UploadReport {
        dataset_id: id,
        name: info.name.clone(),
        contributor: me,
        files: walk.skipped.iter().map(skipped_entry).collect(),
        uploaded: 0,
        already_recorded: 0,
        skipped: 0,
        errors: 0,
        bytes_uploaded: 0,
        hidden_ignored: walk.hidden,
        stopped_at: None,
        stop_error: None,
    };
    // A contribution an interrupted run sent (its record is named after its own batch, which
    // this run may group otherwise) is settled first: the contributions read below then include
    // it once mined, and its record goes, so that no later batch of the same files takes that
    // old transaction for its own.
    crate::chain::tx::resume_all(
        signer,
        &[reg.contribute_batch_intents(signer, id)],
        "recording what an earlier run sent",
        progress.as_ref(),
    )
    .await?;
    let mut recorded: Recorded = HashMap::new();
    for c in reg.contributions(id).await? {
        if c.contributor == me {
            recorded
                .entry(c.path)
                .or_default()
                .push((c.blake3, c.root, c.index));
        }
    }
    let total: u64 = walk.files.iter().map(|f| f.size).sum();
    // One line for the whole dataset: the bytes, and the file being uploaded.
    let overall = progress.task("dataset", Some(total), Unit::Bytes);
    let started = std::time::Instant::now();
    let nfiles = walk.files.len();
    let mut pending = Vec::new();
    for f in walk.files {
        overall.set_message(&f.path);
        let (entry, hash) = classify(f, &recorded).await?;
        if let Some(hash) = hash {
            pending.push(Pending {
                entry: report.files.len(),
                hash,
            });
        } else {
            overall.inc(entry.size.unwrap_or_default());
        }
        report.files.push(entry);
    }
    for round in pending.chunks(FILES_PER_ROUND) {
        if let Err(e) = upload_round(
            client,
            reg,
            signer,
            id,
            round,
            &mut report,
            progress.as_ref(),
        )
        .await
        {
            let first = &mut report.files[round[0].entry];
            first.detail = Some(e.message.clone());
            report.stopped_at = Some(format!(
                "{}: {}",
                first.path.as_deref().unwrap_or_default(),
                e.message
            ));
            report.stop_error = Some(e);
            break;
        }
        for p in round {
            let e = &report.files[p.entry];
            overall.set_message(e.path.as_deref().unwrap_or_default());
            overall.inc(e.size.unwrap_or_default());
            if let (Some(path), Some(root), Some(index)) = (&e.path, e.root, e.index) {
                recorded
                    .entry(path.clone())
                    .or_default()
                    .push((hex::encode(p.hash), root, index));
            }
        }
    }
    tally(&mut report);
    let mut outcome = crate::progress::bytes_outcome(
        &format!(
            "dataset: {} of {} files uploaded,",
            report.uploaded,
            crate::progress::count(nfiles as u64)
        ),
        report.bytes_uploaded,
        started.elapsed(),
    );
    if report.already_recorded > 0 {
        outcome.push_str(&format!("; {} already recorded", report.already_recorded));
    }
    if report.skipped > 0 {
        outcome.push_str(&format!("; {} skipped", report.skipped));
    }
    if report.stopped_at.is_some() {
        overall.fail(&outcome);
    } else {
        overall.finish_with(&outcome);
    }
    Ok(report)
}

fn skipped_entry(s: &files::Skipped) -> UploadEntry {
    UploadEntry {
        path: None,
        source: s.source.clone(),
        size: None,
        root: None,
        blake3: None,
        status: match s.reason {
            SkipReason::Empty => EntryStatus::Empty,
            SkipReason::Symlink => EntryStatus::Symlink,
            SkipReason::Special => EntryStatus::Special,
            SkipReason::Unreadable => EntryStatus::Unreadable,
            SkipReason::BadName => EntryStatus::BadName,
        },
        index: None,
        tx_hash: None,
        detail: s.detail.clone(),
    }
}

/// Hashes a file and decides what to do with it: its entry, and its blake3 when it is to be
/// uploaded (the entry then stays `NotAttempted` until its round is recorded).
async fn classify(f: files::Found, recorded: &Recorded) -> Result<(UploadEntry, Option<[u8; 32]>)> {
    let fragment = crate::storage::upload::effective_fragment_size(
        crate::storage::upload::DEFAULT_FRAGMENT_SIZE,
    );
    let mut entry = UploadEntry {
        path: Some(f.path.clone()),
        source: f.source.clone(),
        size: Some(f.size),
        root: None,
        blake3: None,
        status: EntryStatus::NotAttempted,
        index: None,
        tx_hash: None,
        detail: None,
    };
    if f.size > fragment {
        entry.status = EntryStatus::TooLarge;
        entry.detail = Some(format!(
            "{} bytes is over the storage fragment size of {fragment} bytes; split it \
             (e.g. `split -b {fragment} FILE FILE.part-`) and upload the parts",
            f.size
        ));
        return Ok((entry, None));
    }
    let src = f.source.clone();
    let hashed = tokio::task::spawn_blocking(move || files::hash_file(&src))
        .await
        .map_err(|e| Error::failed("dataset.task", e.to_string()))?;
    let (size, hash) = match hashed {
        Ok(v) => v,
        Err(e) => {
            entry.status = EntryStatus::Unreadable;
            entry.detail = Some(e.to_string());
            return Ok((entry, None));
        }
    };
    let hex = hex::encode(hash);
    entry.blake3 = Some(hex.clone());
    entry.size = Some(size);
    if size == 0 {
        entry.status = EntryStatus::Empty;
        return Ok((entry, None));
    }
    let Some(earlier) = recorded.get(&f.path) else {
        return Ok((entry, Some(hash)));
    };
    if let Some((_, root, index)) = earlier.iter().find(|(h, _, _)| *h == hex) {
        entry.status = EntryStatus::AlreadyRecorded;
        entry.root = Some(*root);
        entry.index = Some(*index);
    } else {
        entry.status = EntryStatus::Conflict;
        entry.detail = Some(format!(
            "you already recorded different bytes at '{}'; rename the file, or ask the \
             curator to reject the old version and upload under a new path",
            f.path
        ));
    }
    Ok((entry, None))
}

/// Uploads one round of files to storage (small ones batched, large ones one by one) and
/// records them in one `contributeBatch`; fills in their entries.
async fn upload_round(
    client: &Client,
    reg: &Registry,
    signer: &SignerChain,
    id: u64,
    round: &[Pending],
    report: &mut UploadReport,
    progress: &dyn Progress,
) -> Result<()> {
    let opts = crate::storage::upload::UploadOptions::default();
    let (small, large): (Vec<&Pending>, Vec<&Pending>) = round
        .iter()
        .partition(|p| report.files[p.entry].size.unwrap_or_default() <= SMALL_FILE);
    let paths: Vec<PathBuf> = small
        .iter()
        .map(|p| report.files[p.entry].source.clone())
        .collect();
    let mut roots: HashMap<usize, B256> = HashMap::new();
    let ups =
        crate::storage::batch::upload_small_files(client, signer, &paths, &opts, progress).await?;
    for (p, up) in small.iter().zip(&ups) {
        roots.insert(p.entry, root_of(&report.files[p.entry], up)?);
    }
    for p in large {
        let e = &report.files[p.entry];
        let up =
            crate::storage::upload::upload_file(client, signer, &e.source, &opts, progress).await?;
        roots.insert(p.entry, root_of(e, &up)?);
    }
    let list: Vec<(B256, u64, [u8; 32], String)> = round
        .iter()
        .map(|p| {
            let e = &report.files[p.entry];
            (
                roots[&p.entry],
                e.size.unwrap_or_default(),
                p.hash,
                e.path.clone().unwrap_or_default(),
            )
        })
        .collect();
    let (indexes, tx) = reg.contribute_batch(signer, id, &list, progress).await?;
    for (p, index) in round.iter().zip(indexes) {
        let e = &mut report.files[p.entry];
        e.status = EntryStatus::Uploaded;
        e.root = Some(roots[&p.entry]);
        e.index = Some(index);
        e.tx_hash = Some(tx.tx_hash);
        report.bytes_uploaded += e.size.unwrap_or_default();
    }
    Ok(())
}

/// The single root of a file's storage upload, checking the file kept its size.
fn root_of(e: &UploadEntry, up: &crate::storage::UploadReport) -> Result<B256> {
    let size = e.size.unwrap_or_default();
    if up.size != size {
        return Err(Error::failed(
            "dataset.file_changed",
            format!(
                "{} changed while it was uploaded ({} bytes, then {})",
                e.source.display(),
                size,
                up.size
            ),
        )
        .hint("upload it again once it no longer changes"));
    }
    up.root
        .as_deref()
        .and_then(|r| crate::storage::types::hex_hash::parse(r).ok())
        .map(B256::from)
        .ok_or_else(|| {
            Error::failed(
                "dataset.no_root",
                format!(
                    "the storage upload of {} returned no single root",
                    e.source.display()
                ),
            )
        })
}

/// Counts the entries by status.
fn tally(report: &mut UploadReport) {
    for e in &report.files {
        match e.status {
            EntryStatus::Uploaded => report.uploaded += 1,
            EntryStatus::AlreadyRecorded => report.already_recorded += 1,
            s => {
                report.skipped += 1;
                if s.is_error() {
                    report.errors += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(stop: Option<Error>) -> UploadReport {
        UploadReport {
            dataset_id: 1,
            name: "d".into(),
            contributor: Address::ZERO,
            files: Vec::new(),
            uploaded: 0,
            already_recorded: 0,
            skipped: 0,
            errors: 0,
            bytes_uploaded: 0,
            hidden_ignored: 0,
            stopped_at: stop.as_ref().map(|e| e.message.clone()),
            stop_error: stop,
        }
    }

    #[test]
    fn a_stopped_upload_keeps_its_errors_fix_before_the_resume_hint() {
        let short = Error::reverted("wallet.insufficient_funds", "insufficient funds")
            .hint("fund the wallet");
        let e = report(Some(short)).failure().unwrap();
        assert_eq!(e.exit_code(), 4);
        let hint = e.hint.unwrap();
        assert!(hint.starts_with("fund the wallet; then rerun"), "{hint}");
        let bare = Error::unreachable("chain.unreachable", "no answer");
        let hint = report(Some(bare)).failure().unwrap().hint.unwrap();
        assert!(hint.starts_with("rerun the same command"), "{hint}");
        assert!(report(None).failure().is_none());
    }
}
