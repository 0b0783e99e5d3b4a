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
        address[] calldata recipients = config.recipients;
        uint32[] calldata allocations = config.allocations;
        uint256 n = recipients.length;
        if (n == 0) revert ISplits.Splits_NoRecipients();
        if (n > MAX_RECIPIENTS) revert ISplits.Splits_TooManyRecipients(n, MAX_RECIPIENTS);
        if (allocations.length != n) revert ISplits.Splits_LengthMismatch(n, allocations.length);
        if (config.distributorFee > MAX_DISTRIBUTOR_FEE) {
            revert ISplits.Splits_DistributorFeeTooHigh(config.distributorFee, MAX_DISTRIBUTOR_FEE);
        }
        uint256 total;
        address previous;
        // Unchecked: i < n <= 200, and total is a sum of at most 200 uint32 values.
        unchecked {
            for (uint256 i; i < n; ++i) {
                address recipient = recipients[i];
                // Ascending order: anything not above the previous one is zero, a duplicate or out of order.
                if (recipient <= previous) {
                    if (recipient == address(0)) revert ISplits.Splits_ZeroAddress(i);
                    if (recipient == previous) revert ISplits.Splits_DuplicateRecipient(recipient);
                    revert ISplits.Splits_RecipientsNotSorted(i);
                }
                previous = recipient;
                uint32 allocation = allocations[i];
                if (allocation == 0) revert ISplits.Splits_ZeroAllocation(i);
                total += allocation;
            }
        }
        if (total != PPM) revert ISplits.Splits_InvalidTotal(total);
        bool hasAdvancer = config.advancer != address(0);
        if (hasAdvancer != (config.advanceAmount != 0)) revert ISplits.Splits_InvalidAdvance();
        if (!hasAdvancer && config.advanceToken != address(0)) revert ISplits.Splits_InvalidAdvance();
    }

    /// @notice The hash stored for a configuration: keccak256(abi.encode(config)).
    function hash(ISplits.SplitConfig calldata config) internal pure returns (bytes32) {
        return keccak256(encode(config));
    }

    /// @notice The same bytes as `abi.encode(config)`.
    /// @dev Built with two calldata copies instead of the ABI encoder's per-element loop (gas: this runs
    ///      on every create, update and distribution). Calldata values are not cleaned here: a
    ///      configuration with dirty high bits encodes differently from its clean form, so it can never
    ///      match a stored hash (every stored hash comes from a configuration that `validate` read, and
    ///      Solidity's checked calldata reads reject dirty values).
    function encode(ISplits.SplitConfig calldata config) internal pure returns (bytes memory encoded) {
        address[] calldata recipients = config.recipients;
        uint32[] calldata allocations = config.allocations;
        uint256 fee = config.distributorFee;
        address advancer = config.advancer;
        address advanceToken = config.advanceToken;
        uint256 advanceAmount = config.advanceAmount;
        // Assembly for a gas goal (see the comment above and bench/README.md).
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            encoded := mload(0x40)
            let m := add(encoded, 0x20)
            let rBytes := shl(5, recipients.length)
            let aBytes := shl(5, allocations.length)
            mstore(m, 0x20) // offset of the struct
            mstore(add(m, 0x20), 0xc0) // offset of recipients, from the struct's head
            mstore(add(m, 0x40), add(0xe0, rBytes)) // offset of allocations
            mstore(add(m, 0x60), fee)
            mstore(add(m, 0x80), advancer)
            mstore(add(m, 0xa0), advanceToken)
            mstore(add(m, 0xc0), advanceAmount)
            mstore(add(m, 0xe0), recipients.length)
            calldatacopy(add(m, 0x100), recipients.offset, rBytes)
            let p := add(add(m, 0x100), rBytes)
            mstore(p, allocations.length)
            calldatacopy(add(p, 0x20), allocations.offset, aBytes)
            let end := add(add(p, 0x20), aBytes)
            mstore(encoded, sub(end, m))
            mstore(0x40, end)
        }
    }
}
