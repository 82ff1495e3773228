//! `cohort model serve`: an OpenAI-compatible HTTP server (axum) for a model, paid per token by
//! signed vouchers ([`pay`], [`crate::usage`]) or free.
//!
//! Endpoints: `GET /v1/models`, `POST /v1/completions`, `POST /v1/chat/completions` (both with
//! `stream: true` as server-sent events), plus `GET /v1/cohort/terms`, `GET /v1/cohort/account/{user}`
//! and `GET /v1/cohort/stats` for cohort's own clients.
//!
//! Concurrency: at most `max_concurrency` generations at once (a semaphore); up to `max_queue`
//! more wait for a slot, beyond that the server answers 429. The builtin engine decodes the
//! generations in progress together, one token each per step, with a key/value cache per sequence
//! ([`decode`]). Requests do not block each other's I/O, and a slow client of a stream never holds
//! a slot longer than its generation.
//!
//! Privacy: prompts, completions and vouchers are never logged.

pub mod client;
pub mod decode;
pub mod engine;
pub mod pay;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use alloy::primitives::{Address, U256};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};

use crate::error::{Error, Result};
use crate::progress::Progress;
use engine::{ChatMessage, Engine, GenRequest};
pub use pay::{Payments, Terms};

/// Default request body limit: 1 MiB.
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// How the server runs.
pub struct ServeOptions {
    pub bind: SocketAddr,
    /// The model's id in the API (the token's symbol, or the checkpoint's name).
    pub model_id: String,
    /// Other names the model answers to (token address, `job-N`).
    pub aliases: Vec<String>,
    pub max_body: usize,
    pub max_concurrency: usize,
    pub max_queue: usize,
    /// Settle after this many accepted vouchers …
    pub settle_every: u64,
    /// … or this often.
    pub settle_interval: Duration,
    /// Counts what the server serves; whoever holds a clone reads them while it runs
    /// ([`ServerStats::of`]).
    pub served: Arc<Served>,
}

/// What a server (free or paid) served since start: finished generations and their tokens.
#[derive(Debug, Default)]
pub struct Served {
    requests: AtomicU64,
    prompt_tokens: AtomicU64,
    completion_tokens: AtomicU64,
}

/// [`Served`]'s counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ServedCounts {
    pub requests: u64,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

impl Served {
    fn add(&self, u: &Usage) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.prompt_tokens
            .fetch_add(u.prompt_tokens, Ordering::Relaxed);
        self.completion_tokens
            .fetch_add(u.completion_tokens, Ordering::Relaxed);
    }

    pub fn counts(&self) -> ServedCounts {
        ServedCounts {
            requests: self.requests.load(Ordering::Relaxed),
            prompt_tokens: self.prompt_tokens.load(Ordering::Relaxed),
            completion_tokens: self.completion_tokens.load(Ordering::Relaxed),
        }
    }
}

/// Something the server reports while it runs (settlements, failures), for the CLI to print.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ServeEvent {
    Listening {
        address: String,
        model: String,
        paid: bool,
    },
    Settled {
        settlement: crate::usage::Settlement,
    },
    SettleFailed {
        user: String,
        error: String,
    },
    Stats {
        stats: ServerStats,
    },
}

struct AppState {
    engine: Arc<dyn Engine>,
    opts: ServeOptionsLite,
    pay: Option<Arc<Payments>>,
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    served: Arc<Served>,
}

struct ServeOptionsLite {
    model_id: String,
    aliases: Vec<String>,
    max_queue: usize,
    kind: &'static str,
}

/// An OpenAI-style error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    fn new(
        status: StatusCode,
        kind: &str,
        code: &str,
        message: impl Into<String>,
        param: Option<&str>,
    ) -> ApiError {
        ApiError {
            status,
            body: json!({"error": {"message": message.into(), "type": kind, "param": param, "code": code}}),
        }
    }
    fn bad(code: &str, message: impl Into<String>, param: Option<&str>) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            code,
            message,
            param,
        )
    }
    fn payment(r: pay::Refusal) -> ApiError {
        let mut body = json!({"error": {"message": r.message, "type": "payment_required", "param": null, "code": r.code}});
        if !r.required.is_zero() {
            body["error"]["required"] = json!(r.required.to_string());
        }
        if let Some(t) = r.terms {
            body["error"]["terms"] = json!(t);
        }
        ApiError {
            status: StatusCode::PAYMENT_REQUIRED,
            body,
        }
    }
}

