/**
 * Royalty shares: the primary offering. SharesBought follows the purchase's Transfer (balances, see
 * transfers.ts) and the Ledger's Paid (source "shares": the artist's earnings, see payments.ts).
 */
import { ponder } from "ponder:registry";
import { shareHolder, sharePurchase, shareToken } from "ponder:schema";
import { zeroAddress } from "viem";
import { lower } from "../lib/money.ts";
import { holderKey } from "../lib/revenue.ts";

ponder.on("RoyaltyShares:SharesBought", async ({ event, context }) => {
  const { buyer, amount, cost, affiliate } = event.args;
  const id = lower(event.log.address);
  const token = await context.db.find(shareToken, { id });
  if (!token) throw new Error(`SharesBought of unknown shares ${id}`);
  await context.db.insert(sharePurchase).values({
    id: event.id,
    shares: id,
    buyer: lower(buyer),
    amount,
    cost,
    currency: token.offeringCurrency,
    affiliate: affiliate === zeroAddress ? null : lower(affiliate),
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db.update(shareToken, { id }).set({ sold: token.sold + amount });
  await context.db.update(shareHolder, { id: holderKey(id, buyer) }).set((row) => ({ bought: row.bought + amount }));
});

ponder.on("RoyaltyShares:OfferingEnded", async ({ event, context }) => {
  await context.db.update(shareToken, { id: lower(event.log.address) }).set({ offeringEnded: true });
});
