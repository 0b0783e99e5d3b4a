/**
 * A collection's market per day in one currency: volume as bars (left axis), the floor as a line (right
 * axis), sales in each bar's tooltip. Plain SVG like the other charts; screen readers get a summary and
 * the data as a table.
 */
import { formatAmount } from "@/lib/format";
import { PALETTE, tickLabel, ticks } from "@/lib/chart";
import { plotDaily, type DayPoint } from "@/lib/market/collection";

const W = 640;
const H = 220;
const PAD = { top: 12, right: 64, bottom: 28, left: 64 };
const VOLUME = PALETTE[1]!;
const FLOOR = PALETTE[0]!;

export function CollectionMarketChart({
  series,
  decimals,
  symbol,
}: {
  series: readonly DayPoint[];
  decimals: number;
  symbol: string;
}) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  if (series.length === 0) return <p className="muted">No {symbol} market activity yet.</p>;
  const plot = plotDaily(series, decimals, plotW, plotH);
  const slot = plotW / plot.days.length;
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const volume = series.reduce((a, p) => a + p.volume, 0n);
  const sales = series.reduce((a, p) => a + p.sales, 0);
  const lastFloor = series[series.length - 1]!.floor;
  const label =
    `${symbol} market over ${series.length} day${series.length === 1 ? "" : "s"}: ` +
    `${sales} sale${sales === 1 ? "" : "s"} for ${formatAmount(volume, decimals, 6)} ${symbol}, ` +
    (lastFloor === null ? "nothing listed now." : `floor ${formatAmount(lastFloor, decimals, 6)} ${symbol}.`);
  const labelEvery = Math.ceil(plot.days.length / 7);
  const volumeTicks = ticks(plot.volumeTop);
  const floorTicks = ticks(plot.floorTop);
  return (
    <figure style={{ margin: 0 }} data-testid="collection-chart" data-currency={symbol}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {volumeTicks.map((t, i, all) => {
          const y = PAD.top + plotH - (t / plot.volumeTop) * plotH;
          const f = floorTicks[i]!;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#e2dfd8" strokeWidth={1} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {tickLabel(t, (all[1] ?? 1) - (all[0] ?? 0))}
              </text>
              <text x={W - PAD.right + 6} y={y + 4} textAnchor="start">
                {tickLabel(f, (floorTicks[1] ?? 1) - (floorTicks[0] ?? 0))}
              </text>
            </g>
          );
        })}
        {plot.days.map((d, i) => (
          <g key={d.day}>
            {d.volume > 0n ? (
              <rect
                x={PAD.left + d.x - barW / 2}
                y={PAD.top + d.barY}
                width={barW}
                height={Math.max(d.barHeight, 0.5)}
                fill={VOLUME}
                rx={2}
              >
                <title>{`${d.day}: ${formatAmount(d.volume, decimals, 6)} ${symbol} in ${d.sales} sale${d.sales === 1 ? "" : "s"}`}</title>
              </rect>
            ) : null}
            {i % labelEvery === 0 ? (
              <text x={PAD.left + d.x} y={H - 8} textAnchor="middle">
                {d.day.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
        {plot.floorRuns.map((run, i) =>
          run.length === 1 ? (
            <circle key={i} cx={PAD.left + run[0]!.x} cy={PAD.top + run[0]!.y} r={3} fill={FLOOR} />
          ) : (
            <polyline
              key={i}
              points={run.map((p) => `${PAD.left + p.x},${PAD.top + p.y}`).join(" ")}
              fill="none"
              stroke={FLOOR}
              strokeWidth={2}
            />
          ),
        )}
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Series">
          <li>
            <span className="swatch" style={{ background: VOLUME }} aria-hidden="true" />
            Volume per day ({symbol}, left axis)
          </li>
          <li>
            <span className="swatch" style={{ background: FLOOR }} aria-hidden="true" />
            Floor at the end of the day ({symbol}, right axis)
          </li>
        </ul>
      </figcaption>
      <table className="sr-only">
        <caption>Floor, volume and sales per day, in {symbol}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Floor</th>
            <th scope="col">Volume</th>
            <th scope="col">Sales</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.day}>
              <th scope="row">{p.day}</th>
              <td>{p.floor === null ? "none" : formatAmount(p.floor, decimals, 6)}</td>
              <td>{formatAmount(p.volume, decimals, 6)}</td>
              <td>{p.sales}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
