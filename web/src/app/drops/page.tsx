import type { Metadata } from "next";
import { connection } from "next/server";
import { Alert, ButtonLink, Card, EmptyState } from "@/components/ui";
import { DropGrid } from "@/components/drops/DropGrid";
import { summarize, type DropSummary } from "@/components/drops/summaries";
import { serverConfig } from "@/lib/config";
import { fetchOpenEditions } from "@/lib/drops";
import { saleStatus } from "@/lib/dropSale";
import { serverChainNow } from "@/lib/shares/serverNow";

export const metadata: Metadata = {
  title: "Drops",
  description: "Music editions on sale now and coming soon, minted straight from the artists.",
};

/** Read-only: lists live and upcoming editions. Loads no wallet code (it is outside the (wallet) group). */
export default async function DropsPage() {
  await connection(); // live data: render per request
  const cfg = serverConfig();
  // Sales open and end by block time: the chain's clock decides what is live (lib/market/clock.ts).
  const { now, clock } = await serverChainNow();
  let drops: DropSummary[] = [];
  let failure: string | null = null;
  try {
    const { editions, artists } = await fetchOpenEditions(cfg.indexerUrl, now);
    drops = await summarize(editions, artists, cfg.chainId);
  } catch (e) {
    failure = (e as Error).message;
  }
  const live: DropSummary[] = [];
  const upcoming: DropSummary[] = [];
  for (const d of drops) {
    const phase = saleStatus(d.state, now).phase;
    if (phase === "live" || phase === "presale") live.push(d);
    else if (phase === "upcoming") upcoming.push(d);
  }
  // Newest sales first among the live ones; the soonest first among the upcoming ones (query order).
  live.sort((a, b) => b.state.start - a.state.start);

  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <h1>Drops</h1>
        <p>
          Editions minted straight from the artists: the price goes to the artist&apos;s split, minus a small platform
          fee, the moment you mint.
        </p>
      </div>
      {failure ? (
        <Alert tone="error" title="Drops cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : (
        <>
          <Card title="On sale now" id="live">
            {live.length ? (
              <DropGrid drops={live} serverNow={now} clock={clock} label="Editions on sale now" />
            ) : (
              <EmptyState title="Nothing on sale right now">
                {upcoming.length
                  ? "The next drops are below."
                  : "New drops will show here as soon as artists publish them."}
              </EmptyState>
            )}
          </Card>
          <Card title="Coming up" id="upcoming">
            {upcoming.length ? (
              <DropGrid drops={upcoming} serverNow={now} clock={clock} label="Upcoming editions" />
            ) : (
              <EmptyState
                title="No upcoming drops"
                action={
                  <ButtonLink href="/releases/new" variant="secondary" size="sm">
                    Publish a release
                  </ButtonLink>
                }
              >
                Artists schedule drops from their release page.
              </EmptyState>
            )}
          </Card>
        </>
      )}
    </main>
  );
}
