/**
 * Platform totals: the platformStats row and platformVolume rows, maintained by one upsert per event
 * (no read, no list), so the home page reads a handful of rows whatever the platform's size. Handlers
 * call these in one line next to the row they insert.
 */
import type { Context } from "ponder:registry";
import { platformStats, platformVolume } from "ponder:schema";
import type { Hex } from "viem";

export const PLATFORM_ID = "platform";

/** The counters of platformStats. */
export type PlatformCounter =
  | "artists"
  | "splits"
  | "payments"
  | "distributions"
  | "collections"
  | "editions"
  | "mints"
  | "sales"
  | "shareTokens"
  | "pools";

const ZERO: Record<PlatformCounter, number> = {
  artists: 0,
  splits: 0,
  payments: 0,
  distributions: 0,
  collections: 0,
  editions: 0,
  mints: 0,
  sales: 0,
  shareTokens: 0,
  pools: 0,
};

/** Adds one (or `by`) to a platform counter. */
export async function countPlatform(
  context: Context,
  counter: PlatformCounter,
  timestamp: bigint,
  by = 1,
): Promise<void> {
  await context.db
    .insert(platformStats)
    .values({ id: PLATFORM_ID, ...ZERO, [counter]: by, updatedAt: timestamp })
    .onConflictDoUpdate((row) => ({ [counter]: row[counter] + by, updatedAt: timestamp }));
}

/** Adds one Ledger payment to its token's volume (and counts it on platformStats). */
export async function addPlatformPayment(
  context: Context,
  token: Hex,
  gross: bigint,
  net: bigint,
  timestamp: bigint,
): Promise<void> {
  const id = token.toLowerCase() as Hex;
  await context.db
    .insert(platformVolume)
    .values({ id, token: id, gross, net, payments: 1, updatedAt: timestamp })
    .onConflictDoUpdate((row) => ({
      gross: row.gross + gross,
      net: row.net + net,
      payments: row.payments + 1,
      updatedAt: timestamp,
    }));
  await countPlatform(context, "payments", timestamp);
}
