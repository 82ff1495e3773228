//! `cohort model serve` through the real binary: the OpenAI API's shapes and errors on a free
//! server; on the devnet, refused vouchers (402 with the reason, nothing served or settled) and
//! 20 paid queries from two users (`cohort model query`) settled into the model token, whose
//! holders see the revenue in `rewards list` and claim it; a server charging in an ERC-20 the token
//! takes, paid from ERC-20 deposits; a stream whose client leaves mid-way, charged for what was made.
#![allow(clippy::disallowed_macros)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use crate::common::{Devnet, Home};
use crate::token_setup::{default_terms, dev, dev_address, mint, standard_job_with, test_token};
use alloy::primitives::{Address, U256};
use cohort::chain::Chain;
use cohort::chain::bindings::{JobMarket, ModelToken, UsageLedger};
use cohort::tokens::{self, Suite, TokenizeRequest};
use cohort::usage::{self, Expected};
use serde_json::{Value, json};

/// A random-init builtin checkpoint of the tiny fixture spec (serving does not need training).
fn checkpoint(dir: &Path) -> PathBuf {
    checkpoint_with_context(dir, None)
}

/// [`checkpoint`] with another context length (a long answer takes a while to make).
fn checkpoint_with_context(dir: &Path, context: Option<usize>) -> PathBuf {
    let mut spec = cohort::jobspec::JobSpec::load(Path::new("fixtures/jobs/tiny.toml")).unwrap();
    if let Some(c) = context {
        spec.model.context = c;
    }
    let ck = cohort::jobs::submit::base_model(&spec).unwrap();
    let p = match context {
        None => dir.join("tiny.safetensors"),
        Some(c) => dir.join(format!("tiny-{c}.safetensors")),
    };
    ck.save(&p).unwrap();
    p
}

/// A running `cohort model serve` (JSON events on stdout); SIGTERM on drop.
pub(crate) struct Server {
    child: Child,
    pub(crate) url: String,
    out: BufReader<std::process::ChildStdout>,
}

impl Server {
    // The child is returned inside `Server`, whose `stop` waits for it.
    #[allow(clippy::zombie_processes)]
    pub(crate) fn start(home: &Path, args: &[&str]) -> Server {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"))
            .args(["model", "serve", "--port", "0", "--json"])
            .args(args)
            .env("COHORT_HOME", home)
            .env("NO_COLOR", "1")
            .env_remove("COHORT_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                let mut err = String::new();
                std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
                let _ = child.wait();
                panic!("the server ended before listening: {err}");
            }
            if let Ok(v) = serde_json::from_str::<Value>(&line)
                && v["event"] == "listening"
            {
                let url = format!("http://{}", v["address"].as_str().unwrap());
                return Server { child, url, out };
            }
        }
    }

    /// Stops the server (SIGTERM: it settles first) and returns its stdout lines and stderr.
    pub(crate) fn stop(mut self) -> (Vec<Value>, String) {
        let pid = self.child.id().to_string();
        assert!(
            std::process::Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut self.out, &mut rest).unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(self.child.stderr.as_mut().unwrap(), &mut err).unwrap();
        let status = self.child.wait().unwrap();
        assert!(status.success(), "the server exited with {status}: {err}");
        // Event lines, then the final stats document (each one line of JSON).
        let mut values = Vec::new();
        let mut doc = String::new();
        for line in rest.lines() {
            if doc.is_empty()
                && let Ok(v) = serde_json::from_str::<Value>(line)
            {
                values.push(v);
            } else {
                doc.push_str(line);
                doc.push('\n');
            }
        }
        if !doc.trim().is_empty() {
            values.push(serde_json::from_str(&doc).unwrap_or_else(|e| panic!("{e}: {doc}")));
        }
        (values, err)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn post(
    url: &str,
    path: &str,
    body: impl Into<reqwest::Body>,
    voucher: Option<&str>,
) -> (u16, Value) {
    let mut r = reqwest::Client::new()
        .post(format!("{url}{path}"))
        .header("content-type", "application/json")
        .body(body);
    if let Some(v) = voucher {
        r = r.header(usage::VOUCHER_HEADER, v);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// A wrong method on a known endpoint is a 405 in OpenAI's error shape, a full server's 429 says
/// when to retry (`Retry-After`), and `--json` stdout is JSON Lines to the end: each event, then
/// the final stats on one line.
#[tokio::test(flavor = "multi_thread")]
async fn wrong_methods_and_a_full_server_get_openai_errors_and_json_stdout_is_json_lines() {
    let home = Home::new();
    // 2000 new tokens take the debug build seconds: the one slot stays taken meanwhile.
    let ck = checkpoint_with_context(home.path(), Some(2048));
    let ck_s = ck.to_str().unwrap().to_string();
    let h = home.path().to_path_buf();
    let mut srv = tokio::task::spawn_blocking(move || {
        Server::start(
            &h,
            &[
                &ck_s,
                "--free",
                "--max-concurrency",
                "1",
                "--max-queue",
                "0",
            ],
        )
    })
    .await
    .unwrap();
    let url = srv.url.clone();
    let client = reqwest::Client::new();
    for (method, path, allowed) in [
        (reqwest::Method::GET, "/v1/completions", "POST"),
        (reqwest::Method::DELETE, "/v1/models", "GET"),
    ] {
        let r = client
            .request(method.clone(), format!("{url}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 405, "{method} {path}");
        let allow = r.headers()["allow"].to_str().unwrap().to_string();
        assert!(allow.contains(allowed), "{method} {path}: Allow {allow}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], "method_not_allowed", "{v}");
        assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(path),
            "{v}"
        );
    }
    // A long stream takes the only slot; with no queue, the next request is refused at once.
    let long = json!({"model": "tiny-2048", "prompt": "ab", "max_tokens": 2000, "min_tokens": 2000,
        "stream": true});
    let mut r = client
        .post(format!("{url}/v1/completions"))
        .json(&long)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mut seen = String::new();
    while !seen.contains("\"text\"") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(60), r.chunk())
            .await
            .expect("no event within 60 s")
            .unwrap()
            .expect("the stream ended before its first piece");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let busy = client
        .post(format!("{url}/v1/completions"))
        .json(&json!({"model": "tiny-2048", "prompt": "hi", "max_tokens": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(busy.status(), 429);
    let retry: u64 = busy.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry >= 1, "Retry-After {retry}");
    let v: Value = busy.json().await.unwrap();
    assert_eq!(v["error"]["code"], "server_busy", "{v}");
    drop(r);

    // SIGTERM: everything on stdout after the listening line is one JSON object per line, the
    // last one the final stats.
    let rest = tokio::task::spawn_blocking(move || {
        let pid = srv.child.id().to_string();
        assert!(
            std::process::Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut srv.out, &mut rest).unwrap();
        assert!(srv.child.wait().unwrap().success());
        rest
    })
    .await
    .unwrap();
    let lines: Vec<Value> = rest
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?} in {rest}")))
        .collect();
    assert!(lines.iter().all(Value::is_object), "{rest}");
    let last = lines.last().expect("no final stats");
    assert_eq!(last["model"], "tiny-2048", "{rest}");
    assert_eq!(last["paid"], false, "{rest}");
    // Every line is an event, the last one too.
    assert!(lines.iter().all(|l| l["event"].is_string()), "{rest}");
    assert_eq!(last["event"], "stopped", "{rest}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_requests_get_openai_errors_and_the_server_keeps_serving() {
    let home = Home::new();
    let ck = checkpoint(home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let h = home.path().to_path_buf();
    let srv = tokio::task::spawn_blocking(move || {
        Server::start(&h, &[&ck_s, "--free", "--max-concurrency", "4"])
    })
    .await
    .unwrap();
    let url = srv.url.clone();
    let models: Value = reqwest::get(format!("{url}/v1/models"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(models["object"], "list");
    assert_eq!(models["data"][0]["id"], "tiny");
    assert_eq!(models["data"][0]["cohort"]["context"], 64);

    let check_err = |status: u16, v: &Value, want_status: u16, code: &str| {
        assert_eq!(status, want_status, "{v}");
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{v}"
        );
        assert!(v["error"]["type"].is_string(), "{v}");
    };
    let (s, v) = post(
        &url,
        "/v1/completions",
        "{\"model\": \"tiny\", \"prompt\": ",
        None,
    )
    .await;
    check_err(s, &v, 400, "invalid_json");
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "gpt-4", "prompt": "x"}).to_string(),
        None,
    )
    .await;
    check_err(s, &v, 404, "model_not_found");
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "tiny", "prompt": "x", "max_tokens": 65}).to_string(),
        None,
    )
    .await;
    check_err(s, &v, 400, "context_length_exceeded");
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "tiny", "prompt": "x", "max_tokens": 0}).to_string(),
        None,
    )
    .await;
    check_err(s, &v, 400, "invalid_max_tokens");
    let (s, v) = post(
        &url,
        "/v1/chat/completions",
        json!({"model": "tiny", "messages": []}).to_string(),
        None,
    )
    .await;
    check_err(s, &v, 400, "missing_messages");
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "tiny", "prompt": "x", "top_p": 0}).to_string(),
        None,
    )
    .await;
    check_err(s, &v, 400, "invalid_top_p");
    let big = json!({"model": "tiny", "prompt": "a".repeat(10 << 20)}).to_string();
    // The server may answer 413 and close before the client has written the whole body; the
    // client then sees a broken pipe or a reset instead of the answer. Either way nothing is
    // served, and the server keeps serving (checked next).
    match reqwest::Client::new()
        .post(format!("{url}/v1/completions"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
    {
        Ok(r) => {
            let s = r.status().as_u16();
            let text = r.text().await.unwrap();
            let v = serde_json::from_str(&text).unwrap_or(Value::String(text));
            check_err(s, &v, 413, "request_too_large");
        }
        Err(e) => assert!(e.is_request() || e.is_body(), "{e}"),
    }

    // Still serving: a completion with usage counts, deterministic under a seed.
    let req = json!({"model": "tiny", "prompt": "hello", "max_tokens": 12, "temperature": 0.8, "seed": 7});
    let (s, a) = post(&url, "/v1/completions", req.to_string(), None).await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(a["object"], "text_completion");
    assert_eq!(a["usage"]["prompt_tokens"], 5);
    assert_eq!(a["usage"]["completion_tokens"], 12);
    assert_eq!(a["usage"]["total_tokens"], 17);
    assert_eq!(a["choices"][0]["finish_reason"], "length");
    let (_, b) = post(&url, "/v1/completions", req.to_string(), None).await;
    assert_eq!(
        a["choices"][0]["text"], b["choices"][0]["text"],
        "same seed, same text"
    );
    // A stop sequence cuts the text before it.
    let text = a["choices"][0]["text"].as_str().unwrap().to_string();
    if let Some(c) = text
        .chars()
        .nth(3)
        .filter(|c| !text[..text.char_indices().nth(3).unwrap().0].contains(*c))
    {
        let mut r2 = req.clone();
        r2["stop"] = json!(c.to_string());
        let (_, st) = post(&url, "/v1/completions", r2.to_string(), None).await;
        assert_eq!(st["choices"][0]["finish_reason"], "stop", "{st}");
        assert_eq!(
            st["choices"][0]["text"].as_str().unwrap(),
            &text[..text.find(c).unwrap()]
        );
    }

    // Streaming (SSE) gives the same text, then [DONE].
    let mut sreq = req.clone();
    sreq["stream"] = json!(true);
    let r = reqwest::Client::new()
        .post(format!("{url}/v1/completions"))
        .json(&sreq)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    let body = r.text().await.unwrap();
    let mut streamed = String::new();
    let mut done = false;
    for line in body.lines() {
        let Some(d) = line.strip_prefix("data: ") else {
            continue;
        };
        if d == "[DONE]" {
            done = true;
            continue;
        }
        let v: Value = serde_json::from_str(d).unwrap();
        streamed.push_str(v["choices"][0]["text"].as_str().unwrap_or(""));
    }
    assert!(done, "{body}");
    assert_eq!(streamed, text);

    // Chat, streamed, through the same seed.
    let chat = json!({"model": "tiny", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5, "stream": true, "seed": 1});
    let body = reqwest::Client::new()
        .post(format!("{url}/v1/chat/completions"))
        .json(&chat)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("chat.completion.chunk"), "{body}");
    assert!(body.contains("\"finish_reason\":\"length\""), "{body}");
    // Without stream_options.include_usage no chunk has `usage`, as OpenAI streams.
    let chunks_of = |body: &str| -> Vec<Value> {
        body.lines()
            .filter_map(|l| l.strip_prefix("data: "))
            .filter(|d| *d != "[DONE]")
            .map(|d| serde_json::from_str(d).unwrap())
            .collect()
    };
    let chunks = chunks_of(&body);
    assert!(chunks.len() >= 2, "{body}");
    assert!(chunks.iter().all(|c| c.get("usage").is_none()), "{body}");
    // With it every chunk has `"usage": null` but one: the counts come in exactly one chunk
    // (the last, with no choices), so a client that adds up every chunk's usage counts them once.
    let mut with_usage = chat.clone();
    with_usage["stream_options"] = json!({"include_usage": true});
    let body = reqwest::Client::new()
        .post(format!("{url}/v1/chat/completions"))
        .json(&with_usage)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let chunks = chunks_of(&body);
    let counted: Vec<&Value> = chunks.iter().filter(|c| !c["usage"].is_null()).collect();
    assert_eq!(counted.len(), 1, "{body}");
    assert_eq!(counted[0]["choices"], json!([]), "{body}");
    assert_eq!(counted[0]["usage"]["completion_tokens"], 5, "{body}");
    assert!(
        chunks.iter().all(|c| c.get("usage").is_some()),
        "a chunk without usage: {body}"
    );
    assert_eq!(chunks.last().unwrap()["usage"], counted[0]["usage"]);

    // Eight at once: all answered.
    let mut set = tokio::task::JoinSet::new();
    for i in 0..8 {
        let url = url.clone();
        set.spawn(async move {
            let r = json!({"model": "tiny", "prompt": format!("n{i}"), "max_tokens": 16});
            post(&url, "/v1/completions", r.to_string(), None).await
        });
    }
    while let Some(r) = set.join_next().await {
        let (s, v) = r.unwrap();
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["usage"]["completion_tokens"], 16);
    }
    let (_, err) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(!err.contains("hello"), "no prompt in the logs: {err}");
}

