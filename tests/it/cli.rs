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

/// A profile being filled in (`config add NAME` with no flags, as the README shows) is shown
/// with its rpc_url unset and how to set it; commands that need the chain still refuse it.
#[test]
fn config_show_shows_a_profile_without_an_rpc_url() {
    let home = Home::new();
    home.cmd().args(["config", "add", "p"]).assert().success();
    home.cmd().args(["config", "use", "p"]).assert().success();
    let v = home.json(&["config", "show"]);
    assert_eq!(v["profile"]["name"], "p");
    assert!(v["profile"]["rpc_url"].is_null(), "{v}");
    let out = home.cmd().args(["config", "show"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("cohort config set profiles.p.rpc_url URL"),
        "{text}"
    );
    home.cmd()
        .args([
            "wallet",
            "balance",
            "0x0000000000000000000000000000000000000001",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profile 'p' has no rpc_url"));
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
    // zg is the default profile: removing it asks (--yes answers).
    home.cmd()
        .args(["config", "remove", "zg", "--yes"])
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
    // The printer's confirm() refuses without a terminal, and --yes answers it; exercised
    // here through the library.
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
        // What COHORT_HOME really holds, beyond the config and keystores.
        .stdout(predicate::str::contains("pending-tx/"))
        .stdout(predicate::str::contains("worker/"))
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
                // -vvv really logged the requests (else the check above proves little); with
                // --json as JSON `note` events.
                assert!(
                    stderr.contains("DEBUG") || stderr.contains(r#""level":"debug""#),
                    "{all:?}: no debug log:\n{stderr}"
                );
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

#[test]
fn config_add_refuses_the_endpoints_config_set_refuses() {
    let home = Home::new();
    home.cmd()
        .args(["config", "add", "ok", "--rpc-url", "http://127.0.0.1:1111"])
        .assert()
        .success();
    let file = home.config_file();
    let before = std::fs::read(&file).unwrap();
    for args in [
        &["config", "add", "x1", "--rpc-url", "ftp://foo"][..],
        &["config", "add", "x2", "--indexer", "ftp://bar"][..],
        &[
            "config",
            "add",
            "x3",
            "--storage-node",
            "http://a:1,notaurl",
        ][..],
        &[
            "config",
            "add",
            "x4",
            "--storage-node",
            "notaurl",
            "--indexer",
            "ht tp://x",
        ][..],
        &[
            "config",
            "add",
            "x5",
            "--preset",
            "galileo",
            "--rpc-url",
            "notaurl",
        ][..],
    ] {
        let (code, err) = home.refused_json(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(err["code"], "config.bad_value", "{args:?}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the config file"
        );
    }
}

#[test]
fn config_remove_asks_before_removing_the_default_profile_or_one_with_contracts() {
    let home = Home::new();
    for name in ["main", "spare", "deployed"] {
        home.cmd()
            .args(["config", "add", name, "--rpc-url", "http://127.0.0.1:1111"])
            .assert()
            .success();
    }
    home.cmd()
        .args(["config", "use", "main"])
        .assert()
        .success();
    home.cmd()
        .args([
            "config",
            "set",
            "profiles.deployed.contracts.flow",
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ])
        .assert()
        .success();
    let names = |home: &Home| -> Vec<String> {
        home.json(&["config", "profiles"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["preset"] == false)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    // Without a terminal and without --yes: refused, both kept.
    for name in ["main", "deployed"] {
        let (code, err) = home.refused_json(&["config", "remove", name]);
        assert_eq!(code, 2, "{name}");
        assert_eq!(err["code"], "confirm.no_terminal", "{name}");
        assert!(
            names(&home).contains(&name.to_string()),
            "{name} was removed"
        );
    }
    // A profile that is neither goes without a question; --yes answers it.
    home.json(&["config", "remove", "spare"]);
    home.json(&["config", "remove", "deployed", "--yes"]);
    home.json(&["config", "remove", "main", "--yes"]);
    assert!(names(&home).is_empty());
}

/// The quickstart's own arguments and profile are checked before it starts a devnet or sends
/// anything (the guard stops a devnet if one was started anyway).
#[test]
fn quickstart_refuses_zero_rounds_or_steps_and_other_profiles_before_starting() {
    let guard = crate::common::Devnet {
        home: Home::new(),
        status: serde_json::Value::Null,
    };
    let home = &guard.home;
    for (args, code) in [
        (
            &["quickstart", "--port", "0", "--rounds", "0"][..],
            "quickstart.bad_option",
        ),
        (
            &["quickstart", "--port", "0", "--steps", "0"][..],
            "quickstart.bad_option",
        ),
        (
            &["--profile", "dead2", "quickstart", "--port", "0"][..],
            "quickstart.local_only",
        ),
    ] {
        let (exit, err) = home.refused_json(args);
        assert_eq!(exit, 2, "{args:?}");
        assert_eq!(err["code"], code, "{args:?}");
        let st = home.json(&["devnet", "status"]);
        assert!(
            st["processes"].as_array().unwrap().is_empty(),
            "{args:?} started a devnet"
        );
        assert!(
            !home.path().join("quickstart").exists(),
            "{args:?} created wallets"
        );
    }
}

/// `cohort ARGS --json --progress json` in the devnet's home, left running once a step whose
/// label starts with `label` waits for a transaction: the child (stdout piped), that
/// transaction's hash, and a thread that collects the rest of its stderr.
fn started_waiting_for_a_tx(
    net: &crate::common::Devnet,
    args: &[&str],
    label: &str,
) -> (std::process::Child, String, std::thread::JoinHandle<String>) {
    let (child, hash, lines) = crate::common::spawn_until_waiting_for_a_tx(
        net,
        args,
        &["--json"],
        std::process::Stdio::piped(),
        |l| l.starts_with(label),
    );
    let rest =
        std::thread::spawn(move || lines.map_while(|l| l.ok()).collect::<Vec<_>>().join("\n"));
    (child, hash, rest)
}

/// Makes the devnet mine a block every 2 seconds, as a real chain does: a sent transaction
/// stays pending for a while.
fn interval_mining(rt: &tokio::runtime::Runtime, chain: &cohort::chain::Chain) {
    use alloy::providers::Provider;
    rt.block_on(
        chain
            .provider
            .raw_request::<_, serde_json::Value>("evm_setIntervalMining".into(), (2u64,)),
    )
    .unwrap();
}

/// Kills `cohort ARGS` (SIGKILL) while its `label` transaction is pending; returns its hash.
fn killed_while_pending(net: &crate::common::Devnet, args: &[&str], label: &str) -> String {
    let (mut child, hash) = crate::common::run_until_waiting_for_a_tx(net, args, label);
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    hash
}

#[test]
fn rewards_claim_and_worker_withdraw_each_finish_the_others_interrupted_withdrawal() {
    use crate::token_setup::{dev_address, standard_job};
    use alloy::primitives::{Address, U256};
    use serde_json::Value;
    let net = crate::common::Devnet::start(0, 1);
    let rpc = net.rpc_url();
    let registry: Address = net.contract("dataset_registry").parse().unwrap();
    let market: Address = net.contract("job_market").parse().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(standard_job(&rpc, registry, market, true));
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&rpc, Some(31337)))
        .unwrap();
    let jm = cohort::chain::bindings::JobMarket::new(market, &chain.provider);
    let owed = |dev: u32| {
        rt.block_on(async { jm.earnings(dev_address(dev)).call().await })
            .unwrap()
    };
    let (owed4, owed5) = (owed(4), owed(5));
    assert!(owed4 > U256::ZERO && owed5 > U256::ZERO);
    interval_mining(&rt, &chain);

    // `rewards claim` killed while its withdrawal is pending: `worker withdraw` finishes that
    // transaction (no second withdrawal, which could only revert with NothingToWithdraw).
    let hash = killed_while_pending(
        &net,
        &["rewards", "claim", "--all", "--wallet", "dev:4"],
        "claiming worker earnings",
    );
    let w = net.json(&["worker", "withdraw", "--wallet", "dev:4"]);
    assert_eq!(w["resumed"], true, "{w}");
    assert_eq!(w["tx"]["tx_hash"], Value::String(hash), "{w}");
    assert_eq!(crate::common::wei(&w["amount"]), owed4.to::<u128>(), "{w}");
    // Nothing is left: both say so and exit 0.
    let w = net.json(&["worker", "withdraw", "--wallet", "dev:4"]);
    assert_eq!(w["nothing_to_withdraw"], true, "{w}");
    let c = net.json(&["rewards", "claim", "--all", "--wallet", "dev:4"]);
    assert_eq!(c["nothing_to_claim"], true, "{c}");

    // The other way round: `worker withdraw` killed while pending, `rewards claim` finishes it.
    let hash = killed_while_pending(
        &net,
        &["worker", "withdraw", "--wallet", "dev:5"],
        "withdrawing",
    );
    let c = net.json(&["rewards", "claim", "--all", "--wallet", "dev:5"]);
    assert!(c["failed"].as_array().unwrap().is_empty(), "{c}");
    let claimed = c["claimed"].as_array().unwrap();
    assert_eq!(claimed.len(), 1, "{c}");
    assert_eq!(claimed[0]["kind"], "earnings", "{c}");
    assert_eq!(claimed[0]["resumed"], true, "{c}");
    assert_eq!(claimed[0]["tx_hash"], Value::String(hash), "{c}");
    assert_eq!(
        crate::common::wei(&claimed[0]["amount"]),
        owed5.to::<u128>(),
        "{c}"
    );
    assert_eq!(owed(5), U256::ZERO);
    let w = net.json(&["worker", "withdraw", "--wallet", "dev:5"]);
    assert_eq!(w["nothing_to_withdraw"], true, "{w}");
}

#[test]
fn a_deposit_that_waited_for_an_earlier_or_concurrent_runs_transaction_says_it_resumed() {
    use crate::token_setup::standard_job;
    use alloy::primitives::{Address, U256};
    use serde_json::Value;
    let net = crate::common::Devnet::start(0, 1);
    let rpc = net.rpc_url();
    let registry: Address = net.contract("dataset_registry").parse().unwrap();
    let market: Address = net.contract("job_market").parse().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let job = rt.block_on(standard_job(&rpc, registry, market, true));
    let job = job.job_id.to_string();
    let t = net.json(&[
        "model", "tokenize", &job, "--name", "Bard", "--symbol", "BARD", "--supply", "1000",
        "--wallet", "dev:1",
    ]);
    let token: Address = t["token"].as_str().unwrap().parse().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&rpc, Some(31337)))
        .unwrap();
    let mt = cohort::chain::bindings::ModelToken::new(token, &chain.provider);
    let total = || {
        rt.block_on(async { mt.totalDeposited(Address::ZERO).call().await })
            .unwrap()
    };
    let e18 = U256::from(10u64).pow(U256::from(18u64));
    interval_mining(&rt, &chain);
    let deposit = ["rewards", "deposit", "BARD", "1", "--wallet", "dev:8"];

    // Killed while pending (it lands): the rerun reports the earlier transaction as resumed.
    let hash = killed_while_pending(&net, &deposit, "depositing");
    let d = net.json(&deposit);
    assert_eq!(d["tx_hash"], Value::String(hash.clone()), "{d}");
    assert_eq!(d["resumed"], true, "{d}");
    assert_eq!(total(), e18);

    // Two at once: the second waits for the first's transaction and says so; 1 ETH is paid,
    // and only one of the two reports it as its own.
    let (first, hash, _rest) = started_waiting_for_a_tx(&net, &deposit, "depositing");
    let second = net.json(&deposit);
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    let first: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(first["tx_hash"], Value::String(hash.clone()), "{first}");
    assert!(first.get("resumed").is_none(), "{first}");
    assert_eq!(second["tx_hash"], Value::String(hash.clone()), "{second}");
    assert_eq!(second["resumed"], true, "{second}");
    assert_eq!(total(), e18 * U256::from(2u8));

    // A deliberate second deposit is paid, as new.
    let d = net.json(&deposit);
    assert_ne!(d["tx_hash"], Value::String(hash), "{d}");
    assert!(d.get("resumed").is_none(), "{d}");
    assert_eq!(total(), e18 * U256::from(3u8));
}

#[test]
fn an_interrupted_wallet_send_names_its_tx_and_the_rerun_waits_for_it_instead_of_paying_again() {
    use crate::token_setup::{dev_address, mint, test_token};
    use alloy::primitives::{Address, U256};
    use serde_json::Value;
    let net = crate::common::Devnet::start(0, 1);
    let rpc = net.rpc_url();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&rpc, Some(31337)))
        .unwrap();
    let usdc = rt.block_on(test_token(&rpc, 0, "USDC", 6));
    rt.block_on(mint(&rpc, usdc, dev_address(7), U256::from(100_000_000u64)));
    let to: Address = "0x00000000000000000000000000000000c0dec0de"
        .parse()
        .unwrap();
    let to_s = to.to_string();
    let balance = || rt.block_on(chain.balance(to)).unwrap();
    let e18 = U256::from(10u64).pow(U256::from(18u64));
    interval_mining(&rt, &chain);
    let send = ["wallet", "send", &to_s, "1", "--wallet", "dev:7"];

    // Ctrl-C while the transfer is pending: exit 130, naming the transaction sent and the rerun
    // that waits for it.
    let (mut child, hash, rest) = started_waiting_for_a_tx(&net, &send, "sending");
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let err = rest.join().unwrap();
    let err: Value = err
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v.get("error").is_some())
        .unwrap_or_else(|| panic!("no JSON error: {err}"));
    assert_eq!(err["error"]["exit_code"], 130, "{err}");
    assert!(
        err["error"]["message"].as_str().unwrap().contains(&hash),
        "{err}"
    );
    assert!(
        err["error"]["hint"].as_str().unwrap().contains("rerun"),
        "{err}"
    );

    // The rerun waits for that transaction: the recipient gets 1 ETH, once.
    let r = net.json(&send);
    assert_eq!(r["resumed"], true, "{r}");
    assert_eq!(r["tx"]["tx_hash"], Value::String(hash.clone()), "{r}");
    assert_eq!(balance(), e18);
    // Its record is gone with the receipt: a deliberate second identical send pays again.
    let r = net.json(&send);
    assert!(r.get("resumed").is_none(), "{r}");
    assert_ne!(r["tx"]["tx_hash"], Value::String(hash), "{r}");
    assert_eq!(balance(), e18 * U256::from(2u8));

    // An ERC-20 transfer killed while pending: the rerun finishes it too.
    let usdc_s = usdc.to_string();
    let tsend = [
        "wallet", "send", &to_s, "5", "--token", &usdc_s, "--wallet", "dev:7",
    ];
    let hash = killed_while_pending(&net, &tsend, "sending");
    let r = net.json(&tsend);
    assert_eq!(r["resumed"], true, "{r}");
    assert_eq!(r["tx"]["tx_hash"], Value::String(hash), "{r}");
    let erc20 = cohort::chain::bindings::IERC20::new(usdc, &chain.provider);
    assert_eq!(
        rt.block_on(async { erc20.balanceOf(to).call().await })
            .unwrap(),
        U256::from(5_000_000u64)
    );
    // Tokens sent to the token's own contract are lost: refused before anything is signed.
    net.cmd()
        .args([
            "wallet", "send", &usdc_s, "1", "--token", &usdc_s, "--wallet", "dev:7",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("token's own contract"));
    assert_eq!(
        rt.block_on(async { erc20.balanceOf(usdc).call().await })
            .unwrap(),
        U256::ZERO
    );
}

/// The non-empty lines of `bytes` (stderr), each parsed as JSON; panics naming a line that is not.
fn json_lines_of(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("stderr line is not JSON ({e}): {l:?}"))
        })
        .collect()
}

