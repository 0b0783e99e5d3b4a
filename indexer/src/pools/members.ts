/** Revenue pools: members join (an accepted request) and leave; the pool's count and total weight follow. */
import { ponder } from "ponder:registry";
import { pool, poolMember } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { memberKey } from "../lib/revenue.ts";

ponder.on("RevenuePool:MemberJoined", async ({ event, context }) => {
  const { account, weight, proposalId } = event.args;
  const id = lower(event.log.address);
  // The creator joins in the constructor, before PoolCreated, which records it.
  if (!(await context.db.find(pool, { id }))) return;
  const values = { weight, active: true, joinedAt: event.block.timestamp, leftAt: null, proposalId };
  // A former member who rejoins gets its row back.
  await context.db
    .insert(poolMember)
    .values({ id: memberKey(id, account), pool: id, account: lower(account), ...values })
    .onConflictDoUpdate(values);
  await context.db
    .update(pool, { id })
    .set((row) => ({ memberCount: row.memberCount + 1, totalWeight: row.totalWeight + weight }));
});

ponder.on("RevenuePool:MemberLeft", async ({ event, context }) => {
  const { account, weight } = event.args;
  const id = lower(event.log.address);
  await context.db
    .update(poolMember, { id: memberKey(id, account) })
    .set({ active: false, leftAt: event.block.timestamp });
  await context.db
    .update(pool, { id })
    .set((row) => ({ memberCount: row.memberCount - 1, totalWeight: row.totalWeight - weight }));
});
