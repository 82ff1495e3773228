//! `cohort model download`: a completed job's final model with its spec and provenance.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::error::Result;
use crate::jobs::{JobMarket, parse_job_id};
use crate::ui::table;

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// The completed job.
    pub job: String,
    /// Folder to write model.safetensors, job.toml and provenance.json into.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

impl DownloadArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let id = parse_job_id(&self.job)?;
        let client = ctx.client()?;
        let market = JobMarket::open(&client).await?;
        let progress = ctx.printer.progress();
        let r = crate::jobs::show::download_model(
            &client,
            &market,
            id,
            &self.output,
            progress.as_ref(),
        )
        .await?;
        ctx.printer.result(&r, |r| {
            table::pairs(&[
                ("job", r.job_id.to_string()),
                ("model root", format!("{:#x}", r.model_root)),
                ("model", r.model.display().to_string()),
                ("spec", r.spec.display().to_string()),
                ("provenance", r.provenance.display().to_string()),
                ("size", format!("{} bytes", r.size)),
            ])
        });
        Ok(())
    }
}
