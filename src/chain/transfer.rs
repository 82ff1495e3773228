//! Balances and transfers of the native coin and ERC-20 tokens.

use alloy::network::TransactionBuilder;
use alloy::primitives::{Address, U256};
use alloy::rpc::types::TransactionRequest;

use super::tx;
use super::units::{format_amount, parse_amount};
use super::{Chain, SignerChain};
use crate::error::{Error, Result};

/// A balance: native coin or one ERC-20.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenBalance {
    /// `None` for the native coin.
    pub token: Option<Address>,
    pub symbol: String,
    pub decimals: u8,
    /// Base units, as a decimal string.
    pub raw: String,
    /// Human amount (`1.5`).
    pub amount: String,
}

/// What `wallet balance` shows: the native balance and any token balances. Other commands
/// (model tokens) add to `tokens`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BalanceReport {
    pub address: Address,
    pub native: TokenBalance,
    pub tokens: Vec<TokenBalance>,
}

/// An ERC-20's metadata: (symbol, decimals). A contract that is not an ERC-20 is exit 2.
pub async fn token_info(chain: &Chain, token: Address) -> Result<(String, u8)> {
    let c = crate::chain::bindings::IERC20::new(token, chain.provider.clone());
    let not_token = |e: alloy::contract::Error| match e {
        alloy::contract::Error::TransportError(alloy::transports::RpcError::Transport(t)) => {
            crate::chain::unreachable(&chain.rpc_url, t)
        }
        other => Error::usage(
            "wallet.not_a_token",
            format!("{token} is not an ERC-20 token on this chain"),
        )
        .cause(other)
        .hint("check the --token address and the profile's chain"),
    };
    let decimals = c.decimals().call().await.map_err(not_token)?;
    let symbol = c
        .symbol()
        .call()
        .await
        .unwrap_or_else(|_| "tokens".to_string());
    Ok((symbol, decimals))
}

/// `holder`'s balance of ERC-20 `token`.
pub async fn token_balance(chain: &Chain, token: Address, holder: Address) -> Result<TokenBalance> {
    let (symbol, decimals) = token_info(chain, token).await?;
    let c = crate::chain::bindings::IERC20::new(token, chain.provider.clone());
    let raw = c
        .balanceOf(holder)
        .call()
        .await
        .map_err(|e| crate::chain::describe_contract_error(&chain.rpc_url, e))?;
    Ok(TokenBalance {
        token: Some(token),
        symbol,
        decimals,
        raw: raw.to_string(),
        amount: format_amount(raw, decimals),
    })
}

/// `holder`'s native balance and its balances of `tokens`.
pub async fn balance(chain: &Chain, holder: Address, tokens: &[Address]) -> Result<BalanceReport> {
    let raw = chain.balance(holder).await?;
    let native = TokenBalance {
        token: None,
        symbol: tx::native_symbol(chain.chain_id).to_string(),
        decimals: 18,
        raw: raw.to_string(),
        amount: format_amount(raw, 18),
    };
    let mut out = Vec::new();
    for t in tokens {
        out.push(token_balance(chain, *t, holder).await?);
    }
    Ok(BalanceReport {
        address: holder,
        native,
        tokens: out,
    })
}

/// A transfer: what `wallet send` builds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Transfer {
    pub from: Address,
    pub to: Address,
    pub token: Option<Address>,
    pub symbol: String,
    pub decimals: u8,
    /// Base units, as a decimal string.
    pub raw: String,
    pub amount: String,
    /// The most the gas may cost, in wei.
    pub max_gas_cost: String,
}

/// The symbol and decimals of what is sent (the native coin or ERC-20 `token`).
async fn unit_of(s: &SignerChain, token: Option<Address>) -> Result<(String, u8)> {
    Ok(match token {
        Some(t) => token_info(&s.chain, t).await?,
        None => (tx::native_symbol(s.chain.chain_id).to_string(), 18),
    })
}

