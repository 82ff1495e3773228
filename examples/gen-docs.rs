//! Regenerates `completions/` and `man/` from the clap definition.
//!
//!   cargo run --example gen-docs            rewrite them
//!   cargo run --example gen-docs -- --check fail if they are stale (CI)

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !check {
        for d in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(d));
        }
        cohort::cli::completions::generate_docs(root).expect("write docs");
        return ExitCode::SUCCESS;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    cohort::cli::completions::generate_docs(tmp.path()).expect("write docs");
    let mut stale = Vec::new();
    for d in ["completions", "man"] {
        let fresh = list(&tmp.path().join(d));
        let committed = list(&root.join(d));
        for (name, bytes) in &fresh {
            if committed.iter().find(|(n, _)| n == name).map(|(_, b)| b) != Some(bytes) {
                stale.push(format!("{d}/{name}"));
            }
        }
        for (name, _) in &committed {
            if !fresh.iter().any(|(n, _)| n == name) {
                stale.push(format!("{d}/{name} (no longer generated)"));
            }
        }
    }
    if stale.is_empty() {
        return ExitCode::SUCCESS;
    }
    let mut err = std::io::stderr().lock();
    use std::io::Write;
    let _ = writeln!(err, "stale generated files: {}", stale.join(", "));
    let _ = writeln!(
        err,
        "hint: run `cargo run --example gen-docs` and commit completions/ and man/"
    );
    ExitCode::FAILURE
}

fn list(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
