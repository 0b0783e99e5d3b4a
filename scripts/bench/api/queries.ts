/**
 * The web app's GraphQL requests with realistic variables: every indexer fetcher of web/src/lib is called
 * with arguments drawn from the indexed data (different artists, accounts, collections, editions, splits,
 * pools, share tokens), through a fetch that forwards to the real indexer and records each request. Fetchers
 * that chain queries (an artist page asks for the artist, then for its data) record every step with the
 * answers the real indexer gave. A fetcher the table below does not know fails the run, so a new page's
 * queries cannot be left out of the benchmark silently.
 */
import * as drops from "../../../web/src/lib/drops.ts";
import * as editions from "../../../web/src/lib/editions.ts";
import * as indexer from "../../../web/src/lib/indexer.ts";
import * as market from "../../../web/src/lib/market/queries.ts";
import * as pools from "../../../web/src/lib/pools/queries.ts";
import * as shares from "../../../web/src/lib/shares/queries.ts";
import * as vault from "../../../web/src/lib/shares/vault.ts";

export type Recorded = { from: string; body: string };

/** What the indexed data offers as arguments (lowercase addresses). */
export type Pools = {
  artists: { id: string; handle: string }[];
  accounts: string[];
  splits: string[];
  collections: string[];
  editions: { collection: string; tokenId: string }[];
  pools: string[];
  shareTokens: string[];
  days: string[];
};

type Args = (p: Pools, i: number) => unknown[];
const pick = <T>(list: readonly T[], i: number, fallback: T): T => (list.length ? list[i % list.length]! : fallback);
const NOBODY = "0x0000000000000000000000000000000000000001";
const artistId = (p: Pools, i: number) => pick(p.artists, i, { id: NOBODY, handle: "nobody" }).id;
const account = (p: Pools, i: number) => pick(p.accounts, i, NOBODY);
const collection = (p: Pools, i: number) => pick(p.collections, i, NOBODY);
const edition = (p: Pools, i: number) => pick(p.editions, i, { collection: NOBODY, tokenId: "1" });
const range = (p: Pools, i: number) => {
  const last = p.days.at(-1) ?? "2026-01-01";
  const from = p.days[Math.max(0, p.days.length - 1 - (7 + 7 * (i % 4)))] ?? last;
  return [from, last];
};

/** Arguments after the base URL, per fetcher; null: not an indexer query (media, allowlists). */
const CALLS: Record<string, Args | null> = {
  "drops.fetchAllowlistStatus": null,
  "drops.fetchMetadata": null,
  "editions.fetchEditionMetadata": null,
  "drops.fetchArtistEditions": (p, i) => [artistId(p, i)],
  "drops.fetchArtistRefs": (p, i) => [[artistId(p, i), artistId(p, i + 1)]],
  "drops.fetchEdition": (p, i) => [edition(p, i).collection, edition(p, i).tokenId],
  "drops.fetchHoldings": (p, i) => [account(p, i)],
  // The store page asks with the current time in seconds: each second is a new request.
  "drops.fetchOpenEditions": (_p, i) => [Math.floor(Date.now() / 1000) - (i % 4)],
  "editions.fetchArtistCollection": (p, i) => [artistId(p, i)],
  "editions.fetchCollectionEditions": (p, i) => [collection(p, i)],
  "indexer.fetchArtistByHandle": (p, i) => [pick(p.artists, i, { id: NOBODY, handle: "nobody" }).handle],
  "indexer.fetchEarnings": (p, i) => [account(p, i), ...range(p, i)],
  "indexer.fetchHome": () => [],
  "indexer.fetchIndexedBlock": () => [31337],
  "indexer.fetchReferrals": (p, i) => [artistId(p, i)],
  "indexer.fetchSplit": (p, i) => [pick(p.splits, i, NOBODY)],
  "indexer.fetchSplitsOf": (p, i) => [artistId(p, i)],
  "market.fetchActivity": (p, i) =>
    i % 3 === 0 ? [50] : i % 3 === 1 ? [50, { collection: collection(p, i) }] : [50, edition(p, i)],
  "market.fetchCollectionDaily": (p, i) => [collection(p, i)],
  "market.fetchCollectionMarket": (p, i) => [collection(p, i)],
  "market.fetchCollections": () => [],
  "market.fetchMarket": () => [],
  "market.fetchOpenOffersBy": (p, i) => [account(p, i)],
  "market.fetchTokenContext": (p, i) => [[edition(p, i), edition(p, i + 1)]],
  "market.fetchTokenMarket": (p, i) => [edition(p, i).collection, edition(p, i).tokenId],
  "pools.fetchAccountPools": (p, i) => [account(p, i)],
  "pools.fetchMemberPools": (p, i) => [account(p, i)],
  "pools.fetchPool": (p, i) => [pick(p.pools, i, NOBODY)],
  "pools.fetchPoolGovernance": (p, i) => [pick(p.pools, i, NOBODY)],
  "pools.fetchPools": () => [],
  "shares.fetchArtistShares": (p, i) => [artistId(p, i)],
  "shares.fetchHeldShares": (p, i) => [account(p, i)],
  "shares.fetchShareToken": (p, i) => [pick(p.shareTokens, i, NOBODY)],
  "shares.fetchShareTokens": () => [],
  "vault.fetchVaultIncome": (p, i) => [pick(p.shareTokens, i, NOBODY)],
};

