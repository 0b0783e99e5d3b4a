// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IPriceFeed
/// @notice The part of a Chainlink-style price feed the indexer reads: AggregatorV3Interface's reads and the
///         aggregator's `AnswerUpdated` event (emitted by the aggregator behind a proxy, so a deployment
///         records the aggregator's address). Every dollar value the indexer shows is a payment's amount
///         times the answer of the latest round before it, so anyone can recompute it for its block.
interface IPriceFeed {
    /// @notice A new round: `current` (with {decimals} decimals) for round `roundId`, at `updatedAt`.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    /// @notice Decimals of the answers (8 for the USD feeds).
    function decimals() external view returns (uint8);

    /// @notice What the feed prices, e.g. "ETH / USD".
    function description() external view returns (string memory);

    /// @notice The latest round.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
