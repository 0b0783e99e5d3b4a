/**
 * The order rules of issue 6: pending -> paid -> minting -> minted, or failed, expired, refunded, disputed.
 * The table below is written from the issue, not copied from transitions.ts; `nextStatus` must agree with it
 * for every fact and status, `readEvent` must read each Stripe event as the right fact, and the webhook must
 * move a stored order exactly so from every status (PGlite and PostgreSQL).
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { orderStatus, type OrderStatus } from "../../web/src/server/db/schema.ts";
import { nextStatus, type OrderFact } from "../../web/src/server/checkout/transitions.ts";
import { readEvent } from "../../web/src/server/checkout/events.ts";
import type { applyEvent } from "../../web/src/server/checkout/apply.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";
import {
  asyncPaymentFailed,
  asyncPaymentSucceeded,
  chargeRefunded,
  customerCreated,
  disputeCreated,
  insertOrder,
  insertSale,
  newPurchase,
  orderState,
  saleUnits,
  sessionCompleted,
  sessionExpired,
  webhook,
  type Purchase,
  type TestEvent,
} from "./events.ts";

// Opened before any suite is declared: db.ts stops its PostgreSQL cluster in an `after` hook of whatever
// context first asks for it, so that must be the file's top level, before any suite runs.
const databases = [];
for (const kind of DATABASE_KINDS) databases.push({ kind, d: await freshDatabase(kind) });

type StripeEvent = Parameters<typeof applyEvent>[1];
const STATUSES = orderStatus.enumValues;

/** For each fact, the statuses it moves an order out of (to the fact's status). Anything else stays. */
const MOVES: Record<OrderFact, { to: OrderStatus | null; from: OrderStatus[] }> = {
  // The money arrived: only an order still waiting for it becomes paid (never a closed or later one).
  paid: { to: "paid", from: ["pending"] },
  // Completed with a delayed method: still waiting, nothing moves.
  awaiting_payment: { to: null, from: [] },
  // The delayed payment failed: only a waiting order fails.
  payment_failed: { to: "failed", from: ["pending"] },
  // The fan never paid.
  expired: { to: "expired", from: ["pending"] },
  // The money went back in full: before or after minting, after a failed mint (the worker refunds), after a
  // dispute; also while pending, when the refund overtook the payment event. Not an expired (never paid) one.
  refunded: { to: "refunded", from: ["pending", "paid", "minting", "minted", "failed", "disputed"] },
  // A chargeback: any order the money reached and that was not already given back.
  disputed: { to: "disputed", from: ["pending", "paid", "minting", "minted", "failed"] },
};

describe("nextStatus against the issue's table", () => {
  for (const [fact, move] of Object.entries(MOVES) as [OrderFact, (typeof MOVES)[OrderFact]][]) {
    it(`${fact}: from each of the ${STATUSES.length} statuses`, () => {
      for (const from of STATUSES) {
        const expected = move.from.includes(from) ? move.to : null;
        assert.equal(nextStatus(from, fact), expected, `${fact} from ${from}`);
      }
    });
  }

  it("no fact keeps a status in place or leaves a final one", () => {
    for (const fact of Object.keys(MOVES) as OrderFact[])
      for (const from of STATUSES) {
        const to = nextStatus(from, fact);
        assert.notEqual(to, from, `${fact} would 'move' ${from} to itself`);
        if (from === "expired" || from === "refunded") assert.equal(to, null, `${fact} reopened a ${from} order`);
      }
  });
});

/** The Stripe deliveries the webhook handles, and the fact each one states (null: it changes nothing). */
const KINDS: { name: string; make: (p: Purchase) => TestEvent; fact: OrderFact | null }[] = [
  { name: "completed (paid)", make: (p) => sessionCompleted(p, "paid"), fact: "paid" },
  { name: "completed (unpaid)", make: (p) => sessionCompleted(p, "unpaid"), fact: "awaiting_payment" },
  { name: "async_payment_succeeded", make: (p) => asyncPaymentSucceeded(p), fact: "paid" },
  { name: "async_payment_failed", make: (p) => asyncPaymentFailed(p), fact: "payment_failed" },
  { name: "expired", make: (p) => sessionExpired(p), fact: "expired" },
  { name: "charge.refunded (full)", make: (p) => chargeRefunded(p), fact: "refunded" },
  { name: "charge.refunded (partial)", make: (p) => chargeRefunded(p, { amountRefunded: 500 }), fact: null },
  { name: "charge.dispute.created", make: (p) => disputeCreated(p), fact: "disputed" },
];

