//! The printer: the only place that writes to stdout and stderr.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use super::progress::{Bars, JsonLines, JsonNotesOnly, NotesOnly};
use crate::error::{Error, Result};
use crate::progress::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ProgressMode {
    /// Bars on a terminal, nothing otherwise.
    #[default]
    Auto,
    /// No progress output.
    None,
    /// Progress events as JSON Lines on stderr.
    Json,
}

/// Decides what goes where: results on stdout (one JSON document with `--json`), progress, notes
/// and errors on stderr.
#[derive(Clone)]
pub struct Printer {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub yes: bool,
    progress_mode: ProgressMode,
    color: bool,
    /// The one set of bars of the process: two `MultiProgress`es on one terminal would draw
    /// over each other's lines.
    bars: Arc<OnceLock<Arc<Bars>>>,
}

impl Printer {
    pub fn new(
        json: bool,
        quiet: bool,
        verbose: u8,
        yes: bool,
        progress: ProgressMode,
        color: ColorChoice,
    ) -> Printer {
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Printer {
            json,
            quiet,
            verbose,
            yes,
            progress_mode: progress,
            color,
            bars: Arc::new(OnceLock::new()),
        }
    }

    /// Whether output is coloured (`--color`, `NO_COLOR`, stderr a terminal or not).
    pub fn color(&self) -> bool {
        self.color
    }

    /// The progress sink for the core: bars only on a terminal and not in verbose mode (so bars
    /// never interleave with logs), JSON Lines when asked, plain notes otherwise.
    pub fn progress(&self) -> Arc<dyn Progress> {
        // Notes come as `note` does them: hidden with `-q`, JSON events with `--json` (plain
        // ones are left out with `--no-progress`).
        let notes_only = || -> Arc<dyn Progress> {
            if self.json && !self.quiet {
                Arc::new(JsonNotesOnly)
            } else {
                Arc::new(NotesOnly { quiet: self.quiet })
            }
        };
        match self.progress_mode {
            ProgressMode::Json => Arc::new(JsonLines::new()),
            ProgressMode::None if !self.json => Arc::new(NotesOnly { quiet: true }),
            ProgressMode::None => notes_only(),
            ProgressMode::Auto => {
                if !self.quiet && !self.json && self.verbose == 0 && std::io::stderr().is_terminal()
                {
                    self.bars
                        .get_or_init(|| Arc::new(Bars::new(self.color)))
                        .clone()
                } else {
                    notes_only()
                }
            }
        }
    }

    /// Runs `f` (which writes to the terminal) with the bars, if any, lifted out of its way.
    fn clear_of_bars<R>(&self, f: impl FnOnce() -> R) -> R {
        match self.bars.get() {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    /// Prints a command's result: `value` as one JSON document with `--json`, else the human
    /// rendering (nothing in quiet mode unless `essential`).
    pub fn result<T: Serialize>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        if self.json {
            let text = serde_json::to_string_pretty(value).expect("results serialize");
            self.clear_of_bars(|| write_stdout(&format!("{text}\n")));
        } else {
            let text = human(value);
            if !text.is_empty() {
                let text = super::terminal_safe(&text);
                self.clear_of_bars(|| write_stdout(&format!("{}\n", text.trim_end_matches('\n'))));
            }
        }
    }

    /// One JSON object on one line of stdout: for watch-type commands (`job watch --json`), the
    /// documented exception to one-document output.
    pub fn json_line<T: Serialize>(&self, value: &T) {
        let line = serde_json::to_string(value).expect("results serialize");
        self.clear_of_bars(|| write_stdout(&format!("{line}\n")));
    }

    /// The sink of a long-running command's events: with `--json`, one JSON line each on stdout
    /// (the command's output is then JSON Lines); nothing otherwise.
    pub fn json_events<T: Serialize>(&self) -> impl Fn(T) + Send + Sync + 'static {
        let p = self.clone();
        move |ev| {
            if p.json {
                p.json_line(&ev);
            }
        }
    }

