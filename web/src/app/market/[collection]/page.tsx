import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Address as AddressView, Alert, Card, EmptyState, Stat } from "@/components/ui";
import { artistLabel } from "@/components/drops/summaries";
import { ActivityList } from "@/components/market/ActivityList";
import { CollectionMarketChart } from "@/components/market/CollectionMarketChart";
import { CollectionOffersPanel } from "@/components/market/CollectionOffersPanel";
import { loadActivity } from "@/components/market/loadActivity";
import { MarketGrid } from "@/components/market/MarketGrid";
import { collectionStandard } from "@/components/market/standardOf";
import { marketCards, type MarketCardData } from "@/components/market/summaries";
import { WalletRoot } from "@/components/wallet/WalletRoot";
import { serverConfig } from "@/lib/config";
import { formatPrice } from "@/lib/dropSale";
import { tokenInfo } from "@/lib/tokens";
import { readChainClock } from "@/lib/market/chainTime";
import { chainNow, offsetOf } from "@/lib/market/clock";
import { currencyTotals, dailySeries, parseCollection, type CurrencyTotals } from "@/lib/market/collection";
import { fetchCollectionMarket } from "@/lib/market/queries";
import { standardName } from "@/lib/market/terms";

type Props = { params: Promise<{ collection: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = parseCollection((await params).collection);
  return {
    title: c ? `Collection ${c.slice(0, 6)}…${c.slice(-4)} on the market` : "Market",
    description: "Floor, volume, listings, auctions and collection-wide offers of one collection.",
  };
}

/**
 * A collection's market: floor, volume and sales per currency now and per day, its listings and live
 * auctions, collection-wide offers and activity. Server-rendered; only the offers card loads the wallet
 * (lazily, through WalletRoot), so browsing needs none.
 */
export default async function CollectionMarketPage({ params }: Props) {
  const collection = parseCollection((await params).collection);
  if (!collection) notFound();
  await connection();
  const cfg = serverConfig();
  const clock = await readChainClock();
  const now = clock ? chainNow(Date.now(), offsetOf(clock)) : Math.floor(Date.now() / 1000);
  let data: Awaited<ReturnType<typeof fetchCollectionMarket>> | null = null;
  let activity: Awaited<ReturnType<typeof loadActivity>> | null = null;
  let failure: string | null = null;
  try {
    [data, activity] = await Promise.all([
      fetchCollectionMarket(cfg.indexerUrl, collection),
      loadActivity(cfg.indexerUrl, 30, { token: { collection } }),
    ]);
  } catch (e) {
    failure = (e as Error).message;
  }
  // An expired listing stays "active" in the indexer until its clock runs: the chain's clock decides.
  const live = (data?.listings ?? []).filter((l) => Number(l.expiry) > now && BigInt(l.remaining) > 0n);
  const totals = data ? currencyTotals(data.totals, data.listingsComplete ? live : undefined) : [];
  const cards: MarketCardData[] = data
    ? await marketCards(cfg.chainId, { listings: live, auctions: data.auctions }, data)
    : [];
  const known = data?.listings[0]?.standard ?? data?.auctions[0]?.standard ?? data?.offers[0]?.standard ?? null;
  const standard = await collectionStandard(collection, known, !!data?.collection);
  const artist = data?.collection ? artistLabel(data.collection.artist, data.artist, null) : null;
  const name = data?.collection?.name || null;
  const today = new Date(now * 1000).toISOString().slice(0, 10);
  const charts = totals
    .map((t) => ({
      token: tokenInfo(cfg.chainId, t.currency),
      series: dailySeries(data?.daily ?? [], t.currency, today),
    }))
    .filter((c) => c.series.length > 0);
  const price = (t: CurrencyTotals, v: bigint) => formatPrice(v, tokenInfo(cfg.chainId, t.currency));
  const sales = totals.reduce((a, t) => a + t.sales, 0);

  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <p className="small muted" style={{ margin: 0 }}>
          <Link href="/market">Market</Link> · Collection · {standardName(standard)}
        </p>
        <h1 data-testid="collection-title">{name ?? <AddressView address={collection} />}</h1>
        {artist ? (
          <p className="drop-artist" data-testid="collection-artist">
            by {artist.handle ? <Link href={`/artists/${artist.handle}`}>{artist.name}</Link> : artist.name}
          </p>
        ) : null}
        <p className="small muted" style={{ margin: 0 }}>
          {data?.collection
            ? "A Not a Label drop collection: every resale pays the artist's royalty."
            : "A collection from outside Not a Label: it is traded here, but its editions are not indexed."}{" "}
          Contract <AddressView address={collection} copy />
        </p>
      </div>
      {failure ? (
        <Alert tone="error" title="The market cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : null}

      <div className="grid-stats">
        <Stat
          label="Floor"
          value={
            <span data-testid="collection-floor">
              {totals.some((t) => t.floor !== null)
                ? totals
                    .filter((t) => t.floor !== null)
                    .map((t) => price(t, t.floor!))
                    .join(" · ")
                : "—"}
            </span>
          }
          hint="Lowest price per token listed now"
        />
        <Stat
          label="Volume"
          value={
            <span data-testid="collection-volume">
              {totals.some((t) => t.volume > 0n)
                ? totals
                    .filter((t) => t.volume > 0n)
                    .map((t) => price(t, t.volume))
                    .join(" · ")
                : "—"}
            </span>
          }
          hint="Everything paid in resales"
        />
        <Stat
          label="Sales"
          value={<span data-testid="collection-sales">{String(sales)}</span>}
          hint={
            totals.length > 1
              ? totals.map((t) => `${t.sales} in ${tokenInfo(cfg.chainId, t.currency).symbol}`).join(" · ")
              : undefined
          }
        />
        <Stat label="For sale" value={String(cards.length)} hint="Listings and live auctions" />
      </div>

      <Card title="Floor and volume over time" id="history">
        {charts.length ? (
          <div className="stack">
            {charts.map((c) => (
              <CollectionMarketChart
                key={c.token.address}
                series={c.series}
                decimals={c.token.decimals}
                symbol={c.token.symbol}
              />
            ))}
          </div>
        ) : (
          <p className="muted">Nothing listed or sold yet: the history starts with the first listing.</p>
        )}
      </Card>

      <Card
        title="For sale"
        id="for-sale"
        description={`${cards.length} listing${cards.length === 1 ? "" : "s"} and auctions`}
      >
        {cards.length ? (
          <MarketGrid items={cards} clock={clock} label="Listings and auctions of this collection" />
        ) : (
          <EmptyState title="Nothing for sale in this collection">
            Collectors list the editions they hold from the token&apos;s market page.
          </EmptyState>
        )}
      </Card>

      <Card
        title="Collection-wide offers"
        id="offers"
        description="Offers for any token of the collection, in an ERC-20."
      >
        <WalletRoot config={cfg}>
          <CollectionOffersPanel
            collection={collection}
            standard={standard}
            offers={data?.offers ?? []}
            clock={clock}
          />
        </WalletRoot>
      </Card>
      <Card title="Activity" id="activity">
        {activity ? <ActivityList entries={activity.entries} chainId={cfg.chainId} titles={activity.titles} /> : null}
      </Card>
    </main>
  );
}
