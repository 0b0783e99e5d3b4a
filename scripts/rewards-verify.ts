/**
 * `pnpm rewards:verify <epoch>`: recomputes an epoch's root from the chain alone (its events, through the
 * chain-only milestone model) and compares it with the root the signer posted. Exits 1 on a mismatch.
 *
 *   RPC_URL (default http://127.0.0.1:8545)
 */
import { createPublicClient, http, type PublicClient } from "viem";
import { getDeployment } from "../contracts/lib/deployment.ts";
import { LOCAL_RPC_URL } from "./lib/env.ts";
import { verifyEpoch } from "./lib/rewards-verify.ts";
import { milestonesFromChain } from "./lib/milestone-model.ts";

export async function main(argv = process.argv.slice(2)): Promise<boolean> {
  const raw = argv[0] ?? "";
  if (!/^\d+$/.test(raw)) throw new Error("usage: pnpm rewards:verify <epoch> (the epoch's block number)");
  const client = createPublicClient({ transport: http(process.env.RPC_URL ?? LOCAL_RPC_URL) });
  const deployment = getDeployment(await client.getChainId());
  const rewards = deployment.contracts.Rewards;
  if (!rewards) throw new Error(`Chain ${deployment.chainId}'s deployment has no Rewards contract.`);
  // The chain-only milestone model, shared with the indexer's test.
  const v = await verifyEpoch(client, rewards.address, BigInt(raw), (to) =>
    milestonesFromChain(client as PublicClient, deployment, to),
  );
  console.log(
    v.match
      ? `epoch ${v.epoch}: match (${v.leaves} leaves, root ${v.onChain})`
      : `epoch ${v.epoch}: MISMATCH: the chain has root ${v.onChain}, its milestones give ${v.recomputed ?? "no leaves"} (${v.leaves} leaves)`,
  );
  return v.match;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (match) => process.exit(match ? 0 : 1),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(2);
    },
  );
}
