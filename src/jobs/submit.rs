//! `job submit`: check the spec, resolve its datasets (sealed only), build the job bundle (the
//! spec and the files its command references) and, for builtin jobs, the base model every
//! worker starts round 0 from; then upload them and escrow `rounds × reward per round`.
//! Everything is checked (and priced) before anything is sent; `--dry-run` stops there.

use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use serde::Serialize;

use super::bundle::{BundleFile, JOB_BUNDLE_FORMAT, JobBundle};
use super::{JobInfo, JobMarket, JobTerms, TxRef};
use crate::chain::SignerChain;
use crate::chain::bindings::Flow;
use crate::chain::units::{coin, dec};
use crate::client::Client;
use crate::datasets::Registry;
use crate::datasets::files::hash_file;
use crate::error::{Error, Result};
use crate::jobspec::{JobSpec, JobTable, TrainerKind};
use crate::progress::Progress;
use crate::storage::cache::{ObjectCache, file_root};
use crate::storage::merkle::FileTree;
use crate::trainer::Checkpoint;
use crate::trainer::data::{Corpus, split_point};

/// A file that will be uploaded.
#[derive(Debug, Clone, Serialize)]
pub struct PlannedUpload {
    /// What it is: `bundle`, `base model` or the bundled file's path.
    pub name: String,
    pub size: u64,
    pub root: B256,
    #[serde(with = "dec")]
    pub fee: U256,
    /// Gas the storage `submit` is estimated to use.
    pub gas: u64,
    #[serde(skip)]
    pub path: PathBuf,
}

/// A dataset the job trains on.
#[derive(Debug, Clone, Serialize)]
pub struct PlannedDataset {
    pub id: u64,
    pub name: String,
    pub sealed: bool,
}

/// Everything `job submit` will do, checked and priced.
#[derive(Debug, Serialize)]
pub struct SubmitPlan {
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub spec_file: PathBuf,
    pub trainer: TrainerKind,
    pub datasets: Vec<PlannedDataset>,
    pub rounds: u32,
    pub max_workers: u32,
    pub round_timeout: u64,
    pub owner: Address,
    /// What the job commits to on chain: split, bond, committee, verification, grace.
    pub terms: JobTerms,
    /// K-spans in one round's work (`training.steps` / K, rounded up): a submission has that
    /// many, and min(`verify.spans`, this) of them are re-executed.
    pub spans_per_round: u64,
    /// `[training.outer]`: how a round's work is combined (the defaults: federated averaging).
    pub outer: crate::trainer::config::OuterConfig,
    /// `[training.compress]`: how workers compress their pseudo-gradients (default: none).
    pub compress: crate::trainer::config::CompressConfig,
    /// What the spec does that is allowed but likely not meant (a checkpoint interval or a
    /// warm-up longer than a round).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(with = "dec")]
    pub reward_per_round: U256,
    /// rounds × reward per round: what is escrowed.
    #[serde(with = "dec")]
    pub escrow: U256,
    pub uploads: Vec<PlannedUpload>,
    #[serde(with = "dec")]
    pub storage_fee: U256,
    /// Gas `createJob` is estimated to use.
    pub create_job_gas: u64,
    /// Gas of every transaction (storage submits and createJob).
    pub total_gas: u64,
    pub max_fee_per_gas: u128,
    /// The most the gas may cost: total gas × max fee per gas.
    #[serde(with = "dec")]
    pub max_gas_cost: U256,
    #[serde(with = "dec")]
    pub balance: U256,
    /// Balance after: balance − escrow − storage fee − the most the gas may cost.
    #[serde(with = "dec")]
    pub balance_after: U256,
    pub spec_root: B256,
    pub base_model_root: Option<B256>,
    #[serde(skip)]
    bundle_bytes: Vec<u8>,
    #[serde(skip)]
    _tmp: Option<std::sync::Arc<tempfile::TempDir>>,
}

/// The result of `job submit`.
#[derive(Debug, Serialize)]
pub struct Submitted {
    pub job_id: u64,
    pub spec_root: B256,
    pub base_model_root: Option<B256>,
    #[serde(with = "dec")]
    pub escrow: U256,
    #[serde(with = "dec")]
    pub storage_fee: U256,
    pub tx: TxRef,
    pub job: JobInfo,
    /// Created by an earlier run that was interrupted while it waited for the receipt; this run
    /// found its transaction recorded and finished it (nothing was sent again).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

fn job_table<'a>(spec: &'a JobSpec, path: &Path) -> Result<&'a JobTable> {
    spec.job.as_ref().ok_or_else(|| {
        Error::usage(
            "job.no_job_table",
            format!(
                "{} has no [job] table: it says nothing about datasets, rounds or reward",
                path.display()
            ),
        )
        .hint("add a [job] table (`cohort job submit --help` ends with an example spec)")
    })
}

