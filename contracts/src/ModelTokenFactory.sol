// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {DatasetRegistry} from "./DatasetRegistry.sol";
import {JobMarket} from "./JobMarket.sol";
import {ModelToken} from "./ModelToken.sol";

/// @title ModelTokenFactory
/// @notice Tokenizes completed training jobs: one `ModelToken` per job, deployed by the job's owner, with
///         the token split (owner/data/compute basis points) and the most a model server may keep of usage
///         revenue (`maxServiceFeeBps`) and the ERC-20 revenue assets the job committed to at
///         `JobMarket.createJob`: nobody can change them after the work is done.
/// @dev Pools: `dataPool = cap × dataBps / 10000` and `computePool = cap × computeBps / 10000` (floor); the
///      owner pool is the rest of the cap (so the rounding goes to the owner). A pool with nobody in it (Σ
///      totalWeight of the job's datasets is 0, or the job's totalComputeUnits is 0) is added to the owner
///      pool. The owner pool is minted to the owner, the others to the token itself as escrow.
contract ModelTokenFactory {
    uint256 private constant BPS = 10_000;

    /// @notice The JobMarket whose completed jobs can be tokenized.
    JobMarket public immutable jobMarket;
    /// @notice The DatasetRegistry the jobs' datasets live in.
    DatasetRegistry public immutable datasetRegistry;

    mapping(uint256 jobId => address) private _tokenOf;
    address[] private _tokens;

    /// @notice A job was tokenized.
    event Tokenized(
        uint256 indexed jobId,
        address indexed token,
        address indexed owner,
        uint256 cap,
        uint256 ownerAmount,
        uint256 dataPool,
        uint256 computePool
    );

    error ZeroAddress();
    /// @notice Caller is not the job's owner.
    error NotJobOwner(uint256 jobId, address caller);
    /// @notice The job is not Completed.
    error JobNotCompleted(uint256 jobId);
    /// @notice The job already has a token.
    error AlreadyTokenized(uint256 jobId, address token);
    /// @notice The cap must be positive.
    error ZeroCap();

    /// @param jobMarket_ the JobMarket
    /// @param datasetRegistry_ the DatasetRegistry (the one the JobMarket uses)
    constructor(address jobMarket_, address datasetRegistry_) {
        if (jobMarket_ == address(0) || datasetRegistry_ == address(0)) revert ZeroAddress();
        jobMarket = JobMarket(jobMarket_);
        datasetRegistry = DatasetRegistry(datasetRegistry_);
    }

    /// @notice Deploys the model token of a completed job (job owner only, once per job), split as the job
    ///         committed to, accepting the revenue assets the job committed to.
    /// @param cap whole supply in base units (18 decimals)
    /// @return token the new ModelToken
    function tokenize(uint256 jobId, string memory name, string memory symbol, uint256 cap)
        external
        returns (address token)
    {
        if (cap == 0) revert ZeroCap();
        ModelToken.Config memory c = _config(jobId, cap);
        c.name = name;
        c.symbol = symbol;
        token = address(new ModelToken(c));
        _tokenOf[jobId] = token;
        _tokens.push(token);
        emit Tokenized(jobId, token, c.jobOwner, cap, c.ownerAmount, c.dataPool, c.computePool);
    }

    function _checkJob(uint256 jobId) private view returns (address owner, bytes32 modelRoot) {
        JobMarket.Job memory job = jobMarket.getJob(jobId);
        if (msg.sender != job.owner) revert NotJobOwner(jobId, msg.sender);
        if (job.state != JobMarket.JobState.Completed) revert JobNotCompleted(jobId);
        if (_tokenOf[jobId] != address(0)) revert AlreadyTokenized(jobId, _tokenOf[jobId]);
        return (job.owner, job.modelRoot);
    }

    /// @dev Reads the job's records and sizes the pools.
    function _config(uint256 jobId, uint256 cap) private view returns (ModelToken.Config memory c) {
        (c.jobOwner, c.modelRoot) = _checkJob(jobId);
        JobMarket.Terms memory t = jobMarket.jobTerms(jobId);
        c.maxServiceFeeBps = t.maxServiceFeeBps;
        c.revenueAssets = t.revenueAssets;
        c.jobId = jobId;
        c.jobMarket = address(jobMarket);
        c.datasetRegistry = address(datasetRegistry);
        c.cap = cap;
        c.datasetIds = jobMarket.jobDatasets(jobId);
        for (uint256 i = 0; i < c.datasetIds.length; ++i) {
            c.dataTotalWeight += datasetRegistry.totalWeight(c.datasetIds[i]);
        }
        c.computeTotalUnits = jobMarket.totalComputeUnits(jobId);
        if (c.dataTotalWeight > 0) c.dataPool = (cap * t.dataBps) / BPS;
        if (c.computeTotalUnits > 0) c.computePool = (cap * t.computeBps) / BPS;
        c.ownerAmount = cap - c.dataPool - c.computePool;
    }

    /// @notice The token of a job, or 0.
    function tokenOf(uint256 jobId) external view returns (address) {
        return _tokenOf[jobId];
    }

    /// @notice All tokens, in creation order.
    function tokens() external view returns (address[] memory) {
        return _tokens;
    }

    /// @notice Number of tokens.
    function tokenCount() external view returns (uint256) {
        return _tokens.length;
    }
}
