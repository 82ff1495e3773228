//! Workers: register the machine on chain ([`inventory`]), join a job, and each round download
//! the round's starting checkpoint and the job's datasets, train with the job's runtime
//! ([`runtime`]), upload the work bundle and submit its root with the work units. State on
//! disk ([`state`]) lets a restarted worker rejoin the current round without repeating
//! submitted work. Chain and storage calls are retried; when they keep failing at the start
//! (a wrong endpoint) the worker stops with exit 3, and once it works on the job it waits for
//! them, training nothing the chain has not asked for ([`Worker::run`]).

pub mod inventory;
pub mod runtime;
pub mod state;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, B256, U256};
use alloy::signers::local::PrivateKeySigner;
use serde::Serialize;

use crate::chain::SignerChain;
use crate::chain::retry::{Flow, again_note};
use crate::chain::units::dec;
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::jobs::bundle::{CheckpointRef, FileRef, WORK_BUNDLE_FORMAT, WorkBundle};
use crate::jobs::context::{JobContext, fetch_datasets, round_start_root};
use crate::jobs::{
    JobInfo, JobMarket, JobState, ParticipantRecord, TxRef, WorkStatus, WorkerRecord, retrying,
};
use crate::jobspec::TrainerKind;
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;
use crate::trainer::data::Corpus;
use inventory::Inventory;
use runtime::{RoundInput, RoundOutput};
use state::{Phase, WorkerState, round_dir};

/// How many times a chain or storage call is tried before the worker stops (exit 3).
pub const DEFAULT_ATTEMPTS: u32 = 6;

/// The default state folder of worker `who`: `<data dir>/worker/<address>`, one per wallet, so
/// that several workers of one machine never share checkpoints ([`state::default_dir`]).
pub fn default_state_dir(client: &Client, who: Address) -> PathBuf {
    state::default_dir(&client.paths.data_dir.join("worker"), who)
}

/// The result of `worker register`.
#[derive(Debug, Clone, Serialize)]
pub struct Registered {
    pub worker: Address,
    pub inventory: Inventory,
    pub tx: TxRef,
}

/// Detects the machine and records it on chain. Refuses (exit 2) an empty `--name` before
/// sending.
pub async fn register(
    market: &JobMarket,
    s: &SignerChain,
    name: Option<String>,
    progress: &dyn Progress,
) -> Result<Registered> {
    check_name(name.as_deref())?;
    let inventory = Inventory::detect(name);
    let tx = market
        .register_worker(s, &inventory.to_json(), progress)
        .await?;
    Ok(Registered {
        worker: s.address,
        inventory,
        tx,
    })
}

/// Refuses (exit 2, `worker.bad_name`) a machine name that is empty or only blanks: the
/// inventory would record an empty name.
pub fn check_name(name: Option<&str>) -> Result<()> {
    match name {
        Some(n) if n.trim().is_empty() => Err(Error::usage(
            "worker.bad_name",
            "--name is empty: it would record an empty name in the machine's inventory on chain",
        )
        .hint("give the machine a name (`--name rig-1`), or leave --name out to register it without one")),
        _ => Ok(()),
    }
}

/// How `worker run` behaves.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The job to work on; None with `auto` picks one; None without it resumes the state's job.
    pub job: Option<u64>,
    /// Pick the open job with the best reward whose requirements this machine meets.
    pub auto: bool,
    /// Run `exec` jobs (external commands).
    pub allow_exec: bool,
    pub state_dir: PathBuf,
    /// How often the chain is polled while waiting.
    pub poll: Duration,
    /// Tries per chain or storage call before stopping with exit 3.
    pub attempts: u32,
}

/// What `worker run` did.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub job_id: u64,
    pub worker: Address,
    pub final_state: JobState,
    /// Rounds this worker submitted work for.
    pub submitted_rounds: Vec<u32>,
    /// Rounds whose submission was accepted.
    pub accepted_rounds: Vec<u32>,
    pub compute_units: String,
    /// What this job credited the worker: `paid` plus `bond_returned`.
    #[serde(with = "dec")]
    pub credited: U256,
    /// This job's payouts: accepted rounds (with their shares of slashed bonds) and rounds
    /// closed without a verdict.
    #[serde(with = "dec")]
    pub paid: U256,
    /// Rounds closed without a verdict (`job close-round`): paid by units, unverified.
    pub unverified_rounds: Vec<u32>,
    /// The worker's bond credited back by this job.
    #[serde(with = "dec")]
    pub bond_returned: U256,
    /// The worker's bond this job slashed (a rejected submission).
    #[serde(with = "dec")]
    pub bond_slashed: U256,
    /// Credited, not yet withdrawn earnings of every job (refunds of jobs this account owns
    /// included): the total to withdraw, not this job's.
    #[serde(with = "dec")]
    pub earnings: U256,
}

/// One worker bound to one job.
pub struct Worker {
    pub client: Client,
    pub market: JobMarket,
    pub store: ObjectCache,
    pub signer: SignerChain,
    pub ctx: JobContext,
    pub data: Vec<PathBuf>,
    pub state_dir: PathBuf,
    pub state: WorkerState,
    pub attempts: u32,
    pub progress: Arc<dyn Progress>,
}

/// Turns an error that kept coming back at the start into the worker's stop reason (exit 3
/// stays exit 3).
fn stop(e: Error) -> Error {
    if e.kind == ErrorKind::Unreachable {
        let msg = format!("worker stopped: {}", e.message);
        Error { message: msg, ..e }
            .hint("check the endpoint (--rpc-url, the profile's storage nodes) and rerun `cohort worker run` once it answers")
    } else {
        e
    }
}

/// Picks the open or running job with the best reward per round whose requirements this
/// machine meets and which has room.
pub async fn pick_job(
    market: &JobMarket,
    store: &ObjectCache,
    me: Address,
    progress: &dyn Progress,
) -> Result<u64> {
    let inv = Inventory::detect(None);
    let mut best: Option<(U256, u64)> = None;
    let mut reasons = Vec::new();
    for job in market.list().await? {
        if !job.state.is_live() || job.current_round >= job.rounds {
            continue;
        }
        let (active, _) = market.participant(job.id, me).await?;
        if !active && job.worker_count >= job.max_workers {
            reasons.push(format!("job {}: full", job.id));
            continue;
        }
        let ctx = match JobContext::load(market, store, job.id, progress).await {
            Ok(c) => c,
            Err(e) => {
                reasons.push(format!("job {}: {}", job.id, e.message));
                continue;
            }
        };
        let req = ctx
            .spec
            .job
            .as_ref()
            .map(|j| j.requirements.clone())
            .unwrap_or_default();
        if let Some(why) = inv.unmet(&req) {
            reasons.push(format!("job {}: {why}", job.id));
            continue;
        }
        match base_memory_unmet(store, &ctx, &inv, progress).await {
            Ok(None) => {}
            Ok(Some(why)) => {
                reasons.push(format!("job {}: {why}", job.id));
                continue;
            }
            Err(e) => {
                reasons.push(format!("job {}: {}", job.id, e.message));
                continue;
            }
        }
        if best.is_none_or(|(r, _)| job.reward_per_round > r) {
            best = Some((job.reward_per_round, job.id));
        }
    }
    best.map(|(_, id)| id).ok_or_else(|| {
        let mut e = Error::usage("worker.no_job", "no open job fits this machine");
        for r in reasons {
            e = e.cause(r);
        }
        e.hint("wait for jobs (`cohort job list --open`), or name one with --job")
    })
}

