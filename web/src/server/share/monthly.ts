/**
 * The social-proof figure of the badge: how many accounts earned through the platform this UTC month, and
 * how much in dollars, from the indexer's `platform_month` row (each payment valued at its block: USDC at
 * $1, ETH at the ETH/USD feed's round; indexer/src/lib/milestones.ts). One indexed read.
 */
import { gql } from "../../lib/indexer";

export type MonthlyFigures = { month: string; artists: number; usdCents: bigint };

/** The UTC month of `now` ("2026-12"). */
export const monthOf = (now: Date) => now.toISOString().slice(0, 7);

export async function monthlyFigures(indexerUrl: string, now: Date): Promise<MonthlyFigures> {
  const month = monthOf(now);
  const data = await gql<{ platformMonth: { earners: number; usd: string } | null }>(
    indexerUrl,
    `query M($month: String!) { platformMonth(id: $month) { earners usd } }`,
    { month },
  );
  const row = data.platformMonth;
  // micro-dollars to cents, rounded down.
  return { month, artists: row?.earners ?? 0, usdCents: row ? BigInt(row.usd) / 10_000n : 0n };
}

let kept: { at: number; key: string; value: MonthlyFigures } | null = null;

/** monthlyFigures, read at most once a minute per process (every embedding site's visitor asks). */
export async function cachedMonthlyFigures(indexerUrl: string, now: Date): Promise<MonthlyFigures> {
  const key = `${indexerUrl}|${monthOf(now)}`;
  if (kept && kept.key === key && now.getTime() - kept.at < 60_000) return kept.value;
  const value = await monthlyFigures(indexerUrl, now);
  kept = { at: now.getTime(), key, value };
  return value;
}

/** "$1,234" (whole dollars; cents below $100). */
export function formatUsd(cents: bigint): string {
  const dollars = cents / 100n;
  if (dollars >= 100n) return `$${dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
  return `$${dollars}.${(cents % 100n).toString().padStart(2, "0")}`;
}
