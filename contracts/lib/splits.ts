/**
 * The split rules of contracts/splits (SplitConfigLib.sol, Splits.distribute) in TypeScript, for the
 * web form (explain a bad split before anything is sent) and the indexer (replay a distribution,
 * since the chain emits one event per distribution, not one per recipient). Tests hold both sides to
 * the same results.
 */
import { getAddress, isAddress, type Address } from "viem";

export const PPM = 1_000_000;
export const MAX_RECIPIENTS = 200;
export const MAX_DISTRIBUTOR_FEE = 10_000;

export type SplitConfig = {
  recipients: readonly Address[];
  allocations: readonly number[];
  distributorFee: number;
  advancer: Address;
  advanceToken: Address;
  advanceAmount: bigint;
};

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as Address;

/** A config problem, named like the contract's custom error it prevents. */
export type SplitConfigError = { error: string; message: string; index?: number };

/** Checks a config exactly as SplitConfigLib.validate does; returns the first problem or null. */
export function validateSplitConfig(config: SplitConfig): SplitConfigError | null {
  const n = config.recipients.length;
  if (n === 0) return { error: "Splits_NoRecipients", message: "Add at least one recipient." };
  if (n > MAX_RECIPIENTS)
    return { error: "Splits_TooManyRecipients", message: `At most ${MAX_RECIPIENTS} recipients (you have ${n}).` };
  if (config.allocations.length !== n)
    return { error: "Splits_LengthMismatch", message: "Every recipient needs exactly one share." };
  if (config.distributorFee > MAX_DISTRIBUTOR_FEE)
    return { error: "Splits_DistributorFeeTooHigh", message: "The distributor reward is at most 1%." };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = config.recipients[i]!;
    if (!isAddress(r) || BigInt(r) === 0n)
      return { error: "Splits_ZeroAddress", message: `Recipient ${i + 1} is not a valid address.`, index: i };
    if (i > 0) {
      const prev = BigInt(config.recipients[i - 1]!);
      if (BigInt(r) === prev)
        return { error: "Splits_DuplicateRecipient", message: `Recipient ${i + 1} appears twice.`, index: i };
      if (BigInt(r) < prev)
        return { error: "Splits_RecipientsNotSorted", message: "Recipients must be sorted by address.", index: i };
    }
    const a = config.allocations[i]!;
    if (!Number.isInteger(a) || a <= 0)
      return { error: "Splits_ZeroAllocation", message: `Recipient ${i + 1} needs a share above 0%.`, index: i };
    total += a;
  }
  if (total !== PPM)
    return {
      error: "Splits_InvalidTotal",
      message: `Shares must add up to exactly 100% (they add up to ${(total / 10_000).toFixed(4)}%).`,
    };
  const hasAdvancer = BigInt(config.advancer) !== 0n;
  if (hasAdvancer !== (config.advanceAmount !== 0n) || (!hasAdvancer && BigInt(config.advanceToken) !== 0n))
    return { error: "Splits_InvalidAdvance", message: "An advance needs both an advancer and an amount." };
  return null;
}

/** Sorts recipient rows by address (the contract requires ascending order) and checksums them. */
export function sortRecipients<T extends { address: string }>(rows: readonly T[]): T[] {
  return [...rows]
    .map((r) => ({ ...r, address: isAddress(r.address) ? getAddress(r.address) : r.address }))
    .sort((a, b) => {
      const x = isAddress(a.address) ? BigInt(a.address) : 0n;
      const y = isAddress(b.address) ? BigInt(b.address) : 0n;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** Percent (up to 4 decimals, e.g. "33.3333") to parts per million; NaN when not a number. */
export function percentToPpm(percent: string | number): number {
  const n = typeof percent === "number" ? percent : Number(percent.trim());
  if (!Number.isFinite(n)) return Number.NaN;
  return Math.round(n * 10_000);
}

/** Replays Splits.distribute: what each recipient received from one SplitDistributed event. */
export function recipientShares(
  config: Pick<SplitConfig, "recipients" | "allocations">,
  amount: bigint,
  advancePaid: bigint,
  reward: bigint,
): { recipient: Address; amount: bigint }[] {
  const rest = amount - advancePaid - reward;
  return config.recipients.map((recipient, i) => ({
    recipient,
    amount: (rest * BigInt(config.allocations[i]!)) / BigInt(PPM),
  }));
}

/**
 * The config with `recipient` taking `ppm` of the split (added, or its part replaced) and every other
 * recipient scaled down proportionally to share the rest; rounding goes to the largest other recipient so
 * the total stays exactly 1,000,000. Used to name a royalty-shares vault or a revenue pool in a split.
 * Throws when `ppm` is not between 1 and 999,999 or when nobody else is left to share the rest.
 */
export function withRecipient(config: SplitConfig, recipient: Address, ppm: number): SplitConfig {
  if (!Number.isInteger(ppm) || ppm <= 0 || ppm >= PPM) throw new Error(`a part must be between 0% and 100%: ${ppm}`);
  const target = getAddress(recipient);
  const others = config.recipients
    .map((address, i) => ({ address: getAddress(address), ppm: config.allocations[i]! }))
    .filter((r) => r.address !== target);
  const before = others.reduce((sum, r) => sum + r.ppm, 0);
  if (others.length === 0 || before === 0) throw new Error("the split has no other recipient to scale");
  const rest = PPM - ppm;
  const scaled = others.map((r) => ({ address: r.address, ppm: Math.floor((r.ppm * rest) / before) }));
  const largest = scaled.reduce((best, r, i) => (r.ppm > scaled[best]!.ppm ? i : best), 0);
  scaled[largest]!.ppm += rest - scaled.reduce((sum, r) => sum + r.ppm, 0);
  if (scaled.some((r) => r.ppm <= 0)) throw new Error("a recipient's part would round to 0%");
  const rows = sortRecipients([...scaled, { address: target, ppm }]);
  return {
    ...config,
    recipients: rows.map((r) => r.address as Address),
    allocations: rows.map((r) => r.ppm),
  };
}
