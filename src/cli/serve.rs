//! `cohort model serve|query|settle`: serving a model over the OpenAI API, paid by vouchers;
//! querying one; settling vouchers by hand. The work is in `crate::serve` and `crate::usage`.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, U256};
use clap::Args;

use super::Ctx;
use super::opts::SignerOpts;
use crate::chain::units::parse_amount;
use crate::error::{Error, Result};
use crate::serve::client::{self as sclient, Payer, Query};
use crate::serve::engine::{Builtin, Engine, HfModel};
use crate::serve::{Payments, ServeEvent, ServeOptions, Served, ServerStats, Terms};
use crate::usage::{self, SignedVoucher};

/// `cohort model serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The model: a model token (symbol or address), a completed job's id, a checkpoint file, or
    /// a Hugging Face folder (Llama family; with --adapter, a PEFT adapter on top).
    pub model: String,
    /// A PEFT adapter folder (`adapter_model.safetensors` + `adapter_config.json`, as `cohort
    /// train` writes for a `lora` spec) to serve on top of a Hugging Face folder.
    #[arg(long, value_name = "DIR")]
    pub adapter: Option<PathBuf>,
    /// Port to listen on (0: any free port, printed).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Address to bind (loopback by default; 0.0.0.0 serves the network).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Price per 1000 tokens (prompt + completion) in the asset (--asset), e.g. 0.001.
    #[arg(long, value_name = "PER_1K_TOKENS", default_value = "0.0001")]
    pub price: String,
    /// What users pay in: the native coin (default) or an ERC-20 the model token takes as
    /// revenue (its address or symbol); users deposit it with `cohort usage deposit --asset`.
    #[arg(long, value_name = "ASSET", default_value = "native")]
    pub asset: String,
    /// Serve without payment (a private server): no vouchers, no wallet, no chain needed for a checkpoint.
    #[arg(long)]
    pub free: bool,
    /// The model token a checkpoint file is paid to (when serving a file, not a token or job).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = crate::serve::DEFAULT_MAX_BODY)]
    pub max_body: usize,
    /// Generations at once: they decode together, one token each per step (default 32).
    #[arg(long)]
    pub max_concurrency: Option<usize>,
    /// Requests that may wait for a slot; more get 429.
    #[arg(long, default_value_t = 64)]
    pub max_queue: usize,
    /// Settle after this many requests served on vouchers …
    #[arg(long, default_value_t = 20)]
    pub settle_every: u64,
    /// … or after this many seconds (and always on shutdown).
    #[arg(long, default_value_t = 60, value_name = "SECS")]
    pub settle_interval: u64,
    /// Seconds a voucher must still be valid for when it arrives.
    #[arg(long, default_value_t = 300, value_name = "SECS")]
    pub min_validity: u64,
    #[command(flatten)]
    pub signer: SignerOpts,
}

/// Where the model comes from.
struct Resolved {
    path: PathBuf,
    /// A lora job's adapter (a PEFT folder) on top of the base model in `path`.
    adapter: Option<PathBuf>,
    id: String,
    aliases: Vec<String>,
    token: Option<Address>,
}

