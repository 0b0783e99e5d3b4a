// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {ISplits} from "../../contracts/splits/ISplits.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";
import {RevertingReceiver} from "../../contracts/mocks/RevertingReceiver.sol";
import {ReentrantReceiver} from "../../contracts/mocks/ReentrantReceiver.sol";

/// @title HostileRecipientsTest
/// @notice A reverting recipient and a re-entrant recipient (re-enters Ledger.withdraw, withdrawTo or the
///         Ledger's distribute when it receives ETH) can neither block the others nor take more than their share.
contract HostileRecipientsTest is Fixture {
    address internal constant ETH = address(0);
    address internal alice;
    address internal bob;
    RevertingReceiver internal reverting;
    ReentrantReceiver internal reentrant;
    ISplits.SplitConfig internal config;
    address internal split;

    function setUp() public {
        deployCore();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        reverting = new RevertingReceiver();
        reentrant = new ReentrantReceiver(ILedger(address(ledger)), splits);

        address[4] memory r = [alice, bob, address(reverting), address(reentrant)];
        // sort the four recipients
        for (uint256 i = 1; i < 4; ++i) {
            for (uint256 j = i; j > 0 && r[j - 1] > r[j]; --j) (r[j - 1], r[j]) = (r[j], r[j - 1]);
        }
        address[] memory recipients = new address[](4);
        uint32[] memory allocations = new uint32[](4);
        for (uint256 i; i < 4; ++i) {
            recipients[i] = r[i];
            allocations[i] = 250_000;
        }
        config = simpleConfig(recipients, allocations, 0);
        split = splits.createSplit(config, address(0), 0);
        reentrant.setSplit(split, config);
    }

    function _fundSplit(uint256 amount, bool direct) internal {
        vm.deal(address(this), amount);
        if (direct) {
            (bool ok, ) = split.call{value: amount}("");
            assertTrue(ok, "direct send");
        } else {
            ledger.deposit{value: amount}(split, ETH, amount, "deposit");
        }
    }

    function _quarter(uint256 amount) internal pure returns (uint256) {
        return (amount * 250_000) / 1_000_000;
    }

    /// @notice A recipient that rejects ETH does not stop the distribution nor the others' withdrawals;
    ///         its own withdrawal fails and keeps its balance, which it can still move elsewhere.
    function testFuzz_revertingRecipient_blocksNobody(uint256 amount, bool direct) public {
        amount = bound(amount, 4, 1e30);
        _fundSplit(amount, direct);
        splits.distribute(split, ETH, config, alice);
        uint256 q = _quarter(amount);
        assertEq(ledger.balanceOf(address(reverting), ETH), q, "reverting recipient credited its share");

        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_EthTransferFailed.selector, address(reverting), q));
        ledger.withdraw(address(reverting), ETH);
        assertEq(ledger.balanceOf(address(reverting), ETH), q, "balance kept after the failed push");

        ledger.withdraw(alice, ETH);
        ledger.withdraw(bob, ETH);
        assertEq(alice.balance, q, "alice paid");
        assertEq(bob.balance, q, "bob paid");

        address rescue = makeAddr("rescue");
        vm.prank(address(reverting));
        ledger.withdrawTo(ETH, rescue, q);
        assertEq(rescue.balance, q, "the reverting owner can route its balance elsewhere");
        assertEq(ledger.balanceOf(address(reverting), ETH), 0, "and only once");
    }

    /// @notice Re-entering Ledger.withdraw / withdrawTo from the receive hook fails (reentrancy guard). When
    ///         the receiver bubbles the failure up, its withdrawal reverts and its balance is kept; when it
    ///         swallows it, it gets exactly its balance once. Either way the others are untouched.
    function testFuzz_reentrantRecipient_cannotWithdrawTwice(uint256 amount, bool swallow, bool viaWithdrawTo) public {
        amount = bound(amount, 4, 1e30);
        _fundSplit(amount, false);
        splits.distribute(split, ETH, config, alice);
        uint256 q = _quarter(amount);
        // Give it a second balance worth stealing: a tip it could try to pull twice.
        vm.deal(bob, q);
        vm.prank(bob);
        ledger.deposit{value: q}(address(reentrant), ETH, q, "tip");
        uint256 owed = 2 * q;
        assertEq(ledger.balanceOf(address(reentrant), ETH), owed, "owed");

        reentrant.setAttack(
            viaWithdrawTo ? ReentrantReceiver.Attack.WithdrawTo : ReentrantReceiver.Attack.Withdraw,
            swallow
        );
        if (swallow) {
            uint256 got = reentrant.withdrawOwn(ETH);
            assertEq(got, owed, "withdrawn once");
            assertEq(reentrant.received(), owed, "received exactly what it was owed");
            assertEq(reentrant.reentrySucceeded(), 0, "the nested withdrawal failed");
            assertEq(ledger.balanceOf(address(reentrant), ETH), 0, "balance cleared");
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(ILedger.Ledger_EthTransferFailed.selector, address(reentrant), owed)
            );
            reentrant.withdrawOwn(ETH);
            assertEq(ledger.balanceOf(address(reentrant), ETH), owed, "balance kept");
            assertEq(address(reentrant).balance, 0, "nothing received");
        }
        // Everyone else still gets paid, and the Ledger still holds exactly what it owes.
        ledger.withdraw(alice, ETH);
        assertEq(alice.balance, q, "alice paid");
        uint256 owedTotal =
            ledger.balanceOf(bob, ETH) +
                ledger.balanceOf(address(reverting), ETH) +
                ledger.balanceOf(address(reentrant), ETH) +
                ledger.balanceOf(split, ETH);
        assertEq(address(ledger).balance, owedTotal, "Ledger holds exactly the sum of balances");
    }

    /// @notice Re-entering distribute (on the Ledger, inside its own withdraw) from the receive hook: while
    ///         funds wait in the split's wallet, the nested sweep's deposit hits the Ledger's guard and fails;
    ///         with funds only in the Ledger, the nested distribution succeeds but pays everyone their exact
    ///         share. Either way, nobody gets more.
    function testFuzz_reentrantRecipient_distributeAgain_takesNoMoreThanShare(
        uint256 first,
        uint256 second,
        bool secondDirect
    ) public {
        first = bound(first, 4, 1e30);
        second = bound(second, 4, 1e30);
        _fundSplit(first, false);
        splits.distribute(split, ETH, config, alice);
        _fundSplit(second, secondDirect); // waits in the split while the receiver withdraws
        uint256 dust = ledger.balanceOf(split, ETH);
        if (!secondDirect) dust = 0; // already part of the Ledger balance
        uint256 secondTotal = secondDirect ? second : ledger.balanceOf(split, ETH);

        reentrant.setAttack(ReentrantReceiver.Attack.Distribute, true);
        uint256 got = reentrant.withdrawOwn(ETH);
        assertEq(got, _quarter(first), "withdrew its first share only");
        assertEq(reentrant.attempts(), 1, "it did try");
        if (secondDirect) {
            assertEq(reentrant.reentrySucceeded(), 0, "nested sweep blocked by the Ledger's guard");
            assertEq(split.balance, second, "the direct send still waits in the split");
        } else {
            assertEq(reentrant.reentrySucceeded(), 1, "nested distribution of Ledger funds went through");
        }
        // Finish: distribute whatever is left and check that every recipient got exactly its share.
        splits.distribute(split, ETH, config, alice);
        uint256 reentrantTotal = reentrant.received() + ledger.balanceOf(address(reentrant), ETH);
        uint256 aliceTotal = ledger.balanceOf(alice, ETH);
        uint256 bobTotal = ledger.balanceOf(bob, ETH);
        assertEq(reentrantTotal, bobTotal, "re-entrant recipient got the same as an honest one");
        assertEq(aliceTotal, bobTotal, "alice == bob (equal allocations, no reward)");
        assertLe(reentrantTotal, (first + secondTotal + dust) / 4, "never more than a quarter of all");
        uint256 owedTotal =
            aliceTotal +
                bobTotal +
                ledger.balanceOf(address(reverting), ETH) +
                ledger.balanceOf(address(reentrant), ETH) +
                ledger.balanceOf(split, ETH);
        assertEq(address(ledger).balance, owedTotal, "Ledger holds exactly the sum of balances");
    }
}
