//! The node's JSON-RPC 2.0 server (namespace `zgs`, docs/protocol.md 3): POST /, single or batch
//! requests, positional params (a missing `params` is an empty list), HTTP 200 even for errors,
//! ids echoed back as sent. Disk and hashing work runs on the blocking pool.
//!
//! Bounded for a public node ([`RpcLimits`]): a request is parsed without building a JSON tree
//! (the envelope and its params stay borrowed [`RawValue`]s until each parameter is decoded into
//! its type), a batch is refused as soon as its parser meets item `max_batch + 1`, the items of
//! a batch run one after another, and every request holds a share of a memory budget from
//! before its body is read until its response has been sent. Errors of the limits follow
//! jsonrpsee's (which the 0G node uses): -32007 request too big (HTTP 413), -32009 server busy
//! (HTTP 429 when a peer's rate is exceeded), -32010 batch too large, -32011 batch response too
//! large.

use std::cell::Cell;
use std::convert::Infallible;
use std::marker::PhantomData;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};

use alloy::primitives::{Address, B256};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::post;
use http_body_util::BodyExt;
use serde::de::{DeserializeOwned, DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tracing::{debug, info, warn};

use super::follower::ChainInfo;
use super::limits::{PeerLimiter, RpcLimits, peer_limiter};
use super::store::{MAX_CACHE_FILE_SIZE, PutOutcome, Store, TxView};
use crate::storage::merkle::{
    CHUNK_SIZE, Hash, SEGMENT_CHUNKS, check_rear_padding, expected_segment_chunks,
    num_data_segments, num_padded_segments, segment_root, segment_wire_len,
};
use crate::storage::types::{
    FileInfo, FileProof, NetworkIdentity, ProtocolVersion, Segment, SegmentWithProof, ShardConfig,
    Status, Transaction, TxSeqOrRoot, write_segment_json,
};

/// The most positional parameters a call may carry (the widest method takes 3).
pub const MAX_PARAMS: usize = 16;

/// Everything a request handler needs.
#[derive(Debug)]
pub struct NodeState {
    pub store: Arc<Store>,
    pub chain: Arc<ChainInfo>,
    pub flow: Address,
    /// Where this node answers, for `indexer_*`.
    pub url: String,
    pub limits: RpcLimits,
    /// Bytes of bodies in flight, [`RpcLimits::memory`] in all.
    budget: Arc<Semaphore>,
    peers: Option<Arc<PeerLimiter>>,
    /// Request body buffers, reused from one request to the next.
    bodies: Arc<crate::storage::BufPool>,
}

impl NodeState {
    pub fn new(
        store: Arc<Store>,
        chain: Arc<ChainInfo>,
        flow: Address,
        url: String,
        limits: RpcLimits,
    ) -> NodeState {
        NodeState {
            store,
            chain,
            flow,
            url,
            budget: Arc::new(Semaphore::new(limits.memory)),
            peers: peer_limiter(&limits),
            // As many as the requests a client sends at once by default (`--concurrency`).
            bodies: crate::storage::BufPool::new(4),
            limits,
        }
    }

    /// Forgets the rate state of peers that have been quiet (bounds the limiter's memory).
    pub fn forget_quiet_peers(&self) {
        if let Some(p) = &self.peers {
            p.retain_recent();
            p.shrink_to_fit();
        }
    }
}

/// A JSON-RPC error object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

impl RpcError {
    /// `{code:-32602, message:"Invalid params: <p>", data:"<msg>"}` as the 0G node.
    pub fn invalid_params(param: &str, msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32602,
            message: format!("Invalid params: {param}"),
            data: Some(msg.into()),
        }
    }
    /// `{code:-32603, message:"Internal error", data:"<msg>"}` as the 0G node.
    pub fn internal(msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32603,
            message: "Internal error".into(),
            data: Some(msg.into()),
        }
    }
    fn bad_params(msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32602,
            message: "Invalid params".into(),
            data: Some(msg.into()),
        }
    }
    fn parse_error(msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32700,
            message: "Parse error".into(),
            data: Some(msg.into()),
        }
    }
    fn invalid_request(msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32600,
            message: "Invalid request".into(),
            data: Some(msg.into()),
        }
    }
    fn method_not_found(method: &str) -> RpcError {
        RpcError {
            code: -32601,
            message: "Method not found".into(),
            data: Some(format!("unknown method {}", clip(method))),
        }
    }
    fn request_too_big(limit: usize) -> RpcError {
        RpcError {
            code: -32007,
            message: "Request is too big".into(),
            data: Some(format!(
                "the request body is over this node's limit of {limit} bytes: send fewer segments per request"
            )),
        }
    }
    fn busy(msg: impl Into<String>) -> RpcError {
        RpcError {
            code: -32009,
            message: "Server is busy, try again later".into(),
            data: Some(msg.into()),
        }
    }
    fn batch_too_large(limit: usize) -> RpcError {
        RpcError {
            code: -32010,
            message: "The batch request was too large".into(),
            data: Some(format!(
                "a batch holds at most {limit} calls: split it into smaller batches"
            )),
        }
    }
    fn batch_response_too_large(limit: usize) -> RpcError {
        RpcError {
            code: -32011,
            message: "The batch response was too large".into(),
            data: Some(format!(
                "the answers would exceed {limit} bytes: split the batch into smaller ones"
            )),
        }
    }
}

