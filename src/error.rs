//! One error type for the client core, with a stable mapping to exit codes (see README "Exit codes").

use std::fmt;

/// What went wrong, in the terms a script cares about. Each kind has one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The operation failed (exit 1).
    Failed,
    /// Usage or configuration error (exit 2).
    Usage,
    /// An endpoint is unreachable or timed out; worth retrying (exit 3).
    Unreachable,
    /// A transaction reverted, would revert, or funds are short (exit 4).
    Reverted,
    /// Verification failed: root, proof or hash mismatch (exit 5).
    Verification,
    /// Wallet or password problem (exit 6).
    Wallet,
    /// Interrupted by the user (exit 130).
    Interrupted,
}

impl ErrorKind {
    /// The process exit code for this kind, as documented in README.md.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Failed => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Unreachable => 3,
            ErrorKind::Reverted => 4,
            ErrorKind::Verification => 5,
            ErrorKind::Wallet => 6,
            ErrorKind::Interrupted => 130,
        }
    }
}

/// What to tell a user who interrupts the running command (how to continue), where it registered
/// one ([`on_interrupt`]).
static INTERRUPT_HINT: std::sync::Mutex<Option<HintFn>> = std::sync::Mutex::new(None);

/// Says what to do next, when there is something to say.
pub type HintFn = fn() -> Option<String>;

/// Makes [`Error::interrupted`] (without a transaction in flight) carry the hint `f` returns
/// then, e.g. the checkpoint a training run would continue from.
pub fn on_interrupt(f: HintFn) {
    *INTERRUPT_HINT.lock().unwrap_or_else(|p| p.into_inner()) = Some(f);
}

/// The core's error: a kind (exit code), a stable dotted code (`wallet.bad_password`), a message
/// that names the problem, an optional hint that names the fix, and optional causes.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
    pub hint: Option<String>,
    pub causes: Vec<String>,
    /// For a revert with a custom error: its name (`AlreadySubmitted`), as data to match on.
    pub revert: Option<Box<str>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error. The message, like the hint and the causes, goes through
    /// [`crate::redact::text`]: a credential in a URL (`--rpc-url https://…/v2/KEY`) never
    /// reaches the user's terminal, logs or a script's JSON.
    pub fn new(kind: ErrorKind, code: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind,
            code: code.into(),
            message: crate::redact::text(&message.into()),
            hint: None,
            causes: Vec::new(),
            revert: None,
        }
    }
    pub fn failed(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Failed, code, message)
    }
    pub fn usage(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, code, message)
    }
    pub fn unreachable(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unreachable, code, message)
    }
    pub fn reverted(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Reverted, code, message)
    }
    pub fn verification(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Verification, code, message)
    }
    pub fn wallet(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Wallet, code, message)
    }
    /// The user's interruption (Ctrl-C). When it came while a sent transaction was awaited
    /// ([`crate::chain::tx::in_flight`]), it names the transaction: it may still be mined, and
    /// a recorded one is waited for by a rerun of the same command instead of being paid again.
    pub fn interrupted() -> Self {
        let sent = crate::chain::tx::in_flight();
        if sent.is_empty() {
            let e = Self::new(ErrorKind::Interrupted, "interrupted", "interrupted");
            let hint = INTERRUPT_HINT
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .and_then(|f| f());
            return match hint {
                Some(h) => e.hint(h),
                None => e,
            };
        }
        let hashes = sent
            .iter()
            .map(|(h, _)| h.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let (what, it, them) = match sent.len() {
            1 => (format!("transaction {hashes} was"), "it", "it"),
            _ => (format!("transactions {hashes} were"), "they", "them"),
        };
        let hint = if sent.iter().all(|(_, recorded)| *recorded) {
            format!(
                "{it} may still be mined, and the record is kept: rerunning the same command \
                 waits for {them} instead of paying again"
            )
        } else {
            format!("{it} may still be mined: check the outcome before running the command again")
        };
        Self::new(
            ErrorKind::Interrupted,
            "interrupted",
            format!("interrupted while {what} pending"),
        )
        .hint(hint)
    }
    /// Adds the fix the user should try.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(crate::redact::text(&hint.into()));
        self
    }
    /// Adds an underlying cause (shown as `Caused by:`).
    pub fn cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(crate::redact::text(&cause.to_string()));
        self
    }
    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }
    /// The name of the contract error a revert carried (`AlreadySubmitted`), if any.
    pub fn revert(&self) -> Option<&str> {
        self.revert.as_deref()
    }
    /// Records the name of the contract error behind a revert.
    pub fn with_revert(mut self, name: impl Into<String>) -> Self {
        self.revert = Some(name.into().into_boxed_str());
        self
    }
    /// An I/O error on a named path, mapped to a clear message; a full disk, a read-only
    /// filesystem and a permission denied come with the fix (exit 1 like every I/O error).
    pub fn io(action: &str, path: &std::path::Path, err: std::io::Error) -> Self {
        let hint = io_hint(action, path, &err);
        let e = Error::failed(
            "io",
            format!("could not {action} {}: {err}", path.display()),
        );
        match hint {
            Some(h) => e.hint(h),
            None => e,
        }
    }
}

/// The fix for the I/O errors a user can do something about, naming the path.
fn io_hint(action: &str, path: &std::path::Path, err: &std::io::Error) -> Option<String> {
    use std::io::ErrorKind as K;
    let p = path.display();
    let elsewhere = "or point COHORT_HOME (or the command's output path) elsewhere";
    match err.kind() {
        K::StorageFull | K::QuotaExceeded => Some(format!(
            "the disk holding {p} is full (or your disk quota is used up): free space on it, \
             {elsewhere}"
        )),
        K::ReadOnlyFilesystem => Some(format!(
            "{p} is on a read-only filesystem: remount it read-write, {elsewhere}"
        )),
        K::PermissionDenied => Some(format!(
            "this user may not {action} {p}: check the permissions of it and of its folder \
             (`ls -ld`), {elsewhere}"
        )),
        _ => None,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Adds context to foreign errors in one call: `res.or_err(|e| Error::failed(..).cause(e))`.
pub trait ResultExt<T, E> {
    fn or_err(self, f: impl FnOnce(E) -> Error) -> Result<T>;
}

impl<T, E> ResultExt<T, E> for std::result::Result<T, E> {
    fn or_err(self, f: impl FnOnce(E) -> Error) -> Result<T> {
        self.map_err(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_a_user_can_fix_name_the_fix_and_the_path() {
        let p = std::path::Path::new("/data/cohort/config.toml");
        let hint = |errno: i32| {
            let e = Error::io("write", p, std::io::Error::from_raw_os_error(errno));
            assert_eq!((e.code.as_str(), e.exit_code()), ("io", 1));
            assert!(
                e.message.contains("/data/cohort/config.toml"),
                "{}",
                e.message
            );
            e.hint.unwrap_or_default()
        };
        for errno in [libc::ENOSPC, libc::EDQUOT] {
            let h = hint(errno);
            assert!(h.contains("free space") && h.contains("COHORT_HOME"), "{h}");
            assert!(h.contains("/data/cohort/config.toml"), "{h}");
        }
        let h = hint(libc::EROFS);
        assert!(h.contains("read-only") && h.contains("COHORT_HOME"), "{h}");
        for errno in [libc::EACCES, libc::EPERM] {
            let h = hint(errno);
            assert!(
                h.contains("permissions") && h.contains("may not write"),
                "{h}"
            );
        }
        // Nothing to suggest for others.
        assert_eq!(hint(libc::EIO), "");
    }
}
