// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IMarketplace} from "./IMarketplace.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {IDropCollection} from "../drops/IDropCollection.sol";
import {IDropFactory} from "../drops/IDropFactory.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @title Marketplace
/// @notice Fixed-price listings of ERC-721 and ERC-1155 tokens. See {IMarketplace}.
/// @dev Ownerless. Must be a Ledger operator (set through the FeeRouter) to pull a buyer's approved ERC-20.
contract Marketplace is IMarketplace {
    /// @notice Royalties are cut to 25% of the price.
    uint256 public constant MAX_ROYALTY_BPS = 2500;
    /// @notice Gas given to a collection's `royaltyInfo`: a hostile one cannot block a sale.
    uint256 public constant ROYALTY_GAS = 30_000;
    uint256 internal constant BPS = 10_000;
    address internal constant ETH = address(0);
    bytes32 internal constant SOURCE_SALE = "sale";

    IPayments public immutable LEDGER;
    /// @notice The factory of our drop collections, and the implementation its clones delegate to.
    address public immutable DROP_FACTORY;
    address internal immutable DROP_IMPLEMENTATION;

    mapping(bytes32 id => uint256) internal _remaining;

    constructor(IPayments ledger, IDropFactory dropFactory) {
        LEDGER = ledger;
        DROP_FACTORY = address(dropFactory);
        DROP_IMPLEMENTATION = dropFactory.IMPLEMENTATION();
    }

    /// @inheritdoc IMarketplace
    function listingId(Listing calldata listing) public pure returns (bytes32) {
        return keccak256(abi.encode(listing));
    }

    /// @inheritdoc IMarketplace
    function remaining(bytes32 id) external view returns (uint256) {
        return _remaining[id];
    }

    /// @inheritdoc IMarketplace
    function list(Listing calldata listing) external returns (bytes32 id) {
        if (listing.seller != msg.sender) revert Market_NotSeller(msg.sender);
        bool erc721 = listing.standard == Standard.ERC721;
        if (
            listing.quantity == 0 ||
            listing.price == 0 ||
            listing.expiry <= block.timestamp ||
            (erc721 && listing.quantity != 1)
        ) {
            revert Market_InvalidListing();
        }
        id = listingId(listing);
        if (_remaining[id] != 0) revert Market_AlreadyListed(id);
        _checkSeller(listing, listing.quantity);
        _remaining[id] = listing.quantity;
        emit Listed(id, listing.seller, listing.collection, listing);
    }

    /// @inheritdoc IMarketplace
    function cancel(Listing calldata listing) external {
        if (listing.seller != msg.sender) revert Market_NotSeller(msg.sender);
        bytes32 id = listingId(listing);
        if (_remaining[id] == 0) revert Market_NotListed(id);
        delete _remaining[id];
        emit ListingCancelled(id);
    }

    /// @inheritdoc IMarketplace
    function buy(Listing calldata listing, uint256 quantity, address currency, uint256 price) external payable {
        if (currency != listing.currency || price != listing.price)
            revert Market_TermsChanged(listing.currency, listing.price);
        bytes32 id = listingId(listing);
        uint256 left = _remaining[id];
        if (left == 0) revert Market_NotListed(id);
        if (block.timestamp >= listing.expiry) revert Market_Expired(id, listing.expiry);
        if (quantity == 0 || quantity > left) revert Market_QuantityUnavailable(quantity, left);
        unchecked {
            _remaining[id] = left - quantity;
        }
        uint256 total = listing.price * quantity;
        uint256 expectedValue = listing.currency == ETH ? total : 0;
        if (msg.value != expectedValue) revert Market_WrongPayment(expectedValue, msg.value);

        (address royaltyReceiver, uint256 royalty) = _royalty(listing.collection, listing.tokenId, total);
        LEDGER.paySale{value: msg.value}(
            IPayments.Sale({
                payer: msg.sender,
                token: listing.currency,
                price: total,
                seller: listing.seller,
                royaltyReceiver: royaltyReceiver,
                royalty: royalty,
                artist: _artistOf(listing.collection),
                source: SOURCE_SALE,
                ref: uint256(id)
            })
        );
        emit Bought(id, msg.sender, quantity);
        _transfer(listing, quantity);
    }

    /// @dev Last: the token moves (and a receiver contract is called) after every state change. A failure is
    ///      explained by name when the listing went stale (the seller sold or un-approved the token); any
    ///      other (a receiver that refuses the token) is passed on as it is. Checking only on failure keeps
    ///      the ownership and approval reads off a successful sale's gas.
    function _transfer(Listing calldata listing, uint256 quantity) internal {
        address seller = listing.seller;
        if (listing.standard == Standard.ERC721) {
            try IERC721(listing.collection).safeTransferFrom(seller, msg.sender, listing.tokenId) {
                return;
            } catch (bytes memory reason) {
                _checkSeller(listing, quantity);
                _bubble(reason);
            }
        } else {
            try IERC1155(listing.collection).safeTransferFrom(seller, msg.sender, listing.tokenId, quantity, "") {
                return;
            } catch (bytes memory reason) {
                _checkSeller(listing, quantity);
                _bubble(reason);
            }
        }
    }

    function _bubble(bytes memory reason) internal pure {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            revert(add(reason, 0x20), mload(reason))
        }
    }

    /// @dev The seller still holds `quantity` and still lets the marketplace move it: a stale listing fails
    ///      here by name rather than inside the token contract.
    function _checkSeller(Listing calldata listing, uint256 quantity) internal view {
        if (listing.standard == Standard.ERC721) {
            IERC721 token = IERC721(listing.collection);
            if (token.ownerOf(listing.tokenId) != listing.seller) revert Market_SellerNotOwner(listing.seller);
            if (
                !token.isApprovedForAll(listing.seller, address(this)) &&
                token.getApproved(listing.tokenId) != address(this)
            ) {
                revert Market_NotApproved(listing.seller);
            }
        } else {
            IERC1155 token = IERC1155(listing.collection);
            if (token.balanceOf(listing.seller, listing.tokenId) < quantity)
                revert Market_SellerNotOwner(listing.seller);
            if (!token.isApprovedForAll(listing.seller, address(this))) revert Market_NotApproved(listing.seller);
        }
    }

    /// @dev ERC-2981 with a gas cap; a collection without it, a reverting or gas-burning one pays no royalty,
    ///      and a royalty above 25% is cut to 25%.
    function _royalty(address collection, uint256 tokenId, uint256 total) internal view returns (address, uint256) {
        try IERC2981(collection).royaltyInfo{gas: ROYALTY_GAS}(tokenId, total) returns (address to, uint256 amount) {
            if (to == address(0) || amount == 0) return (address(0), 0);
            uint256 cap = (total * MAX_ROYALTY_BPS) / BPS;
            return (to, amount > cap ? cap : amount);
        } catch {
            return (address(0), 0);
        }
    }

    /// @dev The registered artist behind one of our drop collections, whose referrer earns its share of the
    ///      fee; zero for other collections. A collection is ours exactly when its address is the drop
    ///      factory's clone for the artist it names (computed, no storage read).
    function _artistOf(address collection) internal view returns (address) {
        try IDropCollection(collection).artist{gas: ROYALTY_GAS}() returns (address artist) {
            address expected = Clones.predictDeterministicAddressWithImmutableArgs(
                DROP_IMPLEMENTATION,
                abi.encodePacked(artist),
                bytes32(uint256(uint160(artist))),
                DROP_FACTORY
            );
            return expected == collection ? artist : address(0);
        } catch {
            return address(0);
        }
    }
}