pub(crate) struct Paid {
    pub(crate) net: Devnet,
    rpc: String,
    pub(crate) chain: Chain,
    pub(crate) ledger: Address,
    pub(crate) token: Address,
    /// An ERC-20 (6 decimals) the token takes as revenue; dev 6 and 7 hold 1000 of it.
    pub(crate) usdc: Address,
    ck: PathBuf,
}

pub(crate) async fn paid_net() -> Paid {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let rpc = net.rpc_url();
    let chain = Chain::connect(&rpc, Some(31337)).await.unwrap();
    let factory: Address = net.contract("model_token_factory").parse().unwrap();
    let ledger: Address = net.contract("usage_ledger").parse().unwrap();
    let suite = Suite::load(&chain, factory).await.unwrap();
    let usdc = test_token(&rpc, 0, "USDC", 6).await;
    for u in [6, 7] {
        mint(&rpc, usdc, dev_address(u), U256::from(1_000_000_000u64)).await;
    }
    let terms = JobMarket::Terms {
        revenueAssets: vec![usdc],
        ..default_terms()
    };
    let job = standard_job_with(&rpc, suite.dataset_registry, suite.job_market, true, terms).await;
    let owner = dev(&rpc, 1).await;
    let req = TokenizeRequest {
        job_id: job.job_id,
        name: "Served".into(),
        symbol: "SRV".into(),
        cap: U256::from(1_000_000u64) * U256::from(10u64).pow(U256::from(18u64)),
    };
    let token = tokens::tokenize(&owner, &suite, &req, cohort::progress::silent().as_ref())
        .await
        .unwrap()
        .token;
    let ck = checkpoint(net.home.path());
    Paid {
        net,
        rpc,
        chain,
        ledger,
        token,
        usdc,
        ck,
    }
}

/// Price: 1 gwei per 1000 tokens → 1_000_000 wei per token.
const PRICE: &str = "1gwei";
const PER_TOKEN: u64 = 1_000_000;

