/**
 * Stripe's webhook as one function of the raw body and the signature header. The checkout service publishes
 * it on globalThis so that the web server (web/server.ts) answers POST /api/stripe/webhook itself, ahead of
 * Next's router: deliveries come in bursts, and Next's routing costs more than a delivery's own work. The
 * route handler (app/api/stripe/webhook) calls the same function, e.g. under `next dev`.
 */
import type { WebhookReply } from "./webhook";

export const WEBHOOK_PATH = "/api/stripe/webhook";

export type WebhookEndpoint = (rawBody: string, signature: string | null) => Promise<WebhookReply>;

const key = Symbol.for("notalabel.stripe-webhook");
type Holder = { [key]?: WebhookEndpoint };

export function publishWebhookEndpoint(endpoint: WebhookEndpoint): void {
  (globalThis as Holder)[key] = endpoint;
}

/** The published webhook, or undefined while the checkout service is not open (yet). */
export function publishedWebhookEndpoint(): WebhookEndpoint | undefined {
  return (globalThis as Holder)[key];
}
