/**
 * One minting run: take due paid orders (up to BATCHES_PER_RUN batches), send one multicall per batch of a
 * collection's orders (at most batchSize; a batch that would revert goes order by order) back to back with
 * nonces counted here, record each hash right after broadcast, then wait for all receipts. A run takes
 * about as long as one mint, not one per order, and the chain spends one transaction per batch.
 */
import { getAddress, type Hex } from "viem";
import { byCollection, sendBatch, simulateBatch } from "./batch";
import { claimDue, release, type Order } from "./claim";
import { mintedIn, shortMessage } from "./chain";
import { backoffMs, type Ctx } from "./context";
import { screenLate, LATE_NO_ROOM } from "./late";
import { markFailed, markMintedAll, retryLater } from "./record";
import { explainFailedReceipt, type Outcome } from "./resolve";
import { sendOne, type Run } from "./send";

/** Outcomes of a run, and how many orders it took (a full batch means more may be due). */
export type MintCounts = { minted: number; failed: number; retried: number; taken: number };

/** Batches a run takes and sends before it waits for receipts. */
export const BATCHES_PER_RUN = 4;

/** The most orders one run takes (a run that takes this many may leave more due). */
export const runLimit = (ctx: Ctx) => ctx.batchSize * BATCHES_PER_RUN;

/** How long a broadcast mint may take to be mined before the order is retried (the order id guards it). */
const RECEIPT_TIMEOUT_MS = 120_000;

export async function mintDue(ctx: Ctx): Promise<MintCounts> {
  const counts: MintCounts = { minted: 0, failed: 0, retried: 0, taken: 0 };
  const count = (o: Outcome) => {
    if (o !== "none") counts[o]++;
  };
  const claimed = await claimDue(ctx, runLimit(ctx));
  counts.taken = claimed.length;
  if (claimed.length === 0) return counts;
  // A payment that arrived after its order's hold ended must not take copies held by newer buyers (./late.ts).
  const { mint: batch, refused } = await screenLate(ctx, claimed);
  for (const order of refused) if (await markFailed(ctx, order, LATE_NO_ROOM)) counts.failed++;
  if (batch.length === 0) return counts;
  const { client, relayer } = ctx.chain;

  // The chain's nonce and fees, and every batch's simulation, in one round of requests (under load each
  // request waits in the node's queue: fewer rounds, faster mints).
  const batches = byCollection(batch, ctx.batchSize);
  let run: Run;
  let gases: (bigint | null)[];
  try {
    const [nonce, fees, simulated] = await Promise.all([
      client.getTransactionCount({ address: relayer, blockTag: "pending" }),
      client.estimateFeesPerGas(),
      Promise.all(batches.map((b) => simulateBatch(ctx, b))),
    ]);
    run = { ctx, nonce, fees, sent: [], records: [], count };
    gases = simulated;
  } catch (error) {
    for (const order of batch) count(await retryLater(ctx, order, `The chain did not answer: ${shortMessage(error)}`));
    return counts;
  }

  await sendAll(run, batches, gases);
  await Promise.all(run.records);
  const outcomes = await Promise.all(run.sent.map(({ orders, hash }) => confirmAll(ctx, orders, hash)));
  outcomes.flat().forEach(count);
  return counts;
}

/** Each simulated batch as one transaction, the others order by order; stops where the chain fails. */
async function sendAll(run: Run, batches: Order[][], gases: (bigint | null)[]): Promise<void> {
  const queue = batches.flat();
  let done = 0;
  const stop = (failed: Order) =>
    release(
      run.ctx,
      queue.slice(done).map((o) => o.id),
      new Date(run.ctx.now().getTime() + backoffMs(run.ctx.retry, failed.attempts)),
    );
  for (const [i, group] of batches.entries()) {
    const gas = gases[i];
    if (gas != null) {
      done += group.length;
      if ((await sendBatch(run, group, gas)) === "stop") return stop(group[0]!);
      continue;
    }
    for (const order of group) {
      done++;
      if ((await sendOne(run, order)) === "stop") return stop(order);
    }
  }
}

/** Waits for a mint's receipt and records what it says for each order it was sent for. */
export async function confirmAll(ctx: Ctx, orders: Order[], hash: Hex): Promise<Outcome[]> {
  let receipt;
  try {
    receipt = await ctx.chain.client.waitForTransactionReceipt({
      hash,
      timeout: RECEIPT_TIMEOUT_MS,
      pollingInterval: 100,
    });
  } catch (error) {
    const why = `No receipt for ${hash}: ${shortMessage(error)}`;
    return Promise.all(orders.map((order) => retryLater(ctx, order, why)));
  }
  const { status, logs, blockNumber } = receipt;
  const isMinted = (o: Order) =>
    status === "success" && mintedIn(logs, getAddress(o.collection), o.chainOrderId as Hex);
  const minted = orders.filter(isMinted);
  const done = minted.length ? await markMintedAll(ctx, minted, hash, blockNumber) : new Set<string>();
  return Promise.all(
    orders.map(async (order): Promise<Outcome> => {
      if (isMinted(order)) return done.has(order.id) ? "minted" : "none";
      return explainFailedReceipt(ctx, order, hash, status);
    }),
  );
}

/** One order's mint (the restart reconciliation waits for a known transaction this way). */
export async function confirm(ctx: Ctx, order: Order, hash: Hex): Promise<Outcome> {
  return (await confirmAll(ctx, [order], hash))[0]!;
}
