/**
 * Rewards: each posted root (reward_epoch), each paid reward (reward_claim) and the budget (reward_budget),
 * so the web app lists epochs and claims without reading the chain.
 */
import { ponder } from "ponder:registry";
import type { Context } from "ponder:registry";
import { rewardBudget, rewardClaim, rewardEpoch } from "ponder:schema";
import type { Hex } from "viem";
import { lower } from "../lib/money.ts";
import { rewardsDeployed } from "./present.ts";

/** Adds to the budget's counters (the row is created by the first event). */
async function addBudget(
  context: Context,
  contract: Hex,
  delta: { funded?: bigint; withdrawn?: bigint; liveTotals?: bigint },
): Promise<void> {
  await context.db
    .insert(rewardBudget)
    .values({
      id: lower(contract),
      funded: delta.funded ?? 0n,
      withdrawn: delta.withdrawn ?? 0n,
      liveTotals: delta.liveTotals ?? 0n,
    })
    .onConflictDoUpdate((row) => ({
      funded: row.funded + (delta.funded ?? 0n),
      withdrawn: row.withdrawn + (delta.withdrawn ?? 0n),
      liveTotals: row.liveTotals + (delta.liveTotals ?? 0n),
    }));
}

if (rewardsDeployed) {
  ponder.on("Rewards:RootPosted", async ({ event, context }) => {
    const { epoch, root, total, availableAt } = event.args;
    await context.db.insert(rewardEpoch).values({
      epoch,
      root,
      total,
      claimed: 0n,
      availableAt: BigInt(availableAt),
      revoked: false,
      postedTx: event.transaction.hash,
      postedAt: event.block.timestamp,
      postedBlock: event.block.number,
      postedLogIndex: event.log.logIndex,
    });
    await addBudget(context, event.log.address, { liveTotals: total });
  });

  ponder.on("Rewards:RootRevoked", async ({ event, context }) => {
    await context.db.update(rewardEpoch, { epoch: event.args.epoch }).set({
      revoked: true,
      revokedBlock: event.block.number,
      revokedLogIndex: event.log.logIndex,
    });
    await addBudget(context, event.log.address, { liveTotals: -event.args.total });
  });

  ponder.on("Rewards:Claimed", async ({ event, context }) => {
    const { epoch, rewardId, account, badge, amount } = event.args;
    await context.db.insert(rewardClaim).values({
      rewardId,
      epoch,
      account: lower(account),
      badge,
      amount,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    });
    await context.db.update(rewardEpoch, { epoch }).set((row) => ({ claimed: row.claimed + amount }));
  });

  ponder.on("Rewards:Funded", async ({ event, context }) => {
    await addBudget(context, event.log.address, { funded: event.args.amount });
  });

  ponder.on("Rewards:Withdrawn", async ({ event, context }) => {
    await addBudget(context, event.log.address, { withdrawn: event.args.amount });
  });
}
