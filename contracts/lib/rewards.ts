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

/**
 * Every achievement the indexer records as a milestone (indexer `milestone` rows: account, kind, period),
 * with its badge id and its reward in whole US dollars (0: a badge only). Badge ids are fixed: the index
 * here plus one, so never reorder this list; add new kinds at the end.
 */
export const ACHIEVEMENTS = [
  // Artists: earnings (USD at the block of each payment).
  { kind: "earned-100", who: "artist", usd: 10, title: "First $100 earned" },
  { kind: "month-100", who: "artist", usd: 25, title: "A $100 month" },
  { kind: "month-500", who: "artist", usd: 0, title: "A $500 month" },
  { kind: "month-1000", who: "artist", usd: 100, title: "A $1,000 month" },
  { kind: "month-5000", who: "artist", usd: 0, title: "A $5,000 month" },
  // Artists: releases and the market.
  { kind: "sold-out", who: "artist", usd: 0, title: "A drop sold out" },
  { kind: "collectors-10", who: "artist", usd: 0, title: "10 collectors" },
  { kind: "collectors-100", who: "artist", usd: 0, title: "100 collectors" },
  { kind: "first-sale", who: "artist", usd: 0, title: "First sale on the market" },
  { kind: "offering-sold-out", who: "artist", usd: 0, title: "A share offering sold out" },
  { kind: "pool-first-vote", who: "artist", usd: 0, title: "A pool's first vote" },
  // Artists: referrals (qualified: the referred artist paid at least $100 of platform fees).
  { kind: "first-referral", who: "artist", usd: 0, title: "First referral" },
  { kind: "referrals-1", who: "artist", usd: 50, title: "1 qualified referral" },
  { kind: "referrals-5", who: "artist", usd: 300, title: "5 qualified referrals" },
  { kind: "referrals-10", who: "artist", usd: 750, title: "10 qualified referrals" },
  { kind: "referrals-25", who: "artist", usd: 2000, title: "25 qualified referrals" },
  // Fans.
  { kind: "fan-first-mint", who: "fan", usd: 0, title: "First mint" },
  { kind: "fan-first-bid", who: "fan", usd: 0, title: "First bid" },
  { kind: "fan-first-share", who: "fan", usd: 0, title: "First royalty share" },
  { kind: "fan-ten-editions", who: "fan", usd: 0, title: "Ten editions collected" },
] as const;

export type AchievementKind = (typeof ACHIEVEMENTS)[number]["kind"];

/** The achievement of `kind` with its badge id, or undefined for a kind this list does not know. */
export function achievement(kind: string) {
  const i = ACHIEVEMENTS.findIndex((a) => a.kind === kind);
  return i < 0 ? undefined : { ...ACHIEVEMENTS[i]!, badge: BigInt(i + 1) };
}

/** A milestone as the indexer records it (and as `pnpm rewards:verify` recomputes it from the chain). */
export type Milestone = { account: Address; kind: string; period: string; block: bigint; logIndex: number };

/** A leaf of an epoch, with the achievement it pays and its specifier (see epochLeaves). */
export type EpochLeaf = RewardLeaf & { kind: string; period: string; specifier: Hex };

/**
 * The leaves of an epoch: every milestone up to the epoch's block, in chain order, whose specifier
 * (`rewardId(account, kind, period)`: the achievement's identity) no earlier (unrevoked) epoch issued. A leaf
 * carries the achievement's badge when its milestone is the account's first of that kind (later ones, such
 * as the next $1,000 month, carry the reward only) and the achievement's reward in `decimals` units of the
 * reward token (USDC: 6). A leaf with neither is left out. Its on-chain reward id is a number:
 * `rewardIdAt(firstId + i)` for the i-th leaf, so ids run in sequence and Rewards keeps their paid flags 256
 * to a storage word (a cheap claim); the specifier keeps one achievement from being issued twice.
 * A pure function of its inputs, so the job that posts a root and anyone verifying it get the same tree.
 */
export function epochLeaves(
  milestones: readonly Milestone[],
  issued: ReadonlySet<Hex>,
  decimals: number,
  firstId: bigint,
): EpochLeaf[] {
  const ordered = [...milestones].sort((a, b) =>
    a.block === b.block ? a.logIndex - b.logIndex : a.block < b.block ? -1 : 1,
  );
  const seen = new Set<string>();
  const specifiers = new Set<Hex>();
  const leaves: EpochLeaf[] = [];
  for (const m of ordered) {
    const a = achievement(m.kind);
    if (!a) continue;
    const account = getAddress(m.account);
    const first = !seen.has(`${account}-${m.kind}`);
    seen.add(`${account}-${m.kind}`);
    const specifier = rewardId(account, m.kind, m.period);
    if (issued.has(specifier) || specifiers.has(specifier)) continue;
    specifiers.add(specifier);
    const badge = first ? a.badge : 0n;
    const amount = BigInt(a.usd) * 10n ** BigInt(decimals);
    if (badge === 0n && amount === 0n) continue;
    const id = rewardIdAt(firstId + BigInt(leaves.length));
    leaves.push({ account, rewardId: id, badge, amount, kind: m.kind, period: m.period, specifier });
  }
  return leaves;
}
