//! Human amounts and the serde forms of chain values: `1.5`, `1.5ether`, `250gwei`, `1000wei`,
//! decimals. Parsing is exact: an amount with more decimal places than the unit has is an
//! error, never silently rounded.

use alloy::primitives::U256;

use crate::error::{Error, Result};

/// Unit suffixes for the native coin and their decimal exponents.
const UNITS: &[(&str, u8)] = &[("ether", 18), ("eth", 18), ("gwei", 9), ("wei", 0)];

fn bad(s: &str, why: impl Into<String>) -> Error {
    Error::usage(
        "amount.invalid",
        format!("'{s}' is not a valid amount: {}", why.into()),
    )
    .hint("write amounts like 1.5, 0.25ether, 250gwei or 1000wei")
}

/// Parses a human amount into base units (wei for the native coin).
///
/// `decimals` is the number of decimals a plain number is in (18 for the native coin, the
/// token's `decimals()` for an ERC-20). A `wei`, `gwei`, `ether` (or `eth`) suffix sets the
/// unit explicitly; suffixes are only accepted where `decimals` is 18 (the native coin and
/// 18-decimal tokens), since `gwei` of a 6-decimal token means nothing.
pub fn parse_amount(s: &str, decimals: u8) -> Result<U256> {
    let text = s.trim();
    let lower = text.to_ascii_lowercase();
    let (number, exp) = match UNITS.iter().find(|(u, _)| lower.ends_with(u)) {
        Some((unit, exp)) => {
            if decimals != 18 {
                return Err(bad(
                    s,
                    format!("unit '{unit}' applies to 18-decimal amounts; this one has {decimals}"),
                ));
            }
            (text[..text.len() - unit.len()].trim(), *exp)
        }
        None => (text, decimals),
    };
    let number = number.replace('_', "");
    if number.is_empty() {
        return Err(bad(s, "no number"));
    }
    if number.starts_with('-') {
        return Err(bad(s, "amounts cannot be negative"));
    }
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number.as_str(), ""),
    };
    if int.is_empty() && frac.is_empty() {
        return Err(bad(s, "no digits"));
    }
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(s, "only digits, one '.' and a unit are allowed"));
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > exp as usize {
        return Err(bad(s, format!("more than {exp} decimal places")));
    }
    let digits = format!("{int}{frac}{}", "0".repeat(exp as usize - frac.len()));
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(U256::ZERO);
    }
    U256::from_str_radix(digits, 10).map_err(|_| bad(s, "too large"))
}

/// Formats base units as a decimal number with `decimals` decimals, trailing zeros removed
/// (`1500000000000000000` with 18 decimals is `1.5`).
pub fn format_amount(value: U256, decimals: u8) -> String {
    let digits = value.to_string();
    let d = decimals as usize;
    let (int, frac) = if digits.len() > d {
        (
            digits[..digits.len() - d].to_string(),
            digits[digits.len() - d..].to_string(),
        )
    } else {
        (
            "0".to_string(),
            format!("{}{digits}", "0".repeat(d - digits.len())),
        )
    };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    }
}

