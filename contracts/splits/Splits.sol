// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ISplits} from "./ISplits.sol";
import {ISplitWallet} from "./ISplitWallet.sol";
import {SplitWallet} from "./SplitWallet.sol";
import {SplitConfigLib} from "./SplitConfigLib.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {Balances} from "../ledger/Balances.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title Splits
/// @notice Creates, controls and distributes royalty splits. See {ISplits}.
/// @dev Part of the deployed Ledger: a distribution credits recipients in the Ledger's own storage, which
///      saves an external call and its encoding on the hottest path of the platform.
abstract contract Splits is ISplits, Balances {
    using SplitConfigLib for SplitConfig;
    using Currency for address;

    /// @inheritdoc ISplits
    uint256 public constant MAX_RECIPIENTS = SplitConfigLib.MAX_RECIPIENTS;

    /// @notice The implementation every split clone delegates to.
    address public immutable WALLET_IMPLEMENTATION;

    mapping(address split => SplitState) internal _splits;

    constructor() {
        WALLET_IMPLEMENTATION = address(new SplitWallet(ILedger(address(this))));
    }

    /// @inheritdoc ISplits
    function createSplit(
        SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external returns (address split) {
        config.validate();
        bytes memory encoded = config.encode();
        bytes32 configHash = keccak256(encoded);
        bytes32 cloneSalt = _cloneSalt(configHash, controller, salt);
        split = Clones.predictDeterministicAddress(WALLET_IMPLEMENTATION, cloneSalt);
        if (_splits[split].configHash != 0) revert Splits_AlreadyExists(split);
        Clones.cloneDeterministic(WALLET_IMPLEMENTATION, cloneSalt);
        _splits[split].configHash = configHash;
        if (controller != address(0)) _splits[split].controller = controller;
        if (config.advancer != address(0)) _splits[split].advanceKey = _advanceKey(config);
        // emit SplitCreated(split, controller, salt, config): its data is abi.encode(salt, config), which
        // is `encoded` (abi.encode(config)) with the leading struct offset 0x20 replaced by (salt, 0x40).
        // Logged from memory already built for the hash, instead of ABI-encoding the config again (gas).
        bytes32 topic = SplitCreated.selector;
        // Assembly for a gas goal (see the comment above and bench/README.md).
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let size := mload(encoded)
            mstore(encoded, salt)
            mstore(add(encoded, 0x20), 0x40)
            log3(encoded, add(size, 0x20), topic, split, controller)
        }
    }

    /// @inheritdoc ISplits
    function predictSplitAddress(
        SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external view returns (address) {
        return Clones.predictDeterministicAddress(WALLET_IMPLEMENTATION, _cloneSalt(config.hash(), controller, salt));
    }

    /// @inheritdoc ISplits
    function updateSplit(address split, SplitConfig calldata config) external {
        SplitState storage state = _controlled(split);
        config.validate();
        bytes memory encoded = config.encode();
        state.configHash = keccak256(encoded);
        bytes32 advanceKey = config.advancer == address(0) ? bytes32(0) : _advanceKey(config);
        if (advanceKey != state.advanceKey) {
            // Another advancer or token: a new advance, repaid from zero.
            state.advanceKey = advanceKey;
            state.recouped = 0;
        }
        // emit SplitUpdated(split, config): its data is abi.encode(config), the bytes just hashed (gas).
        bytes32 topic = SplitUpdated.selector;
        // Assembly for a gas goal (see the comment above and bench/README.md).
        // solhint-disable-next-line no-inline-assembly
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
    function distribute(
        address split,
        address token,
        SplitConfig calldata config,
        address distributor
    ) external returns (uint256 amount) {
        // No re-entrancy guard: every state read below happens after the only external calls (the token's
        // balanceOf and the sweep, which re-enters through the guarded `deposit`).
        SplitState storage state = _splits[split];
        bytes32 stored = state.configHash;
        if (stored == 0) revert Splits_UnknownSplit(split);
        if (stored != config.hash()) revert Splits_ConfigMismatch(split);
        if (distributor == address(0)) distributor = msg.sender;

        // Take in what was sent to the split's address directly.
        uint256 held = token.balanceOf(split);
        if (held != 0) ISplitWallet(split).sweep(token);

        mapping(address owner => uint256) storage balances = _balances[token];
        amount = balances[split];
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
        uint256 reward = (rest * config.distributorFee) / SplitConfigLib.PPM;
        rest -= reward;

        // Debit first, so that a credit back to the split itself (as its own recipient, advancer or
        // distributor) adds to what stays instead of being overwritten (FINDING-01).
        balances[split] = rest;
        if (advancePaid != 0) balances[config.advancer] += advancePaid;
        if (reward != 0) balances[distributor] += reward;
        uint256 distributed = _creditShares(balances, rest, config.recipients, config.allocations);
        balances[split] -= distributed; // what stays is the rounding dust
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

    /// @dev Credits each recipient floor(rest * allocation / PPM); returns the sum (at most `rest`).
    ///      The hot loop of every payout, in assembly for gas (one hash and one slot per recipient).
    ///      Safe because `recipients` and `allocations` matched a stored hash, so they passed
    ///      `SplitConfigLib.validate`: clean non-zero addresses, equal lengths, allocations summing to PPM.
    function _creditShares(
        mapping(address owner => uint256) storage balances,
        uint256 rest,
        address[] calldata recipients,
        uint32[] calldata allocations
    ) internal returns (uint256 distributed) {
        // Checked: when rest * PPM does not overflow (Panic 0x11 otherwise, as plain checked math would),
        // neither does rest * allocation for any allocation <= PPM.
        rest * SplitConfigLib.PPM;
        uint256 ppm = SplitConfigLib.PPM;
        // Assembly for a gas goal (see the comment above and bench/README.md).
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x20, balances.slot)
            for {
                let i := 0
            } lt(i, recipients.length) {
                i := add(i, 1)
            } {
                let share := div(mul(rest, calldataload(add(allocations.offset, shl(5, i)))), ppm)
                if share {
                    mstore(0, calldataload(add(recipients.offset, shl(5, i))))
                    let slot := keccak256(0, 0x40)
                    let updated := add(sload(slot), share)
                    if lt(updated, share) {
                        mstore(0, 0x4e487b71) // Panic(0x11), as checked addition would
                        mstore(0x20, 0x11)
                        revert(0x1c, 0x24)
                    }
                    sstore(slot, updated)
                    distributed := add(distributed, share)
                }
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

    function _advanceKey(SplitConfig calldata config) internal pure returns (bytes32) {
        return keccak256(abi.encode(config.advancer, config.advanceToken));
    }

    function _cloneSalt(bytes32 configHash, address controller, bytes32 salt) internal pure returns (bytes32) {
        return keccak256(abi.encode(configHash, controller, salt));
    }
}
