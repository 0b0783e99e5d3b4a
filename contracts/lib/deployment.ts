/** Typed access to the deployment records generated from contracts/deployments/<chainId>.json. */
import type { Address } from "viem";
import { deployments } from "../generated/deployments.ts";

/** The Ledger also hosts the royalty splits (ISplits). */
export type ContractName =
  "Ledger" | "ArtistRegistry" | "FeeRouter" | "DropFactory" | "Marketplace" | "SharesFactory" | "PoolFactory";

export type Deployment = {
  chainId: number;
  /** Rewards and Badges exist only where a reward token was known at deployment (scripts/lib/system.ts). */
  contracts: Record<ContractName, { address: Address; startBlock: number }> &
    Partial<Record<"Rewards" | "Badges", { address: Address; startBlock: number }>>;
  tokens: Record<string, { address: Address; symbol: string; decimals: number }>;
};

/** The deployment on `chainId`; throws a clear error when the system was never deployed there. */
export function getDeployment(chainId: number): Deployment {
  const record = (deployments as Record<string, unknown>)[String(chainId)];
  if (!record) throw new Error(`No deployment for chain ${chainId}: run \`pnpm deploy\` against it first.`);
  return record as Deployment;
}
