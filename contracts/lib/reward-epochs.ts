/**
 * Which leaves each rewards epoch holds, from the milestones and the roots posted so far: shared by the job
 * that posts a root (scripts/rewards-post.ts), `pnpm rewards:verify` and the web app's proofs, so all three
 * build the same tree. Leaves and trees come from ./rewards.ts only (epochLeaves, rewardTree).
 */
import type { Hex } from "viem";
import { epochLeaves, type EpochLeaf, type Milestone } from "./rewards.ts";

/** A place in the chain: an event's block and log index. */
export type ChainPosition = { block: bigint; logIndex: number };

/** A posted root: `epoch` (a block number) and where it was posted and, if so, revoked. */
export type PostedEpoch = { epoch: bigint; posted: ChainPosition; revoked: ChainPosition | null };

export type { EpochLeaf };

/** The first reward id number: ids run 1, 2, 3… across epochs (a revoked epoch's numbers are never reused). */
export const FIRST_REWARD_ID = 1n;

const before = (a: ChainPosition, b: ChainPosition) =>
  a.block < b.block || (a.block === b.block && a.logIndex < b.logIndex);

/**
 * Whether `earlier`'s leaves count as paid for a root posted at `at` (null: a root not posted yet, i.e. now):
 * yes unless `earlier` was revoked before that post. So a root's leaves never change once it is posted, and a
 * later revocation hands its rewards to the next root instead.
 */
function counts(earlier: PostedEpoch, at: ChainPosition | null): boolean {
  if (!earlier.revoked) return true;
  return at !== null && !before(earlier.revoked, at);
}

/**
 * The leaves of every posted epoch (ascending) and, with `next`, of a root to post now for block `next`.
 * `milestones` must hold every milestone up to the largest of these blocks (more is harmless: each epoch
 * takes those at or before its block).
 */
export function leavesByEpoch(
  milestones: readonly Milestone[],
  posted: readonly PostedEpoch[],
  decimals: number,
  next?: bigint,
): Map<bigint, EpochLeaf[]> {
  const epochs: { epoch: bigint; at: ChainPosition | null }[] = [...posted]
    .sort((a, b) => (a.epoch < b.epoch ? -1 : a.epoch > b.epoch ? 1 : 0))
    .map((e) => ({ epoch: e.epoch, at: e.posted }));
  if (next !== undefined) epochs.push({ epoch: next, at: null });
  const byEpoch = new Map<bigint, EpochLeaf[]>();
  const records = new Map(posted.map((e) => [e.epoch, e]));
  // Numbers go on from every earlier root's, revoked or not: an id is never given to two leaves.
  let nextId = FIRST_REWARD_ID;
  for (const { epoch, at } of epochs) {
    const issued = new Set<Hex>();
    for (const [earlier, leaves] of byEpoch) {
      if (earlier >= epoch || !counts(records.get(earlier)!, at)) continue;
      for (const l of leaves) issued.add(l.specifier);
    }
    const leaves = epochLeaves(
      milestones.filter((m) => m.block <= epoch),
      issued,
      decimals,
      nextId,
    );
    nextId += BigInt(leaves.length);
    byEpoch.set(epoch, leaves);
  }
  return byEpoch;
}
