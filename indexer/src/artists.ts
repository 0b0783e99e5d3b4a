/** ArtistRegistry: artists and referrals. */
import { ponder } from "ponder:registry";
import { artist, referral } from "ponder:schema";
import { zeroAddress } from "viem";
import { lower } from "./lib/money.ts";
import { countPlatform } from "./lib/totals.ts";
import { addFeedItem } from "./lib/feed.ts";
import { reachMilestone } from "./lib/milestones.ts";

ponder.on("ArtistRegistry:ArtistRegistered", async ({ event, context }) => {
  const { artist: account, referrer, handle, profileURI, payout } = event.args;
  const id = lower(account);
  const hasReferrer = referrer !== zeroAddress;
  await context.db.insert(artist).values({
    id,
    handle,
    profileURI,
    payout: lower(payout),
    referrer: hasReferrer ? lower(referrer) : null,
    registeredAt: event.block.timestamp,
    block: event.block.number,
    updatedAt: event.block.timestamp,
  });
  await countPlatform(context, "artists", event.block.timestamp);
  await addFeedItem(context, event, {
    kind: "artist",
    actor: id,
    counterparty: hasReferrer ? lower(referrer) : null,
    artist: id,
  });
  if (hasReferrer) {
    await context.db.insert(referral).values({
      id,
      referrer: lower(referrer),
      referred: id,
      handle,
      createdAt: event.block.timestamp,
    });
    await reachMilestone(context, event, { account: referrer, kind: "first-referral", subject: id });
  }
});

ponder.on("ArtistRegistry:ProfileUpdated", async ({ event, context }) => {
  await context.db
    .update(artist, { id: lower(event.args.artist) })
    .set({ profileURI: event.args.profileURI, updatedAt: event.block.timestamp });
});

ponder.on("ArtistRegistry:PayoutUpdated", async ({ event, context }) => {
  await context.db
    .update(artist, { id: lower(event.args.artist) })
    .set({ payout: lower(event.args.payout), updatedAt: event.block.timestamp });
});
