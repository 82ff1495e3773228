//! Shared test harness: a temporary COHORT_HOME, the real `cohort` binary, and a devnet on
//! random loopback ports that is torn down when the guard drops.

pub mod procs;
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
    /// No COHORT_HOME: the folder is the user's home, and cohort finds its files where a new
    /// user's are (the platform's config and data folders under it).
    platform_dirs: bool,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::Builder::new()
                .prefix("cohort-test-")
                .tempdir()
                .unwrap(),
            platform_dirs: false,
        }
    }
    /// A home as a new user has it: no COHORT_HOME, `HOME` and the XDG config and data folders
    /// inside the temporary folder.
    pub fn platform_dirs() -> Home {
        Home {
            platform_dirs: true,
            ..Home::new()
        }
    }
    /// The config file cohort reads.
    pub fn config_file(&self) -> PathBuf {
        if self.platform_dirs {
            self.path().join(".config/cohort/config.toml")
        } else {
            self.path().join("config.toml")
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
        if self.platform_dirs {
            c.env_remove("COHORT_HOME")
                .env("HOME", self.path())
                .env("XDG_CONFIG_HOME", self.path().join(".config"))
                .env("XDG_DATA_HOME", self.path().join(".local/share"));
        } else {
            c.env("COHORT_HOME", self.path());
        }
        c.env("NO_COLOR", "1");
        c
    }
    /// Runs `cohort ARGS`, asserts success and returns stdout.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "cohort {args:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    /// Runs `cohort ARGS --json`, asserts success and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.stdout(&[args, &["--json"]].concat());
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("cohort {args:?} printed no JSON ({e}):\n{out}"))
    }

    /// `cohort --json ARGS` without a terminal (stdin an empty pipe), expected to fail: its exit
    /// code and the error object (the last JSON line on stderr with an `error`).
    pub fn refused_json(&self, args: &[&str]) -> (i32, serde_json::Value) {
        let out = self
            .cmd()
            .arg("--json")
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let v = err
            .lines()
            .rev()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|v| v.get("error").is_some())
            .unwrap_or_else(|| panic!("cohort {args:?} printed no JSON error: {err}"));
        (out.status.code().unwrap_or(-1), v["error"].clone())
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
    /// `cohort storage upload FILE --json`: the file's root.
    pub fn upload_root(&self, file: &Path) -> String {
        self.json(&["storage", "upload", file.to_str().unwrap()])["root"]
            .as_str()
            .unwrap()
            .to_string()
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

/// Starts `cohort ARGS EXTRA --progress json` in the devnet's home (stdout to `stdout`), reads
/// its progress events until a step whose label `label` accepts says it is waiting for a
/// transaction, and returns the child there (still running), that transaction's hash and the
/// rest of its stderr. A run that gets nowhere near within 5 minutes is killed and the test fails.
pub fn spawn_until_waiting_for_a_tx(
    net: &Devnet,
    args: &[&str],
    extra: &[&str],
    stdout: std::process::Stdio,
    label: impl Fn(&str) -> bool,
) -> (
    std::process::Child,
    String,
    std::io::Lines<std::io::BufReader<std::process::ChildStderr>>,
) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"))
        .args(args)
        .args(extra)
        .args(["--progress", "json"])
        .env("COHORT_HOME", net.home.path())
        .env("NO_COLOR", "1")
        .env_remove("COHORT_PROFILE")
        .env_remove("COHORT_WALLET")
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    // The watchdog ends a run that never gets there (its stderr then ends too).
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let pid = child.id() as i32;
    let watchdog = std::thread::spawn(move || {
        if stopped
            .recv_timeout(std::time::Duration::from_secs(300))
            .is_err()
        {
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    });
    let mut ids = std::collections::HashSet::new();
    let mut hash = None;
    for line in lines.by_ref() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if v["type"] == "begin" && label(v["data"]["label"].as_str().unwrap_or("")) {
            ids.insert(v["data"]["id"].as_u64());
        }
        if v["type"] == "message"
            && ids.contains(&v["data"]["id"].as_u64())
            && let Some(h) = v["data"]["message"]
                .as_str()
                .unwrap_or("")
                .strip_prefix("waiting for 0x")
        {
            hash = Some(format!("0x{h}"));
            break;
        }
    }
    let _ = stop.send(());
    let _ = watchdog.join();
    let Some(hash) = hash else {
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "cohort {args:?} ended without waiting for the transaction of the step it was watched for"
        );
    };
    (child, hash, lines)
}

