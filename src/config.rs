//! Paths and profiles. `COHORT_HOME` overrides every path; otherwise config lives in
//! `<config dir>/cohort/config.toml` and data in `<data dir>/cohort/`. Flags beat environment
//! variables, which beat the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::env;
use crate::error::{Error, Result};
use crate::fsutil;

/// The name of the profile `cohort devnet up` writes.
pub const LOCAL_PROFILE: &str = "local";

/// Where cohort keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_file: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    /// Resolves the paths from `COHORT_HOME`, else from the platform's config and data dirs.
    pub fn resolve() -> Result<Paths> {
        if let Some(home) = std::env::var_os(env::COHORT_HOME).filter(|v| !v.is_empty()) {
            let home = PathBuf::from(home);
            return Ok(Paths {
                config_file: home.join("config.toml"),
                data_dir: home,
            });
        }
        let config = dirs::config_dir().ok_or_else(no_home)?;
        let data = dirs::data_dir().ok_or_else(no_home)?;
        Ok(Paths {
            config_file: config.join("cohort").join("config.toml"),
            data_dir: data.join("cohort"),
        })
    }

    /// The one folder these paths are in, as `COHORT_HOME` names it (the config file inside the
    /// data folder); `None` for the platform's separate config and data folders.
    pub fn home(&self) -> Option<&Path> {
        (self.config_file == self.data_dir.join("config.toml")).then_some(self.data_dir.as_path())
    }

    /// Uses `home` as if it were `COHORT_HOME`.
    pub fn under(home: &Path) -> Paths {
        Paths {
            config_file: home.join("config.toml"),
            data_dir: home.to_path_buf(),
        }
    }
    pub fn keystores(&self) -> PathBuf {
        self.data_dir.join("keystores")
    }
    pub fn devnet(&self) -> PathBuf {
        self.data_dir.join("devnet")
    }
    pub fn cache(&self) -> PathBuf {
        self.data_dir.join("cache")
    }
    /// Signed transactions recorded before broadcasting, so that a rerun never pays twice.
    pub fn pending_tx(&self) -> PathBuf {
        self.data_dir.join("pending-tx")
    }
    pub fn tools(&self) -> PathBuf {
        self.data_dir.join("tools")
    }
}

fn no_home() -> Error {
    Error::usage(
        "config.no_home",
        "cannot find a home directory for cohort's files",
    )
    .hint(format!(
        "set {} to a folder cohort may use",
        env::COHORT_HOME
    ))
}

/// The contract addresses a profile knows. Empty means not deployed there.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contracts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset_registry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_market: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_token_factory: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_ledger: Option<String>,
}

impl Contracts {
    /// Every contract a profile names, in the order commands show them.
    pub const NAMES: [&'static str; 6] = [
        "flow",
        "market",
        "dataset_registry",
        "job_market",
        "model_token_factory",
        "usage_ledger",
    ];

    /// The address recorded for contract `which` (one of [`Contracts::NAMES`]).
    pub fn slot(&self, which: &str) -> &Option<String> {
        match which {
            "flow" => &self.flow,
            "market" => &self.market,
            "dataset_registry" => &self.dataset_registry,
            "job_market" => &self.job_market,
            "usage_ledger" => &self.usage_ledger,
            _ => &self.model_token_factory,
        }
    }

    /// [`Contracts::slot`], to change it.
    pub fn slot_mut(&mut self, which: &str) -> &mut Option<String> {
        match which {
            "flow" => &mut self.flow,
            "market" => &mut self.market,
            "dataset_registry" => &mut self.dataset_registry,
            "job_market" => &mut self.job_market,
            "usage_ledger" => &mut self.usage_ledger,
            _ => &mut self.model_token_factory,
        }
    }
}

/// One chain + storage network + wallet combination.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpc_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub storage_nodes: Vec<String>,
    /// A 0G indexer that finds the storage nodes (used when `storage_nodes` is empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indexer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet: Option<String>,
    #[serde(default)]
    pub contracts: Contracts,
}

/// A public network cohort knows: `cohort config add NAME --preset NAME`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Preset {
    pub name: &'static str,
    pub description: &'static str,
    pub chain_id: u64,
    pub rpc_url: &'static str,
    pub flow: &'static str,
    pub indexer: &'static str,
}

