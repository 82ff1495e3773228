//! Many small files in few transactions (`dataset upload`): the files are hashed, what the nodes
//! and journals already know is looked up, the rest is submitted through the flow's
//! `batchSubmit` (up to [`MAX_BATCH`] per transaction, as 0G's Go client does) with one search of
//! the chain's Submit logs for the whole batch, and then every file's segments are sent and its
//! finalization awaited concurrently. Each file keeps its own journal, so an interrupted batch
//! resumes per file and is never paid twice (the batch transaction is recorded before it is
//! broadcast, like every submission). A flow with 0G's older ABI (no `batchSubmit` of this
//! form) gets one `submit` per file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use alloy::primitives::{B256, U256};
use alloy::rpc::types::{Filter, TransactionRequest};
use alloy::sol_types::{SolCall, SolEvent};
use futures::StreamExt;

use super::flow::{FlowContract, SubmitAbi};
use super::merkle::{self, FileTree, Hash};
use super::types::hex_hash;
use super::upload::{
    Fragment, FragmentReport, Journal, Known, Selection, Target, UploadOptions, UploadReport,
    check_fee, known_tx, open_input, send_segments, submission_data, wait_for, wait_seen,
};
use crate::chain::SignerChain;
use crate::chain::bindings::Flow;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Silent};

/// The most files one `batchSubmit` carries.
pub const MAX_BATCH: usize = 10;

/// Files in flight at once while segments are sent and finalization awaited.
const CONCURRENT_FILES: usize = 32;

/// One small file of a batch, hashed.
struct Item {
    path: PathBuf,
    frag: Fragment,
    tree: Arc<FileTree>,
    journal: Arc<Journal>,
    report: FragmentReport,
    /// The transaction, once known.
    tx: Option<u64>,
}

