/**
 * `pnpm rewards:verify <epoch>`: the epoch's root recomputed from a milestone source (the chain alone, through
 * scripts/lib/milestone-model.ts) and the roots posted before it, compared with the root on chain.
 */
import type { Address, Hex, PublicClient } from "viem";
import { leavesByEpoch } from "../../contracts/lib/reward-epochs.ts";
import { rewardTree, type Milestone } from "../../contracts/lib/rewards.ts";
import { postedRoots, rewardDecimals } from "./rewards-chain.ts";

/** Milestones up to a block (inclusive). */
export type MilestoneSource = (toBlock: bigint) => Promise<Milestone[]>;

export type Verdict = { epoch: bigint; match: boolean; onChain: Hex; recomputed: Hex | null; leaves: number };

export async function verifyEpoch(
  client: PublicClient,
  rewards: Address,
  epoch: bigint,
  milestones: MilestoneSource,
): Promise<Verdict> {
  const posted = (await postedRoots(client, rewards)).filter((e) => e.epoch <= epoch);
  const record = posted.find((e) => e.epoch === epoch);
  if (!record) throw new Error(`No root was posted for epoch ${epoch}.`);
  const decimals = await rewardDecimals(client, rewards);
  const leaves = leavesByEpoch(await milestones(epoch), posted, decimals).get(epoch)!;
  const recomputed = leaves.length ? rewardTree(leaves).root : null;
  return { epoch, match: recomputed === record.root, onChain: record.root, recomputed, leaves: leaves.length };
}
