//! `cohort wallet`: keystores (geth's, foundry's, cohort's), password sources, the keyring
//! fallback, secrets hygiene, and transfers on a real devnet.
//!
//! Every command these tests run goes through [`run`], which greps stdout and stderr (with
//! debug logging on) for the fixture keys and passwords: only `export --private-key` and the
//! one-time mnemonic of `new` may print a secret, and only on stdout.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{Devnet, Home};
use assert_cmd::Command;

/// fixtures/keystores/geth-alice.json (geth's format, scrypt n=262144); see the README there.
const GETH_FILE: &str = "fixtures/keystores/geth-alice.json";
const GETH_PASSWORD: &str = "geth-fixture-password";
const GETH_KEY: &str = "20b665a870177969389f9432f78742a1c919c4a6f28163898f170c315d6f77c4";
const GETH_ADDRESS: &str = "0x097B444227fc1f2262b3CC0AC1053487F6b5EAdA";
/// fixtures/keystores/foundry-bob (foundry's format: eth-keystore, no address, n=8192).
const FOUNDRY_FILE: &str = "fixtures/keystores/foundry-bob";
const FOUNDRY_PASSWORD: &str = "foundry-fixture-password";
const FOUNDRY_KEY: &str = "5a998e9d2bf3912f7e61eeae0d3e2a69a4edec4fede09de0381083bd04743e8b";
const FOUNDRY_ADDRESS: &str = "0x27F3934d30F796112b8fAE1861802710C7cc7CDc";
/// Passwords the tests give new wallets.
const PASSWORD: &str = "test-password-correct-horse";
const NEW_PASSWORD: &str = "test-password-battery-staple";
const WRONG_PASSWORD: &str = "test-password-wrong-one";
/// anvil's public test mnemonic and its first account.
const ANVIL_MNEMONIC: &str = "test test test test test test test test test test test junk";
const ANVIL_ADDRESS_0: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const ANVIL_ADDRESS_1: &str = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
/// anvil's dev accounts 7 and 8 (public test keys): funded on the devnet, imported as keystore
/// wallets by the chain tests (each test runs its own devnet).
const DEV7_KEY: &str = "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356";
const DEV8_KEY: &str = "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";

const SECRETS: &[&str] = &[
    GETH_PASSWORD,
    GETH_KEY,
    FOUNDRY_PASSWORD,
    FOUNDRY_KEY,
    PASSWORD,
    NEW_PASSWORD,
    WRONG_PASSWORD,
    DEV7_KEY,
    DEV8_KEY,
];

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// What a command printed.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn ok(self) -> Out {
        assert_eq!(self.code, 0, "expected success; stderr:\n{}", self.stderr);
        self
    }
    fn code(self, want: i32) -> Out {
        assert_eq!(
            self.code, want,
            "expected exit {want}; stderr:\n{}",
            self.stderr
        );
        self
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("no JSON on stdout ({e}):\n{}", self.stdout))
    }
}

fn leaks(text: &str) -> Vec<&'static str> {
    let lower = text.to_ascii_lowercase();
    SECRETS
        .iter()
        .copied()
        .filter(|s| text.contains(s) || lower.contains(&s.to_ascii_lowercase()))
        .collect()
}

/// Runs a prepared command, with debug logs on, and checks that no secret reached stderr nor
/// (unless `secret_stdout`) stdout.
fn finish(mut cmd: Command, stdin: Option<&str>, secret_stdout: bool) -> Out {
    cmd.env("COHORT_LOG", "debug");
    if let Some(s) = stdin {
        cmd.write_stdin(s.to_string());
    }
    let o = cmd.output().unwrap();
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    let l = leaks(&out.stderr);
    assert!(
        l.is_empty(),
        "secrets {l:?} reached stderr:\n{}",
        out.stderr
    );
    if !secret_stdout {
        let l = leaks(&out.stdout);
        assert!(
            l.is_empty(),
            "secrets {l:?} reached stdout:\n{}",
            out.stdout
        );
    }
    assert!(
        !out.stderr.contains("panicked"),
        "cohort panicked:\n{}",
        out.stderr
    );
    out
}

fn run(home: &Home, args: &[&str]) -> Out {
    let mut c = home.cmd();
    c.args(args);
    finish(c, None, false)
}

fn run_env(home: &Home, env: &[(&str, &str)], args: &[&str]) -> Out {
    let mut c = home.cmd();
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    finish(c, None, false)
}

fn run_stdin(home: &Home, stdin: &str, args: &[&str]) -> Out {
    let mut c = home.cmd();
    c.args(args);
    finish(c, Some(stdin), false)
}

/// For the two commands allowed to print a secret on stdout.
fn run_secret(home: &Home, args: &[&str]) -> Out {
    let mut c = home.cmd();
    c.args(args);
    finish(c, None, true)
}

/// Writes a secret file (password, key, phrase) into a private folder of the test.
fn secret_file(dir: &tempfile::TempDir, name: &str, content: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, content).unwrap();
    p.to_str().unwrap().to_string()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn keystore(home: &Home, name: &str) -> PathBuf {
    home.path().join("keystores").join(format!("{name}.json"))
}

fn new_wallet(home: &Home, secrets: &tempfile::TempDir, name: &str) -> String {
    let pw = secret_file(secrets, "pw", PASSWORD);
    let v = run(
        home,
        &["wallet", "new", name, "--password-file", &pw, "--json"],
    )
    .ok()
    .json();
    v["address"].as_str().unwrap().to_string()
}

#[test]
fn geth_keystore_fixture_imports_with_its_password() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", &format!("{GETH_PASSWORD}\n"));
    let file = fixture(GETH_FILE);
    let before = std::fs::read(&file).unwrap();
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "alice",
            "--keystore",
            file.to_str().unwrap(),
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], GETH_ADDRESS.to_ascii_lowercase());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the source keystore is never modified"
    );
    let ks = keystore(&home, "alice");
    assert_eq!(mode(&ks), 0o600);
    assert_eq!(mode(ks.parent().unwrap()), 0o700);
    // The stored file keeps geth's encryption and records the address geth-style.
    let stored: serde_json::Value = serde_json::from_slice(&std::fs::read(&ks).unwrap()).unwrap();
    assert_eq!(stored["address"], GETH_ADDRESS[2..].to_ascii_lowercase());
    assert_eq!(stored["crypto"]["kdfparams"]["n"], 262144);
    // It unlocks with the same password, and signs.
    let v = run(
        &home,
        &[
            "wallet",
            "sign",
            "hello",
            "--wallet",
            "alice",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], GETH_ADDRESS.to_ascii_lowercase());
}

#[test]
fn foundry_keystore_fixture_imports_with_its_password() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", FOUNDRY_PASSWORD);
    let file = fixture(FOUNDRY_FILE);
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(
        raw.get("address").is_none(),
        "foundry's files carry no address"
    );
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "bob",
            "--keystore",
            file.to_str().unwrap(),
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], FOUNDRY_ADDRESS.to_ascii_lowercase());
    // `list` and `show` know the address without a password.
    let list = run(&home, &["wallet", "list", "--json"]).ok().json();
    assert_eq!(list[0]["name"], "bob");
    assert_eq!(list[0]["address"], FOUNDRY_ADDRESS.to_ascii_lowercase());
    let show = run(&home, &["wallet", "show", "bob"]).ok();
    assert!(show.stdout.contains(FOUNDRY_ADDRESS), "{}", show.stdout);
    assert!(show.stdout.contains("bob.json"), "{}", show.stdout);
}

#[test]
fn keystores_cohort_writes_read_back_as_standard_v3_files() {
    // What cohort writes is eth-keystore's v3 scrypt output (what foundry reads) plus geth's
    // lowercase address field (what geth's account cache needs).
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let addr = new_wallet(&home, &s, "carol");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(keystore(&home, "carol")).unwrap()).unwrap();
    assert_eq!(v["version"], 3);
    assert_eq!(v["address"], addr[2..].to_ascii_lowercase());
    assert_eq!(v["crypto"]["kdf"], "scrypt");
    assert_eq!(v["crypto"]["cipher"], "aes-128-ctr");
    assert_eq!(v["crypto"]["kdfparams"]["n"], 8192);
    assert!(v["id"].as_str().unwrap().len() == 36);
    // Decrypting it with alloy (eth-keystore: foundry's reader) gives the same address.
    let signer = alloy::signers::local::PrivateKeySigner::decrypt_keystore(
        keystore(&home, "carol"),
        PASSWORD,
    )
    .unwrap();
    assert_eq!(format!("{:#x}", signer.address()), addr);
}

