//! Atomic file writes: a temporary file in the same folder, fsync, then rename into place.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::error::{Error, Result};

/// Creates `dir` (and parents) with `mode`. A folder that exists keeps its mode (a user's
/// folder given as an output is theirs), except that a private `mode` (no group or other bits)
/// takes those bits away from it: cohort's own private folders stay private.
pub fn ensure_dir(dir: &Path, mode: u32) -> Result<()> {
    let existing = std::fs::metadata(dir).ok().filter(|m| m.is_dir());
    if existing.is_none() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    }
    let set = match existing {
        None => true,
        Some(m) => mode & 0o077 == 0 && m.permissions().mode() & 0o077 != 0,
    };
    if !set {
        return Ok(());
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io("set permissions on", dir, e))
}

/// Writes `bytes` to `path` atomically with file mode `mode`: readers see the old file or the
/// new one, never half of one, and a crash leaves at most a stray temporary file.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
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
        std::fs::rename(&tmp, path)?;
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
