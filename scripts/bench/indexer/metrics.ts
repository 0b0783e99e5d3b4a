/** Reads Ponder's Prometheus endpoint: the events its indexing functions completed, by `Contract:Event`. */

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
