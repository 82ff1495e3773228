//! The storage node JSON-RPC client against a scripted HTTP server: request shape, retries on the
//! node's back-pressure, error objects and unreachable nodes.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::{Json, Router, routing::post};
use cohort::storage::rpc::{NodeClient, RpcError};
use serde_json::{Value, json};

/// Serves the scripted answers in order (the last one repeats) and records the requests.
async fn scripted(answers: Vec<Value>) -> (String, Arc<Mutex<Vec<Value>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let app = Router::new().route(
        "/",
        post(move |Json(req): Json<Value>| {
            let (log, answers) = (log.clone(), answers.clone());
            async move {
                let n = {
                    let mut l = log.lock().unwrap();
                    l.push(req.clone());
                    l.len() - 1
                };
                let mut a = answers[n.min(answers.len() - 1)].clone();
                a["jsonrpc"] = "2.0".into();
                a["id"] = req["id"].clone();
                Json(a)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn status_omits_params_and_decodes_the_node_status() {
    let (url, seen) = scripted(vec![json!({"result": {
        "connectedPeers": 0, "logSyncHeight": 9,
        "logSyncBlock": format!("0x{}", "00".repeat(32)), "nextTxSeq": 4,
        "networkIdentity": {"chainId": 31337,
            "flowAddress": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "p2pProtocolVersion": {"major": 0, "minor": 4, "build": 0}}}})])
    .await;
    let st = NodeClient::new(&url).status().await.unwrap();
    assert_eq!(st.next_tx_seq, 4);
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(req["method"], "zgs_getStatus");
    assert!(req.get("params").is_none(), "{req}");
}

#[tokio::test]
async fn a_null_result_is_none_and_params_are_positional() {
    let (url, seen) = scripted(vec![json!({"result": null})]).await;
    let info = NodeClient::new(&url)
        .file_info(&[0xab; 32], true)
        .await
        .unwrap();
    assert!(info.is_none());
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(
        req["params"],
        json!([format!("0x{}", "ab".repeat(32)), true])
    );
}

#[tokio::test]
async fn too_many_data_writing_is_retried_until_the_node_accepts() {
    let busy = json!({"error": {"code": -32603, "message": "too many data writing: 5"}});
    let (url, seen) = scripted(vec![busy.clone(), busy, json!({"result": null})]).await;
    let node = NodeClient::new(&url).with_backoff(Duration::from_millis(5));
    node.upload_segments_by_tx_seq(&[], 3).await.unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2]["method"], "zgs_uploadSegmentsByTxSeq");
    assert_eq!(seen[2]["params"], json!([[], 3]));
}

#[tokio::test]
async fn an_error_object_keeps_code_message_and_data() {
    let (url, seen) = scripted(vec![json!({"error": {
        "code": -32602, "message": "Invalid params: root", "data": "already uploaded and finalized"}})])
    .await;
    let err = NodeClient::new(&url)
        .upload_segments_by_tx_seq(&[], 0)
        .await
        .unwrap_err();
    assert!(err.is_already_finalized());
    match &err {
        RpcError::Rpc {
            code,
            message,
            data,
            ..
        } => {
            assert_eq!(*code, -32602);
            assert_eq!(message, "Invalid params: root");
            assert_eq!(data.as_ref().unwrap(), "already uploaded and finalized");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "errors other than busy are not retried"
    );
    let e: cohort::Error = err.into();
    assert_eq!(e.exit_code(), 1);
    assert!(e.message.contains("already uploaded and finalized"));
}

#[tokio::test]
async fn an_unreachable_node_is_exit_3_naming_the_url() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let err = NodeClient::new(&url)
        .with_backoff(Duration::from_millis(5))
        .shard_config()
        .await
        .unwrap_err();
    assert!(err.is_transport());
    let e: cohort::Error = err.into();
    assert_eq!(e.exit_code(), 3);
    assert!(e.message.contains(&url), "{}", e.message);
}
