import Link from "next/link";
import type { ClockSample } from "@/lib/market/clock";
import { dropPath, formatPrice, hasPresale, supplyText } from "@/lib/dropSale";
import { PlayButton } from "@/components/player/PlayButton";
import { PlayList } from "@/components/player/PlayScope";
import { releaseTrack, releaseTracks } from "@/components/player/tracks";
import { Cover } from "./Cover";
import { SaleCountdown } from "./SaleCountdown";
import type { DropSummary } from "./summaries";

/**
 * A grid of drop cards: cover, title, a play button, artist, price, supply left and a live sale status by the chain's
 * clock (`clock`: the server's reading of it, lib/market/chainTime.ts).
 */
export function DropGrid({
  drops,
  serverNow,
  clock = null,
  label,
}: {
  drops: DropSummary[];
  serverNow: number;
  clock?: ClockSample | null;
  label: string;
}) {
  return (
    <PlayList tracks={releaseTracks(drops)} className="drop-grid" aria-label={label}>
      {drops.map((d) => (
        <li key={`${d.collection}-${d.tokenId}`} className="drop-card">
          <Link href={dropPath(d.collection, d.tokenId)} className="drop-card-link">
            <Cover src={d.image} title={d.title} />
            <span className="drop-card-title">{d.title}</span>
          </Link>
          <PlayButton track={releaseTrack(d)} />
          <div className="drop-card-body">
            {d.artist ? (
              <p className="drop-card-artist">
                {d.artist.handle ? <Link href={`/artists/${d.artist.handle}`}>{d.artist.name}</Link> : d.artist.name}
              </p>
            ) : null}
            <p className="drop-card-price">
              <strong>{formatPrice(d.state.price, d.currency)}</strong>
              {hasPresale(d.state) && d.state.presalePrice !== d.state.price ? (
                <span className="muted small"> · presale {formatPrice(d.state.presalePrice, d.currency)}</span>
              ) : null}
            </p>
            <p className="muted small" style={{ margin: 0 }}>
              {supplyText(d.state)}
            </p>
            <SaleCountdown state={d.state} serverNow={serverNow} clock={clock} compact />
          </div>
        </li>
      ))}
    </PlayList>
  );
}
