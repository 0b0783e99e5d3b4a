// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title PoolsCampaignHandler
/// @notice An adversarial campaign on one revenue pool: proposals (join requests and budget spends, some of
///         them above the budget) stay open while time passes, members join, leave and vote, income arrives
///         directly or waits in the pool's Ledger balance, strangers collect. Calls are NOT bounded to succeed
///         (the campaign runs with failOnRevert off): a vote on an expired proposal (`Pool_ProposalClosed`),
///         a passing spend above the budget (`Pool_BudgetTooLow`), a vote of a later member are part of it.
/// @dev Nothing here trusts its own bookkeeping for membership: it reads weights from the pool after every
///      call. Ghosts: `arrived` (per candidate and currency, the income that arrived while it was a member;
///      booked when income reaches the pool's address or Ledger balance) and `claimed`. A violation seen
///      inside a call is counted in `violations` instead of reverting: with failOnRevert off, a reverting
///      check would be dropped as one more refused call.
contract PoolsCampaignHandler is Test {
    uint256 public constant N = 6;
    address internal constant ETH = address(0);
    uint256 internal constant MAX_INCOME = 1e24;

    RevenuePool public immutable POOL;
    Ledger public immutable LEDGER;
    TestToken public immutable USDC;
    address public immutable ADMIN;
    address public immutable PAYER = vm.addr(0xCA11);
    address public immutable STRANGER = vm.addr(0x57A4);

    address[N] public candidates;
    uint256[N][2] public arrived;
    uint256[N][2] public claimed;
    uint256 public violations;

    mapping(bytes32 action => uint256) public calls;

    constructor(RevenuePool pool, Ledger ledger, TestToken usdc) {
        POOL = pool;
        LEDGER = ledger;
        USDC = usdc;
        ADMIN = pool.ADMIN();
        candidates[0] = ADMIN;
        for (uint256 i = 1; i < N; ++i) candidates[i] = vm.addr(0xCA0 + i);
    }

    function token(uint256 t) public view returns (address) {
        return t == 0 ? ETH : address(USDC);
    }

    /// @notice What the pool holds of currency `t` at its address.
    function heldHere(uint256 t) public view returns (uint256) {
        return t == 0 ? address(POOL).balance : USDC.balanceOf(address(POOL));
    }

    // ---------------------------------------------------------------------------------------------
    // Income
    // ---------------------------------------------------------------------------------------------

    /// @notice Income arrives: sent or deposited (taken in at once), or credited in the Ledger (waits).
    function income(bool usdc, bool waits, uint256 amount) external {
        uint256 t = usdc ? 1 : 0;
        amount = bound(amount, 1, MAX_INCOME);
        _arrived(t, amount);
        vm.startPrank(PAYER);
        if (t == 0) {
            vm.deal(PAYER, amount);
            if (waits) LEDGER.deposit{value: amount}(address(POOL), ETH, amount, "split");
            else POOL.deposit{value: amount}(ETH, amount);
        } else {
            USDC.mint(PAYER, amount);
            USDC.approve(waits ? address(LEDGER) : address(POOL), amount);
            if (waits) LEDGER.deposit(address(POOL), address(USDC), amount, "split");
            else POOL.deposit(address(USDC), amount);
        }
        vm.stopPrank();
        calls[waits ? bytes32("waits") : bytes32("income")] += 1;
    }

    /// @notice A stranger collects (reverts Income_ZeroAmount when nothing waits).
    function collect(bool usdc) external {
        vm.prank(STRANGER);
        POOL.collect(token(usdc ? 1 : 0));
        calls["collect"] += 1;
    }

    function _arrived(uint256 t, uint256 amount) internal {
        for (uint256 i; i < N; ++i) {
            if (POOL.unitsOf(candidates[i]) != 0) arrived[t][i] += amount;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Proposals, left open while everything else goes on
    // ---------------------------------------------------------------------------------------------

    /// @notice Candidate `who` asks to join (a member is refused: Pool_AlreadyMember).
    function requestJoin(uint256 who, uint256 w) external {
        address account = candidates[who % N];
        w = POOL.RULE() == IRevenuePool.Rule.Equal ? 1 : bound(w, 1, POOL.MAX_WEIGHT());
        vm.prank(account);
        POOL.requestJoin(w, "");
        calls["requestJoin"] += 1;
    }

    /// @notice Member `who` proposes spending up to twice the budget (above it: the passing vote reverts).
    function proposeSpend(uint256 who, bool usdc, uint256 amount) external {
        address tok = token(usdc ? 1 : 0);
        amount = bound(amount, 1, 2 * POOL.budget(tok) + 1);
        vm.prank(candidates[who % N]);
        POOL.proposeSpend(STRANGER, tok, amount, "");
        calls["proposeSpend"] += 1;
    }

    /// @notice Candidate `who` votes on proposal `id` (any of them: closed, expired, not its to vote on).
    function vote(uint256 id, uint256 who, bool support) external {
        uint256 count = POOL.proposalCount();
        if (count == 0) return;
        id %= count;
        IRevenuePool.Proposal memory p = POOL.proposal(id);
        if (p.status == IRevenuePool.Status.Open && block.timestamp >= p.deadline) calls["voteExpired"] += 1;
        (uint256[N][2] memory before, address newcomer) = (_claimables(), p.account);
        vm.prank(candidates[who % N]);
        try POOL.vote(id, support) {
            calls["vote"] += 1;
            _afterDecision(id, before, newcomer);
        } catch (bytes memory reason) {
            // Refused (closed, expired, not an elector, voted, above the budget): nothing changed; counted
            // here rather than re-raised, so that the campaign keeps the tally of what it reached.
            if (bytes4(reason) == IRevenuePool.Pool_BudgetTooLow.selector) calls["budgetTooLow"] += 1;
            else calls["voteRefused"] += 1;
        }
    }

    /// @notice The admin decides join request `id` (refused where members decide, or when it is closed).
    function decideJoin(uint256 id, bool accept) external {
        uint256 count = POOL.proposalCount();
        if (count == 0) return;
        id %= count;
        (uint256[N][2] memory before, address newcomer) = (_claimables(), POOL.proposal(id).account);
        vm.prank(ADMIN);
        POOL.decideJoin(id, accept);
        calls["decideJoin"] += 1;
        _afterDecision(id, before, newcomer);
    }

    /// @dev A decision that admitted a newcomer must not have given it (or anyone) less, nor the newcomer
    ///      anything: it earns only what arrives after.
    function _afterDecision(uint256 id, uint256[N][2] memory before, address newcomer) internal {
        IRevenuePool.Proposal memory p = POOL.proposal(id);
        if (p.kind != IRevenuePool.Kind.Join || p.status != IRevenuePool.Status.Executed) return;
        uint256[N][2] memory afterwards = _claimables();
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) {
                if (afterwards[t][i] < before[t][i]) violations += 1;
                if (candidates[i] == newcomer && afterwards[t][i] != before[t][i]) violations += 1;
            }
        }
        calls["joined"] += 1;
    }

    /// @notice Candidate `who` leaves (a non-member is refused: Pool_NotMember).
    function leave(uint256 who) external {
        uint256[N][2] memory before = _claimables();
        vm.prank(candidates[who % N]);
        POOL.leave();
        uint256[N][2] memory afterwards = _claimables();
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) if (afterwards[t][i] < before[t][i]) violations += 1;
        }
        calls["leave"] += 1;
    }

    /// @notice Anyone claims for candidate `who`.
    function claim(uint256 who, bool usdc) external {
        uint256 t = usdc ? 1 : 0;
        uint256 i = who % N;
        claimed[t][i] += POOL.claim(candidates[i], token(t));
        calls["claim"] += 1;
    }

    /// @notice Time passes: up to 10 days, so proposals reach their deadline.
    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
        calls["warp"] += 1;
    }

    // ---------------------------------------------------------------------------------------------
    // Checks (called by the invariants)
    // ---------------------------------------------------------------------------------------------

    function _claimables() internal view returns (uint256[N][2] memory c) {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) c[t][i] = POOL.claimable(candidates[i], token(t));
        }
    }

    /// @notice Nobody earned more than what arrived while it was a member.
    function checkArrivedWhileMember() external view {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) {
                uint256 earned = claimed[t][i] + POOL.claimable(candidates[i], token(t));
                assertLe(earned, arrived[t][i], "earned only what arrived while a member");
            }
        }
    }

    /// @notice Claimables plus the budget never exceed what the pool holds at its address.
    function checkSolvent() external view {
        uint256[N][2] memory c = _claimables();
        for (uint256 t; t < 2; ++t) {
            uint256 sum = POOL.budget(token(t));
            for (uint256 i; i < N; ++i) sum += c[t][i];
            assertLe(sum, heldHere(t), "claimable + budget <= held");
        }
    }

    /// @notice Every proposal's tally is consistent with its status: an open one has neither a majority for
    ///         nor half against; votes never exceed its electorate; the voters counted are members' votes.
    function checkProposals() external view {
        uint256 count = POOL.proposalCount();
        for (uint256 id; id < count; ++id) {
            IRevenuePool.Proposal memory p = POOL.proposal(id);
            assertLe(uint256(p.yes) + p.no, p.electorate, "votes <= electorate");
            if (p.status == IRevenuePool.Status.Open && p.electorate != 0) {
                assertLe(uint256(p.yes) * 2, p.electorate, "open: no majority for");
                assertLe(uint256(p.no) * 2 + 1, p.electorate, "open: less than half against");
            }
        }
        uint256 members;
        for (uint256 i; i < N; ++i) if (POOL.isMember(candidates[i])) ++members;
        assertEq(POOL.memberCount(), members, "member count");
    }
}
