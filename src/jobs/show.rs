//! Reading jobs back: `job show` (spec, state, rounds with submissions, verdicts and payouts,
//! checkpoints, escrow), `job watch` snapshots, and `model download` (the final model with its
//! spec and provenance).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256, U256};
use serde::{Deserialize, Serialize};

use super::bundle::{CheckReport, JobBundle, RoundReport, WorkBundle};
use super::{JobInfo, JobMarket, JobState, ParticipantRecord, WorkStatus};
use crate::chain::units::dec;
use crate::client::Client;
use crate::datasets::Registry;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;

/// One submission as `job show` lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubmissionDetail {
    pub worker: Address,
    pub bundle_root: B256,
    pub work_units: String,
    pub status: WorkStatus,
    /// What the worker was credited for this round.
    #[serde(with = "dec")]
    pub payout: U256,
    /// Why it was rejected, in words (from the check report of a member that voted for the
    /// agreed verdict; the record's reason code when none could be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The round record's reason code (what the committee agreed on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// Checkpoint roots of the work bundle, by step.
    pub checkpoints: Vec<(u64, B256)>,
    /// The worker's training losses (step, loss) from its bundle.
    pub losses: Vec<(u64, f64)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_val_loss: Option<f64>,
    /// The spans the checker re-executed (from the round report).
    #[serde(default)]
    pub checked_spans: Vec<(u64, u64)>,
    /// The held-out check: validation loss of the submitted weights minus the round start's
    /// (as a member that voted for the agreed verdict measured it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_loss: Option<f64>,
    /// The recorded verdict: `accepted`, `rejected`, or None before the round is finalized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Bytes the worker uploaded for the round (checkpoints, pseudo-gradient, residual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_bytes: Option<u64>,
    /// Bytes of its compressed pseudo-gradient (`[training.compress]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_bytes: Option<u64>,
}

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Not started yet.
    Pending,
    /// Started, not finalized.
    Running,
    /// Finalized on chain (aggregate and report recorded).
    Finalized,
    /// Closed without a verdict after the grace period: submissions paid by units, job stopped.
    Closed,
    /// Never run: the job was cancelled or stopped before it (its reward went back to the owner).
    NotRun,
    /// Started, and running (past its deadline, without submissions) when its job was cancelled:
    /// its reward went back to the owner.
    Cancelled,
}

impl std::fmt::Display for RoundStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RoundStatus::Pending => "pending",
            RoundStatus::Running => "running",
            RoundStatus::Finalized => "finalized",
            RoundStatus::Closed => "closed without a verdict",
            RoundStatus::NotRun => "not run: the job ended before it",
            RoundStatus::Cancelled => {
                "running when the job was cancelled: its reward went back to the owner"
            }
        })
    }
}

/// One round.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoundDetail {
    pub round: u32,
    pub status: RoundStatus,
    pub submissions: Vec<SubmissionDetail>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_root: Option<B256>,
    /// The round record (what the committee agreed on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_root: Option<B256>,
    /// Every member's vote with the root of its own check report (its measurements).
    #[serde(default)]
    pub member_votes: Vec<super::MemberVote>,
    /// Validation loss of the aggregate (from the check report of a member that voted for the
    /// agreed verdict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub val_loss: Option<f64>,
    /// Validation loss of the round's starting weights (the previous round's aggregate, or the
    /// job's starting model in round 0), from the same check report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_val_loss: Option<f64>,
    /// `val_loss` is higher than `start_val_loss`: the round made the model worse.
    #[serde(default)]
    pub val_loss_rose: bool,
    /// The model's fp32 weights in bytes (from the round report): what plain averaging
    /// uploads per worker, the measure of `delta_bytes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fp32_bytes: Option<u64>,
    /// The outer momentum after the round (`nesterov` jobs, from the round report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub momentum_root: Option<B256>,
    /// Workers in the job who submitted nothing (from the round report).
    pub missing: Vec<Address>,
    /// What the round credited its workers: `paid_reward` + `paid_from_slashed`.
    #[serde(with = "dec")]
    pub paid: U256,
    /// The part of `paid` from the round's reward.
    #[serde(default, with = "dec")]
    pub paid_reward: U256,
    /// The part of `paid` from the rejected workers' slashed bonds, passed on to the accepted
    /// workers pro rata by units (zero when they went to the escrow).
    #[serde(default, with = "dec")]
    pub paid_from_slashed: U256,
    /// Committee members who voted on this round's verdict.
    pub votes: u32,
    /// The verdict hash that reached the threshold, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed_verdict: Option<B256>,
    /// Bonds slashed from this round's rejected workers (wei).
    #[serde(with = "dec")]
    pub slashed: U256,
    /// Whether the slashed bonds went to the escrow (nothing accepted) rather than the accepted.
    pub slashed_to_escrow: bool,
}

