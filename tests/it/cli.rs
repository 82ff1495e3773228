//! The command line's conventions: exit codes, JSON errors, profiles and config keys.

use crate::common::Home;
use predicates::prelude::*;

#[test]
fn usage_error_exits_2() {
    let home = Home::new();
    home.cmd()
        .args(["devnet", "up", "--no-such-flag"])
        .assert()
        .code(2);
    home.cmd().args(["no-such-command"]).assert().code(2);
}

#[test]
fn unknown_profile_exits_2_with_hint() {
    let home = Home::new();
    home.cmd()
        .args(["--profile", "nope", "config", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: no profile named 'nope'"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn unknown_profile_in_json_mode_is_a_json_error_on_stderr() {
    let home = Home::new();
    let out = home
        .cmd()
        .args(["--profile", "nope", "--json", "config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "stdout must stay empty on error");
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["code"], "config.unknown_profile");
    assert_eq!(v["error"]["exit_code"], 2);
    assert!(
        v["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("cohort config add")
    );
}

#[test]
fn unreachable_rpc_exits_3_naming_the_url() {
    let home = Home::new();
    // Port 1 on loopback: nothing listens there.
    home.cmd()
        .args([
            "--rpc-url",
            "http://127.0.0.1:1",
            "deploy",
            "--private-key-env",
            "NO_SUCH_VAR_X",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("http://127.0.0.1:1"));
}

#[test]
fn env_var_selects_profile_and_flag_beats_env() {
    let home = Home::new();
    home.cmd()
        .args(["config", "add", "a", "--rpc-url", "http://127.0.0.1:1111"])
        .assert()
        .success();
    home.cmd()
        .args(["config", "add", "b", "--rpc-url", "http://127.0.0.1:2222"])
        .assert()
        .success();
    let v = home.json(&["--profile", "a", "config", "show"]);
    assert_eq!(v["profile"]["rpc_url"], "http://127.0.0.1:1111");
    let out = home
        .cmd()
        .env("COHORT_PROFILE", "b")
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "b");
    // --rpc-url beats COHORT_RPC_URL, which beats the file.
    let out = home
        .cmd()
        .env("COHORT_RPC_URL", "http://127.0.0.1:3333")
        .args(["--profile", "a", "config", "show", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["rpc_url"], "http://127.0.0.1:3333");
    let out = home
        .cmd()
        .env("COHORT_RPC_URL", "http://127.0.0.1:3333")
        .args([
            "--profile",
            "a",
            "--rpc-url",
            "http://127.0.0.1:4444",
            "config",
            "show",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["rpc_url"], "http://127.0.0.1:4444");
    // Storage nodes from the env var, comma-separated.
    let out = home
        .cmd()
        .env("COHORT_STORAGE_NODES", "http://n1:1,http://n2:2")
        .args(["--profile", "a", "config", "show", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["profile"]["storage_nodes"],
        serde_json::json!(["http://n1:1", "http://n2:2"])
    );
}

#[test]
fn config_set_get_use_remove_round_trip() {
    let home = Home::new();
    home.cmd()
        .args([
            "config",
            "add",
            "zg",
            "--rpc-url",
            "http://x:1",
            "--chain-id",
            "16602",
        ])
        .assert()
        .success();
    home.cmd()
        .args([
            "config",
            "set",
            "profiles.zg.storage_nodes",
            "http://a:1,http://b:2",
        ])
        .assert()
        .success();
    let v = home.json(&["config", "get", "profiles.zg.storage_nodes"]);
    assert_eq!(v["value"], "http://a:1,http://b:2");
    let v = home.json(&["config", "get", "profiles.zg.chain_id"]);
    assert_eq!(v["value"], "16602");
    home.cmd().args(["config", "use", "zg"]).assert().success();
    let v = home.json(&["config", "profiles"]);
    let active: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["active"] == true)
        .collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0]["name"], "zg");
    // Unknown keys and bad values are usage errors naming the key.
    home.cmd()
        .args(["config", "set", "profiles.zg.colour", "red"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profiles.zg.colour"));
    home.cmd()
        .args(["config", "set", "profiles.zg.chain_id", "abc"])
        .assert()
        .code(2);
    // Values no command could use are refused when set, not when used; the file keeps the
    // old value.
    for (key, value) in [
        ("profiles.zg.rpc_url", "notaurl"),
        ("profiles.zg.indexer", "ftp://x:1"),
        ("profiles.zg.storage_nodes", "http://a:1,nota"),
        ("profiles.zg.contracts.flow", "0x12"),
        ("default_profile", "nope"),
        ("profiles.bad name!.rpc_url", "http://x:1"),
    ] {
        home.cmd()
            .args(["config", "set", key, value])
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains(value.split(',').next_back().unwrap())
                    .or(predicate::str::contains("not a valid profile name")),
            );
    }
    let v = home.json(&["config", "get", "profiles.zg.rpc_url"]);
    assert_eq!(v["value"], "http://x:1");
    home.cmd().args(["config", "show"]).assert().success();
    home.cmd()
        .args(["config", "add", "bad name!", "--rpc-url", "http://x:1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid profile name"));
    // A profile's setting named without its profile gets the full key in the hint; a chain id
    // that is no number names the key.
    home.cmd()
        .args(["config", "get", "rpc_url"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profiles.PROFILE.rpc_url"));
    home.cmd()
        .args(["config", "set", "profiles.zg.chain_id", "abc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profiles.zg.chain_id"));
    // A key of a profile that does not exist is an unknown profile, not an empty value.
    home.cmd()
        .args(["config", "get", "profiles.nope.rpc_url"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no profile named 'nope'"));
    // The file is readable TOML with the value.
    let text = std::fs::read_to_string(home.path().join("config.toml")).unwrap();
    assert!(text.contains("default_profile = \"zg\""), "{text}");
    home.cmd()
        .args(["config", "remove", "zg"])
        .assert()
        .success();
    home.cmd().args(["config", "remove", "zg"]).assert().code(2);
    home.cmd()
        .args(["--profile", "zg", "config", "show"])
        .assert()
        .code(2);
}

#[test]
fn broken_config_file_is_a_usage_error_naming_the_file() {
    let home = Home::new();
    std::fs::write(home.path().join("config.toml"), "this is = = not toml").unwrap();
    home.cmd()
        .args(["config", "profiles"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml"));
}

#[test]
fn confirmation_without_terminal_asks_for_yes() {
    // The printer's confirm() refuses without a terminal; devnet reset does not confirm, so
    // exercise it through the library.
    let p = cohort::ui::Printer::new(
        false,
        false,
        0,
        false,
        Default::default(),
        Default::default(),
    );
    let err = p.confirm("remove everything").unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.hint.unwrap().contains("--yes"));
    let p = cohort::ui::Printer::new(
        false,
        false,
        0,
        true,
        Default::default(),
        Default::default(),
    );
    assert!(p.confirm("remove everything").unwrap());
}

#[test]
fn completions_are_generated_for_every_shell() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        home.cmd()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("devnet"));
    }
}

#[test]
fn help_lists_env_vars_and_examples() {
    let home = Home::new();
    home.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("COHORT_HOME"))
        .stdout(predicate::str::contains("COHORT_RPC_URL"))
        .stdout(predicate::str::contains("Exit codes"))
        .stdout(predicate::str::contains("not implemented").not());
}

#[test]
fn progress_json_streams_events_on_stderr_and_keeps_stdout_one_document() {
    let home = Home::new();
    let file = home.path().join("data.bin");
    std::fs::write(&file, vec![7u8; 600_000]).unwrap();
    let out = home
        .cmd()
        .args([
            "--progress",
            "json",
            "--json",
            "storage",
            "root",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["size"], 600_000);
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON Lines: {l:?}: {e}")))
        .collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"begin"), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&"end"), "{kinds:?}");
    assert_eq!(events.last().unwrap()["data"]["position"], 600_000);
    // --no-progress: nothing on stderr.
    let out = home
        .cmd()
        .args([
            "--no-progress",
            "--json",
            "storage",
            "root",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A hosted-provider URL with a credential in every place one is put: userinfo, an Alchemy-style
/// `/v2/KEY` path and an `apikey` query; port 1 on loopback, where nothing listens.
const SECRET_URL: &str = "http://user:sekret@127.0.0.1:1/v2/SEKRETKEY?apikey=SEKRETQ";

fn assert_no_secret(args: &[&str], stream: &str, text: &str) {
    assert!(
        !text.to_ascii_lowercase().contains("sekret"),
        "{args:?}: a credential reached {stream}:\n{text}"
    );
}

#[test]
fn credentials_in_urls_never_reach_errors_or_logs() {
    let home = Home::new();
    let root = format!("0x{}", "ab".repeat(32));
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (
            vec![
                "--rpc-url",
                SECRET_URL,
                "wallet",
                "balance",
                "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ],
            3,
        ),
        (
            vec![
                "--rpc-url",
                SECRET_URL,
                "--storage-node",
                SECRET_URL,
                "storage",
                "info",
                &root,
            ],
            3,
        ),
        (
            vec![
                "--rpc-url",
                SECRET_URL,
                "deploy",
                "--private-key-env",
                "NO_SUCH_VAR_X",
            ],
            3,
        ),
        // Not a valid URL (the port): the message quotes it, masked.
        (
            vec![
                "--rpc-url",
                "http://user:sekret@127.0.0.1:99999/v2/SEKRETKEY?apikey=SEKRETQ",
                "wallet",
                "balance",
                "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ],
            2,
        ),
    ];
    for (args, code) in cases {
        for extra in [&["-vvv"][..], &["--json"][..], &["-vvv", "--json"][..]] {
            let mut all = args.clone();
            all.extend_from_slice(extra);
            let out = home.cmd().args(&all).output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(code), "{all:?}:\n{stderr}");
            assert_no_secret(&all, "stdout", &stdout);
            assert_no_secret(&all, "stderr", &stderr);
            // The host is still named, so the user knows which endpoint failed.
            assert!(stderr.contains("127.0.0.1:"), "{all:?}:\n{stderr}");
            if extra.contains(&"--json") {
                let last = stderr.lines().last().unwrap();
                let v: serde_json::Value = serde_json::from_str(last).unwrap();
                assert_eq!(v["error"]["exit_code"], code, "{last}");
                assert!(
                    v["error"]["message"]
                        .as_str()
                        .unwrap()
                        .contains("127.0.0.1:"),
                    "{last}"
                );
            }
            if extra.contains(&"-vvv") && code == 3 {
                // -vvv really logged the requests (else the check above proves little).
                assert!(stderr.contains("DEBUG"), "{all:?}: no debug log:\n{stderr}");
            }
        }
    }
    // `config show` is the user's own view, but it gets pasted into bug reports: masked on
    // screen, exact under --json (scripts read it back).
    let out = home
        .cmd()
        .args(["--rpc-url", SECRET_URL, "config", "show"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_no_secret(&["config", "show"], "stdout", &stdout);
    assert!(
        stdout.contains("http://***@127.0.0.1:1/v2/***?apikey=***"),
        "{stdout}"
    );
    let v = home.json(&["--rpc-url", SECRET_URL, "config", "show"]);
    assert_eq!(v["profile"]["rpc_url"], SECRET_URL);
}

#[test]
fn argument_errors_under_json_are_the_documented_json_error() {
    let home = Home::new();
    let bad: &[&[&str]] = &[
        &["train", "spec.toml", "--steps", "abc"],
        &["--color", "purple", "config", "show"],
        &["completions", "tcsh"],
        &["node", "run", "--data-dir", "x", "--rpc-max-batch", "-5"],
        &["config", "show", "--nope"],
        &["dataset"],
        &[],
        &["wallet", "new"],
        &["job", "show"],
        &["storage", "upload"],
        &["--progress", "sideways", "config", "show"],
        &["frobnicate"],
    ];
    for args in bad {
        let out = home.cmd().args(*args).arg("--json").output().unwrap();
        let code = out.status.code().unwrap();
        assert_eq!(code, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: stdout must stay empty");
        let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
            panic!(
                "{args:?}: stderr is not one JSON document ({e}):\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert_eq!(err["error"]["exit_code"], 2, "{args:?}: {err}");
        assert!(err["error"]["code"].as_str().unwrap().starts_with("usage."));
        assert!(!err["error"]["message"].as_str().unwrap().is_empty());
        // The same mistake without --json is clap's text, not JSON.
        let plain = home.cmd().args(*args).output().unwrap();
        assert_eq!(plain.status.code(), Some(2), "{args:?}");
        assert!(!plain.stderr.starts_with(b"{"), "{args:?}");
    }
    // Help and version are not errors, with or without --json.
    home.cmd().args(["--help", "--json"]).assert().success();
    home.cmd().args(["--version", "--json"]).assert().success();
}

#[test]
fn a_file_name_that_is_not_utf8_is_printed_lossily_never_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let f = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"bad\xffname.bin"));
    std::fs::write(&f, vec![7u8; 5000]).unwrap();
    let out = home
        .cmd()
        .args(["storage", "root", "--json"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["path"].as_str().unwrap().ends_with("bad\u{fffd}name.bin"),
        "{v}"
    );
    assert!(v["root"].as_str().unwrap().starts_with("0x"));
}

/// `model query --min-tokens` above `--max-tokens` is refused before any request: exit 2 naming
/// both flags (the provider's address here answers nothing).
#[test]
fn a_query_asking_more_min_tokens_than_max_tokens_exits_2_without_a_request() {
    let home = Home::new();
    home.cmd()
        .args([
            "model",
            "query",
            "X",
            "--provider",
            "http://127.0.0.1:9",
            "--prompt",
            "hi",
            "--max-tokens",
            "4",
            "--min-tokens",
            "5",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--min-tokens 5 is more than --max-tokens 4",
        ));
}

/// `model serve` names a model path that holds nothing, and a price that is no amount, before
/// it reaches any chain or storage (the default profile here has neither).
#[test]
fn model_serve_refuses_a_missing_path_and_a_bad_price_first() {
    let home = Home::new();
    home.cmd()
        .args(["model", "serve", "/no/such/model.safetensors", "--free"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/no/such/model.safetensors does not exist",
        ));
    home.cmd()
        .args(["model", "serve", "SOMETOKEN", "--price", "abc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("abc"));
}
