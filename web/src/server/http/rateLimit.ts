/**
 * Rate limits in the shared database: rate-limiter-flexible's store limiter over this app's Drizzle client
 * (PostgreSQL or PGlite alike), so every web instance counts against the same rows (table rate_limits).
 * The library's own RateLimiterDrizzle imports drizzle-orm by a computed name, which Next's bundle cannot
 * resolve, and reads the wall clock; this store does the same atomic upsert with the context's clock.
 */
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
// The store base class is not re-exported by the package index (its type is): import it from its file.
import RateLimiterStoreAbstract from "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";

type Row = { key: string; points: number; expire: Date | null };

export class DbRateLimiter extends RateLimiterStoreAbstract {
  private readonly db: Db;
  private readonly clock: () => Date;

  constructor(opts: { db: Db; now: () => Date; keyPrefix: string; points: number; duration: number }) {
    super({ storeClient: opts.db, keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.duration });
    this.db = opts.db;
    this.clock = opts.now;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: Row): RateLimiterRes {
    const consumed = Number(row.points);
    const msBeforeNext = row.expire ? Math.max(new Date(row.expire).getTime() - this.clock().getTime(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, consumed === changedPoints);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = this.clock();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const expired = sql`${rateLimits.expire} <= ${now.toISOString()}::timestamptz`;
    const next = expire ? sql`${expire.toISOString()}::timestamptz` : sql`NULL`;
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key, points, expire })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: forceExpire
          ? { points, expire }
          : {
              points: sql`CASE WHEN ${expired} THEN ${points} ELSE ${rateLimits.points} + ${points} END`,
              expire: sql`CASE WHEN ${expired} THEN ${next} ELSE ${rateLimits.expire} END`,
            },
      })
      .returning();
    return row as Row;
  }

  async _get(key: string): Promise<Row | null> {
    const [row] = await this.db
      .select()
      .from(rateLimits)
      .where(and(eq(rateLimits.key, key), or(gt(rateLimits.expire, this.clock()), isNull(rateLimits.expire))))
      .limit(1);
    return (row as Row | undefined) ?? null;
  }

  async _delete(key: string): Promise<boolean> {
    const rows = await this.db.delete(rateLimits).where(eq(rateLimits.key, key)).returning({ key: rateLimits.key });
    return rows.length > 0;
  }
}

/** Removes counters whose window ended (run now and then; a stale row is also reset by the next upsert). */
export async function clearExpiredRateLimits(db: Db, now: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, now));
}

/** Consumes one point; the number of seconds to wait when the limit is reached, else null. */
export async function consumePoint(limiter: DbRateLimiter, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
