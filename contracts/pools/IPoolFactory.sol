// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRevenuePool} from "./IRevenuePool.sol";

/// @title IPoolFactory
/// @notice Creates revenue pools for registered artists; the creator is the pool's admin and first member.
interface IPoolFactory {
    /// @notice What an artist sets when creating a pool.
    struct PoolParams {
        string name;
        IRevenuePool.Rule rule;
        IRevenuePool.JoinPolicy policy;
        /// @dev Part of every income kept for the budget, in basis points (at most MAX_BUDGET_BPS).
        uint16 budgetBps;
        /// @dev The creator's weight (1 under the equal rule).
        uint256 weight;
        /// @dev The ERC-20 income is accounted in besides ETH (zero: ETH only).
        address currency;
    }

    /// @notice The caller is not a registered artist.
    error PoolFactory_NotRegistered(address caller);
    /// @notice The budget part is above MAX_BUDGET_BPS.
    error PoolFactory_InvalidBudget(uint256 bps);
    /// @notice The name is empty.
    error PoolFactory_EmptyName();

    /// @notice `admin` created `pool`.
    event PoolCreated(address indexed admin, address indexed pool, PoolParams params);

    /// @notice At most half of every income can go to the budget.
    function MAX_BUDGET_BPS() external view returns (uint16);
    /// @notice Creates a pool with the caller as admin and first member.
    function createPool(PoolParams calldata params) external returns (address pool);
    /// @notice Every pool, oldest first.
    function pools() external view returns (address[] memory);
}
