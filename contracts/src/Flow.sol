// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {FixedPriceMarket} from "./FixedPriceMarket.sol";

/// @notice One power-of-two subtree of a submitted file: its Merkle root and log2 of its sector count.
struct SubmissionNode {
    bytes32 root;
    uint256 height;
}

/// @notice A file as appended to the flow: byte length, free-form tags and its subtree nodes.
struct SubmissionData {
    uint256 length;
    bytes tags;
    SubmissionNode[] nodes;
}

/// @notice A submission with the address credited as its submitter (the `sender` of the Submit event).
struct Submission {
    SubmissionData data;
    address submitter;
}

/// @notice Per-submission record kept for storage nodes and tools.
struct SubmissionRecord {
    bytes32 digest;
    uint256 startPos;
    uint256 sectors;
    address submitter;
    uint64 blockNumber;
}

/// @title FlowCore
/// @notice The state, validity rules, flow positions and `Submit` event shared by cohort's flow (`Flow`,
///         0G's current ABI) and `LegacyFlow` (0G's older ABI, for testing clients against it).
abstract contract FlowCore {
    uint256 private constant BYTES_PER_SECTOR = 256;
    uint256 private constant SECTORS_PER_SEGMENT = 1024;
    uint256 private constant MAX_HEIGHT = 64;
    uint256 private constant MAX_HEIGHT_SPAN = 4;
    uint256 private constant SMALL_CAPACITY = 16;

    /// @notice The storage market that prices sectors and receives fees.
    address public immutable market;
    /// @notice Index the next submission gets (its txSeq); equals the number of submissions so far.
    uint256 public submissionIndex;
    /// @notice Length of the flow in sectors; position 0 is a dummy sector, so it starts at 1.
    uint256 public currentLength = 1;

    SubmissionRecord[] private _records;

    /// @notice Emitted for every appended file; layout identical to 0G Storage's `Submit` event.
    /// @param sender the submission's `submitter` (not `msg.sender`)
    /// @param identity keccak256 of the concatenated node roots
    /// @param submissionIndex the txSeq
    /// @param startPos flow position (sector) where the first node starts
    /// @param length size in sectors (Σ 2^height)
    /// @param submission the submitted data
    event Submit(
        address indexed sender,
        bytes32 indexed identity,
        uint256 submissionIndex,
        uint256 startPos,
        uint256 length,
        SubmissionData submission
    );

    /// @notice `submitter` is the zero address.
    error ZeroSubmitter();
    /// @notice The submission has no nodes.
    error NoNodes();
    /// @notice The first node's height is 64 or more.
    error HeightTooLarge(uint256 height);
    /// @notice Node heights do not strictly decrease (at `index`).
    error HeightsNotDecreasing(uint256 index);
    /// @notice First and last node heights differ by 4 or more.
    error HeightSpanTooLarge(uint256 first, uint256 last);
    /// @notice The byte length does not fit in the nodes' capacity.
    error LengthExceedsCapacity(uint256 length, uint256 capacityBytes);
    /// @notice The byte length fits in the next smaller padded size (this also rejects 0-byte files).
    error LengthTooSmall(uint256 length, uint256 lastCapacityBytes);
    /// @notice `msg.value` is below `sectors × price`.
    error NotEnoughFee(uint256 price, uint256 sectors, uint256 paid);
    /// @notice `getSubmission` was asked for an index that does not exist.
    error UnknownSubmission(uint256 index);
    /// @notice The market address is zero.
    error ZeroMarket();

    /// @param market_ the FixedPriceMarket (which must then be bound with `market.setFlow(flow)`)
    constructor(address market_) {
        if (market_ == address(0)) revert ZeroMarket();
        market = market_;
    }

    /// @notice Same value as `submissionIndex()` (the next txSeq).
    function numSubmissions() external view returns (uint256) {
        return submissionIndex;
    }

    /// @notice The record of submission `index` (its txSeq).
    function getSubmission(uint256 index) external view returns (SubmissionRecord memory) {
        if (index >= _records.length) revert UnknownSubmission(index);
        return _records[index];
    }

    /// @dev Checks the validity rules of docs/protocol.md 1.6 and returns the capacity in sectors.
    function _validate(SubmissionData calldata d, address submitter) internal pure returns (uint256 capacity) {
        if (submitter == address(0)) revert ZeroSubmitter();
        SubmissionNode[] calldata nodes = d.nodes;
        uint256 n = nodes.length;
        if (n == 0) revert NoNodes();
        uint256 h0 = nodes[0].height;
        if (h0 >= MAX_HEIGHT) revert HeightTooLarge(h0);
        capacity = uint256(1) << h0;
        for (uint256 i = 1; i < n; ++i) {
            uint256 h = nodes[i].height;
            if (h >= nodes[i - 1].height) revert HeightsNotDecreasing(i);
            capacity += uint256(1) << h;
        }
        uint256 hLast = nodes[n - 1].height;
        if (h0 - hLast >= MAX_HEIGHT_SPAN) revert HeightSpanTooLarge(h0, hLast);

        uint256 length = d.length;
        if (length > capacity * BYTES_PER_SECTOR) revert LengthExceedsCapacity(length, capacity * BYTES_PER_SECTOR);
        uint256 lastCapacity;
        if (capacity < SMALL_CAPACITY) {
            lastCapacity = capacity - 1;
        } else if (n == 1) {
            lastCapacity = capacity - capacity / SMALL_CAPACITY;
        } else {
            lastCapacity = capacity - (uint256(1) << (h0 - 3));
        }
        if (length <= lastCapacity * BYTES_PER_SECTOR) revert LengthTooSmall(length, lastCapacity * BYTES_PER_SECTOR);
    }

    /// @dev Pads and inserts the nodes (docs/protocol.md 2.2), records, emits, then forwards the fee to the market.
    function _append(SubmissionData calldata d, address submitter, uint256 sectors, uint256 price)
        internal
        returns (uint256 index, bytes32 digest, uint256 startPos, uint256 length)
    {
        uint256 previousLength = currentLength;
        uint256 newLength;
        (startPos, newLength) = _place(d.nodes, previousLength, sectors);
        currentLength = newLength;
        digest = _digest(d.nodes);
        length = sectors;
        index = _record(d, submitter, digest, startPos, sectors);
        FixedPriceMarket(market).chargeFee{value: sectors * price}(
            previousLength, sectors, newLength - previousLength - sectors
        );
    }

    /// @dev Flow positions: pad so that a submission that fits in one segment does not straddle a segment
    ///      boundary, then put every node at the next multiple of its own size.
    function _place(SubmissionNode[] calldata nodes, uint256 cur, uint256 sectors)
        private
        pure
        returns (uint256 startPos, uint256 newLength)
    {
        uint256 start = _nextAlign(cur, nodes[0].height);
        if (
            start % SECTORS_PER_SEGMENT != 0
                && start / SECTORS_PER_SEGMENT != (start + sectors - 1) / SECTORS_PER_SEGMENT
        ) {
            cur = start + SECTORS_PER_SEGMENT - (start % SECTORS_PER_SEGMENT);
        }
        for (uint256 i = 0; i < nodes.length; ++i) {
            uint256 h = nodes[i].height;
            uint256 pos = _nextAlign(cur, h);
            if (i == 0) startPos = pos;
            cur = pos + (uint256(1) << h);
        }
        newLength = cur;
    }

    /// @dev keccak256 of the node roots concatenated (abi.encodePacked of the bytes32 roots).
    function _digest(SubmissionNode[] calldata nodes) private pure returns (bytes32) {
        bytes32[] memory roots = new bytes32[](nodes.length);
        for (uint256 i = 0; i < nodes.length; ++i) {
            roots[i] = nodes[i].root;
        }
        return keccak256(abi.encodePacked(roots));
    }

    /// @dev Stores the record, bumps the txSeq and emits `Submit`.
    function _record(SubmissionData calldata d, address submitter, bytes32 digest, uint256 startPos, uint256 sectors)
        private
        returns (uint256 index)
    {
        index = submissionIndex++;
        _records.push(
            SubmissionRecord({
                digest: digest,
                startPos: startPos,
                sectors: sectors,
                submitter: submitter,
                blockNumber: uint64(block.number)
            })
        );
        emit Submit(submitter, digest, index, startPos, sectors, d);
    }

    /// @dev Smallest multiple of 2^h that is >= len (0 for 0).
    function _nextAlign(uint256 len, uint256 h) private pure returns (uint256) {
        if (len == 0) return 0;
        return (((len - 1) >> h) + 1) << h;
    }
}