/// The built-in presets, as 0G's docs publish them. The fee market is read from `flow.market()`.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "galileo",
        description: "0G Galileo testnet",
        chain_id: 16602,
        rpc_url: "https://evmrpc-testnet.0g.ai",
        flow: "0x22E03a6A89B950F1c82ec5e74F8eCa321a105296",
        indexer: "https://indexer-storage-testnet-turbo.0g.ai",
    },
    Preset {
        name: "mainnet",
        description: "0G mainnet",
        chain_id: 16661,
        rpc_url: "https://evmrpc.0g.ai",
        flow: "0x62D4144dB0F0a6fBBaeb6296c785C71B3D57C526",
        indexer: "https://indexer-storage-turbo.0g.ai",
    },
];

impl Preset {
    /// The preset called `name`; exit 2 listing the presets otherwise.
    pub fn named(name: &str) -> Result<&'static Preset> {
        PRESETS.iter().find(|p| p.name == name).ok_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
            Error::usage(
                "config.unknown_preset",
                format!("there is no preset named '{name}'"),
            )
            .hint(format!("the presets are: {}", names.join(", ")))
        })
    }

    /// A new profile with the preset's chain, RPC, flow and indexer.
    pub fn profile(&self) -> Profile {
        Profile {
            rpc_url: Some(self.rpc_url.to_string()),
            chain_id: Some(self.chain_id),
            indexer: Some(self.indexer.to_string()),
            contracts: Contracts {
                flow: Some(self.flow.to_string()),
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

/// The whole `config.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The profile used when neither `--profile` nor `COHORT_PROFILE` names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    /// The wallet used where a profile names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_wallet: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// What this process last read or wrote, for [`Config::save`] to write only its changes.
    #[serde(skip)]
    loaded: Loaded,
}

/// The config as [`Config::load`] read it (or as this process last saved it), as a TOML table:
/// what [`Config::save`] compares against to find this process's changes. Not part of the
/// value: it never compares unequal, prints or serializes.
#[derive(Default)]
struct Loaded(std::sync::Mutex<Option<toml::Table>>);

impl Loaded {
    fn get(&self) -> toml::Table {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .unwrap_or_default()
    }
    fn set(&self, t: toml::Table) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(t);
    }
}

impl Clone for Loaded {
    fn clone(&self) -> Loaded {
        Loaded(std::sync::Mutex::new(Some(self.get())))
    }
}

impl PartialEq for Loaded {
    fn eq(&self, _: &Loaded) -> bool {
        true
    }
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("..")
    }
}

