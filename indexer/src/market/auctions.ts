/**
 * Marketplace auctions: AuctionCreated, AuctionCancelled, BidPlaced (a bid row; the outbid refund is the
 * Ledger's Credited "outbid", see ledger.ts), AuctionSettled (the sale itself: sales.ts),
 * AuctionItemClaimed, AuctionUnwound (the escape for a bid that could not settle: the bid is the bidder's
 * Ledger credit "unwound", the token went back to the seller or waits for its claim).
 */
import { ponder } from "ponder:registry";
import { auction, bid, collection } from "ponder:schema";
import { zeroAddress } from "viem";
import { lower } from "../lib/money.ts";
import { standardName } from "../lib/market.ts";
import { recordSale } from "./sales.ts";
import { reachMilestone } from "../lib/milestones.ts";
import { addFanActivity } from "../lib/leaderboards.ts";

ponder.on("Marketplace:AuctionCreated", async ({ event, context }) => {
  const { id, auction: a } = event.args;
  await context.db.insert(auction).values({
    id: lower(id),
    seller: lower(a.seller),
    collection: lower(a.collection),
    tokenId: a.tokenId,
    standard: standardName(a.standard),
    quantity: a.quantity,
    currency: lower(a.currency),
    reserve: a.reserve,
    duration: a.duration,
    minRaiseBps: a.minRaiseBps,
    salt: a.salt,
    status: "live",
    highestBid: 0n,
    highestBidder: null,
    end: 0n,
    bidCount: 0,
    held: false,
    claimed: false,
    claimedTo: null,
    settledAt: null,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on("Marketplace:AuctionCancelled", async ({ event, context }) => {
  await context.db
    .update(auction, { id: lower(event.args.id) })
    .set({ status: "cancelled", updatedAt: event.block.timestamp });
});

ponder.on("Marketplace:BidPlaced", async ({ event, context }) => {
  const { id, bidder, amount, end, previousBidder, previousAmount } = event.args;
  const auctionId = lower(id);
  await context.db.insert(bid).values({
    id: event.id,
    auction: auctionId,
    bidder: lower(bidder),
    amount,
    end: BigInt(end),
    previousBidder: previousBidder === zeroAddress ? null : lower(previousBidder),
    previousAmount,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await reachMilestone(context, event, { account: bidder, kind: "fan-first-bid", subject: auctionId });
  // A bid on one of our drops counts for its artist's fans.
  const a = await context.db.find(auction, { id: auctionId });
  const c = a ? await context.db.find(collection, { id: a.collection }) : null;
  if (c) await addFanActivity(context, c.artist, bidder, event.block.timestamp, { bids: 1 });
  await context.db.update(auction, { id: auctionId }).set((row) => ({
    highestBid: amount,
    highestBidder: lower(bidder),
    end: BigInt(end),
    bidCount: row.bidCount + 1,
    updatedAt: event.block.timestamp,
  }));
});

ponder.on("Marketplace:AuctionSettled", async ({ event, context }) => {
  const { id, winner, amount, delivered } = event.args;
  const row = await context.db.find(auction, { id: lower(id) });
  if (!row) throw new Error(`AuctionSettled ${id}: unknown auction`);
  await context.db.update(auction, { id: row.id }).set({
    status: "settled",
    held: !delivered,
    settledAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  });
  const sold = await recordSale(context, event, {
    kind: "auction",
    ref: row.id,
    collection: row.collection,
    tokenId: row.tokenId,
    quantity: row.quantity,
    buyer: lower(winner),
    seller: row.seller,
    currency: row.currency,
  });
  if (sold.price !== amount) throw new Error(`AuctionSettled ${id}: ${amount} but SalePaid says ${sold.price}`);
});

ponder.on("Marketplace:AuctionItemClaimed", async ({ event, context }) => {
  await context.db
    .update(auction, { id: lower(event.args.id) })
    .set({ held: false, claimed: true, claimedTo: lower(event.args.to), updatedAt: event.block.timestamp });
});

ponder.on("Marketplace:AuctionUnwound", async ({ event, context }) => {
  await context.db.update(auction, { id: lower(event.args.id) }).set({
    status: "unwound",
    held: !event.args.returned,
    settledAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  });
});
