// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRewards
/// @notice A rewards budget in one ERC-20 (USDC), paid as Ledger credits against Merkle roots that a rewards
///         signer posts once per epoch. The treasury (the owner) funds the budget, names the signer, and
///         can revoke a root while it waits, pause, and take back what no root promises.
/// @dev Leaf: OpenZeppelin's standard double-hashed leaf, so @openzeppelin/merkle-tree's StandardMerkleTree
///      with the types `["address", "bytes32", "uint256", "uint256"]` builds the tree:
///      `keccak256(bytes.concat(keccak256(abi.encode(account, rewardId, badge, amount))))`.
///      Reward id (the "specifier"): any bytes32 that names one reward for good, chosen off chain. A reward
///      id pays once ever, across all epochs, whatever root carries it again. Its paid flag is bit `id % 256`
///      of storage word `id / 256` (the id read as a number), so the form of the ids sets the cost of a
///      claim, not its safety: ids numbered in sequence (`bytes32(n)`, see contracts/lib/rewards.ts
///      `rewardIdAt`) share words (a claim writes a word that holds a flag already: 5,000 gas; the first of
///      each 256 creates it: 22,100), while a hash such as `keccak256(abi.encode(account, achievement,
///      period))` takes a word of its own at every claim. `badge` is the {IBadges} id the leaf also lets the
///      account claim (0: none); `amount` is what it credits (0: a badge-only leaf).
///      Budget: held as this contract's own balance in the Ledger ({fund} deposits into it, {withdraw} pays
///      out of it, a claim moves credit from it to the account with {ILedger-giveOwnCreditTo}: no token moves per
///      claim). A root commits its whole `total` when posted; a root's claims never exceed its total; so
///      `funded - withdrawn - liveTotals` is what is neither promised nor paid ({available}), and no post or
///      withdrawal may take it below zero. A root is claimable {delay} after it is posted; until then the
///      treasury can revoke it (its total is released); from then on nobody can take it back. A stolen
///      signer key can therefore only post roots that fit the per-epoch cap and the budget, and that the
///      treasury can revoke before anyone is paid.
interface IRewards {
    /// @notice An epoch's root as stored.
    /// @param total What the root may pay at most (committed from the post on).
    /// @param claimed What its claims have paid so far.
    /// @param availableAt When claims open.
    /// @param revoked Whether the treasury revoked it (claims never open).
    struct Epoch {
        uint104 total;
        uint104 claimed;
        uint40 availableAt;
        bool revoked;
    }

    /// @notice A zero address where one is required.
    error Rewards_ZeroAddress();
    /// @notice Only the rewards signer posts roots.
    error Rewards_NotSigner(address caller);
    /// @notice Posting and claiming are paused.
    error Rewards_Paused();
    /// @notice Epochs strictly increase: `epoch` is not above the last one posted.
    error Rewards_EpochNotIncreasing(uint64 epoch, uint64 last);
    /// @notice A root must not be zero.
    error Rewards_ZeroRoot();
    /// @notice The epoch's total is above the cap per epoch.
    error Rewards_AboveEpochCap(uint256 total, uint256 cap);
    /// @notice The amount is above what the budget has uncommitted.
    error Rewards_AboveAvailable(uint256 amount, uint256 available);
    /// @notice No root was posted for the epoch.
    error Rewards_UnknownEpoch(uint64 epoch);
    /// @notice The epoch's root is not claimable before `availableAt`.
    error Rewards_NotClaimableYet(uint64 epoch, uint40 availableAt);
    /// @notice The epoch's root was revoked.
    error Rewards_Revoked(uint64 epoch);
    /// @notice The epoch's root is claimable since `availableAt`: it can no longer be revoked.
    error Rewards_AlreadyClaimable(uint64 epoch, uint40 availableAt);
    /// @notice The reward id was paid already (in this or another epoch).
    error Rewards_AlreadyPaid(bytes32 rewardId);
    /// @notice The proof does not prove this leaf under the epoch's root.
    error Rewards_InvalidProof();
    /// @notice The claim would take the epoch's claims to `claimed`, above its `total`.
    error Rewards_AboveEpochTotal(uint64 epoch, uint256 claimed, uint256 total);
    /// @notice The delay is outside [{MIN_DELAY}, {MAX_DELAY}].
    error Rewards_DelayOutOfRange(uint40 delay, uint40 minimum, uint40 maximum);
    /// @notice The cap per epoch is above what an epoch can hold (2^104 - 1).
    error Rewards_CapTooLarge(uint256 cap);
    /// @notice The amount is zero.
    error Rewards_ZeroAmount();
    /// @notice The token delivered `received` for a funding of `declared` (fee-on-transfer tokens are refused).
    error Rewards_AmountMismatch(uint256 declared, uint256 received);
    /// @notice The budget would exceed what its counters hold (2^104 - 1).
    error Rewards_AmountTooLarge(uint256 amount);

