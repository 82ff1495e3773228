//! `cohort dataset`: community datasets (create, upload, review, seal, download, verify).

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};
use indicatif::HumanBytes;

use super::Ctx;
use super::opts::SignerOpts;
use crate::datasets::{self, ContentCheck, Registry, Verdict};
use crate::error::Result;
use crate::ui::table;

#[derive(Debug, Subcommand)]
pub enum DatasetCommand {
    /// Create a dataset; you become its curator
    ///
    /// Examples:
    ///   cohort dataset create shakespeare --description "Complete works" --license CC0-1.0
    ///   cohort dataset create shakespeare-v2 --description "Cleaned" --license CC0-1.0 --previous shakespeare
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),
    /// Upload files or folders and record them as your contributions
    ///
    /// Folders are walked recursively (symlinks are not followed; hidden files only with
    /// --hidden); each file's dataset path is relative to the folder given. Empty files are
    /// skipped. Rerunning the same command skips files you already recorded, so an interrupted
    /// upload resumes. Exits 1 at the end if any file had to be skipped: unreadable, or with no
    /// dataset path (a name that is not UTF-8 or has control characters, or a path over 1,024
    /// bytes).
    ///
    /// Examples:
    ///   cohort dataset upload shakespeare ./plays ./sonnets.txt
    ///   cohort --json dataset upload 3 ./data --hidden --wallet alice
    #[command(verbatim_doc_comment)]
    Upload(UploadArgs),
    /// List every dataset.
    ///
    /// Example: cohort dataset list --json
    List,
    /// Show a dataset's metadata and its contributions.
    ///
    /// Example: cohort dataset show shakespeare
    Show(DatasetArg),
    /// Show each contributor's weight (accepted size × score) and share.
    ///
    /// Example: cohort dataset contributors shakespeare
    Contributors(DatasetArg),
    /// Accept (with a score) or reject contributions (curator only)
    ///
    /// Examples:
    ///   cohort dataset review shakespeare 0 1 2 --accept --score 80
    ///   cohort dataset review shakespeare 3 --reject
    ///   cohort dataset review shakespeare --all-pending --accept --score 50
    #[command(verbatim_doc_comment)]
    Review(ReviewArgs),
    /// Seal a dataset: its weights never change again and jobs may train on it (curator only).
    ///
    /// Sealing is for good: when contributions are still pending review, or none is accepted,
    /// it asks first (`--yes` answers; without a terminal it is exit 2).
    ///
    /// Example: cohort dataset seal shakespeare
    Seal(SealArgs),
    /// Download the accepted files to DIR/<contributor address>/<path>, each verified.
    ///
    /// Files already there with the right hash are kept, so a rerun resumes.
    ///
    /// Example: cohort dataset download shakespeare -o ./shakespeare
    Download(DownloadArgs),
    /// Ask the storage nodes for every file and report missing or unfinalized ones
    ///
    /// Exits 5 when any file is not fully served, 3 when a node that may hold it could not be
    /// asked (with an indexer: no node it lists holds the missing shard).
    ///
    /// Examples:
    ///   cohort dataset verify shakespeare
    ///   cohort dataset verify shakespeare --deep
    #[command(verbatim_doc_comment)]
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Unique name (not only digits: those are ids).
    pub name: String,
    /// What the dataset holds.
    #[arg(long)]
    pub description: String,
    /// SPDX license of the data: an identifier (CC-BY-4.0, CC0-1.0), an expression (`MIT OR
    /// Apache-2.0`) or LicenseRef-NAME for terms of your own; anything else is refused.
    #[arg(long, value_name = "SPDX")]
    pub license: String,
    /// The dataset (id or name) this one is a new version of.
    #[arg(long, value_name = "DATASET")]
    pub previous: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct DatasetArg {
    /// Dataset id or name.
    pub dataset: String,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("verdict").required(true).args(["accept", "reject"])))]
