//! The chain follower: polls `eth_getLogs` for the flow contract's `Submit` events from a block
//! cursor persisted in the data folder, turns each event into a tx record (docs/protocol.md 2.1, 6.2)
//! and stores it before the cursor moves past its block.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use alloy::rpc::types::{Filter, Log};
use alloy::sol_types::SolEvent;
use tracing::{debug, info, warn};

use super::store::{Store, TxRecord};
use crate::chain::Chain;
use crate::chain::bindings::Flow;
use crate::error::{Error, Result};
use crate::storage::merkle::{SubmissionNode, root_from_nodes};

/// The most blocks one `eth_getLogs` call covers.
pub const MAX_BLOCK_RANGE: u64 = 1000;

/// `Submit(address,bytes32,uint256,uint256,uint256,(uint256,bytes,(bytes32,uint256)[]))`.
pub const SUBMIT_TOPIC: B256 = Flow::Submit::SIGNATURE_HASH;

/// What the follower shares with the RPC server.
#[derive(Debug, Default)]
pub struct ChainInfo {
    /// The chain id, 0 until the chain has answered once.
    pub chain_id: AtomicU64,
    /// The newest block the chain reported.
    pub head: AtomicU64,
    /// The confirmations the follower waits for, plus one (0 until it follows the chain).
    pub confirmations_plus_one: AtomicU64,
}

impl ChainInfo {
    /// The confirmations the follower waits for, once it follows the chain.
    pub fn confirmations(&self) -> Option<u64> {
        self.confirmations_plus_one
            .load(Ordering::Relaxed)
            .checked_sub(1)
    }
}

fn to_u64(v: U256, what: &str) -> Result<u64> {
    u64::try_from(v)
        .map_err(|_| Error::failed("node.bad_event", format!("{what} {v} does not fit u64")))
}

/// Builds the tx record of one Submit log: seq = submissionIndex, size = submission.length
/// (bytes), startEntryIndex = startPos, nodes = (height, root), root = right fold of the nodes.
pub fn tx_from_log(log: &Log) -> Result<TxRecord> {
    let decoded = log
        .log_decode::<Flow::Submit>()
        .map_err(|e| Error::failed("node.bad_event", format!("undecodable Submit log: {e}")))?;
    let ev = &decoded.inner.data;
    let mut nodes = Vec::with_capacity(ev.submission.nodes.len());
    for n in &ev.submission.nodes {
        let height = to_u64(n.height, "node height")?;
        if height >= 64 {
            return Err(Error::failed(
                "node.bad_event",
                format!("node height {height} >= 64"),
            ));
        }
        nodes.push((height, n.root));
    }
    if nodes.is_empty() {
        return Err(Error::failed(
            "node.bad_event",
            "a Submit event without nodes",
        ));
    }
    let size = to_u64(ev.submission.length, "submission length")?;
    if size == 0 {
        return Err(Error::failed("node.bad_event", "a Submit event of 0 bytes"));
    }
    let sub_nodes: Vec<SubmissionNode> = nodes
        .iter()
        .map(|(h, r)| SubmissionNode {
            root: r.0,
            height: *h,
        })
        .collect();
    Ok(TxRecord {
        seq: to_u64(ev.submissionIndex, "submissionIndex")?,
        root: B256::from(root_from_nodes(&sub_nodes)),
        size,
        start_entry_index: to_u64(ev.startPos, "startPos")?,
        nodes,
        block: log.block_number.unwrap_or_default(),
    })
}

/// How the follower reads the chain.
#[derive(Debug, Clone, Copy)]
pub struct FollowOptions {
    /// Blocks a block must have on top of it before its events are ingested (0: the head).
    pub confirmations: u64,
    /// The most blocks one `eth_getLogs` call covers (lowered to what the RPC accepts).
    pub page: u64,
}

impl FollowOptions {
    /// The confirmation depth when none is given: 0 on a local devnet (chain id 31337), 6
    /// elsewhere.
    pub fn default_confirmations(chain_id: u64) -> u64 {
        if chain_id == crate::devnet::CHAIN_ID {
            0
        } else {
            6
        }
    }
}

/// The hash of block `n`, `None` when the chain has no such block (any more).
async fn block_hash(chain: &Chain, n: u64) -> Result<Option<B256>> {
    let block = chain
        .provider
        .get_block_by_number(n.into())
        .await
        .map_err(|e| crate::chain::unreachable(&chain.rpc_url, e))?;
    Ok(block.map(|b| b.header.hash))
}

