/**
 * The local Stripe-compatible server (scripts/stripe-local) driven by the official `stripe` SDK: refunds,
 * idempotency, errors, webhook retries and resends, the signature header, and its form-body parser.
 * Harness: ./stripe-local-harness.ts.
 *
 *   source scripts/env.sh && node --import tsx --test test/checkout/stripe-local-refunds.test.ts
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { parseForm } from "../../scripts/stripe-local/form.ts";
import { readEvent } from "../../web/src/server/checkout/events.ts";
import { signatureHeader } from "../../scripts/stripe-local/webhooks.ts";
import {
  eventsOf,
  expectEvents,
  knobs,
  local,
  newSession,
  payLocal,
  SECRET,
  stripe,
  useStripeLocal,
} from "./stripe-local-harness.ts";

useStripeLocal();

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
    knobs.failNext = 2;
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
    knobs.failNext = 5;
    const paid = await payLocal(s.id, {});
    await local.webhooksIdle();
    assert.equal(knobs.failNext, 0);
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
