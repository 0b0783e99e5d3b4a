/** Ledger: credits and withdrawals (split distributions are in splits.ts). */
import { ponder } from "ponder:registry";
import { withdrawal } from "ponder:schema";
import { decodeSource } from "@notalabel/contracts";
import { addToBalance, lower, recordCredit, utcDay } from "./lib/money.ts";

ponder.on("Ledger:Credited", async ({ event, context }) => {
  const { owner, token, from, amount, source } = event.args;
  await recordCredit(context, {
    id: event.id,
    owner,
    token,
    amount,
    source: decodeSource(source),
    from,
    split: null,
    txFrom: event.transaction.from,
    timestamp: event.block.timestamp,
    block: event.block.number,
    logIndex: event.log.logIndex,
    txHash: event.transaction.hash,
  });
});

ponder.on("Ledger:Withdrawn", async ({ event, context }) => {
  const { owner, token, to, amount } = event.args;
  await context.db.insert(withdrawal).values({
    id: event.id,
    owner: lower(owner),
    token: lower(token),
    to: lower(to),
    amount,
    timestamp: event.block.timestamp,
    day: utcDay(event.block.timestamp),
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await addToBalance(context, owner, token, -amount, event.block.timestamp);
});

// A move of the caller's own credit inside the Ledger (giveOwnCreditTo; Rewards pays claims this way): a
// credit of `to`, tagged with its source, and for `from` a withdrawal row whose destination is `to` (its
// statement shows what left its balance), so both balances follow.
ponder.on("Ledger:Transferred", async ({ event, context }) => {
  const { from, to, token, amount, source } = event.args;
  await context.db.insert(withdrawal).values({
    id: event.id,
    owner: lower(from),
    token: lower(token),
    to: lower(to),
    amount,
    timestamp: event.block.timestamp,
    day: utcDay(event.block.timestamp),
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await addToBalance(context, from, token, -amount, event.block.timestamp);
  await recordCredit(context, {
    id: `${event.id}-to`,
    owner: to,
    token,
    amount,
    source: decodeSource(source),
    from,
    split: null,
    txFrom: event.transaction.from,
    timestamp: event.block.timestamp,
    block: event.block.number,
    logIndex: event.log.logIndex,
    txHash: event.transaction.hash,
  });
});