/// Seconds a client told the server is busy (429) should wait before retrying.
const RETRY_AFTER_SECS: u64 = 1;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(self.body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            r.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(RETRY_AFTER_SECS),
            );
        }
        r
    }
}

/// A prompt: a string or a one-element array of strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PromptIn {
    One(String),
    Many(Vec<String>),
}

/// `stop`: a string or an array of up to 4 strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum StopIn {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct StreamOptions {
    #[serde(default)]
    include_usage: bool,
}

#[derive(Debug, Deserialize)]
struct CompletionIn {
    model: String,
    #[serde(default)]
    prompt: Option<PromptIn>,
    #[serde(default)]
    messages: Option<Vec<ChatMessage>>,
    max_tokens: Option<u64>,
    max_completion_tokens: Option<u64>,
    min_tokens: Option<u64>,
    temperature: Option<f64>,
    top_p: Option<f64>,
    stop: Option<StopIn>,
    seed: Option<u64>,
    #[serde(default)]
    stream: bool,
    stream_options: Option<StreamOptions>,
    n: Option<u32>,
}

/// A checked request.
struct Job {
    chat: bool,
    req: GenRequest,
    stop: Vec<String>,
    stream: bool,
    include_usage: bool,
}

/// Default completion length when the request names none.
const DEFAULT_MAX_TOKENS: u64 = 16;

/// The highest sampling temperature taken (OpenAI's), here and by `cohort model generate`.
pub const MAX_TEMPERATURE: f64 = 2.0;

fn parse_request(state: &AppState, body: &Bytes, chat: bool) -> std::result::Result<Job, ApiError> {
    let r: CompletionIn = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad(
            "invalid_json",
            format!("the request body is not valid JSON for this endpoint: {e}"),
            None,
        )
    })?;
    if !state.model_matches(&r.model) {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "model_not_found",
            format!(
                "the model '{}' does not exist here; this server serves '{}'",
                r.model, state.opts.model_id
            ),
            Some("model"),
        ));
    }
    if r.n.is_some_and(|n| n != 1) {
        return Err(ApiError::bad(
            "unsupported_n",
            "only n = 1 is supported",
            Some("n"),
        ));
    }
    let tokens = if chat {
        let Some(m) = r.messages.as_ref().filter(|m| !m.is_empty()) else {
            return Err(ApiError::bad(
                "missing_messages",
                "'messages' must be a non-empty array",
                Some("messages"),
            ));
        };
        state.engine.chat_tokens(m).map_err(|why| {
            ApiError::bad(
                "invalid_messages",
                format!("the chat cannot be rendered with the model's template: {why}"),
                Some("messages"),
            )
        })?
    } else {
        let prompt = match r.prompt {
            Some(PromptIn::One(s)) => s,
            Some(PromptIn::Many(mut v)) if v.len() == 1 => v.remove(0),
            Some(PromptIn::Many(_)) => {
                return Err(ApiError::bad(
                    "unsupported_prompt",
                    "send one prompt per request",
                    Some("prompt"),
                ));
            }
            None => String::new(),
        };
        state.engine.encode(&prompt)
    };
    let context = state.engine.context() as u64;
    // A model that cannot slide over its context refuses what does not fit before generating
    // (nothing is charged), as OpenAI and vLLM do.
    if !state.engine.slides() {
        let param = Some(if chat { "messages" } else { "prompt" });
        if tokens.is_empty() {
            return Err(ApiError::bad(
                "empty_prompt",
                "the prompt is empty (no tokens): send the text to continue",
                param,
            ));
        }
        if tokens.len() as u64 > context {
            return Err(ApiError::bad(
                "context_length_exceeded",
                format!(
                    "the prompt is {} tokens, more than the model's context of {context} tokens: \
                     shorten the prompt",
                    tokens.len()
                ),
                param,
            ));
        }
    }
    let max_tokens = r
        .max_completion_tokens
        .or(r.max_tokens)
        .unwrap_or(DEFAULT_MAX_TOKENS.min(context));
    if max_tokens == 0 || max_tokens > context {
        return Err(ApiError::bad(
            "context_length_exceeded",
            format!(
                "max_tokens {max_tokens} is outside 1..={context} (the model's context is {context} tokens)"
            ),
            Some("max_tokens"),
        ));
    }
    let min_tokens = r.min_tokens.unwrap_or(0);
    if min_tokens > max_tokens {
        return Err(ApiError::bad(
            "invalid_min_tokens",
            format!("min_tokens {min_tokens} is more than max_tokens {max_tokens}"),
            Some("min_tokens"),
        ));
    }
    let temperature = r.temperature.unwrap_or(1.0);
    if !(0.0..=MAX_TEMPERATURE).contains(&temperature) {
        return Err(ApiError::bad(
            "invalid_temperature",
            "temperature must be between 0 and 2",
            Some("temperature"),
        ));
    }
    let top_p = r.top_p.unwrap_or(1.0);
    if !(top_p > 0.0 && top_p <= 1.0) {
        return Err(ApiError::bad(
            "invalid_top_p",
            "top_p must be in (0, 1]",
            Some("top_p"),
        ));
    }
    let stop = match r.stop {
        None => Vec::new(),
        Some(StopIn::One(s)) => vec![s],
        Some(StopIn::Many(v)) => v,
    };
    if stop.len() > 4 || stop.iter().any(|s| s.is_empty() || s.len() > 256) {
        return Err(ApiError::bad(
            "invalid_stop",
            "stop takes up to 4 non-empty strings of at most 256 bytes",
            Some("stop"),
        ));
    }
    let seed = r.seed.unwrap_or_else(rand_seed);
    Ok(Job {
        chat,
        req: GenRequest {
            prompt: tokens,
            max_tokens: max_tokens as usize,
            min_tokens: min_tokens as usize,
            temperature,
            top_p,
            seed,
        },
        stop,
        stream: r.stream,
        include_usage: r.stream_options.is_some_and(|o| o.include_usage),
    })
}

