// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IFeeRouter} from "./IFeeRouter.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {Constants} from "../libraries/Constants.sol";

/// @title FeeRouter
/// @notice Governs the platform fee rules that the Ledger applies to every payment. See {IFeeRouter}.
contract FeeRouter is IFeeRouter, Ownable2Step {
    /// @notice Primary drop sales.
    uint8 public constant KIND_PRIMARY = Constants.KIND_PRIMARY;
    /// @notice Marketplace (secondary) sales.
    uint8 public constant KIND_MARKET = Constants.KIND_MARKET;
    /// @notice Live tickets and tips.
    uint8 public constant KIND_LIVE = Constants.KIND_LIVE;
    /// @notice The referrer's part of every fee: 5% (the Ledger applies it: {Payments}).
    uint16 public constant REFERRAL_BPS = Constants.REFERRAL_BPS;

    /// @inheritdoc IFeeRouter
    uint64 public constant MIN_TIMELOCK = 1 hours;
    /// @inheritdoc IFeeRouter
    uint64 public constant GRACE_PERIOD = 14 days;

    /// @inheritdoc IFeeRouter
    uint64 public immutable TIMELOCK;
    /// @inheritdoc IFeeRouter
    uint64 public immutable SETUP_END;
    IPayments public immutable LEDGER;

    /// @notice The affiliate share can be at most half of the fee.
    uint16 public constant AFFILIATE_CAP_BPS = 5000;

    /// @dev The rates in force; every change is written to the Ledger, which applies them to payments.
    IPayments.Rates internal _config;
    mapping(uint8 kind => uint16 bps) internal _pendingBps;
    mapping(uint8 kind => uint64 eta) internal _pendingEta;

    /// @dev An operator naming waiting for its timelock.
    struct PendingOperator {
        uint8 level;
        uint64 eta;
    }

    mapping(address account => PendingOperator) internal _pendingOperators;
    bool internal _setupClosed;

    constructor(IPayments ledger, address treasury_, address owner_, uint64 timelock) Ownable(owner_) {
        if (address(ledger) == address(0) || treasury_ == address(0)) revert FeeRouter_ZeroAddress();
        // A timelock users cannot react in is no timelock.
        if (timelock < MIN_TIMELOCK) revert FeeRouter_TimelockTooShort(timelock, MIN_TIMELOCK);
        LEDGER = ledger;
        TIMELOCK = timelock;
        SETUP_END = uint64(block.timestamp) + timelock;
        _config = IPayments.Rates({
            treasury: treasury_,
            primaryBps: 1500,
            marketBps: 250,
            liveBps: 1000,
            affiliateBps: 2000
        });
        for (uint8 kind; kind < Constants.KINDS; ++kind) {
            emit FeeChanged(kind, 0, _bps(_config, kind));
        }
        emit TreasuryChanged(address(0), treasury_);
        emit AffiliateShareChanged(0, 2000);
        LEDGER.setRates(_config);
    }

    /// @inheritdoc IFeeRouter
    function feeBps(uint8 kind) external view returns (uint16) {
        return _bps(_config, kind);
    }

    /// @inheritdoc IFeeRouter
    function treasury() external view returns (address) {
        return _config.treasury;
    }

    /// @inheritdoc IFeeRouter
    function affiliateShareBps() external view returns (uint16) {
        return _config.affiliateBps;
    }

    /// @inheritdoc IFeeRouter
    function capBps(uint8 kind) public pure returns (uint16) {
        _checkKind(kind);
        if (kind == KIND_PRIMARY) return 2500;
        if (kind == KIND_MARKET) return 1000;
        return 2000;
    }

    /// @inheritdoc IFeeRouter
    function pendingFee(uint8 kind) external view returns (uint16 bps, uint64 eta) {
        _checkKind(kind);
        return (_pendingBps[kind], _pendingEta[kind]);
    }

    /// @inheritdoc IFeeRouter
    function proposeFee(uint8 kind, uint16 bps) external onlyOwner {
        uint16 cap = capBps(kind);
        if (bps > cap) revert FeeRouter_AboveCap(kind, bps, cap);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        _pendingBps[kind] = bps;
        _pendingEta[kind] = eta;
        emit FeeChangeProposed(kind, bps, eta);
    }

    /// @inheritdoc IFeeRouter
    function applyFee(uint8 kind) external {
        _checkKind(kind);
        uint64 eta = _pendingEta[kind];
        if (eta == 0) revert FeeRouter_NoPendingChange(kind);
        if (block.timestamp < eta) revert FeeRouter_TimelockActive(kind, eta);
        // A change forgotten in the queue must not surprise anyone months later.
        if (block.timestamp > eta + GRACE_PERIOD) revert FeeRouter_ChangeExpired(kind, eta, eta + GRACE_PERIOD);
        uint16 bps = _pendingBps[kind];
        uint16 old;
        if (kind == KIND_PRIMARY) (old, _config.primaryBps) = (_config.primaryBps, bps);
        else if (kind == KIND_MARKET) (old, _config.marketBps) = (_config.marketBps, bps);
        else (old, _config.liveBps) = (_config.liveBps, bps);
        delete _pendingBps[kind];
        delete _pendingEta[kind];
        emit FeeChanged(kind, old, bps);
        LEDGER.setRates(_config);
    }

    /// @inheritdoc IFeeRouter
    function cancelFee(uint8 kind) external onlyOwner {
        _checkKind(kind);
        if (_pendingEta[kind] == 0) revert FeeRouter_NoPendingChange(kind);
        delete _pendingBps[kind];
        delete _pendingEta[kind];
        emit FeeChangeCancelled(kind);
    }

    /// @inheritdoc IFeeRouter
    function setTreasury(address treasury_) external onlyOwner {
        if (treasury_ == address(0)) revert FeeRouter_ZeroAddress();
        emit TreasuryChanged(_config.treasury, treasury_);
        _config.treasury = treasury_;
        LEDGER.setRates(_config);
    }

    /// @inheritdoc IFeeRouter
    function setAffiliateShare(uint16 bps) external onlyOwner {
        if (bps > AFFILIATE_CAP_BPS) revert FeeRouter_AffiliateAboveCap(bps, AFFILIATE_CAP_BPS);
        emit AffiliateShareChanged(_config.affiliateBps, bps);
        _config.affiliateBps = bps;
        LEDGER.setRates(_config);
    }

    /// @inheritdoc IFeeRouter
    function setupClosed() public view returns (bool) {
        return _setupClosed || block.timestamp >= SETUP_END;
    }

    /// @inheritdoc IFeeRouter
    function setInitialOperator(address account, uint8 level) external onlyOwner {
        if (setupClosed()) revert FeeRouter_SetupClosed();
        if (level != 0 && account.code.length == 0) revert FeeRouter_NotAContract(account);
        LEDGER.setOperator(account, level);
    }

    /// @inheritdoc IFeeRouter
    function closeSetup() external onlyOwner {
        if (setupClosed()) revert FeeRouter_SetupClosed();
        _setupClosed = true;
        emit SetupClosed();
    }

    /// @inheritdoc IFeeRouter
    function pendingOperator(address account) external view returns (uint8 level, uint64 eta) {
        PendingOperator memory p = _pendingOperators[account];
        return (p.level, p.eta);
    }

    /// @inheritdoc IFeeRouter
    function proposeOperator(address account, uint8 level) external onlyOwner {
        if (level == 0 || level > 2) revert FeeRouter_InvalidLevel(level);
        // An operator pulls what payers approved to the Ledger: a wallet key must never hold that power.
        if (account.code.length == 0) revert FeeRouter_NotAContract(account);
        uint64 eta = uint64(block.timestamp) + TIMELOCK;
        _pendingOperators[account] = PendingOperator({level: level, eta: eta});
        emit OperatorProposed(account, level, eta);
    }

    /// @inheritdoc IFeeRouter
    function applyOperator(address account) external {
        PendingOperator memory p = _pendingOperators[account];
        if (p.eta == 0) revert FeeRouter_NoPendingOperator(account);
        if (block.timestamp < p.eta) revert FeeRouter_OperatorTimelockActive(account, p.eta);
        if (block.timestamp > p.eta + GRACE_PERIOD)
            revert FeeRouter_OperatorExpired(account, p.eta, p.eta + GRACE_PERIOD);
        // Checked again: an address that had code when proposed may have none now (a self-destructed
        // contract in the same transaction as its creation, then anything re-created there).
        if (account.code.length == 0) revert FeeRouter_NotAContract(account);
        delete _pendingOperators[account];
        emit OperatorApplied(account, p.level, p.eta);
        LEDGER.setOperator(account, p.level);
    }

    /// @inheritdoc IFeeRouter
    function cancelOperator(address account) external onlyOwner {
        PendingOperator memory p = _pendingOperators[account];
        if (p.eta == 0) revert FeeRouter_NoPendingOperator(account);
        delete _pendingOperators[account];
        emit OperatorCancelled(account, p.level, p.eta);
    }

    /// @inheritdoc IFeeRouter
    function revokeOperator(address account) external onlyOwner {
        delete _pendingOperators[account];
        emit OperatorRevoked(account);
        LEDGER.setOperator(account, 0);
    }

    function _bps(IPayments.Rates memory c, uint8 kind) internal pure returns (uint16) {
        _checkKind(kind);
        if (kind == KIND_PRIMARY) return c.primaryBps;
        if (kind == KIND_MARKET) return c.marketBps;
        return c.liveBps;
    }

    function _checkKind(uint8 kind) internal pure {
        if (kind >= Constants.KINDS) revert FeeRouter_UnknownKind(kind);
    }
}
