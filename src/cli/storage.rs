//! `cohort storage`: upload, download, info and root of files on 0G-compatible storage nodes.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::error::Result;
use crate::progress::Unit;
use crate::storage::{self, DownloadOptions, UploadOptions, UploadReport};
use crate::ui::table;

#[derive(Debug, Subcommand)]
pub enum StorageCommand {
    /// Upload files: compute the root, pay the fee, submit, send every node its segments
    ///
    /// A rerun of an interrupted upload continues: no second transaction for the same root, and
    /// only segments the nodes have not acknowledged are sent. A file the nodes already hold
    /// finalized costs nothing. With --json: one object per file (`{"files": [...]}` for
    /// several) with root, tx_seq, tx_hash, size, fee (wei paid by this run), fee_paid_earlier
    /// (true when a resumed run found the transaction an earlier run paid), segments,
    /// segments_sent, roots.
    ///
    /// Examples:
    ///   cohort storage upload data.jsonl
    ///   cohort storage upload a.bin b.bin --wallet alice --json
    #[command(verbatim_doc_comment)]
    Upload(UploadArgs),
    /// Download files by root, checking every segment's proof and the whole root
    ///
    /// Several roots are fragments, concatenated in order. Data goes to `.<name>.part` next to
    /// the output and is renamed into place once the whole root checks out; an interrupted
    /// download of the same roots continues from its verified prefix (a `.part` of other roots
    /// is discarded).
    ///
    /// Examples:
    ///   cohort storage download 0x71bf…26ba -o data.bin
    ///   cohort storage download ROOT1 ROOT2 -o big.bin --force
    #[command(verbatim_doc_comment)]
    Download(DownloadArgs),
    /// What each storage node knows about a root: tx_seq, size, finalized, segments stored.
    ///
    /// A root no node knows is exit 1 (`storage.not_found`); exit 3 when some nodes could not
    /// be asked.
    ///
    /// Example: cohort storage info 0x71bf…26ba --json
    Info(InfoArgs),
    /// Compute a file's root and submission nodes locally (no network).
    ///
    /// Example: cohort storage root data.bin --json
    Root(RootArgs),
}

/// Parses a byte size: `4294967296`, `4GiB`, `512MiB`, `64KiB`, `4G`, `10M`.
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size like 4GiB or 1048576"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => {
            return Err(format!(
                "'{s}' has an unknown unit (use B, KiB, MiB, GiB or TiB)"
            ));
        }
    };
    n.checked_mul(mult)
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("'{s}' is out of range"))
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// Files to upload.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Split files larger than this into fragments, each its own root and transaction (rounded
    /// up to a power of two, at least 256 bytes, as 0G's clients do: 100MiB gives 128 MiB).
    #[arg(long, default_value = "4GiB", value_parser = parse_size, value_name = "SIZE")]
    pub fragment_size: u64,
    /// Segments (256 KiB each) per upload request; a node that refuses a request as too big
    /// gets halves of it.
    #[arg(long, default_value_t = storage::upload::DEFAULT_SEGMENTS_PER_REQUEST, value_name = "N")]
    pub batch: usize,
    /// Upload requests in flight per node.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub concurrency: usize,
    /// Seconds to wait for the nodes to see the transaction, and to finalize.
    #[arg(long, default_value_t = 600, value_name = "S", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Return once the segments are sent, without waiting for the nodes to finalize.
    #[arg(long)]
    pub no_wait: bool,
    /// Store every shard on this many nodes: the nodes asked of the indexer (or named with
    /// --storage-node) must cover every shard this often, else nothing is paid (exit 1).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=64), value_name = "N")]
    pub expected_replica: u64,
    /// The submission's tags, as hex (`0x…`): recorded on chain with the file [default: none].
    #[arg(long, value_name = "HEX", value_parser = parse_tag)]
    pub tag: Option<alloy::primitives::Bytes>,
    /// Refuse to pay more than this fee per file or fragment (1.5, 0.001ether, 250gwei,
    /// 1000wei): a higher fee fails with exit 4 before anything is sent.
    #[arg(long, value_name = "AMOUNT")]
    pub max_fee: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// File roots (several: fragments, concatenated in order).
    #[arg(required = true, value_name = "ROOT")]
    pub roots: Vec<String>,
    /// Where to write the file; `-` streams it to stdout (each segment written once its proof
    /// checks, in order; the root checked at the end: exit 5 on a mismatch; no resume).
    #[arg(short, long, visible_alias = "out", value_name = "PATH")]
    pub output: PathBuf,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Segments fetched at once, asked 4 per request (each one's proof is checked as it
    /// arrives, on all cores).
    #[arg(long, default_value_t = 16, value_name = "N")]
    pub concurrency: usize,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// The file root.
    #[arg(value_name = "ROOT")]
    pub root: String,
}

