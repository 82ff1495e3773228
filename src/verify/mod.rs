//! `cohort verify TOKEN|JOB [--deep]`: recompute a model's whole history from the chain and
//! storage, link by link, trusting no cache and no party:
//!
//! 1. the job bundle (spec) fetched from its root;
//! 2. every dataset of the job: sealed, its version chain, every accepted file downloaded fresh
//!    from the storage nodes, checked against its storage root and its recorded size and blake3;
//!    every contributor's weight recomputed (Σ size × score over accepted files);
//! 3. every round with a record: a finalized round has every submission re-checked with the committee's checks
//!    ([`crate::jobs::check`]: units from the spec, checkpoint layout, starting weights, the
//!    spans drawn from the round's seed block, or every span with `--deep`, Δloss) and its
//!    verdict compared with the chain's; the aggregate recomputed from the accepted final
//!    checkpoints and its root compared with the chain's; a round closed without a verdict
//!    (`job close-round`) was paid by units unchecked: its link only confirms that record;
//! 4. the final model root (a job that did not complete has none); every worker's compute
//!    units (Σ accepted units);
//! 5. when tokenized: the token's model root, every contributor's allocation recomputed from
//!    the records with the token's formula; each revenue asset's deposits, claims and balance.
//!
//! The first link that does not hold is the verdict (exit 5); downloads go to a fresh folder.
//! A dataset file that cannot be fetched intact breaks its own link; the submissions and
//! aggregates re-checked on that data are then reported as not checked (`holds` None), not as
//! failures of the workers or the committee.
//! "Verified" means every link that exists holds: the report states the job's state and, in
//! `notes`, what that does not cover (rounds not finalized, rounds paid unverified, no final
//! model, links not checked).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256, U256};
use serde::Serialize;

use crate::chain::bindings::{DatasetRegistry, JobMarket as JobMarketAbi, ModelToken};
use crate::client::Client;
use crate::datasets::files::{hash_file, safe_join};
use crate::datasets::{Registry, ReviewStatus};
use crate::error::{Error, ErrorKind, Result};
use crate::jobs::bundle::{RecordedVerdict, RoundReport, Verdict};
use crate::jobs::check::{
    CheckOptions, RoundBasis, check_submission, round_basis, spans_to_check, spec_units,
};
use crate::jobs::context::{JobContext, round_start_root};
use crate::jobs::{JobMarket, JobState, Submission, WorkStatus};
use crate::progress::Progress;
use crate::storage::cache::{ObjectCache, file_root};
use crate::tokens::{self, ModelRef, mul_div};
use crate::trainer::Tolerance;
use crate::trainer::verify::checkpoint_layout;

/// One link of the history.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// What the link is, e.g. `dataset shakespeare file part1.txt`, `round 0 aggregate`.
    pub link: String,
    /// Whether it holds; None (`null`) when it could not be checked because what it is
    /// recomputed from is unavailable (the detail says what; that link is broken itself).
    pub holds: Option<bool>,
    /// What was recomputed and compared (or what differs, or why it was not checked).
    pub detail: String,
    /// The storage root the link is about (a file, a checkpoint, a report), when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root: Option<B256>,
}

/// The whole history.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryReport {
    pub job_id: u64,
    /// The job's state on chain (`open`, `running`, `completed`, `cancelled`, `stopped`).
    pub state: JobState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<Address>,
    pub deep: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_root: Option<B256>,
    /// Every link was checked and holds.
    pub verified: bool,
    /// The first link that does not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_broken: Option<String>,
    pub links: Vec<Link>,
    /// What `verified` does not cover: rounds not finalized, rounds paid without a verdict, a
    /// job without a final model.
    pub notes: Vec<String>,
}

