// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "../utils/Fixture.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";

/// @title FINDING-01: a distribution destroyed any credit to the split itself
/// @notice Regression tests (Seaport `test/findings/` style). They FAIL on the code where the bug was
///         found (commit 0673cfe) and pass since the fix (commit 67802a4), which the merge of Splits into
///         the Ledger keeps. Their names start with `test_FINDING01_` so they can be told apart
///         (`--grep FINDING`).
///
/// Bug (0673cfe, when Splits was a separate contract): `Ledger.distribute(from, token, total, to, amounts)`
///      read `balance = _balances[from][token]`, credited every `to[i]`, then wrote
///      `_balances[from][token] = balance - total`. When some `to[i] == from` with a non-zero amount, that
///      credit was overwritten: the value left every balance while the Ledger still held the funds, so the
///      Ledger held MORE than the sum of its balances, for good. Splits.distribute passed `from == split`
///      and let the caller pick the `distributor`, so ANYONE could call
///      `distribute(split, token, config, split)` and destroy the distributor reward (up to 1% of every
///      distribution). A controller could also list the split among its own recipients (or as advancer)
///      through `updateSplit`; that share was destroyed at each distribution.
/// Fix: debit the split before crediting anyone, so a self-credit adds to the debited balance and stays
///      with the split as dust for the next distribution. Since the merge, `Ledger.distribute` is gone and
///      the splits live in the Ledger (`ISplits(address(ledger)).distribute` writes the Ledger's balances
///      directly, debiting the split first): the same attacks are replayed through that entry point.
contract LedgerSelfCreditFindingTest is Fixture {
    address internal constant ETH = address(0);

    function setUp() public {
        deployCore();
    }

    function _split(
        uint32 fee,
        address controller
    ) internal returns (address split, ISplits.SplitConfig memory config) {
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
        (address split, ) = _split(0, controller);
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

    /// @notice A split named as its own advancer (possible through updateSplit): the advance it "repays"
    ///         to itself stays owed to it, recouped still counts it, and nothing leaves the balances.
    function test_FINDING01_distribute_splitAsOwnAdvancer_advanceStaysOwed() public {
        address controller = makeAddr("controller");
        (address split, ISplits.SplitConfig memory config) = _split(10_000, controller);
        config.advancer = split;
        config.advanceToken = ETH;
        config.advanceAmount = 4 ether;
        vm.prank(controller);
        splits.updateSplit(split, config);

        vm.deal(address(this), 10 ether);
        ledger.deposit{value: 10 ether}(split, ETH, 10 ether, "deposit");
        splits.distribute(split, ETH, config, split); // the split is advancer and distributor

        assertEq(address(ledger).balance, _owed(split, config), "Ledger holds exactly the sum of balances");
        assertEq(splits.splitState(split).recouped, 4 ether, "the advance counts as repaid");
        // 4 ether advance + 1% of the remaining 6 ether as reward, both to the split itself.
        assertEq(ledger.balanceOf(split, ETH), 4 ether + 0.06 ether, "advance and reward stay with the split");
    }

    /// @notice Fuzzed: whoever is credited (recipients, advancer, distributor may all be the split), the
    ///         Ledger always holds exactly the sum of the balances after a distribution.
    function testFuzz_FINDING01_distribute_selfCredits_conserve(
        uint256 amount,
        uint32 fee,
        uint32 selfShare,
        uint256 advance,
        bool selfDistributor
    ) public {
        amount = bound(amount, 1, 1e30);
        fee = uint32(bound(fee, 0, 10_000));
        selfShare = uint32(bound(selfShare, 1, PPM - 1));
        address controller = makeAddr("controller");
        (address split, ) = _split(0, controller);
        address other = makeAddr("other");
        address[] memory r = new address[](2);
        uint32[] memory a = new uint32[](2);
        (r[0], r[1]) = split < other ? (split, other) : (other, split);
        (a[0], a[1]) = split < other ? (selfShare, PPM - selfShare) : (PPM - selfShare, selfShare);
        ISplits.SplitConfig memory config = simpleConfig(r, a, fee);
        if (advance % 2 == 1) {
            config.advancer = split;
            config.advanceToken = ETH;
            config.advanceAmount = bound(advance, 1, 2e30);
        }
        vm.prank(controller);
        splits.updateSplit(split, config);

        vm.deal(address(this), amount);
        ledger.deposit{value: amount}(split, ETH, amount, "deposit");
        address distributor = selfDistributor ? split : makeAddr("keeper");
        splits.distribute(split, ETH, config, distributor);

        uint256 owed = _owed(split, config) + (selfDistributor ? 0 : ledger.balanceOf(distributor, ETH));
        assertEq(address(ledger).balance, owed, "Ledger holds exactly the sum of balances");
        uint256 advancePaid = config.advanceAmount < amount ? config.advanceAmount : amount;
        uint256 rest = amount - advancePaid;
        uint256 reward = (rest * fee) / PPM;
        rest -= reward;
        uint256 toOther = (rest * (PPM - selfShare)) / PPM;
        assertEq(ledger.balanceOf(other, ETH), toOther, "the other recipient gets exactly its share");
        assertEq(
            ledger.balanceOf(split, ETH),
            amount - toOther - (selfDistributor ? 0 : reward),
            "everything else stays with the split"
        );
    }
}
