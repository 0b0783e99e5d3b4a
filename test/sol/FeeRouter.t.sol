// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {IFeeRouter} from "../../contracts/fees/IFeeRouter.sol";
import {FeeRouter} from "../../contracts/fees/FeeRouter.sol";
import {Ledger} from "../../contracts/ledger/Ledger.sol";
import {ArtistRegistry} from "../../contracts/artists/ArtistRegistry.sol";
import {IPayments} from "../../contracts/ledger/IPayments.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";

/// @title FeeRouterTest
/// @notice The FeeRouter governs the rates (fee per kind with a cap and a timelock, treasury, affiliate share
///         up to half the fee) and the Ledger's operators, and every change is mirrored to the Ledger: the
///         Ledger's rates always equal the FeeRouter's. Payments themselves: PaymentsTest.
contract FeeRouterTest is Fixture {
    address internal artist;

    function setUp() public {
        deployCore();
        artist = makeAddr("artist");
        registerArtist(artist, "artist", address(0), "");
    }

    /// @dev The Ledger's rates equal the FeeRouter's view of them.
    function _assertMirrored() internal view {
        IPayments.Rates memory r = ledger.rates();
        assertEq(r.treasury, router.treasury(), "treasury mirrored");
        assertEq(r.primaryBps, router.feeBps(0), "primary fee mirrored");
        assertEq(r.marketBps, router.feeBps(1), "market fee mirrored");
        assertEq(r.liveBps, router.feeBps(2), "live fee mirrored");
        assertEq(r.affiliateBps, router.affiliateShareBps(), "affiliate share mirrored");
    }

    function _rates(
        uint16 primary,
        uint16 market,
        uint16 live,
        uint16 affiliateBps
    ) internal view returns (IPayments.Rates memory) {
        return
            IPayments.Rates({
                treasury: router.treasury(),
                primaryBps: primary,
                marketBps: market,
                liveBps: live,
                affiliateBps: affiliateBps
            });
    }

    // ---------------------------------------------------------------------------------------------
    // Constructor
    // ---------------------------------------------------------------------------------------------

    /// @notice The defaults (15% / 2.5% / 10%, affiliate 20% of the fee) are in force on both sides.
    function test_constructor_defaults() public view {
        assertEq(router.feeBps(0), 1500, "primary");
        assertEq(router.feeBps(1), 250, "market");
        assertEq(router.feeBps(2), 1000, "live");
        assertEq(router.affiliateShareBps(), 2000, "affiliate share");
        assertEq(router.treasury(), treasury, "treasury");
        assertEq(router.owner(), admin, "owner");
        assertEq(address(router.LEDGER()), address(ledger), "LEDGER");
        _assertMirrored();
    }

    /// @notice The constructor writes its rates to the Ledger (RatesSet), after announcing them itself.
    function test_constructor_writesRatesToTheLedger() public {
        uint256 nonce = vm.getNonce(address(this));
        address ledgerAddr = computeCreateAddress(address(this), nonce + 1);
        address routerAddr = computeCreateAddress(address(this), nonce + 2);
        ArtistRegistry reg = new ArtistRegistry(IPayments(ledgerAddr));
        Ledger fresh = new Ledger(routerAddr, address(reg));
        IPayments.Rates memory expected = IPayments.Rates({
            treasury: treasury,
            primaryBps: 1500,
            marketBps: 250,
            liveBps: 1000,
            affiliateBps: 2000
        });
        vm.expectEmit(routerAddr);
        emit IFeeRouter.FeeChanged(0, 0, 1500);
        vm.expectEmit(routerAddr);
        emit IFeeRouter.FeeChanged(1, 0, 250);
        vm.expectEmit(routerAddr);
        emit IFeeRouter.FeeChanged(2, 0, 1000);
        vm.expectEmit(routerAddr);
        emit IFeeRouter.TreasuryChanged(address(0), treasury);
        vm.expectEmit(routerAddr);
        emit IFeeRouter.AffiliateShareChanged(0, 2000);
        vm.expectEmit(address(fresh));
        emit IPayments.RatesSet(expected);
        FeeRouter r = new FeeRouter(IPayments(address(fresh)), treasury, admin, TIMELOCK);
        assertEq(address(r), routerAddr, "at the address the Ledger trusts");
        IPayments.Rates memory got = fresh.rates();
        assertEq(keccak256(abi.encode(got)), keccak256(abi.encode(expected)), "the Ledger's rates");
    }

    function test_constructor_reverts_onZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_ZeroAddress.selector));
        new FeeRouter(IPayments(address(0)), treasury, admin, TIMELOCK);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_ZeroAddress.selector));
        new FeeRouter(IPayments(address(ledger)), address(0), admin, TIMELOCK);
    }

    /// @notice A FeeRouter the Ledger does not name cannot be built against it (its constructor's write fails).
    function test_constructor_reverts_forALedgerThatDoesNotNameIt() public {
        address next = computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, next));
        new FeeRouter(IPayments(address(ledger)), treasury, admin, TIMELOCK);
    }

    // ---------------------------------------------------------------------------------------------
    // Fees: cap, timelock, mirrored on apply
    // ---------------------------------------------------------------------------------------------

    function testFuzz_proposeFee_reverts_aboveCap(uint8 kind, uint16 bps) public {
        kind = uint8(bound(kind, 0, 2));
        uint16 cap = router.capBps(kind);
        bps = uint16(bound(bps, uint256(cap) + 1, type(uint16).max));
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_AboveCap.selector, kind, bps, cap));
        router.proposeFee(kind, bps);
    }

    /// @notice A proposal changes nothing in force (on either side) until its timelock elapsed; applying it
    ///         writes the new rates to the Ledger.
    function testFuzz_applyFee_waitsForTimelock_thenMirrorsRates(uint8 kind, uint16 bps, uint256 early) public {
        kind = uint8(bound(kind, 0, 2));
        bps = uint16(bound(bps, 0, router.capBps(kind)));
        early = bound(early, 0, TIMELOCK - 1);
        uint16 old = router.feeBps(kind);
        vm.prank(admin);
        router.proposeFee(kind, bps);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        _assertMirrored();
        assertEq(_bpsOf(ledger.rates(), kind), old, "the Ledger keeps the old fee while pending");
        vm.warp(block.timestamp + early);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_TimelockActive.selector, kind, eta));
        router.applyFee(kind);
        assertEq(router.feeBps(kind), old, "unchanged before the timelock");
        vm.warp(eta);
        IPayments.Rates memory expected = _rates(
            kind == 0 ? bps : 1500,
            kind == 1 ? bps : 250,
            kind == 2 ? bps : 1000,
            2000
        );
        vm.expectEmit(address(ledger));
        emit IPayments.RatesSet(expected);
        router.applyFee(kind);
        assertEq(router.feeBps(kind), bps, "applied at eta");
        assertEq(_bpsOf(ledger.rates(), kind), bps, "the Ledger applies the new fee");
        _assertMirrored();
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingChange.selector, kind));
        router.applyFee(kind);
    }

    /// @notice A cancelled proposal never reaches the Ledger.
    function testFuzz_cancelFee_leavesRatesInForce(uint8 kind, uint16 bps) public {
        kind = uint8(bound(kind, 0, 2));
        bps = uint16(bound(bps, 0, router.capBps(kind)));
        uint16 old = router.feeBps(kind);
        vm.startPrank(admin);
        router.proposeFee(kind, bps);
        router.cancelFee(kind);
        vm.stopPrank();
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingChange.selector, kind));
        router.applyFee(kind);
        assertEq(_bpsOf(ledger.rates(), kind), old, "the Ledger keeps the fee in force");
        _assertMirrored();
    }

    function testFuzz_unknownKind_reverts(uint8 kind) public {
        kind = uint8(bound(kind, 3, type(uint8).max));
        bytes memory err = abi.encodeWithSelector(IFeeRouter.FeeRouter_UnknownKind.selector, kind);
        vm.expectRevert(err);
        router.feeBps(kind);
        vm.expectRevert(err);
        router.capBps(kind);
        vm.expectRevert(err);
        router.pendingFee(kind);
        vm.expectRevert(err);
        router.applyFee(kind);
        vm.startPrank(admin);
        vm.expectRevert(err);
        router.proposeFee(kind, 0);
        vm.expectRevert(err);
        router.cancelFee(kind);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------------------------------------
    // Treasury and affiliate share, mirrored
    // ---------------------------------------------------------------------------------------------

    function testFuzz_setTreasury_mirrorsRates(address next) public {
        vm.assume(next != address(0));
        IPayments.Rates memory expected = _rates(1500, 250, 1000, 2000);
        expected.treasury = next;
        vm.expectEmit(address(router));
        emit IFeeRouter.TreasuryChanged(treasury, next);
        vm.expectEmit(address(ledger));
        emit IPayments.RatesSet(expected);
        vm.prank(admin);
        router.setTreasury(next);
        assertEq(ledger.rates().treasury, next, "the Ledger credits fees to the new treasury");
        assertEq(ledger.quote(artist, 0, 100, address(0)).treasury, next, "quote names it");
        _assertMirrored();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_ZeroAddress.selector));
        router.setTreasury(address(0));
    }

    function testFuzz_setAffiliateShare_mirrorsRates(uint16 bps) public {
        bps = uint16(bound(bps, 0, router.AFFILIATE_CAP_BPS()));
        vm.expectEmit(address(router));
        emit IFeeRouter.AffiliateShareChanged(2000, bps);
        vm.expectEmit(address(ledger));
        emit IPayments.RatesSet(_rates(1500, 250, 1000, bps));
        vm.prank(admin);
        router.setAffiliateShare(bps);
        assertEq(router.affiliateShareBps(), bps, "share");
        assertEq(ledger.rates().affiliateBps, bps, "the Ledger applies the new share");
        // 15% of 10,000 = 1,500; the affiliate's part of it.
        assertEq(
            ledger.quote(artist, 0, 10_000, makeAddr("aff")).affiliateFee,
            (1_500 * uint256(bps)) / 10_000,
            "quote"
        );
        _assertMirrored();
    }

    function testFuzz_setAffiliateShare_reverts_aboveCap(uint16 bps) public {
        bps = uint16(bound(bps, uint256(router.AFFILIATE_CAP_BPS()) + 1, type(uint16).max));
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_AffiliateAboveCap.selector, bps, 5000));
        router.setAffiliateShare(bps);
        assertEq(ledger.rates().affiliateBps, 2000, "unchanged");
    }

    // ---------------------------------------------------------------------------------------------
    // Operators: initial set-up, then the timelock (issue 14, F-02)
    // ---------------------------------------------------------------------------------------------

    /// @dev A fresh contract with code (an operator must be one).
    function _contract() internal returns (address a) {
        a = makeAddr("an operator contract");
        vm.etch(a, hex"00");
    }

    /// @notice During the set-up the owner writes any level of a contract at once.
    function testFuzz_setInitialOperator_writesLevel(uint8 level) public {
        level = uint8(bound(level, 0, 2));
        address account = _contract();
        vm.expectEmit(address(ledger));
        emit IPayments.OperatorSet(account, level, address(router));
        vm.prank(admin);
        router.setInitialOperator(account, level);
        assertEq(ledger.operatorLevel(account), level, "level");
    }

    function testFuzz_setInitialOperator_reverts_forInvalidLevel(uint8 level) public {
        level = uint8(bound(level, 3, type(uint8).max));
        address account = _contract();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_InvalidLevel.selector, level));
        router.setInitialOperator(account, level);
        assertEq(ledger.operatorLevel(account), 0, "no level");
    }

    /// @notice A wallet is never an operator, neither at set-up nor through the timelock.
    function testFuzz_operator_reverts_forWallet(uint8 level) public {
        level = uint8(bound(level, 1, 2));
        address wallet = makeAddr("a wallet");
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NotAContract.selector, wallet));
        router.setInitialOperator(wallet, level);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NotAContract.selector, wallet));
        router.proposeOperator(wallet, level);
        vm.stopPrank();
        assertEq(ledger.operatorLevel(wallet), 0, "no level");
    }

    /// @notice The set-up ends when the owner closes it, or one timelock after deployment, for good.
    function test_setInitialOperator_reverts_afterSetup() public {
        address account = _contract();
        vm.warp(router.SETUP_END());
        assertTrue(router.setupClosed(), "closed by time");
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_SetupClosed.selector));
        router.setInitialOperator(account, 1);
    }

    function test_closeSetup_endsItAtOnce() public {
        address account = _contract();
        vm.startPrank(admin);
        router.closeSetup();
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_SetupClosed.selector));
        router.setInitialOperator(account, 1);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_SetupClosed.selector));
        router.closeSetup();
        vm.stopPrank();
        assertEq(ledger.operatorLevel(account), 0, "no level");
    }

    /// @notice A proposed operator has no level until the timelock elapsed; then anyone applies it, within the
    ///         grace period.
    function testFuzz_proposeOperator_waitsForTimelock(uint8 level, uint256 early) public {
        level = uint8(bound(level, 1, 2));
        early = bound(early, 0, TIMELOCK - 1);
        address account = _contract();
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        vm.expectEmit(address(router));
        emit IFeeRouter.OperatorProposed(account, level, eta);
        vm.prank(admin);
        router.proposeOperator(account, level);
        (uint8 pendingLevel, uint64 pendingEta) = router.pendingOperator(account);
        assertEq(pendingLevel, level, "pending level");
        assertEq(pendingEta, eta, "pending eta");
        vm.warp(block.timestamp + early);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_OperatorTimelockActive.selector, account, eta));
        router.applyOperator(account);
        assertEq(ledger.operatorLevel(account), 0, "no level before the eta");
        vm.warp(eta);
        vm.expectEmit(address(router));
        emit IFeeRouter.OperatorApplied(account, level, eta);
        router.applyOperator(account);
        assertEq(ledger.operatorLevel(account), level, "level after the eta");
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingOperator.selector, account));
        router.applyOperator(account);
    }

    function test_applyOperator_reverts_whenExpired() public {
        address account = _contract();
        vm.prank(admin);
        router.proposeOperator(account, 1);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        uint64 expiry = eta + router.GRACE_PERIOD();
        vm.warp(expiry + 1);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_OperatorExpired.selector, account, eta, expiry));
        router.applyOperator(account);
        assertEq(ledger.operatorLevel(account), 0, "never applied");
    }

    function test_cancelOperator_dropsTheNaming() public {
        address account = _contract();
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        vm.startPrank(admin);
        router.proposeOperator(account, 2);
        vm.expectEmit(address(router));
        emit IFeeRouter.OperatorCancelled(account, 2, eta);
        router.cancelOperator(account);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingOperator.selector, account));
        router.cancelOperator(account);
        vm.stopPrank();
        vm.warp(eta);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingOperator.selector, account));
        router.applyOperator(account);
        assertEq(ledger.operatorLevel(account), 0, "no level");
    }

    /// @notice Revoking needs no delay (it can only stop pulls) and drops a pending naming.
    function test_revokeOperator_isImmediate() public {
        address account = _contract();
        vm.startPrank(admin);
        router.setInitialOperator(account, 1);
        router.proposeOperator(account, 2);
        router.revokeOperator(account);
        vm.stopPrank();
        assertEq(ledger.operatorLevel(account), 0, "revoked");
        (, uint64 eta) = router.pendingOperator(account);
        assertEq(eta, 0, "nothing pending");
    }

    function testFuzz_proposeOperator_reverts_forInvalidLevel(uint8 level) public {
        vm.assume(level == 0 || level > 2);
        address account = _contract();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_InvalidLevel.selector, level));
        router.proposeOperator(account, level);
    }

    // ---------------------------------------------------------------------------------------------
    // Fee changes: expiry and the timelock's floor (issue 14, F-10)
    // ---------------------------------------------------------------------------------------------

    function testFuzz_applyFee_reverts_whenExpired(uint256 late) public {
        late = bound(late, 1, 365 days);
        vm.prank(admin);
        router.proposeFee(1, 500);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        uint64 expiry = eta + router.GRACE_PERIOD();
        vm.warp(expiry + late);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_ChangeExpired.selector, 1, eta, expiry));
        router.applyFee(1);
        _assertMirrored();
    }

    function test_constructor_reverts_forShortTimelock() public {
        uint64 minimum = router.MIN_TIMELOCK();
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_TimelockTooShort.selector, minimum - 1, minimum));
        new FeeRouter(IPayments(address(ledger)), treasury, admin, minimum - 1);
    }

    // ---------------------------------------------------------------------------------------------
    // Owner
    // ---------------------------------------------------------------------------------------------

    function testFuzz_ownerOnly(address stranger) public {
        vm.assume(stranger != admin && stranger != address(vm));
        bytes memory err = abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", stranger);
        vm.startPrank(stranger);
        vm.expectRevert(err);
        router.proposeFee(0, 1);
        vm.expectRevert(err);
        router.cancelFee(0);
        vm.expectRevert(err);
        router.setTreasury(stranger);
        vm.expectRevert(err);
        router.setAffiliateShare(1);
        vm.expectRevert(err);
        router.setInitialOperator(stranger, 1);
        vm.expectRevert(err);
        router.proposeOperator(stranger, 1);
        vm.expectRevert(err);
        router.cancelOperator(stranger);
        vm.expectRevert(err);
        router.revokeOperator(stranger);
        vm.expectRevert(err);
        router.closeSetup();
        vm.stopPrank();
        _assertMirrored();
        assertEq(ledger.operatorLevel(stranger), 0, "no operator");
    }

    function _bpsOf(IPayments.Rates memory r, uint8 kind) internal pure returns (uint16) {
        return
            kind == 0
                ? r.primaryBps
                : kind == 1
                    ? r.marketBps
                    : r.liveBps;
    }
}