/// At most 64 characters of untrusted text, for messages and logs.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

impl From<crate::Error> for RpcError {
    fn from(e: crate::Error) -> Self {
        if e.code == "node.cache_full" {
            // The SDKs retry on "too many data writing", which they look for in `message`.
            return RpcError {
                code: -32000,
                message: e.message,
                data: None,
            };
        }
        RpcError::internal(e.message)
    }
}

/// A call's result as JSON text, serialized once (a segment's base64 never goes through a JSON
/// tree or an escaping pass).
type RpcResult = std::result::Result<Vec<u8>, RpcError>;

/// The axum router serving JSON-RPC on `POST /`: the peer's rate first (a request waiting for
/// it holds nothing else), then a slot among [`RpcLimits::max_concurrent`], then the handler.
/// Serve it with connect info (`into_make_service_with_connect_info::<SocketAddr>`) so that
/// the rate is kept per peer.
pub fn router(state: Arc<NodeState>) -> Router {
    Router::new()
        .route("/", post(handle))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            state.limits.max_concurrent,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            rate_limit,
        ))
        .with_state(state)
}

/// Holds a request until its peer may send again, up to [`RpcLimits::rate_wait`]; past that
/// the request is refused with HTTP 429.
async fn rate_limit(State(s): State<Arc<NodeState>>, req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let (Some(limiter), Some(ip)) = (&s.peers, peer)
        && limiter.check_key(&ip).is_err()
        && tokio::time::timeout(s.limits.rate_wait, limiter.until_key_ready(&ip))
            .await
            .is_err()
    {
        debug!(%ip, "request refused: the peer's rate is exceeded");
        return error_response(
            StatusCode::TOO_MANY_REQUESTS,
            RpcError::busy(format!(
                "this node takes at most {} requests per second from one address",
                s.limits.peer_rate
            )),
        );
    }
    next.run(req).await
}

/// A response body that holds its request's share of the memory budget until it has been
/// handed to the connection (in 64 KiB frames, so a slow reader keeps it charged).
struct ChargedBody {
    data: Bytes,
    _permit: OwnedSemaphorePermit,
}

impl http_body::Body for ChargedBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<std::result::Result<http_body::Frame<Bytes>, Infallible>>> {
        if self.data.is_empty() {
            return Poll::Ready(None);
        }
        let n = self.data.len().min(64 * 1024);
        let chunk = self.data.split_to(n);
        Poll::Ready(Some(Ok(http_body::Frame::data(chunk))))
    }
    fn is_end_stream(&self) -> bool {
        self.data.is_empty()
    }
    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.data.len() as u64)
    }
}

fn json_response(status: StatusCode, body: Body) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body)
        .expect("a valid response")
}

fn error_response(status: StatusCode, e: RpcError) -> Response {
    json_response(status, Body::from(error_bytes(None, &e)))
}

