//! The client side of a `cohort model serve` server: its terms, a user's account there, and
//! paid queries that sign vouchers as they go (`cohort model query`, `cohort usage voucher`).

use std::time::Duration;

use alloy::primitives::{Address, U256};
use alloy::signers::local::PrivateKeySigner;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Terms;
use crate::chain::Chain;
use crate::chain::units::dec;
use crate::error::{Error, Result};
use crate::usage::{self, SignedVoucher};

/// How long vouchers signed by the client stay valid.
pub const VOUCHER_LIFETIME_SECS: u64 = 3600;

fn http() -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(600))
        .build()
        .map_err(|e| Error::failed("serve.http", e.to_string()))
}

fn base(url: &str) -> String {
    url.trim_end_matches('/')
        .trim_end_matches("/v1")
        .to_string()
}

fn unreachable(url: &str, e: impl std::fmt::Display) -> Error {
    Error::unreachable(
        "serve.unreachable",
        format!("the provider at {url} is unreachable"),
    )
    .cause(e)
    .hint("check --provider (the URL `cohort model serve` printed)")
}

/// What the server says about itself.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ServerTerms {
    pub paid: bool,
    pub model: String,
    #[serde(default)]
    pub terms: Option<Terms>,
}

/// Whether an HTTP status says the server is there but busy or failing for now (worth retrying:
/// exit 3), as a cohort server behind a proxy may answer.
fn retry_later(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// The error for a server answering `status` (busy or failing) to `path`: exit 3.
fn busy(url: &str, path: &str, status: reqwest::StatusCode) -> Error {
    Error::unreachable(
        "serve.unavailable",
        format!("{url} answered {status} to {path}: the server is busy or failing"),
    )
    .hint("retry shortly")
}

/// `GET /v1/cohort/terms`.
pub async fn terms(url: &str) -> Result<ServerTerms> {
    let r = http()?
        .get(format!("{}/v1/cohort/terms", base(url)))
        .send()
        .await
        .map_err(|e| unreachable(url, e))?;
    if retry_later(r.status().as_u16()) {
        return Err(busy(url, "/v1/cohort/terms", r.status()));
    }
    if !r.status().is_success() {
        return Err(Error::usage(
            "serve.not_cohort",
            format!(
                "{url} answered {} to /v1/cohort/terms: it is not a `cohort model serve` server",
                r.status()
            ),
        ));
    }
    r.json().await.map_err(|e| {
        Error::failed(
            "serve.bad_terms",
            format!("the terms from {url} are unreadable: {e}"),
        )
    })
}

/// A user's account as the server keeps it.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ServerAccount {
    #[serde(with = "dec")]
    pub signed: U256,
    #[serde(with = "dec")]
    pub spent: U256,
    #[serde(with = "dec")]
    pub settled: U256,
    pub requests: u64,
    pub tokens: u64,
    /// The best voucher the user signed there (its header value), when the server has one and
    /// the request proved the user's key ([`own_account`]). A bearer credential: never printed.
    #[serde(default, skip_serializing)]
    pub voucher: Option<String>,
}

/// What the user owes the provider for sure, the base a new voucher raises: the larger of what
/// the ledger settled on the channel and the best voucher the server shows, when it carries the
/// user's own signature for these terms. Never the server's own numbers (`spent`, `signed`): a
/// server claiming a huge `spent` would otherwise get a voucher for the user's whole deposit.
pub async fn owed(
    chain: &Chain,
    key: &PrivateKeySigner,
    t: &Terms,
    acc: &ServerAccount,
) -> Result<U256> {
    let user = key.address();
    let ledger = usage::open(chain, t.ledger).await?;
    let settled = usage::settled(&ledger, user, t.provider, t.token, t.asset).await?;
    // Expiry aside (now = 0): an expired voucher the user signed still marks what was served.
    let signed = acc
        .voucher
        .as_deref()
        .and_then(|h| SignedVoucher::parse(h).ok())
        .filter(|v| v.user == user && v.check(&t.expected(), 0, 0).is_ok())
        .map(|v| v.cumulative)
        .unwrap_or_default();
    Ok(settled.max(signed))
}

/// `GET /v1/cohort/account/{user}`: the user's numbers there (no voucher: that takes the
/// user's key, [`own_account`]).
pub async fn account(url: &str, user: Address) -> Result<ServerAccount> {
    get_account(url, user, None).await
}