/// Files the exec command names that exist next to the spec.
fn referenced_files(spec: &JobSpec, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(cmd) = &spec.model.command {
        for a in cmd {
            let rel = Path::new(a);
            if rel.is_relative() && !a.contains("..") && dir.join(rel).is_file() && !out.contains(a)
            {
                out.push(a.clone());
            }
        }
    }
    out
}

/// The checkpoint every worker starts round 0 from: the model initialized from the spec's
/// seed, without optimizer state.
pub fn base_model(spec: &JobSpec) -> Result<Checkpoint> {
    let config = spec.model.config();
    let model =
        crate::trainer::model::Model::init(&config, spec.training.seed, &candle_core::Device::Cpu)?;
    let mut info = std::collections::BTreeMap::new();
    info.insert("seed".to_string(), spec.training.seed.to_string());
    Ok(Checkpoint {
        config,
        step: 0,
        weights: model.values()?,
        optimizer: None,
        info,
    })
}

/// The adapter a `lora` job's round 0 starts from (A from the seed, B zero), for the base
/// model `model.base` names: its manifest is fetched and every file checked (exit 5 when one
/// does not verify), the targets and context checked against its config (exit 2).
async fn lora_initial(
    client: &Client,
    spec: &JobSpec,
) -> Result<crate::lora::pool::LoraCheckpoint> {
    let label = spec.model.base.clone().unwrap_or_default();
    let root = crate::lora::base::parse_root(&label)?;
    let store = ObjectCache::new(client);
    let dir = crate::lora::base::fetch(&store, root, &crate::progress::Silent).await?;
    let config = crate::lora::Config::load(&dir)?;
    let lora = spec.model.lora_spec();
    lora.validate(Some(&config))?;
    crate::lora::check_context(&config, spec.model.context, &dir)?;
    crate::lora::pool::initial(&lora, &config, spec.training.seed, &label)
}

/// Estimates the gas of the storage `submit` of a file.
async fn submit_gas(s: &SignerChain, flow: Address, path: &Path, fee: U256) -> Result<u64> {
    let tree = FileTree::from_file(path).map_err(|e| Error::io("read", path, e))?;
    let submission = Flow::Submission {
        data: crate::storage::upload::submission_data(&tree.nodes(), tree.size, &[]),
        submitter: s.address,
    };
    let tx = Flow::new(flow, s.provider.clone())
        .submit(submission)
        .value(fee)
        .from(s.address)
        .into_transaction_request();
    let g = s
        .provider
        .estimate_gas(tx)
        .await
        .map_err(|e| crate::chain::describe_transport_error(&s.chain.rpc_url, &e))?;
    Ok(g + g / 5)
}

/// Checks the spec and prices the submission. Nothing is sent.
pub async fn plan(
    client: &Client,
    market: &JobMarket,
    s: &SignerChain,
    spec_path: &Path,
) -> Result<SubmitPlan> {
    let spec = JobSpec::load(spec_path)?;
    spec.check_pool_outer()?;
    let lora_init = if spec.model.trainer == TrainerKind::Lora {
        Some(lora_initial(client, &spec).await?)
    } else {
        None
    };
    let text = std::fs::read_to_string(spec_path).map_err(|e| Error::io("read", spec_path, e))?;
    let table = job_table(&spec, spec_path)?.clone();
    // Named like the spec's other errors: the file, then the key.
    let terms = terms(&spec, &table, s).map_err(|e| {
        if e.code != "jobspec.invalid" {
            return e;
        }
        let message = format!("invalid job spec {}: {}", spec_path.display(), e.message);
        Error { message, ..e }
    })?;
    for a in &terms.committed.revenue_assets {
        crate::tokens::asset_info(&s.chain, *a)
            .await
            .map_err(|mut e| {
                if e.code.starts_with("asset.") {
                    e.message = format!("job.revenue_assets: {}", e.message);
                    e.hint = Some("list the ERC-20 contracts' 0x addresses on this chain".into());
                }
                e
            })?;
    }
    let datasets = planned_datasets(client, &table).await?;
    if spec.model.trainer == TrainerKind::Builtin {
        check_context_fits(client, &datasets, spec.model.context).await?;
    }
    let b = plan_bundle(&spec, spec_path, text, &datasets, lora_init)?;
    // An interrupted run's createJob of this spec is finished, not paid again: what the wallet
    // holds now does not decide whether it can be.
    let resuming = market.has_recorded_create_job(s, b.spec_root);
    price(
        client, market, s, spec, spec_path, &table, terms, datasets, b, resuming,
    )
    .await
}

