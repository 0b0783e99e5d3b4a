/**
 * The web app's reads of the indexer (web/src/lib/indexer.ts gql, web/src/lib/indexerCache.ts): a repeated
 * read sends the kept ETag as If-None-Match and, on 304, answers from the kept body, so a page that does not
 * change per user costs the indexer no query and no body between blocks; a new ETag (a new block) replaces
 * the kept answer. The indexer is a stand-in on 127.0.0.1 that counts what it is asked.
 *
 *   node --import tsx --test test/indexer/web-reads.test.ts
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, describe, it } from "node:test";
import { gql } from "../../web/src/lib/indexer.ts";
import { indexerAnswers } from "../../web/src/lib/indexerCache.ts";

describe("the web app's indexer reads", () => {
  const world = { block: 1, bodies: 0, notModified: 0, ifNoneMatch: [] as (string | undefined)[] };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const etag = `W/"block-${world.block}"`;
      const sent = req.headers["if-none-match"];
      world.ifNoneMatch.push(sent);
      if (sent === etag) {
        world.notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      world.bodies++;
      res.writeHead(200, { etag, "content-type": "application/json" });
      res.end(JSON.stringify({ data: { block: world.block } }));
    });
  });
  const listening = new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => server.close());
  const base = async () => {
    await listening;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it("revalidates a kept answer with If-None-Match and reuses it on 304, until the block changes", async () => {
    const url = await base();
    const read = () => gql<{ block: number }>(url, "query Home { block }");
    assert.deepEqual(await read(), { block: 1 });
    assert.equal(world.ifNoneMatch.at(-1), undefined);
    assert.deepEqual(await read(), { block: 1 });
    assert.equal(world.ifNoneMatch.at(-1), 'W/"block-1"');
    assert.equal(world.notModified, 1);
    assert.equal(world.bodies, 1);

    world.block = 2; // a new indexed block: the old ETag no longer matches
    assert.deepEqual(await read(), { block: 2 });
    assert.equal(world.bodies, 2);
    assert.deepEqual(await read(), { block: 2 });
    assert.equal(world.ifNoneMatch.at(-1), 'W/"block-2"');
    assert.equal(world.notModified, 2);
  });

  it("keeps answers per request: other variables are another answer", async () => {
    const url = await base();
    const before = indexerAnswers.size;
    await gql(url, "query A($id: String!) { block }", { id: "a" });
    await gql(url, "query A($id: String!) { block }", { id: "b" });
    assert.equal(indexerAnswers.size, before + 2);
    assert.equal(world.ifNoneMatch.at(-1), undefined);
  });
});
