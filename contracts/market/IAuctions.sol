// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMarketBase} from "./IMarketBase.sol";

/// @title IAuctions
/// @notice English (reserve) auctions. The seller escrows the token in the marketplace; the clock starts
///         with the first bid at or above the reserve and runs for the auction's duration; each bid must
///         raise the last by the minimum raise (5% by default); a bid in the last 15 minutes moves the end to
///         15 minutes after it. The outbid bidder is credited in the Ledger at once, so no bidder can block
///         another. Anyone settles once after the end: the sale pays like any other ({IPayments-paySale}) and
///         the token goes to the winner (or waits for it, if its wallet refuses the token). The seller may
///         cancel only before the first bid. A bid that is not settled within {SETTLE_GRACE} of the end (a
///         settlement that keeps failing, e.g. on a collection or currency gone hostile) can be unwound by
///         anyone: the bid becomes the bidder's Ledger credit and the token goes back to the seller (or waits
///         for the seller's claim), so no bid and no token is ever stuck.
/// @dev An auction lives on chain as the hash of its terms and its state; its terms can never change.
interface IAuctions is IMarketBase {
    /// @notice The terms of an auction. Its id is the hash of these terms.
    struct Auction {
        address seller;
        address collection;
        uint256 tokenId;
        Standard standard;
        /// @dev 1 for an ERC-721; a quantity of an ERC-1155, sold as one lot.
        uint64 quantity;
        /// @dev address(0) for ETH.
        address currency;
        /// @dev The lowest first bid, for the whole lot (more than zero).
        uint256 reserve;
        /// @dev Seconds from the first bid to the end, between 15 minutes and 30 days.
        uint32 duration;
        /// @dev Each bid raises the last by at least this (basis points); 0 means the 5% default.
        uint16 minRaiseBps;
        /// @dev Any number: lets a seller auction the same terms again.
        uint256 salt;
    }

    /// @notice Where an auction is.
    enum Status {
        /// @dev Never created, or cancelled.
        None,
        /// @dev The token is escrowed; bids may come while the end is zero (no bid yet) or ahead.
        Live,
        /// @dev Settled: paid, and the token delivered or waiting for the winner.
        Settled,
        /// @dev Unwound after the grace period: the bid credited back, the token returned or waiting for the seller.
        Unwound
    }

    /// @notice An auction's state, in two storage words.
    struct AuctionState {
        /// @dev The highest bidder (zero before the first bid).
        address bidder;
        /// @dev Zero before the first bid.
        uint40 end;
        Status status;
        /// @dev The token could not be delivered at settlement (unwinding) and waits for the winner (seller).
        bool held;
        /// @dev The highest bid, escrowed in the marketplace until outbid (then a Ledger credit) or settled.
        uint256 amount;
    }

    /// @notice Zero quantity or reserve, an ERC-721 quantity other than 1, a duration out of bounds or a
    ///         minimum raise above 100%.
    error Market_InvalidAuction();
    /// @notice The caller is not the auction's seller.
    error Market_NotAuctionSeller(address caller);
    /// @notice These terms are live or settled already.
    error Market_AuctionExists(bytes32 id);
    /// @notice No live auction has these terms (never created, or cancelled).
    error Market_NoAuction(bytes32 id);
    /// @notice The auction ended at `end`: no more bids.
    error Market_AuctionEnded(bytes32 id, uint40 end);
    /// @notice The auction ends at `end` (zero: no bid yet); it cannot be settled before.
    error Market_AuctionNotEnded(bytes32 id, uint40 end);
    /// @notice The auction was settled already.
    error Market_AuctionSettled(bytes32 id);
    /// @notice The bid is below `minimum` (the reserve, or the last bid plus the minimum raise).
    error Market_BidTooLow(uint256 minimum, uint256 amount);
    /// @notice The seller cannot bid on its own auction.
    error Market_SellerCannotBid();
    /// @notice The auction has a bid: it can no longer be cancelled.
    error Market_AuctionHasBids(bytes32 id);
    /// @notice An ERC-20 bid arrived short (a fee-on-transfer token): `received` of `expected`.
    error Market_TransferShortfall(uint256 expected, uint256 received);
    /// @notice Give the settlement more gas: the token's delivery is given at least `needed`, so that no
    ///         settler (nor a tight gas estimate) can leave an honest winner's token undelivered.
    error Market_SettleGas(uint256 needed);
    /// @notice A waiting token can only be claimed to an address that is neither zero nor the marketplace.
    error Market_BadRecipient(address to);
    /// @notice Only the winner can claim the token, and only when it is waiting.
    error Market_NothingToClaim(bytes32 id, address caller);
    /// @notice The auction was unwound already.
    error Market_AuctionUnwound(bytes32 id);
    /// @notice An auction can only be unwound once it has a bid and `unwindAt` (end plus the grace) passed.
    error Market_UnwindTooEarly(bytes32 id, uint256 unwindAt);

