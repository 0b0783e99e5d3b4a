/**
 * Naming a vault (royalty shares, a revenue pool) in an artist's payout split at a part, the others
 * scaled to share the rest (withRecipient of @notalabel/contracts: sorted recipients, parts summing to
 * 1,000,000). Says in a sentence why it cannot be done: no split, an immutable one, someone else's.
 * Pure and unit-tested.
 */
import { getAddress, type Address } from "viem";
import { validateSplitConfig, withRecipient, type SplitConfig } from "@notalabel/contracts";
import type { SplitRow } from "../indexer.ts";
import { formatPpm } from "../format.ts";

export type NamingPlan = { ok: true; split: Address; config: SplitConfig } | { ok: false; reason: string };

/** The split's current configuration as the contract wants it (checksummed, bigint). */
export function configFromRow(split: SplitRow): SplitConfig {
  return {
    recipients: split.recipients.map((r) => getAddress(r)),
    allocations: split.allocations,
    distributorFee: split.distributorFee,
    advancer: getAddress(split.advancer),
    advanceToken: getAddress(split.advanceToken),
    advanceAmount: BigInt(split.advanceAmount),
  };
}

/** Whether `account` can change `split` (its payout split): null when it can, else why not. */
export function whyNotEditable(account: string, split: SplitRow | null): string | null {
  if (!split)
    return "Your payout goes straight to your wallet, not through a split. Create a payout split first, then name the vault in it.";
  if (split.isImmutable || !split.controller)
    return "Your payout split is immutable: nobody can add a recipient to it any more.";
  if (split.controller.toLowerCase() !== account.toLowerCase())
    return "Another wallet controls your payout split: ask its controller to name the vault in it.";
  return null;
}

export function planNaming(args: {
  /** The connected account (the artist). */
  account: string;
  /** The artist's payout split as indexed, or null when the payout is not a split. */
  split: SplitRow | null;
  vault: string;
  ppm: number;
}): NamingPlan {
  const { split, account, vault, ppm } = args;
  const why = whyNotEditable(account, split);
  if (why || !split) return { ok: false, reason: why ?? "" };
  const current = configFromRow(split);
  const at = current.recipients.findIndex((r) => r.toLowerCase() === vault.toLowerCase());
  if (at >= 0 && current.allocations[at] === ppm)
    return { ok: false, reason: `Your payout split already gives the vault ${formatPpm(ppm)}.` };
  let config: SplitConfig;
  try {
    config = withRecipient(current, getAddress(vault), ppm);
  } catch (e) {
    const m = (e as Error).message;
    return {
      ok: false,
      reason: m.includes("no other recipient")
        ? "The vault cannot take the whole split: someone else must keep the rest."
        : m.includes("round to 0%")
          ? "A recipient's part would round to 0%: choose a smaller part for the vault."
          : "That part is not possible: choose a part above 0% and below 100%.",
    };
  }
  const problem = validateSplitConfig(config);
  if (problem) return { ok: false, reason: problem.message };
  return { ok: true, split: getAddress(split.id), config };
}