fn rand_seed() -> u64 {
    rand::random()
}

impl AppState {
    fn model_matches(&self, name: &str) -> bool {
        let n = name.trim();
        n.eq_ignore_ascii_case(&self.opts.model_id)
            || self.opts.aliases.iter().any(|a| a.eq_ignore_ascii_case(n))
    }
}

/// Streams text out of tokens: whole UTF-8 characters only, holding back what could be the start
/// of a stop sequence; `done` once a stop sequence appeared.
struct TextOut {
    bytes: Vec<u8>,
    emitted: usize,
    stop: Vec<String>,
    hold: usize,
    done: bool,
}

impl TextOut {
    fn new(stop: Vec<String>) -> TextOut {
        let hold = stop
            .iter()
            .map(|s| s.len())
            .max()
            .unwrap_or(1)
            .saturating_sub(1);
        TextOut {
            bytes: Vec::new(),
            emitted: 0,
            stop,
            hold,
            done: false,
        }
    }

    /// Adds bytes; returns the text that can be released now.
    fn push(&mut self, b: &[u8]) -> String {
        self.bytes.extend_from_slice(b);
        for s in &self.stop {
            let from = self.emitted.saturating_sub(s.len());
            if let Some(i) = find(&self.bytes[from..], s.as_bytes()) {
                self.bytes.truncate(from + i);
                self.done = true;
                return self.release(self.bytes.len(), true);
            }
        }
        let limit = self.bytes.len().saturating_sub(self.hold);
        self.release(limit, false)
    }

    /// Everything left.
    fn flush(&mut self) -> String {
        self.release(self.bytes.len(), true)
    }

