//! The 0G storage Merkle tree (docs/protocol.md §1 and §3.3): chunk leaves, flow padding, segment
//! roots, the left-balanced file tree, submission nodes and segment proofs.
//!
//! [`FileTree`] keeps only the segment roots (32 bytes per 256 KiB segment) plus the chunk leaves
//! of the last segment, never the data. Building one streams the input in batches of segments and
//! hashes one segment per rayon task, so memory stays bounded whatever the file size.

use std::io::{self, Read};
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::keccak::{hash_pairs_in_place, keccak256, keccak256_many};
pub use super::types::FileProof;

/// Bytes per chunk (= entry = sector).
pub const CHUNK_SIZE: usize = 256;
/// Chunks per segment.
pub const SEGMENT_CHUNKS: usize = 1024;
/// Bytes per segment.
pub const SEGMENT_SIZE: usize = CHUNK_SIZE * SEGMENT_CHUNKS;
/// Segments read and hashed per batch when streaming: at least this many (4 MiB), and at least
/// 4 per thread so every core has work; two buffers are alive at once.
pub const BATCH_SEGMENTS: usize = 16;
/// The most segments per batch (16 MiB per buffer), which bounds memory on many-core machines.
pub const MAX_BATCH_SEGMENTS: usize = 64;

/// A Keccak-256 hash.
pub type Hash = [u8; 32];

/// Keccak-256 (the Ethereum variant, not FIPS SHA3).
#[inline]
pub fn keccak(data: &[u8]) -> Hash {
    keccak256(data)
}

/// `keccak(l ‖ r)`: the parent of two nodes.
#[inline]
pub fn hash_pair(l: &Hash, r: &Hash) -> Hash {
    let mut buf = [0u8; 64];
    buf[..32].copy_from_slice(l);
    buf[32..].copy_from_slice(r);
    keccak(&buf)
}

fn zero_hashes() -> &'static [Hash; 64] {
    static Z: OnceLock<[Hash; 64]> = OnceLock::new();
    Z.get_or_init(|| {
        let mut z = [[0u8; 32]; 64];
        z[0] = keccak(&[0u8; CHUNK_SIZE]);
        for h in 1..64 {
            z[h] = hash_pair(&z[h - 1], &z[h - 1]);
        }
        z
    })
}

/// `Z[h]`: the root of a perfect tree of `2^h` zero chunks; `Z[0] = keccak(256 zero bytes)`.
pub fn zero_hash(height: usize) -> Hash {
    zero_hashes()[height]
}

/// The smallest power of two `>= n` (1 for 0).
pub fn next_pow2(n: u64) -> u64 {
    n.max(1).next_power_of_two()
}

/// The number of chunks a file of `chunks` data chunks occupies in the flow (§1.4).
pub fn padded_chunks(chunks: u64) -> u64 {
    if chunks == 0 {
        return 0;
    }
    let np2 = next_pow2(chunks);
    if np2 == chunks {
        return chunks;
    }
    let min_chunk = if np2 >= 16 { np2 / 16 } else { 1 };
    chunks.div_ceil(min_chunk) * min_chunk
}

/// `ceil(size / 256)`.
pub fn num_chunks(size: u64) -> u64 {
    size.div_ceil(CHUNK_SIZE as u64)
}

/// The segments that hold data (the only ones uploaded or downloaded).
pub fn num_data_segments(size: u64) -> u64 {
    num_chunks(size).div_ceil(SEGMENT_CHUNKS as u64)
}

/// The segments of the padded file: the leaves of the file tree.
pub fn num_padded_segments(size: u64) -> u64 {
    padded_chunks(num_chunks(size)).div_ceil(SEGMENT_CHUNKS as u64)
}

/// The fee in sectors: `Σ 2^height` over the submission nodes, which is the padded chunk count.
pub fn fee_sectors(size: u64) -> u64 {
    padded_chunks(num_chunks(size))
}

