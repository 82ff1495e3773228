//! A local object cache over storage: upload a file or a JSON document and get its root; fetch a root into
//! a local cache (`<cache>/objects/<root>`), verified against the root on download and again
//! when a cached copy is reused. A root downloads into `.<root>.download.part` under a lock
//! (`.<root>.lock`), so that an interrupted or failed download resumes in the next run, of
//! whichever process.

use std::path::{Path, PathBuf};

use alloy::primitives::{B256, U256};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::chain::SignerChain;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::storage::download::{DownloadOptions, download};
use crate::storage::flow::FeeMarket;
use crate::storage::merkle::{FileTree, fee_sectors};
use crate::storage::upload::{UploadOptions, upload_file};

/// Storage with a local cache by root.
#[derive(Clone)]
pub struct ObjectCache {
    pub client: Client,
    pub cache: PathBuf,
}

fn hex_root(root: B256) -> String {
    format!("{root:#x}")
}

/// The Merkle root of a local file (0G layout).
pub fn file_root(path: &Path) -> Result<B256> {
    let tree = FileTree::from_file(path).map_err(|e| Error::io("read", path, e))?;
    Ok(B256::from(tree.root))
}

/// The lock of one root's download in the cache (`.<root>.lock`, `flock`ed): held while the
/// root is downloaded into its partial file, removed when done. A waiter that got the lock
/// of a file its holder had already removed takes the new one instead.
struct RootLock {
    path: PathBuf,
    _file: std::fs::File,
}

impl RootLock {
    async fn acquire(dir: &Path, root: B256, progress: &dyn Progress) -> Result<RootLock> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::MetadataExt;
        let path = dir.join(format!(".{}.lock", hex_root(root)));
        let mut told = false;
        loop {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| Error::io("open", &path, e))?;
            // SAFETY: flock on a descriptor we own.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
                if !told {
                    progress.note(&format!(
                        "another cohort process is downloading {}: waiting for it",
                        hex_root(root)
                    ));
                    told = true;
                }
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                continue;
            }
            let mine = file.metadata().map_err(|e| Error::io("read", &path, e))?;
            let same = std::fs::metadata(&path)
                .is_ok_and(|m| m.ino() == mine.ino() && m.dev() == mine.dev());
            if same {
                return Ok(RootLock { path, _file: file });
            }
        }
    }
}

impl Drop for RootLock {
    fn drop(&mut self) {
        // Removed while still held: a waiter then sees its file is gone and opens a new one.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Removes the partial downloads that processes which are no longer running left in the cache
/// folder `dir` under the names of older versions (`.<root>.<pid>.download.part` and its
/// `.part.root`): nothing ever resumed them.
fn remove_dead_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".root").or(Some(n)))
            .and_then(|n| n.strip_suffix(".download.part"))
        else {
            continue;
        };
        let Some((root, pid)) = stem.rsplit_once('.') else {
            continue;
        };
        let Ok(pid) = pid.parse::<i32>() else {
            continue;
        };
        if root.parse::<B256>().is_ok() && pid > 0 && !process_alive(pid) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Whether a process `pid` is running (any process: one that is not ours still counts).
fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    let answered = unsafe { libc::kill(pid, 0) };
    answered == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

impl ObjectCache {
    pub fn new(client: &Client) -> ObjectCache {
        ObjectCache {
            client: client.clone(),
            cache: client.paths.cache().join("objects"),
        }
    }

    /// Where a root lives in the cache.
    pub fn cached_path(&self, root: B256) -> PathBuf {
        self.cache.join(hex_root(root))
    }

