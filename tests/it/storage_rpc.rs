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

/// A server that accepts connections and never answers (a hung node, or a proxy before a dead
/// one): how many connections it got.
fn silent_server() -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for c in listener.incoming() {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            held.push(c);
        }
    });
    (url, accepted)
}

fn collecting_notes() -> (cohort::storage::rpc::Notes, Arc<Mutex<Vec<String>>>) {
    let notes = Arc::new(Mutex::new(Vec::new()));
    let sink = notes.clone();
    (
        Arc::new(move |m: &str| sink.lock().unwrap().push(m.to_string())),
        notes,
    )
}

/// A read-only call to a node that accepts and never answers gives up after the read bound,
/// once (not three times the 120 s of a segment transfer), exit 3, and says meanwhile that it
/// waits.
#[tokio::test]
async fn a_silent_node_fails_a_read_after_one_short_wait_and_says_it_waits() {
    let (url, accepted) = silent_server();
    let (notes, seen) = collecting_notes();
    let node = NodeClient::new(&url)
        .with_backoff(Duration::from_millis(5))
        .with_read_timeout(cohort::storage::rpc::WAIT_NOTE_AFTER + Duration::from_secs(1))
        .with_notes(notes);
    // A bound on the test itself: without a read bound this call waits 3 × 120 s.
    let err = tokio::time::timeout(Duration::from_secs(60), node.file_info(&[1; 32], false))
        .await
        .expect("the call is bounded by the read timeout")
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(
        accepted.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "not sent again"
    );
    let notes = seen.lock().unwrap().clone();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains(&format!(
            "waiting for the storage node at {url} to answer zgs_getFileInfo"
        )),
        "{notes:?}"
    );
    let e: cohort::Error = err.into();
    assert_eq!(e.exit_code(), 3);
    assert!(e.message.contains(&url), "{}", e.message);
    assert!(
        e.causes.join(" ").contains("no answer within"),
        "{:?}",
        e.causes
    );
    assert!(cohort::storage::rpc::READ_TIMEOUT <= Duration::from_secs(15));
}

/// A node that refuses connections is asked again, and each retry is a note.
#[tokio::test]
async fn retries_of_a_refused_connection_are_noted() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (notes, seen) = collecting_notes();
    let err = NodeClient::new(&url)
        .with_backoff(Duration::from_millis(5))
        .with_notes(notes)
        .status()
        .await
        .unwrap_err();
    assert!(err.is_transport() && !err.is_timeout(), "{err:?}");
    let notes = seen.lock().unwrap().clone();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains(&url), "{notes:?}");
    assert!(notes[0].contains("attempt 2 of 3"), "{notes:?}");
    assert!(notes[1].contains("attempt 3 of 3"), "{notes:?}");
}

/// A node (or indexer) that quotes the API key of its URL in its error, as hosted providers do
/// ("invalid project id KEY"): the key is masked in the message, as it is in the URL.
#[tokio::test]
async fn a_key_the_node_quotes_in_its_error_is_masked() {
    use axum::extract::Path;
    let key = "9aa3d95b3bc440fa88ea12eaa4456161";
    let app = Router::new().route(
        "/v3/{key}",
        post(|Path(k): Path<String>, Json(req): Json<Value>| async move {
            (
                axum::http::StatusCode::UNAUTHORIZED,
                Json(json!({"jsonrpc": "2.0", "id": req["id"], "error": {
                    "code": -32001, "message": format!("invalid project id {k}"),
                    "data": {"project": k}}})),
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let url = format!("{base}/v3/{key}");

    let err = NodeClient::new(&url)
        .file_info(&[2; 32], false)
        .await
        .unwrap_err();
    assert!(matches!(err, RpcError::Rpc { code: -32001, .. }), "{err:?}");
    let text = err.to_string();
    assert!(!text.contains(key), "{text}");
    assert!(text.contains("invalid project id ***"), "{text}");
    assert!(text.contains(&format!("{base}/v3/***")), "{text}");
    let e: cohort::Error = err.into();
    assert!(!format!("{e:?}").contains(key), "{e:?}");

    let e = cohort::storage::indexer::IndexerClient::new(&url)
        .sharded_nodes()
        .await
        .unwrap_err();
    assert!(!format!("{e:?}").contains(key), "{e:?}");
    assert!(
        e.message.contains("invalid project id ***"),
        "{}",
        e.message
    );
}
