/**
 * The marketplace as the indexer sees it (Ponder tables of the "Marketplace" section of
 * indexer/ponder.schema.ts): listings, offers, auctions, bids, sales, and per collection and per token
 * price stats. Every GraphQL field list of the market lives in this one file. Server components pass
 * serverConfig().indexerUrl as `base`, client components the same-origin proxy (/api/indexer).
 * Addresses are lowercase; bigints arrive as decimal strings.
 */
import { gql, lower, type Hex } from "../indexer.ts";
import { COLLECTION_FIELDS, EDITION_FIELDS, type CollectionRow, type EditionRow } from "../editions.ts";
import { fetchArtistRefs, editionId, type ArtistRef, type HoldingRow } from "../drops.ts";

// ------------------------------------------------------------------------------------------------
// Rows (as GraphQL returns them)

export type ListingRow = {
  id: Hex;
  seller: Hex;
  collection: Hex;
  tokenId: string;
  /** "erc721" | "erc1155". */
  standard: string;
  quantity: string;
  remaining: string;
  currency: Hex;
  price: string;
  expiry: string;
  salt: string;
  active: boolean;
  /** Why a listing is inactive: "cancelled", "sold", "expired", "stale"; null while active. */
  inactiveReason: string | null;
  createdAt: string;
  txHash: Hex;
};

export type OfferRow = {
  id: Hex;
  buyer: Hex;
  collection: Hex;
  /** Null for a collection-wide offer. */
  tokenId: string | null;
  anyToken: boolean;
  /** A collection-wide offer accepts token ids up to this one; null for a one-token offer. */
  maxTokenId: string | null;
  /** "erc721" | "erc1155". */
  standard: string;
  quantity: string;
  remaining: string;
  currency: Hex;
  price: string;
  expiry: string;
  salt: string;
  active: boolean;
  inactiveReason: string | null;
  createdAt: string;
  txHash: Hex;
};

export type AuctionRow = {
  id: Hex;
  seller: Hex;
  collection: Hex;
  tokenId: string;
  /** "erc721" | "erc1155". */
  standard: string;
  quantity: string;
  currency: Hex;
  reserve: string;
  duration: number;
  minRaiseBps: number;
  salt: string;
  /** "live" | "settled" | "cancelled" | "unwound". */
  status: string;
  highestBid: string;
  highestBidder: Hex | null;
  /** 0 before the first bid. */
  end: string;
  bidCount: number;
  /** The token waits for the winner to claim it. */
  held: boolean;
  settledAt: string | null;
  createdAt: string;
  txHash: Hex;
};

export type BidRow = {
  id: string;
  auction: Hex;
  bidder: Hex;
  amount: string;
  end: string;
  timestamp: string;
  txHash: Hex;
};

export type SaleRow = {
  id: string;
  /** "listing" | "offer" | "auction". */
  kind: string;
  collection: Hex;
  tokenId: string;
  quantity: string;
  buyer: Hex;
  seller: Hex;
  currency: Hex;
  /** The whole price paid (all units). */
  price: string;
  unitPrice: string;
  royalty: string;
  fee: string;
  referral: string;
  artist: Hex | null;
  timestamp: string;
  txHash: Hex;
};

export type CollectionMarketDailyRow = {
  id: string;
  collection: Hex;
  currency: Hex;
  day: string;
  /** Null when nothing was listed at the end of the day. */
  floor: string | null;
  volume: string;
  sales: number;
};

export type CollectionMarketRow = {
  id: string;
  collection: Hex;
  currency: Hex;
  /** Lowest unit price of an active listing; null when none. */
  floor: string | null;
  activeListings: number;
  volume: string;
  sales: number;
  lastSaleAt: string | null;
};

export type TokenPriceRow = {
  id: string;
  collection: Hex;
  tokenId: string;
  currency: Hex;
  unitPrice: string;
  quantity: string;
  kind: string;
  timestamp: string;
};

export const LISTING_FIELDS =
  "id seller collection tokenId standard quantity remaining currency price expiry salt active inactiveReason createdAt txHash";
export const OFFER_FIELDS =
  "id buyer collection tokenId anyToken maxTokenId standard quantity remaining currency price expiry salt active inactiveReason createdAt txHash";