/// What the spec's `[job]` table commits to, checked.
struct Terms {
    rounds: u32,
    max_workers: u32,
    reward: U256,
    committed: JobTerms,
}

fn bad(msg: String) -> Error {
    Error::usage("jobspec.invalid", msg)
}

fn address(key: &str, v: &str) -> Result<Address> {
    v.trim().parse::<Address>().map_err(|_| {
        bad(format!("{key} '{v}' is not an address"))
            .hint("write addresses as 0x followed by 40 hex digits")
    })
}

fn share(key: &str, v: &str) -> Result<u16> {
    crate::tokens::parse_share(v).map_err(|e| {
        Error::usage("jobspec.invalid", format!("{key}: {}", e.message))
            .hint("write shares as percentages like \"20%\" or \"12.5%\"")
    })
}

/// The terms `createJob` commits to, from the spec: the token split, the bond, the committee
/// and its threshold, the grace period, the service-fee cap, the `[verify]` table, K
/// (`training.checkpoint_every`, else `training.steps`) and the units of one round's work
/// (steps × batch size × context).
pub fn committed_terms(spec: &JobSpec, table: &JobTable, submitter: Address) -> Result<JobTerms> {
    let owner_bps = share("job.split.owner", &table.split.owner)?;
    let data_bps = share("job.split.data", &table.split.data)?;
    let compute_bps = share("job.split.compute", &table.split.compute)?;
    let sum = u32::from(owner_bps) + u32::from(data_bps) + u32::from(compute_bps);
    if sum != 10_000 {
        return Err(bad(format!(
            "job.split adds up to {} (owner {} + data {} + compute {}), not 100%",
            crate::tokens::format_bps(sum.min(u32::from(u16::MAX)) as u16),
            table.split.owner,
            table.split.data,
            table.split.compute
        ))
        .hint("make [job.split] owner, data and compute add up to 100%"));
    }
    let max_service_fee_bps = match &table.max_service_fee {
        Some(v) => share("job.max_service_fee", v)?,
        None => 1000,
    };
    let bond = match &table.bond {
        Some(b) => crate::chain::units::parse_amount(b, 18).map_err(|e| {
            bad(format!("job.bond: {}", e.message))
                .hint("write it like \"0.01ether\", \"100gwei\" or \"1000\" (wei)")
        })?,
        None => U256::ZERO,
    };
    let committee: Vec<Address> = match (&table.committee, &table.coordinator) {
        (Some(_), Some(_)) => {
            return Err(bad("job.coordinator and job.committee are both set".into())
                .hint("list every member in job.committee and remove job.coordinator"));
        }
        (Some(c), None) => {
            let mut out: Vec<Address> = Vec::new();
            for m in c {
                let a = address("job.committee member", m)?;
                if out.contains(&a) {
                    return Err(bad(format!("job.committee names {a} twice")));
                }
                out.push(a);
            }
            if out.is_empty() {
                return Err(bad("job.committee is empty".into())
                    .hint("name at least one member, or leave it out (the submitter alone)"));
            }
            if out.len() > 32 {
                return Err(bad(format!(
                    "job.committee has {} members; at most 32",
                    out.len()
                )));
            }
            out
        }
        (None, Some(c)) => vec![address("job.coordinator", c)?],
        (None, None) => vec![submitter],
    };
    let revenue_assets = revenue_assets(table)?;
    let n = committee.len() as u32;
    let threshold = table.threshold.unwrap_or(n / 2 + 1);
    if threshold == 0 || threshold > n {
        return Err(bad(format!(
            "job.threshold is {threshold}; it must be between 1 and the committee's {n} members"
        )));
    }
    let t = &spec.training;
    let checkpoint_every = t.checkpoint_every.unwrap_or(t.steps).max(1);
    let units = t
        .steps
        .saturating_mul(t.batch_size as u64)
        .saturating_mul(spec.model.context as u64);
    if units == 0 {
        return Err(bad(format!(
            "training.steps × batch_size × context is 0 (steps {}): a round would do no work",
            t.steps
        ))
        .hint("set training.steps to the steps each worker trains per round, e.g. steps = 300"));
    }
    Ok(JobTerms {
        owner_bps,
        data_bps,
        compute_bps,
        max_service_fee_bps,
        committee,
        threshold,
        spans: spec.verify.spans,
        tolerance: spec.verify.tolerance,
        max_loss_increase: spec.verify.max_loss_increase,
        checkpoint_every,
        grace: table.grace,
        bond,
        units_per_submission: U256::from(units),
        revenue_assets,
    })
}

