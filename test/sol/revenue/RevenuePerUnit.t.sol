// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Test} from "../utils/Test.sol";
import {RevenuePerUnit} from "../../../contracts/libraries/RevenuePerUnit.sol";

/// @title RevenuePerUnitTest
/// @notice The accounting rule against exact arithmetic:
///         - an accrual conserves the scaled income exactly (accumulator * units + remainder), so the carried
///           remainder never loses income, over any sequence of accruals;
///         - what an account earns is the floor of its exact rational share, less at most one unit, and the
///           accounts together never earn more than came in (rounding never creates value);
///         - moving units never changes what either side has earned; a newcomer earns only its exact share of
///           later income plus at most its part of the carried remainder;
///         - paying what was earned leaves nothing to pay and keeps the fraction below one unit.
contract RevenuePerUnitTest is Test {
    uint256 internal constant SCALE = 1e9;
    /// @dev Vaults bound income per unit so that perUnit * units stays below 2^127 (Income_TooMuch).
    uint256 internal constant BOUND = uint256(uint128(type(int128).max));

    /// @dev `n` incomes shaped by `seed`: tiny (1 wei) to large (1e24), carried from one to the next.
    function _accrueMany(
        uint256 seed,
        uint256 n,
        uint256 units
    ) internal pure returns (uint256 p, uint256 r, uint256 total) {
        for (uint256 i; i < n; ++i) {
            uint256 x = uint256(keccak256(abi.encode(seed, i)));
            uint256 amount = 1 + (x % 10 ** ((x >> 128) % 25));
            (p, r) = RevenuePerUnit.accrue(p, r, amount, units);
            total += amount;
        }
    }

    function testFuzz_accrue_conservesScaledIncome(
        uint256 perUnit,
        uint256 remainder,
        uint256 amount,
        uint256 units
    ) public pure {
        units = bound(units, 1, 1e9);
        remainder = bound(remainder, 0, units - 1);
        amount = bound(amount, 0, 1e29);
        perUnit = bound(perUnit, 0, BOUND / units);
        (uint256 p, uint256 r) = RevenuePerUnit.accrue(perUnit, remainder, amount, units);
        assertEq(p * units + r, perUnit * units + remainder + amount * SCALE, "accumulator * units + remainder");
        assertLe(r + 1, units, "the remainder stays below the units");
        assertGe(p, perUnit, "the accumulator never decreases");
    }

    /// @notice Over any sequence the accumulator is exactly floor(total * SCALE / units), the remainder its
    ///         rest: carrying the remainder loses nothing.
    function testFuzz_accrue_sequenceLosesNothing(uint256 seed, uint256 n, uint256 units) public pure {
        units = bound(units, 1, 1e9);
        n = bound(n, 1, 20);
        (uint256 p, uint256 r, uint256 total) = _accrueMany(seed, n, units);
        assertEq(p, (total * SCALE) / units, "accumulator == floor(total * SCALE / units)");
        assertEq(r, (total * SCALE) % units, "remainder == the rest");
    }

    /// @notice Accounts splitting `units` (a holder with `held`, the others the rest) earn the floor of
    ///         their exact share, less at most one unit, and never more than came in together.
    function testFuzz_earned_isFloorOfExactShare(uint256 seed, uint256 n, uint256 units, uint256 held) public pure {
        units = bound(units, 1, 1e9);
        held = bound(held, 0, units);
        n = bound(n, 1, 20);
        (uint256 p, , uint256 total) = _accrueMany(seed, n, units);
        uint256 mine = RevenuePerUnit.earned(p, held, 0);
        uint256 theirs = RevenuePerUnit.earned(p, units - held, 0);
        uint256 exactMine = (total * held) / units; // floor of the exact share
        uint256 exactTheirs = (total * (units - held)) / units;
        assertLe(mine, exactMine, "never above the exact share");
        assertLe(exactMine, mine + 1, "at most one unit below it");
        assertLe(exactTheirs, theirs + 1, "the others: at most one unit below");
        assertLe(mine + theirs, total, "rounding never creates value");
        assertLe(total, mine + theirs + 2, "at most one unit of dust per account");
    }

    /// @notice Moving `moved` units from A (holding `held` since the start) to a newcomer B after income
    ///         keeps both earnings, exactly; the next income gives B at most its exact share of it plus its
    ///         part of the remainder carried from before, at least that share less one unit; and all
    ///         accounts together (A, B, and C holding the rest) never earn more than came in.
    function testFuzz_arriving_keepsEarningsAcrossMoves(
        uint256 seed,
        uint256 units,
        uint256 held,
        uint256 moved,
        uint256 amount
    ) public pure {
        units = bound(units, 1, 1e9);
        held = bound(held, 1, units);
        moved = bound(moved, 1, held);
        amount = bound(amount, 1, 1e24);
        (uint256 p, uint256 r, uint256 total) = _accrueMany(seed, bound(seed, 1, 8), units);

        int256 a;
        int256 b;
        uint256 earnedA = RevenuePerUnit.earned(p, held, a);
        int256 delta = RevenuePerUnit.arriving(p, moved);
        a -= delta;
        b += delta;
        assertEq(RevenuePerUnit.earned(p, held - moved, a), earnedA, "the sender keeps what it earned");
        assertEq(RevenuePerUnit.earned(p, moved, b), 0, "the newcomer gains nothing from the past");

        (uint256 p2, ) = RevenuePerUnit.accrue(p, r, amount, units);
        uint256 gainB = RevenuePerUnit.earned(p2, moved, b);
        // gainB = floor((p2 - p) * moved / SCALE), where (p2 - p) * units = amount * SCALE + r - r2.
        assertLe(gainB * SCALE * units, (amount * SCALE + r) * moved, "B: its share of the new + the carried");
        assertLe((amount * moved) / units, gainB + 1, "B: at most one unit below its share of the new");
        uint256 all = RevenuePerUnit.earned(p2, held - moved, a) + gainB + RevenuePerUnit.earned(p2, units - held, 0);
        assertLe(all, total + amount, "together never more than came in");
        assertLe(total + amount, all + 3, "at most one unit of dust per account");
    }

    /// @notice Paying what an account earned leaves nothing to pay, and its fraction of a unit stays.
    function testFuzz_paying_leavesOnlyTheFraction(uint256 seed, uint256 units, uint256 held) public pure {
        units = bound(units, 1, 1e9);
        held = bound(held, 1, units);
        (uint256 p, , ) = _accrueMany(seed, bound(seed, 1, 8), units);
        int256 c; // held from the start
        uint256 e = RevenuePerUnit.earned(p, held, c);
        c += RevenuePerUnit.paying(e);
        assertEq(RevenuePerUnit.earned(p, held, c), 0, "nothing left to pay");
        assertEq(uint256(int256(p * held) + c), (p * held) % SCALE, "the fraction below one unit stays");
    }

    /// @notice The carried remainder is paid to whoever holds units at the next income: a holder that
    ///         arrived just before it can receive up to one unit above its exact share of what arrived while
    ///         it held (taken from the holders before it, never created). Here: 999,999,999 units, an income
    ///         of 999,999,998 leaves a remainder of 999,999,998 (scaled), half the units move to B, then 1
    ///         wei arrives: B's exact share is 0.5 wei, it earns 1 wei; A earns 0.5 wei less than its share.
    function test_earned_carriedRemainderGoesToTheNextHolders() public pure {
        uint256 units = 999_999_999;
        (uint256 p, uint256 r) = RevenuePerUnit.accrue(0, 0, 999_999_998, units);
        assertEq(r, 999_999_998, "a remainder of almost one unit per 1e9 units is carried");
        int256 b = RevenuePerUnit.arriving(p, 5e8);
        int256 a = -b;
        (uint256 p2, uint256 r2) = RevenuePerUnit.accrue(p, r, 1, units);
        assertEq(r2, 0, "the carried remainder was spread by the next income");
        uint256 earnedB = RevenuePerUnit.earned(p2, 5e8, b);
        uint256 earnedA = RevenuePerUnit.earned(p2, units - 5e8, a);
        assertEq(earnedB, 1, "B earns 1 wei while its exact share of the 1 wei that arrived is 0.5 wei");
        assertEq(earnedA + earnedB, 999_999_999, "together exactly what came in: nothing created");
    }
}
