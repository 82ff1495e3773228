//! `cohort quickstart`: the whole lifecycle on the local devnet, as the plain cohort commands a
//! community would run. Each step runs the real `cohort` binary with `--json`, so the
//! quickstart does exactly what the README's tour does by hand, and says which command that is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use serde::Serialize;
use serde_json::Value;
use tokio::process::{Child, Command};

use alloy::primitives::{Address, U256};

use crate::config::Paths;
use crate::datasets::ContributorWeight;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::jobs::show::{ModelDownload, WorkerTotal};
use crate::progress::Progress;
use crate::tokens::ModelDetails;
use crate::tokens::rewards::{ClaimKind, Claimed};

/// The fixture corpus, embedded so that an installed binary can run the quickstart anywhere.
const CORPUS: &[(&str, &[u8])] = &[
    (
        "alice/part1.txt",
        include_bytes!("../../fixtures/corpus/shakespeare/part1.txt"),
    ),
    (
        "alice/part2.txt",
        include_bytes!("../../fixtures/corpus/shakespeare/part2.txt"),
    ),
    (
        "bob/part3.txt",
        include_bytes!("../../fixtures/corpus/shakespeare/more/part3.txt"),
    ),
];

/// The committed tiny Qwen2 model (fixtures/lora/qwen2, 140 KiB, its BPE tokenizer trained
/// on the fixture corpus): the base model `--lora` fine-tunes.
const TINY_QWEN2: &[(&str, &[u8])] = &[
    (
        "config.json",
        include_bytes!("../../fixtures/lora/qwen2/config.json"),
    ),
    (
        "generation_config.json",
        include_bytes!("../../fixtures/lora/qwen2/generation_config.json"),
    ),
    (
        "model.safetensors",
        include_bytes!("../../fixtures/lora/qwen2/model.safetensors"),
    ),
    (
        "tokenizer.json",
        include_bytes!("../../fixtures/lora/qwen2/tokenizer.json"),
    ),
    (
        "tokenizer_config.json",
        include_bytes!("../../fixtures/lora/qwen2/tokenizer_config.json"),
    ),
    (
        "chat_template.jinja",
        include_bytes!("../../fixtures/lora/qwen2/chat_template.jinja"),
    ),
];

/// The tiny job spec (fixtures/jobs/tiny.toml); the quickstart rewrites its `[job]` table.
const TINY_SPEC: &str = include_str!("../../fixtures/jobs/tiny.toml");

/// Options of `cohort quickstart`.
#[derive(Debug, Clone)]
pub struct Options {
    /// anvil's port when the devnet has to be started (0 picks a free one).
    pub port: u16,
    /// Training rounds of the job.
    pub rounds: u32,
    /// Training steps per worker per round.
    pub steps: u64,
    /// The job requires a GPU (`[job.requirements] gpu = true`).
    pub gpu: bool,
    /// A `lora` job on the committed tiny Qwen2 model instead of the builtin byte-level model.
    pub lora: bool,
    /// Everything after the cohort's own flags is passed to every step (e.g. `--progress none`).
    pub verbose: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 8545,
            rounds: 2,
            steps: 60,
            gpu: false,
            lora: false,
            verbose: false,
        }
    }
}

/// One command the quickstart ran.
#[derive(Debug, Clone, Serialize)]
pub struct StepRecord {
    pub step: String,
    pub command: String,
    pub seconds: f64,
}

/// A member of the cohort in the summary.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub name: String,
    pub role: String,
    /// Lowercase `0x` hex in JSON, as every address in cohort's JSON.
    pub address: Address,
    /// What they contributed, in words ("2 files, 210 KiB accepted, score 90").
    pub contributed: String,
    /// Model tokens held after claiming the allocation.
    pub tokens: String,
    /// Share of the model's supply, in percent.
    pub share_percent: f64,
    /// Revenue of this run's model claimed in this run, in wei (decimal string). What the
    /// member's `rewards claim --all` paid besides (other models' revenue, refunds) is not in it.
    pub revenue_claimed_wei: String,
    /// What this run's job paid the member for its accepted training rounds, in wei (credited
    /// by the job, withdrawn by `rewards claim --all`); other jobs' pay, returned bonds and
    /// refunds are not in it.
    pub training_paid_wei: String,
    pub claim_ok: bool,
}

