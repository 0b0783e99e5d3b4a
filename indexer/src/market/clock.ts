/**
 * The MarketClock (a block interval, see ponder.config.ts): at the end of a block, listings and offers
 * whose expiry has come become inactive ("expired"), and the listings of the watch keys that transfers or
 * approvals touched (watch.ts) are re-derived: stale when the seller holds fewer than `remaining` or no
 * longer approves the marketplace, buyable again when both hold again.
 */
import { ponder, type Context } from "ponder:registry";
import { holding, listing, marketApproval, marketClock, marketWatch, offer } from "ponder:schema";
import { and, eq, gt, lte, min } from "ponder";
import { holdingKey } from "../lib/drops.ts";
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

/** Marks what expired by `timestamp`; returns the earliest expiry still to come (null when none). */
async function expire(context: Context, timestamp: bigint): Promise<bigint | null> {
  const open = (t: typeof listing | typeof offer) =>
    and(eq(t.expired, false), eq(t.cancelled, false), gt(t.remaining, 0n));
  const listings = await context.db.sql
    .select()
    .from(listing)
    .where(and(open(listing), lte(listing.expiry, timestamp)));
  for (const row of listings) await updateListing(context, row, { expired: true }, timestamp);
  const offers = await context.db.sql
    .select()
    .from(offer)
    .where(and(open(offer), lte(offer.expiry, timestamp)));
  for (const row of offers) await updateOffer(context, row, { expired: true }, timestamp);

  const [nextListing] = await context.db.sql
    .select({ at: min(listing.expiry) })
    .from(listing)
    .where(open(listing));
  const [nextOffer] = await context.db.sql
    .select({ at: min(offer.expiry) })
    .from(offer)
    .where(open(offer));
  const next = [nextListing?.at, nextOffer?.at].filter((v) => v !== null && v !== undefined).map((v) => BigInt(v!));
  return next.length === 0 ? null : next.reduce((a, b) => (b < a ? b : a));
}

ponder.on("MarketClock:block", async ({ event, context }) => {
  const clock = await context.db.find(marketClock, { id: CLOCK_ID });
  if (!clock) return;
  const timestamp = event.block.timestamp;
  for (const key of clock.dirty) await refresh(context, key, timestamp);
  let nextExpiry = clock.nextExpiry;
  if (nextExpiry !== null && nextExpiry <= timestamp) nextExpiry = await expire(context, timestamp);
  if (clock.dirty.length > 0 || nextExpiry !== clock.nextExpiry) {
    await context.db.update(marketClock, { id: CLOCK_ID }).set({ dirty: [], nextExpiry });
  }
});
