//! The Flow and FixedPriceMarket contracts on anvil, through the same bindings the CLI uses:
//! Submit events, flow positions and fees exactly as docs/protocol.md sections 1.6 and 2.

use crate::common::Devnet;
use alloy::primitives::{Address, B256, Bytes, U256};
use alloy::providers::Provider;
use cohort::chain::Chain;
use cohort::chain::bindings::{FixedPriceMarket, Flow};

fn node(height: u64, byte: u8) -> Flow::SubmissionNode {
    Flow::SubmissionNode {
        root: B256::repeat_byte(byte),
        height: U256::from(height),
    }
}

fn submission(
    length: u64,
    nodes: Vec<Flow::SubmissionNode>,
    submitter: Address,
) -> Flow::Submission {
    Flow::Submission {
        data: Flow::SubmissionData {
            length: U256::from(length),
            tags: Bytes::new(),
            nodes,
        },
        submitter,
    }
}

struct Setup {
    _net: Devnet,
    chain: cohort::chain::SignerChain,
    flow: Address,
    market: Address,
    price: U256,
}

async fn setup() -> Setup {
    let net = tokio::task::spawn_blocking(|| Devnet::start(0, 1))
        .await
        .unwrap();
    let chain = Chain::connect(&net.rpc_url(), Some(31337)).await.unwrap();
    let signer = chain
        .with_signer(cohort::devnet::dev_signer(1).unwrap())
        .unwrap();
    let flow: Address = net.contract("flow").parse().unwrap();
    let market: Address = net.contract("market").parse().unwrap();
    let price = FixedPriceMarket::new(market, &signer.provider)
        .pricePerSector()
        .call()
        .await
        .unwrap();
    Setup {
        _net: net,
        chain: signer,
        flow,
        market,
        price,
    }
}

