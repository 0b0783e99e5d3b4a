/**
 * A wallet's vaults for the portfolio: the shares it holds or held and the pools it is or was in, as one
 * list, and which of them have something to claim. Pure and unit-tested.
 */
import { getAddress, zeroAddress, type Address } from "viem";
import type { PoolMemberRow, PoolRow } from "../pools/queries.ts";
import type { ShareHolderRow, ShareTokenRow } from "./queries.ts";

export type PortfolioVault = {
  vault: Address;
  kind: "shares" | "pool";
  name: string;
  /** ETH, and the vault's currency when it has one. */
  tokens: Address[];
  /** Shares held, or the member's weight (0 after leaving). */
  units: bigint;
  /** Still a holder or member. */
  current: boolean;
};

const tokensOf = (currency: string): Address[] =>
  BigInt(currency) === 0n ? [zeroAddress] : [zeroAddress, getAddress(currency)];

export function portfolioVaults(
  shares: readonly { holder: ShareHolderRow; token: ShareTokenRow }[],
  pools: readonly { member: PoolMemberRow; pool: PoolRow }[],
): PortfolioVault[] {
  const list: PortfolioVault[] = [
    ...shares.map(({ holder, token }) => ({
      vault: getAddress(token.id),
      kind: "shares" as const,
      name: `${token.name} (${token.symbol})`,
      tokens: tokensOf(token.currency),
      units: BigInt(holder.balance),
      current: BigInt(holder.balance) > 0n,
    })),
    ...pools.map(({ member, pool }) => ({
      vault: getAddress(pool.id),
      kind: "pool" as const,
      name: pool.name,
      tokens: tokensOf(pool.currency),
      units: member.active ? BigInt(member.weight) : 0n,
      current: member.active,
    })),
  ];
  const seen = new Set<string>();
  return list.filter((v) => (seen.has(v.vault) ? false : (seen.add(v.vault), true)));
}

/** The vaults to claim from: one claimAll each, for those with any claimable amount. */
export function vaultsToClaim(
  vaults: readonly PortfolioVault[],
  claimable: (vault: Address, token: Address) => bigint,
): PortfolioVault[] {
  return vaults.filter((v) => v.tokens.some((t) => claimable(v.vault, t) > 0n));
}

/** Claimable totals per token over all vaults. */
export function claimableTotals(
  vaults: readonly PortfolioVault[],
  claimable: (vault: Address, token: Address) => bigint,
): Map<Address, bigint> {
  const totals = new Map<Address, bigint>();
  for (const v of vaults) for (const t of v.tokens) totals.set(t, (totals.get(t) ?? 0n) + claimable(v.vault, t));
  return totals;
}
