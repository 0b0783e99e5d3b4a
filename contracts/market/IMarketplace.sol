// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IListings} from "./IListings.sol";
import {IOffers} from "./IOffers.sol";
import {IAuctions} from "./IAuctions.sol";

/// @title IMarketplace
/// @notice Collectors trade any ERC-721 or ERC-1155 (our drops and outside collections) in ETH or an ERC-20:
///         fixed-price listings ({IListings}), offers ({IOffers}) and English auctions ({IAuctions}).
///         Every sale pays the creator royalty (ERC-2981, read with a gas cap, at most 25% of the price), the
///         platform fee (with the referral share of the collection's artist) and the seller the rest, all as
///         Ledger credits ({IPayments-paySale}). Sellers approve the marketplace once per collection;
///         buyers of ERC-20 listings and offers approve the Ledger, bidders in an ERC-20 the marketplace.
interface IMarketplace is IListings, IOffers, IAuctions {}