/// A worker's totals over the job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerTotal {
    pub worker: Address,
    pub compute_units: String,
    #[serde(with = "dec")]
    pub paid: U256,
    /// The part of `paid` from the rounds' rewards.
    #[serde(with = "dec", default)]
    pub paid_reward: U256,
    /// The part of `paid` from the slashed bonds of rejected workers.
    #[serde(with = "dec", default)]
    pub paid_from_slashed: U256,
    pub accepted_rounds: u32,
    pub rejected_rounds: u32,
    /// Rounds closed without a verdict (`job close-round`): paid by units, unverified.
    #[serde(default)]
    pub unverified_rounds: u32,
}

/// `job show`.
#[derive(Debug, Clone, Serialize)]
pub struct JobDetail {
    pub job: JobInfo,
    pub dataset_names: Vec<String>,
    /// The spec's TOML text (None when the bundle could not be fetched).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    pub trainer: Option<String>,
    /// The spec's `[training.outer]` (None when the bundle could not be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outer: Option<crate::trainer::config::OuterConfig>,
    /// The spec's `[training.compress]` (None when the bundle could not be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compress: Option<crate::trainer::config::CompressConfig>,
    /// The part of the job's `paid` (`job.paid`: what the contract credited workers) from the
    /// rounds' rewards.
    #[serde(with = "dec")]
    pub paid_reward: U256,
    /// The part of `job.paid` from slashed bonds passed on to accepted workers.
    #[serde(with = "dec")]
    pub paid_from_slashed: U256,
    pub rounds: Vec<RoundDetail>,
    pub workers: Vec<WorkerTotal>,
    /// Every worker that ever joined, with its bond held, slashed and returned.
    pub bonds: Vec<ParticipantRecord>,
    /// Things that could not be read (storage unreachable, bad documents).
    pub warnings: Vec<String>,
}

