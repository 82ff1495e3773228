//! `dataset download`: every accepted file, fetched from storage (Merkle proofs checked by the
//! storage client), checked against its recorded size and blake3 hash, and moved into place at
//! `DIR/<contributor address>/<path>`. Several files download at once; a file already in place
//! with the right hash is kept, so a rerun resumes. Other files in the folder are left alone
//! and reported (`extra_files`): training on the folder would read them too. One download into
//! a folder runs at a time in a home: a second waits for the first (a note says so), then keeps
//! the files it put in place.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use alloy::primitives::Address;
use serde::Serialize;

use super::files::{hash_file, safe_join};
use super::{ContributionInfo, Registry, ReviewStatus};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileOutcome {
    Downloaded,
    /// Already in place with the right hash.
    Present,
    Failed,
}

/// One downloaded file.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadedFile {
    pub index: u64,
    pub contributor: Address,
    pub path: String,
    /// Where it was written.
    #[serde(serialize_with = "crate::fsutil::lossy::option")]
    pub file: Option<PathBuf>,
    pub size: u64,
    pub status: FileOutcome,
    pub error: Option<String>,
    /// What kind of failure `error` is (the exit code of the whole download).
    #[serde(skip)]
    pub error_kind: Option<crate::error::ErrorKind>,
    /// The code of that failure (`storage.disk_full`: the summary says to free space).
    #[serde(skip)]
    pub error_code: Option<String>,
}

/// The result of `download`.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadReport {
    pub dataset_id: u64,
    pub name: String,
    pub sealed: bool,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub output: PathBuf,
    pub files: Vec<DownloadedFile>,
    pub downloaded: u64,
    pub present: u64,
    pub failed: u64,
    pub bytes: u64,
    /// Files in the output folder that the dataset does not list but training on the folder
    /// (`cohort train --data`) would read; left in place (they are the user's).
    #[serde(serialize_with = "crate::fsutil::lossy::vec")]
    pub extra_files: Vec<PathBuf>,
}

impl DownloadReport {
    pub fn failure(&self) -> Option<Error> {
        (self.failed > 0).then(|| {
            // The exit code of the failures when they agree (all unreachable: exit 3, worth
            // retrying; all mismatched: exit 5), else exit 1.
            let mut kinds = self
                .files
                .iter()
                .filter(|f| f.status == FileOutcome::Failed)
                .map(|f| f.error_kind.unwrap_or(crate::error::ErrorKind::Failed));
            let first = kinds.next().unwrap_or(crate::error::ErrorKind::Failed);
            let kind = if kinds.all(|k| k == first) {
                first
            } else {
                crate::error::ErrorKind::Failed
            };
            let disk_full = self
                .files
                .iter()
                .any(|f| f.error_code.as_deref() == Some("storage.disk_full"));
            Error::new(
                kind,
                "dataset.download_failed",
                format!(
                    "{} of {} files could not be downloaded",
                    self.failed,
                    self.files.len()
                ),
            )
            .hint(if disk_full {
                format!(
                    "the disk of {} is full: free some space (or give -o a folder on another \
                     disk), then rerun the same command: files already in place are kept",
                    self.output.display()
                )
            } else {
                "rerun the same command: files already in place are kept".to_string()
            })
        })
    }
}

/// The entries under `dir` that training on the folder would read (the trainer's walk: every
/// entry whose name does not start with `.`, recursively) and that are not in `listed`. Links
/// are never followed: a link is itself the entry. Sorted; a folder that cannot be read has
/// none.
pub fn unlisted_files(dir: &Path, listed: &HashSet<PathBuf>) -> Vec<PathBuf> {
    fn walk(dir: &Path, listed: &HashSet<PathBuf>, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&path, listed, out);
            } else if !listed.contains(&path) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, listed, &mut out);
    out.sort();
    out
}

/// The folder of a contributor's files: lowercase `0x` address, as JSON prints it.
pub fn contributor_dir(out: &Path, who: Address) -> PathBuf {
    out.join(format!("{who:#x}"))
}

