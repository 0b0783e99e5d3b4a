// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Allowlist
/// @notice Presale allowlists for tests: a complete binary Merkle tree over OpenZeppelin StandardMerkleTree
///         `[address]` leaves (`keccak256(bytes.concat(keccak256(abi.encode(account))))`), padded with a leaf no
///         address produces, pairs hashed in sorted order, as OpenZeppelin's `MerkleProof` verifies.
library Allowlist {
    bytes32 internal constant PADDING = keccak256("padding");

    function leaf(address account) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account))));
    }

    /// @notice The tree's root.
    function root(address[] memory list) internal pure returns (bytes32) {
        bytes32[] memory nodes = _leaves(list);
        for (uint256 n = nodes.length; n > 1; n >>= 1) _up(nodes, n);
        return nodes[0];
    }

    /// @notice The proof for `list[index]`.
    function proof(address[] memory list, uint256 index) internal pure returns (bytes32[] memory siblings) {
        bytes32[] memory nodes = _leaves(list);
        uint256 depth;
        for (uint256 n = nodes.length; n > 1; n >>= 1) ++depth;
        siblings = new bytes32[](depth);
        uint256 at = index;
        uint256 level;
        for (uint256 n = nodes.length; n > 1; n >>= 1) {
            siblings[level++] = nodes[at ^ 1];
            _up(nodes, n);
            at >>= 1;
        }
    }

    function _leaves(address[] memory list) private pure returns (bytes32[] memory nodes) {
        uint256 n = 2;
        while (n < list.length) n <<= 1;
        nodes = new bytes32[](n);
        for (uint256 i; i < n; ++i) nodes[i] = i < list.length ? leaf(list[i]) : PADDING;
    }

    /// @dev Replaces the first n/2 nodes with the parents of the first n.
    function _up(bytes32[] memory nodes, uint256 n) private pure {
        for (uint256 i; i < n / 2; ++i) {
            (bytes32 a, bytes32 b) = (nodes[2 * i], nodes[2 * i + 1]);
            nodes[i] = a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
        }
    }
}