impl Paid {
    pub(crate) async fn serve(&self, extra: &[&str]) -> Server {
        self.serve_model(&self.ck, extra).await
    }
    async fn serve_model(&self, ck: &Path, extra: &[&str]) -> Server {
        let home = self.net.home.path().to_path_buf();
        let mut args: Vec<String> = vec![
            ck.to_str().unwrap().into(),
            "--token".into(),
            "SRV".into(),
            "--wallet".into(),
            "dev:9".into(),
        ];
        if !extra.contains(&"--price") {
            args.extend(["--price".into(), PRICE.into()]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        tokio::task::spawn_blocking(move || {
            let a: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
            Server::start(&home, &a)
        })
        .await
        .unwrap()
    }
    pub(crate) async fn cohort(&self, args: &[&str]) -> Value {
        let mut cmd = self.net.cmd();
        cmd.args(args).arg("--json");
        let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
            .await
            .unwrap();
        assert!(
            out.status.success(),
            "cohort {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
    /// `cohort model query SRV` for 8 tokens at `url`, paid by `wallet`.
    async fn query(&self, url: &str, prompt: &str, wallet: &str, extra: &[&str]) -> Value {
        let mut args = vec![
            "model",
            "query",
            "SRV",
            "--provider",
            url,
            "--prompt",
            prompt,
            "--max-tokens",
            "8",
            "--wallet",
            wallet,
        ];
        args.extend_from_slice(extra);
        self.cohort(&args).await
    }
    pub(crate) fn terms(&self) -> Expected {
        Expected {
            ledger: self.ledger,
            chain_id: 31337,
            token: self.token,
            asset: Address::ZERO,
            provider: dev_address(9),
        }
    }
}

/// A voucher's signature with v = 0/1 instead of 27/28, and its high-s twin (r, n − s, other
/// parity): both recover the same user in alloy.
fn malleated(v: &usage::SignedVoucher) -> (usage::SignedVoucher, usage::SignedVoucher) {
    use alloy::primitives::{Bytes, Signature};
    let mut low_v = v.clone();
    let mut b = v.signature.to_vec();
    b[64] -= 27;
    low_v.signature = Bytes::from(b);
    let sig = Signature::from_raw(&v.signature).unwrap();
    let n = U256::from_be_bytes(alloy::primitives::hex!(
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
    ));
    let mut high_s = v.clone();
    high_s.signature = Bytes::from(
        Signature::new(sig.r(), n - sig.s(), !sig.v())
            .as_bytes()
            .to_vec(),
    );
    (low_v, high_s)
}

pub(crate) fn key(i: u32) -> alloy::signers::local::PrivateKeySigner {
    cohort::devnet::dev_signer(i).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_vouchers_get_402_with_the_reason_and_nothing_is_served_or_settled() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    n.cohort(&[
        "usage",
        "deposit",
        "--amount",
        "0.000000000000001",
        "--wallet",
        "dev:7",
    ])
    .await;
    let srv = n.serve(&[]).await;
    let url = srv.url.clone();
    let body = json!({"model": "SRV", "prompt": "secret-prompt-xyz", "max_tokens": 10}).to_string();
    let cost = U256::from(27 * PER_TOKEN); // 17 prompt bytes + 10
    let expiry = usage::now() + 3600;
    let t = n.terms();
    let sign = |who: u32, terms: Expected, amount: U256, exp: u64| {
        usage::sign(&key(who), &terms, amount, exp)
            .unwrap()
            .to_header()
    };

    let (s, v) = post(&url, "/v1/completions", body.clone(), None).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_missing")),
        "{v}"
    );
    assert_eq!(
        v["error"]["terms"]["provider"],
        format!("{:#x}", dev_address(9))
    );

    let mut forged = usage::sign(&key(6), &t, cost, expiry).unwrap();
    forged.cumulative += U256::from(1u8);
    // The same signature spelled as the ledger refuses it (v = 0/1, or high s): alloy recovers
    // the user from both, the ledger's ECDSA check does not, so serving them would go unpaid.
    let (low_v, high_s) = malleated(&usage::sign(&key(6), &t, cost, expiry).unwrap());
    let cases: Vec<(String, &str)> = vec![
        (forged.to_header(), "voucher_bad_signature"),
        (low_v.to_header(), "voucher_bad_signature"),
        (high_s.to_header(), "voucher_bad_signature"),
        ("{not json".into(), "voucher_malformed"),
        (
            sign(
                6,
                Expected {
                    provider: dev_address(8),
                    ..t
                },
                cost,
                expiry,
            ),
            "voucher_wrong_provider",
        ),
        (
            sign(
                6,
                Expected {
                    token: Address::repeat_byte(5),
                    ..t
                },
                cost,
                expiry,
            ),
            "voucher_wrong_token",
        ),
        (
            sign(6, Expected { chain_id: 1, ..t }, cost, expiry),
            "voucher_wrong_chain",
        ),
        (
            sign(6, Expected { asset: n.usdc, ..t }, cost, expiry),
            "voucher_wrong_asset",
        ),
        (
            sign(
                6,
                Expected {
                    ledger: Address::repeat_byte(6),
                    ..t
                },
                cost,
                expiry,
            ),
            "voucher_wrong_ledger",
        ),
        (sign(6, t, cost, usage::now() - 10), "voucher_expired"),
        (
            sign(6, t, cost - U256::from(1u8), expiry),
            "voucher_insufficient",
        ),
        (sign(7, t, cost, expiry), "deposit_insufficient"),
        (sign(8, t, cost, expiry), "deposit_insufficient"),
    ];
    for (header, code) in &cases {
        let (s, v) = post(&url, "/v1/completions", body.clone(), Some(header)).await;
        assert_eq!(s, 402, "{code}: {v}");
        assert_eq!(v["error"]["code"], *code, "{v}");
        assert!(v.get("choices").is_none());
    }
    // A good one is served; a later voucher lower than it is refused.
    let good = sign(6, t, cost * U256::from(2u8), expiry);
    let (s, v) = post(&url, "/v1/completions", body.clone(), Some(&good)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["cohort"]["charged"], cost.to_string());
    let (s, v) = post(
        &url,
        "/v1/completions",
        body.clone(),
        Some(&sign(6, t, cost, expiry)),
    )
    .await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_cumulative_lower")),
        "{v}"
    );
    let stats: Value = reqwest::get(format!("{url}/v1/cohort/stats"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["totals"]["requests"], 1, "{stats}");
    assert_eq!(stats["totals"]["tokens"], 27, "{stats}");

    let (events, err) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(
        !err.contains("secret-prompt-xyz") && !err.contains("signature"),
        "{err}"
    );
    let settled: Vec<&Value> = events.iter().filter(|e| e["event"] == "settled").collect();
    assert_eq!(settled.len(), 1, "{events:?}");
    let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
    // The one good voucher settled (all of what it signed); nobody else paid anything.
    assert_eq!(
        ledger
            .settled(dev_address(6), dev_address(9), n.token, Address::ZERO)
            .call()
            .await
            .unwrap(),
        cost * U256::from(2u8)
    );
    for u in [7, 8] {
        assert_eq!(
            ledger
                .settled(dev_address(u), dev_address(9), n.token, Address::ZERO)
                .call()
                .await
                .unwrap(),
            U256::ZERO
        );
    }
    assert_eq!(
        ledger
            .balanceOf(dev_address(7), Address::ZERO)
            .call()
            .await
            .unwrap(),
        U256::from(1000u64)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_paid_queries_from_two_users_reach_the_holders() {
    let n = paid_net().await;
    for u in ["dev:6", "dev:7"] {
        n.cohort(&["usage", "deposit", "--amount", "0.01", "--wallet", u])
            .await;
    }
    let provider_before = n.chain.balance(dev_address(9)).await.unwrap();
    let token_before = ModelToken::new(n.token, &n.chain.provider)
        .totalDeposited(Address::ZERO)
        .call()
        .await
        .unwrap();
    let srv = n.serve(&["--settle-every", "15"]).await;
    let url = srv.url.clone();
    let mut charged = [U256::ZERO; 2];
    for i in 0..20 {
        let who = i % 2;
        let wallet = if who == 0 { "dev:6" } else { "dev:7" };
        let chat = i % 4 == 1;
        let prompt = format!("question {i}");
        let mut args = vec![
            "model",
            "query",
            "SRV",
            "--provider",
            &url,
            "--prompt",
            &prompt,
            "--max-tokens",
            "8",
            "--wallet",
            wallet,
        ];
        if chat {
            args.push("--chat");
        }
        let a = n.cohort(&args).await;
        assert_eq!(a["completion_tokens"], 8, "{a}");
        let c: U256 = a["charged"].as_str().unwrap().parse().unwrap();
        let tokens = a["prompt_tokens"].as_u64().unwrap() + 8;
        assert_eq!(c, U256::from(tokens * PER_TOKEN), "{a}");
        charged[who] += c;
        if i == 14 {
            // The 15th voucher: the server settles a round while it runs (it looks every
            // 250 ms). Wait for it on chain, or the last five queries may all come and go
            // before it looks, and everything is settled at shutdown instead.
            let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
            for u in [6u32, 7] {
                while ledger
                    .settled(dev_address(u), dev_address(9), n.token, Address::ZERO)
                    .call()
                    .await
                    .unwrap()
                    .is_zero()
                {
                    assert!(
                        std::time::Instant::now() < deadline,
                        "no settlement round within 60 s of the 15th voucher"
                    );
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            }
        }
    }
    // The server's own account of a user, as `usage balance --provider` shows it.
    let b = n
        .cohort(&["usage", "balance", "--provider", &url, "--wallet", "dev:6"])
        .await;
    assert_eq!(b["provider"]["spent"], charged[0].to_string(), "{b}");
    assert_eq!(b["provider"]["requests"], 10, "{b}");
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    let settlements: Vec<&Value> = events.iter().filter(|e| e["event"] == "settled").collect();
    // A round at 15 vouchers (both users), and the rest of both at shutdown.
    assert_eq!(
        settlements.len(),
        4,
        "one round at 15 vouchers and the rest at shutdown: {events:?}"
    );

    // On chain: each user paid exactly what it was charged; 10% to the provider, the rest to
    // the token.
    let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
    let mut paid = U256::ZERO;
    let mut fees = U256::ZERO;
    for s in &settlements {
        let p: U256 = s["settlement"]["paid"].as_str().unwrap().parse().unwrap();
        let f: U256 = s["settlement"]["fee"].as_str().unwrap().parse().unwrap();
        assert_eq!(f, p * U256::from(1000u64) / U256::from(10_000u64));
        paid += p;
        fees += f;
    }
    for (i, u) in [6u32, 7].iter().enumerate() {
        assert_eq!(
            ledger
                .settled(dev_address(*u), dev_address(9), n.token, Address::ZERO)
                .call()
                .await
                .unwrap(),
            charged[i]
        );
    }
    assert_eq!(paid, charged[0] + charged[1]);
    let to_holders = paid - fees;
    let token_after = ModelToken::new(n.token, &n.chain.provider)
        .totalDeposited(Address::ZERO)
        .call()
        .await
        .unwrap();
    assert_eq!(token_after - token_before, to_holders);
    assert_eq!(
        ledger.totalFees(Address::ZERO).call().await.unwrap(),
        fees,
        "the provider got exactly the fees"
    );
    assert_eq!(
        ledger.totalToHolders(Address::ZERO).call().await.unwrap(),
        to_holders
    );
    let _ = provider_before;

    // The holders: the owner (20% of the supply) and the contributors' escrowed allocations.
    let mut seen = U256::ZERO;
    let l = n
        .cohort(&["rewards", "list", "--wallet", "dev:1", "--model", "SRV"])
        .await;
    let owner_rev: U256 = l["claimable"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "revenue" && c["asset"]["native"] == true)
        .map(|c| c["amount"].as_str().unwrap().parse::<U256>().unwrap())
        .sum();
    let expect_owner = to_holders * U256::from(2000u64) / U256::from(10_000u64);
    assert!(
        owner_rev <= expect_owner && expect_owner - owner_rev <= U256::from(settlements.len()),
        "{owner_rev} vs {expect_owner}"
    );
    seen += owner_rev;
    for d in 2..=5 {
        let l = n
            .cohort(&[
                "rewards",
                "list",
                &dev_address(d).to_string(),
                "--model",
                "SRV",
            ])
            .await;
        for c in l["claimable"].as_array().unwrap() {
            for a in c["attached_revenue"].as_array().into_iter().flatten() {
                seen += a["amount"].as_str().unwrap().parse::<U256>().unwrap();
            }
        }
    }
    assert!(
        seen <= to_holders && to_holders - seen <= U256::from(4 * settlements.len() + 8),
        "holders see {seen} of {to_holders}"
    );
    // The owner claims it.
    let before = n.chain.balance(dev_address(1)).await.unwrap();
    let c = n
        .cohort(&["rewards", "claim", "--model", "SRV", "--wallet", "dev:1"])
        .await;
    assert_eq!(c["claimed"][0]["amount"], owner_rev.to_string(), "{c}");
    assert!(
        n.chain.balance(dev_address(1)).await.unwrap() + U256::from(10u64).pow(U256::from(16u64))
            > before + owner_rev
    );
    let _ = &n.rpc;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_charging_an_erc20_is_paid_from_erc20_deposits_and_the_holders_earn_it() {
    let n = paid_net().await;
    // 25 USDC into dev 6's usage account (the approve is sent by `usage deposit`).
    let d = n
        .cohort(&[
            "usage", "deposit", "--amount", "25", "--asset", "USDC", "--wallet", "dev:6",
        ])
        .await;
    assert_eq!(d["account"]["balance"], "25000000", "{d}");
    assert_eq!(
        d["account"]["asset"].as_str().unwrap().to_lowercase(),
        n.usdc.to_string().to_lowercase()
    );
    // The native account is another one: still empty.
    let b = n.cohort(&["usage", "balance", "--wallet", "dev:6"]).await;
    assert_eq!(b["account"]["balance"], "0", "{b}");
    // An asset the token does not take is refused before serving.
    let other = test_token(&n.rpc, 0, "DAI", 18).await;
    let other_s = other.to_string();
    let mut cmd = n.net.cmd();
    cmd.args(["model", "serve", n.ck.to_str().unwrap(), "--token", "SRV"])
        .args(["--asset", &other_s, "--wallet", "dev:9", "--port", "0"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not a revenue asset"), "{err}");
    // 0.01 USDC per 1000 tokens: 10 base units per token.
    let srv = n
        .serve(&[
            "--asset",
            "USDC",
            "--price",
            "0.01",
            "--settle-every",
            "100",
        ])
        .await;
    let url = srv.url.clone();
    let terms: Value = reqwest::get(format!("{url}/v1/cohort/terms"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(terms["terms"]["asset_symbol"], "USDC", "{terms}");
    assert_eq!(terms["terms"]["price_per_1k"], "10000", "{terms}");
    let mut charged = U256::ZERO;
    for i in 0..3 {
        let prompt = format!("usdc question {i}");
        let a = n.query(&url, &prompt, "dev:6", &["--max-spend", "1"]).await;
        let tokens =
            a["prompt_tokens"].as_u64().unwrap() + a["completion_tokens"].as_u64().unwrap();
        let c: U256 = a["charged"].as_str().unwrap().parse().unwrap();
        assert_eq!(c, U256::from(tokens * 10), "{a}");
        charged += c;
    }
    let token_before = ModelToken::new(n.token, &n.chain.provider)
        .totalDeposited(n.usdc)
        .call()
        .await
        .unwrap();
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(
        events.iter().any(|e| e["event"] == "settled"),
        "settled at shutdown: {events:?}"
    );
    let ledger = UsageLedger::new(n.ledger, &n.chain.provider);
    assert_eq!(
        ledger
            .settled(dev_address(6), dev_address(9), n.token, n.usdc)
            .call()
            .await
            .unwrap(),
        charged
    );
    let fee = charged * U256::from(1000u64) / U256::from(10_000u64);
    assert_eq!(ledger.totalFees(n.usdc).call().await.unwrap(), fee);
    let token_after = ModelToken::new(n.token, &n.chain.provider)
        .totalDeposited(n.usdc)
        .call()
        .await
        .unwrap();
    assert_eq!(
        token_after - token_before,
        charged - fee,
        "the holders' USDC"
    );
    let b = n
        .cohort(&["usage", "balance", "--asset", "USDC", "--wallet", "dev:6"])
        .await;
    assert_eq!(
        b["account"]["balance"],
        (U256::from(25_000_000u64) - charged).to_string(),
        "{b}"
    );
    // The owner sees USDC revenue to claim.
    let l = n
        .cohort(&["rewards", "list", "--wallet", "dev:1", "--model", "SRV"])
        .await;
    assert!(
        l["claimable"].as_array().unwrap().iter().any(|c| {
            c["kind"] == "revenue"
                && c["asset"]["symbol"] == "USDC"
                && c["amount"].as_str().unwrap() != "0"
        }),
        "{l}"
    );
    // The rest of the deposit can be taken back after the delay, in USDC.
    let w = n
        .cohort(&[
            "usage", "withdraw", "--amount", "1", "--asset", "USDC", "--wallet", "dev:6",
        ])
        .await;
    assert_eq!(w["announced"], "1000000", "{w}");
}

/// A Hugging Face folder with a PEFT adapter (the `lora` trainer's output), served with its
/// tokenizer and chat template: answers exactly what `cohort model generate` answers, greedy,
/// streamed or not, sampled with a seed, and with `min_tokens`.
#[tokio::test(flavor = "multi_thread")]
async fn a_hugging_face_folder_with_an_adapter_answers_like_model_generate() {
    let home = Home::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lora");
    let (base, adapter) = (root.join("qwen2"), root.join("reference/qwen2-adapter"));
    let (base_s, adapter_s) = (
        base.to_str().unwrap().to_string(),
        adapter.to_str().unwrap().to_string(),
    );
    let prompt = "Who says: Before we proceed any further, hear me speak.";
    let want = home.json(&[
        "model",
        "generate",
        &base_s,
        "--adapter",
        &adapter_s,
        "--prompt",
        prompt,
        "--chat",
        "--temperature",
        "0",
        "--max-tokens",
        "12",
    ]);
    let h = home.path().to_path_buf();
    let (b, a) = (base_s.clone(), adapter_s.clone());
    let srv =
        tokio::task::spawn_blocking(move || Server::start(&h, &[&b, "--adapter", &a, "--free"]))
            .await
            .unwrap();
    let url = srv.url.clone();
    let models: Value = reqwest::get(format!("{url}/v1/models"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(models["data"][0]["id"], "qwen2", "{models}");
    let chat = json!({"model": "qwen2", "messages": [{"role": "user", "content": prompt}],
        "max_tokens": 12, "temperature": 0});
    let (s, v) = post(&url, "/v1/chat/completions", chat.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        v["choices"][0]["message"]["content"], want["text"],
        "{v}\n{want}"
    );
    assert_eq!(
        v["usage"]["completion_tokens"], want["tokens"],
        "{v}\n{want}"
    );
    // Streamed: the same text, piece by piece.
    let mut sreq = chat.clone();
    sreq["stream"] = json!(true);
    let body = reqwest::Client::new()
        .post(format!("{url}/v1/chat/completions"))
        .json(&sreq)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let streamed: String = body
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| {
            let v: Value = serde_json::from_str(d).unwrap();
            v["choices"][0]["delta"]["content"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(streamed, want["text"].as_str().unwrap(), "{body}");
    // Sampled with a seed (the draws depend on every prompt token): a plain completion and a
    // chat give what `model generate` gives with that seed.
    for chat in [false, true] {
        let mut args = vec![
            "model",
            "generate",
            &base_s,
            "--adapter",
            &adapter_s,
            "--prompt",
            "First Citizen:",
            "--temperature",
            "1",
            "--top-p",
            "0.9",
            "--seed",
            "7",
            "--max-tokens",
            "20",
        ];
        if chat {
            args.push("--chat");
        }
        let want = home.json(&args);
        let (path, body) = if chat {
            (
                "/v1/chat/completions",
                json!({"model": "qwen2", "messages": [{"role": "user", "content": "First Citizen:"}],
                    "max_tokens": 20, "temperature": 1, "top_p": 0.9, "seed": 7}),
            )
        } else {
            (
                "/v1/completions",
                json!({"model": "qwen2", "prompt": "First Citizen:", "max_tokens": 20,
                    "temperature": 1, "top_p": 0.9, "seed": 7}),
            )
        };
        let (s, v) = post(&url, path, body.to_string(), None).await;
        assert_eq!(s, 200, "{v}");
        let got = if chat {
            &v["choices"][0]["message"]["content"]
        } else {
            &v["choices"][0]["text"]
        };
        assert_eq!(got, &want["text"], "chat {chat}: {v}\n{want}");
        assert_eq!(v["usage"]["completion_tokens"], want["tokens"], "{v}");
    }
    // min_tokens (vLLM's name) holds EOS back as `model generate --min-tokens` does: of 16
    // seeds, the shortest answer that ends at EOS runs on past it, and the server and the
    // command still agree token for token.
    let ask = |seed: u64, min: u64| {
        json!({"model": "qwen2", "messages": [{"role": "user", "content": "Who says:"}],
            "max_tokens": 40, "temperature": 1, "seed": seed, "min_tokens": min})
        .to_string()
    };
    let mut short: Option<(u64, u64)> = None;
    for seed in 0..16 {
        let (s, v) = post(&url, "/v1/chat/completions", ask(seed, 0), None).await;
        assert_eq!(s, 200, "{v}");
        let n = v["usage"]["completion_tokens"].as_u64().unwrap();
        if v["choices"][0]["finish_reason"] == "stop" && short.is_none_or(|(_, m)| n < m) {
            short = Some((seed, n));
        }
    }
    let (seed, n) = short.expect("some answer of the adapter ends at EOS within 40 tokens");
    assert!(n + 2 <= 40, "{n}");
    let (s, v) = post(&url, "/v1/chat/completions", ask(seed, n + 2), None).await;
    assert_eq!(s, 200, "{v}");
    assert!(
        v["usage"]["completion_tokens"].as_u64().unwrap() >= n + 2,
        "{v}"
    );
    let want = home.json(&[
        "model",
        "generate",
        &base_s,
        "--adapter",
        &adapter_s,
        "--prompt",
        "Who says:",
        "--chat",
        "--temperature",
        "1",
        "--seed",
        &seed.to_string(),
        "--max-tokens",
        "40",
        "--min-tokens",
        &(n + 2).to_string(),
    ]);
    assert_eq!(
        v["choices"][0]["message"]["content"], want["text"],
        "{v}\n{want}"
    );
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "qwen2", "prompt": "x", "max_tokens": 4, "min_tokens": 5}).to_string(),
        None,
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["error"]["code"], "invalid_min_tokens", "{v}");
    assert_eq!(v["error"]["param"], "min_tokens", "{v}");
    let _ = tokio::task::spawn_blocking(move || srv.stop()).await;
    // An adapter needs a folder under it.
    let ck = checkpoint(home.path());
    let out = home
        .cmd()
        .args([
            "model",
            "serve",
            ck.to_str().unwrap(),
            "--adapter",
            &adapter_s,
            "--free",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// A Hugging Face model cannot slide over its context (128 tokens): a prompt that does not fit
/// is a 400 `context_length_exceeded` naming its tokens and the context, an empty prompt a 400
/// too, before anything is generated; a generation that fills the context ends with "length".
#[tokio::test(flavor = "multi_thread")]
async fn a_hugging_face_prompt_past_the_context_is_refused_and_a_full_context_is_length() {
    let home = Home::new();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lora/qwen2");
    let h = home.path().to_path_buf();
    let b = base.to_str().unwrap().to_string();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&b, "--free"]))
        .await
        .unwrap();
    let url = srv.url.clone();
    let long = "hello world ".repeat(70);
    for (path, body, param) in [
        (
            "/v1/completions",
            json!({"model": "qwen2", "prompt": long, "max_tokens": 100}),
            "prompt",
        ),
        (
            "/v1/chat/completions",
            json!({"model": "qwen2", "messages": [{"role": "user", "content": long}],
                "max_tokens": 100, "stream": true}),
            "messages",
        ),
    ] {
        let (s, v) = post(&url, path, body.to_string(), None).await;
        assert_eq!(s, 400, "{v}");
        assert_eq!(v["error"]["code"], "context_length_exceeded", "{v}");
        assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");
        assert_eq!(v["error"]["param"], param, "{v}");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains("128 tokens"), "{v}");
    }
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "qwen2", "prompt": "", "max_tokens": 4}).to_string(),
        None,
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["error"]["code"], "empty_prompt", "{v}");
    assert_eq!(v["error"]["param"], "prompt", "{v}");
    // A prompt that fits, with room for fewer tokens than asked: the answer runs to the end of
    // the context, and says so.
    let fits = "hello world ".repeat(16);
    let ask = json!({"model": "qwen2", "prompt": fits, "max_tokens": 100, "temperature": 0});
    let (s, v) = post(&url, "/v1/completions", ask.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    let (p, n) = (
        v["usage"]["prompt_tokens"].as_u64().unwrap(),
        v["usage"]["completion_tokens"].as_u64().unwrap(),
    );
    // (Greedy, this prompt's answer has no EOS before the context is full.)
    assert!(p <= 128 && n < 100 && p + n > 128, "{v}");
    assert_eq!(v["choices"][0]["finish_reason"], "length", "{v}");
    let (_, err) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(!err.contains("generation failed"), "{err}");
}

/// `model generate` on a builtin checkpoint samples as the server does (its engine: top_p, the
/// same text for the same seed) and takes the server's limits, refusing what does not apply.
#[tokio::test(flavor = "multi_thread")]
async fn model_generate_on_a_checkpoint_samples_like_the_server() {
    let home = Home::new();
    let ck = checkpoint(home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let generate = |top_p: &str| {
        home.json(&[
            "model",
            "generate",
            &ck_s,
            "--prompt",
            "ROMEO:",
            "--temperature",
            "1",
            "--top-p",
            top_p,
            "--seed",
            "7",
            "--max-tokens",
            "40",
        ])["text"]
            .clone()
    };
    let (narrow, half, all) = (generate("0.0001"), generate("0.5"), generate("1"));
    assert_ne!(narrow, all, "--top-p changes nothing");
    let h = home.path().to_path_buf();
    let c = ck_s.clone();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&c, "--free"]))
        .await
        .unwrap();
    for (top_p, want) in [(0.0001, &narrow), (0.5, &half), (1.0, &all)] {
        let ask = json!({"model": "tiny", "prompt": "ROMEO:", "max_tokens": 40,
            "temperature": 1, "top_p": top_p, "seed": 7});
        let (s, v) = post(&srv.url, "/v1/completions", ask.to_string(), None).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(&v["choices"][0]["text"], want, "top_p {top_p}: {v}");
    }
    let _ = tokio::task::spawn_blocking(move || srv.stop()).await;
    for bad in [
        ["--temperature", "100"],
        ["--top-p", "0"],
        ["--top-p", "5"],
        ["--max-tokens", "0"],
        ["--max-tokens", "1000000"],
        ["--device", "cuda"],
    ] {
        let mut args = vec!["model", "generate", &ck_s, "--prompt", "x"];
        args.extend(bad);
        let out = home.cmd().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {err}");
        assert!(err.contains(bad[0]), "{bad:?}: {err}");
    }
}

/// The settled amount of dev `u`'s native channel to the provider (dev 9).
/// A paid stream whose client goes away after its first piece: the server stops generating at
/// its next token, charges only the tokens it made (not the voucher's reservation for
/// `max_tokens`), and its only slot serves the next request.
#[tokio::test(flavor = "multi_thread")]
async fn a_stream_dropped_midway_is_charged_for_what_was_made_and_frees_its_slot() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.01", "--wallet", "dev:6"])
        .await;
    // 2000 new tokens take the debug build seconds; noticing the drop takes milliseconds.
    let ck = checkpoint_with_context(n.net.home.path(), Some(2048));
    let srv = n.serve_model(&ck, &["--max-concurrency", "1"]).await;
    let url = srv.url.clone();
    let terms = cohort::serve::client::terms(&url)
        .await
        .unwrap()
        .terms
        .unwrap();
    let max_tokens = 2000u64;
    let prompt = "ab";
    let reserved = U256::from((prompt.len() as u64 + max_tokens) * PER_TOKEN);
    let voucher = cohort::serve::client::voucher_for(&url, &n.chain, &key(6), &terms, reserved)
        .await
        .unwrap();
    assert_eq!(voucher.cumulative, reserved);
    let body = json!({"model": "SRV", "prompt": prompt, "max_tokens": max_tokens,
        "min_tokens": max_tokens, "stream": true});
    let client = reqwest::Client::new();
    let mut r = client
        .post(format!("{url}/v1/completions"))
        .header(usage::VOUCHER_HEADER, voucher.to_header())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mut seen = String::new();
    while !seen.contains("\"text\"") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(60), r.chunk())
            .await
            .expect("no event within 60 s")
            .unwrap()
            .expect("the stream ended before its first piece");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(
        !seen.contains("[DONE]"),
        "the answer was whole at once: {seen}"
    );
    drop(r);
    drop(client);

    // The request is charged once its generation ends.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let acc = loop {
        let acc = cohort::serve::client::account(&url, dev_address(6))
            .await
            .unwrap();
        if acc.tokens > 0 {
            break acc;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the dropped request was never charged"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let made = acc.tokens - prompt.len() as u64;
    assert!(
        (1..max_tokens / 2).contains(&made),
        "the server made {made} of {max_tokens} tokens for a client that left after the first"
    );
    assert_eq!(acc.spent, U256::from(acc.tokens * PER_TOKEN), "{acc:?}");
    assert_eq!(acc.signed, reserved, "{acc:?}");

    // The only slot is free again, and the next voucher builds on what was charged.
    let a = n.query(&url, "hi", "dev:6", &[]).await;
    assert_eq!(a["completion_tokens"], 8, "{a}");
    let second = U256::from(10 * PER_TOKEN);
    assert_eq!(a["charged"], second.to_string(), "{a}");
    let acc = cohort::serve::client::account(&url, dev_address(6))
        .await
        .unwrap();
    assert_eq!(
        acc.spent,
        U256::from((made + 2) * PER_TOKEN) + second,
        "{acc:?}"
    );
    // The second voucher raised the first's unused reservation by nothing: the first request's
    // charge plus the second's most is below what was signed, so it keeps the first's amount.
    assert_eq!(acc.signed, reserved, "{acc:?}");
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(events.iter().any(|e| e["event"] == "settled"), "{events:?}");
    assert_eq!(settled_of(&n, 6).await, reserved);
}

pub(crate) async fn settled_of(n: &Paid, u: u32) -> U256 {
    UsageLedger::new(n.ledger, &n.chain.provider)
        .settled(dev_address(u), dev_address(9), n.token, Address::ZERO)
        .call()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_before_settling_serves_an_old_voucher_only_for_what_is_left_after_restart_and_still_settles_it()
 {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let srv = n.serve(&["--settle-interval", "3600"]).await;
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let cost = U256::from(10 * PER_TOKEN); // 5 prompt bytes + 5
    let old = usage::sign(
        &key(6),
        &n.terms(),
        cost * U256::from(2u8),
        usage::now() + 3600,
    )
    .unwrap()
    .to_header();
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&old)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["cohort"]["charged"], cost.to_string(), "{v}");
    // The server keeps its best vouchers in the home with what it charged (rewritten within a
    // second of a change).
    let old_v = usage::SignedVoucher::parse(&old).unwrap();
    let dir = n.net.home.path().join("serve");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let kept = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("vouchers-"))
            .any(|e| {
                std::fs::read_to_string(e.path()).is_ok_and(|t| {
                    t.lines().any(|l| {
                        cohort::serve::pay::parse_kept(l).ok() == Some((old_v.clone(), Some(cost)))
                    })
                })
            });
        if kept {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the voucher was not kept within 60 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // SIGKILL: nothing settled.
    drop(srv);
    assert!(settled_of(&n, 6).await.is_zero());

    let srv = n.serve(&["--settle-interval", "3600"]).await;
    // The old voucher paid for what was served before the crash and one more request: it serves
    // that one, then no more.
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&old)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["cohort"]["charged"], cost.to_string(), "{v}");
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&old)).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_insufficient")),
        "{v}"
    );
    assert_eq!(
        v["error"]["required"],
        (cost * U256::from(3u8)).to_string(),
        "{v}"
    );
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert!(events.iter().any(|e| e["event"] == "settled"), "{events:?}");
    // Settled after the restart: the whole voucher (what it signed).
    assert_eq!(settled_of(&n, 6).await, cost * U256::from(2u8));
}

