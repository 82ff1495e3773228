//! Chain access: an alloy provider for the profile's RPC URL, contract bindings generated from
//! the committed artifacts in `contracts/out`, sending with confirmation, and revert decoding.

pub mod bindings;
pub mod contract;
pub mod logs;
pub mod retry;
pub mod revert;
pub mod transfer;
pub mod tx;
pub mod units;

use std::time::Duration;

use alloy::network::EthereumWallet;
use alloy::primitives::{Address, U256};
use alloy::providers::{DynProvider, Provider, ProviderBuilder};
use alloy::rpc::client::{ClientBuilder, RpcClient};
use alloy::signers::local::PrivateKeySigner;
use alloy::transports::http::Http;
use alloy::transports::layers::{RateLimitRetryPolicy, RetryBackoffLayer, RetryPolicy};
use alloy::transports::{RpcError, TransportError};

use crate::error::{Error, Result};

pub use revert::{Revert, decode_revert, describe_contract_error, describe_transport_error};

/// Timeout for a single JSON-RPC request to the chain.
pub const RPC_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection to an EVM chain.
#[derive(Clone, Debug)]
pub struct Chain {
    pub provider: DynProvider,
    pub rpc_url: String,
    pub chain_id: u64,
}

/// How often a client on a loopback chain polls for new blocks (receipts).
const LOCAL_POLL: Duration = Duration::from_millis(50);

fn http_client(rpc_url: &str) -> Result<RpcClient> {
    let url: reqwest::Url = rpc_url.parse().map_err(|_| {
        Error::usage(
            "chain.bad_url",
            format!("'{}' is not a valid RPC URL", crate::redact::url(rpc_url)),
        )
        .hint("use a URL like http://127.0.0.1:8545")
    })?;
    let client = reqwest::Client::builder()
        .timeout(RPC_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| Error::failed("chain.http", e.to_string()))?;
    let is_local = url
        .host_str()
        .is_some_and(|h| h == "127.0.0.1" || h == "localhost");
    // Public RPCs answer a burst with 429 (or 502/503/504 behind a gateway); alloy's retry layer
    // resends such a request after the server's Retry-After (capped) or a second.
    let rpc = ClientBuilder::default()
        .layer(RetryBackoffLayer::new_with_policy(
            RPC_RETRIES,
            1_000,
            u64::MAX,
            BusyRetryPolicy,
        ))
        .transport(Http::with_client(client, url), is_local);
    // On loopback (a devnet) receipts are polled every 50 ms rather than alloy's 250 ms: an
    // upload of many small files waits for about one receipt per ten files.
    Ok(if is_local {
        rpc.with_poll_interval(LOCAL_POLL)
    } else {
        rpc
    })
}

/// How many times a request the RPC answered busy (429, 502, 503, 504) is sent again.
pub const RPC_RETRIES: u32 = 5;

/// The longest wait a busy RPC's `Retry-After` may ask for before a request is sent again.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// alloy's rate-limit policy (HTTP 429 and 503, JSON-RPC rate-limit errors, a `Retry-After`),
/// plus a gateway's 502 and 504, with the server's requested delay capped: a command waits
/// seconds, not the five minutes a server may ask for.
#[derive(Debug, Clone, Copy)]
struct BusyRetryPolicy;

impl RetryPolicy for BusyRetryPolicy {
    fn should_retry(&self, error: &TransportError) -> bool {
        // A log query the RPC refuses for its size (Infura's -32005 "query returned more than
        // 10000 results" shares the rate limit's code) is asked again smaller by
        // `logs::get_logs_range`, not later.
        let rate = error
            .as_error_resp()
            .is_some_and(|r| r.message.to_ascii_lowercase().contains("rate"));
        if logs::is_range_error(error) && !rate {
            return false;
        }
        RateLimitRetryPolicy::default().should_retry(error)
            || matches!(error, RpcError::Transport(k) if k.as_http_error().is_some_and(|h| matches!(h.status, 502 | 504)))
    }

    fn backoff_hint(&self, error: &TransportError) -> Option<Duration> {
        RateLimitRetryPolicy::default()
            .backoff_hint(error)
            .map(|d| d.min(MAX_RETRY_AFTER))
    }
}

