//! The node's durable state: the chain cursor, the tx records it learned from Submit events, and
//! the segments it accepted, all as plain files under the data folder.
//!
//! Layout (every file is written to a temporary name, synced, then renamed into place, so a
//! kill -9 leaves either the old state or the new one; the segments of one upload request go
//! into one file, synced before it is renamed; once synced, its pages are dropped from the page
//! cache, see `drop_cached_pages`):
//!
//! ```text
//! DATA/LOCK                         flock: one node per folder
//! DATA/cursor.json                  {"nextBlock": N, "checkpoints": {block: hash}, "chainId": C, "flow": F}: every block below N has been ingested; the hashes of recent blocks detect reorgs; the chain and flow contract the folder follows (a node for another one is refused)
//! DATA/txs/<seq>.json               one TxRecord per Submit event
//! DATA/segs/<seq>/<first>-<tag>.pack  the segments of one upload request: a table of
//!                                   (index, proof length, data length), then each one's
//!                                   proof JSON and data chunks
//! DATA/segs/<seq>/<index>.seg       one accepted segment: header, proof JSON, data chunks
//! DATA/cache/<root>-<size>/<i>.seg  segments uploaded by root before their tx was seen
//! ```
//!
//! The pre-transaction cache (the SDKs' fast mode uploads segments before the Submit lands) is
//! bounded: an entry (one root and size) expires [`CacheLimits::max_age`] after its first
//! segment arrived, the least recently used entries are evicted when a new segment would not
//! fit in [`CacheLimits::max_bytes`], and at start only entries still fresh (by their files'
//! modification times) are kept.
//!
//! One file per upload request, not per segment: creating a file costs more than writing a
//! segment's 256 KiB on some file systems (ext4 without a journal searches its inode table for
//! recently deleted inodes on every create), and each create takes the folder's lock.
//!
//! A tx is finalized when every data segment of this node's shard is on disk; that is derived
//! from the files at start, so no separate "finalized" record can disagree with the data.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::Read;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use alloy::primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fsutil;

/// Bytes per chunk (sector / entry).
pub const CHUNK_SIZE: u64 = 256;
/// Chunks per segment.
pub const SEGMENT_CHUNKS: u64 = 1024;
/// Bytes per full segment.
pub const SEGMENT_SIZE: u64 = CHUNK_SIZE * SEGMENT_CHUNKS;
/// The largest file whose segments are cached before its tx is seen (as the 0G node).
pub const MAX_CACHE_FILE_SIZE: u64 = 10 * 1024 * 1024;
/// The most bytes the tx-less cache holds in all, by default.
pub const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;
/// How long a cached file waits for its tx, by default.
pub const CACHE_MAX_AGE: Duration = Duration::from_secs(600);

/// The bounds of the pre-transaction cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheLimits {
    /// The most segment bytes held in all; the least recently used entries make room.
    pub max_bytes: u64,
    /// An entry is dropped this long after its first segment arrived.
    pub max_age: Duration,
}

impl Default for CacheLimits {
    fn default() -> Self {
        CacheLimits {
            max_bytes: MAX_CACHE_BYTES,
            max_age: CACHE_MAX_AGE,
        }
    }
}

const SEG_MAGIC: &[u8; 4] = b"CSG1";
const PACK_MAGIC: &[u8; 4] = b"CSP1";

/// Where a stored segment lies: a file of its tx's folder and the offset of its proof, which
/// its data follows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Loc {
    file: std::sync::Arc<str>,
    proof_at: u64,
    proof_len: u64,
    data_len: u64,
}

/// Which global segments this node stores: the client's and the wire's one shard type.
pub type Shard = crate::storage::types::ShardConfig;

/// One submission as the node learned it from a Submit event (docs/protocol.md 2.1, 6.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TxRecord {
    /// The submission index (txSeq).
    pub seq: u64,
    /// The file root, folded from the submission nodes.
    pub root: B256,
    /// The unpadded size in bytes.
    pub size: u64,
    /// The flow chunk index where the file starts.
    pub start_entry_index: u64,
    /// The submission nodes as `(height, root)`.
    pub nodes: Vec<(u64, B256)>,
    /// The block that carried the Submit event.
    #[serde(default)]
    pub block: u64,
}

impl TxRecord {
    /// Data chunks: `ceil(size / 256)`.
    pub fn chunks(&self) -> u64 {
        self.size.div_ceil(CHUNK_SIZE)
    }
    /// Data segments, the ones that are uploaded: `ceil(chunks / 1024)`.
    pub fn data_segments(&self) -> u64 {
        self.chunks().div_ceil(SEGMENT_CHUNKS)
    }
    /// The global index of the file's first segment.
    pub fn start_segment(&self) -> u64 {
        self.start_entry_index / SEGMENT_CHUNKS
    }
    /// The exact byte length of data segment `index` (the last one is shorter).
    pub fn segment_len(&self, index: u64) -> u64 {
        let chunks = self.chunks();
        (chunks - index * SEGMENT_CHUNKS).min(SEGMENT_CHUNKS) * CHUNK_SIZE
    }
}

/// What the RPC layer sees of a tx.
#[derive(Debug, Clone)]
pub struct TxView {
    pub rec: TxRecord,
    pub finalized: bool,
    /// Data segments stored (all of them once finalized, as the 0G node reports).
    pub uploaded_segments: u64,
}

/// The result of storing one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// Written to disk now.
    Stored { finalized_now: bool },
    /// It was already there: nothing written.
    Duplicate,
    /// Not of this node's shard: accepted and ignored.
    NotInShard,
    /// The tx was finalized meanwhile.
    AlreadyFinalized,
}

