// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ModelToken} from "./ModelToken.sol";
import {ModelTokenFactory} from "./ModelTokenFactory.sol";

/// @title UsageLedger
/// @notice Pay-per-use for served models. A user deposits native coin, or an ERC-20, into an account and
///         signs EIP-712 vouchers off chain, one per request, each naming the model token, the asset, the
///         provider (the server that answers) and the CUMULATIVE amount of that asset the user owes that
///         provider for that model. The provider settles the latest voucher whenever it likes: the ledger
///         pays the increment since the last settlement of that (user, provider, token, asset) channel, out
///         of the user's deposit in that asset, the provider's fee (the token's `maxServiceFeeBps`, fixed
///         when the job was created) to the provider and the rest into the model token as revenue for its
///         holders (`ModelToken.deposit`, or `depositToken` for an ERC-20). An ERC-20 voucher settles only
///         for a token that takes that asset as revenue (`ModelToken.isRevenueAsset`, committed at
///         `JobMarket.createJob`).
///
///         A user takes unspent deposit back in two steps per asset, `announceWithdrawal` then `withdraw`
///         after `withdrawDelay`, so providers can settle the last vouchers first. Settlement after (or
///         during) a withdrawal pays at most what is left in the account; the unpaid part of a voucher
///         stays owed on the channel and a later settlement can still collect it from a new deposit.
/// @dev Replay protection: the EIP-712 domain binds a voucher to this ledger and this chain id; the signed
///      struct binds it to the token, the asset, the provider (only it may settle) and the user; the
///      channel's settled amount only grows, so a voucher (or an older, lower one) settles nothing twice.
///      The token must be one the factory deployed, so the fee cap read from it is the committed one.
///      ERC-20 deposits credit what arrives (a fee-on-transfer token credits less than `amount`).
///
///      Conservation per asset (checked by the tests): Σ deposits = Σ paid to tokens + Σ fees + Σ withdrawn
///      + Σ balances, and this contract's balance of the asset is Σ balances.
contract UsageLedger is EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant BPS = 10_000;
    /// @notice The asset id of the native coin.
    address public constant NATIVE = address(0);

    /// @notice The signed voucher: `cumulative` is everything `user` owes `provider` for `token`, in
    ///         `asset` (0 = the native coin), so far.
    struct Voucher {
        address token;
        address asset;
        address provider;
        address user;
        uint256 cumulative;
        uint64 expiry;
    }

    /// @notice A pending withdrawal: `amount` can be taken from `readyAt` (unix seconds) on.
    struct Withdrawal {
        uint256 amount;
        uint64 readyAt;
    }

    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address token,address asset,address provider,address user,uint256 cumulative,uint64 expiry)"
    );

    /// @notice The factory whose tokens may be paid.
    ModelTokenFactory public immutable factory;
    /// @notice Seconds between `announceWithdrawal` and `withdraw`.
    uint64 public immutable withdrawDelay;

    mapping(address user => mapping(address asset => uint256)) private _balance;
    mapping(address user => mapping(address asset => Withdrawal)) private _withdrawal;
    mapping(bytes32 channel => uint256) private _settled;

    /// @notice Per asset: Σ deposited, paid into tokens, fees to providers and withdrawn, for audits.
    mapping(address asset => uint256) public totalDeposited;
    mapping(address asset => uint256) public totalToHolders;
    mapping(address asset => uint256) public totalFees;
    mapping(address asset => uint256) public totalWithdrawn;

    event Deposited(address indexed user, address indexed asset, uint256 amount);
    event WithdrawalAnnounced(address indexed user, address indexed asset, uint256 amount, uint64 readyAt);
    event Withdrawn(address indexed user, address indexed asset, uint256 amount);
    /// @notice A voucher was settled: `paid` = `fee` + `toHolders`; `settledTotal` is the channel's new total.
    event Settled(
        address indexed token,
        address indexed provider,
        address indexed user,
        address asset,
        uint256 cumulative,
        uint256 paid,
        uint256 fee,
        uint256 toHolders,
        uint256 settledTotal
    );

    error ZeroAddress();
    error ZeroAmount();
    /// @notice The signature is not the voucher user's.
    error InvalidSignature();
    /// @notice Only the voucher's provider may settle it.
    error NotProvider(address caller, address provider);
    /// @notice The voucher's expiry has passed.
    error VoucherExpired(uint64 expiry, uint256 nowTs);
    /// @notice The voucher's cumulative amount is not above what was already settled on its channel.
    error NothingToSettle(uint256 cumulative, uint256 settled);
    /// @notice The token was not deployed by the factory.
    error UnknownToken(address token);
    /// @notice The model token does not take this asset as revenue.
    error UnsupportedAsset(address token, address asset);
    /// @notice No withdrawal was announced.
    error NoWithdrawal(address user);
    /// @notice The withdrawal delay has not passed.
    error WithdrawalNotReady(uint64 readyAt, uint256 nowTs);
    /// @notice More than the account holds.
    error InsufficientBalance(uint256 balance, uint256 amount);

    /// @param factory_ the ModelTokenFactory whose tokens this ledger pays
    /// @param withdrawDelay_ seconds a withdrawal waits after its announcement
    constructor(address factory_, uint64 withdrawDelay_) EIP712("CohortUsageLedger", "1") {
        if (factory_ == address(0)) revert ZeroAddress();
        factory = ModelTokenFactory(factory_);
        withdrawDelay = withdrawDelay_;
    }

    // ------------------------------------------------------------------ accounts

    /// @notice Adds native coin to the caller's account.
    function deposit() external payable {
        depositFor(msg.sender);
    }

    /// @notice Adds native coin to `user`'s account.
    function depositFor(address user) public payable {
        if (user == address(0)) revert ZeroAddress();
        if (msg.value == 0) revert ZeroAmount();
        _credit(user, NATIVE, msg.value);
    }

    /// @notice Adds `amount` of the ERC-20 `asset` to the caller's account (needs an allowance).
    function depositToken(address asset, uint256 amount) external {
        depositTokenFor(msg.sender, asset, amount);
    }

    /// @notice Adds `amount` of the ERC-20 `asset` to `user`'s account; credits what arrives.
    function depositTokenFor(address user, address asset, uint256 amount) public nonReentrant {
        if (user == address(0) || asset == NATIVE) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        uint256 before = IERC20(asset).balanceOf(address(this));
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(asset).balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        _credit(user, asset, received);
    }

    function _credit(address user, address asset, uint256 amount) private {
        _balance[user][asset] += amount;
        totalDeposited[asset] += amount;
        emit Deposited(user, asset, amount);
    }

    /// @notice Starts a withdrawal of `amount` of `asset` (replacing any pending one of that asset);
    ///         `withdraw` after the delay.
    function announceWithdrawal(address asset, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 bal = _balance[msg.sender][asset];
        if (amount > bal) revert InsufficientBalance(bal, amount);
        uint64 readyAt = uint64(block.timestamp) + withdrawDelay;
        _withdrawal[msg.sender][asset] = Withdrawal(amount, readyAt);
        emit WithdrawalAnnounced(msg.sender, asset, amount, readyAt);
    }

    /// @notice Pays the announced withdrawal of `asset`, capped at what is left after settlements.
    function withdraw(address asset) external nonReentrant returns (uint256 amount) {
        Withdrawal memory w = _withdrawal[msg.sender][asset];
        if (w.readyAt == 0) revert NoWithdrawal(msg.sender);
        if (block.timestamp < w.readyAt) revert WithdrawalNotReady(w.readyAt, block.timestamp);
        delete _withdrawal[msg.sender][asset];
        uint256 bal = _balance[msg.sender][asset];
        amount = w.amount < bal ? w.amount : bal;
        _balance[msg.sender][asset] = bal - amount;
        totalWithdrawn[asset] += amount;
        emit Withdrawn(msg.sender, asset, amount);
        if (amount > 0) _pay(asset, msg.sender, amount);
    }

    function _pay(address asset, address to, uint256 amount) private {
        if (asset == NATIVE) {
            Address.sendValue(payable(to), amount);
        } else {
            IERC20(asset).safeTransfer(to, amount);
        }
    }

    /// @notice The user's deposit of `asset`.
    function balanceOf(address user, address asset) external view returns (uint256) {
        return _balance[user][asset];
    }

    /// @notice The deposit of `asset` minus its pending withdrawal: what a provider can count on.
    function available(address user, address asset) external view returns (uint256) {
        uint256 bal = _balance[user][asset];
        uint256 w = _withdrawal[user][asset].amount;
        return w >= bal ? 0 : bal - w;
    }

    /// @notice The user's pending withdrawal of `asset` (amount 0, readyAt 0 if none).
    function pendingWithdrawal(address user, address asset) external view returns (uint256 amount, uint64 readyAt) {
        Withdrawal memory w = _withdrawal[user][asset];
        return (w.amount, w.readyAt);
    }

    // ------------------------------------------------------------------ vouchers

    /// @notice What was settled so far on the (user, provider, token, asset) channel.
    function settled(address user, address provider, address token, address asset) public view returns (uint256) {
        return _settled[channelId(user, provider, token, asset)];
    }

    /// @notice The key of a channel.
    function channelId(address user, address provider, address token, address asset) public pure returns (bytes32) {
        return keccak256(abi.encode(user, provider, token, asset));
    }

    /// @notice The EIP-712 digest the user signs.
    function voucherDigest(Voucher calldata v) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(abi.encode(VOUCHER_TYPEHASH, v.token, v.asset, v.provider, v.user, v.cumulative, v.expiry))
        );
    }

    /// @notice The domain separator (binds vouchers to this ledger and chain).
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev The user's ECDSA signature first (65 bytes, v 27/28, low s: what servers accept), then ERC-1271
    ///      when the user is a contract. An account that gets code after it signed (an EOA delegated with
    ///      EIP-7702) keeps its signed vouchers settleable, whatever its code answers.
    function _signedBy(address user, bytes32 digest, bytes calldata signature) private view returns (bool) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == user) return true;
        return user.code.length > 0 && SignatureChecker.isValidERC1271SignatureNowCalldata(user, digest, signature);
    }

    /// @notice Settles a voucher (its provider only): pays `cumulative − settled`, capped at the user's
    ///         deposit of the voucher's asset; the token's `maxServiceFeeBps` of it to the provider, the rest
    ///         to the token's holders.
    /// @return paid the amount taken from the user's deposit
    function settle(Voucher calldata v, bytes calldata signature) external nonReentrant returns (uint256 paid) {
        if (msg.sender != v.provider) revert NotProvider(msg.sender, v.provider);
        if (block.timestamp > v.expiry) revert VoucherExpired(v.expiry, block.timestamp);
        if (!_signedBy(v.user, voucherDigest(v), signature)) revert InvalidSignature();
        ModelToken token = ModelToken(payable(v.token));
        if (v.token.code.length == 0 || factory.tokenOf(token.jobId()) != v.token) revert UnknownToken(v.token);
        if (!token.isRevenueAsset(v.asset)) revert UnsupportedAsset(v.token, v.asset);
        bytes32 ch = channelId(v.user, v.provider, v.token, v.asset);
        uint256 done = _settled[ch];
        if (v.cumulative <= done) revert NothingToSettle(v.cumulative, done);
        paid = v.cumulative - done;
        uint256 bal = _balance[v.user][v.asset];
        if (paid > bal) paid = bal;
        if (paid == 0) revert InsufficientBalance(bal, v.cumulative - done);
        _settled[ch] = done + paid;
        _balance[v.user][v.asset] = bal - paid;
        uint256 fee = (paid * token.maxServiceFeeBps()) / BPS;
        uint256 toHolders = paid - fee;
        totalFees[v.asset] += fee;
        totalToHolders[v.asset] += toHolders;
        emit Settled(v.token, v.provider, v.user, v.asset, v.cumulative, paid, fee, toHolders, done + paid);
        if (toHolders > 0) {
            if (v.asset == NATIVE) {
                token.deposit{value: toHolders}();
            } else {
                IERC20(v.asset).forceApprove(v.token, toHolders);
                token.depositToken(v.asset, toHolders);
            }
        }
        if (fee > 0) _pay(v.asset, v.provider, fee);
    }
}
