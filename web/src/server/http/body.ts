/**
 * Reads a request body with a size limit enforced while reading (a larger body is cut off, never buffered)
 * and a deadline: a client that announces a body and sends it slowly is answered 408 when the deadline passes.
 */
import { HttpError } from "./errors";

export type BodyLimits = {
  maxBytes: number;
  timeoutMs: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The sentence of the 413 answer. */
  tooLarge?: string;
};

const TIMED_OUT = "timed out" as const;

export async function readLimitedBody(req: Request, limits: BodyLimits): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = limits.tooLarge ?? `The request body is larger than ${formatBytes(limits.maxBytes)}.`;
  const announced = Number(req.headers.get("content-length") ?? 0);
  if (announced > limits.maxBytes) throw new HttpError(413, tooLarge, { connection: "close" });
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const stop = new AbortController();
  const deadline = limits.sleep(limits.timeoutMs, stop.signal).then((): typeof TIMED_OUT => TIMED_OUT);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), deadline]);
      if (step === TIMED_OUT) {
        void reader.cancel().catch(() => {});
        throw new HttpError(408, "The request body took too long to arrive. Send it again.", { connection: "close" });
      }
      if (step.done) break;
      total += step.value.length;
      if (total > limits.maxBytes) {
        void reader.cancel().catch(() => {});
        throw new HttpError(413, tooLarge, { connection: "close" });
      }
      chunks.push(step.value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "The request body could not be read. Send it again.");
  } finally {
    stop.abort();
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