/// A stored segment read back: its proof (JSON as uploaded) and its data chunks.
#[derive(Debug, Clone)]
pub struct StoredSegment {
    pub proof_json: Vec<u8>,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cursor {
    next_block: u64,
    /// Hashes of recently ingested blocks (the last block of each step), newest last: where a
    /// reorg is detected and how far back it reaches. Missing in folders of older versions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    checkpoints: BTreeMap<u64, B256>,
    /// The chain and flow contract whose events the folder holds. Missing in folders of older
    /// versions: the first start adopts the ones it follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    chain_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    flow: Option<Address>,
    /// The chain's genesis block hash: a chain reset or replaced under the same id (a devnet
    /// after `devnet reset`) is another chain. Missing in folders of older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    genesis: Option<B256>,
}

/// How many block hashes the cursor keeps for reorg detection.
pub const CHECKPOINTS: usize = 256;

#[derive(Debug)]
struct TxState {
    rec: TxRecord,
    /// File-relative indices of this shard's data segments that are stored, and where.
    stored: BTreeMap<u64, Loc>,
    /// How many data segments this shard holds for the tx.
    needed: u64,
}

impl TxState {
    fn finalized(&self) -> bool {
        self.stored.len() as u64 >= self.needed
    }
    fn view(&self) -> TxView {
        let finalized = self.finalized();
        TxView {
            rec: self.rec.clone(),
            finalized,
            uploaded_segments: if finalized {
                self.rec.data_segments()
            } else {
                self.stored.len() as u64
            },
        }
    }
}

type CacheKey = (B256, u64);

/// The cached segments of one (root, fileSize).
#[derive(Debug, Clone)]
struct CacheEntry {
    /// File-relative index → segment length.
    segs: BTreeMap<u64, u64>,
    /// When the first segment arrived: the entry expires by this.
    created: SystemTime,
    /// When a segment last arrived: eviction goes by this.
    used: SystemTime,
}

impl CacheEntry {
    fn new(now: SystemTime) -> CacheEntry {
        CacheEntry {
            segs: BTreeMap::new(),
            created: now,
            used: now,
        }
    }
    fn bytes(&self) -> u64 {
        self.segs.values().sum()
    }
}

#[derive(Debug, Default)]
struct Inner {
    txs: BTreeMap<u64, TxState>,
    by_root: HashMap<B256, BTreeSet<u64>>,
    cache: HashMap<CacheKey, CacheEntry>,
    cache_bytes: u64,
    cursor: Cursor,
}

/// The node's durable store. Cheap calls take a short lock; file writes happen outside it.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    shard: Shard,
    cache_limits: CacheLimits,
    inner: Mutex<Inner>,
    _lock: File,
}

fn io(action: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let (action, path) = (action.to_string(), path.to_path_buf());
    move |e| Error::io(&action, &path, e)
}

fn hex_root(root: &B256) -> String {
    hex::encode(root.as_slice())
}

impl Store {
    /// Opens (creating) the store in `dir` and rebuilds the state from disk.
    pub fn open(dir: &Path, shard: Shard) -> Result<Store> {
        Store::open_with(dir, shard, CacheLimits::default())
    }

