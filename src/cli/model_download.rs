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
    /// Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and
    /// provenance.json into.
    #[arg(short, long, visible_alias = "out", value_name = "DIR")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct UploadBaseArgs {
    /// A Hugging Face model folder (config.json, model.safetensors or sharded
    /// model-*.safetensors with model.safetensors.index.json, tokenizer.json).
    pub dir: PathBuf,
    #[command(flatten)]
    pub signer: super::opts::SignerOpts,
}

impl UploadBaseArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<()> {
        let client = ctx.client()?;
        let s = ctx.signer(&client, &client.chain().await?, &self.signer)?;
        let store = crate::storage::cache::ObjectCache::new(&client);
        let progress = ctx.printer.progress();
        let r = crate::lora::base::upload(&store, &s, &self.dir, progress.as_ref()).await?;
        ctx.printer.result(&r, |r| {
            let mut out = table::pairs(&[
                ("base model root", format!("{:#x}", r.root)),
                ("folder", r.folder.display().to_string()),
                ("model type", r.manifest.model_type.clone()),
                ("parameters", r.manifest.parameters.to_string()),
                ("files", r.manifest.files.len().to_string()),
                ("bytes", r.bytes.to_string()),
            ]);
            out.push_str(&format!(
                "\nput it in a lora job's spec: [model] base = \"{:#x}\"",
                r.root
            ));
            out
        });
        Ok(())
    }
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
            let mut rows = vec![
                ("job", r.job_id.to_string()),
                ("model root", format!("{:#x}", r.model_root)),
                ("model", r.model.display().to_string()),
            ];
            if let Some(b) = &r.base {
                rows.push(("base model", b.display().to_string()));
            }
            rows.extend([
                ("spec", r.spec.display().to_string()),
                ("provenance", r.provenance.display().to_string()),
                ("size", format!("{} bytes", r.size)),
            ]);
            let mut out = table::pairs(&rows);
            if let Some(b) = &r.base {
                out.push_str(&format!(
                    "\nserve it with: cohort model serve {} --adapter {}",
                    b.display(),
                    r.model.display()
                ));
            }
            out
        });
        Ok(())
    }
}
