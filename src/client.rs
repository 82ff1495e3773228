//! The one place that builds a client from the active profile. Commands never read config
//! files themselves.

use crate::chain::Chain;
use crate::config::{Config, Overrides, Paths, ResolvedProfile};
use crate::error::{Error, Result};

/// Everything a command needs to reach the chain and storage of the active profile.
#[derive(Debug, Clone)]
pub struct Client {
    pub paths: Paths,
    pub profile: ResolvedProfile,
}

impl Client {
    /// The native coin's symbol on the profile's chain, for amounts people read (`ETH`, `0G`).
    pub fn native_symbol(&self) -> &'static str {
        crate::chain::tx::native_symbol(self.profile.chain_id.unwrap_or(0))
    }

    /// Loads the config and resolves the active profile with the given overrides. An endpoint
    /// given on the command line or in the environment (`--rpc-url`, `--storage-node`,
    /// `--indexer` and their variables) that is not an http(s) URL is exit 2 naming it, before
    /// any request; surrounding spaces are dropped.
    pub fn load(paths: Paths, overrides: &Overrides) -> Result<Client> {
        let overrides = checked_overrides(overrides)?;
        let config = Config::load(&paths)?;
        let profile = ResolvedProfile::resolve(&config, &overrides)?;
        Ok(Client { paths, profile })
    }

    /// Connects to the profile's chain (read-only) and checks its chain id.
    pub async fn chain(&self) -> Result<Chain> {
        let what = format!("profile '{}' rpc_url", self.profile.name);
        let url = check_endpoint(&what, &self.profile.rpc_url)?;
        Chain::connect(&url, self.profile.chain_id).await
    }
}

/// `overrides` with every endpoint checked by [`check_endpoint`] and trimmed.
fn checked_overrides(ov: &Overrides) -> Result<Overrides> {
    let mut ov = ov.clone();
    if let Some(u) = &ov.rpc_url {
        ov.rpc_url = Some(check_endpoint("--rpc-url (or COHORT_RPC_URL)", u)?);
    }
    if let Some(u) = &ov.indexer {
        ov.indexer = Some(check_endpoint("--indexer (or COHORT_INDEXER)", u)?);
    }
    let what = "--storage-node (or COHORT_STORAGE_NODES)";
    if ov.storage_nodes.iter().any(|u| u.trim().is_empty()) {
        let given = ov.storage_nodes.join(",");
        return Err(Error::usage(
            "config.bad_endpoint",
            format!(
                "{what} has an empty item ('{}'): a stray comma, or an empty value",
                crate::redact::url(&given)
            ),
        )
        .hint(
            "give each storage node as http://HOST:PORT or https://HOST…, separated by commas \
             with none at the end, e.g. http://127.0.0.1:5678,http://127.0.0.1:5679",
        ));
    }
    ov.storage_nodes = ov
        .storage_nodes
        .iter()
        .map(|u| check_endpoint(what, u))
        .collect::<Result<_>>()?;
    Ok(ov)
}

/// `value` (spaces around it dropped) if it is an http(s) URL with a host, as every endpoint
/// (chain RPC, storage node, indexer) must be; else exit 2 naming `what` and the value, with the
/// form expected (`http://localhost:8545` for `localhost:8545`). For commands that take an
/// endpoint outside the profile (`node run --chain-rpc`) too.
pub fn check_endpoint(what: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if crate::config::is_http_url(v) {
        return Ok(v.to_string());
    }
    let shown = crate::redact::url(v);
    let (problem, hint) = if v.is_empty() {
        (
            "is empty".to_string(),
            "give it as http://HOST:PORT or https://HOST…, e.g. http://127.0.0.1:8545".to_string(),
        )
    } else if let Some((scheme, rest)) = v.split_once("://")
        && !scheme.eq_ignore_ascii_case("http")
        && !scheme.eq_ignore_ascii_case("https")
    {
        (
            format!("'{shown}' is not an http(s) URL (cohort speaks JSON-RPC over HTTP)"),
            format!("use http://{} (or https://…)", crate::redact::url(rest)),
        )
    } else if !v.contains("://") {
        (
            format!("'{shown}' is not an http(s) URL: it has no http:// or https://"),
            format!("use http://{shown} (or https://{shown})"),
        )
    } else {
        (
            format!("'{shown}' is not an http(s) URL with a host"),
            "give it as http://HOST:PORT or https://HOST…, e.g. http://127.0.0.1:8545".to_string(),
        )
    };
    Err(Error::usage("config.bad_endpoint", format!("{what} {problem}")).hint(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_that_are_not_http_urls_are_usage_errors_naming_the_fix() {
        assert_eq!(
            check_endpoint("--rpc-url", " http://127.0.0.1:8545 ").unwrap(),
            "http://127.0.0.1:8545"
        );
        assert_eq!(
            check_endpoint("x", "HTTPS://rpc.example/v2/abc").unwrap(),
            "HTTPS://rpc.example/v2/abc"
        );
        for (v, says, fix) in [
            (
                "localhost:8545",
                "'localhost:8545' is not an http(s) URL",
                "http://localhost:8545",
            ),
            ("127.0.0.1:8545", "no http://", "http://127.0.0.1:8545"),
            (
                "ws://127.0.0.1:8545",
                "'ws://127.0.0.1:8545'",
                "http://127.0.0.1:8545",
            ),
            ("ftp://h:1", "JSON-RPC over HTTP", "http://h:1"),
            ("", "is empty", "http://HOST:PORT"),
            ("  ", "is empty", "http://HOST:PORT"),
            ("http://", "with a host", "http://HOST:PORT"),
        ] {
            let e = check_endpoint("--storage-node", v).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Usage, "{v}");
            assert_eq!(e.code, "config.bad_endpoint");
            assert!(e.message.starts_with("--storage-node "), "{}", e.message);
            assert!(e.message.contains(says), "{v}: {}", e.message);
            assert!(
                e.hint.as_deref().unwrap().contains(fix),
                "{v}: {:?}",
                e.hint
            );
        }
        // A key in a refused value is masked.
        let e =
            check_endpoint("--indexer", "wss://h/v2/9aa3d95b3bc440fa88ea12eaa4456161").unwrap_err();
        assert!(!e.message.contains("9aa3d95b"), "{}", e.message);
        assert!(!e.hint.unwrap().contains("9aa3d95b"));
    }

    #[test]
    fn overrides_are_checked_and_trimmed_and_a_stray_comma_is_refused() {
        let ov = Overrides {
            rpc_url: Some(" http://127.0.0.1:1 ".into()),
            storage_nodes: vec!["http://a:1".into(), " http://b:2".into()],
            indexer: Some("http://i:3\t".into()),
            ..Default::default()
        };
        let ok = checked_overrides(&ov).unwrap();
        assert_eq!(ok.rpc_url.as_deref(), Some("http://127.0.0.1:1"));
        assert_eq!(ok.storage_nodes, ["http://a:1", "http://b:2"]);
        assert_eq!(ok.indexer.as_deref(), Some("http://i:3"));
        let stray = Overrides {
            storage_nodes: vec!["http://a:1".into(), "".into()],
            ..Default::default()
        };
        let e = checked_overrides(&stray).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.message.contains("empty item ('http://a:1,')"),
            "{}",
            e.message
        );
        let bad = Overrides {
            rpc_url: Some("localhost:8545".into()),
            ..Default::default()
        };
        let e = checked_overrides(&bad).unwrap_err();
        assert!(e.message.contains("--rpc-url"), "{}", e.message);
    }
}
