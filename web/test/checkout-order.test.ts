import { test } from "node:test";
import assert from "node:assert/strict";
import type { OrderStatus, OrderView } from "../src/lib/checkout/api.ts";
import { isFinal, orderMessage, orderSteps, parseCheckoutReturn, pollInterval } from "../src/lib/checkout/orderView.ts";
import { itemName } from "../src/lib/checkout/itemName.ts";

const T = "2026-11-20T10:00:00.000Z";
const order = (status: OrderStatus, over: Partial<OrderView> = {}): OrderView => ({
  id: "0b6f2a34-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  status,
  collection: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  tokenId: "2",
  quantity: 2,
  wallet: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  email: "f•••@example.com",
  amountCents: 3000,
  currency: "usd",
  mintTx: null,
  lastError: null,
  createdAt: T,
  paidAt: null,
  mintedAt: null,
  closedAt: null,
  ...over,
});
const states = (o: OrderView) =>
  orderSteps(o)
    .map((s) => s.state)
    .join(" ");

test("the page polls every second while the order moves and stops when it is final", () => {
  for (const s of ["pending", "paid", "minting"] as const) {
    assert.equal(isFinal(s), false);
    assert.equal(pollInterval(s), 1000);
  }
  for (const s of ["minted", "expired", "refunded", "disputed"] as const) {
    assert.equal(isFinal(s), true);
    assert.equal(pollInterval(s), false, s);
  }
  assert.equal(pollInterval(undefined), 1000, "before the first answer");
  assert.equal(pollInterval("failed"), 15_000, "a failed mint is resolved by an operator: asked now and then");
});

test("steps follow the order: payment, minting, in your wallet", () => {
  assert.deepEqual(
    orderSteps(order("pending")).map((s) => s.title),
    ["Payment received", "Minting", "In your wallet"],
  );
  assert.equal(states(order("pending")), "current todo todo");
  assert.equal(states(order("paid", { paidAt: T })), "done current todo");
  assert.equal(states(order("minting", { paidAt: T })), "done current todo");
  assert.equal(states(order("minting", { paidAt: T, mintTx: `0x${"ab".repeat(32)}` })), "done done current");
  assert.equal(states(order("minted", { paidAt: T, mintedAt: T, mintTx: `0x${"ab".repeat(32)}` })), "done done done");
});

test("a final order shows where it stopped, and what had already happened", () => {
  assert.equal(states(order("expired", { closedAt: T })), "stopped todo todo");
  assert.equal(states(order("failed")), "stopped todo todo", "the payment failed");
  assert.equal(states(order("failed", { paidAt: T })), "done stopped todo", "the mint failed");
  assert.equal(
    states(order("refunded", { paidAt: T, mintedAt: T, mintTx: "0x1" })),
    "done done done",
    "refunded after delivery",
  );
  assert.equal(states(order("disputed", { paidAt: T })), "done stopped todo");
});

test("the way back from the payment page changes what a pending order says", () => {
  assert.equal(orderMessage(order("pending"), "success").title, "Payment received, your NFT is being minted");
  assert.equal(
    orderMessage(order("paid", { paidAt: T }), "success").title,
    "Payment received, your NFT is being minted",
  );
  assert.equal(orderMessage(order("minting", { paidAt: T }), null).title, "Payment received, your NFT is being minted");
  assert.match(orderMessage(order("pending"), "cancelled").title, /cancelled/);
  assert.match(orderMessage(order("expired"), "cancelled").body, /nothing was charged/);
  assert.match(orderMessage(order("pending"), null).title, /Waiting for your payment/);
});

test("every final status has its own words", () => {
  const minted = orderMessage(order("minted"), "success");
  assert.equal(minted.tone, "success");
  assert.match(minted.body, /Your 2 NFTs are/);
  assert.match(orderMessage(order("minted", { quantity: 1 }), null).body, /Your NFT is/);
  assert.match(orderMessage(order("failed", { paidAt: T }), null).body, /payment is safe/);
  assert.match(orderMessage(order("failed"), null).body, /nothing was charged/);
  assert.match(orderMessage(order("expired"), null).title, /expired/);
  assert.match(orderMessage(order("refunded"), null).body, /refunded in full/);
  assert.match(orderMessage(order("disputed"), null).title, /disputed/);
  const titles = new Set(
    (["minted", "expired", "refunded", "disputed"] as const).map((s) => orderMessage(order(s), null).title),
  );
  assert.equal(titles.size, 4);
});

test("parseCheckoutReturn reads only the two known values", () => {
  assert.equal(parseCheckoutReturn("success"), "success");
  assert.equal(parseCheckoutReturn(["cancelled", "success"]), "cancelled");
  assert.equal(parseCheckoutReturn("other"), null);
  assert.equal(parseCheckoutReturn(undefined), null);
});

test("a card purchase is named by its release's title and artist, not the collection and number", () => {
  const tide = { title: "Tide (open edition)", artistName: "Nova", collectionName: "Nova", tokenId: 2n };
  assert.equal(itemName(tide), "Tide (open edition) by Nova");
  assert.equal(itemName({ ...tide, artistName: null }), "Tide (open edition)");
  assert.equal(itemName({ ...tide, title: "Tide by Nova" }), "Tide by Nova", "the artist is not named twice");
  assert.equal(itemName({ ...tide, title: "  Lisbon\n Nights ", artistName: " Nova " }), "Lisbon Nights by Nova");
  // Only when the metadata cannot be read.
  assert.equal(itemName({ ...tide, title: null }), "Nova #2");
  assert.equal(itemName({ title: "", artistName: null, collectionName: null, tokenId: "7" }), "Edition #7");
});
