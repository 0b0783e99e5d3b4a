/**
 * The social-proof figure of the badge: how many artists earned something this UTC month, and how much.
 * Read from the indexer's per-artist daily earnings (artist_earning_daily), the aggregate the artist pages
 * use. The dollar figure counts USDC only, at 1 USDC = $1.
 * TODO(lead): when the indexer has USD values per payment (the ETH/USD feed), sum those here instead:
 * this function is the only place the figure is computed.
 */
import { daysBetween, gql } from "../../lib/indexer";
import { tokensFor } from "../../lib/tokens";

export type MonthlyFigures = { month: string; artists: number; usdCents: bigint };

const PAGE = 1000;
/** 100,000 rows at most (10,000 artists earning on 10 days each): a bound on one badge computation. */
const MAX_PAGES = 100;

type Row = { artist: string; token: string; amount: string };

/** The month of `now` ("2026-12") and its days up to `now`'s day. */
export function monthDays(now: Date): { month: string; days: string[] } {
  const today = now.toISOString().slice(0, 10);
  return { month: today.slice(0, 7), days: daysBetween(`${today.slice(0, 7)}-01`, today, 31) };
}

/** Artists with earnings in the rows, and their USDC total in cents (USDC has 6 decimals). */
export function summarizeMonth(rows: readonly Row[], usdc: string | null): { artists: number; usdCents: bigint } {
  const artists = new Set<string>();
  let units = 0n;
  for (const r of rows) {
    if (BigInt(r.amount) <= 0n) continue;
    artists.add(r.artist.toLowerCase());
    if (usdc && r.token.toLowerCase() === usdc) units += BigInt(r.amount);
  }
  return { artists: artists.size, usdCents: units / 10_000n };
}

export async function monthlyFigures(indexerUrl: string, chainId: number, now: Date): Promise<MonthlyFigures> {
  const { month, days } = monthDays(now);
  const usdc =
    tokensFor(chainId)
      .find((t) => t.symbol === "USDC")
      ?.address.toLowerCase() ?? null;
  const rows: Row[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: {
      artistEarningDailys: { items: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await gql(
      indexerUrl,
      `query M($days: [String!]!, $after: String) {
        artistEarningDailys(where: { day_in: $days }, limit: ${PAGE}, after: $after) {
          items { artist token amount } pageInfo { hasNextPage endCursor }
        }
      }`,
      { days, after },
    );
    rows.push(...data.artistEarningDailys.items);
    if (!data.artistEarningDailys.pageInfo.hasNextPage) break;
    after = data.artistEarningDailys.pageInfo.endCursor;
  }
  return { month, ...summarizeMonth(rows, usdc) };
}

let kept: { at: number; key: string; value: MonthlyFigures } | null = null;

/** monthlyFigures, computed at most once a minute per process (every embedding site's visitor asks). */
export async function cachedMonthlyFigures(indexerUrl: string, chainId: number, now: Date): Promise<MonthlyFigures> {
  const key = `${indexerUrl}|${chainId}|${monthDays(now).month}`;
  if (kept && kept.key === key && now.getTime() - kept.at < 60_000) return kept.value;
  const value = await monthlyFigures(indexerUrl, chainId, now);
  kept = { at: now.getTime(), key, value };
  return value;
}

/** "$1,234" (whole dollars; cents below $100). */
export function formatUsd(cents: bigint): string {
  const dollars = cents / 100n;
  if (dollars >= 100n) return `$${dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
  return `$${dollars}.${(cents % 100n).toString().padStart(2, "0")}`;
}
