/**
 * What a transaction did, read from the chain itself (its receipt), for the feed's "proof on chain" links:
 * its status, block and time, and each event our contracts emitted, decoded with their ABIs. Nothing here
 * comes from the indexer, so a reader can check the feed against the chain.
 */
import { decodeEventLog, type Abi, type Hex } from "viem";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  feeRouterAbi,
  getDeployment,
  ledgerAbi,
  marketplaceAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  testTokenAbi,
} from "@notalabel/contracts";
import { serverConfig } from "../lib/config.ts";
import { serverPublicClient } from "../lib/server.ts";

const ABIS: Abi[] = [
  ledgerAbi,
  artistRegistryAbi,
  feeRouterAbi,
  dropFactoryAbi,
  dropCollectionAbi,
  marketplaceAbi,
  sharesFactoryAbi,
  royaltySharesAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  testTokenAbi,
] as Abi[];

export type ProvedEvent = { address: string; contract: string | null; name: string; args: [string, string][] };
export type TxProof = {
  hash: Hex;
  status: "success" | "reverted";
  block: bigint;
  timestamp: bigint;
  from: string;
  to: string | null;
  events: ProvedEvent[];
};

const show = (v: unknown): string =>
  typeof v === "bigint"
    ? v.toString()
    : Array.isArray(v)
      ? `[${v.map(show).join(", ")}]`
      : v && typeof v === "object"
        ? `{ ${Object.entries(v)
            .map(([k, x]) => `${k}: ${show(x)}`)
            .join(", ")} }`
        : String(v);

/** null when the chain has no such transaction. */
export async function loadTxProof(hash: Hex): Promise<TxProof | null> {
  const client = serverPublicClient();
  const receipt = await client.getTransactionReceipt({ hash }).catch(() => null);
  if (!receipt) return null;
  const block = await client.getBlock({ blockNumber: receipt.blockNumber });
  let names = new Map<string, string>();
  try {
    const d = getDeployment(serverConfig().chainId);
    names = new Map(Object.entries(d.contracts).map(([name, c]) => [c.address.toLowerCase(), name]));
    for (const t of Object.values(d.tokens)) names.set(t.address.toLowerCase(), t.symbol);
  } catch {
    // No deployment recorded for this chain: addresses only.
  }
  const events: ProvedEvent[] = [];
  for (const log of receipt.logs) {
    type Decoded = { eventName: string; args: unknown };
    let decoded = null as Decoded | null;
    for (const abi of ABIS) {
      try {
        decoded = decodeEventLog({ abi, data: log.data, topics: log.topics }) as unknown as Decoded;
        break;
      } catch {
        // Not this ABI's event.
      }
    }
    const args = decoded?.args && typeof decoded.args === "object" ? Object.entries(decoded.args) : [];
    events.push({
      address: log.address,
      contract: names.get(log.address.toLowerCase()) ?? null,
      name: decoded?.eventName ?? `Unknown event ${log.topics[0]?.slice(0, 10) ?? ""}`,
      args: args.map(([k, v]) => [k, show(v)]),
    });
  }
  return {
    hash,
    status: receipt.status,
    block: receipt.blockNumber,
    timestamp: block.timestamp,
    from: receipt.from,
    to: receipt.to,
    events,
  };
}
