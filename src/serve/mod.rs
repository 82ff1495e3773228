//! `cohort model serve`: an OpenAI-compatible HTTP server (axum) for a model, paid per token by
//! signed vouchers ([`pay`], [`crate::usage`]) or free.
//!
//! Endpoints: `GET /v1/models` (and `/v1/models/{id}`), `POST /v1/completions`,
//! `POST /v1/chat/completions` (both with `stream: true` as server-sent events), plus
//! `GET /v1/cohort/terms`, `GET /v1/cohort/account/{user}` and `GET /v1/cohort/stats` for
//! cohort's own clients. A voucher is a bearer credential: the account shows the user's best
//! voucher only to a request signed by the user ([`proof`]), and the stats list the users only
//! to the server's own machine (loopback). Request parameters that would change the answer and that the server does
//! not implement are refused by name (400 `unsupported_parameter`), never ignored.
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
pub mod proof;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use alloy::primitives::{Address, U256};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
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
    /// Settle after this many requests served on vouchers …
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
        if r.unavailable {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "server_error",
                r.code,
                r.message,
                None,
            );
        }
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

/// Seconds a client told the server is unavailable (503: its chain RPC fails, or it is stopping)
/// should wait before retrying.
const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match self.status {
            StatusCode::TOO_MANY_REQUESTS => Some(RETRY_AFTER_SECS),
            StatusCode::SERVICE_UNAVAILABLE => Some(UNAVAILABLE_RETRY_AFTER_SECS),
            _ => None,
        };
        let mut r = (self.status, axum::Json(self.body)).into_response();
        if let Some(secs) = retry_after {
            r.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs),
            );
        }
        r
    }
}

/// A checked request.
struct Job {
    chat: bool,
    req: GenRequest,
    stop: Vec<String>,
    stream: bool,
    include_usage: bool,
    /// Tokens cut from the front of a prompt longer than the context of a model that slides
    /// over it: the model does not read them, and they are not charged.
    prompt_dropped: usize,
    /// The request named no `max_tokens`: its default shrinks to what a paid user's credit
    /// covers (see [`reserve`]) rather than being refused.
    default_max: bool,
}

/// Default completion length of a legacy completion (`/v1/completions`) that names none, as
/// OpenAI's. A chat that names none runs to the end of the model's context (or its end of
/// sequence, or a stop).
const DEFAULT_MAX_TOKENS: u64 = 16;

/// The highest sampling temperature taken (OpenAI's), here and by `cohort model generate`.
pub const MAX_TEMPERATURE: f64 = 2.0;

/// What the server honours of OpenAI's request, for the message of a refused parameter.
const HONOURED: &str = "model, prompt (completions) or messages (chat), max_tokens or \
     max_completion_tokens, min_tokens, temperature, top_p, stop, seed, n = 1, stream and \
     stream_options.include_usage";

/// The roles a chat message may have.
const ROLES: &str = "system, developer, user, assistant or tool";

/// A JSON value's type, in words.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A field of the wrong type: names the field, what it takes and what came.
fn wrong_type(field: &str, expected: &str, got: &Value) -> ApiError {
    ApiError::bad(
        "invalid_type",
        format!(
            "invalid type for '{field}': expected {expected}, got {}",
            kind_of(got)
        ),
        Some(field),
    )
}

/// A parameter the server does not implement, with a value that would change the answer.
fn unsupported(param: &str, what: impl std::fmt::Display) -> ApiError {
    ApiError::bad(
        "unsupported_parameter",
        format!(
            "{what} is not supported by this server: leave '{param}' out (or at its default); \
             the server honours {HONOURED}"
        ),
        Some(param),
    )
}

/// The request's JSON object, read field by field with errors in plain words. A field set to
/// null counts as left out, as OpenAI takes it.
struct Fields<'a>(&'a serde_json::Map<String, Value>);

impl<'a> Fields<'a> {
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.0.get(k).filter(|v| !v.is_null())
    }

    fn string(&self, k: &str) -> std::result::Result<Option<&'a str>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(wrong_type(k, "a string", v)),
        }
    }

    fn uint(&self, k: &str) -> std::result::Result<Option<u64>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| wrong_type(k, "a non-negative integer", v)),
        }
    }

    fn int(&self, k: &str) -> std::result::Result<Option<i64>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| wrong_type(k, "an integer", v)),
        }
    }

    fn number(&self, k: &str) -> std::result::Result<Option<f64>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| wrong_type(k, "a number", v)),
        }
    }

    fn boolean(&self, k: &str) -> std::result::Result<Option<bool>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(wrong_type(k, "true or false", v)),
        }
    }

    /// A list field (`tools`, `functions`) that must be empty.
    fn empty_list(&self, k: &str, what: &str) -> std::result::Result<(), ApiError> {
        match self.get(k) {
            None => Ok(()),
            Some(Value::Array(a)) if a.is_empty() => Ok(()),
            Some(Value::Array(_)) => Err(unsupported(k, what)),
            Some(v) => Err(wrong_type(k, "an array", v)),
        }
    }

    /// `tool_choice`/`function_call`: "none" and "auto" (with no tools) change nothing.
    fn no_tool_required(&self, k: &str) -> std::result::Result<(), ApiError> {
        match self.get(k) {
            None => Ok(()),
            Some(Value::String(s)) if s == "none" || s == "auto" => Ok(()),
            Some(Value::String(s)) => {
                Err(unsupported(k, format!("'{k}' \"{s}\" (function calling)")))
            }
            Some(Value::Object(_)) => Err(unsupported(
                k,
                format!("'{k}' naming a function (function calling)"),
            )),
            Some(v) => Err(wrong_type(k, "\"none\", \"auto\" or an object", v)),
        }
    }
}

