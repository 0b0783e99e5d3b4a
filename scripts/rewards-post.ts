/**
 * `pnpm rewards:post [--block N]`: posts the rewards root of epoch N (default: the indexer's latest indexed
 * block) built from the indexer's milestone rows up to N, signed by the rewards signer.
 *
 *   RPC_URL (default http://127.0.0.1:8545)  INDEXER_URL (default http://127.0.0.1:42069)
 *   REWARDS_SIGNER_KEY (required off the local chain, where account #18 of the local mnemonic signs)
 */
import { createPublicClient, createWalletClient, defineChain, http } from "viem";
import { getDeployment } from "../contracts/lib/deployment.ts";
import { LOCAL_RPC_URL } from "./lib/env.ts";
import { indexedBlock, milestonesFromIndexer } from "./lib/rewards-indexer.ts";
import { planEpoch, postEpoch, rewardsSigner } from "./lib/rewards-job.ts";

function blockArg(argv: string[]): bigint | undefined {
  const i = argv.indexOf("--block");
  if (i < 0) return undefined;
  const raw = argv[i + 1] ?? "";
  if (!/^\d+$/.test(raw)) throw new Error(`--block needs a block number, not "${raw}"`);
  return BigInt(raw);
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const rpcUrl = process.env.RPC_URL ?? LOCAL_RPC_URL;
  const indexerUrl = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
  const probe = createPublicClient({ transport: http(rpcUrl) });
  const chainId = await probe.getChainId();
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const rewards = getDeployment(chainId).contracts.Rewards;
  if (!rewards) throw new Error(`Chain ${chainId}'s deployment has no Rewards contract.`);
  const indexed = await indexedBlock(indexerUrl);
  const block = blockArg(argv) ?? indexed;
  if (block > indexed) throw new Error(`The indexer has reached block ${indexed} only, not ${block}.`);
  const plan = await planEpoch(client, rewards.address, await milestonesFromIndexer(indexerUrl, block), block);
  if (!plan.root) {
    console.log(`epoch ${block}: no new milestone to reward, nothing posted`);
    return;
  }
  const wallet = createWalletClient({ account: rewardsSigner(chainId), chain, transport: http(rpcUrl) });
  const hash = await postEpoch(client, wallet, rewards.address, plan);
  console.log(`epoch ${block}: ${plan.leaves.length} leaves, total ${plan.total}, root ${plan.root} (tx ${hash})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
