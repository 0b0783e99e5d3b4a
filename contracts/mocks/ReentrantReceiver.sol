// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILedger} from "../ledger/ILedger.sol";

/// @title ReentrantReceiver
/// @notice When paid ETH, tries to withdraw its Ledger balance again (tests only). The attempt's outcome
///         is recorded, and the payment itself is accepted, so a test can tell a blocked re-entry from a
///         failed payment.
contract ReentrantReceiver {
    ILedger public immutable LEDGER;
    uint256 public attempts;
    bool public reentered;
    bytes public reentryError;

    constructor(ILedger ledger) {
        LEDGER = ledger;
    }

    // The whole point of this mock is a receive hook that does something.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        if (attempts != 0) return;
        attempts = 1;
        try LEDGER.withdraw(address(this), address(0)) returns (uint256) {
            reentered = true;
        } catch (bytes memory reason) {
            reentryError = reason;
        }
    }
}
