"use client";
/**
 * The wallet stack: wagmi + RainbowKit + TanStack Query. Only loaded (through next/dynamic in
 * WalletRoot) by the routes that need a wallet, so read-only pages never download it.
 */
import "@rainbow-me/rainbowkit/styles.css";
import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { WagmiProvider, createConfig, http } from "wagmi";
import { RainbowKitProvider, connectorsForWallets, lightTheme } from "@rainbow-me/rainbowkit";
import { base, injectedWallet, walletConnectWallet } from "@rainbow-me/rainbowkit/wallets";
import type { AppConfig } from "@/lib/config";
import { chainFor } from "@/lib/chains";
import { walletIds, type WalletId } from "@/lib/wallets";
import { AppConfigContext } from "./AppConfigContext";
import { ToastProvider } from "@/components/ui/Toast";
import { SessionProvider } from "./session";

const WALLETS = { injected: injectedWallet, base, walletConnect: walletConnectWallet } satisfies Record<
  WalletId,
  unknown
>;

function makeWagmiConfig(cfg: AppConfig) {
  const chain = chainFor(cfg.chainId, cfg.rpcUrl);
  const wallets = walletIds(cfg).map((id) => WALLETS[id]);
  const connectors = connectorsForWallets([{ groupName: "Wallets", wallets }], {
    appName: "Not a Label",
    // Only used by WalletConnect, which is offered only when a project id is configured.
    projectId: cfg.walletConnectProjectId ?? "not-configured",
  });
  return {
    chain,
    wagmi: createConfig({
      chains: [chain],
      connectors,
      transports: { [chain.id]: http(cfg.rpcUrl) },
      ssr: true,
      // EIP-6963: wallets that announce themselves are offered too.
      multiInjectedProviderDiscovery: true,
      pollingInterval: 1_000,
    }),
  };
}

export default function Providers({ config, children }: { config: AppConfig; children: ReactNode }) {
  // Created once per page load: router.refresh() re-sends the (equal) config props as a new object, and
  // a new wagmi config would drop the connection.
  const [{ chain, wagmi }] = useState(() => makeWagmiConfig(config));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: 1 } } }),
  );
  const [appConfig] = useState(() => ({ ...config, chain, indexerBase: "/api/indexer" }));
  return (
    <WagmiProvider config={wagmi}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={lightTheme({ accentColor: "#4338ca", borderRadius: "small" })} initialChain={chain}>
          <AppConfigContext.Provider value={appConfig}>
            <SessionProvider>
              <ToastProvider>{children}</ToastProvider>
            </SessionProvider>
          </AppConfigContext.Provider>
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
