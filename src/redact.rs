//! Credentials in URLs: hosted RPC providers put the API key in the URL (`https://user:pass@host`,
//! `?apikey=…`, `/v2/KEY` as Alchemy does, `/v3/PROJECT_ID` as Infura does, `/KEY` as Ankr,
//! QuickNode or Chainstack do). [`url`] masks those parts with `***` and keeps the scheme, host,
//! port and the ordinary path, so that a message still says which endpoint failed; [`text`] does
//! the same to every URL inside a longer text (a dependency's error, a log line).
//!
//! Every error message, hint and cause goes through [`text`] (see [`crate::error::Error`]), and
//! so does every log line (the `-v` writer, [`Stderr`]); the chain and storage clients redact
//! their URLs where they build messages too.

use std::io::Write;

/// What replaces a credential.
pub const MASK: &str = "***";

/// `s` with the credentials of the URL it holds masked: the userinfo (`user:pass@`), the values
/// of query keys that name a credential (`apikey`, `api_key`, `key`, `token`, `secret`, `auth`,
/// `password`, `sig`, … in any case) or that look like one, the path segments after a version
/// segment that are not ordinary words (`/v2/KEY`, `/v3/ID`, but not `/v1/chat/completions`), path segments that look like a key (long, mixing letters and
/// digits: hex, base58, base64url, UUIDs), and the fragment. A URL without credentials comes
/// back unchanged, byte for byte; a string that is not a valid URL is redacted the same way.
pub fn url(s: &str) -> String {
    redact_url(s).0
}

/// [`url`], and the parts it masked.
fn redact_url(s: &str) -> (String, Vec<&str>) {
    let mut masked = Vec::new();
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (scheme, after_scheme) = match rest.find("://") {
        Some(i) => (&rest[..i + 3], &rest[i + 3..]),
        None => ("", rest),
    };
    let (authority, path) = match after_scheme.find('/') {
        Some(i) => (&after_scheme[..i], &after_scheme[i..]),
        None => (after_scheme, ""),
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(scheme);
    out.push_str(&mask_userinfo(authority, &mut masked));
    let mut after_version = false;
    for (i, seg) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if !seg.is_empty()
            && ((after_version && !is_word(seg) && !is_version(seg)) || looks_secret(seg))
        {
            out.push_str(MASK);
            masked.push(seg);
        } else {
            // `user:pass@host` where a malformed URL left it in the path.
            out.push_str(&mask_userinfo(seg, &mut masked));
        }
        after_version |= is_version(seg);
    }
    if let Some(q) = query {
        out.push('?');
        for (i, pair) in q.split('&').enumerate() {
            if i > 0 {
                out.push('&');
            }
            match pair.split_once('=') {
                Some((k, v)) if !v.is_empty() && (is_secret_key(k) || looks_secret(v)) => {
                    out.push_str(k);
                    out.push('=');
                    out.push_str(MASK);
                    masked.push(v);
                }
                None if looks_secret(pair) => {
                    out.push_str(MASK);
                    masked.push(pair);
                }
                _ => out.push_str(pair),
            }
        }
    }
    if let Some(f) = fragment {
        out.push('#');
        if !f.is_empty() {
            out.push_str(MASK);
            masked.push(f);
        }
    }
    (out, masked)
}

/// `user:pass@host` → `***@host`; the user and the password are recorded as masked.
fn mask_userinfo<'a>(authority: &'a str, masked: &mut Vec<&'a str>) -> String {
    match authority.rfind('@') {
        Some(i) => {
            let info = &authority[..i];
            match info.split_once(':') {
                Some((user, pass)) => {
                    // A user name is recorded only when it could be a key itself.
                    if looks_secret(user) || user.len() >= 12 {
                        masked.push(user);
                    }
                    masked.push(pass);
                }
                None => masked.push(info),
            }
            format!("{MASK}{}", &authority[i..])
        }
        None => authority.to_string(),
    }
}

