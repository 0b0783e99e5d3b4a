/**
 * The market's derived state, in one place so no handler can change a listing and forget the rest:
 * a listing's `active` / `inactiveReason`, its collection's active count and floor (now and for the
 * day, from the price book `marketPrices`), the expiry queue (`marketExpiry`, read by the MarketClock),
 * and the watch of our collections' sellers. Nothing here reads with SQL: every row is found by its key,
 * so the indexing cache never has to flush in the middle of a batch.
 */
import type { Context } from "ponder:registry";
import {
  collectionMarket,
  collectionMarketDaily,
  listing,
  marketClock,
  marketExpiry,
  marketPrices,
  marketWatch,
} from "ponder:schema";
import type { Hex } from "viem";
import {
  expiryEntry,
  expiryHour,
  insertSorted,
  listingClosed,
  listingReason,
  marketKey,
  ownerKey,
  removeSorted,
} from "../lib/market.ts";
import { utcDay } from "../lib/money.ts";

export type ListingRow = typeof listing.$inferSelect;
type ListingPatch = Partial<Pick<ListingRow, "remaining" | "sold" | "cancelled" | "expired" | "stale">>;

export const CLOCK_ID = "clock";

/** The collectionMarket row of a collection and currency (zeros when none yet). */
export async function marketRow(context: Context, collection: Hex, currency: Hex, timestamp: bigint) {
  const id = marketKey(collection, currency);
  return (
    (await context.db.find(collectionMarket, { id })) ?? {
      id,
      collection,
      currency,
      floor: null,
      activeListings: 0,
      volume: 0n,
      sales: 0,
      lastSaleAt: null,
      updatedAt: timestamp,
    }
  );
}

/** Writes the day's row of a collection and currency: the floor now, plus a sale when given. */
export async function touchDay(
  context: Context,
  collection: Hex,
  currency: Hex,
  timestamp: bigint,
  floor: bigint | null,
  saleVolume: bigint | null,
): Promise<void> {
  const day = utcDay(timestamp);
  const sales = saleVolume === null ? 0 : 1;
  const volume = saleVolume ?? 0n;
  await context.db
    .insert(collectionMarketDaily)
    .values({ id: `${marketKey(collection, currency)}-${day}`, collection, currency, day, volume, sales, floor })
    .onConflictDoUpdate((row) => ({ volume: row.volume + volume, sales: row.sales + sales, floor }));
}

/** A listing became active (+1) or inactive (-1): the active count, the price book and the floor follow. */
async function listingActivity(context: Context, row: ListingRow, delta: 1 | -1, timestamp: bigint) {
  const m = await marketRow(context, row.collection, row.currency, timestamp);
  // Read before the upsert: the store may hand out its cached row and update it in place.
  const floorBefore = m.floor;
  const id = m.id;
  const book = (await context.db.find(marketPrices, { id }))?.prices ?? [];
  const prices = delta > 0 ? insertSorted(book, row.price) : removeSorted(book, row.price);
  await context.db.insert(marketPrices).values({ id, prices }).onConflictDoUpdate({ prices });
  const floor = prices[0] ?? null;
  const activeListings = m.activeListings + delta;
  await context.db
    .insert(collectionMarket)
    .values({ ...m, activeListings, floor, updatedAt: timestamp })
    .onConflictDoUpdate({ activeListings, floor, updatedAt: timestamp });
  if (floor !== floorBefore) await touchDay(context, row.collection, row.currency, timestamp, floor, null);
}

/** Queues a listing's or offer's expiry: its hour's row, the clock's hours and its next expiry. */
export async function scheduleExpiry(context: Context, kind: "l" | "o", id: Hex, expiry: bigint): Promise<void> {
  const hour = expiryHour(expiry);
  const entry = expiryEntry(expiry, kind, id);
  await context.db
    .insert(marketExpiry)
    .values({ id: String(hour), entries: [entry] })
    .onConflictDoUpdate((r) => ({ entries: [...r.entries, entry] }));
  await context.db
    .insert(marketClock)
    .values({ id: CLOCK_ID, nextExpiry: expiry, dirty: [], hours: [hour] })
    .onConflictDoUpdate((r) => ({
      nextExpiry: r.nextExpiry === null || expiry < r.nextExpiry ? expiry : r.nextExpiry,
      hours: r.hours.includes(hour) ? r.hours : insertSorted(r.hours, hour),
    }));
}

async function watch(context: Context, row: ListingRow, add: boolean) {
  const id = ownerKey(row.collection, row.seller);
  const current = (await context.db.find(marketWatch, { id }))?.listings ?? [];
  const listings = add ? [...current, row.id] : current.filter((l) => l !== row.id);
  await context.db.insert(marketWatch).values({ id, listings }).onConflictDoUpdate({ listings });
}

/** A new listing (buyable: the chain just checked it), counted, scheduled and, if ours, watched. */
export async function insertListing(context: Context, row: ListingRow): Promise<void> {
  await context.db.insert(listing).values(row);
  await listingActivity(context, row, 1, row.createdAt);
  await scheduleExpiry(context, "l", row.id, row.expiry);
  if (row.tracked) await watch(context, row, true);
}

/** Applies `patch` to a listing and derives `active` / `inactiveReason` and everything that follows. */
export async function updateListing(
  context: Context,
  before: ListingRow,
  patch: ListingPatch,
  timestamp: bigint,
): Promise<ListingRow> {
  // Read before the update: the store may hand out its cached row and update it in place.
  const wasActive = before.active;
  const wasOpen = !listingClosed(before);
  const merged = { ...before, ...patch };
  const inactiveReason = listingReason(merged);
  const next: ListingRow = { ...merged, inactiveReason, active: inactiveReason === null, updatedAt: timestamp };
  await context.db
    .update(listing, { id: before.id })
    .set({ ...patch, inactiveReason, active: next.active, updatedAt: timestamp });
  if (wasActive !== next.active) await listingActivity(context, next, next.active ? 1 : -1, timestamp);
  if (next.tracked && wasOpen && listingClosed(next)) await watch(context, next, false);
  return next;
}