describe("readEvent", () => {
  it("reads each handled event as its fact, with the order and the payment intent", () => {
    for (const kind of KINDS) {
      const p = newPurchase();
      const event = kind.make(p);
      const facts = readEvent(event as unknown as StripeEvent);
      assert.ok(facts, kind.name);
      if (kind.fact === null) assert.ok(facts.ignore, `${kind.name} should be ignored`);
      else {
        assert.equal(facts.fact, kind.fact, kind.name);
        assert.equal(facts.ignore, null, kind.name);
      }
      // A dispute names no order: it is found by its payment intent.
      assert.equal(facts.orderId, kind.name.includes("dispute") ? null : p.orderId, kind.name);
      assert.equal(facts.paymentIntent, kind.name === "expired" ? null : p.paymentIntent, kind.name);
    }
  });

  it("an async success whose session is not paid is ignored; other types are not handled", () => {
    const p = newPurchase();
    const odd = asyncPaymentSucceeded(p);
    odd.data.object.payment_status = "unpaid";
    assert.ok(readEvent(odd as unknown as StripeEvent)?.ignore);
    assert.equal(readEvent(customerCreated() as unknown as StripeEvent), null);
  });
});

for (const { kind, d } of databases) {
  describe(`the webhook from every status (${kind})`, { skip: d ? false : "no PostgreSQL server binaries" }, () => {
    after(() => d?.close());

    for (const event of KINDS) {
      it(`${event.name}: each status moves as the table says, once; a minted sale is taken back once`, async () => {
        const db = d!.db;
        const hook = webhook(db);
        for (const from of STATUSES) {
          const p = newPurchase();
          // A pending order already knows its payment intent here (a completed-unpaid session), so a dispute finds it.
          await insertOrder(db, p, { status: from, paymentIntent: true });
          if (from === "minted") await insertSale(db, p);
          const before = await orderState(db, p.orderId);
          const e = event.make(p);

          const reply = await hook.deliver(e);
          const again = await hook.deliver(e);

          const expected = event.fact ? (MOVES[event.fact].from.includes(from) ? MOVES[event.fact].to : null) : null;
          const where = `${event.name} from ${from}`;
          assert.equal(reply.status, 200, where);
          assert.equal(reply.body.outcome, expected ? "applied" : "ignored", where);
          assert.equal(reply.body.status, expected ?? from, where);
          assert.deepEqual([again.status, again.body.duplicate], [200, true], where);

          const s = await orderState(db, p.orderId);
          assert.equal(s.order?.status, expected ?? from, where);
          assert.deepEqual(
            s.events.map((r) => [r.id, r.outcome]),
            [[e.id, expected ? "applied" : "ignored"]],
            where,
          );
          if (expected === "paid") {
            assert.ok(
              s.order?.paidAt && s.order.nextAttemptAt,
              `${where}: paid_at and the worker's next attempt are set`,
            );
          } else {
            assert.deepEqual(s.order?.paidAt, before.order?.paidAt, `${where}: paid_at untouched`);
          }
          if (expected && expected !== "paid") assert.ok(s.order?.closedAt, `${where}: closed_at set`);
          if (!expected) assert.equal(s.order?.closedAt, before.order?.closedAt, `${where}: closed_at untouched`);

          const takeBack = from === "minted" && (expected === "refunded" || expected === "disputed");
          const entries = s.entries.map((x) => [x.kind, x.units]);
          if (from !== "minted") assert.deepEqual(entries, [], where);
          else if (takeBack)
            assert.deepEqual(
              entries,
              [
                ["sale", saleUnits(p)],
                [expected === "refunded" ? "refund" : "dispute", -saleUnits(p)],
              ],
              where,
            );
          else assert.deepEqual(entries, [["sale", saleUnits(p)]], where);
          assert.deepEqual(hook.paid, expected === "paid" ? [p.orderId] : [], `${where}: onPaid`);
          hook.paid.length = 0;
        }
      });
    }
  });
}