/// Applies to `disk` what changed from `base` to `mine`: values set, changed or removed, table
/// by table, so that what another process changed meanwhile (and this one did not) stays. A
/// table this process still has but another one removed comes back whole when this process
/// changed something in it.
fn merge_changes(base: &toml::Table, mine: &toml::Table, disk: &mut toml::Table) {
    let keys: std::collections::BTreeSet<&String> = base.keys().chain(mine.keys()).collect();
    for k in keys {
        let (b, m) = (base.get(k), mine.get(k));
        if b == m {
            continue;
        }
        match (b, m) {
            (_, None) => {
                disk.remove(k);
            }
            (b, Some(toml::Value::Table(mt))) => {
                let bt = match b {
                    Some(toml::Value::Table(bt)) => Some(bt),
                    _ => None,
                };
                match (bt, disk.get_mut(k)) {
                    (Some(bt), Some(toml::Value::Table(dt))) => merge_changes(bt, mt, dt),
                    (None, Some(toml::Value::Table(dt))) => {
                        merge_changes(&toml::Table::new(), mt, dt)
                    }
                    _ => {
                        disk.insert(k.clone(), toml::Value::Table(mt.clone()));
                    }
                }
            }
            (_, Some(v)) => {
                disk.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The keys `cohort config get/set` understand, documented in README.md.
pub const KEYS: &[(&str, &str)] = &[
    ("default_profile", "profile used when none is named"),
    ("default_wallet", "wallet used where a profile names none"),
    ("profiles.<name>.rpc_url", "chain JSON-RPC URL"),
    (
        "profiles.<name>.chain_id",
        "expected chain id (checked when connecting)",
    ),
    (
        "profiles.<name>.storage_nodes",
        "storage node URLs, comma-separated",
    ),
    (
        "profiles.<name>.indexer",
        "0G indexer URL that finds the storage nodes when storage_nodes is empty",
    ),
    (
        "profiles.<name>.wallet",
        "wallet that signs on this profile",
    ),
    ("profiles.<name>.contracts.flow", "0G flow contract address"),
    ("profiles.<name>.contracts.market", "0G fee market address"),
    (
        "profiles.<name>.contracts.dataset_registry",
        "DatasetRegistry address",
    ),
    ("profiles.<name>.contracts.job_market", "JobMarket address"),
    (
        "profiles.<name>.contracts.model_token_factory",
        "ModelTokenFactory address",
    ),
    (
        "profiles.<name>.contracts.usage_ledger",
        "UsageLedger address (pay-per-use vouchers)",
    ),
];

impl Config {
    /// Reads the config file; a missing file is an empty config.
    pub fn load(paths: &Paths) -> Result<Config> {
        let text = match std::fs::read_to_string(&paths.config_file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Error::io("read", &paths.config_file, e)),
        };
        let config = Config::parse(&text, paths)?;
        config.loaded.set(config.table()?);
        Ok(config)
    }

    fn parse(text: &str, paths: &Paths) -> Result<Config> {
        toml::from_str(text).map_err(|e| {
            Error::usage(
                "config.invalid",
                format!(
                    "{} is not a valid cohort config",
                    paths.config_file.display()
                ),
            )
            .cause(e.message())
            .hint("fix the file by hand, or move it away and run `cohort devnet up` again")
        })
    }

    /// The config as a TOML table, as it is written.
    fn table(&self) -> Result<toml::Table> {
        toml::Table::try_from(self).map_err(|e| {
            Error::failed("config.serialize", e.to_string())
                .hint("this is a bug in cohort: please report it")
        })
    }

    /// Writes what this process changed since it loaded the config (keys set, changed or
    /// removed) into the config file as it is now: under a lock (`.config.toml.lock` beside it),
    /// the file is read again, the changes applied and the result written atomically, so that
    /// commands writing the config at once keep each other's changes (the same key: the last
    /// one wins). The file is private (mode 0600: its RPC URLs may hold API keys; a stricter
    /// mode the user gave it stays), and temporary files of writes killed midway are removed.
    pub fn save(&self, paths: &Paths) -> Result<()> {
        let file = &paths.config_file;
        let dir = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "config.toml".into());
        let mine = self.table()?;
        let _lock = fsutil::Lock::acquire(&dir.join(format!(".{name}.lock")))?;
        for p in fsutil::remove_stale_temps(dir) {
            tracing::debug!("removed a killed run's temporary file {}", p.display());
        }
        let (mut disk, mode) = match std::fs::read_to_string(file) {
            Ok(text) => {
                let mode = std::fs::metadata(file)
                    .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o600)
                    .unwrap_or(0o600);
                (Config::parse(&text, paths)?.table()?, mode)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (toml::Table::new(), 0o600),
            Err(e) => return Err(Error::io("read", file, e)),
        };
        merge_changes(&self.loaded.get(), &mine, &mut disk);
        let merged: Config = toml::Value::Table(disk).try_into().map_err(|e| {
            Error::failed(
                "config.merge",
                format!(
                    "could not combine this command's changes with {}",
                    file.display()
                ),
            )
            .cause(e)
            .hint("run the command again")
        })?;
        let text = toml::to_string_pretty(&merged).map_err(|e| {
            Error::failed("config.serialize", e.to_string())
                .hint("this is a bug in cohort: please report it")
        })?;
        fsutil::write_atomic(file, text.as_bytes(), mode)?;
        self.loaded.set(mine);
        Ok(())
    }

    /// The name of the active profile: flag/env, then `default_profile`, then `local`.
    pub fn active_name(&self, requested: Option<&str>) -> String {
        requested
            .map(str::to_string)
            .or_else(|| self.default_profile.clone())
            .unwrap_or_else(|| LOCAL_PROFILE.to_string())
    }

    pub fn profile(&self, name: &str) -> Result<&Profile> {
        self.profiles
            .get(name)
            .ok_or_else(|| unknown_profile(name, self))
    }

    /// Reads a dotted key (see [`KEYS`]).
    pub fn get(&self, key: &str) -> Result<Option<String>> {
        check_key(key)?;
        if let ["profiles", name, ..] = key.split('.').collect::<Vec<_>>().as_slice()
            && !self.profiles.contains_key(*name)
        {
            return Err(unknown_profile(name, self));
        }
        let value =
            serde_json::to_value(self).map_err(|e| Error::failed("config", e.to_string()))?;
        let mut cur = &value;
        for part in key.split('.') {
            match cur.get(part) {
                Some(v) => cur = v,
                None => {
                    check_key(key)?;
                    return Ok(None);
                }
            }
        }
        Ok(match cur {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(a) => Some(
                a.iter()
                    .map(|v| v.as_str().map(str::to_string).unwrap_or(v.to_string()))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            other => Some(other.to_string()),
        })
    }

    /// Sets a dotted key (see [`KEYS`]); an empty value clears it.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        check_key(key)?;
        check_value(key, value, self)?;
        let parts: Vec<&str> = key.split('.').collect();
        let opt = |v: &str| {
            if v.is_empty() {
                None
            } else {
                Some(v.to_string())
            }
        };
        match parts.as_slice() {
            ["default_profile"] => self.default_profile = opt(value),
            ["default_wallet"] => self.default_wallet = opt(value),
            ["profiles", name, rest @ ..] => {
                let p = self.profiles.entry(name.to_string()).or_default();
                match rest {
                    ["rpc_url"] => p.rpc_url = opt(value),
                    ["chain_id"] => {
                        p.chain_id = if value.is_empty() {
                            None
                        } else {
                            Some(value.parse().map_err(|_| {
                                Error::usage(
                                    "config.bad_value",
                                    format!("{key}: '{value}' is not a number"),
                                )
                                .hint("use the chain's id, e.g. 16602 for 0G Galileo")
                            })?)
                        }
                    }
                    ["storage_nodes"] => {
                        p.storage_nodes = split_list(value);
                    }
                    ["indexer"] => p.indexer = opt(value),
                    ["wallet"] => p.wallet = opt(value),
                    ["contracts", c] => {
                        // Checked to be an address; kept lowercase, as cohort prints addresses.
                        *p.contracts.slot_mut(c) = opt(value).map(|v| {
                            v.parse::<alloy::primitives::Address>()
                                .map_or(v, |a| format!("{a:#x}"))
                        });
                    }
                    _ => unreachable!("check_key accepted {key}"),
                }
            }
            _ => unreachable!("check_key accepted {key}"),
        }
        Ok(())
    }
}

/// Splits a comma-separated list, dropping empty items.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Refuses a profile name that is not letters, digits, `-` and `_` (names are keys of dotted
/// paths and TOML tables, and appear in commands).
pub fn check_profile_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        return Ok(());
    }
    Err(Error::usage(
        "config.bad_name",
        format!("'{name}' is not a valid profile name"),
    )
    .hint("use letters, digits, '-' and '_'"))
}