pub struct ReviewArgs {
    /// Dataset id or name.
    pub dataset: String,
    /// Contribution indexes (see `cohort dataset show`).
    #[arg(
        required_unless_present = "all_pending",
        conflicts_with = "all_pending"
    )]
    pub indexes: Vec<u64>,
    /// Review every pending contribution.
    #[arg(long)]
    pub all_pending: bool,
    /// Accept, with --score. Each file is first downloaded (every proof checked) and compared with
    /// its recorded size and blake3; nothing is sent when one does not match (exit 5), has a path
    /// no download can write, or has the same content as one already accepted or another being
    /// accepted (exit 2): reject those first. A file that could not be fetched (its storage nodes
    /// offline, or none reachable holding it) is exit 3: retry, nothing was sent.
    #[arg(long, requires = "score")]
    pub accept: bool,
    /// Accept without downloading the files, taking their recorded size and blake3 as they are
    /// (for files checked already, e.g. with `cohort dataset verify --deep`).
    #[arg(long, requires = "accept")]
    pub no_verify: bool,
    /// Quality score of accepted contributions, 1 to 100.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=100), value_name = "N")]
    pub score: Option<u8>,
    /// Reject.
    #[arg(long, conflicts_with = "score")]
    pub reject: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct SealArgs {
    /// Dataset id or name.
    pub dataset: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// Dataset id or name.
    pub dataset: String,
    /// Files or folders to upload.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Include hidden files and folders (names starting with '.').
    #[arg(long)]
    pub hidden: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// Dataset id or name.
    pub dataset: String,
    /// Folder to write into (created if missing).
    #[arg(short, long, visible_alias = "out", value_name = "DIR")]
    pub output: PathBuf,
    /// How many files download at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64), value_name = "N")]
    pub parallel: u32,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Dataset id or name.
    pub dataset: String,
    /// Also download every file and check its blake3 hash.
    #[arg(long)]
    pub deep: bool,
}

impl DatasetCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            DatasetCommand::Create(a) => create(ctx, a).await,
            DatasetCommand::Upload(a) => upload(ctx, a).await,
            DatasetCommand::List => list(ctx).await,
            DatasetCommand::Show(a) => show(ctx, a).await,
            DatasetCommand::Contributors(a) => contributors(ctx, a).await,
            DatasetCommand::Review(a) => review(ctx, a).await,
            DatasetCommand::Seal(a) => seal(ctx, a).await,
            DatasetCommand::Download(a) => download(ctx, a).await,
            DatasetCommand::Verify(a) => verify(ctx, a).await,
        }
    }
}

async fn signer(
    ctx: &Ctx,
    client: &crate::client::Client,
    reg: &Registry,
    opts: &SignerOpts,
) -> Result<crate::chain::SignerChain> {
    ctx.signer(client, &reg.chain, opts)
}

fn info_pairs(d: &datasets::DatasetInfo) -> String {
    table::pairs(&[
        ("id", d.id.to_string()),
        ("name", d.name.clone()),
        ("description", d.description.clone()),
        ("license", d.license.clone()),
        ("curator", d.curator.to_string()),
        (
            "previous",
            d.predecessor_id
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
        ),
        ("sealed", if d.sealed { "yes".into() } else { "no".into() }),
        ("contributions", d.contribution_count.to_string()),
        ("total weight", d.total_weight.clone()),
    ])
}

async fn create(ctx: &Ctx, a: CreateArgs) -> Result<()> {
    // Before the chain and the password: a wrong license is the user's to fix first.
    crate::datasets::check_license(&a.license)?;
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let s = signer(ctx, &client, &reg, &a.signer).await?;
    let progress = ctx.printer.progress();
    let created = reg
        .create(
            &s,
            &a.name,
            &a.description,
            &a.license,
            a.previous.as_deref(),
            progress.as_ref(),
        )
        .await?;
    ctx.printer.result(&created, |c| {
        format!(
            "created dataset '{}' (id {}); you ({}) are its curator\ntx {}",
            c.dataset.name, c.dataset.id, c.dataset.curator, c.tx.tx_hash
        )
    });
    Ok(())
}

