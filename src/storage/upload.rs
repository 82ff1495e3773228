//! Upload (docs/protocol.md §4.1): tree → existing-file check → fee → `submit` → receipt → txSeq from
//! the `Submit` log → wait until the nodes see the tx → each node gets the segments of its shard
//! in parallel batches with bounded concurrency → wait until finalized.
//!
//! Resume: a journal per root under `<cache>/uploads/` records the txSeq and, per node, the
//! segments the node acknowledged. A rerun finds the txSeq again (journal, nodes, or the chain's
//! Submit logs), never submits a second transaction for the same root, and sends only the
//! segments not yet acknowledged. A journal is deleted once every node holds its file
//! finalized: a rerun then finds the file stored and needs none.

use std::collections::BTreeMap;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alloy::primitives::{Address, B256, Bytes, U256};
use alloy::providers::Provider;
use alloy::rpc::types::Filter;
use alloy::sol_types::SolEvent;
use serde::{Deserialize, Serialize};
use tokio::task::JoinSet;

use super::indexer::{self, StorageSource};
use super::merkle::{self, FileTree, Hash, SEGMENT_SIZE};
use super::rpc::{NodeClient, RpcError};
use super::types::{ShardConfig, hex_hash};
use crate::chain::SignerChain;
use crate::chain::bindings::Flow;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Task, Unit};
use crate::storage::flow::{FlowContract, Quote};

/// How many of the newest blocks the duplicate-upload search reads by default (100 pages).
pub const DEFAULT_LOG_WINDOW: u64 = 100_000;

/// Segments per upload request by default: about 5.6 MB of JSON, a third of a node's default
/// 16 MiB body limit (`node run --rpc-max-body-mib`), so that 4 requests in flight fit its
/// default memory budget; a node that refuses a request as too big gets halves of it.
pub const DEFAULT_SEGMENTS_PER_REQUEST: usize = 16;

/// The SDKs' default fragment size: 4 GiB.
pub const DEFAULT_FRAGMENT_SIZE: u64 = 4 << 30;

/// How an upload runs.
#[derive(Debug, Clone)]
pub struct UploadOptions {
    /// Files larger than this are split into independent fragments (raised to at least 256 and
    /// rounded up to a power of two, as the SDKs do).
    pub fragment_size: u64,
    /// Segments per `zgs_uploadSegmentsByTxSeq` request.
    pub segments_per_request: usize,
    /// Requests in flight per node.
    pub concurrency: usize,
    /// The submission's tags (the SDK default is empty).
    pub tags: Vec<u8>,
    /// How long to wait for the nodes to see the transaction, and again to finalize.
    pub timeout: Duration,
    /// Poll interval while waiting on the nodes.
    pub poll_interval: Duration,
    /// Wait until every node reports the file finalized.
    pub wait_finalized: bool,
    /// Storage node URLs; empty means the profile's (its storage nodes, else its indexer).
    pub nodes: Vec<String>,
    /// How many times every shard must be stored: nodes asked of an indexer cover every shard
    /// this often (the Go client's `--expected-replica`, default 1).
    pub expected_replica: u64,
    /// The most a fragment's fee may be, in wei: a higher fee is refused before anything is
    /// sent (exit 4).
    pub max_fee: Option<U256>,
    /// Blocks per `eth_getLogs` call of the duplicate search (lowered to what the RPC accepts).
    pub log_page: u64,
    /// How many of the newest blocks the duplicate search reads.
    pub log_window: u64,
}

impl Default for UploadOptions {
    fn default() -> Self {
        UploadOptions {
            fragment_size: DEFAULT_FRAGMENT_SIZE,
            segments_per_request: DEFAULT_SEGMENTS_PER_REQUEST,
            concurrency: 4,
            tags: Vec::new(),
            timeout: Duration::from_secs(600),
            poll_interval: Duration::from_millis(200),
            wait_finalized: true,
            nodes: Vec::new(),
            expected_replica: 1,
            max_fee: None,
            log_page: crate::chain::logs::DEFAULT_PAGE,
            log_window: DEFAULT_LOG_WINDOW,
        }
    }
}

/// The SDKs' effective fragment size: at least 256, rounded up to a power of two.
pub fn effective_fragment_size(requested: u64) -> u64 {
    requested.max(256).next_power_of_two()
}

/// One uploaded fragment (a whole file when it fits one fragment).
#[derive(Debug, Clone, Serialize)]
pub struct FragmentReport {
    pub root: String,
    pub tx_seq: u64,
    /// The submit transaction, when this run sent it or resumed an unfinished earlier upload of
    /// this client.
    pub tx_hash: Option<String>,
    /// Byte offset of the fragment in the file.
    pub offset: u64,
    pub size: u64,
    /// Fee paid in wei by this run (0 when nothing was submitted), as a decimal string.
    pub fee: String,
    /// Fee in sectors (`Σ 2^height`).
    pub fee_sectors: u64,
    /// Data segments of the fragment.
    pub segments: u64,
    /// Segments sent by this run, summed over nodes (a node dropped mid-upload included, so
    /// more than `segments` when its shard went to another node).
    pub segments_sent: u64,
    /// Segments skipped because a node had acknowledged them in an earlier run (resume).
    pub segments_skipped: u64,
    /// Whether this run sent the submit transaction.
    pub submitted: bool,
    /// Whether the fee was paid before this run (an earlier, interrupted run, or an earlier
    /// upload of the same file): this run found the transaction and paid nothing for it.
    pub fee_paid_earlier: bool,
    /// Whether the nodes already held the file finalized, so nothing was sent.
    pub already_stored: bool,
    pub finalized: bool,
}

/// The result of uploading one file.
#[derive(Debug, Clone, Serialize)]
pub struct UploadReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub path: PathBuf,
    pub size: u64,
    /// The file root; `null` when the file was split into several fragments.
    pub root: Option<String>,
    pub tx_seq: Option<u64>,
    pub tx_hash: Option<String>,
    /// Total fee paid by this run, in wei (decimal string).
    pub fee: String,
    /// Whether the fee of some fragment was paid before this run (`fee` leaves it out): a
    /// resumed upload, or a file uploaded before.
    pub fee_paid_earlier: bool,
    pub segments: u64,
    pub segments_sent: u64,
    pub segments_skipped: u64,
    /// Every fragment's root, in order: what `cohort storage download` takes.
    pub roots: Vec<String>,
    pub fragments: Vec<FragmentReport>,
}

