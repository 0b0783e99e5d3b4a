// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Marketplace} from "../../../contracts/market/Marketplace.sol";
import {IAuctions} from "../../../contracts/market/IAuctions.sol";
import {IMarketBase} from "../../../contracts/market/IMarketBase.sol";
import {ILedger} from "../../../contracts/ledger/ILedger.sol";
import {HostileRoyaltyNFT} from "../../../contracts/mocks/HostileRoyaltyNFT.sol";
import {HostileBidder} from "../../../contracts/mocks/HostileBidder.sol";

/// @title AuctionEscapeHandler
/// @notice Adversarial auction campaign (issue 14, F-03): ETH auctions of a collection whose `royaltyInfo`
///         and `artist()` switch at any time between honest, reverting, gas-burning and malformed answers;
///         bidders that are wallets or contracts that refuse the token, burn gas or re-enter the marketplace.
///         Calls may fail (failOnRevert stays off); `finish` records a lot that can neither settle nor, past
///         the grace period, unwind as stuck. Ghosts: the ETH the marketplace must hold (the live top bids)
///         and every account the Ledger may credit.
contract AuctionEscapeHandler is Test {
    Marketplace public immutable MARKET;
    ILedger public immutable LEDGER;
    HostileRoyaltyNFT public immutable NFT;

    address[] internal _wallets;
    HostileBidder[] internal _contracts;
    address[] internal _creditees;
    IAuctions.Auction[] internal _lots;

    /// @notice Lots that ended (settled or unwound) and lots that could do neither.
    uint256 public finished;
    uint256 public stuck;
    /// @notice What the marketplace must hold: the top bid of every live auction.
    uint256 public escrowed;
    /// @notice Lots unwound (directly, past the grace), and calls that credited a bid back to the wrong account
    ///         (an outbid bid not credited to the outbid bidder, an unwound bid not to its bidder, or anything
    ///         credited to the seller of an unwound lot). Counted, not asserted: this campaign lets calls revert.
    uint256 public unwound;
    uint256 public misrouted;

    constructor(Marketplace market, ILedger ledger, address treasury) {
        MARKET = market;
        LEDGER = ledger;
        NFT = new HostileRoyaltyNFT();
        for (uint256 i; i < 3; ++i) {
            address w = makeAddr(string.concat("wallet", vm.toString(i)));
            _wallets.push(w);
            _creditees.push(w);
            vm.prank(w);
            NFT.setApprovalForAll(address(market), true);
        }
        for (uint256 i; i < 2; ++i) {
            HostileBidder b = new HostileBidder(market);
            _contracts.push(b);
            _creditees.push(address(b));
        }
        _creditees.push(treasury);
        _creditees.push(makeAddr("royalty"));
        NFT.setRoyalty(HostileRoyaltyNFT.Mode.Honest, makeAddr("royalty"), 1000);
    }

    /// @notice Everyone the Ledger can credit in this campaign.
    function creditees() external view returns (address[] memory) {
        return _creditees;
    }

    /// @notice The terms of lot `i`.
    function lot(uint256 i) external view returns (IAuctions.Auction memory) {
        return _lots[i];
    }

    /// @notice A wallet auctions a new token.
    function create(uint256 sellerSeed, uint256 reserve, uint256 duration) external {
        address seller = _wallets[sellerSeed % _wallets.length];
        uint256 tokenId = _lots.length + 1;
        NFT.mint(seller, tokenId, 1);
        IAuctions.Auction memory a = IAuctions.Auction({
            seller: seller,
            collection: address(NFT),
            tokenId: tokenId,
            standard: IMarketBase.Standard.ERC1155,
            quantity: 1,
            currency: address(0),
            reserve: bound(reserve, 1, 10 ether),
            duration: uint32(bound(duration, 15 minutes, 2 days)),
            minRaiseBps: 0,
            salt: 0
        });
        vm.prank(seller);
        MARKET.createAuction(a);
        _lots.push(a);
    }

    /// @notice A wallet or a hostile contract bids the minimum (plus a little).
    function bid(uint256 lotSeed, uint256 bidderSeed, uint256 extra) external {
        if (_lots.length == 0) return;
        IAuctions.Auction memory a = _lots[lotSeed % _lots.length];
        bytes32 id = MARKET.auctionId(a);
        IAuctions.AuctionState memory before = MARKET.auctionState(id);
        uint256 amount = MARKET.minimumBid(a) + bound(extra, 0, 1 ether);
        vm.deal(address(this), amount);
        uint256 previousBefore = before.bidder == address(0) ? 0 : LEDGER.balanceOf(before.bidder, address(0));
        bool ok;
        if (bidderSeed % 2 == 0) {
            address w = _wallets[(bidderSeed >> 8) % _wallets.length];
            if (w == a.seller) return;
            vm.deal(w, amount);
            vm.prank(w);
            try MARKET.bid{value: amount}(a, amount) {
                ok = true;
            } catch {}
        } else {
            HostileBidder b = _contracts[(bidderSeed >> 8) % _contracts.length];
            try b.bid{value: amount}(a, amount) {
                ok = true;
            } catch {}
        }
        if (!ok) return;
        escrowed = escrowed + amount - before.amount;
        IAuctions.AuctionState memory after_ = MARKET.auctionState(id);
        if (
            before.bidder != address(0) &&
            before.bidder != after_.bidder &&
            LEDGER.balanceOf(before.bidder, address(0)) - previousBefore != before.amount
        ) ++misrouted;
    }

    /// @notice The collection switches how `royaltyInfo` answers (honest, revert, burn gas, short, dirty, empty).
    function switchRoyalty(uint256 modeSeed, uint256 bps) external {
        NFT.setRoyalty(HostileRoyaltyNFT.Mode(modeSeed % 6), makeAddr("royalty"), bound(bps, 0, 20_000));
    }

    /// @notice The collection switches how `artist()` answers (honest, empty, dirty, revert).
    function switchArtist(uint256 modeSeed, address artist) external {
        NFT.setArtist(artist);
        NFT.setArtistMode(HostileRoyaltyNFT.ArtistMode(modeSeed % 4));
    }

    /// @notice A contract bidder switches how it takes a token: accept, revert, burn gas, or re-enter settle.
    function switchBidder(uint256 bidderSeed, uint256 modeSeed, uint256 lotSeed) external {
        HostileBidder b = _contracts[bidderSeed % _contracts.length];
        bytes memory reentry;
        if (_lots.length != 0) reentry = abi.encodeCall(MARKET.settle, (_lots[lotSeed % _lots.length]));
        b.setMode(HostileBidder.Mode(modeSeed % 4), modeSeed % 3 == 0, reentry);
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 20 days));
    }

    /// @notice Nobody settled within the grace: anyone unwinds the lot. The top bid must be credited back to its
    ///         bidder, and nothing to the seller (who gets the token back).
    function unwind(uint256 lotSeed) external {
        if (_lots.length == 0) return;
        IAuctions.Auction memory a = _lots[lotSeed % _lots.length];
        IAuctions.AuctionState memory s = MARKET.auctionState(MARKET.auctionId(a));
        if (s.status != IAuctions.Status.Live || s.bidder == address(0)) return;
        if (block.timestamp < uint256(s.end) + MARKET.SETTLE_GRACE()) return;
        uint256 bidderBefore = LEDGER.balanceOf(s.bidder, address(0));
        uint256 sellerBefore = LEDGER.balanceOf(a.seller, address(0));
        try MARKET.unwindAuction{gas: 5_000_000}(a) {
            _ended(s.amount);
            ++unwound;
        } catch {
            ++stuck;
            return;
        }
        if (
            LEDGER.balanceOf(s.bidder, address(0)) - bidderBefore != s.amount ||
            LEDGER.balanceOf(a.seller, address(0)) != sellerBefore
        ) ++misrouted;
    }

    /// @notice Ends a lot whose auction ended: settle, or once the grace passed, unwind. Neither is "stuck".
    function finish(uint256 lotSeed) external {
        if (_lots.length == 0) return;
        IAuctions.Auction memory a = _lots[lotSeed % _lots.length];
        IAuctions.AuctionState memory s = MARKET.auctionState(MARKET.auctionId(a));
        if (s.status != IAuctions.Status.Live || s.bidder == address(0) || block.timestamp < s.end) return;
        try MARKET.settle{gas: 5_000_000}(a) {
            _ended(s.amount);
            return;
        } catch {}
        if (block.timestamp < uint256(s.end) + MARKET.SETTLE_GRACE()) return;
        try MARKET.unwindAuction{gas: 5_000_000}(a) {
            _ended(s.amount);
        } catch {
            ++stuck;
        }
    }

    function _ended(uint256 amount) internal {
        ++finished;
        escrowed -= amount;
    }
}