/// For a `lora` job: why this machine lacks the memory for its base model (the estimate
/// from the base model's manifest against the machine's memory, or its GPU's for a GPU job),
/// or `None` when it has enough or the job is not a `lora` job.
pub async fn base_memory_unmet(
    store: &ObjectCache,
    ctx: &JobContext,
    inv: &Inventory,
    progress: &dyn Progress,
) -> Result<Option<String>> {
    if !ctx.is_lora() {
        return Ok(None);
    }
    let root = crate::lora::base::parse_root(ctx.spec.model.base.as_deref().unwrap_or(""))?;
    let m = crate::lora::base::manifest(store, root, progress).await?;
    Ok(inv.unmet_memory(&m, ctx.gpu_job()))
}

/// Refuses a job this worker cannot take (exit 4: the contract would revert), before sending.
fn check_joinable(job: &JobInfo) -> Result<()> {
    if !job.state.is_live() || job.current_round >= job.rounds {
        return Err(Error::reverted(
            "worker.job_closed",
            format!(
                "job {} is {}: it takes no more workers",
                job.id,
                job.state.as_str()
            ),
        )
        .hint("pick an open job: `cohort job list --open`"));
    }
    if job.worker_count >= job.max_workers {
        return Err(Error::reverted(
            "worker.job_full",
            format!(
                "job {} is full: {} of {} workers",
                job.id, job.worker_count, job.max_workers
            ),
        )
        .hint("pick another job: `cohort job list --open`"));
    }
    Ok(())
}

/// Why worker `p` of job `id` is no longer in it, once it was (`joined`: it joined the job at
/// some point): it left (`worker leave`, from this machine or another) and its bond, if the job
/// asks for one, was credited back, or a rejected submission lost its bond. `None` while it is
/// in the job, and for a worker that never joined it.
pub fn membership_note(
    id: u64,
    p: &ParticipantRecord,
    joined: bool,
    symbol: &str,
) -> Option<String> {
    use crate::chain::units::coin_with;
    if p.active {
        None
    } else if !p.slashed.is_zero() {
        Some(format!(
            "no longer in job {id}: a submission was rejected and its bond of {} was slashed",
            coin_with(p.slashed, symbol)
        ))
    } else if !p.returned.is_zero() {
        Some(format!(
            "left job {id}: its bond of {} was credited back",
            coin_with(p.returned, symbol)
        ))
    } else if joined {
        Some(format!("left job {id}"))
    } else {
        None
    }
}

/// What a worker that is no longer in job `id` is told when its run stops (exit 1,
/// `worker.left`).
fn left_error(id: u64, me: Address, p: &ParticipantRecord, symbol: &str) -> Error {
    let why =
        membership_note(id, p, true, symbol).unwrap_or_else(|| format!("is no longer in job {id}"));
    let msg = if p.slashed.is_zero() {
        format!(
            "worker {me} {why} (`cohort worker leave`, from this machine or another); this run stops here and uploads and submits nothing"
        )
    } else {
        format!("worker {me} is {why}; this run stops here")
    };
    Error::failed("worker.left", msg).hint(format!(
        "see its workers and bonds in `cohort job show {id}` and what was credited in `cohort worker earnings`; to take part again while the job runs: `cohort worker run --job {id}`"
    ))
}

/// Refuses (exit 2, `worker.running`) to leave job `id` while a `worker run` of `me` holds state
/// folder `dir` for that job (or is starting in it): the run would go on training, uploading and
/// paying storage fees for work it can no longer submit.
fn check_not_running(dir: &Path, id: u64, me: Address) -> Result<()> {
    if !state::in_use(dir) {
        return Ok(());
    }
    let st = WorkerState::load(dir).unwrap_or_default();
    if st.worker.is_some_and(|w| w != me) || st.job_id.is_some_and(|j| j != id) {
        return Ok(());
    }
    let pid = crate::fsutil::Lock::holder(&state::lock_file(dir));
    Err(Error::usage(
        "worker.running",
        format!(
            "a `cohort worker run` of {me} works on job {id} from state folder {}{pid}: leaving now would take its bond back while it goes on training and paying storage fees for work it could no longer submit",
            dir.display()
        ),
    )
    .hint(format!(
        "stop that run first (Ctrl-C; nothing it did is lost), then leave: `cohort worker leave --job {id}`"
    )))
}

impl Worker {
    /// Binds the signer to a job: loads the job and its bundle, checks the runtime is allowed
    /// and the machine meets the requirements. Does not join.
    pub async fn open(
        client: &Client,
        signer: PrivateKeySigner,
        job_id: u64,
        allow_exec: bool,
        state_dir: &Path,
        attempts: u32,
        progress: Arc<dyn Progress>,
    ) -> Result<Worker> {
        let market = retrying(attempts, || JobMarket::open(client))
            .await
            .map_err(stop)?;
        let signer = market
            .chain
            .with_signer(signer)?
            .with_pending_dir(client.paths.pending_tx());
        let store = ObjectCache::new(client);
        let ctx = retrying(attempts, || {
            JobContext::load(&market, &store, job_id, progress.as_ref())
        })
        .await
        .map_err(stop)?;
        if ctx.spec.model.trainer == TrainerKind::Exec && !allow_exec {
            let cmd = ctx.spec.model.command.clone().unwrap_or_default();
            return Err(Error::usage(
                "worker.exec_not_allowed",
                format!(
                    "job {job_id} runs an external command: {}",
                    runtime::exec::describe(&cmd)
                ),
            )
            .hint("read the job's bundle (`cohort job show`) and pass --allow-exec to run it"));
        }
        // The spec's requirements, then (lora) the base model's memory, on one inventory.
        let inv = Inventory::detect(None);
        let unmet = match ctx
            .spec
            .job
            .as_ref()
            .and_then(|j| inv.unmet(&j.requirements))
        {
            Some(why) => Some(why),
            None => base_memory_unmet(&store, &ctx, &inv, progress.as_ref()).await?,
        };
        if let Some(why) = unmet {
            return Err(Error::usage(
                "worker.requirements",
                format!("this machine cannot take job {job_id}: {why}"),
            )
            .hint("pick another job: `cohort job list --open`"));
        }
        let ctx = retrying(attempts, || {
            ctx.clone().with_base(&store, progress.as_ref())
        })
        .await
        .map_err(stop)?;
        crate::fsutil::ensure_dir(state_dir, 0o700)?;
        let genesis = retrying(attempts, || state::chain_genesis(&market.chain))
            .await
            .map_err(stop)?;
        let mut state = WorkerState::load(state_dir)?;
        if let Some(note) =
            state.switch_job(state_dir, job_id, market.address, signer.address, genesis)?
        {
            progress.note(&note);
        }
        Ok(Worker {
            client: client.clone(),
            market,
            store,
            signer,
            ctx,
            data: Vec::new(),
            state_dir: state_dir.to_path_buf(),
            state,
            attempts,
            progress,
        })
    }