/// The summary `cohort quickstart` ends with.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `builtin`, or `lora` (`--lora`).
    pub trainer: String,
    /// `--lora`: the base model's manifest root in storage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_model_root: Option<String>,
    pub dataset: String,
    pub job_id: u64,
    /// The model token (lowercase `0x` hex in JSON).
    pub token: Address,
    pub symbol: String,
    pub model_root: String,
    pub validation_loss_by_round: Vec<f64>,
    /// Revenue paid into this run's model: the buyer's deposit and what the paid queries
    /// settled to the holders, in wei.
    pub revenue_deposited_wei: String,
    /// Of it, what the holders claimed in this run, in wei (the members' `revenue_claimed_wei`
    /// summed): at most the deposit, less rounding dust.
    pub revenue_claimed_wei: String,
    pub members: Vec<Member>,
    pub sample_prompt: String,
    pub sample: String,
    /// The model served and paid per token: queries, settlement, the holders' share.
    pub paid_usage: PaidUsage,
    /// The file holding the password the members' wallets (`qs-curator`, `qs-alice`, …) share:
    /// commands run by hand with `--wallet qs-alice` take it with `--password-file`.
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub password_file: PathBuf,
    pub steps: Vec<StepRecord>,
    pub seconds: f64,
}

/// Wallets of the cohort and their roles, each funded by the devnet's dev account 0.
const MEMBERS: [(&str, &str); 6] = [
    ("qs-curator", "curator, job owner and coordinator"),
    ("qs-alice", "data contributor"),
    ("qs-bob", "data contributor"),
    ("qs-worker1", "GPU/CPU worker"),
    ("qs-worker2", "GPU/CPU worker"),
    ("qs-buyer", "buyer of model output"),
];

/// The members that hold the model token and claim revenue.
const HOLDERS: [&str; 5] = [
    "qs-curator",
    "qs-alice",
    "qs-bob",
    "qs-worker1",
    "qs-worker2",
];

/// The revenue the buyer pays into the model, in ETH.
const DEPOSIT: &str = "3";

/// The prompt the trained model is sampled with.
const PROMPT: &str = "ROMEO:\n";

