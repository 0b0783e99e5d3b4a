// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILedger} from "../ledger/ILedger.sol";
import {ISplits} from "../splits/ISplits.sol";

/// @title ReentrantReceiver
/// @notice On every ETH receipt, tries to take more (tests only): re-enters `Ledger.withdraw` /
///         `Ledger.withdrawTo`, or `ISplits.distribute` on the Ledger that hosts the splits (for a split it
///         is a recipient of), as set by `setAttack` (none by default). It counts the attempts and the
///         successful re-entries, keeps the last failure's revert data, and either swallows the failure
///         (`swallow`: the payment itself is accepted, so a test can tell a blocked re-entry from a failed
///         payment) or bubbles it up.
contract ReentrantReceiver {
    enum Attack {
        None,
        Withdraw,
        WithdrawTo,
        Distribute
    }

    ILedger public immutable LEDGER;
    ISplits public immutable SPLITS;

    Attack public attack;
    bool public swallow;
    address public split;
    ISplits.SplitConfig internal _config;

    /// @notice Re-entry attempts so far (at most one per ETH receipt).
    uint256 public attempts;
    /// @notice Re-entries that succeeded.
    uint256 public reentrySucceeded;
    /// @notice The revert data of the last swallowed failed re-entry.
    bytes public reentryError;
    /// @notice ETH received so far.
    uint256 public received;
    bool internal _entered;

    constructor(ILedger ledger, ISplits splits) {
        LEDGER = ledger;
        SPLITS = splits;
    }

    /// @notice Chooses what the receive hook re-enters and whether a failure is swallowed or bubbled up.
    function setAttack(Attack attack_, bool swallow_) external {
        attack = attack_;
        swallow = swallow_;
    }

    /// @notice The split (and its config) the `Distribute` attack distributes.
    function setSplit(address split_, ISplits.SplitConfig calldata config) external {
        split = split_;
        _config = config;
    }

    /// @notice Withdraws its own balance (the entry point of the attack).
    function withdrawOwn(address token) external returns (uint256) {
        return LEDGER.withdraw(address(this), token);
    }

    // The whole point of this mock is a receive hook that does something.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        received += msg.value;
        if (attack == Attack.None || _entered) return; // one re-entry attempt per receipt
        _entered = true;
        attempts++;
        bool ok;
        bytes memory ret;
        if (attack == Attack.Withdraw) {
            (ok, ret) = address(LEDGER).call(abi.encodeCall(ILedger.withdraw, (address(this), address(0))));
        } else if (attack == Attack.WithdrawTo) {
            (ok, ret) = address(LEDGER).call(abi.encodeCall(ILedger.withdrawTo, (address(0), address(this), 1)));
        } else {
            (ok, ret) = address(SPLITS).call(
                abi.encodeCall(ISplits.distribute, (split, address(0), _config, address(this)))
            );
        }
        if (ok) {
            reentrySucceeded++;
        } else if (swallow) {
            reentryError = ret;
        } else {
            // solhint-disable-next-line no-inline-assembly
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        _entered = false;
    }
}