/// The storage node URLs to use: the options', else the profile's.
pub fn node_urls(client: &Client, nodes: &[String]) -> Result<Vec<String>> {
    let urls = if nodes.is_empty() {
        client.profile.storage_nodes.clone()
    } else {
        nodes.to_vec()
    };
    if urls.is_empty() {
        return Err(Error::usage(
            "storage.no_nodes",
            format!("profile '{}' has no storage nodes", client.profile.name),
        )
        .hint("pass --storage-node URL, set COHORT_STORAGE_NODES, or run `cohort devnet up`"));
    }
    Ok(urls)
}

/// Reads and validates the shard configs of `nodes`, checking they cover every shard.
pub async fn shard_configs(nodes: &[NodeClient]) -> Result<Vec<ShardConfig>> {
    let mut set = JoinSet::new();
    for (i, n) in nodes.iter().enumerate() {
        let n = n.clone();
        set.spawn(async move { (i, n.shard_config().await) });
    }
    let mut cfgs = vec![ShardConfig::default(); nodes.len()];
    while let Some(r) = set.join_next().await {
        let (i, r) = r.map_err(|e| Error::failed("storage.task", e.to_string()))?;
        cfgs[i] = r?;
    }
    check_shard_configs(nodes, &cfgs)?;
    Ok(cfgs)
}

/// Checks that every shard config is valid and that together they cover every shard.
pub(crate) fn check_shard_configs(nodes: &[NodeClient], cfgs: &[ShardConfig]) -> Result<()> {
    for (i, cfg) in cfgs.iter().enumerate() {
        if !cfg.is_valid() {
            return Err(Error::failed(
                "storage.bad_shard",
                format!(
                    "the storage node at {} reports an invalid shard {}/{}",
                    nodes[i].url(),
                    cfg.shard_id,
                    cfg.num_shard
                ),
            ));
        }
    }
    let max = cfgs.iter().map(|c| c.num_shard).max().unwrap_or(1);
    for residue in 0..max {
        if !cfgs.iter().any(|c| c.covers(residue)) {
            let list: Vec<String> = nodes
                .iter()
                .zip(cfgs)
                .map(|(n, c)| format!("{} ({}/{})", n.url(), c.shard_id, c.num_shard))
                .collect();
            return Err(Error::usage(
                "storage.shards_uncovered",
                format!(
                    "the storage nodes do not cover shard {residue} of {max}: {}",
                    list.join(", ")
                ),
            )
            .hint("add the storage nodes of the missing shards with --storage-node"));
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Journal

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JournalData {
    root: String,
    size: u64,
    tx_seq: Option<u64>,
    tx_hash: Option<String>,
    /// Per node URL, a hex bitmap of the acknowledged data segments.
    acked: BTreeMap<String, String>,
}

pub(crate) struct Journal {
    path: PathBuf,
    state: Mutex<(JournalData, Instant, bool)>,
    /// Per node URL, what the journal held when this run opened it: acknowledged by an earlier
    /// run (cleared with the journal when the transaction is another).
    before: Mutex<BTreeMap<String, String>>,
}

fn bit(bits: &[u8], i: u64) -> bool {
    bits.get((i / 8) as usize)
        .is_some_and(|b| b & (1 << (i % 8)) != 0)
}

impl Journal {
    /// The journal of `root` on the chain `chain_id` with flow contract `flow`.
    pub(crate) fn open(
        cache: &Path,
        chain_id: u64,
        flow: Address,
        root: &Hash,
        size: u64,
    ) -> Journal {
        let name = format!(
            "{chain_id}-{}-{}.json",
            hex::encode(flow),
            hex::encode(root)
        );
        let path = cache.join("uploads").join(name);
        let data = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<JournalData>(&b).ok())
            .filter(|d| d.size == size)
            .unwrap_or_else(|| JournalData {
                root: hex_hash::to_hex(root),
                size,
                ..Default::default()
            });
        Journal {
            path,
            before: Mutex::new(data.acked.clone()),
            state: Mutex::new((data, Instant::now(), false)),
        }
    }

    fn data(&self) -> JournalData {
        self.state.lock().expect("journal lock").0.clone()
    }

    fn acked(&self, node: &str) -> Vec<u8> {
        let st = self.state.lock().expect("journal lock");
        st.0.acked
            .get(node)
            .and_then(|h| hex::decode(h).ok())
            .unwrap_or_default()
    }

    /// The segments `node` had acknowledged before this run.
    fn acked_before(&self, node: &str) -> Vec<u8> {
        let before = self.before.lock().expect("journal lock");
        before
            .get(node)
            .and_then(|h| hex::decode(h).ok())
            .unwrap_or_default()
    }

    /// Deletes the journal: its file is finalized on every node, so a rerun finds it stored and
    /// needs no record (a journal per uploaded root would otherwise stay forever).
    pub(crate) fn remove(&self) {
        let mut st = self.state.lock().expect("journal lock");
        st.2 = false;
        let _ = std::fs::remove_file(&self.path);
    }

    pub(crate) fn set_tx(&self, tx_seq: u64, tx_hash: Option<String>) -> Result<()> {
        {
            let mut st = self.state.lock().expect("journal lock");
            if st.0.tx_seq != Some(tx_seq) {
                st.0.acked.clear();
                self.before.lock().expect("journal lock").clear();
            }
            st.0.tx_seq = Some(tx_seq);
            if tx_hash.is_some() {
                st.0.tx_hash = tx_hash;
            }
        }
        self.flush()
    }

    /// Records acknowledged segments; writes the journal at most every 250 ms.
    fn ack(&self, node: &str, segs: &[u64]) -> Result<()> {
        let due = {
            let mut st = self.state.lock().expect("journal lock");
            let entry = st.0.acked.entry(node.to_string()).or_default();
            let mut bits = hex::decode(&*entry).unwrap_or_default();
            for &s in segs {
                let byte = (s / 8) as usize;
                if bits.len() <= byte {
                    bits.resize(byte + 1, 0);
                }
                bits[byte] |= 1 << (s % 8);
            }
            *entry = hex::encode(bits);
            st.2 = true;
            st.1.elapsed() >= Duration::from_millis(250)
        };
        if due { self.flush() } else { Ok(()) }
    }

    fn flush(&self) -> Result<()> {
        let bytes = {
            let mut st = self.state.lock().expect("journal lock");
            st.1 = Instant::now();
            st.2 = false;
            serde_json::to_vec_pretty(&st.0).expect("journal serializes")
        };
        crate::fsutil::write_atomic(&self.path, &bytes, 0o600)
    }
}

impl Drop for Journal {
    /// An interrupted upload (Ctrl-C, error) still records what the nodes acknowledged.
    fn drop(&mut self) {
        let dirty = self.state.lock().map(|s| s.2).unwrap_or(false);
        if dirty {
            let _ = self.flush();
        }
    }
}

// ------------------------------------------------------------------------------------------
// Upload

/// A fragment of a file on disk.
pub(crate) struct Fragment {
    pub(crate) file: Arc<std::fs::File>,
    pub(crate) offset: u64,
    pub(crate) size: u64,
}

impl Fragment {
    /// Reads segment `i` into `buf` as sent on the wire: whole chunks, the last chunk
    /// zero-padded.
    fn read_segment(&self, i: u64, buf: &mut Vec<u8>) -> std::io::Result<()> {
        let start = i * SEGMENT_SIZE as u64;
        let len = (self.size - start).min(SEGMENT_SIZE as u64) as usize;
        buf.clear();
        buf.resize(merkle::segment_wire_len(self.size, i), 0);
        self.file
            .read_exact_at(&mut buf[..len], self.offset + start)
    }
}

/// Checks that `path` is a readable, non-empty regular file (exit 2 otherwise); returns its size.
pub fn check_input(path: &Path) -> Result<u64> {
    open_input(path).map(|(_, size)| size)
}

pub(crate) fn open_input(path: &Path) -> Result<(std::fs::File, u64)> {
    let f = std::fs::File::open(path).map_err(|e| {
        let err = Error::usage(
            "storage.bad_input",
            format!("cannot read {}: {e}", path.display()),
        );
        if e.kind() == std::io::ErrorKind::NotFound {
            err.hint("check the path")
        } else {
            err.hint("check the file's permissions")
        }
    })?;
    let meta = f.metadata().map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        let (what, hint) = if meta.is_dir() {
            (
                "a folder",
                format!(
                    "upload a folder's files as a dataset with `cohort dataset upload DATASET {}`, \
                     or name its files one by one",
                    path.display()
                ),
            )
        } else {
            (
                "not a regular file (a pipe, device or socket)",
                "write the data to a file first (its size and root must be known before \
                 the fee is paid), then upload that file"
                    .to_string(),
            )
        };
        return Err(
            Error::usage("storage.bad_input", format!("{} is {what}", path.display())).hint(hint),
        );
    }
    if meta.len() == 0 {
        return Err(Error::usage(
            "storage.empty_file",
            format!(
                "{} is empty: the 0G storage protocol cannot store 0 bytes",
                path.display()
            ),
        )
        .hint("add content to the file, or leave it out"));
    }
    Ok((f, meta.len()))
}

/// Computes the tree of `size` bytes of `file` at `offset` on a blocking thread.
pub(crate) async fn tree_of_range(
    file: Arc<std::fs::File>,
    path: &Path,
    offset: u64,
    size: u64,
    task: Arc<dyn Task>,
) -> Result<FileTree> {
    let p = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        FileTree::from_file_range(&file, offset, size, |n| task.inc(n))
    })
    .await
    .map_err(|e| Error::failed("storage.task", e.to_string()))?
    .map_err(|e| Error::io("read", &p, e))
}