/// Whether `v` is an http(s) URL with a host: what an endpoint (chain RPC, storage node,
/// indexer) must be.
pub fn is_http_url(v: &str) -> bool {
    reqwest::Url::parse(v).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}

/// Checks every value of a new profile `name` as `config set` checks each key (`config add`):
/// the name, its endpoints and its contract addresses.
pub fn check_profile(name: &str, profile: &Profile, config: &Config) -> Result<()> {
    check_profile_name(name)?;
    let key = |k: &str| format!("profiles.{name}.{k}");
    for (k, v) in [("rpc_url", &profile.rpc_url), ("indexer", &profile.indexer)] {
        if let Some(v) = v {
            check_value(&key(k), v, config)?;
        }
    }
    for v in &profile.storage_nodes {
        check_value(&key("storage_nodes"), v, config)?;
    }
    for c in Contracts::NAMES {
        if let Some(v) = profile.contracts.slot(c) {
            check_value(&key(&format!("contracts.{c}")), v, config)?;
        }
    }
    Ok(())
}

/// Refuses, before anything is written, a value no command could use: an endpoint that is not
/// an http(s) URL, a contract that is not an address, a default profile that does not exist.
fn check_value(key: &str, value: &str, config: &Config) -> Result<()> {
    let parts: Vec<&str> = key.split('.').collect();
    if let ["profiles", name, ..] = parts.as_slice()
        && !config.profiles.contains_key(*name)
    {
        check_profile_name(name)?;
    }
    if value.is_empty() {
        return Ok(());
    }
    let bad = |what: &str, hint: &str| {
        Err(Error::usage(
            "config.bad_value",
            format!("{key}: '{}' is not {what}", crate::redact::url(value)),
        )
        .hint(hint.to_string()))
    };
    match parts.as_slice() {
        ["default_profile"] if !config.profiles.contains_key(value) => {
            Err(unknown_profile(value, config))
        }
        ["profiles", _, "rpc_url"] if !is_http_url(value) => bad(
            "an http(s) URL",
            "use a URL like http://127.0.0.1:8545 or https://evmrpc-testnet.0g.ai",
        ),
        ["profiles", _, "indexer"] if !is_http_url(value) => bad(
            "an http(s) URL",
            "use a URL like https://indexer-storage-testnet-turbo.0g.ai",
        ),
        ["profiles", _, "storage_nodes"] if !split_list(value).iter().all(|v| is_http_url(v)) => {
            bad(
                "a comma-separated list of http(s) URLs",
                "use URLs like http://127.0.0.1:5678,http://127.0.0.1:5679",
            )
        }
        ["default_wallet"] | ["profiles", _, "wallet"]
            if crate::wallet::parse_dev_wallet(value).is_none()
                && crate::wallet::keystore::validate_name(value).is_err() =>
        {
            bad(
                "a wallet name or dev:N",
                "use a wallet's name (1 to 64 letters, digits, '-', '_' or '.'; see `cohort wallet list`) or dev:N for a devnet account",
            )
        }
        ["default_wallet"] | ["profiles", _, "wallet"]
            if crate::wallet::parse_dev_wallet(value)
                .is_some_and(|n| n >= crate::devnet::DEV_ACCOUNTS) =>
        {
            Err(Error::usage(
                "config.bad_value",
                format!(
                    "{key}: '{value}' is no devnet account: the devnet has dev:0 … dev:{}",
                    crate::devnet::DEV_ACCOUNTS - 1
                ),
            )
            .hint(format!(
                "use dev:0 … dev:{}, or one of your wallets (`cohort wallet list`)",
                crate::devnet::DEV_ACCOUNTS - 1
            )))
        }
        ["profiles", _, "contracts", _] if value.parse::<alloy::primitives::Address>().is_err() => {
            bad(
                "an address",
                "use the contract's 0x address (40 hex digits)",
            )
        }
        _ => Ok(()),
    }
}

