//! Wallets: which key signs a transaction. Encrypted keystores (Web3 Secret Storage v3, see
//! [`keystore`]), password sources ([`password`]) and the OS keyring as an opt-in password
//! cache ([`keyring`]). Keys only: sending, amounts and balances are in [`crate::chain`].

pub mod keyring;
pub mod keystore;
pub mod password;
pub mod results;

use std::path::{Path, PathBuf};

use alloy::primitives::{Address, Signature, U256};
use alloy::signers::SignerSync;
use alloy::signers::local::coins_bip39::{English, Mnemonic};
use alloy::signers::local::{MnemonicBuilder, PrivateKeySigner};
use zeroize::Zeroizing;

use crate::config::{Config, LOCAL_PROFILE, Paths, ResolvedProfile};
use crate::error::{Error, Result};

/// Where the signing key comes from, as the flags and env vars gave it.
#[derive(Debug, Clone, Default)]
pub struct SignerSource {
    /// `--wallet NAME` or `dev:N` (env `COHORT_WALLET`); else the profile's wallet.
    pub wallet: Option<String>,
    /// `--password-file` (env `COHORT_PASSWORD_FILE`).
    pub password_file: Option<std::path::PathBuf>,
    /// `--private-key-env VAR`: read a raw private key from that environment variable.
    pub private_key_env: Option<String>,
}

/// Parses `dev:N` into N.
pub fn parse_dev_wallet(name: &str) -> Option<u32> {
    name.strip_prefix("dev:").and_then(|n| n.parse().ok())
}

/// The wallet name the source or the profile selects.
pub fn selected_name(profile: &ResolvedProfile, src: &SignerSource) -> Result<String> {
    src.wallet
        .clone()
        .or(profile.wallet.clone())
        .ok_or_else(|| {
            Error::wallet("wallet.none", "no wallet selected")
                .hint("pass --wallet NAME, set COHORT_WALLET, or run `cohort wallet default NAME`")
        })
}

fn dev_index(profile: &ResolvedProfile, name: &str) -> Result<Option<u32>> {
    let Some(index) = parse_dev_wallet(name) else {
        return Ok(None);
    };
    if profile.name != LOCAL_PROFILE && profile.chain_id != Some(crate::devnet::CHAIN_ID) {
        return Err(Error::wallet(
            "wallet.dev_not_local",
            format!("'{name}' is an anvil dev account and only works on the local devnet"),
        )
        .hint("use one of your own wallets: `cohort wallet list`"));
    }
    Ok(Some(index))
}

fn key_from_env(var: &str) -> Result<PrivateKeySigner> {
    let key = Zeroizing::new(std::env::var(var).map_err(|_| {
        Error::wallet(
            "wallet.no_key_env",
            format!("environment variable {var} is not set"),
        )
        .hint(format!("export {var}=<hex private key>, or use --wallet"))
    })?);
    parse_private_key(&key).map_err(|_| {
        Error::wallet(
            "wallet.bad_key",
            format!("{var} does not hold a valid private key"),
        )
        .hint("a private key is 32 bytes of hex, with or without 0x")
    })
}

/// Loads the signer for a write command: `--private-key-env`, `dev:N` on the local devnet, or
/// a keystore wallet unlocked with the first password source that has one.
pub fn load_signer(
    paths: &Paths,
    profile: &ResolvedProfile,
    src: &SignerSource,
) -> Result<PrivateKeySigner> {
    if let Some(var) = &src.private_key_env {
        return key_from_env(var);
    }
    let name = selected_name(profile, src)?;
    if let Some(index) = dev_index(profile, &name)? {
        return crate::devnet::dev_signer(index);
    }
    keystore::validate_name(&name).map_err(|_| keystore::unknown(&name))?;
    let (signer, _, _) = password::unlock(paths, &name, src.password_file.as_deref())?;
    Ok(signer)
}

