//! The files of a dataset on disk: walking the folders given to `upload` (symlinks not followed,
//! hidden files only when asked), the rules for paths inside a dataset (relative, `/`-separated,
//! no `..`), and streaming blake3 hashes.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

/// A file found by the walk, ready to hash and upload.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where it is on disk.
    pub source: PathBuf,
    /// Its path inside the dataset: relative to the folder given, `/`-separated.
    pub path: String,
    pub size: u64,
}

/// Why a file found by the walk is not uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// 0 bytes: storage cannot hold an empty file.
    Empty,
    /// A symbolic link (never followed).
    Symlink,
    /// Not a regular file or folder (socket, device, fifo).
    Special,
    /// Could not be read.
    Unreadable,
    /// Its name is not valid UTF-8, so it has no dataset path.
    BadName,
}

/// A file the walk passed over.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub source: PathBuf,
    pub reason: SkipReason,
    pub detail: Option<String>,
}

/// What a walk over the inputs found.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<Found>,
    pub skipped: Vec<Skipped>,
    /// Hidden files and folders left out (without `--hidden`).
    pub hidden: u64,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Walks `inputs`: a file stands for itself (its dataset path is its file name), a folder for
/// every file under it (paths relative to that folder). Inputs given on the command line are
/// followed even when they are symlinks; nothing inside a folder is. A missing input is an
/// error before anything is read.
pub fn walk(inputs: &[PathBuf], hidden: bool) -> Result<Walk> {
    let mut w = Walk::default();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| {
            Error::usage(
                "dataset.no_input",
                format!("cannot read {}: {e}", input.display()),
            )
            .hint("give existing files or folders to upload")
        })?;
        if meta.is_dir() {
            walk_dir(input, input, hidden, &mut w);
        } else if meta.is_file() {
            let name = input
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| "the name is not UTF-8".to_string())
                .and_then(|n| check_path(n).map(|()| n.to_string()));
            match name {
                Ok(name) => push_file(&mut w, input.clone(), name, meta.len()),
                Err(why) => w.skipped.push(Skipped {
                    source: input.clone(),
                    reason: SkipReason::BadName,
                    detail: Some(why),
                }),
            }
        } else {
            w.skipped.push(Skipped {
                source: input.clone(),
                reason: SkipReason::Special,
                detail: None,
            });
        }
    }
    one_file_per_path(&mut w)?;
    Ok(w)
}

/// A file given twice (by name and inside a folder given, or twice by name) is kept once; two
/// different files that would be recorded at one dataset path are refused before anything is
/// uploaded or paid (a dataset holds one file per path and contributor).
fn one_file_per_path(w: &mut Walk) -> Result<()> {
    let mut seen: std::collections::HashMap<String, (PathBuf, PathBuf)> = Default::default();
    let mut keep = Vec::with_capacity(w.files.len());
    for f in std::mem::take(&mut w.files) {
        let real = std::fs::canonicalize(&f.source).unwrap_or_else(|_| f.source.clone());
        match seen.get(&f.path) {
            Some((first, first_real)) if *first_real == real => {
                tracing::debug!("{} is given twice: uploaded once", first.display());
            }
            Some((first, _)) => {
                return Err(Error::usage(
                    "dataset.duplicate_path",
                    format!(
                        "{} and {} would both be recorded at '{}' in the dataset",
                        first.display(),
                        f.source.display(),
                        f.path
                    ),
                )
                .hint(
                    "rename one of them, or give the folder that holds both, so that their \
                     paths in the dataset differ",
                ));
            }
            None => {
                seen.insert(f.path.clone(), (f.source.clone(), real));
                keep.push(f);
            }
        }
    }
    w.files = keep;
    Ok(())
}

fn push_file(w: &mut Walk, source: PathBuf, path: String, size: u64) {
    if size == 0 {
        w.skipped.push(Skipped {
            source,
            reason: SkipReason::Empty,
            detail: None,
        });
    } else {
        w.files.push(Found { source, path, size });
    }
}

