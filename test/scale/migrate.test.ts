/**
 * Web instances starting together on a fresh PostgreSQL database each apply the web app's migrations at
 * start (server/checkout/service.ts): they must all come up, the migrations applied once. Fails without the
 * advisory lock in server/db/client.ts (the losers' CREATE TYPE/TABLE statements collide).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "../../web/src/server/db/client.ts";
import { findPgBin, startCluster, type Cluster } from "../indexer/postgres.ts";

const bin = findPgBin();
let cluster: Cluster | null = null;
const opened: Database[] = [];
after(async () => {
  for (const d of opened) await d.close();
  cluster?.stop();
});

test("four web instances migrate one fresh PostgreSQL database at once", async (t) => {
  if (!bin) return t.skip("NO POSTGRESQL SERVER BINARIES: SKIPPED");
  cluster = await startCluster(bin, mkdtempSync(join(tmpdir(), "scale-migrate-")));
  const instances = Array.from({ length: 4 }, () => openDatabase({ databaseUrl: cluster!.url }));
  opened.push(...instances);
  const results = await Promise.allSettled(instances.map((d) => d.migrate()));
  assert.deepEqual(
    results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")),
    ["ok", "ok", "ok", "ok"],
  );
  const applied = (await instances[0]!.db.execute("select count(*)::int as n from drizzle.__drizzle_migrations")) as {
    rows: { n: number }[];
  };
  const journal = (await import("../../web/drizzle/meta/_journal.json", { with: { type: "json" } })).default;
  assert.equal(applied.rows[0]!.n, journal.entries.length, "each migration applied once");
});
