// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IListings} from "./IListings.sol";
import {MarketBase} from "./MarketBase.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title Listings
/// @notice Fixed-price listings. See {IListings}.
abstract contract Listings is IListings, MarketBase {
    using Currency for address;

    mapping(bytes32 id => uint256) internal _remaining;

    /// @inheritdoc IListings
    function listingId(Listing calldata listing) public pure returns (bytes32) {
        return keccak256(abi.encode(listing));
    }

    /// @inheritdoc IListings
    function remaining(bytes32 id) external view returns (uint256) {
        return _remaining[id];
    }

    /// @inheritdoc IListings
    function list(Listing calldata listing) external returns (bytes32 id) {
        if (listing.seller != msg.sender) revert Market_NotSeller(msg.sender);
        if (
            listing.quantity == 0 ||
            listing.price == 0 ||
            listing.expiry <= block.timestamp ||
            (listing.standard == Standard.ERC721 && listing.quantity != 1)
        ) {
            revert Market_InvalidListing();
        }
        id = listingId(listing);
        if (_remaining[id] != 0) revert Market_AlreadyListed(id);
        _checkHolder(listing.standard, listing.collection, listing.tokenId, listing.seller, listing.quantity);
        _remaining[id] = listing.quantity;
        emit Listed(id, listing.seller, listing.collection, listing);
    }

    /// @inheritdoc IListings
    function cancel(Listing calldata listing) external {
        if (listing.seller != msg.sender) revert Market_NotSeller(msg.sender);
        bytes32 id = listingId(listing);
        if (_remaining[id] == 0) revert Market_NotListed(id);
        delete _remaining[id];
        emit ListingCancelled(id);
    }

    /// @inheritdoc IListings
    /// @dev No re-entrancy guard (gas): every state change comes before the Ledger call and the token
    ///      transfer, so a re-entrant call sees the listing as it is left and can only buy what remains.
    function buy(Listing calldata listing, uint256 quantity, address currency, uint256 price) external payable {
        if (currency != listing.currency || price != listing.price)
            revert Market_TermsChanged(listing.currency, listing.price);
        bytes32 id = listingId(listing);
        uint256 left = _remaining[id];
        if (left == 0) revert Market_NotListed(id);
        if (block.timestamp >= listing.expiry) revert Market_Expired(id, listing.expiry);
        if (quantity == 0 || quantity > left) revert Market_QuantityUnavailable(quantity, left);
        unchecked {
            _remaining[id] = left - quantity;
        }
        uint256 total = listing.price * quantity;
        uint256 expectedValue = listing.currency.valueFor(total);
        if (msg.value != expectedValue) revert Market_WrongPayment(expectedValue, msg.value);

        LEDGER.paySale{value: msg.value}(
            _saleOf(msg.sender, listing.seller, listing.collection, listing.tokenId, listing.currency, total, id)
        );
        emit Bought(id, msg.sender, quantity);
        _transferFromHolder(
            listing.standard,
            listing.collection,
            listing.tokenId,
            listing.seller,
            msg.sender,
            quantity
        );
    }
}