/// Uploads one file (in fragments when it is larger than the fragment size) and returns what
/// happened. Funds are checked before anything is sent (exit 4). Every fragment is hashed first;
/// the fragments are then submitted up to ten per `batchSubmit` and sent one after another.
pub async fn upload_file(
    client: &Client,
    signer: &SignerChain,
    path: &Path,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<UploadReport> {
    let (file, size) = open_input(path)?;
    let file = Arc::new(file);
    let mut sel = Selection::new(client, opts)?;
    let picked = sel.pick(signer).await?;
    let t = Target::new(client, signer, &picked);
    let frag = effective_fragment_size(opts.fragment_size);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nfrag = size.div_ceil(frag);
    let mut pieces = Vec::with_capacity(nfrag as usize);
    for k in 0..nfrag {
        let offset = k * frag;
        let label = if nfrag > 1 {
            format!("{name} [{}/{nfrag}]", k + 1)
        } else {
            name.clone()
        };
        let f = Fragment {
            file: file.clone(),
            offset,
            size: frag.min(size - offset),
        };
        let tree = hash_fragment(path, &f, &label, progress).await?;
        pieces.push(super::batch::Piece::new(&t, path, label, f, tree));
    }
    super::batch::upload_pieces(
        client,
        signer,
        &mut sel,
        picked,
        &mut pieces,
        super::batch::Shape::Fragments,
        opts,
        progress,
    )
    .await?;
    let fragments: Vec<FragmentReport> = pieces.into_iter().map(|p| p.report).collect();
    let single = fragments.len() == 1;
    let fee: U256 = fragments
        .iter()
        .map(|f| f.fee.parse::<U256>().unwrap_or_default())
        .sum();
    Ok(UploadReport {
        path: path.to_path_buf(),
        size,
        root: single.then(|| fragments[0].root.clone()),
        tx_seq: single.then(|| fragments[0].tx_seq),
        tx_hash: if single {
            fragments[0].tx_hash.clone()
        } else {
            None
        },
        fee: fee.to_string(),
        fee_paid_earlier: fragments.iter().any(|f| f.fee_paid_earlier),
        segments: fragments.iter().map(|f| f.segments).sum(),
        segments_sent: fragments.iter().map(|f| f.segments_sent).sum(),
        segments_skipped: fragments.iter().map(|f| f.segments_skipped).sum(),
        roots: fragments.iter().map(|f| f.root.clone()).collect(),
        fragments,
    })
}

/// Uploads an in-memory buffer: it is written to a temporary file in the cache first.
pub async fn upload_bytes(
    client: &Client,
    signer: &SignerChain,
    name: &str,
    bytes: &[u8],
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<UploadReport> {
    let dir = client.paths.cache().join("tmp");
    crate::fsutil::ensure_dir(&dir, 0o700)?;
    let tmp = tempfile::Builder::new()
        .prefix(".upload-")
        .tempdir_in(&dir)
        .map_err(|e| Error::io("create a folder in", &dir, e))?;
    let safe: String = name
        .chars()
        .map(|c| if c == '/' || c == '\0' { '_' } else { c })
        .collect();
    let path = tmp
        .path()
        .join(if safe.is_empty() { "data".into() } else { safe });
    std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
    let mut report = upload_file(client, signer, &path, opts, progress).await?;
    report.path = PathBuf::from(name);
    Ok(report)
}

/// Where an upload's nodes come from, and the nodes dropped after they failed.
pub(crate) struct Selection<'a> {
    client: &'a Client,
    source: StorageSource,
    replica: u64,
    dropped: Vec<String>,
}

/// How many times an upload drops failed nodes and selects again before it gives up.
const MAX_RESELECTIONS: usize = 8;

impl<'a> Selection<'a> {
    pub(crate) fn new(client: &'a Client, opts: &UploadOptions) -> Result<Selection<'a>> {
        Ok(Selection {
            client,
            source: StorageSource::of(client, &opts.nodes)?,
            replica: opts.expected_replica.max(1),
            dropped: Vec::new(),
        })
    }

    /// Selects the nodes and checks them before any fee is paid: valid shard configs covering
    /// every shard `replica` times, and the profile's chain and flow in every node's
    /// `networkIdentity` (exit 2 otherwise). With an indexer, a node that does not answer is
    /// dropped and the indexer asked again.
    pub(crate) async fn pick(&mut self, signer: &SignerChain) -> Result<Picked> {
        loop {
            let urls: Vec<String> = match &self.source {
                StorageSource::Nodes(u) => u.clone(),
                StorageSource::Indexer(ix) => select_after_drop(ix, self.replica, &self.dropped)
                    .await?
                    .into_iter()
                    .map(|n| n.url)
                    .collect(),
            };
            tracing::info!(nodes = ?urls, "selected storage nodes");
            let nodes: Vec<NodeClient> = urls.iter().map(|u| NodeClient::new(u)).collect();
            let checked = async {
                let cfgs = shard_configs(&nodes).await?;
                self.check_replicas(&nodes, &cfgs)?;
                let flow = flow_address(self.client, &nodes).await?;
                indexer::check_identities(&nodes, signer.chain.chain_id, flow).await?;
                Ok((cfgs, flow))
            }
            .await;
            match checked {
                Ok((cfgs, flow)) => return Ok((nodes, cfgs, flow)),
                Err(e) => {
                    if !self.drop_dead(&nodes, &e, &crate::progress::Silent).await {
                        return Err(e);
                    }
                }
            }
        }
    }

    /// The nodes dropped so far (they stopped answering).
    pub(crate) fn dropped(&self) -> &[String] {
        &self.dropped
    }

    /// Explicit nodes must hold every shard `replica` times too (exit 1 naming the shards).
    fn check_replicas(&self, nodes: &[NodeClient], cfgs: &[ShardConfig]) -> Result<()> {
        if self.replica < 2 {
            return Ok(());
        }
        let known: Vec<indexer::ShardedNode> = nodes
            .iter()
            .zip(cfgs)
            .map(|(n, c)| indexer::ShardedNode {
                url: n.url().to_string(),
                config: *c,
                latency: 0,
                since: 0,
            })
            .collect();
        let missing = indexer::missing_shards(&known, self.replica);
        if missing.is_empty() {
            return Ok(());
        }
        let list: Vec<String> = missing
            .iter()
            .map(|(s, n, c)| format!("shard {s}/{n} ({c} of {})", self.replica))
            .collect();
        Err(Error::failed(
            "storage.too_few_nodes",
            format!(
                "the storage nodes do not hold every shard {} times: missing {}",
                self.replica,
                list.join(", ")
            ),
        )
        .hint(format!(
            "add storage nodes of the missing shards with --storage-node, or lower \
             --expected-replica (now {}); nothing was paid",
            self.replica
        )))
    }

    /// After `err`, with an indexer: finds the nodes of `nodes` that no longer answer and drops
    /// them. Returns whether any was dropped (so selecting again may help).
    pub(crate) async fn drop_dead(
        &mut self,
        nodes: &[NodeClient],
        err: &Error,
        progress: &dyn Progress,
    ) -> bool {
        if !matches!(self.source, StorageSource::Indexer(_))
            || self.dropped.len() >= MAX_RESELECTIONS
        {
            return false;
        }
        let mut dead = Vec::new();
        for n in nodes {
            if self.dropped.iter().any(|d| d == n.url()) {
                continue;
            }
            // Dead: no answer to three status probes. A node that is only busy (one slow
            // answer under load) stays; a killed one refuses at once and is dropped in a second.
            let quick = n.clone().with_transport_attempts(1);
            let mut alive = false;
            for probe in 0..3 {
                if probe > 0 {
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                alive = tokio::time::timeout(Duration::from_secs(5), quick.status())
                    .await
                    .is_ok_and(|r| r.is_ok());
                if alive {
                    break;
                }
            }
            if !alive {
                dead.push(n.url().to_string());
            }
        }
        for d in &dead {
            progress.note(&format!(
                "dropping storage node {} ({}); asking the indexer for another",
                crate::redact::url(d),
                err.message
            ));
        }
        self.dropped.extend(dead.iter().cloned());
        !dead.is_empty()
    }
}

/// The indexer's nodes for `replica` copies of every shard, without `dropped`. After a node was
/// dropped the indexer's list may lag a probe behind (a node it saw as slow for a moment), so a
/// missing shard is asked about again for up to 5 s before it counts as missing.
async fn select_after_drop(
    ix: &indexer::IndexerClient,
    replica: u64,
    dropped: &[String],
) -> Result<Vec<indexer::ShardedNode>> {
    let mut tries = 0;
    loop {
        match indexer::select_nodes(ix, replica, dropped).await {
            Err(e) if e.code == "indexer.too_few_nodes" && !dropped.is_empty() && tries < 10 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            r => return r,
        }
    }
}

/// The flow contract: the profile's, else the one the first node follows.
async fn flow_address(client: &Client, nodes: &[NodeClient]) -> Result<Address> {
    if client.profile.contracts.flow.is_some() {
        return client.profile.contract("flow");
    }
    let st = nodes[0].status().await?;
    Ok(st.network_identity.flow_address)
}

pub(crate) fn submit_digest(nodes: &[merkle::SubmissionNode]) -> B256 {
    let mut buf = Vec::with_capacity(nodes.len() * 32);
    for n in nodes {
        buf.extend_from_slice(&n.root);
    }
    B256::from(merkle::keccak(&buf))
}

/// The journal's transaction, if the chain still has it (a reset devnet does not).
async fn journal_tx_on_chain(
    signer: &SignerChain,
    flow: Address,
    jd: &JournalData,
    root: &Hash,
) -> Option<(u64, String)> {
    let seq = jd.tx_seq?;
    let hash: B256 = jd.tx_hash.as_deref()?.parse().ok()?;
    let receipt = signer
        .chain
        .provider
        .get_transaction_receipt(hash)
        .await
        .ok()??;
    let ev = receipt
        .inner
        .logs()
        .iter()
        .filter(|l| l.address() == flow)
        .find_map(|l| Flow::Submit::decode_log_data(l.data()).ok())?;
    let nodes: Vec<merkle::SubmissionNode> = ev
        .submission
        .nodes
        .iter()
        .map(|n| merkle::SubmissionNode {
            root: n.root.0,
            height: n.height.to::<u64>(),
        })
        .collect();
    (ev.submissionIndex.to::<u64>() == seq && merkle::root_from_nodes(&nodes) == *root)
        .then(|| (seq, hash.to_string()))
}

/// Finds an earlier submission of this root and size in the chain's Submit logs: the newest
/// `opts.log_window` blocks, newest first, in pages of `opts.log_page` blocks. RPC errors are
/// returned.
pub async fn find_submission_on_chain(
    signer: &SignerChain,
    flow: Address,
    nodes: &[merkle::SubmissionNode],
    size: u64,
    opts: &UploadOptions,
) -> Result<Option<(u64, String)>> {
    let filter = Filter::new()
        .address(flow)
        .event_signature(Flow::Submit::SIGNATURE_HASH)
        .topic2(submit_digest(nodes));
    let head = signer.chain.block_number().await?;
    crate::chain::logs::search_back(
        &signer.chain,
        &filter,
        head,
        opts.log_window,
        opts.log_page,
        |logs| {
            logs.iter().rev().find_map(|log| {
                let ev = Flow::Submit::decode_log_data(log.data()).ok()?;
                (ev.submission.length == U256::from(size)).then(|| {
                    (
                        ev.submissionIndex.to::<u64>(),
                        log.transaction_hash
                            .map(|h| h.to_string())
                            .unwrap_or_default(),
                    )
                })
            })
        },
    )
    .await
}

/// Where a fragment goes: the signer, the flow, the selected nodes and their shards.
pub(crate) struct Target<'a> {
    pub(crate) client: &'a Client,
    pub(crate) signer: &'a SignerChain,
    pub(crate) flow: Address,
    pub(crate) nodes: &'a [NodeClient],
    pub(crate) cfgs: &'a [ShardConfig],
}

/// What [`Selection::pick`] chose: the nodes, their shards and the flow they follow.
pub(crate) type Picked = (Vec<NodeClient>, Vec<ShardConfig>, Address);

impl<'a> Target<'a> {
    pub(crate) fn new(client: &'a Client, signer: &'a SignerChain, picked: &'a Picked) -> Self {
        Target {
            client,
            signer,
            flow: picked.2,
            nodes: &picked.0,
            cfgs: &picked.1,
        }
    }
}

/// The fragment's Merkle tree, hashed on a blocking thread with a progress bar.
async fn hash_fragment(
    path: &Path,
    frag: &Fragment,
    label: &str,
    progress: &dyn Progress,
) -> Result<FileTree> {
    let hashing = progress.task(&format!("hashing {label}"), Some(frag.size), Unit::Bytes);
    let started = Instant::now();
    let tree = tree_of_range(
        frag.file.clone(),
        path,
        frag.offset,
        frag.size,
        hashing.clone(),
    )
    .await?;
    hashing.finish_with(&crate::progress::bytes_outcome(
        &format!("hashed {label}:"),
        frag.size,
        started.elapsed(),
    ));
    Ok(tree)
}

/// What the nodes and the journal know of a fragment's transaction.
pub(crate) enum Known {
    /// Every node holds the fragment finalized: nothing to do (the report says so).
    Stored,
    /// The transaction (a node knows it, or the journal's is still on chain).
    Tx(u64, Option<String>),
    /// No node and no journal knows one.
    Unknown,
}

/// Asks the nodes and the journal about the fragment's transaction.
pub(crate) async fn known_tx(
    t: &Target<'_>,
    tree: &FileTree,
    size: u64,
    journal: &Journal,
    report: &mut FragmentReport,
    opts: &UploadOptions,
) -> Result<Known> {
    let mut infos = Vec::new();
    for n in t.nodes {
        infos.push(
            n.file_info(&tree.root, false)
                .await?
                .filter(|i| i.tx.size == size),
        );
    }
    let jd = journal.data();
    if infos
        .iter()
        .all(|i| i.as_ref().is_some_and(|i| i.finalized))
    {
        let seq = infos[0].as_ref().map(|i| i.tx.seq).unwrap_or_default();
        report.tx_seq = seq;
        report.tx_hash = jd.tx_hash.filter(|_| jd.tx_seq == Some(seq));
        report.already_stored = true;
        report.finalized = true;
        resolve_submit_record(t, tree, size).await;
        return Ok(Known::Stored);
    }
    if let Some(seq) = infos.iter().flatten().map(|i| i.tx.seq).min() {
        let mut hash = jd.tx_hash.clone().filter(|_| jd.tx_seq == Some(seq));
        if hash.is_none() {
            // A run stopped before its receipt: the nodes saw the tx, the journal did not.
            // Its hash is in the chain's Submit log (a failed search leaves it unknown).
            hash = find_submission_on_chain(t.signer, t.flow, &tree.nodes(), size, opts)
                .await
                .ok()
                .flatten()
                .filter(|(s, _)| *s == seq)
                .map(|(_, h)| h);
        }
        resolve_submit_record(t, tree, size).await;
        return Ok(Known::Tx(seq, hash));
    }
    let known = match journal_tx_on_chain(t.signer, t.flow, &jd, &tree.root).await {
        Some((seq, hash)) => Known::Tx(seq, Some(hash)),
        None => Known::Unknown,
    };
    if matches!(known, Known::Tx(..)) {
        resolve_submit_record(t, tree, size).await;
    }
    Ok(known)
}

/// Waits until every node has seen `tx_seq`; returns its start entry and, per node, whether it
/// already finalized it.
pub(crate) async fn wait_seen(
    nodes: &[NodeClient],
    tx_seq: u64,
    opts: &UploadOptions,
    waiting: &Waiting<'_>,
) -> Result<(u64, Vec<bool>)> {
    let progress = waiting.progress;
    interrupt_says_paid(tx_seq);
    let mut start_entry = 0u64;
    let mut finalized = vec![false; nodes.len()];
    let task = progress.task(
        &format!("waiting for nodes to see tx {tx_seq}"),
        None,
        Unit::Steps,
    );
    for (i, n) in nodes.iter().enumerate() {
        let info = wait_for(n, tx_seq, false, opts, Some(waiting)).await?;
        start_entry = info.0;
        finalized[i] = info.1;
    }
    task.finish_with(&format!(
        "{} saw tx {tx_seq}",
        if nodes.len() == 1 {
            "the node".to_string()
        } else {
            format!("{} nodes", nodes.len())
        }
    ));
    Ok((start_entry, finalized))
}

/// Sends each node the segments of its shard it has not acknowledged (per the journal).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn send_segments(
    t: &Target<'_>,
    tree: &Arc<FileTree>,
    frag: &Fragment,
    journal: &Arc<Journal>,
    (tx_seq, start_entry): (u64, u64),
    finalized: &[bool],
    report: &mut FragmentReport,
    label: &str,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    let data_segs = report.segments;
    let start_seg = start_entry / merkle::SEGMENT_CHUNKS as u64;
    let mut plans = Vec::new();
    let mut total_bytes = 0u64;
    for (i, n) in t.nodes.iter().enumerate() {
        if finalized[i] {
            continue;
        }
        let acked = journal.acked(n.url());
        let before = journal.acked_before(n.url());
        let mut todo = Vec::new();
        for s in 0..data_segs {
            if !t.cfgs[i].covers(start_seg + s) {
                continue;
            }
            if bit(&acked, s) {
                // Skipped when an earlier run sent it; an earlier pass of this run counted
                // it as sent.
                if bit(&before, s) {
                    report.segments_skipped += 1;
                }
            } else {
                total_bytes += merkle::segment_wire_len(frag.size, s) as u64;
                todo.push(s);
            }
        }
        plans.push((i, todo));
    }
    let task = progress.task(
        &format!("uploading {label}"),
        Some(total_bytes),
        Unit::Bytes,
    );
    let started = Instant::now();
    let shared = Arc::new(Shared {
        tree: tree.clone(),
        frag: Fragment {
            file: frag.file.clone(),
            offset: frag.offset,
            size: frag.size,
        },
        root: tree.root,
        tx_seq,
        journal: journal.clone(),
        task: task.clone(),
        acked: std::sync::atomic::AtomicU64::new(0),
        // One per request in flight to every node, and one being encoded per node.
        bodies: super::BufPool::new(plans.len() * (opts.concurrency.max(1) + 1)),
    });
    let mut set = JoinSet::new();
    for (i, todo) in plans {
        let node = t.nodes[i].clone();
        let shared = shared.clone();
        let (per, conc) = (opts.segments_per_request.max(1), opts.concurrency.max(1));
        set.spawn(async move { upload_to_node(shared, node, todo, per, conc).await });
    }
    let mut result = Ok(());
    let sent_before = report.segments_sent;
    while let Some(r) = set.join_next().await {
        if let Err(e) = r
            .map_err(|e| Error::failed("storage.task", e.to_string()))
            .and_then(|r| r)
        {
            if result.is_ok() {
                result = Err(e);
            }
            set.abort_all();
        }
    }
    // What every node acknowledged, the failed one's and the aborted ones' included: a pass
    // after a node was dropped adds to it.
    report.segments_sent += shared.acked.load(std::sync::atomic::Ordering::Relaxed);
    let flushed = journal.flush();
    result?;
    flushed?;
    let mut outcome = crate::progress::items_outcome(
        &format!("uploaded {label}:"),
        report.segments_sent - sent_before,
        "segments",
        started.elapsed(),
    );
    if report.segments_skipped > 0 {
        outcome.push_str(&format!(
            " ({} sent before)",
            crate::progress::count(report.segments_skipped)
        ));
    }
    task.finish_with(&outcome);
    Ok(())
}

/// What an upload waiting on its nodes may tell while it waits: the chain (for the tx's block
/// and the head) and the transaction, and where notes go.
pub(crate) struct Waiting<'a> {
    pub(crate) chain: &'a crate::chain::Chain,
    pub(crate) tx_hash: Option<B256>,
    pub(crate) progress: &'a dyn Progress,
}

