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
    /// only cohort's own contracts.
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
        let storage = if self.skip_storage {
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
        let slots: [(&str, &Option<String>, &mut Option<String>); 6] = [
            ("flow", &old.flow, &mut live.flow),
            ("market", &old.market, &mut live.market),
            (
                "dataset_registry",
                &old.dataset_registry,
                &mut live.dataset_registry,
            ),
            ("job_market", &old.job_market, &mut live.job_market),
            (
                "model_token_factory",
                &old.model_token_factory,
                &mut live.model_token_factory,
            ),
            ("usage_ledger", &old.usage_ledger, &mut live.usage_ledger),
        ];
        let mut named = Vec::new();
        for (which, was, slot) in slots {
            if self.skip_storage && matches!(which, "flow" | "market") {
                continue;
            }
            let Some(a) = was.as_deref().and_then(|a| a.parse::<Address>().ok()) else {
                continue;
            };
            if chain.has_code(a).await? {
                *slot = was.clone();
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
        let contracts = crate::deploy::deploy_suite(&s, storage, progress.as_ref()).await?;
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
        let deployed = crate::config::Deployed {
            profile: name.clone(),
            chain_id: chain.chain_id,
            contracts: contracts.clone(),
            replaced,
        };
        ctx.printer.result(&deployed, |d| {
            let mut out = crate::ui::table::pairs(&[
                ("profile", name.clone()),
                ("flow", contracts.flow.clone().unwrap_or_default()),
                ("market", contracts.market.clone().unwrap_or_default()),
                (
                    "dataset_registry",
                    contracts.dataset_registry.clone().unwrap_or_default(),
                ),
                (
                    "job_market",
                    contracts.job_market.clone().unwrap_or_default(),
                ),
                (
                    "model_token_factory",
                    contracts.model_token_factory.clone().unwrap_or_default(),
                ),
                (
                    "usage_ledger",
                    contracts.usage_ledger.clone().unwrap_or_default(),
                ),
            ]);
            if let Some(r) = &d.replaced {
                let was: Vec<String> = [
                    ("flow", &r.flow),
                    ("market", &r.market),
                    ("dataset_registry", &r.dataset_registry),
                    ("job_market", &r.job_market),
                    ("model_token_factory", &r.model_token_factory),
                    ("usage_ledger", &r.usage_ledger),
                ]
                .into_iter()
                .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
                .collect();
                out.push_str(&format!("\nreplaced: {}", was.join(", ")));
            }
            out
        });
        Ok(())
    }
}