    /// @notice A new auction with all its terms; the token is now escrowed.
    event AuctionCreated(bytes32 indexed id, address indexed seller, address indexed collection, Auction auction);
    /// @notice The seller cancelled the auction before any bid; the token went back.
    event AuctionCancelled(bytes32 indexed id);
    /// @notice `bidder` leads with `amount`; the auction now ends at `end`. `previousBidder` (zero for the
    ///         first bid) was credited `previousAmount` in the Ledger (source "outbid").
    event BidPlaced(
        bytes32 indexed id,
        address indexed bidder,
        uint256 amount,
        uint40 end,
        address previousBidder,
        uint256 previousAmount
    );
    /// @notice The auction was settled: `winner` paid `amount` (its parts are the Ledger's `SalePaid` event
    ///         just before, with `ref` = uint256(id)); `delivered` is false when the token waits for a claim.
    event AuctionSettled(bytes32 indexed id, address indexed winner, uint256 amount, bool delivered);
    /// @notice The winner claimed a token that could not be delivered at settlement, to `to` (or the seller,
    ///         one that could not be returned when the auction was unwound).
    event AuctionItemClaimed(bytes32 indexed id, address indexed to);
    /// @notice The auction was unwound: `bidder` was credited its `amount` in the Ledger (source "unwound");
    ///         `returned` is false when the token waits for the seller's claim.
    event AuctionUnwound(bytes32 indexed id, address indexed bidder, uint256 amount, bool returned);

    /// @notice How long after its end an auction with a bid can only be settled; after that it can also be
    ///         unwound: 14 days.
    function SETTLE_GRACE() external view returns (uint256);

    /// @notice The id of an auction's terms: keccak256(abi.encode(auction)).
    function auctionId(Auction calldata auction) external pure returns (bytes32);

    /// @notice An auction's state.
    function auctionState(bytes32 id) external view returns (AuctionState memory);

    /// @notice The lowest bid the auction takes now: the reserve, or the last bid plus the minimum raise.
    function minimumBid(Auction calldata auction) external view returns (uint256);

    /// @notice Seller: escrows the token (approved to the marketplace) and opens the auction.
    /// @return id The auction's id.
    function createAuction(Auction calldata auction) external returns (bytes32 id);

    /// @notice Seller: cancels an auction without bids; the token goes back.
    function cancelAuction(Auction calldata auction) external;

    /// @notice Bids `amount` for the lot: ETH as msg.value, or an ERC-20 pulled from the bidder (which
    ///         approves the marketplace). The previous bidder is credited in the Ledger at once.
    function bid(Auction calldata auction, uint256 amount) external payable;

    /// @notice Anyone, once, after the end: pays the sale and delivers the token to the winner.
    function settle(Auction calldata auction) external;

    /// @notice Winner: takes a token that could not be delivered at settlement, to `to`. Seller: takes a token
    ///         that could not be returned when the auction was unwound.
    function claimAuctionItem(Auction calldata auction, address to) external;

    /// @notice Anyone, once the auction's end plus {SETTLE_GRACE} passed and it is still not settled: credits
    ///         the bid back to the bidder in the Ledger and returns the token to the seller (or keeps it for the
    ///         seller's claim). The escape for a settlement that cannot succeed; until then only settle ends it.
    function unwindAuction(Auction calldata auction) external;
}
