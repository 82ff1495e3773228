//! `cohort wallet`: encrypted keystores, passwords, balances, transfers and signatures.

use std::io::Read;
use std::path::{Path, PathBuf};

use alloy::primitives::Address;
use clap::{ArgGroup, Args, Subcommand};
use zeroize::Zeroizing;

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::transfer;
use crate::env;
use crate::error::{Error, Result};
use crate::ui::table;
use crate::wallet::{self, keyring, keystore, password, results};

/// Keystore wallets: create, import, list, export; balances, transfers, signatures.
///
/// Keystores are Web3 Secret Storage v3 files (scrypt) in `<data dir>/keystores/NAME.json`,
/// readable by geth and foundry. Passwords come from --password-file (COHORT_PASSWORD_FILE),
/// then COHORT_PASSWORD (unsafe), then the OS keyring for wallets unlocked with `--remember`,
/// then a hidden prompt on a terminal.
#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Create a wallet with a new random key or a new recovery phrase
    ///
    /// Examples:
    ///   cohort wallet new alice
    ///   cohort wallet new alice --mnemonic 24 --mnemonic-file alice.phrase
    ///   cohort wallet new ci --password-file /run/secrets/ci-pass
    #[command(verbatim_doc_comment)]
    New(NewArgs),
    /// Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)
    ///
    /// Examples:
    ///   cohort wallet import alice --private-key-file key.txt
    ///   echo "$KEY" | cohort wallet import alice --private-key-file - --password-file pass.txt
    ///   cohort wallet import alice --mnemonic-file phrase.txt --index 2
    ///   cohort wallet import alice --keystore ~/.foundry/keystores/alice
    #[command(verbatim_doc_comment)]
    Import(ImportArgs),
    /// List wallets: name, address, and which one is the default.
    ///
    /// Example: cohort wallet list --json
    List,
    /// Show a wallet's address and keystore file.
    ///
    /// Example: cohort wallet show alice
    Show(NameArgs),
    /// Make a wallet the default signer (with --profile: that profile's wallet).
    ///
    /// Example: cohort wallet default alice
    Default(NameArgs),
    /// Rename a wallet.
    ///
    /// Example: cohort wallet rename alice alice-old
    Rename(RenameArgs),
    /// Delete a wallet's keystore (asks first, unless --yes).
    ///
    /// Example: cohort wallet remove alice-old --yes
    Remove(NameArgs),
    /// Re-encrypt a wallet with a new password.
    ///
    /// Example: cohort wallet change-password alice --password-file old --new-password-file new
    ChangePassword(ChangePasswordArgs),
    /// Print the private key (after confirmation) or copy the keystore file
    ///
    /// Examples:
    ///   cohort wallet export alice --keystore backup.json
    ///   cohort wallet export alice --private-key --yes
    #[command(verbatim_doc_comment)]
    Export(ExportArgs),
    /// Check a wallet's password; with --remember, keep it in the OS keyring.
    ///
    /// The keyring caches the password only (never the key). On headless machines without a
    /// Secret Service use --password-file instead.
    /// Example: cohort wallet unlock alice --remember
    Unlock(UnlockArgs),
    /// Forget a password remembered in the OS keyring.
    ///
    /// Example: cohort wallet lock alice
    Lock(NameArgs),
    /// Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)
    ///
    /// Examples:
    ///   cohort wallet balance
    ///   cohort wallet balance qs-alice --token QSB1     # a model token (after `cohort quickstart`)
    #[command(verbatim_doc_comment)]
    Balance(BalanceArgs),
    /// Send the native coin or an ERC-20 token, and wait for the receipt
    ///
    /// Amounts: 1.5 (in coins or whole tokens), 1.5ether, 250gwei, 1000wei.
    /// Examples:
    ///   cohort wallet send 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 0.5 --wallet alice
    ///   cohort wallet send qs-bob 100 --token QSB1 --wallet qs-alice --dry-run
    #[command(verbatim_doc_comment)]
    Send(SendArgs),
    /// Sign a message (EIP-191 personal message).
    ///
    /// Example: cohort wallet sign "hello" --wallet alice
    Sign(SignArgs),
    /// Check an EIP-191 signature: print the signer, or check it is --address.
    ///
    /// Example: cohort wallet verify "hello" 0x…sig --address 0x…
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct NameArgs {
    /// Wallet name.
    pub name: String,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Name of the new wallet (letters, digits, '-', '_', '.').
    pub name: String,
    /// Derive the key from a new BIP-39 recovery phrase of 12 (default) or 24 words, printed
    /// once on stdout as the only backup (or written to --mnemonic-file).
    #[arg(long, num_args = 0..=1, default_missing_value = "12", value_name = "WORDS",
          value_parser = ["12", "24"])]
    pub mnemonic: Option<String>,
    /// Write the recovery phrase to this file (mode 0600) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub mnemonic_file: Option<PathBuf>,
    /// File holding the new wallet's password.
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Replace an existing wallet of the same name, whose key is lost unless backed up (asks
    /// first, unless --yes), and an existing --mnemonic-file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["private_key_file", "mnemonic_file", "keystore"])))]
pub struct ImportArgs {
    /// Name of the new wallet.
    pub name: String,
    /// File holding a hex private key (`-` reads standard input).
    #[arg(long, value_name = "FILE")]
    pub private_key_file: Option<PathBuf>,
    /// File holding a BIP-39 recovery phrase (`-` reads standard input).
    #[arg(long, value_name = "FILE")]
    pub mnemonic_file: Option<PathBuf>,
    /// Account index N of the phrase, path m/44'/60'/0'/0/N.
    #[arg(
        long,
        default_value_t = 0,
        requires = "mnemonic_file",
        value_name = "N"
    )]
    pub index: u32,
    /// A Web3 Secret Storage v3 keystore file (geth, foundry, cohort); it keeps its password.
    #[arg(long, value_name = "FILE")]
    pub keystore: Option<PathBuf>,
    /// File holding the password (the new wallet's; with --keystore, the keystore's).
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Replace an existing wallet of the same name, whose key is lost unless backed up (asks
    /// first, unless --yes).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    pub old: String,
    pub new: String,
    /// Replace an existing wallet named NEW, whose key is lost unless backed up (asks first,
    /// unless --yes).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ChangePasswordArgs {
    pub name: String,
    /// File holding the current password.
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// File holding the new password (else asked twice on the terminal).
    #[arg(long, value_name = "FILE")]
    pub new_password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["private_key", "keystore"])))]
