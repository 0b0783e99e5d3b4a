/**
 * Royalty shares: the primary offering. SharesBought follows the purchase's Transfer (balances, see
 * transfers.ts) and the Ledger's Paid (source "shares": the artist's earnings, see payments.ts).
 */
import { ponder } from "ponder:registry";
import { shareHolder, sharePurchase, shareToken } from "ponder:schema";
import { zeroAddress } from "viem";
import { lower } from "../lib/money.ts";
import { holderKey } from "../lib/revenue.ts";
import { reachMilestone } from "../lib/milestones.ts";

ponder.on("RoyaltyShares:SharesBought", async ({ event, context }) => {
  const { buyer, amount, cost, affiliate } = event.args;
  const id = lower(event.log.address);
  const token = await context.db.find(shareToken, { id });
  if (!token) throw new Error(`SharesBought of unknown shares ${id}`);
  // Read now: Ponder's cache may hand back the same row object that the update below changes.
  const soldBefore = token.sold;
  const soldOut =
    token.offeringAmount > 0n && soldBefore < token.offeringAmount && soldBefore + amount >= token.offeringAmount;
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
  await context.db.update(shareToken, { id }).set({ sold: soldBefore + amount });
  await context.db.update(shareHolder, { id: holderKey(id, buyer) }).set((row) => ({ bought: row.bought + amount }));
  await reachMilestone(context, event, { account: buyer, kind: "fan-first-share", subject: id });
  if (soldOut) {
    await reachMilestone(context, event, { account: token.artist, kind: "offering-sold-out", period: id, subject: id });
  }
});

ponder.on("RoyaltyShares:OfferingEnded", async ({ event, context }) => {
  await context.db.update(shareToken, { id: lower(event.log.address) }).set({ offeringEnded: true });
});
