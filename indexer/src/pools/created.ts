/** Revenue pools: PoolFactory:PoolCreated -> pool, its creator as first member, the vault's currencies. */
import { ponder } from "ponder:registry";
import { pool, poolMember } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { memberKey, openVault } from "../lib/revenue.ts";
import { countPlatform } from "../lib/totals.ts";

/** IRevenuePool.Rule and JoinPolicy. */
const RULES = ["equal", "weights"] as const;
const POLICIES = ["admin", "vote"] as const;

ponder.on("PoolFactory:PoolCreated", async ({ event, context }) => {
  const { admin, pool: address, params } = event.args;
  const timestamp = event.block.timestamp;
  await context.db.insert(pool).values({
    id: lower(address),
    admin: lower(admin),
    name: params.name,
    rule: RULES[params.rule] ?? String(params.rule),
    policy: POLICIES[params.policy] ?? String(params.policy),
    budgetBps: params.budgetBps,
    currency: lower(params.currency),
    memberCount: 1,
    totalWeight: params.weight,
    proposalCount: 0,
    createdAt: timestamp,
    createdBlock: event.block.number,
    txHash: event.transaction.hash,
  });
  // The constructor's MemberJoined came first (members.ts skips it): the creator joins here.
  await context.db.insert(poolMember).values({
    id: memberKey(address, admin),
    pool: lower(address),
    account: lower(admin),
    weight: params.weight,
    active: true,
    joinedAt: timestamp,
    leftAt: null,
    proposalId: null,
  });
  await openVault(context, address, "pool", params.currency, timestamp);
  await countPlatform(context, "pools", timestamp);
});
