//! Download (docs/protocol.md §4.2, with the Go client's proof checks): file info → segments with
//! proofs from the nodes that cover each shard → every segment's proof checked against the root
//! before it is written → a node that serves a bad or missing segment is reported and the next
//! one tried → the whole root recomputed at the end → atomic rename into place.
//!
//! Failover: a node whose connection fails is marked down and asked for no further segments in
//! this run; its segments go to the other holders at once. Now and then (every
//! [`PROBE_AFTER_SEGMENTS`] segments, at most once per [`PROBE_INTERVAL`]) it is probed in the
//! background and used again once it answers. Only when no holder of a segment is up are the
//! down ones asked again, with the usual retries.
//!
//! Data goes to `.<name>.part` next to the output, its roots to `.<name>.part.root`. An
//! interrupted download keeps both and the next run of the same roots continues from its last
//! whole segment (a `.part` of other roots is discarded first); the final root check covers the
//! whole file.

use std::collections::BTreeMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::task::JoinSet;

use super::merkle::{self, Hash, SEGMENT_SIZE};
use super::rpc::{NodeClient, RpcError};
use super::types::{FileInfo, ShardConfig, hex_hash};
use super::upload::{check_shard_configs, tree_of_range};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};

/// How a download runs.
#[derive(Debug, Clone)]
pub struct DownloadOptions {
    /// Replace an existing output file.
    pub force: bool,
    /// Segments fetched at once.
    pub concurrency: usize,
    /// Storage node URLs; empty means the profile's (its storage nodes, else the holders its
    /// indexer knows).
    pub nodes: Vec<String>,
}

impl Default for DownloadOptions {
    fn default() -> Self {
        DownloadOptions {
            force: false,
            concurrency: 16,
            nodes: Vec::new(),
        }
    }
}

/// What to do when the nodes that may hold a file do not answer.
const OFFLINE_HINT: &str = "the node(s) may be offline or the URL wrong: retry later, or name \
     another node that holds the file with --storage-node; a rerun resumes";

/// A node that is down is probed again after this many segments have been fetched…
pub const PROBE_AFTER_SEGMENTS: u64 = 32;
/// …and at most once in this interval.
pub const PROBE_INTERVAL: Duration = Duration::from_secs(1);
/// How long a probe may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// A node that served a bad or missing segment (the next node was tried).
#[derive(Debug, Clone, Serialize)]
pub struct BadSegment {
    pub node: String,
    pub root: String,
    pub segment: u64,
    pub reason: String,
}

/// The result of a download.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub path: PathBuf,
    pub roots: Vec<String>,
    pub size: u64,
    /// Data segments over all roots.
    pub segments: u64,
    /// Segments fetched by this run (the rest came from an earlier, interrupted run).
    pub segments_downloaded: u64,
    /// Bytes kept from an earlier interrupted run.
    pub resumed_bytes: u64,
    /// Nodes that served bad or missing segments.
    pub bad_segments: Vec<BadSegment>,
    /// Nodes that could not be reached and were marked down (their segments came from the
    /// other holders).
    pub nodes_marked_down: Vec<NodeDown>,
}

/// A node marked down during a download after a failed connection.
#[derive(Debug, Clone, Serialize)]
pub struct NodeDown {
    pub node: String,
    /// Requests to the node that failed to connect or to complete.
    pub failed_requests: u64,
    /// Background probes sent while it was down.
    pub probes: u64,
    /// Whether a probe or a last-resort request found it answering again.
    pub back_up: bool,
    /// The first failure.
    pub reason: String,
}

/// One root to fetch: where it sits in the output and which nodes hold it.
struct Part {
    root: Hash,
    size: u64,
    offset: u64,
    /// (node index, txSeq, start segment) for the nodes that hold the file finalized.
    holders: Vec<(usize, u64, u64)>,
}

/// Where a download into `out` keeps its bytes until they are verified (`.<name>.part`).
pub(crate) fn part_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.part"))
}

/// Where the roots a `.part` file holds are recorded (`.<name>.part.root`, one hex root a line):
/// a `.part` is only resumed by a download of the same roots.
pub(crate) fn part_roots_path(part: &Path) -> PathBuf {
    let mut name = part.file_name().unwrap_or_default().to_os_string();
    name.push(".root");
    part.with_file_name(name)
}

/// Where the roots of the segments a `.part` holds are recorded as they are written
/// (`.<name>.part.segs`, 32 bytes a segment, checked against each segment's proof): a resumed
/// download checks its kept bytes against them before fetching more.
pub(crate) fn part_segs_path(part: &Path) -> PathBuf {
    let mut name = part.file_name().unwrap_or_default().to_os_string();
    name.push(".segs");
    part.with_file_name(name)
}

/// Downloads the files `roots` (fragments, concatenated in order) into `out`.
pub async fn download(
    client: &Client,
    roots: &[Hash],
    out: &Path,
    opts: &DownloadOptions,
    progress: &dyn Progress,
) -> Result<DownloadReport> {
    if roots.is_empty() {
        return Err(Error::usage(
            "storage.no_root",
            "name at least one root to download",
        ));
    }
    if out == Path::new("-") {
        // Streamed to stdout: every segment is proof-checked before it is written, in order,
        // and the whole root is checked at the end (no `.part`, no resume).
        use std::os::fd::AsFd;
        let fd = std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|e| Error::failed("storage.write", format!("cannot write to stdout: {e}")))?;
        let (notes, rx) = super::rpc::notes_channel();
        let work = fetch_into(
            client,
            roots,
            (out, Path::new(".")),
            (std::fs::File::from(fd), out),
            opts,
            progress,
            notes,
        );
        return super::rpc::relaying(progress, rx, work).await;
    }
    let dir = check_output(out, opts)?;
    // The `.part` first: a folder that cannot be written fails before any node is asked.
    let part = part_path(out);
    let file = open_part(&part, roots, dir, progress)?;
    // The node clients' notes (waiting on a silent node, retrying, a node marked down) go to
    // `progress` while the download runs.
    let (notes, rx) = super::rpc::notes_channel();
    let work = fetch_into(
        client,
        roots,
        (out, dir),
        (file, &part),
        opts,
        progress,
        notes,
    );
    super::rpc::relaying(progress, rx, work)
        .await
        .map_err(|e| cleanup_on_error(e, &part))
}

