// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ISplitWallet
/// @notice The clone behind each split address: it accepts ETH and ERC-20s and lets the Ledger (which
///         hosts the splits) move them into the split's Ledger balance when the split distributes.
interface ISplitWallet {
    /// @notice The caller is not the Ledger.
    error SplitWallet_OnlyLedger();

    /// @notice Deposits everything this wallet holds of `token` into the Ledger, credited to itself.
    /// @return amount What was credited.
    function sweep(address token) external returns (uint256 amount);
}