/// Everything about a job; storage problems become warnings, not errors.
pub async fn detail(
    client: &Client,
    market: &JobMarket,
    id: u64,
    progress: &dyn Progress,
) -> Result<JobDetail> {
    let job = market.job(id).await?;
    let store = ObjectCache::new(client);
    let mut warnings = Vec::new();
    let bundle: Option<JobBundle> = match store
        .fetch_json(job.spec_root, "the job bundle", progress)
        .await
    {
        Ok(b) => Some(b),
        Err(e) => {
            warnings.push(format!("job bundle: {}", e.message));
            None
        }
    };
    let job_spec = bundle.as_ref().and_then(|b| b.job_spec().ok());
    let (outer, compress) = match &job_spec {
        Some(s) => (
            Some(s.training.outer.clone()),
            Some(s.training.compress.clone()),
        ),
        None => (None, None),
    };
    let trainer = job_spec.as_ref().map(|s| {
        match s.model.trainer {
            crate::jobspec::TrainerKind::Builtin => "builtin",
            crate::jobspec::TrainerKind::Exec => "exec",
            crate::jobspec::TrainerKind::Lora => "lora",
        }
        .to_string()
    });
    let mut dataset_names = Vec::new();
    if let Ok(reg) = Registry::open(client).await {
        for d in &job.datasets {
            dataset_names.push(
                reg.info(*d)
                    .await
                    .map(|i| i.name)
                    .unwrap_or_else(|_| d.to_string()),
            );
        }
    }
    let mut rounds = Vec::new();
    let mut totals: BTreeMap<Address, WorkerTotal> = BTreeMap::new();
    let last = if job.state == JobState::Open {
        0
    } else {
        (job.current_round + 1).min(job.rounds)
    };
    let ended = matches!(job.state, JobState::Cancelled | JobState::Stopped);
    for r in 0..job.rounds {
        if r >= last {
            rounds.push(RoundDetail {
                round: r,
                status: if ended {
                    RoundStatus::NotRun
                } else {
                    RoundStatus::Pending
                },
                submissions: vec![],
                aggregate_root: None,
                report_root: None,
                member_votes: vec![],
                val_loss: None,
                start_val_loss: None,
                val_loss_rose: false,
                fp32_bytes: None,
                momentum_root: None,
                missing: vec![],
                paid: U256::ZERO,
                paid_reward: U256::ZERO,
                paid_from_slashed: U256::ZERO,
                votes: 0,
                agreed_verdict: None,
                slashed: U256::ZERO,
                slashed_to_escrow: false,
            });
            continue;
        }
        rounds.push(
            round_detail(
                market,
                &store,
                &job,
                r,
                &mut totals,
                &mut warnings,
                progress,
            )
            .await?,
        );
    }
    for (w, t) in totals.iter_mut() {
        t.compute_units = market.compute_units(id, *w).await?.to_string();
    }
    let bonds = market.participants(id).await?;
    // The contract's `paid` counts the slashed bonds passed on with the rewards.
    let paid_from_slashed: U256 = rounds.iter().map(|r| r.paid_from_slashed).sum();
    Ok(JobDetail {
        paid_reward: job.paid.saturating_sub(paid_from_slashed),
        paid_from_slashed,
        job,
        dataset_names,
        spec: bundle.map(|b| b.spec),
        trainer,
        outer,
        compress,
        rounds,
        workers: totals.into_values().collect(),
        bonds,
        warnings,
    })
}

