/** Badges: who holds which soulbound badge (badge_holder), shown on artist and fan pages. */
import { ponder } from "ponder:registry";
import { badgeHolder } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { rewardsDeployed } from "./present.ts";

if (rewardsDeployed) {
  ponder.on("Badges:BadgeClaimed", async ({ event, context }) => {
    const { epoch, account, badge, rewardId } = event.args;
    await context.db.insert(badgeHolder).values({
      id: `${lower(account)}-${badge}`,
      account: lower(account),
      badge,
      epoch,
      rewardId,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    });
  });
}
