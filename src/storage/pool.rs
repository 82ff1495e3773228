//! Buffers kept for reuse between requests of megabytes (segment uploads): fresh memory for
//! every request costs more in page faults than encoding or decoding its contents.

use std::sync::Arc;

/// Request buffers kept for reuse, at most `keep` of them.
#[derive(Debug)]
pub struct BufPool {
    free: std::sync::Mutex<Vec<Vec<u8>>>,
    keep: usize,
}

impl BufPool {
    pub fn new(keep: usize) -> Arc<BufPool> {
        Arc::new(BufPool {
            free: std::sync::Mutex::new(Vec::new()),
            keep,
        })
    }

    /// An empty buffer, with the capacity of one used before where there is one.
    pub fn take(&self) -> Vec<u8> {
        self.free
            .lock()
            .ok()
            .and_then(|mut f| f.pop())
            .unwrap_or_default()
    }

    /// Keeps `buf` for a later [`BufPool::take`] unless the pool is full.
    pub fn give_back(&self, mut buf: Vec<u8>) {
        buf.clear();
        if let Ok(mut free) = self.free.lock()
            && free.len() < self.keep
        {
            free.push(buf);
        }
    }

    /// `buf` as shareable bytes that come back to the pool once the last copy is dropped.
    pub fn share(self: &Arc<Self>, buf: Vec<u8>) -> alloy::primitives::bytes::Bytes {
        alloy::primitives::bytes::Bytes::from_owner(Pooled {
            buf,
            pool: self.clone(),
        })
    }
}

struct Pooled {
    buf: Vec<u8>,
    pool: Arc<BufPool>,
}

impl AsRef<[u8]> for Pooled {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.buf));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_buffers_come_back_once_every_copy_is_dropped() {
        let pool = BufPool::new(1);
        let mut buf = pool.take();
        buf.extend_from_slice(&[7u8; 4096]);
        let ptr = buf.as_ptr();
        let bytes = pool.share(buf);
        let copy = bytes.clone();
        drop(bytes);
        // A copy is still out: the pool has nothing yet.
        assert_eq!(pool.take().capacity(), 0);
        assert_eq!(&copy[..3], &[7, 7, 7]);
        drop(copy);
        let again = pool.take();
        assert!(again.is_empty());
        assert!(again.capacity() >= 4096);
        assert_eq!(again.as_ptr(), ptr);
        // Past `keep`, buffers are freed instead of kept.
        pool.give_back(vec![0; 16]);
        pool.give_back(vec![0; 32]);
        assert_eq!(pool.take().capacity(), 16);
        assert_eq!(pool.take().capacity(), 0);
    }
}