    /// Uploads a file (paying the storage fee from `s`) and returns its root. The file is also
    /// put in the cache.
    pub async fn put_file(
        &self,
        s: &SignerChain,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<B256> {
        let opts = UploadOptions::default();
        let r = upload_file(&self.client, s, path, &opts, progress).await?;
        let root = r
            .root
            .as_deref()
            .and_then(|t| t.parse::<B256>().ok())
            .ok_or_else(|| {
                Error::failed(
                    "job.upload",
                    format!(
                        "{} was uploaded in fragments; jobs need single-root files",
                        path.display()
                    ),
                )
            })?;
        let target = self.cached_path(root);
        if !target.exists() {
            crate::fsutil::ensure_dir(&self.cache, 0o755)?;
            let tmp = self
                .cache
                .join(format!(".{}.{}.put", hex_root(root), std::process::id()));
            if std::fs::copy(path, &tmp).is_ok() {
                let _ = std::fs::rename(&tmp, &target);
            }
        }
        Ok(root)
    }

    /// Uploads bytes under a file name (for messages) and returns the root.
    pub async fn put_bytes(
        &self,
        s: &SignerChain,
        name: &str,
        bytes: &[u8],
        progress: &dyn Progress,
    ) -> Result<B256> {
        let dir = self.client.paths.cache().join("tmp");
        crate::fsutil::ensure_dir(&dir, 0o700)?;
        let tmp = tempfile::Builder::new()
            .prefix(".job-")
            .tempdir_in(&dir)
            .map_err(|e| Error::io("create a folder in", &dir, e))?;
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
        self.put_file(s, &path, progress).await
    }

    /// Uploads a value as pretty JSON and returns the root.
    pub async fn put_json<T: Serialize>(
        &self,
        s: &SignerChain,
        name: &str,
        value: &T,
        progress: &dyn Progress,
    ) -> Result<B256> {
        let bytes = serde_json::to_vec_pretty(value).expect("documents serialize");
        self.put_bytes(s, name, &bytes, progress).await
    }

    /// The path of `root` in the cache, downloading it first when absent. Downloads are
    /// verified segment by segment and as a whole by the storage client; a cached copy is
    /// re-hashed before use and fetched again when it no longer matches.
    pub async fn fetch(&self, root: B256, progress: &dyn Progress) -> Result<PathBuf> {
        if root.is_zero() {
            return Err(Error::usage("job.no_root", "the zero root names no file"));
        }
        if let Some(p) = self.cached(root).await? {
            return Ok(p);
        }
        crate::fsutil::ensure_dir(&self.cache, 0o755)?;
        remove_dead_parts(&self.cache);
        // One download of a root at a time across processes: its partial file has one name,
        // so a run that failed is resumed by the next, whichever process runs it.
        let _lock = RootLock::acquire(&self.cache, root, progress).await?;
        // Another process may have fetched it while this one waited.
        if let Some(p) = self.cached(root).await? {
            return Ok(p);
        }
        let target = self.cached_path(root);
        let tmp = self.cache.join(format!("{}.download", hex_root(root)));
        let opts = DownloadOptions {
            force: true,
            ..DownloadOptions::default()
        };
        download(&self.client, &[root.0], &tmp, &opts, progress).await?;
        std::fs::rename(&tmp, &target).map_err(|e| Error::io("move into place", &target, e))?;
        Ok(target)
    }

    /// The cached copy of `root` when there is one and it still hashes to `root` (one that
    /// does not is removed).
    async fn cached(&self, root: B256) -> Result<Option<PathBuf>> {
        let target = self.cached_path(root);
        if !target.exists() {
            return Ok(None);
        }
        let t = target.clone();
        let ok = tokio::task::spawn_blocking(move || file_root(&t))
            .await
            .map_err(|e| Error::failed("job.task", e.to_string()))?
            .is_ok_and(|r| r == root);
        if ok {
            return Ok(Some(target));
        }
        let _ = std::fs::remove_file(&target);
        Ok(None)
    }

    /// Fetches a JSON document and parses it; a document that does not parse is a
    /// verification error naming the root.
    pub async fn fetch_json<T: DeserializeOwned>(
        &self,
        root: B256,
        what: &str,
        progress: &dyn Progress,
    ) -> Result<T> {
        let path = self.fetch(root, progress).await?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            Error::verification(
                "job.bad_document",
                format!("{what} at {root:#x} is not a valid document: {e}"),
            )
        })
    }

    /// The storage fee of a file of `size` bytes: sectors × the market's price per sector.
    pub async fn fee(&self, size: u64) -> Result<U256> {
        let chain = self.client.chain().await?;
        let market = crate::storage::flow::profile_market(&chain, &self.client.profile).await?;
        let quote = FeeMarket::at(chain, market)
            .quote(fee_sectors(size))
            .await?;
        Ok(quote.fee)
    }
}
