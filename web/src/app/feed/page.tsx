import type { Metadata } from "next";
import { connection } from "next/server";
import { Alert } from "@/components/ui";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { serverConfig } from "@/lib/config";
import type { FeedEntry } from "@/lib/feed";
import { loadFeed } from "@/server/feed/load";

export const metadata: Metadata = { title: "Feed" };

/** Everything that happens on the platform, as it happens, each item with its proof on chain. */
export default async function FeedPage() {
  await connection();
  const cfg = serverConfig();
  let entries: FeedEntry[] = [];
  let failure: string | null = null;
  try {
    entries = await loadFeed(cfg.indexerUrl, cfg.chainId, { limit: 30 });
  } catch (e) {
    failure = (e as Error).message;
  }
  return (
    <main id="main" className="container stack-lg">
      <header>
        <h1>Happening now</h1>
        <p className="muted">
          Sales, mints and new artists on Not a Label, as the chain records them. Every item links to the transaction
          that proves it.
        </p>
      </header>
      {failure ? (
        <Alert tone="warning" title="The feed cannot be loaded right now">
          The indexer did not answer ({failure}). New items will still appear here as they happen.
        </Alert>
      ) : null}
      <LiveFeed initial={entries} max={50} />
    </main>
  );
}
