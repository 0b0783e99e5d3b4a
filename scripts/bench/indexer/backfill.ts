/**
 * Start to head: from spawning `ponder start` on a fresh database until its /status names the chain's
 * head block as indexed (polled every 100 ms), then the events Ponder's indexing functions completed
 * (its /metrics counter) over that time.
 */
import type { Indexer } from "./ponder.ts";
import { completedEvents, timeBreakdown, type TimeBreakdown } from "./metrics.ts";
import { poll } from "./poll.ts";

export type Backfill = {
  seconds: number;
  /** Events Ponder's indexing functions completed (log events plus MarketClock block events). */
  events: number;
  eventsPerSecond: number;
  /** Events per second of Ponder's historical "transform" time alone (handlers and DB writes, no sync wait). */
  eventsPerIndexingSecond: number;
  /** Seconds from the process start until /ready answered 200. */
  readySeconds: number;
  indexedBlock: number;
  byEvent: Record<string, number>;
  /** Where the time went, by Ponder's own metrics at the head block. */
  time: TimeBreakdown;
};

export async function indexedBlock(url: string): Promise<number> {
  const res = await fetch(`${url}/status`);
  if (!res.ok) return -1;
  const status = (await res.json()) as Record<string, { block?: { number: number } }>;
  return Object.values(status)[0]?.block?.number ?? -1;
}

export async function measureBackfill(indexer: Indexer, head: number, timeoutMs = 3_600_000): Promise<Backfill> {
  let readyAt = 0;
  let doneAt = 0;
  let block = -1;
  await poll(
    `the ${indexer.db} indexer to index block ${head}`,
    async () => {
      if (!readyAt && (await fetch(`${indexer.url}/ready`)).ok) readyAt = performance.now();
      block = await indexedBlock(indexer.url);
      if (block < head) return false;
      doneAt = performance.now();
      return true;
    },
    { intervalMs: 100, timeoutMs, service: indexer.service },
  );
  const seconds = (doneAt - indexer.startedAt) / 1000;
  const { total, byEvent } = await completedEvents(indexer.url);
  const time = await timeBreakdown(indexer.url);
  return {
    seconds: round(seconds),
    events: total,
    eventsPerSecond: Math.round(total / seconds),
    eventsPerIndexingSecond: time.historical.transform ? Math.round(total / time.historical.transform) : 0,
    readySeconds: round(((readyAt || doneAt) - indexer.startedAt) / 1000),
    indexedBlock: block,
    byEvent,
    time,
  };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
