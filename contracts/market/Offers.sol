// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IOffers} from "./IOffers.sol";
import {MarketBase} from "./MarketBase.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title Offers
/// @notice Offers on a token or on a collection (ids up to a bound), paid from the buyer's wallet at acceptance.
///         See {IOffers}.
abstract contract Offers is IOffers, MarketBase {
    using Currency for address;

    mapping(bytes32 id => uint256) internal _offerRemaining;

    /// @inheritdoc IOffers
    function offerId(Offer calldata offer) public pure returns (bytes32) {
        return keccak256(abi.encode(offer));
    }

    /// @inheritdoc IOffers
    function offerRemaining(bytes32 id) external view returns (uint256) {
        return _offerRemaining[id];
    }

    /// @inheritdoc IOffers
    function makeOffer(Offer calldata offer) external returns (bytes32 id) {
        if (offer.buyer != msg.sender) revert Market_NotBuyer(msg.sender);
        if (
            offer.quantity == 0 ||
            offer.price == 0 ||
            offer.currency.isEth() ||
            offer.expiry <= block.timestamp ||
            (offer.standard == Standard.ERC721 && offer.quantity != 1)
        ) {
            revert Market_InvalidOffer();
        }
        id = offerId(offer);
        if (_offerRemaining[id] != 0) revert Market_AlreadyOffered(id);
        _offerRemaining[id] = offer.quantity;
        emit OfferMade(id, offer.buyer, offer.collection, offer);
    }

    /// @inheritdoc IOffers
    function cancelOffer(Offer calldata offer) external {
        if (offer.buyer != msg.sender) revert Market_NotBuyer(msg.sender);
        bytes32 id = offerId(offer);
        if (_offerRemaining[id] == 0) revert Market_NoOffer(id);
        delete _offerRemaining[id];
        emit OfferCancelled(id);
    }

    /// @inheritdoc IOffers
    function acceptOffer(Offer calldata offer, uint256 tokenId, uint256 quantity) external nonReentrant {
        bytes32 id = offerId(offer);
        uint256 left = _offerRemaining[id];
        if (left == 0) revert Market_NoOffer(id);
        if (block.timestamp >= offer.expiry) revert Market_Expired(id, offer.expiry);
        // A collection offer covers the ids up to the one it names: never a token created after it.
        if (offer.anyToken ? tokenId > offer.tokenId : tokenId != offer.tokenId) revert Market_WrongToken(tokenId);
        if (quantity == 0 || quantity > left) revert Market_QuantityUnavailable(quantity, left);
        unchecked {
            _offerRemaining[id] = left - quantity;
        }
        uint256 total = offer.price * quantity;
        try
            LEDGER.paySale(_saleOf(offer.buyer, msg.sender, offer.collection, tokenId, offer.currency, total, id))
        returns (uint256) {} catch (bytes memory reason) {
            _checkFunds(offer.buyer, offer.currency, total);
            _bubble(reason);
        }
        emit OfferAccepted(id, msg.sender, tokenId, quantity);
        _transferFromHolder(offer.standard, offer.collection, tokenId, msg.sender, offer.buyer, quantity);
    }

    /// @dev An unfunded offer (the buyer spent or un-approved its funds) fails by name. Read only when the
    ///      Ledger's pull failed, so an accepted offer does not pay for the reads.
    function _checkFunds(address buyer, address currency, uint256 needed) internal view {
        IERC20 token = IERC20(currency);
        uint256 balance = token.balanceOf(buyer);
        uint256 allowance = token.allowance(buyer, address(LEDGER));
        if (balance < needed || allowance < needed) revert Market_OfferUnfunded(buyer, needed, balance, allowance);
    }
}
