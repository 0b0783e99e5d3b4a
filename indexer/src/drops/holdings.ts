/**
 * Drops: who holds what. Every ERC-1155 transfer moves holding balances (mints from 0x0 are also
 * recorded as mints, see mints.ts); `edition.holders` follows the balances that become positive or zero.
 * Sellers whose balance moved are reported to the marketplace (market/watch.ts: stale listings).
 */
import { ponder, type Context } from "ponder:registry";
import { collector, edition, holding } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";
import { editionKey, holdingKey } from "../lib/drops.ts";
import { lower } from "../lib/money.ts";
import { recordMint } from "./mints.ts";
import { watchOwners } from "../market/watch.ts";
import { FAN_EDITIONS, TREND_WEIGHTS } from "@notalabel/contracts";
import { addTrend } from "../lib/leaderboards.ts";
import { reachMilestone, type MilestoneEvent } from "../lib/milestones.ts";

/** Adds `delta` to one holding; returns the change in the edition's holder count (-1, 0 or 1). */
async function addToHolding(
  context: Context,
  event: MilestoneEvent,
  address: Hex,
  tokenId: bigint,
  owner: Hex,
  delta: bigint,
): Promise<number> {
  if (delta === 0n) return 0;
  const timestamp = event.block.timestamp;
  const id = holdingKey(address, tokenId, owner);
  const row = await context.db.find(holding, { id });
  const before = row?.balance ?? 0n;
  const after = before + delta;
  if (after < 0n) throw new Error(`holding ${id} would go negative: ${before} + ${delta}`);
  await context.db
    .insert(holding)
    .values({
      id,
      collection: lower(address),
      tokenId,
      edition: editionKey(address, tokenId),
      owner: lower(owner),
      balance: after,
      updatedAt: timestamp,
    })
    .onConflictDoUpdate({ balance: after, updatedAt: timestamp });
  const held = before === 0n && after > 0n ? 1 : before > 0n && after === 0n ? -1 : 0;
  const fan = await context.db
    .insert(collector)
    .values({ id: lower(owner), copies: delta, tokens: held, updatedAt: timestamp })
    .onConflictDoUpdate((row) => ({ copies: row.copies + delta, tokens: row.tokens + held, updatedAt: timestamp }));
  if (held === 1 && fan.tokens === FAN_EDITIONS) {
    await reachMilestone(context, event, { account: owner, kind: "fan-ten-editions", value: BigInt(FAN_EDITIONS) });
  }
  return held;
}

async function move(
  context: Context,
  event: MilestoneEvent,
  address: Hex,
  from: Hex,
  to: Hex,
  tokenId: bigint,
  value: bigint,
): Promise<void> {
  const timestamp = event.block.timestamp;
  let holders = 0;
  if (from !== zeroAddress) holders += await addToHolding(context, event, address, tokenId, from, -value);
  const newHolder = to !== zeroAddress && (await addToHolding(context, event, address, tokenId, to, value)) === 1;
  if (newHolder) holders += 1;
  const id = editionKey(address, tokenId);
  const ed = await context.db.find(edition, { id });
  if (!ed) throw new Error(`transfer of unknown edition ${id}`);
  if (newHolder) await addTrend(context, ed, timestamp, TREND_WEIGHTS.newHolder);
  await context.db.update(edition, { id }).set((row) => ({ holders: row.holders + holders, updatedAt: timestamp }));
}

ponder.on("DropCollection:TransferSingle", async ({ event, context }) => {
  const { operator, from, to, id, value } = event.args;
  if (from === zeroAddress) await recordMint(context, event, { operator, to, id, value });
  await move(context, event, event.log.address, from, to, id, value);
  await watchOwners(context, event.log.address, [from, to]);
});

ponder.on("DropCollection:TransferBatch", async ({ event, context }) => {
  const { from, to, ids, values } = event.args;
  for (let i = 0; i < ids.length; i++) {
    await move(context, event, event.log.address, from, to, ids[i]!, values[i]!);
  }
  await watchOwners(context, event.log.address, [from, to]);
});
