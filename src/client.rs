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
    /// The native coin's symbol on the profile's chain, for amounts people read (`ETH`, `0G`).
    pub fn native_symbol(&self) -> &'static str {
        crate::chain::tx::native_symbol(self.profile.chain_id.unwrap_or(0))
    }

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
