/**
 * The marketplace's on-chain terms (Listing, Offer, Auction structs) as viem types them, built from
 * indexer rows, and the rules the contracts apply to them, mirrored for the page (minimum bid, auction
 * phase, expiry). Pure: shared by server and client components and unit-tested.
 */
import type { Address, ContractFunctionArgs } from "viem";
import type { marketplaceAbi } from "@notalabel/contracts";

export type ListingTerms = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "list">[0];
export type OfferTerms = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "makeOffer">[0];
export type AuctionTerms = ContractFunctionArgs<typeof marketplaceAbi, "nonpayable", "createAuction">[0];

/** IMarketBase.Standard. */
export const ERC721 = 0;
export const ERC1155 = 1;
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

export function listingTerms(r: {
  seller: string;
  collection: string;
  tokenId: Num;
  standard: unknown;
  quantity: Num;
  currency: string;
  price: Num;
  expiry: Num;
  salt: Num;
}): ListingTerms {
  return {
    seller: r.seller as Address,
    collection: r.collection as Address,
    tokenId: BigInt(r.tokenId),
    standard: parseStandard(r.standard),
    quantity: BigInt(r.quantity),
    currency: r.currency as Address,
    price: BigInt(r.price),
    expiry: Number(r.expiry),
    salt: BigInt(r.salt),
  };
}

export function offerTerms(r: {
  buyer: string;
  collection: string;
  tokenId: Num | null;
  anyToken: boolean;
  standard: unknown;
  quantity: Num;
  currency: string;
  price: Num;
  expiry: Num;
  salt: Num;
}): OfferTerms {
  return {
    buyer: r.buyer as Address,
    collection: r.collection as Address,
    tokenId: BigInt(r.tokenId ?? 0),
    anyToken: Boolean(r.anyToken),
    standard: parseStandard(r.standard),
    quantity: BigInt(r.quantity),
    currency: r.currency as Address,
    price: BigInt(r.price),
    expiry: Number(r.expiry),
    salt: BigInt(r.salt),
  };
}

export function auctionTerms(r: {
  seller: string;
  collection: string;
  tokenId: Num;
  standard: unknown;
  quantity: Num;
  currency: string;
  reserve: Num;
  duration: Num;
  minRaiseBps: Num;
  salt: Num;
}): AuctionTerms {
  return {
    seller: r.seller as Address,
    collection: r.collection as Address,
    tokenId: BigInt(r.tokenId),
    standard: parseStandard(r.standard),
    quantity: BigInt(r.quantity),
    currency: r.currency as Address,
    reserve: BigInt(r.reserve),
    duration: Number(r.duration),
    minRaiseBps: Number(r.minRaiseBps),
    salt: BigInt(r.salt),
  };
}

/** The lowest bid the auction takes: the reserve, or the last bid plus the minimum raise (at least 1 unit). */
export function minimumBid(
  terms: Pick<AuctionTerms, "reserve" | "minRaiseBps">,
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
  if (status === "cancelled" || status === "none") return "cancelled";
  const end = Number(a.end);
  if (end === 0) return "awaiting";
  return now >= end ? "ended" : "running";
}

/** The end after a bid placed at `now`, as the contract sets it. */
export function endAfterBid(a: { end: number; duration: number }, now: number): number {
  if (a.end === 0) return now + a.duration;
  return a.end - now < EXTENSION ? now + EXTENSION : a.end;
}

/** Whether a listing or offer can still be taken at chain time `now`. */
export const isExpired = (expiry: Num, now: number) => now >= Number(expiry);
