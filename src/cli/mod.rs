//! The command line: argument structs (clap derive) and rendering. The work is in the library.

pub mod completions;
mod config;
mod dataset;
mod deploy;
mod devnet;
mod indexer;
mod job;
mod model;
mod model_download;
mod model_lora;
mod model_token;
mod node;
pub mod opts;
mod quickstart;
mod rewards;
mod serve;
mod storage;
mod train;
mod usage;
mod verify;
mod wallet;
mod worker;

use clap::{CommandFactory, Parser, Subcommand};

use crate::config::{Overrides, Paths};
use crate::error::{Error, Result};
use crate::ui::Printer;
pub use opts::GlobalArgs;

const ENV_HELP: &str = "\
Environment variables:
  COHORT_HOME           folder for all of cohort's files: config.toml, keystores/, pending-tx/,
                        cache/, datasets/, deploy/, devnet/, worker/, coordinator/, audit/,
                        serve/, quickstart/, tools/ (the README says what each holds)
  COHORT_PROFILE        profile to use (--profile)
  COHORT_RPC_URL        chain RPC URL (--rpc-url)
  COHORT_STORAGE_NODES  storage node URLs, comma-separated (--storage-node)
  COHORT_INDEXER        0G indexer URL that finds the storage nodes (--indexer)
  COHORT_WALLET         wallet that signs (--wallet)
  COHORT_PASSWORD_FILE  file holding the wallet password (--password-file)
  COHORT_PASSWORD       the wallet password itself (unsafe: visible to other processes)
  COHORT_ANVIL          path to the anvil binary for `cohort devnet`
  COHORT_LOG            log filter for -v output, e.g. cohort=debug

Exit codes:
  0 success · 1 operation failed · 2 usage or configuration error · 3 endpoint unreachable
  4 transaction reverted or funds short · 5 verification failed · 6 wallet or password problem
  130 interrupted

Examples:
  cohort devnet up                  start a local chain and storage, deploy the contracts
  cohort devnet status --json       endpoints and contract addresses as JSON
  cohort config show                the active profile
";

// The examples each command group's `--help` ends with.
const WALLET_EXAMPLES: &str = "\
Examples:
  cohort wallet new alice
  cohort wallet list
  cohort wallet balance alice
  cohort wallet send 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 0.5 --wallet alice
";

const DATASET_EXAMPLES: &str = "\
Examples:
  cohort dataset create shakespeare --description \"Complete works\" --license CC0-1.0
  cohort dataset upload shakespeare ./plays
  cohort dataset review shakespeare --all-pending --accept --score 50
  cohort dataset seal shakespeare
  cohort dataset download shakespeare -o ./shakespeare
";

const STORAGE_EXAMPLES: &str = "\
Examples:
  cohort storage upload data.jsonl
  cohort storage download 0x71bf…26ba -o data.bin
  cohort storage info 0x71bf…26ba --json
";

const JOB_EXAMPLES: &str = "\
Examples:
  cohort job submit fixtures/jobs/tiny.toml --dry-run
  cohort job list --open
  cohort job watch 1 --json
  cohort job coordinate 1 --min-workers 2
";

const WORKER_EXAMPLES: &str = "\
Examples:
  cohort worker register --name rig-1 --wallet alice
  cohort worker run --job 1 --wallet alice
  cohort worker earnings --wallet alice
  cohort worker withdraw --wallet alice
";

const MODEL_EXAMPLES: &str = "\
Examples:
  cohort model tokenize 1 --name \"News Model\" --symbol NEWS --supply 1000000
  cohort model show NEWS
  cohort model download 1 -o models/job-1
  cohort model serve NEWS --price 0.0001 --wallet provider
  cohort model query NEWS --provider http://127.0.0.1:8000 --prompt \"ROMEO:\"
";

const REWARDS_EXAMPLES: &str = "\
Examples:
  cohort rewards list
  cohort rewards claim --all
  cohort rewards deposit NEWS 1.5
";