    fn release(&mut self, upto: usize, last: bool) -> String {
        if upto <= self.emitted {
            return String::new();
        }
        let chunk = &self.bytes[self.emitted..upto];
        // Stop before an unfinished character unless this is the end.
        let end = match std::str::from_utf8(chunk) {
            Ok(_) => chunk.len(),
            Err(e) if e.error_len().is_none() && !last => e.valid_up_to(),
            Err(_) => chunk.len(),
        };
        let s = String::from_utf8_lossy(&chunk[..end]).into_owned();
        self.emitted += end;
        s
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[derive(Debug, Serialize, Clone, Copy)]
struct Usage {
    prompt_tokens: u64,
    completion_tokens: u64,
    total_tokens: u64,
}

/// Sets its flag when dropped: a generation whose request went away stops at its next token.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs a generation on the blocking pool; pieces of text go to `tx` (when streaming). The slot's
/// `permit` is held by the generation itself, so the slot stays taken until it really ends; when
/// this future is dropped (the client went away) the generation stops at its next token.
async fn run_generation(
    state: &Arc<AppState>,
    job: &Job,
    tx: Option<mpsc::Sender<String>>,
    permit: OwnedSemaphorePermit,
) -> std::result::Result<(String, &'static str, Usage), ApiError> {
    let engine = state.engine.clone();
    let req = job.req.clone();
    let stop = job.stop.clone();
    let cancel = Arc::new(AtomicBool::new(false));
    let _cancel_on_drop = CancelOnDrop(cancel.clone());
    let out = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut text = TextOut::new(stop);
        let mut n = 0usize;
        let mut gone = false;
        let mut made: Vec<u32> = Vec::new();
        let mut sent = 0usize;
        let r = engine.generate(&req, &mut |tok| {
            if cancel.load(Ordering::SeqCst) {
                gone = true;
                return false;
            }
            n += 1;
            made.push(tok);
            // Decoded together (a tokenizer's pieces depend on their neighbours), holding back a
            // trailing replacement character: the next token may complete its bytes.
            let all = engine.decode(&made);
            let complete = all
                .strip_suffix("\u{FFFD}".as_bytes())
                .map_or(all.len(), |c| c.len());
            let new = all.get(sent..complete.max(sent)).unwrap_or_default();
            sent = sent.max(complete);
            let piece = text.push(new);
            if let Some(tx) = &tx
                && !piece.is_empty()
                && tx.blocking_send(piece).is_err()
            {
                gone = true;
                return false;
            }
            !text.done
        });
        let mut rest = String::new();
        if !text.done {
            let all = engine.decode(&made);
            rest = text.push(all.get(sent..).unwrap_or_default());
        }
        rest.push_str(&text.flush());
        if let Some(tx) = &tx
            && !rest.is_empty()
        {
            let _ = tx.blocking_send(rest);
        }
        // A stop sequence, or the model's end of sequence before max_tokens; a model that
        // cannot slide stops early when its context is full (prompt and completion past it):
        // that is a "length" too.
        let full = !engine.slides() && req.prompt.len() + n > engine.context();
        let finish = if text.done || (n < req.max_tokens && !gone && !full) {
            "stop"
        } else {
            "length"
        };
        r.map(|_| (text.text(), finish, n, gone))
    })
    .await
    .map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "generation_panicked",
            e.to_string(),
            None,
        )
    })?;
    let (text, finish, n, _gone) = out.map_err(|e| {
        tracing::warn!(code = %e.code, "generation failed");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "generation_failed",
            "the model failed to generate",
            None,
        )
    })?;
    let prompt_tokens = job.req.prompt.len() as u64;
    let usage = Usage {
        prompt_tokens,
        completion_tokens: n as u64,
        total_tokens: prompt_tokens + n as u64,
    };
    Ok((text, finish, usage))
}

/// Counts a request waiting for a slot until it stops waiting, however it stops (a request
/// dropped while it waits too).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Waits for a generation slot, or refuses when too many are already waiting.
async fn slot(state: &Arc<AppState>) -> std::result::Result<OwnedSemaphorePermit, ApiError> {
    if let Ok(p) = state.slots.clone().try_acquire_owned() {
        return Ok(p);
    }
    let waiting = Waiting(&state.waiting);
    if state.waiting.fetch_add(1, Ordering::SeqCst) >= state.opts.max_queue {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_error",
            "server_busy",
            "the server is busy; retry shortly",
            None,
        ));
    }
    let p = state.slots.clone().acquire_owned().await;
    drop(waiting);
    p.map_err(|_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "server_error",
            "shutting_down",
            "the server is shutting down",
            None,
        )
    })
}

async fn completions(
    State(s): State<Arc<AppState>>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Response {
    handle(s, headers, body, false)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn chat_completions(
    State(s): State<Arc<AppState>>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Response {
    handle(s, headers, body, true)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

fn new_id(chat: bool) -> String {
    format!(
        "{}-{:016x}",
        if chat { "chatcmpl" } else { "cmpl" },
        rand_seed()
    )
}

async fn handle(
    state: Arc<AppState>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
    chat: bool,
) -> std::result::Result<Response, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        ApiError::new(
            status,
            "invalid_request_error",
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                "request_too_large"
            } else {
                "invalid_body"
            },
            format!("{} (the body limit is set by --max-body)", e.body_text()),
            None,
        )
    })?;
    let job = parse_request(&state, &body, chat)?;
    drop(body);
    // From here the reservation must be released whatever happens.
    let guard = reserve(&state, &headers, &job).await?;
    let meta = Meta {
        id: new_id(chat),
        created: crate::usage::now(),
        model: state.opts.model_id.clone(),
    };
    // The slot before any answer: a full server answers 429, streaming or not.
    let permit = slot(&state).await?;
    if !job.stream {
        return complete(&state, &job, guard, &meta, permit).await;
    }
    Ok(stream(state, job, guard, meta, permit))
}

