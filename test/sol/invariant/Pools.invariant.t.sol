// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {PoolsHandler} from "./PoolsHandler.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";

/// @title PoolsInvariantTest
/// @notice Invariants of revenue pools under random sequences of income, joins, leaves, claims and budget
///         spends ({PoolsHandler}, which also checks inside every call that a join or a leave changes nobody's
///         claimable and that the budget gets exactly its part), on two pools: weights under the admin's
///         decisions with a 10% budget, and equal shares decided by vote with a 50% budget:
///         - what members can claim, plus the budget, never exceeds what the pool holds, per currency;
///         - income == claims + claimable + budget + budget spent, up to one unit of dust per member, and
///           the pool holds exactly income - claims - spends;
///         - every member's claimed + claimable stays within its exact share (rounding never creates value);
///         - nobody earns income that arrived while it was not a member (F-04: income waiting in the pool's
///           Ledger balance is taken in before anyone joins or leaves).
contract PoolsInvariantTest is RevenueFixture {
    PoolsHandler[2] internal handlers;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        RevenuePool byAdmin = newPool(IRevenuePool.Rule.Weights, IRevenuePool.JoinPolicy.Admin, 1000, 100);
        RevenuePool byVote = newPool(IRevenuePool.Rule.Equal, IRevenuePool.JoinPolicy.Vote, 5000, 1);
        handlers[0] = new PoolsHandler(byAdmin, ledger, usdc);
        handlers[1] = new PoolsHandler(byVote, ledger, usdc);
        for (uint256 k; k < 2; ++k) {
            bytes4[] memory selectors = new bytes4[](10);
            selectors[0] = PoolsHandler.incomeEth.selector;
            selectors[1] = PoolsHandler.incomeUsdc.selector;
            selectors[2] = PoolsHandler.join.selector;
            selectors[3] = PoolsHandler.leave.selector;
            selectors[4] = PoolsHandler.claim.selector;
            selectors[5] = PoolsHandler.claimAll.selector;
            selectors[6] = PoolsHandler.spend.selector;
            selectors[7] = PoolsHandler.join.selector; // joins weigh double: leaves empty the pool fast
            selectors[8] = PoolsHandler.incomeWaits.selector;
            selectors[9] = PoolsHandler.collect.selector;
            targetContract(address(handlers[k]));
            targetSelector(FuzzSelector({addr: address(handlers[k]), selectors: selectors}));
        }
    }

    /// @notice The handler's actions really happen (none silently returns early on this path).
    function test_handler_everyActionHappens() public {
        for (uint256 k; k < 2; ++k) {
            PoolsHandler h = handlers[k];
            h.incomeEth(0, 3e18);
            h.incomeWaits(false, 2e18); // waits while candidate 1 joins: the admin's alone
            h.incomeWaits(true, 3_000_001);
            h.join(1, 250, true);
            h.join(2, 40, false); // rejected
            h.join(3, 7, true);
            h.incomeEth(1, 1e18 + 7);
            h.incomeEth(2, 5e17);
            h.incomeUsdc(0, 1_000_003);
            h.incomeUsdc(1, 77);
            h.leave(1);
            h.leave(1); // not a member any more: Pool_NotMember
            h.incomeUsdc(0, 9_999);
            h.incomeWaits(false, 1e18 + 1);
            h.collect(false); // a stranger collects
            h.collect(false); // nothing waits: Income_ZeroAmount
            h.incomeWaits(true, 12_345); // waits while candidate 3 leaves: partly its
            h.claim(1, false); // left, its earnings stay claimable
            h.claim(1, false); // nothing: Income_NothingToClaim
            h.claimAll(0);
            h.spend(3, true, 500);
            h.spend(0, false, 1e17);
            for (uint256 i; i < h.N(); ++i) h.leave(i);
            h.incomeEth(0, 1e18); // no members: all to the budget
            h.join(4, 3, true);
            h.claimAll(3);
            h.checkModel();
            h.checkArrivedWhileMember();
            assertEq(h.calls("waits"), 4, "incomes that waited");
            assertEq(h.calls("collect"), 1, "collected by a stranger");
            assertEq(h.calls("join"), 3, "joins");
            assertEq(h.calls("rejected"), 1, "rejections");
            assertEq(h.calls("leave"), 3, "leaves");
            assertEq(h.calls("claim"), 1, "claims");
            assertEq(h.calls("claimAll"), 2, "claimAlls");
            assertEq(h.calls("spend"), 2, "spends");
            assertEq(h.calls("incomeToBudget"), 1, "income with no members");
            assertGe(h.budget(0), 1e18, "the budget kept all of it");
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_claimableNeverExceedsHoldings() public view {
        for (uint256 k; k < 2; ++k) {
            PoolsHandler h = handlers[k];
            uint256[5][2] memory c = h.claimables();
            for (uint256 t; t < 2; ++t) {
                uint256 sum = h.budget(t);
                for (uint256 i; i < 5; ++i) sum += c[t][i];
                assertLe(sum, h.heldHere(t), "claimable + budget <= what the pool holds at its address");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_incomeEqualsClaimsPlusClaimablePlusBudget() public view {
        for (uint256 k; k < 2; ++k) {
            PoolsHandler h = handlers[k];
            for (uint256 t; t < 2; ++t) {
                uint256 claims;
                uint256 claimable;
                for (uint256 i; i < 5; ++i) {
                    claims += h.claimed(t, i);
                    claimable += h.earned(t, i) - h.claimed(t, i);
                }
                // Income still waiting in the pool's Ledger balance is nobody's yet.
                uint256 accounted = claims + claimable + h.budget(t) + h.spent(t) + h.waiting(t);
                assertLe(accounted, h.income(t), "never more than came in");
                assertLe(h.income(t), accounted + 5, "at most one unit of dust per member");
                assertEq(h.held(t), h.income(t) - claims - h.spent(t), "held == income - claims - spends");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_everyMemberWithinItsExactShare() public view {
        handlers[0].checkModel();
        handlers[1].checkModel();
    }

    /// @notice F-04: nobody earns income that arrived before it joined (or after it left).
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_noMemberEarnsIncomeFromBeforeItJoined() public view {
        handlers[0].checkArrivedWhileMember();
        handlers[1].checkArrivedWhileMember();
    }
}
