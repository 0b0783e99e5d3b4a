/** Marketplace offers: OfferMade, OfferCancelled, OfferAccepted (the sale itself: sales.ts). */
import { ponder, type Context } from "ponder:registry";
import { offer } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { offerReason, standardName } from "../lib/market.ts";
import { scheduleExpiry } from "./book.ts";
import { recordSale } from "./sales.ts";

export type OfferRow = typeof offer.$inferSelect;
type OfferPatch = Partial<Pick<OfferRow, "remaining" | "filled" | "cancelled" | "expired">>;

/** Applies `patch` to an offer and derives `active` / `inactiveReason`. */
export async function updateOffer(context: Context, before: OfferRow, patch: OfferPatch, timestamp: bigint) {
  const inactiveReason = offerReason({ ...before, ...patch });
  await context.db
    .update(offer, { id: before.id })
    .set({ ...patch, inactiveReason, active: inactiveReason === null, updatedAt: timestamp });
}

ponder.on("Marketplace:OfferMade", async ({ event, context }) => {
  const { id, offer: o } = event.args;
  await context.db.insert(offer).values({
    id: lower(id),
    buyer: lower(o.buyer),
    collection: lower(o.collection),
    tokenId: o.anyToken ? null : o.tokenId,
    anyToken: o.anyToken,
    // A collection offer's tokenId is the highest id it accepts (issue 14, F-05).
    maxTokenId: o.anyToken ? o.tokenId : null,
    standard: standardName(o.standard),
    quantity: o.quantity,
    remaining: o.quantity,
    currency: lower(o.currency),
    price: o.price,
    expiry: BigInt(o.expiry),
    salt: o.salt,
    filled: 0n,
    cancelled: false,
    expired: false,
    active: true,
    inactiveReason: null,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await scheduleExpiry(context, "o", lower(id), BigInt(o.expiry));
});

ponder.on("Marketplace:OfferCancelled", async ({ event, context }) => {
  const row = await context.db.find(offer, { id: lower(event.args.id) });
  if (!row) throw new Error(`OfferCancelled ${event.args.id}: unknown offer`);
  await updateOffer(context, row, { remaining: 0n, cancelled: true }, event.block.timestamp);
});

ponder.on("Marketplace:OfferAccepted", async ({ event, context }) => {
  const { id, seller, tokenId, quantity } = event.args;
  const row = await context.db.find(offer, { id: lower(id) });
  if (!row) throw new Error(`OfferAccepted ${id}: unknown offer`);
  if (quantity > row.remaining) throw new Error(`OfferAccepted ${id}: ${quantity} of ${row.remaining} left`);
  await updateOffer(
    context,
    row,
    { remaining: row.remaining - quantity, filled: row.filled + quantity },
    event.block.timestamp,
  );
  await recordSale(context, event, {
    kind: "offer",
    ref: row.id,
    collection: row.collection,
    tokenId,
    quantity,
    buyer: row.buyer,
    seller: lower(seller),
    currency: row.currency,
  });
});
