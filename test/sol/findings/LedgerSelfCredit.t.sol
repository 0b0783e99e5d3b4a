// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Fixture} from "../utils/Fixture.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";

/// @title FINDING-01: Ledger.distribute destroys any credit to the split itself
/// @notice Regression tests for a bug found by the invariant suite (Seaport `test/findings/` style).
///         These tests FAIL on the code where the bug was found (commit 0673cfe) and pass once it is fixed; their names start with `test_FINDING01_` so they can be
///         told apart (and excluded with `--grep-exclude FINDING` while the fix is pending).
///
/// Bug: `Ledger.distribute(from, token, total, to, amounts)` reads `balance = _balances[from][token]`,
///      credits every `to[i]`, then writes `_balances[from][token] = balance - total`. When some `to[i] == from`
///      with a non-zero amount, that credit is overwritten and the value is gone from every balance while the
///      Ledger still holds the funds: the Ledger then holds MORE than the sum of its balances, for good.
///      Splits.distribute sends `from == split` and lets the caller pick the `distributor`, so ANYONE can call
///      `Splits.distribute(split, token, config, split)` and destroy the distributor reward (up to 1% of every
///      distribution). A controller can also (by mistake) list the split among its own recipients or as
///      advancer through `updateSplit`; that share is destroyed at each distribution.
/// Fix (Ledger, one line moved): debit `from` before the crediting loop:
///      `_balances[from][token] = balance - total;` then `for (...) _balances[to[i]][token] += amounts[i];`
///      (then a self-credit is kept as the split's dust and joins the next distribution). Optionally Splits
///      could also reject `distributor == split` (treat the reward as zero) and SplitConfigLib could reject a
///      recipient/advancer equal to the split on update, but the Ledger fix alone restores the invariant.
contract LedgerSelfCreditFindingTest is Fixture {
    address internal constant ETH = address(0);

    function setUp() public {
        deployCore();
    }

    function _split(uint32 fee, address controller) internal returns (address split, ISplits.SplitConfig memory config) {
        address[] memory r = sortedAddresses(3, 42);
        uint32[] memory a = new uint32[](3);
        (a[0], a[1], a[2]) = (500_000, 300_000, 200_000);
        config = simpleConfig(r, a, fee);
        split = splits.createSplit(config, controller, 0);
    }

    function _owed(address split, ISplits.SplitConfig memory config) internal view returns (uint256 sum) {
        sum = ledger.balanceOf(split, ETH);
        for (uint256 i; i < config.recipients.length; ++i) {
            if (config.recipients[i] != split) sum += ledger.balanceOf(config.recipients[i], ETH);
        }
    }

    /// @notice Anyone can name the split as the distributor: the 1% reward must stay owed to someone.
    function test_FINDING01_distribute_rewardToSplitItself_staysOwed() public {
        (address split, ISplits.SplitConfig memory config) = _split(10_000, address(0));
        vm.deal(address(this), 100 ether);
        ledger.deposit{value: 100 ether}(split, ETH, 100 ether, "deposit");

        address griefer = makeAddr("griefer");
        vm.prank(griefer);
        splits.distribute(split, ETH, config, split); // distributor = the split itself

        // 1 ether reward was "credited" to the split, then overwritten.
        assertEq(address(ledger).balance, _owed(split, config), "Ledger holds exactly the sum of balances");
        assertEq(ledger.balanceOf(split, ETH), 1 ether, "the reward stays with the split as dust");
    }

    /// @notice A split listed among its own recipients (possible through updateSplit) loses that share.
    function test_FINDING01_distribute_splitAsOwnRecipient_shareStaysOwed() public {
        address controller = makeAddr("controller");
        (address split,) = _split(0, controller);
        // new config: the split itself takes 50%
        address other = makeAddr("other");
        address[] memory r = new address[](2);
        (r[0], r[1]) = split < other ? (split, other) : (other, split);
        uint32[] memory a = new uint32[](2);
        (a[0], a[1]) = (500_000, 500_000);
        ISplits.SplitConfig memory config = simpleConfig(r, a, 0);
        vm.prank(controller);
        splits.updateSplit(split, config);

        vm.deal(address(this), 10 ether);
        ledger.deposit{value: 10 ether}(split, ETH, 10 ether, "deposit");
        splits.distribute(split, ETH, config, address(0));

        assertEq(address(ledger).balance, _owed(split, config), "Ledger holds exactly the sum of balances");
        assertEq(ledger.balanceOf(split, ETH), 5 ether, "the split's own half stays with it");
    }
}
