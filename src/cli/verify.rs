//! `cohort verify TOKEN|JOB [--deep]`: a model's whole history, recomputed from chain and
//! storage, link by link (see `crate::verify`).

use clap::Args;

use super::Ctx;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The model: a job id, or its token (address or symbol).
    pub target: String,
    /// Re-execute every span of every submission, not only the ones drawn from each round's
    /// seed block.
    #[arg(long)]
    pub deep: bool,
    /// Re-run the command of an exec job that declares `[model] deterministic = true`.
    #[arg(long)]
    pub allow_exec: bool,
}

impl VerifyArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let client = ctx.client()?;
        let progress = ctx.printer.progress();
        let r = crate::verify::verify(
            &client,
            &self.target,
            self.deep,
            self.allow_exec,
            progress.as_ref(),
        )
        .await?;
        ctx.printer.result(&r, |r| {
            let mut out = format!(
                "{} : job {} ({}){}{}",
                if r.verified {
                    "verified"
                } else if r.first_broken.is_some() {
                    "BROKEN"
                } else {
                    "not verified"
                },
                r.job_id,
                r.state.as_str(),
                r.token.map(|t| format!(", token {t}")).unwrap_or_default(),
                if r.deep { " (deep)" } else { "" }
            );
            for l in &r.links {
                out.push_str(&format!(
                    "\n  {} {}: {}",
                    match l.holds {
                        Some(true) => "ok ",
                        Some(false) => "BAD",
                        // Not checked: its inputs are unavailable (the detail says which).
                        None => "---",
                    },
                    l.link,
                    l.detail
                ));
            }
            if !r.notes.is_empty() {
                out.push_str("\nnot covered:");
                for n in &r.notes {
                    out.push_str(&format!("\n  - {n}"));
                }
            }
            out
        });
        match r.failure() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
