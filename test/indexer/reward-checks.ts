/**
 * Rewards and badges (indexer/src/rewards/) against the chain: one reward_epoch per RootPosted with the
 * contract's epochOf and rootOf, one reward_claim per Claimed (each reward id isPaid), one badge_holder per
 * BadgeClaimed (each hasBadge), and the budget's funded, withdrawn and liveTotals.
 */
import type { Address, Hex } from "viem";
import { badgesAbi, rewardsAbi } from "../../contracts/generated/index.ts";
import { listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type EpochRow = { epoch: string; root: Hex; total: string; claimed: string; availableAt: string; revoked: boolean };
type ClaimRow = { rewardId: Hex; epoch: string; account: Address; badge: string; amount: string; txHash: Hex };
type BadgeRow = { id: string; account: Address; badge: string; epoch: string; rewardId: Hex; txHash: Hex };

const lc = (a: string) => a.toLowerCase();

export async function checkRewards(
  url: string,
  world: World,
  f: Failures,
  head: bigint,
): Promise<Record<string, number>> {
  const rewards = world.deployment.contracts.Rewards?.address;
  const badges = world.deployment.contracts.Badges?.address;
  if (!rewards || !badges) return {};
  const { client } = world;
  const range = { fromBlock: 0n, toBlock: head } as const;
  const read = <T>(
    address: Address,
    abi: typeof rewardsAbi | typeof badgesAbi,
    functionName: string,
    args: unknown[] = [],
  ) => client.readContract({ address, abi, functionName, args, blockNumber: head } as never) as Promise<T>;

  const epochs = await listAll<EpochRow>(
    url,
    "rewardEpochs",
    "rewardEpochFilter",
    "epoch root total claimed availableAt revoked",
  );
  const posted = await client.getContractEvents({
    address: rewards,
    abi: rewardsAbi,
    eventName: "RootPosted",
    ...range,
  });
  f.eq(epochs.length, posted.length, "reward_epoch rows vs RootPosted");
  for (const row of epochs) {
    const e = await read<{ total: bigint; claimed: bigint; availableAt: number; revoked: boolean }>(
      rewards,
      rewardsAbi,
      "epochOf",
      [BigInt(row.epoch)],
    );
    const what = `reward epoch ${row.epoch}`;
    f.eq(row.root, await read<Hex>(rewards, rewardsAbi, "rootOf", [BigInt(row.epoch)]), `${what} root`);
    f.eq(BigInt(row.total), e.total, `${what} total`);
    f.eq(BigInt(row.claimed), e.claimed, `${what} claimed`);
    f.eq(BigInt(row.availableAt), BigInt(e.availableAt), `${what} availableAt`);
    f.eq(row.revoked, e.revoked, `${what} revoked`);
  }

  const claims = await listAll<ClaimRow>(
    url,
    "rewardClaims",
    "rewardClaimFilter",
    "rewardId epoch account badge amount txHash",
  );
  const claimed = await client.getContractEvents({ address: rewards, abi: rewardsAbi, eventName: "Claimed", ...range });
  const claimKey = (c: {
    rewardId: Hex;
    epoch?: unknown;
    account: string;
    badge?: unknown;
    amount?: unknown;
    txHash: Hex;
  }) => [c.rewardId, c.epoch, c.account, c.badge, c.amount, c.txHash].map((v) => lc(String(v))).join("|");
  f.eq(
    claims.map(claimKey).sort(),
    claimed
      .map((e) =>
        claimKey({ ...e.args, account: e.args.account!, rewardId: e.args.rewardId!, txHash: e.transactionHash }),
      )
      .sort(),
    "reward_claim rows vs Claimed",
  );
  for (const c of claims)
    f.eq(await read<boolean>(rewards, rewardsAbi, "isPaid", [c.rewardId]), true, `isPaid ${c.rewardId}`);

  const holders = await listAll<BadgeRow>(
    url,
    "badgeHolders",
    "badgeHolderFilter",
    "id account badge epoch rewardId txHash",
  );
  const minted = await client.getContractEvents({
    address: badges,
    abi: badgesAbi,
    eventName: "BadgeClaimed",
    ...range,
  });
  const badgeKey = (b: { account: string; badge?: unknown; epoch?: unknown; rewardId: Hex; txHash: Hex }) =>
    [b.account, b.badge, b.epoch, b.rewardId, b.txHash].map((v) => lc(String(v))).join("|");
  f.eq(
    holders.map(badgeKey).sort(),
    minted
      .map((e) =>
        badgeKey({ ...e.args, account: e.args.account!, rewardId: e.args.rewardId!, txHash: e.transactionHash }),
      )
      .sort(),
    "badge_holder rows vs BadgeClaimed",
  );
  for (const b of holders) {
    f.eq(await read<boolean>(badges, badgesAbi, "hasBadge", [b.account, BigInt(b.badge)]), true, `hasBadge ${b.id}`);
  }

  const budget = (
    await listAll<{ funded: string; withdrawn: string; liveTotals: string }>(
      url,
      "rewardBudgets",
      "rewardBudgetFilter",
      "funded withdrawn liveTotals",
    )
  )[0];
  f.eq(BigInt(budget?.funded ?? 0), await read<bigint>(rewards, rewardsAbi, "funded"), "rewards funded");
  f.eq(BigInt(budget?.withdrawn ?? 0), await read<bigint>(rewards, rewardsAbi, "withdrawn"), "rewards withdrawn");
  f.eq(BigInt(budget?.liveTotals ?? 0), await read<bigint>(rewards, rewardsAbi, "liveTotals"), "rewards liveTotals");
  return { rewardEpochs: epochs.length, rewardClaims: claims.length, badgeHolders: holders.length };
}
