/** What reached an artist, per token, UTC day and source (artistEarningDaily). */
import type { Context } from "ponder:registry";
import { artistEarningDaily } from "ponder:schema";
import type { Hex } from "viem";
import { lower } from "./money.ts";

/** Adds `amount` (if not zero) to the artist's earnings of `source` on `day`. */
export async function addArtistEarning(
  context: Context,
  artist: Hex,
  token: Hex,
  day: string,
  source: string,
  amount: bigint,
): Promise<void> {
  if (amount === 0n) return;
  const a = lower(artist);
  const t = lower(token);
  await context.db
    .insert(artistEarningDaily)
    .values({ id: `${a}-${t}-${day}-${source}`, artist: a, token: t, day, source, amount, count: 1 })
    .onConflictDoUpdate((row) => ({ amount: row.amount + amount, count: row.count + 1 }));
}