const MODULES = { drops, editions, indexer, market, pools, shares, vault } as Record<string, Record<string, unknown>>;

/** Reads the argument pools from the indexer. */
export async function readPools(base: string): Promise<Pools> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `{
        artists(limit: 200) { items { id handle } }
        balances(limit: 300) { items { owner } }
        splits(limit: 200) { items { id } }
        collections(limit: 200) { items { id } }
        editions(limit: 300) { items { collection tokenId } }
        pools(limit: 100) { items { id } }
        shareTokens(limit: 100) { items { id } }
        earningDailys(limit: 1000, orderBy: "day") { items { day } }
      }`,
    }),
  });
  type Items<T> = { items: T[] };
  const { data } = (await res.json()) as {
    data: {
      artists: Items<{ id: string; handle: string }>;
      balances: Items<{ owner: string }>;
      splits: Items<{ id: string }>;
      collections: Items<{ id: string }>;
      editions: Items<{ collection: string; tokenId: string }>;
      pools: Items<{ id: string }>;
      shareTokens: Items<{ id: string }>;
      earningDailys: Items<{ day: string }>;
    };
  };
  return {
    artists: data.artists.items,
    accounts: [...new Set(data.balances.items.map((b) => b.owner))],
    splits: data.splits.items.map((s) => s.id),
    collections: data.collections.items.map((c) => c.id),
    editions: data.editions.items,
    pools: data.pools.items.map((p) => p.id),
    shareTokens: data.shareTokens.items.map((s) => s.id),
    days: [...new Set(data.earningDailys.items.map((e) => e.day))].sort(),
  };
}

/** Calls every fetcher `variants` times with different arguments against `base`; the requests they sent. */
export async function recordAppRequests(base: string, p: Pools, variants: number): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const realFetch = globalThis.fetch;
  let current = "";
  globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    if (init?.method === "POST" && typeof init.body === "string") recorded.push({ from: current, body: init.body });
    return realFetch(url, init);
  }) as typeof fetch;
  try {
    for (const [name, mod] of Object.entries(MODULES)) {
      for (const [fnName, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || !/^fetch|^list|^load/.test(fnName)) continue;
        const key = `${name}.${fnName}`;
        if (!(key in CALLS)) throw new Error(`bench:api does not know the fetcher ${key}: add it to CALLS`);
        const args = CALLS[key];
        if (!args) continue;
        current = key;
        for (let i = 0; i < variants; i++) {
          try {
            await (fn as (...a: unknown[]) => Promise<unknown>)(base, ...args(p, i));
          } catch (error) {
            throw new Error(`${key}: ${(error as Error).message}`);
          }
        }
      }
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return recorded;
}
