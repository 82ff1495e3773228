//! Download (docs/protocol.md §4.2, with the Go client's proof checks): file info → segments with
//! proofs from the nodes that cover each shard → every segment's proof checked against the root
//! before it is written → a node that serves a bad or missing segment is reported and the next
//! one tried → the whole root recomputed at the end → atomic rename into place.
//!
//! Data goes to `.<name>.part` next to the output. An interrupted download keeps it and the
//! next run continues from its last whole segment; the final root check covers the whole file.

use std::collections::BTreeMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use tokio::task::JoinSet;

use super::merkle::{self, Hash, SEGMENT_SIZE};
use super::rpc::{NodeClient, RpcError};
use super::types::{FileInfo, ShardConfig, hex_hash};
use super::upload::{node_urls, shard_configs, tree_of_range};
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
    /// Storage node URLs; empty means the profile's.
    pub nodes: Vec<String>,
}

impl Default for DownloadOptions {
    fn default() -> Self {
        DownloadOptions {
            force: false,
            concurrency: 8,
            nodes: Vec::new(),
        }
    }
}

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
}

/// One root to fetch: where it sits in the output and which nodes hold it.
struct Part {
    root: Hash,
    size: u64,
    offset: u64,
    /// (node index, txSeq, start segment) for the nodes that hold the file finalized.
    holders: Vec<(usize, u64, u64)>,
}

fn part_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.part"))
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
        ));
    }
    let urls = node_urls(client, &opts.nodes)?;
    let nodes: Vec<NodeClient> = urls.iter().map(|u| NodeClient::new(u)).collect();
    let cfgs = shard_configs(&nodes).await?;

    // File info for every root from every node.
    let mut parts = Vec::new();
    let mut offset = 0u64;
    for root in roots {
        let mut infos: Vec<(usize, FileInfo)> = Vec::new();
        let mut unreachable = None;
        for (i, n) in nodes.iter().enumerate() {
            match n.file_info(root, true).await {
                Ok(Some(info)) if info.finalized => infos.push((i, info)),
                Ok(_) => {}
                Err(e @ RpcError::Transport { .. }) => unreachable = Some(e),
                Err(e) => return Err(e.into()),
            }
        }
        let Some((_, first)) = infos.first() else {
            if let Some(e) = unreachable {
                return Err(e.into());
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
        let holders = infos
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
        parts.push(Part {
            root: *root,
            size,
            offset,
            holders,
        });
        offset += size;
    }
    let total = offset;

    let part = part_path(out);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&part)
        .map_err(|e| Error::io("create", &part, e))?;
    // Resume from the last whole segment of the verified prefix.
    let existing = file
        .metadata()
        .map_err(|e| Error::io("read", &part, e))?
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
        .map_err(|e| Error::io("truncate", &part, e))?;
    file.seek(SeekFrom::Start(resumed))
        .map_err(|e| Error::io("seek", &part, e))?;

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
    };
    let nodes = Arc::new(nodes);
    for (k, p) in parts.iter().enumerate().skip(k0) {
        let first = if k == k0 { s0 } else { 0 };
        let conc = opts.concurrency.max(1);
        let name = part.display().to_string();
        let r = fetch_part(
            &nodes,
            &cfgs,
            p,
            first,
            conc,
            &mut file,
            &mut report,
            &*task,
            &name,
        )
        .await;
        if let Err(e) = r {
            return Err(cleanup_on_error(e, &part));
        }
    }
    file.sync_all()
        .map_err(|e| cleanup_on_error(Error::io("write", &part, e), &part))?;
    drop(file);
    task.finish();

    // Recompute every root over the whole file before it goes into place.
    let check = progress.task("verifying", Some(total), Unit::Bytes);
    let f = Arc::new(std::fs::File::open(&part).map_err(|e| Error::io("open", &part, e))?);
    for p in &parts {
        let tree = tree_of_range(f.clone(), &part, p.offset, p.size, check.clone()).await?;
        if tree.root != p.root {
            let _ = std::fs::remove_file(&part);
            return Err(Error::verification(
                "storage.root_mismatch",
                format!(
                    "the downloaded data hashes to {}, not {}",
                    hex_hash::to_hex(&tree.root),
                    hex_hash::to_hex(&p.root)
                ),
            )
            .hint("the partial file was removed; run the download again"));
        }
    }
    check.finish();
    std::fs::rename(&part, out).map_err(|e| Error::io("move into place", out, e))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(report)
}

