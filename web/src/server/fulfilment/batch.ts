/**
 * One transaction for many orders: a collection's `multicall` of their mintPaid calls (each call runs as
 * the relayer, so the minter check holds). A batch is all or nothing, so it is simulated first (the gas
 * estimate runs it); one that would revert is minted order by order instead, where a bad order (sold out,
 * used id, bad receiver) gets its own exact failure and does not hold the others back.
 */
import { encodeFunctionData, getAddress, type Address } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import type { Order } from "./claim";
import { shortMessage } from "./chain";
import type { Ctx } from "./context";
import { mintCall, resolveFailure } from "./resolve";
import { broadcasted, withMargin, type Run, type Step } from "./send";

/** The multicall of a group of one collection's orders. */
export function multicallOf(group: Order[]) {
  return {
    address: getAddress(group[0]!.collection) as Address,
    abi: dropCollectionAbi,
    functionName: "multicall" as const,
    args: [group.map((o) => encodeFunctionData(mintCall(o)))] as const,
  };
}

/** Orders grouped by collection, in the order they were taken, in batches of at most `size`. */
export function byCollection(orders: Order[], size: number): Order[][] {
  const groups = new Map<string, Order[]>();
  for (const o of orders) {
    const key = o.collection.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const batches: Order[][] = [];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += size) batches.push(group.slice(i, i + size));
  return batches;
}

/**
 * Simulates a batch (its gas estimate runs it): the gas it needs, or null when it would revert (it is then
 * minted order by order). A run simulates all its batches at once, against the same state.
 */
export async function simulateBatch(ctx: Ctx, group: Order[]): Promise<bigint | null> {
  if (group.length < 2) return null; // one order: its own mintPaid (cheaper, and its exact error)
  try {
    return await ctx.chain.client.estimateContractGas({ ...multicallOf(group), account: ctx.chain.account });
  } catch (error) {
    ctx.log(`a batch of ${group.length} orders would not mint (${shortMessage(error)}): one by one`);
    return null;
  }
}

/** Sends a simulated batch as one multicall. */
export async function sendBatch(run: Run, group: Order[], gas: bigint): Promise<Step> {
  const { ctx } = run;
  let hash;
  try {
    hash = await ctx.chain.wallet.writeContract({
      ...multicallOf(group),
      gas: withMargin(gas),
      nonce: run.nonce,
      ...run.fees,
    });
  } catch (error) {
    // Whether this nonce was used is unknown: every order of the batch waits; the next run reads the chain.
    const message = `The batch was not sent: ${shortMessage(error)}`;
    for (const order of group) run.count(await resolveFailure(ctx, order, { kind: "transient", message }));
    return "stop";
  }
  await broadcasted(run, group, hash);
  return "sent";
}
