/**
 * The success feed: one row per thing worth showing (a new artist, a mint, a market sale, a milestone), written by the
 * handler of the event next to its own row, with the transaction that proves it. The web app reads the
 * newest rows and is told of new ones by a live query (web/src/server/feed/live.ts).
 */
import type { Context } from "ponder:registry";
import { feedItem } from "ponder:schema";
import type { Hex } from "viem";

export type FeedKind = "artist" | "mint" | "sale" | "milestone";

type FeedEvent = { id: string; block: { timestamp: bigint; number: bigint }; transaction: { hash: Hex } };

export async function addFeedItem(
  context: Context,
  event: FeedEvent,
  item: {
    kind: FeedKind;
    actor: Hex;
    counterparty?: Hex | null;
    artist: Hex | null;
    collection?: Hex | null;
    tokenId?: bigint | null;
    quantity?: bigint | null;
    currency?: Hex | null;
    amount?: bigint | null;
    milestone?: string | null;
    usd?: bigint | null;
  },
): Promise<void> {
  await context.db.insert(feedItem).values({
    id: event.id,
    kind: item.kind,
    actor: item.actor,
    counterparty: item.counterparty ?? null,
    artist: item.artist,
    collection: item.collection ?? null,
    tokenId: item.tokenId ?? null,
    quantity: item.quantity ?? null,
    currency: item.currency ?? null,
    amount: item.amount ?? null,
    milestone: item.milestone ?? null,
    usd: item.usd ?? null,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
}
