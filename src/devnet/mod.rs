//! The local devnet: anvil, the contract suite deployed on it, and local storage nodes, all on
//! loopback, started in the background and written into the `local` profile.

pub mod process;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use alloy::primitives::Address;
use alloy::signers::local::{MnemonicBuilder, PrivateKeySigner, coins_bip39::English};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::config::{Config, Contracts, LOCAL_PROFILE, Paths, Profile};
use crate::env;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::progress::Progress;

/// anvil's chain id.
pub const CHAIN_ID: u64 = 31337;
/// The mnemonic of anvil's funded dev accounts (public test data; never use it for real funds).
pub const DEV_MNEMONIC: &str = "test test test test test test test test test test test junk";
/// How many dev accounts anvil funds.
pub const DEV_ACCOUNTS: u32 = 10;
/// The anvil version install.sh installs (npm `@foundry-rs/anvil`).
pub const ANVIL_VERSION: &str = "1.7.1";

/// anvil's dev account `index` (derived from [`DEV_MNEMONIC`]).
pub fn dev_signer(index: u32) -> Result<PrivateKeySigner> {
    MnemonicBuilder::<English>::default()
        .phrase(DEV_MNEMONIC)
        .index(index)
        .and_then(|b| b.build())
        .map_err(|e| Error::failed("devnet.dev_key", e.to_string()))
}

/// One background process of the devnet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProcessInfo {
    pub pid: u32,
    /// A string the process's command line contains, so a reused PID is never taken for ours.
    pub marker: String,
    pub url: String,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub log: PathBuf,
}

/// A storage node of the devnet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NodeInfo {
    #[serde(flatten)]
    pub process: ProcessInfo,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub data_dir: PathBuf,
    pub shard_id: u64,
    pub num_shards: u64,
}

/// What `devnet up` started, saved in `devnet/state.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DevnetState {
    pub anvil: ProcessInfo,
    pub port: u16,
    pub block_time: Option<f64>,
    #[serde(default)]
    pub nodes: Vec<NodeInfo>,
    #[serde(default)]
    pub shards: u64,
    /// The indexer that lists the storage nodes (`cohort indexer run`).
    #[serde(default)]
    pub indexer: Option<ProcessInfo>,
}

/// Options of `devnet up`.
#[derive(Debug, Clone)]
pub struct UpOptions {
    /// The anvil port; 0 picks a free one.
    pub port: u16,
    pub block_time: Option<f64>,
    pub nodes: u64,
    pub shards: u64,
}

impl Default for UpOptions {
    fn default() -> Self {
        UpOptions {
            port: 8545,
            block_time: None,
            nodes: 1,
            shards: 1,
        }
    }
}

/// What `devnet up` was asked for by its flags (`None`: the flag was not given). A fresh start
/// takes the defaults for the rest ([`UpRequest::options`]); a devnet that runs, even in part,
/// is kept as it was laid out, and a flag asking for another layout is refused
/// ([`check_running_layout`]) rather than ignored.
#[derive(Debug, Clone, Default)]
pub struct UpRequest {
    pub port: Option<u16>,
    pub block_time: Option<f64>,
    pub nodes: Option<u64>,
    pub shards: Option<u64>,
}

impl UpRequest {
    /// The options of a fresh start: the flags given, the defaults for the rest.
    pub fn options(&self) -> UpOptions {
        let d = UpOptions::default();
        UpOptions {
            port: self.port.unwrap_or(d.port),
            block_time: self.block_time.or(d.block_time),
            nodes: self.nodes.unwrap_or(d.nodes),
            shards: self.shards.unwrap_or(d.shards),
        }
    }
}

/// `devnet up` as its flags ask: [`up`] with [`UpRequest::options`], after
/// [`check_running_layout`] (exit 2 when a running devnet is laid out otherwise).
pub async fn up_requested(
    paths: &Paths,
    req: &UpRequest,
    progress: &dyn Progress,
) -> Result<UpReport> {
    let runs = check_running_layout(paths, req)?;
    let opts = match last_options(paths)? {
        Some(last) if !runs => req.options_after(&last, progress)?,
        _ => req.options(),
    };
    up(paths, &opts, progress).await
}

impl UpRequest {
    /// The options of a start after a devnet that ran here before (`last`, its layout): the
    /// flags given, the rest as it had them. Its chain and node data are kept, so anvil comes
    /// back on its port (a free one, with a note, when something else took it and no `--port`
    /// was given) and the nodes in their shards; another number of nodes or shards over kept
    /// node data is refused (exit 2): that takes `devnet reset`.
    fn options_after(&self, last: &UpOptions, progress: &dyn Progress) -> Result<UpOptions> {
        let nodes = self.nodes.unwrap_or(last.nodes);
        let shards = self.shards.unwrap_or(last.shards);
        if last.nodes > 0 && (nodes, shards) != (last.nodes, last.shards) {
            return Err(Error::usage(
                "devnet.kept_layout",
                format!(
                    "the devnet here keeps the data of {} storage node(s) in {} shard(s); `devnet up` starts it as it was laid out, and was asked for {nodes} node(s) in {shards} shard(s)",
                    last.nodes, last.shards
                ),
            )
            .hint(format!(
                "leave --nodes and --shards out to start it as it was, or lay it out anew with `cohort devnet reset --nodes {nodes} --shards {shards}` (a fresh chain: every job, dataset and model token on it is lost)"
            )));
        }
        let port = match self.port {
            Some(p) => p,
            None if process::port_usable(last.port) => last.port,
            None => {
                let p = process::free_port()?;
                progress.note(&format!(
                    "anvil's port {} on 127.0.0.1 is taken; the devnet listens on {p} now (the local profile follows; --port chooses)",
                    last.port
                ));
                p
            }
        };
        Ok(UpOptions {
            port,
            block_time: self.block_time.or(last.block_time),
            nodes,
            shards,
        })
    }
}

