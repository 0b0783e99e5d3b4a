/**
 * The Stripe webhook: verifies the signature over the raw body (a bad signature, a changed body or a
 * timestamp older than the tolerance gets 400 and changes nothing), applies the event in one transaction,
 * and answers at once. Minting is the fulfilment worker's job; it is only woken here.
 */
import Stripe from "stripe";
import type { Db } from "../db/client";
import { applyEvent, type Applied } from "./apply";

/** Seconds a signature stays valid (Stripe's default). */
export const SIGNATURE_TOLERANCE_S = 300;

export type WebhookReply = { status: number; body: Record<string, unknown> };

export type WebhookDeps = {
  db: Db;
  webhookSecret: string;
  /** Called after an order became paid, so the worker mints without waiting for its next poll. */
  onPaid?: (orderId: string) => void;
};

export async function handleWebhook(
  deps: WebhookDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookReply> {
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, deps.webhookSecret, SIGNATURE_TOLERANCE_S);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 400, body: { error: `Webhook signature verification failed: ${reason}` } };
  }
  let applied: Applied;
  try {
    applied = await applyEvent(deps.db, event);
  } catch (error) {
    // Nothing was committed; Stripe retries a 5xx later.
    console.error(`webhook ${event.id} (${event.type}) failed:`, error);
    return { status: 500, body: { error: "The event could not be recorded; it will be retried." } };
  }
  if (applied.status === "paid" && applied.outcome === "applied" && applied.orderId) deps.onPaid?.(applied.orderId);
  return {
    status: 200,
    body: {
      received: true,
      duplicate: applied.delivery === "duplicate",
      outcome: applied.outcome,
      order: applied.orderId,
      status: applied.status,
    },
  };
}
