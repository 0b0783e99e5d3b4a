// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Fixture} from "../utils/Fixture.sol";
import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {Rewards} from "../../../contracts/rewards/Rewards.sol";
import {Badges} from "../../../contracts/rewards/Badges.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title RewardsFixture
/// @notice The money core plus Rewards (test USDC budget, 1-day delay, 1,000 USDC cap per epoch) and Badges,
///         both owned by the treasury, and a Merkle tree builder for the leaves the contracts verify
///         (OpenZeppelin's standard double-hashed leaf, sorted-pair nodes: what StandardMerkleTree builds).
abstract contract RewardsFixture is Fixture {
    uint40 internal constant DELAY = 1 days;
    uint256 internal constant CAP = 1_000e6;

    /// @notice One leaf of a rewards tree.
    struct Leaf {
        address account;
        bytes32 rewardId;
        uint256 badge;
        uint256 amount;
    }

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
    function rewardIdOf(address account, string memory achievement, string memory period) internal pure returns (bytes32) {
        return keccak256(abi.encode(account, achievement, period));
    }

    function leafHash(Leaf memory l) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(l.account, l.rewardId, l.badge, l.amount))));
    }

    /// @notice The root of `leaves`: pairs hashed sorted, an odd last node carried up as is.
    function rootOf(Leaf[] memory leaves) internal pure returns (bytes32) {
        bytes32[] memory level = _hashes(leaves);
        while (level.length > 1) level = _up(level);
        return level[0];
    }

    /// @notice The proof of leaf `index`.
    function proofOf(Leaf[] memory leaves, uint256 index) internal pure returns (bytes32[] memory proof) {
        bytes32[] memory level = _hashes(leaves);
        bytes32[] memory path = new bytes32[](64);
        uint256 n;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) path[n++] = level[sibling];
            level = _up(level);
            index >>= 1;
        }
        proof = new bytes32[](n);
        for (uint256 i; i < n; ++i) proof[i] = path[i];
    }

    /// @notice Signer posts `leaves` as `epoch` with `total`, then the delay passes.
    function postAndOpen(uint64 epoch, Leaf[] memory leaves, uint256 total) internal returns (bytes32 root) {
        root = rootOf(leaves);
        vm.prank(signer);
        rewards.postRoot(epoch, root, total);
        vm.warp(block.timestamp + DELAY);
    }

    function sumOf(Leaf[] memory leaves) internal pure returns (uint256 total) {
        for (uint256 i; i < leaves.length; ++i) total += leaves[i].amount;
    }

    function _hashes(Leaf[] memory leaves) private pure returns (bytes32[] memory h) {
        h = new bytes32[](leaves.length);
        for (uint256 i; i < leaves.length; ++i) h[i] = leafHash(leaves[i]);
    }

    function _up(bytes32[] memory level) private pure returns (bytes32[] memory next) {
        next = new bytes32[]((level.length + 1) / 2);
        for (uint256 i; i < next.length; ++i) {
            uint256 l = 2 * i;
            next[i] = l + 1 < level.length ? Hashes.commutativeKeccak256(level[l], level[l + 1]) : level[l];
        }
    }
}