/// Refuses a wallet setting (`default_wallet`, `profiles.NAME.wallet`) that names a wallet with no
/// keystore under `paths`: no command could sign with it. [`Config::set`] checks only its form
/// (a wallet name, or dev:N of the devnet's accounts); `config set` checks both.
pub fn check_wallet_exists(paths: &Paths, key: &str, value: &str) -> Result<()> {
    let parts: Vec<&str> = key.split('.').collect();
    if value.is_empty()
        || !matches!(
            parts.as_slice(),
            ["default_wallet"] | ["profiles", _, "wallet"]
        )
        || crate::wallet::parse_dev_wallet(value).is_some()
        || crate::wallet::keystore::exists(paths, value)
    {
        return Ok(());
    }
    Err(Error::usage(
        "config.unknown_wallet",
        format!("{key}: no wallet named '{value}'"),
    )
    .hint(format!(
        "create it with `cohort wallet new {value}` or `cohort wallet import {value} …` first; `cohort wallet list` shows your wallets"
    )))
}

fn check_key(key: &str) -> Result<()> {
    let parts: Vec<&str> = key.split('.').collect();
    let ok = match parts.as_slice() {
        ["default_profile"] | ["default_wallet"] => true,
        ["profiles", name, rest @ ..] if !name.is_empty() => matches!(
            rest,
            ["rpc_url"]
                | ["chain_id"]
                | ["storage_nodes"]
                | ["indexer"]
                | ["wallet"]
                | [
                    "contracts",
                    "flow"
                        | "market"
                        | "dataset_registry"
                        | "job_market"
                        | "model_token_factory"
                        | "usage_ledger"
                ]
        ),
        _ => false,
    };
    if ok {
        return Ok(());
    }
    // A profile's setting named without its profile (`rpc_url`, as `config show` lists it).
    let first = parts.first().copied().unwrap_or_default();
    let hint = if matches!(
        first,
        "rpc_url" | "chain_id" | "storage_nodes" | "indexer" | "wallet" | "contracts"
    ) {
        format!(
            "a profile's setting is under its profile: profiles.PROFILE.{key} (e.g. profiles.{LOCAL_PROFILE}.{key}; `cohort config profiles` lists them)"
        )
    } else {
        "run `cohort config show`, or see the key table under \"Profiles and configuration\" in README.md".to_string()
    };
    Err(Error::usage("config.unknown_key", format!("unknown config key '{key}'")).hint(hint))
}