/// `s` with every URL in it (anything of the form `scheme://…` up to a space, a quote, a
/// bracket or a closing parenthesis) passed through [`url`].
pub fn text(s: &str) -> String {
    if !s.contains("://") {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut done = 0;
    let mut from = 0;
    while let Some(found) = s[from..].find("://") {
        let at = from + found;
        let mut start = at;
        while start > done
            && (b[start - 1].is_ascii_alphanumeric() || matches!(b[start - 1], b'+' | b'-' | b'.'))
        {
            start -= 1;
        }
        let mut end = at + 3;
        while end < b.len() && !ends_url(b[end]) {
            end += 1;
        }
        // Sentence punctuation right after a URL is not part of it.
        let mut core = end;
        while core > at + 3 && matches!(b[core - 1], b'.' | b',' | b';' | b':' | b'!') {
            core -= 1;
        }
        out.push_str(&s[done..start]);
        out.push_str(&url(&s[start..core]));
        out.push_str(&s[core..end]);
        done = end;
        from = end.max(at + 3);
    }
    out.push_str(&s[done..]);
    out
}

/// [`text`], and then every credential of `known` (a URL the caller holds) removed wherever it
/// still appears in `s`, in whatever form a dependency rendered it (normalized, decoded).
pub fn text_with(s: &str, known: &str) -> String {
    let mut out = text(s);
    for secret in secrets(known) {
        if secret.len() >= 4 && out.contains(&secret) {
            out = out.replace(&secret, MASK);
        }
    }
    out
}

/// The parts of `u` that [`url`] masks, as written and percent-decoded.
fn secrets(u: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in redact_url(u).1 {
        out.push(part.to_string());
        let decoded = percent_decode(part);
        if decoded != part {
            out.push(decoded);
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

fn percent_decode(s: &str) -> String {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h << 4 | l);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn ends_url(c: u8) -> bool {
    c.is_ascii_whitespace()
        || c.is_ascii_control()
        || matches!(
            c,
            b'"' | b'\'' | b'<' | b'>' | b'`' | b')' | b'(' | b'{' | b'}' | b'|' | b'\\'
        )
}

/// `v1`, `v2`, `v3`, …: the path segment after which Alchemy, Infura and others put the key.
fn is_version(seg: &str) -> bool {
    let rest = seg.strip_prefix(['v', 'V']).unwrap_or("");
    !rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|c| c.is_ascii_digit())
}

/// An ordinary lowercase word of an API path (`chat`, `completions`, `eth-mainnet`): under 16
/// characters of lowercase letters, `-`, `_` and `.`. A key has digits or capitals, or is longer.
fn is_word(seg: &str) -> bool {
    seg.len() < 16
        && seg
            .bytes()
            .all(|c| c.is_ascii_lowercase() || matches!(c, b'-' | b'_' | b'.'))
}

/// A query key that names a credential: `apikey`, `api_key`, `api-key`, `key`, `token`,
/// `access_token`, `secret`, `auth`, `password`, `pass`, `sig`, `signature`, `credential`, `jwt`.
fn is_secret_key(k: &str) -> bool {
    let norm: String = k
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    [
        "key", "token", "secret", "auth", "pass", "pwd", "sig", "cred", "jwt", "session",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// A path segment or value that looks like a generated key: at least 16 characters of letters,
/// digits, `-`, `_`, `.`, `~` or `%`, with a run of at least 8 between separators that mixes
/// letters and digits (hex, base58, base64url keys, UUIDs), or a run of 24 or more (a long
/// random key without digits). `mainnet-archive-2024` and `ext/bc/C/rpc` are not keys.
fn looks_secret(seg: &str) -> bool {
    if seg.len() < 16
        || !seg
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~' | b'%'))
    {
        return false;
    }
    seg.split(['-', '_', '.', '~']).any(|run| {
        let letters = run.bytes().any(|c| c.is_ascii_alphabetic());
        let digits = run.bytes().any(|c| c.is_ascii_digit());
        (run.len() >= 8 && letters && digits) || run.len() >= 24
    })
}

/// A writer that passes what it writes through [`text`]. Each log event is formatted whole and
/// written in one call, so a URL is never split between two writes.
#[derive(Debug)]
pub struct Redacting<W: Write>(pub W);

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let line = String::from_utf8_lossy(buf);
        self.0.write_all(text(&line).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Where the `-v` logs go: stderr through [`Redacting`], so that the logs of cohort and of its
/// dependencies (reqwest, hyper, alloy) never show a credential from a URL.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stderr;

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Stderr {
    type Writer = Redacting<std::io::Stderr>;
    fn make_writer(&'a self) -> Self::Writer {
        Redacting(std::io::stderr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFURA: &str = "9aa3d95b3bc440fa88ea12eaa4456161";
    const ALCHEMY: &str = "Xy7_kQ2mZp9LwR4tVb6NcS1dHf8JgE3a";

    fn no_secret(out: &str, secrets: &[&str]) {
        for s in secrets {
            assert!(!out.contains(s), "{s} is still in {out}");
        }
    }

    #[test]
    fn urls_without_credentials_come_back_unchanged() {
        for u in [
            "http://127.0.0.1:8545",
            "http://127.0.0.1:8545/",
            "https://evmrpc-testnet.0g.ai",
            "https://rpc.example.org/ext/bc/C/rpc",
            "https://node.example:5678/mainnet-archive-2024",
            "http://[::1]:8545/rpc?chain=1&format=json",
            "http://localhost:1/v2",
            // Ordinary words after a version segment: an OpenAI-style API path.
            "http://127.0.0.1:1/v1/chat/completions",
            "http://127.0.0.1:1/v1/completions",
            "http://127.0.0.1:1/v1/x",
            "http://127.0.0.1:1/v1/x/v1/cohort/terms",
            "https://api.example/v1/cohort/terms",
            "not a url at all",
        ] {
            assert_eq!(url(u), u);
        }
    }

    #[test]
    fn userinfo_is_masked_and_the_host_kept() {
        assert_eq!(
            url("https://user:sekret@rpc.example.org:8545/rpc"),
            "https://***@rpc.example.org:8545/rpc"
        );
        assert_eq!(
            url(&format!("https://:{INFURA}@mainnet.infura.io")),
            "https://***@mainnet.infura.io"
        );
        assert_eq!(url("http://keyonly@host"), "http://***@host");
        // An @ in the password: the last one ends the userinfo.
        assert_eq!(url("http://u:p@ss@host/x"), "http://***@host/x");
    }

    #[test]
    fn query_credentials_are_masked_by_name_or_by_shape() {
        assert_eq!(
            url("https://rpc.example/?apikey=SEKRET&chain=1"),
            "https://rpc.example/?apikey=***&chain=1"
        );
        for k in [
            "api_key",
            "API-KEY",
            "key",
            "token",
            "access_token",
            "auth",
            "password",
            "x-api-key",
            "sig",
        ] {
            let u = format!("https://h/rpc?{k}=abc&n=2");
            assert_eq!(url(&u), format!("https://h/rpc?{k}=***&n=2"), "{k}");
        }
        // An unnamed value that looks like a key, and a bare key.
        let out = url(&format!("https://h/rpc?p={INFURA}&{ALCHEMY}"));
        assert_eq!(out, "https://h/rpc?p=***&***");
    }

    #[test]
    fn path_keys_are_masked_after_a_version_segment_and_by_shape() {
        assert_eq!(
            url(&format!("https://eth-mainnet.g.alchemy.com/v2/{ALCHEMY}")),
            "https://eth-mainnet.g.alchemy.com/v2/***"
        );
        assert_eq!(
            url(&format!("https://mainnet.infura.io/v3/{INFURA}")),
            "https://mainnet.infura.io/v3/***"
        );
        // A short key after /v2/ is masked too, and so is one further down.
        assert_eq!(url("http://h:1/v2/SEKRETKEY"), "http://h:1/v2/***");
        assert_eq!(url("http://h:1/v2/rpc/k3y"), "http://h:1/v2/rpc/***");
        assert_eq!(
            url("http://h:1/v1/abcdefghijklmnopq"),
            "http://h:1/v1/***",
            "a long segment of letters is not taken for a word"
        );
        // Ankr, QuickNode, Chainstack, Blast: the key is a path segment of its own.
        let hex64 = "5e1a9d2c4b7f80a3e6d9c2b5a8f1e4d7c0b3a6f9e2d5c8b1a4f7e0d3c6b9a2f5";
        assert_eq!(
            url(&format!("https://rpc.ankr.com/eth/{hex64}")),
            "https://rpc.ankr.com/eth/***"
        );
        assert_eq!(
            url("https://black-frosty.quiknode.pro/4f2d8a9c1b3e5f7a9c2d4e6f8a1b3c5d/"),
            "https://black-frosty.quiknode.pro/***/"
        );
        assert_eq!(
            url("https://eth-mainnet.blastapi.io/3c7e1a2b-9d4f-4e8a-b6c5-1f2e3d4c5b6a"),
            "https://eth-mainnet.blastapi.io/***"
        );
        // base58
        assert_eq!(
            url("https://h/3yZe7d6mQkYdLVP4Z9kRk7bG2uXH5vT8nW"),
            "https://h/***"
        );
    }

    #[test]
    fn everything_at_once_and_fragments() {
        let out = url("http://user:sekret@127.0.0.1:1/v2/SEKRETKEY?apikey=SEKRET#tok");
        assert_eq!(out, "http://***@127.0.0.1:1/v2/***?apikey=***#***");
        no_secret(&out, &["sekret", "SEKRET", "tok"]);
    }

    #[test]
    fn unparseable_urls_are_redacted_the_same_way() {
        let out = url("htp:/user:sekret@host:99999/v3/SEKRETKEY");
        no_secret(&out, &["sekret", "SEKRETKEY"]);
        assert!(out.contains("host:99999"), "{out}");
    }

    #[test]
    fn text_keeps_an_ordinary_api_path() {
        assert_eq!(
            text("error sending request for url (http://127.0.0.1:1/v1/chat/completions)"),
            "error sending request for url (http://127.0.0.1:1/v1/chat/completions)"
        );
        assert_eq!(
            text("the provider at http://127.0.0.1:1/v1/x does not answer"),
            "the provider at http://127.0.0.1:1/v1/x does not answer"
        );
    }

    #[test]
    fn text_redacts_every_url_inside_a_message() {
        let t = format!(
            "error sending request for url (http://user:sekret@127.0.0.1:1/v2/SEKRETKEY?apikey=SEKRET): \
             and https://mainnet.infura.io/v3/{INFURA}. then 'http://h/?token=abc' end"
        );
        let out = text(&t);
        no_secret(&out, &["sekret", "SEKRET", INFURA, "abc"]);
        assert_eq!(
            out,
            "error sending request for url (http://***@127.0.0.1:1/v2/***?apikey=***): \
             and https://mainnet.infura.io/v3/***. then 'http://h/?token=***' end"
        );
        assert_eq!(text("no url here: a/b/c"), "no url here: a/b/c");
        // A log field in colour: the escape sequence after the URL is kept.
        assert_eq!(
            text("url=http://u:p@h/?key=K\x1b[0m}"),
            "url=http://***@h/?key=***\x1b[0m}"
        );
        assert_eq!(
            text("the chain RPC at http://127.0.0.1:8545 is unreachable"),
            "the chain RPC at http://127.0.0.1:8545 is unreachable"
        );
    }

    #[test]
    fn text_with_removes_a_known_urls_secrets_in_any_rendering() {
        let known = "http://user:s%65kret@127.0.0.1:1/v2/SEKRETKEY?apikey=SEKRET";
        // As a dependency might render it: decoded, without the scheme.
        let out = text_with(
            "connect to user:sekret at 127.0.0.1 (SEKRETKEY, SEKRET)",
            known,
        );
        no_secret(&out, &["sekret", "SEKRET"]);
        assert!(out.contains("127.0.0.1"), "{out}");
    }

    #[test]
    fn the_log_writer_redacts_what_it_writes() {
        let mut w = Redacting(Vec::new());
        let line = b"DEBUG connecting to http://u:pw@h:1/v2/KEYKEYKEY?token=T0K\n";
        assert_eq!(w.write(line).unwrap(), line.len());
        assert_eq!(
            String::from_utf8(w.0).unwrap(),
            "DEBUG connecting to http://***@h:1/v2/***?token=***\n"
        );
    }
}
