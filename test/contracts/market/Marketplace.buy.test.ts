import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";
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
  SALE,
  USDC_UNIT,
  NFT_ROYALTY_BPS,
  GREEDY_ROYALTY_BPS,
  type Listing,
  type Market,
} from "./fixture.ts";

type Account = Market["bob"];

/** `buyer` buys `quantity` of `l` at its own terms, paying the exact ETH unless `value` says otherwise. */
function buy(m: Market, buyer: Account, l: Listing, quantity: bigint, opts: { value?: bigint } = {}) {
  const value = opts.value ?? (l.currency === ETH ? l.price * quantity : 0n);
  return m.market.write.buy([l, quantity, l.currency, l.price], { account: buyer.account, value });
}

/**
 * Checks a mined purchase: Ledger credits (seller, royalty receiver, treasury, referrer, buyer), what the
 * Ledger holds, SalePaid (ref = listing id, operator = marketplace) then Bought, the token delivered and
 * remaining decreased.
 */
async function checkSale(
  m: Market,
  hash: Hex,
  l: Listing,
  o: {
    buyer: Account;
    quantity: bigint;
    royaltyReceiver: Address;
    rawRoyalty: bigint;
    artist: Address;
    before: { credits: bigint[]; held: bigint; remaining: bigint };
  },
) {
  const total = l.price * o.quantity;
  const p = saleParts(total, o.rawRoyalty, o.artist !== zeroAddress);
  assert.equal(p.seller + p.royalty + p.fee, total, "the parts add up to the price");
  const credits = await balances(m, creditees(m, o.royaltyReceiver), l.currency);
  assert.deepEqual(diff(credits, o.before.credits), [p.seller, p.royalty, p.treasury, p.referral, 0n]);
  assert.equal((await held(m, l.currency)) - o.before.held, total, "the Ledger holds exactly the credits");
  const id = idOf(l);
  const events = await eventsOf(m, hash);
  assert.deepEqual(
    events.map((e) => e.eventName),
    ["SalePaid", "Bought"],
  );
  assert.deepEqual(events[0]!.args, {
    seller: l.seller,
    payer: getAddress(o.buyer.account.address),
    token: getAddress(l.currency),
    operator: getAddress(m.market.address),
    source: SALE,
    ref: BigInt(id),
    price: total,
    royalty: p.royalty,
    royaltyReceiver: p.royalty === 0n ? zeroAddress : getAddress(o.royaltyReceiver),
    fee: p.fee,
    referral: p.referral,
    artist: o.artist === zeroAddress ? zeroAddress : getAddress(o.artist),
    // The artist (when named) is referred: SalePaid names its referrer and the treasury credited.
    referrer: o.artist === zeroAddress ? zeroAddress : getAddress(m.referrer.account.address),
    treasury: getAddress(m.treasury.account.address),
  });
  assert.deepEqual(events[1]!.args, { id, buyer: getAddress(o.buyer.account.address), quantity: o.quantity });
  assert.equal(await m.market.read.remaining([id]), o.before.remaining - o.quantity);
}

/** Seller (alice), royalty receiver, treasury, referrer, buyer (bob or carol: whoever is not involved is 0). */
function creditees(m: Market, royaltyReceiver: Address): Address[] {
  return [
    m.alice.account.address,
    royaltyReceiver,
    m.treasury.account.address,
    m.referrer.account.address,
    m.bob.account.address,
  ];
}

async function before(m: Market, l: Listing, royaltyReceiver: Address) {
  return {
    credits: await balances(m, creditees(m, royaltyReceiver), l.currency),
    held: await held(m, l.currency),
    remaining: await m.market.read.remaining([idOf(l)]),
  };
}

