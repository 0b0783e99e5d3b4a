/**
 * The fulfilment worker's fiat settlement against a real Hardhat node and the real contracts, on PGlite and
 * on PostgreSQL: refunds and disputes before and after the mint and the settlement, deducted from the next
 * settlement paid through Ledger.pay (source "fiat") to the artist's split, the treasury, the referrer and
 * the affiliate. Shared setup: ./worker-world.ts.
 *
 *   source scripts/env.sh && node --import tsx --test test/checkout/worker-settle.test.ts
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { zeroAddress } from "viem";
import { decodeSource } from "../../contracts/lib/sources.ts";
import { DATABASE_KINDS } from "./db.ts";
import {
  AFFILIATE,
  assertCredited,
  entries,
  insertPaid,
  openEdition,
  orderMintedLogs,
  orderRow,
  paidEvents,
  saleUnits,
  scenario,
  settlementRows,
  setUpWorld,
  snapshot,
  stripeEvent,
  tokenBalance,
} from "./worker-world.ts";

await setUpWorld();

for (const kind of DATABASE_KINDS) {
  describe(`fulfilment worker on ${kind}`, () => {
    test("refund before mint: never minted, nothing settled", async (t) => {
      const s = await scenario(kind);
      if (!s) return t.skip("no PostgreSQL");
      const order = await insertPaid(s.db, {});
      const applied = await stripeEvent(s.db, "charge.refunded", order.id);
      assert.equal(applied.status, "refunded");
      assert.deepEqual(await s.worker().runOnce(), { minted: 0, failed: 0, retried: 0, settled: 0 });
      const row = await orderRow(s.db, order.id);
      assert.equal(row.status, "refunded");
      assert.equal(row.mintTx, null);
      assert.equal((await orderMintedLogs(order.id, s.startBlock)).length, 0);
      assert.equal(await tokenBalance(order.wallet, openEdition), 0n);
      assert.equal((await entries(s.db)).length, 0);
      assert.equal((await paidEvents(s.startBlock)).length, 0);
    });

    test("refund after mint, before settlement: the sale and the refund net to zero, no Ledger.pay", async (t) => {
      const s = await scenario(kind);
      if (!s) return t.skip("no PostgreSQL");
      const before = await snapshot();
      const order = await insertPaid(s.db, { unitCents: 2500 });
      const w = s.worker();
      assert.deepEqual(await w.runOnce({ settle: false }), { minted: 1, failed: 0, retried: 0, settled: 0 });
      await stripeEvent(s.db, "charge.refunded", order.id);
      assert.equal((await orderRow(s.db, order.id)).status, "refunded");
      assert.deepEqual(await w.runOnce(), { minted: 0, failed: 0, retried: 0, settled: 0 });

      const all = await entries(s.db);
      assert.deepEqual(
        all.map((e) => [e.kind, e.units, e.settlementId]),
        [
          ["sale", saleUnits(2500), null],
          ["refund", -saleUnits(2500), null],
        ],
      );
      assert.equal((await settlementRows(s.db)).length, 0);
      assert.equal((await paidEvents(s.startBlock)).length, 0);
      assert.deepEqual(await snapshot(), before, "no credit and no USDC moved");
      assert.equal(await tokenBalance(order.wallet, openEdition), 1n, "the NFT stays minted");
    });

    for (const [type, entryKind] of [
      ["charge.refunded", "refund"],
      ["charge.dispute.created", "dispute"],
    ] as const) {
      test(`${entryKind} after settlement: the next settlement is reduced by exactly that sale`, async (t) => {
        const s = await scenario(kind);
        if (!s) return t.skip("no PostgreSQL");
        const w = s.worker();
        const first = await insertPaid(s.db, { unitCents: 2000 });
        assert.deepEqual(await w.runOnce(), { minted: 1, failed: 0, retried: 0, settled: 1 });
        await stripeEvent(s.db, type, first.id);
        assert.equal((await orderRow(s.db, first.id)).status, entryKind === "refund" ? "refunded" : "disputed");
        assert.deepEqual(await w.runOnce(), { minted: 0, failed: 0, retried: 0, settled: 0 }, "a negative sum waits");

        const before = await snapshot();
        const second = await insertPaid(s.db, { unitCents: 5000, affiliate: AFFILIATE });
        assert.deepEqual(await w.runOnce(), { minted: 1, failed: 0, retried: 0, settled: 1 });
        const units = saleUnits(5000) - saleUnits(2000);
        const rows = await settlementRows(s.db);
        assert.deepEqual(
          rows.map((r) => [r.status, r.units]),
          [
            ["settled", saleUnits(2000)],
            ["settled", units],
          ],
        );
        const all = await entries(s.db);
        assert.deepEqual(
          all.map((e) => [e.kind, e.units, e.settlementId]),
          [
            ["sale", saleUnits(2000), rows[0]!.id],
            [entryKind, -saleUnits(2000), rows[1]!.id],
            ["sale", saleUnits(5000), rows[1]!.id],
          ],
        );
        const paid = await paidEvents(s.startBlock);
        assert.deepEqual(
          paid.map((p) => [p.args.gross, p.args.ref, decodeSource(p.args.source!)]),
          [
            [saleUnits(2000), BigInt(rows[0]!.id), "fiat"],
            [units, BigInt(rows[1]!.id), "fiat"],
          ],
        );
        assert.equal(paid[1]!.args.affiliate, zeroAddress, "a settlement of several orders names no affiliate");
        await assertCredited(before, units, false);
        assert.equal(await tokenBalance(second.wallet, openEdition), 1n);
      });
    }
  });
}
