//! The trainer's own deterministic randomness. Every random choice (initial weights, batch
//! offsets, dropout masks, sampling) comes from a stream keyed by a BLAKE3 hash of what it is
//! for, so it is a pure function of its inputs and does not depend on a crate's RNG version.

/// A counter-mode generator: BLAKE3's extendable output keyed by a domain and its inputs.
#[derive(Clone)]
pub struct Stream {
    reader: blake3::OutputReader,
    /// The root compression's inputs (for inputs of one chunk): a GPU kernel draws the same
    /// output blocks from them (see [`Root`]).
    root: Option<Root>,
}

/// The inputs of a BLAKE3 hash's root compression: output block `t` of the XOF is the
/// compression of `block` under chaining value `cv` with counter `t`, `block_len` and `flags`
/// (ROOT included). Every 64-byte output block is independent of the others, so a device can
/// draw any range of the stream in parallel; [`Root::output_block`] is the reference the CUDA
/// kernel follows, and a test checks it against the `blake3` crate.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C)]
pub struct Root {
    pub cv: [u32; 8],
    pub block: [u32; 16],
    pub block_len: u32,
    pub flags: u32,
}

const IV: [u32; 8] = [
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
];
const CHUNK_START: u32 = 1;
const CHUNK_END: u32 = 2;
const ROOT: u32 = 8;
const DERIVE_KEY_CONTEXT: u32 = 32;
const DERIVE_KEY_MATERIAL: u32 = 64;
const MSG_PERMUTATION: [usize; 16] = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];

/// BLAKE3's compression function (the specification's reference form).
fn compress(
    cv: &[u32; 8],
    block: &[u32; 16],
    counter: u64,
    block_len: u32,
    flags: u32,
) -> [u32; 16] {
    fn g(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize, x: u32, y: u32) {
        s[a] = s[a].wrapping_add(s[b]).wrapping_add(x);
        s[d] = (s[d] ^ s[a]).rotate_right(16);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_right(12);
        s[a] = s[a].wrapping_add(s[b]).wrapping_add(y);
        s[d] = (s[d] ^ s[a]).rotate_right(8);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_right(7);
    }
    let mut s = [
        cv[0],
        cv[1],
        cv[2],
        cv[3],
        cv[4],
        cv[5],
        cv[6],
        cv[7],
        IV[0],
        IV[1],
        IV[2],
        IV[3],
        counter as u32,
        (counter >> 32) as u32,
        block_len,
        flags,
    ];
    let mut m = *block;
    for round in 0..7 {
        g(&mut s, 0, 4, 8, 12, m[0], m[1]);
        g(&mut s, 1, 5, 9, 13, m[2], m[3]);
        g(&mut s, 2, 6, 10, 14, m[4], m[5]);
        g(&mut s, 3, 7, 11, 15, m[6], m[7]);
        g(&mut s, 0, 5, 10, 15, m[8], m[9]);
        g(&mut s, 1, 6, 11, 12, m[10], m[11]);
        g(&mut s, 2, 7, 8, 13, m[12], m[13]);
        g(&mut s, 3, 4, 9, 14, m[14], m[15]);
        if round < 6 {
            m = MSG_PERMUTATION.map(|i| m[i]);
        }
    }
    for i in 0..8 {
        s[i] ^= s[i + 8];
        s[i + 8] ^= cv[i];
    }
    s
}

impl Root {
    /// The root of hashing `input` (at most one 1024-byte chunk) under key words `key` with
    /// `flags` (a mode flag); None for longer inputs.
    fn of(key: &[u32; 8], input: &[u8], flags: u32) -> Option<Root> {
        if input.len() > 1024 {
            return None;
        }
        let mut cv = *key;
        let blocks = input.len().div_ceil(64).max(1);
        for i in 0..blocks {
            let part = &input[i * 64..input.len().min(i * 64 + 64)];
            let mut bytes = [0u8; 64];
            bytes[..part.len()].copy_from_slice(part);
            let mut block = [0u32; 16];
            for (w, c) in block.iter_mut().zip(bytes.chunks_exact(4)) {
                *w = u32::from_le_bytes(c.try_into().expect("4 bytes"));
            }
            let f = flags | if i == 0 { CHUNK_START } else { 0 };
            if i + 1 == blocks {
                return Some(Root {
                    cv,
                    block,
                    block_len: part.len() as u32,
                    flags: f | CHUNK_END | ROOT,
                });
            }
            let next = compress(&cv, &block, 0, 64, f);
            cv.copy_from_slice(&next[..8]);
        }
        unreachable!("the last block returns")
    }

    /// The root of `derive_key(context, material)`; None when the material is over one chunk.
    pub fn derive_key(context: &str, material: &[u8]) -> Option<Root> {
        let ctx = Root::of(&IV, context.as_bytes(), DERIVE_KEY_CONTEXT)?;
        let mut key = [0u32; 8];
        key.copy_from_slice(&ctx.output_words(0)[..8]);
        Root::of(&key, material, DERIVE_KEY_MATERIAL)
    }

    /// Output block `t` as 16 little-endian words.
    pub fn output_words(&self, t: u64) -> [u32; 16] {
        compress(&self.cv, &self.block, t, self.block_len, self.flags)
    }