/// Settling takes a voucher's whole amount, served or not: what was settled but not served stays
/// the user's credit at that server, so the same voucher keeps serving until it is used, also
/// after the server restarts.
#[tokio::test(flavor = "multi_thread")]
async fn a_settled_voucher_keeps_serving_what_it_paid_for_also_after_a_restart() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let srv = n.serve(&["--settle-interval", "1"]).await;
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let cost = U256::from(10 * PER_TOKEN); // 5 prompt bytes + 5
    let three = cost * U256::from(3u8);
    let voucher = usage::sign(&key(6), &n.terms(), three, usage::now() + 3600)
        .unwrap()
        .to_header();
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&voucher)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["cohort"]["charged"], cost.to_string(), "{v}");
    // The server settles the whole voucher, three times what it served.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while settled_of(&n, 6).await.is_zero() {
        assert!(
            std::time::Instant::now() < deadline,
            "no settlement within 60 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(settled_of(&n, 6).await, three);
    // The same voucher still serves: it paid for more than was served.
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&voucher)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["cohort"]["charged"], cost.to_string(), "{v}");
    // A graceful restart keeps the credit.
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    assert_eq!(
        events.iter().filter(|e| e["event"] == "settled").count(),
        1,
        "{events:?}"
    );
    let srv = n.serve(&["--settle-interval", "1"]).await;
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&voucher)).await;
    assert_eq!(s, 200, "{v}");
    // Used up: the refusal names what was really served.
    let (s, v) = post(&srv.url, "/v1/completions", body.clone(), Some(&voucher)).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_insufficient")),
        "{v}"
    );
    assert_eq!(v["error"]["required"], (three + cost).to_string(), "{v}");
    let served = cohort::chain::units::format_amount(three, 18);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("what was served ({served} ETH)")),
        "{v}"
    );
    let acc: Value = reqwest::get(format!("{}/v1/cohort/account/{}", srv.url, dev_address(6)))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(acc["spent"], three.to_string(), "{acc}");
    assert_eq!(acc["settled"], three.to_string(), "{acc}");
    drop(srv);
    // Nothing was settled twice.
    assert_eq!(settled_of(&n, 6).await, three);
}

