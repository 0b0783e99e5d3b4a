// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IIncomeVault} from "../revenue/IIncomeVault.sol";

/// @title IRevenuePool
/// @notice An artist collective: members name the pool as a recipient of their splits, and the pool's
///         income is shared by the members ({IIncomeVault}; units = weights: 1 each under the equal rule,
///         or the weight each member was admitted with). Membership changes affect only income that
///         arrives later: a member who leaves keeps what it earned, a newcomer earns only what follows.
///         A part of every income (`BUDGET_BPS`) goes to a budget that only a majority vote spends.
/// @dev Proposals: a join request (decided by the admin, or by a majority vote of members, as the pool
///      was created) and a budget spend (always a majority vote). The electorate of a proposal is the
///      members when it was made; it passes when more than half of them vote for it, is rejected when at
///      least half vote against, and expires after VOTING_PERIOD. A passing vote executes it. While the
///      pool has no members, the admin decides join requests alone (and income goes to the budget).
interface IRevenuePool is IIncomeVault {
    enum Rule {
        Equal,
        Weights
    }

    enum JoinPolicy {
        Admin,
        Vote
    }

    enum Kind {
        Join,
        Spend
    }

    enum Status {
        Open,
        Executed,
        Rejected
    }

    /// @notice A proposal. `account` is the applicant (join) or the recipient (spend); `amount` is the
    ///         weight (join) or the amount of `token` (spend).
    struct Proposal {
        Kind kind;
        Status status;
        uint32 electorate;
        uint32 yes;
        uint32 no;
        uint64 deadline;
        address account;
        address token;
        uint256 amount;
    }

    error Pool_NotMember(address account);
    error Pool_AlreadyMember(address account);
    error Pool_NotAdmin(address caller);
    /// @notice The admin decides join requests in this pool (or while it has no members).
    error Pool_AdminDecides(uint256 id);
    /// @notice Members decide join requests in this pool.
    error Pool_MembersDecide(uint256 id);
    error Pool_UnknownProposal(uint256 id);
    error Pool_ProposalClosed(uint256 id);
    error Pool_AlreadyVoted(uint256 id, address voter);
    /// @notice The voter joined after the proposal was made.
    error Pool_NotElector(uint256 id, address voter);
    /// @notice Weights are 1 under the equal rule, and 1 to MAX_WEIGHT under the weights rule.
    error Pool_InvalidWeight(uint256 weight);
    error Pool_TooManyMembers(uint256 max);
    error Pool_BudgetTooLow(address token, uint256 budget, uint256 amount);
    error Pool_ZeroAddress();

    /// @notice `account` joined with `weight` by proposal `proposalId` (the creator joins in the creation
    ///         transaction, with proposalId 0 before any proposal exists).
    event MemberJoined(address indexed account, uint256 weight, uint256 indexed proposalId);
    event MemberLeft(address indexed account, uint256 weight);
    event Proposed(
        uint256 indexed id,
        Kind kind,
        address indexed proposer,
        address account,
        address token,
        uint256 amount,
        uint64 deadline,
        uint32 electorate,
        string memo
    );
    event Voted(uint256 indexed id, address indexed voter, bool support, uint32 yes, uint32 no);
    event ProposalExecuted(uint256 indexed id);
    event ProposalRejected(uint256 indexed id);
    /// @notice `amount` of an income in `token` went to the budget.
    event BudgetCredited(address indexed token, uint256 amount);
    /// @notice Proposal `id` spent `amount` of the budget, credited to `to` in the Ledger.
    event BudgetSpent(uint256 indexed id, address indexed token, address indexed to, uint256 amount);

    function VOTING_PERIOD() external view returns (uint256);
    function MAX_WEIGHT() external view returns (uint256);
    function MAX_MEMBERS() external view returns (uint256);
    function name() external view returns (string memory);
    function RULE() external view returns (Rule);
    function POLICY() external view returns (JoinPolicy);
    /// @notice The creator: decides join requests under the admin policy, receives unaccounted tokens.
    function ADMIN() external view returns (address);
    /// @notice The part of every income that goes to the budget, in basis points.
    function BUDGET_BPS() external view returns (uint16);
    function memberCount() external view returns (uint256);
    function isMember(address account) external view returns (bool);
    function budget(address token) external view returns (uint256);
    function proposalCount() external view returns (uint256);
    function proposal(uint256 id) external view returns (Proposal memory);
    function hasVoted(uint256 id, address account) external view returns (bool);

    /// @notice Asks to join with `weight` (1 under the equal rule).
    function requestJoin(uint256 weight, string calldata memo) external returns (uint256 id);
    /// @notice Admin: accepts or rejects a join request (admin policy, or a pool without members).
    function decideJoin(uint256 id, bool accept) external;
    /// @notice Member: proposes paying `amount` of the budget in `token` to `to` (credited in the Ledger).
    function proposeSpend(
        address to,
        address token,
        uint256 amount,
        string calldata memo
    ) external returns (uint256 id);
    /// @notice Member who was a member when `id` was made: votes; a majority executes or rejects it.
    function vote(uint256 id, bool support) external;
    /// @notice Member: leaves; what it earned stays claimable.
    function leave() external;
}
