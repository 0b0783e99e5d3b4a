/**
 * The local stack's rewards step, after the seed is indexed: funds the budget from the treasury, posts the
 * first epoch with the local signer (the same job as `pnpm rewards:post`), then moves the chain's clock past
 * the delay so the demo's rewards are claimable. Does nothing when no milestone was reached.
 */
import { createWalletClient, http, parseUnits, type Account, type Chain, type PublicClient } from "viem";
import { rewardsAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import type { DeployedSystem } from "./system.ts";
import { indexedBlock, milestonesFromIndexer } from "./rewards-indexer.ts";
import { planEpoch, postEpoch, rewardsSigner } from "./rewards-job.ts";
import { rewardDecimals } from "./rewards-chain.ts";

/** What the demo budget starts with, in whole tokens. */
const DEMO_BUDGET = "50000";

export async function seedRewards(options: {
  client: PublicClient;
  chain: Chain;
  rpc: string;
  system: DeployedSystem;
  /** The treasury: mints the test USDC and funds the budget. */
  treasury: Account;
  indexerUrl: string;
}): Promise<string> {
  const { client, chain, rpc, system, indexerUrl } = options;
  const rewards = system.contracts.Rewards?.address;
  if (!rewards) return "no Rewards contract deployed";
  const block = await indexedBlock(indexerUrl);
  const plan = await planEpoch(client, rewards, await milestonesFromIndexer(indexerUrl, block), block);
  if (!plan.root) return `no milestone up to block ${block}: no epoch posted`;

  const treasury = createWalletClient({ account: options.treasury, chain, transport: http(rpc) });
  const token = await client.readContract({ address: rewards, abi: rewardsAbi, functionName: "TOKEN" });
  const amount = parseUnits(DEMO_BUDGET, await rewardDecimals(client, rewards));
  for (const [address, abi, functionName, args] of [
    [token, testTokenAbi, "mint", [options.treasury.address, amount]],
    [token, testTokenAbi, "approve", [rewards, amount]],
    [rewards, rewardsAbi, "fund", [amount]],
  ] as const) {
    const hash = await treasury.writeContract({ address, abi, functionName, args } as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`rewards seed: ${functionName} reverted`);
  }

  const signer = createWalletClient({ account: rewardsSigner(chain.id), chain, transport: http(rpc) });
  await postEpoch(client, signer, rewards, plan);
  // Past the delay: the node's next blocks are stamped after it.
  const delay = await client.readContract({ address: rewards, abi: rewardsAbi, functionName: "delay" });
  await client.request({ method: "evm_increaseTime", params: [Number(delay) + 60] } as never);
  await client.request({ method: "evm_mine", params: [] } as never);
  return `rewards epoch ${plan.epoch}: ${plan.leaves.length} leaves, ${plan.total} units, claimable now (budget ${DEMO_BUDGET})`;
}
