/**
 * Open-loop load: request i is due at start + i / rate, and is sent then whether or not earlier ones have
 * answered (a server that falls behind sees requests pile up, as it would from real users). Latency is
 * measured from when the request was due, so time spent queued in the client counts too. A request is an
 * error when the answer is not 200 or holds GraphQL `errors`, a timeout when no answer came within
 * `timeoutMs`.
 */
import type { Recorded } from "./queries.ts";

export type Percentiles = { count: number; p50: number; p95: number; p99: number; max: number };
export type LoadResult = {
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  errors: number;
  timeouts: number;
  /** Answers per second over the run (completed / wall time until the last answer). */
  served: number;
  overall: Percentiles;
  byQuery: Record<string, Percentiles & { errors: number; timeouts: number }>;
  firstErrors: string[];
};

export function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: s.length, p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), max: r(s.at(-1) ?? 0) };
}

/** A small seeded generator (mulberry32) so both databases get the same request sequence. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runLoad(
  base: string,
  requests: Recorded[],
  options: { rate: number; seconds: number; timeoutMs: number; seed: number },
): Promise<LoadResult> {
  const total = options.rate * options.seconds;
  const random = rng(options.seed);
  const plan = Array.from({ length: total }, () => requests[Math.floor(random() * requests.length)]!);
  const samples: { from: string; ms: number; outcome: "ok" | "error" | "timeout" }[] = [];
  const firstErrors: string[] = [];
  const start = performance.now();
  let lastAnswer = start;
  const inflight: Promise<void>[] = [];

  const one = async (r: Recorded, due: number) => {
    let outcome: "ok" | "error" | "timeout" = "ok";
    try {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: r.body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors":[{')) {
        outcome = "error";
        if (firstErrors.length < 5) firstErrors.push(`${r.from}: ${res.status} ${text.slice(0, 200)}`);
      }
    } catch (error) {
      outcome = (error as Error).name === "TimeoutError" ? "timeout" : "error";
      if (outcome === "error" && firstErrors.length < 5) firstErrors.push(`${r.from}: ${(error as Error).message}`);
    }
    const now = performance.now();
    lastAnswer = Math.max(lastAnswer, now);
    samples.push({ from: r.from, ms: now - due, outcome });
  };

  // A timer per millisecond tick would drift; instead every wake-up sends everything due by now.
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + (next * 1000) / options.rate <= now) {
      inflight.push(one(plan[next]!, start + (next * 1000) / options.rate));
      next++;
    }
    const wait = start + (next * 1000) / options.rate - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.all(inflight);

  const byFrom = new Map<string, typeof samples>();
  for (const s of samples) {
    const list = byFrom.get(s.from) ?? [];
    list.push(s);
    byFrom.set(s.from, list);
  }
  const byQuery: LoadResult["byQuery"] = {};
  for (const [from, list] of [...byFrom].sort(([a], [b]) => a.localeCompare(b))) {
    byQuery[from] = {
      ...percentiles(list.filter((s) => s.outcome !== "timeout").map((s) => s.ms)),
      errors: list.filter((s) => s.outcome === "error").length,
      timeouts: list.filter((s) => s.outcome === "timeout").length,
    };
  }
  const answered = samples.filter((s) => s.outcome !== "timeout");
  return {
    rate: options.rate,
    seconds: options.seconds,
    sent: total,
    ok: samples.filter((s) => s.outcome === "ok").length,
    errors: samples.filter((s) => s.outcome === "error").length,
    timeouts: samples.filter((s) => s.outcome === "timeout").length,
    served: Math.round((answered.length / ((lastAnswer - start) / 1000)) * 10) / 10,
    // Timeouts count at the timeout in the overall figures: a request that never answered is not fast.
    overall: percentiles(samples.map((s) => (s.outcome === "timeout" ? options.timeoutMs : s.ms))),
    byQuery,
    firstErrors,
  };
}
