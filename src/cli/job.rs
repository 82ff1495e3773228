//! `cohort job`: submit, list, show, watch, cancel, coordinate, close rounds and audit training jobs.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use alloy::primitives::U256;
use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::SignerChain;
use crate::chain::units::coin_with;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::jobs::coordinator::{CoordinateOptions, CoordinateReport};
use crate::jobs::show::{JobDetail, WatchSnapshot};
use crate::jobs::submit::{SubmitDryRun, SubmitPlan, Submitted, SubmittedAndCoordinated};
use crate::jobs::{self, JobInfo, JobMarket, JobState, parse_job_id};
use crate::trainer::{DEFAULT_GPU_TOLERANCE, DEFAULT_TOLERANCE, Tolerance};
use crate::ui::table;

/// `job submit --help` ends with a whole spec to start from: the spec errors point here, where
/// every user has it.
const EXAMPLE_SPEC: &str = concat!(
    "An example spec (every key: the README's job spec section):\n\n",
    include_str!("../../fixtures/jobs/tiny.toml")
);

#[derive(Debug, Subcommand)]
pub enum JobCommand {
    /// Check a job spec, upload its bundle and escrow rounds × reward per round
    ///
    /// Examples:
    ///   cohort job submit fixtures/jobs/tiny.toml --dry-run
    ///   cohort job submit fixtures/jobs/tiny.toml --coordinate --min-workers 2
    #[command(verbatim_doc_comment, after_long_help = EXAMPLE_SPEC)]
    Submit(SubmitArgs),
    /// List jobs
    ///
    /// Examples:
    ///   cohort job list --open
    ///   cohort job list --mine --wallet alice
    #[command(verbatim_doc_comment)]
    List(ListArgs),
    /// A job's spec, state, rounds, submissions, rejections with reasons, payouts and escrow.
    ///
    /// Example: cohort job show 1
    Show(ShowArgs),
    /// Follow a job live: round, workers, losses, time left. With --json, one JSON object per
    /// line on stdout until the job ends. A chain or storage outage is ridden out: each poll that
    /// cannot reach them says so on stderr, and watching goes on.
    ///
    /// Example: cohort job watch 1 --json
    Watch(WatchArgs),
    /// Cancel a job (owner): the unspent rounds are refunded to your earnings.
    ///
    /// An open job can be cancelled at any time; a running one only from its current round's
    /// deadline on, and not while that round has submissions.
    ///
    /// Example: cohort job cancel 2   (then `cohort worker withdraw` pays it out)
    Cancel(CancelArgs),
    /// Run the coordinator as a committee member: start the job, check and average every
    /// round, vote for the verdict, finalize it once the committee's threshold agrees.
    ///
    /// While a check fails on the member's own side (no storage node answers for a
    /// submission's files), the member does not vote and tries again every poll; from half the
    /// grace period after the round's deadline it rejects what it still cannot check. Once
    /// running, it rides out chain and storage outages the same way (exit 3 only at the start).
    /// A span whose run on the member's GPU fails (out of memory) is re-executed on the CPU.
    ///
    /// Example: cohort job coordinate 1 --min-workers 2
    Coordinate(CoordinateArgs),
    /// Close a round the committee did not finalize by its deadline plus the grace period
    /// (anyone may): every submission is paid by its units, bonds are returned, the job stops
    /// and its unspent rounds are refunded to the owner.
    ///
    /// Example: cohort job close-round 3 0
    CloseRound(CloseRoundArgs),
    /// Re-execute a worker's submission from the recorded inputs and report match or mismatch.
    ///
    /// Exits 5 on a mismatch. Example: cohort job audit 1 --round 0 --worker 0x7099…
    Audit(AuditArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Job id.
    pub job: String,
    /// Also draw the validation loss per round (and each worker's submissions) as an SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct JobArg {
    /// Job id.
    pub job: String,
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// The job spec (TOML with [model], [training] and [job]).
    pub spec: PathBuf,
    /// Print the escrow, storage fee, gas estimates and balances after; send nothing (no
    /// password is asked: a plan uses the wallet's address only).
    #[arg(long)]
    pub dry_run: bool,
    /// Keep running as the job's coordinator after submitting.
    #[arg(long)]
    pub coordinate: bool,
    /// With --coordinate: run a deterministic exec job's command to re-execute submissions.
    #[arg(long)]
    pub allow_exec: bool,
    /// With --coordinate: start the job once this many workers joined.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_workers: u32,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only jobs that take workers (open, or running with rounds left).
    #[arg(long, conflicts_with = "mine")]
    pub open: bool,
    /// Only jobs the wallet owns, coordinates or works in.
    #[arg(long)]
    pub mine: bool,
    /// Wallet or address for --mine (default: the selected wallet).
    #[arg(long, value_name = "NAME|ADDRESS")]
    pub wallet: Option<String>,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Job id.
    pub job: String,
    /// Seconds between polls.
    #[arg(long, default_value_t = 2.0, value_name = "SECS")]
    pub interval: f64,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Job id.
    pub job: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct CloseRoundArgs {
    /// Job id.
    pub job: String,
    /// The round to close (the job's current round, from 0).
    pub round: u32,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct CoordinateArgs {
    /// Job id.
    pub job: String,
    /// Start the job once this many workers joined.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_workers: u32,
    /// Seconds between polls of the chain.
    #[arg(long, default_value_t = 1.0, value_name = "SECS")]
    pub poll: f64,
    /// Run the job's command to re-execute submissions of an exec job that declares
    /// `[model] deterministic = true` (required for such jobs).
    #[arg(long)]
    pub allow_exec: bool,
    #[command(flatten)]
    pub tolerance: ToleranceOpts,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Job id.
    pub job: String,
    /// The round (from 0).
    #[arg(long)]
    pub round: u32,
    /// The worker whose submission is audited (address, wallet name or dev:N).
    #[arg(long, value_name = "ADDRESS")]
    pub worker: String,
    #[command(flatten)]
    pub tolerance: ToleranceOpts,
}

/// How close a re-execution must come to the submitted checkpoints.
#[derive(Debug, Args)]
pub struct ToleranceOpts {
    /// Largest absolute difference accepted as rounding between CPU models (`job coordinate`
    /// uses the tolerance the job committed to on chain instead).
    #[arg(long, default_value_t = DEFAULT_TOLERANCE, value_name = "X")]
    pub tolerance: f64,
    /// For jobs that require a GPU: largest difference accepted, as a fraction of the span's
    /// largest weight change (GPU and CPU kernels round differently).
    #[arg(long, default_value_t = DEFAULT_GPU_TOLERANCE, value_name = "FRACTION")]
    pub gpu_tolerance: f64,
}

impl ToleranceOpts {
    fn get(&self) -> Result<Tolerance> {
        let t = Tolerance {
            absolute: self.tolerance,
            gpu_relative: self.gpu_tolerance,
        };
        t.validate()?;
        Ok(t)
    }
}

impl JobCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            JobCommand::Submit(a) => submit(ctx, a).await,
            JobCommand::List(a) => list(ctx, a).await,
            JobCommand::Show(a) => show(ctx, a).await,
            JobCommand::Watch(a) => watch(ctx, a).await,
            JobCommand::Cancel(a) => cancel(ctx, a).await,
            JobCommand::Coordinate(a) => coordinate(ctx, a).await,
            JobCommand::CloseRound(a) => close_round(ctx, a).await,
            JobCommand::Audit(a) => audit(ctx, a).await,
        }
    }
}

