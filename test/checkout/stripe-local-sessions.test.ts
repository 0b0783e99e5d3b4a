/**
 * The local Stripe-compatible server (scripts/stripe-local) driven by the official `stripe` SDK, as the web
 * app drives it: session shape, every test card through the /_local control and through the HTML payment
 * page, webhooks verified with the SDK's constructEvent and their order, expiry. Harness:
 * ./stripe-local-harness.ts.
 *
 *   source scripts/env.sh && node --import tsx --test test/checkout/stripe-local-sessions.test.ts
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { readEvent } from "../../web/src/server/checkout/events.ts";
import {
  eventsOf,
  expectEvents,
  knobs,
  local,
  newSession,
  payLocal,
  postForm,
  sessionParams,
  stripe,
  useStripeLocal,
} from "./stripe-local-harness.ts";

useStripeLocal();

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
    knobs.clockOffsetMs = 32 * 60 * 1000;
    try {
      assert.equal((await stripe.checkout.sessions.retrieve(s.id)).status, "expired");
    } finally {
      knobs.clockOffsetMs = 0;
    }
    await expectEvents(s.id, ["checkout.session.expired"]);
  });
});
