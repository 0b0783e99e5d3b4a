/**
 * Realistic Stripe webhook events for the checkout tests, signed the way Stripe signs them, plus the order
 * row checkout creation writes (pending, a session id, no payment intent yet) and a reader of what the
 * webhook left in the database. Shapes follow Stripe's API objects (only the fields a handler could read,
 * with Stripe's own names and id prefixes).
 */
import { randomBytes, randomUUID } from "node:crypto";
// The root package does not depend on Stripe; this is the web app's own copy (same module instance).
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import type { Db } from "../../web/src/server/db/client.ts";
import { orders, settlementEntries, stripeEvents, type OrderStatus } from "../../web/src/server/db/schema.ts";
import { LOCAL_WEBHOOK_SECRET } from "../../web/src/server/checkout/config.ts";
import { cardFeeCents, centsToUnits, chainOrderId } from "../../web/src/server/checkout/orderKey.ts";
import { handleWebhook, type WebhookReply } from "../../web/src/server/checkout/webhook.ts";
import { createInbox } from "../../web/src/server/checkout/inbox.ts";
import { createRecorder } from "../../web/src/server/checkout/recorder.ts";

export const SECRET = LOCAL_WEBHOOK_SECRET;
const API_VERSION = "2025-10-29.clover";

const rand = (n = 12) =>
  randomBytes(n)
    .toString("base64url")
    .replace(/[-_]/g, "x")
    .slice(0, n * 2);
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The Stripe ids of one card purchase. */
export type Purchase = {
  orderId: string;
  sessionId: string;
  paymentIntent: string;
  charge: string;
  amountCents: number;
};

export function newPurchase(amountCents = 2_500): Purchase {
  return {
    orderId: randomUUID(),
    sessionId: `cs_test_a1${rand(28)}`,
    paymentIntent: `pi_3${rand(12)}`,
    charge: `ch_3${rand(12)}`,
    amountCents,
  };
}

export type TestEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

type When = { created?: number };

function envelope(type: string, object: Record<string, unknown>, when: When = {}): TestEvent {
  return {
    id: `evt_1${rand(12)}`,
    object: "event",
    api_version: API_VERSION,
    created: when.created ?? nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

type SessionState = { paymentStatus: "paid" | "unpaid"; status: "complete" | "expired" | "open"; withIntent: boolean };

function session(p: Purchase, s: SessionState): Record<string, unknown> {
  return {
    id: p.sessionId,
    object: "checkout.session",
    amount_subtotal: p.amountCents,
    amount_total: p.amountCents,
    client_reference_id: p.orderId,
    created: nowSeconds() - 60,
    currency: "usd",
    customer_details: { email: "fan@example.com" },
    customer_email: "fan@example.com",
    expires_at: nowSeconds() + 1_740,
    livemode: false,
    metadata: { order_id: p.orderId },
    mode: "payment",
    payment_intent: s.withIntent ? p.paymentIntent : null,
    payment_method_types: ["card"],
    payment_status: s.paymentStatus,
    status: s.status,
    success_url: `http://127.0.0.1:3000/orders/${p.orderId}?checkout=success`,
    cancel_url: `http://127.0.0.1:3000/orders/${p.orderId}?checkout=cancelled`,
    url: null,
  };
}

/** checkout.session.completed: paid for a card; unpaid for a delayed method (the money arrives later). */
export const sessionCompleted = (p: Purchase, paymentStatus: "paid" | "unpaid" = "paid", when?: When) =>
  envelope("checkout.session.completed", session(p, { paymentStatus, status: "complete", withIntent: true }), when);

export const asyncPaymentSucceeded = (p: Purchase, when?: When) =>
  envelope(
    "checkout.session.async_payment_succeeded",
    session(p, { paymentStatus: "paid", status: "complete", withIntent: true }),
    when,
  );

export const asyncPaymentFailed = (p: Purchase, when?: When) =>
  envelope(
    "checkout.session.async_payment_failed",
    session(p, { paymentStatus: "unpaid", status: "complete", withIntent: true }),
    when,
  );

/** An expired session never made a payment intent. */
export const sessionExpired = (p: Purchase, when?: When) =>
  envelope(
    "checkout.session.expired",
    session(p, { paymentStatus: "unpaid", status: "expired", withIntent: false }),
    when,
  );

/**
 * charge.refunded: in full by default, or `amountRefunded` of it. The charge carries the payment intent's
 * metadata (checkout creation sets payment_intent_data.metadata.order_id) unless `withMetadata` is false.
 */
export function chargeRefunded(
  p: Purchase,
  opts: { amountRefunded?: number; withMetadata?: boolean } & When = {},
): TestEvent {
  const refunded = opts.amountRefunded ?? p.amountCents;
  return envelope(
    "charge.refunded",
    {
      id: p.charge,
      object: "charge",
      amount: p.amountCents,
      amount_captured: p.amountCents,
      amount_refunded: refunded,
      captured: true,
      currency: "usd",
      disputed: false,
      livemode: false,
      metadata: opts.withMetadata === false ? {} : { order_id: p.orderId },
      paid: true,
      payment_intent: p.paymentIntent,
      refunded: refunded === p.amountCents,
      status: "succeeded",
    },
    opts,
  );
}

/** charge.dispute.created: a dispute has its own (empty) metadata, so only the payment intent names the order. */
export const disputeCreated = (p: Purchase, when?: When) =>
  envelope(
    "charge.dispute.created",
    {
      id: `dp_1${rand(12)}`,
      object: "dispute",
      amount: p.amountCents,
      charge: p.charge,
      created: nowSeconds(),
      currency: "usd",
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: p.paymentIntent,
      reason: "fraudulent",
      status: "needs_response",
    },
    when,
  );

/** An event type the webhook does not act on. */
export const customerCreated = (when?: When) =>
  envelope(
    "customer.created",
    { id: `cus_${rand(7)}`, object: "customer", email: "fan@example.com", metadata: {} },
    when,
  );

/** The exact bytes Stripe would post, and its Stripe-Signature header. */
export function signed(
  event: TestEvent,
  opts: { secret?: string; timestamp?: number } = {},
): { body: string; signature: string } {
  const body = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: opts.secret ?? SECRET,
    ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
  });
  return { body, signature };
}

