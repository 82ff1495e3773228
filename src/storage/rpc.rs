//! A typed JSON-RPC client for a 0G storage node (docs/protocol.md §3.4). One HTTP connection pool
//! is shared by every node client; transport failures and the node's "too many data writing"
//! back-pressure are retried with backoff; JSON-RPC error objects become [`RpcError::Rpc`].
//!
//! Time bounds: a small read-only call (status, shard config, file info, an indexer's lists) gets
//! [`READ_TIMEOUT`] and, once timed out, is not sent again (a node that stays silent that long is
//! taken as down, and a caller with other nodes goes on with them); a segment transfer gets
//! [`REQUEST_TIMEOUT`]. Every request gets [`CONNECT_TIMEOUT`] to connect. A client given a note
//! sink ([`NodeClient::with_notes`]) says when it waits on a silent node and when it retries.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::merkle::Hash;
use super::types::{
    FileInfo, Segment, SegmentWithProof, ShardConfig, Status, TxSeqOrRoot, hex_hash,
};
use crate::error::Error;

/// Time allowed for one segment transfer (uploads and downloads carry a few MiB).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// Time allowed for one small read-only call (`zgs_getStatus`, `zgs_getFileInfo`, an indexer's
/// lists…); one that times out is not sent again.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// After this long without an answer to a read-only call, a client with a note sink says that
/// it is waiting.
pub const WAIT_NOTE_AFTER: Duration = Duration::from_secs(3);

/// Where a client writes its notes (waiting on a node, retrying): one line each.
pub type Notes = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// Whether `method` moves segments (the long [`REQUEST_TIMEOUT`]) rather than reading a few
/// bytes of metadata ([`READ_TIMEOUT`]).
pub fn is_transfer(method: &str) -> bool {
    method.starts_with("zgs_uploadSegment") || method.starts_with("zgs_downloadSegment")
}
/// Time allowed to open a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Attempts for a request that fails in transport.
pub const TRANSPORT_ATTEMPTS: u32 = 3;
/// Attempts for an upload the node refuses with "too many data writing".
pub const BUSY_ATTEMPTS: u32 = 20;

/// A failed call to a storage node.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RpcError {
    /// The node could not be reached (connection refused, timeout, HTTP error).
    #[error("the storage node at {url} is unreachable: {message}")]
    Transport {
        url: String,
        message: String,
        /// The request got no (whole) answer within its time bound.
        timed_out: bool,
    },
    /// The node answered with a JSON-RPC error object.
    #[error("the storage node at {url} answered {method} with error {code} {message}{}", data_suffix(.data))]
    Rpc {
        url: String,
        method: String,
        code: i64,
        message: String,
        data: Option<Value>,
    },
    /// The node answered something that is not the expected JSON.
    #[error("the storage node at {url} sent an invalid answer to {method}: {message}")]
    Decode {
        url: String,
        method: String,
        message: String,
    },
}

fn data_suffix(data: &Option<Value>) -> String {
    match data {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => format!(": {s}"),
        Some(v) => format!(": {v}"),
    }
}

impl RpcError {
    /// The error's message plus its data, for matching the node's well-known texts.
    pub fn text(&self) -> String {
        match self {
            RpcError::Rpc { message, data, .. } => format!("{message}{}", data_suffix(data)),
            other => other.to_string(),
        }
    }
    /// The node's write window is full: retry later.
    pub fn is_busy(&self) -> bool {
        matches!(self, RpcError::Rpc { .. }) && self.text().contains("too many data writing")
    }
    /// The file is already finalized on the node: an upload counts as done.
    pub fn is_already_finalized(&self) -> bool {
        matches!(self, RpcError::Rpc { .. })
            && self.text().contains("already uploaded and finalized")
    }
    /// The request is over the node's body limit (jsonrpsee's -32007, HTTP 413): send fewer
    /// segments per request.
    pub fn is_too_big(&self) -> bool {
        match self {
            RpcError::Rpc { code, .. } => *code == -32007,
            RpcError::Transport { message, .. } => message.contains("HTTP 413"),
            RpcError::Decode { .. } => false,
        }
    }
    pub fn is_transport(&self) -> bool {
        matches!(self, RpcError::Transport { .. })
    }
    /// A request that got no answer within its time bound.
    pub fn is_timeout(&self) -> bool {
        matches!(
            self,
            RpcError::Transport {
                timed_out: true,
                ..
            }
        )
    }
}

