/**
 * Records one play: the listener's claim on the release for the current window, and the day's count when
 * the claim is new, in one transaction (a repeated claim inserts nothing and adds nothing). Each write first
 * deletes the claims of past windows, so the claims table holds about one window of listening.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { playClaims, playDays } from "../db/schema";
import { pruneBefore, utcDay, windowStart } from "./rules";

export type Play = { listener: string; collection: string; tokenId: bigint; now: Date };

/** Whether the play was counted (false: this listener's play of this release is already counted in this window). */
export async function recordPlay(db: Db, play: Play): Promise<boolean> {
  const collection = play.collection.toLowerCase();
  return db.transaction(async (tx) => {
    await tx.delete(playClaims).where(lt(playClaims.windowStart, pruneBefore(play.now)));
    const claimed = await tx
      .insert(playClaims)
      .values({ listener: play.listener, collection, tokenId: play.tokenId, windowStart: windowStart(play.now) })
      .onConflictDoNothing()
      .returning({ listener: playClaims.listener });
    if (claimed.length === 0) return false;
    await tx
      .insert(playDays)
      .values({ collection, tokenId: play.tokenId, day: utcDay(play.now), plays: 1 })
      .onConflictDoUpdate({
        target: [playDays.collection, playDays.tokenId, playDays.day],
        set: { plays: sql`${playDays.plays} + 1` },
      });
    return true;
  });
}
