//! Training jobs on the `JobMarket` contract: submit (bundle the spec, escrow the budget), list,
//! show, watch, cancel; the coordinator ([`coordinator`]) that starts jobs, checks and averages
//! each round's work and completes the job; audits ([`audit`]) that re-execute a submission; and
//! the formats stored in storage ([`bundle`]): the job bundle, the work bundle and the round
//! report. Workers live in [`crate::worker`].
//!
//! Everything a job owes is recomputable from chain records: payouts are
//! `floor(rewardPerRound × units / Σ accepted units)` per round, as the contract credits them.

pub mod audit;
pub mod bundle;
pub mod check;
pub mod context;
pub mod coordinator;
pub mod diloco;
pub mod replay;
pub mod show;
pub mod spans;

pub mod submit;
pub mod trainers;

use alloy::primitives::{Address, B256, U256};
use alloy::providers::DynProvider;
use serde::Serialize;

use crate::chain::SignerChain;
use crate::chain::bindings::JobMarket::{self as abi, JobMarketInstance};
use crate::chain::contract::{Contract, send_once, send_ref};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::progress::Progress;

pub use crate::chain::retry::retrying;
pub use crate::chain::tx::TxRef;
use crate::chain::units::{dec, to_u64};

/// Life cycle of a job (the contract's `JobState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Open,
    Running,
    Completed,
    Cancelled,
    /// A round was closed without a verdict (`job close-round`): the job ended there.
    Stopped,
}

impl JobState {
    fn from_u8(v: u8) -> JobState {
        match v {
            0 => JobState::Open,
            1 => JobState::Running,
            2 => JobState::Completed,
            3 => JobState::Cancelled,
            _ => JobState::Stopped,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Open => "open",
            JobState::Running => "running",
            JobState::Completed => "completed",
            JobState::Cancelled => "cancelled",
            JobState::Stopped => "stopped",
        }
    }
    /// Whether the job is still open to work (Open or Running).
    pub fn is_live(self) -> bool {
        matches!(self, JobState::Open | JobState::Running)
    }
}

/// A submission's status (the contract's `WorkStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    None,
    Submitted,
    Accepted,
    Rejected,
    /// Paid by its units without a verdict: the round was closed after the grace period.
    Unverified,
}

impl WorkStatus {
    fn from_u8(v: u8) -> WorkStatus {
        match v {
            1 => WorkStatus::Submitted,
            2 => WorkStatus::Accepted,
            3 => WorkStatus::Rejected,
            4 => WorkStatus::Unverified,
            _ => WorkStatus::None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            WorkStatus::None => "none",
            WorkStatus::Submitted => "submitted",
            WorkStatus::Accepted => "accepted",
            WorkStatus::Rejected => "rejected",
            WorkStatus::Unverified => "unverified",
        }
    }
}

/// Parts per billion: how `JobMarket` stores the verification tolerance and the largest
/// validation-loss increase (`tolerancePpb`, `maxLossIncreasePpb`).
pub const PPB: f64 = 1e9;

/// What a job committed to at `createJob` (the contract's `Terms`), read back from the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobTerms {
    /// The model token's split in basis points (sum 10000).
    pub owner_bps: u16,
    pub data_bps: u16,
    pub compute_bps: u16,
    /// The most a model server may keep of usage revenue, in basis points.
    pub max_service_fee_bps: u16,
    /// The verifying committee and how many of its members must post the same verdict.
    pub committee: Vec<Address>,
    pub threshold: u32,
    /// K-spans re-executed per submission.
    pub spans: u32,
    /// Largest absolute weight difference a re-executed CPU span may show (from `tolerancePpb`).
    pub tolerance: f64,
    /// Largest validation-loss increase (nats) a submission may show (from `maxLossIncreasePpb`).
    pub max_loss_increase: f64,
    /// The checkpoint interval K (steps).
    pub checkpoint_every: u64,
    /// Seconds after a round's deadline the committee still has; then anyone may close the round.
    pub grace: u64,
    /// What each worker posts at join (wei).
    #[serde(with = "dec")]
    pub bond: U256,
    /// Work units of one round's work; a submission is paid for at most this many.
    #[serde(with = "dec")]
    pub units_per_submission: U256,
    /// The ERC-20s the model's token will accept as revenue besides the native coin.
    pub revenue_assets: Vec<Address>,
}

impl JobTerms {
    /// The contract's `Terms` for `createJob`.
    pub fn to_abi(&self) -> abi::Terms {
        abi::Terms {
            ownerBps: self.owner_bps,
            dataBps: self.data_bps,
            computeBps: self.compute_bps,
            maxServiceFeeBps: self.max_service_fee_bps,
            threshold: self.threshold,
            spans: self.spans,
            tolerancePpb: (self.tolerance * PPB).round() as u64,
            maxLossIncreasePpb: (self.max_loss_increase * PPB).round() as u64,
            checkpointEvery: self.checkpoint_every,
            grace: self.grace,
            bond: self.bond,
            unitsPerSubmission: self.units_per_submission,
            committee: self.committee.clone(),
            revenueAssets: self.revenue_assets.clone(),
        }
    }

    fn from_abi(t: abi::Terms) -> JobTerms {
        JobTerms {
            owner_bps: t.ownerBps,
            data_bps: t.dataBps,
            compute_bps: t.computeBps,
            max_service_fee_bps: t.maxServiceFeeBps,
            committee: t.committee,
            threshold: t.threshold,
            spans: t.spans,
            tolerance: t.tolerancePpb as f64 / PPB,
            max_loss_increase: t.maxLossIncreasePpb as f64 / PPB,
            checkpoint_every: t.checkpointEvery,
            grace: t.grace,
            bond: t.bond,
            units_per_submission: t.unitsPerSubmission,
            revenue_assets: t.revenueAssets,
        }
    }