/// Checks the newest recorded block against the chain; after a reorg, finds the newest recorded
/// block the chain still has and rolls the store back to it (its txs after that block are
/// forgotten, the cursor moves back). Returns whether it rolled back.
pub async fn check_reorg(chain: &Chain, store: &Arc<Store>) -> Result<bool> {
    let checkpoints = store.checkpoints();
    let Some(&(newest, hash)) = checkpoints.last() else {
        return Ok(false);
    };
    if block_hash(chain, newest).await? == Some(hash) {
        return Ok(false);
    }
    let mut fork = None;
    for &(b, h) in checkpoints.iter().rev().skip(1) {
        if block_hash(chain, b).await? == Some(h) {
            fork = Some(b);
            break;
        }
    }
    let Some(fork) = fork else {
        return Err(Error::failed(
            "node.deep_reorg",
            format!(
                "the chain no longer has any of the {} recorded blocks ({}..={newest}): a reorg deeper than the node's record",
                checkpoints.len(),
                checkpoints[0].0
            ),
        )
        .hint("stop the node, delete cursor.json and txs/ in its data folder, and start it again to re-read the chain"));
    };
    let store2 = Arc::clone(store);
    let gone = tokio::task::spawn_blocking(move || store2.roll_back_after(fork))
        .await
        .map_err(|e| Error::failed("node.task", e.to_string()))??;
    warn!(
        fork,
        newest,
        forgotten = gone.len(),
        "chain reorganisation: blocks after {fork} were replaced; rolled back"
    );
    for rec in &gone {
        info!(seq = rec.seq, root = %rec.root, block = rec.block, "forgot a file the reorg removed");
    }
    Ok(true)
}

/// One polling step: handles a reorg, then ingests the Submit events of up to `opts.page`
/// confirmed blocks. Returns true when the follower has caught up with the confirmed head.
pub async fn step(
    chain: &Chain,
    flow: Address,
    store: &Arc<Store>,
    info: &ChainInfo,
    opts: &mut FollowOptions,
) -> Result<bool> {
    let url = &chain.rpc_url;
    let head = chain
        .provider
        .get_block_number()
        .await
        .map_err(|e| crate::chain::unreachable(url, e))?;
    info.head.store(head, Ordering::Relaxed);
    check_reorg(chain, store).await?;
    let Some(safe) = head.checked_sub(opts.confirmations) else {
        return Ok(true);
    };
    let from = store.next_block();
    if from > safe {
        return Ok(true);
    }
    let to = safe.min(from + opts.page.max(1) - 1);
    // The hash of `to` is read before its logs: if a reorg replaces it meanwhile, the next
    // step sees the mismatch and reads the blocks again.
    let Some(to_hash) = block_hash(chain, to).await? else {
        return Ok(false);
    };
    let filter = Filter::new().address(flow).event_signature(SUBMIT_TOPIC);
    let mut logs =
        crate::chain::logs::get_logs_range(chain, &filter, from, to, &mut opts.page).await?;
    logs.sort_by_key(|l| (l.block_number, l.log_index));
    let mut records = Vec::with_capacity(logs.len());
    for log in logs.iter().filter(|l| !l.removed) {
        match tx_from_log(log) {
            Ok(rec) => records.push(rec),
            Err(e) => warn!(block = ?log.block_number, "skipping a Submit log: {}", e.message),
        }
    }
    let store2 = Arc::clone(store);
    let added = tokio::task::spawn_blocking(move || -> Result<Vec<TxRecord>> {
        let mut added = vec![];
        for rec in records {
            if store2.add_tx(rec.clone())? {
                added.push(rec);
            }
        }
        // Only after every tx of [from, to] is durable does the cursor move past `to`.
        store2.set_ingested(to, to_hash)?;
        Ok(added)
    })
    .await
    .map_err(|e| Error::failed("node.task", e.to_string()))??;
    for rec in &added {
        info!(
            seq = rec.seq,
            root = %rec.root,
            size = rec.size,
            start = rec.start_entry_index,
            "new file from the chain"
        );
    }
    debug!(from, to, head, "synced blocks");
    Ok(to == safe)
}

