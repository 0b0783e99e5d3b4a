// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISplits} from "./ISplits.sol";

/// @title SplitConfigLib
/// @notice Validation and hashing of a split configuration, kept beside the struct's rules.
library SplitConfigLib {
    uint32 internal constant PPM = 1_000_000;
    uint32 internal constant MAX_DISTRIBUTOR_FEE = 10_000; // 1%
    uint256 internal constant MAX_RECIPIENTS = 200;

    /// @notice Reverts with a named error unless `config` is a valid split.
    function validate(ISplits.SplitConfig calldata config) internal pure {
        uint256 n = config.recipients.length;
        if (n == 0) revert ISplits.Splits_NoRecipients();
        if (n > MAX_RECIPIENTS) revert ISplits.Splits_TooManyRecipients(n, MAX_RECIPIENTS);
        if (config.allocations.length != n) revert ISplits.Splits_LengthMismatch(n, config.allocations.length);
        if (config.distributorFee > MAX_DISTRIBUTOR_FEE) {
            revert ISplits.Splits_DistributorFeeTooHigh(config.distributorFee, MAX_DISTRIBUTOR_FEE);
        }
        uint256 total;
        address previous;
        for (uint256 i; i < n; ++i) {
            address recipient = config.recipients[i];
            if (recipient == address(0)) revert ISplits.Splits_ZeroAddress(i);
            if (i != 0) {
                if (recipient == previous) revert ISplits.Splits_DuplicateRecipient(recipient);
                if (recipient < previous) revert ISplits.Splits_RecipientsNotSorted(i);
            }
            previous = recipient;
            uint32 allocation = config.allocations[i];
            if (allocation == 0) revert ISplits.Splits_ZeroAllocation(i);
            total += allocation;
        }
        if (total != PPM) revert ISplits.Splits_InvalidTotal(total);
        bool hasAdvancer = config.advancer != address(0);
        if (hasAdvancer != (config.advanceAmount != 0)) revert ISplits.Splits_InvalidAdvance();
        if (!hasAdvancer && config.advanceToken != address(0)) revert ISplits.Splits_InvalidAdvance();
    }

    /// @notice The hash stored for a configuration.
    function hash(ISplits.SplitConfig calldata config) internal pure returns (bytes32) {
        return keccak256(abi.encode(config));
    }
}
