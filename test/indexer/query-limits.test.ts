/**
 * The GraphQL limits without an indexer: how queries are measured (indexer/src/api/queryLimits.ts), and
 * the web proxy's own bounds (web/src/server/indexer/proxy.ts) in front of a stand-in indexer that records
 * what reaches it. The real indexer is checked by ./limit-checks.ts inside ./indexer.test.ts.
 *
 *   node --import tsx --test test/indexer/query-limits.test.ts
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, describe, it } from "node:test";
import {
  checkQuery,
  DEFAULT_QUERY_LIMITS,
  measure,
  QueryRefused,
  readQueryLimits,
} from "../../indexer/src/api/queryLimits.ts";
import { DEFAULT_PROXY_LIMITS, forwardToIndexer } from "../../web/src/server/indexer/proxy.ts";
import { captureAppQueries } from "./app-queries.ts";
import { loopQuery } from "./limit-checks.ts";

describe("GraphQL query limits", () => {
  it("measures depth, tokens and aliases; argument objects, inline fragments and comments add no depth", () => {
    assert.equal(measure("{ a { b } }").depth, 2);
    assert.equal(measure('query Q($x: String = "{") { a(where: { b: { c: $x } }) { items { id } } }').depth, 3);
    assert.equal(measure("{ a { ... on T { b { c } } } } # { { { {").depth, 3);
    assert.equal(measure("{ x: a { y: b } }").aliases, 2);
    assert.equal(measure("{ a(first: 1) { b } }").aliases, 0);
    // A fragment spread adds its fragment's depth, also through other fragments.
    const viaFragments = `query { a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { d { e } } }`;
    assert.equal(measure(viaFragments).depth, 5);
    assert.equal(measure(loopQuery(10)).depth, 10);
    assert.equal(measure("{ a b c }").tokens, 5);
  });

  it("refuses a depth-10 loop naming maxDepth, at once", () => {
    const t0 = performance.now();
    assert.throws(
      () => checkQuery(loopQuery(10), DEFAULT_QUERY_LIMITS),
      (e: unknown) =>
        e instanceof QueryRefused && e.limit === "maxDepth" && e.found === 10 && /maxDepth/.test(e.message),
    );
    assert.ok(performance.now() - t0 < 1000);
    assert.doesNotThrow(() => checkQuery(loopQuery(DEFAULT_QUERY_LIMITS.maxDepth, 2), DEFAULT_QUERY_LIMITS));
  });

  it("follows fragment spreads and inline fragments: depth hidden in fragments counts, cycles end", () => {
    // Ten levels, of which the operation itself shows two.
    const hidden = `query { ...A } fragment A on Query { collections(limit: 1) { ...B } }
      fragment B on CollectionPage { items { ... on Collection { editions(limit: 1) { ...C } } } }
      fragment C on EditionPage { items { collectionInfo { editions(limit: 1) { items { collectionInfo { ...D } } } } } }
      fragment D on Collection { editions(limit: 1) { totalCount } }`;
    assert.equal(measure(hidden).depth, 10);
    assert.throws(
      () => checkQuery(hidden, DEFAULT_QUERY_LIMITS),
      (e: unknown) => e instanceof QueryRefused && e.limit === "maxDepth" && e.found === 10,
    );
    // A fragment that spreads itself: measured (and refused by GraphQL validation), never a stack overflow.
    const cycle = "query { a { ...F } } fragment F on T { b { ...F } ...G } fragment G on T { c { ...F } }";
    assert.equal(measure(cycle).depth, 3);
  });

  it("a list's limit multiplies what its items ask for: 1,000 × 1,000 is refused by cost", () => {
    // 1 field + 1 `items` + 50 rows (the default page) × 2 fields.
    assert.equal(measure("{ a { items { id name } } }").cost, 102);
    assert.equal(measure("{ a(limit: 3) { items { id } totalCount } }").cost, 1 + 1 + 3 + 1);
    // Over Ponder's maximum counts as the maximum in the cost (maxPage refuses it first); a variable counts as its value.
    assert.equal(measure("{ a(limit: 5000) { items { id } } }").cost, 1002);
    assert.equal(measure("query Q($n: Int!) { a(limit: $n) { items { id } } }", Infinity, { n: 7 }).cost, 9);
    assert.equal(measure("query Q($n: Int = 4) { a(limit: $n) { items { id } } }").cost, 6);
    assert.equal(measure("query Q($n: Int!) { a(limit: $n) { items { id } } }").cost, 1002, "unknown: the most");
    const nested = "{ collections(limit: 1000) { items { editions(limit: 1000) { items { id } } } } }";
    assert.throws(
      () => checkQuery(nested, DEFAULT_QUERY_LIMITS),
      (e: unknown) =>
        e instanceof QueryRefused && e.limit === "maxCost" && e.found! > 1_000_000 && /maxCost/.test(e.message),
    );
    // The same hidden in a fragment and a variable.
    const viaFragment = `query Q($n: Int!) { collections(limit: $n) { ...P } }
      fragment P on CollectionPage { items { editions(limit: 1000) { items { id } } } }`;
    assert.throws(
      () => checkQuery(viaFragment, DEFAULT_QUERY_LIMITS, { n: 1000 }),
      (e: unknown) => e instanceof QueryRefused && e.limit === "maxCost",
    );
  });

  it("refuses a page over the API's maximum (maxPage, 1,000): a literal, a variable, in a fragment", () => {
    assert.equal(measure("{ a(limit: 5000) { items { id } } }").page, 5000);
    assert.equal(checkQuery("{ a(limit: 1000) { items { id } } }", DEFAULT_QUERY_LIMITS).page, 1000);
    for (const [query, variables] of [
      ["{ a(limit: 1001) { items { id } } }", {}],
      ["query Q($n: Int!) { a(limit: $n) { items { id } } }", { n: 5000 }],
      ["query { ...F } fragment F on Query { a { items { b(limit: 2000) { items { id } } } } }", {}],
    ] as const)
      assert.throws(
        () => checkQuery(query, DEFAULT_QUERY_LIMITS, variables),
        (e: unknown) =>
          e instanceof QueryRefused &&
          e.limit === "maxPage" &&
          e.max === 1000 &&
          e.found! > 1000 &&
          /maxPage/.test(e.message),
        query,
      );
    // A lower cap from the environment, never a higher one (Ponder serves at most 1,000).
    assert.equal(readQueryLimits({ INDEXER_MAX_PAGE: "100" }).maxPage, 100);
    assert.equal(readQueryLimits({ INDEXER_MAX_PAGE: "5000" }).maxPage, 1000);
  });

  it("refuses long and aliased queries naming the limit", () => {
    const many = `{ a { ${"id ".repeat(1200)} } }`;
    assert.throws(
      () => checkQuery(many, DEFAULT_QUERY_LIMITS),
      (e: unknown) => e instanceof QueryRefused && e.limit === "maxTokens",
    );
    const aliased = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: b { id }`).join(" ")} }`;
    assert.throws(
      () => checkQuery(aliased, DEFAULT_QUERY_LIMITS),
      (e: unknown) => e instanceof QueryRefused && e.limit === "maxAliases" && e.found === 21,
    );
  });

  it("the web app's own queries pass the limits", async () => {
    const app = await captureAppQueries();
    assert.ok(app.length >= 20, `captured ${app.length} queries`);
    for (const c of app) {
      const cost = checkQuery(c.query, DEFAULT_QUERY_LIMITS, c.variables);
      assert.ok(cost.cost <= DEFAULT_QUERY_LIMITS.maxCost, `${c.from}: cost ${cost.cost}`);
      assert.ok(cost.tokens < DEFAULT_QUERY_LIMITS.maxTokens / 2, `${c.from}: ${cost.tokens} tokens`);
    }
  });
});

describe("the web's indexer proxy", () => {
  const reached: string[] = [];
  let hang = false;
  const upstream = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      reached.push(body);
      if (hang) return; // never answers
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  const listening = new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  after(() => {
    upstream.closeAllConnections();
    upstream.close();
  });
  const url = async () => {
    await listening;
    return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  };
  const graphqlRequest = (body: string) =>
    new Request("http://web.test/api/indexer/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });

  it("refuses a deep query with a 400 naming maxDepth, without asking the indexer", async () => {
    const before = reached.length;
    const res = await forwardToIndexer(
      graphqlRequest(JSON.stringify({ query: loopQuery(10) })),
      ["graphql"],
      "POST",
      await url(),
    );
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; limit: string; max: number; found: number; errors: unknown[] };
    assert.equal(body.limit, "maxDepth");
    assert.equal(body.found, 10);
    assert.match(body.error, /maxDepth/);
    assert.equal(body.errors.length, 1);
    assert.equal(reached.length, before);
  });

  it("refuses depth hidden in fragments and a 1,000 × 1,000 list by cost, naming the limit", async () => {
    const before = reached.length;
    const hidden = `query { ...A } fragment A on Query { ${loopQuery(10, 1).slice("query Deep { ".length, -2)} }`;
    const deep = await forwardToIndexer(
      graphqlRequest(JSON.stringify({ query: hidden })),
      ["graphql"],
      "POST",
      await url(),
    );
    assert.equal(deep.status, 400);
    assert.equal(((await deep.json()) as { limit: string }).limit, "maxDepth");
    const nested = `query Q($n: Int!) { collections(limit: $n) { items { editions(limit: $n) { items { id } } } } }`;
    const costly = await forwardToIndexer(
      graphqlRequest(JSON.stringify({ query: nested, variables: { n: 1000 } })),
      ["graphql"],
      "POST",
      await url(),
    );
    assert.equal(costly.status, 400);
    const body = (await costly.json()) as { limit: string; max: number; error: string };
    assert.equal(body.limit, "maxCost");
    assert.equal(body.max, DEFAULT_PROXY_LIMITS.maxCost);
    assert.match(body.error, /maxCost/);
    assert.equal(reached.length, before);
  });

  it("refuses an oversized body with a 413 naming maxBodyBytes, and forwards a normal query", async () => {
    const big = JSON.stringify({ query: `{ a } # ${"x".repeat(20_000)}` });
    const res = await forwardToIndexer(graphqlRequest(big), ["graphql"], "POST", await url());
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { limit: string }).limit, "maxBodyBytes");
    const ok = await forwardToIndexer(
      graphqlRequest(JSON.stringify({ query: "{ a { b } }" })),
      ["graphql"],
      "POST",
      await url(),
    );
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { data: { ok: true } });
  });

  it("answers 504 naming timeoutMs when the indexer does not answer in time", async () => {
    hang = true;
    const res = await forwardToIndexer(
      graphqlRequest(JSON.stringify({ query: "{ a }" })),
      ["graphql"],
      "POST",
      await url(),
      { ...DEFAULT_PROXY_LIMITS, timeoutMs: 200 },
    );
    hang = false;
    assert.equal(res.status, 504);
    assert.equal(((await res.json()) as { limit: string }).limit, "timeoutMs");
  });
});
