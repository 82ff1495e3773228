//! The public-network parts of the storage path (issue 14) on a real devnet: the flow's submit
//! form found before paying (a flow with 0G's older ABI deployed beside cohort's), the
//! duplicate search through an RPC that caps log ranges, the node follower's confirmation depth
//! and reorg handling (anvil's `evm_snapshot`/`evm_revert`), and the upload flags `--tag`,
//! `--max-fee` and `storage root --fee`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use alloy::primitives::{Address, U256};
use alloy::providers::Provider;
use cohort::chain::bindings::{FixedPriceMarket, Flow, LegacyFlow};
use cohort::chain::{Chain, SignerChain};
use cohort::storage::NodeClient;
use cohort::storage::flow::SubmitAbi;
use cohort::storage::merkle::FileTree;
use serde_json::{Value, json};

use crate::common::{Devnet, NodeProcess, content, wei, write};

async fn signer(devnet: &Devnet, i: u32) -> SignerChain {
    let chain = Chain::connect(&devnet.rpc_url(), Some(31337))
        .await
        .unwrap();
    chain
        .with_signer(cohort::devnet::dev_signer(i).unwrap())
        .unwrap()
}

/// A `cohort node run` process of its own, polling the chain every 50 ms.
async fn start_node(chain_rpc: &str, flow: Address, extra: &[&str]) -> NodeProcess {
    let mut args = vec!["--poll-ms", "50"];
    args.extend_from_slice(extra);
    NodeProcess::start(chain_rpc, &flow.to_string(), &args).await
}

