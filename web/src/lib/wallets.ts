/**
 * Which wallets the connect dialog offers, from the runtime configuration (pure, so it is unit-tested;
 * Providers maps the ids to RainbowKit's wallets):
 *  - "injected": browser extensions and in-app browsers (EIP-1193, and every EIP-6963 wallet that
 *    announces itself), always;
 *  - "base": Base Account, Coinbase's smart wallet (passkeys, no extension: a phone browser signs in with
 *    its fingerprint), on public chains; its keys live at keys.coinbase.com, which a local chain cannot use;
 *  - "walletConnect": phone wallets by QR code or deep link, when a WalletConnect project id is configured.
 */
import type { AppConfig } from "./config";

export type WalletId = "injected" | "base" | "walletConnect";

/** The local development chain (Hardhat): no smart-wallet service can reach it. */
const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

export function walletIds(cfg: Pick<AppConfig, "chainId" | "walletConnectProjectId">): WalletId[] {
  const ids: WalletId[] = ["injected"];
  if (!LOCAL_CHAIN_IDS.has(cfg.chainId)) ids.push("base");
  if (cfg.walletConnectProjectId) ids.push("walletConnect");
  return ids;
}