const USAGE_EXAMPLES: &str = "\
Examples:
  cohort usage deposit --amount 0.05
  cohort usage balance --provider http://127.0.0.1:8000
  cohort usage withdraw --amount 0.02
";

const DEVNET_EXAMPLES: &str = "\
Examples:
  cohort devnet up
  cohort devnet status --json
  cohort devnet down
  cohort devnet reset --yes
";

const NODE_EXAMPLES: &str = "\
Examples:
  cohort node run --data-dir ./node0 --rpc 127.0.0.1:5678
";

const INDEXER_EXAMPLES: &str = "\
Examples:
  cohort indexer run --rpc 127.0.0.1:12345 --node http://127.0.0.1:5678 --node http://127.0.0.1:5679
";

const CONFIG_EXAMPLES: &str = "\
Examples:
  cohort config show
  cohort config profiles --json
  cohort config add galileo --preset galileo
  cohort config use galileo
  cohort config set default_wallet alice
";

/// cohort: build AI expert models together. Upload datasets to decentralized storage, pool
/// GPUs to train models, tokenize them and share what they earn, all verifiable on chain.
#[derive(Debug, Parser)]
#[command(name = "cohort", version, about, long_about = None, after_long_help = ENV_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole lifecycle on the local devnet in one command: data, training, token, rewards.
    ///
    /// Example: cohort quickstart
    Quickstart(quickstart::QuickstartArgs),
    /// Keystore wallets, passwords, balances, transfers and signatures.
    #[command(subcommand, after_long_help = WALLET_EXAMPLES)]
    Wallet(wallet::WalletCommand),
    /// Community datasets: create, upload, review, seal, download, verify.
    #[command(subcommand, after_long_help = DATASET_EXAMPLES)]
    Dataset(dataset::DatasetCommand),
    /// Store and fetch files on 0G-compatible storage nodes: upload, download, info, root.
    #[command(subcommand, after_long_help = STORAGE_EXAMPLES)]
    Storage(storage::StorageCommand),
    Train(train::TrainArgs),
    /// Training jobs: submit, list, show, watch, cancel, coordinate, close rounds and audit.
    #[command(subcommand, after_long_help = JOB_EXAMPLES)]
    Job(job::JobCommand),
    /// Workers: register this machine, work on jobs, earnings and withdrawals.
    #[command(subcommand, after_long_help = WORKER_EXAMPLES)]
    Worker(worker::WorkerCommand),
    /// Models: evaluate, sample, merge, average, verify, download, upload bases, tokenize, list,
    /// show, holders, allocations; serve, query and settle paid use.
    #[command(subcommand, after_long_help = MODEL_EXAMPLES)]
    Model(model::ModelCommand),
    /// Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit.
    #[command(subcommand, after_long_help = REWARDS_EXAMPLES)]
    Rewards(rewards::RewardsCommand),
    /// Recompute a model's whole history from chain and storage; exit 5 naming the first
    /// link that does not hold.
    ///
    /// Example: cohort verify 1 --deep
    Verify(verify::VerifyArgs),
    /// Pay-per-use: your deposit on the usage ledger and vouchers for model servers.
    #[command(subcommand, after_long_help = USAGE_EXAMPLES)]
    Usage(usage::UsageCommand),
    /// Run a local chain, the contracts and storage nodes on this machine.
    #[command(subcommand, after_long_help = DEVNET_EXAMPLES)]
    Devnet(devnet::DevnetCommand),
    /// Run a 0G-compatible storage node.
    #[command(subcommand, after_long_help = NODE_EXAMPLES)]
    Node(node::NodeCommand),
    /// Run a 0G indexer that lists a set of storage nodes to clients.
    #[command(subcommand, after_long_help = INDEXER_EXAMPLES)]
    Indexer(indexer::IndexerCommand),
    /// Deploy the contract suite to the active profile's chain.
    ///
    /// Example: cohort --profile galileo deploy --skip-storage --wallet alice
    Deploy(deploy::DeployArgs),
    /// Show and edit profiles and settings.
    #[command(subcommand, after_long_help = CONFIG_EXAMPLES)]
    Config(config::ConfigCommand),
    /// Print shell completions.
    Completions(completions::CompletionsArgs),
}

