/**
 * Income per unit over time in one currency: what one share (or one unit of pool weight) has earned
 * since the vault was created, at the end of each day with income (vault_income_daily.perUnit). Plain
 * SVG; screen readers get a summary and the data as a table.
 */
import { formatAmount, formatDate } from "@/lib/format";
import { tickLabel, ticks } from "@/lib/chart";
import { plotPrices } from "@/lib/market/history";
import { perUnitDecimals, type IncomePoint } from "@/lib/shares/vault";

const W = 640;
const H = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 72 };

export function IncomeChart({
  points,
  decimals,
  symbol,
  unit,
}: {
  points: readonly IncomePoint[];
  decimals: number;
  symbol: string;
  /** "share" or "unit of weight". */
  unit: string;
}) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const d = perUnitDecimals(decimals);
  const plot = plotPrices(
    points.map((p) => ({ timestamp: p.timestamp, currency: symbol, unitPrice: p.perUnit })),
    d,
    plotW,
    plotH,
  );
  if (plot.points.length === 0) return <p className="muted">No {symbol} income yet.</p>;
  const last = plot.points[plot.points.length - 1]!;
  const fmt = (v: bigint) => formatAmount(v, d, Math.min(d, 8));
  const label = `${symbol} earned per ${unit} since creation: ${fmt(last.unitPrice)} ${symbol} after ${plot.points.length} day${
    plot.points.length === 1 ? "" : "s"
  } with income.`;
  return (
    <figure style={{ margin: 0 }} data-testid={`income-chart-${symbol.toLowerCase()}`}>
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
            <title>{`${formatDate(p.timestamp)}: ${fmt(p.unitPrice)} ${symbol} per ${unit}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 8}>
          {formatDate(plot.from)}
        </text>
        {plot.to !== plot.from ? (
          <text x={W - PAD.right} y={H - 8} textAnchor="end">
            {formatDate(plot.to)}
          </text>
        ) : null}
      </svg>
      <figcaption className="small muted">
        {symbol} earned per {unit}, cumulative: {fmt(last.unitPrice)} {symbol}
      </figcaption>
      <table className="sr-only">
        <caption>
          {symbol} earned per {unit} by day
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Income that day</th>
            <th scope="col">Earned per {unit} so far</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.timestamp}>
              <td>{formatDate(p.timestamp)}</td>
              <td>{formatAmount(p.amount, decimals, 6)}</td>
              <td>{fmt(p.perUnit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