/// Downloads the accepted files of dataset `id` into `out`.
pub async fn download(
    client: &Client,
    reg: &Registry,
    id: u64,
    out: &Path,
    parallel: usize,
    progress: Arc<dyn Progress>,
) -> Result<DownloadReport> {
    if out.exists() && !out.is_dir() {
        return Err(Error::usage(
            "dataset.output_not_a_folder",
            format!(
                "{} is a file; a dataset downloads into a folder (<folder>/<contributor>/<path>)",
                out.display()
            ),
        )
        .hint("give -o a folder, new or existing"));
    }
    crate::fsutil::ensure_dir(out, 0o755)?;
    // One download into a folder at a time in this home, held to the end: two at once would
    // write the same partial files and move each other's away. A second waits, then finds the
    // files in place.
    let _lock = super::wait_for_lock(
        &super::download_lock_path(client, out)?,
        |holder| {
            format!(
                "waiting for another download into {}{holder} to finish: one download into a \
                 folder runs at a time in this home, and the files it puts in place are then kept",
                out.display()
            )
        },
        progress.as_ref(),
    )
    .await?;
    let info = reg.info(id).await?;
    let accepted: Vec<ContributionInfo> = reg
        .contributions(id)
        .await?
        .into_iter()
        .filter(|c| c.status == ReviewStatus::Accepted)
        .collect();
    let total: u64 = accepted.iter().map(|c| c.size).sum();
    let overall = progress.task("dataset", Some(total), Unit::Bytes);
    let started = std::time::Instant::now();

    // Two accepted contributions at one target would overwrite each other: fail the later.
    let mut seen = HashSet::new();
    let sem = Arc::new(tokio::sync::Semaphore::new(parallel.max(1)));
    let mut set = tokio::task::JoinSet::new();
    let mut results: Vec<Option<DownloadedFile>> = (0..accepted.len()).map(|_| None).collect();
    for (slot, c) in accepted.into_iter().enumerate() {
        let target = safe_join(&contributor_dir(out, c.contributor), &c.path);
        let mut row = DownloadedFile {
            index: c.index,
            contributor: c.contributor,
            path: c.path.clone(),
            file: target.as_ref().ok().cloned(),
            size: c.size,
            status: FileOutcome::Failed,
            error: None,
            error_kind: None,
            error_code: None,
        };
        let target = match target {
            Ok(t) => t,
            Err(e) => {
                row.error = Some(e.message);
                results[slot] = Some(row);
                continue;
            }
        };
        if !seen.insert(target.clone()) {
            row.error = Some(format!(
                "another accepted file of {} has the path '{}'",
                c.contributor, c.path
            ));
            results[slot] = Some(row);
            continue;
        }
        let sem = sem.clone();
        let client = client.clone();
        let progress = progress.clone();
        let overall = overall.clone();
        set.spawn(async move {
            let _permit = sem.acquire_owned().await.expect("semaphore open");
            let r = fetch_to(&client, &c, &target, progress.as_ref()).await;
            overall.inc(c.size);
            match r {
                Ok(fresh) => {
                    row.status = if fresh {
                        FileOutcome::Downloaded
                    } else {
                        FileOutcome::Present
                    }
                }
                Err(e) => {
                    row.error_kind = Some(e.kind);
                    row.error_code = Some(e.code);
                    row.error = Some(e.message);
                }
            }
            (slot, row)
        });
    }
    while let Some(joined) = set.join_next().await {
        let (slot, row) = joined.map_err(|e| Error::failed("dataset.task", e.to_string()))?;
        results[slot] = Some(row);
    }
    let files: Vec<DownloadedFile> = results.into_iter().flatten().collect();
    let count = |o: FileOutcome| files.iter().filter(|f| f.status == o).count() as u64;
    let bytes = files
        .iter()
        .filter(|f| f.status == FileOutcome::Downloaded)
        .map(|f| f.size)
        .sum();
    let mut outcome = crate::progress::bytes_outcome(
        &format!(
            "dataset: {} of {} files downloaded,",
            count(FileOutcome::Downloaded),
            files.len()
        ),
        bytes,
        started.elapsed(),
    );
    if count(FileOutcome::Present) > 0 {
        outcome.push_str(&format!("; {} already there", count(FileOutcome::Present)));
    }
    match count(FileOutcome::Failed) {
        0 => overall.finish_with(&outcome),
        n => overall.fail(&format!("{outcome}; {n} failed")),
    }
    let extra_files = unlisted_files(out, &seen);
    Ok(DownloadReport {
        dataset_id: id,
        name: info.name,
        sealed: info.sealed,
        output: out.to_path_buf(),
        downloaded: count(FileOutcome::Downloaded),
        present: count(FileOutcome::Present),
        failed: count(FileOutcome::Failed),
        bytes,
        files,
        extra_files,
    })
}

