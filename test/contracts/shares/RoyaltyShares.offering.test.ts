import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address } from "viem";
import {
  viem,
  networkHelpers,
  sharesFixture,
  createShares,
  sharesParams,
  buy,
  addr,
  credits,
  diff,
  holds,
  logsOf,
  parts,
  ETH,
  SHARES,
  PRICE,
  OFFERED,
  CAP,
  SUPPLY,
  DAY,
  USDC_UNIT,
  type Shares,
  type SharesWorld,
} from "./fixture.ts";

const USDC_PRICE = 5n * USDC_UNIT;

/** Shares with a USDC offering of 300 at 5 USDC, no cap, open tomorrow for a week. */
async function usdcShares(w: SharesWorld) {
  const now = await networkHelpers.time.latest();
  const { shares } = await createShares(
    w,
    sharesParams(
      w,
      { symbol: "USDC" },
      {
        currency: w.USDC,
        price: USDC_PRICE,
        amount: 300n,
        walletCap: 0n,
        start: now + DAY,
        end: now + 8 * DAY,
      },
    ),
  );
  return { shares, start: BigInt(now + DAY), end: BigInt(now + 8 * DAY) };
}

/** Everyone a buy can credit: treasury, referrer, the artist's payout, the affiliate (carol), the artist. */
function creditees(w: SharesWorld): Address[] {
  return [
    w.treasury.account.address,
    w.referrer.account.address,
    w.payout,
    w.carol.account.address,
    w.artist.account.address,
  ];
}

/**
 * Checks a mined buy of `amount` at `price` in `token` by `buyer`: the credits match both Ledger.quote and
 * the documented split, the Ledger holds exactly the cost, the vault keeps no payment, Paid (source
 * "shares", ref the shares address, operator the shares) and SharesBought.
 */
async function checkBuy(
  w: SharesWorld,
  shares: Shares,
  hash: `0x${string}`,
  o: {
    buyer: Address;
    amount: bigint;
    price: bigint;
    token: Address;
    affiliate?: Address;
    before: bigint[];
    held: bigint;
  },
) {
  const cost = o.amount * o.price;
  const affiliate = o.affiliate ?? zeroAddress;
  const q = await w.ledger.read.quote([w.artist.account.address, 0, cost, affiliate]);
  const p = parts(cost, { affiliate: affiliate !== zeroAddress });
  assert.deepEqual([q.fee, q.referral, q.affiliateFee, q.net], [p.fee, p.referral, p.affiliateFee, p.net]);
  assert.equal(q.payout, getAddress(w.payout));
  const after = await credits(w, creditees(w), o.token);
  assert.deepEqual(diff(after, o.before), [q.fee, q.referral, q.net, q.affiliateFee, 0n]);
  assert.equal((await holds(w, w.ledger.address, o.token)) - o.held, cost, "the Ledger holds exactly the cost");
  assert.equal(await holds(w, shares.address, o.token), 0n, "the vault keeps no payment");
  const paid = await logsOf(w, hash, w.ledger.address, w.ledger.abi);
  assert.deepEqual(
    paid.map((e) => [e.eventName, e.args]),
    [
      [
        "Paid",
        {
          artist: addr(w.artist),
          payer: getAddress(o.buyer),
          token: getAddress(o.token),
          operator: getAddress(shares.address),
          kind: 0,
          source: SHARES,
          ref: BigInt(shares.address),
          gross: cost,
          fee: q.fee,
          referral: q.referral,
          affiliateFee: q.affiliateFee,
          affiliate: getAddress(affiliate),
          payout: q.payout,
          referrer: q.referrer,
          treasury: q.treasury,
        },
      ],
    ],
  );
  const own = await logsOf(w, hash, shares.address, shares.abi);
  assert.deepEqual(
    own.map((e) => [e.eventName, e.args]),
    [
      ["Transfer", { from: addr(w.artist), to: getAddress(o.buyer), value: o.amount }],
      ["SharesBought", { buyer: getAddress(o.buyer), amount: o.amount, cost, affiliate: getAddress(affiliate) }],
    ],
  );
}

