//! The OS keyring as an opt-in cache of wallet passwords (never of keys).
//!
//! `cohort wallet unlock NAME --remember` stores the password under service `cohort` and the
//! keystore file's path as the user (so two `COHORT_HOME`s never share entries), and leaves a
//! marker file `.NAME.keyring` beside the keystore. Only wallets with a marker are looked up, so
//! cohort never touches the keyring (nor makes a desktop ask to unlock it) unless asked to.
//! Reading errors (no Secret Service, locked store, headless machine) fall back quietly to the
//! next password source and are logged at debug level only.

use std::path::PathBuf;

use zeroize::Zeroizing;

use super::keystore;
use crate::config::Paths;
use crate::error::{Error, Result};

const SERVICE: &str = "cohort";

fn marker(paths: &Paths, name: &str) -> PathBuf {
    paths.keystores().join(format!(".{name}.keyring"))
}

fn entry(paths: &Paths, name: &str) -> std::result::Result<keyring::Entry, keyring::Error> {
    let p = keystore::path(paths, name);
    let p = std::path::absolute(&p).unwrap_or(p);
    keyring::Entry::new(SERVICE, &p.to_string_lossy())
}

/// Whether `wallet unlock NAME --remember` stored a password for this wallet.
pub fn is_remembered(paths: &Paths, name: &str) -> bool {
    marker(paths, name).is_file()
}

/// The remembered password, if there is one and the keyring answers.
pub fn get(paths: &Paths, name: &str) -> Option<Zeroizing<String>> {
    if !is_remembered(paths, name) {
        return None;
    }
    match entry(paths, name).and_then(|e| e.get_password()) {
        Ok(p) => Some(Zeroizing::new(p)),
        Err(e) => {
            tracing::debug!("OS keyring unavailable for wallet '{name}', falling back: {e}");
            None
        }
    }
}

/// Stores `password` for wallet `name`. Unlike reading, failing to store is an error: the user
/// asked for it.
pub fn remember(paths: &Paths, name: &str, password: &str) -> Result<()> {
    entry(paths, name)
        .and_then(|e| e.set_password(password))
        .map_err(|e| {
            Error::wallet(
                "wallet.keyring_unavailable",
                "the OS keyring is not available here",
            )
            .cause(e)
            .hint(format!(
                "on a headless machine use --password-file FILE or {} instead",
                crate::env::COHORT_PASSWORD_FILE
            ))
        })?;
    crate::fsutil::write_atomic(&marker(paths, name), b"", keystore::FILE_MODE)
}

/// Removes the remembered password of wallet `name`; says whether one was remembered.
/// Keyring errors are logged at debug level: the marker goes anyway, so cohort stops using it.
pub fn forget(paths: &Paths, name: &str) -> bool {
    let had = is_remembered(paths, name);
    if had {
        if let Err(e) = entry(paths, name).and_then(|e| e.delete_credential()) {
            tracing::debug!("could not delete the keyring entry of wallet '{name}': {e}");
        }
        let _ = std::fs::remove_file(marker(paths, name));
    }
    had
}