    fn id(&self) -> u64 {
        self.ctx.job.id
    }

    fn symbol(&self) -> &'static str {
        crate::chain::tx::native_symbol(self.market.chain.chain_id)
    }

    /// Stops the run (exit 1, `worker.left`, the state marked stopped) when this worker is no
    /// longer in the job: it left, from this machine or another, or lost its bond. Asked before
    /// each upload and each submission, so a worker that left pays no storage fee for work it
    /// can no longer submit.
    async fn ensure_in_job(&mut self) -> Result<()> {
        let (id, me) = (self.id(), self.me());
        let p = retrying(self.attempts, || self.market.participant_record(id, me)).await?;
        if p.active {
            return Ok(());
        }
        // The run ends here: `worker status` shows the worker stopped, not still working.
        let _ = self.phase(Phase::Stopped, None);
        Err(left_error(id, me, &p, self.symbol()))
    }

    fn me(&self) -> Address {
        self.signer.address
    }

    fn phase(&mut self, phase: Phase, round: Option<u32>) -> Result<()> {
        self.state.set_phase(&self.state_dir, phase, round)
    }

    /// The job as it stands when this worker still has to join it (`None`: already in it).
    /// Refuses a closed or full job and an unregistered worker (exit 4: the contract would
    /// revert). Sends nothing.
    async fn to_join(&self) -> Result<Option<JobInfo>> {
        let id = self.id();
        let me = self.me();
        let (active, _) = self.market.participant(id, me).await?;
        if active {
            return Ok(None);
        }
        let rec: WorkerRecord = self.market.worker(me).await?;
        if !rec.registered {
            return Err(Error::reverted(
                "worker.not_registered",
                format!("{me} is not registered as a worker"),
            )
            .hint("run `cohort worker register` first"));
        }
        let job = self.market.job(id).await?;
        if let Err(e) = check_joinable(&job) {
            // A worker that left (or lost its bond) is told so, not only that the job is closed.
            let p = self.market.participant_record(id, me).await?;
            let joined = self.market.ever_joined(id, me).await?;
            if !job.state.is_live()
                && let Some(note) = membership_note(id, &p, joined, self.symbol())
            {
                return Err(Error::reverted(
                    "worker.job_closed",
                    format!(
                        "worker {me} {note}, and job {id} is {} since: nothing to pick up",
                        job.state.as_str()
                    ),
                )
                .hint("see what was credited with `cohort worker earnings`; pick an open job: `cohort job list --open`"));
            }
            return Err(e);
        }
        Ok(Some(job))
    }

    /// Resolves what interrupted earlier runs of this wallet sent for this job and left
    /// recorded (a leave, a join, work submissions): each is waited for (or broadcast again) and
    /// its record removed, so that the membership and submissions read next include them, and a
    /// later join or leave sends its own transaction instead of taking an old one for its own.
    /// A recorded transaction that reverted did nothing and is dropped.
    async fn resolve_records(&mut self) -> Result<()> {
        let (id, me) = (self.id(), self.me());
        let (market, s, progress) = (&self.market, &self.signer, self.progress.clone());
        not_reverted(market.resume_leave(s, id, progress.as_ref()).await)?;
        let joined = not_reverted(market.resume_join(s, id, progress.as_ref()).await)?;
        // Reported only while it holds: a worker that left since is not in the job by it.
        if let Some(tx) = joined
            && market.participant(id, me).await?.0
        {
            progress.note(&format!(
                "joined job {id} as {me}: an earlier run's join landed (tx {}); nothing was paid again",
                tx.tx_hash
            ));
        }
        for round in 0..self.ctx.job.rounds {
            if market.has_recorded_submit_work(s, id, round) {
                not_reverted(
                    market
                        .resume_submit_work(s, id, round, progress.as_ref())
                        .await,
                )?;
            }
        }
        Ok(())
    }

    /// Joins the job unless already in it. Refuses a closed or full job and an unregistered
    /// worker before sending (exit 4). What an interrupted earlier run recorded is resolved
    /// first ([`Worker::resolve_records`]).
    pub async fn join(&mut self) -> Result<()> {
        self.resolve_records().await?;
        let Some(job) = self.to_join().await? else {
            return Ok(());
        };
        let (id, me) = (self.id(), self.me());
        self.phase(Phase::Joining, None)?;
        let bond = job.terms.bond;
        self.market
            .join(&self.signer, id, bond, self.progress.as_ref())
            .await?;
        if bond.is_zero() {
            self.progress.note(&format!("joined job {id} as {me}"));
        } else {
            self.progress.note(&format!(
                "joined job {id} as {me} with a bond of {} (returned when you leave between rounds or the job ends; a rejected submission loses it)",
                crate::chain::units::coin_with(
                    bond,
                    crate::chain::tx::native_symbol(self.market.chain.chain_id)
                )
            ));
        }
        Ok(())
    }

    /// Fetches the job's datasets into the cache (verified).
    pub async fn fetch_data(&mut self) -> Result<()> {
        if !self.data.is_empty() {
            return Ok(());
        }
        self.phase(Phase::Downloading, None)?;
        let ids = self.ctx.job.datasets.clone();
        let (client, store, progress) = (&self.client, &self.store, self.progress.clone());
        self.data = retrying(self.attempts, || {
            fetch_datasets(client, store, &ids, progress.as_ref())
        })
        .await
        .map_err(stop)?;
        Ok(())
    }

    /// Checks that the job's trainer can train on the fetched data, as the trainer itself would
    /// at the first round (the builtin trainer: `model.context + 1` bytes in some file's
    /// training split; exit 2). Run before joining, so a worker that cannot train the job
    /// posts no bond and takes no slot.
    async fn check_data(&self) -> Result<()> {
        if !self.ctx.is_builtin() {
            return Ok(());
        }
        let (id, data, context) = (self.id(), self.data.clone(), self.ctx.spec.model.context);
        tokio::task::spawn_blocking(move || Corpus::load(&data)?.check_context(context))
            .await
            .map_err(|e| {
                Error::failed("worker.panicked", format!("reading the data stopped: {e}"))
            })?
            .map_err(|e| match e.kind {
                // The job's data, not this machine's: no worker can train it.
                ErrorKind::Usage => e.hint(format!(
                    "no worker can train job {id} on its datasets (its owner can cancel it: \
                     `cohort job cancel {id}`); pick another job: `cohort job list --open`"
                )),
                _ => e,
            })
    }

    /// Downloads the bundle's files (verified against their roots and blake3).
    async fn bundle_files(&self) -> Result<Vec<(String, PathBuf)>> {
        let mut out = Vec::new();
        for f in &self.ctx.bundle.files {
            let p = retrying(self.attempts, || {
                self.store.fetch(f.root, self.progress.as_ref())
            })
            .await?;
            let (size, hash) =
                crate::datasets::files::hash_file(&p).map_err(|e| Error::io("read", &p, e))?;
            if size != f.size || hex::encode(hash) != f.blake3 {
                return Err(Error::verification(
                    "job.bundle_file",
                    format!(
                        "bundled file {} does not match its recorded size and blake3",
                        f.path
                    ),
                ));
            }
            out.push((f.path.clone(), p));
        }
        Ok(out)
    }

    /// Trains round `round` from its starting checkpoint into the round's folder. A finished
    /// earlier run of the same round is reused.
    pub async fn train_round(&mut self, round: u32) -> Result<RoundOutput> {
        let job = retrying(self.attempts, || self.market.job(self.id())).await?;
        self.train_round_of(&job, round).await
    }

    /// [`Worker::train_round`] with the job as already read this round.
    async fn train_round_of(&mut self, job: &JobInfo, round: u32) -> Result<RoundOutput> {
        self.fetch_data().await?;
        // A failed read is an error, never "no starting checkpoint": the bundle records it.
        let init_root =
            retrying(self.attempts, || round_start_root(&self.market, job, round)).await?;
        let dir = round_dir(&self.state_dir, self.id(), round);
        let saved = dir.join("output.json");
        if let Ok(bytes) = std::fs::read(&saved)
            && let Ok(mut out) = serde_json::from_slice::<RoundOutput>(&bytes)
            && out.checkpoints.iter().all(|(_, p)| p.is_file())
            && [&out.delta, &out.residual_out]
                .into_iter()
                .flatten()
                .all(|p| p.is_file())
        {
            out.init_root = init_root;
            return Ok(out);
        }
        // The builtin runtime resumes from the checkpoints an interrupted run left behind;
        // an exec run starts afresh.
        if dir.exists() && !self.ctx.reexecutable() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io("clear", &dir, e))?;
        }
        let init = match init_root {
            Some(root) => Some(
                retrying(self.attempts, || {
                    self.store.fetch(root, self.progress.as_ref())
                })
                .await?,
            ),
            None => None,
        };
        let files = self.bundle_files().await?;
        // DiLoCo: what the round inherits from this worker's accepted previous round.
        let (market, store, progress) = (&self.market, &self.store, self.progress.clone());
        let (ctx, me) = (&self.ctx, self.signer.address);
        let inherited = if ctx.spec.verify.replay {
            // Replay pools upload no checkpoints: the worker continues from its own files.
            let accepted = round > 0
                && retrying(self.attempts, || {
                    market.submission(ctx.job.id, round - 1, me)
                })
                .await?
                .status
                    == WorkStatus::Accepted;
            let prev = (round > 0)
                .then(|| round_dir(&self.state_dir, ctx.job.id, round - 1).join("output.json"))
                .and_then(|p| std::fs::read(p).ok())
                .and_then(|b| serde_json::from_slice::<RoundOutput>(&b).ok());
            crate::jobs::replay::inherited_from(ctx, accepted, prev.as_ref())?
        } else {
            retrying(self.attempts, || {
                crate::jobs::diloco::inherited(market, store, ctx, round, me, progress.as_ref())
            })
            .await?
        };
        let start = init.clone();
        let mut init = init;
        let keep_optimizer = match (&inherited.state_from, &start) {
            (Some(prev), Some(start)) => {
                crate::fsutil::ensure_dir(&dir, 0o755)?;
                let kept = dir.join("start-kept-state.safetensors");
                crate::jobs::diloco::round_init(self.ctx.spec.model.trainer, start, prev, &kept)?;
                init = Some(kept);
                true
            }
            _ => false,
        };
        let input = RoundInput {
            job_id: self.id(),
            round,
            worker: self.me(),
            spec: self.ctx.spec.clone(),
            training: self.ctx.training(),
            seed: self.ctx.seed(),
            start_step: self.ctx.start_step(round),
            steps: self.ctx.spec.training.steps,
            init,
            keep_optimizer,
            data: self.data.clone(),
            files,
            out_dir: dir.clone(),
        };
        self.phase(Phase::Training, Some(round))?;
        self.progress
            .note(&format!("job {}: training round {round}", self.id()));
        let (kind, base) = (self.ctx.spec.model.trainer, self.ctx.base.clone());
        let progress = self.progress.clone();
        let mut out = tokio::task::spawn_blocking(move || match (kind, base) {
            (TrainerKind::Builtin, _) => runtime::builtin::run(&input, progress.as_ref()),
            (TrainerKind::Lora, Some(base)) => runtime::lora::run(&input, &base, progress.as_ref()),
            (TrainerKind::Lora, None) => Err(Error::failed(
                "lora.base_not_fetched",
                "the job's base model was not fetched",
            )),
            (TrainerKind::Exec, _) => runtime::exec::run(&input, progress.as_ref()),
        })
        .await
        .map_err(|e| Error::failed("worker.panicked", format!("training stopped: {e}")))??;
        out.init_root = init_root;
        if self.ctx.topk().is_some() {
            let start = start.ok_or_else(|| {
                Error::failed(
                    "diloco.no_start",
                    format!("round {round} has no starting checkpoint to take Δ from"),
                )
            })?;
            let (c, d) = (self.ctx.clone(), dir.clone());
            out = tokio::task::spawn_blocking(move || {
                crate::jobs::replay::finish(&c, round, &start, &inherited, &d, &mut out)
                    .map(|()| out)
            })
            .await
            .map_err(|e| Error::failed("worker.panicked", format!("compression stopped: {e}")))??;
        }
        let bytes = serde_json::to_vec_pretty(&out).expect("output serializes");
        crate::fsutil::write_atomic(&saved, &bytes, 0o644)?;
        Ok(out)
    }

    /// Uploads the round's checkpoints and its work bundle; returns the bundle and its root.
    pub async fn upload_round(
        &mut self,
        round: u32,
        out: &RoundOutput,
    ) -> Result<(B256, WorkBundle)> {
        self.phase(Phase::Uploading, Some(round))?;
        // A replay pool uploads only what the aggregate needs: the compressed pseudo-gradient,
        // or else the final checkpoint; the bundle commits to every checkpoint's root.
        let replay = self.ctx.spec.verify.replay;
        let compressed = out.delta.is_some();
        let mut checkpoints = Vec::new();
        let last = out.checkpoints.len().saturating_sub(1);
        for (k, (step, path)) in out.checkpoints.iter().enumerate() {
            let root = if replay && (compressed || k != last) {
                crate::storage::cache::file_root(path)?
            } else {
                retrying(self.attempts, || {
                    self.store
                        .put_file(&self.signer, path, self.progress.as_ref())
                })
                .await?
            };
            let size = std::fs::metadata(path)
                .map_err(|e| Error::io("read", path, e))?
                .len();
            checkpoints.push(CheckpointRef {
                step: *step,
                root,
                size,
            });
        }
        let mut extra = Vec::new();
        let residual_out = if replay { &None } else { &out.residual_out };
        for path in [&out.delta, residual_out] {
            extra.push(match path {
                Some(path) => Some(FileRef {
                    root: retrying(self.attempts, || {
                        self.store
                            .put_file(&self.signer, path, self.progress.as_ref())
                    })
                    .await?,
                    size: std::fs::metadata(path)
                        .map_err(|e| Error::io("read", path, e))?
                        .len(),
                }),
                None => None,
            });
        }
        let bundle = WorkBundle {
            format: WORK_BUNDLE_FORMAT.to_string(),
            job_id: self.id(),
            round,
            worker: self.me(),
            runtime: self.ctx.runtime_name().into(),
            init_root: out.init_root,
            seed: self.ctx.seed(),
            start_step: self.ctx.start_step(round),
            end_step: out.end_step,
            checkpoint_every: self.ctx.training().checkpoint_every,
            final_checkpoint: checkpoints.last().cloned().expect("a checkpoint"),
            checkpoints,
            metrics: out.metrics.clone(),
            work_units: out.work_units,
            delta: extra[0],
            residual_in: if replay { None } else { out.residual_in },
            residual_out: extra[1],
            committed_only: replay,
        };
        // Written into the round's folder, not a temporary one: a run killed mid-upload leaves
        // nothing behind in the cache, and the rerun uploads the same file.
        let path = round_dir(&self.state_dir, self.id(), round).join(format!(
            "work-{}-{round}-{:#x}.json",
            self.id(),
            self.me()
        ));
        let bytes = serde_json::to_vec_pretty(&bundle).expect("documents serialize");
        crate::fsutil::ensure_dir(path.parent().expect("a round folder"), 0o755)?;
        crate::fsutil::write_atomic(&path, &bytes, 0o644)?;
        let root = retrying(self.attempts, || {
            self.store
                .put_file(&self.signer, &path, self.progress.as_ref())
        })
        .await?;
        let rec = self.state.rounds.entry(round).or_default();
        rec.bundle_root = Some(root);
        rec.work_units = out.work_units;
        self.state.save(&self.state_dir)?;
        Ok((root, bundle))
    }

    /// Submits the bundle root with the work units for `round`.
    pub async fn submit_round(
        &mut self,
        round: u32,
        bundle_root: B256,
        units: u64,
    ) -> Result<TxRef> {
        self.phase(Phase::Submitting, Some(round))?;
        let tx = retrying(self.attempts, || {
            self.market.submit_work(
                &self.signer,
                self.id(),
                round,
                bundle_root,
                units,
                self.progress.as_ref(),
            )
        })
        .await?;
        let rec = self.state.rounds.entry(round).or_default();
        rec.submitted_tx = Some(tx.tx_hash);
        self.phase(Phase::Submitted, Some(round))?;
        self.progress.note(&format!(
            "job {}: submitted round {round} ({units} work units)",
            self.id()
        ));
        Ok(tx)
    }

    /// Works on the job until it completes or is cancelled. Once joined, a chain or storage
    /// outage stops nothing: the worker says so and tries again every `poll`, training nothing
    /// until the chain says what to train, and resumes the round where it was (its output and
    /// uploads are kept). Exit 3 comes only from the start, where a wrong endpoint shows.
    pub async fn run(&mut self, poll: Duration) -> Result<RunReport> {
        // An interrupted earlier run's transactions first: they decide whether to join.
        self.resolve_records().await.map_err(stop)?;
        // Everything this machine can check comes before the bond is posted: whether the job
        // takes it, then the job's data and whether the trainer can train on it.
        self.to_join().await.map_err(stop)?;
        self.fetch_data().await?;
        self.check_data().await?;
        self.join().await.map_err(stop)?;
        let mut waiting_note = None;
        loop {
            match self.pass(poll, &mut waiting_note).await {
                Ok(Flow::Next) => {}
                Ok(Flow::Done) => break,
                Err(e) if e.kind == ErrorKind::Unreachable => {
                    let then = format!("trying again every {:.1}s", poll.as_secs_f64());
                    let msg = again_note(self.id(), &e, &then);
                    if waiting_note.as_deref() != Some(msg.as_str()) {
                        self.progress.note(&msg);
                        waiting_note = Some(msg);
                    }
                    tokio::time::sleep(poll).await;
                }
                Err(e) => return Err(e),
            }
        }
        self.phase(Phase::Done, None)?;
        retrying(self.attempts, || self.report()).await
    }

    /// One pass of [`Worker::run`]: reads the job and this worker's place in it, then waits,
    /// or works the current round.
    async fn pass(&mut self, poll: Duration, waiting_note: &mut Option<String>) -> Result<Flow> {
        let id = self.id();
        let me = self.me();
        let job = retrying(self.attempts, || self.market.job(id)).await?;
        if matches!(
            job.state,
            JobState::Completed | JobState::Cancelled | JobState::Stopped
        ) {
            return Ok(Flow::Done);
        }
        // Still in the job? (It left with `worker leave`, or its bond was slashed.) Asked while
        // the job is open too: a worker that left an open job would otherwise wait for a start
        // that no longer concerns it.
        let (active, joined) = retrying(self.attempts, || self.market.participant(id, me)).await?;
        if active && job.state == JobState::Open {
            self.wait_note(waiting_note, "waiting for the committee to start the job")?;
            tokio::time::sleep(poll).await;
            return Ok(Flow::Next);
        }
        let round = job.current_round;
        if active && round >= job.rounds {
            self.wait_note(
                waiting_note,
                "waiting for the committee to finalize the last round",
            )?;
            tokio::time::sleep(poll).await;
            return Ok(Flow::Next);
        }
        if !active {
            self.ensure_in_job().await?;
        }
        if joined > round {
            self.wait_note(
                waiting_note,
                &format!("joined a running job: taking part from round {joined}"),
            )?;
            tokio::time::sleep(poll).await;
            return Ok(Flow::Next);
        }
        let sub = retrying(self.attempts, || self.market.submission(id, round, me)).await?;
        if sub.status != WorkStatus::None {
            // Landed: the record of its transaction (if this process did not send it) goes.
            if self
                .market
                .has_recorded_submit_work(&self.signer, id, round)
            {
                not_reverted(
                    self.market
                        .resume_submit_work(&self.signer, id, round, self.progress.as_ref())
                        .await,
                )?;
            }
            self.wait_note(
                waiting_note,
                &format!("round {round} submitted; waiting for the committee's verdict"),
            )?;
            tokio::time::sleep(poll).await;
            return Ok(Flow::Next);
        }
        let now = retrying(self.attempts, || self.market.now()).await?;
        let deadline = job.round_start + job.round_timeout;
        if now >= deadline {
            self.skip(round, "the round timed out before this worker submitted")?;
            self.wait_note(
                waiting_note,
                &format!("round {round} timed out; waiting for the next"),
            )?;
            tokio::time::sleep(poll).await;
            return Ok(Flow::Next);
        }
        *waiting_note = None;
        self.work_round(&job, round).await?;
        Ok(Flow::Next)
    }

    fn skip(&mut self, round: u32, why: &str) -> Result<()> {
        let rec = self.state.rounds.entry(round).or_default();
        if rec.skipped.is_none() {
            rec.skipped = Some(why.to_string());
            self.state.save(&self.state_dir)?;
        }
        Ok(())
    }

    fn wait_note(&mut self, last: &mut Option<String>, msg: &str) -> Result<()> {
        if last.as_deref() != Some(msg) {
            self.progress.note(&format!("job {}: {msg}", self.id()));
            *last = Some(msg.to_string());
            let round = self.state.round;
            self.phase(Phase::Waiting, round)?;
        }
        Ok(())
    }

    /// Trains (or reuses), uploads (or reuses) and submits one round.
    async fn work_round(&mut self, job: &JobInfo, round: u32) -> Result<()> {
        let rec = self.state.rounds.get(&round).cloned().unwrap_or_default();
        let (root, units) = match rec.bundle_root {
            Some(root) if rec.work_units > 0 => (root, rec.work_units),
            _ => {
                let out = self.train_round_of(job, round).await?;
                // Training takes a while: the worker may have left meanwhile.
                self.ensure_in_job().await?;
                let (root, b) = self.upload_round(round, &out).await?;
                (root, b.work_units)
            }
        };
        self.ensure_in_job().await?;
        match self.submit_round(round, root, units).await {
            Ok(_) => Ok(()),
            Err(e) if e.revert() == Some("AlreadySubmitted") => Ok(()),
            Err(e)
                if e.kind == ErrorKind::Reverted
                    && matches!(
                        e.revert(),
                        Some("RoundTimedOut" | "WrongRound" | "RoundVoting" | "WrongState")
                    ) =>
            {
                self.progress.note(&format!(
                    "round {round} closed before the submission landed"
                ));
                self.skip(round, "the round closed before the submission landed")
            }
            Err(e) => Err(e),
        }
    }

    /// What this worker got from the job.
    pub async fn report(&self) -> Result<RunReport> {
        let id = self.id();
        let me = self.me();
        let job = self.market.job(id).await?;
        let mut submitted = Vec::new();
        let mut accepted = Vec::new();
        for r in 0..(job.current_round + 1).min(job.rounds) {
            let s = self.market.submission(id, r, me).await?;
            if s.status != WorkStatus::None {
                submitted.push(r);
            }
            if s.status == WorkStatus::Accepted {
                accepted.push(r);
            }
        }
        let e = job_earning(&self.market, &job, me).await?;
        Ok(RunReport {
            job_id: id,
            worker: me,
            final_state: job.state,
            submitted_rounds: submitted,
            accepted_rounds: accepted,
            credited: e.credited(),
            paid: e.paid,
            unverified_rounds: e.unverified_rounds,
            bond_returned: e.bond_returned,
            bond_slashed: e.bond_slashed,
            compute_units: e.compute_units,
            earnings: self.market.earnings(me).await?,
        })
    }
}

