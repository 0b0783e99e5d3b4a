/**
 * Sending mints within one run: transactions go out back to back with nonces counted here (no waiting for
 * a receipt between them), and each hash is recorded on its orders right after broadcast. A transaction
 * mints one order (mintPaid) or a batch of one collection's orders (multicall, see ./batch.ts).
 */
import type { Hex } from "viem";
import type { Order } from "./claim";
import { readMintError, type MintFailure } from "./chain";
import type { Ctx } from "./context";
import { recordTx } from "./record";
import { mintCall, resolveFailure, type Outcome } from "./resolve";

export type Run = {
  ctx: Ctx;
  nonce: number;
  fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint };
  /** Broadcast transactions and the orders each one mints. */
  sent: { orders: Order[]; hash: Hex }[];
  /** Hash writes in flight (awaited before the receipts). */
  records: Promise<void>[];
  count: (o: Outcome) => void;
};

/**
 * "sent": broadcast; "settled": nothing sent, the order's failure was handled and the nonce is still free;
 * "stop": the chain is gone or the nonce's use is unknown, so the run sends nothing more.
 */
export type Step = "sent" | "settled" | "stop";

/** Gas limit from an estimate: a margin for state that moves between estimate and inclusion. */
export const withMargin = (gas: bigint) => (gas * 12n) / 10n + 10_000n;

/** One order's own mintPaid: its estimate's revert is its exact failure (sold out, used id, bad receiver). */
export async function sendOne(run: Run, order: Order): Promise<Step> {
  const { ctx } = run;
  const call = mintCall(order);
  let gas: bigint;
  try {
    gas = await ctx.chain.client.estimateContractGas({ ...call, account: ctx.chain.account });
  } catch (error) {
    const failure = readMintError(error);
    run.count(await resolveFailure(ctx, order, failure));
    return failure.kind === "transient" ? "stop" : "settled";
  }
  let hash: Hex;
  try {
    hash = await ctx.chain.wallet.writeContract({ ...call, gas: withMargin(gas), nonce: run.nonce, ...run.fees });
  } catch (error) {
    run.count(await resolveFailure(ctx, order, asTransient(readMintError(error))));
    return "stop";
  }
  await broadcasted(run, [order], hash);
  return "sent";
}

/** A send error that decodes as a revert is read as passing; an order id already used is reconciled. */
export function asTransient(failure: MintFailure): MintFailure {
  return failure.kind === "permanent" ? { kind: "transient", message: failure.message } : failure;
}

/**
 * A transaction is out: the nonce is used, and its hash is written on every order it mints while the next
 * one is prepared (not awaited here: the writes would otherwise sit between the sends).
 */
export async function broadcasted(run: Run, orders: Order[], hash: Hex): Promise<void> {
  run.nonce++;
  // A throw here is a crash between broadcast and record: reconcile() on the next start finds the mint.
  for (const order of orders) await run.ctx.deps.afterBroadcast?.(order.id, hash);
  const record = recordTx(
    run.ctx,
    orders.map((o) => o.id),
    hash,
  );
  record.catch(() => {}); // awaited by the run; this only keeps a crash above from leaving it unhandled
  run.records.push(record);
  run.sent.push({ orders, hash });
}
