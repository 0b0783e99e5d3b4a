// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IPriceFeed} from "../prices/IPriceFeed.sol";

/// @title TestPriceFeed
/// @notice The local chain's ETH/USD feed: its owner (the deployer) sets each round, as the demo seed does
///         over its days. Local chains and tests only; a real chain records Chainlink's aggregator instead.
contract TestPriceFeed is IPriceFeed, Ownable {
    /// @notice A non-positive answer (a USD price is always above zero).
    error TestPriceFeed_BadAnswer(int256 answer);

    uint8 internal immutable _DECIMALS;
    string public description;

    uint80 internal _round;
    int256 internal _answer;
    uint256 internal _updatedAt;

    constructor(string memory description_, uint8 decimals_, int256 answer) Ownable(msg.sender) {
        description = description_;
        _DECIMALS = decimals_;
        setAnswer(answer);
    }

    /// @notice Owner: starts a new round at `answer`.
    function setAnswer(int256 answer) public onlyOwner {
        if (answer <= 0) revert TestPriceFeed_BadAnswer(answer);
        _round += 1;
        _answer = answer;
        _updatedAt = block.timestamp;
        emit AnswerUpdated(answer, _round, block.timestamp);
    }

    /// @inheritdoc IPriceFeed
    function decimals() external view returns (uint8) {
        return _DECIMALS;
    }

    /// @inheritdoc IPriceFeed
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (_round, _answer, _updatedAt, _updatedAt, _round);
    }
}
