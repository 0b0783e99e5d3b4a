/**
 * Webhook delivery: each event is POSTed as JSON with a `Stripe-Signature` header made as Stripe makes it
 * (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the whole whsec_ secret>`), so the
 * SDK's `webhooks.constructEvent` accepts it. One session's events go out one after another in the order
 * they were made; a failed or non-2xx delivery is retried with backoff, holding back that session's later
 * events, and never delays the HTTP answer that caused the event.
 */
import { createHmac } from "node:crypto";
import type { EventRecord } from "./state.ts";

/** Waits before each retry (so 1 + 4 attempts); Stripe itself retries for up to three days. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];

export function signatureHeader(payload: string, secret: string, timestampS = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestampS}.${payload}`, "utf8").digest("hex");
  return `t=${timestampS},v1=${v1}`;
}

export type SenderOptions = {
  url: string;
  secret: string;
  retryDelaysMs: number[];
  log: (line: string) => void;
};

export class WebhookSender {
  /** The tail of each session's delivery chain. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private stopped = false;

  constructor(private readonly o: SenderOptions) {}

  enqueue(record: EventRecord): void {
    const tail = this.queues.get(record.session) ?? Promise.resolve();
    const next = tail.then(() => this.deliver(record));
    this.queues.set(record.session, next);
    void next.then(() => {
      if (this.queues.get(record.session) === next) this.queues.delete(record.session);
    });
  }

  /** Resolves when every queued delivery has finished (delivered or out of retries). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waits) {
      clearTimeout(w.timer);
      w.resolve();
    }
    this.waits.clear();
    await this.idle();
  }

  private async deliver(record: EventRecord): Promise<void> {
    const payload = JSON.stringify(record.event, null, 2);
    const { id, type } = record.event;
    for (let attempt = 0; attempt <= this.o.retryDelaysMs.length && !this.stopped; attempt++) {
      if (attempt > 0) await this.wait(this.o.retryDelaysMs[attempt - 1]!);
      if (this.stopped) break;
      record.attempts++;
      try {
        const res = await fetch(this.o.url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": signatureHeader(payload, this.o.secret),
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        await res.text().catch(() => "");
        record.lastStatus = res.status;
        record.lastError = null;
        if (res.ok) {
          record.delivered = true;
          this.o.log(`webhook ${type} ${id} -> ${res.status}`);
          return;
        }
        this.o.log(`webhook ${type} ${id} -> ${res.status} (attempt ${record.attempts})`);
      } catch (error) {
        record.lastError =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        this.o.log(`webhook ${type} ${id} failed: ${record.lastError} (attempt ${record.attempts})`);
      }
    }
    if (!record.delivered) this.o.log(`webhook ${type} ${id} given up after ${record.attempts} attempts`);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const w = {
        timer: setTimeout(() => {
          this.waits.delete(w);
          resolve();
        }, ms),
        resolve,
      };
      this.waits.add(w);
    });
  }
}
