//! Training data: local text files, the fixed validation split and reproducible batches.
//!
//! Rules (part of the protocol: a verifier must see the same batches):
//! - Files: each `--data` path in the order given; a folder contributes its files recursively
//!   in byte-wise sorted path order, skipping hidden entries (names starting with `.`).
//!   Files with a NUL byte are binary and skipped; empty files are skipped.
//! - Validation split: the last `len / 10` bytes (integer division) of every file. The
//!   training stream is the concatenation of the first parts, the validation stream of the
//!   last parts, in file order.
//! - Batches: the batch of global step `step` for worker `worker` in round `round` with seed
//!   `seed` is `batch_size` windows of `context + 1` bytes at offsets drawn from the BLAKE3
//!   stream `derive_key("cohort.batch.v1", seed ‖ round ‖ worker ‖ step)` (each input
//!   length-prefixed, little-endian u64s and the 20 address bytes), one u64 per window taken
//!   modulo the number of window positions in the training stream.

use std::path::{Path, PathBuf};

use super::rng::Stream;
use crate::error::{Error, Result};

/// The training and validation byte streams built from local files.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub train: Vec<u8>,
    pub val: Vec<u8>,
    /// Text files used.
    pub files: Vec<PathBuf>,
    /// Files skipped because they hold binary data (a NUL byte).
    pub skipped_binary: Vec<PathBuf>,
    /// The longest training split of a single file, in bytes.
    pub longest_file_train: usize,
}

/// Expands `paths` (files and folders, recursively) into the ordered list of files.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if paths.is_empty() {
        return Err(Error::usage("data.none", "no training data given")
            .hint("pass --data PATH (a text file or a folder of text files)"));
    }
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            Error::usage(
                "data.missing",
                format!("data path {} is not readable: {e}", p.display()),
            )
        })?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io("read folder", dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else if e.is_file() {
            out.push(e);
        }
    }
    Ok(())
}

/// The validation part of a file of `len` bytes starts at this offset.
pub fn split_point(len: usize) -> usize {
    len - len / 10
}

impl Corpus {
    /// Loads every file under `paths` and splits it. Errors when nothing usable is left.
    pub fn load(paths: &[PathBuf]) -> Result<Corpus> {
        let files = collect_files(paths)?;
        let mut c = Corpus {
            train: Vec::new(),
            val: Vec::new(),
            files: Vec::new(),
            skipped_binary: Vec::new(),
            longest_file_train: 0,
        };
        let mut vals = Vec::new();
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| Error::io("read", &f, e))?;
            if bytes.is_empty() {
                continue;
            }
            if memchr_nul(&bytes) {
                c.skipped_binary.push(f);
                continue;
            }
            let cut = split_point(bytes.len());
            c.longest_file_train = c.longest_file_train.max(cut);
            c.train.extend_from_slice(&bytes[..cut]);
            vals.push(bytes[cut..].to_vec());
            c.files.push(f);
        }
        for v in vals {
            c.val.extend_from_slice(&v);
        }
        if c.files.is_empty() {
            let what = if c.skipped_binary.is_empty() {
                "the training data is empty".to_string()
            } else {
                format!(
                    "the training data holds only binary files ({} skipped, e.g. {})",
                    c.skipped_binary.len(),
                    c.skipped_binary[0].display()
                )
            };
            return Err(Error::usage("data.empty", what)
                .hint("point --data at UTF-8 text files (folders are read recursively)"));
        }
        Ok(c)
    }

    /// Checks that `context + 1` bytes fit in some file's training split.
    pub fn check_context(&self, context: usize) -> Result<()> {
        if self.longest_file_train < context + 1 {
            return Err(Error::usage(
                "jobspec.invalid",
                format!(
                    "model.context: {context} bytes is longer than every data file's training \
                     split (the longest is {} bytes)",
                    self.longest_file_train
                ),
            )
            .hint("lower model.context or add longer text files"));
        }
        Ok(())
    }
}

fn memchr_nul(b: &[u8]) -> bool {
    b.contains(&0)
}

/// The offsets of the windows in the batch a worker trains on at a step (see the module docs).
pub fn batch_offsets(
    seed: u64,
    round: u64,
    worker: &[u8; 20],
    step: u64,
    batch_size: usize,
    stream_len: usize,
    context: usize,
) -> Vec<usize> {
    let positions = (stream_len - context) as u64; // windows of context + 1 bytes
    let mut s = Stream::new(
        "cohort.batch.v1",
        &[
            &seed.to_le_bytes(),
            &round.to_le_bytes(),
            worker,
            &step.to_le_bytes(),
        ],
    );
    (0..batch_size)
        .map(|_| s.below(positions) as usize)
        .collect()
}

/// Inputs and targets (as u32 token ids) of windows at `offsets`.
pub fn windows(stream: &[u8], offsets: &[usize], context: usize) -> (Vec<u32>, Vec<u32>) {
    let mut x = Vec::with_capacity(offsets.len() * context);
    let mut y = Vec::with_capacity(offsets.len() * context);
    for &o in offsets {
        x.extend(stream[o..o + context].iter().map(|&b| b as u32));
        y.extend(stream[o + 1..o + context + 1].iter().map(|&b| b as u32));
    }
    (x, y)
}

/// Start offsets of evaluation windows: non-overlapping windows of `context + 1` bytes
/// (stride `context`), at most `cap` of them spread evenly over the stream.
pub fn eval_offsets(stream_len: usize, context: usize, cap: Option<usize>) -> Vec<usize> {
    if stream_len < context + 1 {
        return Vec::new();
    }
    let n = (stream_len - 1) / context;
    spread(n, cap).map(|i| i * context).collect()
}

/// Indices of `n` items, at most `cap` of them spread evenly (the first, then every n/cap-th),
/// in order.
pub fn spread(n: usize, cap: Option<usize>) -> impl Iterator<Item = usize> {
    let k = cap.map_or(n, |c| c.min(n));
    (0..k).map(move |i| i * n / k)
}

/// The entropy of the byte frequencies of `bytes`, in bits per byte: what a model that knows
/// only how often each byte occurs would achieve.
pub fn unigram_entropy_bits(bytes: &[u8]) -> f64 {
    let mut counts = [0u64; 256];
    for &b in bytes {
        counts[b as usize] += 1;
    }
    let n = bytes.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}
