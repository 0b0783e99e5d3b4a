// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IIncomeVault} from "./IIncomeVault.sol";
import {ILedger} from "../ledger/ILedger.sol";
import {RevenuePerUnit} from "../libraries/RevenuePerUnit.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title IncomeVault
/// @notice Units, and the income they share. See {IIncomeVault}. Royalty shares and revenue pools add
///         what moves units (ERC-20 transfers; joins and leaves).
/// @dev Storage is laid out for the gas goals: an account's units and its ETH correction share one word,
///      so moving units settles ETH income without touching another slot, and a first claim rewrites a word
///      that already exists. Corrections fit in 128 bits because income per unit is bounded on arrival
///      (`Income_TooMuch`): perUnit * {_maxUnits} stays below 2^127.
abstract contract IncomeVault is IIncomeVault, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;
    using Currency for address;

    /// @inheritdoc IIncomeVault
    address public immutable LEDGER;
    /// @inheritdoc IIncomeVault
    address public immutable CURRENCY;

    /// @dev One word per account. `tag` is the subclass's: shares bought in the offering (shares), the
    ///      proposal count when the member joined (pools).
    struct Account {
        uint64 units;
        uint64 tag;
        int128 ethCorrection;
    }

    /// @dev One word per currency: the scaled income per unit, and what the last accrual could not spread.
    ///      `live` is set at construction so that the word exists before the first income arrives (the
    ///      creator pays for the new storage word, not the first payer).
    struct Accumulator {
        uint192 perUnit;
        uint56 remainder;
        bool live;
    }

    mapping(address account => Account) internal _accounts;
    mapping(address account => int256) internal _currencyCorrections;
    mapping(address token => Accumulator) internal _accumulators;
    /// @dev The `CURRENCY` the vault has taken in as income and not paid out: anything it holds beyond this
    ///      is income not yet collected.
    uint256 internal _currencyHeld;

    constructor(address ledger, address currency) {
        LEDGER = ledger;
        CURRENCY = currency;
        _accumulators[Constants.ETH].live = true;
        if (currency != address(0)) _accumulators[currency].live = true;
    }

    /// @notice Plain ETH sent to the vault (by anyone, or by the Ledger when collecting) is income.
    receive() external payable {
        _income(Constants.ETH, msg.sender, msg.value);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IIncomeVault
    function scale() external pure returns (uint256) {
        return RevenuePerUnit.SCALE;
    }

    /// @inheritdoc IIncomeVault
    function totalUnits() public view returns (uint256) {
        return _totalUnits();
    }

    /// @inheritdoc IIncomeVault
    function unitsOf(address account) public view returns (uint256) {
        return _accounts[account].units;
    }

    /// @inheritdoc IIncomeVault
    function perUnit(address token) external view returns (uint256) {
        return _accumulators[token].perUnit;
    }

    /// @inheritdoc IIncomeVault
    function claimable(address account, address token) external view returns (uint256) {
        Account storage a = _accounts[account];
        if (token.isEth()) return RevenuePerUnit.earned(_accumulators[Constants.ETH].perUnit, a.units, a.ethCorrection);
        if (token != CURRENCY) return 0;
        return RevenuePerUnit.earned(_accumulators[token].perUnit, a.units, _currencyCorrections[account]);
    }

    // ---------------------------------------------------------------- income in

    /// @inheritdoc IIncomeVault
    function deposit(address token, uint256 amount) external payable nonReentrant {
        if (amount == 0) revert Income_ZeroAmount();
        if (token.isEth()) {
            if (msg.value != amount) revert Income_ValueMismatch(msg.value, amount);
            _income(Constants.ETH, msg.sender, amount);
            return;
        }
        if (token != CURRENCY) revert Income_UnsupportedCurrency(token);
        if (msg.value != 0) revert Income_ValueMismatch(msg.value, 0);
        uint256 received = token.pull(msg.sender, amount);
        _currencyHeld += received;
        _income(token, msg.sender, received);
    }

    /// @inheritdoc IIncomeVault
    function collect(address token) external nonReentrant returns (uint256 amount) {
        if (token.isEth()) {
            if (ILedger(LEDGER).balanceOf(address(this), Constants.ETH) == 0) revert Income_ZeroAmount();
            // The Ledger sends ETH: receive() takes it in as income.
            return ILedger(LEDGER).withdraw(address(this), Constants.ETH);
        }
        if (token != CURRENCY) revert Income_UnsupportedCurrency(token);
        amount = _collectCurrency(token);
        if (amount == 0) revert Income_ZeroAmount();
    }

    /// @dev Takes in everything that reached the vault and is not shared yet, so that it is shared by the
    ///      units held when it arrived: called before any units move (a transfer, a buy, a join, a leave).
    ///      Without it, whoever held units when someone called `collect` took income that arrived before it
    ///      held anything (F-04). Each step runs only when something waits, so a move with nothing pending
    ///      pays the reads alone.
    function _collectPending() internal {
        if (ILedger(LEDGER).balanceOf(address(this), Constants.ETH) != 0)
            ILedger(LEDGER).withdraw(address(this), Constants.ETH);
        address currency = CURRENCY;
        if (currency != address(0)) _collectCurrency(currency);
    }

    /// @dev Takes the vault's Ledger balance of `CURRENCY` and everything it holds beyond what is owed in as
    ///      income: the Ledger credit just taken, a credit someone else withdrew for the vault, or tokens sent
    ///      to it with a plain transfer.
    function _collectCurrency(address token) internal returns (uint256 amount) {
        if (ILedger(LEDGER).balanceOf(address(this), token) != 0) ILedger(LEDGER).withdraw(address(this), token);
        uint256 held = _currencyHeld;
        amount = IERC20(token).balanceOf(address(this)) - held;
        if (amount == 0) return 0;
        _currencyHeld = held + amount;
        _income(token, LEDGER, amount);
    }

    /// @dev Income arrives: subclasses may set part aside (a pool's budget) before {_accrue}.
    function _income(address token, address from, uint256 amount) internal virtual {
        _accrue(token, from, amount);
    }

    /// @dev Shares `amount` among all units.
    function _accrue(address token, address from, uint256 amount) internal {
        if (amount == 0) return;
        Accumulator storage acc = _accumulators[token];
        (uint256 newPerUnit, uint256 remainder) = RevenuePerUnit.accrue(
            acc.perUnit,
            acc.remainder,
            amount,
            _totalUnits()
        );
        if (newPerUnit * _maxUnits() > uint256(uint128(type(int128).max))) revert Income_TooMuch(token, amount);
        acc.perUnit = uint192(newPerUnit);
        acc.remainder = uint56(remainder);
        emit IncomeReceived(token, from, amount, newPerUnit);
    }

    // ---------------------------------------------------------------- income out

    /// @inheritdoc IIncomeVault
    function claim(address account, address token) external nonReentrant returns (uint256 amount) {
        amount = _take(account, token);
        if (amount == 0) revert Income_NothingToClaim(account, token);
        _pay(account, token, account, amount);
    }

    /// @inheritdoc IIncomeVault
    function claimAll(address account) external nonReentrant returns (uint256 eth, uint256 token) {
        eth = _take(account, Constants.ETH);
        address currency = CURRENCY;
        if (currency != address(0)) token = _take(account, currency);
        if (eth == 0 && token == 0) revert Income_NothingToClaim(account, address(0));
        if (eth != 0) _pay(account, Constants.ETH, account, eth);
        if (token != 0) _pay(account, currency, account, token);
    }

    /// @inheritdoc IIncomeVault
    function claimTo(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0) || to == address(this)) revert Income_BadReceiver(to);
        amount = _take(msg.sender, token);
        if (amount == 0) revert Income_NothingToClaim(msg.sender, token);
        _pay(msg.sender, token, to, amount);
    }

    /// @dev Marks what `account` earned in `token` as paid, and returns it.
    function _take(address account, address token) internal returns (uint256 amount) {
        Account storage a = _accounts[account];
        if (token.isEth()) {
            amount = RevenuePerUnit.earned(_accumulators[Constants.ETH].perUnit, a.units, a.ethCorrection);
            if (amount != 0) a.ethCorrection += RevenuePerUnit.paying(amount).toInt128();
        } else {
            if (token != CURRENCY) revert Income_UnsupportedCurrency(token);
            int256 correction = _currencyCorrections[account];
            amount = RevenuePerUnit.earned(_accumulators[token].perUnit, a.units, correction);
            if (amount != 0) _currencyCorrections[account] = correction + RevenuePerUnit.paying(amount);
        }
    }

    function _pay(address account, address token, address to, uint256 amount) internal {
        if (!token.isEth()) _currencyHeld -= amount;
        if (!token.transfer(to, amount)) revert Income_TransferFailed(to, amount);
        emit Claimed(account, token, to, amount);
    }

    /// @inheritdoc IIncomeVault
    function release(address token) external nonReentrant returns (uint256 amount) {
        address to = _beneficiary();
        // The beneficiary alone decides when tokens nobody accounts leave (F-08): a stranger could otherwise
        // push them out while a mistaken credit is still being sorted out with its sender.
        if (msg.sender != to) revert Income_NotBeneficiary(msg.sender);
        if (token.isEth() || token == CURRENCY) revert Income_SupportedCurrency(token);
        if (ILedger(LEDGER).balanceOf(address(this), token) != 0) ILedger(LEDGER).withdraw(address(this), token);
        amount = IERC20(token).balanceOf(address(this));
        if (amount == 0) revert Income_ZeroAmount();
        IERC20(token).safeTransfer(to, amount);
        emit Released(token, to, amount);
    }

    /// @dev Pays `amount` of `token` out of the vault as a Ledger credit to `to` (no push, nothing to block).
    function _credit(address to, address token, uint256 amount, bytes32 source) internal {
        if (!token.isEth()) {
            _currencyHeld -= amount;
            IERC20(token).forceApprove(LEDGER, amount);
        }
        ILedger(LEDGER).deposit{value: token.valueFor(amount)}(to, token, amount, source);
    }

    // ---------------------------------------------------------------- units

    /// @dev Moves units without changing what either side has earned. The caller checks `from` has them.
    function _moveUnits(address from, address to, uint256 units) internal {
        Account storage a = _accounts[from];
        uint256 fromUnits = a.units;
        int128 ethDelta = RevenuePerUnit.arriving(_accumulators[Constants.ETH].perUnit, units).toInt128();
        a.units = uint64(fromUnits - units);
        a.ethCorrection -= ethDelta;
        Account storage b = _accounts[to];
        b.units += uint64(units);
        b.ethCorrection += ethDelta;
        address currency = CURRENCY;
        if (currency != address(0)) {
            uint256 p = _accumulators[currency].perUnit;
            if (p != 0) {
                int256 delta = RevenuePerUnit.arriving(p, units);
                _currencyCorrections[from] -= delta;
                _currencyCorrections[to] += delta;
            }
        }
    }

    /// @dev New units for `account` (a member joining): they earn only income that arrives later.
    function _addUnits(address account, uint256 units, uint64 tag) internal {
        Account storage a = _accounts[account];
        a.units += units.toUint64();
        a.tag = tag;
        a.ethCorrection += RevenuePerUnit.arriving(_accumulators[Constants.ETH].perUnit, units).toInt128();
        address currency = CURRENCY;
        if (currency != address(0)) {
            _currencyCorrections[account] += RevenuePerUnit.arriving(_accumulators[currency].perUnit, units);
        }
    }

    /// @dev Units leaving `account` (a member leaving): what they earned stays claimable.
    function _removeUnits(address account, uint256 units) internal {
        Account storage a = _accounts[account];
        a.units -= units.toUint64();
        a.ethCorrection -= RevenuePerUnit.arriving(_accumulators[Constants.ETH].perUnit, units).toInt128();
        address currency = CURRENCY;
        if (currency != address(0)) {
            _currencyCorrections[account] -= RevenuePerUnit.arriving(_accumulators[currency].perUnit, units);
        }
    }

    // ---------------------------------------------------------------- subclass hooks

    /// @dev All units now (never zero when income accrues).
    function _totalUnits() internal view virtual returns (uint256);

    /// @dev The most units one account can hold: bounds income per unit so corrections fit in 128 bits
    ///      (a correction is at most perUnit times the units its account ever held at once).
    function _maxUnits() internal view virtual returns (uint256);

    /// @dev Who receives tokens the vault does not account.
    function _beneficiary() internal view virtual returns (address);
}
