"use client";
/**
 * The success feed, kept live: the server's entries first, then every new one the server pushes
 * (/api/feed/live, server-sent events fed by the indexer's live query), without a reload and without
 * polling. The browser's EventSource reconnects by itself; `after` asks for what was missed meanwhile.
 */
import { useEffect, useState } from "react";
import { mergeFeed, newestFeedId, type FeedEntry } from "@/lib/feed";
import { FeedList } from "./FeedList";

export function LiveFeed({ initial, max = 20 }: { initial: FeedEntry[]; max?: number }) {
  const [entries, setEntries] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const after = newestFeedId(initial);
    const source = new EventSource(`/api/feed/live${after ? `?after=${after}` : ""}`);
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("items", (ev) => {
      try {
        const incoming = JSON.parse((ev as MessageEvent<string>).data) as FeedEntry[];
        setEntries((current) => mergeFeed(current, incoming, max));
      } catch {
        // A malformed event is skipped; the next one carries the newest items again.
      }
    });
    return () => source.close();
  }, [initial, max]);
  return (
    <div className="feed" data-live={live || undefined}>
      <p className="small muted feed-status" role="status">
        {live ? "Live: new sales, mints and artists appear here as they happen." : "Connecting to the live feed…"}
      </p>
      {entries.length ? (
        <FeedList entries={entries} />
      ) : (
        <p className="muted">Nothing yet: the first mint, sale or new artist will show here.</p>
      )}
    </div>
  );
}
