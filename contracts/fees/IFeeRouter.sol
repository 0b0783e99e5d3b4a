// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IFeeRouter
/// @notice Every payment to an artist enters here: the platform fee for the product kind is taken
///         (5% of it to the artist's referrer, for life; the rest to the treasury) and the net goes to
///         the artist's payout (its Split). All parts are Ledger credits, and they add up to the gross.
/// @dev Fee rates are basis points with a hard cap per kind; a change waits for a timelock.
interface IFeeRouter {
    /// @notice The product kind is unknown.
    error FeeRouter_UnknownKind(uint8 kind);
    /// @notice The proposed fee is above the kind's hard cap.
    error FeeRouter_AboveCap(uint8 kind, uint16 bps, uint16 cap);
    /// @notice No fee change is pending for the kind.
    error FeeRouter_NoPendingChange(uint8 kind);
    /// @notice The timelock of the pending change has not elapsed.
    error FeeRouter_TimelockActive(uint8 kind, uint64 eta);
    /// @notice The paid artist is not registered.
    error FeeRouter_UnknownArtist(address artist);
    /// @notice The amount is zero.
    error FeeRouter_ZeroAmount();
    /// @notice A zero address where one is required.
    error FeeRouter_ZeroAddress();

    /// @notice A fee change was proposed; it can be applied from `eta` on.
    event FeeChangeProposed(uint8 indexed kind, uint16 bps, uint64 eta);
    /// @notice A pending fee change was cancelled.
    event FeeChangeCancelled(uint8 indexed kind);
    /// @notice A fee change took effect.
    event FeeChanged(uint8 indexed kind, uint16 oldBps, uint16 newBps);
    /// @notice The treasury changed.
    event TreasuryChanged(address oldTreasury, address newTreasury);
    /// @notice A payment was split: `fee` to the treasury, `referral` to `referrer`, `net` to `payout`.
    event Paid(
        address indexed artist,
        address indexed payer,
        address indexed token,
        uint8 kind,
        uint256 gross,
        uint256 fee,
        uint256 referral,
        uint256 net,
        address referrer,
        address payout,
        bytes32 source
    );

    /// @notice What a payment of `amount` to `artist` for `kind` becomes.
    /// @return fee Treasury part. @return referral Referrer part. @return net Payout part.
    function quote(
        address artist,
        uint8 kind,
        uint256 amount
    ) external view returns (uint256 fee, uint256 referral, uint256 net, address referrer, address payout);

    /// @notice Pays `amount` of `token` (ETH: address(0) and msg.value == amount; ERC-20: pulled by the
    ///         Ledger from the caller, who approves the Ledger) to `artist`, tagged with `source`.
    /// @return net What reached the artist's payout.
    function pay(
        address artist,
        uint8 kind,
        address token,
        uint256 amount,
        bytes32 source
    ) external payable returns (uint256 net);

    /// @notice The current fee of a kind, in basis points.
    function feeBps(uint8 kind) external view returns (uint16);

    /// @notice The hard cap of a kind, in basis points.
    function capBps(uint8 kind) external view returns (uint16);

    /// @notice The pending change of a kind (bps, eta); eta zero when none.
    function pendingFee(uint8 kind) external view returns (uint16 bps, uint64 eta);

    /// @notice Owner: proposes a new fee for a kind, effective after the timelock.
    function proposeFee(uint8 kind, uint16 bps) external;

    /// @notice Anyone: applies a pending change whose timelock elapsed.
    function applyFee(uint8 kind) external;

    /// @notice Owner: cancels a pending change.
    function cancelFee(uint8 kind) external;

    /// @notice Owner: changes the treasury.
    function setTreasury(address treasury) external;
}
