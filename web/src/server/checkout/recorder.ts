/**
 * Records verified Stripe events in groups: the deliveries whose bodies arrived in the same turn of the event
 * loop are written by one INSERT (./apply.ts recordEvents). Under a burst the database then does one
 * statement per turn instead of one per delivery. Each delivery is still answered only after its own row is
 * written, since Stripe retries only what we failed to acknowledge.
 */
import type Stripe from "stripe";
import type { Db } from "../db/client";
import { recordEvents } from "./apply";

/** Resolves true when the event was new, false when it was recorded before (or earlier in its group). */
export type RecordEvent = (event: Stripe.Event) => Promise<boolean>;

export type Recorder = {
  record: RecordEvent;
  /** Resolves once no delivery is waiting to be written (at once when none is). */
  idle: () => Promise<void>;
};

type Waiting = { event: Stripe.Event; resolve: (fresh: boolean) => void; reject: (error: unknown) => void };

/** Rows per INSERT at most (a statement's parameters stay well under PostgreSQL's 65,535). */
const MAX_GROUP = 200;

export function createRecorder(db: Db): Recorder {
  let queue: Waiting[] = [];
  let writing = 0;
  let idleWaiters: (() => void)[] = [];

  function flush() {
    const waiting = queue;
    queue = [];
    for (let i = 0; i < waiting.length; i += MAX_GROUP) {
      writing++;
      void write(waiting.slice(i, i + MAX_GROUP)).finally(settled);
    }
  }

  function settled() {
    writing--;
    if (writing > 0 || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async function write(group: Waiting[]) {
    let fresh: Set<string>;
    try {
      fresh = await recordEvents(
        db,
        group.map((w) => w.event),
      );
    } catch (error) {
      // Nothing of the group was written. Alone, each delivery gets its own answer: one that cannot be
      // written gets the error (and Stripe retries it) without failing the others.
      if (group.length === 1) return group[0]!.reject(error);
      for (const w of group) await write([w]);
      return;
    }
    // A delivery repeated within the group: the first is the new one, the others are duplicates.
    for (const w of group) {
      const isNew = fresh.delete(w.event.id);
      w.resolve(isNew);
    }
  }

  return {
    record: (event) =>
      new Promise<boolean>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ event, resolve, reject });
      }),
    idle: () =>
      writing === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)),
  };
}