/// `cohort model query` exits with the documented code when the server refuses: a bad request is
/// a usage error (2), a deposit that falls short is funds short (4) with the fix, its amounts in
/// the asset's units.
#[tokio::test(flavor = "multi_thread")]
async fn model_query_refusals_exit_with_the_documented_codes() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let srv = n.serve(&[]).await;
    let url = srv.url.clone();
    let query = |extra: &[&str]| {
        let mut cmd = n.net.cmd();
        cmd.args([
            "model",
            "query",
            "SRV",
            "--provider",
            &url,
            "--prompt",
            "hello",
        ])
        .args(extra)
        .arg("--json");
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
                .await
                .unwrap();
            // A refusal: the error document on stderr.
            let v: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
                panic!(
                    "no JSON error ({e}): {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
            (out.status.code(), v)
        }
    };
    for bad in [
        ["--max-tokens", "0", "--wallet", "dev:6"],
        ["--temperature", "9", "--wallet", "dev:6"],
    ] {
        let (code, v) = query(&bad).await;
        assert_eq!(code, Some(2), "{bad:?}: {v}");
        assert!(
            v["error"]["code"].as_str().unwrap().starts_with("serve."),
            "{v}"
        );
    }
    // dev:7 deposited nothing: the 10 tokens (5 prompt bytes + 5) are not covered.
    let (code, v) = query(&["--max-tokens", "5", "--wallet", "dev:7"]).await;
    assert_eq!(code, Some(4), "{v}");
    assert_eq!(v["error"]["code"], "serve.deposit_insufficient", "{v}");
    assert!(
        v["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("cohort usage deposit"),
        "{v}"
    );
    let cost = U256::from(10 * PER_TOKEN);
    let message = v["error"]["message"].as_str().unwrap();
    let in_eth = format!("{} ETH", cohort::chain::units::format_amount(cost, 18));
    assert!(
        message.contains(&in_eth) && !message.contains(&cost.to_string()),
        "{v}"
    );
    // The fix is said once, in the hint.
    assert!(!message.contains("cohort usage deposit"), "{v}");
    // Nothing was served to either.
    let stats: Value = reqwest::get(format!("{url}/v1/cohort/stats"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["totals"]["requests"], 0, "{stats}");
    drop(srv);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_settlement_is_retried_without_new_requests() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let mut srv = n.serve(&["--settle-interval", "1"]).await;
    use alloy::providers::Provider;
    // The provider cannot pay for gas: its settlement fails.
    let p = &n.chain.provider;
    let set_balance = |wei: U256| async move {
        p.raw_request::<_, Value>("anvil_setBalance".into(), (dev_address(9), wei))
            .await
            .unwrap();
    };
    set_balance(U256::ZERO).await;
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let cost = U256::from(10 * PER_TOKEN);
    let v = usage::sign(&key(6), &n.terms(), cost, usage::now() + 3600)
        .unwrap()
        .to_header();
    let (s, r) = post(&srv.url, "/v1/completions", body, Some(&v)).await;
    assert_eq!(s, 200, "{r}");
    let (srv_back, failed) = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                srv.out.read_line(&mut line).unwrap() > 0,
                "the server ended"
            );
            if let Ok(v) = serde_json::from_str::<Value>(&line)
                && v["event"] == "settle_failed"
            {
                return (srv, v);
            }
        }
    })
    .await
    .unwrap();
    srv = srv_back;
    assert_eq!(failed["user"], format!("{:#x}", dev_address(6)), "{failed}");
    // Gas again: a later round settles it, with no request since.
    set_balance(U256::from(10u64).pow(U256::from(20u64))).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while settled_of(&n, 6).await.is_zero() {
        assert!(
            std::time::Instant::now() < deadline,
            "the failed settlement was not retried within 60 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(settled_of(&n, 6).await, cost);
    drop(srv);
}

/// A server that says it charged the user 10^18 (one ether) and records the vouchers it gets.
async fn lying_server(
    terms: cohort::serve::Terms,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::routing::{get, post};
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let rec = got.clone();
    let app = axum::Router::new()
        .route(
            "/v1/cohort/terms",
            get(move || {
                let t = terms.clone();
                async move { axum::Json(json!({"paid": true, "model": "FAKE", "terms": t})) }
            }),
        )
        .route(
            "/v1/cohort/account/{user}",
            get(|| async {
                let e = "1000000000000000000";
                axum::Json(json!({"signed": e, "spent": e, "settled": "0", "requests": 1, "tokens": 1}))
            }),
        )
        .route(
            "/v1/completions",
            post(move |h: axum::http::HeaderMap| {
                let rec = rec.clone();
                async move {
                    if let Some(v) = h.get(usage::VOUCHER_HEADER) {
                        rec.lock().unwrap().push(v.to_str().unwrap().to_string());
                    }
                    axum::Json(json!({"model": "FAKE", "choices": [{"text": "x", "finish_reason": "length"}],
                        "usage": {"prompt_tokens": 2, "completion_tokens": 5, "total_tokens": 7}}))
                }
            }),
        );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, got)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_client_signs_on_what_it_owes_not_on_what_a_server_claims() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let terms = cohort::serve::Terms {
        ledger: net.contract("usage_ledger").parse().unwrap(),
        chain_id: 31337,
        token: Address::repeat_byte(7),
        provider: dev_address(9),
        asset: Address::ZERO,
        asset_symbol: "ETH".into(),
        asset_decimals: 18,
        price_per_1k: U256::from(1_000_000_000u64),
        min_validity_secs: 300,
    };
    let (url, got) = lying_server(terms).await;
    let run = |args: Vec<String>| {
        let mut cmd = net.cmd();
        cmd.args(args).arg("--json");
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
                .await
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            serde_json::from_slice::<Value>(&out.stdout).unwrap()
        }
    };
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // Nothing settled and no voucher of the user's own: the voucher is the amount, not 1 ETH more.
    let out = run(args(&[
        "usage",
        "voucher",
        "--provider",
        &url,
        "--amount",
        "0.000001",
        "--wallet",
        "dev:6",
    ]))
    .await;
    assert_eq!(out["voucher"]["cumulative"], "1000000000000", "{out}");
    // A query signs this request's most (2 prompt bytes + 5 tokens at 1 gwei per 1000), no more.
    let a = run(args(&[
        "model",
        "query",
        "FAKE",
        "--provider",
        &url,
        "--prompt",
        "hi",
        "--max-tokens",
        "5",
        "--max-spend",
        "0.01",
        "--wallet",
        "dev:6",
    ]))
    .await;
    assert_eq!(a["voucher_cumulative"], "7000000", "{a}");
    let sent = got.lock().unwrap().clone();
    assert_eq!(sent.len(), 1);
    let v = usage::SignedVoucher::parse(&sent[0]).unwrap();
    assert_eq!(v.cumulative, U256::from(7_000_000u64));
}

/// `usage balance --provider` of a free server says it is one (it keeps no account), and
/// `model settle --voucher @FILE` of a file that does not exist is a usage error.
#[tokio::test(flavor = "multi_thread")]
async fn a_free_servers_account_and_a_missing_vouchers_file_are_named_plainly() {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let ck = checkpoint(net.home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let h = net.home.path().to_path_buf();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&ck_s, "--free"]))
        .await
        .unwrap();
    let url = srv.url.clone();
    tokio::task::block_in_place(|| {
        let out = net
            .cmd()
            .args(["usage", "balance", "--provider", &url, "--wallet", "dev:5"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("is a free server"), "{err}");
        let out = net
            .cmd()
            .args(["model", "settle", "--voucher", "@/no/such/vouchers.jsonl"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("/no/such/vouchers.jsonl"), "{err}");
    });
}

/// `usage withdraw --amount A` beyond the deposit is refused before anything is sent (exit 4),
/// in the asset's units with a hint; nothing is announced, and the amount the deposit holds is.
#[test]
fn a_withdrawal_beyond_the_deposit_is_refused_in_the_assets_units_before_sending() {
    let net = Devnet::start(1, 1);
    net.json(&["usage", "deposit", "--amount", "1", "--wallet", "dev:1"]);
    let (code, err) = net
        .home
        .refused_json(&["usage", "withdraw", "--amount", "50", "--wallet", "dev:1"]);
    assert_eq!(code, 4, "{err}");
    assert_eq!(err["code"], "usage.insufficient_deposit", "{err}");
    let msg = err["message"].as_str().unwrap();
    assert!(msg.contains("50 ") && msg.contains("1 "), "{err}");
    assert!(!msg.contains("000000000000000000"), "amounts in wei: {err}");
    assert!(err["hint"].as_str().is_some(), "{err}");
    let acc = net.json(&["usage", "balance", "--wallet", "dev:1"]);
    assert_eq!(acc["account"]["withdrawal_ready_at"], 0, "{acc}");
    let ok = net.json(&["usage", "withdraw", "--amount", "1", "--wallet", "dev:1"]);
    assert_eq!(ok["announced"], "1000000000000000000", "{ok}");
}

/// `model average -o FILE` keeps an existing FILE (exit 2, naming --force) and replaces it
/// with --force.
#[test]
fn model_average_keeps_an_existing_output_unless_forced() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let ck = checkpoint(dir.path());
    let ck = ck.to_str().unwrap();
    let out = crate::common::write(dir.path(), "avg.safetensors", "keep me");
    let out_s = out.to_str().unwrap();
    let (code, err) = home.refused_json(&["model", "average", ck, ck, "-o", out_s]);
    assert_eq!(code, 2, "{err}");
    assert!(err["hint"].as_str().unwrap().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    home.json(&["model", "average", ck, ck, "-o", out_s, "--force"]);
    assert!(cohort::trainer::Checkpoint::load(&out).is_ok());
}

/// A free server counts what it serves: the requests it answered and their prompt and
/// completion tokens, in `GET /v1/cohort/stats`, on `kill -USR1` and in the final stats line.
#[tokio::test(flavor = "multi_thread")]
async fn a_free_server_counts_the_requests_and_tokens_it_serves() {
    let home = Home::new();
    let ck = checkpoint(home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let h = home.path().to_path_buf();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&ck_s, "--free"]))
        .await
        .unwrap();
    let url = srv.url.clone();
    let (s, a) = post(
        &url,
        "/v1/completions",
        json!({"model": "tiny", "prompt": "To be", "max_tokens": 5}).to_string(),
        None,
    )
    .await;
    assert_eq!(s, 200, "{a}");
    let (s, b) = post(
        &url,
        "/v1/chat/completions",
        json!({"model": "tiny", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 3})
            .to_string(),
        None,
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let sum = |k: &str| a["usage"][k].as_u64().unwrap() + b["usage"][k].as_u64().unwrap();
    let expected = json!({"requests": 2, "prompt_tokens": sum("prompt_tokens"),
        "completion_tokens": sum("completion_tokens")});
    assert!(sum("completion_tokens") > 0, "{a} {b}");

    let stats: Value = reqwest::get(format!("{url}/v1/cohort/stats"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["paid"], false, "{stats}");
    assert_eq!(stats["served"], expected, "{stats}");

    // SIGUSR1: the same stats as one more event line.
    let pid = srv.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-USR1", &pid])
            .status()
            .unwrap()
            .success()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut srv = srv;
        let mut line = String::new();
        let _ = srv.out.read_line(&mut line);
        let _ = tx.send(line);
        srv
    });
    let line = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .unwrap_or_else(|_| {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid])
                .status();
            panic!("no stats line within 60 s of SIGUSR1")
        });
    let srv = reader.join().unwrap();
    let ev: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(ev["event"], "stats", "{ev}");
    assert_eq!(ev["stats"]["served"], expected, "{ev}");

    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    let last = events.last().unwrap();
    assert_eq!(last["event"], "stopped", "{events:?}");
    assert_eq!(last["served"], expected, "{events:?}");
}

