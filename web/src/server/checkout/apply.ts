/**
 * Stripe events in two steps. The webhook records a verified event by its id (a second delivery, even a
 * concurrent one, finds it and changes nothing) and answers; the inbox (./inbox.ts) then applies each
 * recorded event once, in one transaction: the order moves only if ./transitions.ts allows it from its
 * current status.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "../db/client";
import { orders, settlementEntries, stripeEvents, type OrderStatus } from "../db/schema";
import { readEvent, type EventFacts } from "./events";
import { allowedFrom, nextStatus, type OrderFact } from "./transitions";

export type Applied = {
  /** received: first delivery; duplicate: seen before. */
  delivery: "received" | "duplicate";
  outcome: "applied" | "ignored" | "unmatched" | "unhandled" | null;
  orderId: string | null;
  status: OrderStatus | null;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Records a verified event (outcome "received"), in one statement; false when it was recorded before. */
export async function recordEvent(db: Db, event: Stripe.Event): Promise<boolean> {
  return (await recordEvents(db, [event])).has(event.id);
}

/**
 * Records verified events (outcome "received") in one statement; returns the ids that were new. An id
 * given twice is written once.
 */
export async function recordEvents(db: Db, events: Stripe.Event[]): Promise<Set<string>> {
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const fresh = await db
    .insert(stripeEvents)
    .values(
      unique.map((event) => {
        const facts = readEvent(event);
        return {
          id: event.id,
          type: event.type,
          orderId: facts?.orderId ?? null,
          paymentIntent: facts?.paymentIntent ?? null,
          outcome: "received" as const,
          payload: event,
          stripeCreatedAt: new Date(event.created * 1000),
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  return new Set(fresh.map((row) => row.id));
}

/**
 * Applies a recorded event, once: null when it is not (or no longer) waiting, e.g. another applier took it.
 */
export async function applyRecorded(db: Db, eventId: string): Promise<Omit<Applied, "delivery"> | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        payload: stripeEvents.payload,
        outcome: stripeEvents.outcome,
        paymentIntent: stripeEvents.paymentIntent,
      })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, eventId))
      .for("update");
    if (!row || row.outcome !== "received") return null;
    const facts = readEvent(row.payload as Stripe.Event);
    if (!facts) {
      await setOutcome(tx, eventId, "unhandled", null);
      return { outcome: "unhandled", orderId: null, status: null };
    }
    // Events of one payment intent apply one at a time: otherwise an early dispute (found by the intent
    // only) and the completed session that gives the order its intent can each miss the other's
    // uncommitted write, and the dispute stays parked for good.
    if (facts.paymentIntent)
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${facts.paymentIntent}, 0))`);
    const result = await applyFacts(tx, facts);
    await setOutcome(tx, eventId, result.outcome, result.orderId);
    return result;
  });
}

/** Records and applies at once (scripts and tests that need no inbox). */
export async function applyEvent(db: Db, event: Stripe.Event): Promise<Applied> {
  if (!(await recordEvent(db, event))) {
    return { delivery: "duplicate", outcome: null, orderId: readEvent(event)?.orderId ?? null, status: null };
  }
  const applied = await applyRecorded(db, event.id);
  return { delivery: "received", ...(applied ?? { outcome: null, orderId: null, status: null }) };
}

async function setOutcome(tx: Tx, eventId: string, outcome: string | null, orderId: string | null) {
  if (!outcome) return;
  await tx.update(stripeEvents).set({ outcome, orderId }).where(eq(stripeEvents.id, eventId));
}

async function findOrder(tx: Tx, facts: Pick<EventFacts, "orderId" | "paymentIntent">) {
  const where = facts.orderId
    ? eq(orders.id, facts.orderId)
    : facts.paymentIntent
      ? eq(orders.paymentIntent, facts.paymentIntent)
      : null;
  if (!where) return null;
  const [row] = await tx.select().from(orders).where(where).for("update");
  return row ?? null;
}

async function applyFacts(tx: Tx, facts: EventFacts): Promise<Omit<Applied, "delivery">> {
  const order = await findOrder(tx, facts);
  if (!order) return { outcome: facts.ignore ? "ignored" : "unmatched", orderId: null, status: null };
  // What the session says is kept whatever the status (it is the payment's record).
  const known: Partial<typeof orders.$inferInsert> = {};
  if (facts.paymentIntent && !order.paymentIntent) known.paymentIntent = facts.paymentIntent;
  // An older "unpaid" session delivered late does not undo a recorded payment.
  if (facts.paymentStatus && order.paymentStatus !== "paid") known.paymentStatus = facts.paymentStatus;
  if (Object.keys(known).length) await tx.update(orders).set(known).where(eq(orders.id, order.id));
  // An order that just learnt its payment intent first takes the refunds and disputes that arrived before
  // it did: they overtook the payment, which then no longer applies (never paid, the worker is not woken).
  let status = order.status;
  if (facts.paymentIntent && (facts.fact === "paid" || facts.fact === "awaiting_payment")) {
    status = (await applyParked(tx, facts.paymentIntent, order.id)) ?? status;
  }
  if (facts.ignore) return { outcome: "ignored", orderId: order.id, status };
  const moved = await move(tx, order.id, facts.fact);
  return { outcome: moved ? "applied" : "ignored", orderId: order.id, status: moved ?? status };
}

/** Moves the order if the fact allows it from its status; returns the new status, or null. */
async function move(tx: Tx, orderId: string, fact: OrderFact): Promise<OrderStatus | null> {
  const from = allowedFrom(fact);
  const to = nextStatus(from[0] ?? "pending", fact);
  if (!to) return null;
  const at = new Date();
  const set: Partial<typeof orders.$inferInsert> =
    fact === "paid"
      ? { status: "paid", paidAt: at, nextAttemptAt: at }
      : {
          status: to,
          closedAt: at,
          ...(fact === "payment_failed" ? { lastError: "the payment failed" } : {}),
        };
  const [row] = await tx
    .update(orders)
    .set({ ...set, updatedAt: at })
    .where(and(eq(orders.id, orderId), inArray(orders.status, [...from])))
    .returning({ status: orders.status, artist: orders.artist });
  if (!row) return null;
  if (fact === "refunded" || fact === "disputed") await takeBackSale(tx, orderId, row.artist, fact);
  return row.status;
}

/**
 * A refunded or disputed order that was already credited to its artist is deducted from the next settlement,
 * once: a refund after a dispute (both allowed) takes nothing more back.
 */
async function takeBackSale(tx: Tx, orderId: string, artist: string, kind: "refunded" | "disputed") {
  const rows = await tx
    .select({ kind: settlementEntries.kind, units: settlementEntries.units })
    .from(settlementEntries)
    .where(eq(settlementEntries.orderId, orderId));
  const sale = rows.find((r) => r.kind === "sale");
  if (!sale || rows.some((r) => r.kind !== "sale")) return;
  await tx
    .insert(settlementEntries)
    .values({ artist, orderId, kind: kind === "refunded" ? "refund" : "dispute", units: -sale.units })
    .onConflictDoNothing();
}

/** Re-applies the unmatched events of a payment intent to the order that now owns it; returns its last new status. */
async function applyParked(tx: Tx, paymentIntent: string, orderId: string): Promise<OrderStatus | null> {
  const parked = await tx
    .select()
    .from(stripeEvents)
    .where(
      and(
        eq(stripeEvents.paymentIntent, paymentIntent),
        eq(stripeEvents.outcome, "unmatched"),
        isNull(stripeEvents.orderId),
      ),
    )
    .orderBy(stripeEvents.stripeCreatedAt);
  let status: OrderStatus | null = null;
  for (const e of parked) {
    const fact: OrderFact | null =
      e.type === "charge.refunded" ? "refunded" : e.type === "charge.dispute.created" ? "disputed" : null;
    const moved = fact ? await move(tx, orderId, fact) : null;
    status = moved ?? status;
    await setOutcome(tx, e.id, moved ? "applied" : "ignored", orderId);
  }
  return status;
}
