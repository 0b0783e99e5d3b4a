/** The splits that name a vault as a recipient, and the part each gives it (split_recipient rows). */
import { Address } from "@/components/ui";
import { formatPpm } from "@/lib/format";
import type { SplitNamingRow } from "@/lib/shares/vault";

export function VaultSplits({ rows, what }: { rows: readonly SplitNamingRow[]; what: string }) {
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="vault-splits" data-count={0}>
        No split names {what} yet: it earns only what is sent or deposited to it directly.
      </p>
    );
  return (
    <ul
      className="vault-list"
      aria-label={`Splits that pay ${what}`}
      data-testid="vault-splits"
      data-count={rows.length}
    >
      {rows.map((r) => (
        <li key={r.split} className="row-between">
          <Address address={r.split} href={`/splits/${r.split}`} />
          <span data-testid="vault-split-part">{formatPpm(r.allocation)} of it</span>
        </li>
      ))}
    </ul>
  );
}
