//! Turning reverts into the contract's error name and arguments.

use std::sync::OnceLock;

use alloy::dyn_abi::{DynSolValue, JsonAbiExt};
use alloy::json_abi::JsonAbi;
use alloy::transports::{RpcError, TransportErrorKind};

use crate::error::Error;

fn abis() -> &'static Vec<JsonAbi> {
    static ABIS: OnceLock<Vec<JsonAbi>> = OnceLock::new();
    ABIS.get_or_init(|| {
        super::bindings::ARTIFACTS
            .iter()
            .filter_map(|(_, json)| {
                let v: serde_json::Value = serde_json::from_str(json).ok()?;
                serde_json::from_value(v.get("abi")?.clone()).ok()
            })
            .collect()
    })
}

fn fmt_value(v: &DynSolValue) -> String {
    match v {
        DynSolValue::Address(a) => a.to_string(),
        DynSolValue::Uint(u, _) => u.to_string(),
        DynSolValue::Int(i, _) => i.to_string(),
        DynSolValue::Bool(b) => b.to_string(),
        DynSolValue::String(s) => format!("{s:?}"),
        DynSolValue::FixedBytes(w, n) => format!("0x{}", hex::encode(&w[..*n])),
        DynSolValue::Bytes(b) => format!("0x{}", hex::encode(b)),
        DynSolValue::Array(a) | DynSolValue::FixedArray(a) | DynSolValue::Tuple(a) => {
            format!(
                "[{}]",
                a.iter().map(fmt_value).collect::<Vec<_>>().join(", ")
            )
        }
        other => format!("{other:?}"),
    }
}

/// A decoded revert: the error's name and its arguments as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revert {
    /// `AlreadySubmitted`, `Error` (a require message) or `Panic`.
    pub name: String,
    /// `name: value` (or the bare value when the parameter is unnamed), in order.
    pub args: Vec<String>,
}

impl std::fmt::Display for Revert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.name, self.args.join(", "))
    }
}

/// Decodes revert data into the error's name and arguments using every cohort contract's ABI,
/// plus the standard `Error(string)` and `Panic(uint256)`.
pub fn decode_revert(data: &[u8]) -> Option<Revert> {
    if data.len() < 4 {
        return None;
    }
    let (sel, rest) = data.split_at(4);
    if sel == [0x08, 0xc3, 0x79, 0xa0]
        && let Ok(DynSolValue::String(s)) = alloy::dyn_abi::DynSolType::String.abi_decode(rest)
    {
        return Some(Revert {
            name: "Error".into(),
            args: vec![format!("{s:?}")],
        });
    }
    if sel == [0x4e, 0x48, 0x7b, 0x71]
        && let Ok(v) = alloy::dyn_abi::DynSolType::Uint(256).abi_decode(rest)
    {
        return Some(Revert {
            name: "Panic".into(),
            args: vec![fmt_value(&v)],
        });
    }
    for abi in abis() {
        for err in abi.errors() {
            if err.selector().as_slice() == sel
                && let Ok(values) = err.abi_decode_input(rest)
            {
                let args: Vec<String> = err
                    .inputs
                    .iter()
                    .zip(values.iter())
                    .map(|(p, v)| {
                        if p.name.is_empty() {
                            fmt_value(v)
                        } else {
                            format!("{}: {}", p.name, fmt_value(v))
                        }
                    })
                    .collect();
                return Some(Revert {
                    name: err.name.clone(),
                    args,
                });
            }
        }
    }
    None
}

/// Maps a transport error from sending or simulating: reverts become exit 4 with the decoded
/// error, connection failures exit 3.
pub fn describe_transport_error(rpc_url: &str, e: &RpcError<TransportErrorKind>) -> Error {
    if let Some(payload) = e.as_error_resp() {
        if let Some(data) = payload.as_revert_data() {
            return reverted(&data, "the transaction reverts");
        }
        let msg = payload.message.to_string();
        // geth says "insufficient funds for gas * price + value", anvil "Insufficient funds…".
        if msg.to_ascii_lowercase().contains("insufficient funds") {
            return Error::reverted(
                "chain.insufficient_funds",
                format!("insufficient funds: the chain refused the transaction: {msg}"),
            )
            .hint("fund the wallet (`cohort wallet balance` shows what it holds), or use a smaller amount");
        }
        if msg.contains("revert") {
            return Error::reverted("chain.revert", format!("the transaction reverts: {msg}"));
        }
        return Error::failed(
            "chain.rpc_error",
            format!("the chain rejected the request: {msg}"),
        );
    }
    match e {
        RpcError::Transport(_) => super::transport_failure(rpc_url, e),
        other => Error::failed(
            "chain.rpc",
            crate::redact::text_with(&other.to_string(), rpc_url),
        ),
    }
}

/// Maps an alloy contract error (from `.call()`, `.send()` or `.deploy()`).
pub fn describe_contract_error(rpc_url: &str, e: alloy::contract::Error) -> Error {
    match e {
        alloy::contract::Error::TransportError(t) => describe_transport_error(rpc_url, &t),
        alloy::contract::Error::PendingTransactionError(p) => Error::failed(
            "chain.pending",
            format!("waiting for the transaction failed: {p}"),
        ),
        other => Error::failed("chain.contract", other.to_string()),
    }
}

/// The exit-4 error for revert `data`, with the decoded error's name recorded as data.
pub fn reverted(data: &[u8], what: &str) -> Error {
    match decode_revert(data) {
        Some(r) => Error::reverted("chain.revert", format!("{what}: {r}")).with_revert(r.name),
        None => Error::reverted("chain.revert", format!("{what}: 0x{}", hex::encode(data))),
    }
}