/// `{"jsonrpc":"2.0","id":ID,"result":RESULT}` around a result's JSON text.
fn ok_bytes(id: Option<&RawValue>, result: &[u8]) -> Vec<u8> {
    let id = id.map_or("null", |i| i.get());
    let mut out = Vec::with_capacity(result.len() + id.len() + 36);
    out.extend_from_slice(br#"{"jsonrpc":"2.0","id":"#);
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(br#","result":"#);
    out.extend_from_slice(result);
    out.push(b'}');
    out
}

#[derive(Serialize)]
struct ErrorResponse<'a> {
    jsonrpc: &'static str,
    id: Option<&'a RawValue>,
    error: &'a RpcError,
}

fn error_bytes(id: Option<&RawValue>, e: &RpcError) -> Vec<u8> {
    serde_json::to_vec(&ErrorResponse {
        jsonrpc: "2.0",
        id,
        error: e,
    })
    .expect("errors serialize")
}

enum BodyError {
    TooLarge,
    Broken(String),
}

/// Reads the body into one buffer of its declared size, refusing it past `max` bytes.
async fn read_body(
    mut body: Body,
    declared: usize,
    max: usize,
    mut buf: Vec<u8>,
) -> std::result::Result<Vec<u8>, BodyError> {
    buf.reserve(declared.min(max));
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| BodyError::Broken(e.to_string()))?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > max {
                return Err(BodyError::TooLarge);
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(buf)
}

/// One HTTP request: charge the budget (by the declared length, or the limit when none is
/// declared), read the body, answer, and keep the charge until the answer has been sent.
async fn handle(State(s): State<Arc<NodeState>>, req: Request) -> Response {
    let limits = s.limits;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body as u64) {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            RpcError::request_too_big(limits.max_body),
        );
    }
    let declared = declared.map_or(limits.max_body, |n| n as usize);
    let charge = limits.charge(declared);
    let Ok(mut permit) = Arc::clone(&s.budget)
        .acquire_many_owned(charge as u32)
        .await
    else {
        return error_response(StatusCode::OK, RpcError::internal("the node is stopping"));
    };
    let read = tokio::time::timeout(
        limits.body_timeout,
        read_body(req.into_body(), declared, limits.max_body, s.bodies.take()),
    )
    .await;
    let body = match read {
        Ok(Ok(b)) => b,
        Ok(Err(BodyError::TooLarge)) => {
            return error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                RpcError::request_too_big(limits.max_body),
            );
        }
        Ok(Err(BodyError::Broken(e))) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                RpcError::invalid_request(format!("the request body broke off: {e}")),
            );
        }
        Err(_) => {
            return error_response(
                StatusCode::REQUEST_TIMEOUT,
                RpcError::invalid_request(format!(
                    "the request body did not arrive within {} s",
                    limits.body_timeout.as_secs()
                )),
            );
        }
    };
    // What the answer may take without charging more: the charge less the body.
    let allowance = charge.saturating_sub(body.len());
    let out = answer(&s, &body, &mut permit, allowance).await;
    s.bodies.give_back(body);
    json_response(
        StatusCode::OK,
        Body::new(ChargedBody {
            data: Bytes::from(out),
            _permit: permit,
        }),
    )
}

/// Deserializes a JSON array into borrowed raw items, failing as soon as it meets item
/// `max + 1` (so that no more than `max` items are ever held); `over` tells that case apart.
struct BoundedSeq<'c, 'de> {
    max: usize,
    over: &'c Cell<bool>,
    _de: PhantomData<&'de ()>,
}

impl<'c, 'de> BoundedSeq<'c, 'de> {
    fn new(max: usize, over: &'c Cell<bool>) -> Self {
        BoundedSeq {
            max,
            over,
            _de: PhantomData,
        }
    }
}

impl<'de> DeserializeSeed<'de> for BoundedSeq<'_, 'de> {
    type Value = Vec<&'de RawValue>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for BoundedSeq<'_, 'de> {
    type Value = Vec<&'de RawValue>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an array of at most {} items", self.max)
    }
    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            if out.len() == self.max {
                self.over.set(true);
                return Err(A::Error::custom(format!("more than {} items", self.max)));
            }
            out.push(item);
        }
        Ok(out)
    }
}

/// Parses a JSON array of at most `max` items; `Err(None)` when it has more.
fn bounded_array(text: &[u8], max: usize) -> std::result::Result<Vec<&RawValue>, Option<String>> {
    let over = Cell::new(false);
    let mut de = serde_json::Deserializer::from_slice(text);
    let parsed = BoundedSeq::new(max, &over)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match parsed {
        Ok(v) => Ok(v),
        Err(_) if over.get() => Err(None),
        Err(e) => Err(Some(e.to_string())),
    }
}

