/**
 * The generator's own Hardhat node: started on a free port with automine off and a zero base fee, so
 * the generator fills each block with a batch of transactions and mines it with `evm_mine`.
 */
import { join } from "node:path";
import { createPublicClient, http, type PublicClient } from "viem";
import { hardhat } from "viem/chains";
import { freePort, startService, stopService, waitFor, type Service } from "../../lib/processes.ts";
import { Rpc } from "./rpc.ts";

const root = new URL("../../..", import.meta.url).pathname;

export type ChainNode = { url: string; rpc: Rpc; client: PublicClient; service: Service; stop: () => Promise<void> };

export async function startNode(stateDir: string): Promise<ChainNode> {
  const port = await freePort();
  const service = startService(
    "chain",
    join(root, "node_modules/.bin/hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: root, log: join(stateDir, "chain.log") },
  );
  const url = `http://127.0.0.1:${port}`;
  const chain = { ...hardhat, rpcUrls: { default: { http: [url] } } };
  const client = createPublicClient({ chain, transport: http(url), pollingInterval: 50 }) as PublicClient;
  try {
    await waitFor("the Hardhat node", async () => (await client.getChainId()) === hardhat.id, 120_000, service);
  } catch (error) {
    await stopService(service);
    throw error;
  }
  return { url, rpc: new Rpc(url), client, service, stop: () => stopService(service) };
}

/** Automine off, the base fee at zero for every block, blocks big enough for a batch of 1,000. */
export async function batchMode(rpc: Rpc): Promise<void> {
  await rpc.call("evm_setAutomine", [false]);
  await rpc.call("evm_setBlockGasLimit", ["0x" + (2_000_000_000).toString(16)]);
}

/** Mines what is queued into one block (the base fee reset first, so zero-price transactions stay valid). */
export async function mine(rpc: Rpc): Promise<void> {
  await rpc.call("hardhat_setNextBlockBaseFeePerGas", ["0x0"]);
  await rpc.call("evm_mine");
}
