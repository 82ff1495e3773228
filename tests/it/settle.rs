//! `cohort model settle` and `cohort usage` on a devnet, as a provider and its users run them:
//! one user who cannot pay now (or one whose settlement fails) does not keep the others unpaid,
//! vouchers are held against the chain's clock, a settlement killed while its transaction was
//! pending is reported by the rerun; `usage balance` takes wallet names and dev:N, only what
//! vouchers pay in is a payment asset, and a voucher adding nothing is refused.
#![allow(clippy::disallowed_macros)]

use std::time::{Duration, Instant};

use crate::common::{dev_address, warp};
use crate::serve::{Paid, key, paid_net, settled_of};
use alloy::primitives::{Address, U256};
use cohort::usage;
use serde_json::Value;

/// `cohort --json ARGS` in the devnet's home: exit code, stdout as JSON (Null when none) and
/// stderr.
async fn run(n: &Paid, args: &[&str]) -> (i32, Value, String) {
    let mut cmd = n.net.cmd();
    cmd.args(args).arg("--json");
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let v = if stdout.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
    };
    (
        out.status.code().unwrap_or(-1),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The users (as addresses) of a list of settlements, skips or failures.
fn users(v: &Value) -> Vec<Address> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|x| x["user"].as_str().unwrap().parse().unwrap())
        .collect()
}

/// The entry of `user` in a list of settlements, skips or failures.
fn of(v: &Value, user: u32) -> &Value {
    v.as_array()
        .unwrap()
        .iter()
        .find(|x| x["user"].as_str().unwrap().parse::<Address>().unwrap() == dev_address(user))
        .unwrap_or_else(|| panic!("no entry of dev {user}: {v}"))
}

fn wei(s: &str) -> U256 {
    s.parse().unwrap()
}

/// Writes the provider's (dev 9) vouchers file of native vouchers in the home, as the server
/// keeps it.
fn write_vouchers(n: &Paid, vouchers: &[&usage::SignedVoucher]) {
    let dir = n.net.home.path().join("serve");
    std::fs::create_dir_all(&dir).unwrap();
    let text: String = vouchers.iter().map(|v| v.to_header() + "\n").collect();
    std::fs::write(
        dir.join(format!(
            "vouchers-{}-{}-{}.jsonl",
            n.token,
            Address::ZERO,
            dev_address(9)
        )),
        text,
    )
    .unwrap();
}

