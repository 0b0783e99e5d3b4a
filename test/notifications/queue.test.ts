/**
 * The notification queue's guarantees on both databases (PGlite and a private PostgreSQL): an event is
 * enqueued once whatever the number of scans; a leased job is no other worker's until its lease ends; a
 * worker that dies mid-send leaves a job that is due again after the lease; failures wait a doubling
 * backoff up to its cap, and fail the job after maxAttempts; a job marked sent is never leased again.
 */
import assert from "node:assert/strict";
import { after, beforeEach, describe, it } from "node:test";
import { eq } from "../../web/node_modules/drizzle-orm/index.js";
import {
  backoffMs,
  enqueue,
  lease,
  markFailed,
  markSent,
  type NewJob,
  type QueuePolicy,
} from "../../web/src/server/notifications/queue.ts";
import { notificationJobs } from "../../web/src/server/db/schema.ts";
import { DATABASE_KINDS, freshDatabase } from "../checkout/db.ts";

const POLICY: QueuePolicy = { leaseMs: 60_000, baseMs: 1_000, capMs: 10_000, maxAttempts: 5 };
const T0 = new Date("2026-12-07T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const job = (key: string): NewJob => ({ kind: "sale", dedupeKey: key, subscriptionId: 1, payload: { txHash: "0x1" } });

it("the backoff doubles from its base and stops at its cap", () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, POLICY)),
    [1_000, 2_000, 4_000, 8_000, 10_000, 10_000],
  );
  assert.equal(backoffMs(1000, POLICY), 10_000, "no overflow for a large count");
});

const databases = [];
for (const kind of DATABASE_KINDS) databases.push({ kind, d: await freshDatabase(kind) });

for (const { kind, d } of databases) {
  describe(`notification queue (${kind})`, { skip: d ? false : "no PostgreSQL" }, () => {
    after(() => d?.close());
    const db = d!.db;
    const row = async (key: string) =>
      (await db.select().from(notificationJobs).where(eq(notificationJobs.dedupeKey, key)))[0]!;
    beforeEach(() => db.execute("TRUNCATE notification_jobs RESTART IDENTITY"));

    it("an event is enqueued once, however often it is scanned", async () => {
      assert.equal(await enqueue(db, [job("sale:a"), job("sale:b")], T0), 2);
      assert.equal(await enqueue(db, [job("sale:a"), job("sale:b"), job("sale:c")], at(5)), 1);
      assert.equal(await enqueue(db, [job("sale:a")], at(10)), 0);
      assert.equal((await db.select().from(notificationJobs)).length, 3);
    });

    it("a leased job is no other worker's until its lease ends; then it is due again (a crash mid-send)", async () => {
      await enqueue(db, [job("sale:a"), job("sale:b")], T0);
      const first = await lease(db, { owner: "w1", now: T0, limit: 1, policy: POLICY });
      assert.deepEqual(
        first.map((j) => j.dedupeKey),
        ["sale:a"],
      );
      const second = await lease(db, { owner: "w2", now: at(1), limit: 10, policy: POLICY });
      assert.deepEqual(
        second.map((j) => j.dedupeKey),
        ["sale:b"],
        "w2 gets only what w1 does not hold",
      );
      assert.equal((await lease(db, { owner: "w3", now: at(59_999), limit: 10, policy: POLICY })).length, 0);
      // w1 died without a word: its lease ends and w3 takes the job, as a second attempt.
      const again = await lease(db, { owner: "w3", now: at(60_000), limit: 10, policy: POLICY });
      assert.deepEqual(
        again.map((j) => [j.dedupeKey, j.attempts, j.leaseOwner]),
        [["sale:a", 2, "w3"]],
      );
      // The dead worker's late mark is refused: the job is w3's now.
      assert.equal(await markSent(db, first[0]!, "w1", at(60_001), "<m@x>"), false);
      assert.equal(await markSent(db, again[0]!, "w3", at(60_002), "<m@x>"), true);
    });

    it("a job marked sent is never leased again", async () => {
      await enqueue(db, [job("sale:a")], T0);
      const [j] = await lease(db, { owner: "w1", now: T0, limit: 10, policy: POLICY });
      assert.equal(await markSent(db, j!, "w1", at(10), "<m@x>"), true);
      for (const ms of [0, 60_000, 3_600_000, 365 * 86_400_000])
        assert.equal((await lease(db, { owner: "w2", now: at(ms), limit: 10, policy: POLICY })).length, 0);
      assert.equal(await markSent(db, j!, "w1", at(20), "<m@x>"), false, "marking twice changes nothing");
      const r = await row("sale:a");
      assert.equal(r.status, "sent");
      assert.equal(r.sentAt?.getTime(), at(10).getTime());
      assert.equal(r.attempts, 1);
    });

    it("failures wait the backoff, then the job fails after maxAttempts", async () => {
      await enqueue(db, [job("sale:a")], T0);
      let now = T0;
      const waits: number[] = [];
      for (let attempt = 1; attempt <= POLICY.maxAttempts; attempt++) {
        const [j] = await lease(db, { owner: "w", now, limit: 10, policy: POLICY });
        assert.equal(j?.attempts, attempt);
        const outcome = await markFailed(db, j!, "w", now, "connection refused", POLICY);
        assert.equal(outcome, attempt < POLICY.maxAttempts ? "retry" : "failed");
        if (outcome === "failed") break;
        const r = await row("sale:a");
        const wait = r.runAfter.getTime() - now.getTime();
        waits.push(wait);
        assert.equal(
          (await lease(db, { owner: "w", now: new Date(now.getTime() + wait - 1), limit: 10, policy: POLICY })).length,
          0,
          "not due before its backoff",
        );
        now = new Date(now.getTime() + wait);
      }
      assert.deepEqual(waits, [1_000, 2_000, 4_000, 8_000]);
      const r = await row("sale:a");
      assert.equal(r.status, "failed");
      assert.equal(r.lastError, "connection refused");
      assert.equal((await lease(db, { owner: "w", now: at(86_400_000), limit: 10, policy: POLICY })).length, 0);
    });

    it("a lease that ends on the last attempt fails the job instead of sending it once more", async () => {
      await enqueue(db, [job("sale:a")], T0);
      let now = T0;
      for (let attempt = 1; attempt <= POLICY.maxAttempts; attempt++) {
        const [j] = await lease(db, { owner: "w", now, limit: 10, policy: POLICY });
        assert.ok(j, `attempt ${attempt} leased`);
        now = new Date(now.getTime() + POLICY.leaseMs); // the worker dies each time
      }
      assert.equal((await lease(db, { owner: "w", now, limit: 10, policy: POLICY })).length, 0);
      assert.equal((await row("sale:a")).status, "failed");
    });

    it("workers leasing at once never share a job", async () => {
      const keys = Array.from({ length: 60 }, (_, i) => `sale:${i}`);
      await enqueue(db, keys.map(job), T0);
      const got = await Promise.all(
        ["w1", "w2", "w3", "w4"].map((owner) => lease(db, { owner, now: T0, limit: 20, policy: POLICY })),
      );
      const all = got.flat().map((j) => j.dedupeKey);
      assert.equal(new Set(all).size, all.length, "no job twice");
      assert.equal(all.length, 60);
      for (const [i, jobs] of got.entries())
        for (const j of jobs) assert.equal(j.leaseOwner, `w${i + 1}`, "each job is held by the worker that got it");
    });
  });
}
