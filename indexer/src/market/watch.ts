/**
 * Our drop collections seen by the marketplace: a transfer (reported by drops/holdings.ts, which handles
 * the collections' transfers) or an approval change of a seller with open listings marks its watch key
 * dirty; the MarketClock re-derives those listings' staleness at the end of the block, once the holdings
 * are final.
 */
import { ponder, type Context } from "ponder:registry";
import { marketApproval, marketClock, marketWatch } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";
import { MARKETPLACE, ownerKey } from "../lib/market.ts";
import { lower } from "../lib/money.ts";
import { CLOCK_ID } from "./book.ts";

/** Marks the open listings of `owners` in `collection` for a staleness check at the end of the block. */
export async function watchOwners(context: Context, collection: Hex, owners: Hex[]) {
  for (const owner of owners) {
    if (owner === zeroAddress) continue;
    const key = ownerKey(collection, owner);
    const watched = await context.db.find(marketWatch, { id: key });
    if (!watched || watched.listings.length === 0) continue;
    await context.db
      .insert(marketClock)
      .values({ id: CLOCK_ID, nextExpiry: null, dirty: [key], hours: [] })
      .onConflictDoUpdate((row) => ({ dirty: row.dirty.includes(key) ? row.dirty : [...row.dirty, key] }));
  }
}

ponder.on("DropCollection:ApprovalForAll", async ({ event, context }) => {
  const { account, operator, approved } = event.args;
  if (lower(operator) !== MARKETPLACE) return;
  await context.db
    .insert(marketApproval)
    .values({ id: ownerKey(event.log.address, account), approved })
    .onConflictDoUpdate({ approved });
  await watchOwners(context, event.log.address, [account]);
});
