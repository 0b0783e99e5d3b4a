/**
 * What the chain says about rewards roots: every RootPosted and RootRevoked of the Rewards contract (so
 * anyone can list the epochs without the indexer), and the reward token's decimals.
 */
import { erc20Abi, type Address, type Hex, type PublicClient } from "viem";
import { rewardsAbi } from "../../contracts/generated/abis.ts";
import type { PostedEpoch } from "../../contracts/lib/reward-epochs.ts";

export type PostedRoot = PostedEpoch & { root: Hex; total: bigint };

/** The roots posted up to `toBlock` (default: the latest block), ascending, each with its revocation. */
export async function postedRoots(client: PublicClient, rewards: Address, toBlock?: bigint): Promise<PostedRoot[]> {
  const range = { fromBlock: 0n, toBlock: toBlock ?? "latest" } as const;
  const [posts, revokes] = await Promise.all([
    client.getContractEvents({ address: rewards, abi: rewardsAbi, eventName: "RootPosted", ...range }),
    client.getContractEvents({ address: rewards, abi: rewardsAbi, eventName: "RootRevoked", ...range }),
  ]);
  const revoked = new Map(revokes.map((e) => [e.args.epoch!, { block: e.blockNumber, logIndex: e.logIndex }]));
  return posts
    .map((e) => ({
      epoch: e.args.epoch!,
      root: e.args.root!,
      total: e.args.total!,
      posted: { block: e.blockNumber, logIndex: e.logIndex },
      revoked: revoked.get(e.args.epoch!) ?? null,
    }))
    .sort((a, b) => (a.epoch < b.epoch ? -1 : 1));
}

/** The decimals of the token the Rewards contract pays. */
export async function rewardDecimals(client: PublicClient, rewards: Address): Promise<number> {
  const token = await client.readContract({ address: rewards, abi: rewardsAbi, functionName: "TOKEN" });
  return client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" });
}