/// `job.revenue_assets`: at most 4 distinct ERC-20 addresses (the native coin is always accepted).
fn revenue_assets(table: &JobTable) -> Result<Vec<Address>> {
    let mut out: Vec<Address> = Vec::new();
    for v in table.revenue_assets.iter().flatten() {
        let a = address("job.revenue_assets entry", v)?;
        if a == Address::ZERO {
            return Err(bad(
                "job.revenue_assets names the zero address: the native coin is always accepted"
                    .into(),
            )
            .hint("list only ERC-20 contract addresses"));
        }
        if out.contains(&a) {
            return Err(bad(format!("job.revenue_assets names {a} twice")));
        }
        out.push(a);
    }
    if out.len() > crate::tokens::MAX_REVENUE_ASSETS {
        return Err(bad(format!(
            "job.revenue_assets lists {} assets; a model token takes at most {}",
            out.len(),
            crate::tokens::MAX_REVENUE_ASSETS
        ))
        .hint("the native coin is always accepted; keep at most 4 ERC-20s"));
    }
    Ok(out)
}

fn terms(spec: &JobSpec, table: &JobTable, s: &SignerChain) -> Result<Terms> {
    let rounds = u32::try_from(table.rounds)
        .map_err(|_| Error::usage("jobspec.invalid", "job.rounds is too large"))?;
    let max_workers = u32::try_from(table.max_workers)
        .map_err(|_| Error::usage("jobspec.invalid", "job.max_workers is too large"))?;
    if table.round_timeout == 0 {
        return Err(Error::usage(
            "jobspec.invalid",
            "job.round_timeout must be at least 1 second",
        )
        .hint("set job.round_timeout to the seconds a round may take, e.g. round_timeout = 1800 (time to train, upload and submit one round)"));
    }
    let reward = crate::chain::units::parse_amount(&table.reward_per_round, 18).map_err(|e| {
        Error::usage(
            "jobspec.invalid",
            format!("job.reward_per_round: {}", e.message),
        )
        .hint("write it like \"0.1ether\", \"100gwei\" or \"1000\" (wei)")
    })?;
    if reward.is_zero() {
        return Err(Error::usage(
            "jobspec.invalid",
            "job.reward_per_round must be more than 0",
        )
        .hint("set what each round pays its accepted workers, e.g. reward_per_round = \"0.1ether\" (rounds × reward is escrowed)"));
    }
    let committed = committed_terms(spec, table, s.address)?;
    Ok(Terms {
        rounds,
        max_workers,
        reward,
        committed,
    })
}

/// The job's datasets: known and sealed, each once.
async fn planned_datasets(client: &Client, table: &JobTable) -> Result<Vec<PlannedDataset>> {
    let reg = Registry::open(client).await?;
    let mut datasets: Vec<PlannedDataset> = Vec::new();
    for d in &table.datasets {
        let id = reg.resolve(d).await?;
        let info = reg.info(id).await?;
        if datasets.iter().any(|p| p.id == id) {
            return Err(Error::usage(
                "jobspec.invalid",
                format!("job.datasets names dataset '{}' (id {id}) twice", info.name),
            ));
        }
        if !info.sealed {
            return Err(Error::reverted(
                "job.dataset_unsealed",
                format!(
                    "dataset '{}' (id {id}) is not sealed; jobs may only train on sealed datasets",
                    info.name
                ),
            )
            .hint(format!(
                "its curator seals it with `cohort dataset seal {id}`"
            )));
        }
        datasets.push(PlannedDataset {
            id,
            name: info.name,
            sealed: info.sealed,
        });
    }

    Ok(datasets)
}

