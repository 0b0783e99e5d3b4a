/**
 * On start, before minting: every order left `minting` by a crash (between sending and recording) is
 * settled from the chain, so nothing is minted twice. The chain's orderMinted(id) is the truth: minted
 * means the OrderMinted log is recorded; otherwise a known transaction is waited for or explained, and an
 * order the chain never saw goes back to paid (the on-chain order id guards a second send anyway).
 * Settlements left `sending` are finished from the chain's Paid events.
 */
import { eq } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import { orders } from "../db/schema";
import type { Order } from "./claim";
import { shortMessage } from "./chain";
import type { Ctx } from "./context";
import { confirm } from "./mint";
import { backToPaid } from "./record";
import { explainFailedReceipt, fromChainLog, type Outcome } from "./resolve";
import { finishStale } from "./settle";

export class ReconcileError extends Error {}

export async function reconcile(ctx: Ctx): Promise<void> {
  const stuck = await ctx.db.select().from(orders).where(eq(orders.status, "minting"));
  const errors: string[] = [];
  for (const order of stuck) {
    try {
      const outcome = await reconcileOrder(ctx, order);
      ctx.log(`reconciled order ${order.id}: ${outcome}`);
    } catch (error) {
      errors.push(`order ${order.id}: ${shortMessage(error)}`);
    }
  }
  await finishStale(ctx, 0);
  // Left minting, these orders would never be taken again: the caller retries reconcile before minting.
  if (errors.length) throw new ReconcileError(`could not reconcile ${errors.length} orders: ${errors.join("; ")}`);
}

async function reconcileOrder(ctx: Ctx, order: Order): Promise<Outcome | "back to paid"> {
  const { client } = ctx.chain;
  const id = order.chainOrderId as Hex;
  const minted = await client.readContract({
    address: getAddress(order.collection),
    abi: dropCollectionAbi,
    functionName: "orderMinted",
    args: [id],
  });
  if (minted) return fromChainLog(ctx, order);
  if (order.mintTx) {
    const hash = order.mintTx as Hex;
    const receipt = await client.getTransactionReceipt({ hash }).catch(() => null);
    if (receipt) return explainFailedReceipt(ctx, order, hash, receipt.status);
    // Known but not mined yet (a real chain): wait for it rather than send a second one.
    const pending = await client.getTransaction({ hash }).catch(() => null);
    if (pending) return confirm(ctx, order, hash);
  }
  await backToPaid(ctx, order, "The worker stopped before the mint reached the chain; it is sent again.");
  return "back to paid";
}
