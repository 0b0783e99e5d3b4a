// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IMarketBase} from "./IMarketBase.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {IDropCollection} from "../drops/IDropCollection.sol";
import {IDropFactory} from "../drops/IDropFactory.sol";
import {Constants} from "../libraries/Constants.sol";
import {Sources} from "../libraries/Sources.sol";

/// @title MarketBase
/// @notice What listings, offers and auctions share: the Ledger that pays every sale, the royalty and
///         artist lookups, and token moves that explain a stale seller by name.
abstract contract MarketBase is IMarketBase, ReentrancyGuardTransient {
    /// @notice Royalties are cut to 25% of the price.
    uint256 public constant MAX_ROYALTY_BPS = Constants.MAX_ROYALTY_BPS;
    /// @notice Gas given to a collection's `royaltyInfo` and `artist`: a hostile one cannot block a sale.
    uint256 public constant ROYALTY_GAS = 30_000;

    IPayments public immutable LEDGER;
    /// @notice The factory of our drop collections, and the implementation its clones delegate to.
    address public immutable DROP_FACTORY;
    address internal immutable DROP_IMPLEMENTATION;

    constructor(IPayments ledger, IDropFactory dropFactory) {
        LEDGER = ledger;
        DROP_FACTORY = address(dropFactory);
        DROP_IMPLEMENTATION = dropFactory.IMPLEMENTATION();
    }

    /// @dev The Ledger sale of `price` for token `tokenId` of `collection`, paid by `payer` to `seller`:
    ///      the royalty (capped), and the collection's artist for the referral share of the fee.
    function _saleOf(
        address payer,
        address seller,
        address collection,
        uint256 tokenId,
        address currency,
        uint256 price,
        bytes32 id
    ) internal view returns (IPayments.Sale memory) {
        (address royaltyReceiver, uint256 royalty) = _royalty(collection, tokenId, price);
        return
            IPayments.Sale({
                payer: payer,
                token: currency,
                price: price,
                seller: seller,
                royaltyReceiver: royaltyReceiver,
                royalty: royalty,
                artist: _artistOf(collection),
                source: Sources.SALE,
                ref: uint256(id)
            });
    }

    /// @dev Moves `quantity` of a token from `from` (who approved the marketplace) to `to`, last in a trade:
    ///      the receiver hook runs after every state change. A failure is explained by name when `from` no
    ///      longer holds or approves the token; any other (a receiver that refuses it) is passed on as it is.
    ///      Checking only on failure keeps the ownership and approval reads off a successful trade's gas.
    function _transferFromHolder(
        Standard standard,
        address collection,
        uint256 tokenId,
        address from,
        address to,
        uint256 quantity
    ) internal {
        if (standard == Standard.ERC721) {
            try IERC721(collection).safeTransferFrom(from, to, tokenId) {
                return;
            } catch (bytes memory reason) {
                _checkHolder(standard, collection, tokenId, from, quantity);
                _bubble(reason);
            }
        } else {
            try IERC1155(collection).safeTransferFrom(from, to, tokenId, quantity, "") {
                return;
            } catch (bytes memory reason) {
                _checkHolder(standard, collection, tokenId, from, quantity);
                _bubble(reason);
            }
        }
    }

    /// @dev Moves a token the marketplace holds (auction escrow) to `to`.
    function _transferOut(
        Standard standard,
        address collection,
        uint256 tokenId,
        address to,
        uint256 quantity
    ) internal {
        if (standard == Standard.ERC721) {
            IERC721(collection).safeTransferFrom(address(this), to, tokenId);
        } else {
            IERC1155(collection).safeTransferFrom(address(this), to, tokenId, quantity, "");
        }
    }

    function _bubble(bytes memory reason) internal pure {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            revert(add(reason, 0x20), mload(reason))
        }
    }

    /// @dev `holder` still holds `quantity` and still lets the marketplace move it: a stale listing or a
    ///      seller without the token fails here by name rather than inside the token contract.
    function _checkHolder(
        Standard standard,
        address collection,
        uint256 tokenId,
        address holder,
        uint256 quantity
    ) internal view {
        if (standard == Standard.ERC721) {
            IERC721 token = IERC721(collection);
            if (token.ownerOf(tokenId) != holder) revert Market_SellerNotOwner(holder);
            if (!token.isApprovedForAll(holder, address(this)) && token.getApproved(tokenId) != address(this)) {
                revert Market_NotApproved(holder);
            }
        } else {
            IERC1155 token = IERC1155(collection);
            if (token.balanceOf(holder, tokenId) < quantity) revert Market_SellerNotOwner(holder);
            if (!token.isApprovedForAll(holder, address(this))) revert Market_NotApproved(holder);
        }
    }

    /// @dev ERC-2981 with a gas cap; a collection without it, a reverting or gas-burning one, or one whose
    ///      answer is malformed (under two words, a receiver word with bits above an address's) pays no
    ///      royalty, and a royalty above 25% is cut to 25%.
    function _royalty(address collection, uint256 tokenId, uint256 total) internal view returns (address, uint256) {
        (bool ok, uint256 receiverWord, uint256 amount) = _staticRead(
            collection,
            abi.encodeCall(IERC2981.royaltyInfo, (tokenId, total)),
            64
        );
        if (!ok || receiverWord >> 160 != 0 || receiverWord == 0 || amount == 0) return (address(0), 0);
        uint256 cap = (total * MAX_ROYALTY_BPS) / Constants.BPS;
        return (address(uint160(receiverWord)), amount > cap ? cap : amount);
    }

    /// @dev The registered artist behind one of our drop collections, whose referrer earns its share of the
    ///      fee; zero for other collections (and for any malformed answer). A collection is ours exactly when
    ///      its address is the drop factory's clone for the artist it names (computed, no storage read).
    function _artistOf(address collection) internal view returns (address) {
        (bool ok, uint256 word, ) = _staticRead(collection, abi.encodeCall(IDropCollection.artist, ()), 32);
        if (!ok || word >> 160 != 0) return address(0);
        address artist = address(uint160(word));
        address expected = Clones.predictDeterministicAddressWithImmutableArgs(
            DROP_IMPLEMENTATION,
            abi.encodePacked(artist),
            bytes32(word),
            DROP_FACTORY
        );
        return expected == collection ? artist : address(0);
    }

    /// @dev Reads up to two words from an untrusted view call, with a gas cap (ROYALTY_GAS). `ok` is false
    ///      when the call reverts or returns fewer than `minSize` bytes. Solidity's try/catch cannot do this:
    ///      it reverts on an answer it cannot decode. Assembly only to copy at most 64 bytes of the answer,
    ///      into scratch space, so a huge answer costs us nothing either.
    function _staticRead(
        address target,
        bytes memory data,
        uint256 minSize
    ) internal view returns (bool ok, uint256 first, uint256 second) {
        uint256 gasCap = ROYALTY_GAS;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            ok := staticcall(gasCap, target, add(data, 0x20), mload(data), 0, 0x40)
            if lt(returndatasize(), minSize) {
                ok := 0
            }
            first := mload(0)
            second := mload(0x20)
        }
    }
}
