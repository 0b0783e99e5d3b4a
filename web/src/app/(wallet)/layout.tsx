import type { ReactNode } from "react";
import { connection } from "next/server";
import { WalletRoot } from "@/components/wallet/WalletRoot";
import { WalletBar } from "@/components/wallet/WalletBar";
import { serverConfig } from "@/lib/config";

/** Routes that need a wallet: only these load wagmi + RainbowKit (lazily, see WalletRoot). */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <WalletRoot config={serverConfig()}>
      <WalletBar />
      {children}
    </WalletRoot>
  );
}
