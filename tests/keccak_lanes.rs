//! Every multi-buffer Keccak width (4 lanes on AVX2, 8 on AVX-512) against the scalar path, on
//! random inputs of the sizes the Merkle tree hashes (64-byte node pairs, 256-byte chunks) and of
//! any length. A width this CPU cannot run is reported as ignored (`cargo test --test
//! keccak_lanes` says how many), never as passed; `-- --ignored` runs it anyway and fails.

use cohort::storage::keccak::{
    Hash, Lanes, hash_pairs_in_place_with, keccak256, keccak256_many_with,
};
use libtest_mimic::{Arguments, Failed, Trial};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The scalar reference: one keccak-asm call per message.
fn one_by_one(data: &[u8], len: usize, n: usize) -> Vec<Hash> {
    (0..n)
        .map(|i| keccak256(&data[i * len..(i + 1) * len]))
        .collect()
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 128,
        failure_persistence: None,
        ..Config::default()
    })
}

/// `n` random messages of `len` bytes, `n` in `counts`.
fn messages(len: usize, counts: std::ops::Range<usize>) -> impl Strategy<Value = (usize, Vec<u8>)> {
    counts.prop_flat_map(move |n| (Just(n), vec(any::<u8>(), n * len)))
}

fn check_fixed(lanes: Lanes, len: usize) -> Result<(), Failed> {
    runner()
        .run(&messages(len, 0..41), |(n, data)| {
            let mut out = vec![[0u8; 32]; n];
            keccak256_many_with(lanes, &data, len, &mut out);
            prop_assert_eq!(out, one_by_one(&data, len, n));
            Ok(())
        })
        .map_err(|e| Failed::from(format!("{} lanes, {len}-byte messages: {e}", lanes.width())))
}

fn check_any_length(lanes: Lanes) -> Result<(), Failed> {
    // Around the 136-byte rate: empty, one byte short of a block, a block, a block and a byte…
    let lens = prop_oneof![
        0usize..600,
        prop::sample::select(vec![0, 1, 7, 8, 127, 135, 136, 137, 271, 272, 273, 408]),
    ];
    let strat = (lens, 0usize..20)
        .prop_flat_map(|(len, n)| (Just(len), Just(n), vec(any::<u8>(), len * n)));
    runner()
        .run(&strat, |(len, n, data)| {
            let mut out = vec![[0u8; 32]; n];
            keccak256_many_with(lanes, &data, len, &mut out);
            prop_assert_eq!(out, one_by_one(&data, len, n), "len {}", len);
            Ok(())
        })
        .map_err(|e| Failed::from(format!("{} lanes, any length: {e}", lanes.width())))
}

fn check_pairs_in_place(lanes: Lanes) -> Result<(), Failed> {
    let strat = (0usize..70).prop_flat_map(|n| vec(any::<[u8; 32]>(), n));
    runner()
        .run(&strat, |level| {
            let mut got = level.clone();
            let half = hash_pairs_in_place_with(lanes, &mut got);
            prop_assert_eq!(half, level.len() / 2);
            for i in 0..half {
                let mut pair = [0u8; 64];
                pair[..32].copy_from_slice(&level[2 * i]);
                pair[32..].copy_from_slice(&level[2 * i + 1]);
                prop_assert_eq!(got[i], keccak256(&pair), "parent {}", i);
            }
            // Past the parents the level is untouched (the caller carries an odd last node).
            prop_assert_eq!(&got[half..], &level[half..]);
            Ok(())
        })
        .map_err(|e| Failed::from(format!("{} lanes, pairs in place: {e}", lanes.width())))
}

/// Known answers, so that the reference itself is pinned: keccak256("") and keccak256("abc").
fn check_known_answers(lanes: Lanes) -> Result<(), Failed> {
    for (msg, want) in [
        (
            &b""[..],
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        ),
        (
            &b"abc"[..],
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        ),
    ] {
        let n = 2 * lanes.width() + 1;
        let data = msg.repeat(n);
        let mut out = vec![[0u8; 32]; n];
        keccak256_many_with(lanes, &data, msg.len(), &mut out);
        for (i, h) in out.iter().enumerate() {
            if hex::encode(h) != want {
                return Err(format!(
                    "{} lanes: message {i} of {n} ({:?}) hashed to {}, expected {want}",
                    lanes.width(),
                    String::from_utf8_lossy(msg),
                    hex::encode(h)
                )
                .into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let widths: [(&str, Option<Lanes>); 3] = [
        ("scalar", Some(Lanes::SCALAR)),
        ("avx2_x4", Lanes::avx2()),
        ("avx512_x8", Lanes::avx512()),
    ];
    type Check = fn(Lanes) -> Result<(), Failed>;
    let checks: [(&str, Check); 5] = [
        ("node_pairs_64_bytes", |l| check_fixed(l, 64)),
        ("chunks_256_bytes", |l| check_fixed(l, 256)),
        ("any_length", check_any_length),
        ("pairs_in_place", check_pairs_in_place),
        ("known_answers", check_known_answers),
    ];
    let mut trials = Vec::new();
    for (wname, lanes) in widths {
        for (cname, check) in checks {
            let name = format!("{wname}_vs_keccak_asm_{cname}");
            let trial = match lanes {
                Some(l) => Trial::test(name, move || check(l)),
                // Not runnable on this CPU: listed as ignored, and failing if forced.
                None => Trial::test(name, move || {
                    Err(format!("this CPU has no {wname} (see /proc/cpuinfo)").into())
                })
                .with_ignored_flag(true),
            };
            trials.push(trial);
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
