//! `cohort worker`: register the machine, work on jobs, leave one, see status and earnings,
//! withdraw.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::units::coin_with;
use crate::error::{Error, Result};
use crate::jobs::{JobMarket, parse_job_id};
use crate::ui::table;
use crate::worker::{self, RunOptions};

#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Record this machine's inventory on chain (GPUs via nvidia-smi, else CPU cores and memory).
    ///
    /// Example: cohort worker register --name rig-1 --wallet alice
    Register(RegisterArgs),
    /// Join a job and work on it round by round until it ends
    ///
    /// Once joined, a chain or storage outage stops nothing: the worker says so, tries again
    /// every --poll, and picks the round up where it was (exit 3 only at the start).
    ///
    /// Each wallet keeps its state and checkpoints in a folder of its own (default
    /// <data dir>/worker/<address>), so several workers can run on one machine, one wallet
    /// each. One run at a time uses a state folder: a second `worker run` on a folder in use
    /// (the same wallet again, or a --state-dir another run has) is refused (exit 2).
    ///
    /// Examples:
    ///   cohort worker run --job 1 --wallet alice
    ///   cohort worker run --auto
    ///   cohort worker run --job 3 --allow-exec   (jobs that run their own command)
    ///   cohort worker run --job 1 --wallet gpu2 --state-dir /scratch/gpu2
    #[command(verbatim_doc_comment)]
    Run(RunArgs),
    /// Leave a job between rounds: its bond is credited back to your earnings.
    ///
    /// Refused (exit 4) while your submission for the current round awaits its verdict, and
    /// once the job ended (its bonds came back then).
    ///
    /// Example: cohort worker leave --job 1 --wallet alice
    Leave(LeaveArgs),
    /// Registration, the state on disk and the current job.
    ///
    /// Example: cohort worker status --wallet alice
    Status(StatusArgs),
    /// Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds.
    ///
    /// Example: cohort worker earnings --wallet 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
    Earnings(EarningsArgs),
    /// Pay out credited earnings (and job refunds) to the payee.
    ///
    /// Prints "nothing to withdraw" and exits 0 when nothing is credited, so it can run on a
    /// schedule.
    ///
    /// Example: cohort worker withdraw --wallet alice
    Withdraw(WithdrawArgs),
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// A name for this machine, stored with its inventory.
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The job to work on (default: the job in the state folder).
    #[arg(long, conflicts_with = "auto")]
    pub job: Option<String>,
    /// Pick the open job with the best reward whose requirements this machine meets.
    #[arg(long)]
    pub auto: bool,
    /// Allow jobs that run an external command (exec runtime); the command is printed first.
    #[arg(long)]
    pub allow_exec: bool,
    /// Folder for the worker's state and round outputs, used by one run at a time (default:
    /// <data dir>/worker/<address>).
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// Seconds between polls of the chain while waiting.
    #[arg(long, default_value_t = 1.0, value_name = "SECS")]
    pub poll: f64,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct LeaveArgs {
    /// The job to leave.
    #[arg(long)]
    pub job: String,
    /// Folder of the worker's state, marked stopped when it works on this job (default: <data
    /// dir>/worker/<address>).
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Folder of the worker's state (default: <data dir>/worker/<address>).
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// Wallet or address (default: the selected wallet).
    #[arg(long, value_name = "NAME|ADDRESS")]
    pub wallet: Option<String>,
}

#[derive(Debug, Args)]
pub struct EarningsArgs {
    /// Wallet or address (default: the selected wallet).
    #[arg(long, value_name = "NAME|ADDRESS")]
    pub wallet: Option<String>,
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl WorkerCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            WorkerCommand::Register(a) => register(ctx, a).await,
            WorkerCommand::Run(a) => run(ctx, a).await,
            WorkerCommand::Leave(a) => leave(ctx, a).await,
            WorkerCommand::Status(a) => status(ctx, a).await,
            WorkerCommand::Earnings(a) => earnings(ctx, a).await,
            WorkerCommand::Withdraw(a) => withdraw(ctx, a).await,
        }
    }
}

fn who(
    ctx: &Ctx,
    client: &crate::client::Client,
    w: &Option<String>,
) -> Result<alloy::primitives::Address> {
    match w {
        Some(w) => crate::wallet::resolve_address(&ctx.paths, &client.profile, w),
        None => ctx.signer_address(client, &Default::default()),
    }
}

async fn register(ctx: &Ctx, a: RegisterArgs) -> Result<()> {
    // Before the wallet is unlocked: nothing to ask for a name that is refused.
    worker::check_name(a.name.as_deref())?;
    let client = ctx.client()?;
    let market = JobMarket::open(&client).await?;
    let s = ctx.signer(&client, &market.chain, &a.signer)?;
    let progress = ctx.printer.progress();
    let r = worker::register(&market, &s, a.name, progress.as_ref()).await?;
    ctx.printer.result(&r, |r| {
        format!(
            "registered {} as a worker: {}",
            r.worker,
            r.inventory.summary()
        )
    });
    Ok(())
}

