//! What a person sees on a terminal: commands run under a real pseudo-terminal (portable-pty),
//! their output fed to a terminal emulator (vt100), and assertions on the final screen. The same
//! commands through pipes must print no escape codes at all.

use std::path::Path;

use crate::common::Devnet;
use crate::common::pty::run_in_pty;

fn write_file(dir: &Path, name: &str, len: usize, seed: u8) -> std::path::PathBuf {
    let data: Vec<u8> = (0..len)
        .map(|i| (i as u64 * 2654435761 % 251) as u8 ^ seed)
        .collect();
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// The spinner frames indicatif draws, and the marks of a bar still in progress.
fn leftovers(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .filter(|l| {
            l.chars().any(|c| ('\u{2800}'..='\u{28ff}').contains(&c))
                || l.contains(" eta ")
                || l.contains("0 B/")
                || l.contains("] 0/")
        })
        .collect()
}

fn lines_starting<'a>(screen: &'a str, prefix: &str) -> Vec<(usize, &'a str)> {
    screen
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(prefix))
        .collect()
}

#[test]
fn storage_upload_on_a_terminal_leaves_one_outcome_line_per_step_and_no_bars() {
    let net = Devnet::start(1, 1);
    let f = write_file(net.home.path(), "ux.bin", 3 * 1024 * 1024 + 17, 1);
    let (code, screen, _) = run_in_pty(&net.home, &["storage", "upload", f.to_str().unwrap()]);
    assert_eq!(code, 0, "upload failed; the screen:\n{screen}");
    // Kept for the README: the final screen as a person sees it.
    if let Ok(out) = std::env::var("COHORT_SCREEN_CAPTURE") {
        std::fs::write(out, &screen).unwrap();
    }
    assert!(
        leftovers(&screen).is_empty(),
        "bars or spinners were left on the screen: {:?}\n{screen}",
        leftovers(&screen)
    );
    // One outcome line per step, in the order of the steps.
    let steps = [
        "✓ hashed ux.bin: 3.0 MiB in ",
        "✓ submitted ux.bin (tx 0x",
        "✓ the node saw tx ",
        "✓ uploaded ux.bin: 13 segments in ",
        "✓ ux.bin finalized",
    ];
    let mut last = None;
    for step in steps {
        let found = lines_starting(&screen, step);
        assert_eq!(found.len(), 1, "{step:?} should be on one line:\n{screen}");
        let at = found[0].0;
        assert!(
            last.is_none_or(|l| l < at),
            "{step:?} is out of order:\n{screen}"
        );
        last = Some(at);
    }
    assert!(
        screen.lines().filter(|l| l.starts_with('✓')).count() == steps.len(),
        "unexpected outcome lines:\n{screen}"
    );
    assert!(!screen.contains('✗'), "a step failed:\n{screen}");
    // The submit line names what was paid, with the coin's symbol.
    let submitted = lines_starting(&screen, "✓ submitted")[0].1;
    assert!(
        submitted.contains(" ETH + ") && submitted.ends_with(" ETH gas)"),
        "no fee with a unit: {submitted}"
    );
    // The result block comes after every step, and its fee carries the unit and exact wei.
    let fee = lines_starting(&screen, "fee")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no fee line:\n{screen}"));
    assert!(fee.0 > last.unwrap(), "result before the steps:\n{screen}");
    assert!(
        fee.1.contains(" ETH (") && fee.1.trim_end().ends_with(" wei)"),
        "fee without its unit: {}",
        fee.1
    );
    let root = lines_starting(&screen, "root").into_iter().next().unwrap();
    assert!(root.0 > last.unwrap());

    // And back: the download's steps end as outcome lines too.
    let root = root.1.split_whitespace().nth(1).unwrap().to_string();
    let back = net.home.path().join("back.bin");
    let (code, screen, _) = run_in_pty(
        &net.home,
        &["storage", "download", &root, "-o", back.to_str().unwrap()],
    );
    assert_eq!(code, 0, "download failed; the screen:\n{screen}");
    assert_eq!(std::fs::read(&back).unwrap(), std::fs::read(&f).unwrap());
    assert!(leftovers(&screen).is_empty(), "{screen}");
    assert_eq!(
        lines_starting(&screen, "✓ downloaded back.bin: 3.0 MiB in ").len(),
        1,
        "{screen}"
    );
    assert_eq!(
        lines_starting(&screen, "✓ verified: 3.0 MiB in ").len(),
        1,
        "{screen}"
    );

    // The same through pipes: no escape codes, no bars, on either stream.
    let g = write_file(net.home.path(), "ux2.bin", 1024 * 1024 + 3, 2);
    let out = net
        .cmd()
        .env_remove("NO_COLOR")
        .args(["storage", "upload", g.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(
            !bytes.contains(&0x1b),
            "escape codes on {name}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fee") && text.contains(" ETH ("), "{text}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains('✓'));
}

#[test]
fn dataset_upload_on_a_terminal_leaves_outcomes_then_the_result() {
    let net = Devnet::start(1, 1);
    let data = net.home.path().join("corpus");
    std::fs::create_dir_all(&data).unwrap();
    write_file(&data, "a.txt", 700 * 1024, 4);
    write_file(&data, "b.txt", 5 * 1024, 5);
    net.json(&[
        "dataset",
        "create",
        "ux",
        "--description",
        "d",
        "--license",
        "CC0-1.0",
    ]);
    let (code, screen, _) = run_in_pty(
        &net.home,
        &["dataset", "upload", "ux", data.to_str().unwrap()],
    );
    assert_eq!(code, 0, "upload failed; the screen:\n{screen}");
    assert!(
        leftovers(&screen).is_empty(),
        "bars or spinners were left on the screen: {:?}\n{screen}",
        leftovers(&screen)
    );
    assert!(!screen.contains('✗'), "a step failed:\n{screen}");
    let outcomes: Vec<&str> = screen.lines().filter(|l| l.starts_with('✓')).collect();
    let mut unique = outcomes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), outcomes.len(), "a step twice:\n{screen}");
    // Small files go in batches: one line for the batch's submission and one for its records,
    // naming the batch, once each.
    for step in [
        "✓ submitted 2 files (a.txt …) (tx 0x",
        "✓ recorded 2 files (tx 0x",
    ] {
        assert_eq!(
            lines_starting(&screen, step).len(),
            1,
            "{step:?} should be on one line:\n{screen}"
        );
    }
    for f in ["a.txt", "b.txt"] {
        assert!(
            screen
                .lines()
                .any(|l| l.trim_start().starts_with(f) && l.contains(" uploaded ")),
            "{f} is not in the result table as uploaded:\n{screen}"
        );
    }
    // The whole dataset's line last among the steps, then the result.
    let summary = lines_starting(&screen, "✓ dataset: 2 of 2 files uploaded, 705.0 KiB in ");
    assert_eq!(summary.len(), 1, "no dataset outcome:\n{screen}");
    let last_step = screen
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with('✓'))
        .map(|(i, _)| i)
        .max()
        .unwrap();
    assert_eq!(summary[0].0, last_step, "{screen}");
    let after: Vec<&str> = screen.lines().skip(last_step + 1).collect();
    assert!(
        !after.is_empty() && after.iter().all(|l| !l.starts_with('✓')),
        "no result after the steps:\n{screen}"
    );

    // Through pipes: no escape codes at all.
    std::fs::write(data.join("c.txt"), b"more").unwrap();
    let out = net
        .cmd()
        .env_remove("NO_COLOR")
        .args(["dataset", "upload", "ux", data.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(
            !bytes.contains(&0x1b),
            "escape codes on {name}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}
