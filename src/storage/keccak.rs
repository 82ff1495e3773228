//! Multi-buffer Keccak-256: hashes many independent messages of one length at once, 8 per
//! instruction stream with AVX-512, 4 with AVX2, one at a time (keccak-asm) otherwise.
//!
//! The Merkle tree hashes thousands of independent 256-byte chunks and 64-byte node pairs per
//! segment; a scalar Keccak-f\[1600\] leaves most of a vector unit idle. Here each 64-bit word of
//! the Keccak state is a vector holding that word for 4 or 8 messages, so one permutation's
//! instructions advance every lane. The width is chosen at run time from the CPU's features
//! ([`Lanes::best`]); every width gives the same bytes as the scalar path (see
//! `tests/keccak_lanes.rs`).

use std::sync::OnceLock;

use keccak_asm::Keccak256;

/// A Keccak-256 hash.
pub type Hash = [u8; 32];

/// Keccak-256's rate: bytes absorbed per permutation.
const RATE: usize = 136;
/// 64-bit words per block.
const RATE_WORDS: usize = RATE / 8;

/// How many messages one instruction stream hashes. A value can only be made for a width this
/// CPU runs, so holding one proves the width is usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lanes(Width);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Width {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    X4,
    #[cfg(target_arch = "x86_64")]
    X8,
}

impl Lanes {
    /// One message at a time (keccak-asm): runs everywhere.
    pub const SCALAR: Lanes = Lanes(Width::Scalar);

    /// The width the tree uses: the widest this CPU runs ([`Lanes::detect`]), or at most
    /// `COHORT_KECCAK_LANES` (1, 4 or 8) where that is set, to compare widths on one machine.
    pub fn best() -> Lanes {
        static BEST: OnceLock<Lanes> = OnceLock::new();
        *BEST.get_or_init(|| {
            let cap = std::env::var("COHORT_KECCAK_LANES")
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok());
            match cap {
                Some(cap) => [Self::avx512(), Self::avx2()]
                    .into_iter()
                    .flatten()
                    .find(|l| l.width() <= cap)
                    .unwrap_or(Self::SCALAR),
                None => Self::detect(),
            }
        })
    }

    /// The widest width this CPU runs.
    pub fn detect() -> Lanes {
        Self::avx512().or_else(Self::avx2).unwrap_or(Self::SCALAR)
    }

    /// 4 lanes in AVX2 registers, if this CPU has AVX2.
    pub fn avx2() -> Option<Lanes> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            return Some(Lanes(Width::X4));
        }
        None
    }

    /// 8 lanes in AVX-512 registers, if this CPU has AVX-512F (and AVX2 for the remainders).
    pub fn avx512() -> Option<Lanes> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx2")
        {
            return Some(Lanes(Width::X8));
        }
        None
    }

    /// Messages per instruction stream: 1, 4 or 8.
    pub fn width(self) -> usize {
        match self.0 {
            Width::Scalar => 1,
            #[cfg(target_arch = "x86_64")]
            Width::X4 => 4,
            #[cfg(target_arch = "x86_64")]
            Width::X8 => 8,
        }
    }
}

/// Keccak-256 of one message (the Ethereum variant, not FIPS SHA3).
#[inline]
pub fn keccak256(data: &[u8]) -> Hash {
    Keccak256::digest(data).into()
}

/// `out[i] = keccak256(data[i * len .. (i + 1) * len])` for every `i < out.len()`, at
/// [`Lanes::best`]. Panics unless `data.len() == out.len() * len`.
pub fn keccak256_many(data: &[u8], len: usize, out: &mut [Hash]) {
    keccak256_many_with(Lanes::best(), data, len, out);
}

/// [`keccak256_many`] at a given width; messages past the last whole group of `lanes` go
/// through the narrower widths.
pub fn keccak256_many_with(lanes: Lanes, data: &[u8], len: usize, out: &mut [Hash]) {
    assert_eq!(
        data.len(),
        out.len() * len,
        "keccak256_many: data is not out.len() messages of {len} bytes"
    );
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    {
        if lanes.0 >= Width::X8 {
            while out.len() - i >= 8 {
                let msgs = &data[i * len..(i + 8) * len];
                // SAFETY: a `Lanes` of width 8 exists only where AVX-512F was detected.
                unsafe { x8::hash(msgs, len, &mut out[i..i + 8]) };
                i += 8;
            }
        }
        if lanes.0 >= Width::X4 {
            while out.len() - i >= 4 {
                let msgs = &data[i * len..(i + 4) * len];
                // SAFETY: a `Lanes` of width 4 or more exists only where AVX2 was detected.
                unsafe { x4::hash(msgs, len, &mut out[i..i + 4]) };
                i += 4;
            }
        }
    }
    let _ = lanes;
    for (j, h) in out.iter_mut().enumerate().skip(i) {
        *h = keccak256(&data[j * len..(j + 1) * len]);
    }
}

/// One level of a Merkle tree, in place: `level[i] = keccak256(level[2i] ‖ level[2i + 1])` for
/// `i < level.len() / 2`, at [`Lanes::best`]. Returns the number of parents; an
/// odd last node is left where it is.
pub fn hash_pairs_in_place(level: &mut [Hash]) -> usize {
    hash_pairs_in_place_with(Lanes::best(), level)
}

