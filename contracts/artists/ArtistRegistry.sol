// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IArtistRegistry} from "./IArtistRegistry.sol";
import {IPayments} from "../ledger/IPayments.sol";

/// @title ArtistRegistry
/// @notice One identity per artist. See {IArtistRegistry}.
contract ArtistRegistry is IArtistRegistry {
    /// @notice The Ledger, which pays artists: every payout and referrer is written to it.
    IPayments public immutable LEDGER;

    uint256 internal constant MIN_HANDLE = 3;
    uint256 internal constant MAX_HANDLE = 32;

    mapping(address artist => Artist) internal _artists;
    mapping(bytes32 handleHash => address artist) internal _byHandle;

    /// @param ledger The Ledger (deployed right after the registry: its address is predicted).
    constructor(IPayments ledger) {
        LEDGER = ledger;
    }

    /// @inheritdoc IArtistRegistry
    function register(
        string calldata handle,
        string calldata profileURI,
        address payout,
        string calldata referralCode
    ) external {
        if (_artists[msg.sender].registeredAt != 0) revert ArtistRegistry_AlreadyRegistered(msg.sender);
        if (!_validHandle(handle)) revert ArtistRegistry_InvalidHandle(handle);
        bytes32 key = keccak256(bytes(handle));
        if (_byHandle[key] != address(0)) revert ArtistRegistry_HandleTaken(handle);

        address referrer;
        if (bytes(referralCode).length != 0) {
            referrer = _byHandle[keccak256(bytes(referralCode))];
            if (referrer == address(0)) revert ArtistRegistry_UnknownReferralCode(referralCode);
            // A handle is only ever held by its own artist, so this can only match the caller if the
            // caller were registered already; kept for clarity against future handle transfers.
            if (referrer == msg.sender) revert ArtistRegistry_SelfReferral();
        }
        address resolvedPayout = payout == address(0) ? msg.sender : payout;

        _byHandle[key] = msg.sender;
        _artists[msg.sender] = Artist({
            payout: resolvedPayout,
            registeredAt: uint64(block.timestamp),
            referrer: referrer,
            handle: handle,
            profileURI: profileURI
        });
        emit ArtistRegistered(msg.sender, referrer, handle, profileURI, resolvedPayout);
        LEDGER.setPayee(msg.sender, resolvedPayout, referrer);
    }

    /// @inheritdoc IArtistRegistry
    function setProfileURI(string calldata profileURI) external {
        Artist storage artist = _registered(msg.sender);
        artist.profileURI = profileURI;
        emit ProfileUpdated(msg.sender, profileURI);
    }

    /// @inheritdoc IArtistRegistry
    function setPayout(address payout) external {
        Artist storage artist = _registered(msg.sender);
        address resolved = payout == address(0) ? msg.sender : payout;
        artist.payout = resolved;
        emit PayoutUpdated(msg.sender, resolved);
        LEDGER.setPayee(msg.sender, resolved, artist.referrer);
    }

    /// @inheritdoc IArtistRegistry
    function artistOf(address artist) external view returns (Artist memory) {
        return _artists[artist];
    }

    /// @inheritdoc IArtistRegistry
    function isRegistered(address account) external view returns (bool) {
        return _artists[account].registeredAt != 0;
    }

    /// @inheritdoc IArtistRegistry
    function artistByHandle(string calldata handle) external view returns (address) {
        return _byHandle[keccak256(bytes(handle))];
    }

    /// @inheritdoc IArtistRegistry
    function payoutAndReferrer(address artist) external view returns (address payout, address referrer) {
        Artist storage a = _artists[artist];
        return (a.payout, a.referrer);
    }

    function _registered(address account) internal view returns (Artist storage artist) {
        artist = _artists[account];
        if (artist.registeredAt == 0) revert ArtistRegistry_NotRegistered(account);
    }

    /// @dev 3 to 32 characters of a-z, 0-9 and '-', not starting or ending with '-'.
    function _validHandle(string calldata handle) internal pure returns (bool) {
        bytes calldata b = bytes(handle);
        if (b.length < MIN_HANDLE || b.length > MAX_HANDLE) return false;
        if (b[0] == "-" || b[b.length - 1] == "-") return false;
        for (uint256 i; i < b.length; ++i) {
            bytes1 c = b[i];
            bool ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-";
            if (!ok) return false;
        }
        return true;
    }
}