pub struct ExportArgs {
    pub name: String,
    /// Print the private key on stdout (asks first, unless --yes). Anyone who sees it owns the
    /// wallet's funds.
    #[arg(long)]
    pub private_key: bool,
    /// Copy the keystore file (still encrypted) to FILE, mode 0600.
    #[arg(long, value_name = "FILE")]
    pub keystore: Option<PathBuf>,
    /// File holding the password (for --private-key).
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Overwrite an existing FILE.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct UnlockArgs {
    pub name: String,
    /// Keep the password in the OS keyring, so later commands need no password.
    #[arg(long)]
    pub remember: bool,
    /// File holding the password.
    #[arg(long, env = env::COHORT_PASSWORD_FILE, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Wallet name, `dev:N` or address (default: the selected wallet).
    pub who: Option<String>,
    /// Also show the balance of this ERC-20 token: address or symbol (repeatable).
    #[arg(long, value_name = "ERC20")]
    pub token: Vec<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Recipient: address, wallet name or `dev:N`.
    pub to: String,
    /// Amount: 1.5, 1.5ether, 250gwei, 1000wei (tokens: in whole tokens, by their decimals).
    pub amount: String,
    /// Send this ERC-20 token instead of the native coin: address or symbol (a model token's,
    /// or a revenue asset of a model).
    #[arg(long, value_name = "ERC20")]
    pub token: Option<String>,
    /// Check and show the transfer (gas, fees, funds) without sending it; needs no password.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The message (text; with --hex, 0x-prefixed bytes).
    pub message: String,
    /// The message is hex bytes.
    #[arg(long)]
    pub hex: bool,
    #[command(flatten)]
    pub signer: SignerOpts,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The message that was signed.
    pub message: String,
    /// The signature (0x + 130 hex digits).
    pub signature: String,
    /// Who should have signed (an address, a wallet's name or dev:N); a mismatch is exit 5.
    #[arg(long, value_name = "ADDRESS|NAME|dev:N")]
    pub address: Option<String>,
    /// The message is hex bytes.
    #[arg(long)]
    pub hex: bool,
}

fn message_bytes(message: &str, is_hex: bool) -> Result<Vec<u8>> {
    if !is_hex {
        return Ok(message.as_bytes().to_vec());
    }
    let m = message.strip_prefix("0x").unwrap_or(message);
    hex::decode(m).map_err(|_| {
        Error::usage("wallet.bad_hex", "the message is not valid hex")
            .hint("drop --hex to sign text")
    })
}

/// Reads a secret file (`-`: standard input) into zeroized memory.
fn read_secret(path: &Path, what: &str) -> Result<Zeroizing<String>> {
    let mut buf = Zeroizing::new(Vec::new());
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Error::usage(
                "wallet.read",
                format!("cannot read the {what} from standard input: {e}"),
            )
        })?;
    } else {
        *buf = std::fs::read(path).map_err(|e| {
            Error::usage(
                "wallet.read",
                format!("cannot read the {what} file {}: {e}", path.display()),
            )
        })?;
    }
    let s = std::str::from_utf8(&buf)
        .map_err(|_| Error::usage("wallet.read", format!("the {what} is not UTF-8 text")))?;
    Ok(Zeroizing::new(s.to_string()))
}