/// How many chunk leaves segment `seg_index` has in the padded file: 1024, or `padded % 1024` for
/// a shorter last padded segment.
pub fn expected_segment_chunks(size: u64, seg_index: u64) -> usize {
    let padded = padded_chunks(num_chunks(size));
    let segs = padded.div_ceil(SEGMENT_CHUNKS as u64);
    let rem = padded % SEGMENT_CHUNKS as u64;
    if seg_index + 1 == segs && rem != 0 {
        rem as usize
    } else {
        SEGMENT_CHUNKS
    }
}

/// The number of data bytes segment `seg_index` carries on the wire: whole chunks, the last chunk
/// zero-padded (docs/protocol.md §3.4). Zero for segments wholly inside the padding.
pub fn segment_wire_len(size: u64, seg_index: u64) -> usize {
    let chunks = num_chunks(size);
    let start = seg_index * SEGMENT_CHUNKS as u64;
    if start >= chunks {
        return 0;
    }
    ((chunks - start).min(SEGMENT_CHUNKS as u64) as usize) * CHUNK_SIZE
}

/// Reduces a level in place, left-balanced (§1.3): pairs are hashed (many at once, see
/// [`super::keccak`]), an odd last node is carried.
fn reduce_in_place(level: &mut [Hash]) -> Hash {
    let mut n = level.len();
    assert!(n > 0, "a tree needs at least one leaf");
    while n > 1 {
        let half = hash_pairs_in_place(&mut level[..n]);
        if n % 2 == 1 {
            level[half] = level[n - 1];
            n = half + 1;
        } else {
            n = half;
        }
    }
    level[0]
}

/// The root of the left-balanced tree over `leaves` (§1.3). Panics on an empty slice.
pub fn root_of_leaves(leaves: &[Hash]) -> Hash {
    if leaves.len() == 1 {
        return leaves[0];
    }
    let mut level = leaves.to_vec();
    reduce_in_place(&mut level)
}

/// The root of `k` zero leaves of height `h` each, left-balanced (k ≥ 1).
fn zero_tree_root(k: u64, h: usize) -> Hash {
    if k.is_power_of_two() {
        return zero_hash(h + k.trailing_zeros() as usize);
    }
    let half = next_pow2(k) / 2;
    hash_pair(
        &zero_hash(h + half.trailing_zeros() as usize),
        &zero_tree_root(k - half, h),
    )
}

/// Writes the chunk leaves of `data` (zero-padding a partial last chunk) then `Z0` up to
/// `expected_chunks` into `out`.
fn fill_leaves(data: &[u8], expected_chunks: usize, out: &mut [Hash]) {
    let full = data.len() / CHUNK_SIZE;
    keccak256_many(&data[..full * CHUNK_SIZE], CHUNK_SIZE, &mut out[..full]);
    let mut n = full;
    let rest = &data[full * CHUNK_SIZE..];
    if !rest.is_empty() {
        let mut c = [0u8; CHUNK_SIZE];
        c[..rest.len()].copy_from_slice(rest);
        out[n] = keccak(&c);
        n += 1;
    }
    let z0 = zero_hash(0);
    for leaf in out.iter_mut().take(expected_chunks).skip(n) {
        *leaf = z0;
    }
}

/// The chunk leaves of one segment: the chunks of `data`, then `Z0` up to `expected_chunks`.
pub fn segment_leaves(data: &[u8], expected_chunks: usize) -> Vec<Hash> {
    let n = data.len().div_ceil(CHUNK_SIZE);
    assert!(
        n <= expected_chunks,
        "segment data longer than its expected chunk count"
    );
    let mut leaves = vec![[0u8; 32]; expected_chunks];
    fill_leaves(data, expected_chunks, &mut leaves);
    leaves
}

/// A segment root: the chunks of `data` (a partial last chunk is zero-filled) plus `Z0` leaves up
/// to `expected_chunks`, left-balanced. `expected_chunks` is at most 1024.
pub fn segment_root(data: &[u8], expected_chunks: usize) -> Hash {
    let n = data.len().div_ceil(CHUNK_SIZE);
    assert!(
        n <= expected_chunks && expected_chunks <= SEGMENT_CHUNKS && expected_chunks > 0,
        "segment of {n} chunks does not fit {expected_chunks} leaves"
    );
    if n == 0 {
        return zero_tree_root(expected_chunks as u64, 0);
    }
    let mut leaves = [[0u8; 32]; SEGMENT_CHUNKS];
    fill_leaves(data, expected_chunks, &mut leaves);
    reduce_in_place(&mut leaves[..expected_chunks])
}

