/**
 * The Stripe webhook: verifies the signature over the raw body (a bad signature, a changed body or a
 * timestamp older than the tolerance gets 400 and changes nothing), records the event by its id (in one
 * statement, with the deliveries that arrived at the same time: ./recorder.ts), and answers at once. The inbox applies it to its order right after (./inbox.ts); minting is
 * the fulfilment worker's job.
 */
import Stripe from "stripe";
import type { RecordEvent } from "./recorder";

/** Seconds a signature stays valid (Stripe's default). */
export const SIGNATURE_TOLERANCE_S = 300;

export type WebhookReply = { status: number; body: Record<string, unknown> };

export type WebhookDeps = {
  /** Writes the event; false when it was recorded before. */
  record: RecordEvent;
  webhookSecret: string;
  /** Called after a new event was recorded, so the inbox applies it now. */
  onRecorded?: (eventId: string) => void;
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
  let fresh: boolean;
  try {
    fresh = await deps.record(event);
  } catch (error) {
    // Nothing was recorded; Stripe retries a 5xx later.
    console.error(`webhook ${event.id} (${event.type}) could not be recorded:`, error);
    return { status: 500, body: { error: "The event could not be recorded; it will be retried." } };
  }
  if (fresh) deps.onRecorded?.(event.id);
  return { status: 200, body: { received: true, id: event.id, duplicate: !fresh } };
}
