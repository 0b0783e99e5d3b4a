// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILedger} from "../../../contracts/ledger/ILedger.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";

/// @title ReentrantReceiver
/// @notice On every ETH receipt, tries to take more: re-enters `Ledger.withdraw` / `Ledger.withdrawTo`
///         or `ISplits.distribute` on the Ledger that hosts the splits (for a split it is a recipient
///         of). It records whether the re-entry succeeded, and can either swallow the failure (`swallow`,
///         keeps the outer call alive) or bubble it up.
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

    uint256 public attempts;
    bool internal _entered;
    uint256 public reentrySucceeded;
    uint256 public received;

    constructor(ILedger ledger, ISplits splits) {
        LEDGER = ledger;
        SPLITS = splits;
    }

    function setAttack(Attack attack_, bool swallow_) external {
        attack = attack_;
        swallow = swallow_;
    }

    function setSplit(address split_, ISplits.SplitConfig calldata config) external {
        split = split_;
        _config = config;
    }

    /// @notice Withdraws its own balance (the entry point of the attack).
    function withdrawOwn(address token) external returns (uint256) {
        return LEDGER.withdraw(address(this), token);
    }

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
        } else if (!swallow) {
            // solhint-disable-next-line no-inline-assembly
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        _entered = false;
    }
}
