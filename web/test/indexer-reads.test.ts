/**
 * Reads through the indexer proxy (/api/indexer) are rate limited per client IP in the shared database:
 * the route itself, with the test's security context (in-memory PGlite, a clock the test moves) and a
 * stand-in indexer that counts what reaches it.
 *
 *   cd web && node --import tsx --test test/indexer-reads.test.ts
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { rateLimits } from "../src/server/db/schema.ts";
import { securityHarness, type Harness } from "./securityHarness.ts";

let h: Harness;
let reached = 0;
const upstream = createServer((_req, res) => {
  reached++;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ data: { ok: true } }));
});
let route: typeof import("../src/app/api/indexer/[...path]/route.ts");

before(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  process.env.NEXT_PUBLIC_INDEXER_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  h = await securityHarness();
  route = await import("../src/app/api/indexer/[...path]/route.ts");
});

after(async () => {
  upstream.closeAllConnections();
  upstream.close();
  await h.close();
});

const read = (ip: string) =>
  route.POST(
    new Request("http://web.test/api/indexer/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ query: "{ artists { totalCount } }" }),
    }),
    { params: Promise.resolve({ path: ["graphql"] }) },
  );

test("429 with Retry-After and a JSON sentence once an IP's reads are used up; other IPs go on; the window ends", async () => {
  await h.reset({ readsPerIp: 3, rateWindowSeconds: 60 });
  reached = 0;
  for (let i = 0; i < 3; i++) assert.equal((await read("198.51.100.7")).status, 200);
  const limited = await read("198.51.100.7");
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "60");
  const body = (await limited.json()) as { error: string; limit: string; errors: { message: string }[] };
  assert.match(body.error, /Too many requests. Try again in 60 seconds/);
  assert.equal(body.limit, "readsPerIp");
  assert.equal(body.errors[0]?.message, body.error);
  assert.equal(reached, 3, "the refused read never reached the indexer");
  // Counted in the shared table, under its own prefix (writes keep their own budget).
  const rows = await h.database.db.select().from(rateLimits).where(eq(rateLimits.key, "rl_read:198.51.100.7"));
  assert.equal(rows[0]?.points, 4);
  assert.equal((await read("198.51.100.8")).status, 200);
  h.advance(30_000);
  assert.equal((await read("198.51.100.7")).headers.get("retry-after"), "30");
  h.advance(31_000);
  assert.equal((await read("198.51.100.7")).status, 200);
});

test("statement downloads (GET) count against the same budget", async () => {
  await h.reset({ readsPerIp: 1, rateWindowSeconds: 60 });
  const get = () =>
    route.GET(new Request("http://web.test/api/indexer/status", { headers: { "x-forwarded-for": "198.51.100.9" } }), {
      params: Promise.resolve({ path: ["status"] }),
    });
  assert.equal((await get()).status, 200);
  assert.equal((await get()).status, 429);
});

test("reads fail open when the rate-limit store is unavailable (the indexer keeps its own limits)", async () => {
  await h.reset({ readsPerIp: 1, rateWindowSeconds: 60 });
  const down = () => {
    throw new Error("the database is down");
  };
  const broken = { ...h.ctx, db: { insert: down, select: down, delete: down } as unknown as typeof h.ctx.db };
  const { setSecurityContext } = await import("../src/server/http/context.ts");
  setSecurityContext(broken);
  const errors = console.error;
  console.error = () => {};
  try {
    assert.equal((await read("198.51.100.11")).status, 200);
    assert.equal((await read("198.51.100.11")).status, 200);
  } finally {
    console.error = errors;
    setSecurityContext(h.ctx);
  }
});
