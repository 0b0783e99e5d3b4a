import Link from "next/link";
import { Badge } from "@/components/ui";
import { Cover } from "@/components/drops/Cover";
import { formatPrice } from "@/lib/dropSale";
import { collectionMarketPath, marketPath } from "@/lib/market/paths";
import type { ClockSample } from "@/lib/market/clock";
import { PlayButton } from "@/components/player/PlayButton";
import { PlayList } from "@/components/player/PlayScope";
import { releaseTrack, releaseTracks } from "@/components/player/tracks";
import { Countdown } from "./Countdown";
import type { MarketCardData } from "./summaries";

/** Cards of listings and auctions: cover, title, a play button, artist, price or highest bid, and the auction's time left. */
export function MarketGrid({
  items,
  clock,
  label,
}: {
  items: MarketCardData[];
  clock: ClockSample | null;
  label: string;
}) {
  const card = (d: MarketCardData) => ({ ...d, artist: d.artistLabel });
  return (
    <PlayList
      tracks={releaseTracks(items.map(card))}
      className="drop-grid"
      aria-label={label}
      data-testid="market-grid"
    >
      {items.map((d) => (
        <li
          key={`${d.kind}-${d.id}`}
          className="drop-card"
          data-testid={`market-item-${d.kind}`}
          data-collection={d.collection}
          data-token-id={d.tokenId}
        >
          <Link href={marketPath(d.collection, d.tokenId)} className="drop-card-link">
            <Cover src={d.image} title={d.title} />
            <span className="drop-card-title">{d.title}</span>
          </Link>
          <PlayButton track={releaseTrack(card(d))} />
          <div className="drop-card-body">
            {d.collectionName ? (
              <p className="small muted" style={{ margin: 0 }}>
                <Link href={collectionMarketPath(d.collection)} data-testid="market-item-collection">
                  {d.collectionName}
                </Link>
              </p>
            ) : null}
            {d.artistLabel ? (
              <p className="drop-card-artist">
                {d.artistLabel.handle ? (
                  <Link href={`/artists/${d.artistLabel.handle}`}>{d.artistLabel.name}</Link>
                ) : (
                  d.artistLabel.name
                )}
              </p>
            ) : null}
            <p className="drop-card-price">
              <Badge tone={d.kind === "auction" ? "accent" : "neutral"}>
                {d.kind === "auction" ? "Auction" : "Buy now"}
              </Badge>{" "}
              <strong data-testid="market-item-price">{formatPrice(d.price, d.currencyInfo)}</strong>
              {d.kind === "listing" ? (
                <span className="muted small"> each · {d.quantity.toString()} left</span>
              ) : (
                <span className="muted small">
                  {" "}
                  {d.bids ? `highest of ${d.bids} bid${d.bids === 1 ? "" : "s"}` : "reserve"}
                  {d.quantity > 1n ? ` · lot of ${d.quantity}` : ""}
                </span>
              )}
            </p>
            {d.kind === "auction" ? <Countdown end={d.endsAt} clock={clock} testId="market-item-countdown" /> : null}
          </div>
        </li>
      ))}
    </PlayList>
  );
}
