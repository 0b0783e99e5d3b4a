/**
 * Scaling for the earnings chart (a stacked bar chart by source over days), kept pure for tests.
 */
export type Point = { day: string; source: string; amount: bigint };

export type ChartSeries = { source: string; color: string };
export type ChartBar = {
  day: string;
  total: bigint;
  segments: { source: string; amount: bigint; y: number; height: number }[];
};

export const PALETTE = ["#4f46e5", "#0d9488", "#d97706", "#db2777", "#2563eb", "#65a30d", "#9333ea", "#dc2626"];

/** A "nice" upper bound >= max (1, 2, 2.5, 5 x 10^n), so axis ticks are round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) if (m * base >= max - 1e-12 * base) return m * base;
  return 10 * base;
}

/** Evenly spaced tick values from 0 to niceMax(max), inclusive. */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/**
 * Groups points into one bar per day (sorted), each with stacked segments per source, and maps
 * amounts (in base units, shown in `decimals`) to pixel heights for a plot of `height` px.
 */
export function stackBars(
  points: readonly Point[],
  decimals: number,
  height: number,
): { bars: ChartBar[]; series: ChartSeries[]; top: number } {
  const sources = [...new Set(points.map((p) => p.source))].sort();
  const series = sources.map((source, i) => ({ source, color: PALETTE[i % PALETTE.length]! }));
  const byDay = new Map<string, Map<string, bigint>>();
  for (const p of points) {
    const m = byDay.get(p.day) ?? new Map<string, bigint>();
    m.set(p.source, (m.get(p.source) ?? 0n) + p.amount);
    byDay.set(p.day, m);
  }
  const days = [...byDay.keys()].sort();
  const scale = 10 ** decimals;
  const toUnits = (v: bigint) => Number(v) / scale;
  const totals = days.map((d) => [...byDay.get(d)!.values()].reduce((a, b) => a + b, 0n));
  const top = niceMax(Math.max(0, ...totals.map(toUnits)));
  const bars = days.map((day, i) => {
    let y = height;
    const segments = sources
      .filter((s) => (byDay.get(day)!.get(s) ?? 0n) > 0n)
      .map((source) => {
        const amount = byDay.get(day)!.get(source)!;
        const h = (toUnits(amount) / top) * height;
        y -= h;
        return { source, amount, y, height: h };
      });
    return { day, total: totals[i]!, segments };
  });
  return { bars, series, top };
}

/** An axis label with just enough decimals for the tick step (0.00025 steps -> "0.00075", 5 steps -> "15"). */
export function tickLabel(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 8 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9 * 10 ** decimals)
    decimals++;
  return value.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}
