// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {PoolsCampaignHandler} from "./PoolsCampaignHandler.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";

/// @title PoolsCampaignInvariantTest
/// @notice Adversarial campaigns on two pools (weights decided by the admin with a 10% budget; equal shares
///         decided by vote with a 50% budget) by {PoolsCampaignHandler}: proposals stay open while time
///         passes and members join, leave and vote; votes reach expired proposals and spends above the
///         budget. Calls may revert (failOnRevert off). Invariants:
///         - nobody earns income that arrived while it was not a member (F-04);
///         - claimables plus the budget never exceed what the pool holds;
///         - every proposal's tally agrees with its status, and the member count with the members;
///         - no join or leave lowered anybody's claimable, and no join gave the newcomer anything.
contract PoolsCampaignInvariantTest is RevenueFixture {
    PoolsCampaignHandler[2] internal handlers;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        RevenuePool byAdmin = newPool(IRevenuePool.Rule.Weights, IRevenuePool.JoinPolicy.Admin, 1000, 100);
        RevenuePool byVote = newPool(IRevenuePool.Rule.Equal, IRevenuePool.JoinPolicy.Vote, 5000, 1);
        handlers[0] = new PoolsCampaignHandler(byAdmin, ledger, usdc);
        handlers[1] = new PoolsCampaignHandler(byVote, ledger, usdc);
        for (uint256 k; k < 2; ++k) {
            bytes4[] memory selectors = new bytes4[](11);
            selectors[0] = PoolsCampaignHandler.income.selector;
            selectors[1] = PoolsCampaignHandler.collect.selector;
            selectors[2] = PoolsCampaignHandler.requestJoin.selector;
            selectors[3] = PoolsCampaignHandler.proposeSpend.selector;
            selectors[4] = PoolsCampaignHandler.vote.selector;
            selectors[5] = PoolsCampaignHandler.decideJoin.selector;
            selectors[6] = PoolsCampaignHandler.leave.selector;
            selectors[7] = PoolsCampaignHandler.claim.selector;
            selectors[8] = PoolsCampaignHandler.warp.selector;
            selectors[9] = PoolsCampaignHandler.vote.selector; // votes weigh double
            selectors[10] = PoolsCampaignHandler.income.selector;
            targetContract(address(handlers[k]));
            targetSelector(FuzzSelector({addr: address(handlers[k]), selectors: selectors}));
        }
    }

    /// @notice One campaign reaches what the random ones must: a proposal open while members join, vote
    ///         and leave, an expired proposal, a passing spend above the budget, income waiting during a join.
    function test_campaign_reachesExpiryAndBudgetTooLow() public {
        PoolsCampaignHandler h = handlers[1]; // equal shares, joins by vote, 50% budget
        h.income(false, false, 10 ether); // the admin alone: 5 to the budget, 5 to it
        h.requestJoin(1, 1); // id 0, electorate 1 (the admin)
        h.proposeSpend(0, false, 9 ether); // id 1: above the 5 ether budget
        h.vote(1, 0, true); // passes, cannot pay: Pool_BudgetTooLow, stays open
        h.income(false, true, 4 ether); // waits in the Ledger while candidate 1 joins
        h.vote(0, 0, true); // the admin admits candidate 1: the waiting income is the admin's
        h.requestJoin(2, 1); // id 2, electorate 2
        h.vote(2, 1, true); // one of two: stays open
        h.leave(1); // candidate 1 leaves with what it earned
        h.warp(8 days);
        h.vote(2, 0, true); // expired: Pool_ProposalClosed
        h.claim(0, false);
        h.checkArrivedWhileMember();
        h.checkSolvent();
        h.checkProposals();
        assertEq(h.calls("budgetTooLow"), 1, "a passing spend above the budget");
        assertEq(h.calls("voteExpired"), 1, "a vote after the deadline");
        assertEq(h.calls("joined"), 1, "a join by vote");
        assertEq(h.calls("leave"), 1, "a leave while a proposal was open");
        assertEq(h.calls("waits"), 1, "income that waited during the join");
        assertEq(h.violations(), 0, "no violation");
        RevenuePool pool = h.POOL();
        assertEq(pool.claimable(h.candidates(1), address(0)), 0, "the newcomer got nothing of what waited");
        assertTrue(pool.proposal(1).status == IRevenuePool.Status.Open, "the spend stayed open, unpaid");
    }

    /// hardhat-config: invariant.failOnRevert = false
    function invariant_noMemberEarnsIncomeFromBeforeItJoined() public view {
        handlers[0].checkArrivedWhileMember();
        handlers[1].checkArrivedWhileMember();
    }

    /// hardhat-config: invariant.failOnRevert = false
    function invariant_solventAndTalliesAgree() public view {
        for (uint256 k; k < 2; ++k) {
            handlers[k].checkSolvent();
            handlers[k].checkProposals();
            assertEq(handlers[k].violations(), 0, "no join or leave took from anyone or gave a newcomer");
        }
    }
}