async fn signer(
    ctx: &Ctx,
    client: &Client,
    market: &JobMarket,
    opts: &SignerOpts,
) -> Result<SignerChain> {
    ctx.signer(client, &market.chain, opts)
}

fn secs(v: f64, flag: &str) -> Result<Duration> {
    if !(v.is_finite() && v > 0.0) {
        return Err(Error::usage(
            "job.bad_interval",
            format!("{flag} must be a positive number of seconds"),
        )
        .hint(format!("pass a number of seconds above 0, e.g. {flag} 2")));
    }
    Ok(Duration::from_secs_f64(v))
}

fn render_plan(p: &SubmitPlan, sym: &str) -> String {
    let mut rows: Vec<(String, String)> = vec![
        ("spec".into(), p.spec_file.display().to_string()),
        ("trainer".into(), format!("{:?}", p.trainer).to_lowercase()),
        (
            "datasets".into(),
            p.datasets
                .iter()
                .map(|d| format!("{} (id {})", d.name, d.id))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("rounds".into(), p.rounds.to_string()),
        (
            "reward per round".into(),
            coin_with(p.reward_per_round, sym),
        ),
        ("escrow".into(), coin_with(p.escrow, sym)),
        ("storage fee".into(), coin_with(p.storage_fee, sym)),
        ("gas (createJob)".into(), p.create_job_gas.to_string()),
        ("gas (all transactions)".into(), p.total_gas.to_string()),
        ("max gas cost".into(), coin_with(p.max_gas_cost, sym)),
        ("balance".into(), coin_with(p.balance, sym)),
        (
            "balance after (at most spent)".into(),
            coin_with(p.balance_after, sym),
        ),
        ("max workers".into(), p.max_workers.to_string()),
        ("round timeout".into(), format!("{}s", p.round_timeout)),
    ];
    rows.extend(
        jobs::diloco::settings_lines(&p.outer, &p.compress)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v)),
    );
    rows.extend(term_rows(&p.terms, sym));
    // What is checked: a round has only so many spans.
    if let Some(row) = rows.iter_mut().find(|(k, _)| k == "verification") {
        let checked = u64::from(p.terms.spans).min(p.spans_per_round);
        row.1 = format!(
            "{checked} of {} K-spans (K = {} steps) of each submission re-executed (verify.spans = {}), tolerance {:e}, max loss increase {}",
            p.spans_per_round,
            p.terms.checkpoint_every,
            p.terms.spans,
            p.terms.tolerance,
            p.terms.max_loss_increase
        );
    }
    for n in &p.notes {
        rows.push(("note".into(), n.clone()));
    }
    for u in &p.uploads {
        rows.push((
            format!("upload {}", u.name),
            format!(
                "{} bytes, fee {}, gas {}",
                u.size,
                coin_with(u.fee, sym),
                u.gas
            ),
        ));
    }
    table::pairs(&rows)
}

