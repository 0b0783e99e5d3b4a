/**
 * What the worker writes about an order after talking to the chain. Every move is conditional on the order
 * still being `minting`: a refund or dispute that the webhook applied meanwhile wins.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Hex } from "viem";
import { orders, settlementEntries } from "../db/schema";
import { cardFeeCents, centsToUnits } from "../checkout/orderKey";
import type { Order } from "./claim";
import { backoffMs, type Ctx } from "./context";

/** The broadcast transaction (one for every order of a batch), kept so a restart can look for its receipt. */
export async function recordTx(ctx: Ctx, orderIds: string[], hash: Hex): Promise<void> {
  await ctx.db.update(orders).set({ mintTx: hash, updatedAt: ctx.now() }).where(inArray(orders.id, orderIds));
}

/**
 * The chain minted these orders (one transaction): minted, and in the same database transaction each one's
 * sale entry for the artist (amount minus the card fee). An order refunded or disputed meanwhile keeps its
 * status and gets no sale entry (nothing to take back later), but the mint is recorded. Returns the ids
 * that became minted. One database transaction for a whole batch: the worker shares the server's event loop
 * and database with the webhook, so fewer round trips mean faster mints under load.
 */
export async function markMintedAll(ctx: Ctx, minted: Order[], hash: Hex, block: bigint): Promise<Set<string>> {
  const at = ctx.now();
  // The card fee depends only on the amount: one update per distinct amount (a burst has few).
  const byAmount = new Map<number, string[]>();
  for (const o of minted) byAmount.set(o.amountCents, [...(byAmount.get(o.amountCents) ?? []), o.id]);
  return ctx.db.transaction(async (tx) => {
    const done = new Set<string>();
    const sales: (typeof settlementEntries.$inferInsert)[] = [];
    for (const [amountCents, ids] of byAmount) {
      const fee = cardFeeCents(amountCents, ctx.deps.cardFee);
      const rows = await tx
        .update(orders)
        .set({
          status: "minted",
          mintTx: hash,
          mintBlock: block,
          mintedAt: at,
          cardFeeCents: fee,
          lastError: null,
          updatedAt: at,
        })
        .where(and(inArray(orders.id, ids), eq(orders.status, "minting")))
        .returning({ id: orders.id, artist: orders.artist });
      for (const row of rows) {
        done.add(row.id);
        sales.push({ artist: row.artist, orderId: row.id, kind: "sale", units: centsToUnits(amountCents - fee) });
      }
    }
    if (sales.length) await tx.insert(settlementEntries).values(sales).onConflictDoNothing();
    const closed = minted.filter((o) => !done.has(o.id)).map((o) => o.id);
    if (closed.length)
      await tx.update(orders).set({ mintTx: hash, mintBlock: block, updatedAt: at }).where(inArray(orders.id, closed));
    return done;
  });
}

/** One order's mint (see markMintedAll); whether it became minted. */
export async function markMinted(ctx: Ctx, order: Order, hash: Hex, block: bigint): Promise<boolean> {
  return (await markMintedAll(ctx, [order], hash, block)).has(order.id);
}

/** The order can never be minted: failed with a readable reason, and Stripe is asked to refund it once. */
export async function markFailed(ctx: Ctx, order: Order, message: string): Promise<boolean> {
  const at = ctx.now();
  const [row] = await ctx.db
    .update(orders)
    .set({ status: "failed", lastError: message, closedAt: at, updatedAt: at })
    .where(and(eq(orders.id, order.id), eq(orders.status, "minting")))
    .returning({ id: orders.id, paymentIntent: orders.paymentIntent });
  if (!row) return false;
  ctx.log(`order ${order.id} failed: ${message}; refunding`);
  try {
    await ctx.deps.refund(row);
  } catch (error) {
    // The order stays failed; support refunds it by hand (the reason is in the log and last_error).
    ctx.log(`refund of order ${order.id} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}

/**
 * A failure that may pass (RPC down, timeout): back to paid after a doubling wait; after maxAttempts the
 * order fails for good (and is refunded). Returns "retried" or "failed".
 */
export async function retryLater(ctx: Ctx, order: Order, message: string): Promise<"retried" | "failed"> {
  if (order.attempts >= ctx.retry.maxAttempts) {
    await markFailed(ctx, order, `Minting failed ${order.attempts} times: ${message}`);
    return "failed";
  }
  const at = ctx.now();
  await ctx.db
    .update(orders)
    .set({
      status: "paid",
      lastError: message,
      nextAttemptAt: new Date(at.getTime() + backoffMs(ctx.retry, order.attempts)),
      updatedAt: at,
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, "minting")));
  return "retried";
}

/** Back to paid at once (reconcile: the chain never saw the mint); the attempt stays counted. */
export async function backToPaid(ctx: Ctx, order: Order, why: string): Promise<void> {
  const at = ctx.now();
  await ctx.db
    .update(orders)
    .set({ status: "paid", nextAttemptAt: at, mintTx: null, lastError: why, updatedAt: at })
    .where(and(eq(orders.id, order.id), eq(orders.status, "minting")));
}
