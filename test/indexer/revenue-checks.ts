/**
 * The shares and pools half of the indexer checks, against the chain: every share token (terms as
 * created, sold, ended, offeringRemaining(), holder count), holder (balanceOf, boughtBy) and purchase
 * (SharesBought, and its Ledger Paid with source "shares" as the artist's earning); every pool (its views,
 * memberCount, totalUnits, proposalCount), member (isMember, unitsOf, the admitting proposal), proposal
 * (proposal(id)) and vote (Voted); and for every vault and currency the totals against the events and the
 * chain: perUnit(token), budget(token) = budget - budgetSpent, the vault's holdings = income + budget -
 * budgetSpent - claimed, and income - claimed = the sum of claimable(account, token) over every account
 * that ever held units, give or take one base unit of rounding per account. Income rows (IncomeReceived
 * with a pool's BudgetCredited of the same income), income per day and claims are compared with the logs.
 */
import { Failures } from "./checks.ts";
import type { World } from "./world.ts";
import { loadRevenueChain } from "./revenue-chain.ts";
import { checkShares } from "./share-checks.ts";
import { checkPools } from "./pool-checks.ts";
import { checkVaults } from "./vault-checks.ts";

export async function checkRevenue(
  url: string,
  world: World,
): Promise<{ failures: string[]; stats: Record<string, number> }> {
  const f = new Failures();
  const chain = await loadRevenueChain(url, world);
  // In this order: the shares and pools checks record who ever held units; the vault checks sum over them.
  const stats = {
    ...(await checkShares(chain, f)),
    ...(await checkPools(chain, f)),
    ...(await checkVaults(chain, f)),
  };
  return { failures: f.list, stats: { ...stats, revenueComparisons: f.count } };
}
