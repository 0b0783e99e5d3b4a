/**
 * The success feed as the pages show it: what happened (a new artist, a mint, a market sale, a milestone), by whom, for
 * how much, and the transaction that proves it. Built on the server (server/feed/load.ts) from the
 * indexer's feed_item rows; pure, so server and client components render the same entries.
 */
export type FeedKind = "artist" | "mint" | "sale" | "milestone";

export type FeedEntry = {
  /** The event's id in the indexer: it sorts in chain order, so a higher id is newer. */
  id: string;
  kind: FeedKind;
  /** The new artist, the wallet minted to, or the buyer. */
  actor: string;
  /** The referrer of a new artist, or the seller of a sale. */
  counterparty: string | null;
  artist: { id: string; handle: string; name: string } | null;
  release: { collection: string; tokenId: string; title: string } | null;
  quantity: number | null;
  /** What was paid (null for a new artist; a zero amount for a free or card mint). */
  paid: { amount: string; symbol: string; decimals: number } | null;
  /** The dollar value at its block (micro-dollars): what was paid, or the figure a milestone reached. */
  usd: string | null;
  /** A milestone's achievement and its title ("First $100 earned"). */
  milestone: { kind: string; title: string } | null;
  timestamp: number;
  txHash: string;
};

/**
 * Compares two feed ids (chain order). Ponder's event ids are fixed-width digit strings; a milestone's id
 * is its event's id and a suffix, so it sorts right after its event.
 */
export const compareFeedIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds `incoming` to `current`: one entry per id, newest first, at most `max`. */
export function mergeFeed(current: readonly FeedEntry[], incoming: readonly FeedEntry[], max: number): FeedEntry[] {
  const byId = new Map<string, FeedEntry>();
  for (const e of [...current, ...incoming]) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => compareFeedIds(b.id, a.id)).slice(0, max);
}

/** The newest id of a list (null when empty). */
export const newestFeedId = (entries: readonly FeedEntry[]) =>
  entries.reduce<string | null>((m, e) => (m === null || compareFeedIds(e.id, m) > 0 ? e.id : m), null);

/** What the entry did, as a verb phrase ("collected 2 of", "bought", "joined"). */
export function feedVerb(e: FeedEntry): string {
  switch (e.kind) {
    case "artist":
      return "joined as an artist";
    case "mint":
      return e.quantity && e.quantity > 1 ? `collected ${e.quantity} of` : "collected";
    case "sale":
      return e.quantity && e.quantity > 1 ? `bought ${e.quantity} of` : "bought";
    case "milestone":
      return `reached “${e.milestone?.title ?? "a milestone"}”`;
  }
}