/// Refuses the parameters the server does not implement when they would change the answer
/// (OpenAI's and vLLM's); harmless ones (`user`, `metadata`, `store`, `service_tier`…) and
/// unknown fields pass.
fn refuse_unsupported(f: &Fields, chat: bool) -> std::result::Result<(), ApiError> {
    for k in ["presence_penalty", "frequency_penalty", "min_p"] {
        if let Some(x) = f.number(k)?
            && x != 0.0
        {
            return Err(unsupported(k, format!("'{k}' {x} (only 0)")));
        }
    }
    if let Some(x) = f.number("repetition_penalty")?
        && x != 1.0
    {
        return Err(unsupported(
            "repetition_penalty",
            format!("'repetition_penalty' {x} (only 1)"),
        ));
    }
    if let Some(x) = f.int("top_k")?
        && x > 0
    {
        return Err(unsupported("top_k", format!("'top_k' {x} (use top_p)")));
    }
    match f.get("logit_bias") {
        None => {}
        Some(Value::Object(m)) if m.is_empty() => {}
        Some(Value::Object(_)) => return Err(unsupported("logit_bias", "'logit_bias'")),
        Some(v) => {
            return Err(wrong_type(
                "logit_bias",
                "an object of token ids to biases",
                v,
            ));
        }
    }
    if let Some(n) = f.uint("n")?
        && n != 1
    {
        return Err(unsupported(
            "n",
            format!("n = {n} (one choice per request)"),
        ));
    }
    if chat {
        if f.boolean("logprobs")? == Some(true) {
            return Err(unsupported("logprobs", "'logprobs'"));
        }
        if f.uint("top_logprobs")?.is_some_and(|n| n > 0) {
            return Err(unsupported("top_logprobs", "'top_logprobs'"));
        }
        match f.get("response_format") {
            None => {}
            Some(Value::Object(o)) => match o.get("type") {
                Some(Value::String(t)) if t == "text" => {}
                Some(Value::String(t)) => {
                    return Err(unsupported(
                        "response_format",
                        format!("'response_format' of type \"{t}\" (only \"text\")"),
                    ));
                }
                Some(v) => return Err(wrong_type("response_format.type", "a string", v)),
                None => {
                    return Err(ApiError::bad(
                        "missing_required_parameter",
                        "'response_format' needs a 'type': {\"type\": \"text\"} is the one supported",
                        Some("response_format.type"),
                    ));
                }
            },
            Some(v) => return Err(wrong_type("response_format", "an object", v)),
        }
        f.empty_list("tools", "'tools' (function calling)")?;
        f.empty_list("functions", "'functions' (function calling)")?;
        f.no_tool_required("tool_choice")?;
        f.no_tool_required("function_call")?;
        match f.get("modalities") {
            None => {}
            Some(Value::Array(a)) => {
                if let Some(m) = a.iter().find(|m| m.as_str() != Some("text")) {
                    return Err(unsupported(
                        "modalities",
                        format!("the output modality {m} (only \"text\")"),
                    ));
                }
            }
            Some(v) => return Err(wrong_type("modalities", "an array of strings", v)),
        }
        for k in ["audio", "web_search_options"] {
            if f.get(k).is_some() {
                return Err(unsupported(k, format!("'{k}'")));
            }
        }
    } else {
        if f.boolean("echo")? == Some(true) {
            return Err(unsupported("echo", "'echo'"));
        }
        match f.get("logprobs") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Number(_)) | Some(Value::Bool(true)) => {
                return Err(unsupported("logprobs", "'logprobs'"));
            }
            Some(v) => return Err(wrong_type("logprobs", "an integer", v)),
        }
        if let Some(n) = f.uint("best_of")?
            && n > 1
        {
            return Err(unsupported("best_of", format!("best_of = {n}")));
        }
        if f.string("suffix")?.is_some_and(|s| !s.is_empty()) {
            return Err(unsupported("suffix", "'suffix' (insertion)"));
        }
    }
    Ok(())
}

