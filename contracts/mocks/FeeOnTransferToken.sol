// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferToken
/// @notice An ERC-20 that burns `FEE_BPS` of every transfer (mints and burns excepted), so the receiver
///         gets less than the amount sent (tests only).
contract FeeOnTransferToken is ERC20 {
    /// @notice The share of every transfer that is burnt, in basis points.
    uint256 public constant FEE_BPS = 100; // 1%

    constructor() ERC20("Fee On Transfer", "FOT") {}

    /// @notice Mints `amount` to `to` (no fee); anyone may call it.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Transfers burn `FEE_BPS` of `value` from the sender and deliver the rest.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = (value * FEE_BPS) / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
