//! Long-running `cohort` processes for the pool tests (workers, committee members), each with
//! its output in a log file, reaped when a test ends; and the sealed dataset they train on.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Devnet;

/// Kills children on drop (a failing test must not leave processes running).
pub struct Reaper(pub Vec<Child>);
impl Drop for Reaper {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// `cohort ARGS` in the devnet's home, no stdin, stdout and stderr to `log`, with no
/// `COHORT_*` variable of the test's environment but `COHORT_ANVIL`.
pub fn spawn(net: &Devnet, args: &[&str], log: &Path) -> Child {
    command(net, log).args(args).spawn().unwrap()
}

/// [`spawn`] with the `cohort` binary's folder first on PATH (for exec trainers that call
/// `cohort`).
pub fn spawn_with_cohort_on_path(net: &Devnet, args: &[&str], log: &Path) -> Child {
    let bin = assert_cmd::cargo::cargo_bin("cohort");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    command(net, log)
        .env("PATH", path)
        .args(args)
        .spawn()
        .unwrap()
}

fn command(net: &Devnet, log: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("cohort"));
    for (k, _) in std::env::vars() {
        if k.starts_with("COHORT_") && k != "COHORT_ANVIL" {
            c.env_remove(&k);
        }
    }
    let f = std::fs::File::create(log).unwrap();
    c.env("COHORT_HOME", net.home.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::from(f.try_clone().unwrap()))
        .stderr(Stdio::from(f));
    c
}

/// Waits for `child` to exit; past `limit` kills it and fails with its log.
pub fn wait_exit(child: &mut Child, limit: Duration, log: &Path) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!(
                "process did not finish in {limit:?}:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A dataset `name` made of the fixture corpus's `parts` (files of
/// fixtures/corpus/shakespeare), accepted and sealed by dev:0.
pub fn sealed_dataset(net: &Devnet, work: &Path, name: &str, parts: &[&str]) {
    let data = work.join("corpus");
    std::fs::create_dir_all(&data).unwrap();
    for f in parts {
        std::fs::copy(
            Path::new("fixtures/corpus/shakespeare").join(f),
            data.join(f),
        )
        .unwrap();
    }
    net.json(&[
        "dataset",
        "create",
        name,
        "--description",
        "fixture",
        "--license",
        "CC0-1.0",
    ]);
    net.json(&["dataset", "upload", name, data.to_str().unwrap()]);
    net.json(&[
        "dataset",
        "review",
        name,
        "--all-pending",
        "--accept",
        "--score",
        "80",
    ]);
    net.json(&["dataset", "seal", name]);
}