impl From<RpcError> for Error {
    fn from(e: RpcError) -> Error {
        match &e {
            RpcError::Transport { url, message, .. } => Error::unreachable(
                "storage.unreachable",
                format!("the storage node at {url} is unreachable"),
            )
            .cause(message)
            .hint(
                "check the node URL (--storage-node, COHORT_STORAGE_NODES or the profile's \
                 storage_nodes); for the local devnet run `cohort devnet up`",
            ),
            RpcError::Rpc { .. } => Error::failed("storage.node_error", e.to_string()),
            RpcError::Decode { .. } => Error::failed("storage.bad_answer", e.to_string())
                .hint("is this URL a 0G storage node?"),
        }
    }
}

fn shared_http() -> &'static reqwest::Client {
    static HTTP: OnceLock<reqwest::Client> = OnceLock::new();
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .pool_max_idle_per_host(32)
            .build()
            .expect("HTTP client")
    })
}

/// A client for one storage node.
pub struct NodeClient {
    url: String,
    http: reqwest::Client,
    next_id: AtomicU64,
    backoff: Duration,
    transport_attempts: u32,
    read_timeout: Duration,
    notes: Option<Notes>,
}

impl std::fmt::Debug for NodeClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NodeClient")
            .field("url", &self.shown())
            .field("transport_attempts", &self.transport_attempts)
            .finish_non_exhaustive()
    }
}

impl Clone for NodeClient {
    fn clone(&self) -> Self {
        NodeClient {
            url: self.url.clone(),
            http: self.http.clone(),
            next_id: AtomicU64::new(self.next_id.load(Ordering::Relaxed)),
            backoff: self.backoff,
            transport_attempts: self.transport_attempts,
            read_timeout: self.read_timeout,
            notes: self.notes.clone(),
        }
    }
}

impl NodeClient {
    /// A client for the node at `url` (no request is made).
    pub fn new(url: &str) -> NodeClient {
        NodeClient {
            url: url.trim_end_matches('/').to_string(),
            http: shared_http().clone(),
            next_id: AtomicU64::new(1),
            backoff: Duration::from_millis(250),
            transport_attempts: TRANSPORT_ATTEMPTS,
            read_timeout: READ_TIMEOUT,
            notes: None,
        }
    }

    /// The same client writing a line to `notes` when it waits on a silent node or retries
    /// (commands pass their progress sink's `note`).
    pub fn with_notes(mut self, notes: Notes) -> NodeClient {
        self.notes = Some(notes);
        self
    }

    /// The same client with another bound for small read-only calls than [`READ_TIMEOUT`].
    pub fn with_read_timeout(mut self, timeout: Duration) -> NodeClient {
        self.read_timeout = timeout;
        self
    }

    /// Writes `msg` to the client's note sink, if it has one.
    pub fn note(&self, msg: &str) {
        if let Some(n) = &self.notes {
            n(msg);
        }
    }

    fn timeout_for(&self, method: &str) -> Duration {
        if is_transfer(method) {
            REQUEST_TIMEOUT
        } else {
            self.read_timeout
        }
    }

    /// The same client with another first retry delay (tests use a short one).
    pub fn with_backoff(mut self, backoff: Duration) -> NodeClient {
        self.backoff = backoff;
        self
    }

