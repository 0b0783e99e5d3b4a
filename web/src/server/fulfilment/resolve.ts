/**
 * What a mint that did not simply succeed means for its order, shared by the minting run and the restart
 * reconciliation: an order id the chain already used is taken from the chain's OrderMinted log, a decoded
 * revert fails the order (and refunds it), anything else is retried later.
 */
import { getAddress, type Address, type Hex } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import type { Order } from "./claim";
import { findOrderMinted, readMintError, type MintFailure } from "./chain";
import type { Ctx } from "./context";
import { markFailed, markMinted, retryLater } from "./record";

export type Outcome = "minted" | "failed" | "retried" | "none";

/** The arguments of mintPaid for an order (the wallet, the edition, the quantity, the on-chain order id). */
export function mintCall(order: Order) {
  return {
    address: getAddress(order.collection) as Address,
    abi: dropCollectionAbi,
    functionName: "mintPaid" as const,
    args: [getAddress(order.wallet), order.tokenId, BigInt(order.quantity), order.chainOrderId as Hex] as const,
  };
}

export async function resolveFailure(ctx: Ctx, order: Order, failure: MintFailure): Promise<Outcome> {
  if (failure.kind === "already") return fromChainLog(ctx, order);
  if (failure.kind === "permanent") return (await markFailed(ctx, order, failure.message)) ? "failed" : "none";
  return retryLater(ctx, order, failure.message);
}

/** The chain says the order id was minted: the OrderMinted log gives the transaction and block. */
export async function fromChainLog(ctx: Ctx, order: Order): Promise<Outcome> {
  const found = await findOrderMinted(
    ctx.chain.client,
    getAddress(order.collection),
    order.chainOrderId as Hex,
    ctx.fromBlock,
  );
  if (!found) return retryLater(ctx, order, "The order id is used on chain but its OrderMinted log was not found.");
  ctx.log(`order ${order.id} was already minted in ${found.hash} (block ${found.block})`);
  return (await markMinted(ctx, order, found.hash, found.block)) ? "minted" : "none";
}

/**
 * A mint transaction reverted, or succeeded without minting the order: the call is simulated again to
 * learn why (a reverted receipt carries no reason). If it would pass now, the failure was passing.
 */
export async function explainFailedReceipt(
  ctx: Ctx,
  order: Order,
  hash: Hex,
  status: "success" | "reverted",
): Promise<Outcome> {
  try {
    await ctx.chain.client.simulateContract({ ...mintCall(order), account: ctx.chain.account });
  } catch (error) {
    return resolveFailure(ctx, order, readMintError(error));
  }
  if (status === "success")
    return (await markFailed(ctx, order, `The collection did not mint the order in ${hash} (no OrderMinted log).`))
      ? "failed"
      : "none";
  return retryLater(ctx, order, `The mint transaction ${hash} reverted.`);
}
