// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Fixture} from "./utils/Fixture.sol";
import {Vm} from "./utils/Test.sol";
import {ILedger} from "../../contracts/ledger/ILedger.sol";
import {IPayments} from "../../contracts/ledger/IPayments.sol";
import {TestToken} from "../../contracts/mocks/TestToken.sol";
import {NoReturnToken} from "../../contracts/mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "../../contracts/mocks/FeeOnTransferToken.sol";
import {GasBurner} from "../../contracts/mocks/GasBurner.sol";

/// @title PaymentsTest
/// @notice Ledger.pay (contracts/ledger/Payments.sol): fee + referral + affiliateFee + net == gross for any
///         amount, kind, fee up to the cap and affiliate share up to its cap, with or without a referrer and
///         an affiliate, in ETH or an ERC-20; each part is credited to its owner and the Ledger holds exactly
///         the sum of the balances; one Paid event and no Credited; who may pay for whom; the Ledger's
///         writers (FeeRouter, registry, factories) are the only ones.
contract PaymentsTest is Fixture {
    address internal constant ETH = address(0);
    address internal referrer; // artist "ref", the referrer of "artist"
    address internal artist; // referred, paid to `payout`
    address internal solo; // not referred, paid to itself
    address internal payout;
    address internal payer;
    address internal affiliate;
    address internal operator;
    TestToken internal usdc;
    NoReturnToken internal noRet;

    function setUp() public {
        deployCore();
        referrer = makeAddr("referrer");
        artist = makeAddr("artist");
        solo = makeAddr("solo");
        payout = makeAddr("payout");
        payer = makeAddr("payer");
        affiliate = makeAddr("affiliate");
        operator = makeAddr("operator");
        // Operators are contracts (issue 14, F-02): give the test operator code.
        vm.etch(operator, hex"00");
        registerArtist(referrer, "ref", address(0), "");
        registerArtist(artist, "artist", payout, "ref");
        registerArtist(solo, "solo", address(0), "");
        usdc = new TestToken("USD Coin", "USDC", 6);
        noRet = new NoReturnToken();
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev The spec of IPayments, written out independently of the contract.
    function _expected(
        uint256 amount,
        uint16 bps,
        bool referred,
        uint16 affiliateBps
    ) internal pure returns (uint256 fee, uint256 referral, uint256 affiliateFee, uint256 net) {
        uint256 gross = (amount * bps) / 10_000;
        referral = referred ? (gross * 500) / 10_000 : 0;
        affiliateFee = (gross * affiliateBps) / 10_000;
        fee = gross - referral - affiliateFee;
        net = amount - gross;
    }

    function _token(uint8 tokenKind) internal view returns (address) {
        tokenKind = uint8(bound(tokenKind, 0, 2));
        return
            tokenKind == 0
                ? ETH
                : tokenKind == 1
                    ? address(usdc)
                    : address(noRet);
    }

    /// @dev Gives `who` `amount` of `token` and, for an ERC-20, approves the Ledger for it.
    function _fund(address who, address token, uint256 amount) internal {
        if (token == ETH) {
            vm.deal(who, amount);
            return;
        }
        TestToken(token).mint(who, amount); // same mint signature on both tokens
        vm.prank(who);
        (bool ok, ) = token.call(abi.encodeWithSignature("approve(address,uint256)", address(ledger), amount));
        assertTrue(ok, "approve");
    }

    function _held(address token) internal view returns (uint256) {
        return token == ETH ? address(ledger).balance : TestToken(token).balanceOf(address(ledger));
    }

    /// @dev The sum of the Ledger balances of `owners`, each address counted once.
    function _sumOfBalances(address[] memory owners, address token) internal view returns (uint256 sum) {
        for (uint256 i; i < owners.length; ++i) {
            bool seen;
            for (uint256 j; j < i; ++j) {
                if (owners[j] == owners[i]) seen = true;
            }
            if (!seen) sum += ledger.balanceOf(owners[i], token);
        }
    }

    /// @dev The data (non-indexed fields) of a Paid event, in order: every field is static, so it decodes
    ///      as one struct.
    struct PaidData {
        address operator;
        uint8 kind;
        bytes32 source;
        uint256 ref;
        uint256 gross;
        uint256 fee;
        uint256 referral;
        uint256 affiliateFee;
        address affiliate;
        address payout;
        address referrer;
        address treasury;
    }

    /// @dev The only Ledger log of the last recorded call must be Paid with these fields, naming the
    ///      artist's payout and referrer and the treasury in force.
    function _assertOnePaid(
        Vm.Log[] memory logs,
        IPayments.Payment memory p,
        address by,
        uint256 fee,
        uint256 referral,
        uint256 affiliateFee
    ) internal view {
        uint256 fromLedger;
        uint256 at;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(ledger)) {
                ++fromLedger;
                at = i;
            }
        }
        assertEq(fromLedger, 1, "one Ledger event per payment (no Credited events)");
        Vm.Log memory log = logs[at];
        assertEq(log.topics[0], IPayments.Paid.selector, "it is Paid");
        assertEq(log.topics[1], bytes32(uint256(uint160(p.artist))), "Paid.artist");
        assertEq(log.topics[2], bytes32(uint256(uint160(p.payer))), "Paid.payer");
        assertEq(log.topics[3], bytes32(uint256(uint160(p.token))), "Paid.token");
        PaidData memory d = abi.decode(log.data, (PaidData));
        assertEq(d.operator, by, "Paid.operator is the caller");
        assertEq(d.kind, p.kind, "Paid.kind");
        assertEq(d.source, p.source, "Paid.source");
        assertEq(d.ref, p.ref, "Paid.ref");
        assertEq(d.gross, p.amount, "Paid.gross");
        assertEq(d.fee, fee, "Paid.fee");
        assertEq(d.referral, referral, "Paid.referral");
        assertEq(d.affiliateFee, affiliateFee, "Paid.affiliateFee");
        assertEq(d.affiliate, p.affiliate, "Paid.affiliate");
        IPayments.Payee memory payee = ledger.payeeOf(p.artist);
        assertEq(d.payout, payee.payout, "Paid.payout");
        assertEq(d.referrer, payee.referrer, "Paid.referrer");
        assertEq(d.treasury, ledger.rates().treasury, "Paid.treasury");
    }

    // ---------------------------------------------------------------------------------------------
    // Splitting a payment
    // ---------------------------------------------------------------------------------------------

    /// @notice For any amount, kind, fee up to the cap, affiliate share up to its cap, with or without a
    ///         referrer, with or without an affiliate, in ETH, an ERC-20 or a token without return values:
    ///         fee + referral + affiliateFee + net == amount, each part reaches its owner, and the Ledger
    ///         holds exactly the sum of the balances.
    function testFuzz_pay_conservesValue(
        uint256 amount,
        uint8 kind,
        uint16 bps,
        uint16 affiliateBps,
        bool referred,
        bool withAffiliate,
        uint8 tokenKind
    ) public {
        kind = uint8(bound(kind, 0, 2));
        bps = uint16(bound(bps, 0, router.capBps(kind)));
        affiliateBps = uint16(bound(affiliateBps, 0, router.AFFILIATE_CAP_BPS()));
        amount = bound(amount, 1, 1e36);
        if (bps != router.feeBps(kind)) setFeeNow(kind, bps);
        vm.prank(admin);
        router.setAffiliateShare(affiliateBps);
        address who = referred ? artist : solo;
        address to = referred ? payout : solo;
        address aff = withAffiliate ? affiliate : address(0);
        address token = _token(tokenKind);
        _fund(payer, token, amount);

        IPayments.Payment memory p = newPayment(payer, token, amount, who, kind, aff);
        p.ref = amount % 1000;
        IPayments.Quote memory q = ledger.quote(who, kind, amount, aff);
        vm.recordLogs();
        vm.prank(payer);
        uint256 net = ledger.pay{value: token == ETH ? amount : 0}(p);

        (uint256 fee, uint256 referral, uint256 affiliateFee, uint256 expNet) = _expected(
            amount,
            bps,
            referred,
            withAffiliate ? affiliateBps : 0
        );
        assertEq(fee + referral + affiliateFee + expNet, amount, "fee + referral + affiliateFee + net == gross");
        assertEq(q.fee, fee, "quote fee");
        assertEq(q.referral, referral, "quote referral: 5% of the fee, floor; zero without referrer");
        assertEq(q.affiliateFee, affiliateFee, "quote affiliate share: of the fee; zero without affiliate");
        assertEq(q.net, expNet, "quote net");
        assertEq(q.treasury, treasury, "quote treasury");
        assertEq(q.referrer, referred ? referrer : address(0), "quote referrer");
        assertEq(q.payout, to, "quote payout");
        assertEq(net, expNet, "pay returns the net");
        _assertOnePaid(vm.getRecordedLogs(), p, payer, fee, referral, affiliateFee);

        assertEq(ledger.balanceOf(treasury, token), fee, "treasury credited the fee");
        assertEq(ledger.balanceOf(to, token), expNet, "payout credited the net");
        assertEq(ledger.balanceOf(referrer, token), referral, "referrer credited 5% of the fee, or nothing");
        assertEq(ledger.balanceOf(affiliate, token), affiliateFee, "affiliate credited its share, or nothing");
        address[] memory owners = new address[](4);
        (owners[0], owners[1], owners[2], owners[3]) = (treasury, to, referrer, affiliate);
        assertEq(_held(token), _sumOfBalances(owners, token), "the Ledger holds exactly the sum of balances");
        assertEq(_held(token), amount, "the Ledger received the gross");
    }

    /// @notice The parties may coincide (the affiliate is the payout, the treasury, the referrer, the payer
    ///         or the artist): every part is still credited and nothing is lost or created.
    function testFuzz_pay_conservesValue_whenPartiesCoincide(
        uint256 amount,
        uint8 kind,
        uint8 pick,
        bool referred,
        uint8 tokenKind
    ) public {
        kind = uint8(bound(kind, 0, 2));
        amount = bound(amount, 1, 1e36);
        address who = referred ? artist : solo;
        address to = referred ? payout : solo;
        address[5] memory candidates = [to, treasury, referrer, payer, who];
        address aff = candidates[bound(pick, 0, 4)];
        address token = _token(tokenKind);
        _fund(payer, token, amount);

        vm.prank(payer);
        uint256 net = ledger.pay{value: token == ETH ? amount : 0}(newPayment(payer, token, amount, who, kind, aff));

        // A payer naming itself as affiliate earns nothing: the treasury keeps that share.
        uint16 share = aff == payer ? 0 : router.affiliateShareBps();
        (uint256 fee, uint256 referral, uint256 affiliateFee, uint256 expNet) = _expected(
            amount,
            router.feeBps(kind),
            referred,
            share
        );
        assertEq(net, expNet, "net");
        address[] memory owners = new address[](6);
        (owners[0], owners[1], owners[2], owners[3], owners[4], owners[5]) = (to, treasury, referrer, payer, who, aff);
        assertEq(_sumOfBalances(owners, token), amount, "the parts add up to the gross");
        assertEq(_held(token), amount, "the Ledger holds exactly the sum of balances");
        // Each address gets the sum of the parts it holds.
        uint256 toAff = affiliateFee;
        if (aff == to) toAff += expNet;
        if (aff == treasury) toAff += fee;
        if (referred && aff == referrer) toAff += referral;
        assertEq(ledger.balanceOf(aff, token), toAff, "the affiliate's balance is the sum of its parts");
    }

    /// @notice The affiliate share only divides the platform's fee: the artist's net and the referrer's part
    ///         are the same with and without an affiliate.
    function testFuzz_quote_affiliateShareComesOutOfTheFee(
        uint256 amount,
        uint8 kind,
        uint16 affiliateBps,
        bool referred,
        address aff
    ) public {
        vm.assume(aff != address(0));
        kind = uint8(bound(kind, 0, 2));
        amount = bound(amount, 0, 1e36);
        affiliateBps = uint16(bound(affiliateBps, 0, router.AFFILIATE_CAP_BPS()));
        vm.prank(admin);
        router.setAffiliateShare(affiliateBps);
        address who = referred ? artist : solo;
        IPayments.Quote memory alone = ledger.quote(who, kind, amount, address(0));
        IPayments.Quote memory shared = ledger.quote(who, kind, amount, aff);
        assertEq(alone.affiliateFee, 0, "no affiliate, no affiliate share");
        assertEq(shared.net, alone.net, "the net never moves");
        assertEq(shared.referral, alone.referral, "the referral never moves");
        assertEq(shared.fee + shared.affiliateFee, alone.fee, "the affiliate share comes out of the fee");
        uint256 gross = amount - alone.net;
        assertEq(shared.affiliateFee, (gross * affiliateBps) / 10_000, "affiliate share of the whole fee");
    }

    /// @notice Concrete: 10,000 wei primary, referred, with an affiliate: 1,125 / 75 / 300 / 8,500.
    function test_pay_eth_creditsEveryPart() public {
        vm.deal(payer, 10_000);
        IPayments.Payment memory p = newPayment(payer, ETH, 10_000, artist, 0, affiliate);
        p.source = "mint";
        p.ref = 7;
        vm.expectEmit(address(ledger));
        emit IPayments.Paid(
            artist,
            payer,
            ETH,
            payer,
            0,
            "mint",
            7,
            10_000,
            1_125,
            75,
            300,
            affiliate,
            payout,
            referrer,
            treasury
        );
        vm.prank(payer);
        assertEq(ledger.pay{value: 10_000}(p), 8_500, "net");
        assertEq(ledger.balanceOf(treasury, ETH), 1_125, "treasury");
        assertEq(ledger.balanceOf(referrer, ETH), 75, "referrer");
        assertEq(ledger.balanceOf(affiliate, ETH), 300, "affiliate");
        assertEq(ledger.balanceOf(payout, ETH), 8_500, "payout");
        assertEq(address(ledger).balance, 10_000, "held");
    }

    /// @notice A payment follows the artist's latest payout (the registry writes it to the Ledger).
    function test_pay_followsTheLatestPayout() public {
        address next = makeAddr("next payout");
        vm.prank(artist);
        registry.setPayout(next);
        vm.deal(payer, 1_000);
        vm.prank(payer);
        ledger.pay{value: 1_000}(newPayment(payer, ETH, 1_000, artist, 0, address(0)));
        assertEq(ledger.balanceOf(next, ETH), 850, "the new payout is credited");
        assertEq(ledger.balanceOf(payout, ETH), 0, "the old one is not");
    }

    // ---------------------------------------------------------------------------------------------
    // Reverts
    // ---------------------------------------------------------------------------------------------

    function testFuzz_pay_reverts_forUnknownArtist(address who) public {
        vm.assume(who != referrer && who != artist && who != solo);
        vm.deal(payer, 1);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_UnknownArtist.selector, who));
        ledger.pay{value: 1}(newPayment(payer, ETH, 1, who, 0, address(0)));
    }

    function testFuzz_pay_reverts_forUnknownKind(uint8 kind) public {
        kind = uint8(bound(kind, 3, type(uint8).max));
        vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_UnknownKind.selector, kind));
        ledger.quote(artist, kind, 1, address(0));
        vm.deal(payer, 1);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_UnknownKind.selector, kind));
        ledger.pay{value: 1}(newPayment(payer, ETH, 1, artist, kind, address(0)));
    }

    /// @notice A zero payment reverts, in ETH or an ERC-20, from the payer or an operator.
    function test_pay_reverts_onZeroAmount() public {
        vm.prank(admin);
        router.setInitialOperator(operator, 1);
        address[2] memory callers = [payer, operator];
        for (uint256 i; i < 2; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
            ledger.pay(newPayment(payer, ETH, 0, artist, 0, address(0)));
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ZeroAmount.selector));
            ledger.pay(newPayment(payer, address(usdc), 0, artist, 0, affiliate));
        }
    }

    function testFuzz_pay_reverts_whenValueMismatch(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, 1e30);
        value = bound(value, 0, 1e30);
        vm.assume(value != amount);
        vm.deal(payer, value);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ValueMismatch.selector, value, amount));
        ledger.pay{value: value}(newPayment(payer, ETH, amount, artist, 0, address(0)));
    }

    function testFuzz_pay_erc20_reverts_whenEthSentAlong(uint256 value) public {
        value = bound(value, 1, 1e30);
        _fund(payer, address(usdc), 100);
        vm.deal(payer, value);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_ValueMismatch.selector, value, 0));
        ledger.pay{value: value}(newPayment(payer, address(usdc), 100, artist, 0, address(0)));
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
        ledger.pay(newPayment(payer, address(fot), amount, artist, 0, affiliate));
    }

    // ---------------------------------------------------------------------------------------------
    // Paying for another payer
    // ---------------------------------------------------------------------------------------------

    /// @notice Nobody but the payer itself or an operator can spend the payer's approval to the Ledger.
    function testFuzz_pay_erc20_reverts_whenCallerIsNeitherPayerNorOperator(address caller, uint256 amount) public {
        vm.assume(caller != payer && caller != address(0) && caller != address(vm));
        amount = bound(amount, 1, 1e30);
        _fund(payer, address(usdc), amount);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, caller));
        ledger.pay(newPayment(payer, address(usdc), amount, artist, 0, caller));
        assertEq(usdc.balanceOf(payer), amount, "the payer keeps its tokens");
    }

    /// @notice An operator (level 1, or a level-2 factory) pulls from a payer who approved the Ledger; the
    ///         Paid event names the payer and the operator.
    function testFuzz_pay_erc20_operatorPullsFromApprovedPayer(uint256 amount, uint8 level, bool withAffiliate) public {
        amount = bound(amount, 1, 1e30);
        level = uint8(bound(level, 1, 2));
        vm.prank(admin);
        router.setInitialOperator(operator, level);
        _fund(payer, address(usdc), amount);
        address aff = withAffiliate ? affiliate : address(0);
        IPayments.Payment memory p = newPayment(payer, address(usdc), amount, artist, 0, aff);
        (uint256 fee, uint256 referral, uint256 affiliateFee, uint256 net) = _expected(
            amount,
            1500,
            true,
            withAffiliate ? 2000 : 0
        );
        vm.recordLogs();
        vm.prank(operator);
        assertEq(ledger.pay(p), net, "net");
        _assertOnePaid(vm.getRecordedLogs(), p, operator, fee, referral, affiliateFee);
        assertEq(usdc.balanceOf(payer), 0, "pulled from the payer");
        assertEq(usdc.balanceOf(operator), 0, "not from the operator");
        assertEq(ledger.balanceOf(payout, address(usdc)), net, "payout");
        assertEq(usdc.balanceOf(address(ledger)), amount, "held");
    }

    /// @notice An operator can only spend what the payer approved to the Ledger.
    function test_pay_erc20_operatorIsBoundByTheApproval() public {
        vm.prank(admin);
        router.setInitialOperator(operator, 1);
        usdc.mint(payer, 1_000);
        vm.prank(payer);
        usdc.approve(address(ledger), 400);
        vm.prank(operator);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(ledger), 400, 1_000)
        );
        ledger.pay(newPayment(payer, address(usdc), 1_000, artist, 0, address(0)));
        // Demoted to level 0, it can no longer pay for anyone.
        vm.prank(admin);
        router.setInitialOperator(operator, 0);
        vm.prank(operator);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, operator));
        ledger.pay(newPayment(payer, address(usdc), 400, artist, 0, address(0)));
    }

    /// @notice In ETH the value comes from the caller, so the payer is only its statement: anyone may pay
    ///         and name any payer; the Paid event records both.
    function testFuzz_pay_eth_payerIsTheCallersStatement(address caller, address named) public {
        vm.assume(caller != address(0) && caller != address(ledger) && caller != address(vm));
        vm.deal(caller, 2_000);
        IPayments.Payment memory p = newPayment(named, ETH, 2_000, solo, 2, address(0));
        vm.recordLogs();
        vm.prank(caller);
        ledger.pay{value: 2_000}(p);
        _assertOnePaid(vm.getRecordedLogs(), p, caller, 200, 0, 0);
        assertEq(ledger.balanceOf(solo, ETH), 1_800, "net of the 10% live fee");
    }

    // ---------------------------------------------------------------------------------------------
    // The Ledger's writers
    // ---------------------------------------------------------------------------------------------

    function testFuzz_setRates_onlyFeeRouter(address caller) public {
        vm.assume(caller != address(router) && caller != address(vm));
        IPayments.Rates memory r = IPayments.Rates({
            treasury: caller,
            primaryBps: 10_000,
            marketBps: 10_000,
            liveBps: 10_000,
            affiliateBps: 10_000
        });
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, caller));
        ledger.setRates(r);
        assertEq(ledger.rates().treasury, treasury, "rates unchanged");
    }

    function testFuzz_setOperator_onlyFeeRouter(address caller, uint8 level) public {
        vm.assume(caller != address(router) && caller != address(vm));
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, caller));
        ledger.setOperator(caller, level);
        assertEq(ledger.operatorLevel(caller), 0, "no level");
    }

    function testFuzz_setPayee_onlyRegistry(address caller, address who) public {
        vm.assume(caller != address(registry) && caller != address(vm));
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, caller));
        ledger.setPayee(artist, who, who);
        assertEq(ledger.payeeOf(artist).payout, payout, "payee unchanged");
    }

    /// @notice Only a level-2 account (a factory) may add operators, only of level 1, and only contracts
    ///         without a level (the ones it just created): never a wallet, never another factory.
    function testFuzz_addOperator_onlyFactories(address caller, uint8 level, bool isContract) public {
        vm.assume(uint160(caller) > 0xff && caller != address(vm));
        level = uint8(bound(level, 0, 2));
        // Only contracts are operators (F-02): a fuzzed wallet gets code.
        if (level != 0 && caller.code.length == 0) vm.etch(caller, hex"00");
        vm.prank(admin);
        router.setInitialOperator(caller, level);
        // A fresh contract (any code will do) or a wallet.
        address account = isContract ? address(new GasBurner()) : makeAddr("a wallet");
        vm.prank(caller);
        if (level != 2) {
            vm.expectRevert(abi.encodeWithSelector(ILedger.Ledger_Unauthorized.selector, caller));
            ledger.addOperator(account);
            assertEq(ledger.operatorLevel(account), 0, "no new operator");
        } else if (!isContract) {
            vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_InvalidLevel.selector, 0));
            ledger.addOperator(account);
            assertEq(ledger.operatorLevel(account), 0, "a wallet never becomes an operator");
        } else {
            vm.expectEmit(address(ledger));
            emit IPayments.OperatorSet(account, 1, caller);
            ledger.addOperator(account);
            assertEq(ledger.operatorLevel(account), 1, "a level-1 operator");
            // ...once: a factory cannot change a level that is set (here: demote a factory or re-add).
            vm.prank(caller);
            vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_InvalidLevel.selector, 1));
            ledger.addOperator(account);
            vm.prank(caller);
            vm.expectRevert(abi.encodeWithSelector(IPayments.Payments_InvalidLevel.selector, 2));
            ledger.addOperator(caller);
        }
    }
}
