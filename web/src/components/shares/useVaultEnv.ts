"use client";
/**
 * What the vault panels (shares and pools) need from the wallet: the account, whether it is on the app's
 * network, and the Ledger, SharesFactory and PoolFactory addresses of the deployment.
 */
import type { Address } from "viem";
import { useWalletEnv } from "@/components/wallet/hooks";

export function useVaultEnv() {
  const { contracts, ...env } = useWalletEnv();
  return {
    ...env,
    ledger: contracts?.Ledger.address as Address | undefined,
    sharesFactory: contracts?.SharesFactory?.address as Address | undefined,
    poolFactory: contracts?.PoolFactory?.address as Address | undefined,
    registry: contracts?.ArtistRegistry.address as Address | undefined,
  };
}

export type VaultEnv = ReturnType<typeof useVaultEnv>;
