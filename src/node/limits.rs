//! The limits a public node needs (issue 19): how many connections and concurrent requests it
//! takes, how large a request, a response and a batch may be, how many bytes of request and
//! response bodies it holds at once, and how fast one peer may send.
//!
//! Requests are bounded by tower's [`GlobalConcurrencyLimitLayer`](tower::limit::GlobalConcurrencyLimitLayer)
//! and a per-peer GCRA rate limiter from `governor` (see [`super::rpc::router`]); connections by
//! [`LimitedListener`], which `axum::serve` accepts from.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tracing::{debug, warn};

use crate::error::{Error, Result};

const MIB: usize = 1024 * 1024;

/// Bytes charged for a response on top of its request (a single call answers at most one
/// segment, about 350 KiB of base64).
pub const RESPONSE_RESERVE: usize = MIB;

/// The RPC server's bounds; [`Default`] is what `cohort node run` uses without flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RpcLimits {
    /// The largest request body, and the largest response, in bytes.
    pub max_body: usize,
    /// The most calls in one JSON-RPC batch.
    pub max_batch: usize,
    /// Requests handled at once; more wait for a slot.
    pub max_concurrent: usize,
    /// Open connections in all; more wait in the kernel's backlog.
    pub max_connections: usize,
    /// Open connections from one IP address; more are closed at once.
    pub max_peer_connections: usize,
    /// Requests per second from one IP address (bursts of twice that); 0: unlimited.
    pub peer_rate: u32,
    /// Bytes of request bodies, their decoded parameters and responses held at once
    /// (each request is charged 3× its body plus [`RESPONSE_RESERVE`]; a batch's growing
    /// response is charged as it grows).
    pub memory: usize,
    /// The longest a request body may take to arrive.
    pub body_timeout: Duration,
    /// The longest a request waits for its peer's rate before it is refused with HTTP 429.
    pub rate_wait: Duration,
}

impl Default for RpcLimits {
    fn default() -> Self {
        RpcLimits {
            max_body: 16 * MIB,
            max_batch: 1000,
            max_concurrent: 64,
            max_connections: 512,
            max_peer_connections: 64,
            peer_rate: 500,
            memory: 128 * MIB,
            body_timeout: Duration::from_secs(60),
            rate_wait: Duration::from_secs(5),
        }
    }
}

impl RpcLimits {
    /// What one request with a body of `len` bytes is charged against [`RpcLimits::memory`].
    pub fn charge(&self, len: usize) -> usize {
        len.saturating_mul(3)
            .saturating_add(RESPONSE_RESERVE)
            .min(self.memory)
    }

    /// Refuses bounds that cannot work together.
    pub fn check(&self) -> Result<()> {
        let bad = |msg: String, hint: &str| Err(Error::usage("node.bad_limits", msg).hint(hint));
        if self.max_body < 64 * 1024 {
            return bad(
                format!("a body limit of {} bytes is too small", self.max_body),
                "give --rpc-max-body-mib 1 or more",
            );
        }
        if self.memory < self.max_body * 3 + RESPONSE_RESERVE {
            return bad(
                format!(
                    "--rpc-memory-mib {} cannot hold one request of the largest size (--rpc-max-body-mib {}): it needs 3× the body plus 1 MiB",
                    self.memory / MIB,
                    self.max_body / MIB
                ),
                "raise --rpc-memory-mib or lower --rpc-max-body-mib",
            );
        }
        if self.max_batch == 0
            || self.max_concurrent == 0
            || self.max_connections == 0
            || self.max_peer_connections == 0
        {
            return bad(
                "batch, concurrency and connection limits must be at least 1".into(),
                "give each --rpc-max-* flag a positive number",
            );
        }
        Ok(())
    }
}

/// The per-peer request rate limiter.
pub type PeerLimiter = governor::DefaultKeyedRateLimiter<IpAddr>;

/// The limiter for [`RpcLimits::peer_rate`], or `None` when unlimited.
pub fn peer_limiter(limits: &RpcLimits) -> Option<Arc<PeerLimiter>> {
    let rate = NonZeroU32::new(limits.peer_rate)?;
    let burst = NonZeroU32::new(limits.peer_rate.saturating_mul(2)).unwrap_or(rate);
    Some(Arc::new(governor::RateLimiter::keyed(
        governor::Quota::per_second(rate).allow_burst(burst),
    )))
}

/// A TCP listener that holds at most `max_connections` open connections (it stops accepting
/// until one closes) and closes a new connection at once when its IP address already holds
/// `max_peer_connections`.
#[derive(Debug)]
pub struct LimitedListener {
    inner: TcpListener,
    total: Arc<Semaphore>,
    peers: Arc<Mutex<HashMap<IpAddr, usize>>>,
    max_peer: usize,
}

impl LimitedListener {
    pub fn new(inner: TcpListener, limits: &RpcLimits) -> LimitedListener {
        LimitedListener {
            inner,
            total: Arc::new(Semaphore::new(limits.max_connections)),
            peers: Arc::new(Mutex::new(HashMap::new())),
            max_peer: limits.max_peer_connections,
        }
    }
}

/// Counts one open connection of a peer; uncounts it on drop.
#[derive(Debug)]
struct PeerSlot {
    peers: Arc<Mutex<HashMap<IpAddr, usize>>>,
    ip: IpAddr,
}

impl Drop for PeerSlot {
    fn drop(&mut self) {
        let mut peers = self.peers.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = peers.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                peers.remove(&self.ip);
            }
        }
    }
}

/// An accepted connection; its slots are released when it closes.
#[derive(Debug)]
pub struct LimitedStream {
    io: TcpStream,
    _slot: PeerSlot,
    _permit: OwnedSemaphorePermit,
}

impl axum::serve::Listener for LimitedListener {
    type Io = LimitedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let permit = Arc::clone(&self.total)
                .acquire_owned()
                .await
                .expect("the connection semaphore is never closed");
            let (io, addr) = match self.inner.accept().await {
                Ok(x) => x,
                Err(e) => {
                    // As axum's own listener: out of descriptors and the like pass.
                    warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let ip = addr.ip();
            {
                let mut peers = self.peers.lock().unwrap_or_else(|p| p.into_inner());
                let n = peers.entry(ip).or_insert(0);
                if *n >= self.max_peer {
                    debug!(%ip, "connection refused: too many from this peer");
                    continue; // `io` drops: closed
                }
                *n += 1;
            }
            // Without TCP_NODELAY the tail of each large response waits on the delayed ACK.
            let _ = io.set_nodelay(true);
            let slot = PeerSlot {
                peers: Arc::clone(&self.peers),
                ip,
            };
            return (
                LimitedStream {
                    io,
                    _slot: slot,
                    _permit: permit,
                },
                addr,
            );
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

impl AsyncRead for LimitedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for LimitedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}
