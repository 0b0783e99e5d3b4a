/**
 * The leaderboards, read from the indexer's rows (indexer/src/lib/leaderboards.ts and milestones.ts): each
 * board is one indexed query (an index per board's order, see indexer/ponder.schema.ts), then the names and
 * titles of the page's 25 rows. Dollars are micro-dollars, valued at each payment's block.
 */
import { trendScore, utcMonth } from "@notalabel/contracts";
import { fetchArtistRefs, fallbackTitle, type ArtistRef } from "../lib/drops.ts";
import { gql, parseProfile } from "../lib/indexer.ts";
import { loadMetadata } from "../components/drops/serverMetadata.ts";
import { formatUsd } from "../lib/format.ts";

export const BOARDS = ["earners", "growing", "referrers", "collected", "trending", "fans"] as const;
export type Board = (typeof BOARDS)[number];

/** "all", or a UTC month "YYYY-MM". */
export type Period = string;

export const BOARD_SIZE = 25;

/** Each board's name and the figure it ranks by (pages and share cards). */
export const BOARD_TITLES: Record<Board, string> = {
  earners: "Top earners",
  growing: "Fastest growing",
  referrers: "Top referrers",
  collected: "Most collected",
  trending: "Trending",
  fans: "Top fans",
};
export const BOARD_FIGURES: Record<Board, string> = {
  earners: "Earned",
  growing: "Growth",
  referrers: "Referrals",
  collected: "Copies",
  trending: "Score",
  fans: "Score",
};

export type ArtistName = { id: string; handle: string; name: string } | null;

export type Row = {
  rank: number;
  /** The account ranked (artist, referrer or fan). */
  account: string | null;
  artist: ArtistName;
  release: { collection: string; tokenId: string; title: string } | null;
  /** The figure the board ranks by, as shown. */
  figure: { usd?: string; count?: string; score?: number };
  /** A second figure: the month before (growth), qualified referrals, mints... */
  detail?: string;
};

/** This month and the previous ones a page offers (newest first), as "YYYY-MM". */
export function recentMonths(nowS: number, count = 6): string[] {
  const out: string[] = [];
  const d = new Date(nowS * 1000);
  for (let i = 0; i < count; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(utcMonth(BigInt(Math.floor(m.getTime() / 1000))));
  }
  return out;
}

/** Which periods a board has: the monthly ones have months, the cumulative ones "all" too. */
export function periodsOf(board: Board, nowS: number): Period[] {
  const months = recentMonths(nowS);
  if (board === "trending") return ["now"];
  if (board === "earners" || board === "growing") return months;
  return ["all", ...months];
}

const named = (refs: Map<string, ArtistRef>, id: string): ArtistName => {
  const r = refs.get(id.toLowerCase());
  return r ? { id: r.id, handle: r.handle, name: parseProfile(r.profileURI).name ?? `@${r.handle}` } : null;
};

async function titles(base: string, ids: string[]): Promise<Map<string, { uri: string; title: string | null }>> {
  if (ids.length === 0) return new Map();
  const data = await gql<{ editions: { items: { id: string; uri: string }[] } }>(
    base,
    `query Ed($ids: [String!]!) { editions(where: { id_in: $ids }, limit: 100) { items { id uri } } }`,
    { ids },
  );
  return new Map(
    await Promise.all(
      data.editions.items.map(
        async (e) => [e.id, { uri: e.uri, title: (await loadMetadata(e.uri))?.name ?? null }] as const,
      ),
    ),
  );
}

type MonthRow = { account: string; usd: string; referralUsd: string; prevUsd: string; growth: string };