/// The account of `key`'s owner at the server of `provider`, with the best voucher they signed
/// there: the request carries a proof of the key ([`super::proof`]), which the server wants
/// before it shows a voucher (anyone holding one can spend it).
pub async fn own_account(
    url: &str,
    key: &PrivateKeySigner,
    provider: Address,
) -> Result<ServerAccount> {
    let proof = super::proof::sign(key, provider, usage::now())?;
    get_account(url, key.address(), Some(proof)).await
}

async fn get_account(url: &str, user: Address, proof: Option<String>) -> Result<ServerAccount> {
    let path = format!("/v1/cohort/account/{user}");
    let mut req = http()?.get(format!("{}{path}", base(url)));
    if let Some(p) = proof {
        req = req.header(super::proof::HEADER, p);
    }
    let r = req.send().await.map_err(|e| unreachable(url, e))?;
    let status = r.status();
    if status.as_u16() == 401 {
        let e: Value = r.json().await.unwrap_or_default();
        let why = e["error"]["message"]
            .as_str()
            .unwrap_or("no reason given")
            .to_string();
        return Err(Error::usage(
            "serve.account_proof",
            format!("{url} refused the proof of your key for your account: {why}"),
        )
        .hint(format!(
            "the proof carries this machine's time: check its clock (at most {} s off)",
            super::proof::WINDOW_SECS
        )));
    }
    if retry_later(status.as_u16()) {
        return Err(busy(url, &path, status));
    }
    if !status.is_success() {
        return Err(Error::failed(
            "serve.account",
            format!("{url} answered {status} for the account"),
        ));
    }
    r.json()
        .await
        .map_err(|e| Error::failed("serve.account", e.to_string()))
}

/// Checks the server's terms against what the user expects (the profile's ledger and chain, the
/// named model token) before anything is signed.
pub fn check_terms(
    t: &Terms,
    ledger: Option<Address>,
    chain_id: Option<u64>,
    token: Option<Address>,
) -> Result<()> {
    if let Some(l) = ledger
        && l != t.ledger
    {
        return Err(Error::verification(
            "serve.wrong_ledger",
            format!(
                "the provider settles on ledger {}, not this profile's UsageLedger {l}",
                t.ledger
            ),
        )
        .hint("use a provider on your chain, or a profile for its chain"));
    }
    if let Some(c) = chain_id
        && c != t.chain_id
    {
        return Err(Error::verification(
            "serve.wrong_chain",
            format!(
                "the provider settles on chain {}, the profile is on chain {c}",
                t.chain_id
            ),
        ));
    }
    if let Some(tok) = token
        && tok != t.token
    {
        return Err(Error::verification(
            "serve.wrong_model",
            format!("the provider serves model token {}, not {tok}", t.token),
        )
        .hint("check the model you named and the provider URL"));
    }
    Ok(())
}

/// Signs a voucher raising what the user owes the provider ([`owed`]: settled on the chain, or
/// the user's own best voucher there) by `amount`.
pub async fn voucher_for(
    url: &str,
    chain: &Chain,
    key: &PrivateKeySigner,
    t: &Terms,
    amount: U256,
) -> Result<SignedVoucher> {
    let acc = own_account(url, key, t.provider).await?;
    let cumulative = owed(chain, key, t, &acc).await? + amount;
    usage::sign(
        key,
        &t.expected(),
        cumulative,
        usage::now() + VOUCHER_LIFETIME_SECS,
    )
}

/// A query to send.
#[derive(Debug, Clone)]
pub struct Query {
    pub model: String,
    pub prompt: String,
    pub chat: bool,
    pub max_tokens: u64,
    /// No end of sequence before this many tokens (vLLM's `min_tokens`); 0 sends none.
    pub min_tokens: u64,
    pub temperature: Option<f64>,
    pub seed: Option<u64>,
    pub stream: bool,
}

/// A query's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub model: String,
    pub text: String,
    pub finish_reason: String,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    /// Wei the server charged for it (0 on a free server).
    #[serde(with = "dec")]
    pub charged: U256,
    /// The cumulative amount of the voucher sent (0 on a free server).
    #[serde(with = "dec")]
    pub voucher_cumulative: U256,
}

