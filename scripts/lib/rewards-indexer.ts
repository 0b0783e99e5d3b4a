/**
 * The rewards job's reads from the indexer's GraphQL API: how far it has indexed, and every milestone row up
 * to a block (paged, in chain order).
 */
import type { Address } from "viem";
import type { Milestone } from "../../contracts/lib/rewards.ts";

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`The indexer at ${url} answered ${res.status}: ${body.errors?.map((e) => e.message).join("; ")}`);
  }
  return body.data;
}

/** The last block the indexer has processed (its /status). */
export async function indexedBlock(url: string): Promise<bigint> {
  const res = await fetch(`${url}/status`);
  if (!res.ok) throw new Error(`The indexer at ${url} has no status (${res.status}): is it running and ready?`);
  const status = (await res.json()) as Record<string, { block: { number: number } | null }>;
  const block = Object.values(status)[0]?.block?.number;
  if (block === undefined) throw new Error(`The indexer at ${url} has indexed no block yet.`);
  return BigInt(block);
}

type MilestoneRow = { account: Address; kind: string; period: string; block: string; logIndex: number };

/** Every milestone with block <= `toBlock`. */
export async function milestonesFromIndexer(url: string, toBlock: bigint): Promise<Milestone[]> {
  const out: Milestone[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      milestones: { items: MilestoneRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await gql(
      url,
      `query($after: String, $to: BigInt!) {
        milestones(where: { block_lte: $to }, orderBy: "id", limit: 1000, after: $after) {
          items { account kind period block logIndex } pageInfo { hasNextPage endCursor }
        }
      }`,
      { after, to: toBlock.toString() },
    );
    for (const r of data.milestones.items) out.push({ ...r, block: BigInt(r.block) });
    if (!data.milestones.pageInfo.hasNextPage || !data.milestones.pageInfo.endCursor) return out;
    after = data.milestones.pageInfo.endCursor;
  }
}
