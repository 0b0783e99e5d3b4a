/**
 * The MarketClock (a block interval, see ponder.config.ts): at the end of a block, listings and offers
 * whose expiry has come become inactive ("expired"), and the listings of the watch keys that transfers or
 * approvals touched (watch.ts) are re-derived: stale when the seller holds fewer than `remaining` or no
 * longer approves the marketplace, buyable again when both hold again.
 */
import { ponder, type Context } from "ponder:registry";
import { holding, listing, marketApproval, marketClock, marketExpiry, marketWatch, offer } from "ponder:schema";
import { holdingKey } from "../lib/drops.ts";
import { expiryHour, listingClosed, offerReason, parseExpiryEntry } from "../lib/market.ts";
import { CLOCK_ID, updateListing } from "./book.ts";
import { updateOffer } from "./offers.ts";

/** Re-derives the staleness of one seller's open listings in one of our collections. */
async function refresh(context: Context, key: string, timestamp: bigint) {
  const watched = await context.db.find(marketWatch, { id: key });
  if (!watched) return;
  const approved = (await context.db.find(marketApproval, { id: key }))?.approved ?? false;
  for (const id of watched.listings) {
    const row = await context.db.find(listing, { id });
    if (!row) throw new Error(`watched listing ${id} is missing`);
    const held = (await context.db.find(holding, { id: holdingKey(row.collection, row.tokenId, row.seller) }))?.balance;
    const stale = !approved || (held ?? 0n) < row.remaining;
    if (stale !== row.stale) await updateListing(context, row, { stale }, timestamp);
  }
}

/** Expires one queued listing or offer if it is still open; true when it stays queued (not due yet). */
async function expireEntry(context: Context, entry: string, timestamp: bigint): Promise<boolean> {
  const { expiry, kind, id } = parseExpiryEntry(entry);
  if (kind === "l") {
    const row = await context.db.find(listing, { id });
    if (!row || listingClosed(row)) return false;
    if (expiry > timestamp) return true;
    await updateListing(context, row, { expired: true }, timestamp);
  } else {
    const row = await context.db.find(offer, { id });
    if (!row || offerReason(row) !== null) return false;
    if (expiry > timestamp) return true;
    await updateOffer(context, row, { expired: true }, timestamp);
  }
  return false;
}

/**
 * Expires, hour by hour from the queue, what is due by `timestamp`; returns the hours still queued and
 * the earliest expiry among them (a lower bound: entries closed since are dropped when their hour comes).
 */
async function expire(context: Context, hours: bigint[], timestamp: bigint) {
  const now = expiryHour(timestamp);
  const left = [...hours];
  while (left.length > 0 && left[0]! <= now) {
    const id = String(left[0]);
    const entries = (await context.db.find(marketExpiry, { id }))?.entries ?? [];
    const kept: string[] = [];
    for (const entry of entries) if (await expireEntry(context, entry, timestamp)) kept.push(entry);
    await context.db.update(marketExpiry, { id }).set({ entries: kept });
    if (kept.length > 0) break;
    left.shift();
  }
  let nextExpiry: bigint | null = null;
  if (left.length > 0) {
    const entries = (await context.db.find(marketExpiry, { id: String(left[0]) }))?.entries ?? [];
    for (const entry of entries) {
      const { expiry } = parseExpiryEntry(entry);
      if (nextExpiry === null || expiry < nextExpiry) nextExpiry = expiry;
    }
  }
  return { hours: left, nextExpiry };
}

ponder.on("MarketClock:block", async ({ event, context }) => {
  const clock = await context.db.find(marketClock, { id: CLOCK_ID });
  if (!clock) return;
  const timestamp = event.block.timestamp;
  for (const key of clock.dirty) await refresh(context, key, timestamp);
  let { nextExpiry, hours } = clock;
  if (nextExpiry !== null && nextExpiry <= timestamp) ({ nextExpiry, hours } = await expire(context, hours, timestamp));
  if (clock.dirty.length > 0 || nextExpiry !== clock.nextExpiry) {
    await context.db.update(marketClock, { id: CLOCK_ID }).set({ dirty: [], nextExpiry, hours });
  }
});
