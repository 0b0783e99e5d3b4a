// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "./Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {FeeRouter} from "../../../contracts/fees/FeeRouter.sol";
import {ArtistRegistry} from "../../../contracts/artists/ArtistRegistry.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";

/// @title Fixture
/// @notice Deploys the money core the way the deploy script wires it: registry, then the Ledger (which hosts
///         the splits) naming the FeeRouter address that the next CREATE of this contract produces, then the
///         FeeRouter. `splits` is the Ledger seen through {ISplits}: there is no separate Splits contract.
abstract contract Fixture is Test {
    uint64 internal constant TIMELOCK = 2 days;
    uint32 internal constant PPM = 1_000_000;

    ArtistRegistry internal registry;
    Ledger internal ledger;
    FeeRouter internal router;
    /// @notice The Ledger's address, typed as the splits it hosts.
    ISplits internal splits;

    address internal treasury;
    address internal admin;

    function deployCore() internal {
        treasury = makeAddr("treasury");
        admin = makeAddr("admin");
        uint256 nonce = vm.getNonce(address(this));
        // nonce: registry, nonce + 1: Ledger (its constructor deploys the SplitWallet implementation from
        // the Ledger's own nonce, not ours), nonce + 2: FeeRouter. They name each other by these addresses.
        address ledgerAddr = computeCreateAddress(address(this), nonce + 1);
        address routerAddr = computeCreateAddress(address(this), nonce + 2);
        registry = new ArtistRegistry(IPayments(ledgerAddr));
        ledger = new Ledger(routerAddr, address(registry));
        router = new FeeRouter(IPayments(address(ledger)), treasury, admin, TIMELOCK);
        splits = ISplits(address(ledger));
        assertEq(address(ledger), ledgerAddr, "Ledger at the predicted address");
        assertEq(address(router), routerAddr, "FeeRouter at the predicted address");
        assertEq(ledger.FEE_ROUTER(), address(router), "the Ledger names the FeeRouter");
        vm.label(address(ledger), "Ledger");
        vm.label(address(router), "FeeRouter");
        vm.label(ledger.WALLET_IMPLEMENTATION(), "SplitWallet");
        vm.label(address(registry), "ArtistRegistry");
    }

    /// @notice Registers `artist` under `handle` with `payout`, referred by `referralCode` ("" for none).
    function registerArtist(address artist, string memory handle, address payout, string memory referralCode) internal {
        vm.prank(artist);
        registry.register(handle, "ipfs://profile", payout, referralCode);
    }

    /// @notice A payment of `amount` of `token` (zero: ETH) by `payer` to `artist` for `kind`, brought by
    ///         `affiliate` (or zero), tagged "sale", no ref.
    function newPayment(
        address payer,
        address token,
        uint256 amount,
        address artist,
        uint8 kind,
        address affiliate
    ) internal pure returns (IPayments.Payment memory) {
        return
            IPayments.Payment({
                payer: payer,
                token: token,
                amount: amount,
                artist: artist,
                kind: kind,
                affiliate: affiliate,
                source: "sale",
                ref: 0
            });
    }

    /// @notice Sets the fee of `kind` to `bps` through the timelock (proposal, wait, apply), as the admin.
    function setFeeNow(uint8 kind, uint16 bps) internal {
        vm.prank(admin);
        router.proposeFee(kind, bps);
        vm.warp(block.timestamp + TIMELOCK);
        router.applyFee(kind);
        assertEq(router.feeBps(kind), bps, "fee applied");
    }

    /// @notice A config with the given recipients (must be sorted) and allocations, no advance.
    function simpleConfig(
        address[] memory recipients,
        uint32[] memory allocations,
        uint32 distributorFee
    ) internal pure returns (ISplits.SplitConfig memory config) {
        config.recipients = recipients;
        config.allocations = allocations;
        config.distributorFee = distributorFee;
    }

    /// @notice `n` distinct addresses in strictly ascending order, derived from `seed`.
    function sortedAddresses(uint256 n, uint256 seed) internal pure returns (address[] memory out) {
        out = new address[](n);
        for (uint256 i; i < n; ++i) {
            out[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
        }
        // insertion sort: n <= 200
        for (uint256 i = 1; i < n; ++i) {
            address key = out[i];
            uint256 j = i;
            while (j > 0 && out[j - 1] > key) {
                out[j] = out[j - 1];
                --j;
            }
            out[j] = key;
        }
    }

    /// @notice `n` non-zero allocations summing to exactly 1e6, shaped by `seed`.
    function randomAllocations(uint256 n, uint256 seed) internal pure returns (uint32[] memory allocs) {
        allocs = new uint32[](n);
        uint256 remaining = PPM - n; // every recipient gets at least 1
        for (uint256 i; i < n; ++i) {
            uint256 extra;
            if (i == n - 1) {
                extra = remaining;
            } else {
                uint256 r = uint256(keccak256(abi.encode(seed, "alloc", i)));
                // spread: sometimes big, sometimes tiny
                extra = r % 4 == 0 ? r % (remaining + 1) : (r >> 8) % (remaining / (n - i) + 1);
            }
            remaining -= extra;
            allocs[i] = uint32(1 + extra);
        }
    }
}
