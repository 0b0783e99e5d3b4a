// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";

/// @title RejectingERC1155Receiver
/// @notice A contract wallet that refuses ERC-1155 tokens (tests only): its receiver hooks answer with a
///         wrong value, which OpenZeppelin's acceptance check turns into `ERC1155InvalidReceiver`. `setAccept`
///         makes it answer correctly instead, so the same contract also stands for a contract that accepts.
contract RejectingERC1155Receiver is IERC1155Receiver {
    /// @notice Whether the hooks accept tokens (false by default).
    bool public accept;

    /// @notice Accepts (true) or refuses (false) every later transfer.
    function setAccept(bool accept_) external {
        accept = accept_;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external view returns (bytes4) {
        return accept ? IERC1155Receiver.onERC1155Received.selector : bytes4(0xdeadbeef);
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external view returns (bytes4) {
        return accept ? IERC1155Receiver.onERC1155BatchReceived.selector : bytes4(0xdeadbeef);
    }

    /// @notice ERC-165: claims the receiver interface, as a real contract wallet would.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || interfaceId == 0x01ffc9a7;
    }
}
