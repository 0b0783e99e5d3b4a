// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title SharesHandler
/// @notice Drives one royalty shares vault (ETH and USDC income) through random sequences of income (ETH
///         sent, ETH and USDC deposited, Ledger credits collected), income that WAITS (credited in the vault's
///         Ledger balance, or USDC pushed to its address by anyone's `Ledger.withdraw`) while shares move,
///         a stranger's `collect`, flash holds (lend, collect, give back), transfers, transfers by an approved
///         spender, offering buys, the artist ending the offering, time, claims, claimAll and claimTo, by
///         the artist and three fans.
/// @dev Keeps a reference model: a holder's exact entitlement is the sum over incomes of amount * its balance
///      then / supply (`num` / supply); `dust` (the sum of its balances at each income) bounds the carried
///      remainder it may receive, scaled by 1e9. Income is booked when it ARRIVES (in the Ledger balance or
///      at the address), with the balances then: `num` and `dust` once it was taken in, `pendNum` and
///      `pendDust` while it waits; every move of units takes in what waits, so the upper bound uses both.
///      `arrived` is, per holder, the income that arrived while it held shares: nobody earns more than that.
///      With nothing waiting, a transfer or buy must leave every holder's claimable unchanged, exactly; with
///      income waiting, it may only add to them. A check that fails here does not revert (a reverting
///      handler would roll the evidence back): `ghostMoved` counts the moves that broke it and the
///      invariants assert it is zero. Calls are bounded so that they succeed or revert with the error the
///      rules name (failOnRevert).
contract SharesHandler is Test {
    uint256 public constant N = 4;
    uint256 internal constant SCALE = 1e9;
    address internal constant ETH = address(0);

    RoyaltyShares public immutable SHARES;
    Ledger public immutable LEDGER;
    TestToken public immutable USDC;
    uint256 public immutable SUPPLY;
    uint256 public immutable PRICE;
    address public immutable PAYER = vm.addr(0xFA7E5);
    address public immutable SPENDER = vm.addr(0x5BE4D);
    address public immutable WALLET = vm.addr(0x3A11E7);

    address[N] public holders;
    uint256[N] public bal;
    uint256[N][2] public num;
    uint256[N][2] public dust;
    uint256[N][2] public claimed;
    uint256[N][2] public pendNum;
    uint256[N][2] public pendDust;
    uint256[N][2] public arrived;
    /// @dev Income booked and not yet taken in (Ledger balance, or USDC at the address unaccounted).
    uint256[2] public waiting;
    uint256[2] public income;
    uint256 public ghostTransfers;
    uint256 public ghostMoved;

    mapping(bytes32 action => uint256) public calls;

    constructor(RoyaltyShares shares, Ledger ledger, TestToken usdc) {
        SHARES = shares;
        LEDGER = ledger;
        USDC = usdc;
        SUPPLY = shares.totalSupply();
        PRICE = shares.offering().price;
        holders[0] = shares.ARTIST();
        for (uint256 i = 1; i < N; ++i) holders[i] = vm.addr(0xFA0 + i);
        bal[0] = SUPPLY;
    }

    function token(uint256 t) public view returns (address) {
        return t == 0 ? ETH : address(USDC);
    }

    /// @notice What the vault holds of currency `t` at its address (what claims are paid from).
    function heldHere(uint256 t) public view returns (uint256) {
        return t == 0 ? address(SHARES).balance : USDC.balanceOf(address(SHARES));
    }

    /// @notice What the vault holds of currency `t`, at its address and in its Ledger balance.
    function held(uint256 t) public view returns (uint256) {
        return
            (t == 0 ? address(SHARES).balance : USDC.balanceOf(address(SHARES))) +
            LEDGER.balanceOf(address(SHARES), token(t));
    }

    // ---------------------------------------------------------------------------------------------
    // Income
    // ---------------------------------------------------------------------------------------------

    /// @notice ETH income: sent (receive), deposited, or credited in the Ledger and collected.
    function incomeEth(uint256 how, uint256 amount) external {
        amount = bound(amount, 1, 1e24);
        uint256 before = held(0);
        vm.deal(PAYER, amount);
        vm.startPrank(PAYER);
        how %= 3;
        if (how == 0) {
            (bool ok, ) = address(SHARES).call{value: amount}("");
            assertTrue(ok, "ETH sent to the vault");
        } else if (how == 1) {
            SHARES.deposit{value: amount}(ETH, amount);
        } else {
            LEDGER.deposit{value: amount}(address(SHARES), ETH, amount, "split");
            _booked(0, amount, before, true);
            assertEq(SHARES.collect(ETH), waiting[0], "collect takes the Ledger balance");
            _takenIn(0);
            vm.stopPrank();
            return;
        }
        vm.stopPrank();
        _booked(0, amount, before, false);
    }

    /// @notice USDC income: deposited, or credited in the Ledger and collected.
    function incomeUsdc(uint256 how, uint256 amount) external {
        amount = bound(amount, 1, 1e24);
        uint256 before = held(1);
        USDC.mint(PAYER, amount);
        vm.startPrank(PAYER);
        if (how % 2 == 0) {
            USDC.approve(address(SHARES), amount);
            SHARES.deposit(address(USDC), amount);
        } else {
            USDC.approve(address(LEDGER), amount);
            LEDGER.deposit(address(SHARES), address(USDC), amount, "split");
            _booked(1, amount, before, true);
            assertEq(SHARES.collect(address(USDC)), waiting[1], "collect takes all that waits");
            _takenIn(1);
            vm.stopPrank();
            return;
        }
        vm.stopPrank();
        _booked(1, amount, before, false);
    }

    /// @notice Income that waits: a split distribution credits the vault in the Ledger; nobody collects.
    function incomeWaits(bool usdc, uint256 amount) external {
        uint256 t = usdc ? 1 : 0;
        amount = bound(amount, 1, 1e24);
        uint256 before = held(t);
        vm.startPrank(PAYER);
        if (t == 0) {
            vm.deal(PAYER, amount);
            LEDGER.deposit{value: amount}(address(SHARES), ETH, amount, "split");
        } else {
            USDC.mint(PAYER, amount);
            USDC.approve(address(LEDGER), amount);
            LEDGER.deposit(address(SHARES), address(USDC), amount, "split");
        }
        vm.stopPrank();
        _booked(t, amount, before, true);
        calls["waits"] += 1;
    }

    /// @notice Anyone pushes the vault's Ledger balance to it: ETH arrives through receive() (taken in), USDC
    ///         lands at its address and keeps waiting, unaccounted, until something takes it in.
    function pushWaiting(bool usdc) external {
        uint256 t = usdc ? 1 : 0;
        if (LEDGER.balanceOf(address(SHARES), token(t)) == 0) return;
        uint256 before = held(t);
        vm.prank(WALLET);
        LEDGER.withdraw(address(SHARES), token(t));
        assertEq(held(t), before, "pushed, still the vault's");
        if (t == 0) _takenIn(0);
        calls["push"] += 1;
    }

    /// @notice A stranger collects (nothing waiting: Income_ZeroAmount).
    function collect(bool usdc) external {
        uint256 t = usdc ? 1 : 0;
        vm.prank(WALLET);
        if (waiting[t] == 0) {
            vm.expectRevert(IIncomeVault.Income_ZeroAmount.selector);
            SHARES.collect(token(t));
            return;
        }
        assertEq(SHARES.collect(token(t)), waiting[t], "collect takes all that waits");
        _takenIn(t);
        calls["collect"] += 1;
    }

    /// @dev Books income that arrived, with the balances now (`waits`: not taken in yet).
    function _booked(uint256 t, uint256 amount, uint256 before, bool waits) internal {
        assertEq(held(t), before + amount, "the vault holds the income");
        income[t] += amount;
        if (waits) waiting[t] += amount;
        for (uint256 i; i < N; ++i) {
            if (waits) {
                pendNum[t][i] += amount * bal[i];
                pendDust[t][i] += bal[i];
            } else {
                num[t][i] += amount * bal[i];
                dust[t][i] += bal[i];
            }
            if (bal[i] != 0) arrived[t][i] += amount;
        }
        calls["income"] += 1;
    }

    /// @dev What waited in currency `t` was taken in.
    function _takenIn(uint256 t) internal {
        waiting[t] = 0;
        for (uint256 i; i < N; ++i) {
            num[t][i] += pendNum[t][i];
            dust[t][i] += pendDust[t][i];
            pendNum[t][i] = 0;
            pendDust[t][i] = 0;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Shares moving
    // ---------------------------------------------------------------------------------------------

    /// @notice Holder `from` sends up to all it may move to `to` (itself included), directly or through an
    ///         approved spender.
    function transfer(uint256 from, uint256 to, uint256 amount, bool bySpender) external {
        uint256 f = from % N;
        uint256 r = to % N;
        uint256 movable = bal[f] - (f == 0 ? SHARES.offeringRemaining() : 0);
        amount = bound(amount, 0, movable);
        (uint256[N][2] memory before, uint256 total) = _snapshot();
        bool waited = waiting[0] != 0 || waiting[1] != 0;
        _takenIn(0);
        _takenIn(1);
        bal[f] -= amount;
        bal[r] += amount;
        ghostTransfers += 1;
        calls[amount == 0 ? bytes32("transferZero") : bytes32("transfer")] += 1;
        if (bySpender) {
            vm.prank(holders[f]);
            SHARES.approve(SPENDER, amount);
            vm.prank(SPENDER);
            SHARES.transferFrom(holders[f], holders[r], amount);
            assertEq(SHARES.allowance(holders[f], SPENDER), 0, "the allowance was used");
        } else {
            vm.prank(holders[f]);
            SHARES.transfer(holders[r], amount);
        }
        assertEq(SHARES.balanceOf(holders[f]), bal[f], "sender balance");
        assertEq(SHARES.balanceOf(holders[r]), bal[r], "receiver balance");
        _assertUnchanged(before, total, waited);
    }

    /// @notice Holder `from` lends shares to `to`, which collects what waits, then gives them back (a flash
    ///         loan's sequence, in one call): the borrower must gain nothing from income that arrived before.
    function flashHold(uint256 from, uint256 to, uint256 amount) external {
        uint256 f = from % N;
        uint256 r = to % N;
        if (f == r) r = (r + 1) % N;
        uint256 movable = bal[f] - (f == 0 ? SHARES.offeringRemaining() : 0);
        if (movable == 0) return;
        amount = bound(amount, 1, movable);
        calls["flashHold"] += 1;
        vm.prank(holders[f]);
        SHARES.transfer(holders[r], amount);
        _takenIn(0);
        _takenIn(1);
        // From here the borrower holds the loan: what it collects now arrived before it.
        uint256[N][2] memory mid = claimables();
        for (uint256 t; t < 2; ++t) {
            if (LEDGER.balanceOf(address(SHARES), token(t)) != 0) {
                vm.prank(holders[r]);
                SHARES.collect(token(t));
            }
        }
        vm.prank(holders[r]);
        SHARES.transfer(holders[f], amount); // the balances are back where the model has them
        uint256 broke =
            (SHARES.claimable(holders[r], ETH) != mid[0][r] ? 1 : 0) +
                (SHARES.claimable(holders[r], address(USDC)) != mid[1][r] ? 1 : 0);
        // solhint-disable-next-line reentrancy
        ghostMoved += broke;
    }

    /// @notice Moving more than the artist may (its shares still on offer are reserved) is refused.
    function transferReserved(uint256 to, uint256 extra) external {
        uint256 reserved = SHARES.offeringRemaining();
        if (reserved == 0) return;
        uint256 movable = bal[0] - reserved;
        uint256 amount = movable + bound(extra, 1, reserved);
        calls["reserved"] += 1;
        vm.prank(holders[0]);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_Reserved.selector, reserved, bal[0], amount));
        SHARES.transfer(holders[1 + (to % (N - 1))], amount);
    }

    /// @notice Fan `who` buys in the offering, within what is left and its wallet cap.
    function buy(uint256 who, uint256 amount) external {
        uint256 h = 1 + (who % (N - 1));
        address fan = holders[h];
        IRoyaltyShares.Offering memory o = SHARES.offering();
        uint256 left = SHARES.offeringRemaining();
        uint256 room = o.walletCap == 0 ? left : o.walletCap - SHARES.boughtBy(fan);
        if (room > left) room = left;
        if (room == 0) return;
        amount = bound(amount, 1, room);
        (uint256[N][2] memory before, uint256 total) = _snapshot();
        bool waited = waiting[0] != 0 || waiting[1] != 0;
        _takenIn(0);
        _takenIn(1);
        uint256 vaultEth = held(0);
        bal[0] -= amount;
        bal[h] += amount;
        ghostTransfers += 1;
        vm.deal(fan, amount * PRICE);
        vm.prank(fan);
        SHARES.buy{value: amount * PRICE}(amount, address(0), PRICE);
        assertEq(SHARES.balanceOf(fan), bal[h], "the fan got its shares");
        assertEq(held(0), vaultEth, "the proceeds go to the Ledger, not the vault");
        _assertUnchanged(before, total, waited);
        calls["buy"] += 1;
    }

    /// @notice The artist ends the offering (refused when it is not open: Shares_OfferingClosed).
    function endOffering() external {
        IRoyaltyShares.Offering memory o = SHARES.offering();
        if (SHARES.offeringRemaining() == 0) {
            vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_OfferingClosed.selector, o.start, o.end));
        }
        vm.prank(holders[0]);
        SHARES.endOffering();
        assertEq(SHARES.offeringRemaining(), 0, "ended");
        calls["endOffering"] += 1;
    }

    /// @notice Time passes (the offering's window closes after a while).
    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
    }

    // ---------------------------------------------------------------------------------------------
    // Claims
    // ---------------------------------------------------------------------------------------------

    /// @notice Anyone claims for holder `who`, or the holder claims to another wallet (claimTo).
    function claim(uint256 who, bool usdc, bool toWallet) external {
        uint256 i = who % N;
        uint256 t = usdc ? 1 : 0;
        address account = holders[i];
        address tok = token(t);
        address to = toWallet ? WALLET : account;
        uint256 due = SHARES.claimable(account, tok);
        if (due == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, tok));
            _claim(account, tok, to);
            return;
        }
        uint256 vaultBefore = held(t);
        uint256 theirs = t == 0 ? to.balance : USDC.balanceOf(to);
        claimed[t][i] += due;
        assertEq(_claim(account, tok, to), due, "claim pays what was claimable");
        assertEq(held(t), vaultBefore - due, "out of the vault");
        assertEq(t == 0 ? to.balance : USDC.balanceOf(to), theirs + due, "to the receiver");
        assertEq(SHARES.claimable(account, tok), 0, "nothing left to claim");
        calls[toWallet ? bytes32("claimTo") : bytes32("claim")] += 1;
        checkHolder(t, i);
    }

    /// @dev claim(account) by anyone, or claimTo(to) by the account.
    function _claim(address account, address tok, address to) internal returns (uint256) {
        if (to == account) return SHARES.claim(account, tok);
        vm.prank(account);
        return SHARES.claimTo(tok, to);
    }

    /// @notice Anyone claims both currencies for holder `who`.
    function claimAll(uint256 who) external {
        uint256 i = who % N;
        address account = holders[i];
        uint256 eth = SHARES.claimable(account, ETH);
        uint256 tok = SHARES.claimable(account, address(USDC));
        if (eth == 0 && tok == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, ETH));
            SHARES.claimAll(account);
            return;
        }
        claimed[0][i] += eth;
        claimed[1][i] += tok;
        (uint256 paidEth, uint256 paidTok) = SHARES.claimAll(account);
        assertEq(paidEth, eth, "claimAll: ETH");
        assertEq(paidTok, tok, "claimAll: USDC");
        calls["claimAll"] += 1;
        checkHolder(0, i);
        checkHolder(1, i);
    }

    // ---------------------------------------------------------------------------------------------
    // Model checks (also called by the invariants)
    // ---------------------------------------------------------------------------------------------

    function claimables() public view returns (uint256[N][2] memory c) {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) c[t][i] = SHARES.claimable(holders[i], token(t));
        }
    }

    /// @dev Every holder's claimable, and the total earned (claimed + claimable) over both currencies.
    function _snapshot() internal view returns (uint256[N][2] memory c, uint256 total) {
        c = claimables();
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) total += c[t][i] + claimed[t][i];
        }
    }

    /// @dev Records (without reverting) a move that changed a holder's claimable: with nothing waiting, any
    ///      change; with income waiting (taken in by the move), any decrease. The model checks then bound what
    ///      the waiting income gave each holder.
    function _assertUnchanged(uint256[N][2] memory before, uint256 total, bool waited) internal {
        (uint256[N][2] memory afterwards, uint256 totalAfter) = _snapshot();
        bool broke = waited ? totalAfter < total : totalAfter != total;
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) {
                if (waited ? afterwards[t][i] < before[t][i] : afterwards[t][i] != before[t][i]) broke = true;
            }
        }
        if (broke) ghostMoved += 1;
    }

    /// @notice What holder `i` has earned in currency `t`: claimed + claimable.
    function earned(uint256 t, uint256 i) public view returns (uint256) {
        return claimed[t][i] + SHARES.claimable(holders[i], token(t));
    }

    /// @notice Holder `i`'s earnings against its exact entitlement: never above its share of everything that
    ///         arrived while it held shares (taken in or waiting) but for the carried remainder it received
    ///         (below dust / 1e9), at most one unit below its share of what was taken in.
    function checkHolder(uint256 t, uint256 i) public view {
        uint256 e = earned(t, i);
        uint256 d = dust[t][i] + pendDust[t][i];
        assertLe(e * SCALE * SUPPLY, (num[t][i] + pendNum[t][i]) * SCALE + d * SUPPLY, "never above the exact share");
        assertLe(num[t][i] * SCALE, (e + 1) * SCALE * SUPPLY + dust[t][i] * SUPPLY, "at most one unit below");
    }

    /// @notice Nobody has earned (claimed + claimable) more than the income that arrived while it held shares.
    function checkArrivedWhileHeld() external view {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) assertLe(earned(t, i), arrived[t][i], "earned only what arrived while held");
        }
    }

    /// @notice The whole model: every holder, the balances, and money in == claims + held.
    function checkModel() external view {
        for (uint256 t; t < 2; ++t) {
            uint256 out;
            for (uint256 i; i < N; ++i) {
                checkHolder(t, i);
                out += claimed[t][i];
            }
            assertEq(held(t), income[t] - out, "the vault holds income - claims");
        }
        uint256 sum;
        for (uint256 i; i < N; ++i) {
            assertEq(SHARES.balanceOf(holders[i]), bal[i], "balances");
            sum += bal[i];
        }
        assertEq(sum, SUPPLY, "the holders hold the supply");
    }
}
