// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IFeeRouter} from "./IFeeRouter.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {IArtistRegistry} from "../artists/IArtistRegistry.sol";
import {Sources} from "../libraries/Sources.sol";

/// @title FeeRouter
/// @notice Takes the platform fee from every payment to an artist. See {IFeeRouter}.
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
    ILedger public immutable LEDGER;
    IArtistRegistry public immutable REGISTRY;

    address public treasury;
    uint16[KINDS] internal _fees;
    mapping(uint8 kind => uint16 bps) internal _pendingBps;
    mapping(uint8 kind => uint64 eta) internal _pendingEta;

    constructor(
        ILedger ledger,
        IArtistRegistry registry,
        address treasury_,
        address owner_,
        uint64 timelock
    ) Ownable(owner_) {
        if (address(ledger) == address(0) || address(registry) == address(0) || treasury_ == address(0)) {
            revert FeeRouter_ZeroAddress();
        }
        LEDGER = ledger;
        REGISTRY = registry;
        TIMELOCK = timelock;
        treasury = treasury_;
        _fees = [uint16(1500), uint16(250), uint16(1000)];
        for (uint8 kind; kind < KINDS; ++kind) {
            emit FeeChanged(kind, 0, _fees[kind]);
        }
        emit TreasuryChanged(address(0), treasury_);
    }

    /// @inheritdoc IFeeRouter
    function pay(
        address artist,
        uint8 kind,
        address token,
        uint256 amount,
        bytes32 source
    ) external payable returns (uint256 net) {
        if (amount == 0) revert FeeRouter_ZeroAmount();
        (uint256 fee, uint256 referral, uint256 net_, address referrer, address payout) = quote(artist, kind, amount);
        net = net_;
        ILedger.Credit[] memory credits = new ILedger.Credit[](3);
        credits[0] = ILedger.Credit({to: payout, amount: net, source: source});
        credits[1] = ILedger.Credit({to: treasury, amount: fee, source: Sources.FEE});
        credits[2] = ILedger.Credit({to: referrer, amount: referral, source: Sources.REFERRAL});
        LEDGER.collect{value: msg.value}(msg.sender, token, amount, credits);
        emit Paid(artist, msg.sender, token, kind, amount, fee, referral, net, referrer, payout, source);
    }

    /// @inheritdoc IFeeRouter
    function quote(
        address artist,
        uint8 kind,
        uint256 amount
    ) public view returns (uint256 fee, uint256 referral, uint256 net, address referrer, address payout) {
        uint16 bps = feeBps(kind);
        (payout, referrer) = REGISTRY.payoutAndReferrer(artist);
        if (payout == address(0)) revert FeeRouter_UnknownArtist(artist);
        uint256 gross = (amount * bps) / BPS;
        referral = referrer == address(0) ? 0 : (gross * REFERRAL_BPS) / BPS;
        fee = gross - referral;
        net = amount - gross;
    }

    /// @inheritdoc IFeeRouter
    function feeBps(uint8 kind) public view returns (uint16) {
        _checkKind(kind);
        return _fees[kind];
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
        uint16 old = _fees[kind];
        uint16 bps = _pendingBps[kind];
        _fees[kind] = bps;
        delete _pendingBps[kind];
        delete _pendingEta[kind];
        emit FeeChanged(kind, old, bps);
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
        emit TreasuryChanged(treasury, treasury_);
        treasury = treasury_;
    }

    function _checkKind(uint8 kind) internal pure {
        if (kind >= KINDS) revert FeeRouter_UnknownKind(kind);
    }
}
