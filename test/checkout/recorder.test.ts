/**
 * The webhook's recorder: deliveries that arrive together are written by one INSERT, each answered with
 * whether its event was new (a repeat within the group is a duplicate); a delivery that cannot be written
 * fails alone; idle() says when nothing waits to be written. And the inbox gives way to those writes before
 * each event, for a bounded time. PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { createInbox } from "../../web/src/server/checkout/inbox.ts";
import { recordEvent } from "../../web/src/server/checkout/apply.ts";
import { createRecorder } from "../../web/src/server/checkout/recorder.ts";
import type { Db } from "../../web/src/server/db/client.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";
import { eventRow, insertOrder, newPurchase, orderState, sessionCompleted, type TestEvent } from "./events.ts";

const databases = [];
for (const kind of DATABASE_KINDS) databases.push({ kind, d: await freshDatabase(kind) });

/** The database, counting the INSERT statements made through it. */
function countingInserts(db: Db) {
  const counter = { inserts: 0 };
  const counted = new Proxy(db, {
    get(target, key, receiver) {
      if (key === "insert") counter.inserts++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: counted, counter };
}

const asEvent = (e: TestEvent) => e as unknown as Stripe.Event;

for (const { kind, d } of databases) {
  describe(`recorder (${kind})`, { skip: d ? false : "no PostgreSQL" }, () => {
    after(() => d?.close());
    const db = d!.db;

    it("writes the deliveries that arrive together in one statement; a repeat in the group is a duplicate", async () => {
      const { db: counted, counter } = countingInserts(db);
      const recorder = createRecorder(counted);
      const events = [newPurchase(), newPurchase(), newPurchase()].map((p) => sessionCompleted(p));
      const answers = await Promise.all([...events, events[0]!].map((e) => recorder.record(asEvent(e))));
      assert.deepEqual(answers, [true, true, true, false]);
      assert.equal(counter.inserts, 1, "one INSERT for the group");
      for (const e of events) assert.equal((await eventRow(db, e.id))?.outcome, "received");
      // Delivered again later: each is a duplicate, in a group of its own.
      assert.deepEqual(await Promise.all(events.map((e) => recorder.record(asEvent(e)))), [false, false, false]);
      assert.equal(counter.inserts, 2);
    });

    it("a delivery that cannot be written fails alone: the rest of its group is recorded", async () => {
      const { db: counted, counter } = countingInserts(db);
      const recorder = createRecorder(counted);
      const good = sessionCompleted(newPurchase());
      const broken = { ...sessionCompleted(newPurchase()), created: Number.NaN };
      const answers = await Promise.allSettled([good, broken].map((e) => recorder.record(asEvent(e))));
      assert.deepEqual(
        answers.map((a) => a.status),
        ["fulfilled", "rejected"],
      );
      assert.equal((await eventRow(db, good.id))?.outcome, "received");
      assert.equal(await eventRow(db, broken.id), undefined, "nothing of the broken delivery was written");
      assert.equal(counter.inserts, 3, "the group's insert, then one per delivery");
      assert.equal(await recorder.record(asEvent(good)), false, "the good one's retry is a duplicate");
    });

    it("idle() resolves once every waiting delivery is written, at once when none waits", async () => {
      const recorder = createRecorder(db);
      await recorder.idle();
      let written = 0;
      const writes = [1, 2, 3].map(() =>
        recorder.record(asEvent(sessionCompleted(newPurchase()))).then(() => void written++),
      );
      await recorder.idle();
      assert.equal(written, 3, "idle came after the three writes");
      await Promise.all(writes);
    });

    it("the inbox applies its next event only after the waiting deliveries are written", async () => {
      const p = newPurchase();
      await insertOrder(db, p);
      const completed = sessionCompleted(p);
      assert.equal(await recordEvent(db, asEvent(completed)), true);
      let openGate = () => {};
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let waiting = () => {};
      const givingWay = new Promise<void>((resolve) => (waiting = resolve));
      // The bound on giving way never runs out here: only the gate lets the inbox go on, however slow the machine.
      const inbox = createInbox({
        db,
        deliveriesIdle: () => {
          waiting();
          return gate;
        },
        giveWayTimer: () => ({ done: new Promise(() => {}), cancel: () => {} }),
      });
      const drained = inbox.drain();
      await givingWay;
      assert.equal((await eventRow(db, completed.id))?.outcome, "received", "still giving way");
      openGate();
      const done = await drained;
      assert.equal(done.get(completed.id)?.status, "paid");
      assert.equal((await orderState(db, p.orderId)).order?.status, "paid");
    });

    it("the inbox gives way for a bounded time only: deliveries that never stop do not starve it", async () => {
      const p = newPurchase();
      await insertOrder(db, p);
      const completed = sessionCompleted(p);
      assert.equal(await recordEvent(db, asEvent(completed)), true);
      const inbox = createInbox({ db, deliveriesIdle: () => new Promise<void>(() => {}) });
      const t0 = performance.now();
      const done = await inbox.drain();
      assert.equal(done.get(completed.id)?.status, "paid");
      assert.ok(performance.now() - t0 >= 90, "it did wait for the deliveries first");
    });
  });
}
