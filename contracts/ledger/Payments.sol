// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IPayments} from "./IPayments.sol";
import {Balances} from "./Balances.sol";
import {ILedger} from "./ILedger.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title Payments
/// @notice Payments to artists with the platform fee split off. See {IPayments}.
/// @dev Part of the deployed Ledger: a payment credits every part in the Ledger's own storage and reads
///      the rates and the artist's payee from it too, with no call out (the hot path of every sale).
abstract contract Payments is IPayments, Balances, ReentrancyGuardTransient {
    using Currency for address;

    /// @notice The referrer's part of every fee: 5%.
    uint16 public constant REFERRAL_BPS = Constants.REFERRAL_BPS;
    uint8 internal constant OPERATOR = 1;
    uint8 internal constant FACTORY = 2;

    /// @inheritdoc IPayments
    address public immutable FEE_ROUTER;
    /// @inheritdoc IPayments
    address public immutable REGISTRY;

    Rates internal _rates;
    mapping(address artist => Payee) internal _payees;
    mapping(address account => uint8 level) internal _operatorLevel;

    constructor(address feeRouter, address registry) {
        FEE_ROUTER = feeRouter;
        REGISTRY = registry;
    }

    /// @inheritdoc IPayments
    function pay(Payment calldata p) external payable nonReentrant returns (uint256 net) {
        if (p.amount == 0) revert ILedger.Ledger_ZeroAmount();
        // ETH arrives as msg.value from the caller itself; only an ERC-20 pull needs the payer's consent.
        if (!p.token.isEth() && p.payer != msg.sender && _operatorLevel[msg.sender] == 0) {
            revert ILedger.Ledger_Unauthorized(msg.sender);
        }
        // A buyer cannot be its own affiliate (no discount on the platform fee by naming oneself).
        address affiliate = p.affiliate == p.payer ? address(0) : p.affiliate;
        Quote memory q = quote(p.artist, p.kind, p.amount, affiliate);
        _receiveExactly(p.payer, p.token, p.amount);
        mapping(address owner => uint256) storage balances = _balances[p.token];
        net = q.net;
        balances[q.payout] += net;
        balances[q.treasury] += q.fee;
        if (q.referral != 0) balances[q.referrer] += q.referral;
        if (q.affiliateFee != 0) balances[affiliate] += q.affiliateFee;
        emit Paid(
            p.artist,
            p.payer,
            p.token,
            msg.sender,
            p.kind,
            p.source,
            p.ref,
            p.amount,
            q.fee,
            q.referral,
            q.affiliateFee,
            affiliate,
            q.payout,
            q.referrer,
            q.treasury
        );
    }

    /// @inheritdoc IPayments
    function paySale(Sale calldata s) external payable nonReentrant returns (uint256 proceeds) {
        if (s.price == 0) revert ILedger.Ledger_ZeroAmount();
        if (s.seller == address(0) || (s.royalty != 0 && s.royaltyReceiver == address(0))) {
            revert ILedger.Ledger_ZeroAddress();
        }
        if (!s.token.isEth() && s.payer != msg.sender && _operatorLevel[msg.sender] == 0) {
            revert ILedger.Ledger_Unauthorized(msg.sender);
        }
        Rates memory r = _rates;
        uint256 fee = (s.price * r.marketBps) / Constants.BPS;
        if (s.royalty + fee > s.price) revert Payments_RoyaltyTooHigh(s.price, s.royalty, fee);
        uint256 referral;
        address referrer;
        if (s.artist != address(0)) {
            referrer = _payees[s.artist].referrer;
            if (referrer != address(0)) referral = (fee * REFERRAL_BPS) / Constants.BPS;
        }
        _receiveExactly(s.payer, s.token, s.price);
        proceeds = s.price - s.royalty - fee;
        mapping(address owner => uint256) storage balances = _balances[s.token];
        balances[s.seller] += proceeds;
        balances[r.treasury] += fee - referral;
        if (referral != 0) balances[referrer] += referral;
        if (s.royalty != 0) balances[s.royaltyReceiver] += s.royalty;
        emit SalePaid(
            s.seller,
            s.payer,
            s.token,
            msg.sender,
            s.source,
            s.ref,
            s.price,
            s.royalty,
            s.royaltyReceiver,
            fee,
            referral,
            s.artist,
            referrer,
            r.treasury
        );
    }

    /// @inheritdoc IPayments
    function quote(address artist, uint8 kind, uint256 amount, address affiliate) public view returns (Quote memory q) {
        Rates memory r = _rates;
        uint16 bps;
        if (kind == Constants.KIND_PRIMARY) bps = r.primaryBps;
        else if (kind == Constants.KIND_MARKET) bps = r.marketBps;
        else if (kind == Constants.KIND_LIVE) bps = r.liveBps;
        else revert Payments_UnknownKind(kind);
        Payee storage payee = _payees[artist];
        q.payout = payee.payout;
        if (q.payout == address(0)) revert Payments_UnknownArtist(artist);
        q.referrer = payee.referrer;
        q.treasury = r.treasury;
        uint256 gross = (amount * bps) / Constants.BPS;
        if (q.referrer != address(0)) q.referral = (gross * REFERRAL_BPS) / Constants.BPS;
        if (affiliate != address(0)) q.affiliateFee = (gross * r.affiliateBps) / Constants.BPS;
        q.fee = gross - q.referral - q.affiliateFee;
        q.net = amount - gross;
    }

    /// @inheritdoc IPayments
    function rates() external view returns (Rates memory) {
        return _rates;
    }

    /// @inheritdoc IPayments
    function payeeOf(address artist) external view returns (Payee memory) {
        return _payees[artist];
    }

    /// @inheritdoc IPayments
    function operatorLevel(address account) external view returns (uint8) {
        return _operatorLevel[account];
    }

    /// @inheritdoc IPayments
    function setRates(Rates calldata r) external {
        if (msg.sender != FEE_ROUTER) revert ILedger.Ledger_Unauthorized(msg.sender);
        _rates = r;
        emit RatesSet(r);
    }

    /// @inheritdoc IPayments
    function setPayee(address artist, address payout, address referrer) external {
        if (msg.sender != REGISTRY) revert ILedger.Ledger_Unauthorized(msg.sender);
        _payees[artist] = Payee({payout: payout, referrer: referrer});
        emit PayeeSet(artist, payout, referrer);
    }

    /// @inheritdoc IPayments
    function setOperator(address account, uint8 level) external {
        if (msg.sender != FEE_ROUTER) revert ILedger.Ledger_Unauthorized(msg.sender);
        if (level > FACTORY) revert Payments_InvalidLevel(level);
        _operatorLevel[account] = level;
        emit OperatorSet(account, level, msg.sender);
    }

    /// @inheritdoc IPayments
    function addOperator(address account) external {
        if (_operatorLevel[msg.sender] != FACTORY) revert ILedger.Ledger_Unauthorized(msg.sender);
        // Only for new contracts: a factory can neither change another account's level nor make a wallet
        // an operator.
        uint8 current = _operatorLevel[account];
        if (current != 0 || account.code.length == 0) revert Payments_InvalidLevel(current);
        _operatorLevel[account] = OPERATOR;
        emit OperatorSet(account, OPERATOR, msg.sender);
    }

    /// @dev Takes exactly `amount` from `payer` (the Ledger's rule for ETH and ERC-20s).
    function _receiveExactly(address payer, address token, uint256 amount) internal virtual;
}