describe("Marketplace", function () {
  describe("buy", function () {
    it("ERC-721 in ETH (outside TestNFT): 5% royalty, 2.5% fee, no referral, seller the rest; bob gets the token", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, price: 10n ** 18n });
      await m.market.write.list([l], { account: m.alice.account });
      const b = await before(m, l, m.nftRoyalty);
      const hash = await buy(m, m.bob, l, 1n);
      await viem.assertions.balancesHaveChanged(hash, [
        { address: m.ledger.address, amount: l.price },
        { address: m.market.address, amount: 0n },
      ]);
      await checkSale(m, hash, l, {
        buyer: m.bob,
        quantity: 1n,
        royaltyReceiver: m.nftRoyalty,
        rawRoyalty: (l.price * NFT_ROYALTY_BPS) / 10_000n,
        artist: zeroAddress,
        before: b,
      });
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.bob.account.address));
      // Spelled out once: 1 ETH = 0.925 seller + 0.05 royalty + 0.025 fee.
      assert.deepEqual(saleParts(10n ** 18n, 5n * 10n ** 16n, false), {
        royalty: 5n * 10n ** 16n,
        fee: 25n * 10n ** 15n,
        referral: 0n,
        treasury: 25n * 10n ** 15n,
        seller: 925n * 10n ** 15n,
      });
      // Sold out.
      await viem.assertions.revertWithCustomErrorWithArgs(buy(m, m.carol, l, 1n), m.market, "Market_NotListed", [
        idOf(l),
      ]);
    });

    it("cuts a royalty above 25% of the price to 25%", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.greedy.address, tokenId: 1n, standard: ERC721, price: 4n * 10n ** 18n });
      await m.market.write.list([l], { account: m.alice.account });
      const b = await before(m, l, m.nftRoyalty);
      const hash = await buy(m, m.bob, l, 1n);
      const raw = (l.price * GREEDY_ROYALTY_BPS) / 10_000n;
      assert.equal(saleParts(l.price, raw, false).royalty, 10n ** 18n, "25% of 4 ETH");
      await checkSale(m, hash, l, {
        buyer: m.bob,
        quantity: 1n,
        royaltyReceiver: m.nftRoyalty,
        rawRoyalty: raw,
        artist: zeroAddress,
        before: b,
      });
    });

    it("ERC-1155 drop in ETH, partial fills: 7.5% royalty to the artist's Split, 5% of the fee to its referrer", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, {
        collection: m.collection.address,
        tokenId: m.ids.eth,
        quantity: 5n,
        price: 2n * 10n ** 16n,
      });
      await m.market.write.list([l], { account: m.alice.account });
      for (const q of [2n, 3n]) {
        const b = await before(m, l, m.payout);
        const hash = await buy(m, m.bob, l, q);
        await checkSale(m, hash, l, {
          buyer: m.bob,
          quantity: q,
          royaltyReceiver: m.payout,
          rawRoyalty: (l.price * q * 750n) / 10_000n,
          artist: m.artist.account.address,
          before: b,
        });
      }
      assert.equal(await m.collection.read.balanceOf([m.bob.account.address, m.ids.eth]), 2n + 5n);
      assert.equal(await m.collection.read.balanceOf([m.alice.account.address, m.ids.eth]), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(buy(m, m.bob, l, 1n), m.market, "Market_NotListed", [
        idOf(l),
      ]);
    });

    it("ERC-1155 drop in USDC (buyer approved the Ledger), partial fill", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, {
        collection: m.collection.address,
        tokenId: m.ids.usdc,
        quantity: 20n,
        currency: m.USDC,
        price: 7n * USDC_UNIT,
      });
      await m.market.write.list([l], { account: m.alice.account });
      const b = await before(m, l, m.payout);
      const bobUsdc = await m.usdc.read.balanceOf([m.bob.account.address]);
      const hash = await buy(m, m.bob, l, 3n);
      await checkSale(m, hash, l, {
        buyer: m.bob,
        quantity: 3n,
        royaltyReceiver: m.payout,
        rawRoyalty: (21n * USDC_UNIT * 750n) / 10_000n,
        artist: m.artist.account.address,
        before: b,
      });
      assert.equal(bobUsdc - (await m.usdc.read.balanceOf([m.bob.account.address])), 21n * USDC_UNIT);
      assert.equal(await m.collection.read.balanceOf([m.bob.account.address, m.ids.usdc]), 3n);
      assert.equal(await m.market.read.remaining([idOf(l)]), 17n);
      // ETH sent with an ERC-20 listing is refused.
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(m, m.bob, l, 1n, { value: 1n }),
        m.market,
        "Market_WrongPayment",
        [0n, 1n],
      );
    });

    it("more than remaining (or zero) reverts Market_QuantityUnavailable", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 3n, price: 10n ** 16n });
      await m.market.write.list([l], { account: m.alice.account });
      await buy(m, m.bob, l, 2n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(m, m.bob, l, 2n),
        m.market,
        "Market_QuantityUnavailable",
        [2n, 1n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(m, m.bob, l, 0n),
        m.market,
        "Market_QuantityUnavailable",
        [0n, 1n],
      );
      assert.equal(await m.market.read.remaining([idOf(l)]), 1n);
    });

    it("at or after expiry reverts Market_Expired", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.list([l], { account: m.alice.account });
      await networkHelpers.time.setNextBlockTimestamp(l.expiry);
      await viem.assertions.revertWithCustomErrorWithArgs(buy(m, m.bob, l, 1n), m.market, "Market_Expired", [
        idOf(l),
        l.expiry,
      ]);
    });

    it("a buyer naming another currency or price reverts Market_TermsChanged", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, price: 10n ** 18n });
      await m.market.write.list([l], { account: m.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.buy([l, 1n, ETH, l.price - 1n], { account: m.bob.account, value: l.price - 1n }),
        m.market,
        "Market_TermsChanged",
        [ETH, l.price],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.buy([l, 1n, m.USDC, l.price], { account: m.bob.account }),
        m.market,
        "Market_TermsChanged",
        [ETH, l.price],
      );
    });

    it("wrong ETH reverts Market_WrongPayment", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 3n, price: 10n ** 16n });
      await m.market.write.list([l], { account: m.alice.account });
      for (const value of [0n, 2n * 10n ** 16n - 1n, 2n * 10n ** 16n + 1n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          buy(m, m.bob, l, 2n, { value }),
          m.market,
          "Market_WrongPayment",
          [2n * 10n ** 16n, value],
        );
      }
    });

    it("a cancelled listing reverts Market_NotListed", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const l = listing(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.list([l], { account: m.alice.account });
      await m.market.write.cancel([l], { account: m.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(buy(m, m.bob, l, 1n), m.market, "Market_NotListed", [
        idOf(l),
      ]);
    });
  });
});