/**
 * A webhook as the app runs it: the route records the event (grouped with concurrent deliveries) and answers, then the inbox applies it. Each
 * delivery drains the inbox and adds what the event did to the reply (outcome, order, status), so tests
 * can assert both the answer and the effect; every onPaid call is recorded.
 */
export function webhook(db: Db) {
  const paid: string[] = [];
  const inbox = createInbox({ db, onPaid: (orderId: string) => void paid.push(orderId) });
  const seen = new Map<string, Awaited<ReturnType<typeof inbox.drain>> extends Map<string, infer V> ? V : never>();
  const deps = { record: createRecorder(db).record, webhookSecret: SECRET };
  const post = async (body: string, signature: string | null): Promise<WebhookReply> => {
    const reply = await handleWebhook(deps, body, signature);
    if (reply.status !== 200) return reply;
    // Another delivery's drain may have applied this event: keep what every drain did.
    for (const [id, applied] of await inbox.drain()) seen.set(id, applied);
    // A duplicate delivery did nothing itself.
    const applied = reply.body.duplicate ? undefined : seen.get(String(reply.body.id));
    return {
      status: reply.status,
      body: {
        ...reply.body,
        outcome: applied?.outcome ?? null,
        order: applied?.orderId ?? null,
        status: applied?.status ?? null,
      },
    };
  };
  return {
    paid,
    post,
    deliver: (event: TestEvent): Promise<WebhookReply> => {
      const s = signed(event);
      return post(s.body, s.signature);
    },
  };
}

/**
 * The order checkout creation writes for a purchase (pending, its session, no payment intent yet), or one
 * further along (`status`, with the payment intent the session reported).
 */
export async function insertOrder(db: Db, p: Purchase, at: { status?: OrderStatus; paymentIntent?: boolean } = {}) {
  const status = at.status ?? "pending";
  const withIntent = at.paymentIntent ?? status !== "pending";
  const quantity = 2;
  const [row] = await db
    .insert(orders)
    .values({
      id: p.orderId,
      chainOrderId: chainOrderId(p.orderId),
      collection: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      tokenId: 1n,
      quantity,
      wallet: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
      email: "fan@example.com",
      artist: ARTIST,
      affiliate: null,
      unitCents: p.amountCents / quantity,
      amountCents: p.amountCents,
      status,
      paymentStatus: status === "pending" ? null : "paid",
      sessionId: p.sessionId,
      sessionUrl: `https://checkout.stripe.com/c/pay/${p.sessionId}`,
      paymentIntent: withIntent ? p.paymentIntent : null,
      ...(status !== "pending" && status !== "expired" ? { paidAt: new Date(Date.now() - 60_000) } : {}),
      ...(status === "minted" ? { mintedAt: new Date(), mintTx: `0x${"ab".repeat(32)}` } : {}),
    })
    .returning();
  return row!;
}

export const ARTIST = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
export const CARD_FEE = { bps: 290, fixedCents: 30 };

/** What minting credits the artist for a purchase: the amount net of the card fee, in USDC units. */
export const saleUnits = (p: Purchase) => centsToUnits(p.amountCents - cardFeeCents(p.amountCents, CARD_FEE));

/** The worker's 'sale' entry, written when the order was minted. */
export async function insertSale(db: Db, p: Purchase) {
  await db.insert(settlementEntries).values({ artist: ARTIST, orderId: p.orderId, kind: "sale", units: saleUnits(p) });
}

/** What the database holds about an order: its row, the events recorded for it, its settlement entries. */
export async function orderState(db: Db, orderId: string) {
  const order = await db.query.orders.findFirst({ where: (o, { eq }) => eq(o.id, orderId) });
  const events = await db.query.stripeEvents.findMany({ where: (e, { eq }) => eq(e.orderId, orderId) });
  const entries = await db.query.settlementEntries.findMany({
    where: (e, { eq }) => eq(e.orderId, orderId),
    orderBy: (e, { asc }) => asc(e.id),
  });
  return { order, events, entries };
}

/** One recorded event by its id. */
export const eventRow = (db: Db, id: string) => db.query.stripeEvents.findFirst({ where: (e, { eq }) => eq(e.id, id) });

/** Every row of the three tables a webhook may write, to show that a rejected delivery wrote nothing. */
export async function everything(db: Db) {
  return {
    orders: await db.select().from(orders).orderBy(orders.id),
    events: await db.select().from(stripeEvents).orderBy(stripeEvents.id),
    entries: await db.select().from(settlementEntries).orderBy(settlementEntries.id),
  };
}
