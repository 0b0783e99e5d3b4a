// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RevertingReceiver
/// @notice Refuses every ETH transfer (a contract recipient that was never meant to take ETH).
contract RevertingReceiver {
    error NoThanks();

    receive() external payable {
        revert NoThanks();
    }
}