/// One submission node: a perfect subtree of `2^height` chunks (§1.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubmissionNode {
    #[serde(with = "super::types::hex_hash")]
    pub root: Hash,
    pub height: u64,
}

/// The submission node layout of a file: `(chunk offset, height)` pairs, largest first.
pub fn submission_layout(size: u64) -> Vec<(u64, u64)> {
    let padded = padded_chunks(num_chunks(size));
    let mut out = Vec::new();
    let mut off = 0u64;
    let mut remaining = padded;
    let mut s = next_pow2(padded);
    while s > 0 {
        if remaining >= s {
            out.push((off, s.trailing_zeros() as u64));
            off += s;
            remaining -= s;
        }
        s /= 2;
    }
    out
}

/// The heights of the submission nodes of a file of `size` bytes, largest first.
pub fn submission_heights(size: u64) -> Vec<u64> {
    submission_layout(size)
        .into_iter()
        .map(|(_, h)| h)
        .collect()
}

/// The file root from the submission nodes: a right fold, `keccak(nodes[i].root ‖ acc)` (§1.5 b).
/// This is how a storage node derives `dataMerkleRoot` from a Submit event.
pub fn root_from_nodes(nodes: &[SubmissionNode]) -> Hash {
    let mut it = nodes.iter().rev();
    let Some(last) = it.next() else {
        return zero_hash(0);
    };
    it.fold(last.root, |acc, n| hash_pair(&n.root, &acc))
}

impl FileProof {
    /// Checks a proof that `leaf` is leaf number `position` of a left-balanced tree of
    /// `num_leaves` leaves with root `root` (§3.3, including the position check).
    pub fn verify(
        &self,
        leaf: &Hash,
        root: &Hash,
        position: u64,
        num_leaves: u64,
    ) -> Result<(), String> {
        if num_leaves == 0 || position >= num_leaves {
            return Err(format!(
                "position {position} is outside a tree of {num_leaves} leaves"
            ));
        }
        if self.lemma.is_empty() {
            return Err("the proof has an empty lemma".into());
        }
        if self.path.is_empty() {
            if self.lemma.len() != 1 {
                return Err(format!(
                    "a proof with an empty path must have 1 lemma item, not {}",
                    self.lemma.len()
                ));
            }
        } else if self.lemma.len() != self.path.len() + 2 {
            return Err(format!(
                "the lemma has {} items but the path has {} (expected path + 2)",
                self.lemma.len(),
                self.path.len()
            ));
        }
        if &self.lemma[0] != leaf {
            return Err("the proof is for another leaf (lemma[0] differs)".into());
        }
        if self.lemma.last() != Some(root) {
            return Err("the proof ends at another root".into());
        }
        let mut h = self.lemma[0];
        for (i, left) in self.path.iter().enumerate() {
            let sib = &self.lemma[i + 1];
            h = if *left {
                hash_pair(&h, sib)
            } else {
                hash_pair(sib, &h)
            };
        }
        if &h != root {
            return Err("the proof does not hash to the root".into());
        }
        let pos = proof_position(&self.path, num_leaves)?;
        if pos != position {
            return Err(format!("the proof is for leaf {pos}, not leaf {position}"));
        }
        Ok(())
    }
}

/// The leaf index a path proves in a left-balanced tree of `num_leaves` leaves (§3.3).
pub fn proof_position(path: &[bool], num_leaves: u64) -> Result<u64, String> {
    let mut n = num_leaves;
    let mut pos = 0u64;
    for left in path.iter().rev() {
        if n <= 1 {
            return Err("the proof path is longer than the tree is deep".into());
        }
        let half = next_pow2(n) / 2;
        if *left {
            n = half;
        } else {
            pos += half;
            n -= half;
        }
    }
    if n != 1 {
        return Err("the proof path is shorter than the tree is deep".into());
    }
    Ok(pos)
}

