/**
 * Ledger credit sources: bytes32 tags holding short ASCII words. Three kinds of word, kept apart so that
 * contracts/libraries/Sources.sol holds only the tags a contract writes.
 */
import { hexToString, stringToHex, type Hex } from "viem";

/** Tags the contracts write: mirrors contracts/libraries/Sources.sol (web/test/sources.test.ts checks it). */
export const CONTRACT_SOURCES = [
  "mint",
  "presale",
  "sale",
  "direct",
  "shares",
  "budget",
  "outbid",
  "unwound",
  "reward",
  "fund",
] as const;

/**
 * Words that callers of `Ledger.pay` / `Ledger.deposit` choose themselves (any word is allowed; these are
 * the ones the platform uses): the card relayer settles with "fiat", wallets pay tips and tickets.
 */
export const CALLER_SOURCES = ["deposit", "tip", "ticket", "fiat"] as const;

/**
 * Words the indexer gives to credits that no tag names: the parts of a `Paid` or `SalePaid` (fee, referral,
 * affiliate, royalty) and of a split distribution (split, advance; its distributor's fee is "reward", the
 * word Rewards claims write too: the credit's `from` tells them apart).
 */
export const INDEXER_SOURCES = ["fee", "referral", "affiliate", "royalty", "split", "advance"] as const;

/** Every word the platform's credits carry. */
export const SOURCES = [...CONTRACT_SOURCES, ...CALLER_SOURCES, ...INDEXER_SOURCES] as const;
export type Source = (typeof SOURCES)[number];

/** bytes32 tag -> word ("0x746970..." -> "tip"). */
export function decodeSource(tag: Hex): string {
  return hexToString(tag, { size: 32 }).replace(/\0+$/, "");
}

/** word -> bytes32 tag. */
export function encodeSource(word: string): Hex {
  return stringToHex(word, { size: 32 });
}

/** FeeRouter product kinds. */
export const FEE_KINDS = { primary: 0, market: 1, live: 2 } as const;