fn saved_human(verb: &str, s: &wallet::Saved) -> String {
    table::pairs(&[
        ("wallet", format!("{} ({verb})", s.name)),
        ("address", s.address.to_string()),
        ("keystore", s.keystore.display().to_string()),
    ])
}

fn no_secrets_in_json(flag: &str) -> Error {
    Error::usage("wallet.secret_json", "--json output never carries secrets")
        .hint(format!("drop --json, or {flag}"))
}

impl WalletCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        match self {
            WalletCommand::New(a) => new(ctx, a),
            WalletCommand::Import(a) => import(ctx, a),
            WalletCommand::List => list(ctx),
            WalletCommand::Show(a) => show(ctx, &a.name),
            WalletCommand::Default(a) => set_default(ctx, &a.name),
            WalletCommand::Rename(a) => {
                // Onto another wallet's name, --force replaces that wallet: asked first. (Onto
                // its own name, or finishing an interrupted rename, nothing is lost.)
                let force = if a.force
                    && a.old != a.new
                    && keystore::exists(&ctx.paths, &a.old)
                    && !keystore::same_file(&ctx.paths, &a.old, &a.new)
                {
                    confirm_replace(ctx, &a.new, true)?
                } else {
                    a.force
                };
                let r = wallet::rename(&ctx.paths, &a.old, &a.new, force)?;
                ctx.printer.result(&r, |r| {
                    if r.resumed {
                        format!(
                            "finished the interrupted rename of wallet '{}' to '{}'\n{}",
                            a.old,
                            a.new,
                            saved_human("renamed", &r.saved)
                        )
                    } else {
                        saved_human("renamed", &r.saved)
                    }
                });
                Ok(())
            }
            WalletCommand::Remove(a) => remove(ctx, &a.name),
            WalletCommand::ChangePassword(a) => change_password(ctx, a),
            WalletCommand::Export(a) => export(ctx, a),
            WalletCommand::Unlock(a) => unlock(ctx, a),
            WalletCommand::Lock(a) => {
                keystore::existing(&ctx.paths, &a.name)?;
                let had = keyring::forget(&ctx.paths, &a.name);
                let v = results::Locked {
                    name: a.name.clone(),
                    forgotten: had,
                };
                ctx.printer.result(&v, |_| {
                    if had {
                        format!("forgot the remembered password of wallet '{}'", a.name)
                    } else {
                        format!("no password was remembered for wallet '{}'", a.name)
                    }
                });
                Ok(())
            }
            WalletCommand::Balance(a) => balance(ctx, a).await,
            WalletCommand::Send(a) => send(ctx, a).await,
            WalletCommand::Sign(a) => sign(ctx, a),
            WalletCommand::Verify(a) => verify(ctx, a),
        }
    }
}