async fn submit(ctx: &Ctx, a: SubmitArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let progress = ctx.printer.progress();
    // A plan needs the owner's address only: a dry run asks no password and unlocks nothing,
    // and a real submission checks the spec before it does.
    let (planned_as, keyed) = ctx.planner(&client, &market.chain, &a.signer)?;
    let mut plan = jobs::submit::plan(&client, &market, &planned_as, &a.spec).await?;
    if !a.dry_run {
        for n in &plan.notes {
            progress.note(&format!("note: {n}"));
        }
    }
    if a.dry_run {
        let out = SubmitDryRun {
            dry_run: true,
            plan,
        };
        ctx.printer.result(&out, |r| {
            format!("dry run: nothing was sent\n{}", render_plan(&r.plan, sym))
        });
        return Ok(());
    }
    let s = if keyed {
        planned_as
    } else {
        signer(ctx, &client, &market, &a.signer).await?
    };
    if s.address != plan.owner {
        // The key is not the address its keystore names: the plan is the key's.
        plan = jobs::submit::plan(&client, &market, &s, &a.spec).await?;
    }
    // A rerun after an interrupted submit finishes the recorded createJob; a deliberate second
    // submit of a spec that is already a live job of this owner escrows again: confirm it.
    let done: Submitted = match jobs::submit::resume(&market, &s, &plan, progress.as_ref()).await? {
        Some(done) => done,
        None => {
            let same = jobs::submit::same_spec_jobs(&market, &s, &plan).await?;
            if let Some(id) = same.last() {
                let q = format!(
                    "{} already owns job {id} ({}) with this spec (root {:#x}). Submit another job, escrowing {} and paying the storage fee again?",
                    s.address,
                    market.job(*id).await?.state.as_str(),
                    plan.spec_root,
                    coin_with(plan.escrow, sym)
                );
                if !ctx.printer.confirm(&q)? {
                    return Err(Error::failed(
                        "job.submit_cancelled",
                        format!("cancelled: nothing was sent; job {id} has this spec"),
                    )
                    .hint(format!(
                        "follow it with `cohort job show {id}`; pass --yes to submit another anyway"
                    )));
                }
            }
            jobs::submit::submit(&client, &market, &s, &plan, progress.as_ref()).await?
        }
    };
    if !a.coordinate {
        ctx.printer.result(&done, |d| {
            format!(
                "job {} {}: {} escrowed for {} round{} (storage fee {})\nworkers join with: cohort worker run --job {}",
                d.job_id,
                if d.resumed {
                    "submitted (an earlier run's transaction landed)"
                } else {
                    "submitted"
                },
                coin_with(d.escrow, sym),
                d.job.rounds,
                if d.job.rounds == 1 { "" } else { "s" },
                coin_with(d.storage_fee, sym),
                d.job_id
            )
        });
        return Ok(());
    }
    ctx.printer
        .note(&format!("job {} submitted; coordinating", done.job_id));
    let mut opts = coord_opts(&client, a.min_workers, 1.0, Tolerance::default())?;
    opts.allow_exec = a.allow_exec;
    let report =
        jobs::coordinator::coordinate(&client, &s, done.job_id, &opts, progress.as_ref()).await?;
    let out = SubmittedAndCoordinated {
        submitted: done,
        coordinated: report,
    };
    ctx.printer.result(&out, |r| {
        format!(
            "job {} submitted\n{}",
            r.submitted.job_id,
            render_coordinated(&r.coordinated)
        )
    });
    Ok(())
}

