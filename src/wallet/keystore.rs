//! Keystore files: Web3 Secret Storage v3 JSON (scrypt + AES-128-CTR), one per wallet, in
//! `<data dir>/keystores/NAME.json` (folder mode 0700, files 0600, written atomically; a new
//! name is taken exclusively, so two runs creating one wallet at once cannot both succeed).
//!
//! The crypto is eth-keystore's, through alloy (`LocalSigner::encrypt_keystore` and
//! `decrypt_keystore`), the same code foundry's `cast wallet` uses. cohort writes scrypt with
//! n = 2^13, r = 8, p = 1 (eth-keystore's and foundry's parameters: about 8 MiB and tens of
//! milliseconds per unlock), and adds geth's `address` field (lowercase hex without `0x`) so
//! geth's account cache lists the file too. Files from geth (`crypto` or `Crypto`), from foundry
//! (no `address` field), from ethers and web3.js (and eth-account's pbkdf2 files) are read as they are.
//!
//! The key-derivation parameters come from the file, so a hostile file could ask for a 1 TiB
//! scrypt or a pbkdf2 that runs for minutes. They are checked against [`KdfBounds`] before
//! anything is allocated or written, and refused with exit 6 beyond them: scrypt n ≤ 2^20
//! (geth's "standard" n = 2^18, its "light" 2^12, foundry's and cohort's 2^13, ethers' 2^17),
//! r ≤ 8, p ≤ 16 (geth light p = 6, eth-account p = 8), n·r·p ≤ 2^23 (at most 1 GiB and a few
//! seconds), dklen ≥ 32; pbkdf2 with hmac-sha256 and c ≤ 2^21 (web3.js writes 262,144,
//! eth-account 1,000,000).

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

/// The largest key-derivation parameters a keystore may ask for (see the module docs).
pub struct KdfBounds;

impl KdfBounds {
    /// scrypt N (CPU/memory cost): 4 × geth's standard 2^18.
    pub const SCRYPT_MAX_N: u64 = 1 << 20;
    /// scrypt r (block size): what geth, foundry and ethers write.
    pub const SCRYPT_MAX_R: u64 = 8;
    /// scrypt p (parallelism): geth light writes 6, eth-account 8.
    pub const SCRYPT_MAX_P: u64 = 16;
    /// scrypt n·r·p, the work (n·r·128 bytes is the memory): n = 2^20 with r = 8, p = 1 is
    /// 1 GiB; geth's standard parameters are 2^21.
    pub const SCRYPT_MAX_WORK: u64 = 1 << 23;
    /// pbkdf2 iterations: about 2 × eth-account's 1,000,000 (eth-account's takes about 2.4 s of
    /// CPU here, so the bound about 5 s).
    pub const PBKDF2_MAX_C: u64 = 1 << 21;
    /// Derived key length: the MAC uses bytes 16..32, so at least 32.
    pub const MIN_DKLEN: u64 = 32;
    /// A keystore is under 1 KiB; larger files are not read.
    pub const MAX_FILE_BYTES: u64 = 64 * 1024;
}

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
    pub address: Option<Address>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
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
    Error::wallet(
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
    let size = std::fs::metadata(p)
        .map_err(|e| Error::io("read", p, e))?
        .len();
    if size > KdfBounds::MAX_FILE_BYTES {
        return Err(malformed(
            p,
            format!(
                "it is {size} bytes long; a keystore is under {} bytes",
                KdfBounds::MAX_FILE_BYTES
            ),
        ));
    }
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
    let iv = crypto
        .get("cipherparams")
        .and_then(|c| c.get("iv"))
        .and_then(Value::as_str);
    if !iv.is_some_and(|iv| iv.len() == 32 && iv.bytes().all(|c| c.is_ascii_hexdigit())) {
        return Err(malformed(
            p,
            "its \"cipherparams\".\"iv\" is not 16 bytes of hex",
        ));
    }
    check_kdf(p, crypto)?;
    if !obj.contains_key("id") {
        obj.insert("id".into(), Value::from(uuid_v4()));
        normalized = true;
    }
    Ok((v, normalized))
}

