/**
 * A fresh Hardhat node with the system deployed and nothing else: the leaderboard benchmark only needs
 * `ponder start` to create its tables (the rows are then written in SQL, ./fill.ts), so no seed.
 */
import { join } from "node:path";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { LOCAL_DEPLOYER_KEY } from "../../lib/env.ts";
import { startService, stopService, waitFor } from "../../lib/processes.ts";
import { deploySystem } from "../../lib/system.ts";
import type { Chain } from "../api/source.ts";

const root = new URL("../../..", import.meta.url).pathname;

export async function deployedChain({ port, stateDir }: { port: number; stateDir: string }): Promise<Chain> {
  const rpc = `http://127.0.0.1:${port}`;
  const node = startService(
    "chain",
    join(root, "node_modules/.bin/hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: root, log: join(stateDir, "chain.log") },
  );
  try {
    const chain = { ...hardhat, rpcUrls: { default: { http: [rpc] } } };
    const client = createPublicClient({ chain, transport: http(rpc) });
    await waitFor("the local chain", async () => (await client.getChainId()) === hardhat.id, 120_000, node);
    const wallet = createWalletClient({
      account: privateKeyToAccount(LOCAL_DEPLOYER_KEY),
      chain,
      transport: http(rpc),
    });
    const deployer = wallet.account.address;
    await deploySystem(wallet, client, { minter: deployer, treasury: deployer, owner: deployer, testTokens: true });
    return { rpc, describe: "the system deployed, no seed", stop: () => stopService(node) };
  } catch (error) {
    await stopService(node);
    throw error;
  }
}