/// What every response and chunk of one request carries.
struct Meta {
    id: String,
    created: u64,
    model: String,
}

/// Admits the request's voucher for its largest cost (with payment on); the returned guard
/// releases the reservation whatever happens next.
async fn reserve(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    job: &Job,
) -> std::result::Result<Charge, ApiError> {
    let max_total = (job.req.prompt.len() + job.req.max_tokens) as u64;
    let reservation = match &state.pay {
        None => None,
        Some(p) => {
            let max_cost = crate::usage::cost(max_total, p.terms.price_per_1k);
            let h = headers
                .get(crate::usage::VOUCHER_HEADER)
                .map(|v| v.to_str().unwrap_or(""));
            Some(p.admit(h, max_cost).await.map_err(ApiError::payment)?)
        }
    };
    Ok(Charge {
        state: state.clone(),
        reservation,
    })
}

/// A whole answer in one JSON document.
async fn complete(
    state: &Arc<AppState>,
    job: &Job,
    guard: Charge,
    meta: &Meta,
    permit: OwnedSemaphorePermit,
) -> std::result::Result<Response, ApiError> {
    let Meta { id, created, model } = meta;
    let (text, finish, usage) = run_generation(state, job, None, permit).await?;
    let charged = guard.finish(usage);
    let mut body = if job.chat {
        json!({"id": id, "object": "chat.completion", "created": created, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
            "usage": usage})
    } else {
        json!({"id": id, "object": "text_completion", "created": created, "model": model,
            "choices": [{"index": 0, "text": text, "logprobs": null, "finish_reason": finish}],
            "usage": usage})
    };
    if let Some(c) = charged {
        body["cohort"] = json!({"charged": c.to_string()});
    }
    Ok(axum::Json(body).into_response())
}

