//! `cohort quickstart`: the whole lifecycle on the local devnet in one command.

use clap::Args;

use super::Ctx;
use crate::error::{Error, Result};
use crate::quickstart::{self, Options, Report};
use crate::ui::table;

#[derive(Debug, Args)]
pub struct QuickstartArgs {
    /// anvil's port if the devnet has to be started (0 picks a free one).
    #[arg(long, default_value_t = 8545)]
    pub port: u16,
    /// Training rounds of the demo job.
    #[arg(long, default_value_t = 2)]
    pub rounds: u32,
    /// Training steps per worker per round.
    #[arg(long, default_value_t = 60)]
    pub steps: u64,
    /// Make the demo job require a GPU: the workers train on CUDA and the coordinator
    /// re-executes on the GPU (needs a cohort built with `--features cuda`).
    #[arg(long)]
    pub gpu: bool,
    /// Fine-tune an open-weight model instead: a `lora` job on the committed tiny Qwen2 model
    /// (its base model uploaded to storage first), served with its adapter.
    #[arg(long)]
    pub lora: bool,
}

fn eth(wei: &str) -> String {
    let v = wei.parse::<alloy::primitives::U256>().unwrap_or_default();
    format!("{} ETH", crate::chain::units::format_amount(v, 18))
}

fn render(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\nThe cohort built model {} (job {}, token {} at {}) from dataset {} in {:.0} s.\n",
        r.symbol, r.job_id, r.symbol, r.token, r.dataset, r.seconds
    ));
    if let Some(b) = &r.base_model_root {
        out.push_str(&format!(
            "Trainer: lora adapters on the base model {b} (averaged A and B per round)\n"
        ));
    }
    if !r.validation_loss_by_round.is_empty() {
        let l: Vec<String> = r
            .validation_loss_by_round
            .iter()
            .map(|l| format!("{l:.3}"))
            .collect();
        out.push_str(&format!("Validation loss by round: {}\n", l.join(" → ")));
    }
    let u = &r.paid_usage;
    out.push_str(&format!(
        "Served at {}: {} paid queries, {} tokens; settled {} ({} to the holders, {} provider fee)\n",
        u.provider_url,
        u.queries,
        u.tokens,
        eth(&u.settled_wei),
        eth(&u.to_holders_wei),
        eth(&u.fee_wei)
    ));
    out.push_str(&format!(
        "Revenue paid into {}: {}; claimed by its holders: {}\n",
        r.symbol,
        eth(&r.revenue_deposited_wei),
        eth(&r.revenue_claimed_wei)
    ));
    out.push_str(&format!(
        "(the table counts {} revenue and job {} pay only; other models' revenue, refunds and bonds that `rewards claim --all` also paid are left out)\n\n",
        r.symbol, r.job_id
    ));
    let revenue = format!("{} REVENUE CLAIMED", r.symbol);
    let pay = format!("JOB {} PAY", r.job_id);
    out.push_str(&table::render(
        &[
            "MEMBER",
            "ROLE",
            "CONTRIBUTED",
            "TOKENS",
            "SHARE",
            revenue.as_str(),
            pay.as_str(),
            "CLAIM",
        ],
        r.members.iter().map(|m| {
            vec![
                m.name.clone(),
                m.role.clone(),
                m.contributed.clone(),
                m.tokens.clone(),
                format!("{:.2}%", m.share_percent),
                eth(&m.revenue_claimed_wei),
                eth(&m.training_paid_wei),
                if m.claim_ok {
                    "ok".into()
                } else {
                    "FAILED".into()
                },
            ]
        }),
    ));
    out.push_str(&format!(
        "\n\nSample from the model (prompt {:?}):\n{}{}\n",
        r.sample_prompt, r.sample_prompt, r.sample
    ));
    let pw = r.password_file.display();
    out.push_str(&format!(
        "\nThe members' wallets (qs-curator, qs-alice, …) share the password in {pw}: run the steps above by hand with it, e.g. `cohort wallet sign hi --wallet qs-alice --password-file {pw}` (or set COHORT_PASSWORD_FILE).\n"
    ));
    out
}