/// The address the source or the profile selects, without unlocking anything.
pub fn signer_address(
    paths: &Paths,
    profile: &ResolvedProfile,
    src: &SignerSource,
) -> Result<Address> {
    if let Some(var) = &src.private_key_env {
        return Ok(key_from_env(var)?.address());
    }
    let name = selected_name(profile, src)?;
    if let Some(index) = dev_index(profile, &name)? {
        return Ok(crate::devnet::dev_signer(index)?.address());
    }
    keystore::address_of(paths, &name)
}

/// Resolves `NAME|ADDRESS|dev:N` to an address (a wallet's without unlocking it).
pub fn resolve_address(paths: &Paths, profile: &ResolvedProfile, who: &str) -> Result<Address> {
    if who.starts_with("0x") || who.starts_with("0X") {
        return who.parse().map_err(|_| {
            Error::usage(
                "wallet.bad_address",
                format!("'{who}' is not a valid address"),
            )
            .hint("an address is 0x followed by 40 hex digits")
        });
    }
    if let Some(index) = dev_index(profile, who)? {
        return Ok(crate::devnet::dev_signer(index)?.address());
    }
    keystore::address_of(paths, who)
}

/// Parses a hex private key (with or without `0x`, surrounding whitespace ignored). The error
/// never repeats the input.
pub fn parse_private_key(text: &str) -> Result<PrivateKeySigner> {
    let t = text.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    let bad = || {
        Error::usage("wallet.bad_key", "not a valid private key")
            .hint("a private key is 64 hex digits (32 bytes), with or without 0x")
    };
    if t.len() != 64 {
        return Err(bad());
    }
    let mut bytes = Zeroizing::new([0u8; 32]);
    hex::decode_to_slice(t, bytes.as_mut_slice()).map_err(|_| bad())?;
    PrivateKeySigner::from_slice(bytes.as_slice()).map_err(|_| bad())
}

/// Derives the key at `m/44'/60'/0'/0/index` from a BIP-39 phrase (English word list).
pub fn signer_from_mnemonic(phrase: &str, index: u32) -> Result<PrivateKeySigner> {
    let phrase = Zeroizing::new(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
    MnemonicBuilder::<English>::default()
        .phrase(phrase.as_str())
        .index(index)
        .and_then(|b| b.build())
        .map_err(|_| {
            Error::usage("wallet.bad_mnemonic", "not a valid BIP-39 recovery phrase")
                .hint("a phrase is 12, 15, 18, 21 or 24 words from the English BIP-39 word list")
        })
}

/// A freshly generated BIP-39 phrase of `words` words (12 or 24).
pub fn generate_mnemonic(words: usize) -> Result<Zeroizing<String>> {
    let m = Mnemonic::<English>::new_with_count(&mut keystore::OsRng06, words).map_err(|e| {
        Error::usage(
            "wallet.bad_word_count",
            format!("cannot make a {words}-word phrase: {e}"),
        )
        .hint("use --mnemonic 12 or --mnemonic 24")
    })?;
    Ok(Zeroizing::new(m.to_phrase()))
}

/// A wallet that was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Saved {
    pub name: String,
    pub address: Address,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub keystore: PathBuf,
}

/// A new wallet's key, encrypted but not stored yet ([`new_key`], then [`store_new`]).
pub struct NewKey {
    pub address: Address,
    /// The BIP-39 phrase the key derives from (index 0), when it was made from one: the
    /// caller shows it once or saves it.
    pub phrase: Option<Zeroizing<String>>,
    doc: serde_json::Value,
}

