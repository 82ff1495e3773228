//! The storage Merkle tree against the official 0G TS SDK's vectors (docs/protocol.md §5, and
//! `tests/interop/sdk-vectors.json`, made by `tests/interop/gen-vectors.mjs` with SDK 1.2.8).

use cohort::storage::merkle::{
    self, FileProof, FileTree, Hash, SubmissionNode, fee_sectors, num_chunks, num_data_segments,
    num_padded_segments, padded_chunks, root_from_nodes, verify_segment,
};
use proptest::prelude::*;

fn data(n: usize) -> Vec<u8> {
    (0..n).map(|i| ((i * 31 + 7) % 251) as u8).collect()
}

fn hx(x: &Hash) -> String {
    format!("0x{}", hex::encode(x))
}

/// (size, chunks, padded, padded segments, root, fee sectors) from docs/protocol.md §5.
const TABLE: &[(u64, u64, u64, u64, &str, u64)] = &[
    (
        1,
        1,
        1,
        1,
        "0x71bfab3b73c19ec6548f3e1dcc56d9a8c7c66b51b71e4dbbfb1fc0e0bf2826ba",
        1,
    ),
    (
        255,
        1,
        1,
        1,
        "0x20b600d0d7b8fcf7233d99d4a33a20d6b57dabfd480025ad2d71d3b4e615226f",
        1,
    ),
    (
        256,
        1,
        1,
        1,
        "0x126c6843d5088b660af05889b60ac7a955a24654f8e3508053d6eff082d6b5b6",
        1,
    ),
    (
        257,
        2,
        2,
        1,
        "0x679a0858384c14d0ccacedfe450439de110b73e4aa5febd3b4ce9590ca15feb2",
        2,
    ),
    (
        262143,
        1024,
        1024,
        1,
        "0x21addae32f3bdf3302185fa5c5cda8a00cd91f4f526783fa47532a67fe57aa47",
        1024,
    ),
    (
        262144,
        1024,
        1024,
        1,
        "0x8ebcdb8fedaf772b6ca29c79fb59a3d1b392c6835d227a8bd5bf256ddc3ade3a",
        1024,
    ),
    (
        262145,
        1025,
        1152,
        2,
        "0x80f499a5327b3719ef23fa2cf03ca12275702d0e258bbc19511f32f4e555b276",
        1152,
    ),
    (
        1048576,
        4096,
        4096,
        4,
        "0x2da75c6cfe571cd2ccc50628a4b6ec98db45de3d504331e844a29659553cf3c1",
        4096,
    ),
    (
        4194305,
        16385,
        18432,
        18,
        "0x9509b6233bafeaa0090189c12f38e0972c1845894105cb8e663c5712a8d0f752",
        18432,
    ),
    (
        10000000,
        39063,
        40960,
        40,
        "0x71fc82994e765b7bec6f6a48e03a7e9b74701cf24d322307c3e29d79a6db251a",
        40960,
    ),
];

#[test]
fn file_roots_counts_and_fee_sectors_match_the_protocol_table() {
    for &(size, chunks, padded, segs, root, fee) in TABLE {
        assert_eq!(num_chunks(size), chunks, "chunks of {size}");
        assert_eq!(padded_chunks(chunks), padded, "padded of {size}");
        assert_eq!(num_padded_segments(size), segs, "padded segments of {size}");
        assert_eq!(fee_sectors(size), fee, "fee sectors of {size}");
        let tree = FileTree::from_bytes(&data(size as usize));
        assert_eq!(hx(&tree.root), root, "root of {size}");
        assert_eq!(tree.segment_roots.len() as u64, segs);
        let streamed = FileTree::from_reader(&data(size as usize)[..], size).expect("stream");
        assert_eq!(streamed.root, tree.root, "streamed root of {size}");
        let nodes = tree.nodes();
        // Read in place from a file, the data 7 bytes in, segments hashed out of order.
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.bin");
        let mut d = vec![0xEEu8; 7];
        d.extend_from_slice(&data(size as usize));
        d.extend_from_slice(&[0xEE; 5]);
        std::fs::write(&path, &d).expect("write");
        let f = std::fs::File::open(&path).expect("open");
        let counted = std::sync::atomic::AtomicU64::new(0);
        let ranged = FileTree::from_file_range(&f, 7, size, |n| {
            counted.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        })
        .expect("range");
        assert_eq!(hx(&ranged.root), root, "root of {size} read in place");
        assert_eq!(ranged.nodes(), nodes, "nodes of {size} read in place");
        assert_eq!(counted.into_inner(), size, "bytes reported for {size}");
        assert_eq!(
            root_from_nodes(&nodes),
            tree.root,
            "fold of nodes of {size}"
        );
        assert_eq!(nodes.iter().map(|n| 1u64 << n.height).sum::<u64>(), fee);
    }
}

