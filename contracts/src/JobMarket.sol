// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {DatasetRegistry} from "./DatasetRegistry.sol";

/// @title JobMarket
/// @notice Training jobs and compute pools. A job owner escrows `rounds × rewardPerRound` (native coin) for a
///         training job over sealed datasets; registered workers join, submit one work bundle per round, and
///         the coordinator accepts some submissions per round. Each round's reward is split among the accepted
///         pro rata by work units (floor) and credited to the workers (pull, `withdraw`).
/// @dev Money never moves in loops over unbounded lists: rewards and refunds are credited to `earnings` and
///      withdrawn by their owner (to the account's payee). Rounding dust and the reward of rounds with nothing
///      accepted stay in escrow and are credited back to the job owner at completion or cancellation.
///      Invariant: `escrow == rounds × rewardPerRound − paid − refunded` for every job, and the contract's
///      balance is Σ escrow + Σ earnings.
///      Rules: only registered workers may join; a worker who joins an Open job takes part from round 0, one
///      who joins a Running job from the next round (`joinedRound`); a worker may leave while the job is Open
///      or Running and join again later (again from the next round); work already submitted by a worker who
///      left may still be accepted. `finalizeRound` may be called at any time during the current round (the
///      coordinator need not wait for missing submissions, nor for the timeout); submissions are only taken
///      before `roundStart + roundTimeout`.
contract JobMarket is ReentrancyGuard {
    /// @notice Life cycle of a job.
    enum JobState {
        Open,
        Running,
        Completed,
        Cancelled
    }

    /// @notice State of one worker's submission in one round.
    enum WorkStatus {
        None,
        Submitted,
        Accepted,
        Rejected
    }

    /// @notice A worker's declaration as returned by `workers`.
    struct Worker {
        string inventory;
        address payee;
        bool registered;
        uint64 registeredAt;
    }

    /// @notice A job as returned by `getJob`.
    struct Job {
        address owner;
        address coordinator;
        bytes32 specRoot;
        bytes32 baseModelRoot;
        bytes32 modelRoot;
        uint32 rounds;
        uint32 currentRound;
        uint32 maxWorkers;
        uint256 rewardPerRound;
        uint64 roundTimeout;
        uint64 roundStart;
        JobState state;
        uint256 escrow;
        uint256 paid;
        uint256 refunded;
        uint32 workerCount;
    }

    /// @notice One worker's submission for one round, as returned by `getSubmission`.
    struct WorkSubmission {
        bytes32 bundleRoot;
        uint256 workUnits;
        uint64 submittedAt;
        WorkStatus status;
    }

    /// @notice A worker's membership in a job, as returned by `participant`.
    struct Participant {
        bool active;
        uint32 joinedRound;
    }

    /// @notice The dataset registry whose sealed datasets jobs train on.
    DatasetRegistry public immutable datasetRegistry;

    uint256 private _jobCount;
    mapping(uint256 jobId => Job) private _jobs;
    mapping(uint256 jobId => uint256[]) private _jobDatasets;
    mapping(uint256 jobId => address[]) private _jobWorkers;
    mapping(uint256 jobId => mapping(address worker => uint256)) private _workerSlot; // index + 1 in _jobWorkers
    mapping(uint256 jobId => mapping(address worker => Participant)) private _participants;
    mapping(uint256 jobId => mapping(uint256 round => mapping(address worker => WorkSubmission))) private _submissions;
    mapping(uint256 jobId => mapping(uint256 round => address[])) private _roundSubmitters;
    mapping(uint256 jobId => mapping(uint256 round => bytes32)) private _roundAggregate;
    mapping(uint256 jobId => mapping(uint256 round => bytes32)) private _roundReport;
    mapping(uint256 jobId => mapping(address worker => uint256)) private _computeUnits;
    mapping(uint256 jobId => uint256) private _totalComputeUnits;
    mapping(address worker => Worker) private _workers;
    mapping(address account => uint256) private _earnings;

    /// @notice A worker registered or updated its inventory.
    event WorkerRegistered(address indexed worker, string inventory);
    /// @notice An account set where its withdrawals go.
    event PayeeSet(address indexed account, address indexed payee);
    /// @notice A job was created and its budget escrowed.
    event JobCreated(
        uint256 indexed jobId,
        address indexed owner,
        address indexed coordinator,
        bytes32 specRoot,
        uint32 rounds,
        uint256 rewardPerRound,
        uint256 budget
    );
    /// @notice A worker joined; it takes part from round `joinedRound`.
    event WorkerJoined(uint256 indexed jobId, address indexed worker, uint32 joinedRound);
    /// @notice A worker left.
    event WorkerLeft(uint256 indexed jobId, address indexed worker);
    /// @notice The coordinator started the job.
    event JobStarted(uint256 indexed jobId, uint64 startedAt);
    /// @notice A round started (round 0 at `startJob`, round r+1 when round r is finalized).
    event RoundStarted(uint256 indexed jobId, uint32 indexed round, uint64 startedAt);
    /// @notice A worker submitted its work bundle for a round.
    event WorkSubmitted(uint256 indexed jobId, uint32 indexed round, address indexed worker, bytes32 bundleRoot, uint256 workUnits);
    /// @notice A submission was accepted and `amount` credited to the worker.
    event WorkAccepted(uint256 indexed jobId, uint32 indexed round, address indexed worker, uint256 units, uint256 amount);
    /// @notice A submission was not accepted (reasons are in the round's report at `reportRoot`).
    event WorkRejected(uint256 indexed jobId, uint32 indexed round, address indexed worker);
    /// @notice The coordinator finalized a round.
    event RoundFinalized(
        uint256 indexed jobId,
        uint32 indexed round,
        bytes32 aggregateRoot,
        bytes32 reportRoot,
        uint256 acceptedUnits,
        uint256 paid
    );
    /// @notice The job completed; `refund` (unspent escrow) was credited to the owner.
    event JobCompleted(uint256 indexed jobId, bytes32 modelRoot, uint256 refund);
    /// @notice The owner cancelled the job; `refund` (unspent escrow) was credited to the owner.
    event JobCancelled(uint256 indexed jobId, uint256 refund);
    /// @notice Credited earnings or refunds were paid out.
    event Withdrawn(address indexed account, address indexed payee, uint256 amount);

    error ZeroRegistry();
    /// @notice The payee is the zero address.
    error ZeroPayee();
    /// @notice No job with this id.
    error UnknownJob(uint256 jobId);
    /// @notice rounds, maxWorkers and roundTimeout must be non-zero.
    error InvalidJobParameters();
    /// @notice `msg.value` is not exactly `rounds × rewardPerRound`.
    error WrongBudget(uint256 expected, uint256 paid);
    /// @notice A dataset id is 0, unknown, unsealed or listed twice.
    error DatasetNotUsable(uint256 datasetId);
    /// @notice The job is not in a state that allows this call.
    error WrongState(uint256 jobId, JobState state);
    /// @notice Caller is not the job's coordinator.
    error NotCoordinator(uint256 jobId, address caller);
    /// @notice Caller is not the job's owner.
    error NotOwner(uint256 jobId, address caller);
    /// @notice The caller has not registered as a worker.
    error NotRegistered(address worker);
    /// @notice The worker is already in the job.
    error AlreadyJoined(uint256 jobId, address worker);
    /// @notice The worker is not in the job.
    error NotJoined(uint256 jobId, address worker);
    /// @notice The job has `maxWorkers` workers.
    error JobFull(uint256 jobId);
    /// @notice The round is not the job's current round.
    error WrongRound(uint256 jobId, uint256 round, uint256 currentRound);
    /// @notice The round's submission window has closed.
    error RoundTimedOut(uint256 jobId, uint256 round, uint256 deadline);
    /// @notice The worker only takes part from a later round.
    error NotEligible(uint256 jobId, uint256 round, address worker);
    /// @notice The worker already submitted for this round.
    error AlreadySubmitted(uint256 jobId, uint256 round, address worker);
    /// @notice Work units must be positive.
    error ZeroWorkUnits();
    /// @notice An accepted worker did not submit in this round, or is listed twice.
    error NotAcceptable(uint256 jobId, uint256 round, address worker);
    /// @notice Not all rounds are finalized yet.
    error RoundsRemaining(uint256 jobId, uint256 currentRound, uint256 rounds);
    /// @notice Nothing to withdraw.
    error NothingToWithdraw();

    /// @param datasetRegistry_ the DatasetRegistry
    constructor(address datasetRegistry_) {
        if (datasetRegistry_ == address(0)) revert ZeroRegistry();
        datasetRegistry = DatasetRegistry(datasetRegistry_);
    }

    // ------------------------------------------------------------------ workers

    /// @notice Declares (or updates) the caller's machine, e.g. GPU models and memory, or CPU.
    function registerWorker(string calldata inventory) external {
        Worker storage w = _workers[msg.sender];
        if (!w.registered) {
            w.registered = true;
            w.registeredAt = uint64(block.timestamp);
        }
        w.inventory = inventory;
        emit WorkerRegistered(msg.sender, inventory);
    }

    /// @notice Sets where the caller's withdrawals are paid (defaults to the caller). Any account may set one.
    function setPayee(address payee) external {
        if (payee == address(0)) revert ZeroPayee();
        _workers[msg.sender].payee = payee;
        emit PayeeSet(msg.sender, payee);
    }

    /// @notice A worker's declaration (payee is 0 when never set: payments go to the worker itself).
    function workers(address worker) external view returns (Worker memory) {
        return _workers[worker];
    }

    /// @notice Where `account`'s withdrawals are paid.
    function payeeOf(address account) public view returns (address) {
        address p = _workers[account].payee;
        return p == address(0) ? account : p;
    }

    // ------------------------------------------------------------------ jobs

    /// @notice Creates a job and escrows its budget, which must be sent as exactly `rounds × rewardPerRound`.
    /// @param specRoot storage root of the job bundle (spec and files)
    /// @param baseModelRoot storage root of the base model (0 for none)
    /// @param datasetIds sealed datasets the job trains on (distinct, may be empty)
    /// @param coordinator who starts the job and finalizes rounds; 0 means the caller
    function createJob(
        bytes32 specRoot,
        bytes32 baseModelRoot,
        uint256[] calldata datasetIds,
        uint32 rounds,
        uint32 maxWorkers,
        uint256 rewardPerRound,
        uint64 roundTimeout,
        address coordinator
    ) external payable returns (uint256 jobId) {
        if (rounds == 0 || maxWorkers == 0 || roundTimeout == 0) revert InvalidJobParameters();
        uint256 budget = uint256(rounds) * rewardPerRound;
        if (msg.value != budget) revert WrongBudget(budget, msg.value);
        for (uint256 i = 0; i < datasetIds.length; ++i) {
            uint256 d = datasetIds[i];
            if (d == 0 || !datasetRegistry.isSealed(d)) revert DatasetNotUsable(d);
            for (uint256 j = 0; j < i; ++j) {
                if (datasetIds[j] == d) revert DatasetNotUsable(d);
            }
        }
        if (coordinator == address(0)) coordinator = msg.sender;
        jobId = ++_jobCount;
        Job storage job = _jobs[jobId];
        job.owner = msg.sender;
        job.coordinator = coordinator;
        job.specRoot = specRoot;
        job.baseModelRoot = baseModelRoot;
        job.rounds = rounds;
        job.maxWorkers = maxWorkers;
        job.rewardPerRound = rewardPerRound;
        job.roundTimeout = roundTimeout;
        job.escrow = budget;
        _jobDatasets[jobId] = datasetIds;
        emit JobCreated(jobId, msg.sender, coordinator, specRoot, rounds, rewardPerRound, budget);
    }

    /// @notice Joins a job (registered workers only) while it is Open or Running and has room.
    function join(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (!_workers[msg.sender].registered) revert NotRegistered(msg.sender);
        Participant storage p = _participants[jobId][msg.sender];
        if (p.active) revert AlreadyJoined(jobId, msg.sender);
        if (job.workerCount >= job.maxWorkers) revert JobFull(jobId);
        uint32 joinedRound = job.state == JobState.Open ? 0 : job.currentRound + 1;
        p.active = true;
        p.joinedRound = joinedRound;
        _jobWorkers[jobId].push(msg.sender);
        _workerSlot[jobId][msg.sender] = _jobWorkers[jobId].length;
        job.workerCount += 1;
        emit WorkerJoined(jobId, msg.sender, joinedRound);
    }

    /// @notice Leaves a job that is Open or Running.
    function leave(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        Participant storage p = _participants[jobId][msg.sender];
        if (!p.active) revert NotJoined(jobId, msg.sender);
        p.active = false;
        address[] storage list = _jobWorkers[jobId];
        uint256 slot = _workerSlot[jobId][msg.sender];
        address last = list[list.length - 1];
        list[slot - 1] = last;
        _workerSlot[jobId][last] = slot;
        list.pop();
        delete _workerSlot[jobId][msg.sender];
        job.workerCount -= 1;
        emit WorkerLeft(jobId, msg.sender);
    }

    /// @notice Starts the job (coordinator): Open → Running; round 0 starts now.
    function startJob(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (msg.sender != job.coordinator) revert NotCoordinator(jobId, msg.sender);
        if (job.state != JobState.Open) revert WrongState(jobId, job.state);
        job.state = JobState.Running;
        job.roundStart = uint64(block.timestamp);
        emit JobStarted(jobId, uint64(block.timestamp));
        emit RoundStarted(jobId, 0, uint64(block.timestamp));
    }

    /// @notice Submits the caller's work bundle for the current round, before the round's timeout.
    /// @param bundleRoot storage root of the work bundle (checkpoint roots and metrics)
    /// @param workUnits the work done, as agreed in the job spec (> 0)
    function submitWork(uint256 jobId, uint32 round, bytes32 bundleRoot, uint256 workUnits) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);
        uint256 deadline = uint256(job.roundStart) + job.roundTimeout;
        if (block.timestamp >= deadline) revert RoundTimedOut(jobId, round, deadline);
        Participant storage p = _participants[jobId][msg.sender];
        if (!p.active || p.joinedRound > round) revert NotEligible(jobId, round, msg.sender);
        if (workUnits == 0) revert ZeroWorkUnits();
        WorkSubmission storage s = _submissions[jobId][round][msg.sender];
        if (s.status != WorkStatus.None) revert AlreadySubmitted(jobId, round, msg.sender);
        s.bundleRoot = bundleRoot;
        s.workUnits = workUnits;
        s.submittedAt = uint64(block.timestamp);
        s.status = WorkStatus.Submitted;
        _roundSubmitters[jobId][round].push(msg.sender);
        emit WorkSubmitted(jobId, round, msg.sender, bundleRoot, workUnits);
    }

    /// @notice Finalizes the current round (coordinator): pays the accepted pro rata by work units, marks the
    ///         other submissions rejected, records the aggregate checkpoint and starts the next round.
    /// @param aggregateRoot storage root of the aggregated checkpoint the next round starts from
    /// @param accepted workers whose submissions are accepted (each must have submitted this round, no duplicates)
    /// @param reportRoot storage root of the round report (reasons for rejections, metrics)
    function finalizeRound(
        uint256 jobId,
        uint32 round,
        bytes32 aggregateRoot,
        address[] calldata accepted,
        bytes32 reportRoot
    ) external {
        Job storage job = _job(jobId);
        if (msg.sender != job.coordinator) revert NotCoordinator(jobId, msg.sender);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);

        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        uint256 totalUnits;
        for (uint256 i = 0; i < accepted.length; ++i) {
            WorkSubmission storage s = subs[accepted[i]];
            if (s.status != WorkStatus.Submitted) revert NotAcceptable(jobId, round, accepted[i]);
            s.status = WorkStatus.Accepted;
            totalUnits += s.workUnits;
        }
        uint256 paid = _payAccepted(jobId, round, accepted, totalUnits, job.rewardPerRound);
        _rejectOthers(jobId, round);

        job.paid += paid;
        job.escrow -= paid;
        _totalComputeUnits[jobId] += totalUnits;
        _roundAggregate[jobId][round] = aggregateRoot;
        _roundReport[jobId][round] = reportRoot;
        emit RoundFinalized(jobId, round, aggregateRoot, reportRoot, totalUnits, paid);

        job.currentRound = round + 1;
        if (round + 1 < job.rounds) {
            job.roundStart = uint64(block.timestamp);
            emit RoundStarted(jobId, round + 1, uint64(block.timestamp));
        }
    }

    /// @notice Completes the job after its last round (coordinator); the unspent escrow (rounding dust and
    ///         the reward of rounds with nothing accepted) is credited to the owner.
    /// @param modelRoot storage root of the final model
    function completeJob(uint256 jobId, bytes32 modelRoot) external {
        Job storage job = _job(jobId);
        if (msg.sender != job.coordinator) revert NotCoordinator(jobId, msg.sender);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (job.currentRound < job.rounds) revert RoundsRemaining(jobId, job.currentRound, job.rounds);
        job.state = JobState.Completed;
        job.modelRoot = modelRoot;
        uint256 refund = _refund(job);
        emit JobCompleted(jobId, modelRoot, refund);
    }

    /// @notice Cancels an Open or Running job (owner); all unspent escrow is credited to the owner.
    function cancelJob(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (msg.sender != job.owner) revert NotOwner(jobId, msg.sender);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        job.state = JobState.Cancelled;
        uint256 refund = _refund(job);
        emit JobCancelled(jobId, refund);
    }

    /// @notice Pays the caller's credited earnings and refunds to its payee.
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = _earnings[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        _earnings[msg.sender] = 0;
        address payee = payeeOf(msg.sender);
        emit Withdrawn(msg.sender, payee, amount);
        Address.sendValue(payable(payee), amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice Number of jobs; ids are 1..jobCount().
    function jobCount() external view returns (uint256) {
        return _jobCount;
    }

    /// @notice A job's parameters and state.
    function getJob(uint256 jobId) external view returns (Job memory) {
        return _job(jobId);
    }

    /// @notice The job's datasets.
    function jobDatasets(uint256 jobId) external view returns (uint256[] memory) {
        _job(jobId);
        return _jobDatasets[jobId];
    }

    /// @notice The job's current workers (order changes when one leaves).
    function jobWorkers(uint256 jobId) external view returns (address[] memory) {
        _job(jobId);
        return _jobWorkers[jobId];
    }

    /// @notice A worker's membership in a job (`active` false if it never joined or left).
    function participant(uint256 jobId, address worker) external view returns (Participant memory) {
        return _participants[jobId][worker];
    }

    /// @notice A worker's submission for a round (status None if it did not submit).
    function getSubmission(uint256 jobId, uint32 round, address worker) external view returns (WorkSubmission memory) {
        return _submissions[jobId][round][worker];
    }

    /// @notice Workers who submitted for a round, in submission order.
    function roundSubmitters(uint256 jobId, uint32 round) external view returns (address[] memory) {
        return _roundSubmitters[jobId][round];
    }

    /// @notice Storage root of the aggregated checkpoint of a finalized round (0 before).
    function roundAggregate(uint256 jobId, uint32 round) external view returns (bytes32) {
        return _roundAggregate[jobId][round];
    }

    /// @notice Storage root of the report of a finalized round (0 before).
    function roundReport(uint256 jobId, uint32 round) external view returns (bytes32) {
        return _roundReport[jobId][round];
    }

    /// @notice Credited, not yet withdrawn earnings and refunds of an account.
    function earnings(address account) external view returns (uint256) {
        return _earnings[account];
    }

    /// @notice Work units of a worker's accepted submissions in a job.
    function computeUnits(uint256 jobId, address worker) external view returns (uint256) {
        return _computeUnits[jobId][worker];
    }

    /// @notice Work units of all accepted submissions in a job.
    function totalComputeUnits(uint256 jobId) external view returns (uint256) {
        return _totalComputeUnits[jobId];
    }

    /// @notice Budget still held for a job: `rounds × rewardPerRound − paid − refunded`.
    function escrowOf(uint256 jobId) external view returns (uint256) {
        return _job(jobId).escrow;
    }

    // ------------------------------------------------------------------ internals

    function _job(uint256 jobId) private view returns (Job storage job) {
        if (jobId == 0 || jobId > _jobCount) revert UnknownJob(jobId);
        job = _jobs[jobId];
    }

    function _payAccepted(uint256 jobId, uint32 round, address[] calldata accepted, uint256 totalUnits, uint256 reward)
        private
        returns (uint256 paid)
    {
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        for (uint256 i = 0; i < accepted.length; ++i) {
            address worker = accepted[i];
            uint256 units = subs[worker].workUnits;
            uint256 amount = Math.mulDiv(reward, units, totalUnits);
            _earnings[worker] += amount;
            _computeUnits[jobId][worker] += units;
            paid += amount;
            emit WorkAccepted(jobId, round, worker, units, amount);
        }
    }

    function _rejectOthers(uint256 jobId, uint32 round) private {
        address[] storage submitters = _roundSubmitters[jobId][round];
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        for (uint256 i = 0; i < submitters.length; ++i) {
            WorkSubmission storage s = subs[submitters[i]];
            if (s.status == WorkStatus.Submitted) {
                s.status = WorkStatus.Rejected;
                emit WorkRejected(jobId, round, submitters[i]);
            }
        }
    }

    function _refund(Job storage job) private returns (uint256 refund) {
        refund = job.escrow;
        job.escrow = 0;
        job.refunded += refund;
        _earnings[job.owner] += refund;
    }
}