#[test]
fn new_export_import_round_trips_to_the_same_address() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let addr = new_wallet(&home, &s, "alice");
    // The private key, printed after --yes, imports (from stdin) as the same address.
    let key = run_secret(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--private-key",
            "--yes",
            "--password-file",
            &pw,
        ],
    )
    .ok()
    .stdout;
    let key = key.trim();
    assert!(
        key.starts_with("0x") && key.len() == 66,
        "a 0x key on stdout"
    );
    let v = run_stdin(
        &home,
        key,
        &[
            "wallet",
            "import",
            "bob",
            "--private-key-file",
            "-",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], addr.as_str());
    // The keystore copy imports too, with the same password.
    let copy = s.path().join("alice-backup.json");
    run(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--keystore",
            copy.to_str().unwrap(),
        ],
    )
    .ok();
    assert_eq!(mode(&copy), 0o600);
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "carol",
            "--keystore",
            copy.to_str().unwrap(),
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], addr.as_str());
}

#[test]
fn export_private_key_needs_confirmation_and_never_goes_to_json() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    new_wallet(&home, &s, "alice");
    let out = run(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--private-key",
            "--password-file",
            &pw,
        ],
    )
    .code(2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    let out = run(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--private-key",
            "--yes",
            "--json",
            "--password-file",
            &pw,
        ],
    )
    .code(2);
    assert!(out.stdout.is_empty());
}

#[test]
fn anvil_test_mnemonic_imports_at_the_standard_path() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let phrase = secret_file(&s, "phrase", &format!("  {ANVIL_MNEMONIC}\n"));
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "a0",
            "--mnemonic-file",
            &phrase,
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], ANVIL_ADDRESS_0.to_ascii_lowercase());
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "a1",
            "--mnemonic-file",
            &phrase,
            "--index",
            "1",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], ANVIL_ADDRESS_1.to_ascii_lowercase());
}

#[test]
fn new_with_mnemonic_shows_the_phrase_once_and_it_restores_the_wallet() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let out = run_secret(
        &home,
        &[
            "wallet",
            "new",
            "alice",
            "--mnemonic",
            "--password-file",
            &pw,
        ],
    )
    .ok();
    assert!(out.stdout.contains("ONLY backup"), "{}", out.stdout);
    let phrase = out
        .stdout
        .lines()
        .map(str::trim)
        .find(|l| l.split(' ').count() == 12)
        .expect("12 words");
    let address = out
        .stdout
        .lines()
        .find(|l| l.starts_with("address"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    let f = secret_file(&s, "phrase", phrase);
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "restored",
            "--mnemonic-file",
            &f,
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], address.to_ascii_lowercase());
    // `show` never shows it again.
    let show = run(&home, &["wallet", "show", "alice"]).ok();
    assert!(!show.stdout.contains(phrase));

    // 24 words into a file: mode 0600, and not on stdout.
    let file = s.path().join("bob.phrase");
    let out = run(
        &home,
        &[
            "wallet",
            "new",
            "bob",
            "--mnemonic",
            "24",
            "--mnemonic-file",
            file.to_str().unwrap(),
            "--password-file",
            &pw,
        ],
    )
    .ok();
    let words = std::fs::read_to_string(&file).unwrap();
    assert_eq!(words.split_whitespace().count(), 24);
    assert_eq!(mode(&file), 0o600);
    assert!(!out.stdout.contains(words.trim()));
    // --json never carries the phrase: without a file it is refused.
    let out = run(
        &home,
        &[
            "wallet",
            "new",
            "carol",
            "--mnemonic",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .code(2);
    assert!(out.stderr.contains("--mnemonic-file"), "{}", out.stderr);
    assert!(!keystore(&home, "carol").exists());
}

#[test]
fn wrong_password_is_exit_6_and_leaves_the_keystore_untouched() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    new_wallet(&home, &s, "alice");
    let wrong = secret_file(&s, "wrong", WRONG_PASSWORD);
    let new = secret_file(&s, "new", NEW_PASSWORD);
    let before = std::fs::read(keystore(&home, "alice")).unwrap();
    let out = run(
        &home,
        &[
            "wallet",
            "change-password",
            "alice",
            "--password-file",
            &wrong,
            "--new-password-file",
            &new,
        ],
    )
    .code(6);
    assert!(
        out.stderr.contains("wrong password for wallet 'alice'"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(keystore(&home, "alice")).unwrap(), before);
    // The same for signing, and for importing a keystore with the wrong password.
    run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &wrong,
        ],
    )
    .code(6);
    let out = run(
        &home,
        &[
            "wallet",
            "import",
            "g",
            "--keystore",
            fixture(GETH_FILE).to_str().unwrap(),
            "--password-file",
            &wrong,
        ],
    )
    .code(6);
    assert!(out.stderr.contains("wrong password"), "{}", out.stderr);
    assert!(!keystore(&home, "g").exists());
    // JSON errors carry the stable code.
    let out = run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &wrong,
            "--json",
        ],
    )
    .code(6);
    let err: serde_json::Value = serde_json::from_str(out.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(err["error"]["code"], "wallet.bad_password");
}

