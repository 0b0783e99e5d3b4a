// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IRoyaltyShares} from "./IRoyaltyShares.sol";
import {IncomeVault} from "../revenue/IncomeVault.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {Sources} from "../libraries/Sources.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title RoyaltyShares
/// @notice Royalty shares of one song and the vault of their income. See {IRoyaltyShares}.
/// @dev The ERC-20 is written here rather than inherited: balances live in the {IncomeVault} account word
///      next to each holder's ETH correction and offering purchases, so a transfer settles income and a buy
///      checks the wallet cap without extra storage words (the `shares.transfer` and `shares.buy` gas
///      goals). Behaviour and errors follow OpenZeppelin's ERC20 (IERC6093).
contract RoyaltyShares is IRoyaltyShares, IncomeVault, IERC20Errors {
    using Currency for address;

    /// @inheritdoc IRoyaltyShares
    address public immutable ARTIST;
    uint256 internal immutable SUPPLY;
    address internal immutable OFFER_CURRENCY;
    uint256 internal immutable OFFER_PRICE;
    uint256 internal immutable OFFER_CAP;
    uint256 internal immutable OFFER_START;
    uint256 internal immutable OFFER_END;
    uint256 internal immutable OFFER_AMOUNT;
    address internal immutable SONG_COLLECTION;
    uint256 internal immutable SONG_TOKEN_ID;

    /// @inheritdoc IERC20Metadata
    string public name;
    /// @inheritdoc IERC20Metadata
    string public symbol;

    /// @dev Shares still for sale (reserved in the artist's balance while the offering runs).
    uint256 internal _remaining;
    mapping(address owner => mapping(address spender => uint256)) internal _allowances;

    /// @param offering_ Validated by the factory; `start` already resolved (never zero).
    constructor(
        address ledger,
        address artist,
        string memory name_,
        string memory symbol_,
        uint64 supply,
        address currency,
        Song memory song_,
        Offering memory offering_
    ) IncomeVault(ledger, currency) {
        ARTIST = artist;
        SUPPLY = supply;
        name = name_;
        symbol = symbol_;
        OFFER_CURRENCY = offering_.currency;
        OFFER_PRICE = offering_.price;
        OFFER_CAP = offering_.walletCap;
        OFFER_START = offering_.start;
        OFFER_END = offering_.end;
        OFFER_AMOUNT = offering_.amount;
        SONG_COLLECTION = song_.collection;
        SONG_TOKEN_ID = song_.tokenId;
        _remaining = offering_.amount;
        _accounts[artist].units = supply;
        emit Transfer(address(0), artist, supply);
    }

    // ---------------------------------------------------------------- ERC-20

    /// @inheritdoc IERC20Metadata
    function decimals() external pure returns (uint8) {
        return 0;
    }

    /// @inheritdoc IERC20
    function totalSupply() external view returns (uint256) {
        return SUPPLY;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) external view returns (uint256) {
        return _accounts[account].units;
    }

    /// @inheritdoc IERC20
    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @inheritdoc IERC20
    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IERC20
    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert ERC20InsufficientAllowance(msg.sender, allowed, value);
            unchecked {
                _allowances[from][msg.sender] = allowed - value;
            }
        }
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        // The vault's own balance would pay its claims back to itself as income: it holds no shares.
        if (to == address(0) || to == address(this)) revert ERC20InvalidReceiver(to);
        uint256 balance = _accounts[from].units;
        if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
        if (from == ARTIST) {
            uint256 reserved = offeringRemaining();
            if (balance - value < reserved) revert Shares_Reserved(reserved, balance, value);
        }
        // Income that reached the vault before this transfer belongs to the holders before it (F-04).
        _collectPending();
        _moveUnits(from, to, value);
        emit Transfer(from, to, value);
    }

    // ---------------------------------------------------------------- offering

    /// @inheritdoc IRoyaltyShares
    function offering() external view returns (Offering memory) {
        return
            Offering({
                currency: OFFER_CURRENCY,
                price: uint96(OFFER_PRICE),
                amount: uint64(OFFER_AMOUNT),
                walletCap: uint64(OFFER_CAP),
                start: uint32(OFFER_START),
                end: uint32(OFFER_END)
            });
    }

    /// @inheritdoc IRoyaltyShares
    function song() external view returns (Song memory) {
        return Song({collection: SONG_COLLECTION, tokenId: SONG_TOKEN_ID});
    }

    /// @inheritdoc IRoyaltyShares
    function offeringRemaining() public view returns (uint256) {
        if (OFFER_END != 0 && block.timestamp >= OFFER_END) return 0;
        return _remaining;
    }

    /// @inheritdoc IRoyaltyShares
    function boughtBy(address buyer) external view returns (uint256) {
        return _accounts[buyer].tag;
    }

    /// @inheritdoc IRoyaltyShares
    function buy(uint256 amount, address affiliate, uint256 maxPrice) external payable nonReentrant {
        if (amount == 0) revert Shares_ZeroAmount();
        // The price is fixed at creation, but the buyer's limit holds whatever a contract behind a link charges.
        if (OFFER_PRICE > maxPrice) revert Shares_PriceAboveMax(OFFER_PRICE, maxPrice);
        if (block.timestamp < OFFER_START || (OFFER_END != 0 && block.timestamp >= OFFER_END)) {
            revert Shares_OfferingClosed(OFFER_START, OFFER_END);
        }
        uint256 remaining = _remaining;
        if (remaining == 0) revert Shares_OfferingClosed(OFFER_START, OFFER_END);
        if (amount > remaining) revert Shares_SoldOut(amount, remaining);
        Account storage buyer = _accounts[msg.sender];
        uint256 bought = buyer.tag + amount;
        if (OFFER_CAP != 0 && bought > OFFER_CAP) revert Shares_WalletCap(msg.sender, OFFER_CAP, buyer.tag, amount);
        uint256 cost = amount * OFFER_PRICE;
        if (msg.value != OFFER_CURRENCY.valueFor(cost)) revert Shares_WrongPayment(msg.value, cost);

        _remaining = remaining - amount;
        buyer.tag = uint64(bought);
        _collectPending();
        // The reserved shares are always in the artist's balance: the move cannot underflow.
        _moveUnits(ARTIST, msg.sender, amount);
        emit Transfer(ARTIST, msg.sender, amount);
        IPayments(LEDGER).pay{value: msg.value}(
            IPayments.Payment({
                payer: msg.sender,
                token: OFFER_CURRENCY,
                amount: cost,
                artist: ARTIST,
                kind: Constants.KIND_PRIMARY,
                affiliate: affiliate,
                source: Sources.SHARES,
                ref: uint256(uint160(address(this)))
            })
        );
        emit SharesBought(msg.sender, amount, cost, affiliate);
    }

    /// @inheritdoc IRoyaltyShares
    function endOffering() external {
        if (msg.sender != ARTIST) revert Shares_NotArtist(msg.sender);
        uint256 unsold = offeringRemaining();
        if (unsold == 0) revert Shares_OfferingClosed(OFFER_START, OFFER_END);
        _remaining = 0;
        emit OfferingEnded(unsold);
    }

    // ---------------------------------------------------------------- IncomeVault hooks

    function _totalUnits() internal view override returns (uint256) {
        return SUPPLY;
    }

    function _maxUnits() internal view override returns (uint256) {
        return SUPPLY;
    }

    function _beneficiary() internal view override returns (address) {
        return ARTIST;
    }
}
