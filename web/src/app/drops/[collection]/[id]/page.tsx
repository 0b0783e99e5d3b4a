import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAddress, isAddress } from "viem";
import { Address as AddressView, Alert, Badge, Card, Stat } from "@/components/ui";
import { Cover } from "@/components/drops/Cover";
import { SaleCountdown } from "@/components/drops/SaleCountdown";
import { DropBuy } from "@/components/drops/DropBuy";
import { ShareDrop } from "@/components/drops/ShareDrop";
import { DropListen } from "@/components/player/DropListen";
import { trackId } from "@/components/player/track";
import { parseProfile } from "@/lib/indexer";
import { fallbackTitle } from "@/lib/drops";
import {
  dropPath,
  formatPrice,
  hasPresale,
  parseAffiliate,
  parseTokenId,
  plural,
  saleWindows,
  supplyStat,
} from "@/lib/dropSale";
import { marketPath } from "@/lib/market/paths";
import { readChainClock } from "@/lib/market/chainTime";
import { nowFromSample } from "@/lib/market/clock";
import { getEditionPrice } from "@/server/checkout/prices";
import { serverConfig } from "@/lib/config";
import { EmbedPanel } from "@/components/share/EmbedPanel";
import { dropCard } from "@/server/share/cards";
import { shareMetadata } from "@/server/share/metadata";
import { requestOrigin } from "@/server/share/origin";
import { loadDrop, type Drop } from "./load";