#[test]
fn unknown_wallet_is_exit_6_with_a_hint_to_list() {
    let home = Home::new();
    for args in [
        vec!["wallet", "show", "ghost"],
        vec!["wallet", "sign", "x", "--wallet", "ghost"],
        vec![
            "wallet",
            "export",
            "ghost",
            "--keystore",
            "/tmp/never-written.json",
        ],
        vec!["wallet", "rename", "ghost", "spirit"],
        vec!["wallet", "remove", "ghost", "--yes"],
    ] {
        let out = run(&home, &args).code(6);
        assert!(
            out.stderr.contains("no wallet named 'ghost'"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("cohort wallet list"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn malformed_keystore_bad_key_and_bad_mnemonic_are_refused_and_nothing_is_written() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let cases = [
        (
            "--keystore",
            secret_file(&s, "bad.json", "{\"version\": 3, \"crypto\": "),
            "not a valid Web3 Secret Storage",
        ),
        (
            "--keystore",
            secret_file(&s, "v1.json", "{\"version\": 1, \"crypto\": {}}"),
            "not a valid Web3 Secret Storage",
        ),
        (
            "--private-key-file",
            secret_file(&s, "short.key", "0x1234"),
            "does not hold a valid private key",
        ),
        (
            "--private-key-file",
            secret_file(&s, "zero.key", &"0".repeat(64)),
            "does not hold a valid private key",
        ),
        (
            "--private-key-file",
            secret_file(&s, "nothex.key", &"zz".repeat(32)),
            "does not hold a valid private key",
        ),
        (
            "--mnemonic-file",
            secret_file(
                &s,
                "bad.phrase",
                "test test test test test test test test test test test test",
            ),
            "not hold a valid BIP-39",
        ),
        (
            "--mnemonic-file",
            secret_file(&s, "words.phrase", "hello world"),
            "not hold a valid BIP-39",
        ),
    ];
    for (flag, file, msg) in cases {
        let out = run(
            &home,
            &["wallet", "import", "x", flag, &file, "--password-file", &pw],
        );
        assert_ne!(out.code, 0, "{flag} {file} must fail");
        assert!(out.stderr.contains(msg), "{flag} {file}: {}", out.stderr);
        assert!(!keystore(&home, "x").exists(), "nothing written for {file}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(home.path().join("keystores"))
        .map(|rd| rd.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "no stray files: {leftovers:?}");
}

#[test]
fn name_collision_is_refused_unless_force() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let first = new_wallet(&home, &s, "alice");
    let out = run(&home, &["wallet", "new", "alice", "--password-file", &pw]).code(2);
    assert!(
        out.stderr.contains("already exists") && out.stderr.contains("--force"),
        "{}",
        out.stderr
    );
    let gpw = secret_file(&s, "gpw", GETH_PASSWORD);
    let geth = fixture(GETH_FILE);
    run(
        &home,
        &[
            "wallet",
            "import",
            "alice",
            "--keystore",
            geth.to_str().unwrap(),
            "--password-file",
            &gpw,
        ],
    )
    .code(2);
    let v = run(&home, &["wallet", "show", "alice", "--json"])
        .ok()
        .json();
    assert_eq!(v["address"], first.as_str());
    run(
        &home,
        &[
            "wallet",
            "import",
            "alice",
            "--keystore",
            geth.to_str().unwrap(),
            "--password-file",
            &gpw,
            "--force",
            "--yes",
        ],
    )
    .ok();
    let v = run(&home, &["wallet", "show", "alice", "--json"])
        .ok()
        .json();
    assert_eq!(v["address"], GETH_ADDRESS.to_ascii_lowercase());
    // Invalid names are refused too.
    run(&home, &["wallet", "new", "../evil", "--password-file", &pw]).code(2);
    run(&home, &["wallet", "new", "dev:3", "--password-file", &pw]).code(2);
}

/// `--force` onto an existing wallet loses its key: `new`, `import` and `rename` ask first, as
/// `remove` does (the question names the wallet and its address); `--yes` answers, and without
/// a terminal it is exit 2 with the hint to pass `--yes`, nothing changed.
#[test]
fn replacing_a_wallet_with_force_asks_first() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let key = secret_file(&s, "key", DEV7_KEY);
    let a = new_wallet(&home, &s, "a");
    let b = new_wallet(&home, &s, "b");
    let address = |name: &str| {
        run(&home, &["wallet", "show", name, "--json"]).ok().json()["address"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let a_file = std::fs::read(keystore(&home, "a")).unwrap();
    let replacing: [&[&str]; 3] = [
        &["wallet", "rename", "b", "a", "--force"],
        &["wallet", "new", "a", "--force", "--password-file", &pw],
        &[
            "wallet",
            "import",
            "a",
            "--force",
            "--private-key-file",
            &key,
            "--password-file",
            &pw,
        ],
    ];
    for args in replacing {
        let out = run(&home, args).code(2);
        let err = out.stderr.to_ascii_lowercase();
        assert!(
            err.contains("replace wallet 'a'")
                && err.contains(&a)
                && err.contains("lost unless backed up")
                && err.contains("--yes"),
            "{args:?}: {}",
            out.stderr
        );
        let mut json = args.to_vec();
        json.push("--json");
        let out = run(&home, &json).code(2);
        let err: serde_json::Value = serde_json::from_str(out.stderr.lines().last().unwrap())
            .unwrap_or_else(|e| panic!("{e}: {}", out.stderr));
        assert_eq!(
            err["error"]["code"], "confirm.no_terminal",
            "{}",
            out.stderr
        );
        assert!(
            err["error"]["hint"].as_str().unwrap().contains("--yes"),
            "{err}"
        );
        // Nothing changed: a keeps its key, b its name.
        assert_eq!(std::fs::read(keystore(&home, "a")).unwrap(), a_file);
        assert!(keystore(&home, "b").exists());
    }
    // The refusal without --force says what --force costs.
    let out = run(&home, &["wallet", "rename", "b", "a"]).code(2);
    assert!(
        out.stderr.contains("--force") && out.stderr.contains("lost unless backed up"),
        "{}",
        out.stderr
    );

    // --yes answers: each replaces a.
    run(&home, &["wallet", "rename", "b", "a", "--force", "--yes"]).ok();
    assert_eq!(address("a"), b);
    assert!(!keystore(&home, "b").exists());
    let v = run(
        &home,
        &[
            "wallet",
            "new",
            "a",
            "--force",
            "--yes",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert!(
        v["address"] != b.as_str() && v["address"] != a.as_str(),
        "{v}"
    );
    assert_eq!(address("a"), v["address"].as_str().unwrap());
    let mut import = replacing[2].to_vec();
    import.extend(["--yes", "--json"]);
    let v = run(&home, &import).ok().json();
    assert_eq!(address("a"), v["address"].as_str().unwrap());

    // --force onto a free name replaces nothing: nothing to ask.
    run(
        &home,
        &["wallet", "new", "c", "--force", "--password-file", &pw],
    )
    .ok();
    run(&home, &["wallet", "rename", "c", "d", "--force"]).ok();
    assert!(keystore(&home, "d").exists() && !keystore(&home, "c").exists());
}

/// Runs `cohort ARGS` under a pseudo-terminal, typing `answer` (and Enter) for its question;
/// returns the exit code and everything it showed on the terminal.
fn run_on_terminal(home: &Home, args: &[&str], answer: &str) -> (u32, String) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("cohort"));
    cmd.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("COHORT_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("COHORT_HOME", home.path());
    cmd.env("NO_COLOR", "1");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let collect = std::thread::spawn(move || {
        let mut raw = Vec::new();
        let _ = reader.read_to_end(&mut raw);
        raw
    });
    // The terminal keeps the line until the question reads it.
    let mut w = pair.master.take_writer().unwrap();
    w.write_all(format!("{answer}\r").as_bytes()).unwrap();
    w.flush().unwrap();
    let status = child.wait().unwrap();
    drop(w);
    drop(pair.master);
    let raw = collect.join().unwrap();
    (
        status.exit_code(),
        String::from_utf8_lossy(&raw).into_owned(),
    )
}

/// On a terminal, `--force` onto an existing wallet asks: "n" keeps it, "y" replaces it.
#[test]
fn replacing_a_wallet_on_a_terminal_takes_a_yes() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let a = new_wallet(&home, &s, "a");
    let b = new_wallet(&home, &s, "b");
    let args = ["wallet", "rename", "b", "a", "--force"];
    let (code, screen) = run_on_terminal(&home, &args, "n");
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.to_ascii_lowercase().contains(&format!(
            "replace wallet 'a' ({a})? its key is lost unless backed up"
        )) && screen.contains("[y/N]")
            && screen.contains("cancelled: wallet 'a' was kept"),
        "{screen}"
    );
    let show = |n: &str| run(&home, &["wallet", "show", n, "--json"]).ok().json();
    assert_eq!(show("a")["address"], a.as_str());
    assert_eq!(show("b")["address"], b.as_str());
    let (code, screen) = run_on_terminal(&home, &args, "y");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(show("a")["address"], b.as_str());
    assert!(!keystore(&home, "b").exists());
}

/// `cohort wallet new X --mnemonic > FILE` on a full disk: the phrase, the wallet's only
/// backup, never arrived, so the wallet is not kept (exit 1, and the fix named).
#[test]
fn a_phrase_that_cannot_reach_stdout_leaves_no_wallet() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    new_wallet(&home, &s, "other");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut c = crate::common::cohort_command(home.path());
    let o = c
        .args([
            "wallet",
            "new",
            "lost",
            "--mnemonic",
            "--password-file",
            &pw,
        ])
        .stdin(std::process::Stdio::null())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("wallet 'lost' was not kept")
            && stderr.contains("recovery phrase")
            && stderr.contains("No space left on device")
            && stderr.contains("--mnemonic-file"),
        "{stderr}"
    );
    assert!(leaks(&stderr).is_empty(), "{stderr}");
    assert!(!keystore(&home, "lost").exists());
    let names: Vec<String> = run(&home, &["wallet", "list", "--json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["other"]);
}

#[test]
fn list_default_rename_and_remove_manage_wallets() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let a = new_wallet(&home, &s, "alice");
    new_wallet(&home, &s, "bob");
    run(&home, &["wallet", "default", "alice"]).ok();
    let list = run(&home, &["wallet", "list", "--json"]).ok().json();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "alice");
    assert_eq!(rows[0]["default"], true);
    assert_eq!(rows[1]["default"], false);
    let human = run(&home, &["wallet", "list"]).ok().stdout;
    assert!(
        human
            .lines()
            .any(|l| l.contains('*') && l.contains("alice")),
        "{human}"
    );
    // Rename moves the file and the default along.
    run(&home, &["wallet", "rename", "alice", "ann"]).ok();
    assert!(!keystore(&home, "alice").exists());
    let v = run(&home, &["wallet", "show", "ann", "--json"]).ok().json();
    assert_eq!(v["address"], a.as_str());
    assert_eq!(v["default"], true);
    run(&home, &["wallet", "rename", "ann", "bob"]).code(2);
    // The default signs without --wallet.
    let v = run(
        &home,
        &["wallet", "sign", "hi", "--password-file", &pw, "--json"],
    )
    .ok()
    .json();
    assert_eq!(v["address"], a.as_str());
    // Remove asks; with no terminal and no --yes it refuses and keeps the file.
    let out = run(&home, &["wallet", "remove", "bob"]).code(2);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert!(keystore(&home, "bob").exists());
    run(&home, &["wallet", "remove", "bob", "--yes"]).ok();
    assert!(!keystore(&home, "bob").exists());
    assert_eq!(
        run(&home, &["wallet", "list", "--json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn change_password_re_encrypts_and_the_old_password_stops_working() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let new = secret_file(&s, "new", NEW_PASSWORD);
    let a = new_wallet(&home, &s, "alice");
    run(
        &home,
        &[
            "wallet",
            "change-password",
            "alice",
            "--password-file",
            &pw,
            "--new-password-file",
            &new,
        ],
    )
    .ok();
    assert_eq!(mode(&keystore(&home, "alice")), 0o600);
    run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &pw,
        ],
    )
    .code(6);
    let v = run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &new,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], a.as_str());
}

#[test]
fn password_sources_follow_the_documented_order() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let wrong = secret_file(&s, "wrong", WRONG_PASSWORD);
    new_wallet(&home, &s, "alice");
    let sign = ["wallet", "sign", "x", "--wallet", "alice"];
    // COHORT_PASSWORD works alone.
    run_env(&home, &[("COHORT_PASSWORD", PASSWORD)], &sign).ok();
    // The file (flag or COHORT_PASSWORD_FILE) beats COHORT_PASSWORD.
    run_env(
        &home,
        &[
            ("COHORT_PASSWORD", WRONG_PASSWORD),
            ("COHORT_PASSWORD_FILE", &pw),
        ],
        &sign,
    )
    .ok();
    run_env(
        &home,
        &[
            ("COHORT_PASSWORD", PASSWORD),
            ("COHORT_PASSWORD_FILE", &wrong),
        ],
        &sign,
    )
    .code(6);
    let mut with_flag = sign.to_vec();
    with_flag.extend(["--password-file", &pw]);
    run_env(&home, &[("COHORT_PASSWORD_FILE", &wrong)], &with_flag).ok();
    // Nothing at all, and no terminal: exit 2 (like every command that needs a terminal and has
    // none, README "Scripting") naming every option.
    let out = run(&home, &sign).code(2);
    for needle in [
        "--password-file",
        "COHORT_PASSWORD_FILE",
        "COHORT_PASSWORD ",
        "wallet unlock alice --remember",
    ] {
        assert!(
            out.stderr.contains(needle),
            "missing {needle:?}: {}",
            out.stderr
        );
    }
    // A missing password file is a clear error too.
    let out = run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            "/nonexistent/pw",
        ],
    )
    .code(6);
    assert!(out.stderr.contains("/nonexistent/pw"), "{}", out.stderr);
}