fn new(ctx: &Ctx, a: NewArgs) -> Result<()> {
    let words = match (&a.mnemonic, &a.mnemonic_file) {
        (Some(w), _) => Some(w.parse::<usize>().expect("clap checked 12|24")),
        (None, Some(_)) => Some(12),
        (None, None) => None,
    };
    if words.is_some() && a.mnemonic_file.is_none() && ctx.printer.json {
        return Err(no_secrets_in_json(
            "pass --mnemonic-file FILE to save the recovery phrase",
        ));
    }
    keystore::check_free(&ctx.paths, &a.name, a.force)?;
    let replace = confirm_replace(ctx, &a.name, a.force)?;
    if let Some(f) = a.mnemonic_file.as_ref().filter(|f| f.exists() && !a.force) {
        return Err(mnemonic_file_exists(f));
    }
    // The phrase is the wallet's only backup: it is written (and synced) before the wallet
    // exists, so that no run, killed or failed, leaves a wallet without its phrase. Checked
    // first that its folder takes a file, before asking for a password.
    if let Some(f) = &a.mnemonic_file {
        let dir = match f.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => std::path::Path::new("."),
        };
        tempfile::NamedTempFile::new_in(dir).map_err(|e| {
            Error::io("write the recovery phrase into", dir, e)
                .hint("pick a --mnemonic-file in a folder you can write to; no wallet was created")
        })?;
        // Temporary files of runs killed while writing a phrase there.
        for p in crate::fsutil::remove_stale_temps(dir) {
            tracing::debug!("removed a killed run's temporary file {}", p.display());
        }
    }
    let pw = password::new_password(
        a.password_file.as_deref(),
        true,
        &format!("wallet '{}'", a.name),
        "--password-file",
    )?;
    let mut key = wallet::new_key(&ctx.paths, words, &pw)?;
    let mut written = None;
    if let (Some(phrase), Some(f)) = (&key.phrase, &a.mnemonic_file) {
        let text = Zeroizing::new(format!("{}\n", phrase.as_str()));
        let w = if a.force {
            crate::fsutil::write_atomic(f, text.as_bytes(), 0o600)
        } else {
            crate::fsutil::write_new(f, text.as_bytes(), 0o600)
        };
        if let Err(e) = w {
            if !a.force && f.exists() {
                return Err(mnemonic_file_exists(f));
            }
            return Err(e.hint("pick a --mnemonic-file you can write to; no wallet was created"));
        }
        written = Some((f, text));
    }
    let saved = match wallet::store_new(&ctx.paths, &a.name, &key, replace) {
        Ok(s) => s,
        Err(e) => {
            // The phrase of a key that was not stored is nobody's backup: it goes again, if
            // the file still holds what this run wrote.
            if let Some((f, text)) = written {
                let now = Zeroizing::new(std::fs::read(f).unwrap_or_default());
                if now.as_slice() == text.as_bytes() {
                    let _ = std::fs::remove_file(f);
                }
            }
            return Err(e);
        }
    };
    let shown_phrase = if a.mnemonic_file.is_none() {
        key.phrase.take()
    } else {
        None
    };
    let v = results::Created {
        saved,
        mnemonic_file: a.mnemonic_file.clone(),
    };
    ctx.printer.result(&v, |v| {
        let mut out = saved_human("created", &v.saved);
        if let Some(f) = &a.mnemonic_file {
            out.push_str(&format!(
                "\nrecovery phrase written to {} (mode 0600): it is the ONLY backup of this \
                 wallet; move it somewhere safe and offline",
                f.display()
            ));
        }
        if let Some(p) = &shown_phrase {
            out.push_str(&format!(
                "\n\nRECOVERY PHRASE: the ONLY backup of this wallet. Write it down and keep it \
                 offline; it is shown this once and never again.\n\n    {}\n",
                p.as_str()
            ));
        }
        out
    });
    // A phrase that never reached stdout (`> FILE` on a full disk) backs nothing up: the
    // wallet made from it goes again, rather than stay with no backup anywhere.
    if shown_phrase.is_some()
        && let Some(e) = crate::ui::stdout_failure()
    {
        let removed = wallet::discard_new(&ctx.paths, &a.name, &key)?;
        return Err(phrase_not_written(&a.name, &e.message, removed));
    }
    Ok(())
}

/// `wallet new`'s error when its recovery phrase could not be printed (`why`: the message of
/// [`crate::ui::stdout_failure`], whose cause is quoted).
fn phrase_not_written(name: &str, why: &str, removed: bool) -> Error {
    let cause = why
        .strip_prefix("could not write the command's output to stdout: ")
        .and_then(|c| c.strip_suffix("; what it printed is lost"))
        .unwrap_or(why);
    let fate = if removed {
        "so it was removed again"
    } else {
        "and another run has replaced it since"
    };
    Error::failed(
        "wallet.phrase_not_written",
        format!(
            "wallet '{name}' was not kept: its recovery phrase, the only backup of its key, \
             could not be written to stdout ({cause}), {fate}"
        ),
    )
    .hint(
        "free space where stdout goes, or pass --mnemonic-file FILE to write the phrase to a \
         file; then create the wallet again",
    )
}