#[test]
fn submission_nodes_match_the_protocol_table() {
    let cases: &[(u64, &[(u64, &str)])] = &[
        (
            1,
            &[(
                0,
                "0x71bfab3b73c19ec6548f3e1dcc56d9a8c7c66b51b71e4dbbfb1fc0e0bf2826ba",
            )],
        ),
        (
            257,
            &[(
                1,
                "0x679a0858384c14d0ccacedfe450439de110b73e4aa5febd3b4ce9590ca15feb2",
            )],
        ),
        (
            262143,
            &[(
                10,
                "0x21addae32f3bdf3302185fa5c5cda8a00cd91f4f526783fa47532a67fe57aa47",
            )],
        ),
        (
            262145,
            &[
                (
                    10,
                    "0x8ebcdb8fedaf772b6ca29c79fb59a3d1b392c6835d227a8bd5bf256ddc3ade3a",
                ),
                (
                    7,
                    "0x408dc229b1b499d7099cd9ae95ceffdb1c2d4709b9f7a2e36c5bb6d866619c9a",
                ),
            ],
        ),
        (
            1048576,
            &[(
                12,
                "0x2da75c6cfe571cd2ccc50628a4b6ec98db45de3d504331e844a29659553cf3c1",
            )],
        ),
        (
            4194305,
            &[
                (
                    14,
                    "0xcc9b1728552cd9a51a8f9bf4aa3f20e04227fd3c73b1f045e9e2e3260f961c8f",
                ),
                (
                    11,
                    "0x5a0f5581fc0c5d5e674ac814c2d5524016989a45bbed806193a0c985d6ba5de8",
                ),
            ],
        ),
        (
            10000000,
            &[
                (
                    15,
                    "0xae9086ae93836ac46a42e4a321cbe02576d5e300a293a25c0f3a84a5951d8266",
                ),
                (
                    13,
                    "0x6562a603b4c7b57695889b567e9cefe60c12e49d9f6729d44e42a15002ff57ab",
                ),
            ],
        ),
    ];
    for (size, want) in cases {
        let nodes = FileTree::from_bytes(&data(*size as usize)).nodes();
        let got: Vec<(u64, String)> = nodes.iter().map(|n| (n.height, hx(&n.root))).collect();
        let want: Vec<(u64, String)> = want.iter().map(|(h, r)| (*h, r.to_string())).collect();
        assert_eq!(got, want, "nodes of {size}");
    }
}