/// [`download`] once the `.part` file is open.
async fn fetch_into(
    client: &Client,
    roots: &[Hash],
    (out, dir): (&Path, &Path),
    (mut file, part): (std::fs::File, &Path),
    opts: &DownloadOptions,
    progress: &dyn Progress,
    notes: super::rpc::Notes,
) -> Result<DownloadReport> {
    let (urls, from_indexer) =
        super::indexer::download_node_urls(client, &opts.nodes, roots).await?;
    // Clients that retry (and say so); one-attempt ones for failover and probes, silent.
    let nodes: Vec<NodeClient> = urls
        .iter()
        .map(|u| NodeClient::new(u).with_notes(notes.clone()))
        .collect();
    let quick: Vec<NodeClient> = urls
        .iter()
        .map(|u| NodeClient::new(u).with_transport_attempts(1))
        .collect();
    // As messages and the report show them: credentials masked.
    let urls: Vec<String> = nodes.iter().map(NodeClient::shown).collect();
    let health = Health::new(quick.clone(), notes);
    let _stop_probes = StopProbes(health.clone());
    // Per node, the transport error that marked it down before the segments (not asked again).
    let (cfgs, mut node_err) = live_shard_configs(&nodes, &health, from_indexer).await?;

    let known = (&urls[..], &cfgs[..]);
    let parts = locate(roots, &nodes, known, &health, &mut node_err, from_indexer).await?;
    let total = parts.last().map(|p| p.offset + p.size).unwrap_or_default();

    let streamed = part == Path::new("-");
    let ((k0, s0), resumed) = if streamed {
        ((0, 0), 0)
    } else {
        let at = resume_point(&mut file, part, &parts, total)?;
        check_kept(&mut file, part, &parts, at, progress).await?
    };
    // The record of the segments' roots, appended to as segments are written.
    let mut segs_record = if streamed {
        None
    } else {
        std::fs::OpenOptions::new()
            .append(true)
            .open(part_segs_path(part))
            .ok()
    };

    let task = progress.task(
        &format!(
            "downloading {}",
            out.file_name().unwrap_or_default().to_string_lossy()
        ),
        Some(total),
        Unit::Bytes,
    );
    task.set_position(resumed);
    let mut report = DownloadReport {
        path: out.to_path_buf(),
        roots: roots.iter().map(hex_hash::to_hex).collect(),
        size: total,
        segments: parts
            .iter()
            .map(|p| merkle::num_data_segments(p.size))
            .sum(),
        segments_downloaded: 0,
        resumed_bytes: resumed,
        bad_segments: Vec::new(),
        nodes_marked_down: Vec::new(),
    };
    let fetcher = Arc::new(Fetcher {
        batches: nodes
            .iter()
            .map(|_| std::sync::atomic::AtomicBool::new(true))
            .collect(),
        nodes,
        quick,
        cfgs,
        health: health.clone(),
    });
    // Per part from k0 on, the roots of the segments this run fetched and checked.
    let mut fetched: Vec<Vec<Hash>> = Vec::new();
    for (k, p) in parts.iter().enumerate().skip(k0) {
        let first = if k == k0 { s0 } else { 0 };
        let conc = opts.concurrency.max(1);
        let name = if streamed {
            "stdout".to_string()
        } else {
            part.display().to_string()
        };
        let mut roots = Vec::new();
        fetch_part(
            &fetcher,
            p,
            first,
            conc,
            (&mut file, &mut roots, segs_record.as_mut()),
            &mut report,
            &*task,
            &name,
        )
        .await?;
        fetched.push(roots);
    }
    health.stop_probes();
    report.nodes_marked_down = health.report();
    if streamed {
        file.flush().map_err(|e| write_error(e, "stdout"))?;
        drop(file);
        task.finish();
        for (p, roots) in parts.iter().zip(fetched) {
            let root = merkle::root_from_segment_roots(p.size, roots);
            if root != p.root {
                return Err(Error::verification(
                    "storage.root_mismatch",
                    format!(
                        "the data written to stdout hashes to {}, not {}",
                        hex_hash::to_hex(&root),
                        hex_hash::to_hex(&p.root)
                    ),
                )
                .hint("discard what was written and run the download again"));
            }
        }
        return Ok(report);
    }
    file.sync_all().map_err(|e| io_error("write", part, e))?;
    drop(file);
    task.finish();

    let resumed_at = (k0, s0);
    verify_and_place(&parts, resumed_at, fetched, part, (out, dir), progress).await?;
    Ok(report)
}

/// Refuses an output that is not a file path, is a folder, exists without `--force`, or sits in a
/// folder that does not exist (exit 2); returns its folder.
fn check_output<'a>(out: &'a Path, opts: &DownloadOptions) -> Result<&'a Path> {
    if out.file_name().is_none() {
        return Err(Error::usage(
            "storage.bad_output",
            format!("{} is not a file path", out.display()),
        ));
    }
    if out.is_dir() {
        return Err(Error::usage(
            "storage.output_is_dir",
            format!("{} is a folder", out.display()),
        )
        .hint("name the output file, e.g. -o folder/data.bin"));
    }
    if out.exists() && !opts.force {
        return Err(Error::usage(
            "storage.output_exists",
            format!("{} already exists", out.display()),
        )
        .hint("pass --force to replace it, or choose another -o path"));
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::usage(
            "storage.no_output_dir",
            format!("the folder {} does not exist", dir.display()),
        )
        .hint(format!(
            "create it first (`mkdir -p {}`), or give -o a path in a folder that exists",
            dir.display()
        )));
    }
    Ok(dir)
}