pub fn unknown_profile(name: &str, config: &Config) -> Error {
    let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
    if name.is_empty() {
        let known = if known.is_empty() {
            "none exist yet".to_string()
        } else {
            format!("known: {}", known.join(", "))
        };
        return Error::usage("config.unknown_profile", "the profile name is empty").hint(format!(
            "name a profile ({known}), or leave --profile out for the default one"
        ));
    }
    let hint = if name == LOCAL_PROFILE {
        match known.first() {
            // `local` is only the fallback when no default is set: the profiles there are may be
            // what was meant.
            Some(first) => format!(
                "run `cohort devnet up` to create the local profile, or use a profile you have \
                 ({}): `cohort config use {first}` makes it the default, `--profile {first}` \
                 picks it for one command",
                known.join(", ")
            ),
            None => "run `cohort devnet up` to create the local profile".to_string(),
        }
    } else if known.is_empty() {
        format!("no profiles exist yet; run `cohort devnet up` or `cohort config add {name}`")
    } else {
        format!(
            "known profiles: {}; add one with `cohort config add {name}`",
            known.join(", ")
        )
    };
    Error::usage(
        "config.unknown_profile",
        format!("no profile named '{name}'"),
    )
    .hint(hint)
}

/// Command-line and environment overrides of the active profile.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<String>,
    pub rpc_url: Option<String>,
    pub storage_nodes: Vec<String>,
    pub indexer: Option<String>,
    pub wallet: Option<String>,
}

/// A profile with every override applied: what commands work with.
#[derive(Debug, Clone, Serialize)]
pub struct ResolvedProfile {
    pub name: String,
    pub rpc_url: String,
    pub chain_id: Option<u64>,
    pub storage_nodes: Vec<String>,
    /// The indexer; used only when `storage_nodes` is empty.
    pub indexer: Option<String>,
    pub wallet: Option<String>,
    pub contracts: Contracts,
}

impl ResolvedProfile {
    /// Resolves the active profile. An explicit `--rpc-url` works even without a profile.
    pub fn resolve(config: &Config, ov: &Overrides) -> Result<ResolvedProfile> {
        let name = config.active_name(ov.profile.as_deref());
        let base = match config.profiles.get(&name) {
            Some(p) => p.clone(),
            None if ov.rpc_url.is_some() && ov.profile.is_none() => Profile::default(),
            None => return Err(unknown_profile(&name, config)),
        };
        let rpc_url = ov.rpc_url.clone().or(base.rpc_url.clone()).ok_or_else(|| {
            Error::usage(
                "config.no_rpc_url",
                format!("profile '{name}' has no rpc_url"),
            )
            .hint(format!(
                "run `cohort config set profiles.{name}.rpc_url URL` or pass --rpc-url"
            ))
        })?;
        // Explicit nodes win over an indexer; an override beats the profile.
        let (storage_nodes, indexer) = if !ov.storage_nodes.is_empty() {
            (ov.storage_nodes.clone(), None)
        } else if let Some(ix) = ov.indexer.clone().filter(|u| !u.is_empty()) {
            (Vec::new(), Some(ix))
        } else {
            (base.storage_nodes.clone(), base.indexer.clone())
        };
        let wallet = ov
            .wallet
            .clone()
            .or(base.wallet.clone())
            .or(config.default_wallet.clone());
        Ok(ResolvedProfile {
            name,
            rpc_url,
            chain_id: base.chain_id,
            storage_nodes,
            indexer,
            wallet,
            contracts: base.contracts,
        })
    }

