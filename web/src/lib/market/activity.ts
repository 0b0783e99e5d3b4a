/**
 * The activity feed: sales, listings, offers, auctions and bids as one list, newest first. Pure: the
 * rows come from lib/market/queries.ts.
 */
import type { AuctionRow, BidRow, ListingRow, OfferRow, SaleRow } from "./queries.ts";

export type ActivityKind = "sale" | "listing" | "offer" | "auction" | "bid";

export type ActivityEntry = {
  kind: ActivityKind;
  id: string;
  collection: string;
  /** null for a collection-wide offer. */
  tokenId: string | null;
  /** Who acted: buyer of a sale, seller of a listing or auction, maker of an offer, bidder. */
  actor: string;
  /** The other side: the seller of a sale. */
  counterparty: string | null;
  currency: string;
  /** Sale: total paid; listing/offer: unit price; auction: reserve; bid: the bid. */
  amount: bigint;
  quantity: bigint;
  timestamp: number;
  txHash: string | null;
  /** A short sentence: "Sale", "Listed", "Offer", "Auction started", "Bid". */
  label: string;
};

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  sale: "Sale",
  listing: "Listed",
  offer: "Offer",
  auction: "Auction",
  bid: "Bid",
};

const SALE_VIA: Record<string, string> = { listing: "Sale", offer: "Offer accepted", auction: "Auction won" };

export function activityFeed(
  rows: {
    sales?: readonly SaleRow[];
    listings?: readonly ListingRow[];
    offers?: readonly OfferRow[];
    auctions?: readonly AuctionRow[];
    bids?: readonly BidRow[];
  },
  auctionsById: ReadonlyMap<string, AuctionRow>,
  limit = 50,
  kinds?: ReadonlySet<ActivityKind>,
): ActivityEntry[] {
  const out: ActivityEntry[] = [];
  for (const s of rows.sales ?? [])
    out.push({
      kind: "sale",
      id: `sale-${s.id}`,
      collection: s.collection,
      tokenId: s.tokenId,
      actor: s.buyer,
      counterparty: s.seller,
      currency: s.currency,
      amount: BigInt(s.price),
      quantity: BigInt(s.quantity),
      timestamp: Number(s.timestamp),
      txHash: s.txHash,
      label: SALE_VIA[s.kind] ?? "Sale",
    });
  for (const l of rows.listings ?? [])
    out.push({
      kind: "listing",
      id: `listing-${l.id}`,
      collection: l.collection,
      tokenId: l.tokenId,
      actor: l.seller,
      counterparty: null,
      currency: l.currency,
      amount: BigInt(l.price),
      quantity: BigInt(l.quantity),
      timestamp: Number(l.createdAt),
      txHash: l.txHash,
      label: ACTIVITY_LABELS.listing,
    });
  for (const o of rows.offers ?? [])
    out.push({
      kind: "offer",
      id: `offer-${o.id}`,
      collection: o.collection,
      tokenId: o.anyToken ? null : o.tokenId,
      actor: o.buyer,
      counterparty: null,
      currency: o.currency,
      amount: BigInt(o.price),
      quantity: BigInt(o.quantity),
      timestamp: Number(o.createdAt),
      txHash: o.txHash,
      label: o.anyToken ? "Collection offer" : ACTIVITY_LABELS.offer,
    });
  for (const a of rows.auctions ?? [])
    out.push({
      kind: "auction",
      id: `auction-${a.id}`,
      collection: a.collection,
      tokenId: a.tokenId,
      actor: a.seller,
      counterparty: null,
      currency: a.currency,
      amount: BigInt(a.reserve),
      quantity: BigInt(a.quantity),
      timestamp: Number(a.createdAt),
      txHash: a.txHash,
      label: "Auction started",
    });
  for (const b of rows.bids ?? []) {
    const a = auctionsById.get(b.auction);
    if (!a) continue;
    out.push({
      kind: "bid",
      id: `bid-${b.id}`,
      collection: a.collection,
      tokenId: a.tokenId,
      actor: b.bidder,
      counterparty: null,
      currency: a.currency,
      amount: BigInt(b.amount),
      quantity: BigInt(a.quantity),
      timestamp: Number(b.timestamp),
      txHash: b.txHash,
      label: ACTIVITY_LABELS.bid,
    });
  }
  return out
    .filter((e) => !kinds || kinds.has(e.kind))
    .sort((a, b) => b.timestamp - a.timestamp || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Reads `?type=` of the activity page: one kind, or every kind. */
export function parseActivityKind(v: string | string[] | undefined): ActivityKind | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s in ACTIVITY_LABELS ? (s as ActivityKind) : null;
}
