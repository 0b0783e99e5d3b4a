/** Drops: the factory's settings and the collections it creates (one per artist). */
import { ponder } from "ponder:registry";
import { collection, dropFactory } from "ponder:schema";
import { zeroAddress } from "viem";
import { lower } from "../lib/money.ts";
import { countPlatform } from "../lib/totals.ts";

ponder.on("DropFactory:DefaultMinterChanged", async ({ event, context }) => {
  const defaultMinter = event.args.minter === zeroAddress ? null : lower(event.args.minter);
  // The constructor announces the base URI first, so the row exists.
  await context.db
    .insert(dropFactory)
    .values({ id: lower(event.log.address), metadataBaseURI: "", defaultMinter, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ defaultMinter, updatedAt: event.block.timestamp });
});

ponder.on("DropFactory:CollectionCreated", async ({ event, context }) => {
  const { artist, collection: address, name, royaltyReceiver, royaltyBps } = event.args;
  await context.db.insert(collection).values({
    id: lower(address),
    artist: lower(artist),
    name,
    royaltyReceiver: lower(royaltyReceiver),
    royaltyBps: Number(royaltyBps),
    editionCount: 0,
    minted: 0n,
    createdAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await countPlatform(context, "collections", event.block.timestamp);
});

ponder.on("DropCollection:RoyaltySet", async ({ event, context }) => {
  // The first RoyaltySet comes from `initialize`, before CollectionCreated (which carries the same values).
  const id = lower(event.log.address);
  if (!(await context.db.find(collection, { id }))) return;
  await context.db
    .update(collection, { id })
    .set({ royaltyReceiver: lower(event.args.receiver), royaltyBps: Number(event.args.bps) });
});
