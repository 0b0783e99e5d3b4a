// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";

/// @title F-04: pending income went to whoever held units when it was collected
/// @notice Regression tests (Seaport `test/findings/` style), named `test_F04_*` (`--grep F04`).
/// Bug: income that had reached a vault (a split distribution credited in its Ledger balance, or USDC pushed
///      to its address by anyone's `Ledger.withdraw`) was only shared when someone called `collect`, among
///      the units held THEN. Share transfers, offering buys and pool joins moved units without collecting
///      first, so an account that bought (or flash-borrowed) shares, or joined a pool, and then called
///      `collect` took a part of income that arrived before it held anything; selling or leaving afterwards
///      kept it. README promised that "a buyer or newcomer earns only what arrives after".
/// Fix: every unit move (transfer, buy, join, leave) first takes in what is pending (the vault's Ledger
///      balance of ETH and of its currency, and currency at its address beyond what it accounts), so it is
///      shared by the holders at the time it arrived.
contract F04FlashHolderTakesPendingIncomeTest is RevenueFixture {
    uint256 internal constant PENDING = 10 ether;
    uint256 internal constant PENDING_USDC = 10_000e6;

    address internal attacker;
    address internal payer;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        attacker = makeAddr("attacker");
        payer = makeAddr("payer");
    }

    /// @dev A split distribution credited `vault` in the Ledger (ETH and USDC), not yet collected.
    function _pendingInLedger(address vault) internal {
        vm.deal(payer, PENDING);
        vm.prank(payer);
        ledger.deposit{value: PENDING}(vault, ETH, PENDING, "split");
        usdc.mint(payer, PENDING_USDC);
        vm.startPrank(payer);
        usdc.approve(address(ledger), PENDING_USDC);
        ledger.deposit(vault, address(usdc), PENDING_USDC, "split");
        vm.stopPrank();
    }

    /// @dev `who` collects `token` on `vault`: it takes in what waits, or finds nothing (the move before it
    ///      already took it in: Income_ZeroAmount, the only refusal allowed).
    function _collect(address who, address vault, address token) internal {
        vm.prank(who);
        try IIncomeVault(vault).collect(token) {} catch (bytes memory reason) {
            assertEq(bytes4(reason), IIncomeVault.Income_ZeroAmount.selector, "collect refused: nothing waits");
        }
    }

    function _assertAttackerGotNothing(address vault) internal view {
        RoyaltyShares v = RoyaltyShares(payable(vault));
        assertEq(v.claimable(attacker, ETH), 0, "the attacker's ETH from income that arrived before it");
        assertEq(v.claimable(attacker, address(usdc)), 0, "the attacker's USDC from income that arrived before it");
    }

    /// @notice A holder lends (or sells) half the supply; the borrower collects, then gives it back.
    function test_F04_shares_flashHolderCollectsPendingLedgerIncome_getsNothing() public {
        RoyaltyShares shares = newShares(1000, noOffering());
        _pendingInLedger(address(shares));

        vm.prank(artist);
        shares.transfer(attacker, 500);
        _collect(attacker, address(shares), ETH);
        _collect(attacker, address(shares), address(usdc));
        vm.prank(attacker);
        shares.transfer(artist, 500);

        _assertAttackerGotNothing(address(shares));
        assertEq(shares.claimable(artist, ETH), PENDING, "the holder when it arrived gets all of it");
        assertEq(shares.claimable(artist, address(usdc)), PENDING_USDC, "all of the USDC too");
    }

    /// @notice USDC pushed to the vault's address by anyone's `Ledger.withdraw` waits there unaccounted.
    function test_F04_shares_usdcPushedToTheVault_goesToTheHoldersThen() public {
        RoyaltyShares shares = newShares(1000, noOffering());
        _pendingInLedger(address(shares));
        vm.prank(attacker);
        ledger.withdraw(address(shares), address(usdc));

        vm.prank(artist);
        shares.transfer(attacker, 999);
        _collect(attacker, address(shares), address(usdc));

        assertEq(shares.claimable(attacker, address(usdc)), 0, "the buyer's USDC from before");
        assertEq(shares.claimable(artist, address(usdc)), PENDING_USDC, "the seller's USDC");
    }

    /// @notice A pool member's Ledger credit is pending; a newcomer joins, collects and leaves.
    function test_F04_pools_joinCollectLeave_getsNothing() public {
        RevenuePool pool = newPool(IRevenuePool.Rule.Weights, IRevenuePool.JoinPolicy.Admin, 0, 1);
        _pendingInLedger(address(pool));

        vm.prank(attacker);
        uint256 id = pool.requestJoin(1000, "");
        vm.prank(artist);
        pool.decideJoin(id, true);
        _collect(attacker, address(pool), ETH);
        _collect(attacker, address(pool), address(usdc));
        vm.prank(attacker);
        pool.leave();

        _assertAttackerGotNothing(address(pool));
        assertEq(pool.claimable(artist, ETH), PENDING, "the member when it arrived gets all of it");
        assertEq(pool.claimable(artist, address(usdc)), PENDING_USDC, "all of the USDC too");
    }

    /// @notice Under the vote policy the passing vote admits the newcomer: same sequence, same result.
    function test_F04_pools_joinByVote_getsNothingFromBefore() public {
        RevenuePool pool = newPool(IRevenuePool.Rule.Equal, IRevenuePool.JoinPolicy.Vote, 0, 1);
        vm.prank(attacker);
        uint256 id = pool.requestJoin(1, "");
        _pendingInLedger(address(pool));
        vm.prank(artist);
        pool.vote(id, true);
        _collect(attacker, address(pool), ETH);

        assertEq(pool.claimable(attacker, ETH), 0, "the newcomer's ETH from before it joined");
        assertEq(pool.claimable(artist, ETH), PENDING, "the member's");
    }

    /// @notice A member leaving takes its part of what was pending when it left (the mirror of a join).
    function test_F04_pools_leaverKeepsItsPartOfPendingIncome() public {
        RevenuePool pool = newPool(IRevenuePool.Rule.Equal, IRevenuePool.JoinPolicy.Admin, 0, 1);
        address member = makeAddr("member");
        vm.prank(member);
        uint256 id = pool.requestJoin(1, "");
        vm.prank(artist);
        pool.decideJoin(id, true);
        _pendingInLedger(address(pool));
        vm.prank(member);
        pool.leave();
        _collect(member, address(pool), ETH);

        assertEq(pool.claimable(member, ETH), PENDING / 2, "the leaver's half");
        assertEq(pool.claimable(artist, ETH), PENDING / 2, "the member's half");
    }

    /// @notice An offering buyer right after a split credited the vault: the buy takes that income in first.
    function test_F04_shares_offeringBuyerCollects_getsNothingFromBefore() public {
        RoyaltyShares shares = newShares(
            1000,
            IRoyaltyShares.Offering({currency: ETH, price: 1e15, amount: 600, walletCap: 0, start: 0, end: 0})
        );
        _pendingInLedger(address(shares));
        vm.deal(attacker, 600e15);
        vm.prank(attacker);
        shares.buy{value: 600e15}(600, address(0), 1e15);
        _collect(attacker, address(shares), ETH);
        _collect(attacker, address(shares), address(usdc));

        _assertAttackerGotNothing(address(shares));
        assertEq(shares.claimable(artist, ETH), PENDING, "the artist held every share when it arrived");
    }
}
