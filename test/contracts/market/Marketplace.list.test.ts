import assert from "node:assert/strict";
import { getAddress } from "viem";
import { viem, networkHelpers, fixture, listing, idOf, ERC721, ERC1155, type Listing } from "./fixture.ts";

describe("Marketplace", function () {
  describe("list", function () {
    it("records the listing: Listed with the full terms, id = keccak256(abi.encode(terms)), remaining = quantity", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 3n, price: 10n ** 16n });
      const id = idOf(l);
      assert.equal(await m.market.read.listingId([l]), id);
      assert.equal(await m.market.read.remaining([id]), 0n);
      await viem.assertions.emitWithArgs(m.market.write.list([l], { account: m.alice.account }), m.market, "Listed", [
        id,
        l.seller,
        getAddress(l.collection),
        { ...l, collection: getAddress(l.collection) },
      ]);
      assert.equal(await m.market.read.remaining([id]), 3n);
      // The token stays with the seller.
      assert.equal(await m.collection.read.balanceOf([m.alice.account.address, m.ids.eth]), 5n);
    });

    it("lists an ERC-721 (quantity 1) and the same terms again under another salt", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.list([l], { account: m.alice.account });
      assert.equal(await m.market.read.remaining([idOf(l)]), 1n);
      const again = { ...l, salt: 1n };
      assert.notEqual(idOf(again), idOf(l));
      await m.market.write.list([again], { account: m.alice.account });
      assert.equal(await m.market.read.remaining([idOf(again)]), 1n);
    });

    it("only the seller lists: Market_NotSeller", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([l], { account: m.bob.account }),
        m.market,
        "Market_NotSeller",
        [getAddress(m.bob.account.address)],
      );
    });

    it("invalid terms revert Market_InvalidListing", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const drop = { collection: m.collection.address, tokenId: m.ids.eth };
      const bad: Listing[] = [
        listing(m, { ...drop, quantity: 0n }),
        listing(m, { ...drop, price: 0n }),
        listing(m, { ...drop, expiry: m.now - 1 }),
        listing(m, { ...drop, expiry: 0 }),
        listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, quantity: 2n }),
        listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, quantity: 0n }),
      ];
      for (const l of bad) {
        await viem.assertions.revertWithCustomError(
          m.market.write.list([l], { account: m.alice.account }),
          m.market,
          "Market_InvalidListing",
        );
        assert.equal(await m.market.read.remaining([idOf(l)]), 0n);
      }
      // An expiry equal to the next block's timestamp is already past when the listing is mined.
      const next = (await networkHelpers.time.latest()) + 1;
      await networkHelpers.time.setNextBlockTimestamp(next);
      await viem.assertions.revertWithCustomError(
        m.market.write.list([listing(m, { ...drop, expiry: next })], { account: m.alice.account }),
        m.market,
        "Market_InvalidListing",
      );
    });

    it("the same terms twice revert Market_AlreadyListed", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 2n });
      await m.market.write.list([l], { account: m.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([l], { account: m.alice.account }),
        m.market,
        "Market_AlreadyListed",
        [idOf(l)],
      );
    });

    it("a seller without the tokens reverts Market_SellerNotOwner (ERC-1155 too few, ERC-721 not owner)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const alice = getAddress(m.alice.account.address);
      // alice holds 5 of the ETH edition: 6 is too many.
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 6n })], {
          account: m.alice.account,
        }),
        m.market,
        "Market_SellerNotOwner",
        [alice],
      );
      await m.nft.write.mint([m.bob.account.address, 9n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([listing(m, { collection: m.nft.address, tokenId: 9n, standard: ERC721 })], {
          account: m.alice.account,
        }),
        m.market,
        "Market_SellerNotOwner",
        [alice],
      );
    });

    it("a seller who did not approve the marketplace reverts Market_NotApproved; a single-token ERC-721 approval is enough", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const bob = getAddress(m.bob.account.address);
      // bob holds 2 of the ETH edition and never approved.
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([listing(m, { seller: bob, collection: m.collection.address, tokenId: m.ids.eth })], {
          account: m.bob.account,
        }),
        m.market,
        "Market_NotApproved",
        [bob],
      );
      await m.nft.write.mint([bob, 9n]);
      const l = listing(m, { seller: bob, collection: m.nft.address, tokenId: 9n, standard: ERC721 });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.list([l], { account: m.bob.account }),
        m.market,
        "Market_NotApproved",
        [bob],
      );
      await m.nft.write.approve([m.market.address, 9n], { account: m.bob.account });
      await m.market.write.list([l], { account: m.bob.account });
      assert.equal(await m.market.read.remaining([idOf(l)]), 1n);
    });
  });

  describe("cancel", function () {
    it("only the seller cancels; ListingCancelled; remaining 0; cancelling again reverts Market_NotListed", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 2n, standard: ERC1155 });
      const id = idOf(l);
      await m.market.write.list([l], { account: m.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancel([l], { account: m.bob.account }),
        m.market,
        "Market_NotSeller",
        [getAddress(m.bob.account.address)],
      );
      assert.equal(await m.market.read.remaining([id]), 2n);
      await viem.assertions.emitWithArgs(
        m.market.write.cancel([l], { account: m.alice.account }),
        m.market,
        "ListingCancelled",
        [id],
      );
      assert.equal(await m.market.read.remaining([id]), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancel([l], { account: m.alice.account }),
        m.market,
        "Market_NotListed",
        [id],
      );
      // Cancelled terms can be listed again (remaining was cleared).
      await m.market.write.list([l], { account: m.alice.account });
      assert.equal(await m.market.read.remaining([id]), 2n);
    });
  });
});