    /// [`Store::open`] with explicit bounds for the pre-transaction cache.
    pub fn open_with(dir: &Path, shard: Shard, cache_limits: CacheLimits) -> Result<Store> {
        if !shard.is_valid() {
            return Err(Error::usage("node.bad_shard", "invalid shard config"));
        }
        fsutil::ensure_dir(dir, 0o700)?;
        for sub in ["txs", "segs", "cache"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(io("create folder", &dir.join(sub)))?;
        }
        let lock_path = dir.join("LOCK");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io("open", &lock_path))?;
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            return Err(Error::usage(
                "node.data_dir_busy",
                format!("another storage node is running on {}", dir.display()),
            )
            .hint("stop it first, or give this node its own --data-dir"));
        }
        let store = Store {
            dir: dir.to_path_buf(),
            shard,
            cache_limits,
            inner: Mutex::new(Inner::default()),
            _lock: lock,
        };
        store.load()?;
        Ok(store)
    }

    pub fn shard(&self) -> Shard {
        self.shard
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn tx_file(&self, seq: u64) -> PathBuf {
        self.dir.join("txs").join(format!("{seq}.json"))
    }
    fn seg_dir(&self, seq: u64) -> PathBuf {
        self.dir.join("segs").join(seq.to_string())
    }
    fn seg_file(&self, seq: u64, index: u64) -> PathBuf {
        self.seg_dir(seq).join(format!("{index}.seg"))
    }
    fn cache_dir(&self, key: &CacheKey) -> PathBuf {
        self.dir
            .join("cache")
            .join(format!("{}-{}", hex_root(&key.0), key.1))
    }

    fn load(&self) -> Result<()> {
        let mut inner = self.lock();
        let cursor_path = self.dir.join("cursor.json");
        match std::fs::read(&cursor_path) {
            Ok(b) => {
                inner.cursor = serde_json::from_slice(&b).map_err(|e| {
                    Error::failed(
                        "node.damaged",
                        format!("{} is damaged: {e}", cursor_path.display()),
                    )
                    .hint("delete it: the node then re-reads the chain from block 0")
                })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("read", &cursor_path, e)),
        }
        let txs_dir = self.dir.join("txs");
        for entry in std::fs::read_dir(&txs_dir).map_err(io("read", &txs_dir))? {
            let path = entry.map_err(io("read", &txs_dir))?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name.starts_with('.') {
                let _ = std::fs::remove_file(&path);
                continue;
            }
            if !name.ends_with(".json") {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(io("read", &path))?;
            let rec: TxRecord = serde_json::from_slice(&bytes).map_err(|e| {
                Error::failed(
                    "node.damaged",
                    format!("{} is damaged: {e}", path.display()),
                )
                .hint("delete it and cursor.json: the node then re-reads the chain")
            })?;
            let stored = self.scan_segments(&rec)?;
            self.insert_tx(&mut inner, rec, stored);
        }
        let cache_dir = self.dir.join("cache");
        for entry in std::fs::read_dir(&cache_dir).map_err(io("read", &cache_dir))? {
            let path = entry.map_err(io("read", &cache_dir))?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let Some((root, size)) = name.split_once('-') else {
                continue;
            };
            let (Ok(root), Ok(size)) = (root.parse::<B256>(), size.parse::<u64>()) else {
                continue;
            };
            // The entry's age survives a restart through its files' modification times.
            let mut entry = CacheEntry::new(SystemTime::now());
            let mut times = vec![];
            for (index, len) in list_segments(&path)? {
                entry.segs.insert(index, len);
                if let Ok(t) =
                    std::fs::metadata(path.join(format!("{index}.seg"))).and_then(|m| m.modified())
                {
                    times.push(t);
                }
            }
            if let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) {
                entry.created = *first;
                entry.used = *last;
            }
            if entry.segs.is_empty() {
                let _ = std::fs::remove_dir_all(&path);
                continue;
            }
            inner.cache_bytes += entry.bytes();
            inner.cache.insert((root, size), entry);
        }
        // Stale entries are dropped (after the txs were loaded: one whose tx arrived before a
        // crash is applied below however old it is).
        let now = SystemTime::now();
        let stale: Vec<CacheKey> = inner
            .cache
            .iter()
            .filter(|(k, e)| self.expired(e, now) && !self.has_tx_for(&inner, k))
            .map(|(k, _)| *k)
            .collect();
        for key in stale {
            self.drop_cache_entry(&mut inner, &key);
        }
        // Cached segments whose tx arrived before a crash are applied now.
        let keys: Vec<CacheKey> = inner.cache.keys().copied().collect();
        for key in keys {
            self.apply_cache(&mut inner, key)?;
        }
        Ok(())
    }

    fn scan_segments(&self, rec: &TxRecord) -> Result<BTreeMap<u64, Loc>> {
        let dir = self.seg_dir(rec.seq);
        if !dir.exists() {
            return Ok(BTreeMap::new());
        }
        let mut stored = BTreeMap::new();
        for (index, loc) in list_stored(&dir)? {
            if index < rec.data_segments()
                && self.shard.covers(rec.start_segment() + index)
                && loc.data_len == rec.segment_len(index)
            {
                stored.entry(index).or_insert(loc);
            }
        }
        Ok(stored)
    }

    fn insert_tx(&self, inner: &mut Inner, rec: TxRecord, stored: BTreeMap<u64, Loc>) {
        let needed = self
            .shard
            .count_in(rec.start_segment(), rec.data_segments());
        inner.by_root.entry(rec.root).or_default().insert(rec.seq);
        inner.txs.insert(
            rec.seq,
            TxState {
                rec,
                stored,
                needed,
            },
        );
    }

    /// The first block not yet ingested.
    pub fn next_block(&self) -> u64 {
        self.lock().cursor.next_block
    }

    /// Records that every block below `next_block` has been ingested.
    pub fn set_next_block(&self, next_block: u64) -> Result<()> {
        let cursor = self.lock().cursor.clone();
        self.write_cursor(Cursor {
            next_block,
            ..cursor
        })
    }

    /// The chain id and flow contract the folder follows; `None` until a node recorded them.
    pub fn followed(&self) -> Option<(u64, Address)> {
        let inner = self.lock();
        inner.cursor.chain_id.zip(inner.cursor.flow)
    }

    /// Records the chain id and flow contract the folder follows.
    pub fn set_followed(&self, chain_id: u64, flow: Address) -> Result<()> {
        let cursor = self.lock().cursor.clone();
        self.write_cursor(Cursor {
            chain_id: Some(chain_id),
            flow: Some(flow),
            ..cursor
        })
    }

    /// The genesis block hash of the chain the folder follows, when recorded.
    pub fn followed_genesis(&self) -> Option<B256> {
        self.lock().cursor.genesis
    }

    /// Records the genesis block hash of the chain the folder follows.
    pub fn set_genesis(&self, genesis: B256) -> Result<()> {
        let cursor = self.lock().cursor.clone();
        self.write_cursor(Cursor {
            genesis: Some(genesis),
            ..cursor
        })
    }

    /// Records that every block up to `block` (whose hash is `hash`) has been ingested.
    pub fn set_ingested(&self, block: u64, hash: B256) -> Result<()> {
        let cursor = self.lock().cursor.clone();
        let mut checkpoints = cursor.checkpoints.clone();
        checkpoints.retain(|b, _| *b < block);
        checkpoints.insert(block, hash);
        while checkpoints.len() > CHECKPOINTS {
            checkpoints.pop_first();
        }
        self.write_cursor(Cursor {
            next_block: block + 1,
            checkpoints,
            ..cursor
        })
    }

    /// The recorded block hashes, oldest first.
    pub fn checkpoints(&self) -> Vec<(u64, B256)> {
        let inner = self.lock();
        inner
            .cursor
            .checkpoints
            .iter()
            .map(|(b, h)| (*b, *h))
            .collect()
    }

    fn write_cursor(&self, cursor: Cursor) -> Result<()> {
        fsutil::write_atomic(
            &self.dir.join("cursor.json"),
            &serde_json::to_vec(&cursor).expect("cursor serializes"),
            0o600,
        )?;
        self.lock().cursor = cursor;
        Ok(())
    }

    /// Undoes what blocks after `block` brought (a reorg removed them): forgets their txs and
    /// deletes their records and segments, then moves the cursor back to `block + 1`. Returns
    /// the txs forgotten. Crash-safe: the cursor moves last, so a rerun rolls back again.
    pub fn roll_back_after(&self, block: u64) -> Result<Vec<TxRecord>> {
        let gone: Vec<TxRecord> = {
            let inner = self.lock();
            inner
                .txs
                .values()
                .filter(|t| t.rec.block > block)
                .map(|t| t.rec.clone())
                .collect()
        };
        for rec in &gone {
            {
                let mut inner = self.lock();
                inner.txs.remove(&rec.seq);
                if let Some(seqs) = inner.by_root.get_mut(&rec.root) {
                    seqs.remove(&rec.seq);
                    if seqs.is_empty() {
                        inner.by_root.remove(&rec.root);
                    }
                }
            }
            let file = self.tx_file(rec.seq);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io("delete", &file, e)),
            }
            let dir = self.seg_dir(rec.seq);
            if dir.exists() {
                std::fs::remove_dir_all(&dir).map_err(io("delete", &dir))?;
            }
        }
        let cursor = self.lock().cursor.clone();
        let mut checkpoints = cursor.checkpoints.clone();
        checkpoints.retain(|b, _| *b <= block);
        self.write_cursor(Cursor {
            next_block: block + 1,
            checkpoints,
            ..cursor
        })?;
        Ok(gone)
    }

    /// The next txSeq the node expects (one past the highest it knows).
    pub fn next_tx_seq(&self) -> u64 {
        self.lock().txs.keys().next_back().map_or(0, |s| s + 1)
    }

    fn expired(&self, e: &CacheEntry, now: SystemTime) -> bool {
        now.duration_since(e.created).unwrap_or_default() >= self.cache_limits.max_age
    }

    fn has_tx_for(&self, inner: &Inner, key: &CacheKey) -> bool {
        inner.by_root.get(&key.0).is_some_and(|seqs| {
            seqs.iter()
                .any(|s| inner.txs.get(s).is_some_and(|t| t.rec.size == key.1))
        })
    }

    /// Forgets a cache entry and deletes its folder.
    fn drop_cache_entry(&self, inner: &mut Inner, key: &CacheKey) {
        if let Some(e) = inner.cache.remove(key) {
            inner.cache_bytes = inner.cache_bytes.saturating_sub(e.bytes());
        }
        let _ = std::fs::remove_dir_all(self.cache_dir(key));
    }

    fn expire_locked(&self, inner: &mut Inner, now: SystemTime) -> usize {
        let stale: Vec<CacheKey> = inner
            .cache
            .iter()
            .filter(|(_, e)| self.expired(e, now))
            .map(|(k, _)| *k)
            .collect();
        for key in &stale {
            self.drop_cache_entry(inner, key);
        }
        stale.len()
    }

    /// Drops the cache entries older than the cache's max age; returns how many.
    pub fn expire_cache(&self) -> usize {
        let n = self.expire_locked(&mut self.lock(), SystemTime::now());
        if n > 0 {
            tracing::info!(entries = n, "expired pre-transaction cache entries");
        }
        n
    }

    /// The pre-transaction cache: (entries, bytes).
    pub fn cache_usage(&self) -> (usize, u64) {
        let inner = self.lock();
        (inner.cache.len(), inner.cache_bytes)
    }

    /// The bounds of the pre-transaction cache.
    pub fn cache_limits(&self) -> CacheLimits {
        self.cache_limits
    }

    /// Adds a tx learned from the chain (idempotent). Segments cached by root and segments
    /// already held by finalized txs with the same root are applied to it.
    pub fn add_tx(&self, rec: TxRecord) -> Result<bool> {
        if self.lock().txs.contains_key(&rec.seq) {
            return Ok(false);
        }
        fsutil::write_atomic(
            &self.tx_file(rec.seq),
            &serde_json::to_vec_pretty(&rec).expect("tx serializes"),
            0o600,
        )?;
        let mut inner = self.lock();
        if inner.txs.contains_key(&rec.seq) {
            return Ok(false);
        }
        let root = rec.root;
        let size = rec.size;
        let stored = self.scan_segments(&rec)?;
        // An expired entry is not applied, even if the sweep has not run yet.
        self.expire_locked(&mut inner, SystemTime::now());
        self.insert_tx(&mut inner, rec, stored);
        self.apply_cache(&mut inner, (root, size))?;
        self.share_segments(&mut inner, root)?;
        Ok(true)
    }

    /// The tx with this txSeq.
    pub fn tx_by_seq(&self, seq: u64) -> Option<TxView> {
        self.lock().txs.get(&seq).map(TxState::view)
    }

    /// The tx for a root: the first finalized one, else the first one (nothing is pruned here,
    /// so `needAvailable` changes nothing).
    pub fn tx_by_root(&self, root: &B256) -> Option<TxView> {
        let inner = self.lock();
        let seqs = inner.by_root.get(root)?;
        let states = seqs.iter().filter_map(|s| inner.txs.get(s));
        let mut first = None;
        for st in states {
            if st.finalized() {
                return Some(st.view());
            }
            first.get_or_insert(st);
        }
        first.map(TxState::view)
    }

    /// The tx an upload by root goes to: the first finalized one (so the caller reports
    /// "already uploaded and finalized"), else the first unfinalized one.
    pub fn tx_for_upload_by_root(&self, root: &B256) -> Option<TxView> {
        self.tx_by_root(root)
    }

    /// Whether segment `index` of tx `seq` is on disk.
    pub fn has_segment(&self, seq: u64, index: u64) -> bool {
        self.lock()
            .txs
            .get(&seq)
            .is_some_and(|t| t.stored.contains_key(&index))
    }

    /// Stores a validated segment of a known tx durably. `data` holds exactly the data chunks.
    pub fn put_segment(
        &self,
        seq: u64,
        index: u64,
        proof_json: &[u8],
        data: &[u8],
    ) -> Result<PutOutcome> {
        {
            let inner = self.lock();
            let Some(st) = inner.txs.get(&seq) else {
                return Err(Error::failed(
                    "node.unknown_tx",
                    format!("tx {seq} is unknown"),
                ));
            };
            if !self.shard.covers(st.rec.start_segment() + index) {
                return Ok(PutOutcome::NotInShard);
            }
            if st.finalized() {
                return Ok(PutOutcome::AlreadyFinalized);
            }
            if st.stored.contains_key(&index) {
                return Ok(PutOutcome::Duplicate);
            }
        }
        write_segment(&self.seg_file(seq, index), proof_json, data)?;
        let mut inner = self.lock();
        let Some(st) = inner.txs.get_mut(&seq) else {
            return Ok(PutOutcome::Duplicate);
        };
        let was_final = st.finalized();
        let fresh = st
            .stored
            .insert(index, Loc::single(index, proof_json.len(), data.len()))
            .is_none();
        let finalized_now = !was_final && st.finalized();
        let root = st.rec.root;
        if finalized_now {
            self.share_segments(&mut inner, root)?;
        }
        Ok(if fresh {
            PutOutcome::Stored { finalized_now }
        } else {
            PutOutcome::Duplicate
        })
    }

    /// Stores validated segments of one known tx durably, in one file with one flush for the
    /// whole batch: the new segments are written to a temporary file, that file is synced, then
    /// renamed into place and the folder is synced once. A crash leaves the
    /// batch either absent or whole. One outcome per segment, in order.
    pub fn put_segments(&self, seq: u64, segs: &[(u64, &[u8], &[u8])]) -> Result<Vec<PutOutcome>> {
        let mut outcomes = Vec::with_capacity(segs.len());
        let mut todo = Vec::new();
        {
            let inner = self.lock();
            let Some(st) = inner.txs.get(&seq) else {
                return Err(Error::failed(
                    "node.unknown_tx",
                    format!("tx {seq} is unknown"),
                ));
            };
            let mut seen = BTreeSet::new();
            for (i, (index, _, _)) in segs.iter().enumerate() {
                outcomes.push(if !self.shard.covers(st.rec.start_segment() + index) {
                    PutOutcome::NotInShard
                } else if st.finalized() {
                    PutOutcome::AlreadyFinalized
                } else if st.stored.contains_key(index) || !seen.insert(*index) {
                    PutOutcome::Duplicate
                } else {
                    todo.push(i);
                    PutOutcome::Duplicate // replaced once written
                });
            }
        }
        if todo.is_empty() {
            return Ok(outcomes);
        }
        let batch: Vec<(u64, &[u8], &[u8])> = todo.iter().map(|&i| segs[i]).collect();
        let locs = write_pack(&self.seg_dir(seq), &batch)?;
        let mut inner = self.lock();
        let Some(st) = inner.txs.get_mut(&seq) else {
            return Ok(outcomes);
        };
        let was_final = st.finalized();
        let mut fresh = Vec::with_capacity(todo.len());
        for (&i, loc) in todo.iter().zip(locs) {
            let is_new = !st.stored.contains_key(&segs[i].0);
            if is_new {
                st.stored.insert(segs[i].0, loc);
            }
            fresh.push((i, is_new));
        }
        let finalized_now = !was_final && st.finalized();
        let root = st.rec.root;
        for (n, (i, is_new)) in fresh.iter().enumerate() {
            outcomes[*i] = if *is_new {
                PutOutcome::Stored {
                    finalized_now: finalized_now && n + 1 == fresh.len(),
                }
            } else {
                PutOutcome::Duplicate
            };
        }
        if finalized_now {
            self.share_segments(&mut inner, root)?;
        }
        Ok(outcomes)
    }

    /// Caches a validated segment of a file whose tx is not known yet. Expired entries are
    /// dropped first; when the segment does not fit, the least recently used other entries are
    /// evicted to make room.
    pub fn cache_segment(
        &self,
        root: B256,
        file_size: u64,
        index: u64,
        proof_json: &[u8],
        data: &[u8],
    ) -> Result<bool> {
        let key = (root, file_size);
        let len = data.len() as u64;
        let full = || {
            Error::failed(
                "node.cache_full",
                "too many data writing: the cache of files without a tx is full",
            )
        };
        {
            let mut inner = self.lock();
            let now = SystemTime::now();
            self.expire_locked(&mut inner, now);
            if inner
                .cache
                .get(&key)
                .is_some_and(|e| e.segs.contains_key(&index))
            {
                return Ok(false);
            }
            while inner.cache_bytes + len > self.cache_limits.max_bytes {
                let lru = inner
                    .cache
                    .iter()
                    .filter(|(k, _)| **k != key)
                    .min_by_key(|(_, e)| e.used)
                    .map(|(k, _)| *k);
                let Some(lru) = lru else {
                    return Err(full());
                };
                tracing::info!(root = %lru.0, size = lru.1, "evicted the least recently used pre-transaction cache entry");
                self.drop_cache_entry(&mut inner, &lru);
            }
            // Touched now, so that a concurrent eviction takes others first.
            inner
                .cache
                .entry(key)
                .or_insert_with(|| CacheEntry::new(now))
                .used = now;
        }
        let path = self.cache_dir(&key).join(format!("{index}.seg"));
        write_segment(&path, proof_json, data)?;
        let mut inner = self.lock();
        let now = SystemTime::now();
        let entry = match inner.cache.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            // Evicted or expired while we wrote: start the entry again if the file is there.
            std::collections::hash_map::Entry::Vacant(_) if !path.exists() => return Err(full()),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(CacheEntry::new(now)),
        };
        entry.used = now;
        let fresh = entry.segs.insert(index, len).is_none();
        if fresh {
            inner.cache_bytes += len;
        }
        // The tx may have arrived while we wrote.
        self.apply_cache(&mut inner, key)?;
        Ok(fresh)
    }

    /// Moves cached segments of `key` into every matching unfinalized tx.
    fn apply_cache(&self, inner: &mut Inner, key: CacheKey) -> Result<()> {
        let Some(cached) = inner.cache.get(&key).map(|e| e.segs.clone()) else {
            return Ok(());
        };
        let seqs: Vec<u64> = inner
            .by_root
            .get(&key.0)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        let targets: Vec<u64> = seqs
            .into_iter()
            .filter(|s| inner.txs.get(s).is_some_and(|t| t.rec.size == key.1))
            .collect();
        if targets.is_empty() {
            return Ok(());
        }
        let cdir = self.cache_dir(&key);
        for seq in &targets {
            let st = inner.txs.get_mut(seq).expect("target exists");
            for &index in cached.keys() {
                let global = st.rec.start_segment() + index;
                if st.stored.contains_key(&index) || !self.shard.covers(global) || st.finalized() {
                    continue;
                }
                let from = cdir.join(format!("{index}.seg"));
                let to = self.seg_file(*seq, index);
                link_or_copy(&from, &to)?;
                // The cache's file, linked: its header says where the data starts.
                if let Some(loc) = seg_file_loc(&to, index) {
                    st.stored.insert(index, loc);
                }
            }
        }
        // Applied: the cache entry is no longer needed.
        let bytes: u64 = cached.values().sum();
        inner.cache.remove(&key);
        inner.cache_bytes = inner.cache_bytes.saturating_sub(bytes);
        let _ = std::fs::remove_dir_all(&cdir);
        self.share_segments(inner, key.0)?;
        Ok(())
    }

    /// Lets txs with the same root and size reuse each other's stored segments, the way the 0G
    /// node copies a finalized file's data into a later tx with the same root.
    fn share_segments(&self, inner: &mut Inner, root: B256) -> Result<()> {
        let Some(seqs) = inner.by_root.get(&root) else {
            return Ok(());
        };
        let seqs: Vec<u64> = seqs.iter().copied().collect();
        if seqs.len() < 2 {
            return Ok(());
        }
        for &target in &seqs {
            let (size, start, missing) = {
                let t = &inner.txs[&target];
                if t.finalized() {
                    continue;
                }
                let missing: Vec<u64> = (0..t.rec.data_segments())
                    .filter(|i| {
                        !t.stored.contains_key(i) && self.shard.covers(t.rec.start_segment() + i)
                    })
                    .collect();
                (t.rec.size, t.rec.start_segment(), missing)
            };
            let _ = start;
            for index in missing {
                let source = seqs.iter().find_map(|&s| {
                    let o = inner.txs.get(&s)?;
                    if s == target || o.rec.size != size {
                        return None;
                    }
                    o.stored.get(&index).map(|loc| (s, loc.clone()))
                });
                if let Some((source, loc)) = source {
                    // The whole file is linked (a pack with it holds the same segments of the
                    // same root); the segment lies at the same place in it.
                    link_or_copy(
                        &self.seg_dir(source).join(&*loc.file),
                        &self.seg_dir(target).join(&*loc.file),
                    )?;
                    inner
                        .txs
                        .get_mut(&target)
                        .expect("exists")
                        .stored
                        .insert(index, loc);
                }
            }
        }
        Ok(())
    }

    /// Reads a stored segment of tx `seq`.
    pub fn read_segment(&self, seq: u64, index: u64) -> Result<Option<StoredSegment>> {
        let loc = self
            .lock()
            .txs
            .get(&seq)
            .and_then(|t| t.stored.get(&index).cloned());
        match loc {
            None => Ok(None),
            Some(loc) => read_segment(&self.seg_dir(seq).join(&*loc.file), &loc).map(Some),
        }
    }

    /// The file-relative chunks `[start, end)` of tx `seq`, or `None` while any is missing.
    /// The caller checked `start < end <= chunks`.
    pub fn read_chunks(&self, seq: u64, start: u64, end: u64) -> Result<Option<Vec<u8>>> {
        let mut out = Vec::with_capacity(((end - start) * CHUNK_SIZE) as usize);
        let first = start / SEGMENT_CHUNKS;
        let last = (end - 1) / SEGMENT_CHUNKS;
        for seg in first..=last {
            let Some(s) = self.read_segment(seq, seg)? else {
                return Ok(None);
            };
            let seg_start = seg * SEGMENT_CHUNKS;
            let from = (start.max(seg_start) - seg_start) * CHUNK_SIZE;
            let to = (end.min(seg_start + SEGMENT_CHUNKS) - seg_start) * CHUNK_SIZE;
            if to as usize > s.data.len() {
                return Ok(None);
            }
            out.extend_from_slice(&s.data[from as usize..to as usize]);
        }
        Ok(Some(out))
    }
}

