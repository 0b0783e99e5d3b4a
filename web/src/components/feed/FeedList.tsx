import Link from "next/link";
import { Address } from "@/components/ui";
import { dropPath } from "@/lib/dropSale";
import { feedVerb, type FeedEntry } from "@/lib/feed";
import { formatAmount, formatDateTime, formatUsd } from "@/lib/format";

/**
 * Feed entries as a list: who did what, for how much, when, and the transaction that proves it
 * (/tx/<hash>: the chain's own record of it). Renders on the server and in LiveFeed alike.
 */
export function FeedList({ entries }: { entries: readonly FeedEntry[] }) {
  return (
    <ol className="feed-list" data-testid="feed-list">
      {entries.map((e) => (
        <li key={e.id} className="feed-item" data-kind={e.kind} data-testid="feed-item" data-tx={e.txHash}>
          <p className="feed-line">
            {(e.kind === "artist" || e.kind === "milestone") && e.artist ? (
              <Link href={`/artists/${e.artist.handle}`}>{e.artist.name}</Link>
            ) : (
              <Address address={e.actor} />
            )}{" "}
            {feedVerb(e)}
            {e.release ? " " : null}
            {e.release ? <Link href={dropPath(e.release.collection, e.release.tokenId)}>{e.release.title}</Link> : null}
            {e.kind !== "artist" && e.kind !== "milestone" && e.artist ? (
              <>
                {" "}
                by <Link href={`/artists/${e.artist.handle}`}>{e.artist.name}</Link>
              </>
            ) : null}
            {e.kind === "sale" && e.counterparty ? (
              <>
                {" "}
                from <Address address={e.counterparty} />
              </>
            ) : null}
            {e.paid && BigInt(e.paid.amount) > 0n ? (
              <>
                {" "}
                for{" "}
                <strong>
                  {formatAmount(e.paid.amount, e.paid.decimals)} {e.paid.symbol}
                </strong>
                {e.usd !== null && BigInt(e.usd) > 0n ? <span className="muted"> ({formatUsd(e.usd)})</span> : null}
              </>
            ) : null}
            {e.kind === "milestone" && e.usd !== null ? <span className="muted"> ({formatUsd(e.usd)})</span> : null}
            {e.kind === "artist" && e.counterparty ? (
              <>
                , brought by <Address address={e.counterparty} />
              </>
            ) : null}
          </p>
          <p className="feed-meta small muted">
            <time dateTime={new Date(e.timestamp * 1000).toISOString()}>{formatDateTime(e.timestamp)}</time> ·{" "}
            <Link href={`/tx/${e.txHash}`} title={`The transaction that proves it: ${e.txHash}`}>
              proof on chain
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
