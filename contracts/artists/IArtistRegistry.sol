// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IArtistRegistry
/// @notice One on-chain identity per artist: a unique handle (also the artist's referral code), a
///         profile URI, the payout address (normally the artist's Split) and the referrer, set once.
interface IArtistRegistry {
    /// @notice An artist as stored.
    struct Artist {
        address payout;
        uint64 registeredAt;
        address referrer;
        string handle;
        string profileURI;
    }

    /// @notice The caller is already registered.
    error ArtistRegistry_AlreadyRegistered(address artist);
    /// @notice The address is not a registered artist.
    error ArtistRegistry_NotRegistered(address account);
    /// @notice The handle is not 3 to 32 characters of a-z, 0-9 and '-'.
    error ArtistRegistry_InvalidHandle(string handle);
    /// @notice Another artist holds the handle.
    error ArtistRegistry_HandleTaken(string handle);
    /// @notice The referral code names no registered artist.
    error ArtistRegistry_UnknownReferralCode(string code);
    /// @notice An artist cannot refer itself.
    error ArtistRegistry_SelfReferral();

    /// @notice Full record of a new artist.
    event ArtistRegistered(
        address indexed artist,
        address indexed referrer,
        string handle,
        string profileURI,
        address payout
    );
    /// @notice The artist changed its profile URI.
    event ProfileUpdated(address indexed artist, string profileURI);
    /// @notice The artist changed its payout address.
    event PayoutUpdated(address indexed artist, address payout);

    /// @notice Registers the caller. `payout` zero means the artist's own address. `referralCode` is the
    ///         handle of the referring artist, or empty for none; it can never be changed later.
    function register(
        string calldata handle,
        string calldata profileURI,
        address payout,
        string calldata referralCode
    ) external;

    /// @notice Changes the caller's profile URI.
    function setProfileURI(string calldata profileURI) external;

    /// @notice Changes the caller's payout address (zero means the artist's own address).
    function setPayout(address payout) external;

    /// @notice The stored record of `artist` (empty handle when not registered).
    function artistOf(address artist) external view returns (Artist memory);

    /// @notice Whether `account` is a registered artist.
    function isRegistered(address account) external view returns (bool);

    /// @notice The artist holding `handle`, or zero.
    function artistByHandle(string calldata handle) external view returns (address);

    /// @notice Where the artist's revenue goes and who referred it (zero payout when not registered).
    function payoutAndReferrer(address artist) external view returns (address payout, address referrer);
}