/// One started round of a job: its submissions with payouts and reasons, adding each worker's
/// totals to `totals`; storage problems become `warnings`.
async fn round_detail(
    market: &JobMarket,
    store: &ObjectCache,
    job: &JobInfo,
    r: u32,
    totals: &mut BTreeMap<Address, WorkerTotal>,
    warnings: &mut Vec<String>,
    progress: &dyn Progress,
) -> Result<RoundDetail> {
    let subs = market.submissions(job.id, r).await?;
    let result = market.round_result(job.id, r).await?;
    let report: Option<RoundReport> = match result {
        Some((_, rep)) if !rep.is_zero() => {
            match store.fetch_json(rep, "the round report", progress).await {
                Ok(x) => Some(x),
                Err(e) => {
                    warnings.push(format!("round {r} report: {}", e.message));
                    None
                }
            }
        }
        _ => None,
    };
    let votes = market.round_votes(job.id, r).await?;
    let member_votes = match market.member_votes(job.id, r, None).await {
        Ok(v) => v,
        Err(e) => {
            warnings.push(format!("round {r} votes: {}", e.message));
            Vec::new()
        }
    };
    let measured = match result.filter(|(_, rep)| !rep.is_zero()) {
        Some((_, rep)) => {
            agreed_check_report(store, &member_votes, votes.agreed, rep, progress).await
        }
        None => None,
    };
    // Payouts as the contract credits them: the reward (and the slashed bonds of the rejected,
    // each exactly the job's bond) pro rata by paid units; a closed round pays every submission.
    let paid_units = |s: &super::Submission| job.terms.paid_units(s.work_units);
    let counted = |st: WorkStatus| matches!(st, WorkStatus::Accepted | WorkStatus::Unverified);
    let accepted_units: U256 = subs
        .iter()
        .filter(|s| counted(s.status))
        .map(paid_units)
        .sum();
    let rejected = subs
        .iter()
        .filter(|s| s.status == WorkStatus::Rejected)
        .count();
    let slashed = job.terms.bond * U256::from(rejected);
    let slashed_to_escrow = !slashed.is_zero() && accepted_units.is_zero();
    let mut details = Vec::new();
    let (mut paid_reward, mut paid_from_slashed) = (U256::ZERO, U256::ZERO);
    for s in &subs {
        let (reward, share) = if counted(s.status) && !accepted_units.is_zero() {
            let u = paid_units(s);
            let share = if s.status == WorkStatus::Accepted {
                slashed * u / accepted_units
            } else {
                U256::ZERO
            };
            (job.reward_per_round * u / accepted_units, share)
        } else {
            (U256::ZERO, U256::ZERO)
        };
        paid_reward += reward;
        paid_from_slashed += share;
        let payout = reward + share;
        let recorded = report
            .as_ref()
            .and_then(|rep| rep.verdicts.iter().find(|v| v.worker == s.worker));
        let checked = measured
            .as_ref()
            .and_then(|m| m.verdicts.iter().find(|v| v.worker == s.worker));
        let wb: Option<WorkBundle> = store
            .fetch_json(s.bundle_root, "the work bundle", progress)
            .await
            .ok();
        add_total(totals, s, payout, share);
        details.push(submission_detail(s, payout, recorded, checked, wb.as_ref()));
    }
    let val_loss = measured
        .as_ref()
        .and_then(|m| m.val_loss)
        .or(report.as_ref().and_then(|r| r.val_loss));
    let start_val_loss = measured
        .as_ref()
        .and_then(|m| m.start_val_loss)
        .or(report.as_ref().and_then(|r| r.start_val_loss));
    Ok(RoundDetail {
        round: r,
        status: if result.is_some() {
            RoundStatus::Finalized
        } else if job.state == JobState::Stopped {
            RoundStatus::Closed
        } else if job.state == JobState::Cancelled && job.round_start > 0 {
            // Cancelled from its deadline on, without submissions: its reward was refunded.
            RoundStatus::Cancelled
        } else if job.state == JobState::Cancelled {
            // An open job cancelled before it started.
            RoundStatus::NotRun
        } else {
            RoundStatus::Running
        },
        submissions: details,
        aggregate_root: result.map(|x| x.0).filter(|x| !x.is_zero()),
        report_root: result.map(|x| x.1).filter(|x| !x.is_zero()),
        member_votes,
        val_loss,
        start_val_loss,
        val_loss_rose: super::diloco::loss_rose(start_val_loss, val_loss),
        fp32_bytes: report.as_ref().and_then(|r| r.fp32_bytes),
        momentum_root: report.as_ref().and_then(|r| r.momentum_root),
        missing: report.map(|r| r.missing).unwrap_or_default(),
        paid: paid_reward + paid_from_slashed,
        paid_reward,
        paid_from_slashed,
        votes: votes.votes,
        agreed_verdict: votes.agreed,
        slashed,
        slashed_to_escrow,
    })
}

/// What was measured in a finalized round: the check report of the first member that voted for
/// the agreed verdict and names the round record `record_root` (each member measures on its own
/// hardware; the record holds none of it). None when no such report can be read.
pub async fn agreed_check_report(
    store: &ObjectCache,
    votes: &[super::MemberVote],
    agreed: Option<B256>,
    record_root: B256,
    progress: &dyn Progress,
) -> Option<CheckReport> {
    for v in votes.iter().filter(|v| Some(v.verdict_hash) == agreed) {
        if let Ok(c) = store
            .fetch_json::<CheckReport>(v.report_root, "a member's check report", progress)
            .await
            && c.check_format().is_ok()
            && c.record_root == record_root
        {
            return Some(c);
        }
    }
    None
}

/// Adds a submission's payout (`from_slashed` of it from slashed bonds) and verdict to its
/// worker's totals.
fn add_total(
    totals: &mut BTreeMap<Address, WorkerTotal>,
    s: &super::Submission,
    payout: U256,
    from_slashed: U256,
) {
    let t = totals.entry(s.worker).or_insert(WorkerTotal {
        worker: s.worker,
        compute_units: "0".into(),
        paid: U256::ZERO,
        paid_reward: U256::ZERO,
        paid_from_slashed: U256::ZERO,
        accepted_rounds: 0,
        rejected_rounds: 0,
        unverified_rounds: 0,
    });
    t.paid += payout;
    t.paid_reward += payout - from_slashed;
    t.paid_from_slashed += from_slashed;
    match s.status {
        WorkStatus::Accepted => t.accepted_rounds += 1,
        WorkStatus::Rejected => t.rejected_rounds += 1,
        WorkStatus::Unverified => t.unverified_rounds += 1,
        _ => {}
    }
}