/// The chat's messages: each an object with a role of [`ROLES`] and content as a string, an
/// array of text parts (joined by newlines, as vLLM does), or none for an assistant's turn.
fn chat_messages(v: &Value) -> std::result::Result<Vec<ChatMessage>, ApiError> {
    let Value::Array(items) = v else {
        return Err(wrong_type("messages", "an array of messages", v));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, m) in items.iter().enumerate() {
        let at = format!("messages[{i}]");
        let Value::Object(o) = m else {
            return Err(wrong_type(
                &at,
                "a message: an object with 'role' and 'content'",
                m,
            ));
        };
        let role = match o.get("role") {
            Some(Value::String(r)) => r.as_str(),
            None | Some(Value::Null) => {
                return Err(ApiError::bad(
                    "missing_required_parameter",
                    format!("'{at}.role' is missing: a message's role is one of {ROLES}"),
                    Some(&format!("{at}.role")),
                ));
            }
            Some(v) => return Err(wrong_type(&format!("{at}.role"), "a string", v)),
        };
        let role = match role {
            "system" | "user" | "assistant" | "tool" => role,
            // OpenAI's newer name for the system message.
            "developer" => "system",
            other => {
                return Err(ApiError::bad(
                    "invalid_role",
                    format!("'{at}.role' is \"{other}\": a message's role is one of {ROLES}"),
                    Some(&format!("{at}.role")),
                ));
            }
        };
        let field = format!("{at}.content");
        let content = match o.get("content") {
            None | Some(Value::Null) if role == "assistant" => String::new(),
            None | Some(Value::Null) => {
                return Err(ApiError::bad(
                    "missing_required_parameter",
                    format!(
                        "'{field}' is missing: a {role} message needs its text (only an \
                         assistant's message may have none)"
                    ),
                    Some(&field),
                ));
            }
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(parts)) => {
                let mut texts = Vec::with_capacity(parts.len());
                for (j, p) in parts.iter().enumerate() {
                    let pat = format!("{field}[{j}]");
                    let kind = p.get("type").and_then(Value::as_str);
                    match (kind, p.get("text")) {
                        (Some("text"), Some(Value::String(t))) => texts.push(t.as_str()),
                        (Some("text"), other) => {
                            return Err(wrong_type(
                                &format!("{pat}.text"),
                                "a string",
                                other.unwrap_or(&Value::Null),
                            ));
                        }
                        (Some(t), _) => {
                            return Err(ApiError::bad(
                                "unsupported_content",
                                format!(
                                    "'{pat}' is a \"{t}\" part: this server's models read text \
                                     only; send the content as a string or as text parts \
                                     ({{\"type\": \"text\", \"text\": …}})"
                                ),
                                Some(&pat),
                            ));
                        }
                        (None, _) => {
                            return Err(wrong_type(
                                &pat,
                                "a content part: an object with a 'type' (\"text\")",
                                p,
                            ));
                        }
                    }
                }
                texts.join("\n")
            }
            Some(v) => {
                return Err(wrong_type(&field, "a string or an array of text parts", v));
            }
        };
        out.push(ChatMessage {
            role: role.to_string(),
            content,
        });
    }
    Ok(out)
}

/// A completion's prompt as the engine's tokens: a string, an array of one string, or token ids
/// (an array of integers, or an array of one such array) within the model's vocabulary.
fn prompt_tokens(
    engine: &dyn Engine,
    v: Option<&Value>,
) -> std::result::Result<Vec<u32>, ApiError> {
    const FORMS: &str = "a string, an array of one string, or an array of token ids";
    let one = || {
        ApiError::bad(
            "unsupported_prompt",
            "send one prompt per request (an array of several prompts is a batch, which this \
             server does not take)",
            Some("prompt"),
        )
    };
    let ids = |a: &[Value]| -> std::result::Result<Vec<u32>, ApiError> {
        let vocab = engine.vocab() as u64;
        a.iter()
            .map(|t| match t.as_u64() {
                Some(id) if id < vocab => Ok(id as u32),
                Some(id) => Err(ApiError::bad(
                    "invalid_token",
                    format!(
                        "'prompt' holds the token id {id}, outside the model's vocabulary of \
                         {vocab} tokens (0 to {}): send ids of this model's tokenizer, or text",
                        vocab.saturating_sub(1)
                    ),
                    Some("prompt"),
                )),
                None => Err(wrong_type("prompt", FORMS, &Value::Array(a.to_vec()))),
            })
            .collect()
    };
    match v {
        None => Ok(engine.encode("")),
        Some(Value::String(s)) => Ok(engine.encode(s)),
        Some(Value::Array(a)) => match a.as_slice() {
            [] => Err(one()),
            [Value::String(s)] => Ok(engine.encode(s)),
            [Value::Array(inner)] => ids(inner),
            [Value::String(_), ..] | [Value::Array(_), ..] => Err(one()),
            _ => ids(a),
        },
        Some(other) => Err(wrong_type("prompt", FORMS, other)),
    }
}

