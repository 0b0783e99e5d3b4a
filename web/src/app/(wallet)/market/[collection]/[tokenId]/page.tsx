import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAddress, isAddress, type Address } from "viem";
import { dropCollectionAbi, testNftAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Card, Stat } from "@/components/ui";
import { Cover } from "@/components/drops/Cover";
import { loadMetadata } from "@/components/drops/serverMetadata";
import { artistLabel } from "@/components/drops/summaries";
import { DropListen } from "@/components/player/DropListen";
import { releaseTrack } from "@/components/player/tracks";
import { ActivityList } from "@/components/market/ActivityList";
import { AuctionPanel } from "@/components/market/AuctionPanel";
import { ListingsPanel } from "@/components/market/ListingsPanel";
import { loadActivity } from "@/components/market/loadActivity";
import { OffersPanel } from "@/components/market/OffersPanel";
import { PriceHistoryChart } from "@/components/market/PriceHistoryChart";
import { SellPanel } from "@/components/market/SellPanel";
import { serverConfig } from "@/lib/config";
import { fallbackTitle } from "@/lib/drops";
import { dropPath, formatPrice } from "@/lib/dropSale";
import { serverPublicClient } from "@/lib/server";
import { tokenInfo } from "@/lib/tokens";
import { readChainClock } from "@/lib/market/chainTime";
import { chainNow, offsetOf } from "@/lib/market/clock";
import { mainCurrency, pricePoints } from "@/lib/market/history";
import { collectionMarketPath } from "@/lib/market/paths";
import { fetchTokenMarket } from "@/lib/market/queries";
import { ERC1155, ERC721, parseStandard, standardName, type Standard } from "@/lib/market/terms";

type Props = { params: Promise<{ collection: string; tokenId: string }> };

async function resolve(params: Props["params"]) {
  const { collection, tokenId } = await params;
  const id = /^\d{1,78}$/.test(tokenId) ? BigInt(tokenId) : null;
  if (!isAddress(collection, { strict: false }) || id === null || id >= 2n ** 256n) return null;
  return { collection: getAddress(collection), tokenId: id };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await resolve(params);
  return { title: r ? `Token #${r.tokenId} on the market` : "Market" };
}

/** The standard: from the market's rows, else our drops (ERC-1155), else ERC-165 on chain. */
async function standardOf(collection: Address, known: string | null, ours: boolean): Promise<Standard> {
  if (known) return parseStandard(known);
  if (ours) return ERC1155;
  try {
    const is1155 = await serverPublicClient().readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "supportsInterface",
      args: ["0xd9b67a26"],
    });
    return is1155 ? ERC1155 : ERC721;
  } catch {
    return ERC721;
  }
}

async function ownerOf721(collection: Address, tokenId: bigint): Promise<Address | null> {
  try {
    return await serverPublicClient().readContract({
      address: collection,
      abi: testNftAbi,
      functionName: "ownerOf",
      args: [tokenId],
    });
  } catch {
    return null;
  }
}