    /// Units a submission claiming `claimed` is paid for: `min(claimed, units_per_submission)`.
    pub fn paid_units(&self, claimed: U256) -> U256 {
        claimed.min(self.units_per_submission)
    }
}

/// A committee's verdict on one round, as `finalizeRound` takes it and members vote on its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundVerdict {
    pub accepted: Vec<Address>,
    /// Paid units of each accepted worker (`min(work units, units per submission)`).
    #[serde(serialize_with = "ser_units")]
    pub units: Vec<U256>,
    pub rejected: Vec<Address>,
    pub aggregate_root: B256,
    pub report_root: B256,
}

fn ser_units<S: serde::Serializer>(v: &[U256], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|u| u.to_string()))
}

impl RoundVerdict {
    fn to_abi(&self) -> abi::Verdict {
        abi::Verdict {
            accepted: self.accepted.clone(),
            units: self.units.clone(),
            rejected: self.rejected.clone(),
            aggregateRoot: self.aggregate_root,
            reportRoot: self.report_root,
        }
    }

    /// The hash members vote for: `keccak256(abi.encode(jobId, round, verdict))`, as the
    /// contract's `verdictHash` computes it.
    pub fn hash(&self, job_id: u64, round: u32) -> B256 {
        use alloy::sol_types::SolValue;
        alloy::primitives::keccak256((U256::from(job_id), round, self.to_abi()).abi_encode_params())
    }
}

/// A round's votes: how many members voted and the verdict hash that reached the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoundVotes {
    pub votes: u32,
    pub agreed: Option<B256>,
}

/// One member's vote on a round, from its `VerdictVoted` event: the verdict hash it voted for
/// and the root of its own check report (outside the hash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct MemberVote {
    pub member: Address,
    pub verdict_hash: B256,
    pub report_root: B256,
}

/// A worker's membership in a job and its bond.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRecord {
    pub worker: Address,
    pub active: bool,
    pub joined_round: u32,
    /// Bond held now (wei).
    #[serde(with = "dec")]
    pub bond: U256,
    /// Bond slashed over the job (wei).
    #[serde(with = "dec")]
    pub slashed: U256,
    /// Bond returned over the job (wei).
    #[serde(with = "dec")]
    pub returned: U256,
}

/// A job as the chain records it. Amounts are wei, as decimal strings in JSON.
#[derive(Debug, Clone, Serialize)]
pub struct JobInfo {
    pub id: u64,
    pub owner: Address,
    pub state: JobState,
    /// Storage root of the job bundle (spec and files).
    pub spec_root: B256,
    /// Storage root of the checkpoint round 0 starts from.
    pub base_model_root: Option<B256>,
    /// Storage root of the final model, once completed.
    pub model_root: Option<B256>,
    pub rounds: u32,
    /// The round in progress (== rounds once every round is finalized).
    pub current_round: u32,
    pub max_workers: u32,
    pub worker_count: u32,
    #[serde(with = "dec")]
    pub reward_per_round: U256,
    #[serde(with = "dec")]
    pub budget: U256,
    #[serde(with = "dec")]
    pub escrow: U256,
    #[serde(with = "dec")]
    pub paid: U256,
    #[serde(with = "dec")]
    pub refunded: U256,
    /// Seconds each round takes at most.
    pub round_timeout: u64,
    /// Unix time the current round started (0 before `startJob`).
    pub round_start: u64,
    pub datasets: Vec<u64>,
    pub workers: Vec<Address>,
    /// Bonds held now, slashed and returned over the job (wei).
    #[serde(with = "dec")]
    pub bonds_held: U256,
    #[serde(with = "dec")]
    pub bonds_slashed: U256,
    #[serde(with = "dec")]
    pub bonds_returned: U256,
    /// What the job committed to at creation.
    pub terms: JobTerms,
}

impl JobInfo {
    /// Whether `who` is on the job's committee.
    pub fn is_member(&self, who: Address) -> bool {
        self.terms.committee.contains(&who)
    }

    /// Unix time from which anyone may close the current round (deadline + grace), while Running.
    pub fn round_closable_at(&self) -> Option<u64> {
        self.round_deadline().map(|d| d + self.terms.grace)
    }

    /// Unix time the current round's submissions close, while Running.
    pub fn round_deadline(&self) -> Option<u64> {
        (self.state == JobState::Running && self.current_round < self.rounds)
            .then(|| self.round_start + self.round_timeout)
    }
}

/// One worker's submission for one round.
#[derive(Debug, Clone, Serialize)]
pub struct Submission {
    pub worker: Address,
    pub bundle_root: B256,
    #[serde(with = "dec")]
    pub work_units: U256,
    pub submitted_at: u64,
    pub status: WorkStatus,
}

/// A worker's registration.
#[derive(Debug, Clone, Serialize)]
pub struct WorkerRecord {
    pub address: Address,
    pub registered: bool,
    /// As recorded on chain (JSON by cohort's workers: shown as an object when it parses).
    #[serde(serialize_with = "inventory_value")]
    pub inventory: String,
    pub payee: Address,
    pub registered_at: u64,
}

/// A worker's recorded inventory as JSON: the object it holds, else the text as it is.
fn inventory_value<S: serde::Serializer>(inv: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    match serde_json::from_str::<serde_json::Value>(inv) {
        Ok(v) if v.is_object() => v.serialize(s),
        _ => s.serialize_str(inv),
    }
}