/// Finds (and downloads, verified by its root) the model a command names.
async fn resolve_model(
    ctx: &Ctx,
    name: &str,
    token_flag: Option<&str>,
    need_token: bool,
) -> Result<Resolved> {
    let progress = ctx.printer.progress();
    let as_path = Path::new(name);
    if as_path.is_file() || as_path.join("config.json").is_file() {
        let stem = as_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "model".into());
        let token = match token_flag {
            Some(t) => {
                let client = ctx.client()?;
                let chain = client.chain().await?;
                let factory = client.profile.contract("model_token_factory")?;
                Some(crate::tokens::resolve(&chain, factory, t).await?)
            }
            None if need_token => {
                return Err(Error::usage(
                    "serve.no_token",
                    format!(
                        "'{name}' is a local model: a paid server needs the model token it pays"
                    ),
                )
                .hint("pass --token SYMBOL (or serve the token/job by name, or add --free)"));
            }
            None => None,
        };
        // Paid to a token: it answers to the token's symbol (what clients name) and the file's name.
        return Ok(match token {
            Some(m) => Resolved {
                path: as_path.to_path_buf(),
                adapter: None,
                id: m.symbol.clone(),
                aliases: vec![stem, m.token.to_string(), format!("job-{}", m.job_id)],
                token: Some(m.token),
            },
            None => Resolved {
                path: as_path.to_path_buf(),
                adapter: None,
                id: stem,
                aliases: vec![],
                token: None,
            },
        });
    }
    // A path (no symbol has a `/`, or ends like a checkpoint) that holds no model.
    if name.contains(std::path::MAIN_SEPARATOR) || name.ends_with(".safetensors") {
        let what = if as_path.is_dir() {
            format!("{name} is a folder without config.json, not a Hugging Face model")
        } else {
            format!("{name} does not exist")
        };
        return Err(Error::usage("serve.no_model_file", what).hint(
            "give a checkpoint file, a Hugging Face model folder, a model token's symbol or a job id",
        ));
    }
    let client = ctx.client()?;
    let chain = client.chain().await?;
    let factory = client.profile.contract("model_token_factory")?;
    let (job_id, token, id) = match name.trim().parse::<u64>() {
        Ok(job) => {
            let f = crate::chain::bindings::ModelTokenFactory::new(factory, &chain.provider);
            let t = f
                .tokenOf(U256::from(job))
                .call()
                .await
                .map_err(chain.decoder())?;
            if t == Address::ZERO {
                if need_token {
                    return Err(Error::usage(
                        "model.not_tokenized",
                        format!("job {job} has no model token: a paid server pays one"),
                    )
                    .hint(format!(
                        "tokenize it with `cohort model tokenize {job} …`, or serve it with --free"
                    )));
                }
                (job, None, format!("job-{job}"))
            } else {
                let m = crate::tokens::resolve(&chain, factory, &t.to_string()).await?;
                (job, Some(t), m.symbol)
            }
        }
        Err(_) => {
            let m = crate::tokens::resolve(&chain, factory, name).await?;
            (m.job_id, Some(m.token), m.symbol)
        }
    };
    let market = crate::jobs::JobMarket::open(&client).await?;
    let job = market.job(job_id).await?;
    let Some(root) = job.model_root else {
        return Err(Error::usage(
            "job.not_completed",
            format!("job {job_id} has no final model yet"),
        ));
    };
    ctx.printer.note(&format!(
        "fetching the model of job {job_id} (root {root:#x})"
    ));
    let store = crate::storage::cache::ObjectCache::new(&client);
    let mut path = store.fetch(root, progress.as_ref()).await?;
    let ctx_job =
        crate::jobs::context::JobContext::load(&market, &store, job_id, progress.as_ref()).await?;
    let adapter = if ctx_job.is_lora() {
        // The adapter as a PEFT folder on top of its base model (fetched and checked).
        let ctx_job = ctx_job.with_base(&store, progress.as_ref()).await?;
        let base = ctx_job.base_dir()?.to_path_buf();
        let dir = store.cache.join(format!("adapter-{root:#x}"));
        let (ck, b, d) = (path.clone(), base.clone(), dir.clone());
        tokio::task::spawn_blocking(move || -> Result<()> {
            let config = crate::lora::Config::load(&b)?;
            crate::lora::pool::LoraCheckpoint::load(&ck)?.save_peft(
                &d,
                &config,
                &b.display().to_string(),
            )
        })
        .await
        .map_err(|e| Error::failed("serve.load", e.to_string()))??;
        path = base;
        Some(dir)
    } else {
        None
    };
    let mut aliases = vec![format!("job-{job_id}")];
    if let Some(t) = token {
        aliases.push(t.to_string());
    }
    Ok(Resolved {
        path,
        adapter,
        id,
        aliases,
        token,
    })
}

/// Where servers keep their unsettled vouchers (one file per model token).
fn vouchers_dir(ctx: &Ctx) -> PathBuf {
    ctx.paths.data_dir.join("serve")
}

