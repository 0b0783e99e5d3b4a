/**
 * A token's sale prices over time (unit price per sale) in one currency: plain SVG, a line through the
 * sales with a dot each; screen readers get a summary and the data as a table.
 */
import { formatAmount, formatDateTime } from "@/lib/format";
import { tickLabel, ticks } from "@/lib/chart";
import { plotPrices, type PricePoint } from "@/lib/market/history";

const W = 640;
const H = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 64 };

export function PriceHistoryChart({
  points,
  decimals,
  symbol,
}: {
  points: readonly PricePoint[];
  decimals: number;
  symbol: string;
}) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const plot = plotPrices(points, decimals, plotW, plotH);
  if (plot.points.length === 0)
    return <p className="muted">No sales yet: the price history starts with the first one.</p>;
  const last = plot.points[plot.points.length - 1]!;
  const label = `Sale prices in ${symbol}: ${plot.points.length} sale${plot.points.length === 1 ? "" : "s"}, last at ${formatAmount(last.unitPrice, decimals, 6)} ${symbol}.`;
  return (
    <figure style={{ margin: 0 }} data-testid="price-history">
      <svg className="chart price-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks(plot.top).map((t, _i, all) => {
          const y = PAD.top + plotH - (t / plot.top) * plotH;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#e2dfd8" strokeWidth={1} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {tickLabel(t, (all[1] ?? 1) - (all[0] ?? 0))}
              </text>
            </g>
          );
        })}
        <polyline points={plot.points.map((p) => `${PAD.left + p.x},${PAD.top + p.y}`).join(" ")} />
        {plot.points.map((p, i) => (
          <circle key={i} cx={PAD.left + p.x} cy={PAD.top + p.y} r={4}>
            <title>{`${formatDateTime(p.timestamp)}: ${formatAmount(p.unitPrice, decimals, 6)} ${symbol}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 8}>
          {formatDateTime(plot.from).slice(0, 10)}
        </text>
        {plot.to !== plot.from ? (
          <text x={W - PAD.right} y={H - 8} textAnchor="end">
            {formatDateTime(plot.to).slice(0, 10)}
          </text>
        ) : null}
      </svg>
      <table className="sr-only">
        <caption>Sale prices in {symbol}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Price per token</th>
          </tr>
        </thead>
        <tbody>
          {plot.points.map((p, i) => (
            <tr key={i}>
              <td>{formatDateTime(p.timestamp)}</td>
              <td>{formatAmount(p.unitPrice, decimals, 6)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
