import { defineChain, type Chain } from "viem";
import { base, baseSepolia, hardhat, mainnet, polygon } from "viem/chains";

const KNOWN: Record<number, Chain> = {
  [hardhat.id]: hardhat,
  [base.id]: base,
  [baseSepolia.id]: baseSepolia,
  [mainnet.id]: mainnet,
  [polygon.id]: polygon,
};

/** The chain for `chainId`, with `rpcUrl` as its default RPC (any id works; unknown ones get a generic chain). */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  const known = KNOWN[chainId];
  const rpcUrls = { default: { http: [rpcUrl] } };
  if (known) return { ...known, rpcUrls };
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls,
  });
}

export function explorerTxUrl(chain: Chain, hash: string): string | null {
  const url = chain.blockExplorers?.default.url;
  return url ? `${url}/tx/${hash}` : null;
}
