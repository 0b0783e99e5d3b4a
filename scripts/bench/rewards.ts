/**
 * Gas benchmark of rewards and badges (part of scripts/bench-gas.ts). The treasury funds the budget; the
 * signer posts an epoch whose tree has 10,000 leaves (a 14-hash proof, as the goal asks); after the
 * delay, leaves are claimed by someone else for their accounts (anyone may submit), and a badge is claimed
 * with the same leaf and proof. Reward ids are numbered in sequence (rewardIdAt), as a job numbers them,
 * except one hashed id (rewardId) for comparison.
 */
import { getAddress, keccak256, stringToHex, type Abi, type Address } from "viem";
import { badgesAbi, rewardsAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { rewardId, rewardIdAt, rewardTree, type RewardLeaf } from "../../contracts/lib/rewards.ts";
import type { Wallet } from "../lib/system.ts";
import type { Send } from "./send.ts";

export type RewardsBench = {
  send: Send;
  rewards: Address;
  badges: Address;
  usdc: Address;
  /** Owns Rewards and Badges; holds test USDC. */
  treasury: Wallet;
  signer: Wallet;
  /** Submits claims for the accounts. */
  relayer: Wallet;
  /** An account that already holds a USDC balance in the Ledger. */
  funded: Address;
  increaseTime: (seconds: number) => Promise<unknown>;
};

const LEAVES = 10_000;

export async function benchRewards(b: RewardsBench): Promise<void> {
  const { send, treasury } = b;
  const rewards = { address: b.rewards, abi: rewardsAbi as Abi };
  // Leaf 0: the account with a Ledger balance; leaf 1: a fresh account (its first USDC credit); leaf 2: a
  // badge-only leaf; leaf 3: a hashed reward id; leaf 30: the funded account again, the first id of a new
  // paid-flags word; the rest are other accounts' $5 rewards (the total fits the 100,000 USDC cap). Ids run
  // from 1,000 (as if earlier epochs had taken 0-999): leaf i has id 1,000 + i.
  const FIRST_ID = 1_000n;
  const fresh = getAddress(keccak256(stringToHex("rewards-fresh")).slice(0, 42));
  const leaves: RewardLeaf[] = [
    { account: b.funded, rewardId: rewardIdAt(FIRST_ID), badge: 1n, amount: 50_000_000n },
    { account: fresh, rewardId: rewardIdAt(FIRST_ID + 1n), badge: 2n, amount: 10_000_000n },
    { account: b.funded, rewardId: rewardIdAt(FIRST_ID + 2n), badge: 3n, amount: 0n },
    { account: b.funded, rewardId: rewardId(b.funded, "earned-100", ""), badge: 2n, amount: 10_000_000n },
  ];
  for (let i = leaves.length; i < LEAVES; i++) {
    const account = i === 30 ? b.funded : getAddress(keccak256(stringToHex(`rewards-${i}`)).slice(0, 42));
    leaves.push({ account, rewardId: rewardIdAt(FIRST_ID + BigInt(i)), badge: 4n, amount: 5_000_000n });
  }
  const tree = rewardTree(leaves);

  await send(null, treasury, {
    address: b.usdc,
    abi: testTokenAbi as Abi,
    functionName: "mint",
    args: [treasury.account.address, tree.total],
  });
  await send(null, treasury, {
    address: b.usdc,
    abi: testTokenAbi as Abi,
    functionName: "approve",
    args: [b.rewards, tree.total],
  });
  await send("rewards.fund", treasury, { ...rewards, functionName: "fund", args: [tree.total] });
  await send("rewards.postRoot", b.signer, { ...rewards, functionName: "postRoot", args: [1n, tree.root, tree.total] });
  await b.increaseTime(24 * 3600);
  const claim = (i: number) => {
    const l = leaves[i]!;
    return [1n, l.account, l.rewardId, l.badge, l.amount, tree.proof(i)] as const;
  };
  // Id 1,030 is the first claimed of ids 1,024-1,279: it creates their paid-flags word (one claim in 256).
  // Once id 1,004 is claimed, the word of ids 768-1,023 exists: every other claim below writes it.
  await send("rewards.claim.firstOfWord", b.relayer, { ...rewards, functionName: "claim", args: claim(30) });
  await send(null, b.relayer, { ...rewards, functionName: "claim", args: claim(4) });
  await send("rewards.claim", b.relayer, { ...rewards, functionName: "claim", args: claim(0) });
  await send("rewards.claim.hashedId", b.relayer, { ...rewards, functionName: "claim", args: claim(3) });
  await send("rewards.claim.firstCredit", b.relayer, { ...rewards, functionName: "claim", args: claim(1) });
  await send("rewards.claim.badgeOnly", b.relayer, { ...rewards, functionName: "claim", args: claim(2) });
  await send("badges.claim", b.relayer, {
    address: b.badges,
    abi: badgesAbi as Abi,
    functionName: "claim",
    args: claim(0),
  });
}