/// `worker run`: picks or resumes the job, then works on it until it ends. The state folder is
/// this run's while it runs: a folder another `worker run` uses is refused (exit 2,
/// [`state::lock`]).
pub async fn run(
    client: &Client,
    signer: PrivateKeySigner,
    opts: &RunOptions,
    progress: Arc<dyn Progress>,
) -> Result<RunReport> {
    crate::fsutil::ensure_dir(&opts.state_dir, 0o700)?;
    let _lock = state::lock(&opts.state_dir).await?;
    let me = signer.address();
    let job_id = match (opts.job, opts.auto) {
        (Some(j), _) => j,
        (None, true) => {
            let market = retrying(opts.attempts, || JobMarket::open(client))
                .await
                .map_err(stop)?;
            let store = ObjectCache::new(client);
            pick_job(&market, &store, me, progress.as_ref()).await?
        }
        (None, false) => {
            // The saved job only when it is of this chain (not of one before a devnet reset).
            let market = retrying(opts.attempts, || JobMarket::open(client))
                .await
                .map_err(stop)?;
            let genesis = retrying(opts.attempts, || state::chain_genesis(&market.chain))
                .await
                .map_err(stop)?;
            let mut saved = WorkerState::load(&opts.state_dir)?;
            let why = if saved.forget_foreign(genesis) {
                "no job to work on: the state folder's job was on another chain"
            } else {
                "no job to work on"
            };
            saved.job_id.ok_or_else(|| {
                Error::usage("worker.no_job", why)
                    .hint("name one with --job JOB, or let cohort pick with --auto")
            })?
        }
    };
    let mut w = Worker::open(
        client,
        signer,
        job_id,
        opts.allow_exec,
        &opts.state_dir,
        opts.attempts,
        progress,
    )
    .await?;
    w.run(opts.poll).await
}

