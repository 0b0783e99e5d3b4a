/**
 * A card payment that completes after its order's hold lapsed (web/src/server/fulfilment/late.ts): it
 * mints only if the chain has room beyond the copies newer buyers hold, else it fails with LATE_NO_ROOM
 * and is refunded, and the newer buyer's order is untouched. The clock and the chain's remaining supply are
 * injected: no chain, no waiting.
 *
 *   node --import tsx --test test/checkout/late-payment.test.ts
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "../../web/node_modules/drizzle-orm/index.js";
import type { Database } from "../../web/src/server/db/client.ts";
import { orders } from "../../web/src/server/db/schema.ts";
import { makeContext, type Ctx } from "../../web/src/server/fulfilment/context.ts";
import { LATE_NO_ROOM, screenLate } from "../../web/src/server/fulfilment/late.ts";
import { mintDue } from "../../web/src/server/fulfilment/mint.ts";
import { orderMessage } from "../../web/src/lib/checkout/orderView.ts";
import { freshDatabase } from "./db.ts";

const T0 = new Date("2026-12-07T00:00:00Z").getTime();
const min = (m: number) => new Date(T0 + m * 60_000);
const COLLECTION = "0x00000000000000000000000000000000000000c1";

let database: Database;
let now = min(0);
let remaining: number | null = 1;
const refunds: string[] = [];
let ctx: Ctx;

before(async () => {
  database = (await freshDatabase("pglite"))!;
  ctx = makeContext({
    db: database.db,
    // Port 9 (discard): a test that reached the chain would fail, and none should.
    rpcUrl: "http://127.0.0.1:9",
    chainId: 31337,
    relayerKey: `0x${"11".repeat(32)}`,
    ledger: "0x0000000000000000000000000000000000000001",
    settlementToken: "0x0000000000000000000000000000000000000002",
    cardFee: { bps: 290, fixedCents: 30 },
    refund: async (o) => {
      refunds.push(o.id);
    },
    readRemaining: async () => remaining,
    now: () => now,
  });
});
after(() => database.close());
beforeEach(async () => {
  await database.db.delete(orders);
  refunds.length = 0;
  remaining = 1;
});

/** An order of one copy, created at `created` minutes with the 10-minute hold; paid at `paid` minutes, if given. */
async function order(id: string, created: number, status: "pending" | "paid" | "minting", paid?: number) {
  await database.db.insert(orders).values({
    id,
    chainOrderId: `0x${id.padStart(64, "0")}`,
    collection: COLLECTION,
    tokenId: 1n,
    quantity: 1,
    wallet: "0x00000000000000000000000000000000000000a1",
    email: `${id}@example.com`,
    artist: "0x00000000000000000000000000000000000000a2",
    unitCents: 500,
    amountCents: 500,
    status,
    holdUntil: min(created + 10),
    paidAt: paid === undefined ? null : min(paid),
    createdAt: min(created),
    updatedAt: min(created),
  });
}
const row = async (id: string) => (await database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const screen = async (...ids: string[]) => {
  const r = await screenLate(ctx, await Promise.all(ids.map(row)));
  return { mint: r.mint.map((o) => o.id), refused: r.refused.map((o) => o.id) };
};

describe("a late card payment against newer holds", () => {
  it("is refunded, not minted, when the last copy is held by a newer buyer; the newer order is untouched", async () => {
    await order("a1", 0, "paid", 20); // hold ended at 10, paid at 20
    await order("b1", 12, "pending"); // newer buyer, held until 22
    now = min(20);
    const counts = await mintDue(ctx);
    assert.deepEqual(counts, { minted: 0, failed: 1, retried: 0, taken: 1 });
    const a = await row("a1");
    assert.equal(a.status, "failed");
    assert.equal(a.lastError, LATE_NO_ROOM);
    assert.deepEqual(refunds, ["a1"]);
    assert.equal((await row("b1")).status, "pending");
    // What the buyer reads on the order page.
    const view = orderMessage(
      { status: "failed", paidAt: min(20).toISOString(), quantity: 1, lastError: a.lastError },
      null,
    );
    assert.match(view.title, /Sold out before your payment arrived/);
    assert.match(view.body, /refunded in full/);
  });

  it("is refunded when a newer buyer already paid for the last copy (paid within its hold)", async () => {
    await order("a1", 0, "minting", 20);
    await order("b1", 12, "paid", 15);
    now = min(20);
    assert.deepEqual(await screen("a1"), { mint: [], refused: ["a1"] });
  });

  it("mints when room remains: a larger supply, a newer hold that lapsed unpaid, or an open edition", async () => {
    await order("a1", 0, "minting", 20);
    await order("b1", 12, "pending");
    now = min(20);
    remaining = 2;
    assert.deepEqual(await screen("a1"), { mint: ["a1"], refused: [] });
    remaining = 1;
    now = min(23); // b1's hold ended at 22
    assert.deepEqual(await screen("a1"), { mint: ["a1"], refused: [] });
    now = min(20);
    remaining = null;
    assert.deepEqual(await screen("a1"), { mint: ["a1"], refused: [] });
  });

  it("two late payments for one last copy: the first paid mints, the second is refunded", async () => {
    await order("a1", 0, "minting", 21);
    await order("a2", 1, "minting", 20);
    now = min(21);
    assert.deepEqual(await screen("a1", "a2"), { mint: ["a2"], refused: ["a1"] });
  });

  it("an order paid within its hold is never screened (its copies were held for it)", async () => {
    await order("a1", 0, "minting", 5);
    await order("b1", 12, "pending");
    remaining = 0;
    now = min(13);
    assert.deepEqual(await screen("a1"), { mint: ["a1"], refused: [] });
  });
});