/// The JobMarket contract (training jobs, escrow, work submissions) of the active profile.
pub type JobMarket = Contract<JobMarketInstance<DynProvider>>;

fn root_opt(r: B256) -> Option<B256> {
    (!r.is_zero()).then_some(r)
}

/// The error for an unknown job id.
pub fn unknown_job(id: u64, count: u64) -> Error {
    let hint = if count == 0 {
        "no jobs exist yet; submit one with `cohort job submit SPEC.toml`".to_string()
    } else {
        format!("jobs have ids 1 to {count}; see them with `cohort job list`")
    };
    Error::usage("job.unknown", format!("no job {id}")).hint(hint)
}

/// Parses a job id (`7` or `#7`).
pub fn parse_job_id(s: &str) -> Result<u64> {
    let t = s.trim().trim_start_matches('#');
    t.parse::<u64>().ok().filter(|v| *v > 0).ok_or_else(|| {
        Error::usage("job.bad_id", format!("'{s}' is not a job id"))
            .hint("job ids are positive numbers; see them with `cohort job list`")
    })
}

impl JobMarket {
    /// Connects to the profile's chain and its `JobMarket`.
    pub async fn open(client: &Client) -> Result<JobMarket> {
        let chain = client.chain().await?;
        let address = client.profile.contract("job_market")?;
        Contract::open_at(chain, address).await
    }

    /// Number of jobs (ids are 1..=count).
    pub async fn count(&self) -> Result<u64> {
        let n = self.read.jobCount().call().await.map_err(|e| self.err(e))?;
        Ok(to_u64(n))
    }

