// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISharesFactory} from "./ISharesFactory.sol";
import {IRoyaltyShares} from "./IRoyaltyShares.sol";
import {RoyaltyShares} from "./RoyaltyShares.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {IArtistRegistry} from "../artists/IArtistRegistry.sol";

/// @title SharesFactory
/// @notice Creates royalty shares. See {ISharesFactory}.
/// @dev Must be a Ledger factory-level operator (set through the FeeRouter). Each shares contract is a
///      full deployment (not a clone): its terms are immutables, read without storage on every buy.
contract SharesFactory is ISharesFactory {
    /// @inheritdoc ISharesFactory
    uint256 public constant MAX_SUPPLY = 1e9;

    IPayments public immutable LEDGER;
    IArtistRegistry public immutable REGISTRY;

    mapping(address artist => address[]) internal _shares;

    constructor(IPayments ledger, IArtistRegistry registry) {
        LEDGER = ledger;
        REGISTRY = registry;
    }

    /// @inheritdoc ISharesFactory
    function createShares(SharesParams calldata params) external returns (address shares) {
        (address payout, ) = REGISTRY.payoutAndReferrer(msg.sender);
        if (payout == address(0)) revert SharesFactory_NotRegistered(msg.sender);
        if (params.supply == 0 || params.supply > MAX_SUPPLY) revert SharesFactory_InvalidSupply(params.supply);
        IRoyaltyShares.Offering memory offering = params.offering;
        if (offering.amount != 0) {
            if (offering.start == 0) offering.start = uint32(block.timestamp);
            if (
                offering.amount > params.supply ||
                offering.price == 0 ||
                (offering.end != 0 && offering.end <= offering.start)
            ) revert SharesFactory_InvalidOffering();
        }
        shares = address(
            new RoyaltyShares(
                address(LEDGER),
                msg.sender,
                params.name,
                params.symbol,
                params.supply,
                params.currency,
                params.song,
                offering
            )
        );
        _shares[msg.sender].push(shares);
        LEDGER.addOperator(shares);
        SharesParams memory resolved = params;
        resolved.offering = offering;
        emit SharesCreated(msg.sender, shares, resolved);
    }

    /// @inheritdoc ISharesFactory
    function sharesOf(address artist) external view returns (address[] memory) {
        return _shares[artist];
    }
}