/// The JSON answer to a body: one response, or an array of them for a batch.
async fn answer(
    s: &Arc<NodeState>,
    body: &[u8],
    permit: &mut OwnedSemaphorePermit,
    allowance: usize,
) -> Vec<u8> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        // One object: an upload decoded whole in one pass, else its fields read in one pass.
        if let Some((id, segs, seq)) = upload_call(body) {
            return answer_upload(s, id, segs, seq).await;
        }
        if let Ok(call) = serde_json::from_slice::<RawCall>(body) {
            return handle_call(s, call).await;
        }
    }
    if first != Some(&b'[') {
        return match serde_json::from_slice::<&RawValue>(body) {
            Ok(raw) => handle_one(s, raw).await,
            Err(e) => error_bytes(None, &RpcError::parse_error(e.to_string())),
        };
    }
    let items = match bounded_array(body, s.limits.max_batch) {
        Ok(items) => items,
        Err(None) => {
            debug!(limit = s.limits.max_batch, "batch refused: too many calls");
            return error_bytes(None, &RpcError::batch_too_large(s.limits.max_batch));
        }
        Err(Some(e)) => return error_bytes(None, &RpcError::parse_error(e)),
    };
    if items.is_empty() {
        return error_bytes(None, &RpcError::invalid_request("empty batch"));
    }
    let mut out = Vec::with_capacity(items.len() * 64 + 2);
    let mut allowance = allowance;
    out.push(b'[');
    for item in items {
        let one = handle_one(s, item).await;
        let len = out.len() + one.len() + 2;
        if len > s.limits.max_body {
            return error_bytes(None, &RpcError::batch_response_too_large(s.limits.max_body));
        }
        if len > allowance {
            // Charge the growth; if the budget is spent, the batch is refused, not queued
            // (a batch holding part of the budget must not wait on others that do too).
            let more = (len - allowance).max(RESPONSE_STEP);
            match Arc::clone(&s.budget).try_acquire_many_owned(more as u32) {
                Ok(p) => {
                    permit.merge(p);
                    allowance += more;
                }
                Err(_) => {
                    return error_bytes(
                        None,
                        &RpcError::busy(
                            "the node's memory for answers is in use: retry the batch later or split it",
                        ),
                    );
                }
            }
        }
        if out.len() > 1 {
            out.push(b',');
        }
        out.extend_from_slice(&one);
    }
    out.push(b']');
    out
}

/// How much a batch's answer charges at a time when it outgrows its allowance.
const RESPONSE_STEP: usize = 1024 * 1024;

/// The fields of one call, kept raw until used (a field of the wrong type does not lose the id).
#[derive(Deserialize)]
struct RawCall<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    method: Option<&'a RawValue>,
    #[serde(borrow, default)]
    params: Option<&'a RawValue>,
}

/// A whole `zgs_uploadSegmentsByTxSeq` request decoded in one pass over its megabytes of
/// base64 (the general way reads the params as raw text, then decodes them: two passes).
/// `None` for any other request, and for an upload whose params do not decode: the general way
/// answers that with the precise error.
fn upload_call(body: &[u8]) -> Option<(Option<&RawValue>, Vec<SegmentWithProof>, u64)> {
    #[derive(Deserialize)]
    struct UploadCall<'a> {
        #[serde(borrow, default)]
        id: Option<&'a RawValue>,
        method: String,
        params: (Vec<SegmentWithProof>, u64),
    }
    const METHOD: &[u8] = b"\"zgs_uploadSegmentsByTxSeq\"";
    let head = &body[..body.len().min(256)];
    if !head.windows(METHOD.len()).any(|w| w == METHOD) {
        return None;
    }
    let call: UploadCall = serde_json::from_slice(body).ok()?;
    (call.method == "zgs_uploadSegmentsByTxSeq").then_some((call.id, call.params.0, call.params.1))
}

async fn answer_upload(
    state: &Arc<NodeState>,
    id: Option<&RawValue>,
    segs: Vec<SegmentWithProof>,
    seq: u64,
) -> Vec<u8> {
    debug!(method = "zgs_uploadSegmentsByTxSeq", "rpc");
    match upload(state, segs, Some(seq)).await {
        Ok(result) => ok_bytes(id, &result),
        Err(e) => error_bytes(id, &e),
    }
}

