/**
 * Every posted epoch's leaves and proofs, recomputed here from the indexer's milestone rows with the same
 * pure functions the job used to post them (contracts/lib/reward-epochs.ts, rewards.ts).
 *
 * Why recompute rather than store the job's leaves in the web database: a posted epoch never changes (its
 * leaves are a function of the milestones up to its block and of the roots posted before it), so the
 * answer can be cached for as long as no new root is posted; there is no second copy to migrate, back up
 * or keep in step with the chain, and the job needs no access to the web database. Each recomputed root is
 * compared with the root on chain: an epoch that does not match serves no proofs (and is logged), so a
 * drift between the indexer and the job can never hand out proofs that fail.
 */
import { leavesByEpoch, rewardTree, type EpochLeaf, type Milestone, type PostedEpoch } from "@notalabel/contracts";
import type { Hex } from "viem";

/** A reward_epoch row as the indexer's GraphQL returns it. */
export type EpochRow = {
  epoch: string;
  root: Hex;
  total: string;
  claimed: string;
  availableAt: string;
  revoked: boolean;
  postedBlock: string;
  postedLogIndex: number;
  revokedBlock: string | null;
  revokedLogIndex: number | null;
};

export type ProvenLeaf = EpochLeaf & { proof: Hex[] };

/** One epoch as the web app serves it: its row, whether the recomputed root matches, its proven leaves. */
export type ServedEpoch = { row: EpochRow; matches: boolean; leaves: ProvenLeaf[] };

export function postedEpoch(row: EpochRow): PostedEpoch {
  return {
    epoch: BigInt(row.epoch),
    posted: { block: BigInt(row.postedBlock), logIndex: row.postedLogIndex },
    revoked: row.revokedBlock === null ? null : { block: BigInt(row.revokedBlock), logIndex: row.revokedLogIndex ?? 0 },
  };
}

/** The leaves and proofs of every epoch in `rows`, each checked against its root on chain. */
export function proveEpochs(
  rows: readonly EpochRow[],
  milestones: readonly Milestone[],
  decimals: number,
): ServedEpoch[] {
  const byEpoch = leavesByEpoch(milestones, rows.map(postedEpoch), decimals);
  return rows.map((row) => {
    const leaves = byEpoch.get(BigInt(row.epoch)) ?? [];
    if (leaves.length === 0) return { row, matches: false, leaves: [] };
    const tree = rewardTree(leaves);
    if (tree.root !== row.root) return { row, matches: false, leaves: [] };
    return { row, matches: true, leaves: leaves.map((l, i) => ({ ...l, proof: tree.proof(i) })) };
  });
}