/// Refuses (exit 2) a builtin job whose context no file of its datasets can fill: the trainer
/// needs `context + 1` bytes in one file's training split (see `Corpus::check_context`). The
/// sizes come from the registry's records of the accepted files; a file the trainer skips
/// (binary) only makes it shorter, so what is refused here would fail every worker.
async fn check_context_fits(
    client: &Client,
    datasets: &[PlannedDataset],
    context: usize,
) -> Result<()> {
    let reg = Registry::open(client).await?;
    let mut longest = 0;
    for d in datasets {
        for c in reg.contributions(d.id).await? {
            if c.status == crate::datasets::ReviewStatus::Accepted {
                let size = usize::try_from(c.size).unwrap_or(usize::MAX);
                longest = longest.max(split_point(size));
            }
        }
    }
    let corpus = Corpus {
        train: Vec::new(),
        val: Vec::new(),
        files: Vec::new(),
        skipped_binary: Vec::new(),
        longest_file_train: longest,
    };
    corpus.check_context(context).map_err(|e| {
        let hint = match longest.saturating_sub(1) {
            0 => "name a dataset with longer text files in job.datasets".to_string(),
            c => format!(
                "lower model.context to {c} or less, or name a dataset with longer text files in job.datasets"
            ),
        };
        e.hint(hint)
    })
}

/// The bundle (the spec and the files its command names) and the base model, ready to upload.
struct PlannedBundle {
    uploads: Vec<PlannedUpload>,
    spec_root: B256,
    base_model_root: Option<B256>,
    bundle_bytes: Vec<u8>,
    tmp: tempfile::TempDir,
}

fn plan_bundle(
    spec: &JobSpec,
    spec_path: &Path,
    text: String,
    datasets: &[PlannedDataset],
    lora_init: Option<crate::lora::pool::LoraCheckpoint>,
) -> Result<PlannedBundle> {
    let dir = spec_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut files = Vec::new();
    let mut uploads = Vec::new();
    for rel in referenced_files(spec, dir) {
        let path = dir.join(&rel);
        let (size, hash) = hash_file(&path).map_err(|e| Error::io("read", &path, e))?;
        if size == 0 {
            return Err(
                Error::usage("job.empty_file", format!("{} is empty", path.display())).hint(
                    "storage cannot hold empty files; add content or leave it out of the command",
                ),
            );
        }
        let root = file_root(&path)?;
        files.push(BundleFile {
            path: rel.clone(),
            root,
            size,
            blake3: hex::encode(hash),
        });
        uploads.push(PlannedUpload {
            name: rel,
            size,
            root,
            fee: U256::ZERO,
            gas: 0,
            path,
        });
    }
    let bundle = JobBundle {
        format: JOB_BUNDLE_FORMAT.to_string(),
        spec_name: spec_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "job.toml".into()),
        spec: text,
        files,
        dataset_ids: datasets.iter().map(|d| d.id).collect(),
    };
    let bundle_bytes = serde_json::to_vec_pretty(&bundle).expect("bundle serializes");
    let tmp = tempfile::Builder::new()
        .prefix("cohort-job-")
        .tempdir()
        .map_err(|e| {
            Error::failed(
                "job.tmp",
                format!("could not create a temporary folder: {e}"),
            )
        })?;
    let bundle_path = tmp.path().join("job-bundle.json");
    std::fs::write(&bundle_path, &bundle_bytes).map_err(|e| Error::io("write", &bundle_path, e))?;
    let spec_root = file_root(&bundle_path)?;
    uploads.push(PlannedUpload {
        name: "bundle".into(),
        size: bundle_bytes.len() as u64,
        root: spec_root,
        fee: U256::ZERO,
        gas: 0,
        path: bundle_path,
    });
    let mut base_model_root = None;
    let start = match (spec.model.trainer, lora_init) {
        (TrainerKind::Builtin, _) => {
            let path = tmp.path().join("base-model.safetensors");
            base_model(spec)?.save(&path)?;
            Some(("base model", path))
        }
        (TrainerKind::Lora, Some(init)) => {
            let path = tmp.path().join("initial-adapter.safetensors");
            init.save(&path)?;
            Some(("initial adapter", path))
        }
        _ => None,
    };
    if let Some((name, path)) = start {
        let root = file_root(&path)?;
        let size = std::fs::metadata(&path)
            .map_err(|e| Error::io("read", &path, e))?
            .len();
        base_model_root = Some(root);
        uploads.push(PlannedUpload {
            name: name.into(),
            size,
            root,
            fee: U256::ZERO,
            gas: 0,
            path,
        });
    }

    Ok(PlannedBundle {
        uploads,
        spec_root,
        base_model_root,
        bundle_bytes,
        tmp,
    })
}