impl HistoryReport {
    /// The exit-5 error naming the first broken link, when one is.
    pub fn failure(&self) -> Option<Error> {
        let l = self.links.iter().find(|l| l.holds == Some(false))?;
        Some(
            Error::verification(
                "verify.broken_link",
                format!(
                    "job {}: {} does not hold: {}",
                    self.job_id, l.link, l.detail
                ),
            )
            .hint("see every link with `cohort verify … --json`"),
        )
    }
}

struct Links {
    links: Vec<Link>,
    notes: Vec<String>,
}

impl Links {
    fn push(&mut self, link: impl Into<String>, holds: bool, detail: impl Into<String>) {
        self.links.push(Link {
            link: link.into(),
            holds: Some(holds),
            detail: detail.into(),
            root: None,
        });
    }
    /// A link that could not be checked: `detail` says which unavailable input it needs.
    fn unchecked(&mut self, link: impl Into<String>, detail: impl Into<String>) {
        self.links.push(Link {
            link: link.into(),
            holds: None,
            detail: format!("not checked: {}", detail.into()),
            root: None,
        });
    }
    /// Sets the root of the link pushed last.
    fn root(&mut self, root: B256) {
        if let Some(l) = self.links.last_mut() {
            l.root = Some(root);
        }
    }
}

/// Errors that mean "could not look", not "does not hold": an unreachable endpoint or a bad
/// argument stop the run; everything else breaks the link.
fn fatal(e: &Error) -> bool {
    matches!(e.kind, ErrorKind::Unreachable | ErrorKind::Usage)
}

/// Resolves `target`: a job id, or a model token (address or symbol).
async fn resolve(client: &Client, target: &str) -> Result<(u64, Option<ModelRef>)> {
    let chain = client.chain().await?;
    let factory = client.profile.contract("model_token_factory").ok();
    let t = target.trim().trim_start_matches('#');
    if let Ok(id) = t.parse::<u64>() {
        let token = match factory {
            Some(f) => tokens::resolve(&chain, f, t).await.ok(),
            None => None,
        };
        return Ok((id, token));
    }
    let f = factory.ok_or_else(|| {
        Error::usage(
            "verify.no_factory",
            "the profile has no model token factory to look the token up in",
        )
        .hint("name the job by id instead")
    })?;
    let m = tokens::resolve(&chain, f, t).await?;
    Ok((m.job_id, Some(m)))
}

/// Verifies the history of `target` (a job id or a model token).
pub async fn verify(
    client: &Client,
    target: &str,
    deep: bool,
    allow_exec: bool,
    progress: &dyn Progress,
) -> Result<HistoryReport> {
    let (job_id, model) = resolve(client, target).await?;
    let market = JobMarket::open(client).await?;
    let job = market.job(job_id).await?;
    let work = tempfile::Builder::new()
        .prefix("cohort-verify-")
        .tempdir()
        .map_err(|e| Error::io("create folder", &std::env::temp_dir(), e))?;
    // A fresh cache: every object is downloaded from the nodes and checked against its root.
    let store = ObjectCache {
        client: client.clone(),
        cache: work.path().join("objects"),
    };
    let mut l = Links {
        links: Vec::new(),
        notes: coverage_notes(&job),
    };
    let mut report = HistoryReport {
        job_id,
        state: job.state,
        token: model.as_ref().map(|m| m.token),
        deep,
        model_root: None,
        verified: false,
        first_broken: None,
        links: Vec::new(),
        notes: Vec::new(),
    };
    let ctx = match JobContext::load(&market, &store, job_id, progress).await {
        Ok(c) => {
            l.push(
                "job bundle",
                true,
                format!("spec root {:#x} fetched and parsed", c.job.spec_root),
            );
            Some(c)
        }
        Err(e) if fatal(&e) => return Err(e),
        Err(e) => {
            l.push("job bundle", false, e.message);
            None
        }
    };
    let ctx = match ctx {
        Some(c) if c.is_lora() => {
            let base = c.spec.model.base.clone().unwrap_or_default();
            match c.with_base(&store, progress).await {
                Ok(c) => {
                    l.push(
                        "base model",
                        true,
                        format!("{base}: every file matches its root, size and blake3"),
                    );
                    Some(c)
                }
                Err(e) if fatal(&e) => return Err(e),
                Err(e) => {
                    l.push("base model", false, e.message);
                    None
                }
            }
        }
        other => other,
    };
    if let Some(ctx) = ctx {
        report.model_root = ctx.job.model_root;
        let copts = CheckOptions {
            attempts: 2,
            deep,
            allow_exec,
            work_dir: work.path().to_path_buf(),
            // A check that cannot finish on this side (storage out of reach: exit 3) proves
            // nothing about the work: verify stops with its error.
            reject_unfinished: false,
        };
        history(
            client,
            &market,
            &store,
            &ctx,
            work.path(),
            &copts,
            &mut l,
            progress,
        )
        .await?;
        if let Some(m) = &model {
            token_links(client, &ctx, m, &mut l).await?;
        }
    }
    report.links = l.links;
    report.notes = l.notes;
    report.first_broken = report
        .links
        .iter()
        .find(|x| x.holds == Some(false))
        .map(|x| x.link.clone());
    report.verified = report.links.iter().all(|x| x.holds == Some(true));
    Ok(report)
}