/// GET `url` + `path`: the status and the JSON body.
async fn get(url: &str, path: &str) -> (u16, Value) {
    let r = reqwest::get(format!("{url}{path}")).await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// What OpenAI's clients send: a parameter the server does not implement and that would change
/// the answer is a 400 naming it (never silently ignored), harmless ones pass; content as text
/// parts, an assistant's null content, negative seeds and token-id prompts are taken; wrong
/// shapes are named in plain words; a role outside OpenAI's is refused; `GET /v1/models/{id}`
/// answers the model; and a prompt longer than the builtin model's context is cut to what the
/// model reads, which is all that `usage` counts.
#[tokio::test(flavor = "multi_thread")]
async fn openai_parameters_are_honoured_or_refused_by_name() {
    let home = Home::new();
    let ck = checkpoint(home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let h = home.path().to_path_buf();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&ck_s, "--free"]))
        .await
        .unwrap();
    let url = srv.url.clone();
    let chat = |extra: Value| {
        let mut b = json!({"model": "tiny", "messages": [{"role": "user", "content": "hi"}],
            "max_tokens": 4, "temperature": 0});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let cmpl = |extra: Value| {
        let mut b = json!({"model": "tiny", "prompt": "hi", "max_tokens": 4, "temperature": 0});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let tool =
        json!([{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]);
    let refused = [
        (
            "/v1/chat/completions",
            chat(json!({"presence_penalty": 2})),
            "presence_penalty",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"frequency_penalty": -1.5})),
            "frequency_penalty",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"logprobs": true, "top_logprobs": 2})),
            "logprobs",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"top_logprobs": 2})),
            "top_logprobs",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"logit_bias": {"85": -100}})),
            "logit_bias",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"response_format": {"type": "json_object"}})),
            "response_format",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"tools": tool})),
            "tools",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"tool_choice": "required"})),
            "tool_choice",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"tool_choice": {"type": "function", "function": {"name": "f"}}})),
            "tool_choice",
        ),
        ("/v1/chat/completions", chat(json!({"n": 2})), "n"),
        (
            "/v1/chat/completions",
            chat(json!({"modalities": ["text", "audio"]})),
            "modalities",
        ),
        ("/v1/chat/completions", chat(json!({"top_k": 5})), "top_k"),
        ("/v1/completions", cmpl(json!({"echo": true})), "echo"),
        ("/v1/completions", cmpl(json!({"logprobs": 2})), "logprobs"),
        ("/v1/completions", cmpl(json!({"best_of": 3})), "best_of"),
        ("/v1/completions", cmpl(json!({"suffix": " end"})), "suffix"),
        (
            "/v1/completions",
            cmpl(json!({"presence_penalty": 1})),
            "presence_penalty",
        ),
        (
            "/v1/completions",
            cmpl(json!({"logit_bias": {"104": 5}})),
            "logit_bias",
        ),
    ];
    for (path, body, param) in &refused {
        let (s, v) = post(&url, path, body.to_string(), None).await;
        assert_eq!(s, 400, "{path} {body}: {v}");
        assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");
        assert_eq!(v["error"]["code"], "unsupported_parameter", "{v}");
        assert_eq!(v["error"]["param"], *param, "{v}");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains(param) && msg.contains("temperature"), "{v}");
    }
    // Harmless metadata, defaults of the refused ones and unknown fields pass, with the same
    // (greedy) answer as without them.
    let (s, plain) = post(
        &url,
        "/v1/chat/completions",
        chat(json!({})).to_string(),
        None,
    )
    .await;
    assert_eq!(s, 200, "{plain}");
    let text = plain["choices"][0]["message"]["content"].clone();
    let harmless = chat(json!({"user": "u1", "metadata": {"k": "v"}, "store": false,
        "parallel_tool_calls": true, "service_tier": "auto", "tool_choice": "none",
        "presence_penalty": 0, "frequency_penalty": 0.0, "logprobs": false, "logit_bias": {},
        "response_format": {"type": "text"}, "tools": [], "n": 1, "some_new_field": [1, 2]}));
    let (s, v) = post(&url, "/v1/chat/completions", harmless.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["choices"][0]["message"]["content"], text, "{v}");
    let (s, v) = post(
        &url,
        "/v1/completions",
        cmpl(json!({"echo": false, "best_of": 1, "suffix": null, "logprobs": null, "user": "u"}))
            .to_string(),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");

    // Content as text parts is the text joined by newlines; an assistant's turn may have none.
    let as_string = chat(json!({"messages": [{"role": "user", "content": "h\ni"}]}));
    let as_parts = chat(json!({"messages": [{"role": "user",
        "content": [{"type": "text", "text": "h"}, {"type": "text", "text": "i"}]}]}));
    let (s, a) = post(&url, "/v1/chat/completions", as_string.to_string(), None).await;
    assert_eq!(s, 200, "{a}");
    let (s, b) = post(&url, "/v1/chat/completions", as_parts.to_string(), None).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(a["choices"], b["choices"]);
    assert_eq!(a["usage"], b["usage"]);
    let null_turn = chat(json!({"messages": [{"role": "user", "content": "hi"},
        {"role": "assistant", "content": null}, {"role": "developer", "content": "be brief"},
        {"role": "tool", "content": "42", "tool_call_id": "c1"}, {"role": "user", "content": "ok"}]}));
    let (s, v) = post(&url, "/v1/chat/completions", null_turn.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    let image = chat(
        json!({"messages": [{"role": "user", "content": [{"type": "text", "text": "what is it?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]}),
    );
    let (s, v) = post(&url, "/v1/chat/completions", image.to_string(), None).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("unsupported_content")),
        "{v}"
    );
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("image_url"),
        "{v}"
    );
    assert_eq!(v["error"]["param"], "messages[0].content[1]", "{v}");
    // A role outside OpenAI's is refused, naming it.
    let wizard = chat(json!({"messages": [{"role": "wizard", "content": "x"}]}));
    let (s, v) = post(&url, "/v1/chat/completions", wizard.to_string(), None).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("invalid_role")),
        "{v}"
    );
    assert!(
        v["error"]["message"].as_str().unwrap().contains("wizard"),
        "{v}"
    );
    assert_eq!(v["error"]["param"], "messages[0].role", "{v}");

    // A negative seed (OpenAI takes any int64) is its two's complement.
    let sampled = |seed: Value| cmpl(json!({"temperature": 1, "max_tokens": 12, "seed": seed}));
    let (s, neg) = post(
        &url,
        "/v1/completions",
        sampled(json!(-1)).to_string(),
        None,
    )
    .await;
    assert_eq!(s, 200, "{neg}");
    let (_, max) = post(
        &url,
        "/v1/completions",
        sampled(json!(u64::MAX)).to_string(),
        None,
    )
    .await;
    assert_eq!(neg["choices"][0]["text"], max["choices"][0]["text"]);
    // A prompt of token ids (bytes for the builtin model) is the text they spell.
    let by_text = cmpl(json!({"prompt": "hi", "temperature": 1, "seed": 3}));
    let (_, t) = post(&url, "/v1/completions", by_text.to_string(), None).await;
    for ids in [json!([104, 105]), json!([[104, 105]])] {
        let (s, v) = post(
            &url,
            "/v1/completions",
            cmpl(json!({"prompt": ids, "temperature": 1, "seed": 3})).to_string(),
            None,
        )
        .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["choices"], t["choices"], "{ids}");
        assert_eq!(v["usage"]["prompt_tokens"], 2, "{v}");
    }
    let (s, v) = post(
        &url,
        "/v1/completions",
        cmpl(json!({"prompt": [104, 300]})).to_string(),
        None,
    )
    .await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("invalid_token")),
        "{v}"
    );
    assert!(
        v["error"]["message"].as_str().unwrap().contains("300"),
        "{v}"
    );

    // Wrong shapes: valid JSON, named in plain words (no Rust type names); not-JSON stays
    // `invalid_json`.
    for (path, body, param) in [
        (
            "/v1/completions",
            cmpl(json!({"max_tokens": "8"})),
            "max_tokens",
        ),
        ("/v1/completions", cmpl(json!({"prompt": 5})), "prompt"),
        ("/v1/completions", cmpl(json!({"seed": 1.5})), "seed"),
        ("/v1/completions", cmpl(json!({"stop": [1]})), "stop"),
        (
            "/v1/chat/completions",
            chat(json!({"messages": [{"role": "user", "content": 7}]})),
            "messages[0].content",
        ),
        (
            "/v1/chat/completions",
            chat(json!({"messages": "hi"})),
            "messages",
        ),
    ] {
        let (s, v) = post(&url, path, body.to_string(), None).await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (400, Some("invalid_type")),
            "{body}: {v}"
        );
        assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");
        assert_eq!(v["error"]["param"], param, "{v}");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains(param) && msg.contains("expected"), "{v}");
        assert!(!msg.contains("enum") && !msg.contains("JSON"), "{v}");
    }
    let (s, v) = post(&url, "/v1/completions", "[1, 2]", None).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("invalid_type")),
        "{v}"
    );
    let (s, v) = post(&url, "/v1/completions", "{\"model\": ", None).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("invalid_json")),
        "{v}"
    );

    // GET /v1/models/{id}: the model's object, or a 404 in OpenAI's shape.
    let (s, m) = get(&url, "/v1/models/tiny").await;
    assert_eq!(s, 200, "{m}");
    assert_eq!(
        (m["object"].as_str(), m["id"].as_str()),
        (Some("model"), Some("tiny")),
        "{m}"
    );
    let (_, list) = get(&url, "/v1/models").await;
    assert_eq!(list["data"][0], m);
    let (s, v) = get(&url, "/v1/models/gpt-4").await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (404, Some("model_not_found")),
        "{v}"
    );
    assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");

    // A prompt longer than the context (64): the model reads its last 48 bytes, and usage
    // counts those; the response says how many were cut.
    let tail = "ROMEO: the end of a long prompt, forty-eight b.."; // 48 bytes
    assert_eq!(tail.len(), 48);
    let long = format!("{}{tail}", "ROMEO: ".repeat(100));
    let r = reqwest::Client::new()
        .post(format!("{url}/v1/completions"))
        .json(&cmpl(json!({"prompt": long, "max_tokens": 8})))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let dropped = (long.len() - 48).to_string();
    assert_eq!(r.headers()["x-cohort-prompt-dropped"], dropped.as_str());
    let cut: Value = r.json().await.unwrap();
    assert_eq!(cut["usage"]["prompt_tokens"], 48, "{cut}");
    assert_eq!(cut["usage"]["total_tokens"], 56, "{cut}");
    assert_eq!(
        cut["cohort"]["prompt_tokens_dropped"],
        long.len() - 48,
        "{cut}"
    );
    let (_, short) = post(
        &url,
        "/v1/completions",
        cmpl(json!({"prompt": tail, "max_tokens": 8})).to_string(),
        None,
    )
    .await;
    assert_eq!(cut["choices"], short["choices"], "{cut} {short}");
    assert!(short.get("cohort").is_none(), "{short}");

    // `cohort model query` names the model it asks for: a free server answers another name
    // with a 404, a usage error (exit 2).
    for (name, want) in [("tiny", Some(0)), ("SOMETHING-ELSE", Some(2))] {
        let mut cmd = home.cmd();
        cmd.args(["model", "query", name, "--provider", &url, "--prompt", "x"])
            .args(["--max-tokens", "2", "--json"]);
        let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
            .await
            .unwrap();
        assert_eq!(
            out.status.code(),
            want,
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if want == Some(2) {
            let v: Value = serde_json::from_slice(&out.stderr).unwrap();
            assert_eq!(v["error"]["code"], "serve.model_not_found", "{v}");
        }
    }
    // What the server served counts the prompt tokens read.
    let stats = get(&url, "/v1/cohort/stats").await.1;
    assert!(
        stats["served"]["prompt_tokens"].as_u64().unwrap() < long.len() as u64,
        "{stats}"
    );
    drop(srv);
}

