// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILedger} from "./ILedger.sol";
import {Splits} from "../splits/Splits.sol";
import {Payments} from "./Payments.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title Ledger
/// @notice Pull-payment balances for the whole platform, the payments to artists that credit them, and
///         the royalty splits that pay into them. See {ILedger}, {IPayments} and {ISplits}.
/// @dev Ownerless: no admin can move anyone's balance. The FeeRouter, fixed at deployment, sets the fee
///      rules every payment follows and names the operators (platform contracts that pay for a buyer).
contract Ledger is ILedger, Splits, Payments {
    using Currency for address;

    constructor(address feeRouter, address registry) Payments(feeRouter, registry) {
        if (feeRouter == address(0) || registry == address(0)) revert Ledger_ZeroAddress();
    }

    /// @inheritdoc ILedger
    function balanceOf(address owner, address token) external view returns (uint256) {
        return _balances[token][owner];
    }

    /// @inheritdoc ILedger
    function deposit(
        address to,
        address token,
        uint256 amount,
        bytes32 source
    ) external payable nonReentrant returns (uint256 credited) {
        if (to == address(0)) revert Ledger_ZeroAddress();
        if (amount == 0) revert Ledger_ZeroAmount();
        credited = _receive(msg.sender, token, amount);
        _credit(to, token, credited, source);
    }

    /// @inheritdoc ILedger
    function withdraw(address owner, address token) external nonReentrant returns (uint256 amount) {
        amount = _balances[token][owner];
        if (amount == 0) revert Ledger_ZeroAmount();
        _balances[token][owner] = 0;
        _send(token, owner, amount);
        emit Withdrawn(owner, token, owner, amount);
    }

    /// @inheritdoc ILedger
    function withdrawTo(address token, address to, uint256 amount) external nonReentrant {
        if (to == address(0)) revert Ledger_ZeroAddress();
        if (amount == 0) revert Ledger_ZeroAmount();
        uint256 balance = _balances[token][msg.sender];
        if (balance < amount) revert Ledger_InsufficientBalance(msg.sender, token, balance, amount);
        unchecked {
            _balances[token][msg.sender] = balance - amount;
        }
        _send(token, to, amount);
        emit Withdrawn(msg.sender, token, to, amount);
    }

    /// @inheritdoc ILedger
    /// @dev No external call, so no reentrancy guard: the debit and the credit read and write storage only.
    function giveOwnCreditTo(address to, address token, uint256 amount, bytes32 source) external {
        if (to == address(0)) revert Ledger_ZeroAddress();
        if (amount == 0) revert Ledger_ZeroAmount();
        mapping(address owner => uint256) storage balances = _balances[token];
        uint256 balance = balances[msg.sender];
        if (balance < amount) revert Ledger_InsufficientBalance(msg.sender, token, balance, amount);
        unchecked {
            balances[msg.sender] = balance - amount;
        }
        // Read after the debit, so a move to oneself adds back what it took. Cannot overflow (the balances of
        // a token add up to what the Ledger holds), but stays checked.
        balances[to] += amount;
        emit Transferred(msg.sender, to, token, amount, source);
    }

    /// @dev Takes `amount` from `payer`: ETH must come as msg.value; an ERC-20 is pulled and measured.
    function _receive(address payer, address token, uint256 amount) internal returns (uint256 received) {
        // One branch on the currency, not valueFor and isEth in turn: the hot path of every payment.
        if (token.isEth()) {
            if (msg.value != amount) revert Ledger_ValueMismatch(msg.value, amount);
            return amount;
        }
        if (msg.value != 0) revert Ledger_ValueMismatch(msg.value, 0);
        return token.pull(payer, amount);
    }

    /// @inheritdoc Payments
    function _receiveExactly(address payer, address token, uint256 amount) internal override {
        uint256 received = _receive(payer, token, amount);
        if (received != amount) revert Ledger_AmountMismatch(amount, received);
    }

    function _credit(address to, address token, uint256 amount, bytes32 source) internal {
        _balances[token][to] += amount;
        emit Credited(to, token, msg.sender, amount, source);
    }

    /// @dev A failed ETH send reverts the whole call, so the owner keeps its balance.
    function _send(address token, address to, uint256 amount) internal {
        if (!token.transfer(to, amount)) revert Ledger_EthTransferFailed(to, amount);
    }
}