#[derive(Debug, Args)]
pub struct RootArgs {
    /// The file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Fragment size, as for upload (rounded up to a power of two).
    #[arg(long, default_value = "4GiB", value_parser = parse_size, value_name = "SIZE")]
    pub fragment_size: u64,
    /// Hashing threads (0: all cores).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Also quote the fee at the flow's current price (reads the chain; nothing is sent).
    #[arg(long)]
    pub fee: bool,
}

/// Parses `--tag`: hex bytes, with or without `0x`.
fn parse_tag(s: &str) -> std::result::Result<alloy::primitives::Bytes, String> {
    let t = s.trim();
    let t = t.strip_prefix("0x").unwrap_or(t);
    hex::decode(t)
        .map(Into::into)
        .map_err(|e| format!("'{s}' is not hex bytes like 0x01ff: {e}"))
}

fn render_upload(r: &UploadReport, symbol: &str) -> String {
    let mut rows: Vec<(String, String)> = vec![("file".into(), r.path.display().to_string())];
    if let Some(root) = &r.root {
        rows.push(("root".into(), root.clone()));
    }
    if let Some(seq) = r.tx_seq {
        rows.push(("txSeq".into(), seq.to_string()));
    }
    if let Some(h) = &r.tx_hash {
        rows.push(("txHash".into(), h.clone()));
    }
    rows.push(("size".into(), format!("{} bytes", r.size)));
    let fee: alloy::primitives::U256 = r.fee.parse().unwrap_or_default();
    let shown = crate::chain::units::coin_exact(fee, symbol);
    let fee_row = if !r.fee_paid_earlier {
        shown
    } else if r.fragments.iter().all(|f| f.fee_paid_earlier) {
        "none by this run: paid earlier (the file's transaction already existed)".to_string()
    } else {
        format!("{shown} by this run; the rest paid earlier")
    };
    rows.push(("fee".into(), fee_row));
    let state = if r.fragments.iter().all(|f| f.already_stored) {
        "already stored; nothing sent".to_string()
    } else {
        format!(
            "{} sent, {} already acknowledged",
            r.segments_sent, r.segments_skipped
        )
    };
    rows.push(("segments".into(), format!("{} ({state})", r.segments)));
    let mut out = table::pairs(&rows);
    if r.fragments.len() > 1 {
        out.push_str("\n\n");
        out.push_str(&table::render(
            &["FRAGMENT", "ROOT", "TX SEQ", "SIZE"],
            r.fragments.iter().enumerate().map(|(i, f)| {
                vec![
                    i.to_string(),
                    f.root.clone(),
                    f.tx_seq.to_string(),
                    f.size.to_string(),
                ]
            }),
        ));
        out.push_str(&format!(
            "\n\ndownload with: cohort storage download {} -o FILE",
            r.roots.join(" ")
        ));
    }
    out
}

impl StorageCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            StorageCommand::Upload(a) => upload(ctx, a).await,
            StorageCommand::Download(a) => download(ctx, a).await,
            StorageCommand::Info(a) => info(ctx, a).await,
            StorageCommand::Root(a) => root(ctx, a).await,
        }
    }
}

