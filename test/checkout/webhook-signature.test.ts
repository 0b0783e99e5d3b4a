/**
 * The Stripe webhook's signature checks on a real database (PGlite and PostgreSQL): bad deliveries are
 * refused with a 400 and write nothing; a valid one (also among rotated secrets) is acknowledged quickly
 * and applied. Every test reads back the order row and the recorded events.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { performance } from "node:perf_hooks";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import {
  everything,
  insertOrder,
  newPurchase,
  nowSeconds,
  orderState,
  sessionCompleted,
  signed,
  webhook,
} from "./events.ts";
import { declareGroups, group, statusOf } from "./webhook-groups.ts";

group("signature", (db) => {
  /** A bad delivery: 400 with a JSON error, nothing written or changed, nobody woken. */
  async function rejected(body: string, signature: string | null) {
    const hook = webhook(db());
    const before = await everything(db());
    const reply = await hook.post(body, signature);
    assert.equal(reply.status, 400);
    assert.equal(typeof reply.body.error, "string");
    assert.ok(String(reply.body.error).length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(reply.body)), reply.body, "the reply is plain JSON");
    assert.deepEqual(await everything(db()), before);
    assert.deepEqual(hook.paid, []);
  }

  /** A pending order and a correctly made completed(paid) event for it. */
  async function pendingPurchase() {
    const p = newPurchase();
    await insertOrder(db(), p);
    return { p, event: sessionCompleted(p) };
  }

  it("a missing or empty Stripe-Signature header", async () => {
    const { p, event } = await pendingPurchase();
    const { body } = signed(event);
    await rejected(body, null);
    await rejected(body, "");
    assert.equal(await statusOf(db(), p.orderId), "pending");
  });

  it("signed with another secret", async () => {
    const { event } = await pendingPurchase();
    const s = signed(event, { secret: "whsec_somebody_else" });
    await rejected(s.body, s.signature);
  });

  it("the body changed by one byte after signing", async () => {
    const { event } = await pendingPurchase();
    const s = signed(event);
    // One digit of the amount: still valid JSON of the same length, but not what was signed.
    const at = s.body.indexOf('"amount_total": ') + '"amount_total": '.length;
    const digit = s.body[at]!;
    const tampered = s.body.slice(0, at) + String((Number(digit) + 1) % 10) + s.body.slice(at + 1);
    assert.equal(Buffer.byteLength(tampered), Buffer.byteLength(s.body));
    assert.notEqual(tampered, s.body);
    await rejected(tampered, s.signature);
    // The same bytes with the signature still pass, so it is the byte that was refused.
    assert.equal((await webhook(db()).post(s.body, s.signature)).status, 200);
  });

  it("a timestamp older than 300 s (a replay), even with a correct signature", async () => {
    const { event } = await pendingPurchase();
    for (const age of [301, 3_600, 86_400]) {
      const s = signed(event, { timestamp: nowSeconds() - age });
      await rejected(s.body, s.signature);
    }
  });

  it("headers with no valid v1 signature: several wrong v1, only a v0, garbage", async () => {
    const { event } = await pendingPurchase();
    const s = signed(event);
    const t = nowSeconds();
    const good = s.signature.split("v1=")[1]!;
    await rejected(s.body, `t=${t},v1=${"0".repeat(64)},v1=${"f".repeat(64)}`);
    await rejected(s.body, `t=${t},v0=${good}`);
    await rejected(s.body, "not a stripe signature");
    await rejected(s.body, `v1=${good}`);
  });

  it("a valid v1 among several (secret rotation), 250 s old: 200 and applied", async () => {
    const { p, event } = await pendingPurchase();
    const t = nowSeconds() - 250;
    const s = signed(event, { timestamp: t });
    const good = s.signature.split("v1=")[1]!;
    const old = Stripe.webhooks
      .generateTestHeaderString({ payload: s.body, secret: "whsec_rotated_out", timestamp: t })
      .split("v1=")[1]!;
    const hook = webhook(db());
    const reply = await hook.post(s.body, `t=${t},v1=${old},v1=${good},v0=${"a".repeat(64)}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.outcome, "applied");
    assert.equal(await statusOf(db(), p.orderId), "paid");
    assert.deepEqual(hook.paid, [p.orderId]);
  });

  it("valid: 200 quickly, with the event recorded and the order paid", async () => {
    const { p, event } = await pendingPurchase();
    const s = signed(event);
    const hook = webhook(db());
    const started = performance.now();
    const reply = await hook.post(s.body, s.signature);
    const ms = performance.now() - started;
    console.log(`# valid delivery acknowledged in ${ms.toFixed(1)} ms`);
    assert.ok(ms < 1_000, `took ${ms} ms`);
    assert.deepEqual(reply, {
      status: 200,
      body: { received: true, id: event.id, duplicate: false, outcome: "applied", order: p.orderId, status: "paid" },
    });
    const state = await orderState(db(), p.orderId);
    assert.equal(state.order?.status, "paid");
    assert.equal(state.order?.paymentIntent, p.paymentIntent);
    assert.equal(state.order?.paymentStatus, "paid");
    assert.deepEqual(
      state.events.map((e) => [e.id, e.type, e.outcome, e.paymentIntent, e.stripeCreatedAt.getTime()]),
      [[event.id, "checkout.session.completed", "applied", p.paymentIntent, event.created * 1000]],
    );
    assert.deepEqual(state.entries, []);
    assert.deepEqual(hook.paid, [p.orderId]);
  });
});

await declareGroups();
