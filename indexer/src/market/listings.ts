/** Marketplace listings: Listed, ListingCancelled, Bought (the sale itself: sales.ts). */
import { ponder } from "ponder:registry";
import { collection, listing, marketApproval } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { ownerKey, standardName } from "../lib/market.ts";
import { insertListing, updateListing } from "./book.ts";
import { recordSale } from "./sales.ts";

ponder.on("Marketplace:Listed", async ({ event, context }) => {
  const { id, listing: l } = event.args;
  const col = lower(l.collection);
  const seller = lower(l.seller);
  const tracked = (await context.db.find(collection, { id: col })) !== null;
  // The chain just checked that the seller holds and approves: for ours, remember the approval.
  if (tracked) {
    await context.db
      .insert(marketApproval)
      .values({ id: ownerKey(col, seller), approved: true })
      .onConflictDoUpdate({ approved: true });
  }
  await insertListing(context, {
    id: lower(id),
    seller,
    collection: col,
    tokenId: l.tokenId,
    standard: standardName(l.standard),
    quantity: l.quantity,
    remaining: l.quantity,
    currency: lower(l.currency),
    price: l.price,
    expiry: BigInt(l.expiry),
    salt: l.salt,
    tracked,
    sold: 0n,
    cancelled: false,
    expired: false,
    stale: false,
    active: true,
    inactiveReason: null,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
});

ponder.on("Marketplace:ListingCancelled", async ({ event, context }) => {
  const row = await context.db.find(listing, { id: lower(event.args.id) });
  if (!row) throw new Error(`ListingCancelled ${event.args.id}: unknown listing`);
  await updateListing(context, row, { remaining: 0n, cancelled: true }, event.block.timestamp);
});

ponder.on("Marketplace:Bought", async ({ event, context }) => {
  const { id, buyer, quantity } = event.args;
  const row = await context.db.find(listing, { id: lower(id) });
  if (!row) throw new Error(`Bought ${id}: unknown listing`);
  if (quantity > row.remaining) throw new Error(`Bought ${id}: ${quantity} of ${row.remaining} left`);
  await updateListing(
    context,
    row,
    { remaining: row.remaining - quantity, sold: row.sold + quantity },
    event.block.timestamp,
  );
  await recordSale(context, event, {
    kind: "listing",
    ref: row.id,
    collection: row.collection,
    tokenId: row.tokenId,
    quantity,
    buyer: lower(buyer),
    seller: row.seller,
    currency: row.currency,
  });
});