async fn upload(ctx: &Ctx, a: UploadArgs) -> Result<()> {
    let p = &ctx.printer;
    let progress = p.progress();
    // Bad input fails before anything touches the network.
    for f in &a.files {
        storage::upload::check_input(f)?;
    }
    let max_fee = a
        .max_fee
        .as_deref()
        .map(|m| crate::chain::units::parse_amount(m, 18))
        .transpose()?;
    let client = ctx.client()?;
    let chain = client.chain().await?;
    let signer = ctx.signer(&client, &chain, &a.signer)?;
    let opts = UploadOptions {
        fragment_size: a.fragment_size,
        segments_per_request: a.batch.max(1),
        concurrency: a.concurrency.max(1),
        timeout: std::time::Duration::from_secs(a.timeout),
        wait_finalized: !a.no_wait,
        expected_replica: a.expected_replica,
        tags: a.tag.map(|t| t.to_vec()).unwrap_or_default(),
        max_fee,
        ..UploadOptions::default()
    };
    let overall = (a.files.len() > 1).then(|| {
        progress.task(
            &format!("{} files", a.files.len()),
            Some(a.files.len() as u64),
            Unit::Items,
        )
    });
    let mut reports = Vec::new();
    for f in &a.files {
        let r = storage::upload_file(&client, &signer, f, &opts, progress.as_ref()).await?;
        if let Some(t) = &overall {
            t.inc(1);
        }
        reports.push(r);
    }
    if let Some(t) = overall {
        t.finish_with(&format!("uploaded {} files", reports.len()));
    }
    let symbol = crate::chain::tx::native_symbol(chain.chain_id);
    if reports.len() == 1 {
        p.result(&reports[0], |r| render_upload(r, symbol));
    } else {
        let doc = storage::UploadReports { files: reports };
        p.result(&doc, |d| {
            d.files
                .iter()
                .map(|r| render_upload(r, symbol))
                .collect::<Vec<_>>()
                .join("\n\n")
        });
    }
    Ok(())
}

/// The client of a command that reads from storage nodes only (download, info): the active
/// profile, or, where there is none and storage nodes or an indexer are named (`--storage-node`,
/// `--indexer` or their variables), just those endpoints. No chain is asked, as with 0G's own
/// download client.
fn storage_client(ctx: &Ctx) -> Result<crate::client::Client> {
    let e = match ctx.client() {
        Ok(c) => return Ok(c),
        Err(e) => e,
    };
    let ov = ctx.overrides();
    let named =
        !ov.storage_nodes.is_empty() || ov.indexer.as_deref().is_some_and(|i| !i.is_empty());
    if !named
        || ov.profile.is_some()
        || !matches!(
            e.code.as_str(),
            "config.unknown_profile" | "config.no_rpc_url"
        )
    {
        return Err(e);
    }
    let (storage_nodes, indexer) = if ov.storage_nodes.is_empty() {
        (Vec::new(), ov.indexer.clone())
    } else {
        (ov.storage_nodes.clone(), None)
    };
    Ok(crate::client::Client {
        paths: ctx.paths.clone(),
        profile: crate::config::ResolvedProfile {
            name: "(none)".into(),
            rpc_url: String::new(),
            chain_id: None,
            storage_nodes,
            indexer,
            wallet: None,
            contracts: Default::default(),
        },
    })
}

async fn download(ctx: &Ctx, a: DownloadArgs) -> Result<()> {
    let p = &ctx.printer;
    let progress = p.progress();
    let roots = a
        .roots
        .iter()
        .map(|r| storage::parse_root(r))
        .collect::<Result<Vec<_>>>()?;
    let client = storage_client(ctx)?;
    let opts = DownloadOptions {
        force: a.force,
        concurrency: a.concurrency.max(1),
        ..DownloadOptions::default()
    };
    let r = storage::download(&client, &roots, &a.output, &opts, progress.as_ref()).await?;
    for b in &r.bad_segments {
        p.warn(&format!(
            "storage node {} served a bad or missing segment {}: {}",
            b.node, b.segment, b.reason
        ));
    }
    for d in &r.nodes_marked_down {
        p.warn(&format!(
            "storage node {} could not be reached; its segments came from the other holders{}",
            d.node,
            if d.back_up {
                " until it answered again"
            } else {
                ""
            }
        ));
    }
    if a.output.as_os_str() == "-" {
        // stdout holds the data: the summary goes to stderr.
        p.note(&format!(
            "downloaded {} bytes to stdout (every segment's proof and the root verified)",
            r.size
        ));
        return Ok(());
    }
    p.result(&r, |r| {
        let mut s = format!(
            "downloaded {} bytes to {} (root verified)",
            r.size,
            r.path.display()
        );
        if r.resumed_bytes > 0 {
            s.push_str(&format!("; resumed after {} bytes", r.resumed_bytes));
        }
        s
    });
    Ok(())
}

async fn info(ctx: &Ctx, a: InfoArgs) -> Result<()> {
    let root = storage::parse_root(&a.root)?;
    let client = storage_client(ctx)?;
    let progress = ctx.printer.progress();
    let doc = storage::info(&client, &root, progress.as_ref()).await?;
    if doc.nodes.iter().all(|n| n.info.is_none()) {
        return Err(unknown_root(&doc));
    }
    ctx.printer.result(&doc, |d| {
        table::render(
            &[
                "NODE",
                "TX SEQ",
                "SIZE",
                "FINALIZED",
                "SEGMENTS",
                "START ENTRY",
            ],
            d.nodes.iter().map(info_row),
        )
    });
    Ok(())
}

