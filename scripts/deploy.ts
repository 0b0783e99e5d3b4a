/**
 * Deploys the whole system to one network and writes its deployment record
 * (contracts/deployments/<chainId>.json), then regenerates the shared module.
 *
 *   RPC_URL=https://... DEPLOYER_PRIVATE_KEY=0x... TREASURY=0x... OWNER=0x... \
 *   METADATA_BASE_URI=https://app.example/api/metadata/ MINTER=0x... \
 *   REWARDS_SIGNER=0x... REWARD_TOKEN=0x<USDC> [REWARDS_EPOCH_CAP=<units>] [REWARDS_DELAY_SECONDS=86400] \
 *   ETH_USD_FEED=0x<Chainlink ETH/USD aggregator> ETH_USD_FEED_START_BLOCK=<block> \
 *   pnpm deploy:contracts
 *
 * Without RPC_URL it deploys to the local node (http://127.0.0.1:8545) with Hardhat's account #0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createPublicClient, createWalletClient, defineChain, http, isAddress, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { deploySystem } from "./lib/system.ts";
import { LOCAL_CHAIN_ID, LOCAL_DEPLOYER_KEY, LOCAL_RPC_URL } from "./lib/env.ts";

const root = new URL("..", import.meta.url).pathname;

function addressFromEnv(name: string, fallback: Address): Address {
  const value = process.env[name];
  if (!value) return fallback;
  if (!isAddress(value)) throw new Error(`${name} is not an address: ${value}`);
  return value;
}

export async function main(): Promise<void> {
  const rpcUrl = process.env.RPC_URL ?? LOCAL_RPC_URL;
  const probe = createPublicClient({ transport: http(rpcUrl) });
  const chainId = await probe.getChainId();
  const isLocal = chainId === LOCAL_CHAIN_ID;
  const key = (process.env.DEPLOYER_PRIVATE_KEY ?? (isLocal ? LOCAL_DEPLOYER_KEY : undefined)) as Hex | undefined;
  if (!key) throw new Error(`DEPLOYER_PRIVATE_KEY is required to deploy to chain ${chainId}`);
  const account = privateKeyToAccount(key);
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });

  // Rewards need their token (USDC) and signer on a real chain; the local chain uses its test USDC and account #18.
  if (!isLocal && (!process.env.REWARD_TOKEN || !process.env.REWARDS_SIGNER)) {
    throw new Error(`REWARD_TOKEN (the USDC address) and REWARDS_SIGNER are required to deploy to chain ${chainId}`);
  }
  // Dollar values need the chain's ETH/USD aggregator (the contract emitting AnswerUpdated, not its proxy).
  if (!isLocal && (!process.env.ETH_USD_FEED || !process.env.ETH_USD_FEED_START_BLOCK)) {
    throw new Error(`ETH_USD_FEED and ETH_USD_FEED_START_BLOCK are required to deploy to chain ${chainId}`);
  }
  const ethUsdFeed = process.env.ETH_USD_FEED
    ? {
        address: addressFromEnv("ETH_USD_FEED", account.address),
        startBlock: Number(process.env.ETH_USD_FEED_START_BLOCK ?? 0),
      }
    : undefined;
  const system = await deploySystem(wallet, client, {
    treasury: addressFromEnv("TREASURY", account.address),
    owner: addressFromEnv("OWNER", account.address),
    timelock: process.env.FEE_TIMELOCK_SECONDS ? BigInt(process.env.FEE_TIMELOCK_SECONDS) : undefined,
    testTokens: isLocal,
    metadataBaseURI: process.env.METADATA_BASE_URI,
    minter: process.env.MINTER ? addressFromEnv("MINTER", account.address) : undefined,
    rewardsSigner: process.env.REWARDS_SIGNER ? addressFromEnv("REWARDS_SIGNER", account.address) : undefined,
    rewardToken: process.env.REWARD_TOKEN ? addressFromEnv("REWARD_TOKEN", account.address) : undefined,
    rewardsEpochCap: process.env.REWARDS_EPOCH_CAP ? BigInt(process.env.REWARDS_EPOCH_CAP) : undefined,
    rewardsDelay: process.env.REWARDS_DELAY_SECONDS ? Number(process.env.REWARDS_DELAY_SECONDS) : undefined,
    ethUsdFeed,
  });
  const dir = join(root, "contracts/deployments");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${chainId}.json`), JSON.stringify(system, null, 2) + "\n");
  execFileSync("tsx", [join(root, "scripts/gen.ts")], { stdio: "inherit" });
  console.log(`deployed to chain ${chainId}:`);
  for (const [name, c] of Object.entries(system.contracts)) console.log(`  ${name.padEnd(15)} ${c.address}`);
}

await main();
