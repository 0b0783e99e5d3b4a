// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IDropFactory
/// @notice Creates one ERC-1155 drop collection per registered artist, as a cheap clone at an address
///         that can be predicted from the artist's. Holds the platform-wide settings collections read:
///         the metadata base URI and the default minter for card checkout.
interface IDropFactory {
    /// @notice The caller is not a registered artist.
    error DropFactory_NotRegistered(address caller);
    /// @notice The artist already has its collection.
    error DropFactory_AlreadyCreated(address artist, address collection);

    /// @notice A new collection. The royalty goes to the artist's payout (its Split).
    event CollectionCreated(
        address indexed artist,
        address indexed collection,
        string name,
        address royaltyReceiver,
        uint96 royaltyBps,
        address minter
    );
    /// @notice Token URIs are now this base followed by an edition's metadata hash in hex.
    event MetadataBaseURIChanged(string uri);
    /// @notice New collections allow this minter for card checkout (zero for none).
    event DefaultMinterChanged(address minter);

    /// @notice The implementation every collection delegates to.
    function IMPLEMENTATION() external view returns (address);

    /// @notice The artist's collection, or zero.
    function collectionOf(address artist) external view returns (address);

    /// @notice Where the artist's collection is (or will be) deployed.
    function predictCollection(address artist) external view returns (address);

    /// @notice The base of every edition's token URI that has no URI of its own.
    function metadataBaseURI() external view returns (string memory);

    /// @notice The minter new collections allow (the card checkout's relayer), or zero.
    function defaultMinter() external view returns (address);

    /// @notice Registered artist: creates the caller's collection, with an ERC-2981 royalty of
    ///         `royaltyBps` (at most 25%) to the caller's payout.
    /// @return collection The new collection.
    function createCollection(string calldata name, uint96 royaltyBps) external returns (address collection);

    /// @notice Owner: changes the metadata base URI (every collection reads it).
    function setMetadataBaseURI(string calldata uri) external;

    /// @notice Owner: changes the minter that new collections allow.
    function setDefaultMinter(address minter) external;
}
