//! `cohort completions`: shell completions generated from the clap definition.

use clap::Args;
use clap_complete::Shell;

use super::Ctx;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    ///
    /// Example: cohort completions bash > /etc/bash_completion.d/cohort
    pub shell: Shell,
}

impl CompletionsArgs {
    pub fn run(self, _ctx: &Ctx) -> Result<()> {
        let mut out = Vec::new();
        clap_complete::generate(self.shell, &mut super::command(), "cohort", &mut out);
        let text = String::from_utf8_lossy(&out).into_owned();
        // Completions are a script, not a result document: they go to stdout as is.
        _ctx.printer.essential(&text, text.trim_end());
        Ok(())
    }
}

/// Writes completions for every shell into `dir/completions` and one man page per command
/// into `dir/man`. Used by `cargo run --example gen-docs` and checked for staleness in CI.
pub fn generate_docs(dir: &std::path::Path) -> std::io::Result<()> {
    let comp = dir.join("completions");
    std::fs::create_dir_all(&comp)?;
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        let mut cmd = super::command();
        clap_complete::generate_to(shell, &mut cmd, "cohort", &comp)?;
    }
    let man = dir.join("man");
    std::fs::create_dir_all(&man)?;
    let mut cmd = super::command();
    cmd.build();
    write_man(&cmd, &man, "cohort")
}

fn write_man(cmd: &clap::Command, dir: &std::path::Path, name: &str) -> std::io::Result<()> {
    if cmd.is_hide_set() {
        return Ok(());
    }
    let page = clap_mangen::Man::new(cmd.clone().name(name.to_string()));
    let mut buf = Vec::new();
    page.render(&mut buf)?;
    std::fs::write(dir.join(format!("{name}.1")), buf)?;
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        write_man(sub, dir, &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}
