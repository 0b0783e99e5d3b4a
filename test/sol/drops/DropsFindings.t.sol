// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "./DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";

/// @title FINDING-DROPS-01: updateEdition with start 0 deletes an edition that has not started
/// @notice Regression test: it FAILED on the code where the bug was found (the drops commit e6f3f12) and passes
///         since the fix (716dae0). Its name starts with `test_FINDING_DROPS01_` (`--grep FINDING`).
///
/// Bug (e6f3f12): `createEdition` turns `start == 0` into "now", and `start == 0` is what marks an id as unknown (see
///      `_checkOpen`, `edition`, `uri`, `updateEdition`, `setPaused`, `mintPaid`). `updateEdition` does not
///      apply the same rule: for a sale that has not started, the SaleRunning check is skipped and
///      `_validate` accepts start 0 when there is no end and no presale, so `_store` writes start 0. The
///      edition is then unknown for good: `edition(id)` and `uri(id)` revert (holders of fiat-minted tokens
///      lose their metadata), nobody can mint it, and the artist cannot repair it (`updateEdition` and
///      `setPaused` revert with UnknownEdition); `editionCount` still counts it.
/// Fix (716dae0): start 0 in an update means now, as at creation; the edition always stays known.
contract DropsFindingsTest is DropsFixture {
    address internal artist;
    address internal minter;
    address internal fan;
    DropCollection internal collection;

    function setUp() public {
        deployDrops();
        artist = makeAddr("artist");
        minter = makeAddr("minter");
        fan = makeAddr("fan");
        vm.prank(owner);
        factory.setDefaultMinter(minter); // the platform's relayer: new collections allow it
        collection = newCollection(artist, "singer", address(0), "");
        assertTrue(collection.isMinter(minter), "the platform minter is allowed");
    }

    function test_FINDING_DROPS01_updateEdition_startZero_keepsEdition() public {
        IDropCollection.EditionConfig memory c = saleConfig(address(0), 0.01 ether, 100, 0);
        c.start = uint32(block.timestamp + 7 days);
        vm.prank(artist);
        uint256 id = collection.createEdition(c, "");
        // A card order paid before the sale opens (fiat orders ignore the window).
        vm.prank(minter);
        collection.mintPaid(fan, id, 2, keccak256("order-1"));

        vm.warp(block.timestamp + 1 days);
        c.start = 0;
        vm.prank(artist);
        collection.updateEdition(id, c);

        try collection.edition(id) returns (IDropCollection.Edition memory e) {
            assertEq(e.config.start, block.timestamp, "start 0 means now");
            assertEq(e.minted, 2, "minted kept");
        } catch {
            fail("updateEdition(start = 0) deleted the edition: edition(id) reverts with UnknownEdition");
        }
        assertTrue(bytes(collection.uri(id)).length != 0, "the holders' tokens keep their metadata");
        assertEq(collection.balanceOf(fan, id), 2, "balance");
        // The sale is open from now on, and the artist still controls the edition.
        vm.deal(fan, 0.01 ether);
        vm.prank(fan);
        collection.mint{value: 0.01 ether}(fan, id, 1, address(0), 0.01 ether);
        vm.prank(artist);
        collection.setPaused(id, true);
        assertEq(collection.edition(id).minted, 3, "minted");
    }

    /// @notice On a running sale, start 0 is a new start: refused.
    function test_FINDING_DROPS01_updateEdition_startZero_onRunningSale_reverts() public {
        IDropCollection.EditionConfig memory c = saleConfig(address(0), 1, 0, 0);
        vm.prank(artist);
        uint256 id = collection.createEdition(c, "");
        uint32 start = collection.edition(id).config.start;
        vm.warp(block.timestamp + 1);
        vm.expectRevert(abi.encodeWithSelector(IDropCollection.DropCollection_SaleRunning.selector, id));
        vm.prank(artist);
        collection.updateEdition(id, c);
        assertEq(collection.edition(id).config.start, start, "start kept");
    }
}
