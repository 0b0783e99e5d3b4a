// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";

/// @title HostileRoyaltyNFT
/// @notice An outside ERC-1155 collection for marketplace tests (tests only): anyone mints; its ERC-2981
///         `royaltyInfo` answers any rate (0..100%+, no cap), reverts, burns all the gas it is given, or
///         returns malformed data (too short, or a receiver word with its upper bits set); it claims an
///         `artist()` (any address, e.g. a registered artist) without being one of our drops, and that
///         answer can be malformed too. Every behaviour can be switched at any time (e.g. after a bid).
contract HostileRoyaltyNFT is ERC1155 {
    /// @notice How `royaltyInfo` behaves.
    enum Mode {
        Honest,
        Revert,
        BurnGas,
        /// @dev Returns one word only: Solidity's try/catch cannot decode it and reverts.
        Short,
        /// @dev Returns the receiver with bits above the 160 of an address set.
        Dirty,
        /// @dev Returns nothing at all.
        Empty
    }

    /// @notice How `artist()` behaves.
    enum ArtistMode {
        Honest,
        /// @dev Returns nothing at all.
        Empty,
        /// @dev Returns the artist with bits above the 160 of an address set.
        Dirty,
        Revert
    }

    error HostileRoyaltyNFT_Refused();

    Mode public mode;
    ArtistMode public artistMode;
    address public royaltyReceiver;
    uint256 public royaltyBps;
    address internal _artist;
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
        _artist = artist_;
    }

    /// @notice Sets how `artist()` behaves.
    function setArtistMode(ArtistMode mode_) external {
        artistMode = mode_;
    }

    /// @notice The artist this collection claims, as set by {setArtist} and {setArtistMode}.
    function artist() external view returns (address) {
        ArtistMode m = artistMode;
        if (m == ArtistMode.Revert) revert HostileRoyaltyNFT_Refused();
        address a = _artist;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            if eq(m, 1) {
                return(0, 0)
            }
            if eq(m, 2) {
                mstore(0, or(a, shl(200, 1)))
                return(0, 32)
            }
        }
        return a;
    }

    /// @notice ERC-2981, as set by {setRoyalty}.
    function royaltyInfo(uint256, uint256 salePrice) external view returns (address, uint256) {
        Mode m = mode;
        if (m == Mode.Revert) revert HostileRoyaltyNFT_Refused();
        if (m == Mode.BurnGas) {
            uint256 x = counter;
            while (true) {
                x = uint256(keccak256(abi.encode(x)));
            }
        }
        address receiver = royaltyReceiver;
        uint256 amount = (salePrice * royaltyBps) / 10_000;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            if eq(m, 3) {
                mstore(0, receiver)
                return(0, 32)
            }
            if eq(m, 4) {
                mstore(0, or(receiver, shl(200, 1)))
                mstore(32, amount)
                return(0, 64)
            }
            if eq(m, 5) {
                return(0, 0)
            }
        }
        return (receiver, amount);
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == 0x2a55205a || super.supportsInterface(interfaceId);
    }
}