    /// The address of a named contract, or an error telling how to deploy it.
    pub fn contract(&self, which: &str) -> Result<alloy::primitives::Address> {
        let s = self.contracts.slot(which).as_deref().ok_or_else(|| {
            Error::usage(
                "config.no_contract",
                format!("profile '{}' has no {which} contract address", self.name),
            )
            .hint("run `cohort deploy` (or `cohort devnet up` for the local devnet)")
        })?;
        s.parse().map_err(|_| {
            Error::usage(
                "config.bad_address",
                format!("contracts.{which} = '{s}' is not an address"),
            )
            .hint(format!(
                "set it with `cohort config set profiles.{}.contracts.{which} 0x…` (40 hex \
                 digits), or run `cohort deploy` again",
                self.name
            ))
        })
    }
}

/// `config get` and `config set`: one key and its value (`null` when unset).
#[derive(Debug, Clone, Serialize)]
pub struct KeyValue {
    pub key: String,
    pub value: Option<String>,
}

/// `config use`: the profile that is now the default.
#[derive(Debug, Clone, Serialize)]
pub struct DefaultProfile {
    pub default_profile: String,
}

/// `config add`: the profile written.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileAdded {
    pub added: String,
    pub profile: Profile,
}

/// `config remove`: the profile removed.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileRemoved {
    pub removed: String,
}