/// Lists the segments of a cache folder (`<index>.seg` files) with their data lengths;
/// removes stray temp files.
fn list_segments(dir: &Path) -> Result<Vec<(u64, u64)>> {
    Ok(list_stored(dir)?
        .into_iter()
        .map(|(index, loc)| (index, loc.data_len))
        .collect())
}

impl Loc {
    /// A one-segment `<index>.seg` file.
    fn single(index: u64, proof_len: usize, data_len: usize) -> Loc {
        Loc {
            file: format!("{index}.seg").into(),
            proof_at: 8,
            proof_len: proof_len as u64,
            data_len: data_len as u64,
        }
    }
}

/// Every segment stored in a tx's folder, in `<index>.seg` files and in packs (a segment in
/// more than one file is listed once per file); removes stray temporary files. A file that is
/// not whole (it cannot be, written as it is, unless the disk lost it) is left out.
fn list_stored(dir: &Path) -> Result<Vec<(u64, Loc)>> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).map_err(io("read", dir))? {
        let path = entry.map_err(io("read", dir))?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.starts_with('.') {
            let _ = std::fs::remove_file(&path);
        } else if name.ends_with(".pack") {
            match pack_table(&path, &name) {
                Some(locs) => out.extend(locs),
                None => tracing::warn!(file = %path.display(), "left out a damaged segment pack"),
            }
        } else if let Some(index) = name
            .strip_suffix(".seg")
            .and_then(|i| i.parse::<u64>().ok())
            && let Some(loc) = seg_file_loc(&path, index)
        {
            out.push((index, loc));
        }
    }
    Ok(out)
}