impl QuickstartArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        if self.gpu && !cfg!(feature = "cuda") {
            return Err(Error::usage(
                "quickstart.no_cuda",
                "--gpu trains on CUDA, but this cohort was built without CUDA support",
            )
            .hint(format!(
                "{}, or drop --gpu",
                crate::trainer::REINSTALL_WITH_CUDA
            )));
        }
        // Every step runs on the local devnet's `local` profile (it funds the members from
        // anvil's dev accounts): another profile is refused, not silently ignored.
        if let Some(name) = ctx
            .global
            .profile
            .as_deref()
            .filter(|n| *n != crate::config::LOCAL_PROFILE)
        {
            return Err(Error::usage(
                "quickstart.local_only",
                format!(
                    "the quickstart runs on the local devnet (profile '{}'), not on profile '{name}'",
                    crate::config::LOCAL_PROFILE
                ),
            )
            .hint(format!(
                "drop --profile {name} (and unset {}); on another network run its steps by hand (README \"A tour, by kind of user\")",
                crate::env::COHORT_PROFILE
            )));
        }
        let exe = std::env::current_exe().map_err(|e| {
            Error::failed(
                "quickstart.exe",
                format!("cannot find the cohort binary: {e}"),
            )
        })?;
        let opts = Options {
            port: self.port,
            rounds: self.rounds,
            steps: self.steps,
            gpu: self.gpu,
            lora: self.lora,
            verbose: ctx.global.verbose > 0,
        };
        // Step notes go to stderr unless --quiet; the summary is the result.
        let progress = ctx.printer.progress();
        let report = quickstart::run(&ctx.paths, &exe, &opts, progress.as_ref()).await?;
        let failed = report.members.iter().filter(|m| !m.claim_ok).count();
        ctx.printer.result(&report, render);
        if failed > 0 {
            return Err(Error::failed(
                "quickstart.claims",
                format!("{failed} claim(s) failed"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summary says where the members' wallet password is and how to pass it, on the
    /// screen and in JSON.
    #[test]
    fn the_summary_names_the_wallets_password_file() {
        let file = std::path::PathBuf::from("/home/u/.local/share/cohort/quickstart/password");
        let r = Report {
            trainer: "builtin".into(),
            base_model_root: None,
            dataset: "d".into(),
            job_id: 1,
            token: alloy::primitives::Address::ZERO,
            symbol: "QS".into(),
            model_root: "0x0".into(),
            validation_loss_by_round: vec![],
            revenue_deposited_wei: "0".into(),
            revenue_claimed_wei: "0".into(),
            members: vec![],
            sample_prompt: "p".into(),
            sample: "s".into(),
            paid_usage: Default::default(),
            password_file: file.clone(),
            steps: vec![],
            seconds: 1.0,
        };
        let text = render(&r);
        let f = file.display().to_string();
        assert!(
            text.contains(&format!("--wallet qs-alice --password-file {f}")),
            "{text}"
        );
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["password_file"], f.as_str());
    }

    /// Addresses print lowercase in JSON (as every command's JSON), EIP-55 in text; the
    /// summary says that its amounts are this run's model's and job's.
    #[test]
    fn the_summary_prints_lowercase_addresses_in_json_and_says_what_it_counts() {
        let token: alloy::primitives::Address = "0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E"
            .parse()
            .unwrap();
        let member: alloy::primitives::Address = "0x5cb50c71fa7e14a7715ae8929d6c525d4b920a06"
            .parse()
            .unwrap();
        let r = Report {
            trainer: "builtin".into(),
            base_model_root: None,
            dataset: "d".into(),
            job_id: 4,
            token,
            symbol: "QSB3".into(),
            model_root: "0x0".into(),
            validation_loss_by_round: vec![],
            revenue_deposited_wei: "0".into(),
            revenue_claimed_wei: "0".into(),
            members: vec![crate::quickstart::Member {
                name: "qs-alice".into(),
                role: "data contributor".into(),
                address: member,
                contributed: "-".into(),
                tokens: "0".into(),
                share_percent: 0.0,
                revenue_claimed_wei: "0".into(),
                training_paid_wei: "0".into(),
                claim_ok: true,
            }],
            sample_prompt: "p".into(),
            sample: "s".into(),
            paid_usage: Default::default(),
            password_file: "/p".into(),
            steps: vec![],
            seconds: 1.0,
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["token"], "0x23db4a08f2272df049a4932a4cc3a6dc1002b33e");
        assert_eq!(
            v["members"][0]["address"],
            "0x5cb50c71fa7e14a7715ae8929d6c525d4b920a06"
        );
        let text = render(&r);
        assert!(
            text.contains("0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E"),
            "{text}"
        );
        assert!(text.contains("QSB3 REVENUE CLAIMED"), "{text}");
        assert!(text.contains("JOB 4 PAY"), "{text}");
    }
}