/// Prices the plan (storage fees and gas) and checks the wallet can pay it all.
#[allow(clippy::too_many_arguments)]
async fn price(
    client: &Client,
    market: &JobMarket,
    s: &SignerChain,
    spec: JobSpec,
    spec_path: &Path,
    table: &JobTable,
    terms: Terms,
    datasets: Vec<PlannedDataset>,
    b: PlannedBundle,
    resuming: bool,
) -> Result<SubmitPlan> {
    let Terms {
        rounds,
        max_workers,
        reward,
        committed,
    } = terms;
    let PlannedBundle {
        mut uploads,
        spec_root,
        base_model_root,
        bundle_bytes,
        tmp,
    } = b;
    let store = ObjectCache::new(client);
    let flow = client.profile.contract("flow")?;
    let mut storage_fee = U256::ZERO;
    let mut total_gas = 0u64;
    for u in &mut uploads {
        u.fee = store.fee(u.size).await?;
        u.gas = match submit_gas(s, flow, &u.path, u.fee).await {
            Ok(g) => g,
            Err(_) if resuming => 0,
            Err(e) => return Err(e),
        };
        storage_fee += u.fee;
        total_gas += u.gas;
    }
    let escrow = U256::from(rounds) * reward;
    let create = crate::chain::bindings::JobMarket::new(market.address, s.provider.clone())
        .createJob(
            spec_root,
            base_model_root.unwrap_or_default(),
            datasets.iter().map(|d| U256::from(d.id)).collect(),
            rounds,
            max_workers,
            reward,
            table.round_timeout,
            committed.to_abi(),
        )
        .value(escrow)
        .into_transaction_request();
    let balance = s.chain.balance(s.address).await?;
    let fees = s
        .provider
        .estimate_eip1559_fees()
        .await
        .map_err(|e| crate::chain::describe_transport_error(&s.chain.rpc_url, &e))?;
    let symbol = crate::chain::tx::native_symbol(s.chain.chain_id);
    let create_job_gas = match crate::chain::tx::prepare(s, create).await {
        Ok(p) => p.gas,
        Err(e) if e.code == "wallet.insufficient_funds" && resuming => 0,
        Err(e) if e.code == "wallet.insufficient_funds" => {
            let need = escrow + storage_fee;
            return Err(crate::chain::tx::insufficient_funds(
                s.address,
                balance,
                need,
                18,
                symbol,
                &format!(
                    "escrowing {} {symbol} plus {} {symbol} of storage fees",
                    coin(escrow),
                    coin(storage_fee)
                ),
            ));
        }
        Err(e) => return Err(e),
    };
    total_gas += create_job_gas;
    let max_gas_cost = U256::from(total_gas) * U256::from(fees.max_fee_per_gas);
    let need = escrow + storage_fee + max_gas_cost;
    if balance < need && !resuming {
        return Err(crate::chain::tx::insufficient_funds(
            s.address,
            balance,
            need,
            18,
            symbol,
            &format!(
                "escrowing {} {symbol}, {} {symbol} of storage fees and up to {} {symbol} of gas",
                coin(escrow),
                coin(storage_fee),
                coin(max_gas_cost)
            ),
        ));
    }
    let t = &spec.training;
    let k = committed.checkpoint_every.max(1);
    let spans_per_round = t.steps.div_ceil(k);
    let mut notes = Vec::new();
    if let Some(c) = t.checkpoint_every.filter(|c| *c > t.steps) {
        notes.push(format!(
            "training.checkpoint_every ({c}) is more than training.steps ({}): a round is one span of {} steps, re-executed whole",
            t.steps, t.steps
        ));
    }
    let total = t.steps.saturating_mul(u64::from(rounds));
    if t.warmup_steps >= total {
        notes.push(format!(
            "training.warmup_steps ({}) is not less than the job's {total} steps (steps × rounds): the learning rate never finishes warming up",
            t.warmup_steps
        ));
    } else if t.warmup_steps > t.steps {
        notes.push(format!(
            "training.warmup_steps ({}) is more than training.steps ({}): the warm-up takes more than round 0",
            t.warmup_steps, t.steps
        ));
    }
    Ok(SubmitPlan {
        spec_file: spec_path.to_path_buf(),
        trainer: spec.model.trainer,
        datasets,
        rounds,
        max_workers,
        round_timeout: table.round_timeout,
        owner: s.address,
        terms: committed,
        spans_per_round,
        outer: spec.training.outer.clone(),
        compress: spec.training.compress.clone(),
        notes,
        reward_per_round: reward,
        escrow,
        uploads,
        storage_fee,
        create_job_gas,
        total_gas,
        max_fee_per_gas: fees.max_fee_per_gas,
        max_gas_cost,
        balance,
        balance_after: balance.saturating_sub(need),
        spec_root,
        base_model_root,
        bundle_bytes,
        _tmp: Some(std::sync::Arc::new(tmp)),
    })
}

