//! The exec runtime: the spec's command, run in a fresh folder holding the job bundle's files,
//! with a minimal environment:
//!
//! | variable | value |
//! |---|---|
//! | `COHORT_JOB_DATA_DIR` | a folder with one sub-folder per dataset (`<id>/`), read-only use |
//! | `COHORT_JOB_INIT_CHECKPOINT` | the checkpoint the round starts from (empty when none) |
//! | `COHORT_JOB_OUTPUT_DIR` | where the command writes `*.safetensors` and `metrics.json` |
//! | `COHORT_JOB_ROUND` | the round, from 0 |
//! | `COHORT_JOB_SEED` | the spec's `training.seed` |
//! | `COHORT_JOB_STEPS` | the spec's `training.steps` |
//!
//! plus `PATH`, `HOME` (the folder itself), `TMPDIR` and `LANG`. The command must write at
//! least one safetensors checkpoint (the last in name order is the final one; a file named
//! `model.safetensors` wins) and `metrics.json` with `tokens` (> 0: what it processed, kept in
//! the metrics; the work units paid are the spec's `steps × batch_size × context`) and
//! optionally `losses` (`[{"step", "train_loss"}]` or plain numbers) and `seconds`.

use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{RoundInput, RoundOutput};
use crate::error::{Error, Result};
use crate::jobs::bundle::{LossPoint, WorkMetrics};
use crate::progress::Progress;

pub const DATA_DIR: &str = "COHORT_JOB_DATA_DIR";
pub const INIT_CHECKPOINT: &str = "COHORT_JOB_INIT_CHECKPOINT";
pub const OUTPUT_DIR: &str = "COHORT_JOB_OUTPUT_DIR";
pub const ROUND: &str = "COHORT_JOB_ROUND";
pub const SEED: &str = "COHORT_JOB_SEED";
pub const STEPS: &str = "COHORT_JOB_STEPS";

/// The command line as one string, for the note printed before it runs.
pub fn describe(cmd: &[String]) -> String {
    cmd.iter()
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn copy_into(from: &Path, to: &Path) -> Result<()> {
    if let Some(d) = to.parent() {
        std::fs::create_dir_all(d).map_err(|e| Error::io("create folder", d, e))?;
    }
    std::fs::copy(from, to).map_err(|e| Error::io("copy", from, e))?;
    Ok(())
}

/// Runs the command (blocking) and collects its outputs.
pub fn run(input: &RoundInput, progress: &dyn Progress) -> Result<RoundOutput> {
    run_with(input, progress, false)
}

/// As [`run`] for a verifier re-running a submission: the command's standard output goes to
/// standard error, so it never mixes into the verifier's own (JSON) output.
pub fn run_quiet(input: &RoundInput) -> Result<RoundOutput> {
    run_with(input, &crate::progress::Silent, true)
}

fn run_with(input: &RoundInput, progress: &dyn Progress, quiet: bool) -> Result<RoundOutput> {
    let cmd = input.spec.model.command.clone().unwrap_or_default();
    if cmd.is_empty() {
        return Err(Error::usage(
            "job.exec_no_command",
            "the exec job has no model.command",
        ));
    }
    // A fresh folder: the bundle's files and the spec.
    let work = input.out_dir.join("work");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| Error::io("clear", &work, e))?;
    }
    std::fs::create_dir_all(&work).map_err(|e| Error::io("create folder", &work, e))?;
    for (rel, local) in &input.files {
        let target = crate::datasets::files::safe_join(&work, rel)?;
        copy_into(local, &target)?;
    }
    let data = input.out_dir.join("data");
    if !data.exists() {
        std::fs::create_dir_all(&data).map_err(|e| Error::io("create folder", &data, e))?;
        for (i, d) in input.data.iter().enumerate() {
            let link = data.join(i.to_string());
            std::os::unix::fs::symlink(d, &link).map_err(|e| Error::io("link", &link, e))?;
        }
    }
    let out = input.out_dir.join("output");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| Error::io("clear", &out, e))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| Error::io("create folder", &out, e))?;
    let tmp = input.out_dir.join("tmp");
    std::fs::create_dir_all(&tmp).map_err(|e| Error::io("create folder", &tmp, e))?;

    progress.note(&format!(
        "running exec trainer in {}: {}",
        work.display(),
        describe(&cmd)
    ));
    let began = Instant::now();
    let status = Command::new(&cmd[0])
        .args(&cmd[1..])
        .current_dir(&work)
        .env_clear()
        .env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        )
        .env("HOME", &work)
        .env("TMPDIR", &tmp)
        .env("LANG", "C.UTF-8")
        .env(DATA_DIR, &data)
        .env(INIT_CHECKPOINT, input.init.clone().unwrap_or_default())
        .env(OUTPUT_DIR, &out)
        .env(ROUND, input.round.to_string())
        .env(SEED, input.seed.to_string())
        .env(STEPS, input.steps.to_string())
        .stdin(Stdio::null())
        .stdout(if quiet {
            // The verifier's stderr: its stdout carries its result.
            Stdio::from(
                std::io::stderr()
                    .as_fd()
                    .try_clone_to_owned()
                    .map_err(|e| {
                        Error::failed("job.exec_start", format!("could not pass stderr on: {e}"))
                    })?,
            )
        } else {
            Stdio::inherit()
        })
        .stderr(Stdio::inherit())
        .status()
        .map_err(|e| {
            Error::failed(
                "job.exec_start",
                format!("could not start `{}`: {e}", cmd[0]),
            )
            .hint("install the program the job's command names, or leave the job")
        })?;
    if !status.success() {
        return Err(Error::failed(
            "job.exec_failed",
            format!("the exec trainer `{}` exited with {status}", describe(&cmd)),
        ));
    }
    let seconds = began.elapsed().as_secs_f64();
    collect(&out, input, seconds)
}