/// The first note that a node has not seen the transaction yet comes after this long…
const FIRST_WAIT_NOTE: Duration = Duration::from_secs(5);
/// …and the next ones this far apart.
const WAIT_NOTE_EVERY: Duration = Duration::from_secs(30);

/// What the node, the chain and the transaction say about why a node has not seen `tx_seq`:
/// a line for notes and errors, and a hint naming the likely cause, when one shows.
async fn why_unseen(n: &NodeClient, tx_seq: u64, w: &Waiting<'_>) -> (String, Option<String>) {
    let block = match w.tx_hash {
        Some(h) => w
            .chain
            .provider
            .get_transaction_receipt(h)
            .await
            .ok()
            .flatten()
            .and_then(|r| r.block_number),
        None => None,
    };
    let head = w.chain.block_number().await.ok();
    let status = n.clone().with_transport_attempts(1).status().await.ok();
    let mut facts = Vec::new();
    if let Some(b) = block {
        facts.push(format!("the transaction is in block {b}"));
    }
    if let Some(h) = head {
        facts.push(format!("the chain's head is block {h}"));
    }
    if let Some(st) = &status {
        facts.push(format!(
            "the node has read the chain up to block {}",
            st.log_sync_height
        ));
        if let Some(c) = st.confirmations {
            facts.push(format!("it waits for {c} confirmation(s)"));
        }
    }
    let line = format!(
        "the storage node at {} has not seen transaction {tx_seq} yet{}",
        n.shown(),
        if facts.is_empty() {
            String::new()
        } else {
            format!(" ({})", facts.join("; "))
        }
    );
    let cause = match (block, head, status.as_ref().and_then(|s| s.confirmations)) {
        (Some(b), Some(h), Some(c)) if c > 0 && h < b + c => Some(format!(
            "the node waits for {c} confirmation(s): the chain must make {} more block(s) \
             on top of block {b}, or restart the node with a lower --confirmations (0 for a \
             local chain that mines only on demand)",
            b + c - h
        )),
        _ => None,
    };
    (line, cause)
}