/// Submits and returns (txSeq, startPos, sectors) from the Submit event, checking its fields.
async fn submit_ok(s: &Setup, sub: Flow::Submission, sectors: u64) -> (u64, u64, u64) {
    let flow = Flow::new(s.flow, &s.chain.provider);
    assert_eq!(flow.market().call().await.unwrap(), s.market);
    let fee = s.price * U256::from(sectors);
    let market_before = s.chain.provider.get_balance(s.market).await.unwrap();
    let receipt = flow
        .submit(sub.clone())
        .value(fee)
        .send()
        .await
        .unwrap()
        .get_receipt()
        .await
        .unwrap();
    assert!(receipt.status());
    let market_after = s.chain.provider.get_balance(s.market).await.unwrap();
    assert_eq!(
        market_after - market_before,
        fee,
        "the market must receive exactly the fee"
    );
    let log = receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| l.log_decode::<Flow::Submit>().ok())
        .expect("a Submit event");
    assert_eq!(log.address(), s.flow);
    let ev = log.inner.data;
    assert_eq!(ev.sender, sub.submitter);
    let mut packed = Vec::new();
    for n in &sub.data.nodes {
        packed.extend_from_slice(n.root.as_slice());
    }
    assert_eq!(ev.identity, alloy::primitives::keccak256(&packed));
    assert_eq!(ev.submission.length, sub.data.length);
    assert_eq!(ev.submission.nodes.len(), sub.data.nodes.len());
    (
        ev.submissionIndex.to::<u64>(),
        ev.startPos.to::<u64>(),
        ev.length.to::<u64>(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn flow_submit_emits_spec_positions_and_charges_exact_fee() {
    let s = setup().await;
    let me = s.chain.address;
    // docs/protocol.md 2.2: a 1-byte first file gets startPos 1; a 600000-byte file (h = 11, 9) next
    // gets startPos 2048.
    assert_eq!(
        submit_ok(&s, submission(1, vec![node(0, 1)], me), 1).await,
        (0, 1, 1)
    );
    assert_eq!(
        submit_ok(
            &s,
            submission(600000, vec![node(11, 2), node(9, 3)], me),
            2560
        )
        .await,
        (1, 2048, 2560)
    );
    // 262145 bytes (vector: heights 10 and 7, 1152 sectors) aligns to the next segment: 5120.
    assert_eq!(
        submit_ok(
            &s,
            submission(262145, vec![node(10, 4), node(7, 5)], me),
            1152
        )
        .await,
        (2, 5120, 1152)
    );
    // A 1-byte file right after fits in the current segment (6272).
    assert_eq!(
        submit_ok(&s, submission(1, vec![node(0, 6)], me), 1).await,
        (3, 6272, 1)
    );
    // 768 sectors (h = 9, 8) starting at 6656 would cross a segment boundary: padded to 7168.
    assert_eq!(
        submit_ok(
            &s,
            submission(196608, vec![node(9, 7), node(8, 8)], me),
            768
        )
        .await,
        (4, 7168, 768)
    );
    let flow = Flow::new(s.flow, &s.chain.provider);
    assert_eq!(flow.submissionIndex().call().await.unwrap(), U256::from(5));
    assert_eq!(flow.numSubmissions().call().await.unwrap(), U256::from(5));
    // The submitter in the struct, not msg.sender, is the event's sender.
    let other = Address::repeat_byte(0x42);
    let (seq, _, _) = submit_ok(&s, submission(1, vec![node(0, 9)], other), 1).await;
    assert_eq!(seq, 5);
}

async fn expect_revert(s: &Setup, sub: Flow::Submission, value: U256, name: &str) {
    let flow = Flow::new(s.flow, &s.chain.provider);
    let err = flow
        .submit(sub)
        .value(value)
        .call()
        .await
        .expect_err("must revert");
    let e = cohort::chain::describe_contract_error(&s.chain.chain.rpc_url, err);
    assert_eq!(e.exit_code(), 4, "{e:?}");
    assert!(
        e.message.contains(name),
        "expected {name}, got: {}",
        e.message
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn flow_rejects_invalid_submissions() {
    let s = setup().await;
    let me = s.chain.address;
    let fee = |sectors: u64| s.price * U256::from(sectors);
    // A 0-byte file cannot be stored (length must exceed the next smaller capacity).
    expect_revert(
        &s,
        submission(0, vec![node(0, 1)], me),
        fee(1),
        "LengthTooSmall",
    )
    .await;
    // Heights must strictly decrease.
    expect_revert(
        &s,
        submission(600, vec![node(1, 1), node(1, 2)], me),
        fee(4),
        "HeightsNotDecreasing",
    )
    .await;
    // No nodes; zero submitter.
    expect_revert(&s, submission(1, vec![], me), fee(1), "NoNodes").await;
    expect_revert(
        &s,
        submission(1, vec![node(0, 1)], Address::ZERO),
        fee(1),
        "ZeroSubmitter",
    )
    .await;
    // Too long for the capacity, or fits a smaller padded size.
    expect_revert(
        &s,
        submission(257, vec![node(0, 1)], me),
        fee(1),
        "LengthExceedsCapacity",
    )
    .await;
    expect_revert(
        &s,
        submission(100, vec![node(1, 1)], me),
        fee(2),
        "LengthTooSmall",
    )
    .await;
    // Height span of 4 or more.
    expect_revert(
        &s,
        submission(16 * 256 + 256, vec![node(4, 1), node(0, 2)], me),
        fee(17),
        "HeightSpanTooLarge",
    )
    .await;
    // Fee short by one wei.
    expect_revert(
        &s,
        submission(1, vec![node(0, 1)], me),
        fee(1) - U256::from(1),
        "NotEnoughFee",
    )
    .await;
    // Nothing was appended.
    let flow = Flow::new(s.flow, &s.chain.provider);
    assert_eq!(flow.submissionIndex().call().await.unwrap(), U256::ZERO);
}