/// Whether this machine has a usable Secret Service: a session bus that answers with the
/// org.freedesktop.secrets name.
fn has_secret_service() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && std::process::Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

#[test]
fn keyring_remembers_where_a_secret_service_exists_and_falls_back_quietly_elsewhere() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let addr = new_wallet(&home, &s, "alice");
    let sign = ["wallet", "sign", "x", "--wallet", "alice", "--json"];
    let out = run(
        &home,
        &[
            "wallet",
            "unlock",
            "alice",
            "--remember",
            "--password-file",
            &pw,
        ],
    );
    if has_secret_service() {
        out.ok();
        let v = run(&home, &["wallet", "show", "alice", "--json"])
            .ok()
            .json();
        assert_eq!(v["remembered"], true);
        // No password source at all: the keyring supplies it.
        let v = run(&home, &sign).ok().json();
        assert_eq!(v["address"], addr.as_str());
        run(&home, &["wallet", "lock", "alice"]).ok();
        // Forgotten: no source left and no terminal (exit 2).
        run(&home, &sign).code(2);
        // The keystore never moved into the keyring: the file still needs the password.
        run(
            &home,
            &["wallet", "unlock", "alice", "--password-file", &pw],
        )
        .ok();
    } else {
        // Asking to remember fails clearly (a wallet problem: exit 6), naming the headless
        // alternative.
        let out = out.code(6);
        assert!(
            out.stderr.contains("OS keyring is not available"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("--password-file"), "{}", out.stderr);
        let v = run(&home, &["wallet", "show", "alice", "--json"])
            .ok()
            .json();
        assert_eq!(v["remembered"], false);
        // Using the wallet falls through to the next sources without keyring noise, and ends
        // without a terminal (exit 2).
        let out = run(&home, &sign).code(2);
        assert!(
            out.stderr.contains("no password for wallet 'alice'"),
            "{}",
            out.stderr
        );
        assert!(
            !out.stderr.to_ascii_lowercase().contains("secret service"),
            "{}",
            out.stderr
        );
        // Lock with nothing remembered is fine.
        run(&home, &["wallet", "lock", "alice"]).ok();
        let v = run(
            &home,
            &[
                "wallet",
                "sign",
                "x",
                "--wallet",
                "alice",
                "--password-file",
                &pw,
                "--json",
            ],
        )
        .ok()
        .json();
        assert_eq!(v["address"], addr.as_str());
    }
}

#[test]
fn sign_and_verify_an_eip191_message() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", FOUNDRY_PASSWORD);
    run(
        &home,
        &[
            "wallet",
            "import",
            "bob",
            "--keystore",
            fixture(FOUNDRY_FILE).to_str().unwrap(),
            "--password-file",
            &pw,
        ],
    )
    .ok();
    let v = run(
        &home,
        &[
            "wallet",
            "sign",
            "hello cohort",
            "--wallet",
            "bob",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    let sig = v["signature"].as_str().unwrap().to_string();
    assert_eq!(sig.len(), 132);
    let v = run(&home, &["wallet", "verify", "hello cohort", &sig, "--json"])
        .ok()
        .json();
    assert_eq!(v["address"], FOUNDRY_ADDRESS.to_ascii_lowercase());
    run(
        &home,
        &[
            "wallet",
            "verify",
            "hello cohort",
            &sig,
            "--address",
            FOUNDRY_ADDRESS,
        ],
    )
    .ok();
    // The signer named by its wallet, as `wallet balance` and `send` take it.
    let v = run(
        &home,
        &[
            "wallet",
            "verify",
            "hello cohort",
            &sig,
            "--address",
            "bob",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["valid"], true);
    run(
        &home,
        &[
            "wallet",
            "verify",
            "hello cohort",
            &sig,
            "--address",
            "nobody",
        ],
    )
    .code(6);
    // Another message (or signer) does not verify: exit 5.
    let out = run(
        &home,
        &[
            "wallet",
            "verify",
            "hello cohorT",
            &sig,
            "--address",
            FOUNDRY_ADDRESS,
        ],
    )
    .code(5);
    assert!(out.stderr.contains("not by"), "{}", out.stderr);
    // ... and says what to check, under --json too.
    let out = run(
        &home,
        &[
            "wallet",
            "verify",
            "hello cohorT",
            &sig,
            "--address",
            FOUNDRY_ADDRESS,
            "--json",
        ],
    )
    .code(5);
    let err: serde_json::Value = serde_json::from_str(out.stderr.lines().last().unwrap()).unwrap();
    let hint = err["error"]["hint"].as_str().unwrap_or_default();
    assert!(
        hint.contains("exact text") && hint.contains("--address"),
        "{err}"
    );
    run(&home, &["wallet", "verify", "x", "0x1234"]).code(2);
    // The signature matches alloy's EIP-191 signing with the same key.
    let signer: alloy::signers::local::PrivateKeySigner = FOUNDRY_KEY.parse().unwrap();
    use alloy::signers::SignerSync;
    let want = signer.sign_message_sync(b"hello cohort").unwrap();
    assert_eq!(sig, format!("0x{}", hex::encode(want.as_bytes())));
}

// ----------------------------------------------------------------------------- on the devnet

/// A devnet (chain only) with `payer` = anvil dev account `dev_key` imported as a keystore.
fn devnet_with_payer(dev_key: &str) -> (Devnet, tempfile::TempDir, String) {
    let net = Devnet::start(0, 1);
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let key = secret_file(&s, "key", dev_key);
    run(
        &net.home,
        &[
            "wallet",
            "import",
            "payer",
            "--private-key-file",
            &key,
            "--password-file",
            &pw,
        ],
    )
    .ok();
    (net, s, pw)
}

fn raw_balance(home: &Home, who: &str, token: Option<&str>) -> u128 {
    let mut args = vec!["wallet", "balance", who, "--json"];
    if let Some(t) = token {
        args.extend(["--token", t]);
    }
    let v = run(home, &args).ok().json();
    let entry = if token.is_some() {
        &v["tokens"][0]
    } else {
        &v["native"]
    };
    entry["raw"].as_str().unwrap().parse().unwrap()
}

#[test]
fn send_on_the_devnet_moves_exactly_the_amount() {
    let (net, s, pw) = devnet_with_payer(DEV7_KEY);
    let home = &net.home;
    let to = new_wallet(home, &s, "payee");
    let payer_before = raw_balance(home, "payer", None);
    let v = run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "1.5",
            "--wallet",
            "payer",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["transfer"]["raw"], "1500000000000000000");
    assert_eq!(raw_balance(home, "payee", None), 1_500_000_000_000_000_000);
    let gas_used = v["tx"]["gas_used"].as_u64().unwrap() as u128;
    let price = v["tx"]["effective_gas_price"].as_u64().unwrap() as u128;
    assert_eq!(gas_used, 21_000);
    assert_eq!(
        raw_balance(home, "payer", None),
        payer_before - 1_500_000_000_000_000_000 - gas_used * price
    );
    // Units: 250gwei more, sent to the wallet by name.
    run(
        home,
        &[
            "wallet",
            "send",
            "payee",
            "250gwei",
            "--wallet",
            "payer",
            "--password-file",
            &pw,
        ],
    )
    .ok();
    assert_eq!(raw_balance(home, "payee", None), 1_500_000_250_000_000_000);
    // --dry-run sends nothing.
    let out = run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "1",
            "--dry-run",
            "--wallet",
            "payer",
            "--password-file",
            &pw,
        ],
    )
    .ok();
    assert!(out.stdout.contains("nothing was sent"), "{}", out.stdout);
    assert_eq!(raw_balance(home, "payee", None), 1_500_000_250_000_000_000);
}

