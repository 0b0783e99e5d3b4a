/**
 * Deploys the whole system with plain viem clients: used by the deploy script (any network), the
 * dev stack, the demo seed, the gas benchmark and the tests, so all of them run the same code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  getAddress,
  getContractAddress,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

const root = new URL("../..", import.meta.url).pathname;

type Artifact = { abi: readonly unknown[]; bytecode: Hex };

export function artifact(path: string): Artifact {
  return JSON.parse(readFileSync(join(root, "artifacts", path), "utf8")) as Artifact;
}

export const ARTIFACTS = {
  Ledger: "contracts/ledger/Ledger.sol/Ledger.json",
  ArtistRegistry: "contracts/artists/ArtistRegistry.sol/ArtistRegistry.json",
  FeeRouter: "contracts/fees/FeeRouter.sol/FeeRouter.json",
  TestToken: "contracts/mocks/TestToken.sol/TestToken.json",
} as const;

export type Wallet = WalletClient<Transport, Chain, Account>;

export type SystemOptions = {
  treasury: Address;
  owner: Address;
  /** Seconds a fee change waits (2 days by default). */
  timelock?: bigint;
  /** Deploy a 6-decimal test USDC (local chains only). */
  testTokens?: boolean;
};

export type DeployedSystem = {
  chainId: number;
  contracts: Record<"Ledger" | "ArtistRegistry" | "FeeRouter", { address: Address; startBlock: number }>;
  tokens: Record<string, { address: Address; symbol: string; decimals: number }>;
};

async function deploy(
  wallet: Wallet,
  client: PublicClient,
  name: keyof typeof ARTIFACTS,
  args: readonly unknown[],
): Promise<{ address: Address; startBlock: number }> {
  const { abi, bytecode } = artifact(ARTIFACTS[name]);
  const hash = await wallet.deployContract({ abi, bytecode, args } as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) throw new Error(`deploying ${name} failed`);
  return { address: getAddress(receipt.contractAddress), startBlock: Number(receipt.blockNumber) };
}

/**
 * Deploys ArtistRegistry, Ledger (which hosts the splits) and FeeRouter. The Ledger trusts the FeeRouter
 * by immutable address, and the FeeRouter needs the Ledger's: the FeeRouter's address is predicted
 * from the deployer's nonce, and checked after.
 */
export async function deploySystem(
  wallet: Wallet,
  client: PublicClient,
  options: SystemOptions,
): Promise<DeployedSystem> {
  const from = wallet.account.address;
  const chainId = await client.getChainId();
  const registry = await deploy(wallet, client, "ArtistRegistry", []);
  const nonce = await client.getTransactionCount({ address: from, blockTag: "pending" });
  const feeRouterAddress = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const ledger = await deploy(wallet, client, "Ledger", [feeRouterAddress]);
  const feeRouter = await deploy(wallet, client, "FeeRouter", [
    ledger.address,
    registry.address,
    options.treasury,
    options.owner,
    options.timelock ?? 2n * 24n * 3600n,
  ]);
  if (feeRouter.address !== feeRouterAddress) {
    throw new Error(`predicted FeeRouter address ${feeRouterAddress} but deployed at ${feeRouter.address}`);
  }
  const tokens: DeployedSystem["tokens"] = {};
  if (options.testTokens) {
    const usdc = await deploy(wallet, client, "TestToken", ["Test USD Coin", "USDC", 6]);
    tokens.USDC = { address: usdc.address, symbol: "USDC", decimals: 6 };
  }
  return {
    chainId,
    contracts: { ArtistRegistry: registry, Ledger: ledger, FeeRouter: feeRouter },
    tokens,
  };
}
