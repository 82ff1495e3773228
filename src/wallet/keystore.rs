//! Keystore files: Web3 Secret Storage v3 JSON (scrypt + AES-128-CTR), one per wallet, in
//! `<data dir>/keystores/NAME.json` (folder mode 0700, files 0600, written atomically).
//!
//! The crypto is eth-keystore's, through alloy (`LocalSigner::encrypt_keystore` and
//! `decrypt_keystore`), the same code foundry's `cast wallet` uses. cohort writes scrypt with
//! n = 2^13, r = 8, p = 1 (eth-keystore's and foundry's parameters: about 8 MiB and tens of
//! milliseconds per unlock), and adds geth's `address` field (lowercase hex without `0x`) so
//! geth's account cache lists the file too. Files from geth (any scrypt or pbkdf2 parameters,
//! `crypto` or `Crypto`) and from foundry (no `address` field) are read as they are.

use std::path::{Path, PathBuf};

use alloy::primitives::Address;
use alloy::signers::local::{LocalSignerError, PrivateKeySigner};
use serde_json::Value;
use zeroize::Zeroizing;

use crate::config::Paths;
use crate::error::{Error, Result};
use crate::fsutil;

/// Mode of the keystores folder.
pub const DIR_MODE: u32 = 0o700;
/// Mode of each keystore file.
pub const FILE_MODE: u32 = 0o600;

/// A cryptographically secure RNG in the `rand_core` 0.6 shape eth-keystore and coins-bip39
/// take, backed by the operating system's generator (through `rand` 0.9).
pub struct OsRng06;

impl alloy::signers::k256::elliptic_curve::rand_core::RngCore for OsRng06 {
    fn next_u32(&mut self) -> u32 {
        rand::random()
    }
    fn next_u64(&mut self) -> u64 {
        rand::random()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        rand::fill(dest)
    }
    fn try_fill_bytes(
        &mut self,
        dest: &mut [u8],
    ) -> std::result::Result<(), alloy::signers::k256::elliptic_curve::rand_core::Error> {
        rand::fill(dest);
        Ok(())
    }
}

impl alloy::signers::k256::elliptic_curve::rand_core::CryptoRng for OsRng06 {}

/// Checks a wallet name: 1 to 64 letters, digits, `-`, `_` or `.`, not starting with `.` or
/// `-`, and not `dev:N` (anvil's accounts).
pub fn validate_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(
            "wallet.bad_name",
            format!("'{name}' is not a valid wallet name"),
        )
        .hint("use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"))
    }
}

/// The keystore file of wallet `name`.
pub fn path(paths: &Paths, name: &str) -> PathBuf {
    paths.keystores().join(format!("{name}.json"))
}

/// Whether wallet `name` exists.
pub fn exists(paths: &Paths, name: &str) -> bool {
    validate_name(name).is_ok() && path(paths, name).is_file()
}

/// The error for a wallet that does not exist: exit 6, with a hint to `cohort wallet list`.
pub fn unknown(name: &str) -> Error {
    Error::wallet("wallet.unknown", format!("no wallet named '{name}'"))
        .hint("run `cohort wallet list` to see your wallets, or `cohort wallet new` to create one")
}

/// The path of an existing wallet, or the unknown-wallet error.
pub fn existing(paths: &Paths, name: &str) -> Result<PathBuf> {
    if !exists(paths, name) {
        return Err(unknown(name));
    }
    Ok(path(paths, name))
}

/// A wallet as `list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WalletEntry {
    pub name: String,
    /// From the file's `address` field; `None` for a file without one.
    #[serde(serialize_with = "crate::chain::units::checksum::option::serialize")]
    pub address: Option<Address>,
    pub path: PathBuf,
}