    /// The same client making `attempts` (at least 1) tries on a transport failure instead of
    /// [`TRANSPORT_ATTEMPTS`]: a download with another replica at hand fails over at once.
    pub fn with_transport_attempts(mut self, attempts: u32) -> NodeClient {
        self.transport_attempts = attempts.max(1);
        self
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The URL as messages and logs show it: credentials masked ([`crate::redact::url`]).
    pub fn shown(&self) -> String {
        crate::redact::url(&self.url)
    }

    /// Posts one request body for `method`; the answer's status and bytes. The whole exchange
    /// (connecting, sending, the answer's last byte) is bounded by the method's time bound.
    async fn post(
        &self,
        method: &str,
        body: &alloy::primitives::bytes::Bytes,
    ) -> Result<(reqwest::StatusCode, alloy::primitives::bytes::Bytes), RpcError> {
        let timeout = self.timeout_for(method);
        let failed = |e: reqwest::Error| {
            if e.is_timeout() {
                self.timed_out(timeout)
            } else {
                self.transport(error_chain(&e))
            }
        };
        let resp = self
            .http
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .timeout(timeout)
            .body(body.clone())
            .send()
            .await
            .map_err(failed)?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(failed)?;
        Ok((status, body))
    }

    fn transport(&self, e: String) -> RpcError {
        RpcError::Transport {
            url: self.shown(),
            message: crate::redact::text_with(&e, &self.url),
            timed_out: false,
        }
    }

    fn timed_out(&self, after: Duration) -> RpcError {
        RpcError::Transport {
            url: self.shown(),
            message: format!("no answer within {} s", after.as_secs_f64()),
            timed_out: true,
        }
    }

    fn decode_error(&self, method: &str, message: String) -> RpcError {
        RpcError::Decode {
            url: self.shown(),
            method: method.to_string(),
            message,
        }
    }

    /// A response's result, or its error as [`RpcError::Rpc`].
    fn result_of<T: DeserializeOwned>(
        &self,
        method: &str,
        resp: Response<T>,
    ) -> Result<T, RpcError> {
        if let Some(err) = resp.error {
            // A node (or the proxy before it) may quote the URL's key back: "invalid project
            // id KEY". Its secret parts never reach a message.
            let data = err.data.map(|d| match d {
                Value::String(s) => Value::String(crate::redact::text_with(&s, &self.url)),
                Value::Null => Value::Null,
                other => {
                    let text = crate::redact::text_with(&other.to_string(), &self.url);
                    serde_json::from_str(&text).unwrap_or(Value::String(text))
                }
            });
            return Err(RpcError::Rpc {
                url: self.shown(),
                method: method.to_string(),
                code: err.code,
                message: crate::redact::text_with(&err.message, &self.url),
                data,
            });
        }
        match resp.result {
            Some(r) => Ok(r),
            None => serde_json::from_value(Value::Null)
                .map_err(|e| self.decode_error(method, e.to_string())),
        }
    }

    async fn call_once<T: DeserializeOwned>(
        &self,
        method: &str,
        body: &alloy::primitives::bytes::Bytes,
    ) -> Result<T, RpcError> {
        let (status, body) = self.post(method, body).await?;
        // Decoded straight into `T`: a segment's base64 is not copied through a JSON tree.
        let resp: Response<T> = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(_) if !status.is_success() => {
                return Err(self.transport(format!("HTTP {status}")));
            }
            Err(e) => return Err(self.decode_error(method, e.to_string())),
        };
        self.result_of(method, resp)
    }

