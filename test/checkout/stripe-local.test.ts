/**
 * The local Stripe-compatible server (scripts/stripe-local) driven by the official `stripe` SDK, as the web
 * app drives it: session shape, every test card through the /_local control and through the HTML form,
 * webhooks verified with the SDK's constructEvent and their order, expiry, refunds, idempotency, errors.
 *
 *   source scripts/env.sh && node --import tsx --test test/checkout/stripe-local.test.ts
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { parseForm } from "../../scripts/stripe-local/form.ts";
import { readEvent } from "../../web/src/server/checkout/events.ts";
import { startStripeLocal, type StripeLocal } from "../../scripts/stripe-local/server.ts";
import { signatureHeader } from "../../scripts/stripe-local/webhooks.ts";

const SECRET = "whsec_stripe_local_test";
const SHOP = "http://shop.test";

/** What the webhook endpoint received, each verified with the SDK. */
type Received = { event: Stripe.Event; attempt: number };
const received: Received[] = [];
const rejected: string[] = [];
/** The next this-many deliveries are answered 500 (the server must retry them). */
let failNext = 0;
let deliveries = 0;

/** The server's clock runs this far ahead of the wall clock (moved to expire sessions). */
let clockOffsetMs = 0;

let receiver: Server;
let local: StripeLocal;
let stripe: Stripe;

