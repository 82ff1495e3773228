//! Submission in few transactions, for many small files (`dataset upload`) and for the fragments
//! of one large file alike: the pieces are hashed, what the nodes and journals already know is
//! looked up, the rest is found in the chain's Submit logs (one paged search for all of them) or
//! submitted through the flow's `batchSubmit` (up to [`MAX_BATCH`] per transaction, as 0G's Go
//! client does; a group of one goes through `submit`), and then every piece's segments are sent
//! and its finalization awaited. Each piece keeps its own journal, so an interrupted upload
//! resumes per piece and is never paid twice (a batch transaction is recorded before it is
//! broadcast, like every submission). A flow with 0G's older ABI (no `batchSubmit` of this
//! form) gets one `submit` per piece. With an indexer, a node that fails is dropped and the
//! indexer asked again; the pieces are not hashed again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use alloy::primitives::{B256, U256};
use alloy::rpc::types::{Filter, TransactionRequest};
use alloy::sol_types::{SolCall, SolEvent};
use futures::StreamExt;

use super::flow::{FlowContract, SubmitAbi};
use super::merkle::{self, FileTree, Hash};
use super::rpc::NodeClient;
use super::types::{ShardConfig, hex_hash};
use super::upload::{
    Fragment, FragmentReport, Journal, Known, Selection, Target, UploadOptions, UploadReport,
    check_fee, known_tx, open_input, send_segments, submission_data, tree_of_range, wait_for,
    wait_seen,
};
use crate::chain::SignerChain;
use crate::chain::bindings::Flow;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::{Progress, Silent, Unit};

/// The most files one `batchSubmit` carries.
pub const MAX_BATCH: usize = 10;

/// Small files in flight at once while segments are sent and finalization awaited.
const CONCURRENT_FILES: usize = 32;

/// One piece of an upload (a small file, or one fragment of a large one), hashed.
pub(crate) struct Piece {
    path: PathBuf,
    /// The name shown in progress lines: the file's name, with `[k/n]` for a fragment.
    label: String,
    frag: Fragment,
    tree: Arc<FileTree>,
    journal: Arc<Journal>,
    pub(crate) report: FragmentReport,
    /// The transaction, once known.
    tx: Option<u64>,
    /// Sent and (with `wait_finalized`) finalized: a later attempt leaves it alone.
    done: bool,
}

impl Piece {
    pub(crate) fn new(
        t: &Target<'_>,
        path: &Path,
        label: String,
        frag: Fragment,
        tree: FileTree,
    ) -> Piece {
        let journal = Arc::new(Journal::open(
            &t.client.paths.cache(),
            t.signer.chain.chain_id,
            t.flow,
            &tree.root,
            frag.size,
        ));
        let report = FragmentReport {
            root: hex_hash::to_hex(&tree.root),
            tx_seq: 0,
            tx_hash: None,
            offset: frag.offset,
            size: frag.size,
            fee: "0".into(),
            fee_sectors: merkle::fee_sectors(frag.size),
            segments: merkle::num_data_segments(frag.size),
            segments_sent: 0,
            segments_skipped: 0,
            submitted: false,
            fee_paid_earlier: false,
            already_stored: false,
            finalized: false,
        };
        Piece {
            path: path.to_path_buf(),
            label,
            frag,
            tree: Arc::new(tree),
            journal,
            report,
            tx: None,
            done: false,
        }
    }

    fn key(&self) -> (Hash, u64) {
        (self.tree.root, self.frag.size)
    }

    fn set_tx(&mut self, seq: u64, hash: Option<String>) -> Result<()> {
        self.journal.set_tx(seq, hash.clone())?;
        self.report.tx_seq = seq;
        self.report.tx_hash = hash;
        self.tx = Some(seq);
        Ok(())
    }
}

/// How the pieces of an upload are shown and sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Many small files: no line per file, many files in flight at once.
    SmallFiles,
    /// The fragments of one file: each shown, one after another.
    Fragments,
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
    let picked = sel.pick(signer).await?;
    let t = Target::new(client, signer, &picked);
    let mut pieces = Vec::with_capacity(paths.len());
    for p in paths {
        let (file, size) = open_input(p)?;
        let frag = Fragment {
            file: Arc::new(file),
            offset: 0,
            size,
        };
        let task = Silent.task("", Some(size), Unit::Bytes);
        let tree = tree_of_range(frag.file.clone(), p, 0, size, task).await?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        pieces.push(Piece::new(&t, p, name, frag, tree));
    }
    upload_pieces(
        client,
        signer,
        &mut sel,
        picked,
        &mut pieces,
        Shape::SmallFiles,
        opts,
        progress,
    )
    .await?;
    Ok(pieces.into_iter().map(report_of).collect())
}

