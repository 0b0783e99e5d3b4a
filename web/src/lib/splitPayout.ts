/**
 * A split's payout: its configuration as the contract wants it, the distribution call, and what waits in
 * it for one recipient. A sale pays the artist's split, and nothing reaches the recipients' balances until
 * someone distributes it. The share mirrors Splits.distribute (contracts/splits/Splits.sol): the advance is
 * recouped first, then the distributor's reward, then each recipient gets floor(rest * allocation / PPM).
 * Pure; the pages read the amounts from the chain.
 */
import { PPM, ledgerAbi, recipientShares } from "@notalabel/contracts";
import { getAddress, zeroAddress, type Address } from "viem";
import type { SplitRow } from "./indexer.ts";
import { configFromRow } from "./shares/nameInSplit.ts";

/** The split's current configuration as the contract wants it (one definition: lib/shares/nameInSplit.ts). */
export const configOf = configFromRow;

/**
 * Ledger.distribute of everything `split` holds in `token`. Anyone may call it and it cannot send money
 * anywhere else: the contract checks the configuration against the split's stored hash (a stale or forged
 * one reverts with Splits_ConfigMismatch) and credits only the recipients (and advancer) it names. The
 * distributor is the zero address, which the contract reads as the caller: its reward, if any, goes to
 * whoever clicks.
 */
export function distributeCall(ledger: Address, split: SplitRow, token: Address) {
  return {
    address: ledger,
    abi: ledgerAbi,
    functionName: "distribute",
    args: [getAddress(split.id), token, configOf(split), zeroAddress],
  } as const;
}

export type SplitTerms = Pick<
  SplitRow,
  "recipients" | "allocations" | "distributorFee" | "advancer" | "advanceToken" | "advanceAmount" | "recouped"
>;

export type Pending = {
  /** What `account` would receive from distributing `amount` (its share, plus the advance it is owed). */
  share: bigint;
  /** The distributor's reward: it goes to whoever distributes (the account itself when it clicks). */
  reward: bigint;
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `account`'s part of distributing `amount` of `token` from a split with these terms. */
export function pendingShare(split: SplitTerms, token: string, amount: bigint, account: string): Pending {
  if (amount <= 0n) return { share: 0n, reward: 0n };
  let advancePaid = 0n;
  const advance = BigInt(split.advanceAmount);
  const recouped = BigInt(split.recouped);
  if (BigInt(split.advancer) !== 0n && same(token, split.advanceToken) && recouped < advance)
    advancePaid = advance - recouped < amount ? advance - recouped : amount;
  const reward = ((amount - advancePaid) * BigInt(split.distributorFee)) / BigInt(PPM);
  const config = { recipients: split.recipients as Address[], allocations: split.allocations };
  const own = recipientShares(config, amount, advancePaid, reward)
    .filter((r) => same(r.recipient, account))
    .reduce((sum, r) => sum + r.amount, 0n);
  return { share: own + (same(split.advancer, account) ? advancePaid : 0n), reward };
}

/** The undistributed amount of a split in a token: its Ledger balance plus what was sent to its address. */
export function undistributed(inLedger: bigint | null | undefined, atAddress: bigint | null | undefined): bigint {
  return (inLedger ?? 0n) + (atAddress ?? 0n);
}