/// No node knows the root: exit 1 (`storage.not_found`), or exit 3 when some nodes could not
/// be asked (they may hold it).
fn unknown_root(doc: &storage::RootInfo) -> crate::Error {
    let down: Vec<String> = doc
        .nodes
        .iter()
        .filter_map(|n| Some(format!("{}: {}", n.node, n.error.as_ref()?)))
        .collect();
    let asked = doc.nodes.len() - down.len();
    if down.is_empty() {
        return crate::Error::failed(
            "storage.not_found",
            format!("no storage node knows root {} ({asked} asked)", doc.root),
        )
        .hint(
            "check the root (`cohort storage root FILE` computes a file's) and the profile's \
             network (--profile, --storage-node, --indexer); a file just submitted may take a \
             moment to appear",
        );
    }
    let mut e = crate::Error::unreachable(
        "storage.unreachable",
        format!(
            "none of the {asked} storage nodes that answered knows root {}, and {} could not be asked",
            doc.root,
            down.len()
        ),
    )
    .hint("check the nodes, then rerun the same command");
    for d in down {
        e = e.cause(d);
    }
    e
}

fn info_row(n: &storage::NodeFileInfo) -> Vec<String> {
    let blank = |first: String| {
        vec![
            n.node.clone(),
            first,
            "".into(),
            "".into(),
            "".into(),
            "".into(),
        ]
    };
    match (&n.info, &n.error) {
        (Some(i), _) => vec![
            n.node.clone(),
            i.tx.seq.to_string(),
            i.tx.size.to_string(),
            if i.finalized { "yes" } else { "no" }.into(),
            format!(
                "{}/{}",
                i.uploaded_seg_num,
                storage::merkle::num_data_segments(i.tx.size)
            ),
            i.tx.start_entry_index.to_string(),
        ],
        (None, Some(e)) => blank(format!("error: {e}")),
        (None, None) => blank("not found".into()),
    }
}

async fn root(ctx: &Ctx, a: RootArgs) -> Result<()> {
    let p = &ctx.printer;
    let progress = p.progress();
    // The fee needs the profile: a bad profile fails before the file is hashed.
    let client = if a.fee { Some(ctx.client()?) } else { None };
    let mut r = storage::root_of_file(&a.file, a.fragment_size, a.threads, progress.as_ref())?;
    let mut symbol = "";
    if let Some(client) = &client {
        r.fee = Some(storage::fee_quote(client, &r).await?);
        symbol = crate::chain::tx::native_symbol(client.chain().await?.chain_id);
    }
    p.result(&r, |r| render_root(r, symbol));
    Ok(())
}

fn render_root(r: &storage::RootReport, symbol: &str) -> String {
    let mut out = String::new();
    for (i, f) in r.fragments.iter().enumerate() {
        if r.fragments.len() > 1 {
            out.push_str(&format!("fragment {i} (offset {}):\n", f.offset));
        }
        let nodes: Vec<String> = f
            .nodes
            .iter()
            .map(|n| format!("{}:0x{}", n.height, hex::encode(n.root)))
            .collect();
        out.push_str(&table::pairs(&[
            ("root", f.root.clone()),
            ("size", format!("{} bytes", f.size)),
            (
                "chunks",
                format!("{} (padded {})", f.chunks, f.padded_chunks),
            ),
            (
                "segments",
                format!("{} (padded {})", f.segments, f.padded_segments),
            ),
            ("fee sectors", f.fee_sectors.to_string()),
            ("nodes", nodes.join(", ")),
        ]));
        out.push('\n');
    }
    if let Some(q) = &r.fee {
        out.push_str(&table::pairs(&[
            (
                "fee",
                format!(
                    "{} ({} sectors × {} wei; gas not included)",
                    crate::chain::units::coin_exact(q.fee, symbol),
                    q.sectors,
                    q.price_per_sector
                ),
            ),
            ("market", q.market.to_string()),
        ]));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert!(parse_size("0").is_err());
        assert!(parse_size("4XB").is_err());
        assert!(parse_size("GiB").is_err());
    }
}