export const AUCTION_FIELDS =
  "id seller collection tokenId standard quantity currency reserve duration minRaiseBps salt status highestBid highestBidder end bidCount held settledAt createdAt txHash";
export const BID_FIELDS = "id auction bidder amount end timestamp txHash";
export const SALE_FIELDS =
  "id kind collection tokenId quantity buyer seller currency price unitPrice royalty fee referral artist timestamp txHash";
export const COLLECTION_MARKET_FIELDS = "id collection currency floor activeListings volume sales lastSaleAt";
export const COLLECTION_MARKET_DAILY_FIELDS = "id collection currency day floor volume sales";
const HOLDING_FIELDS = "id collection tokenId edition owner balance updatedAt";

/** The status value of a live auction in the indexer. */
export const LIVE = "live";

// ------------------------------------------------------------------------------------------------
// Queries

/** What the market page lists: active listings, live auctions, and the collections, editions and artists they name. */
/**
 * The wallet's active offers (at most 200, the newest first): what they reserve of its Ledger allowance
 * (lib/allowance.ts reservedByOffers), so that approving for another action never de-funds them.
 */
export async function fetchOpenOffersBy(base: string, buyer: string): Promise<OfferRow[]> {
  const data = await gql<{ offers: { items: OfferRow[] } }>(
    base,
    `query OpenOffers($b: String!) {
      offers(where: { buyer: $b, active: true }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { ${OFFER_FIELDS} } }
    }`,
    { b: lower(buyer) },
  );
  return data.offers.items;
}

export async function fetchMarket(base: string, limit = 500) {
  const data = await gql<{ listings: { items: ListingRow[] }; auctions: { items: AuctionRow[] } }>(
    base,
    `query Market($limit: Int!, $live: String!) {
      listings(where: { active: true }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${LISTING_FIELDS} } }
      auctions(where: { status: $live }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${AUCTION_FIELDS} } }
    }`,
    { limit, live: LIVE },
  );
  const tokens = [...data.listings.items, ...data.auctions.items];
  const context = await fetchTokenContext(
    base,
    tokens.map((t) => ({ collection: t.collection, tokenId: t.tokenId })),
  );
  return { listings: data.listings.items, auctions: data.auctions.items, ...context };
}

/** Collections, editions and artists of a set of tokens (our drops; outside collections have none). */
export async function fetchTokenContext(base: string, tokens: readonly { collection: string; tokenId: string }[]) {
  const ids = [...new Set(tokens.map((t) => editionId(t.collection, t.tokenId)))];
  const cs = [...new Set(tokens.map((t) => lower(t.collection)))];
  if (cs.length === 0)
    return {
      collections: new Map<string, CollectionRow>(),
      editions: new Map<string, EditionRow>(),
      artists: new Map<string, ArtistRef>(),
    };
  const data = await gql<{ collections: { items: CollectionRow[] }; editions: { items: EditionRow[] } }>(
    base,
    `query Ctx($ids: [String!]!, $cs: [String!]!) {
      collections(where: { id_in: $cs }, limit: 1000) { items { ${COLLECTION_FIELDS} } }
      editions(where: { id_in: $ids }, limit: 1000) { items { ${EDITION_FIELDS} } }
    }`,
    { ids, cs },
  );
  const artists = await fetchArtistRefs(
    base,
    data.collections.items.map((c) => c.artist),
  );
  return {
    collections: new Map(data.collections.items.map((c) => [lower(c.id), c])),
    editions: new Map(data.editions.items.map((e) => [e.id, e])),
    artists,
  };
}

/** Every collection with an artist, for the market's filter menus. */
export async function fetchCollections(base: string) {
  const data = await gql<{ collections: { items: CollectionRow[] } }>(
    base,
    `query Cols { collections(orderBy: "createdAt", orderDirection: "asc", limit: 1000) { items { ${COLLECTION_FIELDS} } } }`,
  );
  const artists = await fetchArtistRefs(
    base,
    data.collections.items.map((c) => c.artist),
  );
  return { collections: data.collections.items, artists };
}

/**
 * The latest of each kind of market event, for the activity feed: everywhere, of one collection, or of
 * one token (`scope.tokenId`).
 */
