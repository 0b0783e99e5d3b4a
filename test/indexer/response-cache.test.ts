/**
 * The indexer's read cache (indexer/src/api/cache.ts, cached.ts) in front of a stand-in GraphQL handler
 * that counts what reaches it: a second identical read at the same indexed block is a cache hit, a client
 * holding the ETag gets 304, and a new block changes the ETag. The clock is injected; nothing waits.
 *
 *   node --import tsx --test test/indexer/response-cache.test.ts
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { matchesEtag, ResponseCache } from "../../indexer/src/api/cache.ts";
import { serveCached } from "../../indexer/src/api/cached.ts";

// Hono is the indexer's dependency, not the root's: load the indexer's copy.
type HonoModule = typeof import("../../indexer/node_modules/hono/dist/types/index.d.ts");
const requireFromIndexer = createRequire(new URL("../../indexer/package.json", import.meta.url));
const { Hono } = (await import(requireFromIndexer.resolve("hono"))) as HonoModule;

function stand(options: { maxEntries?: number; markTtlMs?: number } = {}) {
  const world = { mark: "1:0001", now: 0, markReads: 0, runs: 0, fail: false };
  const cache = new ResponseCache({
    readMark: async () => {
      world.markReads++;
      return world.mark;
    },
    markTtlMs: options.markTtlMs ?? 100,
    maxEntries: options.maxEntries ?? 100,
    maxChars: 1 << 20,
    now: () => world.now,
  });
  const app = new Hono();
  app.post("/graphql", async (c, next) => serveCached(c, cache, `POST\n${await c.req.raw.clone().text()}`, next));
  app.post("/graphql", async (c) => {
    world.runs++;
    const body = (await c.req.json()) as { query: string };
    if (world.fail) return c.json({ errors: [{ message: "boom" }] });
    return c.json({ data: { echo: body.query, mark: world.mark } });
  });
  const post = (query: string, headers: Record<string, string> = {}) =>
    app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
  return { world, cache, post };
}

describe("indexer read cache", () => {
  it("answers a second identical read at the same block from memory, with the same ETag", async () => {
    const { world, post, cache } = stand();
    const a = await post("{ a }");
    const b = await post("{ a }");
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal(world.runs, 1);
    assert.equal(b.headers.get("x-cache"), "hit");
    assert.equal(a.headers.get("etag"), b.headers.get("etag"));
    assert.match(a.headers.get("cache-control") ?? "", /no-cache/);
    assert.deepEqual(await a.json(), await b.json());
    assert.equal(cache.stats.hits, 1);
    // A different request is a different answer.
    const other = await post("{ b }");
    assert.notEqual(other.headers.get("etag"), a.headers.get("etag"));
    assert.equal(world.runs, 2);
  });

  it("answers If-None-Match with 304 without running the query", async () => {
    const { world, post } = stand();
    const etag = (await post("{ a }")).headers.get("etag")!;
    const again = await post("{ a }", { "if-none-match": etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("etag"), etag);
    assert.equal(await again.text(), "");
    assert.equal(world.runs, 1);
  });

  it("changes the ETag and runs the query again when a new block is indexed", async () => {
    const { world, post } = stand({ markTtlMs: 100 });
    const first = await post("{ a }");
    const etag = first.headers.get("etag")!;
    world.mark = "1:0002";
    // Within the marker's lifetime the old block is still reported; after it, the new one.
    assert.equal((await post("{ a }", { "if-none-match": etag })).status, 304);
    world.now += 100;
    const fresh = await post("{ a }", { "if-none-match": etag });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.get("etag"), etag);
    assert.equal(((await fresh.json()) as { data: { mark: string } }).data.mark, "1:0002");
    assert.equal(world.runs, 2);
  });

  it("reads the block marker once per lifetime, shared by concurrent requests", async () => {
    const { world, post } = stand();
    await Promise.all([post("{ a }"), post("{ a }"), post("{ a }")]);
    assert.equal(world.markReads, 1);
    assert.equal(world.runs, 1);
  });

  it("never keeps an answer with errors", async () => {
    const { world, post } = stand();
    world.fail = true;
    await post("{ a }");
    const again = await post("{ a }");
    assert.equal(world.runs, 2);
    assert.equal(again.headers.get("x-cache"), null);
    world.fail = false;
    assert.equal((await post("{ a }")).status, 200);
    assert.equal(world.runs, 3);
  });

  it("keeps at most maxEntries answers, dropping the least recently used", async () => {
    const { world, post, cache } = stand({ maxEntries: 2 });
    await post("{ a }");
    await post("{ b }");
    await post("{ a }"); // a is now the most recent
    await post("{ c }"); // drops b
    assert.equal(cache.size, 2);
    assert.equal(world.runs, 3);
    await post("{ a }");
    assert.equal(world.runs, 3);
    await post("{ b }");
    assert.equal(world.runs, 4);
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    assert.ok(matchesEtag('"x", W/"abc"', 'W/"abc"'));
    assert.ok(matchesEtag('"abc"', 'W/"abc"'));
    assert.ok(matchesEtag("*", 'W/"abc"'));
    assert.ok(!matchesEtag('W/"abd"', 'W/"abc"'));
    assert.ok(!matchesEtag(undefined, 'W/"abc"'));
  });
});