/// `deploy`: the addresses recorded in a profile.
#[derive(Debug, Clone, Serialize)]
pub struct Deployed {
    pub profile: String,
    pub chain_id: u64,
    pub contracts: Contracts,
    /// The profile's earlier contracts that had code on the chain and were replaced (absent
    /// when there were none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<Contracts>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn an_empty_profile_name_is_named_as_such() {
        let mut c = Config::default();
        c.set("profiles.a.rpc_url", "http://a").unwrap();
        let e = unknown_profile("", &c);
        assert_eq!(e.message, "the profile name is empty");
        let hint = e.hint.unwrap();
        assert!(
            hint.contains("known: a") && !hint.contains("config add `"),
            "{hint}"
        );
    }

    #[test]
    fn a_wallet_setting_takes_only_what_a_command_could_use() {
        let mut c = Config::default();
        // dev:N beyond the devnet's ten accounts names no account.
        for bad in [
            "bad/name",
            "../../../tmp/x",
            ".hidden",
            "a b",
            "dev:10",
            "dev:99",
        ] {
            for key in ["default_wallet", "profiles.p.wallet"] {
                let e = c.set(key, bad).unwrap_err();
                assert_eq!(e.code, "config.bad_value", "{key} = {bad}");
            }
        }
        c.set("default_wallet", "alice.2").unwrap();
        c.set("profiles.p.wallet", "dev:3").unwrap();
        c.set("profiles.p.wallet", "dev:0").unwrap();
        c.set("profiles.p.wallet", "dev:9").unwrap();
        c.set("default_wallet", "").unwrap();
        assert_eq!(c.default_wallet, None);
        assert_eq!(c.profiles["p"].wallet.as_deref(), Some("dev:9"));
    }

    #[test]
    fn saves_keep_what_other_writers_changed_since_this_one_loaded() {
        let t = tempfile::tempdir().unwrap();
        let paths = Paths::under(t.path());
        let mut c = Config::load(&paths).unwrap();
        c.set("profiles.a.rpc_url", "http://a").unwrap();
        c.set("profiles.gone.rpc_url", "http://g").unwrap();
        c.set("default_wallet", "w0").unwrap();
        c.save(&paths).unwrap();

        // Three commands load the same file, each changes something else, they save in turn.
        let mut one = Config::load(&paths).unwrap();
        let mut two = Config::load(&paths).unwrap();
        let mut three = Config::load(&paths).unwrap();
        one.set("profiles.x.rpc_url", "http://x").unwrap();
        one.set("default_wallet", "w1").unwrap();
        two.set("profiles.y.rpc_url", "http://y").unwrap();
        two.set("profiles.a.chain_id", "7").unwrap();
        two.set("default_wallet", "w2").unwrap();
        three.profiles.remove("gone");
        three.set("profiles.a.rpc_url", "").unwrap();
        one.save(&paths).unwrap();
        two.save(&paths).unwrap();
        three.save(&paths).unwrap();

        let now = Config::load(&paths).unwrap();
        assert_eq!(
            now.get("profiles.x.rpc_url").unwrap().as_deref(),
            Some("http://x")
        );
        assert_eq!(
            now.get("profiles.y.rpc_url").unwrap().as_deref(),
            Some("http://y")
        );
        // A leaf one changed and another cleared in the same table: both changes stay.
        assert_eq!(
            now.get("profiles.a.chain_id").unwrap().as_deref(),
            Some("7")
        );
        assert_eq!(now.get("profiles.a.rpc_url").unwrap(), None);
        assert!(!now.profiles.contains_key("gone"));
        // The same key: the last writer wins.
        assert_eq!(now.default_wallet.as_deref(), Some("w2"));

        // A second save of the same value writes only what changed since its first save.
        let mut four = Config::load(&paths).unwrap();
        four.set("profiles.z.rpc_url", "http://z").unwrap();
        four.save(&paths).unwrap();
        let mut five = Config::load(&paths).unwrap();
        five.set("default_wallet", "w5").unwrap();
        five.save(&paths).unwrap();
        four.set("profiles.z.chain_id", "9").unwrap();
        four.save(&paths).unwrap();
        let now = Config::load(&paths).unwrap();
        assert_eq!(now.default_wallet.as_deref(), Some("w5"));
        assert_eq!(
            now.get("profiles.z.chain_id").unwrap().as_deref(),
            Some("9")
        );
    }

    #[test]
    fn a_profile_another_writer_removed_comes_back_whole_when_this_one_changed_it() {
        let t = tempfile::tempdir().unwrap();
        let paths = Paths::under(t.path());
        let mut c = Config::load(&paths).unwrap();
        c.set("profiles.p.rpc_url", "http://p").unwrap();
        c.set("profiles.p.chain_id", "5").unwrap();
        c.save(&paths).unwrap();
        let mut remover = Config::load(&paths).unwrap();
        let mut editor = Config::load(&paths).unwrap();
        remover.profiles.remove("p");
        remover.save(&paths).unwrap();
        editor.set("profiles.p.wallet", "w").unwrap();
        editor.save(&paths).unwrap();
        let now = Config::load(&paths).unwrap();
        let p = now.profile("p").unwrap();
        assert_eq!(
            (p.rpc_url.as_deref(), p.chain_id, p.wallet.as_deref()),
            (Some("http://p"), Some(5), Some("w"))
        );
    }

    #[test]
    fn the_config_file_is_private_and_keeps_a_stricter_mode() {
        let t = tempfile::tempdir().unwrap();
        let paths = Paths::under(t.path());
        let mut c = Config::load(&paths).unwrap();
        c.set(
            "profiles.h.rpc_url",
            "https://h.example/v3/0123456789abcdef",
        )
        .unwrap();
        c.save(&paths).unwrap();
        assert_eq!(mode_of(&paths.config_file), 0o600);
        // A file an older cohort left world-readable is made private by the next save.
        std::fs::set_permissions(&paths.config_file, std::fs::Permissions::from_mode(0o644))
            .unwrap();
        c.set("default_wallet", "a").unwrap();
        c.save(&paths).unwrap();
        assert_eq!(mode_of(&paths.config_file), 0o600);
        // The user's read-only file stays read-only.
        std::fs::set_permissions(&paths.config_file, std::fs::Permissions::from_mode(0o400))
            .unwrap();
        c.set("default_wallet", "b").unwrap();
        c.save(&paths).unwrap();
        assert_eq!(mode_of(&paths.config_file), 0o400);
        assert_eq!(
            Config::load(&paths).unwrap().default_wallet.as_deref(),
            Some("b")
        );
    }

    #[test]
    fn a_save_removes_the_temporary_files_of_killed_writes() {
        let t = tempfile::tempdir().unwrap();
        let paths = Paths::under(t.path());
        // A process that surely ended: a child that was waited for.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        let stale = t.path().join(format!(".config.toml.tmp-{pid}-12345"));
        std::fs::write(&stale, "half").unwrap();
        let live = t
            .path()
            .join(format!(".config.toml.tmp-{}-1", std::process::id()));
        std::fs::write(&live, "in progress").unwrap();
        let mut c = Config::load(&paths).unwrap();
        c.set("default_wallet", "a").unwrap();
        c.save(&paths).unwrap();
        assert!(!stale.exists());
        assert!(live.exists(), "a running process's temporary file stays");
    }
}
