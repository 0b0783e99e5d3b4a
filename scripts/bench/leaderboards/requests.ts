/**
 * The GraphQL requests of each leaderboard and of the feed, as the web app sends them: loadBoard
 * (web/src/server/leaderboards.ts) and loadFeed (web/src/server/feed/load.ts) are called against the real
 * indexer through a fetch that records each POST, so the queries cannot drift from the app's. Each request
 * is labelled "<case>: <step>" (the board's own query, then the names it looks up).
 */
import { loadBoard, type Board } from "../../../web/src/server/leaderboards.ts";
import { loadFeed } from "../../../web/src/server/feed/load.ts";
import type { Recorded } from "../api/queries.ts";
import { artistAddress } from "./fill.ts";

/** One measured case: a board and its periods (or the feed). */
export type Case = { name: string; board: Board | "feed"; periods: string[]; artists?: string[] };

export function cases(months: string[], artists: number): Case[] {
  // Fans of popular artists (low numbers: most payments) and of quiet ones.
  const fansOf = [1, 2, 3, 7, 20, 100, 500, 2000, 5000, artists].filter((n) => n <= artists).map(artistAddress);
  return [
    { name: "earners", board: "earners", periods: months },
    { name: "growing", board: "growing", periods: months },
    { name: "referrers (month)", board: "referrers", periods: months },
    { name: "referrers (all)", board: "referrers", periods: ["all"] },
    { name: "collected (month)", board: "collected", periods: months },
    { name: "collected (all)", board: "collected", periods: ["all"] },
    { name: "trending", board: "trending", periods: ["now"] },
    { name: "fans (all)", board: "fans", periods: ["all"], artists: fansOf },
    { name: "fans (month)", board: "fans", periods: months.slice(-3), artists: fansOf },
    { name: "feed", board: "feed", periods: ["now"] },
  ];
}

/** Which step of a page a request is, from its query. */
function step(body: string): string {
  const { query } = JSON.parse(body) as { query: string };
  if (/artists\(where: \{ id_in/.test(query)) return "artists";
  if (/editions\(where: \{ id_in/.test(query)) return "editions";
  return "board";
}

/** Every request of each case (one page load per period and artist), recorded against `base`. */
export async function recordCase(base: string, c: Case, nowS: number): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    if (init?.method === "POST" && typeof init.body === "string")
      recorded.push({ from: `${c.name}: ${step(init.body)}`, body: init.body });
    return realFetch(url, init);
  }) as typeof fetch;
  try {
    if (c.board === "feed") {
      const items = await loadFeed(base, 31337);
      if (items.length === 0) throw new Error("the feed is empty");
    } else {
      for (const period of c.periods) {
        for (const artist of c.artists ?? [undefined]) {
          const rows = await loadBoard(base, c.board, period, { artist, nowS });
          if (rows.length === 0) throw new Error(`${c.name} ${period} ${artist ?? ""}: no rows`);
        }
      }
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return recorded;
}
