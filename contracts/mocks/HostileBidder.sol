// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IMarketplace} from "../market/IMarketplace.sol";
import {IAuctions} from "../market/IAuctions.sol";

/// @title HostileBidder
/// @notice A contract wallet that trades on the marketplace (bids, and through {exec} anything else: approve,
///         make offers, create auctions, claim) and misbehaves whenever it receives ETH or a token (tests only):
///         it accepts, reverts, burns all the gas it is given, or re-enters the marketplace with a call set by
///         {setMode}. A failed re-entry is either swallowed (the receipt itself is accepted, so a test can tell
///         a blocked re-entry from a refused receipt) or bubbled up (the receipt is refused).
contract HostileBidder is IERC721Receiver, IERC1155Receiver {
    /// @notice How the wallet reacts to ETH and tokens it receives.
    enum Mode {
        Accept,
        Revert,
        BurnGas,
        Reenter
    }

    error HostileBidder_Refused();
    error HostileBidder_CallFailed(bytes reason);

    IMarketplace public immutable MARKET;

    Mode public mode;
    /// @notice Reenter: bubble a failed re-entry up (refusing what arrived) instead of swallowing it.
    bool public bubble;
    /// @notice Reenter: the calldata sent to the marketplace on receipt.
    bytes public reentry;
    /// @notice Re-entry attempts so far (at most one per receipt).
    uint256 public attempts;
    /// @notice Re-entries that succeeded.
    uint256 public reentrySucceeded;
    /// @notice The revert data of the last swallowed failed re-entry.
    bytes public reentryError;
    uint256 public counter;
    bool internal _entered;

    constructor(IMarketplace market) {
        MARKET = market;
    }

    /// @notice Sets how receipts are handled and, for {Mode.Reenter}, the call made into the marketplace.
    function setMode(Mode mode_, bool bubble_, bytes calldata reentry_) external {
        mode = mode_;
        bubble = bubble_;
        reentry = reentry_;
    }

    /// @notice Bids on `auction`, forwarding the ETH sent.
    function bid(IAuctions.Auction calldata auction, uint256 amount) external payable {
        MARKET.bid{value: msg.value}(auction, amount);
    }

    /// @notice Calls `target` with `data` (and the ETH sent) as this wallet; a failure is bubbled up as it is.
    function exec(address target, bytes calldata data) external payable returns (bytes memory result) {
        bool ok;
        (ok, result) = target.call{value: msg.value}(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    // The whole point of this mock is a receive hook that does something.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        _react();
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        _react();
        return IERC721Receiver.onERC721Received.selector;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external returns (bytes4) {
        _react();
        return IERC1155Receiver.onERC1155Received.selector;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external returns (bytes4) {
        _react();
        return IERC1155Receiver.onERC1155BatchReceived.selector;
    }

    /// @notice ERC-165: claims the receiver interfaces, as a real contract wallet would.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC1155Receiver).interfaceId ||
            interfaceId == type(IERC721Receiver).interfaceId ||
            interfaceId == 0x01ffc9a7;
    }

    function _react() internal {
        Mode m = mode;
        if (m == Mode.Revert) revert HostileBidder_Refused();
        if (m == Mode.BurnGas) {
            while (true) {
                ++counter;
            }
        }
        if (m != Mode.Reenter || _entered) return;
        _entered = true;
        ++attempts;
        (bool ok, bytes memory ret) = address(MARKET).call(reentry);
        if (ok) {
            ++reentrySucceeded;
        } else if (bubble) {
            revert HostileBidder_CallFailed(ret);
        } else {
            reentryError = ret;
        }
        _entered = false;
    }
}
