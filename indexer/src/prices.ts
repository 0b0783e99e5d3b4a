/**
 * The ETH/USD feed (AnswerUpdated): every round is a row, and the latest one is what the payments that
 * follow are valued at (lib/usd.ts). Anyone can recompute a dollar figure from the round before its block.
 */
import { ponder } from "ponder:registry";
import { priceRound, usdPrice } from "ponder:schema";
import { ETH } from "../lib/chain.ts";
import { lower } from "./lib/money.ts";

/** The feed's decimals: 8, as every Chainlink USD feed (the local TestPriceFeed too). */
export const FEED_DECIMALS = 8;

ponder.on("EthUsdFeed:AnswerUpdated", async ({ event, context }) => {
  const { current, roundId, updatedAt } = event.args;
  const feed = lower(event.log.address);
  await context.db.insert(priceRound).values({
    id: event.id,
    feed,
    token: ETH.address,
    roundId,
    answer: current,
    decimals: FEED_DECIMALS,
    updatedAt,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  const latest = { feed, answer: current, decimals: FEED_DECIMALS, round: event.id, updatedAt };
  await context.db
    .insert(usdPrice)
    .values({ id: ETH.address, ...latest })
    .onConflictDoUpdate(latest);
});
