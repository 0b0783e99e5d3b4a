/**
 * Which chain the indexer follows and where the system lives on it. Shared by ponder.config.ts and
 * the API, so both read the same environment:
 *
 *   CHAIN_ID                 chain to index (default 31337, the local Hardhat node)
 *   PONDER_RPC_URL_<id>      its RPC URL (falls back to RPC_URL, then http://127.0.0.1:8545)
 *
 * Addresses, start blocks and token metadata come only from the generated deployment record.
 */
import { getDeployment, type Deployment } from "@notalabel/contracts";
import type { Hex } from "viem";

export const LOCAL_CHAIN_ID = 31337;

export function chainId(): number {
  const raw = process.env.CHAIN_ID ?? String(LOCAL_CHAIN_ID);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`CHAIN_ID is not a chain id: ${raw}`);
  return id;
}

export function rpcUrl(id = chainId()): string {
  return process.env[`PONDER_RPC_URL_${id}`] ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";
}

export function deployment(id = chainId()): Deployment {
  return getDeployment(id);
}

export type TokenInfo = { address: Hex; symbol: string; decimals: number };

export const ETH: TokenInfo = { address: "0x0000000000000000000000000000000000000000", symbol: "ETH", decimals: 18 };

/** ETH plus the tokens of the deployment record, by lowercase address. */
export function knownTokens(id = chainId()): Map<string, TokenInfo> {
  const tokens = new Map<string, TokenInfo>([[ETH.address, ETH]]);
  for (const t of Object.values(deployment(id).tokens)) {
    tokens.set(t.address.toLowerCase(), {
      address: t.address.toLowerCase() as Hex,
      symbol: t.symbol,
      decimals: t.decimals,
    });
  }
  return tokens;
}