/// What every command gets: the printer, the paths and the global flags.
pub struct Ctx {
    pub printer: Printer,
    pub paths: Paths,
    pub global: GlobalArgs,
}

impl Ctx {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            profile: self.global.profile.clone(),
            rpc_url: self.global.rpc_url.clone(),
            storage_nodes: self.global.storage_nodes.clone(),
            indexer: self.global.indexer.clone(),
            wallet: None,
        }
    }

    /// The client for the active profile.
    pub fn client(&self) -> Result<crate::client::Client> {
        crate::client::Client::load(self.paths.clone(), &self.overrides())
    }

    /// The key that signs, from `--wallet`/`--private-key-env`/the profile (prompting for the
    /// password only where the flags and env vars do not answer).
    pub fn key(
        &self,
        client: &crate::client::Client,
        opts: &opts::SignerOpts,
    ) -> Result<alloy::signers::local::PrivateKeySigner> {
        crate::wallet::load_signer(&self.paths, &client.profile, &opts.source())
    }

    /// `chain` with the signing key attached: the one way commands get a signer.
    pub fn signer(
        &self,
        client: &crate::client::Client,
        chain: &crate::chain::Chain,
        opts: &opts::SignerOpts,
    ) -> Result<crate::chain::SignerChain> {
        Ok(chain
            .with_signer(self.key(client, opts)?)?
            .with_pending_dir(self.paths.pending_tx()))
    }

    /// The chain as the selected wallet for a plan (a dry run, or `job submit` before it sends):
    /// the wallet's address without unlocking it (a keystore's `address` field), and whether it
    /// holds the wallet's key. Without the key, the key attached is a throwaway one that signs
    /// nothing: a plan only estimates gas from that address and reads the chain. A keystore
    /// without an `address` field is unlocked (then the key is the wallet's).
    pub fn planner(
        &self,
        client: &crate::client::Client,
        chain: &crate::chain::Chain,
        opts: &opts::SignerOpts,
    ) -> Result<(crate::chain::SignerChain, bool)> {
        let address = match self.signer_address(client, opts) {
            Ok(a) => a,
            Err(e) if e.code == "wallet.no_address" => {
                return Ok((self.signer(client, chain, opts)?, true));
            }
            Err(e) => return Err(e),
        };
        let throwaway = alloy::signers::local::PrivateKeySigner::random_with(
            &mut crate::wallet::keystore::OsRng06,
        );
        let mut s = chain.with_signer(throwaway)?;
        s.address = address;
        Ok((s.with_pending_dir(self.paths.pending_tx()), false))
    }

    /// The address that would sign, without unlocking a keystore.
    pub fn signer_address(
        &self,
        client: &crate::client::Client,
        opts: &opts::SignerOpts,
    ) -> Result<alloy::primitives::Address> {
        crate::wallet::signer_address(&self.paths, &client.profile, &opts.source())
    }
}

/// An address as text shows it: EIP-55 checksummed, where JSON keeps lowercase hex. A string
/// that is no address is shown as it is.
pub(crate) fn checksummed(s: &str) -> String {
    s.parse::<alloy::primitives::Address>()
        .map_or_else(|_| s.to_string(), |a| a.to_checksum(None))
}

