//! `dataset verify`: asks every storage node of the profile about every contributed file and
//! flags the ones the network no longer serves in full. A file is served when each of its data
//! segments is covered by a node whose shard holds that segment and which reports the file
//! finalized (all of its shard's segments on disk). `--deep` also downloads each file and checks
//! its size and blake3 hash.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use alloy::primitives::{Address, B256};
use serde::Serialize;

use super::{ContributionInfo, Registry, ReviewStatus};
use crate::chain::parallel;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit};
use crate::storage::merkle::{SEGMENT_CHUNKS, num_data_segments};
use crate::storage::rpc::NodeClient;
use crate::storage::types::{FileInfo, ShardConfig};

/// What a node said about itself.
#[derive(Debug, Clone, Serialize)]
pub struct NodeState {
    pub url: String,
    pub reachable: bool,
    #[serde(serialize_with = "shard_snake_case")]
    pub shard: Option<ShardConfig>,
    pub error: Option<String>,
}

/// A node's shard with this tool's snake_case keys (the protocol's JSON is camelCase).
fn shard_snake_case<S: serde::Serializer>(
    shard: &Option<ShardConfig>,
    ser: S,
) -> std::result::Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Shard {
        shard_id: u64,
        num_shard: u64,
    }
    shard
        .map(|c| Shard {
            shard_id: c.shard_id,
            num_shard: c.num_shard,
        })
        .serialize(ser)
}

/// The verdict on one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Every segment is served by a node that has the file finalized (and, deep, the bytes
    /// match).
    Ok,
    /// No reachable node knows the file's root.
    Missing,
    /// Nodes know the file, but some segments are not on any node that should hold them.
    Unfinalized,
    /// Deep: the download failed.
    Unavailable,
    /// Deep: the bytes do not match the recorded size or blake3 hash.
    Corrupt,
}

/// One file's check.
#[derive(Debug, Clone, Serialize)]
pub struct FileCheck {
    pub index: u64,
    pub contributor: Address,
    pub path: String,
    pub root: B256,
    pub size: u64,
    pub review: ReviewStatus,
    pub status: FileStatus,
    /// Nodes that should serve part of the file and do not.
    pub lacking: Vec<String>,
    pub detail: Option<String>,
    /// Every segment not served lies in a shard that no reachable node holds: its nodes may
    /// only be offline (an indexer lists only the nodes it reaches).
    #[serde(skip)]
    pub offline: bool,
}

/// The result of `verify`.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub dataset_id: u64,
    pub name: String,
    pub deep: bool,
    pub nodes: Vec<NodeState>,
    pub files: Vec<FileCheck>,
    pub ok: u64,
    pub flagged: u64,
}

impl VerifyReport {
    /// The error to exit with when any file is flagged (exit 5).
    pub fn failure(&self) -> Option<Error> {
        if self.flagged == 0 {
            return None;
        }
        // A node that could not be asked may hold what is flagged: worth retrying (exit 3),
        // not a finding against the files.
        let down: Vec<&NodeState> = self.nodes.iter().filter(|n| !n.reachable).collect();
        if let Some(first) = down.first() {
            return Some(
                Error::unreachable(
                    "dataset.nodes_unreachable",
                    format!(
                        "{} of {} files of dataset '{}' could not be confirmed: {} of {} storage nodes could not be reached ({}: {})",
                        self.flagged,
                        self.files.len(),
                        self.name,
                        down.len(),
                        self.nodes.len(),
                        first.url,
                        first.error.as_deref().unwrap_or("no answer")
                    ),
                )
                .hint("rerun when the storage nodes answer (`cohort config show` lists them)"),
            );
        }
        // Shards no reachable node holds (an indexer does not list the nodes it cannot reach):
        // the files flagged only there may be served again once their nodes are back.
        let offline = self.files.iter().filter(|f| f.offline).count() as u64;
        if offline == self.flagged {
            return Some(
                Error::unreachable(
                    "dataset.shards_unreachable",
                    format!(
                        "{} of {} files of dataset '{}' could not be confirmed: the segments they lack are in shard {}, which no reachable storage node holds",
                        self.flagged,
                        self.files.len(),
                        self.name,
                        self.missing_shards().join(", ")
                    ),
                )
                .hint("the nodes of that shard may be offline for now: rerun when they answer"),
            );
        }
        let also = if offline > 0 {
            format!(
                " ({offline} of them lack only segments of shard {}, which no reachable node holds)",
                self.missing_shards().join(", ")
            )
        } else {
            String::new()
        };
        Some(
            Error::verification(
                "dataset.not_served",
                format!(
                    "{} of {} files of dataset '{}' are not fully served by the storage nodes{also}",
                    self.flagged,
                    self.files.len(),
                    self.name
                ),
            )
            .hint(
                "a contributor sends a flagged file's segments again with `cohort storage upload FILE` (it finds the file's submission: no second fee); `dataset upload` skips files already recorded",
            ),
        )
    }

