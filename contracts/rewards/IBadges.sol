// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IERC5192
/// @notice Minimal soulbound tokens (ERC-5192): `locked` is true for a token that can never move.
///         Interface id 0xb45a3c0e.
interface IERC5192 {
    /// @notice `tokenId` became locked.
    event Locked(uint256 tokenId);
    /// @notice `tokenId` became unlocked (never emitted here: badges stay locked).
    event Unlocked(uint256 tokenId);

    /// @notice Whether `tokenId` is locked (always true for badges).
    function locked(uint256 tokenId) external view returns (bool);
}

/// @title IBadges
/// @notice Soulbound ERC-1155 badges, one id per achievement, claimed with the Merkle proof of a rewards leaf
///         (see {IRewards}): the leaf (account, rewardId, badge, amount) of an epoch whose root is claimable
///         in the Rewards contract (posted, past its delay, not revoked, not paused) mints badge `badge` to
///         `account`, once per (account, badge). Badges never move: transfers and approvals revert. The
///         owner (the treasury) sets each badge's metadata URI; badges carry no money.
/// @dev Separate from {IRewards-claim} so that each call stays cheap and a badge-only leaf (amount 0) or a
///      reward without a badge needs one call only; a wallet that batches calls (EIP-5792) sends both at once.
interface IBadges is IERC5192 {
    /// @notice A zero address where one is required.
    error Badges_ZeroAddress();
    /// @notice The leaf names no badge (badge id 0).
    error Badges_NoBadge();
    /// @notice `account` holds badge `badge` already.
    error Badges_AlreadyClaimed(address account, uint256 badge);
    /// @notice The proof does not prove this leaf under the epoch's root.
    error Badges_InvalidProof();
    /// @notice Badges are soulbound: they cannot be transferred or approved.
    error Badges_Soulbound();

    /// @notice `account` claimed badge `badge` with reward `rewardId`'s leaf of `epoch`.
    event BadgeClaimed(uint64 indexed epoch, address indexed account, uint256 indexed badge, bytes32 rewardId);

    /// @notice The Rewards contract whose claimable roots prove badge claims.
    function REWARDS() external view returns (address);

    /// @notice Anyone, for `account`: mints badge `badge` to `account` if the leaf (account, rewardId, badge,
    ///         amount) is in `epoch`'s claimable root (the same leaf and proof as {IRewards-claim}).
    function claim(
        uint64 epoch,
        address account,
        bytes32 rewardId,
        uint256 badge,
        uint256 amount,
        bytes32[] calldata proof
    ) external;

    /// @notice Whether `account` holds badge `badge`.
    function hasBadge(address account, uint256 badge) external view returns (bool);

    /// @notice Owner: sets the metadata URI of badge `badge`.
    function setURI(uint256 badge, string calldata uri) external;
}