/// Builds a proof for leaf `index` from the levels of a left-balanced tree.
fn proof_from_levels(levels: &[Vec<Hash>], index: usize) -> FileProof {
    let mut lemma = vec![levels[0][index]];
    let mut path = Vec::new();
    let mut i = index;
    for level in &levels[..levels.len() - 1] {
        if i % 2 == 1 {
            lemma.push(level[i - 1]);
            path.push(false);
        } else if i + 1 < level.len() {
            lemma.push(level[i + 1]);
            path.push(true);
        }
        i /= 2;
    }
    if !path.is_empty() {
        lemma.push(levels[levels.len() - 1][0]);
    }
    FileProof { lemma, path }
}

fn levels_of(leaves: &[Hash]) -> Vec<Vec<Hash>> {
    let mut levels = vec![leaves.to_vec()];
    while levels.last().map(Vec::len).unwrap_or(0) > 1 {
        let cur = levels.last().expect("non-empty");
        let next: Vec<Hash> = cur
            .chunks(2)
            .map(|p| {
                if p.len() == 2 {
                    hash_pair(&p[0], &p[1])
                } else {
                    p[0]
                }
            })
            .collect();
        levels.push(next);
    }
    levels
}

/// The proof for leaf `index` of the left-balanced tree over `leaves`.
pub fn proof_of_leaves(leaves: &[Hash], index: usize) -> FileProof {
    proof_from_levels(&levels_of(leaves), index)
}

/// A file's Merkle tree: the segment roots of every padded segment and the file root.
#[derive(Debug, Clone)]
pub struct FileTree {
    /// The file size in bytes (unpadded).
    pub size: u64,
    /// The file root (`dataMerkleRoot`).
    pub root: Hash,
    /// One root per padded segment (the leaves of the file tree).
    pub segment_roots: Vec<Hash>,
    /// The chunk leaves of the last padded segment when it is shorter than 1024 chunks; the
    /// submission nodes under 1024 chunks live there.
    tail_leaves: Vec<Hash>,
    levels: OnceLock<Vec<Vec<Hash>>>,
}

impl FileTree {
    /// Builds the tree from exactly `size` bytes of `r`, streaming in batches of segments and
    /// hashing segments in parallel on the current rayon pool. Memory is a few MiB whatever
    /// the size. Fewer than `size` bytes is an `UnexpectedEof` error; size 0 is `InvalidInput`.
    pub fn from_reader(r: impl Read + Send, size: u64) -> io::Result<FileTree> {
        Self::from_reader_with(r, size, |_| {})
    }

    /// Like [`FileTree::from_reader`], calling `on_bytes(n)` after each batch of `n` bytes.
    pub fn from_reader_with(
        mut r: impl Read + Send,
        size: u64,
        mut on_bytes: impl FnMut(u64),
    ) -> io::Result<FileTree> {
        check_size(size)?;
        let data_segs = num_data_segments(size);
        let per_batch =
            (4 * rayon::current_num_threads()).clamp(BATCH_SEGMENTS, MAX_BATCH_SEGMENTS);
        let batch = per_batch * SEGMENT_SIZE;
        let mut roots: Vec<Hash> = Vec::with_capacity(num_padded_segments(size) as usize);
        let mut tail = Vec::new();
        let buf_len = (batch as u64).min(size) as usize;
        let mut cur = vec![0u8; buf_len];
        let mut next = vec![0u8; buf_len];
        let mut offset = 0u64;
        let first = (batch as u64).min(size) as usize;
        read_full(&mut r, &mut cur[..first])?;
        let mut cur_len = first;
        while cur_len > 0 {
            let next_len = ((batch as u64).min(size - offset - cur_len as u64)) as usize;
            let seg0 = offset / SEGMENT_SIZE as u64;
            let (read_res, (batch_roots, batch_tail)) = rayon::join(
                || read_full(&mut r, &mut next[..next_len]),
                || hash_batch(&cur[..cur_len], seg0, size),
            );
            read_res?;
            roots.extend(batch_roots);
            if let Some(t) = batch_tail {
                tail = t;
            }
            offset += cur_len as u64;
            on_bytes(cur_len as u64);
            std::mem::swap(&mut cur, &mut next);
            cur_len = next_len;
        }
        debug_assert_eq!(roots.len() as u64, data_segs);
        Ok(Self::finish(size, roots, tail))
    }

