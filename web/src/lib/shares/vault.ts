/**
 * What royalty shares and revenue pools have in common as income vaults (IIncomeVault): the indexer's
 * vault tables (vault_currency, vault_income, vault_income_daily, vault_claim), the splits that name a
 * vault, and the income-per-unit arithmetic (perUnit is scaled by 1e9, see RevenuePerUnit.sol).
 * Pure except for the queries; addresses are lowercase and bigints decimal strings, as GraphQL returns them.
 */
import { gql, lower, type Hex } from "../indexer.ts";

/** The scale of `perUnit` (IIncomeVault.scale()). */
export const PER_UNIT_SCALE_DECIMALS = 9;

export type VaultKind = "shares" | "pool";

export type VaultCurrencyRow = {
  id: string;
  vault: Hex;
  kind: VaultKind;
  token: Hex;
  /** Income shared by the units. */
  income: string;
  /** Pools: income set aside for the budget (shares: 0). */
  budget: string;
  budgetSpent: string;
  claimed: string;
  perUnit: string;
  updatedAt: string;
};

export type VaultIncomeRow = {
  id: string;
  vault: Hex;
  kind: VaultKind;
  token: Hex;
  from: Hex;
  amount: string;
  budget: string;
  perUnit: string;
  timestamp: string;
  blockNumber: string;
  txHash: Hex;
};

export type VaultIncomeDailyRow = {
  id: string;
  vault: Hex;
  token: Hex;
  /** Unix time of the day's start. */
  day: string | number;
  amount: string;
  /** Cumulative income per unit at the end of the day, scaled by 1e9. */
  perUnit: string;
};

export type VaultClaimRow = {
  id: string;
  vault: Hex;
  kind: VaultKind;
  account: Hex;
  token: Hex;
  to: Hex;
  amount: string;
  timestamp: string;
  txHash: Hex;
};

/** A split that names the vault, and the part it gives it (ppm). */
export type SplitNamingRow = { split: Hex; allocation: number };

export const VAULT_CURRENCY_FIELDS = "id vault kind token income budget budgetSpent claimed perUnit updatedAt";
export const VAULT_INCOME_FIELDS = "id vault kind token from amount budget perUnit timestamp blockNumber txHash";
export const VAULT_DAILY_FIELDS = "id vault token day amount perUnit";

/** Income of a vault: per currency totals, per day, the latest arrivals, and the splits naming it. */
export async function fetchVaultIncome(base: string, vault: string) {
  return gql<{
    vaultCurrencys: { items: VaultCurrencyRow[] };
    vaultIncomeDailys: { items: VaultIncomeDailyRow[] };
    vaultIncomes: { items: VaultIncomeRow[] };
    splitRecipients: { items: SplitNamingRow[] };
  }>(
    base,
    `query VaultIncome($v: String!) {
      vaultCurrencys(where: { vault: $v }, limit: 10) { items { ${VAULT_CURRENCY_FIELDS} } }
      vaultIncomeDailys(where: { vault: $v }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { ${VAULT_DAILY_FIELDS} } }
      vaultIncomes(where: { vault: $v }, orderBy: "timestamp", orderDirection: "desc", limit: 20) { items { ${VAULT_INCOME_FIELDS} } }
      splitRecipients(where: { recipient: $v }, limit: 100) { items { split allocation } }
    }`,
    { v: lower(vault) },
  );
}

export type IncomePoint = { timestamp: number; perUnit: bigint; amount: bigint };

/**
 * The cumulative income per unit of `token` over time, one point per day (days sorted). `perUnit` is
 * what one unit (one share, one unit of pool weight) earned since the vault was created, scaled by 1e9:
 * shown in the token's units with {@link perUnitDecimals}.
 */
export function incomeSeries(rows: readonly VaultIncomeDailyRow[], token: string): IncomePoint[] {
  const t = lower(token);
  return rows
    .filter((r) => lower(r.token) === t)
    .map((r) => ({ timestamp: Number(r.day), perUnit: BigInt(r.perUnit), amount: BigInt(r.amount) }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

/** The decimals to format a scaled perUnit with, for a token of `decimals`. */
export const perUnitDecimals = (decimals: number) => decimals + PER_UNIT_SCALE_DECIMALS;

/** What `units` earned from a cumulative per-unit (rounded down, as the contract pays). */
export const earnedBy = (perUnit: bigint, units: bigint) => (perUnit * units) / 10n ** BigInt(PER_UNIT_SCALE_DECIMALS);

/** Income still unclaimed: income - claimed (the sum of every account's claimable, give or take dust). */
export function unclaimed(row: Pick<VaultCurrencyRow, "income" | "claimed">): bigint {
  const v = BigInt(row.income) - BigInt(row.claimed);
  return v > 0n ? v : 0n;
}