/// Refuses (exit 2) flags that ask a devnet that runs here, even in part, for another port,
/// block time, number of nodes or shards than it has: `up` restarts only what stopped and
/// changes nothing of a running devnet, so a script would take the flags for what it got. The
/// error names the running layout and how to change it. Port 0 ("any free port") matches any.
/// Whether any of it runs.
pub fn check_running_layout(paths: &Paths, req: &UpRequest) -> Result<bool> {
    let Some(state) = load_state(paths)? else {
        return Ok(false);
    };
    let mut alive = vec![process::is_running(state.anvil.pid, &state.anvil.marker)];
    alive.extend(
        state
            .nodes
            .iter()
            .map(|n| process::is_running(n.process.pid, &n.process.marker)),
    );
    alive.extend(
        state
            .indexer
            .iter()
            .map(|i| process::is_running(i.pid, &i.marker)),
    );
    if !alive.iter().any(|a| *a) {
        // Nothing of it runs: `up` starts it afresh with the flags.
        return Ok(false);
    }
    let partly = !alive.iter().all(|a| *a);
    layout_conflict(&state, req, partly).map_or(Ok(true), Err)
}

/// The error for flags that differ from the layout of the devnet `state` (running, `partly`
/// when a process of it stopped), if any do.
fn layout_conflict(state: &DevnetState, req: &UpRequest, partly: bool) -> Option<Error> {
    let nodes = state.nodes.len() as u64;
    let shards = state.shards.max(1);
    let mut differ = Vec::new();
    let mut flags = Vec::new();
    if let Some(p) = req.port.filter(|&p| p != 0 && p != state.port) {
        differ.push(format!("port {p}"));
        flags.push(format!("--port {p}"));
    }
    if let Some(bt) = req.block_time
        && state.block_time != Some(bt)
    {
        differ.push(format!("a block every {bt} s"));
        flags.push(format!("--block-time {bt}"));
    }
    let mut relayout = false;
    if let Some(n) = req.nodes.filter(|&n| n != nodes) {
        differ.push(format!("{n} storage node(s)"));
        flags.push(format!("--nodes {n}"));
        relayout = true;
    }
    if let Some(m) = req.shards.filter(|&m| m != shards) {
        differ.push(format!("{m} shard(s)"));
        flags.push(format!("--shards {m}"));
        relayout = true;
    }
    if differ.is_empty() {
        return None;
    }
    let blocks = match state.block_time {
        Some(bt) => format!("a block every {bt} s"),
        None => "a block per transaction".to_string(),
    };
    let running = format!(
        "port {}, {nodes} storage node(s) in {shards} shard(s), {blocks}",
        state.port
    );
    let flags = flags.join(" ");
    let reset = format!(
        "`cohort devnet reset {flags}` (a fresh chain: every job, dataset and model token on it is lost)"
    );
    // The node folders keep their segments by shard: a new layout needs fresh ones.
    let hint = if relayout {
        format!("to lay it out anew run {reset}; or leave the flags out to use it as it runs")
    } else {
        format!(
            "run `cohort devnet down` and then `cohort devnet up {flags}` (the chain is kept), or {reset}; or leave the flags out to use it as it runs"
        )
    };
    Some(
        Error::usage(
            "devnet.running_layout",
            format!(
                "the devnet here is running{} ({running}); `devnet up` does not change a running devnet's layout, and was asked for {}",
                if partly { " in part" } else { "" },
                differ.join(", ")
            ),
        )
        .hint(hint),
    )
}

fn state_file(paths: &Paths) -> PathBuf {
    paths.devnet().join("state.json")
}

fn anvil_state_file(paths: &Paths) -> PathBuf {
    paths.devnet().join("anvil-state.json")
}

