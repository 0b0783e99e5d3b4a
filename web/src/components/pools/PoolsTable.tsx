/** Pools with their admin, rule, join policy, members and budget part: the /pools list and an artist's page. */
import Link from "next/link";
import { Badge, EmptyState, Table } from "@/components/ui";
import type { ArtistRef } from "@/lib/drops";
import type { PoolRow } from "@/lib/pools/queries";
import { tokenInfo } from "@/lib/tokens";

export const RULE_LABEL = { equal: "Equal parts", weights: "By weight" } as const;
export const POLICY_LABEL = { admin: "Admin admits", vote: "Members vote" } as const;

export function PoolsTable({
  pools,
  artists,
  chainId,
  caption,
}: {
  pools: readonly PoolRow[];
  artists?: Map<string, ArtistRef>;
  chainId: number;
  caption: string;
}) {
  return (
    <Table<PoolRow>
      caption={caption}
      rows={pools}
      rowKey={(p) => p.id}
      empty={<EmptyState title="No pools yet">Artists pool part of their income with other artists here.</EmptyState>}
      columns={[
        {
          key: "name",
          header: "Pool",
          render: (p) => (
            <Link href={`/pools/${p.id}`} data-testid="pool-link">
              {p.name}
            </Link>
          ),
        },
        ...(artists
          ? [
              {
                key: "admin",
                header: "Admin",
                render: (p: PoolRow) => {
                  const a = artists.get(p.admin.toLowerCase());
                  return a ? <Link href={`/artists/${a.handle}`}>@{a.handle}</Link> : p.admin.slice(0, 10);
                },
              },
            ]
          : []),
        { key: "rule", header: "Shares income", render: (p) => <Badge>{RULE_LABEL[p.rule] ?? p.rule}</Badge> },
        { key: "policy", header: "New members", render: (p) => POLICY_LABEL[p.policy] ?? p.policy },
        { key: "members", header: "Members", numeric: true, render: (p) => p.memberCount },
        { key: "budget", header: "Budget", numeric: true, render: (p) => `${p.budgetBps / 100}%` },
        {
          key: "currency",
          header: "Currencies",
          render: (p) => (BigInt(p.currency) === 0n ? "ETH" : `ETH, ${tokenInfo(chainId, p.currency).symbol}`),
        },
      ]}
    />
  );
}
