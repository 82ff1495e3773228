//! Progress renderers: indicatif bars on a terminal, JSON Lines events on stderr.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::{Progress, Task, Unit};

/// Bars on stderr through indicatif.
pub struct Bars {
    multi: MultiProgress,
}

impl Bars {
    pub fn new() -> Bars {
        Bars {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
        }
    }
}

struct BarTask(ProgressBar);

impl Task for BarTask {
    fn inc(&self, d: u64) {
        self.0.inc(d)
    }
    fn set_position(&self, p: u64) {
        self.0.set_position(p)
    }
    fn set_message(&self, m: &str) {
        self.0.set_message(m.to_string())
    }
    fn finish(&self) {
        self.0.finish_and_clear()
    }
}

impl Progress for Bars {
    fn task(&self, label: &str, total: Option<u64>, unit: Unit) -> Arc<dyn Task> {
        let bar = match total {
            Some(t) => ProgressBar::new(t),
            None => ProgressBar::new_spinner(),
        };
        let template = match (total, unit) {
            (Some(_), Unit::Bytes) => {
                "{prefix:.bold} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta} {msg}"
            }
            (Some(_), _) => "{prefix:.bold} [{bar:30}] {pos}/{len} {per_sec} eta {eta} {msg}",
            (None, _) => "{spinner} {prefix:.bold} {msg} ({elapsed})",
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap()
                .progress_chars("=> "),
        );
        bar.set_prefix(label.to_string());
        if total.is_none() {
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
        }
        let bar = self.multi.add(bar);
        Arc::new(BarTask(bar))
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
