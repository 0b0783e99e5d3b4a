/** The latest purchases in a primary offering. */
import { Address, Amount, EmptyState, Table } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import type { SharePurchaseRow } from "@/lib/shares/queries";
import { tokenInfo } from "@/lib/tokens";

export function PurchaseList({ purchases, chainId }: { purchases: readonly SharePurchaseRow[]; chainId: number }) {
  return (
    <Table<SharePurchaseRow>
      caption="Latest purchases"
      rows={purchases}
      rowKey={(p) => p.id}
      empty={<EmptyState title="No purchases yet" />}
      columns={[
        { key: "when", header: "When", render: (p) => formatDateTime(p.timestamp) },
        { key: "buyer", header: "Buyer", render: (p) => <Address address={p.buyer} /> },
        { key: "amount", header: "Shares", numeric: true, render: (p) => p.amount },
        {
          key: "cost",
          header: "Paid",
          numeric: true,
          render: (p) => {
            const t = tokenInfo(chainId, p.currency);
            return <Amount value={p.cost} decimals={t.decimals} symbol={t.symbol} maxFraction={6} />;
          },
        },
      ]}
    />
  );
}