async fn handle_one(state: &Arc<NodeState>, request: &RawValue) -> Vec<u8> {
    let text = request.get();
    if !text.starts_with('{') {
        return error_bytes(
            None,
            &RpcError::invalid_request("a request must be an object"),
        );
    }
    let call_req: RawCall = match serde_json::from_str(text) {
        Ok(c) => c,
        Err(e) => return error_bytes(None, &RpcError::invalid_request(e.to_string())),
    };
    handle_call(state, call_req).await
}

/// Answers one parsed call.
async fn handle_call(state: &Arc<NodeState>, call_req: RawCall<'_>) -> Vec<u8> {
    let id = call_req.id;
    let method = match call_req
        .method
        .map(|m| serde_json::from_str::<String>(m.get()))
    {
        Some(Ok(m)) => m,
        _ => {
            return error_bytes(id, &RpcError::invalid_request("the request has no method"));
        }
    };
    if method == "zgs_uploadSegmentsByTxSeq"
        && let Some(p) = call_req.params
        && let Ok((segs, seq)) = serde_json::from_str::<(Vec<SegmentWithProof>, u64)>(p.get())
    {
        // The common upload, decoded in one pass over its megabytes; anything else about its
        // params (an error, more of them) goes the general way below.
        return answer_upload(state, id, segs, seq).await;
    }
    let params = match call_req.params {
        None => Vec::new(),
        Some(p) if p.get().starts_with('[') => {
            match bounded_array(p.get().as_bytes(), MAX_PARAMS) {
                Ok(v) => v,
                Err(None) => {
                    return error_bytes(
                        id,
                        &RpcError::bad_params(format!("at most {MAX_PARAMS} parameters")),
                    );
                }
                Err(Some(e)) => return error_bytes(id, &RpcError::bad_params(e)),
            }
        }
        Some(_) => {
            return error_bytes(
                id,
                &RpcError::bad_params("params must be a positional array"),
            );
        }
    };
    let method_log = clip(&method);
    debug!(method = %method_log, "rpc");
    match call(state, &method, Params(params)).await {
        Ok(result) => ok_bytes(id, &result),
        Err(e) => {
            debug!(method = %method_log, code = e.code, message = %e.message, data = ?e.data, "rpc error");
            error_bytes(id, &e)
        }
    }
}

/// Positional parameters, each decoded into its type when taken.
struct Params<'a>(Vec<&'a RawValue>);

impl Params<'_> {
    fn take<T: DeserializeOwned>(&mut self, i: usize) -> std::result::Result<T, RpcError> {
        let v = self.0.get(i).ok_or_else(|| {
            RpcError::bad_params(format!("missing value for required parameter {i}"))
        })?;
        serde_json::from_str(v.get())
            .map_err(|e| RpcError::bad_params(format!("parameter {i}: {e}")))
    }
    fn take_opt<T: DeserializeOwned>(
        &mut self,
        i: usize,
    ) -> std::result::Result<Option<T>, RpcError> {
        match self.0.get(i) {
            None => Ok(None),
            Some(v) if v.get() == "null" => Ok(None),
            Some(_) => self.take(i).map(Some),
        }
    }
    fn root(&mut self, i: usize) -> std::result::Result<Hash, RpcError> {
        let s: String = self.take(i)?;
        crate::storage::types::hex_hash::parse(&s)
            .map_err(|e| RpcError::bad_params(format!("parameter {i}: {e}")))
    }
}

fn to_value<T: Serialize>(v: T) -> RpcResult {
    serde_json::to_vec(&v).map_err(|e| RpcError::internal(e.to_string()))
}

/// The JSON `null` result.
fn null() -> RpcResult {
    to_value(())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> std::result::Result<T, RpcError> + Send + 'static,
) -> std::result::Result<T, RpcError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| RpcError::internal(format!("task failed: {e}")))?
}

