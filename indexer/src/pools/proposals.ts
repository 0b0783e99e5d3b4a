/** Revenue pools: join requests and budget spends, their votes and how they end. */
import { ponder } from "ponder:registry";
import { pool, poolProposal, poolVote } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { proposalKey } from "../lib/revenue.ts";
import { reachMilestone } from "../lib/milestones.ts";

/** IRevenuePool.Kind. */
const KINDS = ["join", "spend"] as const;

ponder.on("RevenuePool:Proposed", async ({ event, context }) => {
  const { id, kind, proposer, account, token, amount, deadline, electorate, memo } = event.args;
  const address = lower(event.log.address);
  await context.db.insert(poolProposal).values({
    id: proposalKey(address, id),
    pool: address,
    proposalId: id,
    kind: KINDS[kind] ?? String(kind),
    proposer: lower(proposer),
    account: lower(account),
    token: lower(token),
    amount,
    deadline,
    electorate,
    memo,
    yes: 0,
    no: 0,
    status: "open",
    createdAt: event.block.timestamp,
    decidedAt: null,
    txHash: event.transaction.hash,
  });
  await context.db.update(pool, { id: address }).set((row) => ({ proposalCount: row.proposalCount + 1 }));
});

ponder.on("RevenuePool:Voted", async ({ event, context }) => {
  const { id, voter, support, yes, no } = event.args;
  const address = lower(event.log.address);
  await context.db.insert(poolVote).values({
    id: `${proposalKey(address, id)}-${lower(voter)}`,
    pool: address,
    proposalId: id,
    voter: lower(voter),
    support,
    timestamp: event.block.timestamp,
  });
  await context.db.update(poolProposal, { id: proposalKey(address, id) }).set({ yes, no });
  const p = await context.db.find(pool, { id: address });
  if (!p) throw new Error(`vote in unknown pool ${address}`);
  await reachMilestone(context, event, {
    account: p.admin,
    kind: "pool-first-vote",
    period: address,
    subject: address,
  });
});

ponder.on("RevenuePool:ProposalExecuted", async ({ event, context }) => {
  await context.db
    .update(poolProposal, { id: proposalKey(event.log.address, event.args.id) })
    .set({ status: "executed", decidedAt: event.block.timestamp });
});

ponder.on("RevenuePool:ProposalRejected", async ({ event, context }) => {
  await context.db
    .update(poolProposal, { id: proposalKey(event.log.address, event.args.id) })
    .set({ status: "rejected", decidedAt: event.block.timestamp });
});