/// `--force` onto an existing wallet `name`: asks first, as `wallet remove` does (its key is
/// lost unless backed up); `--yes` answers, and without a terminal it is exit 2
/// (`confirm.no_terminal`). Returns whether the store may replace a wallet: only one that
/// existed here and was confirmed, so that a wallet another run creates meanwhile is refused
/// (`wallet.exists`) instead of replaced unasked.
fn confirm_replace(ctx: &Ctx, name: &str, force: bool) -> Result<bool> {
    keystore::validate_name(name)?;
    if !force || !keystore::path(&ctx.paths, name).exists() {
        return Ok(false);
    }
    let address = keystore::address_of(&ctx.paths, name)
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    let q = format!(
        "Replace wallet '{name}'{address}? Its key is lost unless backed up, and with it its funds."
    );
    if !ctx.printer.confirm(&q)? {
        return Err(Error::failed(
            "wallet.cancelled",
            format!("cancelled: wallet '{name}' was kept"),
        ));
    }
    Ok(true)
}

fn mnemonic_file_exists(f: &Path) -> Error {
    Error::usage(
        "wallet.mnemonic_file_exists",
        format!("{} already exists", f.display()),
    )
    .hint("pick another --mnemonic-file, or pass --force to overwrite it")
}

fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    keystore::check_free(&ctx.paths, &a.name, a.force)?;
    let replace = confirm_replace(ctx, &a.name, a.force)?;
    let what = format!("wallet '{}'", a.name);
    let saved = if let Some(f) = &a.keystore {
        keystore::read_json(f)?;
        let pw = password::existing_password(
            a.password_file.as_deref(),
            &format!("the keystore {}", f.display()),
        )?;
        wallet::import_keystore(&ctx.paths, &a.name, f, &pw, replace)?
    } else {
        let signer = if let Some(f) = &a.private_key_file {
            let text = read_secret(f, "private key")?;
            wallet::parse_private_key(&text).map_err(|e| {
                Error::usage(
                    "wallet.bad_key",
                    format!("{} does not hold a valid private key", shown(f)),
                )
                .hint(e.hint.unwrap_or_default())
            })?
        } else {
            let f = a.mnemonic_file.as_ref().expect("clap requires one source");
            let text = read_secret(f, "recovery phrase")?;
            wallet::signer_from_mnemonic(&text, a.index).map_err(|e| {
                Error::usage(
                    "wallet.bad_mnemonic",
                    format!("{} does not hold a valid BIP-39 recovery phrase", shown(f)),
                )
                .hint(e.hint.unwrap_or_default())
            })?
        };
        let pw =
            password::new_password(a.password_file.as_deref(), true, &what, "--password-file")?;
        wallet::import_signer(&ctx.paths, &a.name, &signer, &pw, replace)?
    };
    ctx.printer.result(&saved, |s| saved_human("imported", s));
    Ok(())
}

fn shown(f: &Path) -> String {
    if f == Path::new("-") {
        "standard input".to_string()
    } else {
        f.display().to_string()
    }
}

/// `wallet show dev:N`.
#[derive(serde::Serialize)]
struct DevRow {
    name: String,
    address: Address,
    keystore: Option<PathBuf>,
    default: bool,
    dev_account: bool,
}

#[derive(serde::Serialize)]
struct ListRow {
    name: String,
    address: Option<Address>,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    keystore: PathBuf,
    default: bool,
    remembered: bool,
}

fn list(ctx: &Ctx) -> Result<()> {
    let default = wallet::default_name(&ctx.paths, ctx.global.profile.as_deref());
    let rows: Vec<ListRow> = keystore::list(&ctx.paths)?
        .into_iter()
        .map(|w| ListRow {
            default: default.as_deref() == Some(w.name.as_str()),
            remembered: keyring::is_remembered(&ctx.paths, &w.name),
            name: w.name,
            address: w.address,
            keystore: w.path,
        })
        .collect();
    ctx.printer.result(&rows, |rows| {
        if rows.is_empty() {
            return "no wallets yet; create one with `cohort wallet new NAME` or `cohort wallet import NAME`"
                .to_string();
        }
        let mut out = table::render(
            &["", "NAME", "ADDRESS"],
            rows.iter().map(|r| {
                vec![
                    if r.default { "*".to_string() } else { String::new() },
                    r.name.clone(),
                    r.address.map(|a| a.to_string()).unwrap_or_else(|| "(not recorded)".into()),
                ]
            }),
        );
        if let Some(d) = default.as_ref().filter(|_| !rows.iter().any(|r| r.default)) {
            out.push_str(&format!("\n(the default signer is '{d}')"));
        }
        out
    });
    Ok(())
}