/// With `--json` every stderr line is a JSON object: a warning is a `note` event (the shape
/// `--progress json` uses), a progress note is hidden as progress is (an event with
/// `--progress json`), and a log line is a `note` event with its level.
#[test]
fn json_mode_writes_warnings_notes_and_logs_as_json_on_stderr() {
    let home = Home::new();
    // A warning: the active profile names its own wallet, which wins over the new default.
    for args in [
        &["config", "add", "p", "--preset", "galileo"][..],
        &["config", "set", "profiles.p.wallet", "dev:1"],
        &["config", "use", "p"],
    ] {
        home.cmd().args(args).assert().success();
    }
    let out = home
        .cmd()
        .args(["--json", "wallet", "default", "dev:2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["default_wallet"], "dev:2");
    let lines = json_lines_of(&out.stderr);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["type"], "note", "{lines:?}");
    let msg = lines[0]["data"]["message"].as_str().unwrap();
    assert!(msg.starts_with("warning: ") && msg.contains("'p'"), "{msg}");

    // A note: `train` removes a temporary file a dead process left (PID i32::MAX never runs),
    // says so, then fails on the missing spec.
    let out_dir = home.path().join("train-out");
    std::fs::create_dir(&out_dir).unwrap();
    let stale = out_dir.join(".metrics.json.tmp-2147483647-0");
    let train = |extra: &[&str]| {
        std::fs::write(&stale, b"x").unwrap();
        let out = home
            .cmd()
            .args(extra)
            .arg("train")
            .arg("--data")
            .arg(home.path().join("no-data"))
            .arg("--out")
            .arg(&out_dir)
            .arg("--config")
            .arg(home.path().join("no-spec.toml"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(!stale.exists(), "the stale temporary file was not removed");
        out
    };
    let human = train(&[]);
    assert!(
        String::from_utf8_lossy(&human.stderr).contains("left by a run that stopped"),
        "{human:?}"
    );
    for args in [&["--json"][..], &["--json", "--progress", "json"]] {
        let lines = json_lines_of(&train(args).stderr);
        assert!(
            lines.iter().any(|l| l["type"] == "note"
                && l["data"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("left by a run that stopped"))),
            "{args:?}: {lines:?}"
        );
        assert!(
            lines.iter().any(|l| l["error"]["exit_code"] == 2),
            "{args:?}: {lines:?}"
        );
    }

    // A log line: a storage node whose chain does not answer warns (a WARN log, without -v).
    let mut node = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(["--json", "node", "run", "--data-dir"])
        .arg(home.path().join("node"))
        .args(["--rpc", "127.0.0.1:0", "--chain-rpc", "http://127.0.0.1:1"])
        .args(["--flow", "0x5FbDB2315678afecb367f032d93F642f64180aa3"])
        .env("COHORT_HOME", home.path())
        .env_remove("COHORT_LOG")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = node.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut seen = Vec::new();
    let warned = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            break false;
        };
        let v: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("stderr line is not JSON ({e}): {line:?}"));
        seen.push(v.clone());
        if v["type"] == "note" && v["data"]["level"] == "warn" {
            break true;
        }
    };
    let _ = node.kill();
    let _ = node.wait();
    assert!(warned, "no warning as a JSON note in 60 s: {seen:?}");
    let msg = seen.last().unwrap()["data"]["message"].as_str().unwrap();
    assert!(msg.contains("127.0.0.1:1"), "{msg}");
}

