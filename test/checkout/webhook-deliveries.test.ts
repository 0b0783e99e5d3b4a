/**
 * The Stripe webhook end to end on a real database (PGlite and PostgreSQL): duplicate and concurrent
 * deliveries that change an order once, out-of-order deliveries that end in the right status, the artist's
 * settlement account on refunds and disputes, and events it does not act on. Every test reads back the
 * order row, the recorded events and the settlement entries.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { performance } from "node:perf_hooks";
import {
  asyncPaymentFailed,
  asyncPaymentSucceeded,
  chargeRefunded,
  customerCreated,
  disputeCreated,
  eventRow,
  everything,
  insertOrder,
  insertSale,
  newPurchase,
  nowSeconds,
  orderState,
  saleUnits,
  sessionCompleted,
  sessionExpired,
  signed,
  webhook,
} from "./events.ts";
import { declareGroups, group, statusOf } from "./webhook-groups.ts";

group("duplicate deliveries", (db) => {
  it("the same event twice: the order changes once, one event row, the second reply says duplicate", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const event = sessionCompleted(p);
    const first = await hook.deliver(event);
    const paidAt = (await orderState(db(), p.orderId)).order?.paidAt;
    await new Promise((r) => setTimeout(r, 20));
    const second = await hook.deliver(event);
    assert.deepEqual([first.status, first.body.duplicate, first.body.outcome], [200, false, "applied"]);
    assert.deepEqual([second.status, second.body.duplicate, second.body.outcome], [200, true, null]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "paid");
    assert.ok(paidAt);
    assert.deepEqual(state.order?.paidAt, paidAt);
    assert.deepEqual(
      state.events.map((e) => [e.id, e.outcome]),
      [[event.id, "applied"]],
    );
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("the same event 20 times at once: exactly one change, one onPaid, paid_at kept by later deliveries", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const event = sessionCompleted(p);
    const s = signed(event);
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 20 }, () => hook.post(s.body, s.signature)));
    console.log(`# 20 concurrent deliveries in ${(performance.now() - started).toFixed(1)} ms`);
    assert.deepEqual(
      replies.map((r) => r.status),
      Array(20).fill(200),
    );
    assert.equal(replies.filter((r) => r.body.duplicate === false).length, 1);
    assert.equal(replies.filter((r) => r.body.duplicate === true).length, 19);
    assert.equal(replies.find((r) => r.body.duplicate === false)?.body.outcome, "applied");
    const paid = await orderState(db(), p.orderId);
    assert.equal(paid.order?.status, "paid");
    assert.deepEqual(
      paid.events.map((e) => [e.id, e.outcome]),
      [[event.id, "applied"]],
    );
    assert.deepEqual(hook.paid, [p.orderId]);

    // Stripe retries later (and a newer completed event of the same session): nothing moves again.
    await new Promise((r) => setTimeout(r, 20));
    await Promise.all(Array.from({ length: 5 }, () => hook.post(s.body, s.signature)));
    const later = await hook.deliver(sessionCompleted(p));
    assert.equal(later.body.outcome, "ignored");
    const state = await orderState(db(), p.orderId);
    assert.deepEqual(state.order?.paidAt, paid.order?.paidAt);
    assert.deepEqual(state.order?.updatedAt, paid.order?.updatedAt);
    assert.equal(state.events.length, 2);
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("a refund delivered 20 times at once takes a minted sale back once", async () => {
    const p = newPurchase();
    await insertOrder(db(), p, { status: "minted" });
    await insertSale(db(), p);
    const hook = webhook(db());
    const s = signed(chargeRefunded(p));
    const replies = await Promise.all(Array.from({ length: 20 }, () => hook.post(s.body, s.signature)));
    assert.equal(replies.filter((r) => r.status === 200).length, 20);
    assert.equal(replies.filter((r) => r.body.outcome === "applied").length, 1);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "refunded");
    assert.deepEqual(
      state.entries.map((e) => [e.kind, e.units]),
      [
        ["sale", saleUnits(p)],
        ["refund", -saleUnits(p)],
      ],
    );
  });

  it("completed and an early dispute (known by its payment intent only) at once, for 20 orders: each ends disputed", async () => {
    const buys = Array.from({ length: 20 }, () => newPurchase());
    for (const p of buys) await insertOrder(db(), p);
    const hook = webhook(db());
    await Promise.all(buys.flatMap((p) => [hook.deliver(disputeCreated(p)), hook.deliver(sessionCompleted(p))]));
    for (const p of buys) {
      const state = await orderState(db(), p.orderId);
      assert.equal(
        state.order?.status,
        "disputed",
        `order ${p.orderId}: events ${JSON.stringify(state.events.map((e) => [e.type, e.outcome]))}`,
      );
      assert.equal(state.events.length, 2);
    }
  });
});

group("out of order", (db) => {
  it("charge.refunded before checkout.session.completed: refunded, and stays refunded (never paid)", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const completed = sessionCompleted(p, "paid", { created: nowSeconds() - 30 });
    const refund = chargeRefunded(p);
    const r1 = await hook.deliver(refund);
    assert.deepEqual([r1.status, r1.body.outcome, r1.body.status], [200, "applied", "refunded"]);
    const r2 = await hook.deliver(completed);
    assert.deepEqual([r2.status, r2.body.outcome, r2.body.status], [200, "ignored", "refunded"]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "refunded");
    assert.equal(state.order?.paidAt, null);
    assert.ok(state.order?.closedAt);
    assert.equal(state.order?.paymentIntent, p.paymentIntent);
    assert.deepEqual(
      new Map(state.events.map((e) => [e.id, e.outcome])),
      new Map([
        [refund.id, "applied"],
        [completed.id, "ignored"],
      ]),
    );
    assert.deepEqual(state.entries, []);
    assert.deepEqual(hook.paid, []);
  });

  it("a refund known only by its payment intent, before completed: parked, then refunded when completed arrives (never paid)", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const refund = chargeRefunded(p, { withMetadata: false });
    const r1 = await hook.deliver(refund);
    assert.deepEqual([r1.status, r1.body.outcome, r1.body.order], [200, "unmatched", null]);
    const parked = await eventRow(db(), refund.id);
    assert.deepEqual([parked?.outcome, parked?.orderId, parked?.paymentIntent], ["unmatched", null, p.paymentIntent]);
    assert.equal(await statusOf(db(), p.orderId), "pending");

    const r2 = await hook.deliver(sessionCompleted(p));
    assert.equal(r2.status, 200);
    assert.equal(r2.body.status, "refunded", "the reply tells the order's real status");
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "refunded");
    assert.equal(state.order?.paidAt, null, "the refund overtook the payment: the order was never paid");
    assert.deepEqual(
      [(await eventRow(db(), refund.id))?.outcome, (await eventRow(db(), refund.id))?.orderId],
      ["applied", p.orderId],
    );
    assert.deepEqual(hook.paid, [], "the worker is not woken for a refunded order");
  });

  it("a dispute before completed (matched by payment intent only): parked as unmatched, applied when completed arrives", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const dispute = disputeCreated(p);
    const r1 = await hook.deliver(dispute);
    assert.deepEqual([r1.status, r1.body.outcome, r1.body.order, r1.body.status], [200, "unmatched", null, null]);
    const parked = await eventRow(db(), dispute.id);
    assert.deepEqual([parked?.outcome, parked?.orderId, parked?.paymentIntent], ["unmatched", null, p.paymentIntent]);
    assert.equal(await statusOf(db(), p.orderId), "pending");

    const completed = sessionCompleted(p);
    const r2 = await hook.deliver(completed);
    assert.equal(r2.status, 200);
    assert.equal(r2.body.status, "disputed");
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "disputed");
    assert.equal(state.order?.paymentIntent, p.paymentIntent);
    assert.ok(state.order?.closedAt);
    assert.deepEqual(
      new Map(state.events.map((e) => [e.id, e.outcome])),
      new Map([
        [dispute.id, "applied"],
        [completed.id, "ignored"],
      ]),
    );
    assert.deepEqual(state.entries, []);
    assert.deepEqual(hook.paid, []);
    // A redelivery of the dispute changes nothing more.
    assert.equal((await hook.deliver(dispute)).body.duplicate, true);
    assert.equal(await statusOf(db(), p.orderId), "disputed");
  });

  it("expired after completed: stays paid", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    await hook.deliver(sessionCompleted(p));
    const paid = await orderState(db(), p.orderId);
    const expired = sessionExpired(p);
    const reply = await hook.deliver(expired);
    assert.deepEqual([reply.status, reply.body.outcome, reply.body.status], [200, "ignored", "paid"]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "paid");
    assert.equal(state.order?.closedAt, null);
    assert.deepEqual(state.order?.paidAt, paid.order?.paidAt);
    assert.equal(state.order?.paymentIntent, p.paymentIntent, "the expired session's missing intent does not erase it");
    assert.equal((await eventRow(db(), expired.id))?.outcome, "ignored");
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("completed after expired: stays expired, the worker is not woken", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const r1 = await hook.deliver(sessionExpired(p));
    assert.deepEqual([r1.body.outcome, r1.body.status], ["applied", "expired"]);
    const r2 = await hook.deliver(sessionCompleted(p));
    assert.deepEqual([r2.status, r2.body.outcome, r2.body.status], [200, "ignored", "expired"]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "expired");
    assert.equal(state.order?.paidAt, null);
    assert.deepEqual(state.events.map((e) => e.outcome).sort(), ["applied", "ignored"]);
    assert.deepEqual(hook.paid, []);
  });

  it("async_payment_succeeded before completed (unpaid): paid once, and the payment status stays paid", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const r1 = await hook.deliver(asyncPaymentSucceeded(p));
    assert.deepEqual([r1.body.outcome, r1.body.status], ["applied", "paid"]);
    const paid = await orderState(db(), p.orderId);
    const r2 = await hook.deliver(sessionCompleted(p, "unpaid", { created: nowSeconds() - 3_600 }));
    assert.deepEqual([r2.status, r2.body.outcome, r2.body.status], [200, "ignored", "paid"]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "paid");
    assert.deepEqual(state.order?.paidAt, paid.order?.paidAt);
    assert.equal(state.order?.paymentStatus, "paid", "an older unpaid session does not overwrite the paid one");
    assert.equal(state.order?.paymentIntent, p.paymentIntent);
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("completed (unpaid), then async_payment_succeeded: pending, then paid once", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    const r1 = await hook.deliver(sessionCompleted(p, "unpaid"));
    assert.deepEqual([r1.body.outcome, r1.body.status], ["ignored", "pending"]);
    const waiting = await orderState(db(), p.orderId);
    assert.deepEqual(
      [waiting.order?.status, waiting.order?.paymentStatus, waiting.order?.paymentIntent],
      ["pending", "unpaid", p.paymentIntent],
    );
    assert.deepEqual(hook.paid, []);
    await hook.deliver(asyncPaymentSucceeded(p));
    await hook.deliver(asyncPaymentSucceeded(p));
    const state = await orderState(db(), p.orderId);
    assert.deepEqual([state.order?.status, state.order?.paymentStatus], ["paid", "paid"]);
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("async_payment_failed, then a late success: failed, never paid", async () => {
    const p = newPurchase();
    await insertOrder(db(), p);
    const hook = webhook(db());
    await hook.deliver(sessionCompleted(p, "unpaid"));
    const failed = await hook.deliver(asyncPaymentFailed(p));
    assert.deepEqual([failed.body.outcome, failed.body.status], ["applied", "failed"]);
    const late = await hook.deliver(asyncPaymentSucceeded(p));
    assert.deepEqual([late.body.outcome, late.body.status], ["ignored", "failed"]);
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "failed");
    assert.equal(state.order?.paidAt, null);
    assert.equal(state.order?.lastError, "the payment failed");
    assert.deepEqual(hook.paid, []);
  });
});

group("settlement entries", (db) => {
  async function minted() {
    const p = newPurchase(4_990);
    await insertOrder(db(), p, { status: "minted" });
    await insertSale(db(), p);
    return p;
  }
  const entries = async (orderId: string) =>
    (await orderState(db(), orderId)).entries.map((e) => [e.kind, e.units, e.settlementId]);

  it("refund of a minted order: a negative entry of the sale's units, once even if delivered twice", async () => {
    const p = await minted();
    const hook = webhook(db());
    const refund = chargeRefunded(p);
    await hook.deliver(refund);
    const again = await hook.deliver(refund);
    assert.equal(again.body.duplicate, true);
    assert.equal(await statusOf(db(), p.orderId), "refunded");
    assert.deepEqual(await entries(p.orderId), [
      ["sale", saleUnits(p), null],
      ["refund", -saleUnits(p), null],
    ]);
    // The sale was 49.90 USD less 2.9% + 30c: 4,815 cents.
    assert.equal(saleUnits(p), 48_150_000n);
  });

  it("dispute of a minted order: a negative entry of the sale's units, once even if delivered twice", async () => {
    const p = await minted();
    const hook = webhook(db());
    const dispute = disputeCreated(p);
    await hook.deliver(dispute);
    await hook.deliver(dispute);
    assert.equal(await statusOf(db(), p.orderId), "disputed");
    assert.deepEqual(await entries(p.orderId), [
      ["sale", saleUnits(p), null],
      ["dispute", -saleUnits(p), null],
    ]);
  });

  it("dispute, then a full refund of the same minted order: the sale is taken back once, not twice", async () => {
    const p = await minted();
    const hook = webhook(db());
    await hook.deliver(disputeCreated(p));
    await hook.deliver(chargeRefunded(p));
    assert.equal(await statusOf(db(), p.orderId), "refunded");
    const rows = await entries(p.orderId);
    const sum = rows.reduce((s, [, units]) => s + (units as bigint), 0n);
    assert.equal(sum, 0n, `entries ${JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  });

  it("a partial refund of a minted order: ignored, the sale stands", async () => {
    const p = await minted();
    const hook = webhook(db());
    const partial = chargeRefunded(p, { amountRefunded: 1_000 });
    const reply = await hook.deliver(partial);
    assert.deepEqual([reply.status, reply.body.outcome, reply.body.status], [200, "ignored", "minted"]);
    assert.equal(await statusOf(db(), p.orderId), "minted");
    assert.equal((await eventRow(db(), partial.id))?.outcome, "ignored");
    assert.deepEqual(await entries(p.orderId), [["sale", saleUnits(p), null]]);
  });

  it("refund of a paid order not minted yet: refunded, nothing to take back", async () => {
    const p = newPurchase();
    await insertOrder(db(), p, { status: "paid" });
    await webhook(db()).deliver(chargeRefunded(p));
    assert.equal(await statusOf(db(), p.orderId), "refunded");
    assert.deepEqual(await entries(p.orderId), []);
  });
});

group("events it does not act on", (db) => {
  it("an unhandled event type: 200, recorded 'unhandled', nothing else", async () => {
    const before = await everything(db());
    const event = customerCreated();
    const reply = await webhook(db()).deliver(event);
    assert.deepEqual(reply, {
      status: 200,
      body: { received: true, id: event.id, duplicate: false, outcome: "unhandled", order: null, status: null },
    });
    const after = await everything(db());
    assert.deepEqual(after.orders, before.orders);
    assert.deepEqual(after.entries, before.entries);
    assert.deepEqual(
      after.events.filter((e) => e.id === event.id).map((e) => [e.type, e.outcome, e.orderId]),
      [["customer.created", "unhandled", null]],
    );
    assert.equal(after.events.length, before.events.length + 1);
  });

  it("events for an unknown order: 200, recorded 'unmatched', no order created", async () => {
    const known = newPurchase();
    await insertOrder(db(), known);
    const hook = webhook(db());
    const stranger = newPurchase();
    for (const event of [sessionCompleted(stranger), chargeRefunded(stranger), disputeCreated(stranger)]) {
      const reply = await hook.deliver(event);
      assert.deepEqual(
        [reply.status, reply.body.outcome, reply.body.order, reply.body.status],
        [200, "unmatched", null, null],
        event.type,
      );
      const row = await eventRow(db(), event.id);
      assert.deepEqual([row?.type, row?.outcome, row?.orderId], [event.type, "unmatched", null]);
    }
    const all = await everything(db());
    assert.deepEqual(
      all.orders.map((o) => [o.id, o.status]),
      [[known.orderId, "pending"]],
    );
    assert.deepEqual(all.entries, []);
    assert.deepEqual(hook.paid, []);
  });
});

await declareGroups();
