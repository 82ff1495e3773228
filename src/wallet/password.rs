//! Where wallet passwords come from, in this order:
//!
//! 1. `--password-file FILE` (env `COHORT_PASSWORD_FILE`): the file's content, without one
//!    trailing newline;
//! 2. env `COHORT_PASSWORD`: unsafe, since other processes and shell history may see it;
//! 3. the OS keyring, only for wallets unlocked with `cohort wallet unlock NAME --remember`;
//! 4. a hidden prompt, only when there is a terminal;
//!
//! otherwise an error that names these options: exit 2, like every command that needs a
//! terminal and has none (README "Scripting").

use std::io::IsTerminal;
use std::path::Path;

use alloy::signers::local::PrivateKeySigner;
use zeroize::Zeroizing;

use super::keyring;
use super::keystore::{self, Decrypted};
use crate::config::Paths;
use crate::env;
use crate::error::{Error, Result};

/// Where a password came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    File,
    Env,
    Keyring,
    Prompt,
}

/// Reads a password file: its content without one trailing `\n` or `\r\n`.
pub fn read_password_file(path: &Path) -> Result<Zeroizing<String>> {
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| {
        Error::wallet(
            "wallet.password_file",
            format!("cannot read the password file {}: {e}", path.display()),
        )
        .hint("check the path given to --password-file or COHORT_PASSWORD_FILE")
    })?);
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::wallet(
            "wallet.password_file",
            format!("the password file {} is not UTF-8 text", path.display()),
        )
    })?;
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    Ok(Zeroizing::new(text.to_string()))
}

fn env_password() -> Option<Zeroizing<String>> {
    std::env::var(env::COHORT_PASSWORD).ok().map(Zeroizing::new)
}

/// Whether a hidden prompt can be shown.
pub fn has_terminal() -> bool {
    std::io::stdin().is_terminal() || std::io::stderr().is_terminal()
}

fn prompt(text: &str) -> Result<Zeroizing<String>> {
    rpassword::prompt_password(text)
        .map(Zeroizing::new)
        .map_err(|e| {
            Error::wallet(
                "wallet.prompt",
                format!("cannot read a password from the terminal: {e}"),
            )
        })
}

fn no_password(name: &str) -> Error {
    Error::usage("wallet.no_password", format!("no password for wallet '{name}', and no terminal to ask on"))
        .hint(format!(
            "pass --password-file FILE (or set {}), set {} (unsafe: visible to other processes), \
             or run `cohort wallet unlock {name} --remember` on a desktop to keep it in the OS keyring",
            env::COHORT_PASSWORD_FILE,
            env::COHORT_PASSWORD
        ))
}

/// Unlocks wallet `name` with the first password source that has one. A wrong password from a
/// file or the environment is exit 6 (the keystore is untouched); a stale keyring password is
/// forgotten and the next source is tried; a terminal gets three tries.
pub fn unlock(
    paths: &Paths,
    name: &str,
    password_file: Option<&Path>,
) -> Result<(PrivateKeySigner, Zeroizing<String>, Origin)> {
    keystore::existing(paths, name)?;
    let given = match password_file {
        Some(f) => Some((read_password_file(f)?, Origin::File)),
        None => env_password().map(|p| (p, Origin::Env)),
    };
    if let Some((pw, origin)) = given {
        return match keystore::decrypt_wallet(paths, name, pw.as_bytes())? {
            Decrypted::Ok(s) => Ok((s, pw, origin)),
            Decrypted::WrongPassword => Err(keystore::wrong_password(name)),
        };
    }
    if let Some(pw) = keyring::get(paths, name) {
        match keystore::decrypt_wallet(paths, name, pw.as_bytes())? {
            Decrypted::Ok(s) => return Ok((s, pw, Origin::Keyring)),
            Decrypted::WrongPassword => {
                tracing::debug!(
                    "the keyring's password for wallet '{name}' is stale; forgetting it"
                );
                keyring::forget(paths, name);
            }
        }
    }
    if !has_terminal() {
        return Err(no_password(name));
    }
    for _ in 0..3 {
        let pw = prompt(&format!("Password for wallet '{name}': "))?;
        match keystore::decrypt_wallet(paths, name, pw.as_bytes())? {
            Decrypted::Ok(s) => return Ok((s, pw, Origin::Prompt)),
            Decrypted::WrongPassword => continue,
        }
    }
    Err(keystore::wrong_password(name))
}

/// The password of a keystore being imported (`what` names it in the prompt and errors):
/// file, environment, prompt.
pub fn existing_password(password_file: Option<&Path>, what: &str) -> Result<Zeroizing<String>> {
    if let Some(f) = password_file {
        return read_password_file(f);
    }
    if let Some(p) = env_password() {
        return Ok(p);
    }
    if !has_terminal() {
        return Err(Error::usage(
            "wallet.no_password",
            format!("no password for {what}, and no terminal to ask on"),
        )
        .hint(format!(
            "pass --password-file FILE (or set {}), or set {} (unsafe)",
            env::COHORT_PASSWORD_FILE,
            env::COHORT_PASSWORD
        )));
    }
    prompt(&format!("Password of {what}: "))
}

/// A new password (for `new`, `import`, `change-password`): from the file, else (unless
/// `allow_env` is false) `COHORT_PASSWORD`, else asked twice on the terminal. Empty passwords
/// are refused.
pub fn new_password(
    password_file: Option<&Path>,
    allow_env: bool,
    what: &str,
    file_flag: &str,
) -> Result<Zeroizing<String>> {
    let pw = if let Some(f) = password_file {
        read_password_file(f)?
    } else if let Some(p) = env_password().filter(|_| allow_env) {
        p
    } else if has_terminal() {
        let a = prompt(&format!("New password for {what}: "))?;
        let b = prompt("Repeat the password: ")?;
        if a != b {
            return Err(
                Error::wallet("wallet.password_mismatch", "the two passwords differ")
                    .hint("run the command again and type the same password twice"),
            );
        }
        a
    } else {
        let env_hint = if allow_env {
            format!(
                ", or set {} (unsafe: visible to other processes)",
                env::COHORT_PASSWORD
            )
        } else {
            String::new()
        };
        return Err(Error::usage(
            "wallet.no_password",
            format!("no new password for {what}, and no terminal to ask on"),
        )
        .hint(format!("pass {file_flag} FILE{env_hint}")));
    };
    if pw.is_empty() {
        return Err(
            Error::wallet("wallet.empty_password", "the new password is empty").hint(
                "choose a non-empty password: anyone who gets the keystore file could use the key",
            ),
        );
    }
    Ok(pw)
}