/// What a user who stops (or whose wait ran out) after the fee was paid should know.
fn paid_hint(tx_seq: u64) -> String {
    format!(
        "the fee was paid (transaction {tx_seq}): rerun the same command to resume, nothing is \
         paid again"
    )
}

/// The transaction whose fee this command paid (or found paid), for the Ctrl-C hint
/// ([`crate::error::on_interrupt`]).
static PAID: Mutex<Option<u64>> = Mutex::new(None);

fn paid_interrupt_hint() -> Option<String> {
    let seq = (*PAID.lock().unwrap_or_else(|p| p.into_inner()))?;
    Some(paid_hint(seq))
}

/// From now on, a Ctrl-C says that the fee of `tx_seq` was paid and a rerun resumes. (It stays
/// set: the interruption is handled after the upload's futures are dropped, and it stays true
/// for the rest of the command.)
pub(crate) fn interrupt_says_paid(tx_seq: u64) {
    *PAID.lock().unwrap_or_else(|p| p.into_inner()) = Some(tx_seq);
    crate::error::on_interrupt(paid_interrupt_hint);
}

/// Polls a node until it knows `tx_seq` (and, with `finalized`, until it finalized it).
/// Returns the tx's start entry index and whether it is finalized. With `waiting`, a node that
/// has not seen the transaction after a few seconds gets a note now and then (the tx's block,
/// the chain's head, how far the node has read and how many confirmations it waits for), and
/// the timeout names the likely cause.
pub(crate) async fn wait_for(
    n: &NodeClient,
    tx_seq: u64,
    finalized: bool,
    opts: &UploadOptions,
    waiting: Option<&Waiting<'_>>,
) -> Result<(u64, bool)> {
    let started = Instant::now();
    let deadline = started + opts.timeout;
    let mut next_note = started + FIRST_WAIT_NOTE;
    // A local node sees a transaction within tens of milliseconds: poll every 10 ms for the
    // first 100 ms (ten requests), then doubling up to the poll interval.
    let mut pause = Duration::from_millis(10).min(opts.poll_interval);
    let mut polls = 0u32;
    loop {
        let info = n.file_info_by_tx_seq(tx_seq).await?;
        let seen = info.is_some();
        if let Some(info) = info
            && (!finalized || info.finalized)
        {
            return Ok((info.tx.start_entry_index, info.finalized));
        }
        let now = Instant::now();
        if now >= deadline {
            let what = if finalized { "finalized" } else { "seen" };
            let mut e = Error::failed(
                "storage.node_timeout",
                format!(
                    "the storage node at {} has not {what} transaction {tx_seq} after {} s",
                    n.shown(),
                    opts.timeout.as_secs()
                ),
            );
            let mut cause = None;
            if let (Some(w), false) = (waiting, seen) {
                let (line, why) = why_unseen(n, tx_seq, w).await;
                e = e.cause(line);
                cause = why;
            }
            let check = cause.unwrap_or_else(|| {
                if seen {
                    "check that the node is still running and receiving segments".to_string()
                } else {
                    "check that the node follows the same chain and flow contract".to_string()
                }
            });
            return Err(e.hint(format!("{check}; {}", paid_hint(tx_seq))));
        }
        if let (Some(w), false) = (waiting, seen)
            && now >= next_note
        {
            let (line, why) = why_unseen(n, tx_seq, w).await;
            let waited = now.duration_since(started).as_secs();
            w.progress.note(&format!(
                "{line}; waited {waited} s of {} s{}",
                opts.timeout.as_secs(),
                why.map(|c| format!(": {c}")).unwrap_or_default()
            ));
            next_note = Instant::now() + WAIT_NOTE_EVERY;
        }
        tokio::time::sleep(pause).await;
        polls += 1;
        if polls >= 10 {
            pause = (pause * 2).min(opts.poll_interval);
        }
    }
}

