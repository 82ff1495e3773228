// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

/// @title DatasetRegistry
/// @notice Community datasets: contributors record the files they uploaded to storage, the dataset's curator
///         reviews them (accept with a quality score 1–100, or reject), and sealing freezes the result. An
///         accepted contribution weighs `size × score`; running sums per contributor and per dataset are kept
///         exact on every review, so token allocations can be computed on chain from these records.
/// @dev Review rule: the curator may review a contribution any number of times before the dataset is sealed
///      (to correct a mistake); every review replaces the previous verdict and the running sums are adjusted
///      by the exact difference. After `seal`, nothing about the dataset can change. Dataset ids start at 1
///      (0 means "none"); contribution indexes start at 0 within each dataset.
contract DatasetRegistry {
    /// @notice Review state of a contribution.
    enum Status {
        Pending,
        Accepted,
        Rejected
    }

    /// @notice A dataset as returned by `getDataset`.
    struct Dataset {
        string name;
        string description;
        string license;
        address curator;
        uint256 predecessorId;
        bool isSealed;
        uint256 contributionCount;
        uint256 totalWeight;
        uint64 createdAt;
    }

    /// @notice One contributed file as returned by `getContribution`.
    struct Contribution {
        address contributor;
        bytes32 root;
        uint256 size;
        bytes32 contentHash;
        string path;
        Status status;
        uint8 score;
    }

    /// @notice One file of `contributeBatch`: the arguments of `contribute` after the dataset id.
    struct NewContribution {
        bytes32 root;
        uint256 size;
        bytes32 contentHash;
        string path;
    }

    uint8 private constant MAX_SCORE = 100;
    /// @notice The longest path a contribution may record, in bytes (keeps every record, and so a page of
    ///         them, small enough for one read).
    uint256 public constant MAX_PATH_BYTES = 1024;

    uint256 private _count;
    mapping(uint256 datasetId => Dataset) private _datasets;
    mapping(bytes32 nameHash => uint256 datasetId) private _idByName;
    mapping(uint256 datasetId => Contribution[]) private _contributions;
    mapping(uint256 datasetId => address[]) private _contributors;
    mapping(uint256 datasetId => mapping(address contributor => bool)) private _isContributor;
    mapping(uint256 datasetId => mapping(address contributor => uint256)) private _weightOf;

    /// @notice A dataset was created; `curator` is its creator.
    event DatasetCreated(uint256 indexed datasetId, address indexed curator, uint256 indexed predecessorId, string name);
    /// @notice A file was contributed to a dataset.
    event ContributionAdded(
        uint256 indexed datasetId,
        uint256 indexed index,
        address indexed contributor,
        bytes32 root,
        uint256 size,
        bytes32 contentHash,
        string path
    );
    /// @notice The curator reviewed a contribution; `weight` is its new weight (0 when rejected).
    event ContributionReviewed(
        uint256 indexed datasetId,
        uint256 indexed index,
        address indexed contributor,
        bool accepted,
        uint8 score,
        uint256 weight
    );
    /// @notice The dataset was sealed; its weights are final.
    event DatasetSealed(uint256 indexed datasetId, uint256 totalWeight, uint256 contributionCount);

    /// @notice The dataset name is empty.
    error EmptyName();
    /// @notice Another dataset already has this name.
    error NameTaken(string name, uint256 datasetId);
    /// @notice No dataset with this id.
    error UnknownDataset(uint256 datasetId);
    /// @notice The named predecessor does not exist.
    error UnknownPredecessor(uint256 predecessorId);
    /// @notice Caller is not the dataset's curator.
    error NotCurator(uint256 datasetId, address caller);
    /// @notice The dataset is sealed.
    error AlreadySealed(uint256 datasetId);
    /// @notice A contribution of 0 bytes.
    error ZeroSize();
    /// @notice A contribution without a path.
    error EmptyPath();
    /// @notice A path longer than `MAX_PATH_BYTES`.
    error PathTooLong(uint256 length, uint256 max);
    /// @notice No contribution with this index.
    error UnknownContribution(uint256 datasetId, uint256 index);
    /// @notice Accepting needs a score from 1 to 100.
    error InvalidScore(uint8 score);

    /// @notice Creates a dataset curated by the caller.
    /// @param predecessorId the dataset this one is a new version of, or 0
    /// @return datasetId the new id (ids start at 1)
    function createDataset(string calldata name, string calldata description, string calldata license, uint256 predecessorId)
        external
        returns (uint256 datasetId)
    {
        if (bytes(name).length == 0) revert EmptyName();
        bytes32 nameHash = keccak256(bytes(name));
        uint256 existing = _idByName[nameHash];
        if (existing != 0) revert NameTaken(name, existing);
        if (predecessorId != 0 && predecessorId > _count) revert UnknownPredecessor(predecessorId);
        datasetId = ++_count;
        _idByName[nameHash] = datasetId;
        Dataset storage d = _datasets[datasetId];
        d.name = name;
        d.description = description;
        d.license = license;
        d.curator = msg.sender;
        d.predecessorId = predecessorId;
        d.createdAt = uint64(block.timestamp);
        emit DatasetCreated(datasetId, msg.sender, predecessorId, name);
    }

    /// @notice Records a file the caller uploaded to storage as a contribution to an unsealed dataset.
    /// @param root storage root of the file
    /// @param size byte size of the file
    /// @param contentHash blake3 hash of the file's bytes
    /// @param path the file's path inside the dataset
    /// @return index the contribution's index within the dataset
    function contribute(uint256 datasetId, bytes32 root, uint256 size, bytes32 contentHash, string calldata path)
        external
        returns (uint256 index)
    {
        Dataset storage d = _dataset(datasetId);
        if (d.isSealed) revert AlreadySealed(datasetId);
        return _contribute(d, datasetId, root, size, contentHash, path);
    }

    /// @notice `contribute` for several files in one transaction, recorded in order (same rules and events).
    /// @return first the index of the first recorded contribution (the others follow it)
    function contributeBatch(uint256 datasetId, NewContribution[] calldata files) external returns (uint256 first) {
        Dataset storage d = _dataset(datasetId);
        if (d.isSealed) revert AlreadySealed(datasetId);
        first = _contributions[datasetId].length;
        for (uint256 i = 0; i < files.length; ++i) {
            NewContribution calldata f = files[i];
            _contribute(d, datasetId, f.root, f.size, f.contentHash, f.path);
        }
    }

    function _contribute(
        Dataset storage d,
        uint256 datasetId,
        bytes32 root,
        uint256 size,
        bytes32 contentHash,
        string calldata path
    ) private returns (uint256 index) {
        if (size == 0) revert ZeroSize();
        if (bytes(path).length == 0) revert EmptyPath();
        if (bytes(path).length > MAX_PATH_BYTES) revert PathTooLong(bytes(path).length, MAX_PATH_BYTES);
        Contribution[] storage list = _contributions[datasetId];
        index = list.length;
        list.push(
            Contribution({
                contributor: msg.sender,
                root: root,
                size: size,
                contentHash: contentHash,
                path: path,
                status: Status.Pending,
                score: 0
            })
        );
        d.contributionCount = index + 1;
        if (!_isContributor[datasetId][msg.sender]) {
            _isContributor[datasetId][msg.sender] = true;
            _contributors[datasetId].push(msg.sender);
        }
        emit ContributionAdded(datasetId, index, msg.sender, root, size, contentHash, path);
    }

    /// @notice The curator accepts (score 1–100) or rejects (score ignored, stored as 0) a contribution.
    ///         Allowed again on an already reviewed contribution until the dataset is sealed.
    function review(uint256 datasetId, uint256 index, bool accepted, uint8 score) external {
        Dataset storage d = _curated(datasetId, accepted, score);
        _review(d, datasetId, index, accepted, score);
    }

    /// @notice `review` of several contributions with one verdict, in one transaction (in order; an index
    ///         may appear more than once, the last review stands). All or nothing: one unknown index
    ///         reverts the whole batch.
    function reviewBatch(uint256 datasetId, uint256[] calldata indexes, bool accepted, uint8 score) external {
        Dataset storage d = _curated(datasetId, accepted, score);
        for (uint256 i = 0; i < indexes.length; ++i) {
            _review(d, datasetId, indexes[i], accepted, score);
        }
    }

    /// The dataset, once the sender is its curator, it is not sealed and the verdict is valid.
    function _curated(uint256 datasetId, bool accepted, uint8 score) private view returns (Dataset storage d) {
        d = _dataset(datasetId);
        if (msg.sender != d.curator) revert NotCurator(datasetId, msg.sender);
        if (d.isSealed) revert AlreadySealed(datasetId);
        if (accepted && (score == 0 || score > MAX_SCORE)) revert InvalidScore(score);
    }

    function _review(Dataset storage d, uint256 datasetId, uint256 index, bool accepted, uint8 score) private {
        if (index >= _contributions[datasetId].length) revert UnknownContribution(datasetId, index);
        Contribution storage c = _contributions[datasetId][index];
        address contributor = c.contributor;

        if (c.status == Status.Accepted) {
            uint256 oldWeight = c.size * c.score;
            _weightOf[datasetId][contributor] -= oldWeight;
            d.totalWeight -= oldWeight;
        }
        uint256 weight;
        if (accepted) {
            weight = c.size * score;
            _weightOf[datasetId][contributor] += weight;
            d.totalWeight += weight;
            c.status = Status.Accepted;
            c.score = score;
        } else {
            c.status = Status.Rejected;
            c.score = 0;
        }
        emit ContributionReviewed(datasetId, index, contributor, accepted, accepted ? score : 0, weight);
    }

    /// @notice Freezes the dataset (curator only). Pending contributions stay pending and weigh nothing.
    function seal(uint256 datasetId) external {
        Dataset storage d = _dataset(datasetId);
        if (msg.sender != d.curator) revert NotCurator(datasetId, msg.sender);
        if (d.isSealed) revert AlreadySealed(datasetId);
        d.isSealed = true;
        emit DatasetSealed(datasetId, d.totalWeight, d.contributionCount);
    }

    /// @notice Number of datasets; ids are 1..datasetCount().
    function datasetCount() external view returns (uint256) {
        return _count;
    }

    /// @notice A dataset's metadata and totals.
    function getDataset(uint256 datasetId) external view returns (Dataset memory) {
        return _dataset(datasetId);
    }

    /// @notice The id of the dataset with this exact name, or 0.
    function datasetIdByName(string calldata name) external view returns (uint256) {
        return _idByName[keccak256(bytes(name))];
    }

    /// @notice One contribution.
    function getContribution(uint256 datasetId, uint256 index) external view returns (Contribution memory) {
        _dataset(datasetId);
        if (index >= _contributions[datasetId].length) revert UnknownContribution(datasetId, index);
        return _contributions[datasetId][index];
    }

    /// @notice Contributions from index `offset`, at most `limit` of them, in index order; empty when `offset`
    ///         is past the end.
    function contributionsPage(uint256 datasetId, uint256 offset, uint256 limit)
        external
        view
        returns (Contribution[] memory page)
    {
        _dataset(datasetId);
        Contribution[] storage all = _contributions[datasetId];
        if (offset >= all.length) return new Contribution[](0);
        uint256 n = all.length - offset;
        if (limit < n) n = limit;
        page = new Contribution[](n);
        for (uint256 i = 0; i < n; ++i) {
            page[i] = all[offset + i];
        }
    }

    /// @notice Number of contributions to a dataset.
    function contributionCount(uint256 datasetId) external view returns (uint256) {
        return _dataset(datasetId).contributionCount;
    }

    /// @notice Σ size × score over the contributor's accepted contributions.
    function weightOf(uint256 datasetId, address contributor) external view returns (uint256) {
        return _weightOf[datasetId][contributor];
    }

    /// @notice Σ size × score over all accepted contributions.
    function totalWeight(uint256 datasetId) external view returns (uint256) {
        return _dataset(datasetId).totalWeight;
    }

    /// @notice Whether the dataset is sealed (false for unknown ids).
    function isSealed(uint256 datasetId) external view returns (bool) {
        return _datasets[datasetId].isSealed;
    }

    /// @notice Distinct contributors, in order of first contribution. Anyone can contribute, so the list
    ///         can outgrow what one call may return: read it with `contributorCount` and `contributorsPage`.
    function contributorsOf(uint256 datasetId) external view returns (address[] memory) {
        _dataset(datasetId);
        return _contributors[datasetId];
    }

    /// @notice Number of distinct contributors.
    function contributorCount(uint256 datasetId) external view returns (uint256) {
        _dataset(datasetId);
        return _contributors[datasetId].length;
    }

    /// @notice Distinct contributors from `offset`, at most `limit` of them, in order of first contribution;
    ///         empty when `offset` is past the end.
    function contributorsPage(uint256 datasetId, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory page)
    {
        _dataset(datasetId);
        address[] storage all = _contributors[datasetId];
        if (offset >= all.length) return new address[](0);
        uint256 n = all.length - offset;
        if (limit < n) n = limit;
        page = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            page[i] = all[offset + i];
        }
    }

    function _dataset(uint256 datasetId) private view returns (Dataset storage d) {
        if (datasetId == 0 || datasetId > _count) revert UnknownDataset(datasetId);
        d = _datasets[datasetId];
    }
}
