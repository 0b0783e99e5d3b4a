// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Fixture} from "../utils/Fixture.sol";
import {DropFactory} from "../../../contracts/drops/DropFactory.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {IArtistRegistry} from "../../../contracts/artists/IArtistRegistry.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";

/// @title DropsFixture
/// @notice The money core (see {Fixture}) plus a DropFactory made a Ledger factory through the FeeRouter, a
///         6-decimal test USDC, and helpers: register an artist and create its collection, make a split to pay
///         it into, build an edition config (allowlists: see {Allowlist}).
abstract contract DropsFixture is Fixture {
    address internal constant ETH = address(0);
    uint256 internal constant BPS = 10_000;

    DropFactory internal factory;
    TestToken internal usdc;
    address internal owner;

    function deployDrops() internal {
        deployCore();
        owner = makeAddr("owner");
        factory = new DropFactory(
            IPayments(address(ledger)),
            IArtistRegistry(address(registry)),
            owner,
            "http://x/",
            address(0)
        );
        vm.prank(admin);
        router.setInitialOperator(address(factory), 2);
        assertEq(ledger.operatorLevel(address(factory)), 2, "the factory is a Ledger factory");
        usdc = new TestToken("USD Coin", "USDC", 6);
        vm.label(address(factory), "DropFactory");
        vm.label(address(usdc), "USDC");
    }

    /// @notice Registers `artist` (payout, referral code "" for none) and creates its collection.
    function newCollection(
        address artist,
        string memory handle,
        address payout,
        string memory referralCode
    ) internal returns (DropCollection collection) {
        registerArtist(artist, handle, payout, referralCode);
        vm.prank(artist);
        collection = DropCollection(factory.createCollection(handle, 500));
        assertEq(address(collection), factory.predictCollection(artist), "collection at the predicted address");
        assertEq(ledger.operatorLevel(address(collection)), 1, "the collection is a Ledger operator");
        vm.label(address(collection), string.concat("collection:", handle));
    }

    /// @notice An immutable two-recipient split (60/40) to pay an artist into.
    function newSplit(
        address a,
        address b,
        bytes32 salt
    ) internal returns (address split, ISplits.SplitConfig memory c) {
        (address lo, address hi) = a < b ? (a, b) : (b, a);
        address[] memory recipients = new address[](2);
        recipients[0] = lo;
        recipients[1] = hi;
        uint32[] memory allocations = new uint32[](2);
        allocations[0] = 600_000;
        allocations[1] = 400_000;
        c = simpleConfig(recipients, allocations, 0);
        split = splits.createSplit(c, address(0), salt);
    }

    /// @notice A public sale config open now, without presale.
    function saleConfig(
        address currency,
        uint96 price,
        uint32 maxSupply,
        uint16 walletCap
    ) internal pure returns (IDropCollection.EditionConfig memory c) {
        c.currency = currency;
        c.price = price;
        c.maxSupply = maxSupply;
        c.walletCap = walletCap;
        c.metadataHash = keccak256(abi.encode(currency, price, maxSupply, walletCap));
    }
}
