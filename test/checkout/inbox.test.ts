/**
 * The inbox between the webhook and the orders: the webhook's answer only records the event, so events a
 * crash left recorded but unapplied must be applied by the next inbox (at start), once each, in the order
 * they were received; a drain that fails leaves its event waiting. PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { createInbox } from "../../web/src/server/checkout/inbox.ts";
import { handleWebhook } from "../../web/src/server/checkout/webhook.ts";
import { recordEvent } from "../../web/src/server/checkout/apply.ts";
import { stripeEvents } from "../../web/src/server/db/schema.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";
import {
  chargeRefunded,
  insertOrder,
  newPurchase,
  orderState,
  SECRET,
  sessionCompleted,
  signed,
  type TestEvent,
} from "./events.ts";

const databases = [];
for (const kind of DATABASE_KINDS) databases.push({ kind, d: await freshDatabase(kind) });

for (const { kind, d } of databases) {
  describe(`inbox (${kind})`, { skip: d ? false : "no PostgreSQL" }, () => {
    after(() => d?.close());
    const db = d!.db;
    // The route's part only: verify, record, answer (no inbox woken, as if the process died right after).
    const record = (e: TestEvent) => {
      const s = signed(e);
      return handleWebhook({ record: (event) => recordEvent(db, event), webhookSecret: SECRET }, s.body, s.signature);
    };

    it("events recorded before a crash are applied by the next inbox, once, in the order received", async () => {
      const p = newPurchase();
      await insertOrder(db, p);
      const completed = sessionCompleted(p);
      const refund = chargeRefunded(p);
      for (const e of [completed, completed, refund]) assert.equal((await record(e)).status, 200);
      assert.equal((await orderState(db, p.orderId)).order?.status, "pending", "the answer did not apply anything");
      const waiting = (await db.select().from(stripeEvents)).filter((e) => e.outcome === "received");
      assert.deepEqual(waiting.map((e) => e.id).sort(), [completed.id, refund.id].sort());

      const paid: string[] = [];
      const restarted = createInbox({ db, onPaid: (id) => void paid.push(id) });
      const done = await restarted.drain();
      assert.deepEqual([...done.keys()], [completed.id, refund.id], "applied in the order received");
      const state = await orderState(db, p.orderId);
      assert.equal(state.order?.status, "refunded");
      assert.deepEqual(paid, [p.orderId], "the worker was woken once, for the payment");
      assert.deepEqual(state.events.map((e) => e.outcome).sort(), ["applied", "applied"]);
      // A second inbox (another server) finds nothing left to do.
      assert.equal((await createInbox({ db }).drain()).size, 0);
    });

    it("two inboxes draining at once apply each event once", async () => {
      const orders = Array.from({ length: 10 }, () => newPurchase());
      for (const p of orders) await insertOrder(db, p);
      for (const p of orders) await record(sessionCompleted(p));
      const paid: string[] = [];
      const a = createInbox({ db, onPaid: (id) => void paid.push(id) });
      const b = createInbox({ db, onPaid: (id) => void paid.push(id) });
      const [da, dbb] = await Promise.all([a.drain(), b.drain()]);
      assert.equal(da.size + dbb.size, 10);
      assert.deepEqual([...paid].sort(), orders.map((p) => p.orderId).sort());
      for (const p of orders) assert.equal((await orderState(db, p.orderId)).order?.status, "paid");
    });
  });
}
