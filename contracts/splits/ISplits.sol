// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ISplits
/// @notice Royalty splits, hosted by the Ledger (one contract: a distribution writes Ledger balances
///         directly). Each split is a cheap deterministic clone (its address is known before it is
///         created) that can receive ETH and ERC-20s; its configuration lives here as a hash and is passed
///         as calldata when used ("store a hash, pass the data"). `distribute` turns what a split holds
///         (its own holdings and its Ledger balance) into Ledger credits for its recipients.
/// @dev Allocations are parts per million (PPM) summing to 1,000,000. Rounding dust stays in the split's
///      Ledger balance and joins the next distribution: nothing is ever lost.
interface ISplits {
    /// @notice A split's full configuration.
    /// @param recipients Strictly ascending, non-zero addresses (at most MAX_RECIPIENTS).
    /// @param allocations Each recipient's part in PPM, non-zero, summing to 1,000,000.
    /// @param distributorFee Reward for whoever calls `distribute`, PPM of the amount, at most 10,000 (1%).
    /// @param advancer Who is repaid first, up to `advanceAmount` of `advanceToken` (zero: no advance).
    struct SplitConfig {
        address[] recipients;
        uint32[] allocations;
        uint32 distributorFee;
        address advancer;
        address advanceToken;
        uint256 advanceAmount;
    }

    /// @notice The stored state of a split.
    /// @param recouped What the current advance has repaid so far.
    /// @param advanceKey keccak256(abi.encode(advancer, advanceToken)) of the current advance, zero for none.
    ///        An update that changes the advancer or the advance token starts a new advance (recouped back
    ///        to zero); one that changes only the amount moves the cap of the same advance.
    struct SplitState {
        bytes32 configHash;
        address controller;
        address pendingController;
        uint256 recouped;
        bytes32 advanceKey;
    }

    error Splits_NoRecipients();
    error Splits_TooManyRecipients(uint256 count, uint256 max);
    error Splits_LengthMismatch(uint256 recipients, uint256 allocations);
    error Splits_ZeroAddress(uint256 index);
    error Splits_RecipientsNotSorted(uint256 index);
    error Splits_DuplicateRecipient(address recipient);
    error Splits_ZeroAllocation(uint256 index);
    error Splits_InvalidTotal(uint256 total);
    error Splits_DistributorFeeTooHigh(uint32 fee, uint32 max);
    error Splits_InvalidAdvance();
    error Splits_AlreadyExists(address split);
    error Splits_UnknownSplit(address split);
    error Splits_ConfigMismatch(address split);
    error Splits_NotController(address split, address caller);
    error Splits_NotPendingController(address split, address caller);
    error Splits_Immutable(address split);

    /// @notice A split was created with its full configuration; `controller` zero means immutable.
    event SplitCreated(address indexed split, address indexed controller, bytes32 salt, SplitConfig config);
    /// @notice The controller replaced the configuration.
    event SplitUpdated(address indexed split, SplitConfig config);
    /// @notice The controller offered control to `pendingController` (zero cancels an offer).
    event ControlTransferStarted(address indexed split, address indexed controller, address indexed pendingController);
    /// @notice Control passed from `previousController` to `newController` (zero: now immutable).
    event ControlTransferred(address indexed split, address indexed previousController, address indexed newController);
    /// @notice A distribution: of `amount` (the split's Ledger balance after taking in its holdings),
    ///         `advancePaid` went to the advancer, `reward` to `distributor`, `distributed` to the recipients
    ///         pro rata (each gets floor(rest * allocation / 1e6), rest = amount - advancePaid - reward), and
    ///         amount - advancePaid - reward - distributed stays in the split as dust.
    event SplitDistributed(
        address indexed split,
        address indexed token,
        address indexed distributor,
        uint256 amount,
        uint256 advancePaid,
        uint256 reward,
        uint256 distributed
    );

    /// @notice The most recipients a split may have (bounds the gas of a distribution).
    function MAX_RECIPIENTS() external view returns (uint256);

    /// @notice Creates a split clone at a deterministic address.
    /// @param controller Who may update it, zero for an immutable split.
    /// @param salt Any value; the address depends on (config, controller, salt).
    function createSplit(
        SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external returns (address split);

    /// @notice The address `createSplit(config, controller, salt)` creates.
    function predictSplitAddress(
        SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external view returns (address);

    /// @notice Controller: replaces the configuration.
    function updateSplit(address split, SplitConfig calldata config) external;

    /// @notice Controller: offers control to `newController` (accepted by it), or cancels with zero.
    function transferControl(address split, address newController) external;

    /// @notice Pending controller: accepts control.
    function acceptControl(address split) external;

    /// @notice Controller: gives up control for good; the split becomes immutable.
    function makeImmutable(address split) external;

    /// @notice Distributes everything `split` holds in `token` (ETH: address(0)).
    /// @param config The split's current configuration (checked against the stored hash).
    /// @param distributor Receives the distributor reward (zero: the caller).
    /// @return amount The amount distributed, dust included.
    function distribute(
        address split,
        address token,
        SplitConfig calldata config,
        address distributor
    ) external returns (uint256 amount);

    /// @notice The stored state of a split (configHash zero when it does not exist).
    function splitState(address split) external view returns (SplitState memory);

    /// @notice The hash stored for a configuration.
    function hashConfig(SplitConfig calldata config) external pure returns (bytes32);

    /// @notice Checks a configuration; reverts with the named error when it is invalid.
    function validateConfig(SplitConfig calldata config) external pure;
}