    /// Calls `method` once per params in `each` in one HTTP request (a JSON-RPC batch), with the
    /// retries of [`NodeClient::call`] for the request as a whole: one result per call, in the
    /// order of `each`. Fails as a whole when the request does, or when the node does not answer
    /// with one response per call (a node that takes no batches).
    pub async fn call_batch<P: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        each: &[P],
    ) -> Result<Vec<Result<T, RpcError>>, RpcError> {
        let first = self.next_id.fetch_add(each.len() as u64, Ordering::Relaxed);
        let mut body = Vec::with_capacity(each.len() * 96);
        body.push(b'[');
        for (k, params) in each.iter().enumerate() {
            if k > 0 {
                body.push(b',');
            }
            serde_json::to_writer(
                &mut body,
                &json!({"jsonrpc": "2.0", "method": method, "params": params, "id": first + k as u64}),
            )
            .map_err(|e| self.decode_error(method, format!("cannot encode the request: {e}")))?;
        }
        body.push(b']');
        let body: alloy::primitives::bytes::Bytes = body.into();
        let what = format!("{} {method} (batch of {})", self.shown(), each.len());
        let once = || async {
            let (status, bytes) = self.post(method, &body).await?;
            let answers: Vec<Response<T>> = match serde_json::from_slice(&bytes) {
                Ok(v) => v,
                Err(_) if !status.is_success() => {
                    return Err(self.transport(format!("HTTP {status}")));
                }
                // One error object for the whole batch (e.g. busy, or batches refused).
                Err(e) => match serde_json::from_slice::<Response<Value>>(&bytes) {
                    Ok(one) => {
                        self.result_of(method, one)?;
                        return Err(
                            self.decode_error(method, "a batch answered by one result".into())
                        );
                    }
                    Err(_) => return Err(self.decode_error(method, e.to_string())),
                },
            };
            let mut out: Vec<Option<Result<T, RpcError>>> = (0..each.len()).map(|_| None).collect();
            for a in answers {
                let slot =
                    a.id.as_ref()
                        .and_then(Value::as_u64)
                        .and_then(|id| id.checked_sub(first))
                        .and_then(|k| out.get_mut(k as usize));
                match slot {
                    Some(slot @ None) => *slot = Some(self.result_of(method, a)),
                    _ => {
                        return Err(self.decode_error(
                            method,
                            "a batch answer with an unknown or repeated id".into(),
                        ));
                    }
                }
            }
            out.into_iter()
                .map(|r| {
                    r.ok_or_else(|| {
                        self.decode_error(method, "a batch answer is missing a call".into())
                    })
                })
                .collect()
        };
        self.with_retries(method, &what, once).await
    }

    /// Calls `method` with positional `params` (null: none), retrying transport failures and
    /// "too many data writing" with exponential backoff.
    pub async fn call<T: DeserializeOwned>(
        &self,
        method: &str,
        params: Value,
    ) -> Result<T, RpcError> {
        if params.is_null() {
            self.call_with::<(), T>(method, None).await
        } else {
            self.call_with(method, Some(&params)).await
        }
    }

    /// Like [`NodeClient::call`] with any serializable positional params (`None`: omitted).
    /// The request body is serialized once, whatever the retries.
    pub async fn call_with<P: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        params: Option<&P>,
    ) -> Result<T, RpcError> {
        let params = match params {
            None => None,
            Some(p) => Some(serde_json::to_vec(p).map_err(|e| RpcError::Decode {
                url: self.shown(),
                method: method.to_string(),
                message: format!("cannot encode the request: {e}"),
            })?),
        };
        self.call_raw(method, params.as_deref()).await
    }

    /// Like [`NodeClient::call_with`] with the params already as JSON text (a positional
    /// array); `None`: omitted.
    pub async fn call_raw<T: DeserializeOwned>(
        &self,
        method: &str,
        params: Option<&[u8]>,
    ) -> Result<T, RpcError> {
        let mut body = Vec::with_capacity(params.map_or(0, <[u8]>::len) + method.len() + 64);
        self.begin_body(method, &mut body);
        if let Some(p) = params {
            body.extend_from_slice(br#","params":"#);
            body.extend_from_slice(p);
        }
        self.end_body(&mut body);
        self.call_body(method, body.into()).await
    }

    /// Writes the start of a JSON-RPC request for `method` into `body` (cleared first); the
    /// caller appends `,"params":…` and then calls [`NodeClient::end_body`]. Lets a caller
    /// write megabytes of params straight into the request, in a buffer it reuses.
    pub fn begin_body(&self, method: &str, body: &mut Vec<u8>) {
        body.clear();
        body.extend_from_slice(br#"{"jsonrpc":"2.0","method":"#);
        serde_json::to_writer(&mut *body, method).expect("a string serializes");
    }

    /// Closes a request begun with [`NodeClient::begin_body`] with this client's next id.
    pub fn end_body(&self, body: &mut Vec<u8>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        body.extend_from_slice(format!(r#","id":{id}}}"#).as_bytes());
    }

    /// Sends a whole request body (one call) and decodes its result, with the retries of
    /// [`NodeClient::call`].
    pub async fn call_body<T: DeserializeOwned>(
        &self,
        method: &str,
        body: alloy::primitives::bytes::Bytes,
    ) -> Result<T, RpcError> {
        let what = format!("{} {method}", self.shown());
        self.with_retries(method, &what, || self.call_once(method, &body))
            .await
    }

    /// Runs `f` (a request for `method`) until it succeeds: transport failures get
    /// `transport_attempts` tries in all, a busy node `BUSY_ATTEMPTS`, with exponential backoff.
    /// A read-only call that timed out is not sent again: the node had [`READ_TIMEOUT`] to
    /// answer a few bytes.
    async fn with_retries<T, F, Fut>(
        &self,
        method: &str,
        what: &str,
        mut f: F,
    ) -> Result<T, RpcError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, RpcError>>,
    {
        let mut transport_failures = 0;
        let policy = crate::chain::retry::Policy {
            attempts: BUSY_ATTEMPTS.max(self.transport_attempts),
            first_delay: self.backoff,
            max_delay: Duration::from_secs(4),
        };
        let transfer = is_transfer(method);
        let attempts = self.transport_attempts;
        crate::chain::retry::retry(
            policy,
            what,
            |e: &RpcError| {
                if e.is_transport() {
                    transport_failures += 1;
                    let again = transport_failures < attempts && (transfer || !e.is_timeout());
                    if again {
                        self.note(&format!(
                            "{e} (asking {method} again: attempt {} of {attempts})",
                            transport_failures + 1
                        ));
                    }
                    again
                } else {
                    e.is_busy()
                }
            },
            || {
                let attempt = f();
                async move {
                    if transfer || self.notes.is_none() {
                        return attempt.await;
                    }
                    // A read-only call: say so when the node keeps us waiting.
                    tokio::pin!(attempt);
                    tokio::select! {
                        r = &mut attempt => return r,
                        _ = tokio::time::sleep(WAIT_NOTE_AFTER) => {}
                    }
                    self.note(&format!(
                        "waiting for the storage node at {} to answer {method} (giving up after {} s)",
                        self.shown(),
                        self.read_timeout.as_secs_f64()
                    ));
                    attempt.await
                }
            },
        )
        .await
    }

    pub async fn status(&self) -> Result<Status, RpcError> {
        self.call("zgs_getStatus", Value::Null).await
    }

    pub async fn shard_config(&self) -> Result<ShardConfig, RpcError> {
        self.call("zgs_getShardConfig", Value::Null).await
    }

    /// `zgs_getFileInfo(root, needAvailable)`: `None` when the node does not know the root.
    pub async fn file_info(
        &self,
        root: &Hash,
        need_available: bool,
    ) -> Result<Option<FileInfo>, RpcError> {
        self.call(
            "zgs_getFileInfo",
            json!([hex_hash::to_hex(root), need_available]),
        )
        .await
    }

    pub async fn file_info_by_tx_seq(&self, tx_seq: u64) -> Result<Option<FileInfo>, RpcError> {
        self.call("zgs_getFileInfoByTxSeq", json!([tx_seq])).await
    }

    pub async fn check_file_finalized(&self, id: TxSeqOrRoot) -> Result<Option<bool>, RpcError> {
        self.call("zgs_checkFileFinalized", json!([id])).await
    }

    /// `zgs_uploadSegmentsByTxSeq`: duplicates are skipped by the node.
    pub async fn upload_segments_by_tx_seq(
        &self,
        segments: &[SegmentWithProof],
        tx_seq: u64,
    ) -> Result<(), RpcError> {
        let _: Value = self
            .call_raw(UPLOAD_BY_TX_SEQ, Some(&upload_params(segments, tx_seq)))
            .await?;
        Ok(())
    }

    /// `zgs_uploadSegmentsByTxSeq` with a whole request body written by
    /// [`NodeClient::begin_body`], [`write_upload_params`] and [`NodeClient::end_body`].
    pub async fn upload_body_by_tx_seq(
        &self,
        body: alloy::primitives::bytes::Bytes,
    ) -> Result<(), RpcError> {
        let _: Value = self.call_body(UPLOAD_BY_TX_SEQ, body).await?;
        Ok(())
    }

    /// `zgs_uploadSegments`: by root (the node caches small files before it sees the tx).
    pub async fn upload_segments(&self, segments: &[SegmentWithProof]) -> Result<(), RpcError> {
        let _: Value = self
            .call("zgs_uploadSegments", json!([to_value(segments)?]))
            .await?;
        Ok(())
    }

    /// `zgs_downloadSegmentWithProofByTxSeq(txSeq, segIndex)`; `None` while unavailable.
    pub async fn download_segment_with_proof_by_tx_seq(
        &self,
        tx_seq: u64,
        index: u64,
    ) -> Result<Option<SegmentWithProof>, RpcError> {
        self.call(
            "zgs_downloadSegmentWithProofByTxSeq",
            json!([tx_seq, index]),
        )
        .await
    }

    /// `zgs_downloadSegmentWithProofByTxSeq` for each of `indices` in one HTTP request (a
    /// JSON-RPC batch; a node counts one request against its per-peer rate): one answer per
    /// index, in order, `None` where the node does not have the segment.
    pub async fn download_segments_with_proof_by_tx_seq(
        &self,
        tx_seq: u64,
        indices: &[u64],
    ) -> Result<Vec<Result<Option<SegmentWithProof>, RpcError>>, RpcError> {
        let each: Vec<(u64, u64)> = indices.iter().map(|&i| (tx_seq, i)).collect();
        self.call_batch("zgs_downloadSegmentWithProofByTxSeq", &each)
            .await
    }

    /// `zgs_downloadSegmentWithProof(root, segIndex)`.
    pub async fn download_segment_with_proof(
        &self,
        root: &Hash,
        index: u64,
    ) -> Result<Option<SegmentWithProof>, RpcError> {
        self.call(
            "zgs_downloadSegmentWithProof",
            json!([hex_hash::to_hex(root), index]),
        )
        .await
    }

    /// `zgs_downloadSegmentByTxSeq(txSeq, startChunk, endChunk)`: raw chunks, no proof.
    pub async fn download_segment_by_tx_seq(
        &self,
        tx_seq: u64,
        start_chunk: u64,
        end_chunk: u64,
    ) -> Result<Option<Vec<u8>>, RpcError> {
        let s: Option<Segment> = self
            .call(
                "zgs_downloadSegmentByTxSeq",
                json!([tx_seq, start_chunk, end_chunk]),
            )
            .await?;
        Ok(s.map(|s| s.0))
    }
}

/// A note sink for clients that run in spawned tasks, and the receiver that [`relaying`] reads:
/// for a caller that holds its progress sink only by reference.
pub fn notes_channel() -> (Notes, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let notes: Notes = std::sync::Arc::new(move |m: &str| {
        let _ = tx.send(m.to_string());
    });
    (notes, rx)
}

/// Awaits `work`, passing every note that arrives on `rx` to `progress` meanwhile.
pub async fn relaying<T>(
    progress: &dyn crate::progress::Progress,
    mut rx: tokio::sync::mpsc::UnboundedReceiver<String>,
    work: impl std::future::Future<Output = T>,
) -> T {
    tokio::pin!(work);
    loop {
        tokio::select! {
            biased;
            Some(m) = rx.recv() => progress.note(&m),
            r = &mut work => {
                while let Ok(m) = rx.try_recv() {
                    progress.note(&m);
                }
                return r;
            }
        }
    }
}

/// The params of `zgs_uploadSegmentsByTxSeq` as JSON text, `[[segment, …], txSeq]`: the data's
/// base64 is written straight into the buffer (no escaping pass over it).
pub fn upload_params(segments: &[SegmentWithProof], tx_seq: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(segments.iter().map(|s| s.data.len() / 3 * 4 + 2048).sum());
    write_upload_params(segments.len(), tx_seq, &mut out, |i, out| {
        segments[i].write_json(out);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| match e {});
    out
}

/// The method that uploads segments to a tx the node knows.
pub const UPLOAD_BY_TX_SEQ: &str = "zgs_uploadSegmentsByTxSeq";

/// Appends the params of `zgs_uploadSegmentsByTxSeq` to `out`: `[[seg, …], txSeq]`, where
/// `write(i, out)` appends segment `i`'s JSON (e.g. with
/// [`crate::storage::types::write_segment_json`] from a reused buffer).
pub fn write_upload_params<E>(
    count: usize,
    tx_seq: u64,
    out: &mut Vec<u8>,
    mut write: impl FnMut(usize, &mut Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    out.extend_from_slice(b"[[");
    for i in 0..count {
        if i > 0 {
            out.push(b',');
        }
        write(i, out)?;
    }
    out.extend_from_slice(format!("],{tx_seq}]").as_bytes());
    Ok(())
}

fn to_value<T: Serialize>(v: T) -> Result<Value, RpcError> {
    serde_json::to_value(v).map_err(|e| RpcError::Decode {
        url: String::new(),
        method: "serialize".into(),
        message: e.to_string(),
    })
}

#[derive(serde::Deserialize)]
struct ErrorObject {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    data: Option<Value>,
}

/// One JSON-RPC response, its result decoded straight into `T` (a segment's base64 is not
/// copied through a JSON tree).
#[derive(serde::Deserialize)]
struct Response<T> {
    #[serde(default = "Option::default")]
    result: Option<T>,
    #[serde(default)]
    error: Option<ErrorObject>,
    /// Read only in a batch's answers (cohort's ids are numbers; any other id, e.g. a string
    /// from an odd server, does not fail a single call's answer).
    #[serde(default)]
    id: Option<Value>,
}

/// A reqwest error with its sources, e.g. "error sending request: connection refused".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}