async fn call(s: &Arc<NodeState>, method: &str, mut p: Params<'_>) -> RpcResult {
    match method {
        "zgs_getStatus" => to_value(status(s)),
        "zgs_getShardConfig" => {
            let sh = s.store.shard();
            to_value(ShardConfig {
                shard_id: sh.shard_id,
                num_shard: sh.num_shard,
            })
        }
        "zgs_getFileInfo" => {
            let root = p.root(0)?;
            let _need_available: Option<bool> = p.take_opt(1)?;
            to_value(s.store.tx_by_root(&B256::from(root)).map(|t| file_info(&t)))
        }
        "zgs_getFileInfoByTxSeq" => {
            let seq: u64 = p.take(0)?;
            to_value(s.store.tx_by_seq(seq).map(|t| file_info(&t)))
        }
        "zgs_checkFileFinalized" => {
            let which: TxSeqOrRoot = p.take(0)?;
            let tx = match which {
                TxSeqOrRoot::TxSeq(seq) => s.store.tx_by_seq(seq),
                TxSeqOrRoot::Root(root) => s.store.tx_by_root(&B256::from(root)),
            };
            to_value(tx.map(|t| t.finalized))
        }
        "zgs_uploadSegment" => {
            let seg: SegmentWithProof = p.take(0)?;
            upload(s, vec![seg], None).await
        }
        "zgs_uploadSegments" => {
            let segs: Vec<SegmentWithProof> = p.take(0)?;
            upload(s, segs, None).await
        }
        "zgs_uploadSegmentByTxSeq" => {
            let seg: SegmentWithProof = p.take(0)?;
            let seq: u64 = p.take(1)?;
            upload(s, vec![seg], Some(seq)).await
        }
        "zgs_uploadSegmentsByTxSeq" => {
            let segs: Vec<SegmentWithProof> = p.take(0)?;
            let seq: u64 = p.take(1)?;
            upload(s, segs, Some(seq)).await
        }
        "zgs_downloadSegment" => {
            let root = p.root(0)?;
            let (start, end): (u64, u64) = (p.take(1)?, p.take(2)?);
            let tx = s.store.tx_by_root(&B256::from(root));
            download(s, tx, start, end).await
        }
        "zgs_downloadSegmentByTxSeq" => {
            let seq: u64 = p.take(0)?;
            let (start, end): (u64, u64) = (p.take(1)?, p.take(2)?);
            download(s, s.store.tx_by_seq(seq), start, end).await
        }
        "zgs_downloadSegmentWithProof" => {
            let root = p.root(0)?;
            let index: u64 = p.take(1)?;
            download_with_proof(s, s.store.tx_by_root(&B256::from(root)), index).await
        }
        "zgs_downloadSegmentWithProofByTxSeq" => {
            let seq: u64 = p.take(0)?;
            let index: u64 = p.take(1)?;
            download_with_proof(s, s.store.tx_by_seq(seq), index).await
        }
        "indexer_getShardedNodes" => {
            to_value(json!({"trusted": [sharded_node(s)], "discovered": []}))
        }
        "indexer_getFileLocations" => {
            let root = p.root(0)?;
            let held = s
                .store
                .tx_by_root(&B256::from(root))
                .is_some_and(|t| t.finalized);
            if held {
                to_value(json!([sharded_node(s)]))
            } else {
                null()
            }
        }
        _ => Err(RpcError::method_not_found(method)),
    }
}

fn sharded_node(s: &NodeState) -> Value {
    let sh = s.store.shard();
    json!({
        "url": s.url,
        "config": {"shardId": sh.shard_id, "numShard": sh.num_shard},
        "latency": 0,
        "since": 0,
    })
}

fn status(s: &NodeState) -> Status {
    Status {
        connected_peers: 0,
        log_sync_height: s.store.next_block().saturating_sub(1),
        log_sync_block: [0; 32],
        next_tx_seq: s.store.next_tx_seq(),
        network_identity: NetworkIdentity {
            chain_id: s.chain.chain_id.load(Ordering::Relaxed),
            flow_address: s.flow,
            p2p_protocol_version: ProtocolVersion {
                major: 0,
                minor: 4,
                build: 0,
            },
        },
        confirmations: s.chain.confirmations(),
    }
}

fn transaction(t: &TxView) -> Transaction {
    Transaction {
        stream_ids: vec![],
        data: vec![],
        data_merkle_root: t.rec.root.0,
        merkle_nodes: t.rec.nodes.iter().map(|(h, r)| (h + 1, r.0)).collect(),
        start_entry_index: t.rec.start_entry_index,
        size: t.rec.size,
        seq: t.rec.seq,
    }
}

fn file_info(t: &TxView) -> FileInfo {
    FileInfo {
        tx: transaction(t),
        finalized: t.finalized,
        is_cached: false,
        uploaded_seg_num: t.uploaded_segments,
        pruned: false,
    }
}

