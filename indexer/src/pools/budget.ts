/**
 * Revenue pools: a passed spend pays the budget out (credited in the Ledger, source "budget": that credit
 * is the Ledger's Credited, see ledger.ts). What reaches the budget is in src/revenue/income.ts.
 */
import { ponder } from "ponder:registry";
import { addToVault } from "../lib/revenue.ts";

ponder.on("RevenuePool:BudgetSpent", async ({ event, context }) => {
  const { token, amount } = event.args;
  await addToVault(context, event.log.address, token, { budgetSpent: amount }, event.block.timestamp);
});