/// The result of `worker leave`.
#[derive(Debug, Clone, Serialize)]
pub struct Left {
    pub job_id: u64,
    pub worker: Address,
    /// The bond credited back to the worker's earnings (wei).
    #[serde(with = "dec")]
    pub bond_returned: U256,
    /// Credited, not yet withdrawn earnings (all jobs), the returned bond included.
    #[serde(with = "dec")]
    pub earnings: U256,
    pub tx: TxRef,
    /// Sent by an earlier run that was interrupted while it waited for the receipt; this run
    /// finished it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// `worker leave`: the signer leaves job `id` between rounds and its bond is credited back.
/// Refuses before sending (exit 4) what the contract would refuse: a job that ended, a worker
/// not in the job, and a submission of the current round that awaits its verdict. A leave an
/// interrupted earlier run sent is finished first (`resumed`). The state folder, when it
/// works on this job, records that the worker stopped.
pub async fn leave(
    market: &JobMarket,
    s: &SignerChain,
    id: u64,
    state_dir: &Path,
    progress: &dyn Progress,
) -> Result<Left> {
    let me = s.address;
    check_not_running(state_dir, id, me)?;
    // An earlier run's join is waited for first: whether there is anything to leave depends on it.
    not_reverted(market.resume_join(s, id, progress).await)?;
    let earlier = match market.resume_leave(s, id, progress).await? {
        // That leave landed, but the worker joined the job again since (`worker run`): it is
        // not this run's leave, which is still to be sent.
        Some(_) if market.participant(id, me).await?.0 => None,
        other => other,
    };
    let (bond_returned, tx, resumed) = match earlier {
        Some((bond, tx)) => (bond, tx, true),
        None => {
            let job = market.job(id).await?;
            check_leavable(market, &job, me).await?;
            let (bond, tx) = market.leave_returning(s, id, progress).await?;
            (bond, tx, false)
        }
    };
    // The bond came back whatever the state folder says: a state file that cannot be read or
    // written only keeps its old phase.
    if let Ok(mut state) = WorkerState::load(state_dir)
        && state.job_id == Some(id)
        && state.worker == Some(me)
        && state.job_market == Some(market.address)
    {
        let _ = state.set_phase(state_dir, Phase::Stopped, None);
    }
    Ok(Left {
        job_id: id,
        worker: me,
        bond_returned,
        earnings: market.earnings(me).await?,
        tx,
        resumed,
    })
}

/// The transaction an earlier run recorded, as resolved: one that reverted did nothing (its
/// record is gone), as if none was recorded.
fn not_reverted<T>(r: Result<Option<T>>) -> Result<Option<T>> {
    match r {
        Err(e) if e.kind == ErrorKind::Reverted => Ok(None),
        other => other,
    }
}

/// Refuses (exit 4) a leave the contract would revert, saying when leaving is possible.
async fn check_leavable(market: &JobMarket, job: &JobInfo, me: Address) -> Result<()> {
    let id = job.id;
    if !job.state.is_live() {
        return Err(Error::reverted(
            "worker.job_ended",
            format!(
                "job {id} is {}: there is no job to leave; its bonds came back when it ended",
                job.state.as_str()
            ),
        )
        .hint("see what was credited with `cohort worker earnings` and pay it out with `cohort worker withdraw`"));
    }
    let p = market.participant_record(id, me).await?;
    if !p.active {
        return Err(Error::reverted(
            "worker.not_joined",
            format!("{me} is not taking part in job {id}"),
        )
        .hint(format!(
            "`cohort job show {id}` lists its workers and their bonds; sign with the worker's wallet (--wallet)"
        )));
    }
    let round = job.current_round;
    if job.state == JobState::Running
        && round < job.rounds
        && market.submission(id, round, me).await?.status == WorkStatus::Submitted
    {
        return Err(Error::reverted(
            "worker.submission_pending",
            format!(
                "your submission for round {round} of job {id} awaits the committee's verdict: a worker cannot leave mid-round"
            ),
        )
        .hint(format!(
            "leave once round {round} is finalized (`cohort job watch {id}`) or, after its deadline plus the grace period, closed (`cohort job close-round {id} {round}`); a rejected submission loses its bond"
        )));
    }
    Ok(())
}

/// `worker status`: registration, the state on disk and the current job.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub worker: WorkerRecord,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub state_dir: PathBuf,
    pub state: WorkerState,
    /// Whether a `worker run` uses the state folder now. When none does, the state's phase is
    /// where the last run stopped (killed, or ended at an error), not what a worker is doing.
    pub running: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<JobInfo>,
    /// The worker's membership in that job: whether it is in it, its bond held and returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantRecord>,
    /// Why the worker is no longer in that job, once it was: it left, or lost its bond
    /// ([`membership_note`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
    #[serde(with = "dec")]
    pub earnings: U256,
}