    fn finish(size: u64, mut roots: Vec<Hash>, tail: Vec<Hash>) -> FileTree {
        let padded_segs = num_padded_segments(size);
        for s in roots.len() as u64..padded_segs {
            roots.push(segment_root(&[], expected_segment_chunks(size, s)));
        }
        let root = root_of_leaves(&roots);
        FileTree {
            size,
            root,
            segment_roots: roots,
            tail_leaves: tail,
            levels: OnceLock::new(),
        }
    }

    /// Builds the tree of a file on disk.
    pub fn from_file(path: &Path) -> io::Result<FileTree> {
        let f = std::fs::File::open(path)?;
        let size = f.metadata()?.len();
        Self::from_file_range(&f, 0, size, |_| {})
    }

    /// Builds the tree of the `size` bytes of `file` at `offset`, on the current rayon pool:
    /// every task reads its own segment with a positional read into a buffer of its thread and
    /// hashes it, so reading is spread over the cores as well and no thread waits at a batch
    /// boundary (what [`FileTree::from_reader`] must do with one stream). Memory is one segment
    /// per thread. `on_bytes(n)` is called, from any thread, after each segment of `n` bytes.
    /// Fewer than `size` bytes in the file is an `UnexpectedEof` error; size 0 is `InvalidInput`.
    pub fn from_file_range(
        file: &std::fs::File,
        offset: u64,
        size: u64,
        on_bytes: impl Fn(u64) + Sync,
    ) -> io::Result<FileTree> {
        thread_local! {
            static SEGMENT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        check_size(size)?;
        let padded = padded_chunks(num_chunks(size));
        let last_padded = padded.div_ceil(SEGMENT_CHUNKS as u64) - 1;
        let short_tail = !padded.is_multiple_of(SEGMENT_CHUNKS as u64);
        let hashed: Vec<(Hash, Option<Vec<Hash>>)> = (0..num_data_segments(size))
            .into_par_iter()
            .map(|s| {
                let start = s * SEGMENT_SIZE as u64;
                let len = (size - start).min(SEGMENT_SIZE as u64) as usize;
                SEGMENT.with_borrow_mut(|buf| {
                    buf.resize(SEGMENT_SIZE, 0);
                    read_full_at(file, &mut buf[..len], offset + start)?;
                    let expected = expected_segment_chunks(size, s);
                    let out = if short_tail && s == last_padded {
                        let leaves = segment_leaves(&buf[..len], expected);
                        (root_of_leaves(&leaves), Some(leaves))
                    } else {
                        (segment_root(&buf[..len], expected), None)
                    };
                    on_bytes(len as u64);
                    Ok(out)
                })
            })
            .collect::<io::Result<_>>()?;
        let mut tail = Vec::new();
        let mut roots = Vec::with_capacity(num_padded_segments(size) as usize);
        for (root, leaves) in hashed {
            roots.push(root);
            if let Some(l) = leaves {
                tail = l;
            }
        }
        Ok(Self::finish(size, roots, tail))
    }

    /// Builds the tree of an in-memory buffer (hashing in parallel). An empty buffer, which is no
    /// valid 0G file, gives a degenerate tree with root `Z0` and no segments.
    pub fn from_bytes(b: &[u8]) -> FileTree {
        let size = b.len() as u64;
        if size == 0 {
            return FileTree {
                size: 0,
                root: zero_hash(0),
                segment_roots: Vec::new(),
                tail_leaves: Vec::new(),
                levels: OnceLock::new(),
            };
        }
        let (roots, tail) = hash_batch(b, 0, size);
        Self::finish(size, roots, tail.unwrap_or_default())
    }

    /// The number of padded segments (leaves of the file tree).
    pub fn num_segments(&self) -> u64 {
        self.segment_roots.len() as u64
    }

    /// The number of segments that carry data.
    pub fn num_data_segments(&self) -> u64 {
        num_data_segments(self.size)
    }

    fn levels(&self) -> &Vec<Vec<Hash>> {
        self.levels.get_or_init(|| levels_of(&self.segment_roots))
    }

    /// The proof of segment `seg_index` against the file root; identical to the SDK's
    /// `tree.proofAt(i)`. Panics if `seg_index` is not a padded segment.
    pub fn proof(&self, seg_index: u64) -> FileProof {
        proof_from_levels(self.levels(), seg_index as usize)
    }

    /// The submission nodes (§1.6), largest first.
    pub fn nodes(&self) -> Vec<SubmissionNode> {
        let seg = SEGMENT_CHUNKS as u64;
        let tail_start = (padded_chunks(num_chunks(self.size)) / seg) * seg;
        submission_layout(self.size)
            .into_iter()
            .map(|(off, h)| {
                let len = 1u64 << h;
                let root = if len >= seg {
                    let s = (off / seg) as usize;
                    root_of_leaves(&self.segment_roots[s..s + (len / seg) as usize])
                } else {
                    let o = (off - tail_start) as usize;
                    root_of_leaves(&self.tail_leaves[o..o + len as usize])
                };
                SubmissionNode { root, height: h }
            })
            .collect()
    }
}

/// Hashes the segments of `data`, which starts at segment `seg0` of a file of `size` bytes.
/// Returns their roots and, if the batch holds a last padded segment shorter than 1024 chunks,
/// its chunk leaves.
fn hash_batch(data: &[u8], seg0: u64, size: u64) -> (Vec<Hash>, Option<Vec<Hash>>) {
    let padded = padded_chunks(num_chunks(size));
    let short_tail = !padded.is_multiple_of(SEGMENT_CHUNKS as u64);
    let last_padded = padded.div_ceil(SEGMENT_CHUNKS as u64) - 1;
    let roots: Vec<Hash> = data
        .par_chunks(SEGMENT_SIZE)
        .enumerate()
        .map(|(i, seg)| segment_root(seg, expected_segment_chunks(size, seg0 + i as u64)))
        .collect();
    let nsegs = roots.len() as u64;
    let tail = if short_tail && seg0 <= last_padded && last_padded < seg0 + nsegs {
        let i = (last_padded - seg0) as usize;
        let seg = &data[i * SEGMENT_SIZE..data.len().min((i + 1) * SEGMENT_SIZE)];
        Some(segment_leaves(
            seg,
            expected_segment_chunks(size, last_padded),
        ))
    } else {
        None
    };
    (roots, tail)
}

/// A tree of `size` bytes: 0 is refused (`InvalidInput`).
fn check_size(size: u64) -> io::Result<()> {
    if size == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the 0G storage protocol cannot store 0 bytes",
        ));
    }
    Ok(())
}