/// Makes a random key or, with `words`, a new BIP-39 phrase and its key at index 0, and
/// encrypts it with `password`. Nothing is stored: a caller that must put the phrase somewhere
/// first (`wallet new --mnemonic-file`) does so before [`store_new`], so that no wallet exists
/// without its backup.
pub fn new_key(paths: &Paths, words: Option<usize>, password: &str) -> Result<NewKey> {
    let (signer, phrase) = match words {
        Some(w) => {
            let phrase = generate_mnemonic(w)?;
            (signer_from_mnemonic(&phrase, 0)?, Some(phrase))
        }
        None => (PrivateKeySigner::random_with(&mut keystore::OsRng06), None),
    };
    let secret = Zeroizing::new(signer.to_bytes().0);
    let (doc, address) = keystore::encrypt(paths, secret.as_slice(), password.as_bytes())?;
    Ok(NewKey {
        address,
        phrase,
        doc,
    })
}

/// Stores a key from [`new_key`] as wallet `name`: created only if no wallet of that name
/// exists at that moment (two runs creating one name at once: one wins, the other gets
/// `wallet.exists`, exit 2), unless `force`.
pub fn store_new(paths: &Paths, name: &str, key: &NewKey, force: bool) -> Result<Saved> {
    let path = keystore::store(paths, name, &key.doc, force)?;
    Ok(Saved {
        name: name.to_string(),
        address: key.address,
        keystore: path,
    })
}

/// Removes wallet `name` again if its keystore is still the one [`store_new`] wrote for `key`
/// (a new wallet whose recovery phrase, its only backup, could not be handed over). Another
/// run's keystore under that name is left alone. Returns whether it was removed.
pub fn discard_new(paths: &Paths, name: &str, key: &NewKey) -> Result<bool> {
    let p = keystore::path(paths, name);
    let ours = std::fs::read(&p)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .is_some_and(|v| v == key.doc);
    if !ours {
        return Ok(false);
    }
    std::fs::remove_file(&p).map_err(|e| Error::io("remove", &p, e))?;
    Ok(true)
}

/// Creates wallet `name` from a random key or, with `words`, from a new BIP-39 phrase (index
/// 0), which is returned for the caller to show once or save.
pub fn create(
    paths: &Paths,
    name: &str,
    words: Option<usize>,
    password: &str,
    force: bool,
) -> Result<(Saved, Option<Zeroizing<String>>)> {
    keystore::check_free(paths, name, force)?;
    let key = new_key(paths, words, password)?;
    let saved = store_new(paths, name, &key, force)?;
    Ok((saved, key.phrase))
}

/// Stores `signer` as wallet `name`, encrypted with `password`.
pub fn import_signer(
    paths: &Paths,
    name: &str,
    signer: &PrivateKeySigner,
    password: &str,
    force: bool,
) -> Result<Saved> {
    keystore::check_free(paths, name, force)?;
    let path = keystore::save_signer(paths, name, signer, password.as_bytes(), force)?;
    Ok(Saved {
        name: name.to_string(),
        address: signer.address(),
        keystore: path,
    })
}

/// Imports a keystore file (geth's, foundry's, cohort's) as wallet `name`: decrypts it to check
/// the password and learn the address, then stores it as it is (same encryption, same password)
/// with the address recorded. Nothing is written on any error.
pub fn import_keystore(
    paths: &Paths,
    name: &str,
    file: &Path,
    password: &str,
    force: bool,
) -> Result<Saved> {
    keystore::check_free(paths, name, force)?;
    let v = keystore::read_json(file)?;
    let signer = match keystore::decrypt_value(paths, file, &v, password.as_bytes())? {
        keystore::Decrypted::Ok(s) => s,
        keystore::Decrypted::WrongPassword => {
            return Err(Error::wallet(
                "wallet.bad_password",
                format!(
                    "wrong password for the keystore {}, or the file is damaged",
                    file.display()
                ),
            )
            .hint(
                "pass the password it was created with (--password-file or COHORT_PASSWORD); \
                 if that is the one, the file was altered: use a backup copy of it",
            ));
        }
    };
    let path = keystore::store(paths, name, &keystore::imported(v, signer.address()), force)?;
    Ok(Saved {
        name: name.to_string(),
        address: signer.address(),
        keystore: path,
    })
}