#[test]
fn two_concurrent_sends_from_one_wallet_both_confirm() {
    let (net, s, pw) = devnet_with_payer(DEV8_KEY);
    let home = &net.home;
    let to = new_wallet(home, &s, "payee");
    let spawn = |amount: &str| {
        let mut c = crate::common::cohort_command(home.path());
        c.args([
            "wallet",
            "send",
            &to,
            amount,
            "--wallet",
            "payer",
            "--password-file",
            &pw,
            "--json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
    };
    let rounds = 3;
    for _ in 0..rounds {
        let a = spawn("1");
        let b = spawn("2");
        for child in [a, b] {
            let o = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert!(o.status.success(), "a concurrent send failed: {stderr}");
            assert!(
                leaks(&stderr).is_empty() && leaks(&String::from_utf8_lossy(&o.stdout)).is_empty()
            );
        }
    }
    assert_eq!(
        raw_balance(home, "payee", None),
        rounds * 3_000_000_000_000_000_000
    );
}

/// Runs `args` plainly and with `--json`: both exit `code`; under `--json` stdout holds the
/// result (on success) or nothing, and the error object on stderr carries `exit_code`.
fn expect_code(home: &Home, args: &[&str], code: i32) -> Out {
    let out = run(home, args).code(code);
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let j = run(home, &with_json).code(code);
    if code == 0 {
        j.json();
    } else {
        assert!(j.stdout.is_empty(), "{args:?}: stdout {}", j.stdout);
        let last = j.stderr.lines().last().unwrap_or_default();
        let err: serde_json::Value = serde_json::from_str(last)
            .unwrap_or_else(|e| panic!("{args:?}: no JSON error on stderr ({e}):\n{}", j.stderr));
        assert_eq!(err["error"]["exit_code"], code, "{args:?}: {last}");
    }
    out
}

/// README "Exit codes", one real command per code, plain and `--json`; 4 needs a chain (one
/// devnet for the whole table).
#[test]
fn exit_codes_follow_the_readme_table() {
    let net = Devnet::start(0, 1);
    let home = &net.home;
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let alice = new_wallet(home, &s, "alice");

    // 0: success.
    let out = expect_code(home, &["wallet", "show", "alice"], 0);
    assert!(
        out.stdout.to_ascii_lowercase().contains(&alice),
        "{}",
        out.stdout
    );

    // 1: the operation failed (the export, forced, cannot replace a folder with a file).
    let a_folder = format!("{pw}.d");
    std::fs::create_dir(&a_folder).unwrap();
    expect_code(
        home,
        &[
            "wallet",
            "export",
            "alice",
            "--keystore",
            &a_folder,
            "--force",
        ],
        1,
    );

    // 2: usage: a bad name; and a password needed with no source and no terminal, with the
    // hint that names the sources.
    expect_code(
        home,
        &["wallet", "new", "bad/name", "--password-file", &pw],
        2,
    );
    let out = expect_code(home, &["wallet", "sign", "x", "--wallet", "alice"], 2);
    for needle in ["--password-file", "COHORT_PASSWORD_FILE"] {
        assert!(out.stderr.contains(needle), "{needle}: {}", out.stderr);
    }

    // 3: the chain is unreachable.
    expect_code(
        home,
        &[
            "--rpc-url",
            "http://127.0.0.1:1",
            "wallet",
            "balance",
            "alice",
        ],
        3,
    );

    // 4: funds are short (refused before sending, so the --json rerun is the same case).
    let out = expect_code(
        home,
        &[
            "wallet",
            "send",
            ANVIL_ADDRESS_1,
            "2.5",
            "--wallet",
            "alice",
            "--password-file",
            &pw,
        ],
        4,
    );
    assert!(out.stderr.contains("insufficient funds"), "{}", out.stderr);
    assert!(out.stderr.contains("holds 0 ETH"), "{}", out.stderr);
    assert!(out.stderr.contains("2.5"), "{}", out.stderr);
    // A contract call from the empty wallet too (the chain's gas estimate answers "gas
    // required exceeds allowance" there, not "insufficient funds").
    let out = expect_code(
        home,
        &[
            "dataset",
            "create",
            "unfunded",
            "--description",
            "d",
            "--license",
            "MIT",
            "--wallet",
            "alice",
            "--password-file",
            &pw,
        ],
        4,
    );
    assert!(out.stderr.contains("insufficient funds"), "{}", out.stderr);
    assert!(out.stderr.contains("fund the wallet"), "{}", out.stderr);

    // 5: verification failed: a valid signature, but not by the address given.
    let sig = run(
        home,
        &[
            "wallet",
            "sign",
            "hello",
            "--wallet",
            "alice",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json()["signature"]
        .as_str()
        .unwrap()
        .to_string();
    expect_code(
        home,
        &[
            "wallet",
            "verify",
            "hello",
            &sig,
            "--address",
            ANVIL_ADDRESS_0,
        ],
        5,
    );

    // 6: a damaged (truncated) keystore, shown or unlocked; and a wrong password.
    let whole = std::fs::read(keystore(home, "alice")).unwrap();
    std::fs::write(keystore(home, "broken"), &whole[..whole.len() / 2]).unwrap();
    let out = expect_code(home, &["wallet", "show", "broken"], 6);
    assert!(
        out.stderr.contains("not a valid Web3 Secret Storage"),
        "{}",
        out.stderr
    );
    expect_code(
        home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "broken",
            "--password-file",
            &pw,
        ],
        6,
    );
    let wrong = secret_file(&s, "wrong", WRONG_PASSWORD);
    expect_code(
        home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &wrong,
        ],
        6,
    );
}

/// A keystore asking for a KDF far beyond what anyone writes: scrypt n = 2^30 (a 1 TiB
/// allocation that aborted the process) or pbkdf2 c = 2^31 − 1 (minutes of work).
fn hostile_keystores() -> Vec<(&'static str, serde_json::Value)> {
    let base: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture(FOUNDRY_FILE)).unwrap()).unwrap();
    let salt = base["crypto"]["kdfparams"]["salt"].clone();
    let mut scrypt = base.clone();
    scrypt["crypto"]["kdfparams"] =
        serde_json::json!({"dklen": 32, "n": 1u64 << 30, "r": 8, "p": 1, "salt": salt});
    let mut pbkdf2 = base.clone();
    pbkdf2["crypto"]["kdf"] = "pbkdf2".into();
    pbkdf2["crypto"]["kdfparams"] = serde_json::json!(
        {"dklen": 32, "c": (1u64 << 31) - 1, "prf": "hmac-sha256", "salt": salt}
    );
    // Old geth spelling: the file is normalized through a scratch copy before decrypting.
    let mut geth_style = scrypt.clone();
    let crypto = geth_style
        .as_object_mut()
        .unwrap()
        .remove("crypto")
        .unwrap();
    geth_style["Crypto"] = crypto;
    vec![
        ("scrypt n = 1073741824", scrypt),
        ("pbkdf2 c = 2147483647", pbkdf2),
        ("scrypt n = 1073741824", geth_style),
    ]
}