/// A submission as `job show` lists it: the chain's record, the round report's verdict and the
/// work bundle's checkpoints and losses.
fn submission_detail(
    s: &super::Submission,
    payout: U256,
    recorded: Option<&super::bundle::RecordedVerdict>,
    checked: Option<&super::bundle::Verdict>,
    wb: Option<&WorkBundle>,
) -> SubmissionDetail {
    SubmissionDetail {
        worker: s.worker,
        bundle_root: s.bundle_root,
        work_units: s.work_units.to_string(),
        status: s.status,
        payout,
        reason: checked
            .filter(|c| recorded.is_some_and(|r| !r.accepted && !c.accepted))
            .and_then(|c| c.reason.clone())
            .or_else(|| recorded.and_then(|v| v.reason.clone())),
        // New records hold the code; old ones the text.
        reason_code: recorded.and_then(|v| v.reason.as_deref()).map(|r| {
            if r.contains(' ') {
                super::bundle::reason_code(r).as_str().to_string()
            } else {
                r.to_string()
            }
        }),
        checked_spans: recorded
            .map(|v| v.checked_spans.clone())
            .unwrap_or_default(),
        delta_loss: checked.and_then(|v| v.delta_loss),
        verdict: recorded.map(|v| if v.accepted { "accepted" } else { "rejected" }.to_string()),
        checkpoints: wb
            .map(|b| b.checkpoints.iter().map(|c| (c.step, c.root)).collect())
            .unwrap_or_default(),
        losses: wb
            .map(|b| {
                b.metrics
                    .losses
                    .iter()
                    .map(|l| (l.step, l.train_loss))
                    .collect()
            })
            .unwrap_or_default(),
        final_val_loss: wb.and_then(|b| b.metrics.final_val_loss),
        uploaded_bytes: wb.map(WorkBundle::uploaded_bytes),
        delta_bytes: wb.and_then(|b| b.delta.map(|d| d.size)),
    }
}

/// One `job watch` snapshot.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WatchSnapshot {
    pub job_id: u64,
    pub state: JobState,
    pub round: u32,
    pub rounds: u32,
    pub workers: Vec<Address>,
    /// Submissions of the current round: worker, status, last training loss.
    pub submissions: Vec<WatchSubmission>,
    /// Seconds until the current round's submissions close.
    pub time_left_s: Option<u64>,
    /// Validation loss of the last finalized round's aggregate.
    pub last_val_loss: Option<f64>,
    #[serde(with = "dec")]
    pub escrow: U256,
    /// The model's fp32 weights in bytes (builtin jobs): the measure of `delta_bytes`.
    pub fp32_bytes: Option<u64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WatchSubmission {
    pub worker: Address,
    pub status: WorkStatus,
    pub work_units: String,
    pub last_loss: Option<f64>,
    pub final_val_loss: Option<f64>,
    /// Bytes uploaded for the round (checkpoints, pseudo-gradient, residual).
    pub uploaded_bytes: Option<u64>,
    /// Bytes of the compressed pseudo-gradient.
    pub delta_bytes: Option<u64>,
}

