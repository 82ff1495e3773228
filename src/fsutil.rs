//! Atomic file writes: a temporary file in the same folder, fsync, then rename into place.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::error::{Error, Result};

/// Creates `dir` (and parents) with `mode`, within what the umask allows (a user's umask 077
/// keeps a new output folder private). A folder that exists keeps its mode (a user's folder
/// given as an output is theirs), except that a private `mode` (no group or other bits) takes
/// those bits away from it: cohort's own private folders stay private.
pub fn ensure_dir(dir: &Path, mode: u32) -> Result<()> {
    let existing = std::fs::metadata(dir).ok().filter(|m| m.is_dir());
    let want = match existing {
        None => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
            // create_dir_all gave it 0777 less the umask.
            let made = std::fs::metadata(dir)
                .map_err(|e| Error::io("read", dir, e))?
                .permissions()
                .mode()
                & 0o777;
            Some(made & mode)
        }
        Some(m) if mode & 0o077 == 0 && m.permissions().mode() & 0o077 != 0 => Some(mode),
        Some(_) => None,
    };
    let Some(want) = want else {
        return Ok(());
    };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(want))
        .map_err(|e| Error::io("set permissions on", dir, e))
}

/// Copies the file `from` to the new file `to`, created with `mode` within what the umask
/// allows (not with `from`'s mode, as `std::fs::copy` would).
pub fn copy_new(from: &Path, to: &Path, mode: u32) -> Result<()> {
    let mut src = std::fs::File::open(from).map_err(|e| Error::io("read", from, e))?;
    let mut dst = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(to)
        .map_err(|e| Error::io("create", to, e))?;
    std::io::copy(&mut src, &mut dst).map_err(|e| Error::io("write", to, e))?;
    dst.sync_all().map_err(|e| Error::io("write", to, e))
}

/// Writes `bytes` to `path` atomically with file mode `mode`: readers see the old file or the
/// new one, never half of one, and a crash leaves at most a stray temporary file.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    place(path, bytes, mode, |tmp, path| std::fs::rename(tmp, path))
}

/// Writes `bytes` to `path` with file mode `mode` only if no file is there: the whole file
/// appears at once under its name (a temporary file linked into place), or the call fails with
/// [`std::io::ErrorKind::AlreadyExists`] inside an `Error::io` and nothing is replaced. Two
/// processes creating one name at once: exactly one wins.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    // link(2) never replaces an existing name, unlike rename(2); the temporary name then goes.
    place(path, bytes, mode, |tmp, path| {
        std::fs::hard_link(tmp, path)?;
        let _ = std::fs::remove_file(tmp);
        Ok(())
    })
}

/// Writes `bytes` to a temporary file beside `path` (synced), puts it in place with `put`, and
/// syncs the folder; the temporary file never stays behind on failure.
fn place(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    put: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        rand::random::<u32>()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        put(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let _ = std::fs::remove_file(&tmp);
        Error::io("write", path, e)
    })
}

/// An exclusive advisory lock (flock) on a lock file, held until dropped. The lock file stays
/// (removing it would let a waiter lock a file no longer under that name).
pub struct Lock {
    _file: std::fs::File,
}

impl Lock {
    /// Takes the lock on `path` (created with mode 0600 if missing), waiting for the process that
    /// holds it. Keep what runs under it short: it blocks the calling thread.
    pub fn acquire(path: &Path) -> Result<Lock> {
        Ok(Self::take(path, true)?.expect("a waiting lock is taken"))
    }

    /// Takes the lock on `path` (created with mode 0600 if missing) unless another holder has it:
    /// `Ok(None)` then, at once, without waiting.
    pub fn try_acquire(path: &Path) -> Result<Option<Lock>> {
        Self::take(path, false)
    }

    /// [`Lock::try_acquire`] that writes this process's id into the lock file once taken, for
    /// the message of a process refused or waiting meanwhile ([`Lock::holder`]).
    pub fn try_acquire_as_holder(path: &Path) -> Result<Option<Lock>> {
        let lock = Self::try_acquire(path)?;
        if lock.is_some() {
            // Written in place, not replaced: the lock is on this file.
            let _ = std::fs::write(path, format!("{}\n", std::process::id()));
        }
        Ok(lock)
    }