fn parse_request(state: &AppState, body: &Bytes, chat: bool) -> std::result::Result<Job, ApiError> {
    let doc: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad(
            "invalid_json",
            format!("the request body is not valid JSON: {e}"),
            None,
        )
    })?;
    let Value::Object(obj) = &doc else {
        return Err(ApiError::bad(
            "invalid_type",
            format!(
                "the request body must be a JSON object with the request's fields, got {}",
                kind_of(&doc)
            ),
            None,
        ));
    };
    let f = Fields(obj);
    let Some(model) = f.string("model")? else {
        return Err(ApiError::bad(
            "missing_required_parameter",
            format!(
                "the request names no 'model': this server serves '{}'",
                state.opts.model_id
            ),
            Some("model"),
        ));
    };
    if !state.model_matches(model) {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "model_not_found",
            format!(
                "the model '{model}' does not exist here; this server serves '{}'",
                state.opts.model_id
            ),
            Some("model"),
        ));
    }
    refuse_unsupported(&f, chat)?;
    let mut tokens = if chat {
        let messages = match f.get("messages") {
            None => Vec::new(),
            Some(v) => chat_messages(v)?,
        };
        if messages.is_empty() {
            return Err(ApiError::bad(
                "missing_messages",
                "'messages' must be a non-empty array",
                Some("messages"),
            ));
        }
        state.engine.chat_tokens(&messages).map_err(|why| {
            ApiError::bad(
                "invalid_messages",
                format!("the chat cannot be rendered with the model's template: {why}"),
                Some("messages"),
            )
        })?
    } else {
        prompt_tokens(state.engine.as_ref(), f.get("prompt"))?
    };
    let context = state.engine.context() as u64;
    let mut prompt_dropped = 0;
    if state.engine.slides() {
        // The model reads only the end of a prompt longer than its context: the rest is cut
        // here, so that it is neither reserved nor charged nor counted.
        prompt_dropped = tokens.len() - state.engine.prompt_read(tokens.len());
        tokens.drain(..prompt_dropped);
    } else {
        // A model that cannot slide over its context refuses what does not fit before
        // generating (nothing is charged), as OpenAI and vLLM do.
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
    let named = match f.uint("max_completion_tokens")? {
        Some(m) => Some(m),
        None => f.uint("max_tokens")?,
    };
    let default_max = named.is_none();
    let max_tokens = named.unwrap_or(if chat {
        // OpenAI's chat has no default length: the answer runs until the model ends it or the
        // context is full.
        context.saturating_sub(tokens.len() as u64).max(1)
    } else {
        DEFAULT_MAX_TOKENS.min(context)
    });
    if max_tokens == 0 {
        return Err(ApiError::bad(
            "invalid_max_tokens",
            "max_tokens must be at least 1",
            Some("max_tokens"),
        ));
    }
    if max_tokens > context {
        return Err(ApiError::bad(
            "context_length_exceeded",
            format!(
                "max_tokens {max_tokens} is outside 1..={context} (the model's context is {context} tokens)"
            ),
            Some("max_tokens"),
        ));
    }
    let min_tokens = f.uint("min_tokens")?.unwrap_or(0);
    if min_tokens > max_tokens {
        let max = if default_max {
            format!("the {max_tokens} tokens the answer may have (max_tokens left out)")
        } else {
            format!("max_tokens {max_tokens}")
        };
        return Err(ApiError::bad(
            "invalid_min_tokens",
            format!("min_tokens {min_tokens} is more than {max}"),
            Some("min_tokens"),
        ));
    }
    let temperature = f.number("temperature")?.unwrap_or(1.0);
    if !(0.0..=MAX_TEMPERATURE).contains(&temperature) {
        return Err(ApiError::bad(
            "invalid_temperature",
            "temperature must be between 0 and 2",
            Some("temperature"),
        ));
    }
    let top_p = f.number("top_p")?.unwrap_or(1.0);
    if !(top_p > 0.0 && top_p <= 1.0) {
        return Err(ApiError::bad(
            "invalid_top_p",
            "top_p must be in (0, 1]",
            Some("top_p"),
        ));
    }
    const STOP: &str = "a string or an array of up to 4 strings";
    let stop = match f.get("stop") {
        None => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .map(|s| {
                s.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| wrong_type("stop", STOP, &Value::Array(a.clone())))
            })
            .collect::<std::result::Result<_, _>>()?,
        Some(v) => return Err(wrong_type("stop", STOP, v)),
    };
    if stop.len() > 4 || stop.iter().any(|s| s.is_empty() || s.len() > 256) {
        return Err(ApiError::bad(
            "invalid_stop",
            "stop takes up to 4 non-empty strings of at most 256 bytes",
            Some("stop"),
        ));
    }
    let seed = seed_of(f.get("seed"))?.unwrap_or_else(rand_seed);
    let stream = f.boolean("stream")?.unwrap_or(false);
    let include_usage = match f.get("stream_options") {
        None => false,
        Some(Value::Object(o)) => match o.get("include_usage") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                return Err(wrong_type(
                    "stream_options.include_usage",
                    "true or false",
                    v,
                ));
            }
        },
        Some(v) => return Err(wrong_type("stream_options", "an object", v)),
    };
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
        stream,
        include_usage,
        prompt_dropped,
        default_max,
    })
}