/// Re-encrypts wallet `name` (already unlocked as `signer`) with a new password, atomically.
/// A password remembered in the keyring is updated too.
pub fn change_password(
    paths: &Paths,
    name: &str,
    signer: &PrivateKeySigner,
    new_password: &str,
) -> Result<PathBuf> {
    let path = keystore::save_signer(paths, name, signer, new_password.as_bytes(), true)?;
    if keyring::is_remembered(paths, name) && keyring::remember(paths, name, new_password).is_err()
    {
        keyring::forget(paths, name);
    }
    Ok(path)
}

fn update_config_refs(paths: &Paths, old: &str, new: Option<&str>) -> Result<()> {
    let mut cfg = Config::load(paths)?;
    let mut changed = false;
    let replace = |slot: &mut Option<String>, changed: &mut bool| {
        if slot.as_deref() == Some(old) {
            *slot = new.map(str::to_string);
            *changed = true;
        }
    };
    replace(&mut cfg.default_wallet, &mut changed);
    for p in cfg.profiles.values_mut() {
        replace(&mut p.wallet, &mut changed);
    }
    if changed { cfg.save(paths) } else { Ok(()) }
}

/// Whether the config names wallet `name` (as `default_wallet` or a profile's wallet).
fn config_refers_to(paths: &Paths, name: &str) -> Result<bool> {
    let cfg = Config::load(paths)?;
    Ok(cfg.default_wallet.as_deref() == Some(name)
        || cfg
            .profiles
            .values()
            .any(|p| p.wallet.as_deref() == Some(name)))
}

/// Moves the password remembered for wallet `old` (if any) to wallet `new`. Best effort: a
/// keyring that cannot store it leaves `new` without one (`wallet unlock --remember` again).
fn move_remembered(paths: &Paths, old: &str, new: &str, password: Option<Zeroizing<String>>) {
    if let Some(pw) = password
        && let Err(e) = keyring::remember(paths, new, &pw)
    {
        tracing::debug!("could not move the remembered password of '{old}' to '{new}': {e}");
    }
    keyring::forget(paths, old);
}

/// Renames wallet `old` to `new` (the keystore file, a remembered password and every config
/// reference move along, in that order). Without `force` the new name is taken atomically: of
/// two runs renaming onto one name, one wins and the other gets `wallet.exists`.
///
/// A run killed halfway is finished by the same command run again (`resumed`): the keystore
/// under both names (killed between the link and removing the old name) loses its old name;
/// the keystore already under `new` while the config or a keyring marker still names `old`
/// gets those moved.
pub fn rename(paths: &Paths, old: &str, new: &str, force: bool) -> Result<results::Renamed> {
    keystore::validate_name(new)?;
    let resumed =
        if old != new && keystore::exists(paths, old) && keystore::same_file(paths, old, new) {
            let from = keystore::path(paths, old);
            std::fs::remove_file(&from).map_err(|e| Error::io("remove", &from, e))?;
            true
        } else if keystore::validate_name(old).is_ok()
            && !keystore::exists(paths, old)
            && keystore::exists(paths, new)
            && (config_refers_to(paths, old)? || keyring::is_remembered(paths, old))
        {
            true
        } else {
            keystore::existing(paths, old)?;
            keystore::check_free(paths, new, force)?;
            // Read (not forgotten) before the file moves: a failed move keeps it.
            let remembered = keyring::get(paths, old);
            let had = keyring::is_remembered(paths, old);
            keystore::move_to(paths, old, new, force)?;
            if had && old != new {
                move_remembered(paths, old, new, remembered);
            }
            false
        };
    if resumed && keyring::is_remembered(paths, old) {
        let remembered = keyring::get(paths, old);
        move_remembered(paths, old, new, remembered);
    }
    update_config_refs(paths, old, Some(new))?;
    Ok(results::Renamed {
        saved: Saved {
            name: new.to_string(),
            address: keystore::address_of(paths, new).unwrap_or_default(),
            keystore: keystore::path(paths, new),
        },
        resumed,
    })
}