/// Server-sent events: the generation runs in its own task; events go out as they come. When the
/// client goes away the generation stops, charged for what it generated.
fn stream(
    state: Arc<AppState>,
    job: Job,
    guard: Charge,
    meta: Meta,
    permit: OwnedSemaphorePermit,
) -> Response {
    let Meta { id, created, model } = meta;
    let (tx, mut rx) = mpsc::channel::<String>(64);
    let (etx, erx) = mpsc::channel::<std::result::Result<Event, Infallible>>(64);
    let st = state.clone();
    tokio::spawn(async move {
        let chunk = |delta: Value, finish: Value| -> Value {
            if job.chat {
                json!({"id": id, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
            } else {
                json!({"id": id, "object": "text_completion", "created": created, "model": model,
                    "choices": [{"index": 0, "text": delta, "logprobs": null, "finish_reason": finish}]})
            }
        };
        let send = |v: Value| {
            let etx = etx.clone();
            async move {
                etx.send(Ok(Event::default().data(v.to_string())))
                    .await
                    .is_ok()
            }
        };
        if job.chat {
            send(chunk(
                json!({"role": "assistant", "content": ""}),
                Value::Null,
            ))
            .await;
        }
        let gen_job = Job {
            chat: job.chat,
            req: job.req.clone(),
            stop: job.stop.clone(),
            stream: true,
            include_usage: job.include_usage,
        };
        let st2 = st.clone();
        let generation =
            tokio::spawn(async move { run_generation(&st2, &gen_job, Some(tx), permit).await });
        while let Some(piece) = rx.recv().await {
            let delta = if job.chat {
                json!({"content": piece})
            } else {
                json!(piece)
            };
            if !send(chunk(delta, Value::Null)).await {
                // The client went away: the generation's next piece finds no receiver and stops.
                break;
            }
        }
        drop(rx);
        let result = generation.await;
        match result {
            Ok(Ok((_, finish, usage))) => {
                let charged = guard.finish(usage);
                let empty = if job.chat { json!({}) } else { json!("") };
                let mut last = chunk(empty, json!(finish));
                // With `include_usage` the counts come once, in the chunk after this one, as
                // OpenAI sends them (clients that add up every chunk's usage count them once);
                // without it, this chunk carries them.
                last["usage"] = if job.include_usage {
                    Value::Null
                } else {
                    json!(usage)
                };
                if let Some(c) = charged {
                    last["cohort"] = json!({"charged": c.to_string()});
                }
                send(last).await;
                if job.include_usage {
                    let mut u = chunk(Value::Null, Value::Null);
                    u["choices"] = json!([]);
                    u["usage"] = json!(usage);
                    send(u).await;
                }
            }
            Ok(Err(e)) => {
                let _ = etx
                    .send(Ok(Event::default().data(e.body.to_string())))
                    .await;
            }
            Err(_) => {}
        }
        let _ = etx.send(Ok(Event::default().data("[DONE]"))).await;
    });
    let mut erx = erx;
    let stream = futures::stream::poll_fn(move |cx| erx.poll_recv(cx));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// Releases a reservation: charged by [`Charge::finish`], or released uncharged when dropped.
struct Charge {
    state: Arc<AppState>,
    reservation: Option<pay::Reservation>,
}

impl Charge {
    fn finish(mut self, usage: Usage) -> Option<U256> {
        self.state.served.add(&usage);
        let r = self.reservation.take()?;
        let p = self.state.pay.as_ref()?;
        let cost = crate::usage::cost(usage.total_tokens, p.terms.price_per_1k);
        p.finish(r, cost, usage.total_tokens);
        Some(cost)
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        if let (Some(r), Some(p)) = (self.reservation.take(), self.state.pay.as_ref()) {
            p.finish(r, U256::ZERO, 0);
        }
    }
}

async fn models(State(s): State<Arc<AppState>>) -> Response {
    let mut m = json!({"id": s.opts.model_id, "object": "model", "created": 0, "owned_by": "cohort",
        "cohort": {"kind": s.opts.kind, "context": s.engine.context(), "aliases": s.opts.aliases}});
    if let Some(p) = &s.pay {
        m["cohort"]["terms"] = json!(p.terms);
    }
    axum::Json(json!({"object": "list", "data": [m]})).into_response()
}

async fn terms(State(s): State<Arc<AppState>>) -> Response {
    match &s.pay {
        Some(p) => axum::Json(json!({"paid": true, "model": s.opts.model_id, "terms": p.terms}))
            .into_response(),
        None => axum::Json(json!({"paid": false, "model": s.opts.model_id})).into_response(),
    }
}

async fn account(State(s): State<Arc<AppState>>, Path(user): Path<String>) -> Response {
    let Ok(user) = user.parse::<Address>() else {
        return ApiError::bad(
            "invalid_address",
            format!("'{user}' is not an address"),
            Some("user"),
        )
        .into_response();
    };
    match &s.pay {
        Some(p) => {
            let mut v = json!(p.user(user));
            if let Some(b) = p.best_voucher(user) {
                v["voucher"] = json!(b.to_header());
            }
            axum::Json(v).into_response()
        }
        None => ApiError::new(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "free_server",
            "this server is free: it keeps no accounts",
            None,
        )
        .into_response(),
    }
}

async fn stats_handler(State(s): State<Arc<AppState>>) -> Response {
    axum::Json(stats_of(&s)).into_response()
}

/// What a server served and charged since start: `GET /v1/cohort/stats`, `kill -USR1`, and
/// `model serve`'s result when it stops. Every server has `model`, `paid` and `served` (the
/// generations it finished and their prompt and completion tokens); a paid server adds its
/// `totals` and `users`.
#[derive(Debug, Clone, Serialize)]
pub struct ServerStats {
    pub model: String,
    pub paid: bool,
    pub served: ServedCounts,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<pay::Totals>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<pay::UserView>>,
}

impl ServerStats {
    /// The stats of the server of `model` with payments `pay` (none: free) that counts `served`.
    pub fn of(model: &str, pay: Option<&Payments>, served: &Served) -> ServerStats {
        let (users, totals) = match pay.map(|p| p.stats()) {
            Some((users, totals)) => (Some(users), Some(totals)),
            None => (None, None),
        };
        ServerStats {
            model: model.to_string(),
            paid: pay.is_some(),
            served: served.counts(),
            totals,
            users,
        }
    }
}

fn stats_of(s: &AppState) -> ServerStats {
    ServerStats::of(&s.opts.model_id, s.pay.as_deref(), &s.served)
}

/// A known endpoint asked with another method (the `Allow` header names the ones it takes).
async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "invalid_request_error",
        "method_not_allowed",
        format!("{} does not take {method}", uri.path()),
        None,
    )
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        "unknown_url",
        "no such endpoint",
        None,
    )
}