/// Whether a chain call failed because the RPC did not answer within [`RPC_TIMEOUT`].
pub fn is_timeout(e: &TransportError) -> bool {
    let RpcError::Transport(kind) = e else {
        return false;
    };
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(kind);
    while let Some(err) = src {
        if let Some(r) = err.downcast_ref::<reqwest::Error>()
            && r.is_timeout()
        {
            return true;
        }
        src = err.source();
    }
    false
}

/// The error for a call to the chain that failed without an answer: [`unreachable`], or where
/// the RPC did not answer in time, exit 3 saying so.
pub fn transport_failure(rpc_url: &str, e: &TransportError) -> Error {
    if is_timeout(e) {
        return Error::unreachable(
            "chain.timeout",
            format!(
                "the chain RPC at {} did not answer within {} s (timed out)",
                crate::redact::url(rpc_url),
                RPC_TIMEOUT.as_secs()
            ),
        )
        .cause(crate::redact::text_with(&e.to_string(), rpc_url))
        .hint("the RPC is slow or overloaded: run the command again later, or use another RPC (--rpc-url, COHORT_RPC_URL or the profile's rpc_url)");
    }
    unreachable(rpc_url, e)
}

/// The error for an endpoint that answered the chain id question with something other than an
/// Ethereum JSON-RPC answer (a JSON-RPC error such as "Method not found", an HTML page): the
/// URL is wrong (exit 2). `None` for an error without an answer (unreachable, timed out).
pub fn not_rpc(rpc_url: &str, e: &TransportError) -> Option<Error> {
    let what = match e {
        RpcError::ErrorResp(p) => p.message.to_string(),
        RpcError::DeserError { text, .. } => {
            let t: String = text.chars().take(80).collect();
            format!("answered {:?}", t.trim())
        }
        RpcError::NullResp => "answered null".to_string(),
        RpcError::Transport(k) => match k.as_http_error() {
            Some(h) if matches!(h.status, 400 | 404 | 405 | 415) => {
                format!("HTTP {}", h.status)
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(
        Error::usage(
            "chain.not_rpc",
            format!(
                "{} answers but does not serve Ethereum JSON-RPC (eth_chainId: {})",
                crate::redact::url(rpc_url),
                crate::redact::text_with(&what, rpc_url)
            ),
        )
        .hint("check --rpc-url, COHORT_RPC_URL or the profile's rpc_url: it must be the chain's JSON-RPC endpoint (e.g. http://127.0.0.1:8545), not a storage node or a web page"),
    )
}

/// The error for a chain that does not answer: exit 3, naming the URL. A chain that answered
/// busy through every retry says so.
pub fn unreachable(rpc_url: &str, cause: impl std::fmt::Display) -> Error {
    let cause = cause.to_string();
    if cause.contains("Max retries exceeded") {
        return Error::unreachable(
            "chain.busy",
            format!(
                "the chain RPC at {} stayed busy (rate limited or unavailable) through {RPC_RETRIES} retries",
                crate::redact::url(rpc_url)
            ),
        )
        .cause(crate::redact::text_with(&cause, rpc_url))
        .hint("run the command again later (it resumes where it stopped), or use an RPC with a higher rate limit (--rpc-url, COHORT_RPC_URL or the profile's rpc_url)");
    }
    Error::unreachable("chain.unreachable", format!("the chain RPC at {} is unreachable", crate::redact::url(rpc_url)))
        .cause(crate::redact::text_with(&cause, rpc_url))
        .hint("check the URL (--rpc-url, COHORT_RPC_URL or the profile's rpc_url); for the local devnet run `cohort devnet up`")
}

impl Chain {
    /// Connects read-only and checks that the chain id is the expected one.
    pub async fn connect(rpc_url: &str, expected_chain_id: Option<u64>) -> Result<Chain> {
        let provider = ProviderBuilder::new()
            .connect_client(http_client(rpc_url)?)
            .erased();
        let chain_id = provider
            .get_chain_id()
            .await
            .map_err(|e| not_rpc(rpc_url, &e).unwrap_or_else(|| transport_failure(rpc_url, &e)))?;
        if let Some(want) = expected_chain_id
            && want != chain_id
        {
            return Err(Error::usage(
                "chain.wrong_chain",
                format!(
                    "{} serves chain {chain_id}, but the profile expects {want}",
                    crate::redact::url(rpc_url)
                ),
            )
            .hint("fix the profile's chain_id or rpc_url"));
        }
        Ok(Chain {
            provider,
            rpc_url: rpc_url.to_string(),
            chain_id,
        })
    }

    /// The same chain with a signer attached: fills nonce, gas and EIP-1559 fees.
    pub fn with_signer(&self, signer: PrivateKeySigner) -> Result<SignerChain> {
        let address = signer.address();
        let wallet = EthereumWallet::from(signer);
        let provider = ProviderBuilder::new()
            .wallet(wallet.clone())
            .connect_client(http_client(&self.rpc_url)?)
            .erased();
        Ok(SignerChain {
            chain: self.clone(),
            provider,
            address,
            wallet,
            pending_dir: None,
        })
    }

    pub async fn block_number(&self) -> Result<u64> {
        self.provider
            .get_block_number()
            .await
            .map_err(|e| transport_failure(&self.rpc_url, &e))
    }

    pub async fn balance(&self, who: Address) -> Result<U256> {
        self.provider
            .get_balance(who)
            .await
            .map_err(|e| transport_failure(&self.rpc_url, &e))
    }

    /// Whether an address holds contract code.
    pub async fn has_code(&self, at: Address) -> Result<bool> {
        let code = self
            .provider
            .get_code_at(at)
            .await
            .map_err(|e| transport_failure(&self.rpc_url, &e))?;
        Ok(!code.is_empty())
    }
}

/// A chain connection that signs as `address`.
#[derive(Clone, Debug)]
pub struct SignerChain {
    pub chain: Chain,
    pub provider: DynProvider,
    pub address: Address,
    /// Signs transactions locally (so that they can be recorded before they are broadcast).
    pub wallet: EthereumWallet,
    /// Where writes that must not happen twice record their signed transaction before
    /// broadcasting it ([`tx::send_once`]); `None`: not recorded.
    pub pending_dir: Option<std::path::PathBuf>,
}

impl SignerChain {
    /// The same signer, recording pending transactions under `dir`.
    pub fn with_pending_dir(mut self, dir: std::path::PathBuf) -> SignerChain {
        self.pending_dir = Some(dir);
        self
    }
}

/// How many chain reads run at once when a command reads many records.
pub const READ_CONCURRENCY: usize = 16;

/// Runs `f` over `items` with at most [`READ_CONCURRENCY`] at once; results in input order, the
/// first error wins.
pub async fn parallel<T, R, F, Fut>(items: Vec<T>, f: F) -> Result<Vec<R>>
where
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = Result<R>>,
{
    use futures::{StreamExt, TryStreamExt};
    futures::stream::iter(items.into_iter().map(f))
        .buffered(READ_CONCURRENCY)
        .try_collect()
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy::transports::TransportErrorKind;

    /// A JSON-RPC error answer, as an RPC sends it.
    fn rpc_error(code: i64, message: &'static str) -> TransportError {
        RpcError::ErrorResp(
            serde_json::from_value(serde_json::json!({"code": code, "message": message})).unwrap(),
        )
    }

    #[test]
    fn busy_answers_are_asked_again_and_a_log_range_refusal_is_not() {
        let p = BusyRetryPolicy;
        for busy in [429u16, 502, 503, 504] {
            assert!(
                p.should_retry(&TransportErrorKind::http_error(busy, String::new())),
                "{busy}"
            );
        }
        assert!(p.should_retry(&rpc_error(-32005, "project ID request rate exceeded")));
        assert!(p.should_retry(&rpc_error(429, "Too Many Requests")));
        // What waiting cannot fix.
        assert!(!p.should_retry(&TransportErrorKind::http_error(500, String::new())));
        assert!(!p.should_retry(&rpc_error(
            -32005,
            "block range too large: 1000 blocks at most"
        )));
        assert!(!p.should_retry(&rpc_error(-32005, "query returned more than 10000 results")));
        assert!(!p.should_retry(&rpc_error(3, "execution reverted")));
        // A server's Retry-After is taken, up to 10 s.
        let long = TransportErrorKind::http_error_with_retry_after(
            429,
            String::new(),
            Some(Duration::from_secs(300)),
        );
        assert_eq!(p.backoff_hint(&long), Some(MAX_RETRY_AFTER));
    }
}