/// Every wallet in the keystores folder, by name.
pub fn list(paths: &Paths) -> Result<Vec<WalletEntry>> {
    let dir = paths.keystores();
    let rd = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read", &dir, e)),
    };
    let mut out = Vec::new();
    for entry in rd.flatten() {
        let p = entry.path();
        let Some(name) = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        if validate_name(name).is_err() || !p.is_file() {
            continue;
        }
        let address = std::fs::read(&p)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .and_then(|v| stored_address(&v));
        out.push(WalletEntry {
            name: name.to_string(),
            address,
            path: p,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The `address` field of a keystore document, if it has a valid one.
pub fn stored_address(v: &Value) -> Option<Address> {
    let s = v.get("address")?.as_str()?;
    let s = s.strip_prefix("0x").unwrap_or(s);
    if s.len() != 40 {
        return None;
    }
    let a: Address = format!("0x{s}").parse().ok()?;
    (a != Address::ZERO).then_some(a)
}

/// The address of wallet `name` without decrypting it: from the file's `address` field.
pub fn address_of(paths: &Paths, name: &str) -> Result<Address> {
    let p = existing(paths, name)?;
    let v = read_json(&p)?;
    stored_address(&v).ok_or_else(|| {
        Error::wallet(
            "wallet.no_address",
            format!("the keystore of wallet '{name}' does not record its address"),
        )
        .hint(format!(
            "re-import it to record the address: `cohort wallet import {name}2 --keystore {}`",
            p.display()
        ))
    })
}

fn malformed(p: &Path, why: impl std::fmt::Display) -> Error {
    Error::usage(
        "wallet.bad_keystore",
        format!(
            "{} is not a valid Web3 Secret Storage (v3) keystore",
            p.display()
        ),
    )
    .cause(why)
    .hint("pass a keystore JSON file as written by geth, foundry (`cast wallet`) or cohort")
}

/// Reads and checks a keystore file's JSON shape (without decrypting it). Older geth files
/// spell the key `Crypto`; it is renamed to `crypto`.
pub fn read_json(p: &Path) -> Result<Value> {
    Ok(read_checked(p)?.0)
}

/// Reads and checks a keystore file; the flag says whether it had to be normalized (then
/// eth-keystore cannot read the file as it is).
fn read_checked(p: &Path) -> Result<(Value, bool)> {
    let bytes = std::fs::read(p).map_err(|e| Error::io("read", p, e))?;
    let mut v: Value = serde_json::from_slice(&bytes).map_err(|e| malformed(p, e))?;
    let mut normalized = false;
    let Some(obj) = v.as_object_mut() else {
        return Err(malformed(p, "the file is not a JSON object"));
    };
    if !obj.contains_key("crypto")
        && let Some(c) = obj.remove("Crypto")
    {
        obj.insert("crypto".into(), c);
        normalized = true;
    }
    match obj.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(3) => {}
        Some(Value::String(s)) if s == "3" => {
            obj.insert("version".into(), Value::from(3));
            normalized = true;
        }
        _ => return Err(malformed(p, "its \"version\" is not 3")),
    }
    let crypto = obj
        .get("crypto")
        .ok_or_else(|| malformed(p, "it has no \"crypto\" section"))?;
    for key in [
        "cipher",
        "ciphertext",
        "cipherparams",
        "kdf",
        "kdfparams",
        "mac",
    ] {
        if crypto.get(key).is_none() {
            return Err(malformed(
                p,
                format!("its \"crypto\" section has no \"{key}\""),
            ));
        }
    }
    if crypto.get("cipher").and_then(Value::as_str) != Some("aes-128-ctr") {
        return Err(malformed(p, "only the aes-128-ctr cipher is supported"));
    }
    if !obj.contains_key("id") {
        obj.insert("id".into(), Value::from(uuid_v4()));
        normalized = true;
    }
    Ok((v, normalized))
}

fn uuid_v4() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A private folder inside the keystores folder for eth-keystore's non-atomic writes, removed
/// when dropped.
fn scratch(paths: &Paths) -> Result<tempfile::TempDir> {
    let dir = paths.keystores();
    fsutil::ensure_dir(&dir, DIR_MODE)?;
    tempfile::Builder::new()
        .prefix(".scratch-")
        .tempdir_in(&dir)
        .map_err(|e| Error::io("create a temporary folder in", &dir, e))
}

fn is_wrong_password(e: &LocalSignerError) -> bool {
    matches!(e, LocalSignerError::EthKeystoreError(k) if k.to_string() == "Mac Mismatch")
}

/// Outcome of trying a password.
pub enum Decrypted {
    Ok(PrivateKeySigner),
    WrongPassword,
}

/// Decrypts a keystore document (from [`read_json`]). `p` names the file in errors.
pub fn decrypt_value(paths: &Paths, p: &Path, v: &Value, password: &[u8]) -> Result<Decrypted> {
    let tmp = scratch(paths)?;
    let file = tmp.path().join("k.json");
    let bytes = serde_json::to_vec(v).map_err(|e| malformed(p, e))?;
    fsutil::write_atomic(&file, &bytes, FILE_MODE)?;
    decrypt_path(p, &file, password)
}

/// Decrypts the keystore file `file` (`shown` names it in errors).
fn decrypt_path(shown: &Path, file: &Path, password: &[u8]) -> Result<Decrypted> {
    match PrivateKeySigner::decrypt_keystore(file, password) {
        Ok(s) => Ok(Decrypted::Ok(s)),
        Err(e) if is_wrong_password(&e) => Ok(Decrypted::WrongPassword),
        Err(LocalSignerError::EcdsaError(_)) => Err(malformed(shown, "it holds an invalid key")),
        Err(e) => Err(malformed(shown, e)),
    }
}

/// Decrypts wallet `name`'s keystore.
pub fn decrypt_wallet(paths: &Paths, name: &str, password: &[u8]) -> Result<Decrypted> {
    let p = existing(paths, name)?;
    decrypt_file(paths, &p, password)
}

/// Decrypts any keystore file (checked first, so a malformed one gets a clear error).
pub fn decrypt_file(paths: &Paths, p: &Path, password: &[u8]) -> Result<Decrypted> {
    let (v, normalized) = read_checked(p)?;
    if normalized {
        decrypt_value(paths, p, &v, password)
    } else {
        decrypt_path(p, p, password)
    }
}

/// The error for a wrong password: exit 6, naming the wallet.
pub fn wrong_password(name: &str) -> Error {
    Error::wallet(
        "wallet.bad_password",
        format!("wrong password for wallet '{name}'"),
    )
    .hint(
        "check the password (--password-file, COHORT_PASSWORD_FILE or COHORT_PASSWORD); \
         a password remembered in the OS keyring is forgotten once it stops working",
    )
}

/// Adds geth's `address` field to a keystore document.
fn with_address(mut v: Value, address: Address) -> Value {
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "address".into(),
            Value::from(hex::encode(address.as_slice())),
        );
    }
    v
}

