// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {IFeeRouter} from "../../contracts/fees/IFeeRouter.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";
import {TestToken} from "../../contracts/mocks/TestToken.sol";
import {NoReturnToken} from "../../contracts/mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "../../contracts/mocks/FeeOnTransferToken.sol";

/// @title FeeRouterTest
/// @notice fee + referral + net == gross for any amount and fee up to the cap; the referral is 5% of the
///         fee (floor) when the artist has a referrer and zero otherwise; the timelock and cap hold.
contract FeeRouterTest is Fixture {
    address internal constant ETH = address(0);
    address internal referrer; // artist "ref", the referrer of "artist"
    address internal artist; // referred
    address internal solo; // not referred
    address internal payout;
    address internal payer;
    TestToken internal usdc;
    NoReturnToken internal noRet;

    function setUp() public {
        deployCore();
        referrer = makeAddr("referrer");
        artist = makeAddr("artist");
        solo = makeAddr("solo");
        payout = makeAddr("payout");
        payer = makeAddr("payer");
        registerArtist(referrer, "ref", address(0), "");
        registerArtist(artist, "artist", payout, "ref");
        registerArtist(solo, "solo", address(0), "");
        usdc = new TestToken("USD Coin", "USDC", 6);
        noRet = new NoReturnToken();
    }

    function _setFee(uint8 kind, uint16 bps) internal {
        vm.prank(admin);
        router.proposeFee(kind, bps);
        vm.warp(block.timestamp + TIMELOCK);
        router.applyFee(kind);
        assertEq(router.feeBps(kind), bps, "fee applied");
    }

    function _expected(
        uint256 amount,
        uint16 bps,
        bool referred
    ) internal pure returns (uint256 fee, uint256 referral, uint256 net) {
        uint256 gross = (amount * bps) / 10_000;
        referral = referred ? (gross * 500) / 10_000 : 0;
        fee = gross - referral;
        net = amount - gross;
    }

    /// @notice For any amount, kind, fee up to the cap, with or without a referrer, in ETH or an ERC-20:
    ///         treasury + referrer + payout credits == gross == what the Ledger received.
    function testFuzz_pay_conservesValue(
        uint256 amount,
        uint8 kind,
        uint16 bps,
        bool referred,
        uint8 tokenKind
    ) public {
        kind = uint8(bound(kind, 0, 2));
        bps = uint16(bound(bps, 0, router.capBps(kind)));
        amount = bound(amount, 1, 1e36);
        tokenKind = uint8(bound(tokenKind, 0, 2));
        _setFee(kind, bps);
        address who = referred ? artist : solo;
        address to = referred ? payout : solo;

        address token =
            tokenKind == 0
                ? ETH
                : tokenKind == 1
                    ? address(usdc)
                    : address(noRet);
        if (token == ETH) {
            vm.deal(payer, amount);
        } else {
            TestToken(token).mint(payer, amount); // same mint signature on both tokens
            vm.prank(payer);
            (bool ok, ) = token.call(abi.encodeWithSignature("approve(address,uint256)", address(ledger), amount));
            assertTrue(ok, "approve");
        }

        (uint256 qFee, uint256 qReferral, uint256 qNet, address qReferrer, address qPayout) = router.quote(
            who,
            kind,
            amount
        );
        vm.prank(payer);
        uint256 net = router.pay{value: token == ETH ? amount : 0}(who, kind, token, amount, "sale");

        (uint256 fee, uint256 referral, uint256 expNet) = _expected(amount, bps, referred);
        assertEq(qFee, fee, "quote fee");
        assertEq(qReferral, referral, "quote referral: 5% of the fee, floor; zero without referrer");
        assertEq(qNet, expNet, "quote net");
        assertEq(net, expNet, "pay returns the net");
        assertEq(qReferrer, referred ? referrer : address(0), "referrer");
        assertEq(qPayout, to, "payout");
        assertEq(fee + referral + net, amount, "fee + referral + net == gross");

        assertEq(ledger.balanceOf(treasury, token), fee, "treasury credited the fee");
        assertEq(ledger.balanceOf(to, token), net, "payout credited the net");
        if (referred) assertEq(ledger.balanceOf(referrer, token), referral, "referrer credited 5% of the fee");
        uint256 held = token == ETH ? address(ledger).balance : TestToken(token).balanceOf(address(ledger));
        assertEq(held, amount, "the Ledger received the gross");
    }

    function testFuzz_proposeFee_reverts_aboveCap(uint8 kind, uint16 bps) public {
        kind = uint8(bound(kind, 0, 2));
        uint16 cap = router.capBps(kind);
        bps = uint16(bound(bps, uint256(cap) + 1, type(uint16).max));
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_AboveCap.selector, kind, bps, cap));
        router.proposeFee(kind, bps);
    }

    function testFuzz_applyFee_waitsForTimelock(uint8 kind, uint16 bps, uint256 early) public {
        kind = uint8(bound(kind, 0, 2));
        bps = uint16(bound(bps, 0, router.capBps(kind)));
        early = bound(early, 0, TIMELOCK - 1);
        uint16 old = router.feeBps(kind);
        vm.prank(admin);
        router.proposeFee(kind, bps);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        vm.warp(block.timestamp + early);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_TimelockActive.selector, kind, eta));
        router.applyFee(kind);
        assertEq(router.feeBps(kind), old, "unchanged before the timelock");
        vm.warp(eta);
        router.applyFee(kind);
        assertEq(router.feeBps(kind), bps, "applied at eta");
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_NoPendingChange.selector, kind));
        router.applyFee(kind);
    }

    function testFuzz_ownerOnly(address stranger) public {
        vm.assume(stranger != admin);
        vm.startPrank(stranger);
        vm.expectRevert();
        router.proposeFee(0, 1);
        vm.expectRevert();
        router.setTreasury(stranger);
        vm.stopPrank();
    }

    function testFuzz_unknownKind_reverts(uint8 kind) public {
        kind = uint8(bound(kind, 3, type(uint8).max));
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_UnknownKind.selector, kind));
        router.quote(artist, kind, 1);
    }

    function testFuzz_pay_reverts_forUnknownArtist(address who) public {
        vm.assume(who != referrer && who != artist && who != solo);
        vm.deal(payer, 1);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.FeeRouter_UnknownArtist.selector, who));
        router.pay{value: 1}(who, 0, ETH, 1, "sale");
    }

    function testFuzz_pay_reverts_whenValueMismatch(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, 1e30);
        value = bound(value, 0, 1e30);
        vm.assume(value != amount);
        vm.deal(payer, value);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ValueMismatch.selector, value, amount));
        router.pay{value: value}(artist, 0, ETH, amount, "sale");
    }

    /// @notice A fee-on-transfer token cannot pay: every unit is already allocated, so a short delivery
    ///         reverts instead of over-crediting.
    function testFuzz_pay_reverts_forFeeOnTransferToken(uint256 amount) public {
        amount = bound(amount, 100, 1e30);
        FeeOnTransferToken fot = new FeeOnTransferToken();
        fot.mint(payer, amount);
        vm.prank(payer);
        fot.approve(address(ledger), amount);
        uint256 received = amount - (amount * 100) / 10_000;
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_AmountMismatch.selector, amount, received));
        router.pay(artist, 0, address(fot), amount, "sale");
    }

    function testFuzz_collect_onlyFeeRouter(address stranger) public {
        vm.assume(stranger != address(router));
        ILedger.Credit[] memory credits = new ILedger.Credit[](1);
        credits[0] = ILedger.Credit({to: stranger, amount: 1, source: "x"});
        vm.deal(stranger, 1);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, stranger));
        ledger.collect{value: 1}(stranger, ETH, 1, credits);
    }
}
