/** The terms of a primary offering as a definition list: price, amount, sold, left, cap, window. */
import { Badge } from "@/components/ui";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { offeringRemaining, offeringStatus, STATUS_LABEL, STATUS_TONE } from "@/lib/shares/offering";
import type { ShareTokenRow } from "@/lib/shares/queries";
import { tokenInfo } from "@/lib/tokens";

export function OfferingTerms({ row, chainId, now }: { row: ShareTokenRow; chainId: number; now: number }) {
  const status = offeringStatus(row, now);
  if (status === "none") return <p className="muted">No shares are offered for sale: the artist holds all of them.</p>;
  const token = tokenInfo(chainId, row.offeringCurrency);
  return (
    <dl className="definition" data-testid="offering-terms">
      <dt>Status</dt>
      <dd>
        <span data-testid="offering-status" data-status={status}>
          <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>
        </span>
      </dd>
      <dt>Price</dt>
      <dd data-testid="offering-price">{formatPrice(BigInt(row.offeringPrice), token)} per share</dd>
      <dt>Offered</dt>
      <dd>{row.offeringAmount} shares</dd>
      <dt>Sold</dt>
      <dd data-testid="offering-sold">{row.sold}</dd>
      <dt>Remaining</dt>
      <dd data-testid="offering-remaining">{offeringRemaining(row, now).toString()}</dd>
      <dt>Per wallet</dt>
      <dd>{BigInt(row.offeringWalletCap) === 0n ? "No cap" : `At most ${row.offeringWalletCap}`}</dd>
      <dt>Window</dt>
      <dd>
        from {formatDateTime(row.offeringStart)}
        {Number(row.offeringEnd) > 0 ? ` until ${formatDateTime(row.offeringEnd)}` : ", until sold out or ended"}
      </dd>
    </dl>
  );
}