/** One board's rows for `period` (and, for "fans", the artist's address). */
export async function loadBoard(
  base: string,
  board: Board,
  period: Period,
  { artist, nowS }: { artist?: string; nowS: number },
): Promise<Row[]> {
  const limit = BOARD_SIZE;
  if (board === "earners" || board === "growing" || (board === "referrers" && period !== "all")) {
    const order = board === "earners" ? "usd" : board === "growing" ? "growth" : "referralUsd";
    const data = await gql<{ artistMonths: { items: MonthRow[] } }>(
      base,
      `query B($month: String!, $limit: Int!) {
        artistMonths(where: { month: $month, ${order}_gt: "0" }, orderBy: "${order}", orderDirection: "desc", limit: $limit) {
          items { account usd referralUsd prevUsd growth }
        }
      }`,
      { month: period, limit },
    );
    const rows = data.artistMonths.items;
    const refs = await fetchArtistRefs(
      base,
      rows.map((r) => r.account),
    );
    return rows.map((r, i) => ({
      rank: i + 1,
      account: r.account,
      artist: named(refs, r.account),
      release: null,
      figure: { usd: board === "earners" ? r.usd : board === "growing" ? r.growth : r.referralUsd },
      detail: board === "growing" ? r.prevUsd : board === "earners" ? r.referralUsd : undefined,
    }));
  }
  if (board === "referrers") {
    const data = await gql<{ accountStatss: { items: { id: string; qualifiedReferrals: number; usd: string }[] } }>(
      base,
      `query B($limit: Int!) {
        accountStatss(where: { qualifiedReferrals_gt: 0 }, orderBy: "qualifiedReferrals", orderDirection: "desc", limit: $limit) {
          items { id qualifiedReferrals usd }
        }
      }`,
      { limit },
    );
    const rows = data.accountStatss.items;
    const refs = await fetchArtistRefs(
      base,
      rows.map((r) => r.id),
    );
    return rows.map((r, i) => ({
      rank: i + 1,
      account: r.id,
      artist: named(refs, r.id),
      release: null,
      figure: { count: String(r.qualifiedReferrals) },
      detail: r.usd,
    }));
  }
  if (board === "collected" || board === "trending") {
    const rows =
      board === "collected"
        ? (
            await gql<{
              editionPeriods: {
                items: {
                  edition: string;
                  collection: string;
                  tokenId: string;
                  artist: string;
                  copies: string;
                  mints: number;
                }[];
              };
            }>(
              base,
              `query B($period: String!, $limit: Int!) {
                editionPeriods(where: { period: $period }, orderBy: "copies", orderDirection: "desc", limit: $limit) {
                  items { edition collection tokenId artist copies mints }
                }
              }`,
              { period, limit },
            )
          ).editionPeriods.items.map((r) => ({ ...r, figure: { count: r.copies }, detail: String(r.mints) }))
        : (
            await gql<{
              editionTrends: {
                items: { id: string; collection: string; tokenId: string; artist: string; trend: string }[];
              };
            }>(
              base,
              `query B($limit: Int!) {
                editionTrends(orderBy: "trend", orderDirection: "desc", limit: $limit) {
                  items { id collection tokenId artist trend }
                }
              }`,
              { limit },
            )
          ).editionTrends.items.map((r) => ({
            ...r,
            edition: r.id,
            figure: { score: trendScore(BigInt(r.trend), BigInt(nowS)) },
            detail: undefined,
          }));
    const [refs, names] = await Promise.all([
      fetchArtistRefs(
        base,
        rows.map((r) => r.artist),
      ),
      titles(
        base,
        rows.map((r) => r.edition),
      ),
    ]);
    return rows.map((r, i) => ({
      rank: i + 1,
      account: r.artist,
      artist: named(refs, r.artist),
      release: {
        collection: r.collection,
        tokenId: r.tokenId,
        title: names.get(r.edition)?.title ?? fallbackTitle(r.tokenId, null),
      },
      figure: r.figure,
      detail: r.detail,
    }));
  }
  // Top fans of one artist.
  if (!artist) return [];
  const data = await gql<{
    fanArtists: {
      items: { fan: string; mints: string; bids: number; tipsUsd: string; shares: string; score: string }[];
    };
  }>(
    base,
    `query B($artist: String!, $period: String!, $limit: Int!) {
      fanArtists(where: { artist: $artist, period: $period }, orderBy: "score", orderDirection: "desc", limit: $limit) {
        items { fan mints bids tipsUsd shares score }
      }
    }`,
    { artist: artist.toLowerCase(), period, limit },
  );
  return data.fanArtists.items.map((r, i) => ({
    rank: i + 1,
    account: r.fan,
    artist: null,
    release: null,
    figure: { count: r.score },
    detail: `${r.mints} minted · ${r.bids} bids · ${r.shares} shares · ${formatUsd(r.tipsUsd)} tipped`,
  }));
}
