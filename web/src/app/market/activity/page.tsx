import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Alert, Card } from "@/components/ui";
import { ActivityList } from "@/components/market/ActivityList";
import { loadActivity } from "@/components/market/loadActivity";
import { serverConfig } from "@/lib/config";
import { ACTIVITY_LABELS, parseActivityKind, type ActivityKind } from "@/lib/market/activity";

export const metadata: Metadata = { title: "Market activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS: (ActivityKind | null)[] = [null, "sale", "listing", "offer", "auction", "bid"];

/** Read-only: every sale, listing, offer, auction and bid, newest first; `?type=` keeps one kind. */
export default async function ActivityPage({ searchParams }: Props) {
  await connection();
  const cfg = serverConfig();
  const kind = parseActivityKind((await searchParams).type);
  let data: Awaited<ReturnType<typeof loadActivity>> | null = null;
  let failure: string | null = null;
  try {
    data = await loadActivity(cfg.indexerUrl, 100, { kinds: kind ? new Set([kind]) : undefined });
  } catch (e) {
    failure = (e as Error).message;
  }
  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <h1>Market activity</h1>
        <p>
          Sales, listings, offers and bids as the chain records them. <Link href="/market">Back to the market</Link>
        </p>
      </div>
      <nav className="market-tabs" aria-label="Kinds of activity">
        {TABS.map((k) => (
          <Link
            key={k ?? "all"}
            href={k ? `/market/activity?type=${k}` : "/market/activity"}
            aria-current={k === kind ? "page" : undefined}
          >
            {k ? (k === "listing" ? "Listings" : `${ACTIVITY_LABELS[k]}s`) : "All"}
          </Link>
        ))}
      </nav>
      {failure ? (
        <Alert tone="error" title="The activity cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : (
        <Card>{data ? <ActivityList entries={data.entries} chainId={cfg.chainId} titles={data.titles} /> : null}</Card>
      )}
    </main>
  );
}