/// Refuses (exit 2) a state folder that another worker's runs wrote: its phase and rounds are
/// that worker's, not `who`'s.
pub async fn status(market: &JobMarket, who: Address, state_dir: &Path) -> Result<Status> {
    let mut state = WorkerState::load(state_dir)?;
    // A state of another chain (before a devnet reset) says nothing about this one.
    state.forget_foreign(state::chain_genesis(&market.chain).await?);
    if let Some(owner) = state.worker.filter(|w| *w != who) {
        return Err(Error::usage(
            "worker.state_of_another",
            format!(
                "state folder {} holds the state of worker {owner}, not of {who}",
                state_dir.display()
            ),
        )
        .hint(format!(
            "see that worker's status with `--wallet {owner}`, or name {who}'s own folder with --state-dir; its earnings alone: `cohort worker earnings --wallet {who}`"
        )));
    }
    let worker = market.worker(who).await?;
    let job = match state.job_id {
        Some(id) if state.worker == Some(who) => market.job(id).await.ok(),
        _ => None,
    };
    let participant = match &job {
        Some(j) => Some(market.participant_record(j.id, who).await?),
        None => None,
    };
    let left = match (&job, &participant) {
        (Some(j), Some(p)) if !p.active => membership_note(
            j.id,
            p,
            market.ever_joined(j.id, who).await?,
            crate::chain::tx::native_symbol(market.chain.chain_id),
        ),
        _ => None,
    };
    Ok(Status {
        worker,
        state_dir: state_dir.to_path_buf(),
        running: state::in_use(state_dir),
        state,
        job,
        participant,
        left,
        earnings: market.earnings(who).await?,
    })
}

