// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "./DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";

/// @title DropsFuzzTest
/// @notice Fuzzed properties of drop sales:
///         - money: for any price, quantity, referred or not, with or without an affiliate (who may also be
///           the fan, the treasury, the referrer or the payout), in ETH and in a 6-decimal ERC-20, what the fan
///           pays equals fee + referral + affiliate fee + the net credited to the payout, exactly, as Ledger
///           balance deltas, and the Ledger holds exactly that much more;
///         - every fiat order id mints at most once, whatever the parameters of the replay;
///         - the supply rule of updateEdition (only shrink, never below minted, an open edition may close);
///         - the sale-window rule of updateEdition (a started sale keeps its start and only ends earlier).
contract DropsFuzzTest is DropsFixture {
    uint256 internal constant PRIMARY_BPS = 1500;
    uint256 internal constant REFERRAL_BPS = 500;
    uint256 internal constant AFFILIATE_BPS = 2000;

    address internal scout;
    address internal artist;
    address internal plain;
    address internal payout;
    address internal fan;
    address internal affiliate;
    address internal minter;
    DropCollection internal referred;
    DropCollection internal unreferred;

    function setUp() public {
        deployDrops();
        IPayments.Rates memory r = ledger.rates();
        assertEq(r.primaryBps, PRIMARY_BPS, "default primary fee");
        assertEq(r.affiliateBps, AFFILIATE_BPS, "default affiliate share");
        assertEq(r.treasury, treasury, "treasury");

        scout = makeAddr("scout");
        registerArtist(scout, "scout", address(0), "");
        artist = makeAddr("artist");
        (payout, ) = newSplit(makeAddr("band-a"), makeAddr("band-b"), bytes32(0));
        referred = newCollection(artist, "singer", payout, "scout");
        plain = makeAddr("plain");
        unreferred = newCollection(plain, "plain", address(0), "");
        fan = makeAddr("fan");
        affiliate = makeAddr("affiliate");
        minter = makeAddr("minter");
        vm.prank(owner);
        factory.setDefaultMinter(minter); // only the platform's minter can be allowed (F-07)
        vm.prank(artist);
        referred.setMinter(minter, true);
    }

    // ---------------------------------------------------------------------------------------------
    // Money in == fee + referral + affiliate fee + net
    // ---------------------------------------------------------------------------------------------

    struct Case {
        DropCollection collection;
        address artist;
        address payout;
        address referrer;
        address affiliate;
        address currency;
        uint256 id;
        uint256 amount;
    }

    function testFuzz_mint_eth_valueInEqualsCredits(
        uint96 price,
        uint256 quantity,
        bool isReferred,
        uint256 affiliateSeed
    ) public {
        _mintAndCheck(ETH, price, quantity, isReferred, affiliateSeed);
    }

    function testFuzz_mint_erc20_valueInEqualsCredits(
        uint96 price,
        uint256 quantity,
        bool isReferred,
        uint256 affiliateSeed
    ) public {
        _mintAndCheck(address(usdc), price, quantity, isReferred, affiliateSeed);
    }

    function _case(
        address currency,
        uint96 price,
        uint256 quantity,
        bool isReferred,
        uint256 affiliateSeed
    ) internal returns (Case memory k) {
        k.collection = isReferred ? referred : unreferred;
        k.artist = isReferred ? artist : plain;
        k.payout = isReferred ? payout : plain;
        k.referrer = isReferred ? scout : address(0);
        k.currency = currency;
        // none (half the runs), a stranger, or someone already credited by the payment; the fan itself
        // (the payer) is ignored as its own affiliate
        uint256 pick = affiliateSeed % 10;
        address[6] memory candidates = [affiliate, fan, treasury, k.payout, scout, affiliate];
        k.affiliate = pick < 4 ? address(0) : candidates[pick - 4];
        vm.prank(k.artist);
        k.id = k.collection.createEdition(saleConfig(currency, price, 0, 0), "");
        k.amount = uint256(price) * quantity;
    }

    function _mintAndCheck(
        address currency,
        uint96 price,
        uint256 quantity,
        bool isReferred,
        uint256 affiliateSeed
    ) internal {
        quantity = bound(quantity, 1, 10_000);
        Case memory k = _case(currency, price, quantity, isReferred, affiliateSeed);

        // Expected parts, by the documented rule. A payer cannot be its own affiliate.
        address earner = k.affiliate == fan ? address(0) : k.affiliate;
        uint256 gross = (k.amount * PRIMARY_BPS) / BPS;
        uint256 referral = k.referrer != address(0) ? (gross * REFERRAL_BPS) / BPS : 0;
        uint256 affiliateFee = earner != address(0) ? (gross * AFFILIATE_BPS) / BPS : 0;
        uint256 fee = gross - referral - affiliateFee;
        uint256 net = k.amount - gross;
        assertEq(fee + referral + affiliateFee + net, k.amount, "parts add up");
        if (k.amount != 0) {
            IPayments.Quote memory q = ledger.quote(k.artist, 0, k.amount, earner);
            assertEq(q.fee, fee, "quote fee");
            assertEq(q.referral, referral, "quote referral");
            assertEq(q.affiliateFee, affiliateFee, "quote affiliate fee");
            assertEq(q.net, net, "quote net");
        }

        address[5] memory who = [treasury, k.referrer, earner, k.payout, fan];
        uint256[5] memory expected = [fee, referral, affiliateFee, net, 0];
        uint256[5] memory before;
        for (uint256 i; i < 5; ++i) before[i] = ledger.balanceOf(who[i], currency);
        uint256 heldBefore = _held(currency);

        uint256 value;
        if (currency == ETH) {
            value = k.amount;
            vm.deal(fan, value);
        } else {
            usdc.mint(fan, k.amount);
            vm.prank(fan);
            usdc.approve(address(ledger), k.amount);
        }
        vm.prank(fan);
        k.collection.mint{value: value}(fan, k.id, quantity, k.affiliate, price);

        // Each distinct address gained the sum of the parts it plays (the affiliate may be anyone).
        uint256 totalCredited;
        for (uint256 i; i < 5; ++i) {
            if (who[i] == address(0) && expected[i] == 0) continue;
            bool seen;
            for (uint256 j; j < i; ++j) {
                if (who[j] == who[i]) seen = true;
            }
            if (seen) continue;
            uint256 sum;
            for (uint256 j; j < 5; ++j) {
                if (who[j] == who[i]) sum += expected[j];
            }
            uint256 delta = ledger.balanceOf(who[i], currency) - before[i];
            assertEq(delta, sum, "Ledger credit == the parts this address plays");
            totalCredited += delta;
        }
        assertEq(totalCredited, k.amount, "money in == fee + referral + affiliate fee + net");
        assertEq(_held(currency) - heldBefore, k.amount, "the Ledger holds exactly what was paid");
        assertEq(_fanHolds(currency), 0, "the fan paid exactly price x quantity");
        assertEq(address(k.collection).balance, 0, "the collection keeps no ETH");
        assertEq(usdc.balanceOf(address(k.collection)), 0, "the collection keeps no tokens");
        assertEq(k.collection.balanceOf(fan, k.id), quantity, "tokens minted");
    }

    /// @notice F-01: whatever the artist reprices a running sale to before the mint lands, the payer never pays
    ///         more than its limit per token: within the limit the stored price is charged, above it the
    ///         mint reverts by name and takes nothing. The payer holds and approves far more (a standing
    ///         approval to the Ledger), so only `maxPrice` stands between its funds and the new price.
    function testFuzz_mint_repriced_neverChargesAboveMax(
        uint96 seen,
        uint96 repriced,
        uint256 maxPrice,
        uint256 quantity,
        bool inUsdc
    ) public {
        quantity = bound(quantity, 1, 100);
        address currency = inUsdc ? address(usdc) : ETH;
        vm.prank(artist);
        uint256 id = referred.createEdition(saleConfig(currency, seen, 0, 0), "");
        IDropCollection.EditionConfig memory c = referred.edition(id).config;
        c.price = repriced;
        vm.prank(artist);
        referred.updateEdition(id, c);

        uint256 total = uint256(repriced) * quantity;
        uint256 value = inUsdc ? 0 : total;
        vm.deal(fan, total + 1 ether);
        usdc.mint(fan, total + 1e12);
        vm.prank(fan);
        usdc.approve(address(ledger), type(uint256).max);
        uint256 before = _wallet(fan, currency);

        if (repriced > maxPrice) {
            vm.expectRevert(
                abi.encodeWithSelector(IDropCollection.DropCollection_PriceAboveMax.selector, id, repriced, maxPrice)
            );
        }
        vm.prank(fan);
        referred.mint{value: value}(fan, id, quantity, address(0), maxPrice);

        uint256 paid = before - _wallet(fan, currency);
        if (maxPrice < type(uint256).max / quantity) assertLe(paid, maxPrice * quantity, "never above the limit");
        assertEq(paid, repriced > maxPrice ? 0 : total, "the stored price within the limit, else nothing");
        assertEq(referred.balanceOf(fan, id), repriced > maxPrice ? 0 : quantity, "minted only within the limit");
    }

    function _wallet(address who, address currency) internal view returns (uint256) {
        return currency == ETH ? who.balance : usdc.balanceOf(who);
    }

    function _held(address currency) internal view returns (uint256) {
        return currency == ETH ? address(ledger).balance : usdc.balanceOf(address(ledger));
    }

    function _fanHolds(address currency) internal view returns (uint256) {
        return currency == ETH ? fan.balance : usdc.balanceOf(fan);
    }

    // ---------------------------------------------------------------------------------------------
    // Fiat orders
    // ---------------------------------------------------------------------------------------------

    function _editions() internal returns (uint256 capped, uint256 open) {
        vm.startPrank(artist);
        capped = referred.createEdition(saleConfig(ETH, 1 ether, 1_000, 1), "");
        open = referred.createEdition(saleConfig(address(usdc), 5e6, 0, 0), "");
        vm.stopPrank();
    }

    function _receiver(address to) internal view returns (address) {
        // EOAs only (a contract may refuse tokens; that is tested apart), never zero.
        return to == address(0) || to.code.length != 0 || to == address(vm) ? fan : to;
    }

    /// @notice The first mintPaid of an order id mints; any replay, with any parameters, reverts.
    function testFuzz_mintPaid_orderIdMintsOnce(
        bytes32 orderId,
        bytes32 otherId,
        address to,
        address replayTo,
        uint256 quantity,
        uint256 replayQuantity,
        bool replayOtherEdition
    ) public {
        vm.assume(orderId != otherId);
        to = _receiver(to);
        replayTo = _receiver(replayTo);
        quantity = bound(quantity, 1, 500);
        replayQuantity = bound(replayQuantity, 1, 500);
        (uint256 capped, uint256 open) = _editions();

        assertFalse(referred.orderMinted(orderId), "unminted at first");
        vm.prank(minter);
        referred.mintPaid(to, capped, quantity, orderId);
        assertTrue(referred.orderMinted(orderId), "minted");
        (uint256 publicMinted, ) = referred.mintedBy(capped, to);
        assertEq(publicMinted, quantity, "a fiat order counts toward the wallet's public mints");

        uint256 replayId = replayOtherEdition ? open : capped;
        vm.expectRevert(abi.encodeWithSelector(IDropCollection.DropCollection_OrderAlreadyMinted.selector, orderId));
        vm.prank(minter);
        referred.mintPaid(replayTo, replayId, replayQuantity, orderId);

        // Another minter cannot replay it either.
        address second = makeAddr("second-minter");
        vm.prank(owner);
        factory.setDefaultMinter(second); // the platform rotated its relayer
        vm.prank(artist);
        referred.setMinter(second, true);
        vm.expectRevert(abi.encodeWithSelector(IDropCollection.DropCollection_OrderAlreadyMinted.selector, orderId));
        vm.prank(second);
        referred.mintPaid(replayTo, replayId, replayQuantity, orderId);

        assertEq(referred.edition(capped).minted, quantity, "the replay minted nothing");
        assertEq(referred.edition(open).minted, 0, "the replay minted nothing elsewhere");

        vm.prank(minter);
        referred.mintPaid(replayTo, replayId, replayQuantity, otherId);
        assertEq(referred.edition(replayId).minted, (replayId == capped ? quantity : 0) + replayQuantity, "new id");
        assertEq(address(ledger).balance + usdc.balanceOf(address(ledger)), 0, "no payment is ever taken");
    }

    /// @notice A sequence of orders drawn from a small pool of ids: each id mints exactly on its first use.
    function testFuzz_mintPaid_sequenceMintsEachIdOnce(uint8[] calldata picks, uint256 seed) public {
        (uint256 capped, uint256 open) = _editions();
        uint256 n = picks.length > 40 ? 40 : picks.length;
        bool[16] memory used;
        uint256 expectedMinted;
        for (uint256 i; i < n; ++i) {
            uint256 pick = picks[i] % 16;
            bytes32 orderId = keccak256(abi.encode("order", pick));
            uint256 id = (seed >> i) & 1 == 0 ? capped : open;
            uint256 q = 1 + (uint256(keccak256(abi.encode(seed, i))) % 3);
            if (used[pick]) {
                vm.expectRevert(
                    abi.encodeWithSelector(IDropCollection.DropCollection_OrderAlreadyMinted.selector, orderId)
                );
            } else {
                used[pick] = true;
                expectedMinted += q;
            }
            vm.prank(minter);
            referred.mintPaid(fan, id, q, orderId);
        }
        assertEq(
            referred.edition(capped).minted + referred.edition(open).minted,
            expectedMinted,
            "one mint per distinct order id"
        );
        assertEq(
            referred.balanceOf(fan, capped) + referred.balanceOf(fan, open),
            expectedMinted,
            "balances match the mints"
        );
    }

    /// @notice A refused order (sold out) stays unminted and can be minted later elsewhere.
    function testFuzz_mintPaid_refusedOrderStaysUnminted(bytes32 orderId, uint256 quantity) public {
        quantity = bound(quantity, 1, 50);
        vm.prank(artist);
        uint256 id = referred.createEdition(saleConfig(ETH, 1, uint32(quantity), 0), "");
        vm.prank(minter);
        referred.mintPaid(fan, id, quantity, keccak256(abi.encode(orderId)));
        vm.expectRevert(abi.encodeWithSelector(IDropCollection.DropCollection_SoldOut.selector, id, 1, 0));
        vm.prank(minter);
        referred.mintPaid(fan, id, 1, orderId);
        assertFalse(referred.orderMinted(orderId), "a refused order is not consumed");
        (, uint256 open) = _editions();
        vm.prank(minter);
        referred.mintPaid(fan, open, 1, orderId);
        assertTrue(referred.orderMinted(orderId), "then minted once");
    }

    // ---------------------------------------------------------------------------------------------
    // updateEdition rules
    // ---------------------------------------------------------------------------------------------

    /// @notice Supply only shrinks, never below minted; an open edition may close (at or above minted).
    function testFuzz_updateEdition_supplyRule(uint32 maxSupply, uint32 minted, uint32 next) public {
        maxSupply = uint32(bound(maxSupply, 0, 1_000));
        minted = uint32(bound(minted, 0, maxSupply == 0 ? 1_000 : maxSupply));
        next = uint32(bound(next, 0, 1_200));
        vm.prank(artist);
        uint256 id = referred.createEdition(saleConfig(ETH, 0, maxSupply, 0), "");
        if (minted != 0) {
            vm.prank(minter);
            referred.mintPaid(fan, id, minted, keccak256(abi.encode(id, minted)));
        }
        IDropCollection.EditionConfig memory c = referred.edition(id).config;
        c.maxSupply = next;
        bool shrinksOrCloses = maxSupply == 0 || (next != 0 && next <= maxSupply);
        bool allowed = shrinksOrCloses && (next == 0 || next >= minted);
        if (!allowed) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IDropCollection.DropCollection_InvalidSupply.selector,
                    id,
                    maxSupply,
                    next,
                    minted
                )
            );
        }
        vm.prank(artist);
        referred.updateEdition(id, c);
        IDropCollection.Edition memory e = referred.edition(id);
        assertEq(e.config.maxSupply, allowed ? next : maxSupply, "maxSupply");
        assertEq(e.minted, minted, "minted kept");
        if (e.config.maxSupply != 0) assertLe(e.minted, e.config.maxSupply, "minted <= maxSupply");
    }

    /// @notice Before the start anything valid goes; from the start on, the start is fixed and the end can only
    ///         come earlier (or appear). Start 0 means now, as at creation (see DropsFindings.t.sol).
    function testFuzz_updateEdition_windowRule(
        uint32 startOffset,
        uint32 endOffset,
        uint32 warpBy,
        uint32 nextStart,
        uint32 nextEnd
    ) public {
        uint256 t0 = block.timestamp;
        uint32 start = uint32(t0 + bound(startOffset, 0, 30 days));
        uint32 end = endOffset % 3 == 0 ? 0 : uint32(start + bound(endOffset, 1, 30 days));
        IDropCollection.EditionConfig memory c = saleConfig(ETH, 1, 0, 0);
        c.start = start;
        c.end = end;
        vm.prank(artist);
        uint256 id = referred.createEdition(c, "");
        vm.warp(t0 + bound(warpBy, 0, 70 days));

        nextStart = nextStart % 5 == 0 ? 0 : uint32(bound(nextStart, 1, t0 + 80 days));
        nextEnd = nextEnd % 4 == 0 ? 0 : uint32(bound(nextEnd, 1, t0 + 90 days));
        c.start = nextStart;
        c.end = nextEnd;
        if (nextStart == 0) nextStart = uint32(block.timestamp); // what the update must store
        bool validWindow = nextEnd == 0 || nextEnd > nextStart;
        bool running = block.timestamp >= start;
        bool endsLater = end != 0 && (nextEnd == 0 || nextEnd > end);
        bytes memory err;
        if (running && (nextStart != start || endsLater)) {
            err = abi.encodeWithSelector(IDropCollection.DropCollection_SaleRunning.selector, id);
        } else if (!validWindow) {
            err = abi.encodeWithSelector(IDropCollection.DropCollection_InvalidWindow.selector);
        }
        if (err.length != 0) vm.expectRevert(err);
        vm.prank(artist);
        referred.updateEdition(id, c);
        IDropCollection.EditionConfig memory stored = referred.edition(id).config;
        if (err.length == 0) {
            assertEq(stored.start, nextStart, "new start");
            assertEq(stored.end, nextEnd, "new end");
            if (running) {
                assertEq(stored.start, start, "a started sale keeps its start");
                if (end != 0) assertTrue(stored.end != 0 && stored.end <= end, "and only ends earlier");
            }
        } else {
            assertEq(stored.start, start, "unchanged start");
            assertEq(stored.end, end, "unchanged end");
        }
    }
}
