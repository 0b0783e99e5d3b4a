// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title GasBurner
/// @notice Burns all the gas it is given when paid ETH (tests only).
contract GasBurner {
    uint256 public counter;

    receive() external payable {
        while (true) {
            ++counter;
        }
    }
}
