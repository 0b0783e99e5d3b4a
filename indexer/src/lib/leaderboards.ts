/**
 * The leaderboards' rows, kept by the handlers of the events that move them: fans per artist and period,
 * copies of each drop per period, and each drop's trending score (rules: contracts/lib/leaderboards.ts).
 * Monthly earners, fastest growing and top referrers are `artist_month` rows (lib/milestones.ts).
 */
import type { Context } from "ponder:registry";
import { editionPeriod, editionTrend, fanArtist } from "ponder:schema";
import { fanScore, trendAfter, utcMonth } from "@notalabel/contracts";
import type { Hex } from "viem";
import { lower } from "./money.ts";

/** The all-time period of fan and drop rows. */
export const ALL_TIME = "all";

type FanChange = { mints?: bigint; bids?: number; tipsUsd?: bigint; shares?: bigint };

/** Adds `change` to `fan`'s row for `artist` (all time and the month; shares are all-time only). */
export async function addFanActivity(
  context: Context,
  artist: Hex,
  fan: Hex,
  timestamp: bigint,
  change: FanChange,
): Promise<void> {
  const a = lower(artist);
  const f = lower(fan);
  if (a === f) return; // an artist is not its own fan
  for (const period of [ALL_TIME, utcMonth(timestamp)]) {
    const d = {
      mints: change.mints ?? 0n,
      bids: change.bids ?? 0,
      tipsUsd: change.tipsUsd ?? 0n,
      shares: period === ALL_TIME ? (change.shares ?? 0n) : 0n,
    };
    if (d.mints === 0n && d.bids === 0 && d.tipsUsd === 0n && d.shares === 0n) continue;
    await context.db
      .insert(fanArtist)
      .values({ id: `${a}-${f}-${period}`, artist: a, fan: f, period, ...d, score: fanScore(d) })
      .onConflictDoUpdate((row) => {
        const next = {
          mints: row.mints + d.mints,
          bids: row.bids + d.bids,
          tipsUsd: row.tipsUsd + d.tipsUsd,
          shares: row.shares + d.shares,
        };
        return { ...next, score: fanScore(next) };
      });
  }
}

type EditionRef = { id: string; collection: Hex; tokenId: bigint; artist: Hex };

/** `copies` of the edition were minted (one mint): its all-time and monthly rows. */
export async function addEditionCopies(
  context: Context,
  ed: EditionRef,
  timestamp: bigint,
  copies: bigint,
): Promise<void> {
  for (const period of [ALL_TIME, utcMonth(timestamp)]) {
    await context.db
      .insert(editionPeriod)
      .values({
        id: `${ed.id}-${period}`,
        edition: ed.id,
        collection: ed.collection,
        tokenId: ed.tokenId,
        artist: ed.artist,
        period,
        copies,
        mints: 1,
      })
      .onConflictDoUpdate((row) => ({ copies: row.copies + copies, mints: row.mints + 1 }));
  }
}

/** A trending signal of `weight` for the edition at `timestamp`. */
export async function addTrend(context: Context, ed: EditionRef, timestamp: bigint, weight: number): Promise<void> {
  if (weight <= 0) return;
  const row = await context.db.find(editionTrend, { id: ed.id });
  const trend = trendAfter(row?.trend ?? null, timestamp, weight);
  await context.db
    .insert(editionTrend)
    .values({
      id: ed.id,
      collection: ed.collection,
      tokenId: ed.tokenId,
      artist: ed.artist,
      trend,
      updatedAt: timestamp,
    })
    .onConflictDoUpdate({ trend, updatedAt: timestamp });
}
