/**
 * One EarningsChart per token that has earnings: the indexer's daily rows (earningDaily or
 * artistEarningDaily) split by token. Usable in server and client components.
 */
import type { Token } from "@/lib/tokens";
import { EarningsChart } from "./EarningsChart";

export type DailyRow = { token: string; day: string; source: string; amount: string };

export function EarningsByToken({
  rows,
  tokens,
  title,
}: {
  rows: readonly DailyRow[];
  tokens: readonly Token[];
  /** The chart's accessible title for one token symbol. */
  title: (symbol: string) => string;
}) {
  return (
    <>
      {tokens.map((t) => {
        const points = rows
          .filter((e) => e.token.toLowerCase() === t.address.toLowerCase())
          .map((e) => ({ day: e.day, source: e.source, amount: BigInt(e.amount) }));
        return points.length ? (
          <div key={t.address}>
            <h3>{t.symbol}</h3>
            <EarningsChart points={points} decimals={t.decimals} symbol={t.symbol} title={title(t.symbol)} />
          </div>
        ) : null;
      })}
    </>
  );
}
