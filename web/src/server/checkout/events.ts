/** Reads what a verified Stripe event says about an order (see ./transitions.ts for what it may change). */
import type Stripe from "stripe";
import type { OrderFact } from "./transitions";

export type EventFacts = {
  fact: OrderFact;
  /** Our order id, when the object carries it (session reference or metadata). */
  orderId: string | null;
  paymentIntent: string | null;
  sessionId: string | null;
  paymentStatus: string | null;
  /** Why an event of a handled type changes nothing whatever the order's state, else null. */
  ignore: string | null;
};

/** The event types the webhook acts on; every other verified event is acknowledged and recorded only. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "charge.dispute.created",
] as const;

const id = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === "string" ? v : v.id;

export function readEvent(event: Stripe.Event): EventFacts | null {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const s = event.data.object;
      const paid = s.payment_status === "paid";
      const fact: OrderFact =
        event.type === "checkout.session.expired"
          ? "expired"
          : event.type === "checkout.session.async_payment_failed"
            ? "payment_failed"
            : paid
              ? "paid"
              : "awaiting_payment";
      return {
        fact,
        orderId: s.client_reference_id ?? s.metadata?.order_id ?? null,
        paymentIntent: id(s.payment_intent),
        sessionId: s.id,
        paymentStatus: s.payment_status,
        ignore: event.type === "checkout.session.async_payment_succeeded" && !paid ? "the session is not paid" : null,
      };
    }
    case "charge.refunded": {
      const c = event.data.object;
      return {
        fact: "refunded",
        orderId: c.metadata?.order_id ?? null,
        paymentIntent: id(c.payment_intent),
        sessionId: null,
        paymentStatus: null,
        // A partial refund leaves the sale standing; only a full refund closes the order.
        ignore: c.refunded ? null : "a partial refund",
      };
    }
    case "charge.dispute.created": {
      const d = event.data.object;
      return {
        fact: "disputed",
        orderId: d.metadata?.order_id ?? null,
        paymentIntent: id(d.payment_intent),
        sessionId: null,
        paymentStatus: null,
        ignore: null,
      };
    }
    default:
      return null;
  }
}