export async function fetchActivity(base: string, limit = 50, scope?: { collection: string; tokenId?: string }) {
  const byToken = scope?.tokenId !== undefined;
  const where = scope ? (byToken ? `where: { collection: $c, tokenId: $t }, ` : `where: { collection: $c }, `) : "";
  const vars = scope
    ? byToken
      ? "($c: String!, $t: BigInt!, $limit: Int!)"
      : "($c: String!, $limit: Int!)"
    : "($limit: Int!)";
  // Scoped: the bids of the scope's auctions (below), not the latest bids anywhere.
  const bidsField = scope
    ? ""
    : `bids(orderBy: "timestamp", orderDirection: "desc", limit: $limit) { items { ${BID_FIELDS} } }`;
  const data = await gql<{
    sales: { items: SaleRow[] };
    listings: { items: ListingRow[] };
    offers: { items: OfferRow[] };
    auctions: { items: AuctionRow[] };
    bids?: { items: BidRow[] };
  }>(
    base,
    `query Activity${vars} {
      sales(${where}orderBy: "timestamp", orderDirection: "desc", limit: $limit) { items { ${SALE_FIELDS} } }
      listings(${where}orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${LISTING_FIELDS} } }
      offers(${where}orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${OFFER_FIELDS} } }
      auctions(${where}orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${AUCTION_FIELDS} } }
      ${bidsField}
    }`,
    scope
      ? byToken
        ? { c: lower(scope.collection), t: scope.tokenId, limit }
        : { c: lower(scope.collection), limit }
      : { limit },
  );
  const scopedIds = data.auctions.items.map((a) => a.id);
  const rawBids = scope
    ? scopedIds.length
      ? (
          await gql<{ bids: { items: BidRow[] } }>(
            base,
            `query ScopeBids($ids: [String!]!, $limit: Int!) { bids(where: { auction_in: $ids }, orderBy: "timestamp", orderDirection: "desc", limit: $limit) { items { ${BID_FIELDS} } } }`,
            { ids: scopedIds, limit },
          )
        ).bids.items
      : []
    : (data.bids?.items ?? []);
  // Bids name their auction only: fetch the auctions the first page did not include.
  const known = new Set(scopedIds);
  const missing = [...new Set(rawBids.map((b) => b.auction))].filter((id) => !known.has(id));
  const more = missing.length
    ? (
        await gql<{ auctions: { items: AuctionRow[] } }>(
          base,
          `query BidAuctions($ids: [String!]!) { auctions(where: { id_in: $ids }, limit: 1000) { items { ${AUCTION_FIELDS} } } }`,
          { ids: missing },
        )
      ).auctions.items
    : [];
  const auctionsById = new Map([...data.auctions.items, ...more].map((a) => [a.id, a]));
  const inScope = (b: BidRow) => {
    const a = auctionsById.get(b.auction);
    return (
      !!a && (!scope || (lower(a.collection) === lower(scope.collection) && (!byToken || a.tokenId === scope.tokenId)))
    );
  };
  const bids = rawBids.filter(inScope);
  const context = await fetchTokenContext(base, [
    ...data.sales.items,
    ...data.listings.items,
    ...data.offers.items.flatMap((o) => (o.tokenId === null ? [] : [{ collection: o.collection, tokenId: o.tokenId }])),
    ...[...auctionsById.values()],
  ]);
  return { ...data, bids: { items: bids }, auctionsById, ...context };
}