fn scratch_left(home: &Home) -> Vec<String> {
    std::fs::read_dir(home.path().join("keystores"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".scratch-") || n.contains(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn hostile_kdf_parameters_are_refused_before_any_work_and_leave_nothing_behind() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", FOUNDRY_PASSWORD);
    new_wallet(&home, &s, "alice");
    for (i, (needle, doc)) in hostile_keystores().into_iter().enumerate() {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let file = secret_file(
            &s,
            &format!("hostile{i}.json"),
            &String::from_utf8(bytes.clone()).unwrap(),
        );
        // Importing it.
        let out = run(
            &home,
            &[
                "wallet",
                "import",
                "h",
                "--keystore",
                &file,
                "--password-file",
                &pw,
            ],
        )
        .code(6);
        assert!(
            out.stderr.contains(needle) && out.stderr.contains("beyond cohort's bound"),
            "{needle}: {}",
            out.stderr
        );
        assert!(!keystore(&home, "h").exists());
        // The same file dropped into the keystores folder: show, sign, --json.
        std::fs::write(keystore(&home, "hostile"), &bytes).unwrap();
        run(&home, &["wallet", "show", "hostile"]).code(6);
        let out = run(
            &home,
            &[
                "wallet",
                "sign",
                "x",
                "--wallet",
                "hostile",
                "--password-file",
                &pw,
                "--json",
            ],
        )
        .code(6);
        let err: serde_json::Value =
            serde_json::from_str(out.stderr.lines().last().unwrap()).unwrap();
        assert_eq!(err["error"]["code"], "wallet.kdf_params", "{}", out.stderr);
        assert_eq!(err["error"]["exit_code"], 6);
        assert!(
            err["error"]["message"].as_str().unwrap().contains(needle),
            "{err}"
        );
        assert!(
            scratch_left(&home).is_empty(),
            "left: {:?}",
            scratch_left(&home)
        );
    }
    // The good wallet next to them still works.
    let apw = secret_file(&s, "apw", PASSWORD);
    run(
        &home,
        &[
            "wallet",
            "sign",
            "x",
            "--wallet",
            "alice",
            "--password-file",
            &apw,
        ],
    )
    .ok();
}

#[test]
fn scratch_folders_left_by_a_killed_process_are_removed() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    new_wallet(&home, &s, "alice");
    let ks = home.path().join("keystores");
    // What a `kill -9` in the middle of an unlock leaves: a scratch folder with a copy.
    let killed = ks.join(".scratch-killed");
    std::fs::create_dir(&killed).unwrap();
    std::fs::copy(keystore(&home, "alice"), killed.join("k.json")).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(&killed)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    // One that another process is using right now.
    let live = ks.join(".scratch-live");
    std::fs::create_dir(&live).unwrap();
    new_wallet(&home, &s, "bob");
    assert!(!killed.exists(), "the stale scratch folder is removed");
    assert!(live.exists(), "a fresh one is left to its process");
}

#[test]
fn token_sends_use_the_token_decimals_and_one_to_the_token_itself_is_refused() {
    use alloy::primitives::{Address, B256, U256};
    use cohort::chain::bindings::ModelToken;

    let (net, s, pw) = devnet_with_payer(&hex::encode(
        cohort::devnet::dev_signer(9).unwrap().to_bytes(),
    ));
    let home = &net.home;
    let payer = cohort::devnet::dev_signer(9).unwrap().address();
    // A ModelToken (an 18-decimal ERC-20) whose whole supply belongs to the payer.
    let supply = U256::from(1000u64) * U256::from(10u64).pow(U256::from(18u64));
    let url = net.rpc_url();
    let token: Address = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let chain = cohort::chain::Chain::connect(&url, None).await.unwrap();
        let sc = chain
            .with_signer(cohort::devnet::dev_signer(0).unwrap())
            .unwrap();
        let cfg = ModelToken::Config {
            name: "Test Model".into(),
            symbol: "TMT".into(),
            jobId: U256::ZERO,
            modelRoot: B256::ZERO,
            jobMarket: Address::ZERO,
            datasetRegistry: Address::ZERO,
            jobOwner: payer,
            cap: supply,
            ownerAmount: supply,
            dataPool: U256::ZERO,
            computePool: U256::ZERO,
            dataTotalWeight: U256::ZERO,
            computeTotalUnits: U256::ZERO,
            datasetIds: vec![],
            revenueAssets: vec![],
            maxServiceFeeBps: 0,
        };
        *ModelToken::deploy(&sc.provider, cfg)
            .await
            .unwrap()
            .address()
    });
    let token = token.to_string();
    let to = new_wallet(home, &s, "payee");
    let v = run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "2.25",
            "--token",
            &token,
            "--wallet",
            "payer",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["transfer"]["symbol"], "TMT");
    assert_eq!(
        raw_balance(home, "payee", Some(&token)),
        2_250_000_000_000_000_000
    );
    let out = run(home, &["wallet", "balance", "payee", "--token", &token]).ok();
    assert!(
        out.stdout.contains("2.25") && out.stdout.contains("TMT"),
        "{}",
        out.stdout
    );
    // More tokens than the wallet holds: exit 4 with both amounts.
    let out = run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "5000",
            "--token",
            &token,
            "--wallet",
            "payer",
            "--password-file",
            &pw,
        ],
    )
    .code(4);
    assert!(
        out.stderr.contains("holds 997.75 TMT") && out.stderr.contains("5000 TMT"),
        "{}",
        out.stderr
    );
    // Sending to the token contract itself (ModelToken would revert with TransferToEscrow) is
    // refused before anything is signed, naming the mistake.
    let out = run(
        home,
        &[
            "wallet",
            "send",
            &token,
            "1",
            "--token",
            &token,
            "--wallet",
            "payer",
            "--password-file",
            &pw,
        ],
    )
    .code(2);
    assert!(
        out.stderr.contains("TMT token's own contract"),
        "{}",
        out.stderr
    );
}

#[test]
fn deploy_signs_with_a_keystore_wallet() {
    let (net, _s, pw) = devnet_with_payer(DEV7_KEY);
    let v = run(
        &net.home,
        &[
            "deploy",
            "--wallet",
            "payer",
            "--password-file",
            &pw,
            "--json",
            "--yes",
        ],
    )
    .ok()
    .json();
    assert!(
        v["contracts"]["job_market"]
            .as_str()
            .is_some_and(|a| a.starts_with("0x")),
        "{v}"
    );
    // Without a password source and no terminal it stops before sending anything (exit 2).
    run(&net.home, &["deploy", "--wallet", "payer", "--yes"]).code(2);
}

/// Regenerates fixtures/keystores/foundry-bob exactly as foundry's `cast wallet import` writes
/// keystores (alloy's `LocalSigner::encrypt_keystore`, i.e. eth-keystore). Run by hand:
/// `cargo test --test wallet -- --ignored regenerate_foundry_fixture`.
#[test]
#[ignore]
fn regenerate_foundry_fixture() {
    let dir = fixture("fixtures/keystores");
    let key = hex::decode(FOUNDRY_KEY).unwrap();
    let mut rng = cohort::wallet::keystore::OsRng06;
    let (signer, _) = alloy::signers::local::LocalSigner::encrypt_keystore(
        &dir,
        &mut rng,
        &key,
        FOUNDRY_PASSWORD,
        Some("foundry-bob"),
    )
    .unwrap();
    assert_eq!(signer.address().to_string(), FOUNDRY_ADDRESS);
}

/// A recovery phrase that cannot be written leaves no wallet behind (it would have no backup),
/// and the same command then works with a writable file.
#[test]
fn a_phrase_that_cannot_be_written_leaves_no_wallet() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    // A folder that is a file: no user, root included, can write below it.
    let not_a_dir = s.path().join("not-a-folder");
    std::fs::write(&not_a_dir, b"x").unwrap();
    let bad = not_a_dir.join("phrase.txt");
    let new = |phrase: &str| {
        run(
            &home,
            &[
                "wallet",
                "new",
                "dora",
                "--mnemonic-file",
                phrase,
                "--password-file",
                &pw,
            ],
        )
    };
    let out = new(bad.to_str().unwrap()).code(1);
    assert!(
        out.stderr.contains("no wallet was created"),
        "{}",
        out.stderr
    );
    assert!(!home.path().join("keystores/dora.json").exists());
    let good = s.path().join("phrase.txt");
    new(good.to_str().unwrap()).ok();
    assert!(home.path().join("keystores/dora.json").exists());
    let words = std::fs::read_to_string(&good).unwrap();
    assert_eq!(words.split_whitespace().count(), 12);
}

