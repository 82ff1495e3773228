//! Progress events from long operations. The core reports through this trait and never prints;
//! the command line renders it (indicatif bars on a terminal, JSON Lines, or nothing).
//!
//! A task is one step of a command. It ends in one of three ways: [`Task::finish_with`] names
//! its outcome (`hashed 381.5 MiB in 2.4 s (160 MiB/s)`), [`Task::fail`] says what went wrong,
//! and [`Task::finish`] lets the renderer say it from the task's label (`hashing x` → `hashed x`).
//! A task dropped without any of them ended in failure (an early `?`).

use std::sync::Arc;
use std::time::Duration;

/// What a task counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Bytes,
    Items,
    Steps,
}

/// A running task: one bar.
pub trait Task: Send + Sync {
    fn inc(&self, delta: u64);
    fn set_position(&self, pos: u64);
    fn set_message(&self, msg: &str);
    /// Ends the task successfully; the renderer describes the outcome from its label.
    fn finish(&self);
    /// Ends the task successfully with `outcome` as its last word (`uploaded 12 segments in
    /// 1.0 s`): on a terminal the running line is replaced by `✓ outcome`.
    fn finish_with(&self, outcome: &str) {
        let _ = outcome;
        self.finish()
    }
    /// Ends the task as failed: on a terminal the running line is replaced by `✗ what`.
    fn fail(&self, what: &str) {
        let _ = what;
        self.finish()
    }
}

/// A sink for progress: creates tasks and takes one-line notes ("waiting for the node…").
pub trait Progress: Send + Sync {
    fn task(&self, label: &str, total: Option<u64>, unit: Unit) -> Arc<dyn Task>;
    fn note(&self, msg: &str);
}

/// Drops every event: for library callers and tests.
pub struct Silent;

struct SilentTask;
impl Task for SilentTask {
    fn inc(&self, _: u64) {}
    fn set_position(&self, _: u64) {}
    fn set_message(&self, _: &str) {}
    fn finish(&self) {}
}

impl Progress for Silent {
    fn task(&self, _: &str, _: Option<u64>, _: Unit) -> Arc<dyn Task> {
        Arc::new(SilentTask)
    }
    fn note(&self, msg: &str) {
        let _ = msg;
    }
}

/// A progress sink that drops everything, ready to pass where one is needed.
pub fn silent() -> Arc<dyn Progress> {
    Arc::new(Silent)
}

/// The verbs of task labels and their past forms: a label `hashing x` finishes as `hashed x`.
const PAST: &[(&str, &str)] = &[
    ("approving", "approved"),
    ("checking", "checked"),
    ("claiming", "claimed"),
    ("creating", "created"),
    ("depositing", "deposited"),
    ("downloading", "downloaded"),
    ("fetching", "fetched"),
    ("hashing", "hashed"),
    ("joining", "joined"),
    ("leaving", "left"),
    ("recording", "recorded"),
    ("reviewing", "reviewed"),
    ("sealing", "sealed"),
    ("sending", "sent"),
    ("submitting", "submitted"),
    ("syncing", "synced"),
    ("tokenizing", "tokenized"),
    ("training", "trained"),
    ("uploading", "uploaded"),
    ("verifying", "verified"),
    ("withdrawing", "withdrew"),
];

/// A label's finished form: its leading `-ing` verb in the past (`uploading x` → `uploaded x`);
/// `None` for a label without a known verb (`dataset`).
pub fn past(label: &str) -> Option<String> {
    let (head, rest) = label.split_once(' ').unwrap_or((label, ""));
    PAST.iter().find(|(ing, _)| *ing == head).map(|(_, ed)| {
        if rest.is_empty() {
            (*ed).to_string()
        } else {
            format!("{ed} {rest}")
        }
    })
}

