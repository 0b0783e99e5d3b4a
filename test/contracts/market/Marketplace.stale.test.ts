import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  listing,
  idOf,
  saleParts,
  balances,
  held,
  diff,
  eventsOf,
  ERC721,
  ETH,
  type Listing,
  type Market,
} from "./fixture.ts";

/** Everything a failed purchase must leave untouched: Ledger credits and holdings, remaining, the buyer's USDC. */
async function state(m: Market, l: Listing, extra: Address[] = []) {
  const owners = [
    m.alice.account.address,
    m.bob.account.address,
    m.treasury.account.address,
    m.referrer.account.address,
    m.payout,
    m.nftRoyalty,
    ...extra,
  ];
  return {
    eth: await balances(m, owners, ETH),
    usdc: await balances(m, owners, m.USDC),
    heldEth: await held(m, ETH),
    heldUsdc: await held(m, m.USDC),
    remaining: await m.market.read.remaining([idOf(l)]),
    bobUsdc: await m.usdc.read.balanceOf([m.bob.account.address]),
  };
}

describe("Marketplace", function () {
  describe("stale listings", function () {
    it("ERC-721 the seller transferred away: buy reverts Market_SellerNotOwner and charges nothing", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.list([l], { account: m.alice.account });
      await m.nft.write.transferFrom([m.alice.account.address, m.carol.account.address, 1n], {
        account: m.alice.account,
      });
      const before = await state(m, l);
      const tx = m.market.write.buy([l, 1n, ETH, l.price], { account: m.bob.account, value: l.price });
      await viem.assertions.revertWithCustomErrorWithArgs(tx, m.market, "Market_SellerNotOwner", [l.seller]);
      assert.deepEqual(await state(m, l), before);
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.carol.account.address));
    });

    it("ERC-1155 the seller no longer holds enough of: Market_SellerNotOwner, nothing charged (USDC)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, {
        collection: m.collection.address,
        tokenId: m.ids.usdc,
        quantity: 10n,
        currency: m.USDC,
        price: 1_000_000n,
      });
      await m.market.write.list([l], { account: m.alice.account });
      // alice keeps 2 of her 20.
      await m.collection.write.safeTransferFrom(
        [m.alice.account.address, m.carol.account.address, m.ids.usdc, 18n, "0x"],
        { account: m.alice.account },
      );
      const before = await state(m, l);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.buy([l, 3n, m.USDC, l.price], { account: m.bob.account }),
        m.market,
        "Market_SellerNotOwner",
        [l.seller],
      );
      assert.deepEqual(await state(m, l), before);
      // What she still holds can be bought.
      await m.market.write.buy([l, 2n, m.USDC, l.price], { account: m.bob.account });
      assert.equal(await m.collection.read.balanceOf([m.bob.account.address, m.ids.usdc]), 2n);
    });

    it("approval revoked: buy reverts Market_NotApproved and charges nothing (ERC-721 and ERC-1155)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const nftListing = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      const dropListing = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 2n });
      await m.market.write.list([nftListing], { account: m.alice.account });
      await m.market.write.list([dropListing], { account: m.alice.account });
      await m.nft.write.setApprovalForAll([m.market.address, false], { account: m.alice.account });
      await m.collection.write.setApprovalForAll([m.market.address, false], { account: m.alice.account });
      for (const l of [nftListing, dropListing]) {
        const before = await state(m, l);
        await viem.assertions.revertWithCustomErrorWithArgs(
          m.market.write.buy([l, 1n, ETH, l.price], { account: m.bob.account, value: l.price }),
          m.market,
          "Market_NotApproved",
          [l.seller],
        );
        assert.deepEqual(await state(m, l), before);
      }
    });
  });

  describe("hostile parties", function () {
    for (const [name, mode] of [
      ["reverts", 1],
      ["burns all its gas", 2],
    ] as const) {
      it(`a collection whose royaltyInfo ${name} still sells, with no royalty`, async function () {
        const m = await networkHelpers.loadFixture(fixture);
        const [receiver] = [m.carol.account.address];
        await m.hostile.write.setRoyalty([mode, receiver, 1000n]);
        const l = listing(m, { collection: m.hostile.address, tokenId: 7n, quantity: 10n, price: 10n ** 17n });
        await m.market.write.list([l], { account: m.alice.account });
        const owners = [m.alice.account.address, receiver, m.treasury.account.address];
        const before = await balances(m, owners);
        const hash = await m.market.write.buy([l, 4n, ETH, l.price], { account: m.bob.account, value: 4n * l.price });
        const p = saleParts(4n * l.price, 0n, false);
        assert.deepEqual(diff(await balances(m, owners), before), [p.seller, 0n, p.fee]);
        const [paid] = await eventsOf(m, hash);
        assert.equal(paid!.eventName, "SalePaid");
        assert.equal((paid!.args as { royalty: bigint }).royalty, 0n);
        assert.equal((paid!.args as { royaltyReceiver: Address }).royaltyReceiver, zeroAddress);
        assert.equal(await m.hostile.read.balanceOf([m.bob.account.address, 7n]), 4n);
      });
    }

    it("an outside collection claiming our referred artist() gets no referral (and pays its honest royalty)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      await m.hostile.write.setArtist([m.artist.account.address]);
      await m.hostile.write.setRoyalty([0, m.carol.account.address, 1000n]);
      assert.equal(await m.hostile.read.artist(), getAddress(m.artist.account.address));
      const l = listing(m, { collection: m.hostile.address, tokenId: 7n, quantity: 10n, price: 10n ** 17n });
      await m.market.write.list([l], { account: m.alice.account });
      const owners = [
        m.alice.account.address,
        m.carol.account.address,
        m.treasury.account.address,
        m.referrer.account.address,
      ];
      const before = await balances(m, owners);
      const hash = await m.market.write.buy([l, 2n, ETH, l.price], { account: m.bob.account, value: 2n * l.price });
      const total = 2n * l.price;
      const p = saleParts(total, total / 10n, false);
      assert.deepEqual(diff(await balances(m, owners), before), [p.seller, p.royalty, p.fee, 0n]);
      const [paid] = await eventsOf(m, hash);
      const args = paid!.args as { referral: bigint; artist: Address };
      assert.equal(args.referral, 0n);
      assert.equal(args.artist, zeroAddress);
    });

    it("a buyer contract that refuses the token makes the buy revert with nothing charged (ERC-1155 and ERC-721)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const buyer = await viem.deployContract("MarketBuyer");
      const dropListing = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 2n });
      const nftListing = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.list([dropListing], { account: m.alice.account });
      await m.market.write.list([nftListing], { account: m.alice.account });
      const cases = [
        [dropListing, m.collection, "ERC1155InvalidReceiver"],
        [nftListing, m.nft, "ERC721InvalidReceiver"],
      ] as const;
      for (const [l, token, error] of cases) {
        const before = await state(m, l, [buyer.address]);
        const bobEth = await m.publicClient.getBalance({ address: m.bob.account.address });
        const tx = buyer.write.buy([m.market.address, l, 1n, ETH, l.price], { account: m.bob.account, value: l.price });
        await viem.assertions.revertWithCustomErrorWithArgs(tx, token as never, error, [getAddress(buyer.address)]);
        assert.deepEqual(await state(m, l, [buyer.address]), before);
        assert.equal(await m.publicClient.getBalance({ address: buyer.address }), 0n);
        // bob paid gas at most (a reverted tx on this node may still cost gas), never the price.
        assert.ok(bobEth - (await m.publicClient.getBalance({ address: m.bob.account.address })) < l.price);
      }
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.alice.account.address));
    });
  });
});