/// Who pays a query: the user's key, the chain of the ledger (to read what was settled) and the
/// most the query may raise the cumulative amount.
pub struct Payer<'a> {
    pub chain: &'a Chain,
    pub key: &'a PrivateKeySigner,
    pub terms: &'a Terms,
    pub max_spend: U256,
}

/// Sends a query, signing a voucher for it when the server is paid: first for what the user owes
/// ([`owed`]) plus an estimate of this request, then (once) for the amount a 402 names, as long as
/// the increase over what the user owes stays within `max_spend`. Text pieces go to `on_piece` as
/// they stream.
pub async fn query(
    url: &str,
    q: &Query,
    payer: Option<Payer<'_>>,
    on_piece: &mut dyn FnMut(&str),
) -> Result<Answer> {
    let mut body = if q.chat {
        json!({"model": q.model, "messages": [{"role": "user", "content": q.prompt}], "max_tokens": q.max_tokens, "stream": q.stream})
    } else {
        json!({"model": q.model, "prompt": q.prompt, "max_tokens": q.max_tokens, "stream": q.stream})
    };
    if q.stream {
        // The counts come only when asked for, in a last chunk of their own (as OpenAI's).
        body["stream_options"] = json!({"include_usage": true});
    }
    if q.min_tokens > 0 {
        body["min_tokens"] = json!(q.min_tokens);
    }
    if let Some(t) = q.temperature {
        body["temperature"] = json!(t);
    }
    if let Some(s) = q.seed {
        body["seed"] = json!(s);
    }
    let path = if q.chat {
        "/v1/chat/completions"
    } else {
        "/v1/completions"
    };
    let client = http()?;
    let mut voucher: Option<SignedVoucher> = None;
    let mut base_amount = U256::ZERO;
    if let Some(p) = &payer {
        let acc = own_account(url, p.key, p.terms.provider).await?;
        base_amount = owed(p.chain, p.key, p.terms, &acc).await?;
        // A first estimate (prompt bytes + max_tokens: exact for the byte-level model's
        // completions); a 402 naming the exact amount (a chat template's tokens) is signed once more.
        // What the server says it charged counts only up to what the user owes: an honest
        // server's `spent` is never above the user's best voucher.
        let est = usage::cost(q.prompt.len() as u64 + q.max_tokens, p.terms.price_per_1k);
        let cumulative = base_amount.max(acc.spent.min(base_amount) + est);
        voucher = Some(sign_within(p, base_amount, cumulative)?);
    }
    for attempt in 0..2 {
        let mut req = client.post(format!("{}{path}", base(url))).json(&body);
        if let Some(v) = &voucher {
            req = req.header(usage::VOUCHER_HEADER, v.to_header());
        }
        let r = req.send().await.map_err(|e| unreachable(url, e))?;
        let status = r.status();
        if status.as_u16() == 402 && attempt == 0 {
            let e: Value = r.json().await.unwrap_or_default();
            let code = e["error"]["code"].as_str().unwrap_or("");
            let required: Option<U256> =
                e["error"]["required"].as_str().and_then(|s| s.parse().ok());
            match (&payer, code, required) {
                (Some(p), "voucher_insufficient", Some(req)) => {
                    voucher = Some(sign_within(p, base_amount, req)?);
                    continue;
                }
                _ => return Err(refused(Some(status.as_u16()), &e)),
            }
        }
        if !status.is_success() {
            let e: Value = r.json().await.unwrap_or_default();
            return Err(refused(Some(status.as_u16()), &e));
        }
        let cumulative = voucher.as_ref().map(|v| v.cumulative).unwrap_or_default();
        return if q.stream {
            read_stream(r, q, cumulative, on_piece).await
        } else {
            let v: Value = r
                .json()
                .await
                .map_err(|e| Error::failed("serve.bad_answer", e.to_string()))?;
            Ok(answer_of(&v, q.chat, cumulative))
        };
    }
    Err(Error::failed(
        "serve.refused",
        "the provider refused the voucher twice",
    ))
}

fn sign_within(p: &Payer<'_>, base_amount: U256, cumulative: U256) -> Result<SignedVoucher> {
    let increase = cumulative.saturating_sub(base_amount);
    if increase > p.max_spend {
        return Err(Error::usage(
            "serve.max_spend",
            format!(
                "this query needs a voucher raising the amount owed by {}, above --max-spend ({})",
                p.terms.asset().format(increase),
                p.terms.asset().format(p.max_spend)
            ),
        )
        .hint("raise --max-spend, or lower --max-tokens"));
    }
    usage::sign(
        p.key,
        &p.terms.expected(),
        cumulative,
        usage::now() + VOUCHER_LIFETIME_SECS,
    )
}

