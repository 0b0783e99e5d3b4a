/**
 * One minting run: take a batch of due paid orders, send their mintPaid transactions back to back with
 * nonces counted here (no waiting for a receipt between them), record each hash right after broadcast,
 * then wait for all receipts. A batch takes about as long as one mint, not one mint per order.
 */
import { getAddress, type Hex } from "viem";
import { claimDue, release, type Order } from "./claim";
import { mintedIn, readMintError, shortMessage, type MintFailure } from "./chain";
import { backoffMs, type Ctx } from "./context";
import { markMinted, recordTx, retryLater } from "./record";
import { explainFailedReceipt, mintCall, resolveFailure, type Outcome } from "./resolve";

/** Outcomes of a run, and how many orders it took (a full batch means more may be due). */
export type MintCounts = { minted: number; failed: number; retried: number; taken: number };

/** How long a broadcast mint may take to be mined before the order is retried (the order id guards it). */
const RECEIPT_TIMEOUT_MS = 120_000;

export async function mintDue(ctx: Ctx): Promise<MintCounts> {
  const counts: MintCounts = { minted: 0, failed: 0, retried: 0, taken: 0 };
  const count = (o: Outcome) => {
    if (o !== "none") counts[o]++;
  };
  const batch = await claimDue(ctx);
  counts.taken = batch.length;
  if (batch.length === 0) return counts;
  const { client, wallet, relayer } = ctx.chain;

  let nonce: number;
  let fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint };
  try {
    [nonce, fees] = await Promise.all([
      client.getTransactionCount({ address: relayer, blockTag: "pending" }),
      client.estimateFeesPerGas(),
    ]);
  } catch (error) {
    for (const order of batch) count(await retryLater(ctx, order, `The chain did not answer: ${shortMessage(error)}`));
    return counts;
  }

  const sent: { order: Order; hash: Hex }[] = [];
  // Each hash is written as soon as its transaction is out, while the next one is prepared (not awaited
  // one by one: the writes would otherwise sit between the sends).
  const records: Promise<void>[] = [];
  for (let i = 0; i < batch.length; i++) {
    const order = batch[i]!;
    const call = mintCall(order);
    let gas: bigint;
    try {
      gas = await client.estimateContractGas({ ...call, account: ctx.chain.account });
    } catch (error) {
      // Nothing was sent: the nonce is still free for the next order, unless the chain itself is gone.
      const failure = readMintError(error);
      count(await resolveFailure(ctx, order, failure));
      if (failure.kind === "transient") {
        await releaseRest(ctx, batch.slice(i + 1), order);
        break;
      }
      continue;
    }
    let hash: Hex;
    try {
      hash = await wallet.writeContract({ ...call, gas: (gas * 12n) / 10n + 10_000n, nonce, ...fees });
    } catch (error) {
      // Whether this nonce was used is unknown: stop here; the next run reads the nonce again.
      count(await resolveFailure(ctx, order, asTransient(readMintError(error))));
      await releaseRest(ctx, batch.slice(i + 1), order);
      break;
    }
    nonce++;
    // A throw here is a crash between broadcast and record: reconcile() on the next start finds the mint.
    await ctx.deps.afterBroadcast?.(order.id, hash);
    const record = recordTx(ctx, order.id, hash);
    record.catch(() => {}); // awaited below; this only keeps a crash above from leaving it unhandled
    records.push(record);
    sent.push({ order, hash });
  }
  await Promise.all(records);
  const outcomes = await Promise.all(sent.map(({ order, hash }) => confirm(ctx, order, hash)));
  outcomes.forEach(count);
  return counts;
}

/** A send error that decodes as a revert is read as one; an order id already used is reconciled. */
function asTransient(failure: MintFailure): MintFailure {
  return failure.kind === "permanent" ? { kind: "transient", message: failure.message } : failure;
}

async function releaseRest(ctx: Ctx, rest: Order[], failed: Order) {
  await release(
    ctx,
    rest.map((o) => o.id),
    new Date(Date.now() + backoffMs(ctx.retry, failed.attempts)),
  );
}

/** Waits for the mint's receipt and records what it says. */
export async function confirm(ctx: Ctx, order: Order, hash: Hex): Promise<Outcome> {
  let receipt;
  try {
    receipt = await ctx.chain.client.waitForTransactionReceipt({
      hash,
      timeout: RECEIPT_TIMEOUT_MS,
      pollingInterval: 100,
    });
  } catch (error) {
    return retryLater(ctx, order, `No receipt for ${hash}: ${shortMessage(error)}`);
  }
  if (receipt.status === "success" && mintedIn(receipt.logs, getAddress(order.collection), order.chainOrderId as Hex))
    return (await markMinted(ctx, order, hash, receipt.blockNumber)) ? "minted" : "none";
  return explainFailedReceipt(ctx, order, hash, receipt.status);
}