    /// The shards (`k/n`) that no reachable node holds.
    fn missing_shards(&self) -> Vec<String> {
        let held: Vec<ShardConfig> = self.nodes.iter().filter_map(|n| n.shard).collect();
        let n = held.iter().map(|c| c.num_shard).max().unwrap_or(1).max(1);
        (0..n)
            .filter(|r| !held.iter().any(|c| c.covers(*r)))
            .map(|r| format!("{r}/{n}"))
            .collect()
    }
}

/// Per-node answer about one root.
#[derive(Debug, Clone)]
enum Answer {
    Unreachable(String),
    Unknown,
    Known(Box<FileInfo>),
}

/// Checks every contribution of dataset `id` against the profile's storage nodes.
pub async fn verify(
    client: &Client,
    reg: &Registry,
    id: u64,
    deep: bool,
    progress: Arc<dyn Progress>,
) -> Result<VerifyReport> {
    let info = reg.info(id).await?;
    // The profile's storage nodes, else every node its indexer lists.
    let urls = &crate::storage::indexer::all_node_urls(client, &[]).await?;
    let notes: crate::storage::rpc::Notes = {
        let p = progress.clone();
        Arc::new(move |m: &str| p.note(m))
    };
    let nodes: Vec<NodeClient> = urls
        .iter()
        .map(|u| NodeClient::new(u).with_notes(notes.clone()))
        .collect();
    // Asked at once: a silent node costs one read timeout, not one per node.
    let shards = futures::future::join_all(nodes.iter().map(|n| n.shard_config())).await;
    let states: Vec<NodeState> = nodes
        .iter()
        .zip(shards)
        .map(|(n, r)| match r {
            Ok(sh) => NodeState {
                url: n.shown(),
                reachable: true,
                shard: Some(sh),
                error: None,
            },
            Err(e) => NodeState {
                url: n.shown(),
                reachable: false,
                shard: None,
                error: Some(e.to_string()),
            },
        })
        .collect();
    let contributions = reg.contributions(id).await?;
    let task = progress.task(
        "checking files",
        Some(contributions.len() as u64),
        Unit::Items,
    );

    // One query per distinct root.
    let mut roots: Vec<B256> = contributions.iter().map(|c| c.root).collect();
    roots.sort();
    roots.dedup();
    // A node that could not be asked for its shard is not asked about every file (each would
    // wait for it again): it counts as unreachable for all of them.
    let nodes: Arc<Vec<(NodeClient, Option<String>)>> = Arc::new(
        nodes
            .into_iter()
            .zip(&states)
            .map(|(n, s)| (n, s.error.clone().filter(|_| !s.reachable)))
            .collect(),
    );
    let answers: Vec<(B256, Vec<Answer>)> = {
        let nodes = nodes.clone();
        parallel(roots, move |root| {
            let nodes = nodes.clone();
            async move {
                let mut per_node = Vec::with_capacity(nodes.len());
                for (n, down) in nodes.iter() {
                    if let Some(e) = down {
                        per_node.push(Answer::Unreachable(e.clone()));
                        continue;
                    }
                    per_node.push(match n.file_info(&root.0, false).await {
                        Err(e) => Answer::Unreachable(e.to_string()),
                        Ok(None) => Answer::Unknown,
                        Ok(Some(fi)) => Answer::Known(Box::new(fi)),
                    });
                }
                Ok((root, per_node))
            }
        })
        .await?
    };
    let answers: HashMap<B256, Vec<Answer>> = answers.into_iter().collect();

    let mut files = Vec::with_capacity(contributions.len());
    for c in &contributions {
        let (status, lacking, detail, offline) = judge(c, &states, &answers[&c.root]);
        files.push(FileCheck {
            index: c.index,
            contributor: c.contributor,
            path: c.path.clone(),
            root: c.root,
            size: c.size,
            review: c.status,
            status,
            lacking,
            detail,
            offline,
        });
        task.inc(1);
    }
    task.finish();

    if deep {
        deep_check(client, &contributions, &mut files, progress.as_ref()).await?;
    }
    let ok = files.iter().filter(|f| f.status == FileStatus::Ok).count() as u64;
    let flagged = files.len() as u64 - ok;
    Ok(VerifyReport {
        dataset_id: id,
        name: info.name,
        deep,
        nodes: states,
        files,
        ok,
        flagged,
    })
}

