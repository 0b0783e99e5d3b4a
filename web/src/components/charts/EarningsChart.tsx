/**
 * Stacked bars of earnings per day, one color per source. Plain SVG (no chart library), usable in
 * server and client components. Screen readers get a summary label and the data as a table.
 */
import { formatAmount } from "@/lib/format";
import { stackBars, tickLabel, ticks, type Point } from "@/lib/chart";
import { sourceLabel } from "@/lib/sources";

const W = 640;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 56 };

export function EarningsChart({
  points,
  decimals,
  symbol,
  title,
}: {
  points: readonly Point[];
  decimals: number;
  symbol: string;
  title: string;
}) {
  const plotH = H - PAD.top - PAD.bottom;
  const plotW = W - PAD.left - PAD.right;
  const { bars, series, top } = stackBars(points, decimals, plotH);
  if (bars.length === 0) return <p className="muted">No {symbol} earnings in this period.</p>;
  const slot = plotW / bars.length;
  const barW = Math.max(4, Math.min(36, slot * 0.7));
  const color = new Map(series.map((s) => [s.source, s.color]));
  const total = bars.reduce((a, b) => a + b.total, 0n);
  const label = `${title}: ${formatAmount(total, decimals)} ${symbol} over ${bars.length} day${bars.length === 1 ? "" : "s"}, by source (${series.map((s) => sourceLabel(s.source)).join(", ")}).`;
  const labelEvery = Math.ceil(bars.length / 7);
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks(top).map((t, _i, all) => {
          const y = PAD.top + plotH - (t / top) * plotH;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#e2dfd8" strokeWidth={1} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {tickLabel(t, (all[1] ?? 1) - (all[0] ?? 0))}
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={b.day}>
              {b.segments.map((s) => (
                <rect
                  key={s.source}
                  x={x}
                  y={PAD.top + s.y}
                  width={barW}
                  height={Math.max(s.height, 0.5)}
                  fill={color.get(s.source)}
                  rx={2}
                >
                  <title>{`${b.day} · ${sourceLabel(s.source)}: ${formatAmount(s.amount, decimals)} ${symbol}`}</title>
                </rect>
              ))}
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle">
                  {b.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Sources">
          {series.map((s) => (
            <li key={s.source}>
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              {sourceLabel(s.source)}
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="sr-only">
        <caption>
          {title} by day and source, in {symbol}
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.source} scope="col">
                {sourceLabel(s.source)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.day}>
              <th scope="row">{b.day}</th>
              {series.map((s) => (
                <td key={s.source}>
                  {formatAmount(b.segments.find((x) => x.source === s.source)?.amount ?? 0n, decimals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
