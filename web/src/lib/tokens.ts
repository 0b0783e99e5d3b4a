import type { Address } from "viem";
import { getDeployment, ZERO_ADDRESS } from "@notalabel/contracts";

export type Token = { address: Address; symbol: string; decimals: number };

export const ETH: Token = { address: ZERO_ADDRESS, symbol: "ETH", decimals: 18 };

/** ETH and every token the deployment on `chainId` records (e.g. USDC). */
export function tokensFor(chainId: number): Token[] {
  let extra: Token[] = [];
  try {
    extra = Object.values(getDeployment(chainId).tokens);
  } catch {
    extra = [];
  }
  return [ETH, ...extra];
}

/** The token with `address` on `chainId`, or a generic 18-decimal placeholder. */
export function tokenInfo(chainId: number, address: string): Token {
  const lower = address.toLowerCase();
  return (
    tokensFor(chainId).find((t) => t.address.toLowerCase() === lower) ?? {
      address: address as Address,
      symbol: `${address.slice(0, 6)}…`,
      decimals: 18,
    }
  );
}
