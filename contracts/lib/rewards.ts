/**
 * Rewards leaves (contracts/rewards/IRewards.sol): the format the rewards job builds an epoch's tree in, and
 * that Rewards.claim and Badges.claim verify. An OpenZeppelin StandardMerkleTree of
 * `[account, rewardId, badge, amount]` leaves; the same leaf and proof claim the reward and the badge.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { encodeAbiParameters, getAddress, keccak256, numberToHex, type Address, type Hex } from "viem";

/** The leaf's types, in StandardMerkleTree's `leafEncoding` form. */
export const REWARD_LEAF_ENCODING = ["address", "bytes32", "uint256", "uint256"] as const;

/** One leaf: `amount` of the reward token (0: badge only) and a badge id (0: none) for `account`. */
export type RewardLeaf = { account: Address; rewardId: Hex; badge: bigint; amount: bigint };

/**
 * The reward id (the "specifier"): keccak256(abi.encode(account, achievement, period)). It pays once, ever:
 * an achievement that can happen once has period "" ("referrals-5"); a monthly one names its month
 * ("month-1000", "2026-11").
 */
export function rewardId(account: Address, achievement: string, period: string): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "address" }, { type: "string" }, { type: "string" }],
      [getAddress(account), achievement, period],
    ),
  );
}

/**
 * A reward id numbered in sequence: `n` as bytes32. Rewards.claim keeps paid flags 256 to a storage word
 * (word n / 256), so ids numbered in sequence make a claim cheap (about 17,000 gas less than a hashed id,
 * whose word is new at every claim). Safety is the same whatever the form: an id pays once, ever, so a job
 * that numbers rewards must give each reward one number for good (e.g. the next free numbers, in a fixed
 * order, to the rewards an epoch pays for the first time).
 */
export function rewardIdAt(n: bigint): Hex {
  if (n < 0n) throw new RangeError("rewardIdAt: n must not be negative");
  return numberToHex(n, { size: 32 });
}

/** The epoch's tree of `leaves`: its root, its total (what postRoot commits) and each leaf's proof. */
export function rewardTree(leaves: RewardLeaf[]) {
  const tree = StandardMerkleTree.of(
    leaves.map((l) => [getAddress(l.account), l.rewardId, l.badge, l.amount] as [Address, Hex, bigint, bigint]),
    [...REWARD_LEAF_ENCODING],
  );
  const total = leaves.reduce((sum, l) => sum + l.amount, 0n);
  return {
    root: tree.root as Hex,
    total,
    /** The proof of the i-th leaf (in the order given). */
    proof: (i: number) => tree.getProof(i) as Hex[],
  };
}
