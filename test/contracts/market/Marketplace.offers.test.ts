import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  offer,
  offerIdOf,
  saleParts,
  balances,
  held,
  diff,
  eventsOf,
  ERC721,
  ETH,
  SALE,
  USDC_UNIT,
  NFT_ROYALTY_BPS,
  GREEDY_ROYALTY_BPS,
  type Offer,
  type Market,
} from "./fixture.ts";

/** Drop editions pay a 7.5% royalty to the artist's Split (drops fixture ROYALTY_BPS). */
const DROP_ROYALTY_BPS = 750n;

/** Seller (alice), royalty receiver, treasury, referrer, buyer (bob). */
const creditees = (m: Market, royaltyReceiver: Address): Address[] => [
  m.alice.account.address,
  royaltyReceiver,
  m.treasury.account.address,
  m.referrer.account.address,
  m.bob.account.address,
];

/** Everything an acceptance may move: Ledger credits and holdings, what is left, the buyer's USDC. */
async function snapshot(m: Market, o: Offer, royaltyReceiver: Address) {
  return {
    credits: await balances(m, creditees(m, royaltyReceiver), o.currency),
    held: await held(m, o.currency),
    remaining: await m.market.read.offerRemaining([offerIdOf(o)]),
    buyerWallet: await m.usdc.read.balanceOf([o.buyer]),
  };
}

const accept = (m: Market, o: Offer, tokenId: bigint, quantity: bigint, seller = m.alice) =>
  m.market.write.acceptOffer([o, tokenId, quantity], { account: seller.account });

/**
 * Checks a mined acceptance by alice: the buyer paid exactly the total from its wallet, every Ledger credit
 * (seller, royalty receiver, treasury, referrer; the buyer nothing) by saleParts, SalePaid (payer = buyer,
 * ref = offer id) then OfferAccepted, and what is left of the offer.
 */
async function checkAccepted(
  m: Market,
  hash: Hex,
  o: Offer,
  x: {
    tokenId: bigint;
    quantity: bigint;
    royaltyReceiver: Address;
    royaltyBps: bigint;
    artist: Address;
    before: Awaited<ReturnType<typeof snapshot>>;
  },
) {
  const total = o.price * x.quantity;
  const p = saleParts(total, (total * x.royaltyBps) / 10_000n, x.artist !== zeroAddress);
  const after = await snapshot(m, o, x.royaltyReceiver);
  assert.deepEqual(diff(after.credits, x.before.credits), [p.seller, p.royalty, p.treasury, p.referral, 0n]);
  assert.equal(p.seller + p.royalty + p.treasury + p.referral, total, "the credits add up to the price");
  assert.equal(after.held - x.before.held, total, "the Ledger holds exactly what it credited");
  assert.equal(x.before.buyerWallet - after.buyerWallet, total, "the buyer paid exactly the total");
  assert.equal(after.remaining, x.before.remaining - x.quantity);
  const id = offerIdOf(o);
  const events = await eventsOf(m, hash);
  assert.deepEqual(
    events.map((e) => e.eventName),
    ["SalePaid", "OfferAccepted"],
  );
  assert.deepEqual(events[0]!.args, {
    seller: getAddress(m.alice.account.address),
    payer: getAddress(o.buyer),
    token: getAddress(o.currency),
    operator: getAddress(m.market.address),
    source: SALE,
    ref: BigInt(id),
    price: total,
    royalty: p.royalty,
    royaltyReceiver: p.royalty === 0n ? zeroAddress : getAddress(x.royaltyReceiver),
    fee: p.fee,
    referral: p.referral,
    artist: x.artist === zeroAddress ? zeroAddress : getAddress(x.artist),
    referrer: x.artist === zeroAddress ? zeroAddress : getAddress(m.referrer.account.address),
    treasury: getAddress(m.treasury.account.address),
  });
  assert.deepEqual(events[1]!.args, {
    id,
    seller: getAddress(m.alice.account.address),
    tokenId: x.tokenId,
    quantity: x.quantity,
  });
}