fn ledger_address(client: &crate::client::Client) -> Result<Address> {
    client.profile.contract("usage_ledger")
}

/// Takes the lock of a vouchers file (`FILE.lock`, holding the server's process id), or refuses
/// when another server holds it: two servers of one provider and model token in one home would
/// each rewrite the file with their own users only, and a crash would lose the other's unsettled
/// vouchers.
fn lock_vouchers(file: &Path) -> Result<crate::fsutil::Lock> {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    if let Some(dir) = path.parent() {
        crate::fsutil::ensure_dir(dir, 0o700)?;
    }
    match crate::fsutil::Lock::try_acquire_as_holder(&path)? {
        Some(lock) => Ok(lock),
        None => {
            let pid = crate::fsutil::Lock::holder(&path);
            Err(Error::usage(
                "serve.vouchers_in_use",
                format!(
                    "another `cohort model serve` of this model token and provider runs in this home{pid}: \
                     it keeps its unsettled vouchers in {}, which two servers would overwrite",
                    file.display()
                ),
            )
            .hint(
                "stop the other server (it settles on Ctrl-C or SIGTERM), or serve from another \
                 home (COHORT_HOME); one server takes many requests at once (--max-concurrency)",
            ))
        }
    }
}

impl ServeArgs {
    /// The voucher checks and settlements of a paid server, signed by the provider's wallet, and
    /// the lock on its vouchers file, held while the server runs.
    async fn payments(
        &self,
        ctx: &Ctx,
        token: Option<Address>,
    ) -> Result<(Arc<Payments>, crate::fsutil::Lock)> {
        let client = ctx.client()?;
        let chain = client.chain().await?;
        let ledger = usage::open(&chain, ledger_address(&client)?).await?;
        let token = token.expect("a paid server has a token");
        let asset = crate::tokens::rewards::revenue_asset(&chain, token, &self.asset).await?;
        let price = parse_amount(&self.price, asset.decimals)?;
        if price.is_zero() {
            return Err(
                Error::usage("serve.zero_price", "--price 0 on a paid server")
                    .hint("set a price, or serve with --free"),
            );
        }
        let s = ctx.signer(&client, &chain, &self.signer)?;
        let terms = Terms {
            ledger: ledger.address,
            chain_id: chain.chain_id,
            token,
            provider: s.address,
            asset: asset.address,
            asset_symbol: asset.symbol.clone(),
            asset_decimals: asset.decimals,
            price_per_1k: price,
            min_validity_secs: self.min_validity,
        };
        // One file per (token, asset, provider): two servers in one home keep their own.
        let dir = vouchers_dir(ctx);
        let file = dir.join(format!(
            "vouchers-{}-{}-{}.jsonl",
            terms.token, terms.asset, terms.provider
        ));
        let lock = lock_vouchers(&file)?;
        // The name older versions used (one per token); its vouchers for these terms count too.
        let legacy = dir.join(format!("vouchers-{}.jsonl", terms.token));
        let pay = Payments::new(terms, ledger, s, Some(file.clone()));
        pay.load_vouchers(&[legacy, file]).await?;
        Ok((Arc::new(pay), lock))
    }

    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let paid = !self.free;
        // A price that is no amount at all is refused before any model is fetched (its
        // decimals, and so its value, are checked once the asset is known).
        if paid {
            parse_amount(&self.price, 18)?;
        }
        let model = resolve_model(ctx, &self.model, self.token.as_deref(), paid).await?;
        let path = model.path.clone();
        if self.adapter.is_some() && model.adapter.is_some() {
            return Err(Error::usage(
                "serve.adapter_given",
                format!(
                    "'{}' is a lora model: its adapter comes with it",
                    self.model
                ),
            )
            .hint("leave out --adapter"));
        }
        let adapter = self.adapter.clone().or(model.adapter.clone());
        if adapter.is_some() && !path.is_dir() {
            return Err(Error::usage(
                "serve.adapter_needs_folder",
                "--adapter goes on top of a Hugging Face folder, not a builtin checkpoint",
            )
            .hint("serve the base model's folder (with config.json) and --adapter DIR"));
        }
        // Before the model loads: a second server of this provider and token is refused at once.
        // The lock on the vouchers file lives until the server has settled and saved them.
        let (pay, _vouchers_lock) = if paid {
            let (p, lock) = self.payments(ctx, model.token).await?;
            (Some(p), Some(lock))
        } else {
            (None, None)
        };
        let engine: Arc<dyn Engine> = tokio::task::spawn_blocking(move || {
            if path.is_dir() {
                HfModel::load(&path, adapter.as_deref()).map(|m| Arc::new(m) as Arc<dyn Engine>)
            } else {
                Builtin::load(&path).map(|m| Arc::new(m) as Arc<dyn Engine>)
            }
        })
        .await
        .map_err(|e| Error::failed("serve.load", e.to_string()))??;
        let opts = ServeOptions {
            bind: SocketAddr::new(self.bind, self.port),
            model_id: model.id.clone(),
            aliases: model.aliases.clone(),
            max_body: self.max_body,
            max_concurrency: self.max_concurrency.unwrap_or(32),
            max_queue: self.max_queue,
            settle_every: self.settle_every,
            settle_interval: Duration::from_secs(self.settle_interval),
            served: Arc::new(Served::default()),
        };
        if !self.bind.is_loopback() {
            ctx.printer.warn(&format!(
                "serving on {} : reachable from the network",
                self.bind
            ));
        }
        let (etx, mut erx) = tokio::sync::mpsc::unbounded_channel::<ServeEvent>();
        let printer = ctx.printer.clone();
        let asset = pay.as_ref().map(|p| p.terms.asset());
        let printing = tokio::spawn(async move {
            while let Some(ev) = erx.recv().await {
                if printer.json {
                    printer.json_line(&ev);
                    continue;
                }
                let line = event_line(&ev, asset.as_ref());
                printer.essential(&ev, &line);
            }
        });
        let (sig_tx, sig_rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            shutdown_signal().await;
            let _ = sig_tx.send(());
        });
        let stats_of = (opts.model_id.clone(), pay.clone(), opts.served.clone());
        let stats_events = etx.clone();
        let stats_task = tokio::spawn(async move { stats_on_signal(stats_of, stats_events).await });
        let progress = ctx.printer.progress();
        let stats = crate::serve::run(
            engine,
            opts,
            pay,
            async move {
                let _ = sig_rx.await;
            },
            etx,
            progress,
        )
        .await;
        stats_task.abort();
        let _ = printing.await;
        let stats = stats?;
        // With --json the events were JSON Lines: the final stats are one more line, an event
        // like the others (`"event":"stopped"`) beside the stats' own keys.
        let served = serde_json::to_string(&stats).expect("stats serialize");
        let mut line = serde_json::to_value(&stats).expect("stats serialize");
        if let Some(o) = line.as_object_mut() {
            o.insert("event".into(), "stopped".into());
        }
        ctx.printer
            .last_line(&line, |_| format!("stopped; served: {served}"));
        Ok(())
    }
}

