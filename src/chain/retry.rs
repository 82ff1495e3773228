//! The one retry policy for chain and storage calls: exponential backoff with jitter, a cap on
//! the delay and on the number of attempts, retrying only the errors that waiting can fix.
//! Built on `backon`; every caller that retries goes through [`retry`].

use std::future::Future;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};

use crate::error::{Error, ErrorKind, Result};

/// How often and how long to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Attempts in all, the first included (at least 1).
    pub attempts: u32,
    /// Delay before the second attempt; doubles after each.
    pub first_delay: Duration,
    /// The longest delay between two attempts.
    pub max_delay: Duration,
}

impl Policy {
    /// Chain reads by long-running processes (coordinator, worker): 0.5 s doubling to 8 s.
    pub const fn chain(attempts: u32) -> Policy {
        Policy {
            attempts,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
        }
    }

    /// A policy with no limit on attempts (a follower waiting for its chain).
    pub const fn forever(first_delay: Duration, max_delay: Duration) -> Policy {
        Policy {
            attempts: u32::MAX,
            first_delay,
            max_delay,
        }
    }

    fn backoff(&self) -> ExponentialBuilder {
        let b = ExponentialBuilder::default()
            .with_min_delay(self.first_delay)
            .with_max_delay(self.max_delay)
            .with_jitter();
        if self.attempts == u32::MAX {
            b.without_max_times()
        } else {
            b.with_max_times(self.attempts.saturating_sub(1) as usize)
        }
    }
}

/// Runs `f` until it succeeds, fails with an error `retryable` refuses, or the policy's attempts
/// are spent (then the last error is returned). Each retry is logged at debug level.
pub async fn retry<T, E, F, Fut>(
    policy: Policy,
    what: &str,
    retryable: impl FnMut(&E) -> bool,
    f: F,
) -> std::result::Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = std::result::Result<T, E>>,
    E: std::fmt::Display,
{
    f.retry(policy.backoff())
        .sleep(tokio::time::sleep)
        .when(retryable)
        .notify(|e: &E, delay: Duration| {
            tracing::debug!("{what}: retrying in {delay:?} after: {e}");
        })
        .await
}

/// Retries `f` while it fails with an unreachable endpoint (exit 3), `attempts` times in all,
/// with [`Policy::chain`]; other errors return at once.
pub async fn retrying<T, F, Fut>(attempts: u32, f: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    retry(
        Policy::chain(attempts),
        "chain call",
        |e: &Error| e.kind == ErrorKind::Unreachable,
        f,
    )
    .await
}

/// "job N: what failed (its causes); what happens next", for a pass that is tried again.
pub fn again_note(job_id: u64, e: &Error, then: &str) -> String {
    let causes = if e.causes.is_empty() {
        String::new()
    } else {
        format!(" ({})", e.causes.join(": "))
    };
    format!("job {job_id}: {}{causes}; {then}", e.message)
}

/// What one pass of a long-running loop (the coordinator's, the worker's) leaves to do.
pub enum Flow {
    /// Go round again.
    Next,
    /// The job ended: return the report.
    Done,
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    fn fast(attempts: u32) -> Policy {
        Policy {
            attempts,
            first_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
        }
    }

    #[tokio::test]
    async fn stops_after_the_policys_attempts_and_returns_the_last_error() {
        let n = AtomicU32::new(0);
        let r: std::result::Result<(), String> = retry(
            fast(4),
            "t",
            |_| true,
            || async {
                let i = n.fetch_add(1, Ordering::SeqCst);
                Err(format!("failure {i}"))
            },
        )
        .await;
        assert_eq!(n.load(Ordering::SeqCst), 4);
        assert_eq!(r.unwrap_err(), "failure 3");
    }

    #[tokio::test]
    async fn errors_that_waiting_cannot_fix_return_at_once() {
        let n = AtomicU32::new(0);
        let r: std::result::Result<(), String> = retry(
            fast(5),
            "t",
            |e: &String| e.starts_with("busy"),
            || async {
                let i = n.fetch_add(1, Ordering::SeqCst);
                Err(if i < 2 {
                    "busy".into()
                } else {
                    "broken".into()
                })
            },
        )
        .await;
        assert_eq!(n.load(Ordering::SeqCst), 3);
        assert_eq!(r.unwrap_err(), "broken");
    }

    #[tokio::test]
    async fn a_success_after_failures_is_returned() {
        let n = AtomicU32::new(0);
        let r = retry(
            fast(5),
            "t",
            |_: &String| true,
            || async {
                if n.fetch_add(1, Ordering::SeqCst) < 2 {
                    Err("down".to_string())
                } else {
                    Ok(7)
                }
            },
        )
        .await;
        assert_eq!(r.unwrap(), 7);
    }
}