describe("Marketplace", function () {
  describe("offers", function () {
    it("makeOffer records the terms (OfferMade, id = keccak256(abi.encode(offer)), remaining) and moves no funds", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.collection.address, tokenId: m.ids.usdc, quantity: 4n });
      const id = offerIdOf(o);
      assert.equal(await m.market.read.offerId([o]), id);
      const wallet = await m.usdc.read.balanceOf([o.buyer]);
      await viem.assertions.emitWithArgs(
        m.market.write.makeOffer([o], { account: m.bob.account }),
        m.market,
        "OfferMade",
        [id, o.buyer, getAddress(o.collection), { ...o, collection: getAddress(o.collection) }],
      );
      assert.equal(await m.market.read.offerRemaining([id]), 4n);
      assert.equal(await m.usdc.read.balanceOf([o.buyer]), wallet, "funds stay in the buyer's wallet");
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.makeOffer([o], { account: m.bob.account }),
        m.market,
        "Market_AlreadyOffered",
        [id],
      );
      // The same terms under another salt are another offer.
      const again = { ...o, salt: 1n };
      await m.market.write.makeOffer([again], { account: m.bob.account });
      assert.equal(await m.market.read.offerRemaining([offerIdOf(again)]), 4n);
    });

    it("only the buyer makes or cancels its offer: Market_NotBuyer", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.makeOffer([o], { account: m.carol.account }),
        m.market,
        "Market_NotBuyer",
        [getAddress(m.carol.account.address)],
      );
      await m.market.write.makeOffer([o], { account: m.bob.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelOffer([o], { account: m.carol.account }),
        m.market,
        "Market_NotBuyer",
        [getAddress(m.carol.account.address)],
      );
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 1n);
    });

    it("invalid terms revert Market_InvalidOffer (zero quantity or price, ETH, past expiry, ERC-721 quantity 2)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const drop = { collection: m.collection.address, tokenId: m.ids.eth };
      const bad: Offer[] = [
        offer(m, { ...drop, quantity: 0n }),
        offer(m, { ...drop, price: 0n }),
        offer(m, { ...drop, currency: ETH }),
        offer(m, { ...drop, expiry: m.now - 1 }),
        offer(m, { ...drop, expiry: 0 }),
        offer(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, quantity: 2n }),
      ];
      for (const o of bad) {
        await viem.assertions.revertWithCustomError(
          m.market.write.makeOffer([o], { account: m.bob.account }),
          m.market,
          "Market_InvalidOffer",
        );
      }
      // An expiry equal to the next block's time is already past.
      const now = offer(m, { ...drop, expiry: m.now + 100 });
      await networkHelpers.time.setNextBlockTimestamp(now.expiry);
      await viem.assertions.revertWithCustomError(
        m.market.write.makeOffer([now], { account: m.bob.account }),
        m.market,
        "Market_InvalidOffer",
      );
    });

    it("cancelOffer: OfferCancelled, nothing left; accepting or cancelling again reverts Market_NoOffer", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.collection.address, tokenId: m.ids.usdc, quantity: 3n });
      const id = offerIdOf(o);
      // Never made.
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelOffer([o], { account: m.bob.account }),
        m.market,
        "Market_NoOffer",
        [id],
      );
      await m.market.write.makeOffer([o], { account: m.bob.account });
      await viem.assertions.emitWithArgs(
        m.market.write.cancelOffer([o], { account: m.bob.account }),
        m.market,
        "OfferCancelled",
        [id],
      );
      assert.equal(await m.market.read.offerRemaining([id]), 0n);
      const before = await snapshot(m, o, m.payout);
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, m.ids.usdc, 1n), m.market, "Market_NoOffer", [
        id,
      ]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelOffer([o], { account: m.bob.account }),
        m.market,
        "Market_NoOffer",
        [id],
      );
      assert.deepEqual(await snapshot(m, o, m.payout), before);
    });

    it("accept a token offer on an ERC-721 (USDC): 5% royalty, 2.5% fee, seller the rest; the buyer gets the token", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.nft.address, tokenId: 2n, standard: ERC721, price: 40n * USDC_UNIT });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const before = await snapshot(m, o, m.nftRoyalty);
      const hash = await accept(m, o, 2n, 1n);
      await checkAccepted(m, hash, o, {
        tokenId: 2n,
        quantity: 1n,
        royaltyReceiver: m.nftRoyalty,
        royaltyBps: NFT_ROYALTY_BPS,
        artist: zeroAddress,
        before,
      });
      // Spelled out once: 40 USDC = 37 seller + 2 royalty + 1 fee.
      assert.deepEqual(saleParts(40n * USDC_UNIT, 2n * USDC_UNIT, false), {
        royalty: 2n * USDC_UNIT,
        fee: USDC_UNIT,
        referral: 0n,
        treasury: USDC_UNIT,
        seller: 37n * USDC_UNIT,
      });
      assert.equal(await m.nft.read.ownerOf([2n]), getAddress(m.bob.account.address));
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, 2n, 1n), m.market, "Market_NoOffer", [
        offerIdOf(o),
      ]);
    });

    it("a royalty above 25% is cut to 25% on an accepted offer", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.greedy.address, tokenId: 1n, standard: ERC721, price: 100n * USDC_UNIT });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const before = await snapshot(m, o, m.nftRoyalty);
      const hash = await accept(m, o, 1n, 1n);
      const p = saleParts(o.price, (o.price * GREEDY_ROYALTY_BPS) / 10_000n, false);
      assert.equal(p.royalty, 25n * USDC_UNIT);
      await checkAccepted(m, hash, o, {
        tokenId: 1n,
        quantity: 1n,
        royaltyReceiver: m.nftRoyalty,
        royaltyBps: 2500n, // the cap
        artist: zeroAddress,
        before,
      });
    });

    it("a collection offer on an ERC-1155 drop fills in parts with any of its tokens: 7.5% royalty to the Split, referral", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      // Up to the newest edition (#4, F-05): the ETH (#1) and USDC (#2) editions both fill it.
      const o = offer(m, {
        collection: m.collection.address,
        anyToken: true,
        tokenId: m.ids.free,
        quantity: 6n,
        price: 3n * USDC_UNIT,
      });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const bobHeld = {
        eth: await m.collection.read.balanceOf([m.bob.account.address, m.ids.eth]),
        usdc: await m.collection.read.balanceOf([m.bob.account.address, m.ids.usdc]),
      };
      for (const [tokenId, quantity] of [
        [m.ids.usdc, 4n],
        [m.ids.eth, 2n],
      ] as const) {
        const before = await snapshot(m, o, m.payout);
        const hash = await accept(m, o, tokenId, quantity);
        await checkAccepted(m, hash, o, {
          tokenId,
          quantity,
          royaltyReceiver: m.payout,
          royaltyBps: DROP_ROYALTY_BPS,
          artist: m.artist.account.address,
          before,
        });
      }
      assert.equal(await m.collection.read.balanceOf([m.bob.account.address, m.ids.usdc]), bobHeld.usdc + 4n);
      assert.equal(await m.collection.read.balanceOf([m.bob.account.address, m.ids.eth]), bobHeld.eth + 2n);
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, m.ids.usdc, 1n), m.market, "Market_NoOffer", [
        offerIdOf(o),
      ]);
    });

    it("a collection offer on an ERC-721 takes any token of the collection", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.nft.address, tokenId: 999n, anyToken: true, standard: ERC721 });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const before = await snapshot(m, o, m.nftRoyalty);
      const hash = await accept(m, o, 2n, 1n);
      await checkAccepted(m, hash, o, {
        tokenId: 2n,
        quantity: 1n,
        royaltyReceiver: m.nftRoyalty,
        royaltyBps: NFT_ROYALTY_BPS,
        artist: zeroAddress,
        before,
      });
      assert.equal(await m.nft.read.ownerOf([2n]), getAddress(m.bob.account.address));
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.alice.account.address));
    });

    it("more than is left (or zero) reverts Market_QuantityUnavailable", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.collection.address, tokenId: m.ids.usdc, quantity: 3n });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      await accept(m, o, m.ids.usdc, 2n);
      for (const q of [2n, 0n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          accept(m, o, m.ids.usdc, q),
          m.market,
          "Market_QuantityUnavailable",
          [q, 1n],
        );
      }
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 1n);
    });

    it("a token offer accepted with another token reverts Market_WrongToken", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const before = await snapshot(m, o, m.nftRoyalty);
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, 2n, 1n), m.market, "Market_WrongToken", [2n]);
      assert.deepEqual(await snapshot(m, o, m.nftRoyalty), before);
      assert.equal(await m.nft.read.ownerOf([2n]), getAddress(m.alice.account.address));
    });

    it("at or after its expiry an offer reverts Market_Expired", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      await networkHelpers.time.setNextBlockTimestamp(o.expiry);
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, 1n, 1n), m.market, "Market_Expired", [
        offerIdOf(o),
        o.expiry,
      ]);
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 1n, "expired, not consumed");
    });

    it("funds are checked at acceptance: spent or un-approved funds revert Market_OfferUnfunded and nothing moves", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, {
        collection: m.collection.address,
        tokenId: m.ids.usdc,
        quantity: 5n,
        price: 100n * USDC_UNIT,
      });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const needed = 3n * o.price;
      const aliceTokens = await m.collection.read.balanceOf([m.alice.account.address, m.ids.usdc]);
      const MAX = 2n ** 256n - 1n;

      // bob spends all but 250 USDC after offering: 300 are needed for 3.
      const wallet = await m.usdc.read.balanceOf([o.buyer]);
      await m.usdc.write.transfer([m.carol.account.address, wallet - 250n * USDC_UNIT], { account: m.bob.account });
      let before = await snapshot(m, o, m.payout);
      await viem.assertions.revertWithCustomErrorWithArgs(
        accept(m, o, m.ids.usdc, 3n),
        m.market,
        "Market_OfferUnfunded",
        [o.buyer, needed, 250n * USDC_UNIT, MAX],
      );
      assert.deepEqual(await snapshot(m, o, m.payout), before);
      // What bob can still pay for goes through.
      await accept(m, o, m.ids.usdc, 2n);

      // bob withdraws his approval to the Ledger.
      await m.usdc.write.mint([o.buyer, 1_000n * USDC_UNIT]);
      await m.usdc.write.approve([m.ledger.address, 0n], { account: m.bob.account });
      before = await snapshot(m, o, m.payout);
      await viem.assertions.revertWithCustomErrorWithArgs(
        accept(m, o, m.ids.usdc, 3n),
        m.market,
        "Market_OfferUnfunded",
        [o.buyer, needed, before.buyerWallet, 0n],
      );
      assert.deepEqual(await snapshot(m, o, m.payout), before);
      assert.equal(await m.collection.read.balanceOf([m.alice.account.address, m.ids.usdc]), aliceTokens - 2n);

      // Funded again, the offer still stands.
      await m.usdc.write.approve([m.ledger.address, needed], { account: m.bob.account });
      const hash = await accept(m, o, m.ids.usdc, 3n);
      await checkAccepted(m, hash, o, {
        tokenId: m.ids.usdc,
        quantity: 3n,
        royaltyReceiver: m.payout,
        royaltyBps: DROP_ROYALTY_BPS,
        artist: m.artist.account.address,
        before,
      });
    });

    it("accepting without the token or the approval reverts by name and charges the buyer nothing", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const o = offer(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 3n });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      const before = await snapshot(m, o, m.payout);
      // carol holds none.
      await viem.assertions.revertWithCustomErrorWithArgs(
        accept(m, o, m.ids.eth, 1n, m.carol),
        m.market,
        "Market_SellerNotOwner",
        [getAddress(m.carol.account.address)],
      );
      // alice un-approves the marketplace.
      await m.collection.write.setApprovalForAll([m.market.address, false], { account: m.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, m.ids.eth, 1n), m.market, "Market_NotApproved", [
        getAddress(m.alice.account.address),
      ]);
      assert.deepEqual(await snapshot(m, o, m.payout), before);
    });

    it("an offer in a fee-on-transfer token cannot be accepted (the Ledger refuses a short payment)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const fot = await viem.deployContract("FeeOnTransferToken");
      await fot.write.mint([m.bob.account.address, 10n ** 20n]);
      await fot.write.approve([m.ledger.address, 2n ** 256n - 1n], { account: m.bob.account });
      const o = offer(m, {
        collection: m.nft.address,
        tokenId: 1n,
        standard: ERC721,
        currency: fot.address,
        price: 10n ** 18n,
      });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      await viem.assertions.revertWithCustomErrorWithArgs(accept(m, o, 1n, 1n), m.ledger, "Ledger_AmountMismatch", [
        o.price,
        o.price - o.price / 100n,
      ]);
      assert.equal(await fot.read.balanceOf([m.bob.account.address]), 10n ** 20n);
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 1n);
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.alice.account.address));
    });
  });
});