/// Polls `f` until it returns `Some` (60 s at most, then panics with `what`).
async fn until<T, F: std::future::Future<Output = Option<T>>>(
    what: &str,
    mut f: impl FnMut() -> F,
) -> T {
    let start = Instant::now();
    loop {
        if let Some(t) = f().await {
            return t;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn submission_data(tree: &FileTree) -> Flow::SubmissionData {
    cohort::storage::upload::submission_data(&tree.nodes(), tree.size, &[])
}

/// Submits `tree` to cohort's flow at `flow`; returns the txSeq.
async fn submit(s: &SignerChain, flow: Address, price: U256, tree: &FileTree) -> u64 {
    let sectors = cohort::storage::merkle::fee_sectors(tree.size);
    let receipt = Flow::new(flow, &s.provider)
        .submit(Flow::Submission {
            data: submission_data(tree),
            submitter: s.address,
        })
        .value(price * U256::from(sectors))
        .send()
        .await
        .unwrap();
    // Polled by hand: after `evm_revert` the block number goes back, and a receipt watcher
    // that follows new block heads would wait for heights it has already seen.
    let hash = *receipt.tx_hash();
    let receipt = until("the submission's receipt", || async {
        s.provider.get_transaction_receipt(hash).await.unwrap()
    })
    .await;
    assert!(receipt.status());
    receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<Flow::Submit>().ok())
        .expect("a Submit event")
        .inner
        .data
        .submissionIndex
        .to::<u64>()
}

async fn price(s: &SignerChain, devnet: &Devnet) -> U256 {
    let market: Address = devnet.contract("market").parse().unwrap();
    FixedPriceMarket::new(market, &s.provider)
        .pricePerSector()
        .call()
        .await
        .unwrap()
}

/// The selector of the input of transaction `hash`.
async fn selector_of(s: &SignerChain, hash: &str) -> [u8; 4] {
    let tx = s
        .provider
        .get_transaction_by_hash(hash.parse().unwrap())
        .await
        .unwrap()
        .expect("the transaction");
    let input = alloy::consensus::Transaction::input(&tx).clone();
    input[..4].try_into().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Flow ABI detection

/// A flow with 0G's older `submit(SubmissionData)` ABI is deployed beside the devnet's; the
/// client finds out which form each flow takes (by simulating both), uploads through the older
/// one with its selector, caches the answer, and refuses a contract that takes neither with
/// exit 4 before paying.
#[tokio::test(flavor = "multi_thread")]
async fn upload_detects_the_older_submit_abi() {
    let devnet = tokio::task::spawn_blocking(|| Devnet::start(1, 1))
        .await
        .unwrap();
    let s = signer(&devnet, 0).await;
    let price = price(&s, &devnet).await;
    // An older-ABI flow with its own market, and a node following it.
    let market = FixedPriceMarket::deploy(&s.provider, price).await.unwrap();
    let legacy = LegacyFlow::deploy(&s.provider, *market.address())
        .await
        .unwrap();
    let bound = market
        .setFlow(*legacy.address())
        .send()
        .await
        .unwrap()
        .get_receipt()
        .await
        .unwrap();
    assert!(bound.status());
    let node = start_node(&devnet.rpc_url(), *legacy.address(), &[]).await;

    // The library's detection on each contract, with the submission it would send.
    let tree = FileTree::from_bytes(&content(300_000, 1));
    let fee = price * U256::from(cohort::storage::merkle::fee_sectors(tree.size));
    let cache = tempfile::tempdir().unwrap();
    let current: Address = devnet.contract("flow").parse().unwrap();
    let detect = |flow: Address| {
        let (chain, data, cache) = (s.chain.clone(), submission_data(&tree), cache.path());
        async move {
            cohort::storage::flow::submit_abi(&chain, cache, flow, s.address, &data, fee).await
        }
    };
    assert_eq!(detect(current).await.unwrap(), SubmitAbi::Submission);
    assert_eq!(detect(*legacy.address()).await.unwrap(), SubmitAbi::Data);
    let neither = detect(*market.address()).await.unwrap_err();
    assert_eq!(neither.exit_code(), 4, "{neither:?}");
    for sel in ["0xbc8c11f8", "0xef3e12dc", &market.address().to_string()] {
        assert!(neither.message.contains(sel), "{}", neither.message);
    }
    // Nothing was sent by the detection.
    assert_eq!(
        LegacyFlow::new(*legacy.address(), &s.provider)
            .numSubmissions()
            .call()
            .await
            .unwrap(),
        U256::ZERO
    );

    // `storage upload` through the older flow: the profile points at it.
    for (k, v) in [
        (
            "profiles.local.contracts.flow",
            legacy.address().to_string(),
        ),
        (
            "profiles.local.contracts.market",
            market.address().to_string(),
        ),
    ] {
        devnet.json(&["config", "set", k, &v]);
    }
    let dir = tempfile::tempdir().unwrap();
    let data = content(300_000, 1);
    let file = write(dir.path(), "legacy.bin", &data);
    let up = devnet.json(&[
        "storage",
        "upload",
        file.to_str().unwrap(),
        "--storage-node",
        &node.url,
    ]);
    assert_eq!(up["root"], format!("0x{}", hex::encode(tree.root)));
    assert_eq!(up["tx_seq"], 0);
    assert_eq!(wei(&up["fee"]), fee.to::<u128>());
    let hash = up["tx_hash"].as_str().unwrap();
    assert_eq!(selector_of(&s, hash).await, SubmitAbi::Data.selector());
    assert_eq!(SubmitAbi::Data.selector(), [0xef, 0x3e, 0x12, 0xdc]);
    let info = NodeClient::new(&node.url)
        .file_info(&tree.root, false)
        .await
        .unwrap()
        .expect("the node knows the file");
    assert!(info.finalized, "{}", node.log());
    // The answer is cached per chain and flow.
    let cached = walk(devnet.home.path(), "flow-abi");
    assert!(
        cached
            .iter()
            .any(|(name, text)| name.contains(&hex::encode(legacy.address()))
                && text.contains("data")),
        "{cached:?}"
    );
    // The bytes come back through the older flow's node.
    let out = dir.path().join("back.bin");
    devnet.json(&[
        "storage",
        "download",
        up["root"].as_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--storage-node",
        &node.url,
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), data);
}

/// Files under `root` whose path contains `part`: (path, text).
fn walk(root: &std::path::Path, part: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().contains(part) {
                out.push((
                    p.to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap_or_default(),
                ));
            }
        }
    }
    out
}

/// cohort's own flow keeps the current form: the upload's transaction calls 0xbc8c11f8, with
/// `--tag` recorded in the Submit event; `--max-fee` below the fee refuses with exit 4 before
/// any transaction; `storage root --fee` quotes exactly what the upload pays.
#[tokio::test(flavor = "multi_thread")]
async fn upload_flags_tag_max_fee_and_root_fee() {
    let devnet = tokio::task::spawn_blocking(|| Devnet::start(1, 1))
        .await
        .unwrap();
    let s = signer(&devnet, 0).await;
    let dir = tempfile::tempdir().unwrap();
    let data = content(700_000, 2);
    let file = write(dir.path(), "f.bin", &data);
    let path = file.to_str().unwrap();
    let flow: Address = devnet.contract("flow").parse().unwrap();
    let count = || async {
        Flow::new(flow, &s.provider)
            .numSubmissions()
            .call()
            .await
            .unwrap()
    };

    // The quote: sectors × the market's price.
    let root = devnet.json(&["storage", "root", path, "--fee"]);
    let quote = wei(&root["fee"]["fee"]);
    let sectors = cohort::storage::merkle::fee_sectors(data.len() as u64);
    assert_eq!(root["fee"]["sectors"], sectors);
    let price = price(&s, &devnet).await.to::<u128>();
    assert_eq!(quote, price * sectors as u128);
    assert_eq!(wei(&root["fee"]["price_per_sector"]), price);
    // Without --fee, no network and no fee key.
    let plain = devnet.json(&["storage", "root", path]);
    assert!(plain.get("fee").is_none(), "{plain}");

    // --max-fee one wei below the fee: refused, exit 4, nothing sent.
    let below = format!("{}wei", quote - 1);
    let (code, err) = devnet.fails(&["storage", "upload", path, "--max-fee", &below]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("--max-fee"), "{err}");
    assert_eq!(count().await, U256::ZERO);
    // A bad amount or tag is a usage error.
    let (code, err) = devnet.fails(&["storage", "upload", path, "--max-fee", "lots"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = devnet.fails(&["storage", "upload", path, "--tag", "0xzz"]);
    assert_eq!(code, 2, "{err}");

    // At the fee exactly, with a tag: paid once, the tag on chain, the current selector.
    let exact = format!("{quote}wei");
    let up = devnet.json(&[
        "storage",
        "upload",
        path,
        "--max-fee",
        &exact,
        "--tag",
        "0xc0407e",
    ]);
    assert_eq!(wei(&up["fee"]), quote);
    assert_eq!(count().await, U256::from(1));
    let hash = up["tx_hash"].as_str().unwrap();
    assert_eq!(selector_of(&s, hash).await, [0xbc, 0x8c, 0x11, 0xf8]);
    let receipt = s
        .provider
        .get_transaction_receipt(hash.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let ev = receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<Flow::Submit>().ok())
        .unwrap();
    assert_eq!(
        ev.inner.data.submission.tags.to_vec(),
        vec![0xc0, 0x40, 0x7e]
    );
}

// ---------------------------------------------------------------------------------------------
// Bounded log queries

/// An RPC in front of anvil that refuses `eth_getLogs` over more than `cap` blocks with the
/// error public RPCs give, or every `eth_getLogs` with another error once `broken` is set. It
/// records the widest range it served.
struct CappedRpc {
    url: String,
    widest: Arc<AtomicU64>,
    broken: Arc<std::sync::atomic::AtomicBool>,
    _task: tokio::task::JoinHandle<()>,
}

async fn capped_rpc(upstream: String, cap: u64) -> CappedRpc {
    let widest = Arc::new(AtomicU64::new(0));
    let broken = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (w, b) = (widest.clone(), broken.clone());
    let client = reqwest::Client::new();
    let app = axum::Router::new().route(
        "/",
        axum::routing::post(move |body: axum::Json<Value>| {
            let (w, b, client, upstream) = (w.clone(), b.clone(), client.clone(), upstream.clone());
            async move {
                let req = body.0;
                if req["method"] == "eth_getLogs" {
                    let f = &req["params"][0];
                    let num = |v: &Value| {
                        u64::from_str_radix(v.as_str().unwrap().trim_start_matches("0x"), 16)
                            .unwrap()
                    };
                    let (from, to) = (num(&f["fromBlock"]), num(&f["toBlock"]));
                    let err = |code: i64, msg: &str| {
                        axum::Json(json!({"jsonrpc": "2.0", "id": req["id"],
                            "error": {"code": code, "message": msg}}))
                    };
                    if b.load(Ordering::SeqCst) {
                        return err(-32603, "internal error: database unavailable");
                    }
                    if to - from + 1 > cap {
                        return err(
                            -32005,
                            &format!("block range too large: {cap} blocks at most"),
                        );
                    }
                    w.fetch_max(to - from + 1, Ordering::SeqCst);
                }
                let resp: Value = client
                    .post(&upstream)
                    .json(&req)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                axum::Json(resp)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    CappedRpc {
        url,
        widest,
        broken,
        _task: task,
    }
}

/// The duplicate search finds a submission 2,500 blocks back through an RPC that caps log
/// queries at 1,000 blocks (asked for 4,000 at a time, it halves the page until the RPC accepts),
/// never asks for more than the cap, and surfaces any other RPC error instead of answering "not
/// found".
#[tokio::test(flavor = "multi_thread")]
async fn duplicate_search_pages_through_capped_log_ranges() {
    let devnet = tokio::task::spawn_blocking(|| Devnet::start(1, 1))
        .await
        .unwrap();
    let s = signer(&devnet, 1).await;
    let flow: Address = devnet.contract("flow").parse().unwrap();
    let price = price(&s, &devnet).await;
    let tree = FileTree::from_bytes(&content(5_000, 3));
    let seq = submit(&s, flow, price, &tree).await;
    // 2,500 blocks on top of the submission.
    let _: Value = s
        .provider
        .raw_request("anvil_mine".into(), (U256::from(2_500),))
        .await
        .unwrap();

    let capped = capped_rpc(devnet.rpc_url(), 1_000).await;
    let chain = Chain::connect(&capped.url, Some(31337)).await.unwrap();
    let via = chain
        .with_signer(cohort::devnet::dev_signer(1).unwrap())
        .unwrap();
    let find = |opts: cohort::storage::UploadOptions| {
        let (via, nodes) = (&via, tree.nodes());
        async move {
            cohort::storage::upload::find_submission_on_chain(via, flow, &nodes, tree.size, &opts)
                .await
        }
    };
    let page = || cohort::storage::UploadOptions {
        log_page: 4_000,
        ..Default::default()
    };
    let found = find(page()).await.unwrap();
    let (found_seq, hash) = found.expect("the earlier submission");
    assert_eq!(found_seq, seq);
    assert!(hash.starts_with("0x"), "{hash}");
    let widest = capped.widest.load(Ordering::SeqCst);
    assert!(
        widest <= 1_000 && widest > 0,
        "widest range served: {widest}"
    );

    // Out of the window: not found (and no error).
    let none = find(cohort::storage::UploadOptions {
        log_window: 1_000,
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(none.is_none());

    // Another error is an error, not "no earlier submission".
    capped.broken.store(true, Ordering::SeqCst);
    let err = find(page()).await.unwrap_err();
    assert!(err.message.contains("database unavailable"), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// Node follower: confirmations and reorgs

async fn known(url: &str, root: &[u8; 32]) -> Option<cohort::storage::FileInfo> {
    NodeClient::new(url).file_info(root, false).await.unwrap()
}

/// A node with `--confirmations 3` takes a submission only once 3 blocks are on top of it; a
/// reorg (anvil `evm_snapshot` / `evm_revert`) that removes a submission makes both nodes forget
/// it, and the replacing submission with the same txSeq is taken and can be uploaded to.
#[tokio::test(flavor = "multi_thread")]
async fn follower_waits_for_confirmations_and_rolls_back_reorgs() {
    let devnet = tokio::task::spawn_blocking(|| Devnet::start(1, 1))
        .await
        .unwrap();
    let s = signer(&devnet, 2).await;
    let flow: Address = devnet.contract("flow").parse().unwrap();
    let price = price(&s, &devnet).await;
    let fast = devnet.storage_nodes()[0].clone();
    let slow = start_node(&devnet.rpc_url(), flow, &["--confirmations", "3"]).await;
    // Both nodes caught up with the chain as it is.
    let head = s.provider.get_block_number().await.unwrap();
    for (url, depth) in [(fast.as_str(), 0), (slow.url.as_str(), 3)] {
        until("the node reaches the head", || async {
            let st = NodeClient::new(url).status().await.ok()?;
            (st.log_sync_height + depth >= head).then_some(())
        })
        .await;
    }

    let snapshot: U256 = s
        .provider
        .raw_request("evm_snapshot".into(), json!([]))
        .await
        .unwrap();
    let a = FileTree::from_bytes(&content(4_000, 10));
    let seq_a = submit(&s, flow, price, &a).await;
    until("the devnet node sees file A", || known(&fast, &a.root)).await;
    // Not yet 3 blocks deep: the slow node (polling every 50 ms) does not take it.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(known(&slow.url, &a.root).await.is_none(), "{}", slow.log());
    let _: Value = s
        .provider
        .raw_request("anvil_mine".into(), (U256::from(3),))
        .await
        .unwrap();
    until("the slow node takes A after 3 blocks", || {
        known(&slow.url, &a.root)
    })
    .await;

    // The reorg: A's blocks are gone; B takes its txSeq.
    let reverted: bool = s
        .provider
        .raw_request("evm_revert".into(), (snapshot,))
        .await
        .unwrap();
    assert!(reverted);
    // A new signer: the old one's cached nonce counts A's reverted transaction.
    let s = signer(&devnet, 2).await;
    let b = FileTree::from_bytes(&content(9_000, 11));
    let seq_b = submit(&s, flow, price, &b).await;
    assert_eq!(seq_b, seq_a);
    let _: Value = s
        .provider
        .raw_request("anvil_mine".into(), (U256::from(4),))
        .await
        .unwrap();
    for url in [fast.as_str(), slow.url.as_str()] {
        until("the node takes B", || async {
            let info = NodeClient::new(url)
                .file_info_by_tx_seq(seq_b)
                .await
                .unwrap()?;
            (info.tx.data_merkle_root == b.root).then_some(())
        })
        .await;
        assert!(
            known(url, &a.root).await.is_none(),
            "A is still known to {url}"
        );
    }
    assert!(slow.log().contains("reorg"), "{}", slow.log());

    // B uploads and downloads through the devnet as usual.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "b.bin", content(9_000, 11));
    let up = devnet.json(&["storage", "upload", file.to_str().unwrap()]);
    assert_eq!(up["tx_seq"], seq_b);
    assert_eq!(wei(&up["fee"]), 0, "B was already paid: {up}");
}