    /// Output block `t` (bytes `64t..64t+64` of the XOF).
    pub fn output_block(&self, t: u64) -> [u8; 64] {
        let mut out = [0u8; 64];
        for (o, w) in out.chunks_exact_mut(4).zip(self.output_words(t)) {
            o.copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

impl Stream {
    /// A stream for `domain` (e.g. `"cohort.batch.v1"`) and the given input bytes.
    pub fn new(domain: &str, parts: &[&[u8]]) -> Stream {
        let mut material = Vec::new();
        for p in parts {
            material.extend_from_slice(&(p.len() as u64).to_le_bytes());
            material.extend_from_slice(p);
        }
        let mut h = blake3::Hasher::new_derive_key(domain);
        h.update(&material);
        Stream {
            reader: h.finalize_xof(),
            root: Root::derive_key(domain, &material),
        }
    }

    /// The root compression's inputs and the current byte position, where the input was one
    /// chunk at most: what a device needs to draw the next values itself. Follow with
    /// [`Stream::skip_u64`] for the values it drew.
    pub fn root_at(&self) -> Option<(Root, u64)> {
        self.root.map(|r| (r, self.reader.position()))
    }

    /// Moves past `n` u64s (drawn elsewhere from [`Stream::root_at`]).
    pub fn skip_u64(&mut self, n: usize) {
        let p = self.reader.position();
        self.reader.set_position(p + n as u64 * 8);
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
        self.fill_map(out, |r| r);
    }

    /// [`Stream::fill_u64`]'s values through `f`, without holding them all: each chunk's u64s
    /// are read into a small buffer and mapped (a dropout mask keeps a byte per value, not 8).
    pub fn fill_map<T: Send>(&mut self, out: &mut [T], f: impl Fn(u64) -> T + Sync) {
        use rayon::prelude::*;
        /// Values per parallel task (128 KiB of XOF output).
        const CHUNK: usize = 1 << 14;
        let read = |r: &mut blake3::OutputReader, out: &mut [T]| {
            let mut buf = vec![0u8; out.len() * 8];
            r.fill(&mut buf);
            for (o, c) in out.iter_mut().zip(buf.chunks_exact(8)) {
                *o = f(u64::from_le_bytes(c.try_into().expect("8 bytes")));
            }
        };
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

/// Picks a token from logits: the most likely at temperature 0, else a draw from
/// softmax(logits / T) restricted to the nucleus of mass `top_p` (below 1, the tokens in order of
/// probability; at 1, all of them in id order). One draw of `rng` per sampled token: the builtin
/// and Hugging Face models, served or generated from the command line, sample alike.
pub fn sample(logits: &[f32], temperature: f64, top_p: f64, rng: &mut Stream) -> u32 {
    if temperature == 0.0 {
        return logits
            .iter()
            .enumerate()
            .fold(
                (0, f32::NEG_INFINITY),
                |b, (i, &v)| if v > b.1 { (i, v) } else { b },
            )
            .0 as u32;
    }
    let max = logits.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v)) as f64;
    let mut w: Vec<(usize, f64)> = logits
        .iter()
        .enumerate()
        .map(|(i, &v)| (i, ((v as f64 - max) / temperature).exp()))
        .collect();
    let total: f64 = w.iter().map(|x| x.1).sum();
    if top_p < 1.0 {
        w.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut acc = 0.0;
        let mut keep = 0;
        for (_, p) in &w {
            acc += p / total;
            keep += 1;
            if acc >= top_p {
                break;
            }
        }
        w.truncate(keep.max(1));
    }
    let sum: f64 = w.iter().map(|x| x.1).sum();
    let mut u = rng.next_f64() * sum;
    for (i, p) in &w {
        if u < *p {
            return *i as u32;
        }
        u -= p;
    }
    w.last().map(|x| x.0 as u32).unwrap_or(0)
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
    fn root_output_blocks_are_the_crates_xof_bytes() {
        // Inputs of 0..=1024 bytes, with every block count and partial-block length class.
        for len in [0usize, 1, 63, 64, 65, 76, 128, 500, 1023, 1024] {
            let input: Vec<u8> = (0..len).map(|i| (i * 7 + len) as u8).collect();
            let mut h = blake3::Hasher::new_derive_key("cohort.test.v1");
            h.update(&input);
            let mut want = vec![0u8; 64 * 5];
            let mut r = h.finalize_xof();
            r.fill(&mut want);
            let root = Root::derive_key("cohort.test.v1", &input).expect("one chunk");
            for t in 0..5u64 {
                assert_eq!(
                    root.output_block(t)[..],
                    want[64 * t as usize..64 * (t as usize + 1)],
                    "len {len} block {t}"
                );
            }
        }
        assert!(Root::derive_key("d", &[0u8; 1025]).is_none());
        // A stream's root and position: after 3 u64s the next value is word pair 3 of block 0.
        let mut s = Stream::new("cohort.dropout.v1", &[&7u64.to_le_bytes(), &[9u8; 20]]);
        for _ in 0..3 {
            s.next_u64();
        }
        let (root, pos) = s.root_at().expect("short input");
        assert_eq!(pos, 24);
        let w = root.output_words(0);
        let want = s.next_u64();
        assert_eq!(want, w[6] as u64 | (w[7] as u64) << 32);
        s.skip_u64(12);
        let w = root.output_words(2);
        assert_eq!(s.next_u64(), w[0] as u64 | (w[1] as u64) << 32);
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

    #[test]
    fn sampling_is_greedy_at_zero_and_top_p_cuts_the_tail() {
        let logits = [0.0f32, 5.0, 1.0, 4.9];
        let mut rng = Stream::new("t", &[]);
        assert_eq!(sample(&logits, 0.0, 1.0, &mut rng), 1);
        // top_p tiny: only the most likely token survives.
        for _ in 0..50 {
            assert_eq!(sample(&logits, 1.0, 0.01, &mut rng), 1);
        }
        // top_p 1: the others do come up.
        let seen: std::collections::BTreeSet<u32> = (0..400)
            .map(|_| sample(&logits, 5.0, 1.0, &mut rng))
            .collect();
        assert!(seen.len() > 2, "{seen:?}");
    }
}
