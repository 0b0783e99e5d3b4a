/**
 * The indexer and chain reads behind GET /api/rewards: the posted epochs, the milestones up to the last one
 * (proved once per set of epochs and kept: see ./epochs.ts), and the account's claims and badges.
 */
import type { Milestone } from "@notalabel/contracts";
import { erc20Abi, type Address, type Hex, type PublicClient } from "viem";
import { rewardsAbi } from "@notalabel/contracts";
import { gql } from "../../lib/indexer.ts";
import { accountRewards, type AccountReward } from "./account.ts";
import { proveEpochs, type EpochRow, type ServedEpoch } from "./epochs.ts";

type Page<T> = { items: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Every row of `field` (paged): `decl` declares the query's variables, `args` filters and orders. */
async function all<T>(
  base: string,
  field: string,
  selection: string,
  { decl = "", args = "", vars = {} }: { decl?: string; args?: string; vars?: Record<string, unknown> } = {},
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Page<T>> = await gql(
      base,
      `query R($after: String${decl}) { ${field}(${args} limit: 1000, after: $after) { items { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, ...vars },
    );
    const page = data[field]!;
    rows.push(...page.items);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}

const EPOCH_FIELDS =
  "epoch root total claimed availableAt revoked postedBlock postedLogIndex revokedBlock revokedLogIndex";

let kept: { key: string; epochs: Promise<ServedEpoch[]> } | null = null;

/** Every posted epoch with its proven leaves; recomputed only when an epoch is posted or revoked. */
export async function servedEpochs(base: string, decimals: number): Promise<ServedEpoch[]> {
  const rows = await all<EpochRow>(base, "rewardEpochs", EPOCH_FIELDS, { args: 'orderBy: "epoch",' });
  if (rows.length === 0) return [];
  const key = `${base}|${decimals}|${rows.map((r) => `${r.epoch}:${r.root}:${r.revokedBlock}`).join(",")}`;
  if (kept?.key !== key) {
    const last = rows.at(-1)!.epoch;
    const epochs = all<{ account: Address; kind: string; period: string; block: string; logIndex: number }>(
      base,
      "milestones",
      "account kind period block logIndex",
      { decl: ", $to: BigInt!", args: "where: { block_lte: $to },", vars: { to: last } },
    ).then((ms) => {
      const milestones: Milestone[] = ms.map((m) => ({ ...m, block: BigInt(m.block) }));
      const served = proveEpochs(rows, milestones, decimals);
      for (const e of served) {
        if (!e.matches) console.error(`rewards: epoch ${e.row.epoch}'s recomputed root is not the root on chain`);
      }
      return served;
    });
    kept = { key, epochs };
    epochs.catch(() => {
      if (kept?.epochs === epochs) kept = null;
    });
  }
  // Rows are fresher than the kept ones only in claimed totals and revocations (part of the key).
  const served = await kept.epochs;
  return served.map((e, i) => ({ ...e, row: rows[i]! }));
}

let decimalsKept: Promise<number> | null = null;

/** The decimals of the token the Rewards contract pays (read once). */
export function rewardDecimals(client: PublicClient, rewards: Address): Promise<number> {
  decimalsKept ??= (async () => {
    const token = await client.readContract({ address: rewards, abi: rewardsAbi, functionName: "TOKEN" });
    return client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" });
  })();
  decimalsKept.catch(() => (decimalsKept = null));
  return decimalsKept;
}

/** The account's leaves with their state: what GET /api/rewards answers. */
export async function loadAccountRewards(
  base: string,
  client: PublicClient,
  rewards: Address,
  account: Address,
): Promise<{ now: number; token: Address; rewards: AccountReward[] }> {
  const lower = account.toLowerCase();
  const [decimals, token, block, mine] = await Promise.all([
    rewardDecimals(client, rewards),
    client.readContract({ address: rewards, abi: rewardsAbi, functionName: "TOKEN" }),
    client.getBlock(),
    gql<{ rewardClaims: { items: { rewardId: Hex }[] }; badgeHolders: { items: { badge: string }[] } }>(
      base,
      `query Mine($a: String!) {
        rewardClaims(where: { account: $a }, limit: 1000) { items { rewardId } }
        badgeHolders(where: { account: $a }, limit: 1000) { items { badge } }
      }`,
      { a: lower },
    ),
  ]);
  const epochs = await servedEpochs(base, decimals);
  const paid = new Set(mine.rewardClaims.items.map((c) => c.rewardId.toLowerCase()));
  const badges = new Set(mine.badgeHolders.items.map((b) => b.badge));
  const now = Number(block.timestamp);
  return { now, token, rewards: accountRewards(epochs, lower, paid, badges, now) };
}