/// Builds and checks a transfer of `amount` (human, see [`parse_amount`]) of the native coin or
/// ERC-20 `token` to `to`. Insufficient funds are exit 4 with both amounts.
pub async fn prepare_transfer(
    s: &SignerChain,
    to: Address,
    amount: &str,
    token: Option<Address>,
) -> Result<(Transfer, tx::Prepared)> {
    let (symbol, decimals) = unit_of(s, token).await?;
    let value = parse_amount(amount, decimals)?;
    let req = match token {
        None => TransactionRequest::default().with_to(to).with_value(value),
        Some(t) if t == to => {
            return Err(Error::usage(
                "wallet.to_token_contract",
                format!("{to} is the {symbol} token's own contract: tokens sent there are lost (a model token refuses them)"),
            )
            .hint("send to the holder's address or wallet name, not the token's"));
        }
        Some(t) => {
            let c = crate::chain::bindings::IERC20::new(t, s.provider.clone());
            let have = c
                .balanceOf(s.address)
                .call()
                .await
                .map_err(|e| crate::chain::describe_contract_error(&s.chain.rpc_url, e))?;
            if have < value {
                return Err(tx::insufficient_funds(
                    s.address,
                    have,
                    value,
                    decimals,
                    &symbol,
                    "the transfer",
                ));
            }
            c.transfer(to, value).into_transaction_request()
        }
    };
    let prepared = tx::prepare(s, req).await?;
    let transfer = Transfer::of(
        s,
        to,
        token,
        (symbol, decimals),
        value,
        prepared.max_gas_cost(),
    );
    Ok((transfer, prepared))
}

impl Transfer {
    /// `value` base units of the asset (`unit`: its symbol and decimals) from the signer to `to`.
    fn of(
        s: &SignerChain,
        to: Address,
        token: Option<Address>,
        (symbol, decimals): (String, u8),
        value: U256,
        max_gas_cost: U256,
    ) -> Transfer {
        Transfer {
            from: s.address,
            to,
            token,
            symbol,
            decimals,
            raw: value.to_string(),
            amount: format_amount(value, decimals),
            max_gas_cost: max_gas_cost.to_string(),
        }
    }
}

/// `wallet send --dry-run`: the transfer that would be sent and its gas.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TransferPlan {
    pub dry_run: bool,
    pub transfer: Transfer,
    pub gas: u64,
    /// Wei per gas, as a decimal string.
    pub max_fee_per_gas: String,
}

/// `wallet send`: the transfer and its confirmed transaction.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Sent {
    pub transfer: Transfer,
    pub tx: tx::Confirmed,
    /// Sent by an earlier run (interrupted while it waited for the receipt, or running alongside
    /// this one) with the same sender, recipient, amount and asset; this run found it recorded
    /// and waited for it: nothing was paid again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
    /// When `resumed`: when the earlier run recorded its transaction (UTC,
    /// `2026-12-07 20:36:12 UTC`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier_run_at: Option<String>,
}

/// The pending-transaction intent of a transfer: one per chain, sender, recipient, asset and
/// amount (base units).
fn send_intent(s: &SignerChain, to: Address, token: Option<Address>, value: U256) -> String {
    format!(
        "send:{}:{:#x}:{:#x}:{}:{value}",
        s.chain.chain_id,
        s.address,
        to,
        token.map_or("native".to_string(), |t| format!("{t:#x}"))
    )
}

/// `wallet send`: transfers `amount` of the native coin or ERC-20 `token` to `to`. The signed
/// transaction is recorded before it is broadcast: a rerun after an interruption finds it and
/// waits for it (`resumed`, with the time of the earlier run) instead of paying again, before
/// anything is estimated or checked. The record goes once a run saw the receipt, so a
/// deliberate second identical send pays again (run after the one that reported the earlier
/// run's transfer).
pub async fn send(
    s: &SignerChain,
    to: Address,
    amount: &str,
    token: Option<Address>,
    progress: &dyn crate::progress::Progress,
) -> Result<Sent> {
    let (symbol, decimals) = unit_of(s, token).await?;
    let value = parse_amount(amount, decimals)?;
    let intent = send_intent(s, to, token, value);
    let label = format!("sending {} {symbol}", format_amount(value, decimals));
    if let Some(done) = tx::resume_intent(s, &intent, &label, progress).await? {
        // Mined: what its gas cost is the most it may cost.
        let gas = U256::from(done.gas_used) * U256::from(done.effective_gas_price);
        let transfer = Transfer::of(s, to, token, (symbol, decimals), value, gas);
        return Ok(Sent {
            transfer,
            earlier_run_at: done.recorded_at.map(crate::jobs::utc),
            tx: done,
            resumed: true,
        });
    }
    let (transfer, prepared) = prepare_transfer(s, to, amount, token).await?;
    let done = tx::send_prepared_once(s, Some(&intent), prepared, &label, progress).await?;
    Ok(Sent {
        transfer,
        resumed: done.resumed,
        earlier_run_at: done
            .recorded_at
            .filter(|_| done.resumed)
            .map(crate::jobs::utc),
        tx: done,
    })
}
