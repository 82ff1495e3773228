//! `cohort deploy`: put the contract suite on the active profile's chain.

use alloy::primitives::Address;
use clap::Args;

use super::Ctx;
use super::opts::SignerOpts;
use crate::config::Config;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Keep the profile's existing flow and market (e.g. the public 0G network's) and deploy
    /// only cohort's own contracts. On the local devnet's profile this is what deploy does
    /// anyway: the devnet's storage nodes follow its flow.
    #[arg(long)]
    pub skip_storage: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl DeployArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let client = ctx.client()?;
        let chain = client.chain().await?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        // The devnet's storage nodes follow its flow: a new one would leave every upload
        // refused, so the devnet's flow and market stay (a new flow is `cohort devnet reset`).
        let skip_storage = self.skip_storage
            || match crate::devnet::followed_flow(&ctx.paths, &client.profile)? {
                Some(flow) => {
                    ctx.printer.note(&format!(
                        "kept the devnet's flow {flow} and its market: the devnet's storage nodes follow them (for a new flow, `cohort devnet reset`)"
                    ));
                    true
                }
                None => false,
            };
        let storage = if skip_storage {
            if self.skip_storage && client.profile.contracts.flow.is_none() {
                return Err(Error::usage(
                    "deploy.no_flow",
                    format!(
                        "--skip-storage keeps the profile's flow, but profile '{}' names none",
                        client.profile.name
                    ),
                )
                .hint(format!(
                    "drop --skip-storage to deploy a flow and market too, or set the flow to keep: cohort config set profiles.{}.contracts.flow 0x…",
                    client.profile.name
                )));
            }
            let flow: Address = client.profile.contract("flow")?;
            // 0G publishes only the flow: the market is the one it forwards fees to.
            let market: Address =
                crate::storage::flow::profile_market(&chain, &client.profile).await?;
            Some((flow, market))
        } else {
            None
        };
        // A suite already live on this chain is what the profile's jobs, datasets and tokens
        // live in: replacing its addresses hides them from every command, so it is confirmed.
        let old = &client.profile.contracts;
        let mut live = crate::config::Contracts::default();
        let mut named = Vec::new();
        for which in crate::config::Contracts::NAMES {
            if skip_storage && matches!(which, "flow" | "market") {
                continue;
            }
            let was = old.slot(which);
            let Some(a) = was.as_deref().and_then(|a| a.parse::<Address>().ok()) else {
                continue;
            };
            if chain.has_code(a).await? {
                *live.slot_mut(which) = was.clone();
                named.push(format!("{which} {a}"));
            }
        }
        if !named.is_empty() {
            let q = format!(
                "Profile '{}' already has contracts on chain {} ({}). A new suite replaces their \
                 addresses in the profile: the jobs, datasets and model tokens of the old one no \
                 longer show in any command. Deploy a new suite?",
                client.profile.name,
                chain.chain_id,
                named.join(", ")
            );
            if !ctx.printer.confirm(&q)? {
                return Err(Error::failed(
                    "deploy.cancelled",
                    format!(
                        "cancelled: profile '{}' keeps its contracts",
                        client.profile.name
                    ),
                ));
            }
        }
        let replaced = (!named.is_empty()).then_some(live);
        let progress = ctx.printer.progress();
        crate::error::on_interrupt(|| {
            Some("rerun the same `cohort deploy`: it continues with the contracts not deployed yet (those deployed are recorded)".to_string())
        });
        // Each contract is recorded as it lands: a rerun continues an interrupted deployment.
        let state = crate::deploy::state_path(&ctx.paths, &client.profile.name);
        let contracts =
            crate::deploy::deploy_suite_resumable(&s, storage, Some(&state), progress.as_ref())
                .await?;
        let mut cfg = Config::load(&ctx.paths)?;
        let name = client.profile.name.clone();
        let entry = cfg.profiles.get_mut(&name).ok_or_else(|| {
            Error::usage(
                "deploy.no_profile",
                format!("profile '{name}' does not exist to record the addresses"),
            )
            .hint(format!(
                "create it first: cohort config add {name} --rpc-url {}",
                client.profile.rpc_url
            ))
        })?;
        entry.contracts = contracts.clone();
        entry.chain_id = Some(chain.chain_id);
        cfg.save(&ctx.paths)?;
        let _ = std::fs::remove_file(&state);
        let deployed = crate::config::Deployed {
            profile: name.clone(),
            chain_id: chain.chain_id,
            contracts: contracts.clone(),
            replaced,
        };
        ctx.printer.result(&deployed, |d| {
            let mut rows = vec![("profile", name.clone())];
            rows.extend(
                crate::config::Contracts::NAMES
                    .map(|k| (k, contracts.slot(k).clone().unwrap_or_default())),
            );
            let mut out = crate::ui::table::pairs(&rows);
            if let Some(r) = &d.replaced {
                let was: Vec<String> = crate::config::Contracts::NAMES
                    .into_iter()
                    .filter_map(|k| r.slot(k).as_ref().map(|v| format!("{k} {v}")))
                    .collect();
                out.push_str(&format!("\nreplaced: {}", was.join(", ")));
            }
            out
        });
        Ok(())
    }
}
