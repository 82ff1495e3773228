//! Top-k compression of pseudo-gradients (Δ = θ_round_start − θ_worker_end), with error
//! feedback, as a deterministic function of Δ so that anyone who re-executes a worker's round
//! can recompress and compare bit for bit.
//!
//! # What is kept
//! The tensors are taken in name order (the checkpoint's order) and each is cut into chunks of
//! `chunk` entries (its last chunk may be shorter). A chunk of `len` entries keeps
//! `min(K, len)` entries, K = ⌈density × chunk⌉ (at least 1; a product within 1e-9 of an
//! integer counts as that integer): those of largest magnitude, ties broken by the lower
//! index. The kept values are quantized to `bits` bits against the chunk's scale
//! s = the largest kept magnitude: code c ∈ [0, 2^bits − 1] stands for
//! s × (2c − (2^bits − 1)) / (2^bits − 1), the nearest such level (ties away from zero), all in
//! f32 arithmetic. Every other entry decompresses to 0.
//!
//! # Error feedback
//! With error feedback a worker keeps a residual e (zero at first): it compresses a = Δ + e and
//! keeps e' = a − decompress(sent). Over rounds, Σ sent + e_final = Σ Δ (up to f32 rounding).
//!
//! # The file (`cohort-topk/1`, a safetensors file; see docs/protocol.md)
//! Tensors: `scales` (F32, one per chunk, in chunk order), `indices` (U8: every kept entry's
//! index within its chunk, ⌈log2 chunk⌉ bits each, chunks in order and indices ascending within
//! a chunk, packed least significant bit first, zero padded to a byte) and `values` (U8: the
//! codes, `bits` bits each, in the same order and packing). Metadata: `format`, `numel`,
//! `chunk`, `k` (K), `bits`, `index_bits` and `layout` (JSON `[[name, shape], …]`). The writer
//! is deterministic (sorted header, no timestamps), so the same Δ gives the same bytes.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::checkpoint::{Data, Tensors, write_safetensors};
use crate::error::{Error, Result};

pub const FORMAT: &str = "cohort-topk/1";

/// The top-k parameters (`[training.compress]` with `method = "topk"`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopK {
    pub chunk: usize,
    pub density: f64,
    pub bits: u8,
}

impl TopK {
    /// K: entries kept per full chunk.
    pub fn k(&self) -> usize {
        let k = (self.density * self.chunk as f64 - 1e-9).ceil();
        (k.max(1.0) as usize).min(self.chunk.max(1))
    }
}

/// Tensor names and shapes, in the order they are flattened.
pub type Layout = Vec<(String, Vec<usize>)>;

/// The layout and the concatenated values of a tensor set (name order).
pub fn flatten(t: &Tensors) -> (Layout, Vec<f32>) {
    let n: usize = t.values().map(|(_, d)| d.len()).sum();
    let mut flat = Vec::with_capacity(n);
    let mut layout = Vec::with_capacity(t.len());
    for (name, (shape, data)) in t {
        layout.push((name.clone(), shape.clone()));
        flat.extend_from_slice(data);
    }
    (layout, flat)
}

/// The tensor set of `layout` holding `flat`.
pub fn unflatten(layout: &Layout, flat: &[f32]) -> Tensors {
    let mut out = Tensors::new();
    let mut at = 0;
    for (name, shape) in layout {
        let n: usize = shape.iter().product();
        out.insert(name.clone(), (shape.clone(), flat[at..at + n].to_vec()));
        at += n;
    }
    out
}

fn numel(layout: &Layout) -> usize {
    layout
        .iter()
        .map(|(_, s)| s.iter().product::<usize>())
        .sum()
}

/// One chunk: where its entries start in the flat vector, how many, how many are kept and
/// where its kept entries start in the kept list.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    len: usize,
    k: usize,
    kept_at: usize,
}