fn coord_opts(
    client: &Client,
    min_workers: u32,
    poll: f64,
    tolerance: Tolerance,
) -> Result<CoordinateOptions> {
    Ok(CoordinateOptions {
        min_workers,
        poll: secs(poll, "--poll")?,
        tolerance,
        attempts: crate::worker::DEFAULT_ATTEMPTS,
        work_dir: client.paths.data_dir.join("coordinator"),
        allow_exec: false,
    })
}

fn job_rows(jobs: &[JobInfo], sym: &str) -> String {
    table::render(
        &[
            "ID",
            "STATE",
            "ROUND",
            "WORKERS",
            "REWARD/ROUND",
            "ESCROW",
            "OWNER",
        ],
        jobs.iter().map(|j| {
            vec![
                j.id.to_string(),
                j.state.as_str().to_string(),
                format!("{}/{}", j.current_round.min(j.rounds), j.rounds),
                format!("{}/{}", j.worker_count, j.max_workers),
                coin_with(j.reward_per_round, sym),
                coin_with(j.escrow, sym),
                j.owner.to_string(),
            ]
        }),
    )
}

async fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let mut all = market.list().await?;
    if a.open {
        all.retain(|j| {
            j.state.is_live() && j.current_round < j.rounds && j.worker_count < j.max_workers
        });
    }
    if a.mine {
        let me = match &a.wallet {
            Some(w) => crate::wallet::resolve_address(&ctx.paths, &client.profile, w)?,
            None => ctx.signer_address(&client, &Default::default())?,
        };
        let mut mine = Vec::new();
        for j in all {
            if j.owner == me || j.is_member(me) || market.participant(j.id, me).await?.0 {
                mine.push(j);
            }
        }
        all = mine;
    }
    ctx.printer.result(&all, |j| {
        if j.is_empty() {
            "no jobs".into()
        } else {
            job_rows(j, sym)
        }
    });
    Ok(())
}

