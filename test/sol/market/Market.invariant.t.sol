// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {MarketHandler} from "./MarketHandler.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IMarketBase} from "../../../contracts/market/IMarketBase.sol";
import {IAuctions} from "../../../contracts/market/IAuctions.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";
import {TestNFT} from "../../../contracts/mocks/TestNFT.sol";

/// @title MarketInvariantTest
/// @notice Invariants of the marketplace under random sequences of listings, buys, offers, acceptances,
///         auctions, bids, settlements, cancels, claims, withdrawals and time (see {MarketHandler}, which also
///         checks every single call against the documented rules):
///         - the marketplace holds exactly the tokens of live auctions and of settled lots waiting for a claim
///           (by the handler's record and by the contract's own auction states), and nothing else;
///         - it holds exactly the highest bid of each live auction, in ETH and in USDC;
///         - money in == Ledger credits + escrowed bids + money withdrawn (nothing created or lost), and the
///           Ledger holds exactly the sum of its balances.
contract MarketInvariantTest is DropsFixture {
    MarketHandler internal handler;
    Marketplace internal market;
    TestNFT internal nft;
    DropCollection internal drops;

    function setUp() public {
        deployDrops();
        market = new Marketplace(IPayments(address(ledger)), factory);
        vm.prank(admin);
        router.setInitialOperator(address(market), 1);
        address scout = makeAddr("scout");
        registerArtist(scout, "scout", address(0), "");
        (address payout, ) = newSplit(makeAddr("band-a"), makeAddr("band-b"), bytes32(0));
        address artist = makeAddr("artist");
        drops = newCollection(artist, "singer", payout, "scout");
        vm.prank(artist);
        drops.createEdition(saleConfig(ETH, 0, 0, 0), "");
        address nftRoyalty = makeAddr("nft-royalty");
        nft = new TestNFT(nftRoyalty, 500);

        address[] memory creditees = new address[](4);
        (creditees[0], creditees[1], creditees[2], creditees[3]) = (treasury, scout, payout, nftRoyalty);
        handler = new MarketHandler(market, ledger, usdc, nft, drops, creditees);

        bytes4[] memory selectors = new bytes4[](19);
        selectors[0] = MarketHandler.mint.selector;
        selectors[1] = MarketHandler.mint.selector;
        selectors[2] = MarketHandler.list.selector;
        selectors[3] = MarketHandler.buy.selector;
        selectors[4] = MarketHandler.cancelListing.selector;
        selectors[5] = MarketHandler.makeOffer.selector;
        selectors[6] = MarketHandler.acceptOffer.selector;
        selectors[7] = MarketHandler.cancelOffer.selector;
        selectors[8] = MarketHandler.createAuction.selector;
        selectors[9] = MarketHandler.createAuction.selector; // auctions weigh more: they hold tokens and money
        selectors[10] = MarketHandler.bid.selector;
        selectors[11] = MarketHandler.bid.selector;
        selectors[12] = MarketHandler.bid.selector;
        selectors[13] = MarketHandler.settle.selector;
        selectors[14] = MarketHandler.cancelAuction.selector;
        selectors[15] = MarketHandler.claim.selector;
        selectors[16] = MarketHandler.warp.selector;
        selectors[17] = MarketHandler.withdraw.selector;
        selectors[18] = MarketHandler.acceptOtherToken.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @notice The handler's actions really happen, and each refusal path is reachable (a scripted run).
    function test_handler_everyActionHappens() public {
        // Tokens: collectors 0..3 get an ERC-721 each (ids 1..4) and drop tokens.
        for (uint256 i; i < 4; ++i) {
            handler.mint(i, 0, 1);
            handler.mint(i, 1, 5);
        }
        // A listing bought in part, an expired one, a stale one, a cancelled one.
        handler.list(0, 1, 3, 1e15, false, 1 days); // listing 0: 3 drop tokens of collector 0, ETH
        handler.buy(0, 1, 2);
        handler.list(1, 2, 1, 5e6, true, 1 hours); // listing 1: collector 1's ERC-721, USDC
        handler.cancelListing(1);
        handler.cancelListing(1); // nothing left: refused
        // Offers: collection-wide USDC offer for drop tokens, accepted funded and unfunded.
        handler.makeOffer(2, 1, 3, 2e6, 1 days); // offer 0: collector 2, drop token, any token (seed >> 16 == 0)
        handler.acceptOffer(0, 3, 2, true);
        handler.acceptOffer(0, 3, 1, false); // collector 2 holds no more USDC: unfunded, refused
        handler.cancelOffer(0);
        handler.cancelOffer(0); // refused
        // Auctions: collector 3's ERC-721 (ETH), won by the hostile bidder (held, then claimed).
        handler.createAuction(3, 0, 1, 1 ether, 1 hours, 3); // lot 0: an ERC-721 of collector 3, ETH, 5% raise
        handler.bid(0, 3, 1); // the seller: refused
        handler.bid(0, 0, 5); // too low (amountSeed % 5 == 0): refused
        handler.bid(0, 0, 1); // collector 0 at the reserve
        handler.bid(0, 4, 1); // the hostile contract outbids
        handler.settle(0, 0); // not ended: refused
        handler.warp(2 days); // 2 days % 3 == 0: a long step
        handler.bid(0, 1, 1); // ended: refused
        handler.settle(0, 0); // held for the hostile winner
        handler.settle(0, 0); // twice: refused
        handler.claim(0, 2);
        handler.claim(0, 2); // nothing waiting: refused
        // Lot 1: drop tokens in USDC, cancelled before any bid; lot 2: USDC bids, extended, settled, delivered.
        uint256 dropInUsdc = 1 + (1 << 32); // odd: the drop edition; bit 32: USDC
        handler.createAuction(1, dropInUsdc, 2, 10e6, 1 hours, 3);
        handler.cancelAuction(1);
        handler.cancelAuction(1); // refused
        handler.createAuction(0, dropInUsdc, 1, 10e6, 15 minutes, 3);
        handler.bid(2, 1, 1);
        handler.warp(10 minutes + 1); // not a multiple of 3: a short step
        handler.bid(2, 2, 1); // in the last 15 minutes: extended
        handler.cancelAuction(2); // has bids: refused
        handler.warp(1 days);
        handler.settle(2, 3);
        handler.buy(0, 1, 1); // listing 0 expired after a day
        // A collection offer on the ERC-721s (ids up to 4, collector 0), a token minted after it (id 5, collector 1):
        // offering it is refused by name.
        handler.makeOffer(0, 0, 1, 3e6, 1 days); // offer 1: tokenSeed 0 -> ERC-721, any token up to nftCount (4)
        handler.mint(1, 0, 1); // ERC-721 id 5 to collector 1
        handler.acceptOtherToken(1, 0); // id 4 + 1 + (0 % 1) = 5: above the offer's highest id
        for (uint256 o; o < handler.ownersLength(); ++o) {
            handler.withdraw(o, false);
            handler.withdraw(o, true);
        }
        _assertEveryActionCounted();
        invariant_marketHoldsExactlyTheLotsInEscrow();
        invariant_marketHoldsExactlyTheLiveBids();
        invariant_moneyInEqualsCredits();
    }

    /// @dev Every action and every refusal path ran at least once, and money went both ways.
    function _assertEveryActionCounted() internal view {
        string[23] memory names = [
            "mint",
            "list",
            "buy",
            "buyRefused",
            "cancelListing",
            "cancelListingRefused",
            "makeOffer",
            "acceptOffer",
            "cancelOffer",
            "cancelOfferRefused",
            "createAuction",
            "bid",
            "bidRefused",
            "extended",
            "settle",
            "settleRefused",
            "held",
            "claim",
            "claimRefused",
            "cancelAuction",
            "cancelAuctionRefused",
            "withdraw",
            "acceptOtherTokenRefused"
        ];
        for (uint256 i; i < names.length; ++i) {
            assertGe(handler.calls(bytes32(bytes(names[i]))), 1, names[i]);
        }
        assertGe(handler.ghostIn(address(0)), 1, "ETH paid in");
        assertGe(handler.ghostIn(address(usdc)), 1, "USDC paid in");
        assertGe(handler.ghostOut(address(0)), 1, "ETH paid out");
        assertGe(handler.ghostOut(address(usdc)), 1, "USDC paid out");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_marketHoldsExactlyTheLotsInEscrow() public view {
        // By the handler's record.
        for (uint256 id = 1; id <= handler.nftCount(); ++id) {
            bool escrowed = nft.ownerOf(id) == address(market);
            assertTrue(
                escrowed == handler.ghostEscrowed721(id),
                "the marketplace holds an ERC-721 iff it is in escrow"
            );
        }
        assertEq(drops.balanceOf(address(market), 1), handler.ghostEscrowed1155(), "drop tokens held == in escrow");
        // By the contract's own auction states: live auctions and lots waiting for a claim.
        uint256 lots1155;
        uint256 lots721;
        for (uint256 k; k < handler.lotsLength(); ++k) {
            (IAuctions.Auction memory a, bytes32 id, bool held) = handler.lotAt(k);
            IAuctions.AuctionState memory s = market.auctionState(id);
            assertTrue(s.held == held, "held as the handler recorded");
            if (s.status != IAuctions.Status.Live && !s.held) continue;
            if (a.standard == IMarketBase.Standard.ERC721) {
                assertEq(nft.ownerOf(a.tokenId), address(market), "a live or waiting ERC-721 lot is in escrow");
                ++lots721;
            } else {
                lots1155 += a.quantity;
            }
        }
        assertEq(lots1155, drops.balanceOf(address(market), 1), "drop tokens held == live and waiting lots");
        uint256 held721;
        for (uint256 id = 1; id <= handler.nftCount(); ++id) if (nft.ownerOf(id) == address(market)) ++held721;
        assertEq(lots721, held721, "ERC-721s held == live and waiting lots");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_marketHoldsExactlyTheLiveBids() public view {
        uint256 eth;
        uint256 dollars;
        for (uint256 k; k < handler.lotsLength(); ++k) {
            (IAuctions.Auction memory a, bytes32 id, ) = handler.lotAt(k);
            IAuctions.AuctionState memory s = market.auctionState(id);
            if (s.status != IAuctions.Status.Live) {
                assertEq(s.amount, 0, "a closed auction escrows nothing");
                continue;
            }
            if (a.currency == ETH) eth += s.amount;
            else dollars += s.amount;
        }
        assertEq(address(market).balance, eth, "ETH held == the live auctions' highest bids");
        assertEq(usdc.balanceOf(address(market)), dollars, "USDC held == the live auctions' highest bids");
        assertEq(eth, handler.ghostBids(ETH), "ETH bids as the handler recorded");
        assertEq(dollars, handler.ghostBids(address(usdc)), "USDC bids as the handler recorded");
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_moneyInEqualsCredits() public view {
        address[2] memory tokens = [ETH, address(usdc)];
        for (uint256 t; t < 2; ++t) {
            address token = tokens[t];
            uint256 inLedger = token == ETH ? address(ledger).balance : usdc.balanceOf(address(ledger));
            uint256 inMarket = token == ETH ? address(market).balance : usdc.balanceOf(address(market));
            uint256 credited = handler.sumOfBalances(token);
            assertEq(inLedger, credited, "the Ledger holds exactly the sum of the credited balances");
            assertEq(
                handler.ghostIn(token),
                credited + inMarket + handler.ghostOut(token),
                "money in == credits + escrowed bids + withdrawn"
            );
        }
    }
}
