/**
 * Reads Ponder's Prometheus endpoint: the events its indexing functions completed, by `Contract:Event`, and
 * where the backfill's time went (Ponder's own clocks, in ms, reported here in seconds).
 */

/** Sums of `metric` by the value of `label` in a Prometheus text exposition. */
export function byLabel(text: string, metric: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  const re = new RegExp(`^${metric}\\{([^}]*)\\}\\s+(\\S+)`, "gm");
  for (const m of text.matchAll(re)) {
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    const key = labels[label] ?? "";
    out[key] = (out[key] ?? 0) + Number(m[2]);
  }
  return out;
}

export async function completedEvents(url: string): Promise<{ total: number; byEvent: Record<string, number> }> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`${url}/metrics: ${res.status}`);
  const byEvent = byLabel(await res.text(), "ponder_indexing_completed_events", "event");
  return { total: Object.values(byEvent).reduce((a, b) => a + b, 0), byEvent };
}

const seconds = (ms: Record<string, number>) =>
  Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v) / 1000]));
const sum = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);

export type TimeBreakdown = {
  /** Historical loop: waiting on the sync (RPC and sync store: "extract") vs running events ("transform"). */
  historical: Record<string, number>;
  /** The transform steps: prefetch, begin, index (the handlers), load, finalize, commit (the DB flush). */
  transform: Record<string, number>;
  /** The extract steps Ponder times itself (decoding logs, building events). */
  extract: Record<string, number>;
  /** Time inside indexing functions, all events (historical and realtime). */
  handlerSeconds: number;
  /** Ponder's RPC requests: count and summed seconds by method. */
  rpc: Record<string, { requests: number; seconds: number }>;
};

export async function timeBreakdown(url: string): Promise<TimeBreakdown> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`${url}/metrics: ${res.status}`);
  const text = await res.text();
  const rpcMs = byLabel(text, "ponder_rpc_request_duration_sum", "method");
  const rpcCount = byLabel(text, "ponder_rpc_request_duration_count", "method");
  return {
    historical: seconds(byLabel(text, "ponder_historical_concurrency_group_duration", "group")),
    transform: seconds(byLabel(text, "ponder_historical_transform_duration", "step")),
    extract: seconds(byLabel(text, "ponder_historical_extract_duration", "step")),
    handlerSeconds: Math.round(sum(byLabel(text, "ponder_indexing_function_duration_sum", "event"))) / 1000,
    rpc: Object.fromEntries(
      Object.entries(rpcCount).map(([m, n]) => [m, { requests: n, seconds: Math.round(rpcMs[m] ?? 0) / 1000 }]),
    ),
  };
}