    /// @notice `from` added `amount` to the budget.
    event Funded(address indexed from, uint256 amount);
    /// @notice The treasury took back `amount` of the uncommitted budget to `to`.
    event Withdrawn(address indexed to, uint256 amount);
    /// @notice The signer posted `root` for `epoch`, promising at most `total`, claimable from `availableAt`.
    event RootPosted(uint64 indexed epoch, bytes32 root, uint256 total, uint40 availableAt);
    /// @notice The treasury revoked `epoch`'s root before it opened; its `total` went back to the budget.
    event RootRevoked(uint64 indexed epoch, bytes32 root, uint256 total);
    /// @notice `account` was paid reward `rewardId` of `epoch`: `amount` moved from this contract's Ledger
    ///         balance to the account's (a Ledger `Transferred` with source "reward"; none for a badge-only
    ///         leaf, amount 0), and its leaf names `badge` (0: none).
    event Claimed(
        uint64 indexed epoch,
        bytes32 indexed rewardId,
        address indexed account,
        uint256 badge,
        uint256 amount
    );
    /// @notice The rewards signer changed.
    event SignerChanged(address oldSigner, address newSigner);
    /// @notice The cap per epoch changed.
    event EpochCapChanged(uint256 oldCap, uint256 newCap);
    /// @notice The delay of roots posted from now on changed.
    event DelayChanged(uint40 oldDelay, uint40 newDelay);
    /// @notice Posting and claiming were paused (true) or resumed (false).
    event PauseChanged(bool paused);

    /// @notice The shortest delay: 1 hour (a delay nobody can react in is no delay).
    function MIN_DELAY() external view returns (uint40);

    /// @notice The longest delay: 30 days.
    function MAX_DELAY() external view returns (uint40);

    /// @notice The Ledger that holds the budget (as this contract's balance) and that claims credit.
    function LEDGER() external view returns (address);

    /// @notice The budget's ERC-20.
    function TOKEN() external view returns (address);

    /// @notice Who posts roots.
    function signer() external view returns (address);

    /// @notice How long a root waits, from its post, before claims open.
    function delay() external view returns (uint40);

    /// @notice The most an epoch's root may promise.
    function epochCap() external view returns (uint256);

    /// @notice Whether posting and claiming are paused.
    function paused() external view returns (bool);

    /// @notice The last epoch posted (0: none).
    function lastEpoch() external view returns (uint64);

    /// @notice Everything ever funded.
    function funded() external view returns (uint256);

    /// @notice Everything the treasury took back.
    function withdrawn() external view returns (uint256);

    /// @notice The sum of the totals of the roots posted and not revoked.
    function liveTotals() external view returns (uint256);

    /// @notice What no live root promises and nobody was paid: `funded - withdrawn - liveTotals`. A new
    ///         root's total and a withdrawal must fit in it.
    function available() external view returns (uint256);

    /// @notice An epoch's root.
    function rootOf(uint64 epoch) external view returns (bytes32);

    /// @notice An epoch's total, claims, opening time and revocation.
    function epochOf(uint64 epoch) external view returns (Epoch memory);

    /// @notice Whether `rewardId` was paid.
    function isPaid(bytes32 rewardId) external view returns (bool);

    /// @notice The root of `epoch` if it is claimable now (posted, not revoked, past its delay, not paused);
    ///         reverts with the reason otherwise. {IBadges} verifies badge claims against it.
    function claimableRoot(uint64 epoch) external view returns (bytes32);

    /// @notice Anyone: adds `amount` of {TOKEN} to the budget: pulled from the caller (who approved this
    ///         contract) and deposited into this contract's Ledger balance (a Ledger `Credited`, source "fund").
    function fund(uint256 amount) external;

    /// @notice Treasury: sends `amount` of the uncommitted budget ({available}) to `to`, out of this
    ///         contract's Ledger balance (a Ledger `Withdrawn`).
    function withdraw(address to, uint256 amount) external;

    /// @notice Signer: posts `epoch`'s root promising at most `total` (at most {epochCap}, within
    ///         {available}); claimable {delay} from now. `epoch` must be above {lastEpoch}.
    function postRoot(uint64 epoch, bytes32 root, uint256 total) external;

    /// @notice Treasury: revokes `epoch`'s root before it opens; its total returns to the budget.
    function revoke(uint64 epoch) external;

    /// @notice Anyone, for `account`: pays the leaf (account, rewardId, badge, amount) of `epoch`'s root,
    ///         proven by `proof`: moves `amount` of this contract's Ledger balance to `account`'s (source
    ///         "reward") and marks `rewardId` paid for ever. `badge` is only part of the leaf here (see
    ///         {IBadges-claim}).
    function claim(
        uint64 epoch,
        address account,
        bytes32 rewardId,
        uint256 badge,
        uint256 amount,
        bytes32[] calldata proof
    ) external;

    /// @notice Treasury: names the rewards signer (at once: a stolen key must be replaceable quickly).
    function setSigner(address signer) external;

    /// @notice Treasury: sets the cap per epoch.
    function setEpochCap(uint256 cap) external;

    /// @notice Treasury: sets the delay of roots posted from now on (roots already posted keep theirs).
    function setDelay(uint40 delay) external;

    /// @notice Treasury: pauses (true) or resumes (false) posting and claiming (and so badge claims).
    function setPaused(bool paused) external;
}
