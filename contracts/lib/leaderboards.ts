/**
 * The rules of the leaderboards, shared by the indexer (which keeps their rows) and the chain-only model
 * that checks them: the fans' score and the trending score of drops.
 */
import { USD } from "./milestones.ts";

/** A fan's score for an artist: 10 a copy minted, 5 an auction bid, 1 a whole dollar tipped, 1 a share held. */
export function fanScore(f: { mints: bigint; bids: number; tipsUsd: bigint; shares: bigint }): bigint {
  return f.mints * 10n + BigInt(f.bids) * 5n + f.tipsUsd / USD + f.shares;
}

/** Trending: the weight of each on-chain signal of a drop. */
export const TREND_WEIGHTS = { copyMinted: 1, newHolder: 2, copyResold: 3 } as const;

/** Trending: a signal's weight halves every 24 hours. */
export const TREND_HALF_LIFE_S = 86_400;

/** Fixed-point scale of the stored trend (micro-units of log2). */
const SCALE = 1_000_000;

/**
 * The stored trend after a signal of `weight` at unix time `t`, from the stored trend `prev` (null: none).
 * The score at time T is sum(weight_i * 2^-((T - t_i) / half-life)); the stored value is
 * log2(score at T) + T / half-life, which no later time changes, so drops rank by it without rewrites.
 */
export function trendAfter(prev: bigint | null, t: bigint, weight: number): bigint {
  const now = Number(t) / TREND_HALF_LIFE_S;
  const before = prev === null ? 0 : 2 ** (Number(prev) / SCALE - now);
  return BigInt(Math.round((Math.log2(before + weight) + now) * SCALE));
}

/** The score a stored trend means at unix time `t` (what a page shows). */
export function trendScore(trend: bigint, t: bigint): number {
  return 2 ** (Number(trend) / SCALE - Number(t) / TREND_HALF_LIFE_S);
}
