/**
 * The marketplace's on-chain terms (Listing, Offer, Auction structs) as viem types them, built from
 * indexer rows, and the rules the contracts apply to them, mirrored for the page (minimum bid, auction
 * phase, expiry). Pure: shared by server and client components and unit-tested.
 */
import type { Address } from "viem";
import { ERC1155, ERC721, type Auction, type Listing, type Offer } from "@notalabel/contracts";

/** IMarketBase.Standard (the structs' types and the constants live in contracts/lib/market.ts). */
export { ERC721, ERC1155 };
export type Standard = typeof ERC721 | typeof ERC1155;

/** Auctions.sol constants (seconds, basis points). */
export const EXTENSION = 15 * 60;
export const MIN_DURATION = 15 * 60;
export const MAX_DURATION = 30 * 86_400;
export const DEFAULT_MIN_RAISE_BPS = 500;
export const BPS = 10_000;

/** The standard as the indexer stores it: 0/1, or "ERC721"/"ERC1155". */
export function parseStandard(v: unknown): Standard {
  if (v === 1 || v === "1" || v === "ERC1155" || v === "erc1155") return ERC1155;
  return ERC721;
}

export const standardName = (s: Standard) => (s === ERC1155 ? "ERC-1155" : "ERC-721");

type Num = string | number | bigint;

/** The fields every struct shares, as an indexer row holds them. */
type RowBase = { collection: string; standard: unknown; quantity: Num; currency: string; salt: Num };

const baseTerms = (r: RowBase) => ({
  collection: r.collection as Address,
  standard: parseStandard(r.standard),
  quantity: BigInt(r.quantity),
  currency: r.currency as Address,
  salt: BigInt(r.salt),
});

export function listingTerms(r: RowBase & { seller: string; tokenId: Num; price: Num; expiry: Num }): Listing {
  return {
    ...baseTerms(r),
    seller: r.seller as Address,
    tokenId: BigInt(r.tokenId),
    price: BigInt(r.price),
    expiry: Number(r.expiry),
  };
}

/** A collection-wide offer's row has no token id: the struct carries the highest id it accepts (maxTokenId). */
export function offerTerms(
  r: RowBase & {
    buyer: string;
    tokenId: Num | null;
    anyToken: boolean;
    maxTokenId?: Num | null;
    price: Num;
    expiry: Num;
  },
): Offer {
  return {
    ...baseTerms(r),
    buyer: r.buyer as Address,
    tokenId: BigInt((r.anyToken ? r.maxTokenId : r.tokenId) ?? 0),
    anyToken: Boolean(r.anyToken),
    price: BigInt(r.price),
    expiry: Number(r.expiry),
  };
}

export function auctionTerms(
  r: RowBase & { seller: string; tokenId: Num; reserve: Num; duration: Num; minRaiseBps: Num },
): Auction {
  return {
    ...baseTerms(r),
    seller: r.seller as Address,
    tokenId: BigInt(r.tokenId),
    reserve: BigInt(r.reserve),
    duration: Number(r.duration),
    minRaiseBps: Number(r.minRaiseBps),
  };
}

/** The lowest bid the auction takes: the reserve, or the last bid plus the minimum raise (at least 1 unit). */
export function minimumBid(
  terms: Pick<Auction, "reserve" | "minRaiseBps">,
  highest: { bidder: string | null; amount: bigint },
): bigint {
  if (!highest.bidder || BigInt(highest.bidder) === 0n) return terms.reserve;
  const bps = BigInt(terms.minRaiseBps === 0 ? DEFAULT_MIN_RAISE_BPS : terms.minRaiseBps);
  const raise = (highest.amount * bps) / BigInt(BPS);
  return highest.amount + (raise === 0n ? 1n : raise);
}

/** The minimum raise as a percentage ("5%"). */
export const minRaiseText = (bps: number) => `${(bps === 0 ? DEFAULT_MIN_RAISE_BPS : bps) / 100}%`;

export type AuctionPhase =
  /** Live, no bid yet: the clock starts with the first bid at or above the reserve. */
  | "awaiting"
  /** Live, bids come until `end`. */
  | "running"
  /** The end passed: anyone can settle. */
  | "ended"
  | "settled"
  | "cancelled";

/** Where an auction is at chain time `now` (unix seconds). `end` 0 means no bid yet. */
export function auctionPhase(a: { status: string; end: Num }, now: number): AuctionPhase {
  const status = a.status.toLowerCase();
  if (status === "settled") return "settled";
  // Unwound (F-03 escape): ended without a sale, the bid back to the bidder, like a cancelled auction.
  if (status === "cancelled" || status === "none" || status === "unwound") return "cancelled";
  const end = Number(a.end);
  if (end === 0) return "awaiting";
  return now >= end ? "ended" : "running";
}

/** Auctions.SETTLE_GRACE: how long after its end an auction with a bid can only be settled (14 days). */
export const SETTLE_GRACE = 14 * 24 * 3600;

/**
 * Whether to offer the unwind escape at chain time `now` (unix seconds): the auction ended with a bid, is
 * still not settled, and its end plus SETTLE_GRACE passed, exactly when Auctions.unwindAuction accepts it
 * (anyone may call it). Before that, settling is the only way out, so the button would only fail.
 */
export function canUnwind(a: { status: string; end: Num }, now: number): boolean {
  return auctionPhase(a, now) === "ended" && now >= Number(a.end) + SETTLE_GRACE;
}

/** The end after a bid placed at `now`, as the contract sets it. */
export function endAfterBid(a: { end: number; duration: number }, now: number): number {
  if (a.end === 0) return now + a.duration;
  return a.end - now < EXTENSION ? now + EXTENSION : a.end;
}

/** Whether a listing or offer can still be taken at chain time `now`. */
export const isExpired = (expiry: Num, now: number) => now >= Number(expiry);
