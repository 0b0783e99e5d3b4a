// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Constants
/// @notice The numbers every money path shares, declared once. A contract that shows one in its ABI (e.g.
///         `KIND_PRIMARY`, `REFERRAL_BPS`, `MAX_ROYALTY_BPS`) keeps its public getter, defined from here, so
///         the ABIs stay as they are and no two contracts can disagree.
library Constants {
    /// @notice ETH is the token address(0) everywhere (Ledger balances, sale currencies, income).
    address internal constant ETH = address(0);

    /// @notice Basis points: 10,000 is the whole.
    uint16 internal constant BPS = 10_000;

    /// @notice Fee kinds, the FeeRouter's rate per product: primary drop sales (and share offerings).
    uint8 internal constant KIND_PRIMARY = 0;
    /// @notice Marketplace (secondary) sales.
    uint8 internal constant KIND_MARKET = 1;
    /// @notice Live tickets and tips.
    uint8 internal constant KIND_LIVE = 2;
    /// @notice How many kinds there are (kinds are 0 to KINDS - 1).
    uint8 internal constant KINDS = 3;

    /// @notice The referrer's part of every platform fee: 5%, for life.
    uint16 internal constant REFERRAL_BPS = 500;

    /// @notice Royalties are capped at 25% of the price (a drop's ERC-2981 setting, a sale's royalty).
    uint16 internal constant MAX_ROYALTY_BPS = 2500;
}