/// Checks one segment against its file (docs/protocol.md 3.5 steps 1, 4, 5, 6). The tx-level checks
/// (root, size, finalized) are done by the caller.
pub fn validate_segment(seg: &SegmentWithProof) -> std::result::Result<(), RpcError> {
    if seg.file_size == 0 {
        return Err(RpcError::invalid_params("file_size", "file is empty"));
    }
    let data_segs = num_data_segments(seg.file_size);
    if seg.index >= data_segs {
        return Err(RpcError::invalid_params("index", "index out of bound"));
    }
    if seg.data.len() != segment_wire_len(seg.file_size, seg.index) {
        return Err(RpcError::invalid_params("data", "invalid data length"));
    }
    let proof = &seg.proof;
    let well_formed = if proof.path.is_empty() {
        proof.lemma.len() == 1
    } else {
        proof.lemma.len() == proof.path.len() + 2
    };
    if !well_formed {
        return Err(RpcError::invalid_params("proof", "invalid proof"));
    }
    let leaf = segment_root(&seg.data, expected_segment_chunks(seg.file_size, seg.index));
    proof
        .verify(
            &leaf,
            &seg.root,
            seg.index,
            num_padded_segments(seg.file_size),
        )
        .map_err(|e| RpcError::invalid_params("proof", format!("validation failed: {e}")))?;
    check_rear_padding(proof, seg.file_size)
        .map_err(|e| RpcError::invalid_params("proof", format!("validation failed: {e}")))?;
    Ok(())
}

/// Steps 1–3 of docs/protocol.md 3.5: the data is whole chunks, and against a known tx the root and
/// size match and the tx is not finalized; without a tx only small files are cached.
fn check_against_tx(
    seg: &SegmentWithProof,
    tx: Option<&TxView>,
) -> std::result::Result<(), RpcError> {
    if seg.data.is_empty() {
        return Err(RpcError::invalid_params("data", "data is empty"));
    }
    if !seg.data.len().is_multiple_of(CHUNK_SIZE) {
        return Err(RpcError::invalid_params("data", "invalid data length"));
    }
    match tx {
        Some(tx) => {
            if tx.rec.root.0 != seg.root {
                return Err(RpcError::internal("data root and tx seq not match"));
            }
            if tx.rec.size != seg.file_size {
                return Err(RpcError::invalid_params(
                    "file_size",
                    "segment file size not matched with tx file size",
                ));
            }
            if tx.finalized {
                return Err(RpcError::invalid_params(
                    "root",
                    "already uploaded and finalized",
                ));
            }
        }
        None => {
            if seg.file_size > MAX_CACHE_FILE_SIZE {
                return Err(RpcError::invalid_params(
                    "file_size",
                    "caching of large file when tx is unavailable is not supported",
                ));
            }
        }
    }
    Ok(())
}