/// Runs the quickstart. `exe` is the cohort binary; progress gets one note per step.
pub async fn run(
    paths: &Paths,
    exe: &Path,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    check_options(opts)?;
    let started = Instant::now();
    let mut qs = Runner::new(paths, exe, progress, opts.verbose)?;
    qs.ensure_devnet(opts.port).await?;
    let mut addr = BTreeMap::new();
    for (name, _) in MEMBERS {
        addr.insert(name, qs.ensure_wallet(name).await?);
    }
    for (name, _) in MEMBERS {
        qs.fund(name, &addr[name]).await?;
    }
    let run_no = qs.next_run_number()?;
    let (dataset, contributors) = qs.build_dataset(run_no).await?;
    let base = if opts.lora {
        Some(qs.upload_base().await?)
    } else {
        None
    };
    let (job_id, shown) = qs.train(run_no, &dataset, base.as_deref(), opts).await?;
    let (symbol, paid_usage, claims) = qs.tokenize_and_claim(run_no, job_id).await?;
    let model: ModelDetails = typed(
        qs.step("the model and its holders", &["model", "show", &symbol])
            .await?,
        "model show",
    )?;
    let contributors: Vec<ContributorWeight> =
        typed(contributors["contributors"].clone(), "dataset contributors")?;
    let workers: Vec<WorkerTotal> = typed(shown["workers"].clone(), "job show")?;
    let sample = qs.sample(run_no, job_id).await?;

    // The summary describes this run's model and job: `rewards claim --all` also pays what a
    // member was owed elsewhere (other models' revenue, other jobs' pay, refunds, bonds).
    let token = model.model.token;
    let mut out = Vec::new();
    let mut total_claimed = U256::ZERO;
    for (name, role) in MEMBERS {
        let a = parse_address(addr[name].as_str())?;
        let paid = training_pay(&workers, a);
        let (claimed, ok) = match claims.get(name) {
            Some(Ok(v)) => {
                let claimed: Vec<Claimed> = typed(v["claimed"].clone(), "rewards claim")?;
                let r = revenue_claimed(&claimed, token);
                total_claimed += r;
                (r, true)
            }
            Some(Err(_)) => (U256::ZERO, false),
            None => (U256::ZERO, true),
        };
        let (tokens, share) = holding(&model, a);
        out.push(Member {
            name: name.to_string(),
            role: role.to_string(),
            address: a,
            contributed: contribution(name, a, &contributors, &workers),
            tokens,
            share_percent: share,
            revenue_claimed_wei: claimed.to_string(),
            training_paid_wei: paid.to_string(),
            claim_ok: ok,
        });
    }
    Ok(Report {
        trainer: if opts.lora { "lora" } else { "builtin" }.to_string(),
        base_model_root: base,
        dataset,
        job_id,
        token,
        symbol,
        model_root: model.model_root.to_string(),
        validation_loss_by_round: validation_losses(&shown),
        // The buyer's deposit plus what the paid queries settled into the token.
        revenue_deposited_wei: (crate::chain::units::parse_amount(DEPOSIT, 18)?
            + paid_usage
                .to_holders_wei
                .parse::<U256>()
                .unwrap_or_default())
        .to_string(),
        revenue_claimed_wei: total_claimed.to_string(),
        members: out,
        paid_usage,
        sample_prompt: PROMPT.to_string(),
        sample: sample["text"].as_str().unwrap_or_default().to_string(),
        password_file: qs.password_file.clone(),
        steps: qs.steps,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Refuses options the job could not run with, before anything is sent (exit 2).
fn check_options(opts: &Options) -> Result<()> {
    for (flag, v, what) in [
        ("--rounds", u64::from(opts.rounds), "training round"),
        ("--steps", opts.steps, "training step per round"),
    ] {
        if v == 0 {
            return Err(Error::usage(
                "quickstart.bad_option",
                format!("{flag} 0: the demo job needs at least one {what}"),
            )
            .hint(format!(
                "use {flag} 1 or more, or leave it out for the default"
            )));
        }
    }
    Ok(())
}

/// What the served model earned in the quickstart.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PaidUsage {
    pub provider_url: String,
    pub queries: u32,
    /// Tokens served (prompt + completion).
    pub tokens: u64,
    /// Settled from the user's deposit, in wei.
    pub settled_wei: String,
    /// The provider's fee, in wei.
    pub fee_wei: String,
    /// Deposited into the model token as the holders' revenue, in wei.
    pub to_holders_wei: String,
}

/// Serves the tokenized model (qs-worker1 is the provider), answers a few queries paid by
/// qs-buyer's vouchers, stops the server (which settles) and reports what reached the holders.
async fn serve_paid_queries(qs: &mut Runner<'_>, symbol: &str) -> Result<PaidUsage> {
    use tokio::io::AsyncBufReadExt;
    qs.step(
        "the buyer deposits 0.01 ETH to pay for queries",
        &[
            "usage", "deposit", "--amount", "0.01", "--wallet", "qs-buyer",
        ],
    )
    .await?;
    let args = [
        "model",
        "serve",
        symbol,
        "--port",
        "0",
        "--price",
        "0.001",
        "--wallet",
        "qs-worker1",
    ];
    let (cmd, mut child, _) = qs.spawn("qs-worker1 serves the model, paid per token", &args)?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| Error::failed("quickstart.serve", "no stdout from the server"))?;
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let mut url = None;
    while let Ok(Some(line)) = lines.next_line().await {
        if let Ok(v) = serde_json::from_str::<Value>(&line)
            && v["event"] == "listening"
        {
            url = v["address"].as_str().map(|a| format!("http://{a}"));
            break;
        }
    }
    let Some(url) = url else {
        let out = child.wait_with_output().await.ok();
        let err = out
            .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
            .unwrap_or_default();
        return Err(Error::failed(
            "quickstart.serve",
            format!("`{cmd}` did not start: {err}"),
        ));
    };
    let mut usage = PaidUsage {
        provider_url: url.clone(),
        ..Default::default()
    };
    for prompt in ["ROMEO:", "JULIET:", "To be"] {
        let a = qs
            .step(
                &format!("the buyer asks the served model {prompt:?}"),
                &[
                    "model",
                    "query",
                    symbol,
                    "--provider",
                    &url,
                    "--prompt",
                    prompt,
                    "--max-tokens",
                    "48",
                    "--wallet",
                    "qs-buyer",
                ],
            )
            .await?;
        usage.queries += 1;
        usage.tokens +=
            a["prompt_tokens"].as_u64().unwrap_or(0) + a["completion_tokens"].as_u64().unwrap_or(0);
    }
    // SIGTERM: the server stops accepting and settles what it is owed.
    if let Some(pid) = child.id() {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
    }
    let (mut settled, mut fee, mut holders) = (
        alloy::primitives::U256::ZERO,
        alloy::primitives::U256::ZERO,
        alloy::primitives::U256::ZERO,
    );
    let num = |v: &Value| {
        v.as_str()
            .and_then(|s| s.parse::<alloy::primitives::U256>().ok())
            .unwrap_or_default()
    };
    while let Ok(Some(line)) = lines.next_line().await {
        if let Ok(v) = serde_json::from_str::<Value>(&line)
            && v["event"] == "settled"
        {
            settled += num(&v["settlement"]["paid"]);
            fee += num(&v["settlement"]["fee"]);
            holders += num(&v["settlement"]["to_holders"]);
        }
    }
    let _ = child.wait().await;
    usage.settled_wei = settled.to_string();
    usage.fee_wei = fee.to_string();
    usage.to_holders_wei = holders.to_string();
    Ok(usage)
}

/// The `[model]` and `[training]` tables of `--lora`: rank-8 adapters on every linear layer of
/// the tiny Qwen2 model, trained on the corpus as plain text packed to 64 tokens.
fn lora_head(base: &str, opts: &Options) -> String {
    format!(
        r#"[model]
trainer = "lora"
base = "{base}"
rank = 8
alpha = 16
dropout = 0.05
targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
context = 64

[training]
batch_size = 8
learning_rate = 1e-2
min_learning_rate = 1e-3
warmup_steps = 4
weight_decay = 0.0
grad_clip = 1.0
seed = 1
steps = {}
checkpoint_every = {}
eval_windows = 32
"#,
        opts.steps,
        (opts.steps / 2).max(1)
    )
}

fn job_spec(dataset: &str, base: Option<&str>, opts: &Options) -> String {
    let head = TINY_SPEC.split("\n[job]").next().unwrap_or(TINY_SPEC);
    let head = head
        .lines()
        .map(|l| {
            if l.starts_with("steps = ") {
                format!("steps = {}", opts.steps)
            } else if l.starts_with("checkpoint_every = ") {
                format!("checkpoint_every = {}", (opts.steps / 2).max(1))
            } else if l.starts_with("warmup_steps = ") {
                "warmup_steps = 10".to_string()
            } else if l.starts_with("eval_windows = ") {
                "eval_windows = 64".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let head = match base {
        Some(b) => lora_head(b, opts),
        None => head,
    };
    format!(
        "{head}\n[job]\ndatasets = [\"{dataset}\"]\nrounds = {}\nreward_per_round = \"1ether\"\nmax_workers = 2\nround_timeout = 900\nbond = \"0.01ether\"\n\n[job.split]\nowner = \"20%\"\ndata = \"40%\"\ncompute = \"40%\"\n\n[job.requirements]\ngpu = {}\n",
        opts.rounds, opts.gpu
    )
}

/// Runs cohort commands and records them.
struct Runner<'a> {
    exe: PathBuf,
    paths: Paths,
    dir: PathBuf,
    password_file: PathBuf,
    progress: &'a dyn Progress,
    steps: Vec<StepRecord>,
    verbose: bool,
}

impl<'a> Runner<'a> {
    fn new(paths: &Paths, exe: &Path, progress: &'a dyn Progress, verbose: bool) -> Result<Self> {
        let dir = paths.data_dir.join("quickstart");
        fsutil::ensure_dir(&dir, 0o700)?;
        let password_file = dir.join("password");
        if !password_file.exists() {
            // The quickstart's wallets share one random password, kept next to them (0600).
            let pw: String = {
                use rand::Rng;
                let mut rng = rand::rng();
                (0..24)
                    .map(|_| rng.sample(rand::distr::Alphanumeric) as char)
                    .collect()
            };
            fsutil::write_atomic(&password_file, pw.as_bytes(), 0o600)?;
        }
        Ok(Runner {
            exe: exe.to_path_buf(),
            paths: paths.clone(),
            dir,
            password_file,
            progress,
            steps: Vec::new(),
            verbose,
        })
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.exe);
        c.arg("--json")
            .arg("--profile")
            .arg("local")
            .arg("--progress")
            .arg("none");
        c.args(args);
        // Each step finds cohort's files where this process does, as every command the user
        // runs next looks for them: in COHORT_HOME, else in the platform's folders.
        match self.paths.home() {
            Some(home) => c.env(crate::env::COHORT_HOME, home),
            None => c.env_remove(crate::env::COHORT_HOME),
        };
        c.env(crate::env::COHORT_PASSWORD_FILE, &self.password_file);
        c.env_remove(crate::env::COHORT_PASSWORD);
        c.env_remove(crate::env::COHORT_WALLET);
        c.env_remove(crate::env::COHORT_RPC_URL);
        c.env_remove(crate::env::COHORT_STORAGE_NODES);
        c.env_remove(crate::env::COHORT_INDEXER);
        c.env_remove(crate::env::COHORT_PROFILE);
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c.kill_on_drop(true);
        c
    }

    fn announce(&self, what: &str, args: &[&str]) -> String {
        let shown = args
            .iter()
            .map(|a| shell_word(a))
            .collect::<Vec<_>>()
            .join(" ");
        let cmd = format!("cohort {shown}");
        self.progress.note(&format!("▸ {what}\n    $ {cmd}"));
        cmd
    }

    /// Runs one step and parses its JSON result.
    async fn step(&mut self, what: &str, args: &[&str]) -> Result<Value> {
        let cmd = self.announce(what, args);
        let t = Instant::now();
        // A spinner while the step runs, replaced by how it ended.
        let task = self.progress.task(what, None, crate::progress::Unit::Steps);
        let out = self.command(args).output().await.map_err(|e| {
            Error::failed(
                "quickstart.spawn",
                format!("could not run {}: {e}", self.exe.display()),
            )
        })?;
        let took = t.elapsed();
        if out.status.success() {
            task.finish_with(&format!("{what} ({})", crate::progress::duration(took)));
        } else {
            task.fail(&format!("{what}: failed"));
        }
        self.steps.push(StepRecord {
            step: what.to_string(),
            command: cmd.clone(),
            seconds: took.as_secs_f64(),
        });
        finish(&cmd, out.status, &out.stdout, &out.stderr, self.verbose)
    }

    fn spawn(&mut self, what: &str, args: &[&str]) -> Result<(String, Child, Instant)> {
        let cmd = self.announce(what, args);
        let child = self.command(args).spawn().map_err(|e| {
            Error::failed(
                "quickstart.spawn",
                format!("could not run {}: {e}", self.exe.display()),
            )
        })?;
        self.steps.push(StepRecord {
            step: what.to_string(),
            command: cmd.clone(),
            seconds: 0.0,
        });
        Ok((cmd, child, Instant::now()))
    }

    async fn wait(&mut self, (cmd, child, t): (String, Child, Instant)) -> Result<Value> {
        let out = child
            .wait_with_output()
            .await
            .map_err(|e| Error::failed("quickstart.wait", format!("{cmd}: {e}")))?;
        if let Some(s) = self.steps.iter_mut().find(|s| s.command == cmd) {
            s.seconds = t.elapsed().as_secs_f64();
        }
        finish(&cmd, out.status, &out.stdout, &out.stderr, self.verbose)
    }

    async fn ensure_devnet(&mut self, port: u16) -> Result<()> {
        let mut restarted = false;
        loop {
            let st = self
                .step("check the local devnet", &["devnet", "status"])
                .await?;
            let deployed = st["contracts"]
                .as_array()
                .is_some_and(|c| !c.is_empty() && c.iter().all(|c| c["deployed"] == true));
            let nodes = st["storage_nodes"].as_array().map_or(0, |n| n.len());
            if st["running"] == true && deployed && nodes > 0 {
                return Ok(());
            }
            let partly = st["processes"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["alive"] == true));
            if st["running"] != true && partly && !restarted {
                // A process of it stopped: `up` without flags restarts what stopped, as the
                // devnet was laid out (flags naming another layout would be refused); then
                // look again.
                self.step(
                    "restart what stopped of the local devnet",
                    &["devnet", "up"],
                )
                .await?;
                restarted = true;
                continue;
            }
            if partly {
                // Running without storage nodes (or its contracts): restart it with one.
                self.step("stop the devnet to add a storage node", &["devnet", "down"])
                    .await?;
            }
            let port = port.to_string();
            self.step(
                "start the local devnet (anvil, contracts, a storage node)",
                &["devnet", "up", "--port", &port, "--nodes", "1"],
            )
            .await?;
            return Ok(());
        }
    }

    async fn ensure_wallet(&mut self, name: &str) -> Result<String> {
        let out = self.command(&["wallet", "show", name]).output().await;
        if let Ok(o) = out
            && o.status.success()
            && let Ok(v) = serde_json::from_slice::<Value>(&o.stdout)
            && let Some(a) = v["address"].as_str()
        {
            return Ok(a.to_string());
        }
        let v = self
            .step(&format!("create wallet {name}"), &["wallet", "new", name])
            .await?;
        v["address"].as_str().map(str::to_string).ok_or_else(|| {
            Error::failed(
                "quickstart.wallet",
                format!("wallet new printed no address: {v}"),
            )
        })
    }

    async fn fund(&mut self, name: &str, address: &str) -> Result<()> {
        let v = self
            .step(
                &format!("balance of {name}"),
                &["wallet", "balance", address],
            )
            .await?;
        let wei = v["wei"]
            .as_str()
            .or(v["balance_wei"].as_str())
            .and_then(|s| s.parse::<alloy::primitives::U256>().ok())
            .unwrap_or_default();
        if wei < crate::chain::units::parse_amount("5", 18)? {
            self.step(
                &format!("fund {name} with 20 ETH from dev account 0"),
                &["wallet", "send", address, "20", "--wallet", "dev:0"],
            )
            .await?;
        }
        Ok(())
    }

    fn next_run_number(&self) -> Result<u64> {
        let f = self.dir.join("runs");
        let n = std::fs::read_to_string(&f)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(0)
            + 1;
        fsutil::write_atomic(&f, n.to_string().as_bytes(), 0o644)?;
        Ok(n)
    }

    fn write_corpus(&self) -> Result<PathBuf> {
        let root = self.dir.join("corpus");
        for (rel, bytes) in CORPUS {
            let p = root.join(rel);
            if std::fs::read(&p).ok().as_deref() != Some(*bytes) {
                fsutil::write_atomic(&p, bytes, 0o644)?;
            }
        }
        Ok(root)
    }
}

/// The lifecycle's phases, each a run of cohort commands.
impl Runner<'_> {
    /// The dataset: created by the curator, contributed by alice and bob, reviewed, sealed.
    /// Returns its name and `dataset contributors`.
    async fn build_dataset(&mut self, run_no: u64) -> Result<(String, Value)> {
        let dataset = format!("qs-shakespeare-{run_no}");
        let corpus = self.write_corpus()?;
        self.step(
            "the curator creates the dataset",
            &[
                "dataset",
                "create",
                &dataset,
                "--description",
                "Shakespeare plays, public domain",
                "--license",
                "CC0-1.0",
                "--wallet",
                "qs-curator",
            ],
        )
        .await?;
        let alice_dir = corpus.join("alice").display().to_string();
        let bob_dir = corpus.join("bob").display().to_string();
        self.step(
            "alice uploads her files",
            &[
                "dataset", "upload", &dataset, &alice_dir, "--wallet", "qs-alice",
            ],
        )
        .await?;
        self.step(
            "bob uploads his file",
            &[
                "dataset", "upload", &dataset, &bob_dir, "--wallet", "qs-bob",
            ],
        )
        .await?;
        self.step(
            "the curator checks every file against its record and accepts it with score 90",
            &[
                "dataset",
                "review",
                &dataset,
                "--all-pending",
                "--accept",
                "--score",
                "90",
                "--wallet",
                "qs-curator",
            ],
        )
        .await?;
        self.step(
            "the curator seals the dataset",
            &["dataset", "seal", &dataset, "--wallet", "qs-curator"],
        )
        .await?;
        let contributors = self
            .step(
                "contributors and their weights",
                &["dataset", "contributors", &dataset],
            )
            .await?;
        Ok((dataset, contributors))
    }

    /// The training job: escrowed, trained by two workers, coordinated by the owner.
    /// Returns the job id and `job show` of the finished job.
    async fn train(
        &mut self,
        run_no: u64,
        dataset: &str,
        base: Option<&str>,
        opts: &Options,
    ) -> Result<(u64, Value)> {
        let spec_path = self.dir.join(format!("job-{run_no}.toml"));
        fsutil::write_atomic(&spec_path, job_spec(dataset, base, opts).as_bytes(), 0o644)?;
        let spec = spec_path.display().to_string();
        let submitted = self
            .step(
                "the owner submits the training job",
                &["job", "submit", &spec, "--wallet", "qs-curator"],
            )
            .await?;
        let job_id = submitted["job_id"].as_u64().ok_or_else(|| {
            Error::failed(
                "quickstart.job_id",
                format!("job submit printed no job id: {submitted}"),
            )
        })?;
        let job = job_id.to_string();
        for w in ["qs-worker1", "qs-worker2"] {
            self.step(
                &format!("{w} registers its machine"),
                &["worker", "register", "--name", w, "--wallet", w],
            )
            .await?;
        }
        let mut children = Vec::new();
        for w in ["qs-worker1", "qs-worker2"] {
            let state = self.dir.join(format!("{w}-{run_no}")).display().to_string();
            children.push(self.spawn(
                &format!("{w} trains"),
                &[
                    "worker",
                    "run",
                    "--job",
                    &job,
                    "--state-dir",
                    &state,
                    "--poll",
                    "0.5",
                    "--wallet",
                    w,
                ],
            )?);
        }
        children.push(self.spawn(
            "the owner coordinates the rounds",
            &[
                "job",
                "coordinate",
                &job,
                "--min-workers",
                "2",
                "--poll",
                "0.5",
                "--wallet",
                "qs-curator",
            ],
        )?);
        for c in children {
            self.wait(c).await?;
        }
        let shown = self
            .step("the finished job", &["job", "show", &job])
            .await?;
        Ok((job_id, shown))
    }

    /// `--lora`: the owner puts the tiny Qwen2 model into storage; returns its manifest root.
    async fn upload_base(&mut self) -> Result<String> {
        let dir = self.dir.join("base-qwen2");
        for (rel, bytes) in TINY_QWEN2 {
            let p = dir.join(rel);
            if std::fs::read(&p).ok().as_deref() != Some(*bytes) {
                fsutil::write_atomic(&p, bytes, 0o644)?;
            }
        }
        let up = self
            .step(
                "the owner puts the base model (a tiny Qwen2) into storage",
                &[
                    "model",
                    "upload-base",
                    &dir.display().to_string(),
                    "--wallet",
                    "qs-curator",
                ],
            )
            .await?;
        up["root"].as_str().map(str::to_string).ok_or_else(|| {
            Error::failed(
                "quickstart.base_root",
                format!("model upload-base printed no root: {up}"),
            )
        })
    }

    /// Tokenize the model, pay revenue into it, and let every holder claim. Returns the token's
    /// symbol and each holder's claim (an error is kept: the summary says the claim failed).
    async fn tokenize_and_claim(
        &mut self,
        run_no: u64,
        job_id: u64,
    ) -> Result<(String, PaidUsage, BTreeMap<&'static str, Result<Value>>)> {
        let symbol = format!("QSB{run_no}");
        let job = job_id.to_string();
        self.step(
            "the owner tokenizes the model",
            &[
                "model",
                "tokenize",
                &job,
                "--name",
                "Quickstart Bard",
                "--symbol",
                &symbol,
                "--supply",
                "1000000",
                "--wallet",
                "qs-curator",
            ],
        )
        .await?;
        let paid_usage = serve_paid_queries(self, &symbol).await?;
        self.step(
            "the buyer pays 3 ETH of revenue into the model",
            &[
                "rewards", "deposit", &symbol, DEPOSIT, "--wallet", "qs-buyer",
            ],
        )
        .await?;
        let mut claims = BTreeMap::new();
        for name in HOLDERS {
            let r = self
                .step(
                    &format!("{name} claims everything it is owed"),
                    &["rewards", "claim", "--all", "--wallet", name],
                )
                .await;
            claims.insert(name, r);
        }
        Ok((symbol, paid_usage, claims))
    }

    /// Download the trained model (verified by root) and sample text from it.
    async fn sample(&mut self, run_no: u64, job_id: u64) -> Result<Value> {
        let dl = self
            .dir
            .join(format!("model-{run_no}"))
            .display()
            .to_string();
        let downloaded: ModelDownload = typed(
            self.step(
                "download the trained model (verified)",
                &["model", "download", &job_id.to_string(), "-o", &dl],
            )
            .await?,
            "model download",
        )?;
        let checkpoint = downloaded.model.display().to_string();
        let mut args = vec!["model", "generate"];
        let base = downloaded.base.as_ref().map(|b| b.display().to_string());
        // A lora model is its base folder with the adapter on top; its sample runs past a first
        // EOS for a few tokens so that there is text to show whatever the round's draws.
        match &base {
            Some(b) => args.extend([
                b.as_str(),
                "--adapter",
                checkpoint.as_str(),
                "--min-tokens",
                "16",
            ]),
            None => args.push(checkpoint.as_str()),
        }
        args.extend(["--prompt", PROMPT, "--max-tokens", "160", "--seed", "7"]);
        self.step("sample text from the model", &args).await
    }
}