/// Reads the job's current state for `job watch`. Bundles already read are kept in `cache`.
pub async fn snapshot(
    client: &Client,
    market: &JobMarket,
    id: u64,
    cache: &mut BTreeMap<B256, Option<WorkBundle>>,
    progress: &dyn Progress,
) -> Result<WatchSnapshot> {
    let job = market.job(id).await?;
    let store = ObjectCache::new(client);
    let round = job.current_round.min(job.rounds.saturating_sub(1));
    let mut submissions = Vec::new();
    if job.state != JobState::Open {
        for s in market.submissions(id, round).await? {
            let b = match cache.get(&s.bundle_root) {
                Some(b) => b.clone(),
                None => {
                    let b = store
                        .fetch_json::<WorkBundle>(s.bundle_root, "the work bundle", progress)
                        .await
                        .ok();
                    cache.insert(s.bundle_root, b.clone());
                    b
                }
            };
            submissions.push(WatchSubmission {
                worker: s.worker,
                status: s.status,
                work_units: s.work_units.to_string(),
                last_loss: b
                    .as_ref()
                    .and_then(|b| b.metrics.losses.last().map(|l| l.train_loss)),
                final_val_loss: b.as_ref().and_then(|b| b.metrics.final_val_loss),
                uploaded_bytes: b.as_ref().map(WorkBundle::uploaded_bytes),
                delta_bytes: b.as_ref().and_then(|b| b.delta.map(|d| d.size)),
            });
        }
    }
    let mut last_val_loss = None;
    if job.current_round > 0
        && let Some((_, rep)) = market.round_result(id, job.current_round - 1).await?
        && !rep.is_zero()
    {
        let round = job.current_round - 1;
        let votes = market.round_votes(id, round).await?;
        let members = market.member_votes(id, round, None).await?;
        last_val_loss =
            match agreed_check_report(&store, &members, votes.agreed, rep, progress).await {
                Some(c) => c.val_loss,
                // An old-format report held the aggregate's loss itself.
                None => store
                    .fetch_json::<RoundReport>(rep, "the round report", progress)
                    .await
                    .ok()
                    .and_then(|r| r.val_loss),
            };
    }
    // The model's size from the spec (the job bundle is cached after the first read).
    let fp32_bytes = store
        .fetch_json::<JobBundle>(job.spec_root, "the job bundle", progress)
        .await
        .ok()
        .and_then(|b| b.job_spec().ok())
        .and_then(|s| s.fp32_bytes());
    let time_left_s = match job.round_deadline() {
        Some(d) => Some(d.saturating_sub(market.now().await?)),
        None => None,
    };
    Ok(WatchSnapshot {
        job_id: id,
        state: job.state,
        round: job.current_round,
        rounds: job.rounds,
        workers: job.workers.clone(),
        submissions,
        time_left_s,
        last_val_loss,
        escrow: job.escrow,
        fp32_bytes,
    })
}