async fn run(ctx: &Ctx, a: RunArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let key = ctx.key(&client, &a.signer)?;
    let me = key.address();
    if !(a.poll.is_finite() && a.poll > 0.0) {
        return Err(Error::usage(
            "worker.bad_poll",
            "--poll must be a positive number of seconds",
        ));
    }
    let opts = RunOptions {
        job: a.job.as_deref().map(parse_job_id).transpose()?,
        auto: a.auto,
        allow_exec: a.allow_exec,
        state_dir: a
            .state_dir
            .unwrap_or_else(|| worker::default_state_dir(&client, me)),
        poll: Duration::from_secs_f64(a.poll),
        attempts: worker::DEFAULT_ATTEMPTS,
    };
    let progress = ctx.printer.progress();
    let r = worker::run(&client, key, &opts, progress).await?;
    ctx.printer.result(&r, |r| run_line(r, sym));
    Ok(())
}

async fn leave(ctx: &Ctx, a: LeaveArgs) -> Result<()> {
    let id = parse_job_id(&a.job)?;
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let s = ctx.signer(&client, &market.chain, &a.signer)?;
    let dir = a
        .state_dir
        .unwrap_or_else(|| worker::default_state_dir(&client, s.address));
    let progress = ctx.printer.progress();
    let l = worker::leave(&market, &s, id, &dir, progress.as_ref()).await?;
    ctx.printer.result(&l, |l| {
        format!(
            "{}left job {} as {}: bond of {} credited back; earnings {} (withdraw with `cohort worker withdraw`)",
            if l.resumed { "an earlier leave landed: " } else { "" },
            l.job_id,
            l.worker,
            coin_with(l.bond_returned, sym),
            coin_with(l.earnings, sym)
        )
    });
    Ok(())
}

