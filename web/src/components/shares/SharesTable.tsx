/** Share tokens with their artist, supply, offering status and price: the /shares list and an artist's page. */
import Link from "next/link";
import { Badge, EmptyState, Table } from "@/components/ui";
import type { ArtistRef } from "@/lib/drops";
import { formatPrice } from "@/lib/dropSale";
import { offeringRemaining, offeringStatus, STATUS_LABEL, STATUS_TONE } from "@/lib/shares/offering";
import type { ShareTokenRow } from "@/lib/shares/queries";
import { tokenInfo } from "@/lib/tokens";

export function SharesTable({
  shares,
  artists,
  chainId,
  now,
  caption,
}: {
  shares: readonly ShareTokenRow[];
  artists?: Map<string, ArtistRef>;
  chainId: number;
  now: number;
  caption: string;
}) {
  return (
    <Table<ShareTokenRow>
      caption={caption}
      rows={shares}
      rowKey={(s) => s.id}
      empty={<EmptyState title="No shares yet">Artists sell royalty shares of their songs here.</EmptyState>}
      columns={[
        {
          key: "name",
          header: "Shares",
          render: (s) => (
            <Link href={`/shares/${s.id}`} data-testid="shares-link">
              {s.name} <span className="muted">({s.symbol})</span>
            </Link>
          ),
        },
        ...(artists
          ? [
              {
                key: "artist",
                header: "Artist",
                render: (s: ShareTokenRow) => {
                  const a = artists.get(s.artist.toLowerCase());
                  return a ? <Link href={`/artists/${a.handle}`}>@{a.handle}</Link> : s.artist.slice(0, 10);
                },
              },
            ]
          : []),
        { key: "supply", header: "Supply", numeric: true, render: (s) => s.supply },
        { key: "holders", header: "Holders", numeric: true, render: (s) => s.holderCount },
        {
          key: "status",
          header: "Offering",
          render: (s) => {
            const st = offeringStatus(s, now);
            return (
              <span data-testid="shares-status" data-status={st}>
                <Badge tone={STATUS_TONE[st]}>{STATUS_LABEL[st]}</Badge>
              </span>
            );
          },
        },
        {
          key: "price",
          header: "Price",
          numeric: true,
          render: (s) =>
            BigInt(s.offeringAmount) === 0n
              ? "—"
              : formatPrice(BigInt(s.offeringPrice), tokenInfo(chainId, s.offeringCurrency)),
        },
        { key: "left", header: "Left", numeric: true, render: (s) => offeringRemaining(s, now).toString() },
      ]}
    />
  );
}
