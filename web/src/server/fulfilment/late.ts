/**
 * A late payment: Stripe keeps a session payable for 31 minutes, but an unpaid order holds its copies for
 * 10 only (../checkout/holds.ts). Once its hold lapsed, those copies could be sold to, or held by, a newer
 * buyer, and the chain's supply check alone would let the late order take them: the newer buyer's paid
 * order would then be the one refused. So before minting, a late order (paid after its hold ended) must
 * fit in what the chain has left minus the copies other orders hold ahead of it; otherwise it fails with
 * LATE_NO_ROOM and is refunded (markFailed), and nobody else's copies are touched.
 *
 * Ahead of a late order: pending orders still within their hold, paid or minting orders that were paid in
 * their hold, and late orders paid before it (first paid, first served). An order minting in another run
 * may be counted both by the chain and here: that errs towards a refund, never towards overselling.
 */
import { and, eq, gt, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getAddress } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import { orders } from "../db/schema";
import { heldPending } from "../checkout/holds";
import type { Order } from "./claim";
import type { Ctx } from "./context";
import { LATE_NO_ROOM } from "../../lib/checkout/types";

export { LATE_NO_ROOM };

/** Copies the chain can still mint of an edition (null: open edition). */
export type RemainingReader = (collection: string, tokenId: bigint) => Promise<number | null>;

export function chainRemaining(ctx: Ctx): RemainingReader {
  return async (collection, tokenId) => {
    const edition = await ctx.chain.client.readContract({
      address: getAddress(collection),
      abi: dropCollectionAbi,
      functionName: "edition",
      args: [tokenId],
    });
    return edition.config.maxSupply === 0 ? null : edition.config.maxSupply - edition.minted;
  };
}

/** Paid after its hold ended (orders from before holds, with no hold, are never late). */
export function isLate(order: Pick<Order, "holdUntil" | "paidAt">): boolean {
  return order.holdUntil !== null && order.paidAt !== null && order.paidAt.getTime() > order.holdUntil.getTime();
}

const paidLate = and(isNotNull(orders.holdUntil), gt(orders.paidAt, orders.holdUntil))!;

/** Copies of the order's edition that other orders hold ahead of it at `now`. */
export async function heldAhead(ctx: Pick<Ctx, "db">, order: Order, now: Date): Promise<number> {
  const paidOrMinting = inArray(orders.status, ["paid", "minting"]);
  const earlier: SQL = or(
    lt(orders.paidAt, order.paidAt!),
    and(eq(orders.paidAt, order.paidAt!), lt(orders.id, order.id)),
  )!;
  const [row] = await ctx.db
    .select({ n: sql<string>`coalesce(sum(${orders.quantity}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.collection, order.collection),
        eq(orders.tokenId, order.tokenId),
        ne(orders.id, order.id),
        or(heldPending(now), and(paidOrMinting, sql`not (${paidLate})`), and(paidOrMinting, paidLate, earlier)),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Splits a claimed batch: the orders that may be minted, and the late ones without room, which are failed
 * and refunded here. A late order whose room cannot be read (the chain did not answer) is minted as before:
 * the chain's supply check still stops it at the supply.
 */
export async function screenLate(
  ctx: Ctx,
  batch: Order[],
  readRemaining: RemainingReader = ctx.deps.readRemaining ?? chainRemaining(ctx),
): Promise<{ mint: Order[]; refused: Order[] }> {
  const mint: Order[] = [];
  const refused: Order[] = [];
  const now = ctx.now();
  for (const order of batch) {
    if (!isLate(order)) {
      mint.push(order);
      continue;
    }
    let remaining: number | null;
    try {
      remaining = await readRemaining(order.collection, order.tokenId);
    } catch {
      mint.push(order);
      continue;
    }
    if (remaining === null || remaining - (await heldAhead(ctx, order, now)) >= order.quantity) mint.push(order);
    else refused.push(order);
  }
  return { mint, refused };
}