#[test]
fn segment_proofs_match_the_protocol_vectors() {
    let t = FileTree::from_bytes(&data(1048576));
    let p = t.proof(2);
    let lemma: Vec<String> = p.lemma.iter().map(hx).collect();
    assert_eq!(
        lemma,
        [
            "0x40c22f354f8eaa60d5818f806a4c0280796c99ecc5cca2d810d350071d4a52cd",
            "0x76739159ac18d0eadc5651d1bc57f30eda3eba5f38a7416e899965c3b2b5dfbd",
            "0x0710864a97f2ae5b05e7c9327b418026a426e1f66f826889e541e6cb26ce12e4",
            "0x2da75c6cfe571cd2ccc50628a4b6ec98db45de3d504331e844a29659553cf3c1",
        ]
    );
    assert_eq!(p.path, [true, false]);
    p.verify(&t.segment_roots[2], &t.root, 2, 4)
        .expect("valid proof");

    let t = FileTree::from_bytes(&data(600000));
    let root = "0xe00915331ab247b00e391fe926f00b7b91875485b404df3fbee09d3c56d5b364";
    assert_eq!(hx(&t.root), root);
    let p2 = t.proof(2);
    assert_eq!(
        p2.lemma.iter().map(hx).collect::<Vec<_>>(),
        [
            "0xed69d3ff9b9b50cd998d0f1b46f14d2bca0f7b4a2f6a4a9d42dc7a2f59d9bbd0",
            "0x0710864a97f2ae5b05e7c9327b418026a426e1f66f826889e541e6cb26ce12e4",
            root
        ]
    );
    assert_eq!(p2.path, [false]);
    let p0 = t.proof(0);
    assert_eq!(
        p0.lemma.iter().map(hx).collect::<Vec<_>>(),
        [
            "0x8ebcdb8fedaf772b6ca29c79fb59a3d1b392c6835d227a8bd5bf256ddc3ade3a",
            "0x9176f05e22a3ad31b0f20d067c34ac66b09c5835331f60ca39d92f7d6b1b6f21",
            "0xed69d3ff9b9b50cd998d0f1b46f14d2bca0f7b4a2f6a4a9d42dc7a2f59d9bbd0",
            root
        ]
    );
    assert_eq!(p0.path, [true, true]);
    // Segment 2's upload carries 296 chunks.
    assert_eq!(merkle::segment_wire_len(600000, 2), 75776);

    let t = FileTree::from_bytes(&data(1));
    let p = t.proof(0);
    assert_eq!(
        p,
        FileProof {
            lemma: vec![t.root],
            path: vec![]
        }
    );
    assert_eq!(
        serde_json::to_string(&p).expect("json"),
        format!("{{\"lemma\":[\"{}\"],\"path\":[]}}", hx(&t.root))
    );
    p.verify(&t.root, &t.root, 0, 1).expect("one-leaf proof");
}

#[derive(serde::Deserialize)]
struct Vector {
    size: u64,
    root: String,
    nodes: Vec<(u64, String)>,
    segs: u64,
    proofs: Vec<(u64, Vec<String>, Vec<bool>)>,
}

#[test]
fn roots_nodes_and_proofs_match_the_ts_sdk_for_twenty_sizes() {
    let vectors: Vec<Vector> =
        serde_json::from_str(include_str!("../interop/sdk-vectors.json")).expect("vectors");
    assert_eq!(vectors.len(), 20);
    for v in vectors {
        let tree = FileTree::from_bytes(&data(v.size as usize));
        assert_eq!(hx(&tree.root), v.root, "root of {}", v.size);
        assert_eq!(tree.num_segments(), v.segs);
        let nodes: Vec<(u64, String)> = tree
            .nodes()
            .iter()
            .map(|n| (n.height, hx(&n.root)))
            .collect();
        assert_eq!(nodes, v.nodes, "nodes of {}", v.size);
        for (i, lemma, path) in v.proofs {
            let p = tree.proof(i);
            assert_eq!(
                p.lemma.iter().map(hx).collect::<Vec<_>>(),
                lemma,
                "{} seg {i}",
                v.size
            );
            assert_eq!(p.path, path, "{} seg {i}", v.size);
        }
    }
}

#[test]
fn position_check_rejects_a_proof_presented_for_another_index() {
    let t = FileTree::from_bytes(&data(1048576));
    let p = t.proof(2);
    // Same leaf hash and root, wrong position.
    let err = p.verify(&t.segment_roots[2], &t.root, 1, 4).unwrap_err();
    assert!(err.contains("leaf 2"), "{err}");
    let err = p.verify(&t.segment_roots[2], &t.root, 2, 5).unwrap_err();
    assert!(!err.is_empty());
    // A leaf proven against another leaf's proof fails.
    assert!(p.verify(&t.segment_roots[1], &t.root, 2, 4).is_err());
}

