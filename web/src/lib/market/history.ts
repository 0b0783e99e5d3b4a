/**
 * A token's price history for the chart: one point per sale (unit price over time), per currency, scaled
 * to a plot. Pure and unit-tested; drawing is components/market/PriceHistoryChart.tsx.
 */
import { niceMax } from "../chart.ts";

export type PricePoint = { timestamp: number; currency: string; unitPrice: bigint };

/** Unit prices of sales (price is the total paid for `quantity`). */
export function pricePoints(
  sales: readonly { timestamp: string | number; currency: string; price: string | bigint; quantity: string | bigint }[],
): PricePoint[] {
  return sales
    .filter((s) => BigInt(s.quantity) > 0n)
    .map((s) => ({
      timestamp: Number(s.timestamp),
      currency: s.currency.toLowerCase(),
      unitPrice: BigInt(s.price) / BigInt(s.quantity),
    }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

/** The currency with the most sales (ties: the first seen), whose history the chart shows. */
export function mainCurrency(points: readonly PricePoint[]): string | null {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best;
}

export type PlotPoint = PricePoint & { x: number; y: number };

/**
 * Places the points of one currency in a `width` × `height` plot: time on x (a single point, or points
 * at one time, sit in the middle), price on y from 0 to a round top.
 */
export function plotPrices(
  points: readonly PricePoint[],
  decimals: number,
  width: number,
  height: number,
): { points: PlotPoint[]; top: number; from: number; to: number } {
  if (points.length === 0) return { points: [], top: 1, from: 0, to: 0 };
  const scale = 10 ** decimals;
  const values = points.map((p) => Number(p.unitPrice) / scale);
  const top = niceMax(Math.max(...values));
  const from = points[0]!.timestamp;
  const to = points[points.length - 1]!.timestamp;
  const span = to - from;
  return {
    top,
    from,
    to,
    points: points.map((p, i) => ({
      ...p,
      x: span === 0 ? width / 2 : ((p.timestamp - from) / span) * width,
      y: height - (values[i]! / top) * height,
    })),
  };
}