fn chunks(layout: &Layout, chunk: usize, k: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut start, mut kept_at) = (0, 0);
    for (_, shape) in layout {
        let n: usize = shape.iter().product();
        let mut off = 0;
        while off < n {
            let len = chunk.min(n - off);
            let kk = k.min(len);
            out.push(Chunk {
                start: start + off,
                len,
                k: kk,
                kept_at,
            });
            kept_at += kk;
            off += len;
        }
        start += n;
    }
    out
}

/// Bits needed for an index within a chunk of `chunk` entries (at least 1).
pub fn index_bits(chunk: usize) -> u32 {
    (usize::BITS - (chunk.max(2) - 1).leading_zeros()).max(1)
}

/// The value of code `c` at `bits` bits for scale `s`.
#[inline]
pub fn dequantize(c: u32, bits: u8, s: f32) -> f32 {
    let lm1 = ((1u32 << bits) - 1) as f32;
    s * ((2.0 * c as f32 - lm1) / lm1)
}

#[inline]
fn quantize(x: f32, bits: u8, s: f32) -> u32 {
    let lm1 = ((1u32 << bits) - 1) as f32;
    if s == 0.0 {
        return 1u32 << (bits - 1);
    }
    let q = ((x / s + 1.0) * 0.5 * lm1).round();
    q.clamp(0.0, lm1) as u32
}

/// A compressed Δ in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Compressed {
    pub layout: Layout,
    pub chunk: usize,
    /// Entries kept per full chunk.
    pub k: usize,
    pub bits: u8,
    /// Packed chunk-local indices (`index_bits(chunk)` bits each).
    pub indices: Vec<u8>,
    /// Packed codes (`bits` bits each).
    pub values: Vec<u8>,
    /// One scale per chunk.
    pub scales: Vec<f32>,
}

struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn new(cap_bits: usize) -> Self {
        BitWriter {
            out: Vec::with_capacity(cap_bits.div_ceil(8)),
            acc: 0,
            n: 0,
        }
    }
    #[inline]
    fn put(&mut self, v: u32, width: u32) {
        self.acc |= (v as u64) << self.n;
        self.n += width;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// The `width`-bit field at bit `pos` of `bytes` (LSB first).
#[inline]
fn get_bits(bytes: &[u8], pos: usize, width: u32) -> u32 {
    let byte = pos / 8;
    let mut buf = [0u8; 8];
    let end = (byte + 8).min(bytes.len());
    buf[..end - byte].copy_from_slice(&bytes[byte..end]);
    let v = u64::from_le_bytes(buf) >> (pos % 8);
    (v & ((1u64 << width) - 1)) as u32
}

fn not_finite(at: usize) -> Error {
    Error::failed(
        "compress.not_finite",
        format!("the pseudo-gradient has a non-finite entry at flat index {at}"),
    )
    .hint("the round diverged: lower training.learning_rate")
}

/// Compresses `delta` (the flat values of `layout`). Deterministic: the same inputs give the
/// same result on every machine.
pub fn compress(layout: &Layout, delta: &[f32], p: TopK) -> Result<Compressed> {
    check_params(p)?;
    if numel(layout) != delta.len() {
        return Err(Error::failed(
            "compress.layout",
            format!(
                "the layout has {} entries but the pseudo-gradient {}",
                numel(layout),
                delta.len()
            ),
        ));
    }
    let k = p.k();
    let table = chunks(layout, p.chunk, k);
    type Picked = (Vec<u32>, Vec<u32>, f32);
    let picked: Vec<Picked> = table
        .par_iter()
        .map_init(Vec::<u64>::new, |keys, c| -> Result<Picked> {
            let xs = &delta[c.start..c.start + c.len];
            keys.clear();
            // Larger magnitude first, then lower index: one u64 key per entry, all distinct.
            for (i, x) in xs.iter().enumerate() {
                let a = x.abs().to_bits();
                if a >= 0x7f80_0000 {
                    return Err(not_finite(c.start + i));
                }
                keys.push(((a as u64) << 32) | (u32::MAX - i as u32) as u64);
            }
            if c.k < c.len {
                keys.select_nth_unstable_by(c.k - 1, |a, b| b.cmp(a));
            }
            let top = &mut keys[..c.k];
            let scale = top
                .iter()
                .map(|key| f32::from_bits((key >> 32) as u32))
                .fold(0f32, f32::max);
            let mut idx: Vec<u32> = top.iter().map(|key| u32::MAX - (*key as u32)).collect();
            idx.sort_unstable();
            let codes = idx
                .iter()
                .map(|&i| quantize(xs[i as usize], p.bits, scale))
                .collect();
            Ok((idx, codes, scale))
        })
        .collect::<Result<_>>()?;
    let kept: usize = table.iter().map(|c| c.k).sum();
    let ib = index_bits(p.chunk);
    let (mut iw, mut vw) = (
        BitWriter::new(kept * ib as usize),
        BitWriter::new(kept * p.bits as usize),
    );
    let mut scales = Vec::with_capacity(table.len());
    for (idx, codes, s) in &picked {
        for (&i, &c) in idx.iter().zip(codes) {
            iw.put(i, ib);
            vw.put(c, p.bits as u32);
        }
        scales.push(*s);
    }
    Ok(Compressed {
        layout: layout.clone(),
        chunk: p.chunk,
        k,
        bits: p.bits,
        indices: iw.finish(),
        values: vw.finish(),
        scales,
    })
}

/// Compresses `delta + residual` and leaves in `residual` what was not sent (error feedback).
pub fn compress_with_feedback(
    layout: &Layout,
    delta: &[f32],
    residual: &mut Vec<f32>,
    p: TopK,
) -> Result<Compressed> {
    if residual.is_empty() {
        residual.resize(delta.len(), 0.0);
    }
    if residual.len() != delta.len() {
        return Err(Error::failed(
            "compress.residual",
            format!(
                "the error-feedback residual has {} entries but the pseudo-gradient {}",
                residual.len(),
                delta.len()
            ),
        ));
    }
    residual
        .par_chunks_mut(1 << 16)
        .zip(delta.par_chunks(1 << 16))
        .for_each(|(r, d)| r.iter_mut().zip(d).for_each(|(r, d)| *r += *d));
    let c = compress(layout, residual, p)?;
    let sent = c.kept_by_chunk();
    let mut rest: &mut [f32] = residual;
    let mut slices = Vec::with_capacity(sent.len());
    for (start, len, _) in &sent {
        let tail = std::mem::take(&mut rest);
        let (head, tail) = tail.split_at_mut(*len);
        slices.push((*start, head));
        rest = tail;
    }
    slices
        .into_par_iter()
        .zip(sent.par_iter())
        .for_each(|((_, r), (_, _, kept))| {
            for &(i, v) in kept {
                r[i as usize] -= v;
            }
        });
    Ok(c)
}

fn check_params(p: TopK) -> Result<()> {
    if p.chunk == 0 || p.chunk > super::config::MAX_CHUNK {
        return Err(Error::usage(
            "compress.params",
            format!(
                "chunk {} is not in 1..={}",
                p.chunk,
                super::config::MAX_CHUNK
            ),
        ));
    }
    if !(p.density > 0.0 && p.density <= 1.0) {
        return Err(Error::usage(
            "compress.params",
            format!("density {} is not in (0, 1]", p.density),
        ));
    }
    if !matches!(p.bits, 2 | 4 | 8) {
        return Err(Error::usage(
            "compress.params",
            format!("bits {} is not 2, 4 or 8", p.bits),
        ));
    }
    Ok(())
}

fn invalid(why: impl Into<String>) -> Error {
    Error::verification(
        "compress.invalid",
        format!("not a valid compressed pseudo-gradient: {}", why.into()),
    )
}

impl Compressed {
    /// Entries kept in all.
    pub fn kept_count(&self) -> usize {
        chunks(&self.layout, self.chunk, self.k)
            .iter()
            .map(|c| c.k)
            .sum()
    }

    /// Number of entries of the dense Δ.
    pub fn numel(&self) -> usize {
        numel(&self.layout)
    }

    /// Per chunk: its flat start, its length, and its kept (chunk-local index, value) pairs.
    #[allow(clippy::type_complexity)]
    fn kept_by_chunk(&self) -> Vec<(usize, usize, Vec<(u32, f32)>)> {
        let ib = index_bits(self.chunk);
        let b = self.bits as u32;
        chunks(&self.layout, self.chunk, self.k)
            .par_iter()
            .enumerate()
            .map(|(ci, c)| {
                let s = self.scales[ci];
                let kept = (0..c.k)
                    .map(|j| {
                        let at = c.kept_at + j;
                        let i = get_bits(&self.indices, at * ib as usize, ib);
                        let code = get_bits(&self.values, at * b as usize, b);
                        (i, dequantize(code, self.bits, s))
                    })
                    .collect();
                (c.start, c.len, kept)
            })
            .collect()
    }

    /// Every kept entry: (flat index, decompressed value), in flat order.
    pub fn kept(&self) -> Vec<(usize, f32)> {
        self.kept_by_chunk()
            .into_iter()
            .flat_map(|(start, _, kept)| {
                kept.into_iter().map(move |(i, v)| (start + i as usize, v))
            })
            .collect()
    }

    /// The dense Δ: kept entries decompressed, every other entry 0.
    pub fn decompress(&self) -> Vec<f32> {
        let mut out = vec![0f32; self.numel()];
        let ib = index_bits(self.chunk);
        let b = self.bits as u32;
        let table = chunks(&self.layout, self.chunk, self.k);
        let mut rest: &mut [f32] = &mut out;
        let mut slices = Vec::with_capacity(table.len());
        for c in &table {
            let tail = std::mem::take(&mut rest);
            let (head, tail) = tail.split_at_mut(c.len);
            slices.push(head);
            rest = tail;
        }
        slices
            .into_par_iter()
            .zip(table.par_iter().enumerate())
            .for_each(|(o, (ci, c))| {
                let s = self.scales[ci];
                for j in 0..c.k {
                    let at = c.kept_at + j;
                    let i = get_bits(&self.indices, at * ib as usize, ib);
                    let code = get_bits(&self.values, at * b as usize, b);
                    o[i as usize] = dequantize(code, self.bits, s);
                }
            });
        out
    }

    /// The dense Δ as named tensors.
    pub fn decompress_tensors(&self) -> Tensors {
        unflatten(&self.layout, &self.decompress())
    }

    /// The file's bytes (deterministic).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut meta = BTreeMap::new();
        meta.insert("format".to_string(), FORMAT.to_string());
        meta.insert("numel".to_string(), self.numel().to_string());
        meta.insert("chunk".to_string(), self.chunk.to_string());
        meta.insert("k".to_string(), self.k.to_string());
        meta.insert("bits".to_string(), self.bits.to_string());
        meta.insert("index_bits".to_string(), index_bits(self.chunk).to_string());
        meta.insert(
            "layout".to_string(),
            serde_json::to_string(&self.layout).expect("layout serializes"),
        );
        // Scales first: the data section starts 8-byte aligned, so the F32 tensor stays
        // 4-byte aligned for readers that map it; the U8 tensors after it need no alignment.
        write_safetensors(
            &[
                ("scales", &[self.scales.len()], Data::F32(&self.scales)),
                ("indices", &[self.indices.len()], Data::U8(&self.indices)),
                ("values", &[self.values.len()], Data::U8(&self.values)),
            ],
            &meta,
        )
    }

    /// Reads and checks a file: sizes consistent with its metadata, indices in range and
    /// strictly ascending within each chunk, scales finite and non-negative, padding bits zero.
    /// Anything else is refused (exit 5), so one Δ has exactly one encoding.
    pub fn from_bytes(bytes: &[u8]) -> Result<Compressed> {
        use safetensors::{Dtype, SafeTensors};
        let (_, m) = SafeTensors::read_metadata(bytes).map_err(|e| invalid(e.to_string()))?;
        let md = m.metadata().clone().unwrap_or_default();
        if md.get("format").map(String::as_str) != Some(FORMAT) {
            return Err(invalid(format!("metadata `format` is not {FORMAT}")));
        }
        let num = |k: &str| -> Result<usize> {
            md.get(k)
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| invalid(format!("metadata `{k}` is missing or not a number")))
        };
        let (chunk, k, bits) = (num("chunk")?, num("k")?, num("bits")?);
        if chunk == 0 || chunk > super::config::MAX_CHUNK || k == 0 || k > chunk {
            return Err(invalid(format!("chunk {chunk} with k {k}")));
        }
        if !matches!(bits, 2 | 4 | 8) {
            return Err(invalid(format!("bits {bits}")));
        }
        if num("index_bits")? != index_bits(chunk) as usize {
            return Err(invalid("index_bits does not match chunk"));
        }
        let layout: Layout = serde_json::from_str(md.get("layout").map_or("", |s| s))
            .map_err(|e| invalid(format!("metadata `layout`: {e}")))?;
        if num("numel")? != numel(&layout) {
            return Err(invalid("numel does not match the layout"));
        }
        let st = SafeTensors::deserialize(bytes).map_err(|e| invalid(e.to_string()))?;
        if st.len() != 3 {
            return Err(invalid("it must hold exactly scales, indices and values"));
        }
        let get = |name: &str, dtype: Dtype| -> Result<Vec<u8>> {
            let t = st
                .tensor(name)
                .map_err(|_| invalid(format!("tensor `{name}` is missing")))?;
            if t.dtype() != dtype || t.shape().len() != 1 {
                return Err(invalid(format!("tensor `{name}` is not a 1-D {dtype:?}")));
            }
            Ok(t.data().to_vec())
        };
        let scale_bytes = get("scales", Dtype::F32)?;
        let c = Compressed {
            chunk,
            k,
            bits: bits as u8,
            indices: get("indices", Dtype::U8)?,
            values: get("values", Dtype::U8)?,
            scales: scale_bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes")))
                .collect(),
            layout,
        };
        c.check()?;
        Ok(c)
    }

    /// The canonical-form checks of `from_bytes`.
    fn check(&self) -> Result<()> {
        let table = chunks(&self.layout, self.chunk, self.k);
        if self.scales.len() != table.len() {
            return Err(invalid(format!(
                "{} scales for {} chunks",
                self.scales.len(),
                table.len()
            )));
        }
        if let Some(s) = self.scales.iter().find(|s| !(s.is_finite() && **s >= 0.0)) {
            return Err(invalid(format!("scale {s} is not finite and non-negative")));
        }
        let kept = self.kept_count();
        let ib = index_bits(self.chunk) as usize;
        let b = self.bits as usize;
        for (name, data, width) in [("indices", &self.indices, ib), ("values", &self.values, b)] {
            if data.len() != (kept * width).div_ceil(8) {
                return Err(invalid(format!(
                    "`{name}` has {} bytes; {kept} entries of {width} bits need {}",
                    data.len(),
                    (kept * width).div_ceil(8)
                )));
            }
            let used = kept * width;
            if !used.is_multiple_of(8) && data.last().is_some_and(|l| l >> (used % 8) != 0) {
                return Err(invalid(format!("`{name}` has non-zero padding bits")));
            }
        }
        let bad = table.par_iter().find_any(|c| {
            let mut prev: Option<u32> = None;
            (0..c.k).any(|j| {
                let i = get_bits(&self.indices, (c.kept_at + j) * ib, ib as u32);
                let wrong = i as usize >= c.len || prev.is_some_and(|p| i <= p);
                prev = Some(i);
                wrong
            })
        });
        if let Some(c) = bad {
            return Err(invalid(format!(
                "the indices of the chunk at flat entry {} are not ascending within it",
                c.start
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(sizes: &[usize]) -> Layout {
        sizes
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("t{i}"), vec![*n]))
            .collect()
    }

    /// A reproducible pseudo-random Δ (xorshift), with repeated magnitudes to exercise ties.
    fn delta(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                ((s % 2001) as f32 - 1000.0) / 997.0
            })
            .collect()
    }

    #[test]
    fn k_is_the_ceiling_of_density_times_chunk() {
        let k = |chunk, density| {
            TopK {
                chunk,
                density,
                bits: 2,
            }
            .k()
        };
        assert_eq!(k(4096, 0.02), 82);
        assert_eq!(k(64, 0.02), 2);
        assert_eq!(k(50, 0.02), 1);
        assert_eq!(k(64, 0.25), 16);
        assert_eq!(k(64, 1.0), 64);
        assert_eq!(k(10, 1e-6), 1);
        assert_eq!(index_bits(4096), 12);
        assert_eq!(index_bits(4097), 13);
        assert_eq!(index_bits(64), 6);
        assert_eq!(index_bits(1), 1);
    }

    /// The reference selection: sort by (|x| desc, index asc), an implementation independent of
    /// the key trick.
    fn reference_top(xs: &[f32], k: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..xs.len()).collect();
        order.sort_by(|&a, &b| xs[b].abs().total_cmp(&xs[a].abs()).then(a.cmp(&b)));
        let mut top = order[..k.min(xs.len())].to_vec();
        top.sort();
        top
    }

    #[test]
    fn round_trip_keeps_exactly_the_top_entries_of_each_chunk() {
        let lay = layout(&[1000, 37, 4096 + 5]);
        let d = delta(numel(&lay), 7);
        for bits in [2u8, 4, 8] {
            let p = TopK {
                chunk: 64,
                density: 0.05,
                bits,
            };
            let c = compress(&lay, &d, p).unwrap();
            let back = Compressed::from_bytes(&c.to_bytes()).unwrap();
            assert_eq!(back, c);
            let dense = back.decompress();
            let kept = back.kept();
            let lm1 = ((1u32 << bits) - 1) as f32;
            // Chunk by chunk: the kept set is the reference top-k, each value is within half a
            // quantization step of the original, and everything else is exactly 0.
            let mut expected = Vec::new();
            let mut start = 0;
            for (_, shape) in &lay {
                let n = shape[0];
                let mut off = 0;
                while off < n {
                    let len = p.chunk.min(n - off);
                    let xs = &d[start + off..start + off + len];
                    let top = reference_top(xs, p.k());
                    let s = top.iter().map(|&i| xs[i].abs()).fold(0f32, f32::max);
                    for &i in &top {
                        let got = dense[start + off + i];
                        assert!(
                            (got - xs[i]).abs() <= s / lm1 * 1.0001,
                            "bits {bits}: {got} for {}",
                            xs[i]
                        );
                        expected.push(start + off + i);
                    }
                    off += len;
                }
                start += n;
            }
            let got: Vec<usize> = kept.iter().map(|(i, _)| *i).collect();
            assert_eq!(got, expected);
            for (i, v) in dense.iter().enumerate() {
                if expected.binary_search(&i).is_err() {
                    assert_eq!(*v, 0.0);
                } else {
                    let k = kept.iter().find(|(j, _)| *j == i).unwrap().1;
                    assert_eq!(v.to_bits(), k.to_bits());
                }
            }
        }
    }

    #[test]
    fn ties_go_to_the_lower_index() {
        let lay = layout(&[8]);
        let d = [1.0, -2.0, 2.0, 0.5, -2.0, 2.0, 0.0, 1.0];
        let c = compress(
            &lay,
            &d,
            TopK {
                chunk: 8,
                density: 0.25,
                bits: 8,
            },
        )
        .unwrap();
        let idx: Vec<usize> = c.kept().iter().map(|(i, _)| *i).collect();
        assert_eq!(idx, vec![1, 2]);
        // 8-bit codes are odd multiples of 1/255 of the scale: ±2 is exact.
        assert_eq!(c.kept()[0].1, -2.0);
    }

    #[test]
    fn the_bytes_are_deterministic_and_any_altered_index_or_padding_is_refused() {
        let lay = layout(&[300]);
        let d = delta(300, 3);
        let p = TopK {
            chunk: 100,
            density: 0.03,
            bits: 2,
        };
        let a = compress(&lay, &d, p).unwrap().to_bytes();
        assert_eq!(a, compress(&lay, &d, p).unwrap().to_bytes());
        let c = Compressed::from_bytes(&a).unwrap();
        // Swapping two indices of a chunk breaks the ascending order.
        let mut swapped = c.clone();
        let ib = index_bits(100);
        let mut idx: Vec<u32> = (0..c.kept_count())
            .map(|j| get_bits(&c.indices, j * ib as usize, ib))
            .collect();
        idx.swap(0, 1);
        let mut w = BitWriter::new(idx.len() * ib as usize);
        idx.iter().for_each(|&i| w.put(i, ib));
        swapped.indices = w.finish();
        assert_ne!(swapped.indices, c.indices);
        let e = Compressed::from_bytes(&swapped.to_bytes()).unwrap_err();
        assert_eq!(e.exit_code(), 5, "{}", e.message);
        let mut negative = c.clone();
        negative.scales[1] = -1.0;
        assert!(Compressed::from_bytes(&negative.to_bytes()).is_err());
        let mut short = c;
        short.values.pop();
        assert!(Compressed::from_bytes(&short.to_bytes()).is_err());
    }

    #[test]
    fn error_feedback_sends_everything_eventually() {
        let lay = layout(&[500, 333]);
        let n = numel(&lay);
        let p = TopK {
            chunk: 50,
            density: 0.1,
            bits: 2,
        };
        let mut residual = Vec::new();
        let mut sent = vec![0f64; n];
        let mut total = vec![0f64; n];
        for round in 0..12 {
            let d = delta(n, 100 + round);
            for (t, x) in total.iter_mut().zip(&d) {
                *t += *x as f64;
            }
            let c = compress_with_feedback(&lay, &d, &mut residual, p).unwrap();
            for (s, x) in sent.iter_mut().zip(c.decompress()) {
                *s += x as f64;
            }
        }
        let scale = total.iter().fold(0f64, |m, x| m.max(x.abs()));
        let worst = (0..n)
            .map(|i| (sent[i] + residual[i] as f64 - total[i]).abs())
            .fold(0f64, f64::max);
        // Equal up to f32 rounding of the running residual (12 rounds of additions).
        assert!(worst <= scale * 1e-5, "worst {worst}, scale {scale}");
        // And the residual is really carried: without it the sums would differ by far more.
        let unsent = (0..n)
            .map(|i| (sent[i] - total[i]).abs())
            .fold(0f64, f64::max);
        assert!(unsent > scale * 1e-2);
    }

    #[test]
    fn a_non_finite_delta_is_refused() {
        let lay = layout(&[4]);
        let p = TopK {
            chunk: 4,
            density: 0.5,
            bits: 2,
        };
        let e = compress(&lay, &[0.0, f32::NAN, 1.0, 2.0], p).unwrap_err();
        assert!(e.message.contains("flat index 1"), "{}", e.message);
        assert!(compress(&lay, &[0.0, f32::INFINITY, 1.0, 2.0], p).is_err());
    }
}
