/**
 * A vault's income, both currencies: totals (income to the units, claimed, still unclaimed; a pool's
 * budget) and per currency the chart of income per unit over time.
 */
import { Amount, Stat } from "@/components/ui";
import { tokenInfo } from "@/lib/tokens";
import { incomeSeries, unclaimed, type VaultCurrencyRow, type VaultIncomeDailyRow } from "@/lib/shares/vault";
import { budgetLeft } from "@/lib/pools/proposals";
import { IncomeChart } from "./IncomeChart";

export function IncomeHistory({
  chainId,
  tokens,
  currencies,
  daily,
  unit,
  budget = false,
}: {
  chainId: number;
  /** ETH and the vault's currency. */
  tokens: readonly string[];
  currencies: readonly VaultCurrencyRow[];
  daily: readonly VaultIncomeDailyRow[];
  unit: string;
  /** Show the budget (pools). */
  budget?: boolean;
}) {
  return (
    <div className="stack-lg">
      {tokens.map((t) => {
        const info = tokenInfo(chainId, t);
        const row = currencies.find((c) => c.token.toLowerCase() === t.toLowerCase());
        const amount = (v: bigint | string) => <Amount value={v} decimals={info.decimals} symbol={info.symbol} />;
        return (
          <section
            key={t}
            className="stack"
            aria-label={`${info.symbol} income`}
            data-testid={`income-${info.symbol.toLowerCase()}`}
          >
            <h3 style={{ margin: 0 }}>{info.symbol}</h3>
            <div className="grid-stats">
              <Stat label="Income shared" value={amount(row?.income ?? "0")} />
              <Stat label="Claimed" value={amount(row?.claimed ?? "0")} />
              <Stat label="Waiting to be claimed" value={amount(row ? unclaimed(row) : 0n)} />
              {budget ? (
                <Stat
                  label="Budget left"
                  value={amount(budgetLeft(row))}
                  hint={row ? <>of {amount(row.budget)} set aside</> : undefined}
                />
              ) : null}
            </div>
            <IncomeChart points={incomeSeries(daily, t)} decimals={info.decimals} symbol={info.symbol} unit={unit} />
          </section>
        );
      })}
    </div>
  );
}
