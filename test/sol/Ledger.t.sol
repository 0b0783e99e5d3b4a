// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";
import {Ledger} from "../../contracts/ledger/Ledger.sol";
import {SplitWallet} from "../../contracts/splits/SplitWallet.sol";
import {TestToken} from "../../contracts/mocks/TestToken.sol";
import {NoReturnToken} from "../../contracts/mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "../../contracts/mocks/FeeOnTransferToken.sol";

/// @title LedgerTest
/// @notice Deposits, withdrawals, credit moves ({ILedger-giveOwnCreditTo}) and their errors, for ETH and odd tokens.
contract LedgerTest is Fixture {
    address internal constant ETH = address(0);
    address internal alice;
    address internal bob;
    TestToken internal usdc;
    NoReturnToken internal noRet;
    FeeOnTransferToken internal fot;

    function setUp() public {
        deployCore();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        usdc = new TestToken("USD Coin", "USDC", 6);
        noRet = new NoReturnToken();
        fot = new FeeOnTransferToken();
    }

    function test_constructor_reverts_onZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAddress.selector));
        new Ledger(address(0), address(registry));
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAddress.selector));
        new Ledger(address(router), address(0));
    }

    /// @notice The Ledger hosts the splits: its constructor deploys the wallet implementation, bound to it.
    ///         It trusts the FeeRouter (rates, operators) and the registry (payees), nobody else.
    function test_constructor_wiresFeeRouterRegistryAndSplitWallet() public view {
        assertEq(ledger.FEE_ROUTER(), address(router), "FEE_ROUTER");
        assertEq(ledger.REGISTRY(), address(registry), "REGISTRY");
        address impl = ledger.WALLET_IMPLEMENTATION();
        assertTrue(impl.code.length != 0, "wallet implementation deployed");
        assertEq(address(SplitWallet(payable(impl)).LEDGER()), address(ledger), "the wallets answer to the Ledger");
    }

    function testFuzz_depositWithdraw_eth_roundTrip(uint256 a, uint256 b) public {
        a = bound(a, 1, 1e30);
        b = bound(b, 1, 1e30);
        vm.deal(alice, a + b);
        vm.startPrank(alice);
        assertEq(ledger.deposit{value: a}(bob, ETH, a, "tip"), a, "credited");
        ledger.deposit{value: b}(bob, ETH, b, "tip");
        vm.stopPrank();
        assertEq(ledger.balanceOf(bob, ETH), a + b, "balance");
        // anyone may push bob's balance to bob
        vm.prank(alice);
        assertEq(ledger.withdraw(bob, ETH), a + b, "withdrawn");
        assertEq(bob.balance, a + b, "bob received it");
        assertEq(ledger.balanceOf(bob, ETH), 0, "balance cleared");
        assertEq(address(ledger).balance, 0, "nothing left");
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
        ledger.withdraw(bob, ETH);
    }

    function testFuzz_withdrawTo_partial(uint256 amount, uint256 part, address to) public {
        vm.assume(to != address(0) && to.code.length == 0 && uint160(to) > 0x10000);
        vm.assume(to != address(ledger));
        amount = bound(amount, 1, 1e30);
        part = bound(part, 1, amount);
        usdc.mint(alice, amount);
        vm.startPrank(alice);
        usdc.approve(address(ledger), amount);
        ledger.deposit(alice, address(usdc), amount, "deposit");
        uint256 toBefore = usdc.balanceOf(to);
        ledger.withdrawTo(address(usdc), to, part);
        vm.stopPrank();
        assertEq(usdc.balanceOf(to) - toBefore, part, "to received part");
        assertEq(ledger.balanceOf(alice, address(usdc)), amount - part, "rest kept");
        assertEq(usdc.balanceOf(address(ledger)), amount - part, "ledger holds the rest");
    }

    function testFuzz_withdrawTo_reverts_whenInsufficient(uint256 balance, uint256 ask) public {
        balance = bound(balance, 0, 1e30);
        ask = bound(ask, balance + 1, type(uint256).max);
        if (balance != 0) {
            vm.deal(alice, balance);
            vm.prank(alice);
            ledger.deposit{value: balance}(alice, ETH, balance, "deposit");
        }
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_InsufficientBalance.selector, alice, ETH, balance, ask));
        ledger.withdrawTo(ETH, bob, ask);
    }

    // ---- giveOwnCreditTo: the caller's own credit moved to another account

    function _credit(address owner, uint256 amount) internal {
        usdc.mint(address(this), amount);
        usdc.approve(address(ledger), amount);
        ledger.deposit(owner, address(usdc), amount, "deposit");
    }

    /// @dev Moves exactly `part` from the caller to `to`; no token moves; the rest stays.
    function testFuzz_giveOwnCreditTo_movesTheCallersOwnCredit(uint256 amount, uint256 part, address to) public {
        vm.assume(to != address(0) && to != alice);
        amount = bound(amount, 1, 1e30);
        part = bound(part, 1, amount);
        _credit(alice, amount);
        uint256 toBefore = ledger.balanceOf(to, address(usdc));
        vm.expectEmit(address(ledger));
        emit ILedger.Transferred(alice, to, address(usdc), part, "reward");
        vm.prank(alice);
        ledger.giveOwnCreditTo(to, address(usdc), part, "reward");
        assertEq(ledger.balanceOf(alice, address(usdc)), amount - part, "debited");
        assertEq(ledger.balanceOf(to, address(usdc)), toBefore + part, "credited");
        assertEq(usdc.balanceOf(address(ledger)), amount, "no token moved");
    }

    /// @dev Only the caller's own balance: never more than it holds, never someone else's.
    function testFuzz_giveOwnCreditTo_reverts_whenInsufficient(uint256 balance, uint256 ask) public {
        balance = bound(balance, 0, 1e30);
        ask = bound(ask, balance + 1, type(uint256).max);
        _credit(bob, 1e30); // another account's credit is no help
        if (balance != 0) _credit(alice, balance);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ILedger.Ledger_InsufficientBalance.selector, alice, address(usdc), balance, ask)
        );
        ledger.giveOwnCreditTo(bob, address(usdc), ask, "x");
        assertEq(ledger.balanceOf(bob, address(usdc)), 1e30, "bob's credit untouched");
    }

    function test_giveOwnCreditTo_rejectsZeroes() public {
        _credit(alice, 10);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAddress.selector));
        ledger.giveOwnCreditTo(address(0), address(usdc), 1, "x");
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
        ledger.giveOwnCreditTo(bob, address(usdc), 0, "x");
        vm.stopPrank();
        assertEq(ledger.balanceOf(alice, address(usdc)), 10, "kept");
    }

    /// @dev To oneself: the balance is unchanged (the credit is read after the debit), and it must still cover
    ///      the amount.
    function testFuzz_giveOwnCreditTo_toSelf_changesNothing(uint256 amount, uint256 part) public {
        amount = bound(amount, 1, 1e30);
        part = bound(part, 1, amount);
        _credit(alice, amount);
        vm.prank(alice);
        ledger.giveOwnCreditTo(alice, address(usdc), part, "x");
        assertEq(ledger.balanceOf(alice, address(usdc)), amount, "unchanged");
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILedger.Ledger_InsufficientBalance.selector,
                alice,
                address(usdc),
                amount,
                amount + 1
            )
        );
        ledger.giveOwnCreditTo(alice, address(usdc), amount + 1, "x");
    }

    /// @dev The largest balance there can be (the whole supply of a token) moves whole, onto an account that
    ///      holds the rest of nothing; the credit is checked, so a sum above 2^256 - 1 (impossible: balances add
    ///      up to what the Ledger holds) would revert rather than wrap.
    function test_giveOwnCreditTo_wholeSupplyMovesWithoutOverflow() public {
        uint256 max = type(uint256).max;
        _credit(alice, max);
        vm.prank(alice);
        ledger.giveOwnCreditTo(bob, address(usdc), max, "x");
        assertEq(ledger.balanceOf(alice, address(usdc)), 0, "emptied");
        assertEq(ledger.balanceOf(bob, address(usdc)), max, "all of it");
        vm.prank(bob);
        ledger.giveOwnCreditTo(bob, address(usdc), max, "x");
        assertEq(ledger.balanceOf(bob, address(usdc)), max, "to oneself, at the top, unchanged");
    }

    /// @dev ETH credit moves the same way (token address(0)); a later withdrawal pays the new owner.
    function test_giveOwnCreditTo_eth_thenWithdraw() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        ledger.deposit{value: 1 ether}(alice, ETH, 1 ether, "deposit");
        vm.prank(alice);
        ledger.giveOwnCreditTo(bob, ETH, 0.4 ether, "gift");
        assertEq(ledger.withdraw(bob, ETH), 0.4 ether, "bob withdraws what moved");
        assertEq(bob.balance, 0.4 ether, "paid");
        assertEq(ledger.balanceOf(alice, ETH), 0.6 ether, "alice keeps the rest");
    }

    function test_deposit_and_withdrawTo_reject_zeroes() public {
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAddress.selector));
        ledger.deposit(address(0), ETH, 0, "x");
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
        ledger.deposit(alice, ETH, 0, "x");
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAddress.selector));
        ledger.withdrawTo(ETH, address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
        ledger.withdrawTo(ETH, alice, 0);
    }

    function testFuzz_deposit_reverts_whenValueMismatch(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, 1e30);
        value = bound(value, 0, 1e30);
        vm.assume(value != amount);
        vm.deal(alice, value);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ValueMismatch.selector, value, amount));
        ledger.deposit{value: value}(alice, ETH, amount, "x");
    }

    function testFuzz_deposit_reverts_whenEthSentWithToken(uint256 value) public {
        value = bound(value, 1, 1e30);
        vm.deal(alice, value);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ValueMismatch.selector, value, 0));
        ledger.deposit{value: value}(alice, address(usdc), 1, "x");
    }

    /// @notice A token without return values works end to end (SafeERC20).
    function testFuzz_noReturnToken_roundTrip(uint256 amount) public {
        amount = bound(amount, 1, 1e36);
        noRet.mint(alice, amount);
        vm.startPrank(alice);
        noRet.approve(address(ledger), amount);
        ledger.deposit(bob, address(noRet), amount, "deposit");
        vm.stopPrank();
        assertEq(ledger.balanceOf(bob, address(noRet)), amount, "credited");
        ledger.withdraw(bob, address(noRet));
        assertEq(noRet.balanceOf(bob), amount, "paid out");
        assertEq(noRet.balanceOf(address(ledger)), 0, "nothing left");
    }

    /// @notice A fee-on-transfer token credits what actually arrived, so the Ledger never owes more
    ///         than it holds.
    function testFuzz_feeOnTransfer_deposit_creditsReceived(uint256 amount) public {
        amount = bound(amount, 1, 1e36);
        fot.mint(alice, amount);
        vm.startPrank(alice);
        fot.approve(address(ledger), amount);
        uint256 credited = ledger.deposit(bob, address(fot), amount, "deposit");
        vm.stopPrank();
        uint256 received = amount - (amount * 100) / 10_000;
        assertEq(credited, received, "credited == received");
        assertEq(ledger.balanceOf(bob, address(fot)), received, "balance == received");
        assertEq(fot.balanceOf(address(ledger)), received, "ledger holds exactly the balance");
        ledger.withdraw(bob, address(fot));
        assertEq(fot.balanceOf(address(ledger)), 0, "withdrawn in full");
    }
}
