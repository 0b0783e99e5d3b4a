// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @notice One leaf of a rewards tree (see {IRewards}).
struct Leaf {
    address account;
    bytes32 rewardId;
    uint256 badge;
    uint256 amount;
}

/// @title RewardsTree
/// @notice Builds rewards trees in tests: OpenZeppelin's standard double-hashed leaf and sorted-pair nodes
///         (what StandardMerkleTree builds and MerkleProof verifies), an odd last node carried up as is.
library RewardsTree {
    function leafHash(Leaf memory lf) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(lf.account, lf.rewardId, lf.badge, lf.amount))));
    }

    /// @notice The root of `leaves`.
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
            uint256 left = 2 * i;
            next[i] = left + 1 < level.length ? Hashes.commutativeKeccak256(level[left], level[left + 1]) : level[left];
        }
    }
}
