import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeFeed, newestFeedId, feedVerb, type FeedEntry } from "../src/lib/feed.ts";
import { createFeedHub } from "../src/server/feed/live.ts";
import { feedStream, STREAMS_PER_IP } from "../src/server/feed/stream.ts";

const entry = (n: number, kind: FeedEntry["kind"] = "mint"): FeedEntry => ({
  id: String(n).padStart(10, "0"),
  kind,
  actor: "0x00000000000000000000000000000000000000aa",
  counterparty: null,
  artist: null,
  release: null,
  quantity: 1,
  paid: null,
  usd: null,
  milestone: null,
  timestamp: 1_700_000_000 + n,
  txHash: `0x${String(n).padStart(64, "0")}`,
});

test("mergeFeed keeps one entry per id, newest first, at most max", () => {
  const merged = mergeFeed([entry(1), entry(3)], [entry(3), entry(2), entry(5)], 3);
  assert.deepEqual(
    merged.map((e) => e.id),
    [entry(5).id, entry(3).id, entry(2).id],
  );
  assert.equal(newestFeedId(merged), entry(5).id);
  assert.equal(newestFeedId([]), null);
});

test("feedVerb says what happened", () => {
  assert.equal(feedVerb(entry(1, "artist")), "joined as an artist");
  assert.equal(feedVerb({ ...entry(1), quantity: 3 }), "collected 3 of");
  assert.equal(feedVerb({ ...entry(1, "sale"), quantity: 1 }), "bought");
});

/** A hub on a fake indexer: `chain` is what the indexer holds; `change()` is its live query firing. */
function fakeHub() {
  const chain: FeedEntry[] = [entry(1), entry(2)];
  const calls = { subscribed: 0, unsubscribed: 0 };
  let onChange: () => void = () => {};
  let onError: (e: Error) => void = () => {};
  const timers: { fn: () => void; ms: number }[] = [];
  const hub = createFeedHub({
    indexerUrl: "http://indexer.invalid",
    chainId: 31337,
    subscribe: (change, error) => {
      calls.subscribed++;
      onChange = change;
      onError = error;
      return () => calls.unsubscribed++;
    },
    load: async () => [...chain].sort((a, b) => (a.id < b.id ? 1 : -1)),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
  });
  return { hub, chain, calls, change: () => onChange(), fail: (e: Error) => onError(e), timers };
}

const settle = () => new Promise((r) => setImmediate(r));

test("a listener hears only what is new, once, when the live query fires", async () => {
  const f = fakeHub();
  const heard: string[][] = [];
  await f.hub.listen((items) => heard.push(items.map((e) => e.id)));
  assert.equal(f.calls.subscribed, 1, "one live query for the process");
  f.chain.push(entry(3));
  f.change();
  await settle();
  f.change(); // nothing new: nothing sent
  await settle();
  assert.deepEqual(heard, [[entry(3).id]]);
});

test("a listener that names the newest item it shows is first given what it missed", async () => {
  const f = fakeHub();
  await f.hub.listen(() => {});
  f.chain.push(entry(3), entry(4));
  f.change();
  await settle();
  const heard: string[][] = [];
  await f.hub.listen((items) => heard.push(items.map((e) => e.id)), entry(2).id);
  assert.deepEqual(heard, [[entry(4).id, entry(3).id]]);
  assert.equal(f.calls.subscribed, 1, "the second listener shares the live query");
});

test("the live query stops a while after the last listener leaves, and restarts after an error", async () => {
  const f = fakeHub();
  const leave = await f.hub.listen(() => {});
  f.fail(new Error("indexer restarted"));
  assert.equal(f.calls.unsubscribed, 1);
  assert.equal(f.hub.live(), false);
  f.timers.shift()!.fn(); // the retry
  assert.equal(f.calls.subscribed, 2);
  leave();
  assert.equal(f.hub.live(), true, "kept while idle");
  f.timers.shift()!.fn(); // the idle timer
  assert.equal(f.hub.live(), false);
  assert.equal(f.calls.unsubscribed, 2);
});

test("the stream refuses a bad `after` and more than the per-visitor number of feeds", async () => {
  const f = fakeHub();
  const bad = await feedStream(new Request("http://x/api/feed/live?after=abc"), "1.2.3.4", f.hub);
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /feed item id/);
  const aborts: AbortController[] = [];
  for (let i = 0; i < STREAMS_PER_IP; i++) {
    const a = new AbortController();
    aborts.push(a);
    const ok = await feedStream(new Request("http://x/api/feed/live", { signal: a.signal }), "1.2.3.4", f.hub);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("content-type"), "text/event-stream; charset=utf-8");
    assert.match(ok.headers.get("cache-control") ?? "", /no-transform/);
  }
  const over = await feedStream(new Request("http://x/api/feed/live"), "1.2.3.4", f.hub);
  assert.equal(over.status, 429);
  const other = new AbortController();
  const elsewhere = await feedStream(new Request("http://x/api/feed/live", { signal: other.signal }), "5.6.7.8", f.hub);
  assert.equal(elsewhere.status, 200, "another visitor is not affected");
  // Closing a feed frees its place.
  aborts[0]!.abort();
  const again = new AbortController();
  const reopened = await feedStream(new Request("http://x/api/feed/live", { signal: again.signal }), "1.2.3.4", f.hub);
  assert.equal(reopened.status, 200);
  for (const a of [...aborts, other, again]) a.abort();
});

test("the stream sends new items as `items` events", async () => {
  const f = fakeHub();
  const a = new AbortController();
  const res = await feedStream(new Request("http://x/api/feed/live", { signal: a.signal }), "9.9.9.9", f.hub);
  const reader = res.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.match(first, /^: open/);
  f.chain.push(entry(7));
  f.change();
  const next = new TextDecoder().decode((await reader.read()).value);
  assert.match(next, /^event: items\ndata: /);
  const data = JSON.parse(next.split("data: ")[1]!.trim()) as FeedEntry[];
  assert.deepEqual(
    data.map((e) => e.id),
    [entry(7).id],
  );
  a.abort();
});

test("a milestone reads as what was reached, with its dollars", async () => {
  const { feedVerb } = await import("../src/lib/feed.ts");
  const { formatUsd } = await import("../src/lib/format.ts");
  const m = {
    ...entry(9, "milestone"),
    milestone: { kind: "earned-100", title: "First $100 earned" },
    usd: "123456789",
  };
  assert.equal(feedVerb(m), "reached “First $100 earned”");
  assert.equal(formatUsd(m.usd), "$123.45");
  assert.equal(formatUsd(1_234_567_890_000n), "$1,234,567.89");
  assert.equal(formatUsd(0), "$0.00");
  // A milestone's id sorts right after its event's, before the next event.
  const { compareFeedIds } = await import("../src/lib/feed.ts");
  assert.ok(compareFeedIds("000120-earned-100-0xab", "000120") > 0);
  assert.ok(compareFeedIds("000120-earned-100-0xab", "000121") < 0);
});
