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
        bytes memory encoded = config.encode();
        bytes32 configHash = keccak256(encoded);
        bytes32 cloneSalt = _cloneSalt(configHash, controller, salt);
        split = Clones.predictDeterministicAddress(WALLET_IMPLEMENTATION, cloneSalt);
        if (_splits[split].configHash != 0) revert Splits_AlreadyExists(split);
        Clones.cloneDeterministic(WALLET_IMPLEMENTATION, cloneSalt);
        _splits[split].configHash = configHash;
        if (controller != address(0)) _splits[split].controller = controller;
        // emit SplitCreated(split, controller, salt, config): its data is abi.encode(salt, config), which
        // is `encoded` (abi.encode(config)) with the leading struct offset 0x20 replaced by (salt, 0x40).
        // Logged from memory already built for the hash, instead of ABI-encoding the config again (gas).
        bytes32 topic = SplitCreated.selector;
        assembly ("memory-safe") {
            let size := mload(encoded)
            mstore(encoded, salt)
            mstore(add(encoded, 0x20), 0x40)
            log3(encoded, add(size, 0x20), topic, split, controller)
        }
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
        bytes memory encoded = config.encode();
        state.configHash = keccak256(encoded);
        // emit SplitUpdated(split, config): its data is abi.encode(config), the bytes just hashed (gas).
        bytes32 topic = SplitUpdated.selector;
        assembly ("memory-safe") {
            log2(add(encoded, 0x20), mload(encoded), topic, split)
        }
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
        uint256 distributed;
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

        // The advance and the reward ride in two extra slots, only when one of them is paid.
        address advancer = advancePaid == 0 ? address(0) : config.advancer;
        distributed = _distribute(split, token, rest, config.recipients, config.allocations, advancer, advancePaid, distributor, reward);
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

    /// @dev Computes every recipient's share of `rest` and calls `LEDGER.distribute` once. The call's
    ///      arguments are written straight into memory (the recipients copied from calldata, each share
    ///      stored where the ABI puts it) instead of building two arrays that the ABI encoder copies
    ///      again: this is the hot loop of every payout, and it halves its cost per recipient.
    ///      Safe because `config` matched a stored hash, so it passed `SplitConfigLib.validate`:
    ///      clean non-zero addresses, allocations that sum to PPM (each share <= rest, their sum <= rest).
    /// @return distributed The sum of the recipients' shares.
    function _distribute(
        address split,
        address token,
        uint256 rest,
        address[] calldata recipients,
        uint32[] calldata allocations,
        address advancer,
        uint256 advancePaid,
        address distributor,
        uint256 reward
    ) internal returns (uint256 distributed) {
        // Checked: when rest * PPM does not overflow (Panic 0x11 otherwise, as plain checked math would),
        // neither does rest * allocation for any allocation <= PPM.
        rest * SplitConfigLib.PPM;
        bytes4 selector = ILedger.distribute.selector;
        address ledger = address(LEDGER);
        uint256 ppm = SplitConfigLib.PPM;
        bool extra = advancePaid != 0 || reward != 0;
        assembly ("memory-safe") {
            let n := recipients.length
            let count := add(n, shl(1, extra)) // n, or n + 2 with the advance and reward slots
            let m := mload(0x40)
            // distribute(address from, address token, uint256 total, address[] to, uint256[] amounts)
            mstore(m, selector)
            mstore(add(m, 0x04), split)
            mstore(add(m, 0x24), token)
            // 0x44: total, written after the loop
            mstore(add(m, 0x64), 0xa0) // offset of `to`
            mstore(add(m, 0x84), add(0xc0, shl(5, count))) // offset of `amounts`
            mstore(add(m, 0xa4), count)
            let toData := add(m, 0xc4)
            calldatacopy(toData, recipients.offset, shl(5, n))
            let amountsData := add(add(toData, shl(5, count)), 0x20)
            mstore(sub(amountsData, 0x20), count)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let share := div(mul(rest, calldataload(add(allocations.offset, shl(5, i)))), ppm)
                mstore(add(amountsData, shl(5, i)), share)
                distributed := add(distributed, share)
            }
            let total := distributed
            if extra {
                mstore(add(toData, shl(5, n)), advancer)
                mstore(add(amountsData, shl(5, n)), advancePaid)
                mstore(add(toData, shl(5, add(n, 1))), distributor)
                mstore(add(amountsData, shl(5, add(n, 1))), reward)
                total := add(total, add(advancePaid, reward))
            }
            mstore(add(m, 0x44), total)
            let size := sub(add(amountsData, shl(5, count)), m)
            if iszero(call(gas(), ledger, 0, m, size, 0, 0)) {
                returndatacopy(m, 0, returndatasize())
                revert(m, returndatasize())
            }
        }
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