/// Finishes the submission of this plan's spec an earlier, interrupted run sent (its `createJob`
/// is recorded per signer and spec root): the job it created, or `None` when there is none.
pub async fn resume(
    market: &JobMarket,
    s: &SignerChain,
    plan: &SubmitPlan,
    progress: &dyn Progress,
) -> Result<Option<Submitted>> {
    let Some((job_id, tx)) = market
        .resume_create_job(s, plan.spec_root, progress)
        .await?
    else {
        return Ok(None);
    };
    let job = market.job(job_id).await?;
    Ok(Some(Submitted {
        job_id,
        spec_root: plan.spec_root,
        base_model_root: job.base_model_root,
        escrow: job.budget,
        storage_fee: plan.storage_fee,
        tx,
        job,
        resumed: true,
    }))
}

/// The signer's jobs with this plan's spec root that are still open or running: submitting it
/// again creates another job and escrows the budget again.
pub async fn same_spec_jobs(
    market: &JobMarket,
    s: &SignerChain,
    plan: &SubmitPlan,
) -> Result<Vec<u64>> {
    market.live_jobs_with_spec(s.address, plan.spec_root).await
}

/// Uploads the bundle (and base model) and creates the job.
pub async fn submit(
    client: &Client,
    market: &JobMarket,
    s: &SignerChain,
    plan: &SubmitPlan,
    progress: &dyn Progress,
) -> Result<Submitted> {
    let store = ObjectCache::new(client);
    for u in &plan.uploads {
        progress.note(&format!("uploading {} ({} bytes)", u.name, u.size));
        let root = store.put_file(s, &u.path, progress).await?;
        if root != u.root {
            return Err(Error::verification(
                "job.root_mismatch",
                format!(
                    "{} was uploaded as {root:#x}, expected {:#x}",
                    u.name, u.root
                ),
            ));
        }
    }
    debug_assert!(!plan.bundle_bytes.is_empty());
    let ids: Vec<u64> = plan.datasets.iter().map(|d| d.id).collect();
    let (job_id, tx) = market
        .create_job(
            s,
            plan.spec_root,
            plan.base_model_root.unwrap_or_default(),
            &ids,
            plan.rounds,
            plan.max_workers,
            plan.reward_per_round,
            plan.round_timeout,
            &plan.terms,
            progress,
        )
        .await?;
    let job = market.job(job_id).await?;
    Ok(Submitted {
        job_id,
        spec_root: plan.spec_root,
        base_model_root: plan.base_model_root,
        escrow: plan.escrow,
        storage_fee: plan.storage_fee,
        tx,
        job,
        resumed: false,
    })
}

/// `job submit --dry-run`: what would be sent; nothing was.
#[derive(Debug, Serialize)]
pub struct SubmitDryRun {
    /// Always true.
    pub dry_run: bool,
    pub plan: SubmitPlan,
}

/// `job submit --coordinate`: the job submitted and the coordinator's report on its rounds.
#[derive(Debug, Serialize)]
pub struct SubmittedAndCoordinated {
    pub submitted: Submitted,
    pub coordinated: super::coordinator::CoordinateReport,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(job: &str) -> JobSpec {
        JobSpec::parse(
            &format!(
                "[model]\nlayers = 1\nwidth = 32\nheads = 2\ncontext = 32\n[training]\nbatch_size = 8\nsteps = 10\ncheckpoint_every = 5\n[job]\ndatasets = [\"d\"]\nrounds = 2\nreward_per_round = \"1ether\"\nmax_workers = 2\nround_timeout = 60\n{job}"
            ),
            "test",
        )
        .unwrap()
    }