    /// The last result of a command whose `--json` output is JSON Lines: one more line with
    /// `--json`, else what `human` makes of it.
    pub fn last_line<T: Serialize>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        if self.json {
            self.json_line(value);
        } else {
            self.result(value, human);
        }
    }

    /// The report of a long-running command that stopped, as its last line: with `--json` one
    /// more JSON line, an event like the others (`"event":"stopped"` beside `value`'s keys),
    /// else what `human` makes of it.
    pub fn stopped_line<T: Serialize>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        if self.json {
            let mut line = serde_json::to_value(value).expect("results serialize");
            if let Some(o) = line.as_object_mut() {
                o.insert("event".into(), "stopped".into());
            }
            self.json_line(&line);
        } else {
            self.result(value, human);
        }
    }

    /// Prints a value that is the point of the command (an address, a key the user asked for)
    /// even in quiet mode.
    pub fn essential<T: Serialize>(&self, value: &T, human: &str) {
        if self.json {
            let text = serde_json::to_string_pretty(value).expect("results serialize");
            self.clear_of_bars(|| write_stdout(&format!("{text}\n")));
        } else {
            let human = super::terminal_safe(human);
            self.clear_of_bars(|| write_stdout(&format!("{human}\n")));
        }
    }

    /// A one-line note on stderr ("deploying Flow…", "the chain is out of reach; watching on"),
    /// hidden with `-q`; with `--json` or `--progress json` a `note` event (stderr then carries
    /// JSON objects only).
    pub fn note(&self, msg: &str) {
        if self.quiet {
            return;
        }
        if self.progress_mode == ProgressMode::Json {
            self.progress().note(msg);
        } else if self.json {
            JsonLines::new().note(msg);
        } else {
            let msg = super::terminal_safe(msg);
            self.clear_of_bars(|| write_stderr(&format!("{msg}\n")));
        }
    }

    /// A warning on stderr, hidden with `-q`; with `--json` or `--progress json` a `note`
    /// event, `{"type":"note","data":{"message":"warning: …"}}`.
    pub fn warn(&self, msg: &str) {
        if self.quiet {
            return;
        }
        if self.json || self.progress_mode == ProgressMode::Json {
            JsonLines::new().note(&format!("warning: {msg}"));
        } else {
            let label = self.paint("warning:", "33;1");
            write_stderr(&format!("{label} {}\n", super::terminal_safe(msg)));
        }
    }

    /// Reports an error: `error: …`, `Caused by:` lines and `hint: …`, or a JSON error object.
    pub fn error(&self, err: &Error) {
        if self.json {
            let mut obj = serde_json::json!({"code": err.code, "message": err.message, "exit_code": err.exit_code()});
            if let Some(h) = &err.hint {
                obj["hint"] = h.clone().into();
            }
            if !err.causes.is_empty() {
                obj["causes"] = err.causes.clone().into();
            }
            write_stderr(&format!("{}\n", serde_json::json!({ "error": obj })));
            return;
        }
        let safe = super::terminal_safe;
        let mut out = format!("{} {}\n", self.paint("error:", "31;1"), safe(&err.message));
        if !err.causes.is_empty() {
            out.push_str("  Caused by:\n");
            for c in &err.causes {
                out.push_str(&format!("    {}\n", safe(c)));
            }
        }
        if let Some(h) = &err.hint {
            out.push_str(&format!("{} {}\n", self.paint("hint:", "36;1"), safe(h)));
        }
        write_stderr(&out);
    }

    /// Asks a yes/no question on the terminal. `--yes` answers yes; without a terminal the
    /// question is an error that names `--yes`.
    pub fn confirm(&self, question: &str) -> Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(Error::usage(
                "confirm.no_terminal",
                format!("no terminal to confirm on: {question}"),
            )
            .hint("pass --yes to confirm"));
        }
        write_stderr(&format!("{question} [y/N] "));
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| Error::failed("confirm.read", e.to_string()))?;
        Ok(matches!(
            line.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The first error writing to stdout, other than a closed pipe (a full disk behind `> FILE`).
static STDOUT_FAILED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Writes to stdout; a closed pipe (`cohort … | head`) ends the process quietly with success.
/// Any other failure is kept: [`stdout_failure`] turns it into the command's error.
fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let mut failed = STDOUT_FAILED.lock().unwrap_or_else(|p| p.into_inner());
        failed.get_or_insert_with(|| e.to_string());
    }
}

/// The error of a command whose output could not be written (what it printed is lost: the user
/// must not take exit 0 for a result, a recovery phrase or a key they never got), or `None`.
pub fn stdout_failure() -> Option<Error> {
    let failed = STDOUT_FAILED.lock().unwrap_or_else(|p| p.into_inner());
    failed.as_ref().map(|e| {
        Error::failed(
            "output.write",
            format!("could not write the command's output to stdout: {e}; what it printed is lost"),
        )
        .hint(
            "free space where stdout goes (or send it elsewhere) and check what the command did \
             before running it again",
        )
    })
}

fn write_stderr(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
}
