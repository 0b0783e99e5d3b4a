/**
 * Shared by the shares, pools and income handlers (src/shares/*, src/pools/*, src/revenue/*): ids, and
 * the per-currency totals of a vault (a RoyaltyShares or a RevenuePool: both are IIncomeVaults).
 */
import type { Context } from "ponder:registry";
import { vaultCurrency } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";
import { lower } from "./money.ts";

export type VaultKind = "shares" | "pool";

/** share_holder id: "<shares>-<account>". */
export const holderKey = (shares: Hex, account: Hex): string => `${lower(shares)}-${lower(account)}`;

/** pool_member id: "<pool>-<account>". */
export const memberKey = (pool: Hex, account: Hex): string => `${lower(pool)}-${lower(account)}`;

/** pool_proposal id: "<pool>-<proposalId>". */
export const proposalKey = (pool: Hex, id: bigint): string => `${lower(pool)}-${id}`;

/** vault_currency id: "<vault>-<token>". */
export const vaultKey = (vault: Hex, token: Hex): string => `${lower(vault)}-${lower(token)}`;

/** Unix seconds of the start of the UTC day of `timestamp` (vault_income_daily.day). */
export const dayStart = (timestamp: bigint): bigint => timestamp - (timestamp % 86_400n);

/** The vault's currencies, with nothing yet: ETH, and its ERC-20 unless it has none. */
export async function openVault(
  context: Context,
  vault: Hex,
  kind: VaultKind,
  currency: Hex,
  timestamp: bigint,
): Promise<void> {
  const tokens = currency === zeroAddress ? [zeroAddress] : [zeroAddress, lower(currency)];
  for (const token of tokens) {
    await context.db.insert(vaultCurrency).values({
      id: vaultKey(vault, token),
      vault: lower(vault),
      kind,
      token,
      income: 0n,
      budget: 0n,
      budgetSpent: 0n,
      claimed: 0n,
      perUnit: 0n,
      updatedAt: timestamp,
    });
  }
}

type Totals = { income?: bigint; budget?: bigint; budgetSpent?: bigint; claimed?: bigint; perUnit?: bigint };

/** Adds to a vault's totals in `token` (and sets its latest perUnit); the chain accepts only its currencies. */
export async function addToVault(
  context: Context,
  vault: Hex,
  token: Hex,
  add: Totals,
  timestamp: bigint,
): Promise<void> {
  const id = vaultKey(vault, token);
  if (!(await context.db.find(vaultCurrency, { id }))) throw new Error(`vault_currency ${id} missing`);
  await context.db.update(vaultCurrency, { id }).set((row) => ({
    income: row.income + (add.income ?? 0n),
    budget: row.budget + (add.budget ?? 0n),
    budgetSpent: row.budgetSpent + (add.budgetSpent ?? 0n),
    claimed: row.claimed + (add.claimed ?? 0n),
    perUnit: add.perUnit ?? row.perUnit,
    updatedAt: timestamp,
  }));
}
