/**
 * The web app's reads revalidate with the indexer's ETag: a second identical read sends If-None-Match and
 * reuses the kept answer on 304; a new block (a new ETag) gives the new answer. A stand-in indexer
 * counts what it is asked.
 *
 *   cd web && node --import tsx --test test/indexer-cache.test.ts
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gql } from "../src/lib/indexer.ts";
import { EtagCache } from "../src/lib/indexerCache.ts";

const indexer = { block: 1, bodies: 0, notModified: 0 };
const server = createServer((req, res) => {
  const etag = `W/"block-${indexer.block}"`;
  req.resume();
  req.on("end", () => {
    if (req.headers["if-none-match"] === etag) {
      indexer.notModified++;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    indexer.bodies++;
    res.writeHead(200, { "content-type": "application/json", etag });
    res.end(JSON.stringify({ data: { block: indexer.block } }));
  });
});
let base = "";

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test("a repeated read revalidates (304) and reuses the kept answer; a new block gives the new one", async () => {
  const q = "query T { block }";
  assert.deepEqual(await gql(base, q), { block: 1 });
  assert.deepEqual(await gql(base, q), { block: 1 });
  assert.equal(indexer.bodies, 1);
  assert.equal(indexer.notModified, 1);
  indexer.block = 2;
  assert.deepEqual(await gql(base, q), { block: 2 });
  assert.equal(indexer.bodies, 2);
  // Other variables are another answer.
  assert.deepEqual(await gql(base, q, { x: 1 }), { block: 2 });
  assert.equal(indexer.bodies, 3);
});

test("the kept answers are bounded, least recently used first out", () => {
  const cache = new EtagCache(2, 100);
  cache.set("a", { etag: "1", text: "aa" });
  cache.set("b", { etag: "1", text: "bb" });
  cache.get("a");
  cache.set("c", { etag: "1", text: "cc" });
  assert.equal(cache.size, 2);
  assert.ok(cache.get("a"));
  assert.equal(cache.get("b"), undefined);
  cache.set("big", { etag: "1", text: "x".repeat(101) });
  assert.equal(cache.get("big"), undefined);
});
