//! The trainer's own deterministic randomness. Every random choice (initial weights, batch
//! offsets, dropout masks, sampling) comes from a stream keyed by a BLAKE3 hash of what it is
//! for, so it is a pure function of its inputs and does not depend on a crate's RNG version.

/// A counter-mode generator: BLAKE3's extendable output keyed by a domain and its inputs.
#[derive(Clone)]
pub struct Stream {
    reader: blake3::OutputReader,
}

impl Stream {
    /// A stream for `domain` (e.g. `"cohort.batch.v1"`) and the given input bytes.
    pub fn new(domain: &str, parts: &[&[u8]]) -> Stream {
        let mut h = blake3::Hasher::new_derive_key(domain);
        for p in parts {
            h.update(&(p.len() as u64).to_le_bytes());
            h.update(p);
        }
        Stream {
            reader: h.finalize_xof(),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.reader.fill(&mut b);
        u64::from_le_bytes(b)
    }

    /// Fills `out` with u64s: the same values as one `next_u64` per element, but read in bulk,
    /// and for large outputs (dropout masks) in parallel: the XOF is seekable, so each chunk is
    /// read from its own position and the result does not depend on the number of threads.
    pub fn fill_u64(&mut self, out: &mut [u64]) {
        use rayon::prelude::*;
        /// u64s per parallel task (128 KiB of XOF output).
        const CHUNK: usize = 1 << 14;
        fn read(r: &mut blake3::OutputReader, out: &mut [u64]) {
            let mut buf = vec![0u8; out.len() * 8];
            r.fill(&mut buf);
            for (o, c) in out.iter_mut().zip(buf.chunks_exact(8)) {
                *o = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            }
        }
        if out.len() <= CHUNK {
            return read(&mut self.reader, out);
        }
        let start = self.reader.position();
        let reader = &self.reader;
        out.par_chunks_mut(CHUNK).enumerate().for_each(|(i, c)| {
            let mut r = reader.clone();
            r.set_position(start + (i * CHUNK * 8) as u64);
            read(&mut r, c);
        });
        self.reader.set_position(start + (out.len() * 8) as u64);
    }

    /// Uniform in [0, 1) with 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (modulo bias below 2^-40 for n < 2^24, irrelevant here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// `n` standard normal values (Box–Muller in f64, rounded to f32).
    pub fn normals(&mut self, n: usize, std: f64) -> Vec<f32> {
        let mut raw = vec![0u64; n.div_ceil(2) * 2];
        self.fill_u64(&mut raw);
        let mut out = Vec::with_capacity(raw.len());
        for pair in raw.chunks_exact(2) {
            let u1 = ((pair[0] >> 11) as f64 + 1.0) * (1.0 / ((1u64 << 53) as f64 + 1.0));
            let u2 = (pair[1] >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            let r = (-2.0 * u1.ln()).sqrt();
            let a = 2.0 * std::f64::consts::PI * u2;
            out.push((r * a.cos() * std) as f32);
            out.push((r * a.sin() * std) as f32);
        }
        out.truncate(n);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_and_parallel_reads_give_the_values_of_single_reads() {
        for n in [1usize, 7, (1 << 14) + 3, 3 * (1 << 14) + 1000] {
            let mut one = Stream::new("d", &[b"x"]);
            let _ = one.next_u64();
            let want: Vec<u64> = (0..n + 1).map(|_| one.next_u64()).collect();
            let mut bulk = Stream::new("d", &[b"x"]);
            let _ = bulk.next_u64();
            let mut got = vec![0u64; n];
            bulk.fill_u64(&mut got);
            assert_eq!(got[..], want[..n], "n = {n}");
            assert_eq!(bulk.next_u64(), want[n], "position after n = {n}");
        }
    }

    #[test]
    fn streams_are_pure_functions_of_their_inputs() {
        let a = Stream::new("d", &[b"x"]).next_u64();
        let b = Stream::new("d", &[b"x"]).next_u64();
        let c = Stream::new("d", &[b"y"]).next_u64();
        let d = Stream::new("e", &[b"x"]).next_u64();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        let n = Stream::new("d", &[]).normals(10000, 1.0);
        let mean: f64 = n.iter().map(|&x| x as f64).sum::<f64>() / n.len() as f64;
        let var: f64 = n.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / n.len() as f64;
        assert!(
            mean.abs() < 0.05 && (var - 1.0).abs() < 0.05,
            "mean {mean} var {var}"
        );
    }
}
