//! Which spans of a submission are re-executed, from randomness no party controls in advance.
//!
//! The rule, recomputable by anyone from the chain:
//!
//! 1. The round's **seed block** is the block that holds the round's last `WorkSubmitted`
//!    event (the highest block number among the round's submissions). Its hash depends on
//!    everything in that block and is known to nobody before the block is mined, that is
//!    after the last worker signed its submission; no submission can follow once the round
//!    closed.
//! 2. Each submission's seed is `blake3::derive_key("cohort.verify.span-seed.v1", block hash ‖
//!    job id ‖ round ‖ worker ‖ bundle root)` (each part length-prefixed, see `trainer::rng`).
//! 3. `verify.spans` of the submission's K-spans are drawn from that seed without replacement
//!    ([`crate::trainer::verify::sample_spans`]).
//!
//! The coordinator, every committee member and `job audit` use this module, so they draw the
//! same spans.

use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use alloy::rpc::types::Filter;
use alloy::sol_types::SolEvent;
use serde::{Deserialize, Serialize};

use super::JobMarket;
use crate::chain::bindings::JobMarket as abi;
use crate::error::{Error, Result};
use crate::trainer::rng::Stream;

/// The block whose hash seeds a round's span draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedBlock {
    pub number: u64,
    pub hash: B256,
}

/// The round's seed block: the block of its last `WorkSubmitted` event (None when nothing was
/// submitted).
pub async fn seed_block(market: &JobMarket, job_id: u64, round: u32) -> Result<Option<SeedBlock>> {
    let chain = &market.chain;
    let filter = Filter::new()
        .address(market.address)
        .event_signature(abi::WorkSubmitted::SIGNATURE_HASH)
        .topic1(U256::from(job_id))
        .topic2(U256::from(round));
    let logs = crate::chain::logs::all_logs(chain, &filter).await?;
    let last = logs
        .iter()
        .filter_map(|l| Some((l.block_number?, l.block_hash?)))
        .max_by_key(|(n, _)| *n);
    let Some((number, hash)) = last else {
        return Ok(None);
    };
    // The log's block hash, checked against the chain's block of that number (a node that
    // served a log from a reorganized-away block would otherwise seed another draw).
    let block = chain
        .provider
        .get_block_by_number(number.into())
        .await
        .map_err(|e| crate::chain::unreachable(&chain.rpc_url, e))?
        .ok_or_else(|| {
            Error::failed(
                "verify.seed_block",
                format!("the chain has no block {number} (the round's seed block)"),
            )
        })?;
    if block.header.hash != hash {
        return Err(Error::failed(
            "verify.seed_block",
            format!("block {number} changed (reorganized) while reading the round's submissions"),
        )
        .hint("retry once the chain settles"));
    }
    Ok(Some(SeedBlock { number, hash }))
}

/// The seed of one submission's span draw.
pub fn span_seed(
    block_hash: B256,
    job_id: u64,
    round: u32,
    worker: Address,
    bundle_root: B256,
) -> [u8; 32] {
    let mut s = Stream::new(
        "cohort.verify.span-seed.v1",
        &[
            block_hash.as_slice(),
            &job_id.to_le_bytes(),
            &round.to_le_bytes(),
            worker.as_slice(),
            bundle_root.as_slice(),
        ],
    );
    let mut out = [0u8; 32];
    for c in out.chunks_exact_mut(8) {
        c.copy_from_slice(&s.next_u64().to_le_bytes());
    }
    out
}

/// The indices of the spans (0 = the round's first K-span) to re-execute for one submission.
pub fn draw(
    block: &SeedBlock,
    job_id: u64,
    round: u32,
    worker: Address,
    bundle_root: B256,
    n_spans: usize,
    count: u32,
) -> Vec<usize> {
    let seed = span_seed(block.hash, job_id, round, worker, bundle_root);
    crate::trainer::verify::sample_spans(&seed, n_spans, count as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_depends_on_every_input() {
        let (h, w, r) = (
            B256::repeat_byte(1),
            Address::repeat_byte(2),
            B256::repeat_byte(3),
        );
        let base = span_seed(h, 1, 0, w, r);
        assert_eq!(base, span_seed(h, 1, 0, w, r));
        assert_ne!(base, span_seed(B256::repeat_byte(9), 1, 0, w, r));
        assert_ne!(base, span_seed(h, 2, 0, w, r));
        assert_ne!(base, span_seed(h, 1, 1, w, r));
        assert_ne!(base, span_seed(h, 1, 0, Address::repeat_byte(9), r));
        assert_ne!(base, span_seed(h, 1, 0, w, B256::repeat_byte(9)));
    }
}