/// `arg` as a shell takes it back whole when the printed command is pasted: as it is when
/// nothing in it is special, in single quotes otherwise, and with a control character (the
/// sample's prompt ends in a newline) in bash's `$'…'`, where `\n` is a newline.
fn shell_word(arg: &str) -> String {
    if !arg.chars().any(char::is_control) {
        return shlex::try_quote(arg).map_or_else(|_| format!("{arg:?}"), |q| q.into_owned());
    }
    let mut out = String::from("$'");
    for c in arg.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn finish(
    cmd: &str,
    status: std::process::ExitStatus,
    stdout: &[u8],
    stderr: &[u8],
    verbose: bool,
) -> Result<Value> {
    let _ = verbose;
    if !status.success() {
        let err: Option<Value> = String::from_utf8_lossy(stderr).lines().rev().find_map(|l| {
            serde_json::from_str::<Value>(l)
                .ok()
                .filter(|v| v.get("error").is_some())
        });
        let (msg, hint) = match &err {
            Some(v) => (
                v["error"]["message"]
                    .as_str()
                    .unwrap_or("failed")
                    .to_string(),
                v["error"]["hint"].as_str().map(str::to_string),
            ),
            None => (String::from_utf8_lossy(stderr).trim().to_string(), None),
        };
        let code = status.code().unwrap_or(1);
        let kind = match code {
            2 => crate::ErrorKind::Usage,
            3 => crate::ErrorKind::Unreachable,
            4 => crate::ErrorKind::Reverted,
            5 => crate::ErrorKind::Verification,
            6 => crate::ErrorKind::Wallet,
            130 => crate::ErrorKind::Interrupted,
            _ => crate::ErrorKind::Failed,
        };
        let mut e = Error::new(kind, "quickstart.step", format!("`{cmd}` failed: {msg}"));
        if let Some(h) = hint {
            e = e.hint(h);
        }
        return Err(e);
    }
    let text = String::from_utf8_lossy(stdout);
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(&text).map_err(|e| {
        Error::failed(
            "quickstart.output",
            format!("`{cmd}` printed no JSON document: {e}"),
        )
    })
}

/// The aggregate's validation loss per round, read as `job show`'s own type.
fn validation_losses(job: &Value) -> Vec<f64> {
    serde_json::from_value::<Vec<crate::jobs::show::RoundDetail>>(job["rounds"].clone())
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.val_loss)
        .collect()
}

