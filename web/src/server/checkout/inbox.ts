/**
 * The inbox of recorded Stripe events: applies every event the webhook recorded ("received"), oldest first,
 * each once (./apply.ts). The webhook only records and answers, so its answer does not wait for the order
 * work; the inbox runs right after, and at start for events a crash left unapplied.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { stripeEvents } from "../db/schema";
import { applyRecorded, type Applied } from "./apply";

export type Inbox = {
  /** Applies soon (a new event was recorded). */
  wake: () => void;
  /** Applies every waiting event; resolves with what each did, by event id. */
  drain: () => Promise<Map<string, Omit<Applied, "delivery">>>;
};

const BATCH = 100;
/** The longest the inbox gives way to deliveries being recorded before it applies its next event. */
const GIVE_WAY_MS = 100;

function wallTimer() {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise((resolve) => (timer = setTimeout(resolve, GIVE_WAY_MS)));
  return { done, cancel: () => clearTimeout(timer) };
}

export function createInbox(deps: {
  db: Db;
  /** An order became paid: the fulfilment worker can mint it. */
  onPaid?: (orderId: string) => void;
  /** Resolves when no delivery waits to be recorded (./recorder.ts): those writes go before the next event. */
  deliveriesIdle?: () => Promise<void>;
  /** The bound on giving way (default: GIVE_WAY_MS of the wall clock); tests pass a timer they control. */
  giveWayTimer?: () => { done: Promise<unknown>; cancel: () => void };
  log?: (line: string) => void;
}): Inbox {
  let running: Promise<Map<string, Omit<Applied, "delivery">>> | null = null;
  let dirty = false;

  /**
   * Before each event: a turn of the event loop (embedded PGlite answers through promise callbacks alone, so
   * without it a long drain would hold back the webhook until it ends), then the deliveries waiting to be
   * recorded, for at most GIVE_WAY_MS. Stripe waits for an answer; the event's effect can wait a little.
   */
  async function yieldToDeliveries() {
    await new Promise((resolve) => setImmediate(resolve));
    if (!deps.deliveriesIdle) return;
    const timer = (deps.giveWayTimer ?? wallTimer)();
    await Promise.race([deps.deliveriesIdle(), timer.done]);
    timer.cancel();
  }

  /** One pass over the waiting events, oldest first. */
  async function pass(done: Map<string, Omit<Applied, "delivery">>): Promise<void> {
    for (;;) {
      const waiting = await deps.db
        .select({ id: stripeEvents.id })
        .from(stripeEvents)
        .where(eq(stripeEvents.outcome, "received"))
        .orderBy(asc(stripeEvents.receivedAt), asc(stripeEvents.id))
        .limit(BATCH);
      for (const { id } of waiting) {
        await yieldToDeliveries();
        const applied = await applyRecorded(deps.db, id);
        if (!applied) continue;
        done.set(id, applied);
        if (applied.outcome === "applied" && applied.status === "paid" && applied.orderId)
          deps.onPaid?.(applied.orderId);
      }
      if (waiting.length < BATCH) return;
    }
  }

  /**
   * One drain at a time: a call during a drain joins it and makes it pass once more, so the promise it
   * gets settles after its own event was applied.
   */
  function drain(): Promise<Map<string, Omit<Applied, "delivery">>> {
    dirty = true;
    running ??= (async () => {
      const done = new Map<string, Omit<Applied, "delivery">>();
      try {
        while (dirty) {
          dirty = false;
          await pass(done);
        }
      } catch (error) {
        // The event stays "received": the next wake tries again.
        deps.log?.(`an event could not be applied: ${error instanceof Error ? error.message : String(error)}`);
      }
      return done;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    wake: () => void drain().catch((error) => deps.log?.(`inbox: ${String(error)}`)),
    drain,
  };
}