/// Datasets, rounds, aggregates, final model and compute units.
#[allow(clippy::too_many_arguments)]
async fn history(
    client: &Client,
    market: &JobMarket,
    store: &ObjectCache,
    ctx: &JobContext,
    work: &Path,
    copts: &CheckOptions,
    l: &mut Links,
    progress: &dyn Progress,
) -> Result<()> {
    let (data, missing) = datasets(client, store, ctx, work, l, progress).await?;
    // Every check re-executes or scores work on the job's data: with a file missing, it would
    // blame honest workers for what storage lost.
    let no_data = (!missing.is_empty()).then(|| {
        format!(
            "the job's data is incomplete: {} could not be fetched intact (see {}), and a check re-executes and scores work on every file",
            match missing.len() {
                1 => missing[0].clone(),
                n => format!("{} and {} more", missing[0], n - 1),
            },
            if missing.len() == 1 { "its link" } else { "their links" }
        )
    });
    if no_data.is_some() {
        l.notes.push(format!(
            "the job's data is incomplete ({} file(s) not fetched intact): the submissions and aggregates re-checked on it were not checked",
            missing.len()
        ));
    }
    let job = &ctx.job;
    // Every round with a record: the finalized ones and, in a stopped job, its current round,
    // which was closed without a verdict.
    let recorded = match job.state {
        JobState::Completed => job.rounds,
        JobState::Stopped => (job.current_round + 1).min(job.rounds),
        _ => job.current_round.min(job.rounds),
    };
    let mut units: BTreeMap<Address, U256> = BTreeMap::new();
    for round in 0..recorded {
        if job.state == JobState::Stopped && round == job.current_round {
            closed_round_link(market, job, round, l).await?;
            continue;
        }
        let Some((agg, report_root)) = market.round_result(job.id, round).await? else {
            l.push(
                format!("round {round}"),
                false,
                "the chain has no result for this finalized round",
            );
            continue;
        };
        let recorded: Option<RoundReport> = match store
            .fetch_json(report_root, "the round report", progress)
            .await
        {
            Ok(r) => {
                l.push(
                    format!("round {round} report"),
                    true,
                    format!("{report_root:#x}"),
                );
                l.root(report_root);
                Some(r)
            }
            Err(e) if fatal(&e) => return Err(e),
            Err(e) => {
                l.push(format!("round {round} report"), false, e.message);
                None
            }
        };
        let subs = market.submissions(job.id, round).await?;
        for sub in subs.iter().filter(|s| s.status == WorkStatus::Accepted) {
            *units.entry(sub.worker).or_default() += sub.work_units;
        }
        if let Some(why) = &no_data {
            for sub in &subs {
                l.unchecked(format!("round {round} submission {}", sub.worker), why);
            }
            l.unchecked(
                format!("round {round} aggregate"),
                format!(
                    "it follows from the round's submissions' checks, which were not done: {why}"
                ),
            );
            l.root(agg);
            continue;
        }
        let basis = round_basis(
            market,
            store,
            ctx,
            round,
            &data,
            work,
            Tolerance::default(),
            progress,
        )
        .await?;
        let mut finals: Vec<(PathBuf, f64)> = Vec::new();
        // Accepted on chain, rejected here: the aggregate of the accepted work cannot be
        // recomputed without them.
        let mut failed: Vec<Address> = Vec::new();
        for sub in &subs {
            let (v, final_path) =
                check_submission(store, ctx, round, sub, &basis, &data, copts, progress).await?;
            let on_chain = sub.status == WorkStatus::Accepted;
            let rec = recorded
                .as_ref()
                .and_then(|r| r.verdicts.iter().find(|x| x.worker == sub.worker));
            // The spans the report should list: drawn from the seed block, whatever this
            // re-check reached before it stopped.
            let drawn = match rec {
                Some(r) if !copts.deep && !r.checked_spans.is_empty() => {
                    Some(drawn_spans(ctx, round, sub, &basis)?)
                }
                _ => None,
            };
            let (holds, detail) = submission_detail(&v, sub, rec, drawn.as_deref());
            l.push(
                format!("round {round} submission {}", sub.worker),
                holds,
                detail,
            );
            if on_chain {
                match final_path {
                    Some(p) => finals.push((p, spec_units(&ctx.spec) as f64)),
                    None => failed.push(sub.worker),
                }
            }
        }
        let momentum = recorded.as_ref().and_then(|r| r.momentum_root);
        aggregate_link(
            market, ctx, round, agg, momentum, &subs, finals, &failed, &basis, work, l,
        )
        .await?;
    }
    final_model_link(market, job, l).await?;
    compute_units_link(market, job.id, &units, l).await
}

