/** What one account sees of its rewards: each of its leaves with the epoch's state and what it claimed. */
import { achievement } from "@notalabel/contracts";
import type { Hex } from "viem";
import type { ServedEpoch } from "./epochs.ts";

export type RewardStatus = "waiting" | "claimable" | "claimed" | "revoked";

/** One leaf of the account, as GET /api/rewards serves it (bigints as decimal strings). */
export type AccountReward = {
  epoch: string;
  kind: string;
  title: string;
  period: string;
  rewardId: Hex;
  badge: string;
  amount: string;
  proof: Hex[];
  availableAt: number;
  status: RewardStatus;
  /** Rewards.claim was done (or is not needed: a badge-only leaf). */
  rewardClaimed: boolean;
  /** Badges.claim was done (or is not needed: a leaf without a badge). */
  badgeClaimed: boolean;
};

/**
 * The account's leaves, newest epoch first. `paid`: reward ids already paid; `badges`: badge ids it holds;
 * `now`: the chain's time (a local chain's clock can be days from the server's).
 */
export function accountRewards(
  epochs: readonly ServedEpoch[],
  account: string,
  paid: ReadonlySet<string>,
  badges: ReadonlySet<string>,
  now: number,
): AccountReward[] {
  const me = account.toLowerCase();
  const out: AccountReward[] = [];
  for (const e of [...epochs].reverse()) {
    const availableAt = Number(e.row.availableAt);
    for (const l of e.leaves) {
      if (l.account.toLowerCase() !== me) continue;
      const rewardClaimed = l.amount === 0n || paid.has(l.rewardId.toLowerCase());
      const badgeClaimed = l.badge === 0n || badges.has(l.badge.toString());
      const status: RewardStatus = e.row.revoked
        ? "revoked"
        : rewardClaimed && badgeClaimed
          ? "claimed"
          : now < availableAt
            ? "waiting"
            : "claimable";
      out.push({
        epoch: e.row.epoch,
        kind: l.kind,
        title: achievement(l.kind)?.title ?? l.kind,
        period: l.period,
        rewardId: l.rewardId,
        badge: l.badge.toString(),
        amount: l.amount.toString(),
        proof: l.proof,
        availableAt,
        status,
        rewardClaimed,
        badgeClaimed,
      });
    }
  }
  return out;
}