/// Checks that `flow` holds code on the chain and that the data folder follows this chain and
/// flow, and this chain's genesis block (not one reset or replaced under the same id) (exit 2
/// otherwise); a folder that has recorded none of them (new, or of an older version) adopts them.
pub async fn check_followed(chain: &Chain, flow: Address, store: &Arc<Store>) -> Result<()> {
    let url = crate::redact::url(&chain.rpc_url);
    if let Some((chain_id, recorded)) = store.followed()
        && (chain_id != chain.chain_id || recorded != flow)
    {
        let on = format!(" on chain {} ({url})", chain.chain_id);
        return Err(data_dir_mismatch(store, (chain_id, recorded), flow, &on));
    }
    if !chain.has_code(flow).await? {
        return Err(Error::usage(
            "node.no_flow_contract",
            format!(
                "no contract at the flow address {flow} on chain {} ({url})",
                chain.chain_id
            ),
        )
        .hint("pass the flow contract's address with --flow (or --chain-rpc the chain it is on)"));
    }
    check_answers_as_flow(chain, flow).await?;
    let genesis = crate::worker::state::chain_genesis(chain).await?;
    if let Some(recorded) = store.followed_genesis()
        && recorded != genesis
    {
        return Err(Error::usage(
            "node.data_dir_other_chain",
            format!(
                "{} holds the files of flow {flow} on another chain with id {} (genesis block {recorded:#x}; the chain at {url} starts with {genesis:#x}): the chain was reset or replaced",
                store.dir().display(),
                chain.chain_id
            ),
        )
        .hint("give this node a new --data-dir, or empty this one (its files belong to the old chain); `cohort devnet reset` empties the devnet's own nodes' folders"));
    }
    let (adopt_flow, adopt_genesis) = (
        store.followed().is_none(),
        store.followed_genesis().is_none(),
    );
    if adopt_flow || adopt_genesis {
        let store2 = Arc::clone(store);
        let chain_id = chain.chain_id;
        tokio::task::spawn_blocking(move || {
            if adopt_flow {
                store2.set_followed(chain_id, flow)?;
            }
            store2.set_genesis(genesis)
        })
        .await
        .map_err(|e| Error::failed("node.task", e.to_string()))??;
    }
    Ok(())
}

/// Checks that the contract at `flow` answers as a 0G flow contract: its `market()`, the view
/// the clients read the storage fee market from (cohort's flow and 0G's both have it). A
/// revert or an empty answer is another contract (exit 2, naming where the flow is found); an
/// unreachable chain stays an error to retry.
pub async fn check_answers_as_flow(chain: &Chain, flow: Address) -> Result<()> {
    let url = crate::redact::url(&chain.rpc_url);
    let answer = Flow::new(flow, &chain.provider).market().call().await;
    let why = match answer {
        Ok(_) => return Ok(()),
        Err(alloy::contract::Error::TransportError(e)) => {
            let reverted = e
                .as_error_resp()
                .is_some_and(|r| r.as_revert_data().is_some() || r.message.contains("revert"));
            if !reverted {
                // The chain did not answer, or failed otherwise (rate limits): no verdict on
                // the contract, a retry may do.
                return Err(crate::chain::revert::describe_transport_error(
                    &chain.rpc_url,
                    &e,
                ));
            }
            "reverts".to_string()
        }
        // An answer that is no address (empty: a contract without the function).
        Err(e) => format!("answers no address ({e})"),
    };
    Err(Error::usage(
        "node.not_a_flow",
        format!(
            "the contract at {flow} on chain {} ({url}) does not answer as a 0G flow contract: its market() call {why}",
            chain.chain_id
        ),
    )
    .hint(
        "pass the flow contract's address with --flow: on the local devnet `cohort devnet status` lists it (`flow`), elsewhere the profile's (`cohort config get profiles.NAME.contracts.flow`)",
    ))
}

/// Checks, without the chain, that the data folder follows `flow` when it recorded a flow
/// (exit 2 otherwise): what a node can refuse before its chain answers.
pub fn check_recorded_flow(flow: Address, store: &Store) -> Result<()> {
    match store.followed() {
        Some((chain_id, recorded)) if recorded != flow => {
            Err(data_dir_mismatch(store, (chain_id, recorded), flow, ""))
        }
        _ => Ok(()),
    }
}