/// What "verified" does not cover for a job in its state.
fn coverage_notes(job: &crate::jobs::JobInfo) -> Vec<String> {
    let id = job.id;
    let done = job.current_round.min(job.rounds);
    match job.state {
        JobState::Completed => Vec::new(),
        JobState::Open => vec![format!(
            "job {id} is open: no round has started, so only its bundle and datasets are verified; it has no final model"
        )],
        JobState::Running => vec![format!(
            "job {id} is running: {done} of {} rounds are finalized and verified; round {done} is in progress and not verified; it has no final model yet",
            job.rounds
        )],
        JobState::Cancelled => vec![format!(
            "job {id} was cancelled after {done} finalized rounds (verified): it has no final model"
        )],
        JobState::Stopped => vec![format!(
            "job {id} stopped: round {} was closed without a verdict; it has no final model",
            job.current_round
        )],
    }
}

/// A round closed without a verdict (`job close-round`): every submission was paid by its
/// units and nobody checked it. The link holds when the chain records exactly that (every
/// submission unverified, no aggregate); the note says the work itself is not verified.
async fn closed_round_link(
    market: &JobMarket,
    job: &crate::jobs::JobInfo,
    round: u32,
    l: &mut Links,
) -> Result<()> {
    let subs = market.submissions(job.id, round).await?;
    let result = market.round_result(job.id, round).await?;
    let odd: Vec<String> = subs
        .iter()
        .filter(|s| s.status != WorkStatus::Unverified)
        .map(|s| format!("{} is {}", s.worker, s.status.as_str()))
        .collect();
    let holds = odd.is_empty() && result.is_none();
    let detail = if holds {
        format!(
            "closed without a verdict: {} submission(s) paid by their units, unverified",
            subs.len()
        )
    } else {
        let mut d = odd;
        if result.is_some() {
            d.push("the chain records an aggregate for it".into());
        }
        format!("closed without a verdict, but {}", d.join("; "))
    };
    l.push(format!("round {round}"), holds, detail);
    l.notes.push(format!(
        "round {round} was closed without a verdict and paid unverified: no committee checked its {} submission(s), and `cohort verify` does not either",
        subs.len()
    ));
    Ok(())
}

