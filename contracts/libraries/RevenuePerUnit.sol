// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RevenuePerUnit
/// @notice The one accounting rule behind royalty shares (units = share balances) and revenue pools
///         (units = member weights): income is added to a cumulative income-per-unit accumulator, and each
///         account keeps a signed correction so that what it has earned is
///         `(perUnit * units + correction) / SCALE`.
/// @dev Units moving between accounts (a transfer, a join, a leave) change the corrections so that neither
///      side's earnings change: a seller keeps what its units earned before, a newcomer earns only income
///      that arrives after. All values are exact integers scaled by SCALE. Rounding: the floor when an
///      amount is paid (less than one unit of the token per claim), and the remainder of each accrual,
///      carried into the next one, so no income is ever dropped; that remainder is spread among whoever
///      holds units at the next income (less than units/1e9 of a token unit each). The totals paid and
///      claimable never exceed what came in.
library RevenuePerUnit {
    /// @notice Income per unit is scaled by 1e9. Callers keep units at or below 1e9 per account, so the
    ///         floor when paying loses less than one unit of the token.
    uint256 internal constant SCALE = 1e9;

    /// @notice Adds `amount` of income shared by `units` units.
    /// @param perUnit The accumulator before (scaled).
    /// @param remainder What the last accrual could not spread (scaled, below `units`).
    /// @return newPerUnit The accumulator after.
    /// @return newRemainder What this accrual could not spread, carried into the next one.
    function accrue(
        uint256 perUnit,
        uint256 remainder,
        uint256 amount,
        uint256 units
    ) internal pure returns (uint256 newPerUnit, uint256 newRemainder) {
        uint256 scaled = amount * SCALE + remainder;
        newPerUnit = perUnit + scaled / units;
        newRemainder = scaled % units;
    }

    /// @notice What an account holding `units` with `correction` has earned and not yet claimed.
    function earned(uint256 perUnit, uint256 units, int256 correction) internal pure returns (uint256) {
        // Never negative: corrections only take back what the units would have earned before they arrived.
        return uint256(int256(perUnit * units) + correction) / SCALE;
    }

    /// @notice The correction change when `units` arrive at an account (a receiver, a joining member):
    ///         the income they earned before is not theirs. The sender's change is the opposite.
    function arriving(uint256 perUnit, uint256 units) internal pure returns (int256) {
        return -int256(perUnit * units);
    }

    /// @notice The correction change when `amount` is paid to an account.
    function paying(uint256 amount) internal pure returns (int256) {
        return -int256(amount * SCALE);
    }
}
