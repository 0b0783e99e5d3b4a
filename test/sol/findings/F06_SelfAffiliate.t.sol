// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";

/// @title F-06 (issue 14, low): a buyer can be its own affiliate through a second wallet
/// @notice Decision: accepted and documented (README, Drops), not fixed. These tests pin down why that is
///         safe, named `test_F06_` (`--grep F06`); they pass before and after.
///
/// Finding: the Ledger ignores an affiliate equal to the payer, but a buyer can name a second wallet of its
///      own and take the affiliate share back. A second wallet cannot be told apart from a friend's on chain
///      (any rule keyed on addresses is defeated by a third wallet), so the contract cannot refuse it.
/// Why it is acceptable: the affiliate share is carved out of the platform's fee only, is capped by the
///      FeeRouter at half of that fee, and the referrer's part is computed before it. Whatever affiliate a
///      buyer names (none, itself, a second wallet, a stranger) and whatever the share (0 to the cap), the
///      artist's net and the referrer's credit are the same, and the buyer wins back at most half the fee:
///      a discount paid by the platform, which chose to pay for shared links.
contract F06SelfAffiliateTest is DropsFixture {
    uint256 internal constant PRIMARY_BPS = 1500;
    uint256 internal constant REFERRAL_BPS = 500;

    address internal artist;
    address internal scout;
    address internal payout;
    address internal buyer;
    address internal secondWallet;
    address internal stranger;
    DropCollection internal collection;
    uint256 internal id;

    function setUp() public {
        deployDrops();
        scout = makeAddr("scout");
        registerArtist(scout, "scout", address(0), "");
        artist = makeAddr("artist");
        (payout, ) = newSplit(makeAddr("band-a"), makeAddr("band-b"), bytes32(0));
        collection = newCollection(artist, "singer", payout, "scout");
        vm.prank(artist);
        id = collection.createEdition(saleConfig(ETH, 1 ether, 0, 0), "");
        buyer = makeAddr("buyer");
        secondWallet = makeAddr("buyer-second-wallet");
        stranger = makeAddr("stranger");
    }

    /// @notice The artist's net and the referrer's credit do not depend on the affiliate a buyer names nor on
    ///         the affiliate share; the affiliate takes at most half of the platform fee, from the treasury.
    function testFuzz_F06_mint_anyAffiliate_artistNetAndReferrerUnchanged(
        uint96 price,
        uint256 quantity,
        uint8 choice,
        uint16 affiliateBps
    ) public {
        quantity = bound(quantity, 1, 50);
        affiliateBps = uint16(bound(affiliateBps, 0, router.AFFILIATE_CAP_BPS()));
        vm.prank(admin);
        router.setAffiliateShare(affiliateBps);
        // The artist may set any price (within the ledger's uint96 and the buyer's ETH).
        IDropCollection.EditionConfig memory c = collection.edition(id).config;
        c.price = uint96(bound(price, 0, 1_000 ether));
        vm.prank(artist);
        collection.updateEdition(id, c);
        address affiliate = [address(0), buyer, secondWallet, stranger][choice % 4];

        uint256 amount = uint256(c.price) * quantity;
        uint256 gross = (amount * PRIMARY_BPS) / BPS;
        uint256[4] memory before = _credits(affiliate);
        vm.deal(buyer, amount);
        vm.prank(buyer);
        collection.mint{value: amount}(buyer, id, quantity, affiliate, c.price);
        uint256[4] memory afterMint = _credits(affiliate);

        assertEq(afterMint[0] - before[0], amount - gross, "the artist's net: price minus the fee, always");
        assertEq(afterMint[1] - before[1], (gross * REFERRAL_BPS) / BPS, "the referrer's 5% of the fee, always");
        uint256 toAffiliate = affiliate == address(0) || affiliate == buyer ? 0 : afterMint[3] - before[3];
        assertLe(toAffiliate, gross / 2, "an affiliate takes at most half the fee");
        assertEq(
            afterMint[2] - before[2] + toAffiliate,
            gross - (gross * REFERRAL_BPS) / BPS,
            "the affiliate share comes out of the treasury's part of the fee only"
        );
        if (affiliate == buyer) assertEq(afterMint[3], before[3], "a buyer naming itself earns nothing");
    }

    /// @dev Ledger ETH credits of the artist's payout, the referrer, the treasury and `affiliate`.
    function _credits(address affiliate) internal view returns (uint256[4] memory b) {
        b[0] = ledger.balanceOf(payout, ETH);
        b[1] = ledger.balanceOf(scout, ETH);
        b[2] = ledger.balanceOf(treasury, ETH);
        b[3] = affiliate == address(0) ? 0 : ledger.balanceOf(affiliate, ETH);
    }
}