struct Shared {
    tree: Arc<FileTree>,
    frag: Fragment,
    root: Hash,
    tx_seq: u64,
    journal: Arc<Journal>,
    task: Arc<dyn Task>,
    /// Segments acknowledged so far, over all nodes.
    acked: std::sync::atomic::AtomicU64,
    /// Request buffers, reused from one request to the next.
    bodies: Arc<super::BufPool>,
}

/// Sends `todo` to one node, `concurrency` requests in flight, each of up to `per_request`
/// segments (read and encoded on the blocking pool while the others are in flight). A node
/// that refuses a request as too big gets it again in halves, and smaller requests from then on.
async fn upload_to_node(
    shared: Arc<Shared>,
    node: NodeClient,
    todo: Vec<u64>,
    per_request: usize,
    concurrency: usize,
) -> Result<()> {
    let per = Arc::new(std::sync::atomic::AtomicUsize::new(per_request.max(1)));
    let mut pos = 0;
    let mut set: JoinSet<Result<()>> = JoinSet::new();
    loop {
        while set.len() < concurrency && pos < todo.len() {
            let n = per.load(std::sync::atomic::Ordering::Relaxed);
            let batch = todo[pos..todo.len().min(pos + n)].to_vec();
            pos += batch.len();
            let (shared, node, per) = (shared.clone(), node.clone(), per.clone());
            set.spawn(async move { send_batch(shared, node, batch, per).await });
        }
        match set.join_next().await {
            None => return Ok(()),
            Some(r) => r.map_err(|e| Error::failed("storage.task", e.to_string()))??,
        }
    }
}

