import { formatAmount } from "@/lib/format";

/** A token amount in base units, formatted with its symbol; the exact value is in the title. */
export function Amount({
  value,
  decimals,
  symbol,
  maxFraction = 4,
}: {
  value: bigint | string | number;
  decimals: number;
  symbol?: string;
  maxFraction?: number;
}) {
  const exact = formatAmount(value, decimals, decimals);
  return (
    <span className="amount" title={symbol ? `${exact} ${symbol}` : exact}>
      {formatAmount(value, decimals, maxFraction)}
      {symbol ? <span className="amount-symbol">{symbol}</span> : null}
    </span>
  );
}