/// Keeps the `.part` for resume, except when the disk is full or nothing was written.
fn cleanup_on_error(e: Error, part: &Path) -> Error {
    let empty = std::fs::metadata(part)
        .map(|m| m.len() == 0)
        .unwrap_or(false);
    if e.code == "storage.disk_full" || empty {
        let _ = std::fs::remove_file(part);
    }
    e
}

type Fetched = (u64, std::result::Result<Vec<u8>, Error>, Vec<BadSegment>);

#[allow(clippy::too_many_arguments)]
async fn fetch_part(
    nodes: &Arc<Vec<NodeClient>>,
    cfgs: &[ShardConfig],
    p: &Part,
    first: u64,
    concurrency: usize,
    file: &mut std::fs::File,
    report: &mut DownloadReport,
    task: &dyn crate::progress::Task,
    part_name: &str,
) -> Result<()> {
    let nsegs = merkle::num_data_segments(p.size);
    let mut next = first;
    let mut write_at = first;
    let mut done: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
    let mut set: JoinSet<Fetched> = JoinSet::new();
    let holders = Arc::new(p.holders.clone());
    let cfgs = Arc::new(cfgs.to_vec());
    while write_at < nsegs {
        while next < nsegs && set.len() < concurrency && done.len() < 2 * concurrency {
            let (nodes, cfgs, holders) = (nodes.clone(), cfgs.clone(), holders.clone());
            let (root, size, seg) = (p.root, p.size, next);
            set.spawn(async move { fetch_segment(&nodes, &cfgs, &holders, root, size, seg).await });
            next += 1;
        }
        let Some(r) = set.join_next().await else {
            break;
        };
        let (seg, data, bad) = r.map_err(|e| Error::failed("storage.task", e.to_string()))?;
        report.bad_segments.extend(bad);
        done.insert(seg, data?);
        while let Some(data) = done.remove(&write_at) {
            let keep = ((p.size - write_at * SEGMENT_SIZE as u64).min(data.len() as u64)) as usize;
            file.write_all(&data[..keep])
                .map_err(|e| write_error(e, part_name))?;
            task.inc(keep as u64);
            report.segments_downloaded += 1;
            write_at += 1;
        }
    }
    Ok(())
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

/// Fetches segment `seg` from the first holder (starting at `seg % n`) that covers its shard and
/// serves it with a valid proof.
async fn fetch_segment(
    nodes: &[NodeClient],
    cfgs: &[ShardConfig],
    holders: &[(usize, u64, u64)],
    root: Hash,
    size: u64,
    seg: u64,
) -> Fetched {
    let n = holders.len().max(1);
    let mut bad = Vec::new();
    let mut tried = Vec::new();
    let mut all_unreachable = true;
    for j in 0..holders.len() {
        let (ni, tx_seq, start_seg) = holders[(seg as usize + j) % n];
        if !cfgs[ni].covers(start_seg + seg) {
            continue;
        }
        let node = &nodes[ni];
        tried.push(node.url().to_string());
        let reason = match node
            .download_segment_with_proof_by_tx_seq(tx_seq, seg)
            .await
        {
            Ok(Some(s)) => {
                if s.index != seg {
                    format!("sent segment {} instead", s.index)
                } else if s.root != root {
                    "sent a segment of another root".to_string()
                } else {
                    match merkle::verify_segment(&root, &s.data, seg, size, &s.proof) {
                        Ok(()) => return (seg, Ok(s.data), bad),
                        Err(e) => format!("invalid segment: {e}"),
                    }
                }
            }
            Ok(None) => "does not have the segment".to_string(),
            Err(e) => {
                if !e.is_transport() {
                    all_unreachable = false;
                }
                let reason = e.to_string();
                bad.push(BadSegment {
                    node: node.url().into(),
                    root: hex_hash::to_hex(&root),
                    segment: seg,
                    reason,
                });
                continue;
            }
        };
        all_unreachable = false;
        tracing::warn!("storage node {} segment {seg}: {reason}", node.url());
        bad.push(BadSegment {
            node: node.url().into(),
            root: hex_hash::to_hex(&root),
            segment: seg,
            reason,
        });
    }
    let details: Vec<String> = bad
        .iter()
        .map(|b| format!("{}: {}", b.node, b.reason))
        .collect();
    let err = if tried.is_empty() {
        Error::verification(
            "storage.no_holder",
            format!(
                "no storage node that holds {} covers segment {seg}",
                hex_hash::to_hex(&root)
            ),
        )
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
