// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";

/// @title SharesFuzzTest
/// @notice Royalty shares under arbitrary sequences of income (ETH sent, ETH and USDC deposited, Ledger
///         credits collected), transfers, offering buys and claims, against a reference model kept here: a
///         holder's exact entitlement is the sum over incomes of amount * its balance then / supply. What a
///         holder has claimed plus what it can still claim is that entitlement floored, at most one unit
///         below, and never above it except by its part of the carried remainder (below a billionth of a unit
///         per share held per income: see RevenuePerUnitTest.test_earned_carriedRemainderGoesToTheNextHolders).
///         Transfers and buys never change what anyone has earned; the vault holds exactly income - claims.
///         Bad input: buying past the wallet cap, past what is left or outside the window, claiming nothing.
contract SharesFuzzTest is RevenueFixture {
    uint256 internal constant SCALE = 1e9;
    uint256 internal constant STEPS = 32;
    uint256 internal constant PRICE = 1e15;
    uint256 internal constant HOLDERS = 4;

    RoyaltyShares internal shares;
    uint256 internal supply;
    address internal payer;
    address[HOLDERS] internal holders;

    // The reference model: index 0 is ETH, 1 is USDC.
    uint256[HOLDERS] internal bal;
    /// @dev Sum over incomes of amount * balance then: the exact entitlement is num / supply.
    uint256[HOLDERS][2] internal num;
    /// @dev Sum over incomes of the balance then: bounds the carried remainder a holder may receive (scaled).
    uint256[HOLDERS][2] internal dust;
    uint256[HOLDERS][2] internal claimed;
    uint256[2] internal income;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        payer = makeAddr("payer");
        holders = [artist, makeAddr("fan-a"), makeAddr("fan-b"), makeAddr("fan-c")];
    }

    function _token(uint256 t) internal view returns (address) {
        return t == 0 ? ETH : address(usdc);
    }

    function _open(uint64 supply_) internal {
        supply = supply_;
        IRoyaltyShares.Offering memory o = IRoyaltyShares.Offering({
            currency: ETH,
            price: uint96(PRICE),
            amount: supply_ / 2,
            walletCap: 0,
            start: 0,
            end: 0
        });
        shares = newShares(supply_, o);
        bal[0] = supply_;
    }

    // ---------------------------------------------------------------------------------------------
    // Sequences against the model
    // ---------------------------------------------------------------------------------------------

    function testFuzz_sequence_claimsMatchTheModel(uint64 supply_, uint256 seed) public {
        _open(uint64(bound(supply_, 1, 1e9)));
        for (uint256 i; i < STEPS; ++i) {
            uint256 x = uint256(keccak256(abi.encode(seed, i)));
            uint256 op = x % 9;
            x >>= 8;
            if (op < 4) _income(op, x);
            else if (op < 6) _transfer(x);
            else if (op == 6) _buy(x);
            else if (op == 7) _claim(x);
            else _claimAll(x);
        }
        _checkAll();
    }

    /// @notice Small supplies (where one share is a large part of every income) with many incomes.
    function testFuzz_sequence_smallSupply(uint8 supply_, uint256 seed) public {
        _open(uint64(bound(supply_, 1, 5)));
        for (uint256 i; i < STEPS; ++i) {
            uint256 x = uint256(keccak256(abi.encode(seed, i)));
            uint256 op = x % 6;
            x >>= 8;
            if (op < 3) _income(op, x);
            else if (op == 3) _transfer(x);
            else _claim(x);
        }
        _checkAll();
    }

    /// @dev Income of 1 wei to 1e24, by one of: ETH sent, ETH or USDC deposited, a Ledger credit collected.
    function _income(uint256 how, uint256 x) internal {
        uint256 amount = 1 + ((x >> 8) % 10 ** ((x & 0xff) % 25));
        uint256 t = how == 0 || how == 1 || (how == 3 && (x >> 200) % 2 == 0) ? 0 : 1;
        address token = _token(t);
        uint256 before = held(address(shares), token);
        if (how == 0) {
            sendEth(address(shares), payer, amount);
        } else if (how == 1) {
            vm.deal(payer, amount);
            vm.prank(payer);
            shares.deposit{value: amount}(ETH, amount);
        } else if (how == 2) {
            depositUsdc(address(shares), payer, amount);
        } else {
            _creditInLedger(token, amount);
            assertEq(shares.collect(token), amount, "collect takes the whole Ledger balance");
        }
        assertEq(held(address(shares), token), before + amount, "the vault holds the income");
        income[t] += amount;
        for (uint256 h; h < HOLDERS; ++h) {
            num[t][h] += amount * bal[h];
            dust[t][h] += bal[h];
        }
    }

    function _creditInLedger(address token, uint256 amount) internal {
        if (token == ETH) {
            vm.deal(payer, amount);
            vm.prank(payer);
            ledger.deposit{value: amount}(address(shares), ETH, amount, "split");
        } else {
            usdc.mint(payer, amount);
            vm.startPrank(payer);
            usdc.approve(address(ledger), amount);
            ledger.deposit(address(shares), token, amount, "split");
            vm.stopPrank();
        }
    }

    function _claimables() internal view returns (uint256[HOLDERS][2] memory c) {
        for (uint256 t; t < 2; ++t) {
            for (uint256 h; h < HOLDERS; ++h) c[t][h] = shares.claimable(holders[h], _token(t));
        }
    }

    function _assertUnchanged(uint256[HOLDERS][2] memory before, string memory what) internal view {
        uint256[HOLDERS][2] memory afterwards = _claimables();
        for (uint256 t; t < 2; ++t) {
            for (uint256 h; h < HOLDERS; ++h) assertEq(afterwards[t][h], before[t][h], what);
        }
    }

    function _transfer(uint256 x) internal {
        uint256 f = x % HOLDERS;
        uint256 to = (x >> 8) % HOLDERS;
        uint256 movable = bal[f] - (f == 0 ? shares.offeringRemaining() : 0);
        uint256 amount = bound(x >> 16, 0, movable);
        uint256[HOLDERS][2] memory before = _claimables();
        bal[f] -= amount;
        bal[to] += amount;
        vm.prank(holders[f]);
        shares.transfer(holders[to], amount);
        assertEq(shares.balanceOf(holders[f]), bal[f], "sender balance");
        assertEq(shares.balanceOf(holders[to]), bal[to], "receiver balance");
        _assertUnchanged(before, "a transfer changes nobody's earnings");
    }

    function _buy(uint256 x) internal {
        uint256 left = shares.offeringRemaining();
        if (left == 0) return;
        uint256 h = 1 + (x % (HOLDERS - 1));
        uint256 amount = bound(x >> 8, 1, left);
        uint256[HOLDERS][2] memory before = _claimables();
        uint256 vaultEth = address(shares).balance;
        vm.deal(holders[h], amount * PRICE);
        vm.prank(holders[h]);
        shares.buy{value: amount * PRICE}(amount, address(0), PRICE);
        bal[0] -= amount;
        bal[h] += amount;
        assertEq(shares.balanceOf(holders[h]), bal[h], "the buyer got the shares");
        assertEq(address(shares).balance, vaultEth, "the proceeds go to the Ledger, not the vault");
        _assertUnchanged(before, "a buy changes nobody's earnings");
    }

    function _claim(uint256 x) internal {
        uint256 h = x % HOLDERS;
        uint256 t = (x >> 8) % 2;
        address token = _token(t);
        address account = holders[h];
        uint256 due = shares.claimable(account, token);
        if (due == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, token));
            shares.claim(account, token);
            return;
        }
        uint256 vaultBefore = held(address(shares), token);
        uint256 mineBefore = held(account, token);
        assertEq(shares.claim(account, token), due, "claim pays what was claimable");
        assertEq(held(address(shares), token), vaultBefore - due, "out of the vault");
        assertEq(held(account, token), mineBefore + due, "to the holder");
        assertEq(shares.claimable(account, token), 0, "nothing left to claim");
        claimed[t][h] += due;
        _checkHolder(t, h);
    }

    function _claimAll(uint256 x) internal {
        uint256 h = x % HOLDERS;
        address account = holders[h];
        uint256 eth = shares.claimable(account, ETH);
        uint256 tok = shares.claimable(account, address(usdc));
        if (eth == 0 && tok == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, ETH));
            shares.claimAll(account);
            return;
        }
        (uint256 paidEth, uint256 paidTok) = shares.claimAll(account);
        assertEq(paidEth, eth, "claimAll: ETH");
        assertEq(paidTok, tok, "claimAll: USDC");
        claimed[0][h] += eth;
        claimed[1][h] += tok;
        _checkHolder(0, h);
        _checkHolder(1, h);
    }

    /// @dev claimed + claimable against the exact entitlement num / supply (see the contract's notice).
    function _checkHolder(uint256 t, uint256 h) internal view {
        uint256 e = claimed[t][h] + shares.claimable(holders[h], _token(t));
        assertLe(e * SCALE * supply, num[t][h] * SCALE + dust[t][h] * supply, "never above the exact share");
        assertLe(num[t][h] * SCALE, (e + 1) * SCALE * supply + dust[t][h] * supply, "at most one unit below");
    }

    function _checkAll() internal view {
        for (uint256 t; t < 2; ++t) {
            uint256 earned;
            uint256 out;
            for (uint256 h; h < HOLDERS; ++h) {
                _checkHolder(t, h);
                earned += claimed[t][h] + shares.claimable(holders[h], _token(t));
                out += claimed[t][h];
            }
            assertLe(earned, income[t], "rounding never creates value");
            assertLe(income[t], earned + HOLDERS, "at most one unit of dust per holder");
            assertEq(held(address(shares), _token(t)), income[t] - out, "the vault holds income - claims");
        }
        for (uint256 h; h < HOLDERS; ++h) assertEq(shares.balanceOf(holders[h]), bal[h], "balances");
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input
    // ---------------------------------------------------------------------------------------------

    function _offering(uint64 amount, uint64 cap, uint32 start, uint32 end) internal returns (RoyaltyShares s) {
        s = newShares(
            1e6,
            IRoyaltyShares.Offering({
                currency: ETH,
                price: uint96(PRICE),
                amount: amount,
                walletCap: cap,
                start: start,
                end: end
            })
        );
    }

    function _buyAs(RoyaltyShares s, address buyer, uint256 amount) internal {
        vm.deal(buyer, amount * PRICE);
        vm.prank(buyer);
        s.buy{value: amount * PRICE}(amount, address(0), PRICE);
    }

    function testFuzz_buy_revertsPastTheWalletCap(uint64 cap, uint256 first, uint256 extra) public {
        cap = uint64(bound(cap, 1, 1000));
        first = bound(first, 0, cap);
        extra = bound(extra, cap - first + 1, 10_000);
        RoyaltyShares s = _offering(100_000, cap, 0, 0);
        address fan = holders[1];
        if (first != 0) _buyAs(s, fan, first);
        assertEq(s.boughtBy(fan), first, "bought so far");
        vm.deal(fan, extra * PRICE);
        vm.prank(fan);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_WalletCap.selector, fan, cap, first, extra));
        s.buy{value: extra * PRICE}(extra, address(0), PRICE);
        if (first < cap) _buyAs(s, fan, cap - first); // up to the cap is fine
        assertEq(s.balanceOf(fan), cap, "exactly the cap");
    }

    function testFuzz_buy_revertsPastWhatIsLeft(uint64 amount, uint256 first, uint256 extra) public {
        amount = uint64(bound(amount, 1, 1000));
        first = bound(first, 0, amount);
        extra = bound(extra, amount - first + 1, 10_000);
        RoyaltyShares s = _offering(amount, 0, 0, 0);
        if (first != 0) _buyAs(s, holders[1], first);
        uint256 left = amount - first;
        vm.deal(holders[2], extra * PRICE);
        vm.prank(holders[2]);
        if (left == 0) {
            vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_OfferingClosed.selector, block.timestamp, 0));
        } else {
            vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_SoldOut.selector, extra, left));
        }
        s.buy{value: extra * PRICE}(extra, address(0), PRICE);
    }

    function testFuzz_buy_revertsOutsideTheWindow(uint32 delay, uint32 length, uint256 at) public {
        uint256 start = block.timestamp + bound(delay, 1, 365 days);
        uint256 end = start + bound(length, 1, 365 days);
        RoyaltyShares s = _offering(1000, 0, uint32(start), uint32(end));
        // Before the start or from the end on (the end is exclusive).
        at = at % 2 == 0 ? bound(at, block.timestamp, start - 1) : bound(at, end, end + 365 days);
        vm.warp(at);
        vm.deal(holders[1], PRICE);
        vm.prank(holders[1]);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.Shares_OfferingClosed.selector, start, end));
        s.buy{value: PRICE}(1, address(0), PRICE);
        vm.warp(start + (at % (end - start))); // inside it is fine
        _buyAs(s, holders[1], 1);
        assertEq(s.balanceOf(holders[1]), 1, "bought inside the window");
    }

    function testFuzz_claim_revertsWhenNothingToClaim(uint256 who, uint256 amount, bool usdcIncome) public {
        _open(1000);
        address account = holders[who % HOLDERS];
        address token = usdcIncome ? address(usdc) : ETH;
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, token));
        shares.claim(account, token); // before any income
        amount = bound(amount, 1, 1e24);
        if (usdcIncome) depositUsdc(address(shares), payer, amount);
        else sendEth(address(shares), payer, amount);
        uint256 due = shares.claimable(account, token);
        if (account == artist) {
            assertEq(shares.claim(account, token), amount, "the artist holds every share");
        }
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, token));
        shares.claim(account, token); // a fan holding nothing, or the artist again
        assertEq(due, account == artist ? amount : 0, "claimable before");
        vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, ETH));
        shares.claimAll(account);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding
    // ---------------------------------------------------------------------------------------------

    /// @notice Regression (fixed: `collect` counts the currency held beyond what the vault owes): anyone may
    ///         trigger ILedger.withdraw(owner, token), and an ERC-20 it pays to a vault arrives outside
    ///         `collect`. It must still become the holders' income, not stay locked in the vault (`release`
    ///         refuses the vault's own currency); the same holds for pools.
    function testFuzz_collect_usdcPushedByAnyoneIsStillIncome(address caller, uint256 amount) public {
        _open(1000); // the artist holds every share
        amount = bound(amount, 1, 1e24);
        _creditInLedger(address(usdc), amount);
        vm.prank(caller);
        ledger.withdraw(address(shares), address(usdc)); // "Anyone may trigger it for the owner"
        assertEq(usdc.balanceOf(address(shares)), amount, "the vault holds the USDC");
        assertEq(shares.collect(address(usdc)), amount, "collect takes in what was pushed to the vault");
        assertEq(shares.claimable(artist, address(usdc)), amount, "the holders' income, claimable");
    }
}
