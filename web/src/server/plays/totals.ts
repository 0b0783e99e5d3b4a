/** What the artist sees: each release's plays in all and in the last seven days (today included). */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { playDays } from "../db/schema";
import type { PlayCounts } from "../../lib/plays";
import { weekStartDay } from "./rules";

export type { PlayCounts };

/** Counts by token id (decimal string); every id asked for is in the answer, 0 when never played. */
export async function playTotals(
  db: Db,
  collection: string,
  tokenIds: readonly bigint[],
  now: Date,
): Promise<Record<string, PlayCounts>> {
  const out: Record<string, PlayCounts> = {};
  for (const id of tokenIds) out[id.toString()] = { total: 0, week: 0 };
  if (tokenIds.length === 0) return out;
  const rows = await db
    .select({
      tokenId: playDays.tokenId,
      total: sql<number>`sum(${playDays.plays})`.mapWith(Number),
      week: sql<number>`coalesce(sum(${playDays.plays}) filter (where ${playDays.day} >= ${weekStartDay(now)}), 0)`.mapWith(
        Number,
      ),
    })
    .from(playDays)
    .where(and(eq(playDays.collection, collection.toLowerCase()), inArray(playDays.tokenId, [...tokenIds])))
    .groupBy(playDays.tokenId);
  for (const r of rows) out[r.tokenId.toString()] = { total: r.total, week: r.week };
  return out;
}