/// Opens a segment or pack file and reads its 8-byte header, which must start with `magic`:
/// returns the file, its length and the header's number (a proof length or a segment count).
fn open_with_head(path: &Path, magic: &[u8; 4]) -> Option<(File, u64, u64)> {
    let mut f = File::open(path).ok()?;
    let total = f.metadata().ok()?.len();
    let mut head = [0u8; 8];
    f.read_exact(&mut head).ok()?;
    if &head[..4] != magic {
        return None;
    }
    let n = u32::from_le_bytes(head[4..8].try_into().ok()?) as u64;
    Some((f, total, n))
}

/// Where the segment of a one-segment `<index>.seg` file lies, from its header and length.
fn seg_file_loc(path: &Path, index: u64) -> Option<Loc> {
    let (_, total, proof_len) = open_with_head(path, SEG_MAGIC)?;
    let data_len = total.checked_sub(8 + proof_len)?;
    Some(Loc::single(index, proof_len as usize, data_len as usize))
}

/// The table of a pack: each segment's index and place, checked against the file's length.
fn pack_table(path: &Path, name: &str) -> Option<Vec<(u64, Loc)>> {
    let (mut f, total, count) = open_with_head(path, PACK_MAGIC)?;
    // At most one entry per segment of the largest file: a damaged count reads nothing.
    if 8 + count * PACK_ENTRY > total {
        return None;
    }
    let mut table = vec![0u8; (count * PACK_ENTRY) as usize];
    f.read_exact(&mut table).ok()?;
    let file: std::sync::Arc<str> = name.into();
    let mut at = 8 + count * PACK_ENTRY;
    let mut out = Vec::with_capacity(count as usize);
    for e in table.chunks_exact(PACK_ENTRY as usize) {
        let index = u64::from_le_bytes(e[..8].try_into().ok()?);
        let proof_len = u32::from_le_bytes(e[8..12].try_into().ok()?) as u64;
        let data_len = u32::from_le_bytes(e[12..16].try_into().ok()?) as u64;
        out.push((
            index,
            Loc {
                file: file.clone(),
                proof_at: at,
                proof_len,
                data_len,
            },
        ));
        at += proof_len + data_len;
    }
    (at == total).then_some(out)
}