type Props = {
  params: Promise<{ collection: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function resolve(params: Props["params"]) {
  const { collection, id } = await params;
  const tokenId = parseTokenId(id);
  if (!isAddress(collection, { strict: false }) || tokenId === null) return null;
  return { collection: getAddress(collection), tokenId };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await resolve(params);
  if (!r) return { title: "Drop" };
  const [loaded, card, origin] = await Promise.all([
    loadDrop(r.collection, r.tokenId),
    dropCard(r.collection, r.tokenId.toString()).catch(() => null),
    requestOrigin(),
  ]);
  if (loaded.kind !== "found") return { title: "Drop" };
  const { drop } = loaded;
  const title = drop.metadata?.name ?? fallbackTitle(drop.tokenId, drop.collectionName);
  const artist = drop.metadata?.artist ?? (drop.artistRef ? `@${drop.artistRef.handle}` : null);
  const full = artist ? `${title} by ${artist}` : title;
  return {
    title: full,
    description: drop.metadata?.description?.slice(0, 200) ?? undefined,
    // The share card (1200x630, and 3:2 for Farcaster) draws the cover with the title, price and supply.
    ...(card ? shareMetadata(origin, card, full, "Collect this drop") : {}),
  };
}

export default async function DropPage({ params, searchParams }: Props) {
  const r = await resolve(params);
  if (!r) notFound();
  const [loaded, query, cardPriceCents, clock, origin] = await Promise.all([
    loadDrop(r.collection, r.tokenId),
    searchParams,
    getEditionPrice(r.collection, r.tokenId),
    readChainClock(),
    requestOrigin(),
  ]);
  // The sale opens and ends by block time: the page counts by the chain's clock, not the browser's.
  const now = nowFromSample(clock, Date.now());

  if (loaded.kind === "unavailable")
    return (
      <main id="main" className="container">
        <Alert tone="error" title="This drop cannot be loaded right now">
          Neither the chain nor the indexer answered. Reload in a moment. ({loaded.message})
        </Alert>
      </main>
    );
  // Not a collection of this platform's drop factory, or no such edition: a real 404 (./not-found.tsx).
  if (loaded.kind === "notCollection" || loaded.kind === "unknownEdition") notFound();

  const { drop } = loaded;
  const title = drop.metadata?.name ?? fallbackTitle(drop.tokenId, drop.collectionName);
  const affiliate = parseAffiliate(query.ref);
  const refGiven = query.ref !== undefined && query.ref !== "";

  return (
    <main id="main" className="container stack-lg">
      {drop.indexerError ? (
        <Alert tone="warning" title="Some details are missing">
          The indexer did not answer, so the artist&apos;s profile and the stats are not shown. The sale itself is read
          from the chain.
        </Alert>
      ) : null}
      {refGiven && !affiliate ? (
        <Alert tone="warning" title="This share link is not valid">
          The ref in the link is not a wallet address, so nobody will be credited for sharing it. You can still mint.
        </Alert>
      ) : null}

      <div className="drop-layout">
        <div className="drop-media stack">
          <Cover src={drop.metadata?.image ?? null} title={title} large />
          {drop.metadata?.animationUrl ? (
            <DropListen
              track={{
                id: trackId(drop.collection, drop.tokenId),
                src: drop.metadata.animationUrl,
                title,
                artist:
                  drop.metadata.artist ??
                  (drop.artistRef
                    ? (parseProfile(drop.artistRef.profileURI).name ?? `@${drop.artistRef.handle}`)
                    : null),
                cover: drop.metadata.image,
                href: dropPath(drop.collection, drop.tokenId),
              }}
            />
          ) : null}
        </div>

        <div className="drop-info stack">
          <header>
            <p className="small muted" style={{ margin: 0 }}>
              {drop.collectionName ?? "Collection"} · Edition #{drop.tokenId.toString()}
            </p>
            <h1 className="drop-title">{title}</h1>
            <ArtistLine drop={drop} />
          </header>
          <SaleCountdown state={drop.state} serverNow={now} clock={clock} />
          <div className="grid-stats">
            <Stat
              label="Price"
              value={<span data-testid="drop-price">{formatPrice(drop.state.price, drop.currency)}</span>}
              hint={
                hasPresale(drop.state) ? `Presale ${formatPrice(drop.state.presalePrice, drop.currency)}` : undefined
              }
            />
            <Stat
              label="Supply"
              value={<span data-testid="drop-supply">{supplyStat(drop.state).value}</span>}
              hint={supplyStat(drop.state).hint}
            />
            {drop.row ? (
              <Stat
                label="Collectors"
                value={drop.row.holders.toLocaleString("en-US")}
                hint={plural(drop.row.mints, "mint")}
              />
            ) : null}
          </div>
          <DropBuy
            config={serverConfig()}
            collection={drop.collection}
            tokenId={drop.tokenId}
            initial={drop.state}
            currency={drop.currency}
            affiliate={affiliate}
            serverNow={now}
            clock={clock}
            title={title}
            cardPriceCents={cardPriceCents}
          />
        </div>
      </div>

      <div className="grid-2">
        <Card title="About this release">
          <div className="stack">
            {drop.metadata?.description ? <p className="drop-description">{drop.metadata.description}</p> : null}
            <dl className="definition">
              {drop.metadata?.credits.length ? (
                drop.metadata.credits.map((c, i) => (
                  <div key={`${c.name}-${i}`} style={{ display: "contents" }}>
                    <dt>{c.role || "Credit"}</dt>
                    <dd>{c.name}</dd>
                  </div>
                ))
              ) : (
                <>
                  <dt>Credits</dt>
                  <dd className="muted">None listed</dd>
                </>
              )}
              <dt>ISRC</dt>
              <dd>{drop.metadata?.isrc ? <code>{drop.metadata.isrc}</code> : <span className="muted">None</span>}</dd>
            </dl>
            {!drop.metadata ? (
              <p className="small muted" style={{ margin: 0 }}>
                The release&apos;s metadata could not be loaded from <code className="drop-uri">{drop.uri}</code>.
              </p>
            ) : null}
          </div>
        </Card>
        <Card title="Sale">
          <SaleDetails drop={drop} />
        </Card>
      </div>

      <p style={{ margin: 0 }}>
        <Link href={marketPath(drop.collection, drop.tokenId)} data-testid="drop-market-link">
          Buy, sell or bid on this edition on the market
        </Link>
      </p>
      <ShareDrop
        collection={drop.collection}
        tokenId={drop.tokenId.toString()}
        pageUrl={`${origin}${dropPath(drop.collection, drop.tokenId)}`}
        shareText={`${title} on Not a Label`}
      />
      <EmbedPanel
        origin={origin}
        path={`/embed${dropPath(drop.collection, drop.tokenId)}?ref=${drop.artist}`}
        title={`${title} on Not a Label`}
      />
    </main>
  );
}

function ArtistLine({ drop }: { drop: Drop }) {
  const ref = drop.artistRef;
  const name = drop.metadata?.artist ?? (ref ? (parseProfile(ref.profileURI).name ?? `@${ref.handle}`) : null);
  return (
    <p className="drop-artist">
      by{" "}
      {ref ? (
        <Link href={`/artists/${ref.handle}`}>{name}</Link>
      ) : name ? (
        <>
          {name} (<AddressView address={drop.artist} />)
        </>
      ) : (
        <AddressView address={drop.artist} />
      )}
    </p>
  );
}

function SaleDetails({ drop }: { drop: Drop }) {
  const s = drop.state;
  const windows = saleWindows(s);
  return (
    <dl className="definition">
      <dt>Public sale</dt>
      <dd data-testid="sale-window">{windows.publicSale}</dd>
      <dt>Price</dt>
      <dd>{formatPrice(s.price, drop.currency)} each</dd>
      <dt>Per wallet</dt>
      <dd>{s.walletCap ? `At most ${s.walletCap} in the public sale` : "No limit"}</dd>
      <dt>Presale</dt>
      <dd>
        {windows.presale ? (
          <>
            <Badge tone="accent">Allowlist</Badge> {windows.presale}, at {formatPrice(s.presalePrice, drop.currency)}{" "}
            each
            {s.presaleCap ? `, at most ${s.presaleCap} per wallet` : ""}.
          </>
        ) : (
          "None"
        )}
      </dd>
      {s.paused ? (
        <>
          <dt>Status</dt>
          <dd>
            <Badge tone="danger">Paused by the artist</Badge>
          </dd>
        </>
      ) : null}
      {drop.royaltyBps !== null ? (
        <>
          <dt>Resale royalty</dt>
          <dd>{drop.royaltyBps / 100}% to the artist&apos;s split</dd>
        </>
      ) : null}
      <dt>Contract</dt>
      <dd>
        <AddressView address={drop.collection} copy /> · token #{drop.tokenId.toString()}
      </dd>
      <dt>Currency</dt>
      <dd>
        {drop.currency.symbol}
        {drop.currency.address !== "0x0000000000000000000000000000000000000000" ? (
          <>
            {" "}
            (<AddressView address={drop.currency.address} />)
          </>
        ) : null}
      </dd>
    </dl>
  );
}