/// An input that ended before its stated size says so; other errors pass through.
fn short_input(e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the input ended before its stated size",
        )
    } else {
        e
    }
}

/// Fills `buf` from `file` at `pos`.
fn read_full_at(file: &std::fs::File, buf: &mut [u8], pos: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, pos).map_err(short_input)
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<()> {
    r.read_exact(buf).map_err(short_input)
}

/// The root of a file, hashing on a pool of `threads` threads (0 = all cores).
pub fn file_root_with_threads(path: &Path, threads: usize) -> io::Result<FileTree> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| io::Error::other(e.to_string()))?;
    pool.install(|| FileTree::from_file(path))
}

/// Checks a segment as a storage node or a downloader must (§3.5 steps 1, 4, 5): `data` holds the
/// data chunks of file-relative segment `index` of a file of `file_size` bytes with root `root`,
/// and `proof` proves its segment root at that position. Returns that segment root.
pub fn verify_segment(
    root: &Hash,
    data: &[u8],
    index: u64,
    file_size: u64,
    proof: &FileProof,
) -> Result<Hash, String> {
    if data.is_empty() || !data.len().is_multiple_of(CHUNK_SIZE) {
        return Err(format!(
            "segment data of {} bytes is not whole chunks",
            data.len()
        ));
    }
    let data_segs = num_data_segments(file_size);
    if index >= data_segs {
        return Err(format!(
            "segment index {index} is out of bound ({data_segs} data segments)"
        ));
    }
    let want = segment_wire_len(file_size, index);
    if data.len() != want {
        return Err(format!(
            "segment {index} has {} bytes, expected {want} for a file of {file_size} bytes",
            data.len()
        ));
    }
    let seg_root = segment_root(data, expected_segment_chunks(file_size, index));
    proof.verify(&seg_root, root, index, num_padded_segments(file_size))?;
    Ok(seg_root)
}

