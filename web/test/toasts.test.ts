import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_TOASTS, addToast, clearGroup, onPage, type ToastItem } from "../src/components/ui/toastList.ts";

const failed = { tone: "error" as const, title: "Mint failed", body: "Sold out.", group: "mint-panel" };
const confirmed = { tone: "success" as const, title: "Mint confirmed", group: "mint-panel" };

test("a later outcome of the same action replaces its failure toast", () => {
  let items: ToastItem[] = addToast([], failed, 1, "/drops/0xabc/1");
  items = addToast(items, confirmed, 2, "/drops/0xabc/1");
  assert.deepEqual(
    items.map((t) => t.title),
    ["Mint confirmed"],
  );
  // Another action's toast stays beside it.
  items = addToast(items, { tone: "success", title: "Withdraw ETH confirmed", group: "earnings" }, 3, "/drops/0xabc/1");
  assert.equal(items.length, 2);
});

test("starting the action again clears its toast; other groups keep theirs", () => {
  let items = addToast([], failed, 1, "/a");
  items = addToast(items, { tone: "info", title: "Copied" }, 2, "/a");
  assert.deepEqual(
    clearGroup(items, "mint-panel").map((t) => t.title),
    ["Copied"],
  );
  assert.equal(clearGroup(items, "other"), items, "unchanged when nothing matches (no re-render)");
});

test("navigation clears the toasts of the page left behind", () => {
  let items = addToast([], failed, 1, "/drops/0xabc/1");
  items = addToast(items, { tone: "info", title: "Here" }, 2, "/collection");
  assert.deepEqual(
    onPage(items, "/collection").map((t) => t.title),
    ["Here"],
  );
  assert.deepEqual(onPage(items, "/earnings"), []);
});

test("at most a few toasts at once, the oldest dropped first", () => {
  let items: ToastItem[] = [];
  for (let i = 0; i < MAX_TOASTS + 2; i++) items = addToast(items, { tone: "info", title: `t${i}` }, i, "/");
  assert.equal(items.length, MAX_TOASTS);
  assert.equal(items[0]!.title, "t2");
});