async fn list(ctx: &Ctx) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let all = reg.list().await?;
    ctx.printer.result(&all, |all| {
        if all.is_empty() {
            return "no datasets yet; create one with `cohort dataset create`".into();
        }
        table::render(
            &[
                "ID", "NAME", "LICENSE", "CURATOR", "FILES", "WEIGHT", "SEALED",
            ],
            all.iter().map(|d| {
                vec![
                    d.id.to_string(),
                    d.name.clone(),
                    d.license.clone(),
                    d.curator.to_string(),
                    d.contribution_count.to_string(),
                    d.total_weight.clone(),
                    if d.sealed {
                        "yes".to_string()
                    } else {
                        "no".to_string()
                    },
                ]
            }),
        )
    });
    Ok(())
}

#[derive(serde::Serialize)]
struct ShowResult {
    dataset: datasets::DatasetInfo,
    contributions: Vec<datasets::ContributionInfo>,
}

async fn show(ctx: &Ctx, a: DatasetArg) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let dataset = reg.info(id).await?;
    let contributions = reg.contributions(id).await?;
    let r = ShowResult {
        dataset,
        contributions,
    };
    ctx.printer.result(&r, |r| {
        let mut out = info_pairs(&r.dataset);
        out.push_str("\n\n");
        if r.contributions.is_empty() {
            out.push_str("no contributions yet");
        } else {
            out.push_str(&table::render(
                &["#", "CONTRIBUTOR", "PATH", "SIZE", "STATUS", "SCORE"],
                r.contributions.iter().map(|c| {
                    vec![
                        c.index.to_string(),
                        c.contributor.to_string(),
                        c.path.clone(),
                        HumanBytes(c.size).to_string(),
                        c.status.as_str().to_string(),
                        if c.score == 0 {
                            "-".to_string()
                        } else {
                            c.score.to_string()
                        },
                    ]
                }),
            ));
        }
        out
    });
    Ok(())
}

async fn contributors(ctx: &Ctx, a: DatasetArg) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let r = reg.contributors(id).await?;
    ctx.printer.result(&r, |r| {
        if r.contributors.is_empty() {
            return format!("dataset '{}' has no contributors yet", r.dataset.name);
        }
        let t = table::render(
            &[
                "CONTRIBUTOR",
                "FILES",
                "ACCEPTED",
                "ACCEPTED SIZE",
                "WEIGHT",
                "SHARE",
            ],
            r.contributors.iter().map(|c| {
                vec![
                    c.contributor.to_string(),
                    c.contributions.to_string(),
                    c.accepted.to_string(),
                    HumanBytes(c.accepted_bytes).to_string(),
                    c.weight.clone(),
                    format!("{:.2}%", c.share * 100.0),
                ]
            }),
        );
        format!("{t}\ntotal weight {}", r.total_weight)
    });
    Ok(())
}

async fn review(ctx: &Ctx, a: ReviewArgs) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let s = signer(ctx, &client, &reg, &a.signer).await?;
    let verdict = match (a.accept, a.score) {
        (true, Some(score)) => Verdict::Accept(score),
        _ => Verdict::Reject,
    };
    let indexes = if a.all_pending {
        None
    } else {
        Some(a.indexes.as_slice())
    };
    let progress = ctx.printer.progress();
    let content = if a.no_verify {
        ContentCheck::Trust
    } else {
        ContentCheck::Download(&client)
    };
    let r = reg
        .review(&s, id, indexes, verdict, content, progress.as_ref())
        .await?;
    ctx.printer.result(&r, |r| {
        if r.reviewed.is_empty() {
            return "nothing to review: no pending contributions".into();
        }
        let t = table::render(
            &["#", "CONTRIBUTOR", "PATH", "STATUS", "SCORE", "WEIGHT"],
            r.reviewed.iter().map(|c| {
                vec![
                    c.index.to_string(),
                    c.contributor.to_string(),
                    c.path.clone(),
                    c.status.as_str().to_string(),
                    if c.score == 0 {
                        "-".to_string()
                    } else {
                        c.score.to_string()
                    },
                    c.weight.clone(),
                ]
            }),
        );
        format!("{t}\ntotal weight {}", r.total_weight)
    });
    Ok(())
}

