"use client";
/**
 * What every market panel needs from the wallet: the account, whether it is on the app's network, the
 * Marketplace and Ledger addresses of the deployment, the token's holdings and approval, and a reader of
 * the chain's clock for countdowns.
 */
import { useCallback } from "react";
import { hexToNumber, zeroAddress, type Address } from "viem";
import { usePublicClient, useReadContract } from "wagmi";
import { dropCollectionAbi, testNftAbi, testTokenAbi } from "@notalabel/contracts";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { useWalletEnv } from "@/components/wallet/hooks";
import { TIMESTAMP_PROBE, type ClockSample } from "@/lib/market/clock";
import { ERC721, type Standard } from "@/lib/market/terms";

export function useMarketEnv() {
  const { contracts, ...env } = useWalletEnv();
  return {
    ...env,
    market: contracts?.Marketplace?.address as Address | undefined,
    ledger: contracts?.Ledger.address as Address | undefined,
  };
}

/** Reads the chain's time of the next block (exact on a local chain after evm_increaseTime). */
export function useClockReader(): () => Promise<ClockSample | null> {
  const app = useAppConfig();
  const client = usePublicClient({ chainId: app.chain.id });
  return useCallback(async () => {
    if (!client) return null;
    try {
      const { data } = await client.call({ data: TIMESTAMP_PROBE, blockTag: "pending" });
      if (data) return { chain: hexToNumber(data), local: Date.now(), kind: "pending" };
    } catch {
      /* below */
    }
    const block = await client.getBlock();
    return { chain: Number(block.timestamp), local: Date.now(), kind: "block" };
  }, [client]);
}

/** How many of the token `account` holds (an ERC-721: 1 when it is the owner), refreshed every 10 s. */
export function useHeld(collection: Address, tokenId: bigint, standard: Standard, account: Address | undefined) {
  const { chain } = useAppConfig();
  const erc1155 = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "balanceOf",
    args: [account ?? zeroAddress, tokenId],
    chainId: chain.id,
    query: { enabled: !!account && standard !== ERC721, refetchInterval: 10_000 },
  });
  const owner = useReadContract({
    address: collection,
    abi: testNftAbi,
    functionName: "ownerOf",
    args: [tokenId],
    chainId: chain.id,
    query: { enabled: !!account && standard === ERC721, refetchInterval: 10_000 },
  });
  if (!account) return { held: 0n, loading: false };
  if (standard === ERC721)
    return {
      held: owner.data && owner.data.toLowerCase() === account.toLowerCase() ? 1n : 0n,
      loading: owner.isLoading,
    };
  return { held: erc1155.data ?? 0n, loading: erc1155.isLoading };
}

/** Whether the marketplace may move `account`'s tokens of the collection (setApprovalForAll). */
export function useMarketApproval(collection: Address, account: Address | undefined, market: Address | undefined) {
  const { chain } = useAppConfig();
  const q = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "isApprovedForAll",
    args: [account ?? zeroAddress, market ?? zeroAddress],
    chainId: chain.id,
    query: { enabled: !!account && !!market },
  });
  return { approved: q.data, refetch: q.refetch };
}

/** An ERC-20's balance and allowance to `spender` for `account` (undefined for ETH or while loading). */
export function useErc20(currency: Address, account: Address | undefined, spender: Address | undefined) {
  const { chain } = useAppConfig();
  const isEth = BigInt(currency) === 0n;
  const balance = useReadContract({
    address: currency,
    abi: testTokenAbi,
    functionName: "balanceOf",
    args: [account ?? zeroAddress],
    chainId: chain.id,
    query: { enabled: !!account && !isEth },
  });
  const allowance = useReadContract({
    address: currency,
    abi: testTokenAbi,
    functionName: "allowance",
    args: [account ?? zeroAddress, spender ?? zeroAddress],
    chainId: chain.id,
    query: { enabled: !!account && !!spender && !isEth },
  });
  return { isEth, balance: balance.data, allowance: allowance.data };
}