/// The root of a file of `size` bytes from the roots of its data segments, in order (the
/// padding segments are added): what [`FileTree`] computes from the bytes.
pub fn root_from_segment_roots(size: u64, mut roots: Vec<Hash>) -> Hash {
    for s in roots.len() as u64..num_padded_segments(size) {
        roots.push(segment_root(&[], expected_segment_chunks(size, s)));
    }
    root_of_leaves(&roots)
}

/// The rear-padding check of §3.5 step 6: every right-hand sibling in `proof` that covers only
/// padding segments must be the root of zero segments.
pub fn check_rear_padding(proof: &FileProof, file_size: u64) -> Result<(), String> {
    let data_segs = num_data_segments(file_size);
    let mut n = num_padded_segments(file_size);
    let mut pos = 0u64;
    // Walk top-down; lemma index for path[i] is i + 1.
    for (i, left) in proof.path.iter().enumerate().rev() {
        let half = next_pow2(n) / 2;
        if *left {
            let sib_start = pos + half;
            if sib_start >= data_segs {
                let k = n - half;
                let want = zero_tree_root(k, 10);
                // A wholly-padding subtree holds only full segments (a short last padded
                // segment always carries data), so its root is the zero tree.
                if proof.lemma.get(i + 1) != Some(&want) {
                    return Err("a padding sibling in the proof is not zero".into());
                }
            }
            n = half;
        } else {
            pos += half;
            n -= half;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_hash_zero_matches_the_protocol_constant() {
        assert_eq!(
            hex::encode(zero_hash(0)),
            "d397b3b043d87fcd6fad1291ff0bfd16401c274896d8c63a923727f077b8e0b5"
        );
    }

    #[test]
    fn padded_chunks_follows_flow_padding() {
        assert_eq!(padded_chunks(1), 1);
        assert_eq!(padded_chunks(3), 3);
        assert_eq!(padded_chunks(1025), 1152);
        assert_eq!(padded_chunks(2344), 2560);
        assert_eq!(padded_chunks(16385), 18432);
        assert_eq!(padded_chunks(1700), 1792);
    }

    #[test]
    fn the_root_from_verified_segment_roots_is_the_file_root() {
        // Sizes around chunk and segment edges, with padding segments and a partial last chunk.
        for size in [
            1u64,
            300,
            262_144,
            262_145,
            3 * 262_144 - 7,
            5 * 262_144 + 256,
        ] {
            let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8 ^ 0x5a).collect();
            let tree = FileTree::from_bytes(&data);
            let mut roots = Vec::new();
            for i in 0..num_data_segments(size) {
                let start = (i as usize) * SEGMENT_SIZE;
                let mut wire = data[start..data.len().min(start + SEGMENT_SIZE)].to_vec();
                wire.resize(segment_wire_len(size, i), 0);
                roots.push(verify_segment(&tree.root, &wire, i, size, &tree.proof(i)).unwrap());
            }
            assert_eq!(
                root_from_segment_roots(size, roots.clone()),
                tree.root,
                "{size}"
            );
            // A wrong segment root gives another root.
            roots[0][0] ^= 1;
            assert_ne!(root_from_segment_roots(size, roots), tree.root, "{size}");
        }
    }

    #[test]
    fn zero_tree_root_matches_reduction() {
        for k in 1..40u64 {
            let leaves = vec![zero_hash(0); k as usize];
            assert_eq!(zero_tree_root(k, 0), root_of_leaves(&leaves), "k={k}");
        }
    }
}
