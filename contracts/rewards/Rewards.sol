// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IRewards} from "./IRewards.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {Sources} from "../libraries/Sources.sol";

/// @title Rewards
/// @notice Milestone and achievement rewards paid as Ledger credits from a budget the treasury funds,
///         against Merkle roots a rewards signer posts per epoch. See {IRewards}.
/// @dev The owner is the treasury (Ownable2Step). Claims do not touch the budget counters: a root commits
///      its whole total when posted, so {available} is `funded - withdrawn - liveTotals` and stays the same
///      whatever is claimed; a claim only checks its epoch, marks its reward id and moves credit.
///      Gas of a claim (the `rewards.claim` goal, bench/README.md): the budget is held as this contract's
///      own Ledger balance ({fund} deposits it, {withdraw} pays out of it), so a claim moves Ledger credit
///      ({ILedger-giveOwnCreditTo}: two balance words) instead of transferring the token into the Ledger; and the
///      paid flags are a bitmap (256 reward ids per storage word), so consecutive ids mostly write a word
///      that already holds a flag (5,000 gas) instead of creating one (22,100).
contract Rewards is IRewards, Ownable2Step {
    using SafeERC20 for IERC20;

    /// @inheritdoc IRewards
    uint40 public constant MIN_DELAY = 1 hours;
    /// @inheritdoc IRewards
    uint40 public constant MAX_DELAY = 30 days;

    /// @inheritdoc IRewards
    address public immutable LEDGER;
    /// @inheritdoc IRewards
    address public immutable TOKEN;

    // One slot, read by every claim (the pause) and post.
    address internal _signer;
    bool internal _paused;
    uint40 internal _delay;

    uint64 internal _lastEpoch;
    uint104 internal _epochCap;

    uint104 internal _funded;
    uint104 internal _withdrawn;

    uint104 internal _liveTotals;

    mapping(uint64 epoch => bytes32) internal _roots;
    mapping(uint64 epoch => Epoch) internal _epochs;
    /// @dev The specifier: a reward id pays once, ever. Bit `id % 256` of word `id / 256` (the id read as a
    ///      number): ids a job numbers in sequence share words, hashed ids each take their own.
    mapping(uint256 word => uint256 bits) internal _paidBits;

    /// @param ledger The Ledger credited by claims.
    /// @param token The budget's ERC-20 (USDC).
    /// @param treasury The owner: funds, names the signer, revokes, pauses, withdraws the uncommitted part.
    /// @param signer_ Who posts roots.
    /// @param delay_ How long a root waits before claims open (24 h on the deployment).
    /// @param epochCap_ The most one epoch's root may promise.
    constructor(
        address ledger,
        address token,
        address treasury,
        address signer_,
        uint40 delay_,
        uint256 epochCap_
    ) Ownable(treasury) {
        if (ledger == address(0) || token == address(0) || signer_ == address(0)) revert Rewards_ZeroAddress();
        LEDGER = ledger;
        TOKEN = token;
        _setSigner(signer_);
        _setDelay(delay_);
        _setEpochCap(epochCap_);
        // The Ledger pulls each funding from here into this contract's balance: one approval for good.
        IERC20(token).forceApprove(ledger, type(uint256).max);
    }

    // ------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IRewards
    function signer() external view returns (address) {
        return _signer;
    }

    /// @inheritdoc IRewards
    function delay() external view returns (uint40) {
        return _delay;
    }

    /// @inheritdoc IRewards
    function epochCap() external view returns (uint256) {
        return _epochCap;
    }

    /// @inheritdoc IRewards
    function paused() external view returns (bool) {
        return _paused;
    }

    /// @inheritdoc IRewards
    function lastEpoch() external view returns (uint64) {
        return _lastEpoch;
    }

    /// @inheritdoc IRewards
    function funded() external view returns (uint256) {
        return _funded;
    }

    /// @inheritdoc IRewards
    function withdrawn() external view returns (uint256) {
        return _withdrawn;
    }

    /// @inheritdoc IRewards
    function liveTotals() external view returns (uint256) {
        return _liveTotals;
    }

    /// @inheritdoc IRewards
    function available() public view returns (uint256) {
        return uint256(_funded) - _withdrawn - _liveTotals;
    }

    /// @inheritdoc IRewards
    function rootOf(uint64 epoch) external view returns (bytes32) {
        return _roots[epoch];
    }

    /// @inheritdoc IRewards
    function epochOf(uint64 epoch) external view returns (Epoch memory) {
        return _epochs[epoch];
    }

    /// @inheritdoc IRewards
    function isPaid(bytes32 rewardId) external view returns (bool) {
        (uint256 word, uint256 bit) = _paidBit(rewardId);
        return _paidBits[word] & bit != 0;
    }

    /// @inheritdoc IRewards
    function claimableRoot(uint64 epoch) public view returns (bytes32 root) {
        if (_paused) revert Rewards_Paused();
        root = _roots[epoch];
        _checkClaimable(epoch, root, _epochs[epoch]);
    }

    // ------------------------------------------------------------------------------------------------
    // Budget
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IRewards
    function fund(uint256 amount) external {
        if (amount == 0) revert Rewards_ZeroAmount();
        if (amount > type(uint104).max - _funded) revert Rewards_AmountTooLarge(amount);
        IERC20 token = IERC20(TOKEN);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        // Every unit funded may be promised: a token that delivers less would leave a root unpayable.
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert Rewards_AmountMismatch(amount, received);
        // Into this contract's own Ledger balance, out of which claims move credit.
        received = ILedger(LEDGER).deposit(address(this), address(token), amount, Sources.FUND);
        if (received != amount) revert Rewards_AmountMismatch(amount, received);
        _funded += uint104(amount);
        emit Funded(msg.sender, amount);
    }

    /// @inheritdoc IRewards
    function withdraw(address to, uint256 amount) external onlyOwner {
        if (to == address(0)) revert Rewards_ZeroAddress();
        if (amount == 0) revert Rewards_ZeroAmount();
        uint256 free = available();
        if (amount > free) revert Rewards_AboveAvailable(amount, free);
        _withdrawn += uint104(amount);
        ILedger(LEDGER).withdrawTo(TOKEN, to, amount);
        emit Withdrawn(to, amount);
    }

    // ------------------------------------------------------------------------------------------------
    // Roots
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IRewards
    function postRoot(uint64 epoch, bytes32 root, uint256 total) external {
        if (msg.sender != _signer) revert Rewards_NotSigner(msg.sender);
        if (_paused) revert Rewards_Paused();
        uint64 last = _lastEpoch;
        if (epoch <= last) revert Rewards_EpochNotIncreasing(epoch, last);
        if (root == bytes32(0)) revert Rewards_ZeroRoot();
        uint256 cap = _epochCap;
        if (total > cap) revert Rewards_AboveEpochCap(total, cap);
        uint256 free = available();
        if (total > free) revert Rewards_AboveAvailable(total, free);
        uint40 availableAt = uint40(block.timestamp) + _delay;
        _lastEpoch = epoch;
        _liveTotals += uint104(total);
        _roots[epoch] = root;
        _epochs[epoch] = Epoch({total: uint104(total), claimed: 0, availableAt: availableAt, revoked: false});
        emit RootPosted(epoch, root, total, availableAt);
    }

    /// @inheritdoc IRewards
    function revoke(uint64 epoch) external onlyOwner {
        bytes32 root = _roots[epoch];
        if (root == bytes32(0)) revert Rewards_UnknownEpoch(epoch);
        Epoch storage e = _epochs[epoch];
        if (e.revoked) revert Rewards_Revoked(epoch);
        // Once claims open, what the root promises belongs to its accounts: nobody can take it back.
        if (block.timestamp >= e.availableAt) revert Rewards_AlreadyClaimable(epoch, e.availableAt);
        e.revoked = true;
        // Nothing was claimed before the opening, so the whole total is released.
        _liveTotals -= e.total;
        emit RootRevoked(epoch, root, e.total);
    }

    // ------------------------------------------------------------------------------------------------
    // Claims
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IRewards
    function claim(
        uint64 epoch,
        address account,
        bytes32 rewardId,
        uint256 badge,
        uint256 amount,
        bytes32[] calldata proof
    ) external {
        if (_paused) revert Rewards_Paused();
        bytes32 root = _roots[epoch];
        Epoch memory e = _epochs[epoch];
        _checkClaimable(epoch, root, e);
        (uint256 word, uint256 bit) = _paidBit(rewardId);
        uint256 bits = _paidBits[word];
        if (bits & bit != 0) revert Rewards_AlreadyPaid(rewardId);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, rewardId, badge, amount))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert Rewards_InvalidProof();
        // A root never pays more than the total it committed, whatever its leaves add up to.
        uint256 claimed = uint256(e.claimed) + amount;
        if (claimed > e.total) revert Rewards_AboveEpochTotal(epoch, claimed, e.total);
        _paidBits[word] = bits | bit;
        if (amount != 0) _epochs[epoch].claimed = uint104(claimed);
        emit Claimed(epoch, rewardId, account, badge, amount);
        // Out of this contract's Ledger balance, which holds at least every open root's unclaimed part. The
        // leaf's account is never zero in a valid tree; the Ledger refuses zero anyway.
        if (amount != 0) ILedger(LEDGER).giveOwnCreditTo(account, TOKEN, amount, Sources.REWARD);
    }

    // ------------------------------------------------------------------------------------------------
    // Treasury settings
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IRewards
    function setSigner(address signer_) external onlyOwner {
        if (signer_ == address(0)) revert Rewards_ZeroAddress();
        _setSigner(signer_);
    }

    /// @inheritdoc IRewards
    function setEpochCap(uint256 cap) external onlyOwner {
        _setEpochCap(cap);
    }

    /// @inheritdoc IRewards
    function setDelay(uint40 delay_) external onlyOwner {
        _setDelay(delay_);
    }

    /// @inheritdoc IRewards
    function setPaused(bool paused_) external onlyOwner {
        _paused = paused_;
        emit PauseChanged(paused_);
    }

    // ------------------------------------------------------------------------------------------------
    // Internal
    // ------------------------------------------------------------------------------------------------

    /// @dev Where reward id `rewardId`'s paid flag lives: word `id >> 8`, bit `id & 255`.
    function _paidBit(bytes32 rewardId) internal pure returns (uint256 word, uint256 bit) {
        word = uint256(rewardId) >> 8;
        bit = 1 << (uint256(rewardId) & 0xff);
    }

    function _checkClaimable(uint64 epoch, bytes32 root, Epoch memory e) internal view {
        if (root == bytes32(0)) revert Rewards_UnknownEpoch(epoch);
        if (e.revoked) revert Rewards_Revoked(epoch);
        if (block.timestamp < e.availableAt) revert Rewards_NotClaimableYet(epoch, e.availableAt);
    }

    function _setSigner(address signer_) internal {
        emit SignerChanged(_signer, signer_);
        _signer = signer_;
    }

    function _setDelay(uint40 delay_) internal {
        if (delay_ < MIN_DELAY || delay_ > MAX_DELAY) revert Rewards_DelayOutOfRange(delay_, MIN_DELAY, MAX_DELAY);
        emit DelayChanged(_delay, delay_);
        _delay = delay_;
    }

    function _setEpochCap(uint256 cap) internal {
        if (cap > type(uint104).max) revert Rewards_CapTooLarge(cap);
        emit EpochCapChanged(_epochCap, cap);
        _epochCap = uint104(cap);
    }
}
