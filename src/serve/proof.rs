//! Proof that a request for a user's account at a server comes from the user: a voucher is a
//! bearer credential (the server serves whoever presents it), so `GET /v1/cohort/account/{user}`
//! hands out the user's best voucher only to a request carrying this proof.
//!
//! The proof is the header `X-Cohort-Account-Proof: <unix seconds>:<signature>`, the signature an
//! EIP-191 (`personal_sign`) signature by the user of the text
//! `cohort account <provider> <user> <unix seconds>` (addresses as lowercase 0x-hex), taken
//! within [`WINDOW_SECS`] of the server's clock. Naming the provider keeps one server from
//! replaying a user's proof at another; the time keeps an old proof from serving for ever.

use alloy::primitives::{Address, Signature};
use alloy::signers::SignerSync;
use alloy::signers::local::PrivateKeySigner;

use crate::error::{Error, Result};

/// The HTTP header the proof travels in.
pub const HEADER: &str = "X-Cohort-Account-Proof";

/// How far (seconds, either way) the proof's time may be from the server's clock.
pub const WINDOW_SECS: u64 = 300;

/// The text the user signs.
pub fn text(provider: Address, user: Address, at: u64) -> String {
    format!("cohort account {provider:#x} {user:#x} {at}")
}

/// The header value proving `key`'s owner asks for their account at `provider`, at unix time `at`.
pub fn sign(key: &PrivateKeySigner, provider: Address, at: u64) -> Result<String> {
    let sig = key
        .sign_message_sync(text(provider, key.address(), at).as_bytes())
        .map_err(|e| {
            Error::wallet(
                "serve.account_proof",
                format!("signing the account proof failed: {e}"),
            )
        })?;
    Ok(format!(
        "{at}:{}",
        alloy::primitives::hex::encode_prefixed(sig.as_bytes())
    ))
}

/// Checks a proof header for `user`'s account at `provider` at unix time `now`; the error says
/// what is wrong with it (for the 401's message).
pub fn check(
    header: &str,
    provider: Address,
    user: Address,
    now: u64,
) -> std::result::Result<(), String> {
    let Some((at, sig)) = header.trim().split_once(':') else {
        return Err(format!(
            "the {HEADER} header is not <unix seconds>:<signature>"
        ));
    };
    let at: u64 = at
        .trim()
        .parse()
        .map_err(|_| format!("the {HEADER} header's time '{at}' is not unix seconds"))?;
    if at.abs_diff(now) > WINDOW_SECS {
        return Err(format!(
            "the proof's time ({at}) is {} s from this server's clock ({now}); at most \
             {WINDOW_SECS} s are allowed: check the clock of the machine that signed it",
            at.abs_diff(now)
        ));
    }
    let bytes = alloy::primitives::hex::decode(sig.trim())
        .map_err(|_| format!("the {HEADER} header's signature is not hex"))?;
    let sig = Signature::from_raw(&bytes)
        .map_err(|_| format!("the {HEADER} header's signature is not 65 bytes"))?;
    match sig.recover_address_from_msg(text(provider, user, at).as_bytes()) {
        Ok(a) if a == user => Ok(()),
        _ => Err(format!(
            "the proof is not signed by {user} for this provider ({provider})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_holds_only_for_its_user_provider_and_time() {
        let user = crate::devnet::dev_signer(6).unwrap();
        let other = crate::devnet::dev_signer(7).unwrap();
        let provider = Address::repeat_byte(9);
        let now = 1_800_000_000;
        let p = sign(&user, provider, now).unwrap();
        assert_eq!(check(&p, provider, user.address(), now), Ok(()));
        assert_eq!(
            check(&p, provider, user.address(), now + WINDOW_SECS),
            Ok(())
        );
        // Too old or from the future.
        let e = check(&p, provider, user.address(), now + WINDOW_SECS + 1).unwrap_err();
        assert!(e.contains("clock"), "{e}");
        assert!(check(&p, provider, user.address(), now - WINDOW_SECS - 1).is_err());
        // For another user, or another provider.
        assert!(check(&p, provider, other.address(), now).is_err());
        assert!(check(&p, Address::repeat_byte(8), user.address(), now).is_err());
        // Another key's proof for this user.
        let forged = sign(&other, provider, now).unwrap();
        assert!(check(&forged, provider, user.address(), now).is_err());
        // A proof whose time was changed after signing.
        let (_, sig) = p.split_once(':').unwrap();
        assert!(check(&format!("{}:{sig}", now + 1), provider, user.address(), now).is_err());
        for junk in ["", "abc", "1:zz", "x:0x00", "1800000000:0x1234"] {
            assert!(
                check(junk, provider, user.address(), now).is_err(),
                "{junk}"
            );
        }
    }
}
