// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ISplitWallet} from "./ISplitWallet.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {Sources} from "../libraries/Sources.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title SplitWallet
/// @notice Implementation behind every split clone. See {ISplitWallet}.
/// @dev Clones share this contract's immutables, so a clone needs no storage and no initializer.
contract SplitWallet is ISplitWallet {
    using SafeERC20 for IERC20;
    using Currency for address;

    /// @notice The Ledger that hosts the splits; the only caller of `sweep`.
    ILedger public immutable LEDGER;

    constructor(ILedger ledger) {
        LEDGER = ledger;
    }

    /// @notice Accepts ETH from anyone (streaming income, sales paid outside the platform, ...).
    receive() external payable {}

    /// @inheritdoc ISplitWallet
    function sweep(address token) external returns (uint256 amount) {
        if (msg.sender != address(LEDGER)) revert SplitWallet_OnlyLedger();
        amount = token.balanceOf(address(this));
        if (amount == 0) return 0;
        if (!token.isEth()) IERC20(token).forceApprove(address(LEDGER), amount);
        // Fee-on-transfer tokens: the Ledger credits what it measured (ETH: all of it).
        amount = LEDGER.deposit{value: token.valueFor(amount)}(address(this), token, amount, Sources.DIRECT);
    }
}
