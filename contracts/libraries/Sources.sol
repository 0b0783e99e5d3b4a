// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Sources
/// @notice Tags that say where a Ledger credit came from, as the contracts write them. The indexer decodes
///         them as short strings, so every tag is a left-aligned ASCII word. Only tags a contract uses live
///         here: the words that callers of `Ledger.pay` / `deposit` choose ("tip", "fiat", ...) and those
///         the indexer gives to the parts of a payment ("fee", "referral", ...) are listed in
///         contracts/lib/sources.ts.
library Sources {
    bytes32 internal constant MINT = "mint";
    bytes32 internal constant PRESALE = "presale";
    /// @dev A marketplace sale (listing, offer, auction).
    bytes32 internal constant SALE = "sale";
    /// @dev ETH or tokens sent to a split's address directly, swept into the Ledger.
    bytes32 internal constant DIRECT = "direct";
    bytes32 internal constant SHARES = "shares";
    /// @dev A revenue pool's budget spend.
    bytes32 internal constant BUDGET = "budget";
    /// @dev An outbid bidder's escrowed bid, credited back.
    bytes32 internal constant OUTBID = "outbid";
    /// @dev The winning bid of an auction unwound after its grace, credited back.
    bytes32 internal constant UNWOUND = "unwound";
    /// @dev A rewards claim ({IRewards}): a milestone or achievement reward from the treasury's budget.
    bytes32 internal constant REWARD = "reward";
    /// @dev The rewards budget deposited into the Rewards contract's own Ledger balance ({IRewards-fund}),
    ///      out of which claims move "reward" credit.
    bytes32 internal constant FUND = "fund";
}