fn show(ctx: &Ctx, name: &str) -> Result<()> {
    // anvil's dev accounts sign on the local devnet without a keystore.
    if let Some(i) = wallet::parse_dev_wallet(name)
        && !keystore::path(&ctx.paths, name).is_file()
    {
        let signer = crate::devnet::dev_signer(i)?;
        let default = wallet::default_name(&ctx.paths, ctx.global.profile.as_deref());
        let v = DevRow {
            name: name.to_string(),
            address: alloy::signers::Signer::address(&signer),
            keystore: None,
            default: default.as_deref() == Some(name),
            dev_account: true,
        };
        ctx.printer.result(&v, |v| {
            table::pairs(&[
                ("name", v.name.clone()),
                ("address", v.address.to_string()),
                (
                    "keystore",
                    "none: anvil's dev account, for the local devnet only".into(),
                ),
                ("default", if v.default { "yes" } else { "no" }.into()),
            ])
        });
        return Ok(());
    }
    let path = keystore::existing(&ctx.paths, name)?;
    // A damaged keystore is exit 6 here too; a valid one without `address` (foundry's) shows
    // "(not recorded)".
    let address = keystore::stored_address(&keystore::read_json(&path)?);
    let default = wallet::default_name(&ctx.paths, ctx.global.profile.as_deref());
    let v = ListRow {
        name: name.to_string(),
        address,
        keystore: path,
        default: default.as_deref() == Some(name),
        remembered: keyring::is_remembered(&ctx.paths, name),
    };
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    ctx.printer.result(&v, |v| {
        table::pairs(&[
            ("name", v.name.clone()),
            (
                "address",
                v.address
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "(not recorded)".into()),
            ),
            ("keystore", v.keystore.display().to_string()),
            ("default", yes_no(v.default)),
            ("password in keyring", yes_no(v.remembered)),
        ])
    });
    Ok(())
}

fn set_default(ctx: &Ctx, name: &str) -> Result<()> {
    let profile = ctx.global.profile.as_deref();
    let overridden = wallet::set_default(&ctx.paths, name, profile)?;
    if let Some(p) = &overridden {
        ctx.printer.warn(&format!(
            "profile '{p}' names its own wallet, which wins there; \
             run `cohort wallet default {name} --profile {p}` to change it"
        ));
    }
    let v = results::DefaultWallet {
        default_wallet: name.to_string(),
        profile: profile.map(str::to_string),
    };
    ctx.printer.result(&v, |_| match profile {
        Some(p) => format!("wallet '{name}' now signs on profile '{p}'"),
        None => format!("wallet '{name}' is now the default"),
    });
    Ok(())
}

fn remove(ctx: &Ctx, name: &str) -> Result<()> {
    keystore::existing(&ctx.paths, name)?;
    let address = keystore::address_of(&ctx.paths, name)
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    let q = format!(
        "Remove wallet '{name}'{address}? Without a backup its key and funds are lost for good."
    );
    if !ctx.printer.confirm(&q)? {
        return Err(Error::failed(
            "wallet.cancelled",
            format!("cancelled: wallet '{name}' was kept"),
        ));
    }
    let p = wallet::remove(&ctx.paths, name)?;
    let v = results::Removed {
        removed: name.to_string(),
        keystore: p,
    };
    ctx.printer
        .result(&v, |_| format!("removed wallet '{name}'"));
    Ok(())
}

fn change_password(ctx: &Ctx, a: ChangePasswordArgs) -> Result<()> {
    let (signer, _, _) = password::unlock(&ctx.paths, &a.name, a.password_file.as_deref())?;
    let new_pw = password::new_password(
        a.new_password_file.as_deref(),
        false,
        &format!("wallet '{}'", a.name),
        "--new-password-file",
    )?;
    let p = wallet::change_password(&ctx.paths, &a.name, &signer, &new_pw)?;
    let v = results::PasswordChanged {
        name: a.name.clone(),
        address: signer.address(),
        keystore: p,
    };
    ctx.printer.result(&v, |_| {
        format!("changed the password of wallet '{}'", a.name)
    });
    Ok(())
}

fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    if let Some(dest) = &a.keystore {
        wallet::export_keystore(&ctx.paths, &a.name, dest, a.force)?;
        let v = results::Exported {
            name: a.name.clone(),
            keystore: dest.clone(),
        };
        ctx.printer.result(&v, |_| {
            format!(
                "copied the keystore of wallet '{}' to {} (still encrypted)",
                a.name,
                dest.display()
            )
        });
        return Ok(());
    }
    if ctx.printer.json {
        return Err(no_secrets_in_json(
            "use --keystore FILE for an encrypted copy",
        ));
    }
    keystore::existing(&ctx.paths, &a.name)?;
    let q = format!(
        "Print the private key of wallet '{}' on stdout? Anyone who sees it controls the wallet.",
        a.name
    );
    if !ctx.printer.confirm(&q)? {
        return Err(Error::failed(
            "wallet.cancelled",
            "cancelled: nothing was printed",
        ));
    }
    let (signer, _, _) = password::unlock(&ctx.paths, &a.name, a.password_file.as_deref())?;
    let key = Zeroizing::new(format!("0x{}", hex::encode(signer.to_bytes().0)));
    ctx.printer.essential(&(), &key);
    Ok(())
}

fn unlock(ctx: &Ctx, a: UnlockArgs) -> Result<()> {
    let (signer, pw, origin) = password::unlock(&ctx.paths, &a.name, a.password_file.as_deref())?;
    if a.remember && origin != password::Origin::Keyring {
        keyring::remember(&ctx.paths, &a.name, &pw)?;
    }
    let remembered = keyring::is_remembered(&ctx.paths, &a.name);
    let v = results::Unlocked {
        name: a.name.clone(),
        address: signer.address(),
        remembered,
    };
    ctx.printer.result(&v, |_| {
        if remembered {
            format!(
                "wallet '{}' unlocked; its password is remembered in the OS keyring \
                 (forget it with `cohort wallet lock {}`)",
                a.name, a.name
            )
        } else {
            format!(
                "the password of wallet '{}' is correct (pass --remember to keep it in the OS keyring)",
                a.name
            )
        }
    });
    Ok(())
}

async fn balance(ctx: &Ctx, a: BalanceArgs) -> Result<()> {
    let client = ctx.client()?;
    let address = match &a.who {
        Some(who) => wallet::resolve_address(&ctx.paths, &client.profile, who)?,
        None => ctx.signer_address(&client, &a.signer)?,
    };
    let chain = client.chain().await?;
    let mut tokens = Vec::new();
    for t in &a.token {
        let asset = resolve_token(&client, &chain, t).await?;
        if !asset.native {
            tokens.push(asset.address);
        }
    }
    let mut report = transfer::balance(&chain, address, &tokens).await?;
    if let Ok(factory) = client.profile.contract("model_token_factory") {
        for t in crate::tokens::tokens_held(&chain, factory, address).await? {
            if !report.tokens.iter().any(|x| x.token == Some(t.token)) {
                report.tokens.push(transfer::TokenBalance {
                    token: Some(t.token),
                    symbol: t.symbol,
                    decimals: t.decimals,
                    raw: t.balance.to_string(),
                    amount: crate::chain::units::format_amount(t.balance, t.decimals),
                });
            }
        }
    }
    ctx.printer.result(&report, |r| {
        let mut rows = vec![vec![
            r.native.symbol.clone(),
            r.native.amount.clone(),
            "native".into(),
        ]];
        for t in &r.tokens {
            rows.push(vec![
                t.symbol.clone(),
                t.amount.clone(),
                t.token.map(|a| a.to_string()).unwrap_or_default(),
            ]);
        }
        format!(
            "{}\n{}",
            r.address,
            table::render(&["ASSET", "BALANCE", "CONTRACT"], rows)
        )
    });
    Ok(())
}

/// A `--token` argument as an asset (address or known symbol: [`crate::tokens::resolve_asset`]).
async fn resolve_token(
    client: &crate::client::Client,
    chain: &crate::chain::Chain,
    sel: &str,
) -> Result<crate::tokens::Asset> {
    let factory = client.profile.contract("model_token_factory").ok();
    crate::tokens::resolve_asset(chain, factory, sel).await
}

