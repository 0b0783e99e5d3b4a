// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRoyaltyShares} from "./IRoyaltyShares.sol";

/// @title ISharesFactory
/// @notice Creates royalty shares for registered artists and makes each a Ledger operator, so a buyer's
///         ERC-20 approval to the Ledger pays for any offering.
interface ISharesFactory {
    /// @notice What an artist sets when creating shares.
    struct SharesParams {
        string name;
        string symbol;
        /// @dev Whole shares, 1 to 1e9, all minted to the artist.
        uint64 supply;
        /// @dev The ERC-20 income is accounted in besides ETH (zero: ETH only).
        address currency;
        IRoyaltyShares.Song song;
        IRoyaltyShares.Offering offering;
    }

    /// @notice The caller is not a registered artist.
    error SharesFactory_NotRegistered(address caller);
    /// @notice The supply is zero or above 1e9.
    error SharesFactory_InvalidSupply(uint256 supply);
    /// @notice The offering sells more than the supply, has no price, or closes before it opens.
    error SharesFactory_InvalidOffering();

    /// @notice `artist` created `shares`.
    event SharesCreated(address indexed artist, address indexed shares, SharesParams params);

    /// @notice The most shares a song may have: keeps the income accounting exact.
    function MAX_SUPPLY() external view returns (uint256);
    /// @notice Creates shares of a song for the caller.
    function createShares(SharesParams calldata params) external returns (address shares);
    /// @notice Shares created by `artist`, oldest first.
    function sharesOf(address artist) external view returns (address[] memory);
}
