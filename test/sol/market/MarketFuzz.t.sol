// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IMarketBase} from "../../../contracts/market/IMarketBase.sol";
import {IListings} from "../../../contracts/market/IListings.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";
import {HostileRoyaltyNFT} from "../../../contracts/mocks/HostileRoyaltyNFT.sol";

/// @title MarketFuzzTest
/// @notice Fuzzed money of marketplace sales: for any unit price, quantity and ERC-2981 rate (0..100% on an
///         outside mock collection, cut to 25%), in ETH and in a 6-decimal ERC-20, and for our referred drop
///         collection, the buy never reverts on arithmetic, the Ledger balance deltas of seller + royalty
///         receiver + treasury + referrer equal exactly the price paid, each part matches the documented rule,
///         and the Ledger holds exactly the sum of the balances.
contract MarketFuzzTest is DropsFixture {
    uint256 internal constant MARKET_BPS = 250;
    uint256 internal constant REFERRAL_BPS = 500;
    uint256 internal constant MAX_ROYALTY_BPS = 2500;
    uint256 internal constant TOKEN_ID = 7;

    Marketplace internal market;
    HostileRoyaltyNFT internal nft;
    DropCollection internal drops;
    address internal scout;
    address internal artist;
    address internal payout;
    address internal seller;
    address internal buyer;
    address internal royaltyReceiver;

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
        artist = makeAddr("artist");
        (payout, ) = newSplit(makeAddr("band-a"), makeAddr("band-b"), bytes32(0));
        drops = newCollection(artist, "singer", payout, "scout");
        vm.prank(artist);
        drops.createEdition(saleConfig(ETH, 0, 0, 0), "");

        nft = new HostileRoyaltyNFT();
        seller = makeAddr("seller");
        buyer = makeAddr("buyer");
        royaltyReceiver = makeAddr("royalty");
        vm.prank(seller);
        nft.setApprovalForAll(address(market), true);
        vm.prank(seller);
        drops.setApprovalForAll(address(market), true);
        vm.prank(buyer);
        usdc.approve(address(ledger), type(uint256).max);
    }

    function testFuzz_buy_outside_partsAddUpToThePrice(
        uint256 price,
        uint256 listed,
        uint256 bought,
        uint256 royaltyBps,
        bool inUsdc
    ) public {
        price = bound(price, 1, 1e30);
        listed = bound(listed, 1, 1000);
        bought = bound(bought, 1, listed);
        royaltyBps = bound(royaltyBps, 0, BPS);
        nft.setRoyalty(HostileRoyaltyNFT.Mode.Honest, royaltyReceiver, royaltyBps);
        nft.mint(seller, TOKEN_ID, listed);

        Expected memory e = _expected(price * bought, (price * bought * royaltyBps) / BPS, false);
        if (royaltyBps > MAX_ROYALTY_BPS) {
            assertEq(e.royalty, (e.total * MAX_ROYALTY_BPS) / BPS, "a royalty above 25% is cut to 25%");
        }
        _buyAndCheck(address(nft), inUsdc ? address(usdc) : ETH, price, listed, bought, e, address(0));
    }

    function testFuzz_buy_referredDrop_partsAddUpToThePrice(uint256 price, uint256 listed, uint256 bought) public {
        price = bound(price, 1, 1e30);
        listed = bound(listed, 1, 1000);
        bought = bound(bought, 1, listed);
        vm.prank(seller);
        drops.mint(seller, 1, listed, address(0), 0); // a free edition
        (address receiver, uint256 raw) = drops.royaltyInfo(1, price * bought);
        assertEq(receiver, payout, "royalty to the artist's payout");
        Expected memory e = _expected(price * bought, raw, true);
        assertEq(e.referral, (e.fee * REFERRAL_BPS) / BPS, "5% of the fee to the referrer");
        _buyAndCheck(address(drops), ETH, price, listed, bought, e, payout);
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

    function _buyAndCheck(
        address collection,
        address currency,
        uint256 price,
        uint256 listed,
        uint256 bought,
        Expected memory e,
        address receiver
    ) internal {
        if (receiver == address(0)) receiver = royaltyReceiver;
        IListings.Listing memory listing = IListings.Listing({
            seller: seller,
            collection: collection,
            tokenId: collection == address(drops) ? 1 : TOKEN_ID,
            standard: IMarketBase.Standard.ERC1155,
            quantity: uint64(listed),
            currency: currency,
            price: price,
            expiry: uint40(block.timestamp + 1 days),
            salt: 0
        });
        vm.prank(seller);
        bytes32 id = market.list(listing);

        uint256 heldBefore = _held(currency);
        uint256 value;
        if (currency == ETH) {
            value = e.total;
            vm.deal(buyer, value);
        } else {
            usdc.mint(buyer, e.total);
        }
        vm.prank(buyer);
        market.buy{value: value}(listing, bought, currency, price);

        uint256 s = ledger.balanceOf(seller, currency);
        uint256 r = ledger.balanceOf(receiver, currency);
        uint256 t = ledger.balanceOf(treasury, currency);
        uint256 f = ledger.balanceOf(scout, currency);
        assertEq(s, e.proceeds, "seller: price - royalty - fee");
        assertEq(r, e.royalty, "royalty receiver");
        assertEq(t, e.fee - e.referral, "treasury: fee - referral");
        assertEq(f, e.referral, "referrer");
        assertEq(s + r + t + f, e.total, "seller + royalty + fee + referral == price paid");
        assertEq(_held(currency) - heldBefore, e.total, "the Ledger holds exactly what it credited");
        assertEq(_held(currency), s + r + t + f, "the Ledger holds exactly the sum of balances");
        assertEq(market.remaining(id), listed - bought, "remaining");
        assertEq(_balance1155(collection, buyer, listing.tokenId), bought, "the buyer holds the tokens");
        assertEq(buyer.balance, 0, "the buyer paid exactly the total");
    }

    function _balance1155(address collection, address owner_, uint256 id) internal view returns (uint256) {
        return HostileRoyaltyNFT(collection).balanceOf(owner_, id);
    }

    function _held(address currency) internal view returns (uint256) {
        return currency == ETH ? address(ledger).balance : usdc.balanceOf(address(ledger));
    }
}
