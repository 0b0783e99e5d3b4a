/**
 * The notifications loop: scans the indexer for new events (./scanner.ts), then sends what is due
 * (./sender.ts), every pollMs. A failed scan (indexer down) does not hold back sending, nor the reverse.
 * Any number of workers may share a database: scans enqueue idempotently, sends are leased.
 */
import type { Db } from "../db/client";
import { scanOnce, type ScanCounts } from "./scanner";
import { sendDue, type SendCounts, type SenderDeps } from "./sender";
import type { IndexerSource } from "./source";

export type NotifierDeps = SenderDeps & { db: Db; source: IndexerSource };

export type Notifier = {
  runOnce(): Promise<{ scan: ScanCounts | null; send: SendCounts }>;
  start(pollMs?: number): void;
  stop(): Promise<void>;
};

/** Batches sent in one run at most (the next run goes on). */
const MAX_BATCHES = 10;

export function createNotifier(deps: NotifierDeps): Notifier {
  const log = deps.log ?? (() => {});
  let current: Promise<unknown> | null = null;

  async function run() {
    let scan: ScanCounts | null = null;
    try {
      scan = await scanOnce(deps.db, deps.source, deps.now());
    } catch (error) {
      log(`scan failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const send: SendCounts = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const c = await sendDue(deps);
      send.sent += c.sent;
      send.retried += c.retried;
      send.failed += c.failed;
      send.skipped += c.skipped;
      if (c.leased < (deps.batch ?? 20)) break;
    }
    return { scan, send };
  }

  /** One run at a time: the loop and a test's runOnce never overlap. */
  async function runOnce() {
    while (current) await current.catch(() => {});
    const p = run();
    current = p;
    try {
      return await p;
    } finally {
      current = null;
    }
  }

  let stopped = true;
  let loop: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;

  return {
    runOnce,
    start(pollMs = 2000) {
      if (loop) return;
      stopped = false;
      loop = (async () => {
        while (!stopped) {
          try {
            const { scan, send } = await runOnce();
            if (send.sent || send.retried || send.failed || send.skipped || scan?.payments || scan?.milestones)
              log(`run: ${JSON.stringify({ scan, send })}`);
          } catch (error) {
            log(`run failed: ${error instanceof Error ? error.message : String(error)}`);
          }
          if (stopped) break;
          await new Promise<void>((resolve) => {
            wakeUp = resolve;
            timer = setTimeout(resolve, pollMs);
          });
        }
      })();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
      loop = null;
    },
  };
}
