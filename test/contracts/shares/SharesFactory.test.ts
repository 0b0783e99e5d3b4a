import assert from "node:assert/strict";
import { getAddress, zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  createShares,
  sharesParams,
  addr,
  logsOf,
  ETH,
  SCALE,
  SUPPLY,
  PRICE,
  OFFERED,
  CAP,
  DAY,
} from "./fixture.ts";

const MAX_SUPPLY = 1_000_000_000n;

describe("Shares", function () {
  describe("SharesFactory", function () {
    it("creates shares for a registered artist: the whole supply is the artist's, terms as given", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const song = { collection: getAddress(r.dropFactory.address), tokenId: 7n };
      const { shares, hash } = await createShares(r, sharesParams(r, { song }));
      const block = await r.publicClient.getBlock({
        blockNumber: (await r.publicClient.getTransactionReceipt({ hash })).blockNumber,
      });
      assert.equal(await shares.read.name(), "Night Drive shares");
      assert.equal(await shares.read.symbol(), "DRIVE");
      assert.equal(await shares.read.decimals(), 0);
      assert.equal(await shares.read.totalSupply(), SUPPLY);
      assert.equal(await shares.read.totalUnits(), SUPPLY);
      assert.equal(await shares.read.balanceOf([r.artist.account.address]), SUPPLY);
      assert.equal(await shares.read.unitsOf([r.artist.account.address]), SUPPLY);
      assert.equal(await shares.read.ARTIST(), addr(r.artist));
      assert.equal(await shares.read.CURRENCY(), r.USDC);
      assert.equal(await shares.read.LEDGER(), getAddress(r.ledger.address));
      assert.equal(await shares.read.scale(), SCALE);
      assert.deepEqual(await shares.read.song(), song);
      // start 0 became the creation time
      assert.deepEqual(await shares.read.offering(), {
        currency: ETH,
        price: PRICE,
        amount: OFFERED,
        walletCap: CAP,
        start: Number(block.timestamp),
        end: 0,
      });
      assert.equal(await shares.read.offeringRemaining(), OFFERED);
      assert.deepEqual(await r.sharesFactory.read.sharesOf([r.artist.account.address]), [getAddress(shares.address)]);
      assert.equal(await r.sharesFactory.read.MAX_SUPPLY(), MAX_SUPPLY);
    });

    it("emits SharesCreated with the resolved params and the mint Transfer from zero to the artist", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const params = sharesParams(r, {}, { walletCap: 0n });
      const { shares, hash } = await createShares(r, params);
      const receipt = await r.publicClient.getTransactionReceipt({ hash });
      const { timestamp } = await r.publicClient.getBlock({ blockNumber: receipt.blockNumber });
      const [created] = await logsOf(r, hash, r.sharesFactory.address, r.sharesFactory.abi);
      assert.equal(created!.eventName, "SharesCreated");
      assert.deepEqual(created!.args, {
        artist: addr(r.artist),
        shares: getAddress(shares.address),
        params: { ...params, offering: { ...params.offering, start: Number(timestamp) } },
      });
      const own = await logsOf(r, hash, shares.address, shares.abi);
      assert.deepEqual(
        own.map((e) => [e.eventName, e.args]),
        [["Transfer", { from: zeroAddress, to: addr(r.artist), value: SUPPLY }]],
      );
    });

    it("makes each shares contract a Ledger operator (level 1), set by the factory", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { shares, hash } = await createShares(r, sharesParams(r));
      assert.equal(await r.ledger.read.operatorLevel([shares.address]), 1);
      const events = await logsOf(r, hash, r.ledger.address, r.ledger.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["OperatorSet", { account: getAddress(shares.address), level: 1, by: getAddress(r.sharesFactory.address) }]],
      );
      // a second one too, and the artist's list keeps the order
      const second = await createShares(r, sharesParams(r, { symbol: "TWO" }));
      assert.equal(await r.ledger.read.operatorLevel([second.shares.address]), 1);
      assert.deepEqual(await r.sharesFactory.read.sharesOf([r.artist.account.address]), [
        getAddress(shares.address),
        getAddress(second.shares.address),
      ]);
      assert.deepEqual(await r.sharesFactory.read.sharesOf([r.alice.account.address]), []);
    });

    it("reverts SharesFactory_NotRegistered for an account that is not a registered artist", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.sharesFactory.write.createShares([sharesParams(r)], { account: r.stranger.account }),
        r.sharesFactory,
        "SharesFactory_NotRegistered",
        [addr(r.stranger)],
      );
    });

    it("reverts SharesFactory_InvalidSupply for a supply of 0 or above 1e9; 1e9 itself is fine", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      for (const supply of [0n, MAX_SUPPLY + 1n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.sharesFactory.write.createShares([sharesParams(r, { supply })], { account: r.artist.account }),
          r.sharesFactory,
          "SharesFactory_InvalidSupply",
          [supply],
        );
      }
      const { shares } = await createShares(r, sharesParams(r, { supply: MAX_SUPPLY }));
      assert.equal(await shares.read.balanceOf([r.artist.account.address]), MAX_SUPPLY);
    });

    it("reverts SharesFactory_InvalidOffering: more than the supply, no price, closing before it opens", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const now = await networkHelpers.time.latest();
      const bad = [
        { amount: SUPPLY + 1n },
        { price: 0n },
        { start: now + DAY, end: now + DAY },
        { start: now + 2 * DAY, end: now + DAY },
        // start 0 is "now": an end already past closes before it opens
        { start: 0, end: now },
      ];
      for (const offering of bad) {
        await viem.assertions.revertWithCustomError(
          r.sharesFactory.write.createShares([sharesParams(r, {}, offering)], { account: r.artist.account }),
          r.sharesFactory,
          "SharesFactory_InvalidOffering",
        );
      }
      // the whole supply may be offered
      const { shares } = await createShares(r, sharesParams(r, {}, { amount: SUPPLY }));
      assert.equal(await shares.read.offeringRemaining(), SUPPLY);
    });

    it("takes no offering (amount 0) without checking its other terms; nothing can be bought", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { shares } = await createShares(r, sharesParams(r, {}, { amount: 0n, price: 0n }));
      assert.equal(await shares.read.offeringRemaining(), 0n);
      assert.equal((await shares.read.offering()).start, 0, "no start is resolved without an offering");
      await viem.assertions.revertWithCustomErrorWithArgs(
        shares.write.buy([1n, zeroAddress, 0n], { account: r.alice.account }),
        shares,
        "Shares_OfferingClosed",
        [0n, 0n],
      );
      // nothing is reserved: the artist moves any share
      await shares.write.transfer([r.alice.account.address, SUPPLY], { account: r.artist.account });
      assert.equal(await shares.read.balanceOf([r.alice.account.address]), SUPPLY);
    });
  });
});
