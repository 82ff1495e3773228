//! The 0G-compatible storage client: the Merkle tree of files (`merkle`), the node's wire types
//! (`types`), a typed JSON-RPC client for storage nodes (`rpc`), and upload and download with
//! resume and proof verification.

pub mod merkle;
pub mod rpc;
pub mod types;

pub use merkle::{FileTree, Hash, SubmissionNode};
pub use types::{FileInfo, FileProof, SegmentWithProof, ShardConfig, Status, Transaction};
