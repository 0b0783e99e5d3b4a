/**
 * The rules of milestones, shared by the indexer (which records them as rows) and the chain-only model
 * that checks it and recomputes rewards roots (scripts/lib/milestone-model.ts): thresholds, months, and
 * the dollar value of an amount. Money is in micro-dollars (6 decimals, like USDC), never floats.
 */
import type { AchievementKind } from "./rewards.ts";

/** One dollar in micro-dollars. */
export const USD = 1_000_000n;

/** Lifetime earnings (as an artist and as a referrer) that make a milestone. */
export const LIFETIME_USD: readonly { at: bigint; kind: AchievementKind }[] = [{ at: 100n * USD, kind: "earned-100" }];

/** Earnings within one UTC month that make a milestone (period: the month). */
export const MONTH_USD: readonly { at: bigint; kind: AchievementKind }[] = [
  { at: 100n * USD, kind: "month-100" },
  { at: 500n * USD, kind: "month-500" },
  { at: 1_000n * USD, kind: "month-1000" },
  { at: 5_000n * USD, kind: "month-5000" },
];

/** Distinct wallets that minted or bought an artist's editions. */
export const COLLECTORS: readonly { at: bigint; kind: AchievementKind }[] = [
  { at: 10n, kind: "collectors-10" },
  { at: 100n, kind: "collectors-100" },
];

/** Qualified referrals: referred artists whose own payments paid at least QUALIFYING_FEES_USD of fees. */
export const QUALIFIED_REFERRALS: readonly { at: bigint; kind: AchievementKind }[] = [
  { at: 1n, kind: "referrals-1" },
  { at: 5n, kind: "referrals-5" },
  { at: 10n, kind: "referrals-10" },
  { at: 25n, kind: "referrals-25" },
];

/** Platform fees a referred artist's payments must have paid before its referral counts (fake sign-ups earn nothing). */
export const QUALIFYING_FEES_USD = 100n * USD;

/** Distinct editions a fan holds for "ten editions collected". */
export const FAN_EDITIONS = 10;

/** The thresholds passed when a figure goes from `before` to `after` (in order). */
export function crossed<K>(before: bigint, after: bigint, rules: readonly { at: bigint; kind: K }[]): K[] {
  return rules.filter((r) => before < r.at && after >= r.at).map((r) => r.kind);
}

/** The UTC month "YYYY-MM" of a unix timestamp in seconds. */
export function utcMonth(timestamp: bigint): string {
  return new Date(Number(timestamp) * 1000).toISOString().slice(0, 7);
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** A price as a feed gives it: `answer` USD per unit with `decimals` decimals. */
export type UsdPrice = { answer: bigint; decimals: number };

/**
 * The dollar value, in micro-dollars (rounded down), of `amount` of a token with `tokenDecimals` decimals
 * priced at `price` (a stablecoin is priced at exactly one dollar: pass `{ answer: 1n, decimals: 0 }`).
 * Null price: the token has no price, and its amount counts for nothing in dollars.
 */
export function usdValue(amount: bigint, tokenDecimals: number, price: UsdPrice | null): bigint {
  if (price === null || amount === 0n) return 0n;
  // amount / 10^tokenDecimals * answer / 10^decimals dollars, times 10^6 micro-dollars.
  const scale = tokenDecimals + price.decimals - 6;
  const value = amount * price.answer;
  return scale >= 0 ? value / 10n ** BigInt(scale) : value * 10n ** BigInt(-scale);
}

/** Symbols of the tokens worth exactly one dollar. */
export const STABLECOINS: ReadonlySet<string> = new Set(["USDC"]);
