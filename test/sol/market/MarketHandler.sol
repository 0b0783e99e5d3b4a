// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {Test} from "../utils/Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IMarketBase} from "../../../contracts/market/IMarketBase.sol";
import {IListings} from "../../../contracts/market/IListings.sol";
import {IOffers} from "../../../contracts/market/IOffers.sol";
import {IAuctions} from "../../../contracts/market/IAuctions.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";
import {HostileBidder} from "../../../contracts/mocks/HostileBidder.sol";
import {TestNFT} from "../../../contracts/mocks/TestNFT.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title MarketHandler
/// @notice Drives random sequences of marketplace actions by four collectors and one hostile contract bidder
///         (its wallet refuses ETH and tokens, so the lots it wins wait in the marketplace for a claim) over an
///         outside ERC-721 (5% royalty) and one edition of our referred drop collection (ERC-1155), in ETH and
///         a 6-decimal USDC: mints, listings, buys, cancels, offers (token and collection-wide), acceptances
///         (funded or not), auctions, bids, settlements, claims, time and Ledger withdrawals.
/// @dev Model-based: before each call the handler works out from the documented rules which errors the call
///      may end in (none: it must succeed). A success must move exactly the money it should (every unit paid
///      in is credited to someone, or escrowed as a live auction's highest bid) and follow the auction rules
///      (minimum raise, clock, extension); a refusal must name a rule it breaks and move nothing. The ghosts
///      record what the marketplace must hold: the tokens of live auctions and of lots waiting for a claim,
///      and the highest bid of each live auction. Calls never revert out of the handler (failOnRevert).
contract MarketHandler is Test {
    /// @dev The errors a call may end in (empty: it must succeed).
    struct Expect {
        bytes4[4] sel;
        uint256 n;
    }

    /// @dev Who a sale must credit, by the documented split (issue 14 proofs): the seller gets the price less the
    ///      royalty (ERC-2981, cut to 25%) and the market fee; the royalty receiver gets the royalty. Balances
    ///      are taken before the call.
    struct SaleCheck {
        address currency;
        address seller;
        address receiver;
        uint256 royalty;
        uint256 fee;
        uint256 sellerBefore;
        uint256 receiverBefore;
    }

    /// @dev An auction's terms and the state the documented rules give it.
    struct Lot {
        IAuctions.Auction terms;
        bytes32 id;
        IAuctions.Status status;
        address bidder;
        uint256 amount;
        uint256 end;
        bool held;
    }

    address internal constant ETH = address(0);
    uint256 internal constant BPS = 10_000;
    uint256 internal constant EXTENSION = 15 minutes;
    uint256 internal constant DROP_ID = 1;
    uint256 public constant MAX_NFTS = 12;

    Marketplace public immutable MARKET;
    Ledger public immutable LEDGER;
    TestToken public immutable USDC;
    TestNFT public immutable NFT;
    DropCollection public immutable DROPS;
    HostileBidder public immutable HOSTILE;

    /// @notice The collectors (EOAs).
    address[] public actors;
    /// @notice Everyone the marketplace can ever credit in the Ledger.
    address[] public owners;
    /// @notice ERC-721 ids 1..nftCount exist.
    uint256 public nftCount;

    IListings.Listing[] internal _listings;
    IOffers.Offer[] internal _offers;
    Lot[] internal _lots;

    // ghosts
    mapping(address token => uint256) public ghostIn;
    mapping(address token => uint256) public ghostOut;
    /// @notice The highest bids of live auctions, by currency.
    mapping(address token => uint256) public ghostBids;
    /// @notice ERC-721 ids the marketplace must hold (live auctions, lots waiting for a claim).
    mapping(uint256 id => bool) public ghostEscrowed721;
    /// @notice How many of the drop edition the marketplace must hold.
    uint256 public ghostEscrowed1155;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        Marketplace market,
        Ledger ledger,
        TestToken usdc,
        TestNFT nft,
        DropCollection drops,
        address[] memory creditees
    ) {
        MARKET = market;
        LEDGER = ledger;
        USDC = usdc;
        NFT = nft;
        DROPS = drops;
        for (uint256 i; i < 4; ++i) {
            address actor = vm.addr(0xC011 + i);
            vm.label(actor, string.concat("collector", vm.toString(i)));
            actors.push(actor);
            owners.push(actor);
            vm.startPrank(actor);
            nft.setApprovalForAll(address(market), true);
            drops.setApprovalForAll(address(market), true);
            usdc.approve(address(ledger), type(uint256).max); // offers
            usdc.approve(address(market), type(uint256).max); // ERC-20 bids
            vm.stopPrank();
        }
        HOSTILE = new HostileBidder(market);
        HOSTILE.exec(address(usdc), abi.encodeCall(usdc.approve, (address(market), type(uint256).max)));
        HOSTILE.setMode(HostileBidder.Mode.Revert, false, "");
        owners.push(address(HOSTILE));
        for (uint256 i; i < creditees.length; ++i) owners.push(creditees[i]);
    }

    // ---------------------------------------------------------------------------------------------
    // Actions: tokens and listings
    // ---------------------------------------------------------------------------------------------

    /// @notice A collector gets a new ERC-721 or some of the drop edition.
    function mint(uint256 actorSeed, uint256 kindSeed, uint256 quantity) external {
        address actor = actors[actorSeed % actors.length];
        if (kindSeed % 2 == 0 && nftCount < MAX_NFTS) {
            NFT.mint(actor, ++nftCount);
        } else {
            DROPS.mint(actor, DROP_ID, bound(quantity, 1, 5), address(0), 0); // a free edition
        }
        calls["mint"]++;
    }

    /// @notice A collector lists a token it holds.
    function list(
        uint256 actorSeed,
        uint256 tokenSeed,
        uint256 quantity,
        uint256 price,
        bool inUsdc,
        uint256 expiry
    ) external {
        address seller = actors[actorSeed % actors.length];
        (IMarketBase.Standard standard, uint256 tokenId, uint256 held) = _holding(seller, tokenSeed);
        if (held == 0) return;
        address currency = inUsdc ? address(USDC) : ETH;
        IListings.Listing memory listing = IListings.Listing({
            seller: seller,
            collection: _collection(standard),
            tokenId: tokenId,
            standard: standard,
            quantity: uint64(bound(quantity, 1, held)),
            currency: currency,
            price: _price(price, currency),
            expiry: uint40(block.timestamp + bound(expiry, 1 hours, 4 days)),
            salt: _listings.length
        });
        vm.prank(seller);
        MARKET.list(listing);
        _listings.push(listing);
        calls["list"]++;
    }

    /// @notice A collector buys (part of) a listing; stale and expired ones must fail by name.
    function buy(uint256 listingSeed, uint256 buyerSeed, uint256 quantity) external {
        if (_listings.length == 0) return;
        IListings.Listing memory listing = _listings[listingSeed % _listings.length];
        uint256 left = MARKET.remaining(MARKET.listingId(listing));
        if (left == 0) return;
        address buyer = _other(buyerSeed, listing.seller);
        quantity = bound(quantity, 1, left);
        uint256 total = listing.price * quantity;

        Expect memory x;
        bool expired = block.timestamp >= listing.expiry;
        _add(x, expired, IMarketBase.Market_Expired.selector);
        _add(
            x,
            !expired && !_holds(listing.seller, listing.standard, listing.tokenId, quantity),
            IMarketBase.Market_SellerNotOwner.selector
        );
        uint256 value = _fund(buyer, listing.currency, total);
        uint256 sumBefore = sumOfBalances(listing.currency);
        SaleCheck memory c = _saleBefore(listing.currency, listing.seller, listing.collection, listing.tokenId, total);
        vm.prank(buyer);
        try MARKET.buy{value: value}(listing, quantity, listing.currency, listing.price) {
            _done(x, true, "", "buy");
            assertEq(sumOfBalances(listing.currency) - sumBefore, total, "buy: the price is credited, exactly");
            _saleAfter(c, total, "buy");
            assertTrue(_holds(buyer, listing.standard, listing.tokenId, quantity), "buy: the buyer holds the tokens");
            ghostIn[listing.currency] += total;
        } catch (bytes memory reason) {
            _done(x, false, reason, "buyRefused");
            assertEq(sumOfBalances(listing.currency), sumBefore, "a refused buy credits nothing");
        }
    }

    /// @notice The seller cancels a listing (one with nothing left fails by name).
    function cancelListing(uint256 listingSeed) external {
        if (_listings.length == 0) return;
        IListings.Listing memory listing = _listings[listingSeed % _listings.length];
        bytes32 id = MARKET.listingId(listing);
        Expect memory x;
        _add(x, MARKET.remaining(id) == 0, IListings.Market_NotListed.selector);
        vm.prank(listing.seller);
        try MARKET.cancel(listing) {
            _done(x, true, "", "cancelListing");
            assertEq(MARKET.remaining(id), 0, "cancelled: nothing left");
        } catch (bytes memory reason) {
            _done(x, false, reason, "cancelListingRefused");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Actions: offers
    // ---------------------------------------------------------------------------------------------

    /// @notice A collector offers USDC for a token, or for any token of a collection.
    function makeOffer(uint256 buyerSeed, uint256 tokenSeed, uint256 quantity, uint256 price, uint256 expiry) external {
        bool erc721 = tokenSeed % 2 == 0 && nftCount != 0;
        IOffers.Offer memory offer = IOffers.Offer({
            buyer: actors[buyerSeed % actors.length],
            collection: erc721 ? address(NFT) : address(DROPS),
            // A collection offer names the highest id it takes (F-05): the tokens that exist now.
            tokenId: erc721 ? ((tokenSeed >> 16) % 3 == 0 ? nftCount : 1 + ((tokenSeed >> 8) % nftCount)) : DROP_ID,
            anyToken: (tokenSeed >> 16) % 3 == 0,
            standard: erc721 ? IMarketBase.Standard.ERC721 : IMarketBase.Standard.ERC1155,
            quantity: erc721 ? 1 : uint64(bound(quantity, 1, 5)),
            currency: address(USDC),
            price: _price(price, address(USDC)),
            expiry: uint40(block.timestamp + bound(expiry, 1 hours, 4 days)),
            salt: _offers.length
        });
        vm.prank(offer.buyer);
        MARKET.makeOffer(offer);
        _offers.push(offer);
        calls["makeOffer"]++;
    }

    /// @notice A holder accepts (part of) an offer; the buyer may have spent its funds (then it must fail).
    function acceptOffer(uint256 offerSeed, uint256 sellerSeed, uint256 quantity, bool fund) external {
        if (_offers.length == 0) return;
        IOffers.Offer memory offer = _offers[offerSeed % _offers.length];
        bytes32 id = MARKET.offerId(offer);
        uint256 left = MARKET.offerRemaining(id);
        if (left == 0) return;
        address seller;
        uint256 tokenId = offer.tokenId;
        if (offer.standard == IMarketBase.Standard.ERC721) {
            if (offer.anyToken) tokenId = 1 + (sellerSeed % offer.tokenId);
            seller = NFT.ownerOf(tokenId);
            if (!_isActor(seller) || seller == offer.buyer) return;
            quantity = 1;
        } else {
            seller = _other(sellerSeed, offer.buyer);
            uint256 held = DROPS.balanceOf(seller, DROP_ID);
            if (held == 0) return;
            quantity = bound(quantity, 1, held < left ? held : left);
        }
        uint256 total = offer.price * quantity;
        if (fund) USDC.mint(offer.buyer, total);

        Expect memory x;
        bool expired = block.timestamp >= offer.expiry;
        _add(x, expired, IMarketBase.Market_Expired.selector);
        _add(x, !expired && USDC.balanceOf(offer.buyer) < total, IOffers.Market_OfferUnfunded.selector);
        uint256 sumBefore = sumOfBalances(address(USDC));
        SaleCheck memory c = _saleBefore(address(USDC), seller, offer.collection, tokenId, total);
        vm.prank(seller);
        try MARKET.acceptOffer(offer, tokenId, quantity) {
            _done(x, true, "", "acceptOffer");
            assertEq(sumOfBalances(address(USDC)) - sumBefore, total, "accept: the price is credited, exactly");
            _saleAfter(c, total, "accept");
            assertEq(MARKET.offerRemaining(id), left - quantity, "accept: what is left");
            ghostIn[address(USDC)] += total;
        } catch (bytes memory reason) {
            _done(x, false, reason, "acceptOfferRefused");
            assertEq(sumOfBalances(address(USDC)), sumBefore, "a refused acceptance credits nothing");
            assertEq(MARKET.offerRemaining(id), left, "a refused acceptance consumes nothing");
        }
    }

    /// @notice A holder offers an ERC-721 the offer does not cover: for a collection offer an id above the highest
    ///         it names (minted after it, F-05), for a token offer another id. The offer is funded, so the
    ///         only rule broken is the token: refused by name (or as expired), and nothing moves.
    function acceptOtherToken(uint256 offerSeed, uint256 tokenSeed) external {
        if (_offers.length == 0) return;
        IOffers.Offer memory offer = _offers[offerSeed % _offers.length];
        if (offer.standard != IMarketBase.Standard.ERC721) return;
        bytes32 id = MARKET.offerId(offer);
        uint256 left = MARKET.offerRemaining(id);
        if (left == 0) return;
        uint256 tokenId;
        if (offer.anyToken) {
            if (nftCount <= offer.tokenId) return;
            tokenId = offer.tokenId + 1 + (tokenSeed % (nftCount - offer.tokenId));
        } else {
            if (nftCount < 2) return;
            tokenId = 1 + (tokenSeed % nftCount);
            if (tokenId == offer.tokenId) tokenId = (tokenId % nftCount) + 1;
        }
        address seller = NFT.ownerOf(tokenId);
        if (!_isActor(seller) || seller == offer.buyer) return;
        USDC.mint(offer.buyer, offer.price);

        Expect memory x;
        bool expired = block.timestamp >= offer.expiry;
        _add(x, expired, IMarketBase.Market_Expired.selector);
        _add(x, !expired, IOffers.Market_WrongToken.selector);
        uint256 sumBefore = sumOfBalances(address(USDC));
        vm.prank(seller);
        try MARKET.acceptOffer(offer, tokenId, 1) {
            _done(x, true, "", "acceptOtherToken");
        } catch (bytes memory reason) {
            _done(x, false, reason, "acceptOtherTokenRefused");
            assertEq(sumOfBalances(address(USDC)), sumBefore, "a token the offer does not cover: nothing credited");
            assertEq(MARKET.offerRemaining(id), left, "a token the offer does not cover: the offer is untouched");
            assertEq(NFT.ownerOf(tokenId), seller, "a token the offer does not cover: it stays with its holder");
        }
    }

    /// @notice The buyer cancels an offer (one with nothing left fails by name).
    function cancelOffer(uint256 offerSeed) external {
        if (_offers.length == 0) return;
        IOffers.Offer memory offer = _offers[offerSeed % _offers.length];
        Expect memory x;
        _add(x, MARKET.offerRemaining(MARKET.offerId(offer)) == 0, IOffers.Market_NoOffer.selector);
        vm.prank(offer.buyer);
        try MARKET.cancelOffer(offer) {
            _done(x, true, "", "cancelOffer");
        } catch (bytes memory reason) {
            _done(x, false, reason, "cancelOfferRefused");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Actions: auctions
    // ---------------------------------------------------------------------------------------------

    /// @notice A collector puts a token it holds up for auction (escrowed at once).
    function createAuction(
        uint256 sellerSeed,
        uint256 tokenSeed,
        uint256 quantity,
        uint256 reserve,
        uint256 duration,
        uint256 raise
    ) external {
        address seller = actors[sellerSeed % actors.length];
        (IMarketBase.Standard standard, uint256 tokenId, uint256 held) = _holding(seller, tokenSeed);
        if (held == 0) return;
        address currency = (tokenSeed >> 32) % 2 == 0 ? ETH : address(USDC);
        IAuctions.Auction memory a = IAuctions.Auction({
            seller: seller,
            collection: _collection(standard),
            tokenId: tokenId,
            standard: standard,
            quantity: uint64(bound(quantity, 1, held)),
            currency: currency,
            reserve: _price(reserve, currency),
            duration: uint32(bound(duration, 15 minutes, 2 days)),
            minRaiseBps: raise % 3 == 0 ? 0 : uint16(bound(raise, 1, 3000)),
            salt: _lots.length
        });
        vm.prank(seller);
        bytes32 id = MARKET.createAuction(a);
        Lot storage lot = _lots.push();
        (lot.terms, lot.id, lot.status) = (a, id, IAuctions.Status.Live);
        _escrow(a, true);
        calls["createAuction"]++;
    }

    /// @notice A collector or the hostile contract bids (sometimes too low, too late, on a closed auction).
    function bid(uint256 lotSeed, uint256 bidderSeed, uint256 amountSeed) external {
        if (_lots.length == 0) return;
        Lot storage lot = _lots[lotSeed % _lots.length];
        IAuctions.Auction memory a = lot.terms;
        uint256 b = bidderSeed % (actors.length + 1);
        address bidder = b == actors.length ? address(HOSTILE) : actors[b];
        uint256 minimum = lot.bidder == address(0) ? a.reserve : _minimum(lot.amount, a.minRaiseBps);
        uint256 amount = amountSeed % 5 == 0 ? minimum - 1 : minimum + ((amountSeed >> 8) % (minimum / 4 + 1));

        Expect memory x;
        bool live = lot.status == IAuctions.Status.Live;
        _add(x, lot.status == IAuctions.Status.None, IAuctions.Market_NoAuction.selector);
        _add(x, lot.status == IAuctions.Status.Settled, IAuctions.Market_AuctionSettled.selector);
        bool open = live && bidder != a.seller && !(lot.end != 0 && block.timestamp >= lot.end);
        _add(x, live && bidder == a.seller, IAuctions.Market_SellerCannotBid.selector);
        _add(x, live && bidder != a.seller && !open, IAuctions.Market_AuctionEnded.selector);
        if (open && amount < minimum) _add(x, true, IAuctions.Market_BidTooLow.selector);

        // The hostile contract's bid is paid by the handler in ETH (forwarded), from its own wallet in USDC.
        bool handlerPays = bidder == address(HOSTILE) && a.currency == ETH;
        uint256 value = _fund(handlerPays ? address(this) : bidder, a.currency, amount);
        uint256 sumBefore = sumOfBalances(a.currency);
        address previous = lot.bidder;
        uint256 previousBefore = previous == address(0) ? 0 : LEDGER.balanceOf(previous, a.currency);
        bool ok;
        bytes memory reason;
        if (bidder == address(HOSTILE)) {
            try HOSTILE.bid{value: value}(a, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            vm.prank(bidder);
            try MARKET.bid{value: value}(a, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        }
        _done(x, ok, reason, ok ? bytes32("bid") : bytes32("bidRefused"));
        if (!ok) {
            assertEq(sumOfBalances(a.currency), sumBefore, "a refused bid credits nothing");
            return;
        }
        assertGe(amount, minimum, "a bid takes at least the minimum");
        assertEq(sumOfBalances(a.currency) - sumBefore, lot.amount, "the outbid bidder is credited its bid");
        if (previous != address(0) && previous != bidder) {
            assertEq(
                LEDGER.balanceOf(previous, a.currency) - previousBefore,
                lot.amount,
                "the outbid bidder itself (not another account) is credited its bid"
            );
        }
        uint256 end =
            lot.end == 0
                ? block.timestamp + a.duration
                : (lot.end - block.timestamp < EXTENSION ? block.timestamp + EXTENSION : lot.end);
        if (lot.end != 0 && end != lot.end) calls["extended"]++;
        ghostIn[a.currency] += amount;
        ghostBids[a.currency] = ghostBids[a.currency] + amount - lot.amount;
        (lot.bidder, lot.amount, lot.end) = (bidder, amount, end);
        IAuctions.AuctionState memory s = MARKET.auctionState(lot.id);
        assertEq(s.end, end, "end: first bid + duration; a bid in the last 15 minutes + 15 minutes");
        assertEq(s.bidder, bidder, "the new lead");
        assertEq(s.amount, amount, "the new highest bid");
    }

    /// @notice Anyone settles (too early, twice, or a cancelled auction fail by name).
    function settle(uint256 lotSeed, uint256 callerSeed) external {
        if (_lots.length == 0) return;
        Lot storage lot = _lots[lotSeed % _lots.length];
        IAuctions.Auction memory a = lot.terms;
        bool live = lot.status == IAuctions.Status.Live;
        Expect memory x;
        _add(x, lot.status == IAuctions.Status.None, IAuctions.Market_NoAuction.selector);
        _add(x, lot.status == IAuctions.Status.Settled, IAuctions.Market_AuctionSettled.selector);
        _add(
            x,
            live && (lot.bidder == address(0) || block.timestamp < lot.end),
            IAuctions.Market_AuctionNotEnded.selector
        );
        uint256 sumBefore = sumOfBalances(a.currency);
        SaleCheck memory c = _saleBefore(a.currency, a.seller, a.collection, a.tokenId, lot.amount);
        vm.prank(actors[callerSeed % actors.length]);
        try MARKET.settle(a) {
            _done(x, true, "", "settle");
        } catch (bytes memory reason) {
            _done(x, false, reason, "settleRefused");
            assertEq(sumOfBalances(a.currency), sumBefore, "a refused settlement credits nothing");
            return;
        }
        assertEq(sumOfBalances(a.currency) - sumBefore, lot.amount, "settle: the winning bid is credited, exactly");
        _saleAfter(c, lot.amount, "settle");
        ghostBids[a.currency] -= lot.amount;
        lot.status = IAuctions.Status.Settled;
        // The hostile bidder's wallet refuses tokens: its lot waits for a claim; anyone else gets it.
        bool delivered = lot.bidder != address(HOSTILE);
        assertTrue(MARKET.auctionState(lot.id).held == !delivered, "held exactly when the winner refused the lot");
        if (delivered) {
            _escrow(a, false);
            assertTrue(_holds(lot.bidder, a.standard, a.tokenId, a.quantity), "the winner holds the lot");
        } else {
            lot.held = true;
            calls["held"]++;
        }
    }

    /// @notice The seller cancels an auction (one with a bid, settled or cancelled fails by name).
    function cancelAuction(uint256 lotSeed) external {
        if (_lots.length == 0) return;
        Lot storage lot = _lots[lotSeed % _lots.length];
        IAuctions.Auction memory a = lot.terms;
        Expect memory x;
        _add(x, lot.status == IAuctions.Status.None, IAuctions.Market_NoAuction.selector);
        _add(x, lot.status == IAuctions.Status.Settled, IAuctions.Market_AuctionSettled.selector);
        _add(
            x,
            lot.status == IAuctions.Status.Live && lot.bidder != address(0),
            IAuctions.Market_AuctionHasBids.selector
        );
        vm.prank(a.seller);
        try MARKET.cancelAuction(a) {
            _done(x, true, "", "cancelAuction");
            lot.status = IAuctions.Status.None;
            _escrow(a, false);
            assertTrue(_holds(a.seller, a.standard, a.tokenId, a.quantity), "the token went back");
        } catch (bytes memory reason) {
            _done(x, false, reason, "cancelAuctionRefused");
        }
    }

    /// @notice The hostile winner takes a waiting lot to a collector's wallet (nothing waiting: by name).
    function claim(uint256 lotSeed, uint256 toSeed) external {
        if (_lots.length == 0) return;
        Lot storage lot = _lots[lotSeed % _lots.length];
        IAuctions.Auction memory a = lot.terms;
        address to = actors[toSeed % actors.length];
        Expect memory x;
        _add(x, !lot.held, IAuctions.Market_NothingToClaim.selector);
        try HOSTILE.exec(address(MARKET), abi.encodeCall(MARKET.claimAuctionItem, (a, to))) {
            _done(x, true, "", "claim");
            lot.held = false;
            _escrow(a, false);
            assertTrue(_holds(to, a.standard, a.tokenId, a.quantity), "the claimed lot arrived");
        } catch (bytes memory reason) {
            _done(x, false, reason, "claimRefused");
        }
    }

    /// @notice Time passes: mostly minutes (the extension window), sometimes up to two days.
    function warp(uint256 secs) external {
        vm.warp(block.timestamp + (secs % 3 == 0 ? bound(secs, 1, 2 days) : bound(secs, 1, 20 minutes)));
        calls["warp"]++;
    }

    /// @notice An owner takes its Ledger balance (the hostile contract, whose wallet refuses ETH, sends its
    ///         balance to a collector).
    function withdraw(uint256 ownerSeed, bool inUsdc) external {
        address token = inUsdc ? address(USDC) : ETH;
        address owner = owners[ownerSeed % owners.length];
        uint256 balance = LEDGER.balanceOf(owner, token);
        if (balance == 0 || _isSplit(owner)) return;
        if (owner == address(HOSTILE)) {
            HOSTILE.exec(address(LEDGER), abi.encodeCall(LEDGER.withdrawTo, (token, actors[0], balance)));
        } else {
            assertEq(LEDGER.withdraw(owner, token), balance, "withdraw pays the whole balance");
        }
        assertEq(LEDGER.balanceOf(owner, token), 0, "balance cleared");
        ghostOut[token] += balance;
        calls["withdraw"]++;
    }

    // ---------------------------------------------------------------------------------------------
    // Views for the invariants
    // ---------------------------------------------------------------------------------------------

    function lotsLength() external view returns (uint256) {
        return _lots.length;
    }

    function lotAt(uint256 k) external view returns (IAuctions.Auction memory terms, bytes32 id, bool held) {
        Lot storage entry = _lots[k];
        return (entry.terms, entry.id, entry.held);
    }

    function sumOfBalances(address token) public view returns (uint256 sum) {
        for (uint256 i; i < owners.length; ++i) sum += LEDGER.balanceOf(owners[i], token);
    }

    function ownersLength() external view returns (uint256) {
        return owners.length;
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    /// @dev What a sale of `total` must credit to whom (see {SaleCheck}), with the balances before it.
    function _saleBefore(
        address currency,
        address seller,
        address collection,
        uint256 tokenId,
        uint256 total
    ) internal view returns (SaleCheck memory c) {
        (c.currency, c.seller) = (currency, seller);
        (c.receiver, c.royalty) = IERC2981(collection).royaltyInfo(tokenId, total);
        uint256 cap = (total * 2500) / BPS;
        if (c.receiver == address(0)) c.royalty = 0;
        if (c.royalty > cap) c.royalty = cap;
        c.fee = (total * LEDGER.rates().marketBps) / BPS;
        c.sellerBefore = LEDGER.balanceOf(seller, currency);
        c.receiverBefore = c.receiver == address(0) ? 0 : LEDGER.balanceOf(c.receiver, currency);
    }

    /// @dev The sale credited the seller its proceeds and the royalty receiver its royalty, exactly (the fee's
    ///      parts are then exact too: the whole price is credited, checked by the caller).
    function _saleAfter(SaleCheck memory c, uint256 total, string memory what) internal view {
        assertEq(
            LEDGER.balanceOf(c.seller, c.currency) - c.sellerBefore,
            total - c.royalty - c.fee,
            string.concat(what, ": the seller gets the price less the royalty and the fee")
        );
        if (c.royalty != 0 && c.receiver != c.seller && c.receiver != LEDGER.rates().treasury) {
            assertEq(
                LEDGER.balanceOf(c.receiver, c.currency) - c.receiverBefore,
                c.royalty,
                string.concat(what, ": the royalty receiver gets the royalty")
            );
        }
    }

    /// @dev The documented minimum raise: `bps` (5% when zero) of the last bid, at least 1 unit.
    function _minimum(uint256 last, uint16 bps) internal pure returns (uint256) {
        uint256 raise = (last * (bps == 0 ? 500 : bps)) / BPS;
        return last + (raise == 0 ? 1 : raise);
    }

    /// @dev A token `holder` holds, from `seed`: an ERC-721 id (held 1) or the drop edition (held: its balance).
    function _holding(
        address holder,
        uint256 seed
    ) internal view returns (IMarketBase.Standard standard, uint256 tokenId, uint256 held) {
        if (seed % 2 == 0 && nftCount != 0) {
            for (uint256 i; i < nftCount; ++i) {
                uint256 id = 1 + (((seed >> 8) + i) % nftCount);
                if (NFT.ownerOf(id) == holder) return (IMarketBase.Standard.ERC721, id, 1);
            }
        }
        return (IMarketBase.Standard.ERC1155, DROP_ID, DROPS.balanceOf(holder, DROP_ID));
    }

    function _holds(
        address who,
        IMarketBase.Standard standard,
        uint256 tokenId,
        uint256 quantity
    ) internal view returns (bool) {
        if (standard == IMarketBase.Standard.ERC721) return NFT.ownerOf(tokenId) == who;
        return DROPS.balanceOf(who, tokenId) >= quantity;
    }

    function _collection(IMarketBase.Standard standard) internal view returns (address) {
        return standard == IMarketBase.Standard.ERC721 ? address(NFT) : address(DROPS);
    }

    /// @dev Records a lot entering (`inward`) or leaving the marketplace's escrow.
    function _escrow(IAuctions.Auction memory a, bool inward) internal {
        if (a.standard == IMarketBase.Standard.ERC721) {
            ghostEscrowed721[a.tokenId] = inward;
        } else if (inward) {
            ghostEscrowed1155 += a.quantity;
        } else {
            ghostEscrowed1155 -= a.quantity;
        }
    }

    /// @dev A unit price up to 100 ETH, or up to 1,000 USDC, never zero.
    function _price(uint256 seed, address currency) internal pure returns (uint256) {
        return bound(seed, 1, currency == ETH ? 100 ether : 1_000e6);
    }

    /// @dev Gives `payer` the `amount` it pays; the ETH to send along (zero for USDC).
    function _fund(address payer, address currency, uint256 amount) internal returns (uint256 value) {
        if (currency == ETH) {
            vm.deal(payer, amount);
            return amount;
        }
        USDC.mint(payer, amount);
    }

    /// @dev A collector other than `not`.
    function _other(uint256 seed, address not_) internal view returns (address a) {
        uint256 i = seed % actors.length;
        a = actors[i];
        if (a == not_) a = actors[(i + 1) % actors.length];
    }

    function _isActor(address who) internal view returns (bool) {
        for (uint256 i; i < actors.length; ++i) if (actors[i] == who) return true;
        return false;
    }

    /// @dev The artist's Split distributes rather than withdraws: left out of withdrawals.
    function _isSplit(address who) internal view returns (bool) {
        return who.code.length != 0 && who != address(HOSTILE);
    }

    function _add(Expect memory x, bool breaks, bytes4 selector) internal pure {
        if (breaks) x.sel[x.n++] = selector;
    }

    /// @dev A call must succeed iff it breaks no rule; a refusal must name one it breaks. An unexpected
    ///      refusal is passed on as it is, so the campaign shows the contract's own error.
    function _done(Expect memory x, bool ok, bytes memory reason, bytes32 action) internal {
        if (x.n == 0) {
            if (!ok) {
                // solhint-disable-next-line no-inline-assembly
                assembly ("memory-safe") {
                    revert(add(reason, 0x20), mload(reason))
                }
            }
        } else {
            assertFalse(ok, string.concat("must be refused: ", string(abi.encodePacked(action))));
            bytes4 got = bytes4(reason);
            bool named;
            for (uint256 i; i < x.n; ++i) if (x.sel[i] == got) named = true;
            assertTrue(named, string.concat("refused by another rule: ", string(abi.encodePacked(action))));
        }
        calls[action]++;
    }
}
