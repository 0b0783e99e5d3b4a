// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {AuctionEscapeHandler} from "./AuctionEscapeHandler.sol";
import {ILedger} from "../../../contracts/ledger/ILedger.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IAuctions} from "../../../contracts/market/IAuctions.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";

/// @title AuctionEscapeInvariantTest
/// @notice Issue 14, F-03: under hostile collections (switching `royaltyInfo` / `artist()` answers) and hostile
///         winners (refusing the token, burning gas, re-entering), every ended auction can be settled, or after
///         the grace period unwound; the marketplace holds exactly the live top bids; the Ledger holds at least
///         the sum of the balances it owes (in ETH). Each was seen failing on a planted bug (see the report).
contract AuctionEscapeInvariantTest is DropsFixture {
    AuctionEscapeHandler internal handler;
    Marketplace internal market;

    function setUp() public {
        deployDrops();
        market = new Marketplace(IPayments(address(ledger)), factory);
        handler = new AuctionEscapeHandler(market, ILedger(address(ledger)), treasury);
        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = AuctionEscapeHandler.create.selector;
        selectors[1] = AuctionEscapeHandler.bid.selector;
        selectors[2] = AuctionEscapeHandler.bid.selector;
        selectors[3] = AuctionEscapeHandler.switchRoyalty.selector;
        selectors[4] = AuctionEscapeHandler.switchArtist.selector;
        selectors[5] = AuctionEscapeHandler.switchBidder.selector;
        selectors[6] = AuctionEscapeHandler.warp.selector;
        selectors[7] = AuctionEscapeHandler.finish.selector;
        selectors[8] = AuctionEscapeHandler.finish.selector;
        selectors[9] = AuctionEscapeHandler.create.selector;
        selectors[10] = AuctionEscapeHandler.unwind.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @notice No auction that ended stays unfinishable: settle works, or unwinding does after the grace.
    function invariant_everyEndedAuctionCanEnd() public view {
        assertEq(handler.stuck(), 0, "an ended auction could neither settle nor unwind");
    }

    /// @notice A bid given back (outbid, or the lot unwound) is credited to the bidder who made it, and an
    ///         unwound lot credits its seller nothing.
    function invariant_bidsGoBackToTheirBidders() public view {
        assertEq(handler.misrouted(), 0, "a bid given back was credited to another account");
    }

    /// @notice The marketplace holds exactly the top bid of each live auction, nothing stuck in it.
    function invariant_marketHoldsExactlyTheLiveBids() public view {
        assertEq(address(market).balance, handler.escrowed(), "marketplace ETH vs live top bids");
    }

    /// @notice The Ledger holds at least what it owes everyone this campaign can credit.
    function invariant_ledgerHoldsAtLeastItsBalances() public view {
        address[] memory who = handler.creditees();
        uint256 owed;
        for (uint256 i; i < who.length; ++i) owed += ledger.balanceOf(who[i], ETH);
        assertGe(address(ledger).balance, owed, "Ledger ETH vs balances");
    }

    /// @notice A scripted run: a collection that turns malformed after the bid, and a winner that refuses the
    ///         token: the lot still settles, the token waits for the claim, no bid stays in the marketplace.
    function test_handler_endsLotsOnAHostileCollection() public {
        handler.create(0, 1 ether, 1 hours);
        handler.bid(0, 2, 0); // wallet 0 is the seller: the wallet bidder is wallet ((2 >> 8) % 3) = 0 -> skipped
        handler.bid(0, 1, 0); // a contract bidder
        handler.switchRoyalty(3, 1000); // Short
        handler.switchArtist(1, address(this)); // Empty
        handler.switchBidder(0, 1, 0); // the winner refuses the token
        handler.warp(2 hours);
        handler.finish(0);
        assertEq(handler.finished(), 1, "settled");
        assertEq(handler.stuck(), 0, "nothing stuck");
        assertEq(address(market).balance, 0, "no bid left in the marketplace");
        IAuctions.AuctionState memory s = market.auctionState(market.auctionId(handler.lot(0)));
        assertTrue(s.held, "the token waits for the winner's claim");
    }

    /// @notice A scripted run of the unwind path: two bids (the first credited back to its bidder), nobody settles
    ///         for the grace period, anyone unwinds: the top bid goes back to its bidder, the token to the seller.
    function test_handler_unwindsALotNobodySettled() public {
        handler.create(0, 1 ether, 1 hours); // seller wallet 0
        handler.bid(0, 1 << 8, 0); // wallet 1
        handler.bid(0, 2 << 8, 0); // wallet 2 outbids
        handler.unwind(0); // not ended: nothing happens
        assertEq(handler.unwound(), 0, "too early to unwind");
        handler.warp(1 hours + 14 days);
        handler.unwind(0);
        assertEq(handler.unwound(), 1, "unwound");
        assertEq(handler.misrouted(), 0, "both bids went back to their bidders");
        assertEq(address(market).balance, 0, "no bid left in the marketplace");
        invariant_bidsGoBackToTheirBidders();
    }
}
