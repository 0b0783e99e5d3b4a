/**
 * Rewards activity for the indexer test (the scenario's random operations do none): the treasury funds the
 * budget, the signer posts a root of a few leaves (built with contracts/lib/rewards.ts, as the job does) and a
 * second one that the treasury revokes, the clock passes the delay, rewards and badges are claimed, and the
 * treasury takes some of the budget back. Checked by reward-checks.ts.
 */
import { mnemonicToAccount } from "viem/accounts";
import { badgesAbi, rewardsAbi, testTokenAbi } from "../../contracts/generated/index.ts";
import { achievement, rewardId, rewardTree, type RewardLeaf } from "../../contracts/lib/rewards.ts";
import { LOCAL_REWARDS_SIGNER_INDEX } from "../../scripts/lib/system.ts";
import { timeJump } from "./scenario.ts";
import { MNEMONIC, send, type World } from "./world.ts";

function leaf(world: World, actor: number, kind: string, period = ""): RewardLeaf {
  const a = achievement(kind)!;
  const account = world.actors[actor]!.address;
  return { account, rewardId: rewardId(account, kind, period), badge: a.badge, amount: BigInt(a.usd) * 1_000_000n };
}

/** Runs the rewards operations; returns a line for the test's log. */
export async function driveRewards(world: World): Promise<string> {
  const rewards = world.deployment.contracts.Rewards?.address;
  const badges = world.deployment.contracts.Badges?.address;
  if (!rewards || !badges) return "no rewards deployed";
  const signer = mnemonicToAccount(MNEMONIC, { addressIndex: LOCAL_REWARDS_SIGNER_INDEX });
  const treasury = world.owner;
  const budget = 1_000n * 1_000_000n;
  await send(world, treasury, {
    address: world.usdc,
    abi: testTokenAbi,
    functionName: "mint",
    args: [treasury.address, budget],
  });
  await send(world, treasury, {
    address: world.usdc,
    abi: testTokenAbi,
    functionName: "approve",
    args: [rewards, budget],
  });
  await send(world, treasury, { address: rewards, abi: rewardsAbi, functionName: "fund", args: [budget] });

  const leaves = [leaf(world, 0, "earned-100"), leaf(world, 1, "fan-first-mint"), leaf(world, 2, "referrals-1")];
  const tree = rewardTree(leaves);
  const first = await world.client.getBlockNumber();
  await send(world, signer, {
    address: rewards,
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [first, tree.root, tree.total],
  });
  const revoked = rewardTree([leaf(world, 3, "month-1000", "2026-11"), leaf(world, 0, "month-100", "2026-11")]);
  const second = await world.client.getBlockNumber();
  await send(world, signer, {
    address: rewards,
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [second, revoked.root, revoked.total],
  });
  await send(world, treasury, { address: rewards, abi: rewardsAbi, functionName: "revoke", args: [second] });

  const delay = await world.client.readContract({ address: rewards, abi: rewardsAbi, functionName: "delay" });
  await timeJump(world, Number(delay) + 1);
  const claim = (contract: `0x${string}`, abi: typeof rewardsAbi | typeof badgesAbi, i: number) => {
    const l = leaves[i]!;
    return send(world, treasury, {
      address: contract,
      abi,
      functionName: "claim",
      args: [first, l.account, l.rewardId, l.badge, l.amount, tree.proof(i)],
    });
  };
  await claim(rewards, rewardsAbi, 0);
  await claim(badges, badgesAbi, 0);
  await claim(badges, badgesAbi, 1); // a badge-only leaf: the badge, and no Rewards.claim
  await claim(rewards, rewardsAbi, 2); // a reward whose badge stays unclaimed
  world.owners.add(leaves[0]!.account);
  world.owners.add(leaves[2]!.account);
  await send(world, treasury, {
    address: rewards,
    abi: rewardsAbi,
    functionName: "withdraw",
    args: [treasury.address, 100_000_000n],
  });
  return `rewards: epochs ${first} (claimed) and ${second} (revoked), 2 rewards and 2 badges claimed`;
}
