//! Progress renderers: indicatif bars on a terminal, JSON Lines events on stderr.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::{Progress, Task, Unit};

/// Bars on stderr through indicatif: one [`MultiProgress`] for the whole process, one line per
/// task for its whole life. A running task animates (spinner, or bar with rate and ETA); when it
/// ends its line is cleared and its outcome (`✓ hashed …`, `✗ …`) is printed in its place, above
/// the tasks still running, where it stays.
///
/// Every bar is added to the `MultiProgress` before it is styled or given a prefix: a bar drawn
/// on its own (indicatif draws a new bar to stderr as soon as it is styled) leaves a zero-state
/// copy on the screen that the `MultiProgress` does not know about and never clears.
pub struct Bars {
    multi: MultiProgress,
    color: bool,
}

impl Bars {
    pub fn new(color: bool) -> Bars {
        Bars {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            color,
        }
    }
}

struct BarTask {
    bar: ProgressBar,
    multi: MultiProgress,
    label: String,
    total: Option<u64>,
    unit: Unit,
    started: Instant,
    ended: AtomicBool,
    color: bool,
}

impl BarTask {
    /// Replaces the running line with its outcome, once.
    fn end(&self, ok: bool, outcome: &str) {
        if self.ended.swap(true, Ordering::SeqCst) {
            return;
        }
        self.bar.finish_and_clear();
        self.multi.remove(&self.bar);
        let mark = match (ok, self.color) {
            (true, true) => "\x1b[32m✓\x1b[0m",
            (true, false) => "✓",
            (false, true) => "\x1b[31m✗\x1b[0m",
            (false, false) => "✗",
        };
        let _ = self.multi.println(format!("{mark} {outcome}"));
    }
}

impl Task for BarTask {
    fn inc(&self, d: u64) {
        self.bar.inc(d)
    }
    fn set_position(&self, p: u64) {
        self.bar.set_position(p)
    }
    fn set_message(&self, m: &str) {
        self.bar.set_message(m.to_string())
    }
    fn finish(&self) {
        let outcome = crate::progress::default_outcome(
            &self.label,
            self.total,
            self.unit,
            self.bar.position(),
            self.started.elapsed(),
        );
        self.end(true, &outcome)
    }
    fn finish_with(&self, outcome: &str) {
        self.end(true, outcome)
    }
    fn fail(&self, what: &str) {
        self.end(false, what)
    }
}

impl Drop for BarTask {
    /// A task dropped unfinished ended early (an error): it is marked failed, never left
    /// behind as a frozen line.
    fn drop(&mut self) {
        let what = format!("{}: stopped", self.label);
        self.end(false, &what)
    }
}

impl Progress for Bars {
    fn task(&self, label: &str, total: Option<u64>, unit: Unit) -> Arc<dyn Task> {
        // Hidden until it is in the MultiProgress, which then draws it (see the type's docs).
        let bar = self.multi.add(ProgressBar::with_draw_target(
            total,
            ProgressDrawTarget::hidden(),
        ));
        let template = match (total, unit) {
            (Some(_), Unit::Bytes) => {
                "{spinner} {prefix:.bold} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta} {msg}"
            }
            (Some(_), _) => {
                "{spinner} {prefix:.bold} [{bar:30}] {pos}/{len} {per_sec} eta {eta} {msg}"
            }
            (None, _) => "{spinner} {prefix:.bold} {msg} ({elapsed})",
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap()
                .progress_chars("=> "),
        );
        bar.set_prefix(label.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Arc::new(BarTask {
            bar,
            multi: self.multi.clone(),
            label: label.to_string(),
            total,
            unit,
            started: Instant::now(),
            ended: AtomicBool::new(false),
            color: self.color,
        })
    }
    fn note(&self, msg: &str) {
        let _ = self.multi.println(msg);
    }
}

/// JSON Lines on stderr: `{"type":"begin"|"progress"|"end"|"note", "data":{…}}`.
pub struct JsonLines {
    next_id: Mutex<u64>,
}

impl JsonLines {
    pub fn new() -> JsonLines {
        JsonLines {
            next_id: Mutex::new(0),
        }
    }
}

fn emit(kind: &str, data: serde_json::Value) {
    let line = serde_json::json!({ "type": kind, "data": data });
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

struct JsonTask {
    id: u64,
    pos: Mutex<(u64, Instant)>,
    total: Option<u64>,
}

impl JsonTask {
    fn report(&self, pos: u64, force: bool) {
        let mut g = self.pos.lock().unwrap();
        g.0 = pos;
        // At most ~10 events a second per task, plus the last one.
        if force || g.1.elapsed().as_millis() >= 100 || Some(pos) == self.total {
            g.1 = Instant::now();
            emit(
                "progress",
                serde_json::json!({"id": self.id, "position": pos, "total": self.total}),
            );
        }
    }
}

impl Task for JsonTask {
    fn inc(&self, d: u64) {
        let p = self.pos.lock().unwrap().0 + d;
        self.report(p, false)
    }
    fn set_position(&self, p: u64) {
        self.report(p, false)
    }
    fn set_message(&self, m: &str) {
        emit("message", serde_json::json!({"id": self.id, "message": m}));
    }
    fn finish(&self) {
        let p = self.pos.lock().unwrap().0;
        emit("end", serde_json::json!({"id": self.id, "position": p}));
    }
}

impl Progress for JsonLines {
    fn task(&self, label: &str, total: Option<u64>, unit: Unit) -> Arc<dyn Task> {
        let id = {
            let mut g = self.next_id.lock().unwrap();
            *g += 1;
            *g
        };
        emit(
            "begin",
            serde_json::json!({"id": id, "label": label, "total": total, "unit": unit}),
        );
        Arc::new(JsonTask {
            id,
            pos: Mutex::new((0, Instant::now())),
            total,
        })
    }
    fn note(&self, msg: &str) {
        emit("note", serde_json::json!({ "message": msg }));
    }
}

/// Notes only, as JSON `note` events on stderr (`--json` without `--progress json`: no
/// progress events, but stderr carries JSON objects only and the notes still come).
pub struct JsonNotesOnly;

impl Progress for JsonNotesOnly {
    fn task(&self, _: &str, _: Option<u64>, _: Unit) -> Arc<dyn Task> {
        crate::progress::Silent.task("", None, Unit::Items)
    }
    fn note(&self, msg: &str) {
        emit("note", serde_json::json!({ "message": msg }));
    }
}

/// Plain notes on stderr without bars (not a terminal, or verbose mode).
pub struct NotesOnly {
    pub quiet: bool,
}

impl Progress for NotesOnly {
    fn task(&self, _: &str, _: Option<u64>, _: Unit) -> Arc<dyn Task> {
        crate::progress::Silent.task("", None, Unit::Items)
    }
    fn note(&self, msg: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{msg}");
        }
    }
}

impl Bars {
    /// Runs `f`, which writes to the terminal, with the bars cleared and redrawn after it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.multi.suspend(f)
    }
}
