// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IFeeRouter
/// @notice Governs the platform's fee rules, which the Ledger applies to every payment to an artist
///         ({IPayments-pay}): the fee per product kind, the treasury, the affiliate's share of the fee.
/// @dev Fee rates are basis points with a hard cap per kind; a change waits for a timelock. Every change
///      is written to the Ledger. The owner also names the Ledger's operators (platform contracts that pay
///      on behalf of their buyers).
interface IFeeRouter {
    /// @notice The product kind is unknown.
    error FeeRouter_UnknownKind(uint8 kind);
    /// @notice The proposed fee is above the kind's hard cap.
    error FeeRouter_AboveCap(uint8 kind, uint16 bps, uint16 cap);
    /// @notice No fee change is pending for the kind.
    error FeeRouter_NoPendingChange(uint8 kind);
    /// @notice The timelock of the pending change has not elapsed.
    error FeeRouter_TimelockActive(uint8 kind, uint64 eta);
    /// @notice The amount is zero.
    error FeeRouter_ZeroAmount();
    /// @notice A zero address where one is required.
    error FeeRouter_ZeroAddress();
    /// @notice The affiliate share is above its cap.
    error FeeRouter_AffiliateAboveCap(uint16 bps, uint16 cap);

    /// @notice A fee change was proposed; it can be applied from `eta` on.
    event FeeChangeProposed(uint8 indexed kind, uint16 bps, uint64 eta);
    /// @notice A pending fee change was cancelled.
    event FeeChangeCancelled(uint8 indexed kind);
    /// @notice A fee change took effect.
    event FeeChanged(uint8 indexed kind, uint16 oldBps, uint16 newBps);
    /// @notice The treasury changed.
    event TreasuryChanged(address oldTreasury, address newTreasury);
    /// @notice The affiliate share of the fee changed (basis points of the fee).
    event AffiliateShareChanged(uint16 oldBps, uint16 newBps);

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

    /// @notice Where the platform's part of every fee is credited.
    function treasury() external view returns (address);

    /// @notice The affiliate's share of the fee, in basis points of the fee.
    function affiliateShareBps() external view returns (uint16);

    /// @notice Owner: changes the affiliate share (at most {AFFILIATE_CAP_BPS}). It only divides the
    ///         platform's own fee, so it needs no timelock: the artist's net never changes.
    function setAffiliateShare(uint16 bps) external;

    /// @notice Owner: sets a Ledger operator level (1 operator, 2 factory, 0 none). See {ILedger-operatorLevel}.
    function setOperator(address account, uint8 level) external;
}
