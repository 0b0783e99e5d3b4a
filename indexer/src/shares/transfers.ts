/**
 * Royalty shares: who holds what. Every Transfer moves share_holder balances (rows kept at 0) and
 * `share_token.holderCount` (+1 when a balance becomes positive, -1 when it becomes zero).
 */
import { ponder, type Context } from "ponder:registry";
import { shareHolder, shareToken } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";
import { lower } from "../lib/money.ts";
import { holderKey } from "../lib/revenue.ts";
import { addFanActivity } from "../lib/leaderboards.ts";

/** Adds `delta` to one balance; returns the change in the holder count (-1, 0 or 1). */
async function addToHolder(
  context: Context,
  shares: Hex,
  account: Hex,
  delta: bigint,
  timestamp: bigint,
): Promise<number> {
  const id = holderKey(shares, account);
  const row = await context.db.find(shareHolder, { id });
  const before = row?.balance ?? 0n;
  const after = before + delta;
  if (after < 0n) throw new Error(`share_holder ${id} would go negative: ${before} + ${delta}`);
  await context.db
    .insert(shareHolder)
    .values({ id, shares: lower(shares), account: lower(account), balance: after, bought: 0n, updatedAt: timestamp })
    .onConflictDoUpdate({ balance: after, updatedAt: timestamp });
  if (before === 0n && after > 0n) return 1;
  if (before > 0n && after === 0n) return -1;
  return 0;
}

ponder.on("RoyaltyShares:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  // The only mint is the constructor's, before SharesCreated (which records it); there are no burns.
  if (from === zeroAddress || value === 0n) return;
  const shares = event.log.address;
  const timestamp = event.block.timestamp;
  let holders = await addToHolder(context, shares, from, -value, timestamp);
  holders += await addToHolder(context, shares, to, value, timestamp);
  // Shares of an artist's songs held by its fans (all time; the artist's own are not counted).
  const token = await context.db.find(shareToken, { id: lower(shares) });
  if (token) {
    await addFanActivity(context, token.artist, from, timestamp, { shares: -value });
    await addFanActivity(context, token.artist, to, timestamp, { shares: value });
  }
  if (holders !== 0) {
    await context.db
      .update(shareToken, { id: lower(shares) })
      .set((row) => ({ holderCount: row.holderCount + holders }));
  }
});
