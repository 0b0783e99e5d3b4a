/**
 * Server: market rows (listings, live auctions) as the cards show them, with the edition's title, cover
 * and artist (metadata fetched in parallel with a short timeout), plus the reduced MarketItem that
 * filters and sort work on.
 */
import { fallbackTitle, type ArtistRef, type CollectionRow, type EditionRow } from "@/lib/drops";
import { artistLabel, metadataFor } from "@/components/drops/summaries";
import type { DropSummary } from "@/components/drops/summaries";
import type { Currency } from "@/lib/dropSale";
import { tokenInfo } from "@/lib/tokens";
import { lower } from "@/lib/indexer";
import { editionId } from "@/lib/drops";
import type { MarketItem } from "@/lib/market/filters";
import type { AuctionRow, ListingRow } from "@/lib/market/queries";

export type MarketCardData = MarketItem & {
  title: string;
  image: string | null;
  /** The audio preview's URL, null when there is none. */
  audio: string | null;
  artistLabel: DropSummary["artist"];
  collectionName: string | null;
  currencyInfo: Currency;
  /** Listing: what is left; auction: the lot size. */
  quantity: bigint;
  seller: string;
  /** Auctions: bids so far. */
  bids: number;
};

export async function marketCards(
  chainId: number,
  rows: { listings: readonly ListingRow[]; auctions: readonly AuctionRow[] },
  ctx: {
    collections: Map<string, CollectionRow>;
    editions: Map<string, EditionRow>;
    artists: Map<string, ArtistRef>;
  },
): Promise<MarketCardData[]> {
  const meta = await metadataFor([...ctx.editions.values()]);
  const card = (r: ListingRow | AuctionRow, kind: "listing" | "auction"): MarketCardData => {
    const edition = ctx.editions.get(editionId(r.collection, r.tokenId)) ?? null;
    const collection = ctx.collections.get(lower(r.collection)) ?? null;
    const m = edition ? (meta.get(edition.id) ?? null) : null;
    const artist = collection?.artist ?? edition?.artist ?? null;
    const token = tokenInfo(chainId, r.currency);
    const isListing = kind === "listing";
    const l = r as ListingRow;
    const a = r as AuctionRow;
    return {
      kind,
      id: r.id,
      collection: lower(r.collection),
      tokenId: r.tokenId,
      artist: artist ? lower(artist) : null,
      currency: lower(r.currency),
      decimals: token.decimals,
      price: isListing ? BigInt(l.price) : BigInt(a.highestBid) > 0n ? BigInt(a.highestBid) : BigInt(a.reserve),
      createdAt: Number(r.createdAt),
      endsAt: isListing ? Number(l.expiry) : Number(a.end),
      title: m?.name ?? fallbackTitle(r.tokenId, collection?.name ?? null),
      image: m?.image ?? null,
      audio: m?.animationUrl ?? null,
      artistLabel: artist ? artistLabel(artist, ctx.artists.get(lower(artist)), m) : null,
      collectionName: collection?.name ?? null,
      currencyInfo: { symbol: token.symbol, decimals: token.decimals },
      quantity: isListing ? BigInt(l.remaining) : BigInt(a.quantity),
      seller: r.seller,
      bids: isListing ? 0 : a.bidCount,
    };
  };
  return [...rows.listings.map((l) => card(l, "listing")), ...rows.auctions.map((a) => card(a, "auction"))];
}
