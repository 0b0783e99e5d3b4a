// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMarketBase} from "./IMarketBase.sol";

/// @title IOffers
/// @notice Offers in an ERC-20 (WETH, USDC) on one token or on the tokens of a collection up to a token id.
///         The buyer's funds stay in its wallet, approved to the Ledger; they are checked and pulled when an
///         owner accepts.
/// @dev A collection offer names the highest token id it accepts, so a token created after the offer (a new
///      edition the artist mints for free) cannot fill it: for our drops, whose editions are numbered from 1
///      up, the web app offers on every edition that exists (`tokenId` = the collection's `editionCount`). For
///      a collection whose new ids can fall below existing ones, offer on one token instead.
/// @dev Like a listing, an offer lives on chain as the hash of its terms and what is left of it.
interface IOffers is IMarketBase {
    /// @notice An offer to buy. Its id is the hash of these terms.
    struct Offer {
        address buyer;
        address collection;
        /// @dev The token wanted; for a collection offer, the highest token id accepted.
        uint256 tokenId;
        /// @dev A collection offer: any token of the collection with an id up to `tokenId` will do.
        bool anyToken;
        Standard standard;
        /// @dev 1 for an ERC-721; any quantity of an ERC-1155, accepted in parts.
        uint64 quantity;
        /// @dev An ERC-20 (offers cannot be in ETH: the funds stay with the buyer).
        address currency;
        /// @dev Price of one token.
        uint256 price;
        /// @dev The offer cannot be accepted from this time on (unix seconds).
        uint40 expiry;
        /// @dev Any number: lets a buyer offer the same terms again.
        uint256 salt;
    }

    /// @notice The offer's buyer is not the caller.
    error Market_NotBuyer(address caller);
    /// @notice Zero quantity or price, ETH as currency, an ERC-721 quantity other than 1, or an expiry in the past.
    error Market_InvalidOffer();
    /// @notice These terms are offered already.
    error Market_AlreadyOffered(bytes32 id);
    /// @notice Nothing is left of the offer (never made, accepted, or cancelled).
    error Market_NoOffer(bytes32 id);
    /// @notice The offer is for another token than `tokenId` (or, for a collection offer, for ids up to a
    ///         lower one).
    error Market_WrongToken(uint256 tokenId);
    /// @notice The buyer no longer holds or approves to the Ledger the `needed` amount.
    error Market_OfferUnfunded(address buyer, uint256 needed, uint256 balance, uint256 allowance);

    /// @notice A new offer with all its terms.
    event OfferMade(bytes32 indexed id, address indexed buyer, address indexed collection, Offer offer);
    /// @notice The buyer cancelled an offer.
    event OfferCancelled(bytes32 indexed id);
    /// @notice `seller` sold `quantity` of token `tokenId` to the offer. The total and its parts are the
    ///         Ledger's `SalePaid` event just before, with `ref` = uint256(id).
    event OfferAccepted(bytes32 indexed id, address indexed seller, uint256 tokenId, uint256 quantity);

    /// @notice The id of an offer's terms: keccak256(abi.encode(offer)).
    function offerId(Offer calldata offer) external pure returns (bytes32);

    /// @notice What is left of an offer (0: not made, filled or cancelled).
    function offerRemaining(bytes32 id) external view returns (uint256);

    /// @notice Buyer: makes an offer. Its funds are not moved until an owner accepts.
    /// @return id The offer's id.
    function makeOffer(Offer calldata offer) external returns (bytes32 id);

    /// @notice Buyer: cancels what is left of an offer.
    function cancelOffer(Offer calldata offer) external;

    /// @notice Owner: sells `quantity` of `tokenId` (approved to the marketplace) to the offer. The price is
    ///         pulled from the buyer; royalty, fee and the seller's proceeds are Ledger credits.
    function acceptOffer(Offer calldata offer, uint256 tokenId, uint256 quantity) external;
}
