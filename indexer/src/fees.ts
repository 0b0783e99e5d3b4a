/** FeeRouter: payments, what reached each artist per day, and the fee configuration. */
import { ponder } from "ponder:registry";
import { artistEarningDaily, feeEvent, feeKind, feeRouter, payment } from "ponder:schema";
import { decodeSource } from "@notalabel/contracts";
import { zeroAddress, type Hex } from "viem";
import type { Context } from "ponder:registry";
import { lower, utcDay } from "./lib/money.ts";

async function addArtistEarning(
  context: Context,
  artist: Hex,
  token: Hex,
  day: string,
  source: string,
  amount: bigint,
) {
  if (amount === 0n) return;
  const a = lower(artist);
  const t = lower(token);
  await context.db
    .insert(artistEarningDaily)
    .values({ id: `${a}-${t}-${day}-${source}`, artist: a, token: t, day, source, amount, count: 1 })
    .onConflictDoUpdate((row) => ({ amount: row.amount + amount, count: row.count + 1 }));
}

ponder.on("FeeRouter:Paid", async ({ event, context }) => {
  const a = event.args;
  const day = utcDay(event.block.timestamp);
  const source = decodeSource(a.source);
  const hasReferrer = a.referrer !== zeroAddress;
  await context.db.insert(payment).values({
    id: event.id,
    artist: lower(a.artist),
    payer: lower(a.payer),
    token: lower(a.token),
    kind: a.kind,
    gross: a.gross,
    fee: a.fee,
    referral: a.referral,
    net: a.net,
    referrer: hasReferrer ? lower(a.referrer) : null,
    payout: lower(a.payout),
    source,
    timestamp: event.block.timestamp,
    day,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await addArtistEarning(context, a.artist, a.token, day, source, a.net);
  if (hasReferrer) await addArtistEarning(context, a.referrer, a.token, day, "referral", a.referral);
});

function feeEventBase(event: { id: string; block: { timestamp: bigint; number: bigint }; transaction: { hash: Hex } }) {
  return { id: event.id, timestamp: event.block.timestamp, block: event.block.number, txHash: event.transaction.hash };
}

ponder.on("FeeRouter:FeeChangeProposed", async ({ event, context }) => {
  const { kind, bps, eta } = event.args;
  await context.db.insert(feeEvent).values({ ...feeEventBase(event), type: "proposed", kind, bps, eta });
  await context.db
    .insert(feeKind)
    .values({ id: kind, bps: 0, pendingBps: bps, pendingEta: eta, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ pendingBps: bps, pendingEta: eta, updatedAt: event.block.timestamp });
});

ponder.on("FeeRouter:FeeChangeCancelled", async ({ event, context }) => {
  const { kind } = event.args;
  await context.db.insert(feeEvent).values({ ...feeEventBase(event), type: "cancelled", kind });
  await context.db
    .update(feeKind, { id: kind })
    .set({ pendingBps: null, pendingEta: null, updatedAt: event.block.timestamp });
});

ponder.on("FeeRouter:FeeChanged", async ({ event, context }) => {
  const { kind, oldBps, newBps } = event.args;
  await context.db.insert(feeEvent).values({ ...feeEventBase(event), type: "changed", kind, bps: newBps, oldBps });
  await context.db
    .insert(feeKind)
    .values({ id: kind, bps: newBps, pendingBps: null, pendingEta: null, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ bps: newBps, pendingBps: null, pendingEta: null, updatedAt: event.block.timestamp });
});

ponder.on("FeeRouter:TreasuryChanged", async ({ event, context }) => {
  const { oldTreasury, newTreasury } = event.args;
  await context.db.insert(feeEvent).values({
    ...feeEventBase(event),
    type: "treasury",
    oldTreasury: oldTreasury === zeroAddress ? null : lower(oldTreasury),
    newTreasury: lower(newTreasury),
  });
  await context.db
    .insert(feeRouter)
    .values({ id: lower(event.log.address), treasury: lower(newTreasury), updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ treasury: lower(newTreasury), updatedAt: event.block.timestamp });
});
