// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Balances
/// @notice The Ledger's storage: one balance per (token, owner). Shared by the Ledger's payment
///         functions and the splits it hosts, so a distribution writes balances directly.
abstract contract Balances {
    /// @dev Keyed by token first: a distribution computes the token's inner mapping once and then one
    ///      hash per recipient.
    mapping(address token => mapping(address owner => uint256)) internal _balances;
}
