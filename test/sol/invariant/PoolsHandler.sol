// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title PoolsHandler
/// @notice Drives one revenue pool (ETH and USDC income) through random sequences of income (ETH sent, ETH and
///         USDC deposited, Ledger credits collected), income that WAITS in the pool's Ledger balance while
///         members join and leave (each join and leave takes it in first), a stranger's collect, join requests
///         accepted or rejected (by the admin, or by the members' vote under the vote policy), leaves, claims,
///         claimAll and budget spends (proposed by a member, voted through by the electors), by five
///         candidates, the admin first.
/// @dev Keeps a reference model: each member's exact share of every income is rest * weight / total weight
///      (rest = income less the budget's part; all of it goes to the budget while there are no members),
///      kept as rationals floored (`lo`) and ceiled (`up`) at 1e18 precision, and `dust`, a bound on the
///      carried remainder a member may receive: what it claimed plus what it can claim is at most its exact
///      share plus that dust and at most one unit below. Income that waits is shared in the model when it is
///      taken in (with the weights then, which no membership change may precede); `arrived` counts, per
///      candidate, the income that arrived while it was a member, which nobody's earnings may exceed. With
///      nothing waiting, a membership change must leave every account's claimable unchanged, exactly (with
///      income waiting, it may only add to them); the budget follows the rule exactly. Every call is bounded so that it
///      succeeds or reverts with the error the rules name (failOnRevert).
contract PoolsHandler is Test {
    uint256 public constant N = 5;
    uint256 internal constant SCALE = 1e9;
    uint256 internal constant Q = 1e18;
    uint256 internal constant BPS = 10_000;
    address internal constant ETH = address(0);
    /// @dev One income at most (1e6 ETH): a pool's lifetime income per unit of weight is capped near 1.7e26
    ///      base units (Income_TooMuch), which 100 such incomes into a pool of weight 1 stay below.
    uint256 public constant MAX_INCOME = 1e24;

    RevenuePool public immutable POOL;
    Ledger public immutable LEDGER;
    TestToken public immutable USDC;
    address public immutable ADMIN;
    address public immutable PAYER = vm.addr(0xFA7E5);
    address public immutable GRANTEE = vm.addr(0x6A47);

    address[N] public candidates;
    uint256[N] public weight;
    uint256 public totalWeight;

    // The reference model, per currency (0: ETH, 1: USDC).
    uint256[N][2] public lo;
    uint256[N][2] public up;
    uint256[N][2] public dust;
    uint256[N][2] public claimed;
    uint256[2] public income;
    uint256[2] public budget;
    uint256[2] public spent;
    uint256[2] public accrued;
    /// @dev Income in the pool's Ledger balance, not taken in yet.
    uint256[2] public waiting;
    uint256[N][2] public arrived;
    /// @dev The total weight at the last accrual: the carried remainder is below it (scaled).
    uint256[2] internal _lastWeight;

    mapping(bytes32 action => uint256) public calls;

    constructor(RevenuePool pool, Ledger ledger, TestToken usdc) {
        POOL = pool;
        LEDGER = ledger;
        USDC = usdc;
        ADMIN = pool.ADMIN();
        candidates[0] = ADMIN;
        for (uint256 i = 1; i < N; ++i) candidates[i] = vm.addr(0xBA2D + i);
        weight[0] = pool.unitsOf(ADMIN);
        totalWeight = weight[0];
    }

    function token(uint256 t) public view returns (address) {
        return t == 0 ? ETH : address(USDC);
    }

    /// @notice What the pool holds of currency `t` at its address (what claims and spends are paid from).
    function heldHere(uint256 t) public view returns (uint256) {
        return t == 0 ? address(POOL).balance : USDC.balanceOf(address(POOL));
    }

    /// @notice What the pool holds of currency `t`, at its address and in its Ledger balance.
    function held(uint256 t) public view returns (uint256) {
        return heldHere(t) + LEDGER.balanceOf(address(POOL), token(t));
    }

    // ---------------------------------------------------------------------------------------------
    // Income
    // ---------------------------------------------------------------------------------------------

    /// @notice ETH income: sent (receive), deposited, or credited in the Ledger and collected.
    function incomeEth(uint256 how, uint256 amount) external {
        amount = bound(amount, 1, MAX_INCOME);
        uint256 before = held(0);
        vm.deal(PAYER, amount);
        vm.startPrank(PAYER);
        how %= 3;
        if (how == 0) {
            (bool ok, ) = address(POOL).call{value: amount}("");
            assertTrue(ok, "ETH sent to the pool");
        } else if (how == 1) {
            POOL.deposit{value: amount}(ETH, amount);
        } else {
            LEDGER.deposit{value: amount}(address(POOL), ETH, amount, "split");
            _arrived(0, amount, before);
            assertEq(POOL.collect(ETH), waiting[0] + amount, "collect takes the Ledger balance");
            vm.stopPrank();
            _takeIn(0, amount);
            return;
        }
        vm.stopPrank();
        _arrived(0, amount, before);
        _booked(0, amount);
    }

    /// @notice USDC income: deposited, or credited in the Ledger and collected.
    function incomeUsdc(uint256 how, uint256 amount) external {
        amount = bound(amount, 1, MAX_INCOME);
        uint256 before = held(1);
        USDC.mint(PAYER, amount);
        vm.startPrank(PAYER);
        if (how % 2 == 0) {
            USDC.approve(address(POOL), amount);
            POOL.deposit(address(USDC), amount);
        } else {
            USDC.approve(address(LEDGER), amount);
            LEDGER.deposit(address(POOL), address(USDC), amount, "split");
            _arrived(1, amount, before);
            assertEq(POOL.collect(address(USDC)), waiting[1] + amount, "collect takes the Ledger balance");
            vm.stopPrank();
            _takeIn(1, amount);
            return;
        }
        vm.stopPrank();
        _arrived(1, amount, before);
        _booked(1, amount);
    }

    /// @notice Income that waits: a split distribution credits the pool in the Ledger; nobody collects.
    function incomeWaits(bool usdc, uint256 amount) external {
        uint256 t = usdc ? 1 : 0;
        amount = bound(amount, 1, MAX_INCOME);
        uint256 before = held(t);
        vm.startPrank(PAYER);
        if (t == 0) {
            vm.deal(PAYER, amount);
            LEDGER.deposit{value: amount}(address(POOL), ETH, amount, "split");
        } else {
            USDC.mint(PAYER, amount);
            USDC.approve(address(LEDGER), amount);
            LEDGER.deposit(address(POOL), address(USDC), amount, "split");
        }
        vm.stopPrank();
        _arrived(t, amount, before);
        waiting[t] += amount;
        calls["waits"] += 1;
    }

    /// @notice A stranger collects what waits (nothing: Income_ZeroAmount).
    function collect(bool usdc) external {
        uint256 t = usdc ? 1 : 0;
        vm.prank(GRANTEE);
        if (waiting[t] == 0) {
            vm.expectRevert(IIncomeVault.Income_ZeroAmount.selector);
            POOL.collect(token(t));
            return;
        }
        assertEq(POOL.collect(token(t)), waiting[t], "collect takes all that waits");
        _takeIn(t, 0);
        calls["collect"] += 1;
    }

    /// @dev Income arrived (in the Ledger balance or at the address): it is the members' of now.
    function _arrived(uint256 t, uint256 amount, uint256 before) internal {
        assertEq(held(t), before + amount, "the pool holds the income");
        income[t] += amount;
        for (uint256 i; i < N; ++i) {
            if (weight[i] != 0) arrived[t][i] += amount;
        }
    }

    /// @dev What waits, plus `amount` arriving with it, taken in as one income (as the pool does).
    function _takeIn(uint256 t, uint256 amount) internal {
        uint256 all = waiting[t] + amount;
        waiting[t] = 0;
        if (all != 0) _booked(t, all);
    }

    /// @dev Books income taken in with the weights now.
    function _booked(uint256 t, uint256 amount) internal {
        uint256 w = totalWeight;
        uint256 toBudget = w == 0 ? amount : (amount * POOL.BUDGET_BPS()) / BPS;
        budget[t] += toBudget;
        assertEq(POOL.budget(token(t)), budget[t], "the budget's part, exactly");
        uint256 rest = amount - toBudget;
        calls[w == 0 ? bytes32("incomeToBudget") : bytes32("income")] += 1;
        if (rest == 0) return;
        accrued[t] += rest;
        uint256 widest = _lastWeight[t] > w ? _lastWeight[t] : w;
        _lastWeight[t] = w;
        for (uint256 i; i < N; ++i) {
            if (weight[i] == 0) continue;
            uint256 share = rest * weight[i] * Q;
            lo[t][i] += share / w;
            up[t][i] += (share + w - 1) / w;
            dust[t][i] += widest;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Membership
    // ---------------------------------------------------------------------------------------------

    /// @notice Candidate `who` asks to join with `w` (1 under the equal rule); the request is decided.
    function join(uint256 who, uint256 w, bool accept) external {
        uint256 i = who % N;
        address account = candidates[i];
        w = POOL.RULE() == IRevenuePool.Rule.Equal ? 1 : bound(w, 1, POOL.MAX_WEIGHT());
        if (weight[i] != 0) {
            vm.prank(account);
            vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_AlreadyMember.selector, account));
            POOL.requestJoin(w, "");
            return;
        }
        uint256[N][2] memory before = claimables();
        bool waited = accept && (waiting[0] != 0 || waiting[1] != 0);
        vm.prank(account);
        uint256 id = POOL.requestJoin(w, "");
        _decide(id, accept);
        // An accepted join took in what waited, shared by the members before it.
        if (accept) {
            _takeIn(0, 0);
            _takeIn(1, 0);
        }
        IRevenuePool.Status status = POOL.proposal(id).status;
        if (accept) {
            assertTrue(status == IRevenuePool.Status.Executed, "accepted");
            weight[i] = w;
            totalWeight += w;
            calls["join"] += 1;
        } else {
            assertTrue(status == IRevenuePool.Status.Rejected, "rejected");
            calls["rejected"] += 1;
        }
        assertEq(POOL.unitsOf(account), weight[i], "the newcomer's weight");
        _assertUnchanged(before, waited, "a join changes nobody's earnings");
    }

    /// @dev The admin decides (admin policy, or while the proposal has no electorate), else the members
    ///      vote `accept` until it passes or fails.
    function _decide(uint256 id, bool accept) internal {
        if (POOL.POLICY() == IRevenuePool.JoinPolicy.Admin || POOL.proposal(id).electorate == 0) {
            vm.prank(ADMIN);
            POOL.decideJoin(id, accept);
            return;
        }
        _voteThrough(id, accept);
    }

    /// @dev Every member votes `support` until proposal `id` closes (all members are its electors).
    function _voteThrough(uint256 id, bool support) internal {
        for (uint256 i; i < N && POOL.proposal(id).status == IRevenuePool.Status.Open; ++i) {
            if (weight[i] == 0) continue;
            vm.prank(candidates[i]);
            POOL.vote(id, support);
        }
    }

    /// @notice Candidate `who` leaves (a non-member is refused: Pool_NotMember).
    function leave(uint256 who) external {
        uint256 i = who % N;
        address account = candidates[i];
        if (weight[i] == 0) {
            vm.prank(account);
            vm.expectRevert(abi.encodeWithSelector(IRevenuePool.Pool_NotMember.selector, account));
            POOL.leave();
            return;
        }
        uint256[N][2] memory before = claimables();
        bool waited = waiting[0] != 0 || waiting[1] != 0;
        vm.prank(account);
        POOL.leave();
        // The leave took in what waited, shared with the weights before it (the model's, not yet changed).
        _takeIn(0, 0);
        _takeIn(1, 0);
        totalWeight -= weight[i];
        weight[i] = 0;
        calls["leave"] += 1;
        assertEq(POOL.unitsOf(account), 0, "no weight left");
        _assertUnchanged(before, waited, "a leave changes nobody's earnings");
    }

    // ---------------------------------------------------------------------------------------------
    // Money out
    // ---------------------------------------------------------------------------------------------

    /// @notice Anyone claims for candidate `who` in one currency (nothing due: Income_NothingToClaim).
    function claim(uint256 who, bool usdc) external {
        uint256 i = who % N;
        uint256 t = usdc ? 1 : 0;
        address account = candidates[i];
        address tok = token(t);
        uint256 due = POOL.claimable(account, tok);
        if (due == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, tok));
            POOL.claim(account, tok);
            return;
        }
        uint256 vaultBefore = held(t);
        uint256 mine = t == 0 ? account.balance : USDC.balanceOf(account);
        claimed[t][i] += due;
        assertEq(POOL.claim(account, tok), due, "claim pays what was claimable");
        assertEq(held(t), vaultBefore - due, "out of the pool");
        assertEq(t == 0 ? account.balance : USDC.balanceOf(account), mine + due, "to the member");
        assertEq(POOL.claimable(account, tok), 0, "nothing left to claim");
        calls["claim"] += 1;
        checkMember(t, i);
    }

    /// @notice Candidate `who` claims both currencies.
    function claimAll(uint256 who) external {
        uint256 i = who % N;
        address account = candidates[i];
        uint256 eth = POOL.claimable(account, ETH);
        uint256 tok = POOL.claimable(account, address(USDC));
        if (eth == 0 && tok == 0) {
            vm.expectRevert(abi.encodeWithSelector(IIncomeVault.Income_NothingToClaim.selector, account, ETH));
            POOL.claimAll(account);
            return;
        }
        claimed[0][i] += eth;
        claimed[1][i] += tok;
        (uint256 paidEth, uint256 paidTok) = POOL.claimAll(account);
        assertEq(paidEth, eth, "claimAll: ETH");
        assertEq(paidTok, tok, "claimAll: USDC");
        calls["claimAll"] += 1;
        checkMember(0, i);
        checkMember(1, i);
    }

    /// @notice A member proposes paying part of the budget to the grantee; the members vote it through.
    function spend(uint256 who, bool usdc, uint256 amount) external {
        uint256 t = usdc ? 1 : 0;
        uint256 i = who % N;
        for (uint256 k; k < N && weight[i] == 0; ++k) i = (i + 1) % N;
        if (weight[i] == 0 || budget[t] == 0) return; // no member to propose, or nothing to spend
        amount = bound(amount, 1, budget[t]);
        address tok = token(t);
        uint256 credit = LEDGER.balanceOf(GRANTEE, tok);
        uint256 vaultBefore = held(t);
        budget[t] -= amount;
        spent[t] += amount;
        vm.prank(candidates[i]);
        uint256 id = POOL.proposeSpend(GRANTEE, tok, amount, "promotion");
        _voteThrough(id, true);
        assertTrue(POOL.proposal(id).status == IRevenuePool.Status.Executed, "a majority spends");
        assertEq(POOL.budget(tok), budget[t], "the budget paid it");
        assertEq(held(t), vaultBefore - amount, "out of the pool");
        assertEq(LEDGER.balanceOf(GRANTEE, tok), credit + amount, "credited to the grantee in the Ledger");
        calls["spend"] += 1;
    }

    // ---------------------------------------------------------------------------------------------
    // Model checks (also called by the invariants)
    // ---------------------------------------------------------------------------------------------

    function claimables() public view returns (uint256[N][2] memory c) {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) c[t][i] = POOL.claimable(candidates[i], token(t));
        }
    }

    /// @dev Nothing waited: every claimable unchanged. Something waited (and was taken in): none lower.
    function _assertUnchanged(uint256[N][2] memory before, bool waited, string memory what) internal view {
        uint256[N][2] memory afterwards = claimables();
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) {
                if (waited) assertGe(afterwards[t][i], before[t][i], what);
                else assertEq(afterwards[t][i], before[t][i], what);
            }
        }
    }

    /// @notice Nobody has earned (claimed + claimable) more than the income that arrived while it was a member.
    function checkArrivedWhileMember() external view {
        for (uint256 t; t < 2; ++t) {
            for (uint256 i; i < N; ++i) assertLe(earned(t, i), arrived[t][i], "earned only what arrived while member");
        }
    }

    /// @notice What candidate `i` has earned in currency `t`: claimed + claimable.
    function earned(uint256 t, uint256 i) public view returns (uint256) {
        return claimed[t][i] + POOL.claimable(candidates[i], token(t));
    }

    /// @notice Candidate `i`'s earnings against its exact share (see the notice).
    function checkMember(uint256 t, uint256 i) public view {
        uint256 e = earned(t, i);
        assertLe(e * SCALE * Q, up[t][i] * SCALE + dust[t][i] * Q, "never above the exact share (+ dust)");
        assertLe(lo[t][i] * SCALE, (e + 1) * SCALE * Q + dust[t][i] * Q, "at most one unit below it");
    }

    /// @notice The whole model: every member, the budget, the weights, and money in == out + held.
    function checkModel() external view {
        for (uint256 t; t < 2; ++t) {
            uint256 all;
            uint256 out;
            for (uint256 i; i < N; ++i) {
                checkMember(t, i);
                all += earned(t, i);
                out += claimed[t][i];
            }
            assertLe(all, accrued[t], "rounding never creates value");
            assertLe(accrued[t], all + N, "at most one unit of dust per member");
            assertEq(accrued[t] + budget[t] + spent[t] + waiting[t], income[t], "income == accrued + budget + spent");
            assertEq(POOL.budget(token(t)), budget[t], "budget");
            assertEq(held(t), income[t] - out - spent[t], "the pool holds income - claims - spends");
        }
        uint256 members;
        for (uint256 i; i < N; ++i) {
            assertEq(POOL.unitsOf(candidates[i]), weight[i], "weights");
            if (weight[i] != 0) ++members;
        }
        assertEq(POOL.totalUnits(), totalWeight, "total weight");
        assertEq(POOL.memberCount(), members, "member count");
    }
}
