// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {Fixture} from "./utils/Fixture.sol";
import {IPayments} from "../../contracts/ledger/IPayments.sol";

/// @title ArtistRegistryTest
/// @notice The registry writes every artist's payee (payout and referrer) to the Ledger on register and
///         setPayout, so the Ledger's payee always equals the registry's record.
contract ArtistRegistryTest is Fixture {
    address internal mentor;
    address internal artist;

    function setUp() public {
        deployCore();
        mentor = makeAddr("mentor");
        artist = makeAddr("artist");
        registerArtist(mentor, "mentor", address(0), "");
    }

    function _assertMirrored(address who) internal view {
        (address payout, address referrer) = registry.payoutAndReferrer(who);
        IPayments.Payee memory payee = ledger.payeeOf(who);
        assertEq(payee.payout, payout, "payout mirrored");
        assertEq(payee.referrer, referrer, "referrer mirrored");
    }

    function test_constructor_namesTheLedger() public view {
        assertEq(address(registry.LEDGER()), address(ledger), "LEDGER");
        assertEq(ledger.REGISTRY(), address(registry), "the Ledger names the registry");
        _assertMirrored(mentor);
        assertEq(ledger.payeeOf(mentor).payout, mentor, "a zero payout is the artist itself");
    }

    /// @notice For any payout (zero: the artist itself), with or without a referrer.
    function testFuzz_register_writesPayee(address payout, bool referred) public {
        address resolved = payout == address(0) ? artist : payout;
        address referrer = referred ? mentor : address(0);
        assertEq(ledger.payeeOf(artist).payout, address(0), "unknown before");
        vm.expectEmit(address(ledger));
        emit IPayments.PayeeSet(artist, resolved, referrer);
        registerArtist(artist, "artist", payout, referred ? "mentor" : "");
        IPayments.Payee memory payee = ledger.payeeOf(artist);
        assertEq(payee.payout, resolved, "payout");
        assertEq(payee.referrer, referrer, "referrer");
        _assertMirrored(artist);
        IPayments.Quote memory q = ledger.quote(artist, 0, 100, address(0));
        assertEq(q.payout, resolved, "payments go to the payout");
    }

    /// @notice setPayout rewrites the payout and keeps the referrer, every time.
    function testFuzz_setPayout_writesPayee(address first, address second) public {
        registerArtist(artist, "artist", address(0), "mentor");
        address[2] memory next = [first, second];
        for (uint256 i; i < 2; ++i) {
            address resolved = next[i] == address(0) ? artist : next[i];
            vm.expectEmit(address(ledger));
            emit IPayments.PayeeSet(artist, resolved, mentor);
            vm.prank(artist);
            registry.setPayout(next[i]);
            assertEq(ledger.payeeOf(artist).payout, resolved, "payout");
            assertEq(ledger.payeeOf(artist).referrer, mentor, "the referrer never changes");
            _assertMirrored(artist);
        }
    }

    /// @notice A profile update does not touch the payee.
    function test_setProfileURI_leavesPayee() public {
        registerArtist(artist, "artist", makeAddr("split"), "mentor");
        vm.recordLogs();
        vm.prank(artist);
        registry.setProfileURI("ipfs://v2");
        assertEq(vm.getRecordedLogs().length, 1, "only ProfileUpdated");
        _assertMirrored(artist);
    }
}
