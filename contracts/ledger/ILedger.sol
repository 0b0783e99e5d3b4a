// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ILedger
/// @notice One pull-payment balance per (owner, token) for the whole platform. Contracts credit the
///         Ledger instead of pushing funds, so a reverting or gas-burning receiver never blocks a sale
///         or a distribution. ETH is `token == address(0)`.
/// @dev Money in = money credited + money withdrawn, always: the Ledger holds exactly the sum of its
///      balances for ETH and for every token. The deployed Ledger also hosts the royalty splits
///      ({ISplits}), so that a distribution credits every recipient without an external call.
interface ILedger {
    /// @notice A zero address where an owner or receiver is required.
    error Ledger_ZeroAddress();
    /// @notice ETH sent does not equal the amount declared.
    error Ledger_ValueMismatch(uint256 sent, uint256 declared);
    /// @notice The ERC-20 amount that arrived differs from the amount declared (fee-on-transfer tokens
    ///         are rejected where every unit is already allocated).
    error Ledger_AmountMismatch(uint256 declared, uint256 received);
    /// @notice The owner's balance is below what the call needs.
    error Ledger_InsufficientBalance(address owner, address token, uint256 balance, uint256 needed);
    /// @notice The caller is not the contract allowed to make this call.
    error Ledger_Unauthorized(address caller);
    /// @notice The amount is zero.
    error Ledger_ZeroAmount();
    /// @notice Sending ETH to the receiver failed; the balance is kept.
    error Ledger_EthTransferFailed(address to, uint256 amount);

    /// @notice `owner` was credited `amount` of `token` by `from`, tagged with `source`.
    event Credited(address indexed owner, address indexed token, address indexed from, uint256 amount, bytes32 source);
    /// @notice `owner`'s balance of `token` was paid out to `to`.
    event Withdrawn(address indexed owner, address indexed token, address indexed to, uint256 amount);
    /// @notice `amount` of `from`'s balance of `token` moved to `to`'s balance inside the Ledger (no token
    ///         moved), tagged with `source`: `from` is debited and `to` credited by the same amount.
    event Transferred(address indexed from, address indexed to, address indexed token, uint256 amount, bytes32 source);

    /// @notice The balance of `owner` in `token` (address(0) for ETH).
    function balanceOf(address owner, address token) external view returns (uint256);

    /// @notice Credits `to` with ETH (`msg.value == amount`) or with `amount` of an ERC-20 pulled from the
    ///         caller. For an ERC-20, the amount that actually arrived is credited, so a fee-on-transfer
    ///         token credits what the Ledger received.
    /// @return credited The amount credited.
    function deposit(
        address to,
        address token,
        uint256 amount,
        bytes32 source
    ) external payable returns (uint256 credited);

    /// @notice Pays `owner`'s whole balance of `token` to `owner`. Anyone may trigger it for the owner.
    /// @dev A receiver that reverts keeps its balance; nobody else is affected.
    /// @return amount What was paid.
    function withdraw(address owner, address token) external returns (uint256 amount);

    /// @notice Pays `amount` of the caller's balance of `token` to `to`.
    function withdrawTo(address token, address to, uint256 amount) external;

    /// @notice Moves `amount` of the caller's own balance of `token` to `to`'s balance, tagged with `source`
    ///         (e.g. "reward"). No token leaves or enters the Ledger, so the sum of the balances is unchanged.
    /// @dev A contract that pays many small credits out of one budget (Rewards) holds the budget as its own
    ///      balance and moves it: two balance writes, no token transfer per payment. Moving to oneself
    ///      leaves the balance as it was (it must still cover `amount`). The name is chosen for its selector
    ///      (0xf9be31a2): the dispatcher compares selectors in ascending order, and one above those of
    ///      `pay`, `distribute`, `deposit`, `withdraw` and `balanceOf` leaves their dispatch as it was
    ///      (`transfer`, 0x323a1a5c, added 22 gas to each).
    function giveOwnCreditTo(address to, address token, uint256 amount, bytes32 source) external;
}