/// A command's `--json` document read as the library's own result type.
fn typed<T: serde::de::DeserializeOwned>(v: Value, command: &str) -> Result<T> {
    serde_json::from_value(v).map_err(|e| {
        Error::failed(
            "quickstart.output",
            format!("`cohort {command} --json` printed a document of another shape: {e}"),
        )
    })
}

/// A member's address as `wallet show`/`wallet new` printed it.
fn parse_address(a: &str) -> Result<Address> {
    a.parse().map_err(|e| {
        Error::failed(
            "quickstart.wallet",
            format!("a wallet command printed {a:?}, which is no address: {e}"),
        )
    })
}

/// The native-coin revenue of the model `token` in a `rewards claim --json` report's claims
/// (the claims of other models and the withdrawn worker earnings left out).
fn revenue_claimed(claimed: &[Claimed], token: Address) -> U256 {
    claimed
        .iter()
        .filter(|c| {
            c.item.kind == ClaimKind::Revenue
                && c.item.asset.native
                && c.item.model.as_ref().is_some_and(|m| m.token == token)
        })
        .map(|c| c.item.amount)
        .fold(U256::ZERO, |a, b| a + b)
}

/// What the job (`job show`'s workers) paid `address` for its accepted rounds.
fn training_pay(workers: &[WorkerTotal], address: Address) -> U256 {
    workers
        .iter()
        .filter(|w| w.worker == address)
        .map(|w| w.paid)
        .fold(U256::ZERO, |a, b| a + b)
}

