"use client";
/**
 * What the vault panels (shares and pools) need from the wallet: the account, whether it is on the app's
 * network, and the Ledger, SharesFactory and PoolFactory addresses of the deployment.
 */
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { useDeployment } from "@/components/wallet/hooks";

export function useVaultEnv() {
  const app = useAppConfig();
  const deployment = useDeployment();
  const { address: account, chainId, isConnected } = useAccount();
  return {
    app,
    chainId: app.chain.id,
    account,
    wrongNetwork: isConnected && chainId !== app.chain.id,
    ledger: deployment?.contracts.Ledger.address as Address | undefined,
    sharesFactory: deployment?.contracts.SharesFactory?.address as Address | undefined,
    poolFactory: deployment?.contracts.PoolFactory?.address as Address | undefined,
    registry: deployment?.contracts.ArtistRegistry.address as Address | undefined,
  };
}

export type VaultEnv = ReturnType<typeof useVaultEnv>;