async fn status(ctx: &Ctx, a: StatusArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let me = who(ctx, &client, &a.wallet)?;
    let dir = a
        .state_dir
        .unwrap_or_else(|| worker::default_state_dir(&client, me));
    let st = worker::status(&market, me, &dir).await?;
    ctx.printer.result(&st, |s| {
        let inv = crate::worker::inventory::Inventory::parse(&s.worker.inventory)
            .map(|i| i.summary())
            .unwrap_or_else(|| s.worker.inventory.clone());
        table::pairs(&[
            ("worker", s.worker.address.to_string()),
            (
                "registered",
                if s.worker.registered {
                    inv
                } else {
                    "no (run `cohort worker register`)".into()
                },
            ),
            ("payee", s.worker.payee.to_string()),
            ("earnings", coin_with(s.earnings, sym)),
            (
                "job",
                s.state
                    .job_id
                    .map(|j| j.to_string())
                    .unwrap_or_else(|| "-".into()),
            ),
            (
                "job state",
                s.job
                    .as_ref()
                    .map(|j| {
                        format!(
                            "{} (round {}/{})",
                            j.state.as_str(),
                            j.current_round.min(j.rounds),
                            j.rounds
                        )
                    })
                    .unwrap_or_else(|| "-".into()),
            ),
            (
                "bond",
                s.participant
                    .as_ref()
                    .map(|p| {
                        let mut b = format!("{} held", coin_with(p.bond, sym));
                        if !p.returned.is_zero() {
                            b.push_str(&format!(", {} returned", coin_with(p.returned, sym)));
                        }
                        if !p.slashed.is_zero() {
                            b.push_str(&format!(", {} slashed", coin_with(p.slashed, sym)));
                        }
                        if !p.active {
                            b.push_str(" (not in the job)");
                        }
                        b
                    })
                    .unwrap_or_else(|| "-".into()),
            ),
            ("phase", phase_text(s)),
            (
                "submitted rounds",
                s.state
                    .rounds
                    .iter()
                    .filter(|(_, r)| r.submitted_tx.is_some())
                    .map(|(k, _)| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("state folder", s.state_dir.display().to_string()),
        ])
    });
    Ok(())
}

/// `worker run`'s final line: the job's outcome, what this job credited (not the account's
/// total), a round paid unverified, a slashed bond, then the total to withdraw.
fn run_line(r: &worker::RunReport, sym: &str) -> String {
    let mut out = format!(
        "job {} {}: submitted rounds {:?}, accepted {:?}",
        r.job_id,
        r.final_state.as_str(),
        r.submitted_rounds,
        r.accepted_rounds
    );
    if !r.unverified_rounds.is_empty() {
        out.push_str(&format!(
            "; {} {:?} closed without a verdict and paid unverified",
            if r.unverified_rounds.len() == 1 {
                "round"
            } else {
                "rounds"
            },
            r.unverified_rounds
        ));
    }
    out.push_str(&format!(
        "; this job credited {}",
        coin_with(r.credited, sym)
    ));
    if !r.bond_returned.is_zero() {
        out.push_str(&format!(
            " ({} paid, {} bond returned)",
            coin_with(r.paid, sym),
            coin_with(r.bond_returned, sym)
        ));
    }
    if !r.bond_slashed.is_zero() {
        out.push_str(&format!(
            "; {} of bond slashed",
            coin_with(r.bond_slashed, sym)
        ));
    }
    out.push_str(&format!(
        "; {} to withdraw in all (`cohort worker withdraw`)",
        coin_with(r.earnings, sym)
    ));
    out
}

/// `worker status`'s phase: the state's, and whether a run is at it; when none is, what a rerun
/// would do, from the job's state on chain and whether the worker is still in it.
fn phase_text(s: &worker::Status) -> String {
    use crate::worker::state::Phase;
    let Some(phase) = s.state.phase else {
        return if s.running { "starting" } else { "-" }.into();
    };
    if s.running {
        return phase.to_string();
    }
    let left = s.left.clone();
    if let Some(j) = s.job.as_ref().filter(|j| !j.state.is_live()) {
        let ended = match j.state {
            crate::jobs::JobState::Completed => "completed",
            crate::jobs::JobState::Stopped => "was stopped (a round closed without a verdict)",
            _ => "was cancelled",
        };
        let left = left.map(|l| format!("{l}; ")).unwrap_or_default();
        return format!(
            "{phase} (not running; {left}job {} {ended}: nothing to pick up; earnings: `cohort worker earnings`)",
            j.id
        );
    }
    if let Some(l) = left {
        let id = s.job.as_ref().map(|j| j.id).unwrap_or_default();
        return format!(
            "{phase} (not running; {l}; `cohort worker run --job {id}` joins it again)"
        );
    }
    match phase {
        Phase::Done | Phase::Stopped => format!("{phase} (not running)"),
        p => format!(
            "not running (the last run stopped while {p}; `cohort worker run` picks up where it was)"
        ),
    }
}

async fn earnings(ctx: &Ctx, a: EarningsArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let me = who(ctx, &client, &a.wallet)?;
    let e = worker::earnings(&market, me).await?;
    ctx.printer.result(&e, |e| {
        let mut out = format!(
            "{}: {} to withdraw (payee {})",
            e.worker,
            coin_with(e.earnings, sym),
            e.payee
        );
        if !e.jobs.is_empty() {
            out.push('\n');
            out.push_str(&table::render(
                &[
                    "JOB",
                    "ACCEPTED ROUNDS",
                    "UNVERIFIED ROUNDS",
                    "UNITS",
                    "PAID",
                    "BOND RETURNED",
                    "BOND SLASHED",
                ],
                e.jobs.iter().map(|j| {
                    let mut slashed = coin_with(j.bond_slashed, sym);
                    if !j.rejected_rounds.is_empty() {
                        slashed.push_str(&format!(" (rejected {:?})", j.rejected_rounds));
                    }
                    vec![
                        j.job_id.to_string(),
                        format!("{:?}", j.accepted_rounds),
                        format!("{:?}", j.unverified_rounds),
                        j.compute_units.clone(),
                        coin_with(j.paid, sym),
                        coin_with(j.bond_returned, sym),
                        slashed,
                    ]
                }),
            ));
            out.push_str(
                "\n(credited over time: paid counts accepted rounds and rounds closed without a verdict, paid unverified by their units; \
                 the total to withdraw is what was credited, refunds of jobs you own included, less what was withdrawn; \
                 a slashed bond was lost to a rejected submission and is not credited)",
            );
        }
        out
    });
    Ok(())
}

async fn withdraw(ctx: &Ctx, a: WithdrawArgs) -> Result<()> {
    let client = ctx.client()?;
    let sym = client.native_symbol();
    let market = JobMarket::open(&client).await?;
    let s = ctx.signer(&client, &market.chain, &a.signer)?;
    let progress = ctx.printer.progress();
    let w = worker::withdraw(&market, &s, progress.as_ref()).await?;
    ctx.printer.result(&w, |w| {
        if w.nothing_to_withdraw {
            format!(
                "nothing to withdraw: {} has no credited earnings (see `cohort worker earnings`)",
                w.worker
            )
        } else if let (true, Some(tx)) = (w.resumed, &w.tx) {
            format!(
                "an earlier withdrawal landed: withdrew {} to {} (tx {}); run `cohort worker withdraw` again for anything credited since",
                coin_with(w.amount, sym),
                w.payee,
                tx.tx_hash
            )
        } else {
            format!("withdrew {} to {}", coin_with(w.amount, sym), w.payee)
        }
    });
    Ok(())
}