/// The error for a provider's refusal (`status`: the HTTP status, `None` for an error event in
/// a stream): a bad request is a usage error (exit 2), a deposit that falls short is funds short
/// (exit 4), a busy, failing or stopping server (429, 500, 502, 503, 504) is worth retrying
/// (exit 3).
fn refused(status: Option<u16>, e: &Value) -> Error {
    let code = e["error"]["code"].as_str().unwrap_or("unknown");
    let msg = e["error"]["message"]
        .as_str()
        .unwrap_or("the provider refused the request")
        .to_string();
    let id = format!("serve.{code}");
    let bad_request = match status {
        Some(s) => matches!(s, 400 | 404 | 413),
        None => e["error"]["type"] == "invalid_request_error",
    };
    match (status, code) {
        (_, "deposit_insufficient") => {
            // A cohort server tells OpenAI clients the fix in the message; here it is the hint.
            let msg = msg
                .strip_suffix(": deposit more with `cohort usage deposit`")
                .unwrap_or(&msg)
                .to_string();
            Error::reverted(id, msg).hint("deposit more with `cohort usage deposit --amount A`")
        }
        (Some(s), _) if retry_later(s) => Error::unreachable(id, msg).hint("retry shortly"),
        (_, "server_busy" | "shutting_down" | "ledger_unreachable") => {
            Error::unreachable(id, msg).hint("retry shortly")
        }
        _ if bad_request => Error::usage(id, msg),
        _ => Error::failed(id, msg),
    }
}

fn answer_of(v: &Value, chat: bool, cumulative: U256) -> Answer {
    let c = &v["choices"][0];
    let text = if chat {
        c["message"]["content"].as_str()
    } else {
        c["text"].as_str()
    };
    Answer {
        model: v["model"].as_str().unwrap_or_default().to_string(),
        text: text.unwrap_or_default().to_string(),
        finish_reason: c["finish_reason"].as_str().unwrap_or_default().to_string(),
        prompt_tokens: v["usage"]["prompt_tokens"].as_u64().unwrap_or(0),
        completion_tokens: v["usage"]["completion_tokens"].as_u64().unwrap_or(0),
        charged: v["cohort"]["charged"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or_default(),
        voucher_cumulative: cumulative,
    }
}

async fn read_stream(
    mut r: reqwest::Response,
    q: &Query,
    cumulative: U256,
    on_piece: &mut dyn FnMut(&str),
) -> Result<Answer> {
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut last = Value::Null;
    let mut counts = Value::Null;
    while let Some(chunk) = r
        .chunk()
        .await
        .map_err(|e| Error::failed("serve.stream", e.to_string()))?
    {
        buf.extend_from_slice(&chunk);
        while let Some(i) = buf.windows(2).position(|w| w == b"\n\n") {
            let event: Vec<u8> = buf.drain(..i + 2).collect();
            for line in String::from_utf8_lossy(&event).lines() {
                let Some(data) = line.strip_prefix("data:") else {
                    continue;
                };
                let data = data.trim();
                if data == "[DONE]" {
                    continue;
                }
                let v: Value = serde_json::from_str(data)
                    .map_err(|e| Error::failed("serve.stream", e.to_string()))?;
                if v.get("error").is_some() {
                    return Err(refused(None, &v));
                }
                let c = &v["choices"][0];
                let piece = if q.chat {
                    c["delta"]["content"].as_str()
                } else {
                    c["text"].as_str()
                };
                if let Some(p) = piece.filter(|p| !p.is_empty()) {
                    on_piece(p);
                    text.push_str(p);
                }
                if v["usage"].is_object() {
                    counts = v["usage"].clone();
                }
                if !c["finish_reason"].is_null() {
                    last = v;
                }
            }
        }
    }
    // The finish chunk has the reason and what was charged; the usage chunk after it the counts.
    if counts.is_object() {
        last["usage"] = counts;
    }
    let mut a = answer_of(&last, q.chat, cumulative);
    a.text = text;
    Ok(a)
}
