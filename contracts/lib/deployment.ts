/** Typed access to the deployment records generated from contracts/deployments/<chainId>.json. */
import type { Address } from "viem";
import { deployments } from "../generated/deployments.ts";

/** The Ledger also hosts the royalty splits (ISplits). */
export type ContractName =
  "Ledger" | "ArtistRegistry" | "FeeRouter" | "DropFactory" | "Marketplace" | "SharesFactory" | "PoolFactory";

/** Contracts a deployment may lack: rewards where no reward token is set, the feed on old records. */
export type OptionalContractName = "Rewards" | "Badges" | "EthUsdFeed";

export type Deployment = {
  chainId: number;
  contracts: Record<ContractName, { address: Address; startBlock: number }> &
    Partial<Record<OptionalContractName, { address: Address; startBlock: number }>>;
  tokens: Record<string, { address: Address; symbol: string; decimals: number }>;
};

/** The deployment on `chainId`; throws a clear error when the system was never deployed there. */
export function getDeployment(chainId: number): Deployment {
  const record = (deployments as Record<string, unknown>)[String(chainId)];
  if (!record) throw new Error(`No deployment for chain ${chainId}: run \`pnpm deploy\` against it first.`);
  return record as Deployment;
}