/// [`hash_pairs_in_place`] at a given width.
pub fn hash_pairs_in_place_with(lanes: Lanes, level: &mut [Hash]) -> usize {
    let half = level.len() / 2;
    // Group by group of at most 8 pairs: group g reads level[16g .. 16g + 16] and writes
    // level[8g .. 8g + 8]. Copying a group's inputs out first makes the overlap of the first
    // group harmless; later groups only write where earlier groups have already read.
    let mut buf = [[0u8; 32]; 16];
    let mut i = 0;
    while i < half {
        let k = (half - i).min(8);
        buf[..2 * k].copy_from_slice(&level[2 * i..2 * i + 2 * k]);
        keccak256_many_with(lanes, buf[..2 * k].as_flattened(), 64, &mut level[i..i + k]);
        i += k;
    }
    half
}

/// Round constants of Keccak-f\[1600\].
#[cfg(target_arch = "x86_64")]
const RC: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808a,
    0x8000000080008000,
    0x000000000000808b,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008a,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000a,
    0x000000008000808b,
    0x800000000000008b,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800a,
    0x800000008000000a,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];

/// ρ offsets along the π walk that starts at lane 1 (the order of the reference implementation).
#[cfg(target_arch = "x86_64")]
const RHO: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];
/// π: the lane each step of that walk moves to.
#[cfg(target_arch = "x86_64")]
const PI: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

/// Keccak-f\[1600\] on a state of 25 vectors, given the vector operations: `xor(a, b)`,
/// `xor5(a, b, c, d, e)`, `rol(a, n)` (0 < n < 64), `chi(a, b, c) = a ^ (!b & c)`, `splat(u64)`.
#[cfg(target_arch = "x86_64")]
macro_rules! keccak_f1600 {
    ($a:ident, $xor:ident, $xor5:ident, $rol:ident, $chi:ident, $splat:ident) => {
        for rc in RC {
            // θ
            let c = [
                $xor5($a[0], $a[5], $a[10], $a[15], $a[20]),
                $xor5($a[1], $a[6], $a[11], $a[16], $a[21]),
                $xor5($a[2], $a[7], $a[12], $a[17], $a[22]),
                $xor5($a[3], $a[8], $a[13], $a[18], $a[23]),
                $xor5($a[4], $a[9], $a[14], $a[19], $a[24]),
            ];
            for x in 0..5 {
                let d = $xor(c[(x + 4) % 5], $rol(c[(x + 1) % 5], 1));
                for y in 0..5 {
                    $a[5 * y + x] = $xor($a[5 * y + x], d);
                }
            }
            // ρ and π
            let mut last = $a[1];
            for i in 0..24 {
                let j = PI[i];
                let t = $a[j];
                $a[j] = $rol(last, RHO[i]);
                last = t;
            }
            // χ
            for y in 0..5 {
                let r = [
                    $a[5 * y],
                    $a[5 * y + 1],
                    $a[5 * y + 2],
                    $a[5 * y + 3],
                    $a[5 * y + 4],
                ];
                for x in 0..5 {
                    $a[5 * y + x] = $chi(r[x], r[(x + 1) % 5], r[(x + 2) % 5]);
                }
            }
            // ι
            $a[0] = $xor($a[0], $splat(rc));
        }
    };
}

/// Absorbs `N` messages of `len` bytes (back to back in `data`) into a state of 25 vectors of
/// `N` words and squeezes 32 bytes per message into `out`. `$load(words: [u64; N])` makes a
/// vector, `$store(v) -> [u64; N]` takes one apart, `$permute(&mut state)` is Keccak-f.
#[cfg(target_arch = "x86_64")]
macro_rules! absorb_squeeze {
    ($n:expr, $data:ident, $len:ident, $out:ident, $zero:expr, $xor:ident, $load:ident, $store:ident, $permute:ident) => {{
        let mut s = [$zero; 25];
        let word = |lane: usize, at: usize| -> u64 {
            let off = lane * $len + at;
            u64::from_le_bytes($data[off..off + 8].try_into().expect("8 bytes"))
        };
        let full = $len / RATE;
        for b in 0..full {
            for w in 0..RATE_WORDS {
                let v = $load(std::array::from_fn(|l| word(l, b * RATE + w * 8)));
                s[w] = $xor(s[w], v);
            }
            $permute(&mut s);
        }
        // The last block: the tail, then the pad10*1 bits 0x01 … 0x80.
        let base = full * RATE;
        let tail = $len - base;
        for w in 0..tail / 8 {
            let v = $load(std::array::from_fn(|l| word(l, base + w * 8)));
            s[w] = $xor(s[w], v);
        }
        let part = tail % 8;
        let w = tail / 8;
        let v = $load(std::array::from_fn(|l| {
            let off = l * $len + base + w * 8;
            let mut b = [0u8; 8];
            b[..part].copy_from_slice(&$data[off..off + part]);
            b[part] = 0x01;
            u64::from_le_bytes(b)
        }));
        s[w] = $xor(s[w], v);
        s[RATE_WORDS - 1] = $xor(s[RATE_WORDS - 1], $load([0x80u64 << 56; $n]));
        $permute(&mut s);
        for w in 0..4 {
            let words: [u64; $n] = $store(s[w]);
            for (h, x) in $out.iter_mut().zip(words) {
                h[w * 8..w * 8 + 8].copy_from_slice(&x.to_le_bytes());
            }
        }
    }};
}

