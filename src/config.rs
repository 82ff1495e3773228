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
        toml::from_str(&text).map_err(|e| {
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

    /// Writes the config file atomically.
    pub fn save(&self, paths: &Paths) -> Result<()> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| Error::failed("config.serialize", e.to_string()))?;
        fsutil::write_atomic(&paths.config_file, text.as_bytes(), 0o644)
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
                        *p.contracts.slot_mut(c) = opt(value);
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
        ["profiles", _, "contracts", _] if value.parse::<alloy::primitives::Address>().is_err() => {
            bad(
                "an address",
                "use the contract's 0x address (40 hex digits)",
            )
        }
        _ => Ok(()),
    }
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
        "run `cohort config show` or see README.md \"Configuration keys\" for the keys".to_string()
    };
    Err(Error::usage("config.unknown_key", format!("unknown config key '{key}'")).hint(hint))
}

pub fn unknown_profile(name: &str, config: &Config) -> Error {
    let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
    let hint = if name == LOCAL_PROFILE {
        "run `cohort devnet up` to create the local profile".to_string()
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
