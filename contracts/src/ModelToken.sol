// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {DatasetRegistry} from "./DatasetRegistry.sol";
import {JobMarket} from "./JobMarket.sol";

/// @title ModelToken
/// @notice The token of one trained model (one completed job). Fixed supply (`cap`, minted once, no minter,
///         no admin). The owner pool went to the job owner; the data and compute pools are held by this
///         contract as escrow until each contributor calls `claimAllocation`, which computes their share on
///         chain from the DatasetRegistry and JobMarket records. Holders earn revenue (native coin and the
///         ERC-20 `revenueAssets`) pro rata to their balance and `claim` it at any time.
/// @dev Revenue accounting is the dividend-paying-token pattern: per asset, a revenue-per-share accumulator
///      scaled by 2**128 and an int256 correction per holder, updated in `_update` so that a transfer leaves
///      the revenue earned so far with the sender. The remainder of every scaled division is carried into the
///      next deposit, so no deposit is lost to rounding; what a holder cannot claim is below 1 wei per asset.
///
///      Escrow: the contract itself is a holder like any other while it holds the unclaimed pools, and the
///      revenue those tokens earn stays attached to them: `claimAllocation` moves tokens out of escrow WITHOUT
///      the correction update, so the claimant receives the tokens together with all revenue they earned
///      since tokenization. This is exact because the escrow's correction is always 0 (it only ever receives
///      tokens at mint time, before any revenue; other transfers to this contract revert, and it never
///      approves nor signs, so no one else can move its tokens). The floor-rounding remainder of allocations
///      (a few base units per contributor) stays in escrow forever, with the (tiny) revenue it earns.
contract ModelToken is ERC20, ERC20Permit, ReentrancyGuard {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Constructor parameters (a struct, to keep the stack small).
    struct Config {
        string name;
        string symbol;
        uint256 jobId;
        bytes32 modelRoot;
        address jobMarket;
        address datasetRegistry;
        address jobOwner;
        uint256 cap;
        uint256 ownerAmount;
        uint256 dataPool;
        uint256 computePool;
        uint256 dataTotalWeight;
        uint256 computeTotalUnits;
        uint256[] datasetIds;
        address[] revenueAssets;
        uint16 maxServiceFeeBps;
    }

    /// @notice Scale of the revenue-per-share accumulator.
    uint256 public constant MAGNITUDE = 2 ** 128;
    /// @notice The native coin, as an asset address.
    address public constant NATIVE = address(0);
    /// @notice Most ERC-20 revenue assets a token may have.
    uint256 public constant MAX_REVENUE_ASSETS = 4;

    /// @notice The job this model came from.
    uint256 public immutable jobId;
    /// @notice Storage root of the model.
    bytes32 public immutable modelRoot;
    /// @notice The factory that deployed this token.
    address public immutable factory;
    /// @notice The JobMarket holding the job's compute records.
    JobMarket public immutable jobMarket;
    /// @notice The DatasetRegistry holding the datasets' weights.
    DatasetRegistry public immutable datasetRegistry;
    /// @notice The job owner (received the owner pool at tokenization).
    address public immutable jobOwner;
    /// @notice The whole supply, minted at construction.
    uint256 public immutable cap;
    /// @notice Tokens escrowed for data contributors (0 if the datasets had no weight).
    uint256 public immutable dataPool;
    /// @notice Tokens escrowed for compute contributors (0 if the job had no accepted work).
    uint256 public immutable computePool;
    /// @notice Σ totalWeight over the job's datasets, at tokenization (final: datasets are sealed).
    uint256 public immutable dataTotalWeight;
    /// @notice totalComputeUnits of the job, at tokenization (final: the job is completed).
    uint256 public immutable computeTotalUnits;
    /// @notice The most a provider serving this model may keep of usage payments, in basis points
    ///         (fixed at tokenization; `UsageLedger` pays the rest to the holders).
    uint16 public immutable maxServiceFeeBps;

    uint256[] private _datasetIds;
    address[] private _revenueAssets;
    mapping(address asset => bool) private _isRevenueAsset;
    mapping(address account => bool) private _allocationClaimed;

    mapping(address asset => uint256) private _magnifiedPerShare;
    mapping(address asset => uint256) private _magnifiedRemainder;
    mapping(address asset => mapping(address holder => int256)) private _corrections;
    mapping(address asset => mapping(address holder => uint256)) private _withdrawn;
    mapping(address asset => uint256) private _totalDeposited;
    mapping(address asset => uint256) private _totalClaimed;

    /// @notice Revenue entered through `deposit`, `receive` or `depositToken`.
    event Deposited(address indexed asset, address indexed from, uint256 amount);
    /// @notice Revenue pushed to the contract directly was accounted by `sync`.
    event Synced(address indexed asset, uint256 amount);
    /// @notice A holder's revenue was paid to it.
    event Claimed(address indexed holder, address indexed asset, uint256 amount);
    /// @notice A contributor took its allocation out of escrow.
    event AllocationClaimed(address indexed account, uint256 amount, uint256 dataAmount, uint256 computeAmount);

    /// @notice More than 4 revenue assets, or an invalid one (zero, this token, duplicate).
    error InvalidRevenueAsset(address asset);
    /// @notice The asset is not one of this token's revenue assets.
    error UnsupportedAsset(address asset);
    /// @notice The account already claimed its allocation.
    error AllocationAlreadyClaimed(address account);
    /// @notice The account has no allocation.
    error NoAllocation(address account);
    /// @notice Tokens cannot be sent to the token contract (its balance is the allocation escrow).
    error TransferToEscrow();
    /// @notice The token contract cannot claim revenue for itself.
    error EscrowCannotClaim();
    /// @notice The pools do not add up to the cap.
    error PoolsMismatch();
    /// @notice The service fee cap is above 10000 bps.
    error InvalidServiceFee(uint16 bps);

    constructor(Config memory c) ERC20(c.name, c.symbol) ERC20Permit(c.name) {
        if (c.ownerAmount + c.dataPool + c.computePool != c.cap) revert PoolsMismatch();
        if (c.maxServiceFeeBps > 10_000) revert InvalidServiceFee(c.maxServiceFeeBps);
        if (c.revenueAssets.length > MAX_REVENUE_ASSETS) revert InvalidRevenueAsset(address(0));
        for (uint256 i = 0; i < c.revenueAssets.length; ++i) {
            address a = c.revenueAssets[i];
            if (a == NATIVE || a == address(this) || _isRevenueAsset[a]) revert InvalidRevenueAsset(a);
            _isRevenueAsset[a] = true;
        }
        _revenueAssets = c.revenueAssets;
        _datasetIds = c.datasetIds;
        jobId = c.jobId;
        modelRoot = c.modelRoot;
        factory = msg.sender;
        jobMarket = JobMarket(c.jobMarket);
        datasetRegistry = DatasetRegistry(c.datasetRegistry);
        jobOwner = c.jobOwner;
        cap = c.cap;
        dataPool = c.dataPool;
        computePool = c.computePool;
        dataTotalWeight = c.dataTotalWeight;
        computeTotalUnits = c.computeTotalUnits;
        maxServiceFeeBps = c.maxServiceFeeBps;
        if (c.ownerAmount > 0) _mint(c.jobOwner, c.ownerAmount);
        if (c.dataPool + c.computePool > 0) _mint(address(this), c.dataPool + c.computePool);
    }

    // ------------------------------------------------------------------ allocations

    /// @notice Takes the caller's allocation (data share + compute share) out of escrow, with the revenue
    ///         those tokens earned so far. Once per account.
    function claimAllocation() external nonReentrant returns (uint256 amount) {
        if (_allocationClaimed[msg.sender]) revert AllocationAlreadyClaimed(msg.sender);
        (uint256 dataAmount, uint256 computeAmount) = _allocation(msg.sender);
        amount = dataAmount + computeAmount;
        if (amount == 0) revert NoAllocation(msg.sender);
        _allocationClaimed[msg.sender] = true;
        _transfer(address(this), msg.sender, amount);
        emit AllocationClaimed(msg.sender, amount, dataAmount, computeAmount);
    }

    /// @notice The allocation `account` is (or was) entitled to, whether claimed or not.
    function allocationOf(address account) external view returns (uint256) {
        (uint256 dataAmount, uint256 computeAmount) = _allocation(account);
        return dataAmount + computeAmount;
    }

    /// @notice The two parts of `account`'s allocation.
    function allocationParts(address account) external view returns (uint256 dataAmount, uint256 computeAmount) {
        return _allocation(account);
    }

    /// @notice Whether `account` has claimed its allocation.
    function allocationClaimed(address account) external view returns (bool) {
        return _allocationClaimed[account];
    }

    /// @notice The job's datasets, as used for data allocations.
    function datasetIds() external view returns (uint256[] memory) {
        return _datasetIds;
    }

    // ------------------------------------------------------------------ revenue

    /// @notice The ERC-20 revenue assets (native coin, `address(0)`, is always accepted as well).
    function revenueAssets() external view returns (address[] memory) {
        return _revenueAssets;
    }

    /// @notice Whether `asset` is accepted as revenue (`address(0)` = native coin).
    function isRevenueAsset(address asset) public view returns (bool) {
        return asset == NATIVE || _isRevenueAsset[asset];
    }

    /// @notice Deposits native coin as revenue for the holders.
    function deposit() external payable {
        _deposit(msg.sender, msg.value);
    }

    /// @notice Native coin sent directly is revenue for the holders.
    receive() external payable {
        _deposit(msg.sender, msg.value);
    }

    /// @notice Deposits `amount` of an ERC-20 revenue asset (needs an allowance). Credits what arrives.
    function depositToken(address asset, uint256 amount) external nonReentrant {
        if (asset == NATIVE || !_isRevenueAsset[asset]) revert UnsupportedAsset(asset);
        uint256 before = IERC20(asset).balanceOf(address(this));
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(asset).balanceOf(address(this)) - before;
        if (received > 0) {
            _distribute(asset, received);
            emit Deposited(asset, msg.sender, received);
        }
    }

    /// @notice Accounts revenue pushed to the contract without `deposit`/`depositToken` (plain ERC-20
    ///         transfers, forced native coin). `asset` 0 is the native coin.
    /// @return amount the newly accounted revenue
    function sync(address asset) external nonReentrant returns (uint256 amount) {
        if (!isRevenueAsset(asset)) revert UnsupportedAsset(asset);
        uint256 balance = asset == NATIVE ? address(this).balance : IERC20(asset).balanceOf(address(this));
        uint256 accounted = _totalDeposited[asset] - _totalClaimed[asset];
        if (balance > accounted) {
            amount = balance - accounted;
            _distribute(asset, amount);
            emit Synced(asset, amount);
        }
    }

    /// @notice Pays the caller its claimable revenue in `asset`.
    function claim(address asset) external returns (uint256) {
        return claimFor(msg.sender, asset);
    }

    /// @notice Pays `holder` its claimable revenue in `asset` (anyone may trigger it; the money goes to the
    ///         holder). Returns 0 and changes nothing when there is nothing to claim.
    function claimFor(address holder, address asset) public nonReentrant returns (uint256 amount) {
        if (!isRevenueAsset(asset)) revert UnsupportedAsset(asset);
        if (holder == address(this)) revert EscrowCannotClaim();
        amount = claimable(holder, asset);
        if (amount == 0) return 0;
        _withdrawn[asset][holder] += amount;
        _totalClaimed[asset] += amount;
        emit Claimed(holder, asset, amount);
        if (asset == NATIVE) {
            Address.sendValue(payable(holder), amount);
        } else {
            IERC20(asset).safeTransfer(holder, amount);
        }
    }

    /// @notice Revenue in `asset` that `holder` can claim now.
    function claimable(address holder, address asset) public view returns (uint256) {
        return accumulatedRevenue(holder, asset) - _withdrawn[asset][holder];
    }

    /// @notice All revenue in `asset` ever earned by `holder` (claimed or not).
    function accumulatedRevenue(address holder, address asset) public view returns (uint256) {
        int256 magnified = (_magnifiedPerShare[asset] * balanceOf(holder)).toInt256() + _corrections[asset][holder];
        return uint256(magnified) / MAGNITUDE;
    }

    /// @notice Revenue in `asset` already paid to `holder`.
    function withdrawnRevenue(address holder, address asset) external view returns (uint256) {
        return _withdrawn[asset][holder];
    }

    /// @notice Total revenue ever accounted in `asset`.
    function totalDeposited(address asset) external view returns (uint256) {
        return _totalDeposited[asset];
    }

    /// @notice Total revenue ever paid out in `asset`.
    function totalClaimed(address asset) external view returns (uint256) {
        return _totalClaimed[asset];
    }

    /// @notice Scaled revenue per token in `asset` (× 2**128) and the carried scaled remainder.
    function revenuePerShare(address asset) external view returns (uint256 magnifiedPerShare, uint256 remainder) {
        return (_magnifiedPerShare[asset], _magnifiedRemainder[asset]);
    }

    // ------------------------------------------------------------------ internals

    function _allocation(address account) private view returns (uint256 dataAmount, uint256 computeAmount) {
        if (account == address(this)) return (0, 0);
        if (dataPool > 0) {
            uint256 weight;
            for (uint256 i = 0; i < _datasetIds.length; ++i) {
                weight += datasetRegistry.weightOf(_datasetIds[i], account);
            }
            dataAmount = Math.mulDiv(dataPool, weight, dataTotalWeight);
        }
        if (computePool > 0) {
            computeAmount = Math.mulDiv(computePool, jobMarket.computeUnits(jobId, account), computeTotalUnits);
        }
    }

    function _deposit(address from, uint256 amount) private {
        if (amount == 0) return;
        _distribute(NATIVE, amount);
        emit Deposited(NATIVE, from, amount);
    }

    /// @dev Adds `amount` to the accumulator; the scaled remainder is carried into the next deposit.
    function _distribute(address asset, uint256 amount) private {
        uint256 supply = totalSupply();
        uint256 scaled = amount * MAGNITUDE + _magnifiedRemainder[asset];
        _magnifiedPerShare[asset] += scaled / supply;
        _magnifiedRemainder[asset] = scaled % supply;
        _totalDeposited[asset] += amount;
    }

    /// @dev Keeps earned revenue with the sender of a transfer (correction update), except for escrow
    ///      releases, where the revenue travels with the tokens (see the contract notes).
    function _update(address from, address to, uint256 value) internal override {
        if (to == address(this) && from != address(0)) revert TransferToEscrow();
        super._update(from, to, value);
        if (from == address(this)) return;
        _correct(NATIVE, from, to, value);
        for (uint256 i = 0; i < _revenueAssets.length; ++i) {
            _correct(_revenueAssets[i], from, to, value);
        }
    }

    function _correct(address asset, address from, address to, uint256 value) private {
        uint256 perShare = _magnifiedPerShare[asset];
        if (perShare == 0) return;
        int256 delta = (perShare * value).toInt256();
        if (from != address(0)) _corrections[asset][from] += delta;
        if (to != address(0)) _corrections[asset][to] -= delta;
    }
}