/// Bytes of one pack table entry: index (u64), proof length (u32), data length (u32).
const PACK_ENTRY: u64 = 16;

fn write_segment(path: &Path, proof_json: &[u8], data: &[u8]) -> Result<()> {
    let dir = path.parent().expect("segment files live in a folder");
    if !dir.exists() {
        // A new folder's own entry must be durable too, or a crash could lose the whole folder.
        std::fs::create_dir_all(dir).map_err(io("create folder", dir))?;
        if let Some(Ok(parent)) = dir.parent().map(File::open) {
            let _ = parent.sync_all();
        }
    }
    let mut buf = Vec::with_capacity(8 + proof_json.len() + data.len());
    buf.extend_from_slice(SEG_MAGIC);
    buf.extend_from_slice(&(proof_json.len() as u32).to_le_bytes());
    buf.extend_from_slice(proof_json);
    buf.extend_from_slice(data);
    fsutil::write_atomic(path, &buf, 0o600)
}

/// Writes segments `(index, proof JSON, data)` of one tx as one pack in `dir`, with one flush:
/// a temporary file, synced (its data on disk before it is renamed), the rename, and one sync
/// of the folder. The file alone is synced, not the file system: a `syncfs` would also wait
/// for every other dirty page on the disk (measured: a first 256 MiB upload took 1.3 s instead
/// of 0.7 s while the files made for it were still being written back). The temporary file
/// is removed on error. Returns where each segment lies, in order.
fn write_pack(dir: &Path, segs: &[(u64, &[u8], &[u8])]) -> Result<Vec<Loc>> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(io("create folder", dir))?;
        if let Some(Ok(parent)) = dir.parent().map(File::open) {
            let _ = parent.sync_all();
        }
    }
    let first = segs.first().map_or(0, |s| s.0);
    let name = format!("{first}-{:016x}.pack", rand::random::<u64>());
    let file: std::sync::Arc<str> = name.as_str().into();
    let (path, tmp) = (dir.join(&name), dir.join(format!(".{name}.tmp")));
    let mut head = Vec::with_capacity(8 + segs.len() * PACK_ENTRY as usize);
    head.extend_from_slice(PACK_MAGIC);
    head.extend_from_slice(&(segs.len() as u32).to_le_bytes());
    let mut locs = Vec::with_capacity(segs.len());
    let mut at = 8 + segs.len() as u64 * PACK_ENTRY;
    for (index, proof, data) in segs {
        head.extend_from_slice(&index.to_le_bytes());
        head.extend_from_slice(&(proof.len() as u32).to_le_bytes());
        head.extend_from_slice(&(data.len() as u32).to_le_bytes());
        locs.push(Loc {
            file: file.clone(),
            proof_at: at,
            proof_len: proof.len() as u64,
            data_len: data.len() as u64,
        });
        at += (proof.len() + data.len()) as u64;
    }
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(&head)?;
        for (_, proof, data) in segs {
            f.write_all(proof)?;
            f.write_all(data)?;
        }
        f.sync_data()?;
        drop_cached_pages(&f);
        drop(f);
        std::fs::rename(&tmp, &path)?;
        File::open(dir)?.sync_all()
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io("write segments in", dir, e)
    })?;
    Ok(locs)
}

