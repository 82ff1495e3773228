//! Shared test harness: a temporary COHORT_HOME, the real `cohort` binary, and a devnet on
//! random loopback ports that is torn down when the guard drops.
#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The anvil binary for tests: `COHORT_ANVIL` must point at it (.ci/run sets it).
pub fn anvil_path() -> PathBuf {
    let p = std::env::var("COHORT_ANVIL").expect(
        "COHORT_ANVIL must point at an anvil binary (run `npm ci --prefix tests/interop` and see .ci/run)",
    );
    PathBuf::from(p)
}

/// A temporary cohort home; the folder is removed on drop.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::Builder::new()
                .prefix("cohort-test-")
                .tempdir()
                .unwrap(),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    /// `cohort` with COHORT_HOME set and every other COHORT_* variable cleared.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("cohort").unwrap();
        for (k, _) in std::env::vars() {
            if k.starts_with("COHORT_") && k != "COHORT_ANVIL" {
                c.env_remove(&k);
            }
        }
        c.env("COHORT_HOME", self.path()).env("NO_COLOR", "1");
        c
    }
    /// Runs `cohort ARGS --json`, asserts success and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().args(args).arg("--json").output().unwrap();
        assert!(
            out.status.success(),
            "cohort {args:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "cohort {args:?} printed no JSON ({e}):\n{}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

/// A running devnet in its own home; `devnet down` on drop.
pub struct Devnet {
    pub home: Home,
    pub status: serde_json::Value,
}

impl Devnet {
    /// Starts a devnet with `nodes` storage nodes in `shards` shards on free ports.
    pub fn start(nodes: u64, shards: u64) -> Devnet {
        Devnet::start_with(nodes, shards, &[])
    }

    /// [`Devnet::start`] with more `devnet up` flags (e.g. `--block-time 3`).
    pub fn start_with(nodes: u64, shards: u64, extra: &[&str]) -> Devnet {
        let home = Home::new();
        let _ = anvil_path();
        let nodes = nodes.to_string();
        let shards = shards.to_string();
        let mut args = vec![
            "devnet", "up", "--port", "0", "--nodes", &nodes, "--shards", &shards,
        ];
        args.extend_from_slice(extra);
        let up = home.json(&args);
        Devnet {
            status: up["status"].clone(),
            home,
        }
    }
    pub fn rpc_url(&self) -> String {
        self.status["rpc_url"].as_str().unwrap().to_string()
    }
    pub fn cmd(&self) -> Command {
        self.home.cmd()
    }
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        self.home.json(args)
    }
    pub fn contract(&self, name: &str) -> String {
        self.status["contracts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no contract {name}"))["address"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

impl Drop for Devnet {
    fn drop(&mut self) {
        let _ = self.home.cmd().args(["devnet", "down"]).output();
    }
}
