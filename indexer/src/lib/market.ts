/**
 * Shared by the marketplace handlers (src/market/*): ids, keys and the rules that say whether a
 * listing or an offer can still be taken, and why not.
 */
import { numberToHex, type Hex } from "viem";
import { deployment } from "../../lib/chain.ts";
import { lower } from "./money.ts";

/** The marketplace of the deployment this indexer follows (lowercase). */
export const MARKETPLACE: Hex = lower(deployment().contracts.Marketplace.address);

/** A listing, offer or auction id as the Ledger's SalePaid carries it (`ref` = uint256(id)). */
export const refToId = (ref: bigint): Hex => numberToHex(ref, { size: 32 });

/** IMarketBase.Standard. */
export const standardName = (standard: number): "erc721" | "erc1155" => (standard === 0 ? "erc721" : "erc1155");

/** collectionMarket id: "<collection>-<currency>". */
export const marketKey = (collection: Hex, currency: Hex): string => `${lower(collection)}-${lower(currency)}`;

/** marketWatch / marketApproval id: "<collection>-<owner>". */
export const ownerKey = (collection: Hex, owner: Hex): string => `${lower(collection)}-${lower(owner)}`;

/** What decides a listing's state. */
export type ListingFlags = { remaining: bigint; cancelled: boolean; expired: boolean; stale: boolean };

/** Null while buyable, else the first reason that holds: cancelled, sold (out), expired, stale. */
export function listingReason(l: ListingFlags): "cancelled" | "sold" | "expired" | "stale" | null {
  if (l.cancelled) return "cancelled";
  if (l.remaining === 0n) return "sold";
  if (l.expired) return "expired";
  if (l.stale) return "stale";
  return null;
}

/** A listing that can never be bought again (staleness alone can be undone). */
export const listingClosed = (l: ListingFlags): boolean => l.cancelled || l.remaining === 0n || l.expired;

/** What decides an offer's state. */
export type OfferFlags = { remaining: bigint; cancelled: boolean; expired: boolean };

/** Null while acceptable, else the first reason that holds: cancelled, filled, expired. */
export function offerReason(o: OfferFlags): "cancelled" | "filled" | "expired" | null {
  if (o.cancelled) return "cancelled";
  if (o.remaining === 0n) return "filled";
  if (o.expired) return "expired";
  return null;
}

/** `sorted` (ascending) with `value` inserted in order. */
export function insertSorted(sorted: readonly bigint[], value: bigint): bigint[] {
  let i = sorted.length;
  while (i > 0 && sorted[i - 1]! > value) i--;
  return [...sorted.slice(0, i), value, ...sorted.slice(i)];
}

/** `sorted` without one occurrence of `value` (unchanged when absent). */
export function removeSorted(sorted: readonly bigint[], value: bigint): bigint[] {
  const i = sorted.indexOf(value);
  return i < 0 ? [...sorted] : [...sorted.slice(0, i), ...sorted.slice(i + 1)];
}

/** The expiry queue's hour of a unix time. */
export const expiryHour = (expiry: bigint): bigint => expiry / 3600n;

/** One entry of the expiry queue: "<expiry>:<l|o>:<id>". */
export const expiryEntry = (expiry: bigint, kind: "l" | "o", id: Hex): string => `${expiry}:${kind}:${id}`;

export function parseExpiryEntry(entry: string): { expiry: bigint; kind: "l" | "o"; id: Hex } {
  const [expiry, kind, id] = entry.split(":");
  return { expiry: BigInt(expiry!), kind: kind as "l" | "o", id: id as Hex };
}
