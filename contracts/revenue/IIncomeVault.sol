// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IIncomeVault
/// @notice Income shared by units: the common part of royalty shares (units = share balances) and revenue
///         pools (units = member weights). Income arrives in ETH or in the vault's one ERC-20 `CURRENCY`
///         (USDC on our deployments): sent to it directly, deposited, or collected from its Ledger balance
///         (where split distributions credit it). Every unit earns an equal part of each income that
///         arrives while it is held, whoever held it before; `claim` pays an account what its units earned.
///         Income has arrived once it is in the vault's Ledger balance or at its address: every move of units
///         (a transfer, a buy, a join, a leave) first takes in what is pending, so that income is shared by
///         the units held when it arrived, not by those held when someone collects it. Income still waiting
///         upstream (in a split's Ledger balance, not distributed yet) has not arrived.
/// @dev Accounting: {RevenuePerUnit}. Income arriving costs the same whatever the number of holders.
///      Money in = money claimed + money claimable + rounding dust (at most one unit of the token per
///      account), always; pools also keep a budget.
interface IIncomeVault {
    /// @notice The token is neither ETH nor the vault's `CURRENCY`.
    error Income_UnsupportedCurrency(address token);
    /// @notice The token is ETH or the vault's `CURRENCY`: it is income, not something to release.
    error Income_SupportedCurrency(address token);
    /// @notice The account has nothing to claim (in `token`; zero for every currency).
    error Income_NothingToClaim(address account, address token);
    /// @notice The amount is zero.
    error Income_ZeroAmount();
    /// @notice ETH sent does not equal the amount declared.
    error Income_ValueMismatch(uint256 sent, uint256 declared);
    /// @notice The cumulative income per unit would leave the bounds that keep the accounting exact; nothing
    ///         was taken. Shares: about 1.7e29 base units of income in all; pools: about 1.7e26 per unit of
    ///         weight (far above any real income in ETH or USDC).
    error Income_TooMuch(address token, uint256 amount);
    /// @notice Paying ETH to `to` failed; nothing changed.
    error Income_TransferFailed(address to, uint256 amount);
    /// @notice The receiver is zero or the vault itself.
    error Income_BadReceiver(address to);
    /// @notice Only the beneficiary (the artist of shares, the admin of a pool) may release other tokens.
    error Income_NotBeneficiary(address caller);

    /// @notice `amount` of `token` from `from` was shared by the units; `perUnit` is the cumulative income
    ///         per unit after it (scaled by 1e9, see {scale}).
    event IncomeReceived(address indexed token, address indexed from, uint256 amount, uint256 perUnit);
    /// @notice `account` was paid `amount` of `token` it had earned, to `to`.
    event Claimed(address indexed account, address indexed token, address indexed to, uint256 amount);
    /// @notice A token the vault does not account (neither ETH nor `CURRENCY`) went to `to`.
    event Released(address indexed token, address indexed to, uint256 amount);

    /// @notice The Ledger this vault collects its credits from.
    function LEDGER() external view returns (address);
    /// @notice The ERC-20 accounted besides ETH, or zero for ETH only.
    function CURRENCY() external view returns (address);
    /// @notice The scale of `perUnit` (1e9).
    function scale() external pure returns (uint256);
    /// @notice All units (the share supply, or the members' total weight).
    function totalUnits() external view returns (uint256);
    /// @notice The units of `account`.
    function unitsOf(address account) external view returns (uint256);
    /// @notice The cumulative income per unit of `token`, scaled by {scale}.
    function perUnit(address token) external view returns (uint256);
    /// @notice What `account` has earned in `token` and not claimed.
    function claimable(address account, address token) external view returns (uint256);

    /// @notice Income in: ETH (`msg.value == amount`, token zero) or `amount` of `CURRENCY` pulled from
    ///         the caller (approved to the vault). Plain ETH sent to the vault is income too.
    function deposit(address token, uint256 amount) external payable;
    /// @notice Takes the vault's whole Ledger balance of `token` in as income (split distributions credit it
    ///         there), and for `CURRENCY` any tokens that reached the vault otherwise (a plain transfer, a
    ///         Ledger withdrawal someone else triggered). Anyone may call it; every move of units does it first
    ///         (without reverting when nothing is pending).
    /// @return amount The income that arrived.
    function collect(address token) external returns (uint256 amount);
    /// @notice Pays `account` what it has earned in `token` (ETH or `CURRENCY`). Anyone may call it.
    /// @return amount What was paid.
    function claim(address account, address token) external returns (uint256 amount);
    /// @notice Pays `account` everything it has earned, in ETH and in `CURRENCY`. Anyone may call it.
    /// @return eth The ETH paid. @return token The `CURRENCY` paid.
    function claimAll(address account) external returns (uint256 eth, uint256 token);
    /// @notice Pays the caller's earnings in `token` to `to` (for accounts that cannot take ETH themselves).
    function claimTo(address token, address to) external returns (uint256 amount);
    /// @notice Beneficiary only (the artist of shares, the admin of a pool): sends a token the vault does not
    ///         account (its holdings and its Ledger balance) to the caller, so nothing is stuck.
    function release(address token) external returns (uint256 amount);
}
