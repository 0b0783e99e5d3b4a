"use client";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import type { Deployment } from "@notalabel/contracts";
import { Alert } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { useDeployment } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";

/**
 * Renders `children` only with a connected account on a chain where the platform is deployed;
 * otherwise says what is missing. `why` tells the user what the wallet will be used for.
 */
export function WalletGate({
  why,
  children,
}: {
  why: string;
  children: (ctx: { account: Address; deployment: Deployment }) => ReactNode;
}) {
  const { address } = useAccount();
  const deployment = useDeployment();
  const { chain } = useAppConfig();
  if (!deployment)
    return (
      <Alert tone="error" title="Not deployed">
        The contracts are not deployed on {chain.name}.
      </Alert>
    );
  if (!address) return <ConnectPrompt what={why} />;
  return <>{children({ account: address, deployment })}</>;
}
