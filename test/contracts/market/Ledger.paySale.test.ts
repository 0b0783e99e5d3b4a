import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address } from "viem";
import { viem, networkHelpers, fixture, saleParts, balances, held, diff, ETH, SALE, type Market } from "./fixture.ts";

type Sale = {
  payer: Address;
  token: Address;
  price: bigint;
  seller: Address;
  royaltyReceiver: Address;
  royalty: bigint;
  artist: Address;
  source: `0x${string}`;
  ref: bigint;
};

/** A sale by `payer` in ETH to alice, 5% royalty to carol, for the referred drop artist, ref 42. */
function sale(m: Market, payer: Address, over: Partial<Sale> = {}): Sale {
  const price = over.price ?? 10n ** 18n;
  return {
    payer,
    token: ETH,
    price,
    seller: getAddress(m.alice.account.address),
    royaltyReceiver: getAddress(m.carol.account.address),
    royalty: price / 20n,
    artist: getAddress(m.artist.account.address),
    source: SALE,
    ref: 42n,
    ...over,
  };
}

function owners(m: Market): Address[] {
  return [m.alice.account.address, m.carol.account.address, m.treasury.account.address, m.referrer.account.address];
}

describe("Ledger.paySale", function () {
  it("ETH by anyone for itself: royalty, fee (5% of it to the artist's referrer), seller the rest; SalePaid", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const payer = getAddress(m.stranger.account.address);
    const s = sale(m, payer);
    const before = await balances(m, owners(m));
    const heldBefore = await held(m);
    await viem.assertions.emitWithArgs(
      m.ledger.write.paySale([s], { account: m.stranger.account, value: s.price }),
      m.ledger,
      "SalePaid",
      [
        s.seller,
        payer,
        ETH,
        payer,
        SALE,
        42n,
        s.price,
        s.royalty,
        s.royaltyReceiver,
        (s.price * 250n) / 10_000n,
        (((s.price * 250n) / 10_000n) * 500n) / 10_000n,
        s.artist,
        getAddress(m.referrer.account.address),
        getAddress(m.treasury.account.address),
      ],
    );
    const p = saleParts(s.price, s.royalty, true);
    assert.deepEqual(diff(await balances(m, owners(m)), before), [p.seller, p.royalty, p.treasury, p.referral]);
    assert.equal((await held(m)) - heldBefore, s.price);
  });

  it("no artist (zero) means no referral; an unregistered artist too", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    for (const artist of [zeroAddress, getAddress(m.bob.account.address)]) {
      const s = sale(m, m.stranger.account.address, { artist });
      const before = await balances(m, owners(m));
      await m.ledger.write.paySale([s], { account: m.stranger.account, value: s.price });
      const p = saleParts(s.price, s.royalty, false);
      assert.deepEqual(diff(await balances(m, owners(m)), before), [p.seller, p.royalty, p.treasury, 0n]);
    }
  });

  it("ERC-20: the payer itself or an operator (the Marketplace) pulls it; anyone else: Ledger_Unauthorized", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const bob = getAddress(m.bob.account.address);
    const s = sale(m, bob, { token: m.USDC, price: 10_000_000n, royalty: 1_000_000n });
    await viem.assertions.revertWithCustomErrorWithArgs(
      m.ledger.write.paySale([s], { account: m.stranger.account }),
      m.ledger,
      "Ledger_Unauthorized",
      [getAddress(m.stranger.account.address)],
    );
    const before = await balances(m, owners(m), m.USDC);
    await m.ledger.write.paySale([s], { account: m.bob.account });
    // The Marketplace is an operator: it may pull bob's approved USDC.
    const market = getAddress(m.market.address);
    assert.equal(await m.ledger.read.operatorLevel([market]), 1);
    await networkHelpers.impersonateAccount(market);
    await networkHelpers.setBalance(market, 10n ** 18n);
    await m.ledger.write.paySale([s], { account: market });
    const p = saleParts(s.price, s.royalty, true);
    assert.deepEqual(
      diff(await balances(m, owners(m), m.USDC), before),
      [p.seller, p.royalty, p.treasury, p.referral].map((x) => 2n * x),
    );
  });

  it("royalty + fee above the price reverts Payments_RoyaltyTooHigh; exactly the price leaves the seller 0", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const payer = m.stranger.account.address;
    const price = 10_000n;
    const fee = 250n;
    await viem.assertions.revertWithCustomErrorWithArgs(
      m.ledger.write.paySale([sale(m, payer, { price, royalty: price - fee + 1n })], {
        account: m.stranger.account,
        value: price,
      }),
      m.ledger,
      "Payments_RoyaltyTooHigh",
      [price, price - fee + 1n, fee],
    );
    const before = await balances(m, owners(m));
    await m.ledger.write.paySale([sale(m, payer, { price, royalty: price - fee })], {
      account: m.stranger.account,
      value: price,
    });
    const referral = (fee * 500n) / 10_000n;
    assert.deepEqual(diff(await balances(m, owners(m)), before), [0n, price - fee, fee - referral, referral]);
  });

  it("zero seller, a royalty without a receiver: Ledger_ZeroAddress; price 0: Ledger_ZeroAmount; wrong ETH: Ledger_ValueMismatch", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const payer = m.stranger.account.address;
    const opts = { account: m.stranger.account, value: 10n ** 18n };
    await viem.assertions.revertWithCustomError(
      m.ledger.write.paySale([sale(m, payer, { seller: zeroAddress })], opts),
      m.ledger,
      "Ledger_ZeroAddress",
    );
    await viem.assertions.revertWithCustomError(
      m.ledger.write.paySale([sale(m, payer, { royaltyReceiver: zeroAddress })], opts),
      m.ledger,
      "Ledger_ZeroAddress",
    );
    await viem.assertions.revertWithCustomError(
      m.ledger.write.paySale([sale(m, payer, { price: 0n, royalty: 0n })], { account: m.stranger.account }),
      m.ledger,
      "Ledger_ZeroAmount",
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      m.ledger.write.paySale([sale(m, payer)], { account: m.stranger.account, value: 1n }),
      m.ledger,
      "Ledger_ValueMismatch",
      [1n, 10n ** 18n],
    );
  });
});