/// A running server.
pub struct Server {
    pub address: SocketAddr,
    state: Arc<AppState>,
}

impl Server {
    /// The JSON stats (`GET /v1/cohort/stats`).
    pub fn stats(&self) -> ServerStats {
        stats_of(&self.state)
    }
}

/// Runs the server until `shutdown` resolves, then settles what is due. `events` gets the
/// listening address, each settlement and failures.
pub async fn run(
    engine: Arc<dyn Engine>,
    opts: ServeOptions,
    pay: Option<Arc<Payments>>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    events: mpsc::UnboundedSender<ServeEvent>,
    progress: Arc<dyn Progress>,
) -> Result<ServerStats> {
    let listener = tokio::net::TcpListener::bind(opts.bind)
        .await
        .map_err(|e| {
            Error::usage("serve.bind", format!("cannot listen on {}: {e}", opts.bind))
                .hint("pick another --port or --bind")
        })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::failed("serve.bind", e.to_string()))?;
    let state = Arc::new(AppState {
        opts: ServeOptionsLite {
            model_id: opts.model_id.clone(),
            aliases: opts.aliases.clone(),
            max_queue: opts.max_queue,
            kind: engine.kind(),
        },
        engine,
        pay: pay.clone(),
        slots: Arc::new(Semaphore::new(opts.max_concurrency.max(1))),
        waiting: AtomicUsize::new(0),
        served: opts.served.clone(),
    });
    let app = Router::new()
        .route("/v1/models", get(models))
        .route("/v1/completions", post(completions))
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/cohort/terms", get(terms))
        .route("/v1/cohort/account/{user}", get(account))
        .route("/v1/cohort/stats", get(stats_handler))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(opts.max_body))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            opts.max_concurrency + opts.max_queue + 64,
        ))
        .with_state(state.clone());
    let _ = events.send(ServeEvent::Listening {
        address: address.to_string(),
        model: opts.model_id.clone(),
        paid: pay.is_some(),
    });
    // Settlement: every `settle_every` vouchers or `settle_interval`.
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let settler = pay.clone().map(|p| {
        let events = events.clone();
        let progress = progress.clone();
        let every = opts.settle_every.max(1);
        let interval = opts.settle_interval;
        tokio::spawn(async move {
            let mut last = tokio::time::Instant::now();
            loop {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(250)) => {}
                    _ = stop_rx.changed() => break,
                }
                if let Err(e) = p.save_vouchers() {
                    tracing::warn!(code = %e.code, "could not save the vouchers");
                }
                if p.unsettled_vouchers() >= every
                    || (last.elapsed() >= interval && p.unsettled_vouchers() > 0)
                {
                    last = tokio::time::Instant::now();
                    settle_round(&p, &events, progress.as_ref()).await;
                }
            }
        })
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| Error::failed("serve.failed", format!("the server failed: {e}")))?;
    let _ = stop_tx.send(true);
    if let Some(t) = settler {
        let _ = t.await;
    }
    if let Some(p) = &pay {
        settle_round(p, &events, progress.as_ref()).await;
        p.save_vouchers()?;
    }
    Ok(stats_of(&state))
}

