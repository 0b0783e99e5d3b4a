// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {SharesHandler} from "./SharesHandler.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";

/// @title SharesInvariantTest
/// @notice Invariants of royalty shares under random sequences of income (some of it waiting in the vault's
///         Ledger balance or at its address while shares move), a stranger's collect, flash holds, transfers
///         (direct and by an approved spender), offering buys, the offering ending, time and claims
///         ({SharesHandler}, which also records every transfer and buy that changed somebody's claimable
///         when nothing waited, or lowered it when something did), on two vaults: 1,000 shares
///         with an ETH offering (cap per wallet, a window), and the largest supply (1e9) without offering:
///         - what holders can claim never exceeds what the vault holds, per currency;
///         - income taken in == claims + claimable, up to one unit of dust per holder, and the vault holds
///           exactly income - claims (at its address and in its Ledger balance);
///         - a transfer never changes what was earned in total, and every holder's claimed + claimable stays
///           within its exact share (rounding never creates value);
///         - no account has earned more than the income that arrived while it held shares (F-04).
contract SharesInvariantTest is RevenueFixture {
    SharesHandler[2] internal handlers;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        RoyaltyShares offered = newShares(
            1000,
            IRoyaltyShares.Offering({
                currency: ETH,
                price: 1e15,
                amount: 400,
                walletCap: 150,
                start: 0,
                end: uint32(block.timestamp + 20 days)
            })
        );
        handlers[0] = new SharesHandler(offered, ledger, usdc);
        handlers[1] = new SharesHandler(newShares(1e9, noOffering()), ledger, usdc);
        for (uint256 k; k < 2; ++k) {
            bytes4[] memory selectors = new bytes4[](14);
            selectors[0] = SharesHandler.incomeEth.selector;
            selectors[1] = SharesHandler.incomeUsdc.selector;
            selectors[2] = SharesHandler.transfer.selector;
            selectors[3] = SharesHandler.transferReserved.selector;
            selectors[4] = SharesHandler.buy.selector;
            selectors[5] = SharesHandler.endOffering.selector;
            selectors[6] = SharesHandler.warp.selector;
            selectors[7] = SharesHandler.claim.selector;
            selectors[8] = SharesHandler.claimAll.selector;
            selectors[9] = SharesHandler.transfer.selector; // transfers weigh double
            selectors[10] = SharesHandler.incomeWaits.selector;
            selectors[11] = SharesHandler.pushWaiting.selector;
            selectors[12] = SharesHandler.collect.selector;
            selectors[13] = SharesHandler.flashHold.selector;
            targetContract(address(handlers[k]));
            targetSelector(FuzzSelector({addr: address(handlers[k]), selectors: selectors}));
        }
    }

    /// @notice The handler's actions really happen (none silently returns early on this path).
    function test_handler_everyActionHappens() public {
        SharesHandler h = handlers[0];
        h.incomeEth(0, 3e18);
        h.buy(0, 120);
        h.transferReserved(1, 5);
        h.incomeEth(1, 1e18 + 7);
        h.incomeUsdc(0, 1_000_003);
        h.transfer(1, 2, 50, false);
        h.transfer(2, 3, 20, true);
        h.transfer(0, 3, 100, false);
        h.transfer(3, 3, 7, false); // to itself
        h.incomeEth(2, 5e17);
        h.incomeUsdc(1, 77);
        h.incomeWaits(false, 4e18);
        h.incomeWaits(true, 5_000_001);
        h.pushWaiting(true); // USDC at the address, unaccounted
        h.flashHold(3, 1, 40); // fan 3 lends to fan 1 while income waits
        h.incomeWaits(false, 1e18 + 3);
        h.collect(false);
        h.collect(false); // nothing waits: Income_ZeroAmount
        h.incomeWaits(true, 999);
        h.incomeWaits(false, 2e18);
        h.pushWaiting(false); // ETH pushed: taken in through receive()
        h.transfer(1, 2, 3, false); // USDC waiting: taken in first
        h.claim(1, false, false);
        h.claim(1, false, false); // nothing left: Income_NothingToClaim
        h.claim(2, true, true);
        h.claimAll(3);
        h.claimAll(0);
        h.endOffering();
        h.endOffering(); // ended: Shares_OfferingClosed
        h.warp(30 days);
        h.checkModel();
        h.checkArrivedWhileHeld();
        assertEq(h.calls("income"), 10, "incomes");
        assertEq(h.calls("waits"), 5, "incomes that waited");
        assertEq(h.calls("push"), 2, "pushed by a stranger");
        assertEq(h.calls("collect"), 1, "collected by a stranger");
        assertEq(h.calls("flashHold"), 1, "flash holds");
        assertEq(h.calls("buy"), 1, "buys");
        assertEq(h.calls("reserved"), 1, "reserved shares refused");
        assertEq(h.calls("transfer"), 5, "transfers");
        assertEq(h.calls("claim"), 1, "claims");
        assertEq(h.calls("claimTo"), 1, "claims to another wallet");
        assertEq(h.calls("claimAll"), 2, "claimAlls");
        assertEq(h.calls("endOffering"), 2, "the offering ended (then refused)");
        assertEq(h.ghostTransfers(), 6, "transfers and buys checked");
        assertEq(h.ghostMoved(), 0, "none changed what was earned");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_claimableNeverExceedsHoldings() public view {
        for (uint256 k; k < 2; ++k) {
            SharesHandler h = handlers[k];
            uint256[4][2] memory c = h.claimables();
            for (uint256 t; t < 2; ++t) {
                uint256 sum;
                for (uint256 i; i < 4; ++i) sum += c[t][i];
                assertLe(sum, h.heldHere(t), "claimable <= what the vault holds at its address");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_incomeEqualsClaimsPlusClaimable() public view {
        for (uint256 k; k < 2; ++k) {
            SharesHandler h = handlers[k];
            for (uint256 t; t < 2; ++t) {
                uint256 claims;
                uint256 all;
                for (uint256 i; i < 4; ++i) {
                    claims += h.claimed(t, i);
                    all += h.earned(t, i);
                }
                assertLe(all, h.income(t), "rounding never creates value");
                // Income still waiting (Ledger balance, or USDC at the address) is nobody's claimable yet.
                assertLe(h.income(t) - h.waiting(t), all + 4, "at most one unit of dust per holder");
                assertEq(h.held(t), h.income(t) - claims, "held == income - claims");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_transfersKeepEarningsAndHoldersTheirShare() public view {
        for (uint256 k; k < 2; ++k) {
            assertEq(handlers[k].ghostMoved(), 0, "no transfer changed what was earned in total");
            handlers[k].checkModel();
        }
    }

    /// @notice F-04: nobody earns income that arrived before it held shares (a buyer, a borrower).
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_noAccountEarnsIncomeFromBeforeItHeld() public view {
        for (uint256 k; k < 2; ++k) handlers[k].checkArrivedWhileHeld();
    }
}
