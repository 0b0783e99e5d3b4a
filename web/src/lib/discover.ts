/**
 * The home page's music: the newest editions and the live sales that end soonest, with their artists.
 * Server side (the indexer's GraphQL); cards are then built with components/drops/summaries.
 */
import { fetchArtistRefs, fetchOpenEditions, saleStateFromRow, type EditionRow } from "./drops.ts";
import { EDITION_FIELDS } from "./editions.ts";
import { saleStatus } from "./dropSale.ts";
import { gql } from "./indexer.ts";

export async function fetchDiscover(base: string, now: number, { newest = 8, ending = 4 } = {}) {
  const [latest, open] = await Promise.all([
    gql<{ editions: { items: EditionRow[] } }>(
      base,
      `query New($limit: Int!) {
        editions(where: { paused: false }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${EDITION_FIELDS} } }
      }`,
      { limit: newest },
    ),
    fetchOpenEditions(base, now),
  ]);
  // The open editions came with their artists; only the new ones' artists may be missing.
  const missing = latest.editions.items.map((e) => e.artist).filter((a) => !open.artists.has(a.toLowerCase()));
  const artists = new Map([...open.artists, ...(await fetchArtistRefs(base, missing))]);
  return { newest: latest.editions.items, endingSoon: endingSoon(open.editions, now, ending), artists };
}

/** Editions a fan can mint now (public or presale, not sold out) that have an end, the soonest end first. */
export function endingSoon(rows: readonly EditionRow[], now: number, limit: number): EditionRow[] {
  return rows
    .filter((r) => {
      const s = saleStateFromRow(r);
      const phase = saleStatus(s, now).phase;
      return s.end !== 0 && (phase === "live" || phase === "presale");
    })
    .sort((a, b) => Number(a.end) - Number(b.end))
    .slice(0, limit);
}
