// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IAuctions} from "./IAuctions.sol";
import {MarketBase} from "./MarketBase.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";
import {Sources} from "../libraries/Sources.sol";

/// @title Auctions
/// @notice English (reserve) auctions with escrow, anti-sniping extension and Ledger refunds. See {IAuctions}.
/// @dev The marketplace holds exactly the tokens of live auctions (and of settled ones waiting for a claim)
///      and exactly the highest bid of each live auction.
abstract contract Auctions is IAuctions, MarketBase {
    using SafeERC20 for IERC20;
    using Currency for address;

    /// @notice A bid this close to the end moves the end to this long after the bid.
    uint256 public constant EXTENSION = 15 minutes;
    uint256 public constant MIN_DURATION = 15 minutes;
    uint256 public constant MAX_DURATION = 30 days;
    /// @notice The minimum raise when the terms leave it at zero.
    uint256 public constant DEFAULT_MIN_RAISE_BPS = 500;
    /// @dev Gas kept back from the token delivery at settlement: a winner's wallet that burns all it gets
    ///      still leaves enough to record the token as waiting for a claim.
    uint256 internal constant DELIVERY_RESERVE = 30_000;
    /// @dev The least gas the delivery gets (an honest transfer to an EOA or a contract wallet needs far
    ///      less): a settlement with less reverts rather than hold an honest winner's token.
    uint256 internal constant DELIVERY_GAS = 100_000;
    /// @dev The most gas the delivery gets: a winner's wallet that burns gas costs the settler at most this.
    uint256 internal constant DELIVERY_GAS_CAP = 500_000;
    /// @inheritdoc IAuctions
    /// @dev Long enough that the seller (or anyone) settles a healthy auction first, so a winner cannot use the
    ///      escape as a free option on the lot.
    uint256 public constant SETTLE_GRACE = 14 days;

    mapping(bytes32 id => AuctionState) internal _auctions;

    /// @inheritdoc IAuctions
    function auctionId(Auction calldata auction) public pure returns (bytes32) {
        return keccak256(abi.encode(auction));
    }

    /// @inheritdoc IAuctions
    function auctionState(bytes32 id) external view returns (AuctionState memory) {
        return _auctions[id];
    }

    /// @inheritdoc IAuctions
    function minimumBid(Auction calldata auction) external view returns (uint256) {
        AuctionState storage state = _auctions[auctionId(auction)];
        return _minimumBid(auction, state.bidder, state.amount);
    }

    /// @inheritdoc IAuctions
    function createAuction(Auction calldata auction) external nonReentrant returns (bytes32 id) {
        if (auction.seller != msg.sender) revert Market_NotAuctionSeller(msg.sender);
        if (
            auction.quantity == 0 ||
            auction.reserve == 0 ||
            auction.duration < MIN_DURATION ||
            auction.duration > MAX_DURATION ||
            auction.minRaiseBps > Constants.BPS ||
            (auction.standard == Standard.ERC721 && auction.quantity != 1)
        ) {
            revert Market_InvalidAuction();
        }
        id = auctionId(auction);
        AuctionState storage state = _auctions[id];
        if (state.status != Status.None) revert Market_AuctionExists(id);
        state.status = Status.Live;
        emit AuctionCreated(id, auction.seller, auction.collection, auction);
        _escrow(auction);
    }

    /// @inheritdoc IAuctions
    function cancelAuction(Auction calldata auction) external nonReentrant {
        if (auction.seller != msg.sender) revert Market_NotAuctionSeller(msg.sender);
        bytes32 id = auctionId(auction);
        AuctionState storage state = _live(id);
        if (state.bidder != address(0)) revert Market_AuctionHasBids(id);
        delete _auctions[id];
        emit AuctionCancelled(id);
        _transferOut(auction.standard, auction.collection, auction.tokenId, auction.seller, auction.quantity);
    }

    /// @inheritdoc IAuctions
    function bid(Auction calldata auction, uint256 amount) external payable nonReentrant {
        bytes32 id = auctionId(auction);
        AuctionState storage state = _live(id);
        if (msg.sender == auction.seller) revert Market_SellerCannotBid();
        uint40 end = state.end;
        if (end != 0 && block.timestamp >= end) revert Market_AuctionEnded(id, end);
        address previousBidder = state.bidder;
        uint256 previousAmount = state.amount;
        uint256 minimum = _minimumBid(auction, previousBidder, previousAmount);
        if (amount < minimum) revert Market_BidTooLow(minimum, amount);
        bool eth = auction.currency.isEth();
        uint256 expectedValue = auction.currency.valueFor(amount);
        if (msg.value != expectedValue) revert Market_WrongPayment(expectedValue, msg.value);

        if (end == 0) {
            end = uint40(block.timestamp + auction.duration);
        } else if (end - block.timestamp < EXTENSION) {
            end = uint40(block.timestamp + EXTENSION);
        }
        state.bidder = msg.sender;
        state.end = end;
        state.amount = amount;
        emit BidPlaced(id, msg.sender, amount, end, previousBidder, previousAmount);

        if (!eth) _pullExactly(auction.currency, amount);
        // The outbid bidder's money becomes a Ledger credit now: nothing is sent to it, so it cannot block.
        if (previousBidder != address(0)) {
            if (!eth) _approveLedger(IERC20(auction.currency), previousAmount);
            ILedger(address(LEDGER)).deposit{value: auction.currency.valueFor(previousAmount)}(
                previousBidder,
                auction.currency,
                previousAmount,
                Sources.OUTBID
            );
        }
    }

    /// @inheritdoc IAuctions
    function settle(Auction calldata auction) external nonReentrant {
        bytes32 id = auctionId(auction);
        AuctionState storage state = _live(id);
        address winner = state.bidder;
        uint40 end = state.end;
        if (winner == address(0) || block.timestamp < end) revert Market_AuctionNotEnded(id, end);
        uint256 amount = state.amount;
        state.status = Status.Settled;
        state.amount = 0;

        if (!auction.currency.isEth()) _approveLedger(IERC20(auction.currency), amount);
        LEDGER.paySale{value: auction.currency.valueFor(amount)}(
            _saleOf(address(this), auction.seller, auction.collection, auction.tokenId, auction.currency, amount, id)
        );
        bool delivered = _deliver(auction, winner);
        if (!delivered) state.held = true;
        emit AuctionSettled(id, winner, amount, delivered);
    }

    /// @inheritdoc IAuctions
    function claimAuctionItem(Auction calldata auction, address to) external nonReentrant {
        bytes32 id = auctionId(auction);
        AuctionState storage state = _auctions[id];
        // A token held after settlement is the winner's; one held after unwinding is the seller's.
        address owner = state.status == Status.Unwound ? auction.seller : state.bidder;
        if (!state.held || owner != msg.sender) revert Market_NothingToClaim(id, msg.sender);
        // The marketplace takes tokens it moves itself, so a claim to its own address would be stuck for good.
        if (to == address(0) || to == address(this)) revert Market_BadRecipient(to);
        state.held = false;
        emit AuctionItemClaimed(id, to);
        _transferOut(auction.standard, auction.collection, auction.tokenId, to, auction.quantity);
    }

    /// @inheritdoc IAuctions
    function unwindAuction(Auction calldata auction) external nonReentrant {
        bytes32 id = auctionId(auction);
        AuctionState storage state = _live(id);
        address bidder = state.bidder;
        uint256 unwindAt = uint256(state.end) + SETTLE_GRACE;
        // Without a bid the seller cancels; with one, settling stays the only way out during the grace.
        if (bidder == address(0) || block.timestamp < unwindAt) revert Market_UnwindTooEarly(id, unwindAt);
        uint256 amount = state.amount;
        state.status = Status.Unwound;
        state.amount = 0;

        if (!auction.currency.isEth()) _approveLedger(IERC20(auction.currency), amount);
        ILedger(address(LEDGER)).deposit{value: auction.currency.valueFor(amount)}(
            bidder,
            auction.currency,
            amount,
            Sources.UNWOUND
        );
        bool returned = _deliver(auction, auction.seller);
        if (!returned) state.held = true;
        emit AuctionUnwound(id, bidder, amount, returned);
    }

    /// @dev The state of a live auction; a settled, unwound or unknown one fails by name.
    function _live(bytes32 id) internal view returns (AuctionState storage state) {
        state = _auctions[id];
        Status status = state.status;
        if (status == Status.Live) return state;
        if (status == Status.Settled) revert Market_AuctionSettled(id);
        if (status == Status.Unwound) revert Market_AuctionUnwound(id);
        revert Market_NoAuction(id);
    }

    function _minimumBid(Auction calldata auction, address bidder, uint256 amount) internal pure returns (uint256) {
        if (bidder == address(0)) return auction.reserve;
        uint256 raiseBps = auction.minRaiseBps == 0 ? DEFAULT_MIN_RAISE_BPS : auction.minRaiseBps;
        uint256 raise = (amount * raiseBps) / Constants.BPS;
        return amount + (raise == 0 ? 1 : raise);
    }

    /// @dev Takes the seller's token into escrow and checks it arrived (an outside collection could lie).
    function _escrow(Auction calldata auction) internal {
        if (auction.standard == Standard.ERC721) {
            _transferFromHolder(
                auction.standard,
                auction.collection,
                auction.tokenId,
                auction.seller,
                address(this),
                1
            );
            if (IERC721(auction.collection).ownerOf(auction.tokenId) != address(this)) {
                revert Market_SellerNotOwner(auction.seller);
            }
        } else {
            IERC1155 token = IERC1155(auction.collection);
            uint256 before = token.balanceOf(address(this), auction.tokenId);
            _transferFromHolder(
                auction.standard,
                auction.collection,
                auction.tokenId,
                auction.seller,
                address(this),
                auction.quantity
            );
            if (token.balanceOf(address(this), auction.tokenId) != before + auction.quantity) {
                revert Market_SellerNotOwner(auction.seller);
            }
        }
    }

    /// @dev Delivers the lot to the winner (to the seller, when unwinding), keeping back enough gas to record a
    ///      failure: a winner whose wallet refuses the token, or burns gas, cannot block the settlement; it claims
    ///      the token later.
    ///      The delivery gets at least DELIVERY_GAS, so only the winner's own wallet can make it fail, and at
    ///      most DELIVERY_GAS_CAP, so a wallet that burns gas cannot make the settler pay for more.
    function _deliver(Auction calldata auction, address to) internal returns (bool) {
        if (gasleft() < DELIVERY_GAS + DELIVERY_RESERVE) revert Market_SettleGas(DELIVERY_GAS + DELIVERY_RESERVE);
        uint256 gas = gasleft() - DELIVERY_RESERVE;
        if (gas > DELIVERY_GAS_CAP) gas = DELIVERY_GAS_CAP;
        if (auction.standard == Standard.ERC721) {
            try IERC721(auction.collection).safeTransferFrom{gas: gas}(address(this), to, auction.tokenId) {
                return true;
            } catch {
                return false;
            }
        }
        try
            IERC1155(auction.collection).safeTransferFrom{gas: gas}(
                address(this),
                to,
                auction.tokenId,
                auction.quantity,
                ""
            )
        {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev Pulls an ERC-20 bid from the bidder into escrow; a token that delivers less is refused.
    function _pullExactly(address token, uint256 amount) internal {
        uint256 received = token.pull(msg.sender, amount);
        if (received != amount) revert Market_TransferShortfall(amount, received);
    }

    /// @dev The Ledger pulls escrowed ERC-20 from the marketplace (outbid credits, settlement): approve it once.
    function _approveLedger(IERC20 token, uint256 amount) internal {
        if (token.allowance(address(this), address(LEDGER)) < amount) {
            token.forceApprove(address(LEDGER), type(uint256).max);
        }
    }
}
