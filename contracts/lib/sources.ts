/** Ledger credit sources (contracts/libraries/Sources.sol): bytes32 tags holding short ASCII words. */
import { hexToString, stringToHex, type Hex } from "viem";

export const SOURCES = [
  "deposit",
  "fee",
  "referral",
  "tip",
  "mint",
  "presale",
  "sale",
  "royalty",
  "ticket",
  "split",
  "advance",
  "reward",
  "direct",
  "shares",
  "budget",
  "fiat",
] as const;
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
