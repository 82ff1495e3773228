//! Progress events from long operations. The core reports through this trait and never prints;
//! the command line renders it (indicatif bars on a terminal, JSON Lines, or nothing).

use std::sync::Arc;

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
    fn finish(&self);
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
    fn note(&self, _: &str) {}
}

/// A progress sink that drops everything, ready to pass where one is needed.
pub fn silent() -> Arc<dyn Progress> {
    Arc::new(Silent)
}
