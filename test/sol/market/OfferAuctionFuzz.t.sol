// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IMarketBase} from "../../../contracts/market/IMarketBase.sol";
import {IOffers} from "../../../contracts/market/IOffers.sol";
import {IAuctions} from "../../../contracts/market/IAuctions.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";
import {HostileRoyaltyNFT} from "../../../contracts/mocks/HostileRoyaltyNFT.sol";

/// @title OfferAuctionFuzzTest
/// @notice Fuzzed money and rules of offers and auctions:
///         - for any unit price, quantity and ERC-2981 rate (0..100% on an outside collection, cut to 25%), and
///           for our referred drop collection, an accepted offer credits seller + royalty + treasury + referrer
///           exactly the price the buyer paid, each part by the documented rule;
///         - the same for an auction's settlement (ETH or a 6-decimal ERC-20, after an outbid), and the
///           marketplace keeps nothing;
///         - any sequence of bids at any times respects the minimum raise (a bid below it fails with the
///           minimum named) and the extension rule (the end is bid + duration for the first bid, bid + 15 min
///           for a bid in the last 15 minutes, unchanged otherwise), and each outbid bidder is credited.
contract OfferAuctionFuzzTest is DropsFixture {
    uint256 internal constant MARKET_BPS = 250;
    uint256 internal constant REFERRAL_BPS = 500;
    uint256 internal constant MAX_ROYALTY_BPS = 2500;
    uint256 internal constant DROP_ROYALTY_BPS = 500;
    uint256 internal constant EXTENSION = 15 minutes;
    uint256 internal constant TOKEN_ID = 7;

    Marketplace internal market;
    HostileRoyaltyNFT internal nft;
    DropCollection internal drops;
    address internal scout;
    address internal payout;
    address internal seller;
    address internal buyer;
    address internal rival;
    address internal royaltyReceiver;
    address[3] internal bidders;

    struct Expected {
        uint256 total;
        uint256 royalty;
        uint256 fee;
        uint256 referral;
        uint256 proceeds;
    }

    function setUp() public {
        deployDrops();
        market = new Marketplace(IPayments(address(ledger)), factory);
        vm.prank(admin);
        router.setInitialOperator(address(market), 1);
        assertEq(ledger.rates().marketBps, MARKET_BPS, "default market fee");

        scout = makeAddr("scout");
        registerArtist(scout, "scout", address(0), "");
        address artist = makeAddr("artist");
        (payout, ) = newSplit(makeAddr("band-a"), makeAddr("band-b"), bytes32(0));
        drops = newCollection(artist, "singer", payout, "scout");
        vm.prank(artist);
        drops.createEdition(saleConfig(ETH, 0, 0, 0), "");

        nft = new HostileRoyaltyNFT();
        seller = makeAddr("seller");
        buyer = makeAddr("buyer");
        rival = makeAddr("rival");
        royaltyReceiver = makeAddr("royalty");
        bidders = [buyer, rival, makeAddr("third")];
        vm.startPrank(seller);
        nft.setApprovalForAll(address(market), true);
        drops.setApprovalForAll(address(market), true);
        vm.stopPrank();
        for (uint256 i; i < 3; ++i) {
            vm.startPrank(bidders[i]);
            usdc.approve(address(ledger), type(uint256).max); // offers
            usdc.approve(address(market), type(uint256).max); // ERC-20 bids
            vm.stopPrank();
        }
    }

    function testFuzz_acceptOffer_partsAddUpToThePrice(
        uint256 price,
        uint256 offered,
        uint256 accepted,
        uint256 royaltyBps,
        bool referredDrop,
        bool anyToken
    ) public {
        price = bound(price, 1, 1e30);
        offered = bound(offered, 1, 1000);
        accepted = bound(accepted, 1, offered);
        royaltyBps = bound(royaltyBps, 0, BPS);
        (address collection, uint256 tokenId, address receiver) = _mintLot(referredDrop, royaltyBps, accepted);
        uint256 total = price * accepted;
        Expected memory e = _expected(total, _rawRoyalty(referredDrop, royaltyBps, total), referredDrop);

        IOffers.Offer memory o = IOffers.Offer({
            buyer: buyer,
            collection: collection,
            tokenId: tokenId, // a collection offer: ids up to this one (F-05)
            anyToken: anyToken,
            standard: IMarketBase.Standard.ERC1155,
            quantity: uint64(offered),
            currency: address(usdc),
            price: price,
            expiry: uint40(block.timestamp + 1 days),
            salt: 0
        });
        vm.prank(buyer);
        bytes32 id = market.makeOffer(o);
        usdc.mint(buyer, total);
        uint256 heldBefore = usdc.balanceOf(address(ledger));
        vm.prank(seller);
        market.acceptOffer(o, tokenId, accepted);

        _checkCredits(address(usdc), receiver, e);
        assertEq(usdc.balanceOf(address(ledger)) - heldBefore, total, "the Ledger holds exactly what it credited");
        assertEq(usdc.balanceOf(buyer), 0, "the buyer paid exactly the total");
        assertEq(market.offerRemaining(id), offered - accepted, "what is left of the offer");
        assertEq(HostileRoyaltyNFT(collection).balanceOf(buyer, tokenId), accepted, "the buyer holds the tokens");
    }

    function testFuzz_settle_partsAddUpToThePrice(
        uint256 reserve,
        uint256 winning,
        uint256 royaltyBps,
        uint256 quantity,
        bool referredDrop,
        bool inUsdc
    ) public {
        reserve = bound(reserve, 1, 1e30);
        royaltyBps = bound(royaltyBps, 0, BPS);
        quantity = bound(quantity, 1, 1000);
        (address collection, uint256 tokenId, address receiver) = _mintLot(referredDrop, royaltyBps, quantity);
        address currency = inUsdc ? address(usdc) : ETH;
        IAuctions.Auction memory a = IAuctions.Auction({
            seller: seller,
            collection: collection,
            tokenId: tokenId,
            standard: IMarketBase.Standard.ERC1155,
            quantity: uint64(quantity),
            currency: currency,
            reserve: reserve,
            duration: 1 days,
            minRaiseBps: 0,
            salt: 0
        });
        vm.prank(seller);
        bytes32 id = market.createAuction(a);
        // rival bids the reserve; buyer outbids with anything from the minimum raise up.
        _bid(a, rival, reserve);
        winning = bound(winning, market.minimumBid(a), 2e30);
        _bid(a, buyer, winning);
        assertEq(ledger.balanceOf(rival, currency), reserve, "the outbid rival is credited its bid");

        Expected memory e = _expected(winning, _rawRoyalty(referredDrop, royaltyBps, winning), referredDrop);
        uint256 heldBefore = _held(address(ledger), currency);
        vm.warp(market.auctionState(id).end);
        market.settle(a);

        _checkCredits(currency, receiver, e);
        assertEq(_held(address(ledger), currency) - heldBefore, winning, "the Ledger holds exactly what it credited");
        assertEq(_held(address(market), currency), 0, "the marketplace keeps nothing");
        assertEq(HostileRoyaltyNFT(collection).balanceOf(buyer, tokenId), quantity, "the winner holds the lot");
        assertEq(HostileRoyaltyNFT(collection).balanceOf(address(market), tokenId), 0, "nothing left in escrow");
    }

    function testFuzz_bids_respectMinimumRaiseAndExtension(
        uint256 seed,
        uint256 reserve,
        uint256 duration,
        uint256 minRaiseBps
    ) public {
        reserve = bound(reserve, 1, 1e24);
        duration = bound(duration, 15 minutes, 30 days);
        minRaiseBps = seed % 3 == 0 ? 0 : bound(minRaiseBps, 1, BPS);
        nft.mint(seller, TOKEN_ID, 1);
        IAuctions.Auction memory a = IAuctions.Auction({
            seller: seller,
            collection: address(nft),
            tokenId: TOKEN_ID,
            standard: IMarketBase.Standard.ERC1155,
            quantity: 1,
            currency: ETH,
            reserve: reserve,
            duration: uint32(duration),
            minRaiseBps: uint16(minRaiseBps),
            salt: 0
        });
        vm.prank(seller);
        bytes32 id = market.createAuction(a);

        address lead;
        uint256 amount;
        uint256 end;
        for (uint256 i; i < 16; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            // Time passes: often a little (the extension window), sometimes a lot.
            vm.warp(block.timestamp + (r % 4 == 0 ? (r >> 8) % (duration + 1) : (r >> 8) % (20 minutes)));
            address bidder = bidders[(r >> 64) % 3];
            uint256 minimum = lead == address(0) ? reserve : _minimum(amount, a.minRaiseBps);
            uint256 offered = _pickAmount(r >> 96, minimum);
            vm.deal(bidder, offered);
            if (end != 0 && block.timestamp >= end) {
                vm.expectRevert(abi.encodeWithSelector(IAuctions.Market_AuctionEnded.selector, id, uint40(end)));
                vm.prank(bidder);
                market.bid{value: offered}(a, offered);
                break;
            }
            if (offered < minimum) {
                vm.expectRevert(abi.encodeWithSelector(IAuctions.Market_BidTooLow.selector, minimum, offered));
                vm.prank(bidder);
                market.bid{value: offered}(a, offered);
                continue;
            }
            uint256 creditBefore = ledger.balanceOf(lead, ETH);
            vm.prank(bidder);
            market.bid{value: offered}(a, offered);
            if (lead != address(0)) {
                assertEq(ledger.balanceOf(lead, ETH) - creditBefore, amount, "the outbid bidder is credited");
            }
            uint256 expectedEnd =
                end == 0
                    ? block.timestamp + duration
                    : (end - block.timestamp < EXTENSION ? block.timestamp + EXTENSION : end);
            assertGe(expectedEnd, end, "the end never moves earlier");
            (lead, amount, end) = (bidder, offered, expectedEnd);
            IAuctions.AuctionState memory s = market.auctionState(id);
            assertEq(s.end, end, "end: bid + duration, bid + 15 min in the last 15 min, else unchanged");
            assertEq(s.bidder, lead, "the new lead");
            assertEq(s.amount, amount, "the new highest bid");
            assertEq(address(market).balance, amount, "the marketplace escrows exactly the highest bid");
            assertEq(market.minimumBid(a), _minimum(amount, a.minRaiseBps), "the next minimum");
        }
    }

    /// @dev The documented minimum raise: `bps` (5% when zero) of the last bid, at least 1 wei.
    function _minimum(uint256 last, uint16 bps) internal pure returns (uint256) {
        uint256 raise = (last * (bps == 0 ? 500 : bps)) / BPS;
        return last + (raise == 0 ? 1 : raise);
    }

    /// @dev Just below the minimum, at it, or above it by up to half of it.
    function _pickAmount(uint256 r, uint256 minimum) internal pure returns (uint256) {
        uint256 kind = r % 4;
        if (kind == 0) return minimum - 1;
        if (kind == 1) return minimum;
        return minimum + ((r >> 8) % (minimum / 2 + 1));
    }

    function _bid(IAuctions.Auction memory a, address bidder, uint256 amount) internal {
        uint256 value;
        if (a.currency == ETH) {
            value = amount;
            vm.deal(bidder, amount);
        } else {
            usdc.mint(bidder, amount);
        }
        vm.prank(bidder);
        market.bid{value: value}(a, amount);
    }

    /// @dev `quantity` of an ERC-1155 token held by the seller: our referred drop (5% royalty to the artist's
    ///      Split) or the outside collection paying `royaltyBps` to `royaltyReceiver`.
    function _mintLot(
        bool referredDrop,
        uint256 royaltyBps,
        uint256 quantity
    ) internal returns (address collection, uint256 tokenId, address receiver) {
        if (referredDrop) {
            drops.mint(seller, 1, quantity, address(0), 0); // a free edition
            return (address(drops), 1, payout);
        }
        nft.setRoyalty(HostileRoyaltyNFT.Mode.Honest, royaltyReceiver, royaltyBps);
        nft.mint(seller, TOKEN_ID, quantity);
        return (address(nft), TOKEN_ID, royaltyReceiver);
    }

    function _rawRoyalty(bool referredDrop, uint256 royaltyBps, uint256 total) internal pure returns (uint256) {
        return (total * (referredDrop ? DROP_ROYALTY_BPS : royaltyBps)) / BPS;
    }

    /// @dev The documented rule, written out independently of the contracts.
    function _expected(uint256 total, uint256 rawRoyalty, bool referred) internal pure returns (Expected memory e) {
        e.total = total;
        uint256 cap = (total * MAX_ROYALTY_BPS) / BPS;
        e.royalty = rawRoyalty > cap ? cap : rawRoyalty;
        e.fee = (total * MARKET_BPS) / BPS;
        e.referral = referred ? (e.fee * REFERRAL_BPS) / BPS : 0;
        e.proceeds = total - e.royalty - e.fee;
    }

    function _checkCredits(address currency, address receiver, Expected memory e) internal view {
        uint256 s = ledger.balanceOf(seller, currency);
        uint256 r = ledger.balanceOf(receiver, currency);
        uint256 t = ledger.balanceOf(treasury, currency);
        uint256 f = ledger.balanceOf(scout, currency);
        assertEq(s, e.proceeds, "seller: price - royalty - fee");
        assertEq(r, e.royalty, "royalty receiver: the royalty, cut to 25%");
        assertEq(t, e.fee - e.referral, "treasury: fee - referral");
        assertEq(f, e.referral, "referrer: 5% of the fee for our drops");
        assertEq(s + r + t + f, e.total, "seller + royalty + fee + referral == price");
    }

    function _held(address who, address currency) internal view returns (uint256) {
        return currency == ETH ? who.balance : usdc.balanceOf(who);
    }
}
