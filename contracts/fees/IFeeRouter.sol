// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IFeeRouter
/// @notice Governs the platform's fee rules, which the Ledger applies to every payment to an artist
///         ({IPayments-pay}): the fee per product kind, the treasury, the affiliate's share of the fee.
/// @dev Fee rates are basis points with a hard cap per kind; a change waits for a timelock (at least
///      {MIN_TIMELOCK}) and expires {GRACE_PERIOD} after its eta. Every change is written to the Ledger. The
///      owner also names the Ledger's operators (platform contracts that pay on behalf of their buyers and
///      may pull any ERC-20 a payer approved to the Ledger): only contracts, and through the same timelock
///      (propose, wait, apply; cancellable), so users can watch a naming and withdraw their approvals before
///      it applies. The one exception is the initial set-up: until {closeSetup} (or {SETUP_END}, one timelock
///      after deployment, whichever comes first) the owner names the platform's own contracts at once, so the
///      deploy script can wire them before handing the router over.
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
    /// @notice The pending change of the kind was due at `eta` and expired at `expiry` unapplied.
    error FeeRouter_ChangeExpired(uint8 kind, uint64 eta, uint64 expiry);
    /// @notice The constructor's timelock is below the minimum.
    error FeeRouter_TimelockTooShort(uint64 timelock, uint64 minimum);
    /// @notice Only contracts can be operators: a wallet (no code) never is.
    error FeeRouter_NotAContract(address account);
    /// @notice A proposed operator level must be 1 (operator) or 2 (factory); 0 is {revokeOperator}.
    error FeeRouter_InvalidLevel(uint8 level);
    /// @notice No operator naming is pending for the account.
    error FeeRouter_NoPendingOperator(address account);
    /// @notice The timelock of the pending operator naming has not elapsed.
    error FeeRouter_OperatorTimelockActive(address account, uint64 eta);
    /// @notice The pending operator naming was due at `eta` and expired at `expiry` unapplied.
    error FeeRouter_OperatorExpired(address account, uint64 eta, uint64 expiry);
    /// @notice The initial set-up is over: operators are named through the timelock.
    error FeeRouter_SetupClosed();

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
    /// @notice The owner proposed `account` as a Ledger operator of `level`; it can be applied from `eta` on.
    event OperatorProposed(address indexed account, uint8 level, uint64 eta);
    /// @notice A pending operator naming took effect: the Ledger's level of `account` is now `level`.
    event OperatorApplied(address indexed account, uint8 level, uint64 eta);
    /// @notice The owner cancelled a pending operator naming.
    event OperatorCancelled(address indexed account, uint8 level, uint64 eta);
    /// @notice The owner revoked `account`'s operator level at once (and any naming pending for it).
    event OperatorRevoked(address indexed account);
    /// @notice The initial set-up ended: from now on every operator naming waits for the timelock.
    event SetupClosed();

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

    /// @notice How long a fee change or an operator naming waits before it can apply.
    function TIMELOCK() external view returns (uint64);

    /// @notice The shortest timelock the constructor accepts: 1 hour.
    function MIN_TIMELOCK() external view returns (uint64);

    /// @notice How long after its eta a pending change can still be applied: 14 days. After that it expired
    ///         and must be proposed again, so nobody can apply a change long forgotten.
    function GRACE_PERIOD() external view returns (uint64);

    /// @notice When the initial set-up ends at the latest: one timelock after deployment.
    function SETUP_END() external view returns (uint64);

    /// @notice Whether the initial set-up is over (closed by the owner, or past {SETUP_END}).
    function setupClosed() external view returns (bool);

    /// @notice Owner, during the initial set-up only: sets a Ledger operator level at once (1 operator,
    ///         2 factory, 0 none); a level above 0 only for a contract. See {IPayments-operatorLevel}.
    function setInitialOperator(address account, uint8 level) external;

    /// @notice Owner: ends the initial set-up for good (the deploy script calls it before the hand-over).
    function closeSetup() external;

    /// @notice The pending operator naming of `account` (level, eta); eta zero when none.
    function pendingOperator(address account) external view returns (uint8 level, uint64 eta);

    /// @notice Owner: proposes the contract `account` as a Ledger operator of `level` (1 or 2), effective
    ///         after the timelock. Replaces any naming pending for it.
    function proposeOperator(address account, uint8 level) external;

    /// @notice Anyone: applies a pending operator naming whose timelock elapsed (within the grace period),
    ///         if `account` is still a contract.
    function applyOperator(address account) external;

    /// @notice Owner: cancels a pending operator naming.
    function cancelOperator(address account) external;

    /// @notice Owner: removes `account`'s operator level at once (and any naming pending for it). Removing a
    ///         power needs no delay: it can only stop pulls, never start them.
    function revokeOperator(address account) external;
}
