/**
 * A primary offering's state from its indexed row and the chain's time, with the same rules as
 * RoyaltyShares.buy / offeringRemaining: open from `start` until `end` (exclusive, 0 = no end) while
 * shares remain and the artist has not ended it. Pure and unit-tested.
 */
export type OfferingStatus = "none" | "upcoming" | "open" | "sold out" | "ended";

export type OfferingTerms = {
  offeringAmount: string;
  offeringStart: string | number;
  offeringEnd: string | number;
  sold: string;
  offeringEnded: boolean;
};

export function offeringStatus(row: OfferingTerms, now: number): OfferingStatus {
  const amount = BigInt(row.offeringAmount);
  if (amount === 0n) return "none";
  const end = Number(row.offeringEnd);
  if (row.offeringEnded || (end !== 0 && now >= end)) return "ended";
  if (BigInt(row.sold) >= amount) return "sold out";
  if (now < Number(row.offeringStart)) return "upcoming";
  return "open";
}

/** Shares still for sale now (0 unless open or upcoming). */
export function offeringRemaining(row: OfferingTerms, now: number): bigint {
  const s = offeringStatus(row, now);
  if (s !== "open" && s !== "upcoming") return 0n;
  return BigInt(row.offeringAmount) - BigInt(row.sold);
}

/** How many more `bought` may buy under `cap` (0 = no cap) out of `remaining`. */
export function buyableBy(remaining: bigint, cap: bigint, bought: bigint): bigint {
  if (cap === 0n) return remaining;
  const left = cap > bought ? cap - bought : 0n;
  return left < remaining ? left : remaining;
}

export const STATUS_LABEL: Record<OfferingStatus, string> = {
  none: "No offering",
  upcoming: "Opens soon",
  open: "On sale",
  "sold out": "Sold out",
  ended: "Offering ended",
};

export const STATUS_TONE: Record<OfferingStatus, "neutral" | "accent" | "success" | "warning"> = {
  none: "neutral",
  upcoming: "warning",
  open: "success",
  "sold out": "accent",
  ended: "neutral",
};
