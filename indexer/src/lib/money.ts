/**
 * Shared projections for every handler that moves money in the Ledger: one credit row, the balance,
 * and the per-day earnings, always together, so no handler can update one and forget another.
 */
import type { Context } from "ponder:registry";
import { balance, credit, earningDaily } from "ponder:schema";
import type { Hex } from "viem";

/** Lowercase hex (ids and columns compare as text). */
export const lower = (address: string): Hex => address.toLowerCase() as Hex;

/** UTC day "YYYY-MM-DD" of a unix timestamp in seconds. */
export function utcDay(timestamp: bigint): string {
  return new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
}

export type CreditInput = {
  id: string;
  owner: Hex;
  token: Hex;
  amount: bigint;
  source: string;
  from: Hex;
  split: Hex | null;
  txFrom: Hex;
  timestamp: bigint;
  block: bigint;
  logIndex: number;
  txHash: Hex;
};

/** Records one credit: the credit row, the owner's balance and its daily earnings. */
export async function recordCredit(context: Context, c: CreditInput): Promise<void> {
  const owner = lower(c.owner);
  const token = lower(c.token);
  const day = utcDay(c.timestamp);
  await context.db.insert(credit).values({
    id: c.id,
    owner,
    token,
    amount: c.amount,
    source: c.source,
    from: lower(c.from),
    split: c.split === null ? null : lower(c.split),
    txFrom: lower(c.txFrom),
    timestamp: c.timestamp,
    day,
    block: c.block,
    logIndex: c.logIndex,
    txHash: c.txHash,
  });
  await addToBalance(context, owner, token, c.amount, c.timestamp);
  await context.db
    .insert(earningDaily)
    .values({
      id: `${owner}-${token}-${day}-${c.source}`,
      account: owner,
      token,
      day,
      source: c.source,
      amount: c.amount,
      count: 1,
    })
    .onConflictDoUpdate((row) => ({ amount: row.amount + c.amount, count: row.count + 1 }));
}

/** Adds `delta` (negative for a debit) to a Ledger balance. */
export async function addToBalance(
  context: Context,
  owner: Hex,
  token: Hex,
  delta: bigint,
  timestamp: bigint,
): Promise<void> {
  const o = lower(owner);
  const t = lower(token);
  const id = `${o}-${t}`;
  if (delta < 0n) {
    const row = await context.db.find(balance, { id });
    const current = row?.amount ?? 0n;
    if (current + delta < 0n) {
      // The chain never lets a balance go negative: if we get here, a projection is wrong.
      throw new Error(`balance ${id} would go negative: ${current} + ${delta}`);
    }
  }
  await context.db
    .insert(balance)
    .values({ id, owner: o, token: t, amount: delta, updatedAt: timestamp })
    .onConflictDoUpdate((row) => ({ amount: row.amount + delta, updatedAt: timestamp }));
}