/// The error for a key-derivation parameter beyond [`KdfBounds`]: exit 6, naming the
/// parameter, its value and the bound.
fn too_costly(p: &Path, kdf: &str, param: &str, value: u64, bound: &str) -> Error {
    Error::wallet(
        "wallet.kdf_params",
        format!(
            "{} asks for {kdf} {param} = {value}, beyond cohort's bound ({param} {bound}); \
             the keystore was not unlocked",
            p.display()
        ),
    )
    .hint(
        "keystores from geth, foundry, ethers, web3.js and cohort stay within the bounds \
         (geth's standard scrypt is n = 262144, r = 8, p = 1); a file beyond them would take \
         gigabytes of memory or minutes to unlock. Re-encrypt the key with standard parameters \
         (e.g. `cohort wallet import NAME --private-key-file FILE`)",
    )
}

/// Checks the KDF parameters against [`KdfBounds`], reading them exactly as the decryptor
/// (eth-keystore) will, before anything is allocated.
fn check_kdf(p: &Path, crypto: &Value) -> Result<()> {
    use eth_keystore::KdfparamsType;
    let kdf = crypto.get("kdf").and_then(Value::as_str).unwrap_or("");
    let params: KdfparamsType = serde_json::from_value(crypto["kdfparams"].clone())
        .map_err(|_| malformed(p, "its \"kdfparams\" are neither scrypt's nor pbkdf2's"))?;
    // eth-keystore (like geth) reads bytes 16..32 of the derived key: a shorter one would panic.
    let dklen = |kdf: &str, dklen: u8| {
        if u64::from(dklen) < KdfBounds::MIN_DKLEN {
            return Err(malformed(
                p,
                format!("its {kdf} dklen = {dklen} is below 32"),
            ));
        }
        Ok(())
    };
    match params {
        KdfparamsType::Scrypt {
            dklen: d,
            n,
            p: par,
            r,
            ..
        } if kdf == "scrypt" => {
            let (n, r, par) = (u64::from(n), u64::from(r), u64::from(par));
            if n < 2 || !n.is_power_of_two() {
                return Err(malformed(
                    p,
                    format!("its scrypt n = {n} is not a power of two greater than 1"),
                ));
            }
            if n > KdfBounds::SCRYPT_MAX_N {
                return Err(too_costly(p, kdf, "n", n, "≤ 1048576 = 2^20"));
            }
            if r == 0 || par == 0 {
                return Err(malformed(p, "its scrypt r and p must be at least 1"));
            }
            if r > KdfBounds::SCRYPT_MAX_R {
                return Err(too_costly(p, kdf, "r", r, "≤ 8"));
            }
            if par > KdfBounds::SCRYPT_MAX_P {
                return Err(too_costly(p, kdf, "p", par, "≤ 16"));
            }
            // The scrypt crate (eth-keystore's) takes n < 2^(16·r) only: eth-account's default
            // r = 1 with n = 2^18 is one it cannot derive.
            if u64::from(n.trailing_zeros()) >= 16 * r {
                return Err(malformed(
                    p,
                    format!(
                        "its scrypt n = {n} with r = {r} is not supported (n must be below \
                         2^(16·r)); re-encrypt the key with r = 8"
                    ),
                ));
            }
            let work = n * r * par;
            if work > KdfBounds::SCRYPT_MAX_WORK {
                return Err(too_costly(p, kdf, "n·r·p", work, "≤ 8388608 = 2^23"));
            }
            dklen(kdf, d)
        }
        KdfparamsType::Pbkdf2 {
            c, dklen: d, prf, ..
        } if kdf == "pbkdf2" => {
            if prf != "hmac-sha256" {
                return Err(malformed(
                    p,
                    format!("its pbkdf2 prf is '{prf}'; only hmac-sha256 is supported"),
                ));
            }
            let c = u64::from(c);
            if c == 0 {
                return Err(malformed(p, "its pbkdf2 c is 0"));
            }
            if c > KdfBounds::PBKDF2_MAX_C {
                return Err(too_costly(p, kdf, "c", c, "≤ 2097152 = 2^21"));
            }
            dklen(kdf, d)
        }
        _ => Err(malformed(
            p,
            format!("its \"kdf\" '{kdf}' does not match its \"kdfparams\" (scrypt or pbkdf2)"),
        )),
    }
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

/// Prefix of the scratch folders in the keystores folder: `.scratch-PID-XXXXXX`.
const SCRATCH_PREFIX: &str = ".scratch-";
/// A scratch folder older than this was left by a process that was killed (`kill -9`, power
/// loss): a live one lasts as long as one key derivation, a few seconds at most. (Folders that
/// name their process are removed as soon as it is gone.)
const SCRATCH_STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Creates the keystores folder (mode 0700) if needed and sweeps what killed runs left in it:
/// the temporary files of atomic writes (`.NAME.json.tmp-PID-N` of a dead PID) and scratch
/// folders whose process is gone (or that are older than [`SCRATCH_STALE`]). Every command
/// that writes there calls it first.
pub fn prepare_dir(paths: &Paths) -> Result<PathBuf> {
    let dir = paths.keystores();
    fsutil::ensure_dir(&dir, DIR_MODE)?;
    for p in fsutil::remove_stale_temps(&dir) {
        tracing::debug!("removed a killed run's temporary file {}", p.display());
    }
    remove_stale_scratch(&dir);
    Ok(dir)
}

/// A private folder inside the keystores folder for eth-keystore's non-atomic writes, removed
/// when dropped (on success, on every error and on a panic). Only keystores already checked
/// ([`read_json`], KDF bounds included) or written by cohort go there, so no key derivation
/// can abort the process while one exists; folders left by a killed process are removed here.
fn scratch(paths: &Paths) -> Result<tempfile::TempDir> {
    let dir = prepare_dir(paths)?;
    tempfile::Builder::new()
        .prefix(&format!("{SCRATCH_PREFIX}{}-", std::process::id()))
        .tempdir_in(&dir)
        .map_err(|e| Error::io("create a temporary folder in", &dir, e))
}

/// Whether process `pid` is gone (signal 0 answers ESRCH).
fn process_gone(pid: i32) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    pid > 0
        && unsafe { libc::kill(pid, 0) } != 0
        && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

/// Whether the scratch folder `name` (`.scratch-PID-XXXXXX`) belongs to a process that is gone.
fn scratch_of_dead_process(name: &str) -> bool {
    name.strip_prefix(SCRATCH_PREFIX)
        .and_then(|rest| rest.split_once('-'))
        .filter(|(pid, _)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(pid, _)| pid.parse::<i32>().ok())
        .is_some_and(process_gone)
}

fn remove_stale_scratch(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(meta) = entry
            .metadata()
            .ok()
            .filter(|m| m.is_dir() && name.starts_with(SCRATCH_PREFIX))
        else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > SCRATCH_STALE);
        if old || scratch_of_dead_process(&name) {
            let p = entry.path();
            match std::fs::remove_dir_all(&p) {
                Ok(()) => tracing::debug!("removed a stale scratch folder {}", p.display()),
                Err(e) => tracing::debug!("cannot remove {}: {e}", p.display()),
            }
        }
    }
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
    check_address(p, v, decrypt_path(p, &file, password)?)
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

