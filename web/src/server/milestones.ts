/**
 * An account's success as the indexer records it: lifetime and this month's dollars (account_stats,
 * artist_month) and its milestones (newest first), each with the transaction that reached it.
 */
import { achievement, utcMonth } from "@notalabel/contracts";
import { gql } from "../lib/indexer.ts";

export type MilestoneView = {
  kind: string;
  title: string;
  period: string;
  /** Micro-dollars for dollar milestones, a count for count milestones, null otherwise. */
  value: string | null;
  dollars: boolean;
  timestamp: number;
  txHash: string;
};

export type Success = { lifetimeUsd: string; monthUsd: string; milestones: MilestoneView[] };

export async function loadSuccess(base: string, account: string, nowS: number): Promise<Success> {
  const id = account.toLowerCase();
  const month = utcMonth(BigInt(nowS));
  const data = await gql<{
    accountStats: { usd: string } | null;
    artistMonth: { usd: string } | null;
    milestones: { items: { kind: string; period: string; value: string | null; timestamp: string; txHash: string }[] };
  }>(
    base,
    `query S($id: String!, $month: String!) {
      accountStats(id: $id) { usd }
      artistMonth(id: $month) { usd }
      milestones(where: { account: $id }, orderBy: "block", orderDirection: "desc", limit: 50) {
        items { kind period value timestamp txHash }
      }
    }`,
    { id, month: `${id}-${month}` },
  );
  return {
    lifetimeUsd: data.accountStats?.usd ?? "0",
    monthUsd: data.artistMonth?.usd ?? "0",
    milestones: data.milestones.items.map((m) => ({
      kind: m.kind,
      title: achievement(m.kind)?.title ?? m.kind,
      period: m.period,
      value: m.value,
      dollars: m.kind.startsWith("earned-") || m.kind.startsWith("month-"),
      timestamp: Number(m.timestamp),
      txHash: m.txHash,
    })),
  };
}
