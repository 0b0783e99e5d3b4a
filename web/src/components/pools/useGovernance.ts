"use client";
/**
 * A pool's members, proposals and votes, live: the server's reading first, then the indexer every 4 s
 * (a join request or a vote made elsewhere shows without a reload).
 */
import { useQuery } from "@tanstack/react-query";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchPoolGovernance, type PoolGovernance } from "@/lib/pools/queries";

export function useGovernance(initial: PoolGovernance): PoolGovernance {
  const { indexerBase } = useAppConfig();
  const q = useQuery({
    queryKey: ["indexer", "pool-governance", initial.pool.id],
    queryFn: () => fetchPoolGovernance(indexerBase, initial.pool.id),
    initialData: initial,
    refetchInterval: 4_000,
  });
  return q.data ?? initial;
}