    /// " (process N)": the running process that the lock file at `path` names as its holder
    /// ([`Lock::try_acquire_as_holder`]); empty when none is known.
    pub fn holder(path: &Path) -> String {
        let pid = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| t.trim().parse::<u32>().ok());
        let alive = |pid: u32| {
            let Ok(id) = i32::try_from(pid) else {
                return false;
            };
            // SAFETY: signal 0 only asks whether the process exists.
            id > 0
                && (unsafe { libc::kill(id, 0) } == 0
                    || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM))
        };
        pid.filter(|p| alive(*p))
            .map(|p| format!(" (process {p})"))
            .unwrap_or_default()
    }

    fn take(path: &Path, wait: bool) -> Result<Option<Lock>> {
        use std::os::fd::AsRawFd;
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| Error::io("open", path, e))?;
        let op = if wait {
            libc::LOCK_EX
        } else {
            libc::LOCK_EX | libc::LOCK_NB
        };
        loop {
            // SAFETY: flock on a descriptor we own.
            if unsafe { libc::flock(file.as_raw_fd(), op) } == 0 {
                return Ok(Some(Lock { _file: file }));
            }
            let e = std::io::Error::last_os_error();
            match e.kind() {
                std::io::ErrorKind::Interrupted => {}
                std::io::ErrorKind::WouldBlock if !wait => return Ok(None),
                _ => return Err(Error::io("lock", path, e)),
            }
        }
    }
}

/// Removes the temporary files that [`write_atomic`] left in `dir` (not below) when its process
/// died mid-write (`.NAME.tmp-PID-N` of a PID no longer running); returns the ones removed.
pub fn remove_stale_temps(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let dead = |name: &str| -> bool {
        let Some((_, tail)) = name.strip_prefix('.').and_then(|n| n.rsplit_once(".tmp-")) else {
            return false;
        };
        let Some((pid, n)) = tail.split_once('-') else {
            return false;
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let Ok(pid) = pid.parse::<i32>() else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        digits(n)
            && pid > 0
            && unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_file())
            && dead(&name)
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed.push(e.path());
        }
    }
    removed.sort();
    removed
}

/// Serializes paths lossily (invalid UTF-8 as U+FFFD) so that no result can fail to print.
pub mod lossy {
    use std::path::{Path, PathBuf};

    use serde::Serializer;

    pub fn path<S: Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&p.to_string_lossy())
    }

    pub fn option<S: Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => path(p, s),
            None => s.serialize_none(),
        }
    }

    pub fn vec<S: Serializer>(v: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|p| p.to_string_lossy()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode_of(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn write_new_never_replaces_a_file_and_one_of_two_racing_writers_wins() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("k.json");
        write_new(&p, b"first", 0o600).unwrap();
        assert_eq!(mode_of(&p), 0o600);
        let e = write_new(&p, b"second", 0o600).unwrap_err();
        assert!(e.to_string().contains("exists"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
        let q = t.path().join("race.json");
        let wins: usize = std::thread::scope(|s| {
            let hs: Vec<_> = (0..8)
                .map(|i| {
                    let q = &q;
                    s.spawn(move || write_new(q, format!("{i}").as_bytes(), 0o600).is_ok())
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap() as usize).sum()
        });
        assert_eq!(wins, 1);
        // No temporary file stays behind, won or lost.
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_lock_is_held_by_one_holder_at_a_time() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join(".x.lock");
        let inside = std::sync::atomic::AtomicUsize::new(0);
        let most = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..20 {
                        let _l = Lock::acquire(&p).unwrap();
                        let n = inside.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                        most.fetch_max(n, std::sync::atomic::Ordering::SeqCst);
                        std::thread::yield_now();
                        inside.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(mode_of(&p), 0o600);
    }

    #[test]
    fn try_acquire_refuses_a_held_lock_without_waiting_and_takes_a_free_one() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("d/.y.lock");
        let held = Lock::try_acquire(&p).unwrap().expect("a free lock");
        assert!(Lock::try_acquire(&p).unwrap().is_none());
        drop(held);
        assert!(Lock::try_acquire(&p).unwrap().is_some());
        assert_eq!(mode_of(&p), 0o600);
    }

    #[test]
    fn ensure_dir_leaves_an_existing_folder_alone_but_keeps_private_ones_private() {
        let t = tempfile::tempdir().unwrap();
        let new = t.path().join("a/b");
        ensure_dir(&new, 0o755).unwrap();
        assert_eq!(mode_of(&new), 0o755);
        // A user's private output folder is not opened to everyone.
        let mine = t.path().join("mine");
        std::fs::create_dir(&mine).unwrap();
        std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o700)).unwrap();
        ensure_dir(&mine, 0o755).unwrap();
        assert_eq!(mode_of(&mine), 0o700);
        // A private folder of cohort's that someone opened is closed again.
        let open = t.path().join("keys");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
        ensure_dir(&open, 0o700).unwrap();
        assert_eq!(mode_of(&open), 0o700);
    }
}
