/**
 * Rewards activity for the indexer test (the scenario's random operations do none): the treasury funds the
 * budget, the rewards job (scripts/lib/rewards-job.ts) posts a root of a few milestones and `rewards:verify`'s
 * check (scripts/lib/rewards-verify.ts) finds it matches them, the signer posts a second root that matches no
 * milestones (verify says so) and the treasury revokes it, the clock passes the delay, rewards and badges are claimed, and the
 * treasury takes some of the budget back. Checked by reward-checks.ts.
 */
import { mnemonicToAccount } from "viem/accounts";
import { badgesAbi, rewardsAbi, testTokenAbi } from "../../contracts/generated/index.ts";
import { achievement, rewardId, rewardTree, type Milestone, type RewardLeaf } from "../../contracts/lib/rewards.ts";
import { planEpoch, postEpoch } from "../../scripts/lib/rewards-job.ts";
import { verifyEpoch } from "../../scripts/lib/rewards-verify.ts";
import { LOCAL_REWARDS_SIGNER_INDEX } from "../../scripts/lib/system.ts";
import { timeJump } from "./scenario.ts";
import { MNEMONIC, send, walletFor, type World } from "./world.ts";

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

  // getBlock, not getBlockNumber: viem caches the block number for seconds.
  const first = (await world.client.getBlock()).number;
  const milestones: Milestone[] = [
    ["earned-100", 0],
    ["fan-first-mint", 1],
    ["referrals-1", 2],
  ].map(([kind, actor], i) => ({
    account: world.actors[actor as number]!.address,
    kind: kind as string,
    period: "",
    block: first,
    logIndex: i,
  }));
  const source = async (to: bigint) => milestones.filter((m) => m.block <= to);
  const plan = await planEpoch(world.client, rewards, milestones, first);
  await postEpoch(world.client, walletFor(world, signer) as never, rewards, plan);
  const leaves = plan.leaves;
  const tree = rewardTree(leaves);
  if (!(await verifyEpoch(world.client, rewards, first, source)).match) {
    throw new Error(`rewards:verify finds epoch ${first}'s root does not match its milestones`);
  }
  const revoked = rewardTree([leaf(world, 3, "month-1000", "2026-11"), leaf(world, 0, "month-100", "2026-11")]);
  const second = (await world.client.getBlock()).number;
  await send(world, signer, {
    address: rewards,
    abi: rewardsAbi,
    functionName: "postRoot",
    args: [second, revoked.root, revoked.total],
  });
  if ((await verifyEpoch(world.client, rewards, second, source)).match) {
    throw new Error(`rewards:verify finds epoch ${second}'s root matches, though no milestone gives it`);
  }
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
