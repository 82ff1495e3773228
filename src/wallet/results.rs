//! What the wallet commands print with `--json`: one named type per result.

use std::path::PathBuf;

use alloy::primitives::Address;
use serde::Serialize;

use crate::fsutil::lossy;

/// `wallet create` and `wallet import`: the wallet written and where its recovery phrase went.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    #[serde(flatten)]
    pub saved: super::Saved,
    /// Where the recovery phrase was written (mode 0600), when `--mnemonic-file` was given.
    #[serde(serialize_with = "lossy::option")]
    pub mnemonic_file: Option<PathBuf>,
}

/// `wallet rename`: the wallet under its new name.
#[derive(Debug, Clone, Serialize)]
pub struct Renamed {
    #[serde(flatten)]
    pub saved: super::Saved,
    /// This run finished a rename that an earlier, interrupted run of the same command had
    /// begun (the keystore had moved, the config or keyring not yet). Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// `wallet lock`: whether a remembered password was forgotten.
#[derive(Debug, Clone, Serialize)]
pub struct Locked {
    pub name: String,
    pub forgotten: bool,
}

/// `wallet unlock`: the password is right; whether it is now remembered in the OS keyring.
#[derive(Debug, Clone, Serialize)]
pub struct Unlocked {
    pub name: String,
    pub address: Address,
    pub remembered: bool,
}

/// `wallet default`: the wallet that now signs, on one profile or everywhere.
#[derive(Debug, Clone, Serialize)]
pub struct DefaultWallet {
    pub default_wallet: String,
    pub profile: Option<String>,
}

/// `wallet remove`: the wallet removed and its keystore file.
#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    pub removed: String,
    #[serde(serialize_with = "lossy::path")]
    pub keystore: PathBuf,
}

/// `wallet change-password`: the keystore re-encrypted.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordChanged {
    pub name: String,
    pub address: Address,
    #[serde(serialize_with = "lossy::path")]
    pub keystore: PathBuf,
}

/// `wallet export --keystore FILE`: the encrypted copy written.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub name: String,
    #[serde(serialize_with = "lossy::path")]
    pub keystore: PathBuf,
}

/// `wallet sign`: the EIP-191 signature of a message.
#[derive(Debug, Clone, Serialize)]
pub struct Signed {
    pub address: Address,
    /// 65 bytes, 0x-prefixed hex.
    pub signature: String,
}

/// `wallet verify`: who signed the message.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub address: Address,
    pub valid: bool,
}