/// Asks the kernel to drop `f`'s pages from the page cache once they are on disk (Linux).
///
/// Uploaded data is written once and read rarely; keeping it cached would fill the machine's
/// memory with it and make every new upload take fresh pages. Measured on a 2-core VM for
/// 256 MiB: 0.7-0.9 s of kernel time to write through the cache into new pages, 0.07-0.10 s when
/// the pages of the files before are dropped and reused. A later read comes from the disk
/// (about 1 GB/s there) and is cached as usual.
fn drop_cached_pages(f: &File) {
    #[cfg(target_os = "linux")]
    // SAFETY: `f` is an open file descriptor for the call's whole duration; the advice only
    // drops clean cached pages and never changes the file.
    unsafe {
        libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = f;
}

/// Reads the segment at `loc` of the file `path`: its proof, then its data straight into its
/// own buffer (no copy of the whole file).
fn read_segment(path: &Path, loc: &Loc) -> Result<StoredSegment> {
    use std::os::unix::fs::FileExt;
    let damaged = || Error::failed("node.damaged", format!("{} is damaged", path.display()));
    let f = File::open(path).map_err(io("read", path))?;
    let mut proof_json = vec![0u8; loc.proof_len as usize];
    let mut data = vec![0u8; loc.data_len as usize];
    f.read_exact_at(&mut proof_json, loc.proof_at)
        .and_then(|()| f.read_exact_at(&mut data, loc.proof_at + loc.proof_len))
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::UnexpectedEof {
                damaged()
            } else {
                Error::io("read", path, e)
            }
        })?;
    Ok(StoredSegment { proof_json, data })
}

