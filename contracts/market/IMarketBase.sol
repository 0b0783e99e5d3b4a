// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IMarketBase
/// @notice What listings, offers and auctions of the marketplace share: the token standards and the errors
///         every trade can end in.
interface IMarketBase {
    /// @notice ERC-721 or ERC-1155.
    enum Standard {
        ERC721,
        ERC1155
    }

    /// @notice The seller no longer holds the tokens.
    error Market_SellerNotOwner(address seller);
    /// @notice The seller no longer lets the marketplace transfer the tokens.
    error Market_NotApproved(address seller);
    /// @notice The ETH sent is not the amount due.
    error Market_WrongPayment(uint256 expected, uint256 sent);
    /// @notice The listing or offer expired at `expiry`.
    error Market_Expired(bytes32 id, uint40 expiry);
    /// @notice Only `remaining` are left of the listing or offer.
    error Market_QuantityUnavailable(uint256 requested, uint256 remaining);
    /// @notice The marketplace only takes tokens it moves itself (auction escrow); anything else sent to it
    ///         would be stuck.
    error Market_UnexpectedToken(address operator);
}