/// Refuses a keystore whose `address` field names another account than the key it decrypted
/// to (as geth does: "key content mismatch"): `wallet show`/`list`/`balance` and payments to
/// the wallet read that field, so a damaged or planted one would send funds elsewhere.
fn check_address(p: &Path, v: &Value, d: Decrypted) -> Result<Decrypted> {
    if let Decrypted::Ok(s) = &d
        && let Some(stored) = stored_address(v)
        && stored != s.address()
    {
        return Err(address_mismatch(p, stored, s.address()));
    }
    Ok(d)
}

/// The error for a keystore whose `address` field is not its key's address: exit 6, naming
/// both.
pub fn address_mismatch(p: &Path, stored: Address, actual: Address) -> Error {
    Error::wallet(
        "wallet.address_mismatch",
        format!(
            "the keystore {} records the address {stored}, but its key is the one of {actual}: \
             the file is damaged or was tampered with; it was not used",
            p.display()
        ),
    )
    .hint(format!(
        "send nothing to {stored} (what `wallet show`, `list` and `balance` read from the file); \
         restore the keystore from a backup or a `cohort wallet export --keystore` copy, or \
         re-import the key from its private key or recovery phrase"
    ))
}

/// Decrypts wallet `name`'s keystore.
pub fn decrypt_wallet(paths: &Paths, name: &str, password: &[u8]) -> Result<Decrypted> {
    let p = existing(paths, name)?;
    decrypt_file(paths, &p, password)
}

