// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "../utils/Fixture.sol";
import {MoneyHandler} from "./MoneyHandler.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {NoReturnToken} from "../../../contracts/mocks/NoReturnToken.sol";

/// @title MoneyInvariantTest
/// @notice Invariants of the money core under random sequences of every money movement (see
///         {MoneyHandler}), for ETH and for an 18-decimal, a 6-decimal and a no-return-value token:
///         - the Ledger holds exactly the sum of all balances;
///         - money in (deposits + payments + direct sends) == balances + withdrawn + still held by split wallets
///           (payments through Ledger.pay, with and without an affiliate, by the payer or an operator);
///         - no split ever over-pays (each distribution is checked exactly inside the handler, and what an
///           advance recouped never exceeds the amount configured for it; changing the advancer or the
///           advance token starts a new advance from zero);
///         - a nested (re-entrant) withdrawal never succeeds;
///         - an owner's move of its own credit to another (giveOwnCreditTo) leaves every sum as it was.
contract MoneyInvariantTest is Fixture {
    MoneyHandler internal handler;
    address[4] internal tokens;

    function setUp() public {
        deployCore();
        tokens = [
            address(0),
            address(new TestToken("Eighteen", "T18", 18)),
            address(new TestToken("USD Coin", "USDC", 6)),
            address(new NoReturnToken())
        ];
        handler = new MoneyHandler(ledger, router, splits, registry, admin, treasury, tokens);
        address operator = handler.OPERATOR();
        // Operators are contracts (issue 14, F-02): the handler pranks as this key, give its address code.
        vm.etch(operator, hex"00");
        vm.prank(admin);
        router.setInitialOperator(operator, 1);

        bytes4[] memory selectors = new bytes4[](16);
        selectors[0] = MoneyHandler.deposit.selector;
        selectors[1] = MoneyHandler.pay.selector;
        selectors[2] = MoneyHandler.sendToSplit.selector;
        selectors[3] = MoneyHandler.createSplit.selector;
        selectors[4] = MoneyHandler.updateSplit.selector;
        selectors[5] = MoneyHandler.distribute.selector;
        selectors[6] = MoneyHandler.withdraw.selector;
        selectors[7] = MoneyHandler.withdrawTo.selector;
        selectors[8] = MoneyHandler.setFee.selector;
        selectors[9] = MoneyHandler.setReentrantAttack.selector;
        selectors[10] = MoneyHandler.distribute.selector; // distributions weigh double
        selectors[11] = MoneyHandler.pay.selector; // and payments
        selectors[12] = MoneyHandler.setAffiliateShare.selector;
        selectors[13] = MoneyHandler.depositTaxed.selector;
        selectors[14] = MoneyHandler.depositWrongValue.selector;
        selectors[15] = MoneyHandler.giveOwnCreditTo.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @notice The handler's actions really move money (none of them silently returns early on this path).
    function test_handler_everyActionMovesMoney() public {
        uint256 byOperator = 1 << 128;
        for (uint256 t; t < 4; ++t) {
            handler.deposit(1, 2, t, 1e18 + t);
            handler.pay(2, 1, t, t, 0, 3e18); // artist-one, paid into split0, referred, no affiliate
            handler.pay(3, 2, 1, t, 1 + 4 * 4, 5e18); // artist-two, paid into split1, referred, affiliate owners[4]
            // artist-zero, affiliate owners[(2^126 + 5) % 12] = owners[9] = artist-zero itself (its own payout);
            // an operator pays for the ERC-20s.
            handler.pay(0, 0, 2, t, byOperator + 21, 2e18);
            handler.sendToSplit(0, t, t, 7e17);
        }
        assertEq(handler.owners(9), handler.artists(0), "owner 9 is artist-zero");
        assertEq(handler.calls("pay"), 12, "every payment went through");
        assertEq(handler.calls("payWithAffiliate"), 8, "with an affiliate");
        assertEq(handler.calls("payByOperator"), 3, "by an operator (ERC-20s)");
        handler.setAffiliateShare(5_000);
        handler.pay(1, 1, 0, 1, 1 + 4 * 6, 1e18); // the affiliate is the re-entrant receiver (owners[6])
        assertEq(ledger.rates().affiliateBps, 5_000, "the affiliate share reached the Ledger");
        assertGe(ledger.balanceOf(handler.owners(6), tokens[1]), 1, "the affiliate was credited");
        assertEq(handler.owners(5), address(handler.REVERTING()), "owner 5 is the reverting receiver");
        handler.deposit(0, 5, 0, 1e18); // ETH for the reverting receiver
        handler.createSplit(77, 1);
        handler.setFee(0, 2_000);
        for (uint256 s; s < handler.splitsLength(); ++s) {
            for (uint256 t; t < 4; ++t) handler.distribute(s, t, 1 + s);
        }
        assertEq(handler.calls("distribute"), 4 * handler.splitsLength(), "every distribution checked");
        // split1 (with a controller) has recouped part of its ETH advance; dropping the advance resets it.
        address split1 = handler.splitList(1);
        assertGe(splits.splitState(split1).recouped, 1, "split1 recouped some of its advance");
        handler.updateSplit(1, 99);
        assertEq(handler.calls("updateSplit"), 1, "split1 updated");
        assertEq(splits.splitState(split1).recouped, 0, "a new advance (here: none) starts from zero");
        handler.distribute(1, 0, 1);
        for (uint256 o; o < handler.ownersLength(); ++o) {
            for (uint256 t; t < 4; ++t) handler.withdraw(0, o, t);
        }
        assertGe(handler.calls("withdraw"), 4, "withdrawals happened");
        assertGe(handler.calls("withdrawFailed"), 1, "the reverting receiver's ETH withdrawal failed");
        handler.deposit(0, 1, 0, 1e18); // owners[1] == actors[1]
        handler.withdrawTo(1, 0, 4, 5e17);
        assertEq(handler.calls("withdrawTo"), 1, "withdrawTo happened");
        handler.depositTaxed(0, 2, 1e18); // 1% burnt on the way: 0.99e18 credited
        assertEq(handler.ghostIn(address(handler.TAXED())), 99e16, "a taxed deposit credits what arrived");
        handler.depositWrongValue(0, 1, 1e18, 2); // 2 wei short
        handler.depositWrongValue(0, 1, 1e18, 3); // 3 wei over
        assertEq(handler.calls("depositWrongValue"), 2, "deposits with the wrong value were tried");
        invariant_taxedDepositsCreditWhatArrived();
        for (uint256 t; t < 4; ++t) {
            assertGe(handler.ghostIn(t == 0 ? address(0) : tokens[t]), 1, "money in");
            assertGe(handler.ghostOut(t == 0 ? address(0) : tokens[t]), 1, "money out");
        }
        invariant_ledgerHoldsSumOfBalances();
        invariant_moneyInEqualsBalancesPlusWithdrawnPlusUnswept();
        invariant_noSplitOverpaysItsAdvance();
    }

    function _ledgerHolds(address token) internal view returns (uint256) {
        return token == address(0) ? address(ledger).balance : TestToken(token).balanceOf(address(ledger));
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_operatorPullNeverExceedsThePayment() public view {
        // An operator's pull never takes more from a payer than the payment it names (issue 14, F-02).
        assertEq(handler.calls("overPull"), 0, "a payer lost more than its payment");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ledgerHoldsSumOfBalances() public view {
        for (uint256 t; t < 4; ++t) {
            address token = tokens[t];
            assertEq(_ledgerHolds(token), handler.sumOfBalances(token), "Ledger holds exactly the sum of balances");
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_moneyInEqualsBalancesPlusWithdrawnPlusUnswept() public view {
        for (uint256 t; t < 4; ++t) {
            address token = tokens[t];
            assertEq(
                handler.ghostIn(token),
                handler.sumOfBalances(token) + handler.ghostOut(token) + handler.heldBySplits(token),
                "money in == balances + withdrawn + held by split wallets"
            );
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_taxedDepositsCreditWhatArrived() public view {
        // Deposits of a fee-on-transfer token credit what arrived, not the amount named (issue 14 proofs).
        address taxed = address(handler.TAXED());
        uint256 held = TestToken(taxed).balanceOf(address(ledger));
        assertEq(held, handler.sumOfBalances(taxed), "Ledger holds exactly the sum of taxed-token balances");
        assertEq(held, handler.ghostIn(taxed), "taxed-token money in == held");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_noSplitOverpaysItsAdvance() public view {
        uint256 n = handler.splitsLength();
        for (uint256 i; i < n; ++i) {
            address split = handler.splitList(i);
            uint256 recouped = splits.splitState(split).recouped;
            assertEq(recouped, handler.ghostAdvancePaid(split), "recouped == advance paid");
            assertLe(recouped, handler.ghostMaxAdvance(split), "advance paid <= advance configured");
        }
    }
}