/// Submits what is not yet on chain and sends every piece; after a failure that a dead node
/// explains (with an indexer), drops it, selects again and goes on with the same pieces.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn upload_pieces(
    client: &Client,
    signer: &SignerChain,
    sel: &mut Selection<'_>,
    (mut nodes, mut cfgs, flow): (
        Vec<NodeClient>,
        Vec<ShardConfig>,
        alloy::primitives::Address,
    ),
    pieces: &mut [Piece],
    shape: Shape,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    // Journals that a killed run left half-written.
    crate::fsutil::remove_stale_temps(&client.paths.cache().join("uploads"));
    loop {
        let t = Target {
            client,
            signer,
            flow,
            nodes: &nodes,
            cfgs: &cfgs,
        };
        let e = match attempt(&t, pieces, shape, opts, progress).await {
            Ok(()) => {
                for p in pieces.iter_mut() {
                    p.report.fee_paid_earlier = !p.report.submitted;
                }
                return Ok(());
            }
            Err(e) => e,
        };
        if !sel.drop_dead(&nodes, &e, progress).await {
            return Err(after_paid(e, None, sel.dropped(), pieces));
        }
        let (n, c, f) = match sel.pick(signer).await {
            Ok(p) => p,
            Err(lost) => return Err(after_paid(e, Some(lost), sel.dropped(), pieces)),
        };
        if f != flow {
            return Err(e);
        }
        (nodes, cfgs) = (n, c);
    }
}

