/**
 * Drops: editions and their sale config history. `edition.uri` is the token URI as the collection
 * resolves it: the URI given at creation, else the factory's current base URI + the metadata hash, so a
 * new base URI rewrites every edition that follows it.
 */
import { ponder, type Context } from "ponder:registry";
import { collection, dropFactory, edition, editionChange } from "ponder:schema";
import { isNull } from "ponder";
import type { Hex } from "viem";
import { baseUri, configColumns, editionKey, pickConfig, type ConfigColumns } from "../lib/drops.ts";
import { lower } from "../lib/money.ts";
import { countPlatform } from "../lib/totals.ts";

type Meta = { id: string; block: { timestamp: bigint }; transaction: { hash: Hex } };

async function recordChange(context: Context, event: Meta, id: string, kind: string, config: ConfigColumns) {
  await context.db.insert(editionChange).values({
    id: event.id,
    edition: id,
    kind,
    ...config,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
}

async function requireEdition(context: Context, id: string) {
  const row = await context.db.find(edition, { id });
  if (!row) throw new Error(`unknown edition ${id}`);
  return row;
}

ponder.on("DropFactory:MetadataBaseURIChanged", async ({ event, context }) => {
  const factory = lower(event.log.address);
  const base = event.args.uri;
  await context.db
    .insert(dropFactory)
    .values({ id: factory, metadataBaseURI: base, defaultMinter: null, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ metadataBaseURI: base, updatedAt: event.block.timestamp });
  // Every edition without a URI of its own follows the base (one factory per deployment).
  const following = await context.db.sql
    .select({ id: edition.id, metadataHash: edition.metadataHash })
    .from(edition)
    .where(isNull(edition.ownUri));
  for (const row of following) {
    await context.db.update(edition, { id: row.id }).set({ uri: baseUri(base, row.metadataHash) });
  }
});

ponder.on("DropCollection:EditionCreated", async ({ event, context }) => {
  const address = lower(event.log.address);
  const c = await context.db.find(collection, { id: address });
  if (!c) throw new Error(`EditionCreated in unknown collection ${address}`);
  const factory = await context.db.find(dropFactory, { id: lower(context.contracts.DropFactory.address as Hex) });
  if (!factory) throw new Error("EditionCreated before the DropFactory's MetadataBaseURIChanged");
  const config = configColumns(event.args.config);
  const ownUri = event.args.uri === "" ? null : event.args.uri;
  const id = editionKey(address, event.args.id);
  await context.db.insert(edition).values({
    id,
    collection: address,
    artist: c.artist,
    tokenId: event.args.id,
    ...config,
    uri: ownUri ?? baseUri(factory.metadataBaseURI, config.metadataHash),
    ownUri,
    minted: 0,
    paused: false,
    holders: 0,
    mints: 0,
    revenue: 0n,
    net: 0n,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  });
  await context.db.update(collection, { id: address }).set((row) => ({ editionCount: row.editionCount + 1 }));
  await recordChange(context, event, id, "created", config);
  await countPlatform(context, "editions", event.block.timestamp);
});

ponder.on("DropCollection:EditionUpdated", async ({ event, context }) => {
  const id = editionKey(event.log.address, event.args.id);
  const row = await requireEdition(context, id);
  const config = configColumns(event.args.config);
  // The metadata hash can change before the first mint: the URI follows it unless the edition has its own.
  const factory = await context.db.find(dropFactory, { id: lower(context.contracts.DropFactory.address as Hex) });
  const uri = row.ownUri ?? baseUri(factory?.metadataBaseURI ?? "", config.metadataHash);
  await context.db.update(edition, { id }).set({ ...config, uri, updatedAt: event.block.timestamp });
  await recordChange(context, event, id, "updated", config);
});

ponder.on("DropCollection:EditionPaused", async ({ event, context }) => {
  const id = editionKey(event.log.address, event.args.id);
  const row = await requireEdition(context, id);
  const { paused } = event.args;
  await context.db.update(edition, { id }).set({ paused, updatedAt: event.block.timestamp });
  await recordChange(context, event, id, paused ? "paused" : "resumed", pickConfig(row));
});