describe("Shares", function () {
  describe("RoyaltyShares offering", function () {
    it("an ETH buy pays exactly the cost through the Ledger: fee, referral, net to the payout as quoted", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const before = await credits(w, creditees(w));
      const held = await holds(w, w.ledger.address);
      const hash = await buy(w, w.shares, w.bob, 30n);
      await viem.assertions.balancesHaveChanged(hash, [
        { address: w.ledger.address, amount: 30n * PRICE },
        { address: w.shares.address, amount: 0n },
      ]);
      await checkBuy(w, w.shares, hash, { buyer: addr(w.bob), amount: 30n, price: PRICE, token: ETH, before, held });
      assert.equal(await w.shares.read.balanceOf([w.bob.account.address]), 30n);
      assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), SUPPLY - 30n);
      assert.equal(await w.shares.read.boughtBy([w.bob.account.address]), 30n);
      assert.equal(await w.shares.read.offeringRemaining(), OFFERED - 30n);
    });

    it("an affiliate earns its share of the fee; a buyer naming itself earns nothing", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      let before = await credits(w, creditees(w));
      let held = await holds(w, w.ledger.address);
      const carol = addr(w.carol);
      const hash = await buy(w, w.shares, w.bob, 20n, { affiliate: carol });
      await checkBuy(w, w.shares, hash, {
        buyer: addr(w.bob),
        amount: 20n,
        price: PRICE,
        token: ETH,
        affiliate: carol,
        before,
        held,
      });
      assert.ok(parts(20n * PRICE, { affiliate: true }).affiliateFee > 0n);
      // carol buys naming herself: the Ledger drops the affiliate
      before = await credits(w, creditees(w));
      held = await holds(w, w.ledger.address);
      const self = await buy(w, w.shares, w.carol, 5n, { affiliate: carol });
      const after = await credits(w, creditees(w));
      const p = parts(5n * PRICE);
      assert.deepEqual(diff(after, before), [p.fee, p.referral, p.net, 0n, 0n]);
      assert.equal((await holds(w, w.ledger.address)) - held, 5n * PRICE);
      const bought = (await logsOf(w, self, w.shares.address, w.shares.abi)).find(
        (e) => e.eventName === "SharesBought",
      );
      assert.deepEqual(bought!.args, { buyer: carol, amount: 5n, cost: 5n * PRICE, affiliate: carol });
    });

    it("a USDC buy pulls the cost from the buyer's Ledger approval and credits the same parts", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const { shares, start } = await usdcShares(w);
      await networkHelpers.time.increaseTo(start);
      const before = await credits(w, creditees(w), w.USDC);
      const held = await holds(w, w.ledger.address, w.USDC);
      const wallet = await w.usdc.read.balanceOf([w.bob.account.address]);
      const hash = await buy(w, shares, w.bob, 7n, { affiliate: addr(w.carol) });
      await checkBuy(w, shares, hash, {
        buyer: addr(w.bob),
        amount: 7n,
        price: USDC_PRICE,
        token: w.USDC,
        affiliate: addr(w.carol),
        before,
        held,
      });
      assert.equal(wallet - (await w.usdc.read.balanceOf([w.bob.account.address])), 7n * USDC_PRICE);
      assert.equal(await shares.read.balanceOf([w.bob.account.address]), 7n);
      assert.equal(await shares.read.offeringRemaining(), 293n);
    });

    it("a USDC buy without the buyer's approval to the Ledger fails and moves nothing", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const { shares, start } = await usdcShares(w);
      await networkHelpers.time.increaseTo(start);
      await w.usdc.write.approve([w.ledger.address, 0n], { account: w.bob.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(w, shares, w.bob, 1n),
        w.usdc,
        "ERC20InsufficientAllowance",
        [getAddress(w.ledger.address), 0n, USDC_PRICE],
      );
      assert.equal(await shares.read.balanceOf([w.bob.account.address]), 0n);
      assert.equal(await shares.read.offeringRemaining(), 300n);
    });

    it("reverts Shares_WrongPayment for a wrong ETH amount, and for ETH sent to a USDC offering", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      for (const value of [0n, 3n * PRICE - 1n, 3n * PRICE + 1n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          buy(w, w.shares, w.bob, 3n, { value }),
          w.shares,
          "Shares_WrongPayment",
          [value, 3n * PRICE],
        );
      }
      const { shares, start } = await usdcShares(w);
      await networkHelpers.time.increaseTo(start);
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(w, shares, w.bob, 2n, { value: 1n }),
        shares,
        "Shares_WrongPayment",
        [1n, 2n * USDC_PRICE],
      );
      assert.equal(await w.shares.read.balanceOf([w.bob.account.address]), 0n);
      assert.equal(await shares.read.balanceOf([w.bob.account.address]), 0n);
    });

    it("reverts Shares_ZeroAmount for a buy of nothing", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await viem.assertions.revertWithCustomError(buy(w, w.shares, w.bob, 0n), w.shares, "Shares_ZeroAmount");
    });

    it("caps what one wallet buys (Shares_WalletCap), counting purchases, not the balance", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const bob = addr(w.bob);
      await buy(w, w.shares, w.bob, 60n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(w, w.shares, w.bob, CAP - 60n + 1n),
        w.shares,
        "Shares_WalletCap",
        [bob, CAP, 60n, CAP - 60n + 1n],
      );
      await buy(w, w.shares, w.bob, CAP - 60n);
      assert.equal(await w.shares.read.boughtBy([bob]), CAP);
      // giving shares away does not give the cap back
      await w.shares.write.transfer([w.carol.account.address, CAP], { account: w.bob.account });
      await viem.assertions.revertWithCustomErrorWithArgs(buy(w, w.shares, w.bob, 1n), w.shares, "Shares_WalletCap", [
        bob,
        CAP,
        CAP,
        1n,
      ]);
      // carol's own cap is untouched by what she received
      await buy(w, w.shares, w.carol, CAP);
      assert.equal(await w.shares.read.balanceOf([w.carol.account.address]), 2n * CAP);
      assert.equal(await w.shares.read.boughtBy([w.carol.account.address]), CAP);
    });

    it("is closed before its start and from its end on (Shares_OfferingClosed), open in between", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const { shares, start, end } = await usdcShares(w);
      await viem.assertions.revertWithCustomErrorWithArgs(buy(w, shares, w.bob, 1n), shares, "Shares_OfferingClosed", [
        start,
        end,
      ]);
      assert.equal(await shares.read.offeringRemaining(), 300n, "not yet open, still reserved");
      await networkHelpers.time.setNextBlockTimestamp(start);
      await buy(w, shares, w.bob, 1n);
      await networkHelpers.time.setNextBlockTimestamp(end - 1n);
      await buy(w, shares, w.bob, 1n);
      await networkHelpers.time.increaseTo(end);
      await viem.assertions.revertWithCustomErrorWithArgs(buy(w, shares, w.bob, 1n), shares, "Shares_OfferingClosed", [
        start,
        end,
      ]);
      assert.equal(await shares.read.offeringRemaining(), 0n);
      assert.equal(await shares.read.balanceOf([w.bob.account.address]), 2n);
      assert.equal(await shares.read.balanceOf([w.artist.account.address]), SUPPLY - 2n, "unsold stay with the artist");
    });

    it("sells out: Shares_SoldOut above what is left, then Shares_OfferingClosed", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const { shares } = await createShares(w, sharesParams(w, { symbol: "FEW" }, { amount: 10n, walletCap: 0n }));
      await buy(w, shares, w.bob, 6n);
      await viem.assertions.revertWithCustomErrorWithArgs(buy(w, shares, w.carol, 5n), shares, "Shares_SoldOut", [
        5n,
        4n,
      ]);
      await buy(w, shares, w.carol, 4n);
      assert.equal(await shares.read.offeringRemaining(), 0n);
      const o = await shares.read.offering();
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(w, shares, w.alice, 1n),
        shares,
        "Shares_OfferingClosed",
        [BigInt(o.start), 0n],
      );
      // sold out: the artist's remaining shares are free
      await shares.write.transfer([w.alice.account.address, SUPPLY - 10n], { account: w.artist.account });
      assert.equal(await shares.read.balanceOf([w.artist.account.address]), 0n);
    });

    it("endOffering: only the artist (Shares_NotArtist); emits OfferingEnded(unsold); nothing sells after", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await buy(w, w.shares, w.bob, 25n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.endOffering({ account: w.bob.account }),
        w.shares,
        "Shares_NotArtist",
        [addr(w.bob)],
      );
      await viem.assertions.emitWithArgs(
        w.shares.write.endOffering({ account: w.artist.account }),
        w.shares,
        "OfferingEnded",
        [OFFERED - 25n],
      );
      assert.equal(await w.shares.read.offeringRemaining(), 0n);
      const o = await w.shares.read.offering();
      assert.equal(o.amount, OFFERED, "the terms stay as created");
      await viem.assertions.revertWithCustomErrorWithArgs(
        buy(w, w.shares, w.carol, 1n),
        w.shares,
        "Shares_OfferingClosed",
        [BigInt(o.start), 0n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.endOffering({ account: w.artist.account }),
        w.shares,
        "Shares_OfferingClosed",
        [BigInt(o.start), 0n],
      );
      assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), SUPPLY - 25n);
    });

    it("endOffering after the window closed reverts Shares_OfferingClosed (nothing left to end)", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      const { shares, start, end } = await usdcShares(w);
      await networkHelpers.time.increaseTo(end);
      await viem.assertions.revertWithCustomErrorWithArgs(
        shares.write.endOffering({ account: w.artist.account }),
        shares,
        "Shares_OfferingClosed",
        [start, end],
      );
    });
  });
});
