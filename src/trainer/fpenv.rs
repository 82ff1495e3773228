//! Denormal floats flushed to zero on the threads that run training math.
//!
//! A value below f32's smallest normal (about 1.2e-38) takes a microcode assist on x86 cores,
//! about a hundred cycles for each operation that reads or makes one. Training makes them: once
//! attention sharpens, the probabilities of far-off positions fall below it, and every product
//! with them is one. On the medium benchmark shape a CPU step went from 0.60 s to 1.1 s between
//! steps 20 and 80 with nothing else changed; with denormals flushed it stays at 0.60 s. This is
//! what TensorFlow does on the CPU by default and `torch.set_flush_denormal(True)` does in
//! PyTorch: an operation whose exact result would be denormal gives 0, and a denormal input
//! reads as 0. Values that small carry nothing a training step can use.
//!
//! The mode is per thread. [`in_pool`] sets it on every thread of the rayon pool that runs the
//! work (`f` itself runs on one of them), each time, and puts each thread's mode back afterwards,
//! so results never depend on which thread ran what or on what ran before: the same work sees
//! the same arithmetic, and other work on the same threads (an outer step, an average) sees its
//! own.

/// A thread's flush bits before [`flush_denormals`] set them.
#[derive(Clone, Copy, Debug)]
pub struct Mode(u64);

#[cfg(target_arch = "x86_64")]
const FLUSH: u64 = (1 << 15) | (1 << 6); // MXCSR: FTZ, DAZ
#[cfg(target_arch = "aarch64")]
const FLUSH: u64 = 1 << 24; // FPCR: FZ
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const FLUSH: u64 = 0;

/// Runs `f` inside the current rayon pool (the global one unless called from another pool's
/// `install`) with denormals flushed to zero on all of the pool's threads, then puts every
/// thread's mode back.
pub fn in_pool<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    // `scope` runs `f` on a thread of the pool `broadcast` reached (the caller's, or the global
    // one), so every thread that can run a part of `f` is covered.
    let before: Vec<Mode> = rayon::broadcast(|_| flush_denormals());
    let out = rayon::scope(|_| f());
    rayon::broadcast(|ctx| restore(before[ctx.index()]));
    out
}

/// Sets flush-to-zero and denormals-are-zero on the calling thread (x86-64: MXCSR's FTZ and
/// DAZ bits; aarch64: FPCR.FZ, which does both) and returns what they were. A no-op elsewhere.
pub fn flush_denormals() -> Mode {
    let now = read();
    if now & FLUSH != FLUSH {
        write(now | FLUSH);
    }
    Mode(now & FLUSH)
}

/// Puts the calling thread's flush bits back as [`flush_denormals`] found them.
pub fn restore(m: Mode) {
    let now = read();
    if now & FLUSH != m.0 {
        write((now & !FLUSH) | m.0);
    }
}

#[cfg(target_arch = "x86_64")]
fn read() -> u64 {
    let mut csr = 0u32;
    // SAFETY: stmxcsr stores the 32-bit MXCSR register into `csr`, a valid u32 on the stack.
    unsafe {
        std::arch::asm!("stmxcsr [{}]", in(reg) &mut csr, options(nostack, preserves_flags));
    }
    csr as u64
}

#[cfg(target_arch = "x86_64")]
fn write(v: u64) {
    let csr = v as u32;
    // SAFETY: ldmxcsr loads MXCSR from `csr`: the value `read` gave with only FTZ and DAZ
    // changed, both defined on every x86-64 CPU (DAZ since SSE2).
    unsafe {
        std::arch::asm!("ldmxcsr [{}]", in(reg) &csr, options(nostack, preserves_flags));
    }
}

#[cfg(target_arch = "aarch64")]
fn read() -> u64 {
    let v: u64;
    // SAFETY: reading FPCR has no side effect.
    unsafe {
        std::arch::asm!("mrs {}, fpcr", out(reg) v, options(nomem, nostack, preserves_flags));
    }
    v
}

#[cfg(target_arch = "aarch64")]
fn write(v: u64) {
    // SAFETY: FPCR gets the value `read` gave with only the flush-to-zero bit changed: how this
    // thread rounds results below the normal range, nothing else.
    unsafe {
        std::arch::asm!("msr fpcr, {}", in(reg) v, options(nomem, nostack, preserves_flags));
    }
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn read() -> u64 {
    0
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn write(_: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the calling thread flushes denormals: 1e-38 / 4 is 2.5e-39 as a denormal and 0
    /// when flushed; black_box keeps the division at run time, under the thread's mode.
    fn flushing() -> bool {
        std::hint::black_box(1e-38f32) / std::hint::black_box(4.0f32) == 0.0
    }

    #[test]
    #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
    fn in_pool_flushes_on_every_thread_of_the_pool() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("pool");
        // A fresh pool's threads start with the default mode: denormals kept.
        let before: Vec<bool> = pool.broadcast(|_| flushing());
        assert_eq!(before, vec![false; 3]);
        let inside = pool.install(|| in_pool(|| (flushing(), rayon::broadcast(|_| flushing()))));
        assert!(inside.0, "the thread that runs f flushes");
        assert_eq!(inside.1, vec![true; 3], "every pool thread flushes");
        // Afterwards every thread has its own mode back.
        let after: Vec<bool> = pool.broadcast(|_| flushing());
        assert_eq!(after, vec![false; 3]);
        // A product below the normal range (1e-40) gives 0 there and a denormal on a fresh
        // thread.
        let tiny = |x: f32| std::hint::black_box(x) * std::hint::black_box(1e-20f32);
        assert_eq!(pool.install(|| in_pool(|| tiny(1e-20))), 0.0);
        let kept = std::thread::spawn(move || tiny(1e-20))
            .join()
            .expect("thread");
        assert!(kept > 0.0 && kept < f32::MIN_POSITIVE);
    }
}