/// Reads segments `batch` and writes a whole `zgs_uploadSegmentsByTxSeq` request for `node`,
/// on the blocking pool: each segment is read into one buffer per thread and its base64 written
/// straight into a request buffer taken from `shared.bodies`, which returns to the pool once
/// the request is sent. Megabytes of fresh memory per request (two copies of its base64, a
/// buffer per segment) cost more in page faults than the encoding itself.
async fn encode_batch(
    shared: &Arc<Shared>,
    node: &NodeClient,
    batch: &[u64],
) -> Result<(alloy::primitives::bytes::Bytes, u64)> {
    thread_local! {
        static SEGMENT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let (s, node, b) = (shared.clone(), node.clone(), batch.to_vec());
    tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        let mut body = s.bodies.take();
        node.begin_body(super::rpc::UPLOAD_BY_TX_SEQ, &mut body);
        body.extend_from_slice(br#","params":"#);
        let mut bytes = 0;
        SEGMENT.with_borrow_mut(|data| {
            super::rpc::write_upload_params(b.len(), s.tx_seq, &mut body, |k, out| {
                let i = b[k];
                s.frag.read_segment(i, data)?;
                bytes += data.len() as u64;
                let proof = serde_json::to_vec(&s.tree.proof(i)).expect("proofs serialize");
                super::types::write_segment_json(&s.root, data, i, &proof, s.frag.size, out);
                Ok::<(), std::io::Error>(())
            })
        })?;
        node.end_body(&mut body);
        Ok((s.bodies.share(body), bytes))
    })
    .await
    .map_err(|e| Error::failed("storage.task", e.to_string()))?
    .map_err(|e| Error::failed("storage.read", format!("could not read the file: {e}")))
}

async fn send_batch(
    shared: Arc<Shared>,
    node: NodeClient,
    batch: Vec<u64>,
    per: Arc<std::sync::atomic::AtomicUsize>,
) -> Result<()> {
    // Halves of a refused request wait here, each sent once the one before is stored.
    let mut queue = vec![batch];
    while let Some(batch) = queue.pop() {
        let (body, bytes) = encode_batch(&shared, &node, &batch).await?;
        match node.upload_body_by_tx_seq(body).await {
            Ok(()) => {}
            Err(e) if e.is_already_finalized() => {}
            Err(e) if e.is_too_big() && batch.len() > 1 => {
                let half = batch.len() / 2;
                per.fetch_min(half, std::sync::atomic::Ordering::Relaxed);
                tracing::info!(
                    node = %node.shown(),
                    "the node refused {} segments in one request as too big; sending {half} at a time",
                    batch.len()
                );
                queue.push(batch[half..].to_vec());
                queue.push(batch[..half].to_vec());
                continue;
            }
            Err(e @ RpcError::Transport { .. }) => return Err(e.into()),
            Err(e) => {
                return Err(Error::failed(
                    "storage.upload_refused",
                    format!("the storage node at {} refused segments {batch:?}", node.url()),
                )
                .cause(e)
                .hint("rerun the same command to resume; segments already acknowledged are not sent again"));
            }
        }
        shared
            .acked
            .fetch_add(batch.len() as u64, std::sync::atomic::Ordering::Relaxed);
        shared.journal.ack(node.url(), &batch)?;
        shared.task.inc(bytes);
    }
    Ok(())
}

