//! The integration tests: one binary (alloy and candle are linked once) with a module per area,
//! over one shared harness (`common`): a temporary COHORT_HOME, the real `cohort` binary, and
//! devnets on random loopback ports.

mod chain_rpc;
mod cli;
mod committee;
mod common;
mod concurrent;
mod contracts_flow;
mod datasets;
mod devnet;
mod diloco;
mod diloco_pool;
mod jobs;
mod lora;
mod lora_pool;
mod node_limits;
mod node_storage;
mod quickstart;
mod rewards_cli;
mod serve;
mod settle;
mod storage_indexer;
mod storage_interop;
mod storage_merkle;
mod storage_pipeline;
mod storage_public;
mod storage_rpc;
mod storage_transfer;
mod terminal;
mod token_setup;
mod tokens;
mod trainer;
mod usage_ledger;
mod ux_flags;
mod verify;
mod wallet;