/// Removes wallet `name`: its keystore, a remembered password, and config references to it.
pub fn remove(paths: &Paths, name: &str) -> Result<PathBuf> {
    let p = keystore::existing(paths, name)?;
    std::fs::remove_file(&p).map_err(|e| Error::io("remove", &p, e))?;
    keyring::forget(paths, name);
    update_config_refs(paths, name, None)?;
    Ok(p)
}

/// Copies wallet `name`'s keystore to `dest` (mode 0600, atomically).
pub fn export_keystore(paths: &Paths, name: &str, dest: &Path, force: bool) -> Result<()> {
    let p = keystore::existing(paths, name)?;
    if !force && dest.exists() {
        return Err(Error::usage(
            "wallet.export_exists",
            format!("{} already exists", dest.display()),
        )
        .hint("pick another file, or pass --force to overwrite it"));
    }
    // A copy of a key goes only where the user made a folder for it.
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::usage(
            "wallet.export_no_folder",
            format!("the folder {} does not exist", dir.display()),
        )
        .hint(format!(
            "create it first (`mkdir -p {}`), or pick a file in a folder that exists",
            dir.display()
        )));
    }
    let bytes = std::fs::read(&p).map_err(|e| Error::io("read", &p, e))?;
    crate::fsutil::write_atomic(dest, &bytes, keystore::FILE_MODE)
}

/// Which wallet is the default: the active profile's wallet, else the config's default_wallet.
pub fn default_name(paths: &Paths, profile: Option<&str>) -> Option<String> {
    let cfg = Config::load(paths).ok()?;
    let name = cfg.active_name(profile);
    cfg.profiles
        .get(&name)
        .and_then(|p| p.wallet.clone())
        .or(cfg.default_wallet)
}

/// Makes `name` the default wallet: of profile `profile` if given, else the config's
/// `default_wallet`. Returns the profile whose own wallet still overrides it, if any.
pub fn set_default(paths: &Paths, name: &str, profile: Option<&str>) -> Result<Option<String>> {
    if parse_dev_wallet(name).is_none() {
        keystore::existing(paths, name)?;
    }
    let mut cfg = Config::load(paths)?;
    match profile {
        Some(p) => {
            cfg.profile(p)?;
            cfg.profiles.get_mut(p).expect("checked").wallet = Some(name.to_string());
            cfg.save(paths)?;
            Ok(None)
        }
        None => {
            cfg.default_wallet = Some(name.to_string());
            cfg.save(paths)?;
            let active = cfg.active_name(None);
            Ok(cfg
                .profiles
                .get(&active)
                .and_then(|p| p.wallet.as_ref())
                .filter(|w| w.as_str() != name)
                .map(|_| active))
        }
    }
}

/// Signs `message` as an EIP-191 personal message.
pub fn sign_message(signer: &PrivateKeySigner, message: &[u8]) -> Result<Signature> {
    signer
        .sign_message_sync(message)
        .map_err(|e| Error::failed("wallet.sign", format!("signing failed: {e}")))
}

/// Recovers the address that signed `message` (EIP-191) with `signature` (65 bytes of hex).
pub fn recover_signer(message: &[u8], signature: &str) -> Result<Address> {
    let sig: Signature = signature.trim().parse().map_err(|_| {
        Error::usage("wallet.bad_signature", "not a valid signature")
            .hint("a signature is 65 bytes of hex (0x followed by 130 hex digits)")
    })?;
    sig.recover_address_from_msg(message).map_err(|e| {
        Error::verification(
            "wallet.bad_signature",
            "the signature does not recover to an address",
        )
        .cause(e)
    })
}

/// Parses an amount of the native coin (18 decimals). Convenience for other commands.
pub fn parse_native(s: &str) -> Result<U256> {
    crate::chain::units::parse_amount(s, 18)
}
