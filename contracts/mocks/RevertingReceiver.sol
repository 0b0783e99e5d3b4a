// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILedger} from "../ledger/ILedger.sol";

/// @title RevertingReceiver
/// @notice Refuses every ETH payment (a contract recipient that was never meant to take ETH; tests only).
///         It can still move its Ledger balance elsewhere.
contract RevertingReceiver {
    error RevertingReceiver_Refused();

    receive() external payable {
        revert RevertingReceiver_Refused();
    }

    /// @notice Pays part of this contract's Ledger balance to `to`.
    function withdrawTo(ILedger ledger, address token, address to, uint256 amount) external {
        ledger.withdrawTo(token, to, amount);
    }
}
