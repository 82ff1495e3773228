//! The cost of checking a voucher, as `cohort model serve` does for each paid request: parsing
//! the `X-Cohort-Voucher` header and checking ledger, chain, token, provider, expiry and the
//! EIP-712 signature (secp256k1 recovery). The chain reads (deposit, settled) are cached by the
//! server for 2 s and are not part of this figure.
//!
//! `cargo bench --bench voucher_check`

// A benchmark binary prints its figures itself.
#![allow(clippy::disallowed_macros)]

use std::time::Instant;

use alloy::primitives::{Address, U256};
use alloy::signers::local::PrivateKeySigner;
use cohort::usage::{self, Expected, SignedVoucher};

fn main() {
    let key = PrivateKeySigner::random();
    let terms = Expected {
        ledger: Address::repeat_byte(1),
        chain_id: 31337,
        token: Address::repeat_byte(2),
        asset: Address::ZERO,
        provider: Address::repeat_byte(3),
    };
    let header = usage::sign(
        &key,
        &terms,
        U256::from(123_456_789u64),
        usage::now() + 3600,
    )
    .expect("sign")
    .to_header();
    let now = usage::now();
    let n = 5_000;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..n {
            let v = SignedVoucher::parse(std::hint::black_box(&header)).expect("parse");
            v.check(&terms, now, 60).expect("check");
        }
        best = best.min(t.elapsed().as_secs_f64() / n as f64);
    }
    println!(
        "voucher parse + check: {:.1} µs per request (best of 5 × {n}); limit 1000 µs",
        best * 1e6
    );
}
