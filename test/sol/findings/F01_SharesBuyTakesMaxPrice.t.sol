// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {RevenueFixture} from "../utils/RevenueFixture.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";

/// @dev The offering's buy as the fix names it (`maxPrice`: the most the buyer accepts per share). Called
///      through this interface so the test compiles against the code before the fix, where it fails.
interface IBuyWithMaxPrice {
    function buy(uint256 amount, address affiliate, uint256 maxPrice) external payable;
}

/// @title F-01 (share offerings): the buyer names the most it accepts
/// @notice Regression tests (`test_F01_*`). Bug: `buy(amount, affiliate)` charged the price read from the
///         contract, whatever price the buyer saw. The offering's price is an immutable today (it cannot
///         change while the offering runs), but the buyer's limit is the rule for every paid entry point
///         (ARCHITECTURE "the counterparty who moves first"): a price change by a later version, or the
///         wrong contract behind a link, must not charge more than the fan accepted.
/// Fix: `buy(amount, affiliate, maxPrice)` refuses with `Shares_PriceAboveMax(price, maxPrice)` when the
///      price of one share is above `maxPrice`, in ETH and in an ERC-20 alike.
contract F01SharesBuyTakesMaxPriceTest is RevenueFixture {
    uint96 internal constant PRICE = 1e15;
    uint96 internal constant PRICE_USDC = 2e6;

    bytes4 internal constant PRICE_ABOVE_MAX = bytes4(keccak256("Shares_PriceAboveMax(uint256,uint256)"));

    address internal fan;

    function setUp() public {
        vm.warp(1_700_000_000);
        deployRevenue();
        fan = makeAddr("fan");
    }

    function _offering(address currency, uint96 price) internal pure returns (IRoyaltyShares.Offering memory) {
        return IRoyaltyShares.Offering({currency: currency, price: price, amount: 500, walletCap: 0, start: 0, end: 0});
    }

    function test_F01_buy_eth_refusesAboveTheBuyersMax() public {
        RoyaltyShares shares = newShares(1000, _offering(ETH, PRICE));
        vm.deal(fan, 10 * PRICE);
        vm.prank(fan);
        vm.expectRevert(abi.encodeWithSelector(PRICE_ABOVE_MAX, PRICE, PRICE - 1));
        IBuyWithMaxPrice(address(shares)).buy{value: 10 * PRICE}(10, address(0), PRICE - 1);
        assertEq(shares.balanceOf(fan), 0, "nothing bought");
    }

    function test_F01_buy_eth_atTheBuyersMax_buys() public {
        RoyaltyShares shares = newShares(1000, _offering(ETH, PRICE));
        vm.deal(fan, 10 * PRICE);
        vm.prank(fan);
        IBuyWithMaxPrice(address(shares)).buy{value: 10 * PRICE}(10, address(0), PRICE);
        assertEq(shares.balanceOf(fan), 10, "bought at the price it accepted");
    }

    function test_F01_buy_erc20_refusesAboveTheBuyersMax() public {
        RoyaltyShares shares = newShares(1000, _offering(address(usdc), PRICE_USDC));
        usdc.mint(fan, 10 * uint256(PRICE_USDC));
        vm.startPrank(fan);
        usdc.approve(address(ledger), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(PRICE_ABOVE_MAX, PRICE_USDC, 1e6));
        IBuyWithMaxPrice(address(shares)).buy(10, address(0), 1e6);
        vm.stopPrank();
        assertEq(usdc.balanceOf(fan), 10 * uint256(PRICE_USDC), "nothing was pulled");
    }

    function test_F01_buy_erc20_atTheBuyersMax_buys() public {
        RoyaltyShares shares = newShares(1000, _offering(address(usdc), PRICE_USDC));
        usdc.mint(fan, 10 * uint256(PRICE_USDC));
        vm.startPrank(fan);
        usdc.approve(address(ledger), type(uint256).max);
        IBuyWithMaxPrice(address(shares)).buy(10, address(0), type(uint256).max);
        vm.stopPrank();
        assertEq(shares.balanceOf(fan), 10, "bought");
        assertEq(usdc.balanceOf(fan), 0, "paid the offering's price, not the max it accepted");
    }
}
