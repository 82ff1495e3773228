// SPDX-License-Identifier: MIT OR Apache-2.0
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {DatasetRegistry} from "./DatasetRegistry.sol";

/// @title JobMarket
/// @notice Training jobs and compute pools. A job owner escrows `rounds × rewardPerRound` (native coin) for a
///         training job over sealed datasets and commits, up front, to every term that decides payment
///         (`Terms`: the token split, the worker bond, the verifying committee and its threshold, the spans
///         checked per submission, the verification tolerance, the checkpoint interval, the work units of a
///         submission, the grace period and the most a model server may keep of usage revenue). Registered
///         workers join by posting the job's bond, submit one work bundle per round, and the committee's
///         verdict decides which submissions are accepted: a verdict is final once `threshold` members posted
///         the same verdict hash; anyone may then finalize the round with the full verdict. Each round's
///         reward is split among the accepted pro rata by work units (floor) and credited (pull, `withdraw`).
///         A rejected submission's bond is slashed to that round's accepted workers pro rata by units (to the
///         escrow, refunded to the owner at the end, when none was accepted).
///         If the round is not finalized by its deadline plus the grace period, anyone may close it: every submission is paid by its units from the round's reward, bonds are
///         returned, and the job stops with the unspent escrow credited to the owner.
/// @dev Money never moves in loops over unbounded lists: rewards, refunds and bonds are credited to `earnings`
///      and withdrawn by their owner (to the account's payee); loops run over a round's submitters or a
///      job's current workers (both at most `maxWorkers`) and the committee (at most 32).
///      Invariant: `escrow == rounds × rewardPerRound + bondsSlashed − paid − refunded` for every job (`paid`
///      counts rewards and the slashed bonds passed on to accepted workers), and
///      the contract's balance is Σ escrow + Σ bondsHeld + Σ earnings.
///      Work units: a submission is paid for `min(workUnits, terms.unitsPerSubmission)` units (the spec
///      fixes the units of a round's work; a worker cannot claim more).
///      Rules: only registered workers may join; a worker who joins an Open job takes part from round 0, one
///      who joins a Running job from the next round (`joinedRound`); a worker may leave (bond returned) while
///      the job is Open or Running unless its submission for the current round awaits a verdict; a worker
///      whose submission is rejected loses its bond and is removed from the job (it may join again with a
///      new bond). A round takes submissions before `roundStart + roundTimeout` (its deadline) and before
///      its first verdict vote; it takes votes once every worker taking part in it has submitted, or from
///      its deadline, until the deadline plus `grace`. So no member can shut a worker out of a round by
///      voting early (`SubmissionsOpen`).
///      Finalizing the last round completes the job (model root: the last non-zero aggregate, else the
///      base model) and returns every bond.
contract JobMarket is ReentrancyGuard {
    uint256 private constant BPS = 10_000;
    /// @notice Most committee members of a job.
    uint256 public constant MAX_COMMITTEE = 32;
    /// @notice The most ERC-20 revenue assets a job may commit its token to (besides the native coin).
    uint256 public constant MAX_REVENUE_ASSETS = 4;

    /// @notice Life cycle of a job. Stopped: a round was closed without a verdict (`closeRound`).
    enum JobState {
        Open,
        Running,
        Completed,
        Cancelled,
        Stopped
    }

    /// @notice State of one worker's submission in one round. Unverified: paid by units when the round
    ///         was closed without a verdict.
    enum WorkStatus {
        None,
        Submitted,
        Accepted,
        Rejected,
        Unverified
    }

    /// @notice A worker's declaration as returned by `workers`.
    struct Worker {
        string inventory;
        address payee;
        bool registered;
        uint64 registeredAt;
    }

    /// @notice What a job commits to at `createJob`, as returned by `jobTerms`.
    /// @dev `tolerancePpb`: the largest absolute weight difference a re-executed CPU span may show, in
    ///      parts per billion (1e-5 = 10000). `maxLossIncreasePpb`: the largest validation-loss increase a
    ///      submission may show, in billionths of a nat. `checkpointEvery`: the checkpoint interval K in
    ///      steps. `grace`: seconds after a round's deadline the committee still has for its verdict.
    ///      `unitsPerSubmission`: the work units of one round's work (steps × batch × context for the
    ///      builtin trainer). `maxServiceFeeBps`: the most a model server may keep of usage revenue.
    ///      `revenueAssets`: the ERC-20s the model's token will accept as revenue besides the native coin
    ///      (at most 4, distinct, non-zero), fixed here so that tokenization chooses nothing of payment.
    struct Terms {
        uint16 ownerBps;
        uint16 dataBps;
        uint16 computeBps;
        uint16 maxServiceFeeBps;
        uint32 threshold;
        uint32 spans;
        uint64 tolerancePpb;
        uint64 maxLossIncreasePpb;
        uint64 checkpointEvery;
        uint64 grace;
        uint256 bond;
        uint256 unitsPerSubmission;
        address[] committee;
        address[] revenueAssets;
    }

    /// @notice A job as returned by `getJob`.
    struct Job {
        address owner;
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
        uint256 bondsHeld;
        uint256 bondsSlashed;
        uint256 bondsReturned;
    }

    /// @notice One worker's submission for one round, as returned by `getSubmission`.
    struct WorkSubmission {
        bytes32 bundleRoot;
        uint256 workUnits;
        uint64 submittedAt;
        WorkStatus status;
    }

    /// @notice A worker's membership in a job, as returned by `participant`. `bond`: held now;
    ///         `slashed`/`returned`: in total over the job.
    struct Participant {
        bool active;
        uint32 joinedRound;
        uint256 bond;
        uint256 slashed;
        uint256 returned;
    }

    /// @notice A committee's verdict on one round: `accepted[i]` is paid for `units[i]`
    ///         (= `min(workUnits, unitsPerSubmission)`); accepted ∪ rejected = the round's submitters, each once.
    struct Verdict {
        address[] accepted;
        uint256[] units;
        address[] rejected;
        bytes32 aggregateRoot;
        bytes32 reportRoot;
    }

    /// @notice A round's committee votes, as returned by `roundVotes`.
    struct RoundVotes {
        uint32 votes;
        bytes32 agreed;
    }

    /// @notice The dataset registry whose sealed datasets jobs train on.
    DatasetRegistry public immutable datasetRegistry;

    uint256 private _jobCount;
    mapping(uint256 jobId => Job) private _jobs;
    mapping(uint256 jobId => Terms) private _terms;
    mapping(uint256 jobId => mapping(address => bool)) private _isMember;
    mapping(uint256 jobId => bytes32) private _latestModel;
    mapping(uint256 jobId => uint256[]) private _jobDatasets;
    mapping(uint256 jobId => address[]) private _jobWorkers;
    mapping(uint256 jobId => address[]) private _everJoined;
    mapping(uint256 jobId => mapping(address worker => bool)) private _hasJoined;
    mapping(uint256 jobId => mapping(address worker => uint256)) private _workerSlot; // index + 1 in _jobWorkers
    mapping(uint256 jobId => mapping(address worker => Participant)) private _participants;
    mapping(uint256 jobId => mapping(uint256 round => mapping(address worker => WorkSubmission))) private _submissions;
    mapping(uint256 jobId => mapping(uint256 round => address[])) private _roundSubmitters;
    mapping(uint256 jobId => mapping(uint256 round => bytes32)) private _roundAggregate;
    mapping(uint256 jobId => mapping(uint256 round => bytes32)) private _roundReport;
    mapping(uint256 jobId => mapping(uint256 round => mapping(address member => bytes32))) private _votes;
    mapping(uint256 jobId => mapping(uint256 round => mapping(bytes32 verdict => uint32))) private _voteCount;
    mapping(uint256 jobId => mapping(uint256 round => RoundVotes)) private _roundVotes;
    mapping(uint256 jobId => mapping(address worker => uint256)) private _computeUnits;
    mapping(uint256 jobId => uint256) private _totalComputeUnits;
    mapping(address worker => Worker) private _workers;
    mapping(address account => uint256) private _earnings;

    /// @notice A worker registered or updated its inventory.
    event WorkerRegistered(address indexed worker, string inventory);
    /// @notice An account set where its withdrawals go.
    event PayeeSet(address indexed account, address indexed payee);
    /// @notice A job was created and its budget escrowed; its terms are in `jobTerms`.
    event JobCreated(
        uint256 indexed jobId,
        address indexed owner,
        bytes32 specRoot,
        uint32 rounds,
        uint256 rewardPerRound,
        uint256 budget,
        uint256 bond,
        uint32 threshold,
        uint32 committeeSize
    );
    /// @notice A worker joined with its bond; it takes part from round `joinedRound`.
    event WorkerJoined(uint256 indexed jobId, address indexed worker, uint32 joinedRound, uint256 bond);
    /// @notice A worker left (or was removed after a rejected submission).
    event WorkerLeft(uint256 indexed jobId, address indexed worker);
    /// @notice A worker's bond was credited back to it.
    event BondReturned(uint256 indexed jobId, address indexed worker, uint256 amount);
    /// @notice A rejected worker's bond was slashed (to the round's accepted workers, or to the escrow).
    event BondSlashed(uint256 indexed jobId, uint32 indexed round, address indexed worker, uint256 amount, bool toEscrow);
    /// @notice A committee member started the job.
    event JobStarted(uint256 indexed jobId, uint64 startedAt);
    /// @notice A round started (round 0 at `startJob`, round r+1 when round r is finalized).
    event RoundStarted(uint256 indexed jobId, uint32 indexed round, uint64 startedAt);
    /// @notice A worker submitted its work bundle for a round.
    event WorkSubmitted(uint256 indexed jobId, uint32 indexed round, address indexed worker, bytes32 bundleRoot, uint256 workUnits);
    /// @notice A committee member posted its verdict hash (and the root of its round report).
    event VerdictVoted(uint256 indexed jobId, uint32 indexed round, address indexed member, bytes32 verdictHash, bytes32 reportRoot);
    /// @notice `threshold` members posted the same verdict hash: that verdict is final.
    event VerdictAgreed(uint256 indexed jobId, uint32 indexed round, bytes32 verdictHash);
    /// @notice A submission was accepted and `amount` credited to the worker (`slashShare` of it from bonds).
    event WorkAccepted(uint256 indexed jobId, uint32 indexed round, address indexed worker, uint256 units, uint256 amount, uint256 slashShare);
    /// @notice A submission was not accepted (reasons are in the round's report at `reportRoot`).
    event WorkRejected(uint256 indexed jobId, uint32 indexed round, address indexed worker);
    /// @notice A round was finalized with its agreed verdict.
    event RoundFinalized(
        uint256 indexed jobId,
        uint32 indexed round,
        bytes32 aggregateRoot,
        bytes32 reportRoot,
        uint256 acceptedUnits,
        uint256 paid
    );
    /// @notice A round without a verdict was closed after its grace period: submissions paid by units.
    event RoundClosed(uint256 indexed jobId, uint32 indexed round, address indexed closer, uint256 units, uint256 paid);
    /// @notice A submission of a closed round was paid by its units without a verdict.
    event WorkPaidUnverified(uint256 indexed jobId, uint32 indexed round, address indexed worker, uint256 units, uint256 amount);
    /// @notice The job completed; `refund` (unspent escrow) was credited to the owner.
    event JobCompleted(uint256 indexed jobId, bytes32 modelRoot, uint256 refund);
    /// @notice The owner cancelled the job; `refund` (unspent escrow) was credited to the owner.
    event JobCancelled(uint256 indexed jobId, uint256 refund);
    /// @notice The job stopped after a round closed without a verdict; `refund` was credited to the owner.
    event JobStopped(uint256 indexed jobId, uint32 round, uint256 refund);
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
    /// @notice ownerBps + dataBps + computeBps must be 10000 and maxServiceFeeBps at most 10000.
    error InvalidSplit(uint256 sum, uint256 maxServiceFeeBps);
    /// @notice The committee is too large, has a zero or repeated member, or the threshold is not in 1..n.
    error InvalidCommittee(uint256 size, uint256 threshold);
    /// @notice spans, checkpointEvery and unitsPerSubmission must be non-zero.
    error InvalidVerification();
    /// @notice More than 4 revenue assets, or an invalid one (zero or repeated).
    error InvalidRevenueAsset(address asset);
    /// @notice The job is not in a state that allows this call.
    error WrongState(uint256 jobId, JobState state);
    /// @notice Caller is not a member of the job's committee.
    error NotCommittee(uint256 jobId, address caller);
    /// @notice Caller is not the job's owner.
    error NotOwner(uint256 jobId, address caller);
    /// @notice The caller has not registered as a worker.
    error NotRegistered(address worker);
    /// @notice `msg.value` is not exactly the job's bond.
    error WrongBond(uint256 expected, uint256 paid);
    /// @notice The worker is already in the job.
    error AlreadyJoined(uint256 jobId, address worker);
    /// @notice The worker is not in the job.
    error NotJoined(uint256 jobId, address worker);
    /// @notice The worker's submission for the current round awaits a verdict: it may leave after it.
    error SubmissionPending(uint256 jobId, uint256 round, address worker);
    /// @notice The job has `maxWorkers` workers.
    error JobFull(uint256 jobId);
    /// @notice The round is not the job's current round.
    error WrongRound(uint256 jobId, uint256 round, uint256 currentRound);
    /// @notice The round's submission window has closed.
    error RoundTimedOut(uint256 jobId, uint256 round, uint256 deadline);
    /// @notice The committee started voting on this round: it takes no more submissions.
    error RoundVoting(uint256 jobId, uint256 round);
    /// @notice The worker only takes part from a later round.
    error NotEligible(uint256 jobId, uint256 round, address worker);
    /// @notice The worker already submitted for this round.
    error AlreadySubmitted(uint256 jobId, uint256 round, address worker);
    /// @notice Work units must be positive.
    error ZeroWorkUnits();
    /// @notice Votes wait until every worker taking part in the round has submitted, or until the round's
    ///         deadline: the round still takes submissions.
    error SubmissionsOpen(uint256 jobId, uint256 round, uint256 deadline);
    /// @notice The member already voted on this round.
    error AlreadyVoted(uint256 jobId, uint256 round, address member);
    /// @notice Votes are taken until the round's deadline plus the grace period.
    error VotingClosed(uint256 jobId, uint256 round, uint256 closedAt);
    /// @notice No verdict reached the threshold for this round yet.
    error NoVerdict(uint256 jobId, uint256 round);
    /// @notice The verdict given does not hash to the agreed one.
    error VerdictMismatch(uint256 jobId, uint256 round, bytes32 agreed, bytes32 given);
    /// @notice A verdict lists a worker that has no pending submission this round, lists one twice, or gives
    ///         it other units than `min(workUnits, unitsPerSubmission)`; or leaves a submission out.
    error BadVerdict(uint256 jobId, uint256 round, address worker);
    /// @notice The round can be closed only after its deadline plus the grace period.
    error TooEarly(uint256 jobId, uint256 round, uint256 closableAt);
    /// @notice The current round has submissions: the job cannot be cancelled until it is finalized.
    error RoundHasSubmissions(uint256 jobId, uint256 round);
    /// @notice A running job can be cancelled only from its current round's deadline on (workers may still
    ///         be uploading the work they are about to submit).
    error RoundInProgress(uint256 jobId, uint256 round, uint256 deadline);
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

    /// @notice Creates a job, escrows its budget (exactly `rounds × rewardPerRound`) and commits to its terms.
    /// @param specRoot storage root of the job bundle (spec and files)
    /// @param baseModelRoot storage root of the base model (0 for none)
    /// @param datasetIds sealed datasets the job trains on (distinct, may be empty)
    /// @param terms the payment terms; an empty committee means the caller alone with threshold 1
    function createJob(
        bytes32 specRoot,
        bytes32 baseModelRoot,
        uint256[] calldata datasetIds,
        uint32 rounds,
        uint32 maxWorkers,
        uint256 rewardPerRound,
        uint64 roundTimeout,
        Terms calldata terms
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
        jobId = ++_jobCount;
        _commitTerms(jobId, terms);
        Job storage job = _jobs[jobId];
        job.owner = msg.sender;
        job.specRoot = specRoot;
        job.baseModelRoot = baseModelRoot;
        job.rounds = rounds;
        job.maxWorkers = maxWorkers;
        job.rewardPerRound = rewardPerRound;
        job.roundTimeout = roundTimeout;
        job.escrow = budget;
        _latestModel[jobId] = baseModelRoot;
        _jobDatasets[jobId] = datasetIds;
        Terms storage t = _terms[jobId];
        emit JobCreated(
            jobId, msg.sender, specRoot, rounds, rewardPerRound, budget, t.bond, t.threshold, uint32(t.committee.length)
        );
    }

    /// @notice Joins a job (registered workers only) while it is Open or Running and has room, posting
    ///         exactly the job's bond.
    function join(uint256 jobId) external payable {
        Job storage job = _job(jobId);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (!_workers[msg.sender].registered) revert NotRegistered(msg.sender);
        uint256 bond = _terms[jobId].bond;
        if (msg.value != bond) revert WrongBond(bond, msg.value);
        Participant storage p = _participants[jobId][msg.sender];
        if (p.active) revert AlreadyJoined(jobId, msg.sender);
        if (job.workerCount >= job.maxWorkers) revert JobFull(jobId);
        uint32 joinedRound = job.state == JobState.Open ? 0 : job.currentRound + 1;
        if (!_hasJoined[jobId][msg.sender]) {
            _hasJoined[jobId][msg.sender] = true;
            _everJoined[jobId].push(msg.sender);
        }
        p.active = true;
        p.joinedRound = joinedRound;
        p.bond = bond;
        job.bondsHeld += bond;
        _jobWorkers[jobId].push(msg.sender);
        _workerSlot[jobId][msg.sender] = _jobWorkers[jobId].length;
        job.workerCount += 1;
        emit WorkerJoined(jobId, msg.sender, joinedRound, bond);
    }

    /// @notice Leaves a job that is Open or Running; the bond is credited back. Refused while the caller's
    ///         submission for the current round awaits a verdict.
    function leave(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        Participant storage p = _participants[jobId][msg.sender];
        if (!p.active) revert NotJoined(jobId, msg.sender);
        if (_submissions[jobId][job.currentRound][msg.sender].status == WorkStatus.Submitted) {
            revert SubmissionPending(jobId, job.currentRound, msg.sender);
        }
        _remove(jobId, job, msg.sender);
        _returnBond(jobId, job, msg.sender);
    }

    /// @notice Starts the job (a committee member or the owner): Open → Running; round 0 starts now.
    function startJob(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (!_isMember[jobId][msg.sender] && msg.sender != job.owner) revert NotCommittee(jobId, msg.sender);
        if (job.state != JobState.Open) revert WrongState(jobId, job.state);
        job.state = JobState.Running;
        job.roundStart = uint64(block.timestamp);
        emit JobStarted(jobId, uint64(block.timestamp));
        emit RoundStarted(jobId, 0, uint64(block.timestamp));
    }

    /// @notice Submits the caller's work bundle for the current round, before the round's timeout and the
    ///         committee's first vote.
    /// @param bundleRoot storage root of the work bundle (checkpoint roots and metrics)
    /// @param workUnits the work done (> 0); paid for at most the job's `unitsPerSubmission`
    function submitWork(uint256 jobId, uint32 round, bytes32 bundleRoot, uint256 workUnits) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);
        uint256 deadline = uint256(job.roundStart) + job.roundTimeout;
        if (block.timestamp >= deadline) revert RoundTimedOut(jobId, round, deadline);
        if (_roundVotes[jobId][round].votes > 0) revert RoundVoting(jobId, round);
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

    /// @notice The hash a committee member votes for: the whole verdict on one round.
    function verdictHash(uint256 jobId, uint32 round, Verdict memory v) public pure returns (bytes32) {
        return keccak256(abi.encode(jobId, round, v));
    }

    /// @notice A committee member posts its verdict hash for the current round (once per round), with the
    ///         root of its round report. The first hash `threshold` members post is the round's verdict.
    ///         Votes are taken once every worker taking part in the round has submitted, or from the round's
    ///         deadline, until the deadline plus the grace period.
    function voteVerdict(uint256 jobId, uint32 round, bytes32 verdict, bytes32 reportRoot) external {
        Job storage job = _job(jobId);
        if (!_isMember[jobId][msg.sender]) revert NotCommittee(jobId, msg.sender);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);
        uint256 deadline = uint256(job.roundStart) + job.roundTimeout;
        uint256 closesAt = deadline + _terms[jobId].grace;
        if (block.timestamp >= closesAt) revert VotingClosed(jobId, round, closesAt);
        if (_votes[jobId][round][msg.sender] != bytes32(0)) revert AlreadyVoted(jobId, round, msg.sender);
        RoundVotes storage rv = _roundVotes[jobId][round];
        // The first vote closes the submissions: before the deadline, only once nobody is left to submit.
        if (rv.votes == 0 && block.timestamp < deadline && !_allSubmitted(jobId, round)) {
            revert SubmissionsOpen(jobId, round, deadline);
        }
        _votes[jobId][round][msg.sender] = verdict;
        uint32 n = ++_voteCount[jobId][round][verdict];
        rv.votes += 1;
        emit VerdictVoted(jobId, round, msg.sender, verdict, reportRoot);
        if (n == _terms[jobId].threshold && rv.agreed == bytes32(0)) {
            rv.agreed = verdict;
            emit VerdictAgreed(jobId, round, verdict);
        }
    }

    /// @notice Finalizes the current round with its agreed verdict (anyone): pays the accepted pro rata by
    ///         units, slashes the rejected workers' bonds, records the aggregate (the checkpoint the next
    ///         round starts from) and the report, and starts the next round; the last round completes the job.
    function finalizeRound(uint256 jobId, uint32 round, Verdict calldata v) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);
        bytes32 agreed = _roundVotes[jobId][round].agreed;
        if (agreed == bytes32(0)) revert NoVerdict(jobId, round);
        bytes32 given = verdictHash(jobId, round, v);
        if (given != agreed) revert VerdictMismatch(jobId, round, agreed, given);
        if (
            v.accepted.length != v.units.length
                || v.accepted.length + v.rejected.length != _roundSubmitters[jobId][round].length
        ) revert BadVerdict(jobId, round, address(0));

        uint256 totalUnits = _markAccepted(jobId, round, v.accepted, v.units);
        uint256 slashed = _slash(jobId, job, round, v.rejected, v.accepted.length == 0);
        uint256 paid = _payAccepted(jobId, round, v, totalUnits, slashed);

        job.paid += paid;
        job.escrow = job.escrow + slashed - paid;
        _totalComputeUnits[jobId] += totalUnits;
        _roundAggregate[jobId][round] = v.aggregateRoot;
        _roundReport[jobId][round] = v.reportRoot;
        if (v.aggregateRoot != bytes32(0)) _latestModel[jobId] = v.aggregateRoot;
        emit RoundFinalized(jobId, round, v.aggregateRoot, v.reportRoot, totalUnits, paid);
        _nextRound(jobId, job, round);
    }

    function _nextRound(uint256 jobId, Job storage job, uint32 round) private {
        job.currentRound = round + 1;
        if (round + 1 < job.rounds) {
            job.roundStart = uint64(block.timestamp);
            emit RoundStarted(jobId, round + 1, uint64(block.timestamp));
        } else {
            job.state = JobState.Completed;
            job.modelRoot = _latestModel[jobId];
            _returnAllBonds(jobId, job);
            uint256 refund = _refund(job);
            emit JobCompleted(jobId, job.modelRoot, refund);
        }
    }

    /// @notice Closes the current round when it was not finalized by its deadline plus the grace period
    ///         (anyone; also when a verdict was agreed but nobody finalized it in time): every submission is paid by its units from the round's reward, every bond is
    ///         returned, and the job stops with the unspent escrow credited to the owner.
    function closeRound(uint256 jobId, uint32 round) external {
        Job storage job = _job(jobId);
        if (job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (round != job.currentRound || round >= job.rounds) revert WrongRound(jobId, round, job.currentRound);
        uint256 closableAt = uint256(job.roundStart) + job.roundTimeout + _terms[jobId].grace;
        if (block.timestamp < closableAt) revert TooEarly(jobId, round, closableAt);

        address[] storage submitters = _roundSubmitters[jobId][round];
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        uint256 cap = _terms[jobId].unitsPerSubmission;
        uint256 totalUnits;
        for (uint256 i = 0; i < submitters.length; ++i) {
            totalUnits += Math.min(subs[submitters[i]].workUnits, cap);
        }
        uint256 paid;
        for (uint256 i = 0; i < submitters.length; ++i) {
            address w = submitters[i];
            WorkSubmission storage s = subs[w];
            uint256 u = Math.min(s.workUnits, cap);
            uint256 amount = Math.mulDiv(job.rewardPerRound, u, totalUnits);
            s.status = WorkStatus.Unverified;
            _earnings[w] += amount;
            paid += amount;
            emit WorkPaidUnverified(jobId, round, w, u, amount);
        }
        job.paid += paid;
        job.escrow -= paid;
        emit RoundClosed(jobId, round, msg.sender, totalUnits, paid);
        job.state = JobState.Stopped;
        _returnAllBonds(jobId, job);
        uint256 refund = _refund(job);
        emit JobStopped(jobId, round, refund);
    }

    /// @notice Cancels a job (owner): an Open one at any time; a Running one only while its current round has
    ///         no submissions and from that round's deadline on (nobody can submit any more). Every bond
    ///         is returned and all unspent escrow is credited to the owner.
    /// @dev Workers upload their checkpoints and bundle before `submitWork`: an owner who could cancel mid-round
    ///      could front-run the first submission (its bundle root is in the mempool), get the round refunded
    ///      and still download the work.
    function cancelJob(uint256 jobId) external {
        Job storage job = _job(jobId);
        if (msg.sender != job.owner) revert NotOwner(jobId, msg.sender);
        if (job.state != JobState.Open && job.state != JobState.Running) revert WrongState(jobId, job.state);
        if (job.state == JobState.Running) {
            if (_roundSubmitters[jobId][job.currentRound].length > 0) {
                revert RoundHasSubmissions(jobId, job.currentRound);
            }
            uint256 deadline = uint256(job.roundStart) + job.roundTimeout;
            if (block.timestamp < deadline) revert RoundInProgress(jobId, job.currentRound, deadline);
        }
        job.state = JobState.Cancelled;
        _returnAllBonds(jobId, job);
        uint256 refund = _refund(job);
        emit JobCancelled(jobId, refund);
    }

    /// @notice Pays the caller's credited earnings, refunds and bonds to its payee.
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

    /// @notice What the job committed to at creation.
    function jobTerms(uint256 jobId) external view returns (Terms memory) {
        _job(jobId);
        return _terms[jobId];
    }

    /// @notice Whether `account` is on the job's committee.
    function isCommittee(uint256 jobId, address account) external view returns (bool) {
        return _isMember[jobId][account];
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

    /// @notice Every worker that ever joined the job, in order of first joining.
    function jobParticipants(uint256 jobId) external view returns (address[] memory) {
        _job(jobId);
        return _everJoined[jobId];
    }

    /// @notice A worker's membership in a job (`active` false if it never joined or left) and its bond.
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

    /// @notice How many members voted on a round and the agreed verdict hash (0 until `threshold` agree).
    function roundVotes(uint256 jobId, uint32 round) external view returns (RoundVotes memory) {
        return _roundVotes[jobId][round];
    }

    /// @notice The verdict hash `member` posted for a round (0 if none).
    function voteOf(uint256 jobId, uint32 round, address member) external view returns (bytes32) {
        return _votes[jobId][round][member];
    }

    /// @notice Storage root of the aggregated checkpoint of a finalized round (0 before).
    function roundAggregate(uint256 jobId, uint32 round) external view returns (bytes32) {
        return _roundAggregate[jobId][round];
    }

    /// @notice Storage root of the report of a finalized round (0 before).
    function roundReport(uint256 jobId, uint32 round) external view returns (bytes32) {
        return _roundReport[jobId][round];
    }

    /// @notice Credited, not yet withdrawn earnings, refunds and bonds of an account.
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

    /// @notice Budget still held for a job: `rounds × rewardPerRound + bondsSlashed − paid − refunded`.
    function escrowOf(uint256 jobId) external view returns (uint256) {
        return _job(jobId).escrow;
    }

    // ------------------------------------------------------------------ internals

    function _job(uint256 jobId) private view returns (Job storage job) {
        if (jobId == 0 || jobId > _jobCount) revert UnknownJob(jobId);
        job = _jobs[jobId];
    }

    function _commitRevenueAssets(Terms storage t, address[] calldata assets) private {
        if (assets.length > MAX_REVENUE_ASSETS) revert InvalidRevenueAsset(address(0));
        for (uint256 i = 0; i < assets.length; ++i) {
            address a = assets[i];
            if (a == address(0)) revert InvalidRevenueAsset(a);
            for (uint256 j = 0; j < i; ++j) {
                if (assets[j] == a) revert InvalidRevenueAsset(a);
            }
            t.revenueAssets.push(a);
        }
    }

    function _commitTerms(uint256 jobId, Terms calldata terms) private {
        uint256 sum = uint256(terms.ownerBps) + terms.dataBps + terms.computeBps;
        if (sum != BPS || terms.maxServiceFeeBps > BPS) revert InvalidSplit(sum, terms.maxServiceFeeBps);
        if (terms.spans == 0 || terms.checkpointEvery == 0 || terms.unitsPerSubmission == 0) {
            revert InvalidVerification();
        }
        Terms storage t = _terms[jobId];
        t.ownerBps = terms.ownerBps;
        t.dataBps = terms.dataBps;
        t.computeBps = terms.computeBps;
        t.maxServiceFeeBps = terms.maxServiceFeeBps;
        t.spans = terms.spans;
        t.tolerancePpb = terms.tolerancePpb;
        t.maxLossIncreasePpb = terms.maxLossIncreasePpb;
        t.checkpointEvery = terms.checkpointEvery;
        t.grace = terms.grace;
        t.bond = terms.bond;
        t.unitsPerSubmission = terms.unitsPerSubmission;
        _commitRevenueAssets(t, terms.revenueAssets);
        uint256 n = terms.committee.length;
        uint256 threshold = terms.threshold;
        if (n == 0) {
            if (threshold > 1) revert InvalidCommittee(0, threshold);
            t.committee.push(msg.sender);
            _isMember[jobId][msg.sender] = true;
            t.threshold = 1;
            return;
        }
        if (n > MAX_COMMITTEE || threshold == 0 || threshold > n) revert InvalidCommittee(n, threshold);
        for (uint256 i = 0; i < n; ++i) {
            address m = terms.committee[i];
            if (m == address(0) || _isMember[jobId][m]) revert InvalidCommittee(n, threshold);
            _isMember[jobId][m] = true;
            t.committee.push(m);
        }
        t.threshold = uint32(threshold);
    }

    /// @dev Whether every current worker taking part in the round (joined at or before it) has submitted
    ///      (true when none does: nobody can still submit). Loops over the job's current workers (at most
    ///      `maxWorkers`).
    function _allSubmitted(uint256 jobId, uint32 round) private view returns (bool) {
        address[] storage list = _jobWorkers[jobId];
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        for (uint256 i = 0; i < list.length; ++i) {
            address w = list[i];
            if (_participants[jobId][w].joinedRound <= round && subs[w].status == WorkStatus.None) return false;
        }
        return true;
    }

    function _remove(uint256 jobId, Job storage job, address worker) private {
        _participants[jobId][worker].active = false;
        address[] storage list = _jobWorkers[jobId];
        uint256 slot = _workerSlot[jobId][worker];
        address last = list[list.length - 1];
        list[slot - 1] = last;
        _workerSlot[jobId][last] = slot;
        list.pop();
        delete _workerSlot[jobId][worker];
        job.workerCount -= 1;
        emit WorkerLeft(jobId, worker);
    }

    function _returnBond(uint256 jobId, Job storage job, address worker) private {
        Participant storage p = _participants[jobId][worker];
        uint256 amount = p.bond;
        if (amount == 0) return;
        p.bond = 0;
        p.returned += amount;
        job.bondsHeld -= amount;
        job.bondsReturned += amount;
        _earnings[worker] += amount;
        emit BondReturned(jobId, worker, amount);
    }

    function _returnAllBonds(uint256 jobId, Job storage job) private {
        address[] storage list = _jobWorkers[jobId];
        for (uint256 i = 0; i < list.length; ++i) {
            _returnBond(jobId, job, list[i]);
        }
    }

    function _markAccepted(uint256 jobId, uint32 round, address[] calldata accepted, uint256[] calldata units)
        private
        returns (uint256 totalUnits)
    {
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        uint256 cap = _terms[jobId].unitsPerSubmission;
        for (uint256 i = 0; i < accepted.length; ++i) {
            WorkSubmission storage s = subs[accepted[i]];
            if (s.status != WorkStatus.Submitted || units[i] != Math.min(s.workUnits, cap)) {
                revert BadVerdict(jobId, round, accepted[i]);
            }
            s.status = WorkStatus.Accepted;
            totalUnits += units[i];
        }
    }

    /// @dev Marks the rejected, slashes their bonds and removes them from the job; returns the amount.
    function _slash(uint256 jobId, Job storage job, uint32 round, address[] calldata rejected, bool toEscrow)
        private
        returns (uint256 slashed)
    {
        mapping(address => WorkSubmission) storage subs = _submissions[jobId][round];
        for (uint256 i = 0; i < rejected.length; ++i) {
            address w = rejected[i];
            WorkSubmission storage s = subs[w];
            if (s.status != WorkStatus.Submitted) revert BadVerdict(jobId, round, w);
            s.status = WorkStatus.Rejected;
            emit WorkRejected(jobId, round, w);
            Participant storage p = _participants[jobId][w];
            uint256 amount = p.bond;
            if (p.active) _remove(jobId, job, w);
            if (amount == 0) continue;
            p.bond = 0;
            p.slashed += amount;
            job.bondsHeld -= amount;
            job.bondsSlashed += amount;
            slashed += amount;
            emit BondSlashed(jobId, round, w, amount, toEscrow);
        }
    }

    /// @dev Credits the round's reward and the slashed bonds to the accepted, pro rata by units. Returns
    ///      what left the escrow (the reward part and the slashed part, floor-rounded).
    function _payAccepted(uint256 jobId, uint32 round, Verdict calldata v, uint256 totalUnits, uint256 slashed)
        private
        returns (uint256 paid)
    {
        uint256 reward = _jobs[jobId].rewardPerRound;
        for (uint256 i = 0; i < v.accepted.length; ++i) {
            uint256 u = v.units[i];
            uint256 share = Math.mulDiv(slashed, u, totalUnits);
            uint256 amount = Math.mulDiv(reward, u, totalUnits) + share;
            _earnings[v.accepted[i]] += amount;
            _computeUnits[jobId][v.accepted[i]] += u;
            paid += amount;
            emit WorkAccepted(jobId, round, v.accepted[i], u, amount, share);
        }
    }

    function _refund(Job storage job) private returns (uint256 refund) {
        refund = job.escrow;
        job.escrow = 0;
        job.refunded += refund;
        _earnings[job.owner] += refund;
    }
}