/// 4 lanes in 256-bit AVX2 registers.
#[cfg(target_arch = "x86_64")]
mod x4 {
    use std::arch::x86_64::*;

    use super::{Hash, PI, RATE, RATE_WORDS, RC, RHO};

    #[inline]
    #[target_feature(enable = "avx2")]
    fn xor(a: __m256i, b: __m256i) -> __m256i {
        _mm256_xor_si256(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn xor5(a: __m256i, b: __m256i, c: __m256i, d: __m256i, e: __m256i) -> __m256i {
        xor(xor(xor(a, b), xor(c, d)), e)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn rol(a: __m256i, n: u32) -> __m256i {
        let l = _mm256_set1_epi64x(n as i64);
        let r = _mm256_set1_epi64x(64 - n as i64);
        _mm256_or_si256(_mm256_sllv_epi64(a, l), _mm256_srlv_epi64(a, r))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn chi(a: __m256i, b: __m256i, c: __m256i) -> __m256i {
        _mm256_xor_si256(a, _mm256_andnot_si256(b, c))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn splat(x: u64) -> __m256i {
        _mm256_set1_epi64x(x as i64)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn load(w: [u64; 4]) -> __m256i {
        _mm256_set_epi64x(w[3] as i64, w[2] as i64, w[1] as i64, w[0] as i64)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn store(v: __m256i) -> [u64; 4] {
        let mut w = [0u64; 4];
        // SAFETY: `w` is 32 writable bytes; the store is unaligned.
        unsafe { _mm256_storeu_si256(w.as_mut_ptr().cast(), v) };
        w
    }

    #[target_feature(enable = "avx2")]
    fn permute(a: &mut [__m256i; 25]) {
        keccak_f1600!(a, xor, xor5, rol, chi, splat);
    }

    /// Hashes 4 messages of `len` bytes each.
    #[target_feature(enable = "avx2")]
    pub(super) fn hash(data: &[u8], len: usize, out: &mut [Hash]) {
        debug_assert!(data.len() == 4 * len && out.len() == 4);
        absorb_squeeze!(
            4,
            data,
            len,
            out,
            _mm256_setzero_si256(),
            xor,
            load,
            store,
            permute
        );
    }
}

/// 8 lanes in 512-bit AVX-512 registers (rotates and three-input logic in one instruction).
#[cfg(target_arch = "x86_64")]
mod x8 {
    use std::arch::x86_64::*;

    use super::{Hash, PI, RATE, RATE_WORDS, RC, RHO};

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn xor(a: __m512i, b: __m512i) -> __m512i {
        _mm512_xor_si512(a, b)
    }

    /// `a ^ b ^ c` in one `vpternlogq`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn xor3(a: __m512i, b: __m512i, c: __m512i) -> __m512i {
        _mm512_ternarylogic_epi64::<0x96>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn xor5(a: __m512i, b: __m512i, c: __m512i, d: __m512i, e: __m512i) -> __m512i {
        xor3(xor3(a, b, c), d, e)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn rol(a: __m512i, n: u32) -> __m512i {
        _mm512_rolv_epi64(a, _mm512_set1_epi64(n as i64))
    }

    /// `a ^ (!b & c)` in one `vpternlogq`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn chi(a: __m512i, b: __m512i, c: __m512i) -> __m512i {
        _mm512_ternarylogic_epi64::<0xD2>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn splat(x: u64) -> __m512i {
        _mm512_set1_epi64(x as i64)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn load(w: [u64; 8]) -> __m512i {
        _mm512_set_epi64(
            w[7] as i64,
            w[6] as i64,
            w[5] as i64,
            w[4] as i64,
            w[3] as i64,
            w[2] as i64,
            w[1] as i64,
            w[0] as i64,
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn store(v: __m512i) -> [u64; 8] {
        let mut w = [0u64; 8];
        // SAFETY: `w` is 64 writable bytes; the store is unaligned.
        unsafe { _mm512_storeu_si512(w.as_mut_ptr().cast(), v) };
        w
    }

    #[target_feature(enable = "avx512f")]
    fn permute(a: &mut [__m512i; 25]) {
        keccak_f1600!(a, xor, xor5, rol, chi, splat);
    }

    /// Hashes 8 messages of `len` bytes each.
    #[target_feature(enable = "avx512f")]
    pub(super) fn hash(data: &[u8], len: usize, out: &mut [Hash]) {
        debug_assert!(data.len() == 8 * len && out.len() == 8);
        absorb_squeeze!(
            8,
            data,
            len,
            out,
            _mm512_setzero_si512(),
            xor,
            load,
            store,
            permute
        );
    }
}