/// A file's status, the nodes lacking part of it, why, and whether every segment not served lies
/// in a shard no reachable node holds.
fn judge(
    c: &ContributionInfo,
    states: &[NodeState],
    answers: &[Answer],
) -> (FileStatus, Vec<String>, Option<String>, bool) {
    let start_segment = answers.iter().find_map(|a| match a {
        Answer::Known(fi) => Some(fi.tx.start_entry_index / SEGMENT_CHUNKS as u64),
        _ => None,
    });
    let Some(start) = start_segment else {
        let reachable = answers
            .iter()
            .filter(|a| !matches!(a, Answer::Unreachable(_)))
            .count();
        let first_error = answers.iter().find_map(|a| match a {
            Answer::Unreachable(m) => Some(m.as_str()),
            _ => None,
        });
        let detail = if reachable == 0 {
            format!(
                "no storage node could be reached ({})",
                first_error.unwrap_or("no nodes")
            )
        } else {
            format!("none of the {reachable} reachable nodes knows this root")
        };
        let lacking = states.iter().map(|s| s.url.clone()).collect();
        return (FileStatus::Missing, lacking, Some(detail), false);
    };
    let segments = num_data_segments(c.size);
    let mut lacking: Vec<String> = Vec::new();
    let mut uncovered = 0u64;
    // Segments not served that no reachable node's shard holds.
    let mut unheld = 0u64;
    // Coverage repeats with the largest shard count, so a few periods are enough.
    let period = states
        .iter()
        .filter_map(|s| s.shard.map(|sh| sh.num_shard))
        .max()
        .unwrap_or(1);
    let check = segments.min(period.max(1));
    for seg in 0..check {
        let g = start + seg;
        let mut served = false;
        for (s, a) in states.iter().zip(answers) {
            let covers = s.shard.is_some_and(|sh| sh.covers(g));
            let good = matches!(a, Answer::Known(fi) if fi.finalized);
            if covers && good {
                served = true;
            } else if covers && !lacking.contains(&s.url) {
                lacking.push(s.url.clone());
            }
        }
        if !served {
            uncovered += 1;
            if !states
                .iter()
                .any(|s| s.shard.is_some_and(|sh| sh.covers(g)))
            {
                unheld += 1;
            }
        }
    }
    let unreachable_lacking = states.iter().any(|s| !s.reachable);
    if uncovered == 0 {
        return (FileStatus::Ok, Vec::new(), None, false);
    }
    if unreachable_lacking {
        for s in states.iter().filter(|s| !s.reachable) {
            if !lacking.contains(&s.url) {
                lacking.push(s.url.clone());
            }
        }
    }
    let detail = lacking
        .iter()
        .map(|url| {
            let i = states.iter().position(|s| &s.url == url).unwrap_or(0);
            let why = match &answers[i] {
                Answer::Unreachable(_) => "unreachable",
                Answer::Unknown => "does not know the file",
                Answer::Known(fi) if !fi.finalized => "has not finalized it (data missing)",
                Answer::Known(_) => "does not hold the segments",
            };
            format!("{url} {why}")
        })
        .collect::<Vec<_>>();
    let mut detail = detail.join("; ");
    if unheld > 0 {
        if !detail.is_empty() {
            detail.push_str("; ");
        }
        detail.push_str("no reachable node holds the shard of some of its segments");
    }
    (
        FileStatus::Unfinalized,
        lacking,
        Some(detail),
        unheld == uncovered,
    )
}

