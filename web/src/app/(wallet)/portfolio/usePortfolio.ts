"use client";
/**
 * The connected wallet's vaults (from the indexer) and what it can claim from each, read from the chain
 * (claimable(account, token) for every vault and currency), refreshed every 10 s and after every transaction.
 */
import { useMemo } from "react";
import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { revenuePoolAbi } from "@notalabel/contracts";
import { useIndexer } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchAccountPools } from "@/lib/pools/queries";
import { portfolioVaults } from "@/lib/shares/portfolio";
import { fetchHeldShares } from "@/lib/shares/queries";

export function usePortfolio(account: Address) {
  const { chain } = useAppConfig();
  const shares = useIndexer(["portfolio-shares", account], (base) => fetchHeldShares(base, account));
  const pools = useIndexer(["portfolio-pools", account], (base) => fetchAccountPools(base, account));
  const vaults = useMemo(() => portfolioVaults(shares.data ?? [], pools.data ?? []), [shares.data, pools.data]);
  const pairs = vaults.flatMap((v) => v.tokens.map((t) => ({ vault: v.vault, token: t })));
  const reads = useReadContracts({
    contracts: pairs.map((p) => ({
      address: p.vault,
      abi: revenuePoolAbi,
      functionName: "claimable" as const,
      args: [account, p.token] as const,
      chainId: chain.id,
    })),
    query: { enabled: pairs.length > 0, refetchInterval: 10_000 },
  });
  const amounts = new Map<string, bigint>();
  pairs.forEach((p, i) => amounts.set(`${p.vault}-${p.token}`, (reads.data?.[i]?.result as bigint | undefined) ?? 0n));
  const claimable = (vault: Address, token: Address) => amounts.get(`${vault}-${token}`) ?? 0n;
  return {
    vaults,
    claimable,
    loading: shares.isLoading || pools.isLoading || (pairs.length > 0 && reads.isLoading),
    error: shares.error ?? pools.error ?? null,
    refetch: reads.refetch,
  };
}