async fn seal(ctx: &Ctx, a: SealArgs) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let s = signer(ctx, &client, &reg, &a.signer).await?;
    let d = reg.info(id).await?;
    // Sealing is for good: what it would leave out is confirmed first (the curator's call; any
    // other wallet is refused by `seal` below without a question).
    if d.curator == s.address && !d.sealed {
        let pending = reg
            .contributions(id)
            .await?
            .iter()
            .filter(|c| c.status == crate::datasets::ReviewStatus::Pending)
            .count();
        let mut left_out = Vec::new();
        if pending > 0 {
            left_out.push(format!(
                "{} still pending review and can never be accepted once it is sealed",
                if pending == 1 {
                    "1 contribution is".to_string()
                } else {
                    format!("{pending} contributions are")
                }
            ));
        }
        if d.total_weight == "0" {
            left_out.push("no contribution is accepted, so it carries no weight".to_string());
        }
        if !left_out.is_empty() {
            let q = format!(
                "Seal dataset '{}' for good? {}.",
                crate::ui::terminal_safe(&d.name),
                left_out.join("; ")
            );
            if !ctx.printer.confirm(&q)? {
                return Err(crate::error::Error::failed(
                    "dataset.seal_cancelled",
                    format!("cancelled: dataset '{}' stays open", d.name),
                )
                .hint(format!(
                    "review what is pending with `cohort dataset review {} --all-pending --accept --score N` (or --reject), then seal",
                    d.id
                )));
            }
        }
    }
    let progress = ctx.printer.progress();
    let r = reg.seal(&s, id, progress.as_ref()).await?;
    ctx.printer.result(&r, |r| {
        format!(
            "sealed dataset '{}' (id {}): {} contribution{}, total weight {}\ntx {}",
            r.dataset.name,
            r.dataset.id,
            r.dataset.contribution_count,
            if r.dataset.contribution_count == 1 {
                ""
            } else {
                "s"
            },
            r.dataset.total_weight,
            r.tx.tx_hash
        )
    });
    Ok(())
}

fn opt_root(r: &Option<alloy::primitives::B256>) -> String {
    r.map(|r| r.to_string()).unwrap_or_else(|| "-".into())
}

async fn upload(ctx: &Ctx, a: UploadArgs) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let s = signer(ctx, &client, &reg, &a.signer).await?;
    let opts = datasets::upload::UploadOptions { hidden: a.hidden };
    let progress = ctx.printer.progress();
    let r = datasets::upload::upload(&client, &reg, &s, id, &a.paths, &opts, progress).await?;
    ctx.printer.result(&r, |r| {
        let mut out = String::new();
        if !r.files.is_empty() {
            out.push_str(&table::render(
                &["PATH", "SIZE", "STATUS", "ROOT"],
                r.files.iter().map(|f| {
                    let mut status = f.status.as_str().to_string();
                    if let Some(d) = &f.detail {
                        status.push_str(&format!(" ({d})"));
                    }
                    vec![
                        f.path
                            .clone()
                            .unwrap_or_else(|| f.source.display().to_string()),
                        f.size
                            .map(|n| HumanBytes(n).to_string())
                            .unwrap_or_else(|| "-".into()),
                        status,
                        opt_root(&f.root),
                    ]
                }),
            ));
            out.push('\n');
        }
        out.push_str(&format!(
            "dataset '{}': {} uploaded ({}), {} already recorded, {} skipped",
            r.name,
            r.uploaded,
            HumanBytes(r.bytes_uploaded),
            r.already_recorded,
            r.skipped
        ));
        if r.hidden_ignored > 0 {
            out.push_str(&format!(
                "; {} hidden entries left out (--hidden)",
                r.hidden_ignored
            ));
        }
        out
    });
    match r.failure() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

