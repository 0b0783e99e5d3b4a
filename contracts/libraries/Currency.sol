// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Constants} from "./Constants.sol";

/// @title Currency
/// @notice The one place where ETH versus ERC-20 is decided. A currency is a token address, and ETH is
///         address(0) ({Constants.ETH}): `using Currency for address;` then `token.isEth()`,
///         `token.valueFor(amount)`, `token.transfer(to, amount)`, `token.balanceOf(account)`.
/// @dev An address rather than a user-defined value type, so that every ABI keeps `address` for its
///      currencies. Internal functions only: they are inlined, so a payment costs what it cost before.
library Currency {
    using SafeERC20 for IERC20;

    /// @dev True for ETH (address(0)), false for an ERC-20.
    function isEth(address token) internal pure returns (bool) {
        return token == Constants.ETH;
    }

    /// @dev The msg.value a payment of `amount` in `token` must carry: the amount itself in ETH, nothing in
    ///      an ERC-20 (it is pulled instead), so a payment can never carry ETH it does not use.
    function valueFor(address token, uint256 amount) internal pure returns (uint256) {
        return isEth(token) ? amount : 0;
    }

    /// @dev What `account` holds of `token`: its ETH balance, or its ERC-20 balance.
    function balanceOf(address token, address account) internal view returns (uint256) {
        return isEth(token) ? account.balance : IERC20(token).balanceOf(account);
    }

    /// @dev Pulls `amount` of the ERC-20 `token` from `from` (who approved this contract) and returns what
    ///      arrived, measured: a fee-on-transfer token delivers less, and the caller decides what that means.
    function pull(address token, address from, uint256 amount) internal returns (uint256 received) {
        IERC20 erc20 = IERC20(token);
        uint256 before = erc20.balanceOf(address(this));
        erc20.safeTransferFrom(from, address(this), amount);
        received = erc20.balanceOf(address(this)) - before;
    }

    /// @dev Pays `amount` of `token` from this contract to `to`. An ERC-20 goes by SafeERC20 and reverts on
    ///      failure; ETH goes by a plain call, and `sent` is false when the receiver refused it, so that the
    ///      caller reverts with its own documented error (`Ledger_EthTransferFailed`, `Income_TransferFailed`)
    ///      and every ABI keeps its errors.
    function transfer(address token, address to, uint256 amount) internal returns (bool sent) {
        if (!isEth(token)) {
            IERC20(token).safeTransfer(to, amount);
            return true;
        }
        (sent, ) = to.call{value: amount}("");
    }
}