export default async function TokenMarketPage({ params }: Props) {
  const r = await resolve(params);
  if (!r) notFound();
  const cfg = serverConfig();
  const tokenIdText = r.tokenId.toString();
  const clock = await readChainClock();
  const now = clock ? chainNow(Date.now(), offsetOf(clock)) : Math.floor(Date.now() / 1000);
  let data: Awaited<ReturnType<typeof fetchTokenMarket>> | null = null;
  let activity: Awaited<ReturnType<typeof loadActivity>> | null = null;
  let failure: string | null = null;
  try {
    [data, activity] = await Promise.all([
      fetchTokenMarket(cfg.indexerUrl, r.collection, tokenIdText),
      loadActivity(cfg.indexerUrl, 50, { token: { collection: r.collection, tokenId: tokenIdText } }),
    ]);
  } catch (e) {
    failure = (e as Error).message;
  }
  const known = data?.listings[0]?.standard ?? data?.auctions[0]?.standard ?? data?.offers[0]?.standard ?? null;
  const standard = await standardOf(r.collection, known, !!data?.collection);
  const owner721 = standard === ERC721 ? await ownerOf721(r.collection, r.tokenId) : null;
  const meta = data?.edition ? await loadMetadata(data.edition.uri) : null;
  const title = meta?.name ?? fallbackTitle(tokenIdText, data?.collection?.name ?? null);
  const artist = data?.collection ? artistLabel(data.collection.artist, data.artist, meta) : null;
  // The release's preview, played in the site's player like on its drop page.
  const track = releaseTrack({
    collection: r.collection,
    tokenId: tokenIdText,
    title,
    image: meta?.image ?? null,
    audio: meta?.animationUrl ?? null,
    artist,
  });

  const listings = (data?.listings ?? []).filter((l) => l.active && Number(l.expiry) > now && BigInt(l.remaining) > 0n);
  const auctions = (data?.auctions ?? []).filter((a) => a.status === "live");
  const lastSettled = (data?.auctions ?? []).find((a) => a.status === "settled");
  const points = pricePoints((data?.sales ?? []).map((s) => ({ ...s })));
  const chartCurrency = mainCurrency(points);
  const chartToken = chartCurrency ? tokenInfo(cfg.chainId, chartCurrency) : null;
  const floor = listings.reduce<{ price: bigint; currency: string } | null>(
    (best, l) =>
      !best || (l.currency === best.currency && BigInt(l.price) < best.price)
        ? { price: BigInt(l.price), currency: l.currency }
        : best,
    null,
  );
  const lastSale = data?.sales[data.sales.length - 1] ?? null;

  return (
    <main id="main" className="container stack-lg">
      {failure ? (
        <Alert tone="error" title="The market cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : null}
      <div className="drop-layout">
        <div className="drop-media stack">
          <Cover src={meta?.image ?? null} title={title} large />
          {track ? <DropListen track={track} /> : null}
        </div>
        <div className="drop-info stack">
          <header>
            <p className="small muted" style={{ margin: 0 }}>
              <Link href="/market">Market</Link> ·{" "}
              <Link href={collectionMarketPath(r.collection)} data-testid="token-collection-link">
                {data?.collection?.name ?? <AddressView address={r.collection} />}
              </Link>{" "}
              · #{tokenIdText} · {standardName(standard)}
            </p>
            <h1 className="drop-title" data-testid="token-title">
              {title}
            </h1>
            {artist ? (
              <p className="drop-artist">
                by {artist.handle ? <Link href={`/artists/${artist.handle}`}>{artist.name}</Link> : artist.name}
              </p>
            ) : null}
            {data?.edition ? (
              <p className="small" style={{ margin: 0 }}>
                <Link href={dropPath(r.collection, tokenIdText)}>The drop page</Link>
              </p>
            ) : null}
          </header>
          <div className="grid-stats">
            <Stat
              label="Lowest listing"
              value={floor ? formatPrice(floor.price, tokenInfo(cfg.chainId, floor.currency)) : "—"}
            />
            <Stat
              label="Last sale"
              value={
                lastSale ? formatPrice(BigInt(lastSale.unitPrice), tokenInfo(cfg.chainId, lastSale.currency)) : "—"
              }
              hint={lastSale ? `${data?.sales.length} sale${data?.sales.length === 1 ? "" : "s"}` : undefined}
            />
            <Stat
              label={standard === ERC721 ? "Owner" : "Holders"}
              value={
                standard === ERC721 ? (
                  owner721 ? (
                    <AddressView address={owner721} />
                  ) : (
                    "—"
                  )
                ) : (
                  String(data?.holders.length ?? 0)
                )
              }
            />
          </div>
          <Card title="Buy now" id="listings">
            <ListingsPanel listings={listings} />
          </Card>
          {auctions.map((a) => (
            <Card key={a.id} title="Auction" id={`auction-${a.id.slice(2, 10)}`}>
              <AuctionPanel auction={a} clock={clock} />
            </Card>
          ))}
          {lastSettled && auctions.length === 0 ? (
            <Card title="Last auction">
              <AuctionPanel auction={lastSettled} clock={clock} />
            </Card>
          ) : null}
        </div>
      </div>

      <div className="grid-2">
        <Card title="Offers" id="offers">
          <OffersPanel
            collection={r.collection}
            tokenId={r.tokenId}
            standard={standard}
            offers={data?.offers ?? []}
            clock={clock}
          />
        </Card>
        <Card title="Sell" id="sell" description="List at a fixed price or start an auction.">
          <SellPanel collection={r.collection} tokenId={r.tokenId} standard={standard} clock={clock} />
        </Card>
      </div>

      <div className="grid-2">
        <Card title="Price history" id="history">
          {chartToken ? (
            <PriceHistoryChart
              points={points.filter((p) => p.currency === chartCurrency)}
              decimals={chartToken.decimals}
              symbol={chartToken.symbol}
            />
          ) : (
            <p className="muted">No sales yet: the price history starts with the first one.</p>
          )}
        </Card>
        <Card title={standard === ERC721 ? "Owner" : "Holders"} id="holders">
          {standard === ERC721 ? (
            owner721 ? (
              <AddressView address={owner721} copy />
            ) : (
              <p className="muted">Unknown.</p>
            )
          ) : data?.holders.length ? (
            <ul
              className="stack"
              style={{ listStyle: "none", margin: 0, padding: 0 }}
              aria-label="Holders"
              data-testid="holders"
            >
              {data.holders.map((h) => (
                <li key={h.id} className="row-between">
                  <Link href={`/collection?address=${h.owner}`}>
                    <AddressView address={h.owner} />
                  </Link>
                  <span>× {h.balance}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              {data?.collection ? "Nobody holds this token." : "Holders are indexed for Not a Label drops only."}
            </p>
          )}
        </Card>
      </div>

      <Card title="Activity" id="activity">
        {activity ? (
          <ActivityList entries={activity.entries} chainId={cfg.chainId} titles={activity.titles} showItem={false} />
        ) : null}
      </Card>
    </main>
  );
}
