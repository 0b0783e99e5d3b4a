import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";
import { ETH } from "../helpers/system.ts";
import {
  viem,
  networkHelpers,
  fixture,
  creditees,
  editionConfig,
  eventsOf,
  ledgerBalances,
  ledgerHolds,
  paidTo,
  parts,
  MINT,
  USDC_UNIT,
  type Drops,
} from "./fixture.ts";

type Fan = Drops["payer"];

/**
 * `fan` mints `quantity` of `id` to `to` (itself by default), paying `value` (price × quantity by default),
 * accepting at most `maxPrice` per token (the stored price by default).
 */
async function mint(
  d: Drops,
  fan: Fan,
  id: bigint,
  quantity: bigint,
  opts: { to?: Address; affiliate?: Address; value?: bigint; maxPrice?: bigint } = {},
) {
  const { config } = await d.collection.read.edition([id]);
  const value = opts.value ?? (config.currency === ETH ? config.price * quantity : 0n);
  const maxPrice = opts.maxPrice ?? config.price; // the price the fan saw
  const to = opts.to ?? fan.account.address;
  return d.collection.write.mint([to, id, quantity, opts.affiliate ?? zeroAddress, maxPrice], {
    account: fan.account,
    value,
  });
}

/** The Ledger balances of every possible creditee, and what the Ledger holds, in `token`. */
async function snapshot(d: Drops, token: Address = ETH) {
  return { balances: await ledgerBalances(d, creditees(d), token), held: await ledgerHolds(d, token) };
}

/** Expected creditee deltas in creditees() order: treasury, referrer, payout, then nobody else. */
function deltas(p: ReturnType<typeof parts>, affiliateIndex?: number) {
  const out = [p.fee, p.referral, p.net, 0n, 0n, 0n, 0n, 0n, 0n];
  if (affiliateIndex !== undefined) out[affiliateIndex] = out[affiliateIndex]! + p.affiliateFee;
  return out;
}

function diff(after: bigint[], before: bigint[]) {
  return after.map((a, i) => a - before[i]!);
}

const CAROL = 7; // carol's index in creditees(): the affiliate of these tests