/// The ports the storage nodes last listened on, by node index: kept by `devnet down` so that
/// a node comes back on the same URL (upload journals are kept per node URL).
fn ports_file(paths: &Paths) -> PathBuf {
    paths.devnet().join("ports.json")
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Ports {
    #[serde(default)]
    nodes: Vec<u16>,
    #[serde(default)]
    indexer: Option<u16>,
    /// The number of shards (0: not recorded).
    #[serde(default)]
    shards: u64,
}

fn load_ports(paths: &Paths) -> Ports {
    std::fs::read(ports_file(paths))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn save_ports(paths: &Paths, s: &DevnetState) -> Result<()> {
    let ports = Ports {
        nodes: s
            .nodes
            .iter()
            .map(|n| url_port(&n.process.url).unwrap_or(0))
            .collect(),
        indexer: s.indexer.as_ref().and_then(|i| url_port(&i.url)),
        shards: s.shards,
    };
    fsutil::write_atomic(
        &ports_file(paths),
        &serde_json::to_vec_pretty(&ports).unwrap(),
        0o644,
    )
}

/// The contract suite deployed on this devnet's chain, kept (like the ports) across `down` so
/// that `up` can write the `local` profile back after `config remove local`.
fn contracts_file(paths: &Paths) -> PathBuf {
    paths.devnet().join("contracts.json")
}

fn load_contracts(paths: &Paths) -> Option<Contracts> {
    std::fs::read(contracts_file(paths))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

fn save_contracts(paths: &Paths, c: &Contracts) -> Result<()> {
    fsutil::write_atomic(
        &contracts_file(paths),
        &serde_json::to_vec_pretty(c).unwrap(),
        0o644,
    )
}

/// Writes the `local` profile back when it is gone (`config remove local`) while the devnet
/// runs, as the first `up` wrote it: anvil's URL, the chain id, the indexer and the contracts
/// this devnet deployed. Returns whether it did.
fn restore_local_profile(paths: &Paths, state: &DevnetState) -> Result<bool> {
    let mut config = Config::load(paths)?;
    if config.profiles.contains_key(LOCAL_PROFILE) {
        return Ok(false);
    }
    let profile = Profile {
        rpc_url: Some(state.anvil.url.clone()),
        chain_id: Some(CHAIN_ID),
        indexer: state.indexer.as_ref().map(|i| i.url.clone()),
        contracts: load_contracts(paths).unwrap_or_default(),
        wallet: config.default_wallet.is_none().then(|| "dev:0".to_string()),
        ..Profile::default()
    };
    config.profiles.insert(LOCAL_PROFILE.to_string(), profile);
    if config.default_profile.is_none() {
        config.default_profile = Some(LOCAL_PROFILE.to_string());
    }
    config.save(paths)?;
    Ok(true)
}

/// The port and layout the devnet here had: from its state while it runs (or after a crash),
/// else, after `down`, anvil's port from the `local` profile and the nodes and shards from the
/// ports `down` keeps. None when no devnet ran here.
pub fn last_options(paths: &Paths) -> Result<Option<UpOptions>> {
    if let Some(s) = load_state(paths)? {
        return Ok(Some(UpOptions {
            port: s.port,
            block_time: s.block_time,
            nodes: s.nodes.len() as u64,
            shards: s.shards.max(1),
        }));
    }
    let config = Config::load(paths)?;
    let Some(port) = config
        .profiles
        .get(LOCAL_PROFILE)
        .and_then(|p| p.rpc_url.as_deref())
        .and_then(url_port)
    else {
        return Ok(None);
    };
    let mut opts = UpOptions {
        port,
        ..UpOptions::default()
    };
    if ports_file(paths).exists() {
        let ports = load_ports(paths);
        opts.nodes = ports.nodes.len() as u64;
        opts.shards = ports.shards.max(1);
    }
    Ok(Some(opts))
}

/// The port of `http://127.0.0.1:PORT`.
fn url_port(url: &str) -> Option<u16> {
    url.rsplit(':').next()?.trim_end_matches('/').parse().ok()
}

/// The flow the devnet's storage nodes follow when `profile` is on the devnet's chain and names
/// it (the `local` profile, or another naming the same contracts): a suite deployed there
/// with a new flow would leave the nodes behind.
pub fn followed_flow(
    paths: &Paths,
    profile: &crate::config::ResolvedProfile,
) -> Result<Option<Address>> {
    let Some(state) = load_state(paths)? else {
        return Ok(None);
    };
    let same_chain = state.anvil.url.trim_end_matches('/') == profile.rpc_url.trim_end_matches('/');
    if state.nodes.is_empty() || !same_chain {
        return Ok(None);
    }
    let flow = |p: Option<&Profile>| {
        p.and_then(|p| p.contracts.flow.as_deref())
            .and_then(|a| a.parse::<Address>().ok())
    };
    let config = Config::load(paths)?;
    let nodes = flow(config.profiles.get(LOCAL_PROFILE));
    let named = profile
        .contracts
        .flow
        .as_deref()
        .and_then(|a| a.parse::<Address>().ok());
    Ok(nodes.filter(|f| Some(*f) == named))
}

fn load_state(paths: &Paths) -> Result<Option<DevnetState>> {
    let f = state_file(paths);
    match std::fs::read(&f) {
        Ok(b) => serde_json::from_slice(&b).map(Some).map_err(|e| {
            Error::failed("devnet.state", format!("{} is damaged: {e}", f.display()))
                .hint("run `cohort devnet reset`")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("read", &f, e)),
    }
}

fn save_state(paths: &Paths, s: &DevnetState) -> Result<()> {
    fsutil::write_atomic(
        &state_file(paths),
        &serde_json::to_vec_pretty(s).unwrap(),
        0o644,
    )
}

/// Finds anvil: `COHORT_ANVIL`, then PATH, then the tools folder install.sh fills.
pub fn find_anvil(paths: &Paths) -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(env::COHORT_ANVIL).filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(Error::usage(
            "devnet.no_anvil",
            format!(
                "{} points to {}, which does not exist",
                env::COHORT_ANVIL,
                p.display()
            ),
        )
        .hint("fix the variable, or unset it and run ./install.sh"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let c = dir.join("anvil");
            if c.is_file() {
                return Ok(c);
            }
        }
    }
    for c in tool_candidates(paths) {
        if c.is_file() {
            return Ok(c);
        }
    }
    Err(
        Error::usage("devnet.no_anvil", "anvil was not found").hint(format!(
            "run ./install.sh (installs npm @foundry-rs/anvil@{ANVIL_VERSION} into {}), or set {}",
            paths.tools().display(),
            env::COHORT_ANVIL
        )),
    )
}

/// Where install.sh puts anvil: this home's tools folder, then (when `COHORT_HOME` names
/// another home) the platform's, where an install without `COHORT_HOME` put it.
fn tool_candidates(paths: &Paths) -> Vec<PathBuf> {
    let mut folders = vec![paths.tools()];
    if let Some(data) = dirs::data_dir() {
        let platform = data.join("cohort").join("tools");
        if platform != paths.tools() {
            folders.push(platform);
        }
    }
    folders
        .iter()
        .flat_map(|tools| {
            let nm = tools.join("node_modules").join("@foundry-rs");
            [
                nm.join("anvil-linux-amd64/bin/anvil"),
                nm.join("anvil-linux-arm64/bin/anvil"),
                nm.join("anvil-darwin-arm64/bin/anvil"),
                nm.join("anvil-darwin-amd64/bin/anvil"),
                tools.join("bin").join("anvil"),
            ]
        })
        .collect()
}

/// The status of one process for `devnet status`.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessStatus {
    pub name: String,
    pub pid: u32,
    pub url: String,
    pub alive: bool,
}

/// A deployed contract and whether code is there.
#[derive(Debug, Clone, Serialize)]
pub struct ContractStatus {
    pub name: String,
    pub address: String,
    pub deployed: bool,
}

/// `devnet status`.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub running: bool,
    pub rpc_url: Option<String>,
    pub chain_id: Option<u64>,
    pub block_number: Option<u64>,
    pub contracts: Vec<ContractStatus>,
    pub processes: Vec<ProcessStatus>,
    pub storage_nodes: Vec<String>,
    /// The indexer URL (the `local` profile's `indexer`).
    pub indexer: Option<String>,
    pub dev_accounts: Vec<String>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub state_dir: PathBuf,
}

/// Reports the devnet's processes, chain and contracts.
pub async fn status(paths: &Paths) -> Result<Status> {
    let state = load_state(paths)?;
    let config = Config::load(paths)?;
    let mut st = Status {
        running: false,
        rpc_url: None,
        chain_id: None,
        block_number: None,
        contracts: vec![],
        processes: vec![],
        storage_nodes: vec![],
        indexer: None,
        dev_accounts: vec![],
        state_dir: paths.devnet(),
    };
    let Some(state) = state else { return Ok(st) };
    let anvil_alive = process::is_running(state.anvil.pid, &state.anvil.marker);
    st.processes.push(ProcessStatus {
        name: "anvil".into(),
        pid: state.anvil.pid,
        url: state.anvil.url.clone(),
        alive: anvil_alive,
    });
    for (i, n) in state.nodes.iter().enumerate() {
        st.processes.push(ProcessStatus {
            name: format!("storage node {i} (shard {}/{})", n.shard_id, n.num_shards),
            pid: n.process.pid,
            url: n.process.url.clone(),
            alive: process::is_running(n.process.pid, &n.process.marker),
        });
        st.storage_nodes.push(n.process.url.clone());
    }
    if let Some(ix) = &state.indexer {
        st.processes.push(ProcessStatus {
            name: "indexer".into(),
            pid: ix.pid,
            url: ix.url.clone(),
            alive: process::is_running(ix.pid, &ix.marker),
        });
        st.indexer = Some(ix.url.clone());
    }
    st.rpc_url = Some(state.anvil.url.clone());
    st.running = st.processes.iter().all(|p| p.alive);
    for i in 0..DEV_ACCOUNTS {
        st.dev_accounts
            .push(format!("{:#x}", dev_signer(i)?.address()));
    }
    let profile = config
        .profiles
        .get(LOCAL_PROFILE)
        .cloned()
        .unwrap_or_default();
    let named = contract_list(&profile);
    if anvil_alive {
        if let Ok(chain) = Chain::connect(&state.anvil.url, None).await {
            st.chain_id = Some(chain.chain_id);
            st.block_number = chain.block_number().await.ok();
            for (name, addr) in named {
                let deployed = match addr.parse::<Address>() {
                    Ok(a) => chain.has_code(a).await.unwrap_or(false),
                    Err(_) => false,
                };
                st.contracts.push(ContractStatus {
                    name,
                    address: addr,
                    deployed,
                });
            }
        }
    } else {
        for (name, addr) in named {
            st.contracts.push(ContractStatus {
                name,
                address: addr,
                deployed: false,
            });
        }
    }
    Ok(st)
}

/// An address as every JSON of cohort's gives it: lowercase (a profile written by hand or by
/// an older deploy may hold it checksummed).
fn lowercase_address(a: String) -> String {
    a.parse::<Address>().map_or(a, |a| format!("{a:#x}"))
}

fn contract_list(p: &Profile) -> Vec<(String, String)> {
    let c = &p.contracts;
    [
        ("flow", &c.flow),
        ("market", &c.market),
        ("dataset_registry", &c.dataset_registry),
        ("job_market", &c.job_market),
        ("model_token_factory", &c.model_token_factory),
        ("usage_ledger", &c.usage_ledger),
    ]
    .into_iter()
    .filter_map(|(n, a)| a.clone().map(|a| (n.to_string(), lowercase_address(a))))
    .collect()
}

/// What `devnet up` did.
#[derive(Debug, Clone, Serialize)]
pub struct UpReport {
    /// False when the devnet was already running and nothing changed.
    pub started: bool,
    pub deployed: bool,
    /// The processes of a partly running devnet that were restarted (the others kept running).
    pub restarted: Vec<String>,
    /// The `local` profile was gone (`config remove local`) and was written back.
    pub restored_profile: bool,
    pub status: Status,
}

/// Starts anvil (and the storage nodes), deploys the suite if the chain lacks it, and writes the
/// `local` profile. A second `up` while running changes nothing. When the devnet runs only in
/// part (a node or anvil crashed), only what stopped is restarted, on its recorded port and with
/// its data, and the layout is kept (the options apply to a fresh start). Storage nodes come
/// back on the ports they had before (also after `devnet down`) when those are free.
pub async fn up(paths: &Paths, opts: &UpOptions, progress: &dyn Progress) -> Result<UpReport> {
    check_layout(opts)?;
    if let Some(state) = load_state(paths)? {
        let anvil_alive = process::is_running(state.anvil.pid, &state.anvil.marker);
        let dead: Vec<usize> = (0..state.nodes.len())
            .filter(|&i| {
                let p = &state.nodes[i].process;
                !process::is_running(p.pid, &p.marker)
            })
            .collect();
        let indexer_alive = state
            .indexer
            .as_ref()
            .is_some_and(|i| process::is_running(i.pid, &i.marker));
        if anvil_alive && dead.is_empty() && (indexer_alive || state.nodes.is_empty()) {
            let restored_profile = restore_local_profile(paths, &state)?;
            return Ok(UpReport {
                started: false,
                deployed: false,
                restarted: vec![],
                restored_profile,
                status: status(paths).await?,
            });
        }
        if anvil_alive || dead.len() < state.nodes.len() {
            return restart_stopped(paths, state, anvil_alive, &dead, progress).await;
        }
        // Nothing of it runs any more: a fresh start (the chain state and node data are kept).
    }
    fsutil::ensure_dir(&paths.devnet(), 0o700)?;
    find_anvil(paths)?;
    let port = if opts.port == 0 {
        process::free_port()?
    } else {
        opts.port
    };
    process::check_port_free(port)?;
    let anvil = start_anvil(paths, port, opts.block_time, progress)?;
    let url = anvil.url.clone();
    let mut state = DevnetState {
        anvil,
        port,
        block_time: opts.block_time,
        nodes: vec![],
        shards: opts.shards,
        indexer: None,
    };
    save_state(paths, &state)?;
    let chain =
        wait_for_chain(&url, state.anvil.pid, &state.anvil.marker, &state.anvil.log).await?;

    let mut config = Config::load(paths)?;
    let missing = !config.profiles.contains_key(LOCAL_PROFILE);
    let mut profile = match config.profiles.get(LOCAL_PROFILE) {
        Some(p) => p.clone(),
        // Removed (`config remove local`): the suite this chain holds, when one was recorded.
        None => Profile {
            contracts: load_contracts(paths).unwrap_or_default(),
            ..Profile::default()
        },
    };
    profile.rpc_url = Some(url.clone());
    profile.chain_id = Some(CHAIN_ID);
    if profile.wallet.is_none() && config.default_wallet.is_none() {
        profile.wallet = Some("dev:0".to_string());
    }
    let deployed = if crate::deploy::suite_present(&chain, &profile.contracts).await? {
        false
    } else {
        progress.note("deploying the contract suite");
        let signer = chain.with_signer(dev_signer(0)?)?;
        profile.contracts = crate::deploy::deploy_suite(&signer, None, progress).await?;
        true
    };
    save_contracts(paths, &profile.contracts)?;
    profile.storage_nodes.clear();
    config
        .profiles
        .insert(LOCAL_PROFILE.to_string(), profile.clone());
    if config.default_profile.is_none() {
        config.default_profile = Some(LOCAL_PROFILE.to_string());
    }
    config.save(paths)?;

    let flow = profile.contracts.flow.clone().unwrap_or_default();
    start_storage(paths, opts, &mut state, &url, &flow, progress).await?;
    save_ports(paths, &state)?;
    // Clients find the nodes through the indexer, as on the public network.
    profile.storage_nodes.clear();
    profile.indexer = state.indexer.as_ref().map(|i| i.url.clone());
    config.profiles.insert(LOCAL_PROFILE.to_string(), profile);
    config.save(paths)?;
    let st = status(paths).await?;
    Ok(UpReport {
        started: true,
        deployed,
        restarted: vec![],
        restored_profile: missing && !deployed,
        status: st,
    })
}

/// `--shards` a power of two and `--nodes` a multiple of it (exit 2).
fn check_layout(opts: &UpOptions) -> Result<()> {
    if opts.shards == 0 || !opts.shards.is_power_of_two() {
        return Err(Error::usage(
            "devnet.bad_shards",
            format!("--shards {} is not a power of two", opts.shards),
        )
        .hint("use 1, 2, 4, 8, …"));
    }
    if !opts.nodes.is_multiple_of(opts.shards) {
        return Err(Error::usage(
            "devnet.bad_nodes",
            format!(
                "--nodes {} is not a multiple of --shards {}",
                opts.nodes, opts.shards
            ),
        )
        .hint("every shard needs the same number of nodes; e.g. --nodes 4 --shards 2"));
    }
    Ok(())
}

/// Starts the storage nodes (each shard `nodes / shards` times, on their recorded ports when
/// free) and, with any node, the indexer in front of them; waits until each answers.
async fn start_storage(
    paths: &Paths,
    opts: &UpOptions,
    state: &mut DevnetState,
    url: &str,
    flow: &str,
    progress: &dyn Progress,
) -> Result<()> {
    let recorded = load_ports(paths);
    for i in 0..opts.nodes {
        let shard_id = i % opts.shards;
        let port = match recorded.nodes.get(i as usize) {
            Some(&p) if p != 0 && process::port_usable(p) => p,
            _ => process::free_port()?,
        };
        let node = start_node(paths, i, shard_id, opts.shards, port, url, flow, progress)?;
        state.nodes.push(node);
        save_state(paths, state)?;
    }
    for n in &state.nodes {
        wait_for_node(n).await?;
    }
    if !state.nodes.is_empty() {
        let port = match recorded.indexer {
            Some(p) if p != 0 && process::port_usable(p) => p,
            _ => process::free_port()?,
        };
        let ix = start_indexer(paths, state, port, progress)?;
        state.indexer = Some(ix);
        save_state(paths, state)?;
        wait_for_indexer(state.indexer.as_ref().expect("just set")).await?;
    }
    Ok(())
}

/// Restarts what stopped of a partly running devnet: anvil on its port with its state file, and
/// each stopped storage node with its data folder on its port (another one, with a note, only
/// when something else took it). What still runs is left alone.
async fn restart_stopped(
    paths: &Paths,
    mut state: DevnetState,
    anvil_alive: bool,
    dead: &[usize],
    progress: &dyn Progress,
) -> Result<UpReport> {
    let mut restarted = Vec::new();
    if !anvil_alive {
        if !process::port_usable(state.port) {
            return Err(Error::usage(
                "devnet.port_in_use",
                format!(
                    "anvil stopped and its port {} on 127.0.0.1 is now in use",
                    state.port
                ),
            )
            .hint("stop whatever listens there, or run `cohort devnet down` and `cohort devnet up --port 0`"));
        }
        state.anvil = start_anvil(paths, state.port, state.block_time, progress)?;
        save_state(paths, &state)?;
        let a = &state.anvil;
        wait_for_chain(&a.url, a.pid, &a.marker, &a.log).await?;
        restarted.push("anvil".to_string());
    }
    let restored_profile = restore_local_profile(paths, &state)?;
    let mut config = Config::load(paths)?;
    let mut profile = config
        .profiles
        .get(LOCAL_PROFILE)
        .cloned()
        .unwrap_or_default();
    if !dead.is_empty() {
        let Some(flow) = profile.contracts.flow.clone() else {
            return Err(Error::usage(
                "devnet.no_flow",
                "the local profile has no flow contract to start the storage nodes with",
            )
            .hint("run `cohort devnet reset` for a fresh devnet"));
        };
        for &i in dead {
            let old = state.nodes[i].clone();
            let port = match url_port(&old.process.url) {
                Some(p) if process::port_usable(p) => p,
                other => {
                    let p = process::free_port()?;
                    progress.note(&format!(
                        "port {} of storage node {i} is taken; it moves to {p} (uploads to it start over)",
                        other.unwrap_or(0)
                    ));
                    p
                }
            };
            let node = start_node(
                paths,
                i as u64,
                old.shard_id,
                old.num_shards,
                port,
                &state.anvil.url,
                &flow,
                progress,
            )?;
            state.nodes[i] = node;
            save_state(paths, &state)?;
            restarted.push(format!("storage node {i}"));
        }
        save_ports(paths, &state)?;
        for &i in dead {
            wait_for_node(&state.nodes[i]).await?;
        }
    }
    // The indexer knows the nodes by URL: restart it when it stopped or a node moved.
    let indexer_alive = state
        .indexer
        .as_ref()
        .is_some_and(|i| process::is_running(i.pid, &i.marker));
    let now: Vec<String> = state.nodes.iter().map(|n| n.process.url.clone()).collect();
    let moved = std::fs::read_to_string(indexer_nodes_file(paths)).ok() != Some(now.join(","));
    if !state.nodes.is_empty() && (!indexer_alive || moved) {
        let old_port = state.indexer.as_ref().and_then(|i| url_port(&i.url));
        if let Some(old) = state.indexer.take() {
            process::stop(old.pid, &old.marker, libc::SIGTERM, Duration::from_secs(10));
        }
        let port = match old_port {
            Some(p) if process::port_usable(p) => p,
            _ => process::free_port()?,
        };
        state.indexer = Some(start_indexer(paths, &state, port, progress)?);
        save_state(paths, &state)?;
        save_ports(paths, &state)?;
        wait_for_indexer(state.indexer.as_ref().expect("just set")).await?;
        restarted.push("indexer".to_string());
    }
    let indexer = state.indexer.as_ref().map(|i| i.url.clone());
    if !profile.storage_nodes.is_empty()
        || profile.indexer != indexer
        || profile.rpc_url.as_deref() != Some(&state.anvil.url)
    {
        profile.storage_nodes.clear();
        profile.indexer = indexer;
        profile.rpc_url = Some(state.anvil.url.clone());
        config.profiles.insert(LOCAL_PROFILE.to_string(), profile);
        config.save(paths)?;
    }
    Ok(UpReport {
        started: true,
        deployed: false,
        restarted,
        restored_profile,
        status: status(paths).await?,
    })
}

/// Starts anvil on `port` with the devnet's state file (loaded if present, dumped every 2 s).
fn start_anvil(
    paths: &Paths,
    port: u16,
    block_time: Option<f64>,
    progress: &dyn Progress,
) -> Result<ProcessInfo> {
    let anvil = find_anvil(paths)?;
    let state_path = anvil_state_file(paths);
    let log = paths.devnet().join("anvil.log");
    let mut cmd = Command::new(&anvil);
    cmd.arg("--host")
        .arg("127.0.0.1")
        .arg("--port")
        .arg(port.to_string())
        .arg("--chain-id")
        .arg(CHAIN_ID.to_string())
        .arg("--accounts")
        .arg(DEV_ACCOUNTS.to_string())
        .arg("--mnemonic")
        .arg(DEV_MNEMONIC)
        .arg("--state")
        .arg(&state_path)
        .arg("--state-interval")
        .arg("2");
    if let Some(bt) = block_time {
        cmd.arg("--block-time").arg(bt.to_string());
    }
    progress.note(&format!("starting anvil on 127.0.0.1:{port}"));
    let pid = process::spawn_detached(cmd, &log)?;
    Ok(ProcessInfo {
        pid,
        marker: state_path.to_string_lossy().into_owned(),
        url: format!("http://127.0.0.1:{port}"),
        log,
    })
}

#[allow(clippy::too_many_arguments)]
fn start_node(
    paths: &Paths,
    index: u64,
    shard_id: u64,
    shards: u64,
    port: u16,
    chain_url: &str,
    flow: &str,
    progress: &dyn Progress,
) -> Result<NodeInfo> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::failed("devnet.exe", format!("cannot find the cohort binary: {e}")))?;
    let data_dir = paths.devnet().join(format!("node{index}"));
    fsutil::ensure_dir(&data_dir, 0o700)?;
    let log = paths.devnet().join(format!("node{index}.log"));
    let mut cmd = Command::new(exe);
    // -v: the node's info-level log (syncs, uploads, finalizations) goes to its log file.
    cmd.args(["-v", "node", "run", "--data-dir"])
        .arg(&data_dir)
        .arg("--rpc")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--chain-rpc")
        .arg(chain_url)
        .arg("--flow")
        .arg(flow)
        .arg("--shard")
        .arg(format!("{shard_id}/{shards}"))
        // anvil answers in microseconds on loopback: a short poll lets a node see a
        // submission within 20 ms instead of 300 (what every upload, and a batch of small
        // files, waits on before its segments go out).
        .args(["--poll-ms", "20"])
        // Every devnet client is on loopback, and the official TS SDK opens one connection per
        // segment task at once (256 for a 64 MiB file): one peer may use every connection.
        .args(["--rpc-max-peer-connections", "512"]);
    progress.note(&format!(
        "starting storage node {index} on 127.0.0.1:{port} (shard {shard_id}/{shards})"
    ));
    let pid = process::spawn_detached(cmd, &log)?;
    Ok(NodeInfo {
        process: ProcessInfo {
            pid,
            marker: data_dir.to_string_lossy().into_owned(),
            url: format!("http://127.0.0.1:{port}"),
            log,
        },
        data_dir,
        shard_id,
        num_shards: shards,
    })
}