/// The outcome of a task finished without one of its own, from its label and what it counted:
/// `hashed x: 381.5 MiB in 2.4 s (158.9 MiB/s)`, `files: 12 in 1.0 s`, `submitted work in 0.3 s`.
pub fn default_outcome(
    label: &str,
    total: Option<u64>,
    unit: Unit,
    pos: u64,
    took: Duration,
) -> String {
    let head = past(label);
    match (total, unit, head) {
        (Some(_), Unit::Bytes, h) => {
            let m = bytes_outcome("", pos, took);
            format!("{}:{m}", h.as_deref().unwrap_or(label))
        }
        (Some(_), _, h) => format!(
            "{}: {} in {}",
            h.as_deref().unwrap_or(label),
            count(pos),
            duration(took)
        ),
        (None, _, Some(h)) => format!("{h} in {}", duration(took)),
        (None, _, None) => format!("{label}: done in {}", duration(took)),
    }
}

/// A byte count with a binary unit and one decimal: `381.5 MiB`, `512 B`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut i = 0;
    while v >= 1024.0 && i < UNITS.len() - 1 {
        v /= 1024.0;
        i += 1;
    }
    format!("{v:.1} {}", UNITS[i])
}

/// A count with thousands separators: `1,526`.
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A duration as a person reads it: `2.4 s`, `3 min 05 s`.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1} s")
    } else if s < 3600.0 {
        format!("{} min {:02} s", d.as_secs() / 60, d.as_secs() % 60)
    } else {
        format!("{} h {:02} min", d.as_secs() / 3600, d.as_secs() / 60 % 60)
    }
}

/// The outcome of a task that moved bytes: `hashed 381.5 MiB in 2.4 s (159.0 MiB/s)`.
pub fn bytes_outcome(verb: &str, n: u64, took: Duration) -> String {
    let secs = took.as_secs_f64();
    let mut s = format!("{verb} {} in {}", bytes(n), duration(took));
    if secs >= 0.05 && n > 0 {
        s.push_str(&format!(" ({}/s)", bytes((n as f64 / secs) as u64)));
    }
    s
}

/// The outcome of a task that counted things: `uploaded 1,526 segments in 5.0 s`.
pub fn items_outcome(verb: &str, n: u64, noun: &str, took: Duration) -> String {
    format!("{verb} {} {noun} in {}", count(n), duration(took))
}

/// A transaction hash shortened for a progress line: `0x55da…b516`.
pub fn short_hash(h: &str) -> String {
    if h.len() > 14 && h.is_char_boundary(6) && h.is_char_boundary(h.len() - 4) {
        format!("{}…{}", &h[..6], &h[h.len() - 4..])
    } else {
        h.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_finish_in_the_past() {
        assert_eq!(past("hashing ux2.bin").unwrap(), "hashed ux2.bin");
        assert_eq!(past("submitting work").unwrap(), "submitted work");
        assert_eq!(past("training").unwrap(), "trained");
        assert_eq!(past("dataset"), None);
        let took = Duration::from_millis(1500);
        assert_eq!(
            default_outcome("uploading a", Some(3072), Unit::Bytes, 3072, took),
            "uploaded a: 3.0 KiB in 1.5 s (2.0 KiB/s)"
        );
        assert_eq!(
            default_outcome("files", Some(12), Unit::Items, 12, took),
            "files: 12 in 1.5 s"
        );
        assert_eq!(
            default_outcome("submitting work", None, Unit::Steps, 0, took),
            "submitted work in 1.5 s"
        );
        assert_eq!(
            default_outcome("dataset", None, Unit::Steps, 0, took),
            "dataset: done in 1.5 s"
        );
    }

    #[test]
    fn outcomes_read_as_people_write_them() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(400_000_000), "381.5 MiB");
        assert_eq!(count(1526), "1,526");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(
            bytes_outcome("hashed", 400_000_000, Duration::from_millis(2400)),
            "hashed 381.5 MiB in 2.4 s (158.9 MiB/s)"
        );
        assert_eq!(
            items_outcome("uploaded", 1526, "segments", Duration::from_secs(5)),
            "uploaded 1,526 segments in 5.0 s"
        );
        assert_eq!(duration(Duration::from_secs(185)), "3 min 05 s");
        assert_eq!(
            short_hash("0x55da00000000000000000000000000000000000000000000000000000000b516"),
            "0x55da…b516"
        );
    }
}
