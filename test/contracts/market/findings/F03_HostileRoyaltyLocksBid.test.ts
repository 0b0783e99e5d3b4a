/**
 * F-03 (medium): a hostile collection could lock an auction's bid forever. try/catch does not catch return
 * data that fails to decode, so a `royaltyInfo` returning fewer than 64 bytes or a dirty address, or an
 * `artist()` returning nothing, made `settle` revert for good, while `cancelAuction` is refused once a bid
 * exists. The collection switches after the bid. Malformed answers must read as "no royalty" / "not ours",
 * and a bid that still cannot settle must have an escape. Shown failing on the code before the fix.
 */
import assert from "node:assert/strict";
import { getAddress } from "viem";
import {
  fixture,
  networkHelpers,
  auction,
  auctionIdOf,
  balances,
  saleParts,
  diff,
  ETH,
  type Market,
} from "../fixture.ts";

/** HostileRoyaltyNFT.Mode and .ArtistMode */
const ROYALTY = { honest: 0, short: 3, dirty: 4, empty: 5 } as const;
const ARTIST = { honest: 0, empty: 1, dirty: 2 } as const;

const cases = [
  ["royaltyInfo returns one word", ROYALTY.short, ARTIST.honest],
  ["royaltyInfo returns a dirty address", ROYALTY.dirty, ARTIST.honest],
  ["royaltyInfo returns nothing", ROYALTY.empty, ARTIST.honest],
  ["artist() returns nothing", ROYALTY.honest, ARTIST.empty],
  ["artist() returns a dirty address", ROYALTY.honest, ARTIST.dirty],
  ["both malformed", ROYALTY.short, ARTIST.empty],
] as const;

/** alice auctions 1 of hostile #7 in ETH; bob bids the reserve; the collection is honest until then. */
async function auctionWithBid(m: Market) {
  await m.hostile.write.setRoyalty([ROYALTY.honest, m.carol.account.address, 1000n]);
  await m.hostile.write.setArtist([m.artist.account.address]);
  const a = auction(m, { collection: m.hostile.address, tokenId: 7n });
  await m.market.write.createAuction([a], { account: m.alice.account });
  await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
  return a;
}

describe("F-03 regression: a hostile collection cannot lock an auction's bid", function () {
  for (const [name, royaltyMode, artistMode] of cases) {
    it(`${name} after the bid: settle still pays the seller and delivers the lot`, async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = await auctionWithBid(m);
      await m.hostile.write.setRoyalty([royaltyMode, m.carol.account.address, 1000n]);
      await m.hostile.write.setArtistMode([artistMode]);
      const { end } = await m.market.read.auctionState([auctionIdOf(a)]);
      await networkHelpers.time.increaseTo(end);
      const owners = [m.alice.account.address, m.carol.account.address];
      const before = await balances(m, owners);
      await m.market.write.settle([a], { account: m.stranger.account });
      // A malformed royalty answer is no royalty; an honest 10% one is paid.
      const royalty = royaltyMode === ROYALTY.honest ? (a.reserve * 1000n) / 10_000n : 0n;
      const p = saleParts(a.reserve, royalty, false);
      assert.deepEqual(diff(await balances(m, owners), before), [p.seller, p.royalty]);
      assert.equal(await m.hostile.read.balanceOf([m.bob.account.address, 7n]), 1n, "bob has the lot");
    });
  }

  it("a bid nobody settles can be unwound after the grace period: the bid back to the bidder, the lot to the seller", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const a = await auctionWithBid(m);
    const id = auctionIdOf(a);
    const { end } = await m.market.read.auctionState([id]);
    const grace = await m.market.read.SETTLE_GRACE();
    await networkHelpers.time.increaseTo(end + Number(grace) - 10);
    await m.hostile.write.setRoyalty([ROYALTY.short, m.carol.account.address, 1000n]);
    await m.hostile.write.setArtistMode([ARTIST.empty]);
    await assert.rejects(m.market.write.unwindAuction([a], { account: m.stranger.account }), "not before the grace");
    await networkHelpers.time.increaseTo(end + Number(grace));
    const [bobBefore] = await balances(m, [m.bob.account.address], ETH);
    const aliceTokens = await m.hostile.read.balanceOf([m.alice.account.address, 7n]);
    await m.market.write.unwindAuction([a], { account: m.stranger.account });
    const [bobAfter] = await balances(m, [m.bob.account.address], ETH);
    assert.equal(bobAfter! - bobBefore!, a.reserve, "the bid is a Ledger credit of the bidder");
    assert.equal(await m.hostile.read.balanceOf([m.alice.account.address, 7n]), aliceTokens + 1n, "lot back");
    const state = await m.market.read.auctionState([id]);
    assert.equal(state.amount, 0n);
    await assert.rejects(m.market.write.settle([a], { account: m.stranger.account }), "an unwound auction is over");
    assert.equal(getAddress(state.bidder), getAddress(m.bob.account.address));
  });
});