fn walk_dir(root: &Path, dir: &Path, hidden: bool, w: &mut Walk) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            w.skipped.push(Skipped {
                source: dir.to_path_buf(),
                reason: SkipReason::Unreadable,
                detail: Some(e.to_string()),
            });
            return;
        }
    };
    let mut list: Vec<_> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => list.push(e),
            Err(e) => w.skipped.push(Skipped {
                source: dir.to_path_buf(),
                reason: SkipReason::Unreadable,
                detail: Some(e.to_string()),
            }),
        }
    }
    list.sort_by_key(|e| e.file_name());
    for e in list {
        let source = e.path();
        if !hidden && is_hidden(&e.file_name()) {
            w.hidden += 1;
            continue;
        }
        // symlink_metadata: a link is reported as a link, never followed.
        let meta = match std::fs::symlink_metadata(&source) {
            Ok(m) => m,
            Err(err) => {
                w.skipped.push(Skipped {
                    source,
                    reason: SkipReason::Unreadable,
                    detail: Some(err.to_string()),
                });
                continue;
            }
        };
        let ft = meta.file_type();
        if ft.is_symlink() {
            w.skipped.push(Skipped {
                source,
                reason: SkipReason::Symlink,
                detail: None,
            });
        } else if ft.is_dir() {
            walk_dir(root, &source, hidden, w);
        } else if ft.is_file() {
            match relative_path(root, &source) {
                Ok(path) => push_file(w, source, path, meta.len()),
                Err(why) => w.skipped.push(Skipped {
                    source,
                    reason: SkipReason::BadName,
                    detail: Some(why),
                }),
            }
        } else {
            w.skipped.push(Skipped {
                source,
                reason: SkipReason::Special,
                detail: None,
            });
        }
    }
}

/// `file` relative to `root` as a `/`-separated UTF-8 string, or why it has none.
fn relative_path(root: &Path, file: &Path) -> std::result::Result<String, String> {
    let not_inside = || format!("{} is not inside {}", file.display(), root.display());
    let rel = file.strip_prefix(root).map_err(|_| not_inside())?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(
                s.to_str()
                    .ok_or_else(|| "the name is not UTF-8".to_string())?,
            ),
            _ => return Err(not_inside()),
        }
    }
    let p = parts.join("/");
    check_path(&p).map(|()| p)
}

/// The longest path a dataset records, in bytes (`DatasetRegistry` refuses longer ones).
pub const MAX_PATH_BYTES: usize = 1024;

/// Checks a path inside a dataset: relative, `/`-separated, no empty, `.` or `..` parts, no
/// backslashes or control characters. Used on upload and again on download, so a crafted
/// contribution can never write outside the download folder.
pub fn check_path(p: &str) -> std::result::Result<(), String> {
    if p.is_empty() {
        return Err("the path is empty".into());
    }
    if p.len() > MAX_PATH_BYTES {
        let head: String = p.chars().take(40).collect();
        return Err(format!(
            "'{}…' is {} bytes long; dataset paths have at most {MAX_PATH_BYTES}",
            head.escape_debug(),
            p.len()
        ));
    }
    if p.starts_with('/') {
        return Err(format!("'{p}' is absolute"));
    }
    if p.contains('\\') {
        return Err(format!("'{p}' has a backslash; dataset paths use '/'"));
    }
    if p.chars().any(char::is_control) {
        return Err(format!("{p:?} has control characters"));
    }
    for part in p.split('/') {
        match part {
            "" => return Err(format!("'{p}' has an empty part")),
            "." | ".." => return Err(format!("'{p}' has a '{part}' part")),
            _ => {}
        }
    }
    Ok(())
}

/// `dir` joined with a checked dataset path.
pub fn safe_join(dir: &Path, p: &str) -> Result<PathBuf> {
    check_path(p).map_err(|why| {
        Error::verification(
            "dataset.unsafe_path",
            format!("refusing the dataset path: {why}"),
        )
        .hint("the contribution's path is unsafe; ask the curator to reject it")
    })?;
    let mut out = dir.to_path_buf();
    for part in p.split('/') {
        out.push(part);
    }
    Ok(out)
}