/** Everything the token page shows from the indexer. */
export async function fetchTokenMarket(base: string, collection: string, tokenId: string) {
  const c = lower(collection);
  const data = await gql<{
    listings: { items: ListingRow[] };
    tokenOffers: { items: OfferRow[] };
    collectionOffers: { items: OfferRow[] };
    auctions: { items: AuctionRow[] };
    sales: { items: SaleRow[] };
    holdings: { items: HoldingRow[] };
  }>(
    base,
    `query Token($c: String!, $t: BigInt!) {
      listings(where: { collection: $c, tokenId: $t }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { ${LISTING_FIELDS} } }
      tokenOffers: offers(where: { collection: $c, tokenId: $t, anyToken: false }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { ${OFFER_FIELDS} } }
      collectionOffers: offers(where: { collection: $c, anyToken: true, active: true }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { ${OFFER_FIELDS} } }
      auctions(where: { collection: $c, tokenId: $t }, orderBy: "createdAt", orderDirection: "desc", limit: 50) { items { ${AUCTION_FIELDS} } }
      sales(where: { collection: $c, tokenId: $t }, orderBy: "timestamp", orderDirection: "asc", limit: 1000) { items { ${SALE_FIELDS} } }
      holdings(where: { collection: $c, tokenId: $t, balance_gt: "0" }, orderBy: "balance", orderDirection: "desc", limit: 100) { items { ${HOLDING_FIELDS} } }
    }`,
    { c, t: tokenId },
  );
  const auctionIds = data.auctions.items.map((a) => a.id);
  const bids = auctionIds.length
    ? (
        await gql<{ bids: { items: BidRow[] } }>(
          base,
          `query Bids($ids: [String!]!) { bids(where: { auction_in: $ids }, orderBy: "timestamp", orderDirection: "desc", limit: 500) { items { ${BID_FIELDS} } } }`,
          { ids: auctionIds },
        )
      ).bids.items
    : [];
  const context = await fetchTokenContext(base, [{ collection: c, tokenId }]);
  const edition = context.editions.get(editionId(c, tokenId)) ?? null;
  const col = context.collections.get(c) ?? null;
  return {
    listings: data.listings.items,
    offers: [...data.tokenOffers.items, ...data.collectionOffers.items],
    auctions: data.auctions.items,
    bids,
    sales: data.sales.items,
    holders: data.holdings.items.filter((h) => BigInt(h.balance) > 0n),
    edition,
    collection: col,
    artist: col ? (context.artists.get(lower(col.artist)) ?? null) : null,
  };
}

/** A collection's daily floor, volume and sales. */
export async function fetchCollectionDaily(base: string, collection: string) {
  const data = await gql<{ collectionMarketDailys: { items: CollectionMarketDailyRow[] } }>(
    base,
    `query Daily($c: String!) { collectionMarketDailys(where: { collection: $c }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { ${COLLECTION_MARKET_DAILY_FIELDS} } } }`,
    { c: lower(collection) },
  );
  return data.collectionMarketDailys.items;
}

/**
 * Everything the collection page shows from the indexer: the collection (null for an outside one), its
 * totals now and per day, active listings, live auctions and open collection-wide offers, with the
 * editions and artists the cards need. `listingsComplete`: every active listing fit in `limit`.
 */
export async function fetchCollectionMarket(base: string, collection: string, limit = 500) {
  const c = lower(collection);
  const data = await gql<{
    collection: CollectionRow | null;
    collectionMarkets: { items: CollectionMarketRow[] };
    collectionMarketDailys: { items: CollectionMarketDailyRow[] };
    listings: { items: ListingRow[] };
    auctions: { items: AuctionRow[] };
    offers: { items: OfferRow[] };
  }>(
    base,
    `query CollectionMarket($c: String!, $live: String!, $limit: Int!) {
      collection(id: $c) { ${COLLECTION_FIELDS} }
      collectionMarkets(where: { collection: $c }, limit: 100) { items { ${COLLECTION_MARKET_FIELDS} } }
      collectionMarketDailys(where: { collection: $c }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { ${COLLECTION_MARKET_DAILY_FIELDS} } }
      listings(where: { collection: $c, active: true }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${LISTING_FIELDS} } }
      auctions(where: { collection: $c, status: $live }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${AUCTION_FIELDS} } }
      offers(where: { collection: $c, anyToken: true, active: true }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${OFFER_FIELDS} } }
    }`,
    { c, live: LIVE, limit },
  );
  const context = await fetchTokenContext(base, [...data.listings.items, ...data.auctions.items]);
  const artists = data.collection
    ? await fetchArtistRefs(base, [data.collection.artist])
    : new Map<string, ArtistRef>();
  return {
    collection: data.collection,
    artist: data.collection ? (artists.get(lower(data.collection.artist)) ?? null) : null,
    totals: data.collectionMarkets.items,
    daily: data.collectionMarketDailys.items,
    listings: data.listings.items,
    listingsComplete: data.listings.items.length < limit,
    auctions: data.auctions.items,
    offers: data.offers.items,
    ...context,
    collections: data.collection ? new Map([[c, data.collection]]) : context.collections,
  };
}