fn collect(out: &Path, input: &RoundInput, seconds: f64) -> Result<RoundOutput> {
    let mut cks: Vec<PathBuf> = std::fs::read_dir(out)
        .map_err(|e| Error::io("read folder", out, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "safetensors") && p.is_file())
        .collect();
    cks.sort();
    if let Some(i) = cks
        .iter()
        .position(|p| p.file_name().is_some_and(|n| n == "model.safetensors"))
    {
        let m = cks.remove(i);
        cks.push(m);
    }
    if cks.is_empty() {
        return Err(Error::failed(
            "job.exec_no_checkpoint",
            format!(
                "the exec trainer wrote no *.safetensors checkpoint in {}",
                out.display()
            ),
        ));
    }
    for c in &cks {
        let bytes = std::fs::read(c).map_err(|e| Error::io("read", c, e))?;
        safetensors::SafeTensors::deserialize(&bytes).map_err(|e| {
            Error::failed(
                "job.exec_bad_checkpoint",
                format!("{} is not a safetensors file: {e}", c.display()),
            )
        })?;
    }
    let mpath = out.join("metrics.json");
    let text = std::fs::read(&mpath).map_err(|_| {
        Error::failed(
            "job.exec_no_metrics",
            format!("the exec trainer wrote no {}", mpath.display()),
        )
    })?;
    let v: serde_json::Value = serde_json::from_slice(&text).map_err(|e| {
        Error::failed(
            "job.exec_bad_metrics",
            format!("{} is not JSON: {e}", mpath.display()),
        )
    })?;
    let tokens = v
        .get("tokens")
        .and_then(|t| t.as_u64())
        .filter(|t| *t > 0)
        .ok_or_else(|| {
            Error::failed(
                "job.exec_bad_metrics",
                format!(
                    "{} needs \"tokens\": a positive integer (the work units)",
                    mpath.display()
                ),
            )
        })?;
    let losses = v
        .get("losses")
        .and_then(|l| l.as_array())
        .map(|a| {
            a.iter()
                .enumerate()
                .filter_map(|(i, x)| match x {
                    serde_json::Value::Number(n) => Some(LossPoint {
                        step: i as u64 + 1,
                        train_loss: n.as_f64()?,
                        val_loss: None,
                    }),
                    o => Some(LossPoint {
                        step: o.get("step")?.as_u64()?,
                        train_loss: o.get("train_loss").or(o.get("loss"))?.as_f64()?,
                        val_loss: o.get("val_loss").and_then(|v| v.as_f64()),
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    let end_step = input.start_step + input.steps;
    let n = cks.len() as u64;
    let checkpoints = cks
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            (
                if i as u64 + 1 == n {
                    end_step
                } else {
                    input.start_step + i as u64
                },
                p,
            )
        })
        .collect();
    Ok(RoundOutput {
        checkpoints,
        end_step,
        metrics: WorkMetrics {
            losses,
            tokens,
            seconds: v.get("seconds").and_then(|s| s.as_f64()).unwrap_or(seconds),
            initial_val_loss: None,
            final_val_loss: v.get("val_loss").and_then(|s| s.as_f64()),
            device: "exec".into(),
        },
        // Paid work is the spec's steps × batch × context, never the command's own figure
        // (which stays in the metrics for the record).
        work_units: crate::jobs::check::spec_units(&input.spec),
        init_root: None, // set by the worker, which read it from the chain
        delta: None,
        residual_in: None,
        residual_out: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_shown_quoted_where_needed() {
        let cmd = vec![
            "python3".to_string(),
            "train.py".into(),
            "--name".into(),
            "a b".into(),
        ];
        assert_eq!(describe(&cmd), "python3 train.py --name 'a b'");
    }
}