/// One server event as a line on a terminal.
fn event_line(ev: &ServeEvent, asset: Option<&crate::tokens::Asset>) -> String {
    let amount = |v: U256| match asset {
        Some(a) => a.format(v),
        None => v.to_string(),
    };
    match &ev {
        ServeEvent::Listening {
            address,
            model,
            paid,
        } => format!(
            "serving {model} on http://{address}/v1 ({})",
            if *paid { "paid by vouchers" } else { "free" }
        ),
        ServeEvent::Settled { settlement: s } => format!(
            "settled {} from {}: {} to the holders, {} fee (tx {:#x})",
            amount(s.paid),
            s.user,
            amount(s.to_holders),
            amount(s.fee),
            s.tx.tx_hash
        ),
        ServeEvent::SettleFailed { user, error } => {
            format!("settlement for {user} failed (retried next round): {error}")
        }
        ServeEvent::Stats { stats } => format!(
            "stats: {}",
            serde_json::to_string(stats).expect("stats serialize")
        ),
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Prints the stats on SIGUSR1 (`kill -USR1 PID`); they are also at `GET /v1/cohort/stats`.
async fn stats_on_signal(
    (model, pay, served): (String, Option<Arc<Payments>>, Arc<Served>),
    events: tokio::sync::mpsc::UnboundedSender<ServeEvent>,
) {
    #[cfg(unix)]
    {
        let Ok(mut usr1) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::user_defined1())
        else {
            return;
        };
        while usr1.recv().await.is_some() {
            let stats = ServerStats::of(&model, pay.as_deref(), &served);
            let _ = events.send(ServeEvent::Stats { stats });
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (model, pay, served, events);
    }
}

/// `cohort model query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The model token (symbol or address) or the name the provider serves.
    pub model: String,
    /// The provider's URL, e.g. http://127.0.0.1:8000
    #[arg(long, value_name = "URL")]
    pub provider: String,
    /// The prompt.
    #[arg(long)]
    pub prompt: String,
    /// Send it as a chat message (`/v1/chat/completions`).
    #[arg(long)]
    pub chat: bool,
    /// Most tokens to generate.
    #[arg(long, default_value_t = 32)]
    pub max_tokens: u64,
    /// No end of sequence before this many tokens (at most --max-tokens).
    #[arg(long, default_value_t = 0)]
    pub min_tokens: u64,
    /// Sampling temperature (0: greedy).
    #[arg(long)]
    pub temperature: Option<f64>,
    /// Seed for sampling (the same seed gives the same answer).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The most this query may add to what you owe the provider, in the asset it charges in.
    #[arg(long, value_name = "AMOUNT", default_value = "0.01")]
    pub max_spend: String,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl QueryArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        if self.min_tokens > self.max_tokens {
            return Err(Error::usage(
                "serve.min_tokens",
                format!(
                    "--min-tokens {} is more than --max-tokens {}",
                    self.min_tokens, self.max_tokens
                ),
            )
            .hint("raise --max-tokens or lower --min-tokens"));
        }
        let st = sclient::terms(&self.provider).await?;
        let charge_asset = st.terms.as_ref().map(|t| t.asset());
        let max_spend = parse_amount(
            &self.max_spend,
            charge_asset.as_ref().map(|a| a.decimals).unwrap_or(18),
        )?;
        let stream = !ctx.printer.json && std::io::IsTerminal::is_terminal(&std::io::stdout());
        let q = Query {
            // A paid server's model is checked below against the token the name resolves to; a
            // free one checks the name itself (404 `model_not_found` for one it does not serve).
            model: if st.paid {
                st.model.clone()
            } else {
                self.model.clone()
            },
            prompt: self.prompt.clone(),
            chat: self.chat,
            max_tokens: self.max_tokens,
            min_tokens: self.min_tokens,
            temperature: self.temperature,
            seed: self.seed,
            stream,
        };
        let mut printed = false;
        let mut on_piece = |p: &str| {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(crate::ui::terminal_safe(p).as_bytes());
            let _ = out.flush();
            printed = true;
        };
        let answer = if st.paid {
            let terms = st
                .terms
                .clone()
                .ok_or_else(|| Error::failed("serve.bad_terms", "a paid server sent no terms"))?;
            let client = ctx.client()?;
            let chain = client.chain().await?;
            let token = match client.profile.contract("model_token_factory") {
                Ok(f) => crate::tokens::resolve(&chain, f, &self.model)
                    .await
                    .ok()
                    .map(|m| m.token),
                Err(_) => None,
            };
            if token.is_none() && !self.model.eq_ignore_ascii_case(&st.model) {
                return Err(Error::usage(
                    "model.unknown",
                    format!("no model token named '{}'", self.model),
                )
                .hint("name the model by symbol, address or job id; see `cohort model list`"));
            }
            sclient::check_terms(
                &terms,
                client.profile.contract("usage_ledger").ok(),
                Some(chain.chain_id),
                token,
            )?;
            let key = ctx.key(&client, &self.signer)?;
            let payer = Payer {
                chain: &chain,
                key: &key,
                terms: &terms,
                max_spend,
            };
            sclient::query(&self.provider, &q, Some(payer), &mut on_piece).await?
        } else {
            sclient::query(&self.provider, &q, None, &mut on_piece).await?
        };
        if printed {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), b"\n");
            if answer.charged > U256::ZERO {
                ctx.printer.note(&format!(
                    "charged {} ({} tokens)",
                    charge_asset
                        .as_ref()
                        .map(|a| a.format(answer.charged))
                        .unwrap_or_else(|| answer.charged.to_string()),
                    answer.prompt_tokens + answer.completion_tokens
                ));
            }
            return Ok(());
        }
        ctx.printer.result(&answer, |a| a.text.clone());
        Ok(())
    }
}