/// `cohort ARGS --progress json` left running once a step whose label starts with `label` waits
/// for a transaction: the child and that transaction's hash.
pub fn run_until_waiting_for_a_tx(
    net: &Devnet,
    args: &[&str],
    label: &str,
) -> (std::process::Child, String) {
    let (child, hash, _) =
        spawn_until_waiting_for_a_tx(net, args, &[], std::process::Stdio::null(), |l| {
            l.starts_with(label)
        });
    (child, hash)
}

/// Deterministic test bytes: `size` bytes that differ with `salt`.
pub fn content(size: usize, salt: usize) -> Vec<u8> {
    (0..size)
        .map(|i| ((i * 31 + 7 + salt) % 251) as u8)
        .collect()
}

/// Writes `data` to `dir/name` (creating folders) and returns the path.
pub fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, data).unwrap();
    p
}

/// A wei amount printed as a decimal string.
pub fn wei(v: &serde_json::Value) -> u128 {
    v.as_str()
        .unwrap_or_else(|| panic!("{v} is not a decimal string"))
        .parse()
        .unwrap()
}

/// Anvil's dev account `i`.
pub fn dev_address(i: u32) -> alloy::primitives::Address {
    cohort::devnet::dev_signer(i).unwrap().address()
}

impl Devnet {
    /// Runs `cohort ARGS` expecting failure; returns the exit code and stderr.
    pub fn fails(&self, args: &[&str]) -> (i32, String) {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            !out.status.success(),
            "cohort {args:?} should fail:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

impl Devnet {
    /// The devnet's storage node URLs, in order.
    pub fn storage_nodes(&self) -> Vec<String> {
        self.status["storage_nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap().to_string())
            .collect()
    }

    /// The process id of the devnet process serving `url`.
    pub fn pid_of(&self, url: &str) -> i32 {
        self.status["processes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["url"] == url)
            .unwrap_or_else(|| panic!("no devnet process serves {url}"))["pid"]
            .as_i64()
            .unwrap() as i32
    }
}

/// A `cohort node run` process of a test's own on a random loopback port, in a temporary
/// folder with its log (killed on drop).
pub struct NodeProcess {
    pub child: std::process::Child,
    pub url: String,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl NodeProcess {
    /// Starts a node following `flow` on `chain_rpc` with `extra` flags, and returns once it
    /// answers one `zgs_getStatus` (one request from 127.0.0.1 that a rate limit counts).
    pub async fn start(chain_rpc: &str, flow: &str, extra: &[&str]) -> NodeProcess {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(dir.path().join("node.log")).unwrap();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["node", "run", "--data-dir"])
            .arg(dir.path().join("data"))
            .args(["--rpc", &format!("127.0.0.1:{port}")])
            .args(["--chain-rpc", chain_rpc, "--flow", flow])
            .args(extra)
            .env("COHORT_HOME", dir.path().join("home"))
            .stdin(std::process::Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let node = NodeProcess {
            child,
            url: format!("http://127.0.0.1:{port}"),
            port,
            dir,
        };
        let probe =
            serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "zgs_getStatus"}).to_string();
        let client = reqwest::Client::new();
        let start = std::time::Instant::now();
        while client
            .post(&node.url)
            .header("content-type", "application/json")
            .body(probe.clone())
            .send()
            .await
            .is_err()
        {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "the node did not answer: {}",
                node.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        node
    }

    /// What the node wrote to stdout and stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("node.log")).unwrap_or_default()
    }
}

impl Drop for NodeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One JSON-RPC call to `url` (a chain or a storage node); returns the whole response.
pub fn rpc(url: &str, method: &str, params: serde_json::Value) -> serde_json::Value {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        reqwest::Client::new()
            .post(url)
            .json(
                &serde_json::json!({"jsonrpc": "2.0", "id": 7, "method": method, "params": params}),
            )
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    })
}

/// The storage node's next transaction sequence number (`zgs_getStatus`).
pub fn next_tx_seq(node: &str) -> u64 {
    rpc(node, "zgs_getStatus", serde_json::json!([]))["result"]["nextTxSeq"]
        .as_u64()
        .unwrap()
}

/// A storage node in front of a real one (a real HTTP server on a loopback port): `answer`
/// may answer a request itself (`Some`), else the request goes to `upstream` and `rewrite`
/// may change each answer, given the call it answers (each call of a JSON-RPC batch with the
/// answer of the same id). Returns the proxy's URL.
pub async fn start_node_proxy(
    upstream: String,
    answer: impl Fn(&serde_json::Value) -> Option<serde_json::Value> + Clone + Send + Sync + 'static,
    rewrite: impl Fn(&serde_json::Value, &mut serde_json::Value) + Clone + Send + Sync + 'static,
) -> String {
    use axum::{Router, routing::post};
    use serde_json::Value;
    let http = reqwest::Client::new();
    let app = Router::new().route(
        "/",
        post(move |body: String| {
            let (http, upstream) = (http.clone(), upstream.clone());
            let (answer, rewrite) = (answer.clone(), rewrite.clone());
            async move {
                let req: Value = serde_json::from_str(&body).unwrap();
                if let Some(v) = answer(&req) {
                    return axum::Json(v);
                }
                let mut v: Value = forward(&http, &upstream, body).await.json().await.unwrap();
                match (&req, &mut v) {
                    (Value::Array(calls), Value::Array(answers)) => {
                        for a in answers {
                            if let Some(c) = calls.iter().find(|c| c["id"] == a["id"]) {
                                rewrite(c, a);
                            }
                        }
                    }
                    _ => rewrite(&req, &mut v),
                }
                axum::Json(v)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// `cohort` run in `home` as a user's own shell would run it: COHORT_HOME set, colour off, and
/// every other COHORT_* variable of the test's environment cleared (the anvil path kept).
pub fn cohort_command(home: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"));
    for (k, _) in std::env::vars() {
        if k.starts_with("COHORT_") && k != "COHORT_ANVIL" {
            c.env_remove(&k);
        }
    }
    c.env("COHORT_HOME", home).env("NO_COLOR", "1");
    c
}

/// An upstream's answer passed on as the proxy's own: its status and its JSON body.
pub async fn passthrough(r: reqwest::Response) -> axum::response::Response {
    let status = r.status().as_u16();
    let bytes = r.bytes().await.unwrap();
    axum::response::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(axum::body::Body::from(bytes))
        .unwrap()
}

/// Sends a JSON-RPC request body on to `upstream` (a proxy's side).
pub async fn forward(http: &reqwest::Client, upstream: &str, body: String) -> reqwest::Response {
    http.post(upstream)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Moves the chain's clock `secs` seconds on and mines a block at the new time.
pub async fn warp(chain: &cohort::chain::Chain, secs: u64) {
    use alloy::providers::Provider;
    for (method, params) in [
        ("evm_increaseTime", serde_json::json!([secs])),
        ("evm_mine", serde_json::json!([])),
    ] {
        let _: serde_json::Value = chain
            .provider
            .raw_request(method.into(), params)
            .await
            .unwrap();
    }
}

/// Flips bit `mask` of byte `at` of a segment answer's base64 data (nothing for other answers).
pub fn corrupt_segment_answer(v: &mut serde_json::Value, at: usize, mask: u8) {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    if let Some(d) = v["result"]["data"].as_str() {
        let mut bytes = STANDARD.decode(d).unwrap();
        bytes[at] ^= mask;
        v["result"]["data"] = serde_json::Value::String(STANDARD.encode(bytes));
    }
}

/// Waits (up to 120 s) for `path` to appear while `child` runs, then sends it SIGINT (Ctrl-C)
/// and returns its output (its stderr piped by the caller).
pub fn interrupt_once_exists(
    mut child: std::process::Child,
    path: &std::path::Path,
) -> std::process::Output {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !path.exists() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{} did not appear within 120 s", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    child.wait_with_output().unwrap()
}
