//! The one printer that owns stdout and stderr, and the renderers of progress and tables.

pub mod chart;
mod printer;
mod progress;
pub mod table;

pub use printer::{ColorChoice, Printer, ProgressMode, stdout_failure};
mod safe;

pub use safe::terminal_safe;
