// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken
/// @notice A freely mintable ERC-20 with configurable decimals, for local chains and tests only
///         (the demo's USDC is one with 6 decimals). Never deployed to a real network.
contract TestToken is ERC20 {
    uint8 internal immutable _DECIMALS;

    constructor(string memory name, string memory symbol, uint8 decimals_) ERC20(name, symbol) {
        _DECIMALS = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _DECIMALS;
    }

    /// @notice Anyone may mint: this is a faucet token for local use.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
