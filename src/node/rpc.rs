//! The node's JSON-RPC 2.0 server (namespace `zgs`, docs/protocol.md 3): POST /, single or batch
//! requests, positional params (a missing `params` is an empty list), HTTP 200 even for errors,
//! ids echoed back as sent, a 100 MiB body limit. Disk and hashing work runs on the blocking pool.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use alloy::primitives::{Address, B256};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tracing::{debug, info, warn};

use super::follower::ChainInfo;
use super::store::{MAX_CACHE_FILE_SIZE, PutOutcome, Store, TxView};
use crate::storage::merkle::{
    CHUNK_SIZE, Hash, SEGMENT_CHUNKS, check_rear_padding, expected_segment_chunks,
    num_data_segments, num_padded_segments, segment_root, segment_wire_len,
};
use crate::storage::types::{
    FileInfo, FileProof, NetworkIdentity, ProtocolVersion, Segment, SegmentWithProof, ShardConfig,
    Status, Transaction, TxSeqOrRoot,
};

/// The request body limit, as the 0G node's `max_request_body_size`.
pub const MAX_BODY: usize = 100 * 1024 * 1024;

/// Everything a request handler needs.
#[derive(Debug)]
pub struct NodeState {
    pub store: Arc<Store>,
    pub chain: Arc<ChainInfo>,
    pub flow: Address,
    /// Where this node answers, for `indexer_*`.
    pub url: String,
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
            data: Some(format!("unknown method {method}")),
        }
    }
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

type RpcResult = std::result::Result<Value, RpcError>;

/// The axum router serving JSON-RPC on `POST /`.
pub fn router(state: Arc<NodeState>) -> Router {
    Router::new()
        .route("/", post(handle))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state)
}

fn json_response(v: &Value) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(v).expect("values serialize"),
    )
        .into_response()
}

fn error_value(id: Value, e: RpcError) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": e})
}

async fn handle(State(state): State<Arc<NodeState>>, body: Bytes) -> Response {
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return json_response(&error_value(
                Value::Null,
                RpcError::parse_error(e.to_string()),
            ));
        }
    };
    match request {
        Value::Array(items) if items.is_empty() => json_response(&error_value(
            Value::Null,
            RpcError::invalid_request("empty batch"),
        )),
        Value::Array(items) => {
            let handles: Vec<_> = items
                .into_iter()
                .map(|item| tokio::spawn(handle_one(Arc::clone(&state), item)))
                .collect();
            let mut out = Vec::with_capacity(handles.len());
            for h in handles {
                out.push(h.await.unwrap_or_else(|e| {
                    error_value(
                        Value::Null,
                        RpcError::internal(format!("handler failed: {e}")),
                    )
                }));
            }
            json_response(&Value::Array(out))
        }
        single => json_response(&handle_one(state, single).await),
    }
}

async fn handle_one(state: Arc<NodeState>, request: Value) -> Value {
    let Value::Object(mut obj) = request else {
        return error_value(
            Value::Null,
            RpcError::invalid_request("a request must be an object"),
        );
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let Some(Value::String(method)) = obj.remove("method") else {
        return error_value(id, RpcError::invalid_request("the request has no method"));
    };
    let params = match obj.remove("params") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a,
        Some(_) => {
            return error_value(
                id,
                RpcError::bad_params("params must be a positional array"),
            );
        }
    };
    debug!(method, "rpc");
    match call(&state, &method, Params(params)).await {
        Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        Err(e) => {
            debug!(method, code = e.code, message = %e.message, data = ?e.data, "rpc error");
            error_value(id, e)
        }
    }
}

/// Positional parameters.
struct Params(Vec<Value>);

