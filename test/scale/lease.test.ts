/**
 * The relayer's lease (web/src/server/fulfilment/lease.ts): on one PostgreSQL database, while one web
 * instance's worker sends for a relayer, another instance's run is skipped; the lease is free again after
 * the run, also when the run throws; another relayer is not held up. PGlite (one process) always runs.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { withRelayerLease } from "../../web/src/server/fulfilment/lease.ts";
import { openDatabase, type Database } from "../../web/src/server/db/client.ts";
import { freshDatabase } from "../checkout/db.ts";

const relayer = "0x00000000000000000000000000000000000000aa";
const other = "0x00000000000000000000000000000000000000bb";
const opened: Database[] = [];
after(async () => {
  for (const d of opened) await d.close();
});

test("PostgreSQL: one run at a time per relayer across instances", async (t) => {
  const first = await freshDatabase("postgres");
  if (!first) return t.skip("NO POSTGRESQL SERVER BINARIES: SKIPPED");
  const url = (first.db as unknown as { $client: { options: { connectionString: string } } }).$client.options
    .connectionString;
  const second = openDatabase({ databaseUrl: url }); // another instance: its own pool
  opened.push(first, second);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const running = withRelayerLease(first.db, relayer, () => held.then(() => "a ran"), "a busy");
  // The first run holds the lease once its lock query answered: poll the second instance until it is refused.
  const deadline = Date.now() + 10_000;
  let answer = "";
  while (Date.now() < deadline && answer !== "b busy")
    answer = await withRelayerLease(second.db, relayer, async () => "b ran", "b busy");
  assert.equal(answer, "b busy", "the second instance skips while the first sends");
  assert.equal(await withRelayerLease(second.db, other, async () => "other ran", "other busy"), "other ran");
  release();
  assert.equal(await running, "a ran");
  assert.equal(await withRelayerLease(second.db, relayer, async () => "b ran", "b busy"), "b ran");
  await assert.rejects(
    withRelayerLease(first.db, relayer, () => Promise.reject(new Error("power cut")), "busy"),
    /power cut/,
  );
  assert.equal(await withRelayerLease(second.db, relayer, async () => "b ran", "b busy"), "b ran", "freed on error");
});

test("PGlite: the run always runs", async () => {
  const db = await freshDatabase("pglite");
  opened.push(db!);
  assert.equal(await withRelayerLease(db!.db, relayer, async () => "ran", "busy"), "ran");
});