/// The pending-transaction intent of the signer's `submit` of a root and size to `flow_addr`.
fn submit_intent(
    signer: &SignerChain,
    flow_addr: Address,
    nodes: &[merkle::SubmissionNode],
    size: u64,
) -> String {
    format!(
        "flow-submit:{}:{flow_addr:#x}:{}:{size}",
        signer.chain.chain_id,
        hex_hash::to_hex(&merkle::root_from_nodes(nodes))
    )
}

/// Resolves (and removes) the record of a `submit` of this fragment an interrupted run sent,
/// once the nodes or the chain show its submission: nothing else would look at it again. A
/// failed lookup keeps it for the next run.
async fn resolve_submit_record(t: &Target<'_>, tree: &FileTree, size: u64) {
    let intent = submit_intent(t.signer, t.flow, &tree.nodes(), size);
    if crate::chain::tx::has_record(t.signer, &intent) {
        let label = "finishing an earlier submission";
        let _ = crate::chain::tx::resume_intent(t.signer, &intent, label, &crate::progress::Silent)
            .await;
    }
}

/// Reads the fee, checks it against `opts.max_fee` and the funds, finds which `submit` form the
/// flow takes, sends it and returns `(txSeq, txHash, fee)`. `(cache, label)`: the cache folder
/// (for the flow's submit form) and the fragment's name.
pub(crate) async fn submit(
    signer: &SignerChain,
    flow_addr: Address,
    nodes: &[merkle::SubmissionNode],
    size: u64,
    opts: &UploadOptions,
    (cache, name): (PathBuf, &str),
    progress: &dyn Progress,
) -> Result<(u64, String, U256)> {
    let intent = submit_intent(signer, flow_addr, nodes, size);
    let label = format!("submitting {name}");
    if let Some(c) = crate::chain::tx::resume_intent(signer, &intent, &label, progress).await? {
        // The fee that transaction paid is its value.
        let fee = signer
            .provider
            .get_transaction_by_hash(c.tx_hash)
            .await
            .ok()
            .flatten()
            .map(|t| alloy::consensus::Transaction::value(&t))
            .unwrap_or_default();
        return Ok((submit_event(&c, flow_addr)?, c.tx_hash.to_string(), fee));
    }
    let flow_contract = FlowContract::open(signer.chain.clone(), flow_addr).await?;
    let sectors: u64 = nodes.iter().map(|n| 1u64 << n.height).sum();
    let quote = flow_contract.fee_market().await?.quote(sectors).await?;
    check_fee(signer, &quote, opts.max_fee, name).await?;
    let data = submission_data(nodes, size, &opts.tags);
    let abi = super::flow::submit_abi(
        &signer.chain,
        &cache,
        flow_addr,
        signer.address,
        &data,
        quote.fee,
    )
    .await?;
    let tx = alloy::rpc::types::TransactionRequest::default()
        .to(flow_addr)
        .value(quote.fee)
        .input(abi.calldata(&data, signer.address).into());
    let prepared = crate::chain::tx::prepare(signer, tx).await?;
    let confirmed =
        crate::chain::tx::send_prepared_once(signer, Some(&intent), prepared, &label, progress)
            .await?;
    let seq = submit_event(&confirmed, flow_addr)?;
    Ok((seq, confirmed.tx_hash.to_string(), quote.fee))
}

/// Refuses a fee above `max_fee` and a fee the wallet cannot pay (exit 4), before anything is sent.
pub(crate) async fn check_fee(
    signer: &SignerChain,
    quote: &Quote,
    max_fee: Option<U256>,
    label: &str,
) -> Result<()> {
    let symbol = crate::chain::tx::native_symbol(signer.chain.chain_id);
    let coin = |v: U256| {
        format!(
            "{} {symbol} ({v} wei)",
            crate::chain::units::format_amount(v, 18)
        )
    };
    let Quote {
        sectors,
        price_per_sector: price,
        fee,
    } = *quote;
    if let Some(max) = max_fee
        && fee > max
    {
        return Err(Error::reverted(
            "storage.fee_too_high",
            format!(
                "storing {label} costs {} ({sectors} sectors × {price} wei), more than --max-fee {}",
                coin(fee),
                coin(max)
            ),
        )
        .hint("raise --max-fee, or wait for a lower price; nothing was sent"));
    }
    let balance = signer.chain.balance(signer.address).await?;
    if balance < fee {
        return Err(Error::reverted(
            "storage.insufficient_funds",
            format!(
                "storing {label} costs {} ({sectors} sectors × {price} wei), but {} holds {}",
                coin(fee),
                signer.address,
                coin(balance)
            ),
        )
        .hint("fund the wallet, or upload with another one (--wallet)"));
    }
    Ok(())
}

/// The flow's `SubmissionData` of a file with these subtree nodes.
/// The flow's `SubmissionData` for a file's subtree nodes, size and tags.
pub fn submission_data(
    nodes: &[merkle::SubmissionNode],
    size: u64,
    tags: &[u8],
) -> Flow::SubmissionData {
    Flow::SubmissionData {
        length: U256::from(size),
        tags: Bytes::copy_from_slice(tags),
        nodes: nodes
            .iter()
            .map(|n| Flow::SubmissionNode {
                root: B256::from(n.root),
                height: U256::from(n.height),
            })
            .collect(),
    }
}

/// The submission index of a confirmed `submit`.
fn submit_event(c: &crate::chain::tx::Confirmed, flow_addr: Address) -> Result<u64> {
    c.receipt
        .inner
        .logs()
        .iter()
        .filter(|l| l.address() == flow_addr)
        .find_map(|l| Flow::Submit::decode_log_data(l.data()).ok())
        .map(|ev| ev.submissionIndex.to::<u64>())
        .ok_or_else(|| {
            Error::failed(
                "storage.no_submit_event",
                format!("transaction {} emitted no Submit event", c.tx_hash),
            )
        })
}
