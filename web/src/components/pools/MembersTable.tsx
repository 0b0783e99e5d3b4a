/** A pool's members (active first) with their weight and part of the pool's income; former members greyed. */
import Link from "next/link";
import { Address, Badge, EmptyState, Table } from "@/components/ui";
import type { ArtistRef } from "@/lib/drops";
import { formatDate } from "@/lib/format";
import type { PoolMemberRow, PoolRow } from "@/lib/pools/queries";

export function MembersTable({
  pool,
  members,
  artists,
}: {
  pool: PoolRow;
  members: readonly PoolMemberRow[];
  artists: Map<string, ArtistRef>;
}) {
  const total = BigInt(pool.totalWeight);
  return (
    <Table<PoolMemberRow>
      caption="Members"
      rows={members}
      rowKey={(m) => m.id}
      empty={<EmptyState title="No members" />}
      columns={[
        {
          key: "account",
          header: "Member",
          render: (m) => {
            const a = artists.get(m.account.toLowerCase());
            return (
              <span data-testid="pool-member" data-account={m.account.toLowerCase()} data-active={m.active}>
                {a ? <Link href={`/artists/${a.handle}`}>@{a.handle}</Link> : <Address address={m.account} />}
                {m.account.toLowerCase() === pool.admin.toLowerCase() ? (
                  <span className="muted small"> · admin</span>
                ) : null}
              </span>
            );
          },
        },
        {
          key: "weight",
          header: "Weight",
          numeric: true,
          render: (m) => <span data-testid="pool-member-weight">{m.weight}</span>,
        },
        {
          key: "part",
          header: "Part of income",
          numeric: true,
          render: (m) =>
            m.active && total > 0n ? `${Number((BigInt(m.weight) * 1_000_000n) / total) / 10_000}%` : "—",
        },
        {
          key: "since",
          header: "Since",
          render: (m) =>
            m.active ? formatDate(m.joinedAt) : <Badge>{`left ${m.leftAt ? formatDate(m.leftAt) : ""}`.trim()}</Badge>,
        },
      ]}
    />
  );
}