/// A seed: any 64-bit integer, signed as OpenAI takes it (a negative one maps to its two's
/// complement) or not.
fn seed_of(v: Option<&Value>) -> std::result::Result<Option<u64>, ApiError> {
    match v {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .or_else(|| v.as_i64().map(|i| i as u64))
            .map(Some)
            .ok_or_else(|| wrong_type("seed", "an integer", v)),
    }
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
    let mut job = parse_request(&state, &body, chat)?;
    drop(body);
    // From here the reservation must be released whatever happens.
    let guard = reserve(&state, &headers, &mut job).await?;
    let meta = Meta {
        id: new_id(chat),
        created: crate::usage::now(),
        model: state.opts.model_id.clone(),
    };
    // The slot before any answer: a full server answers 429, streaming or not. (Refused here,
    // the request is not served: its reservation is released uncounted.)
    let permit = slot(&state).await?;
    let dropped = job.prompt_dropped;
    let mut r = if !job.stream {
        complete(&state, &job, guard, &meta, permit).await?
    } else {
        stream(state, job, guard, meta, permit)
    };
    if dropped > 0 {
        r.headers_mut().insert(
            PROMPT_DROPPED_HEADER,
            axum::http::HeaderValue::from(dropped),
        );
    }
    Ok(r)
}

/// The response header that says how many tokens were cut from the front of a prompt longer
/// than the builtin model's context (not read, not charged); absent when none were.
pub const PROMPT_DROPPED_HEADER: &str = "x-cohort-prompt-dropped";

/// What every response and chunk of one request carries.
struct Meta {
    id: String,
    created: u64,
    model: String,
}

/// Admits the request's voucher for its largest cost (with payment on); the returned guard
/// releases the reservation whatever happens next. A request that named no `max_tokens` has its
/// default cut to what the user's credit covers (at least one token, and `min_tokens`), so that
/// a default never refuses a request the user can pay for.
async fn reserve(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    job: &mut Job,
) -> std::result::Result<Charge, ApiError> {
    let reservation = match &state.pay {
        None => None,
        Some(p) => {
            let ask = pay::Ask {
                prompt: job.req.prompt.len() as u64,
                max_tokens: job.req.max_tokens as u64,
                least: job
                    .default_max
                    .then_some((job.req.min_tokens as u64).max(1)),
            };
            let h = voucher_of(headers);
            let r = p.admit(h, &ask).await.map_err(ApiError::payment)?;
            job.req.max_tokens = r.max_tokens as usize;
            Some(r)
        }
    };
    Ok(Charge {
        state: state.clone(),
        reservation,
    })
}