async fn settle_round(
    p: &Payments,
    events: &mpsc::UnboundedSender<ServeEvent>,
    progress: &dyn Progress,
) {
    let (done, failed) = p.settle_all(progress).await;
    for s in done {
        let _ = events.send(ServeEvent::Settled { settlement: s });
    }
    for (user, e) in failed {
        let _ = events.send(ServeEvent::SettleFailed {
            user: format!("{user:#x}"),
            error: e.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A free server's state around the tiny fixture's random-init checkpoint, with one slot and
    /// `max_queue` places to wait.
    fn state(dir: &std::path::Path, max_queue: usize) -> Arc<AppState> {
        let spec =
            crate::jobspec::JobSpec::load(std::path::Path::new("fixtures/jobs/tiny.toml")).unwrap();
        let p = dir.join("tiny.safetensors");
        crate::jobs::submit::base_model(&spec)
            .unwrap()
            .save(&p)
            .unwrap();
        Arc::new(AppState {
            engine: Arc::new(engine::Builtin::load(&p).unwrap()),
            opts: ServeOptionsLite {
                model_id: "tiny".into(),
                aliases: Vec::new(),
                max_queue,
                kind: "builtin",
            },
            pay: None,
            slots: Arc::new(Semaphore::new(1)),
            waiting: AtomicUsize::new(0),
            served: Arc::default(),
        })
    }

    #[tokio::test]
    async fn a_request_dropped_while_it_waits_leaves_the_queue() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 1);
        let busy = st.slots.clone().try_acquire_owned().unwrap();
        for _ in 0..3 {
            let mut wait = Box::pin(slot(&st));
            assert!(futures::poll!(wait.as_mut()).is_pending());
            assert_eq!(st.waiting.load(Ordering::SeqCst), 1);
            drop(wait);
            assert_eq!(st.waiting.load(Ordering::SeqCst), 0);
        }
        // The queue's one place is free: a request waits (rather than 429) and gets the slot.
        let mut wait = Box::pin(slot(&st));
        assert!(futures::poll!(wait.as_mut()).is_pending());
        drop(busy);
        assert!(wait.await.is_ok());
    }

    #[tokio::test]
    async fn a_full_server_answers_a_stream_429_before_any_event() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let _busy = st.slots.clone().try_acquire_owned().unwrap();
        let body =
            Bytes::from(r#"{"model": "tiny", "prompt": "hi", "max_tokens": 4, "stream": true}"#);
        let r = handle(st.clone(), HeaderMap::new(), Ok(body), false).await;
        let Err(e) = r else {
            panic!("a stream was started on a full server");
        };
        assert_eq!(e.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(e.body["error"]["code"], "server_busy");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_generation_holds_its_slot_and_stops_when_its_request_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let job = parse_request(
            &st,
            &Bytes::from(r#"{"model": "tiny", "prompt": "hi", "max_tokens": 60, "seed": 1}"#),
            false,
        )
        .unwrap();
        // A streaming generation whose pieces nobody reads past the first: it has more to
        // send than its channel holds, so it cannot end before it is read or cancelled.
        // (Seeded: the same pieces every run.)
        let (tx, mut rx) = mpsc::channel::<String>(1);
        let permit = slot(&st).await.unwrap();
        let st2 = st.clone();
        let generation =
            tokio::spawn(async move { run_generation(&st2, &job, Some(tx), permit).await });
        let first = rx.recv().await;
        assert!(first.is_some());
        // While it runs, its slot is taken.
        assert_eq!(
            st.slots.available_permits(),
            0,
            "the generation holds no slot"
        );
        // Once the channel is full the generation is about to block on its next piece (one
        // token of a tiny model away: given ample time to get there).
        while rx.is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        // The request goes away (its future dropped): the blocked generation keeps its slot
        // until it ends, which its closed channel makes it do.
        generation.abort();
        let _ = generation.await;
        assert_eq!(
            st.slots.available_permits(),
            0,
            "the slot was released while its generation still runs"
        );
        drop(rx);
        let again =
            tokio::time::timeout(Duration::from_secs(60), st.slots.clone().acquire_owned()).await;
        assert!(matches!(again, Ok(Ok(_))), "the slot never came back");
    }

    #[test]
    fn text_out_holds_back_stop_prefixes_and_cuts_at_the_stop() {
        let mut t = TextOut::new(vec!["END".into()]);
        let mut out = String::new();
        for b in b"abcENxyEND tail" {
            out.push_str(&t.push(&[*b]));
            if t.done {
                break;
            }
        }
        out.push_str(&t.flush());
        assert_eq!(out, "abcENxy");
        assert_eq!(t.text(), "abcENxy");
    }

    #[test]
    fn text_out_emits_whole_characters() {
        let mut t = TextOut::new(vec![]);
        let bytes = "é!".as_bytes();
        assert_eq!(t.push(&bytes[..1]), "");
        assert_eq!(t.push(&bytes[1..2]), "é");
        assert_eq!(t.push(&bytes[2..]), "!");
    }
}