/// Uploads `paths` (each at most one fragment) with batched submissions; returns one report per
/// file, in order. Stops at the first error (a rerun resumes: nothing is paid twice).
pub async fn upload_small_files(
    client: &Client,
    signer: &SignerChain,
    paths: &[PathBuf],
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<Vec<UploadReport>> {
    let mut sel = Selection::new(client, opts)?;
    let (nodes, cfgs, flow) = sel.pick(signer).await?;
    let t = Target {
        client,
        signer,
        flow,
        nodes: &nodes,
        cfgs: &cfgs,
    };
    let mut items = Vec::with_capacity(paths.len());
    for p in paths {
        items.push(hash_item(&t, p).await?);
    }
    // What the nodes and journals know, concurrently.
    let known: Vec<Result<Known>> =
        futures::stream::iter(items.iter_mut())
            .map(|it| {
                let t = &t;
                async move {
                    known_tx(t, &it.tree.root, it.frag.size, &it.journal, &mut it.report).await
                }
            })
            .buffered(CONCURRENT_FILES)
            .collect()
            .await;
    let mut unknown = Vec::new();
    for (i, k) in known.into_iter().enumerate() {
        match k? {
            Known::Stored => {}
            Known::Tx(seq, hash) => set_tx(&mut items[i], seq, hash)?,
            Known::Unknown => unknown.push(i),
        }
    }
    submit_unknown(&t, &mut items, &unknown, opts, progress).await?;
    // Segments and finalization, file by file, many at once.
    let sent: Vec<Result<()>> = futures::stream::iter(items.iter_mut())
        .map(|it| {
            let t = &t;
            async move { finish_item(t, it, opts).await }
        })
        .buffered(CONCURRENT_FILES)
        .collect()
        .await;
    sent.into_iter().collect::<Result<Vec<()>>>()?;
    Ok(items.into_iter().map(report_of).collect())
}

async fn hash_item(t: &Target<'_>, path: &Path) -> Result<Item> {
    let (file, size) = open_input(path)?;
    let file = Arc::new(file);
    let frag = Fragment {
        file: file.clone(),
        offset: 0,
        size,
    };
    let p = path.to_path_buf();
    let tree = tokio::task::spawn_blocking(move || {
        let reader = super::upload::RangeReader {
            file: &file,
            pos: 0,
            end: size,
        };
        FileTree::from_reader(reader, size)
    })
    .await
    .map_err(|e| Error::failed("storage.task", e.to_string()))?
    .map_err(|e| Error::io("read", &p, e))?;
    let journal = Arc::new(Journal::open(
        &t.client.paths.cache(),
        t.signer.chain.chain_id,
        t.flow,
        &tree.root,
        size,
    ));
    let report = FragmentReport {
        root: hex_hash::to_hex(&tree.root),
        tx_seq: 0,
        tx_hash: None,
        offset: 0,
        size,
        fee: "0".into(),
        fee_sectors: merkle::fee_sectors(size),
        segments: merkle::num_data_segments(size),
        segments_sent: 0,
        segments_skipped: 0,
        submitted: false,
        already_stored: false,
        finalized: false,
    };
    Ok(Item {
        path: path.to_path_buf(),
        frag,
        tree: Arc::new(tree),
        journal,
        report,
        tx: None,
    })
}

fn set_tx(it: &mut Item, seq: u64, hash: Option<String>) -> Result<()> {
    it.journal.set_tx(seq, hash.clone())?;
    it.report.tx_seq = seq;
    it.report.tx_hash = hash;
    it.tx = Some(seq);
    Ok(())
}

/// Finds the unknown files' earlier submissions on chain (one paged log search for all), then
/// submits the rest: `batchSubmit` by [`MAX_BATCH`], or one `submit` each on an older flow.
/// Files with the same root and size share one submission.
async fn submit_unknown(
    t: &Target<'_>,
    items: &mut [Item],
    unknown: &[usize],
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    if unknown.is_empty() {
        return Ok(());
    }
    let keys: Vec<(Hash, u64)> = unknown
        .iter()
        .map(|&i| (items[i].tree.root, items[i].frag.size))
        .collect();
    let on_chain = find_submissions(t, items, unknown, opts).await?;
    // Distinct (root, size) still to submit, in order.
    let mut todo: Vec<usize> = Vec::new();
    for (k, &i) in unknown.iter().enumerate() {
        if let Some((seq, hash)) = on_chain.get(&keys[k]) {
            set_tx(&mut items[i], *seq, Some(hash.clone()))?;
        } else if !todo.iter().any(|&j| key(&items[j]) == keys[k]) {
            todo.push(i);
        }
    }
    if todo.is_empty() {
        return share_txs(items, unknown);
    }
    let first = &items[todo[0]];
    let sectors = first.report.fee_sectors;
    let market = FlowContract::open(t.signer.chain.clone(), t.flow)
        .await?
        .fee_market()
        .await?;
    let q = market.quote(sectors).await?;
    let data = submission_data(&first.tree.nodes(), first.frag.size, &opts.tags);
    let abi = super::flow::submit_abi(
        &t.signer.chain,
        &t.client.paths.cache(),
        t.flow,
        t.signer.address,
        &data,
        q.fee,
    )
    .await?;
    for group in todo.chunks(if abi == SubmitAbi::Submission {
        MAX_BATCH
    } else {
        1
    }) {
        let done = submit_group(t, items, group, abi, opts, progress).await?;
        for (&i, (seq, hash, fee)) in group.iter().zip(done) {
            items[i].report.fee = fee.to_string();
            items[i].report.submitted = true;
            set_tx(&mut items[i], seq, Some(hash))?;
        }
    }
    share_txs(items, unknown)
}

fn key(it: &Item) -> (Hash, u64) {
    (it.tree.root, it.frag.size)
}

/// Files that share a root and size with a submitted one take its transaction.
fn share_txs(items: &mut [Item], unknown: &[usize]) -> Result<()> {
    for &i in unknown {
        if items[i].tx.is_some() {
            continue;
        }
        let Some(j) = unknown
            .iter()
            .copied()
            .find(|&j| items[j].tx.is_some() && key(&items[j]) == key(&items[i]))
        else {
            continue;
        };
        let (seq, hash) = (items[j].report.tx_seq, items[j].report.tx_hash.clone());
        set_tx(&mut items[i], seq, hash)?;
    }
    Ok(())
}

/// Earlier submissions of the unknown files in the chain's Submit logs: the newest
/// `opts.log_window` blocks in pages, one query per page for all of them.
async fn find_submissions(
    t: &Target<'_>,
    items: &[Item],
    unknown: &[usize],
    opts: &UploadOptions,
) -> Result<HashMap<(Hash, u64), (u64, String)>> {
    let digests: Vec<B256> = unknown
        .iter()
        .map(|&i| super::upload::submit_digest(&items[i].tree.nodes()))
        .collect();
    let filter = Filter::new()
        .address(t.flow)
        .event_signature(Flow::Submit::SIGNATURE_HASH)
        .topic2(digests);
    let want: HashMap<(B256, U256), (Hash, u64)> = unknown
        .iter()
        .map(|&i| {
            let it = &items[i];
            (
                (
                    super::upload::submit_digest(&it.tree.nodes()),
                    U256::from(it.frag.size),
                ),
                key(it),
            )
        })
        .collect();
    let head = t.signer.chain.block_number().await?;
    let mut found = HashMap::new();
    super::logs::search_back(
        &t.signer.chain,
        &filter,
        head,
        opts.log_window,
        opts.log_page,
        |logs| {
            for log in logs {
                let Ok(ev) = Flow::Submit::decode_log_data(log.data()) else {
                    continue;
                };
                if let Some(k) = want.get(&(ev.identity, ev.submission.length)) {
                    found.entry(*k).or_insert((
                        ev.submissionIndex.to::<u64>(),
                        log.transaction_hash
                            .map(|h| h.to_string())
                            .unwrap_or_default(),
                    ));
                }
            }
            (found.len() == want.len()).then_some(())
        },
    )
    .await?;
    Ok(found)
}

/// Submits `group` (distinct files) in one transaction; returns each one's (txSeq, tx hash, fee).
async fn submit_group(
    t: &Target<'_>,
    items: &[Item],
    group: &[usize],
    abi: SubmitAbi,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<Vec<(u64, String, U256)>> {
    let signer = t.signer;
    let names: Vec<String> = group
        .iter()
        .map(|&i| {
            items[i]
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    if abi == SubmitAbi::Data {
        let it = &items[group[0]];
        let paths = (t.client.paths.cache(), names[0].as_str());
        let one = super::upload::submit(
            signer,
            t.flow,
            &it.tree.nodes(),
            it.frag.size,
            opts,
            paths,
            progress,
        )
        .await?;
        return Ok(vec![one]);
    }
    let market = FlowContract::open(signer.chain.clone(), t.flow)
        .await?
        .fee_market()
        .await?;
    let mut fees = Vec::with_capacity(group.len());
    let mut submissions = Vec::with_capacity(group.len());
    let mut id = Vec::new();
    for (k, &i) in group.iter().enumerate() {
        let it = &items[i];
        let q = market.quote(it.report.fee_sectors).await?;
        check_fee(signer, &q, opts.max_fee, &names[k]).await?;
        fees.push(q.fee);
        submissions.push(Flow::Submission {
            data: submission_data(&it.tree.nodes(), it.frag.size, &opts.tags),
            submitter: signer.address,
        });
        id.extend_from_slice(&it.tree.root);
        id.extend_from_slice(&it.frag.size.to_be_bytes());
    }
    let total: U256 = fees.iter().copied().sum();
    let total_quote = super::flow::Quote {
        sectors: group.iter().map(|&i| items[i].report.fee_sectors).sum(),
        price_per_sector: market.quote(1).await?.price_per_sector,
        fee: total,
    };
    check_fee(
        signer,
        &total_quote,
        None,
        &format!("{} files", group.len()),
    )
    .await?;
    let intent = format!(
        "flow-batch:{}:{:#x}:{}",
        signer.chain.chain_id,
        t.flow,
        hex::encode(merkle::keccak(&id))
    );
    let label = format!("submitting {} files ({} …)", group.len(), names[0]);
    let confirmed = match crate::chain::tx::resume_intent(signer, &intent, &label, progress).await?
    {
        Some(c) => c,
        None => {
            let tx = TransactionRequest::default()
                .to(t.flow)
                .value(total)
                .input(Flow::batchSubmitCall { submissions }.abi_encode().into());
            let prepared = crate::chain::tx::prepare(signer, tx).await?;
            crate::chain::tx::send_prepared_once(signer, Some(&intent), prepared, &label, progress)
                .await?
        }
    };
    let seqs: Vec<u64> = confirmed
        .receipt
        .inner
        .logs()
        .iter()
        .filter(|l| l.address() == t.flow)
        .filter_map(|l| Flow::Submit::decode_log_data(l.data()).ok())
        .map(|ev| ev.submissionIndex.to::<u64>())
        .collect();
    if seqs.len() != group.len() {
        return Err(Error::failed(
            "storage.no_submit_event",
            format!(
                "transaction {} emitted {} Submit events for {} files",
                confirmed.tx_hash,
                seqs.len(),
                group.len()
            ),
        ));
    }
    let hash = confirmed.tx_hash.to_string();
    Ok(seqs
        .into_iter()
        .zip(fees)
        .map(|(s, f)| (s, hash.clone(), f))
        .collect())
}

/// Waits until the nodes see the file's transaction, sends its segments, and (with
/// `wait_finalized`) waits until every node finalized it.
async fn finish_item(t: &Target<'_>, it: &mut Item, opts: &UploadOptions) -> Result<()> {
    let Some(tx_seq) = it.tx else {
        return Ok(());
    };
    let (start_entry, finalized) = wait_seen(t.nodes, tx_seq, opts, &Silent).await?;
    let label = it.report.root.clone();
    send_segments(
        t,
        &it.tree,
        &it.frag,
        &it.journal,
        (tx_seq, start_entry),
        &finalized,
        &mut it.report,
        &label,
        opts,
        &Silent,
    )
    .await?;
    if opts.wait_finalized {
        for n in t.nodes {
            wait_for(n, tx_seq, true, opts).await?;
        }
        it.report.finalized = true;
    }
    Ok(())
}

fn report_of(it: Item) -> UploadReport {
    let f = it.report;
    UploadReport {
        path: it.path,
        size: f.size,
        root: Some(f.root.clone()),
        tx_seq: Some(f.tx_seq),
        tx_hash: f.tx_hash.clone(),
        fee: f.fee.clone(),
        segments: f.segments,
        segments_sent: f.segments_sent,
        segments_skipped: f.segments_skipped,
        roots: vec![f.root.clone()],
        fragments: vec![f],
    }
}
