// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRevenuePool} from "./IRevenuePool.sol";
import {IncomeVault} from "../revenue/IncomeVault.sol";
import {Sources} from "../libraries/Sources.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title RevenuePool
/// @notice An artist collective's pool. See {IRevenuePool}.
contract RevenuePool is IRevenuePool, IncomeVault {
    using Currency for address;

    /// @inheritdoc IRevenuePool
    uint256 public constant VOTING_PERIOD = 7 days;
    /// @inheritdoc IRevenuePool
    uint256 public constant MAX_WEIGHT = 1000;
    /// @inheritdoc IRevenuePool
    uint256 public constant MAX_MEMBERS = 1000;

    /// @inheritdoc IRevenuePool
    Rule public immutable RULE;
    /// @inheritdoc IRevenuePool
    JoinPolicy public immutable POLICY;
    /// @inheritdoc IRevenuePool
    address public immutable ADMIN;
    /// @inheritdoc IRevenuePool
    uint16 public immutable BUDGET_BPS;

    /// @inheritdoc IRevenuePool
    string public name;
    /// @inheritdoc IRevenuePool
    uint256 public memberCount;
    uint256 internal _totalWeight;
    mapping(address token => uint256) internal _budget;
    Proposal[] internal _proposals;
    mapping(uint256 id => mapping(address voter => bool)) internal _voted;

    /// @dev The factory validated the arguments; the admin is the first member.
    constructor(
        address ledger,
        address currency,
        address admin,
        string memory name_,
        Rule rule,
        JoinPolicy policy,
        uint16 budgetBps,
        uint256 adminWeight
    ) IncomeVault(ledger, currency) {
        ADMIN = admin;
        RULE = rule;
        POLICY = policy;
        BUDGET_BPS = budgetBps;
        name = name_;
        _join(admin, adminWeight, 0);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IRevenuePool
    function isMember(address account) public view returns (bool) {
        return _accounts[account].units != 0;
    }

    /// @inheritdoc IRevenuePool
    function budget(address token) external view returns (uint256) {
        return _budget[token];
    }

    /// @inheritdoc IRevenuePool
    function proposalCount() external view returns (uint256) {
        return _proposals.length;
    }

    /// @inheritdoc IRevenuePool
    function proposal(uint256 id) external view returns (Proposal memory) {
        return _proposal(id);
    }

    /// @inheritdoc IRevenuePool
    function hasVoted(uint256 id, address account) external view returns (bool) {
        return _voted[id][account];
    }

    // ---------------------------------------------------------------- proposals

    /// @inheritdoc IRevenuePool
    function requestJoin(uint256 weight, string calldata memo) external returns (uint256 id) {
        if (isMember(msg.sender)) revert Pool_AlreadyMember(msg.sender);
        _checkWeight(weight);
        if (memberCount >= MAX_MEMBERS) revert Pool_TooManyMembers(MAX_MEMBERS);
        id = _propose(Kind.Join, msg.sender, address(0), weight, memo);
    }

    /// @inheritdoc IRevenuePool
    function proposeSpend(
        address to,
        address token,
        uint256 amount,
        string calldata memo
    ) external returns (uint256 id) {
        if (!isMember(msg.sender)) revert Pool_NotMember(msg.sender);
        if (to == address(0)) revert Pool_ZeroAddress();
        if (!token.isEth() && token != CURRENCY) revert Income_UnsupportedCurrency(token);
        if (amount == 0) revert Income_ZeroAmount();
        id = _propose(Kind.Spend, to, token, amount, memo);
    }

    /// @inheritdoc IRevenuePool
    function decideJoin(uint256 id, bool accept) external nonReentrant {
        if (msg.sender != ADMIN) revert Pool_NotAdmin(msg.sender);
        Proposal storage p = _open(id);
        if (p.kind != Kind.Join) revert Pool_MembersDecide(id);
        if (POLICY != JoinPolicy.Admin && memberCount != 0 && p.electorate != 0) revert Pool_MembersDecide(id);
        if (accept) _execute(id, p);
        else _reject(id, p);
    }

    /// @inheritdoc IRevenuePool
    function vote(uint256 id, bool support) external nonReentrant {
        Proposal storage p = _open(id);
        if (p.kind == Kind.Join && POLICY == JoinPolicy.Admin) revert Pool_AdminDecides(id);
        Account storage voter = _accounts[msg.sender];
        if (voter.units == 0) revert Pool_NotMember(msg.sender);
        if (voter.tag > id) revert Pool_NotElector(id, msg.sender);
        if (_voted[id][msg.sender]) revert Pool_AlreadyVoted(id, msg.sender);
        _voted[id][msg.sender] = true;
        if (support) p.yes += 1;
        else p.no += 1;
        emit Voted(id, msg.sender, support, p.yes, p.no);
        if (uint256(p.yes) * 2 > p.electorate) _execute(id, p);
        else if (uint256(p.no) * 2 >= p.electorate) _reject(id, p);
    }

    /// @inheritdoc IRevenuePool
    function leave() external nonReentrant {
        uint256 weight = _accounts[msg.sender].units;
        if (weight == 0) revert Pool_NotMember(msg.sender);
        // What reached the pool while it was a member is partly the leaver's (F-04).
        _collectPending();
        _removeUnits(msg.sender, weight);
        _totalWeight -= weight;
        memberCount -= 1;
        emit MemberLeft(msg.sender, weight);
    }

    function _propose(
        Kind kind,
        address account,
        address token,
        uint256 amount,
        string calldata memo
    ) internal returns (uint256 id) {
        id = _proposals.length;
        uint64 deadline = uint64(block.timestamp + VOTING_PERIOD);
        uint32 electorate = uint32(memberCount);
        _proposals.push(
            Proposal({
                kind: kind,
                status: Status.Open,
                electorate: electorate,
                yes: 0,
                no: 0,
                deadline: deadline,
                account: account,
                token: token,
                amount: amount
            })
        );
        emit Proposed(id, kind, msg.sender, account, token, amount, deadline, electorate, memo);
    }

    function _execute(uint256 id, Proposal storage p) internal {
        if (p.kind == Kind.Join) {
            // A duplicate request of someone who joined meanwhile: nothing to do.
            if (isMember(p.account)) return _reject(id, p);
            if (memberCount >= MAX_MEMBERS) revert Pool_TooManyMembers(MAX_MEMBERS);
            p.status = Status.Executed;
            // Income that reached the pool before the newcomer joined is the members' (F-04).
            _collectPending();
            _join(p.account, p.amount, id);
        } else {
            uint256 available = _budget[p.token];
            if (available < p.amount) revert Pool_BudgetTooLow(p.token, available, p.amount);
            p.status = Status.Executed;
            _budget[p.token] = available - p.amount;
            _credit(p.account, p.token, p.amount, Sources.BUDGET);
            emit BudgetSpent(id, p.token, p.account, p.amount);
        }
        emit ProposalExecuted(id);
    }

    function _reject(uint256 id, Proposal storage p) internal {
        p.status = Status.Rejected;
        emit ProposalRejected(id);
    }

    function _join(address account, uint256 weight, uint256 proposalId) internal {
        // Proposals made before this one are not the newcomer's to vote on.
        _addUnits(account, weight, uint64(_proposals.length));
        _totalWeight += weight;
        memberCount += 1;
        emit MemberJoined(account, weight, proposalId);
    }

    function _open(uint256 id) internal view returns (Proposal storage p) {
        p = _proposal(id);
        if (p.status != Status.Open || block.timestamp >= p.deadline) revert Pool_ProposalClosed(id);
    }

    function _proposal(uint256 id) internal view returns (Proposal storage) {
        if (id >= _proposals.length) revert Pool_UnknownProposal(id);
        return _proposals[id];
    }

    function _checkWeight(uint256 weight) internal view {
        if (RULE == Rule.Equal ? weight != 1 : (weight == 0 || weight > MAX_WEIGHT)) revert Pool_InvalidWeight(weight);
    }

    // ---------------------------------------------------------------- IncomeVault hooks

    /// @dev The budget's part first; with no members, all of it waits in the budget.
    function _income(address token, address from, uint256 amount) internal override {
        uint256 toBudget = _totalWeight == 0 ? amount : (amount * BUDGET_BPS) / Constants.BPS;
        if (toBudget != 0) {
            _budget[token] += toBudget;
            emit BudgetCredited(token, toBudget);
        }
        if (amount > toBudget) _accrue(token, from, amount - toBudget);
    }

    function _totalUnits() internal view override returns (uint256) {
        return _totalWeight;
    }

    /// @dev One member holds at most MAX_WEIGHT units: that bounds every correction.
    function _maxUnits() internal pure override returns (uint256) {
        return MAX_WEIGHT;
    }

    function _beneficiary() internal view override returns (address) {
        return ADMIN;
    }
}
