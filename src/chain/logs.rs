//! Bounded `eth_getLogs`: public RPCs cap the block range of one query (0G's at 1,000 blocks;
//! others answer "query returned more than N results" or "block range too large"). A query here
//! covers at most `page` blocks, a page the RPC refuses for its size is halved and asked again,
//! and every other error is returned, never swallowed. Used by the storage client's duplicate
//! search, the storage node's follower, and the readers of a token's holders and a round's
//! submissions.

use alloy::providers::Provider;
use alloy::rpc::types::{Filter, Log};
use alloy::transports::{RpcError, TransportErrorKind};

use super::Chain;
use crate::error::Result;

/// The default page: the most blocks one `eth_getLogs` call covers.
pub const DEFAULT_PAGE: u64 = 1000;

/// Whether an RPC error says the query spanned too many blocks or returned too many logs.
pub fn is_range_error(e: &RpcError<TransportErrorKind>) -> bool {
    let Some(resp) = e.as_error_resp() else {
        return false;
    };
    let m = resp.message.to_ascii_lowercase();
    [
        "block range",
        "range too large",
        "range is too large",
        "too many blocks",
        "more than",
        "limit exceeded",
        "exceed",
        "too large",
        "too many results",
        "query timeout",
    ]
    .iter()
    .any(|needle| m.contains(needle))
}

/// The logs of `filter` in blocks `from..=to`, in one call (or several smaller ones where the RPC
/// refuses the range). `page` is lowered to what the RPC accepted, for the next call.
pub async fn get_logs_range(
    chain: &Chain,
    filter: &Filter,
    from: u64,
    to: u64,
    page: &mut u64,
) -> Result<Vec<Log>> {
    let mut out = Vec::new();
    let mut start = from;
    while start <= to {
        let end = to.min(start.saturating_add((*page).max(1) - 1));
        let f = filter.clone().from_block(start).to_block(end);
        match chain.provider.get_logs(&f).await {
            Ok(mut logs) => {
                out.append(&mut logs);
                start = end + 1;
            }
            Err(e) if is_range_error(&e) && end > start => {
                *page = (end - start).div_ceil(2).max(1);
                tracing::debug!(page = *page, "the RPC refused the log range; halving it");
            }
            Err(e) => return Err(super::describe_transport_error(&chain.rpc_url, &e)),
        }
    }
    Ok(out)
}

/// Searches `filter`'s logs from `head` backwards, page by page, down to block
/// `head - window + 1` (or 0), and returns the first `found` answer (newest pages first).
pub async fn search_back<T>(
    chain: &Chain,
    filter: &Filter,
    head: u64,
    window: u64,
    page: u64,
    mut found: impl FnMut(&[Log]) -> Option<T>,
) -> Result<Option<T>> {
    let lowest = head.saturating_sub(window.saturating_sub(1));
    let mut page = page.max(1);
    let mut end = head;
    loop {
        let start = end.saturating_sub(page - 1).max(lowest);
        let logs = get_logs_range(chain, filter, start, end, &mut page).await?;
        if let Some(t) = found(&logs) {
            return Ok(Some(t));
        }
        if start <= lowest {
            return Ok(None);
        }
        end = start - 1;
    }
}

/// Every log of `filter` from block 0 to the head: one call where the RPC allows the whole range
/// (a devnet), else pages of the size it accepts (found by halving), all in order.
pub async fn all_logs(chain: &Chain, filter: &Filter) -> Result<Vec<Log>> {
    let head = chain.block_number().await?;
    let mut page = head.saturating_add(1);
    get_logs_range(chain, filter, 0, head, &mut page).await
}