    fn terms_of(job: &str) -> Result<JobTerms> {
        let s = spec(job);
        committed_terms(&s, s.job.as_ref().unwrap(), Address::repeat_byte(0x11))
    }

    #[test]
    fn a_spec_that_trains_nothing_is_refused_with_a_hint() {
        let mut s = spec("");
        s.training.steps = 0;
        let e =
            committed_terms(&s, s.job.as_ref().unwrap(), Address::repeat_byte(0x11)).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{e}");
        assert!(e.message.contains("steps 0"), "{e}");
        assert!(e.hint.as_deref().unwrap().contains("steps = 300"), "{e:?}");
    }

    #[test]
    fn the_spec_commits_to_split_bond_committee_and_verification() {
        let t = terms_of(
            "bond = \"0.01ether\"\ncommittee = [\"0x2222222222222222222222222222222222222222\", \"0x3333333333333333333333333333333333333333\", \"0x4444444444444444444444444444444444444444\"]\ngrace = 30\nmax_service_fee = \"12.5%\"\nrevenue_assets = [\"0x5555555555555555555555555555555555555555\"]\n[job.split]\nowner = \"10%\"\ndata = \"30%\"\ncompute = \"60%\"\n",
        )
        .unwrap();
        assert_eq!((t.owner_bps, t.data_bps, t.compute_bps), (1000, 3000, 6000));
        assert_eq!(t.max_service_fee_bps, 1250);
        assert_eq!(t.revenue_assets, vec![Address::repeat_byte(0x55)]);
        assert_eq!(t.bond, U256::from(10u64).pow(U256::from(16u64)));
        assert_eq!(t.committee.len(), 3);
        assert_eq!(t.threshold, 2, "default threshold: a majority");
        assert_eq!(t.grace, 30);
        assert_eq!((t.spans, t.checkpoint_every), (2, 5));
        assert_eq!(t.units_per_submission, U256::from(10 * 8 * 32));
        // Tolerance travels as parts per billion and back unchanged.
        let abi = t.to_abi();
        assert_eq!(abi.tolerancePpb, 10_000);
        assert_eq!(abi.maxLossIncreasePpb, 50_000_000);
        assert_eq!(JobTerms::from_abi(abi), t);
    }

    #[test]
    fn defaults_are_the_submitter_alone_no_bond_and_20_40_40() {
        let t = terms_of("").unwrap();
        assert_eq!(t.committee, vec![Address::repeat_byte(0x11)]);
        assert_eq!(t.threshold, 1);
        assert_eq!(t.bond, U256::ZERO);
        assert_eq!((t.owner_bps, t.data_bps, t.compute_bps), (2000, 4000, 4000));
        assert_eq!(t.max_service_fee_bps, 1000);
    }

    #[test]
    fn bad_terms_are_usage_errors_naming_the_key() {
        for (job, needle) in [
            ("[job.split]\nowner = \"50%\"\n", "not 100%"),
            ("threshold = 2\n", "job.threshold"),
            (
                "coordinator = \"0x2222222222222222222222222222222222222222\"\ncommittee = [\"0x3333333333333333333333333333333333333333\"]\n",
                "both set",
            ),
            ("committee = [\"0x12\"]\n", "not an address"),
            ("bond = \"lots\"\n", "job.bond"),
            ("max_service_fee = \"101%\"\n", "job.max_service_fee"),
            ("revenue_assets = [\"0x12\"]\n", "job.revenue_assets entry"),
            (
                "revenue_assets = [\"0x0000000000000000000000000000000000000000\"]\n",
                "native coin is always accepted",
            ),
            (
                "revenue_assets = [\"0x5555555555555555555555555555555555555555\", \"0x5555555555555555555555555555555555555555\"]\n",
                "twice",
            ),
            (
                "revenue_assets = [\"0x5555555555555555555555555555555555555551\", \"0x5555555555555555555555555555555555555552\", \"0x5555555555555555555555555555555555555553\", \"0x5555555555555555555555555555555555555554\", \"0x5555555555555555555555555555555555555556\"]\n",
                "at most 4",
            ),
        ] {
            let e = terms_of(job).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{job}");
            assert!(e.message.contains(needle), "{job}: {}", e.message);
        }
    }
}
