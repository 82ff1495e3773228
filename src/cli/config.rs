//! `cohort config`: show and edit profiles and settings.

use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::config::{self, Config, Profile};
use crate::error::{Error, Result};
use crate::ui::table;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show the active profile with every override applied, and where the files are.
    ///
    /// Example: cohort config show --json
    Show,
    /// Print one setting.
    ///
    /// Example: cohort config get profiles.local.rpc_url
    Get { key: String },
    /// Change one setting (an empty value clears it; lists are comma-separated).
    ///
    /// Example: cohort config set profiles.galileo.rpc_url https://evmrpc-testnet.0g.ai
    Set { key: String, value: String },
    /// List the profiles, marking the active one.
    ///
    /// Example: cohort config profiles --json
    Profiles,
    /// Make NAME the default profile.
    ///
    /// Example: cohort config use galileo
    Use { name: String },
    /// Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints
    ///
    /// With --preset: the network's chain id, RPC endpoint, flow contract and indexer; flags
    /// given beside it override the preset's. Otherwise the chain from --rpc-url and the nodes
    /// from --storage-node or --indexer (fill in the rest with `config set profiles.NAME.KEY
    /// VALUE`).
    ///
    /// Examples:
    ///   cohort config add galileo --preset galileo
    ///   cohort config add zg --rpc-url https://evmrpc-testnet.0g.ai --chain-id 16602 --indexer https://indexer-storage-testnet-turbo.0g.ai
    #[command(verbatim_doc_comment)]
    Add {
        name: String,
        /// Chain id of the new profile (checked whenever cohort connects).
        #[arg(long)]
        chain_id: Option<u64>,
        /// Start from a public network's settings: chain id, RPC, flow contract and indexer
        /// (`cohort config profiles` lists the presets).
        #[arg(long, value_name = "PRESET")]
        preset: Option<String>,
    },
    /// Remove profile NAME.
    ///
    /// Asks first when NAME is the default profile or names contracts (--yes skips the
    /// question).
    ///
    /// Example: cohort config remove galileo --yes
    Remove { name: String },
}

#[derive(Serialize)]
struct ShowOut {
    config_file: String,
    data_dir: String,
    /// The resolved profile, its rpc_url null while unset.
    profile: serde_json::Value,
    #[serde(skip)]
    resolved: crate::config::ResolvedProfile,
    #[serde(skip)]
    rpc_url: Option<String>,
}

#[derive(Serialize)]
struct ProfileRow {
    name: String,
    active: bool,
    rpc_url: Option<String>,
    chain_id: Option<u64>,
    /// The profile's storage node URLs, as `profiles.NAME.storage_nodes` holds them.
    storage_nodes: Vec<String>,
    indexer: Option<String>,
    /// Whether this row is a built-in preset (`config add NAME --preset PRESET`), not a profile.
    preset: bool,
}

impl ConfigCommand {
    pub fn run(self, ctx: &Ctx) -> Result<()> {
        let mut cfg = Config::load(&ctx.paths)?;
        match self {
            ConfigCommand::Show => show(ctx, &mut cfg),
            ConfigCommand::Get { key } => get(ctx, &mut cfg, key),
            ConfigCommand::Set { key, value } => set(ctx, &mut cfg, key, value),
            ConfigCommand::Profiles => profiles(ctx, &mut cfg),
            ConfigCommand::Use { name } => use_profile(ctx, &mut cfg, name),
            ConfigCommand::Add {
                name,
                chain_id,
                preset,
            } => add(ctx, &mut cfg, name, chain_id, preset),
            ConfigCommand::Remove { name } => remove(ctx, &mut cfg, name),
        }
    }
}

