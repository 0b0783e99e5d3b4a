/** Who holds a share token, largest first, with each holder's part of the supply. */
import { Address, EmptyState, Table } from "@/components/ui";
import type { ShareHolderRow } from "@/lib/shares/queries";

export function HoldersTable({
  holders,
  supply,
  artist,
}: {
  holders: readonly ShareHolderRow[];
  supply: bigint;
  artist: string;
}) {
  const pct = (b: bigint) => (supply === 0n ? "—" : `${(Number((b * 1_000_000n) / supply) / 10_000).toString()}%`);
  return (
    <Table<ShareHolderRow>
      caption="Holders"
      rows={holders}
      rowKey={(h) => h.id}
      empty={<EmptyState title="Nobody holds these shares yet" />}
      columns={[
        {
          key: "account",
          header: "Holder",
          render: (h) => (
            <>
              <Address address={h.account} />
              {h.account.toLowerCase() === artist.toLowerCase() ? <span className="muted small"> · artist</span> : null}
            </>
          ),
        },
        {
          key: "balance",
          header: "Shares",
          numeric: true,
          render: (h) => <span data-testid="holder-balance">{h.balance}</span>,
        },
        { key: "part", header: "Of supply", numeric: true, render: (h) => pct(BigInt(h.balance)) },
        { key: "bought", header: "Bought", numeric: true, render: (h) => h.bought },
      ]}
    />
  );
}
