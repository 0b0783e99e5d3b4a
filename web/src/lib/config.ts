/**
 * Runtime configuration. Read on the server at request time (not inlined at build time), so one build
 * can serve any chain / indexer: the values reach client components as props (see WalletRoot).
 */
export type AppConfig = {
  chainId: number;
  rpcUrl: string;
  indexerUrl: string;
  walletConnectProjectId: string | null;
};

export const DEFAULTS = {
  chainId: 31337,
  rpcUrl: "http://127.0.0.1:8545",
  indexerUrl: "http://127.0.0.1:42069",
} as const;

/** Parses the environment (unknown values fall back to the local stack's defaults). */
export function readConfig(env: Record<string, string | undefined>): AppConfig {
  const chainId = Number(env.NEXT_PUBLIC_CHAIN_ID ?? DEFAULTS.chainId);
  if (!Number.isInteger(chainId) || chainId <= 0)
    throw new Error(`NEXT_PUBLIC_CHAIN_ID is not a chain id: ${env.NEXT_PUBLIC_CHAIN_ID}`);
  const strip = (u: string) => u.replace(/\/+$/, "");
  return {
    chainId,
    rpcUrl: strip(env.NEXT_PUBLIC_RPC_URL || DEFAULTS.rpcUrl),
    indexerUrl: strip(env.NEXT_PUBLIC_INDEXER_URL || DEFAULTS.indexerUrl),
    walletConnectProjectId: env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID?.trim() || null,
  };
}

/** Server only: the configuration of this process. Dynamic key access keeps Next from inlining it at build. */
export function serverConfig(): AppConfig {
  const env: Record<string, string | undefined> = {};
  for (const k of [
    "NEXT_PUBLIC_CHAIN_ID",
    "NEXT_PUBLIC_RPC_URL",
    "NEXT_PUBLIC_INDEXER_URL",
    "NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID",
  ]) {
    env[k] = process.env[k];
  }
  return readConfig(env);
}
