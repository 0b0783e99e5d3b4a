import { createPublicClient, http } from "viem";
import { chainFor } from "./chains";
import { serverConfig } from "./config";

/** A viem public client for server components (reads the chain at request time). */
export function serverPublicClient() {
  const cfg = serverConfig();
  return createPublicClient({ chain: chainFor(cfg.chainId, cfg.rpcUrl), transport: http(cfg.rpcUrl) });
}
