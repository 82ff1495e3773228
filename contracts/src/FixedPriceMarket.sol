// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

/// @title FixedPriceMarket
/// @notice Storage market with a fixed price per 256-byte sector, the counterpart of 0G Storage's
///         `FixedPrice` market as clients see it: `pricePerSector()` (selector 0x61ec5082) is what the
///         SDKs read to compute the fee. Written for cohort, not copied.
/// @dev Deployment: `FixedPriceMarket(price)`, then `Flow(market)`, then `market.setFlow(flow)`. Only the
///      deployer may call `setFlow`, and only once; after that the market is fully permissionless and
///      only the flow can charge fees. The fee for each submission is split between two pools: one for the
///      sectors of data and one for the alignment padding the flow inserted before it (pro rata by sector
///      count, floor for the padding pool, remainder to the data pool). The pools are accounting only;
///      cohort's devnet has no miners, so the collected coin stays in this contract.
contract FixedPriceMarket {
    /// @notice Price of one 256-byte sector, in wei.
    uint256 public immutable pricePerSector;
    /// @notice The account allowed to call `setFlow` once.
    address public immutable deployer;
    /// @notice The flow contract allowed to call `chargeFee` (zero until `setFlow`).
    address public flow;
    /// @notice Fees accounted to the data reward pool, in wei.
    uint256 public dataRewardPool;
    /// @notice Fees accounted to the padding reward pool, in wei.
    uint256 public paddingPool;
    /// @notice Total sectors of data charged so far.
    uint256 public totalChargedSectors;
    /// @notice Total padding sectors recorded so far.
    uint256 public totalPaddingSectors;

    /// @notice Emitted once, when the flow is set.
    event FlowSet(address indexed flow);
    /// @notice Emitted for every charged submission.
    event FeeCharged(
        address indexed flow,
        uint256 previousLength,
        uint256 chargedSectors,
        uint256 paddingSectors,
        uint256 fee,
        uint256 dataReward,
        uint256 paddingReward
    );

    /// @notice Caller is not the deployer.
    error NotDeployer(address caller);
    /// @notice `setFlow` was already called.
    error FlowAlreadySet(address flow);
    /// @notice The flow address is zero.
    error ZeroFlow();
    /// @notice Caller is not the flow (or the flow is not set yet).
    error NotFlow(address caller);
    /// @notice `msg.value` is not exactly `chargedSectors × pricePerSector`.
    error WrongFee(uint256 expected, uint256 paid);

    /// @param pricePerSector_ price of one 256-byte sector, in wei (0 allowed: free storage)
    constructor(uint256 pricePerSector_) {
        pricePerSector = pricePerSector_;
        deployer = msg.sender;
    }

    /// @notice Binds the market to its flow. Deployer only, once.
    function setFlow(address flow_) external {
        if (msg.sender != deployer) revert NotDeployer(msg.sender);
        if (flow != address(0)) revert FlowAlreadySet(flow);
        if (flow_ == address(0)) revert ZeroFlow();
        flow = flow_;
        emit FlowSet(flow_);
    }

    /// @notice Accounts the fee of one submission. Called by the flow with exactly
    ///         `chargedSectors × pricePerSector` as `msg.value`.
    /// @param previousLength flow length (in sectors) before the submission's padding
    /// @param chargedSectors sectors of the submission (Σ 2^height)
    /// @param paddingSectors alignment padding sectors the flow inserted for it
    function chargeFee(uint256 previousLength, uint256 chargedSectors, uint256 paddingSectors) external payable {
        if (msg.sender != flow || msg.sender == address(0)) revert NotFlow(msg.sender);
        uint256 expected = chargedSectors * pricePerSector;
        if (msg.value != expected) revert WrongFee(expected, msg.value);
        uint256 total = chargedSectors + paddingSectors;
        uint256 paddingReward = total == 0 ? 0 : (msg.value * paddingSectors) / total;
        uint256 dataReward = msg.value - paddingReward;
        dataRewardPool += dataReward;
        paddingPool += paddingReward;
        totalChargedSectors += chargedSectors;
        totalPaddingSectors += paddingSectors;
        emit FeeCharged(msg.sender, previousLength, chargedSectors, paddingSectors, msg.value, dataReward, paddingReward);
    }
}