/// The size and blake3 hash of a file, read in large blocks and hashed in parallel (memory does
/// not grow with the file).
pub fn hash_file(path: &Path) -> std::io::Result<(u64, [u8; 32])> {
    let mut f = std::fs::File::open(path)?;
    let mut h = blake3::Hasher::new();
    let mut buf = vec![0u8; 4 << 20];
    let mut total = 0u64;
    loop {
        let mut filled = 0;
        while filled < buf.len() {
            let n = f.read(&mut buf[filled..])?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            break;
        }
        h.update_rayon(&buf[..filled]);
        total += filled as u64;
        if filled < buf.len() {
            break;
        }
    }
    Ok((total, *h.finalize().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_paths_refuse_parent_and_absolute_parts() {
        assert!(check_path("a/b.txt").is_ok());
        let deep = vec!["d".repeat(200); 5].join("/");
        assert_eq!(deep.len(), 1004);
        assert!(check_path(&deep).is_ok());
        let deeper = format!("{deep}/{}", "e".repeat(19));
        assert_eq!(deeper.len(), MAX_PATH_BYTES);
        assert!(check_path(&deeper).is_ok());
        let why = check_path(&format!("{deeper}x")).unwrap_err();
        assert!(why.contains("1025 bytes long"), "{why}");
        assert!(check_path("../x").is_err());
        assert!(check_path("a/../../x").is_err());
        assert!(check_path("/etc/passwd").is_err());
        assert!(check_path("a//b").is_err());
        assert!(check_path("./a").is_err());
        assert!(check_path("a\\..\\b").is_err());
        assert!(check_path("").is_err());
        assert!(safe_join(Path::new("/tmp/x"), "../y").is_err());
        assert_eq!(
            safe_join(Path::new("/d"), "a/b").unwrap(),
            PathBuf::from("/d/a/b")
        );
    }

    #[test]
    fn a_file_given_twice_is_kept_once_and_two_files_at_one_path_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        for (dir, text) in [("c1", "one"), ("c2", "two")] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
            std::fs::write(root.join(dir).join("same.txt"), text).unwrap();
        }
        let one = root.join("c1/same.txt");
        let w = walk(&[one.clone(), one.clone(), root.join("c1")], false).unwrap();
        assert_eq!(w.files.len(), 1);
        assert_eq!(w.files[0].path, "same.txt");
        let e = walk(&[root.join("c1"), root.join("c2")], false)
            .err()
            .unwrap();
        assert_eq!(e.code, "dataset.duplicate_path");
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("c2/same.txt"), "{}", e.message);
        assert!(e.message.contains("'same.txt'"), "{}", e.message);
        // The folder above both gives them different paths.
        let w = walk(&[root.to_path_buf()], false).unwrap();
        let paths: Vec<&str> = w.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["c1/same.txt", "c2/same.txt"]);
    }

    #[test]
    fn walk_skips_hidden_symlinks_and_empty_files() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("sub/.git")).unwrap();
        std::fs::write(root.join("a.txt"), b"a").unwrap();
        std::fs::write(root.join("sub/b.txt"), b"bb").unwrap();
        std::fs::write(root.join("sub/.git/c"), b"c").unwrap();
        std::fs::write(root.join(".hidden"), b"h").unwrap();
        std::fs::write(root.join("empty"), b"").unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("link")).unwrap();
        let w = walk(&[root.to_path_buf()], false).unwrap();
        let paths: Vec<_> = w.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "sub/b.txt"]);
        assert_eq!(w.hidden, 2);
        let reasons: Vec<_> = w.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, [SkipReason::Empty, SkipReason::Symlink]);
        let w = walk(&[root.to_path_buf()], true).unwrap();
        let paths: Vec<_> = w.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, [".hidden", "a.txt", "sub/.git/c", "sub/b.txt"]);
    }

    #[test]
    fn hash_matches_blake3_of_the_bytes() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        let data: Vec<u8> = (0..(9 << 20) + 5).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &data).unwrap();
        let (n, h) = hash_file(&p).unwrap();
        assert_eq!(n, data.len() as u64);
        assert_eq!(h, *blake3::hash(&data).as_bytes());
    }
}
