/**
 * What a pool's proposals mean for the person looking at them, with RevenuePool's rules: a proposal is
 * open until it passes (more than half of its electorate for), is rejected (at least half against), or
 * its deadline passes; electors are the members when it was made; join requests are decided by the admin
 * under the admin policy (or while the electorate is empty), by votes otherwise. Pure and unit-tested.
 */
import { lower } from "../indexer.ts";
import type { PoolMemberRow, PoolProposalRow, PoolRow, PoolVoteRow } from "./queries.ts";

export type ShownStatus = "open" | "passed" | "rejected" | "expired";

export function shownStatus(p: Pick<PoolProposalRow, "status" | "deadline">, now: number): ShownStatus {
  if (p.status === "executed") return "passed";
  if (p.status === "rejected") return "rejected";
  return now >= Number(p.deadline) ? "expired" : "open";
}

/** Votes for that pass the proposal: more than half of the electorate. */
export const yesNeeded = (electorate: number) => Math.floor(electorate / 2) + 1;
/** Votes against that reject it: at least half of the electorate. */
export const noNeeded = (electorate: number) => Math.ceil(electorate / 2);

/** Whether members vote on `p` (false: the admin decides it). */
export function decidedByVote(pool: Pick<PoolRow, "policy">, p: Pick<PoolProposalRow, "kind" | "electorate">): boolean {
  if (p.kind === "spend") return true;
  return pool.policy === "vote" && p.electorate > 0;
}

/** Whether `member` was a member when `p` was made (the creator always was). */
export function isElector(member: PoolMemberRow | undefined, p: Pick<PoolProposalRow, "createdAt">): boolean {
  if (!member || !member.active) return false;
  if (member.proposalId === null) return true;
  // Blocks have increasing timestamps: a join in an earlier block came before the proposal.
  return Number(member.joinedAt) < Number(p.createdAt);
}

export type ProposalActions = { vote: boolean; decide: boolean; voted: boolean | null };

/** What `account` can do with `p` now: vote (an elector who has not voted), decide (the admin). */
export function actionsFor(
  account: string | undefined,
  ctx: { pool: PoolRow; members: readonly PoolMemberRow[]; votes: readonly PoolVoteRow[]; now: number },
  p: PoolProposalRow,
): ProposalActions {
  const none = { vote: false, decide: false, voted: null };
  if (!account || shownStatus(p, ctx.now) !== "open") return none;
  const me = lower(account);
  const vote = ctx.votes.find((v) => v.proposalId === p.proposalId && lower(v.voter) === me);
  const member = ctx.members.find((m) => lower(m.account) === me && m.active);
  const byVote = decidedByVote(ctx.pool, p);
  return {
    vote: byVote && !vote && isElector(member, p),
    decide: p.kind === "join" && !byVote && lower(ctx.pool.admin) === me,
    voted: vote ? vote.support : null,
  };
}

/** The budget left in `token`: what went to the budget minus what votes spent. */
export function budgetLeft(row: { budget: string; budgetSpent: string } | undefined): bigint {
  if (!row) return 0n;
  const v = BigInt(row.budget) - BigInt(row.budgetSpent);
  return v > 0n ? v : 0n;
}
