/**
 * Server: everything the drop page shows. The chain is the source of truth for the sale (it is never
 * behind); the indexer adds the artist's handle and the stats, and stands in when the RPC is down.
 */
import { cache } from "react";
import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  getAddress,
  type Address,
} from "viem";
import { dropCollectionAbi, dropFactoryAbi, getDeployment, testTokenAbi } from "@notalabel/contracts";
import { serverConfig } from "@/lib/config";
import { serverPublicClient } from "@/lib/server";
import { tokenInfo, type Token } from "@/lib/tokens";
import { loadMetadata } from "@/components/drops/serverMetadata";
import {
  fetchEdition,
  saleStateFromRow,
  type ArtistRef,
  type CollectionRow,
  type DropMetadata,
  type EditionRow,
} from "@/lib/drops";
import { saleStateFromChain, type ChainEdition, type SaleState } from "@/lib/dropSale";

export type LoadedDrop =
  | { kind: "found"; drop: Drop }
  /** The collection exists but has no such edition. */
  | { kind: "unknownEdition"; collectionName: string | null }
  /** The address is not a collection of the platform's DropFactory. */
  | { kind: "notCollection" }
  /** Neither the chain nor the indexer answered. */
  | { kind: "unavailable"; message: string };

export type Drop = {
  collection: Address;
  tokenId: bigint;
  state: SaleState;
  uri: string;
  artist: Address;
  artistRef: ArtistRef | null;
  collectionName: string | null;
  royaltyBps: number | null;
  row: EditionRow | null;
  metadata: DropMetadata | null;
  currency: Token;
  /** Where the sale state came from. */
  source: "chain" | "indexer";
  /** Set when the indexer did not answer (the page still works from the chain). */
  indexerError: string | null;
};

type ChainRead =
  | { ok: true; registered: false }
  | { ok: true; registered: true; edition: ChainEdition; uri: string; artist: Address; name: string }
  | { ok: false; reason: "unknownEdition" | "notCollection" | "unreachable"; message: string };

async function readChain(collection: Address, tokenId: bigint, chainId: number): Promise<ChainRead> {
  const client = serverPublicClient();
  try {
    const artist = await client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "artist" });
    // Only collections the platform's factory created are shown as drops (anyone can deploy a look-alike).
    const factory = getDeployment(chainId).contracts.DropFactory.address;
    const registered = await client
      .readContract({ address: factory, abi: dropFactoryAbi, functionName: "collectionOf", args: [artist] })
      .then((c) => c.toLowerCase() === collection.toLowerCase());
    if (!registered) return { ok: true, registered };
    const [edition, uri, name] = await Promise.all([
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "edition", args: [tokenId] }),
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "uri", args: [tokenId] }),
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "name" }),
    ]);
    return { ok: true, registered, edition: edition as ChainEdition, uri, artist, name };
  } catch (e) {
    const message = e instanceof BaseError ? e.shortMessage : String(e);
    if (!(e instanceof BaseError)) return { ok: false, reason: "unreachable", message };
    const reverted = e.walk((x) => x instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError)
      return {
        ok: false,
        reason: reverted.data?.errorName === "DropCollection_UnknownEdition" ? "unknownEdition" : "notCollection",
        message,
      };
    // No code at the address (or no such function): "returned no data".
    if (e.walk((x) => x instanceof ContractFunctionZeroDataError))
      return { ok: false, reason: "notCollection", message };
    return { ok: false, reason: "unreachable", message };
  }
}

/** The ERC-20's symbol and decimals when the deployment does not list it. */
async function currencyOf(address: string, chainId: number): Promise<Token> {
  const known = tokenInfo(chainId, address);
  if (!known.symbol.endsWith("…")) return known;
  try {
    const client = serverPublicClient();
    const [symbol, decimals] = await Promise.all([
      client.readContract({ address: address as Address, abi: testTokenAbi, functionName: "symbol" }),
      client.readContract({ address: address as Address, abi: testTokenAbi, functionName: "decimals" }),
    ]);
    return { address: getAddress(address), symbol, decimals: Number(decimals) };
  } catch {
    return known;
  }
}

/** Loads a drop once per request (generateMetadata and the page share it). */
export const loadDrop = cache(async (collection: Address, tokenId: bigint): Promise<LoadedDrop> => {
  const cfg = serverConfig();
  const [chain, indexed] = await Promise.all([
    readChain(collection, tokenId, cfg.chainId),
    fetchEdition(cfg.indexerUrl, collection, tokenId).then(
      (d) => ({ ok: true as const, ...d }),
      (e: Error) => ({ ok: false as const, message: e.message }),
    ),
  ]);
  const row: EditionRow | null = indexed.ok ? indexed.edition : null;
  const collectionRow: CollectionRow | null = indexed.ok ? indexed.collection : null;

  let state: SaleState;
  let uri: string;
  let artist: Address;
  let collectionName: string | null = collectionRow?.name ?? null;
  let source: Drop["source"];
  if (chain.ok) {
    if (!chain.registered) return { kind: "notCollection" };
    state = saleStateFromChain(chain.edition);
    uri = chain.uri;
    artist = getAddress(chain.artist);
    collectionName = chain.name || collectionName;
    source = "chain";
  } else if (chain.reason === "unknownEdition") {
    return { kind: "unknownEdition", collectionName };
  } else if (row) {
    // The RPC is down: show the indexed state.
    state = saleStateFromRow(row);
    uri = row.uri;
    artist = getAddress(row.artist);
    source = "indexer";
  } else if (chain.reason === "notCollection") {
    return { kind: "notCollection" };
  } else if (indexed.ok && collectionRow) {
    return { kind: "unknownEdition", collectionName };
  } else {
    return { kind: "unavailable", message: indexed.ok ? chain.message : `${chain.message} ${indexed.message}` };
  }

  const [metadata, currency] = await Promise.all([loadMetadata(uri), currencyOf(state.currency, cfg.chainId)]);
  return {
    kind: "found",
    drop: {
      collection,
      tokenId,
      state,
      uri,
      artist,
      artistRef: indexed.ok ? indexed.artist : null,
      collectionName,
      royaltyBps: collectionRow?.royaltyBps ?? null,
      row,
      metadata,
      currency,
      source,
      indexerError: indexed.ok ? null : indexed.message,
    },
  };
});