/// The provenance of a downloaded model.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    pub job_id: u64,
    pub owner: Address,
    /// The committee that verified the rounds, and how many of its members had to agree.
    pub committee: Vec<Address>,
    pub threshold: u32,
    pub spec_root: B256,
    pub model_root: B256,
    pub datasets: Vec<ProvenanceDataset>,
    pub rounds: Vec<ProvenanceRound>,
    pub workers: Vec<ProvenanceWorker>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceDataset {
    pub id: u64,
    pub name: String,
    pub total_weight: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceRound {
    pub round: u32,
    pub aggregate_root: B256,
    pub report_root: B256,
    pub accepted: Vec<Address>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceWorker {
    pub address: Address,
    pub compute_units: String,
}

/// The result of `model download`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ModelDownload {
    pub job_id: u64,
    pub model_root: B256,
    /// `model.safetensors` (builtin, exec), or the PEFT adapter folder `adapter/` (lora).
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub model: PathBuf,
    /// A lora job's base model folder `base/` (every file checked against its root).
    #[serde(
        serialize_with = "crate::fsutil::lossy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub base: Option<PathBuf>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub spec: PathBuf,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub provenance: PathBuf,
    pub size: u64,
}

/// Copies every file of `from` into `to` (created), each atomically.
fn copy_folder(from: &Path, to: &Path) -> Result<()> {
    crate::fsutil::ensure_dir(to, 0o755)?;
    for e in std::fs::read_dir(from).map_err(|e| Error::io("read folder", from, e))? {
        let p = e.map_err(|e| Error::io("read folder", from, e))?.path();
        if p.is_file()
            && let Some(name) = p.file_name()
            && !name.to_string_lossy().starts_with('.')
        {
            super::context::place(&p, &to.join(name))?;
        }
    }
    Ok(())
}

/// Fetches a completed job's final model (verified against its root), writes it with the spec
/// and the provenance into `dir`.
pub async fn download_model(
    client: &Client,
    market: &JobMarket,
    id: u64,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<ModelDownload> {
    let job = market.job(id).await?;
    let model_root = match (job.state, job.model_root) {
        (JobState::Completed, Some(r)) => r,
        _ => {
            return Err(Error::usage(
                "job.not_completed",
                format!(
                    "job {id} is {}: it has no final model yet",
                    job.state.as_str()
                ),
            )
            .hint(format!("follow it with `cohort job watch {id}`")));
        }
    };
    let store = ObjectCache::new(client);
    let cached = store.fetch(model_root, progress).await?;
    let bundle: JobBundle = store
        .fetch_json(job.spec_root, "the job bundle", progress)
        .await?;
    crate::fsutil::ensure_dir(dir, 0o755)?;
    let bytes = std::fs::read(&cached).map_err(|e| Error::io("read", &cached, e))?;
    let job_spec = bundle.job_spec()?;
    let (model, base) = if job_spec.model.trainer == crate::jobspec::TrainerKind::Lora {
        // A lora job's model is an adapter: written as a PEFT folder beside its base model,
        // both loadable by transformers + PEFT and by `cohort model serve BASE --adapter`.
        let root = crate::lora::base::parse_root(job_spec.model.base.as_deref().unwrap_or(""))?;
        let cached_base = crate::lora::base::fetch(&store, root, progress).await?;
        let base = dir.join("base");
        copy_folder(&cached_base, &base)?;
        let config = crate::lora::Config::load(&base)?;
        let adapter = dir.join("adapter");
        let abs = std::fs::canonicalize(&base).unwrap_or(base.clone());
        crate::lora::pool::LoraCheckpoint::load(&cached)?.save_peft(
            &adapter,
            &config,
            &abs.display().to_string(),
        )?;
        (adapter, Some(base))
    } else {
        let model = dir.join("model.safetensors");
        crate::fsutil::write_atomic(&model, &bytes, 0o644)?;
        (model, None)
    };
    let spec = dir.join("job.toml");
    crate::fsutil::write_atomic(&spec, bundle.spec.as_bytes(), 0o644)?;
    let reg = Registry::open(client).await?;
    let mut datasets = Vec::new();
    for d in &job.datasets {
        let info = reg.info(*d).await?;
        datasets.push(ProvenanceDataset {
            id: *d,
            name: info.name,
            total_weight: info.total_weight,
        });
    }
    let mut rounds = Vec::new();
    let mut workers: BTreeMap<Address, ()> = BTreeMap::new();
    for r in 0..job.rounds {
        let (agg, rep) = market.round_result(id, r).await?.unwrap_or_default();
        let accepted: Vec<Address> = market
            .submissions(id, r)
            .await?
            .into_iter()
            .filter(|s| s.status == WorkStatus::Accepted)
            .map(|s| s.worker)
            .collect();
        for a in &accepted {
            workers.insert(*a, ());
        }
        rounds.push(ProvenanceRound {
            round: r,
            aggregate_root: agg,
            report_root: rep,
            accepted,
        });
    }
    let mut ws = Vec::new();
    for w in workers.keys() {
        ws.push(ProvenanceWorker {
            address: *w,
            compute_units: market.compute_units(id, *w).await?.to_string(),
        });
    }
    let prov = Provenance {
        job_id: id,
        owner: job.owner,
        committee: job.terms.committee.clone(),
        threshold: job.terms.threshold,
        spec_root: job.spec_root,
        model_root,
        datasets,
        rounds,
        workers: ws,
    };
    let provenance = dir.join("provenance.json");
    crate::fsutil::write_atomic(
        &provenance,
        &serde_json::to_vec_pretty(&prov).expect("serializes"),
        0o644,
    )?;
    Ok(ModelDownload {
        job_id: id,
        model_root,
        model,
        base,
        spec,
        provenance,
        size: bytes.len() as u64,
    })
}
