/**
 * Deploys the whole system with plain viem clients: used by the deploy script (any network), the
 * dev stack, the demo seed, the gas benchmark and the tests, so all of them run the same code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  getAddress,
  getContractAddress,
  zeroAddress,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID, LOCAL_MNEMONIC } from "./env.ts";

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
  DropFactory: "contracts/drops/DropFactory.sol/DropFactory.json",
  Marketplace: "contracts/market/Marketplace.sol/Marketplace.json",
  SharesFactory: "contracts/shares/SharesFactory.sol/SharesFactory.json",
  PoolFactory: "contracts/pools/PoolFactory.sol/PoolFactory.json",
  Rewards: "contracts/rewards/Rewards.sol/Rewards.json",
  Badges: "contracts/rewards/Badges.sol/Badges.json",
  TestPriceFeed: "contracts/mocks/TestPriceFeed.sol/TestPriceFeed.json",
} as const;

/** The local ETH/USD feed's first answer ($3,000.00, 8 decimals); the demo seed moves it day by day. */
export const LOCAL_ETH_USD = 3_000n * 10n ** 8n;

/** The local rewards signer: account #18 of the local mnemonic (a public key: local chains only). */
export const LOCAL_REWARDS_SIGNER_INDEX = 18;

/** Token URIs of the local stack: the web app's metadata route on its default port. */
export const LOCAL_METADATA_BASE_URI = "http://127.0.0.1:3000/api/metadata/";

export type Wallet = WalletClient<Transport, Chain, Account>;

export type SystemOptions = {
  treasury: Address;
  owner: Address;
  /** Seconds a fee change waits (2 days by default). */
  timelock?: bigint;
  /** Deploy a 6-decimal test USDC (local chains only). */
  testTokens?: boolean;
  /** Base of drop token URIs: the web app's metadata route, e.g. https://notalabel.xyz/api/metadata/ */
  metadataBaseURI?: string;
  /** The card checkout's relayer, allowed to mint paid fiat orders in new collections (zero: none). */
  minter?: Address;
  /** Who posts rewards roots (default on the local chain: account #18 of the local mnemonic). */
  rewardsSigner?: Address;
  /** The rewards budget's ERC-20 (default: the test USDC). */
  rewardToken?: Address;
  /** The most one rewards epoch may promise, in the token's units (default: 100,000 tokens). */
  rewardsEpochCap?: bigint;
  /** Seconds a rewards root waits before claims open (24 h by default, at least 1 h). */
  rewardsDelay?: number;
  /**
   * The ETH/USD price feed the indexer values payments with: on a real chain, Chainlink's aggregator (the
   * contract that emits AnswerUpdated, behind the feed's proxy) and the block to index it from. The local
   * chain deploys a TestPriceFeed instead.
   */
  ethUsdFeed?: { address: Address; startBlock: number };
};

