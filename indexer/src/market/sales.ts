/**
 * Sales. The Ledger's `SalePaid` (any operator) is money: since the Ledger emits no `Credited` for its
 * parts, they are credits here, as Payments.paySale writes them: price - royalty - fee to the seller (the
 * sale's source), fee - referral to the treasury ("fee"), referral to the artist's referrer ("referral"),
 * royalty to its receiver ("royalty"), to the accounts the event names (a projection: no table is read to
 * find the treasury or the referrer). Artist earnings: the referrer's "referral" (as for Paid) and, for
 * a sale by the marketplace in one of our drop collections, the royalty as the artist's "royalty" income
 * (only the marketplace names the artist from the collection; a direct paySale names any artist).
 *
 * A SalePaid of the marketplace is then joined with the Bought / OfferAccepted / AuctionSettled that
 * follows it in the transaction (same `ref`) into one `sale` row, its token's price history and its
 * collection's volume.
 */
import { ponder, type Context } from "ponder:registry";
import { collectionMarket, edition, pendingSale, sale, tokenPrice } from "ponder:schema";
import { decodeSource, TREND_WEIGHTS } from "@notalabel/contracts";
import { zeroAddress, type Hex } from "viem";
import { addArtistEarning } from "../lib/earnings.ts";
import { MARKETPLACE, refToId } from "../lib/market.ts";
import { lower, recordCredit, utcDay } from "../lib/money.ts";
import { marketRow, touchDay } from "./book.ts";
import { countPlatform } from "../lib/totals.ts";
import { addFeedItem } from "../lib/feed.ts";
import { toUsd } from "../lib/usd.ts";
import { addCollector, addEarnedUsd, reachMilestone } from "../lib/milestones.ts";
import { addTrend } from "../lib/leaderboards.ts";
import { editionKey } from "../lib/drops.ts";

ponder.on("Ledger:SalePaid", async ({ event, context }) => {
  const a = event.args;
  const artist = a.artist === zeroAddress ? null : lower(a.artist);
  // The referrer earns only when there is a referral (a referred artist's tiny fee can round it to zero).
  const referrer = a.referral === 0n ? null : lower(a.referrer);
  const source = decodeSource(a.source);
  const base = {
    token: a.token,
    from: a.payer,
    split: null,
    txFrom: event.transaction.from,
    timestamp: event.block.timestamp,
    block: event.block.number,
    logIndex: event.log.logIndex,
    txHash: event.transaction.hash,
  };
  // In the order paySale credits them; zero parts are not credits.
  const parts: { key: string; owner: Hex | null; amount: bigint; source: string }[] = [
    { key: "seller", owner: a.seller, amount: a.price - a.royalty - a.fee, source },
    { key: "fee", owner: lower(a.treasury), amount: a.fee - a.referral, source: "fee" },
    { key: "referral", owner: referrer, amount: a.referral, source: "referral" },
    { key: "royalty", owner: a.royaltyReceiver, amount: a.royalty, source: "royalty" },
  ];
  for (const part of parts) {
    if (part.amount === 0n) continue;
    await recordCredit(context, {
      ...base,
      id: `${event.id}-${part.key}`,
      owner: part.owner!,
      amount: part.amount,
      source: part.source,
    });
  }

  const day = utcDay(event.block.timestamp);
  const byMarketplace = lower(a.operator) === MARKETPLACE;
  if (referrer !== null) await addArtistEarning(context, referrer, a.token, day, "referral", a.referral);
  if (byMarketplace && artist !== null) await addArtistEarning(context, artist, a.token, day, "royalty", a.royalty);
  const referralUsd = referrer === null ? 0n : await toUsd(context, a.token, a.referral);
  if (referrer !== null && referralUsd > 0n) {
    await addEarnedUsd(context, event, referrer, referralUsd, { asReferrer: true });
  }
  const royaltyUsd = byMarketplace && artist !== null ? await toUsd(context, a.token, a.royalty) : 0n;
  if (artist !== null && royaltyUsd > 0n) await addEarnedUsd(context, event, artist, royaltyUsd);
  if (!byMarketplace) return;

  const values = {
    payer: lower(a.payer),
    seller: lower(a.seller),
    currency: lower(a.token),
    price: a.price,
    royalty: a.royalty,
    royaltyReceiver: a.royalty === 0n ? null : lower(a.royaltyReceiver),
    fee: a.fee,
    referral: a.referral,
    artist,
  };
  const pending = { ...values, txHash: event.transaction.hash };
  await context.db
    .insert(pendingSale)
    .values({ id: refToId(a.ref), ...pending })
    .onConflictDoUpdate(pending);
});

