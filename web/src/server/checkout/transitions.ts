/**
 * Which order status a Stripe fact may move an order to. Pure, so deliveries in any order end the same
 * way: a fact that no longer applies (a payment after a refund, an expiry after a payment) changes nothing.
 */
import type { OrderStatus } from "../db/schema";

/** What a verified Stripe event says about an order. */
export type OrderFact = "paid" | "awaiting_payment" | "payment_failed" | "expired" | "refunded" | "disputed";

const FROM: Record<OrderFact, readonly OrderStatus[]> = {
  // checkout.session.completed (paid) or async_payment_succeeded.
  paid: ["pending"],
  // checkout.session.completed with payment_status unpaid: a delayed method; the order stays pending.
  awaiting_payment: [],
  // async_payment_failed: the money never arrived.
  payment_failed: ["pending"],
  // checkout.session.expired: the fan never paid.
  expired: ["pending"],
  // charge.refunded (in full): also before the payment event, when deliveries came out of order.
  refunded: ["pending", "paid", "minting", "minted", "failed", "disputed"],
  // charge.dispute.created.
  disputed: ["pending", "paid", "minting", "minted", "failed"],
};

const TO: Record<OrderFact, OrderStatus | null> = {
  paid: "paid",
  awaiting_payment: null,
  payment_failed: "failed",
  expired: "expired",
  refunded: "refunded",
  disputed: "disputed",
};

/** The statuses a fact may move an order out of (empty: it never moves one). */
export function allowedFrom(fact: OrderFact): readonly OrderStatus[] {
  return FROM[fact];
}

/** The status the fact moves an order to, or null when it does not apply to `current`. */
export function nextStatus(current: OrderStatus, fact: OrderFact): OrderStatus | null {
  const to = TO[fact];
  return to && FROM[fact].includes(current) ? to : null;
}

/** Statuses in which the order holds edition supply (counted against what card checkout can still sell). */
export const OPEN_STATUSES: readonly OrderStatus[] = ["pending", "paid", "minting"];