/// A keystore copy goes only into a folder that exists: no folders are made for it.
#[test]
fn export_into_a_missing_folder_is_refused_naming_the_mkdir() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    new_wallet(&home, &s, "alice");
    let dest = s.path().join("no/such/alice.json");
    let out = run(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--keystore",
            dest.to_str().unwrap(),
        ],
    )
    .code(2);
    assert!(out.stderr.contains("mkdir -p"), "{}", out.stderr);
    assert!(!s.path().join("no").exists());
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    run(
        &home,
        &[
            "wallet",
            "export",
            "alice",
            "--keystore",
            dest.to_str().unwrap(),
        ],
    )
    .ok();
    assert!(dest.is_file());
}

/// `wallet show dev:N` shows anvil's dev account N (what `--wallet dev:N` signs with on the
/// local devnet), which has no keystore.
#[test]
fn wallet_show_names_a_dev_account() {
    let home = Home::new();
    let v = run(&home, &["wallet", "show", "dev:0", "--json"])
        .ok()
        .json();
    assert_eq!(v["address"], ANVIL_ADDRESS_0.to_ascii_lowercase());
    assert_eq!(v["dev_account"], true);
    assert!(v["keystore"].is_null(), "{v}");
    run(&home, &["wallet", "show", "dev:x"]).code(6);
}

// ------------------------------------------------------------- races, kills and damaged files