/// The node URLs the running indexer was started with (to notice a node that moved).
fn indexer_nodes_file(paths: &Paths) -> PathBuf {
    paths.devnet().join("indexer-nodes")
}

/// Starts `cohort indexer run` on `port` over the devnet's storage nodes.
fn start_indexer(
    paths: &Paths,
    state: &DevnetState,
    port: u16,
    progress: &dyn Progress,
) -> Result<ProcessInfo> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::failed("devnet.exe", format!("cannot find the cohort binary: {e}")))?;
    let log = paths.devnet().join("indexer.log");
    let marker = paths.devnet().join("indexer");
    let urls: Vec<String> = state.nodes.iter().map(|n| n.process.url.clone()).collect();
    fsutil::write_atomic(&indexer_nodes_file(paths), urls.join(",").as_bytes(), 0o644)?;
    let mut cmd = Command::new(exe);
    cmd.args(["-v", "indexer", "run", "--rpc"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--node")
        .arg(urls.join(","))
        .arg("--poll-ms")
        .arg("500")
        .arg("--devnet")
        .arg(&marker);
    progress.note(&format!("starting the indexer on 127.0.0.1:{port}"));
    let pid = process::spawn_detached(cmd, &log)?;
    Ok(ProcessInfo {
        pid,
        marker: marker.to_string_lossy().into_owned(),
        url: format!("http://127.0.0.1:{port}"),
        log,
    })
}

async fn wait_for_indexer(p: &ProcessInfo) -> Result<()> {
    let info = NodeInfo {
        process: p.clone(),
        data_dir: PathBuf::new(),
        shard_id: 0,
        num_shards: 1,
    };
    wait_for_node(&info).await
}

async fn wait_for_node(n: &NodeInfo) -> Result<()> {
    let start = Instant::now();
    let client = reqwest::Client::new();
    loop {
        let ok = client
            .post(&n.process.url)
            .json(&serde_json::json!({"jsonrpc":"2.0","id":1,"method":"zgs_getStatus"}))
            .send()
            .await
            .is_ok();
        if ok {
            return Ok(());
        }
        if !process::is_running(n.process.pid, &n.process.marker) {
            return Err(Error::failed(
                "devnet.node_exited",
                format!("storage node at {} exited at start", n.process.url),
            )
            .hint(format!("see its log: {}", n.process.log.display())));
        }
        if start.elapsed() > Duration::from_secs(30) {
            return Err(Error::unreachable(
                "devnet.node_timeout",
                format!(
                    "storage node at {} did not answer within 30 s",
                    n.process.url
                ),
            )
            .hint(format!("see its log: {}", n.process.log.display())));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_chain(url: &str, pid: u32, marker: &str, log: &Path) -> Result<Chain> {
    let start = Instant::now();
    loop {
        if let Ok(c) = Chain::connect(url, Some(CHAIN_ID)).await {
            return Ok(c);
        }
        if !process::is_running(pid, marker) {
            let tail = std::fs::read_to_string(log).unwrap_or_default();
            let last: Vec<&str> = tail.lines().rev().take(5).collect();
            return Err(
                Error::failed("devnet.anvil_exited", "anvil exited at start")
                    .cause(last.into_iter().rev().collect::<Vec<_>>().join("\n"))
                    .hint(format!("see {}", log.display())),
            );
        }
        if start.elapsed() > Duration::from_secs(30) {
            return Err(Error::unreachable(
                "devnet.anvil_timeout",
                format!("anvil at {url} did not answer within 30 s"),
            )
            .hint(format!("see {}", log.display())));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What `devnet down` stopped.
#[derive(Debug, Clone, Serialize)]
pub struct DownReport {
    pub stopped: Vec<StoppedProcess>,
}

/// A process `devnet down` stopped.
#[derive(Debug, Clone, Serialize)]
pub struct StoppedProcess {
    pub name: String,
    pub pid: u32,
    pub url: String,
    /// It still ran when `down` came (a crashed one had stopped already).
    pub was_running: bool,
}

/// Stops exactly the processes `up` started, by PID. anvil gets SIGINT so it dumps its state.
pub async fn down(paths: &Paths) -> Result<DownReport> {
    let Some(state) = load_state(paths)? else {
        return Ok(DownReport { stopped: vec![] });
    };
    let mut stopped = vec![];
    if let Some(ix) = &state.indexer {
        let alive = process::is_running(ix.pid, &ix.marker);
        process::stop(ix.pid, &ix.marker, libc::SIGTERM, Duration::from_secs(10));
        stopped.push(StoppedProcess {
            name: "indexer".into(),
            pid: ix.pid,
            url: ix.url.clone(),
            was_running: alive,
        });
    }
    for (i, n) in state.nodes.iter().enumerate() {
        let alive = process::is_running(n.process.pid, &n.process.marker);
        process::stop(
            n.process.pid,
            &n.process.marker,
            libc::SIGTERM,
            Duration::from_secs(10),
        );
        stopped.push(StoppedProcess {
            name: format!("storage node {i}"),
            pid: n.process.pid,
            url: n.process.url.clone(),
            was_running: alive,
        });
    }
    let a = &state.anvil;
    let alive = process::is_running(a.pid, &a.marker);
    process::stop(a.pid, &a.marker, libc::SIGINT, Duration::from_secs(15));
    stopped.push(StoppedProcess {
        name: "anvil".into(),
        pid: a.pid,
        url: a.url.clone(),
        was_running: alive,
    });
    let f = state_file(paths);
    std::fs::remove_file(&f).map_err(|e| Error::io("remove", &f, e))?;
    Ok(DownReport { stopped })
}

/// `devnet reset`: stops the devnet, wipes it ([`reset`]) and starts a fresh one with `opts`.
/// What `up` would refuse (a bad layout, no anvil, a port something else holds) is refused
/// before anything is wiped.
pub async fn reset_and_up(
    paths: &Paths,
    opts: &UpOptions,
    progress: &dyn Progress,
) -> Result<UpReport> {
    check_layout(opts)?;
    find_anvil(paths)?;
    let ours = load_state(paths)?
        .is_some_and(|s| s.port == opts.port && process::is_running(s.anvil.pid, &s.anvil.marker));
    if opts.port != 0 && !ours {
        process::check_port_free(opts.port)?;
    }
    reset(paths).await?;
    up(paths, opts, progress).await
}

/// Stops the devnet, wipes its chain and node data, forgets the local contract addresses and
/// the recorded pending transactions of its chain ([`forget_pending_txs`]).
pub async fn reset(paths: &Paths) -> Result<()> {
    down(paths).await?;
    forget_pending_txs(paths)?;
    let dir = paths.devnet();
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io("remove", &dir, e))?;
    }
    let mut config = Config::load(paths)?;
    if let Some(p) = config.profiles.get_mut(LOCAL_PROFILE) {
        p.contracts = Default::default();
        p.storage_nodes.clear();
        p.indexer = None;
        config.save(paths)?;
    }
    Ok(())
}

/// Removes the records in `pending-tx/` of transactions signed for the devnet's chain id: none
/// of them can land on the fresh chain, and a later rerun could broadcast one there when its
/// nonce matches. Records of other chains (and files that are not records) are left alone.
/// Returns how many went.
fn forget_pending_txs(paths: &Paths) -> Result<usize> {
    let dir = paths.pending_tx();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io("read", &dir, e)),
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "json") && record_chain_id(&p) == Some(CHAIN_ID) {
            std::fs::remove_file(&p).map_err(|e| Error::io("remove", &p, e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The chain id a pending-transaction record's signed transaction is for.
fn record_chain_id(path: &Path) -> Option<u64> {
    use alloy::consensus::{Transaction, TxEnvelope};
    use alloy::eips::eip2718::Decodable2718;
    #[derive(Deserialize)]
    struct Record {
        raw: String,
    }
    let record: Record = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let bytes = alloy::primitives::hex::decode(record.raw.trim()).ok()?;
    TxEnvelope::decode_2718(&mut bytes.as_slice())
        .ok()?
        .chain_id()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(port: u16, nodes: usize, shards: u64, block_time: Option<f64>) -> DevnetState {
        let p = ProcessInfo {
            pid: 1,
            marker: "m".into(),
            url: "http://127.0.0.1:1".into(),
            log: PathBuf::new(),
        };
        DevnetState {
            anvil: p.clone(),
            port,
            block_time,
            nodes: (0..nodes)
                .map(|i| NodeInfo {
                    process: p.clone(),
                    data_dir: PathBuf::new(),
                    shard_id: i as u64 % shards,
                    num_shards: shards,
                })
                .collect(),
            shards,
            indexer: None,
        }
    }

    /// Flags that match the running devnet (or are not given, or ask for any port) pass; others
    /// are refused naming the running layout and the command that changes it.
    #[test]
    fn flags_of_another_layout_are_refused_naming_the_running_one() {
        let s = state(40000, 1, 1, None);
        for ok in [
            UpRequest::default(),
            UpRequest {
                port: Some(0),
                nodes: Some(1),
                shards: Some(1),
                ..Default::default()
            },
            UpRequest {
                port: Some(40000),
                ..Default::default()
            },
        ] {
            assert!(layout_conflict(&s, &ok, false).is_none(), "{ok:?}");
        }
        let e = layout_conflict(
            &s,
            &UpRequest {
                nodes: Some(2),
                shards: Some(2),
                ..Default::default()
            },
            false,
        )
        .expect("refused");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(e.code, "devnet.running_layout");
        assert!(
            e.message
                .contains("port 40000, 1 storage node(s) in 1 shard(s)"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("2 storage node(s), 2 shard(s)"),
            "{}",
            e.message
        );
        let hint = e.hint.clone().unwrap_or_default();
        assert!(
            hint.contains("cohort devnet reset --nodes 2 --shards 2"),
            "{hint}"
        );

        let e = layout_conflict(
            &s,
            &UpRequest {
                port: Some(0),
                block_time: Some(5.0),
                ..Default::default()
            },
            true,
        )
        .expect("refused");
        assert!(e.message.contains("running in part"), "{}", e.message);
        let hint = e.hint.clone().unwrap_or_default();
        assert!(
            hint.contains("`cohort devnet down` and then `cohort devnet up --block-time 5`"),
            "{hint}"
        );
        // The same block time is no conflict.
        let s = state(40000, 2, 2, Some(5.0));
        let same = UpRequest {
            block_time: Some(5.0),
            nodes: Some(2),
            shards: Some(2),
            ..Default::default()
        };
        assert!(layout_conflict(&s, &same, false).is_none());
    }
}