/// Refuses to overwrite an existing wallet unless `force`.
pub fn check_free(paths: &Paths, name: &str, force: bool) -> Result<()> {
    validate_name(name)?;
    if !force && path(paths, name).exists() {
        return Err(Error::usage(
            "wallet.exists",
            format!("a wallet named '{name}' already exists"),
        )
        .hint(
            "pick another name, or pass --force to replace it (its key is lost unless backed up)",
        ));
    }
    Ok(())
}

/// Encrypts `secret` with `password` into a keystore document (with `address`).
pub fn encrypt(paths: &Paths, secret: &[u8], password: &[u8]) -> Result<(Value, Address)> {
    let tmp = scratch(paths)?;
    let (signer, _) = PrivateKeySigner::encrypt_keystore(
        tmp.path(),
        &mut OsRng06,
        secret,
        password,
        Some("k.json"),
    )
    .map_err(|e| Error::failed("wallet.encrypt", format!("could not encrypt the key: {e}")))?;
    let file = tmp.path().join("k.json");
    let v = read_json(&file)?;
    Ok((with_address(v, signer.address()), signer.address()))
}

/// Writes a keystore document as wallet `name` (atomically, mode 0600).
pub fn store(paths: &Paths, name: &str, v: &Value) -> Result<PathBuf> {
    validate_name(name)?;
    fsutil::ensure_dir(&paths.keystores(), DIR_MODE)?;
    let p = path(paths, name);
    let bytes =
        serde_json::to_vec(v).map_err(|e| Error::failed("wallet.serialize", e.to_string()))?;
    fsutil::write_atomic(&p, &bytes, FILE_MODE)?;
    Ok(p)
}

/// Encrypts `signer`'s key with `password` and stores it as wallet `name`.
pub fn save_signer(
    paths: &Paths,
    name: &str,
    signer: &PrivateKeySigner,
    password: &[u8],
) -> Result<PathBuf> {
    let secret = Zeroizing::new(signer.to_bytes().0);
    let (v, _) = encrypt(paths, secret.as_slice(), password)?;
    store(paths, name, &v)
}

/// Prepares an imported keystore document for storing: records the decrypted address.
pub fn imported(v: Value, address: Address) -> Value {
    with_address(v, address)
}