/// (tokens held, share of the supply in percent) of `address`.
fn holding(model: &ModelDetails, address: Address) -> (String, f64) {
    model
        .holders
        .iter()
        .find(|h| h.address == address)
        .map(|h| {
            (
                crate::chain::units::format_amount(h.balance, 18),
                h.share_ppm as f64 / 10_000.0,
            )
        })
        .unwrap_or(("0".into(), 0.0))
}

fn contribution(
    name: &str,
    address: Address,
    contributors: &[ContributorWeight],
    workers: &[WorkerTotal],
) -> String {
    let mut parts = Vec::new();
    match name {
        "qs-curator" => parts.push("curated the dataset, funded the job".to_string()),
        "qs-buyer" => parts.push("paid 3 ETH for model output".to_string()),
        _ => {}
    }
    for c in contributors.iter().filter(|c| c.contributor == address) {
        parts.push(format!("data weight {}", c.weight));
    }
    for w in workers.iter().filter(|w| w.worker == address) {
        parts.push(format!("{} work units", w.compute_units));
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy::primitives::B256;

    /// A printed step's words, pasted into bash, are the arguments the step ran with.
    #[test]
    fn printed_words_are_taken_back_whole_by_bash() {
        let words = [
            PROMPT,
            "ROMEO:",
            "two words",
            "",
            "it's \\ \"quoted\" $HOME `x`",
            "tab\tand\r\u{7}bell\u{85}",
            "naïve",
        ];
        for w in words {
            let line = format!("printf '%s\\0' {}", shell_word(w));
            let out = std::process::Command::new("bash")
                .args(["-c", &line])
                .output()
                .expect("bash runs");
            assert!(out.status.success(), "{line}");
            assert_eq!(out.stdout, format!("{w}\0").into_bytes(), "{line}");
        }
        assert_eq!(shell_word(PROMPT), "$'ROMEO:\\n'");
        assert_eq!(shell_word("plain"), "plain");
    }

    /// One claim as `rewards claim --json` prints it.
    fn claim(kind: &str, token: Option<Address>, asset: Address, amount: u64) -> Value {
        serde_json::json!({
            "kind": kind,
            "model": token.map(|t| serde_json::json!({
                "job_id": 1, "token": t, "name": "M", "symbol": "M"
            })),
            "asset": {
                "address": asset,
                "symbol": if asset == Address::ZERO { "ETH" } else { "USDC" },
                "decimals": 18,
                "native": asset == Address::ZERO
            },
            "amount": amount.to_string(),
            "tx_hash": B256::ZERO,
            "gas_used": 21000
        })
    }

    /// Of what `rewards claim --all` paid, only this model's revenue in the native coin counts:
    /// another model's revenue, an ERC-20 revenue, worker earnings (refunds of other jobs
    /// included) and allocations do not.
    #[test]
    fn only_this_models_native_revenue_counts_as_claimed() {
        let ours = Address::repeat_byte(1);
        let other = Address::repeat_byte(2);
        let usdc = Address::repeat_byte(3);
        let claimed: Vec<Claimed> = serde_json::from_value(Value::Array(vec![
            claim("allocation", Some(ours), ours, 1_000),
            claim("revenue", Some(ours), Address::ZERO, 70),
            claim("revenue", Some(other), Address::ZERO, 500),
            claim("revenue", Some(ours), usdc, 9),
            claim("earnings", None, Address::ZERO, 2_000),
        ]))
        .unwrap();
        assert_eq!(revenue_claimed(&claimed, ours), U256::from(70));
        assert_eq!(revenue_claimed(&claimed, other), U256::from(500));
    }

    /// Training pay is what the job paid the worker, not what its withdrawal held.
    #[test]
    fn training_pay_is_the_jobs_pay_to_the_worker() {
        let w1 = Address::repeat_byte(7);
        let w2 = Address::repeat_byte(8);
        let workers: Vec<WorkerTotal> = serde_json::from_value(serde_json::json!([
            {"worker": w1, "compute_units": "5", "paid": "600", "accepted_rounds": 2, "rejected_rounds": 0},
            {"worker": w2, "compute_units": "5", "paid": "400", "accepted_rounds": 2, "rejected_rounds": 0}
        ]))
        .unwrap();
        assert_eq!(training_pay(&workers, w1), U256::from(600));
        assert_eq!(training_pay(&workers, Address::repeat_byte(9)), U256::ZERO);
    }
}
