/** This process's name resolver (one cache per web instance), from the server configuration. */
import { serverConfig } from "../../lib/config";
import { createNameResolver, type NameResolver } from "./resolver";
import { ensClient, nameSources } from "./sources";

/** Addresses one request may name: a page's worth. */
export const MAX_NAMES = 50;

let resolver: NameResolver | null = null;

export function nameResolver(): NameResolver {
  // Dynamic key: Next must not inline it at build time (one build serves any deployment).
  const ensRpc = process.env["ENS_RPC_URL"];
  resolver ??= createNameResolver(nameSources(serverConfig().indexerUrl, ensClient(ensRpc)));
  return resolver;
}

/** For tests: answer from these sources instead of the indexer and ENS (null: back to the real ones). */
export function setNameResolver(r: NameResolver | null) {
  resolver = r;
}
