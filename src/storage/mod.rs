//! The 0G-compatible storage client: the Merkle tree of files (`merkle`), the node's wire types
//! (`types`), a typed JSON-RPC client for storage nodes (`rpc`), and upload and download with
//! resume and proof verification (`upload`, `download`).

pub mod batch;
pub mod cache;
pub mod download;
pub mod flow;
pub mod indexer;
pub mod keccak;
pub mod merkle;
pub mod pool;
pub mod rpc;
pub mod types;
pub mod upload;

pub use download::{DownloadOptions, DownloadReport, download};
pub use merkle::{FileTree, Hash, SubmissionNode};
pub use pool::BufPool;
pub use rpc::{NodeClient, RpcError};
pub use types::{FileInfo, FileProof, SegmentWithProof, ShardConfig, Status, Transaction};
pub use upload::{UploadOptions, UploadReport, upload_bytes, upload_file};

/// Parses a root given on the command line (`0x` + 64 hex characters).
pub fn parse_root(s: &str) -> crate::Result<Hash> {
    types::hex_hash::parse(s.trim()).map_err(|e| {
        crate::Error::usage("storage.bad_root", format!("'{s}' is not a file root: {e}"))
            .hint("a root is 0x followed by 64 hex characters, as `cohort storage upload` prints")
    })
}

/// What one storage node says about a root.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NodeFileInfo {
    pub node: String,
    /// `null` when the node does not know the root (or could not be asked). Shown in snake_case
    /// ([`StoredFile`]); the wire form is camelCase.
    #[serde(serialize_with = "stored_file")]
    pub info: Option<FileInfo>,
    /// Why the node could not be asked.
    pub error: Option<String>,
}

/// A node's `zgs_getFileInfo` answer as cohort's results show it (snake_case).
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredFile {
    pub tx_seq: u64,
    pub size: u64,
    pub root: String,
    pub start_entry_index: u64,
    pub finalized: bool,
    pub is_cached: bool,
    pub uploaded_seg_num: u64,
    pub pruned: bool,
}

impl From<&FileInfo> for StoredFile {
    fn from(f: &FileInfo) -> Self {
        StoredFile {
            tx_seq: f.tx.seq,
            size: f.tx.size,
            root: format!("0x{}", hex::encode(f.tx.data_merkle_root)),
            start_entry_index: f.tx.start_entry_index,
            finalized: f.finalized,
            is_cached: f.is_cached,
            uploaded_seg_num: f.uploaded_seg_num,
            pruned: f.pruned,
        }
    }
}

fn stored_file<S: serde::Serializer>(f: &Option<FileInfo>, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&f.as_ref().map(StoredFile::from), s)
}

/// `cohort storage info ROOT`: what every storage node knows of a root.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RootInfo {
    pub root: String,
    pub nodes: Vec<NodeFileInfo>,
}

/// Several files uploaded by one `cohort storage upload`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UploadReports {
    pub files: Vec<UploadReport>,
}

/// The file info of `root` from every storage node (`zgs_getFileInfo(root, false)`), asked at
/// once: a silent node costs [`rpc::READ_TIMEOUT`], with a note to `progress` while it is
/// awaited. Fails with exit 3 only when no node answers at all.
pub async fn info(
    client: &crate::client::Client,
    root: &Hash,
    progress: &dyn crate::progress::Progress,
) -> crate::Result<RootInfo> {
    let (notes, rx) = rpc::notes_channel();
    rpc::relaying(progress, rx, info_noting(client, root, notes)).await
}

async fn info_noting(
    client: &crate::client::Client,
    root: &Hash,
    notes: rpc::Notes,
) -> crate::Result<RootInfo> {
    let urls = indexer::all_node_urls(client, &[]).await?;
    let mut set = tokio::task::JoinSet::new();
    for (i, u) in urls.iter().enumerate() {
        let n = NodeClient::new(u).with_notes(notes.clone());
        let root = *root;
        set.spawn(async move { (i, n.file_info(&root, false).await) });
    }
    let mut out: Vec<Option<NodeFileInfo>> = vec![None; urls.len()];
    let mut last_err = None;
    while let Some(r) = set.join_next().await {
        let (i, r) = r.map_err(|e| crate::Error::failed("storage.task", e.to_string()))?;
        let (info, error) = match r {
            Ok(info) => (info, None),
            Err(e) => {
                let msg = e.to_string();
                last_err = Some(e);
                (None, Some(msg))
            }
        };
        out[i] = Some(NodeFileInfo {
            node: crate::redact::url(&urls[i]),
            info,
            error,
        });
    }
    let out: Vec<NodeFileInfo> = out.into_iter().flatten().collect();
    if let Some(e) = last_err
        && out.iter().all(|n| n.error.is_some())
    {
        return Err(e.into());
    }
    Ok(RootInfo {
        root: types::hex_hash::to_hex(root),
        nodes: out,
    })
}

