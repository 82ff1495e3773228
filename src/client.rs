//! The one place that builds a client from the active profile. Commands never read config
//! files themselves.

use crate::chain::Chain;
use crate::config::{Config, Overrides, Paths, ResolvedProfile};
use crate::error::Result;

/// Everything a command needs to reach the chain and storage of the active profile.
#[derive(Debug, Clone)]
pub struct Client {
    pub paths: Paths,
    pub profile: ResolvedProfile,
}

impl Client {
    /// Loads the config and resolves the active profile with the given overrides.
    pub fn load(paths: Paths, overrides: &Overrides) -> Result<Client> {
        let config = Config::load(&paths)?;
        let profile = ResolvedProfile::resolve(&config, overrides)?;
        Ok(Client { paths, profile })
    }

    /// Connects to the profile's chain (read-only) and checks its chain id.
    pub async fn chain(&self) -> Result<Chain> {
        Chain::connect(&self.profile.rpc_url, self.profile.chain_id).await
    }
}