/// `worker earnings`: credited earnings, and per job what was credited: payouts of accepted
/// rounds and of rounds closed without a verdict, and returned bonds; and the bonds slashed.
#[derive(Debug, Clone, Serialize)]
pub struct Earnings {
    pub worker: Address,
    /// Credited, not yet withdrawn (all jobs; refunds of jobs this account owns included).
    #[serde(with = "dec")]
    pub earnings: U256,
    pub payee: Address,
    pub jobs: Vec<JobEarning>,
}

/// What one job credited a worker.
#[derive(Debug, Clone, Serialize)]
pub struct JobEarning {
    pub job_id: u64,
    /// Work units of accepted submissions (the chain's compute units).
    pub compute_units: String,
    /// Σ over paid rounds of floor(reward × units / Σ paid units), plus the accepted rounds'
    /// shares of slashed bonds.
    #[serde(with = "dec")]
    pub paid: U256,
    pub accepted_rounds: Vec<u32>,
    /// Rounds closed without a verdict (`job close-round`): paid by units, unverified.
    pub unverified_rounds: Vec<u32>,
    /// Rounds whose submission the committee rejected (the bond was slashed).
    pub rejected_rounds: Vec<u32>,
    /// The worker's bond credited back (on leaving, or when the job ended).
    #[serde(with = "dec")]
    pub bond_returned: U256,
    /// The worker's bond it lost to a rejected submission (passed on to the round's accepted
    /// workers, or to the escrow).
    #[serde(with = "dec")]
    pub bond_slashed: U256,
}

impl JobEarning {
    /// What the job credited: the payouts and the returned bond.
    pub fn credited(&self) -> U256 {
        self.paid + self.bond_returned
    }
}

