// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMarketplace} from "../market/IMarketplace.sol";
import {IListings} from "../market/IListings.sol";

/// @title MarketBuyer
/// @notice A contract buyer that refuses the tokens it buys (tests only): it has no ERC-721 or ERC-1155
///         receiver hook, so a safe transfer to it reverts.
contract MarketBuyer {
    /// @notice Buys through `market`, forwarding the ETH sent.
    function buy(
        IMarketplace market,
        IListings.Listing calldata listing,
        uint256 quantity,
        address currency,
        uint256 price
    ) external payable {
        market.buy{value: msg.value}(listing, quantity, currency, price);
    }
}