/// The clap command tree (for completions and man pages).
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses the command line, runs the command and returns the exit code.
pub fn main() -> i32 {
    // Nothing cohort creates is writable by other users, whatever the umask: another local user
    // could otherwise swap a profile, a keystore folder or the records that prevent paying twice.
    // SAFETY: umask only swaps the process's file mode mask; no other thread exists yet.
    unsafe {
        let mask = libc::umask(0o022);
        libc::umask(mask | 0o022);
    }
    // A variable set to nothing is no setting (`COHORT_PROFILE= cohort …`, `NO_COLOR=` as
    // no-color.org says), not an empty profile name, password file or node list.
    for (k, v) in std::env::vars_os() {
        if v.is_empty() && (k == "NO_COLOR" || k.to_string_lossy().starts_with("COHORT_")) {
            // SAFETY: no other thread exists yet, so nothing reads the environment meanwhile.
            unsafe { std::env::remove_var(&k) };
        }
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match parse(&args) {
        Ok(c) => c,
        Err(e) => return argument_error(e, &args),
    };
    let printer = cli.global.printer();
    let json_progress =
        cli.global.progress == crate::ui::ProgressMode::Json && !cli.global.no_progress;
    init_logging(
        cli.global.verbose,
        printer.color(),
        json_progress || cli.global.json,
    );
    let paths = match Paths::resolve() {
        Ok(p) => p,
        Err(e) => {
            printer.error(&e);
            return e.exit_code();
        }
    };
    let ctx = Ctx {
        printer: printer.clone(),
        paths,
        global: cli.global.clone(),
    };
    if matches!(
        cli.command,
        Command::Train(_)
            | Command::Job(_)
            | Command::Worker(_)
            | Command::Model(_)
            | Command::Verify(_)
            | Command::Quickstart(_)
    ) {
        crate::trainer::one_malloc_arena();
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    // `model serve` handles Ctrl-C itself: it stops accepting, then settles what is due; `node
    // run` and `indexer run` stop on it as on SIGTERM, with their report.
    let own_interrupt = matches!(
        &cli.command,
        Command::Model(model::ModelCommand::Serve(_)) | Command::Node(_) | Command::Indexer(_)
    );
    let result = rt.block_on(async {
        if own_interrupt {
            return run(&ctx, cli.command).await;
        }
        tokio::select! {
            r = run(&ctx, cli.command) => r,
            _ = tokio::signal::ctrl_c() => Err(Error::interrupted()),
        }
    });
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    // A result that never reached stdout is no success.
    let result = result.and_then(|()| crate::ui::stdout_failure().map_or(Ok(()), Err));
    match result {
        Ok(()) => 0,
        Err(e) => {
            printer.error(&e);
            e.exit_code()
        }
    }
}

/// Parses the command line as `Cli::try_parse` does, with clap's errors and help coloured as
/// `--color` says: clap writes them before cohort's flags exist, so the flag is read from the raw
/// arguments first (`NO_COLOR` and a terminal decide `auto`, as everywhere).
fn parse(args: &[std::ffi::OsString]) -> std::result::Result<Cli, clap::Error> {
    use clap::FromArgMatches as _;
    let mut cmd = Cli::command();
    cmd = match raw_color(args) {
        Some(crate::ui::ColorChoice::Never) => cmd.color(clap::ColorChoice::Never),
        Some(crate::ui::ColorChoice::Always) => cmd.color(clap::ColorChoice::Always),
        _ => cmd,
    };
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The raw arguments that are flags: those after the program name and before `--`.
fn raw_flags(args: &[std::ffi::OsString]) -> impl Iterator<Item = &str> {
    args.iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .take_while(|a| *a != "--")
}

/// The last valid `--color WHEN` / `--color=WHEN` of the raw arguments.
fn raw_color(args: &[std::ffi::OsString]) -> Option<crate::ui::ColorChoice> {
    use clap::ValueEnum as _;
    let mut flags = raw_flags(args);
    let mut last = None;
    while let Some(a) = flags.next() {
        let value = match a.strip_prefix("--color") {
            Some("") => flags.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(c) = value.and_then(|v| crate::ui::ColorChoice::from_str(v, false).ok()) {
            last = Some(c);
        }
    }
    last
}

/// Whether the raw arguments ask for JSON: `--json`, or `--json=VALUE` (which clap refuses, the
/// flag taking no value) with a VALUE that does not say no (`false`, `0`, `no`, `off`).
fn raw_json(args: &[std::ffi::OsString]) -> bool {
    raw_flags(args).any(|a| match a.strip_prefix("--json") {
        Some("") => true,
        Some(v) => v.strip_prefix('=').is_some_and(|v| {
            !matches!(
                v.to_ascii_lowercase().as_str(),
                "false" | "0" | "no" | "off"
            )
        }),
        None => false,
    })
}

/// Reports an argument error: clap's own text, or under `--json` the documented JSON error
/// object on stderr. Help prints as clap prints it; the version with `--json` as
/// `{"version":"…"}` on stdout.
fn argument_error(e: clap::Error, args: &[std::ffi::OsString]) -> i32 {
    use clap::error::ErrorKind as K;
    let json = raw_json(args);
    let printer = Printer::new(
        true,
        false,
        0,
        false,
        crate::ui::ProgressMode::None,
        crate::ui::ColorChoice::Never,
    );
    if json && e.kind() == K::DisplayVersion {
        let version = serde_json::json!({ "version": env!("CARGO_PKG_VERSION") });
        printer.result(&version, |_| String::new());
        return 0;
    }
    if !json || e.kind() == K::DisplayHelp {
        let code = e.exit_code();
        let _ = e.print();
        return code;
    }
    let err = from_clap(&e);
    printer.error(&err);
    err.exit_code()
}

/// clap's error as cohort's: exit 2, the first line (with the arguments it lists) as the
/// message, clap's tips as the hint.
fn from_clap(e: &clap::Error) -> Error {
    if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return Error::usage("usage.missing", "a subcommand is required")
            .hint("run the command with --help to see its subcommands");
    }
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // "the following required arguments were not provided:" lists them on the indented lines
    // below it: they belong in the message.
    if message.ends_with(':') {
        let listed: Vec<&str> = text
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with(' ') && !l.trim().is_empty())
            .map(str::trim)
            .collect();
        if !listed.is_empty() {
            message = format!("{message} {}", listed.join(", "));
            lines.nth(listed.len() - 1);
        }
    }
    let mut hint = None;
    let mut causes = Vec::new();
    for l in lines {
        if let Some(t) = l.strip_prefix("tip: ") {
            hint = Some(t.to_string());
        } else if l.starts_with("For more information") {
            hint.get_or_insert_with(|| "see the command's --help".to_string());
        } else {
            causes.push(l.to_string());
        }
    }
    let code = match e.kind() {
        clap::error::ErrorKind::UnknownArgument => "usage.unknown_argument",
        clap::error::ErrorKind::InvalidValue | clap::error::ErrorKind::ValueValidation => {
            "usage.invalid_value"
        }
        clap::error::ErrorKind::MissingRequiredArgument
        | clap::error::ErrorKind::MissingSubcommand
        | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "usage.missing",
        _ => "usage.arguments",
    };
    let mut err = Error::usage(code, message);
    for c in causes {
        err = err.cause(c);
    }
    match hint {
        Some(h) => err.hint(h),
        None => err,
    }
}

/// Log lines go to stderr: plain text, or with `--json` or `--progress json` (whose stderr
/// carries JSON objects only) one `{"type":"note","data":{"level":"warn","message":…}}` event
/// each.
fn init_logging(verbose: u8, color: bool, json_lines: bool) {
    let default = match verbose {
        0 => "warn",
        1 => "cohort=info",
        2 => "cohort=debug",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env(crate::env::COHORT_LOG)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let fmt = tracing_subscriber::fmt()
        .with_env_filter(filter)
        // Every line through the URL redactor: no API key from --rpc-url in -v logs.
        .with_writer(crate::redact::Stderr)
        .with_target(false)
        .with_ansi(color && !json_lines);
    let _ = if json_lines {
        fmt.event_format(JsonNote).try_init()
    } else {
        fmt.try_init()
    };
}

/// A log event as a `--progress json` note event.
struct JsonNote;

impl<S, N> tracing_subscriber::fmt::FormatEvent<S, N> for JsonNote
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    N: for<'a> tracing_subscriber::fmt::FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &tracing_subscriber::fmt::FmtContext<'_, S, N>,
        mut writer: tracing_subscriber::fmt::format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        use tracing_subscriber::fmt::FormatFields as _;
        let mut message = String::new();
        ctx.format_fields(
            tracing_subscriber::fmt::format::Writer::new(&mut message),
            event,
        )?;
        let level = event.metadata().level().as_str().to_ascii_lowercase();
        let note =
            serde_json::json!({"type": "note", "data": {"level": level, "message": message}});
        writeln!(writer, "{note}")
    }
}

async fn run(ctx: &Ctx, command: Command) -> Result<()> {
    match command {
        Command::Quickstart(c) => c.run(ctx).await,
        Command::Config(c) => c.run(ctx),
        Command::Devnet(c) => c.run(ctx).await,
        Command::Deploy(c) => c.run(ctx).await,
        Command::Node(c) => c.run(ctx).await,
        Command::Indexer(c) => c.run(ctx).await,
        Command::Wallet(c) => c.run(ctx).await,
        Command::Dataset(c) => c.run(ctx).await,
        Command::Train(c) => c.run(ctx).await,
        Command::Job(c) => c.run(ctx).await,
        Command::Worker(c) => c.run(ctx).await,
        Command::Model(c) => c.run(ctx).await,
        Command::Rewards(c) => c.run(ctx).await,
        Command::Usage(c) => c.run(ctx).await,
        Command::Storage(c) => c.run(ctx).await,
        Command::Verify(c) => c.run(ctx).await,
        Command::Completions(c) => c.run(ctx),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_tree_is_consistent() {
        super::command().debug_assert();
    }

    /// Every command that writes a file or folder takes `--out` and `--output` (and `-o`)
    /// alike: the other spelling is no argument error.
    #[test]
    fn out_and_output_are_both_taken_wherever_one_is() {
        use clap::Parser as _;
        let cases: [&[&str]; 6] = [
            &["storage", "download", "0x01"],
            &["dataset", "download", "d"],
            &["model", "download", "1"],
            &["model", "merge", "base", "adapter"],
            &["model", "average", "a.safetensors", "b.safetensors"],
            &["train", "--data", "d", "--config", "c.toml"],
        ];
        for args in cases {
            for flag in ["--out", "--output", "-o"] {
                let argv = [&["cohort"][..], args, &[flag, "x"]].concat();
                if let Err(e) = super::Cli::try_parse_from(&argv) {
                    panic!("{argv:?}: {e}");
                }
            }
        }
    }

    /// Every command's long help keeps its examples one to a line: a line with "Examples:" ends
    /// there and the examples follow, indented (clap joins a doc comment's lines into one
    /// paragraph unless the command takes it verbatim). `cohort train --help` shows its own.
    #[test]
    fn examples_in_help_stay_one_to_a_line() {
        fn walk(
            cmd: &mut clap::Command,
            path: &str,
            bad: &mut Vec<String>,
            helps: &mut Vec<String>,
        ) {
            let help = cmd.render_long_help().to_string();
            let lines: Vec<&str> = help.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let line = line.trim_end();
                let block = line.ends_with("Examples:") || line.ends_with("Example:");
                if line.contains("Examples:") && !block {
                    bad.push(format!("`{path}`: {line}"));
                }
                if block && !lines.get(i + 1).is_some_and(|n| n.starts_with("  ")) {
                    bad.push(format!("`{path}`: nothing indented after {line:?}"));
                }
            }
            helps.push(format!("{path}\n{help}"));
            for sub in cmd.get_subcommands_mut() {
                let name = format!("{path} {}", sub.get_name());
                walk(sub, &name, bad, helps);
            }
        }
        let mut cmd = super::command();
        cmd.build();
        let (mut bad, mut helps) = (Vec::new(), Vec::new());
        walk(&mut cmd, "cohort", &mut bad, &mut helps);
        assert!(
            bad.is_empty(),
            "examples joined into a paragraph:\n{}",
            bad.join("\n")
        );
        let train = helps
            .iter()
            .find(|h| h.starts_with("cohort train\n"))
            .unwrap();
        assert!(
            train.contains("\n  cohort train --data fixtures/corpus"),
            "{train}"
        );
        assert!(helps.len() > 80, "{} commands", helps.len());
    }
}