async fn send(ctx: &Ctx, a: SendArgs) -> Result<()> {
    let client = ctx.client()?;
    let to = wallet::resolve_address(&ctx.paths, &client.profile, &a.to)?;
    let chain = client.chain().await?;
    let token = match &a.token {
        Some(t) => Some(resolve_token(&client, &chain, t).await?).filter(|a| !a.native),
        None => None,
    };
    let token = token.map(|t| t.address);
    if a.dry_run {
        // A plan needs the sender's address only: no password, nothing unlocked.
        let (s, _) = ctx.planner(&client, &chain, &a.signer)?;
        let (transfer, prepared) = transfer::prepare_transfer(&s, to, &a.amount, token).await?;
        let what = format!("{} {}", transfer.amount, transfer.symbol);
        let v = transfer::TransferPlan {
            dry_run: true,
            transfer: transfer.clone(),
            gas: prepared.gas,
            max_fee_per_gas: prepared.max_fee_per_gas.to_string(),
        };
        ctx.printer.result(&v, |_| {
            format!(
                "would send {what} from {} to {} (gas limit {}, up to {} {} for gas); nothing was sent",
                transfer.from,
                transfer.to,
                prepared.gas,
                crate::chain::units::format_amount(prepared.max_gas_cost(), 18),
                crate::chain::tx::native_symbol(chain.chain_id)
            )
        });
        return Ok(());
    }
    let s = ctx.signer(&client, &chain, &a.signer)?;
    let progress = ctx.printer.progress();
    let v = transfer::send(&s, to, &a.amount, token, progress.as_ref()).await?;
    ctx.printer.result(&v, |v| {
        let (transfer, confirmed) = (&v.transfer, &v.tx);
        let what = format!(
            "{} {} from {} to {}",
            transfer.amount, transfer.symbol, transfer.from, transfer.to
        );
        format!(
            "{}\n{}",
            if v.resumed {
                format!(
                    "an earlier run's transfer of {what} (tx {}, recorded {}) landed; nothing was paid again\n\
                     (that run was interrupted before it saw the receipt; to pay the same amount again, run the same command once more)",
                    confirmed.tx_hash,
                    v.earlier_run_at.as_deref().unwrap_or("at an unknown time")
                )
            } else {
                format!("sent {what}")
            },
            table::pairs(&[
                ("tx", confirmed.tx_hash.to_string()),
                (
                    "block",
                    confirmed
                        .block_number
                        .map(|b| b.to_string())
                        .unwrap_or_default()
                ),
                ("gas used", confirmed.gas_used.to_string()),
            ])
        )
    });
    Ok(())
}

fn sign(ctx: &Ctx, a: SignArgs) -> Result<()> {
    let msg = message_bytes(&a.message, a.hex)?;
    let profile = chainless_profile(ctx)?;
    let signer = wallet::load_signer(&ctx.paths, &profile, &a.signer.source())?;
    let sig = wallet::sign_message(&signer, &msg)?;
    let v = results::Signed {
        address: signer.address(),
        signature: format!("0x{}", hex::encode(sig.as_bytes())),
    };
    ctx.printer.result(&v, |v| v.signature.clone());
    Ok(())
}

/// The active profile, or where there is none (signing needs no chain) one that names only
/// the default wallet: keystore wallets and keys apply.
fn chainless_profile(ctx: &Ctx) -> Result<crate::config::ResolvedProfile> {
    Ok(match ctx.client() {
        Ok(c) => c.profile,
        Err(_) => crate::config::ResolvedProfile {
            name: String::new(),
            rpc_url: String::new(),
            chain_id: None,
            storage_nodes: Vec::new(),
            indexer: None,
            wallet: crate::config::Config::load(&ctx.paths)?.default_wallet,
            contracts: Default::default(),
        },
    })
}

fn verify(ctx: &Ctx, a: VerifyArgs) -> Result<()> {
    let msg = message_bytes(&a.message, a.hex)?;
    let recovered = wallet::recover_signer(&msg, &a.signature)?;
    let want = match a.address.as_deref() {
        Some(who) => Some(wallet::resolve_address(
            &ctx.paths,
            &chainless_profile(ctx)?,
            who,
        )?),
        None => None,
    };
    if let Some(want) = want.filter(|w| *w != recovered) {
        return Err(Error::verification(
            "wallet.signature_mismatch",
            format!("the signature is not by {want}: it was made by {recovered}"),
        )
        .hint(
            "check that the message is the exact text that was signed (every character, \
             spaces and line ends included; pass --hex for bytes given as hex), that --address \
             is the signer's, and that the signature belongs to this message",
        ));
    }
    let v = results::Verified {
        address: recovered,
        valid: true,
    };
    ctx.printer.result(&v, |_| match want {
        Some(_) => format!("valid signature by {recovered}"),
        None => format!("signed by {recovered}"),
    });
    Ok(())
}