/// Decrypts any keystore file (checked first, so a malformed one gets a clear error). A file
/// whose `address` field is not its key's is refused ([`address_mismatch`]).
pub fn decrypt_file(paths: &Paths, p: &Path, password: &[u8]) -> Result<Decrypted> {
    let (v, normalized) = read_checked(p)?;
    if normalized {
        decrypt_value(paths, p, &v, password)
    } else {
        check_address(p, &v, decrypt_path(p, p, password)?)
    }
}

/// The error for a password the keystore's MAC refuses: exit 6, naming the wallet. The MAC
/// cannot tell a wrong password from a damaged file (ciphertext, salt or MAC altered), so the
/// message names both.
pub fn wrong_password(name: &str) -> Error {
    Error::wallet(
        "wallet.bad_password",
        format!("wrong password for wallet '{name}', or its keystore file is damaged"),
    )
    .hint(
        "check the password (--password-file, COHORT_PASSWORD_FILE or COHORT_PASSWORD); \
         a password remembered in the OS keyring is forgotten once it stops working. If the \
         password is right, the file was altered: restore it from a backup or a \
         `cohort wallet export --keystore` copy",
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

/// The error for a wallet name that is taken: exit 2, with the --force hint.
pub fn taken(name: &str) -> Error {
    Error::usage(
        "wallet.exists",
        format!("a wallet named '{name}' already exists"),
    )
    .hint(
        "pick another name, or pass --force to replace it: its key is then lost unless backed \
         up (--force asks first; --yes answers)",
    )
}

/// Refuses to overwrite an existing wallet unless `force`. (An early check, before the slow
/// key derivation: [`store`] and [`move_to`] refuse again, atomically, when the file appears.)
pub fn check_free(paths: &Paths, name: &str, force: bool) -> Result<()> {
    validate_name(name)?;
    if !force && path(paths, name).exists() {
        return Err(taken(name));
    }
    Ok(())
}

/// The error of eth-keystore's own file I/O (it writes into a scratch folder of the keystores
/// folder) as an I/O error naming that folder and the cause: "No space left on device",
/// "Read-only file system".
fn keystore_io(dir: &Path, e: LocalSignerError) -> Error {
    let LocalSignerError::EthKeystoreError(eth_keystore::KeystoreError::StdIo(msg)) = &e else {
        return Error::failed("wallet.encrypt", format!("could not encrypt the key: {e}"));
    };
    // eth-keystore keeps only the text of the io::Error: "… (os error 28)".
    let code = msg
        .rsplit_once("(os error ")
        .and_then(|(_, tail)| tail.strip_suffix(')'))
        .and_then(|n| n.parse::<i32>().ok());
    match code {
        Some(code) => Error::io(
            "write a keystore into",
            dir,
            std::io::Error::from_raw_os_error(code),
        ),
        None => Error::failed(
            "io",
            format!("could not write a keystore into {}: {msg}", dir.display()),
        ),
    }
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
    .map_err(|e| keystore_io(&paths.keystores(), e))?;
    let file = tmp.path().join("k.json");
    let v = read_json(&file)?;
    Ok((with_address(v, signer.address()), signer.address()))
}

/// Writes a keystore document as wallet `name` (mode 0600): the whole file appears at once.
/// Without `force` the file is created only if no wallet of that name exists at that moment
/// (two runs creating one name at once: one wins, the other gets [`taken`]); with `force` it
/// replaces one atomically.
pub fn store(paths: &Paths, name: &str, v: &Value, force: bool) -> Result<PathBuf> {
    validate_name(name)?;
    prepare_dir(paths)?;
    let p = path(paths, name);
    let bytes =
        serde_json::to_vec(v).map_err(|e| Error::failed("wallet.serialize", e.to_string()))?;
    if force {
        fsutil::write_atomic(&p, &bytes, FILE_MODE)?;
    } else if let Err(e) = fsutil::write_new(&p, &bytes, FILE_MODE) {
        // write_new never replaces a file: failing with one there means another run created it.
        return Err(if p.exists() { taken(name) } else { e });
    }
    Ok(p)
}

/// Moves wallet `old`'s keystore to the name `new`. Without `force` the new name is taken
/// atomically (a hard link, which never replaces a file, then the old name is removed); a
/// run killed between the two leaves both names on one file, which [`same_file`] recognizes.
/// With `force` the file is renamed over an existing `new`.
pub fn move_to(paths: &Paths, old: &str, new: &str, force: bool) -> Result<PathBuf> {
    validate_name(new)?;
    let dir = prepare_dir(paths)?;
    let from = existing(paths, old)?;
    let to = path(paths, new);
    if force {
        std::fs::rename(&from, &to).map_err(|e| Error::io("rename", &from, e))?;
    } else {
        std::fs::hard_link(&from, &to).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                taken(new)
            } else {
                Error::io("rename", &from, e)
            }
        })?;
        std::fs::remove_file(&from).map_err(|e| Error::io("remove", &from, e))?;
    }
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(to)
}

