//! Option groups shared by many commands, flattened into their args structs.

use std::path::PathBuf;

use clap::Args;

use crate::env;
use crate::ui::{ColorChoice, Printer, ProgressMode};

/// Flags every command takes: listed under their own heading in every `--help`, after the
/// command's own options.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile to use (default: the config's default_profile, else `local`).
    #[arg(long, global = true, env = env::COHORT_PROFILE, value_name = "NAME")]
    pub profile: Option<String>,
    /// Print the result as one JSON document on stdout; errors as JSON on stderr.
    #[arg(long, global = true)]
    pub json: bool,
    /// Print only results and errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More log output on stderr (-v, -vv, -vvv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// No progress output (same as --progress none).
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr.
    #[arg(long, global = true, value_enum, default_value_t = ProgressMode::Auto, value_name = "MODE")]
    pub progress: ProgressMode,
    /// Never prompt: answer yes to confirmations.
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// When to color output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Chain JSON-RPC URL, overriding the profile's.
    #[arg(long, global = true, env = env::COHORT_RPC_URL, value_name = "URL")]
    pub rpc_url: Option<String>,
    /// Storage node URL, overriding the profile's (repeatable; env: comma-separated).
    #[arg(long = "storage-node", global = true, env = env::COHORT_STORAGE_NODES, value_delimiter = ',', value_name = "URL")]
    pub storage_nodes: Vec<String>,
    /// 0G indexer URL that finds the storage nodes, overriding the profile's (explicit storage
    /// nodes win over it).
    #[arg(long, global = true, env = env::COHORT_INDEXER, value_name = "URL")]
    pub indexer: Option<String>,
    /// Wallet that signs, for the commands that sign (also accepted after the subcommand;
    /// commands that only read ignore it).
    #[arg(long = "wallet", id = "wallet", global = true, value_name = "NAME")]
    pub wallet: Option<String>,
    /// File holding the wallet's password (also accepted after the subcommand).
    #[arg(
        long = "password-file",
        id = "password_file",
        global = true,
        value_name = "FILE"
    )]
    pub password_file: Option<PathBuf>,
}

impl GlobalArgs {
    pub fn printer(&self) -> Printer {
        let progress = if self.no_progress {
            ProgressMode::None
        } else {
            self.progress
        };
        Printer::new(
            self.json,
            self.quiet,
            self.verbose,
            self.yes,
            progress,
            self.color,
        )
    }
}

/// Which wallet signs: shared by every command that writes to the chain.
#[derive(Debug, Clone, Default, Args)]
pub struct SignerOpts {
    /// Wallet that signs (`dev:N` is anvil's dev account N on the local devnet).
    #[arg(long, env = env::COHORT_WALLET, value_name = "NAME")]
    pub wallet: Option<String>,
    /// File holding the wallet's password.
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Sign with a raw private key read from this environment variable instead of a wallet.
    #[arg(long, value_name = "VAR")]
    pub private_key_env: Option<String>,
}

impl SignerOpts {
    pub fn source(&self) -> crate::wallet::SignerSource {
        crate::wallet::SignerSource {
            wallet: self.wallet.clone(),
            password_file: self.password_file.clone(),
            private_key_env: self.private_key_env.clone(),
        }
    }
}
