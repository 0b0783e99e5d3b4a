/**
 * The fulfilment worker: turns paid card orders into NFTs (mintPaid by the relayer) and settles the sales
 * into the artists' splits through the Ledger. One run at a time per worker; any number of workers may
 * share a database (orders are taken with a conditional update). See ./mint.ts, ./settle.ts and
 * ./reconcile.ts for the rules.
 */
import { makeContext, type WorkerDeps } from "./context";
import { mintDue, runLimit } from "./mint";
import { reconcile } from "./reconcile";
import { finishStale, settleDue } from "./settle";
import { withRelayerLease } from "./lease";

export type { WorkerDeps } from "./context";

export type RunCounts = { minted: number; failed: number; retried: number; settled: number };

export type Worker = {
  /**
   * On start: orders left minting and settlements left sending are settled from the chain (skipped while
   * another instance holds the relayer's lease: it may be sending them now).
   */
  reconcile(): Promise<void>;
  /** Mints the due paid orders (batch after batch while batches come back full), then settles. `settle: false` only mints. */
  runOnce(options?: { settle?: boolean }): Promise<RunCounts>;
  /** Reconciles, then runs every pollMs (default 1000) or sooner when woken (a run woken while minting settles later). */
  start(pollMs?: number): void;
  /** Runs soon (the webhook calls it when an order became paid). */
  wake(): void;
  /** Stops the loop; waits for the current run. */
  stop(): Promise<void>;
};

/** Minting rounds (see ./mint.ts) in one run before settling (settlement waits behind at most this much). */
const MAX_ROUNDS_PER_RUN = 8;
/**
 * The loop settles only when no payment arrived during the run's minting (settling takes a few
 * transactions, and newly paid orders should not wait behind it), but at least this often.
 */
const SETTLE_AT_LEAST_EVERY_MS = 10_000;
/** A settlement still sending after this long was left by a failure (not by a pay in flight): finish it. */
const STALE_SETTLEMENT_MS = 5 * 60_000;

export function createWorker(deps: WorkerDeps): Worker {
  const ctx = makeContext(deps);
  let current: Promise<unknown> | null = null;
  /** One run at a time: the loop, a wake and a test calling runOnce never overlap. */
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (current) await current.catch(() => {});
    const run = fn();
    current = run;
    try {
      return await run;
    } finally {
      if (current === run) current = null;
    }
  }

  let lastSettled = 0;
  /**
   * Mints the due orders, then settles if `settle()` says so after minting; nothing while another instance
   * sends for the same relayer (./lease.ts).
   */
  function pass(settle: () => boolean): Promise<RunCounts> {
    return leased(() => leasedPass(settle), { minted: 0, failed: 0, retried: 0, settled: 0 });
  }
  /** Runs `fn` as the only sender of this relayer across instances, or answers `busy` (./lease.ts). */
  function leased<T>(fn: () => Promise<T>, busy: T): Promise<T> {
    return withRelayerLease(ctx.db, ctx.chain.relayer, fn, busy);
  }

  async function leasedPass(settle: () => boolean): Promise<RunCounts> {
    const counts: RunCounts = { minted: 0, failed: 0, retried: 0, settled: 0 };
    for (let i = 0; i < MAX_ROUNDS_PER_RUN; i++) {
      const m = await mintDue(ctx);
      counts.minted += m.minted;
      counts.failed += m.failed;
      counts.retried += m.retried;
      if (m.taken < runLimit(ctx)) break;
    }
    if (settle()) {
      counts.settled = (await finishStale(ctx, STALE_SETTLEMENT_MS)) + (await settleDue(ctx));
      lastSettled = ctx.now().getTime();
    }
    return counts;
  }

  function runOnce(options: { settle?: boolean } = {}): Promise<RunCounts> {
    return exclusive(() => pass(() => options.settle !== false));
  }

  let loop: Promise<void> | null = null;
  let stopped = false;
  let woken = false;
  let interrupt: (() => void) | null = null;

  function wake() {
    woken = true;
    interrupt?.();
  }

  async function sleep(ms: number) {
    if (woken || stopped) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    interrupt = null;
  }

  async function run(pollMs: number) {
    let reconciled = false;
    while (!stopped) {
      woken = false;
      try {
        // Under the lease: what another instance is minting or settling right now is not left by a crash.
        if (!reconciled) {
          reconciled = await exclusive(() =>
            leased(async () => {
              await reconcile(ctx);
              return true;
            }, false),
          );
        }
        if (!reconciled) {
          await sleep(pollMs);
          continue;
        }
        const c = await exclusive(() =>
          pass(() => !woken || ctx.now().getTime() - lastSettled >= SETTLE_AT_LEAST_EVERY_MS),
        );
        if (c.minted || c.failed || c.retried || c.settled) ctx.log(`run: ${JSON.stringify(c)}`);
      } catch (error) {
        ctx.log(`run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(pollMs);
    }
  }

  return {
    reconcile: () => exclusive(() => leased(() => reconcile(ctx), undefined)),
    runOnce,
    start(pollMs = 1000) {
      if (loop) return;
      stopped = false;
      loop = run(pollMs);
    },
    wake,
    async stop() {
      stopped = true;
      interrupt?.();
      await loop;
      loop = null;
      await current?.catch(() => {});
    },
  };
}
