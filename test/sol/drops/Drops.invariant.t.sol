// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "./DropsFixture.sol";
import {DropsHandler} from "./DropsHandler.sol";
import {Allowlist} from "./Allowlist.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";

/// @title DropsInvariantTest
/// @notice Invariants of drop sales under random sequences of public, presale and fiat mints, transfers,
///         supply changes, pauses, time, withdrawals and split distributions by many actors (see
///         {DropsHandler}, which also checks every single call against the spec):
///         - minted <= maxSupply for every capped edition, and minted == the tokens the handler saw minted;
///         - every wallet's public-sale mints <= walletCap and presale mints <= presaleCap; the on-chain
///           counts are exactly public + fiat and presale mints (transfers never move them);
///         - the balances of every edition's holders sum to its minted count;
///         - each fiat order id minted at most once (orderMinted == the handler's record);
///         - the Ledger holds exactly the sum of the credited balances, and money in == credited + paid out,
///           for ETH and for USDC.
contract DropsInvariantTest is DropsFixture {
    DropsHandler internal handler;

    function setUp() public {
        deployDrops();
        address scout = makeAddr("scout");
        registerArtist(scout, "scout", address(0), "");
        address artistA = makeAddr("artist-a");
        address bandA = makeAddr("band-a");
        address bandB = makeAddr("band-b");
        (address split, ISplits.SplitConfig memory config) = newSplit(bandA, bandB, bytes32(0));
        DropCollection a = newCollection(artistA, "singer", split, "scout");
        address artistB = makeAddr("artist-b");
        DropCollection b = newCollection(artistB, "plain", address(0), "");

        address[] memory creditees = new address[](7);
        (creditees[0], creditees[1], creditees[2], creditees[3]) = (treasury, scout, split, artistB);
        (creditees[4], creditees[5], creditees[6]) = (bandA, bandB, artistA);
        // The handler's minter is the platform's (only the factory's default minter can be allowed, F-07).
        vm.prank(owner);
        factory.setDefaultMinter(vm.addr(0x3177E4));
        handler = new DropsHandler(ledger, usdc, a, artistA, b, artistB, split, config, creditees);

        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = DropsHandler.mintPublic.selector;
        selectors[1] = DropsHandler.mintPublic.selector; // public mints weigh triple
        selectors[2] = DropsHandler.mintPublic.selector;
        selectors[3] = DropsHandler.mintPresale.selector;
        selectors[4] = DropsHandler.mintPresale.selector;
        selectors[5] = DropsHandler.mintFiat.selector;
        selectors[6] = DropsHandler.transfer.selector;
        selectors[7] = DropsHandler.transfer.selector;
        selectors[8] = DropsHandler.changeSupply.selector;
        selectors[9] = DropsHandler.setPaused.selector;
        selectors[10] = DropsHandler.warp.selector;
        selectors[11] = DropsHandler.withdraw.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @notice The handler's actions really happen, and each refusal path is reachable (a scripted run).
    function test_handler_everyActionHappens() public {
        // presale (edition 0: actor 0 is allowlisted, holders index 0), a wrong proof, the presale cap
        handler.mintPresale(0, 1, 0, 2, 1, 1);
        handler.mintPresale(1, 1, 0, 1, 4, 1); // proofSeed % 4 == 0: the proof of list[4], not actors[1]'s
        handler.mintPresale(1, 1, 0, 1, 9, 1); // 2 more: past the presale cap of 2
        handler.mintPresale(0, 4, 0, 1, 1, 1); // actors[4] is not on the list
        // public: edition 1 (USDC, open), edition 3 (free), edition 4 (odd price), a wrong payment, refusals
        for (uint256 i; i < 5; ++i) handler.mintPublic(i, i + 1, 1, 3, i + 1, 1);
        handler.mintPublic(0, 1, 3, 2, 0, 1);
        handler.mintPublic(0, 1, 4, 5, 1, 1);
        handler.mintPublic(0, 1, 4, 1, 1, 8); // wrong payment
        handler.mintPublic(0, 1, 4, 1, 1, (7 << 8) | 1); // the buyer's limit is below the price (F-01)
        handler.mintPublic(0, 6, 4, 1, 1, 1); // holders[6] rejects the tokens
        handler.mintPublic(0, 1, 0, 1, 1, 1); // edition 0 not started yet
        // fiat, a replay, a stranger
        handler.mintFiat(1, 2, 2, 4, 7);
        handler.mintFiat(1, 3, 2, 1, 7);
        handler.mintFiat(6, 3, 2, 1, 8);
        // transfers, supply, pause
        handler.transfer(1, 2, 1, 1);
        handler.transfer(1, 6, 1, 1);
        handler.changeSupply(1, 10, 1);
        handler.changeSupply(1, 1, 0);
        handler.setPaused(4, 0);
        handler.mintPublic(0, 1, 4, 1, 1, 1);
        handler.setPaused(4, 1);
        for (uint256 i; i < 4; ++i) handler.warp(12 hours);
        handler.mintPublic(2, 3, 0, 2, 1, 1); // edition 0 is public now
        // money out
        for (uint256 o; o < handler.ownersLength(); ++o) {
            handler.withdraw(o, 0);
            handler.withdraw(o, 1);
        }
        string[15] memory names = [
            "mint",
            "mintRefused",
            "presale",
            "presaleRefused",
            "fiat",
            "fiatRefused",
            "transfer",
            "transferRefused",
            "supply",
            "supplyRefused",
            "setPaused",
            "warp",
            "withdraw",
            "distribute",
            "mint"
        ];
        for (uint256 i; i < names.length; ++i) {
            assertGe(handler.calls(bytes32(bytes(names[i]))), 1, names[i]);
        }
        assertGe(handler.ghostIn(address(0)), 1, "ETH paid in");
        assertGe(handler.ghostIn(address(usdc)), 1, "USDC paid in");
        assertGe(handler.ghostOut(address(0)), 1, "ETH paid out");
        assertGe(handler.ghostOut(address(usdc)), 1, "USDC paid out");
        invariant_mintedWithinSupply();
        invariant_walletCaps();
        invariant_balancesSumToMinted();
        invariant_orderIdsMintOnce();
        invariant_ledgerHoldsCredits();
    }

    /// @notice The allowlist helper agrees with OpenZeppelin's MerkleProof as the collection uses it.
    function test_allowlist_proofsVerifyOnlyForTheirAddress() public {
        address[] memory list = new address[](5);
        for (uint256 i; i < 5; ++i) list[i] = makeAddr(vm.toString(i));
        IDropCollection.EditionConfig memory c = saleConfig(address(0), 0, 0, 0);
        c.start = uint32(block.timestamp + 1 days);
        c.presaleStart = uint32(block.timestamp);
        c.presaleRoot = Allowlist.root(list);
        address artist = makeAddr("artist-c");
        DropCollection col = newCollection(artist, "third", address(0), "");
        vm.prank(artist);
        uint256 id = col.createEdition(c, "");
        for (uint256 i; i < 5; ++i) {
            for (uint256 j; j < 5; ++j) {
                bytes32[] memory proof = Allowlist.proof(list, j);
                if (i != j) {
                    vm.expectRevert(
                        abi.encodeWithSelector(IDropCollection.DropCollection_NotAllowlisted.selector, id, list[i])
                    );
                }
                col.mintAllowlisted(list[i], id, 1, proof, address(0), 0);
            }
            (, uint256 pre) = col.mintedBy(id, list[i]);
            assertEq(pre, 1, "one presale mint each");
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_mintedWithinSupply() public view {
        uint256 n = handler.edsLength();
        for (uint256 k; k < n; ++k) {
            (DropCollection c, uint256 id) = handler.editionAt(k);
            IDropCollection.Edition memory e = c.edition(id);
            if (e.config.maxSupply != 0) assertLe(e.minted, e.config.maxSupply, "minted <= maxSupply");
            assertEq(e.minted, handler.ghostMinted(k), "minted == tokens seen minted");
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_walletCaps() public view {
        uint256 n = handler.edsLength();
        uint256 h = handler.holdersLength();
        for (uint256 k; k < n; ++k) {
            (DropCollection c, uint256 id) = handler.editionAt(k);
            IDropCollection.EditionConfig memory config = c.edition(id).config;
            for (uint256 i; i < h; ++i) {
                address w = handler.holders(i);
                uint256 publicMints = handler.ghostPublic(k, w);
                uint256 presaleMints = handler.ghostPresale(k, w);
                if (config.walletCap != 0) assertLe(publicMints, config.walletCap, "public mints <= walletCap");
                if (config.presaleCap != 0) assertLe(presaleMints, config.presaleCap, "presale mints <= presaleCap");
                (uint256 pub, uint256 pre) = c.mintedBy(id, w);
                assertEq(pub, publicMints + handler.ghostFiat(k, w), "public count == public + fiat mints");
                assertEq(pre, presaleMints, "presale count == presale mints");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_balancesSumToMinted() public view {
        uint256 n = handler.edsLength();
        uint256 h = handler.holdersLength();
        for (uint256 k; k < n; ++k) {
            (DropCollection c, uint256 id) = handler.editionAt(k);
            uint256 sum;
            for (uint256 i; i < h; ++i) sum += c.balanceOf(handler.holders(i), id);
            assertEq(sum, c.edition(id).minted, "sum of balances == minted");
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_orderIdsMintOnce() public view {
        uint256 n = handler.edsLength();
        for (uint256 k; k < n; ++k) {
            (DropCollection c, ) = handler.editionAt(k);
            for (uint256 o; o < handler.ORDER_POOL(); ++o) {
                bytes32 orderId = keccak256(abi.encode("order", o));
                assertTrue(c.orderMinted(orderId) == handler.ghostOrder(address(c), orderId), "orderMinted");
            }
        }
    }

    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ledgerHoldsCredits() public view {
        address[2] memory tokens = [address(0), address(usdc)];
        for (uint256 t; t < 2; ++t) {
            address token = tokens[t];
            uint256 held = token == address(0) ? address(ledger).balance : usdc.balanceOf(address(ledger));
            uint256 credited = handler.sumOfBalances(token);
            assertEq(held, credited, "the Ledger holds exactly the sum of credited balances");
            assertEq(handler.ghostIn(token), credited + handler.ghostOut(token), "money in == credited + paid out");
        }
    }
}
