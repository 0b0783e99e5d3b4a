// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMarketBase} from "./IMarketBase.sol";

/// @title IListings
/// @notice Fixed-price listings of an ERC-721, or a quantity of an ERC-1155, in ETH or an ERC-20.
/// @dev A listing lives on chain as the hash of its terms and what is left of it: its terms can never change
///      (new terms are a new listing), and a buyer names the price and currency it accepts. The token stays
///      with the seller until a sale; a listing whose seller no longer owns or approves it fails by name.
interface IListings is IMarketBase {
    /// @notice A fixed-price listing. Its id is the hash of these terms.
    struct Listing {
        address seller;
        address collection;
        uint256 tokenId;
        Standard standard;
        /// @dev 1 for an ERC-721; any quantity of an ERC-1155, bought in parts.
        uint64 quantity;
        /// @dev address(0) for ETH.
        address currency;
        /// @dev Price of one token.
        uint256 price;
        /// @dev The listing cannot be bought from this time on (unix seconds).
        uint40 expiry;
        /// @dev Any number: lets a seller list the same terms again.
        uint256 salt;
    }

    /// @notice The listing's seller is not the caller.
    error Market_NotSeller(address caller);
    /// @notice Zero quantity or price, an ERC-721 quantity other than 1, or an expiry in the past.
    error Market_InvalidListing();
    /// @notice These terms are listed already.
    error Market_AlreadyListed(bytes32 id);
    /// @notice Nothing is left of the listing (never listed, bought, or cancelled).
    error Market_NotListed(bytes32 id);
    /// @notice The buyer accepted another price or currency than the listing's.
    error Market_TermsChanged(address currency, uint256 price);

    /// @notice A new listing with all its terms.
    event Listed(bytes32 indexed id, address indexed seller, address indexed collection, Listing listing);
    /// @notice The seller cancelled a listing.
    event ListingCancelled(bytes32 indexed id);
    /// @notice `buyer` bought `quantity` of a listing. The total and its parts are the Ledger's `SalePaid`
    ///         event just before, with `ref` = uint256(id).
    event Bought(bytes32 indexed id, address indexed buyer, uint256 quantity);

    /// @notice The id of a listing's terms: keccak256(abi.encode(listing)).
    function listingId(Listing calldata listing) external pure returns (bytes32);

    /// @notice What is left of a listing (0: not listed, sold out or cancelled).
    function remaining(bytes32 id) external view returns (uint256);

    /// @notice Seller: lists tokens it holds and approved to the marketplace.
    /// @return id The listing's id.
    function list(Listing calldata listing) external returns (bytes32 id);

    /// @notice Seller: cancels what is left of a listing.
    function cancel(Listing calldata listing) external;

    /// @notice Buys `quantity` of a listing at the `currency` and unit `price` the buyer accepts (ETH as
    ///         msg.value; an ERC-20 pulled by the Ledger from the buyer, who approves the Ledger).
    function buy(Listing calldata listing, uint256 quantity, address currency, uint256 price) external payable;
}
