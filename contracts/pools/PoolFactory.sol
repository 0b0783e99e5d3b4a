// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolFactory} from "./IPoolFactory.sol";
import {IRevenuePool} from "./IRevenuePool.sol";
import {RevenuePool} from "./RevenuePool.sol";
import {IArtistRegistry} from "../artists/IArtistRegistry.sol";

/// @title PoolFactory
/// @notice Creates revenue pools. See {IPoolFactory}.
contract PoolFactory is IPoolFactory {
    /// @inheritdoc IPoolFactory
    uint16 public constant MAX_BUDGET_BPS = 5000;

    address public immutable LEDGER;
    IArtistRegistry public immutable REGISTRY;

    address[] internal _pools;

    constructor(address ledger, IArtistRegistry registry) {
        LEDGER = ledger;
        REGISTRY = registry;
    }

    /// @inheritdoc IPoolFactory
    function createPool(PoolParams calldata params) external returns (address pool) {
        (address payout, ) = REGISTRY.payoutAndReferrer(msg.sender);
        if (payout == address(0)) revert PoolFactory_NotRegistered(msg.sender);
        if (bytes(params.name).length == 0) revert PoolFactory_EmptyName();
        if (params.budgetBps > MAX_BUDGET_BPS) revert PoolFactory_InvalidBudget(params.budgetBps);
        uint256 maxWeight = params.rule == IRevenuePool.Rule.Equal ? 1 : 1000;
        if (params.weight == 0 || params.weight > maxWeight) revert IRevenuePool.Pool_InvalidWeight(params.weight);
        pool = address(
            new RevenuePool(
                LEDGER,
                params.currency,
                msg.sender,
                params.name,
                params.rule,
                params.policy,
                params.budgetBps,
                params.weight
            )
        );
        _pools.push(pool);
        emit PoolCreated(msg.sender, pool, params);
    }

    /// @inheritdoc IPoolFactory
    function pools() external view returns (address[] memory) {
        return _pools;
    }
}