/// [`format_amount`] cut to four significant digits for a line a person glances at
/// (`0.001572864` → `0.001572`, `1234.5678` → `1234.5`); results keep the exact amount.
pub fn format_short(value: U256, decimals: u8) -> String {
    let exact = format_amount(value, decimals);
    let Some((int, frac)) = exact.split_once('.') else {
        return exact;
    };
    let keep = if int != "0" {
        4usize.saturating_sub(int.len()).max(1)
    } else {
        frac.len() - frac.trim_start_matches('0').len() + 4
    };
    let frac = frac[..keep.min(frac.len())].trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// An amount of the chain's coin with its symbol: `0.1 ETH`.
pub fn coin_with(value: U256, symbol: &str) -> String {
    format!("{} {symbol}", format_amount(value, 18))
}

/// An amount of the chain's coin with its symbol and the exact wei beside it, where exactness
/// matters: `0.001572864 ETH (1572864000000000 wei)`.
pub fn coin_exact(value: U256, symbol: &str) -> String {
    format!("{} {symbol} ({value} wei)", format_amount(value, 18))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wei(s: &str) -> U256 {
        U256::from_str_radix(s, 10).unwrap()
    }

    #[test]
    fn plain_numbers_use_the_given_decimals() {
        assert_eq!(parse_amount("1.5", 18).unwrap(), wei("1500000000000000000"));
        assert_eq!(parse_amount("1", 6).unwrap(), wei("1000000"));
        assert_eq!(parse_amount(".5", 6).unwrap(), wei("500000"));
        assert_eq!(parse_amount("2.", 0).unwrap(), wei("2"));
        assert_eq!(parse_amount("0", 18).unwrap(), U256::ZERO);
        assert_eq!(parse_amount("1_000", 0).unwrap(), wei("1000"));
    }

    #[test]
    fn unit_suffixes_set_the_unit() {
        assert_eq!(
            parse_amount("1.5ether", 18).unwrap(),
            wei("1500000000000000000")
        );
        assert_eq!(
            parse_amount("2 ETH", 18).unwrap(),
            wei("2000000000000000000")
        );
        assert_eq!(parse_amount("250gwei", 18).unwrap(), wei("250000000000"));
        assert_eq!(parse_amount("1.5gwei", 18).unwrap(), wei("1500000000"));
        assert_eq!(parse_amount("7wei", 18).unwrap(), wei("7"));
    }

    #[test]
    fn too_precise_negative_or_garbage_amounts_are_refused() {
        assert!(parse_amount("0.1wei", 18).is_err());
        assert!(parse_amount("1.0000001", 6).is_err());
        assert!(parse_amount("-1", 18).is_err());
        assert!(parse_amount("1e18", 18).is_err());
        assert!(parse_amount("", 18).is_err());
        assert!(parse_amount("ether", 18).is_err());
        assert!(parse_amount("1gwei", 6).is_err());
        assert!(parse_amount("1.2.3", 18).is_err());
        let huge = "9".repeat(80);
        assert!(parse_amount(&huge, 18).is_err());
    }

    #[test]
    fn short_and_symbol_forms_keep_the_unit() {
        assert_eq!(format_short(wei("1572864000000000"), 18), "0.001572");
        assert_eq!(format_short(wei("1234567800000000000000"), 18), "1234.5");
        assert_eq!(format_short(wei("12500000000000000000"), 18), "12.5");
        assert_eq!(format_short(wei("2000000000000000000"), 18), "2");
        assert_eq!(format_short(U256::ZERO, 18), "0");
        assert_eq!(coin_with(wei("1600000000000000"), "ETH"), "0.0016 ETH");
        assert_eq!(
            coin_exact(wei("1572864000000000"), "ETH"),
            "0.001572864 ETH (1572864000000000 wei)"
        );
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(format_amount(wei("1500000000000000000"), 18), "1.5");
        assert_eq!(format_amount(wei("1"), 18), "0.000000000000000001");
        assert_eq!(format_amount(U256::ZERO, 18), "0");
        assert_eq!(format_amount(wei("1000000"), 6), "1");
        assert_eq!(format_amount(wei("42"), 0), "42");
        for s in ["1.5", "0.000000000000000001", "123456.789", "0"] {
            assert_eq!(format_amount(parse_amount(s, 18).unwrap(), 18), s);
        }
    }
}

/// Serializes a U256 (wei, token base units) as a decimal string: uint256 does not fit JSON numbers.
pub mod dec {
    use alloy::primitives::U256;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &U256, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<U256, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A U256 as u64, saturating (ids, counts and block numbers that the contracts keep as uint256).
pub fn to_u64(v: alloy::primitives::U256) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Formats wei as a native-coin amount (`0.1`).
pub fn coin(v: alloy::primitives::U256) -> String {
    format_amount(v, 18)
}