fn show(ctx: &Ctx, _cfg: &mut Config) -> Result<()> {
    let p = &ctx.printer;
    let paths = &ctx.paths;
    // A profile still being filled in (`config add NAME`, then `config set`) is shown with
    // its rpc_url unset; every other command refuses it.
    let (profile, rpc_url) = match ctx.client() {
        Ok(client) => {
            let url = client.profile.rpc_url.clone();
            (client.profile, Some(url))
        }
        Err(e) if e.code == "config.no_rpc_url" => {
            let ov = crate::config::Overrides {
                rpc_url: Some(String::new()),
                ..ctx.overrides()
            };
            let cfg = Config::load(paths)?;
            (crate::config::ResolvedProfile::resolve(&cfg, &ov)?, None)
        }
        Err(e) => return Err(e),
    };
    let out = ShowOut {
        config_file: paths.config_file.display().to_string(),
        data_dir: paths.data_dir.display().to_string(),
        profile: {
            let mut v = serde_json::to_value(&profile).expect("a profile serializes");
            v["rpc_url"] = serde_json::json!(rpc_url);
            v
        },
        resolved: profile,
        rpc_url,
    };
    p.result(&out, |o| {
        let c = &o.resolved.contracts;
        let na = || "-".to_string();
        // Addresses in text are EIP-55 checksummed, however config.toml holds them.
        let addr = |a: &Option<String>| a.as_deref().map_or_else(na, super::checksummed);
        let name = &o.resolved.name;
        table::pairs(&[
            ("profile", name.clone()),
            // Credentials in URLs are masked on screen (people paste this
            // view into bug reports); --json and `config get` keep them.
            (
                "rpc_url",
                o.rpc_url.as_deref().map_or_else(
                    || format!("(unset: `cohort config set profiles.{name}.rpc_url URL`)"),
                    crate::redact::url,
                ),
            ),
            (
                "chain_id",
                o.resolved
                    .chain_id
                    .map(|c| c.to_string())
                    .unwrap_or_else(na),
            ),
            (
                "storage_nodes",
                o.resolved
                    .storage_nodes
                    .iter()
                    .map(|u| crate::redact::url(u))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                "indexer",
                o.resolved
                    .indexer
                    .as_deref()
                    .map(crate::redact::url)
                    .unwrap_or_else(na),
            ),
            ("wallet", o.resolved.wallet.clone().unwrap_or_else(na)),
            ("flow", addr(&c.flow)),
            ("market", addr(&c.market)),
            ("dataset_registry", addr(&c.dataset_registry)),
            ("job_market", addr(&c.job_market)),
            ("model_token_factory", addr(&c.model_token_factory)),
            ("usage_ledger", addr(&c.usage_ledger)),
            ("config_file", o.config_file.clone()),
            ("data_dir", o.data_dir.clone()),
        ])
    });
    Ok(())
}

fn get(ctx: &Ctx, cfg: &mut Config, key: String) -> Result<()> {
    let p = &ctx.printer;
    let v = cfg.get(&key)?;
    p.result(&config::KeyValue { key, value: v }, |v| {
        v.value.clone().unwrap_or_default()
    });
    Ok(())
}

fn set(ctx: &Ctx, cfg: &mut Config, key: String, value: String) -> Result<()> {
    let p = &ctx.printer;
    let paths = &ctx.paths;
    cfg.set(&key, &value)?;
    config::check_wallet_exists(paths, &key, &value)?;
    cfg.save(paths)?;
    p.result(
        &config::KeyValue {
            key: key.clone(),
            value: Some(value.clone()),
        },
        |_| format!("{key} = {value}"),
    );
    Ok(())
}

fn profiles(ctx: &Ctx, cfg: &mut Config) -> Result<()> {
    let p = &ctx.printer;
    let active = cfg.active_name(ctx.global.profile.as_deref());
    let rows: Vec<ProfileRow> = cfg
        .profiles
        .iter()
        .map(|(n, pr)| ProfileRow {
            name: n.clone(),
            active: *n == active,
            rpc_url: pr.rpc_url.clone(),
            chain_id: pr.chain_id,
            storage_nodes: pr.storage_nodes.clone(),
            indexer: pr.indexer.clone(),
            preset: false,
        })
        .chain(config::PRESETS.iter().map(|pr| ProfileRow {
            name: pr.name.to_string(),
            active: false,
            rpc_url: Some(pr.rpc_url.to_string()),
            chain_id: Some(pr.chain_id),
            storage_nodes: vec![],
            indexer: Some(pr.indexer.to_string()),
            preset: true,
        }))
        .collect();
    p.result(&rows, |rows| {
        let row = |r: &ProfileRow| {
            vec![
                if r.active {
                    "*".to_string()
                } else {
                    String::new()
                },
                r.name.clone(),
                crate::redact::url(r.rpc_url.as_deref().unwrap_or_default()),
                r.chain_id.map(|c| c.to_string()).unwrap_or_default(),
                if !r.storage_nodes.is_empty() {
                    let n = r.storage_nodes.len();
                    format!("{n} node{}", if n == 1 { "" } else { "s" })
                } else {
                    r.indexer
                        .as_deref()
                        .map(crate::redact::url)
                        .unwrap_or_default()
                },
            ]
        };
        let head = ["", "NAME", "RPC URL", "CHAIN ID", "NODES / INDEXER"];
        let profiles: Vec<&ProfileRow> = rows.iter().filter(|r| !r.preset).collect();
        let mut out = if profiles.is_empty() {
            "no profiles yet; run `cohort devnet up` or `cohort config add NAME`".to_string()
        } else {
            table::render(&head, profiles.iter().map(|r| row(r)))
        };
        out.push_str("\n\npresets (add one with `cohort config add NAME --preset PRESET`):\n");
        out.push_str(&table::render(
            &head,
            rows.iter().filter(|r| r.preset).map(row),
        ));
        out
    });
    Ok(())
}