/// Whether wallets `a` and `b` are one file under two names (a rename killed halfway).
pub fn same_file(paths: &Paths, a: &str, b: &str) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (
        std::fs::metadata(path(paths, a)),
        std::fs::metadata(path(paths, b)),
    ) {
        (Ok(x), Ok(y)) => x.is_file() && x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Encrypts `signer`'s key with `password` and stores it as wallet `name` (see [`store`] for
/// `force`).
pub fn save_signer(
    paths: &Paths,
    name: &str,
    signer: &PrivateKeySigner,
    password: &[u8],
    force: bool,
) -> Result<PathBuf> {
    let secret = Zeroizing::new(signer.to_bytes().0);
    let (v, _) = encrypt(paths, secret.as_slice(), password)?;
    store(paths, name, &v, force)
}

/// Prepares an imported keystore document for storing: records the decrypted address.
pub fn imported(v: Value, address: Address) -> Value {
    with_address(v, address)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(kdf: &str, params: Value) -> Value {
        json!({
            "crypto": {
                "cipher": "aes-128-ctr",
                "cipherparams": {"iv": "e90573cb9762b14eb75cb1e3ab0f8e53"},
                "ciphertext": "219444c9bda88628cd9fd58a90ea4d29aa1ed5811085c81086873aac2053005f",
                "kdf": kdf,
                "kdfparams": params,
                "mac": "ac0210deb3b1b5ea4bd835f5ad500bdf51bbf34338273b5225845f98125a4fb7"
            },
            "id": "46633be1-e9ab-4209-b0fa-3613413000ac",
            "version": 3
        })
    }

    const SALT: &str = "5156b99eec8b2f1520830a2bcd7cf9d5c21900c99bed1270cd3e71d00ad867b8";

    fn scrypt(n: u64, r: u64, p: u64) -> Value {
        doc(
            "scrypt",
            json!({"dklen": 32, "n": n, "r": r, "p": p, "salt": SALT}),
        )
    }

    fn pbkdf2(c: u64) -> Value {
        doc(
            "pbkdf2",
            json!({"dklen": 32, "c": c, "prf": "hmac-sha256", "salt": SALT}),
        )
    }

    fn check(v: &Value) -> Result<()> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.json");
        std::fs::write(&p, serde_json::to_vec(v).unwrap()).unwrap();
        read_json(&p).map(|_| ())
    }

    #[test]
    fn what_geth_foundry_ethers_web3js_and_eth_account_write_is_accepted() {
        for (what, v) in [
            ("geth standard", scrypt(1 << 18, 8, 1)),
            ("geth light", scrypt(1 << 12, 8, 6)),
            ("foundry and cohort", scrypt(1 << 13, 8, 1)),
            ("ethers v5", scrypt(1 << 17, 8, 1)),
            ("eth-account scrypt with a small n", scrypt(1 << 14, 1, 8)),
            ("the largest n", scrypt(1 << 20, 8, 1)),
            ("web3.js pbkdf2", pbkdf2(262_144)),
            ("eth-account pbkdf2", pbkdf2(1_000_000)),
            ("the largest c", pbkdf2(1 << 21)),
        ] {
            check(&v).unwrap_or_else(|e| panic!("{what}: {}", e.message));
        }
    }

    #[test]
    fn costlier_parameters_are_refused_with_exit_6_naming_parameter_value_and_bound() {
        for (v, param, value, bound) in [
            (scrypt(1 << 30, 8, 1), "scrypt n", "1073741824", "2^20"),
            (scrypt(1 << 21, 8, 1), "scrypt n", "2097152", "2^20"),
            (scrypt(1 << 13, 1024, 1), "scrypt r", "1024", "≤ 8"),
            (scrypt(1 << 13, 8, 1 << 20), "scrypt p", "1048576", "≤ 16"),
            (scrypt(1 << 20, 8, 16), "scrypt n·r·p", "134217728", "2^23"),
            (pbkdf2((1 << 31) - 1), "pbkdf2 c", "2147483647", "2^21"),
            (pbkdf2((1 << 21) + 1), "pbkdf2 c", "2097153", "2^21"),
        ] {
            let e = check(&v).expect_err(param);
            assert_eq!(e.exit_code(), 6, "{}", e.message);
            assert_eq!(e.code, "wallet.kdf_params");
            assert!(
                e.message.contains(&format!("{param} = {value}")) && e.message.contains(bound),
                "{param}: {}",
                e.message
            );
        }
    }

    #[test]
    fn parameters_that_would_crash_the_decryptor_are_malformed_keystores() {
        let mut short_iv = scrypt(8192, 8, 1);
        short_iv["crypto"]["cipherparams"]["iv"] = json!("e905");
        let mut mismatched = pbkdf2(1000);
        mismatched["crypto"]["kdf"] = json!("scrypt");
        for (v, why) in [
            (scrypt(0, 8, 1), "power of two"),
            (scrypt(1000, 8, 1), "power of two"),
            (scrypt(8192, 0, 1), "at least 1"),
            (scrypt(1 << 18, 1, 8), "below 2^(16·r)"),
            (
                doc(
                    "scrypt",
                    json!({"dklen": 16, "n": 8192, "r": 8, "p": 1, "salt": SALT}),
                ),
                "dklen = 16",
            ),
            (
                doc(
                    "pbkdf2",
                    json!({"dklen": 32, "c": 10, "prf": "hmac-sha512", "salt": SALT}),
                ),
                "hmac-sha512",
            ),
            (short_iv, "iv"),
            (mismatched, "does not match"),
            (
                doc("scrypt", json!({"n": 8192})),
                "neither scrypt's nor pbkdf2's",
            ),
        ] {
            let e = check(&v).expect_err(why);
            assert_eq!(e.exit_code(), 6, "{}", e.message);
            assert_eq!(e.code, "wallet.bad_keystore");
            assert!(e.causes.iter().any(|c| c.contains(why)), "{why}: {e:?}");
        }
    }

    #[test]
    fn eth_keystore_io_errors_name_the_folder_and_the_cause() {
        let dir = Path::new("/home/u/.local/share/cohort/keystores");
        let ks = |m: &str| {
            LocalSignerError::EthKeystoreError(eth_keystore::KeystoreError::StdIo(m.into()))
        };
        for (os, cause) in [
            (libc::ENOSPC, "No space left on device"),
            (libc::EROFS, "Read-only file system"),
        ] {
            let text = std::io::Error::from_raw_os_error(os).to_string();
            let e = keystore_io(dir, ks(&text));
            assert_eq!(e.code, "io");
            assert!(
                e.message.contains(&dir.display().to_string()) && e.message.contains(cause),
                "{}",
                e.message
            );
            assert!(!e.message.contains("encrypt"), "{}", e.message);
            // Error::io's fix for a full disk or a read-only filesystem comes along.
            assert!(
                e.hint.as_deref().is_some_and(|h| h.contains("COHORT_HOME")),
                "{e:?}"
            );
        }
        let e = keystore_io(dir, ks("something odd"));
        assert!(
            e.message.contains(&dir.display().to_string()),
            "{}",
            e.message
        );
    }

    #[test]
    fn scratch_folders_name_their_process() {
        assert!(!scratch_of_dead_process(&format!(
            ".scratch-{}-aB3dE9",
            std::process::id()
        )));
        let mut c = std::process::Command::new("true").spawn().unwrap();
        let dead = c.id();
        c.wait().unwrap();
        assert!(scratch_of_dead_process(&format!(".scratch-{dead}-aB3dE9")));
        assert!(!scratch_of_dead_process(".scratch-aB3dE9"));
        assert!(!scratch_of_dead_process(".scratch--x"));
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.json");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(1 << 30).unwrap();
        let e = read_json(&p).unwrap_err();
        assert_eq!(e.exit_code(), 6);
        assert!(e.causes[0].contains("1073741824 bytes"), "{e:?}");
    }
}
