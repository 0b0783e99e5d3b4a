/** FeeRouter: the fee configuration (payments are the Ledger's, see payments.ts). */
import { ponder } from "ponder:registry";
import { feeEvent, feeKind, feeRouter } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";
import { lower } from "./lib/money.ts";

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
    .values({
      id: lower(event.log.address),
      treasury: lower(newTreasury),
      affiliateBps: 0,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({ treasury: lower(newTreasury), updatedAt: event.block.timestamp });
});

ponder.on("FeeRouter:AffiliateShareChanged", async ({ event, context }) => {
  const { oldBps, newBps } = event.args;
  await context.db.insert(feeEvent).values({ ...feeEventBase(event), type: "affiliate", bps: newBps, oldBps });
  // The constructor announces the treasury first, so the row exists; a treasury of zero never does.
  await context.db
    .insert(feeRouter)
    .values({
      id: lower(event.log.address),
      treasury: zeroAddress,
      affiliateBps: newBps,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({ affiliateBps: newBps, updatedAt: event.block.timestamp });
});
