/**
 * The newest feed items from the indexer (feed_item, newest first by id), with what the pages show of
 * them: the release's title (its metadata), the artist's handle and name, the amount in its token.
 */
import { fetchArtistRefs } from "../../lib/drops.ts";
import type { FeedEntry, FeedKind } from "../../lib/feed.ts";
import { gql, parseProfile } from "../../lib/indexer.ts";
import { fallbackTitle } from "../../lib/drops.ts";
import { tokenInfo } from "../../lib/tokens.ts";
import { loadMetadata } from "../../components/drops/serverMetadata.ts";
import { achievement } from "@notalabel/contracts";

type FeedRow = {
  id: string;
  kind: FeedKind;
  actor: string;
  counterparty: string | null;
  artist: string | null;
  collection: string | null;
  tokenId: string | null;
  quantity: string | null;
  currency: string | null;
  amount: string | null;
  milestone: string | null;
  usd: string | null;
  timestamp: string;
  txHash: string;
};

export const FEED_MAX = 50;

export async function loadFeed(
  base: string,
  chainId: number,
  { limit = 20 }: { limit?: number } = {},
): Promise<FeedEntry[]> {
  const data = await gql<{ feedItems: { items: FeedRow[] } }>(
    base,
    `query Feed($limit: Int!) {
      feedItems(orderBy: "id", orderDirection: "desc", limit: $limit) {
        items { id kind actor counterparty artist collection tokenId quantity currency amount milestone usd timestamp txHash }
      }
    }`,
    { limit: Math.min(Math.max(limit, 1), FEED_MAX) },
  );
  const rows = data.feedItems.items;
  const releases = [...new Set(rows.filter((r) => r.collection).map((r) => `${r.collection}-${r.tokenId}`))];
  const [artists, editions] = await Promise.all([
    fetchArtistRefs(
      base,
      rows.flatMap((r) => (r.artist ? [r.artist] : [])),
    ),
    releases.length
      ? gql<{ editions: { items: { id: string; uri: string; collection: string }[] } }>(
          base,
          `query Ed($ids: [String!]!) { editions(where: { id_in: $ids }, limit: 100) { items { id uri collection } } }`,
          { ids: releases },
        )
      : Promise.resolve({ editions: { items: [] } }),
  ]);
  const titles = new Map(
    await Promise.all(
      editions.editions.items.map(async (e) => [e.id, (await loadMetadata(e.uri))?.name ?? null] as const),
    ),
  );
  return rows.map((r) => {
    const ref = r.artist ? artists.get(r.artist) : undefined;
    const token = r.currency ? tokenInfo(chainId, r.currency) : null;
    const release = r.collection && r.tokenId ? `${r.collection}-${r.tokenId}` : null;
    return {
      id: r.id,
      kind: r.kind,
      actor: r.actor,
      counterparty: r.counterparty,
      artist: ref
        ? { id: ref.id, handle: ref.handle, name: parseProfile(ref.profileURI).name ?? `@${ref.handle}` }
        : null,
      release:
        release && r.collection && r.tokenId
          ? {
              collection: r.collection,
              tokenId: r.tokenId,
              title: titles.get(release) ?? fallbackTitle(r.tokenId, null),
            }
          : null,
      quantity: r.quantity === null ? null : Number(r.quantity),
      paid: token && r.amount !== null ? { amount: r.amount, symbol: token.symbol, decimals: token.decimals } : null,
      usd: r.usd,
      milestone: r.milestone ? { kind: r.milestone, title: achievement(r.milestone)?.title ?? r.milestone } : null,
      timestamp: Number(r.timestamp),
      txHash: r.txHash,
    };
  });
}