async fn download(ctx: &Ctx, a: DownloadArgs) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let progress = ctx.printer.progress();
    let r =
        datasets::download::download(&client, &reg, id, &a.output, a.parallel as usize, progress)
            .await?;
    if !r.sealed {
        ctx.printer.warn(&format!(
            "dataset '{}' is not sealed yet: its accepted files may still change",
            r.name
        ));
    }
    if !r.extra_files.is_empty() {
        const SHOWN: usize = 5;
        let mut few: Vec<String> = r
            .extra_files
            .iter()
            .take(SHOWN)
            .map(|p| p.strip_prefix(&r.output).unwrap_or(p).display().to_string())
            .collect();
        if r.extra_files.len() > SHOWN {
            few.push(format!("and {} more", r.extra_files.len() - SHOWN));
        }
        ctx.printer.warn(&format!(
            "{} holds {} file(s) that dataset '{}' does not list: {}; they were left in place, \
             but training on the folder (cohort train --data) would read them too",
            r.output.display(),
            r.extra_files.len(),
            r.name,
            few.join(", ")
        ));
    }
    ctx.printer.result(&r, |r| {
        let failed: Vec<_> = r.files.iter().filter(|f| f.error.is_some()).collect();
        let mut out = String::new();
        if !failed.is_empty() {
            out.push_str(&table::render(
                &["#", "CONTRIBUTOR", "PATH", "ERROR"],
                failed.iter().map(|f| {
                    vec![
                        f.index.to_string(),
                        f.contributor.to_string(),
                        f.path.clone(),
                        f.error.clone().unwrap_or_default(),
                    ]
                }),
            ));
            out.push('\n');
        }
        out.push_str(&format!(
            "{} downloaded ({}), {} already in place, {} failed, into {}",
            r.downloaded,
            HumanBytes(r.bytes),
            r.present,
            r.failed,
            r.output.display()
        ));
        if !r.extra_files.is_empty() {
            out.push_str(&format!(
                " ({} other file(s) there, not in the dataset)",
                r.extra_files.len()
            ));
        }
        out
    });
    match r.failure() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

async fn verify(ctx: &Ctx, a: VerifyArgs) -> Result<()> {
    let client = ctx.client()?;
    let reg = Registry::open(&client).await?;
    let id = reg.resolve(&a.dataset).await?;
    let progress = ctx.printer.progress();
    let r = datasets::verify::verify(&client, &reg, id, a.deep, progress).await?;
    ctx.printer.result(&r, |r| {
        let mut out = String::new();
        for n in r.nodes.iter().filter(|n| !n.reachable) {
            out.push_str(&format!(
                "node {} is unreachable: {}\n",
                n.url,
                n.error.clone().unwrap_or_default()
            ));
        }
        let flagged: Vec<_> = r
            .files
            .iter()
            .filter(|f| f.status != datasets::verify::FileStatus::Ok)
            .collect();
        if !flagged.is_empty() {
            out.push_str(&table::render(
                &["#", "CONTRIBUTOR", "PATH", "STATUS", "DETAIL"],
                flagged.iter().map(|f| {
                    vec![
                        f.index.to_string(),
                        f.contributor.to_string(),
                        f.path.clone(),
                        serde_json::to_value(f.status)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        f.detail.clone().unwrap_or_default(),
                    ]
                }),
            ));
            out.push('\n');
        }
        out.push_str(&format!(
            "{} of {} file{} fully served by {} node{}{}",
            r.ok,
            r.files.len(),
            if r.files.len() == 1 { "" } else { "s" },
            r.nodes.len(),
            if r.nodes.len() == 1 { "" } else { "s" },
            if r.deep {
                " (downloaded and hash-checked)"
            } else {
                ""
            }
        ));
        out
    });
    match r.failure() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