type MarketEvent = {
  id: string;
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
  log: { logIndex: number };
};

export type SaleTerms = {
  kind: "listing" | "offer" | "auction";
  ref: Hex;
  collection: Hex;
  tokenId: bigint;
  quantity: bigint;
  buyer: Hex;
  seller: Hex;
  currency: Hex;
};

/** One sale: the SalePaid left in `pendingSale` by this transaction, joined with the market event's terms. */
export async function recordSale(context: Context, event: MarketEvent, terms: SaleTerms) {
  const paid = await context.db.find(pendingSale, { id: terms.ref });
  if (!paid || paid.txHash !== event.transaction.hash)
    throw new Error(`${terms.kind} sale ${event.id}: no SalePaid with ref ${terms.ref} before it`);
  if (paid.seller !== terms.seller || paid.currency !== terms.currency) {
    throw new Error(`${terms.kind} sale ${event.id}: SalePaid seller/currency differ from the ${terms.kind}'s`);
  }
  await context.db.update(pendingSale, { id: terms.ref }).set({ txHash: null });
  const timestamp = event.block.timestamp;
  const row = {
    id: event.id,
    kind: terms.kind,
    ref: terms.ref,
    collection: terms.collection,
    tokenId: terms.tokenId,
    quantity: terms.quantity,
    buyer: terms.buyer,
    seller: terms.seller,
    currency: terms.currency,
    price: paid.price,
    unitPrice: paid.price / terms.quantity,
    royalty: paid.royalty,
    royaltyReceiver: paid.royaltyReceiver,
    fee: paid.fee,
    referral: paid.referral,
    artist: paid.artist,
    timestamp,
    day: utcDay(timestamp),
    block: event.block.number,
    txHash: event.transaction.hash,
  };
  await context.db.insert(sale).values(row);
  await addFeedItem(context, event, {
    kind: "sale",
    actor: terms.buyer,
    counterparty: terms.seller,
    artist: paid.artist,
    collection: terms.collection,
    tokenId: terms.tokenId,
    quantity: terms.quantity,
    currency: terms.currency,
    amount: paid.price,
    usd: await toUsd(context, terms.currency, paid.price),
  });
  if (paid.artist !== null) {
    await reachMilestone(context, event, { account: paid.artist, kind: "first-sale", subject: terms.collection });
    await addCollector(context, event, paid.artist, terms.buyer);
  }
  // A resale of one of our drops is a trending signal.
  const ed = await context.db.find(edition, { id: editionKey(terms.collection, terms.tokenId) });
  if (ed) await addTrend(context, ed, timestamp, Number(terms.quantity) * TREND_WEIGHTS.copyResold);
  await countPlatform(context, "sales", timestamp);
  await context.db.insert(tokenPrice).values({
    id: event.id,
    collection: terms.collection,
    tokenId: terms.tokenId,
    currency: terms.currency,
    unitPrice: row.unitPrice,
    quantity: terms.quantity,
    kind: terms.kind,
    timestamp,
  });
  const m = await marketRow(context, terms.collection, terms.currency, timestamp);
  const floor = m.floor;
  const volume = m.volume + paid.price;
  const sales = m.sales + 1;
  await context.db
    .insert(collectionMarket)
    .values({ ...m, volume, sales, lastSaleAt: timestamp, updatedAt: timestamp })
    .onConflictDoUpdate({ volume, sales, lastSaleAt: timestamp, updatedAt: timestamp });
  await touchDay(context, terms.collection, terms.currency, timestamp, floor, paid.price);
  return row;
}