impl Params {
    fn take<T: DeserializeOwned>(&mut self, i: usize) -> std::result::Result<T, RpcError> {
        let v = self.0.get_mut(i).map(Value::take).ok_or_else(|| {
            RpcError::bad_params(format!("missing value for required parameter {i}"))
        })?;
        serde_json::from_value(v).map_err(|e| RpcError::bad_params(format!("parameter {i}: {e}")))
    }
    fn take_opt<T: DeserializeOwned>(
        &mut self,
        i: usize,
    ) -> std::result::Result<Option<T>, RpcError> {
        match self.0.get(i) {
            None | Some(Value::Null) => Ok(None),
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
    serde_json::to_value(v).map_err(|e| RpcError::internal(e.to_string()))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> std::result::Result<T, RpcError> + Send + 'static,
) -> std::result::Result<T, RpcError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| RpcError::internal(format!("task failed: {e}")))?
}

async fn call(s: &Arc<NodeState>, method: &str, mut p: Params) -> RpcResult {
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
        "indexer_getShardedNodes" => Ok(json!({"trusted": [sharded_node(s)], "discovered": []})),
        "indexer_getFileLocations" => {
            let root = p.root(0)?;
            let held = s
                .store
                .tx_by_root(&B256::from(root))
                .is_some_and(|t| t.finalized);
            Ok(if held {
                json!([sharded_node(s)])
            } else {
                Value::Null
            })
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

/// Uploads segments one after another; the first error ends the call (earlier segments stay
/// stored). `seq = None` finds the tx by each segment's root.
async fn upload(s: &Arc<NodeState>, segs: Vec<SegmentWithProof>, seq: Option<u64>) -> RpcResult {
    for seg in segs {
        let tx = match seq {
            Some(seq) => s.store.tx_by_seq(seq),
            None => s.store.tx_for_upload_by_root(&B256::from(seg.root)),
        };
        check_against_tx(&seg, tx.as_ref())?;
        if let Some(tx) = &tx
            && s.store.has_segment(tx.rec.seq, seg.index)
        {
            continue; // a duplicate is skipped silently
        }
        let store = Arc::clone(&s.store);
        blocking(move || {
            validate_segment(&seg)?;
            let proof_json = serde_json::to_vec(&seg.proof).expect("proofs serialize");
            match tx {
                Some(tx) => {
                    let seq = tx.rec.seq;
                    match store.put_segment(seq, seg.index, &proof_json, &seg.data)? {
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
                None => {
                    store.cache_segment(
                        B256::from(seg.root),
                        seg.file_size,
                        seg.index,
                        &proof_json,
                        &seg.data,
                    )?;
                    debug!(index = seg.index, "segment cached until its tx is seen");
                }
            }
            Ok(())
        })
        .await?;
    }
    Ok(Value::Null)
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
    let Some(tx) = tx else { return Ok(Value::Null) };
    if end > tx.rec.chunks() {
        return Err(RpcError::internal("end entry index exceeds tx size"));
    }
    let store = Arc::clone(&s.store);
    let seq = tx.rec.seq;
    let data = blocking(move || Ok(store.read_chunks(seq, start, end)?)).await?;
    to_value(data.map(Segment))
}

/// `zgs_downloadSegmentWithProof*`: the data chunks of segment `index` with its proof.
async fn download_with_proof(s: &Arc<NodeState>, tx: Option<TxView>, index: u64) -> RpcResult {
    let Some(tx) = tx else { return Ok(Value::Null) };
    if index >= tx.rec.data_segments() {
        return Err(RpcError::invalid_params("index", "index out of bound"));
    }
    let store = Arc::clone(&s.store);
    let seq = tx.rec.seq;
    let stored = blocking(move || Ok(store.read_segment(seq, index)?)).await?;
    let Some(stored) = stored else {
        return Ok(Value::Null);
    };
    let proof: FileProof = serde_json::from_slice(&stored.proof_json).map_err(|e| {
        warn!(seq, index, "stored proof is damaged: {e}");
        RpcError::internal(format!("stored proof of segment {index} is damaged"))
    })?;
    to_value(SegmentWithProof {
        root: tx.rec.root.0,
        data: stored.data,
        index,
        proof,
        file_size: tx.rec.size,
    })
}

/// The address string this node advertises for a listener address.
pub fn url_of(addr: SocketAddr) -> String {
    format!("http://{addr}")
}
