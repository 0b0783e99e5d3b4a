// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {PoolsHandler} from "../invariant/PoolsHandler.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";

/// @title PoolsFuzzTest
/// @notice Revenue pools under arbitrary sequences of income (ETH and USDC, sent, deposited, collected),
///         joins (accepted or rejected, by the admin or by vote), leaves, claims and budget spends, for any
///         rule, join policy, budget part and creator weight, against the reference model of {PoolsHandler}:
///         each member's claimed + claimable is its exact share of what arrived while it was a member (at
///         most one unit below, never above but for the carried remainder), the budget gets exactly its part
///         (all of an income while there are no members), membership changes never change earnings, and the
///         pool holds exactly income - claims - spends.
///         Bad input: voting twice, a non-member or a later member voting, the wrong decider, claiming
///         nothing, spending more than the budget.
contract PoolsFuzzTest is RevenueFixture {
    uint256 internal constant STEPS = 32;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
    }

    function _pool(bool weights, bool byVote, uint256 bps, uint256 w) internal returns (RevenuePool) {
        return
            newPool(
                weights ? IRevenuePool.Rule.Weights : IRevenuePool.Rule.Equal,
                byVote ? IRevenuePool.JoinPolicy.Vote : IRevenuePool.JoinPolicy.Admin,
                uint16(bound(bps, 0, poolFactory.MAX_BUDGET_BPS())),
                weights ? bound(w, 1, 1000) : 1
            );
    }

    function testFuzz_sequence_claimsMatchTheModel(
        bool weights,
        bool byVote,
        uint256 bps,
        uint256 w,
        uint256 seed
    ) public {
        PoolsHandler h = new PoolsHandler(_pool(weights, byVote, bps, w), ledger, usdc);
        for (uint256 i; i < STEPS; ++i) {
            uint256 x = uint256(keccak256(abi.encode(seed, i)));
            uint256 op = x % 8;
            x >>= 8;
            uint256 amount = 1 + ((x >> 16) % 10 ** ((x & 0xff) % 25));
            if (op == 0) h.incomeEth(x >> 8, amount);
            else if (op == 1) h.incomeUsdc(x >> 8, amount);
            else if (op == 2) h.join(x >> 8, x >> 24, (x >> 40) % 4 != 0);
            else if (op == 3) h.leave(x >> 8);
            else if (op == 4) h.claim(x >> 8, (x >> 16) % 2 == 0);
            else if (op == 5) h.claimAll(x >> 8);
            else if (op == 6) h.spend(x >> 8, (x >> 16) % 2 == 0, x >> 24);
            else h.join(x >> 8, x >> 24, true);
        }
        h.checkModel();
    }

    // ---------------------------------------------------------------------------------------------
    // Regression
    // ---------------------------------------------------------------------------------------------

    /// @notice Regression for the income bound fixed in 13be84e: it was MAX_WEIGHT *
    ///         MAX_MEMBERS units whatever the pool's real weight, so a pool of total weight 1 refused every
    ///         income once its lifetime income passed 2^127 / 1e6 / 1e9 = 1.7e23 base units (170,141 ETH, or
    ///         as many tokens of any 18-decimal currency). Now bounded per member: 1.7e26 per unit of weight.
    function test_income_acceptsTheDocumentedBound() public {
        RevenuePool pool = _pool(false, false, 0, 1); // the creator alone, weight 1
        address payer = makeAddr("payer");
        vm.deal(payer, 2e23);
        vm.prank(payer);
        pool.deposit{value: 2e23}(ETH, 2e23); // 200,000 ETH in all: far below 1.7e26
        assertEq(pool.claimable(artist, ETH), 2e23, "the only member earned all of it");
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input
    // ---------------------------------------------------------------------------------------------

    /// @dev A vote-policy pool with the creator and `n - 1` members who joined by vote.
    function _votingPool(uint256 n) internal returns (RevenuePool pool, address[] memory members) {
        pool = _pool(false, true, 1000, 1);
        members = new address[](n);
        members[0] = artist;
        for (uint256 i = 1; i < n; ++i) {
            members[i] = makeAddr(string.concat("member-", vm.toString(i)));
            vm.prank(members[i]);
            uint256 id = pool.requestJoin(1, "");
            for (uint256 j; j < i && pool.proposal(id).status == IRevenuePool.Status.Open; ++j) {
                vm.prank(members[j]);
                pool.vote(id, true);
            }
            assertTrue(pool.isMember(members[i]), "joined by vote");
        }
    }

    function testFuzz_vote_revertsTwice(uint256 n, uint256 voter, bool support, bool second) public {
        n = bound(n, 3, 6); // one vote decides nothing among three or more
        (RevenuePool pool, address[] memory members) = _votingPool(n);
        sendEth(address(pool), makeAddr("payer"), 1 ether);
        address v = members[voter % n];
        vm.prank(v);
        uint256 id = pool.proposeSpend(makeAddr("grantee"), ETH, 1, "");
        vm.prank(v);
        pool.vote(id, support);
        assertTrue(pool.hasVoted(id, v), "voted");
        vm.prank(v);
        vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_AlreadyVoted.selector, id, v));
        pool.vote(id, second);
    }

    function testFuzz_vote_revertsForNonMembers(uint256 n, address outsider, bool support) public {
        n = bound(n, 1, 4);
        (RevenuePool pool, address[] memory members) = _votingPool(n);
        vm.assume(!pool.isMember(outsider));
        vm.prank(members[0]);
        uint256 id = pool.proposeSpend(makeAddr("grantee"), ETH, 1, "");
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_NotMember.selector, outsider));
        pool.vote(id, support);

        // A member who left cannot vote either; one who joined after the proposal is not its elector.
        address last = members[n - 1];
        if (n > 1) {
            vm.prank(last);
            pool.leave();
            vm.prank(last);
            vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_NotMember.selector, last));
            pool.vote(id, support);
        }
        address late = makeAddr("late");
        vm.prank(late);
        uint256 joinId = pool.requestJoin(1, "");
        for (uint256 j; j < n && pool.proposal(joinId).status == IRevenuePool.Status.Open; ++j) {
            if (!pool.isMember(members[j])) continue;
            vm.prank(members[j]);
            pool.vote(joinId, true);
        }
        assertTrue(pool.isMember(late), "joined after the proposal");
        vm.prank(late);
        vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_NotElector.selector, id, late));
        pool.vote(id, support);
    }

    function testFuzz_decideJoin_revertsForTheWrongDecider(address caller, bool byVote, bool accept) public {
        vm.assume(caller != artist);
        RevenuePool pool = _pool(false, byVote, 0, 1);
        address applicant = makeAddr("applicant");
        vm.prank(applicant);
        uint256 id = pool.requestJoin(1, "");
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_NotAdmin.selector, caller));
        pool.decideJoin(id, accept);
        if (byVote) {
            vm.prank(artist);
            vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_MembersDecide.selector, id));
            pool.decideJoin(id, accept);
        } else {
            vm.prank(artist);
            vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_AdminDecides.selector, id));
            pool.vote(id, accept);
        }
    }

    function testFuzz_claim_revertsWhenNothingToClaim(address account, uint256 amount, bool usdcIncome) public {
        vm.assume(account != artist);
        RevenuePool pool = _pool(true, false, 2000, 10);
        address token = usdcIncome ? address(usdc) : ETH;
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, artist, token));
        pool.claim(artist, token); // before any income
        amount = bound(amount, 1, 1e24);
        if (usdcIncome) depositUsdc(address(pool), makeAddr("payer"), amount);
        else sendEth(address(pool), makeAddr("payer"), amount);
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, token));
        pool.claim(account, token); // never a member
        uint256 due = amount - (amount * 2000) / 10_000;
        if (due != 0) assertEq(pool.claim(artist, token), due, "the only member gets all but the budget");
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, artist, token));
        pool.claim(artist, token); // again
    }

    function testFuzz_vote_revertsWhenTheBudgetIsTooLow(uint256 amount, uint256 extra) public {
        RevenuePool pool = _pool(false, false, 5000, 1);
        amount = bound(amount, 2, 1e24);
        sendEth(address(pool), makeAddr("payer"), amount);
        uint256 budget = pool.budget(ETH);
        assertEq(budget, amount / 2, "half of it is budget");
        uint256 ask = budget + bound(extra, 1, 1e24);
        address grantee = makeAddr("grantee");
        vm.prank(artist);
        uint256 id = pool.proposeSpend(grantee, ETH, ask, "");
        vm.prank(artist);
        vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_BudgetTooLow.selector, ETH, budget, ask));
        pool.vote(id, true);
    }
}