/// Finds, for every root in order, its size, its offset in the output and the nodes that hold
/// it finalized. A node that cannot be reached is marked down and not asked again. A shard of a
/// file that none of its holders stores is exit 3 (worth retrying: its holders may be offline or
/// still syncing), before anything is fetched.
async fn locate(
    roots: &[Hash],
    nodes: &[NodeClient],
    (urls, cfgs): (&[String], &[ShardConfig]),
    health: &Health,
    node_err: &mut [Option<RpcError>],
    from_indexer: bool,
) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    let mut offset = 0u64;
    for root in roots {
        let mut infos: Vec<(usize, FileInfo)> = Vec::new();
        let mut unreachable = None;
        for (i, n) in nodes.iter().enumerate() {
            if let Some(e) = &node_err[i] {
                unreachable.get_or_insert_with(|| e.clone());
                continue;
            }
            match n.file_info(root, true).await {
                Ok(Some(info)) if info.finalized => infos.push((i, info)),
                Ok(_) => {}
                Err(e @ RpcError::Transport { .. }) => {
                    health.failed(i, &e.to_string());
                    node_err[i] = Some(e.clone());
                    unreachable = Some(e)
                }
                Err(e) => return Err(e.into()),
            }
        }
        let Some((_, first)) = infos.first() else {
            if let Some(e) = unreachable {
                // A node that could not be asked may hold it: worth retrying, not "check the
                // root".
                let down: Vec<&str> = urls
                    .iter()
                    .zip(node_err.iter())
                    .filter(|(_, e)| e.is_some())
                    .map(|(u, _)| u.as_str())
                    .collect();
                let answered = urls.len() - down.len();
                let message = if answered == 0 {
                    format!(
                        "no storage node could be asked for file {}: {} did not answer",
                        hex_hash::to_hex(root),
                        down.join(", ")
                    )
                } else {
                    format!(
                        "none of the {answered} storage node(s) that answered holds file {} \
                         finalized, and {} did not answer (it may hold it)",
                        hex_hash::to_hex(root),
                        down.join(", ")
                    )
                };
                return Err(Error::unreachable("storage.unreachable", message)
                    .cause(e.to_string())
                    .hint(OFFLINE_HINT));
            }
            return Err(Error::failed(
                "storage.not_found",
                format!(
                    "no storage node holds file {} finalized (asked {})",
                    hex_hash::to_hex(root),
                    urls.join(", ")
                ),
            )
            .hint("check the root, and that the upload finished (`cohort storage info ROOT`)"));
        };
        let size = first.tx.size;
        let holders: Vec<(usize, u64, u64)> = infos
            .iter()
            .filter(|(_, i)| i.tx.size == size)
            .map(|(n, i)| {
                (
                    *n,
                    i.tx.seq,
                    i.tx.start_entry_index / merkle::SEGMENT_CHUNKS as u64,
                )
            })
            .collect();
        if let Some(e) = shard_unavailable(root, size, &holders, (urls, cfgs), from_indexer) {
            let down = urls.iter().zip(node_err.iter());
            let down = down
                .filter_map(|(u, e)| Some(format!("{u} could not be reached: {}", e.as_ref()?)));
            return Err(down.fold(e, |e, d| e.cause(d)));
        }
        parts.push(Part {
            root: *root,
            size,
            offset,
            holders,
        });
        offset += size;
    }
    Ok(parts)
}

/// The error (exit 3) naming the first shard of file `root` that none of its `holders` stores,
/// if there is one.
fn shard_unavailable(
    root: &Hash,
    size: u64,
    holders: &[(usize, u64, u64)],
    (urls, cfgs): (&[String], &[ShardConfig]),
    from_indexer: bool,
) -> Option<Error> {
    // The shards repeat every `max` segments: the first `max` segments tell.
    let max = holders.iter().map(|h| cfgs[h.0].num_shard).max()?;
    let seg = (0..merkle::num_data_segments(size).min(max)).find(|&s| {
        !holders
            .iter()
            .any(|&(ni, _, start)| cfgs[ni].covers(start + s))
    })?;
    let shard = (holders[0].2 + seg) % max;
    let list: Vec<String> = holders
        .iter()
        .map(|&(ni, _, _)| {
            let c = cfgs[ni];
            format!("{} ({}/{})", urls[ni], c.shard_id, c.num_shard)
        })
        .collect();
    let (message, hint) = if from_indexer {
        (
            format!(
                "no live storage node holds shard {shard}/{max} of file {} (segment {seg}): \
                 the indexer lists only {} as holders",
                hex_hash::to_hex(root),
                list.join(", ")
            ),
            "its holders may be offline or still syncing: rerun later, or name a node that \
             holds that shard with --storage-node",
        )
    } else {
        (
            format!(
                "no storage node that holds file {} finalized stores shard {shard}/{max} \
                 (segment {seg}): it is held only by {}",
                hex_hash::to_hex(root),
                list.join(", ")
            ),
            "add a storage node that holds that shard with --storage-node (or name none, to \
             ask the profile's indexer), or rerun later: its holders may be offline or still \
             syncing",
        )
    };
    Some(Error::unreachable("storage.shard_unavailable", message).hint(hint))
}

/// Opens the `.part` file of a download of `roots` and records the roots beside it. A `.part`
/// left by a download of other roots (or one that records none) is discarded first: it is only
/// ever resumed into the same file.
fn open_part(
    part: &Path,
    roots: &[Hash],
    dir: &Path,
    progress: &dyn Progress,
) -> Result<std::fs::File> {
    use std::os::fd::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(part)
        .map_err(|e| part_error("create", part, dir, e))?;
    // One download writes a `.part` at a time: a second into the same output would cut the
    // first's file or rename it away under it. The lock goes with the file (and with the
    // process, however it ends).
    // SAFETY: flock on a descriptor this function owns.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        let out = part
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.strip_suffix(".part"))
            .map_or_else(|| part.to_path_buf(), |n| part.with_file_name(n));
        return Err(Error::usage(
            "storage.output_in_use",
            format!(
                "another `cohort storage download` is writing {} now",
                out.display()
            ),
        )
        .hint("wait for it to finish (its file is then in place), or give this download another -o path"));
    }
    let record = part_roots_path(part);
    let want: String = roots
        .iter()
        .map(|r| format!("{}\n", hex_hash::to_hex(r)))
        .collect();
    if !std::fs::read_to_string(&record).is_ok_and(|r| r == want) {
        let len = file
            .metadata()
            .map_err(|e| part_error("read", part, dir, e))?
            .len();
        if len > 0 {
            progress.note(&format!(
                "{} is left from the download of another root: starting over",
                part.display()
            ));
            file.set_len(0)
                .map_err(|e| part_error("write", part, dir, e))?;
        }
        std::fs::write(&record, &want).map_err(|e| part_error("create", &record, dir, e))?;
    }
    // A `.part` that holds nothing starts its record of segment roots afresh; one kept without a
    // record (an older version's) is checked at the end only.
    let empty = file
        .metadata()
        .map_err(|e| part_error("read", part, dir, e))?
        .len()
        == 0;
    let segs = part_segs_path(part);
    if empty {
        std::fs::write(&segs, b"").map_err(|e| part_error("create", &segs, dir, e))?;
    }
    Ok(file)
}