/// The local Merkle facts of a file: no network.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RootReport {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub path: std::path::PathBuf,
    pub size: u64,
    /// The file root; `null` when the file is split into several fragments.
    pub root: Option<String>,
    /// Every fragment's root, in order.
    pub roots: Vec<String>,
    pub fragments: Vec<FragmentRoot>,
    /// The fee at the flow's current price (`storage root --fee`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeQuote>,
}

/// What storing a file costs at the fee market's current price.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FeeQuote {
    pub market: alloy::primitives::Address,
    /// Sectors summed over the fragments.
    pub sectors: u64,
    #[serde(with = "crate::chain::units::dec")]
    pub price_per_sector: alloy::primitives::U256,
    /// The fee in wei (decimal string): what `storage upload` pays, gas not included.
    #[serde(with = "crate::chain::units::dec")]
    pub fee: alloy::primitives::U256,
}

/// The fee of storing `report`'s fragments at the profile's fee market's current price.
pub async fn fee_quote(
    client: &crate::client::Client,
    report: &RootReport,
) -> crate::Result<FeeQuote> {
    let chain = client.chain().await?;
    let market = flow::profile_market(&chain, &client.profile).await?;
    let sectors: u64 = report.fragments.iter().map(|f| f.fee_sectors).sum();
    let q = flow::FeeMarket::at(chain, market).quote(sectors).await?;
    Ok(FeeQuote {
        market,
        sectors,
        price_per_sector: q.price_per_sector,
        fee: q.fee,
    })
}

/// The Merkle facts of one fragment.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FragmentRoot {
    pub root: String,
    pub offset: u64,
    pub size: u64,
    pub chunks: u64,
    pub padded_chunks: u64,
    pub segments: u64,
    pub padded_segments: u64,
    pub fee_sectors: u64,
    pub nodes: Vec<SubmissionNode>,
}

/// Computes the root(s) and submission nodes of a local file, hashing on `threads` threads
/// (0: all cores). Missing, unreadable and empty files are usage errors (exit 2).
pub fn root_of_file(
    path: &std::path::Path,
    fragment_size: u64,
    threads: usize,
    progress: &dyn crate::progress::Progress,
) -> crate::Result<RootReport> {
    let (file, size) = upload::open_input(path)?;
    let frag = upload::effective_fragment_size(fragment_size);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| crate::Error::failed("storage.threads", e.to_string()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let task = progress.task(
        &format!("hashing {name}"),
        Some(size),
        crate::progress::Unit::Bytes,
    );
    let mut fragments = Vec::new();
    for k in 0..size.div_ceil(frag) {
        let offset = k * frag;
        let fsize = frag.min(size - offset);
        let tree = pool
            .install(|| FileTree::from_file_range(&file, offset, fsize, |n| task.inc(n)))
            .map_err(|e| crate::Error::io("read", path, e))?;
        let chunks = merkle::num_chunks(fsize);
        fragments.push(FragmentRoot {
            root: types::hex_hash::to_hex(&tree.root),
            offset,
            size: fsize,
            chunks,
            padded_chunks: merkle::padded_chunks(chunks),
            segments: merkle::num_data_segments(fsize),
            padded_segments: merkle::num_padded_segments(fsize),
            fee_sectors: merkle::fee_sectors(fsize),
            nodes: tree.nodes(),
        });
    }
    task.finish();
    Ok(RootReport {
        path: path.to_path_buf(),
        size,
        root: (fragments.len() == 1).then(|| fragments[0].root.clone()),
        roots: fragments.iter().map(|f| f.root.clone()).collect(),
        fragments,
        fee: None,
    })
}