/// A chat that names no `max_tokens` runs until the model ends it or its context is full, as
/// OpenAI's chat has no default length (the builtin model has no end of sequence: it fills the
/// context, and a prompt that fills it still gets one token); a legacy completion keeps OpenAI's
/// 16. `cohort model query` asks a stream for its counts (`stream_options.include_usage`) and
/// reads them from the chunk that carries them.
#[tokio::test(flavor = "multi_thread")]
async fn a_chat_without_max_tokens_runs_to_the_end_of_the_context() {
    let home = Home::new();
    let ck = checkpoint(home.path());
    let ck_s = ck.to_str().unwrap().to_string();
    let h = home.path().to_path_buf();
    let srv = tokio::task::spawn_blocking(move || Server::start(&h, &[&ck_s, "--free"]))
        .await
        .unwrap();
    let url = srv.url.clone();
    let (_, m) = get(&url, "/v1/models/tiny").await;
    let context = m["cohort"]["context"].as_u64().unwrap();
    assert_eq!(context, 64, "{m}");
    let hi = json!([{"role": "user", "content": "hi"}]);
    let prompt = "user: hi\nassistant: ".len() as u64;
    for body in [
        json!({"model": "tiny", "messages": hi, "temperature": 0}),
        json!({"model": "tiny", "messages": hi, "max_tokens": null,
            "max_completion_tokens": null}),
    ] {
        let (s, v) = post(&url, "/v1/chat/completions", body.to_string(), None).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["usage"]["prompt_tokens"], prompt, "{v}");
        assert_eq!(v["usage"]["completion_tokens"], context - prompt, "{v}");
        assert_eq!(v["choices"][0]["finish_reason"], "length", "{v}");
    }
    // Streamed, the same length.
    let body = json!({"model": "tiny", "messages": hi, "stream": true,
        "stream_options": {"include_usage": true}});
    let text = reqwest::Client::new()
        .post(format!("{url}/v1/chat/completions"))
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let counts: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str::<Value>(d).unwrap()["usage"].clone())
        .filter(|u| !u.is_null())
        .collect();
    assert_eq!(counts.len(), 1, "{text}");
    assert_eq!(counts[0]["completion_tokens"], context - prompt, "{text}");
    // A chat that fills the context gets one token.
    let full = "x".repeat((context - "user: \nassistant: ".len() as u64) as usize);
    let body = json!({"model": "tiny", "messages": [{"role": "user", "content": full}]});
    let (s, v) = post(&url, "/v1/chat/completions", body.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["usage"]["prompt_tokens"], context, "{v}");
    assert_eq!(v["usage"]["completion_tokens"], 1, "{v}");
    // A legacy completion: 16.
    let body = json!({"model": "tiny", "prompt": "hi"});
    let (s, v) = post(&url, "/v1/completions", body.to_string(), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["usage"]["completion_tokens"], 16, "{v}");

    // `cohort model query`'s stream still has the counts.
    let q = cohort::serve::client::Query {
        model: "tiny".into(),
        prompt: "hi".into(),
        chat: true,
        max_tokens: 7,
        min_tokens: 0,
        temperature: Some(0.0),
        seed: Some(1),
        stream: true,
    };
    let mut pieces = String::new();
    let a = cohort::serve::client::query(&url, &q, None, &mut |p| pieces.push_str(p))
        .await
        .unwrap();
    assert_eq!(
        (
            a.prompt_tokens,
            a.completion_tokens,
            a.finish_reason.as_str()
        ),
        (prompt, 7, "length"),
        "{a:?}"
    );
    assert_eq!(a.text, pieces);
    drop(srv);
}

/// A paid chat that names no `max_tokens` is not refused when the user's credit covers less
/// than the rest of the context: its default length is cut to what the voucher (dev 6) or the
/// deposit (dev 7) covers, and it is charged within that. With nothing left for even one token
/// it is refused as before, for the whole default; a named `max_tokens` the credit does not
/// cover is refused as before.
#[tokio::test(flavor = "multi_thread")]
async fn a_paid_chat_without_max_tokens_is_cut_to_the_users_credit_not_refused() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    // 25 tokens' worth.
    n.cohort(&[
        "usage",
        "deposit",
        "--amount",
        "0.000000000025",
        "--wallet",
        "dev:7",
    ])
    .await;
    let srv = n.serve(&[]).await;
    let url = srv.url.clone();
    let t = n.terms();
    let expiry = usage::now() + 3600;
    let voucher = |u: u32, tokens: u64| {
        usage::sign(&key(u), &t, U256::from(tokens * PER_TOKEN), expiry)
            .unwrap()
            .to_header()
    };
    let context = 64u64;
    let prompt = "user: hi\nassistant: ".len() as u64;
    let chat = |extra: Value| {
        let mut b = json!({"model": "SRV", "messages": [{"role": "user", "content": "hi"}]});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b.to_string()
    };
    // Dev 6 signs for 30 tokens: the prompt and 9 more, less than the 43 the context leaves.
    let v6 = voucher(6, 30);
    let named = chat(json!({"max_tokens": context - prompt}));
    let (s, v) = post(&url, "/v1/chat/completions", named, Some(&v6)).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_insufficient")),
        "{v}"
    );
    assert_eq!(v["error"]["required"], (context * PER_TOKEN).to_string());
    let (s, v) = post(&url, "/v1/chat/completions", chat(json!({})), Some(&v6)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["usage"]["prompt_tokens"], prompt, "{v}");
    assert_eq!(v["usage"]["completion_tokens"], 30 - prompt, "{v}");
    assert_eq!(v["choices"][0]["finish_reason"], "length", "{v}");
    assert_eq!(v["cohort"]["charged"], (30 * PER_TOKEN).to_string(), "{v}");
    // Nothing left: refused, naming the voucher the whole default needs.
    let (s, v) = post(&url, "/v1/chat/completions", chat(json!({})), Some(&v6)).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_insufficient")),
        "{v}"
    );
    assert_eq!(
        v["error"]["required"],
        ((30 + context) * PER_TOKEN).to_string()
    );

    // Dev 7's voucher covers the whole context, its deposit 25 tokens: 4 after the prompt.
    let text = reqwest::Client::new()
        .post(format!("{url}/v1/chat/completions"))
        .header(usage::VOUCHER_HEADER, voucher(7, context))
        .header("content-type", "application/json")
        .body(chat(
            json!({"stream": true, "stream_options": {"include_usage": true}}),
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let chunks: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let last = chunks.last().unwrap();
    assert_eq!(last["usage"]["completion_tokens"], 25 - prompt, "{text}");
    let finish = chunks
        .iter()
        .find(|c| !c["choices"][0]["finish_reason"].is_null())
        .unwrap();
    assert_eq!(finish["choices"][0]["finish_reason"], "length", "{text}");
    assert_eq!(
        finish["cohort"]["charged"],
        (25 * PER_TOKEN).to_string(),
        "{text}"
    );
    for (u, spent) in [(6, 30), (7, 25)] {
        let acc = cohort::serve::client::account(&url, dev_address(u))
            .await
            .unwrap();
        assert_eq!(acc.spent, U256::from(spent * PER_TOKEN), "{acc:?}");
    }
    drop(srv);
}

/// Requests a full server refuses (429) are not served: they count neither as requests nor as
/// accepted vouchers (for the user's `usage balance --provider`, nor the server's stats) and do
/// not bring the next settlement closer; a paid prompt longer than the builtin model's context
/// is charged only for the tokens the model reads.
#[tokio::test(flavor = "multi_thread")]
async fn refused_requests_are_not_counted_and_a_cut_prompt_is_charged_for_what_is_read() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.01", "--wallet", "dev:6"])
        .await;
    let ck = checkpoint_with_context(n.net.home.path(), Some(2048));
    let srv = n
        .serve_model(
            &ck,
            &[
                "--max-concurrency",
                "1",
                "--max-queue",
                "0",
                "--settle-every",
                "2",
                "--settle-interval",
                "3600",
            ],
        )
        .await;
    let url = srv.url.clone();
    let t = n.terms();
    let expiry = usage::now() + 3600;
    let v1 = usage::sign(&key(6), &t, U256::from(10u64).pow(U256::from(13u8)), expiry)
        .unwrap()
        .to_header();
    // A voucher that falls short says how much more to sign, as `usage voucher` takes it.
    let short = usage::sign(&key(6), &t, U256::from(1u8), expiry).unwrap();
    let (s, v) = post(
        &url,
        "/v1/completions",
        json!({"model": "SRV", "prompt": "hi", "max_tokens": 4}).to_string(),
        Some(&short.to_header()),
    )
    .await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (402, Some("voucher_insufficient")),
        "{v}"
    );
    let more = cohort::chain::units::format_amount(U256::from(6 * PER_TOKEN), 18);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("`cohort usage voucher --amount {more}`")),
        "{v}"
    );
    // A long stream takes the only slot.
    let client = reqwest::Client::new();
    let mut r = client
        .post(format!("{url}/v1/completions"))
        .header(usage::VOUCHER_HEADER, &v1)
        .json(
            &json!({"model": "SRV", "prompt": "ab", "max_tokens": 2000, "min_tokens": 2000,
            "stream": true}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mut seen = String::new();
    while !seen.contains("\"text\"") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(60), r.chunk())
            .await
            .expect("no event within 60 s")
            .unwrap()
            .expect("the stream ended before its first piece");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    // Three more with the same voucher: refused, the server is full.
    for _ in 0..3 {
        let (s, v) = post(
            &url,
            "/v1/completions",
            json!({"model": "SRV", "prompt": "hi", "max_tokens": 4}).to_string(),
            Some(&v1),
        )
        .await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (429, Some("server_busy")),
            "{v}"
        );
    }
    drop(r);
    drop(client);
    // The stream is charged once its generation ends (which frees the slot).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while cohort::serve::client::account(&url, dev_address(6))
        .await
        .unwrap()
        .tokens
        == 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the dropped stream was never charged"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // A prompt of 2800 bytes, past the context of 2048: the model reads its last 1536.
    let v2 = usage::sign(
        &key(6),
        &t,
        U256::from(2u8) * U256::from(10u64).pow(U256::from(13u8)),
        expiry,
    )
    .unwrap()
    .to_header();
    let long = "ROMEO: ".repeat(400);
    let body = json!({"model": "SRV", "prompt": long, "max_tokens": 4}).to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    // Sent as the API key of an OpenAI client (Authorization: Bearer), the voucher pays too.
    let cut = loop {
        let r = reqwest::Client::new()
            .post(format!("{url}/v1/completions"))
            .bearer_auth(&v2)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        let v: Value = r.json().await.unwrap();
        if s != 429 {
            assert_eq!(s, 200, "{v}");
            break v;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the slot never came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(cut["usage"]["prompt_tokens"], 1536, "{cut}");
    assert_eq!(cut["usage"]["total_tokens"], 1540, "{cut}");
    assert_eq!(
        cut["cohort"]["charged"],
        (1540 * PER_TOKEN).to_string(),
        "{cut}"
    );
    assert_eq!(cut["cohort"]["prompt_tokens_dropped"], 2800 - 1536, "{cut}");

    // Two requests served: the user's account, `usage balance --provider` and the stats say 2.
    let bal = n
        .cohort(&["usage", "balance", "--provider", &url, "--wallet", "dev:6"])
        .await;
    assert_eq!(bal["provider"]["requests"], 2, "{bal}");
    let stats = get(&url, "/v1/cohort/stats").await.1;
    assert_eq!(stats["served"]["requests"], 2, "{stats}");
    assert_eq!(stats["totals"]["requests"], 2, "{stats}");
    assert_eq!(stats["totals"]["vouchers"], 2, "{stats}");
    assert_eq!(stats["users"][0]["requests"], 2, "{stats}");
    // The second served request reaches --settle-every 2: one settlement, of the second
    // voucher (the refused requests did not trigger one of the first while the stream ran).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while get(&url, "/v1/cohort/stats").await.1["totals"]["settlements"] == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "no settlement after two requests"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (events, _) = tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    let settled: Vec<&Value> = events.iter().filter(|e| e["event"] == "settled").collect();
    assert_eq!(settled.len(), 1, "{events:?}");
    assert_eq!(
        settled_of(&n, 6).await,
        U256::from(2u8) * U256::from(10u64).pow(U256::from(13u8))
    );
}

/// Waits (at most 60 s) until the home's vouchers file of `n`'s server keeps a voucher of
/// `user` for `cumulative`.
async fn wait_kept(n: &Paid, user: Address, cumulative: U256) {
    let dir = n.net.home.path().join("serve");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let kept = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".jsonl"))
            .any(|e| {
                std::fs::read_to_string(e.path()).is_ok_and(|t| {
                    t.lines().any(|l| {
                        cohort::serve::pay::parse_kept(l)
                            .is_ok_and(|(v, _)| v.user == user && v.cumulative == cumulative)
                    })
                })
            });
        if kept {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the voucher was not kept within 60 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A voucher is a bearer credential: a stranger who knows a user's address (the stats list it on
/// the provider's own machine) gets the user's numbers but not their voucher, and a proof signed
/// by another key is refused; the user's own commands, which prove their key, still sign on the
/// voucher the server keeps (`usage voucher`, and `model query` after the server crashed and
/// restarted), and `usage balance --provider` prints no voucher.
#[tokio::test(flavor = "multi_thread")]
async fn a_users_voucher_is_shown_only_to_the_user_and_their_commands_still_work() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let srv = n.serve(&["--settle-interval", "3600"]).await;
    let url = srv.url.clone();
    // The user's prepayment (100 gwei), used from another client.
    let out = n
        .cohort(&[
            "usage",
            "voucher",
            "--provider",
            &url,
            "--amount",
            "0.0000001",
            "--wallet",
            "dev:6",
        ])
        .await;
    let first = U256::from(100_000_000_000u64);
    assert_eq!(out["voucher"]["cumulative"], first.to_string(), "{out}");
    let v1 = out["value"].as_str().unwrap().to_string();
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let (s, v) = post(&url, "/v1/completions", body.clone(), Some(&v1)).await;
    assert_eq!(s, 200, "{v}");

    // A stranger: the user's numbers, nothing to spend.
    let user = dev_address(6);
    let r = reqwest::get(format!("{url}/v1/cohort/account/{user}"))
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let text = r.text().await.unwrap();
    let acc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(acc["signed"], first.to_string(), "{acc}");
    assert!(acc.get("voucher").is_none(), "{acc}");
    let sig = usage::SignedVoucher::parse(&v1)
        .unwrap()
        .signature
        .to_string();
    assert!(
        !text.contains(&sig[2..]),
        "the voucher's signature leaked: {text}"
    );
    // A proof made with another key (or for another provider) is refused.
    let now = usage::now();
    for forged in [
        cohort::serve::proof::sign(&key(7), dev_address(9), now).unwrap(),
        cohort::serve::proof::sign(&key(6), dev_address(8), now).unwrap(),
    ] {
        let r = reqwest::Client::new()
            .get(format!("{url}/v1/cohort/account/{user}"))
            .header(cohort::serve::proof::HEADER, forged)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 401);
        let text = r.text().await.unwrap();
        assert!(text.contains("account_proof_invalid"), "{text}");
        assert!(!text.contains(&sig[2..]), "{text}");
    }
    // The user's own balance shows the numbers, never the voucher.
    let bal = n
        .cohort(&["usage", "balance", "--provider", &url, "--wallet", "dev:6"])
        .await;
    assert_eq!(bal["provider"]["signed"], first.to_string(), "{bal}");
    assert!(bal["provider"].get("voucher").is_none(), "{bal}");

    // The user's next voucher raises the one the server keeps (their proof got it back).
    let out = n
        .cohort(&[
            "usage",
            "voucher",
            "--provider",
            &url,
            "--amount",
            "0.0000001",
            "--wallet",
            "dev:6",
        ])
        .await;
    let second = first * U256::from(2u8);
    assert_eq!(out["voucher"]["cumulative"], second.to_string(), "{out}");
    let (s, v) = post(
        &url,
        "/v1/completions",
        body.clone(),
        Some(out["value"].as_str().unwrap()),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    // A crash (SIGKILL, nothing settled) and a restart: the server loads the kept voucher, and
    // `model query` signs on it (its prepayment covers the query; a client that did not get it
    // back would sign less, which the server refuses as lower than the last one).
    wait_kept(&n, user, second).await;
    drop(srv);
    assert!(settled_of(&n, 6).await.is_zero());
    let srv = n.serve(&["--settle-interval", "3600"]).await;
    let a = n.query(&srv.url, "hello", "dev:6", &[]).await;
    let cumulative: U256 = a["voucher_cumulative"].as_str().unwrap().parse().unwrap();
    assert_eq!(cumulative, second, "{a}");
    drop(srv);
}