/// Checks the bytes a resumed `.part` kept (`(k0, s0)`: whole parts before `k0`, the first `s0`
/// segments of part `k0`) against the segment roots recorded when they were written, and cuts
/// the file (and the record) back to the first segment that does not match, before anything
/// more is fetched. Returns where to go on and the bytes kept. Without a record, all is kept
/// (the final root check covers it).
async fn check_kept(
    file: &mut std::fs::File,
    part: &Path,
    parts: &[Part],
    ((k0, s0), resumed): ((usize, u64), u64),
    progress: &dyn Progress,
) -> Result<((usize, u64), u64)> {
    let segs_path = part_segs_path(part);
    let Ok(recorded) = std::fs::read(&segs_path) else {
        return Ok(((k0, s0), resumed));
    };
    if resumed == 0 {
        return Ok(((k0, s0), resumed));
    }
    let recorded: Vec<&[u8]> = recorded.chunks_exact(32).collect();
    let shared = Arc::new(file.try_clone().map_err(|e| Error::io("read", part, e))?);
    let task = progress.task("checking the kept part", Some(resumed), Unit::Bytes);
    let mut g = 0usize;
    let mut bad: Option<(usize, u64, u64)> = None;
    'parts: for (k, p) in parts.iter().enumerate().take(k0 + 1) {
        let segs = if k < k0 {
            merkle::num_data_segments(p.size)
        } else {
            s0
        };
        if segs == 0 {
            continue;
        }
        let len = (segs * SEGMENT_SIZE as u64).min(p.size);
        let tree = tree_of_range(shared.clone(), part, p.offset, len, task.clone()).await?;
        for (i, root) in tree.segment_roots.iter().take(segs as usize).enumerate() {
            if recorded.get(g).is_none_or(|r| *r != &root[..]) {
                bad = Some((k, i as u64, p.offset + i as u64 * SEGMENT_SIZE as u64));
                break 'parts;
            }
            g += 1;
        }
    }
    task.finish();
    // The record keeps the roots of the kept segments only: appends go on from there.
    let rec = std::fs::OpenOptions::new()
        .write(true)
        .open(&segs_path)
        .map_err(|e| Error::io("write", &segs_path, e))?;
    rec.set_len(g as u64 * 32)
        .map_err(|e| Error::io("truncate", &segs_path, e))?;
    let Some((k, s, at)) = bad else {
        return Ok(((k0, s0), resumed));
    };
    if recorded.len() > g {
        progress.note(&format!(
            "{} does not match what was downloaded from byte {at} on (segment {g}): fetching \
             from there again",
            part.display()
        ));
    }
    file.set_len(at)
        .map_err(|e| Error::io("truncate", part, e))?;
    file.seek(SeekFrom::Start(at))
        .map_err(|e| Error::io("seek", part, e))?;
    Ok(((k, s), at))
}

/// An error making the `.part` file (or its record) in the folder `dir`: a folder that cannot be
/// written is exit 2 naming it, before any node is asked.
fn part_error(action: &str, path: &Path, dir: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(libc::EROFS) {
        let shown = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        return Error::usage(
            "storage.output_not_writable",
            format!("cannot write in the folder {}", shown.display()),
        )
        .cause(format!("could not {action} {}: {e}", path.display()))
        .hint("give -o a path in a folder you can write to (the partial download goes beside it)");
    }
    io_error(action, path, e)
}

/// An I/O error on `path`; a full disk is `storage.disk_full`, with a hint to free space.
pub(crate) fn io_error(action: &str, path: &Path, e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        return write_error(e, &path.display().to_string());
    }
    Error::io(action, path, e)
}

/// Cuts the `.part` file back to the last whole segment of its verified prefix; returns where to
/// go on (part, segment) and the bytes kept.
fn resume_point(
    file: &mut std::fs::File,
    part: &Path,
    parts: &[Part],
    total: u64,
) -> Result<((usize, u64), u64)> {
    // Resume from the last whole segment of the verified prefix.
    let existing = file
        .metadata()
        .map_err(|e| Error::io("read", part, e))?
        .len()
        .min(total);
    let (mut k0, mut s0) = (0usize, 0u64);
    let mut resumed = 0u64;
    for (k, p) in parts.iter().enumerate() {
        if existing >= p.offset + p.size {
            resumed = p.offset + p.size;
            k0 = k + 1;
            s0 = 0;
            continue;
        }
        let segs = (existing - p.offset) / SEGMENT_SIZE as u64;
        resumed = p.offset + segs * SEGMENT_SIZE as u64;
        k0 = k;
        s0 = segs;
        break;
    }
    file.set_len(resumed)
        .map_err(|e| Error::io("truncate", part, e))?;
    file.seek(SeekFrom::Start(resumed))
        .map_err(|e| Error::io("seek", part, e))?;
    Ok(((k0, s0), resumed))
}

