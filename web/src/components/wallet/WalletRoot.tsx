"use client";
/**
 * Entry point of the wallet stack for the (wallet) route group. next/dynamic splits wagmi, RainbowKit
 * and TanStack Query into their own chunks that only these routes load.
 */
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { AppConfig } from "@/lib/config";

const Providers = dynamic(() => import("./Providers"), {
  loading: () => (
    <p className="muted container" role="status">
      Loading wallet…
    </p>
  ),
});

export function WalletRoot({ config, children }: { config: AppConfig; children: ReactNode }) {
  return <Providers config={config}>{children}</Providers>;
}