/// Whether `path` holds exactly the contribution's bytes.
fn matches(path: &Path, c: &ContributionInfo) -> bool {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == c.size => {}
        _ => return false,
    }
    matches!(hash_file(path), Ok((n, h)) if n == c.size && Some(h) == c.blake3_bytes())
}

/// Puts the contribution at `target` unless it is already there; returns whether it was
/// downloaded.
async fn fetch_to(
    client: &Client,
    c: &ContributionInfo,
    target: &Path,
    progress: &dyn Progress,
) -> Result<bool> {
    let (t, cc) = (target.to_path_buf(), c.clone());
    let present = tokio::task::spawn_blocking(move || matches(&t, &cc))
        .await
        .map_err(|e| Error::failed("dataset.task", e.to_string()))?;
    if present {
        return Ok(false);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| crate::storage::download::io_error("create folder", dir, e))?;
    // The storage client keeps a partial file next to the target, so a rerun resumes it.
    fetch_verified(client, c, target, progress).await?;
    Ok(true)
}

/// Downloads one contribution to `out` and checks its size and blake3 hash (exit 5 on a
/// mismatch, and `out` is removed).
pub async fn fetch_verified(
    client: &Client,
    c: &ContributionInfo,
    out: &Path,
    progress: &dyn Progress,
) -> Result<()> {
    let opts = crate::storage::download::DownloadOptions {
        force: true,
        ..Default::default()
    };
    crate::storage::download::download(client, &[c.root.0], out, &opts, progress).await?;
    let (o, cc) = (out.to_path_buf(), c.clone());
    let got = tokio::task::spawn_blocking(move || hash_file(&o))
        .await
        .map_err(|e| Error::failed("dataset.task", e.to_string()))?
        .map_err(|e| Error::io("read", out, e))?;
    if got.0 != cc.size || Some(got.1) != cc.blake3_bytes() {
        let _ = std::fs::remove_file(out);
        return Err(Error::verification(
            "dataset.hash_mismatch",
            format!(
                "'{}' from {}: got {} bytes with blake3 {}, the registry records {} bytes with blake3 {}",
                cc.path,
                cc.contributor,
                got.0,
                hex::encode(got.1),
                cc.size,
                cc.blake3
            ),
        )
        .hint("the contributor recorded a hash that does not match the stored file; the curator should reject it"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_asks_to_free_space_before_a_rerun() {
        let file = |code: &str| DownloadedFile {
            index: 0,
            contributor: Address::ZERO,
            path: "a.txt".into(),
            file: None,
            size: 1,
            status: FileOutcome::Failed,
            error: Some("failed".into()),
            error_kind: Some(crate::error::ErrorKind::Failed),
            error_code: Some(code.into()),
        };
        let report = |files: Vec<DownloadedFile>| DownloadReport {
            dataset_id: 1,
            name: "d".into(),
            sealed: true,
            output: PathBuf::from("/data/out"),
            failed: files.len() as u64,
            files,
            downloaded: 0,
            present: 0,
            bytes: 0,
            extra_files: Vec::new(),
        };
        let hint = |r: DownloadReport| r.failure().unwrap().hint.unwrap();
        let full = hint(report(vec![file("io"), file("storage.disk_full")]));
        assert!(
            full.contains("free some space") && full.contains("/data/out"),
            "{full}"
        );
        let other = hint(report(vec![file("storage.unreachable")]));
        assert!(!other.contains("free"), "{other}");
        assert!(other.contains("rerun"), "{other}");
    }
}