/// `cohort model settle`.
#[derive(Debug, Args)]
pub struct SettleArgs {
    /// Vouchers to settle: the header values (JSON), or @FILE with one per line. Default: the
    /// unsettled vouchers `cohort model serve` kept in this home (`serve/vouchers-*.jsonl`) that
    /// pay this wallet on this profile's ledger (other files are skipped with a note).
    #[arg(long = "voucher", value_name = "VOUCHER|@FILE")]
    pub vouchers: Vec<String>,
    #[command(flatten)]
    pub signer: SignerOpts,
}

impl SettleArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        // Each voucher with the vouchers file it came from when none was named: the home's
        // files of other providers (or another chain's ledger) are skipped with a note, those
        // named with --voucher must all be this wallet's.
        let mut vs: Vec<(Option<String>, SignedVoucher)> = Vec::new();
        let mut sources = self.vouchers.clone();
        let from_home = sources.is_empty();
        if from_home {
            let dir = vouchers_dir(ctx);
            if let Ok(rd) = std::fs::read_dir(&dir) {
                let mut files: Vec<PathBuf> = rd
                    .flatten()
                    .filter(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.starts_with("vouchers-") && name.ends_with(".jsonl")
                    })
                    .map(|e| e.path())
                    .collect();
                files.sort();
                sources.extend(files.iter().map(|f| format!("@{}", f.display())));
            }
        }
        for v in &sources {
            let text = match v.strip_prefix('@') {
                Some(f) => std::fs::read_to_string(f).map_err(|e| {
                    Error::usage(
                        "usage.no_voucher_file",
                        format!("cannot read the vouchers file {f}: {e}"),
                    )
                    .hint(
                        "give --voucher @FILE of a file that exists, or the voucher's JSON itself",
                    )
                })?,
                None => v.clone(),
            };
            let file = v
                .strip_prefix('@')
                .filter(|_| from_home)
                .map(str::to_string);
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                // The server's vouchers file adds what it charged (`spent`) to each voucher.
                vs.push((
                    file.clone(),
                    crate::serve::pay::parse_kept(line)
                        .map_err(|p| Error::usage("usage.bad_voucher", p.message()))?
                        .0,
                ));
            }
        }
        let client = ctx.client()?;
        let chain = client.chain().await?;
        let ledger = usage::open(&chain, ledger_address(&client)?).await?;
        let s = ctx.signer(&client, &chain, &self.signer)?;
        // The home's files of other providers (or another chain's ledger) are skipped with a
        // note; a voucher named with --voucher that this wallet cannot settle is refused before
        // anything is sent.
        let foreign = |v: &SignedVoucher| {
            v.provider != s.address || v.ledger != ledger.address || v.chain_id != chain.chain_id
        };
        // What a foreign voucher is for instead: whether it pays another provider, and that
        // provider or ledger.
        let whose = |v: &SignedVoucher| {
            if v.provider != s.address {
                (
                    true,
                    format!("provider {}, not this wallet ({})", v.provider, s.address),
                )
            } else {
                (
                    false,
                    format!(
                        "ledger {} on chain {}, not this profile's",
                        v.ledger, v.chain_id
                    ),
                )
            }
        };
        if let Some((_, v)) = vs.iter().find(|(f, v)| f.is_none() && foreign(v)) {
            let (pays, what) = whose(v);
            return Err(Error::usage(
                "usage.not_provider",
                format!(
                    "the voucher of {} {} {what}: this wallet cannot settle it",
                    v.user,
                    if pays { "pays" } else { "is for" }
                ),
            )
            .hint(
                "settle it with the provider's wallet (--wallet) on the profile of its chain \
                 (--profile), or leave it out",
            ));
        }
        let progress = ctx.printer.progress();
        // Amounts in each voucher's asset (read once per asset).
        let mut assets: std::collections::HashMap<
            alloy::primitives::Address,
            crate::tokens::Asset,
        > = Default::default();
        // The home's files skipped (noted once each).
        let mut skipped: std::collections::BTreeSet<String> = Default::default();
        let mut out = usage::Settlements::default();
        for (file, v) in vs {
            if let Some(f) = file.filter(|_| foreign(&v)) {
                if skipped.insert(f.clone()) {
                    let (pays, what) = whose(&v);
                    let verb = if pays { "pay" } else { "are for" };
                    ctx.printer
                        .note(&format!("skipping {f}: its vouchers {verb} {what}"));
                }
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = assets.entry(v.asset) {
                e.insert(crate::tokens::asset_info(&chain, v.asset).await?);
            }
            let unit = &assets[&v.asset];
            // Each user on their own: one that cannot pay now, or whose settlement fails, does
            // not keep the provider's other users unpaid.
            let r = usage::settle_due(&s, &ledger, &v, unit, progress.as_ref()).await;
            match &r {
                Ok(usage::Outcome::Skipped(k)) => ctx.printer.note(&k.message),
                Ok(usage::Outcome::Settled(d)) if !d.unpaid.is_zero() => {
                    ctx.printer.note(&format!(
                        "{}: the deposit covered {} of the {} owed; the rest stays owed on \
                         the channel (settle again after they deposit more)",
                        d.user,
                        unit.format(d.paid),
                        unit.format(d.paid + d.unpaid)
                    ))
                }
                // A failure is reported with the result, and is the exit code.
                Ok(_) | Err(_) => {}
            }
            out.record(&v, r);
        }
        ctx.printer.result(&out, |r| {
            if r.nothing_to_settle {
                return "nothing to settle".to_string();
            }
            let f = |asset: &alloy::primitives::Address, v| match assets.get(asset) {
                Some(a) => a.format(v),
                None => format!("{v} base units"),
            };
            let mut lines: Vec<String> = r
                .settlements
                .iter()
                .map(|s| {
                    format!(
                        "{}settled {} from {}: {} to the holders, {} fee (tx {:#x})",
                        if s.resumed {
                            "an earlier run's settlement landed, nothing was sent again: "
                        } else {
                            ""
                        },
                        f(&s.asset, s.paid),
                        s.user,
                        f(&s.asset, s.to_holders),
                        f(&s.asset, s.fee),
                        s.tx.tx_hash
                    )
                })
                .collect();
            lines.extend(
                r.failed
                    .iter()
                    .map(|x| format!("FAILED {}: {}", x.user, x.message)),
            );
            lines.join("\n")
        });
        if let Some(first) = out.failed.first() {
            let n = out.failed.len();
            let total = n + out.settlements.len();
            let mut e = Error::new(
                first.error.kind,
                first.error.code.clone(),
                format!(
                    "{n} of {total} settlements failed; the first, of {}: {}",
                    first.user, first.error.message
                ),
            );
            e.causes = first.error.causes.clone();
            e.revert = first.error.revert.clone();
            return Err(e.hint(match &first.error.hint {
                Some(h) => format!(
                    "{h}; then run the same command again: what was settled is not paid twice"
                ),
                None => "run the same command again: what was settled is not paid twice".into(),
            }));
        }
        Ok(())
    }
}
