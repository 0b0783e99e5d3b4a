/**
 * The feed's live hub, one per web process: it holds ONE live query on the indexer (Ponder's SQL over HTTP
 * through @ponder/client: the indexer pushes when the feed_item table changes, nobody polls) for every
 * browser that has the feed open, loads the new items when told, and hands them to the open streams
 * (app/api/feed/live). The live query starts with the first listener and stops a while after the last.
 */
import { createClient, sql } from "@ponder/client";
import type { FeedEntry } from "../../lib/feed.ts";
import { compareFeedIds, mergeFeed, newestFeedId } from "../../lib/feed.ts";
import { loadFeed } from "./load.ts";

export type FeedListener = (entries: FeedEntry[]) => void;

export type FeedHubOptions = {
  indexerUrl: string;
  chainId: number;
  /** Tests inject these: the live subscription and the loader (defaults: the indexer's). */
  subscribe?: (onChange: () => void, onError: (e: Error) => void) => () => void;
  /** The newest items, newest first. */
  load?: () => Promise<FeedEntry[]>;
  /** How long the live query outlives the last listener. */
  idleMs?: number;
  retryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
};

const KEEP = 30;

export function createFeedHub(options: FeedHubOptions) {
  const listeners = new Set<FeedListener>();
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const load = options.load ?? (() => loadFeed(options.indexerUrl, options.chainId, { limit: KEEP }));
  const subscribe = options.subscribe ?? ((onChange, onError) => liveQuery(options.indexerUrl, onChange, onError));
  let recent: FeedEntry[] = [];
  let primed = false;
  let stop: (() => void) | null = null;
  let idleTimer: unknown = null;
  let retryTimer: unknown = null;
  let loading: Promise<void> | null = null;
  let again = false;

  /**
   * Loads the newest items and hands those newer than the newest one held to every listener (more than
   * KEEP new items between two notifications: the page shows the newest KEEP anyway).
   */
  async function refresh(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const head = newestFeedId(recent) ?? undefined;
        let fresh: FeedEntry[];
        try {
          fresh = await load();
        } catch (error) {
          console.error("feed: the new items could not be loaded", error);
          return;
        }
        const news = primed ? fresh.filter((e) => head === undefined || compareFeedIds(e.id, head) > 0) : [];
        recent = mergeFeed(recent, fresh, KEEP);
        primed = true;
        if (news.length) for (const l of listeners) l(news);
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function start() {
    if (stop || retryTimer) return;
    stop = subscribe(
      () => void refresh(),
      (error) => {
        // The indexer restarted or is still backfilling: start again shortly (the first answer of the new
        // live query loads what was missed meanwhile).
        console.error(`feed: the live query stopped (${error.message}); starting it again`);
        stop?.();
        stop = null;
        retryTimer = setTimer(() => {
          retryTimer = null;
          if (listeners.size) start();
        }, options.retryMs ?? 1_000);
      },
    );
  }

  return {
    /** Adds a listener; it is first given the items newer than `after` that the hub holds. */
    async listen(listener: FeedListener, after?: string): Promise<() => void> {
      listeners.add(listener);
      if (idleTimer) {
        clearTimer(idleTimer);
        idleTimer = null;
      }
      start();
      if (!primed) await refresh();
      const missed = after ? recent.filter((e) => compareFeedIds(e.id, after) > 0) : [];
      if (missed.length && listeners.has(listener)) listener(missed);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && !idleTimer)
          idleTimer = setTimer(() => {
            idleTimer = null;
            if (listeners.size) return;
            stop?.();
            stop = null;
            primed = false;
            recent = [];
          }, options.idleMs ?? 30_000);
      };
    },
    listeners: () => listeners.size,
    live: () => stop !== null,
  };
}

/** The live query: Ponder re-runs it and pushes its answer whenever feed_item changes. */
function liveQuery(indexerUrl: string, onChange: () => void, onError: (e: Error) => void): () => void {
  const client = createClient(`${indexerUrl.replace(/\/+$/, "")}/sql`);
  const { unsubscribe } = client.live(
    (db) => db.execute(sql`SELECT id FROM feed_item ORDER BY id DESC LIMIT 1`),
    () => onChange(),
    onError,
  );
  return unsubscribe;
}

const key = Symbol.for("notalabel.feedHub");
type Holder = { [key]?: ReturnType<typeof createFeedHub> };

/** The process's hub (kept on globalThis: Next may load this module more than once). */
export function feedHub(indexerUrl: string, chainId: number) {
  const holder = globalThis as Holder;
  return (holder[key] ??= createFeedHub({ indexerUrl, chainId }));
}
