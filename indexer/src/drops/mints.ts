/**
 * Drops: mints. A paid mint is a Ledger `Paid` (operator = the collection, ref = the token id; see
 * payments.ts, which leaves it on the edition: `pendingTx`) followed in the same transaction by the collection's
 * TransferSingle from 0x0; a card order (the checkout relayer's `mintPaid`) is `OrderMinted` then the
 * TransferSingle, with no Paid (the relayer settles card sales later, a Ledger payment of source "fiat"),
 * and is recorded as channel "fiat" with its order id; a free edition mints with neither (its channel
 * follows from the sale window: presale before `start`, public from it).
 */
import { ponder, type Context } from "ponder:registry";
import { collection, collectionRevenue, edition, mint, payment } from "ponder:schema";
import type { Hex } from "viem";
import { editionKey } from "../lib/drops.ts";
import { lower } from "../lib/money.ts";
import { countPlatform } from "../lib/totals.ts";
import { addFeedItem } from "../lib/feed.ts";
import { addCollector, reachMilestone } from "../lib/milestones.ts";
import { toUsd } from "../lib/usd.ts";
import { addEditionCopies, addFanActivity, addTrend } from "../lib/leaderboards.ts";
import { TREND_WEIGHTS } from "@notalabel/contracts";

ponder.on("DropCollection:OrderMinted", async ({ event, context }) => {
  const { orderId, id } = event.args;
  await context.db
    .update(edition, { id: editionKey(event.log.address, id) })
    .set({ pendingTx: event.transaction.hash, pendingPayment: null, pendingOrder: orderId });
});

type MintEvent = {
  id: string;
  block: { timestamp: bigint; number: bigint };
  transaction: { hash: Hex };
  log: { address: Hex; logIndex: number };
};

/** Records the mint of a TransferSingle from 0x0 (called by holdings.ts, which moves the balance). */
export async function recordMint(
  context: Context,
  event: MintEvent,
  args: { operator: Hex; to: Hex; id: bigint; value: bigint },
): Promise<void> {
  const address = lower(event.log.address);
  const id = editionKey(address, args.id);
  const ed = await context.db.find(edition, { id });
  if (!ed) throw new Error(`mint of unknown edition ${id}`);
  // Read now: Ponder's cache may hand back the same row object that the update below changes.
  const mintedBefore = ed.minted;
  const soldOut = ed.maxSupply > 0 && mintedBefore < ed.maxSupply && mintedBefore + Number(args.value) >= ed.maxSupply;
  // The Paid or OrderMinted just before, in this transaction, for this edition (a mint of another token
  // than the one announced would leave it pending and mint as free: the chain never does that).
  const pending = ed.pendingTx === event.transaction.hash ? ed : null;

  let parts = {
    channel: event.block.timestamp < ed.start ? "presale" : "public",
    orderId: null as Hex | null,
    payer: lower(args.operator) as Hex | null,
    currency: ed.currency,
    gross: 0n,
    fee: 0n,
    referral: 0n,
    affiliateFee: 0n,
    net: 0n,
    affiliate: null as Hex | null,
    payment: null as string | null,
  };
  if (pending?.pendingPayment) {
    const p = await context.db.find(payment, { id: pending.pendingPayment });
    if (!p) throw new Error(`mint of ${id}: payment ${pending.pendingPayment} not found`);
    parts = {
      channel: p.source === "presale" ? "presale" : "public",
      orderId: null,
      payer: p.payer,
      currency: p.token,
      gross: p.gross,
      fee: p.fee,
      referral: p.referral,
      affiliateFee: p.affiliateFee,
      net: p.net,
      affiliate: p.affiliate,
      payment: p.id,
    };
  } else if (pending?.pendingOrder) {
    parts = { ...parts, channel: "fiat", orderId: pending.pendingOrder, payer: null };
  }

  await context.db.insert(mint).values({
    id: event.id,
    edition: id,
    collection: address,
    artist: ed.artist,
    tokenId: args.id,
    to: lower(args.to),
    quantity: Number(args.value),
    ...parts,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await addFeedItem(context, event, {
    kind: "mint",
    actor: lower(args.to),
    artist: ed.artist,
    collection: address,
    tokenId: args.id,
    quantity: args.value,
    currency: parts.currency,
    amount: parts.gross,
    usd: await toUsd(context, parts.currency, parts.gross),
  });
  await context.db.update(edition, { id }).set((row) => ({
    minted: row.minted + Number(args.value),
    mints: row.mints + 1,
    revenue: row.revenue + parts.gross,
    net: row.net + parts.net,
    updatedAt: event.block.timestamp,
    pendingTx: null,
    pendingPayment: null,
    pendingOrder: null,
  }));
  await context.db.update(collection, { id: address }).set((row) => ({ minted: row.minted + args.value }));
  await context.db
    .insert(collectionRevenue)
    .values({
      id: `${address}-${parts.currency}`,
      collection: address,
      currency: parts.currency,
      gross: parts.gross,
      net: parts.net,
      mints: 1,
    })
    .onConflictDoUpdate((row) => ({ gross: row.gross + parts.gross, net: row.net + parts.net, mints: row.mints + 1 }));
  await countPlatform(context, "mints", event.block.timestamp);
  await addCollector(context, event, ed.artist, args.to);
  await addFanActivity(context, ed.artist, args.to, event.block.timestamp, { mints: args.value });
  await addEditionCopies(context, ed, event.block.timestamp, args.value);
  await addTrend(context, ed, event.block.timestamp, Number(args.value) * TREND_WEIGHTS.copyMinted);
  await reachMilestone(context, event, { account: args.to, kind: "fan-first-mint", subject: id });
  if (soldOut) {
    await reachMilestone(context, event, { account: ed.artist, kind: "sold-out", period: id, subject: id });
  }
}