/// Downloads every file and checks its bytes against its record.
async fn deep_check(
    client: &Client,
    contributions: &[ContributionInfo],
    files: &mut [FileCheck],
    progress: &dyn Progress,
) -> Result<()> {
    let all: Vec<&ContributionInfo> = contributions.iter().collect();
    let outcomes = fetch_each(client, &all, "downloading", progress).await?;
    for (f, outcome) in files.iter_mut().zip(outcomes) {
        match outcome {
            Ok(()) => {}
            Err(e) if e.kind == crate::error::ErrorKind::Verification => {
                f.status = FileStatus::Corrupt;
                f.detail = Some(e.message.clone());
                f.offline = false;
            }
            Err(e) => {
                if f.status == FileStatus::Ok {
                    f.status = FileStatus::Unavailable;
                }
                f.detail = Some(e.message.clone());
            }
        }
    }
    Ok(())
}

/// Downloads each contribution into a temporary folder (every segment's proof checked, then the
/// whole root), compares its size and blake3 with the record, and deletes it: one outcome per
/// contribution, in order. Files are fetched 16 at a time (a small file costs a few round trips
/// more than its bytes), but one of [`LARGE_FILE`] or more at a time (its download is parallel
/// within itself, and the temporary copies stay within the largest file plus 15 smaller ones).
/// One file shows its own download's progress; several, one bar over all of them.
async fn fetch_each(
    client: &Client,
    targets: &[&ContributionInfo],
    label: &str,
    progress: &dyn Progress,
) -> Result<Vec<Result<()>>> {
    use futures::StreamExt;
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let tmp = tempfile::Builder::new()
        .prefix("cohort-check-")
        .tempdir()
        .map_err(|e| Error::failed("io", format!("could not create a temporary folder: {e}")))?;
    let total: u64 = targets.iter().map(|c| c.size).sum();
    let task = progress.task(label, Some(total), Unit::Bytes);
    let silent = crate::progress::Silent;
    let per_file: &dyn Progress = if targets.len() == 1 {
        progress
    } else {
        &silent
    };
    let dir = tmp.path();
    let large = tokio::sync::Semaphore::new(1);
    let outcomes: Vec<Result<()>> = futures::stream::iter(targets.iter().map(|c| {
        let (task, large) = (task.clone(), &large);
        async move {
            let _one_large = if c.size >= LARGE_FILE {
                Some(large.acquire().await)
            } else {
                None
            };
            let out = dir.join(c.index.to_string());
            let r = super::download::fetch_verified(client, c, &out, per_file).await;
            remove_with_partials(&out);
            task.inc(c.size);
            r
        }
    }))
    .buffered(16)
    .collect()
    .await;
    task.finish();
    Ok(outcomes)
}

