/**
 * Turns what the indexer recorded into jobs (./queue.ts) for confirmed subscribers: a payment to an artist
 * is a "sale" job for it, the referral part of a payment is a "referral" job for the referrer, a milestone
 * row is a "milestone" job for its account. A scanner keeps the last block it read (notification_cursors)
 * and reads again from that block, so rows of a block the indexer had only partly written are not missed;
 * rows read twice enqueue nothing new (dedupe keys). A scanner's first run starts at the newest block, and a
 * subscription confirmed later starts after the blocks the scanners had read (fromBlock): an artist hears of
 * what happens after it confirmed, not of its history. Jobs and cursor are written in one transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationCursors, notificationSubscriptions } from "../db/schema";
import { enqueue, type NewJob } from "./queue";
import type { IndexerSource, MilestoneRow, Page, PaymentRow } from "./source";

const PAGE = 500;
/** Pages one scan reads at most (the next scan goes on from there). */
const MAX_PAGES = 10;

type Sub = typeof notificationSubscriptions.$inferSelect;

async function confirmedSubs(db: Db, accounts: string[]): Promise<Map<string, Sub>> {
  const unique = [...new Set(accounts.map((a) => a.toLowerCase()))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(notificationSubscriptions)
    .where(and(inArray(notificationSubscriptions.artist, unique), eq(notificationSubscriptions.status, "confirmed")));
  return new Map(rows.map((r) => [r.artist, r]));
}

/** Whether the row happened after the subscriber confirmed (in a block the scanners had not read then). */
const wants = (sub: Sub, row: { block: string }) => BigInt(row.block) >= (sub.fromBlock ?? 0n);

export async function paymentJobs(db: Db, rows: PaymentRow[]): Promise<NewJob[]> {
  const subs = await confirmedSubs(
    db,
    rows.flatMap((r) => [r.artist, ...(r.referrer ? [r.referrer] : [])]),
  );
  const jobs: NewJob[] = [];
  for (const r of rows) {
    const seller = subs.get(r.artist.toLowerCase());
    if (seller?.sales && wants(seller, r))
      jobs.push({
        kind: "sale",
        dedupeKey: `sale:${r.id}:${seller.artist}`,
        subscriptionId: seller.id,
        payload: { payment: r.id, token: r.token, gross: r.gross, net: r.net, source: r.source, txHash: r.txHash },
      });
    const referrer = r.referrer ? subs.get(r.referrer.toLowerCase()) : undefined;
    if (referrer?.referrals && wants(referrer, r) && BigInt(r.referral) > 0n)
      jobs.push({
        kind: "referral",
        dedupeKey: `referral:${r.id}:${referrer.artist}`,
        subscriptionId: referrer.id,
        payload: { payment: r.id, artist: r.artist, token: r.token, amount: r.referral, txHash: r.txHash },
      });
  }
  return jobs;
}

export async function milestoneJobs(db: Db, rows: MilestoneRow[]): Promise<NewJob[]> {
  const subs = await confirmedSubs(
    db,
    rows.map((r) => r.account),
  );
  return rows.flatMap((r) => {
    const sub = subs.get(r.account.toLowerCase());
    if (!sub?.milestones || !wants(sub, r)) return [];
    return [
      {
        kind: "milestone" as const,
        dedupeKey: `milestone:${r.id}`,
        subscriptionId: sub.id,
        payload: { milestone: r.id, kind: r.kind, period: r.period, txHash: r.txHash },
      },
    ];
  });
}

async function readCursor(db: Db, name: string): Promise<bigint | null> {
  const [row] = await db.select().from(notificationCursors).where(eq(notificationCursors.name, name)).limit(1);
  return row ? row.block : null;
}

/** Moves a cursor forward (never back: two web instances may scan at once). */
async function writeCursor(db: Db, name: string, block: bigint, now: Date): Promise<void> {
  await db
    .insert(notificationCursors)
    .values({ name, block, updatedAt: now })
    .onConflictDoUpdate({
      target: notificationCursors.name,
      set: { block: sql`greatest(${notificationCursors.block}, excluded.block)`, updatedAt: now },
    });
}

type Stream<R extends { block: string }> = {
  name: "payments" | "milestones";
  read: (fromBlock: bigint, after: string | null, limit: number) => Promise<Page<R> | null>;
  jobs: (db: Db, rows: R[]) => Promise<NewJob[]>;
};

/** One scan of a stream; the number of jobs it added, or null when the indexer lacks the table. */
async function scanStream<R extends { block: string }>(
  db: Db,
  source: IndexerSource,
  stream: Stream<R>,
  now: Date,
): Promise<number | null> {
  const from = await readCursor(db, stream.name);
  if (from === null) {
    const first = await stream.read(0n, null, 1);
    if (first === null) return null;
    await writeCursor(db, stream.name, (await source.newestBlock(stream.name)) ?? 0n, now);
    return 0;
  }
  let after: string | null = null;
  let added = 0;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await stream.read(from, after, PAGE);
    if (page === null) return null;
    const jobs = await stream.jobs(db, page.rows);
    const last = page.rows.reduce((max, r) => (BigInt(r.block) > max ? BigInt(r.block) : max), from);
    added += await db.transaction(async (tx) => {
      const n = await enqueue(tx as unknown as Db, jobs, now);
      await writeCursor(tx as unknown as Db, stream.name, last, now);
      return n;
    });
    if (!page.next) break;
    after = page.next;
  }
  return added;
}

export type ScanCounts = { payments: number; milestones: number | null };

/** Scans payments and milestones once. `milestones: null` says the indexer has no milestone table yet. */
export async function scanOnce(db: Db, source: IndexerSource, now: Date): Promise<ScanCounts> {
  const payments = await scanStream(db, source, { name: "payments", read: source.payments, jobs: paymentJobs }, now);
  const milestones = await scanStream(
    db,
    source,
    { name: "milestones", read: source.milestones, jobs: milestoneJobs },
    now,
  );
  return { payments: payments ?? 0, milestones };
}
