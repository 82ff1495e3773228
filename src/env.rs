//! Every environment variable cohort reads, as a named constant. Each one also shows in `--help`.

/// Overrides every cohort path: config, keystores, devnet state, cache and tools live under it.
pub const COHORT_HOME: &str = "COHORT_HOME";
/// The profile to use (same as `--profile`).
pub const COHORT_PROFILE: &str = "COHORT_PROFILE";
/// The chain JSON-RPC URL (same as `--rpc-url`), overriding the profile's.
pub const COHORT_RPC_URL: &str = "COHORT_RPC_URL";
/// Storage node URLs, comma-separated (same as `--storage-node`), overriding the profile's.
pub const COHORT_STORAGE_NODES: &str = "COHORT_STORAGE_NODES";
/// The 0G indexer URL (same as `--indexer`), overriding the profile's.
pub const COHORT_INDEXER: &str = "COHORT_INDEXER";
/// Path to the anvil binary used by `cohort devnet`.
pub const COHORT_ANVIL: &str = "COHORT_ANVIL";
/// The wallet that signs transactions (same as `--wallet`).
pub const COHORT_WALLET: &str = "COHORT_WALLET";
/// A file holding the wallet password (same as `--password-file`).
pub const COHORT_PASSWORD_FILE: &str = "COHORT_PASSWORD_FILE";
/// The wallet password itself. Unsafe: other processes and shell history may see it.
pub const COHORT_PASSWORD: &str = "COHORT_PASSWORD";
/// Log filter for `-v` output (tracing's env-filter syntax), e.g. `cohort=debug`.
pub const COHORT_LOG: &str = "COHORT_LOG";
