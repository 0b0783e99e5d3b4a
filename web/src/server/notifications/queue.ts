/**
 * The durable queue of messages, in the web app's database (PostgreSQL or PGlite alike).
 *
 * - Enqueued at most once: a job's dedupe key ("sale:<payment id>:<artist>") is unique, and a second insert
 *   of the same key does nothing, however often the scanners read the same event.
 * - Leased, not locked: a worker takes due jobs with a conditional update (status and run_after in its
 *   WHERE, rows picked with FOR UPDATE SKIP LOCKED) that sets `sending`, its name and a lease end. Two
 *   workers never hold the same job at once. A job whose worker died is due again when its lease ends.
 * - Never re-sent once marked sent: `sent` is final and no lease takes it. The send and the mark are two
 *   steps (SMTP is not in the database), so a worker that dies between them leaves a job that is sent again
 *   when its lease ends: at least once, at most one extra copy per crash, with the same Message-ID
 *   (./messages.ts), which lets the receiving side tell the copy from a new message.
 * - Retried with backoff: a failed send waits base * 2^(attempts - 1), capped, and after maxAttempts the
 *   job is `failed`.
 */
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationJobs } from "../db/schema";

export type Job = typeof notificationJobs.$inferSelect;
export type NewJob = Pick<typeof notificationJobs.$inferInsert, "kind" | "dedupeKey" | "subscriptionId" | "payload">;

export type QueuePolicy = {
  /** How long a leased job is its worker's: longer than one send can take. */
  leaseMs: number;
  /** The wait after the first failure; each later failure doubles it, up to capMs. */
  baseMs: number;
  capMs: number;
  /** Sends tried before the job is failed. */
  maxAttempts: number;
};

export const DEFAULT_POLICY: QueuePolicy = { leaseMs: 120_000, baseMs: 30_000, capMs: 3_600_000, maxAttempts: 8 };

/** The wait before the next try after `attempts` failed ones (1, 2, ...). */
export function backoffMs(attempts: number, policy: QueuePolicy = DEFAULT_POLICY): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exp);
}

/** Adds jobs, due at `now`; keys already queued are left as they are. Returns how many were new. */
export async function enqueue(db: Db, jobs: NewJob[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const added = await db
    .insert(notificationJobs)
    .values(jobs.map((j) => ({ ...j, status: "pending" as const, runAfter: now, createdAt: now })))
    .onConflictDoNothing({ target: notificationJobs.dedupeKey })
    .returning({ id: notificationJobs.id });
  return added.length;
}

const due = (now: Date, policy: QueuePolicy) =>
  or(
    and(eq(notificationJobs.status, "pending"), lte(notificationJobs.runAfter, now)),
    // A lease that ran out: its worker died (or hung) mid-send.
    and(
      eq(notificationJobs.status, "sending"),
      lte(notificationJobs.lockedUntil, now),
      sql`${notificationJobs.attempts} < ${policy.maxAttempts}`,
    ),
  );

/**
 * Takes up to `limit` due jobs for `owner`, oldest first: sending, attempts + 1, leased until now + leaseMs.
 * Select-then-update in one transaction, as ../fulfilment/claim.ts explains (a single UPDATE ... IN (SELECT
 * ... SKIP LOCKED) may take more rows than asked). A lease that ran out on the last attempt fails the job.
 */
export async function lease(
  db: Db,
  opts: { owner: string; now: Date; limit: number; policy?: QueuePolicy },
): Promise<Job[]> {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const { now } = opts;
  await db
    .update(notificationJobs)
    .set({ status: "failed", leaseOwner: null, lockedUntil: null, lastError: "the worker stopped during the last try" })
    .where(
      and(
        eq(notificationJobs.status, "sending"),
        lte(notificationJobs.lockedUntil, now),
        sql`${notificationJobs.attempts} >= ${policy.maxAttempts}`,
      ),
    );
  return db.transaction(async (tx) => {
    const picked = await tx
      .select({ id: notificationJobs.id })
      .from(notificationJobs)
      .where(due(now, policy))
      .orderBy(asc(notificationJobs.runAfter), asc(notificationJobs.id))
      .limit(opts.limit)
      .for("update", { skipLocked: true });
    if (picked.length === 0) return [];
    const taken = await tx
      .update(notificationJobs)
      .set({
        status: "sending",
        attempts: sql`${notificationJobs.attempts} + 1`,
        leaseOwner: opts.owner,
        lockedUntil: new Date(now.getTime() + policy.leaseMs),
      })
      .where(
        and(
          inArray(
            notificationJobs.id,
            picked.map((p) => p.id),
          ),
          due(now, policy),
        ),
      )
      .returning();
    return taken.sort((a, b) => a.id - b.id);
  });
}

const held = (job: Pick<Job, "id">, owner: string) =>
  and(eq(notificationJobs.id, job.id), eq(notificationJobs.status, "sending"), eq(notificationJobs.leaseOwner, owner));

/**
 * Marks a leased job sent: final. False when the lease was lost (it ran out and another worker took the
 * job), in which case that worker's send is the one recorded.
 */
export async function markSent(db: Db, job: Pick<Job, "id">, owner: string, now: Date, messageId: string) {
  const rows = await db
    .update(notificationJobs)
    .set({ status: "sent", sentAt: now, messageId, lockedUntil: null, lastError: null })
    .where(held(job, owner))
    .returning({ id: notificationJobs.id });
  return rows.length > 0;
}

/** Marks a leased job skipped (final): nobody wants it any more. */
export async function markSkipped(db: Db, job: Pick<Job, "id">, owner: string, reason: string) {
  await db
    .update(notificationJobs)
    .set({ status: "skipped", lockedUntil: null, lastError: reason })
    .where(held(job, owner));
}

/** A send failed: the job waits its backoff, or fails for good after maxAttempts. Returns which. */
export async function markFailed(
  db: Db,
  job: Pick<Job, "id" | "attempts">,
  owner: string,
  now: Date,
  error: string,
  policy: QueuePolicy = DEFAULT_POLICY,
): Promise<"retry" | "failed"> {
  const final = job.attempts >= policy.maxAttempts;
  await db
    .update(notificationJobs)
    .set({
      status: final ? "failed" : "pending",
      runAfter: final ? undefined : new Date(now.getTime() + backoffMs(job.attempts, policy)),
      lockedUntil: null,
      leaseOwner: null,
      lastError: error.slice(0, 500),
    })
    .where(held(job, owner));
  return final ? "failed" : "retry";
}