#[test]
fn rear_padding_siblings_of_real_proofs_are_accepted() {
    for size in [4194305u64, 600000, 262145, 10000000] {
        let t = FileTree::from_bytes(&data(size as usize));
        for s in 0..num_data_segments(size) {
            merkle::check_rear_padding(&t.proof(s), size).expect("rear padding");
        }
    }
}

#[test]
fn root_from_nodes_folds_right() {
    let a = SubmissionNode {
        root: [1; 32],
        height: 3,
    };
    let b = SubmissionNode {
        root: [2; 32],
        height: 1,
    };
    let c = SubmissionNode {
        root: [3; 32],
        height: 0,
    };
    let want = merkle::hash_pair(&a.root, &merkle::hash_pair(&b.root, &c.root));
    assert_eq!(root_from_nodes(&[a, b, c]), want);
    assert_eq!(root_from_nodes(&[a]), a.root);
}

#[test]
fn from_file_streams_the_same_tree_and_rejects_empty_and_short_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.bin");
    let d = data(5 * 1024 * 1024 + 3);
    std::fs::write(&path, &d).expect("write");
    let a = FileTree::from_file(&path).expect("from_file");
    let b = FileTree::from_bytes(&d);
    assert_eq!(a.root, b.root);
    assert_eq!(a.segment_roots, b.segment_roots);
    assert_eq!(a.nodes(), b.nodes());
    let one = merkle::file_root_with_threads(&path, 1).expect("1 thread");
    assert_eq!(one.root, a.root);

    let empty = dir.path().join("empty");
    std::fs::write(&empty, b"").expect("write");
    let e = FileTree::from_file(&empty).unwrap_err();
    assert!(e.to_string().contains("cannot store 0 bytes"), "{e}");
    let e = FileTree::from_reader(&d[..100], 200).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof);
    // A range past the end of the file: the same error, from whichever segment reads short.
    let f = std::fs::File::open(&path).expect("open");
    let e = FileTree::from_file_range(&f, 1000, d.len() as u64, |_| {}).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof);
    assert!(
        e.to_string().contains("ended before its stated size"),
        "{e}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_data_segment_proof_verifies_and_segments_check(size in 1u64..1_600_000) {
        let d = data(size as usize);
        let t = FileTree::from_bytes(&d);
        prop_assert_eq!(FileTree::from_reader(&d[..], size).unwrap().root, t.root);
        prop_assert_eq!(root_from_nodes(&t.nodes()), t.root);
        let n = t.num_segments();
        for s in 0..n {
            let p = t.proof(s);
            prop_assert!(p.verify(&t.segment_roots[s as usize], &t.root, s, n).is_ok());
            if n > 1 {
                prop_assert!(p.verify(&t.segment_roots[s as usize], &t.root, (s + 1) % n, n).is_err());
            }
        }
        for s in 0..num_data_segments(size) {
            let start = (s as usize) * merkle::SEGMENT_SIZE;
            let mut seg = d[start..(start + merkle::SEGMENT_SIZE).min(d.len())].to_vec();
            seg.resize(merkle::segment_wire_len(size, s), 0);
            prop_assert!(verify_segment(&t.root, &seg, s, size, &t.proof(s)).is_ok());
        }
    }

    #[test]
    fn a_flipped_byte_changes_the_root_and_fails_the_proof(
        size in 1u64..800_000,
        pos_seed in any::<u64>(),
        bit in 0u8..8,
    ) {
        let d = data(size as usize);
        let t = FileTree::from_bytes(&d);
        let pos = (pos_seed % size) as usize;
        let mut bad = d.clone();
        bad[pos] ^= 1 << bit;
        prop_assert_ne!(FileTree::from_bytes(&bad).root, t.root);
        let s = (pos / merkle::SEGMENT_SIZE) as u64;
        let start = s as usize * merkle::SEGMENT_SIZE;
        let mut seg = bad[start..(start + merkle::SEGMENT_SIZE).min(bad.len())].to_vec();
        seg.resize(merkle::segment_wire_len(size, s), 0);
        prop_assert!(verify_segment(&t.root, &seg, s, size, &t.proof(s)).is_err());
    }
}
