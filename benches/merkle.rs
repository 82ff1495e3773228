//! Merkle root throughput of cohort's storage tree: 1 thread vs all cores, on one file.
//!
//! `cargo bench --bench merkle` (a 256 MiB random file in a temp folder), or
//! `cargo bench --bench merkle -- FILE`. `MERKLE_BENCH_MIB` sets the generated size.

// A benchmark binary prints its figures itself.
#![allow(clippy::disallowed_macros)]

use std::io::Write;
use std::time::Instant;

use cohort::storage::merkle::file_root_with_threads;

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = match arg {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let mib: usize = std::env::var("MERKLE_BENCH_MIB")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(256);
            let p = tmp.path().join("bench.bin");
            let mut f = std::io::BufWriter::new(std::fs::File::create(&p).expect("create"));
            let mut block = vec![0u8; 1 << 20];
            for i in 0..mib {
                for (j, b) in block.iter_mut().enumerate() {
                    *b = ((i * 7919 + j * 31 + (j >> 8)) % 251) as u8;
                }
                f.write_all(&block).expect("write");
            }
            f.flush().expect("flush");
            p
        }
    };
    let size = std::fs::metadata(&path).expect("stat").len();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    // Warm the page cache.
    file_root_with_threads(&path, 1).expect("root");
    let mut best = Vec::new();
    for threads in [1, cores] {
        let mut t_best = f64::MAX;
        let mut root = [0u8; 32];
        for _ in 0..3 {
            let t = Instant::now();
            let tree = file_root_with_threads(&path, threads).expect("root");
            t_best = t_best.min(t.elapsed().as_secs_f64());
            root = tree.root;
        }
        let mbs = size as f64 / 1e6 / t_best;
        println!(
            "merkle root  threads={threads:<3} size={size} best={t_best:.3}s  {mbs:.1} MB/s  root=0x{}",
            hex::encode(root)
        );
        best.push(t_best);
    }
    if cores > 1 {
        let eff = best[0] / best[1] / cores as f64 * 100.0;
        println!("parallel efficiency on {cores} cores: {eff:.0}%");
    }
}