before(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      deliveries++;
      if (failNext > 0) {
        failNext--;
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
    now: () => Date.now() + clockOffsetMs,
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

function sessionParams(over: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
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

const newSession = (over: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create(sessionParams(over));

async function payLocal(id: string, body: { card?: string; method?: string }) {
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

async function postForm(id: string, fields: Record<string, string>) {
  const res = await fetch(`${local.url}/pay/${id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** The received events about one session (its own, and its payment intent's charges, refunds and disputes), in arrival order. */
function eventsOf(sessionId: string, paymentIntent: string | null = null): Stripe.Event[] {
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
async function expectEvents(sessionId: string, types: string[], pi: string | null = null): Promise<Stripe.Event[]> {
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

describe("stripe-local: sessions", () => {
  test("create returns a Checkout Session of Stripe's shape, retrieve and list return it", async () => {
    const before = Math.floor(Date.now() / 1000);
    const params = sessionParams();
    const s = await stripe.checkout.sessions.create(params);
    assert.match(s.id, /^cs_test_[A-Za-z0-9]{20,}$/);
    assert.equal(s.object, "checkout.session");
    assert.equal(s.livemode, false);
    assert.ok(s.created >= before && s.created <= before + 5, "created is in unix seconds");
    assert.equal(s.status, "open");
    assert.equal(s.payment_status, "unpaid");
    assert.equal(s.mode, "payment");
    assert.equal(s.amount_total, 3000);
    assert.equal(s.currency, "usd");
    assert.equal(s.customer_email, "fan@example.com");
    assert.equal(s.client_reference_id, params.client_reference_id);
    assert.deepEqual(s.metadata, params.metadata);
    assert.equal(s.payment_intent, null);
    assert.equal(s.expires_at, params.expires_at);
    assert.equal(s.url, `${local.url}/pay/${s.id}`);

    const plain = (o: object) => JSON.parse(JSON.stringify(o)) as unknown;
    assert.deepEqual(plain(await stripe.checkout.sessions.retrieve(s.id)), plain(s));
    const withItems = await stripe.checkout.sessions.retrieve(s.id, { expand: ["line_items"] });
    assert.equal(withItems.line_items?.data[0]?.quantity, 2);
    assert.equal(withItems.line_items?.data[0]?.price?.unit_amount, 1500);
    assert.equal(withItems.line_items?.data[0]?.description, "Night Drive #1");

    const newer = await newSession();
    const page = await stripe.checkout.sessions.list({ limit: 1 });
    assert.equal(page.object, "list");
    assert.deepEqual(
      page.data.map((x) => x.id),
      [newer.id],
      "newest first",
    );
    assert.equal(page.has_more, true);
    const next = await stripe.checkout.sessions.list({ limit: 1, starting_after: newer.id });
    assert.deepEqual(
      next.data.map((x) => x.id),
      [s.id],
    );
  });

  test("a session without expires_at lives 24 hours", async () => {
    const { expires_at: _, ...params } = sessionParams();
    const s = await stripe.checkout.sessions.create(params);
    assert.equal(s.expires_at, s.created + 24 * 3600);
  });
});

describe("stripe-local: paying through /_local", () => {
  test("4242 4242 4242 4242 pays: session complete and paid, payment intent and charge carry the metadata, checkout.session.completed is sent", async () => {
    const s = await newSession();
    const paid = await payLocal(s.id, { card: "4242 4242 4242 4242" });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.session.status, "complete");
    assert.equal(paid.body.session.payment_status, "paid");
    assert.equal(paid.body.session.url, null);
    const pi = paid.body.session.payment_intent as string;
    assert.match(pi, /^pi_/);

    const [completed] = await expectEvents(s.id, ["checkout.session.completed"], pi);
    assert.deepEqual(paid.body.events, [completed!.id]);
    const obj = completed!.data.object as Stripe.Checkout.Session;
    assert.equal(obj.payment_status, "paid");
    assert.equal(obj.payment_intent, pi);
    assert.equal(obj.client_reference_id, s.client_reference_id);
    assert.deepEqual(obj.metadata, s.metadata);

    const intent = await stripe.paymentIntents.retrieve(pi);
    assert.equal(intent.object, "payment_intent");
    assert.equal(intent.status, "succeeded");
    assert.equal(intent.amount, 3000);
    assert.deepEqual(intent.metadata, s.metadata);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    assert.match(charge.id, /^ch_/);
    assert.equal(charge.paid, true);
    assert.equal(charge.refunded, false);
    assert.equal(charge.payment_intent, pi);
    assert.deepEqual(charge.metadata, s.metadata);
    assert.equal(charge.payment_method_details?.card?.last4, "4242");
  });

  test("4000 0000 0000 0002 is declined: 402 card error, session unchanged, nothing sent", async () => {
    const s = await newSession();
    const eventsBefore = (await (await fetch(`${local.url}/_local/events`)).json()) as { data: unknown[] };
    const declined = await payLocal(s.id, { card: "4000000000000002" });
    assert.equal(declined.status, 402);
    assert.equal(declined.body.error?.type, "card_error");
    assert.equal(declined.body.error?.message, "Your card was declined.");
    const after = await stripe.checkout.sessions.retrieve(s.id);
    assert.equal(after.status, "open");
    assert.equal(after.payment_intent, null);
    await local.webhooksIdle();
    const eventsAfter = (await (await fetch(`${local.url}/_local/events`)).json()) as { data: unknown[] };
    assert.equal(eventsAfter.data.length, eventsBefore.data.length);
    assert.deepEqual(eventsOf(s.id), []);
  });

  test("4000 0000 0000 0259 pays, then a dispute: completed, then charge.dispute.created naming the charge and payment intent", async () => {
    const s = await newSession();
    const paid = await payLocal(s.id, { card: "4000000000000259" });
    assert.equal(paid.body.session.payment_status, "paid");
    const pi = paid.body.session.payment_intent as string;
    const [, disputed] = await expectEvents(s.id, ["checkout.session.completed", "charge.dispute.created"], pi);
    // The app's webhook reads what it needs from these events.
    const [completedFacts, disputeFacts] = eventsOf(s.id, pi).map((e) => readEvent(e));
    assert.deepEqual(
      [completedFacts?.fact, completedFacts?.orderId, completedFacts?.paymentIntent],
      ["paid", s.client_reference_id, pi],
    );
    assert.deepEqual([disputeFacts?.fact, disputeFacts?.paymentIntent, disputeFacts?.ignore], ["disputed", pi, null]);
    const dispute = disputed!.data.object as Stripe.Dispute;
    assert.match(dispute.id, /^dp_/);
    assert.equal(dispute.object, "dispute");
    assert.equal(dispute.payment_intent, pi);
    const charge = await stripe.charges.retrieve(dispute.charge as string);
    assert.equal(charge.payment_intent, pi);
    assert.equal(charge.disputed, true);
    await assert.rejects(stripe.refunds.create({ payment_intent: pi }), (e: Error) => /charged back/.test(e.message));
  });

  test("a delayed bank transfer completes unpaid, then async_payment_succeeded marks it paid", async () => {
    const s = await newSession();
    const paid = await payLocal(s.id, { method: "delayed" });
    assert.equal(paid.body.session.status, "complete");
    assert.equal(paid.body.session.payment_status, "unpaid");
    const pi = paid.body.session.payment_intent as string;
    assert.equal((await stripe.paymentIntents.retrieve(pi)).status, "processing");
    const [completed, succeeded] = await expectEvents(s.id, [
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
    ]);
    assert.equal((completed!.data.object as Stripe.Checkout.Session).payment_status, "unpaid");
    assert.equal((succeeded!.data.object as Stripe.Checkout.Session).payment_status, "paid");
    assert.equal((await stripe.checkout.sessions.retrieve(s.id)).payment_status, "paid");
    assert.equal((await stripe.paymentIntents.retrieve(pi)).status, "succeeded");
  });

  test("a failing bank transfer completes unpaid, then async_payment_failed; it cannot be refunded", async () => {
    const s = await newSession();
    const paid = await payLocal(s.id, { method: "delayed_fail" });
    const pi = paid.body.session.payment_intent as string;
    const [, failed] = await expectEvents(s.id, [
      "checkout.session.completed",
      "checkout.session.async_payment_failed",
    ]);
    assert.equal((failed!.data.object as Stripe.Checkout.Session).payment_status, "unpaid");
    assert.equal((await stripe.paymentIntents.retrieve(pi)).status, "requires_payment_method");
    await assert.rejects(stripe.refunds.create({ payment_intent: pi }), Stripe.errors.StripeInvalidRequestError);
  });

  test("a paid session cannot be paid again", async () => {
    const s = await newSession();
    await payLocal(s.id, {});
    const again = await payLocal(s.id, {});
    assert.equal(again.status, 400);
    assert.match(again.body.error!.message, /already complete/);
  });
});

describe("stripe-local: the payment page", () => {
  test("shows the items, total, email, prefilled test card, Pay button and Cancel link, with nothing loaded from elsewhere", async () => {
    const s = await newSession();
    const res = await fetch(s.url!);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Night Drive #1/);
    assert.match(html, /\$30\.00/);
    assert.match(html, /value="fan@example\.com"/);
    assert.match(
      html,
      /<label for="card">Card number<\/label>\s*<input id="card" name="card"[^>]*value="4242 4242 4242 4242"/,
    );
    assert.match(html, /<label for="expiry">/);
    assert.match(html, /<label for="cvc">/);
    assert.match(html, /<button type="submit">Pay \$30\.00<\/button>/);
    assert.ok(html.includes(`<a href="${s.cancel_url}">Cancel</a>`));
    assert.match(html, /Bank transfer \(delayed\)/);
    assert.doesNotMatch(html, /<script|<link|src=/);
  });

  test("a declined card shows the decline and changes nothing; 4242 then answers 303 to success_url and sends completed", async () => {
    const s = await newSession();
    const card = { email: "fan@example.com", method: "card", expiry: "12 / 40", cvc: "123" };
    const declined = await postForm(s.id, { ...card, card: "4000 0000 0000 0002" });
    assert.equal(declined.status, 402);
    assert.match(declined.html, /role="alert"[^>]*>Your card was declined\.</);
    assert.equal((await stripe.checkout.sessions.retrieve(s.id)).status, "open");

    const badExpiry = await postForm(s.id, { ...card, card: "4242424242424242", expiry: "01 / 20" });
    assert.equal(badExpiry.status, 400);
    assert.match(badExpiry.html, /expiration year is in the past/);

    const paid = await postForm(s.id, { ...card, card: "4242 4242 4242 4242" });
    assert.equal(paid.status, 303);
    assert.equal(paid.location, s.success_url!.replace("{CHECKOUT_SESSION_ID}", s.id));
    const after = await stripe.checkout.sessions.retrieve(s.id);
    assert.equal(after.payment_status, "paid");
    await expectEvents(s.id, ["checkout.session.completed"]);

    const page = await (await fetch(`${local.url}/pay/${s.id}`)).text();
    assert.match(page, /already complete/);
    assert.equal((await postForm(s.id, { ...card, card: "4242424242424242" })).status, 409);
  });

  test("the form's 0259 card and both bank transfers send their event sequences", async () => {
    const dispute = await newSession();
    const d = await postForm(dispute.id, {
      email: "fan@example.com",
      method: "card",
      card: "4000000000000259",
      expiry: "12/40",
      cvc: "123",
    });
    assert.equal(d.status, 303);
    const pi = (await stripe.checkout.sessions.retrieve(dispute.id)).payment_intent as string;
    await expectEvents(dispute.id, ["checkout.session.completed", "charge.dispute.created"], pi);

    const [ok, fail] = [await newSession({ customer_email: undefined }), await newSession()];
    const okPage = await postForm(ok.id, { email: "other@example.com", method: "delayed" });
    assert.equal(okPage.status, 303);
    assert.equal((await postForm(fail.id, { email: "fan@example.com", method: "delayed_fail" })).status, 303);
    const [completed] = await expectEvents(ok.id, [
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
    ]);
    assert.equal((completed!.data.object as Stripe.Checkout.Session).customer_details?.email, "other@example.com");
    await expectEvents(fail.id, ["checkout.session.completed", "checkout.session.async_payment_failed"]);
  });

  test("an unknown session is a 404 page", async () => {
    const res = await fetch(`${local.url}/pay/cs_test_unknown`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /no such checkout session/i);
  });
});

describe("stripe-local: expiry", () => {
  test("expire closes an open session once and sends checkout.session.expired; it can then not be paid", async () => {
    const s = await newSession();
    const expired = await stripe.checkout.sessions.expire(s.id);
    assert.equal(expired.status, "expired");
    assert.equal(expired.url, null);
    const [event] = await expectEvents(s.id, ["checkout.session.expired"]);
    assert.equal((event!.data.object as Stripe.Checkout.Session).status, "expired");
    await assert.rejects(
      stripe.checkout.sessions.expire(s.id),
      (e: Error) => e instanceof Stripe.errors.StripeInvalidRequestError && /status of `expired`/.test(e.message),
    );
    const pay = await payLocal(s.id, {});
    assert.equal(pay.status, 400);
    assert.match(pay.body.error!.message, /expired/);
    assert.match(await (await fetch(`${local.url}/pay/${s.id}`)).text(), /has expired/);

    const completed = await newSession();
    await payLocal(completed.id, {});
    await assert.rejects(stripe.checkout.sessions.expire(completed.id), /status of `complete`/);
  });

  test("a session past its expires_at expires by itself", async () => {
    const s = await newSession();
    clockOffsetMs = 32 * 60 * 1000;
    try {
      assert.equal((await stripe.checkout.sessions.retrieve(s.id)).status, "expired");
    } finally {
      clockOffsetMs = 0;
    }
    await expectEvents(s.id, ["checkout.session.expired"]);
  });
});

describe("stripe-local: refunds", () => {
  async function paidSession() {
    const s = await newSession();
    const paid = await payLocal(s.id, {});
    const pi = paid.body.session.payment_intent as string;
    await expectEvents(s.id, ["checkout.session.completed"], pi);
    return { s, pi };
  }

  test("a partial refund, then the rest: charge.refunded each time, refunded only when nothing is left", async () => {
    const { s, pi } = await paidSession();
    const part = await stripe.refunds.create({ payment_intent: pi, amount: 500 });
    assert.match(part.id, /^re_/);
    assert.equal(part.object, "refund");
    assert.equal(part.amount, 500);
    assert.equal(part.status, "succeeded");
    assert.equal(part.payment_intent, pi);
    await assert.rejects(
      stripe.refunds.create({ payment_intent: pi, amount: 2600 }),
      /greater than unrefunded amount on charge \(\$25\.00\)/,
    );
    const rest = await stripe.refunds.create({ charge: part.charge as string });
    assert.equal(rest.amount, 2500);
    const [, first, second] = await expectEvents(
      s.id,
      ["checkout.session.completed", "charge.refunded", "charge.refunded"],
      pi,
    );
    const c1 = first!.data.object as Stripe.Charge;
    const c2 = second!.data.object as Stripe.Charge;
    assert.deepEqual([c1.refunded, c1.amount_refunded, c1.payment_intent, c1.metadata], [false, 500, pi, s.metadata]);
    assert.deepEqual([c2.refunded, c2.amount_refunded], [true, 3000]);
    assert.deepEqual(
      [readEvent(first!)?.ignore, readEvent(second!)?.ignore, readEvent(second!)?.orderId],
      ["a partial refund", null, s.client_reference_id],
    );
    await assert.rejects(
      stripe.refunds.create({ payment_intent: pi }),
      (e: Stripe.errors.StripeError) => e.code === "charge_already_refunded",
    );
  });

  test("the same Idempotency-Key returns the same refund and refunds once; other params with it are an idempotency error", async () => {
    const { s, pi } = await paidSession();
    const a = await stripe.refunds.create({ payment_intent: pi, amount: 700 }, { idempotencyKey: `refund-${pi}` });
    const b = await stripe.refunds.create({ payment_intent: pi, amount: 700 }, { idempotencyKey: `refund-${pi}` });
    assert.equal(b.id, a.id);
    assert.equal(b.lastResponse.headers["idempotent-replayed"], "true");
    await assert.rejects(
      stripe.refunds.create({ payment_intent: pi, amount: 800 }, { idempotencyKey: `refund-${pi}` }),
      Stripe.errors.StripeIdempotencyError,
    );
    await expectEvents(s.id, ["checkout.session.completed", "charge.refunded"], pi);
    assert.equal((await stripe.charges.retrieve(a.charge as string)).amount_refunded, 700);
  });
});

describe("stripe-local: errors", () => {
  const rejects400 = async (over: Record<string, unknown>, param: string, message: RegExp) => {
    await assert.rejects(
      newSession(over as Partial<Stripe.Checkout.SessionCreateParams>),
      (e: Stripe.errors.StripeError) => {
        assert.ok(e instanceof Stripe.errors.StripeInvalidRequestError, String(e));
        assert.equal(e.statusCode, 400);
        assert.equal(e.param, param);
        assert.match(e.message, message);
        return true;
      },
    );
  };

  test("bad session params are 400s naming the parameter", async () => {
    await rejects400({ line_items: undefined }, "line_items", /Missing required param: line_items/);
    await rejects400({ mode: undefined }, "mode", /Missing required param: mode/);
    await rejects400({ success_url: "not a url" }, "success_url", /Not a valid URL/);
    const item = (price_data: Record<string, unknown>, quantity: number | null = 1) => ({
      line_items: [{ ...(quantity === null ? {} : { quantity }), price_data }],
    });
    await rejects400(
      item({ currency: "usd", unit_amount: 49, product_data: { name: "x" } }),
      "line_items",
      /at least \$0\.50 usd/,
    );
    await rejects400(
      item({ currency: "usd", product_data: { name: "x" } }),
      "line_items[0][price_data][unit_amount]",
      /Missing required/,
    );
    await rejects400(
      item({ currency: "usd", unit_amount: 500, product_data: { description: "no name" } }),
      "line_items[0][price_data][product_data][name]",
      /Missing required/,
    );
    await rejects400(
      item({ currency: "usd", unit_amount: 500, product_data: { name: "x" } }, null),
      "line_items[0][quantity]",
      /Missing required/,
    );
    await rejects400({ customer_email: "nope" }, "customer_email", /Invalid email/);
    await rejects400({ expires_at: Math.floor(Date.now() / 1000) + 60 }, "expires_at", /at least 30 minutes/);
    await rejects400({ colour: "red" }, "colour", /Received unknown parameter: colour/);
    await assert.rejects(
      stripe.refunds.create({}),
      (e: Stripe.errors.StripeError) => e.statusCode === 400 && /payment_intent or charge/.test(e.message),
    );
  });

  test("unknown ids are 404s (resource_missing) and a missing key is a 401", async () => {
    const missing = (e: Stripe.errors.StripeError) =>
      e instanceof Stripe.errors.StripeInvalidRequestError && e.statusCode === 404 && e.code === "resource_missing";
    await assert.rejects(stripe.checkout.sessions.retrieve("cs_test_nope"), missing);
    await assert.rejects(stripe.checkout.sessions.expire("cs_test_nope"), missing);
    await assert.rejects(stripe.paymentIntents.retrieve("pi_nope"), missing);
    await assert.rejects(stripe.charges.retrieve("ch_nope"), missing);
    await assert.rejects(
      stripe.refunds.create({ payment_intent: "pi_nope" }),
      (e: Stripe.errors.StripeError) => missing(e) && /No such payment_intent: 'pi_nope'/.test(e.message),
    );
    assert.equal((await payLocal("cs_test_nope", {})).status, 404);
    const res = await fetch(`${local.url}/v1/checkout/sessions`);
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /did not provide an API key/);
  });
});

describe("stripe-local: webhook delivery", () => {
  test("a failed delivery is retried, and the session's later events wait for it", async () => {
    const s = await newSession();
    failNext = 2;
    const paid = await payLocal(s.id, { card: "4000000000000259" });
    const pi = paid.body.session.payment_intent as string;
    await expectEvents(s.id, ["checkout.session.completed", "charge.dispute.created"], pi);
    const log = (await (await fetch(`${local.url}/_local/events`)).json()) as {
      data: { id: string; delivery: { attempts: number; delivered: boolean; last_status: number } }[];
    };
    const [completed, dispute] = paid.body.events.map((id) => log.data.find((e) => e.id === id)!);
    assert.deepEqual(completed!.delivery, { attempts: 3, delivered: true, last_status: 200, last_error: null });
    assert.equal(dispute!.delivery.attempts, 1);
  });

  test("an event still failing after every retry is given up, and /_local/events/:id/resend sends it again", async () => {
    const s = await newSession();
    failNext = 5;
    const paid = await payLocal(s.id, {});
    await local.webhooksIdle();
    assert.equal(failNext, 0);
    assert.deepEqual(eventsOf(s.id), []);
    const delivery = async () =>
      (
        (await (await fetch(`${local.url}/_local/events`)).json()) as { data: { id: string; delivery: object }[] }
      ).data.find((e) => e.id === paid.body.events[0])!.delivery;
    assert.deepEqual(await delivery(), { attempts: 5, delivered: false, last_status: 500, last_error: null });
    const resend = await fetch(`${local.url}/_local/events/${paid.body.events[0]}/resend`, { method: "POST" });
    assert.equal(resend.status, 200);
    await expectEvents(s.id, ["checkout.session.completed"]);
    assert.deepEqual(await delivery(), { attempts: 6, delivered: true, last_status: 200, last_error: null });
  });

  test("the signature header is Stripe's: t=<seconds>,v1=<HMAC-SHA256 of t.body>, and a wrong secret fails", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const header = signatureHeader(payload, SECRET);
    assert.match(header, /^t=\d{10},v1=[0-9a-f]{64}$/);
    assert.equal(Stripe.webhooks.constructEvent(payload, header, SECRET).id, "evt_1");
    assert.equal(
      header,
      Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: SECRET,
        timestamp: Number(/t=(\d+)/.exec(header)![1]),
      }),
    );
    assert.throws(() => Stripe.webhooks.constructEvent(payload, header, "whsec_other"));
  });
});

test("form bodies: nested brackets become objects and indexed keys arrays", () => {
  assert.deepEqual(
    parseForm(
      "line_items[0][price_data][unit_amount]=500&line_items[1][quantity]=2&metadata[order_id]=o%201&expand[0]=line_items&mode=payment",
    ),
    {
      line_items: [{ price_data: { unit_amount: "500" } }, { quantity: "2" }],
      metadata: { order_id: "o 1" },
      expand: ["line_items"],
      mode: "payment",
    },
  );
});
