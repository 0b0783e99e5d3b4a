/**
 * Where the API benchmark's chain comes from. `demo` (the default): a fresh Hardhat node, the system
 * deployed and the demo seed of `pnpm start` (scripts/lib/seed.ts). `rpc`: a chain someone else built
 * (BENCH_API_RPC=http://…, e.g. the synthetic chain of `pnpm bench:indexer`), with the committed local
 * deployment on it. Either way the indexer then reads it from block 0.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http, parseUnits } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { testTokenAbi } from "../../../contracts/generated/abis.ts";
import { localRelayerKey } from "../../../web/src/server/checkout/config.ts";
import { LOCAL_DEPLOYER_KEY } from "../../lib/env.ts";
import { startService, stopService, waitFor } from "../../lib/processes.ts";
import { SEED_DAYS, seedDemo } from "../../lib/seed.ts";
import { deploySystem } from "../../lib/system.ts";

export type Chain = { rpc: string; describe: string; stop: () => Promise<void> };
export type ChainSource = (options: { port: number; stateDir: string }) => Promise<Chain>;

const root = new URL("../../..", import.meta.url).pathname;

/** A fresh node with the system deployed and the demo data seeded, as `pnpm start` does. */
export const demoChain: ChainSource = async ({ port, stateDir }) => {
  const rpc = `http://127.0.0.1:${port}`;
  const node = startService(
    "chain",
    join(root, "node_modules/.bin/hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: root,
      env: { CHAIN_INITIAL_DATE: new Date(Date.now() - SEED_DAYS * 86_400_000).toISOString() },
      log: join(stateDir, "chain.log"),
    },
  );
  try {
    const chain = { ...hardhat, rpcUrls: { default: { http: [rpc] } } };
    const client = createPublicClient({ chain, transport: http(rpc) });
    await waitFor("the local chain", async () => (await client.getChainId()) === hardhat.id, 120_000, node);
    const wallet = createWalletClient({ account: privateKeyToAccount(LOCAL_DEPLOYER_KEY), chain, transport: http(rpc) });
    const deployer = wallet.account.address;
    const relayer = privateKeyToAccount(localRelayerKey()).address;
    const system = await deploySystem(wallet, client, {
      minter: relayer,
      treasury: deployer,
      owner: deployer,
      testTokens: true,
      metadataBaseURI: "http://127.0.0.1:1/api/metadata/",
    });
    const usdc = system.tokens.USDC!;
    const hash = await wallet.writeContract({
      address: usdc.address,
      abi: testTokenAbi,
      functionName: "mint",
      args: [relayer, parseUnits("10000000", usdc.decimals)],
    });
    await client.waitForTransactionReceipt({ hash });
    const mediaDir = mkdtempSync(join(tmpdir(), "nal-bench-media-"));
    const summary = await seedDemo(rpc, system, { mediaDir, webUrl: "http://127.0.0.1:1" });
    return { rpc, describe: `demo seed (${summary})`, stop: () => stopService(node) };
  } catch (error) {
    await stopService(node);
    throw error;
  }
};

/** A running chain at BENCH_API_RPC. */
export const rpcChain: ChainSource = async () => {
  const rpc = process.env.BENCH_API_RPC!;
  const client = createPublicClient({ transport: http(rpc) });
  const block = await client.getBlockNumber();
  return { rpc, describe: `the chain at ${rpc} (${block} blocks)`, stop: async () => {} };
};

export function chainSource(env: Record<string, string | undefined> = process.env): ChainSource {
  return env.BENCH_API_RPC ? rpcChain : demoChain;
}
