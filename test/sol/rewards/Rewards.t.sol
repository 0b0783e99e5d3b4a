// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {RewardsFixture} from "./RewardsFixture.sol";
import {Leaf} from "./RewardsTree.sol";
import {IRewards} from "../../../contracts/rewards/IRewards.sol";
import {Rewards} from "../../../contracts/rewards/Rewards.sol";
import {ILedger} from "../../../contracts/ledger/ILedger.sol";
import {FeeOnTransferToken} from "../../../contracts/mocks/FeeOnTransferToken.sol";

/// @title RewardsTest
/// @notice Every path and error of Rewards: the budget (fund, withdraw only the uncommitted part), roots
///         (signer only, increasing epochs, cap, budget, delay, revoke before opening), claims (proof, once
///         per reward id across epochs, never above the epoch's total, Ledger credit moved out of the
///         contract's own Ledger balance tagged "reward"), the paid-flags bitmap (ids that share a word stay
///         apart), pause and the treasury's settings; fuzz: a reward id pays once (hashed or numbered ids),
///         a proof pays only its own leaf.
contract RewardsTest is RewardsFixture {
    address internal alice;
    address internal bob;
    address internal relayer;
    Leaf[] internal tree;

    function setUp() public {
        deployRewards();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        relayer = makeAddr("relayer");
        tree.push(Leaf(alice, rewardIdOf(alice, "referrals-1", ""), 1, 50e6));
        tree.push(Leaf(bob, rewardIdOf(bob, "earned-100", ""), 2, 10e6));
        tree.push(Leaf(alice, rewardIdOf(alice, "first-mint", ""), 3, 0));
    }

    function _leaves() internal view returns (Leaf[] memory lf) {
        lf = new Leaf[](tree.length);
        for (uint256 i; i < tree.length; ++i) lf[i] = tree[i];
    }

    function _claim(uint64 epoch, Leaf[] memory lf, uint256 i) internal {
        vm.prank(relayer);
        rewards.claim(epoch, lf[i].account, lf[i].rewardId, lf[i].badge, lf[i].amount, proofOf(lf, i));
    }

    function _expectClaimRevert(uint64 epoch, Leaf memory leaf, bytes32[] memory proof, bytes memory err) internal {
        vm.expectRevert(err);
        rewards.claim(epoch, leaf.account, leaf.rewardId, leaf.badge, leaf.amount, proof);
    }

    // ---- constructor

    function test_constructor_setsEverything() public view {
        assertEq(rewards.LEDGER(), address(ledger), "ledger");
        assertEq(rewards.TOKEN(), address(usdc), "token");
        assertEq(rewards.owner(), treasury, "the treasury owns it");
        assertEq(rewards.signer(), signer, "signer");
        assertEq(rewards.delay(), DELAY, "delay");
        assertEq(rewards.epochCap(), CAP, "cap");
        assertEq(usdc.allowance(address(rewards), address(ledger)), type(uint256).max, "the Ledger may pull funding");
        assertFalse(rewards.paused(), "not paused");
    }

    function test_constructor_revertsOnZeroAddresses() public {
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAddress.selector));
        new Rewards(address(0), address(usdc), treasury, signer, DELAY, CAP);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAddress.selector));
        new Rewards(address(ledger), address(0), treasury, signer, DELAY, CAP);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAddress.selector));
        new Rewards(address(ledger), address(usdc), treasury, address(0), DELAY, CAP);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new Rewards(address(ledger), address(usdc), address(0), signer, DELAY, CAP);
    }

    function test_constructor_revertsOnDelayOutOfRange() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.Rewards_DelayOutOfRange.selector, 1 hours - 1, 1 hours, 30 days)
        );
        new Rewards(address(ledger), address(usdc), treasury, signer, 1 hours - 1, CAP);
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.Rewards_DelayOutOfRange.selector, 30 days + 1, 1 hours, 30 days)
        );
        new Rewards(address(ledger), address(usdc), treasury, signer, 30 days + 1, CAP);
    }

    function test_constructor_revertsOnCapTooLarge() public {
        uint256 cap = uint256(type(uint104).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_CapTooLarge.selector, cap));
        new Rewards(address(ledger), address(usdc), treasury, signer, DELAY, cap);
    }

    // ---- fund and withdraw

    function test_fund_anyoneAddsToTheBudget() public {
        usdc.mint(bob, 100e6);
        vm.startPrank(bob);
        usdc.approve(address(rewards), 100e6);
        vm.expectEmit(address(ledger));
        emit ILedger.Credited(address(rewards), address(usdc), address(rewards), 100e6, "fund");
        vm.expectEmit(address(rewards));
        emit IRewards.Funded(bob, 100e6);
        rewards.fund(100e6);
        vm.stopPrank();
        assertEq(rewards.funded(), 100e6, "funded");
        assertEq(rewards.available(), 100e6, "available");
        assertEq(ledger.balanceOf(address(rewards), address(usdc)), 100e6, "held as its own Ledger balance");
        assertEq(usdc.balanceOf(address(rewards)), 0, "no token left in the contract");
        assertEq(usdc.balanceOf(address(ledger)), 100e6, "the Ledger holds the tokens");
    }

    function test_fund_revertsOnZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAmount.selector));
        rewards.fund(0);
    }

    function test_fund_revertsAboveTheCounters() public {
        uint256 amount = uint256(type(uint104).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AmountTooLarge.selector, amount));
        rewards.fund(amount);
    }

    function test_fund_revertsOnAFeeOnTransferToken() public {
        FeeOnTransferToken taxed = new FeeOnTransferToken();
        Rewards r = new Rewards(address(ledger), address(taxed), treasury, signer, DELAY, CAP);
        taxed.mint(address(this), 100e6);
        taxed.approve(address(r), 100e6);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AmountMismatch.selector, 100e6, 99e6));
        r.fund(100e6);
    }

    function test_withdraw_takesOnlyTheUncommittedPart() public {
        fundAs(bob, 100e6);
        vm.prank(signer);
        rewards.postRoot(1, rootOf(_leaves()), 60e6);
        assertEq(rewards.available(), 40e6, "60 committed");
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AboveAvailable.selector, 40e6 + 1, 40e6));
        rewards.withdraw(treasury, 40e6 + 1);
        vm.prank(treasury);
        vm.expectEmit(address(rewards));
        emit IRewards.Withdrawn(alice, 40e6);
        rewards.withdraw(alice, 40e6);
        assertEq(usdc.balanceOf(alice), 40e6, "sent");
        assertEq(ledger.balanceOf(address(rewards), address(usdc)), 60e6, "out of its Ledger balance");
        assertEq(rewards.withdrawn(), 40e6, "counted");
        assertEq(rewards.available(), 0, "nothing left uncommitted");
    }

    function test_withdraw_revertsForOthersZeroAddressAndZero() public {
        fundAs(bob, 100e6);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.withdraw(signer, 1);
        vm.startPrank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAddress.selector));
        rewards.withdraw(address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAmount.selector));
        rewards.withdraw(treasury, 0);
        vm.stopPrank();
    }

    // ---- postRoot

    function test_postRoot_commitsTheTotalAndOpensAfterTheDelay() public {
        fundAs(bob, 100e6);
        bytes32 root = rootOf(_leaves());
        uint40 at = uint40(block.timestamp) + DELAY;
        vm.expectEmit(address(rewards));
        emit IRewards.RootPosted(7, root, 60e6, at);
        vm.prank(signer);
        rewards.postRoot(7, root, 60e6);
        assertEq(rewards.rootOf(7), root, "root");
        IRewards.Epoch memory e = rewards.epochOf(7);
        assertEq(e.total, 60e6, "total");
        assertEq(e.availableAt, at, "opens after the delay");
        assertEq(rewards.lastEpoch(), 7, "last epoch");
        assertEq(rewards.liveTotals(), 60e6, "live");
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_NotClaimableYet.selector, 7, at));
        rewards.claimableRoot(7);
        vm.warp(at);
        assertEq(rewards.claimableRoot(7), root, "claimable at availableAt");
    }

    function test_postRoot_acceptsABadgeOnlyEpochWithoutBudget() public {
        vm.prank(signer);
        rewards.postRoot(1, bytes32(uint256(1)), 0);
        assertEq(rewards.lastEpoch(), 1, "posted");
    }

    function test_postRoot_revertsForOthers() public {
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_NotSigner.selector, treasury));
        rewards.postRoot(1, bytes32(uint256(1)), 0);
    }

    function test_postRoot_revertsWhenPaused() public {
        vm.prank(treasury);
        rewards.setPaused(true);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Paused.selector));
        rewards.postRoot(1, bytes32(uint256(1)), 0);
    }

    function test_postRoot_revertsOnEpochsThatDoNotIncrease() public {
        vm.startPrank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_EpochNotIncreasing.selector, 0, 0));
        rewards.postRoot(0, bytes32(uint256(1)), 0);
        rewards.postRoot(5, bytes32(uint256(1)), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_EpochNotIncreasing.selector, 5, 5));
        rewards.postRoot(5, bytes32(uint256(2)), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_EpochNotIncreasing.selector, 4, 5));
        rewards.postRoot(4, bytes32(uint256(2)), 0);
        vm.stopPrank();
    }

    function test_postRoot_revertsOnAZeroRoot() public {
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroRoot.selector));
        rewards.postRoot(1, bytes32(0), 0);
    }

    function test_postRoot_revertsAboveTheCap() public {
        fundAs(bob, 2 * CAP);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AboveEpochCap.selector, CAP + 1, CAP));
        rewards.postRoot(1, bytes32(uint256(1)), CAP + 1);
    }

    function test_postRoot_revertsAboveTheUncommittedBudget() public {
        fundAs(bob, 100e6);
        vm.startPrank(signer);
        rewards.postRoot(1, bytes32(uint256(1)), 70e6);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AboveAvailable.selector, 30e6 + 1, 30e6));
        rewards.postRoot(2, bytes32(uint256(1)), 30e6 + 1);
        vm.stopPrank();
    }

    // ---- revoke

    function test_revoke_releasesTheTotalDuringTheDelay() public {
        fundAs(bob, 100e6);
        bytes32 root = rootOf(_leaves());
        vm.prank(signer);
        rewards.postRoot(1, root, 60e6);
        vm.warp(block.timestamp + DELAY - 1);
        vm.expectEmit(address(rewards));
        emit IRewards.RootRevoked(1, root, 60e6);
        vm.prank(treasury);
        rewards.revoke(1);
        assertEq(rewards.available(), 100e6, "released");
        assertEq(rewards.liveTotals(), 0, "nothing live");
        vm.warp(block.timestamp + 1);
        Leaf[] memory lf = _leaves();
        _expectClaimRevert(1, lf[0], proofOf(lf, 0), abi.encodeWithSelector(IRewards.Rewards_Revoked.selector, 1));
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Revoked.selector, 1));
        rewards.claimableRoot(1);
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Revoked.selector, 1));
        rewards.revoke(1);
    }

    function test_revoke_revertsOnceClaimable() public {
        fundAs(bob, 100e6);
        postAndOpen(1, _leaves(), 60e6);
        uint40 at = rewards.epochOf(1).availableAt;
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_AlreadyClaimable.selector, 1, at));
        rewards.revoke(1);
    }

    function test_revoke_revertsForOthersAndUnknownEpochs() public {
        vm.prank(signer);
        rewards.postRoot(1, bytes32(uint256(1)), 0);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.revoke(1);
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_UnknownEpoch.selector, 2));
        rewards.revoke(2);
    }

    // ---- claim

    function test_claim_creditsTheLedgerTaggedReward() public {
        fundAs(bob, 100e6);
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        vm.expectEmit(address(rewards));
        emit IRewards.Claimed(1, lf[0].rewardId, alice, 1, 50e6);
        vm.expectEmit(address(ledger));
        emit ILedger.Transferred(address(rewards), alice, address(usdc), 50e6, "reward");
        _claim(1, lf, 0);
        assertEq(ledger.balanceOf(alice, address(usdc)), 50e6, "credited to the account, not the relayer");
        assertEq(ledger.balanceOf(relayer, address(usdc)), 0, "the submitter gets nothing");
        assertTrue(rewards.isPaid(lf[0].rewardId), "paid");
        assertEq(rewards.epochOf(1).claimed, 50e6, "claimed in the epoch");
        assertEq(ledger.balanceOf(address(rewards), address(usdc)), 50e6, "what is left");
        assertEq(usdc.balanceOf(address(ledger)), 100e6, "no token moved");
        assertEq(rewards.available(), 40e6, "a claim does not change what is uncommitted");
    }

    function test_claim_badgeOnlyLeafCreditsNothing() public {
        Leaf[] memory lf = _leaves();
        fundAs(bob, 100e6);
        postAndOpen(1, lf, 60e6);
        _claim(1, lf, 2);
        assertTrue(rewards.isPaid(lf[2].rewardId), "marked");
        assertEq(ledger.balanceOf(alice, address(usdc)), 0, "no credit");
        assertEq(rewards.epochOf(1).claimed, 0, "nothing claimed");
    }

    function test_claim_revertsWhenPausedUnknownOrNotYetOpen() public {
        fundAs(bob, 100e6);
        Leaf[] memory lf = _leaves();
        bytes32[] memory p = proofOf(lf, 0);
        _expectClaimRevert(1, lf[0], p, abi.encodeWithSelector(IRewards.Rewards_UnknownEpoch.selector, 1));
        vm.prank(signer);
        rewards.postRoot(1, rootOf(lf), 60e6);
        uint40 at = uint40(block.timestamp) + DELAY;
        _expectClaimRevert(1, lf[0], p, abi.encodeWithSelector(IRewards.Rewards_NotClaimableYet.selector, 1, at));
        vm.warp(at);
        vm.prank(treasury);
        rewards.setPaused(true);
        _expectClaimRevert(1, lf[0], p, abi.encodeWithSelector(IRewards.Rewards_Paused.selector));
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Paused.selector));
        rewards.claimableRoot(1);
        vm.prank(treasury);
        rewards.setPaused(false);
        _claim(1, lf, 0);
    }

    function test_claim_revertsOnAForgedLeaf() public {
        fundAs(bob, 100e6);
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        bytes32[] memory p = proofOf(lf, 0);
        bytes memory invalid = abi.encodeWithSelector(IRewards.Rewards_InvalidProof.selector);
        _expectClaimRevert(1, Leaf(bob, lf[0].rewardId, 1, 50e6), p, invalid);
        _expectClaimRevert(1, Leaf(alice, lf[0].rewardId, 1, 50e6 + 1), p, invalid);
        _expectClaimRevert(1, Leaf(alice, lf[0].rewardId, 2, 50e6), p, invalid);
        _expectClaimRevert(1, Leaf(alice, lf[1].rewardId, 1, 50e6), p, invalid);
        _expectClaimRevert(1, lf[0], proofOf(lf, 1), invalid);
    }

    function test_claim_paysARewardIdOnceAcrossEpochs() public {
        fundAs(bob, 200e6);
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        _claim(1, lf, 0);
        bytes memory paid = abi.encodeWithSelector(IRewards.Rewards_AlreadyPaid.selector, lf[0].rewardId);
        _expectClaimRevert(1, lf[0], proofOf(lf, 0), paid);
        // The same reward id again in a later root (a buggy job or a stolen key): still paid once.
        postAndOpen(2, lf, 60e6);
        _expectClaimRevert(2, lf[0], proofOf(lf, 0), paid);
        assertEq(ledger.balanceOf(alice, address(usdc)), 50e6, "paid once");
    }

    function test_claim_neverPaysAboveTheEpochTotal() public {
        fundAs(bob, 100e6);
        Leaf[] memory lf = _leaves();
        // The root's leaves add up to 60 but it commits only 55: the second claim would overdraw it.
        postAndOpen(1, lf, 55e6);
        _claim(1, lf, 0);
        _expectClaimRevert(
            1,
            lf[1],
            proofOf(lf, 1),
            abi.encodeWithSelector(IRewards.Rewards_AboveEpochTotal.selector, 1, 60e6, 55e6)
        );
    }

    // ---- settings

    /// @dev Ids 0, 1, 255 share one paid-flags word, 256 starts the next: each pays once, and paying one never
    ///      marks, unmarks or blocks another (a wrong mask or a lost write would).
    function test_claim_idsSharingAWordStayApart() public {
        uint256[4] memory ids = [uint256(0), 1, 255, 256];
        Leaf[] memory lf = new Leaf[](4);
        for (uint256 i; i < 4; ++i) lf[i] = Leaf(i % 2 == 0 ? alice : bob, bytes32(ids[i]), 0, 1e6 + i);
        fundAs(bob, 100e6);
        postAndOpen(1, lf, sumOf(lf));
        uint256[4] memory order = [uint256(2), 0, 3, 1];
        for (uint256 k; k < 4; ++k) {
            uint256 i = order[k];
            assertFalse(rewards.isPaid(lf[i].rewardId), "not paid before its claim");
            _claim(1, lf, i);
            for (uint256 j; j < 4; ++j) {
                bool claimedYet = false;
                for (uint256 m; m <= k; ++m) if (order[m] == j) claimedYet = true;
                assertTrue(rewards.isPaid(lf[j].rewardId) == claimedYet, "exactly the claimed ids are paid");
            }
        }
        assertFalse(rewards.isPaid(bytes32(uint256(2))), "an id never in a root");
        assertFalse(rewards.isPaid(bytes32(uint256(257))), "nor in the next word");
        for (uint256 i; i < 4; ++i) {
            _expectClaimRevert(
                1,
                lf[i],
                proofOf(lf, i),
                abi.encodeWithSelector(IRewards.Rewards_AlreadyPaid.selector, lf[i].rewardId)
            );
        }
        assertEq(ledger.balanceOf(alice, address(usdc)), 2e6 + 2, "ids 0 and 255");
        assertEq(ledger.balanceOf(bob, address(usdc)), 2e6 + 4, "ids 1 and 256");
    }

    /// @dev The largest id (bit 255 of the last word) and a hashed id pay once like any other.
    function test_claim_extremeAndHashedIds() public {
        Leaf[] memory lf = new Leaf[](2);
        lf[0] = Leaf(alice, bytes32(type(uint256).max), 0, 1e6);
        lf[1] = Leaf(alice, rewardIdOf(alice, "month-1000", "2026-11"), 0, 2e6);
        fundAs(bob, 100e6);
        postAndOpen(1, lf, 3e6);
        _claim(1, lf, 0);
        _claim(1, lf, 1);
        assertTrue(rewards.isPaid(lf[0].rewardId) && rewards.isPaid(lf[1].rewardId), "both paid");
        assertFalse(rewards.isPaid(bytes32(type(uint256).max - 1)), "its neighbour is not");
        _expectClaimRevert(
            1,
            lf[0],
            proofOf(lf, 0),
            abi.encodeWithSelector(IRewards.Rewards_AlreadyPaid.selector, lf[0].rewardId)
        );
        assertEq(ledger.balanceOf(alice, address(usdc)), 3e6, "each once");
    }

    function test_setSigner_onlyTheTreasuryAndNeverZero() public {
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.setSigner(bob);
        vm.startPrank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_ZeroAddress.selector));
        rewards.setSigner(address(0));
        vm.expectEmit(address(rewards));
        emit IRewards.SignerChanged(signer, bob);
        rewards.setSigner(bob);
        vm.stopPrank();
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_NotSigner.selector, signer));
        rewards.postRoot(1, bytes32(uint256(1)), 0);
        vm.prank(bob);
        rewards.postRoot(1, bytes32(uint256(1)), 0);
    }

    function test_setEpochCap_onlyTheTreasuryWithinRange() public {
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.setEpochCap(1);
        vm.startPrank(treasury);
        uint256 tooLarge = uint256(type(uint104).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_CapTooLarge.selector, tooLarge));
        rewards.setEpochCap(tooLarge);
        vm.expectEmit(address(rewards));
        emit IRewards.EpochCapChanged(CAP, 5e6);
        rewards.setEpochCap(5e6);
        vm.stopPrank();
        assertEq(rewards.epochCap(), 5e6, "cap");
    }

    function test_setDelay_appliesToLaterRootsOnly() public {
        vm.prank(signer);
        rewards.postRoot(1, bytes32(uint256(1)), 0);
        uint40 first = rewards.epochOf(1).availableAt;
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.setDelay(2 hours);
        vm.startPrank(treasury);
        vm.expectRevert(
            abi.encodeWithSelector(IRewards.Rewards_DelayOutOfRange.selector, 59 minutes, 1 hours, 30 days)
        );
        rewards.setDelay(59 minutes);
        vm.expectEmit(address(rewards));
        emit IRewards.DelayChanged(DELAY, 2 hours);
        rewards.setDelay(2 hours);
        vm.stopPrank();
        assertEq(rewards.epochOf(1).availableAt, first, "a posted root keeps its opening");
        vm.prank(signer);
        rewards.postRoot(2, bytes32(uint256(1)), 0);
        assertEq(rewards.epochOf(2).availableAt, uint40(block.timestamp) + 2 hours, "later roots wait 2 h");
    }

    function test_setPaused_onlyTheTreasury() public {
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, signer));
        rewards.setPaused(true);
        vm.expectEmit(address(rewards));
        emit IRewards.PauseChanged(true);
        vm.prank(treasury);
        rewards.setPaused(true);
        assertTrue(rewards.paused(), "paused");
    }

    // ---- fuzz

    /// @dev Whatever the amounts and however many roots carry it, a reward id credits once.
    ///      The id is hashed or numbered (`numbered`); the filler leaves take the ids next to it (same word).
    function testFuzz_claim_rewardIdPaysAtMostOnce(
        uint256 amount,
        uint256 again,
        uint8 epochs,
        uint256 numbered
    ) public {
        amount = bound(amount, 0, CAP / 2);
        again = bound(again, 0, CAP / 2);
        epochs = uint8(bound(epochs, 2, 5));
        fundAs(bob, CAP * epochs);
        bytes32 id =
            numbered % 2 == 0
                ? rewardIdOf(alice, "month-1000", "2026-11")
                : bytes32(bound(numbered, 0, type(uint256).max - 8));
        for (uint64 e = 1; e <= epochs; ++e) {
            Leaf[] memory lf = new Leaf[](2);
            lf[0] = Leaf(alice, id, 0, e == 1 ? amount : again);
            lf[1] = Leaf(bob, bytes32(uint256(id) ^ e), 0, 1);
            postAndOpen(e, lf, sumOf(lf));
            if (e == 1) {
                _claim(e, lf, 0);
            } else {
                _expectClaimRevert(
                    e,
                    lf[0],
                    proofOf(lf, 0),
                    abi.encodeWithSelector(IRewards.Rewards_AlreadyPaid.selector, id)
                );
            }
        }
        assertEq(ledger.balanceOf(alice, address(usdc)), amount, "credited once");
    }

    /// @dev A proof for one leaf never pays another account or another amount.
    function testFuzz_claim_proofPaysOnlyItsLeaf(
        address other,
        uint256 amount,
        uint256 otherAmount,
        uint8 size
    ) public {
        vm.assume(other != address(0));
        amount = bound(amount, 1, 100e6);
        otherAmount = bound(otherAmount, 0, CAP);
        size = uint8(bound(size, 1, 9));
        Leaf[] memory lf = new Leaf[](size);
        for (uint256 i; i < size; ++i) {
            address a = address(uint160(uint256(keccak256(abi.encode("account", i)))));
            lf[i] = Leaf(a, rewardIdOf(a, "earned-100", ""), 0, amount);
        }
        fundAs(bob, CAP);
        postAndOpen(1, lf, sumOf(lf) > CAP ? CAP : sumOf(lf));
        uint256 index = uint256(keccak256(abi.encode(other))) % size;
        Leaf memory forged = Leaf(other, lf[index].rewardId, 0, otherAmount);
        bytes32[] memory p = proofOf(lf, index);
        if (other != lf[index].account || otherAmount != amount) {
            _expectClaimRevert(1, forged, p, abi.encodeWithSelector(IRewards.Rewards_InvalidProof.selector));
            assertEq(ledger.balanceOf(other, address(usdc)), 0, "the forger got nothing");
        }
        // The true leaf still pays, exactly its amount, to its account.
        if (amount <= rewards.epochOf(1).total) {
            _claim(1, lf, index);
            assertEq(ledger.balanceOf(lf[index].account, address(usdc)), amount, "the leaf's own account and amount");
        }
    }
}
