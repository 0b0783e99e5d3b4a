// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RewardsFixture} from "../rewards/RewardsFixture.sol";
import {RewardsHandler} from "./RewardsHandler.sol";
import {IRewards} from "../../../contracts/rewards/IRewards.sol";

/// @title RewardsInvariantTest
/// @notice Invariants of the rewards budget under hostile sequences (see {RewardsHandler}):
///         - claimed <= funded;
///         - the Ledger balance of Rewards (where the budget is held) == funded - withdrawn - claimed, and no
///           token stays in the contract itself;
///         - committed (live totals minus their claims) <= that balance, and the contract's live totals are
///           the totals of the roots posted and not revoked;
///         - no reward id paid twice, no forged leaf paid, no root revoked once open, nothing taken by a
///           funder, and every account's Ledger credit is exactly the leaves it was paid.
contract RewardsInvariantTest is RewardsFixture {
    RewardsHandler internal handler;

    function setUp() public {
        deployRewards();
        handler = new RewardsHandler(rewards, ledger, usdc, treasury, signer);
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = RewardsHandler.fund.selector;
        selectors[1] = RewardsHandler.flashFund.selector;
        selectors[2] = RewardsHandler.withdraw.selector;
        selectors[3] = RewardsHandler.revoke.selector;
        selectors[4] = RewardsHandler.setPaused.selector;
        selectors[5] = RewardsHandler.warp.selector;
        selectors[6] = RewardsHandler.postRoot.selector;
        selectors[7] = RewardsHandler.claim.selector;
        selectors[8] = RewardsHandler.forge.selector;
        selectors[9] = RewardsHandler.claim.selector; // claims weigh triple
        selectors[10] = RewardsHandler.claim.selector;
        selectors[11] = RewardsHandler.postRoot.selector; // and posts double
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @notice The handler's actions reach every path (so the invariants below are not vacuous).
    function test_handler_reachesEveryPath() public {
        handler.fund(2_000e6);
        handler.postRoot(1, 4, 0); // honest
        handler.postRoot(2, 3, 2); // overdraws the budget: refused
        handler.postRoot(3, 3, 3); // above the cap: refused
        handler.postRoot(4, 3, 4); // epoch not increasing: refused
        handler.postRoot(5, 5, 1); // leaves add up to twice the total
        handler.revoke(1); // the second root, during its delay
        handler.warp(2 days);
        for (uint256 i; i < 5; ++i) handler.claim(0, i);
        for (uint256 i; i < 5; ++i) handler.claim(0, i); // replays
        for (uint256 i; i < 6; ++i) handler.forge(0, i, i);
        handler.revoke(0); // open: refused
        handler.withdraw(10_000e6); // more than uncommitted: refused
        handler.withdraw(1);
        handler.flashFund(100e6, 100e6);
        handler.setPaused(true);
        handler.claim(0, 0);
        handler.setPaused(false);
        assertGe(handler.calls("postRoot"), 2, "roots posted");
        assertGe(handler.calls("postRootRefused"), 3, "bad roots refused");
        assertGe(handler.calls("claim"), 1, "claims paid");
        assertGe(handler.calls("claimRefused"), 5, "replays refused");
        assertGe(handler.calls("forgeRefused"), 1, "forgeries refused");
        assertEq(handler.calls("revoke"), 1, "a root revoked");
        assertEq(handler.calls("revokeRefused"), 1, "an open root not revoked");
        assertEq(handler.calls("withdraw"), 1, "a withdrawal");
        assertEq(handler.calls("withdrawRefused"), 1, "an overdraw refused");
        assertGe(handler.ghostClaimed(), 1, "money claimed");
        invariant_claimedNeverAboveFunded();
        invariant_balanceIsFundedMinusWithdrawnMinusClaimed();
        invariant_committedFitsTheBalance();
        invariant_nothingForbiddenEverSucceeded();
        invariant_everyAccountGotExactlyItsLeaves();
    }

    function invariant_claimedNeverAboveFunded() public view {
        assertLe(handler.ghostClaimed(), rewards.funded(), "claimed <= funded");
        assertEq(rewards.funded(), handler.ghostFunded(), "funded counted");
        assertEq(rewards.withdrawn(), handler.ghostWithdrawn(), "withdrawn counted");
    }

    function invariant_balanceIsFundedMinusWithdrawnMinusClaimed() public view {
        assertEq(
            ledger.balanceOf(address(rewards), address(usdc)),
            rewards.funded() - rewards.withdrawn() - handler.ghostClaimed(),
            "Ledger balance == funded - withdrawn - claimed"
        );
        assertEq(usdc.balanceOf(address(rewards)), 0, "no token held outside the Ledger");
    }

    function invariant_committedFitsTheBalance() public view {
        uint256 live;
        uint256 liveClaimed;
        uint256 claimed;
        for (uint256 i; i < handler.postedLength(); ++i) {
            IRewards.Epoch memory e = rewards.epochOf(handler.posted(i));
            assertLe(e.claimed, e.total, "an epoch never pays above its total");
            claimed += e.claimed;
            if (e.revoked) continue;
            live += e.total;
            liveClaimed += e.claimed;
        }
        assertEq(rewards.liveTotals(), live, "live totals are the roots posted and not revoked");
        assertEq(claimed, handler.ghostClaimed(), "the epochs' claims are what was paid");
        assertLe(live - liveClaimed, ledger.balanceOf(address(rewards), address(usdc)), "committed <= balance");
        assertEq(
            rewards.available(),
            rewards.funded() - rewards.withdrawn() - live,
            "available is what no live root promises"
        );
    }

    function invariant_nothingForbiddenEverSucceeded() public view {
        assertFalse(handler.paidTwice(), "a reward id paid twice");
        assertFalse(handler.forgedPaid(), "a forged leaf paid");
        assertFalse(handler.revokedAfterOpening(), "a root revoked once claimable");
        assertFalse(handler.flashTookMoney(), "a funder took money out");
    }

    function invariant_everyAccountGotExactlyItsLeaves() public view {
        for (uint256 i; i < 5; ++i) {
            address a = handler.accounts(i);
            assertEq(ledger.balanceOf(a, address(usdc)), handler.ghostCredited(a), "credited exactly its leaves");
        }
    }
}