export type DeployedSystem = {
  chainId: number;
  contracts: Record<
    "Ledger" | "ArtistRegistry" | "FeeRouter" | "DropFactory" | "Marketplace" | "SharesFactory" | "PoolFactory",
    { address: Address; startBlock: number }
  > &
    Partial<Record<"Rewards" | "Badges" | "EthUsdFeed", { address: Address; startBlock: number }>>;
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
 * Deploys ArtistRegistry, Ledger (which hosts payments and splits), FeeRouter, (test USDC,) DropFactory,
 * Marketplace, SharesFactory, PoolFactory, Rewards and Badges (owned by the treasury).
 * The registry writes payees to the Ledger and the FeeRouter writes rates to it, and the Ledger trusts both
 * by immutable address: the Ledger's and the FeeRouter's addresses are predicted from the deployer's
 * nonce, and checked after. The deployer owns the FeeRouter until it has
 * made the DropFactory and the SharesFactory Ledger factories and the Marketplace an operator; then ownership is offered to `owner` (who must accept it).
 */
async function send(
  wallet: Wallet,
  client: PublicClient,
  address: Address,
  abi: readonly unknown[],
  functionName: string,
  args: readonly unknown[],
): Promise<void> {
  const hash = await wallet.writeContract({ address, abi, functionName, args } as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} failed`);
}

export async function deploySystem(
  wallet: Wallet,
  client: PublicClient,
  options: SystemOptions,
): Promise<DeployedSystem> {
  const from = wallet.account.address;
  const chainId = await client.getChainId();
  // Registry, Ledger and FeeRouter name each other: the next two addresses are predicted from the nonce.
  const nonce = await client.getTransactionCount({ address: from, blockTag: "pending" });
  const ledgerAddress = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const feeRouterAddress = getContractAddress({ from, nonce: BigInt(nonce + 2) });
  const registry = await deploy(wallet, client, "ArtistRegistry", [ledgerAddress]);
  const ledger = await deploy(wallet, client, "Ledger", [feeRouterAddress, registry.address]);
  const feeRouter = await deploy(wallet, client, "FeeRouter", [
    ledger.address,
    options.treasury,
    from,
    options.timelock ?? 2n * 24n * 3600n,
  ]);
  if (ledger.address !== ledgerAddress) {
    throw new Error(`predicted Ledger address ${ledgerAddress} but deployed at ${ledger.address}`);
  }
  if (feeRouter.address !== feeRouterAddress) {
    throw new Error(`predicted FeeRouter address ${feeRouterAddress} but deployed at ${feeRouter.address}`);
  }
  const tokens: DeployedSystem["tokens"] = {};
  if (options.testTokens) {
    const usdc = await deploy(wallet, client, "TestToken", ["Test USD Coin", "USDC", 6]);
    tokens.USDC = { address: usdc.address, symbol: "USDC", decimals: 6 };
  }
  const dropFactory = await deploy(wallet, client, "DropFactory", [
    ledger.address,
    registry.address,
    options.owner,
    options.metadataBaseURI ?? LOCAL_METADATA_BASE_URI,
    options.minter ?? zeroAddress,
  ]);
  const marketplace = await deploy(wallet, client, "Marketplace", [ledger.address, dropFactory.address]);
  const sharesFactory = await deploy(wallet, client, "SharesFactory", [ledger.address, registry.address]);
  const poolFactory = await deploy(wallet, client, "PoolFactory", [ledger.address, registry.address]);
  const feeRouterAbi = artifact(ARTIFACTS.FeeRouter).abi;
  // The platform's own operators are named during the FeeRouter's one-shot initial set-up, which is closed
  // before the hand-over: from then on every naming waits for the timelock (issue 14, F-02).
  await send(wallet, client, feeRouter.address, feeRouterAbi, "setInitialOperator", [dropFactory.address, 2]);
  await send(wallet, client, feeRouter.address, feeRouterAbi, "setInitialOperator", [marketplace.address, 1]);
  // Shares contracts pull a buyer's ERC-20 through the Ledger: the factory makes each one an operator.
  await send(wallet, client, feeRouter.address, feeRouterAbi, "setInitialOperator", [sharesFactory.address, 2]);
  await send(wallet, client, feeRouter.address, feeRouterAbi, "closeSetup", []);
  if (getAddress(options.owner) !== getAddress(from)) {
    await send(wallet, client, feeRouter.address, feeRouterAbi, "transferOwnership", [options.owner]);
  }
  // Rewards and badges last, so every address above stays where it was; only where a reward token is known
  // (the test USDC, or `rewardToken`): the contract tests deploy the core without one.
  const rewardToken = options.rewardToken ?? tokens.USDC?.address;
  const rewardContracts = rewardToken ? await deployRewards(wallet, client, options, rewardToken, ledger.address) : {};
  // The price feed after them (same reason): a test feed where test tokens are, else the configured one.
  const ethUsdFeed =
    options.ethUsdFeed ??
    (options.testTokens ? await deploy(wallet, client, "TestPriceFeed", ["ETH / USD", 8, LOCAL_ETH_USD]) : undefined);
  return {
    chainId,
    contracts: {
      ArtistRegistry: registry,
      Ledger: ledger,
      FeeRouter: feeRouter,
      DropFactory: dropFactory,
      Marketplace: marketplace,
      SharesFactory: sharesFactory,
      PoolFactory: poolFactory,
      ...rewardContracts,
      ...(ethUsdFeed ? { EthUsdFeed: ethUsdFeed } : {}),
    },
    tokens,
  };
}

/** Rewards (owned by the treasury, paying `rewardToken` credits in the Ledger) and the Badges it proves. */
async function deployRewards(
  wallet: Wallet,
  client: PublicClient,
  options: SystemOptions,
  rewardToken: Address,
  ledger: Address,
): Promise<Record<"Rewards" | "Badges", { address: Address; startBlock: number }>> {
  const chainId = await client.getChainId();
  const local = mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: LOCAL_REWARDS_SIGNER_INDEX }).address;
  const signer = options.rewardsSigner ?? (chainId === LOCAL_CHAIN_ID ? local : undefined);
  if (!signer) throw new Error("deploySystem: rewardsSigner is required on a real chain");
  const decimals = (await client.readContract({
    address: rewardToken,
    abi: [{ type: "function", name: "decimals", inputs: [], outputs: [{ type: "uint8" }], stateMutability: "view" }],
    functionName: "decimals",
  })) as number;
  const rewards = await deploy(wallet, client, "Rewards", [
    ledger,
    rewardToken,
    options.treasury,
    signer,
    options.rewardsDelay ?? 24 * 3600,
    options.rewardsEpochCap ?? 100_000n * 10n ** BigInt(decimals),
  ]);
  const badges = await deploy(wallet, client, "Badges", [rewards.address, options.treasury]);
  return { Rewards: rewards, Badges: badges };
}