/// `cohort ARGS` in `home`, started now and not waited for.
fn spawn(home: &Home, args: &[&str]) -> std::process::Child {
    let mut c = crate::common::cohort_command(home.path());
    c.args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Starts every command at once and waits for all of them.
fn all_at_once(home: &Home, commands: &[Vec<String>]) -> Vec<Out> {
    let children: Vec<_> = commands
        .iter()
        .map(|args| spawn(home, &args.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    children
        .into_iter()
        .map(|c| {
            let o = c.wait_with_output().unwrap();
            let out = Out {
                code: o.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            };
            assert!(leaks(&out.stderr).is_empty() && leaks(&out.stdout).is_empty());
            assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
            out
        })
        .collect()
}

/// Of racing runs, exactly one succeeded; every other failed as a second run would, one after
/// the other (exit 2 `wallet.exists` with the --force hint). Returns the winner's output.
fn one_winner(outs: Vec<Out>) -> Out {
    let (won, lost): (Vec<Out>, Vec<Out>) = outs.into_iter().partition(|o| o.code == 0);
    assert_eq!(
        won.len(),
        1,
        "exactly one run may succeed; stdouts: {:?}",
        won.iter().map(|o| &o.stdout).collect::<Vec<_>>()
    );
    for o in &lost {
        assert_eq!(o.code, 2, "{}", o.stderr);
        let err: serde_json::Value = serde_json::from_str(o.stderr.lines().last().unwrap())
            .unwrap_or_else(|e| panic!("{e}: {}", o.stderr));
        assert_eq!(err["error"]["code"], "wallet.exists", "{}", o.stderr);
        assert!(
            err["error"]["hint"].as_str().unwrap().contains("--force"),
            "{err}"
        );
    }
    won.into_iter().next().unwrap()
}

/// Runs killed mid-write left these in the keystores folder.
fn plant_killed_leftovers(home: &Home) -> (PathBuf, PathBuf, PathBuf) {
    let ks = home.path().join("keystores");
    std::fs::create_dir_all(&ks).unwrap();
    let dead = dead_pid();
    let tmp = ks.join(format!(".carol.json.tmp-{dead}-12345"));
    std::fs::write(&tmp, b"{half a keystore").unwrap();
    let scratch = ks.join(format!(".scratch-{dead}-AbC123"));
    std::fs::create_dir(&scratch).unwrap();
    std::fs::write(scratch.join("k.json"), b"{}").unwrap();
    // This test process is alive: its scratch folder stays.
    let live = ks.join(format!(".scratch-{}-XyZ789", std::process::id()));
    std::fs::create_dir(&live).unwrap();
    (tmp, scratch, live)
}

/// The PID of a process that has exited.
fn dead_pid() -> u32 {
    let mut c = std::process::Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

/// Two `wallet new NAME` (or `import`, or `rename` onto NAME) at once: one wallet, never a
/// printed address whose key was overwritten.
#[test]
fn racing_creates_imports_and_renames_of_one_name_leave_one_wallet() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let n = 6;
    let cmd = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();

    // `wallet new`, three rounds.
    for round in 0..3 {
        let name = format!("race{round}");
        let outs = all_at_once(
            &home,
            &vec![cmd(&["wallet", "new", &name, "--password-file", &pw, "--json"]); n],
        );
        let won = one_winner(outs).json();
        let v = run(&home, &["wallet", "show", &name, "--json"]).ok().json();
        assert_eq!(
            v["address"], won["address"],
            "the printed key is the stored one"
        );
        // And it unlocks to that address.
        let signed = run(
            &home,
            &[
                "wallet",
                "sign",
                "x",
                "--wallet",
                &name,
                "--password-file",
                &pw,
                "--json",
            ],
        )
        .ok()
        .json();
        assert_eq!(signed["address"], won["address"]);
    }

    // `wallet import` of different keys onto one name.
    let keys: Vec<String> = (0..n)
        .map(|i| {
            let k = hex::encode(cohort::devnet::dev_signer(i as u32 + 1).unwrap().to_bytes());
            secret_file(&s, &format!("key{i}"), &k)
        })
        .collect();
    let outs = all_at_once(
        &home,
        &keys
            .iter()
            .map(|k| {
                cmd(&[
                    "wallet",
                    "import",
                    "imp",
                    "--private-key-file",
                    k,
                    "--password-file",
                    &pw,
                    "--json",
                ])
            })
            .collect::<Vec<_>>(),
    );
    let won = one_winner(outs).json();
    let v = run(&home, &["wallet", "show", "imp", "--json"]).ok().json();
    assert_eq!(v["address"], won["address"]);

    // `wallet rename wI target` at once: one moves, the others keep their wallet and name.
    let addresses: Vec<String> = (0..n)
        .map(|i| new_wallet(&home, &s, &format!("w{i}")))
        .collect();
    // Each has a remembered-password marker: a rename that fails keeps it.
    for i in 0..n {
        std::fs::write(home.path().join(format!("keystores/.w{i}.keyring")), b"").unwrap();
    }
    let outs = all_at_once(
        &home,
        &(0..n)
            .map(|i| cmd(&["wallet", "rename", &format!("w{i}"), "target", "--json"]))
            .collect::<Vec<_>>(),
    );
    let won = one_winner(outs).json();
    let target = run(&home, &["wallet", "show", "target", "--json"])
        .ok()
        .json();
    assert_eq!(target["address"], won["address"]);
    let mut kept = 0;
    for (i, a) in addresses.iter().enumerate() {
        let name = format!("w{i}");
        if keystore(&home, &name).exists() {
            kept += 1;
            let v = run(&home, &["wallet", "show", &name, "--json"]).ok().json();
            assert_eq!(&v["address"], a.as_str());
            assert!(
                home.path()
                    .join(format!("keystores/.{name}.keyring"))
                    .exists(),
                "the failed rename of {name} kept its remembered password"
            );
        } else {
            assert_eq!(target["address"], a.as_str());
        }
    }
    assert_eq!(
        kept,
        n - 1,
        "every wallet but the renamed one is still there"
    );
    assert!(scratch_left(&home).is_empty(), "{:?}", scratch_left(&home));
}

/// `wallet new --mnemonic-file`: the phrase is on disk before the wallet exists, and a run that
/// could not store its wallet (it lost a race for the name) removes the phrase it wrote.
#[test]
fn a_new_wallets_phrase_file_never_outlives_or_lags_its_wallet() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let phrases = tempfile::tempdir().unwrap();
    let n = 6;
    let files: Vec<PathBuf> = (0..n)
        .map(|i| phrases.path().join(format!("p{i}")))
        .collect();
    // A run killed while writing a phrase left its temporary file (the phrase inside).
    let orphan = phrases.path().join(format!(".p9.tmp-{}-777", dead_pid()));
    std::fs::write(&orphan, "abandon abandon\n").unwrap();
    let outs = all_at_once(
        &home,
        &files
            .iter()
            .map(|f| {
                [
                    "wallet",
                    "new",
                    "phr",
                    "--mnemonic-file",
                    f.to_str().unwrap(),
                    "--password-file",
                    &pw,
                    "--json",
                ]
                .iter()
                .map(|a| a.to_string())
                .collect()
            })
            .collect::<Vec<_>>(),
    );
    let won = one_winner(outs).json();
    let left: Vec<&PathBuf> = files.iter().filter(|f| f.exists()).collect();
    assert_eq!(left.len(), 1, "only the winner's phrase stays: {left:?}");
    assert_eq!(won["mnemonic_file"], left[0].to_str().unwrap());
    // The phrase left restores the wallet that was stored.
    let v = run(
        &home,
        &[
            "wallet",
            "import",
            "phr-check",
            "--mnemonic-file",
            left[0].to_str().unwrap(),
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["address"], won["address"]);
    assert!(
        !orphan.exists(),
        "the killed run's temporary phrase file is removed"
    );
    let names: Vec<_> = std::fs::read_dir(phrases.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file stays: {names:?}");

    // What a kill between the phrase and the wallet leaves: the phrase, no wallet. The rerun
    // refuses to overwrite the phrase and creates nothing; with --force it goes through.
    let f = phrases.path().join("killed");
    std::fs::write(&f, "stale phrase\n").unwrap();
    let args = [
        "wallet",
        "new",
        "killed",
        "--mnemonic-file",
        f.to_str().unwrap(),
        "--password-file",
        &pw,
    ];
    let out = run(&home, &args).code(2);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert!(!keystore(&home, "killed").exists());
    let mut forced = args.to_vec();
    forced.push("--force");
    run(&home, &forced).ok();
    assert!(keystore(&home, "killed").exists());
    assert_eq!(
        std::fs::read_to_string(&f)
            .unwrap()
            .split_whitespace()
            .count(),
        12
    );
}

/// A `wallet rename A B` killed after the keystore moved (before the config followed), or
/// between taking the new name and dropping the old: the same command run again finishes it.
#[test]
fn an_interrupted_rename_is_finished_by_running_it_again() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let a = new_wallet(&home, &s, "r0");
    run(&home, &["wallet", "default", "r0"]).ok();
    run(
        &home,
        &["config", "add", "other", "--rpc-url", "http://127.0.0.1:9"],
    )
    .ok();
    run(&home, &["wallet", "default", "r0", "--profile", "other"]).ok();
    // Killed after the move: r1.json only, the config still names r0, a keyring marker too.
    std::fs::rename(keystore(&home, "r0"), keystore(&home, "r1")).unwrap();
    std::fs::write(home.path().join("keystores/.r0.keyring"), b"").unwrap();
    let v = run(&home, &["wallet", "rename", "r0", "r1", "--json"])
        .ok()
        .json();
    assert_eq!(v["resumed"], true, "{v}");
    assert_eq!(v["name"], "r1");
    assert_eq!(v["address"], a.as_str());
    assert!(!home.path().join("keystores/.r0.keyring").exists());
    let cfg = std::fs::read_to_string(home.path().join("config.toml")).unwrap();
    assert!(!cfg.contains("\"r0\""), "{cfg}");
    let v = run(&home, &["wallet", "show", "r1", "--json"]).ok().json();
    assert_eq!(v["default"], true);
    run(&home, &["wallet", "sign", "x", "--password-file", &pw]).ok();
    let human = run(&home, &["wallet", "rename", "r0", "r1"]).code(6);
    assert!(
        human.stderr.contains("no wallet named 'r0'"),
        "{}",
        human.stderr
    );

    // Killed between the link and the unlink: one file under both names.
    std::fs::hard_link(keystore(&home, "r1"), keystore(&home, "r2")).unwrap();
    let out = run(&home, &["wallet", "rename", "r1", "r2"]).ok();
    assert!(
        out.stdout.contains("finished the interrupted rename"),
        "{}",
        out.stdout
    );
    assert!(!keystore(&home, "r1").exists());
    let v = run(&home, &["wallet", "show", "r2", "--json"]).ok().json();
    assert_eq!(v["address"], a.as_str());
    assert_eq!(v["default"], true);
    // An ordinary rename is not "resumed".
    let v = run(&home, &["wallet", "rename", "r2", "r3", "--json"])
        .ok()
        .json();
    assert!(v.get("resumed").is_none(), "{v}");
}

/// A keystore whose MAC fails is a wrong password or a damaged file: the message says both;
/// one whose `address` field is not its key's is refused on unlock, naming both addresses.
#[test]
fn damaged_and_tampered_keystores_are_named_as_such() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let pw = secret_file(&s, "pw", PASSWORD);
    let real = new_wallet(&home, &s, "w1");
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(keystore(&home, "w1")).unwrap()).unwrap();

    let mut damaged = doc.clone();
    let c = damaged["crypto"]["ciphertext"]
        .as_str()
        .unwrap()
        .to_string();
    let flipped = if c.starts_with('0') { "1" } else { "0" };
    damaged["crypto"]["ciphertext"] = format!("{flipped}{}", &c[1..]).into();
    std::fs::write(keystore(&home, "damaged"), damaged.to_string()).unwrap();
    let out = run(
        &home,
        &[
            "wallet",
            "sign",
            "hi",
            "--wallet",
            "damaged",
            "--password-file",
            &pw,
            "--json",
        ],
    )
    .code(6);
    let err: serde_json::Value = serde_json::from_str(out.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(err["error"]["code"], "wallet.bad_password");
    let msg = err["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("wrong password") && msg.contains("damaged"),
        "{msg}"
    );
    assert!(
        err["error"]["hint"].as_str().unwrap().contains("backup"),
        "{err}"
    );

    let planted = "0x1111111111111111111111111111111111111111";
    let mut tampered = doc.clone();
    tampered["address"] = "11".repeat(20).into();
    let tfile = keystore(&home, "tampered");
    std::fs::write(&tfile, tampered.to_string()).unwrap();
    for args in [
        vec![
            "wallet",
            "sign",
            "hi",
            "--wallet",
            "tampered",
            "--password-file",
            &pw,
        ],
        vec!["wallet", "unlock", "tampered", "--password-file", &pw],
        vec![
            "wallet",
            "export",
            "tampered",
            "--private-key",
            "--yes",
            "--password-file",
            &pw,
        ],
        vec![
            "wallet",
            "import",
            "t2",
            "--keystore",
            tfile.to_str().unwrap(),
            "--password-file",
            &pw,
        ],
    ] {
        let out = run(&home, &args).code(6);
        let lower = out.stderr.to_ascii_lowercase();
        assert!(
            lower.contains(planted)
                && lower.contains(&real.to_ascii_lowercase())
                && lower.contains("tampered with"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{}", out.stdout);
    }
    assert!(!keystore(&home, "t2").exists());
}

/// Temporary files and scratch folders of killed runs in keystores/ go the next time a wallet
/// command writes there; a live process's scratch folder stays.
#[test]
fn leftovers_of_killed_wallet_commands_are_swept() {
    let home = Home::new();
    let s = tempfile::tempdir().unwrap();
    let (tmp, scratch, live) = plant_killed_leftovers(&home);
    new_wallet(&home, &s, "alice");
    assert!(
        !tmp.exists(),
        "a killed write's temporary keystore is removed"
    );
    assert!(
        !scratch.exists(),
        "a killed run's scratch folder is removed"
    );
    assert!(live.exists(), "a live process's scratch folder stays");
    std::fs::remove_dir(&live).unwrap();
}

/// `wallet send --dry-run` plans with the wallet's address: no password, nothing unlocked.
#[test]
fn a_dry_run_send_needs_no_password() {
    let (net, s, pw) = devnet_with_payer(DEV7_KEY);
    let home = &net.home;
    let to = new_wallet(home, &s, "payee");
    let before = raw_balance(home, "payee", None);
    // No password anywhere, no terminal.
    let v = run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "1",
            "--dry-run",
            "--wallet",
            "payer",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["dry_run"], true);
    assert_eq!(
        v["transfer"]["from"],
        cohort::devnet::dev_signer(7)
            .unwrap()
            .address()
            .to_string()
            .to_ascii_lowercase()
    );
    assert_eq!(raw_balance(home, "payee", None), before);
    // Sending for real still needs it.
    let out = run(home, &["wallet", "send", &to, "1", "--wallet", "payer"]).code(2);
    assert!(out.stderr.contains("--password-file"), "{}", out.stderr);
    run(
        home,
        &[
            "wallet",
            "send",
            &to,
            "1",
            "--wallet",
            "payer",
            "--password-file",
            &pw,
        ],
    )
    .ok();
    assert_eq!(
        raw_balance(home, "payee", None),
        before + 1_000_000_000_000_000_000
    );
}
