// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";

/// @title HostileRoyaltyNFT
/// @notice An outside ERC-1155 collection for marketplace tests (tests only): anyone mints; its ERC-2981
///         `royaltyInfo` answers any rate (0..100%+, no cap), reverts, or burns all the gas it is given; and it
///         claims an `artist()` (any address, e.g. a registered artist) without being one of our drops.
contract HostileRoyaltyNFT is ERC1155 {
    /// @notice How `royaltyInfo` behaves.
    enum Mode {
        Honest,
        Revert,
        BurnGas
    }

    error HostileRoyaltyNFT_Refused();

    Mode public mode;
    address public royaltyReceiver;
    uint256 public royaltyBps;
    /// @notice The artist this collection claims to belong to.
    address public artist;
    uint256 public counter;

    constructor() ERC1155("") {}

    /// @notice Mints `amount` of `id` to `to`.
    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }

    /// @notice Sets how `royaltyInfo` behaves and what it answers when honest (`bps` of the price, uncapped).
    function setRoyalty(Mode mode_, address receiver, uint256 bps) external {
        mode = mode_;
        royaltyReceiver = receiver;
        royaltyBps = bps;
    }

    /// @notice Sets the artist this collection claims.
    function setArtist(address artist_) external {
        artist = artist_;
    }

    /// @notice ERC-2981, as set by {setRoyalty}.
    function royaltyInfo(uint256, uint256 salePrice) external view returns (address, uint256) {
        if (mode == Mode.Revert) revert HostileRoyaltyNFT_Refused();
        if (mode == Mode.BurnGas) {
            uint256 x = counter;
            while (true) {
                x = uint256(keccak256(abi.encode(x)));
            }
        }
        return (royaltyReceiver, (salePrice * royaltyBps) / 10_000);
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == 0x2a55205a || super.supportsInterface(interfaceId);
    }
}
