"use client";
import { createContext, useContext } from "react";
import type { Chain } from "viem";
import type { AppConfig } from "@/lib/config";

export type ClientAppConfig = AppConfig & {
  chain: Chain;
  /** Same-origin proxy of the indexer. */ indexerBase: string;
};

export const AppConfigContext = createContext<ClientAppConfig | null>(null);

export function useAppConfig(): ClientAppConfig {
  const c = useContext(AppConfigContext);
  if (!c) throw new Error("useAppConfig outside the wallet provider");
  return c;
}