/// Removes a downloaded file, or the `.part` its failed download left beside it (the folder goes
/// at the end; this keeps the disk it takes to one file per download at a time).
fn remove_with_partials(out: &Path) {
    let _ = std::fs::remove_file(out);
    let _ = std::fs::remove_file(crate::storage::download::part_path(out));
}

/// From this size on, a check downloads one such file at a time.
const LARGE_FILE: u64 = 64 << 20;

/// What `review --accept` found about one file it could not accept.
struct BadContent {
    index: u64,
    what: String,
}

/// Downloads each contribution in `targets` from the client's storage nodes (every segment's proof
/// checked, then the whole root) into a temporary folder and compares its size and blake3 with the
/// record; the copies are deleted. Refuses, naming every bad file, when bytes were fetched and do
/// not match the record (exit 5): accepted and sealed, such a record would stop every job on the
/// dataset. A file that could not be fetched (its nodes unreachable, or no reachable node holding
/// it: an indexer lists only the nodes it reaches) proves nothing against its contributor: exit 3,
/// worth retrying, naming each (and, beside bad files, listed as not checked).
pub async fn check_contents(
    client: &Client,
    dataset: &super::DatasetInfo,
    targets: &[&ContributionInfo],
    progress: &dyn Progress,
) -> Result<()> {
    let outcomes = fetch_each(client, targets, "checking contents", progress).await?;
    let mut bad = Vec::new();
    let mut unchecked = Vec::new();
    let mut other: Option<Error> = None;
    for (c, outcome) in targets.iter().zip(outcomes) {
        let describe = |e: &Error| BadContent {
            index: c.index,
            what: format!(
                "#{} '{}' from {}: {}",
                c.index,
                crate::ui::terminal_safe(&c.path),
                c.contributor,
                crate::ui::terminal_safe(&e.message)
            ),
        };
        match outcome {
            Ok(()) => {}
            // Bytes fetched, and they fail their root or their record.
            Err(e) if e.kind == crate::error::ErrorKind::Verification => bad.push(describe(&e)),
            Err(e)
                if e.kind == crate::error::ErrorKind::Unreachable
                    || e.code == "storage.not_found" =>
            {
                unchecked.push(describe(&e))
            }
            Err(e) => {
                other.get_or_insert(e);
            }
        }
    }
    let list = |v: &[BadContent]| {
        v.iter()
            .map(|b| b.what.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let indexes = |v: &[BadContent]| {
        v.iter()
            .map(|b| b.index.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let name = crate::ui::terminal_safe(&dataset.name);
    if !bad.is_empty() {
        let mut message = format!(
            "{} of the {} files to accept do not match their records in dataset '{name}': {}",
            bad.len(),
            targets.len(),
            list(&bad)
        );
        if !unchecked.is_empty() {
            message.push_str(&format!(
                "; {} more could not be checked: {}",
                unchecked.len(),
                list(&unchecked)
            ));
        }
        return Err(Error::verification("dataset.bad_content", message).hint(format!(
            "nothing was sent; reject them with `cohort dataset review {} {} --reject` and accept the rest",
            dataset.id,
            indexes(&bad)
        )));
    }
    if let Some(e) = other {
        return Err(e.hint(format!(
            "nothing was sent; retry, or accept without downloading with --no-verify after checking the files with `cohort dataset verify {} --deep`",
            dataset.id
        )));
    }
    if unchecked.is_empty() {
        return Ok(());
    }
    Err(Error::unreachable(
        "dataset.content_unavailable",
        format!(
            "{} of the {} files to accept could not be checked in dataset '{name}' (their storage nodes may be offline): {}",
            unchecked.len(),
            targets.len(),
            list(&unchecked)
        ),
    )
    .hint(format!(
        "nothing was sent; retry when the storage nodes answer (or name a node that holds them with --storage-node); a file no node ever holds can be rejected with `cohort dataset review {} {} --reject`; --no-verify accepts without downloading, after `cohort dataset verify {} --deep`",
        dataset.id,
        indexes(&unchecked),
        dataset.id
    )))
}
