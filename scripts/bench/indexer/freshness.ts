/**
 * Freshness at head: blocks of `size` platform transactions (tips and mints) mined at a steady pace; for
 * each, the time from `evm_mine` returning to the indexer's GraphQL API (as the web app queries it)
 * returning the payment of the block's last transaction. The clock is performance.now().
 */
import { decodeFunctionData } from "viem";
import { ledgerAbi } from "../../../contracts/generated/abis.ts";
import { pay } from "../chain/ops-ledger.ts";
import { mint } from "../chain/ops-drops.ts";
import type { GeneratedChain } from "../chain/generate.ts";
import type { Tx } from "../chain/rpc.ts";
import type { Indexer } from "./ponder.ts";
import { poll } from "./poll.ts";
import { round } from "./backfill.ts";

export type Freshness = {
  blocks: number;
  txsPerBlock: number;
  /** Milliseconds from the block mined to its last payment served by /graphql. */
  p50: number;
  p95: number;
  max: number;
  samples: number[];
};

const QUERY = `query Fresh($artist: String!, $tx: String!) {
  payments(where: { artist: $artist, txHash: $tx }, limit: 1) { items { id } }
}`;

async function served(url: string, artist: string, txHash: string): Promise<boolean> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: QUERY, variables: { artist: artist.toLowerCase(), tx: txHash } }),
  });
  if (!res.ok) return false;
  const body = (await res.json()) as { data?: { payments: { items: unknown[] } } };
  return (body.data?.payments.items.length ?? 0) > 0;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function measureFreshness(
  chain: GeneratedChain,
  indexer: Indexer,
  options: { blocks: number; size: number; paceMs: number },
): Promise<Freshness> {
  const w = chain.world;
  const samples: number[] = [];
  for (let b = 0; b < options.blocks; b++) {
    const txs: Tx[] = [];
    while (txs.length < options.size - 1) txs.push((w.rng.chance(0.5) ? mint(w, "ETH") : null) ?? pay(w, "ETH"));
    // The last one is a tip: its payment row names the artist and the transaction.
    const last = pay(w, "ETH");
    txs.push(last);
    const { args } = decodeFunctionData({ abi: ledgerAbi, data: last.data });
    const artist = (args[0] as { artist: string }).artist;
    const { hashes, minedAt } = await chain.mineBlock(txs);
    const hash = hashes[hashes.length - 1]!;
    await poll(`block ${b + 1}'s last payment on ${indexer.db}`, () => served(indexer.url, artist, hash), {
      intervalMs: 20,
      timeoutMs: 60_000,
      service: indexer.service,
    });
    samples.push(performance.now() - minedAt);
    const wait = options.paceMs - (performance.now() - minedAt);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    blocks: options.blocks,
    txsPerBlock: options.size,
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    max: Math.round(sorted[sorted.length - 1]!),
    samples: samples.map((s) => round(s, 0)),
  };
}
