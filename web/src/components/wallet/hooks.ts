"use client";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useAccount } from "wagmi";
import { getDeployment } from "@notalabel/contracts";
import { useAppConfig } from "./AppConfigContext";

export function useDebounced<T>(value: T, ms = 350): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Contract addresses of the configured chain (from the generated deployment records). */
export function useDeployment() {
  const { chainId } = useAppConfig();
  try {
    return getDeployment(chainId);
  } catch {
    return null;
  }
}

/**
 * What every wallet panel needs: the app's config and chain, the connected account, whether the wallet is
 * on another network, and the deployment's contracts.
 */
export function useWalletEnv() {
  const app = useAppConfig();
  const deployment = useDeployment();
  const { address: account, chainId, isConnected } = useAccount();
  return {
    app,
    chainId: app.chain.id,
    account,
    wrongNetwork: isConnected && chainId !== app.chain.id,
    contracts: deployment?.contracts,
  };
}

/** A query against the indexer through the same-origin proxy. */
export function useIndexer<T>(key: readonly unknown[], fn: (base: string) => Promise<T>, enabled = true) {
  const { indexerBase } = useAppConfig();
  return useQuery({ queryKey: ["indexer", ...key], queryFn: () => fn(indexerBase), enabled });
}