/// The request's voucher: the `X-Cohort-Voucher` header, else the bearer token of
/// `Authorization` when it holds a voucher (what an OpenAI client sends as its API key; another
/// key, such as a placeholder beside the header, counts as none).
fn voucher_of(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(crate::usage::VOUCHER_HEADER) {
        return Some(v.to_str().unwrap_or(""));
    }
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| t.starts_with('{'))
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
        body["cohort"]["charged"] = json!(c.to_string());
    }
    if job.prompt_dropped > 0 {
        body["cohort"]["prompt_tokens_dropped"] = json!(job.prompt_dropped);
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
        // As OpenAI streams: with `include_usage` every chunk has `"usage": null` and the counts
        // come once, in a last chunk with no choices (clients that add up every chunk's usage
        // count them once); without it no chunk has `usage`.
        let chunk = |delta: Value, finish: Value| -> Value {
            let mut c = if job.chat {
                json!({"id": id, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
            } else {
                json!({"id": id, "object": "text_completion", "created": created, "model": model,
                    "choices": [{"index": 0, "text": delta, "logprobs": null, "finish_reason": finish}]})
            };
            if job.include_usage {
                c["usage"] = Value::Null;
            }
            c
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
            prompt_dropped: job.prompt_dropped,
            default_max: job.default_max,
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
                if let Some(c) = charged {
                    last["cohort"]["charged"] = json!(c.to_string());
                }
                if job.prompt_dropped > 0 {
                    last["cohort"]["prompt_tokens_dropped"] = json!(job.prompt_dropped);
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

/// Releases a reservation: charged by [`Charge::finish`] (a served request), or released
/// uncharged and uncounted when dropped (a request refused or failed before it was served).
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
        p.finish(r, Some((cost, usage.total_tokens)));
        Some(cost)
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        if let (Some(r), Some(p)) = (self.reservation.take(), self.state.pay.as_ref()) {
            p.finish(r, None);
        }
    }
}

/// The served model's object, as `GET /v1/models` lists it.
fn model_object(s: &AppState) -> Value {
    let mut m = json!({"id": s.opts.model_id, "object": "model", "created": 0, "owned_by": "cohort",
        "cohort": {"kind": s.opts.kind, "context": s.engine.context(), "aliases": s.opts.aliases}});
    if let Some(p) = &s.pay {
        m["cohort"]["terms"] = json!(p.terms);
    }
    m
}

async fn models(State(s): State<Arc<AppState>>) -> Response {
    axum::Json(json!({"object": "list", "data": [model_object(&s)]})).into_response()
}

/// `GET /v1/models/{id}`: the model's object when `id` is its id or an alias, else a 404.
async fn model_by_id(State(s): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    if s.model_matches(&id) {
        return axum::Json(model_object(&s)).into_response();
    }
    ApiError::new(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        "model_not_found",
        format!(
            "the model '{id}' does not exist here; this server serves '{}'",
            s.opts.model_id
        ),
        Some("model"),
    )
    .into_response()
}

async fn terms(State(s): State<Arc<AppState>>) -> Response {
    match &s.pay {
        Some(p) => axum::Json(json!({"paid": true, "model": s.opts.model_id, "terms": p.terms}))
            .into_response(),
        None => axum::Json(json!({"paid": false, "model": s.opts.model_id})).into_response(),
    }
}

/// `GET /v1/cohort/account/{user}`: the user's numbers; with a valid [`proof`] of the user's key
/// (the `X-Cohort-Account-Proof` header) also the best voucher the user signed here, which
/// anyone could spend. A request without the header gets the numbers alone; one with a bad proof
/// a 401 naming the problem.
async fn account(
    State(s): State<Arc<AppState>>,
    Path(user): Path<String>,
    headers: HeaderMap,
) -> Response {
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
            if let Some(h) = headers.get(proof::HEADER) {
                let checked = h
                    .to_str()
                    .map_err(|_| format!("the {} header is not text", proof::HEADER))
                    .and_then(|h| proof::check(h, p.terms.provider, user, crate::usage::now()));
                if let Err(why) = checked {
                    return ApiError::new(
                        StatusCode::UNAUTHORIZED,
                        "authentication_error",
                        "account_proof_invalid",
                        why,
                        None,
                    )
                    .into_response();
                }
                if let Some(b) = p.best_voucher(user) {
                    v["voucher"] = json!(b.to_header());
                }
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

/// `GET /v1/cohort/stats`: each user's numbers only for a request from the server's own machine
/// (loopback); from elsewhere the totals without the users (who pays here is the provider's to
/// know, and a user's address is what their account is asked by).
async fn stats_handler(
    State(s): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    let mut stats = stats_of(&s);
    if !peer.ip().to_canonical().is_loopback() {
        stats.users = None;
    }
    axum::Json(stats).into_response()
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
        .route("/v1/models/{id}", get(model_by_id))
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
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
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

    /// [`state`] with payments on a chain that is never reached (nothing here reads it).
    fn paid_state(dir: &std::path::Path) -> Arc<AppState> {
        use alloy::providers::{Provider, ProviderBuilder};
        let free = state(dir, 0);
        let chain = crate::chain::Chain {
            provider: ProviderBuilder::new()
                .connect_http("http://127.0.0.1:9".parse().unwrap())
                .erased(),
            rpc_url: "http://127.0.0.1:9".into(),
            chain_id: 31337,
        };
        let signer = chain
            .with_signer(crate::devnet::dev_signer(9).unwrap())
            .unwrap();
        let terms = Terms {
            ledger: Address::repeat_byte(1),
            chain_id: 31337,
            token: Address::repeat_byte(2),
            provider: signer.address,
            asset: Address::ZERO,
            asset_symbol: "ETH".into(),
            asset_decimals: 18,
            price_per_1k: U256::from(1u8),
            min_validity_secs: 0,
        };
        let ledger = crate::chain::contract::Contract::at(chain, terms.ledger);
        Arc::new(AppState {
            engine: free.engine.clone(),
            opts: ServeOptionsLite {
                model_id: "tiny".into(),
                aliases: Vec::new(),
                max_queue: 0,
                kind: "builtin",
            },
            pay: Some(Arc::new(Payments::new(terms, ledger, signer, None))),
            slots: Arc::new(Semaphore::new(1)),
            waiting: AtomicUsize::new(0),
            served: Arc::default(),
        })
    }

    async fn body_of(r: Response) -> (StatusCode, Value) {
        let status = r.status();
        let b = axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&b).unwrap())
    }

    #[tokio::test]
    async fn the_stats_list_the_users_only_to_the_servers_own_machine() {
        let dir = tempfile::tempdir().unwrap();
        let st = paid_state(dir.path());
        for (peer, users) in [
            ("127.0.0.1:5000", true),
            ("[::1]:5000", true),
            ("[::ffff:127.0.0.1]:5000", true),
            ("192.0.2.7:5000", false),
            ("[2001:db8::7]:5000", false),
            ("[::ffff:192.0.2.7]:5000", false),
        ] {
            let peer: SocketAddr = peer.parse().unwrap();
            let (status, v) =
                body_of(stats_handler(State(st.clone()), ConnectInfo(peer)).await).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(v.get("users").is_some(), users, "{peer}: {v}");
            assert!(v.get("totals").is_some(), "{peer}: {v}");
        }
    }

    #[tokio::test]
    async fn an_account_asked_with_a_bad_proof_is_a_401_and_without_one_has_no_voucher() {
        let dir = tempfile::tempdir().unwrap();
        let st = paid_state(dir.path());
        let provider = st.pay.as_ref().unwrap().terms.provider;
        let user = crate::devnet::dev_signer(6).unwrap();
        let addr = user.address();
        let ask = |proof: Option<String>| {
            let st = st.clone();
            let mut h = HeaderMap::new();
            if let Some(p) = proof {
                h.insert(proof::HEADER, p.parse().unwrap());
            }
            async move { body_of(account(State(st), Path(addr.to_string()), h).await).await }
        };
        let (status, v) = ask(None).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert!(
            v.get("voucher").is_none() && v.get("spent").is_some(),
            "{v}"
        );
        let forged = proof::sign(
            &crate::devnet::dev_signer(7).unwrap(),
            provider,
            crate::usage::now(),
        )
        .unwrap();
        let old = proof::sign(&user, provider, crate::usage::now() - 3600).unwrap();
        for bad in [forged, old, "nonsense".to_string()] {
            let (status, v) = ask(Some(bad.clone())).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{bad}: {v}");
            assert_eq!(v["error"]["code"], "account_proof_invalid", "{v}");
        }
        let good = proof::sign(&user, provider, crate::usage::now()).unwrap();
        assert_eq!(ask(Some(good)).await.0, StatusCode::OK);
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

    /// `parse_request` on `body` for the chat endpoint or not: the job, or the error's status,
    /// code, param and message.
    fn parse(
        st: &AppState,
        chat: bool,
        body: Value,
    ) -> std::result::Result<Job, (u16, String, Value, String)> {
        parse_request(st, &Bytes::from(body.to_string()), chat).map_err(|e| {
            let err = &e.body["error"];
            (
                e.status.as_u16(),
                err["code"].as_str().unwrap_or_default().to_string(),
                err["param"].clone(),
                err["message"].as_str().unwrap_or_default().to_string(),
            )
        })
    }

    #[test]
    fn parameters_that_change_the_answer_are_refused_by_name_and_harmless_ones_pass() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let chat = |k: &str, v: Value| {
            let mut b = json!({"model": "tiny", "messages": [{"role": "user", "content": "hi"}]});
            b[k] = v;
            b
        };
        for (k, v) in [
            ("presence_penalty", json!(2)),
            ("frequency_penalty", json!(0.5)),
            ("logprobs", json!(true)),
            ("top_logprobs", json!(3)),
            ("logit_bias", json!({"85": -100})),
            ("response_format", json!({"type": "json_schema"})),
            ("tools", json!([{"type": "function"}])),
            ("tool_choice", json!("required")),
            ("n", json!(2)),
        ] {
            let (status, code, param, msg) = parse(&st, true, chat(k, v)).err().unwrap();
            assert_eq!(
                (status, code.as_str()),
                (400, "unsupported_parameter"),
                "{k}"
            );
            assert_eq!(param, json!(k));
            assert!(msg.contains(k) && msg.contains("top_p"), "{msg}");
        }
        for (k, v) in [
            ("echo", json!(true)),
            ("logprobs", json!(0)),
            ("best_of", json!(2)),
            ("suffix", json!("x")),
        ] {
            let mut b = json!({"model": "tiny", "prompt": "hi"});
            b[k] = v;
            let (status, code, param, _) = parse(&st, false, b).err().unwrap();
            assert_eq!(
                (status, code.as_str(), param),
                (400, "unsupported_parameter", json!(k))
            );
        }
        for (k, v) in [
            ("user", json!("u")),
            ("metadata", json!({"a": "b"})),
            ("store", json!(true)),
            ("tool_choice", json!("auto")),
            ("presence_penalty", json!(0)),
            ("response_format", json!({"type": "text"})),
            ("brand_new_field", json!({"x": 1})),
            ("stream", Value::Null),
            ("max_tokens", Value::Null),
        ] {
            assert!(parse(&st, true, chat(k, v)).is_ok(), "{k}");
        }
    }

    #[test]
    fn content_parts_roles_seeds_and_token_ids_are_read_or_named() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let msgs = |m: Value| json!({"model": "tiny", "messages": m});
        let a = parse(
            &st,
            true,
            msgs(json!([{"role": "user", "content": "a\nb"}])),
        )
        .unwrap();
        let b = parse(
            &st,
            true,
            msgs(
                json!([{"role": "user", "content": [{"type": "text", "text": "a"},
                {"type": "text", "text": "b"}]}]),
            ),
        )
        .unwrap();
        assert_eq!(a.req.prompt, b.req.prompt);
        let with_null = msgs(json!([{"role": "user", "content": "x"},
            {"role": "assistant", "content": null}, {"role": "user", "content": "y"}]));
        assert!(parse(&st, true, with_null).is_ok());
        let (_, code, param, msg) = parse(
            &st,
            true,
            msgs(
                json!([{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]),
            ),
        )
        .err()
        .unwrap();
        assert_eq!(
            (code.as_str(), param),
            ("unsupported_content", json!("messages[0].content[0]"))
        );
        assert!(msg.contains("input_audio"), "{msg}");
        let (_, code, _, msg) = parse(&st, true, msgs(json!([{"role": "wizard", "content": "x"}])))
            .err()
            .unwrap();
        assert_eq!(code, "invalid_role");
        assert!(msg.contains("wizard"), "{msg}");
        let (_, code, _, _) = parse(&st, true, msgs(json!([{"role": "user", "content": null}])))
            .err()
            .unwrap();
        assert_eq!(code, "missing_required_parameter");

        let seeded = |s: Value| {
            parse(
                &st,
                false,
                json!({"model": "tiny", "prompt": "x", "seed": s}),
            )
        };
        assert_eq!(seeded(json!(-1)).unwrap().req.seed, u64::MAX);
        assert_eq!(seeded(json!(-2)).unwrap().req.seed, u64::MAX - 1);
        let (_, code, param, msg) = seeded(json!("7")).err().unwrap();
        assert_eq!((code.as_str(), param), ("invalid_type", json!("seed")));
        assert_eq!(
            msg,
            "invalid type for 'seed': expected an integer, got a string"
        );

        let ids = parse(&st, false, json!({"model": "tiny", "prompt": [104, 105]})).ok();
        assert_eq!(ids.unwrap().req.prompt, vec![104, 105]);
        let (_, code, _, _) = parse(&st, false, json!({"model": "tiny", "prompt": [256]}))
            .err()
            .unwrap();
        assert_eq!(code, "invalid_token");
        let (_, code, _, msg) = parse(
            &st,
            false,
            json!({"model": "tiny", "prompt": {"text": "x"}}),
        )
        .err()
        .unwrap();
        assert_eq!(code, "invalid_type");
        assert!(msg.contains("'prompt'") && !msg.contains("enum"), "{msg}");
    }

    #[test]
    fn a_prompt_past_the_builtin_context_is_cut_to_what_the_model_reads() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let context = st.engine.context();
        let long: String = (0..context * 5)
            .map(|i| (b'a' + (i % 26) as u8) as char)
            .collect();
        let job = parse(&st, false, json!({"model": "tiny", "prompt": long}))
            .ok()
            .unwrap();
        let read = decode::window_len(context);
        assert_eq!(job.req.prompt.len(), read);
        assert_eq!(job.prompt_dropped, long.len() - read);
        assert_eq!(job.req.prompt, st.engine.encode(&long[long.len() - read..]));
        // One that fits is read whole.
        let fits: String = long[..context].to_string();
        let job = parse(&st, false, json!({"model": "tiny", "prompt": fits}))
            .ok()
            .unwrap();
        assert_eq!((job.req.prompt.len(), job.prompt_dropped), (context, 0));
    }

    #[test]
    fn a_chat_without_max_tokens_may_fill_the_context_and_a_completion_takes_16() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(dir.path(), 0);
        let context = st.engine.context();
        let chat = |m: Value| {
            let mut b = json!({"model": "tiny", "messages": [{"role": "user", "content": "hi"}]});
            for (k, v) in m.as_object().unwrap() {
                b[k] = v.clone();
            }
            parse(&st, true, b)
        };
        let job = chat(json!({})).ok().unwrap();
        let prompt = job.req.prompt.len();
        assert_eq!(
            (job.req.max_tokens, job.default_max),
            (context - prompt, true)
        );
        let job = chat(json!({"max_tokens": 5})).ok().unwrap();
        assert_eq!((job.req.max_tokens, job.default_max), (5, false));
        let job = chat(json!({"max_completion_tokens": 6, "max_tokens": 5}))
            .ok()
            .unwrap();
        assert_eq!((job.req.max_tokens, job.default_max), (6, false));
        // A prompt that fills the context leaves one token.
        let full = "x".repeat(context - "user: \nassistant: ".len());
        let job = chat(json!({"messages": [{"role": "user", "content": full}]}))
            .ok()
            .unwrap();
        assert_eq!((job.req.prompt.len(), job.req.max_tokens), (context, 1));
        // min_tokens past the default names it as such.
        let (_, code, _, msg) = chat(json!({"min_tokens": context})).err().unwrap();
        assert_eq!(code, "invalid_min_tokens");
        assert!(msg.contains("max_tokens left out"), "{msg}");
        let job = parse(&st, false, json!({"model": "tiny", "prompt": "hi"}))
            .ok()
            .unwrap();
        assert_eq!(
            (job.req.max_tokens, job.default_max),
            (DEFAULT_MAX_TOKENS as usize, true)
        );
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
