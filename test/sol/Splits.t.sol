// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {ISplits} from "../../contracts/splits/ISplits.sol";
import {ISplitWallet} from "../../contracts/splits/ISplitWallet.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";
import {TestToken} from "../../contracts/mocks/TestToken.sol";
import {FeeOnTransferToken} from "../../contracts/mocks/FeeOnTransferToken.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title SplitsTest
/// @notice Fuzz tests of the splits hosted by the Ledger (Splits, SplitConfigLib, SplitWallet): value
///         conservation of a distribution, advance recoupment, and the named error of every invalid
///         configuration. `splits` is the Ledger's address typed as {ISplits}.
contract SplitsTest is Fixture {
    address internal constant ETH = address(0);
    address internal keeper;
    address internal controller;
    TestToken internal usdc;

    function setUp() public {
        deployCore();
        keeper = makeAddr("keeper");
        controller = makeAddr("controller");
        usdc = new TestToken("USD Coin", "USDC", 6);
    }

    // ---------------------------------------------------------------------------------------------
    // Conservation
    // ---------------------------------------------------------------------------------------------

    /// @notice For any recipients (1..50), allocations summing to 1e6, distributor fee <= 1%, advance and
    ///         amount (part credited in the Ledger, part sent straight to the split's address):
    ///         recipients + advance + reward + dust == amount, and each credit == floor(rest * alloc / 1e6).
    function testFuzz_distribute_conservesValue(
        uint256 n,
        uint256 seed,
        uint32 fee,
        uint256 ledgerPart,
        uint256 directPart,
        uint256 advance
    ) public {
        n = bound(n, 1, 50);
        fee = uint32(bound(fee, 0, 10_000));
        ledgerPart = bound(ledgerPart, 0, 1e36);
        directPart = bound(directPart, 0, 1e36);
        vm.assume(ledgerPart + directPart != 0);

        ISplits.SplitConfig memory config = simpleConfig(sortedAddresses(n, seed), randomAllocations(n, seed), fee);
        address advancer = makeAddr("advancer");
        if (advance % 3 != 0) {
            config.advancer = advancer;
            config.advanceToken = ETH;
            config.advanceAmount = bound(advance, 1, 2e36);
        }
        address split = splits.createSplit(config, controller, bytes32(seed));

        if (ledgerPart != 0) {
            vm.deal(address(this), ledgerPart);
            ledger.deposit{value: ledgerPart}(split, ETH, ledgerPart, "deposit");
        }
        if (directPart != 0) {
            vm.deal(address(this), directPart);
            (bool ok, ) = split.call{value: directPart}("");
            assertTrue(ok, "split wallet accepts ETH");
        }
        uint256 amount = ledgerPart + directPart;

        vm.prank(keeper);
        uint256 returned = splits.distribute(split, ETH, config, address(0));
        assertEq(returned, amount, "distribute returns the whole amount");

        uint256 advancePaid = config.advanceAmount < amount ? config.advanceAmount : amount;
        uint256 rest = amount - advancePaid;
        uint256 reward = (rest * fee) / PPM;
        rest -= reward;

        uint256 credited;
        for (uint256 i; i < n; ++i) {
            uint256 expected = (rest * config.allocations[i]) / PPM;
            assertEq(
                ledger.balanceOf(config.recipients[i], ETH),
                expected,
                "recipient credit == floor(rest*alloc/1e6)"
            );
            credited += expected;
        }
        uint256 dust = ledger.balanceOf(split, ETH);
        assertEq(ledger.balanceOf(advancer, ETH), advancePaid, "advance paid");
        assertEq(ledger.balanceOf(keeper, ETH), reward, "reward to the caller");
        assertEq(credited + advancePaid + reward + dust, amount, "credited + advance + reward + dust == amount");
        assertLe(dust, n - 1, "dust is below one unit per recipient");
        assertEq(split.balance, 0, "the wallet was swept");
        assertEq(address(ledger).balance, amount, "the Ledger holds everything");
        assertEq(splits.splitState(split).recouped, advancePaid, "recouped tracks the advance");
    }

    /// @notice Dust stays with the split and joins the next distribution: two distributions pay out the
    ///         same as one of the sum, up to the dust that remains.
    function testFuzz_distribute_dustCarriesOver(uint256 seed, uint256 a, uint256 b) public {
        uint256 n = bound(seed, 2, 20);
        a = bound(a, 1, 1e30);
        b = bound(b, 1, 1e30);
        ISplits.SplitConfig memory config = simpleConfig(sortedAddresses(n, seed), randomAllocations(n, seed), 0);
        address split = splits.createSplit(config, address(0), 0);

        vm.deal(address(this), a + b);
        ledger.deposit{value: a}(split, ETH, a, "deposit");
        splits.distribute(split, ETH, config, keeper);
        uint256 dust1 = ledger.balanceOf(split, ETH);
        ledger.deposit{value: b}(split, ETH, b, "deposit");
        uint256 second = splits.distribute(split, ETH, config, keeper);
        assertEq(second, b + dust1, "the second distribution includes the first one's dust");

        uint256 total;
        for (uint256 i; i < n; ++i) {
            uint256 got = ledger.balanceOf(config.recipients[i], ETH);
            // Dust is shared pro rata at the next distribution, so a recipient may get its part of the
            // first dust on top of its part of a + b, never more.
            assertLe(got, ((a + b + dust1) * config.allocations[i]) / PPM, "never more than its share of a + b + dust");
            assertGe(got + 2, ((a + b) * config.allocations[i]) / PPM, "at most two units of rounding below its share");
            total += got;
        }
        assertEq(total + ledger.balanceOf(split, ETH), a + b, "nothing lost");
    }

    /// @notice An advancer never receives more than the advance across any sequence of distributions
    ///         (and tokens), and is repaid first until then.
    function testFuzz_advance_neverExceedsAdvance(
        uint256 advance,
        uint256[8] memory amounts,
        uint256 tokenMask
    ) public {
        advance = bound(advance, 1, 1e24);
        address[] memory r = sortedAddresses(3, advance);
        uint32[] memory al = new uint32[](3);
        (al[0], al[1], al[2]) = (500_000, 300_000, 200_000);
        ISplits.SplitConfig memory config = simpleConfig(r, al, 5_000);
        address advancer = makeAddr("advancer");
        config.advancer = advancer;
        config.advanceToken = address(usdc);
        config.advanceAmount = advance;
        address split = splits.createSplit(config, address(0), 0);

        uint256 paidUsdc;
        for (uint256 k; k < amounts.length; ++k) {
            bool useUsdc = (tokenMask >> k) & 1 == 1;
            uint256 amount = bound(amounts[k], 0, 1e24);
            if (amount == 0) continue;
            address token = useUsdc ? address(usdc) : ETH;
            if (useUsdc) {
                usdc.mint(split, amount); // sent straight to the split's address
            } else {
                vm.deal(address(this), amount);
                ledger.deposit{value: amount}(split, ETH, amount, "deposit");
            }
            uint256 before = ledger.balanceOf(advancer, token);
            uint256 recoupedBefore = splits.splitState(split).recouped;
            uint256 total = splits.distribute(split, token, config, keeper);
            uint256 got = ledger.balanceOf(advancer, token) - before;
            if (useUsdc) {
                uint256 owed = advance - recoupedBefore;
                assertEq(got, owed < total ? owed : total, "advance repaid first, up to what is owed");
                paidUsdc += got;
            } else {
                assertEq(got, 0, "no advance in another token");
            }
            assertLe(paidUsdc, advance, "advancer never receives more than the advance");
        }
        assertEq(ledger.balanceOf(advancer, address(usdc)), paidUsdc, "advancer credits add up");
        assertEq(splits.splitState(split).recouped, paidUsdc, "recouped == paid");
        assertEq(ledger.balanceOf(advancer, ETH), 0, "never paid in ETH");
    }

    // ---------------------------------------------------------------------------------------------
    // Invalid configurations revert with the named error
    // ---------------------------------------------------------------------------------------------

    function _valid(uint256 n, uint256 seed) internal pure returns (ISplits.SplitConfig memory) {
        return simpleConfig(sortedAddresses(n, seed), randomAllocations(n, seed), 0);
    }

    function _expectInvalid(ISplits.SplitConfig memory config, bytes memory err) internal {
        vm.expectRevert(err);
        splits.validateConfig(config);
        vm.expectRevert(err);
        splits.createSplit(config, controller, 0);
    }

    function testFuzz_config_reverts_whenUnsorted(uint256 n, uint256 seed, uint256 i) public {
        n = bound(n, 2, 50);
        i = bound(i, 1, n - 1);
        ISplits.SplitConfig memory config = _valid(n, seed);
        (config.recipients[i - 1], config.recipients[i]) = (config.recipients[i], config.recipients[i - 1]);
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_RecipientsNotSorted.selector, i));
    }

    function testFuzz_config_reverts_whenDuplicate(uint256 n, uint256 seed, uint256 i) public {
        n = bound(n, 2, 50);
        i = bound(i, 1, n - 1);
        ISplits.SplitConfig memory config = _valid(n, seed);
        config.recipients[i] = config.recipients[i - 1];
        _expectInvalid(
            config,
            abi.encodeWithSelector(ISplits.Splits_DuplicateRecipient.selector, config.recipients[i])
        );
    }

    function testFuzz_config_reverts_whenZeroAddress(uint256 n, uint256 seed) public {
        n = bound(n, 1, 50);
        ISplits.SplitConfig memory config = _valid(n, seed);
        config.recipients[0] = address(0); // still sorted: the zero address is the smallest
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_ZeroAddress.selector, 0));
    }

    function testFuzz_config_reverts_whenTotalIsNot1e6(uint256 n, uint256 seed, uint32 delta, bool up) public {
        n = bound(n, 1, 50);
        ISplits.SplitConfig memory config = _valid(n, seed);
        uint256 i = seed % n;
        uint256 total;
        if (up) {
            delta = uint32(bound(delta, 1, type(uint32).max - config.allocations[i]));
            config.allocations[i] += delta;
            total = PPM + uint256(delta);
        } else {
            vm.assume(config.allocations[i] > 1);
            delta = uint32(bound(delta, 1, config.allocations[i] - 1));
            config.allocations[i] -= delta;
            total = PPM - uint256(delta);
        }
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_InvalidTotal.selector, total));
    }

    function testFuzz_config_reverts_whenAboveMaxRecipients(uint256 n, uint256 seed) public {
        n = bound(n, 201, 230);
        ISplits.SplitConfig memory config = _valid(n, seed);
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_TooManyRecipients.selector, n, 200));
    }

    function test_config_accepts_exactlyMaxRecipients() public {
        ISplits.SplitConfig memory config = _valid(200, 7);
        splits.validateConfig(config);
        address split = splits.createSplit(config, address(0), 0);
        vm.deal(address(this), 1 ether);
        ledger.deposit{value: 1 ether}(split, ETH, 1 ether, "deposit");
        uint256 gasBefore = gasleft();
        splits.distribute(split, ETH, config, keeper);
        assertLe(gasBefore - gasleft(), 10_000_000, "a 200-recipient distribution stays well inside a block");
    }

    function test_config_reverts_whenEmpty() public {
        ISplits.SplitConfig memory config;
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_NoRecipients.selector));
    }

    function testFuzz_config_reverts_whenZeroAllocation(uint256 n, uint256 seed) public {
        n = bound(n, 2, 50);
        ISplits.SplitConfig memory config = _valid(n, seed);
        uint256 i = seed % n;
        uint256 j = (i + 1) % n;
        config.allocations[j] += config.allocations[i];
        config.allocations[i] = 0;
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_ZeroAllocation.selector, i));
    }

    function testFuzz_config_reverts_whenLengthMismatch(uint256 n, uint256 seed) public {
        n = bound(n, 2, 50);
        ISplits.SplitConfig memory config = _valid(n, seed);
        uint32[] memory shorter = new uint32[](n - 1);
        for (uint256 i; i < n - 1; ++i) shorter[i] = config.allocations[i];
        config.allocations = shorter;
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_LengthMismatch.selector, n, n - 1));
    }

    function testFuzz_config_reverts_whenDistributorFeeAbove1Percent(uint32 fee) public {
        fee = uint32(bound(fee, 10_001, type(uint32).max));
        ISplits.SplitConfig memory config = _valid(3, 1);
        config.distributorFee = fee;
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_DistributorFeeTooHigh.selector, fee, 10_000));
    }

    function testFuzz_config_reverts_whenAdvanceIncomplete(uint256 amount, uint8 which) public {
        ISplits.SplitConfig memory config = _valid(3, 1);
        which = uint8(bound(which, 0, 2));
        if (which == 0) {
            config.advancer = keeper; // advancer without amount
        } else if (which == 1) {
            config.advanceAmount = bound(amount, 1, type(uint256).max); // amount without advancer
        } else {
            config.advanceToken = address(usdc); // token without advancer
        }
        _expectInvalid(config, abi.encodeWithSelector(ISplits.Splits_InvalidAdvance.selector));
    }

    // ---------------------------------------------------------------------------------------------
    // Addresses, control, and who may move money
    // ---------------------------------------------------------------------------------------------

    function testFuzz_createSplit_atPredictedAddress_once(uint256 seed, address ctrl, bytes32 salt) public {
        ISplits.SplitConfig memory config = _valid(bound(seed, 1, 10), seed);
        address predicted = splits.predictSplitAddress(config, ctrl, salt);
        assertEq(predicted.code.length, 0, "nothing there before");
        address split = splits.createSplit(config, ctrl, salt);
        assertEq(split, predicted, "created at the predicted address");
        assertEq(splits.splitState(split).configHash, splits.hashConfig(config), "hash stored");
        assertEq(splits.splitState(split).controller, ctrl, "controller stored");
        vm.expectRevert(abi.encodeWithSelector(ISplits.Splits_AlreadyExists.selector, split));
        splits.createSplit(config, ctrl, salt);
    }

    function testFuzz_distribute_reverts_whenConfigDiffers(uint256 seed) public {
        ISplits.SplitConfig memory config = _valid(5, seed);
        address split = splits.createSplit(config, address(0), 0);
        config.distributorFee = 1; // any change of the data changes the hash
        vm.expectRevert(abi.encodeWithSelector(ISplits.Splits_ConfigMismatch.selector, split));
        splits.distribute(split, ETH, config, keeper);
    }

    function testFuzz_updateSplit_onlyController(address stranger, uint256 seed) public {
        vm.assume(stranger != controller);
        ISplits.SplitConfig memory config = _valid(4, seed);
        address split = splits.createSplit(config, controller, 0);
        ISplits.SplitConfig memory next = _valid(2, uint256(keccak256(abi.encode(seed))));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISplits.Splits_NotController.selector, split, stranger));
        splits.updateSplit(split, next);

        vm.prank(controller);
        splits.updateSplit(split, next);
        assertEq(splits.splitState(split).configHash, splits.hashConfig(next), "updated");

        vm.prank(controller);
        splits.makeImmutable(split);
        vm.prank(controller);
        vm.expectRevert(abi.encodeWithSelector(ISplits.Splits_Immutable.selector, split));
        splits.updateSplit(split, config);
    }

    /// @notice Only the Ledger (which hosts the splits) may sweep a split wallet; when it does, the wallet's
    ///         holdings become the split's Ledger balance and nothing else moves.
    function testFuzz_sweep_onlyLedger(address stranger, uint256 amount) public {
        vm.assume(stranger != address(ledger));
        amount = bound(amount, 1, 1e30);
        ISplits.SplitConfig memory config = _valid(2, 1);
        address split = splits.createSplit(config, address(0), 0);
        vm.deal(split, amount);

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISplitWallet.SplitWallet_OnlyLedger.selector));
        ISplitWallet(split).sweep(ETH);
        assertEq(split.balance, amount, "a refused sweep moves nothing");

        vm.prank(address(ledger));
        assertEq(ISplitWallet(split).sweep(ETH), amount, "the Ledger sweeps everything");
        assertEq(split.balance, 0, "wallet emptied");
        assertEq(ledger.balanceOf(split, ETH), amount, "credited to the split in the Ledger");
        assertEq(address(ledger).balance, amount, "the Ledger holds it");
        for (uint256 i; i < 2; ++i) assertEq(ledger.balanceOf(config.recipients[i], ETH), 0, "not distributed");
    }

    /// @notice With the Splits-only `Ledger.distribute` gone, a stranger can move a split's Ledger balance
    ///         neither as if it were its own nor through `distribute` with a config other than the split's.
    function testFuzz_distribute_onlyMovesSplitFundsByConfig(address stranger, uint256 amount) public {
        amount = bound(amount, 1, 1e30);
        ISplits.SplitConfig memory config = _valid(3, 2);
        address split = splits.createSplit(config, address(0), 0);
        vm.assume(stranger != address(0) && stranger != split);
        vm.deal(address(this), amount);
        ledger.deposit{value: amount}(split, ETH, amount, "deposit");

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_InsufficientBalance.selector, stranger, ETH, 0, amount));
        ledger.withdrawTo(ETH, stranger, amount);

        address[] memory onlyStranger = new address[](1);
        onlyStranger[0] = stranger;
        ISplits.SplitConfig memory forged = simpleConfig(onlyStranger, _full(), 0);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISplits.Splits_ConfigMismatch.selector, split));
        splits.distribute(split, ETH, forged, stranger);
        assertEq(ledger.balanceOf(split, ETH), amount, "untouched");
    }

    function _full() internal pure returns (uint32[] memory a) {
        a = new uint32[](1);
        a[0] = PPM;
    }

    /// @notice ERC-20s sent straight to the split (6 decimals) are swept and distributed like ETH.
    function testFuzz_distribute_tokenSentStraightToSplit(uint256 amount, uint256 seed) public {
        amount = bound(amount, 1, 1e18);
        uint256 n = bound(seed, 1, 10);
        ISplits.SplitConfig memory config = _valid(n, seed);
        address split = splits.createSplit(config, address(0), 0);
        usdc.mint(split, amount);
        uint256 total = splits.distribute(split, address(usdc), config, keeper);
        assertEq(total, amount, "all of it");
        assertEq(usdc.balanceOf(split), 0, "swept");
        assertEq(usdc.balanceOf(address(ledger)), amount, "now in the Ledger");
        uint256 sum = ledger.balanceOf(split, address(usdc));
        for (uint256 i; i < n; ++i) sum += ledger.balanceOf(config.recipients[i], address(usdc));
        assertEq(sum, amount, "recipients + dust == amount");
    }

    /// @notice A fee-on-transfer token sent straight to a split: the sweep credits what the Ledger received,
    ///         the distribution shares exactly that, and the Ledger still holds exactly what it owes.
    function testFuzz_distribute_feeOnTransferToken_sharesWhatArrived(uint256 amount, uint256 seed) public {
        amount = bound(amount, 1, 1e36);
        uint256 n = bound(seed, 1, 10);
        FeeOnTransferToken fot = new FeeOnTransferToken();
        ISplits.SplitConfig memory config = _valid(n, seed);
        address split = splits.createSplit(config, address(0), 0);
        fot.mint(split, amount);
        uint256 arrived = amount - (amount * 100) / 10_000;
        uint256 total = splits.distribute(split, address(fot), config, keeper);
        assertEq(total, arrived, "distributes what the Ledger received");
        uint256 sum = ledger.balanceOf(split, address(fot));
        for (uint256 i; i < n; ++i) {
            uint256 got = ledger.balanceOf(config.recipients[i], address(fot));
            assertEq(got, (arrived * config.allocations[i]) / PPM, "share of what arrived");
            sum += got;
        }
        assertEq(sum, fot.balanceOf(address(ledger)), "Ledger holds exactly the sum of balances");
    }

    /// @notice Amounts near the top of uint256 (a hostile or inflationary token): a distribution either
    ///         reverts or pays exactly floor(rest * alloc / 1e6) (computed here in full precision); it never
    ///         pays silently wrong (wrapped) shares.
    function testFuzz_distribute_hugeAmount_revertsOrExact(uint256 amount, uint256 seed) public {
        amount = bound(amount, type(uint256).max / PPM / 4, type(uint256).max);
        uint256 n = bound(seed, 1, 10);
        TestToken huge = new TestToken("Huge", "HUGE", 18);
        ISplits.SplitConfig memory config = _valid(n, seed);
        address split = splits.createSplit(config, address(0), 0);
        huge.mint(split, amount);
        try splits.distribute(split, address(huge), config, keeper) returns (uint256 total) {
            assertEq(total, amount, "all of it");
            uint256 sum = ledger.balanceOf(split, address(huge));
            for (uint256 i; i < n; ++i) {
                uint256 got = ledger.balanceOf(config.recipients[i], address(huge));
                assertEq(got, Math.mulDiv(amount, config.allocations[i], PPM), "exact share, no wrapped math");
                sum += got;
            }
            assertEq(sum, amount, "recipients + dust == amount");
        } catch (bytes memory reason) {
            // The one refusal allowed: checked math overflowing on rest * PPM (Panic 0x11), only when it must.
            assertEq(keccak256(reason), keccak256(abi.encodeWithSignature("Panic(uint256)", 0x11)), "overflow panic");
            assertTrue(amount > type(uint256).max / PPM, "refused only an amount whose rest * PPM overflows");
            assertEq(huge.balanceOf(split), amount, "a reverted distribution leaves everything in place");
            assertEq(ledger.balanceOf(split, address(huge)), 0, "nothing credited");
        }
    }
}
