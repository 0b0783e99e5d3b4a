/** Ledger: credits, withdrawals, and the Distributed debits (cross-checked in splits.ts). */
import { ponder } from "ponder:registry";
import { ledgerDistributed, withdrawal } from "ponder:schema";
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

/**
 * The debit of a split distribution is applied once, by the SplitDistributed handler (which knows the
 * split's breakdown). This event is only kept so that handler can check the Ledger moved the same total.
 */
ponder.on("Ledger:Distributed", async ({ event, context }) => {
  const { from, token, amount } = event.args;
  await context.db.insert(ledgerDistributed).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
    from: lower(from),
    token: lower(token),
    amount,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});
