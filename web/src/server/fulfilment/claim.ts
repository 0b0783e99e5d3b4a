/**
 * Taking paid orders to mint. The update is conditional (status = 'paid' in its WHERE, rows locked with
 * SKIP LOCKED), so two workers, in one process or many, never take the same order.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { orders } from "../db/schema";
import type { Ctx } from "./context";

export type Order = typeof orders.$inferSelect;

/**
 * Takes up to `limit` due paid orders, oldest paid first: minting, attempts + 1. Two statements in one
 * transaction: a single `UPDATE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)` takes more
 * than n rows in PostgreSQL and PGlite (the semi-join rescans the locking subquery, which skips the rows
 * the UPDATE already changed and yields the next ones).
 */
export async function claimDue(ctx: Ctx, limit = ctx.batchSize, now = ctx.now()): Promise<Order[]> {
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, "paid"), or(isNull(orders.nextAttemptAt), lte(orders.nextAttemptAt, now))))
      .orderBy(asc(orders.paidAt), asc(orders.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const taken = await tx
      .update(orders)
      .set({ status: "minting", attempts: sql`${orders.attempts} + 1`, mintingAt: now, updatedAt: now })
      .where(
        and(
          inArray(
            orders.id,
            due.map((d) => d.id),
          ),
          eq(orders.status, "paid"),
        ),
      )
      .returning();
    return taken.sort((a, b) => (a.paidAt?.getTime() ?? 0) - (b.paidAt?.getTime() ?? 0));
  });
}

/**
 * Puts orders that were taken but never sent back to paid (a send before them failed): the attempt is
 * given back, and they wait as long as the order whose send failed.
 */
export async function release(ctx: Ctx, ids: string[], notBefore: Date): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db
    .update(orders)
    .set({
      status: "paid",
      attempts: sql`greatest(${orders.attempts} - 1, 0)`,
      nextAttemptAt: notBefore,
      updatedAt: ctx.now(),
    })
    .where(and(inArray(orders.id, ids), eq(orders.status, "minting")));
}