fn use_profile(ctx: &Ctx, cfg: &mut Config, name: String) -> Result<()> {
    let p = &ctx.printer;
    let paths = &ctx.paths;
    cfg.profile(&name)?;
    cfg.default_profile = Some(name.clone());
    cfg.save(paths)?;
    p.result(
        &config::DefaultProfile {
            default_profile: name.clone(),
        },
        |_| format!("default profile is now '{name}'"),
    );
    Ok(())
}

fn add(
    ctx: &Ctx,
    cfg: &mut Config,
    name: String,
    chain_id: Option<u64>,
    preset: Option<String>,
) -> Result<()> {
    let p = &ctx.printer;
    let paths = &ctx.paths;
    let base = match &preset {
        Some(p) => config::Preset::named(p)?.profile(),
        None => Profile::default(),
    };
    let rpc_url = ctx.global.rpc_url.clone().or(base.rpc_url.clone());
    let nodes = ctx.global.storage_nodes.clone();
    let indexer = ctx.global.indexer.clone().or(base.indexer.clone());
    if cfg.profiles.contains_key(&name) {
        return Err(Error::usage(
            "config.profile_exists",
            format!("profile '{name}' already exists"),
        )
        .hint(format!(
            "edit it with `cohort config set profiles.{name}.KEY VALUE`"
        )));
    }
    let profile = Profile {
        rpc_url,
        chain_id: chain_id.or(base.chain_id),
        storage_nodes: nodes,
        indexer,
        ..base
    };
    // The checks of `config set`, before anything is written.
    config::check_profile(&name, &profile, cfg)?;
    cfg.profiles.insert(name.clone(), profile.clone());
    cfg.save(paths)?;
    p.result(
        &config::ProfileAdded {
            added: name.clone(),
            profile,
        },
        |_| format!("added profile '{name}'"),
    );
    Ok(())
}

fn remove(ctx: &Ctx, cfg: &mut Config, name: String) -> Result<()> {
    let p = &ctx.printer;
    let paths = &ctx.paths;
    let profile = cfg.profile(&name)?;
    // The default profile, or one that names contracts, is asked about: without its addresses
    // what lives on that chain no longer shows in any command.
    let contracts: Vec<String> = config::Contracts::NAMES
        .iter()
        .filter_map(|c| {
            profile
                .contracts
                .slot(c)
                .as_ref()
                .map(|a| format!("{c} {}", super::checksummed(a)))
        })
        .collect();
    let default = cfg.active_name(None) == name;
    if default || !contracts.is_empty() {
        let mut what = Vec::new();
        if default {
            what.push("is the default profile".to_string());
        }
        if !contracts.is_empty() {
            what.push(format!(
                "holds the addresses of its contracts ({}): the jobs, datasets and model tokens \
                 there no longer show in any command",
                contracts.join(", ")
            ));
        }
        let mut q = format!("Profile '{name}' {}.", what.join(" and "));
        if name == config::LOCAL_PROFILE {
            q.push_str(" (`cohort devnet up` writes it back while the devnet runs.)");
        }
        q.push_str(" Remove it?");
        if !p.confirm(&q)? {
            return Err(Error::failed(
                "config.cancelled",
                format!("cancelled: profile '{name}' was kept"),
            )
            .hint(format!(
                "run `cohort config remove {name} --yes` to remove it without the question"
            )));
        }
    }
    cfg.profiles.remove(&name);
    if cfg.default_profile.as_deref() == Some(&name) {
        cfg.default_profile = None;
    }
    cfg.save(paths)?;
    p.result(
        &config::ProfileRemoved {
            removed: name.clone(),
        },
        |_| format!("removed profile '{name}'"),
    );
    Ok(())
}