/// What job `job` credited worker `who`, and the bond it lost, from the chain's records.
pub async fn job_earning(market: &JobMarket, job: &JobInfo, who: Address) -> Result<JobEarning> {
    let units = market.compute_units(job.id, who).await?;
    let p = market.participant_record(job.id, who).await?;
    let mut paid = U256::ZERO;
    let mut accepted = Vec::new();
    let mut unverified = Vec::new();
    let mut rejected = Vec::new();
    // A stopped job's current round is the one closed without a verdict.
    for r in 0..(job.current_round + 1).min(job.rounds) {
        let subs = market.submissions(job.id, r).await?;
        let Some(mine) = subs.iter().find(|s| s.worker == who) else {
            continue;
        };
        if mine.status == WorkStatus::Rejected {
            rejected.push(r);
        }
        // As the contract credits it: paid units are min(work units, the job's units per
        // submission); the reward and the rejected workers' bonds go pro rata by them.
        let counted = |st: WorkStatus| matches!(st, WorkStatus::Accepted | WorkStatus::Unverified);
        let total: U256 = subs
            .iter()
            .filter(|s| counted(s.status))
            .map(|s| job.terms.paid_units(s.work_units))
            .sum();
        if !counted(mine.status) || total.is_zero() {
            continue;
        }
        let u = job.terms.paid_units(mine.work_units);
        paid += job.reward_per_round * u / total;
        if mine.status == WorkStatus::Accepted {
            let rejected = subs
                .iter()
                .filter(|s| s.status == WorkStatus::Rejected)
                .count();
            paid += job.terms.bond * U256::from(rejected) * u / total;
            accepted.push(r);
        } else {
            unverified.push(r);
        }
    }
    Ok(JobEarning {
        job_id: job.id,
        compute_units: units.to_string(),
        paid,
        accepted_rounds: accepted,
        unverified_rounds: unverified,
        rejected_rounds: rejected,
        bond_returned: p.returned,
        bond_slashed: p.slashed,
    })
}

/// Per job: what it credited `who` (payouts, returned bonds) and the bonds `who` lost. Jobs
/// `who` took no part in are left out.
pub async fn earnings(market: &JobMarket, who: Address) -> Result<Earnings> {
    let mut jobs = Vec::new();
    for job in market.list().await? {
        let units = market.compute_units(job.id, who).await?;
        let p = market.participant_record(job.id, who).await?;
        let took_part = p.active || !(p.bond + p.slashed + p.returned).is_zero();
        if units.is_zero() && !took_part {
            continue;
        }
        let e = job_earning(market, &job, who).await?;
        // A job that credited nothing and took nothing (a bond still held) has nothing to show.
        if units.is_zero()
            && e.paid.is_zero()
            && e.bond_returned.is_zero()
            && e.bond_slashed.is_zero()
        {
            continue;
        }
        jobs.push(e);
    }
    let payee = market.worker(who).await?.payee;
    Ok(Earnings {
        worker: who,
        earnings: market.earnings(who).await?,
        payee,
        jobs,
    })
}

/// The result of `worker withdraw`.
#[derive(Debug, Clone, Serialize)]
pub struct Withdrawn {
    pub worker: Address,
    pub payee: Address,
    #[serde(with = "dec")]
    pub amount: U256,
    /// Nothing was credited: nothing was sent (`amount` is 0, no `tx`).
    pub nothing_to_withdraw: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tx: Option<TxRef>,
    /// Sent by an earlier run that was interrupted while it waited for the receipt; this run
    /// finished it (and sent nothing new: run again for what was credited since).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// Withdraws credited earnings; with nothing credited, sends nothing and says so
/// (`nothing_to_withdraw`), so that it can run on a schedule. A withdrawal an interrupted
/// earlier run sent is finished first and returned (`resumed`).
pub async fn withdraw(
    market: &JobMarket,
    s: &SignerChain,
    progress: &dyn Progress,
) -> Result<Withdrawn> {
    if let Some((amount, tx)) = market.resume_withdraw(s, progress).await? {
        let payee = market.worker(s.address).await?.payee;
        return Ok(Withdrawn {
            worker: s.address,
            payee,
            amount,
            nothing_to_withdraw: false,
            tx: Some(tx),
            resumed: true,
        });
    }
    let owed = market.earnings(s.address).await?;
    let payee = market.worker(s.address).await?.payee;
    let nothing = Withdrawn {
        worker: s.address,
        payee,
        amount: U256::ZERO,
        nothing_to_withdraw: true,
        tx: None,
        resumed: false,
    };
    if owed.is_zero() {
        return Ok(nothing);
    }
    let (amount, tx) = match market.withdraw(s, progress).await {
        Ok(v) => v,
        // Another withdrawal (a run alongside this one, `rewards claim`) took the earnings
        // between the read above and this transaction: nothing is left to withdraw.
        Err(e) if e.revert() == Some("NothingToWithdraw") => return Ok(nothing),
        Err(e) => return Err(e),
    };
    Ok(Withdrawn {
        worker: s.address,
        payee,
        amount,
        nothing_to_withdraw: false,
        tx: Some(tx),
        resumed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_name_is_refused_before_anything_is_sent() {
        for bad in ["", "  "] {
            let e = check_name(Some(bad)).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{e}");
            assert_eq!(e.code, "worker.bad_name");
            assert!(e.hint.as_deref().unwrap().contains("--name rig-1"), "{e:?}");
        }
        check_name(Some("rig-1")).unwrap();
        check_name(None).unwrap();
    }

    #[test]
    fn a_worker_out_of_its_job_is_told_whether_it_left_or_lost_its_bond() {
        let p = |active, slashed: u64, returned: u64| ParticipantRecord {
            worker: Address::repeat_byte(1),
            active,
            joined_round: 0,
            bond: U256::ZERO,
            slashed: U256::from(slashed),
            returned: U256::from(returned),
        };
        let ten_milli = 10_000_000_000_000_000;
        assert_eq!(
            membership_note(8, &p(true, 0, ten_milli), true, "ETH"),
            None
        );
        assert_eq!(
            membership_note(8, &p(false, 0, ten_milli), true, "ETH").unwrap(),
            "left job 8: its bond of 0.01 ETH was credited back"
        );
        assert_eq!(
            membership_note(8, &p(false, 0, 0), true, "ETH").unwrap(),
            "left job 8"
        );
        assert_eq!(membership_note(8, &p(false, 0, 0), false, "ETH"), None);
        assert!(
            membership_note(8, &p(false, ten_milli, 0), true, "ETH")
                .unwrap()
                .contains("bond of 0.01 ETH was slashed")
        );
        let e = left_error(8, Address::repeat_byte(1), &p(false, 0, ten_milli), "ETH");
        assert_eq!((e.exit_code(), e.code.as_str()), (1, "worker.left"));
        assert!(e.message.contains("uploads and submits nothing"), "{e}");
    }
}
