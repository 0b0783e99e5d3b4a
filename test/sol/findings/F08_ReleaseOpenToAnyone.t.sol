// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title F-08: `release` of a vault's other tokens was open to anyone
/// @notice Regression tests (`test_F08_*`). Bug: anyone could call `release(token)` on a vault, which
///         withdrew the vault's Ledger balance of a token it does not account and sent it (and whatever it
///         held of it) to the beneficiary at a moment of the caller's choosing, e.g. right after a mistaken
///         credit the sender and the artist were still sorting out, or into a beneficiary account that
///         cannot use that token.
/// Fix: only the beneficiary (the artist of shares, the admin of a pool) may release; anyone else gets
///      `Income_NotBeneficiary(caller)`. (Binding a vault to one split is not done: see README, "Royalty
///      shares".)
contract F08ReleaseOpenToAnyoneTest is RevenueFixture {
    bytes4 internal constant NOT_BENEFICIARY = bytes4(keccak256("Income_NotBeneficiary(address)"));

    TestToken internal other;
    address internal stranger;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        other = new TestToken("Other", "OTH", 18);
        stranger = makeAddr("stranger");
    }

    /// @dev `amount` of the other token at the vault's address and as much in its Ledger balance.
    function _strayTokens(address vault, uint256 amount) internal {
        other.mint(vault, amount);
        other.mint(address(this), amount);
        other.approve(address(ledger), amount);
        ledger.deposit(vault, address(other), amount, "split");
    }

    function test_F08_shares_release_byStranger_reverts() public {
        RoyaltyShares shares = newShares(1000, noOffering());
        _strayTokens(address(shares), 5e18);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(NOT_BENEFICIARY, stranger));
        shares.release(address(other));
        assertEq(other.balanceOf(address(shares)), 5e18, "the tokens stay");
        assertEq(ledger.balanceOf(address(shares), address(other)), 5e18, "the credit stays");
    }

    function test_F08_shares_release_byArtist_sendsAllToIt() public {
        RoyaltyShares shares = newShares(1000, noOffering());
        _strayTokens(address(shares), 5e18);
        vm.prank(artist);
        assertEq(shares.release(address(other)), 10e18, "held + Ledger balance");
        assertEq(other.balanceOf(artist), 10e18, "to the artist");
    }

    function test_F08_pools_release_byStranger_reverts_byAdmin_releases() public {
        RevenuePool pool = newPool(IRevenuePool.Rule.Equal, IRevenuePool.JoinPolicy.Admin, 0, 1);
        _strayTokens(address(pool), 1e18);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(NOT_BENEFICIARY, stranger));
        pool.release(address(other));
        vm.prank(artist);
        assertEq(pool.release(address(other)), 2e18, "the admin releases");
        assertEq(other.balanceOf(artist), 2e18, "to the admin");
    }
}