describe("Drops", function () {
  describe("DropCollection mint", function () {
    describe("ETH", function () {
      it("takes exactly price × quantity; the Ledger credits fee, referral and the net to the payout (Split)", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price * 2n;
        const p = parts(amount);
        assert.equal(p.fee + p.referral + p.net, amount);
        const before = await snapshot(d);
        const hash = await mint(d, d.payer, d.ids.eth, 2n);
        await viem.assertions.balancesHaveChanged(hash, [
          { address: d.payer.account.address, amount: -amount },
          { address: d.ledger.address, amount },
          { address: d.collection.address, amount: 0n },
        ]);
        const after = await snapshot(d);
        assert.deepEqual(diff(after.balances, before.balances), deltas(p));
        assert.equal(after.held - before.held, amount, "the Ledger holds exactly what it credited");
        assert.equal(
          await d.publicClient.getBalance({ address: d.collection.address }),
          0n,
          "the collection keeps nothing",
        );
        assert.equal(await d.collection.read.balanceOf([d.payer.account.address, d.ids.eth]), 2n);
        assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 2);
        assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, d.payer.account.address]), [2n, 0n]);
      });

      it("emits Ledger.Paid (operator the collection, ref the token id, source mint) then TransferSingle", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price * 3n;
        const p = parts(amount, { affiliate: true });
        const hash = await mint(d, d.alice, d.ids.eth, 3n, {
          to: d.bob.account.address,
          affiliate: d.carol.account.address,
        });
        const events = await eventsOf(d, hash);
        assert.deepEqual(
          events.map((e) => e.eventName),
          ["Paid", "TransferSingle"],
        );
        assert.deepEqual(events[0]!.args, {
          artist: getAddress(d.artist.account.address),
          payer: getAddress(d.alice.account.address),
          token: ETH,
          operator: getAddress(d.collection.address),
          kind: 0,
          source: MINT,
          ref: d.ids.eth,
          gross: amount,
          fee: p.fee,
          referral: p.referral,
          affiliateFee: p.affiliateFee,
          affiliate: getAddress(d.carol.account.address),
          ...paidTo(d),
        });
        assert.deepEqual(events[1]!.args, {
          operator: getAddress(d.alice.account.address),
          from: zeroAddress,
          to: getAddress(d.bob.account.address),
          id: d.ids.eth,
          value: 3n,
        });
        const credited = await d.publicClient.getContractEvents({
          address: d.ledger.address,
          abi: d.ledger.abi,
          eventName: "Credited",
          fromBlock: 0n,
        });
        assert.equal(
          credited.filter((l) => l.transactionHash === hash).length,
          0,
          "a payment emits no Credited events",
        );
      });

      it("an affiliate earns the affiliate share of the fee; the artist's net does not change", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price;
        const without = parts(amount);
        const withAffiliate = parts(amount, { affiliate: true });
        assert.equal(withAffiliate.net, without.net);
        assert.ok(withAffiliate.affiliateFee > 0n && withAffiliate.fee < without.fee);
        const q = await d.ledger.read.quote([d.artist.account.address, 0, amount, d.carol.account.address]);
        assert.deepEqual(
          [q.fee, q.referral, q.affiliateFee, q.net, q.payout, q.referrer, q.treasury],
          [
            withAffiliate.fee,
            withAffiliate.referral,
            withAffiliate.affiliateFee,
            withAffiliate.net,
            getAddress(d.payout),
            getAddress(d.referrer.account.address),
            getAddress(d.treasury.account.address),
          ],
        );

        let before = await snapshot(d);
        await mint(d, d.payer, d.ids.eth, 1n);
        let after = await snapshot(d);
        assert.deepEqual(diff(after.balances, before.balances), deltas(without));

        before = after;
        await mint(d, d.payer, d.ids.eth, 1n, { affiliate: d.carol.account.address });
        after = await snapshot(d);
        assert.deepEqual(diff(after.balances, before.balances), deltas(withAffiliate, CAROL));
        assert.equal(after.held - before.held, amount);
      });

      it("a payer naming itself as affiliate earns nothing; the treasury keeps that share", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price * 5n;
        const p = parts(amount); // as without an affiliate
        const before = await snapshot(d);
        const hash = await mint(d, d.carol, d.ids.eth, 5n, { affiliate: d.carol.account.address });
        const after = await snapshot(d);
        assert.deepEqual(diff(after.balances, before.balances), deltas(p));
        const [paid] = (await eventsOf(d, hash)).filter((e) => e.eventName === "Paid");
        assert.deepEqual(
          [paid!.args.fee, paid!.args.affiliateFee, paid!.args.affiliate],
          [p.fee, 0n, zeroAddress],
          "the Paid event names no affiliate",
        );
      });

      it("the affiliate is ignored only when it is the payer: the receiver of a gift can earn it", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price * 2n;
        const p = parts(amount, { affiliate: true });
        const before = await snapshot(d);
        await mint(d, d.payer, d.ids.eth, 2n, { to: d.carol.account.address, affiliate: d.carol.account.address });
        const after = await snapshot(d);
        assert.deepEqual(diff(after.balances, before.balances), deltas(p, CAROL));
      });

      it("the payout Split pays the net on to the band", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = d.configs.eth.price * 4n;
        await mint(d, d.payer, d.ids.eth, 4n);
        const net = parts(amount).net;
        assert.equal(await d.ledger.read.balanceOf([d.payout, ETH]), net);
        await d.splits.write.distribute([d.payout, ETH, d.split, zeroAddress]);
        const shares = await ledgerBalances(d, d.split.recipients);
        assert.deepEqual(
          shares,
          d.split.allocations.map((a) => (net * BigInt(a)) / 1_000_000n),
        );
      });

      it("reverts with WrongPayment unless the value is exactly price × quantity", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const price = d.configs.eth.price;
        for (const value of [0n, price * 2n - 1n, price * 2n + 1n, price * 3n]) {
          await viem.assertions.revertWithCustomErrorWithArgs(
            mint(d, d.payer, d.ids.eth, 2n, { value }),
            d.collection,
            "DropCollection_WrongPayment",
            [price * 2n, value],
          );
        }
        assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 0);
        assert.equal(await ledgerHolds(d), 0n);
      });
    });

    describe("USDC (6 decimals)", function () {
      it("pulls exactly price × quantity from the fan (approved to the Ledger) and credits the parts in USDC", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const amount = 3n * d.configs.usdc.price;
        assert.equal(amount, 15n * USDC_UNIT);
        const p = parts(amount, { affiliate: true });
        const fanBefore = await d.usdc.read.balanceOf([d.payer.account.address]);
        const before = await snapshot(d, d.USDC);
        const ethBefore = await snapshot(d);
        const hash = await mint(d, d.payer, d.ids.usdc, 3n, { affiliate: d.carol.account.address });
        const after = await snapshot(d, d.USDC);
        assert.equal(fanBefore - (await d.usdc.read.balanceOf([d.payer.account.address])), amount);
        assert.deepEqual(diff(after.balances, before.balances), deltas(p, CAROL));
        assert.equal(after.held - before.held, amount);
        assert.deepEqual(await snapshot(d), ethBefore, "no ETH moved");
        assert.equal(await d.usdc.read.balanceOf([d.collection.address]), 0n);
        const [paid] = (await eventsOf(d, hash)).filter((e) => e.eventName === "Paid");
        assert.deepEqual(paid!.args, {
          artist: getAddress(d.artist.account.address),
          payer: getAddress(d.payer.account.address),
          token: d.USDC,
          operator: getAddress(d.collection.address),
          kind: 0,
          source: MINT,
          ref: d.ids.usdc,
          gross: amount,
          fee: p.fee,
          referral: p.referral,
          affiliateFee: p.affiliateFee,
          affiliate: getAddress(d.carol.account.address),
          ...paidTo(d),
        });
        assert.equal(await d.collection.read.balanceOf([d.payer.account.address, d.ids.usdc]), 3n);
      });

      it("reverts with WrongPayment when ETH is sent to an ERC-20 edition", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        for (const value of [1n, d.configs.usdc.price]) {
          await viem.assertions.revertWithCustomErrorWithArgs(
            mint(d, d.payer, d.ids.usdc, 1n, { value }),
            d.collection,
            "DropCollection_WrongPayment",
            [0n, value],
          );
        }
      });

      it("PriceAboveMax when the artist raised the price after the fan saw it; a lower price is charged (F-01)", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const seen = d.configs.usdc.price;
        const raised = 200n * USDC_UNIT;
        await d.collection.write.updateEdition([d.ids.usdc, { ...d.configs.usdc, price: raised }], {
          account: d.artist.account,
        });
        const before = await d.usdc.read.balanceOf([d.payer.account.address]);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.usdc, 2n, { maxPrice: seen }),
          d.collection,
          "DropCollection_PriceAboveMax",
          [d.ids.usdc, raised, seen],
        );
        assert.equal(await d.usdc.read.balanceOf([d.payer.account.address]), before, "nothing taken");
        const cut = seen - 1n;
        await d.collection.write.updateEdition([d.ids.usdc, { ...d.configs.usdc, price: cut }], {
          account: d.artist.account,
        });
        await mint(d, d.payer, d.ids.usdc, 2n, { maxPrice: seen });
        assert.equal(before - (await d.usdc.read.balanceOf([d.payer.account.address])), 2n * cut, "the stored price");
      });

      it("reverts without an allowance to the Ledger (an approval to the collection does not count)", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await d.usdc.write.approve([d.ledger.address, d.configs.usdc.price - 1n], { account: d.payer.account });
        await d.usdc.write.approve([d.collection.address, 10n ** 12n], { account: d.payer.account });
        await viem.assertions.revertWithCustomError(
          mint(d, d.payer, d.ids.usdc, 1n),
          d.usdc,
          "ERC20InsufficientAllowance",
        );
        // A fan without the funds
        await d.usdc.write.approve([d.ledger.address, 10n ** 12n], { account: d.stranger.account });
        await viem.assertions.revertWithCustomError(
          mint(d, d.stranger, d.ids.usdc, 1n),
          d.usdc,
          "ERC20InsufficientBalance",
        );
        assert.equal((await d.collection.read.edition([d.ids.usdc])).minted, 0);
        assert.equal(await ledgerHolds(d, d.USDC), 0n);
      });

      it("takes the caller's USDC, not the receiver's", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const bobBefore = await d.usdc.read.balanceOf([d.bob.account.address]);
        await mint(d, d.alice, d.ids.usdc, 2n, { to: d.bob.account.address });
        assert.equal(await d.usdc.read.balanceOf([d.bob.account.address]), bobBefore);
        assert.equal(await d.usdc.read.balanceOf([d.alice.account.address]), 1_000n * USDC_UNIT - 10n * USDC_UNIT);
        assert.equal(await d.collection.read.balanceOf([d.bob.account.address, d.ids.usdc]), 2n);
      });
    });

    describe("free editions", function () {
      it("mint without payment and without a Ledger payment", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const before = await snapshot(d);
        const hash = await mint(d, d.alice, d.ids.free, 1n);
        assert.deepEqual(
          (await eventsOf(d, hash)).map((e) => e.eventName),
          ["TransferSingle"],
        );
        assert.deepEqual(await snapshot(d), before);
        assert.equal(await d.collection.read.balanceOf([d.alice.account.address, d.ids.free]), 1n);
      });

      it("reverts with WrongPayment when ETH is sent, and with WalletCapExceeded past the cap", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.alice, d.ids.free, 1n, { value: 1n }),
          d.collection,
          "DropCollection_WrongPayment",
          [0n, 1n],
        );
        await mint(d, d.alice, d.ids.free, 1n);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.alice, d.ids.free, 1n),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.free, getAddress(d.alice.account.address), 1n, 1n],
        );
      });

      it("a free ERC-20 edition pulls nothing", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await d.collection.write.createEdition([editionConfig({ currency: d.USDC }), ""], {
          account: d.artist.account,
        });
        await d.usdc.write.approve([d.ledger.address, 0n], { account: d.payer.account });
        await mint(d, d.payer, 5n, 4n);
        assert.equal(await d.usdc.read.balanceOf([d.payer.account.address]), 1_000n * USDC_UNIT);
        assert.equal(await d.collection.read.balanceOf([d.payer.account.address, 5n]), 4n);
      });
    });

    describe("refusals", function () {
      it("SaleNotStarted before the start; open from the start second on", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const { start } = d.configs.presale;
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.presale, 1n),
          d.collection,
          "DropCollection_SaleNotStarted",
          [d.ids.presale, start],
        );
        await networkHelpers.time.setNextBlockTimestamp(start - 1);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.presale, 1n),
          d.collection,
          "DropCollection_SaleNotStarted",
          [d.ids.presale, start],
        );
        await networkHelpers.time.setNextBlockTimestamp(start);
        await mint(d, d.payer, d.ids.presale, 1n);
        assert.equal((await d.collection.read.edition([d.ids.presale])).minted, 1);
      });

      it("SaleEnded from the end second on (the end is exclusive)", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const { end } = d.configs.presale;
        await networkHelpers.time.setNextBlockTimestamp(end - 1);
        await mint(d, d.payer, d.ids.presale, 1n);
        await networkHelpers.time.setNextBlockTimestamp(end);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.presale, 1n),
          d.collection,
          "DropCollection_SaleEnded",
          [d.ids.presale, end],
        );
        await networkHelpers.time.increase(365 * 24 * 3600);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.presale, 1n),
          d.collection,
          "DropCollection_SaleEnded",
          [d.ids.presale, end],
        );
      });

      it("SalePaused while paused", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await d.collection.write.setPaused([d.ids.usdc, true], { account: d.artist.account });
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.usdc, 1n),
          d.collection,
          "DropCollection_SalePaused",
          [d.ids.usdc],
        );
      });

      it("SoldOut when the quantity exceeds what is left; the last tokens sell", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await d.collection.write.createEdition([editionConfig({ price: 1n, maxSupply: 3 }), ""], {
          account: d.artist.account,
        });
        await mint(d, d.payer, 5n, 2n);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.alice, 5n, 2n),
          d.collection,
          "DropCollection_SoldOut",
          [5n, 2n, 1n],
        );
        await mint(d, d.alice, 5n, 1n);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.bob, 5n, 1n),
          d.collection,
          "DropCollection_SoldOut",
          [5n, 1n, 0n],
        );
        assert.equal((await d.collection.read.edition([5n])).minted, 3);
      });

      it("an open edition is bounded by 2^32 - 1 tokens", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.alice, d.ids.free, 2n ** 32n),
          d.collection,
          "DropCollection_SoldOut",
          [d.ids.free, 2n ** 32n, 2n ** 32n - 1n],
        );
      });

      it("WalletCapExceeded past the wallet cap, counting earlier mints", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const payer = getAddress(d.payer.account.address);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.eth, 6n),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.eth, payer, 5n, 0n],
        );
        await mint(d, d.payer, d.ids.eth, 3n);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.eth, 3n),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.eth, payer, 5n, 3n],
        );
        await mint(d, d.payer, d.ids.eth, 2n);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.eth, 1n),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.eth, payer, 5n, 5n],
        );
        assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, payer]), [5n, 0n]);
      });

      it("a mint to another address counts against the receiver's cap, not the payer's", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const bob = getAddress(d.bob.account.address);
        await mint(d, d.alice, d.ids.eth, 4n, { to: bob });
        assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, bob]), [4n, 0n]);
        assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, d.alice.account.address]), [0n, 0n]);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.bob, d.ids.eth, 2n),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.eth, bob, 5n, 4n],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.carol, d.ids.eth, 2n, { to: bob }),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [d.ids.eth, bob, 5n, 4n],
        );
        await mint(d, d.alice, d.ids.eth, 5n);
        await mint(d, d.bob, d.ids.eth, 1n);
        assert.equal(await d.collection.read.balanceOf([bob, d.ids.eth]), 5n);
      });

      it("ZeroQuantity, UnknownEdition, and ERC1155InvalidReceiver for the zero address", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await viem.assertions.revertWithCustomError(
          mint(d, d.payer, d.ids.eth, 0n, { value: 0n }),
          d.collection,
          "DropCollection_ZeroQuantity",
        );
        for (const id of [0n, 5n, 77n]) {
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.mint([d.payer.account.address, id, 1n, zeroAddress, 0n], { account: d.payer.account }),
            d.collection,
            "DropCollection_UnknownEdition",
            [id],
          );
        }
        await viem.assertions.revertWithCustomErrorWithArgs(
          mint(d, d.payer, d.ids.eth, 1n, { to: zeroAddress }),
          d.collection,
          "ERC1155InvalidReceiver",
          [zeroAddress],
        );
        assert.equal(await ledgerHolds(d), 0n);
      });

      it("a refused mint leaves no trace: no counts, no balances, no Ledger credits", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await mint(d, d.payer, d.ids.eth, 5n);
        const before = await snapshot(d);
        await viem.assertions.revertWithCustomError(
          mint(d, d.payer, d.ids.eth, 1n),
          d.collection,
          "DropCollection_WalletCapExceeded",
        );
        await viem.assertions.revertWithCustomError(
          mint(d, d.alice, d.ids.eth, 1n, { value: parseEther("1") }),
          d.collection,
          "DropCollection_WrongPayment",
        );
        assert.deepEqual(await snapshot(d), before);
        assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 5);
        assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, d.payer.account.address]), [5n, 0n]);
      });
    });
  });
});
