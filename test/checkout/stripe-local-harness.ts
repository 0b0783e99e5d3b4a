/**
 * The harness of the stripe-local tests (stripe-local-sessions, stripe-local-refunds): the local
 * Stripe-compatible server (scripts/stripe-local) driven by the official `stripe` SDK, a webhook endpoint
 * that verifies every delivery with the SDK's constructEvent (and can be told to fail), and helpers to
 * create, pay and wait for sessions' events.
 *
 * `useStripeLocal` must be called at the top level of the test file: it registers the `before`/`after`
 * hooks that start and stop the servers (hooks registered inside a test would run when that test ends).
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before } from "node:test";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { startStripeLocal, type StripeLocal } from "../../scripts/stripe-local/server.ts";

export const SECRET = "whsec_stripe_local_test";
const SHOP = "http://shop.test";

/** What the webhook endpoint received, each verified with the SDK. */
type Received = { event: Stripe.Event; attempt: number };
const received: Received[] = [];
const rejected: string[] = [];
let deliveries = 0;

/** What the tests move (fields, so that test files can assign them). */
export const knobs = {
  /** The next this-many deliveries are answered 500 (the server must retry them). */
  failNext: 0,
  /** The server's clock runs this far ahead of the wall clock (moved to expire sessions). */
  clockOffsetMs: 0,
};

let receiver: Server;
// Set by useStripeLocal's `before` hook (read through ES module live bindings).
export let local: StripeLocal;
export let stripe: Stripe;

/** Registers the servers' start and stop at the caller's top level. */
export function useStripeLocal() {
  before(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        deliveries++;
        if (knobs.failNext > 0) {
          knobs.failNext--;
          res.writeHead(500).end("try later");
          return;
        }
        try {
          const event = Stripe.webhooks.constructEvent(body, String(req.headers["stripe-signature"]), SECRET);
          received.push({ event, attempt: deliveries });
          res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        } catch (error) {
          rejected.push(String(error));
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    local = await startStripeLocal({
      port: 0,
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/stripe/webhook`,
      webhookSecret: SECRET,
      retryDelaysMs: [50, 100, 200, 400],
      asyncDelayMs: 150,
      now: () => Date.now() + knobs.clockOffsetMs,
    });
    const url = new URL(local.url);
    stripe = new Stripe("sk_test_stripe_local", {
      host: url.hostname,
      port: Number(url.port),
      protocol: "http",
      maxNetworkRetries: 1,
      telemetry: false,
    });
  });

  after(async () => {
    await local.stop();
    await new Promise((resolve) => receiver.close(resolve));
    assert.deepEqual(rejected, [], "every webhook must pass the SDK's signature check");
  });
}

export function sessionParams(
  over: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  const order = `ord_${Math.random().toString(36).slice(2, 10)}`;
  return {
    mode: "payment",
    client_reference_id: order,
    customer_email: "fan@example.com",
    line_items: [
      {
        quantity: 2,
        price_data: {
          currency: "usd",
          unit_amount: 1500,
          product_data: { name: "Night Drive #1", description: "Minted to 0xabc" },
        },
      },
    ],
    metadata: { order_id: order },
    payment_intent_data: { metadata: { order_id: order } },
    success_url: `${SHOP}/orders/${order}?checkout=success&session={CHECKOUT_SESSION_ID}`,
    cancel_url: `${SHOP}/orders/${order}?checkout=cancelled`,
    expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    ...over,
  };
}

export const newSession = (over: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create(sessionParams(over));

export async function payLocal(id: string, body: { card?: string; method?: string }) {
  const res = await fetch(`${local.url}/_local/sessions/${id}/pay`, { method: "POST", body: JSON.stringify(body) });
  return {
    status: res.status,
    body: (await res.json()) as {
      session: Stripe.Checkout.Session;
      events: string[];
      error?: { type: string; message: string; code?: string };
    },
  };
}

export async function postForm(id: string, fields: Record<string, string>) {
  const res = await fetch(`${local.url}/pay/${id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** The received events about one session (its own, and its payment intent's charges, refunds and disputes), in arrival order. */
export function eventsOf(sessionId: string, paymentIntent: string | null = null): Stripe.Event[] {
  return received
    .map((r) => r.event)
    .filter((e) => {
      const o = e.data.object as { id: string; payment_intent?: string | null };
      return o.id === sessionId || (paymentIntent !== null && o.payment_intent === paymentIntent);
    });
}

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 4000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until exactly `types` arrived for the session, and a moment longer to see that nothing else follows. */
export async function expectEvents(
  sessionId: string,
  types: string[],
  pi: string | null = null,
): Promise<Stripe.Event[]> {
  await waitFor(`${types.join(", ")} for ${sessionId}`, () => eventsOf(sessionId, pi).length >= types.length);
  await local.webhooksIdle();
  const events = eventsOf(sessionId, pi);
  assert.deepEqual(
    events.map((e) => e.type),
    types,
  );
  for (const e of events) {
    assert.match(e.id, /^evt_/);
    assert.equal(e.object, "event");
    assert.equal(e.livemode, false);
  }
  return events;
}
