// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Rewards} from "../../../contracts/rewards/Rewards.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {Leaf, RewardsTree} from "../rewards/RewardsTree.sol";

/// @title RewardsHandler
/// @notice Hostile parties around one Rewards budget: a signer posting roots (honest ones, ones whose leaves
///         add up to more than their total, ones that overdraw the budget or the cap, ones that reuse reward
///         ids already paid), the treasury revoking, pausing and withdrawing, claimers claiming, replaying
///         and forging proofs (another account, another amount, another leaf's proof), and a flash funder
///         that funds and then tries to take money out. Calls may revert (the contract refuses them); the
///         handler records what succeeded in ghost variables, and flags any success that must never happen.
contract RewardsHandler is Test {
    uint256 internal constant ACCOUNTS = 5;
    uint256 internal constant ACHIEVEMENTS = 4;

    Rewards public immutable REWARDS;
    Ledger public immutable LEDGER;
    TestToken public immutable USDC;
    address public immutable TREASURY;
    address public immutable SIGNER;
    address public immutable FLASH = makeAddr("flash funder");

    address[] public accounts;
    /// @dev Epoch e (1-based) is posted[e - 1]; its leaves, as posted.
    uint64[] public posted;
    mapping(uint64 epoch => Leaf[]) internal _leaves;

    // ghosts
    uint256 public ghostFunded;
    uint256 public ghostWithdrawn;
    uint256 public ghostClaimed;
    mapping(bytes32 rewardId => bool) public ghostPaid;
    mapping(address account => uint256) public ghostCredited;
    /// @notice Set when something succeeded that never may: the invariants require it stays false.
    bool public paidTwice;
    bool public forgedPaid;
    bool public revokedAfterOpening;
    bool public flashTookMoney;
    mapping(bytes32 action => uint256) public calls;

    constructor(Rewards rewards, Ledger ledger, TestToken usdc, address treasury, address signer) {
        REWARDS = rewards;
        LEDGER = ledger;
        USDC = usdc;
        TREASURY = treasury;
        SIGNER = signer;
        for (uint256 i; i < ACCOUNTS; ++i) accounts.push(makeAddr(string.concat("account", vm.toString(i))));
    }

    function postedLength() external view returns (uint256) {
        return posted.length;
    }

    function leavesOf(uint64 epoch) external view returns (Leaf[] memory) {
        return _leaves[epoch];
    }

    /// @notice The reward id of achievement `a` of account `i` (a small universe, so ids repeat across roots).
    ///         Achievements 0 and 1 are numbered (ids 0-9, 250-259 across the paid-flags words 0 and 1: ids
    ///         that share a word must stay apart), 2 and 3 hashed (a word each).
    function rewardIdOf(uint256 i, uint256 a) public view returns (bytes32) {
        a %= ACHIEVEMENTS;
        i %= ACCOUNTS;
        if (a == 0) return bytes32(i);
        if (a == 1) return bytes32(250 + i * 2);
        return keccak256(abi.encode(accounts[i], vm.toString(a), ""));
    }

    // ---- the treasury and the flash funder

    function fund(uint256 amount) external {
        amount = bound(amount, 1, 5_000e6);
        USDC.mint(TREASURY, amount);
        vm.startPrank(TREASURY);
        USDC.approve(address(REWARDS), amount);
        REWARDS.fund(amount);
        vm.stopPrank();
        ghostFunded += amount;
        ++calls["fund"];
    }

    /// @notice Funds, then tries everything that would take money out again in the same transaction.
    function flashFund(uint256 amount, uint256 take) external {
        amount = bound(amount, 1, 5_000e6);
        USDC.mint(FLASH, amount);
        vm.startPrank(FLASH);
        USDC.approve(address(REWARDS), amount);
        REWARDS.fund(amount);
        ghostFunded += amount;
        try REWARDS.withdraw(FLASH, bound(take, 1, amount)) {
            flashTookMoney = true;
        } catch {}
        try REWARDS.postRoot(REWARDS.lastEpoch() + 1, keccak256(abi.encode(take)), bound(take, 0, amount)) {
            flashTookMoney = true;
        } catch {}
        // The budget is Rewards' Ledger balance: nobody else can move it.
        try LEDGER.withdrawTo(address(USDC), FLASH, bound(take, 1, amount)) {
            flashTookMoney = true;
        } catch {}
        try LEDGER.giveOwnCreditTo(FLASH, address(USDC), bound(take, 1, amount), "reward") {
            flashTookMoney = true;
        } catch {}
        vm.stopPrank();
        if (USDC.balanceOf(FLASH) != 0 || LEDGER.balanceOf(FLASH, address(USDC)) != 0) flashTookMoney = true;
        ++calls["flashFund"];
    }

    /// @notice The treasury withdraws any amount (often more than is uncommitted: refused).
    function withdraw(uint256 amount) external {
        amount = bound(amount, 1, 10_000e6);
        vm.prank(TREASURY);
        try REWARDS.withdraw(TREASURY, amount) {
            ghostWithdrawn += amount;
            ++calls["withdraw"];
        } catch {
            ++calls["withdrawRefused"];
        }
    }

    function revoke(uint256 pick) external {
        if (posted.length == 0) return;
        uint64 epoch = posted[pick % posted.length];
        bool open = block.timestamp >= REWARDS.epochOf(epoch).availableAt;
        vm.prank(TREASURY);
        try REWARDS.revoke(epoch) {
            if (open) revokedAfterOpening = true;
            ++calls["revoke"];
        } catch {
            ++calls["revokeRefused"];
        }
    }

    function setPaused(bool paused) external {
        vm.prank(TREASURY);
        REWARDS.setPaused(paused);
        ++calls[paused ? bytes32("pause") : bytes32("unpause")];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 days));
        ++calls["warp"];
    }

    // ---- the signer

    /// @notice Posts a root of 1 to 6 leaves over the small universe of accounts and achievements. `mode`:
    ///         0 honest total, 1 a total below the leaves' sum, 2 a total above what is uncommitted, 3 above
    ///         the cap, 4 an epoch that does not increase.
    function postRoot(uint256 seed, uint8 size, uint8 mode) external {
        size = uint8(bound(size, 1, 6));
        Leaf[] memory leaves = new Leaf[](size);
        for (uint256 i; i < size; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 account = r % ACCOUNTS;
            leaves[i] = Leaf({
                account: accounts[account],
                rewardId: rewardIdOf(account, r >> 8),
                badge: (r >> 16) % 3,
                amount: (r >> 24) % 4 == 0 ? 0 : bound(r >> 32, 1, 400e6)
            });
        }
        uint256 sum = RewardsTree.sumOf(leaves);
        mode = mode % 5;
        uint256 total = sum;
        if (mode == 1) total = sum / 2;
        else if (mode == 2) total = REWARDS.available() + 1 + (seed % 100e6);
        else if (mode == 3) total = REWARDS.epochCap() + 1;
        uint64 epoch = mode == 4 ? REWARDS.lastEpoch() : REWARDS.lastEpoch() + 1 + uint64(seed % 3);
        vm.prank(SIGNER);
        try REWARDS.postRoot(epoch, RewardsTree.rootOf(leaves), total) {
            posted.push(epoch);
            for (uint256 i; i < size; ++i) _leaves[epoch].push(leaves[i]);
            ++calls["postRoot"];
        } catch {
            ++calls["postRootRefused"];
        }
    }

    // ---- claimers

    /// @notice Claims a leaf as posted (often one already paid: a replay).
    function claim(uint256 pick, uint256 leaf) external {
        if (posted.length == 0) return;
        uint64 epoch = posted[pick % posted.length];
        Leaf[] memory leaves = _leaves[epoch];
        uint256 i = leaf % leaves.length;
        Leaf memory lf = leaves[i];
        uint256 before = LEDGER.balanceOf(lf.account, address(USDC));
        try REWARDS.claim(epoch, lf.account, lf.rewardId, lf.badge, lf.amount, RewardsTree.proofOf(leaves, i)) {
            if (ghostPaid[lf.rewardId]) paidTwice = true;
            ghostPaid[lf.rewardId] = true;
            ghostClaimed += lf.amount;
            ghostCredited[lf.account] += lf.amount;
            assertEq(LEDGER.balanceOf(lf.account, address(USDC)), before + lf.amount, "the leaf's amount credited");
            ++calls["claim"];
        } catch {
            ++calls["claimRefused"];
        }
    }

    /// @notice Claims with a real proof but another account or amount, or another leaf's proof.
    function forge(uint256 pick, uint256 leaf, uint256 seed) external {
        if (posted.length == 0) return;
        uint64 epoch = posted[pick % posted.length];
        Leaf[] memory leaves = _leaves[epoch];
        uint256 i = leaf % leaves.length;
        Leaf memory lf = leaves[i];
        bytes32[] memory proof = RewardsTree.proofOf(leaves, i);
        uint256 kind = seed % 3;
        if (kind == 0) lf.account = accounts[(uint256(keccak256(abi.encode(seed))) % ACCOUNTS)];
        else if (kind == 1) lf.amount = bound(seed >> 8, 0, 1_000e6);
        else proof = RewardsTree.proofOf(leaves, (i + 1) % leaves.length);
        // Not a forgery after all: the changed leaf is in the tree, or the other proof is of an identical leaf.
        if (kind != 2 && _isLeaf(leaves, lf)) return;
        if (kind == 2 && RewardsTree.leafHash(leaves[(i + 1) % leaves.length]) == RewardsTree.leafHash(lf)) return;
        try REWARDS.claim(epoch, lf.account, lf.rewardId, lf.badge, lf.amount, proof) {
            forgedPaid = true;
        } catch {
            ++calls["forgeRefused"];
        }
    }

    function _isLeaf(Leaf[] memory leaves, Leaf memory lf) internal pure returns (bool) {
        bytes32 h = RewardsTree.leafHash(lf);
        for (uint256 i; i < leaves.length; ++i) if (RewardsTree.leafHash(leaves[i]) == h) return true;
        return false;
    }
}
