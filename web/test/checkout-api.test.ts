import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ApiError,
  cancelOrder,
  fetchOrder,
  fetchPrices,
  requestJson,
  savePrice,
  startCheckout,
} from "../src/lib/checkout/api.ts";

type Call = { url: string; init: RequestInit };

/** A fetch that records the request and answers `status` with `body` (a string is sent as is). */
function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  assert.fail("expected a rejection");
}

test("startCheckout posts the JSON body and returns the order id and the payment page", async () => {
  const f = fakeFetch(201, { orderId: "o1", url: "http://127.0.0.1:12111/pay/cs_1" });
  const req = { collection: "0xabc", tokenId: "2", quantity: 2, email: "fan@example.com", wallet: "0xdef" };
  assert.deepEqual(await startCheckout(req, f.impl), { orderId: "o1", url: "http://127.0.0.1:12111/pay/cs_1" });
  assert.equal(f.calls[0]!.url, "/api/checkout");
  assert.equal(f.calls[0]!.init.method, "POST");
  assert.deepEqual(JSON.parse(String(f.calls[0]!.init.body)), req);
  assert.equal((f.calls[0]!.init.headers as Record<string, string>)["content-type"], "application/json");
});

test("a 4xx becomes an ApiError with the server's sentence and field", async () => {
  const f = fakeFetch(409, { error: "Only 3 left.", field: "quantity" });
  const e = await rejection(
    startCheckout({ collection: "0x1", tokenId: "1", quantity: 5, email: "a@b.co", wallet: "0x2" }, f.impl),
  );
  assert.equal(e.message, "Only 3 left.");
  assert.equal(e.status, 409);
  assert.equal(e.field, "quantity");
});

test("an answer without a sentence still says what happened", async () => {
  assert.match(
    (await rejection(requestJson("/x", {}, fakeFetch(502, "<html>Bad gateway</html>").impl))).message,
    /HTTP 502/,
  );
  assert.match((await rejection(requestJson("/x", {}, fakeFetch(404, {}).impl))).message, /refused \(HTTP 404\)/);
  assert.match((await rejection(requestJson("/x", {}, fakeFetch(200, "not json").impl))).message, /could not be read/);
  const offline = (async () => {
    throw new TypeError("fetch failed");
  }) as unknown as typeof fetch;
  const e = await rejection(requestJson("/x", {}, offline));
  assert.equal(e.status, 0);
  assert.match(e.message, /could not be reached/);
});

test("prices: GET by collection, PUT the signed price", async () => {
  const price = { collection: "0xAbC", tokenId: "2", usdCents: 1500, updatedAt: "2026-11-20T10:00:00.000Z" };
  const get = fakeFetch(200, { prices: [price] });
  assert.deepEqual(await fetchPrices("0xAbC", get.impl), [price]);
  assert.equal(get.calls[0]!.url, "/api/prices?collection=0xAbC");
  const put = fakeFetch(200, { price });
  const update = { collection: "0xAbC", tokenId: "2", usdCents: 1500, signedAt: 1, signature: "0x12" };
  assert.deepEqual(await savePrice(update, put.impl), price);
  assert.equal(put.calls[0]!.init.method, "PUT");
  assert.deepEqual(JSON.parse(String(put.calls[0]!.init.body)), update);
  const refused = fakeFetch(403, {
    error: "Only the collection's artist can set its card prices.",
    field: "signature",
  });
  assert.equal((await rejection(savePrice(update, refused.impl))).field, "signature");
});

test("orders: GET one, POST its cancel, both with the order's key in a header (not in the URL)", async () => {
  const o = { id: "o1", status: "expired" };
  const get = fakeFetch(200, { order: o });
  assert.deepEqual(await fetchOrder("o1", "k1", get.impl), o);
  assert.equal(get.calls[0]!.url, "/api/orders/o1");
  assert.equal((get.calls[0]!.init.headers as Record<string, string>)["x-order-key"], "k1");
  const cancel = fakeFetch(200, { order: o });
  assert.deepEqual(await cancelOrder("o1", "k1", cancel.impl), o);
  assert.equal(cancel.calls[0]!.url, "/api/orders/o1/cancel");
  assert.equal(cancel.calls[0]!.init.method, "POST");
  assert.equal((cancel.calls[0]!.init.headers as Record<string, string>)["x-order-key"], "k1");
  assert.equal(
    (await rejection(fetchOrder("nope", "k", fakeFetch(404, { error: "There is no such order." }).impl))).message,
    "There is no such order.",
  );
});