/// Durably places a copy of `from` at `to`: a hard link when possible, else a copy.
fn link_or_copy(from: &Path, to: &Path) -> Result<()> {
    let dir = to.parent().expect("segment files live in a folder");
    std::fs::create_dir_all(dir).map_err(io("create folder", dir))?;
    if to.exists() {
        return Ok(());
    }
    if std::fs::hard_link(from, to).is_ok() {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        return Ok(());
    }
    let bytes = std::fs::read(from).map_err(io("read", from))?;
    fsutil::write_atomic(to, &bytes, 0o600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(seq: u64, size: u64, start: u64) -> TxRecord {
        TxRecord {
            seq,
            root: B256::repeat_byte(7),
            size,
            start_entry_index: start,
            nodes: vec![],
            block: 1,
        }
    }

    #[test]
    fn shard_parse_and_count() {
        assert_eq!(
            Shard::parse("1/2").unwrap(),
            Shard {
                shard_id: 1,
                num_shard: 2
            }
        );
        assert!(Shard::parse("2/2").is_err());
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("x").is_err());
        let s = Shard {
            shard_id: 1,
            num_shard: 4,
        };
        let brute = |start: u64, n: u64| (start..start + n).filter(|g| s.covers(*g)).count() as u64;
        for start in 0..9 {
            for n in 0..13 {
                assert_eq!(s.count_in(start, n), brute(start, n), "start {start} n {n}");
            }
        }
    }

    #[test]
    fn segments_survive_reopen_and_finalize_per_shard() {
        let dir = tempfile::tempdir().unwrap();
        let shard = Shard {
            shard_id: 1,
            num_shard: 2,
        };
        {
            let store = Store::open(dir.path(), shard).unwrap();
            // 3 data segments starting at global segment 2: this shard holds only index 1.
            assert!(store.add_tx(rec(0, 3 * SEGMENT_SIZE - 100, 2048)).unwrap());
            assert!(!store.tx_by_seq(0).unwrap().finalized);
            assert_eq!(
                store.put_segment(0, 0, b"{}", &[0; 256]).unwrap(),
                PutOutcome::NotInShard
            );
            let data = vec![1u8; SEGMENT_SIZE as usize];
            let out = store.put_segment(0, 1, b"{\"p\":1}", &data).unwrap();
            assert_eq!(
                out,
                PutOutcome::Stored {
                    finalized_now: true
                }
            );
            store.set_next_block(42).unwrap();
        }
        let store = Store::open(dir.path(), shard).unwrap();
        assert_eq!(store.next_block(), 42);
        let v = store.tx_by_seq(0).unwrap();
        assert!(v.finalized);
        assert_eq!(v.uploaded_segments, 3);
        let s = store.read_segment(0, 1).unwrap().unwrap();
        assert_eq!(s.proof_json, b"{\"p\":1}");
        assert_eq!(s.data.len(), SEGMENT_SIZE as usize);
        assert_eq!(
            store.read_chunks(0, 1024, 1026).unwrap().unwrap(),
            vec![1u8; 512]
        );
        assert!(store.read_chunks(0, 0, 2).unwrap().is_none());
    }

    #[test]
    fn a_batch_of_segments_is_stored_once_with_duplicates_and_other_shards_reported() {
        let dir = tempfile::tempdir().unwrap();
        let shard = Shard {
            shard_id: 0,
            num_shard: 2,
        };
        {
            let store = Store::open(dir.path(), shard).unwrap();
            // 5 data segments from global segment 0: this shard holds indices 0, 2 and 4.
            assert!(store.add_tx(rec(0, 5 * SEGMENT_SIZE - 100, 0)).unwrap());
            let seg = |i: u8| vec![i; SEGMENT_SIZE as usize];
            let (s0, s1, s2, s4) = (seg(10), seg(11), seg(12), seg(14));
            let out = store
                .put_segments(
                    0,
                    &[
                        (0, b"{\"p\":0}", &s0),
                        (1, b"{}", &s1),
                        (0, b"{\"p\":0}", &s0),
                        (2, b"{\"p\":2}", &s2),
                    ],
                )
                .unwrap();
            let stored = PutOutcome::Stored {
                finalized_now: false,
            };
            assert_eq!(
                out,
                vec![
                    stored,
                    PutOutcome::NotInShard,
                    PutOutcome::Duplicate,
                    stored
                ]
            );
            assert!(!store.tx_by_seq(0).unwrap().finalized);
            let out = store
                .put_segments(0, &[(2, b"{}", &s2), (4, b"{\"p\":4}", &s4)])
                .unwrap();
            assert_eq!(
                out,
                vec![
                    PutOutcome::Duplicate,
                    PutOutcome::Stored {
                        finalized_now: true
                    }
                ]
            );
            assert_eq!(
                store.put_segments(0, &[(0, b"{}", &s0)]).unwrap(),
                vec![PutOutcome::AlreadyFinalized]
            );
        }
        // One pack per batch that stored something (no temporary files), named by its first
        // segment, and they read back after a reopen.
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("segs/0"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].starts_with("0-") && names[0].ends_with(".pack"));
        assert!(names[1].starts_with("4-") && names[1].ends_with(".pack"));
        let store = Store::open(dir.path(), shard).unwrap();
        assert!(store.tx_by_seq(0).unwrap().finalized);
        let s = store.read_segment(0, 2).unwrap().unwrap();
        assert_eq!(
            (s.proof_json.as_slice(), s.data[0]),
            (&b"{\"p\":2}"[..], 12)
        );
        let s0 = store.read_segment(0, 0).unwrap().unwrap();
        assert_eq!(s0.proof_json, b"{\"p\":0}");
        assert_eq!(s0.data, vec![10u8; SEGMENT_SIZE as usize]);
        let s4 = store.read_segment(0, 4).unwrap().unwrap().data;
        assert_eq!(s4, vec![14u8; SEGMENT_SIZE as usize]);
        drop(store);

        // A pack cut short (a disk that lost its tail) is left out whole at the next start: the
        // tx is no longer finalized and its segments read as missing, not as wrong data.
        let first = dir.path().join("segs/0").join(&names[0]);
        let len = std::fs::metadata(&first).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&first)
            .unwrap()
            .set_len(len - 1)
            .unwrap();
        let store = Store::open(dir.path(), shard).unwrap();
        let v = store.tx_by_seq(0).unwrap();
        assert!(!v.finalized);
        assert_eq!(v.uploaded_segments, 1);
        assert!(store.read_segment(0, 0).unwrap().is_none());
        assert!(store.read_segment(0, 4).unwrap().is_some());
    }

    #[test]
    fn a_later_tx_with_the_same_root_reads_the_packs_of_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Shard::ALL).unwrap();
        let size = 3 * SEGMENT_SIZE - 256;
        assert!(store.add_tx(rec(0, size, 0)).unwrap());
        let (a, b, c) = (
            vec![1u8; SEGMENT_SIZE as usize],
            vec![2u8; SEGMENT_SIZE as usize],
            vec![3u8; (SEGMENT_SIZE - 256) as usize],
        );
        store
            .put_segments(0, &[(0, b"{\"a\":0}", &a), (1, b"{\"a\":1}", &b)])
            .unwrap();
        store.put_segments(0, &[(2, b"{\"a\":2}", &c)]).unwrap();
        assert!(store.tx_by_seq(0).unwrap().finalized);
        // Same root and size, later in the flow: finalized from the first tx's files.
        assert!(store.add_tx(rec(1, size, 4096)).unwrap());
        let check = |store: &Store| {
            assert!(store.tx_by_seq(1).unwrap().finalized);
            let s1 = store.read_segment(1, 1).unwrap().unwrap();
            assert_eq!(
                (s1.proof_json.as_slice(), s1.data[0]),
                (&b"{\"a\":1}"[..], 2)
            );
            let s2 = store.read_segment(1, 2).unwrap().unwrap();
            assert_eq!(s2.data, c);
        };
        check(&store);
        drop(store);
        check(&Store::open(dir.path(), Shard::ALL).unwrap());
    }

    #[test]
    fn second_open_of_the_same_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _a = Store::open(dir.path(), Shard::ALL).unwrap();
        let e = Store::open(dir.path(), Shard::ALL).unwrap_err();
        assert_eq!(e.code, "node.data_dir_busy");
    }

    #[test]
    fn cached_segments_apply_when_the_tx_arrives() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Shard::ALL).unwrap();
        let root = B256::repeat_byte(7);
        assert!(
            store
                .cache_segment(root, 300, 0, b"{}", &[5u8; 512])
                .unwrap()
        );
        assert!(store.add_tx(rec(3, 300, 1)).unwrap());
        let v = store.tx_by_root(&root).unwrap();
        assert!(v.finalized);
        assert_eq!(store.read_chunks(3, 0, 2).unwrap().unwrap(), vec![5u8; 512]);
        // A later tx with the same root reuses the data.
        assert!(store.add_tx(rec(4, 300, 1024)).unwrap());
        assert!(store.tx_by_seq(4).unwrap().finalized);
    }
}
