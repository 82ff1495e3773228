//! Flags where people put them and assets by name: `--wallet`/`--password-file` before the
//! subcommand, and `--token` by symbol, through the real binary against a devnet.

use crate::common::Devnet;
use crate::token_setup::{default_terms, dev_address, mint, standard_job_with, test_token};
use alloy::primitives::{Address, U256};
use serde_json::Value;

fn run(net: &Devnet, args: &[&str]) -> (i32, String, String) {
    let out = net.cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(net: &Devnet, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    let (code, out, err) = run(net, &a);
    assert_eq!(code, 0, "cohort {args:?} failed:\n{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("no JSON from {args:?} ({e}): {out}"))
}

fn lower(a: Address) -> String {
    format!("{a:#x}")
}

fn create_args(name: &str) -> Vec<&str> {
    vec![
        "dataset",
        "create",
        name,
        "--description",
        "d",
        "--license",
        "CC0-1.0",
    ]
}

#[test]
fn wallet_and_password_file_work_before_the_subcommand_too() {
    let net = Devnet::start(0, 1);
    // Before the subcommand.
    let mut a = vec!["--wallet", "dev:1"];
    a.extend(create_args("g1"));
    let v = json(&net, &a);
    assert_eq!(v["dataset"]["curator"], lower(dev_address(1)));
    // Both places: the one after the subcommand wins.
    let mut a = vec!["--wallet", "dev:1"];
    a.extend(create_args("g2"));
    a.extend(["--wallet", "dev:2"]);
    let v = json(&net, &a);
    assert_eq!(v["dataset"]["curator"], lower(dev_address(2)));
    // A command that only reads takes it and ignores it.
    let v = json(
        &net,
        &[
            "--wallet",
            "dev:3",
            "--password-file",
            "/nonexistent",
            "dataset",
            "list",
        ],
    );
    assert!(v.to_string().contains("g2"), "{v}");

    // A keystore wallet with its password file, both before the subcommand.
    let dir = net.home.path();
    let key = dir.join("key.txt");
    let signer = cohort::devnet::dev_signer(7).unwrap();
    std::fs::write(&key, format!("0x{}", hex::encode(signer.to_bytes()))).unwrap();
    let (pw, wrong) = (dir.join("pw"), dir.join("wrong"));
    std::fs::write(&pw, "correct horse battery staple\n").unwrap();
    std::fs::write(&wrong, "not it\n").unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    json(
        &net,
        &[
            "--password-file",
            &s(&pw),
            "wallet",
            "import",
            "alice",
            "--private-key-file",
            &s(&key),
        ],
    );
    let mut a = vec!["--wallet", "alice", "--password-file"];
    let wrong_s = s(&wrong);
    a.push(&wrong_s);
    a.extend(create_args("g3"));
    let (code, _, err) = run(&net, &a);
    assert_eq!(code, 6, "a wrong password is a wallet error:\n{err}");
    let mut a = vec!["--wallet", "alice", "--password-file"];
    let pw_s = s(&pw);
    a.push(&pw_s);
    a.extend(create_args("g3"));
    let v = json(&net, &a);
    assert_eq!(v["dataset"]["curator"], lower(dev_address(7)));
}

#[tokio::test(flavor = "multi_thread")]
async fn token_arguments_take_a_known_symbol_or_an_address() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let registry: Address = net.contract("dataset_registry").parse().unwrap();
    let market: Address = net.contract("job_market").parse().unwrap();
    let usdc = test_token(&rpc, 0, "USDC", 6).await;
    let terms = cohort::chain::bindings::JobMarket::Terms {
        revenueAssets: vec![usdc],
        ..default_terms()
    };
    let job = standard_job_with(&rpc, registry, market, true, terms).await;
    mint(&rpc, usdc, dev_address(8), U256::from(1_000_000_000u64)).await;
    let job_s = job.job_id.to_string();
    let net = tokio::task::spawn_blocking(move || {
        let t = json(
            &net,
            &[
                "model",
                "tokenize",
                &job_s,
                "--name",
                "News Model",
                "--symbol",
                "NEWS",
                "--supply",
                "1000000",
                "--wallet",
                "dev:1",
            ],
        );
        (net, t)
    })
    .await
    .unwrap();
    let (net, t) = net;
    let token = t["token"].as_str().unwrap().to_string();

    tokio::task::spawn_blocking(move || {
        // A revenue asset by its symbol, any case: sent with its decimals.
        let sent = json(
            &net,
            &[
                "wallet", "send", "dev:9", "12.5", "--token", "usdc", "--wallet", "dev:8",
            ],
        );
        assert_eq!(sent["transfer"]["symbol"], "USDC", "{sent}");
        assert_eq!(sent["transfer"]["raw"], "12500000", "{sent}");
        let bal = json(&net, &["wallet", "balance", "dev:9", "--token", "USDC"]);
        let row = bal["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["symbol"] == "USDC")
            .unwrap_or_else(|| panic!("no USDC row: {bal}"))
            .clone();
        assert_eq!(row["amount"], "12.5", "{bal}");
        // The same by address.
        let sent = json(
            &net,
            &[
                "wallet",
                "send",
                "dev:9",
                "0.5",
                "--token",
                &usdc_s2(&row),
                "--wallet",
                "dev:8",
            ],
        );
        assert_eq!(sent["transfer"]["raw"], "500000", "{sent}");
        // A model token by its symbol.
        let bal = json(&net, &["wallet", "balance", "dev:1", "--token", "news"]);
        assert!(
            bal["tokens"].as_array().unwrap().iter().any(|t| t["token"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(&token)
                && t["symbol"] == "NEWS"),
            "{bal}"
        );
        // Holders with their share drawn as a bar, longest for the largest.
        let (code, out, err) = run(&net, &["model", "holders", "NEWS"]);
        assert_eq!(code, 0, "{err}");
        let bars: Vec<usize> = out
            .lines()
            .filter(|l| l.contains("0x"))
            .map(|l| l.chars().filter(|&c| c == '█').count())
            .collect();
        assert!(!bars.is_empty() && bars[0] > 0, "{out}");
        assert!(bars.windows(2).all(|w| w[0] >= w[1]), "{out}");
        // The coin's own symbol means the native coin.
        let sent = json(
            &net,
            &[
                "wallet",
                "send",
                "dev:9",
                "0.25",
                "--token",
                "ETH",
                "--dry-run",
                "--wallet",
                "dev:8",
            ],
        );
        assert!(sent["transfer"]["token"].is_null(), "{sent}");
        // An unknown symbol: a usage error that lists the known ones.
        let (code, _, err) = run(
            &net,
            &[
                "wallet", "send", "dev:9", "1", "--token", "BARS", "--wallet", "dev:8",
            ],
        );
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("'BARS'") && err.contains("NEWS") && err.contains("USDC"),
            "{err}"
        );
    })
    .await
    .unwrap();
}

/// The token address of a balance row.
fn usdc_s2(row: &Value) -> String {
    row["token"].as_str().unwrap().to_string()
}

#[test]
fn verbose_logs_follow_the_color_choice_when_stderr_is_a_file() {
    let net = Devnet::start(0, 1);
    let logs = |color: &str| {
        let out = net
            .cmd()
            .env_remove("NO_COLOR")
            .args(["-vvv", "--color", color, "job", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let plain = logs("never");
    assert!(plain.contains("DEBUG"), "no debug log lines: {plain}");
    assert!(
        !plain.contains("\x1b["),
        "colour codes with --color never: {plain:?}"
    );
    // Asked for, they are there: the logs follow --color like the rest of the output.
    assert!(logs("always").contains("\x1b["));
    // Auto: stderr is a file here, so no colour either.
    assert!(!logs("auto").contains("\x1b["));
}

/// `cohort --json ARGS` with stdin an empty pipe (no terminal to ask a password on).
fn no_tty(net: &Devnet, args: &[&str]) -> (i32, String, String) {
    let out = net
        .cmd()
        .arg("--json")
        .args(args)
        .write_stdin("")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The error object of a `--json` failure's stderr.
fn error_of(err: &str) -> Value {
    err.lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| v.get("error").cloned())
        .unwrap_or_else(|| panic!("no JSON error: {err}"))
}

/// A job's plan needs only the owner's address: `job submit --dry-run` with a keystore wallet
/// and no password (no terminal either) prices it; a spec that cannot be read is refused before
/// any password is asked for, with the fix; cancelling a job that is over says what to do.
#[test]
fn job_submit_plans_without_the_password_and_errors_name_the_fix() {
    let net = Devnet::start(1, 1);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    crate::common::procs::sealed_dataset(&net, w, "fixture-text", &["part1.txt"]);
    let key = w.join("key.txt");
    let signer = cohort::devnet::dev_signer(7).unwrap();
    std::fs::write(&key, format!("0x{}", hex::encode(signer.to_bytes()))).unwrap();
    let pw = w.join("pw");
    std::fs::write(&pw, "owner's password\n").unwrap();
    let (key_s, pw_s) = (key.to_str().unwrap(), pw.to_str().unwrap());
    json(
        &net,
        &[
            "wallet",
            "import",
            "owner",
            "--private-key-file",
            key_s,
            "--password-file",
            pw_s,
        ],
    );
    let spec = w.join("job.toml");
    std::fs::write(
        &spec,
        std::fs::read_to_string("fixtures/jobs/tiny.toml")
            .unwrap()
            .replace(
                "datasets = [\"shakespeare\"]",
                "datasets = [\"fixture-text\"]",
            ),
    )
    .unwrap();
    let spec_s = spec.to_str().unwrap();

    let (code, out, err) = no_tty(
        &net,
        &["job", "submit", spec_s, "--dry-run", "--wallet", "owner"],
    );
    assert_eq!(code, 0, "a dry run asked for the password:\n{err}");
    let dry: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(dry["dry_run"], true, "{dry}");
    let owner = lower(dev_address(7));
    assert!(
        dry["plan"]["owner"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&owner),
        "{dry}"
    );
    assert!(
        dry["plan"]["create_job_gas"].as_u64().unwrap() > 21_000,
        "{dry}"
    );
    assert!(crate::common::wei(&dry["plan"]["balance"]) > 0, "{dry}");
    assert_eq!(json(&net, &["job", "list"]).as_array().unwrap().len(), 0);

    // A spec that is not there: exit 2 naming the fix, before any password is asked for.
    let missing = w.join("nope.toml");
    let (code, _, err) = no_tty(
        &net,
        &[
            "job",
            "submit",
            missing.to_str().unwrap(),
            "--wallet",
            "owner",
        ],
    );
    assert_eq!(code, 2, "{err}");
    let e = error_of(&err);
    assert_eq!(e["code"], "jobspec.read", "{e}");
    assert!(
        e["hint"].as_str().unwrap_or("").contains("check the path"),
        "{e}"
    );

    // Sending does unlock the wallet.
    let (code, _, err) = no_tty(&net, &["job", "submit", spec_s, "--wallet", "owner"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(error_of(&err)["code"], "wallet.no_password", "{err}");
    let sub = json(
        &net,
        &[
            "job",
            "submit",
            spec_s,
            "--wallet",
            "owner",
            "--password-file",
            pw_s,
        ],
    );
    assert!(
        sub["job"]["owner"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&owner),
        "{sub}"
    );
    let id = sub["job_id"].as_u64().unwrap().to_string();
    let cancel = [
        "job",
        "cancel",
        &id,
        "--wallet",
        "owner",
        "--password-file",
        pw_s,
    ];
    json(&net, &cancel);
    // A job that is over: exit 4, and what to do instead.
    let (code, _, err) = no_tty(&net, &cancel);
    assert_eq!(code, 4, "{err}");
    let e = error_of(&err);
    assert_eq!(e["code"], "job.closed", "{e}");
    let hint = e["hint"].as_str().unwrap_or("");
    assert!(
        hint.contains(&format!("cohort job show {id}")) && hint.contains("worker withdraw"),
        "{e}"
    );
}

/// Config writers at once keep each other's changes: many `config set` processes of different
/// keys, started together, leave every key in the file (before, the last whole-file write won
/// and most keys were lost while every command said it had set its key). The file stays
/// private (RPC URLs may hold API keys), a stricter mode stays, and the temporary file of a
/// killed write is removed by the next save.
#[test]
fn parallel_config_writers_keep_every_key_and_the_file_stays_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = crate::common::Home::new();
    let mode = || {
        std::fs::metadata(home.config_file())
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    home.json(&[
        "config",
        "add",
        "hosted",
        "--rpc-url",
        "https://mainnet.infura.io/v3/abcdef0123456789abcdef0123456789",
    ]);
    assert_eq!(mode(), 0o600);
    // A file an older version wrote world-readable is made private by the next write.
    std::fs::set_permissions(home.config_file(), std::fs::Permissions::from_mode(0o644)).unwrap();

    // A killed run's temporary file beside config.toml (its process is gone).
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let stale = home.path().join(format!(".config.toml.tmp-{pid}-42"));
    std::fs::write(&stale, "half a config").unwrap();

    let (rounds, width) = (3, 12);
    for r in 0..rounds {
        let children: Vec<_> = (0..width)
            .map(|i| {
                let mut c = crate::common::cohort_command(home.path());
                c.args([
                    "config",
                    "set",
                    &format!("profiles.p{r}x{i}.rpc_url"),
                    &format!("http://127.0.0.1:{}", 8000 + i),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let profiles = home.json(&["config", "profiles"]);
    let names: std::collections::BTreeSet<String> = profiles
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["preset"] == false)
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<String> = (0..rounds)
        .flat_map(|r| (0..width).map(move |i| format!("p{r}x{i}")))
        .filter(|n| !names.contains(n))
        .collect();
    assert!(
        lost.is_empty(),
        "profiles lost by parallel writers: {lost:?}"
    );
    assert!(names.contains("hosted"), "{names:?}");
    assert_eq!(mode(), 0o600);
    assert!(!stale.exists(), "the killed run's temporary file stayed");
    assert!(
        home.stdout(&["--profile", "hosted", "config", "show"])
            .contains("mainnet.infura.io"),
    );

    // A user's stricter mode stays through a write.
    std::fs::set_permissions(home.config_file(), std::fs::Permissions::from_mode(0o400)).unwrap();
    home.json(&["config", "set", "default_wallet", "dev:3"]);
    assert_eq!(mode(), 0o400);
    assert_eq!(
        home.json(&["config", "get", "default_wallet"])["value"],
        "dev:3"
    );
}