/// `--color` decides for clap's argument errors and help too: `never` on a terminal prints no
/// escape codes, `always` through a pipe prints them (even with NO_COLOR, as for cohort's own).
#[test]
fn color_flag_applies_to_argument_errors_and_help() {
    let home = Home::new();
    for args in [
        &["--color", "never", "job", "show"][..],
        &["--color=never", "job", "--help"],
    ] {
        let (_, _, raw) = crate::common::pty::run_in_pty(&home, args);
        let raw = String::from_utf8_lossy(&raw);
        assert!(raw.contains("Usage"), "{args:?}: {raw}");
        assert!(
            !raw.contains('\x1b'),
            "{args:?} printed escape codes: {raw:?}"
        );
    }
    let out = home
        .cmd()
        .args(["--color", "always", "job", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("\x1b["),
        "{out:?}"
    );
    let out = home
        .cmd()
        .args(["job", "--help", "--color", "always"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\x1b["),
        "{out:?}"
    );
}

/// A missing argument's JSON error names the argument in its message.
#[test]
fn json_missing_argument_error_names_the_argument() {
    let home = Home::new();
    let out = home
        .cmd()
        .args(["--json", "wallet", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["code"], "usage.missing", "{v}");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("not provided") && msg.contains("<NAME>"),
        "{msg}"
    );
}

/// `--json=VALUE` is refused (the flag takes no value), as JSON when the value says yes and in
/// prose when it says no.
#[test]
fn json_flag_with_a_value_gets_the_error_it_asked_for() {
    let home = Home::new();
    for yes in ["--json=true", "--json=1"] {
        let out = home.cmd().args([yes, "wallet", "list"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{yes}");
        let v: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|e| panic!("{yes}: not JSON ({e}): {out:?}"));
        assert_eq!(v["error"]["exit_code"], 2, "{v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains("--json"),
            "{v}"
        );
    }
    let out = home
        .cmd()
        .args(["--json=false", "wallet", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("--json"),
        "{err}"
    );
}

/// `--json --version` prints the version as one JSON document on stdout.
#[test]
fn json_version_is_one_json_document() {
    let home = Home::new();
    let out = home.cmd().args(["--json", "--version"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"), "{v}");
    let plain = home.stdout(&["--version"]);
    assert!(plain.contains(env!("CARGO_PKG_VERSION")), "{plain}");
}

/// README: "Every command has `--help` with examples". Walks the command tree through `--help`
/// (the "Commands:" lists) and checks every command, groups included, shows an example, and
/// lists its own options before the global ones, which are under their own heading.
#[test]
fn every_command_help_shows_an_example() {
    let home = Home::new();
    let (mut todo, mut leaves, mut missing) = (vec![Vec::<String>::new()], 0, Vec::new());
    let mut misplaced = Vec::new();
    while let Some(path) = todo.pop() {
        let mut args = path.clone();
        args.push("--help".into());
        let help = home.stdout(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let subs: Vec<String> = help
            .lines()
            .skip_while(|l| !l.starts_with("Commands:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            // "  name  about"; an about's wrapped lines are indented further.
            .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|s| *s != "help")
            .map(str::to_string)
            .collect();
        if subs.is_empty() {
            leaves += 1;
        }
        // Leaves and groups (`cohort wallet --help`) alike; the top level has its own.
        if !help.contains("Example") {
            missing.push(format!("cohort {}", path.join(" ")));
        }
        // The command's own options come first; the flags every command takes are under their
        // own heading after them, never mixed among the command's.
        if !path.is_empty() {
            let name = format!("cohort {}", path.join(" "));
            let own = help.split("\nGlobal options:\n").collect::<Vec<_>>();
            match own.as_slice() {
                [own, global] => {
                    // A line that lists the flag (its description may be on the same line).
                    let lists = |text: &str, flag: &str| {
                        text.lines().any(|l| {
                            let l = l.trim();
                            l == flag || l.starts_with(&format!("{flag} "))
                        })
                    };
                    for flag in [
                        "--profile <NAME>",
                        "--json",
                        "-q, --quiet",
                        "--color <WHEN>",
                    ] {
                        if lists(own, flag) || !lists(global, flag) {
                            misplaced.push(format!("{name}: {flag}"));
                        }
                    }
                    if !own.contains("\nOptions:\n") {
                        misplaced
                            .push(format!("{name}: no Options heading before the global ones"));
                    }
                }
                _ => misplaced.push(format!("{name}: no \"Global options:\" heading")),
            }
        }
        for s in subs {
            let mut p = path.clone();
            p.push(s);
            todo.push(p);
        }
    }
    assert!(leaves > 60, "only {leaves} commands found");
    assert!(missing.is_empty(), "no example in --help: {missing:?}");
    assert!(
        misplaced.is_empty(),
        "global options mixed with a command's own: {misplaced:#?}"
    );
}

#[test]
fn an_interrupted_usage_deposit_is_finished_by_the_rerun_and_paid_once() {
    use serde_json::Value;
    let net = crate::common::Devnet::start(0, 1);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&net.rpc_url(), Some(31337)))
        .unwrap();
    interval_mining(&rt, &chain);
    let deposit = ["usage", "deposit", "--amount", "0.05", "--wallet", "dev:6"];
    let balance = || {
        crate::common::wei(
            &net.json(&["usage", "balance", "--wallet", "dev:6"])["account"]["balance"],
        )
    };
    let amount = 50_000_000_000_000_000u128;

    // Killed while pending (it lands): the rerun waits for that transaction and says so.
    let hash = killed_while_pending(&net, &deposit, "depositing");
    let d = net.json(&deposit);
    assert_eq!(d["resumed"], true, "{d}");
    assert_eq!(d["tx"]["tx_hash"], Value::String(hash.clone()), "{d}");
    assert_eq!(balance(), amount);
    // The text says nothing was paid again.
    let hash = killed_while_pending(&net, &deposit, "depositing");
    let out = net.home.stdout(&deposit);
    assert!(out.contains("nothing was paid again"), "{out}");
    assert!(out.contains(&hash[2..]), "{out}");
    assert_eq!(balance(), 2 * amount);

    // A deliberate second deposit is paid, as new.
    let d = net.json(&deposit);
    assert!(d.get("resumed").is_none(), "{d}");
    assert_ne!(d["tx"]["tx_hash"], Value::String(hash), "{d}");
    assert_eq!(balance(), 3 * amount);
}

/// Two `worker withdraw` of one wallet at once, from two homes (no shared record): the second
/// reads the earnings while the first's transaction is pending (still owed), then its own
/// transaction would find nothing left (the contract's NothingToWithdraw): it says there is
/// nothing to withdraw, exit 0, instead of failing with the revert.
#[test]
fn a_worker_withdraw_whose_earnings_a_concurrent_one_took_says_nothing_to_withdraw() {
    use crate::token_setup::{dev_address, standard_job};
    use alloy::primitives::{Address, U256};
    use alloy::providers::Provider;
    use serde_json::Value;
    let net = crate::common::Devnet::start(0, 1);
    let rpc = net.rpc_url();
    let registry: Address = net.contract("dataset_registry").parse().unwrap();
    let market: Address = net.contract("job_market").parse().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(standard_job(&rpc, registry, market, true));
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&rpc, Some(31337)))
        .unwrap();
    let jm = cohort::chain::bindings::JobMarket::new(market, &chain.provider);
    let owed = rt
        .block_on(async { jm.earnings(dev_address(4)).call().await })
        .unwrap();
    assert!(owed > U256::ZERO);
    let other = crate::common::Home::new();
    std::fs::copy(net.home.config_file(), other.config_file()).unwrap();
    // No block is mined until the test mines one: both transactions are sent first.
    let raw = |method: &str, params: Value| {
        rt.block_on(
            chain
                .provider
                .raw_request::<_, Value>(method.to_string().into(), params),
        )
        .unwrap()
    };
    raw("evm_setAutomine", serde_json::json!([false]));
    raw("evm_setIntervalMining", serde_json::json!([0]));
    let withdraw = ["worker", "withdraw", "--wallet", "dev:4"];
    let (first, _hash, _rest) = started_waiting_for_a_tx(&net, &withdraw, "withdrawing");
    // The earnings still read as owed (the first's transaction is not mined).
    let still = rt
        .block_on(async { jm.earnings(dev_address(4)).call().await })
        .unwrap();
    assert_eq!(still, owed);
    let w = other.json(&withdraw);
    assert_eq!(w["nothing_to_withdraw"], true, "{w}");
    assert_eq!(crate::common::wei(&w["amount"]), 0, "{w}");
    assert!(w.get("tx").is_none(), "{w}");

    raw("evm_mine", serde_json::json!([]));
    raw("evm_setAutomine", serde_json::json!([true]));
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    let w: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(crate::common::wei(&w["amount"]), owed.to::<u128>(), "{w}");
}

/// `node run` refuses a data folder of another flow, and a flow address without code, before it
/// says it listens or follows anything (exit 2).
#[test]
fn node_run_refuses_another_flows_data_folder_and_a_codeless_flow_before_listening() {
    let net = crate::common::Devnet::start(0, 1);
    let rpc = net.rpc_url();
    let flow = net.contract("flow");
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("nd");
    let node = |flow: &str, data: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["--json", "node", "run", "--data-dir"])
            .arg(data)
            .args(["--rpc", "127.0.0.1:0", "--chain-rpc", &rpc, "--flow", flow])
            .env("COHORT_HOME", net.home.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // The folder follows the devnet's flow once a node ran in it.
    let mut first = node(&flow, &data);
    let mut out = std::io::BufReader::new(first.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    let _ = first.kill();
    let _ = first.wait();
    assert!(line.contains("listening"), "{line}");

    let refused = |flow: &str, data: &std::path::Path| {
        let mut child = node(flow, data);
        let start = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "node run with flow {flow} was not refused:\n{}",
                    String::from_utf8_lossy(&out.stdout)
                );
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let out = child.wait_with_output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
        assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
        assert!(!stdout.contains("listening"), "{stdout}");
        assert!(!stderr.contains("listening"), "{stderr}");
        assert!(!stderr.contains("following flow"), "{stderr}");
        stderr
    };
    // Another contract (it has code) is another flow: that folder is not its.
    let other = net.contract("job_market");
    let err = refused(&other, &data);
    assert!(err.contains("another --data-dir"), "{err}");
    // No code at the address: refused in a new folder too.
    let err = refused(
        "0x000000000000000000000000000000000000dEaD",
        &work.path().join("fresh"),
    );
    assert!(err.contains("no contract at the flow address"), "{err}");
}

/// An upload killed while its storage submission is pending: once the submission landed and the
/// node saw it, the rerun finds it there (and sends no second one) and removes its record.
#[test]
fn an_upload_rerun_that_finds_its_killed_runs_submission_on_chain_drops_its_record() {
    let net = crate::common::Devnet::start(1, 1);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt
        .block_on(cohort::chain::Chain::connect(&net.rpc_url(), Some(31337)))
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    let file = crate::common::write(work.path(), "data.bin", crate::common::content(5000, 3));
    let node = net.storage_nodes()[0].clone();
    let before = crate::common::next_tx_seq(&node);
    interval_mining(&rt, &chain);
    let upload = ["storage", "upload", file.to_str().unwrap()];
    let hash = killed_while_pending(&net, &upload, "submitting");
    let start = std::time::Instant::now();
    while crate::common::next_tx_seq(&node) <= before {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the node never saw the killed upload's submission"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let r = net.json(&upload);
    assert_eq!(r["tx_hash"], serde_json::Value::String(hash), "{r}");
    assert_eq!(crate::common::next_tx_seq(&node), before + 1, "{r}");
    let records: Vec<String> = std::fs::read_dir(net.home.path().join("pending-tx"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter_map(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .filter_map(|v| v["intent"].as_str().map(str::to_string))
        .collect();
    assert!(records.is_empty(), "{records:?}");
}

#[test]
fn output_that_cannot_be_written_is_an_error_not_a_success() {
    // stdout on a full disk: /dev/full refuses every write with ENOSPC.
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        panic!("this test needs /dev/full (Linux)");
    };
    let home = Home::new();
    home.stdout(&[
        "config",
        "set",
        "profiles.local.rpc_url",
        "http://127.0.0.1:1",
    ]);
    for json in [false, true] {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"));
        c.env("COHORT_HOME", home.path()).env("NO_COLOR", "1");
        if json {
            c.arg("--json");
        }
        let out = c
            .args(["config", "show"])
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "json {json}: {stderr}");
        assert!(
            stderr.contains("could not write the command's output to stdout")
                && stderr.contains("No space left on device"),
            "json {json}: {stderr}"
        );
        if json {
            let v: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
            assert_eq!(v["error"]["code"], "output.write");
            assert_eq!(v["error"]["exit_code"], 1);
        }
    }
    // A closed pipe stays a quiet success (`cohort … | head`).
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
        .env("COHORT_HOME", home.path())
        .args(["config", "show"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn a_permissive_umask_makes_nothing_of_cohorts_writable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let pw = home.path().join("pw");
    std::fs::write(&pw, "a password\n").unwrap();
    let sub = home.path().join("h");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000 && '{}' config set profiles.x.rpc_url http://127.0.0.1:1 && exec '{}' wallet new a --password-file '{}'",
            env!("CARGO_BIN_EXE_cohort"),
            env!("CARGO_BIN_EXE_cohort"),
            pw.display()
        ))
        .env("COHORT_HOME", &sub)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen = 0;
    let mut stack = vec![sub.clone()];
    while let Some(p) = stack.pop() {
        let m = std::fs::symlink_metadata(&p).unwrap();
        assert_eq!(
            m.permissions().mode() & 0o022,
            0,
            "{} is writable by others: {:o}",
            p.display(),
            m.permissions().mode()
        );
        seen += 1;
        if m.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
    }
    assert!(
        seen >= 4,
        "the home, config.toml, keystores/ and the keystore: {seen}"
    );
}

/// A user's umask 077 keeps what cohort writes for them private: a merged model's folder and
/// every file in it (those copied from the base model too, whose own mode is 0644).
#[test]
fn a_private_umask_keeps_output_folders_and_copied_files_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    // The base model's files readable by all, as a download or a checkout leaves them.
    let base = home.path().join("base");
    std::fs::create_dir(&base).unwrap();
    for e in std::fs::read_dir("fixtures/lora/llama").unwrap() {
        let e = e.unwrap();
        let to = base.join(e.file_name());
        std::fs::copy(e.path(), &to).unwrap();
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let merged = home.path().join("out/merged");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077 && exec '{}' model merge '{}' fixtures/lora/reference/llama-adapter -o '{}'",
            env!("CARGO_BIN_EXE_cohort"),
            base.display(),
            merged.display()
        ))
        .env("COHORT_HOME", home.path().join("h"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen = Vec::new();
    for p in std::iter::once(merged.clone()).chain(
        std::fs::read_dir(&merged)
            .unwrap()
            .map(|e| e.unwrap().path()),
    ) {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} is {:o}", p.display(), mode & 0o777);
        seen.push(p.file_name().unwrap().to_string_lossy().into_owned());
    }
    assert!(seen.iter().any(|n| n == "tokenizer.json"), "{seen:?}");
    assert!(seen.iter().any(|n| n == "model.safetensors"), "{seen:?}");
}

#[test]
fn a_variable_set_to_nothing_is_no_setting() {
    let home = Home::new();
    home.stdout(&[
        "config",
        "set",
        "profiles.local.rpc_url",
        "http://127.0.0.1:1",
    ]);
    // An empty profile name, node list or password file would each be a different error.
    let out = home
        .cmd()
        .env("COHORT_PROFILE", "")
        .env("COHORT_STORAGE_NODES", "")
        .env("COHORT_PASSWORD_FILE", "")
        .env("COHORT_RPC_URL", "")
        .args(["--json", "config", "show"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "local", "{v}");
    assert_eq!(
        v["profile"]["storage_nodes"].as_array().map(Vec::len),
        Some(0),
        "{v}"
    );
}

#[test]
fn under_json_the_libraries_notes_come_as_json_note_events_and_no_bars() {
    let home = Home::new();
    let spec = home.path().join("spec.toml");
    std::fs::write(
        &spec,
        "[model]\nlayers = 1\nwidth = 32\nheads = 2\ncontext = 32\n\n\
         [training]\nbatch_size = 8\nsteps = 20\ncheckpoint_every = 10\neval_windows = 8\nseed = 5\n",
    )
    .unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let out = home
        .cmd()
        .args(["--json", "train", "--data"])
        .arg(&corpus)
        .arg("--config")
        .arg(&spec)
        .arg("--out")
        .arg(home.path().join("run"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("one JSON document");
    let notes: Vec<String> = stderr
        .lines()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"));
            assert_eq!(v["type"], "note", "{l}");
            v["data"]["message"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(
        notes.iter().any(|m| m.contains("validation loss")),
        "the trainer's notes: {notes:?}"
    );
}

/// A dataset's license is an SPDX expression: anything else is refused (exit 2) before the
/// chain or a password is asked for, with the identifier a common spelling means.
#[test]
fn a_dataset_license_that_is_no_spdx_expression_is_refused_first() {
    let home = Home::new();
    let (code, err) = home.refused_json(&[
        "dataset",
        "create",
        "plays",
        "--description",
        "d",
        "--license",
        "Apache 2.0",
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "dataset.bad_license", "{err}");
    assert!(
        err["hint"].as_str().unwrap().contains("Apache-2.0"),
        "{err}"
    );
}

/// `config set` refuses a wallet no command could sign with: a name with no keystore (exit 2,
/// pointing to `wallet new`/`import` and `wallet list`) and a dev:N beyond the devnet's ten
/// accounts; a wallet that exists and dev:0 … dev:9 are taken. An unknown key points to the
/// README section that lists the keys.
#[test]
fn config_set_refuses_wallets_no_command_could_use() {
    let home = Home::new();
    home.cmd().args(["config", "add", "p"]).assert().success();
    for (key, value) in [("default_wallet", "nosuch"), ("profiles.p.wallet", "bob")] {
        let (code, err) = home.refused_json(&["config", "set", key, value]);
        assert_eq!(code, 2, "{key}: {err}");
        assert_eq!(err["code"], "config.unknown_wallet", "{err}");
        let msg = err["message"].as_str().unwrap();
        assert!(msg.contains(&format!("no wallet named '{value}'")), "{err}");
        let hint = err["hint"].as_str().unwrap();
        assert!(
            hint.contains(&format!("cohort wallet new {value}"))
                && hint.contains("cohort wallet import")
                && hint.contains("cohort wallet list"),
            "{err}"
        );
    }
    let (code, err) = home.refused_json(&["config", "set", "default_wallet", "dev:99"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("dev:0 … dev:9"),
        "{err}"
    );
    // Nothing of the refused values reached the file.
    let text = std::fs::read_to_string(home.config_file()).unwrap();
    assert!(
        !text.contains("nosuch") && !text.contains("bob") && !text.contains("dev:99"),
        "{text}"
    );

    home.json(&["config", "set", "profiles.p.wallet", "dev:9"]);
    let secrets = tempfile::tempdir().unwrap();
    let pw = secrets.path().join("pw");
    std::fs::write(&pw, "a password for the config test").unwrap();
    home.json(&[
        "wallet",
        "new",
        "alice",
        "--password-file",
        pw.to_str().unwrap(),
    ]);
    home.json(&["config", "set", "default_wallet", "alice"]);
    assert_eq!(
        home.json(&["config", "get", "default_wallet"])["value"],
        "alice"
    );

    // The keys are in the README under "Profiles and configuration": the hint names it.
    let (code, err) = home.refused_json(&["config", "set", "colour", "red"]);
    assert_eq!(code, 2, "{err}");
    let hint = err["hint"].as_str().unwrap();
    assert!(hint.contains("\"Profiles and configuration\""), "{err}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains("\n## Profiles and configuration\n")
            && readme.contains("| `profiles.<name>.wallet` |"),
        "the README section the hint names is gone"
    );
}

/// `config profiles --json` gives a profile's storage nodes as the list its config key holds,
/// and with no default profile and no `local` one, `config show` names the profiles there are
/// and how to pick one, besides `devnet up`.
#[test]
fn config_profiles_lists_storage_nodes_and_a_missing_local_profile_names_the_others() {
    let home = Home::new();
    home.cmd().args(["config", "show"]).assert().code(2);
    home.cmd()
        .args([
            "config",
            "add",
            "mychain",
            "--rpc-url",
            "http://x:1",
            "--storage-node",
            "http://a:1",
            "--storage-node",
            "http://b:2",
        ])
        .assert()
        .success();
    let rows = home.json(&["config", "profiles"]);
    let mine = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "mychain")
        .unwrap();
    assert_eq!(
        mine["storage_nodes"],
        serde_json::json!(["http://a:1", "http://b:2"]),
        "{rows}"
    );
    assert_eq!(
        home.json(&["config", "get", "profiles.mychain.storage_nodes"])["value"],
        "http://a:1,http://b:2"
    );

    let (code, err) = home.refused_json(&["config", "show"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["message"], "no profile named 'local'", "{err}");
    let hint = err["hint"].as_str().unwrap();
    assert!(
        hint.contains("cohort devnet up")
            && hint.contains("cohort config use mychain")
            && hint.contains("--profile mychain"),
        "{err}"
    );
    home.cmd()
        .args(["--profile", "mychain", "config", "show"])
        .assert()
        .success();
}

/// Addresses in text are EIP-55 checksummed, in JSON lowercase (README "Scripting"):
/// `devnet status`'s contracts and dev accounts, and `config show`'s contracts, however
/// config.toml holds them.
#[test]
fn devnet_status_and_config_show_print_checksummed_addresses_in_text_lowercase_in_json() {
    use alloy::primitives::Address;
    let net = crate::common::Devnet::start(0, 1);
    let checksummed = |a: &str| a.parse::<Address>().unwrap().to_checksum(None);
    let status = net.json(&["devnet", "status"]);
    let text = net.home.stdout(&["devnet", "status"]);
    let dev0 = status["dev_accounts"][0].as_str().unwrap();
    assert_eq!(dev0, dev0.to_lowercase());
    assert!(
        text.contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        "{text}"
    );
    let contracts = status["contracts"].as_array().unwrap();
    assert!(contracts.len() >= 6, "{status}");
    for c in contracts {
        let a = c["address"].as_str().unwrap();
        assert_eq!(a, a.to_lowercase(), "{status}");
        assert!(text.contains(&checksummed(a)), "{a}:\n{text}");
    }

    // One address set checksummed, the rest as `devnet up` wrote them: all checksummed in
    // text, each as written in JSON.
    let flow = net.contract("flow");
    net.json(&[
        "config",
        "set",
        "profiles.local.contracts.flow",
        &checksummed(&flow),
    ]);
    let show = net.json(&["config", "show"]);
    let text = net.home.stdout(&["config", "show"]);
    for c in [
        "flow",
        "market",
        "dataset_registry",
        "job_market",
        "usage_ledger",
    ] {
        let a = show["profile"]["contracts"][c].as_str().unwrap();
        assert_eq!(a, a.to_lowercase(), "{show}");
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{c} ")))
            .unwrap_or_else(|| panic!("no {c} line:\n{text}"));
        assert!(line.contains(&checksummed(a)), "{line}");
    }
}