/// The committed terms, as rows.
fn term_rows(t: &jobs::JobTerms, sym: &str) -> Vec<(String, String)> {
    use crate::tokens::format_bps;
    vec![
        (
            "committee".into(),
            format!(
                "{} of {}: {}",
                t.threshold,
                t.committee.len(),
                t.committee
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        ("worker bond".into(), coin_with(t.bond, sym)),
        (
            "token split".into(),
            format!(
                "owner {}, data {}, compute {}",
                format_bps(t.owner_bps),
                format_bps(t.data_bps),
                format_bps(t.compute_bps)
            ),
        ),
        ("max service fee".into(), format_bps(t.max_service_fee_bps)),
        (
            "revenue assets".into(),
            std::iter::once("native coin".to_string())
                .chain(t.revenue_assets.iter().map(|a| a.to_string()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "verification".into(),
            format!(
                "{} spans of K = {} steps per submission, tolerance {:e}, max loss increase {}",
                t.spans, t.checkpoint_every, t.tolerance, t.max_loss_increase
            ),
        ),
        (
            "units per submission".into(),
            t.units_per_submission.to_string(),
        ),
        ("grace period".into(), format!("{}s", t.grace)),
    ]
}

/// What was paid and what it is made of: the reward, and the slashed bonds of rejected workers
/// passed on to the accepted ones (the contract counts both as paid).
fn paid_parts(paid: U256, reward: U256, from_slashed: U256, sym: &str) -> String {
    if from_slashed.is_zero() {
        return format!("{} (all reward)", coin_with(paid, sym));
    }
    format!(
        "{} ({} reward + {} from slashed bonds)",
        coin_with(paid, sym),
        coin_with(reward, sym),
        coin_with(from_slashed, sym)
    )
}

/// One round of `job show`: its heading, its submissions and who is missing.
fn render_round(r: &jobs::show::RoundDetail, committee: usize, sym: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\nround {} ({}){}{}{}{}{}{}\n",
        r.round,
        r.status,
        r.val_loss
            .map(|v| format!(", validation loss {v:.4}"))
            .unwrap_or_default(),
        match r.start_val_loss {
            Some(s) if r.val_loss_rose => format!(" (WORSE than {s:.4} at the round's start)"),
            _ => String::new(),
        },
        r.aggregate_root
            .map(|a| format!(", aggregate {a:#x}"))
            .unwrap_or_default(),
        if r.votes > 0 {
            format!(
                ", {} of {} members voted{}",
                r.votes,
                committee,
                if r.agreed_verdict.is_some() {
                    " (agreed)"
                } else {
                    ""
                }
            )
        } else {
            String::new()
        },
        if r.paid.is_zero() {
            String::new()
        } else {
            format!(
                ", paid {}",
                paid_parts(r.paid, r.paid_reward, r.paid_from_slashed, sym)
            )
        },
        if r.slashed.is_zero() {
            String::new()
        } else {
            format!(
                ", {} of bonds slashed to {}",
                coin_with(r.slashed, sym),
                if r.slashed_to_escrow {
                    "the escrow"
                } else {
                    "the accepted workers"
                }
            )
        }
    ));
    if r.submissions.is_empty() {
        return out;
    }
    out.push_str(&table::render(
        &[
            "WORKER",
            "STATUS",
            "UNITS",
            "PAYOUT",
            "LAST LOSS",
            "CHECKED SPANS",
            "ΔLOSS",
            "UPLOADED",
            "REASON",
        ],
        r.submissions.iter().map(|s| {
            vec![
                s.worker.to_string(),
                s.status.as_str().to_string(),
                s.work_units.clone(),
                coin_with(s.payout, sym),
                s.losses
                    .last()
                    .map(|l| format!("{:.4}", l.1))
                    .unwrap_or_else(|| "-".into()),
                if s.checked_spans.is_empty() {
                    "-".into()
                } else {
                    s.checked_spans
                        .iter()
                        .map(|(a, b)| format!("{a}..{b}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                },
                s.delta_loss
                    .map(|d| format!("{d:+.4}"))
                    .unwrap_or_else(|| "-".into()),
                uploaded(s.uploaded_bytes, s.delta_bytes, r.fp32_bytes),
                s.reason.clone().unwrap_or_default(),
            ]
        }),
    ));
    for m in &r.missing {
        out.push_str(&format!("\n  missing: {m}"));
    }
    out
}

fn render_detail(d: &JobDetail, sym: &str) -> String {
    let j = &d.job;
    let mut rows: Vec<(String, String)> = [
        ("job", j.id.to_string()),
        ("state", j.state.as_str().to_string()),
        ("trainer", d.trainer.clone().unwrap_or_else(|| "?".into())),
        ("owner", j.owner.to_string()),
        ("datasets", d.dataset_names.join(", ")),
        (
            "round",
            format!("{}/{}", j.current_round.min(j.rounds), j.rounds),
        ),
        ("workers", format!("{}/{}", j.worker_count, j.max_workers)),
        ("reward per round", coin_with(j.reward_per_round, sym)),
        ("budget", coin_with(j.budget, sym)),
        (
            "paid",
            paid_parts(j.paid, d.paid_reward, d.paid_from_slashed, sym),
        ),
        ("refunded", coin_with(j.refunded, sym)),
        ("escrow left", coin_with(j.escrow, sym)),
        ("spec root", format!("{:#x}", j.spec_root)),
        (
            "base model",
            j.base_model_root
                .map(|r| format!("{r:#x}"))
                .unwrap_or_else(|| "-".into()),
        ),
        (
            "final model",
            j.model_root
                .map(|r| format!("{r:#x}"))
                .unwrap_or_else(|| "-".into()),
        ),
        (
            "bonds",
            format!(
                "{} held, {} slashed, {} returned",
                coin_with(j.bonds_held, sym),
                coin_with(j.bonds_slashed, sym),
                coin_with(j.bonds_returned, sym)
            ),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let (Some(o), Some(c)) = (&d.outer, &d.compress) {
        rows.extend(
            jobs::diloco::settings_lines(o, c)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v)),
        );
    }
    rows.extend(term_rows(&j.terms, sym));
    let mut out = table::pairs(&rows);
    for r in &d.rounds {
        out.push_str(&render_round(r, j.terms.committee.len(), sym));
    }
    if !d.workers.is_empty() {
        out.push_str("\n\nworkers\n");
        out.push_str(&table::render(
            &[
                "WORKER",
                "ACCEPTED",
                "REJECTED",
                "UNVERIFIED",
                "UNITS",
                "PAID",
                "OF IT FROM SLASHED BONDS",
            ],
            d.workers.iter().map(|w| {
                vec![
                    w.worker.to_string(),
                    w.accepted_rounds.to_string(),
                    w.rejected_rounds.to_string(),
                    w.unverified_rounds.to_string(),
                    w.compute_units.clone(),
                    coin_with(w.paid, sym),
                    coin_with(w.paid_from_slashed, sym),
                ]
            }),
        ));
    }
    if !d.bonds.is_empty() {
        out.push_str("\n\nbonds\n");
        out.push_str(&table::render(
            &["WORKER", "IN JOB", "HELD", "SLASHED", "RETURNED"],
            d.bonds.iter().map(|b| {
                vec![
                    b.worker.to_string(),
                    in_job(b, j.state),
                    coin_with(b.bond, sym),
                    coin_with(b.slashed, sym),
                    coin_with(b.returned, sym),
                ]
            }),
        ));
    }
    for w in &d.warnings {
        out.push_str(&format!("\nwarning: {w}"));
    }
    out
}

/// `job show`'s IN JOB column: whether the worker takes part now, or why not. The chain keeps
/// the workers of an ended job marked as taking part, with their bonds returned.
fn in_job(b: &crate::jobs::ParticipantRecord, state: JobState) -> String {
    match (b.active, state.is_live()) {
        (true, true) => "yes".into(),
        (true, false) => format!("no (job {})", state.as_str()),
        (false, _) if !b.slashed.is_zero() => "no (bond slashed)".into(),
        // The table lists the workers that ever joined.
        (false, _) => "no (left)".into(),
    }
}

async fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let progress = ctx.printer.progress();
    let d = jobs::show::detail(&client, &market, id, progress.as_ref()).await?;
    if let Some(path) = &a.plot {
        crate::ui::chart::loss_svg(
            path,
            &format!("job {id}: validation loss"),
            &loss_series(&d),
        )?;
        ctx.printer
            .note(&format!("drew the loss per round to {}", path.display()));
    }
    ctx.printer.result(&d, |d| render_detail(d, sym));
    Ok(())
}

/// The aggregate's validation loss per round (a line), and each worker's submissions' final
/// validation loss (points).
fn loss_series(d: &JobDetail) -> Vec<crate::ui::chart::Series> {
    let mut out = vec![crate::ui::chart::Series {
        name: "aggregate".into(),
        points: d
            .rounds
            .iter()
            .filter_map(|r| r.val_loss.map(|v| (f64::from(r.round), v)))
            .collect(),
        line: true,
    }];
    let mut workers: BTreeMap<alloy::primitives::Address, Vec<(f64, f64)>> = BTreeMap::new();
    for r in &d.rounds {
        for sub in &r.submissions {
            if let Some(v) = sub.final_val_loss {
                workers
                    .entry(sub.worker)
                    .or_default()
                    .push((f64::from(r.round), v));
            }
        }
    }
    for (w, points) in workers {
        let w = format!("{w:#x}");
        out.push(crate::ui::chart::Series {
            name: format!("{}…{}", &w[..6], &w[w.len() - 4..]),
            points,
            line: false,
        });
    }
    out
}

/// "52.1 MB, Δ 123.4 kB (105.1× fewer than fp32 weights)": what a worker uploaded for a round.
fn uploaded(total: Option<u64>, delta: Option<u64>, fp32: Option<u64>) -> String {
    match (total, delta) {
        (None, _) => "-".into(),
        (Some(t), None) => crate::progress::bytes(t),
        (Some(t), Some(d)) => format!(
            "{}, Δ {}",
            crate::progress::bytes(t),
            jobs::bundle::delta_ratio(d, fp32)
        ),
    }
}

fn render_snapshot(s: &WatchSnapshot) -> String {
    let subs: Vec<String> = s
        .submissions
        .iter()
        .map(|x| {
            format!(
                "{}…{} {}{}{}",
                &format!("{:#x}", x.worker)[..6],
                &format!("{:#x}", x.worker)[38..],
                x.status.as_str(),
                x.last_loss
                    .map(|l| format!(" loss {l:.3}"))
                    .unwrap_or_default(),
                x.uploaded_bytes
                    .map(|_| format!(
                        " uploaded {}",
                        uploaded(x.uploaded_bytes, x.delta_bytes, s.fp32_bytes)
                    ))
                    .unwrap_or_default()
            )
        })
        .collect();
    format!(
        "job {} {} · round {}/{} · {} worker{} · {}{}{}",
        s.job_id,
        s.state.as_str(),
        s.round.min(s.rounds),
        s.rounds,
        s.workers.len(),
        if s.workers.len() == 1 { "" } else { "s" },
        if subs.is_empty() {
            "no submissions".to_string()
        } else {
            subs.join(", ")
        },
        s.time_left_s
            .map(|t| format!(" · {t}s left"))
            .unwrap_or_default(),
        s.last_val_loss
            .map(|v| format!(" · val loss {v:.4}"))
            .unwrap_or_default(),
    )
}

/// `▇▅▃▂ (3.12 → 2.05)`: the validation loss of every round so far, first and last.
fn loss_sparkline(losses: &BTreeMap<u32, f64>) -> String {
    let v: Vec<f64> = losses.values().copied().collect();
    let (first, last) = (v[0], v[v.len() - 1]);
    format!(
        "{} ({first:.3} → {last:.3})",
        crate::ui::chart::sparkline(&v)
    )
}

async fn watch(ctx: &Ctx, a: WatchArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let interval = secs(a.interval, "--interval")?;
    let client = ctx.client()?;
    let market = JobMarket::open(&client).await?;
    let progress = crate::progress::silent();
    let mut cache = BTreeMap::new();
    let mut last: Option<WatchSnapshot> = None;
    // On a terminal: the validation loss per round so far, drawn as a sparkline.
    let draw = !ctx.printer.json && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let mut losses: BTreeMap<u32, f64> = BTreeMap::new();
    if draw && let Ok(d) = jobs::show::detail(&client, &market, id, progress.as_ref()).await {
        losses.extend(
            d.rounds
                .iter()
                .filter_map(|r| r.val_loss.map(|v| (r.round, v))),
        );
    }
    loop {
        // An outage of the chain or storage is ridden out (said on stderr each poll), as the
        // coordinator and workers ride it out: watching never ends the job's story early.
        let snap = loop {
            match jobs::show::snapshot(&client, &market, id, &mut cache, progress.as_ref()).await {
                Ok(s) => break s,
                Err(e) if e.kind == crate::error::ErrorKind::Unreachable => {
                    let then = format!("watching on, every {:.1}s", interval.as_secs_f64());
                    ctx.printer
                        .note(&crate::chain::retry::again_note(id, &e, &then));
                    tokio::time::sleep(interval).await;
                }
                Err(e) => return Err(e),
            }
        };
        // Time left changes every poll; print when anything else changed (or every 10 s).
        let key = |s: &WatchSnapshot| WatchSnapshot {
            time_left_s: None,
            ..s.clone()
        };
        let changed = last.as_ref().is_none_or(|l| key(l) != key(&snap));
        if let Some(v) = snap.last_val_loss
            && snap.round > 0
        {
            losses.insert(snap.round - 1, v);
        }
        if changed {
            if ctx.printer.json {
                ctx.printer.json_line(&snap);
            } else if draw && !losses.is_empty() {
                // The snapshots are the command's results (stdout); outage notes stay on stderr.
                ctx.printer.result(&snap, |s| {
                    format!(
                        "{} · loss per round {}",
                        render_snapshot(s),
                        loss_sparkline(&losses)
                    )
                });
            } else {
                ctx.printer.result(&snap, render_snapshot);
            }
        }
        let done = !snap.state.is_live();
        last = Some(snap);
        if done {
            return Ok(());
        }
        tokio::time::sleep(interval).await;
    }
}

async fn cancel(ctx: &Ctx, a: CancelArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let s = signer(ctx, &client, &market, &a.signer).await?;
    let progress = ctx.printer.progress();
    let c = jobs::cancel(&market, &s, id, progress.as_ref()).await?;
    ctx.printer.result(&c, |c| {
        format!(
            "job {} cancelled{}: {} refunded ({}) (your earnings: {}; `cohort worker withdraw` pays them out)",
            c.job_id,
            if c.resumed {
                " (an earlier run's transaction landed)"
            } else {
                ""
            },
            coin_with(c.refund, sym),
            refund_parts(c, sym),
            coin_with(c.owner_earnings, sym)
        )
    });
    Ok(())
}

/// What a cancel's refund is made of: the rounds not completed (the one running, which `job
/// show` marks cancelled, and those not run), and what finalized rounds left in the escrow (a
/// round that accepted no submission paid no one).
fn refund_parts(c: &jobs::Cancelled, sym: &str) -> String {
    let plural = |n: usize| if n == 1 { "round" } else { "rounds" };
    let n = c.unspent_rounds;
    let mut out = match c.running_round {
        Some(r) if n > 0 => format!(
            "{} for {n} {} not completed: round {r}, cancelled while it ran{}",
            coin_with(c.unspent_refund, sym),
            plural(n as usize),
            match n - 1 {
                0 => String::new(),
                m => format!(", and {m} not run"),
            }
        ),
        _ => format!(
            "{} for {n} {} not run",
            coin_with(c.unspent_refund, sym),
            plural(n as usize)
        ),
    };
    let rest = c.refund.saturating_sub(c.unspent_refund);
    if !rest.is_zero() {
        let list = c
            .unpaid_rounds
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&match c.unpaid_rounds.len() {
            0 => format!(
                " + {} left in the escrow by the finalized rounds",
                coin_with(rest, sym)
            ),
            n => format!(
                " + {} of {} {list}, which paid no one",
                coin_with(rest, sym),
                plural(n)
            ),
        });
    }
    out
}

fn render_coordinated(r: &CoordinateReport) -> String {
    let mut out = format!("job {} {}", r.job_id, r.state.as_str());
    if let Some(m) = r.model_root {
        out.push_str(&format!(", final model {m:#x}"));
    }
    for s in &r.rounds {
        out.push_str(&format!("\nround {}: {}", s.round, s.outcome()));
    }
    out
}

async fn coordinate(ctx: &Ctx, a: CoordinateArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let tolerance = a.tolerance.get()?;
    let client = ctx.client()?;
    let market = JobMarket::open(&client).await?;
    let s = signer(ctx, &client, &market, &a.signer).await?;
    let mut opts = coord_opts(&client, a.min_workers, a.poll, tolerance)?;
    opts.allow_exec = a.allow_exec;
    let progress = ctx.printer.progress();
    let r = jobs::coordinator::coordinate(&client, &s, id, &opts, progress.as_ref()).await?;
    ctx.printer.result(&r, render_coordinated);
    Ok(())
}

async fn close_round(ctx: &Ctx, a: CloseRoundArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let s = signer(ctx, &client, &market, &a.signer).await?;
    let progress = ctx.printer.progress();
    let c = jobs::close_round(&market, &s, id, a.round, progress.as_ref()).await?;
    ctx.printer.result(&c, |c| {
        let mut out = format!(
            "round {} of job {} closed without a verdict: the job is {}; {} of bonds returned, {} refunded to the owner",
            c.round,
            c.job_id,
            c.state.as_str(),
            coin_with(c.bonds_returned, sym),
            coin_with(c.refund, sym)
        );
        for p in &c.paid {
            out.push_str(&format!(
                "\n  {} paid {} for {} units",
                p.worker,
                coin_with(p.amount, sym),
                p.units
            ));
        }
        out.push_str("\n(`cohort worker withdraw` pays credited earnings out)");
        out
    });
    Ok(())
}

async fn audit(ctx: &Ctx, a: AuditArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let tolerance = a.tolerance.get()?;
    let client = ctx.client()?;
    let worker = crate::wallet::resolve_address(&ctx.paths, &client.profile, &a.worker)?;
    let progress = ctx.printer.progress();
    let r = jobs::audit::audit(&client, id, a.round, worker, tolerance, progress.as_ref()).await?;
    ctx.printer.result(&r, |r| {
        let mut out = format!(
            "{} : job {} round {} worker {} ({} spans, largest difference {:e})",
            if r.matches { "match" } else { "MISMATCH" },
            r.job_id,
            r.round,
            r.worker,
            r.spans.len(),
            r.max_abs_diff
        );
        if !r.starts_from_round_start {
            out.push_str("\n  the first checkpoint is not the round's starting checkpoint");
        }
        for s in &r.spans {
            out.push_str(&format!(
                "\n  steps {}..{}: {}{}",
                s.from_step,
                s.to_step,
                if let Some(p) = &s.problem {
                    p.clone()
                } else if s.identical {
                    "identical".to_string()
                } else {
                    format!(
                        "differs by {:e} ({:.2e} of the span's change){}",
                        s.max_abs_diff,
                        s.relative_diff,
                        if s.accepted { ", within tolerance" } else { "" }
                    )
                },
                s.worst_tensor
                    .as_ref()
                    .map(|t| format!(" (most in {t})"))
                    .unwrap_or_default()
            ));
            if let Some(e) = &s.gpu_failure {
                out.push_str(&format!(" [on the CPU: this machine's GPU failed ({e})]"));
            }
        }
        out
    });
    if !r.matches {
        return Err(Error::verification(
            "job.audit_mismatch",
            format!(
                "the submission of {} for round {} of job {} does not reproduce (largest difference {:e})",
                r.worker, r.round, r.job_id, r.max_abs_diff
            ),
        )
        .hint(
            "the span lines show where it differs; if that is the rounding of another CPU or GPU, \
             rerun with a larger --tolerance (--gpu-tolerance for GPU jobs), otherwise the \
             submission is not the work it claims and its committee should reject it",
        ));
    }
    Ok(())
}