/// @title Flow
/// @notice cohort's 0G-Storage-compatible flow: the append-only log of 256-byte sectors that storage nodes
///         follow through `Submit` events. Same ABI, event, validity rules, flow positions and fee as the
///         0G Storage flow contract as described in cohort's docs/protocol.md section 2, so that the official SDKs
///         and cohort's node treat it as the real thing. Written for cohort, not copied.
/// @dev No pause and no launch block. The fee is `Σ 2^height × market.pricePerSector()` per submission and is
///      paid as `msg.value` (for `batchSubmit`, the sum of all fees); exactly the fee is forwarded to the
///      market, any overpayment stays in this contract.
contract Flow is FlowCore {
    /// @param market_ the FixedPriceMarket (which must then be bound with `market.setFlow(flow)`)
    constructor(address market_) FlowCore(market_) {}

    /// @notice Appends one file. `msg.value` must cover `sectors × pricePerSector`.
    /// @return index the txSeq
    /// @return digest keccak256 of the concatenated node roots
    /// @return startIndex flow position of the first node
    /// @return length size in sectors
    function submit(Submission calldata submission)
        external
        payable
        returns (uint256 index, bytes32 digest, uint256 startIndex, uint256 length)
    {
        uint256 sectors = _validate(submission.data, submission.submitter);
        uint256 price = FixedPriceMarket(market).pricePerSector();
        if (msg.value < sectors * price) revert NotEnoughFee(price, sectors, msg.value);
        return _append(submission.data, submission.submitter, sectors, price);
    }

    /// @notice Appends several files in order. `msg.value` must cover the sum of their fees; every
    ///         submission is validated before anything is appended.
    function batchSubmit(Submission[] calldata submissions)
        external
        payable
        returns (uint256[] memory indexes, bytes32[] memory digests, uint256[] memory startIndexes, uint256[] memory lengths)
    {
        uint256 n = submissions.length;
        uint256[] memory sectors = new uint256[](n);
        uint256 total;
        for (uint256 i = 0; i < n; ++i) {
            sectors[i] = _validate(submissions[i].data, submissions[i].submitter);
            total += sectors[i];
        }
        uint256 price = FixedPriceMarket(market).pricePerSector();
        if (msg.value < total * price) revert NotEnoughFee(price, total, msg.value);
        indexes = new uint256[](n);
        digests = new bytes32[](n);
        startIndexes = new uint256[](n);
        lengths = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            (indexes[i], digests[i], startIndexes[i], lengths[i]) = _append(submissions[i].data, submissions[i].submitter, sectors[i], price);
        }
    }
}

/// @title LegacyFlow
/// @notice The same flow with 0G's older submission ABI, `submit((uint256,bytes,(bytes32,uint256)[]))`
///         (selector 0xef3e12dc), whose submitter is `msg.sender`. Older 0G flow deployments take only this
///         form; cohort's tests deploy it to check that a client finds out which form a flow takes. It has
///         no `batchSubmit`.
contract LegacyFlow is FlowCore {
    /// @param market_ the FixedPriceMarket (which must then be bound with `market.setFlow(flow)`)
    constructor(address market_) FlowCore(market_) {}

    /// @notice Appends one file submitted by `msg.sender`. `msg.value` must cover `sectors × pricePerSector`.
    function submit(SubmissionData calldata submission)
        external
        payable
        returns (uint256 index, bytes32 digest, uint256 startIndex, uint256 length)
    {
        uint256 sectors = _validate(submission, msg.sender);
        uint256 price = FixedPriceMarket(market).pricePerSector();
        if (msg.value < sectors * price) revert NotEnoughFee(price, sectors, msg.value);
        return _append(submission, msg.sender, sectors, price);
    }
}
