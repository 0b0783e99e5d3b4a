// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IFeeRouter} from "./IFeeRouter.sol";
import {IPayments} from "../ledger/IPayments.sol";

/// @title FeeRouter
/// @notice Governs the platform fee rules that the Ledger applies to every payment. See {IFeeRouter}.
contract FeeRouter is IFeeRouter, Ownable2Step {
    /// @notice Primary drop sales.
    uint8 public constant KIND_PRIMARY = 0;
    /// @notice Marketplace (secondary) sales.
    uint8 public constant KIND_MARKET = 1;
    /// @notice Live tickets and tips.
    uint8 public constant KIND_LIVE = 2;
    uint8 internal constant KINDS = 3;

    uint16 internal constant BPS = 10_000;
    /// @notice The referrer's part of every fee: 5%.
    uint16 public constant REFERRAL_BPS = 500;

    /// @notice How long a fee change waits before it can apply.
    uint64 public immutable TIMELOCK;
    IPayments public immutable LEDGER;

    /// @notice The affiliate share can be at most half of the fee.
    uint16 public constant AFFILIATE_CAP_BPS = 5000;

    /// @dev The rates in force; every change is written to the Ledger, which applies them to payments.
    IPayments.Rates internal _config;
    mapping(uint8 kind => uint16 bps) internal _pendingBps;
    mapping(uint8 kind => uint64 eta) internal _pendingEta;

    constructor(IPayments ledger, address treasury_, address owner_, uint64 timelock) Ownable(owner_) {
        if (address(ledger) == address(0) || treasury_ == address(0)) revert FeeRouter_ZeroAddress();
        LEDGER = ledger;
        TIMELOCK = timelock;
        _config = IPayments.Rates({
            treasury: treasury_,
            primaryBps: 1500,
            marketBps: 250,
            liveBps: 1000,
            affiliateBps: 2000
        });
        for (uint8 kind; kind < KINDS; ++kind) {
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
    function setOperator(address account, uint8 level) external onlyOwner {
        LEDGER.setOperator(account, level);
    }

    function _bps(IPayments.Rates memory c, uint8 kind) internal pure returns (uint16) {
        _checkKind(kind);
        if (kind == KIND_PRIMARY) return c.primaryBps;
        if (kind == KIND_MARKET) return c.marketBps;
        return c.liveBps;
    }

    function _checkKind(uint8 kind) internal pure {
        if (kind >= KINDS) revert FeeRouter_UnknownKind(kind);
    }
}
