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
        };
        ctx.printer.result(&deployed, |_| {
            crate::ui::table::pairs(&[
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
            ])
        });
        Ok(())
    }
}