/// A data folder of another chain or flow: `on` says which chain `flow` was asked on.
fn data_dir_mismatch(
    store: &Store,
    (chain_id, recorded): (u64, Address),
    flow: Address,
    on: &str,
) -> Error {
    Error::usage(
        "node.data_dir_mismatch",
        format!(
            "{} holds the files of flow {recorded} on chain {chain_id}, not of flow {flow}{on}",
            store.dir().display(),
        ),
    )
    .hint(format!(
        "give this node another --data-dir (one folder per chain and flow), or run it with --flow {recorded} on chain {chain_id}"
    ))
}

/// How often a node that follows its chain without errors asks the chain id again.
const CHAIN_ID_CHECK_EVERY: Duration = Duration::from_secs(30);

/// Stops the node (exit 2) when the RPC now serves another chain id than the one the node
/// follows (a chain restarted on the same address with another id). An RPC that does not
/// answer says nothing: the follower retries.
async fn check_same_chain(chain: &Chain, store: &Store) -> Result<()> {
    let Ok(now) = chain.provider.get_chain_id().await else {
        return Ok(());
    };
    if now == chain.chain_id {
        return Ok(());
    }
    Err(Error::usage(
        "node.chain_changed",
        format!(
            "the RPC at {} now serves chain {now} but this data dir ({}) belongs to chain {}",
            crate::redact::url(&chain.rpc_url),
            store.dir().display(),
            chain.chain_id
        ),
    )
    .hint(format!(
        "bring chain {} back at that address, or start the node for chain {now} with another \
         --data-dir (one folder per chain and flow)",
        chain.chain_id
    )))
}

/// Follows the chain until the task is dropped: connects (retrying), checks the flow and the
/// data folder ([`check_followed`]), then polls every `poll` while caught up, and immediately
/// while behind. Returns only with an error the node cannot go on with (exit 2).
pub async fn run(
    chain_rpc: String,
    flow: Address,
    store: Arc<Store>,
    info: Arc<ChainInfo>,
    poll: Duration,
    confirmations: Option<u64>,
) -> Result<()> {
    // Connect, retrying for as long as it takes (the node may start before its chain).
    let mut attempts = 0u32;
    let policy = crate::chain::retry::Policy::forever(poll, Duration::from_secs(5));
    let connected = crate::chain::retry::retry(
        policy,
        "connecting to the chain",
        |e: &crate::Error| {
            // A bad URL, a flow without code or another folder's flow: no retry helps.
            if e.kind == crate::error::ErrorKind::Usage {
                return false;
            }
            attempts += 1;
            if attempts == 1 || attempts.is_multiple_of(20) {
                warn!(
                    "chain at {} not reachable yet ({attempts}x): {}",
                    crate::redact::url(&chain_rpc),
                    e.message
                );
            }
            true
        },
        || {
            let (url, store) = (&chain_rpc, &store);
            async move {
                let chain = Chain::connect(url, None).await?;
                check_followed(&chain, flow, store).await?;
                Ok(chain)
            }
        },
    )
    .await;
    let chain = connected?;
    info.chain_id.store(chain.chain_id, Ordering::Relaxed);
    let mut opts = FollowOptions {
        confirmations: confirmations
            .unwrap_or_else(|| FollowOptions::default_confirmations(chain.chain_id)),
        page: MAX_BLOCK_RANGE,
    };
    info.confirmations_plus_one
        .store(opts.confirmations.saturating_add(1), Ordering::Relaxed);
    info!(chain_id = chain.chain_id, %flow, from_block = store.next_block(), confirmations = opts.confirmations, "following the flow contract");
    let mut failures = 0u32;
    let mut id_checked = std::time::Instant::now();
    loop {
        // Now and then, and after every failed step: is it still the same chain?
        let due = id_checked.elapsed() >= CHAIN_ID_CHECK_EVERY;
        let stepped = step(&chain, flow, &store, &info, &mut opts).await;
        if due || stepped.is_err() {
            check_same_chain(&chain, &store).await?;
            id_checked = std::time::Instant::now();
        }
        match stepped {
            Ok(true) => {
                failures = 0;
                tokio::time::sleep(poll).await;
            }
            Ok(false) => failures = 0,
            Err(e) => {
                failures += 1;
                if failures == 1 || failures.is_multiple_of(20) {
                    warn!("chain sync failed ({failures}x): {}", e.message);
                }
                tokio::time::sleep(poll * failures.min(10)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submit_topic_is_the_protocol_topic() {
        assert_eq!(
            SUBMIT_TOPIC.to_string(),
            "0x167ce04d2aa1981994d3a31695da0d785373335b1078cec239a1a3a2c7675555"
        );
    }
}