    /// One job; an unknown id is a usage error with a hint.
    pub async fn job(&self, id: u64) -> Result<JobInfo> {
        let count = self.count().await?;
        if id == 0 || id > count {
            return Err(unknown_job(id, count));
        }
        let j = self
            .read
            .getJob(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let datasets = self
            .read
            .jobDatasets(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let workers = self
            .read
            .jobWorkers(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let terms = self
            .read
            .jobTerms(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(JobInfo {
            id,
            owner: j.owner,
            state: JobState::from_u8(j.state),
            spec_root: j.specRoot,
            base_model_root: root_opt(j.baseModelRoot),
            model_root: root_opt(j.modelRoot),
            rounds: j.rounds,
            current_round: j.currentRound,
            max_workers: j.maxWorkers,
            worker_count: j.workerCount,
            reward_per_round: j.rewardPerRound,
            budget: U256::from(j.rounds) * j.rewardPerRound,
            escrow: j.escrow,
            paid: j.paid,
            refunded: j.refunded,
            round_timeout: j.roundTimeout,
            round_start: j.roundStart,
            datasets: datasets.into_iter().map(to_u64).collect(),
            workers,
            bonds_held: j.bondsHeld,
            bonds_slashed: j.bondsSlashed,
            bonds_returned: j.bondsReturned,
            terms: JobTerms::from_abi(terms),
        })
    }

    /// Every worker that ever joined the job, with its membership and bond.
    pub async fn participants(&self, id: u64) -> Result<Vec<ParticipantRecord>> {
        let all = self.participant_addresses(id).await?;
        let mut out = Vec::with_capacity(all.len());
        for w in all {
            out.push(self.participant_record(id, w).await?);
        }
        Ok(out)
    }

    /// Whether `worker` ever joined job `id` (it may have left since).
    pub async fn ever_joined(&self, id: u64, worker: Address) -> Result<bool> {
        Ok(self.participant_addresses(id).await?.contains(&worker))
    }

    /// Every worker that ever joined job `id` (it may have left since).
    async fn participant_addresses(&self, id: u64) -> Result<Vec<Address>> {
        self.read
            .jobParticipants(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))
    }

    /// A worker's membership in a job and its bond.
    pub async fn participant_record(&self, id: u64, worker: Address) -> Result<ParticipantRecord> {
        let p = self
            .read
            .participant(U256::from(id), worker)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(ParticipantRecord {
            worker,
            active: p.active,
            joined_round: p.joinedRound,
            bond: p.bond,
            slashed: p.slashed,
            returned: p.returned,
        })
    }

    /// A round's votes.
    pub async fn round_votes(&self, id: u64, round: u32) -> Result<RoundVotes> {
        let v = self
            .read
            .roundVotes(U256::from(id), round)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(RoundVotes {
            votes: v.votes,
            agreed: root_opt(v.agreed),
        })
    }

    /// Every vote on a round (optionally only `member`'s), in the order they landed, from the
    /// `VerdictVoted` events.
    pub async fn member_votes(
        &self,
        id: u64,
        round: u32,
        member: Option<Address>,
    ) -> Result<Vec<MemberVote>> {
        use alloy::sol_types::SolEvent;
        let mut filter = alloy::rpc::types::Filter::new()
            .address(self.address)
            .event_signature(abi::VerdictVoted::SIGNATURE_HASH)
            .topic1(U256::from(id))
            .topic2(U256::from(round));
        if let Some(m) = member {
            filter = filter.topic3(m.into_word());
        }
        let logs = crate::chain::logs::all_logs(&self.chain, &filter).await?;
        Ok(logs
            .iter()
            .filter_map(|l| abi::VerdictVoted::decode_log_data(l.data()).ok())
            .map(|e| MemberVote {
                member: e.member,
                verdict_hash: e.verdictHash,
                report_root: e.reportRoot,
            })
            .collect())
    }

    /// The verdict hash `member` posted for a round, if any.
    pub async fn vote_of(&self, id: u64, round: u32, member: Address) -> Result<Option<B256>> {
        let v = self
            .read
            .voteOf(U256::from(id), round, member)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(root_opt(v))
    }

    /// Every job, in id order.
    pub async fn list(&self) -> Result<Vec<JobInfo>> {
        let count = self.count().await?;
        let mut out = Vec::with_capacity(count as usize);
        for id in 1..=count {
            out.push(self.job(id).await?);
        }
        Ok(out)
    }

    /// A worker's submission for a round (status None when it did not submit).
    pub async fn submission(&self, id: u64, round: u32, worker: Address) -> Result<Submission> {
        let s = self
            .read
            .getSubmission(U256::from(id), round, worker)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(Submission {
            worker,
            bundle_root: s.bundleRoot,
            work_units: s.workUnits,
            submitted_at: s.submittedAt,
            status: WorkStatus::from_u8(s.status),
        })
    }

    /// Every submission of a round, in submission order.
    pub async fn submissions(&self, id: u64, round: u32) -> Result<Vec<Submission>> {
        let who = self
            .read
            .roundSubmitters(U256::from(id), round)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(who.len());
        for w in who {
            out.push(self.submission(id, round, w).await?);
        }
        Ok(out)
    }

    /// The aggregate checkpoint and report roots of a finalized round (None before).
    pub async fn round_result(&self, id: u64, round: u32) -> Result<Option<(B256, B256)>> {
        let agg = self
            .read
            .roundAggregate(U256::from(id), round)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let rep = self
            .read
            .roundReport(U256::from(id), round)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok((!agg.is_zero() || !rep.is_zero()).then_some((agg, rep)))
    }

    /// Whether `worker` is in the job and from which round it takes part.
    pub async fn participant(&self, id: u64, worker: Address) -> Result<(bool, u32)> {
        let p = self
            .read
            .participant(U256::from(id), worker)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok((p.active, p.joinedRound))
    }

    /// Credited, not yet withdrawn earnings and refunds of an account.
    pub async fn earnings(&self, who: Address) -> Result<U256> {
        self.read
            .earnings(who)
            .call()
            .await
            .map_err(|e| self.err(e))
    }

    /// Work units of a worker's accepted submissions in a job.
    pub async fn compute_units(&self, id: u64, who: Address) -> Result<U256> {
        self.read
            .computeUnits(U256::from(id), who)
            .call()
            .await
            .map_err(|e| self.err(e))
    }

    /// A worker's registration.
    pub async fn worker(&self, who: Address) -> Result<WorkerRecord> {
        let w = self
            .read
            .workers(who)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let payee = self
            .read
            .payeeOf(who)
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(WorkerRecord {
            address: who,
            registered: w.registered,
            inventory: w.inventory,
            payee,
            registered_at: w.registeredAt,
        })
    }

    /// The chain's time: the latest block's timestamp, or the wall clock when later.
    pub async fn now(&self) -> Result<u64> {
        use alloy::providers::Provider;
        let b = self
            .chain
            .provider
            .get_block_by_number(alloy::eips::BlockNumberOrTag::Latest)
            .await
            .map_err(|e| crate::chain::unreachable(&self.chain.rpc_url, e))?;
        let block = b.map(|b| b.header.timestamp).unwrap_or(0);
        // A chain that mines only on demand (anvil) keeps an old latest block; the next block
        // gets the wall clock, so the wall clock is the better guess when it is later.
        let wall = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Ok(block.max(wall))
    }

    // ------------------------------------------------------------------ writes

    /// Declares (or updates) the signer's machine.
    pub async fn register_worker(
        &self,
        s: &SignerChain,
        inventory: &str,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        send_ref(
            s,
            self.signed(s).registerWorker(inventory.to_string()),
            "registering",
            progress,
        )
        .await
    }

    /// Creates a job paying exactly `rounds × reward` and returns its id.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_job(
        &self,
        s: &SignerChain,
        spec_root: B256,
        base_model_root: B256,
        datasets: &[u64],
        rounds: u32,
        max_workers: u32,
        reward: U256,
        round_timeout: u64,
        terms: &JobTerms,
        progress: &dyn Progress,
    ) -> Result<(u64, TxRef)> {
        let jm = self.signed(s);
        let call = jm
            .createJob(
                spec_root,
                base_model_root,
                datasets.iter().map(|d| U256::from(*d)).collect(),
                rounds,
                max_workers,
                reward,
                round_timeout,
                terms.to_abi(),
            )
            .value(U256::from(rounds) * reward);
        let intent = self.create_job_intent(s, spec_root);
        let c = send_once(s, &intent, call, "creating job", progress).await?;
        Ok((created_job_id(&c)?, TxRef::from(&c)))
    }

    /// The pending-transaction intent of the signer's `createJob` for a spec root: a rerun after
    /// an interrupted submit of the same spec finds the recorded transaction under it.
    fn create_job_intent(&self, s: &SignerChain, spec_root: B256) -> String {
        format!(
            "create-job:{}:{:#x}:{spec_root:#x}:{:#x}",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// Whether an earlier, interrupted run recorded a `createJob` of `spec_root` for this signer.
    pub fn has_recorded_create_job(&self, s: &SignerChain, spec_root: B256) -> bool {
        crate::chain::tx::has_record(s, &self.create_job_intent(s, spec_root))
    }

    /// Finishes a `createJob` of `spec_root` an earlier, interrupted run sent (waits for it, or
    /// broadcasts it again): the job it created. `None` when there is no such transaction.
    pub async fn resume_create_job(
        &self,
        s: &SignerChain,
        spec_root: B256,
        progress: &dyn Progress,
    ) -> Result<Option<(u64, TxRef)>> {
        let intent = self.create_job_intent(s, spec_root);
        let label = "finishing an earlier job submission";
        match crate::chain::tx::resume_intent(s, &intent, label, progress).await? {
            Some(c) => Ok(Some((created_job_id(&c)?, TxRef::from(&c)))),
            None => Ok(None),
        }
    }

    /// The ids of `owner`'s jobs with this spec root that are still open or running.
    pub async fn live_jobs_with_spec(&self, owner: Address, spec_root: B256) -> Result<Vec<u64>> {
        use futures::StreamExt;
        // Newest first, 16 reads in flight: a chain with many jobs costs calls, not their sum
        // of round trips.
        let ids: Vec<u64> = (1..=self.count().await?).rev().collect();
        let jobs: Vec<Result<(u64, bool)>> = futures::stream::iter(ids)
            .map(|id| async move {
                let j = self
                    .read
                    .getJob(U256::from(id))
                    .call()
                    .await
                    .map_err(|e| self.err(e))?;
                Ok((
                    id,
                    j.owner == owner
                        && j.specRoot == spec_root
                        && JobState::from_u8(j.state).is_live(),
                ))
            })
            .buffered(16)
            .collect()
            .await;
        let mut out = Vec::new();
        for j in jobs {
            let (id, live) = j?;
            if live {
                out.push(id);
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// The signer joins a job, posting its bond (exactly the job's committed bond).
    pub async fn join(
        &self,
        s: &SignerChain,
        id: u64,
        bond: U256,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        let intent = self.join_intent(s, id);
        let jm = self.signed(s);
        let call = jm.join(U256::from(id)).value(bond);
        let c = send_once(s, &intent, call, "joining", progress).await?;
        Ok(TxRef::from(&c))
    }

    fn join_intent(&self, s: &SignerChain, id: u64) -> String {
        format!(
            "join:{}:{:#x}:{id}:{:#x}",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// Finishes a join an interrupted earlier run sent (waits for it, or broadcasts it again)
    /// and removes its record: the transaction, `None` when none is recorded. Whether the signer
    /// is still in the job is for the caller to read: it may have left since.
    pub async fn resume_join(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<Option<TxRef>> {
        let intent = self.join_intent(s, id);
        let done =
            crate::chain::tx::resume_intent(s, &intent, "finishing an earlier join", progress)
                .await?;
        Ok(done.map(|c| TxRef::from(&c)))
    }

    fn leave_intent(&self, s: &SignerChain, id: u64) -> String {
        format!(
            "leave:{}:{:#x}:{id}:{:#x}",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// The signer leaves a job (its bond is credited back).
    pub async fn leave(&self, s: &SignerChain, id: u64, progress: &dyn Progress) -> Result<TxRef> {
        self.leave_returning(s, id, progress).await.map(|(_, t)| t)
    }

    /// [`JobMarket::leave`], with the bond credited back (from the receipt).
    pub async fn leave_returning(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<(U256, TxRef)> {
        let intent = self.leave_intent(s, id);
        let c = send_once(
            s,
            &intent,
            self.signed(s).leave(U256::from(id)),
            "leaving",
            progress,
        )
        .await?;
        Ok((bond_returned(&c), TxRef::from(&c)))
    }

    /// Finishes a leave an interrupted earlier run sent (waits for it, or broadcasts it again):
    /// the bond credited back and the transaction; `None` when none is recorded.
    pub async fn resume_leave(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<Option<(U256, TxRef)>> {
        let intent = self.leave_intent(s, id);
        let done =
            crate::chain::tx::resume_intent(s, &intent, "finishing an earlier leave", progress)
                .await?;
        Ok(done.map(|c| (bond_returned(&c), TxRef::from(&c))))
    }

    /// A committee member (or the owner) starts the job.
    pub async fn start_job(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        send_ref(
            s,
            self.signed(s).startJob(U256::from(id)),
            "starting job",
            progress,
        )
        .await
    }

    /// Submits the signer's work bundle for a round.
    pub async fn submit_work(
        &self,
        s: &SignerChain,
        id: u64,
        round: u32,
        bundle_root: B256,
        units: u64,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        let intent = self.submit_work_intent(s, id, round);
        let jm = self.signed(s);
        let call = jm.submitWork(U256::from(id), round, bundle_root, U256::from(units));
        let c = send_once(s, &intent, call, "submitting work", progress).await?;
        Ok(TxRef::from(&c))
    }

    fn submit_work_intent(&self, s: &SignerChain, id: u64, round: u32) -> String {
        format!(
            "submit-work:{}:{:#x}:{id}:{round}:{:#x}",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// Whether an earlier, interrupted run recorded the signer's submission for `round`.
    pub fn has_recorded_submit_work(&self, s: &SignerChain, id: u64, round: u32) -> bool {
        crate::chain::tx::has_record(s, &self.submit_work_intent(s, id, round))
    }

    /// Finishes a submission for `round` an interrupted earlier run sent (waits for it, or
    /// broadcasts it again) and removes its record: the transaction, `None` when none is
    /// recorded.
    pub async fn resume_submit_work(
        &self,
        s: &SignerChain,
        id: u64,
        round: u32,
        progress: &dyn Progress,
    ) -> Result<Option<TxRef>> {
        let intent = self.submit_work_intent(s, id, round);
        let label = "finishing an earlier work submission";
        let done = crate::chain::tx::resume_intent(s, &intent, label, progress).await?;
        Ok(done.map(|c| TxRef::from(&c)))
    }

    /// A committee member posts its verdict hash for a round, with its report's root.
    pub async fn vote_verdict(
        &self,
        s: &SignerChain,
        id: u64,
        round: u32,
        verdict: B256,
        report_root: B256,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        send_ref(
            s,
            self.signed(s)
                .voteVerdict(U256::from(id), round, verdict, report_root),
            "voting on the verdict",
            progress,
        )
        .await
    }

    /// Finalizes a round with its agreed verdict (anyone may send it): pays the accepted,
    /// slashes the rejected workers' bonds; the last round completes the job.
    pub async fn finalize_round(
        &self,
        s: &SignerChain,
        id: u64,
        round: u32,
        verdict: &RoundVerdict,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        let intent = format!(
            "finalize-round:{}:{:#x}:{id}:{round}",
            s.chain.chain_id, self.address
        );
        let jm = self.signed(s);
        let call = jm.finalizeRound(U256::from(id), round, verdict.to_abi());
        let c = send_once(s, &intent, call, "finalizing round", progress).await?;
        Ok(TxRef::from(&c))
    }

    /// Closes a round that reached no verdict by its deadline plus the grace period (anyone):
    /// every submission is paid by its units, bonds are returned, the job stops.
    pub async fn close_round(
        &self,
        s: &SignerChain,
        id: u64,
        round: u32,
        progress: &dyn Progress,
    ) -> Result<TxRef> {
        let intent = format!(
            "close-round:{}:{:#x}:{id}:{round}",
            s.chain.chain_id, self.address
        );
        let jm = self.signed(s);
        let call = jm.closeRound(U256::from(id), round);
        let c = send_once(s, &intent, call, "closing round", progress).await?;
        Ok(TxRef::from(&c))
    }

    /// The owner cancels the job.
    fn cancel_intent(&self, s: &SignerChain, id: u64) -> String {
        format!(
            "cancel-job:{}:{:#x}:{id}:{:#x}",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// Cancels job `id` (recorded: a rerun after an interruption waits for this transaction
    /// instead of sending another); returns the refund (from the receipt) and the transaction.
    pub async fn cancel_job(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<(U256, TxRef)> {
        let jm = self.signed(s);
        let call = jm.cancelJob(U256::from(id));
        let c = send_once(
            s,
            &self.cancel_intent(s, id),
            call,
            "cancelling job",
            progress,
        )
        .await?;
        Ok((cancel_refund(&c), TxRef::from(&c)))
    }

    /// Finishes the cancellation of job `id` an interrupted earlier run sent: its refund and
    /// transaction, `None` when none is recorded.
    pub async fn resume_cancel(
        &self,
        s: &SignerChain,
        id: u64,
        progress: &dyn Progress,
    ) -> Result<Option<(U256, TxRef)>> {
        let intent = self.cancel_intent(s, id);
        let done = crate::chain::tx::resume_intent(
            s,
            &intent,
            "finishing an earlier cancellation",
            progress,
        )
        .await?;
        Ok(done.map(|c| (cancel_refund(&c), TxRef::from(&c))))
    }

    fn withdraw_intent(&self, s: &SignerChain) -> String {
        withdraw_intent(s.chain.chain_id, self.address, s.address)
    }

    /// Pays the signer's credited earnings to its payee; returns the amount (from the receipt).
    pub async fn withdraw(
        &self,
        s: &SignerChain,
        progress: &dyn Progress,
    ) -> Result<(U256, TxRef)> {
        let jm = self.signed(s);
        let call = jm.withdraw();
        let intent = self.withdraw_intent(s);
        let c = send_once(s, &intent, call, "withdrawing", progress).await?;
        let amount = c
            .receipt
            .decoded_log::<abi::Withdrawn>()
            .map(|l| l.data.amount)
            .unwrap_or_default();
        Ok((amount, TxRef::from(&c)))
    }

    /// Finishes a withdrawal an interrupted earlier run sent (waits for it, or broadcasts it
    /// again): its amount (from the receipt) and transaction; `None` when none is recorded. Runs
    /// before the earnings are read, so that the record is resolved even when nothing is owed
    /// now (a later withdrawal would otherwise take the old transaction for its own).
    pub async fn resume_withdraw(
        &self,
        s: &SignerChain,
        progress: &dyn Progress,
    ) -> Result<Option<(U256, TxRef)>> {
        let intent = self.withdraw_intent(s);
        let done = crate::chain::tx::resume_intent(
            s,
            &intent,
            "finishing an earlier withdrawal",
            progress,
        )
        .await;
        // A recorded withdrawal that found nothing owed (another one landed first) withdrew
        // nothing: as if none was recorded.
        let done = match done {
            Err(e) if e.revert() == Some("NothingToWithdraw") => None,
            other => other?,
        };
        Ok(done.map(|c| {
            let amount = c
                .receipt
                .decoded_log::<abi::Withdrawn>()
                .map(|l| l.data.amount)
                .unwrap_or_default();
            (amount, TxRef::from(&c))
        }))
    }
}

/// The pending-transaction intent of `signer`'s `withdraw` from the JobMarket at `market`: one
/// for every command that sends it (`worker withdraw`, `rewards claim`), so that each finishes
/// the other's interrupted withdrawal instead of sending one that finds nothing owed.
pub fn withdraw_intent(chain_id: u64, market: Address, signer: Address) -> String {
    format!("withdraw:{chain_id}:{market:#x}:{signer:#x}")
}

/// The refund a confirmed `cancelJob` credited to the owner (its `JobCancelled` event).
fn cancel_refund(c: &crate::chain::tx::Confirmed) -> U256 {
    c.receipt
        .decoded_log::<abi::JobCancelled>()
        .map(|l| l.data.refund)
        .unwrap_or_default()
}

/// The id of the job a confirmed `createJob` created (its `JobCreated` event).
fn created_job_id(c: &crate::chain::tx::Confirmed) -> Result<u64> {
    c.receipt
        .decoded_log::<abi::JobCreated>()
        .map(|l| to_u64(l.data.jobId))
        .ok_or_else(|| {
            Error::failed(
                "job.no_event",
                format!("transaction {} emitted no JobCreated event", c.tx_hash),
            )
        })
}

/// The bond a confirmed transaction credited back (its `BondReturned` event; zero without one).
fn bond_returned(c: &crate::chain::tx::Confirmed) -> U256 {
    c.receipt
        .decoded_log::<abi::BondReturned>()
        .map(|l| l.data.amount)
        .unwrap_or_default()
}

/// The round of `job` that had started and not been finalized (what a cancel stops while it
/// runs), as `job show` tells it: the job started (`round_start` set) and rounds are left.
fn running_round(job: &JobInfo) -> Option<u32> {
    (job.round_start > 0 && job.current_round < job.rounds).then_some(job.current_round)
}

/// The result of `job cancel`.
#[derive(Debug, Clone, Serialize)]
pub struct Cancelled {
    pub job_id: u64,
    /// Cancelled by an earlier run that was interrupted while it waited for the receipt; this
    /// run found its transaction recorded and finished it (nothing was sent again).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
    /// Rounds not finalized when the job was cancelled (the running one included).
    pub unspent_rounds: u32,
    /// The round that had started and was running (past its deadline, without submissions)
    /// when the job was cancelled: one of `unspent_rounds`, the others never started. `job show`
    /// marks it `cancelled`. None for a job cancelled before it started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_round: Option<u32>,
    /// What the owner got back (credited to `earnings`; `cohort worker withdraw` pays it out):
    /// `unspent_refund` plus what finalized rounds left in the escrow.
    #[serde(with = "dec")]
    pub refund: U256,
    /// The part of `refund` that is the unspent rounds' rewards (`unspent_rounds` × reward).
    #[serde(with = "dec")]
    pub unspent_refund: U256,
    /// Finalized rounds that paid no one (no submission accepted): their rewards stayed in the
    /// escrow and are part of `refund`.
    pub unpaid_rounds: Vec<u32>,
    #[serde(with = "dec")]
    pub owner_earnings: U256,
    pub tx: TxRef,
}

/// Cancels a job as its owner; refuses (exit 4) before sending when the signer is not the owner,
/// the job is no longer open or running, or (running) its current round has submissions or still
/// takes them (before the round's deadline).
pub async fn cancel(
    market: &JobMarket,
    s: &SignerChain,
    id: u64,
    progress: &dyn Progress,
) -> Result<Cancelled> {
    let job = market.job(id).await?;
    // A rerun while (or after) an interrupted run's cancellation is pending: that transaction
    // is the cancellation; the checks below read a chain it may already have changed.
    if let Some((refund, tx)) = market.resume_cancel(s, id, progress).await? {
        let after = market.job(id).await?;
        let (unspent_refund, unpaid_rounds) = refund_parts(market, &after).await?;
        return Ok(Cancelled {
            job_id: id,
            resumed: true,
            unspent_rounds: after.rounds - after.current_round.min(after.rounds),
            running_round: running_round(&after),
            refund,
            unspent_refund,
            unpaid_rounds,
            owner_earnings: market.earnings(after.owner).await?,
            tx,
        });
    }
    if job.owner != s.address {
        return Err(Error::reverted(
            "job.not_owner",
            format!(
                "{} is not the owner of job {id}; only {} can cancel it",
                s.address, job.owner
            ),
        )
        .hint("sign with the owner's wallet (--wallet)"));
    }
    if !job.state.is_live() {
        return Err(Error::reverted(
            "job.closed",
            format!(
                "job {id} is {}; only open or running jobs can be cancelled",
                job.state.as_str()
            ),
        )
        .hint(format!(
            "there is nothing left to cancel: `cohort job show {id}` shows how it ended, and \
             `cohort worker withdraw` pays out what it credited to you (a refund, earnings)"
        )));
    }
    if job.state == JobState::Running
        && !market.submissions(id, job.current_round).await?.is_empty()
    {
        return Err(Error::reverted(
            "job.round_has_submissions",
            format!(
                "round {} of job {id} has submissions: the job cannot be cancelled while they await a verdict",
                job.current_round
            ),
        )
        .hint(format!(
            "a round with submissions is paid, never cancelled: by the committee's verdict, or from its deadline plus the grace period by `cohort job close-round {id} {}`, which stops the job and refunds the rounds after it; a later round can be cancelled from its deadline on while it has no submissions, before the committee finalizes it (stop your own `cohort job coordinate` first: it finalizes an empty round once its deadline passes and starts the next)",
            job.current_round
        )));
    }
    // Workers upload their work before they submit it: while the round still takes submissions,
    // cancelling could take back the round's reward for work already in storage.
    if let Some(deadline) = job.round_deadline() {
        let now = market.now().await?;
        if now < deadline {
            return Err(Error::reverted(
                "job.round_in_progress",
                format!(
                    "round {} of job {id} takes submissions until {} (unix time {deadline}), {}s from now: a running job can be cancelled only from its round's deadline on",
                    job.current_round,
                    utc(deadline),
                    deadline - now
                ),
            )
            .hint(format!(
                "cancel after that time while the round has no submissions (`cohort job show {id}`), before the committee finalizes it and starts the next round (stop your own `cohort job coordinate` first: it finalizes an empty round once its deadline passes); an open job that has not started can be cancelled at any time"
            )));
        }
    }
    let (refund, tx) = market.cancel_job(s, id, progress).await?;
    let (unspent_refund, unpaid_rounds) = refund_parts(market, &job).await?;
    Ok(Cancelled {
        job_id: id,
        resumed: false,
        unspent_rounds: job.rounds - job.current_round.min(job.rounds),
        running_round: running_round(&job),
        refund,
        unspent_refund,
        unpaid_rounds,
        owner_earnings: market.earnings(job.owner).await?,
        tx,
    })
}

/// Unix time `t` as a UTC date and time (`2026-12-07 20:36:12 UTC`), beside the number in
/// messages that name a chain time.
pub fn utc(t: u64) -> String {
    let Ok(secs) = libc::time_t::try_from(t) else {
        return format!("unix time {t}");
    };
    // SAFETY: gmtime_r writes only into `tm`, which outlives the call.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::gmtime_r(&secs, &mut tm) }.is_null() {
        return format!("unix time {t}");
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    )
}

/// The parts of a cancelled job's refund: the unspent rounds' rewards, and the finalized rounds
/// that accepted no submission (their rewards stayed in the escrow).
async fn refund_parts(market: &JobMarket, job: &JobInfo) -> Result<(U256, Vec<u32>)> {
    let done = job.current_round.min(job.rounds);
    let unspent = job.reward_per_round * U256::from(job.rounds - done);
    let mut unpaid = Vec::new();
    for r in 0..done {
        let subs = market.submissions(job.id, r).await?;
        if !subs.iter().any(|x| x.status == WorkStatus::Accepted) {
            unpaid.push(r);
        }
    }
    Ok((unspent, unpaid))
}

/// The result of `job close-round`.
#[derive(Debug, Clone, Serialize)]
pub struct ClosedRound {
    pub job_id: u64,
    pub round: u32,
    /// Every submission of the round, paid by its units without a verdict.
    pub paid: Vec<ClosedPayout>,
    /// Bonds credited back to the workers.
    #[serde(with = "dec")]
    pub bonds_returned: U256,
    /// Unspent escrow credited back to the owner.
    #[serde(with = "dec")]
    pub refund: U256,
    pub state: JobState,
    pub tx: TxRef,
}

/// One submission of a closed round.
#[derive(Debug, Clone, Serialize)]
pub struct ClosedPayout {
    pub worker: Address,
    #[serde(with = "dec")]
    pub units: U256,
    #[serde(with = "dec")]
    pub amount: U256,
}

/// Closes a round the committee did not finalize by its deadline plus the grace period (anyone
/// may): every submission is paid by its units, bonds are returned, the job stops and its
/// unspent escrow goes back to the owner. Refuses before sending (exit 4) when the job is not
/// running, the round is not its current round, or the grace period has not passed.
pub async fn close_round(
    market: &JobMarket,
    s: &SignerChain,
    id: u64,
    round: u32,
    progress: &dyn Progress,
) -> Result<ClosedRound> {
    let job = market.job(id).await?;
    if job.state != JobState::Running {
        return Err(Error::reverted(
            "job.not_running",
            format!(
                "job {id} is {}; only a running job's round can be closed",
                job.state.as_str()
            ),
        ));
    }
    if round != job.current_round {
        return Err(Error::reverted(
            "job.wrong_round",
            format!(
                "round {round} is not job {id}'s current round (round {})",
                job.current_round
            ),
        )
        .hint(format!(
            "close the current round: `cohort job close-round {id} {}`",
            job.current_round
        )));
    }
    let closable = job.round_closable_at().unwrap_or_default();
    let now = market.now().await?;
    if now < closable {
        return Err(Error::reverted(
            "job.too_early",
            format!(
                "round {round} of job {id} can be closed from {} (unix time {closable}: its deadline plus the {}s grace period), {}s from now",
                utc(closable),
                job.terms.grace,
                closable - now
            ),
        )
        .hint("the committee may still finalize it; try again after that time"));
    }
    let subs = market.submissions(id, round).await?;
    let tx = market.close_round(s, id, round, progress).await?;
    let after = market.job(id).await?;
    let total: U256 = subs
        .iter()
        .map(|x| job.terms.paid_units(x.work_units))
        .sum();
    let paid = subs
        .iter()
        .map(|x| {
            let units = job.terms.paid_units(x.work_units);
            ClosedPayout {
                worker: x.worker,
                units,
                amount: if total.is_zero() {
                    U256::ZERO
                } else {
                    job.reward_per_round * units / total
                },
            }
        })
        .collect();
    Ok(ClosedRound {
        job_id: id,
        round,
        paid,
        bonds_returned: after.bonds_returned - job.bonds_returned,
        refund: after.refunded - job.refunded,
        state: after.state,
        tx,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn chain_times_read_as_utc_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(super::utc(1_796_675_398), "2026-12-07 20:29:58 UTC");
    }

    use super::*;

    #[test]
    fn job_ids_are_positive_numbers() {
        assert_eq!(parse_job_id("7").unwrap(), 7);
        assert_eq!(parse_job_id("#3").unwrap(), 3);
        assert_eq!(parse_job_id("0").unwrap_err().exit_code(), 2);
        assert!(parse_job_id("x").is_err());
    }

    #[test]
    fn states_map_from_the_contract_enum() {
        assert_eq!(JobState::from_u8(0), JobState::Open);
        assert_eq!(JobState::from_u8(3), JobState::Cancelled);
        assert!(JobState::Running.is_live() && !JobState::Completed.is_live());
        assert_eq!(WorkStatus::from_u8(3), WorkStatus::Rejected);
    }
}
