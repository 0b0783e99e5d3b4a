import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Alert, Card, EmptyState } from "@/components/ui";
import { FilterForm, type FilterOption } from "@/components/market/FilterForm";
import { MarketGrid } from "@/components/market/MarketGrid";
import { ActivityList } from "@/components/market/ActivityList";
import { marketCards, type MarketCardData } from "@/components/market/summaries";
import { loadActivity } from "@/components/market/loadActivity";
import { serverConfig } from "@/lib/config";
import { parseProfile } from "@/lib/indexer";
import { tokensFor } from "@/lib/tokens";
import { applyFilters, parseFilters } from "@/lib/market/filters";
import { readChainClock } from "@/lib/market/chainTime";
import { fetchCollections, fetchMarket } from "@/lib/market/queries";

export const metadata: Metadata = {
  title: "Market",
  description: "Buy, bid on and offer for music editions resold by collectors. Artists earn a royalty on every sale.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Read-only: listings and live auctions with filters and sort, and the latest activity. Loads no wallet code. */
export default async function MarketPage({ searchParams }: Props) {
  await connection();
  const cfg = serverConfig();
  const parsed = parseFilters(await searchParams);
  const clock = await readChainClock();
  const now = clock ? Math.floor(clock.chain + (Date.now() - clock.local) / 1000) : Math.floor(Date.now() / 1000);
  let cards: MarketCardData[] = [];
  let options = { collections: [] as FilterOption[], artists: [] as FilterOption[] };
  let activity: Awaited<ReturnType<typeof loadActivity>> | null = null;
  let failure: string | null = null;
  try {
    const [market, cols, act] = await Promise.all([
      fetchMarket(cfg.indexerUrl),
      fetchCollections(cfg.indexerUrl),
      loadActivity(cfg.indexerUrl, 10),
    ]);
    // An expired listing stays "active" in the indexer until something happens to it: the chain's clock decides.
    const live = market.listings.filter((l) => Number(l.expiry) > now && BigInt(l.remaining) > 0n);
    cards = await marketCards(cfg.chainId, { listings: live, auctions: market.auctions }, market);
    options = {
      collections: cols.collections.map((c) => ({ value: c.id.toLowerCase(), label: c.name || c.id })),
      artists: [...cols.artists.values()].map((a) => ({
        value: a.id.toLowerCase(),
        label: parseProfile(a.profileURI).name ?? `@${a.handle}`,
      })),
    };
    activity = act;
  } catch (e) {
    failure = (e as Error).message;
  }
  const shown = applyFilters(cards, parsed.filters) as MarketCardData[];
  const currencies = tokensFor(cfg.chainId).map((t) => ({
    value: t.symbol === "ETH" ? "eth" : t.address.toLowerCase(),
    label: t.symbol,
  }));

  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <h1>Market</h1>
        <p>
          Editions resold by collectors, at a fixed price or at auction. Every sale pays the artist&apos;s royalty and a
          2.5% platform fee, and the seller the rest.
        </p>
      </div>
      {failure ? (
        <Alert tone="error" title="The market cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : (
        <>
          <FilterForm
            parsed={parsed}
            collections={options.collections}
            artists={options.artists}
            currencies={currencies}
          />
          <Card
            title="For sale"
            id="for-sale"
            description={`${shown.length} of ${cards.length} listing${cards.length === 1 ? "" : "s"} and auctions`}
          >
            {shown.length ? (
              <MarketGrid items={shown} clock={clock} label="Listings and auctions" />
            ) : (
              <EmptyState title={cards.length ? "Nothing matches these filters" : "Nothing for sale yet"}>
                {cards.length
                  ? "Widen the price range or clear a filter."
                  : "Collectors list the editions they hold from the token's market page."}
              </EmptyState>
            )}
          </Card>
          <Card title="Latest activity" id="activity" description={<Link href="/market/activity">All activity</Link>}>
            {activity ? (
              <ActivityList entries={activity.entries} chainId={cfg.chainId} titles={activity.titles} />
            ) : null}
          </Card>
        </>
      )}
    </main>
  );
}
