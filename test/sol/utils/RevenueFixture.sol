// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Fixture} from "./Fixture.sol";
import {SharesFactory} from "../../../contracts/shares/SharesFactory.sol";
import {ISharesFactory} from "../../../contracts/shares/ISharesFactory.sol";
import {RoyaltyShares} from "../../../contracts/shares/RoyaltyShares.sol";
import {IRoyaltyShares} from "../../../contracts/shares/IRoyaltyShares.sol";
import {PoolFactory} from "../../../contracts/pools/PoolFactory.sol";
import {IPoolFactory} from "../../../contracts/pools/IPoolFactory.sol";
import {RevenuePool} from "../../../contracts/pools/RevenuePool.sol";
import {IRevenuePool} from "../../../contracts/pools/IRevenuePool.sol";
import {IIncomeVault} from "../../../contracts/revenue/IIncomeVault.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IArtistRegistry} from "../../../contracts/artists/IArtistRegistry.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title RevenueFixture
/// @notice The money core (see {Fixture}) plus the SharesFactory (a Ledger factory through the FeeRouter, as
///         the deploy script makes it) and the PoolFactory, a 6-decimal test USDC and a registered artist;
///         helpers create shares and pools through the factories, as users do.
abstract contract RevenueFixture is Fixture {
    address internal constant ETH = address(0);

    SharesFactory internal sharesFactory;
    PoolFactory internal poolFactory;
    TestToken internal usdc;
    address internal artist;

    function deployRevenue() internal {
        deployCore();
        sharesFactory = new SharesFactory(IPayments(address(ledger)), IArtistRegistry(address(registry)));
        poolFactory = new PoolFactory(address(ledger), IArtistRegistry(address(registry)));
        vm.prank(admin);
        router.setInitialOperator(address(sharesFactory), 2);
        usdc = new TestToken("USD Coin", "USDC", 6);
        artist = makeAddr("artist");
        registerArtist(artist, "artist", address(0), "");
        vm.label(address(sharesFactory), "SharesFactory");
        vm.label(address(poolFactory), "PoolFactory");
        vm.label(address(usdc), "USDC");
    }

    /// @notice Shares of `supply` for the artist, income in ETH and USDC, with `offering` (amount 0: none).
    function newShares(uint64 supply, IRoyaltyShares.Offering memory offering) internal returns (RoyaltyShares s) {
        ISharesFactory.SharesParams memory p = ISharesFactory.SharesParams({
            name: "Song Shares",
            symbol: "SONG",
            supply: supply,
            currency: address(usdc),
            song: IRoyaltyShares.Song({collection: address(0), tokenId: 0}),
            offering: offering
        });
        vm.prank(artist);
        s = RoyaltyShares(payable(sharesFactory.createShares(p)));
        vm.label(address(s), "RoyaltyShares");
    }

    /// @notice No primary offering.
    function noOffering() internal pure returns (IRoyaltyShares.Offering memory o) {}

    /// @notice A pool created by the artist, income in ETH and USDC.
    function newPool(
        IRevenuePool.Rule rule,
        IRevenuePool.JoinPolicy policy,
        uint16 budgetBps,
        uint256 weight
    ) internal returns (RevenuePool pool) {
        IPoolFactory.PoolParams memory p = IPoolFactory.PoolParams({
            name: "Collective",
            rule: rule,
            policy: policy,
            budgetBps: budgetBps,
            weight: weight,
            currency: address(usdc)
        });
        vm.prank(artist);
        pool = RevenuePool(payable(poolFactory.createPool(p)));
        vm.label(address(pool), "RevenuePool");
    }

    /// @notice `from` gets `amount` USDC and deposits it into `vault` as income.
    function depositUsdc(address vault, address from, uint256 amount) internal {
        usdc.mint(from, amount);
        vm.startPrank(from);
        usdc.approve(vault, amount);
        IIncomeVault(vault).deposit(address(usdc), amount);
        vm.stopPrank();
    }

    /// @notice `from` gets `amount` ETH and sends it to `vault` as income (plain send: receive()).
    function sendEth(address vault, address from, uint256 amount) internal {
        vm.deal(from, from.balance + amount);
        vm.prank(from);
        (bool ok, ) = vault.call{value: amount}("");
        assertTrue(ok, "ETH income sent");
    }

    /// @notice What `vault` holds of `token` (ETH or an ERC-20).
    function held(address vault, address token) internal view returns (uint256) {
        return token == ETH ? vault.balance : TestToken(token).balanceOf(vault);
    }
}
