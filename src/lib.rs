//! cohort: build AI expert models together.
//!
//! The library is the client core (config, wallet, chain, storage, datasets, jobs, model
//! tokens and rewards, the storage node and the devnet); it returns typed results and typed errors and
//! never prints. `cli` holds the argument structs and rendering of the `cohort` binary.

pub mod chain;
pub mod cli;
pub mod client;
pub mod config;
pub mod datasets;
pub mod deploy;
pub mod devnet;
pub mod env;
pub mod error;
pub mod fsutil;
pub mod jobs;
pub mod jobspec;
pub mod lora;
pub mod node;
pub mod progress;
pub mod quickstart;
pub mod redact;
pub mod serve;
pub mod storage;
pub mod tokens;
pub mod trainer;
pub mod ui;
pub mod usage;
pub mod verify;
pub mod wallet;
pub mod worker;

pub use error::{Error, ErrorKind, Result};
