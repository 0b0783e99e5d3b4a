/**
 * The rewards job: the leaves of a new epoch (block B) from the milestones up to B and the roots already
 * posted, and their root posted by the rewards signer. Proofs are not stored anywhere: an epoch never changes
 * once posted, so the web app recomputes them with the same functions (web/src/server/rewards/).
 */
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { rewardsAbi } from "../../contracts/generated/abis.ts";
import { leavesByEpoch, type EpochLeaf } from "../../contracts/lib/reward-epochs.ts";
import { rewardTree, type Milestone } from "../../contracts/lib/rewards.ts";
import { LOCAL_CHAIN_ID, LOCAL_MNEMONIC } from "./env.ts";
import { postedRoots, rewardDecimals } from "./rewards-chain.ts";
import { LOCAL_REWARDS_SIGNER_INDEX } from "./system.ts";

/** REWARDS_SIGNER_KEY, or on the local chain account #18 of the local mnemonic (deploySystem's signer). */
export function rewardsSigner(chainId: number, key = process.env.REWARDS_SIGNER_KEY): Account {
  if (key) return privateKeyToAccount(key as `0x${string}`);
  if (chainId === LOCAL_CHAIN_ID)
    return mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: LOCAL_REWARDS_SIGNER_INDEX });
  throw new Error(`REWARDS_SIGNER_KEY is required to post rewards roots on chain ${chainId}`);
}

export type PlannedEpoch = { epoch: bigint; leaves: EpochLeaf[]; root: `0x${string}` | null; total: bigint };

/**
 * What a root for block `block` would hold: the milestones up to it whose reward ids no earlier, unrevoked
 * root carries. Refuses a block at or below the last epoch posted (epochs strictly increase).
 */
export async function planEpoch(
  client: PublicClient,
  rewards: Address,
  milestones: readonly Milestone[],
  block: bigint,
): Promise<PlannedEpoch> {
  const [posted, decimals] = await Promise.all([postedRoots(client, rewards), rewardDecimals(client, rewards)]);
  const last = posted.at(-1)?.epoch ?? 0n;
  if (block <= last) throw new Error(`Epoch ${block} is not after the last one posted (${last}): nothing new to post.`);
  const leaves = leavesByEpoch(milestones, posted, decimals, block).get(block)!;
  if (leaves.length === 0) return { epoch: block, leaves, root: null, total: 0n };
  const tree = rewardTree(leaves);
  return { epoch: block, leaves, root: tree.root, total: tree.total };
}

/** Posts a planned epoch's root (a plan without leaves posts nothing); checks the budget first. */
export async function postEpoch(
  client: PublicClient,
  wallet: WalletClient<Transport, Chain, Account>,
  rewards: Address,
  plan: PlannedEpoch,
): Promise<`0x${string}` | null> {
  if (!plan.root) return null;
  const available = await client.readContract({ address: rewards, abi: rewardsAbi, functionName: "available" });
  if (plan.total > available) {
    throw new Error(
      `The rewards budget has ${available} units uncommitted but epoch ${plan.epoch} needs ${plan.total}: fund it first.`,
    );
  }
  const hash = await wallet.writeContract({
    address: rewards,
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [plan.epoch, plan.root, plan.total],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`postRoot(${plan.epoch}) reverted (${hash})`);
  return hash;
}