/// An upload that stopped after the fee of a piece not yet done was paid: a node that went
/// away (and, with an indexer, none left to take its place: `lost`) is worth retrying (exit 3),
/// and a rerun of the same command resumes with the same transaction, paying nothing again.
/// Other errors, and errors before anything was paid, come back as they are.
fn after_paid(e: Error, lost: Option<Error>, dropped: &[String], pieces: &[Piece]) -> Error {
    let paid: Vec<u64> = pieces
        .iter()
        .filter(|p| !p.done)
        .filter_map(|p| p.tx)
        .collect();
    let Some(&seq) = paid.first() else {
        return lost.unwrap_or(e);
    };
    // A node that stopped answering: dropped (indexer), or named and unreachable.
    let went_away = e.code == "storage.unreachable" || !dropped.is_empty();
    if !went_away {
        return lost.unwrap_or(e);
    }
    let seqs = paid
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let which = if dropped.is_empty() {
        "a storage node".to_string()
    } else {
        format!(
            "storage node {}",
            dropped
                .iter()
                .map(|d| crate::redact::url(d))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut out = Error::unreachable(
        "storage.node_lost",
        format!(
            "{which} went away during the upload, after the fee was paid (tx_seq {seqs}){}",
            match &lost {
                Some(l) => format!(", and no other node can take its place: {}", l.message),
                None => String::new(),
            }
        ),
    )
    .hint(format!(
        "rerun the same command once the node is back (or another node of its shard is up): \
         it resumes with the same transaction (tx_seq {seq}) and pays no fee again"
    ))
    .cause(e.message.clone());
    for c in e.causes {
        out = out.cause(c);
    }
    out
}

/// One pass over the pieces not yet done, with these nodes.
async fn attempt(
    t: &Target<'_>,
    pieces: &mut [Piece],
    shape: Shape,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    // What was sent in an earlier pass stays counted; what is skipped is counted again for
    // this pass's nodes.
    for p in pieces.iter_mut().filter(|p| !p.done) {
        p.tx = None;
        p.report.segments_skipped = 0;
    }
    // What the nodes and journals know, concurrently.
    let known: Vec<(usize, Result<Known>)> =
        futures::stream::iter(pieces.iter_mut().enumerate().filter(|(_, p)| !p.done))
            .map(|(i, p)| async move {
                (
                    i,
                    known_tx(t, &p.tree, p.frag.size, &p.journal, &mut p.report, opts).await,
                )
            })
            .buffered(CONCURRENT_FILES)
            .collect()
            .await;
    let mut unknown = Vec::new();
    for (i, k) in known {
        match k? {
            Known::Stored => {
                pieces[i].journal.remove();
                pieces[i].done = true;
            }
            Known::Tx(seq, hash) => pieces[i].set_tx(seq, hash)?,
            Known::Unknown => unknown.push(i),
        }
    }
    submit_unknown(t, pieces, &unknown, opts, progress).await?;
    // Segments and finalization.
    let (shown, at_once): (&dyn Progress, usize) = match shape {
        Shape::SmallFiles => (&Silent, CONCURRENT_FILES),
        Shape::Fragments => (progress, 1),
    };
    let sent: Vec<Result<()>> = futures::stream::iter(pieces.iter_mut().filter(|p| !p.done))
        .map(|p| finish(t, p, opts, shown))
        .buffered(at_once)
        .collect()
        .await;
    sent.into_iter().collect::<Result<Vec<()>>>()?;
    Ok(())
}

/// Finds the unknown pieces' earlier submissions on chain (one paged log search for all), then
/// submits the rest: `batchSubmit` by [`MAX_BATCH`], or one `submit` each on an older flow.
/// Pieces with the same root and size share one submission.
async fn submit_unknown(
    t: &Target<'_>,
    pieces: &mut [Piece],
    unknown: &[usize],
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    if unknown.is_empty() {
        return Ok(());
    }
    // A submission an interrupted run recorded (alone, or in a batch this run groups otherwise:
    // its record is named after its own group) is settled first, so that the log search below
    // finds it once mined instead of paying for its pieces again.
    let prefixes = ["flow-batch", "flow-submit"]
        .map(|k| format!("{k}:{}:{:#x}:", t.signer.chain.chain_id, t.flow));
    crate::chain::tx::resume_all(
        t.signer,
        &prefixes,
        "submitting what an earlier run sent",
        progress,
    )
    .await?;
    let on_chain = find_submissions(t, pieces, unknown, opts).await?;
    // Distinct (root, size) still to submit, in order.
    let mut todo: Vec<usize> = Vec::new();
    for &i in unknown {
        let k = pieces[i].key();
        if let Some((seq, hash)) = on_chain.get(&k) {
            pieces[i].set_tx(*seq, Some(hash.clone()))?;
        } else if !todo.iter().any(|&j| pieces[j].key() == k) {
            todo.push(i);
        }
    }
    if todo.is_empty() {
        return share_txs(pieces, unknown);
    }
    let first = &pieces[todo[0]];
    let market = FlowContract::open(t.signer.chain.clone(), t.flow)
        .await?
        .fee_market()
        .await?;
    let q = market.quote(first.report.fee_sectors).await?;
    // A fee over --max-fee or beyond the wallet is refused before the flow's form is probed
    // (a simulation without the funds fails in both forms).
    check_fee(t.signer, &q, opts.max_fee, &first.label).await?;
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
    let per_tx = if abi == SubmitAbi::Submission {
        MAX_BATCH
    } else {
        1
    };
    for group in todo.chunks(per_tx) {
        let done = submit_group(t, pieces, group, opts, progress).await?;
        for (&i, (seq, hash, fee)) in group.iter().zip(done) {
            pieces[i].report.fee = fee.to_string();
            pieces[i].report.submitted = true;
            pieces[i].set_tx(seq, Some(hash))?;
        }
    }
    share_txs(pieces, unknown)
}

/// Pieces that share a root and size with a submitted one take its transaction.
fn share_txs(pieces: &mut [Piece], unknown: &[usize]) -> Result<()> {
    for &i in unknown {
        if pieces[i].tx.is_some() {
            continue;
        }
        let Some(j) = unknown
            .iter()
            .copied()
            .find(|&j| pieces[j].tx.is_some() && pieces[j].key() == pieces[i].key())
        else {
            continue;
        };
        let (seq, hash) = (pieces[j].report.tx_seq, pieces[j].report.tx_hash.clone());
        pieces[i].set_tx(seq, hash)?;
    }
    Ok(())
}

/// Earlier submissions of the unknown pieces in the chain's Submit logs: the newest
/// `opts.log_window` blocks in pages, one query per page for all of them.
async fn find_submissions(
    t: &Target<'_>,
    pieces: &[Piece],
    unknown: &[usize],
    opts: &UploadOptions,
) -> Result<HashMap<(Hash, u64), (u64, String)>> {
    let want: HashMap<(B256, U256), (Hash, u64)> = unknown
        .iter()
        .map(|&i| {
            let p = &pieces[i];
            let digest = super::upload::submit_digest(&p.tree.nodes());
            ((digest, U256::from(p.frag.size)), p.key())
        })
        .collect();
    let filter = Filter::new()
        .address(t.flow)
        .event_signature(Flow::Submit::SIGNATURE_HASH)
        .topic2(want.keys().map(|(d, _)| *d).collect::<Vec<B256>>());
    let head = t.signer.chain.block_number().await?;
    let mut found = HashMap::new();
    crate::chain::logs::search_back(
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

/// What a group's transaction is called in progress lines: "3 fragments of big.bin", or
/// "10 files (a.txt …)".
fn group_label(pieces: &[Piece], group: &[usize]) -> String {
    let first = &pieces[group[0]];
    if group.iter().all(|&i| pieces[i].path == first.path) {
        let name = first
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{} fragments of {name}", group.len())
    } else {
        format!("{} files ({} …)", group.len(), first.label)
    }
}

/// Submits `group` (distinct pieces) in one transaction; returns each one's (txSeq, tx hash,
/// fee). A group of one is a plain `submit` in the form the flow takes.
async fn submit_group(
    t: &Target<'_>,
    pieces: &[Piece],
    group: &[usize],
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<Vec<(u64, String, U256)>> {
    let signer = t.signer;
    if let [i] = group {
        let p = &pieces[*i];
        let paths = (t.client.paths.cache(), p.label.as_str());
        let one = super::upload::submit(
            signer,
            t.flow,
            &p.tree.nodes(),
            p.frag.size,
            opts,
            paths,
            progress,
        )
        .await?;
        return Ok(vec![one]);
    }
    // One price read for the whole group.
    let price = FlowContract::open(signer.chain.clone(), t.flow)
        .await?
        .fee_market()
        .await?
        .quote(0)
        .await?;
    let mut fees = Vec::with_capacity(group.len());
    let mut submissions = Vec::with_capacity(group.len());
    let mut id = Vec::new();
    for &i in group {
        let p = &pieces[i];
        let q = price.for_sectors(p.report.fee_sectors);
        check_fee(signer, &q, opts.max_fee, &p.label).await?;
        fees.push(q.fee);
        submissions.push(Flow::Submission {
            data: submission_data(&p.tree.nodes(), p.frag.size, &opts.tags),
            submitter: signer.address,
        });
        id.extend_from_slice(&p.tree.root);
        id.extend_from_slice(&p.frag.size.to_be_bytes());
    }
    let what = group_label(pieces, group);
    let total_quote = price.for_sectors(group.iter().map(|&i| pieces[i].report.fee_sectors).sum());
    let total = total_quote.fee;
    check_fee(signer, &total_quote, None, &what).await?;
    let intent = format!(
        "flow-batch:{}:{:#x}:{}",
        signer.chain.chain_id,
        t.flow,
        hex::encode(merkle::keccak(&id))
    );
    let label = format!("submitting {what}");
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
                "transaction {} emitted {} Submit events for {} pieces",
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

/// Waits until the nodes see the piece's transaction, sends its segments, and (with
/// `wait_finalized`) waits until every node finalized it.
async fn finish(
    t: &Target<'_>,
    p: &mut Piece,
    opts: &UploadOptions,
    progress: &dyn Progress,
) -> Result<()> {
    let Some(tx_seq) = p.tx else {
        p.done = true;
        return Ok(());
    };
    let waiting = super::upload::Waiting {
        chain: &t.signer.chain,
        tx_hash: p.report.tx_hash.as_deref().and_then(|h| h.parse().ok()),
        progress,
    };
    let (start_entry, finalized) = wait_seen(t.nodes, tx_seq, opts, &waiting).await?;
    send_segments(
        t,
        &p.tree,
        &p.frag,
        &p.journal,
        (tx_seq, start_entry),
        &finalized,
        &mut p.report,
        &p.label,
        opts,
        progress,
    )
    .await?;
    if opts.wait_finalized {
        let label = &p.label;
        let task = progress.task(
            &format!("waiting for {label} to finalize"),
            None,
            Unit::Steps,
        );
        for n in t.nodes {
            wait_for(n, tx_seq, true, opts, None).await?;
        }
        task.finish_with(&format!("{label} finalized"));
        p.report.finalized = true;
        // Every node holds it: a rerun finds it stored, so its journal has nothing left to do.
        p.journal.remove();
    }
    p.done = true;
    Ok(())
}

/// The report of a small file (one piece).
fn report_of(p: Piece) -> UploadReport {
    let f = p.report;
    UploadReport {
        path: p.path,
        size: f.size,
        root: Some(f.root.clone()),
        tx_seq: Some(f.tx_seq),
        tx_hash: f.tx_hash.clone(),
        fee: f.fee.clone(),
        fee_paid_earlier: f.fee_paid_earlier,
        segments: f.segments,
        segments_sent: f.segments_sent,
        segments_skipped: f.segments_skipped,
        roots: vec![f.root.clone()],
        fragments: vec![f],
    }
}
