/**
 * The scanners' reads of the indexer (web/src/server/notifications/source.ts): against a GraphQL server
 * that answers as Ponder does, pages follow the cursor and a schema without the milestone table reads as
 * "not there yet" (not as a failure). When the indexer's generated schema is on disk (indexer/generated,
 * written by any indexer run, e.g. the indexer tests), the queries are also validated against it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { buildSchema, parse, validate } from "../../indexer/node_modules/graphql/index.js";
import { graphqlSource, newestQuery, scanQuery } from "../../web/src/server/notifications/source.ts";

let url = "";
let hasMilestones = false;
const seen: { query: string; variables: Record<string, unknown> }[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    seen.push({ query, variables });
    const table = /\b(payments|milestones)\(/.exec(query)![1]!;
    res.setHeader("content-type", "application/json");
    if (table === "milestones" && !hasMilestones) {
      res.statusCode = 400;
      return res.end(JSON.stringify({ errors: [{ message: 'Cannot query field "milestones" on type "Query".' }] }));
    }
    const items =
      variables?.after === "c1"
        ? [{ id: "p2", block: "9" }]
        : [{ id: "p1", block: query.includes("desc") ? "12" : "7" }];
    res.end(
      JSON.stringify({
        data: { [table]: { items, pageInfo: { hasNextPage: variables?.after !== "c1", endCursor: "c1" } } },
      }),
    );
  });
});
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("pages follow the indexer's cursor from a block on", async () => {
  const source = graphqlSource(url);
  const first = await source.payments(7n, null, 500);
  assert.deepEqual(first, { rows: [{ id: "p1", block: "7" }], next: "c1" });
  assert.deepEqual(seen.at(-1)!.variables, { from: "7", after: null, limit: 500 });
  const second = await source.payments(7n, "c1", 500);
  assert.deepEqual(second, { rows: [{ id: "p2", block: "9" }], next: null });
  assert.equal(await source.newestBlock("payments"), 12n);
});

test("a schema without the milestone table reads as not there yet; with it, milestones are read", async () => {
  const source = graphqlSource(url);
  assert.equal(await source.milestones(0n, null, 1), null);
  assert.equal(await source.newestBlock("milestones"), null);
  hasMilestones = true;
  assert.deepEqual((await source.milestones(0n, null, 1))?.rows, [{ id: "p1", block: "7" }]);
});

const schemaFile = new URL("../../indexer/generated/schema.graphql", import.meta.url);
test(
  "the queries are valid against the indexer's generated schema",
  { skip: existsSync(schemaFile) ? false : "no indexer/generated/schema.graphql (run the indexer once)" },
  () => {
    const schema = buildSchema(readFileSync(schemaFile, "utf8"));
    // A schema from before the milestone table (a stale generated file) has no milestones: the scanner
    // reads that as "not there yet", so only the payment queries must be valid then.
    const tables = schema.getQueryType()?.getFields().milestones
      ? (["payments", "milestones"] as const)
      : (["payments"] as const);
    for (const table of tables)
      for (const query of [scanQuery(table), newestQuery(table)])
        assert.deepEqual(
          validate(schema, parse(query)).map((e) => e.message),
          [],
          query,
        );
  },
);
