// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {RewardsFixture} from "./RewardsFixture.sol";
import {Leaf} from "./RewardsTree.sol";
import {IRewards} from "../../../contracts/rewards/IRewards.sol";
import {IBadges, IERC5192} from "../../../contracts/rewards/IBadges.sol";
import {Badges} from "../../../contracts/rewards/Badges.sol";

/// @title BadgesTest
/// @notice Badges: minted with a rewards leaf's proof against a claimable root (past the delay, not revoked,
///         not paused), once per (account, badge), never moved or approved, ERC-5192 locked, a URI per badge.
contract BadgesTest is RewardsFixture {
    address internal alice;
    address internal bob;
    Leaf[] internal tree;

    function setUp() public {
        deployRewards();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        tree.push(Leaf(alice, rewardIdOf(alice, "referrals-1", ""), 1, 50e6));
        tree.push(Leaf(bob, rewardIdOf(bob, "first-mint", ""), 7, 0));
        tree.push(Leaf(bob, rewardIdOf(bob, "earned-100", ""), 0, 10e6));
        fundAs(makeAddr("funder"), 100e6);
    }

    function _leaves() internal view returns (Leaf[] memory lf) {
        lf = new Leaf[](tree.length);
        for (uint256 i; i < tree.length; ++i) lf[i] = tree[i];
    }

    function _claim(uint64 epoch, Leaf memory leaf, bytes32[] memory proof) internal {
        badges.claim(epoch, leaf.account, leaf.rewardId, leaf.badge, leaf.amount, proof);
    }

    function test_constructor_setsRewardsAndOwner() public {
        assertEq(badges.REWARDS(), address(rewards), "rewards");
        assertEq(badges.owner(), treasury, "the treasury owns it");
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_ZeroAddress.selector));
        new Badges(address(0), treasury);
    }

    function test_claim_mintsOneLockedBadgeWithTheRewardsLeaf() public {
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        bytes32[] memory p = proofOf(lf, 0);
        vm.expectEmit(address(badges));
        emit IBadges.BadgeClaimed(1, alice, 1, lf[0].rewardId);
        vm.expectEmit(address(badges));
        emit IERC5192.Locked(1);
        _claim(1, lf[0], p);
        assertEq(badges.balanceOf(alice, 1), 1, "one badge");
        assertTrue(badges.hasBadge(alice, 1), "has it");
        assertTrue(badges.locked(1), "locked");
        // The same leaf and proof also pay the reward, in either order.
        rewards.claim(1, alice, lf[0].rewardId, 1, 50e6, p);
        assertEq(ledger.balanceOf(alice, address(usdc)), 50e6, "reward paid with the same proof");
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_AlreadyClaimed.selector, alice, 1));
        _claim(1, lf[0], p);
    }

    function test_claim_oneBadgePerAccountAndIdAcrossEpochs() public {
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        _claim(1, lf[1], proofOf(lf, 1));
        Leaf[] memory later = new Leaf[](2);
        later[0] = Leaf(bob, rewardIdOf(bob, "first-mint", "again"), 7, 0);
        later[1] = lf[0];
        postAndOpen(2, later, 0);
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_AlreadyClaimed.selector, bob, 7));
        _claim(2, later[0], proofOf(later, 0));
        assertEq(badges.balanceOf(bob, 7), 1, "still one");
    }

    function test_claim_revertsOnALeafWithoutBadge() public {
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_NoBadge.selector));
        _claim(1, lf[2], proofOf(lf, 2));
    }

    function test_claim_revertsUnlessTheRootIsClaimable() public {
        Leaf[] memory lf = _leaves();
        bytes32[] memory p = proofOf(lf, 0);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_UnknownEpoch.selector, 1));
        _claim(1, lf[0], p);
        vm.prank(signer);
        rewards.postRoot(1, rootOf(lf), 60e6);
        uint40 at = uint40(block.timestamp) + DELAY;
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_NotClaimableYet.selector, 1, at));
        _claim(1, lf[0], p);
        vm.prank(treasury);
        rewards.revoke(1);
        vm.warp(at);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Revoked.selector, 1));
        _claim(1, lf[0], p);
        postAndOpen(2, lf, 60e6);
        vm.prank(treasury);
        rewards.setPaused(true);
        vm.expectRevert(abi.encodeWithSelector(IRewards.Rewards_Paused.selector));
        _claim(2, lf[0], p);
        vm.prank(treasury);
        rewards.setPaused(false);
        _claim(2, lf[0], p);
    }

    function test_claim_revertsOnAForgedLeaf() public {
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        bytes32[] memory p = proofOf(lf, 0);
        bytes memory invalid = abi.encodeWithSelector(IBadges.Badges_InvalidProof.selector);
        vm.expectRevert(invalid);
        _claim(1, Leaf(bob, lf[0].rewardId, 1, 50e6), p);
        vm.expectRevert(invalid);
        _claim(1, Leaf(alice, lf[0].rewardId, 2, 50e6), p);
        vm.expectRevert(invalid);
        _claim(1, Leaf(alice, lf[0].rewardId, 1, 0), p);
    }

    function test_transfersAndApprovals_revert() public {
        Leaf[] memory lf = _leaves();
        postAndOpen(1, lf, 60e6);
        _claim(1, lf[0], proofOf(lf, 0));
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_Soulbound.selector));
        badges.safeTransferFrom(alice, bob, 1, 1, "");
        uint256[] memory ids = new uint256[](1);
        ids[0] = 1;
        uint256[] memory values = new uint256[](1);
        values[0] = 1;
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_Soulbound.selector));
        badges.safeBatchTransferFrom(alice, bob, ids, values, "");
        vm.expectRevert(abi.encodeWithSelector(IBadges.Badges_Soulbound.selector));
        badges.setApprovalForAll(bob, true);
        vm.stopPrank();
        assertEq(badges.balanceOf(alice, 1), 1, "still hers");
    }

    function test_supportsInterface_reportsERC5192AndERC1155() public view {
        assertTrue(badges.supportsInterface(0xb45a3c0e), "ERC-5192");
        assertTrue(badges.supportsInterface(0xd9b67a26), "ERC-1155");
        assertTrue(badges.supportsInterface(0x0e89341c), "ERC-1155 metadata URI");
        assertTrue(badges.supportsInterface(0x01ffc9a7), "ERC-165");
        assertFalse(badges.supportsInterface(0xffffffff), "not everything");
        assertEq(type(IERC5192).interfaceId, bytes4(0xb45a3c0e), "the ERC's id");
    }

    function test_setURI_onlyTheTreasury() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        badges.setURI(1, "ipfs://badge-1");
        vm.prank(treasury);
        badges.setURI(1, "ipfs://badge-1");
        assertEq(keccak256(bytes(badges.uri(1))), keccak256("ipfs://badge-1"), "uri");
        assertEq(bytes(badges.uri(2)).length, 0, "unset");
    }
}
