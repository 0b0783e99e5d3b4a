// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Sources
/// @notice Tags that say where a Ledger credit came from. The indexer decodes them as short strings,
///         so every tag is a left-aligned ASCII word.
library Sources {
    bytes32 internal constant DEPOSIT = "deposit";
    bytes32 internal constant FEE = "fee";
    bytes32 internal constant REFERRAL = "referral";
    bytes32 internal constant TIP = "tip";
    bytes32 internal constant MINT = "mint";
    bytes32 internal constant PRESALE = "presale";
    bytes32 internal constant SALE = "sale";
    bytes32 internal constant ROYALTY = "royalty";
    bytes32 internal constant TICKET = "ticket";
    bytes32 internal constant SPLIT = "split";
    bytes32 internal constant ADVANCE = "advance";
    bytes32 internal constant REWARD = "reward";
    bytes32 internal constant DIRECT = "direct";
    bytes32 internal constant SHARES = "shares";
    bytes32 internal constant BUDGET = "budget";
    /// @dev Card sales, settled in stablecoin by the checkout relayer (an EOA calling Ledger.pay).
    bytes32 internal constant FIAT = "fiat";
}