/// The spans a check of `sub` re-executes when not deep: for builtin and lora work the
/// `[verify] spans` K-spans of the round's checkpoint grid drawn from the seed block; the whole
/// round for a replayed round and a deterministic exec job's re-run; none for other exec work.
fn drawn_spans(
    ctx: &JobContext,
    round: u32,
    sub: &Submission,
    basis: &RoundBasis,
) -> Result<Vec<(u64, u64)>> {
    let (start, steps) = (ctx.start_step(round), ctx.spec.training.steps);
    if ctx.reexecutable() && !ctx.spec.verify.replay {
        let grid = checkpoint_layout(start, steps, ctx.spec.training.checkpoint_every);
        let picks = spans_to_check(ctx, round, sub, basis, grid.len() - 1, false)?;
        return Ok(picks.into_iter().map(|i| (grid[i], grid[i + 1])).collect());
    }
    Ok(if ctx.reexecutable() || ctx.spec.model.deterministic {
        vec![(start, start + steps)]
    } else {
        Vec::new()
    })
}

/// Whether a submission's recomputed verdict agrees with the chain (and the spans the round
/// report lists with `drawn`, the spans its seed block draws, when given), and what to say
/// about it.
fn submission_detail(
    v: &Verdict,
    sub: &Submission,
    rec: Option<&RecordedVerdict>,
    drawn: Option<&[(u64, u64)]>,
) -> (bool, String) {
    let on_chain = sub.status == WorkStatus::Accepted;
    let spans_fmt = |s: &[(u64, u64)]| {
        s.iter()
            .map(|(a, b)| format!("{a}..{b}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut problems = Vec::new();
    if v.accepted != on_chain {
        problems.push(format!(
            "recomputed verdict {} but the chain says {}{}",
            if v.accepted { "accepted" } else { "rejected" },
            sub.status.as_str(),
            v.reason
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ));
    }
    if let (Some(rec), Some(drawn)) = (rec, drawn)
        && !rec.checked_spans.is_empty()
        && rec.checked_spans != drawn
    {
        problems.push(format!(
            "the report checked spans {} but the seed block draws {}",
            spans_fmt(&rec.checked_spans),
            if drawn.is_empty() {
                "none".into()
            } else {
                spans_fmt(drawn)
            }
        ));
    }
    let detail = if problems.is_empty() {
        format!(
            "{}; spans re-executed: {}{}",
            if v.accepted { "accepted" } else { "rejected" },
            if v.checked_spans.is_empty() {
                "none".into()
            } else {
                spans_fmt(&v.checked_spans)
            },
            v.delta_loss
                .map(|d| format!("; Δloss {d:+.4}"))
                .unwrap_or_default()
        )
    } else {
        problems.join("; ")
    };
    (problems.is_empty(), detail)
}

/// The round's aggregate, recomputed from the accepted final checkpoints or pseudo-gradients
/// (or, with nothing accepted, the round's start carried over), against the chain's; for
/// `nesterov` jobs also the outer momentum against the round report's. Not checked when a
/// submission accepted on chain (`failed`) does not pass its re-check here.
#[allow(clippy::too_many_arguments)]
async fn aggregate_link(
    market: &JobMarket,
    ctx: &JobContext,
    round: u32,
    agg: B256,
    recorded_momentum: Option<B256>,
    subs: &[Submission],
    finals: Vec<(PathBuf, f64)>,
    failed: &[Address],
    basis: &RoundBasis,
    work: &Path,
    l: &mut Links,
) -> Result<()> {
    let job = &ctx.job;
    let accepted_n = subs
        .iter()
        .filter(|s| s.status == WorkStatus::Accepted)
        .count();
    let link = format!("round {round} aggregate");
    if accepted_n == 0 {
        let start = round_start_root(market, job, round)
            .await?
            .unwrap_or_default();
        l.push(
            link,
            agg == start,
            format!(
                "nothing accepted: the round's start {start:#x} carries over (chain: {agg:#x})"
            ),
        );
        if ctx.nesterov() {
            let before = basis.momentum.as_ref().map(|m| m.0);
            l.push(
                format!("round {round} outer momentum"),
                before == recorded_momentum,
                "nothing accepted: the momentum carries over",
            );
        }
    } else if !failed.is_empty() {
        let who: Vec<String> = failed.iter().map(|w| w.to_string()).collect();
        l.unchecked(
            link,
            format!(
                "it is recomputed from the accepted submissions' final checkpoints, and {} of {} (accepted on chain) {}",
                if who.len() == 1 { "the submission" } else { "the submissions" },
                who.join(", "),
                if who.len() == 1 {
                    "does not pass its re-check (see its link)"
                } else {
                    "do not pass their re-checks (see their links)"
                }
            ),
        );
        l.root(agg);
    } else {
        let out = work.join(format!("aggregate-{round}.safetensors"));
        let m_out = work.join(format!("momentum-{round}.safetensors"));
        let (o, mo, c) = (out.clone(), m_out.clone(), ctx.clone());
        let (st, m) = (
            basis.start.clone(),
            basis.momentum.as_ref().map(|m| m.1.clone()),
        );
        let made = tokio::task::spawn_blocking(move || -> Result<(B256, Option<B256>)> {
            let with_m = crate::jobs::diloco::aggregate(
                &c,
                &finals,
                st.as_deref(),
                m.as_deref(),
                round,
                &o,
                &mo,
            )?;
            Ok((
                file_root(&o)?,
                if with_m { Some(file_root(&mo)?) } else { None },
            ))
        })
        .await
        .map_err(|e| Error::failed("job.task", e.to_string()))?;
        match made {
            Ok((root, momentum)) => {
                l.push(
                    link,
                    root == agg,
                    format!("recomputed {root:#x}, chain {agg:#x}"),
                );
                if let Some(m) = momentum {
                    l.push(
                        format!("round {round} outer momentum"),
                        Some(m) == recorded_momentum,
                        format!(
                            "recomputed {m:#x}, report {}",
                            recorded_momentum.map_or("(none)".into(), |r| format!("{r:#x}"))
                        ),
                    );
                }
            }
            Err(e) => l.push(link, false, e.message),
        }
        l.root(agg);
    }
    Ok(())
}

/// A completed job's model root is its last round's aggregate.
async fn final_model_link(
    market: &JobMarket,
    job: &crate::jobs::JobInfo,
    l: &mut Links,
) -> Result<()> {
    if job.state == JobState::Completed {
        let want = round_start_root(market, job, job.rounds).await?;
        let got = job.model_root;
        l.push(
            "final model",
            want.is_some() && want == got,
            format!(
                "the last aggregate {} is the job's model root {}",
                want.map(|r| format!("{r:#x}"))
                    .unwrap_or_else(|| "(none)".into()),
                got.map(|r| format!("{r:#x}"))
                    .unwrap_or_else(|| "(none)".into())
            ),
        );
    }
    Ok(())
}

/// Compute units: Σ accepted units per worker, as the market credits them.
async fn compute_units_link(
    market: &JobMarket,
    job_id: u64,
    units: &BTreeMap<Address, U256>,
    l: &mut Links,
) -> Result<()> {
    let jm = JobMarketAbi::new(market.address, &market.chain.provider);
    let e = market.chain.decoder();
    let mut bad = Vec::new();
    let mut total = U256::ZERO;
    for (w, u) in units {
        let on = jm
            .computeUnits(U256::from(job_id), *w)
            .call()
            .await
            .map_err(&e)?;
        total += *u;
        if on != *u {
            bad.push(format!("{w}: recomputed {u}, chain {on}"));
        }
    }
    let on_total = jm
        .totalComputeUnits(U256::from(job_id))
        .call()
        .await
        .map_err(&e)?;
    if on_total != total {
        bad.push(format!("total: recomputed {total}, chain {on_total}"));
    }
    l.push(
        "compute units",
        bad.is_empty(),
        if bad.is_empty() {
            format!("{} workers, {total} units", units.len())
        } else {
            bad.join("; ")
        },
    );
    Ok(())
}

/// Every dataset file fetched fresh and checked; weights recomputed. Returns the dataset
/// folders (as `jobs::context::fetch_datasets` lays them out) for re-execution, and the links
/// of the files that could not be fetched intact (left out of the folders: nothing can be
/// re-checked on them).
async fn datasets(
    client: &Client,
    store: &ObjectCache,
    ctx: &JobContext,
    work: &Path,
    l: &mut Links,
    progress: &dyn Progress,
) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let reg = Registry::open(client).await?;
    let raw = DatasetRegistry::new(reg.address, &reg.chain.provider);
    let e = reg.chain.decoder();
    let mut dirs = Vec::new();
    let mut missing = Vec::new();
    for &id in &ctx.job.datasets {
        let info = reg.info(id).await?;
        let name = format!("dataset {} (id {id})", info.name);
        let mut chain_versions = vec![id.to_string()];
        let mut p = info.predecessor_id;
        while let Some(pid) = p {
            chain_versions.push(pid.to_string());
            p = reg.info(pid).await.ok().and_then(|i| i.predecessor_id);
            if chain_versions.len() > 64 {
                break;
            }
        }
        l.push(
            format!("{name} version"),
            info.sealed,
            format!(
                "{}; versions {}",
                if info.sealed { "sealed" } else { "NOT sealed" },
                chain_versions.join(" ← ")
            ),
        );
        let dir = work
            .join("datasets")
            .join(format!("{:#x}", reg.address))
            .join(id.to_string());
        let mut weights: BTreeMap<Address, U256> = BTreeMap::new();
        let mut total = U256::ZERO;
        for c in reg.contributions(id).await? {
            if c.status != ReviewStatus::Accepted {
                continue;
            }
            let w = U256::from(c.size) * U256::from(c.score);
            *weights.entry(c.contributor).or_default() += w;
            total += w;
            let link = format!("{name} file {}", c.path);
            let fetched = store.fetch(c.root, progress).await;
            let path = match fetched {
                Ok(p) => p,
                Err(err) if err.kind == ErrorKind::Unreachable => return Err(err),
                Err(err) => {
                    missing.push(link.clone());
                    l.push(
                        link,
                        false,
                        format!(
                            "root {:#x} could not be fetched intact: {}",
                            c.root, err.message
                        ),
                    );
                    l.root(c.root);
                    continue;
                }
            };
            let (size, hash) = hash_file(&path).map_err(|e| Error::io("read", &path, e))?;
            let holds = size == c.size && Some(hash) == c.blake3_bytes();
            l.push(
                link.clone(),
                holds,
                if holds {
                    format!("root {:#x}, {size} bytes, blake3 {}", c.root, c.blake3)
                } else {
                    format!(
                        "root {:#x}: {size} bytes with blake3 {}, recorded {} bytes with blake3 {}",
                        c.root,
                        hex::encode(hash),
                        c.size,
                        c.blake3
                    )
                },
            );
            l.root(c.root);
            if !holds {
                missing.push(link);
            } else {
                let target = safe_join(&dir.join(format!("{:#x}", c.contributor)), &c.path)?;
                if let Some(d) = target.parent() {
                    std::fs::create_dir_all(d).map_err(|e| Error::io("create folder", d, e))?;
                }
                std::fs::copy(&path, &target).map_err(|e| Error::io("copy", &path, e))?;
            }
        }
        let mut bad = Vec::new();
        for (who, w) in &weights {
            let on = raw
                .weightOf(U256::from(id), *who)
                .call()
                .await
                .map_err(&e)?;
            if on != *w {
                bad.push(format!("{who}: recomputed {w}, chain {on}"));
            }
        }
        let on_total = raw.totalWeight(U256::from(id)).call().await.map_err(&e)?;
        if on_total != total {
            bad.push(format!("total: recomputed {total}, chain {on_total}"));
        }
        l.push(
            format!("{name} contribution weights"),
            bad.is_empty(),
            if bad.is_empty() {
                format!("{} contributors, total weight {total}", weights.len())
            } else {
                bad.join("; ")
            },
        );
        dirs.push(dir);
    }
    Ok((dirs, missing))
}

/// The token: model root, allocations recomputed, revenue.
async fn token_links(client: &Client, ctx: &JobContext, m: &ModelRef, l: &mut Links) -> Result<()> {
    let chain = client.chain().await?;
    let t = ModelToken::new(m.token, &chain.provider);
    let e = chain.decoder();
    let root = t.modelRoot().call().await.map_err(&e)?;
    l.push(
        format!("token {} model root", m.symbol),
        Some(root) == ctx.job.model_root,
        format!(
            "token {root:#x}, job {}",
            ctx.job
                .model_root
                .map(|r| format!("{r:#x}"))
                .unwrap_or_else(|| "(none)".into())
        ),
    );
    let factory = client.profile.contract("model_token_factory")?;
    let suite = tokens::Suite::load(&chain, factory).await?;
    let records = tokens::job_records(&chain, &suite, m.job_id).await?;
    let data_pool = t.dataPool().call().await.map_err(&e)?;
    let compute_pool = t.computePool().call().await.map_err(&e)?;
    let data_total = t.dataTotalWeight().call().await.map_err(&e)?;
    let compute_total = t.computeTotalUnits().call().await.map_err(&e)?;
    let mut bad = Vec::new();
    if data_total != records.total_weight {
        bad.push(format!(
            "data total weight: token {data_total}, records {}",
            records.total_weight
        ));
    }
    if compute_total != records.total_units {
        bad.push(format!(
            "compute total units: token {compute_total}, records {}",
            records.total_units
        ));
    }
    let mut sum = U256::ZERO;
    for c in &records.contributors {
        let data = if data_pool.is_zero() {
            U256::ZERO
        } else {
            mul_div(data_pool, c.data_weight, data_total)
        };
        let compute = if compute_pool.is_zero() {
            U256::ZERO
        } else {
            mul_div(compute_pool, c.compute_units, compute_total)
        };
        let parts = t.allocationParts(c.address).call().await.map_err(&e)?;
        sum += data + compute;
        if parts.dataAmount != data || parts.computeAmount != compute {
            bad.push(format!(
                "{}: recomputed {data} + {compute}, token {} + {}",
                c.address, parts.dataAmount, parts.computeAmount
            ));
        }
    }
    l.push(
        format!("token {} allocations", m.symbol),
        bad.is_empty(),
        if bad.is_empty() {
            format!(
                "{} contributors, {sum} tokens from the data and compute records",
                records.contributors.len()
            )
        } else {
            bad.join("; ")
        },
    );
    let ledger = client.profile.contract("usage_ledger").ok();
    for r in tokens::audit::revenue(&chain, m.token, ledger).await? {
        let detail = if r.holds() {
            let mut d = format!(
                "{} deposits ({} from {} usage settlements), {} claims, {} holders recomputed: every claim paid exactly what was earned",
                r.deposits, r.from_usage, r.settlements, r.claims, r.holders
            );
            d.push_str(&format!(
                "; deposited {}, claimed {}",
                r.deposited, r.claimed
            ));
            d
        } else {
            r.problems.join("; ")
        };
        l.push(
            format!("token {} revenue {}", m.symbol, r.asset.symbol),
            r.holds(),
            detail,
        );
    }
    Ok(())
}
