// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Fixture} from "../utils/Fixture.sol";
import {Rewards} from "../../../contracts/rewards/Rewards.sol";
import {Badges} from "../../../contracts/rewards/Badges.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {Leaf, RewardsTree} from "./RewardsTree.sol";

/// @title RewardsFixture
/// @notice The money core plus Rewards (test USDC budget, 1-day delay, 1,000 USDC cap per epoch) and Badges,
///         both owned by the treasury, and the tree helpers of {RewardsTree}.
abstract contract RewardsFixture is Fixture {
    uint40 internal constant DELAY = 1 days;
    uint256 internal constant CAP = 1_000e6;

    TestToken internal usdc;
    Rewards internal rewards;
    Badges internal badges;
    address internal signer;

    function deployRewards() internal {
        deployCore();
        signer = makeAddr("signer");
        usdc = new TestToken("USD Coin", "USDC", 6);
        rewards = new Rewards(address(ledger), address(usdc), treasury, signer, DELAY, CAP);
        badges = new Badges(address(rewards), treasury);
        vm.label(address(rewards), "Rewards");
        vm.label(address(badges), "Badges");
    }

    /// @notice `from` mints and funds `amount`.
    function fundAs(address from, uint256 amount) internal {
        usdc.mint(from, amount);
        vm.startPrank(from);
        usdc.approve(address(rewards), amount);
        rewards.fund(amount);
        vm.stopPrank();
    }

    /// @notice The reward id of an achievement (the documented specifier).
    function rewardIdOf(
        address account,
        string memory achievement,
        string memory period
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(account, achievement, period));
    }

    function rootOf(Leaf[] memory leaves) internal pure returns (bytes32) {
        return RewardsTree.rootOf(leaves);
    }

    function proofOf(Leaf[] memory leaves, uint256 index) internal pure returns (bytes32[] memory) {
        return RewardsTree.proofOf(leaves, index);
    }

    function sumOf(Leaf[] memory leaves) internal pure returns (uint256) {
        return RewardsTree.sumOf(leaves);
    }

    /// @notice Signer posts `leaves` as `epoch` with `total`, then the delay passes.
    function postAndOpen(uint64 epoch, Leaf[] memory leaves, uint256 total) internal returns (bytes32 root) {
        root = rootOf(leaves);
        vm.prank(signer);
        rewards.postRoot(epoch, root, total);
        vm.warp(block.timestamp + DELAY);
    }
}