/// Checks every root at the end, then renames the `.part` into place (a mismatch removes it:
/// exit 5). A part this run fetched gets its root from the roots of its segments as written
/// (each computed from the bytes that went to the file and checked against its proof); the
/// bytes kept from an earlier run (whole parts before `k0`, the first `s0` segments of part
/// `k0`) are read back from the file and hashed.
async fn verify_and_place(
    parts: &[Part],
    (k0, s0): (usize, u64),
    fetched: Vec<Vec<Hash>>,
    part: &Path,
    (out, dir): (&Path, &Path),
    progress: &dyn Progress,
) -> Result<()> {
    let total: u64 = parts.iter().map(|p| p.size).sum();
    let check = progress.task("verifying", Some(total), Unit::Bytes);
    let f = Arc::new(std::fs::File::open(part).map_err(|e| Error::io("open", part, e))?);
    let mut fetched = fetched.into_iter();
    for (k, p) in parts.iter().enumerate() {
        let root = if k < k0 {
            tree_of_range(f.clone(), part, p.offset, p.size, check.clone())
                .await?
                .root
        } else {
            let mut roots = Vec::new();
            let mut kept = 0;
            if k == k0 && s0 > 0 {
                kept = s0 * SEGMENT_SIZE as u64;
                let t = tree_of_range(f.clone(), part, p.offset, kept, check.clone()).await?;
                roots.extend_from_slice(&t.segment_roots[..s0 as usize]);
            }
            // The fetched bytes' roots are at hand: they count as checked at once.
            check.inc(p.size - kept);
            roots.extend(fetched.next().unwrap_or_default());
            if roots.len() as u64 != merkle::num_data_segments(p.size) {
                let _ = std::fs::remove_file(part);
                return Err(Error::verification(
                    "storage.root_mismatch",
                    format!(
                        "{} of the {} segments of {} were checked",
                        roots.len(),
                        merkle::num_data_segments(p.size),
                        hex_hash::to_hex(&p.root)
                    ),
                )
                .hint("the partial file was removed; run the download again"));
            }
            merkle::root_from_segment_roots(p.size, roots)
        };
        if root != p.root {
            let _ = std::fs::remove_file(part);
            return Err(Error::verification(
                "storage.root_mismatch",
                format!(
                    "the downloaded data hashes to {}, not {}",
                    hex_hash::to_hex(&root),
                    hex_hash::to_hex(&p.root)
                ),
            )
            .hint("the partial file was removed; run the download again"));
        }
    }
    check.finish();
    std::fs::rename(part, out).map_err(|e| Error::io("move into place", out, e))?;
    let _ = std::fs::remove_file(part_roots_path(part));
    let _ = std::fs::remove_file(part_segs_path(part));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Keeps the `.part` (and the record of its roots) for resume, except when the disk is full or
/// nothing was written.
fn cleanup_on_error(e: Error, part: &Path) -> Error {
    let kept = std::fs::metadata(part).is_ok_and(|m| m.len() > 0);
    if e.code == "storage.disk_full" || !kept {
        let _ = std::fs::remove_file(part);
        let _ = std::fs::remove_file(part_roots_path(part));
        let _ = std::fs::remove_file(part_segs_path(part));
    }
    e
}

/// A segment's index, its checked data and segment root (or why none came), and the nodes that
/// served it badly.
type Fetched = (
    u64,
    std::result::Result<(Vec<u8>, Hash), Error>,
    Vec<BadSegment>,
);

#[allow(clippy::too_many_arguments)]
async fn fetch_part(
    fetcher: &Arc<Fetcher>,
    p: &Part,
    first: u64,
    concurrency: usize,
    (file, roots, mut segs_record): (
        &mut std::fs::File,
        &mut Vec<Hash>,
        Option<&mut std::fs::File>,
    ),
    report: &mut DownloadReport,
    task: &dyn crate::progress::Task,
    part_name: &str,
) -> Result<()> {
    let nsegs = merkle::num_data_segments(p.size);
    let mut next = first;
    let mut write_at = first;
    let mut done: BTreeMap<u64, (Vec<u8>, Hash)> = BTreeMap::new();
    let mut set: JoinSet<Vec<Fetched>> = JoinSet::new();
    let holders = Arc::new(p.holders.clone());
    let mut writeback = Writeback::at(p.offset + first * SEGMENT_SIZE as u64);
    // The first segment that no node served validly: nothing from it on is written, but the
    // segments before it still in flight are, so that a rerun resumes after all of them.
    let mut failed: Option<(u64, Error)> = None;
    loop {
        let stop = failed.as_ref().map_or(nsegs, |(s, _)| *s);
        if write_at >= stop {
            break;
        }
        // `concurrency` segments in flight, in groups of SEGMENTS_PER_REQUEST.
        let group = SEGMENTS_PER_REQUEST.min(concurrency as u64).max(1);
        let groups = (concurrency as u64).div_ceil(group) as usize;
        while next < stop && set.len() < groups && done.len() < 2 * concurrency {
            let (fetcher, holders) = (fetcher.clone(), holders.clone());
            let (root, size, segs) = (p.root, p.size, next..stop.min(next + group));
            next = segs.end;
            set.spawn(fetch_group(fetcher, holders, root, size, segs));
        }
        let Some(r) = set.join_next().await else {
            break;
        };
        let fetched = r.map_err(|e| Error::failed("storage.task", e.to_string()))?;
        for (seg, data, bad) in fetched {
            report.bad_segments.extend(bad);
            match data {
                Ok(d) => {
                    done.insert(seg, d);
                }
                Err(e) => {
                    if failed.as_ref().is_none_or(|(s, _)| seg < *s) {
                        failed = Some((seg, e));
                    }
                }
            }
        }
        while let Some((data, root)) = done.remove(&write_at) {
            let keep = ((p.size - write_at * SEGMENT_SIZE as u64).min(data.len() as u64)) as usize;
            file.write_all(&data[..keep])
                .map_err(|e| write_error(e, part_name))?;
            writeback.wrote(file, keep as u64);
            if let Some(rec) = segs_record.as_mut() {
                // A record that cannot be written only costs the check on resume.
                let _ = rec.write_all(&root);
            }
            roots.push(root);
            task.inc(keep as u64);
            report.segments_downloaded += 1;
            write_at += 1;
        }
    }
    match failed {
        Some((_, e)) => Err(e),
        None => Ok(()),
    }
}

/// Starts the disk writes of the `.part` file every [`Writeback::STEP`] bytes while the
/// download goes on, so that the `fsync` before the rename has only the last bytes left to
/// wait for (on Linux; elsewhere the `fsync` does it all).
struct Writeback {
    /// Where the bytes not yet handed to the disk start.
    from: u64,
    pending: u64,
}

impl Writeback {
    const STEP: u64 = 8 << 20;

    fn at(offset: u64) -> Writeback {
        Writeback {
            from: offset,
            pending: 0,
        }
    }

    fn wrote(&mut self, file: &std::fs::File, n: u64) {
        self.pending += n;
        if self.pending < Self::STEP {
            return;
        }
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            // SAFETY: a valid descriptor and range; the call only starts writeback (a failure
            // is harmless: the final fsync writes everything and reports errors).
            unsafe {
                libc::sync_file_range(
                    file.as_raw_fd(),
                    self.from as libc::off64_t,
                    self.pending as libc::off64_t,
                    libc::SYNC_FILE_RANGE_WRITE,
                );
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = file;
        self.from += self.pending;
        self.pending = 0;
    }
}

fn write_error(e: std::io::Error, what: &str) -> Error {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        Error::failed(
            "storage.disk_full",
            format!("the disk is full while writing {what}"),
        )
        .hint("free some space and download again")
    } else {
        Error::failed("storage.write", format!("could not write {what}: {e}"))
    }
}

/// What a download fetches with: per node a client that retries and one that fails over at once,
/// the shard configs and the nodes' health.
struct Fetcher {
    nodes: Vec<NodeClient>,
    quick: Vec<NodeClient>,
    cfgs: Vec<ShardConfig>,
    health: Arc<Health>,
    /// Per node: whether it is asked for several segments per request (until it fails a batch).
    batches: Vec<std::sync::atomic::AtomicBool>,
}

/// Reads the shard configs of the nodes that answer; a node that cannot be reached is marked
/// down (its error is returned in its slot). Fails when no node answers, or when the ones that
/// answer do not cover every shard. Nodes an indexer chose need not: they are the holders it
/// found live, and a shard none of them holds is reported per file by [`locate`].
async fn live_shard_configs(
    nodes: &[NodeClient],
    health: &Health,
    from_indexer: bool,
) -> Result<(Vec<ShardConfig>, Vec<Option<RpcError>>)> {
    let check = |nodes: &[NodeClient], cfgs: &[ShardConfig]| match check_shard_configs(nodes, cfgs)
    {
        Err(e) if from_indexer && e.code == "storage.shards_uncovered" => Ok(()),
        r => r,
    };
    let mut set = JoinSet::new();
    for (i, n) in nodes.iter().enumerate() {
        let n = n.clone();
        set.spawn(async move { (i, n.shard_config().await) });
    }
    let mut cfgs = vec![ShardConfig::default(); nodes.len()];
    let mut down: Vec<Option<RpcError>> = vec![None; nodes.len()];
    while let Some(r) = set.join_next().await {
        let (i, r) = r.map_err(|e| Error::failed("storage.task", e.to_string()))?;
        match r {
            Ok(c) => cfgs[i] = c,
            Err(e @ RpcError::Transport { .. }) => {
                health.failed(i, &e.to_string());
                down[i] = Some(e);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let live: Vec<usize> = (0..nodes.len()).filter(|&i| down[i].is_none()).collect();
    let Some(first_down) = down.iter().flatten().next().cloned() else {
        check(nodes, &cfgs)?;
        return Ok((cfgs, down));
    };
    if live.is_empty() {
        let all: Vec<String> = nodes.iter().map(NodeClient::shown).collect();
        return Err(Error::unreachable(
            "storage.unreachable",
            format!(
                "no storage node could be reached: {} did not answer",
                all.join(", ")
            ),
        )
        .cause(first_down.to_string())
        .hint(OFFLINE_HINT));
    }
    let live_nodes: Vec<NodeClient> = live.iter().map(|&i| nodes[i].clone()).collect();
    let live_cfgs: Vec<ShardConfig> = live.iter().map(|&i| cfgs[i]).collect();
    if let Err(e) = check(&live_nodes, &live_cfgs) {
        if e.code == "storage.shards_uncovered" {
            let dead: Vec<String> = (0..nodes.len())
                .filter(|&i| down[i].is_some())
                .map(|i| nodes[i].shown())
                .collect();
            return Err(Error::unreachable(
                "storage.unreachable",
                format!(
                    "the storage node(s) {} cannot be reached and the others do not hold every shard",
                    dead.join(", ")
                ),
            )
            .cause(e.message)
            .cause(first_down.to_string())
            .hint("check the nodes, then rerun the same command to resume"));
        }
        return Err(e);
    }
    Ok((cfgs, down))
}

/// Per node of a download: whether it is down, and what failover did.
#[derive(Default)]
struct NodeState {
    down: bool,
    ever_down: bool,
    /// When it was marked down or last probed.
    since: Option<Instant>,
    /// Segments fetched (by any node) at that moment.
    fetched_then: u64,
    probing: bool,
    failed_requests: u64,
    probes: u64,
    back_up: bool,
    reason: String,
}

/// The health of the nodes of one download, shared by its segment tasks.
struct Health {
    /// One-attempt clients, for probes.
    nodes: Vec<NodeClient>,
    /// Where a node marked down is reported while the download runs.
    notes: super::rpc::Notes,
    state: Mutex<Vec<NodeState>>,
    /// Segments fetched so far.
    fetched: AtomicU64,
    probes: Mutex<Vec<tokio::task::AbortHandle>>,
}

/// Stops the background probes when the download ends, whichever way.
struct StopProbes(Arc<Health>);

impl Drop for StopProbes {
    fn drop(&mut self) {
        self.0.stop_probes();
    }
}

impl Health {
    fn new(nodes: Vec<NodeClient>, notes: super::rpc::Notes) -> Arc<Health> {
        let state = Mutex::new(nodes.iter().map(|_| NodeState::default()).collect());
        Arc::new(Health {
            nodes,
            notes,
            state,
            fetched: AtomicU64::new(0),
            probes: Mutex::new(Vec::new()),
        })
    }

    /// Whether node `i` is up. For a node that is down and due a probe, starts one in the
    /// background (its answer brings the node back for later segments).
    fn is_up(self: &Arc<Self>, i: usize) -> bool {
        let mut st = self.state.lock().expect("health lock");
        let n = &mut st[i];
        if !n.down {
            return true;
        }
        let fetched = self.fetched.load(Ordering::Relaxed);
        let due = !n.probing
            && fetched >= n.fetched_then + PROBE_AFTER_SEGMENTS
            && n.since.is_none_or(|t| t.elapsed() >= PROBE_INTERVAL);
        if due {
            n.probing = true;
            n.probes += 1;
            drop(st);
            let h = self.clone();
            let task = tokio::spawn(async move {
                let ok = matches!(
                    tokio::time::timeout(PROBE_TIMEOUT, h.nodes[i].status()).await,
                    Ok(Ok(_))
                );
                h.probed(i, ok);
            });
            self.probes
                .lock()
                .expect("probes lock")
                .push(task.abort_handle());
        }
        false
    }

    fn probed(&self, i: usize, ok: bool) {
        let fetched = self.fetched.load(Ordering::Relaxed);
        let mut st = self.state.lock().expect("health lock");
        let n = &mut st[i];
        n.probing = false;
        if ok {
            n.down = false;
            n.back_up = true;
            (self.notes)(&format!(
                "the storage node at {} answers again",
                self.nodes[i].shown()
            ));
        } else {
            n.since = Some(Instant::now());
            n.fetched_then = fetched;
            tracing::debug!("storage node {} is still down", self.nodes[i].shown());
        }
    }

    /// A request to node `i` failed in transport: it is down.
    fn failed(&self, i: usize, reason: &str) {
        let fetched = self.fetched.load(Ordering::Relaxed);
        let mut st = self.state.lock().expect("health lock");
        let n = &mut st[i];
        n.failed_requests += 1;
        if !n.down {
            n.down = true;
            n.ever_down = true;
            n.since = Some(Instant::now());
            n.fetched_then = fetched;
            if n.reason.is_empty() {
                n.reason = reason.to_string();
            }
            (self.notes)(&format!(
                "{reason}; asking the other nodes instead (and it again now and then)"
            ));
        }
    }

    /// Node `i` served a valid segment for a request sent at `sent`.
    fn served(&self, i: usize, sent: Instant) {
        self.fetched.fetch_add(1, Ordering::Relaxed);
        let mut st = self.state.lock().expect("health lock");
        let n = &mut st[i];
        // An answer to a request sent before the node was marked down says nothing new.
        if n.down && n.since.is_none_or(|t| sent >= t) {
            n.down = false;
            n.back_up = true;
        }
    }

    fn stop_probes(&self) {
        for p in self.probes.lock().expect("probes lock").drain(..) {
            p.abort();
        }
    }

    fn report(&self) -> Vec<NodeDown> {
        let st = self.state.lock().expect("health lock");
        st.iter()
            .zip(&self.nodes)
            .filter(|(n, _)| n.ever_down)
            .map(|(n, c)| NodeDown {
                node: c.shown(),
                failed_requests: n.failed_requests,
                probes: n.probes,
                back_up: n.back_up,
                reason: n.reason.clone(),
            })
            .collect()
    }
}

/// What one request for a segment gave.
enum Outcome {
    /// The segment's data and its root, checked against the file root.
    Served(Vec<u8>, Hash),
    /// The node could not be reached.
    Unreachable(String),
    /// The node answered without a valid segment.
    Bad(String),
}

async fn ask(
    f: &Fetcher,
    client: &NodeClient,
    (ni, tx_seq, _): (usize, u64, u64),
    root: Hash,
    size: u64,
    seg: u64,
) -> Outcome {
    let sent = Instant::now();
    let answer = client
        .download_segment_with_proof_by_tx_seq(tx_seq, seg)
        .await;
    check(f, ni, sent, root, size, seg, answer)
}

/// What node `ni`'s answer (to a request sent at `sent`) for segment `seg` is worth: the
/// segment, checked against the file root, or why not.
fn check(
    f: &Fetcher,
    ni: usize,
    sent: Instant,
    root: Hash,
    size: u64,
    seg: u64,
    answer: std::result::Result<Option<super::SegmentWithProof>, RpcError>,
) -> Outcome {
    match answer {
        Ok(Some(s)) => {
            if s.index != seg {
                Outcome::Bad(format!("sent segment {} instead", s.index))
            } else if s.root != root {
                Outcome::Bad("sent a segment of another root".to_string())
            } else {
                match merkle::verify_segment(&root, &s.data, seg, size, &s.proof) {
                    Ok(seg_root) => {
                        f.health.served(ni, sent);
                        Outcome::Served(s.data, seg_root)
                    }
                    Err(e) => Outcome::Bad(format!("invalid segment: {e}")),
                }
            }
        }
        Ok(None) => Outcome::Bad("does not have the segment".to_string()),
        Err(e) if e.is_transport() => {
            let reason = e.to_string();
            f.health.failed(ni, &reason);
            Outcome::Unreachable(reason)
        }
        Err(e) => Outcome::Bad(e.to_string()),
    }
}

/// Segments asked of one node in one HTTP request (a JSON-RPC batch of
/// `zgs_downloadSegmentWithProofByTxSeq` calls, 1 MiB of data): a node counts one request
/// against its per-peer rate (`cohort node run`: 500 a second by default), so one segment per
/// request held a download to 131 MB/s once the node's burst was spent.
pub const SEGMENTS_PER_REQUEST: u64 = 4;

/// Fetches segments `segs`: each goes to its first choice among the holders (as
/// [`fetch_segment`]'s first pass picks), in one batch per node; a segment that does not come
/// back valid from its batch, or that no batch could carry, is fetched on its own by
/// [`fetch_segment`], with all its fallbacks, and its bad answers reported there.
async fn fetch_group(
    f: Arc<Fetcher>,
    holders: Arc<Vec<(usize, u64, u64)>>,
    root: Hash,
    size: u64,
    segs: std::ops::Range<u64>,
) -> Vec<Fetched> {
    let n = holders.len().max(1);
    // By node and the tx it holds the file as.
    let mut batches: BTreeMap<(usize, u64), Vec<u64>> = BTreeMap::new();
    let mut alone = Vec::new();
    for seg in segs {
        let pick = (0..holders.len())
            .map(|j| holders[(seg as usize + j) % n])
            .find(|&(ni, _, start_seg)| f.cfgs[ni].covers(start_seg + seg) && f.health.is_up(ni));
        match pick {
            Some((ni, tx_seq, _)) if f.batches[ni].load(Ordering::Relaxed) => {
                batches.entry((ni, tx_seq)).or_default().push(seg)
            }
            _ => alone.push(seg),
        }
    }
    let asks = batches.into_iter().map(|((ni, tx_seq), list)| {
        let f = &f;
        async move {
            let sent = Instant::now();
            let answers = f.quick[ni]
                .download_segments_with_proof_by_tx_seq(tx_seq, &list)
                .await;
            (ni, sent, list, answers)
        }
    });
    let mut out = Vec::new();
    for (ni, sent, list, answers) in futures::future::join_all(asks).await {
        match answers {
            Ok(answers) => {
                for (seg, answer) in list.into_iter().zip(answers) {
                    match check(&f, ni, sent, root, size, seg, answer) {
                        Outcome::Served(data, seg_root) => {
                            out.push((seg, Ok((data, seg_root)), Vec::new()))
                        }
                        _ => alone.push(seg),
                    }
                }
            }
            Err(e) => {
                if e.is_transport() {
                    f.health.failed(ni, &e.to_string());
                } else {
                    // A node that does not answer batches gets one segment per request.
                    tracing::info!(
                        "storage node {}: {e}; asking it for one segment per request",
                        f.quick[ni].shown()
                    );
                    f.batches[ni].store(false, Ordering::Relaxed);
                }
                alone.extend(list);
            }
        }
    }
    let singles = alone
        .into_iter()
        .map(|seg| fetch_segment(&f, &holders, root, size, seg));
    out.extend(futures::future::join_all(singles).await);
    out
}

/// Fetches segment `seg` from the first holder (starting at `seg % n`) that covers its shard, is
/// up and serves it with a valid proof; when none does, asks the holders that are down or failed
/// to connect again, with retries.
async fn fetch_segment(
    f: &Fetcher,
    holders: &[(usize, u64, u64)],
    root: Hash,
    size: u64,
    seg: u64,
) -> Fetched {
    let n = holders.len().max(1);
    let covering: Vec<(usize, u64, u64)> = (0..holders.len())
        .map(|j| holders[(seg as usize + j) % n])
        .filter(|&(ni, _, start_seg)| f.cfgs[ni].covers(start_seg + seg))
        .collect();
    let mut bad = Vec::new();
    let mut details = Vec::new();
    let mut tried: Vec<String> = Vec::new();
    let mut all_unreachable = true;
    let mut again = Vec::new();
    for pass in 0..2 {
        let list = if pass == 0 {
            covering.clone()
        } else {
            std::mem::take(&mut again)
        };
        for h in list {
            let ni = h.0;
            let client = if pass == 0 {
                if !f.health.is_up(ni) {
                    again.push(h);
                    continue;
                }
                &f.quick[ni]
            } else {
                &f.nodes[ni]
            };
            let url = client.shown();
            let url = url.as_str();
            if !tried.iter().any(|t| t == url) {
                tried.push(url.to_string());
            }
            match ask(f, client, h, root, size, seg).await {
                Outcome::Served(data, seg_root) => return (seg, Ok((data, seg_root)), bad),
                Outcome::Unreachable(reason) => {
                    if pass == 0 {
                        again.push(h);
                    }
                    details.push(reason);
                }
                Outcome::Bad(reason) => {
                    all_unreachable = false;
                    tracing::warn!("storage node {url} segment {seg}: {reason}");
                    details.push(format!("{url}: {reason}"));
                    bad.push(BadSegment {
                        node: url.into(),
                        root: hex_hash::to_hex(&root),
                        segment: seg,
                        reason,
                    });
                }
            }
        }
    }
    let err = if tried.is_empty() {
        Error::unreachable(
            "storage.shard_unavailable",
            format!(
                "no storage node that holds {} stores segment {seg}",
                hex_hash::to_hex(&root)
            ),
        )
        .hint("add a storage node that holds its shard with --storage-node, or rerun later")
    } else if all_unreachable {
        Error::unreachable(
            "storage.unreachable",
            format!(
                "no storage node could be reached for segment {seg}: {}",
                tried.join(", ")
            ),
        )
        .hint("check the nodes, then rerun the same command to resume")
    } else {
        Error::verification(
            "storage.no_valid_segment",
            format!(
                "no storage node serves a valid segment {seg} of {} (tried {})",
                hex_hash::to_hex(&root),
                tried.join(", ")
            ),
        )
        .hint("rerun later or add nodes with --storage-node; the verified part is kept for resume")
    };
    let err = details.into_iter().fold(err, |e, d| e.cause(d));
    (seg, Err(err), bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_written_is_a_usage_error_naming_it_and_a_full_disk_says_so() {
        let dir = Path::new("/data/ro");
        let part = part_path(&dir.join("x.bin"));
        assert_eq!(part, dir.join(".x.bin.part"));
        assert_eq!(part_roots_path(&part), dir.join(".x.bin.part.root"));
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = part_error("create", &part, dir, denied);
        assert_eq!(e.kind, crate::error::ErrorKind::Usage);
        assert_eq!(e.code, "storage.output_not_writable");
        assert!(e.message.contains("/data/ro"), "{}", e.message);
        assert!(e.hint.unwrap().contains("-o"));
        let e = part_error(
            "create",
            &part,
            dir,
            std::io::Error::from_raw_os_error(libc::EROFS),
        );
        assert_eq!(e.code, "storage.output_not_writable");
        let e = part_error(
            "create",
            &part,
            dir,
            std::io::Error::from_raw_os_error(libc::ENOSPC),
        );
        assert_eq!(e.code, "storage.disk_full");
        assert!(e.hint.unwrap().contains("free"));
    }

    #[tokio::test]
    async fn a_failed_node_stays_down_until_a_request_sent_after_the_failure_succeeds() {
        let h = Health::new(
            vec![
                NodeClient::new("http://127.0.0.1:9"),
                NodeClient::new("http://127.0.0.1:10"),
            ],
            Arc::new(|_: &str| {}),
        );
        let before = Instant::now();
        assert!(h.is_up(0));
        h.failed(0, "refused");
        h.failed(0, "refused again");
        assert!(!h.is_up(0));
        assert!(h.is_up(1));
        // A late answer to a request sent before it was marked down does not bring it back.
        h.served(0, before);
        assert!(!h.is_up(0));
        // No probe before PROBE_AFTER_SEGMENTS more segments were fetched.
        for _ in 1..PROBE_AFTER_SEGMENTS {
            h.served(1, Instant::now());
        }
        assert!(!h.is_up(0));
        assert_eq!(h.report()[0].probes, 0);
        // An answer to a later request (a last resort) does.
        h.served(0, Instant::now());
        assert!(h.is_up(0));
        let r = h.report();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].node, "http://127.0.0.1:9");
        assert_eq!(r[0].failed_requests, 2);
        assert_eq!(r[0].reason, "refused");
        assert!(r[0].back_up);
    }

    #[tokio::test]
    async fn a_down_node_is_probed_once_enough_segments_and_time_have_passed() {
        let dead = NodeClient::new("http://127.0.0.1:9").with_transport_attempts(1);
        let h = Health::new(
            vec![dead, NodeClient::new("http://127.0.0.1:10")],
            Arc::new(|_: &str| {}),
        );
        h.failed(0, "refused");
        for _ in 0..PROBE_AFTER_SEGMENTS {
            h.served(1, Instant::now());
        }
        tokio::time::sleep(PROBE_INTERVAL).await;
        assert!(!h.is_up(0), "the probe runs in the background");
        assert!(!h.is_up(0));
        for _ in 0..100 {
            if !h.state.lock().unwrap()[0].probing {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let r = h.report();
        assert_eq!(
            r[0].probes, 1,
            "one probe at a time, then not before the next segments"
        );
        assert_eq!(r[0].failed_requests, 1, "a probe is not a segment request");
        assert!(!r[0].back_up);
        assert!(!h.is_up(0));
        assert_eq!(h.report()[0].probes, 1);
    }
}