/// The server's vouchers file holds a user whose deposit is used up, one whose voucher is
/// forged, one who pays in full and one whose deposit covers part of the voucher: `model
/// settle` pays the two it can (the second what the deposit covers), names the user it skips
/// and why, reports the failure by user and exits with its code; a rerun has nothing to settle
/// and exits 0; a voucher expired by the chain's clock (ahead of this machine's) is skipped,
/// not sent to revert.
#[tokio::test(flavor = "multi_thread")]
async fn model_settle_pays_every_user_it_can_and_names_those_it_skips_or_fails() {
    let n = paid_net().await;
    for (wallet, amount) in [
        ("dev:6", "0.001"),
        ("dev:7", "0.001"),
        ("dev:8", "0.001"),
        ("dev:5", "0.0005"),
    ] {
        n.cohort(&["usage", "deposit", "--amount", amount, "--wallet", wallet])
            .await;
    }
    let e15 = U256::from(1_000_000_000_000_000u64);
    let half = e15 / U256::from(2u8);
    let expiry = usage::now() + 3600;
    let sign = |u: u32, amount: U256| usage::sign(&key(u), &n.terms(), amount, expiry).unwrap();
    // Dev 6 used up its deposit: a first voucher of all of it is settled by hand.
    let (code, out, err) = run(
        &n,
        &[
            "model",
            "settle",
            "--voucher",
            &sign(6, e15).to_header(),
            "--wallet",
            "dev:9",
        ],
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(users(&out["settlements"]), vec![dev_address(6)], "{out}");
    assert_eq!(settled_of(&n, 6).await, e15);

    let empty = sign(6, e15 + e15 / U256::from(10u8));
    let mut forged = sign(8, half);
    forged.cumulative = e15;
    let full = sign(7, half);
    let partial = sign(5, e15);
    write_vouchers(&n, &[&empty, &forged, &full, &partial]);
    let settle = ["model", "settle", "--wallet", "dev:9"];
    let (code, out, err) = run(&n, &settle).await;
    // The forged voucher's settlement reverts: that failure is the exit code …
    assert_eq!(code, 4, "{err}");
    assert_eq!(users(&out["failed"]), vec![dev_address(8)], "{out}");
    assert!(
        of(&out["failed"], 8)["message"]
            .as_str()
            .unwrap()
            .contains("InvalidSignature"),
        "{out}"
    );
    // … and the users after it were paid all the same: dev 7 in full, dev 5 what its deposit
    // holds (the rest stays owed).
    assert_eq!(out["nothing_to_settle"], false, "{out}");
    assert_eq!(
        users(&out["settlements"]),
        vec![dev_address(7), dev_address(5)],
        "{out}"
    );
    assert_eq!(settled_of(&n, 7).await, half);
    assert_eq!(settled_of(&n, 5).await, half);
    let p = of(&out["settlements"], 5);
    assert_eq!(wei(p["paid"].as_str().unwrap()), half, "{out}");
    assert_eq!(wei(p["unpaid"].as_str().unwrap()), half, "{out}");
    assert_eq!(
        wei(of(&out["settlements"], 7)["unpaid"].as_str().unwrap()),
        U256::ZERO
    );
    // Dev 6, with nothing left to pay from, is skipped by name with the reason, nothing sent.
    let s = of(&out["skipped"], 6);
    assert_eq!(s["reason"], "empty_deposit", "{out}");
    assert_eq!(settled_of(&n, 6).await, e15);
    let dev6 = dev_address(6).to_string();
    assert!(
        err.lines()
            .any(|l| l.contains(&dev6) && l.contains("no ETH deposit left")),
        "{err}"
    );
    // The error names the user whose settlement failed.
    assert!(
        err.contains("1 of 3 settlements failed") && err.contains(&dev_address(8).to_string()),
        "{err}"
    );

    // Without the forged one: nothing to settle, exit 0, each user skipped with its reason.
    write_vouchers(&n, &[&empty, &full, &partial]);
    let (code, out, err) = run(&n, &settle).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(out["nothing_to_settle"], true, "{out}");
    assert!(out["settlements"].as_array().unwrap().is_empty(), "{out}");
    assert!(out["failed"].as_array().unwrap().is_empty(), "{out}");
    assert_eq!(of(&out["skipped"], 6)["reason"], "empty_deposit", "{out}");
    assert_eq!(of(&out["skipped"], 7)["reason"], "already_settled", "{out}");
    assert_eq!(of(&out["skipped"], 5)["reason"], "empty_deposit", "{out}");

    // The chain's clock runs an hour ahead of this machine's: a voucher valid for ten more
    // minutes here has expired there, and the ledger would refuse it.
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:7"])
        .await;
    let soon = usage::sign(&key(7), &n.terms(), e15, usage::now() + 600).unwrap();
    write_vouchers(&n, &[&soon]);
    warp(&n.chain, 3600).await;
    let (code, out, err) = run(&n, &settle).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(out["nothing_to_settle"], true, "{out}");
    assert_eq!(of(&out["skipped"], 7)["reason"], "expired", "{out}");
    assert!(err.contains("expired"), "{err}");
    assert_eq!(settled_of(&n, 7).await, half);
}

/// `model settle` killed (SIGKILL) while its transaction is pending leaves the transaction's
/// record; the rerun, after the transaction landed, reports it as resumed (same transaction)
/// and removes the record; the next run has nothing to settle.
#[tokio::test(flavor = "multi_thread")]
async fn a_settlement_killed_while_pending_is_reported_by_the_rerun_and_its_record_removed() {
    use alloy::providers::Provider;
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let amount = U256::from(500_000_000_000_000u64);
    let v = usage::sign(&key(6), &n.terms(), amount, usage::now() + 3600).unwrap();
    let header = v.to_header();
    // A block every 2 s, as a real chain mines: a sent transaction stays pending for a while.
    let _: Value = n
        .chain
        .provider
        .raw_request("evm_setIntervalMining".into(), (2u64,))
        .await
        .unwrap();
    let args = ["model", "settle", "--voucher", &header, "--wallet", "dev:9"];
    let hash = tokio::task::block_in_place(|| {
        let (mut child, hash) =
            crate::common::run_until_waiting_for_a_tx(&n.net, &args, "settling");
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        let _ = child.wait();
        hash
    });
    // The transaction lands without the killed run.
    let start = Instant::now();
    while settled_of(&n, 6).await != amount {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the settlement did not land within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let pending = n.net.home.path().join("pending-tx");
    let records = || {
        std::fs::read_dir(&pending)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(records(), 1, "the killed run left its record");

    let (code, out, err) = run(&n, &args).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(out["nothing_to_settle"], false, "{out}");
    let s = &out["settlements"];
    assert_eq!(users(s), vec![dev_address(6)], "{out}");
    assert_eq!(s[0]["resumed"], true, "{out}");
    assert_eq!(s[0]["tx"]["tx_hash"], Value::String(hash), "{out}");
    assert_eq!(wei(s[0]["paid"].as_str().unwrap()), amount, "{out}");
    assert_eq!(records(), 0, "the record is removed");
    assert_eq!(settled_of(&n, 6).await, amount, "nothing paid twice");

    let (code, out, err) = run(&n, &args).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(out["nothing_to_settle"], true, "{out}");
    assert_eq!(of(&out["skipped"], 6)["reason"], "already_settled", "{out}");
}

/// `usage balance` takes whose account as an address, a wallet name or dev:N; `--asset` takes
/// what vouchers pay in (the native coin, the ERC-20 the model takes), not the model token
/// itself, and the hint lists only those; `usage voucher --amount 0` is refused like `usage
/// deposit --amount 0`.
#[tokio::test(flavor = "multi_thread")]
async fn usage_takes_wallets_and_payment_assets_by_name_and_refuses_a_voucher_adding_nothing() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let user = |b: &Value| -> Address { b["account"]["user"].as_str().unwrap().parse().unwrap() };
    let b = n.cohort(&["usage", "balance", "dev:6"]).await;
    assert_eq!(user(&b), dev_address(6), "{b}");
    assert_eq!(b["account"]["balance"], "1000000000000000", "{b}");
    let b = n
        .cohort(&["usage", "balance", &dev_address(6).to_string()])
        .await;
    assert_eq!(user(&b), dev_address(6), "{b}");
    // A wallet of the home, by name.
    let dir = n.net.home.path();
    let key_file = dir.join("alice.key");
    std::fs::write(&key_file, alloy::hex::encode(key(7).to_bytes())).unwrap();
    let pw = dir.join("alice.pw");
    std::fs::write(&pw, "correct horse battery staple").unwrap();
    n.cohort(&[
        "wallet",
        "import",
        "alice",
        "--private-key-file",
        key_file.to_str().unwrap(),
        "--password-file",
        pw.to_str().unwrap(),
    ])
    .await;
    let b = n.cohort(&["usage", "balance", "alice"]).await;
    assert_eq!(user(&b), dev_address(7), "{b}");

    // The ERC-20 the model takes is a payment asset; the model token is not.
    let b = n
        .cohort(&["usage", "balance", "dev:6", "--asset", "USDC"])
        .await;
    let asset: Address = b["account"]["asset"].as_str().unwrap().parse().unwrap();
    assert_eq!(asset, n.usdc, "{b}");
    let refused = |args: &'static [&'static str]| {
        tokio::task::block_in_place(|| n.net.home.refused_json(args))
    };
    for args in [
        &["usage", "balance", "dev:6", "--asset", "SRV"][..],
        &[
            "usage", "deposit", "--amount", "1", "--asset", "SRV", "--wallet", "dev:6",
        ][..],
    ] {
        let (code, err) = refused(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err["code"], "asset.unknown", "{args:?}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("model token"),
            "{err}"
        );
        let hint = err["hint"].as_str().unwrap();
        assert!(hint.contains("USDC") && !hint.contains("SRV"), "{hint}");
    }

    // A voucher adding nothing, to a paid server that would take it.
    let srv = n.serve(&[]).await;
    let url = srv.url.clone();
    let (code, err) = tokio::task::block_in_place(|| {
        n.net.home.refused_json(&[
            "usage",
            "voucher",
            "--provider",
            &url,
            "--amount",
            "0",
            "--wallet",
            "dev:6",
        ])
    });
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["code"], "usage.zero_amount", "{err}");
    drop(srv);
}
