// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IMarketplace} from "./IMarketplace.sol";
import {MarketBase} from "./MarketBase.sol";
import {Listings} from "./Listings.sol";
import {Offers} from "./Offers.sol";
import {Auctions} from "./Auctions.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {IDropFactory} from "../drops/IDropFactory.sol";

/// @title Marketplace
/// @notice Listings, offers and English auctions of ERC-721 and ERC-1155 tokens. See {IMarketplace}.
/// @dev Ownerless. Must be a Ledger operator (set through the FeeRouter) to pull a buyer's approved ERC-20.
///      Takes tokens only from its own transfers (auction escrow), so nothing can be sent to it by mistake.
contract Marketplace is IMarketplace, Listings, Offers, Auctions, IERC721Receiver, IERC1155Receiver {
    constructor(IPayments ledger, IDropFactory dropFactory) MarketBase(ledger, dropFactory) {}

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address operator, address, uint256, bytes calldata) external view returns (bytes4) {
        if (operator != address(this)) revert Market_UnexpectedToken(operator);
        return IERC721Receiver.onERC721Received.selector;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155Received(
        address operator,
        address,
        uint256,
        uint256,
        bytes calldata
    ) external view returns (bytes4) {
        if (operator != address(this)) revert Market_UnexpectedToken(operator);
        return IERC1155Receiver.onERC1155Received.selector;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155BatchReceived(
        address operator,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external pure returns (bytes4) {
        revert Market_UnexpectedToken(operator);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == type(IERC721Receiver).interfaceId ||
            interfaceId == type(IERC1155Receiver).interfaceId;
    }
}
