// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISplits} from "./ISplits.sol";
import {ISplitWallet} from "./ISplitWallet.sol";
import {SplitWallet} from "./SplitWallet.sol";
import {SplitConfigLib} from "./SplitConfigLib.sol";
import {ILedger} from "../ledger/ILedger.sol";

/// @title Splits
/// @notice Creates, controls and distributes royalty splits. See {ISplits}.
contract Splits is ISplits, ReentrancyGuardTransient {
    using SplitConfigLib for SplitConfig;

    /// @inheritdoc ISplits
    uint256 public constant MAX_RECIPIENTS = SplitConfigLib.MAX_RECIPIENTS;

    ILedger public immutable LEDGER;
    /// @notice The implementation every split clone delegates to.
    address public immutable WALLET_IMPLEMENTATION;

    mapping(address split => SplitState) internal _splits;

    constructor(ILedger ledger) {
        LEDGER = ledger;
        WALLET_IMPLEMENTATION = address(new SplitWallet(address(this), ledger));
    }

    /// @inheritdoc ISplits
    function createSplit(SplitConfig calldata config, address controller, bytes32 salt) external returns (address split) {
        config.validate();
        bytes32 configHash = config.hash();
        bytes32 cloneSalt = _cloneSalt(configHash, controller, salt);
        split = Clones.predictDeterministicAddress(WALLET_IMPLEMENTATION, cloneSalt);
        if (_splits[split].configHash != 0) revert Splits_AlreadyExists(split);
        Clones.cloneDeterministic(WALLET_IMPLEMENTATION, cloneSalt);
        _splits[split].configHash = configHash;
        if (controller != address(0)) _splits[split].controller = controller;
        emit SplitCreated(split, controller, salt, config);
    }

    /// @inheritdoc ISplits
    function predictSplitAddress(SplitConfig calldata config, address controller, bytes32 salt)
        external
        view
        returns (address)
    {
        return Clones.predictDeterministicAddress(WALLET_IMPLEMENTATION, _cloneSalt(config.hash(), controller, salt));
    }

    /// @inheritdoc ISplits
    function updateSplit(address split, SplitConfig calldata config) external {
        SplitState storage state = _controlled(split);
        config.validate();
        state.configHash = config.hash();
        emit SplitUpdated(split, config);
    }

    /// @inheritdoc ISplits
    function transferControl(address split, address newController) external {
        SplitState storage state = _controlled(split);
        state.pendingController = newController;
        emit ControlTransferStarted(split, msg.sender, newController);
    }

    /// @inheritdoc ISplits
    function acceptControl(address split) external {
        SplitState storage state = _splits[split];
        if (state.pendingController != msg.sender || msg.sender == address(0)) {
            revert Splits_NotPendingController(split, msg.sender);
        }
        address previous = state.controller;
        state.controller = msg.sender;
        delete state.pendingController;
        emit ControlTransferred(split, previous, msg.sender);
    }

    /// @inheritdoc ISplits
    function makeImmutable(address split) external {
        SplitState storage state = _controlled(split);
        delete state.controller;
        delete state.pendingController;
        emit ControlTransferred(split, msg.sender, address(0));
    }

    /// @inheritdoc ISplits
    function distribute(address split, address token, SplitConfig calldata config, address distributor)
        external
        nonReentrant
        returns (uint256 amount)
    {
        SplitState storage state = _splits[split];
        bytes32 stored = state.configHash;
        if (stored == 0) revert Splits_UnknownSplit(split);
        if (stored != config.hash()) revert Splits_ConfigMismatch(split);
        if (distributor == address(0)) distributor = msg.sender;

        // Take in what was sent to the split's address directly.
        uint256 held = token == address(0) ? split.balance : IERC20(token).balanceOf(split);
        if (held != 0) ISplitWallet(split).sweep(token);

        amount = LEDGER.balanceOf(split, token);
        if (amount == 0) return 0;

        uint256 rest = amount;
        uint256 advancePaid;
        if (config.advancer != address(0) && token == config.advanceToken) {
            uint256 recouped = state.recouped;
            if (recouped < config.advanceAmount) {
                advancePaid = config.advanceAmount - recouped;
                if (advancePaid > rest) advancePaid = rest;
                state.recouped = recouped + advancePaid;
                rest -= advancePaid;
            }
        }
        uint256 reward = rest * config.distributorFee / SplitConfigLib.PPM;
        rest -= reward;

        uint256 n = config.recipients.length;
        address[] memory to = new address[](n + 2);
        uint256[] memory amounts = new uint256[](n + 2);
        uint256 distributed;
        for (uint256 i; i < n; ++i) {
            uint256 share = rest * config.allocations[i] / SplitConfigLib.PPM;
            to[i] = config.recipients[i];
            amounts[i] = share;
            distributed += share;
        }
        // The last two slots carry the advance and the reward (zero amounts credit nothing).
        to[n] = advancePaid == 0 ? split : config.advancer;
        amounts[n] = advancePaid;
        to[n + 1] = reward == 0 ? split : distributor;
        amounts[n + 1] = reward;

        LEDGER.distribute(split, token, advancePaid + reward + distributed, to, amounts);
        emit SplitDistributed(split, token, distributor, amount, advancePaid, reward, distributed);
    }

    /// @inheritdoc ISplits
    function splitState(address split) external view returns (SplitState memory) {
        return _splits[split];
    }

    /// @inheritdoc ISplits
    function hashConfig(SplitConfig calldata config) external pure returns (bytes32) {
        return config.hash();
    }

    /// @inheritdoc ISplits
    function validateConfig(SplitConfig calldata config) external pure {
        config.validate();
    }

    function _controlled(address split) internal view returns (SplitState storage state) {
        state = _splits[split];
        if (state.configHash == 0) revert Splits_UnknownSplit(split);
        address controller = state.controller;
        if (controller == address(0)) revert Splits_Immutable(split);
        if (controller != msg.sender) revert Splits_NotController(split, msg.sender);
    }

    function _cloneSalt(bytes32 configHash, address controller, bytes32 salt) internal pure returns (bytes32) {
        return keccak256(abi.encode(configHash, controller, salt));
    }
}
