import Link from "next/link";
import { Address as AddressView, Badge, type Tone } from "@/components/ui";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { tokenInfo } from "@/lib/tokens";
import { marketPath } from "@/lib/market/paths";
import type { ActivityEntry, ActivityKind } from "@/lib/market/activity";

const TONE: Record<ActivityKind, Tone> = {
  sale: "success",
  listing: "neutral",
  offer: "accent",
  auction: "warning",
  bid: "accent",
};

/**
 * The activity feed as a table: what happened, to which token, for how much, by whom and when. Each row
 * carries data-testid="activity-row" and data-kind for tests.
 */
export function ActivityList({
  entries,
  chainId,
  titles,
  showItem = true,
}: {
  entries: readonly ActivityEntry[];
  chainId: number;
  /** Token titles by "<collection>-<tokenId>". */
  titles: ReadonlyMap<string, string>;
  showItem?: boolean;
}) {
  if (entries.length === 0) return <p className="muted">No market activity yet.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Market activity" tabIndex={0}>
      <table data-testid="activity-feed">
        <caption className="sr-only">Market activity, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            {showItem ? <th scope="col">Item</th> : null}
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">By</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const token = tokenInfo(chainId, e.currency);
            const key = `${e.collection.toLowerCase()}-${e.tokenId ?? ""}`;
            const title = e.tokenId === null ? "Any token of the collection" : (titles.get(key) ?? `#${e.tokenId}`);
            return (
              <tr key={e.id} data-testid="activity-row" data-kind={e.kind}>
                <td>
                  <Badge tone={TONE[e.kind]}>{e.label}</Badge>
                </td>
                {showItem ? (
                  <td>
                    {e.tokenId === null ? title : <Link href={marketPath(e.collection, e.tokenId)}>{title}</Link>}
                    {e.quantity > 1n ? <span className="muted small"> × {e.quantity.toString()}</span> : null}
                  </td>
                ) : null}
                <td className="num">
                  {formatPrice(e.amount, token)}
                  {e.kind === "listing" || e.kind === "offer" ? <span className="muted small"> each</span> : null}
                </td>
                <td>
                  <AddressView address={e.actor} />
                  {e.counterparty ? (
                    <span className="small muted">
                      {" "}
                      from <AddressView address={e.counterparty} />
                    </span>
                  ) : null}
                </td>
                <td className="small">{formatDateTime(e.timestamp)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
