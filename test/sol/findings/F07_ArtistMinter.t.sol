// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";

/// @title F-07 (issue 14, low): an artist-added minter mints for free around price, window and fee
/// @notice Regression tests, named `test_F07_` (`--grep F07`). They FAIL on the code where the finding was
///         made and pass once only the platform's minter can be allowed.
///
/// Bug: `setMinter` let the artist allow any address, and a minter's `mintPaid` takes no payment and
///      ignores the sale window and the pause (a card order was paid at checkout). An artist could allow a
///      wallet of its own and mint any edition for free after its sale ended (breaking the promise that a
///      started sale can only end earlier), while paused, and report off-platform sales as card orders,
///      around the platform fee.
/// Fix: `setMinter(minter, true)` reverts with `DropCollection_MinterNotPlatform(minter)` unless `minter`
///      is the factory's current default minter (the card checkout's relayer, named by the platform).
///      Removing a minter is always allowed. The error is named by its selector so that this file
///      compiles, and fails, on the code before the fix.
contract F07ArtistMinterTest is DropsFixture {
    bytes4 internal constant MINTER_NOT_PLATFORM = bytes4(keccak256("DropCollection_MinterNotPlatform(address)"));

    address internal artist;
    address internal relayer;
    address internal own;
    address internal fan;
    DropCollection internal collection;

    function setUp() public {
        deployDrops();
        artist = makeAddr("artist");
        relayer = makeAddr("relayer");
        own = makeAddr("artist-own-minter");
        fan = makeAddr("fan");
        vm.prank(owner);
        factory.setDefaultMinter(relayer);
        collection = newCollection(artist, "singer", address(0), "");
        assertTrue(collection.isMinter(relayer), "new collections allow the platform's minter");
    }

    /// @notice The artist cannot allow a wallet of its own choosing.
    function test_F07_setMinter_ownWallet_reverts() public {
        vm.prank(artist);
        (bool ok, bytes memory reason) = address(collection).call(
            abi.encodeCall(IDropCollection.setMinter, (own, true))
        );
        assertFalse(ok, "the artist allowed a minter of its own");
        assertEq(keccak256(reason), keccak256(abi.encodeWithSelector(MINTER_NOT_PLATFORM, own)), "MinterNotPlatform");
        assertFalse(collection.isMinter(own), "not a minter");
    }

    /// @notice The attack the finding describes: a sale ends, then the artist mints more for free.
    function test_F07_mintPaid_afterEnd_byArtistMinter_impossible() public {
        IDropCollection.EditionConfig memory c = saleConfig(ETH, 1 ether, 100, 0);
        c.end = uint32(block.timestamp + 1 days);
        vm.prank(artist);
        uint256 id = collection.createEdition(c, "");
        vm.warp(block.timestamp + 2 days); // the sale is over

        vm.prank(artist);
        (bool allowed, ) = address(collection).call(abi.encodeCall(IDropCollection.setMinter, (own, true)));
        vm.prank(own);
        (bool minted, ) = address(collection).call(
            abi.encodeCall(IDropCollection.mintPaid, (artist, id, 50, keccak256("not-a-card-order")))
        );
        assertFalse(allowed || minted, "the artist minted 50 for free after the sale ended");
        assertEq(collection.edition(id).minted, 0, "nothing minted after the end");
    }

    /// @notice The platform's minter stays usable: the artist may remove it and allow it again, and when the
    ///         platform rotates its relayer the artist may allow the new one and remove the old one.
    function test_F07_setMinter_platformMinter_allowedAndRemovable() public {
        vm.startPrank(artist);
        collection.setMinter(relayer, false);
        assertFalse(collection.isMinter(relayer), "removed");
        collection.setMinter(relayer, true);
        assertTrue(collection.isMinter(relayer), "allowed again");
        vm.stopPrank();

        address next = makeAddr("next-relayer");
        vm.prank(owner);
        factory.setDefaultMinter(next);
        vm.startPrank(artist);
        collection.setMinter(next, true);
        collection.setMinter(relayer, false); // removing needs no platform approval
        vm.stopPrank();
        assertTrue(collection.isMinter(next), "the new relayer");
        assertFalse(collection.isMinter(relayer), "the old relayer removed");

        vm.prank(artist);
        (bool ok, ) = address(collection).call(abi.encodeCall(IDropCollection.setMinter, (relayer, true)));
        assertFalse(ok, "a retired relayer cannot be allowed again");
    }
}