/// `cohort model settle` with no `--voucher` settles the home's vouchers files that pay this
/// wallet and skips, with a note, those of other providers (a home where several wallets served).
#[tokio::test(flavor = "multi_thread")]
async fn model_settle_settles_the_homes_files_that_pay_this_wallet_and_skips_the_others() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let dir = n.net.home.path().join("serve");
    std::fs::create_dir_all(&dir).unwrap();
    let amount = U256::from(1_000_000_000_000u64);
    let expiry = usage::now() + 3600;
    let mine = usage::sign(&key(6), &n.terms(), amount, expiry).unwrap();
    let theirs = usage::sign(
        &key(6),
        &Expected {
            provider: dev_address(8),
            ..n.terms()
        },
        amount,
        expiry,
    )
    .unwrap();
    for (provider, v) in [(dev_address(9), &mine), (dev_address(8), &theirs)] {
        std::fs::write(
            dir.join(format!(
                "vouchers-{}-{}-{provider}.jsonl",
                n.token,
                Address::ZERO
            )),
            v.to_header() + "\n",
        )
        .unwrap();
    }
    let settle = || {
        let mut cmd = n.net.cmd();
        cmd.args(["model", "settle", "--wallet", "dev:9", "--json"]);
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
                .await
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "{err}");
            (serde_json::from_slice::<Value>(&out.stdout).unwrap(), err)
        }
    };
    let (out, err) = settle().await;
    assert_eq!(out["settlements"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(settled_of(&n, 6).await, amount);
    assert!(
        err.contains("skipping") && err.contains(&dev_address(8).to_string()),
        "{err}"
    );
    // Again: nothing left to settle, still no failure.
    let (out, err) = settle().await;
    assert_eq!(out["settlements"].as_array().unwrap().len(), 0, "{out}");
    assert!(err.contains("already settled"), "{err}");
    assert_eq!(settled_of(&n, 6).await, amount);
}

/// A second `model serve` of the same provider and model token in one home is refused while the
/// first runs (the two would overwrite each other's vouchers file), naming the file and the fix;
/// once the first stops, a server starts again.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_server_of_the_same_provider_and_token_in_one_home_is_refused() {
    let n = paid_net().await;
    n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", "dev:6"])
        .await;
    let srv = n.serve(&[]).await;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"));
    cmd.args(["model", "serve", "--port", "0", "--json"])
        .arg(&n.ck)
        .args(["--token", "SRV", "--wallet", "dev:9", "--price", PRICE])
        .env("COHORT_HOME", n.net.home.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let (code, err) = tokio::task::spawn_blocking(move || {
        let mut child = cmd.spawn().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the second server was not refused within 120 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
        (status.code(), err)
    })
    .await
    .unwrap();
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("serve.vouchers_in_use"), "{err}");
    let file = format!(
        "vouchers-{}-{}-{}.jsonl",
        n.token,
        Address::ZERO,
        dev_address(9)
    );
    assert!(err.contains(&file), "{err}");
    assert!(err.contains("COHORT_HOME"), "{err}");
    // The first still serves.
    let voucher = usage::sign(
        &key(6),
        &n.terms(),
        U256::from(10 * PER_TOKEN),
        usage::now() + 3600,
    )
    .unwrap()
    .to_header();
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let (s, v) = post(&srv.url, "/v1/completions", body, Some(&voucher)).await;
    assert_eq!(s, 200, "{v}");
    tokio::task::spawn_blocking(move || srv.stop())
        .await
        .unwrap();
    // Stopped, it no longer holds the file.
    let srv = n.serve(&[]).await;
    drop(srv);
}

/// A TCP forwarder to `upstream` (host:port) on a loopback port; dropping the handle closes the
/// port and every connection through it.
struct TcpProxy {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl TcpProxy {
    async fn start(upstream: String) -> TcpProxy {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", l.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let mut conns = tokio::task::JoinSet::new();
            while let Ok((mut down, _)) = l.accept().await {
                let upstream = upstream.clone();
                conns.spawn(async move {
                    if let Ok(mut up) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut down, &mut up).await;
                    }
                });
            }
        });
        TcpProxy { url, task }
    }
}

impl Drop for TcpProxy {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and the JoinSet (aborting each connection).
        self.task.abort();
    }
}

/// A server whose chain RPC stops answering tells a paying client 503 (`server_error`, with
/// Retry-After; its payment is not the problem) without the provider's RPC URL, and `model query`
/// exits 3 (worth retrying). A provider answering 429 or 500 (a busy server, or one behind a
/// proxy) to the terms request is also exit 3, not "not a cohort server".
#[tokio::test(flavor = "multi_thread")]
async fn a_server_whose_chain_is_down_answers_503_and_model_query_exits_3() {
    let n = paid_net().await;
    for w in ["dev:6", "dev:7"] {
        n.cohort(&["usage", "deposit", "--amount", "0.001", "--wallet", w])
            .await;
    }
    let proxy = TcpProxy::start(n.rpc.trim_start_matches("http://").to_string()).await;
    let proxy_port = proxy.url.rsplit(':').next().unwrap().to_string();
    let srv = n
        .serve(&["--rpc-url", &proxy.url, "--settle-interval", "3600"])
        .await;
    let url = srv.url.clone();
    n.query(&url, "hello", "dev:6", &[]).await;
    // The server's chain goes away; dev:7 was never seen, so its request reads the chain.
    drop(proxy);
    let voucher = usage::sign(
        &key(7),
        &n.terms(),
        U256::from(10 * PER_TOKEN),
        usage::now() + 3600,
    )
    .unwrap()
    .to_header();
    let body = json!({"model": "SRV", "prompt": "hello", "max_tokens": 5}).to_string();
    let r = reqwest::Client::new()
        .post(format!("{url}/v1/completions"))
        .header("content-type", "application/json")
        .header(usage::VOUCHER_HEADER, &voucher)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 503);
    assert!(
        r.headers().get("retry-after").is_some(),
        "{:?}",
        r.headers()
    );
    let text = r.text().await.unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["error"]["type"], "server_error", "{v}");
    assert_eq!(v["error"]["code"], "ledger_unreachable", "{v}");
    assert!(
        !text.contains(&proxy_port),
        "the RPC URL reached a client: {text}"
    );
    let (code, e) = tokio::task::block_in_place(|| {
        n.net.home.refused_json(&[
            "model",
            "query",
            "SRV",
            "--provider",
            &url,
            "--prompt",
            "hello",
            "--max-tokens",
            "5",
            "--wallet",
            "dev:7",
        ])
    });
    assert_eq!(code, 3, "{e}");
    assert_eq!(e["code"], "serve.ledger_unreachable", "{e}");
    drop(srv);

    // Providers that answer the terms request 429 or 500 are busy or failing (exit 3); one that
    // answers 404 is no cohort server (exit 2).
    for (status, want) in [(429u16, 3), (500, 3), (503, 3), (404, 2)] {
        let app = axum::Router::new().route(
            "/v1/cohort/terms",
            axum::routing::get(move || async move {
                (
                    axum::http::StatusCode::from_u16(status).unwrap(),
                    "no terms here",
                )
            }),
        );
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = format!("http://{}", l.local_addr().unwrap());
        let task = tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
        let (code, e) = tokio::task::block_in_place(|| {
            n.net.home.refused_json(&[
                "model",
                "query",
                "SRV",
                "--provider",
                &fake,
                "--prompt",
                "hi",
                "--wallet",
                "dev:6",
            ])
        });
        assert_eq!(code, want, "{status}: {e}");
        let expect = if want == 3 {
            "serve.unavailable"
        } else {
            "serve.not_cohort"
        };
        assert_eq!(e["code"], expect, "{status}: {e}");
        task.abort();
    }
}

/// `model query` on a terminal writes the model's control characters (a byte-level model makes
/// any byte) as visible escapes, never raw: `\r`, `\x1b` and the like cannot rewrite or recolour
/// the reader's screen. Newlines and tabs pass.
#[test]
fn model_query_on_a_terminal_escapes_the_models_control_characters() {
    let home = crate::common::Home::new();
    let ck = checkpoint(home.path());
    let srv = Server::start(home.path(), &[ck.to_str().unwrap(), "--free"]);
    let mut escaped = 0;
    for seed in ["1", "2", "3"] {
        let (code, screen, raw) = crate::common::pty::run_in_pty(
            &home,
            &[
                "model",
                "query",
                "tiny",
                "--provider",
                &srv.url,
                "--prompt",
                "hi",
                "--max-tokens",
                "60",
                "--temperature",
                "2",
                "--seed",
                seed,
            ],
        );
        assert_eq!(code, 0, "{screen}");
        // The terminal turns each newline into \r\n; anything else is the command's own.
        let text = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
        let raw_control: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
            .collect();
        assert!(raw_control.is_empty(), "{raw_control:?} in {text:?}");
        escaped += screen.matches("\\x").count();
    }
    assert!(
        escaped > 0,
        "the answers held no control character to escape"
    );
    let _ = srv.stop();
}