/// Uploads segments in order; the first error ends the call (earlier segments stay stored).
/// `seq = None` finds the tx by each segment's root. Consecutive segments of one known tx are
/// checked in parallel and stored as one batch with one flush ([`Store::put_segments`]);
/// segments cached before their tx is seen go one by one.
async fn upload(s: &Arc<NodeState>, segs: Vec<SegmentWithProof>, seq: Option<u64>) -> RpcResult {
    let mut segs = segs.into_iter().peekable();
    while let Some(seg) = segs.next() {
        let tx = match seq {
            Some(seq) => s.store.tx_by_seq(seq),
            None => s.store.tx_for_upload_by_root(&B256::from(seg.root)),
        };
        check_against_tx(&seg, tx.as_ref())?;
        let Some(tx) = tx else {
            let store = Arc::clone(&s.store);
            blocking(move || {
                validate_segment(&seg)?;
                let proof_json = serde_json::to_vec(&seg.proof).expect("proofs serialize");
                store.cache_segment(
                    B256::from(seg.root),
                    seg.file_size,
                    seg.index,
                    &proof_json,
                    &seg.data,
                )?;
                debug!(index = seg.index, "segment cached until its tx is seen");
                Ok(())
            })
            .await?;
            continue;
        };
        // This segment and the following ones of the same tx form one batch.
        let mut batch = vec![seg];
        let mut failed = None;
        while let Some(next) = segs.peek() {
            if next.root != batch[0].root || next.file_size != batch[0].file_size {
                break;
            }
            let next = segs.next().expect("peeked");
            match check_against_tx(&next, Some(&tx)) {
                Ok(()) => batch.push(next),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        let seq = tx.rec.seq;
        batch.retain(|seg| !s.store.has_segment(seq, seg.index)); // duplicates are skipped silently
        let store = Arc::clone(&s.store);
        blocking(move || {
            use rayon::prelude::*;
            let checked: Vec<std::result::Result<Vec<u8>, RpcError>> = batch
                .par_iter()
                .map(|seg| {
                    validate_segment(seg)?;
                    Ok(serde_json::to_vec(&seg.proof).expect("proofs serialize"))
                })
                .collect();
            let ok = checked.iter().take_while(|c| c.is_ok()).count();
            let items: Vec<(u64, &[u8], &[u8])> = batch[..ok]
                .iter()
                .zip(&checked)
                .map(|(seg, proof)| {
                    let proof = proof.as_ref().expect("checked");
                    (seg.index, proof.as_slice(), seg.data.as_slice())
                })
                .collect();
            let outcomes = if items.is_empty() {
                Vec::new()
            } else {
                store.put_segments(seq, &items)?
            };
            for (seg, outcome) in batch.iter().zip(outcomes) {
                match outcome {
                    PutOutcome::Stored { finalized_now } => {
                        debug!(seq, index = seg.index, "segment stored");
                        if finalized_now {
                            info!(seq, root = %tx.rec.root, "file finalized");
                        }
                    }
                    PutOutcome::Duplicate | PutOutcome::NotInShard => {}
                    PutOutcome::AlreadyFinalized => {
                        return Err(RpcError::invalid_params(
                            "root",
                            "already uploaded and finalized",
                        ));
                    }
                }
            }
            match checked.into_iter().nth(ok) {
                Some(Err(e)) => Err(e),
                _ => Ok(()),
            }
        })
        .await?;
        if let Some(e) = failed {
            return Err(e);
        }
    }
    null()
}

/// `zgs_downloadSegment*`: file-relative chunks `[start, end)`; `null` while unavailable.
async fn download(s: &Arc<NodeState>, tx: Option<TxView>, start: u64, end: u64) -> RpcResult {
    if start >= end {
        return Err(RpcError::invalid_params("end_index", "invalid chunk index"));
    }
    if end - start > SEGMENT_CHUNKS as u64 {
        return Err(RpcError::invalid_params(
            "end_index",
            format!("exceeds maximum chunks {SEGMENT_CHUNKS}"),
        ));
    }
    let Some(tx) = tx else { return null() };
    if end > tx.rec.chunks() {
        return Err(RpcError::internal("end entry index exceeds tx size"));
    }
    let store = Arc::clone(&s.store);
    let seq = tx.rec.seq;
    let data = blocking(move || Ok(store.read_chunks(seq, start, end)?)).await?;
    to_value(data.map(Segment))
}

/// `zgs_downloadSegmentWithProof*`: the data chunks of segment `index` with its proof. The
/// segment is read and its answer written on the blocking pool, the base64 straight into the
/// answer.
async fn download_with_proof(s: &Arc<NodeState>, tx: Option<TxView>, index: u64) -> RpcResult {
    let Some(tx) = tx else { return null() };
    if index >= tx.rec.data_segments() {
        return Err(RpcError::invalid_params("index", "index out of bound"));
    }
    let store = Arc::clone(&s.store);
    blocking(move || {
        let seq = tx.rec.seq;
        let Some(stored) = store.read_segment(seq, index)? else {
            return null();
        };
        let proof: FileProof = serde_json::from_slice(&stored.proof_json).map_err(|e| {
            warn!(seq, index, "stored proof is damaged: {e}");
            RpcError::internal(format!("stored proof of segment {index} is damaged"))
        })?;
        let proof_json = serde_json::to_vec(&proof).expect("proofs serialize");
        let mut out = Vec::new();
        write_segment_json(
            &tx.rec.root.0,
            &stored.data,
            index,
            &proof_json,
            tx.rec.size,
            &mut out,
        );
        Ok(out)
    })
    .await
}

/// The address string this node advertises for a listener address.
pub fn url_of(addr: SocketAddr) -> String {
    format!("http://{addr}")
}
